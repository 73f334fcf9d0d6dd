"""A school whose own term dates leave a winter break between them (autumn ends on Jan 17,
spring starts on Feb 17): the break's days are not counted as days without contact, in
lbc due and on the watch list alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx
from lbc.roster.support import days_without_contact, too_long_before

C32 = "三年级(2)班"
TERMS = """\
[terms."2024-autumn"]
start = 2024-09-01
end = 2025-01-17
[terms."2025-spring"]
start = 2025-02-17
end = 2025-07-10
"""


def school(tmp_path: Path, terms: bool) -> Path:
    """王芳's 张雨涵, last talked with on Jan 10, and 李明轩, on Dec 20; the school's
    lbc.toml sets the terms above when ``terms``."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    talks = [
        [dt.date(2025, 1, 10), "王芳", "张雨涵", C32, "谈心", "谈寒假安排"],
        [dt.date(2024, 12, 20), "王芳", "李明轩", C32, "谈心", "谈学习"],
    ]
    sheets = {
        "花名册": kids,
        "教师": [["姓名", "在岗"], ["王芳", "是"]],
        "帮扶记录": [RECORD_HEADER, *talks],
    }
    write_xlsx(tmp_path / "花名册.xlsx", sheets)
    toml = '[files]\nroster = ["花名册.xlsx"]\n' + (TERMS if terms else "")
    (tmp_path / "lbc.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def overdue(tmp_path: Path, terms: bool) -> tuple[dict[str, Any], str]:
    ws = school(tmp_path, terms)
    result = run("due", "--as-of", "2025-02-25", "--format", "json", cwd=ws)
    (wang,) = result.json()["teachers"]
    got = {c["child"]: (c["days_without_contact"], c["overdue"]) for c in wang["children"]}
    return got, result.stderr


def test_due_leaves_the_winter_break_out_of_the_days_without_contact(tmp_path: Path) -> None:
    """On Feb 25, 张雨涵 was last talked with 46 days before, 30 of them the break: 16 days
    of term, not overdue; 李明轩, 67 days (37 of term), is. Both are shown as the days they
    are, and a note says why the one is not overdue."""
    got, stderr = overdue(tmp_path, terms=True)
    assert got == {"张雨涵": (46, False), "李明轩": (67, True)}
    assert stderr.splitlines() == [
        "提示：1 名儿童算上寒假已超过 30 天没有联系；两个学期之间的寒假（学期日期以外的日子）"
        "不计入无联系天数，没有算作逾期"
    ]


def test_default_terms_leave_no_break(tmp_path: Path) -> None:
    """lbc's own dates (autumn to Jan 31, spring from Feb 1) leave no day between them."""
    got, stderr = overdue(tmp_path, terms=False)
    assert got == {"张雨涵": (46, True), "李明轩": (67, True)}
    assert stderr == ""


def test_the_watch_list_leaves_the_break_out_too(tmp_path: Path) -> None:
    """WCH013 counts as lbc due does: 李明轩 stands on the list, 张雨涵 not."""
    ws = school(tmp_path, terms=True)
    doc = run("watch", "--as-of", "2025-02-25", "--format", "json", cwd=ws).json()
    listed = [
        (c["name"], [r["code"] for r in c["reasons"]])
        for x in doc["classes"]
        for c in x["children"]
    ]
    assert listed == [("李明轩", ["WCH013"])]


@given(
    gap_start=st.integers(100, 160),
    gap_days=st.integers(0, 40),
    day=st.integers(0, 320),
    days=st.integers(1, 90),
)
def test_the_watch_lists_one_day_a_school_says_what_each_childs_count_says(
    gap_start: int, gap_days: int, day: int, days: int
) -> None:
    """The watch list finds a child out of contact by comparing her last contact with one
    day per school (too_long_before) instead of counting her days: the two agree on every
    last contact of the year, whatever the break."""
    year_start = dt.date(2024, 9, 1)
    first = year_start + dt.timedelta(days=gap_start)
    gap = (first, first + dt.timedelta(days=gap_days))
    asked = year_start + dt.timedelta(days=day)
    if days_without_contact(None, asked, year_start, gap) <= days:
        return  # the school year is younger than the limit: the watch list asks nothing
    since = too_long_before(asked, days, year_start, gap)
    for n in range(day + 1):
        last = year_start + dt.timedelta(days=n)
        assert (days_without_contact(last, asked, year_start, gap) > days) == (last < since)


def test_the_note_says_the_limit_of_the_schools_it_spared(tmp_path: Path) -> None:
    """A county's folder: 白鹤小学's own lbc.toml ends autumn on Jan 24, starts spring on
    Feb 10 and allows 20 days without contact; 青山小学 keeps the run's 30. 张雨涵, last
    talked with on Jan 20, has gone 23 days on Feb 12, 7 of them in term: not overdue. The
    note said she had gone over 30 days with the break; she has gone over her school's 20."""
    own = (
        '[terms."2024-autumn"]\nstart = 2024-09-01\nend = 2025-01-24\n'
        '[terms."2025-spring"]\nstart = 2025-02-10\nend = 2025-07-10\n'
        "[quotas]\nmax_days_without_contact = 20\n"
    )
    for n, name in enumerate(["白鹤小学", "青山小学"]):
        kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1 + 2 * n), "王芳"]]
        talk = [dt.date(2025, 1, 20), "王芳", kids[1][1], C32, "谈心", "谈寒假安排"]
        sheets = {
            "花名册": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"]],
            "帮扶记录": [RECORD_HEADER, talk],
        }
        (tmp_path / name).mkdir()
        write_xlsx(tmp_path / name / "花名册.xlsx", sheets)
        toml = f'[school]\nname = "{name}"\n[files]\nroster = ["花名册.xlsx"]\n'
        (tmp_path / name / "lbc.toml").write_text(toml + (own if n == 0 else ""), "utf-8")
    result = run("due", ".", "--as-of", "2025-02-12", "--format", "json", cwd=tmp_path)
    got = {
        c["child"]: (c["days_without_contact"], c["overdue"])
        for x in result.json()["teachers"]
        for c in x["children"]
    }
    assert got == {"张雨涵": (23, False), "王梓萱": (23, False)}
    assert (
        "提示：1 名儿童算上寒假已超过 20 天没有联系；两个学期之间的寒假（学期日期以外的日子）"
        "不计入无联系天数，没有算作逾期"
    ) in result.stderr.splitlines()
