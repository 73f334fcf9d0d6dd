"""Read workbooks and CSV files into plain grids of cell values.

python-calamine reads every spreadsheet format schools have (.xlsx/.xlsm/.xlsb/.xls/.ods)
several times faster than openpyxl and gives merged ranges, which is all the header finder
needs; CSV is decoded by trying UTF-8 (with or without BOM) and then GB18030, the superset
of GBK that Chinese Excel writes. Every failure becomes an :class:`LbcError` with one clear
sentence, never a traceback.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine

from lbc.errors import LbcError
from lbc.messages import t

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
SUFFIXES = (*SPREADSHEET_SUFFIXES, ".csv")

# A roster has a few dozen columns; a sheet thousands wide is a styling accident or an
# attack, and reading it would cost memory for nothing.
MAX_COLUMNS = 1000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .xlsx is an OLE container holding these streams (UTF-16 names).
_ENCRYPTED_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


@dataclass
class RawSheet:
    """One sheet's cells as rows of values, positioned as Excel shows them.

    ``rows[i][j]`` is the cell at Excel row ``row0 + i + 1`` and column ``col0 + j`` (0-based).
    ``merged`` holds merged ranges as ((first_row, first_col), (last_row, last_col)), 0-based.
    """

    name: str
    rows: list[list[Any]]
    row0: int = 0
    col0: int = 0
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


@dataclass
class RawBook:
    path: Path
    sheets: list[RawSheet]


def check_input_path(path: Path) -> None:
    """Refuse what cannot be a roster before trying to parse it."""
    if not path.exists():
        raise LbcError(t("err.missing", path=path))
    if path.is_dir():
        raise LbcError(t("err.is_dir", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LbcError(t("err.unreadable", path=path, reason=exc.strerror)) from exc
    if size == 0:
        raise LbcError(t("err.empty", path=path))
    if path.suffix.lower() not in SUFFIXES:
        raise LbcError(t("err.unsupported", path=path))


def read_book(path: Path) -> RawBook:
    """Every sheet of a workbook (or the one table of a CSV) as a :class:`RawBook`."""
    check_input_path(path)
    if path.suffix.lower() == ".csv":
        return RawBook(path, [_read_csv(path)])
    return RawBook(path, _read_spreadsheet(path))


def _sniff(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except OSError as exc:
        raise LbcError(t("err.unreadable", path=path, reason=exc.strerror)) from exc


def _looks_encrypted(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    return any(marker in head for marker in _ENCRYPTED_MARKERS)


def _read_spreadsheet(path: Path) -> list[RawSheet]:
    magic = _sniff(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".ods") and magic.startswith(_OLE_MAGIC):
        if _looks_encrypted(path):
            raise LbcError(t("err.encrypted", path=path))
    elif suffix in (".xlsx", ".xlsm", ".xlsb", ".ods") and not magic.startswith(_ZIP_MAGIC):
        raise LbcError(t("err.corrupt", path=path, reason=t("reason.not_zip")))
    elif suffix == ".xls" and not magic.startswith(_OLE_MAGIC):
        raise LbcError(t("err.corrupt", path=path, reason=t("reason.not_ole")))
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
        try:
            return [_sheet(path, book, name) for name in book.sheet_names]
        finally:
            book.close()
    except LbcError:
        raise
    except calamine.PasswordError as exc:
        raise LbcError(t("err.encrypted", path=path)) from exc
    except (calamine.CalamineError, calamine.XmlError, calamine.ZipError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
    except (OSError, ValueError, KeyError, IndexError, OverflowError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc


def _sheet(path: Path, book: Any, name: str) -> RawSheet:
    sheet = book.get_sheet_by_name(name)
    if sheet.start is None:
        return RawSheet(name, [])
    (row0, col0), (_, col1) = sheet.start, sheet.end
    if col1 - col0 + 1 > MAX_COLUMNS:
        raise LbcError(t("err.too_wide", path=path, sheet=name, cols=col1 - col0 + 1))
    merged = list(sheet.merged_cell_ranges or [])
    return RawSheet(name, sheet.to_python(), row0, col0, merged)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def decode_csv_bytes(data: bytes) -> str | None:
    """Text of a CSV in UTF-8 (BOM or not) or GB18030; None when it is neither."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(path: Path) -> RawSheet:
    data = path.read_bytes()
    text = decode_csv_bytes(data)
    if text is None or "\x00" in text:
        raise LbcError(t("err.csv_encoding", path=path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[list[Any]] = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_short(exc))) from exc
    width = max((len(r) for r in rows), default=0)
    if width > MAX_COLUMNS:
        raise LbcError(t("err.too_wide", path=path, sheet=path.stem, cols=width))
    return RawSheet(path.stem, rows)
