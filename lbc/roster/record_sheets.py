"""What lbc's record sheets look like, for the writer (``lbc record-sheets``) and the reader.

Each support teacher gets one workbook: a 帮扶记录 sheet with the talks, visits and calls the
school's quotas ask for laid out as rows to fill (the child, the kind and when it is owed
written in; the date and what was done left blank), and a 结对儿童 sheet with the teacher's
children and their guardians' phones. When the workbooks come back:

* the 结对儿童 sheet is the teacher's copy of the roster, not a roster: it is not read;
* a laid-out row still without a date and without content is a row to fill, not a record;
* a sheet whose 帮扶教师 column was deleted is the teacher's its title names (the title lbc
  wrote: ``title_teacher``), every row of it;
* the title carries the term's dates, so a date outside them is known for a typo, and a
  date written without its year (10月8日, 10月) is of the year that puts it in the term
  (on a school's own sheet too, when the run names its term: ``dates_in_span``).

A records sheet is lbc's own when its header has the 应完成 column, or its title is the
one lbc wrote (the teacher and the term's dates: a teacher who deleted the 应完成 column
as of no use to her still hands back lbc's sheet), or the workbook holds lbc's 结对儿童
sheet (its name and title, which name the teacher: she may have deleted the records
sheet's title, 应完成 and 帮扶教师 all); a workbook copied or saved under another name is
still recognised. So is the 结对儿童 sheet by its own title.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from lbc.roster import normalise as nz
from lbc.roster.dates import (
    LUNAR_REASONS,
    Dates,
    Spans,
    YearMonth,
    date_text,
    record_date,
    within,
    without_weekday,
)
from lbc.roster.fields import PLAN, Kind

if TYPE_CHECKING:  # tables reads record sheets through this module
    from lbc.roster.canonical import Table

RECORDS_SHEET = "帮扶记录"
CHILDREN_SHEET = "结对儿童"
CHILDREN_TITLE = "老师结对儿童"  # after the teacher's name: the 结对儿童 sheet's title
# The number Excel (结对儿童 (2)) and WPS (结对儿童(2)) put after a copied sheet's name.
_COPY_NUMBER = re.compile(r"\s*[(（]\d+[)）]$")
# The term's first and last days at the title's end, as lbc writes them (2024年9月1日至
# 2025年1月31日, the messages' rs.title) or wrote them before (2024-09-01至2025-01-31).
_DAY = r"(\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)"
_DATES = re.compile(rf"（[^（）]*?{_DAY}至{_DAY}）\s*$")
# The teacher the title names (rs.title: …帮扶记录表（王芳，2024年9月1日至2025年1月31日）).
_TEACHER = re.compile(rf"帮扶记录表（(.+)，{_DAY}至{_DAY}）\s*$")
# The whole title lbc writes (rs.title): the school, the term's label, then as _TEACHER.
_WHOLE = re.compile(rf"\d{{4}}年[春秋]季学期帮扶记录表（.+，{_DAY}至{_DAY}）\s*$")
_NO_YEAR = re.compile(r"\d{1,2}\s*月")
# A month and day typed as text without a year, 9.15, 9-15 or 9/15 (9/15 as a US
# date is the same day). Not a number cell, nor 10.1, 10.2 or 10.3 as text: a number
# cell's text (an export, a CSV saved from Excel) may be 10.10 with its zero dropped.
_NO_YEAR_TYPED = re.compile(r"\d{1,2}(?:[/-]\d{1,2}|\.(?:\d{2}|[4-9]))(?:[、,;\s(]|$)")


def is_record_sheet(table: Table) -> bool:
    """Whether a records table is one of lbc's record sheets: its header has 应完成, or
    its title is lbc's (``sheet_term``)."""
    return table.kind is Kind.RECORDS and (
        table.laid_out
        or any(label == PLAN for _, label, _, _ in table.ignored)
        or sheet_term(table) is not None
    )


def is_children_list(name: str, table: Table | None) -> bool:
    """Whether a sheet is a record sheet's 结对儿童: its name and the title lbc wrote above
    it (王芳老师结对儿童), which outlive its records sheet's 应完成 column. Its name with the
    number Excel or WPS gives a copy (结对儿童 (2)) too: two teachers' sheets copied into
    one workbook."""
    return _COPY_NUMBER.sub("", name) == CHILDREN_SHEET and has_children_title(table)


def has_children_title(table: Table | None) -> bool:
    """Whether a sheet has the title lbc writes above a record sheet's 结对儿童 (王芳老师结对
    儿童): beside lbc's records sheet, it is that list under whatever name it was given."""
    return table is not None and table.title.endswith(CHILDREN_TITLE)


def list_teacher(table: Table) -> str:
    """The teacher a 结对儿童 list's title names (王芳 of 王芳老师结对儿童), "" if none."""
    return table.title.removesuffix(CHILDREN_TITLE).strip()


def beside_children_list(table: Table, teacher: str) -> None:
    """Make a records sheet beside lbc's 结对儿童 list lbc's (``Table.laid_out``) where its
    title and 应完成 column are gone, its rows not filled in dropped; and give it the
    list's ``teacher`` on every row where neither a 帮扶教师 column nor its title names her."""
    if not is_record_sheet(table):
        table.laid_out = True
        drop_unfilled(table)
    if "teacher" not in table.raw and teacher:
        table.raw["teacher"] = [teacher] * len(table)


def sheet_term(table: Table) -> tuple[dt.date, dt.date] | None:
    """The term a record sheet was laid out for, from its title; None if it says none."""
    found = _DATES.search(table.title)
    if not found:
        return None
    try:
        return _day(found[1]), _day(found[2])
    except ValueError:
        return None


def title_teacher(title: str) -> str | None:
    """The teacher a record sheet's title names, when the title is the one lbc writes
    (``rs.title``); None for any other title. A teacher who deleted the 帮扶教师 column as
    the same name on every row still hands back her own sheet: its records are hers."""
    found = _TEACHER.search(title)
    if not found:
        return None
    try:
        _day(found[2]), _day(found[3])
    except ValueError:
        return None
    return found[1].strip() or None


def whole_title(title: str) -> bool:
    """Whether a title is the whole one lbc writes, the term's label (2024年秋季学期) before
    帮扶记录表: what stands before the term is the school lbc was told, however its name ends
    (青山初中); a teacher's own words before 帮扶记录表 (王芳的帮扶记录表) name none."""
    return _WHOLE.search(title) is not None


def teacher_from_title(table: Table) -> None:
    """Give a record sheet without a 帮扶教师 column the teacher its title names (lbc's own
    title: ``title_teacher``) on every row."""
    if "teacher" in table.raw:
        return
    teacher = title_teacher(table.title)
    if teacher is not None:
        table.raw["teacher"] = [teacher] * len(table)


def _day(text: str) -> dt.date:
    """One of a title's days, 2024年9月1日 or 2024-09-01 (ValueError when no day)."""
    return dt.date(*map(int, re.findall(r"\d+", text)))


def drop_unfilled(table: Table) -> None:
    """Remove the laid-out rows nobody filled (no date, no content) from a record sheet."""
    empty = [None] * len(table)
    dates, contents = table.raw.get("date") or empty, table.raw.get("content") or empty
    keep = [i for i, (d, c) in enumerate(zip(dates, contents, strict=True)) if _filled(d, c)]
    if len(keep) == len(table):
        return
    table.rows = [table.rows[i] for i in keep]
    for key, column in table.raw.items():
        table.raw[key] = [column[i] for i in keep]
    # And the columns read already (a class taken out of a name cell: completion.complete).
    for key, column in dict.items(table.values):
        table.values[key] = [column[i] for i in keep]


def _filled(date: object, content: object) -> bool:
    return any(v is not None and str(v).strip() for v in (date, content))


def dates_in_term(table: Table) -> None:
    """Read a record sheet's dates written without their year (10月8日, 9月3日、10月8日, 10月,
    9.15 typed as text) as of the year that puts them within the term its title gives
    (``dates_in_span``): a teacher filling in her sheet writes the month and day, and the
    sheet says which term."""
    span = sheet_term(table)
    if span is not None:
        dates_in_span(table, span)


def dates_in_span(
    table: Table, span: tuple[dt.date, dt.date], school_year: tuple[dt.date, dt.date] | None = None
) -> None:
    """Read a records table's dates written without their year as of the year that puts
    them within ``span`` (a term), when one year does; left unreadable when none does, or
    two (a span of more than a year). A list of days whose first gives its year and a later
    one not (2024年1月5日、7月20日), with a day outside the term, is read again: a later
    day is of the year that puts it in the term, else in ``school_year`` (the term's), when
    one year within a year of the day before does (``record_date``). Each such text is
    worked out once."""
    if "date" not in table.raw:
        return
    spans = (span,) if school_year is None else (span, school_year)
    dates, cells = table.values["date"], table.raw["date"]
    known: dict[str, object] = {}
    for i, read in enumerate(dates):
        if without_year(read, cells[i]):
            if read.raw not in known:
                known[read.raw] = with_year_in(read.raw, span, spans) or read
            dates[i] = known[read.raw]
        elif read.__class__ is Dates and not _in_span(read, span):
            cell = cells[i]
            if cell not in known:
                known[cell] = record_date(cell, spans)
            dates[i] = known[cell]


def without_year(read: object, cell: object) -> bool:
    """Whether a record's unread 日期 (``read``, of ``cell``) was written without its year
    (10月8日, 9月3日、10月8日, 10月, 9.15 typed as text): a term gives it one. Not a lunar
    day (10月8日（农历）): no year makes it a day of the term."""
    if read.__class__ is not nz.Bad or read.reason in LUNAR_REASONS:  # type: ignore[attr-defined]
        return False
    raw = date_text(read.raw)  # type: ignore[attr-defined]
    return bool(_NO_YEAR.match(raw) or (cell.__class__ is str and _NO_YEAR_TYPED.match(raw)))


def with_year_in(text: str, span: tuple[dt.date, dt.date], spans: Spans = ()) -> object | None:
    """A record's 日期 written without its year (10月8日, 9月3日、10月8日, 10月) read as of
    the one year that puts it within ``span``; None when no year does, or two. ``spans``:
    as ``record_date`` takes them, for the days after the first. A weekday written
    after it is not checked (``without_weekday``)."""
    text = without_weekday(text)
    found = {
        day
        for year in range(span[0].year, span[1].year + 1)
        if _in_span(day := record_date(f"{year}年{text}", spans or (span,)), span)
    }
    return found.pop() if len(found) == 1 else None


def _in_span(read: object, span: tuple[dt.date, dt.date]) -> bool:
    """Whether a date, a month or every day of a list lies within ``span`` (a month when
    any of its days does)."""
    days = read if read.__class__ is Dates else (read,)
    return all(
        day.__class__ in (dt.date, YearMonth) and within(day, *span)  # type: ignore[arg-type]
        for day in days  # type: ignore[union-attr]
    )
