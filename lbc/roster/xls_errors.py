"""The cells of an Excel 97-2003 workbook (.xls) that hold a formula's error (#N/A …).

python-calamine gives such a cell as an empty one, as it does an .xlsx's; an .xlsx's are
found in its sheet XML (lbc.roster.reading), an .xls's here, in its BIFF records: a
FORMULA record whose cached result is an error, and a BOOLERR record holding an error
(a formula's value pasted as a value). The file is an OLE compound file; its Workbook
stream is put together from the sectors its allocation table chains, and searched (one
expression for each record) so that a workbook without one costs a read and a search.
Each record found is placed on its sheet by the stream offsets the workbook's BOUNDSHEET
records give. Anything unexpected (another BIFF version, a broken chain) finds nothing:
calamine's own read says what is wrong with the file.

The rows a sheet hides (by hand, or a filter's), which calamine does not say either, are
found in the same stream (hidden_rows): one expression looks for a ROW record saying so,
and only where one may be are the sheets' records read one by one, since the bytes of a
cell's value may look like one; a FILTERMODE record among them says a filter is in force.
"""

from __future__ import annotations

import bisect
import mmap
import re
import struct
from pathlib import Path

# BIFF8's error codes, as Excel shows them.
_CODES = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
_CODE = b"[" + re.escape(bytes(_CODES)) + b"]"
# FORMULA (0x0006): size, row, column, format, then its cached result, an error when it
# reads 02 00 code 00 00 00 FF FF. BOOLERR (0x0205) of 8 bytes: row, column, format, the
# code, then 1 for an error. Two expressions, each opening with its record's number: one
# of both, opening with either, searched ten times slower.
_ERROR_RECORDS = (
    re.compile(rb"\x06\x00..(....)..\x02\x00(" + _CODE + rb")\x00\x00\x00\xff\xff", re.S),
    re.compile(rb"\x05\x02\x08\x00(....)..(" + _CODE + rb")\x01", re.S),
)
# ROW (0x0208) of 16 bytes: row, its first column and its last plus one (equal: no cell),
# height and two unused words, then option flags whose bit 0x20 hides the row (by hand,
# or a filter's). A height of 0 without it (a program other than Excel wrote the row shut)
# shows nothing either: hidden, as an .xlsx's row of ht="0" is. One expression, for
# hidden ones only, compiled for the first .xls read (re keeps it), not by every run's
# start-up. A sheet with a filter in force has a FILTERMODE record (0x009B): its hidden
# rows are said to be a filter's, as an .xlsx's are where it has a <filterColumn>.
_ROW, _ROW_HIDDEN = 0x0208, 0x20
_FILTERMODE = 0x009B
_HIDDEN_FLAG = b"[" + re.escape(bytes(b for b in range(256) if b & _ROW_HIDDEN)) + b"]"
_HIDDEN_ROW = rb"\x08\x02\x10\x00.{6}(?:\x00\x00.{4}|.{6}" + _HIDDEN_FLAG + rb")"
_BOF, _EOF, _BOUNDSHEET, _DATEMODE = 0x0809, 0x000A, 0x0085, 0x0022
_BIFF8 = 0x0600
# An OLE compound file's layout (lbc.roster.reading reads its header too): its opening
# bytes, where its header keeps its sector size (a power of two) and its first 109
# allocation-table sector numbers; numbers from OLE_MARKERS up are markers, not sectors.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_SECTOR_SHIFT = 0x1E
OLE_DIFAT = 0x4C
OLE_MARKERS = 0xFFFFFFFA


class _NotFound(Exception):
    """The workbook stream cannot be put together: nothing is found."""


def error_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Each sheet's cells holding a formula's error, by tab name, then by (row, column),
    1-based (as lbc.roster.reading.Prescan.errors)."""
    try:
        # Mapped, not read (a county's .xls is tens of MB), and its stream searched where
        # it lies when its sectors follow one another, as Excel writes them.
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _error_cells(data)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return {}


def hidden_rows(path: Path) -> dict[str, tuple[tuple[int, ...], bool]]:
    """The rows holding cells that each sheet hides, 1-based, by tab name, and whether a
    filter is in force on it, as lbc.roster.reading.Prescan.hidden_rows gives them: only
    sheets hiding some row."""
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _hidden_rows(data)
    except (OSError, ValueError):
        return {}


def date1904(path: Path) -> bool:
    """Whether the workbook counts its date serials from 1904-01-01: its globals' DATEMODE
    record (0x0022) says 1. False when it says 0, has none, or cannot be read."""
    try:
        with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _date1904(data)
    except (OSError, ValueError):
        return False


def _date1904(data: mmap.mmap) -> bool:
    """date1904 of the mapped file; every view of it is let go on return."""
    try:
        stream = _workbook_stream(data)
        if struct.unpack_from("<H", stream, 0)[0] != _BOF:
            return False
        at = 0
        while at + 4 <= len(stream):
            rid, size = struct.unpack_from("<HH", stream, at)
            if rid == _EOF:
                return False
            if rid == _DATEMODE and size >= 2:
                return struct.unpack_from("<H", stream, at + 4)[0] == 1
            at += 4 + size
    except (_NotFound, struct.error, IndexError, ValueError):
        return False
    return False


def _hidden_rows(data: mmap.mmap) -> dict[str, tuple[tuple[int, ...], bool]]:
    """hidden_rows of the mapped file; every view of it is let go on return."""
    try:
        stream = _workbook_stream(data)
        if re.compile(_HIDDEN_ROW, re.S).search(stream) is None:
            return {}
        found = {name: _sheet_hidden_rows(stream, start) for start, name in _sheets(stream)}
    except (_NotFound, struct.error, IndexError, ValueError):
        return {}
    return {name: (tuple(rows), filtered) for name, (rows, filtered) in found.items() if rows}


def _sheet_hidden_rows(stream: bytes | memoryview, start: int) -> tuple[list[int], bool]:
    """The rows holding cells that the sheet whose BOF is at ``start`` hides, 1-based, and
    whether a filter is in force on it: its records read one by one up to its EOF (a
    chart's within it has its own BOF and EOF)."""
    rows = []
    filtered = False
    depth = 0
    at = start
    while at + 4 <= len(stream):
        rid, size = struct.unpack_from("<HH", stream, at)
        if rid == _BOF:
            depth += 1
        elif rid == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif (
            rid == _ROW and size >= 16 and (stream[at + 16] & _ROW_HIDDEN or _no_height(stream, at))
        ):
            row, first, last = struct.unpack_from("<HHH", stream, at + 4)
            if first != last:
                rows.append(row + 1)
        elif rid == _FILTERMODE and depth == 1:
            filtered = True
        at += 4 + size
    return rows, filtered


def _no_height(stream: bytes | memoryview, at: int) -> bool:
    """Whether the ROW record at ``at`` gives its row a height of 0 twips, set as its own
    (the high bit, a default height, clear)."""
    return stream[at + 10] == 0 and stream[at + 11] == 0


def _error_cells(data: mmap.mmap) -> dict[str, dict[tuple[int, int], str]]:
    """error_cells of the mapped file; every view of it is let go on return."""
    try:
        stream = _workbook_stream(data)
        found = [m for pattern in _ERROR_RECORDS for m in pattern.finditer(stream)]
        sheets = _sheets(stream) if found else []
    except (_NotFound, struct.error, IndexError, ValueError):
        return {}
    starts = [start for start, _ in sheets]
    out: dict[str, dict[tuple[int, int], str]] = {}
    for m in found:
        at = bisect.bisect_right(starts, m.start()) - 1
        if at < 0:
            continue  # in the workbook's globals, before every sheet: no cell
        place, code = m.groups()
        row, col = struct.unpack("<HH", place)  # (a view, as the stream may be)
        out.setdefault(sheets[at][1], {})[(row + 1, col + 1)] = _CODES[code[0]]
    return out


def _sheets(stream: bytes | memoryview) -> list[tuple[int, str]]:
    """(stream offset of its BOF, tab name) of each sheet the globals' BOUNDSHEET records
    list, by offset; the globals are read record by record up to their EOF."""
    if (
        struct.unpack_from("<H", stream, 0)[0] != _BOF
        or struct.unpack_from("<H", stream, 4)[0] != _BIFF8
    ):
        raise _NotFound
    sheets = []
    at = 0
    while at + 4 <= len(stream):
        rid, size = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + size]
        at += 4 + size
        if rid == _EOF:
            break
        if rid == _BOUNDSHEET and len(body) >= 8:
            start, count, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
            text = bytes(body[8 : 8 + count * (2 if wide else 1)])
            sheets.append((start, text.decode("utf-16-le" if wide else "latin-1", "replace")))
    return sorted(sheets)


def _workbook_stream(data: mmap.mmap) -> bytes | memoryview:
    """The Workbook stream of an OLE compound file, put together from its sectors: a view
    of the file where they follow one another."""
    if data[: len(OLE_MAGIC)] != OLE_MAGIC:
        raise _NotFound
    shift, mini_shift = struct.unpack_from("<HH", data, OLE_SECTOR_SHIFT)
    if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
        raise _NotFound
    size = 1 << shift
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    (cutoff, first_mini_fat, _, first_difat, difat_count) = struct.unpack_from("<5I", data, 0x38)
    fat_sectors = [n for n in struct.unpack_from("<109I", data, OLE_DIFAT) if n < OLE_MARKERS]
    sector = first_difat
    # The rest of the allocation table's sectors, chained (a loop ends past the file's).
    for _ in range(min(difat_count, len(data) // size)):
        if sector >= OLE_MARKERS:
            break
        block = _sector(data, sector, size, size)
        *more, sector = struct.unpack(f"<{size // 4}I", block)
        fat_sectors += [n for n in more if n < OLE_MARKERS]
    fat = b"".join(_sector(data, n, size, size) for n in fat_sectors)
    table = struct.unpack(f"<{len(fat) // 4}I", fat)
    directory = _chain(data, table, first_dir, size)
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    root = entries[0]
    for entry in entries:
        length = struct.unpack_from("<H", entry, 64)[0]
        name = entry[: max(0, length - 2)].decode("utf-16-le", "replace")
        if name != "Workbook" or entry[66] != 2:  # a stream named Workbook (BIFF8's)
            continue
        start, stream_size = struct.unpack_from("<IQ", entry, 0x74)
        stream_size &= 0xFFFFFFFF if shift == 9 else (1 << 64) - 1
        if stream_size >= cutoff:
            return _chain(data, table, start, size, limit=stream_size)
        mini = _chain(data, table, struct.unpack_from("<I", root, 0x74)[0], size)
        mini_fat = _chain(data, table, first_mini_fat, size)
        mini_table = struct.unpack(f"<{len(mini_fat) // 4}I", mini_fat)
        return _chain(mini, mini_table, start, 1 << mini_shift, base=0, limit=stream_size)
    raise _NotFound


def _chain(
    data: bytes | mmap.mmap,
    table: tuple[int, ...],
    first: int,
    size: int,
    base: int | None = None,
    limit: int | None = None,
) -> bytes:
    """The sectors of ``size`` bytes from ``base`` on (the file's: after its header, which
    fills the first sector's place) chained from ``first`` by ``table``, joined, each run
    of them that follow one another in one piece; a chain that loops ends once it is as
    long as the table. With ``limit`` (a stream's size), its first ``limit`` bytes: a view
    of ``data`` when the sectors are one run."""
    runs: list[list[int]] = []  # [first sector, sectors]
    sector = first
    for _ in range(len(table)):
        if sector >= OLE_MARKERS or sector >= len(table):
            break
        if runs and sum(runs[-1]) == sector:
            runs[-1][1] += 1
        else:
            runs.append([sector, 1])
        sector = table[sector]
    base = size if base is None else base
    if limit is not None and len(runs) == 1:
        at = base + runs[0][0] * size
        return memoryview(data)[at : at + min(runs[0][1] * size, limit)]  # type: ignore[return-value]
    joined = b"".join(data[base + n * size : base + (n + count) * size] for n, count in runs)
    return joined if limit is None else joined[:limit]


def _sector(data: bytes | mmap.mmap, n: int, size: int, base: int) -> bytes:
    at = base + n * size
    if at >= len(data):
        raise _NotFound
    return data[at : at + size]
