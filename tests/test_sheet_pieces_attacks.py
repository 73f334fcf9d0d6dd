"""Sheets crafted to read differently in pieces than whole: each is read both ways and
must give the same cells, the same findings."""

from __future__ import annotations

from test_sheet_pieces import _cells_in_pieces, _cells_whole, _workbook


def _cell(text: str) -> bytes:
    return b'<c t="inlineStr"><is><t>%s</t></is></c>' % text.encode()


def test_rows_numbered_with_spaces_around_the_equals_sign_keep_their_places() -> None:
    """r = "50" is an r attribute too: the unnumbered row after it is row 51."""
    rows = b'<row r = "1">' + _cell("甲") + b'</row><row r = "50"/><row>' + _cell("乙") + b"</row>"
    book = _workbook(rows)
    whole = _cells_whole(book)
    assert whole == {(0, 0): "甲", (50, 0): "乙"}
    for size in (1, 30, 60):
        assert _cells_in_pieces(book, size) == whole
