"""A county's merged roster is read back school by school, each with the columns its own
rows fill (lbc.roster.merged_books.by_source): lbc merge writes every column for every school,
and a school that kept one 家长电话 column, or no 务工地点, must not read as having empty
父亲电话 and 务工地点 cells for every child."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BS = "青山小学", "白石小学"
# 青山's roster: one 家长电话 column instead of the father's and mother's.
ONE_PHONE = [h for h in CHILD_HEADER if h not in ("父亲电话", "母亲电话")] + ["家长电话"]


def one_phone_row(n: int) -> list[Any]:
    cells = {**dict(zip(CHILD_HEADER, child_row(n), strict=True)), "家长电话": "13912345678"}
    return [cells[h] for h in ONE_PHONE]


def county(tmp_path: Path) -> Path:
    root = tmp_path / "县"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    a = [[f"{QS}留守儿童花名册"], ONE_PHONE, *(one_phone_row(n) for n in (1, 2, 3))]
    write_xlsx(root / "a" / "花名册.xlsx", {"花名册": a})
    b = [[f"{BS}留守儿童花名册"], CHILD_HEADER, *(child_row(n) for n in (4, 5))]
    write_xlsx(root / "b" / "花名册.xlsx", {"花名册": b})
    return root


def summaries(path: Path) -> dict[str, Any]:
    out = {}
    for command in ("validate", "flag", "watch"):
        result = run(command, path, "--format", "json")
        out[command] = (result.exit_code, result.json()["summary"])
    return out


def test_each_school_of_a_merged_roster_keeps_its_own_columns(tmp_path: Path) -> None:
    root = county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    folder = summaries(root)
    assert folder["validate"] == (
        0,
        {
            "children": 5,
            "teachers": 0,
            "records": 0,
            "errors": 0,
            "warnings": 0,
            "by_code": {},
            "schools": [
                {"school": QS, "children": 3, "errors": 0, "warnings": 0},
                {"school": BS, "children": 2, "errors": 0, "warnings": 0},
            ],
        },
    )
    # Read whole, the merged roster gave 青山's children no parent's phone (CON002) and
    # every child an empty 务工地点 (CON005), and put 青山's three on the watch list.
    assert summaries(merged) == folder
    (sheet,) = run("validate", merged, "--format", "json").json()["files"][0]["sheets"]
    assert sheet == {
        "sheet": "留守儿童花名册",
        "kind": "children",
        "header_rows": [1],
        "rows": 5,
        "hidden_rows": [],
        "filtered": False,
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
            "parent_phone": "Z",
            "guardian_name": "AC",
            "guardian_relation": "AD",
            "guardian_phone": "AE",
        },
        "unknown_columns": [],
    }


def test_a_school_without_a_phone_column_is_said_once_on_the_merged_roster(
    tmp_path: Path,
) -> None:
    """A school with no parent's phone column at all: its own file gives one COL001, and
    so does its part of the merged roster, rather than an error on every child."""
    root = county(tmp_path)
    bare = [h for h in ONE_PHONE if h != "家长电话"]
    rows = [one_phone_row(n)[: len(bare)] for n in (1, 2, 3)]
    write_xlsx(root / "a" / "花名册.xlsx", {"花名册": [[f"{QS}留守儿童花名册"], bare, *rows]})
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 1  # COL001, as validate says
    findings = run("validate", merged, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["column"]) for f in findings] == [("COL001", None, None)]
    assert run("validate", root, "--format", "json").json()["summary"]["by_code"] == {"COL001": 1}


@pytest.mark.parametrize("how", ["merge", "export"])
def test_a_required_column_a_school_lacks_is_said_once_on_its_merged_roster(
    tmp_path: Path, how: str
) -> None:
    """青山's sheet has no 家庭住址 and its teachers list no 联系电话: its own file gives one
    COL001 each, and so do the merged roster and the exported workbook, whose 来源列 says
    the school had neither column; read as empty columns they gave a REQ001 on every child
    and a TCH001 on every teacher."""
    root = county(tmp_path)
    bare = [h for h in ONE_PHONE if h != "家庭住址"]
    rows = [[dict(zip(ONE_PHONE, one_phone_row(n), strict=True))[h] for h in bare] for n in (1, 2)]
    staff = [["姓名", "任教班级"], ["王芳", "三年级(2)班"]]
    sheets = {"花名册": [[f"{QS}留守儿童花名册"], bare, *rows], "教师": staff}
    write_xlsx(root / "a" / "花名册.xlsx", sheets)
    out = tmp_path / "全县.xlsx"
    source = root / "a" / "花名册.xlsx" if how == "export" else root
    assert run(how, source, "--out", out).exit_code == (how == "merge")  # COL001 is an error

    def said(path: Path) -> list[tuple[str, str, int | None]]:
        findings = run("validate", path, "--format", "json").json()["findings"]
        return [(f["code"], f["field"], f["row"]) for f in findings]

    assert said(source) == [("COL001", "home_address", None), ("COL001", "phone", None)]
    assert said(out) == said(source)


def test_merge_counts_the_schools_a_townships_file_holds(tmp_path: Path) -> None:
    """A township's one file with a 学校 column for two schools, and a school's own file:
    three schools, not two (merge used to count each file as one school)."""
    root = tmp_path / "县"
    (root / "乡").mkdir(parents=True)
    (root / "c").mkdir()
    rows = [[QS, *child_row(1)], [QS, *child_row(2)], [BS, *child_row(3)]]
    write_xlsx(root / "乡" / "花名册.xlsx", {"花名册": [["学校", *CHILD_HEADER], *rows]})
    own = [["大桥小学留守儿童花名册"], CHILD_HEADER, child_row(4)]
    write_xlsx(root / "c" / "花名册.xlsx", {"花名册": own})
    result = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = result.json()["summary"]
    assert (summary["files"], summary["schools"], summary["children"]) == (2, 3, 4)


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_school_without_a_support_teacher_column_is_not_said_to_lack_one(
    tmp_path: Path, suffix: str
) -> None:
    """青山 keeps a 帮扶教师 column, filled for one child; 白石's roster has none (the
    official 登记表 has none). Merged, 白石's children were each said to have no support
    teacher (WCH012), which their own file does not say: the column's cells, empty on
    their rows, read as a column they have. Every child is chronically ill (WCH008), so
    a child with no support teacher either is on the watch list."""
    root = county(tmp_path)
    ill = {"健康状况": "慢性病"}
    rows = []
    for n in (1, 2, 3):
        cells = {
            **dict(zip(CHILD_HEADER, child_row(n, **ill), strict=True)),
            "家长电话": "13912345678",
        }
        rows.append([*(cells[h] for h in ONE_PHONE), "王芳" if n == 1 else None])
    a = [[f"{QS}留守儿童花名册"], [*ONE_PHONE, "帮扶教师"], *rows]
    write_xlsx(root / "a" / "花名册.xlsx", {"花名册": a})
    b = [[f"{BS}留守儿童花名册"], CHILD_HEADER, *(child_row(n, **ill) for n in (4, 5))]
    write_xlsx(root / "b" / "花名册.xlsx", {"花名册": b})
    merged = tmp_path / f"全县{suffix}"
    assert run("merge", root, "--out", merged).exit_code == 0

    def listed(path: Path) -> list[tuple[str, str, list[str]]]:
        doc = run("watch", path, "--as-of", "2024-10-15", "--format", "json").json()
        return sorted(
            (group["class"], child["name"], [r["code"] for r in child["reasons"]])
            for group in doc["classes"]
            for child in group["children"]
        )

    reasons = ["WCH008", "WCH012"]
    in_class = f"{QS} 三年级(2)班"
    assert listed(root) == [(in_class, "李明轩", reasons), (in_class, "王梓萱", reasons)]
    assert listed(merged) == listed(root)


def test_a_merged_roster_without_its_source_file_column_is_still_read_school_by_school(
    tmp_path: Path,
) -> None:
    """A county took the 来源文件 column out of the merged roster (long paths, or a
    school's folder it would rather not show): its 学校 cells still tell each school's
    rows apart. Read whole, every child was said to have no 务工地点 (CON005), which
    neither school's file has a column for."""
    root = county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    book = load_workbook(merged)
    sheet = book["留守儿童花名册"]
    assert sheet["B1"].value == "来源文件"
    sheet.delete_cols(2)
    edited = tmp_path / "全县（删去来源文件）.xlsx"
    book.save(edited)
    assert summaries(edited) == summaries(root)
    assert run("validate", edited, "--format", "json").json()["summary"]["by_code"] == {}


def test_lbc_columns_describes_a_merged_rosters_sheet_once(tmp_path: Path) -> None:
    """lbc columns described the merged roster's 留守儿童花名册 once per school, each time
    with that school's rows only (3 行数据, then 2) and its own columns."""
    root = county(tmp_path)
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0
    result = run("columns", merged, "--format", "json")
    assert result.exit_code == 0, result.stderr
    (described,) = result.json()["files"]
    (sheet,) = described["sheets"]
    assert (sheet["sheet"], sheet["rows"]) == ("留守儿童花名册", 5)
    letters = [c["column"] for c in sheet["columns"]]
    assert letters == ["A", "E", "F", "G", "I", "L", "M", "N", "O", "T", "W", "Z", "AC", "AD", "AE"]
    shown = run("columns", merged).stdout
    assert shown.count("留守儿童花名册，表头在第 1 行，5 行数据") == 1


def test_a_records_class_given_with_the_childs_name_is_kept_school_by_school(
    tmp_path: Path,
) -> None:
    """A 谈心记录 sheet with no 班级 column, its 学生姓名 giving the class (张伟（三年级2班）)
    to tell two 张伟 apart: read school by school, the class read from the name stays
    (the 班级 column is empty on the school's rows), and the talk is the right 张伟's."""
    root = county(tmp_path)
    header = [*ONE_PHONE, "帮扶教师"]
    rows = [[*one_phone_row(1), "王芳"], [*one_phone_row(2), "王芳"]]
    rows[0][ONE_PHONE.index("姓名")] = rows[1][ONE_PHONE.index("姓名")] = "张伟"
    rows[1][ONE_PHONE.index("班级")] = "四年级(1)班"
    teacher = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]
    talk = [dt.date(2024, 10, 8), "王芳", "张伟（三年级2班）", "聊学习"]
    write_xlsx(
        root / "a" / "花名册.xlsx",
        {
            "花名册": [[f"{QS}留守儿童花名册"], header, *rows],
            "教师": [TEACHER_HEADER, teacher],
            "谈心记录": [["日期", "帮扶教师", "学生姓名", "内容"], talk],
        },
    )
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 0

    def talks(path: Path) -> list[tuple[str, str, int]]:
        doc = run("due", path, "--as-of", "2024-10-15", "--format", "json").json()
        return [
            (c["child"], c["class"], c["talks_this_month"])
            for x in doc["teachers"]
            for c in x["children"]
        ]

    assert talks(root) == [("张伟", "三年级(2)班", 1), ("张伟", "四年级(1)班", 0)]
    assert talks(merged) == talks(root)


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_schools_empty_column_stays_its_column_on_the_merged_roster(
    tmp_path: Path, suffix: str
) -> None:
    """白石 keeps a 帮扶教师 column and has filled none of it yet: every child of its own
    file has no support teacher (WCH012), and so on the merged roster, whose hidden 来源列
    sheet (a workbook) or metadata (Parquet) says the column was 白石's; its cells alone
    cannot tell an empty column from none."""
    root = county(tmp_path)
    ill = {"健康状况": "慢性病"}
    b = [[f"{BS}留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"]]
    b += [[*child_row(n, **ill), None] for n in (4, 5)]
    write_xlsx(root / "b" / "花名册.xlsx", {"花名册": b})
    merged = tmp_path / f"全县{suffix}"
    made = run("merge", root, "--out", merged)
    assert (made.exit_code, made.stderr) == (0, f"已写出合并名册：{merged}（2 个文件）\n")

    def listed(path: Path) -> list[tuple[str, list[str]]]:
        doc = run("watch", path, "--as-of", "2024-10-15", "--format", "json").json()
        return sorted(
            (child["name"], [r["code"] for r in child["reasons"]])
            for group in doc["classes"]
            for child in group["children"]
        )

    assert listed(root) == [("刘浩然", ["WCH008", "WCH012"]), ("陈思彤", ["WCH008", "WCH012"])]
    assert listed(merged) == listed(root)
    checked = run("validate", merged, "--format", "json")
    assert checked.stderr == ""
    assert checked.json()["files"][0]["skipped_sheets"] == []


def test_merged_sources_read_as_each_cell_shows_them() -> None:
    """Each row's 来源文件 and 来源工作表, read column by column and each distinct text
    once, is still its own cell's text: a number, TRUE and a text that equal one another
    as keys each read as shown, and a row too short for the column reads as none."""
    from lbc.roster.tables import _merged_sources

    header = ["学校", "来源文件", "姓名", "来源工作表"]
    rows: list[list[Any]] = [
        [QS, "a.xlsx", "甲", "花名册"],
        [QS, 1.0, "乙", True],
        [QS, True, "丙", 1.0],
        [QS, " a.xlsx ", "丁"],
        [QS],
    ]
    assert _merged_sources(header, rows, 0) == [
        ("a.xlsx", "花名册"),
        ("1", "True"),
        ("True", "1"),
        ("a.xlsx", ""),
        ("", ""),
    ]
    assert _merged_sources(["学校", "姓名"], rows[:2], 0) == [(QS, ""), (QS, "")]
    assert _merged_sources(["姓名"], rows, None) is None
