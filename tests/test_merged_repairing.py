"""A child the school gave another teacher mid-term (its pairs workbook's 结对日期), read
from the county's merged roster: lbc due holds her new teacher to the days from the pair's
day on, as over the county's folder, the merged roster carrying that day (结对开始日期)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_repaired_mid_term import repaired

from conftest import run


def judged(result: Any) -> list[tuple[str, str, list[str], int, bool, list[str]]]:
    """What lbc due's JSON holds each teacher to, child by child."""
    return [
        (
            x["teacher"],
            c["child"],
            c["missed_months"],
            c["days_without_contact"],
            c["overdue"],
            c["owed"],
        )
        for x in result.json()["teachers"]
        for c in x["children"]
    ]


def county(tmp_path: Path, day: dt.date | None) -> Path:
    """The county's folder: 白鹤小学/ with its roster and the pairs workbook giving 张雨涵
    to 王芳 on ``day``, in 李强's place."""
    school = tmp_path / "县" / "白鹤小学"
    school.mkdir(parents=True)
    repaired(school, day)
    return school.parent


@pytest.mark.parametrize("suffix", ["xlsx", "parquet"])
def test_due_over_the_merged_roster_dates_the_pair_as_over_the_folder(
    tmp_path: Path, suffix: str
) -> None:
    """王芳 is given 张雨涵 on Oct 20. Over the folder, on Oct 25 she is held to 6 days and
    no month missed; over the merged roster lbc due held her to September's talk and 55
    days, overdue: the merged roster kept the pair and lost its day."""
    root = county(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / f"全县.{suffix}"
    merged = run("merge", root, "--out", out, cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    due = ("--as-of", "2024-10-25", "--format", "json")
    folder = run("due", root, *due, cwd=tmp_path)
    again = run("due", out, *due, cwd=tmp_path)
    expected = [
        ("王芳", "张雨涵", [], 6, False, ["home_visit", "warmth"]),
        ("王芳", "李明轩", [], 45, True, ["talk", "home_visit", "warmth"]),
    ]
    assert judged(folder) == expected
    assert judged(again) == expected
    note = (
        "提示：1 名儿童是结对名单在本学年中途才交给现在的帮扶教师的，从结对日期算起没有逾期"
        "（此前的月份和无联系的天数不算在这位教师名下）"
    )
    assert note in folder.stderr.splitlines()
    assert note in again.stderr.splitlines()


def test_the_merged_roster_shows_the_day_the_pair_began(tmp_path: Path) -> None:
    """The merged 留守儿童花名册 says the day 张雨涵 was given to 王芳 beside her 帮扶教师;
    李明轩, 王芳's all year, has none."""
    root = county(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out, cwd=tmp_path).exit_code == 0
    rows = list(load_workbook(out)["留守儿童花名册"].iter_rows(values_only=True))
    header = rows[0]
    got = {
        r[header.index("姓名")]: (r[header.index("帮扶教师")], r[header.index("结对开始日期")])
        for r in rows[1:]
    }
    assert got == {"张雨涵": ("王芳", dt.datetime(2024, 10, 20)), "李明轩": ("王芳", None)}


def test_a_pair_without_its_day_is_the_whole_terms_over_the_merged_roster(
    tmp_path: Path,
) -> None:
    """A pairs workbook without 结对日期: lbc cannot tell when 王芳 had 张雨涵, over the
    folder or over the merged roster; she is held to the whole term both ways."""
    root = county(tmp_path, None)
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out, cwd=tmp_path).exit_code == 0
    due = ("--as-of", "2024-10-25", "--format", "json")
    folder, again = run("due", root, *due, cwd=tmp_path), run("due", out, *due, cwd=tmp_path)
    assert judged(folder) == judged(again)
    zhang = [x for x in judged(again) if x[1] == "张雨涵"]
    assert zhang == [("王芳", "张雨涵", ["2024-09"], 55, True, ["talk", "home_visit", "warmth"])]


def paired_again(tmp_path: Path, child: str, day: dt.datetime | None) -> tuple[Path, Path]:
    """The county's merged roster (张雨涵 王芳's since Oct 20), and lbc pair's workbook made
    over it, in which the school then gives ``child`` to 李强 (结对日期 ``day``)."""
    root = county(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out, cwd=tmp_path).exit_code == 0
    book = tmp_path / "结对名单.xlsx"
    assert run("pair", out, "--out", book, cwd=tmp_path).exit_code == 0
    wb = load_workbook(book)
    ws = wb["结对名单"]
    at = {c.value: c.column - 1 for c in ws[2]}
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        if row[at["学生姓名"]].value == child:
            row[at["帮扶教师"]].value, row[at["结对日期"]].value = "李强", day
    wb.save(book)
    return out, book


def pairs_of(book: Path) -> list[tuple[Any, ...]]:
    """The workbook's pairs: each child, her teacher and its 结对日期."""
    ws = load_workbook(book)["结对名单"]
    at = {c.value: c.column - 1 for c in ws[2]}
    keys = [at["学生姓名"], at["帮扶教师"], at["结对日期"]]
    rows = ws.iter_rows(min_row=3, values_only=True)
    return [tuple(row[k] for k in keys) for row in rows if row[keys[0]]]


def test_a_pairs_workbook_over_the_merged_roster_keeps_the_day_of_a_pair_it_keeps(
    tmp_path: Path,
) -> None:
    """lbc pair over the merged roster keeps 王芳 with 张雨涵, dated Oct 20, the day the
    pair began, as over the folder; the school then gives 李明轩 to 李强 on Nov 1 in that
    workbook. On Nov 5 王芳 is held to 张雨涵's days from Oct 20 (17) and 李强 to 李明轩's
    from Nov 1: the new workbook's day for one child took the merged roster's day
    from the other, and 王芳 was held to September. (李明轩's last talk, Sep 10, is shown
    as long ago as it was: 56 days, not overdue.)"""
    out, book = paired_again(tmp_path, "李明轩", dt.datetime(2024, 11, 1))
    days = {r[0]: r[2] for r in pairs_of(book)}
    assert days == {"张雨涵": dt.datetime(2024, 10, 20), "李明轩": dt.datetime(2024, 11, 1)}
    result = run("due", out, book, "--as-of", "2024-11-05", "--format", "json", cwd=tmp_path)
    assert judged(result) == [
        ("李强", "李明轩", [], 56, False, ["talk", "home_visit", "warmth"]),
        ("王芳", "张雨涵", [], 17, False, ["talk", "home_visit", "warmth"]),
    ]
    assert (
        "提示：2 名儿童是结对名单在本学年中途才交给现在的帮扶教师的，从结对日期算起没有逾期"
        "（此前的月份和无联系的天数不算在这位教师名下）"
    ) in result.stderr.splitlines()


def typed_over(tmp_path: Path, column: str, value: str, was: tuple[str, str] | None = None) -> Path:
    """The county's merged roster (张雨涵 王芳's since Oct 20) with ``value`` typed over
    张雨涵's ``column`` by hand; ``was``: a column of hers and what merge wrote there."""
    root = county(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out, cwd=tmp_path).exit_code == 0
    wb = load_workbook(out)
    ws = wb["留守儿童花名册"]
    header = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=header.index("姓名") + 1).value == "张雨涵"
    if was is not None:
        assert ws.cell(row=2, column=header.index(was[0]) + 1).value == was[1]
    ws.cell(row=2, column=header.index(column) + 1).value = value
    wb.save(out)
    return out


def test_a_day_of_the_merged_roster_lbc_cannot_read_is_said(tmp_path: Path) -> None:
    """A county worker types 十月下旬 over 张雨涵's 结对开始日期: lbc validate says it at
    that cell (DATE001), and lbc due, not knowing the day, holds 王芳 to the whole term."""
    out = typed_over(tmp_path, "结对开始日期", "十月下旬")
    checked = run("validate", out, "--format", "json", cwd=tmp_path)
    got = [(f["code"], f["message"], f["row"]) for f in checked.json()["findings"]]
    assert got == [("DATE001", "“结对开始日期”无法识别为日期", 2)]
    result = run("due", out, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    assert [x for x in judged(result) if x[1] == "张雨涵"] == [
        ("王芳", "张雨涵", ["2024-09"], 55, True, ["talk", "home_visit", "warmth"])
    ]


def test_a_child_given_another_teacher_without_a_day_is_the_whole_terms(
    tmp_path: Path,
) -> None:
    """Over the merged roster (张雨涵 王芳's since Oct 20) the school types 李强 for her into
    lbc pair's workbook, clearing its 结对日期: nothing says since when 李强 has her, and
    Oct 20 was the day of 王芳's pair. 李强 is held to the whole term, as without a day."""
    out, book = paired_again(tmp_path, "张雨涵", None)
    assert ("张雨涵", "李强", None) in pairs_of(book)
    result = run("due", out, book, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    assert [x for x in judged(result) if x[1] == "张雨涵"] == [
        ("李强", "张雨涵", ["2024-09"], 55, True, ["talk", "home_visit", "warmth"])
    ]


def test_the_record_sheet_from_the_merged_roster_lays_out_what_the_folders_does(
    tmp_path: Path,
) -> None:
    """王芳's record sheet made from the merged roster lays out 张雨涵's talks from
    November, as the one made from the county's folder does, not from September."""
    root = county(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", out, cwd=tmp_path).exit_code == 0
    talks = []
    for source, folder in ((root, "文件夹"), (out, "合并")):
        made = run("record-sheets", source, "--term", "2024-autumn", "--out", tmp_path / folder)
        assert made.exit_code == 0, made.stderr
        book = load_workbook(tmp_path / folder / "帮扶记录表_2024年秋季学期_王芳.xlsx")
        rows = book["帮扶记录"].iter_rows(min_row=3, values_only=True)
        talks.append([row[4] for row in rows if row[1] == "张雨涵" and row[3] == "谈心"])
    assert talks[0] == talks[1] == ["2024年11月", "2024年12月", "2025年1月"]


def test_a_teacher_typed_over_the_merged_pair_is_held_to_the_whole_term(
    tmp_path: Path,
) -> None:
    """The county's merged roster gives 张雨涵 to 王芳 from Oct 20; someone then types 李强
    over her 帮扶教师 by hand. Oct 20 was the day of 王芳's pair, not of 李强's: nothing
    says since when 李强 has her, and lbc due held him only to the days from Oct 20 (6 days,
    nothing missed), a day the roster never gave him. He is held to the whole term, as a
    roster's 帮扶教师 typed by hand is over the folder, and a merge of that roster carries
    no day for him."""
    out = typed_over(tmp_path, "帮扶教师", "李强", ("结对开始日期对应教师", "王芳"))
    whole_term = [("李强", "张雨涵", ["2024-09"], 55, True, ["talk", "home_visit", "warmth"])]
    due = ("--as-of", "2024-10-25", "--format", "json")
    result = run("due", out, *due, cwd=tmp_path)
    assert [x for x in judged(result) if x[1] == "张雨涵"] == whole_term
    again = tmp_path / "再次合并.xlsx"
    assert run("merge", out, "--out", again, cwd=tmp_path).exit_code == 0
    rows = list(load_workbook(again)["留守儿童花名册"].iter_rows(values_only=True))
    at = [rows[0].index(h) for h in ("姓名", "帮扶教师", "结对开始日期", "结对开始日期对应教师")]
    assert [tuple(r[k] for k in at) for r in rows[1:]] == [
        ("张雨涵", "李强", None, None),
        ("李明轩", "王芳", None, None),
    ]
    result = run("due", again, *due, cwd=tmp_path)
    assert [x for x in judged(result) if x[1] == "张雨涵"] == whole_term
