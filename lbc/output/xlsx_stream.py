"""A plain .xlsx writer for very large tables (a county's merged roster).

openpyxl writes about 100,000 cells a second, xlsxwriter and rustpy-xlsxwriter a few
hundred thousand; a province's merged roster is a million rows of thirty columns. This
writer does one thing: sheets of text, numbers and dates, strings inline, no formulas
(every string is an inline string, so a cell starting with = stays text), written row block
by row block into a compressed zip stream without holding the sheet in memory. It looks and
prints as every workbook lbc writes does (lbc.output.sheet_style): a styled header row,
frozen and repeated on each printed page, columns sized from a sample of the rows (they
must be known before the first row is written), A4 landscape one page wide.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lbc.messages import readable
from lbc.output.files import XML_ILLEGAL
from lbc.output.sheet_style import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    HEADER_FILL,
    WIDEST,
    pages_wide,
    text_width,
)

_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_MAIN}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = f"{_MAIN}.worksheet+xml"
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
# Cell styles: 0 plain, 1 the header row, 2 a date, 3 a date and time, 4 wrapped text.
_HEADER, _DATE, _DATETIME, _WRAPPED = 1, 2, 3, 4
_THIN = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>'
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
    f'<numFmt numFmtId="165" formatCode="{DATETIME_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font>'
    '<font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    f'<fill><patternFill patternType="solid"><fgColor rgb="FF{HEADER_FILL}"/></patternFill></fill>'
    "</fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    f"<border>{_THIN}<diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" '
    'wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0, Lotus's leap-year bug included
# Different values _cell keeps the cells of while it writes one table's rows.
_MEMO_LIMIT = 200_000
_EMPTY = frozenset({None, ""})  # what an empty cell holds


def _text_cell(value: str, header: bool = False, plain: bool = False) -> str:
    """An inline string; text wider than the widest column (a record's 内容) wraps, so it
    is printed whole rather than cut at the column's edge. ``plain``: the text is known to
    hold no character to remove or escape (_text_cells)."""
    if header:
        style = f' s="{_HEADER}"'
    else:
        # No character is wider than two: most cells are answered by their length alone.
        wide = len(value) * 2 > WIDEST - 2 and text_width(value) > WIDEST - 2
        style = f' s="{_WRAPPED}"' if wide else ""
    if not plain:
        value = XML_ILLEGAL.sub("", value)
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f'<c t="inlineStr"{style}><is><t{space}>{value}</t></is></c>'


def _text_cells(texts: list[str]) -> list[str]:
    """Each of ``texts`` as _text_cell makes it, the characters to remove or escape looked
    for once in them all: a school's names and addresses seldom hold one."""
    together = "".join(texts)
    plain = not ("&" in together or "<" in together or ">" in together)
    plain = plain and XML_ILLEGAL.search(together) is None
    return [_text_cell(text, plain=plain) for text in texts]


def _cell(value: Any, memo: dict[Any, str]) -> str:
    """One cell's XML; repeated values (classes, types, schools) are built once. A date is
    a date cell, shown as one; a value of any other kind but a number is text."""
    if value.__class__ is bool:  # True == 1, yet it is text: never memoised, never looked up
        return _text_cell(str(value))
    cell = memo.get(value)
    if cell is None:
        if value is None or value == "":
            cell = "<c/>"
        elif isinstance(value, dt.datetime):
            serial = (value - _EPOCH) / dt.timedelta(days=1)
            cell = f'<c s="{_DATETIME}"><v>{serial!r}</v></c>'
        elif isinstance(value, dt.date):
            serial = (value - _EPOCH.date()).days
            cell = f'<c s="{_DATE}"><v>{serial}</v></c>'
        elif not isinstance(value, (int, float)):
            cell = _text_cell(str(value))
        else:
            cell = f"<c><v>{value!r}</v></c>"
        if len(memo) < _MEMO_LIMIT:
            memo[value] = cell
    return cell


def _by_column(rows: list[Sequence[Any]]) -> str | None:
    """The rows' XML as :func:`_cell` writes it, made a column at a time: a table of a
    school's rows is a hundred thousand cells of a few thousand texts, so each text is made
    a cell once (in ``texts``, which every column shares: a text's cell is its text's),
    each cell is a lookup in C, and the columns no row fills are written as one text. What
    is not text (a number, a date, a bool) is made by ``_cell`` in the order rows are
    written, with its memo: a number equal to one of another kind before it (3 and 3.0) is
    written as that one was. None, for ``_cell`` to write them row by row, where the rows
    differ in width, or hold more values than its memo keeps (the cells made would differ)."""
    width, n = (len(rows[0]) if rows else 0), len(rows)
    if any(len(row) != width for row in rows):
        return None
    texts: dict[Any, str] = {None: "<c/>", "": "<c/>"}
    columns: list[list[str] | None] = []
    for column in zip(*rows, strict=True):
        values = set(column)
        if values <= _EMPTY:
            columns.append(None)
            continue
        new = [value for value in values.difference(texts) if value.__class__ is str]
        texts.update(zip(new, _text_cells(new), strict=True))
        if len(texts) > _MEMO_LIMIT:
            return None
        columns.append(list(map(texts.get, column)))
    others = [(j, cells) for j, cells in enumerate(columns) if cells is not None and None in cells]
    memo: dict[Any, str] = {}
    for i, row in enumerate(rows):
        for j, cells in others:
            if cells[i] is None:
                cells[i] = _cell(row[j], memo)
    if len(texts) + len(memo) > _MEMO_LIMIT:
        return None
    pieces: list[list[str]] = []
    constant = "<row>"  # and the empty cells after it, the same on every row
    for cells in columns:
        if cells is None:
            constant += "<c/>"
            continue
        pieces += [[constant] * n, cells] if constant else [cells]
        constant = ""
    pieces.append([constant + "</row>"] * n)
    return "".join(itertools.chain.from_iterable(zip(*pieces, strict=True)))


def rows_xml(rows: Iterable[Sequence[Any]]) -> bytes:
    """The ``<row>`` elements for ``rows``: the slow part of writing, so a county merge
    builds each school's rows in its own worker process."""
    rows = list(rows)
    text = _by_column(rows)
    if text is None:
        memo: dict[Any, str] = {}
        text = "".join(
            ["<row>" + "".join([_cell(v, memo) for v in row]) + "</row>" for row in rows]
        )
    try:
        return text.encode()
    except UnicodeEncodeError:  # a file name that is not UTF-8 (the 文件 column): shown read
        return readable(text).encode()


# Excel and WPS open a sheet of at most 1,048,576 rows: the header and this many more.
MAX_DATA_ROWS = 1_048_575
_ROW = b"<row>"

Title = str | Callable[[], str]


class _Split:
    """Row blocks dealt out to sheets of at most ``limit`` rows each."""

    def __init__(self, blocks: Iterable[bytes], limit: int) -> None:
        self.blocks, self.limit, self.pending = iter(blocks), limit, b""

    def sheet(self) -> Iterator[bytes]:
        room = self.limit
        while True:
            block = self.pending or next(self.blocks, None)
            self.pending = b""
            if block is None:
                return
            n = block.count(_ROW)
            if n <= room:
                room -= n
                yield block
                continue
            cut = -1
            for _ in range(room + 1):  # the start of the first row that does not fit
                cut = block.index(_ROW, cut + 1)
            yield block[:cut]
            self.pending = block[cut:]
            return

    def more(self) -> bool:
        """Whether rows are left for another sheet (reading on to the next block to see)."""
        while _ROW not in self.pending:
            block = next(self.blocks, None)
            if block is None:
                return False
            self.pending = block
        return True


Sheet = tuple[Title, Sequence[str], Sequence[float], Iterable[bytes]]


def numbered_sheets(
    title: str,
    header: Sequence[str],
    widths: Sequence[float],
    blocks: Iterable[bytes],
    limit: int | None = None,
) -> Iterator[Sheet]:
    """One table as as many sheets as Excel's row limit needs: ``title`` alone when it
    fits, else ``title``1, ``title``2 … each with the header (lbc reads them back as one
    table). The first sheet's name is settled once its rows are written."""
    split = _Split(blocks, MAX_DATA_ROWS if limit is None else limit)
    yield (lambda: f"{title}1" if split.more() else title), header, widths, split.sheet()
    number = 2
    while split.more():
        yield f"{title}{number}", header, widths, split.sheet()
        number += 1


def write_xlsx(path: Path, sheets: Iterable[Sheet], hidden: Collection[str] = ()) -> list[str]:
    """Write ``sheets`` (title, header, column widths, blocks of row XML from
    :func:`rows_xml`) to ``path``; the caller makes it atomic. Sheets are taken one at a time
    and their blocks written as they come, so a caller can stream rows that are still being
    read; the parts naming the sheets follow them (a zip's entries may come in any order),
    so a title may be a function, asked once the sheet's rows are written. A sheet whose
    title is in ``hidden`` is written hidden (lbc's own data, not for the reader). Returns
    the sheets' titles."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        titles = []
        for n, (title, header, widths, blocks) in enumerate(sheets, 1):
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
                cols = "".join(
                    f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
                    for j, w in enumerate(widths, 1)
                )
                out.write(
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                    b'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                    b'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                    + (f"<cols>{cols}</cols>" if cols else "").encode()
                    + b"<sheetData>"
                )
                head = "".join(_text_cell(h, header=True) for h in header)
                out.write(f"<row>{head}</row>".encode())
                for block in blocks:
                    out.write(block)
                out.write(
                    '</sheetData><printOptions horizontalCentered="1"/>'
                    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                    'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" '
                    f'fitToWidth="{pages_wide(widths)}" fitToHeight="0"/></worksheet>'.encode()
                )
            titles.append(title if isinstance(title, str) else title())
        count = len(titles)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in range(1, count + 1)
        )
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=overrides))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        names = "".join(
            f'<sheet name="{_escape_attr(title)}" sheetId="{n}"'
            + (' state="hidden"' if title in hidden else "")
            + f' r:id="rId{n}"/>'
            for n, title in enumerate(titles, 1)
        )
        quoted = ("'" + title.replace("'", "''") + "'" for title in titles)
        repeated = "".join(  # the header row on every printed page
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
            f"{_escape_attr(title)}!$1:$1</definedName>"
            for n, title in enumerate(quoted)
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{names}</sheets><definedNames>{repeated}</definedNames></workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        style_rel = (
            f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}{style_rel}</Relationships>",
        )
    return titles


def _escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
