"""Files that are not a readable roster: exit 2 and one clear line on stderr, never a traceback.

Every case builds a real file (openpyxl, then zipfile to tamper with the XML inside an
.xlsx, msoffcrypto to put a password on one) and runs the real CLI. The cases that could
take the whole process down if a guard regressed (a filled cell at the far corner of a
sheet, which python-calamine would try to allocate as one dense grid) run in a child
process with a memory cap, so a regression fails one test instead of killing pytest.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import CHILD_HEADER, Result, child_row, cpu_seconds, run, write_xlsx
from lbc.roster import reading

PREFIX = "lbc: 错误："
SHEET_XML = "xl/worksheets/sheet1.xml"


# ---------------------------------------------------------------- helpers


def assert_refused(result: Result, *words: str) -> str:
    """Exit 2, nothing on stdout, exactly one stderr line with the prefix and every word."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith(PREFIX), line
    assert "内部错误" not in line, line
    for word in words:
        assert word in line, (word, line)
    return line


def roster(path: Path, n: int = 2) -> Path:
    """A small clean children roster (sheet 花名册) with ``n`` children."""
    rows = [CHILD_HEADER] + [child_row(i + 1) for i in range(n)]
    return write_xlsx(path, {"花名册": rows})


def rewrite_zip(src: Path, dst: Path, edit: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy an .xlsx member by member; ``edit(name, data)`` may change a member's bytes,
    return None to keep them, or add members by returning them under their own name."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            changed = edit(info.filename, data)
            zout.writestr(info, data if changed is None else changed)
    return dst


def xml_text(data: bytes) -> str:
    """A part's XML as text with Chinese as characters: openpyxl writes them as character
    references when lxml is installed."""

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1))
        return chr(code) if code > 127 else m.group(0)

    return re.sub(r"&#(\d+);", char, data.decode("utf-8"))


def edit_sheet(src: Path, dst: Path, fn: Callable[[str], str]) -> Path:
    """Rewrite the first worksheet's XML text with ``fn``."""

    def edit(name: str, data: bytes) -> bytes | None:
        return fn(xml_text(data)).encode("utf-8") if name == SHEET_XML else None

    return rewrite_zip(src, dst, edit)


def add_row(xml: str, row_xml: str) -> str:
    assert "</sheetData>" in xml
    return xml.replace("</sheetData>", row_xml + "</sheetData>", 1)


def lbc_in_child(
    *args: str | os.PathLike[str],
    timeout: float = 300,
    env: dict[str, str] | None = None,
    prelude: str = "",
) -> Result:
    """Run lbc in a fresh interpreter (no console script needed), memory capped at 2 GB,
    with no ``LBC_`` variables but those in ``env``, after the Python code ``prelude``.

    Used where a regression would make python-calamine abort the process: the test then
    fails on the exit status instead of taking pytest down with it.
    """

    def cap_memory() -> None:
        import resource

        limit = 2 * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    variables = {k: v for k, v in os.environ.items() if not k.startswith("LBC_")}
    variables.update(env or {}, NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-c", prelude + "\nfrom lbc.cli import main; main()", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=variables,
        preexec_fn=cap_memory if sys.platform != "win32" else None,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def seconds_of_lbc_in_child(*args: str | os.PathLike[str]) -> tuple[Result, float]:
    """lbc_in_child, and the CPU seconds it took (conftest.cpu_seconds)."""
    before = cpu_seconds()
    result = lbc_in_child(*args)
    return result, cpu_seconds() - before


# ---------------------------------------------------------------- not a file


def test_missing_path(tmp_path: Path) -> None:
    assert_refused(
        run("validate", tmp_path / "没有这个花名册.xlsx"), "找不到", "没有这个花名册.xlsx"
    )


def test_missing_path_in_english(tmp_path: Path) -> None:
    result = run("--lang", "en", "validate", tmp_path / "gone.xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"lbc: error: file not found: {tmp_path / 'gone.xlsx'}"]


def test_a_folder_is_read_file_by_file(tmp_path: Path) -> None:
    folder = tmp_path / "三年级花名册"
    (folder / "二班").mkdir(parents=True)
    roster(folder / "一班.xlsx")
    roster(folder / "二班" / "r.xlsx", n=1)
    (folder / "~$一班.xlsx").write_bytes(b"lock")  # Excel's lock file is passed over
    result = run("validate", folder, "--format", "json")
    assert [f["file"] for f in result.json()["files"]] == [
        str(folder / "一班.xlsx"),
        str(folder / "二班" / "r.xlsx"),
    ]


def test_an_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "三年级花名册"
    folder.mkdir()
    assert_refused(run("validate", folder), "三年级花名册", "没有找到表格文件")


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods", ".csv"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"空{suffix}"
    path.write_bytes(b"")
    assert_refused(run("validate", path), path.name, "空文件")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "花名册.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert_refused(run("validate", path), "花名册.docx", "不是支持的表格格式")


# ---------------------------------------------------------------- not a real workbook


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".xlsb", ".ods", ".xls"])
def test_random_bytes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"乱码{suffix}"
    path.write_bytes(random.Random(suffix).randbytes(8192))
    assert_refused(run("validate", path), path.name, "损坏")


def test_random_bytes_behind_a_zip_signature(tmp_path: Path) -> None:
    path = tmp_path / "假的.xlsx"
    path.write_bytes(b"PK\x03\x04" + random.Random(1).randbytes(8192))
    assert_refused(run("validate", path), path.name, "损坏")


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "压缩包.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "这不是表格")
    assert_refused(run("validate", path), path.name, "损坏")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_zip(tmp_path: Path, fraction: float) -> None:
    data = roster(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "截断.xlsx"
    path.write_bytes(data[: int(len(data) * fraction)])
    assert_refused(run("validate", path), path.name, "损坏")


def test_corrupt_zip_member(tmp_path: Path) -> None:
    """Garbage in the middle of the worksheet's compressed stream."""
    src = roster(tmp_path / "whole.xlsx", n=30)
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(SHEET_XML)
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    middle = start + info.compress_size // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0x5A
    path = tmp_path / "损坏.xlsx"
    path.write_bytes(bytes(data))
    assert_refused(run("validate", path), path.name, "损坏")


def test_ole_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    """An .xls with the OLE signature but nothing after it."""
    path = tmp_path / "旧格式.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert_refused(run("validate", path), path.name, "损坏")


def test_password_protected_workbook(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = roster(tmp_path / "plain.xlsx")
    path = tmp_path / "加密花名册.xlsx"
    with plain.open("rb") as fh, path.open("wb") as out:
        OOXMLFile(fh).encrypt("123456", out)
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # now an OLE container
    assert_refused(run("validate", path), path.name, "密码")


def test_password_protected_workbook_renamed_xls(tmp_path: Path) -> None:
    """Schools rename files; the OLE container must still be recognised as encrypted."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = roster(tmp_path / "plain.xlsx")
    buf = io.BytesIO()
    with plain.open("rb") as fh:
        OOXMLFile(fh).encrypt("123456", buf)
    path = tmp_path / "加密花名册.xls"
    path.write_bytes(buf.getvalue())
    assert_refused(run("validate", path), path.name, "密码")


# ---------------------------------------------------------------- readable, but no roster


def test_no_children_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "杂表.xlsx",
        {"Sheet1": [["项目", "金额"], ["粉笔", 12.5]], "空表": []},
    )
    assert_refused(run("validate", path), path.name, "没有找到留守儿童名册")


def test_only_a_teachers_sheet(tmp_path: Path) -> None:
    teachers = [["姓名", "性别", "联系电话", "职务"], ["王老师", "女", "13812345678", "班主任"]]
    path = write_xlsx(tmp_path / "教师.xlsx", {"教师": teachers})
    assert_refused(run("validate", path), "没有找到留守儿童名册")


def test_workbook_with_only_empty_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "空白.xlsx", {"Sheet1": [], "Sheet2": []})
    assert_refused(run("validate", path), path.name, "没有找到留守儿童名册")


def test_header_only_roster_is_read_and_said_to_hold_no_children(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "新学期.xlsx", {"花名册": [CHILD_HEADER]})
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    doc = result.json()
    assert doc["summary"]["children"] == 0
    assert doc["summary"]["by_code"] == {"REQ002": 1}


# ---------------------------------------------------------------- far-away cells


def test_dimension_claiming_the_whole_sheet_is_read_normally(tmp_path: Path) -> None:
    """<dimension> is only a hint Excel writes; a styling accident must not block a school."""
    src = roster(tmp_path / "src.xlsx")
    path = edit_sheet(
        src,
        tmp_path / "dimension.xlsx",
        lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml),
    )
    with zipfile.ZipFile(path) as zf:
        assert b'<dimension ref="A1:XFD1048576"/>' in zf.read(SHEET_XML)
    started = cpu_seconds()
    result = run("validate", path, "--format", "json")
    assert cpu_seconds() - started < 10
    assert result.exit_code == 0, result.stderr
    assert result.json()["summary"]["children"] == 2


def test_styled_empty_cells_at_the_edge_are_ignored(tmp_path: Path) -> None:
    """Formatting down to the last row and across to XFD leaves value-less cells only."""
    src = roster(tmp_path / "src.xlsx")
    styled = '<row r="1048576"><c r="XFD1048576" s="0"/><c r="A1048576" s="0"/></row>'
    path = edit_sheet(src, tmp_path / "styled.xlsx", lambda xml: add_row(xml, styled))
    result = lbc_in_child("validate", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["summary"]["children"] == 2


def honest_dimension(xml: str, last: str) -> str:
    """The <dimension> Excel would write once ``last`` is filled."""
    return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:{last}"/>', xml)


def without_dimension(xml: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"\s*/>', "", xml)


@pytest.mark.parametrize(
    ("ref", "value"),
    [
        ("XFD1048576", '<c r="XFD1048576" t="inlineStr"><is><t> </t></is></c>'),
        ("XFD1048576", '<c r="XFD1048576"><v>1</v></c>'),
        ("xfd1048576", "<c r='xfd1048576'><v>1</v></c>"),
        ("A99999999", '<c r="A99999999"><v>1</v></c>'),
        ("XFD1048576", '<c r = "XFD1048576"><v>1</v></c>'),
        ("XFD1048576", '<c\nr\t=\n"XFD1048576"><v>1</v></c>'),
    ],
    ids=[
        *("blank-text", "number", "lower-case-single-quotes", "beyond-excel-rows"),
        *("spaced-equals", "equals-between-line-breaks"),
    ],
)
def test_filled_cell_in_the_far_corner_is_refused_quickly(
    tmp_path: Path, ref: str, value: str
) -> None:
    """One stray value there makes calamine ask for a 512 GB grid and abort the process.

    Excel records such a cell in the sheet's <dimension>; a writer may also leave the
    element out (openpyxl's write-only mode). Both must be refused with a clear line.
    """
    src = roster(tmp_path / "src.xlsx")
    row = int(re.sub(r"\D", "", ref))

    def far(xml: str) -> str:
        xml = without_dimension(xml) if "'" in value else honest_dimension(xml, ref.upper())
        return add_row(xml, f'<row r="{row}">{value}</row>')

    path = edit_sheet(src, tmp_path / "远处.xlsx", far)
    result, seconds = seconds_of_lbc_in_child("validate", path)
    assert seconds < 15
    assert result.exit_code == 2, (result.exit_code, result.stderr[-2000:])
    assert_refused(result, path.name, "花名册", ref, "很远")


_IN_PIECES = (
    "from lbc.roster import reading, sheet_pieces\n"
    "reading.PIECES_BYTES = 0\n"
    "sheet_pieces.PIECE_BYTES = 2048"
)


@pytest.mark.parametrize("pieces", [False, True], ids=["whole", "in-pieces"])
@pytest.mark.parametrize(
    ("bare", "far_row", "cell", "cols"),
    [
        (False, '<row r="1048576">' + "<c><v>1</v></c>" * 20 + "</row>", "T1048576", 20),
        (False, '<row r="1048576">' + "<c><v>1</v></c>" * 16384 + "</row>", "XFD1048576", 16384),
        (True, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "XFD1048576", 16384),
    ],
    ids=["far-row-of-cells-without-references", "far-row-16384-wide", "far-cell-among-bare"],
)
def test_a_far_row_is_refused_as_a_far_cell_is(
    tmp_path: Path, bare: bool, far_row: str, cell: str, cols: int, pieces: bool
) -> None:
    """A row's own r places the cells in it that have none (a writer may number only the
    rows): one numbered 1048576 holding values is as far as a value in cell T1048576, and
    a far cell in a sheet whose other cells have no reference makes the grid start at A1.
    Read, the first took ~950 MB; 16,384 such cells, or that far cell, aborted calamine."""
    src = roster(tmp_path / "src.xlsx")

    def far(xml: str) -> str:
        if bare:
            xml = re.sub(r'(<c[^>]*?) r="[A-Z]+[0-9]+"', r"\1", without_dimension(xml))
        return add_row(xml, far_row)

    path = edit_sheet(src, tmp_path / "远处.xlsx", far)
    result = lbc_in_child("validate", path, prelude=_IN_PIECES if pieces else "")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"lbc: 错误：{path} 的工作表“花名册”在很远的单元格 {cell} 有内容，要读取 1048576 行 × "
        f"{cols} 列，超出花名册可能的范围，已拒绝读取（删掉该单元格的内容后另存再试）\n"
    )


def test_filled_cell_far_right_is_refused(tmp_path: Path) -> None:
    src = roster(tmp_path / "src.xlsx")

    def far_right(xml: str) -> str:
        cell = '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c>'
        return honest_dimension(xml, "XFD3").replace("</row>", cell + "</row>", 1)

    path = edit_sheet(src, tmp_path / "很宽.xlsx", far_right)
    result = lbc_in_child("validate", path)
    assert_refused(result, path.name, "XFD1", "16384 列")


def test_a_wide_but_possible_roster_is_read(tmp_path: Path) -> None:
    """A value in column ALL (1000) is within bounds: the roster still validates."""
    src = roster(tmp_path / "src.xlsx")

    def wide(xml: str) -> str:
        return xml.replace("</row>", '<c r="ALL1"><v>1</v></c></row>', 1)

    path = edit_sheet(src, tmp_path / "宽.xlsx", wide)
    result = lbc_in_child("validate", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["summary"]["children"] == 2


def test_stray_value_on_a_second_sheet_names_that_sheet(tmp_path: Path) -> None:
    """Written by openpyxl itself: the way a stray keystroke at Ctrl+End ends up saved."""
    wb = Workbook()
    wb.active.title = "花名册"
    for row in [CHILD_HEADER, child_row(1)]:
        wb.active.append(row)
    notes = wb.create_sheet("备注")
    notes["A1"] = "说明"
    notes["XFD1048576"] = "x"
    path = tmp_path / "两张表.xlsx"
    wb.save(path)
    assert_refused(lbc_in_child("validate", path), "“备注”", "XFD1048576", "很远")


def test_a_long_roster_with_a_gap_is_read(tmp_path: Path) -> None:
    """Rows past 99,999 take the careful path, and a 150,000-row grid is still allowed."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    for row in [CHILD_HEADER, child_row(1), child_row(2, name="李明", gender="男")]:
        ws.append(row)
    for j, value in enumerate(child_row(3, name="王芳"), start=1):
        ws.cell(row=150_000, column=j, value=value)
    path = tmp_path / "长表.xlsx"
    wb.save(path)
    result = lbc_in_child("validate", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["summary"]["children"] == 3
    assert result.json()["files"][0]["sheets"][0]["rows"] == 3


# ---------------------------------------------------------------- a <dimension> that lies

FAR_ROW = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def claim_dimension(xml: str, ref: str) -> str:
    return re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)


def patch_member(
    path: Path, member: str, *, crc: int | None = None, file_size: int | None = None
) -> None:
    """Overwrite a member's CRC or uncompressed size in both its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    headers = [(info.header_offset + 14, info.header_offset + 22)]
    for m in re.finditer(rb"PK\x01\x02", data):
        name_len = struct.unpack_from("<H", data, m.start() + 28)[0]
        if data[m.start() + 46 : m.start() + 46 + name_len] == member.encode():
            headers.append((m.start() + 16, m.start() + 24))
    assert len(headers) == 2
    for crc_at, size_at in headers:
        if crc is not None:
            struct.pack_into("<I", data, crc_at, crc)
        if file_size is not None:
            struct.pack_into("<I", data, size_at, file_size)
    path.write_bytes(bytes(data))


def test_small_dimension_over_a_far_cell_is_refused(tmp_path: Path) -> None:
    """The sheet says A1:N3 and fills XFD1048576: a small part is scanned whatever it says."""
    src = roster(tmp_path / "src.xlsx")
    path = edit_sheet(
        src, tmp_path / "谎报.xlsx", lambda xml: add_row(claim_dimension(xml, "A1:N3"), FAR_ROW)
    )
    with zipfile.ZipFile(path) as zf:
        assert b'<dimension ref="A1:N3"/>' in zf.read(SHEET_XML)
    assert_refused(lbc_in_child("validate", path), path.name, "花名册", "XFD1048576", "很远")


def test_big_sheet_under_a_tiny_dimension_is_still_scanned(tmp_path: Path) -> None:
    """Over ALWAYS_SCAN_BYTES of filled rows cannot fit in A1:N3: the claim is not believed."""
    src = roster(tmp_path / "src.xlsx")
    target = reading.ALWAYS_SCAN_BYTES + (1 << 20)

    def pad(xml: str) -> str:
        row = re.search(r'<row r="3".*?</row>', xml, re.S)
        assert row
        template = re.sub(r'(r="[A-Z]*)3"', r'\1#"', row.group(0))
        count = target // len(row.group(0)) + 1
        rows = "".join(template.replace("#", str(n)) for n in range(4, 4 + count))
        return add_row(claim_dimension(xml, "A1:N3"), rows + FAR_ROW)

    path = edit_sheet(src, tmp_path / "很长的谎报.xlsx", pad)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo(SHEET_XML).file_size > reading.ALWAYS_SCAN_BYTES
    result, seconds = seconds_of_lbc_in_child("validate", path)
    assert seconds < 15
    assert_refused(result, path.name, "XFD1048576", "很远")


@pytest.mark.parametrize("stored", [False, True], ids=["deflated", "stored"])
def test_inflated_declared_size_does_not_buy_trust(tmp_path: Path, stored: bool) -> None:
    """A header claiming a big part makes a fitting dimension look honest; the sizes betray it.

    Python and calamine stop at the end of the data and neither complains that it came up
    short, so the claimed size must not be enough to skip the scan.
    """
    src = roster(tmp_path / "src.xlsx")
    padding = "<!--" + "x" * 600_000 + "-->" if stored else ""

    def edit(name: str, data: bytes) -> bytes | None:
        if name != SHEET_XML:
            return None
        xml = add_row(claim_dimension(data.decode(), "A1:Z2000"), FAR_ROW)
        return xml.replace("<sheetData>", padding + "<sheetData>", 1).encode()

    path = tmp_path / "虚报大小.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == SHEET_XML:
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zout.writestr(info, edit(info.filename, data) or data)
    claimed = reading.ALWAYS_SCAN_BYTES + (1 << 20)
    assert claimed <= 2000 * 26 * reading.BYTES_PER_CELL  # the dimension fits the claim
    patch_member(path, SHEET_XML, file_size=claimed)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(SHEET_XML)
        assert info.file_size == claimed
        assert len(zf.read(info)) < claimed  # Python reads the short part without a word
    assert_refused(lbc_in_child("validate", path), path.name, "XFD1048576", "很远")


def far_rows_sheet(path: Path, rows: int) -> zipfile.ZipFile:
    """A workbook whose one sheet fills ``rows`` rows from row 100,000 on, ten cells each,
    every cell with its r= as Excel writes it when it saves a merged county roster again."""
    cells = "".join(f'<c r="{c}#"><v>1</v></c>' for c in "ABCDEFGHIJ")
    body = "".join(
        f'<row r="{r}">' + cells.replace("#", str(r)) + "</row>"
        for r in range(100_000, 100_000 + rows)
    )
    xml = f"<worksheet><sheetData>{body}</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(SHEET_XML, xml)
    return zipfile.ZipFile(path)


def test_far_cells_are_measured_in_memory_that_does_not_grow_with_them(tmp_path: Path) -> None:
    """Each far cell's reference once held in a list took GBs on a million children's
    roster saved again by Excel; the pre-scan keeps only the farthest column and row."""
    peaks = []
    for rows in (15_000, 60_000):  # about 1 and 4 pieces of the sheet's XML
        with far_rows_sheet(tmp_path / f"{rows}.xlsx", rows) as zf:
            info = zf.getinfo(SHEET_XML)
            tracemalloc.start()
            try:
                assert reading._check_extent(tmp_path, zf, info, {}) == ([], False, False)
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
    assert peaks[1] < 1.3 * peaks[0]


def test_sheet_part_failing_its_crc_is_refused(tmp_path: Path) -> None:
    """calamine lays a sheet out without checking its CRC; Python refuses to read it."""
    src = roster(tmp_path / "src.xlsx")
    path = edit_sheet(src, tmp_path / "校验错.xlsx", lambda xml: add_row(xml, FAR_ROW))
    patch_member(path, SHEET_XML, crc=0xDEADBEEF)
    assert_refused(lbc_in_child("validate", path), path.name, "损坏")


def test_unreadable_unrelated_part_does_not_stop_the_checks(tmp_path: Path) -> None:
    """A broken part calamine never reads, stored before the sheet, must not end the scan."""
    src = roster(tmp_path / "src.xlsx")
    path = tmp_path / "夹带.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr("docProps/extra.xml", "<x/>")
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == SHEET_XML:
                data = add_row(data.decode(), FAR_ROW).encode()
            zout.writestr(info, data)
    patch_member(path, "docProps/extra.xml", crc=0xDEADBEEF)
    assert_refused(lbc_in_child("validate", path), path.name, "XFD1048576", "很远")


@pytest.mark.parametrize(
    ("part", "target", "rel_extra"),
    [
        ("xl/other/sheet1.xml", "/xl/other/sheet1.xml", ""),
        ("xl/Worksheets/Sheet1.XML", "worksheets/Sheet1.XML", ""),
        ("xl/worksheets/sub/s.xml", "xl/worksheets/sub/s.xml", ""),
        # an unbound prefix: not well-formed for Python, fine for calamine
        ("xl/other/sheet1.xml", "/xl/other/sheet1.xml", ' x:odd="1"'),
    ],
    ids=["other-folder", "upper-case", "sub-folder", "rels-not-well-formed"],
)
def test_sheet_stored_under_another_name_is_still_scanned(
    tmp_path: Path, part: str, target: str, rel_extra: str
) -> None:
    """calamine follows workbook.xml.rels to any part, matched in any case.

    Where those relationships cannot be parsed strictly, every part is scanned as a sheet.
    """
    src = roster(tmp_path / "src.xlsx")

    def edit(name: str, data: bytes) -> bytes | None:
        if name == SHEET_XML:
            return add_row(data.decode(), FAR_ROW).encode()
        if name == "xl/_rels/workbook.xml.rels":
            new = f'Target="{target}"{rel_extra}'.encode()
            return re.sub(rb'Target="[^"]*sheet1\.xml"', new, data)
        if name == "[Content_Types].xml":
            return data.replace(b'"/xl/worksheets/sheet1.xml"', f'"/{part}"'.encode())
        return None

    path = tmp_path / "改名.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            changed = edit(info.filename, data)
            zout.writestr(part if info.filename == SHEET_XML else info.filename, changed or data)
    assert_refused(lbc_in_child("validate", path), path.name, "XFD1048576", "很远")


def _part(file_size: int, compress_size: int, stored: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(SHEET_XML)
    info.file_size, info.compress_size = file_size, compress_size
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def _head(ref: str | None) -> bytes:
    dimension = f'<dimension ref="{ref}" />' if ref else ""
    return f'<worksheet><sheetPr />{dimension}<sheetData><row r="1">'.encode()


@pytest.mark.parametrize(
    ("info", "ref", "skip"),
    [
        # the bench roster: 86 MB of XML, 11 MB deflated, an honest A1:Z100004
        (_part(85_891_802, 10_977_429), "A1:Z100004", True),
        (_part(85_891_802, 10_977_429), "Z100004:A1", True),
        (_part(85_891_802, 85_891_802, stored=True), "A1:Z100004", True),
        (_part(2_597_930, 327_229), "A1:H8001", False),  # small parts are always scanned
        (_part(85_891_802, 10_977_429), "A1:N3", False),  # 42 cells cannot fill 86 MB
        (_part(85_891_802, 10_977_429), None, False),  # openpyxl writes no dimension
        (_part(85_891_802, 10_977_429), "A1:XFD1048576", False),  # styled to the edge
        (_part(85_891_802, 10_977_429), "A1:ALM100", False),  # wider than MAX_COLUMNS
        (_part(85_891_802, 2_000_000), "A1:Z100004", False),  # 43:1 is no sheet XML
        (_part(85_891_802, 3_000_000, stored=True), "A1:Z100004", False),  # sizes disagree
    ],
)
def test_when_a_dimension_may_stand_in_for_the_scan(
    info: zipfile.ZipInfo, ref: str | None, skip: bool
) -> None:
    assert reading._may_skip_scan(info, _head(ref)) is skip


# ---------------------------------------------------------------- XML entities

LAUGHS = "".join(
    f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "lol") * 10}">' for i in range(1, 10)
)


def bomb(root: str) -> str:
    """A billion-laughs prolog: &lol9; would expand to 10^9 "lol"s (3 GB)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE {root} [{LAUGHS}]>\n'
    )


def test_entity_bomb_in_sheet(tmp_path: Path) -> None:
    src = roster(tmp_path / "src.xlsx")

    def plant(xml: str) -> str:
        assert "<t>姓名</t>" in xml
        return bomb("worksheet") + xml.replace("<t>姓名</t>", "<t>&lol9;</t>", 1)

    path = edit_sheet(src, tmp_path / "炸弹.xlsx", plant)
    result, seconds = seconds_of_lbc_in_child("validate", path)
    assert seconds < 15
    assert_refused(result, path.name, "不安全的 XML")


def test_entity_bomb_in_shared_strings(tmp_path: Path) -> None:
    """The header's 姓名 moved into a sharedStrings part that carries the bomb."""
    src = roster(tmp_path / "src.xlsx")
    shared = (
        bomb("sst")
        + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"'
        + ' uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    sst_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"

    def edit(name: str, data: bytes) -> bytes | None:
        text = xml_text(data)
        if name == SHEET_XML:
            cell = re.search(r'<c r="B1" t="inlineStr"><is><t>姓名</t></is></c>', text)
            assert cell
            return text.replace(cell.group(0), '<c r="B1" t="s"><v>0</v></c>').encode()
        if name == "[Content_Types].xml":
            part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sst_type}"/>'
            return text.replace("</Types>", part + "</Types>").encode()
        if name == "xl/_rels/workbook.xml.rels":
            rel = f'<Relationship Id="rIdSst" Type="{rel_type}" Target="sharedStrings.xml"/>'
            return text.replace("</Relationships>", rel + "</Relationships>").encode()
        return None

    path = rewrite_zip(src, tmp_path / "共享炸弹.xlsx", edit)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/sharedStrings.xml", shared)
    result, seconds = seconds_of_lbc_in_child("validate", path)
    assert seconds < 15
    assert_refused(result, path.name, "不安全的 XML")


def test_entity_bomb_in_workbook_part(tmp_path: Path) -> None:
    src = roster(tmp_path / "src.xlsx")

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/workbook.xml":
            return None
        text = data.decode("utf-8").replace('name="花名册"', 'name="&lol9;"')
        return (bomb("workbook") + text).encode()

    path = rewrite_zip(src, tmp_path / "工作簿炸弹.xlsx", edit)
    assert_refused(lbc_in_child("validate", path), path.name, "不安全的 XML")


def test_external_entity(tmp_path: Path) -> None:
    """XXE: an entity that would pull a local file into a cell."""
    src = roster(tmp_path / "src.xlsx")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")

    def plant(xml: str) -> str:
        doctype = f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        return doctype + xml.replace("<t>姓名</t>", "<t>&xxe;</t>", 1)

    path = edit_sheet(src, tmp_path / "外部实体.xlsx", plant)
    result = lbc_in_child("validate", path)
    assert "TOPSECRET" not in result.stdout + result.stderr
    assert_refused(result, path.name, "不安全的 XML")


def test_entity_declared_far_into_the_part_is_still_refused(tmp_path: Path) -> None:
    """Past the first 64 KB lbc's own sniff does not look; calamine must still refuse."""
    src = roster(tmp_path / "src.xlsx")

    def plant(xml: str) -> str:
        padding = "<!--" + "x" * 100_000 + "-->\n"
        head = '<?xml version="1.0"?>\n' + padding + f"<!DOCTYPE worksheet [{LAUGHS}]>\n"
        return head + xml.replace("<t>姓名</t>", "<t>&lol9;</t>", 1)

    path = edit_sheet(src, tmp_path / "藏起来的炸弹.xlsx", plant)
    result, seconds = seconds_of_lbc_in_child("validate", path)
    assert seconds < 15
    line = assert_refused(result, path.name)
    assert "不安全" in line or "损坏" in line, line


# ---------------------------------------------------------------- the installed command


def _console_script() -> str | None:
    here = Path(sys.executable).parent
    for candidate in (here / "lbc", here / "lbc.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("lbc")


@pytest.mark.parametrize("case", ["missing", "random"])
def test_console_script_smoke(tmp_path: Path, case: str) -> None:
    """The real `lbc` entry point: exit status 2 and one stderr line, as a shell sees it."""
    script = _console_script()
    if script is None:
        pytest.skip("the lbc console script is not installed next to this Python or on PATH")
    path = tmp_path / "花名册.xlsx"
    if case == "random":
        path.write_bytes(random.Random(7).randbytes(4096))
    env = {k: v for k, v in os.environ.items() if not k.startswith("LBC_")}
    env["NO_COLOR"] = "1"
    proc = subprocess.run(
        [script, "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
    )
    word = "找不到" if case == "missing" else "损坏"
    assert_refused(Result(proc.returncode, proc.stdout, proc.stderr), "花名册.xlsx", word)


CORPUS = Path(__file__).resolve().parent / "data" / "real-world"


@pytest.mark.parametrize(
    ("source", "edits", "reason"),
    [
        ("biff5-rich-text-string.xls", {1596: 251, 18861: 128}, "slice index starts at 16064"),
        ("issue127.xls", {6623: 212, 2834: 187}, "range start index 48109 out of range"),
    ],
)
def test_a_file_that_makes_the_reader_panic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, edits: dict[int, int], reason: str
) -> None:
    """A slightly corrupt .xls makes calamine's Rust code panic (pyo3's PanicException, a
    BaseException): one line naming the file, exit 2, no traceback and none of Rust's own
    panic text on stderr (RUST_BACKTRACE set as a developer's machine may have it)."""
    data = bytearray((CORPUS / source).read_bytes())
    for offset, value in edits.items():
        data[offset] = value
    path = tmp_path / "花名册.xls"
    path.write_bytes(bytes(data))
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    result = lbc_in_child("validate", path)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"lbc: 错误：{path} 已损坏或不是真正的 Excel 文件"
        "（文件内部的数据无法解析，请用 Excel 打开后另存为 .xlsx 再试）\n"
    )
    result = lbc_in_child("--lang", "en", "validate", path)  # the reader's words, in English
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"lbc: error: {path} is corrupt or not a real spreadsheet")
    assert f"its contents cannot be parsed: {reason}" in result.stderr
    assert result.stderr.count("\n") == 1
