"""A plain .xlsx writer for very large tables (a county's merged roster).

openpyxl writes about 100,000 cells a second, xlsxwriter and rustpy-xlsxwriter a few
hundred thousand; a province's merged roster is a million rows of thirty columns. This
writer does one thing: sheets of text and numbers, strings inline, a bold header row, no
formulas (every string is an inline string, so a cell starting with = stays text), written
row block by row block into a compressed zip stream without holding the sheet in memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lbc.messages import readable

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

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
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font>'
    '<font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _text_cell(value: str, bold: bool = False) -> str:
    value = _BAD_XML.sub("", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    style = ' s="1"' if bold else ""
    return f'<c t="inlineStr"{style}><is><t{space}>{value}</t></is></c>'


def _cell(value: Any, memo: dict[Any, str]) -> str:
    """One cell's XML; repeated values (classes, types, schools) are built once."""
    cell = memo.get(value)
    if cell is None:
        if value is None or value == "":
            cell = "<c/>"
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            cell = _text_cell(str(value))
        else:
            cell = f"<c><v>{value!r}</v></c>"
        if len(memo) < 200_000:
            memo[value] = cell
    return cell


def rows_xml(rows: Iterable[Sequence[Any]]) -> bytes:
    """The ``<row>`` elements for ``rows``: the slow part of writing, so a county merge
    builds each school's rows in its own worker process."""
    memo: dict[Any, str] = {}
    text = "".join(["<row>" + "".join([_cell(v, memo) for v in row]) + "</row>" for row in rows])
    try:
        return text.encode()
    except UnicodeEncodeError:  # a file name that is not UTF-8 (the 文件 column): shown read
        return readable(text).encode()


def write_xlsx(path: Path, sheets: Iterable[tuple[str, Sequence[str], Iterable[bytes]]]) -> None:
    """Write ``sheets`` (title, header, blocks of row XML from :func:`rows_xml`) to ``path``;
    the caller makes it atomic. Sheets are taken one at a time and their blocks written as
    they come, so a caller can stream rows that are still being read; the parts naming the
    sheets follow them (a zip's entries may come in any order)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        titles = []
        for n, (title, header, blocks) in enumerate(sheets, 1):
            titles.append(title)
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
                out.write(
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                    b'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>'
                )
                head = "".join(_text_cell(h, bold=True) for h in header)
                out.write(f"<row>{head}</row>".encode())
                for block in blocks:
                    out.write(block)
                out.write(b"</sheetData></worksheet>")
        count = len(titles)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
            for n in range(1, count + 1)
        )
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=overrides))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        names = "".join(
            f'<sheet name="{_escape_attr(title)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, title in enumerate(titles, 1)
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{names}</sheets></workbook>",
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


def _escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
