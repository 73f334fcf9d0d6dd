"""A child who came to the school during the term (转入, with its 转入日期) owes nothing for
the time before it came."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx

TEACHERS = [["姓名", "在岗"], ["王芳", "是"]]


def _roster(tmp_path: Path, arrival: object) -> Path:
    """张雨涵 at the school all term; 李明轩 come on ``arrival`` (转入), talked with in
    November, December and January; no records of 张雨涵."""
    kids = [
        [*CHILD_HEADER, "在校状态", "转入日期", "帮扶教师"],
        [*child_row(1), "在读", None, "王芳"],
        [*child_row(2), "转入", arrival, "王芳"],
    ]
    talks = [
        [dt.date(2024, 11, 12), "王芳", "李明轩", None, "谈心", "谈新学校"],
        [dt.date(2024, 12, 3), "王芳", "李明轩", None, "谈心", "谈学习"],
        [dt.date(2025, 1, 8), "王芳", "李明轩", None, "谈心", "谈寒假"],
    ]
    return write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *talks]},
    )


def test_a_child_who_came_mid_term_owes_no_talk_before_it(tmp_path: Path) -> None:
    """李明轩 transferred in on 2024-11-04 (转入日期). lbc due listed him as overdue, his
    September and October talks missed, and the summary counted him among the children
    not talked with every month; the watch list had him out of contact since the school
    year began. He owes the months he was at the school for (November on), his days
    without contact count from his arrival, and a 转入年月 (2024年11月) is its month's
    first day."""
    for arrival in (dt.date(2024, 11, 4), "2024年11月"):
        path = _roster(tmp_path, arrival)
        columns = run("columns", path).stdout
        assert "转入日期 (arrival_date)" in columns
        due = run("due", path, "--as-of", "2024-12-20", "--format", "json")
        assert due.stderr == ""
        assert [
            (c["child"], c["missed_months"], c["overdue"])
            for x in due.json()["teachers"]
            for c in x["children"]
        ] == [("张雨涵", ["2024-09", "2024-10", "2024-11"], True), ("李明轩", [], False)]
        summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
        records = summary.json()["records"]
        assert (records["talk_every_month"], records["teachers_behind"][0]["missing_talks"]) == (
            1,
            1,
        )
        watch = run("watch", path, "--as-of", "2024-11-10", "--format", "json").json()
        listed = [c["name"] for x in watch["classes"] for c in x["children"]]
        assert listed == ["张雨涵"]


def test_an_unreadable_arrival_date_is_pointed_at(tmp_path: Path) -> None:
    """A 转入日期 lbc cannot read (上个月) is said at its cell, as any unreadable date,
    and the child owes every month of the term."""
    path = _roster(tmp_path, "上个月")
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["field"]) for f in found] == [
        ("DATE001", 3, "P", "arrival_date")
    ]
    due = run("due", path, "--as-of", "2024-12-20", "--format", "json")
    assert [c["missed_months"] for x in due.json()["teachers"] for c in x["children"]] == [
        ["2024-09", "2024-10", "2024-11"],
        ["2024-09", "2024-10"],
    ]


def test_a_child_enrolled_after_the_year_began_owes_nothing_before(tmp_path: Path) -> None:
    """The 学籍 export's 入学年月 (入学时间) is when a child came to the school: 李明轩,
    enrolled 2024年11月, owes no talk of September or October, nor days without contact
    before he came, in lbc due, the summary and the watch list; 张雨涵, enrolled in 2019,
    and 王梓萱, in the month the school year began (2024年9月), owe the whole term. An
    unreadable one is DATE001 at its cell."""
    for header in ("入学年月", "入学时间"):
        kids = [
            [*CHILD_HEADER, header, "帮扶教师"],
            [*child_row(1), "2019年9月", "王芳"],
            [*child_row(2), "2024年11月", "王芳"],
            [*child_row(3), dt.date(2024, 9, 1), "王芳"],
            [*child_row(4), "去年秋天", "王芳"],
        ]
        talks = [
            [dt.date(2024, 11, 12), "王芳", "李明轩", None, "谈心", "谈新学校"],
            [dt.date(2024, 12, 3), "王芳", "李明轩", None, "谈心", "谈学习"],
        ]
        path = write_xlsx(
            tmp_path / "roster.xlsx",
            {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *talks]},
        )
        assert "入学年月 (enrollment_date)" in run("columns", path).stdout
        found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
        assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
            ("DATE001", 5, "O", f"“{header}”无法识别为日期")
        ]
        due = run("due", path, "--as-of", "2024-12-20", "--format", "json").json()
        assert [
            (c["child"], c["missed_months"], c["overdue"])
            for x in due["teachers"]
            for c in x["children"]
        ] == [
            ("张雨涵", ["2024-09", "2024-10", "2024-11"], True),
            ("李明轩", [], False),
            ("王梓萱", ["2024-09", "2024-10", "2024-11"], True),
            ("刘浩然", ["2024-09", "2024-10", "2024-11"], True),
        ]
        summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
        records = summary.json()["records"]
        assert records["talk_every_month"] == 0  # 李明轩 had no talk in January
        assert records["teachers_behind"][0]["missing_talks"] == 4
        watch = run("watch", path, "--as-of", "2024-11-10", "--format", "json").json()
        listed = [c["name"] for x in watch["classes"] for c in x["children"]]
        assert listed == ["张雨涵", "王梓萱", "刘浩然"]


def test_record_sheets_lay_out_no_talk_before_a_child_came(tmp_path: Path) -> None:
    """李明轩 came on 2024-11-04: lbc due and the summary ask no talk of September or
    October of him, so his teacher's record sheet lays none out either (a row to fill for
    a month he was not at the school); 张雨涵, there all term, has a row for each month."""
    path = _roster(tmp_path, dt.date(2024, 11, 4))
    made = run("record-sheets", path, "--term", "2024-autumn", "--out", tmp_path / "记录表")
    assert made.exit_code == 0, made.stderr
    (book,) = (tmp_path / "记录表").glob("*.xlsx")
    ws = load_workbook(book)["帮扶记录"]
    talks = [(r[1], r[4]) for r in ws.iter_rows(min_row=3, values_only=True) if r[3] == "谈心"]
    months = ["2024年9月", "2024年10月", "2024年11月", "2024年12月", "2025年1月"]
    assert [m for name, m in talks if name == "张雨涵"] == months
    assert [m for name, m in talks if name == "李明轩"] == months[2:]
