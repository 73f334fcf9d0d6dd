"""lbc validate of a province's Parquet file, one school at a time.

A merged province is a million children: read whole, its cells take about 4 GB as Python
values, on a laptop with 8. lbc merge writes each school's sheets to row groups of their
own, so the children can be read a row group at a time, checked, and their cells dropped,
keeping of each table only its shape (rows, sheets, columns) and its 学校 for the summary
per school.
What the checks compare across tables stays (lbc.checks.engine.RosterChecks): the teachers
and records, which are few, are read first and whole. A teachers list's 帮扶学生 column
(the children each teacher supports) is joined onto its school's children before they are
checked, as reading the file whole joins it (lbc.roster.pairs.join_pairs): a school's row
groups, which lbc merge writes one after another, are held together until the next
school's begin. The findings are the ones check_roster gives on the whole file, in the
same order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lbc.checks.engine import RosterChecks, check_listed, check_no_children, check_term_sheets
from lbc.checks.findings import Finding
from lbc.errors import LbcError
from lbc.messages import as_list, t
from lbc.roster.canonical import KEPT, Roster, Table
from lbc.roster.fields import Kind
from lbc.roster.pairs import Listed, PairsJoined, join_pairs, listed_pairs
from lbc.roster.parquet import (
    by_school,
    settings_sheets,
    sources_by_row_group,
    tables_by_row_group,
)
from lbc.workspace.schools import terms_of_the_sheet


def check_by_row_group(
    path: Path,
    today: dt.date | None = None,
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> tuple[Roster, list[Finding]] | None:
    """The roster's shape and its findings, read one row group at a time; None when the
    file cannot be read so (see lbc.roster.parquet.sources_by_row_group), or when a
    teachers list naming its children says no school (its names are every school's to
    match): then it is read whole, as any file."""
    sources = sources_by_row_group(path)
    if sources is None:
        return None
    roster = Roster(files=sources.files, children=[], teachers=[], records=[], skipped=[])
    roster.declared.update(sources.schools)
    schools: dict[int, set[str]] = {}  # each teachers table's schools
    apart = by_school(path)  # each school's rows by its own settings, as read whole
    few = {Kind.TEACHERS, Kind.RECORDS}
    for table, school in tables_by_row_group(path, sources, few, apart):
        if table.kind is Kind.TEACHERS:
            roster.teachers.append(table)
            schools[id(table)] = _schools(table, school)
        else:
            roster.records.append(table)
    lists = [x for x in roster.teachers if x.has("children")]
    if any("" in schools[id(x)] for x in lists):
        return None
    # Each school's own term dates lbc merge kept, by which its records are dated (REC007):
    # a records sheet of several schools (a county's own, merged) in a piece a school.
    origins = {*sources.files, *(x.origin for x in roster.records)}
    if settings := settings_sheets(path, origins):
        roster.term_sheets += settings
        terms_of_the_sheet(roster)
    checks = RosterChecks.of(roster, today or dt.date.today(), terms, several=True)
    listed: list[Listed] = []
    joined: set[int] = set()  # the teachers tables joined onto their school's children
    covered: set[str] = set()  # the schools whose children have been checked

    def check(batch: list[Table], held: set[str]) -> None:
        if lists:  # the school's teachers lists' pairs, joined as on reading the file whole
            teachers = [x for x in roster.teachers if schools[id(x)] & held]
            school = Roster(roster.files, batch, teachers, [], [], declared=roster.declared)
            # A list of several schools' teachers names other schools' children too: what
            # its rows of those say is theirs to find, when their children are checked.
            listed.extend(x for x in join_pairs(school).listed if _school_of(x, schools) in held)
            joined.update(map(id, teachers))
            covered.update(held)
        for table in batch:
            checks.children(table)
            table.keep_only(KEPT)

    batch: list[Table] = []
    held: set[str] = set()
    for table, school in tables_by_row_group(path, sources, {Kind.CHILDREN}, apart):
        roster.children.append(table)
        mine = _schools(table, school)
        if batch and not (lists and mine & held):
            check(batch, held)
            batch, held = [], set()
        batch.append(table)
        held |= mine
    check(batch, held)
    for table, _ in sources.empty:  # a school's sheet of headers only, checked as its file is
        roster.children.append(table)
        checks.children(table)
    checks.found += check_no_children(roster)
    if not roster.children:  # as load_roster refuses a file without them
        raise LbcError(t("err.no_children", files=as_list(roster.files or [str(path)])))
    for table in roster.teachers:
        checks.teachers(table)
    for table in roster.records:
        checks.records(table)
    # A school of no children: its teachers' 帮扶学生 name nobody.
    alone = [x for x in lists if id(x) not in joined or schools[id(x)] - covered]
    if alone:
        nobody = Roster(roster.files, [], alone, [], [], declared=roster.declared)
        listed += [x for x in listed_pairs(nobody)[1] if _school_of(x, schools) not in covered]
    roster.joined = PairsJoined(listed=listed)
    checks.found += check_listed(roster)
    roster.moved = checks.moved
    return roster, checks.findings(roster) + check_term_sheets(roster)


def _school_of(listed: Listed, schools: dict[int, set[str]]) -> str:
    """The school of the teachers list's row ``listed`` is about: its 学校 cell, else its
    table's (``schools``)."""
    cells = listed.table.values.get("school")
    return (cells[listed.i] or "") if cells else min(schools[id(listed.table)])


def _schools(table: Table, school: str) -> set[str]:
    """The schools of ``table``'s rows: their 学校 cells, "" for a row without one."""
    cells = table.values.get("school")
    return {cell or "" for cell in cells} if cells else {school}
