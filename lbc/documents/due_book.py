"""``lbc due --out 待办.xlsx``: what each teacher owes, to print for the staff meeting."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from lbc.documents.printable import fill_table
from lbc.messages import t
from lbc.output.files import set_text, write_atomic
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
        for row in table_rows(kids)
    ]
    title = t("due.title", school=school, date=result.as_of.isoformat())
    none = [["", t("due.none", date=result.as_of.isoformat())]]
    fill_table(ws, title, [t("due.col.teacher"), *table_header()], body or none)
    set_text(ws.cell(ws.max_row + 2, 1), summary_line(result))
    write_atomic(out, wb.save, inputs=inputs)
