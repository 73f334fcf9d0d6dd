"""What a record's 日期 cell says when it is not one day: several days, a month."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, Result, child_row, run, write_xlsx
from lbc.roster import dates, record_sheets
from lbc.roster import normalise as nz
from lbc.workspace import terms

TEACHERS = [["姓名", "在岗"], ["王芳", "是"]]


def _roster(tmp_path: Path, records: list[list[object]], name: str = "roster.xlsx") -> Path:
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    return write_xlsx(
        tmp_path / name, {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *records]}
    )


def _owed(due: Result) -> list[tuple[object, ...]]:
    return [
        (c["child"], c["owed"], c["missed_months"], c["talks_this_month"], c["visits"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ] + [("last", [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]])]


def test_a_cell_listing_several_days_is_a_record_for_each(tmp_path: Path) -> None:
    """王芳 wrote each child's talks on one row: 2024-09-03；2024-10-08, 2024年9月3日、10月8日.
    The first was unreadable and the second read as its first day only, so lbc due said
    September or October was missed. Each day is a record now; a list with one piece that
    is no date (上周) is unreadable, said as an unreadable date is, not read as 9-05."""
    path = _roster(
        tmp_path,
        [
            ["2024-09-03；2024-10-08", "王芳", "张雨涵", None, "谈心", "谈学习"],
            ["2024年9月3日、10月8日", "王芳", "李明轩", None, "谈心", "谈学习"],
            ["2024-09-20 2024-10-09", "王芳", "李明轩", None, "家访", "入户"],
            ["2024-09-05、上周", "王芳", "张雨涵", None, "家访", "入户"],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _owed(due) == [
        ("张雨涵", ["home_visit", "warmth"], [], 1, 0),
        ("李明轩", ["warmth"], [], 1, 2),
        ("last", ["2024-10-08", "2024-10-09"]),
    ]
    assert due.json()["summary"]["records"] == 6
    assert due.stderr == (
        f"提示：1 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 5 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    records = summary.json()["records"]
    assert (records["total"], records["matched"], records["talks"]) == (6, 6, 4)
    found = run("validate", path, "--format", "json", "--select", "DATE").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [
        ("DATE001", 5, "2024-09-05、上周")
    ]


def test_a_listed_day_in_the_future_or_outside_the_sheets_term_is_pointed_at(
    tmp_path: Path,
) -> None:
    """Each day of a list is checked as a day on its own row would be."""
    title = ["青山小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]
    header = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
    row = [1, "张雨涵", "三年级(2)班", "谈心", "", "2024-08-20、2024-09-03、2099-01-01", "x"]
    roster = write_xlsx(tmp_path / "r.xlsx", {"儿童": [CHILD_HEADER, child_row(1)]})
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [title, header, [*row, "王芳"]]})
    found = run("validate", roster, sheet, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"]) for f in found if f["code"] != "REC001"] == [
        ("DATE002", 3, "F"),
        ("REC005", 3, "F"),
    ]


def test_a_record_dated_to_its_month_counts_for_the_month(tmp_path: Path) -> None:
    """Talks written up as 2024年9月 and 2024.10 and a home visit as 2024-10: lbc due said
    September and October's talks missed and the visit owed (a record without its day was
    in no term). The month shows its talk was held and the visit was made this term. The
    last contact is shown as the month, never as its first day."""
    path = _roster(
        tmp_path,
        [
            ["2024年9月", "王芳", "张雨涵", None, "谈心", "谈学习"],
            ["2024.10", "王芳", "张雨涵", None, "谈心", "谈学习"],
            ["2024-10", "王芳", "张雨涵", None, "家访", "入户"],
            [dt.date(2024, 9, 20), "王芳", "李明轩", None, "谈心", "谈学习"],
            ["2024年10月", "王芳", "李明轩", None, "送温暖", "书包"],
            [dt.date(2024, 10, 1), "王芳", "李明轩", None, "家访", "入户"],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _owed(due) == [
        ("张雨涵", ["warmth"], [], 1, 1),
        ("李明轩", ["talk"], [], 0, 1),
        ("last", ["2024-10", "2024-10-01"]),
    ]
    assert due.stderr == ""
    assert due.json()["teachers"][0]["children"][0]["days_without_contact"] == 14
    table = run("due", path, "--as-of", "2024-10-15").stdout
    assert "2024-10（14 天前）" in table and "2024-10-01" in table
    # On paper a day is written out, a month alone still a month, never its first day.
    out = tmp_path / "待办.xlsx"
    assert run("due", path, "--as-of", "2024-10-15", "--out", out).exit_code == 0
    book = load_workbook(out).active
    assert [book[f"F{i}"].value for i in (3, 4)] == [
        "2024-10（14 天前）",
        "2024年10月1日（14 天前）",
    ]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    records = summary.json()["records"]
    assert (records["total"], records["matched"], records["talks"]) == (6, 6, 3)
    assert run("validate", path, "--select", "DATE", "--format", "json").json()["findings"] == []


def test_a_month_counts_in_a_term_that_starts_within_it(tmp_path: Path) -> None:
    """A school's autumn term starts on 2024-09-02 (lbc.toml): a home visit dated 2024年9月
    was made this term, though the month's first day is not."""
    _roster(tmp_path, [["2024年9月", "王芳", "张雨涵", None, "家访", "入户"]])
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[terms."2024-autumn"]\n'
        "start = 2024-09-02\nend = 2025-01-20\n",
        encoding="utf-8",
    )
    due = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=tmp_path)
    assert [(c["child"], c["visits"]) for x in due.json()["teachers"] for c in x["children"]] == [
        ("张雨涵", 1),
        ("李明轩", 0),
    ]


def _read_once(*days: dt.date) -> object:
    """The days of a list as lbc reads them: each once (a day written twice was copied),
    and one day alone as that day."""
    once = tuple(dict.fromkeys(days))
    return once if len(once) > 1 else once[0]


@given(st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), min_size=2, max_size=5))
def test_a_list_of_days_reads_as_those_days(days: list[dt.date]) -> None:
    for sep in ("；", "、", ", ", " "):
        assert dates.record_date(sep.join(d.isoformat() for d in days)) == _read_once(*days)
    written = "、".join(f"{d.year}年{d.month}月{d.day}日" for d in days)
    assert dates.record_date(written) == _read_once(*days)


def test_one_day_with_its_time_or_weekday_is_one_day() -> None:
    for cell in ("2024-09-03 14:00", "2024年9月3日（周二、补记）", "2024 年 9 月 3 日"):
        assert dates.record_date(cell) == dt.date(2024, 9, 3)
    for cell in ("2024年9月3日上午、下午", "9月3日、10月8日", "2024年9月3日、2月30日"):
        assert dates.record_date(cell).__class__ is nz.Bad


def test_a_list_going_backwards_or_with_times_is_its_days(tmp_path: Path) -> None:
    """王芳 listed 张雨涵's talks latest first (2024年10月8日、9月30日) and 李明轩's with
    the time of each (2024-10-08 14:30、2024-10-15 09:00): both cells were unreadable, said
    so, and counted for nobody, so lbc due said September's talk was missed. They are the
    days they list; a day going back more than half a year is of the next year (2024年12月
    20日、1月5日 is 2025-01-05)."""
    path = _roster(
        tmp_path,
        [
            ["2024年10月8日、9月30日", "王芳", "张雨涵", None, "谈心", "谈学习"],
            ["2024-09-12 14:30、2024-10-15 09:00", "王芳", "李明轩", None, "谈心", "谈学习"],
            ["2024年10月8日下午、9月29日上午", "王芳", "李明轩", None, "家访", "入户"],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-20", "--format", "json")
    assert due.stderr == ""
    assert _owed(due) == [
        ("张雨涵", ["home_visit", "warmth"], [], 1, 0),
        ("李明轩", ["warmth"], [], 1, 2),
        ("last", ["2024-10-08", "2024-10-15"]),
    ]
    assert due.json()["summary"]["records"] == 6
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    assert found == []


def test_a_list_going_back_across_the_new_year_is_of_the_year_before(tmp_path: Path) -> None:
    """王芳 wrote 张雨涵's talks latest first, 2025年1月6日、12月30日, on the school's own
    sheet, and 1月6日、12月30日 on the sheet lbc laid out for the 2024 autumn term: the first
    was read as 2025-12-30, so lbc due said December's talk was missed, and the second, of
    no year that put both days in the term, was unreadable and counted for nobody. Both are
    2025-01-06 and 2024-12-30."""
    path = _roster(tmp_path, [["2025年1月6日、12月30日", "王芳", "张雨涵", None, "谈心", "x"]])
    sheet = write_xlsx(
        tmp_path / "王芳.xlsx",
        {
            "帮扶记录": [
                SHEET_TITLE,
                LAID_OUT,
                [1, "李明轩", "三年级(2)班", "谈心", "", "1月6日、12月30日", "x", "王芳"],
            ]
        },
    )
    due = run("due", path, sheet, "--as-of", "2025-01-20", "--format", "json")
    assert due.stderr == ""
    autumn = ["2024-09", "2024-10", "2024-11"]
    assert _owed(due) == [
        ("张雨涵", ["home_visit", "warmth"], autumn, 1, 0),
        ("李明轩", ["home_visit", "warmth"], autumn, 1, 0),
        ("last", ["2025-01-06", "2025-01-06"]),
    ]
    summary = run("summary", path, sheet, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["records"]["talks"] == 4


def test_a_list_of_days_far_apart_is_read_on_unless_its_term_says(tmp_path: Path) -> None:
    """王芳 wrote 张雨涵's talks of one school year on one row, 2024年1月5日、7月20日: the
    second day was read as 2023-07-20, the day nearest the first, so the spring term's
    summary counted no talk. A day without its year goes back from the day before only
    as far as one term runs (2025年1月6日、12月30日, latest first, is 2024-12-30; 2024年12
    月20日、1月5日 runs on into 2025), else it is read on (2024-07-20). When the run names
    the term, the year that puts the day in the term, else in its school year, is taken:
    李明轩's 2024年9月5日、6月20日 is 2024-06-20 to the 2024 spring term's summary, 2025-06-20
    to the 2025 spring term's and, no term named, 2024-06-20, the day nearer."""
    path = _roster(
        tmp_path,
        [
            ["2024年1月5日、7月20日", "王芳", "张雨涵", None, "谈心", "x"],
            ["2025年1月6日、12月30日", "王芳", "张雨涵", None, "谈心", "x"],
            ["2024年12月20日、1月5日", "王芳", "张雨涵", None, "谈心", "x"],
            ["2024年9月5日、6月20日", "王芳", "李明轩", None, "家访", "x"],
        ],
    )
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["date"] for r in rows if r["table"] == "records"] == [
        "2024-01-05、2024-07-20",
        "2025-01-06、2024-12-30",
        "2024-12-20、2025-01-05",
        "2024-09-05、2024-06-20",
    ]

    def counted(term: str) -> tuple[int, int, list[dict[str, object]]]:
        records = run("summary", path, "--term", term, "--format", "json").json()["records"]
        return records["talks"], records["home_visits"], records["by_month"]

    talks, visits, months = counted("2024-spring")
    assert (talks, visits, [m["count"] for m in months]) == (1, 1, [0, 0, 0, 0, 1, 1])
    talks, visits, months = counted("2025-spring")
    assert (talks, visits, [m["count"] for m in months]) == (0, 1, [0, 0, 0, 0, 1, 0])
    talks, visits, months = counted("2024-autumn")
    assert (talks, visits, [m["count"] for m in months]) == (4, 1, [1, 0, 0, 2, 2])


@given(
    st.dates(dt.date(2001, 1, 1), dt.date(2098, 12, 31)),
    st.integers(-153, 211),
    st.sampled_from(["{}", "{} 14:30", "{} 8:05-9:00"]),
)
def test_a_later_day_without_its_year_is_the_one_nearest(
    first: dt.date, days: int, timed: str
) -> None:
    """A day after the first written without its year, up to a term (153 days) before it
    or 211 days after it, with or without a time, is that day: of the next year when the
    list runs on past the new year, of the year before when it goes back across it
    (2025年1月6日、12月30日, the latest first, is 2024-12-30, which was read as 2025-12-30),
    and 2月29日 of the leap year nearest."""
    later = first + dt.timedelta(days=days)
    written = timed.format(f"{first.year}年{first.month}月{first.day}日")
    cell = f"{written}、{later.month}月{later.day}日"
    # The same day again is one talk copied, unless written at a time of its own.
    assert dates.record_date(cell) == ((first, later) if ":" in timed else _read_once(first, later))


@given(st.dates(dt.date(2001, 1, 1), dt.date(2098, 12, 31)), st.integers(154, 210))
def test_a_later_day_further_back_than_a_term_is_read_on(first: dt.date, days: int) -> None:
    """A day without its year that would lie more than a term before the day before it is
    of the year after (2024年1月5日、7月20日 is 2024-07-20, which was read as 2023-07-20)."""
    back = first - dt.timedelta(days=days)
    if (back.month, back.day) == (2, 29):
        return
    cell = f"{first.year}年{first.month}月{first.day}日、{back.month}月{back.day}日"
    assert dates.record_date(cell) == (first, back.replace(year=back.year + 1))


@given(
    st.integers(2001, 2097),
    st.sampled_from(["autumn", "spring"]),
    st.integers(0, 149),
    st.integers(-365, 365),
)
def test_a_later_day_without_its_year_is_of_the_term_known(
    year: int, season: str, into: int, apart: int
) -> None:
    """A day without its year after one within a year of it is the day of the term the
    record is known to be of, wherever the day before lies."""
    start, end = terms.default_dates(season, year)
    later = start + dt.timedelta(days=into)
    first = later + dt.timedelta(days=apart)
    cell = f"{first.year}年{first.month}月{first.day}日、{later.month}月{later.day}日"
    assert dates.record_date(cell, ((start, end),)) == _read_once(first, later)


def test_due_and_the_summary_say_how_many_records_are_in_no_term(tmp_path: Path) -> None:
    """A school's spring term ends on 2024-07-10 and its autumn term starts on 2024-08-26
    (lbc.toml): the home visit of 2024-07-20 was made in the summer, in no term, and
    counted for nobody without a word. lbc due and lbc summary now say how many there are
    and where the first is. One of 2024年7月 may be of the spring term's last days, one of
    2024-08-28 is the autumn term's."""
    _roster(
        tmp_path,
        [
            [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
            [dt.date(2024, 7, 20), "王芳", "张雨涵", None, "家访", "暑期家访"],
            ["2024年7月", "王芳", "张雨涵", None, "家访", "暑期家访"],
            [dt.date(2024, 8, 28), "王芳", "李明轩", None, "家访", "入户"],
        ],
    )
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n'
        '[terms."2024-spring"]\nstart = 2024-02-26\nend = 2024-07-10\n\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n',
        encoding="utf-8",
    )
    due = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=tmp_path)
    assert [(c["child"], c["visits"]) for x in due.json()["teachers"] for c in x["children"]] == [
        ("张雨涵", 0),
        ("李明轩", 1),
    ]
    note = (
        "提示：1 条帮扶记录的日期不在任何学期（首个在 roster.xlsx 的“帮扶记录”第 3 行），"
        "没有计入；lbc validate 逐条指出（REC007）；"
        "学校的学期起止日期可在 lbc.toml 的 [terms] 中设定\n"
    )
    assert due.stderr == note
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.stderr.endswith(note)
    english = run("--lang", "en", "due", "--as-of", "2024-10-15", cwd=tmp_path)
    assert english.stderr == (
        "note: 1 support record is dated in no term (the first in roster.xlsx, sheet "
        "'帮扶记录', row 3): it was not counted; lbc validate points at each (REC007); "
        "a school sets its terms' dates under [terms] in lbc.toml\n"
    )


def test_a_summers_home_visit_is_in_no_term_by_default(tmp_path: Path) -> None:
    """With the default dates the autumn term starts on September 1: a 暑期家访 of August
    is in no term, and said."""
    path = _roster(
        tmp_path,
        [
            [dt.date(2024, 8, 20), "王芳", "张雨涵", None, "家访", "暑期家访"],
            ["2024年8月", "王芳", "李明轩", None, "家访", "暑期家访"],
            ["2024-08-21、2024-09-03", "王芳", "李明轩", None, "谈心", "谈学习"],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [(c["child"], c["visits"]) for x in due.json()["teachers"] for c in x["children"]] == [
        ("张雨涵", 0),
        ("李明轩", 0),
    ]
    assert due.stderr == (
        f"提示：3 条帮扶记录的日期不在任何学期（首个在 {path} 的“帮扶记录”第 2 行），"
        "没有计入；lbc validate 逐条指出（REC007）；"
        "学校的学期起止日期可在 lbc.toml 的 [terms] 中设定\n"
    )


LAID_OUT = ["序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师"]
SHEET_TITLE = ["青山小学2024年秋季学期帮扶记录表（王芳，2024-09-01至2025-01-31）"]


def filled_in(*done: tuple[str, object]) -> list[list[object]]:
    """王芳's record sheet rows for 张雨涵, each of a kind and the 日期 she wrote."""
    return [
        [n, "张雨涵", "三年级(2)班", kind, "", day, "谈学习" if kind == "谈心" else "入户", "王芳"]
        for n, (kind, day) in enumerate(done, 1)
    ]


def owed_and_last(due: Result) -> list[tuple[object, ...]]:
    """What lbc due owes of each child, its visits and its last contact."""
    return [
        (c["owed"], c["missed_months"], c["visits"], c["last_contact"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ]


def test_a_record_sheets_dates_without_their_year_are_of_its_term(tmp_path: Path) -> None:
    """王芳 fills in the sheet lbc laid out for the 2024 autumn term writing the month and
    day only (9月3日, 10月8日、11月5日, 1月), as teachers do: each was an unreadable date,
    and the child was listed as owing every talk. The sheet's title gives the term: 1月 is
    January 2025. On a school's own sheet, saying no term, 10月8日 is of the term of
    due's --as-of day; validate, asked about no term, said it was unreadable (DATE001)
    while due counted it: an autumn term holds it, and no error is left to point at."""
    rows = filled_in(
        ("谈心", "9月3日"),
        ("谈心", "10月8日、11月5日"),
        ("谈心", "12月20日"),
        ("谈心", "1月"),
        ("家访", "11月"),
    )
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]],
            "谈心记录": [
                ["日期", "帮扶教师", "学生姓名", "内容"],
                ["10月8日", "王芳", "张雨涵", "x"],
            ],
        },
    )
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [SHEET_TITLE, LAID_OUT, *rows]})
    due = run("due", roster, sheet, "--as-of", "2025-01-31", "--format", "json")
    assert owed_and_last(due) == [(["warmth"], [], 1, "2025-01")]
    assert "无法识别" not in due.stderr
    found = run("validate", roster, sheet, "--format", "json", "--select", "DATE,REC005")
    assert (found.exit_code, found.json()["findings"]) == (0, [])
    # The merged roster writes them with the year the sheet gave them.
    out = tmp_path / "合并.xlsx"
    assert run("merge", roster, sheet, "--out", out).exit_code == 0  # as validate says
    merged = load_workbook(out)["帮扶记录"].iter_rows(2, values_only=True)
    assert [row[4] for row in merged if row[2] == "帮扶记录"] == [
        dt.datetime(2024, 9, 3),
        "2024-10-08、2024-11-05",
        dt.datetime(2024, 12, 20),
        "2025-01",
        "2024-11",
    ]


def test_a_month_and_day_typed_as_text_on_a_record_sheet_is_of_its_term(tmp_path: Path) -> None:
    """9.15, 11-5, 12/20 and 1.8、1.15 typed as text on a returned sheet are days of its
    term, as 9月15日 is: before, each was DATE001 and the child owed those months' talks.
    A number cell of 10.1 is not read (it may be 10.10 with Excel's zero dropped), and
    nor is 2024: DATE001 with the number typed, where before 10.1 was 1900-01-10 and 2024
    was 1905-07-16, said to be outside the term (REC005), days no one wrote. Nor is 10.2
    as text, as an export or a CSV writes a number cell: it may be 10.20."""
    rows = filled_in(
        ("谈心", "9.15"),
        ("谈心", "10-8"),
        ("谈心", "11/5"),
        ("谈心", "12.20"),
        ("谈心", "1.8、1.15"),
        ("家访", 10.1),
        ("家访", 2024),
        ("家访", "10.2"),  # a number cell's text, as an export writes it: 10.20?
    )
    roster = write_xlsx(
        tmp_path / "roster.xlsx", {"儿童": [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]}
    )
    sheet = write_xlsx(tmp_path / "王芳.xlsx", {"帮扶记录": [SHEET_TITLE, LAID_OUT, *rows]})
    due = run("due", roster, sheet, "--as-of", "2025-01-31", "--format", "json")
    assert owed_and_last(due) == [(["home_visit", "warmth"], [], 0, "2025-01-15")]
    found = run("validate", roster, sheet, "--format", "json", "--select", "DATE,REC005")
    assert [(f["code"], f["row"], f["value"]) for f in found.json()["findings"]] == [
        ("DATE001", 8, "10.1"),
        ("DATE001", 9, "2024"),
        ("DATE001", 10, "10.2"),
    ]


@given(st.floats(min_value=1, max_value=3653.99) | st.integers(min_value=1, max_value=3653))
def test_a_small_number_in_a_date_cell_is_no_day(number: float) -> None:
    """No number below 3654 (1910-01-01 as an Excel serial) is read as a day: typed into a
    date cell it is a month and day (9.15), a year or an age, never a day of 1900-1909."""
    read = dates.date(number)
    assert read.__class__ is nz.Bad and read.raw == nz.text(number)
    assert dates.date(3654) == dt.date(1910, 1, 1)


def test_validate_points_at_each_record_dated_in_no_term(tmp_path: Path) -> None:
    """lbc due and lbc summary said how many records are dated in no term and where the
    first is; lbc validate said nothing of them. It warns at each date cell now (REC007),
    by the school's own terms (lbc.toml): 2024-07-20 is in the summer after a spring term
    ending on 2024-07-10, 2024年7月 has days of that term, 2024-08-28 is of an autumn term
    starting on 2024-08-26. By the default dates (spring to July 31, autumn from September 1)
    2024-07-20 is of the spring term and 2024-08-28 in no term."""
    rows = [
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [dt.date(2024, 7, 20), "王芳", "张雨涵", None, "家访", "暑期家访"],
        ["2024年7月", "王芳", "张雨涵", None, "家访", "暑期家访"],
        ["2024-08-28、2024-10-09", "王芳", "李明轩", None, "家访", "入户"],
    ]
    _roster(tmp_path, rows)
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n'
        '[terms."2024-spring"]\nstart = 2024-02-26\nend = 2024-07-10\n\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n',
        encoding="utf-8",
    )
    found = run("validate", "--select", "REC", "--format", "json", cwd=tmp_path).json()
    assert [
        (f["code"], f["row"], f["column"], f["field"], f["message"]) for f in found["findings"]
    ] == [("REC007", 3, "A", "date", "日期 2024-07-20 不在任何学期内，这条记录不计入任何学期")]
    (tmp_path / "alone").mkdir()
    alone = _roster(tmp_path / "alone", rows)
    found = run("validate", alone, "--select", "REC", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [
        ("REC007", 5, "2024-08-28、2024-10-09")
    ]


def test_a_schools_own_sheets_dates_without_their_year_are_of_the_runs_term(
    tmp_path: Path,
) -> None:
    """The school's own 帮扶记录 sheet has 10月8日 and 1月5日、1月 with no year: unreadable
    (DATE001) and counted for nobody, where lbc's own sheets take the year from their
    title. The run names its term when lbc.toml sets one (or with --term), and lbc due
    its --as-of day's: 10月8日 is 2024-10-08 of the 2024 autumn term, 1月5日 2025-01-05.
    With two terms set and none named, validate knows no year, but a term holds them:
    no error, as due counts them, and the summary of that term."""
    rows = [
        ["10月8日", "王芳", "张雨涵", None, "家访", "入户"],
        ["1月5日、1月", "王芳", "李明轩", None, "谈心", "谈学习"],
    ]
    _roster(tmp_path, rows)
    autumn = '[terms."2024-autumn"]\nstart = 2024-09-01\nend = 2025-01-20\n'
    spring = '[terms."2025-spring"]\nstart = 2025-02-17\nend = 2025-07-04\n'
    config = tmp_path / "lbc.toml"
    config.write_text(f'[files]\nroster = ["roster.xlsx"]\n\n{autumn}', encoding="utf-8")
    due = run("due", "--as-of", "2025-01-20", "--format", "json", cwd=tmp_path)
    assert due.stderr == ""
    assert _owed(due) == [
        ("张雨涵", ["warmth"], ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01"], 0, 1),
        ("李明轩", ["home_visit", "warmth"], ["2024-09", "2024-10", "2024-11", "2024-12"], 2, 0),
        ("last", ["2024-10-08", "2025-01-05"]),
    ]
    found = run("validate", "--select", "DATE", "--format", "json", cwd=tmp_path).json()
    assert found["findings"] == []
    config.write_text(f'[files]\nroster = ["roster.xlsx"]\n\n{autumn}\n{spring}', encoding="utf-8")
    found = run("validate", "--select", "DATE", "--format", "json", cwd=tmp_path).json()
    assert found["findings"] == []
    due = run("due", "--as-of", "2025-01-20", "--format", "json", cwd=tmp_path)
    assert due.stderr == "" and due.json()["summary"]["records"] == 3
    named = run(
        "due", "--term", "2024-autumn", "--as-of", "2025-01-20", "--format", "json", cwd=tmp_path
    )
    assert named.stderr == "" and named.json()["summary"]["records"] == 3
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert (summary.json()["records"]["total"], summary.json()["records"]["talks"]) == (3, 2)


def test_validate_points_at_a_day_without_its_year_that_no_term_holds(tmp_path: Path) -> None:
    """A school's own records sheet, with no lbc.toml: 10月8日 has no year, and validate
    said it was unreadable (DATE001) while lbc due of an autumn day counted it. Due counts
    it in any autumn term it is asked about, so validate points only at 8月15日, which no
    term holds (the default terms leave August out), whatever its year: due counts it
    nowhere and says so. Due of a spring day counts 10月8日 nowhere either, as it does a
    record of last autumn written in full: it is no unreadable date there."""
    rows = [
        ["10月8日", "王芳", "张雨涵", None, "家访", "入户"],
        ["8月15日", "王芳", "李明轩", None, "家访", "暑期家访"],
    ]
    path = _roster(tmp_path, rows)
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("DATE001", 3, "8月15日")]
    undated = (
        f"提示：1 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 3 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    autumn = run("due", path, "--as-of", "2024-10-31", "--format", "json")
    assert autumn.stderr == undated
    assert _owed(autumn)[-1] == ("last", ["2024-10-08", None])
    spring = run("due", path, "--as-of", "2025-03-31", "--format", "json")
    assert spring.stderr == undated
    assert spring.json()["summary"]["records"] == 0


def test_validate_points_at_a_day_without_its_year_in_the_schools_own_holiday(
    tmp_path: Path,
) -> None:
    """The school's autumn term ends on 2025-01-10 and its spring starts on 2025-02-15:
    a home visit written 1月20日 is of the winter holiday between them. lbc due and the
    summary of either term count it nowhere; validate said nothing, as the default dates
    of some other year (a 2023 autumn to 2024-01-31) hold it, and due's note left it out:
    the visit was gone without a word. The school's own terms, and those beside them, are
    the ones its yearless dates are of: validate points at it (DATE001) and says why, and
    due, counting it nowhere still, says so."""
    rows = [
        ["10月8日", "王芳", "张雨涵", None, "家访", "入户"],
        ["1月20日", "王芳", "李明轩", None, "家访", "寒假家访"],
    ]
    _roster(tmp_path, rows)
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n'
        '[terms."2024-autumn"]\nstart = 2024-09-01\nend = 2025-01-10\n\n'
        '[terms."2025-spring"]\nstart = 2025-02-15\nend = 2025-07-04\n',
        encoding="utf-8",
    )
    found = run("validate", "--select", "DATE", "--format", "json", cwd=tmp_path).json()
    assert [
        (f["code"], f["row"], f["column"], f["value"], f["message"]) for f in found["findings"]
    ] == [
        (
            "DATE001",
            3,
            "A",
            "1月20日",
            "“日期”无法识别为日期：没有写年份，按月日也不在学校的任何学期内（如寒暑假），"
            "这条记录不计入任何学期；请写上年份",
        )
    ]
    undated = (
        "提示：1 条帮扶记录的日期无法识别（首个在 roster.xlsx 的“帮扶记录”第 3 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    autumn = run("due", "--as-of", "2025-01-10", "--format", "json", cwd=tmp_path)
    assert autumn.stderr == undated
    assert autumn.json()["summary"]["records"] == 1
    assert _owed(autumn)[-1] == ("last", ["2024-10-08", None])
    spring = run("due", "--as-of", "2025-03-31", "--format", "json", cwd=tmp_path)
    assert spring.stderr == undated
    assert spring.json()["summary"]["records"] == 0
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    named = "提示：未设置学校名称（lbc.toml 的 [school] name），总结中以“（学校名称）”代替\n"
    assert summary.stderr == named + undated
    assert summary.json()["records"]["home_visits"] == 1


@given(st.integers(2001, 2098), st.integers(0, 152), st.booleans())
def test_a_day_without_its_year_is_of_the_one_year_in_the_term(
    year: int, into: int, month_only: bool
) -> None:
    """Any day of an autumn term (Sept 1 - Jan 31) or its month, written without the year,
    is that day or month; outside the term it has no year; with a span of two years, two
    years may put it in: none is taken."""
    start, end = dt.date(year, 9, 1), dt.date(year + 1, 1, 31)
    day = start + dt.timedelta(days=into)
    text = f"{day.month}月" if month_only else f"{day.month}月{day.day}日"
    read = record_sheets.with_year_in(text, (start, end))
    assert read == (dates.YearMonth(day.year, day.month) if month_only else day)
    assert read.__class__ is (dates.YearMonth if month_only else dt.date)
    assert record_sheets.with_year_in(f"{day.month}月", (end, end + dt.timedelta(days=200))) in (
        None,
        dates.YearMonth(year + 1, day.month),
    )
    assert record_sheets.with_year_in(text, (start, end.replace(year=year + 2))) is None


def test_a_number_typed_into_a_date_formatted_cell_is_said_as_typed(tmp_path: Path) -> None:
    """9.15 typed into the record sheet's date-formatted 日期 column is a day of 1900 to
    Excel (it shows 1900-01-09): DATE001 saying so, with the number typed and what to
    write, where before it was REC005 「日期 1900-01-09 不在这份记录表的学期内」. So is 2024
    (1905-07-16). A date of the term in the same column reads as before."""
    roster = write_xlsx(
        tmp_path / "roster.xlsx", {"儿童": [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]}
    )
    sheet = write_xlsx(
        tmp_path / "王芳.xlsx",
        {"帮扶记录": [SHEET_TITLE, LAID_OUT, *filled_in(("谈心", 9.15), ("家访", 2024))]},
    )
    book = load_workbook(sheet)
    for row in (3, 4):
        book["帮扶记录"].cell(row, 6).number_format = "yyyy-mm-dd"
    book["帮扶记录"].cell(5, 6).value = dt.date(2024, 10, 8)
    book["帮扶记录"].cell(5, 2).value = "张雨涵"
    book["帮扶记录"].cell(5, 4).value = "谈心"
    book.save(sheet)
    found = run("validate", roster, sheet, "--format", "json", "--select", "DATE,REC005")
    typed = "：单元格是日期格式，输入的数字 {} 被 Excel 显示成了 1900 年代的日期，"
    typed += "请写成“2024-09-15”这样的日期"
    assert [(f["code"], f["row"], f["message"]) for f in found.json()["findings"]] == [
        ("DATE001", 3, "“日期”无法识别为日期" + typed.format("9.15")),
        ("DATE001", 4, "“日期”无法识别为日期" + typed.format("2024")),
    ]
    assert dates.date(dt.datetime(1900, 1, 9, 3, 36)) == nz.Bad("9.15", dates.TYPED_IN_A_DATE_CELL)
    assert dates.date(dt.date(1900, 4, 9)) == nz.Bad("100", dates.TYPED_IN_A_DATE_CELL)


# From an attack on the 日期 column: cells whose later day lbc read wrong or dropped without
# a word. Each is now asked about (Bad), or read once where a day was copied.
ASKED = [
    "2024.9.30 10.20",  # a talk at 10:20, read as a second one on Oct 20
    "2024.10.31 11.15",
    "2024年10月8日 9.30",
    "2024年9月3日/10月8日",  # a second day after a mark lbc reads as no list: dropped
    "2024年9月3日／10月8日",
    "2024年9月3日/2024年10月8日",
    "2024年9月3日与10月8日",
    "2024年9月3日+10月8日",
    "2024年9月3日。10月8日",
    "2024年9月3日 10月8日补",
    "2024年9月3日(10月8日回访)",
    "2024年9月3日 至 9月5日",  # a span spaced apart: read as its first day
    "2024.9.3 - 2024.9.5",
    "2024-09-03 ~ 2024-09-05",
    "2024.9.3 至 9.5",
    "2024年9月3日–9月5日",
    241008,  # 2024-10-08 typed as digits, read as the serial of 2559-11-08
    "241008",  # read as the month 2410-08
]


@pytest.mark.parametrize("cell", ASKED, ids=str)
def test_a_cell_lbc_cannot_read_whole_is_asked_about(cell: object) -> None:
    assert dates.record_date(cell, ((dt.date(2024, 9, 1), dt.date(2025, 1, 31)),)) == nz.Bad(
        str(cell).replace("／", "/")
    )


@pytest.mark.parametrize("cell", [c for c in ASKED if isinstance(c, str) and c[0] == "2"])
@pytest.mark.parametrize("mark", ["公历", "阳历：", "新历 "])
def test_a_cell_said_to_be_solar_is_asked_about_as_without_the_word(cell: str, mark: str) -> None:
    """公历 before a cell's first day hid the day after it: 公历2024年9月3日 至 9月5日 was
    read as 2024-09-03 where the same cell without 公历 is asked about."""
    spans = ((dt.date(2024, 9, 1), dt.date(2025, 1, 31)),)
    written = (mark + cell).replace("／", "/").replace("：", ":")
    assert dates.record_date(mark + cell, spans) == nz.Bad(written)


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("2024.10.8、2024.10.8", dt.date(2024, 10, 8)),
        ("2024.9.3 2024.9.3", dt.date(2024, 9, 3)),
        ("2024年9月3日、9月3日、10月8日", (dt.date(2024, 9, 3), dt.date(2024, 10, 8))),
        ("2024-10-08 9:00、2024-10-08 15:00", (dt.date(2024, 10, 8), dt.date(2024, 10, 8))),
        ("2024年9月3日(周二)", dt.date(2024, 9, 3)),
        ("2024.9.3 19:30-20:00", dt.date(2024, 9, 3)),
        ("2024.9.3 2024.10.8", (dt.date(2024, 9, 3), dt.date(2024, 10, 8))),
    ],
    ids=str,
)
def test_a_day_copied_in_a_cell_is_one_record(cell: str, read: object) -> None:
    """A day written twice in one cell is one talk or visit, copied (it counted twice);
    at two times of the day, two."""
    assert dates.record_date(cell) == read


def test_a_time_written_with_a_dot_is_no_second_talk(tmp_path: Path) -> None:
    """王芳 wrote 张雨涵's September talk as 2024.9.30 10.20 (at 10:20): lbc read a second
    talk on Oct 20, and due said October was done. The cell is asked about now (DATE001),
    and October is owed as for 李明轩, whose cell says 2024.9.30."""
    path = _roster(
        tmp_path,
        [
            ["2024.9.30 10.20", "王芳", "张雨涵", None, "谈心", "谈学习"],
            ["2024.9.30", "王芳", "李明轩", None, "谈心", "谈学习"],
        ],
    )
    due = run("due", path, "--as-of", "2024-11-20", "--format", "json")
    months = [c["missed_months"] for x in due.json()["teachers"] for c in x["children"]]
    assert months == [["2024-09", "2024-10"], ["2024-10"]]
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("DATE001", 2, "2024.9.30 10.20")]


def test_a_record_of_a_child_entered_twice_without_an_id_names_one_child(tmp_path: Path) -> None:
    """黄俊熙's row is on the roster twice, alike in every cell, with no ID number: one child,
    as every count takes her, and her one talk is hers. lbc validate said her record named
    two children (REC003), an error the summary's archive counted too; two children of one
    name and class born on other days are still two (REC003)."""
    row = child_row(1, name="黄俊熙")
    row[CHILD_HEADER.index("身份证号")] = None
    other = child_row(2, name="刘浩然")
    other[CHILD_HEADER.index("身份证号")] = None
    namesake = [*other]
    namesake[CHILD_HEADER.index("出生日期")] = dt.date(2016, 3, 1)
    kids = [[*CHILD_HEADER, "帮扶教师"], *([[*r, "王芳"] for r in (row, row, other, namesake)])]
    records = [
        [dt.date(2024, 10, 8), "王芳", "黄俊熙", None, "谈心", "谈学习"],
        [dt.date(2024, 10, 8), "王芳", "刘浩然", None, "谈心", "谈学习"],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *records]}
    )
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("REC003", 3, "刘浩然")]


# From a review of the cells above: a note after the day giving periods, times, counts, a
# class or the lunar date is no second day (each was asked about for a while).
NOTED = [
    "2024.10.8 第3-4节",
    "2024年10月8日（周二，第5-6节）",
    "2024.10.8 30-40分钟",
    "2024.10.8 8-9点",
    "2024.10.8 上午9.30",
    "2024年10月8日 16.30",
    "2024.10.8 8.30-9.10",
    "2024.10.8 第2/3次",
    "2024.10.8 5-3班",
    "2024.10.8(农历9月6日)",
]


@pytest.mark.parametrize("cell", NOTED)
def test_a_note_after_the_day_is_no_second_day(cell: str) -> None:
    assert dates.record_date(cell) == dt.date(2024, 10, 8)


AUTUMN_2024 = (dt.date(2024, 9, 1), dt.date(2025, 1, 31))


def _read_in_autumn(cell: str) -> object:
    """A record's 日期 as a run about the 2024 autumn term reads it (dates_in_span)."""
    read = dates.record_date(cell, (AUTUMN_2024,))
    if record_sheets.without_year(read, cell):
        return record_sheets.with_year_in(read.raw, AUTUMN_2024) or read  # type: ignore[union-attr]
    return read


# From an attack on the 日期 column: days a person reads one way only, each unreadable
# (DATE001) and counted for nobody.
WRITTEN_OUT = [
    ("10 月 8 日", dt.date(2024, 10, 8)),
    ("2024 年 10 月 8 日", dt.date(2024, 10, 8)),
    ("2024 - 10 - 08", dt.date(2024, 10, 8)),
    ("2024.10.8.", dt.date(2024, 10, 8)),
    ("10月8日。", dt.date(2024, 10, 8)),
    ("2024-10-08，", dt.date(2024, 10, 8)),
    ("10.8（周二）", dt.date(2024, 10, 8)),
    ("2024年10月8日（星期二）", dt.date(2024, 10, 8)),
    ("10月8日 周二", dt.date(2024, 10, 8)),
    ("10月8日上午", dt.date(2024, 10, 8)),
    ("2024-10-08 下午", dt.date(2024, 10, 8)),
    ("2024年10月8日晚", dt.date(2024, 10, 8)),
    ("2024-10-08下午", dt.date(2024, 10, 8)),  # the time of day right after the digits
    ("2024.10.8晚上", dt.date(2024, 10, 8)),
    ("10.8中午", dt.date(2024, 10, 8)),
    ("2024-10-09下午3点", dt.date(2024, 10, 9)),
    ("十月八日", dt.date(2024, 10, 8)),
    ("二〇二四年十月八日", dt.date(2024, 10, 8)),
    ("2024年十月八日", dt.date(2024, 10, 8)),
    ("十月二十一日", dt.date(2024, 10, 21)),
    ("2024_10_8", dt.date(2024, 10, 8)),
    ("2024年9月3日、十月八日", (dt.date(2024, 9, 3), dt.date(2024, 10, 8))),
]


@pytest.mark.parametrize(("cell", "read"), WRITTEN_OUT, ids=str)
def test_a_day_written_out_by_hand_is_read(cell: str, read: object) -> None:
    assert _read_in_autumn(cell) == read


# Still asked about (DATE001): a day that may be another (10.1 as text may be 10.10), a span
# or a list lbc reads as none, and a weekday that is not the day's (2024-10-08 was a
# Tuesday). Spaced apart, 10.8 - 10.9 and 2024.9.3 / 10.8 were read as their first day.
STILL_ASKED = [
    "10.1（周二）",
    "10.1.",
    "10月8日-10月9日",
    "10.8 - 10.9",
    "2024.9.3 / 10.8",
    "2024.9.30 10.20",
    "2024年10月8日（周三）",
    "2024-10-08 星期日",
    "2024年10月8日（十月九日回访）",
    "十三月八日",
]


@pytest.mark.parametrize("cell", STILL_ASKED, ids=str)
def test_a_day_written_out_that_may_be_another_is_asked_about(cell: str) -> None:
    assert _read_in_autumn(cell).__class__ is nz.Bad


@given(st.integers(0, 152), st.sampled_from(["spaced", "stop", "weekday", "words", "noon"]))
def test_a_day_of_the_term_written_out_without_its_year_is_that_day(into: int, how: str) -> None:
    """Any day of the 2024 autumn term, written without its year spaced, ending a sentence,
    with its weekday or the time of day after it, or in Chinese numerals, is that day."""
    day = AUTUMN_2024[0] + dt.timedelta(days=into)
    words = "〇一二三四五六七八九"

    def in_words(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (words[tens] if tens > 1 else "") + ("十" if tens else "") + words[ones] * (ones > 0)

    cell = {
        "spaced": f"{day.month} 月 {day.day} 日",
        "stop": f"{day.month}.{day.day:02}。",
        "weekday": f"{day.month}-{day.day}（星期{'一二三四五六日'[day.weekday()]}）",
        "words": f"{in_words(day.month)}月{in_words(day.day)}日",
        "noon": f"{day.month}月{day.day}日中午",
    }[how]
    assert _read_in_autumn(cell) == day, cell


def test_a_schools_sheet_of_days_written_out_is_counted(tmp_path: Path) -> None:
    """A school's own 帮扶记录 sheet dated by hand, spaced, with a stop, a weekday, the time
    of day (spaced or right after the digits: 2024-10-08下午, 10.8中午) or in Chinese
    numerals: each was unreadable (DATE001) and counted for nobody,
    so lbc due said every talk was missed. Each is its day now; a weekday that is not the
    day's (2024-10-15 was a Tuesday) is still asked about."""
    days = [cell for cell, _ in WRITTEN_OUT]
    # Each talk of its own content: one day written twice alike would be a row written
    # twice (REC011), which lbc due notes.
    rows = [[cell, "王芳", "张雨涵", None, "谈心", f"谈学习{n}"] for n, cell in enumerate(days)]
    rows.append(["2024年10月15日（周三）", "王芳", "李明轩", None, "谈心", "谈学习"])
    path = _roster(tmp_path, rows)
    due = run("due", path, "--term", "2024-autumn", "--as-of", "2024-10-31", "--format", "json")
    assert due.stderr == (
        f"提示：1 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 {len(days) + 2} 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    assert due.json()["summary"]["records"] == len(days) + 1  # 2024年9月3日、十月八日: two
    assert _owed(due) == [
        ("张雨涵", ["home_visit", "warmth"], [], 22, 0),
        ("李明轩", ["talk", "home_visit", "warmth"], ["2024-09"], 0, 0),
        ("last", ["2024-10-21", None]),
    ]
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [
        ("DATE001", len(days) + 2, "2024年10月15日（周三）")
    ]


def test_a_time_of_day_glued_on_and_a_lunar_day_through_validate(tmp_path: Path) -> None:
    """王芳 wrote when each talk was had right after its day (2024-10-08下午, 2024.10.8晚上,
    2024-10-09下午3点, 10.8中午): each was unreadable (DATE001) and counted for nobody,
    where 2024-10-08 下午 was read. Each is its day now. A day marked as a lunar one
    (2024-10-08(农历), 阴历九月初六) and a time of day alone (下午) are still asked about,
    the lunar ones saying why. So is a 出生日期 written by the lunar calendar: 张雨涵's
    2015年二月十四日（农历） was read as 2015-02-14, and her ID's 2015-04-02 said to
    disagree (ID006); her birthday is her ID's, as for any 出生日期 not read. 李明轩, with
    no ID, is on no month's list, as before."""
    kids = [
        [*CHILD_HEADER, "帮扶教师"],
        [*child_row(1, birth=dt.date(2015, 4, 2), 出生日期="2015年二月十四日（农历）"), "王芳"],
        [*child_row(2, 出生日期="农历2015年2月14日", 身份证号=None), "王芳"],
        [*child_row(3, birth=dt.date(2015, 4, 2), 出生日期="2015-04-02下午"), "王芳"],
    ]
    records = [
        ["2024-10-08下午", "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["2024.10.8晚上", "王芳", "李明轩", None, "谈心", "谈学习"],
        ["2024-10-09下午3点", "王芳", "王梓萱", None, "谈心", "谈学习"],
        ["10.8中午", "王芳", "张雨涵", None, "家访", "入户"],
        ["2024-10-08(农历)", "王芳", "李明轩", None, "家访", "入户"],
        ["阴历九月初六", "王芳", "王梓萱", None, "家访", "入户"],
        ["下午", "王芳", "王梓萱", None, "家访", "入户"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *records]},
    )
    found = run("validate", path, "--select", "DATE,ID", "--format", "json").json()["findings"]
    birth = "“出生日期”无法识别为日期：写的是农历日期，不能当作公历日期；"
    birth += "请改写成与身份证上一致的公历出生日期"
    day = "“日期”无法识别为日期：写的是农历日期，不能当作公历日期；请改写成公历日期"
    assert [(f["code"], f["sheet"], f["row"], f["column"], f["message"]) for f in found] == [
        ("DATE001", "儿童", 2, "E", birth),
        ("DATE001", "儿童", 3, "E", birth),
        ("DATE001", "帮扶记录", 6, "A", day),
        ("DATE001", "帮扶记录", 7, "A", day),
        ("DATE001", "帮扶记录", 8, "A", "“日期”无法识别为日期"),
    ]
    english = run("--lang", "en", "validate", path, "--select", "DATE", "--format", "json")
    assert english.json()["findings"][0]["message"] == (
        "'出生日期' is not a readable date: it is marked as a lunar-calendar (农历) date, which"
        " is not the Gregorian date; write the Gregorian birth date, as on the ID card"
    )
    due = run("due", path, "--term", "2024-autumn", "--as-of", "2024-10-31", "--format", "json")
    assert due.json()["summary"]["records"] == 4
    assert due.stderr == (
        f"提示：3 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 6 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    assert _owed(due)[-1] == ("last", ["2024-10-08", "2024-10-08", "2024-10-09"])
    april = run("birthdays", path, "--month", "4", "--format", "json")
    listed = [
        (c["name"], c["birth_date"], c["row"])
        for g in april.json()["classes"]
        for c in g["children"]
    ]
    assert listed == [("张雨涵", "2015-04-02", 2), ("王梓萱", "2015-04-02", 4)]
    assert april.stderr == (
        "提示：1 名留守儿童的出生日期未填或无法识别，身份证号也看不出"
        f"（首个在 {path} 的“儿童”第 3 行），不在任何月份的生日名单上；请按 lbc validate 所指改正\n"
    )
    february = run("birthdays", path, "--month", "2", "--format", "json")
    assert february.json()["children"] == 0


@given(st.integers(0, 152), st.sampled_from(["{d}（农历）", "农历{d}", "阴历{d}", "{d} 阴历"]))
def test_a_day_of_the_term_marked_lunar_is_no_day_of_it(into: int, how: str) -> None:
    """A record's day without its year marked as a lunar one (10月8日（农历）) is no day of
    the term a run gives it a year from: it stays unreadable, saying why."""
    day = AUTUMN_2024[0] + dt.timedelta(days=into)
    for written in (f"{day.month}月{day.day}日", f"{day.month}.{day.day}"):
        read = _read_in_autumn(how.format(d=written))
        assert read.__class__ is nz.Bad and read.reason == dates.LUNAR, read  # type: ignore[union-attr]


def test_a_lunar_note_of_the_days_own_month_and_day_is_asked_about(tmp_path: Path) -> None:
    """张雨涵's 出生日期 2015-02-14（农历2月14日） was read as 2015-02-14, and her ID's
    2015-04-02 said to disagree (ID006): but no day is 2月14日 of both calendars, so one of
    the two is misnamed. It is asked about, saying so, and her birthday is her ID's, as for
    any 出生日期 not read. 公历2015-04-02（农历2月14日） was unreadable; it is read now."""
    kids = [
        CHILD_HEADER,
        child_row(1, birth=dt.date(2015, 4, 2), 出生日期="2015-02-14（农历2月14日）"),
        child_row(2, birth=dt.date(2015, 4, 2), 出生日期="公历2015-04-02（农历2月14日）"),
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids})
    found = run("validate", path, "--select", "DATE,ID", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
        (
            "DATE001",
            2,
            "E",
            "“出生日期”无法识别为日期：后面注明的农历日期与前面的日期月、日相同，两者不可能是"
            "同一天，其中一个写错了；请写与身份证上一致的公历出生日期",
        )
    ]
    english = run("--lang", "en", "validate", path, "--select", "DATE", "--format", "json")
    assert english.json()["findings"][0]["message"] == (
        "'出生日期' is not a readable date: the lunar (农历) date written after the date has"
        " the same month and day, which no one day has: one of them is wrong;"
        " write the Gregorian birth date, as on the ID card"
    )
    april = run("birthdays", path, "--month", "4", "--format", "json")
    assert [c["row"] for g in april.json()["classes"] for c in g["children"]] == [2, 3]


def test_a_birth_date_marked_lunar_by_one_word_is_asked_about(tmp_path: Path) -> None:
    """A family's lunar birthday marked the way a school writes it short, （阴） or （农）
    after the day, 旧历 or 老历, or 阴 right after its digits or its 日, was read as the
    solar day its digits would be: 2015-02-14 for a child whose ID says 2015-04-02 (ID006),
    or a wrong birthday for one with no ID. Each is asked about as 农历 is; a note after the day
    naming nothing lunar (（身份证）) is still read past."""
    cells = ["2015-02-14（阴）", "2015-02-14(农)", "2015年2月14日（旧历）", "2015.2.14老历"]
    cells += ["2015.2.14阴", "2015年2月14日阴", "2015年2月14号农"]
    kids = [CHILD_HEADER]
    kids += [child_row(n, birth=dt.date(2015, 4, 2), 出生日期=c) for n, c in enumerate(cells, 1)]
    kids += [child_row(8, birth=dt.date(2015, 4, 2), 出生日期="2015-04-02（身份证）")]
    kids += [child_row(9, birth=dt.date(2015, 4, 2), 出生日期="2015年4月2日阴天")]
    path = write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids})
    found = run("validate", path, "--select", "DATE,ID", "--format", "json").json()["findings"]
    birth = "“出生日期”无法识别为日期：写的是农历日期，不能当作公历日期；"
    birth += "请改写成与身份证上一致的公历出生日期"
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
        ("DATE001", row, "E", birth) for row in range(2, 9)
    ]


def test_a_lunar_note_of_a_day_without_its_year_is_asked_about_saying_why(tmp_path: Path) -> None:
    """10月8日（农历10月8日） is no day of any year's term: lbc validate said it has no year
    and lies in no term (the winter-break message), which was not why; due counted nothing
    for it and said the same. 2024-10-09 阴 10-8℃ gives the day's weather, no lunar day:
    it is read, as 2024-10-09（阴10月9日） is not."""
    records = [
        ["10月8日（农历10月8日）", "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["2024-10-09 阴 10-8℃", "王芳", "李明轩", None, "谈心", "谈学习"],
        ["2024-10-09（阴10月9日）", "王芳", "李明轩", None, "家访", "入户"],
    ]
    path = _roster(tmp_path, records)
    found = run("validate", path, "--select", "DATE", "--format", "json").json()["findings"]
    lunar = "“日期”无法识别为日期：后面注明的农历日期与前面的日期月、日相同，两者不可能是"
    lunar += "同一天，其中一个写错了；请核对后写公历日期"
    assert [(f["code"], f["row"], f["message"]) for f in found] == [
        ("DATE001", 2, lunar),
        ("DATE001", 4, lunar),
    ]
    due = run("due", path, "--term", "2024-autumn", "--as-of", "2024-10-31", "--format", "json")
    assert due.json()["summary"]["records"] == 1
    assert _read_in_autumn("10月8日（农历10月8日）") == nz.Bad(
        "10月8日(农历10月8日)", dates.LUNAR_ALIKE
    )


def test_a_sheet_handed_in_twice_has_its_summer_visit_said_once(tmp_path: Path) -> None:
    """王芳's records, copied inside the workbook as 帮扶记录 (2): its talk counts once, and
    so its visit of the summer (2024-08-20, in no term) is one record not counted, not two;
    a second such visit on the copy alone is one more."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    rows = [
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [dt.date(2024, 8, 20), "王芳", "张雨涵", None, "家访", "暑期家访"],
    ]
    extra = [dt.date(2024, 8, 22), "王芳", "李明轩", None, "家访", "暑期家访"]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "教师": TEACHERS,
            "帮扶记录": [RECORD_HEADER, *rows],
            "帮扶记录 (2)": [RECORD_HEADER, *rows, extra],
        },
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert due.json()["summary"]["records"] == 1
    assert due.stderr == (
        f"提示：2 条帮扶记录的日期不在任何学期（首个在 {path} 的“帮扶记录”第 3 行），"
        "没有计入；lbc validate 逐条指出（REC007）；"
        "学校的学期起止日期可在 lbc.toml 的 [terms] 中设定\n"
    )
