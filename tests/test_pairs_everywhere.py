"""The pairs in force in merge, diff and columns, as in every other command.

Through the real CLI on real workbooks: two schools' folders, each with its roster and the
结对名单.xlsx ``lbc pair --out`` wrote, merge with exit 0 and the pairs in the merged 帮扶教师
column; a pairs workbook naming none of its school's children, or alone in its folder, is a
note and not a failure. ``lbc diff`` in a workspace shows a re-pairing as a 帮扶教师 change,
and ``lbc columns`` describes a pairs workbook as it is read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from test_pairs_used import C32, C51, book_rows, kid, roster, teacher, workspace

from conftest import run


def made_today() -> str:
    day = dt.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def school(county: Path, name: str, first: int, staff: list[dict[str, Any]]) -> Path:
    """A school's folder: its roster (three children, its 帮扶教师 column naming the first
    teacher for all three) and the pairs workbook ``lbc pair --out`` made from it there."""
    folder = county / name
    folder.mkdir(parents=True)
    listed = staff[0]["姓名"]
    kids = [kid(first + n, cls, 帮扶教师=listed) for n, cls in enumerate((C51, C32, C51))]
    roster(folder / f"{name}.xlsx", kids, staff)
    made = run("pair", f"{name}.xlsx", "--out", "结对名单.xlsx", cwd=folder)
    assert made.exit_code == 0, made.output
    return folder


def pairs_in(book: Path) -> dict[str, str]:
    """child -> teacher, as the pairs workbook lists them."""
    return {r[2]: r[6] for r in book_rows(book) if isinstance(r[0], int)}


def merged_teachers(county_book: Path) -> dict[tuple[str, str], str]:
    """(school, child) -> 帮扶教师, from the merged roster's children sheet."""
    rows = list(load_workbook(county_book)["留守儿童花名册"].iter_rows(values_only=True))
    header = list(rows[0])
    at = header.index
    return {(r[at("学校")], r[at("姓名")]): r[at("帮扶教师")] for r in rows[1:]}


def two_schools(tmp_path: Path) -> Path:
    county = tmp_path / "县"
    school(county, "青山小学", 1, [teacher("李强", C51), teacher("王芳", C32)])
    school(county, "白云小学", 4, [teacher("赵敏", C51, 3), teacher("刘洋", C32)])
    return county


def test_merge_joins_each_schools_pairs_workbook_onto_its_children(tmp_path: Path) -> None:
    county = two_schools(tmp_path)
    result = run("merge", county, "--out", tmp_path / "county.xlsx", "--format", "json")
    assert result.exit_code == 0, result.output
    merged = merged_teachers(tmp_path / "county.xlsx")
    expected = {
        (name, child): teacher
        for name in ("青山小学", "白云小学")
        for child, teacher in pairs_in(county / name / "结对名单.xlsx").items()
    }
    assert merged == expected
    # 李强 has two places: the pairing gave 李明轩 to 王芳, over the roster's column.
    assert merged[("青山小学", "李明轩")] == "王芳"
    assert {t for (s, _), t in merged.items() if s == "白云小学"} <= {"赵敏", "刘洋"}
    day = made_today()
    assert result.stderr.splitlines()[1:] == [
        f"提示：白云小学（{county / '白云小学' / '白云小学.xlsx'}）的帮扶教师以结对名单 "
        f"{county / '白云小学' / '结对名单.xlsx'}（{day}结对）为准，共 3 名儿童",
        f"提示：青山小学（{county / '青山小学' / '青山小学.xlsx'}）的帮扶教师以结对名单 "
        f"{county / '青山小学' / '结对名单.xlsx'}（{day}结对）为准，共 3 名儿童",
    ]
    doc = result.json()
    assert [s["school"] for s in doc["schools"]] == ["白云小学", "青山小学"]
    # Two rosters merged: the pairs workbooks are not counted as files merged.
    assert (doc["summary"]["files"], doc["summary"]["children"]) == (2, 6)
    assert doc["failed"] == []


def test_a_pairs_workbook_of_another_school_or_alone_is_a_note(tmp_path: Path) -> None:
    county = two_schools(tmp_path)
    # 白云小学 hands in 青山小学's pairs workbook by mistake; a third folder holds only one.
    qs, by = county / "青山小学", county / "白云小学"
    (by / "结对名单.xlsx").write_bytes((qs / "结对名单.xlsx").read_bytes())
    (county / "空").mkdir()
    (county / "空" / "结对名单.xlsx").write_bytes((qs / "结对名单.xlsx").read_bytes())
    result = run("merge", county, "--out", tmp_path / "county.xlsx")
    assert result.exit_code == 0, result.output
    merged = merged_teachers(tmp_path / "county.xlsx")
    assert [t for (s, _), t in merged.items() if s == "白云小学"] == ["赵敏"] * 3
    assert {c: t for (s, c), t in merged.items() if s == "青山小学"} == pairs_in(
        qs / "结对名单.xlsx"
    )
    notes = result.stderr.splitlines()
    assert notes[1] == (
        f"提示：白云小学（{by / '白云小学.xlsx'}）的帮扶教师以结对名单 {by / '结对名单.xlsx'}"
        " 为准，共 0 名儿童；结对名单中 3 行在花名册中找不到，未采用"
    )
    assert (
        notes[3]
        == f"提示：{county / '空' / '结对名单.xlsx'} 是结对名单，同一文件夹中没有花名册，未采用"
    )


def test_diff_shows_the_teacher_a_re_pairing_gave(tmp_path: Path) -> None:
    # 李强 has two places and the roster's column gives him three children, last term too.
    kids = [
        kid(1, C51, 帮扶教师="李强"),
        kid(2, C32, 帮扶教师="李强"),
        kid(3, C51, 帮扶教师="李强"),
    ]
    staff = [teacher("李强", C51), teacher("王芳", C32)]
    ws = workspace(tmp_path, kids, staff)
    (ws / "上学期").mkdir()
    roster(ws / "上学期" / "roster.xlsx", kids, staff)
    args = ("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json")
    assert run(*args, cwd=ws).json()["changed"] == []
    assert run("pair", "--save", cwd=ws).exit_code == 0
    result = run(*args, cwd=ws)
    assert result.exit_code == 0
    assert [(c["child"], c["changes"]) for c in result.json()["changed"]] == [
        (
            "李明轩",
            [{"field": "support_teacher", "label": "帮扶教师", "old": "李强", "new": "王芳"}],
        )
    ]
    assert result.stderr == (
        f"提示：帮扶教师以结对名单 结对名单.xlsx（{made_today()}结对）为准，共 3 名儿童\n"
    )


def test_columns_describes_a_pairs_workbook_as_pairs(tmp_path: Path) -> None:
    folder = school(tmp_path, "青山小学", 1, [teacher("李强", C51), teacher("王芳", C32)])
    result = run("columns", "结对名单.xlsx", cwd=folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "结对名单.xlsx 的“结对名单”：结对名单（按结对读：帮扶教师以它为准，不作花名册），"
        "表头在第 2 行，3 行数据"
    )
    doc = run("columns", "结对名单.xlsx", "--format", "json", cwd=folder).json()
    (sheet,) = doc["files"][0]["sheets"]
    assert (sheet["sheet"], sheet["pairs"]) == ("结对名单", True)
    read = {c["column"]: c["field"] for c in sheet["columns"]}
    assert (read["C"], read["G"], read["K"], read["L"]) == (
        "name", "support_teacher", "id_number", "pair_place"
    )  # fmt: skip
    roster_doc = run("columns", "青山小学.xlsx", "--format", "json", cwd=folder).json()
    assert [s["pairs"] for s in roster_doc["files"][0]["sheets"]] == [False, False]
