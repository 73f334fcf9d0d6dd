"""How every workbook lbc writes looks and prints: a styled header row, columns as wide as
their text, the header frozen on screen and repeated on each printed page, A4 landscape
fitted to the page's width. A 德育主任 opens it in Excel or WPS and prints it as it is.

The pairs and change-log workbooks apply it with openpyxl (:func:`style_sheet`); the
county's merged roster is streamed (lbc.output.xlsx_stream), which writes the same look
from the constants here, so both say the same thing in one place.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

HEADER_FILL = "DDEBF7"  # a light blue, legible in black and white print
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
NARROWEST, WIDEST = 6, 40  # column widths, in Excel's characters
WIDTH_SAMPLE = 500  # rows looked at to size the columns: a county's million are not read twice

# A4 landscape with Excel's default margins, in points, and a row of 11-point text.
PAGE_WIDTH, PAGE_HEIGHT = 842 - 2 * 0.7 * 72, 595 - 2 * 0.75 * 72 - 2 * 0.3 * 72
CHAR_POINTS = 5.6  # one unit of column width
LINE_POINTS = 15.0
# A line of wrapped Chinese text is taller than a row of one line: LibreOffice sets 11-point
# CJK text (Noto Sans CJK, WenQuanYi) about 15.3 points apart, and the cell's top and
# bottom padding take a few points more, so a wrapped row sized at LINE_POINTS a line cut
# its last line in half on screen and on paper.
WRAPPED_LINE_POINTS = 16.0
WRAPPED_PADDING = 4.0
SHORT_LAST_PAGE = 0.25  # a last page less full than this is folded into the one before
SMALLEST_PRINT = 0.6  # text shrunk further to fit a page's width is printed across pages


class _Spaces(dict[int, str]):
    """Each character (by its code) as as many spaces as it is wide, looked up in
    unicodedata once: a line's translation is as long as the line is wide."""

    def __missing__(self, code: int) -> str:
        spaces = "  " if unicodedata.east_asian_width(chr(code)) in "WF" else " "
        self[code] = spaces
        return spaces


_SPACES = _Spaces()


def text_width(value: Any) -> int:
    """How many characters wide a cell's text shows: a Chinese character counts two."""
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    if text.isascii():
        return max(map(len, text.splitlines() or [""]))
    return max(len(line.translate(_SPACES)) for line in text.splitlines() or [""])


def column_widths(
    header: Sequence[str], rows: Iterable[Sequence[Any]], widest: int = WIDEST
) -> list[int]:
    """Widths that fit the header and the first rows' text, within [NARROWEST, widest];
    longer text wraps. A column empty in those rows (a county roster's dictionary columns
    no school filled in) is as wide as half its header, which wraps onto two lines.
    A column of text is measured by its different texts (a class, a type repeated)."""
    heads = [text_width(h) for h in header]
    widths = [0] * len(heads)
    sample = itertools.islice(rows, WIDTH_SAMPLE)
    for j, column in enumerate(itertools.zip_longest(*sample)):
        if j == len(widths):
            break
        values = set(column)
        # Other values are each measured: True, 1 and 1.0 are one in a set, not as wide.
        if not all(value is None or isinstance(value, str) for value in values):
            values = column
        widths[j] = max(map(text_width, values), default=0)
    return [
        min(widest, max(NARROWEST, (max(w, h) if w else math.ceil(h / 2)) + 2))
        for w, h in zip(widths, heads, strict=True)
    ]


def last_filling_the_page(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int]
) -> list[int]:
    """``widths`` with the last column as wide as its text, past WIDEST, as far as the page
    has room beside the others: a table of a long last column (a watch list's reasons)
    wraps it to fewer lines and prints on fewer pages."""
    room = math.floor(PAGE_WIDTH / CHAR_POINTS) - sum(widths[:-1])
    last = column_widths(header[-1:], [row[-1:] for row in rows], widest=room)[0]
    return [*widths[:-1], max(widths[-1], last)]


def widest_of(many: Iterable[Sequence[int]]) -> list[int]:
    """Column by column, the widest of several samples' widths (several schools')."""
    return [max(ws) for ws in itertools.zip_longest(*many, fillvalue=0)]


def _wrapped_width(line: str) -> float:
    """How wide a line of a cell prints, in units of column width: as text_width, but a
    space half a unit (Calibri's space is under half its digit, the unit). Counted whole,
    the spaces of 超过 30 天 … 监护人 71 岁 took the reason two units past its column, and
    its row was given an empty second line."""
    return text_width(line) - line.count(" ") / 2


def lines(row: Sequence[Any], widths: Sequence[float]) -> int:
    """How many lines of text the tallest cell of ``row`` wraps to in columns ``widths``."""
    return max(
        (
            sum(
                math.ceil(_wrapped_width(part) / max(1, w - 1)) or 1 for part in str(v).splitlines()
            )
            for v, w in zip(row, widths, strict=False)
            if v is not None
        ),
        default=1,
    )


def row_height(row: Sequence[Any], widths: Sequence[float]) -> float:
    """How tall, in points, a row of wrapped text is to show every line of its tallest
    cell (``lines``) in Excel, WPS and LibreOffice: a row of one line is the default row."""
    n = lines(row, widths)
    return LINE_POINTS if n == 1 else n * WRAPPED_LINE_POINTS + WRAPPED_PADDING


def pages_wide(widths: Sequence[float]) -> int:
    """How many pages wide to print: one, unless fitting every column on one page's width
    would shrink the text below SMALLEST_PRINT (a county roster's seventy columns); then
    as few pages across as keep it readable."""
    return max(1, math.ceil(CHAR_POINTS * sum(widths) * SMALLEST_PRINT / PAGE_WIDTH))


def print_scale(widths: Sequence[float]) -> float:
    """How much a table of columns ``widths`` is shrunk to print pages_wide pages across."""
    return min(1.0, pages_wide(widths) * PAGE_WIDTH / (CHAR_POINTS * sum(widths)))


def pages_high(widths: Sequence[float], rows: Iterable[Sequence[Any]]) -> int:
    """How many pages tall to fit a table to (Excel's fitToHeight, 0 for as many as it
    takes): when its last page would hold a row or two, one page fewer, so the rows are
    shrunk a little onto the pages before rather than a page printed for them alone."""
    height = sum(row_height(row, widths) for row in rows) * print_scale(widths)
    pages = math.ceil(height / PAGE_HEIGHT)
    if pages > 1 and height - (pages - 1) * PAGE_HEIGHT < SHORT_LAST_PAGE * PAGE_HEIGHT:
        return pages - 1
    return 0


def style_sheet(ws: Any, header_row: int, widths: Sequence[float], pages: int = 0) -> None:
    """Give an openpyxl sheet the look: the header row styled, frozen and repeated on each
    printed page, the columns ``widths`` wide, A4 landscape ``pages`` high (0: as needed)
    and fitted to the width of one page, or of several (pages_wide)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    for cell in ws[header_row]:
        if cell.value is None:
            continue
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = pages_wide(widths)
    ws.page_setup.fitToHeight = pages
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
