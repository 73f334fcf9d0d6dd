"""Sheets crafted to read differently in pieces than whole: each is read both ways and
must give the same cells, the same findings."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from test_sheet_pieces import SHEET, _cells_in_pieces, _cells_whole, _workbook

from conftest import CHILD_HEADER, Result, child_row, one_error_line, run, write_xlsx
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


@pytest.mark.parametrize(
    "numbered",
    [
        b'<row ht="x>y" r="50"/>',  # a ">" in an attribute before r
        b'<row note=\' r="9"\' r="50"/>',  # r=... in another attribute's text
    ],
)
def test_a_row_is_numbered_by_its_own_r_attribute_alone(numbered: bytes) -> None:
    rows = b'<row r="1">' + _cell("甲") + b"</row>" + numbered + b"<row>" + _cell("乙") + b"</row>"
    book = _workbook(rows)
    whole = _cells_whole(book)
    assert whole == {(0, 0): "甲", (50, 0): "乙"}
    for size in (1, 30, 60):
        assert _cells_in_pieces(book, size) == whole


_ROWS = b"".join(b'<row r="%d">%s</row>' % (r, _cell(f"张伟{r}")) for r in range(1, 30))


def _merged(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The merged ranges of ``path``'s sheet read whole, once read in pieces gives them too."""
    (whole,) = reading.read_book(path).sheets
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 300)
    (pieces,) = reading.read_book(path).sheets
    monkeypatch.undo()
    assert pieces.pieces and sorted(pieces.merged) == sorted(whole.merged)
    return whole.merged


@pytest.mark.parametrize(
    ("before", "after", "merged"),
    [
        # calamine reads the first <mergeCells> only, wherever it stands
        (
            b"",
            b'<mergeCells><mergeCell ref="A1:A2"/></mergeCells>'
            b'<mergeCells><mergeCell ref="A3:A9"/></mergeCells>',
            [((0, 0), (1, 0))],
        ),
        (
            b'<mergeCells><mergeCell ref="A1:A2"/></mergeCells>',
            b'<mergeCells><mergeCell ref="A3:A9"/></mergeCells>',
            [((0, 0), (1, 0))],
        ),
        (b"", b'<mergeCells/><mergeCells><mergeCell ref="A3:A9"/></mergeCells>', []),
        # ... and a <mergeCell> only inside it, by its own ref (not x:ref)
        (
            b"",
            b'<mergeCell ref="A1:A2"/><mergeCells><mergeCell ref="A3:A9"/></mergeCells>',
            [((2, 0), (8, 0))],
        ),
        (
            b"",
            b'<mergeCells xmlns:x="urn:x"><mergeCell x:ref="A1:A2" ref="A3:A9"/></mergeCells>',
            [((2, 0), (8, 0))],
        ),
    ],
)
def test_a_sheet_read_in_pieces_has_the_merged_ranges_calamine_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    before: bytes,
    after: bytes,
    merged: list[Any],
) -> None:
    book = io.BytesIO(_workbook(_ROWS, after))
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == SHEET:  # what stands before the rows
                data = data.replace(b"<sheetData>", before + b"<sheetData>")
            zout.writestr(info, data)
    assert _merged(path, monkeypatch) == merged


@pytest.mark.parametrize("ref", ["$A$1:$A$2", " A1:A2", "A1:B2:C3", "A:A", "A0:A2"])
def test_a_merged_range_calamine_refuses_is_refused_in_pieces_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str
) -> None:
    path = tmp_path / "花名册.xlsx"
    tail = b'<mergeCells><mergeCell ref="%s"/></mergeCells>' % ref.encode()
    path.write_bytes(_workbook(_ROWS, tail))
    assert run("validate", path).exit_code == 2
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 300)
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lbc: 错误：{path} 已损坏或不是真正的 Excel 文件"
        f"（合并单元格的范围“{ref}”不是单元格地址）\n"
    )


def test_a_sheet_read_whole_for_its_name_is_looked_at_before_calamine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part read in pieces is looked at as its pieces are cut; one whose tab name
    calamine reads otherwise than the workbook's list (a line break in the name, which
    the list's parser reads as a space) is read whole instead, and so is looked at before
    calamine lays it out, as any sheet is: a cell far below the rows is refused."""
    rows = [CHILD_HEADER, *map(child_row, range(1, 6))]
    made = write_xlsx(tmp_path / "made.xlsx", {"花名册": rows})
    far = b'<row r="200000"><c r="A200000" t="inlineStr"><is><t>x</t></is></c></row>'
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace('name="花名册"'.encode(), 'name="花名\n册"'.encode())
            elif info.filename == SHEET:
                data = data.replace(b"</sheetData>", far + b"</sheetData>")
            zout.writestr(info, data)
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(reading, "MAX_CELLS", 100_000)
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 的工作表“花名 册”在很远的单元格 A200000 有内容，要读取 200000 行"
        " × 14 列，超出花名册可能的范围，已拒绝读取（删掉该单元格的内容后另存再试）"
    )
