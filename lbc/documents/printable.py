"""Tables a school prints: a title over a bordered table, styled and printed as every
workbook lbc writes (lbc.output.sheet_style).

The pairs list, the teachers' record sheets and the follow-up list are all printed and
filed; they share this one layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from lbc.output.files import set_list_text, set_text
from lbc.output.sheet_style import (
    DATE_FORMAT,
    column_widths,
    last_filling_the_page,
    pages_high,
    row_height,
    style_sheet,
)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAPPED = Alignment(wrap_text=True, vertical="top")


def fill_table(
    ws: Worksheet,
    title: str,
    header: Sequence[str],
    rows: list[list[object]],
    hidden: int = 0,
    widths: Sequence[int] | None = None,
    long_last: bool = False,
) -> None:
    """A title row over a bordered table, styled and printed as every workbook lbc writes
    (lbc.output.sheet_style); rows as tall as their wrapped text, so a signed list is read
    whole on paper, and no last page printed for a row or two. The last ``hidden`` columns
    are hidden: neither the screen nor the paper shows them, nor are they sized for print.
    Columns as wide as ``widths``, else as their text; ``long_last``: the last as wide as
    the page has room for (last_filling_the_page)."""
    shown = len(header) - hidden
    set_text(ws.cell(1, 1), title)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=shown)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.row_dimensions[1].height = 24
    for j, text in enumerate(header, 1):
        ws.cell(2, j, text)
    if widths is None:
        # A list of nobody, one （无） row, leaves every other column empty, which sizes it
        # to half its header (学生姓 / 名): such a list is as wide as its header.
        widths = column_widths(header, rows if len(rows) > 1 else [*rows, header])
        if long_last:
            widths = last_filling_the_page(header, rows, widths)
    first: Cell | None = None
    for i, row in enumerate(rows, 3):
        # A row shorter than the table (a list of nobody's （无）) is bordered across it:
        # its grid is printed whole, not open on the right.
        for j, value in enumerate([*row, *[None] * (shown - len(row))], 1):
            cell = ws.cell(i, j)
            set_list_text(cell, value)
            if first is None:
                cell.border, cell.alignment = _BORDER, _WRAPPED
                first = cell
            else:
                _bordered_as(cell, first)
        ws.row_dimensions[i].height = row_height(row[:shown], widths[:shown])
    # The title over the table is about a header row's height: counted as a second one.
    visible = [header[:shown], header[:shown], *(row[:shown] for row in rows)]
    style_sheet(ws, 2, widths[:shown], pages_high(widths[:shown], visible))
    for j in range(shown + 1, len(header) + 1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = widths[j - 1]
        ws.column_dimensions[letter].hidden = True
        for cell in ws[letter][2:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT


def _bordered_as(cell: Cell, first: Cell) -> None:
    """Give ``cell`` the border and wrapping of ``first`` by the numbers the workbook keeps
    them under, as openpyxl's own setters leave them: set as objects, each cell's were
    compared again with every style of the workbook, most of the minutes a county's pairs
    workbook took."""
    if cell._style is None:
        cell._style = StyleArray()
    assert first._style is not None
    cell._style.borderId = first._style.borderId
    cell._style.alignmentId = first._style.alignmentId


def note_below(ws: Worksheet, text: str, columns: int) -> None:
    """A sentence a line below the table, across its first ``columns`` columns and wrapped
    in them: one wider than the table would run past its last column, off the printed
    page, which is as wide as the table."""
    row = ws.max_row + 2
    set_text(ws.cell(row, 1), text)
    ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    width = sum(ws.column_dimensions[get_column_letter(j)].width for j in range(1, columns + 1))
    ws.row_dimensions[row].height = row_height([text], [width])


class _GrowingRow(RowDimension):
    """A row of a given height that is not marked as set by hand (no customHeight), so
    Excel, WPS and LibreOffice make it taller as text is typed into it; openpyxl marks
    every row with a height as set by hand, which keeps it at that height and cuts what a
    teacher wrote beyond it from the page."""

    @property
    def customHeight(self) -> bool:
        return False


def rows_that_grow(ws: Worksheet, rows: range, height: float) -> None:
    """Give ``rows`` ``height`` points to begin with, and let each grow with what is
    typed into it: rows a person fills in after lbc wrote the sheet."""
    for i in rows:
        was = ws.row_dimensions[i]
        ws.row_dimensions[i] = _GrowingRow(ws, index=i, ht=max(height, was.height or 0))
