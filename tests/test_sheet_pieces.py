"""A sheet too big to parse whole is parsed a piece of rows at a time (lbc.roster.sheet_pieces):
every cell lands where calamine puts it in the whole sheet, and every command's answer is
the same. Tests make the pieces small instead of the sheets big."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import python_calamine as calamine
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from conftest import CHILD_HEADER, child_row, merged_county, run, write_xlsx
from lbc.roster import reading, sheet_pieces
from lbc.roster.tables import SheetReader, build_table

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sheet part read in pieces of about 2 KB of XML."""
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)


def _workbook(rows_xml: bytes, tail: bytes = b"", closed: bool = True) -> bytes:
    """A one-sheet .xlsx whose sheet holds ``rows_xml`` (and ``tail`` after its rows); not
    ``closed``, its XML stops after the rows, as a write cut short leaves it."""
    source = io.BytesIO()
    wb = Workbook()
    wb.active.title = "S"
    wb.save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == SHEET:
                data = (
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<dimension ref="A1:Z1048576"/><sheetData>'
                    + rows_xml
                    + (b"</sheetData>" + tail + b"</worksheet>" if closed else b"")
                )
            zout.writestr(info, data)
    return out.getvalue()


def _cells_whole(book: bytes) -> dict[tuple[int, int], Any]:
    sheet = calamine.CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name("S")
    if sheet.start is None:
        return {}
    (r0, c0) = sheet.start
    return {
        (r0 + i, c0 + j): v
        for i, row in enumerate(sheet.to_python())
        for j, v in enumerate(row)
        if v != ""
    }


def _cells_in_pieces(book: bytes, size: int) -> dict[tuple[int, int], Any]:
    cells = {}
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        carried = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != SHEET}
        data = iter(
            [zf.read(SHEET)[k : k + 100] for k in range(0, zf.getinfo(SHEET).file_size, 100)]
        )
        for xml in sheet_pieces.worksheets(data, size):
            piece = sheet_pieces.workbook(carried, SHEET, xml)
            cells.update(_cells_whole(piece.getvalue()))
    return cells


_ROW = st.tuples(
    st.sampled_from(["numbered", "unnumbered", "skip"]),
    st.lists(st.one_of(st.none(), st.text("张伟ab1 ", min_size=1, max_size=6)), max_size=5),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(_ROW, max_size=40), size=st.integers(1, 400))
def test_cells_keep_their_places_however_the_rows_are_cut(
    rows: list[tuple[str, list[str | None]]], size: int
) -> None:
    xml, number = [], 0
    for how, values in rows:
        number += 3 if how == "skip" else 1  # rows left out, then numbered again
        attrs = b' r="%d"' % number if how != "unnumbered" else b""
        cells = b"".join(
            b"<c/>" if v is None else b'<c t="inlineStr"><is><t>%s</t></is></c>' % v.encode()
            for v in values
        )
        xml.append(b"<row" + attrs + b">" + cells + b"</row>")
    book = _workbook(b"".join(xml))
    assert _cells_in_pieces(book, size) == _cells_whole(book)


def _roster(path: Path, n: int) -> Path:
    """A roster whose 班级 cells are merged down over each class's rows, starting at B3."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["B1"] = "青山小学留守儿童花名册"
    for j, label in enumerate(CHILD_HEADER):
        ws.cell(2, 2 + j, label)
    for i in range(n):
        row = child_row(i + 1, cls=f"三年级({i // 7 + 1})班")
        for j, value in enumerate(row):
            ws.cell(3 + i, 2 + j, value)
    at = CHILD_HEADER.index("班级") + 2
    for first in range(3, 3 + n, 7):
        for r in range(first + 1, min(first + 7, 3 + n)):
            ws.cell(r, at).value = None
        ws.merge_cells(
            start_row=first, start_column=at, end_row=min(first + 6, 2 + n), end_column=at
        )
    wb.save(path)
    return path


def test_a_roster_read_in_pieces_is_checked_as_when_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _roster(tmp_path / "花名册.xlsx", 60)
    whole = run("validate", path, "--format", "json")
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces = run("validate", path, "--format", "json")
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)
    # The merged 班级 cells reach every child, across the pieces' edges.
    assert whole.json()["summary"]["errors"] == 0
    assert whole.json()["files"][0]["sheets"][0]["rows"] == 60


def test_merged_roster_read_in_pieces_counts_rows_without_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lbc merge writes rows without numbers: each piece counts on from the last, its rows
    counted in one search for the row tag, not searched first for an r attribute anywhere
    (every "r" of "inlineStr" tried: 2 s of a merged province's cutting)."""
    schools = tmp_path / "县"
    schools.mkdir()
    for k, school in enumerate(["青山小学", "白鹤小学"]):
        rows = [child_row(i + 1, name=f"{'赵钱'[k]}{i}") for i in range(40)]
        rows[30][CHILD_HEADER.index("监护人电话")] = ""
        write_xlsx(
            schools / f"{school}.xlsx",
            {"花名册": [["学校", *CHILD_HEADER], *[[school, *r] for r in rows]]},
        )
    merged = tmp_path / "全县.xlsx"
    assert run("merge", schools, "--out", merged).exit_code == 1
    whole = run("validate", merged, "--format", "json")
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    sought = _Sought(sheet_pieces._ANY_R)
    monkeypatch.setattr(sheet_pieces, "_ANY_R", sought)
    pieces = run("validate", merged, "--format", "json")
    assert sought.searched == 0
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)
    rows = [f["row"] for f in whole.json()["findings"] if f["code"] == "CON001"]
    assert rows == [32, 72]
    (read, *_) = reading.read_sheets(merged, SheetReader(merged))
    assert read.table is not None and read.table.sources is not None
    assert len(read.table.sources) == 80 and len({id(s) for s in read.table.sources}) == 2


_EMPTIES_ROW = st.tuples(
    st.sampled_from(["numbered", "unnumbered"]),
    st.lists(st.one_of(st.none(), st.text("张伟ab1 ", min_size=1, max_size=6)), max_size=4),
    st.integers(0, 80),
)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(_EMPTIES_ROW, max_size=12))
def test_a_piece_without_its_rows_trailing_empty_cells_gives_the_same_cells(
    rows: list[tuple[str, list[str | None], int]],
) -> None:
    """lbc merge ends a school's row with dozens of empty cells (the columns of other
    schools): a piece is parsed without them, and every cell is where it was."""
    xml = []
    for number, (how, values, empties) in enumerate(rows, start=1):
        attrs = b' r="%d"' % number if how == "numbered" else b""
        cells = b"".join(
            b"<c/>" if v is None else b'<c t="inlineStr"><is><t>%s</t></is></c>' % v.encode()
            for v in values
        )
        xml.append(b"<row" + attrs + b">" + cells + b"<c/>" * empties + b"</row>")
    book = _workbook(b"".join(xml))
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        sheet = zf.read(SHEET)
        carried = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != SHEET}
    lighter = sheet_pieces.without_trailing_empties(sheet)
    assert len(lighter) < len(sheet) or all(e < sheet_pieces.EMPTY_RUN for *_, e in rows)
    piece = sheet_pieces.workbook(carried, SHEET, lighter)
    assert _cells_whole(piece.getvalue()) == _cells_whole(book)


def test_text_that_may_hold_markup_keeps_its_empty_cells() -> None:
    """Inside a CDATA section "<c/></row>" is text, not cells: such a piece is left whole."""
    row = b'<row><c t="inlineStr"><is><t><![CDATA[' + b"<c/>" * 40 + b"</row>]]></t></is></c></row>"
    assert sheet_pieces.without_trailing_empties(row) == row


class _Searched(bytes):
    """Bytes that note what is looked for in them."""

    sought: list[bytes]

    def __contains__(self, part: Any) -> bool:
        self.sought.append(bytes(part))
        return super().__contains__(part)


def test_a_piece_is_searched_for_cdata_only_where_it_holds_a_bracket() -> None:
    """A piece of a merged province is 16 MB: the whole CDATA opening is looked for only
    in one that holds its "[", which a search for one byte finds at memory's speed."""
    rows = b'<row><c t="inlineStr"><is><t>a</t></is></c>' + b"<c/>" * 40 + b"</row>"
    plain = _Searched(rows)
    plain.sought = []
    assert sheet_pieces.without_trailing_empties(plain) == rows.replace(b"<c/>" * 32, b"")
    assert plain.sought == [b"["]
    bracket = _Searched(rows.replace(b">a<", b">[a]<"))
    bracket.sought = []
    assert sheet_pieces.without_trailing_empties(bracket).count(b"<c/>") == 8
    assert bracket.sought == [b"[", b"<![CDATA["]


def test_a_merged_roster_is_parsed_without_its_rows_trailing_empty_cells(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each piece of a merged roster calamine is given holds no row ending in a run of
    empty cells, and the roster reads as it does whole."""
    merged = merged_county(tmp_path)
    with zipfile.ZipFile(merged) as zf:
        assert b"<c/>" * sheet_pieces.EMPTY_RUN + b"</row>" in zf.read(SHEET)
    whole = run("validate", merged, "--format", "json")
    given: list[bytes] = []
    opened = calamine.CalamineWorkbook.from_filelike

    def parse(book: Any) -> Any:
        with zipfile.ZipFile(book) as zf:
            given.extend(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
        book.seek(0)
        return opened(book)

    monkeypatch.setattr(calamine.CalamineWorkbook, "from_filelike", parse)
    (read, *_) = reading.read_sheets(merged, SheetReader(merged))
    assert read.table is not None and len(read.table) == 40
    run_of_empties = b"<c/>" * sheet_pieces.EMPTY_RUN + b"</row>"
    assert given and not any(run_of_empties in piece for piece in given)
    monkeypatch.undo()
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces = run("validate", merged, "--format", "json")
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)


def test_equal_texts_of_a_sheet_read_in_pieces_are_one_object(
    tmp_path: Path, small_pieces: None
) -> None:
    path = write_xlsx(
        tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *map(child_row, range(1, 80))]}
    )
    (read,) = reading.read_sheets(path, SheetReader(path))
    assert read.table is not None
    genders, births = read.table.raw["gender"], read.table.raw["birth_date"]
    assert len(genders) == 79 and len({id(v) for v in genders}) == 1
    assert len(births) == 79 and len({id(v) for v in births}) == 1
    ids = read.table.raw["id_number"]  # a column of distinct values is left as it is
    assert len(set(ids)) == 79


def test_a_column_of_distinct_first_rows_is_not_shared_in_later_pieces(
    tmp_path: Path, small_pieces: None
) -> None:
    """Whether a column's equal texts are given one object is judged once, on its first
    rows: a column of addresses each its own there is left as calamine gives it after,
    though a later piece repeats one address, and still reads as written."""
    rows = [
        child_row(n, 家庭住址=f"青山镇幸福村{n}组" if n <= 30 else "青山镇幸福村9组")
        for n in range(1, 80)
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    (read,) = reading.read_sheets(path, SheetReader(path))
    assert read.table is not None
    addresses = read.table.raw["home_address"]
    assert addresses[:2] == ["青山镇幸福村1组", "青山镇幸福村2组"]
    assert addresses[30:] == ["青山镇幸福村9组"] * 49
    assert len({id(v) for v in addresses[30:]}) == 49


def test_numbers_in_a_column_of_equal_texts_stay_as_typed_when_read_in_pieces(
    tmp_path: Path, small_pieces: None
) -> None:
    """A column of repeated texts gives equal texts one object, but its number and
    TRUE cells stay apart though 1 == 1.0 == True: each is read as typed."""
    typed = {70: 1, 72: True, 74: 1.5, 76: 1}
    rows = [child_row(n, 性别=typed.get(n, "女")) for n in range(1, 80)]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    (read,) = reading.read_sheets(path, SheetReader(path))
    assert read.table is not None
    genders = read.table.raw["gender"]
    assert [(v, type(v)) for v in genders[69:76:2]] == [
        (1.0, float),
        (True, bool),
        (1.5, float),
        (1.0, float),
    ]
    assert len({id(v) for v in genders[:60]}) == 1


def test_rows_numbered_out_of_order_across_pieces_are_refused(
    tmp_path: Path, small_pieces: None
) -> None:
    late = b"".join(
        b'<row r="%d"><c t="inlineStr"><is><t>%s</t></is></c></row>' % (r, f"张伟{r}".encode())
        for r in [*range(100, 160), *range(1, 40)]
    )
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(late))
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lbc: 错误：{path} 已损坏或不是真正的 Excel 文件"
        "（工作表中后面的行编号比前面的小，行的顺序颠倒）\n"
    )


def _inline_rows(rows: list[list[str]]) -> bytes:
    """Rows of inline text cells, without numbers (as lbc merge writes them)."""
    return b"".join(
        b"<row>"
        + b"".join(
            b'<c t="inlineStr"><is><t>%s</t></is></c>' % str(v).encode() if v else b"<c/>"
            for v in row
        )
        + b"</row>"
        for row in rows
    )


def test_a_sheet_whose_xml_stops_between_rows_is_refused_in_pieces_as_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [list(CHILD_HEADER), *(child_row(i + 1) for i in range(40))]
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(_inline_rows(rows), closed=False))
    refused = f"lbc: 错误：{path} 已损坏或不是真正的 Excel 文件（工作表的内部结构不完整或有错）\n"
    whole = run("validate", path, "--format", "json")
    assert (whole.exit_code, whole.stdout, whole.stderr) == (2, "", refused)
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces = run("validate", path, "--format", "json")
    # Not the first children as the whole roster, said to be fine.
    assert (pieces.exit_code, pieces.stdout, pieces.stderr) == (2, "", refused)


def test_a_sheets_end_written_in_a_cdata_text_is_read_as_text_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [list(CHILD_HEADER), *(child_row(i + 1) for i in range(40))]
    rows[20] = child_row(20, 家庭住址="@")
    xml = _inline_rows(rows).replace(b"<t>@</t>", b"<t><![CDATA[\xe6\x9d\x91</sheetData>]]></t>")
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_workbook(xml))
    whole = run("validate", path, "--format", "json")
    assert whole.json()["files"][0]["sheets"][0]["rows"] == 40
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces = run("validate", path, "--format", "json")
    assert (pieces.exit_code, pieces.stdout, pieces.stderr) == (whole.exit_code, whole.stdout, "")


_CELL = st.one_of(
    st.just(""), st.sampled_from(["张伟", "女", "三年级(2)班", "是"]), st.floats(0, 9)
)


@settings(max_examples=80, deadline=None)
@given(
    cells=st.lists(st.lists(_CELL, min_size=2, max_size=len(CHILD_HEADER) + 3), max_size=12),
    ragged=st.booleans(),
)
def test_a_table_reads_a_cell_past_its_rows_end_as_an_empty_one(
    cells: list[list[Any]], ragged: bool
) -> None:
    """Rows shorter than the header (a later piece of a merged roster is as wide as its
    own filled columns), of one length or not, make the table the same rows padded with
    empty cells make: the columns are taken from the rows in one pass where they are of
    one length, cell by cell where not."""
    width = len(CHILD_HEADER)
    rows = [[f"张{i}", *row] for i, row in enumerate(cells)]
    if not ragged:
        length = min(map(len, rows), default=0)
        rows = [row[:length] for row in rows]
    grid = [CHILD_HEADER, *rows]
    padded = [CHILD_HEADER, *([*row, *[None] * (width - len(row))] for row in rows)]
    made = [
        build_table("f.xlsx", reading.RawSheet("S", [list(r) for r in g]), None)
        for g in (grid, padded)
    ]
    if made[0] is None or made[1] is None:
        assert made[0] is made[1] is None
        return
    short, full = made
    assert short.rows == full.rows
    assert {k: [(v, type(v)) for v in c] for k, c in short.raw.items()} == {
        k: [(v, type(v)) for v in c] for k, c in full.raw.items()
    }


def test_a_merged_roster_read_in_pieces_is_inflated_once(
    tmp_path: Path,
    small_pieces: None,
    monkeypatch: pytest.MonkeyPatch,
    count_inflations: Callable[[], list[str]],
) -> None:
    """lbc merge's sheet is looked at before calamine as its pieces are cut, not inflated
    once to be looked at and again to be read (a merged province's 1.5 GB of XML took
    6 s of CPU to inflate twice); what validate says is the same."""
    merged = merged_county(tmp_path, {(3, "身份证号"): "#N/A"})
    inflated = count_inflations()
    pieces = run("validate", merged, "--format", "json")
    assert inflated.count(SHEET) == 1
    monkeypatch.undo()
    whole = run("validate", merged, "--format", "json")
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)
    assert [f["row"] for f in whole.json()["findings"] if f["code"] == "VAL007"] == [5, 25]


def _saved_by_excel(path: Path, shape: str) -> Path:
    """A roster as Excel saves it, every row and cell numbered: its 班级 cells merged
    (stated after the rows), or its last children in rows past 99,999."""
    if shape == "merged":
        return _roster(path, 60)
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(CHILD_HEADER)
    for i in range(40):
        for j, value in enumerate(child_row(i + 1)):
            ws.cell(2 + i + (100_000 if i >= 20 else 0), 1 + j, value)
    wb.save(path)
    return path


@pytest.mark.parametrize(("shape", "inflations"), [("merged", 2), ("far", 3)])
def test_a_sheet_excel_saved_is_looked_at_first_not_read_twice(
    tmp_path: Path,
    small_pieces: None,
    monkeypatch: pytest.MonkeyPatch,
    count_inflations: Callable[[], list[str]],
    shape: str,
    inflations: int,
) -> None:
    """Only a sheet laid out as lbc merge writes it (no row or cell numbered) is looked at
    as its pieces are cut. One Excel saved, its rows numbered, is looked at first: its
    merged range or its rows past 99,999 found by the look as it was read sent it again
    from its start, inflated and cut a second time (a province: 40% more CPU). It is
    inflated to be looked at (a far cell's columns looked through again, as any sheet's)
    and once to be read; what validate says is what it says of the sheet read whole."""
    path = _saved_by_excel(tmp_path / "花名册.xlsx", shape)
    with zipfile.ZipFile(path) as zf:
        assert b' r="' in zf.read(SHEET)
    inflated = count_inflations()
    pieces = run("validate", path, "--format", "json")
    assert inflated.count(SHEET) == inflations
    monkeypatch.undo()
    whole = run("validate", path, "--format", "json")
    assert (pieces.exit_code, pieces.stdout) == (whole.exit_code, whole.stdout)
    assert whole.json()["files"][0]["sheets"][0]["rows"] == (60 if shape == "merged" else 40)


class _Sought:
    """A compiled pattern that notes each search with it."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.searched = pattern, 0

    def search(self, *args: Any) -> Any:
        self.searched += 1
        return self.pattern.search(*args)


def test_the_end_of_a_sheets_rows_is_looked_for_where_it_holds_a_capital_d() -> None:
    """Each stretch of a sheet cut into pieces is searched for "</sheetData>": only once
    a search for its "D", at memory's speed, finds one (row XML seldom holds one); where
    found, it is told apart from a CDATA text's only where a "[" is there too."""
    cutter = sheet_pieces._Cutter(b"", b"", b"")
    rows = _Searched(b'<row><c t="inlineStr"><is><t>a</t></is></c></row>' * 3)
    rows.sought = []
    assert cutter.closing(rows) is None
    assert rows.sought == [b"D"]
    end = _Searched(bytes(rows) + b"</sheetData><mergeCells/>")
    end.sought = []
    assert cutter.closing(end) == len(rows)
    assert end.sought == [b"D", b"["]


class _Backwards(bytes):
    """Bytes that note each search for the last of something in them."""

    rfound: list[bytes]

    def rfind(self, part: Any, *args: Any) -> int:
        self.rfound.append(bytes(part))
        return super().rfind(part, *args)


def test_xml_without_a_cells_reference_is_looked_at_as_it_is_not_searched_backwards() -> None:
    """The look before calamine cuts a sheet's XML before its last "r=" so no cell is cut
    in two: a block without one (lbc merge's XML holds none) is passed on as it is, not
    copied, and is not searched back from its end, several times slower than forwards;
    a block with one is cut before its last, as before."""
    plain = _Backwards(b'<row><c t="inlineStr"><is><t>r</t></is></c></row>' * 50)
    plain.rfound = []
    ((data, cells),) = reading._cell_chunks([plain])
    assert (data is plain, cells, plain.rfound) == (True, False, [])
    blocks = [b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r', b'="A2"><v>2</v></c>']
    assert list(reading._cell_chunks([*blocks, b"</row>"])) == [
        (b'<row r="1"><c r="A1"><v>1</v></c></row><row ', True),
        (b'r="2"><c ', True),
        (b'r="A2"><v>2</v></c></row>', True),
    ]
