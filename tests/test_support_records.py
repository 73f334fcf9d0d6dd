"""Each child's records (lbc.roster.support): the one attribution the summary, the
follow-up list and the watch list share."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, write_xlsx
from lbc.roster.support import ChildIndex, dated_records, each_childs_records
from lbc.roster.tables import load_roster


def test_records_are_attributed_by_name_class_and_school(tmp_path: Path) -> None:
    kids = [
        ["学校", *CHILD_HEADER],
        ["甲校", *child_row(1, name="张三", cls="三年级(1)班")],
        ["甲校", *child_row(2, name="张三", cls="三年级(2)班")],
        ["乙校", *child_row(3, name="李四", cls="三年级(1)班")],
        ["甲校", *child_row(4, name="李四", cls="三年级(1)班")],
    ]
    day = dt.date(2024, 10, 8)
    records = [
        ["学校", *RECORD_HEADER],
        ["甲校", day, "王老师", "张三", "三年级(2)班", "谈心", "x"],  # class tells them apart
        ["甲校", day, "王老师", "张三", None, "谈心", "x"],  # two namesakes: nobody
        ["乙校", day, "王老师", "李四", None, "家访", "x"],  # the school tells them apart
        [None, day, "王老师", "李四", None, "家访", "x"],  # no school: two namesakes
        ["乙校", dt.date(2024, 11, 2), "王老师", "李四", None, "送温暖", "x"],
        ["乙校", dt.date(2025, 3, 1), "王老师", "李四", None, "谈心", "outside"],
    ]
    path = write_xlsx(tmp_path / "county.xlsx", {"儿童": kids, "帮扶记录": records})
    roster = load_roster([path])
    table = roster.children[0]
    index = ChildIndex(table.values["name"], table.values["class"], table.values["school"])
    found = dated_records(roster, index, dt.date(2024, 9, 1), dt.date(2025, 1, 31))
    assert [r.child for r in found] == [1, None, 2, None, 2]
    assert [r.row for r in found] == [2, 3, 4, 5, 6]
    had = each_childs_records(found)
    assert had.talks_in(1, (2024, 10)) == 1
    assert had.teacher_talks("王老师", 1, (2024, 10)) == 1
    assert had.visits[2] == 1 and had.teacher_visits("王老师", 2) == 1
    assert had.warmth[2] == 1
    assert had.last == {1: day, 2: dt.date(2024, 11, 2)}
    assert had.contacted == {1, 2}
