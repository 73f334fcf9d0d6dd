"""``validate --annotate``: a copy of the roster with each flagged cell marked.

Errors are filled red and warnings yellow, each with a comment holding the message, and a
问题清单 sheet lists every finding with a link to its cell, so a school fixes the workbook it
knows instead of reading a report. The input file is only read.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from lbc.checks.findings import Finding
from lbc.checks.registry import RuleKind
from lbc.errors import LbcError
from lbc.messages import t
from lbc.output.files import set_text, write_atomic
from lbc.output.privacy import Privacy
from lbc.output.sheet_style import row_height, style_sheet, text_width
from lbc.roster.fields import FIELDS, Kind
from lbc.roster.reading import read_book

FILLS = {
    "error": PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
    "warning": PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
}

_WRAP = Alignment(wrap_text=True, vertical="top")
_WIDTHS = (9, 7, 16, 8, 18, 18, 60, 24)  # the problems sheet's columns


# openpyxl makes an object for every cell of a merged range as it loads a workbook (some
# 150 bytes each): a range over a whole sheet is 17 billion of them. A roster's merged
# titles and class columns add up to thousands of cells; past this the copy is refused.
MERGED_CELLS = 1_000_000
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")


def check_merged_ranges(source: Path) -> None:
    """Refuse, before anything is read, a workbook whose merged ranges openpyxl would take
    gigabytes to load (a crafted or damaged file merging a whole sheet). Only .xlsx/.xlsm
    are loaded by openpyxl; every XML part is searched, wherever a sheet is stored."""
    if source.suffix.lower() not in (".xlsx", ".xlsm"):
        return
    total, largest = 0, (0, "")
    with contextlib.suppress(zipfile.BadZipFile, OSError), zipfile.ZipFile(source) as zf:
        for info in zf.infolist():
            if not info.filename.lower().endswith(".xml"):
                continue
            for ref in _merge_refs(zf, info):
                with contextlib.suppress(ValueError, TypeError):
                    first_col, first_row, last_col, last_row = range_boundaries(ref)
                    cells = (last_col - first_col + 1) * (last_row - first_row + 1)
                    total, largest = total + cells, max(largest, (cells, ref))
    if total > MERGED_CELLS:
        limit = f"{MERGED_CELLS:,}"
        cells, ref = largest
        raise LbcError(
            t("err.annotate_merged", path=source, limit=limit, ref=ref, cells=f"{cells:,}")
        )


def _merge_refs(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[str]:
    """The ``ref`` of every ``<mergeCell>`` in a part, read in pieces cut before a ``<``."""
    refs: list[str] = []
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 22):
            data = tail + chunk
            cut = max(data.rfind(b"<"), 0)
            refs += [m.decode("ascii", "replace") for m in _MERGE.findall(data, 0, cut)]
            tail = data[cut:]
    return refs + [m.decode("ascii", "replace") for m in _MERGE.findall(tail)]


def _open_copy(source: Path) -> tuple[Workbook, dict[str, str]]:
    """The workbook to mark (the original for .xlsx/.xlsm, else its values rebuilt) and
    the name each finding's sheet has in it.

    openpyxl is stricter than the reader: a workbook calamine read (a sheet name holding
    a control character, a part openpyxl does not expect) can make it raise anything from
    lxml's XMLSyntaxError to a KeyError. Such a workbook is marked on its values rebuilt,
    as an .xls is, rather than not at all."""
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            wb = load_workbook(source, rich_text=False)
        except Exception:  # any failure of openpyxl's: the values instead
            pass
        else:
            return wb, {name: name for name in wb.sheetnames}
    book = read_book(source)
    wb = Workbook()
    wb.remove(wb.active)
    names: dict[str, str] = {}
    for sheet in book.sheets:
        ws = wb.create_sheet(_sheet_title(sheet.name, wb.sheetnames))
        names[sheet.name] = ws.title
        for i, row in enumerate(sheet.rows):
            for j, value in enumerate(row):
                if value not in (None, ""):
                    set_text(ws.cell(sheet.row0 + i + 1, sheet.col0 + j + 1), value)
    return wb, names


def _sheet_title(name: str, taken: list[str]) -> str:
    """A title Excel accepts: no []:*?/\\ or control characters, at most 31 characters,
    not already used (a CSV's file name, a damaged workbook's sheet name, may be anything)."""
    title = "".join("_" if ch in "[]:*?/\\" or ch < " " else ch for ch in name)
    title = title[:31].strip("'") or "Sheet"
    base, n = title, 1
    while title in taken:
        n += 1
        title = f"{base[: 31 - len(str(n)) - 1]}_{n}"
    return title


def _target(ws: Worksheet, ref: str) -> Cell:
    """The cell to mark: a cell inside a merged range is marked on the range's first cell,
    the only one Excel lets hold a fill and a comment."""
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return ws[ref]


def annotate(source: Path, findings: list[Finding], out: Path, privacy: Privacy) -> int:
    """Write the marked copy to ``out`` atomically; return how many cells were marked. The
    problems sheet shows children and values as ``privacy`` says, like the printed list.

    Only the findings of ``source`` mark its cells: a returned record sheet read with the
    roster has a 帮扶记录 sheet too, and its row 12 is not the roster's."""
    wb, names = _open_copy(source)
    marked: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.file == str(source) and f.sheet in names and f.row and f.column:
            ws = wb[names[f.sheet]]
            cell = _target(ws, f"{f.column}{f.row}")
            marked.setdefault((ws.title, cell.coordinate), []).append(f)
    for (sheet, ref), items in marked.items():
        cell = wb[sheet][ref]
        worst = "error" if any(f.severity == "error" for f in items) else "warning"
        cell.fill = FILLS[worst]
        text = "\n".join(f"[{f.code}] {f.message}" for f in items)
        cell.comment = Comment(text, "lbc", width=320, height=40 + 20 * len(items))
    _problem_sheet(wb, findings, str(source), names, privacy)
    write_atomic(out, wb.save, inputs=[source])
    return len(marked)


# The sheet a rule's field is on: a teacher's 电话 is not a child's.
_KIND = {RuleKind.TEACHER: Kind.TEACHERS, RuleKind.RECORD: Kind.RECORDS}


def _field_text(f: Finding) -> str | None:
    """The field as a roster heads it, with its key, as ``lbc columns`` says it (家庭住址
    (home_address)): a school reading the list in Chinese is not left with the key alone."""
    if f.field is None:
        return None
    first = _KIND.get(f.rule.kind, Kind.CHILDREN)
    for kind in (first, *Kind):
        label = next((x.label for x in FIELDS[kind] if x.key == f.field), None)
        if label is not None:
            return f"{label} ({f.field})"
    return f.field


def _problem_sheet(
    wb: Workbook, findings: list[Finding], source: str, names: dict[str, str], privacy: Privacy
) -> None:
    """Every finding, those of another file read with the roster (its pairs workbook, a
    returned record sheet) under that file's name and without a link into this copy."""
    name = t("annotate.sheet")
    while name in wb.sheetnames:
        name += "_"
    ws = wb.create_sheet(name, 0)
    headers = [
        t("out.col.code"),
        t("out.col.severity"),
        t("annotate.col.sheet"),
        t("annotate.col.cell"),
        t("out.col.field"),
        t("out.col.child"),
        t("out.col.message"),
        t("out.col.value"),
    ]
    for j, text in enumerate(headers, 1):
        ws.cell(1, j, text)
    # As wide as each header in the run's language too (severity is wider than 级别).
    widths = [max(w, text_width(h) + 2) for w, h in zip(_WIDTHS, headers, strict=True)]
    for i, f in enumerate(findings, 2):
        d = f.as_dict(privacy)
        ref = f"{f.column}{f.row}" if f.row and f.column else ""
        own = f.file == source
        sheet = f.sheet if own else t("out.sheet_heading", file=f.file, sheet=f.sheet)
        values = [f.code, t(f"severity.{f.severity}"), sheet, ref, _field_text(f), d["child"]]
        values += [f.message, d["value"]]
        for j, value in enumerate(values, 1):
            set_text(ws.cell(i, j), value)
            ws.cell(i, j).alignment = _WRAP  # a long message wraps, never hides the value
        ws.row_dimensions[i].height = row_height(values, widths)
        if own and ref and f.sheet in names:
            link = ws.cell(i, 4)
            quoted = names[f.sheet].replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{ref}")
            link.font = Font(color="0563C1", underline="single")
    # Printed as every list lbc writes: A4 landscape, one page wide, the header on each page.
    style_sheet(ws, 1, widths)
