"""``lbc due --out 待办.xlsx``: what each teacher owes, to print for the staff meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from lbc.documents.printable import fill_table, note_below
from lbc.messages import long_date, t
from lbc.output.files import write_atomic
from lbc.reports.owed import Due, summary_line, table_header, table_rows


def write_due_book(
    out: Path,
    result: Due,
    school: str,
    inputs: Iterable[Path],
) -> None:
    """One sheet, teacher by teacher, priority children first; written atomically, 0600."""
    wb = Workbook()
    ws = wb.active
    ws.title = t("due.col.owed")
    labels = result.labels()
    body = [
        [labels[teacher], *row]
        for teacher, kids in result.teachers.items()
        for row in table_rows(kids, _on_paper)
    ]
    title = t("due.title", school=school, date=long_date(result.as_of))
    none = [["", t("due.none", date=long_date(result.as_of))]]
    fill_table(ws, title, [t("due.col.teacher"), *table_header()], body or none)
    note_below(ws, summary_line(result, long_date), 1 + len(table_header()))
    write_atomic(out, wb.save, inputs=inputs)


def _on_paper(day: dt.date) -> str:
    """A day as the printed list writes it, 2024年9月30日; a month alone (a talk written
    up as 2024年10月) as it was read, 2024-10, not as its first day."""
    return long_date(day) if day.__class__ is dt.date else str(day)
