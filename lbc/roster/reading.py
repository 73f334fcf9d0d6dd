"""Read workbooks and CSV files into plain grids of cell values.

python-calamine reads every spreadsheet format schools have (.xlsx/.xlsm/.xlsb/.xls/.ods)
several times faster than openpyxl and gives merged ranges, which is all the header finder
needs; CSV is decoded by trying UTF-8 (with or without BOM) and then GB18030, the superset
of GBK that Chinese Excel writes. Every failure becomes an :class:`LbcError` with one clear
sentence, never a traceback.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import html
import io
import itertools
import re
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import python_calamine as calamine
from defusedxml import ElementTree

from lbc.errors import LbcError
from lbc.messages import os_reason, t
from lbc.output.formats import neutralised
from lbc.output.formula_errors import EXCEL_ERRORS, FORMULA_ERRORS, UNSAVED
from lbc.roster import process_memory, sheet_pieces, supervised, xls_errors
from lbc.roster.xls_errors import OLE_DIFAT, OLE_MAGIC, OLE_MARKERS, OLE_SECTOR_SHIFT

T = TypeVar("T")

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
# A .parquet is no grid of cells: lbc.roster.parquet reads it straight into tables.
PARQUET_SUFFIX = ".parquet"
SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv", PARQUET_SUFFIX)

# A roster has a few dozen columns; a sheet thousands wide is a styling accident or an
# attack, and reading it would cost memory for nothing.
MAX_COLUMNS = 1000
# A county's workbook has a sheet a school or a class, a few hundred at most; a list of
# 200,000 (each naming the same part, a 1 MB file) kept the reader busy for an hour.
MAX_SHEETS = 1000
# python-calamine lays a sheet out as one dense grid from its first to its last filled cell,
# 32 bytes a cell before Python sees it; a single stray value in XFD1048576 asks for 512 GB
# and aborts the process (no exception to catch). 20 million cells (~1 GB) still reads a
# county roster of 100,000 rows x 200 columns, or a narrow roster with a value left in
# Excel's last row; beyond that the file is refused before calamine allocates.
MAX_CELLS = 20_000_000
# csv's own ceiling on one cell's characters (field_size_limit), four times Excel's 32,767:
# a longer cell is no roster's, and the file is refused naming its line.
_CSV_CELL_MOST = csv.field_size_limit()
# Sheet parts under this much XML are always scanned cell by cell before calamine (tens of
# milliseconds); only a bigger one may be let through on its own <dimension>, and only when
# that dimension is plausible for the part's size (see _may_skip_scan).
ALWAYS_SCAN_BYTES = 16 << 20
# A sheet's XML spends 30-100 bytes a cell in practice (33 in the bench roster); a dimension
# allowing fewer than one cell per this many bytes does not describe the part it heads.
BYTES_PER_CELL = 400
# Sheet XML deflates 5-15 to 1; a part claiming more than this over its compressed bytes is
# scanned rather than trusted (its declared size may be a lie, see _may_skip_scan).
MAX_DEFLATE_RATIO = 32

_ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .xlsx is an OLE container holding these streams (UTF-16 names).
_ENCRYPTED_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

# A filled cell in sheet XML: its reference, then (after an optional formula) a value.
# Self-closing cells and empty <v></v> carry only a style and calamine skips them, so a
# formatting accident reaching the sheet's edge is not counted. Quotes may be ' or ", the
# letters lower case, the elements namespaced (<x:v>), an attribute's "=" spaced round
# (XML's Eq, white space either side): calamine accepts all of these.
_EQ = rb"\s*=\s*"
_FORMULA = rb"\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?"
_VALUE = rb"<(?:\w+:)?(?:v>[^<]|is\b)"
_REF_END = rb"[\"'][^>]*(?<!/)>" + _FORMULA
_FILLED = _REF_END + _VALUE
# A row's r attribute, its number alone (a cell's starts with its column's letters), and
# the end of its opening tag where the row holds cells.
_ROW_REF_END = rb"[\"'][^>]*(?<!/)>"
# First pass: filled cells past column ZZ or below row 99,999, which Excel-made rosters of
# under 100,000 rows do not have, and rows below it (their letters empty): the cells in a
# row without an r attribute of their own (some writers number only the rows) are placed
# in it, as far as a far cell. Without any, the sheet is left to calamine, so ordinary
# rosters pay for one inflate and one literal-prefix regex (~0.2 s per 100 MB of XML).
_FAR_CELL = re.compile(
    rb"r" + _EQ + rb"[\"'](?=[A-Za-z]{3}|[A-Za-z]{0,2}[0-9]{6})([A-Za-z]*)([0-9]+)"
    rb"(?:" + _FILLED + rb"|" + _ROW_REF_END + rb")"
)
# A far row and its cells, to look for cells without a reference among them.
_FAR_ROW_CELLS = re.compile(
    rb"r" + _EQ + rb"[\"']([0-9]{6,})" + _ROW_REF_END + rb"(.*?)</(?:\w+:)?row>", re.S
)
# A filled cell without an r attribute of its own (calamine places it after the one before,
# from column A), and any cell's opening tag.
_BARE_FILLED = re.compile(rb"<(?:\w+:)?c(?:\s+(?!r\s*=)[^>]*)?(?<!/)>" + _FORMULA + _VALUE)
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_TWO_LETTER_CELL = re.compile(rb"r" + _EQ + rb"[\"']([A-Za-z]{2})[0-9]+" + _FILLED)
# What LibreOffice shows for its own errors that Excel has no name for (Err:502, an invalid
# argument: a VLOOKUP's column past its range; Err:504, Err:522 …): an .ods keeps them so,
# and so does text pasted or saved (CSV) from its cells. (An .xlsx it saves has Excel's.)
_LIBREOFFICE_ERROR = b"Err:5[0-9][0-9]"
# Bytes holding one of them anywhere: a cheap first look (at C speed) at text that may
# show one as a cell's whole text, each cell of which is then compared with them whole.
# (Excel's each start with "#", said once so that a search looks for "#" first; so does the
# text a formula without its result is read as, which a merged roster holds as text.)
_HASH_ERRORS = sorted({*EXCEL_ERRORS, UNSAVED})
_ERROR_WORDS = b"#(?:" + b"|".join(re.escape(e[1:].encode()) for e in _HASH_ERRORS) + b")"
_ERROR_TEXT = (re.compile(_ERROR_WORDS), re.compile(_LIBREOFFICE_ERROR))
# The same as the whole text between two tags of a part's XML: an inline or shared string
# that is one (lbc merge writes a school's #N/A back as such text, a person may type it),
# or an error cell's value.
_ERROR_XML_TEXT = (
    re.compile(rb">" + _ERROR_WORDS + rb"<"),
    re.compile(rb">" + _LIBREOFFICE_ERROR + rb"<"),
)
_ERROR_TEXT_BYTES = 16  # the longest, ">#GETTING_DATA<" or ">#未存结果<", and some
# A cell holding a formula's error value (#N/A, #REF!, #DIV/0! …), which calamine hands
# over as an empty cell: its column, row and the error as Excel shows it.
# Looked for first (a GB of XML in a second), then the cells holding one.
_ERROR_MARK = re.compile(rb"t" + _EQ + rb"[\"']e[\"']")
_ERROR_CELL = re.compile(
    rb"r" + _EQ + rb"[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"'][^>]*?\bt" + _EQ + rb"[\"']e[\"'][^>]*>"
    rb"(?:(?!</c>).){0,4096}?<(?:\w+:)?v>([^<]{1,64})</",
    re.S,
)
# A cell holding a formula saved without its result, as a program writes it (openpyxl:
# <c r="D5"><f>…</f><v></v></c>) until the file is opened and saved in Excel: calamine
# gives it as empty, though Excel and WPS show its value. Its column, row, the attributes
# after its reference and its empty <v>, if any: a formula whose result is "" (an
# IFERROR's) Excel saves as t="str" with an empty <v>, a cell that is empty as shown.
# Looked for only in a piece holding a formula (<f, or a prefixed :f) and one of the ways
# such a cell ends as programs write it, tags side by side (_UNSAVED_ENDS; any, where the
# formula's tag is prefixed): a sheet of no formula pays one byte search, and Excel's own,
# formulas in every row, each with its result, four (0.35 s on 100 MB of such XML).
_UNSAVED_CELL = re.compile(
    rb"r" + _EQ + rb"[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"']([^>]*?)(?<!/)>\s*"
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_UNSAVED_ENDS = (b"<v></v>", b"<v/>", b"f></c>", b"/></c>")
# A cell's type where a formula's empty <v> is its result: text (t="str"), which Excel
# writes for a formula giving "".
_TYPED_TEXT = re.compile(rb"\bt" + _EQ + rb"[\"'](?:str|s|inlineStr)[\"']")
# Where a piece of a sheet part's XML may hold a cell's reference (see _cell_chunks).
_CELL_REF = re.compile(rb"r" + _EQ)
_ANY_CELL = re.compile(rb"r" + _EQ + rb"[\"']([A-Za-z]+)([0-9]+)" + _FILLED)
_ENTITY = b"<!ENTITY"
# The merged ranges of a sheet part as calamine reads them: the <mergeCell> elements (by
# local name) inside the part's first <mergeCells>, each by its own "ref" attribute, whose
# raw text must be a cell or two cells joined by ":" (calamine refuses the sheet else).
_MERGE_TAG = re.compile(rb"<(/?)(?:\w+:)?mergeCell(s?)(?=[\s/>])([^>]*)>")
_REF_ATTR = re.compile(rb"(?:^|\s)ref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_MERGE_REF = re.compile(rb"([A-Za-z]+)([0-9]+)(?::([A-Za-z]+)([0-9]+))?")
# The opening of a sheet's rows, and a row or cell numbered by its r attribute (spaced
# around its "=" or not: XML allows both, and so does calamine).
_SHEET_DATA_MARK = re.compile(rb"<(?:\w+:)?sheetData\b")
_NUMBERED = re.compile(rb"\sr\s*=")
# A <mergeCell> element is this long at most for the scan to see it whole across two pieces.
_MERGE_TAG_BYTES = 4096
# A sheet part of more XML than this is parsed a piece at a time (lbc.roster.sheet_pieces):
# whole, a county's merged roster of a million children took 6 GB; its 200,000 records
# (110 MB) are read in pieces too, their texts shared and the heap given back after them
# (process_memory.give_back_freed), not parsed whole at the read's peak. Such a part is
# always scanned (_check_extent), which finds its merged ranges, stated after its rows. A
# county's 100,000 children (87 MB, their texts shared in the workbook) are parsed whole.
PIECES_BYTES = 96 << 20
# The pieces of such a sheet parsed at once, ahead of the one whose rows are being used:
# parsing is most of a piece's time, and takes the second core.
PIECES_AHEAD = 2
# A row Excel hides, by hand or by a filter (Excel hides the rows a filter leaves out, and
# so saves them), is a <row> element with hidden="1" (or "true"), or with a height of
# ht="0", which Excel shows as hidden too; a filter in force has a <filterColumn> in the
# sheet's <autoFilter>. Looked for as bytes first, "hidden" or ht="0 anywhere in the part
# (a hidden column's <col> has it too), and only then are the row tags parsed.
# Their patterns are compiled there (re keeps them), not at import: most workbooks hide no
# row, and each run of a county's loop of `lbc validate FILE` would compile them again.
# Each of the first two starts with its "h", which keeps a search at the speed of one for
# "hidden" (an alternation of the two without it took 40 times as long); an attribute
# ending in ht= (customHeight=) is told apart by the byte before it (_hides).
_HIDDEN_MARK = b"hidden"
_HEIGHT_MARKS = (b'ht="0', b"ht='0")
_HIDDEN_LOOK = rb"h(?:idden|(?<=[ \t\r\n]h)t=[\"']0+(?:\.0*)?[\"'])"
_HIDDEN_ATTR = rb"h(?:idden\s*=\s*[\"'](?:1|true)|t\s*=\s*[\"']0+(?:\.0*)?)[\"']"
_ROW_TAG = rb"<(?:\w+:)?row(?=[\s/>])([^>]*)>"
_ROW_NUMBER = rb"(?:^|\s)r\s*=\s*[\"']([0-9]+)[\"']"
_FILTER_MARK = b"filterColumn"
# The "h"s a piece of XML is looked at by before "hidden" is searched for in the rest: a
# search for one byte runs at memory's speed, one for "hidden" ten times slower (two
# seconds over a merged province's 1.5 GB), and sheet XML seldom holds an "h" (ht= and
# customHeight= on rows of their own height, text in a cell).
_H_LOOKS = 4096
# What Python's zipfile raises on a zip it cannot read (RuntimeError: an encrypted member).
_ZIP_TROUBLE = (
    zipfile.BadZipFile,
    zlib.error,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


# A merged range: ((first_row, first_col), (last_row, last_col)), 0-based.
Merge = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class RawSheet:
    """One sheet's cells as rows of values, positioned as Excel shows them.

    ``rows[i][j]`` is the cell at Excel row ``row0 + i + 1`` and column ``col0 + j`` (0-based).
    ``merged`` holds merged ranges as ((first_row, first_col), (last_row, last_col)), 0-based.
    ``pieces``: the rows follow, in pieces sent after this sheet (see _Taker).
    """

    name: str
    rows: list[list[Any]]
    row0: int = 0
    col0: int = 0
    merged: list[Merge] = field(default_factory=list)
    pieces: bool = False
    # Whether some cell shows a formula's error: one calamine gave as empty and the look
    # before it put back (Prescan.errors), or a CSV's text saved from such a sheet.
    formula_errors: bool = False
    # Whether the workbook hides the sheet (Excel's 隐藏): read all the same, and said.
    hidden: bool = False
    # The rows holding cells that the sheet hides (by hand, or a filter's), as Excel
    # numbers them, 1-based; and whether a filter is in force on the sheet. Read all the
    # same: a child whose row is hidden is still a child.
    hidden_rows: tuple[int, ...] = ()
    filtered: bool = False
    # The columns the sheet hides, 1-based (A is 1): read all the same, but of two columns
    # of one field, the one a person sees is read (lbc.roster.tables, IGNORED_HIDDEN).
    hidden_columns: frozenset[int] = frozenset()
    # Whether the workbook counts its date serials from 1904-01-01 (Excel for Mac's old
    # default): calamine makes its date cells their days, but a number in a date column
    # is a serial of that system (lbc.roster.tables reads it so).
    date1904: bool = False


@dataclass
class _Again:
    """Sent after some of a sheet's pieces, or none: what came of the sheet ``name`` is let
    go of, and it is sent again from its start (see _send_sheet_in_pieces)."""

    name: str


class _ShowsErrors:
    """Sent after a sheet's pieces: some cell of it shows a formula's error as text
    (RawSheet.formula_errors), which is known once all of its XML is looked at."""


@dataclass
class RawBook:
    path: Path
    sheets: list[RawSheet]


@dataclass
class Prescan:
    """What the look at a workbook's parts before calamine found (_check_zip_parts)."""

    # The merged ranges of each sheet part to be read in pieces, by normalised part name;
    # None for a part looked at only as it is read (_send_sheet_in_pieces: one laid out as
    # lbc merge writes it, _rows_unnumbered), and then noted here if the look finds what
    # must be known before its rows.
    pieces: dict[str, list[Merge] | None] = field(default_factory=dict)
    # Each sheet some cell of which shows a formula's error (#N/A, #REF! …), by its part's
    # normalised name (an .ods or .xls sheet by its tab name), with its cells holding one
    # as an error value, by (row, column), 1-based: calamine gives them as empty cells, so
    # they are put back (_put_errors), and a roster whose formulas broke is not read as
    # one left blank. So are its cells holding a formula saved without its result, as
    # UNSAVED (_note_unsaved_cells). A sheet whose errors are all text
    # (lbc merge writes a school's back as text) has none to put back.
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    # Whether the shared strings hold one as text: any sheet may show it.
    shared: bool = False
    # The member names of the sheet parts let through on their <dimension> unscanned
    # (_may_skip_scan), and of shared strings of ALWAYS_SCAN_BYTES or more: looked
    # through for errors beside calamine's parse (_errors_by_sheet).
    later: list[str] = field(default_factory=list)
    # Whether ``later``'s sheet parts are looked through for error cells: only where the
    # workbook has formulas (its calc chain); else for hidden rows alone.
    formulas: bool = True
    # The rows each sheet hides and whether a filter is in force on it, keyed as ``errors``
    # (RawSheet.hidden_rows, RawSheet.filtered): only sheets hiding some row.
    hidden_rows: dict[str, tuple[tuple[int, ...], bool]] = field(default_factory=dict)
    # The columns each sheet hides (RawSheet.hidden_columns), keyed as ``errors``: only
    # sheets hiding some column.
    hidden_columns: dict[str, frozenset[int]] = field(default_factory=dict)
    # xl/workbook.xml's sheets, in its order, as the look reads them (None when unsure):
    # each one's tab name and the names its part may have (_target_parts). calamine may
    # name a sheet otherwise (a line break in the name, which an XML parser reads as a
    # space, so that two tabs may read alike); ``as_named`` then tells each calamine name
    # its part by the sheet's place.
    tabs: list[tuple[str, set[str]]] | None = None
    looked_as: dict[str, set[str]] = field(default_factory=dict)
    # Whether the workbook counts its date serials from 1904-01-01 (Excel for Mac's old
    # default): an .xlsx's <workbookPr date1904="1"/>, an .xls's DATEMODE record, read
    # as the look opens the file (_says_1904).
    date1904: bool = False

    def as_named(self, names: list[str]) -> None:
        """Take ``names``, calamine's sheet names in the workbook's order, as the sheets of
        ``tabs`` in turn where both list the same number of sheets; else each name as the
        one tab named so, if there is one."""
        tabs = self.tabs or []
        if len(tabs) == len(names):
            pairs = zip(names, tabs, strict=True)
        else:
            named = collections.Counter(tab for tab, _ in tabs)
            pairs = ((tab, (tab, parts)) for tab, parts in tabs if named[tab] == 1)
        for name, (_, parts) in pairs:
            self.looked_as.setdefault(name, parts)  # calamine reads a name twice as the first

    def sheet_errors(self, name: str) -> dict[tuple[int, int], str] | None:
        """The sheet's error cells to put back; None when it shows no formula's error."""
        return self._of_sheet(self.errors, name, {} if self.shared else None)

    def sheet_hidden_rows(self, name: str) -> tuple[tuple[int, ...], bool]:
        """The rows the sheet hides and whether a filter is in force on it."""
        return self._of_sheet(self.hidden_rows, name, ((), False))

    def sheet_hidden_columns(self, name: str) -> frozenset[int]:
        """The columns the sheet hides."""
        return self._of_sheet(self.hidden_columns, name, frozenset())

    def _of_sheet(self, found: dict[str, Any], name: str, default: Any) -> Any:
        """What ``found`` holds of the sheet calamine names ``name``: by its part, or by its
        name where no part is known (an .ods, an .xls)."""
        keys = self.looked_as.get(name, {name})
        return next((found[key] for key in keys if key in found), default)


def check_input_path(path: Path) -> None:
    """Refuse what cannot be a roster before trying to parse it."""
    if not path.exists():
        raise LbcError(t("err.missing", path=path))
    if path.is_dir():
        raise LbcError(t("err.is_dir", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LbcError(t("err.unreadable", path=path, reason=os_reason(exc))) from exc
    if size == 0:
        raise LbcError(t("err.empty", path=path))
    if path.suffix.lower() not in SUFFIXES:
        raise LbcError(t("err.unsupported", path=path))


def read_book(path: Path) -> RawBook:
    """Every sheet of a workbook (or the one table of a CSV) as a :class:`RawBook`."""
    return RawBook(path, read_sheets(path, lambda sheet: sheet))


def read_sheets(path: Path, prepare: Callable[[RawSheet], T]) -> list[T]:
    """``prepare(sheet)`` for every sheet, in order, each run as soon as its sheet is read.

    On a big workbook the sheets are parsed on a second thread, each while ``prepare``
    runs here on the one before, in the time the parse leaves Python's lock free. Errors
    from ``prepare`` pass through unchanged.
    """
    check_input_path(path)
    if path.suffix.lower() == PARQUET_SUFFIX:  # tables, not cells: see lbc.roster.parquet
        raise LbcError(t("err.parquet_no_cells", path=path))
    if path.suffix.lower() == ".csv":
        return [prepare(_read_csv(path))]
    return _read_sheets(path, prepare)


def sheet_names(path: Path) -> list[str]:
    """The tab names of an .xlsx-like workbook, from its xl/workbook.xml alone (a cheap
    first look that parses no cells, safe on any file); [] for any other file or when the
    sheet list cannot be read (reading the file says why)."""
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        return []
    return [
        name
        for book in _workbook_parts(path)
        for el in _elements(book, "sheet")
        for name in _attrs(el, "name")
    ]


def _workbook_parts(path: Path) -> list[Any]:
    """The parsed xl/workbook.xml of a zip workbook (what sheet_names reads there); [] for
    any other file, or when it cannot be read (reading the file says why)."""
    try:
        if not _sniff(path).startswith(_ZIP_MAGIC):
            return []
        with zipfile.ZipFile(path) as zf:
            return [
                _parse_part(zf, info)
                for info in zf.infolist()
                if _normal_part_name(info.filename) == _WORKBOOK_PART
            ]
    except (LbcError, _Unsure, ElementTree.ParseError, *_ZIP_TROUBLE):
        return []


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise LbcError(t("err.unreadable", path=path, reason=os_reason(exc))) from exc


def _looks_encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    return any(marker in head for marker in _ENCRYPTED_MARKERS)


def _read_ahead(path: Path) -> bool:
    """Whether a folder's file is read ahead (see AHEAD_BYTES)."""
    try:
        small = path.stat().st_size < AHEAD_BYTES
    except OSError:  # its own read says why
        return False
    return small and path.suffix.lower() in SPREADSHEET_SUFFIXES


def _check_spreadsheet(path: Path) -> Prescan:
    """What is refused before calamine is given the file: an encrypted workbook, one that
    is not what its suffix says, a zip crafted to take calamine's memory. Returns what
    calamine's read needs from the look (see _check_zip_parts)."""
    magic = _sniff(path)
    suffix = path.suffix.lower()
    # Checked whatever the suffix: a password-protected .xlsx renamed .xls is still that,
    # and calamine would only call it a broken .xls.
    if magic.startswith(OLE_MAGIC) and _looks_encrypted(path):
        raise LbcError(t("err.encrypted", path=path))
    zip_suffix = suffix in (".xlsx", ".xlsm", ".xlsb", ".ods")
    if zip_suffix and magic.startswith(OLE_MAGIC) and _is_xls(path):
        raise LbcError(t("err.wrong_suffix", path=path, suffix=suffix, right=".xls"))
    not_xlsx = suffix in (".xls", ".xlsb", ".ods")
    if not_xlsx and magic.startswith(_ZIP_MAGIC) and _is_xlsx(path):
        raise LbcError(t("err.wrong_suffix", path=path, suffix=suffix, right=".xlsx"))
    # An OLE file of another kind under a new name is left to calamine, which says why.
    if zip_suffix and not magic.startswith((_ZIP_MAGIC, OLE_MAGIC)):
        _refuse_text(path)
        raise LbcError(t("err.corrupt", path=path, reason=t("reason.not_zip")))
    elif suffix == ".xls" and not magic.startswith(OLE_MAGIC):
        _refuse_text(path)
        raise LbcError(t("err.corrupt", path=path, reason=t("reason.not_ole")))
    if suffix == ".xls" and magic.startswith(OLE_MAGIC):
        return Prescan(
            errors=xls_errors.error_cells(path),
            hidden_rows=xls_errors.hidden_rows(path),
            date1904=xls_errors.date1904(path),
        )
    if not magic.startswith(_ZIP_MAGIC):
        return Prescan()
    found = _check_zip_parts(path)
    if suffix == ".ods":
        return _check_ods_extent(path)
    return found if suffix in (".xlsx", ".xlsm") else Prescan()  # other zips: whole


def _is_xls(path: Path) -> bool:
    """Whether an OLE container holds an Excel 97-2003 workbook (its Workbook or Book
    stream, named in UTF-16 in the directory near the start)."""
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    return any(name.encode("utf-16-le") in head for name in ("Workbook", "Book\x00"))


def _is_xlsx(path: Path) -> bool:
    """Whether a zip is an Excel workbook of the .xlsx kind (it has xl/workbook.xml)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(_normal_part_name(n) == _WORKBOOK_PART for n in zf.namelist())
    except _ZIP_TROUBLE:
        return False


# What old school systems save under .xls: a web page, an Excel 2003 XML spreadsheet, a
# web archive, or plain text; told by the opening bytes (after a BOM and blank space).
_TEXT_KINDS = (
    ("kind.xml2003", re.compile(rb"<\?xml\b.*urn:schemas-microsoft-com:office:spreadsheet", re.S)),
    ("kind.html", re.compile(rb"<(?:!doctype\s+html|html|table|head|body|meta)\b", re.I)),
    ("kind.mhtml", re.compile(rb"mime-version\s*:", re.I)),
)


def _refuse_text(path: Path) -> None:
    """Refuse a file that is text, not a workbook, saying what it is (nothing when it is
    not text: the caller's corrupt-file message then says it)."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    for kind, pattern in _TEXT_KINDS:
        if pattern.search(head[:4096]):
            raise LbcError(t("err.not_a_workbook", path=path, kind=t(kind)))
    text = decode_csv_bytes(head) or decode_csv_bytes(head[:-3])  # cut in a character
    if text and not any(c < " " and c not in "\t\r\n" for c in text):
        raise LbcError(t("err.not_a_workbook", path=path, kind=t("kind.text")))


@contextlib.contextmanager
def _calamine_errors(path: Path) -> Iterator[None]:
    """calamine's and the zip layer's failures as one clear :class:`LbcError`; the call
    announced to the supervising parent and kept quiet (lbc.roster.supervised.reading)."""
    try:
        with supervised.reading(path):
            yield
    except calamine.PasswordError as exc:
        raise LbcError(t("err.encrypted", path=path)) from exc
    except calamine.WorksheetNotFound as exc:  # listed in the workbook, its part missing
        reason = t("reason.sheet_missing", sheet=_first_line(exc))
        raise LbcError(t("err.corrupt", path=path, reason=reason)) from exc
    except (calamine.CalamineError, calamine.XmlError, calamine.ZipError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_reason(path, exc))) from exc
    except (OSError, ValueError, KeyError, IndexError, OverflowError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_reason(path, exc))) from exc
    except BaseException as exc:
        # A slightly corrupt .xls or .xlsb makes calamine's Rust code panic; the panic
        # surfaces as pyo3's PanicException, a BaseException that cannot be imported by name.
        if type(exc).__name__ != "PanicException":
            raise
        raise LbcError(t("err.corrupt", path=path, reason=_reason(path, exc))) from None


def _reason(path: Path, exc: BaseException) -> str:
    """Why calamine could not read ``path``: that the file is cut short, where it is (a
    download or copy cut off, the commonest damage), else calamine's own words."""
    return t("reason.truncated") if _truncated(path) else _short(exc)


_ZIP_END = b"PK\x05\x06"


def _truncated(path: Path) -> bool:
    """Whether a zip has lost its end record (the directory at its end, within the last
    64 KB), or an OLE file ends within a sector or before a sector its header names: the
    file was cut short. Asked only of a file calamine could not read."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(512)
            fh.seek(max(0, size - (1 << 16) - 22))
            tail = fh.read()
    except OSError:
        return False
    if head.startswith(_ZIP_MAGIC):
        return _ZIP_END not in tail
    if not head.startswith(OLE_MAGIC) or len(head) < 512:
        return size < 512 and head.startswith(OLE_MAGIC)
    sector = 1 << min(int.from_bytes(head[OLE_SECTOR_SHIFT : OLE_SECTOR_SHIFT + 2], "little"), 16)
    first = max(512, sector)  # the header fills the first sector
    fat = (int.from_bytes(head[at : at + 4], "little") for at in range(OLE_DIFAT, 512, 4))
    if (size - first) % sector:  # whole sectors, always
        return True
    return any(first + (n + 1) * sector > size for n in fat if n < OLE_MARKERS)


def _check_zip_parts(path: Path) -> Prescan:
    """Refuse XML entity declarations and sheets too large to lay out, before calamine.

    calamine already rejects undeclared entities, but naming the real cause ("unsafe XML")
    beats "corrupt"; and a far-away filled cell must be caught here because calamine
    aborts the whole process when the grid it allocates does not fit in memory. A zip that
    Python cannot open is left to calamine, which gives the corrupt-file message; so is a
    part Python cannot read, unless calamine may read it as a sheet: calamine does not
    check a part's CRC before laying its grid out, so an unreadable sheet part is refused
    here as corrupt rather than passed on unscanned. Sheet parts are the ones the workbook
    names (see _sheet_parts) wherever they are stored, plus xl/worksheets/*.xml.

    Returns, by normalised part name, the merged ranges of each sheet part of over
    PIECES_BYTES, which is then always scanned: it will be read in pieces, and its merged
    ranges, stated after its rows, are needed before them; and the error cells of each
    sheet part scanned (Prescan).
    """
    found = Prescan()
    merges = found.pieces
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_TROUBLE:
        return found  # calamine reports the broken zip in its own words
    with zf:
        targets = _sheet_targets(zf)
        found.tabs = None if targets is None else [(n, _target_parts(t)) for n, t in targets]
        found.date1904 = _says_1904(zf)
        sheets = _sheet_parts(targets)
        named = sheets or set()
        # Only an .xlsx's sheets are read in pieces (the others' looks are not kept).
        xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
        in_pieces = {part for part, _ in _parts_in_pieces(zf, targets).values() if xlsx}
        # Excel and WPS list every formula in a calc chain: a workbook without one has no
        # formula whose error a big part let through unscanned could hold.
        formulas = any(_normal_part_name(n) == _CALC_CHAIN_PART for n in zf.namelist())
        found.formulas = formulas
        for info in zf.infolist():
            name = _normal_part_name(info.filename)
            in_folder = name.startswith("xl/worksheets/") and name.count("/") == 2
            is_sheet = sheets is None or name in named or (in_folder and name.endswith(".xml"))
            is_xml = name in named or name.endswith((".xml", ".rels"))
            if not (is_sheet or is_xml):
                continue
            if info.flag_bits & 0x1:  # a zip member under a password (7-Zip, WinRAR)
                raise LbcError(t("err.corrupt", path=path, reason=t("reason.zip_password")))
            try:
                with zf.open(info) as fh:
                    head = fh.read(1 << 16)
                if is_xml and _ENTITY in head:
                    raise LbcError(t("err.xml_unsafe", path=path))
                if name in _SMALL_PARTS and _inflates_past(zf, info, SMALL_PART_BYTES):
                    most = SMALL_PART_BYTES >> 20
                    raise LbcError(t("err.part_too_big", path=path, part=info.filename, mb=most))
                big = is_sheet and info.file_size > PIECES_BYTES
                if big and name in in_pieces and _rows_unnumbered(head):
                    merges[name] = None  # looked at as it is read, in one inflating
                elif big or (is_sheet and not _may_skip_scan(info, head)):
                    _look_at_sheet(path, zf, info, found, big)
                elif is_sheet:  # let through on its <dimension>: looked through later
                    found.later.append(info.filename)
                elif name == _SHARED_STRINGS_PART and info.file_size < ALWAYS_SCAN_BYTES:
                    found.shared = found.shared or _shows_error_text(zf, info)
                elif name == _SHARED_STRINGS_PART:  # a county's: inflating it takes a while
                    found.later.append(info.filename)
            except _ZIP_TROUBLE as exc:
                if is_sheet:
                    raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
                # any other part is calamine's to report if it reads it (encrypted member...)
    return found


def _rows_unnumbered(head: bytes) -> bool:
    """Whether a sheet part's first rows (in ``head``, its first bytes) number neither row
    nor cell, as lbc merge writes them: only such a part is looked at as it is read in
    pieces (Prescan.pieces). Excel, WPS and openpyxl number every row and cell, and a
    sheet of theirs this big (a province saved again in Excel) has far cells, rows past
    99,999, and often a merged range, stated after its rows: either sent it again from its
    start once read, half as much CPU again as looking at it first."""
    rows = _SHEET_DATA_MARK.search(head)
    return rows is not None and _NUMBERED.search(head, rows.end()) is None


def _look_at_sheet(
    path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, found: Prescan, big: bool
) -> None:
    """Look at a sheet part before calamine lays its grid out (_check_extent), noting in
    ``found`` its merged ranges where it is ``big`` (read in pieces), its cells showing a
    formula's error and the rows it hides."""
    errors: dict[tuple[int, int], str] = {}
    ranges, shown, marked = _check_extent(path, zf, info, errors, merges=big)
    if big:
        found.pieces[_normal_part_name(info.filename)] = ranges
    if shown:
        found.errors[_normal_part_name(info.filename)] = errors
    if marked:
        _note_hidden_rows(zf, info, found)


def _inflates_past(zf: zipfile.ZipFile, info: zipfile.ZipInfo, most: int) -> bool:
    """Whether the member inflates to over ``most`` bytes, counted as it inflates (its
    declared size may lie), never holding more than a block."""
    seen = 0
    with zf.open(info) as fh:
        while block := fh.read(1 << 20):
            seen += len(block)
            if seen > most:
                return True
    return False


# The elements of an .ods sheet that decide the grid calamine lays out: tables, rows and
# cells, each row and cell with its repeat count (LibreOffice writes a run of equal rows
# or cells as one element); a cell counts when it holds a value or a formula.
_ODS_TOKEN = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>"
)
_ODS_NAME = re.compile(rb"table:name\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ODS_REPEAT = re.compile(rb"table:number-(?:rows|columns)-repeated\s*=\s*[\"']\s*([0-9]+)")
_ODS_FILLED = re.compile(rb"office:value-type|table:formula")
# A cell whose formula failed, as LibreOffice saves it (calamine gives it as empty), and
# the text it shows, its paragraph's.
_ODS_ERROR = re.compile(rb"calcext:value-type\s*=\s*[\"']error[\"']")
_ODS_SHOWN = re.compile(rb"\s*<text:p>([^<]{1,64})</text:p>")
# A row an .ods sheet hides: by hand ("collapse") or by a filter ("filter"), as
# LibreOffice saves it; looked for only in a piece of content.xml that says "visibility".
_ODS_HIDDEN_MARK = b"table:visibility"
_ODS_HIDDEN = re.compile(rb"table:visibility\s*=\s*[\"'](collapse|filter)[\"']")
# The error cells noted of one .ods at most: a run of them repeated is noted cell by cell.
_ODS_ERRORS_MOST = 100_000


def _ods_content(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """An .ods file's content.xml inflated a block at a time (_inflated); damaged (a byte
    changed in a copy: its CRC, its compressed data), the file is refused as damaged, as an
    .xlsx sheet part is: it holds every sheet, which calamine would fail on in English."""
    try:
        yield from _inflated(zf, info)
    except _ZIP_TROUBLE as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc


def _check_ods_extent(path: Path) -> Prescan:
    """Refuse an .ods sheet whose filled cells, their repeats laid out, make a grid past
    MAX_CELLS or MAX_COLUMNS: calamine allocates that grid before lbc sees a cell (a
    1 KB file of one value repeated over 1,000 columns and 99,000 rows took 6 GB).
    Returns each sheet's cells holding a formula's error (Prescan.errors), whether some
    cell's text is one (Prescan.shared: pasted as text, it is in no error cell), and the
    rows holding cells that each sheet hides (Prescan.hidden_rows)."""
    found = Prescan()
    errors = found.errors
    hidden: dict[str, tuple[list[int], bool]] = {}
    hiding: re.Match[bytes] | None = None  # the row's visibility, where it is hidden
    noted_row = -1  # the row whose hidden rows were noted last
    try:
        zf = zipfile.ZipFile(path)
        info = zf.getinfo("content.xml")
    except (KeyError, *_ZIP_TROUBLE):
        return found  # calamine says what is wrong
    with zf:
        sheet, row, col, height, width, rows_here = "", 0, 0, 0, 0, 1
        tail = b""
        noted = 0
        for block in itertools.chain(_ods_content(path, zf, info), [b""]):  # b"": the last tail
            data = tail + block
            cut = 0  # at the end, none: the rest is looked at
            if block:  # before the last table element, so that a cell's text goes with it
                cut = data.rfind(b"<table:")
                cut = cut if cut > 0 else data.rfind(b"<")
            data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            found.shared = found.shared or _shows_error(data)
            looks = _ODS_HIDDEN_MARK in data
            for token in _ODS_TOKEN.finditer(data):
                closing, kind, attrs, empty = token.groups()
                repeat = _ODS_REPEAT.search(attrs)
                count = max(1, int(repeat.group(1))) if repeat and not closing else 1
                if kind == b"table":
                    if not closing:
                        name = _ODS_NAME.search(attrs)
                        sheet = (name.group(1) or name.group(2) or b"").decode() if name else ""
                        sheet = html.unescape(sheet)  # as calamine names it
                        row = height = width = 0
                        noted_row = -1
                elif kind == b"table-row":
                    if not closing:
                        rows_here, col = count, 0
                        hiding = _ODS_HIDDEN.search(attrs) if looks else None
                    if closing or empty:
                        row += rows_here
                elif not closing:  # a cell
                    if _ODS_FILLED.search(attrs):
                        height, width = row + rows_here, max(width, col + count)
                        if width > MAX_COLUMNS or height * width > MAX_CELLS:
                            # before its hidden rows are listed: a billion is a crash
                            too_big = dict(path=path, sheet=sheet, rows=height, cols=width)
                            raise LbcError(t("err.ods_too_big", **too_big))
                        if hiding and noted_row != row:
                            noted_row = row
                            rows, filtered = hidden.get(sheet, ([], False))
                            rows += range(row + 1, row + rows_here + 1)
                            hidden[sheet] = (rows, filtered or hiding.group(1) == b"filter")
                    shown = _ODS_ERROR.search(attrs) and _ODS_SHOWN.match(data, token.end())
                    text = shown.group(1).decode("utf-8", "replace") if shown else ""
                    if text in FORMULA_ERRORS and noted + rows_here * count <= _ODS_ERRORS_MOST:
                        noted += rows_here * count
                        cells = errors.setdefault(sheet, {})
                        for r, c in itertools.product(range(rows_here), range(count)):
                            cells[(row + r + 1, col + c + 1)] = text
                    col += count
    found.hidden_rows = {
        sheet: (tuple(rows), filtered) for sheet, (rows, filtered) in hidden.items()
    }
    return found


def _normal_part_name(name: str) -> str:
    """A zip member or relationship target as calamine may match it: any case, / or \\.

    Escapes are undone too (calamine compares a target's raw text with member names), so
    that "a&amp;b.xml" and "a&b.xml" both match: matching more only scans more.
    """
    return html.unescape(name.replace("\\", "/")).lower()


_WORKBOOK_PART = "xl/workbook.xml"
_WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels"
_SHARED_STRINGS_PART = "xl/sharedstrings.xml"
_CALC_CHAIN_PART = "xl/calcchain.xml"
# A bigger workbook.xml or workbook.xml.rels is not parsed: every part is scanned instead.
_WORKBOOK_PART_LIMIT = 16 << 20


# Parts that hold no cells, which calamine reads whole before any sheet: some KB in any
# real workbook (a few MB with thousands of styles or names). A zip bomb there (a 1.5 GB
# number format took 3 GB; 40 million sheet entries, 9 GB) is refused past this.
_SMALL_PARTS = frozenset(
    {
        "[content_types].xml",
        "_rels/.rels",
        _WORKBOOK_PART,
        _WORKBOOK_RELS_PART,
        "xl/styles.xml",
        "meta-inf/manifest.xml",
    }
)
SMALL_PART_BYTES = 64 << 20


class _Unsure(Exception):
    """The workbook's sheet list could not be read: every part is treated as a sheet."""


def _sheet_parts(sheets: list[tuple[str, str]] | None) -> set[str] | None:
    """Normalised names of every part calamine may read as a worksheet; None when unsure.

    calamine finds a sheet through xl/workbook.xml and its relationships, whatever the part
    is called, and finds parts in any case and with either slash; so a sheet moved to
    xl/other/S.XML is scanned like one in xl/worksheets/. Both parts are parsed strictly
    (well-formed XML reads the same in every parser), matching elements and attributes by
    local name whatever their prefix. Anything less (a part that cannot be read, is not
    well-formed, declares entities or an encoding Python lacks) answers None, and then
    every part counts as a sheet. ``sheets``: the workbook's (_sheet_targets).
    """
    if sheets is None:
        return None
    found: set[str] = set()
    for _, target in sheets:
        found |= _target_parts(target)
    return found


def _target_parts(target: str) -> set[str]:
    """The normalised names of the part a workbook relationship's ``target`` may stand
    for: calamine takes "/xl/s.xml" and "xl/s.xml" for xl/s.xml, and so "s.xml"."""
    return {_normal_part_name(p) for p in (target, target[1:], "xl/" + target)}


def _sheet_targets(zf: zipfile.ZipFile) -> list[tuple[str, str]] | None:
    """(tab name, relationship target) of every sheet xl/workbook.xml lists, every member
    of either part's name in any case parsed (see _sheet_parts); None when unsure."""
    parts: dict[str, list[zipfile.ZipInfo]] = {}
    for info in zf.infolist():
        parts.setdefault(_normal_part_name(info.filename), []).append(info)
    try:
        books = [_parse_part(zf, info) for info in parts.get(_WORKBOOK_PART, [])]
        rels = [_parse_part(zf, info) for info in parts.get(_WORKBOOK_RELS_PART, [])]
    except (_Unsure, ElementTree.ParseError, *_ZIP_TROUBLE):
        return None
    targets: dict[str, list[str]] = {}
    for rel in (el for root in rels for el in _elements(root, "relationship")):
        for rid in _attrs(rel, "id"):
            targets.setdefault(rid, []).extend(_attrs(rel, "target"))
    return [
        (name, target)
        for book in books
        for el in _elements(book, "sheet")
        for name in _attrs(el, "name") or [""]
        for rid in _attrs(el, "id")
        for target in targets.get(rid, [])
    ]


def _parse_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    with zf.open(info) as fh:
        data = fh.read(_WORKBOOK_PART_LIMIT + 1)
    if len(data) > _WORKBOOK_PART_LIMIT:
        raise _Unsure
    return ElementTree.fromstring(data)


def _elements(root: Any, local: str) -> Iterator[Any]:
    """Elements whose local name is ``local`` (any case, any namespace)."""
    return (el for el in root.iter() if el.tag.rsplit("}", 1)[-1].lower() == local)


def _attrs(el: Any, local: str) -> list[str]:
    """Values of an element's attributes whose local name is ``local`` (any case or prefix)."""
    return [v for k, v in el.attrib.items() if k.rsplit("}", 1)[-1].lower() == local]


_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=[\"']([A-Za-z]+)([0-9]+)(?::([A-Za-z]+)([0-9]+))?"
)


def _may_skip_scan(info: zipfile.ZipInfo, head: bytes) -> bool:
    """Whether a sheet part's own ``<dimension>`` may stand in for scanning its cells.

    Excel, WPS and LibreOffice write the used range there, which is never smaller than the
    filled cells, so on a county roster (tens of MB of XML) a small one saves the
    cell-by-cell scan, a quarter of the read time. But the element is only a claim: a
    crafted file may say A1:N3 and fill XFD1048576. So it is believed only where scanning
    would cost: a part under ALWAYS_SCAN_BYTES is always scanned, and a bigger one only
    skips when the dimension is small enough for calamine (as _dimension_cells measures)
    AND accounts for the part's size, at most BYTES_PER_CELL bytes a cell, AND that
    declared size is plausible for the compressed bytes (MAX_DEFLATE_RATIO). A missing or
    large dimension (openpyxl's write-only mode writes none; a sheet styled to row
    1,048,576 claims it all) is scanned too. A part let through is still looked through
    for its error cells (#N/A), beside calamine's parse (_errors_by_sheet).

    What this does not catch: a deliberately crafted large sheet whose dimension honestly
    covers its bulk but which hides one far cell, e.g. 20 MB of real rows under A1:Z100000
    plus a value in XFD1048576; or a part whose declared uncompressed size is inflated over
    a small deflate stream padded with ignored bytes (Python and calamine both stop at the
    stream's end and neither checks a size that comes up short). Such a file still makes
    calamine abort; the supervisor (lbc.roster.supervised) then names it in one line, and
    tests/test_crafted_files.py builds both. Closing the gap here too would mean scanning
    every big sheet (~0.3 s on the bench roster) or at least inflating it (~0.1 s).
    """
    if info.file_size < ALWAYS_SCAN_BYTES:
        return False
    if info.file_size > info.compress_size * MAX_DEFLATE_RATIO:
        return False
    if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
        return False  # a stored part's two sizes are the same bytes: one of them lies
    cells = _dimension_cells(head)
    return cells is not None and cells * BYTES_PER_CELL >= info.file_size


def _dimension_cells(head: bytes) -> int | None:
    """Cells in the sheet's ``<dimension>`` grid; None when missing or too big to lay out."""
    m = _DIMENSION.search(head)
    if m is None:
        return None
    c1, r1 = _col_number(m.group(1)), _row_number(m.group(2))
    c2 = _col_number(m.group(3)) if m.group(3) else c1
    r2 = _row_number(m.group(4)) if m.group(4) else r1
    width, height = abs(c2 - c1) + 1, abs(r2 - r1) + 1
    if width > MAX_COLUMNS or width * height > MAX_CELLS:
        return None
    return width * height


def _inflated(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A zip member's bytes in 4 MB blocks."""
    with zf.open(info) as fh:
        while block := fh.read(1 << 22):
            yield block


def _xml_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A zip member's text in ~4 MB pieces, each cut before an ``r=`` so no cell is split."""
    return (data for data, _ in _cell_chunks(_inflated(zf, info)))


def _cell_chunks(blocks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """_xml_chunks of a member's ``blocks``, each piece with whether it may hold an ``r=``
    (False: it holds none, so no cell reference to look for). The search for where to cut
    tells that for free: a sheet lbc merge wrote numbers no row or cell, and on a merged
    province's 1.5 GB of XML looking for error and far cells in it again took three
    seconds."""
    tail = b""
    for chunk in blocks:
        data = tail + chunk if tail else chunk
        # Looked for from the start first: where there is none (lbc merge's XML) a search
        # for the two bytes runs a quarter faster forwards than back from the end.
        cut = -1 if _CELL_REF.search(data, 1) is None else _last_ref(data)
        if cut == -1:  # no cell starts here: nothing worth carrying over
            yield data, _CELL_REF.match(data) is not None
            tail = b""
        else:
            yield data[:cut], True
            tail = data[cut:]
    if tail:
        yield tail, True


def _last_ref(data: bytes) -> int:
    """Where the last ``r=`` of ``data`` (spaced round its "=" or not) starts, found back
    from its end, "=" by "=" (a byte's search); -1 where none starts past its first byte."""
    end = len(data)
    while (at := data.rfind(b"=", 1, end)) != -1:
        name_end = at
        while data[name_end - 1] in b" \t\r\n" and name_end > 1:
            name_end -= 1
        if name_end > 1 and data[name_end - 1] == ord("r"):
            return name_end - 1
        end = at
    return -1


class _Merges:
    """The merged ranges of a sheet part scanned a piece at a time, as calamine reads them
    (see _MERGE_TAG): ``found``, once every piece is scanned."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: dict[Merge, None] = {}
        self.state = "before"  # then "in" the first <mergeCells>, then "done"

    def scan(self, data: bytes, new: int) -> None:
        """Look at the tags of ``data`` that end past ``new`` (the ones before were seen
        with the piece before)."""
        for tag in _MERGE_TAG.finditer(data):
            if self.state == "done":
                return
            if tag.end() <= new:
                continue
            closing, many, attrs = tag.groups()
            if many:
                if self.state == "in" and closing:
                    self.state = "done"
                elif self.state == "before" and not closing:
                    self.state = "done" if attrs.endswith(b"/") else "in"
            elif self.state == "in" and not closing:
                ref = _REF_ATTR.search(attrs)
                if ref is not None:
                    self.found[self._merge(ref.group(1) or ref.group(2) or b"")] = None

    def _merge(self, ref: bytes) -> Merge:
        """A <mergeCell ref="B2:D3"> as calamine gives it: ((1, 1), (2, 3)), 0-based."""
        cells = _MERGE_REF.fullmatch(ref)
        if cells is None or 0 in (int(cells.group(2)), int(cells.group(4) or 1)):
            reason = t("reason.merge_ref", ref=ref.decode("utf-8", "replace")[:40])
            raise LbcError(t("err.corrupt", path=self.path, reason=reason))
        c1, r1, c2, r2 = cells.groups()
        first = (_row_number(r1) - 1, _col_number(c1) - 1)
        return (first, (_row_number(r2) - 1, _col_number(c2) - 1) if c2 else first)


def _col_number(letters: bytes) -> int:
    """Column number of b"XFD" (16384); capped so a hostile 10,000-letter ref stays cheap."""
    if len(letters) > 4:
        return 1 << 30
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _row_number(digits: bytes) -> int:
    """Row number of b"1048576"; capped likewise (int() refuses over 4,300 digits)."""
    return int(digits) if len(digits) <= 9 else 1 << 30


class _Look:
    """The look at a sheet part's XML a piece at a time (_cell_chunks) before calamine
    lays its grid out: its far cells, cells holding a formula's error (into ``errors``),
    whether it shows one as text or says "hidden", and (``merges``) its merged ranges."""

    def __init__(self, path: Path, errors: dict[tuple[int, int], str], merges: bool) -> None:
        self.errors, self.with_merges = errors, merges
        # Running maxima, not the far cells themselves: a merged roster that Excel saved
        # again writes r= on every cell, and a million children's far cells held in a list
        # took GBs.
        self.any_far = False
        self.last_col = 0  # the largest column of three letters or more, 0 for none
        self.last_row = 0  # the largest row of six digits or more, 0 for none
        self.merges = _Merges(path)
        self.carried = b""  # a <mergeCell> may be cut between two pieces: each looks at both
        self.shown = self.marked = False

    def __call__(self, data: bytes, cells: bool) -> None:
        if cells:  # both patterns start with r=
            far = _FAR_CELL.findall(data)
            if far:
                self.any_far = True
                self.last_col, self.last_row = _farthest(far, self.last_col, self.last_row)
            del far
            _note_error_cells(data, self.errors)
            _note_unsaved_cells(data, self.errors)
        self.shown = self.shown or _shows_error(data)
        self.marked = self.marked or _says_hidden(data)  # never cut: pieces end before "r="
        # "C" first, at the speed of a byte's search: row XML seldom holds a capital C.
        carried = self.carried
        if self.with_merges and (
            (b"C" in data and b"mergeCell" in data) or b"mergeCell" in carried + data[:64]
        ):
            self.merges.scan(carried + data, len(carried))
        self.carried = data[-_MERGE_TAG_BYTES:]


def _check_extent(
    path: Path,
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    errors: dict[tuple[int, int], str],
    merges: bool = False,
) -> tuple[list[Merge], bool, bool]:
    """Raise when the grid calamine would allocate for this sheet part is too big; else
    return its merged ranges with ``merges`` (a part read in pieces), as calamine gives
    them, found on the way (and a merged range calamine would refuse refused here), and
    whether some cell shows a formula's error, as an error value or as text. The cells
    holding one as an error value go into ``errors``, by (row, column), 1-based. Last,
    whether the part says "hidden" anywhere (a row it may hide: see _note_hidden_rows).

    A roster of 100,000+ rows has far cells (its last rows), so first bound the grid from
    them cheaply (_Look): the far rows give the last row, and the last column is the
    largest 3-letter one, else the largest 2-letter one, else at most Z. Only a grid over
    that bound is measured exactly (every filled cell), to be sure before refusing.
    """
    look = _Look(path, errors, merges)
    for data, cells in _cell_chunks(_inflated(zf, info)):
        look(data, cells)
    any_far, last_col, last_row = look.any_far, look.last_col, look.last_row
    done = list(look.merges.found), look.shown or bool(errors), look.marked
    if not any_far:
        return done
    if not last_col:
        two: set[bytes] = set()
        for data in _xml_chunks(zf, info):
            two.update(_TWO_LETTER_CELL.findall(data))
        last_col = max(map(_col_number, two), default=26)
    last_row = last_row or 99_999
    if last_col <= MAX_COLUMNS and last_col * last_row <= MAX_CELLS:
        return done
    rows: set[bytes] = set()
    cols: set[bytes] = set()
    bare = False  # a filled cell without an r attribute: the grid may start at A1
    bare_far = (0, 0)  # the farthest row holding one, and its cells
    for data in _xml_chunks(zf, info):
        found = _ANY_CELL.findall(data)
        if found:
            letters, digits = zip(*found, strict=True)
            cols.update(letters)
            rows.update(digits)
        bare = bare or _BARE_FILLED.search(data) is not None
        for number, cells in _FAR_ROW_CELLS.findall(data):
            if _BARE_FILLED.search(cells) is not None:
                rows.add(number)
                bare_far = max(bare_far, (_row_number(number), len(_CELL_TAG.findall(cells))))
    if not rows:
        return done
    last_col = max(_col_number(max(cols, key=_col_number)) if cols else 0, bare_far[1])
    first_col = 1 if bare or not cols else _col_number(min(cols, key=_col_number))
    first_row = 1 if bare else _row_number(min(rows, key=_row_number))
    width = last_col - first_col + 1
    height = _row_number(max(rows, key=_row_number)) - first_row + 1
    if width <= MAX_COLUMNS and width * height <= MAX_CELLS:
        return done
    last_row = _row_number(max(rows, key=_row_number))
    if bare_far[0] and bare_far[1 if width > MAX_COLUMNS else 0] in (last_col, last_row):
        from lbc.roster.tables import column_letter  # tables reads through this module

        cell = f"{column_letter(bare_far[1])}{bare_far[0]}"  # a cell without a reference
    else:  # name a cell in the farthest column, else in the farthest row
        if width > MAX_COLUMNS:
            ref = re.escape(max(cols, key=_col_number)) + rb"[0-9]+"
        else:
            ref = rb"[A-Za-z]+" + re.escape(max(rows, key=_row_number))
        pattern = re.compile(rb"r" + _EQ + rb"[\"'](" + ref + rb")" + _FILLED)
        found = (pattern.search(data) for data in _xml_chunks(zf, info))
        cell = next((m.group(1).decode("ascii") for m in found if m), "?")
    sheet = _sheet_name(zf, info.filename)
    raise LbcError(t("err.far_cell", path=path, sheet=sheet, cell=cell, rows=height, cols=width))


def _farthest(far: list[tuple[bytes, bytes]], last_col: int, last_row: int) -> tuple[int, int]:
    """The largest column of three letters or more and the largest row of six digits or
    more among ``far`` (one piece's far cells, as letters and digits) and those so far."""
    cols = {c for c, _ in far if len(c) >= 3}
    rows = {r for _, r in far if len(r) >= 6}
    return (
        max(last_col, *map(_col_number, cols)) if cols else last_col,
        max(last_row, *map(_row_number, rows)) if rows else last_row,
    )


def _note_error_cells(data: bytes, errors: dict[tuple[int, int], str]) -> None:
    """Note the cells of a piece of a sheet part's XML that hold a formula's error value
    in ``errors``, by (row, column), 1-based."""
    if _ERROR_MARK.search(data) is not None:
        for col, row, error in _ERROR_CELL.findall(data):
            errors[(_row_number(row), _col_number(col))] = error.decode("utf-8", "replace")


def _note_unsaved_cells(data: bytes, errors: dict[tuple[int, int], str]) -> None:
    """Note the cells of a piece of a sheet part's XML that hold a formula saved without
    its result in ``errors`` as UNSAVED, by (row, column), 1-based (_UNSAVED_CELL)."""
    if b"<f" in data:
        if not any(end in data for end in _UNSAVED_ENDS):
            return
    elif b":f" not in data:
        return
    for col, row, attrs, empty in _UNSAVED_CELL.findall(data):
        if empty and _TYPED_TEXT.search(attrs) is not None:
            continue  # Excel's "" result: empty as Excel shows it
        errors.setdefault((_row_number(row), _col_number(col)), UNSAVED)


def _look_later(path: Path, found: Prescan) -> None:
    """Look through the parts ``found.later`` into ``found``, as the look before calamine
    does through the others: the shared strings for text showing a formula's error, the
    sheet parts for hidden rows, for cells holding a formula saved without its result (a
    program's workbook has no calc chain), and (``found.formulas``) for cells holding a
    formula's error value; not for text in them, which Excel and WPS (which write the
    <dimension> these parts were let through on) keep in the shared strings."""
    try:
        with zipfile.ZipFile(path) as zf:
            for member in found.later:
                info = zf.getinfo(member)
                if _normal_part_name(member) == _SHARED_STRINGS_PART:
                    found.shared = found.shared or _shows_error_text(zf, info)
                    continue
                errors: dict[tuple[int, int], str] = {}
                marked = False
                for data, cells in _cell_chunks(_inflated(zf, info)):
                    if cells and found.formulas:
                        _note_error_cells(data, errors)
                    if cells:
                        _note_unsaved_cells(data, errors)
                    marked = marked or _says_hidden(data)
                if errors:
                    found.errors[_normal_part_name(member)] = errors
                if marked:
                    _note_hidden_rows(zf, info, found)
    except _ZIP_TROUBLE:
        return  # calamine's read of the part says what is wrong


def _says_hidden(data: bytes) -> bool:
    """Whether ``data`` holds "hidden" or ht="0 (_HIDDEN_LOOK), looked for at its "h"s
    first (see _H_LOOKS); the rest in one search, which costs what "hidden"'s alone did."""
    at = data.find(b"h")
    for _ in range(_H_LOOKS):
        if at == -1:
            return False
        if data.startswith(_HIDDEN_MARK, at):
            return True
        if data.startswith(_HEIGHT_MARKS, at) and _own_height(data, at):
            return True
        at = data.find(b"h", at + 1)
    return re.compile(_HIDDEN_LOOK).search(data, at) is not None


def _own_height(data: bytes, at: int) -> bool:
    """Whether the ht="0 at ``at`` is an attribute of its own (_hides), not the end of
    another's (lbc merge's every sheet has a fitToHeight="0"), and a height of 0."""
    return (at == 0 or data[at - 1] in b" \t\r\n") and _zero_at(data, at)


def _zero_at(data: bytes, at: int) -> bool:
    """Whether the ht="0 at ``at`` is a height of 0 (0, 0.0 …), not of 0.75 (a page's
    right="0.75" margin, which most sheets have): told from its bytes, so that a workbook
    hiding nothing compiles no pattern (_HIDDEN_LOOK) for it."""
    end = data.find(data[at + 3 : at + 4], at + 4, at + 64)
    return end != -1 and not data[at + 4 : end].replace(b"0", b"").strip(b".")


def _note_hidden_rows(zf: zipfile.ZipFile, info: zipfile.ZipInfo, found: Prescan) -> None:
    """Note in ``found.hidden_rows`` the rows holding cells that a sheet part hides, and
    whether a filter is in force on it: asked only of a part that says "hidden" somewhere,
    so a sheet hiding nothing costs a byte search in the look it already has."""
    filtered = False
    rows: list[int] | None = []
    columns: set[int] = set()
    for data in _tag_chunks(zf, info):
        filtered = filtered or _FILTER_MARK in data
        if rows is not None:
            rows = _hidden_numbered(data, rows)
        if b"<col" in data:  # a <cols> element comes before the cells: in the first piece
            columns |= _hidden_columns(data)
    if rows is None:  # rows unnumbered, which Excel never writes: counted instead
        rows = _hidden_rows_counted(zf, info)
    if rows:
        found.hidden_rows[_normal_part_name(info.filename)] = (tuple(rows), filtered)
    if columns:
        found.hidden_columns[_normal_part_name(info.filename)] = frozenset(columns)


# A <col> element of a sheet's <cols>: the columns min to max it says how to show.
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_COL_SPAN = re.compile(rb"\b(min|max)\s*=\s*[\"'](\d{1,5})[\"']")
# Beyond this many columns a <col> hiding a span (to XFD, as Excel writes the columns
# hidden to the right of a form) names none a header can be in.
_MOST_HIDDEN_SPAN = 1_000


def _hidden_columns(data: bytes) -> set[int]:
    """The columns (1-based) that the <col> elements of ``data`` hide."""
    hidden_attr = re.compile(_HIDDEN_ATTR)
    out: set[int] = set()
    for tag in _COL_TAG.finditer(data):
        attrs = tag.group(1)
        if not any(_hides(attrs, attr) for attr in hidden_attr.finditer(attrs)):
            continue
        span = {name: int(value) for name, value in _COL_SPAN.findall(attrs)}
        low = span.get(b"min", 0)
        high = min(span.get(b"max", low), low + _MOST_HIDDEN_SPAN)
        out.update(range(max(low, 1), high + 1))
    return out


def _hidden_numbered(data: bytes, rows: list[int]) -> list[int] | None:
    """``rows`` with the numbers of the rows holding cells that ``data`` (whole tags)
    hides, each row's tag found backwards from its hidden="1"; None when one has no "r"."""
    hidden_attr, row_tag, row_number = map(re.compile, (_HIDDEN_ATTR, _ROW_TAG, _ROW_NUMBER))
    for attr in hidden_attr.finditer(data):
        tag = row_tag.match(data, data.rfind(b"<", 0, attr.start()))
        if tag is None or tag.end() < attr.end() or not _hides(data, attr):
            continue  # another element's (a hidden column's <col>), or another attribute
        if tag.group(1).endswith(b"/") or data.startswith(b"</", tag.end()):
            continue  # a row of no cells: no child
        number = row_number.search(tag.group(1))
        if number is None:
            return None
        rows.append(_row_number(number.group(1)))
    return rows


def _hidden_rows_counted(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[int]:
    """The rows holding cells that a sheet part hides, every row tag looked at in turn and
    numbered by its "r" where it has one, else as the one after the row before."""
    rows: list[int] = []
    at = 0
    hidden_attr, row_tag, row_number = map(re.compile, (_HIDDEN_ATTR, _ROW_TAG, _ROW_NUMBER))
    for data in _tag_chunks(zf, info):
        for tag in row_tag.finditer(data):
            attrs = tag.group(1)
            number = row_number.search(attrs)
            at = _row_number(number.group(1)) if number else at + 1
            empty = attrs.endswith(b"/") or data.startswith(b"</", tag.end())
            hides = any(_hides(attrs, attr) for attr in hidden_attr.finditer(attrs))
            if hides and not empty:
                rows.append(at)
    return rows


def _hides(data: bytes, attr: re.Match[bytes]) -> bool:
    """Whether ``attr`` (_HIDDEN_ATTR's) is an attribute of its own, not the end of
    another's (customHeight="0"): the byte before it is a space."""
    return attr.start() > 0 and data[attr.start() - 1] in b" \t\r\n"


def _tag_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A zip member's XML in ~4 MB pieces, each cut before a "<", so no tag is split."""
    tail = b""
    for block in _inflated(zf, info):
        data = tail + block
        cut = data.rfind(b"<")
        if cut <= 0:  # no tag starts here but at its very start: nothing to carry over
            yield data
            tail = b""
        else:
            yield data[:cut]
            tail = data[cut:]
    if tail:
        yield tail


def _shows_error(data: bytes) -> bool:
    """Whether XML holds a formula's error as the whole text between two tags, Excel's or
    LibreOffice's: "#" and "Err:5" are looked for first, at C speed, since a regular
    expression starting at every ">" of a merged province's sheet took half a second
    (and ":" before "Err:5", as a single byte is looked for several times faster)."""
    excel, libreoffice = _ERROR_XML_TEXT
    return (b"#" in data and excel.search(data) is not None) or (
        b":" in data and b"Err:5" in data and libreoffice.search(data) is not None
    )


def shows_error_text(data: Any) -> bool:
    """Whether text (a Parquet column's strings end to end) holds a formula's error
    anywhere: a cheap first look, before its cells are compared with them whole."""
    return any(pattern.search(data) is not None for pattern in _ERROR_TEXT)


def _shows_error_text(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a part's XML holds a formula's error as the whole text between two tags
    (each block looked at with the end of the one before, where one may be cut)."""
    tail = b""
    for block in _inflated(zf, info):
        if _shows_error(tail + block):
            return True
        tail = block[-_ERROR_TEXT_BYTES:]
    return False


def _sheet_name(zf: zipfile.ZipFile, part: str) -> str:
    """The tab name of a worksheet part (xl/worksheets/sheet2.xml -> "花名册"), for messages:
    the workbook's list read as _sheet_targets reads it, in either namespace (Excel's
    "Strict Open XML" names its elements in another)."""
    normal = _normal_part_name(part)
    for name, target in _sheet_targets(zf) or []:
        if name and normal in _target_parts(target):
            return name
    return part.rsplit("/", 1)[-1]


# Above this size the first sheet and the others are parsed side by side (see _stream_book).
PARALLEL_BYTES = 4 << 20
# Rows a reading child sends at once: the reader unpickles one piece while the child
# pickles the next.
CHUNK_ROWS = 5000
# Whether each read runs in a child of its own (lbc.roster.supervised.supervised). A run
# over several files (each_file_in_a_child) and merge's workers turn it on, where one
# school's file that kills the reader must not end the others' run; everywhere else the
# whole command is supervised instead (cheaper: no rows cross a pipe), and a read that dies
# ends the command with one line. Where there is no fork (Windows) nothing supervises the
# command, and every read has a child of its own.
ISOLATE_READS = False
# A folder's file smaller than this is read ahead, beside the one before (its parse then
# holds memory at the same time); a bigger one is read when its turn comes.
AHEAD_BYTES = 16 << 20


@contextlib.contextmanager
def each_file_in_a_child(
    paths: list[Path], prepare: Callable[[Path], Callable[[RawSheet], Any]] | None = None
) -> Iterator[None]:
    """Reads of several schools' files (``paths``, in the order they will be read): each in
    a child of its own, so one that kills its reader is reported and the others are still
    read; the children are forked by a small host (lbc.roster.supervised.read_host), not by
    this process as its rows pile up, and each file's read begins while the one before is
    taken in. ``prepare(path)``: what each file's read will be given to make of its sheets
    (see read_sheets), so that the read begun ahead is the one asked for."""
    global ISOLATE_READS
    isolated, ISOLATE_READS = ISOLATE_READS, True
    upcoming = [_read_args(p, prepare and prepare(p)) for p in paths if _read_ahead(p)]
    try:
        with supervised.read_host(_checked_book, upcoming):
            yield
    finally:
        ISOLATE_READS = isolated


def each_read_in_a_child() -> None:
    """For the rest of this process (a merge worker, reading school after school until the
    run ends it): each read in a child of its own (ISOLATE_READS), so that a file which
    kills the reader costs only its school, forked by a small host of the worker's
    (lbc.roster.supervised.read_host_for_life), not by the worker as it grows."""
    global ISOLATE_READS
    ISOLATE_READS = True
    supervised.read_host_for_life(_checked_book)


def _read_sheets(path: Path, prepare: Callable[[RawSheet], T]) -> list[T]:
    """Every sheet of a workbook, in order, each passed through ``prepare`` once it is here;
    ``prepare`` on the first sheet runs while the others are still being parsed.

    A workbook whose sheets, each within the limits, together do not fit in memory (60
    sparse sheets of 20 million cells) runs out here, holding what a reading child sent
    or what ``prepare`` made: that is the file's failure too, named like a crashed read,
    and what was read of it is freed as the error leaves."""
    try:
        return _read_all(path, prepare)
    except MemoryError:
        raise supervised.out_of_memory(path) from None


def _read_all(path: Path, prepare: Callable[[RawSheet], T]) -> list[T]:
    done: list[T] = []
    if not ISOLATE_READS and supervised.CAN_FORK:  # the whole command is supervised
        take = _Taker(prepare, done.append)
        _checked_book(take, path, None)
        take.finish()
        return done
    args = _read_args(path, prepare)
    if len(args) == 3:  # made in the child: the sheets' cells never cross the pipe
        return list(supervised.supervised(path, _checked_book, *args))
    take = _Taker(prepare, done.append)
    for item in supervised.supervised(path, _checked_book, *args):
        take(item)
    take.finish()
    return done


class _Taker:
    """Takes what a read sends: a whole sheet, or a sheet whose rows follow in pieces (its
    ``pieces``), and hands each sheet's ``prepare(sheet)`` to ``out``. A sheet in pieces
    goes to ``prepare.in_pieces`` a piece at a time where ``prepare`` has that
    (lbc.roster.tables.SheetReader, whose table is then made as the rows come and the
    sheet is never held whole); else its rows are put together first."""

    def __init__(self, prepare: Callable[[RawSheet], Any], out: Callable[[Any], None]) -> None:
        self.prepare, self.out = prepare, out
        self.sheet: RawSheet | None = None
        self.maker: Any = None

    def __call__(self, item: RawSheet | list[list[Any]] | _Again | _ShowsErrors) -> None:
        if isinstance(item, _Again):
            if self.sheet is not None and self.sheet.name == item.name:
                self.sheet = self.maker = None
        elif isinstance(item, _ShowsErrors):
            if self.sheet is not None:
                self.sheet.formula_errors = True
        elif isinstance(item, RawSheet):
            self.finish()
            if not item.pieces:
                self.out(self.prepare(item))
                return
            self.sheet = item
            in_pieces = getattr(self.prepare, "in_pieces", None)
            self.maker = in_pieces(item) if in_pieces else None
        elif self.maker is not None:
            self.maker.add(item)
        elif self.sheet is not None:
            self.sheet.rows += item

    def finish(self) -> None:
        """Hand on the sheet whose pieces were being taken, now that they are all here."""
        sheet, maker, self.sheet, self.maker = self.sheet, self.maker, None, None
        if maker is not None:
            self.out(maker.done())
        elif sheet is not None:
            even_rows(sheet.rows)
            self.out(self.prepare(sheet))


def even_rows(rows: list[list[Any]]) -> None:
    """Pad ``rows`` in place to one width, as calamine gives a whole sheet's: each piece of
    a sheet read in pieces is as wide as its own widest row, and a row left out between
    pieces is empty, while a header's merged group or a 班级 merged down is looked for in
    columns the whole sheet's rows all have."""
    width = max(map(len, rows), default=0)
    for row in rows:
        if len(row) < width:
            row += [""] * (width - len(row))


def _read_args(path: Path, prepare: Callable[[RawSheet], Any] | None) -> tuple[Any, ...]:
    """The arguments of _checked_book in a reading child: ``prepare`` goes with them when
    it may run there (its ``in_child``: sent there, and what it makes sent back, as
    lbc.roster.tables.SheetReader), else the cells come back in pieces. A big file's come
    back in pieces all the same: what a child makes of a sheet crosses the pipe whole, and
    this process takes in one piece while the child sends the next."""
    if getattr(prepare, "in_child", False) and _read_ahead(path):
        return (path, None, prepare)
    return (path, CHUNK_ROWS)


def _checked_book(
    send: Callable[[Any], None],
    path: Path,
    chunk: int | None,
    prepare: Callable[[RawSheet], Any] | None = None,
) -> None:
    """_stream_book, once the file passes the checks made before calamine is given it
    (_check_spreadsheet): in the reading child, where one runs, so that a folder's next
    file is checked and read there while this process takes in the one before; with
    ``prepare``, what it makes of each sheet is sent instead of the sheet."""
    found = _check_spreadsheet(path)
    if prepare is None:
        _stream_book(send, path, chunk, found)
        return
    take = _Taker(prepare, send)
    _stream_book(take, path, chunk, found)
    take.finish()


def _stream_book(
    send: Callable[[Any], None],
    path: Path,
    chunk: int | None,
    found: Prescan | None = None,
) -> None:
    """Send each sheet, whole when ``chunk`` is None, else (in a reading child) its rows
    empty and then its rows in pieces of ``chunk``. A sheet whose part is named in
    ``found.pieces`` (with its merged ranges) is parsed a piece at a time and sent in
    pieces whatever ``chunk`` says (_send_sheet_in_pieces); ``found.errors`` are put back
    into the cells calamine gives as empty.

    On a big workbook the other sheets (teachers, records) are parsed on a second thread
    while the first's (usually the roster's) rows are made here; calamine parses without
    Python's lock. One workbook handle serves both threads, one at a time: a handle of
    the second thread's own parsed the shared strings again, a third of a second of CPU
    on a county roster's 34 MB of them.
    """
    with _calamine_errors(path):
        book = _open_workbook(path)
    names = book.sheet_names
    if len(names) > MAX_SHEETS:
        raise LbcError(t("err.too_many_sheets", path=path, count=len(names)))
    found = found or Prescan()
    found.as_named(names)
    parts = _piece_parts(path, found.pieces) if found.pieces else {}
    _look_at_unread(path, found, {parts[n][0] for n in names if n in parts})
    hidden = _hidden_sheets(path, book)
    send = _marking_hidden(send, hidden, found)
    if found.date1904:
        send = _marking_1904(send)

    def parse(handle: Any, name: str) -> Any:
        if name in parts:
            return None
        with _calamine_errors(path):
            return handle.get_sheet_by_name(name)

    # A first sheet read in pieces has the second core already (its next piece is parsed
    # there), and the others parsed beside it would be held whole until it is done.
    alone = len(names) < 2 or path.stat().st_size < PARALLEL_BYTES or names[0] in parts
    with _errors_by_sheet(path, found) as errors:
        if alone:
            for name in names:
                # The sheet handed over as the only reference to it, for _send_sheet to let
                # go; parsed (the arguments go in order) before its errors are asked for,
                # which may be being looked for meanwhile.
                _send_sheet(
                    send,
                    path,
                    name,
                    parse(book, name),
                    chunk,
                    parts.get(name),
                    errors(name),
                    found,
                )
            return
        # The first sheet parsed here, and only then the others on the second thread: the
        # handle parses one sheet at a time, and the first's cells, freed as its rows are
        # made, leave their memory to this thread's (a thread's freed memory stays its own).
        first = [parse(book, names[0])]
        with ThreadPoolExecutor(max_workers=1) as pool:
            jobs = collections.deque(pool.submit(parse, book, name) for name in names[1:])
            try:
                # Each sheet handed over as the only reference to it (its job let go of as
                # it is taken), for _send_sheet to let go.
                for name in names:
                    _send_sheet(
                        send,
                        path,
                        name,
                        first.pop() if first else jobs.popleft().result(),
                        chunk,
                        parts.get(name),
                        errors(name),
                        found,
                    )
            finally:  # a sheet that failed: the ones after it are not parsed for nothing
                for job in jobs:
                    job.cancel()


def _look_at_unread(path: Path, found: Prescan, members: set[str]) -> None:
    """Look at each part left to be looked at as it is read in pieces (Prescan.pieces)
    that is not (``members``: those that are): a tab name calamine gives otherwise than
    the workbook's list, read whole. Looked at now, before calamine lays it out."""
    unread = {part for part, merged in found.pieces.items() if merged is None}
    for part in unread - {_normal_part_name(m) for m in members}:
        _look_at_part(path, part, found)


def _hidden_sheets(path: Path, book: Any) -> frozenset[str]:
    """The names of the sheets the workbook hides (hidden or very hidden)."""
    with _calamine_errors(path):
        sheets = book.sheets_metadata
    return frozenset(s.name for s in sheets if s.visible != calamine.SheetVisibleEnum.Visible)


def _marking_hidden(
    send: Callable[[Any], None], hidden: frozenset[str], found: Prescan
) -> Callable[[Any], None]:
    """``send`` marking each sheet of ``hidden`` as hidden (RawSheet.hidden), and each
    sheet ``found`` saw hiding rows with them (RawSheet.hidden_rows), as it goes: asked
    as each is sent, once its errors are asked for, which waits for the parts looked
    through beside calamine's parse (_errors_by_sheet)."""

    def marked(item: Any) -> None:
        if isinstance(item, RawSheet):
            item.hidden = item.name in hidden
            item.hidden_rows, item.filtered = found.sheet_hidden_rows(item.name)
            item.hidden_columns = found.sheet_hidden_columns(item.name)
        send(item)

    return marked


@contextlib.contextmanager
def _errors_by_sheet(
    path: Path, found: Prescan
) -> Iterator[Callable[[str], dict[tuple[int, int], str] | None]]:
    """``found.sheet_errors``, asked once the parts let through unscanned on their
    <dimension> and big shared strings (Prescan.later) are looked through too: on a
    thread of their own, beside
    calamine's parse, which holds no Python lock. Looked through before it, a county's
    roster of 80 MB of XML was read 0.2 s longer, most of it inflating the part."""
    if not found.later:
        yield found.sheet_errors
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        looked = pool.submit(_look_later, path, found)

        def errors(name: str) -> dict[tuple[int, int], str] | None:
            looked.result()
            return found.sheet_errors(name)

        yield errors


def _says_1904(zf: zipfile.ZipFile) -> bool:
    """Whether an .xlsx-like workbook's xl/workbook.xml (every member of that name in any
    case, as _sheet_targets reads it) sets the 1904 date system (<workbookPr
    date1904="1"/>); False when it cannot be read, as calamine then says why."""
    try:
        books = [
            _parse_part(zf, info)
            for info in zf.infolist()
            if _normal_part_name(info.filename) == _WORKBOOK_PART
        ]
    except (_Unsure, ElementTree.ParseError, *_ZIP_TROUBLE):
        return False
    return any(
        value.strip().lower() in ("1", "true")
        for book in books
        for el in _elements(book, "workbookpr")
        for value in _attrs(el, "date1904")
    )


def _marking_1904(send: Callable[[Any], None]) -> Callable[[Any], None]:
    """``send`` marking each sheet as of a workbook of the 1904 date system."""

    def marked(item: Any) -> None:
        if isinstance(item, RawSheet):
            item.date1904 = True
        send(item)

    return marked


def _open_workbook(path: Path) -> Any:
    """calamine takes a path as UTF-8 text. A name that is not (GBK bytes from a zip made
    on Windows, which Python holds as surrogate escapes on POSIX) is read through a file
    Python opened instead: calamine would look for a mangled name and find nothing."""
    name = str(path)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        with path.open("rb") as fh:
            return calamine.CalamineWorkbook.from_filelike(fh)
    return calamine.CalamineWorkbook.from_path(name)


def _send_sheet(
    send: Callable[[Any], None],
    path: Path,
    name: str,
    sheet: Any,
    chunk: int | None,
    in_pieces: tuple[str, list[Merge] | None] | None = None,
    errors: dict[tuple[int, int], str] | None = None,
    found: Prescan | None = None,
) -> None:
    """Send a sheet calamine parsed whole (see _stream_book); ``in_pieces`` (its part's
    name and merged ranges): the sheet is to be parsed a piece at a time instead;
    ``errors``: its cells holding a formula's error, None when it shows none
    (Prescan.sheet_errors); ``found``: the look before calamine, which a part read in
    pieces not looked at yet adds to."""
    if in_pieces is not None:
        _send_sheet_in_pieces(send, path, name, *in_pieces, chunk, errors, found or Prescan())
        return
    with _calamine_errors(path):
        start, end = sheet.start, sheet.end
    if start is None:
        send(RawSheet(name, []))
        return
    (row0, col0), (_, col1) = start, end
    if col1 - col0 + 1 > MAX_COLUMNS:
        raise LbcError(t("err.too_wide", path=path, sheet=name, cols=col1 - col0 + 1))
    with _calamine_errors(path):
        merged = list(sheet.merged_cell_ranges or [])
    if chunk is None:
        with _calamine_errors(path):
            rows = sheet.to_python()
        # calamine's own copy of the cells (32 bytes a cell, 2 GB for a sheet of a million
        # rows) goes before a table is made of them: this is its last reference.
        del sheet
        _put_errors(rows, row0, col0, errors)
        send(RawSheet(name, rows, row0, col0, merged, formula_errors=errors is not None))
        return
    shown = errors is not None
    send(RawSheet(name, [], row0, col0, merged, pieces=True, formula_errors=shown))
    # Row by row, a piece at a time: the whole sheet as Python values at once (to_python)
    # held gigabytes beside calamine's own cells on a county's merged roster. iter_rows
    # starts at the sheet's first row, not its first filled one as to_python does.
    with _calamine_errors(path):
        cells = sheet.iter_rows()
        for _ in itertools.islice(cells, row0):
            pass
    at = row0
    while True:
        with _calamine_errors(path):
            piece = list(itertools.islice(cells, chunk))
        if not piece:
            return
        _put_errors(piece, at, col0, errors)
        at += len(piece)
        send(piece)


def _put_errors(
    rows: list[list[Any]], row0: int, col0: int, errors: dict[tuple[int, int], str] | None
) -> None:
    """Put each formula's error (#N/A …) back into the cell calamine gave as empty, in
    ``rows`` starting at 0-based sheet row ``row0``, column ``col0``: a roster whose
    formulas broke (a 身份证号 looked up from a sheet since deleted) reads as what Excel
    shows, which every check calls wrong, not as cells left blank."""
    if not errors:
        return
    for (row, col), error in errors.items():
        i, j = row - 1 - row0, col - 1 - col0
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and rows[i][j] == "":
            rows[i][j] = error


# The parts every piece of a sheet read in pieces carries: what calamine opens a workbook
# with, and the styles and shared strings its cells refer to.
_CARRIED_PARTS = frozenset(
    {
        "[content_types].xml",
        "_rels/.rels",
        _WORKBOOK_PART,
        _WORKBOOK_RELS_PART,
        "xl/styles.xml",
        _SHARED_STRINGS_PART,
    }
)


def _piece_parts(
    path: Path, in_pieces: dict[str, list[Merge] | None]
) -> dict[str, tuple[str, list[Merge] | None]]:
    """Each sheet to be read in pieces, by tab name: its part's member name and its merged
    ranges (None: not looked for yet, see Prescan.pieces)."""
    try:
        with zipfile.ZipFile(path) as zf:
            parts = _parts_in_pieces(zf, _sheet_targets(zf))
    except _ZIP_TROUBLE:
        return {}
    return {
        name: (member, in_pieces[part])
        for name, (part, member) in parts.items()
        if part in in_pieces
    }


def _parts_in_pieces(
    zf: zipfile.ZipFile, sheets: list[tuple[str, str]] | None
) -> dict[str, tuple[str, str]]:
    """The sheets of the workbook's list (``sheets``, _sheet_targets) that may be read in
    pieces, by tab name: their part's normalised name and member name. A sheet whose part
    cannot be told for sure (two members of one name in another case, a workbook.xml that
    does not parse, a name listed twice) is left out, and read whole as before."""
    members: dict[str, list[str]] = {}
    for info in zf.infolist():
        members.setdefault(_normal_part_name(info.filename), []).append(info.filename)
    listed = collections.Counter(name for name, _ in sheets or [])
    found: dict[str, tuple[str, str]] = {}
    for name, target in sheets or []:
        part = _normal_part_name(target[1:] if target.startswith("/") else "xl/" + target)
        if listed[name] == 1 and len(members.get(part, [])) == 1:
            found[name] = (part, members[part][0])
    return found


def _send_sheet_in_pieces(
    send: Callable[[Any], None],
    path: Path,
    name: str,
    member: str,
    merged: list[Merge] | None,
    chunk: int | None,
    errors: dict[tuple[int, int], str] | None,
    found: Prescan,
) -> None:
    """Send a sheet parsed a piece of rows at a time (lbc.roster.sheet_pieces): an empty
    sheet marked ``pieces``, then its rows, each piece's as soon as calamine has them,
    with its ``errors`` put back (as _send_sheet).

    A part not looked at before calamine (``merged`` None: see Prescan.pieces) is looked
    at as it is inflated for its pieces, each block before calamine is given its rows:
    inflating a merged province's 1.5 GB of XML twice, once to look and once to read,
    took 6 s of CPU. Its look finds nothing on lbc merge's own sheets; what it finds (a
    merged range, stated after the rows, a hidden row, an error cell, a far cell) and any
    failure of the read send the sheet again from its start (_Again), read as any other
    part in pieces once it is looked at as before. Text showing a formula's error is said
    after the rows (_ShowsErrors)."""
    if merged is None:
        look = _Look(path, {}, merges=True)
        try:
            _send_pieces(send, path, name, member, [], chunk, errors, look)
        except (_Unclean, LbcError, sheet_pieces.NotInPieces, *_PIECES_TROUBLE):
            send(_Again(name))
            merged = _look_at_part(path, _normal_part_name(member), found)
            errors = found.sheet_errors(name)
        else:
            if look.shown:
                send(_ShowsErrors())
            return
    try:
        _send_pieces(send, path, name, member, merged, chunk, errors)
    except sheet_pieces.NotInPieces:  # raised before any piece: the sheet is read whole
        with _calamine_errors(path):
            whole = _open_workbook(path).get_sheet_by_name(name)
        _send_sheet(send, path, name, whole, chunk, errors=errors)
    except sheet_pieces.RowTooLong as exc:
        most = sheet_pieces.ROW_BYTES >> 20
        raise LbcError(t("err.row_too_long", path=path, sheet=name, mb=most)) from exc
    except sheet_pieces.Unclosed as exc:  # read whole, calamine refuses it so
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
    except _ZIP_TROUBLE as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc


# What reading a part in pieces may fail with besides an LbcError.
_PIECES_TROUBLE = (sheet_pieces.RowTooLong, sheet_pieces.Unclosed, *_ZIP_TROUBLE)


class _Unclean(Exception):
    """The look at a part as it is read in pieces found what must be known before its
    rows (see _send_sheet_in_pieces)."""


def _look_at_part(path: Path, part: str, found: Prescan) -> list[Merge]:
    """Look at the sheet part ``part`` (normalised) before calamine, as _check_zip_parts
    looks at a part read in pieces, into ``found``; its merged ranges."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = next(i for i in zf.infolist() if _normal_part_name(i.filename) == part)
            _look_at_sheet(path, zf, info, found, big=True)
    except _ZIP_TROUBLE as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
    return found.pieces[part] or []


def _send_pieces(
    send: Callable[[Any], None],
    path: Path,
    name: str,
    member: str,
    merged: list[Merge],
    chunk: int | None,
    errors: dict[tuple[int, int], str] | None,
    look: _Look | None = None,
) -> None:
    """_send_sheet_in_pieces's sending, the part looked at as it is inflated by ``look``
    where it is given (raising _Unclean once it finds what must be known before the rows).
    Rows keep their places; columns are counted from A (``col0`` 0), since a later piece
    may start further left than the first. Each piece's rows go in pieces of ``chunk``
    where it is given (in a reading child), else at once. The next PIECES_AHEAD pieces are
    parsed on threads of their own (calamine parses without Python's lock) while this
    one's rows are used, each cut from the sheet here, in order."""
    head: RawSheet | None = None
    at = 0  # the grid index of the next row to send
    with zipfile.ZipFile(path) as zf, ThreadPoolExecutor(max_workers=PIECES_AHEAD) as pool:
        for sheet in _parsed_pieces(path, zf, name, member, pool, look):
            with _calamine_errors(path):
                (row0, col0), rows = sheet.start, sheet.to_python()
            del sheet
            if head is None:
                shown = errors is not None
                head = RawSheet(name, [], row0, 0, merged, pieces=True, formula_errors=shown)
                send(head)
            gap = row0 - head.row0 - at
            if gap < 0:  # a row numbered before one already read
                raise LbcError(t("err.corrupt", path=path, reason=t("reason.rows_disordered")))
            if col0:
                rows = [[""] * col0 + row for row in rows]
            _put_errors(rows, row0, 0, errors)
            rows[:0] = [[] for _ in range(gap)]
            at += len(rows)
            step = chunk or len(rows)
            for i in range(0, len(rows), step):
                send(rows[i : i + step])
            del rows
    if head is None:
        send(RawSheet(name, []))
    process_memory.give_back_freed()


def _parsed_pieces(
    path: Path,
    zf: zipfile.ZipFile,
    name: str,
    member: str,
    pool: ThreadPoolExecutor,
    look: _Look | None = None,
) -> Iterator[Any]:
    """calamine's sheet of each piece of the sheet part ``member`` that has any cell, in
    order: the pieces are cut and parsed by ``pool``, PIECES_AHEAD of them at once ahead
    of the one given. Each job cuts its piece once the job before has cut its own (the
    sheet's XML is inflated and cut in order, one job at a time), then parses it: the
    main thread, which makes the table of the rows, inflated and cut the sheet itself
    before, and was the one thread busy all along. With ``look``, the XML is looked at as
    it is inflated, to its end (see _looked_at)."""
    carried = {
        info.filename: zf.read(info)
        for info in zf.infolist()
        if _normal_part_name(info.filename) in _CARRIED_PARTS
    }
    blocks = _inflated(zf, zf.getinfo(member))
    looked = blocks if look is None else _looked_at(blocks, look)
    with contextlib.closing(blocks), contextlib.closing(looked) as data:
        xmls = sheet_pieces.worksheets(data)
        if look is not None:  # what follows the rows is looked at too
            xmls = _to_the_end(xmls, data)
        cut = threading.Event()
        cut.set()

        def submit() -> Any:
            nonlocal cut
            before, cut = cut, threading.Event()
            return pool.submit(_cut_and_parse, path, name, member, carried, xmls, before, cut)

        ahead = collections.deque(submit() for _ in range(PIECES_AHEAD))
        try:
            while ahead:
                sheet = ahead.popleft().result()
                if sheet is _NO_PIECE:  # the sheet's XML is all cut: no more to ask for
                    continue
                ahead.append(submit())
                if sheet is not None:
                    yield sheet
                del sheet
        finally:  # no job may be cutting as the XML's stream is closed
            for job in ahead:
                job.cancel()
            futures.wait(ahead)


def _looked_at(blocks: Iterator[bytes], look: _Look) -> Iterator[bytes]:
    """``blocks`` of a sheet part's XML, each passed on once ``look`` has looked at all
    of it (cut as _cell_chunks cuts, so it sees what the look before calamine sees):
    raises _Unclean as soon as it finds what must be known before the rows."""
    held: list[bytes] = []

    def holding() -> Iterator[bytes]:
        for block in blocks:
            held.append(block)
            yield block

    for data, cells in _cell_chunks(holding()):
        look(data, cells)
        if look.any_far or look.errors or look.marked or look.merges.found:
            raise _Unclean
        # The newest block's end goes with the next piece looked at.
        while len(held) > 1:
            yield held.pop(0)
    yield from held


def _to_the_end(xmls: Iterator[bytes], data: Iterator[bytes]) -> Iterator[bytes]:
    """``xmls``, and then the rest of ``data`` (what follows the rows) read to its end."""
    yield from xmls
    collections.deque(data, maxlen=0)


# What a job of _parsed_pieces gives when the sheet's pieces are all cut.
_NO_PIECE = object()


def _cut_and_parse(
    path: Path,
    name: str,
    member: str,
    carried: dict[str, bytes],
    xmls: Iterator[bytes],
    before: threading.Event,
    cut: threading.Event,
) -> Any:
    """Cut the next piece of ``xmls`` once the job before has cut its own (``before``),
    say so (``cut``), and parse it (_parse_piece); _NO_PIECE when none is left."""
    before.wait()
    try:
        xml = next(xmls, None)
    finally:
        cut.set()
    if xml is None:
        return _NO_PIECE
    return _parse_piece(path, name, member, carried, xml)


def _parse_piece(path: Path, name: str, member: str, carried: dict[str, bytes], xml: bytes) -> Any:
    """calamine's sheet of one piece's worksheet ``xml`` (see _parsed_pieces); None when
    the piece has no cell."""
    with _calamine_errors(path):
        book = sheet_pieces.workbook(carried, member, sheet_pieces.without_trailing_empties(xml))
        del xml
        sheet = calamine.CalamineWorkbook.from_filelike(book).get_sheet_by_name(name)
        del book
        start, end = sheet.start, sheet.end
    if start is None:
        return None
    if end[1] + 1 > MAX_COLUMNS:
        raise LbcError(t("err.too_wide", path=path, sheet=name, cols=end[1] + 1))
    return sheet


# calamine's own words, by the kind of damage they tell of (the first that matches).
_CALAMINE_KINDS = (
    (re.compile(r"zip|deflat|compress|crc|archive", re.I), "reason.zip_damaged"),
    (re.compile(r"shared string", re.I), "reason.shared_text"),
    (
        re.compile(r"^range (is|dim)|column name|reference|alphanumeric|number overflow", re.I),
        "reason.cell_ref",
    ),
    (
        re.compile(r"unrecognized|attribute|cell error|value|invalid|parse", re.I),
        "reason.cell_value",
    ),
    (re.compile(r"xml|eof|tag|sheetData|unexpected|end of", re.I), "reason.xml"),
)


def _short(exc: BaseException) -> str:
    """Why a library could not read the file, in the user's language: the zip, csv and
    calamine layers speak English whatever the interface says, so Chinese says the kind of
    damage, and English adds the library's own words."""
    if isinstance(exc, OSError) and exc.errno:  # strerror is English whatever the language
        return os_reason(exc)
    detail = _first_line(exc)
    if type(exc).__name__ == "PanicException":  # the reader's own fault, not a kind of damage
        return t("reason.other", detail=detail)
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError, calamine.ZipError)):
        return t("reason.zip_damaged", detail=detail)
    if isinstance(exc, csv.Error):
        return t("reason.csv_layout", detail=detail)
    if isinstance(exc, calamine.XmlError):
        return t("reason.xml", detail=detail)
    for pattern, key in _CALAMINE_KINDS:
        if pattern.search(detail):
            return t(key, detail=detail)
    return t("reason.other", detail=detail)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def decode_csv_bytes(data: bytes) -> str | None:
    """Text of a CSV in UTF-8 (BOM or not) or GB18030, or UTF-16 with its BOM (Excel's
    "Unicode text"); None when it is none of these. A UTF-16 BOM (FF FE, FE FF) cannot
    start UTF-8 or GB18030 text, so it decides alone."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever the first line uses most.

    Only the delimiter is guessed. csv.Sniffer also guesses the quote character and gets it
    wrong when a cell holds a quote (他说"想妈妈"); Excel and WPS always quote with ".
    """
    first = text.split("\n", 1)[0]
    return max(",\t;", key=first.count) if any(c in first for c in ",\t;") else ","


# A cell written ="…" so that Excel shows its digits as text, not as a number (lbc's own
# CSV writes ID numbers so: lbc.output.formats.neutralised), and "" a quote inside.
_EXCEL_TEXT = re.compile(r'="((?:[^"]|"")*)"')


def _shown(cell: str) -> str:
    """A CSV cell as Excel shows it: ="0817…" as its text; and one lbc's own CSV kept from
    being run as a formula (neutralised: '-, '=SUM(1), '@班主任) as the text it was, its
    quote put there only for Excel: read back, the address '- is -, not a new address."""
    if cell[:1] == "'":
        return cell[1:] if neutralised(cell[1:]) == cell else cell
    text = _EXCEL_TEXT.fullmatch(cell)
    return cell if text is None else text.group(1).replace('""', '"')


def _read_csv(path: Path) -> RawSheet:
    """The CSV's rows, each line ending (\r\n, \n, or a lone \r as old Mac exports)
    read as Excel reads it. Blank rows are counted, not held, until a row with a value
    follows: a file of millions of empty lines is a few empty rows, and a grid too big to
    be a roster (MAX_CELLS) is refused before it is built."""
    data = path.read_bytes()
    if data.startswith(_ZIP_MAGIC) and _is_xlsx(path):
        raise LbcError(t("err.wrong_suffix", path=path, suffix=".csv", right=".xlsx"))
    if data.startswith(OLE_MAGIC) and _is_xls(path):
        raise LbcError(t("err.wrong_suffix", path=path, suffix=".csv", right=".xls"))
    text = decode_csv_bytes(data)
    del data
    if text is None or "\x00" in text:
        raise LbcError(t("err.csv_encoding", path=path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[Any]] = []
    blank = width = 0
    errors = False
    try:
        for row in reader:
            if not any(row):
                blank += 1
                continue
            width = max(width, len(row))
            if width > MAX_COLUMNS:
                raise LbcError(t("err.too_wide", path=path, sheet=path.stem, cols=width))
            height = len(rows) + blank + 1
            if height * width > MAX_CELLS:
                raise LbcError(t("err.csv_too_big", path=path, rows=height, cols=width))
            rows += [[] for _ in range(blank)]
            rows.append(row)
            blank = 0
            line = "".join(row)
            if '="' in line or "'" in line:
                row[:] = [_shown(cell) for cell in row]
            if not errors and ("#" in line or "Err:5" in line):
                errors = not FORMULA_ERRORS.isdisjoint(row)  # text saved from an error
    except csv.Error as exc:
        if str(exc).startswith("field larger than field limit"):
            raise LbcError(
                t("err.csv_cell_too_long", path=path, row=reader.line_num, most=_CSV_CELL_MOST)
            ) from exc
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
    return RawSheet(path.stem, rows, formula_errors=errors)
