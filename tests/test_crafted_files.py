"""Files crafted to take the reader's memory, each built here and small on disk: one line
naming the file and exit 2 for the file alone; in a folder of good schools, the good ones
merged or checked, the crafted one named in one note, exit 1.

Each file is one that the pre-scan (lbc.roster.reading._check_zip_parts) lets through or
cannot see into (.xls, .xlsb): the memory ceiling of the supervised child stops it. The
runs are real console-script runs in a fresh interpreter capped at 2 GB (lbc_in_child), so
a regression fails a test instead of taking pytest down.
"""

from __future__ import annotations

import json
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import xlwt
from test_bad_input import lbc_in_child

from conftest import CHILD_HEADER, child_row, write_xlsx
from lbc.roster import reading

REAL_WORLD = Path(__file__).resolve().parent / "data" / "real-world"
SHEET = "xl/worksheets/sheet1.xml"
# The reading ceiling: lower than the 2 GB the child is capped at, so the runs are quicker.
ONE_GB = {"LBC_MAX_MEMORY": "1G"}
DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')


def good(path: Path, first: int = 1) -> Path:
    return write_xlsx(path, {"花名册": [CHILD_HEADER, child_row(first), child_row(first + 1)]})


def rewrite(source: Path, path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """``source`` copied to ``path``, each member's bytes passed through ``change`` (None:
    leave it to ``change`` to have written it to the open zip itself)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return path


def shared_string_bomb(path: Path) -> Path:
    """One shared string of 100 MB, referenced by 200 cells: 20 GB once each cell holds its
    copy. The string is streamed into the zip, so the test never holds it (100 KB on disk)."""
    source = good(path.with_name("source-" + path.name))
    cells = "".join(
        f'<row r="{r}">'
        + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in "ABCDEFGHIJ")
        + "</row>"
        for r in range(10, 30)
    ).encode()
    relation = (
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    kind = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxml'
        b'formats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in _members(source):
            if name == SHEET:
                data = data.replace(b"</sheetData>", cells + b"</sheetData>")
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", relation)
            elif name == "[Content_Types].xml":
                data = data.replace(b"</Types>", kind)
            zout.writestr(name, data)
        with zout.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
            fh.write(b' count="200" uniqueCount="1"><si><t>')
            block = b"a" * (1 << 20)
            for _ in range(100):
                fh.write(block)
            fh.write(b"</t></si></sst>")
    source.unlink()
    return path


def sparse_sheets(path: Path, count: int = 60) -> Path:
    """``count`` sheets, each a title in A1 and one value in ALL20000: 20 million cells
    each, within MAX_CELLS, but 60 of them (38 GB as calamine lays them out)."""
    sheets = {f"表{n}": [["x"]] for n in range(count)}
    source = write_xlsx(path.with_name("source-" + path.name), sheets)
    far = b'<row r="20000"><c r="ALL20000" t="inlineStr"><is><t>x</t></is></c></row>'

    def change(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet"):
            return data.replace(b"</sheetData>", far + b"</sheetData>")
        return data

    rewrite(source, path, change)
    source.unlink()
    return path


def honest_dimension(path: Path) -> Path:
    """A 17 MB sheet part whose <dimension> honestly covers its 100,000 rows of varied
    values (so it deflates like a real roster), with one value hidden in XFD1048576: the
    pre-scan trusts the dimension of a part this big and skips it."""
    rng = random.Random(7)
    rows = []
    for r in range(4, 48_004):
        values = "".join(
            f'<c r="{c}{r}"><v>{rng.randrange(1000)}</v></c>' for c in "ABCDEFGHIJKLMN"
        )
        rows.append(f'<row r="{r}">{values}</row>')
    body = "".join(rows).encode()
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'

    def change(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        data = data.replace(b"</sheetData>", body + far + b"</sheetData>")
        return DIMENSION.sub(b'<dimension ref="A1:Z100000"/>', data)

    source = good(path.with_name("source-" + path.name))
    rewrite(source, path, change)
    source.unlink()
    return path


def inflated_member(path: Path) -> Path:
    """A sheet part that claims 17 MB over a 600 KB deflate stream: a few hundred bytes of
    real stream (a dimension A1:Z100000 and a value in XFD1048576) padded with zeros that
    Python and calamine both ignore after the stream's end."""
    source = good(path.with_name("source-" + path.name))
    members = _members(source)
    source.unlink()
    xml = DIMENSION.sub(b'<dimension ref="A1:Z100000"/>', dict(members)[SHEET])
    xml = xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = packer.compress(xml) + packer.flush()
    padded = stream + bytes(600_000 - len(stream))
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in members:  # the sheet stored as is, then marked deflated below
            if name == SHEET:
                zout.writestr(name, padded, zipfile.ZIP_STORED)
            else:
                zout.writestr(name, data, zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    name = SHEET.encode()
    # (signature, offset of the method, of CRC and sizes, of the name) in the local header
    # and in the central directory entry
    for signature, method, sizes, named in (
        (b"PK\x03\x04", 8, 14, 30),
        (b"PK\x01\x02", 10, 16, 46),
    ):
        at = data.index(signature)
        while data[at + named : at + named + len(name)] != name:
            at = data.index(signature, at + 4)
        struct.pack_into("<H", data, at + method, zipfile.ZIP_DEFLATED)
        struct.pack_into("<III", data, at + sizes, zlib.crc32(xml), len(padded), 17 << 20)
    path.write_bytes(bytes(data))
    return path


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


def far_xls(path: Path) -> Path:
    """An .xls roster whose last label sits in column 65,536: BIFF8's cell records hold a
    16-bit column, which Excel never fills past 256, but the reader lays the sheet out to it
    (65,536 x 65,536 cells)."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    for r, row in enumerate([CHILD_HEADER, child_row(1), child_row(2)]):
        for c, value in enumerate(row):
            sheet.write(r, c, str(value) if value is not None else "")
    sheet.write(65535, 255, "远")
    book.save(str(path))
    data = bytearray(path.read_bytes())
    label = struct.pack("<HHHH", 0x00FD, 10, 0xFFFF, 0x00FF)  # LABELSST at (65535, 255)
    at = data.index(label)
    struct.pack_into("<H", data, at + 6, 0xFFFF)
    path.write_bytes(bytes(data))
    return path


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    value = shift = 0
    for i in range(most):
        byte = data[at + i]
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at + i + 1
    return value, at + most


def far_xlsb(path: Path) -> Path:
    """tests/data/real-world/date.xlsb with its last row header moved to row 1,048,576
    and that row's first cell to column XFD: in a BIFF12 sheet part, a row header
    (BrtRowHdr, record 0) starts with its 32-bit row, a cell record (1-13) with its 32-bit
    column."""

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.bin":
            return data
        out = bytearray(data)
        at, last_row, first_cell = 0, None, None
        while at < len(data):
            kind, at = _varint(data, at, 2)
            size, at = _varint(data, at, 4)
            if kind == 0:
                last_row, first_cell = at, None
            elif 1 <= kind <= 13 and first_cell is None and last_row is not None:
                first_cell = at
            at += size
        assert last_row is not None and first_cell is not None
        struct.pack_into("<I", out, last_row, 1_048_575)
        struct.pack_into("<I", out, first_cell, 16_383)
        return bytes(out)

    return rewrite(REAL_WORLD / "date.xlsb", path, change)


CRAFTED = {
    "shared-string": (shared_string_bomb, ".xlsx"),
    "honest-dimension": (honest_dimension, ".xlsx"),
    "inflated-member": (inflated_member, ".xlsx"),
    "far-xls": (far_xls, ".xls"),
    "far-xlsb": (far_xlsb, ".xlsb"),
}


@pytest.fixture(params=sorted(CRAFTED))
def crafted(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    make, suffix = CRAFTED[request.param]
    folder = tmp_path / "各校"
    folder.mkdir()
    for n in (1, 2):
        good(folder / f"00{n}-学校.xlsx", first=10 * n)
    return make(folder / f"003-学校{suffix}")


def test_the_crafted_files_are_small_and_get_past_the_pre_scan(crafted: Path) -> None:
    """Each is under 10 MB on disk and is not refused before the reader: what stops it is
    the supervisor's memory ceiling."""
    assert crafted.stat().st_size < 10 << 20
    reading.check_input_path(crafted)
    if crafted.suffix == ".xlsx":
        reading._check_zip_parts(crafted)


def test_sparse_sheets_are_let_go_one_at_a_time(tmp_path: Path) -> None:
    """Sheets each within the limits, too big together (four of 20 million cells, 800 MB
    each as calamine and Python lay them out, under a 1 GB ceiling): each is made into its
    table and let go before the next is read, so the file is read, and said to hold no
    roster, as a file of four empty sheets would be."""
    path = sparse_sheets(tmp_path / "花名册.xlsx", count=4)
    result = lbc_in_child("validate", path, timeout=120, env=ONE_GB)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"lbc: 错误：在 {path} 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）\n"
    )


def test_a_crafted_file_alone_is_one_line_and_exit_2(crafted: Path) -> None:
    result = lbc_in_child("validate", crafted, timeout=120, env=ONE_GB)
    assert (result.exit_code, result.stdout, result.stderr.count("\n")) == (2, "", 1), (
        result.stderr[-2000:]
    )
    assert result.stderr.startswith(f"lbc: 错误：{crafted} 读取时崩溃或内存超限（")


def test_merge_of_a_folder_merges_the_good_schools_and_names_the_crafted_one(
    crafted: Path,
) -> None:
    out = crafted.parent.parent / "县名册.xlsx"
    result = lbc_in_child(
        "merge", crafted.parent, "--out", out, "--format", "json", timeout=180, env=ONE_GB
    )
    assert result.exit_code == 1, result.stderr[-2000:]
    assert out.exists()
    notes = [line for line in result.stderr.splitlines() if str(crafted) in line]
    assert len(notes) == 1 and notes[0].startswith(f"提示：未合并 {crafted}：{crafted} 读取时崩溃")
    doc = json.loads(result.stdout)
    assert doc["summary"]["children"] == 4
    assert [f["file"] for f in doc["failed"]] == [str(crafted)]


def test_validate_of_a_folder_checks_the_good_schools_and_names_the_crafted_one(
    crafted: Path,
) -> None:
    result = lbc_in_child("validate", crafted.parent, "--format", "json", timeout=180, env=ONE_GB)
    assert result.exit_code == 1, result.stderr[-2000:]
    assert result.stderr.splitlines() == [
        f"提示：未读入（其余文件照常检查，退出码为 1）：{crafted} 读取时崩溃或内存超限（"
        + result.stderr.split("读取时崩溃或内存超限（", 1)[1].rstrip("\n")
    ]
    doc = json.loads(result.stdout)
    assert doc["summary"]["children"] == 4
    assert [f["file"] for f in doc["files"]][-1] == str(crafted)
