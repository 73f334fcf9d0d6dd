"""lbc validate of a province's Parquet file, one school at a time.

A merged province is a million children: read whole, its cells take about 4 GB as Python
values, on a laptop with 8. lbc merge writes each school's sheets to row groups of their
own, so the children can be read a row group at a time, checked, and their cells dropped,
keeping of each table only its shape (rows, sheets, columns) and its 学校 for the summary
per school.
What the checks compare across tables stays (lbc.checks.engine.RosterChecks): the teachers
and records, which are few, are read first and whole. The findings are the ones
check_roster gives on the whole file, in the same order.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lbc.checks.engine import RosterChecks
from lbc.checks.findings import Finding
from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster.fields import Kind
from lbc.roster.parquet import sources_by_row_group, tables_by_row_group
from lbc.roster.tables import KEPT, Roster


def check_by_row_group(
    path: Path,
    today: dt.date | None = None,
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> tuple[Roster, list[Finding]] | None:
    """The roster's shape and its findings, read one row group at a time; None when the
    file cannot be read so (see lbc.roster.parquet.sources_by_row_group): then it is read
    whole, as any file."""
    sources = sources_by_row_group(path)
    if sources is None:
        return None
    roster = Roster(files=sources.files, children=[], teachers=[], records=[], skipped=[])
    roster.declared.update(sources.schools)
    for table, _ in tables_by_row_group(path, sources, {Kind.TEACHERS, Kind.RECORDS}):
        (roster.teachers if table.kind is Kind.TEACHERS else roster.records).append(table)
    checks = RosterChecks.of(roster, today or dt.date.today(), terms)
    for table, _ in tables_by_row_group(path, sources, {Kind.CHILDREN}):
        roster.children.append(table)
        checks.children(table)
        table.keep_only(KEPT)
    if not roster.children:  # as load_roster refuses a file without them
        raise LbcError(t("err.no_children", files="、".join(roster.files or [str(path)])))
    for table in roster.teachers:
        checks.teachers(table)
    for table in roster.records:
        checks.records(table)
    return roster, checks.findings(roster)
