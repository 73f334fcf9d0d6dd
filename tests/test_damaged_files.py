"""Damaged and oddly made files, written byte by byte here: each is read as Excel would
read it, or refused in one clear line naming the file (exit 2), never a traceback."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_input import lbc_in_child, rewrite_zip
from test_reading import write_ods, write_xls

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    child_row,
    one_error_line,
    run,
    write_child_csv,
    write_xlsx,
)
from lbc.roster import reading, sheet_pieces, xls_errors

ROWS = [CHILD_HEADER, child_row(1), child_row(2)]
WORKBOOK = "xl/workbook.xml"


def refused(path: Path, zh: str, en: str) -> None:
    """``lbc validate PATH`` says ``zh`` and ``lbc --lang en columns PATH`` says ``en``,
    each as its one line (after the prefix), exit 2."""
    assert one_error_line(run("validate", path)) == "lbc: 错误：" + zh
    assert one_error_line(run("--lang", "en", "columns", path)) == "lbc: error: " + en


def csv_text(rows: list[list[object]] = ROWS, end: str = "\r\n") -> str:
    return "".join(",".join("" if v is None else str(v) for v in row) + end for row in rows)


@pytest.mark.parametrize(
    "text",
    [
        csv_text(end="\r"),  # old Mac exports: a lone CR ends each line
        # CRLF, CR and LF in one file, as files pasted together are
        csv_text(ROWS[:1]) + csv_text(ROWS[1:2], end="\r") + csv_text(ROWS[2:], end="\n"),
    ],
    ids=["cr", "mixed"],
)
def test_a_csv_with_any_line_endings_is_read(tmp_path: Path, text: str) -> None:
    path = tmp_path / "花名册.csv"
    path.write_bytes(text.encode("utf-8"))
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json()["summary"]["children"] == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_csv_with_its_bom_is_read(tmp_path: Path, encoding: str) -> None:
    """Excel's "Unicode text" is UTF-16 with a byte-order mark."""
    path = tmp_path / "花名册.csv"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    path.write_bytes(bom + csv_text().encode(encoding))
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json()["summary"]["children"] == 2


@pytest.mark.parametrize("quoted", [False, True])
def test_a_csv_cell_too_long_is_refused_naming_its_line(tmp_path: Path, quoted: bool) -> None:
    path = tmp_path / "花名册.csv"
    cell = "a" * 200_000
    path.write_bytes((csv_text() + (f'"{cell}"' if quoted else cell) + "\r\n").encode())
    refused(
        path,
        f"{path} 第 4 行有一个单元格超过 131072 个字符，不是花名册的内容"
        "（可能缺了配对的引号），已拒绝读取",
        f"line 4 of {path} has a cell of over 131072 characters, which no roster"
        " holds (a quote may be unmatched); refused",
    )


def test_millions_of_blank_lines_after_a_csv_roster_cost_nothing(tmp_path: Path) -> None:
    """Held as rows, 20 million empty lines took 1.3 GB (50 million, 4 GB); trailing ones
    are dropped. Run under a 1 GB ceiling."""
    path = tmp_path / "花名册.csv"
    path.write_bytes(csv_text().encode() + b"\n" * 20_000_000)
    result = lbc_in_child("validate", path, "--format", "json", env={"LBC_MAX_MEMORY": "1G"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json()["summary"]["children"] == 2


def test_a_csv_row_after_millions_of_blank_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "花名册.csv"
    path.write_bytes(csv_text().encode() + b"\n" * 1_500_000 + b"x," * 13 + b"x\n")
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 有 1500004 行 × 14 列，超出花名册可能的范围，已拒绝读取"
    )


def test_blank_lines_inside_a_csv_roster_keep_row_numbers(tmp_path: Path) -> None:
    """A row after blank lines is still named by its own line."""
    path = tmp_path / "花名册.csv"
    bad = child_row(3, 身份证号="511321201605011234")
    path.write_bytes((csv_text() + "\r\n,,,\r\n\r\n" + csv_text([bad])).encode())
    result = run("validate", path, "--format", "json")
    assert result.exit_code == 1
    found = {(f["row"], f["code"]) for f in result.json()["findings"]}
    assert found == {(7, "ID002"), (7, "ID007")}


# ---------------------------------------------------------------- Parquet


def exported(tmp_path: Path) -> Path:
    """A roster exported by lbc to Parquet (its rows with lbc's metadata)."""
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": ROWS})
    out = tmp_path / "导出.parquet"
    assert run("export", roster, "--out", out).exit_code == 0
    return out


def with_column(path: Path, name: str, values: object) -> Path:
    """``path`` rewritten with column ``name`` holding ``values`` (a pyarrow array), its
    metadata kept."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = pq.read_table(path)
    meta = pq.ParquetFile(path).metadata.metadata
    columns = {f.name: values if f.name == name else data.column(f.name) for f in data.schema}
    out = path.with_name(f"{name}.parquet")
    pq.write_table(pa.table(columns).replace_schema_metadata(meta), out)
    return out


@pytest.mark.parametrize("column", ["table", "source_file", "birth_date"])
@pytest.mark.parametrize("nested", ["list", "struct"])
def test_a_parquet_column_of_lists_or_records_is_refused(
    tmp_path: Path, column: str, nested: str
) -> None:
    import pyarrow as pa

    value = [1, 2] if nested == "list" else {"a": 1}
    path = with_column(exported(tmp_path), column, pa.array([value] * 2))
    refused(
        path,
        f"{path} 的 {column} 列每格是一组数据（列表或记录），不是表格的一列，无法读取",
        f"column {column} of {path} holds lists or records in its cells,"
        " not one value each; it cannot be read",
    )


@pytest.mark.parametrize(
    ("values", "shown"),
    [([float("nan")] * 2, "nan"), (["x", "y"], "x"), ([0, 3], "0")],
    ids=["nan", "text", "zero"],
)
def test_a_parquet_source_row_that_is_no_row_number_is_refused(
    tmp_path: Path, values: list[object], shown: str
) -> None:
    import pyarrow as pa

    path = with_column(exported(tmp_path), "source_row", pa.array(values))
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 的 source_row 列第 1 个值“{shown}”不是行号，无法读取"
    )


def test_a_parquet_file_of_no_columns_is_named(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "空.parquet"
    pq.write_table(pa.table({}), path)
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：在 {path} 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）"
    )


# ---------------------------------------------------------------- a sheet read in pieces


def with_sheet_rows(path: Path, extra: bytes) -> Path:
    """``path`` (an .xlsx of openpyxl's) copied with ``extra`` put after its sheet's rows."""

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        return data.replace(b"</sheetData>", extra + b"</sheetData>")

    return rewrite_zip(path, path.with_name("改.xlsx"), edit)


@pytest.mark.parametrize(
    "extra",
    [
        b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + b"a" * (3 << 19) + b"</t></is></c></row>",
        b" " * (3 << 19),
    ],
    ids=["cell", "blank"],
)
@pytest.mark.parametrize("isolated", [False, True])
def test_a_sheet_read_in_pieces_with_a_row_too_long_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: bytes, isolated: bool
) -> None:
    """A stretch of XML in which no row starts was joined and searched again with every
    block read: a cell of 1.2 GB (1 MB zipped) kept lbc busy for over five minutes. Past
    ROW_BYTES (here 1 MB, in pieces of 256 bytes) the sheet is refused."""
    path = with_sheet_rows(write_xlsx(tmp_path / "花名册.xlsx", {"花名册": ROWS}), extra)
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(reading, "ISOLATE_READS", isolated)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 256)
    monkeypatch.setattr(sheet_pieces, "ROW_BYTES", 1 << 20)
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 的工作表“花名册”中有一行（或一段空白）超过 1 MB，不是花名册的内容，"
        "已拒绝读取：文件可能已损坏或是特制的"
    )


@pytest.mark.parametrize("at", ["first", "later"])
def test_a_stretch_too_long_anywhere_in_a_sheet_read_in_pieces_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: str
) -> None:
    """The pieces are cut by the jobs that parse them, each once the one before has cut
    its own: a stretch too long in the first piece (the job after it waiting) or after
    many pieces is refused in the same words, and the read stops there."""
    rows = [CHILD_HEADER, *map(child_row, range(1, 60))]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    blank = b" " * (3 << 19)

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        if at == "first":
            return data.replace(b"<sheetData>", b"<sheetData>" + blank)
        return data.replace(b"</sheetData>", blank + b"</sheetData>")

    path = rewrite_zip(path, tmp_path / "改.xlsx", edit)
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 512)
    monkeypatch.setattr(sheet_pieces, "ROW_BYTES", 1 << 20)
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 的工作表“花名册”中有一行（或一段空白）超过 1 MB，不是花名册的内容，"
        "已拒绝读取：文件可能已损坏或是特制的"
    )


def test_a_workbook_of_too_many_sheets_is_refused(tmp_path: Path) -> None:
    """Each sheet is parsed on its own: 200,000 listed sheets, all naming the one sheet
    part, kept lbc busy for over five minutes from a 1 MB file."""
    listed = b"".join(
        b'<sheet name="s%d" sheetId="%d" r:id="rId1"/>' % (n, n + 2) for n in range(1000)
    )

    def edit(name: str, data: bytes) -> bytes | None:
        return data.replace(b"</sheets>", listed + b"</sheets>") if name == WORKBOOK else None

    path = rewrite_zip(
        write_xlsx(tmp_path / "源.xlsx", {"花名册": ROWS}), tmp_path / "花名册.xlsx", edit
    )
    assert one_error_line(run("validate", path)) == (
        f"lbc: 错误：{path} 有 1001 个工作表，超出花名册可能的范围，已拒绝读取："
        "文件可能已损坏或是特制的"
    )


def test_a_workbook_zipped_under_a_password_is_said_to_be(tmp_path: Path) -> None:
    """7-Zip or WinRAR can put a password on each member of the zip an .xlsx is (the
    general-purpose flag's bit 0): refused in Chinese, not with zipfile's English
    (which named the member by its repr)."""
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": ROWS})
    data = bytearray(path.read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            data[at + flags] |= 1
            at += 4
    path.write_bytes(bytes(data))
    refused(
        path,
        f"{path} 已损坏或不是真正的 Excel 文件（文件被压缩软件加了密码，请解压后用 Excel 另存）",
        f"{path} is corrupt or not a real spreadsheet (its parts are under a zip"
        " password; unzip it and save it again from Excel)",
    )


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/workbook.xml"])
def test_a_zip_bomb_in_a_part_without_cells_is_refused(tmp_path: Path, part: str) -> None:
    """calamine reads these parts whole before any sheet: a number format of 1.5 GB
    (1.5 MB zipped) took 3 GB, a workbook.xml of 40 million sheet entries 9 GB. Past
    64 MB unpacked they are refused, counted as they unpack."""
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": ROWS})
    with zipfile.ZipFile(path) as zin:
        members = [(info.filename, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            if name != part:
                zout.writestr(name, data)
                continue
            at = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
            with zout.open(name, "w", force_zip64=True) as fh:  # a comment of 65 MB
                fh.write(data[:at] + b"<!-- ")
                for _ in range(65):
                    fh.write(b"x" * (1 << 20))
                fh.write(b" -->" + data[at:])
    refused(
        path,
        f"{path} 中的 {part} 解压后超过 64 MB，表格软件不会存出这样的文件，已拒绝读取："
        "文件可能已损坏或是特制的",
        f"{part} inside {path} unpacks to over 64 MB, which no spreadsheet program saves;"
        " refused: the file may be damaged or crafted",
    )


# ---------------------------------------------------------------- a suffix that lies


@pytest.mark.parametrize(
    ("made", "named", "right"),
    [
        (".xlsx", ".xls", ".xlsx"),
        (".xlsx", ".ods", ".xlsx"),
        (".xlsx", ".xlsb", ".xlsx"),
        (".xlsx", ".csv", ".xlsx"),
        (".xls", ".xlsx", ".xls"),
        (".xls", ".csv", ".xls"),
    ],
)
def test_a_workbook_under_another_suffix_is_told_its_own(
    tmp_path: Path, made: str, named: str, right: str
) -> None:
    """Renamed by hand: said so (the English of calamine or the zip layer before, or an
    'unknown encoding' for a workbook named .csv)."""
    source = tmp_path / f"源{made}"
    (write_xls if made == ".xls" else write_xlsx)(source, {"花名册": ROWS})
    path = source.rename(tmp_path / f"花名册{named}")
    refused(
        path,
        f"{path} 实际是 {right} 格式的 Excel 文件，扩展名却是 {named}："
        f"请把扩展名改为 {right} 后再试",
        f"{path} is an Excel {right} file named {named}: change its suffix to {right}"
        " and try again",
    )


@pytest.mark.parametrize(
    ("data", "zh", "en"),
    [
        (
            "<html><head><meta charset='gbk'></head><body><table><tr><td>姓名</td></tr>"
            "</table></body></html>".encode("gbk"),
            "网页（HTML）文件",
            "a web page (HTML)",
        ),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
            "Excel 2003 XML 表格",
            "an Excel 2003 XML spreadsheet",
        ),
        (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n",
            "网页存档（MHT）文件",
            "a web archive (MHT)",
        ),
        (
            "姓名\t身份证号\t班级\r\n张三\t511321\t三年级\r\n".encode("gbk"),
            "文本文件（如 CSV 或制表符分隔的文本）",
            "a text file (such as CSV or tab-separated text)",
        ),
        (
            "姓名\t身份证号\t班级\r\n".encode("utf-16"),
            "文本文件（如 CSV 或制表符分隔的文本）",
            "a text file (such as CSV or tab-separated text)",
        ),
    ],
    ids=["html", "xml2003", "mht", "tsv-gbk", "tsv-utf16"],
)
@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_text_saved_as_a_workbook_is_said_to_be_text(
    tmp_path: Path, data: bytes, zh: str, en: str, suffix: str
) -> None:
    """Old school systems export a web page, an Excel 2003 XML file or plain text under
    .xls: what it is, and what to do, not 'not an Excel 97-2003 file'."""
    path = tmp_path / f"花名册{suffix}"
    path.write_bytes(data)
    refused(
        path,
        f"{path} 实际是{zh}，不是 Excel 工作簿：请用 Excel 打开它，另存为 .xlsx 后再试",
        f"{path} is really {en}, not an Excel workbook: open it in Excel, save it as .xlsx"
        " and try again",
    )


@pytest.mark.parametrize("target", [None, "../../../../etc/passwd", "/etc/passwd"])
def test_a_sheet_whose_part_is_missing_is_named(tmp_path: Path, target: str | None) -> None:
    """The sheet part left out of the zip, or the relationship pointing out of it: the
    reason was the bare sheet name (calamine's WorksheetNotFound). Nothing outside the
    zip is read."""

    source = write_xlsx(tmp_path / "源.xlsx", {"花名册": ROWS})
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml" and target is None:
                continue  # the part left out
            if info.filename == "xl/_rels/workbook.xml.rels" and target is not None:
                data = re.sub(rb'Target="[^"]*sheet1\.xml"', b'Target="%s"' % target.encode(), data)
            zout.writestr(info, data)
    refused(
        path,
        f"{path} 已损坏或不是真正的 Excel 文件（工作表“花名册”列在目录中，内容却找不到）",
        f"{path} is corrupt or not a real spreadsheet (sheet '花名册' is listed, but its"
        " contents are missing)",
    )


@pytest.mark.parametrize(
    ("edit", "zh", "en"),
    [
        (
            (b'r="A2"', b'r="A0"'),
            "工作表里有单元格位置的写法不对",
            "a cell reference in a sheet is malformed: Range is missing the expected row"
            " component.",
        ),
        (
            (b"<c ", b'<c r="Z1" t="b"><v>yes</v></c><c ', 1),
            "工作表里有单元格的值或类型无法识别",
            "a cell's value or type is not understood: Unrecognized boolean cell value: yes",
        ),
        (
            (b"<c ", b'<c r="Z1" t="s"><v>999</v></c><c ', 1),
            "工作表里有单元格引用的文字不存在",
            "a cell refers to text the workbook does not have: Cell string index not found in"
            " shared strings table",
        ),
        (
            (b"</sheetData>", b'<row r="9"><c r="A9"'),
            "工作表的内部结构不完整或有错",
            "a sheet's XML is incomplete or malformed: sheetData",
        ),
    ],
)
def test_a_sheet_the_reader_cannot_parse_is_said_in_chinese(
    tmp_path: Path, edit: tuple[bytes, ...], zh: str, en: str
) -> None:
    """calamine's reasons are English whatever the interface says: in Chinese the kind of
    damage is said, in English calamine's own words follow it."""
    source = write_xlsx(tmp_path / "源.xlsx", {"花名册": ROWS})
    path = rewrite_zip(
        source,
        tmp_path / "花名册.xlsx",
        lambda name, data: data.replace(*edit) if name == "xl/worksheets/sheet1.xml" else None,
    )
    refused(
        path,
        f"{path} 已损坏或不是真正的 Excel 文件（{zh}）",
        f"{path} is corrupt or not a real spreadsheet ({en})",
    )


def damaged_copy(source: Path, after: bytes) -> Path:
    """``source`` copied to 花名册 of its suffix, its members stored, and one byte changed
    just ``after`` the text given, as a copy gone wrong: the member's CRC fails."""
    path = source.with_name("花名册" + source.suffix)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:  # stored
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
    data = path.read_bytes()
    at = data.index(after) + len(after)
    path.write_bytes(data[:at] + b"X" + data[at + 1 :])
    return path


def test_a_damaged_zip_member_is_said_in_chinese(tmp_path: Path) -> None:
    """A member whose compressed bytes were damaged in a copy: zipfile's English ("Bad CRC-32
    for file …") was the reason."""
    path = damaged_copy(write_xlsx(tmp_path / "源.xlsx", {"花名册": ROWS}), b"<sheetData>")
    refused(
        path,
        f"{path} 已损坏或不是真正的 Excel 文件（文件的压缩数据已损坏，可能在下载或复制时出错："
        "请重新获取原文件，或用 Excel 打开后另存）",
        f"{path} is corrupt or not a real spreadsheet (its compressed data is damaged: Bad"
        " CRC-32 for file 'xl/worksheets/sheet1.xml'. Get the original again, or open it in"
        " Excel and save it again)",
    )


# ---------------------------------------------------------------- .ods


def ods(path: Path, extra: str) -> Path:
    """An .ods roster (one sheet, 花名册, of ROWS) with the rows ``extra`` after them."""
    return write_ods(path, ROWS, extra=extra)


def repeated(rows: int, cols: int, filled: bool = True) -> str:
    value = ' office:value-type="string"><text:p>x</text:p></table:table-cell>'
    cell = f'<table:table-cell table:number-columns-repeated="{cols}"'
    return (
        f'<table:table-row table:number-rows-repeated="{rows}">'
        + cell
        + (value if filled else "/>")
        + "</table:table-row>"
    )


def test_a_damaged_ods_content_is_said_in_chinese(tmp_path: Path) -> None:
    """An .ods whose content.xml was damaged in a copy: the look before calamine inflating
    it failed with zipfile's English, as an internal error ("Bad CRC-32 for file …")."""
    path = damaged_copy(ods(tmp_path / "源.ods", ""), b"<office:body>")
    refused(
        path,
        f"{path} 已损坏或不是真正的 Excel 文件（文件的压缩数据已损坏，可能在下载或复制时出错："
        "请重新获取原文件，或用 Excel 打开后另存）",
        f"{path} is corrupt or not a real spreadsheet (its compressed data is damaged: Bad"
        " CRC-32 for file 'content.xml'. Get the original again, or open it in Excel and save"
        " it again)",
    )


def test_an_ods_with_empty_rows_repeated_to_the_end_is_read(tmp_path: Path) -> None:
    """LibreOffice saves every sheet with its empty rows repeated down to the last row
    and its empty cells across: no value there, nothing laid out."""
    path = ods(tmp_path / "花名册.ods", repeated(1_048_000, 1024, filled=False))
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json()["summary"]["children"] == 2


# ---------------------------------------------------------------- control characters


def with_sheet_name(tmp_path: Path, name: bytes) -> Path:
    """A roster whose sheet is named ``name`` (raw XML text) in xl/workbook.xml, its
    second child's ID number wrong so a finding names the sheet."""
    bad = child_row(2, 身份证号="511321201605011234")
    source = write_xlsx(tmp_path / "源.xlsx", {"花名册": [CHILD_HEADER, child_row(1), bad]})

    def edit(part: str, data: bytes) -> bytes | None:
        old = 'name="花名册"'.encode()
        return data.replace(old, b'name="' + name + b'"') if part == WORKBOOK else None

    return rewrite_zip(source, tmp_path / "花名册.xlsx", edit)


def test_a_sheet_name_with_control_characters_gets_an_annotated_copy(tmp_path: Path) -> None:
    """Character references to control characters are not XML 1.0: calamine reads the
    name, openpyxl refused the file with an internal error (lxml's XMLSyntaxError). The
    copy is made from the values, its sheet named without them."""
    from openpyxl import load_workbook

    path = with_sheet_name(tmp_path, "花名册&#x1;".encode())
    out = tmp_path / "标注.xlsx"
    result = run("validate", path, "--annotate", out)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == f"已写出标注文件：{out}（2 个单元格被标注）\n"
    book = load_workbook(out)
    assert book.sheetnames == ["问题清单", "花名册_"]
    assert book["花名册_"]["D3"].comment.text.startswith("[ID00")


def test_control_characters_in_a_sheet_name_are_shown_not_obeyed(tmp_path: Path) -> None:
    """An ESC in a sheet name or cell reached the terminal: a crafted roster could colour
    it or retitle the window. Printed as symbols; JSON keeps the name as read."""
    path = with_sheet_name(tmp_path, "花&#x1b;[31m&#x1b;]0;x&#x7;".encode())
    result = run("validate", path)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.startswith(f"{path} · 花␛[31m␛]0;x␇\n")
    assert run("columns", path).stdout.startswith(f"{path} 的“花␛[31m␛]0;x␇”：")
    assert (
        run("validate", path, "--format", "json").json()["files"][0]["sheets"][0]["sheet"]
        == "花\x1b[31m\x1b]0;x\x07"
    )


# ---------------------------------------------------------------- cut short

TRUNCATED = "已损坏或不是真正的 Excel 文件（文件不完整，可能在下载或复制时中断：请重新获取原文件）"


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_a_workbook_cut_short_is_said_to_be(tmp_path: Path, fraction: float, suffix: str) -> None:
    """A download or copy cut off: said so, not in the zip layer's or calamine's English
    (Could not find EOCD, Cfb error: Sector 8 points past end of file)."""
    whole = (write_xls if suffix == ".xls" else write_xlsx)(
        tmp_path / f"源{suffix}", {"花名册": ROWS}
    )
    data = whole.read_bytes()
    path = tmp_path / f"花名册{suffix}"
    path.write_bytes(data[: int(len(data) * fraction)])
    refused(
        path,
        f"{path} {TRUNCATED}",
        f"{path} is corrupt or not a real spreadsheet (the file is cut short, perhaps by an"
        " interrupted download or copy: get the original again)",
    )


def with_errors(path: Path, errors: dict[str, str]) -> Path:
    """The workbook with each cell of ``errors`` (A1 ref -> #N/A …) made a formula whose
    value is that error, as Excel saves a VLOOKUP into a sheet since deleted."""

    def edit(name: str, data: bytes) -> bytes | None:
        if not name.startswith("xl/worksheets/"):
            return None
        text = data.decode("utf-8")
        for ref, error in errors.items():
            cell = f'<c r="{ref}" t="e"><f>VLOOKUP(B2,学籍!A:D,4,0)</f><v>{error}</v></c>'
            text = re.sub(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', cell, text, count=1)
        return text.encode("utf-8")

    return rewrite_zip(path, path.with_name("errors.xlsx"), edit)


@pytest.mark.parametrize("folder", [False, True])
def test_a_formulas_error_is_read_as_excel_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: bool
) -> None:
    """calamine gives a cell holding a formula's error (#N/A, #REF!) as an empty cell: a
    roster whose 身份证号 were looked up from a sheet since deleted read as IDs left blank,
    and one whose every name broke as no children at all, "no problems". The error is read
    as the cell's text, as Excel shows it, and checked as any wrong value is; ``folder``:
    read with another school's file, each in a reading child, in pieces (as a file too big
    to read ahead is)."""
    monkeypatch.setattr(reading, "AHEAD_BYTES", 0)
    rows = [CHILD_HEADER, *(child_row(n) for n in (1, 2, 3))]
    school = tmp_path / "县"
    school.mkdir()
    made = write_xlsx(school / "r.xlsx", {"花名册": rows})
    with_errors(made, {"D3": "#N/A", "B4": "#REF!"})
    made.unlink()
    if folder:
        write_xlsx(school / "other.xlsx", {"花名册": rows})
    result = run("validate", school, "--select", "ID,REQ,VAL", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    found = [
        (f["row"], f["column"], f["code"], f["message"])
        for f in result.json()["findings"]
        if f["file"].endswith("errors.xlsx")
    ]
    assert found == [
        (3, "D", "VAL007", "身份证号是公式出错后显示的“#N/A”，不是真实内容"),
        (4, "B", "VAL007", "姓名是公式出错后显示的“#REF!”，不是真实内容"),
    ]


def test_an_xlsx_saved_by_libreoffice_says_its_errors(tmp_path: Path) -> None:
    """LibreOffice saves a failed formula in an .xlsx under Excel's name (#NAME? for a
    function it does not know, #VALUE! for its own Err:502), its cell as LibreOffice 7.4
    writes it, with no calc chain: each is said."""
    made = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})
    cells = {"B2": ("FOOBAR(1)", "#NAME?"), "D3": ("VLOOKUP(A3,学籍!A1:B9,3,0)", "#VALUE!")}

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        text = data.decode("utf-8")
        for ref, (formula, shown) in cells.items():
            cell = f'<c r="{ref}" s="0" t="e"><f aca="false">{formula}</f><v>{shown}</v></c>'
            text = re.sub(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', cell, text, count=1)
        return text.encode("utf-8")

    path = rewrite_zip(made, tmp_path / "lo.xlsx", edit)
    assert val007(str(path)) == [
        (str(path), "花名册", 2, "B", "姓名是公式出错后显示的“#NAME?”，不是真实内容"),
        (str(path), "花名册", 3, "D", "身份证号是公式出错后显示的“#VALUE!”，不是真实内容"),
    ]


def test_an_error_cell_whose_attributes_are_spaced_says_its_error(tmp_path: Path) -> None:
    """XML allows white space either side of an attribute's "=", and calamine reads such a
    cell: its #N/A is said as where the "=" stands alone, not read as a blank."""
    made = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})
    cells = {"B2": ('r = "B2" t = "e"', "#REF!"), "D3": ('r\t=\n"D3"\nt="e"', "#N/A")}

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        text = data.decode("utf-8")
        for ref, (attributes, shown) in cells.items():
            cell = f"<c {attributes}><v>{shown}</v></c>"
            text = re.sub(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', cell, text, count=1)
        return text.encode("utf-8")

    path = rewrite_zip(made, tmp_path / "spaced.xlsx", edit)
    assert val007(str(path)) == [
        (str(path), "花名册", 2, "B", "姓名是公式出错后显示的“#REF!”，不是真实内容"),
        (str(path), "花名册", 3, "D", "身份证号是公式出错后显示的“#N/A”，不是真实内容"),
    ]


def test_a_sheet_whose_name_holds_a_line_break_keeps_its_errors_and_hidden_rows(
    tmp_path: Path,
) -> None:
    """A tab name holding a line break as it is (a program other than Excel wrote it): an
    XML parser reads it as a space, calamine keeps the line break. The sheet's #N/A and its
    hidden row are found all the same, the sheet taken by its place in the workbook, not
    by its name: its ID read as the #N/A it shows (VAL007), not as one left blank, and its
    hidden row said."""
    made = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *map(child_row, (1, 2, 3))]})

    def edit(name: str, data: bytes) -> bytes | None:
        text = data.decode("utf-8")
        if name == "xl/workbook.xml":
            return re.sub(r'name="[^"]*"', 'name="花名\n册"', text, count=1).encode("utf-8")
        if name != "xl/worksheets/sheet1.xml":
            return None
        cell = '<c r="D3" t="e"><f>VLOOKUP(B3,学籍!A:D,4,0)</f><v>#N/A</v></c>'
        text = re.sub(r'<c r="D3"[^>]*?(?:/>|>.*?</c>)', cell, text, count=1)
        return text.replace('<row r="4"', '<row r="4" hidden="1"').encode("utf-8")

    path = rewrite_zip(made, tmp_path / "换行.xlsx", edit)
    result = run("validate", path, "--select", "ID,VAL", "--format", "json")
    assert result.exit_code == 1
    assert [(f["sheet"], f["row"], f["column"], f["code"]) for f in result.json()["findings"]] == [
        ("花名\n册", 3, "D", "VAL007"),
    ]
    assert result.stderr == (
        f"提示：{path} 的“花名\n册”中第 4 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )


def _d3_broken_and_row_4_hidden(text: str) -> str:
    """A sheet part's XML with D3 a failed lookup showing #N/A and row 4 hidden."""
    cell = '<c r="D3" t="e"><f>VLOOKUP(B3,学籍!A:D,4,0)</f><v>#N/A</v></c>'
    text = re.sub(r'<c r="D3"[^>]*?(?:/>|>.*?</c>)', cell, text, count=1)
    return text.replace('<row r="4"', '<row r="4" hidden="1"', 1)


def test_two_tabs_named_alike_but_for_a_line_break_keep_their_own_errors_and_hidden_rows(
    tmp_path: Path,
) -> None:
    """Two tabs, "花名 册" and "花名\n册", read alike by an XML parser (a line break as a
    space): each sheet's error cells and hidden rows stay its own, found by its part.
    The first sheet's ID left blank is said as blank (REQ001), not as the #N/A the second
    shows, and the second's #N/A as the error it is (VAL007), its hidden row said of it."""
    first = [CHILD_HEADER, child_row(1), child_row(2, 身份证号=None), child_row(3)]
    second = [CHILD_HEADER, *map(child_row, (4, 5, 6))]
    made = write_xlsx(tmp_path / "r.xlsx", {"花名 册": first, "花名册2": second})

    def edit(name: str, data: bytes) -> bytes | None:
        text = data.decode("utf-8")
        if name == "xl/workbook.xml":
            return text.replace('name="花名册2"', 'name="花名\n册"').encode("utf-8")
        if name == "xl/worksheets/sheet2.xml":
            return _d3_broken_and_row_4_hidden(text).encode("utf-8")
        return None

    path = rewrite_zip(made, tmp_path / "同名.xlsx", edit)
    result = run("validate", path, "--select", "ID,VAL,REQ", "--format", "json")
    assert result.exit_code == 1
    assert [(f["sheet"], f["row"], f["column"], f["code"]) for f in result.json()["findings"]] == [
        ("花名 册", 3, "D", "REQ001"),
        ("花名\n册", 3, "D", "VAL007"),
    ]
    assert result.stderr == (
        f"提示：{path} 的“花名\n册”中第 4 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )


def test_a_strict_open_xml_workbook_keeps_its_errors_and_hidden_rows(tmp_path: Path) -> None:
    """Excel's "Strict Open XML" names the workbook's elements in namespaces of its own: the
    second sheet's #N/A is read as the error it shows (VAL007), not as an ID left blank,
    and its hidden row is said, naming its sheet."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3))]
    made = write_xlsx(tmp_path / "r.xlsx", {"一班": rows, "二班": rows})
    names = {
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
            "http://purl.oclc.org/ooxml/spreadsheetml/main"
        ),
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            "http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }

    def edit(name: str, data: bytes) -> bytes | None:
        if not name.startswith("xl/"):
            return None
        text = data.decode("utf-8")
        if name == "xl/worksheets/sheet2.xml":
            text = _d3_broken_and_row_4_hidden(text)
        for transitional, strict in names.items():
            text = text.replace(transitional, strict)
        return text.encode("utf-8")

    path = rewrite_zip(made, tmp_path / "strict.xlsx", edit)
    result = run("validate", path, "--select", "ID,VAL,REQ", "--format", "json")
    assert result.exit_code == 1
    assert [(f["sheet"], f["row"], f["column"], f["code"]) for f in result.json()["findings"]] == [
        ("二班", 3, "D", "VAL007"),
    ]
    assert result.stderr == (
        f"提示：{path} 的“二班”中第 4 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )


def test_a_formulas_error_before_megabytes_without_a_cell_reference_is_said(
    tmp_path: Path,
) -> None:
    """The look for error cells skips a stretch of a sheet's XML holding no "r=", but the
    stretch the look cuts after the last cell reference starts with one: an error cell
    followed by more than the look's block of XML without another (a long comment here)
    is still said, at its own cell."""
    made = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})
    filler = "<!--" + " " * (9 << 20) + "-->"

    def edit(name: str, data: bytes) -> bytes | None:
        if name != "xl/worksheets/sheet1.xml":
            return None
        cell = '<c r="D3" t="e"><f>VLOOKUP(B3,学籍!A:D,4,0)</f><v>#N/A</v></c>' + filler
        text = re.sub(r'<c r="D3"[^>]*?(?:/>|>.*?</c>)', cell, data.decode("utf-8"), count=1)
        return text.encode("utf-8")

    path = rewrite_zip(made, tmp_path / "long.xlsx", edit)
    assert val007(str(path)) == [
        (str(path), "花名册", 3, "D", "身份证号是公式出错后显示的“#N/A”，不是真实内容")
    ]


def test_a_csv_saved_from_a_sheet_whose_formulas_broke_says_so(tmp_path: Path) -> None:
    """Excel saves a formula's error into a CSV as its text: #N/A is no ID number."""
    rows = [CHILD_HEADER, child_row(1), [*child_row(2)[:3], "#N/A", *child_row(2)[4:]]]
    path = tmp_path / "r.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    result = run("validate", path, "--select", "VAL", "--format", "json", cwd=tmp_path)
    assert [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]] == [
        (3, "D", "VAL007")
    ]


def val007(*args: str) -> list[tuple[str, str, int, str, str]]:
    """Each VAL007 of ``lbc validate ARGS``: file, sheet, row, column, message."""
    result = run("validate", *args, "--format", "json")
    return [
        (f["file"], f["sheet"], f["row"], f["column"], f["message"])
        for f in result.json()["findings"]
        if f["code"] == "VAL007"
    ]


@pytest.mark.parametrize("suffix", ["xlsx", "parquet"])
def test_a_merged_roster_keeps_a_schools_formula_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """lbc merge writes a school's #N/A as the text Excel shows, and the merged workbook
    or Parquet file read back says VAL007 of each such cell as the school's file did,
    rather than read the text as an ID number or a name (ID001 and nothing more)."""
    monkeypatch.chdir(tmp_path)
    Path("县").mkdir()
    made = write_xlsx(Path("县/r.xlsx"), {"花名册": [CHILD_HEADER, *map(child_row, (1, 2, 3))]})
    with_errors(made, {"D3": "#N/A", "B4": "#REF!"})
    made.unlink()
    id_na = "身份证号是公式出错后显示的“#N/A”，不是真实内容"
    name_ref = "姓名是公式出错后显示的“#REF!”，不是真实内容"
    school = str(Path("县/errors.xlsx"))
    assert val007("县") == [(school, "花名册", 3, "D", id_na), (school, "花名册", 4, "B", name_ref)]
    merged = f"merged.{suffix}"
    assert (
        run("merge", "县", "--out", merged, "--format", "json").exit_code == 1
    )  # VAL007, as validate says
    if suffix == "xlsx":  # the merged workbook's own cells (学校, 姓名 … 身份证号 from E)
        assert val007(merged) == [
            (merged, "留守儿童花名册", 3, "G", id_na),
            (merged, "留守儿童花名册", 4, "E", name_ref),
        ]
    else:  # a Parquet file's rows point back at the school's own cells, as every finding
        assert val007(merged) == [
            (school, "花名册", 3, "D", id_na),
            (school, "花名册", 4, "B", name_ref),
        ]


def test_a_formulas_error_is_read_in_a_sheet_read_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet part too big to parse whole (lbc.roster.sheet_pieces) has its error cells
    put back in every piece, as a whole sheet's are, and so has a merged roster's text:
    a county's merged workbook is read so."""
    monkeypatch.chdir(tmp_path)
    Path("县").mkdir()
    made = write_xlsx(Path("县/r.xlsx"), {"花名册": [CHILD_HEADER, *map(child_row, range(1, 41))]})
    with_errors(made, {"D3": "#N/A", "B40": "#REF!"})
    made.unlink()
    assert run("merge", "县", "--out", "merged.xlsx", "--format", "json").exit_code == 1
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    id_na = "身份证号是公式出错后显示的“#N/A”，不是真实内容"
    name_ref = "姓名是公式出错后显示的“#REF!”，不是真实内容"
    school = str(Path("县/errors.xlsx"))
    assert val007(school) == [
        (school, "花名册", 3, "D", id_na),
        (school, "花名册", 40, "B", name_ref),
    ]
    assert val007("merged.xlsx") == [
        ("merged.xlsx", "留守儿童花名册", 3, "G", id_na),
        ("merged.xlsx", "留守儿童花名册", 40, "E", name_ref),
    ]


@pytest.mark.parametrize("big", [False, True])
@pytest.mark.parametrize("error", ["#N/A", "Err:502"])
def test_a_formulas_error_kept_as_text_in_a_workbook_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: str, big: bool
) -> None:
    """A cell whose text is #N/A, or LibreOffice's Err:502 (typed, or pasted as text), which
    the workbook keeps with its other words (the shared strings, as Excel and LibreOffice
    save text), is a formula's error as a CSV's is. ``big``: shared strings too big to look
    through before calamine (a county's, tens of MB), looked through beside its parse."""
    if big:
        monkeypatch.setattr(reading, "ALWAYS_SCAN_BYTES", 0)
    rows = [CHILD_HEADER, child_row(1), [*child_row(2)[:3], "NO-ID", *child_row(2)[4:]]]
    made = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        f'uniqueCount="1"><si><t>{error}</t></si></sst>'
    )
    path = tmp_path / "text.xlsx"
    with zipfile.ZipFile(made) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info).decode("utf-8")
            if info.filename == "xl/worksheets/sheet1.xml":
                cell = r'<c r="D3" t="inlineStr"><is><t>NO-ID</t></is></c>'
                assert cell in data
                data = data.replace(cell, '<c r="D3" t="s"><v>0</v></c>')
            zout.writestr(info, data)
        zout.writestr("xl/sharedStrings.xml", shared)
    assert val007(str(path)) == [
        (str(path), "花名册", 3, "D", f"身份证号是公式出错后显示的“{error}”，不是真实内容")
    ]


@pytest.mark.parametrize("sheets", [1, 2])
def test_a_formulas_error_is_read_from_a_sheet_let_through_on_its_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets: int
) -> None:
    """A sheet part too big to be scanned cell by cell before calamine, its <dimension>
    believed instead (a county's roster of tens of MB), still has its formula errors put
    back: they are looked for while calamine parses it, where the workbook has formulas
    (Excel's calc chain lists them). ``sheets``: 2, the teachers' sheet parsed beside the
    roster (as a big workbook's are)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reading, "ALWAYS_SCAN_BYTES", 0)
    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    book = {"花名册": [CHILD_HEADER, *map(child_row, (1, 2, 3))]}
    if sheets == 2:
        book["教师"] = [TEACHER_HEADER, ["王老师", "女", "13912345678", "班主任", "", "", "", ""]]
    made = write_xlsx(Path("r.xlsx"), book)
    with zipfile.ZipFile(with_errors(made, {"D3": "#N/A", "B4": "#REF!"}), "a") as zf:
        ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        zf.writestr("xl/calcChain.xml", f'<calcChain xmlns="{ns}"><c r="D3" i="1"/></calcChain>')
    assert val007("errors.xlsx") == [
        ("errors.xlsx", "花名册", 3, "D", "身份证号是公式出错后显示的“#N/A”，不是真实内容"),
        ("errors.xlsx", "花名册", 4, "B", "姓名是公式出错后显示的“#REF!”，不是真实内容"),
    ]


def test_an_ods_formulas_error_is_read_as_libreoffice_shows_it(tmp_path: Path) -> None:
    """LibreOffice saves a failed formula's cell as text of no value, calamine reads it as
    empty; what it shows (#N/A, #NAME? …, and its own Err:502 … that Excel has no name
    for) is put back and said, as an .xlsx's is; and so is such text pasted into a cell as
    a value. The cells are as LibreOffice 7.4 writes them."""
    cell = '<table:table-cell office:value-type="string"{}><text:p>{}</text:p></table:table-cell>'
    failed = (
        ' table:formula="of:=VLOOKUP([.B2];学籍.A:D;4;0)" office:string-value=""'
        ' calcext:value-type="error"'
    )

    def cells(row: list[object], **errors: str) -> str:
        at = {CHILD_HEADER.index(label): shown for label, shown in errors.items()}
        return "".join(
            cell.format(failed, at[j]) if j in at else cell.format("", v) for j, v in enumerate(row)
        )

    extra = "".join(
        f"<table:table-row>{cells(row, **errors)}</table:table-row>"
        for row, errors in [
            (child_row(3), {"身份证号": "#N/A"}),
            (child_row(4), {"姓名": "#NAME?"}),
            (child_row(5), {"姓名": "Err:502"}),
        ]
    )
    path = ods(tmp_path / "花名册.ods", extra)
    result = run("validate", path, "--select", "VAL,REQ", "--format", "json")
    assert [
        (f["row"], f["column"], f["code"], f["message"]) for f in result.json()["findings"]
    ] == [
        (4, "D", "VAL007", "身份证号是公式出错后显示的“#N/A”，不是真实内容"),
        (5, "B", "VAL007", "姓名是公式出错后显示的“#NAME?”，不是真实内容"),
        (6, "B", "VAL007", "姓名是公式出错后显示的“Err:502”，不是真实内容"),
    ]
    pasted = f"<table:table-row>{cells(child_row(3, 身份证号='Err:504'))}</table:table-row>"
    result = run(
        "validate", ods(tmp_path / "粘贴.ods", pasted), "--select", "VAL", "--format", "json"
    )
    assert [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]] == [
        (4, "D", "VAL007")
    ]


@pytest.mark.parametrize("error", ["Err:502", "#N/A"])
def test_a_csv_saved_by_libreoffice_shows_its_own_error(tmp_path: Path, error: str) -> None:
    """A sheet LibreOffice saves as CSV writes what a failed formula shows, its own
    Err:502 as Excel's #N/A: said, not read as an address."""
    path = write_child_csv(tmp_path / "花名册.csv", child_row(1), child_row(2, 家庭住址=error))
    assert val007(str(path)) == [
        (str(path), "花名册", 3, "H", f"家庭住址是公式出错后显示的“{error}”，不是真实内容")
    ]


def test_an_xls_formulas_error_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    """An .xls keeps a failed formula's error as its cached result (a FORMULA record) or,
    pasted as a value, as an error value (BOOLERR); calamine gives either as empty. Both
    are put back and said, on the sheet they are on (here the second)."""
    wb = xlwt.Workbook(encoding="utf-8")
    wb.add_sheet("说明").write(0, 0, "本表由学籍系统导出")
    ws = wb.add_sheet("花名册")
    for r, row in enumerate([CHILD_HEADER, *map(child_row, (1, 2, 3))]):
        for c, value in enumerate(row):
            if (r, c) == (2, 3):  # D3: a formula, its result made #N/A below
                ws.write(r, c, xlwt.Formula("1/0"))
            elif (r, c) == (3, 1):  # B4: #REF! pasted as a value
                ws.row(r).set_cell_error(c, "#REF!")
            else:
                ws.write(r, c, value)
    path = tmp_path / "花名册.xls"
    wb.save(path)
    data = path.read_bytes()
    formula = re.search(rb"\x06\x00..\x02\x00\x03\x00..(.{8})", data, re.S)
    assert formula is not None
    na = b"\x02\x00\x2a\x00\x00\x00\xff\xff"
    path.write_bytes(data[: formula.start(1)] + na + data[formula.end(1) :])
    assert val007(str(path)) == [
        (str(path), "花名册", 3, "D", "身份证号是公式出错后显示的“#N/A”，不是真实内容"),
        (str(path), "花名册", 4, "B", "姓名是公式出错后显示的“#REF!”，不是真实内容"),
    ]


def _xls_bytes() -> bytes:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    ws.write(0, 0, "姓名")
    ws.row(1).set_cell_error(0, 0x2A)  # #N/A, by its code (xlwt misspells its name)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLS = _xls_bytes()


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cut=st.integers(0, len(XLS)),
    changes=st.lists(st.tuples(st.integers(0, len(XLS) - 1), st.integers(0, 255)), max_size=8),
)
def test_the_look_for_an_xls_error_cells_never_fails(
    tmp_path: Path, cut: int, changes: list[tuple[int, int]]
) -> None:
    """An .xls cut short or with bytes changed anywhere (its header, its allocation table,
    its directory) finds what it can and never raises: calamine's read says what is wrong."""
    data = bytearray(XLS)
    for at, value in changes:
        data[at] = value
    path = tmp_path / "花名册.xls"
    path.write_bytes(bytes(data[:cut]))
    found = xls_errors.error_cells(path)
    assert all(isinstance(cells, dict) for cells in found.values())
    if not changes and cut == len(XLS):
        assert found == {"花名册": {(2, 1): "#N/A"}}
