"""A worksheet too big to parse whole, cut between its rows into workbooks of its own.

python-calamine lays a sheet out as one dense grid, 32 bytes a cell, before Python sees a
cell: a county's merged roster of a million rows and 70 columns is 2.3 GB there, and its
rows as Python values twice that again. calamine cannot parse part of a sheet, so lbc
hands it parts: the sheet's XML is inflated as a stream and cut between rows, and each
piece is wrapped in a small workbook of its own (the file's own workbook, relationships,
styles and shared strings, and a worksheet of only those rows), which calamine parses as
it parses any workbook. Each piece opens with an empty row numbered as the row before it,
so rows that carry no number (lbc's own writer gives none) count on from there, as
calamine counts them in the whole sheet, and every row keeps its place.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Generator, Iterator

# XML of rows per piece: ~11,000 rows of a 70-column merged roster, whose grid in calamine
# and rows in Python are then some 75 MB. Smaller pieces were no slower on the bench.
PIECE_BYTES = 16 << 20
# The worksheet's opening (everything before its rows) is looked for this far in.
HEAD_BYTES = 64 << 20
# XML without a row starting in it is not looked through past this: a roster's row is a
# few KB (a thousand columns of long text, a few MB), and a stretch held until a row
# starts was joined and searched again with every block, hours for a cell of a GB.
ROW_BYTES = 64 << 20

_WORKSHEET = re.compile(rb"<(\w+:)?worksheet\b")
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(/?)>")
# calamine sizes its grid by a <dimension> it finds; a piece's is the whole sheet's.
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*>")
# An attribute of a row's opening tag, its value in either quotes (where a ">" or another
# attribute's text may stand), and a row number as its r attribute gives it.
_ATTRIBUTE = re.compile(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ROW_NUMBER = re.compile(rb"\s*([0-9]{1,9})\s*")
# Any r attribute, spaced around its "=" or not (XML allows both, and so does calamine).
_ANY_R = re.compile(rb"r\s*=")
_AFTER_TAG = (b" ", b"\t", b"\r", b"\n", b">", b"/")


# lbc's own writer (lbc merge) writes an empty cell as <c/>, and a school's row of a merged
# roster ends in dozens of them: the columns other schools fill. They are half the cells
# calamine parses, and the ones ending a row place no other cell (a cell without an r
# attribute is placed by the ones before it), so EMPTY_RUN of them are taken off the end
# of each row that has as many before calamine parses a piece (one replace, at C speed):
# a merged province's pieces parsed an eighth faster, the replace included.
EMPTY_RUN = 32
_TRAILING_EMPTIES = b"<c/>" * EMPTY_RUN + b"</row>"
# Where text may hold markup as it is (a CDATA section), a piece is left as it is. Its
# "[" is looked for first: a search for one byte runs at memory's speed, one for the whole
# opening several times slower (half a second over a merged province's 1.5 GB, holding
# Python's lock on the thread that cuts the pieces), and a roster's XML seldom holds one.
_CDATA = b"<![CDATA["


def without_trailing_empties(xml: bytes) -> bytes:
    """``xml`` (a piece's worksheet) with each run of EMPTY_RUN empty cells that ends a row
    taken out: the cells calamine gives are the same, in the same places."""
    if b"[" in xml and _CDATA in xml:
        return xml
    return xml.replace(_TRAILING_EMPTIES, b"</row>")


class NotInPieces(Exception):
    """The sheet's XML is not laid out as expected (no opening, no rows): read it whole."""


class Unclosed(Exception):
    """The sheet's XML ended before its rows did (no </sheetData>): a write cut short,
    whose rows are some of the sheet's, not all of them."""


class RowTooLong(Exception):
    """ROW_BYTES of the sheet's XML went by without a row starting: no roster's sheet."""


def worksheets(data: Iterator[bytes], size: int | None = None) -> Iterator[bytes]:
    """The worksheet XML of each piece of a sheet whose XML comes as ``data``, cut between
    rows at about ``size`` bytes (PIECE_BYTES). Raises NotInPieces before yielding anything
    when the sheet's rows cannot be found, and Unclosed where they do not end."""
    size = size or PIECE_BYTES
    blocks: list[bytes] = []
    held = 0
    pieces: _Cutter | None = None
    for block in data:
        blocks.append(block)
        held += len(block)
        if pieces is None:
            joined = b"".join(blocks)
            found = _SHEET_DATA.search(joined)
            if found is None:
                if held > HEAD_BYTES:
                    raise NotInPieces("no <sheetData> at the start of the sheet")
                blocks = [joined]
                continue
            root = _WORKSHEET.search(joined, 0, found.start())
            if found.group(2) or root is None:
                raise NotInPieces("an empty <sheetData/>, or no <worksheet> around it")
            head = _DIMENSION.sub(b"", joined[: found.end()])
            pieces = _Cutter(head, root.group(1) or b"", found.group(1) or b"")
            blocks = [joined[found.end() :]]
            held = len(blocks[0])
        if held < size:
            continue
        joined = b"".join(blocks)
        end = pieces.closing(joined)
        if end is not None:  # the rows end here; what follows is not rows
            yield from pieces.cut(joined, end, size, last=True)
            return
        rest = yield from pieces.cut(joined, len(joined), size, last=False)
        blocks, held = [joined[rest:]], len(joined) - rest
        _check_row(held, size)
    if pieces is None:
        raise NotInPieces("no <sheetData> in the sheet")
    joined = b"".join(blocks)
    end = pieces.closing(joined)
    if end is None:
        raise Unclosed("the sheet's XML ends before its </sheetData>")
    yield from pieces.cut(joined, end, size, last=True)


def _check_row(stretch: int, size: int) -> None:
    """Raise RowTooLong for ``stretch`` bytes without a row starting, in pieces of ``size``."""
    if stretch > size + ROW_BYTES:
        raise RowTooLong


class _Cutter:
    """Cuts one sheet's rows into pieces, each a worksheet of its own (see worksheets)."""

    def __init__(self, head: bytes, root: bytes, prefix: bytes) -> None:
        self.head = head
        self.row_tag = b"<" + prefix + b"row"
        # The byte after each row tag: all ">" where no row has an attribute (lbc merge's).
        self.after_row_tag = re.compile(re.escape(self.row_tag) + rb"(.?)", re.S)
        self.close = b"</" + prefix + b"sheetData>"
        self.foot = self.close + b"</" + root + b"worksheet>"
        self.last_row = -1  # calamine's index of the last row cut so far

    def closing(self, data: bytes) -> int | None:
        # "D" first, at the speed of a byte's search: row XML seldom holds a capital D.
        at = data.find(self.close) if b"D" in data else -1
        if at == -1:
            return None
        return at if b"[" not in data else _outside_cdata(data, self.close, at)

    def last_row_start(self, data: bytes, end: int | None = None) -> int:
        """Where the last row opening in ``data`` (before ``end``) starts; -1 when none."""
        end = len(data) if end is None else end
        while (at := data.rfind(self.row_tag, 0, end)) != -1:
            if self._opens_row(data, at):
                return at
            end = at
        return -1

    def cut(self, data: bytes, end: int, size: int, last: bool) -> Generator[bytes, None, int]:
        """Yield the rows of ``data[:end]`` as pieces of about ``size`` bytes, each cut
        before a row; all of them when ``last``, else up to the last row, whose start is
        returned (the rest is taken with the blocks that follow)."""
        start = 0
        while end - start >= size or (last and start < end):
            if end - start <= size and last:
                cut = end
            else:
                cut = self.last_row_start(data, start + size)
                if cut <= start:  # a row longer than a piece: cut after it
                    cut = self.next_row_start(data, start + size, end)
                if cut == -1:
                    if not last:
                        break
                    cut = end
            _check_row(cut - start, size)
            yield self.piece(data, start, cut)
            start = cut
        return start

    def next_row_start(self, data: bytes, at: int, end: int) -> int:
        """Where the first row opening at or after ``at`` (before ``end``) starts; -1: none."""
        while (at := data.find(self.row_tag, at, end)) != -1:
            if self._opens_row(data, at):
                return at
            at += 1
        return -1

    def _opens_row(self, data: bytes, at: int) -> bool:
        """Whether the row tag found at ``at`` opens a row (not a longer name)."""
        after = at + len(self.row_tag)
        return data[after : after + 1] in _AFTER_TAG

    def piece(self, data: bytes, start: int, end: int) -> bytes:
        """The worksheet of the rows ``data[start:end]``, opening with a row numbered as
        the row before them: made in one copy, as a piece is tens of megabytes."""
        before, self.last_row = self.last_row, self._last_row(data, start, end)
        opening = self.row_tag + b' r="%d"/>' % (before + 1) if before >= 0 else b""
        return b"".join((self.head, opening, memoryview(data)[start:end], self.foot))

    def _last_row(self, rows: bytes, start: int, end: int) -> int:
        """calamine's index of the last row in ``rows[start:end]``: its number, else one
        past the row before it, counting back to a numbered row or the piece's start.

        The last row is looked at first, from the end: Excel numbers every row. lbc's own
        writer's rows are bare ``<row>`` tags, counted in one search for the row tag, which
        looks for its "<row" at C speed, where one for an r attribute anywhere (every "r"
        of "inlineStr" tried) and a count of the tags after it took twice as long, 1.9 s
        over a merged province's 1.5 GB."""
        last = self.last_row_start(rows, end)
        number = self._number(rows, last + len(self.row_tag)) if last >= start else None
        if number is not None:
            return number - 1
        follows = self.after_row_tag.findall(rows, start, end)
        if follows.count(b">") == len(follows):  # no row has an attribute: none is numbered
            return self.last_row + len(follows)
        if _ANY_R.search(rows, start, end) is None:  # no row is numbered
            return self.last_row + rows.count(self.row_tag, start, end)
        after = 0
        while (at := self.last_row_start(rows, end)) >= start:
            number = self._number(rows, at + len(self.row_tag))
            if number is not None:
                return number - 1 + after
            after, end = after + 1, at
        return self.last_row + after

    @staticmethod
    def _number(rows: bytes, at: int) -> int | None:
        """The r attribute of the row whose attributes start at ``at``; None when none."""
        while (attribute := _ATTRIBUTE.match(rows, at)) is not None:
            name, double, single = attribute.groups()
            if name == b"r":
                number = _ROW_NUMBER.fullmatch(double if double is not None else single)
                return None if number is None else int(number.group(1))
            at = attribute.end()
        return None


def _outside_cdata(data: bytes, mark: bytes, at: int) -> int | None:
    """Where ``mark``, found first at ``at`` in ``data``, first stands outside a CDATA
    section (text kept as it is, where "</sheetData>" may be a cell's text); None where
    it does not."""
    while (opened := data.rfind(_CDATA, 0, at)) != -1 and data.find(b"]]>", opened, at) == -1:
        ends = data.find(b"]]>", at)  # the section holding it ends after it
        at = -1 if ends == -1 else data.find(mark, ends)
        if at == -1:
            return None
    return at


def workbook(parts: dict[str, bytes], sheet_part: str, sheet: bytes) -> io.BytesIO:
    """A workbook in memory of ``parts`` (member name: bytes) and ``sheet`` as its member
    ``sheet_part``, stored uncompressed: it is read once, at once."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        zf.writestr(sheet_part, sheet)
    out.seek(0)
    return out
