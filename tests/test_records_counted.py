"""Which records count, and for whom: copies of one record on two sheets, records named in
other characters, and a month shared by two terms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import conftest
from conftest import CHILD_HEADER, RECORD_HEADER, Result, child_row, run, write_xlsx

TEACHERS = [["姓名", "在岗"], ["王芳", "是"], ["李强", "是"]]
TALK = ["谈心", "谈学习"]
VISIT = ["家访", "入户"]


def _roster(tmp_path: Path, *names: str, **sheets: list[list[object]]) -> Path:
    """A roster of children 1 and 2 (张雨涵, 李明轩, or ``names``), both 王芳's, and a
    records sheet of each of ``sheets`` (sheet name -> record rows)."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    kids += [[*child_row(n, *names[n - 1 : n]), "王芳"] for n in (1, 2)]
    records = {name: [RECORD_HEADER, *rows] for name, rows in sheets.items()}
    return write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": TEACHERS, **records})


def _had(due: Result) -> list[tuple[object, ...]]:
    """Each child lbc due lists: talks this month, visits, records by another teacher."""
    return [
        (c["child"], c["talks_this_month"], c["visits"], c["other_teachers"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ]


def test_a_name_in_traditional_characters_is_the_childs(tmp_path: Path) -> None:
    """The roster has 张伟; 王芳 wrote his home visit as 張偉 (a phone's traditional input).
    The record named nobody: lbc validate said 張偉 is not on the roster (REC002) and lbc
    due that he had no visit. 張偉 is 张伟 now, and 李明軒 is 李明轩."""
    path = _roster(
        tmp_path,
        "张伟",
        帮扶记录=[
            [dt.date(2024, 10, 8), "王芳", "張偉", None, *VISIT],
            [dt.date(2024, 10, 9), "王芳", "李明軒", None, *TALK],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _had(due) == [("张伟", 0, 1, 0), ("李明轩", 1, 0, 0)]
    assert due.stderr == ""
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert found == []
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["records"]["matched"], summary["records"]["home_visited"]) == (2, 1)


def test_two_children_alike_in_simplified_characters_are_found_as_written(
    tmp_path: Path,
) -> None:
    """The roster has 张伟 and 張偉, two boys. A record of 张伟 is 张伟's, one of 張偉
    張偉's, as before; one of 張伟 could be either, and is nobody's, as before."""
    path = _roster(
        tmp_path,
        "张伟",
        "張偉",
        帮扶记录=[
            [dt.date(2024, 10, 8), "王芳", "張偉", None, *VISIT],
            [dt.date(2024, 10, 9), "王芳", "张伟", None, *TALK],
            [dt.date(2024, 10, 10), "王芳", "張伟", None, *TALK],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _had(due) == [("张伟", 1, 0, 0), ("張偉", 0, 1, 0)]
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("REC002", 4, "張伟")]


def test_a_month_on_one_sheet_is_the_day_of_it_on_a_copy(tmp_path: Path) -> None:
    """王芳 wrote 张雨涵's October talk as 2024年10月 on her sheet, and a copy of it in the
    workbook (帮扶记录 (2)) has the day, 2024-10-15: two talks, unless the day was the 1st.
    One talk now. Two rows of one sheet are two talks still (李明轩's), and a copy's month
    beyond the days of the other sheet is one more (张雨涵's two visits)."""
    path = _roster(
        tmp_path,
        帮扶记录=[
            ["2024年10月", "王芳", "张雨涵", None, *TALK],
            ["2024年10月", "王芳", "李明轩", None, *TALK],
            [dt.date(2024, 10, 9), "王芳", "李明轩", None, *TALK],
            [dt.date(2024, 10, 9), "王芳", "张雨涵", None, *VISIT],
        ],
        **{
            "帮扶记录 (2)": [
                [dt.date(2024, 10, 15), "王芳", "张雨涵", None, *TALK],
                [dt.date(2024, 10, 9), "王芳", "李明轩", None, *TALK],
                ["2024年10月", "王芳", "张雨涵", None, *VISIT],
                [dt.date(2024, 10, 9), "王芳", "张雨涵", None, *VISIT],
            ]
        },
    )
    due = run("due", path, "--as-of", "2024-10-20", "--format", "json")
    assert _had(due) == [("张雨涵", 1, 2, 0), ("李明轩", 2, 0, 0)]
    assert due.json()["summary"]["records"] == 5
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["records"]["total"], summary["records"]["talks"]) == (5, 3)
    assert summary["records"]["by_month"][1] == {"name": "2024-10", "count": 5}


def test_two_teachers_who_visited_together_each_have_the_visit(tmp_path: Path) -> None:
    """李强 went with 王芳 to 张雨涵's home on 2024-10-08, and each wrote the visit on their
    own sheet. It was one visit for the child, credited to 李强 (his sheet was read first):
    lbc due said 张雨涵 had a record by another teacher and the summary that 王芳, her
    teacher, was short a visit. One visit for the child still, and 王芳's own."""
    path = _roster(
        tmp_path,
        李强=[[dt.date(2024, 10, 8), "李强", "张雨涵", None, *VISIT]],
        王芳=[
            [dt.date(2024, 10, 8), "王芳", "张雨涵", None, *VISIT],
            [dt.date(2024, 10, 9), "王芳", "李明轩", None, *VISIT],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-20", "--format", "json")
    assert _had(due) == [("张雨涵", 0, 1, 0), ("李明轩", 0, 1, 0)]
    assert due.json()["summary"]["records"] == 2
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    records = summary["records"]
    assert (records["total"], records["home_visits"], records["home_visited"]) == (2, 2, 2)
    assert records["teachers_behind"] == [
        {"teacher": "王芳", "children": 2, "missing_talks": 2, "missing_visits": 0}
    ]


def test_a_month_two_terms_share_counts_in_the_one_with_more_of_it(tmp_path: Path) -> None:
    """The school's autumn term ends on 2025-01-10 and its spring term starts on 2025-01-20
    (lbc.toml). 张雨涵's home visit written as 2025年1月 counted in both terms: the autumn
    term's visit was held in the spring too. January is the spring term's (it has 12 of its
    days, the autumn term 10); 李明轩's visit of 2025-01-08 is the autumn term's."""
    _roster(
        tmp_path,
        帮扶记录=[
            ["2025年1月", "王芳", "张雨涵", None, *VISIT],
            [dt.date(2025, 1, 8), "王芳", "李明轩", None, *VISIT],
        ],
    )
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n'
        '[terms."2024-autumn"]\nstart = 2024-09-01\nend = 2025-01-10\n\n'
        '[terms."2025-spring"]\nstart = 2025-01-20\nend = 2025-07-04\n',
        encoding="utf-8",
    )
    visits = []
    for term, day in (("2024-autumn", "2025-01-10"), ("2025-spring", "2025-03-03")):
        due = run("due", "--term", term, "--as-of", day, "--format", "json", cwd=tmp_path)
        assert due.stderr == ""
        summary = run("summary", "--term", term, "--format", "json", cwd=tmp_path).json()
        visits.append((term, _had(due), summary["records"]["home_visits"]))
    assert visits == [
        ("2024-autumn", [("张雨涵", 0, 0, 0), ("李明轩", 0, 1, 0)], 1),
        ("2025-spring", [("张雨涵", 0, 1, 0), ("李明轩", 0, 0, 0)], 1),
    ]


def test_a_month_two_terms_share_counts_once_in_the_school_years_送温暖(
    tmp_path: Path,
) -> None:
    """送温暖 is owed once a school year. The school's spring term of 2024 ends on
    2024-08-20 and its autumn term starts on 2024-08-26 (lbc.toml): 张雨涵's 送温暖 written
    as 2024年8月 is the spring term's, of the 2023-2024 school year, yet lbc due counted it
    in the 2024-2025 year too. And the autumn term ends on 2025-01-10, the spring term
    starts on 2025-01-20: 李明轩's written as 2025年1月 is the spring term's; on the autumn
    term's last day lbc due counted it as given, the autumn summary did not. Each is now
    counted in the year, and by the day, of the term that holds its month."""
    _roster(
        tmp_path,
        帮扶记录=[
            ["2024年8月", "王芳", "张雨涵", None, "送温暖", "书包"],
            ["2025年1月", "王芳", "李明轩", None, "送温暖", "书包"],
        ],
    )
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n'
        '[terms."2024-spring"]\nstart = 2024-03-01\nend = 2024-08-20\n\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-10\n\n'
        '[terms."2025-spring"]\nstart = 2025-01-20\nend = 2025-07-04\n',
        encoding="utf-8",
    )
    owing = []
    for term, day in (
        ("2024-spring", "2024-08-20"),
        ("2024-autumn", "2024-10-15"),
        ("2024-autumn", "2025-01-10"),
        ("2025-spring", "2025-07-04"),
    ):
        due = run("due", "--term", term, "--as-of", day, "--format", "json", cwd=tmp_path)
        owing.append(
            [
                c["child"]
                for x in due.json()["teachers"]
                for c in x["children"]
                if "warmth" in c["owed"]
            ]
        )
    assert owing == [["李明轩"], ["张雨涵", "李明轩"], ["张雨涵", "李明轩"], ["张雨涵"]]
    given = [
        run("summary", "--term", term, "--format", "json", cwd=tmp_path).json()["records"][
            "warmth_received"
        ]
        for term in ("2024-spring", "2024-autumn", "2025-spring")
    ]
    assert given == [1, 0, 1]


def test_a_month_and_a_day_of_it_on_one_sheet_are_two_records(tmp_path: Path) -> None:
    """On the sheet lbc laid out for her, 王芳 filled 张雨涵's October talk as 10月 and
    added a row below, 10月8日, a talk too; and a home visit the same way. Two rows of one
    sheet are two entries, as two rows of one day are (a second talk in the month), unlike
    a month on one sheet and its day on a copy of it, which are one: two talks and two
    visits, in lbc due and in the summary alike. A row written twice by mistake is the
    teacher's to delete."""
    title = ["青山小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    header = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
    rows = [
        [1, "张雨涵", "三年级(2)班", "谈心", "2024年10月", "10月", "谈学习", "王芳"],
        [2, "张雨涵", "三年级(2)班", "谈心", "", "10月8日", "谈心情", "王芳"],
        [3, "张雨涵", "三年级(2)班", "家访", "本学期", "10月", "入户", "王芳"],
        [4, "张雨涵", "三年级(2)班", "家访", "", "10月8日", "入户", "王芳"],
    ]
    roster = _roster(tmp_path)
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [title, header, *rows]})
    due = run("due", roster, sheet, "--as-of", "2024-10-20", "--format", "json")
    assert due.stderr == ""
    assert _had(due)[0] == ("张雨涵", 2, 2, 0)
    assert due.json()["summary"]["records"] == 4
    summary = run("summary", roster, sheet, "--term", "2024-autumn", "--format", "json")
    records = summary.json()["records"]
    assert (records["total"], records["talks"], records["home_visits"]) == (4, 2, 2)


def test_a_child_on_the_roster_is_never_said_not_on_it(tmp_path: Path) -> None:
    """张雨涵 typed into a row whose 班级 is still another class's (lbc's record sheet
    prefills it), and 张雨涵、李明轩 in one row (or with a space between, which a name
    reads as one: 王 芳 is 王芳): neither counts, and REC002 says why,
    where it said only that the child is not on the roster, which a teacher who finds the
    name there takes for lbc's mistake. A name the roster has not is said as before."""
    day = dt.date(2024, 10, 8)
    rows = [
        [day, "王芳", "张雨涵", "一年级(1)班", *TALK],
        [day, "王芳", "张雨涵、李明轩", None, *TALK],
        [day, "王芳", "赵小明", None, *TALK],
        [day, "王芳", "张雨涵 李明轩", None, *TALK],
    ]
    path = _roster(tmp_path, 帮扶记录=rows)
    found = run("validate", path, "--select", "REC002", "--format", "json").json()["findings"]
    assert [(f["row"], f["message"]) for f in found] == [
        (2, "记录中的学生“张雨涵”不在花名册中（花名册中有这名学生，但不在记录写的一年级(1)班）"),
        (3, "记录中的学生“张雨涵、李明轩”不在花名册中（一行写了 2 名学生，请每名学生各写一行）"),
        (4, "记录中的学生“赵小明”不在花名册中"),
        (5, "记录中的学生“张雨涵李明轩”不在花名册中（一行写了 2 名学生，请每名学生各写一行）"),
    ]


def test_one_childs_four_character_name_is_not_two_children(tmp_path: Path) -> None:
    """次仁卓玛 is one child's name (a Tibetan name of four characters), not on the roster,
    whose children include 次仁 and 卓玛: REC002 says only that the name is not on the
    roster, where a split of any long name told the teacher to write the row as two, and
    credit the talk to two other children."""
    day = dt.date(2024, 10, 8)
    path = _roster(tmp_path, "次仁", "卓玛", 帮扶记录=[[day, "王芳", "次仁卓玛", None, *TALK]])
    found = run("validate", path, "--select", "REC002", "--format", "json").json()["findings"]
    assert [(f["row"], f["message"]) for f in found] == [(2, "记录中的学生“次仁卓玛”不在花名册中")]


def test_a_record_of_a_child_on_no_roster_is_in_no_count(tmp_path: Path) -> None:
    """王芳's records sheet holds a talk with 张雨涵, a visit to 李明轩 and a talk with 赵小红,
    who is on no roster (REC002). lbc due and lbc summary both said in a note that the
    record was not counted, and the summary's total left it out, but due's ``records``
    counted it: 3 against the summary's 2. Both say 2."""
    path = _roster(
        tmp_path,
        帮扶记录=[
            [dt.date(2024, 10, 8), "王芳", "张雨涵", None, *TALK],
            [dt.date(2024, 10, 9), "王芳", "李明轩", None, *VISIT],
            [dt.date(2024, 10, 10), "王芳", "赵小红", None, *TALK],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert due.stderr == conftest.unclear_records(1)
    assert due.json()["summary"]["records"] == 2
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    records = summary["records"]
    assert (records["total"], records["matched"], records["unclear"]) == (2, 2, 1)
