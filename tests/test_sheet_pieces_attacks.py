"""Sheets crafted to read differently in pieces than whole: each is read both ways and
must give the same cells, the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from test_sheet_pieces import _cells_in_pieces, _cells_whole, _workbook

from conftest import CHILD_HEADER, Result, child_row, run
from lbc.roster import reading, sheet_pieces


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


def _same_in_pieces(path: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """``lbc validate`` of ``path`` read whole, once it gives the same read in pieces of a
    row each, in this process and in a reading child of its own."""
    whole = run("validate", path, "--format", "json")
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 1)
    for isolated in (False, True):
        monkeypatch.setattr(reading, "ISOLATE_READS", isolated)
        pieces = run("validate", path, "--format", "json")
        assert (pieces.exit_code, pieces.stdout, pieces.stderr) == (
            whole.exit_code,
            whole.stdout,
            whole.stderr,
        )
    return whole


def test_a_class_merged_down_the_last_column_reaches_rows_of_a_narrower_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A piece whose rows hold nothing in the merged 班级 column (every cell under the
    range's top is empty) is narrower than the sheet: the class still reaches them."""
    header = [h for h in CHILD_HEADER if h != "班级"] + ["班级"]
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(header)
    for i in range(12):
        cells = dict(zip(CHILD_HEADER, child_row(i + 1), strict=True))
        ws.append([cells[h] if h != "班级" or i == 0 else None for h in header])
    ws.merge_cells(start_row=2, start_column=len(header), end_row=13, end_column=len(header))
    path = tmp_path / "花名册.xlsx"
    wb.save(path)
    whole = _same_in_pieces(path, monkeypatch)
    assert whole.json()["summary"]["errors"] == 0


def test_a_two_row_header_cut_between_its_rows_reads_as_when_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """监护人 merged over three columns above 姓名, 关系, 电话: the group row, in a piece of
    its own, is narrower than the row under it, and still names all three."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["序号", "姓名", "性别", "身份证号", "出生日期", "班级", "留守类型", "监护人"])
    ws.append([None] * 7 + ["姓名", "关系", "电话"])
    for j in range(1, 8):
        ws.merge_cells(start_row=1, start_column=j, end_row=2, end_column=j)
    ws.merge_cells("H1:J1")
    for i in range(5):
        row = child_row(i + 1)
        ws.append([*row[:6], row[8], "张大爷", "祖父", "13712345678"])
    path = tmp_path / "花名册.xlsx"
    wb.save(path)
    whole = _same_in_pieces(path, monkeypatch)
    columns = whole.json()["files"][0]["sheets"][0]["columns"]
    assert columns["guardian_relation"] == "I" and columns["guardian_phone"] == "J"
