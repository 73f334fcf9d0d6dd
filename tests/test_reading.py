"""Reading real roster files: .xlsx (with merges), .xls, CSV in UTF-8 / BOM / GB18030.

Every test builds the file it reads in a temporary folder and checks exact places: sheet
kinds, header rows, column letters, Excel row numbers and finding codes, through
``lbc.roster.tables.load_roster`` and through ``lbc validate --format json``.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    make_id,
    merged_county,
    patterns_compiled,
    run,
    write_xlsx,
)
from lbc.roster import reading, xls_errors
from lbc.roster.canonical import Roster, Table
from lbc.roster.normalise import ClassRef
from lbc.roster.reading import decode_csv_bytes, read_book
from lbc.roster.tables import load_roster

# ---------------------------------------------------------------------------------------------
# A roster with a two-row header: 父亲/母亲/监护人 merged over 姓名/电话 …, single columns
# merged vertically over both header rows.

TOP = ["序号", "姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "留守类型"]
TOP += ["父亲", None, "母亲", None, "监护人", None, None]
SUB = [None] * 8 + ["姓名", "电话", "姓名", "电话", "姓名", "关系", "电话"]
TWO_ROW_COLUMNS = {
    "name": "B",
    "gender": "C",
    "id_number": "D",
    "class": "E",
    "health": "F",
    "home_address": "G",
    "left_behind_type": "H",
    "father_name": "I",
    "father_phone": "J",
    "mother_name": "K",
    "mother_phone": "L",
    "guardian_name": "M",
    "guardian_relation": "N",
    "guardian_phone": "O",
}
WIDTH = len(TOP)
LAST = get_column_letter(WIDTH)  # "O"

# A one-row header with the same fields, and the keys its labels map to.
FLAT = ["序号", "姓名", "性别", "身份证号", "出生日期", "班级", "健康状况", "家庭住址", "留守类型"]
FLAT += ["父亲电话", "母亲电话", "监护人姓名", "与儿童关系", "监护人电话"]
FLAT_KEYS = {
    "姓名": "name",
    "性别": "gender",
    "身份证号": "id_number",
    "出生日期": "birth_date",
    "班级": "class",
    "健康状况": "health",
    "家庭住址": "home_address",
    "留守类型": "left_behind_type",
    "父亲电话": "father_phone",
    "母亲电话": "mother_phone",
    "监护人姓名": "guardian_name",
    "与儿童关系": "guardian_relation",
    "监护人电话": "guardian_phone",
}
NAMES = ["张雨涵", "李明", "王小红", "赵刚", "阿依古丽·买买提", "刘洋"]


def child_id(n: int, gender: str = "女", birth: dt.date = dt.date(2016, 5, 1)) -> str:
    """A valid ID whose 17th digit agrees with ``gender`` and is unique per ``n``."""
    return make_id(birth, 100 + n * 2 + (1 if gender == "男" else 0))


def two_row_child(n: int, **over: Any) -> list[Any]:
    gender = over.pop("gender", "女" if n % 2 else "男")
    values: dict[str, Any] = {
        "序号": n,
        "name": NAMES[n % len(NAMES)],
        "gender": gender,
        "id_number": child_id(n, gender),
        "class": "三年级(2)班",
        "health": "健康",
        "home_address": "四川省南部县青山镇幸福村3组",
        "left_behind_type": "父母均外出",
        "father_name": "张建国",
        "father_phone": "13812345678",
        "mother_name": "李秀英",
        "mother_phone": "13912345678",
        "guardian_name": "张大爷",
        "guardian_relation": "祖父",
        "guardian_phone": "13712345678",
    }
    values.update(over)
    return [values["序号"], *(values[k] for k in TWO_ROW_COLUMNS)]


def flat_child(n: int, **over: Any) -> list[Any]:
    """A row under FLAT; keyword overrides by header label."""
    gender = over.pop("性别", "女" if n % 2 else "男")
    birth = dt.date(2016, 5, 1)
    values: dict[str, Any] = {
        "序号": n,
        "姓名": NAMES[n % len(NAMES)],
        "性别": gender,
        "身份证号": child_id(n, gender, birth),
        "出生日期": birth,
        "班级": "三年级(2)班",
        "健康状况": "健康",
        "家庭住址": "四川省南部县青山镇幸福村3组",
        "留守类型": "父母均外出",
        "父亲电话": "13812345678",
        "母亲电话": "13912345678",
        "监护人姓名": "张大爷",
        "与儿童关系": "祖父",
        "监护人电话": "13712345678",
    }
    values.update(over)
    return [values[h] for h in FLAT]


TITLES = [
    "青山镇中心小学2024年秋季留守儿童花名册",
    "填报单位：青山镇中心小学    填报日期：2024年9月10日",
    "（本表由班主任填写，学校汇总）",
]


def write_two_row_xlsx(
    path: Path,
    data: Sequence[Sequence[Any]],
    titles: int = 2,
    merge_groups: bool = True,
) -> Path:
    """Title rows (each merged across), the two-row header, then ``data`` row by row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "留守儿童花名册"
    for k in range(titles):
        ws.append([TITLES[k]])
        ws.merge_cells(f"A{k + 1}:{LAST}{k + 1}")
    top, sub = titles + 1, titles + 2
    ws.append(TOP)
    ws.append(SUB)
    if merge_groups:
        for letter in "ABCDEFGH":  # one column over both header rows
            ws.merge_cells(f"{letter}{top}:{letter}{sub}")
        ws.merge_cells(f"I{top}:J{top}")
        ws.merge_cells(f"K{top}:L{top}")
        ws.merge_cells(f"M{top}:O{top}")
    for row in data:
        ws.append(list(row))
    wb.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xls(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    merges: Sequence[tuple[int, int, int, int]] = (),
    hidden: Sequence[int] = (),
    filtered: bool = False,
    heights: dict[int, int] | None = None,
) -> Path:
    """A real BIFF .xls (xlwt); dates get a date format, as Excel gives them.

    ``merges`` are (first_row, last_row, first_col, last_col), 0-based, on every sheet; the
    merged range's first cell keeps its value. ``hidden``: Excel rows (1-based) hidden on
    every sheet; ``heights``: rows given a height of their own, in twips (0: shut, not marked
    hidden, as a program other than Excel may write one). ``filtered``: every sheet has a
    filter in force (its FILTERMODE and AUTOFILTERINFO records before its DIMENSIONS, where
    Excel writes them; xlwt writes no filter).
    """
    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        starts = {(r1, c1): (r2, c2) for r1, r2, c1, c2 in merges}
        covered = {
            (r, c)
            for r1, r2, c1, c2 in merges
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        }
        for (r1, c1), (r2, c2) in starts.items():
            ws.write_merge(r1, r2, c1, c2, rows[r1][c1] if c1 < len(rows[r1]) else None)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is None or (i, j) in covered:
                    continue
                if isinstance(value, dt.date):
                    ws.write(i, j, value, date_style)
                else:
                    ws.write(i, j, value)
        for row in hidden:
            ws.row(row - 1).hidden = True
        for row, twips in (heights or {}).items():
            ws.row(row - 1).height, ws.row(row - 1).height_mismatch = twips, True
        if filtered:
            dimensions = ws._Worksheet__dimensions_rec
            columns = max(map(len, rows)).to_bytes(2, "little")
            records = b"\x9b\x00\x00\x00\x9d\x00\x02\x00" + columns
            ws._Worksheet__dimensions_rec = lambda d=dimensions, r=records: r + d()
    wb.save(str(path))
    return path


def write_ods(
    path: Path,
    rows: Sequence[Sequence[Any]],
    rows_attrs: dict[int, str] | None = None,
    extra: str = "",
) -> Path:
    """A real .ods of one sheet 花名册, its content.xml written as LibreOffice writes it;
    ``rows_attrs``: Excel rows (1-based) with the attributes their <table:table-row> has
    (table:visibility="collapse" for a row hidden by hand); ``extra``: rows' XML after
    them, as a crafted file may hold."""
    rows_attrs = rows_attrs or {}
    office = "urn:oasis:names:tc:opendocument:xmlns"

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            kind = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        elif isinstance(value, int):
            kind = f'office:value-type="float" office:value="{value}"'
        else:
            kind = 'office:value-type="string"'
        text = html.escape(str(value))
        return f"<table:table-cell {kind}><text:p>{text}</text:p></table:table-cell>"

    body = "".join(
        f"<table:table-row {rows_attrs.get(n, '')}>{''.join(map(cell, row))}</table:table-row>"
        for n, row in enumerate(rows, 1)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{office}:office:1.0"'
        f' xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0"'
        ' office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="花名册">{body}{extra}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "META-INF/manifest.xml",
            f'<manifest:manifest xmlns:manifest="{office}:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/"'
            ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            "</manifest:manifest>",
        )
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def letters(table: Table) -> dict[str, str]:
    return {key: col.letter for key, col in table.columns.items()}


def spots(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(code, row, column, field) of each finding, in report order."""
    return [(f["code"], f["row"], f["column"], f["field"]) for f in findings]


def validate_json(*args: Any, cwd: Path | None = None) -> tuple[dict[str, Any], str, int]:
    result = run("validate", *args, "--format", "json", cwd=cwd)
    assert result.exit_code in (0, 1), result.stderr
    return result.json(), result.stderr, result.exit_code


def without_files(document: dict[str, Any]) -> dict[str, Any]:
    """The JSON with file names blanked, to compare one roster saved in two formats."""
    out = dict(document)
    out["files"] = [{**f, "file": None} for f in document["files"]]
    out["findings"] = [{**f, "file": None} for f in document["findings"]]
    return out


def table_snapshot(table: Table) -> tuple[Any, ...]:
    return (
        table.kind,
        table.header_rows,
        letters(table),
        table.unknown,
        table.rows,
        {key: table.values[key] for key in table.raw},
    )


def only_children(roster: Roster) -> Table:
    assert len(roster.children) == 1
    return roster.children[0]


# ---------------------------------------------------------------------------------------------
# Sheets are recognised by their headers


def test_sheets_recognised_by_header_in_any_order_and_name(tmp_path: Path) -> None:
    children = [FLAT[::-1], *(flat_child(n)[::-1] for n in (1, 2, 3))]
    teachers = [
        TEACHER_HEADER[::-1],
        ["是", "是", "语文", "三年级(2)班", "班主任", "13800000001", "女", "王老师"],
    ]
    records = [
        [RECORD_HEADER[k] for k in (4, 2, 0, 5, 1, 3)],
        ["谈心", "李明", dt.date(2024, 10, 8), "聊学习", "王老师", "三年级(2)班"],
    ]
    notes = [["说明：本工作簿由学校汇总，请勿改动表头。"], ["联系人：李校长"]]
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {"说明": notes, "Sheet3": records, "abc": teachers, "数据": children},
    )
    doc, _, _ = validate_json(path)
    (entry,) = doc["files"]
    kinds = {s["sheet"]: s["kind"] for s in entry["sheets"]}
    assert kinds == {"数据": "children", "abc": "teachers", "Sheet3": "records"}
    assert entry["skipped_sheets"] == ["说明"]
    by_sheet = {s["sheet"]: s for s in entry["sheets"]}
    width = len(FLAT)
    assert by_sheet["数据"]["columns"] == {
        key: get_column_letter(width - FLAT.index(label)) for label, key in FLAT_KEYS.items()
    }
    assert by_sheet["数据"]["rows"] == 3
    assert by_sheet["abc"]["columns"] == {
        "active": "A",
        "party_member": "B",
        "subjects": "C",
        "classes": "D",
        "role": "E",
        "phone": "F",
        "gender": "G",
        "name": "H",
    }
    assert by_sheet["Sheet3"]["columns"] == {
        "kind": "A",
        "student": "B",
        "date": "C",
        "content": "D",
        "teacher": "E",
        "class": "F",
    }
    assert doc["summary"]["children"] == 3
    assert doc["summary"]["teachers"] == 1
    assert doc["summary"]["records"] == 1
    # The reversed roster is clean, the one record names a real teacher and child.
    assert doc["findings"] == []

    roster = load_roster([path])
    assert [t.sheet for t in roster.children] == ["数据"]
    assert [t.sheet for t in roster.teachers] == ["abc"]
    assert [t.sheet for t in roster.records] == ["Sheet3"]
    assert roster.skipped == [(str(path), "说明")]
    assert roster.teachers[0].values["classes"] == [(ClassRef(3, 2),)]
    assert roster.records[0].values["date"] == [dt.date(2024, 10, 8)]


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(FLAT))
def test_columns_found_in_any_order(
    order: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("perm")
    index = {label: FLAT.index(label) for label in FLAT}
    rows = [order] + [[flat_child(n)[index[h]] for h in order] for n in (1, 2)]
    path = write_csv(folder / "r.csv", rows)
    table = only_children(load_roster([path]))
    assert letters(table) == {
        key: get_column_letter(order.index(label) + 1) for label, key in FLAT_KEYS.items()
    }
    assert table.unknown == []
    assert table.rows == [2, 3]
    assert table.values["name"] == [NAMES[1], NAMES[2]]


# ---------------------------------------------------------------------------------------------
# Header below title rows; two-row headers joined


@pytest.mark.parametrize("titles", [0, 1, 2, 3])
def test_two_row_header_below_title_rows(tmp_path: Path, titles: int) -> None:
    path = write_two_row_xlsx(tmp_path / "r.xlsx", [two_row_child(1), two_row_child(2)], titles)
    table = only_children(load_roster([path]))
    assert table.header_rows == (titles + 1, titles + 2)
    assert letters(table) == TWO_ROW_COLUMNS
    assert table.unknown == []
    assert table.rows == [titles + 3, titles + 4]
    assert table.values["father_phone"] == ["13812345678", "13812345678"]
    assert table.values["guardian_relation"] == ["祖父", "祖父"]

    doc, stderr, code = validate_json(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["header_rows"] == [titles + 1, titles + 2]
    assert sheet["columns"] == TWO_ROW_COLUMNS
    assert sheet["unknown_columns"] == []
    assert doc["findings"] == []
    assert code == 0
    assert stderr == ""


@pytest.mark.parametrize("titles", [1, 2, 3])
@pytest.mark.parametrize("form", ["merged", "unmerged", "csv"])
def test_one_row_header_below_title_rows(tmp_path: Path, titles: int, form: str) -> None:
    """A title typed in A1 alone is not taken for the group row of a two-row header."""
    rows: list[list[Any]] = [[TITLES[k]] for k in range(titles)]
    rows += [FLAT, flat_child(1), flat_child(2)]
    if form == "csv":
        path = write_csv(tmp_path / "r.csv", rows)
    else:
        path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    if form == "merged":
        wb = load_workbook(path)
        for k in range(titles):
            wb.active.merge_cells(f"A{k + 1}:{get_column_letter(len(FLAT))}{k + 1}")
        wb.save(path)
    table = only_children(load_roster([path]))
    assert table.header_rows == (titles + 1,)
    assert letters(table) == {
        key: get_column_letter(FLAT.index(label) + 1) for label, key in FLAT_KEYS.items()
    }
    assert table.rows == [titles + 2, titles + 3]
    doc, _, code = validate_json(path)
    assert doc["files"][0]["sheets"][0]["header_rows"] == [titles + 1]
    assert (doc["findings"], code) == ([], 0)


def test_two_row_header_in_csv(tmp_path: Path) -> None:
    """No merges in a CSV: "父亲,," above "姓名,电话,…" still gives father_phone."""
    rows = [[TITLES[0]], TOP, SUB, two_row_child(1), two_row_child(2)]
    path = write_csv(tmp_path / "r.csv", rows)
    table = only_children(load_roster([path]))
    assert table.header_rows == (2, 3)
    assert letters(table) == TWO_ROW_COLUMNS
    assert table.unknown == []
    assert table.rows == [4, 5]
    assert table.values["mother_phone"] == ["13912345678", "13912345678"]

    xlsx = write_two_row_xlsx(tmp_path / "r.xlsx", rows[3:], titles=1)
    assert table_snapshot(table) == table_snapshot(only_children(load_roster([xlsx])))


def test_two_row_header_unmerged_under_merged_title(tmp_path: Path) -> None:
    """A merged title must not stop an unmerged "父亲,," group row from being spread."""
    path = write_two_row_xlsx(tmp_path / "r.xlsx", [two_row_child(1)], titles=1, merge_groups=False)
    table = only_children(load_roster([path]))
    assert letters(table) == TWO_ROW_COLUMNS
    assert table.unknown == []


# ---------------------------------------------------------------------------------------------
# Header spellings


HEADER_SPELLINGS = {
    "traditional": [
        *("姓名", "性別", "身份證號", "班級", "健康狀況", "家庭住址", "留守類型"),
        *("監護人姓名", "與兒童關係", "監護人電話", "父親電話", "母親電話"),
    ],
    "synonyms": [
        *("学生姓名", "性别", "公民身份号码", "班别", "身体状况", "家庭详细地址"),
        *("父母外出情况", "受委托监护人姓名", "与被监护人关系", "受委托监护人电话"),
        *("父亲联系电话", "母亲手机"),
    ],
    "english": [
        *("name", "gender", "id_number", "class", "health", "home_address"),
        *("left_behind_type", "guardian_name", "guardian_relation", "guardian_phone"),
        *("Father_Phone", "MOTHER PHONE"),
    ],
    "spaced": [
        *("姓 名", "性\u3000别", "身份证号：", "班级*", "健康状况", "家庭住址"),
        *("留守类型", "监护人 姓名", "与儿童关系", "监护人电话：", "父亲电话", "母亲电话"),
    ],
}
SPELLING_KEYS = [
    "name",
    "gender",
    "id_number",
    "class",
    "health",
    "home_address",
    "left_behind_type",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "father_phone",
    "mother_phone",
]


@pytest.mark.parametrize("spelling", sorted(HEADER_SPELLINGS))
def test_header_spellings_map(tmp_path: Path, spelling: str) -> None:
    header = HEADER_SPELLINGS[spelling]
    row = ["张雨涵", "女", child_id(1, "女"), "三(2)班", "健康", "四川省南部县", "双亲留守"]
    row += ["张大爷", "爷爷", "13712345678", "13812345678", "13912345678"]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header, row]})
    doc, stderr, code = validate_json(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["kind"] == "children"
    assert sheet["columns"] == {k: get_column_letter(j + 1) for j, k in enumerate(SPELLING_KEYS)}
    assert sheet["unknown_columns"] == []
    assert doc["findings"] == []
    assert (code, stderr) == (0, "")


def test_synonyms_from_lbc_toml(tmp_path: Path) -> None:
    header = ["姓名", "性别", "身份证号", "班级", "健康状况", "家庭住址", "留守类型"]
    header += ["监护人姓名", "与儿童关系", "爷爷奶奶电话", "父亲电话", "母亲电话"]
    row = ["张雨涵", "女", child_id(1, "女"), "三(2)班", "健康", "四川省南部县", "父母均外出"]
    row += ["张大爷", "祖父", "13712345678", "13812345678", "13912345678"]
    write_xlsx(tmp_path / "r.xlsx", {"Sheet1": [header, row]})

    # Without the school's synonym the column is unknown and the guardian phone is missing.
    (tmp_path / "lbc.toml").write_text('[files]\nroster = ["r.xlsx"]\n', encoding="utf-8")
    doc, stderr, code = validate_json(cwd=tmp_path)
    (sheet,) = doc["files"][0]["sheets"]
    assert "guardian_phone" not in sheet["columns"]
    assert sheet["unknown_columns"] == ["爷爷奶奶电话"]
    assert spots(doc["findings"]) == [("COL001", None, None, "guardian_phone")]
    assert "爷爷奶奶电话(J)" in stderr
    assert code == 1

    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["r.xlsx"]\n\n[synonyms]\nguardian_phone = ["爷爷奶奶电话"]\n',
        encoding="utf-8",
    )
    doc, stderr, code = validate_json(cwd=tmp_path)
    assert doc["files"][0]["file"] == "r.xlsx"
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["columns"]["guardian_phone"] == "J"
    assert sheet["unknown_columns"] == []
    assert doc["findings"] == []
    assert (code, stderr) == (0, "")


def test_unknown_columns_kept_out_and_listed_once(tmp_path: Path) -> None:
    header = [*FLAT[:5], "爱好", *FLAT[5:], "家长签字"]
    rows = [header]
    for n in (1, 2, 3):
        row = flat_child(n)
        rows.append([*row[:5], "画画", *row[5:], "不是签名"])
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": rows})
    doc, stderr, code = validate_json(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["unknown_columns"] == ["爱好", "家长签字"]
    assert "F" not in sheet["columns"].values()
    assert sheet["columns"]["class"] == "G"
    assert sheet["columns"]["guardian_phone"] == "O"
    assert doc["findings"] == []
    assert code == 0
    note = stderr.replace("\n", "")  # the console may fold a long line
    assert note.count("爱好(F)") == 1
    assert note.count("家长签字(P)") == 1
    assert note.count("提示：") == 1

    table = only_children(load_roster([path]))
    assert table.unknown == [("F", "爱好"), ("P", "家长签字")]
    assert not any("画画" in map(str, col) for col in table.raw.values())


# ---------------------------------------------------------------------------------------------
# Blank rows, notes, Excel row numbers


def test_row_numbers_are_excel_rows(tmp_path: Path) -> None:
    """2 title rows + 2 header rows; a blank row, a 序号-only row and a signature line."""
    bad_id = child_id(3)[:-1] + ("0" if child_id(3)[-1] != "0" else "1")
    data = [
        two_row_child(1),  # row 5
        [],  # row 6
        two_row_child(2, guardian_phone="1381234567"),  # row 7: 10 digits
        two_row_child(3, id_number=bad_id),  # row 8: check digit wrong
        [4],  # row 9: only 序号 filled in
        [None] * WIDTH,  # row 10
        two_row_child(5, father_phone=None, mother_phone=None),  # row 11
        [],  # row 12
        ["填表人：王老师 审核人：李校长"],  # row 13
    ]
    path = write_two_row_xlsx(tmp_path / "r.xlsx", data, titles=2)
    table = only_children(load_roster([path]))
    assert table.header_rows == (3, 4)
    assert table.rows == [5, 7, 8, 11]

    doc, _, code = validate_json(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["header_rows"] == [3, 4]
    assert sheet["rows"] == 4
    assert spots(doc["findings"]) == [
        ("PHN001", 7, "O", "guardian_phone"),
        ("ID002", 8, "D", "id_number"),
        ("CON002", 11, "J", "father_phone"),
    ]
    assert doc["summary"]["children"] == 4
    assert doc["summary"]["by_code"] == {"CON002": 1, "ID002": 1, "PHN001": 1}
    assert code == 1
    phone = doc["findings"][0]
    assert phone["value"] != "1381234567"  # masked
    assert phone["value"].startswith("138") and "*" in phone["value"]
    assert phone["sheet"] == "留守儿童花名册"


def test_note_rows_and_repeated_header_skipped(tmp_path: Path) -> None:
    rows = [
        FLAT,  # row 1
        flat_child(1),  # row 2
        [None] * len(FLAT),  # row 3
        FLAT,  # row 4: the header printed again on a second page
        flat_child(2),  # row 5
        ["合计：2人"],  # row 6
        [None, "注：留守类型按父母外出情况填写"],  # row 7
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": rows})
    table = only_children(load_roster([path]))
    assert table.rows == [2, 5]
    doc, _, code = validate_json(path)
    assert doc["findings"] == []
    assert code == 0


# ---------------------------------------------------------------------------------------------
# Values are normalised before they are checked


def test_values_normalised_before_checking(tmp_path: Path) -> None:
    birth = dt.date(2015, 3, 4)
    numeric_id = int(child_id(3, "女", birth))
    rows = [
        FLAT,
        flat_child(1, 父亲电话=13812345678, 母亲电话=13912345678.0),  # phones as numbers
        flat_child(2, 监护人电话="１３７１２３４５６７８", 父亲电话="138-1234-5678"),
        flat_child(3, 身份证号=numeric_id, 出生日期=birth),  # ID typed as a number
        flat_child(4, 身份证号=child_id(4, "男", birth), 出生日期="2015年3月4日", 性别="男 "),
        flat_child(5, 身份证号=child_id(5, "女", birth).lower(), 出生日期="2015.3.4"),
        flat_child(6, 出生日期=42491.0, 班级="3(2)", 留守类型="雙親留守", 与儿童关系="爷爷"),
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": rows})
    doc, _, code = validate_json(path)
    assert spots(doc["findings"]) == [("ID004", 4, "D", "id_number")]
    assert code == 1

    table = only_children(load_roster([path]))
    v = table.values
    assert v["father_phone"][:2] == ["13812345678", "13812345678"]
    assert v["mother_phone"][0] == "13912345678"
    assert v["guardian_phone"][1] == "13712345678"
    assert v["birth_date"][3:] == [birth, birth, dt.date(2016, 5, 1)]
    assert v["class"][5] == ClassRef(3, 2)
    assert v["left_behind_type"][5] == "父母均外出"
    assert v["guardian_relation"][5] == "祖父"
    assert v["gender"][3] == "男"


def test_numeric_id_is_id004_not_id001(tmp_path: Path) -> None:
    rows = [FLAT, flat_child(1, 身份证号=511321201605011029)]
    path = write_xlsx(tmp_path / "r.xlsx", {"Sheet1": rows})
    doc, _, _ = validate_json(path)
    assert spots(doc["findings"]) == [("ID004", 2, "D", "id_number")]


def test_an_id_excel_saved_to_csv_as_a_number_is_id004(tmp_path: Path) -> None:
    # The school's roster had its IDs as number cells; Excel's 另存为 CSV wrote them as it
    # showed them, 5.11321E+17. The digits are lost, as in the workbook: ID004, not ID001.
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([FLAT, flat_child(1, 身份证号="5.11321E+17")])
    doc, _, code = validate_json(path)
    assert spots(doc["findings"]) == [("ID004", 2, "D", "id_number")]
    assert doc["findings"][0]["value"] == "5.1132*E+17"
    assert code == 1


# ---------------------------------------------------------------------------------------------
# CSV encodings and .xls read exactly like .xlsx


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings_read_like_utf8(tmp_path: Path, encoding: str) -> None:
    rows = [[TITLES[0]], TOP, SUB]
    rows += [two_row_child(n) for n in range(1, 5)]
    rows += [two_row_child(5, guardian_phone="1381234567", name="买买提 · 艾力"), []]
    rows += [["填表人：王老师 审核人：李校长"]]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    utf8 = write_csv(tmp_path / "a" / "花名册.csv", rows, "utf-8")
    other = write_csv(tmp_path / "b" / "花名册.csv", rows, encoding)
    assert utf8.read_bytes() != other.read_bytes()
    if encoding != "utf-8-sig":
        with pytest.raises(UnicodeDecodeError):
            other.read_bytes().decode("utf-8")

    assert read_book(utf8).sheets[0].rows == read_book(other).sheets[0].rows
    a = only_children(load_roster([utf8]))
    b = only_children(load_roster([other]))
    assert table_snapshot(a) == table_snapshot(b)
    assert a.values["name"][4] == "买买提·艾力"

    doc_a, _, _ = validate_json(utf8)
    doc_b, _, _ = validate_json(other)
    assert without_files(doc_a) == without_files(doc_b)
    assert spots(doc_b["findings"]) == [("PHN001", 8, "O", "guardian_phone")]
    assert doc_b["files"][0]["sheets"][0]["columns"] == TWO_ROW_COLUMNS


def test_xls_reads_like_xlsx(tmp_path: Path) -> None:
    rows: list[list[Any]] = [[TITLES[0]], FLAT]
    rows += [flat_child(n) for n in (1, 2, 3)]
    rows += [
        flat_child(4, 父亲电话=13812345678, 身份证号=511321201605011029),
        flat_child(5, 出生日期="2016年5月1日", 监护人电话="1381234567"),
        [],
        ["填表人：王老师 审核人：李校长"],
    ]
    xlsx = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    for row in rows:
        ws.append(row)
    ws.merge_cells(f"A1:{get_column_letter(len(FLAT))}1")
    wb.save(xlsx)
    xls = write_xls(tmp_path / "r.xls", {"花名册": rows}, merges=[(0, 0, 0, len(FLAT) - 1)])

    raw_x, raw_xlsx = read_book(xls).sheets[0], read_book(xlsx).sheets[0]
    assert raw_x.merged == raw_xlsx.merged == [((0, 0), (0, len(FLAT) - 1))]
    a = only_children(load_roster([xlsx]))
    b = only_children(load_roster([xls]))
    assert table_snapshot(a) == table_snapshot(b)
    assert b.rows == [3, 4, 5, 6, 7]
    assert b.values["birth_date"][0] == dt.date(2016, 5, 1)

    doc_a, _, _ = validate_json(xlsx)
    doc_b, _, _ = validate_json(xls)
    assert without_files(doc_a) == without_files(doc_b)
    assert spots(doc_b["findings"]) == [
        ("ID004", 6, "D", "id_number"),
        ("PHN001", 7, "N", "guardian_phone"),
    ]


def test_xls_merged_two_row_header(tmp_path: Path) -> None:
    """The merged two-row header survives the old BIFF format too."""
    path = tmp_path / "r.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("留守儿童花名册")
    ws.write_merge(0, 0, 0, WIDTH - 1, TITLES[0])
    for j, label in enumerate(TOP):
        if j < 8:
            ws.write_merge(1, 2, j, j, label)
    ws.write_merge(1, 1, 8, 9, "父亲")
    ws.write_merge(1, 1, 10, 11, "母亲")
    ws.write_merge(1, 1, 12, 14, "监护人")
    for j, label in enumerate(SUB):
        if label:
            ws.write(2, j, label)
    for i, row in enumerate([two_row_child(1), two_row_child(2, mother_phone="12345")]):
        for j, value in enumerate(row):
            ws.write(3 + i, j, value)
    wb.save(str(path))
    doc, _, _ = validate_json(path)
    (sheet,) = doc["files"][0]["sheets"]
    assert sheet["header_rows"] == [2, 3]
    assert sheet["columns"] == TWO_ROW_COLUMNS
    assert spots(doc["findings"]) == [("PHN001", 5, "L", "mother_phone")]


# ---------------------------------------------------------------------------------------------
# Decoding properties


def _gb18030_ok(text: str) -> bool:
    try:
        text.encode("gb18030")
    except UnicodeEncodeError:
        return False
    return True


# Any text GB18030 can hold (all of Unicode but lone surrogates); NUL is refused on purpose.
ANY_CELL = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=15
).filter(_gb18030_ok)
# Roster cells without quote characters: the CSV dialect sniffer guesses quoting from them
# (see test_quotes_inside_a_cell_survive below).
PLAIN_CELL = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\"'"), max_size=15
).filter(_gb18030_ok)
HEADER_LINE = "姓名,性别,身份证号,班级,监护人电话\r\n"
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@PROPERTY
@given(body=ANY_CELL, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_decode_csv_bytes_property(body: str, encoding: str) -> None:
    """A roster's text (a Chinese header, then anything) decodes to itself in every encoding.

    The header matters for GB18030: its bytes are never valid UTF-8, so the UTF-8 attempt
    cannot succeed on them by accident (as it would on the GB18030 bytes of "涓枃").
    """
    text = HEADER_LINE + body
    assert decode_csv_bytes(text.encode(encoding)) == text


@PROPERTY
@given(
    cells=st.lists(st.lists(PLAIN_CELL, min_size=5, max_size=5), min_size=1, max_size=4),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_csv_cells_round_trip_property(
    cells: list[list[str]], encoding: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every cell as written; a row of empty cells reads as an empty row, and those after
    the last filled row are not kept (a million blank lines must not become a million rows)."""
    header = HEADER_LINE.strip().split(",")
    path = write_csv(tmp_path_factory.mktemp("csv") / "r.csv", [header, *cells], encoding)
    expected = [header, *(row if any(row) else [] for row in cells)]
    while not expected[-1]:
        expected.pop()
    assert read_book(path).sheets[0].rows == expected


@pytest.mark.parametrize("note", ['他说"想妈妈"', '"好"'])
def test_quotes_inside_a_cell_survive(tmp_path: Path, note: str) -> None:
    rows = [["姓名", "性别", "备注"], ["张三", "男", note], ["李四", "女", "无"]]
    path = write_csv(tmp_path / "r.csv", rows)
    assert read_book(path).sheets[0].rows == rows


# ---------------------------------------------------------------------------------------------
# Reviewer findings: separate 年级 and 班级, merged data cells, month-only birth dates,
# teachers lists with ID columns, totals and notes filling several cells

GRADED = [*FLAT, "年级"]  # 年级 in column O


def graded_child(n: int, cls: Any, grade: Any = "三年级") -> list[Any]:
    """A FLAT row with its own name (no accidental DUP002) and a 年级 cell after it."""
    return [*flat_child(n, 姓名=f"学生{n}", 班级=cls), grade]


def test_class_number_beside_a_grade_column_reads_as_that_grade(tmp_path: Path) -> None:
    rows = [
        GRADED,
        graded_child(1, "2班"),  # 2
        graded_child(2, "(2)班"),  # 3
        graded_child(3, "二班"),  # 4
        graded_child(4, "2"),  # 5
        graded_child(5, "2 班"),  # 6
        graded_child(6, 2),  # 7: a number cell
        graded_child(7, "（12）班"),  # 8
        graded_child(8, "2班", grade="四年级"),  # 9: the row's own grade
        graded_child(9, "三(2)班", grade="四年级"),  # 10: names another grade: CLS002
        graded_child(10, "火箭班"),  # 11: unreadable: CLS001
        graded_child(11, "2班", grade="火箭"),  # 12: no grade to combine with
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    doc, _, code = validate_json(path)
    assert spots(doc["findings"]) == [
        ("CLS002", 10, "O", "grade"),
        ("CLS001", 11, "F", "class"),
        ("CLS001", 12, "F", "class"),
        ("CLS001", 12, "O", "grade"),
    ]
    assert code == 1
    table = only_children(load_roster([path]))
    classes = table.values["class"]
    assert classes[:6] == [ClassRef(3, 2)] * 6
    assert classes[6:9] == [ClassRef(3, 12), ClassRef(4, 2), ClassRef(3, 2)]
    assert [type(c).__name__ for c in classes[9:]] == ["Bad", "Bad"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_vertically_merged_data_cells_fill_the_rows_below(tmp_path: Path, suffix: str) -> None:
    """班级 F3:F6 merged over four children, 家庭住址 H5:H6 over two siblings: every row
    has the value Excel shows. A note merged across two rows stays a note; the title merged
    across the top stays out of the data."""
    width = len(FLAT)
    rows: list[list[Any]] = [[TITLES[0]], FLAT]
    rows += [flat_child(n, 姓名=f"学生{n}") for n in (1, 2, 3, 4)]  # rows 3-6
    for row in rows[3:6]:
        row[FLAT.index("班级")] = None
    rows[5][FLAT.index("家庭住址")] = None
    rows += [["填表人：王老师  审核：李校长"], []]  # rows 7-8, merged A7:N8
    merges = [(0, 0, 0, width - 1), (2, 5, 5, 5), (4, 5, 7, 7), (6, 7, 0, width - 1)]
    path = tmp_path / f"r{suffix}"
    if suffix == ".xls":
        write_xls(path, {"花名册": rows}, merges=merges)
    else:
        wb = Workbook()
        ws = wb.active
        ws.title = "花名册"
        for row in rows:
            ws.append(row)
        for r1, r2, c1, c2 in merges:
            ws.merge_cells(start_row=r1 + 1, end_row=r2 + 1, start_column=c1 + 1, end_column=c2 + 1)
        wb.save(path)
    doc, _, code = validate_json(path)
    assert doc["findings"] == []
    assert code == 0
    table = only_children(load_roster([path]))
    assert table.rows == [3, 4, 5, 6]
    assert table.values["class"] == [ClassRef(3, 2)] * 4
    assert table.values["home_address"] == ["四川省南部县青山镇幸福村3组"] * 4


def test_month_only_birth_dates_agree_with_the_id(tmp_path: Path) -> None:
    """出生年月 without a day agrees with an ID born on the 17th of that month; a different
    month is still ID006."""
    birth = dt.date(2016, 5, 17)
    spellings: list[Any] = ["2016年5月", "2016.05", "2016-5", "201605", 201605, 2016.05]
    rows = [FLAT]
    for n, spelling in enumerate([*spellings, "2016年6月"], start=1):
        rows.append(
            flat_child(
                n, 姓名=f"学生{n}", 性别="女", 身份证号=child_id(n, birth=birth), 出生日期=spelling
            )
        )
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    doc, _, code = validate_json(path)
    assert spots(doc["findings"]) == [("ID006", 8, "E", "birth_date")]
    assert "2016-05-17" in doc["findings"][0]["message"]
    assert "2016-06" in doc["findings"][0]["message"]
    assert code == 1
    table = only_children(load_roster([path]))
    born = table.values["birth_date"]
    assert [(type(b).__name__, b.year, b.month) for b in born] == [("YearMonth", 2016, 5)] * 6 + [
        ("YearMonth", 2016, 6)
    ]


TEACHERS_WITH_IDS = [
    ["姓名", "性别", "身份证号", "出生日期", "联系电话", "任教班级"],
    ["姓名", "性别", "身份证号", "出生日期", "联系电话", "班级", "职务"],
]


@pytest.mark.parametrize("header", TEACHERS_WITH_IDS, ids=["任教班级", "班级+职务"])
def test_teachers_list_with_id_and_birth_columns_is_teachers(
    tmp_path: Path, header: list[str]
) -> None:
    teachers = [header]
    for n, (name, gender) in enumerate([("王芳", "女"), ("李强", "男")], start=1):
        born = dt.date(1985, 3, n)
        values = [name, gender, make_id(born, 100 + n), born, f"1380000000{n}", "三年级(2)班"]
        teachers.append([*values, "班主任"][: len(header)])
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"Sheet1": [FLAT, flat_child(1), flat_child(2)]})
    staff = write_xlsx(tmp_path / "教师.xlsx", {"Sheet1": teachers})
    doc, _, code = validate_json(roster, staff)
    kinds = {f["file"]: [s["kind"] for s in f["sheets"]] for f in doc["files"]}
    assert kinds == {str(roster): ["children"], str(staff): ["teachers"]}
    assert doc["summary"]["children"] == 2
    assert doc["summary"]["teachers"] == 2
    assert doc["findings"] == []
    assert code == 0


def test_total_and_note_rows_filling_several_cells_are_skipped(tmp_path: Path) -> None:
    blank = [None] * len(FLAT)

    def note(*cells: Any, at: int = 0) -> list[Any]:
        row = list(blank)
        row[at : at + len(cells)] = cells
        return row

    rows = [
        FLAT,  # 1
        flat_child(1),  # 2
        flat_child(2),  # 3
        note("合计", "2人"),  # 4: 合计 in the 序号 column, a count under 姓名
        note("合计", "2人", "女1男1", at=1),  # 5: first filled cell under 姓名
        note("总计：2人", None, None, "留守2人"),  # 6
        note("  小计", 2, at=1),  # 7: spaces before the word
        note("注：留守类型按父母外出情况填写", "见附表"),  # 8
        note("说明", "本表由班主任填写"),  # 9
        note("填表人：王老师", None, None, None, "审核：李校长"),  # 10
        note("制表：教务处", "2024-09-10"),  # 11
        note("审核人：李校长", "2024-09-12", at=4),  # 12
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    table = only_children(load_roster([path]))
    assert table.rows == [2, 3]
    doc, _, code = validate_json(path)
    assert doc["findings"] == []
    assert doc["summary"]["children"] == 2
    assert code == 0


def test_a_county_files_totals_per_school_are_no_children(tmp_path: Path) -> None:
    """A county's merged file totals each school under its rows and the county at the foot,
    the total's word after the school's name (青山小学小计, 全县合计) in the 学校 column,
    the count under 姓名. Each was read as a child: the summary counted 在册关爱对象 4, not
    2, and flag and watch noted children whose 留守类型 is empty."""
    header = ["学校", *CHILD_HEADER]
    blank = [None] * len(header)

    def total(word: str, count: str) -> list[Any]:
        return [word, None, count, *blank[3:]]

    rows = [
        header,
        ["青山小学", *child_row(1)],  # 2
        total("青山小学小计", "1人"),  # 3
        ["白石小学", *child_row(2)],  # 4
        total("白石小学 合计：", "1人"),  # 5
        total("全县合计", "2人"),  # 6
        ["总计 2 人", *blank[1:]],  # 7
    ]
    path = write_xlsx(tmp_path / "全县.xlsx", {"花名册": rows})
    assert only_children(load_roster([path])).rows == [2, 4]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["children"]["total"] == 2
    assert run("flag", path).stderr == ""


def test_a_big_workbooks_sheets_are_parsed_from_one_opening_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook big enough for its sheets to be parsed on two threads (the roster here,
    the teachers and records on the second) is opened once: each opening parses its shared
    strings, a county roster's tens of MB. It reads as it does sheet after sheet."""
    from python_calamine import CalamineWorkbook

    from lbc.roster import reading

    path = write_xlsx(
        tmp_path / "花名册.xlsx",
        {
            "花名册": [CHILD_HEADER, *map(child_row, range(1, 6))],
            "教师": [TEACHER_HEADER, ["王老师", "女", "13912345678", "班主任", "三年级(2)班"]],
            "帮扶记录": [
                RECORD_HEADER,
                ["2024-10-08", "王老师", "张伟", "三年级(2)班", "家访", "-"],
            ],
        },
    )
    alone = run("pair", path, "--max-per-teacher", "5", "--format", "json")
    assert alone.exit_code == 0, alone.stderr
    opened: list[object] = []
    from_path = CalamineWorkbook.from_path

    def opening(name: object) -> object:
        opened.append(name)
        return from_path(name)

    monkeypatch.setattr(reading, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(CalamineWorkbook, "from_path", opening)
    beside = run("pair", path, "--max-per-teacher", "5", "--format", "json")
    assert opened == [str(path)]
    assert (beside.exit_code, beside.stdout, beside.stderr) == (0, alone.stdout, alone.stderr)


# The columns validate's JSON says CHILD_HEADER's sheet gives, by field key.
CHILD_COLUMNS = {
    "name": "B",
    "gender": "C",
    "id_number": "D",
    "birth_date": "E",
    "class": "F",
    "health": "G",
    "home_address": "H",
    "left_behind_type": "I",
    "father_phone": "J",
    "mother_phone": "K",
    "guardian_name": "L",
    "guardian_relation": "M",
    "guardian_phone": "N",
}


def hidden_and_said(path: Path, children: int, note: str, rows: list[int], filtered: bool) -> None:
    """``lbc validate`` reads ``children`` from the one-sheet roster at ``path`` and says
    ``note`` of its hidden ``rows`` (a filter's, where ``filtered``), and ``lbc columns``
    lists them."""
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, children)
    assert result.stderr == note
    (sheet,) = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert (sheet["hidden_rows"], sheet["filtered"]) == (rows, filtered)


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_read_and_said(tmp_path: Path, state: str) -> None:
    """A sheet the workbook hides (an old copy of a class) is read as any other, but the
    school does not see it when it opens the file: every command says it is there, so
    that a child counted or a finding placed on it can be found: merge too, which puts
    its children in the county's roster."""
    path = write_xlsx(
        tmp_path / "花名册.xlsx",
        {
            "花名册": [CHILD_HEADER, child_row(1)],
            "旧表": [CHILD_HEADER, child_row(1), child_row(2)],
        },
    )
    wb = load_workbook(path)
    wb["旧表"].sheet_state = state
    wb.save(path)
    note = (
        f"提示：{path} 的“旧表”是隐藏的工作表，其中 2 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除\n"
    )
    result = run("validate", path, "--format", "json")
    findings = [(f["code"], f["sheet"], f["row"]) for f in result.json()["findings"]]
    assert (result.exit_code, findings) == (1, [("DUP001", "旧表", 2)])
    assert result.stderr == note
    flag = run("flag", path)
    assert (flag.exit_code, flag.stderr) == (0, note)
    # merge reads each file in a worker and says its notes from what the worker hands back.
    county = tmp_path / "县.xlsx"
    merged = run("merge", path, "--out", county)
    written = f"已写出合并名册：{county}（1 个文件）\n"
    assert (merged.exit_code, merged.stderr) == (1, written + note)
    (book,) = run("columns", path, "--format", "json").json()["files"]
    assert [(s["sheet"], s["hidden"]) for s in book["sheets"]] == [
        ("花名册", False),
        ("旧表", True),
    ]
    said = "这是隐藏的工作表，也已读入；它若是旧表或草稿，请在 Excel 中取消隐藏后删除"
    assert run("columns", path).stdout.count(said) == 1


def test_last_terms_hidden_sheet_is_said_by_summary_and_watch(tmp_path: Path) -> None:
    """Last term's roster (``--previous``) is read as lbc diff reads its OLD: a sheet it
    hides (an old list left in the file) is read too, and its children, gone from this
    term's roster, are counted as left. lbc summary and lbc watch said nothing of it, so
    a county's 离开 5 could not be told from 离开 2; they say what lbc diff says."""
    old = tmp_path / "上学期" / "花名册.xlsx"
    old.parent.mkdir()
    write_xlsx(
        old,
        {
            "花名册": [CHILD_HEADER, child_row(1)],
            "去年名单": [CHILD_HEADER, child_row(2), child_row(3)],
        },
    )
    wb = load_workbook(old)
    wb["去年名单"].sheet_state = "hidden"
    wb.save(old)
    new = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    note = (
        f"提示：{old} 的“去年名单”是隐藏的工作表，其中 2 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除\n"
    )
    diff = run("diff", old, new, "--format", "json")
    assert (diff.exit_code, diff.stderr, diff.json()["summary"]["gone"]) == (0, note, 2)
    summary = run("summary", "--term", "2024-autumn", "--previous", old, new, "--format", "json")
    assert summary.json()["changes"]["left"] == 2
    assert note in summary.stderr.splitlines(keepends=True)
    watch = run("watch", "--previous", old, new)
    assert watch.stderr.splitlines(keepends=True).count(note) == 1


@pytest.mark.parametrize("look", ["scanned", "let_through", "in_pieces"])
def test_rows_a_sheet_hides_are_read_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, look: str
) -> None:
    """Rows a school hid by hand (children who left) are still children, and are read: but
    the school counts fewer when it opens the file, so every command says which rows are
    hidden, once a sheet: merge too, which puts them in the county's roster. A hidden row
    of no cells, or a hidden column, is no hidden child.
    ``look``: the sheet scanned before calamine (a school's), let through on its
    <dimension> and looked through beside calamine's parse (a county's roster of tens of
    MB), or read in pieces (a merged province's)."""
    if look == "let_through":
        monkeypatch.setattr(reading, "ALWAYS_SCAN_BYTES", 0)
    if look == "in_pieces":
        monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    path = write_xlsx(
        tmp_path / "花名册.xlsx", {"花名册": [CHILD_HEADER, *map(child_row, range(1, 11))]}
    )
    wb = load_workbook(path)
    ws = wb["花名册"]
    for row in (3, 5, 6, 8, 9, 10, 11, 20):
        ws.row_dimensions[row].hidden = True
    ws.column_dimensions["G"].hidden = True
    wb.save(path)
    note = (
        f"提示：{path} 的“花名册”中第 3、5、6、8、9 行等 7 行是隐藏行，打开文件时看不到，"
        "这 7 行也已读入；请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, note)
    assert result.json()["summary"]["children"] == 10
    # Its JSON lists them under the sheet, as lbc columns does, for a script to find.
    assert result.json()["files"] == [
        {
            "file": str(path),
            "sheets": [
                {
                    "sheet": "花名册",
                    "kind": "children",
                    "header_rows": [1],
                    "rows": 10,
                    "hidden_rows": [3, 5, 6, 8, 9, 10, 11],
                    "filtered": False,
                    "columns": CHILD_COLUMNS,
                    "unknown_columns": [],
                }
            ],
            "skipped_sheets": [],
        }
    ]
    flag = run("flag", path)
    assert (flag.exit_code, flag.stderr) == (0, note)
    # merge reads each file in a worker and says its notes from what the worker hands back.
    county = tmp_path / "县.xlsx"
    merged = run("merge", path, "--out", county)
    written = f"已写出合并名册：{county}（1 个文件）\n"
    assert (merged.exit_code, merged.stderr) == (0, written + note)
    (sheet,) = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert (sheet["hidden_rows"], sheet["filtered"]) == ([3, 5, 6, 8, 9, 10, 11], False)
    said = "第 3、5、6、8、9 行等 7 行是隐藏行，也已读入；请在 Excel 中取消隐藏后核对"
    assert run("columns", path).stdout.splitlines().count(said) == 1
    english = run("--lang", "en", "validate", path).stderr
    assert english == (
        f"note: {path} sheet '花名册': rows 3, 5, 6, 8, 9 and 2 more are hidden, so opening "
        "the file does not show them; they are read all the same; select the whole sheet and "
        "unhide in Excel to check them\n"
    )


def test_rows_a_filter_hides_are_read_and_said(tmp_path: Path) -> None:
    """A roster sent filtered (自动筛选 on one class) shows only that class's children; the
    others are read all the same, and the note says a filter hides them and how to clear
    it."""
    rows = [CHILD_HEADER, child_row(1), child_row(2, cls="三年级(1)班"), child_row(3)]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    wb = load_workbook(path)
    ws = wb["花名册"]
    ws.auto_filter.ref = f"A1:{get_column_letter(len(CHILD_HEADER))}4"
    ws.auto_filter.add_filter_column(CHILD_HEADER.index("班级"), ["三年级(1)班"])
    for row in (2, 4):
        ws.row_dimensions[row].hidden = True
    wb.save(path)
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 3)
    (book,) = result.json()["files"]
    assert book["sheets"] == [
        {
            "sheet": "花名册",
            "kind": "children",
            "header_rows": [1],
            "rows": 3,
            "hidden_rows": [2, 4],
            "filtered": True,
            "columns": CHILD_COLUMNS,
            "unknown_columns": [],
        }
    ]
    assert result.stderr == (
        f"提示：{path} 的“花名册”设了筛选，第 2、4 行被筛选隐藏，打开文件时看不到，"
        "这 2 行也已读入；请在 Excel 中清除筛选后核对\n"
    )
    assert run("--lang", "en", "flag", path).stderr == (
        f"note: {path} sheet '花名册' is filtered: rows 2, 4 are hidden, so opening the file "
        "does not show them; they are read all the same; clear the filter in Excel to check "
        "them\n"
    )
    said = "设了筛选：第 2、4 行被筛选隐藏，也已读入；请在 Excel 中清除筛选后核对"
    assert run("columns", path).stdout.splitlines().count(said) == 1


def test_hidden_rows_patterns_are_compiled_only_to_be_used(tmp_path: Path) -> None:
    """The patterns that number a sheet's hidden rows are compiled for a part that says
    "hidden", the .xls one for an .xls file: not by each `lbc validate FILE` of a county's
    loop whose workbook hides nothing."""
    xlsx = {repr(p) for p in (reading._HIDDEN_ATTR, reading._ROW_TAG, reading._ROW_NUMBER)}
    xls = repr(xls_errors._HIDDEN_ROW)
    rows = [CHILD_HEADER, child_row(1), child_row(2)]
    plain = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    code, compiled = patterns_compiled("validate", plain)
    assert code == 0 and not (xlsx | {xls}) & set(compiled)
    hiding = write_xlsx(tmp_path / "隐藏.xlsx", {"花名册": rows})
    wb = load_workbook(hiding)
    wb["花名册"].row_dimensions[3].hidden = True
    wb.save(hiding)
    code, compiled = patterns_compiled("validate", hiding)
    assert code == 0 and xlsx <= set(compiled) and xls not in compiled
    code, compiled = patterns_compiled(
        "validate", write_xls(tmp_path / "花名册.xls", {"花名册": rows})
    )
    assert code == 0 and xls in compiled and not xlsx & set(compiled)


def test_a_hidden_row_is_found_past_rows_of_their_own_height(tmp_path: Path) -> None:
    """Rows each of its own height (ht= and customHeight=, as WPS saves a roster whose rows
    were made taller) fill the sheet's XML with "h"s, past the first thousands of which
    "hidden" is searched for whole: a row hidden after them is still found."""
    births = [dt.date(2015, 1, 1) + dt.timedelta(days=n // 400) for n in range(2500)]
    rows = [
        CHILD_HEADER,
        *(
            child_row(n + 1, birth=birth, 身份证号=make_id(birth, 100 + n % 400 * 2))
            for n, birth in enumerate(births)
        ),
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    wb = load_workbook(path)
    ws = wb["花名册"]
    for row in range(1, 2502):
        ws.row_dimensions[row].height = 20
    ws.row_dimensions[2500].hidden = True
    wb.save(path)
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 2500)
    assert result.stderr == (
        f"提示：{path} 的“花名册”中第 2500 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )


def test_rows_of_no_height_are_read_and_said_as_hidden(tmp_path: Path) -> None:
    """A row of height 0 (ht="0", as some programs save a row dragged shut) is one Excel
    shows as hidden: it is read and said as a hidden row is. A row whose height merely
    starts with 0 (ht="0.75") is in sight."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3, 4))]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    with zipfile.ZipFile(path) as zf:
        parts = {info: zf.read(info) for info in zf.infolist()}
    for info in parts:
        if info.filename == "xl/worksheets/sheet1.xml":
            xml = parts[info].decode()
            xml = xml.replace('<row r="3">', '<row r="3" ht="0" customHeight="1">')
            xml = xml.replace('<row r="4">', '<row r="4" ht="0.75" customHeight="1">')
            parts[info] = xml.replace('<row r="5">', "<row r='5' ht='0.0'>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts.items():
            zf.writestr(info, data)
    note = (
        f"提示：{path} 的“花名册”中第 3、5 行是隐藏行，打开文件时看不到，这 2 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    hidden_and_said(path, 4, note, [3, 5], filtered=False)


def test_xls_rows_of_no_height_are_read_and_said_as_hidden(tmp_path: Path) -> None:
    """An .xls row of height 0 not marked hidden (as a program other than Excel writes a row
    dragged shut) shows nothing: it is read and said as a hidden row is, as an .xlsx's row
    of ht="0" is. A row of a height of its own is in sight."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3, 4))]
    path = write_xls(tmp_path / "花名册.xls", {"花名册": rows}, hidden=[5], heights={3: 0, 4: 300})
    note = (
        f"提示：{path} 的“花名册”中第 3、5 行是隐藏行，打开文件时看不到，这 2 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    hidden_and_said(path, 4, note, [3, 5], filtered=False)


def test_rows_an_ods_sheet_hides_are_read_and_said(tmp_path: Path) -> None:
    """An .ods roster's hidden rows (LibreOffice's table:visibility="collapse", by hand, or
    "filter", a filter's) are read and said as an .xlsx's are. A hidden row of no cells is
    no hidden child."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3, 4)), [None]]
    hide = 'table:visibility="collapse"'
    attrs = {3: hide, 6: hide}
    path = write_ods(tmp_path / "花名册.ods", rows, attrs)
    note = (
        f"提示：{path} 的“花名册”中第 3 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    hidden_and_said(path, 4, note, [3], filtered=False)
    filtered = 'table:visibility="filter"'
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3)), [None]]
    attrs = {2: filtered, 4: filtered, 5: f'{filtered} table:number-rows-repeated="2"'}
    path = write_ods(tmp_path / "筛选.ods", rows, attrs)
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 3)
    assert result.stderr == (
        f"提示：{path} 的“花名册”设了筛选，第 2、4 行被筛选隐藏，打开文件时看不到，"
        "这 2 行也已读入；请在 Excel 中清除筛选后核对\n"
    )


def _merged_county(tmp_path: Path) -> Path:
    """A county of two schools of three children each, merged by lbc merge into one
    sheet: 留守儿童花名册, its rows by school (红星小学's first)."""
    for n, school in enumerate(("青山小学", "红星小学")):
        rows = [CHILD_HEADER, *map(child_row, range(3 * n + 1, 3 * n + 4))]
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": rows})
    merged = tmp_path / "合并.xlsx"
    assert run("merge", tmp_path / "县", "--out", merged).exit_code == 0
    return merged


def test_rows_hidden_on_a_merged_roster_are_said_of_its_sheet(tmp_path: Path) -> None:
    """A county's merged roster filtered to some schools' rows and sent on: it is read
    school by school, and the rows hidden are said once, of the merged sheet, in order."""
    merged = _merged_county(tmp_path)
    wb = load_workbook(merged)
    ws = wb["留守儿童花名册"]
    assert [ws.cell(row, 1).value for row in (3, 6)] == ["红星小学", "青山小学"]
    for row in (3, 6):
        ws.row_dimensions[row].hidden = True
    wb.save(merged)
    result = run("validate", merged, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 6)
    assert result.stderr == (
        f"提示：{merged} 的“留守儿童花名册”中第 3、6 行是隐藏行，打开文件时看不到，"
        "这 2 行也已读入；请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    sheets = run("columns", merged, "--format", "json").json()["files"][0]["sheets"]
    assert [(s["sheet"], s["hidden_rows"]) for s in sheets] == [("留守儿童花名册", [3, 6])]


def test_a_hidden_sheet_of_a_merged_roster_is_said(tmp_path: Path) -> None:
    """A county's merged roster whose sheet someone hid is read school by school: the
    sheet is still said to be hidden, once, with all its schools' rows."""
    merged = _merged_county(tmp_path)
    wb = load_workbook(merged)
    wb.create_sheet("说明")  # a workbook keeps one sheet in sight
    wb["留守儿童花名册"].sheet_state = "hidden"
    wb.save(merged)
    result = run("validate", merged, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 6)
    assert result.stderr == (
        f"提示：{merged} 的“留守儿童花名册”是隐藏的工作表，其中 6 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除\n"
    )


def test_rows_an_xls_sheet_hides_are_read_and_said(tmp_path: Path) -> None:
    """An Excel 97-2003 roster's hidden rows are read and said as an .xlsx's are: its ROW
    records say which (calamine does not). A hidden row of no cells is no hidden child."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3, 4))]
    path = write_xls(tmp_path / "花名册.xls", {"花名册": rows}, hidden=(3, 5, 9))
    note = (
        f"提示：{path} 的“花名册”中第 3、5 行是隐藏行，打开文件时看不到，这 2 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    hidden_and_said(path, 4, note, [3, 5], filtered=False)


def test_rows_a_filter_hides_on_an_xls_sheet_are_said_to_be_a_filters(tmp_path: Path) -> None:
    """An Excel 97-2003 roster sent filtered: its FILTERMODE record says a filter is in
    force, so the note says how to clear it, as an .xlsx's does."""
    rows = [CHILD_HEADER, *map(child_row, (1, 2, 3))]
    path = write_xls(tmp_path / "花名册.xls", {"花名册": rows}, hidden=(2, 4), filtered=True)
    note = (
        f"提示：{path} 的“花名册”设了筛选，第 2、4 行被筛选隐藏，打开文件时看不到，"
        "这 2 行也已读入；请在 Excel 中清除筛选后核对\n"
    )
    hidden_and_said(path, 3, note, [2, 4], filtered=True)


def test_a_merged_rosters_fit_to_height_is_no_hidden_row(
    tmp_path: Path, count_inflations: Callable[[], list[str]]
) -> None:
    """lbc merge prints each sheet fitToHeight="0": its ht="0 ends another attribute, so
    the sheet is not looked through again for the rows it hides (a merged province's
    1.5 GB of XML inflated and parsed tag by tag for none); none is said."""
    merged = merged_county(tmp_path)
    with zipfile.ZipFile(merged) as zf:
        assert b'fitToHeight="0"' in zf.read("xl/worksheets/sheet1.xml")
    inflated = count_inflations()
    result = run("validate", merged, "--format", "json")
    assert inflated.count("xl/worksheets/sheet1.xml") == 1
    assert "隐藏" not in result.stderr
