"""Past Excel's row limit: lbc merge goes on in numbered sheets, and every command reads
them back as one table whose rows keep their own sheet and row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.output import xlsx_stream
from lbc.reports.county import header
from lbc.roster.fields import Kind


def test_the_limit_is_excels() -> None:
    """1,048,576 rows a sheet in Excel and WPS: the header and 1,048,575 more."""
    assert xlsx_stream.MAX_DATA_ROWS == 1_048_575


def merged_row(school: str, row: int, child: list) -> list:
    """A row of lbc merge's children sheet, from a CHILD_HEADER row."""
    by_label = dict(zip(CHILD_HEADER, child, strict=True))
    values = [by_label.get(label) for label in header(Kind.CHILDREN)[4:]]
    return [school, "roster.xlsx", "花名册", row, *values]


def test_numbered_sheets_read_back_as_one_table(tmp_path: Path) -> None:
    """Two sheets as merge writes them past the limit: one table of three children. The
    same child of one school on both sheets is DUP002 (only found within one table),
    pointing at the second sheet's row and naming the first's."""
    top = header(Kind.CHILDREN)
    twin = child_row(1, 身份证号=None)
    path = write_xlsx(
        tmp_path / "全省.xlsx",
        {
            "留守儿童花名册1": [
                top,
                merged_row("青山小学", 2, twin),
                merged_row("青山小学", 3, child_row(2)),
            ],
            "留守儿童花名册2": [top, merged_row("青山小学", 4, twin)],
        },
    )
    result = run("validate", path, "--format", "json")
    doc = result.json()
    [sheet] = doc["files"][0]["sheets"]
    assert (sheet["sheet"], sheet["rows"]) == ("留守儿童花名册1", 3)
    assert doc["summary"]["children"] == 3
    dup = [f for f in doc["findings"] if f["code"] == "DUP002"]
    assert [(f["sheet"], f["row"], f["column"]) for f in dup] == [("留守儿童花名册2", 2, "E")]
    assert f"与{path}“留守儿童花名册1”第 2 行相同" in dup[0]["message"]
    empty = [(f["sheet"], f["row"]) for f in doc["findings"] if f["code"] == "REQ001"]
    assert empty == [("留守儿童花名册1", 2), ("留守儿童花名册2", 2)]  # each its own sheet's row


def test_sheets_numbered_by_a_school_stay_apart(tmp_path: Path) -> None:
    """Only merge's own sheets are joined: a school's 名册1 and 名册2 are two tables."""
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {"名册1": [CHILD_HEADER, child_row(1)], "名册2": [CHILD_HEADER, child_row(2)]},
    )
    sheets = run("validate", path, "--format", "json").json()["files"][0]["sheets"]
    assert [(s["sheet"], s["rows"]) for s in sheets] == [("名册1", 1), ("名册2", 1)]


def test_merge_splits_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the limit lowered to 1 row (a test-only seam: the limit is a module constant),
    three children go into three numbered sheets, a school's block cut across two of them;
    merge says so, and validate reads the three back as one table."""
    monkeypatch.setattr(xlsx_stream, "MAX_DATA_ROWS", 1)
    root = tmp_path / "各校"
    for name, rows in (("a", [child_row(1), child_row(2)]), ("b", [child_row(3)])):
        (root / name).mkdir(parents=True)
        write_xlsx(root / name / "roster.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    out = tmp_path / "全县.xlsx"
    result = run("merge", root, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    names = ["留守儿童花名册1", "留守儿童花名册2", "留守儿童花名册3"]
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == [*names, "来源列"]
    assert [[r[4] for r in book[n].iter_rows(min_row=2, values_only=True)] for n in names] == [
        ["张雨涵"],
        ["李明轩"],
        ["王梓萱"],
    ]
    assert (
        "超出部分已依次写入编号工作表：留守儿童花名册1、留守儿童花名册2、留守儿童花名册3"
        in result.stderr
    )
    doc = run("validate", out, "--format", "json").json()
    [sheet] = doc["files"][0]["sheets"]
    assert (sheet["sheet"], sheet["rows"], doc["summary"]["children"]) == ("留守儿童花名册1", 3, 3)


def test_merge_under_the_limit_keeps_one_plain_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_stream, "MAX_DATA_ROWS", 3)
    (tmp_path / "a").mkdir()
    write_xlsx(
        tmp_path / "a" / "roster.xlsx",
        {"花名册": [CHILD_HEADER, child_row(1), child_row(2), child_row(3)]},
    )
    out = tmp_path / "全县.xlsx"
    result = run("merge", tmp_path / "a", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert load_workbook(out, read_only=True).sheetnames == ["留守儿童花名册", "来源列"]
    assert "编号工作表" not in result.stderr


def test_pairing_names_each_childs_own_sheet(tmp_path: Path) -> None:
    """lbc pair over numbered sheets points at the sheet each child is on, so a head
    teacher finds the child where the county roster has it."""
    top = header(Kind.CHILDREN)
    path = write_xlsx(
        tmp_path / "全省.xlsx",
        {
            "留守儿童花名册1": [top, merged_row("青山小学", 2, child_row(1))],
            "留守儿童花名册2": [top, merged_row("青山小学", 3, child_row(2))],
            "教师名单": [TEACHER_HEADER, ["王芳", "女", "13800000001", "班主任", "三年级(2)班"]],
        },
    )
    doc = run("pair", path, "--format", "json").json()
    rows = [*doc["pairs"], *doc["unpaired"]]
    assert sorted((p["sheet"], p["row"]) for p in rows) == [
        ("留守儿童花名册1", 2),
        ("留守儿童花名册2", 2),
    ]


def test_hidden_rows_and_sheets_are_said_of_their_own_numbered_sheet(tmp_path: Path) -> None:
    """Numbered sheets read back as one table: a row hidden on the second sheet is said of
    the second, not under the first's name, and the second sheet hidden is said hidden,
    with its own rows; a row of the first sheet hidden under the same number is the
    first's."""
    top = header(Kind.CHILDREN)
    path = write_xlsx(
        tmp_path / "全省.xlsx",
        {
            "留守儿童花名册1": [
                top,
                merged_row("青山小学", 2, child_row(1)),
                merged_row("青山小学", 3, child_row(2)),
            ],
            "留守儿童花名册2": [
                top,
                merged_row("青山小学", 4, child_row(3)),
                merged_row("青山小学", 5, child_row(4)),
            ],
            "说明": [["合并名册"]],
        },
    )
    wb = load_workbook(path)
    wb["留守儿童花名册1"].row_dimensions[2].hidden = True
    wb["留守儿童花名册2"].row_dimensions[3].hidden = True
    wb["留守儿童花名册2"].sheet_state = "hidden"
    wb.save(path)
    first = (
        f"提示：{path} 的“留守儿童花名册1”中第 2 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    second = (
        f"提示：{path} 的“留守儿童花名册2”是隐藏的工作表，其中 2 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除\n"
    )
    second_rows = (
        f"提示：{path} 的“留守儿童花名册2”中第 3 行是隐藏行，打开文件时看不到，这 1 行也已读入；"
        "请在 Excel 中选中整张表、取消隐藏后核对\n"
    )
    skipped = f"提示：{path} 的工作表“说明”不是花名册、教师名单或帮扶记录，已跳过\n"
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 4)
    assert result.stderr == skipped + first + second + second_rows
    # merge says its notes from what each file's worker hands back.
    county = tmp_path / "县.xlsx"
    merged = run("merge", path, "--out", county)
    written = f"已写出合并名册：{county}（1 个文件）\n"
    assert (merged.exit_code, merged.stderr) == (
        0,
        written + skipped + first + second + second_rows,
    )
    (sheet,) = run("columns", path, "--format", "json").json()["files"][0]["sheets"]
    assert (sheet["sheet"], sheet["hidden"], sheet["hidden_rows"]) == (
        "留守儿童花名册1",
        False,
        [2],
    )


def _second_sheet_hiding(path: Path, *, filtered: bool) -> Path:
    """Numbered sheets of two schools' children whose second sheet hides its rows 2 and 4:
    by hand and the sheet itself hidden, or by a filter on 学校 in force."""
    top = header(Kind.CHILDREN)
    write_xlsx(
        path,
        {
            "留守儿童花名册1": [
                top,
                merged_row("青山小学", 2, child_row(1)),
                merged_row("红星小学", 2, child_row(2)),
                merged_row("红星小学", 3, child_row(3)),
            ],
            "留守儿童花名册2": [
                top,
                merged_row("青山小学", 3, child_row(4)),
                merged_row("红星小学", 4, child_row(5)),
                merged_row("青山小学", 4, child_row(6)),
            ],
        },
    )
    wb = load_workbook(path)
    second = wb["留守儿童花名册2"]
    if filtered:
        second.auto_filter.ref = "A1:E4"
        second.auto_filter.add_filter_column(0, ["红星小学"])
    else:
        second.sheet_state = "hidden"
    second.row_dimensions[2].hidden = second.row_dimensions[4].hidden = True
    wb.save(path)
    return path


def test_json_and_columns_say_each_numbered_sheets_hidden_rows(tmp_path: Path) -> None:
    """The table read back from numbered sheets is one entry under its first sheet's name,
    whose hidden_rows and filtered stay that sheet's; numbered_sheets gives every sheet's
    own, so a script reading the JSON hears of the children hidden on the second sheet, and
    lbc columns says them, and the second sheet hidden, under the second sheet's name."""
    hidden = _second_sheet_hiding(tmp_path / "隐藏.xlsx", filtered=False)
    first = {
        "sheet": "留守儿童花名册1",
        "rows": 3,
        "hidden": False,
        "hidden_rows": [],
        "filtered": False,
    }
    marks = [
        first,
        {
            "sheet": "留守儿童花名册2",
            "rows": 3,
            "hidden": True,
            "hidden_rows": [2, 4],
            "filtered": False,
        },
    ]
    validated = run("validate", hidden, "--format", "json")
    assert validated.json()["files"] == [
        {
            "file": str(hidden),
            "sheets": [
                {
                    "sheet": "留守儿童花名册1",
                    "kind": "children",
                    "header_rows": [1],
                    "rows": 6,
                    "hidden_rows": [],
                    "filtered": False,
                    "numbered_sheets": marks,
                    "columns": {
                        "school": "A",
                        "name": "E",
                        "gender": "F",
                        "id_number": "G",
                        "birth_date": "I",
                        "class": "L",
                        "health": "M",
                        "home_address": "N",
                        "left_behind_type": "O",
                        "father_phone": "T",
                        "mother_phone": "W",
                        "guardian_name": "AC",
                        "guardian_relation": "AD",
                        "guardian_phone": "AE",
                    },
                    "unknown_columns": [],
                }
            ],
            "skipped_sheets": [],
        }
    ]
    (sheet,) = run("columns", hidden, "--format", "json").json()["files"][0]["sheets"]
    said = {key: value for key, value in sheet.items() if key not in ("columns", "ignored")}
    assert said == {
        "sheet": "留守儿童花名册1",
        "kind": "children",
        "header_rows": [1],
        "rows": 6,
        "hidden": False,
        "hidden_rows": [],
        "filtered": False,
        "numbered_sheets": marks,
        "kind_from": None,
        "class_from": None,
        "pairs": False,
    }
    text = run("columns", hidden).stdout.splitlines()
    assert text[-2:] == [
        "“留守儿童花名册2”是隐藏的工作表，其中 3 行也已读入；"
        "它若是旧表或草稿，请在 Excel 中取消隐藏后删除",
        "“留守儿童花名册2”中第 2、4 行是隐藏行，也已读入；请在 Excel 中取消隐藏后核对",
    ]

    filtered = _second_sheet_hiding(tmp_path / "筛选.xlsx", filtered=True)
    marks = [
        first,
        {
            "sheet": "留守儿童花名册2",
            "rows": 3,
            "hidden": False,
            "hidden_rows": [2, 4],
            "filtered": True,
        },
    ]
    (entry,) = run("validate", filtered, "--format", "json").json()["files"][0]["sheets"]
    assert (entry["hidden_rows"], entry["filtered"], entry["numbered_sheets"]) == ([], False, marks)
    (sheet,) = run("columns", filtered, "--format", "json").json()["files"][0]["sheets"]
    assert (sheet["hidden_rows"], sheet["filtered"], sheet["numbered_sheets"]) == ([], False, marks)
    assert run("columns", filtered).stdout.splitlines()[-1] == (
        "“留守儿童花名册2”设了筛选：第 2、4 行被筛选隐藏，也已读入；请在 Excel 中清除筛选后核对"
    )
