"""A school's roster kept a grade a file (青山小学/三年级.xlsx, 青山小学/五年级.xlsx) or a
grade a folder (青山小学/三年级/花名册.xlsx), with nothing saying the school: one school to
every command over a county's folder, named by its folder, its children paired with its
teachers. Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_pair import C32, C51, kid, teacher

from conftest import CHILD_HEADER, child_row, run, table, write_books, write_xlsx


def county(tmp_path: Path, grades_as_folders: bool = False) -> Path:
    """县/青山小学: a roster a grade (三年级 with 张雨涵 paired to 王芳 and 李明轩, 五年级 with
    王梓萱 paired to 李强) and an untitled teachers list; 县/白鹤小学: a titled roster and
    teachers list."""
    school = tmp_path / "县" / "青山小学"
    grades = {
        "三年级": [kid(1, 帮扶教师="王芳"), kid(2)],
        "五年级": [kid(3, C51, 帮扶教师="李强")],
    }
    for grade, kids in grades.items():
        path = school / grade / "花名册.xlsx" if grades_as_folders else school / f"{grade}.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_xlsx(path, {"花名册": table(kids)})
    write_xlsx(school / "教师.xlsx", {"教师": table([teacher("王芳", C32), teacher("李强", C51)])})
    other = tmp_path / "县" / "白鹤小学"
    other.mkdir()
    title = [["白鹤小学留守儿童花名册"]]
    write_xlsx(other / "花名册.xlsx", {"花名册": [*title, *table([kid(4), kid(5, C51)])]})
    write_xlsx(other / "教师.xlsx", {"教师": table([teacher("赵敏", C32)])})
    return tmp_path / "县"


def test_a_school_kept_a_grade_a_file_is_one_school_to_pair(tmp_path: Path) -> None:
    """lbc pair took 三年级.xlsx and 五年级.xlsx for two schools of their own and the
    teachers list for no one's (无法确定): 青山小学's pairs in force were dropped (原帮扶教师
    “王芳”不在教师名单中) and its children left unpaired (本校没有可结对的在岗教师)."""
    county(tmp_path)
    result = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert result.stderr == ""
    doc = result.json()
    assert sorted((p["child"], p["teacher"], p["kept"]) for p in doc["pairs"]) == [
        ("刘浩然", "赵敏", False),
        ("张雨涵", "王芳", True),
        ("李明轩", "王芳", False),
        ("王梓萱", "李强", True),
        ("陈思彤", "赵敏", False),
    ]
    assert doc["unpaired"] == []


def test_a_school_kept_a_grade_a_file_is_counted_as_one(tmp_path: Path) -> None:
    """validate and the summary counted 三年级 and 五年级 as schools of their own."""
    county(tmp_path)
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 3),
    ]
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "青山小学：3 名儿童，0 个错误，0 个警告" in out
    assert "三年级：" not in out
    summary = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    schools = summary.json()["schools"]
    assert [(s["name"], s["children"], s["paired"]) for s in schools] == [
        ("白鹤小学", 2, 0),
        ("青山小学", 3, 2),
    ]


def test_a_school_kept_a_grade_a_folder_is_merged_as_one(tmp_path: Path) -> None:
    """lbc merge wrote 三年级 and 四年级 in the 学校 column, and left the teachers list's
    学校 cells empty (its folder's children of two schools)."""
    county(tmp_path, grades_as_folders=True)
    result = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "无法确定" not in result.stdout + result.stderr
    book = load_workbook(tmp_path / "全县.xlsx")
    for sheet, theirs in (("留守儿童花名册", (2, 3)), ("教师名单", (1, 2))):
        rows = book[sheet].iter_rows(values_only=True)
        at = next(rows).index("学校")
        schools = [row[at] for row in rows]
        assert sorted(schools) == ["白鹤小学"] * theirs[0] + ["青山小学"] * theirs[1]


def test_a_schools_untitled_files_are_named_by_its_folder(tmp_path: Path) -> None:
    """Each school's folder with an untitled 花名册.xlsx and 教师.xlsx (县/A, 县/B), or a
    名单.xlsx of its own (县/C): every command named the schools 县/A/花名册 and 县/B/花名册
    (the two 教师.xlsx counted A twice), and 名单; a file named with its school and its list
    (白鹤小学花名册.xlsx) was the school 白鹤小学花名册."""
    root = tmp_path / "县"
    for n, school in enumerate("AB", start=1):
        (root / school).mkdir(parents=True)
        write_xlsx(root / school / "花名册.xlsx", {"花名册": table([kid(n)])})
        write_xlsx(root / school / "教师.xlsx", {"教师": table([teacher("王芳", C32)])})
    (root / "C").mkdir()
    write_xlsx(root / "C" / "名单.xlsx", {"花名册": table([kid(3)])})
    write_xlsx(root / "白鹤小学花名册.xlsx", {"花名册": table([kid(4)])})
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("A", 1),
        ("B", 1),
        ("C", 1),
        ("白鹤小学", 1),
    ]
    doc = run("pair", "县", "--format", "json", cwd=tmp_path).json()
    assert sorted((p["child"], p["teacher"]) for p in doc["pairs"]) == [
        ("张雨涵", "王芳（A）"),
        ("李明轩", "王芳（B）"),
    ]


@pytest.mark.parametrize(
    "layout",
    [
        [("三年级.xlsx", "花名册"), ("四年级.xlsx", "花名册")],  # a grade a file
        [("三年级/花名册.xlsx", "花名册"), ("四年级/花名册.xlsx", "花名册")],  # a grade a folder
        [("花名册.xlsx", "三年级"), ("花名册.xlsx", "四年级")],  # a grade a sheet
    ],
)
def test_a_class_number_alone_is_of_the_grade_its_sheet_or_file_is_named_for(
    tmp_path: Path, layout: list[tuple[str, str]]
) -> None:
    """A roster kept a grade a sheet, file or folder writes the class number alone in
    班级 (1班, 2): it is of that grade, not an unreadable class (CLS001) the summary
    counted as one 1班 over both grades."""
    grades = [[child_row(1, cls="1班"), child_row(2, cls=2)], [child_row(3, cls="1班")]]
    books: dict[str, dict[str, list[list[Any]]]] = {}
    for (name, sheet), rows in zip(layout, grades, strict=True):
        books.setdefault(name, {})[sheet] = [CHILD_HEADER, *rows]
    write_books(tmp_path / "青山小学", books)
    result = run("validate", "青山小学", "--format", "json", cwd=tmp_path)
    assert (result.exit_code, result.json()["findings"]) == (0, [])
    summary = run("summary", "青山小学", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]] == [
        ("三年级(1)班", 1),
        ("三年级(2)班", 1),
        ("四年级(1)班", 1),
    ]


def test_a_number_alone_names_no_grade(tmp_path: Path) -> None:
    """A sheet, file or folder named by a number alone (三年级/1.xlsx, 五年级.xlsx's sheets
    1 and 二, 县/3.xlsx) is a class's or a school's number, not a grade: 1班 there was read
    as 一年级(1)班 (and paired with a first-grade teacher), not as 三年级(1)班 or CLS001."""
    rows = [[CHILD_HEADER, child_row(n, cls=f"{n % 2 or 2}班")] for n in range(1, 6)]
    books = {
        "青山小学/三年级/1.xlsx": rows[0],
        "青山小学/三年级/2.xlsx": rows[1],
        "白鹤小学/五年级.xlsx": {"1": rows[2], "二": rows[3]},
        "3.xlsx": rows[4],
    }
    write_books(tmp_path / "县", books)
    summary = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]] == [
        ("3 1班", 1),
        ("白鹤小学 五年级(1)班", 1),
        ("白鹤小学 五年级(2)班", 1),
        ("青山小学 三年级(1)班", 1),
        ("青山小学 三年级(2)班", 1),
    ]
    result = run("validate", "县", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["file"], f["row"], f["value"]) for f in result.json()["findings"]]
    assert (result.exit_code, found, result.stderr) == (
        1,
        [("CLS001", "县/3.xlsx", 2, "1班")],
        "",
    )


@pytest.mark.parametrize(
    ("book", "sheet", "names"),
    [
        ("四年级.xlsx", "三年级", "三年级、四年级"),  # the sheet and its file
        ("三年级/花名册.xlsx", "四年级", "四年级、三年级"),  # the sheet and its folder
        ("三年级/初一.xlsx", "花名册", "初一、三年级"),  # the file and its folder
    ],
)
def test_names_of_two_grades_give_a_class_number_alone_none(
    tmp_path: Path, book: str, sheet: str, names: str
) -> None:
    """A sheet 三年级 in 四年级.xlsx: the sheet's name made 1班 三年级(1)班 unasked, with
    exit 0. Which name is wrong only the school knows: 1班 stays unreadable (CLS001), and
    a note says why."""
    write_books(tmp_path / "石桥小学", {book: {sheet: [CHILD_HEADER, child_row(1, cls="1班")]}})
    result = run("validate", "石桥小学", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["row"], f["value"]) for f in result.json()["findings"]]
    assert (result.exit_code, found) == (1, [("CLS001", sheet, 2, "1班")])
    assert result.stderr == (
        f"提示：石桥小学/{book} 的“{sheet}”没有“年级”列，工作表、文件和文件夹的名称说的年级不同"
        f"（{names}），“班级”只写班号（如“1班”）的认不出是哪个年级\n"
    )
    english = run("--lang", "en", "validate", "石桥小学", "--format", "json", cwd=tmp_path)
    assert english.stderr == (
        f"note: 石桥小学/{book} sheet '{sheet}' has no 年级 column and its sheet's, file's and "
        f"folder's names name different grades ({names.replace('、', ', ')}); a 班级 of the "
        "class number alone (such as 1班) is of no grade\n"
    )


def test_a_merged_roster_keeps_the_grade_a_file_gave_a_class_number(tmp_path: Path) -> None:
    """五年级.xlsx and 四年级.xlsx, each with 1班 and no 年级 column: lbc merge wrote 班级 1班
    and 年级 empty, so validating the merged roster gave CLS001 twice where validating the
    folder gave nothing. Its 班级 is the class lbc read, and it reads as the folder does;
    a class that says its grade stays as written."""
    rows = [
        ("五年级.xlsx", [child_row(1, cls="1班"), child_row(2, cls="五(2)班")]),
        ("四年级/花名册.xlsx", [child_row(3, cls=1)]),
    ]
    write_books(tmp_path / "县" / "白鹤小学", {name: [CHILD_HEADER, *kids] for name, kids in rows})
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stdout + merged.stderr
    cells = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(cells).index("班级")
    assert [row[at] for row in cells] == ["五年级(1)班", "五(2)班", "四年级(1)班"]
    by_class = []
    for path in ("县", "全县.xlsx"):
        result = run("validate", path, "--format", "json", cwd=tmp_path)
        assert (result.exit_code, result.json()["findings"]) == (0, [])
        summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
        by_class.append(summary.json()["children"]["by_class"])
    assert (
        by_class[0]
        == by_class[1]
        == [
            {"name": "四年级(1)班", "count": 1},
            {"name": "五年级(1)班", "count": 1},
            {"name": "五年级(2)班", "count": 1},
        ]
    )
