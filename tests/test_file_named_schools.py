"""A county's folder of schools' untitled rosters, each school's file named as offices name
them (2024年秋季青山小学留守儿童花名册.xlsx, 青山小学（2024年秋）.xlsx, 1.xlsx): a school each,
named as its file names it, alike over the folder and over its merged .xlsx and .parquet.
Through the real CLI on real workbooks."""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_pair import C32, C51, SHORT_1, kid, teacher

import lbc
from conftest import CHILD_HEADER, NAMES, RECORD_HEADER, child_row, run, table, write_books
from lbc.roster.school_names import file_names, named_schools, parts_kept_apart


def schools_everywhere(root: Path) -> list[list[tuple[str, int]]]:
    """validate's schools and their children over 县, its merged .xlsx and .parquet."""
    seen = []
    for source in ("县", "全县.xlsx", "全县.parquet"):
        if source != "县":
            result = run("merge", "县", "--out", source, cwd=root)
            assert result.exit_code == 0, result.stdout + result.stderr
        doc = run("validate", source, "--format", "json", cwd=root).json()
        seen.append([(s["school"], s["children"]) for s in doc["summary"]["schools"]])
    return seen


def untitled(root: Path, files: dict[str, list[dict[str, Any]]]) -> None:
    """Untitled rosters of ``files``' children, by their paths in 县."""
    write_books(root / "县", {name: table(kids) for name, kids in files.items()})


def test_a_file_named_with_the_year_first_is_its_schools(tmp_path: Path) -> None:
    """2024年秋季青山小学留守儿童花名册.xlsx and 2024年秋季白鹤小学留守儿童花名册.xlsx were
    cut from the year on, naming no school: both went by their folder, one school 县 of 5."""
    untitled(
        tmp_path,
        {
            "2024年秋季青山小学留守儿童花名册.xlsx": [kid(1), kid(2), kid(3, C51)],
            "2024-2025学年第一学期白鹤小学花名册.xlsx": [kid(4), kid(5, C51)],
        },
    )
    expected = [("白鹤小学", 2), ("青山小学", 3)]
    assert schools_everywhere(tmp_path) == [expected] * 3
    result = run("validate", "县", cwd=tmp_path)
    assert "青山小学：3 名儿童，0 个错误，0 个警告" in result.stdout
    assert "县：" not in result.stdout


def test_files_of_one_folder_naming_one_school_are_that_school(tmp_path: Path) -> None:
    """青山小学.xlsx and 青山小学花名册.xlsx beside 白鹤小学.xlsx, both naming 青山小学, went by
    their folder: the schools 白鹤小学 of 2 and 县 of 3."""
    untitled(
        tmp_path,
        {
            "青山小学.xlsx": [kid(1), kid(2)],
            "青山小学花名册.xlsx": [kid(3, C51)],
            "白鹤小学.xlsx": [kid(4), kid(5, C51)],
        },
    )
    expected = [("白鹤小学", 2), ("青山小学", 3)]
    assert schools_everywhere(tmp_path) == [expected] * 3


def test_files_named_by_number_are_schools_of_their_own(tmp_path: Path) -> None:
    """1.xlsx and 2.xlsx, two schools' untitled rosters numbered as an office numbers them,
    were read as grades of one school named by their folder, 县 of 4."""
    untitled(tmp_path, {"1.xlsx": [kid(1), kid(2)], "2.xlsx": [kid(3), kid(4)]})
    assert schools_everywhere(tmp_path) == [[("1", 2), ("2", 2)]] * 3
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "1：2 名儿童，0 个错误，0 个警告" in out
    assert "2：2 名儿童，0 个错误，0 个警告" in out


def test_a_year_in_brackets_after_the_school_leaves_no_bracket(tmp_path: Path) -> None:
    """青山小学（2024年秋）.xlsx, and a sheet titled 青山小学（2024年秋）留守儿童花名册, were
    cut at the year and named the school 青山小学( in every count and the merged 学校."""
    untitled(tmp_path, {"青山小学（2024年秋）.xlsx": [kid(1), kid(2)]})
    untitled(tmp_path, {"白鹤小学(2024年秋).xlsx": [kid(3)]})
    title = [["白鹤小学【2024年秋】留守儿童花名册"]]
    write_books(tmp_path / "县", {"2号.xlsx": [*title, *table([kid(4, C51)])]})
    expected = [("白鹤小学", 2), ("青山小学", 2)]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3


def test_files_named_by_a_year_alone_are_their_folders_school(tmp_path: Path) -> None:
    """县/青山中学/2023级.xlsx and 2024级.xlsx, and 县/白鹤中学/2024秋留守儿童花名册.xlsx:
    a year's name names no school, so each file goes by its school's folder, where reading
    past the year named the schools 级 and 秋."""
    untitled(
        tmp_path,
        {
            "青山中学/2023级.xlsx": [kid(1), kid(2)],
            "青山中学/2024级.xlsx": [kid(3, C51)],
            "白鹤中学/2024秋留守儿童花名册.xlsx": [kid(4), kid(5, C51)],
        },
    )
    expected = [("白鹤中学", 2), ("青山中学", 3)]
    assert schools_everywhere(tmp_path) == [expected] * 3


def test_files_numbered_in_a_schools_folder_are_its_grades(tmp_path: Path) -> None:
    """青山小学/1.xlsx and 2.xlsx are that school's grades, one school of 4, where reading
    digits as a school's number made them the schools 1 and 2 (县/1.xlsx and 县/2.xlsx,
    in a folder naming no school, stay two schools)."""
    untitled(
        tmp_path, {"青山小学/1.xlsx": [kid(1), kid(2)], "青山小学/2.xlsx": [kid(3, C51), kid(4)]}
    )
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert "共合并 2 个文件、1 所学校：在册儿童 4 名" in merged.stdout
    for source in ("县", "全县.xlsx"):
        doc = run("validate", source, "--format", "json", cwd=tmp_path).json()
        assert doc["summary"]["children"] == 4
        assert "schools" not in doc["summary"]  # one school: no line per school


def test_a_bare_term_after_the_year_is_not_the_schools(tmp_path: Path) -> None:
    """2024秋青山小学留守儿童花名册.xlsx, 2024年春白鹤小学….xlsx, 2024学年秋石门小学.xlsx and a
    sheet titled 2024秋河口小学留守儿童花名册 named the schools 秋青山小学, 春白鹤小学,
    秋石门小学 and 秋河口小学: a 春 or 秋 after the year, with no 季 or 学期, was kept as the
    school's. Where the name left would be one character it stays the school's: 春晖小学,
    春雷村小, 秋林中学 (which might be 林中学 of the autumn term: read as 秋林中学); not
    before a village's 村 (张村小学)."""
    untitled(
        tmp_path,
        {
            "2024秋青山小学留守儿童花名册.xlsx": [kid(1), kid(2)],
            "2024年春白鹤小学留守儿童花名册.xlsx": [kid(3)],
            "2024学年秋石门小学.xlsx": [kid(4)],
            "2024春晖小学.xlsx": [kid(5)],
            "2024年春雷村小.xlsx": [kid(6)],
            "2024秋林中学.xlsx": [kid(7)],
            "2024秋张村小学.xlsx": [kid(9)],
        },
    )
    title = [["2024秋河口小学留守儿童花名册"]]
    write_books(tmp_path / "县", {"2号.xlsx": [*title, *table([kid(8, C51)])]})
    expected = [
        ("张村小学", 1),
        ("春晖小学", 1),
        ("春雷村小", 1),
        ("河口小学", 1),
        ("白鹤小学", 1),
        ("石门小学", 1),
        ("秋林中学", 1),
        ("青山小学", 2),
    ]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "青山小学：2 名儿童，0 个错误，0 个警告" in out
    assert "河口小学：1 名儿童，0 个错误，0 个警告" in out
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).stdout
    assert "共合并 8 个文件、8 所学校：在册儿童 9 名" in merged


def test_a_term_in_brackets_after_the_school_is_not_the_schools(tmp_path: Path) -> None:
    """河口小学（秋季）.xlsx, 白鹤小学(秋).xlsx and a sheet titled 石门小学（春季学期）留守儿童
    花名册 named the schools 河口小学(秋季), 白鹤小学(秋) and 石门小学(春季学期) in validate,
    merge and the merged 学校 column; a school's own brackets (东校区, 南校区) stay its own."""
    untitled(
        tmp_path,
        {
            "河口小学（秋季）.xlsx": [kid(1), kid(2)],
            "白鹤小学(秋).xlsx": [kid(3)],
            "东山小学(2024秋).xlsx": [kid(4)],
            "西山小学（东校区）.xlsx": [kid(5)],
            "青山镇中心小学(南校区).xlsx": [kid(6)],
        },
    )
    write_books(
        tmp_path / "县",
        {
            "7号.xlsx": [["石门小学（春季学期）留守儿童花名册"], *table([kid(7)])],
            "8号.xlsx": [["南山小学【2024年秋季】留守儿童花名册"], *table([kid(8)])],
        },
    )
    expected = [
        ("东山小学", 1),
        ("南山小学", 1),
        ("河口小学", 2),
        ("白鹤小学", 1),
        ("石门小学", 1),
        ("西山小学(东校区)", 1),
        ("青山镇中心小学(南校区)", 1),
    ]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "河口小学：2 名儿童，0 个错误，0 个警告" in out
    assert "石门小学：1 名儿童，0 个错误，0 个警告" in out
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).stdout
    assert "共合并 7 个文件、7 所学校：在册儿童 8 名" in merged


def test_a_term_without_a_year_is_not_the_schools(tmp_path: Path) -> None:
    """河口小学秋季.xlsx, 秋季白鹤小学留守儿童花名册.xlsx and a sheet titled 石门小学第一学期
    留守儿童名单 named the schools 河口小学秋季, 秋季白鹤小学 and 石门小学第一学期: a term
    was skipped only after a year or in brackets. A bare 春 or 秋 stays the name's (秋林中学)."""
    untitled(
        tmp_path,
        {
            "河口小学秋季.xlsx": [kid(1), kid(2)],
            "秋季白鹤小学留守儿童花名册.xlsx": [kid(3)],
            "秋林中学.xlsx": [kid(4)],
        },
    )
    title = [["石门小学第一学期留守儿童名单"]]
    write_books(tmp_path / "县", {"2号.xlsx": [*title, *table([kid(5, C51)])]})
    expected = [("河口小学", 2), ("白鹤小学", 1), ("石门小学", 1), ("秋林中学", 1)]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "河口小学：2 名儿童，0 个错误，0 个警告" in out
    assert "石门小学：1 名儿童，0 个错误，0 个警告" in out


def in_folders(root: Path, folders: dict[str, dict[str, list[list[Any]]]]) -> None:
    """Each school's folder under 县 with its files, each a sheet of rows."""
    books = {
        f"{folder}/{name}": rows
        for folder, files in folders.items()
        for name, rows in files.items()
    }
    write_books(root / "县", books)


def merged_schools(root: Path) -> list[tuple[str, str]]:
    """lbc merge's 学校 and 姓名 of each child in the merged workbook."""
    result = run("merge", "县", "--out", "全县.xlsx", cwd=root)
    assert result.exit_code == 0, result.stdout + result.stderr
    rows = load_workbook(root / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    header = next(rows)
    school, name = header.index("学校"), header.index("姓名")
    return sorted((row[school], row[name]) for row in rows)


def assert_merged(root: Path, schools: list[str], children: Iterable[int]) -> None:
    """lbc merge writes each child n of ``children`` (``kid(n)``) under the school at the
    same place in ``schools``."""
    names = [kid(n)["姓名"] for n in children]
    assert merged_schools(root) == sorted(zip(schools, names, strict=True))


def test_a_word_after_the_year_is_a_school_only_as_a_schools_name_ends(
    tmp_path: Path,
) -> None:
    """青山小学/2024年新学期名单.xlsx, and sheets titled 2024年秋季学前班留守儿童花名册 and
    2024年在校生名单, were the schools 新学期, 学前班 and 在校生 in every count and the merged
    学校 column: whatever followed the year was a school's name if it held 学, 校 or 园.
    They go by their folders; a school's name after the year is still the school's."""
    kids = [kid(1), kid(2), kid(3, C51)]
    in_folders(
        tmp_path,
        {
            "青山小学": {
                "2024年新学期名单.xlsx": table(kids),
                "教师.xlsx": table([teacher("王芳", C32, "班主任")]),
            },
            "白鹤小学": {"花名册.xlsx": [["2024年秋季学前班留守儿童花名册"], *table([kid(4)])]},
            "河口小学": {"花名册.xlsx": [["2024年在校生名单"], *table([kid(5)])]},
            "东山小学": {"2024年小学部留守儿童.xlsx": table([kid(6)])},
            "县中": {"2024年秋季石门村教学点留守儿童花名册.xlsx": table([kid(7)])},
            "幼儿园": {"2024年大河幼儿园.xlsx": table([kid(8)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "东山小学：1 名儿童，0 个错误，0 个警告",
        "石门村教学点：1 名儿童，0 个错误，0 个警告",
        "大河幼儿园：1 名儿童，0 个错误，0 个警告",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 8 名儿童、1 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 3 + ["白鹤小学", "河口小学", "东山小学", "石门村教学点", "大河幼儿园"]
    assert_merged(tmp_path, schools, range(1, 9))


def test_a_word_without_a_year_names_no_school_unless_a_schools_name_is_in_it(
    tmp_path: Path,
) -> None:
    """青山小学/新学期名单.xlsx and 东山小学's sheet titled 新学期留守儿童花名册 were one school
    新学期 of both schools' 4 children in every count and the merged 学校 column, and
    河口小学/在校生.xlsx, 石门小学's sheet titled 全校留守儿童花名册 the schools 在校生 and
    全校. They go by their folders; 学前班.xlsx is its school's preschool class."""
    in_folders(
        tmp_path,
        {
            "青山小学": {
                "新学期名单.xlsx": table([kid(1), kid(2), kid(3, C51)]),
                "教师.xlsx": table([teacher("王芳", C32, "班主任")]),
            },
            "东山小学": {"花名册.xlsx": [["新学期留守儿童花名册"], *table([kid(4)])]},
            "河口小学": {"在校生.xlsx": table([kid(5)])},
            "石门小学": {"花名册.xlsx": [["全校留守儿童花名册"], *table([kid(6)])]},
            "白鹤小学": {"学前班.xlsx": table([kid(7, "学前班"), kid(8, "学前班")])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "东山小学：1 名儿童，0 个错误，0 个警告",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "石门小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 8 名儿童、1 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 3 + ["东山小学", "河口小学", "石门小学", "白鹤小学", "白鹤小学"]
    assert_merged(tmp_path, schools, range(1, 9))


def test_left_behind_pupils_are_not_the_schools_name(tmp_path: Path) -> None:
    """青山小学留守学生名单.xlsx, 白鹤小学留守学生名单.xlsx and a sheet titled 河口小学农村留守
    学生花名册 named the schools 青山小学留守, 白鹤小学留守 and 河口小学农村留守 in every count
    and the merged 学校 column: only 留守儿童 was cut from a name, not 留守学生."""
    untitled(
        tmp_path,
        {
            "青山小学留守学生名单.xlsx": [kid(1), kid(2), kid(3, C51)],
            "白鹤小学留守学生名单.xlsx": [kid(4)],
        },
    )
    title = [["河口小学农村留守学生花名册"]]
    write_books(tmp_path / "县", {"3号.xlsx": [*title, *table([kid(5)])]})
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 5 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 3 + ["白鹤小学", "河口小学"]
    assert_merged(tmp_path, schools, range(1, 6))


def pairs_of(root: Path, source: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """lbc pair's pairs (child, teacher) and unpaired (child, why) over ``source``."""
    doc = run("pair", source, "--format", "json", cwd=root).json()
    pairs = sorted((p["child"], p["teacher"]) for p in doc["pairs"])
    return pairs, sorted((u["child"], u["why"]) for u in doc["unpaired"])


# 王芳 of 三年级(2)班 and 李强 of 五年级(1)班: the teachers of ALL_THREE.
TEACHERS = table([teacher("王芳", C32), teacher("李强", C51)])


def school_of_three(root: Path, files: dict[str, list[list[Any]]]) -> Path:
    """青山小学's folder (no lbc.toml) of ``files``' children sheets, with its untitled
    teachers list 教师.xlsx of 王芳 and 李强."""
    return write_books(root / "青山小学", {**files, "教师.xlsx": {"教师": TEACHERS}})


ALL_THREE = [("张雨涵", "王芳"), ("李明轩", "王芳"), ("王梓萱", "李强")]


def test_a_schools_file_of_new_children_is_that_school(tmp_path: Path) -> None:
    """青山小学/新增留守儿童.xlsx beside its 留守儿童花名册.xlsx was read as naming a school,
    新增: validate counted two schools, 新增 of 1 and 青山小学 of 2, as did lbc merge; a
    sheet titled 新增留守儿童花名册 declared the school 新增 too."""
    school_of_three(
        tmp_path,
        {
            "留守儿童花名册.xlsx": table([kid(1), kid(2)]),
            "新增留守儿童.xlsx": [["新增留守儿童花名册"], *table([kid(3, C51)])],
        },
    )
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", "青山小学", "--out", "全校.xlsx", cwd=tmp_path)
    assert "共合并 3 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])


def pairs_everywhere(root: Path) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """lbc pair's pairs and unpaired over 县 and its merged .xlsx and .parquet
    (schools_everywhere merged them)."""
    return [pairs_of(root, source) for source in ("县", "全县.xlsx", "全县.parquet")]


def test_a_schools_untitled_grade_file_is_paired_with_its_titled_one(tmp_path: Path) -> None:
    """青山小学/三年级.xlsx titled 青山小学留守儿童花名册 beside an untitled 五年级.xlsx and
    教师.xlsx: validate counted one school 青山小学 of 3, but lbc pair took 五年级.xlsx for a
    school of its own and the teachers list for nobody's, leaving all 3 unpaired
    (本校没有可结对的在岗教师). Alike in a county's folder, beside 白鹤小学's."""
    title = [["青山小学留守儿童花名册"]]
    files = {"三年级.xlsx": [*title, *table([kid(1), kid(2)])], "五年级.xlsx": table([kid(3, C51)])}
    school_of_three(tmp_path, files)
    assert run("validate", "青山小学", "--format", "json", cwd=tmp_path).json()["summary"] == {
        "children": 3,
        "teachers": 2,
        "records": 0,
        "errors": 0,
        "warnings": 0,
        "by_code": {},
    }
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])

    write_books(
        tmp_path / "县",
        {
            "白鹤小学/花名册.xlsx": [["白鹤小学留守儿童花名册"], *table([kid(4)])],
            "白鹤小学/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    (tmp_path / "青山小学").rename(tmp_path / "县" / "青山小学")
    assert schools_everywhere(tmp_path) == [[("白鹤小学", 1), ("青山小学", 3)]] * 3
    assert pairs_everywhere(tmp_path) == [(sorted([*ALL_THREE, ("刘浩然", "赵敏")]), [])] * 3


def test_schools_untitled_files_in_one_folder_are_paired_apart(tmp_path: Path) -> None:
    """县/青山小学.xlsx and 县/白鹤小学.xlsx, each with its own teachers, counted by validate
    as two schools, were paired as one: 白鹤小学's 赵敏 was given 青山小学's 张雨涵."""
    qingshan = [kid(1), kid(2), kid(5, C51)]
    write_books(
        tmp_path / "县",
        {
            "青山小学.xlsx": {"花名册": table(qingshan), "教师": table([teacher("王芳", C32)])},
            "白鹤小学.xlsx": {"花名册": table([kid(3)]), "教师": table([teacher("赵敏", C32)])},
        },
    )
    assert schools_everywhere(tmp_path) == [[("白鹤小学", 1), ("青山小学", 3)]] * 3
    pairs = [("张雨涵", "王芳"), ("李明轩", "王芳"), ("王梓萱", "赵敏")]
    unpaired = [("陈思彤", "帮扶名额不足（还差 1 个名额）")]
    assert pairs_everywhere(tmp_path) == [(pairs, unpaired)] * 3


def test_schools_teachers_lists_in_one_folder_are_their_own(tmp_path: Path) -> None:
    """县/青山小学.xlsx and 县/白鹤小学.xlsx, their teachers lists 青山小学教师.xlsx and
    白鹤小学教师.xlsx beside them: lbc pair gave 白鹤小学's 赵敏 青山小学's 张雨涵, and lbc
    merge placed neither list (未能确定), its folder's children being of two schools."""
    write_books(
        tmp_path / "县",
        {
            "青山小学.xlsx": table([kid(1), kid(2), kid(5, C51)]),
            "白鹤小学.xlsx": table([kid(3)]),
            "青山小学教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "白鹤小学教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    assert schools_everywhere(tmp_path) == [[("白鹤小学", 1), ("青山小学", 3)]] * 3
    pairs = [("张雨涵", "王芳"), ("李明轩", "王芳"), ("王梓萱", "赵敏")]
    unpaired = [("陈思彤", "帮扶名额不足（还差 1 个名额）")]
    assert pairs_everywhere(tmp_path) == [(pairs, unpaired)] * 3


# 县/青山小学.xlsx, whose 学校 cells say the school's full name 青山镇中心小学, beside its
# teachers list 青山小学教师.xlsx (no 学校 column), and 县/白鹤小学.xlsx.
NAMED_IN_CELLS = {
    "青山小学.xlsx": table([kid(n, 学校="青山镇中心小学") for n in (1, 2)]),
    "青山小学教师.xlsx": {"教师": table([teacher("王芳", C32)])},
    "白鹤小学.xlsx": table([kid(3)]),
}


def test_a_teachers_list_named_as_its_schools_roster_is_of_the_school_its_cells_say(
    tmp_path: Path,
) -> None:
    """县/青山小学.xlsx, whose 学校 cells say the school's full name 青山镇中心小学, beside its
    teachers list 青山小学教师.xlsx (no 学校 column): the children went by their cells, the
    teachers by their file's name, and lbc pair paired nobody (本校没有可结对的在岗教师)."""
    write_books(tmp_path / "县", NAMED_IN_CELLS)
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "王芳"), ("李明轩", "王芳")],
        [("王梓萱", "本校没有可结对的在岗教师")],
    )
    result = run("pair", "县", cwd=tmp_path)
    assert result.stdout.splitlines()[-3:-1] == [
        "白鹤小学：1 名儿童参与结对，已结对 0 名，未结对 1 名；0 名教师，帮扶名额 0 个",
        "青山镇中心小学：2 名儿童参与结对，已结对 2 名，未结对 0 名；1 名教师，帮扶名额 2 个",
    ]
    assert result.stderr.splitlines()[0] == (
        "提示：县/青山小学教师.xlsx 没有写明学校，与 县/青山小学.xlsx 同名，"
        "按 县/青山小学.xlsx 写明的学校算作青山镇中心小学的；如果不是同一所学校，请在表中加“学校”列"
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:] == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山镇中心小学：2 名儿童，0 个错误，0 个警告",
        "共检查 3 名儿童、1 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    summary = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    assert "有 1 名在岗教师未达到结对帮扶人数要求（青山镇中心小学 1 名）" in summary


def test_a_teachers_list_named_as_its_schools_roster_is_merged_as_that_school(
    tmp_path: Path,
) -> None:
    """The same county folder merged: lbc merge placed 青山小学教师.xlsx under no school
    (未能确定), so lbc pair over the merged roster paired nobody at 青山镇中心小学."""
    write_books(tmp_path / "县", NAMED_IN_CELLS)
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    assert sorted(s["school"] for s in merged["schools"]) == ["白鹤小学", "青山镇中心小学"]
    assert pairs_of(tmp_path, "全县.xlsx") == (
        [("张雨涵", "王芳"), ("李明轩", "王芳")],
        [("王梓萱", "本校没有可结对的在岗教师")],
    )


@pytest.mark.parametrize(
    "names",
    [
        ("留守儿童花名册.xlsx", "新增留守儿童.xlsx"),
        ("2024级1班.xlsx", "2024级2班.xlsx"),
        ("1.xlsx", "2.xlsx"),
        ("三年级.xlsx", "五年级.xlsx"),
    ],
)
def test_a_schools_folder_of_untitled_files_is_one_school(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """A school's folder (no lbc.toml) of two untitled files of children naming no school
    beside its untitled 教师.xlsx: one school to validate and merge, every child paired
    with its teachers."""
    first, second = names
    school_of_three(tmp_path, {first: table([kid(1), kid(2)]), second: table([kid(3, C51)])})
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", "青山小学", "--out", "全校.xlsx", cwd=tmp_path)
    assert "共合并 3 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])


def test_two_schools_folders_of_one_name_kept_a_grade_a_file_are_two(tmp_path: Path) -> None:
    """县/二片区/青山小学/三年级.xlsx and 县/三片区/青山小学/三年级.xlsx, each beside its
    school's 教师.xlsx: validate counted one school 青山小学 of 4, by their folders' one
    name, and lbc pair, by that name, gave 三片区's 赵敏 a child of 二片区's."""
    write_books(
        tmp_path / "县",
        {
            "二片区/青山小学/三年级.xlsx": table([kid(1), kid(2), kid(5, C51)]),
            "二片区/青山小学/教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "三片区/青山小学/三年级.xlsx": table([kid(3)]),
            "三片区/青山小学/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("县/三片区/青山小学", 1),
        ("县/二片区/青山小学", 3),
    ]
    pairs = [("张雨涵", "王芳"), ("李明轩", "王芳"), ("王梓萱", "赵敏")]
    unpaired = [("陈思彤", "帮扶名额不足（还差 1 个名额）")]
    assert pairs_of(tmp_path, "县") == (pairs, unpaired)


def test_a_folders_files_named_a_class_each_are_one_school(tmp_path: Path) -> None:
    """留守儿童/一班.xlsx and 留守儿童/二班.xlsx beside the school's untitled 教师.xlsx, in a
    folder naming no school: validate counted the schools 一班 of 2 and 二班 of 1, and lbc
    pair, pairing the folder's files as validate counts them, left all 3 unpaired."""
    write_books(
        tmp_path / "留守儿童",
        {
            "一班.xlsx": table([kid(1), kid(2)]),
            "二班.xlsx": table([kid(3, C51)]),
            "教师.xlsx": {"教师": TEACHERS},
        },
    )
    out = run("validate", "留守儿童", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    assert pairs_of(tmp_path, "留守儿童") == (ALL_THREE, [])


def test_schools_named_as_village_united_or_numbered_schools_are_theirs(tmp_path: Path) -> None:
    """县/青山村校.xlsx, 县/白鹤联校.xlsx and 县/城关四校.xlsx, and 县/1.xlsx titled
    石门中学附小2024年秋季留守儿童花名册, named no school: their names hold 校 but did not end
    as a school's name was known to, so the first three were one school 县 of 4 in every
    count and the merged 学校 column, and 1.xlsx a school 1."""
    untitled(
        tmp_path,
        {
            "青山村校.xlsx": [kid(1), kid(2)],
            "白鹤联校.xlsx": [kid(3)],
            "城关四校.xlsx": [kid(4)],
        },
    )
    title = [["石门中学附小2024年秋季留守儿童花名册"]]
    write_books(tmp_path / "县", {"1.xlsx": [*title, *table([kid(5)])]})
    assert (
        schools_everywhere(tmp_path)
        == [[("石门中学附小", 1), ("城关四校", 1), ("白鹤联校", 1), ("青山村校", 2)]] * 3
    )


@pytest.mark.parametrize(
    "names",
    [
        ("一至三年级.xlsx", "四至六年级.xlsx"),
        ("男生.xlsx", "女生.xlsx"),
        ("留守儿童.xlsx", "困境儿童.xlsx"),
    ],
)
def test_a_schools_files_named_by_words_naming_no_school_are_paired_as_one(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """A school's folder (no lbc.toml) of two untitled files of children named by words
    naming no school, beside its untitled 教师.xlsx: lbc pair, keeping apart the files as
    they name their schools, gave the teachers list to none of them (or to one) and left
    the children unpaired (本校没有可结对的在岗教师), where it paired all 3 before."""
    first, second = names
    school_of_three(tmp_path, {first: table([kid(1), kid(2)]), second: table([kid(3, C51)])})
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])


def test_a_schools_folder_of_a_term_is_not_a_school(tmp_path: Path) -> None:
    """青山小学/2024秋/1.xlsx and 2.xlsx, 白鹤小学/2024年秋季/花名册.xlsx, 河口小学/秋季学期/
    and 石门小学/2024-autumn/: a folder a school keeps a term's files in was read as the
    school (2024年秋季, 秋季学期, 2024-autumn), and the numbered files in it as the schools
    1 and 2, in every count, the merged 学校 column and lbc pair. Its files are the
    school's of the folder above; 2024秋/'s 教师.xlsx supports 青山小学's children."""
    in_folders(
        tmp_path,
        {
            "青山小学/2024秋": {
                "1.xlsx": table([kid(1), kid(2)]),
                "2.xlsx": table([kid(3, C51)]),
                "教师.xlsx": table([teacher("王芳", C32), teacher("李强", C51)]),
            },
            "白鹤小学/2024年秋季": {"花名册.xlsx": table([kid(4)])},
            "河口小学/秋季学期": {"花名册.xlsx": table([kid(5)])},
            "石门小学/2024-autumn": {"花名册.xlsx": table([kid(6)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "石门小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 6 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 3 + ["白鹤小学", "河口小学", "石门小学"]
    assert_merged(tmp_path, schools, range(1, 7))
    unpaired = [(kid(n)["姓名"], "本校没有可结对的在岗教师") for n in (4, 5, 6)]
    assert pairs_of(tmp_path, "县") == (ALL_THREE, sorted(unpaired))


@pytest.mark.parametrize("code", ["001", "20241"])
def test_files_numbered_in_a_schools_code_folder_are_its_grades(tmp_path: Path, code: str) -> None:
    """县/001/1.xlsx and 县/001/2.xlsx, a school's grades in a folder named by its code
    beside 县/白鹤小学/花名册.xlsx, were counted as the schools 1 and 2 in validate, merge's
    学校 column and lbc pair, which left 001's children without its teachers. They are the
    school 001's, as 县/1.xlsx and 县/2.xlsx stay two schools' numbers. A code that starts
    as a year does (20241) is no term's folder (2024-1 is)."""
    in_folders(
        tmp_path,
        {
            code: {
                "1.xlsx": table([kid(1), kid(2)]),
                "2.xlsx": table([kid(3, C51)]),
                "教师.xlsx": table([teacher("王芳", C32), teacher("李强", C51)]),
            },
            "白鹤小学": {"花名册.xlsx": table([kid(4)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        f"{code}：3 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = [code] * 3 + ["白鹤小学"]
    assert_merged(tmp_path, schools, range(1, 5))
    unpaired = [(kid(4)["姓名"], "本校没有可结对的在岗教师")]
    assert pairs_of(tmp_path, "县") == (ALL_THREE, unpaired)


def test_a_year_and_term_in_a_schools_folder_name_are_not_the_schools(tmp_path: Path) -> None:
    """县/2024秋青山小学/花名册.xlsx, 县/白鹤小学（秋季）/花名册.xlsx, 县/2024年春河口小学/
    三年级.xlsx and 五年级.xlsx, and 县/2024秋城关镇/花名册.xlsx titled 中心小学留守儿童
    花名册 were the schools 2024秋青山小学, 白鹤小学（秋季）, 2024年春河口小学 and
    2024秋城关镇中心小学 in validate and merge's 学校 column: a folder's name kept the year
    and the term a file's name and a title drop."""
    in_folders(
        tmp_path,
        {
            "2024秋青山小学": {"花名册.xlsx": table([kid(1), kid(2)])},
            "白鹤小学（秋季）": {"花名册.xlsx": table([kid(3, C51)])},
            "2024年春河口小学": {
                "三年级.xlsx": table([kid(4)]),
                "五年级.xlsx": table([kid(5, C51)]),
            },
            "2024秋城关镇": {"花名册.xlsx": [["中心小学留守儿童花名册"], *table([kid(6)])]},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "河口小学：2 名儿童，0 个错误，0 个警告",
        "城关镇中心小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "共检查 6 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 2 + ["白鹤小学", "河口小学", "河口小学", "城关镇中心小学"]
    assert_merged(tmp_path, schools, range(1, 7))


def test_a_year_in_brackets_before_a_campus_keeps_the_campus(tmp_path: Path) -> None:
    """县/青山小学（2024年秋）（东校区）.xlsx beside 县/青山小学.xlsx, a sheet titled
    白鹤小学（2024年秋季）（南校区）留守儿童花名册 and 县/石门小学(2024秋)(西校区)/花名册.xlsx
    were cut at the year: the campus was lost, and 东校区's children counted and merged as
    青山小学's, the main campus's."""
    untitled(
        tmp_path,
        {"青山小学（2024年秋）（东校区）.xlsx": [kid(1), kid(2)], "青山小学.xlsx": [kid(3, C51)]},
    )
    title = [["白鹤小学（2024年秋季）（南校区）留守儿童花名册"]]
    write_books(tmp_path / "县", {"2号.xlsx": [*title, *table([kid(4)])]})
    in_folders(tmp_path, {"石门小学(2024秋)(西校区)": {"花名册.xlsx": table([kid(5)])}})
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "白鹤小学(南校区)：1 名儿童，0 个错误，0 个警告",
        "石门小学(西校区)：1 名儿童，0 个错误，0 个警告",
        "青山小学：1 名儿童，0 个错误，0 个警告",
        "青山小学(东校区)：2 名儿童，0 个错误，0 个警告",
        "共检查 5 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学(东校区)"] * 2 + ["青山小学", "白鹤小学(南校区)", "石门小学(西校区)"]
    assert_merged(tmp_path, schools, range(1, 6))


def test_a_sheet_titled_by_its_grade_names_no_school(tmp_path: Path) -> None:
    """青山小学/三年级.xlsx and 五年级.xlsx titled 三年级留守儿童花名册 and 五年级留守儿童花名册,
    and 白鹤小学/花名册.xlsx titled 三年级(2)班留守儿童名单, declared the schools 三年级,
    五年级 and 三年级(2)班 in validate, merge's 学校 column and lbc pair, which left the
    grades' children without 青山小学's teachers. A title naming a grade or a class names
    no school: each file goes by its school's folder."""
    in_folders(
        tmp_path,
        {
            "青山小学": {
                "三年级.xlsx": [["三年级留守儿童花名册"], *table([kid(1), kid(2)])],
                "五年级.xlsx": [["五年级留守儿童花名册"], *table([kid(3, C51)])],
                "教师.xlsx": table([teacher("王芳", C32), teacher("李强", C51)]),
            },
            "白鹤小学": {"花名册.xlsx": [["三年级(2)班留守儿童名单"], *table([kid(4)])]},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 3 + ["白鹤小学"]
    assert_merged(tmp_path, schools, range(1, 5))
    unpaired = [(kid(4)["姓名"], "本校没有可结对的在岗教师")]
    assert pairs_of(tmp_path, "县") == (ALL_THREE, unpaired)
    assert schools_everywhere(tmp_path) == [[("白鹤小学", 1), ("青山小学", 3)]] * 3


def test_an_ordinary_word_after_a_schools_name_is_not_the_schools(tmp_path: Path) -> None:
    """县/青山小学新学期名单.xlsx, 县/白鹤小学三年级.xlsx and 白鹤小学五年级.xlsx, 县/石门小学
    汇总.xlsx and a sheet titled 河口小学三年级留守儿童花名册 were the schools 青山小学新学期,
    白鹤小学三年级, 白鹤小学五年级, 石门小学汇总 and 河口小学三年级 in validate and merge's
    学校 column. The school is the name up to where a school's name ends; a campus after
    it stays (东山小学东区)."""
    untitled(
        tmp_path,
        {
            "青山小学新学期名单.xlsx": [kid(1), kid(2)],
            "白鹤小学三年级.xlsx": [kid(3, C51)],
            "白鹤小学五年级.xlsx": [kid(4)],
            "石门小学汇总.xlsx": [kid(5)],
            "东山小学东区.xlsx": [kid(7)],
        },
    )
    title = [["河口小学三年级留守儿童花名册"]]
    write_books(tmp_path / "县", {"3号.xlsx": [*title, *table([kid(6)])]})
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "东山小学东区：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "石门小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，0 个错误，0 个警告",
        "共检查 7 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 2 + ["白鹤小学"] * 2 + ["石门小学", "河口小学", "东山小学东区"]
    assert_merged(tmp_path, schools, range(1, 8))


@pytest.mark.parametrize("inside", ["青山小学", "青山小学/2024秋", "001"])
def test_numbered_files_of_the_folder_a_run_is_in_are_its_schools_grades(
    tmp_path: Path, inside: str
) -> None:
    """lbc validate . and lbc merge . run in 青山小学/ (or its 2024秋/, or a school's code
    folder 001/) holding 1.xlsx and 2.xlsx counted the schools 1 and 2: the folder given as
    . has no name to say it is a school's. It is the folder the run is in."""
    folder = write_books(
        tmp_path / inside, {"1.xlsx": table([kid(1), kid(2)]), "2.xlsx": table([kid(3, C51)])}
    )
    out = run("validate", ".", cwd=folder).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", ".", "--out", tmp_path / "全校.xlsx", cwd=folder)
    assert "共合并 2 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    rows = load_workbook(tmp_path / "全校.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert {row[at] for row in rows} == {inside.split("/")[0]}


@pytest.mark.parametrize("folder", ["青山小学", "留守儿童"])
@pytest.mark.parametrize(
    "names",
    [
        ("一至三年级.xlsx", "四至六年级.xlsx"),
        ("男生.xlsx", "女生.xlsx"),
        ("低段.xlsx", "高段.xlsx"),
        ("第一批.xlsx", "困境儿童.xlsx"),
    ],
)
def test_a_schools_files_named_by_words_naming_no_school_are_one_school_everywhere(
    tmp_path: Path, folder: str, names: tuple[str, str]
) -> None:
    """A school's folder of 一至三年级.xlsx and 四至六年级.xlsx (男生/女生, 低段/高段) beside
    its untitled 教师.xlsx: lbc pair paired it as one school, but validate counted two
    schools named by the files (一至三年级：2 名儿童 …), lbc merge wrote them in its 学校
    column and left the teachers list with no school (未能确定), and the summary had a
    line per file. Every command now reads one school, named by its folder."""
    first, second = names
    write_books(
        tmp_path / folder,
        {
            first: table([kid(1), kid(2)]),
            second: table([kid(3, C51)]),
            "教师.xlsx": {"教师": TEACHERS},
        },
    )
    out = run("validate", folder, cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", folder, "--out", "全校.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stdout + merged.stderr
    assert "共合并 3 个文件、1 所学校：在册儿童 3 名，教师 2 名" in merged.stdout
    book = load_workbook(tmp_path / "全校.xlsx")
    for sheet in ("留守儿童花名册", "教师名单"):
        rows = list(book[sheet].iter_rows(values_only=True))
        assert {row[0] for row in rows[1:] if row[1]} == {folder}
    summary = run("summary", folder, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["schools"] is None
    assert pairs_of(tmp_path, folder) == (ALL_THREE, [])


def qs_folder(root: Path, beside: dict[str, Any]) -> Path:
    """县/qs/三年级.xlsx titled 青山小学 beside the untitled 五年级.xlsx (王梓萱 of 五年级(1)班)
    and ``beside``'s files."""
    title = [["青山小学留守儿童花名册"]]
    return write_books(
        root / "县" / "qs",
        {
            "三年级.xlsx": [*title, *table([kid(1), kid(2)])],
            "五年级.xlsx": table([kid(3, C51)]),
            **beside,
        },
    )


def test_a_grades_file_beside_one_titled_with_its_school_is_that_school(tmp_path: Path) -> None:
    """县/qs/三年级.xlsx titled 青山小学 beside the untitled 县/qs/五年级.xlsx and 教师.xlsx, the
    folder named otherwise than the school: validate counted two schools, 青山小学 of 2 and
    qs of 1, and lbc pair left all 3 children unpaired (本校没有可结对的在岗教师), the
    teachers list of neither. 五年级.xlsx is the school its folder's titled file declares."""
    qs_folder(tmp_path, {"教师.xlsx": {"教师": TEACHERS}})
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert "schools" not in doc["summary"]  # one school
    assert pairs_of(tmp_path, "县") == (ALL_THREE, [])


def two_villages(root: Path, schools: list[str] | None) -> None:
    """县/青山.xlsx and 县/白鹤.xlsx, two schools' untitled rosters named without a school's
    word, beside one teachers list 县/教师.xlsx: 王芳 (三年级(2)班) and 李强 (五年级(1)班),
    of the schools ``schools`` names (a 学校 column), else of none said. 青山's children
    are of 三年级(2)班, 白鹤's of 五年级(1)班."""
    rows = [teacher("王芳", C32), teacher("李强", C51)]
    if schools is not None:
        rows = [{**row, "学校": school} for row, school in zip(rows, schools, strict=True)]
    write_books(
        root / "县",
        {
            "青山.xlsx": table([kid(1), kid(2)]),
            "白鹤.xlsx": table([kid(3, C51)]),
            "教师.xlsx": {"教师": table(rows)},
        },
    )


def test_a_shared_teachers_list_pairs_each_school_with_its_own_teachers(tmp_path: Path) -> None:
    """The teachers list's 学校 column names 王芳 白鹤's and 李强 青山's: lbc pair took the
    files for a school apart from the one the cells named, and left all 3 children unpaired
    (本校没有可结对的在岗教师) beside a line per school of teachers with no child. A file is
    the school a row's 学校 cell names by its name, as validate counts it."""
    two_villages(tmp_path, ["白鹤", "青山"])
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "白鹤：1 名儿童，0 个错误，0 个警告",
        "青山：2 名儿童，0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "李强"), ("李明轩", "李强"), ("王梓萱", "王芳")],
        [],
    )
    lines = run("pair", "县", cwd=tmp_path).stdout.splitlines()
    assert lines[-3:] == [
        "白鹤：1 名儿童参与结对，已结对 1 名，未结对 0 名；1 名教师，帮扶名额 1 个",
        "青山：2 名儿童参与结对，已结对 2 名，未结对 0 名；1 名教师，帮扶名额 2 个",
        "共 3 名儿童参与结对：已结对 3 名（延续 0 名，新结对 3 名），未结对 0 名；"
        "2 名教师中 2 名有帮扶学生",
    ]


def test_a_shared_teachers_list_saying_no_school_pairs_no_school_with_another(
    tmp_path: Path,
) -> None:
    """Without a 学校 column the list may be of either school: lbc pair took both files
    for one school, as validate does not (白鹤 of 1, 青山 of 2), and gave 青山's children
    王芳, who may teach at 白鹤. The children are left unpaired, and pair says why."""
    two_villages(tmp_path, None)
    why = "本校没有可结对的在岗教师"
    assert pairs_of(tmp_path, "县") == (
        [],
        [("张雨涵", why), ("李明轩", why), ("王梓萱", why)],
    )
    result = run("pair", "县", cwd=tmp_path)
    assert result.exit_code == 1
    assert "提示：县/教师.xlsx 没有写明学校" in result.stderr


def records_file(rows: list[list[Any]]) -> dict[str, Any]:
    """帮扶记录.xlsx of ``rows`` (a 帮扶记录 sheet), as qs_folder puts it beside the rosters."""
    return {"帮扶记录.xlsx": {"帮扶记录": rows}}


# A talk with 五年级's 王梓萱 by 李强.
TALK = ["2024-10-08", "李强", "王梓萱", "五年级(1)班", "谈心", "谈学习"]


def test_a_file_of_records_alone_does_not_name_its_folders_school(tmp_path: Path) -> None:
    """县/qs/帮扶记录.xlsx, records alone, titled 青山小学帮扶记录 (which declares no school):
    its name was taken for a school's, so 五年级.xlsx beside it no longer went with the one
    school its folder's titled roster declares: validate counted 青山小学 of 2 and qs of 1."""
    qs_folder(tmp_path, records_file([["青山小学帮扶记录"], RECORD_HEADER, TALK]))
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、0 名教师、1 条帮扶记录：0 个错误，0 个警告\n"


def test_a_record_of_the_school_finds_its_child_in_the_schools_untitled_file(
    tmp_path: Path,
) -> None:
    """A record whose 学校 says 青山小学 names 王梓萱 of 五年级.xlsx, a file of 青山小学 by
    every count: records were matched to children by a rule of their own, which took the
    file for a school of its own, and validate said REC002 (记录中的学生“王梓萱”不在花名册中)
    of a child on the school's roster, whose talk counted for no one."""
    qs_folder(tmp_path, records_file([[*RECORD_HEADER, "学校"], [*TALK, "青山小学"]]))
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、0 名教师、1 条帮扶记录：0 个错误，0 个警告\n"
    summary = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    assert "有 2 名儿童本学期没有任何帮扶记录" in summary


def test_a_schools_records_name_no_child_of_another_schools_untitled_file(
    tmp_path: Path,
) -> None:
    """县/青山小学.xlsx, untitled, keeps its records beside its roster; one names 王梓萱, who
    is on 县/白鹤小学.xlsx only. Two schools by every count, but a record of one file's own
    school could name a child of any other's: the talk was counted for 白鹤小学's 王梓萱 in
    every report, and validate found nothing wrong."""
    talk = [RECORD_HEADER, TALK]
    write_books(
        tmp_path / "县",
        {
            "青山小学.xlsx": {"花名册": table([kid(1), kid(2)]), "帮扶记录": talk},
            "白鹤小学.xlsx": table([kid(3, C51)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "县/青山小学.xlsx · 帮扶记录",
        "                                                                            ",
        "  位置   代码     级别   对象    问题                               值      ",
        " ────────────────────────────────────────────────────────────────────────── ",
        "  C2     REC002   错误   王*萱   记录中的学生“王梓萱”不在花名册中   王梓萱  ",
        "                                                                            ",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，1 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、1 条帮扶记录：1 个错误，0 个警告",
    ]
    summary = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    assert "有 3 名儿童本学期没有任何帮扶记录" in summary


def test_a_grades_file_beside_one_titled_with_its_school_is_merged_as_that_school(
    tmp_path: Path,
) -> None:
    """lbc merge reads each file alone: 县/qs/五年级.xlsx, untitled, was merged as the school
    qs, its folder, beside 青山小学 of 三年级.xlsx (2 所学校), the teachers list with it,
    where every other command reads one school 青山小学."""
    qs_folder(tmp_path, {"教师.xlsx": {"教师": TEACHERS}})
    for out in ("全县.xlsx", "全县.parquet"):
        merged = run("merge", "县", "--out", out, cwd=tmp_path)
        assert merged.exit_code == 0, merged.stdout + merged.stderr
        assert merged.stdout.splitlines()[4:7] == [
            "  青山小学   县/qs/三年级.xlsx   3      2      0      0      0     ",
            "             县/qs/五年级.xlsx                                     ",
            "             县/qs/教师.xlsx                                       ",
        ]
        assert "共合并 3 个文件、1 所学校：在册儿童 3 名，教师 2 名" in merged.stdout
        out_json = run("validate", out, "--format", "json", cwd=tmp_path).json()
        assert "schools" not in out_json["summary"]
    assert merged_schools(tmp_path) == [("青山小学", n) for n in ("张雨涵", "李明轩", "王梓萱")]


def test_a_schools_part_file_is_paired_under_the_school_every_count_names(
    tmp_path: Path,
) -> None:
    """县/qs/男生.xlsx beside 县/qs/青山小学.xlsx and 教师.xlsx is 青山小学 to validate, and
    lbc pair paired its children with 青山小学's teachers, but labelled them with the
    school qs (its folder, by the file's name alone) and listed them apart from the
    school's other children, after 白鹤小学, with a line of its own per name."""
    write_books(
        tmp_path / "县",
        {
            "qs/青山小学.xlsx": table([kid(1), kid(2)]),
            "qs/男生.xlsx": table([kid(3, C51)]),
            "qs/教师.xlsx": {"教师": TEACHERS},
            "白鹤小学/花名册.xlsx": table([kid(4), kid(5)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "青山小学：3 名儿童，0 个错误，0 个警告" in out
    doc = run("pair", "县", "--format", "json", cwd=tmp_path).json()
    assert [(p["class"], p["file"]) for p in doc["pairs"]] == [
        ("白鹤小学 三年级(2)班", "县/白鹤小学/花名册.xlsx"),
        ("白鹤小学 三年级(2)班", "县/白鹤小学/花名册.xlsx"),
        ("青山小学 三年级(2)班", "县/qs/青山小学.xlsx"),
        ("青山小学 三年级(2)班", "县/qs/青山小学.xlsx"),
        ("青山小学 五年级(1)班", "县/qs/男生.xlsx"),
    ]
    assert [s["school"] for s in doc["summary"]["schools"]] == ["白鹤小学", "青山小学"]
    text = run("pair", "县", cwd=tmp_path).stdout
    assert "青山小学：3 名儿童参与结对，已结对 3 名，未结对 0 名；2 名教师" in text
    assert "qs" not in text


@pytest.mark.parametrize(
    "names",
    [
        ("一至三年级.xlsx", "四至六年级.xlsx"),
        ("低年级.xlsx", "高年级.xlsx"),
        ("一年级至三年级.xlsx", "四年级至六年级.xlsx"),
        ("一二三年级.xlsx", "四五六年级.xlsx"),
        ("低年级组.xlsx", "高年级组.xlsx"),
        ("第一部分.xlsx", "第二部分.xlsx"),
        ("王老师班.xlsx", "李老师班.xlsx"),
    ],
)
def test_a_schools_roster_split_by_other_words_for_its_parts_is_one_school(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """青山小学/一年级至三年级.xlsx (2 children, 王芳 who may support 1) and
    四年级至六年级.xlsx (1 child, 李强 and 赵敏), each with its teachers, were read as
    two schools named by the files: lbc pair left one child unpaired (帮扶名额不足) while
    赵敏 of the same school sat idle, and validate counted the schools 一年级至三年级 and
    四年级至六年级. Such words name a part of one school's roster, as 一至三年级 does."""
    first, second = names
    write_books(
        tmp_path / "青山小学",
        {
            first: {
                "花名册": table([kid(1), kid(2)]),
                "教师": table([teacher("王芳", C32, 可帮扶人数=1)]),
            },
            second: {
                "花名册": table([kid(3, C51)]),
                "教师": table([teacher("李强", C51, 可帮扶人数=1), teacher("赵敏", C32)]),
            },
        },
    )
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、3 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    pairs, unpaired = pairs_of(tmp_path, "青山小学")
    assert unpaired == []
    assert [child for child, _ in pairs] == ["张雨涵", "李明轩", "王梓萱"]


def test_a_villages_file_of_children_beside_a_titled_schools_is_its_own_school(
    tmp_path: Path,
) -> None:
    """A county's flat folder of 青山小学留守儿童花名册.xlsx, titled with its school and
    holding its teacher, and 白鹤.xlsx, another school's children alone, named by its
    village as many 村小 name theirs: validate counts two schools, and lbc pair gave
    白鹤's children 青山小学's teacher. They have no teacher of their own school."""
    write_books(
        tmp_path / "县",
        {
            "青山小学留守儿童花名册.xlsx": {
                "花名册": [["青山小学留守儿童花名册"], *table([kid(1)])],
                "教师": table([teacher("王芳", C32)]),
            },
            "白鹤.xlsx": table([kid(2), kid(3)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert "白鹤：2 名儿童，0 个错误，0 个警告" in out
    assert "青山小学：1 名儿童，0 个错误，0 个警告" in out
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "王芳")],
        [("李明轩", "本校没有可结对的在岗教师"), ("王梓萱", "本校没有可结对的在岗教师")],
    )


def test_a_schools_files_of_boys_and_girls_are_paired_under_its_folders_name(
    tmp_path: Path,
) -> None:
    """县/青山小学/ of 男生.xlsx, 女生.xlsx and 教师.xlsx beside 县/白鹤小学/: lbc pair
    labelled every 青山小学 child, boys too, with the school 女生, and its line said
    女生：3 名儿童."""
    write_books(
        tmp_path / "县",
        {
            "青山小学/男生.xlsx": table([kid(1), kid(2)]),
            "青山小学/女生.xlsx": table([kid(3, C51)]),
            "青山小学/教师.xlsx": {"教师": TEACHERS},
            "白鹤小学/花名册.xlsx": {
                "花名册": table([kid(4)]),
                "教师": table([teacher("赵敏", C32)]),
            },
        },
    )
    doc = run("pair", "县", "--format", "json", cwd=tmp_path).json()
    assert [p["class"] for p in doc["pairs"]] == [
        "白鹤小学 三年级(2)班",
        "青山小学 三年级(2)班",
        "青山小学 三年级(2)班",
        "青山小学 五年级(1)班",
    ]
    assert [s["school"] for s in doc["summary"]["schools"]] == ["白鹤小学", "青山小学"]
    assert "青山小学：3 名儿童，0 个错误，0 个警告" in run("validate", "县", cwd=tmp_path).stdout


def test_a_schools_name_in_brackets_or_before_a_word_is_the_schools(tmp_path: Path) -> None:
    """A county's folder of schools' files named (and titled) as offices name them: the
    school in brackets (2024年秋季（青山小学）留守儿童花名册.xlsx, 【白鹤小学】, 《石门小学》)
    was the school (青山小学, 【白鹤小学, 《石门小学, 东山小学全校留守儿童花名册.xlsx the school
    东山小学全校, and 2024年秋季河口小学全校…, 2024年秋季中心校… and 2024年秋季教学点… named
    no school: their children were one school of the folder's name, 县, in validate and
    merge's 学校 column, and lbc pair gave 中心校's teacher 河口小学's and 教学点's children."""
    center = "2024年秋季中心校留守儿童花名册"
    titled = (
        (3, "2024年秋季【白鹤小学】关爱留守儿童花名册"),
        (6, "2024年秋季河口小学全校留守儿童花名册"),
        (7, "2024年秋季教学点留守儿童花名册"),
    )
    write_books(
        tmp_path / "县",
        {
            f"{center}.xlsx": {
                "花名册": [[center], *table([kid(8)])],
                "教师": [["2024年秋季中心校教师名单"], *table([teacher("赵敏", C32)])],
            },
            "2024年秋季（青山小学）留守儿童花名册.xlsx": {
                "花名册": table([kid(1), kid(2)]),
                "教师": table([teacher("王芳", C32)]),
            },
            **{f"{name}.xlsx": [[name], *table([kid(n)])] for n, name in titled},
            "《石门小学》留守儿童花名册.xlsx": table([kid(4)]),
            "东山小学全校留守儿童花名册.xlsx": table([kid(5)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "中心校：1 名儿童，0 个错误，0 个警告",
        "教学点：1 名儿童，0 个错误，0 个警告",
        "河口小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，0 个错误，0 个警告",
        "石门小学：1 名儿童，0 个错误，0 个警告",
        "东山小学：1 名儿童，0 个错误，0 个警告",
        "共检查 8 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    schools = ["青山小学"] * 2 + ["白鹤小学", "石门小学", "东山小学", "河口小学"]
    schools += ["教学点", "中心校"]
    assert_merged(tmp_path, schools, range(1, 9))
    pairs = [("张雨涵", "王芳"), ("李明轩", "王芳"), (kid(8)["姓名"], "赵敏")]
    alone = sorted((kid(n)["姓名"], "本校没有可结对的在岗教师") for n in range(3, 8))
    assert pairs_of(tmp_path, "县") == (pairs, alone)


@pytest.mark.parametrize(
    "copy", ["青山小学(1)", "青山小学 (2)", "青山小学（补）", "青山小学（副本）"]
)
def test_a_copy_of_a_schools_file_is_that_schools(tmp_path: Path, copy: str) -> None:
    """青山小学/青山小学(1).xlsx, a second file saved beside 青山小学.xlsx (its teachers
    with it) under the name Windows or a browser gives a copy, was a school 青山小学(1) of
    its own with no teachers: validate counted two schools and lbc pair left its child
    unpaired (本校没有可结对的在岗教师). A campus's bracket still names a school of its own."""
    school = write_books(
        tmp_path / "青山小学",
        {
            "青山小学.xlsx": {"花名册": table([kid(1), kid(2)]), "教师": TEACHERS},
            f"{copy}.xlsx": table([kid(3, C51)]),
        },
    )
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", "青山小学", "--out", "全校.xlsx", cwd=tmp_path)
    assert "共合并 2 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])

    write_books(school, {"青山小学（东校区）.xlsx": table([kid(4)])})
    doc = run("validate", "青山小学", "--format", "json", cwd=tmp_path).json()
    schools = [(s["school"], s["children"]) for s in doc["summary"]["schools"]]
    assert schools == [("青山小学", 3), ("青山小学(东校区)", 1)]


def test_a_schools_file_named_a_list_of_caring_for_its_children_is_its(tmp_path: Path) -> None:
    """青山小学/关爱留守儿童花名册.xlsx beside 青山小学.xlsx (its teachers with it) named the
    school 关爱 (care for): validate counted two schools and lbc merge wrote 关爱 in its
    children's 学校 cells. 关爱留守儿童花名册 is a list's name, naming no school."""
    write_books(
        tmp_path / "青山小学",
        {
            "青山小学.xlsx": {"花名册": table([kid(1), kid(2)]), "教师": TEACHERS},
            "关爱留守儿童花名册.xlsx": table([kid(3, C51)]),
        },
    )
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    merged = run("merge", "青山小学", "--out", "全校.xlsx", cwd=tmp_path)
    assert "共合并 2 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    rows = load_workbook(tmp_path / "全校.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert [row[at] for row in rows] == ["青山小学"] * 3
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])


def test_a_list_named_file_in_a_countys_folder_beside_one_schools_is_its_own_school(
    tmp_path: Path,
) -> None:
    """县/白鹤小学.xlsx and 县/花名册.xlsx, each with its children and its teachers: a file
    named by a list alone went with the one school its folder's other file names, so
    validate counted one school 白鹤小学 of all 3 children and lbc pair could give 花名册's
    children 白鹤小学's teachers. A list's name tells no school; only a grade's or a part's
    (三年级.xlsx, 一至三年级.xlsx) goes with its folder's one school."""
    write_books(
        tmp_path / "县",
        {
            "白鹤小学.xlsx": {"花名册": table([kid(1)]), "教师": table([teacher("赵敏", C32)])},
            "花名册.xlsx": {
                "花名册": table([kid(2), kid(3)]),
                "教师": table([teacher("王芳", C32)]),
            },
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "县：2 名儿童，0 个错误，0 个警告",
        "共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "赵敏"), ("李明轩", "王芳"), ("王梓萱", "王芳")],
        [],
    )


@pytest.mark.parametrize("name", ["寄宿生.xlsx", "汇总.xlsx", "最终版.xlsx"])
def test_a_file_named_by_a_word_of_the_schools_folder_is_paired_with_its_teachers(
    tmp_path: Path, name: str
) -> None:
    """青山小学/寄宿生.xlsx (汇总.xlsx, 最终版.xlsx) beside the school's 留守儿童花名册.xlsx and
    its untitled 教师.xlsx: lbc pair took the file for a school of its own and left its
    child unpaired (本校没有可结对的在岗教师); run inside the folder (lbc pair .) it left
    every child unpaired, the teachers list of no school. In a folder naming a school, a
    file named by a word naming none is a part of that school's roster."""
    school = school_of_three(
        tmp_path, {"留守儿童花名册.xlsx": table([kid(1), kid(2)]), name: table([kid(3, C51)])}
    )
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])
    assert pairs_of(school, ".") == (ALL_THREE, [])
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"


@pytest.mark.parametrize("codes", [("0101", "0102"), ("1001", "1002")])
def test_schools_folders_numbered_by_four_digit_codes_are_schools_apart(
    tmp_path: Path, codes: tuple[str, str]
) -> None:
    """县/0101/ and 县/0102/, two schools' folders numbered by the county's four-digit codes,
    each of an untitled roster and teachers list, were read as folders of a year's files
    (as 2024/ may be): validate and lbc merge counted one school 县 of both, and lbc pair
    gave 0101's 张雨涵 0102's 赵敏, who teaches her class in another school."""
    first, second = codes
    write_books(
        tmp_path / "县",
        {
            f"{first}/花名册.xlsx": table([kid(1)]),
            f"{first}/教师.xlsx": {"教师": table([teacher("王芳", C51)])},
            f"{second}/花名册.xlsx": table([kid(2, C51)]),
            f"{second}/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        f"{first}：1 名儿童，0 个错误，0 个警告",
        f"{second}：1 名儿童，0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == ([("张雨涵", "王芳"), ("李明轩", "赵敏")], [])
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert "共合并 4 个文件、2 所学校：在册儿童 2 名" in merged.stdout


@pytest.mark.parametrize("out", ["导出.parquet", "导出.csv"])
def test_a_records_file_of_its_own_is_exported_under_its_schools_name(
    tmp_path: Path, out: str
) -> None:
    """县/qs/帮扶记录.xlsx, records alone, beside 三年级.xlsx titled 青山小学 and the untitled
    五年级.xlsx; and 留守儿童/帮扶记录.xlsx beside the untitled 花名册.xlsx. Every command
    over the folder matched the talk with 王梓萱, but lbc export wrote the records' school
    as their file's name, 帮扶记录, so read back they named no child of it: validate said
    REC002 (记录中的学生“王梓萱”不在花名册中) and the summary counted the talk for no one."""
    qs_folder(tmp_path, records_file([RECORD_HEADER, TALK]))
    own = {"花名册.xlsx": table([kid(1), kid(3, C51)]), **records_file([RECORD_HEADER, TALK])}
    write_books(tmp_path / "留守儿童", own)
    clean = "没有发现问题。\n共检查 {} 名儿童、0 名教师、1 条帮扶记录：0 个错误，0 个警告\n"
    for folder, children in (("县", 3), ("留守儿童", 2)):
        assert run("validate", folder, cwd=tmp_path).stdout == clean.format(children)
        exported = run("export", folder, "--out", out, cwd=tmp_path)
        assert exported.exit_code == 0, exported.stderr
        assert run("validate", out, cwd=tmp_path).stdout == clean.format(children)
        summary = run("summary", out, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
        assert summary.json()["records"]["matched"] == 1


def county_of_one_school_and_a_kind(root: Path, folder: str, roster: str = "青山小学.xlsx") -> Path:
    """``folder``/``roster`` titled 青山小学留守儿童花名册 (张雨涵, 三年级(2)班) with its
    教师名单 of 王芳, head teacher of 三年级(2)班, beside ``folder``/困境儿童.xlsx titled
    2024年秋季困境儿童名单, naming no school: 李明轩 of 三年级(2)班, who has left school
    (辍学), and 王梓萱 of 五年级(1)班."""
    kinds = [["2024年秋季困境儿童名单"], *table([kid(2, 就学情况="辍学"), kid(3, C51)])]
    return write_books(
        root / folder,
        {
            roster: {
                "花名册": [["青山小学留守儿童花名册"], *table([kid(1)])],
                "教师名单": table([teacher("王芳", C32, role="班主任")]),
            },
            "困境儿童.xlsx": kinds,
        },
    )


NO_TEACHER = "本校没有可结对的在岗教师"


def test_a_kind_of_childs_file_in_a_countys_folder_is_not_the_one_school_beside_it(
    tmp_path: Path,
) -> None:
    """县/困境儿童.xlsx, named by a kind of child and titled so, beside 县/青山小学.xlsx, the
    only school's file there: it went with that school, so validate counted one school of
    3 children, lbc merge wrote 青山小学 on its rows, lbc pair gave 李明轩 青山小学's 王芳
    and lbc watch put him in 王芳's class. A county's flat folder names its schools' files
    by the schools; a kind's list there may be the county's own or another school's."""
    county_of_one_school_and_a_kind(tmp_path, "县")
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "县：2 名儿童，0 个错误，0 个警告",
        "青山小学：1 名儿童，0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "王芳")],
        [("李明轩", NO_TEACHER), ("王梓萱", NO_TEACHER)],
    )
    assert merged_schools(tmp_path) == [("县", "李明轩"), ("县", "王梓萱"), ("青山小学", "张雨涵")]
    summary = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert [(s["name"], s["children"]) for s in summary.json()["schools"]] == [
        ("县", 2),
        ("青山小学", 1),
    ]
    watched = run("watch", "县", "--format", "json", cwd=tmp_path).json()
    assert [(c["class"], c["head_teachers"]) for c in watched["classes"]] == [
        ("县 三年级(2)班", [])
    ]


@pytest.mark.parametrize(
    ("folder", "roster", "apart"),
    [
        ("城关镇", "青山小学.xlsx", True),
        ("城关学区", "青山小学.xlsx", True),
        ("资料", "青山小学.xlsx", True),
        # A county's folder of one stage's schools (县/初中/, 县/高中/), though a school's
        # name may end so (青山初中): its kind's list went with the one school there.
        ("县/初中", "青山小学.xlsx", True),
        ("县/高中", "青山小学.xlsx", True),
        # A county's folder of a group of schools (全县初中, 全县小学, 各乡镇小学): no one's.
        ("县/全县初中", "青山小学.xlsx", True),
        ("县/全县小学", "青山小学.xlsx", True),
        ("县/各乡镇小学", "青山小学.xlsx", True),
        ("县/全镇小学", "青山小学.xlsx", True),
        ("县/青山小学", "花名册.xlsx", False),
        ("县/001", "青山小学.xlsx", False),
        ("县/2024秋青山小学", "青山小学.xlsx", False),
        ("青山小学/2024秋", "花名册.xlsx", False),
        ("留守儿童", "花名册.xlsx", False),
    ],
)
def test_a_kind_of_childs_file_is_the_school_beside_it_in_a_schools_folder_alone(
    tmp_path: Path, folder: str, roster: str, apart: bool
) -> None:
    """A folder named by a school, its code or a term of it, or one whose files are named
    by lists (花名册.xlsx titled 青山小学), is one school's: its 困境儿童.xlsx is that
    school's. A township's or a district's folder, or one naming no school whose files are
    named by schools (资料/青山小学.xlsx), may be several schools': the file is kept apart."""
    county_of_one_school_and_a_kind(tmp_path, folder, roster)
    source = folder.split("/")[0]
    out = run("validate", source, cwd=tmp_path).stdout
    counted = "青山小学：1 名儿童，0 个错误，0 个警告" in out
    assert counted == apart
    pairs = pairs_of(tmp_path, source)
    if apart:
        assert pairs == ([("张雨涵", "王芳")], [("李明轩", NO_TEACHER), ("王梓萱", NO_TEACHER)])
    else:
        assert pairs == ([("张雨涵", "王芳"), ("李明轩", "王芳")], [("王梓萱", SHORT_1)])


def test_a_kind_of_childs_file_kept_apart_says_how_to_make_it_the_schools(
    tmp_path: Path,
) -> None:
    """县/困境儿童.xlsx kept apart from 县/青山小学.xlsx: every command counted it as a
    school 县 and said nothing, so a school that meant it as its own saw its children
    unpaired with no word why. Each says so, that 县 is no school, and how to give it its
    school; a 学校 column does, as the note says."""
    county = county_of_one_school_and_a_kind(tmp_path, "县")
    said = pooled_note(["县/困境儿童.xlsx"]).rstrip("\n")
    for args in (
        ("validate", "县"),
        ("pair", "县"),
        ("merge", "县", "--out", "全县.xlsx"),
        ("summary", "县", "--term", "2024-autumn"),
        ("watch", "县"),
    ):
        notes = run(*args, cwd=tmp_path).stderr.splitlines()
        assert notes.count(said) == 1, (args, notes)
    rows = [kid(2, 就学情况="辍学", 学校="青山小学"), kid(3, C51, 学校="青山小学")]
    write_books(county, {"困境儿童.xlsx": table(rows)})
    result = run("validate", "县", cwd=tmp_path)
    assert result.stdout == (
        "没有发现问题。\n共检查 3 名儿童、1 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    )
    assert "困境儿童.xlsx" not in result.stderr
    assert pairs_of(tmp_path, "县") == (
        [("张雨涵", "王芳"), ("李明轩", "王芳")],
        [("王梓萱", SHORT_1)],
    )


@pytest.mark.parametrize("title", ["困境儿童花名册", "一至三年级留守儿童花名册", "男生名单"])
def test_a_part_of_a_schools_roster_titled_by_its_part_is_the_schools(
    tmp_path: Path, title: str
) -> None:
    """青山小学/困境儿童.xlsx titled 困境儿童花名册 (一至三年级…, 男生名单) beside
    青山小学/花名册.xlsx titled 青山小学: the title was read as declaring a school 困境儿童,
    so validate counted two schools and lbc pair left its children unpaired beside
    青山小学's idle 李强. A title naming a part of a roster names no school, as one naming a
    grade does (三年级留守儿童花名册)."""
    write_books(
        tmp_path / "青山小学",
        {
            "花名册.xlsx": {
                "花名册": [["青山小学留守儿童花名册"], *table([kid(1), kid(2)])],
                "教师名单": TEACHERS,
            },
            "困境儿童.xlsx": [[title], *table([kid(3, C51)])],
        },
    )
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])


@pytest.mark.parametrize(
    "name",
    ["统计表", "登记表", "台账", "信息表", "汇总表", "一览表", "明细表", "儿童信息登记表"],
)
def test_a_title_or_file_named_by_a_list_word_alone_names_no_school(
    tmp_path: Path, name: str
) -> None:
    """青山小学/三年级.xlsx titled 统计表 (登记表, 台账 …) beside the untitled 五年级.xlsx and
    教师.xlsx: the title named a school 统计表, which 五年级.xlsx went with, so lbc merge
    wrote 统计表 in every child's 学校 cell; titled 统计表 beside 五年级.xlsx titled
    青山小学, validate counted two schools, 统计表 and 青山小学. And 县/统计表.xlsx beside
    县/白鹤小学.xlsx was a school 统计表. A list's word alone names no school."""
    files = {
        "三年级.xlsx": [[name], *table([kid(1), kid(2)])],
        "五年级.xlsx": table([kid(3, C51)]),
    }
    school_of_three(tmp_path, files)
    merged = run("merge", "青山小学", "--out", "全校.xlsx", cwd=tmp_path)
    assert "共合并 3 个文件、1 所学校：在册儿童 3 名" in merged.stdout
    rows = load_workbook(tmp_path / "全校.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert [row[at] for row in rows] == ["青山小学"] * 3
    assert pairs_of(tmp_path, "青山小学") == (ALL_THREE, [])

    title = [["青山小学留守儿童花名册"]]
    write_books(tmp_path / "青山小学", {"五年级.xlsx": [*title, *table([kid(3, C51)])]})
    out = run("validate", "青山小学", cwd=tmp_path).stdout
    assert out == "没有发现问题。\n共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"

    untitled(tmp_path, {f"{name}.xlsx": [kid(1), kid(2)], "白鹤小学.xlsx": [kid(3, C51)]})
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    schools = sorted((s["school"], s["children"]) for s in doc["summary"]["schools"])
    assert schools == [("县", 2), ("白鹤小学", 1)]


def test_a_schools_division_keeps_its_name_wherever_it_is_read(tmp_path: Path) -> None:
    """县/小学部.xlsx titled 青山九年一贯制学校小学部汇总 and 县/初中部.xlsx titled
    青山九年一贯制学校初中部七年级留守儿童花名册 were both read as 青山九年一贯制学校 (the
    division's 部 cut with the word after it, 小学部新学期 as a school 青山九年一贯制学校小学):
    the two rosters their titles name apart were counted and merged as one school no file
    names. 2024年秋季一中高中部 named no school at all; a run over 一中高中部's own file
    titled its summary （学校名称）; and 县/青山九年一贯制学校/初中部.xlsx was a school 初中部
    beside its folder's 小学部.xlsx. A division keeps its name as written; one named alone is
    of its folder's school."""
    county = write_books(
        tmp_path / "县",
        {
            "小学部.xlsx": [["青山九年一贯制学校小学部汇总"], *table([kid(1), kid(2)])],
            "初中部.xlsx": [
                ["青山九年一贯制学校初中部七年级留守儿童花名册"],
                *table([kid(3, "七年级(1)班")]),
            ],
            "高中.xlsx": [["2024年秋季一中高中部留守儿童花名册"], *table([kid(4, "高一(1)班")])],
        },
    )
    expected = [("一中高中部", 1), ("青山九年一贯制学校初中部", 1), ("青山九年一贯制学校小学部", 2)]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3
    summary = run("summary", county / "高中.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert summary.stdout.splitlines()[0] == "# 一中高中部2024—2025学年第一学期留守儿童关爱工作总结"

    school = write_books(
        tmp_path / "青山九年一贯制学校",
        {"小学部.xlsx": table([kid(1), kid(2)]), "初中部.xlsx": table([kid(3, "七年级(1)班")])},
    )
    doc = run("validate", school.name, "--format", "json", cwd=tmp_path).json()
    assert "schools" not in doc["summary"]  # one school
    merged = run("merge", school.name, "--out", "全校.xlsx", cwd=tmp_path)
    rows = load_workbook(tmp_path / "全校.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert [row[at] for row in rows] == ["青山九年一贯制学校"] * 3, merged.stdout


def test_copies_of_a_schools_folder_are_that_school_said_to_be_copies(tmp_path: Path) -> None:
    """县/红星村小(1)/ and 县/红星村小(2)/, one school's folder copied twice as Windows names
    copies, each with the same children and teacher, beside 县/白鹤小学/: validate counted
    two schools named by their paths (县/红星村小(1)/花名册), lbc merge wrote those paths in
    the 学校 column, and lbc pair labelled the teacher 王芳（县/红星村小(1)/花名册）, with
    nothing saying the folders were copies. They are one school 红星村小, whose children
    are most likely there twice: every command says so, and validate says each row."""
    county = write_books(
        tmp_path / "县",
        {
            f"{folder}/花名册.xlsx": {"花名册": table(kids), "教师": table([teacher(staff, C32)])}
            for folder, kids, staff in (
                ("红星村小(1)", [kid(1), kid(2)], "王芳"),
                ("红星村小(2)", [kid(1), kid(2)], "王芳"),
                ("白鹤小学", [kid(4)], "赵敏"),
            )
        },
    )
    said = (
        "提示：文件夹 县/红星村小(1)、县/红星村小(2) 的名称只差“(1)”“- 副本”“复件”这样的字样，"
        "像是同一所学校文件夹的副本，按一所学校“红星村小”统计、结对；副本里的儿童多半是同一批人，身份证号"
        "相同的由 lbc validate 逐行指出（DUP001）；请核对后只留一份\n"
    )
    checked = run("validate", "县", "--format", "json", cwd=tmp_path)
    doc = checked.json()
    schools = [(s["school"], s["children"]) for s in doc["summary"]["schools"]]
    assert schools == [("白鹤小学", 1), ("红星村小", 2)]
    assert doc["summary"]["by_code"] == {"DUP001": 2}
    assert said in checked.stderr
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert "共合并 3 个文件、2 所学校：在册儿童 3 名" in merged.stdout
    assert said in merged.stderr
    # Each school's line counts its children once, as merge's headline does: 红星村小's two
    # children, twice on its rows (DUP001 at each second row), over the folder and the
    # merged roster, whichever findings are shown.
    for source, shown in (("县", ()), ("县", ("--ignore", "DUP001")), ("全县.xlsx", ())):
        out = run("validate", source, *shown, cwd=tmp_path).stdout.splitlines()
        errors = 0 if shown else 2
        assert out[-3:-1] == [
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            f"红星村小：2 名儿童，{errors} 个错误，0 个警告",
        ], source
    rows = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert sorted(row[at] for row in rows) == ["白鹤小学", *["红星村小"] * 4]
    paired = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert said in paired.stderr
    assert sorted((p["child"], p["class"], p["teacher"]) for p in paired.json()["pairs"]) == [
        ("刘浩然", "白鹤小学 三年级(2)班", "赵敏"),
        ("张雨涵", "红星村小 三年级(2)班", "王芳"),
        ("李明轩", "红星村小 三年级(2)班", "王芳"),
    ]

    (county / "红星村小(2)").rename(county / "红星村小")
    doc = run("pair", "县", "--format", "json", cwd=tmp_path).json()
    assert {p["class"] for p in doc["pairs"]} == {"白鹤小学 三年级(2)班", "红星村小 三年级(2)班"}


def test_a_forms_label_and_seal_are_not_the_schools_name(tmp_path: Path) -> None:
    """A title copied from a form with its label (填报单位：青山小学), the seal it asks for
    (白鹤小学（盖章）) or the children it lists (石门小学在校留守儿童花名册) names the school
    alone: the label, the seal and 在校 were kept in the name every count printed
    (填报单位:青山小学, 白鹤小学(盖章), 石门小学在校)."""
    titles = {
        "一.xlsx": "填报单位：青山小学",
        "二.xlsx": "白鹤小学（盖章）留守儿童花名册",
        "三.xlsx": "石门小学在校留守儿童花名册",
    }
    folder = write_books(
        tmp_path / "县",
        {
            name: {"留守儿童": [[title], CHILD_HEADER, child_row(n + 1)]}
            for n, (name, title) in enumerate(titles.items())
        },
    )
    doc = run("validate", folder, "--format", "json").json()
    assert sorted(s["school"] for s in doc["summary"]["schools"]) == [
        "白鹤小学",
        "石门小学",
        "青山小学",
    ]


def test_a_title_naming_some_of_a_schools_children_names_the_school(tmp_path: Path) -> None:
    """青山小学部分留守儿童名单 (some of 青山小学's children) was read as naming a school
    青山小学部分, the 小学部 in it taken for a division: its child was counted as another
    school's and left unpaired, 青山小学's teacher being of no school of hers."""
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": {
                "花名册": [["青山小学留守儿童花名册"], *table([kid(1), kid(2)])],
                "教师": table([teacher("王芳", C32), teacher("李强", C32)]),
            },
            "青山小学/新增.xlsx": [["青山小学部分留守儿童名单"], *table([kid(3)])],
            "白鹤小学/花名册.xlsx": {
                "花名册": [["白鹤小学留守儿童花名册"], *table([kid(4)])],
                "教师": table([teacher("李娜", C32)]),
            },
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == (
        [("刘浩然", "李娜"), ("张雨涵", "李强"), ("李明轩", "李强"), ("王梓萱", "王芳")],
        [],
    )


def test_a_schools_folder_of_a_year_is_the_schools(tmp_path: Path) -> None:
    """县/青山小学/2024/花名册.xlsx, a school's roster kept in a folder of the year, was read
    as a school of its own named by the file (县/青山小学/2024/花名册), as a county's
    four-digit school codes (县/1001/) are: the school's teachers list beside that folder
    was another school's, and its children were left unpaired."""
    write_books(
        tmp_path / "县",
        {
            "青山小学/2024/花名册.xlsx": table([kid(1)]),
            "青山小学/教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "白鹤小学/2024/花名册.xlsx": table([kid(2)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("李娜", C32)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：1 名儿童，0 个错误，0 个警告",
    ]
    assert pairs_of(tmp_path, "县") == ([("张雨涵", "王芳"), ("李明轩", "李娜")], [])
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert "共合并 4 个文件、2 所学校：在册儿童 2 名" in merged.stdout


def test_a_name_every_townships_school_goes_by_gets_its_township_from_its_folder(
    tmp_path: Path,
) -> None:
    """Untitled 县/城关镇/2024年秋季中心校留守儿童花名册.xlsx and 县/青山镇/中心小学.xlsx were
    the schools 中心校 and 中心小学 in validate, merge's 学校 column and pair, with no
    township, though a title of that name in the same folder (县/白鹤乡/花名册.xlsx titled
    中心小学留守儿童花名册) is 白鹤乡中心小学: a file's name naming a school as every
    township's may is named with the township its folder names, as a title is."""
    write_books(
        tmp_path / "县",
        {
            "城关镇/2024年秋季中心校留守儿童花名册.xlsx": {
                "花名册": table([kid(1), kid(2)]),
                "教师": table([teacher("王芳", C32)]),
            },
            "青山镇/中心小学.xlsx": table([kid(3)]),
            "白鹤乡/花名册.xlsx": [["中心小学留守儿童花名册"], *table([kid(4)])],
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:4] == [
        "城关镇中心校：2 名儿童，0 个错误，0 个警告",
        "白鹤乡中心小学：1 名儿童，0 个错误，0 个警告",
        "青山镇中心小学：1 名儿童，0 个错误，0 个警告",
    ]
    schools = ["城关镇中心校"] * 2 + ["青山镇中心小学", "白鹤乡中心小学"]
    assert_merged(tmp_path, schools, range(1, 5))
    names = [kid(n)["姓名"] for n in range(1, 5)]
    alone = [(kid(n)["姓名"], "本校没有可结对的在岗教师") for n in (3, 4)]
    assert pairs_of(tmp_path, "县") == ([(names[0], "王芳"), (names[1], "王芳")], sorted(alone))


def test_the_word_school_alone_names_no_school(tmp_path: Path) -> None:
    """Untitled 县/白鹤乡/学校花名册.xlsx and 县/青山小学/花名册.xlsx titled 学校留守儿童花名册:
    both named the one school 学校 in validate and merge's 学校 column, and lbc pair gave
    青山小学's teacher 白鹤乡's child. 学校 alone is whichever school fills the form in:
    each file is of the school its folder names."""
    write_books(
        tmp_path / "县",
        {
            "白鹤乡/学校花名册.xlsx": table([kid(4)]),
            "青山小学/花名册.xlsx": {
                "花名册": [["学校留守儿童花名册"], *table([kid(1), kid(2)])],
                "教师": [["2024年秋季各学校教师名单"], *table([teacher("王芳", C32)])],
            },
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "白鹤乡：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，0 个错误，0 个警告",
    ]
    schools = ["青山小学", "青山小学", "白鹤乡"]
    assert_merged(tmp_path, schools, (1, 2, 4))
    names = [kid(n)["姓名"] for n in (1, 2, 4)]
    pairs = [(names[0], "王芳"), (names[1], "王芳")]
    assert pairs_of(tmp_path, "县") == (pairs, [(names[2], "本校没有可结对的在岗教师")])


def test_a_folder_named_for_a_list_alone_names_no_school(tmp_path: Path) -> None:
    """县/青山小学/留守儿童/花名册.xlsx beside 青山小学's 教师.xlsx, 县/白鹤小学/统计表/花名册.xlsx
    and 县/统计表/花名册.xlsx, all untitled: the folders named for lists were schools,
    留守儿童 and, two of one name, 县/白鹤小学/统计表/花名册 and 县/统计表/花名册, in validate
    and merge's 学校 column, and lbc pair left 青山小学's children to no teacher of their
    school. A folder named for a list alone is of the school of the folder above it, as a
    term's or a grade's is."""
    write_books(
        tmp_path / "县",
        {
            "青山小学/留守儿童/花名册.xlsx": table([kid(1), kid(2)]),
            "青山小学/教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "白鹤小学/统计表/花名册.xlsx": table([kid(3)]),
            "统计表/花名册.xlsx": table([kid(4)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:4] == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "县：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，0 个错误，0 个警告",
    ]
    schools = ["青山小学", "青山小学", "白鹤小学", "县"]
    assert_merged(tmp_path, schools, range(1, 5))
    names = [kid(n)["姓名"] for n in range(1, 5)]
    alone = sorted((names[n], "本校没有可结对的在岗教师") for n in (2, 3))
    assert pairs_of(tmp_path, "县") == ([(names[0], "王芳"), (names[1], "王芳")], alone)


def test_windows_other_copy_names_are_copies_of_the_school(tmp_path: Path) -> None:
    """县/红星村小 - 副本/ and 县/复件 红星村小/, the school's folder copied as Windows names
    copies (as 红星村小(1)/ is), beside 县/红星村小/ itself; and 县/白鹤小学/复件 白鹤小学.xlsx
    beside its 白鹤小学.xlsx and teachers: the copies were schools of their own, named by
    their paths and 复件红星村小, and 复件白鹤小学 a school with no teacher, in validate,
    merge's 学校 column and pair, with nothing saying the folders were copies. They are
    the school, said to be copies as numbered copies are."""
    copies = ("红星村小", "红星村小 - 副本", "复件 红星村小")
    roster = {"花名册": table([kid(1), kid(2)]), "教师": table([teacher("王芳", C32)])}
    write_books(
        tmp_path / "县",
        {
            **{f"{folder}/花名册.xlsx": roster for folder in copies},
            "白鹤小学/白鹤小学.xlsx": {
                "花名册": table([kid(3)]),
                "教师": table([teacher("赵敏", C32)]),
            },
            "白鹤小学/复件 白鹤小学.xlsx": table([kid(4)]),
        },
    )
    folders = "、".join(f"县/{folder}" for folder in sorted(copies))
    said = (
        f"提示：文件夹 {folders} 的名称只差“(1)”“- 副本”“复件”这样的字样，像是同一所学校文件夹的"
        "副本，按一所学校“红星村小”统计、结对；副本里的儿童多半是同一批人，身份证号相同的由 lbc "
        "validate 逐行指出（DUP001）；请核对后只留一份\n"
    )
    checked = run("validate", "县", "--format", "json", cwd=tmp_path)
    schools = [(s["school"], s["children"]) for s in checked.json()["summary"]["schools"]]
    assert schools == [("红星村小", 2), ("白鹤小学", 2)]
    assert said in checked.stderr
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert "共合并 5 个文件、2 所学校：在册儿童 4 名" in merged.stdout
    assert said in merged.stderr
    rows = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    at = next(rows).index("学校")
    assert sorted(row[at] for row in rows) == [*["白鹤小学"] * 2, *["红星村小"] * 6]
    names = [kid(n)["姓名"] for n in range(1, 5)]
    paired = run("pair", "县", "--format", "json", cwd=tmp_path)
    assert said in paired.stderr
    assert sorted((p["child"], p["teacher"]) for p in paired.json()["pairs"]) == sorted(
        [(names[0], "王芳"), (names[1], "王芳"), (names[2], "赵敏"), (names[3], "赵敏")]
    )


def test_a_classs_squad_is_no_numbered_school(tmp_path: Path) -> None:
    """A class named as its Young Pioneers squad (三中队) read as the school 三中, as 一中 is:
    县/城关小学/花名册.xlsx titled 城关小学三中队留守儿童花名册 was the school 城关小学三中,
    县/城关小学/三中队.xlsx beside it and 县/白鹤小学/花名册.xlsx titled 三中队留守儿童花名册
    the one school 三中, in validate and merge's 学校 column, and lbc pair gave 城关小学's
    teachers none of them. 三中队 is a class: of the school its title or folder names."""
    write_books(
        tmp_path / "县",
        {
            "城关小学/花名册.xlsx": {
                "花名册": [["城关小学三中队留守儿童花名册"], *table([kid(1), kid(2)])],
                "教师": TEACHERS,
            },
            "城关小学/三中队.xlsx": table([kid(3, C51)]),
            "白鹤小学/花名册.xlsx": [["三中队留守儿童花名册"], *table([kid(4)])],
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "城关小学：3 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
    ]
    schools = ["城关小学"] * 3 + ["白鹤小学"]
    assert_merged(tmp_path, schools, range(1, 5))
    names = [kid(n)["姓名"] for n in range(1, 5)]
    assert pairs_of(tmp_path, "县") == (ALL_THREE, [(names[3], "本校没有可结对的在岗教师")])


def test_a_child_on_two_schools_rosters_is_counted_in_each(tmp_path: Path) -> None:
    """县/青山小学/ and 县/白鹤小学/, untitled, both list 张雨涵 (one ID number: said as
    DUP003 at 青山小学's row). Each school's line counts its own children once: she is on
    both schools' rosters, so each counts her, and neither line loses her. The last line
    counts her once, as lbc merge's headline and lbc summary do: 3 children, not 4."""
    untitled(
        tmp_path,
        {"青山小学/花名册.xlsx": [kid(1), kid(2)], "白鹤小学/花名册.xlsx": [kid(1), kid(3, C51)]},
    )
    out = run("validate", "县", cwd=tmp_path).stdout.splitlines()
    assert out[-3:] == [
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，1 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：1 个错误，0 个警告",
    ]
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).stdout
    assert "共合并 2 个文件、2 所学校：在册儿童 3 名（名册共 4 行：" in merged
    # Over the merged roster she is said as DUP003 too (its 学校 cells differ): once.
    out = run("validate", "全县.xlsx", cwd=tmp_path).stdout.splitlines()
    assert out[-3:] == [
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，1 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：1 个错误，0 个警告",
    ]


@pytest.mark.parametrize(
    ("command", "out"),
    [
        ("export", "导出.csv"),
        ("export", "导出.parquet"),
        ("export", "导出.xlsx"),
        ("merge", "全县.xlsx"),
        ("merge", "全县.parquet"),
    ],
)
def test_a_countys_records_file_is_exported_under_each_records_childs_school(
    tmp_path: Path, command: str, out: str
) -> None:
    """县/帮扶记录.xlsx, records alone saying no school, beside 县/青山小学/ and 县/白鹤小学/:
    every command over the folder matched each record with its child, but lbc export
    wrote 帮扶记录 as every record's school, so read back none named a child of it and
    validate said REC002 of each; lbc merge left every record's 学校 empty. Each record is
    now its child's school's; one naming no child of the roster is of no school (学校 left
    empty), and export and merge say so."""
    nobody = ["2024-10-09", "王芳", "不存在", "三年级(2)班", "家访", "看望"]
    visit = ["2024-10-09", "王芳", "张雨涵", "三年级(2)班", "家访", "看望"]
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": table([kid(1), kid(2)]),
            "白鹤小学/花名册.xlsx": table([kid(3, C51)]),
            **records_file([RECORD_HEADER, TALK, visit, nobody]),
        },
    )
    exported = run(command, "县", "--out", out, cwd=tmp_path)
    # merge exits 1 for a row it could place under no school, as before.
    assert exported.exit_code == (0 if command == "export" else 1), exported.stderr
    how, done = ("导出", "") if command == "export" else ("合并", "已写入合并名册，")
    again = "" if command == "export" else "，再重新合并"
    assert exported.stderr.splitlines()[1:] == [
        f"提示：县/帮扶记录.xlsx 没有写明学校，各条帮扶记录按所写学生所在的学校{how}；"
        "其中 1 条写的学生在各校花名册中找不到，或几所学校都有这个名字，无法确定是哪所学校的，"
        f"{done}“学校”一栏留空，不算作任何一所学校的。请在表中加“学校”列写明这些行的学校，"
        f"或改正学生姓名（同名时写明班级）{again}"
    ]
    records = [r for r in exported_rows(tmp_path / out) if r[0] == "records"]
    assert [(school, row) for _, school, row in records] == [
        ("白鹤小学", 2),
        ("青山小学", 3),
        (None, 4),
    ]
    doc = run("validate", out, "--format", "json", cwd=tmp_path).json()
    assert [(f["code"], f["value"]) for f in doc["findings"]] == [("REC002", "不存在")]
    # Of no school: not counted on a school's line (a Parquet file's first school's).
    lines = [(s["school"], s["errors"]) for s in doc["summary"]["schools"] if s["children"]]
    assert sorted(lines) == [("白鹤小学", 0), ("青山小学", 0)]
    summary = run("summary", out, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["records"]["matched"] == 2


def test_a_countys_file_of_teachers_and_records_says_its_records_were_placed(
    tmp_path: Path,
) -> None:
    """县/帮扶记录.xlsx, a teachers list and records saying no school, beside 县/青山小学/
    and 县/白鹤小学/: merge puts each record under its child's school and leaves the
    teachers' 学校 empty, but said every row of the file was left of no school, so a
    county read its records as counted nowhere. It says which rows are which."""
    nobody = ["2024-10-09", "王芳", "不存在", "三年级(2)班", "家访", "看望"]
    visit = ["2024-10-09", "王芳", "张雨涵", "三年级(2)班", "家访", "看望"]
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": table([kid(1), kid(2)]),
            "白鹤小学/花名册.xlsx": table([kid(3, C51)]),
            "帮扶记录.xlsx": {
                "帮扶记录": [RECORD_HEADER, TALK, visit, nobody],
                "教师": table([teacher("赵敏", C32)]),
            },
        },
    )
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 1, merged.stderr
    assert merged.stderr.splitlines()[1:] == [
        "提示：县/帮扶记录.xlsx 没有写明学校，而本次合并的各文件中的儿童分属 2 所学校"
        "（白鹤小学、青山小学），无法确定其中的教师名单属于哪一所：教师的行已写入合并名册，"
        "“学校”一栏留空，不算作任何一所学校的；帮扶记录按所写学生所在的学校合并"
        "（其中 1 条写的学生在各校花名册中找不到，或几所学校都有这个名字，“学校”一栏留空）。"
        "请在表中加“学校”列写明每一行的学校，或把它和所属学校的花名册一起放进只有这所学校"
        "文件的文件夹，再重新合并"
    ]
    rows = exported_rows(tmp_path / "全县.xlsx")
    assert [(kind, school, row) for kind, school, row in rows if kind != "children"] == [
        ("teachers", None, 2),
        ("records", "白鹤小学", 2),
        ("records", "青山小学", 3),
        ("records", None, 4),
    ]


def exported_rows(path: Path) -> list[tuple[str, str | None, int]]:
    """Each row of an export: its table (children, teachers, records), school and source
    row, as the file holds them (an empty school as None)."""
    if path.suffix == ".csv":
        import csv

        with path.open(encoding="utf-8-sig") as fh:
            return [
                (r["table"], r["school"] or None, int(r["source_row"]))
                for r in csv.DictReader(fh)
                if r["table"] in ("children", "teachers", "records")
            ]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        data = pq.read_table(path, columns=["table", "school", "source_row"]).to_pylist()
        return [(r["table"], r["school"] or None, r["source_row"]) for r in data]
    book = load_workbook(path)
    kinds = {"留守儿童花名册": "children", "教师名单": "teachers", "帮扶记录": "records"}
    return [
        (kind, row[0] or None, row[3])
        for sheet, kind in kinds.items()
        if sheet in book.sheetnames
        for row in book[sheet].iter_rows(min_row=2, values_only=True)
    ]


def test_a_named_squad_is_a_class_not_a_school(tmp_path: Path) -> None:
    """A class named as its Young Pioneers squad by a name, not a number (红星中队, 雏鹰中队),
    was a school of its own, where 三中队 was already a class: a sheet titled 雏鹰中队留守
    儿童花名册 in 县/白鹤小学/ was the school 雏鹰中队, and 县/001/红星中队.xlsx beside the
    code folder's roster titled 城关小学 the school 红星中队, their children paired with no
    teacher of their own school. A squad is a class, of the school its title or folder
    names; a school whose name ends in 中 (青山中学, 城关一中) is still a school."""
    write_books(
        tmp_path / "县",
        {
            "001/花名册.xlsx": {
                "花名册": [["城关小学留守儿童花名册"], *table([kid(1), kid(2)])],
                "教师": TEACHERS,
            },
            "001/红星中队.xlsx": table([kid(3, C51)]),
            "白鹤小学/花名册.xlsx": {
                "花名册": [["雏鹰中队留守儿童花名册"], *table([kid(4)])],
                "教师": table([teacher("赵敏", C32)]),
            },
            "城关一中/花名册.xlsx": [["城关一中留守儿童花名册"], *table([kid(5)])],
            "青山中学.xlsx": table([kid(6)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:5] == [
        "城关小学：3 名儿童，0 个错误，0 个警告",
        "城关一中：1 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山中学：1 名儿童，0 个错误，0 个警告",
    ]
    schools = ["城关小学"] * 3 + ["白鹤小学", "城关一中", "青山中学"]
    assert_merged(tmp_path, schools, range(1, 7))
    names = [kid(n)["姓名"] for n in range(1, 7)]
    paired, unpaired = pairs_of(tmp_path, "县")
    assert paired == sorted([*ALL_THREE, (names[3], "赵敏")])
    assert [child for child, _ in unpaired] == sorted(names[4:])


def test_a_schools_folder_named_for_a_list_given_to_the_run_is_one_school(
    tmp_path: Path,
) -> None:
    """A school's own folder named for what it holds, 留守儿童/ (青山小学.xlsx, 五年级.xlsx
    and 教师.xlsx), given as the run's folder (lbc validate 留守儿童, or . inside it):
    五年级.xlsx was kept apart as a school 留守儿童, with a note, and lbc pair left
    青山小学's children to no teacher. Below a folder given, such a folder is its parent's;
    given itself, it is one school's, as 青山小学/ is: 五年级's children are paired with
    their school's teachers."""
    folder = write_books(
        tmp_path / "留守儿童",
        {
            "青山小学.xlsx": table([kid(1), kid(2)]),
            "五年级.xlsx": table([kid(3, C51), kid(4, C51)]),
            "教师.xlsx": {"教师": table([teacher("王芳", C32), teacher("李强", C51)])},
        },
    )
    checked = "没有发现问题。\n共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    for source, where in (("留守儿童", tmp_path), (".", folder)):
        result = run("validate", source, cwd=where)
        assert (result.stdout, result.stderr) == (checked, "")
        names = [kid(n)["姓名"] for n in range(1, 5)]
        paired = [(names[0], "王芳"), (names[1], "王芳"), (names[2], "李强"), (names[3], "李强")]
        assert pairs_of(where, source) == (sorted(paired), [])


def test_a_child_twice_on_her_schools_roster_and_on_anothers_is_one_of_each(
    tmp_path: Path,
) -> None:
    """县/青山小学/ lists 张雨涵 on rows 2 and 4, 县/白鹤小学/ on row 2 (one ID number). Both
    of 青山小学's rows are said to repeat 白鹤小学's row (DUP003), a row of another school,
    and 青山小学's line counted her twice: 3 children for its 2. She is one of each school's."""
    twice_and_elsewhere(tmp_path)
    out = run("validate", "县", cwd=tmp_path).stdout.splitlines()
    assert out[-3:-1] == [
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，2 个错误，0 个警告",
    ]


def twice_and_elsewhere(root: Path) -> None:
    """县/白鹤小学/ of 张雨涵 and 王梓萱; 县/青山小学/ of 张雨涵 (rows 2 and 4) and 李明轩."""
    rosters = (("白鹤小学", [kid(1), kid(3, C51)]), ("青山小学", [kid(1), kid(2), kid(1)]))
    write_books(root / "县", {f"{folder}/花名册.xlsx": table(kids) for folder, kids in rosters})


def test_merges_line_per_school_counts_its_children_as_validates_does(tmp_path: Path) -> None:
    """lbc merge's 儿童 per school counted rows (青山小学 3: 张雨涵 twice), where validate's
    line per school counts each of its children once (2), she being on 白鹤小学's roster
    too is one of each. The headline still says every row merged and each child once."""
    twice_and_elsewhere(tmp_path)
    checked = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    assert [(s["school"], s["children"]) for s in checked["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 2),
    ]
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "csv", cwd=tmp_path)
    assert merged.stdout.splitlines() == [
        "\ufeff学校,文件,儿童数,教师数,记录数,错误数,警告数,未能读取的原因",
        "白鹤小学,县/白鹤小学/花名册.xlsx,2,0,0,0,0,",
        "青山小学,县/青山小学/花名册.xlsx,2,0,0,2,0,",
    ]
    doc = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 2),
    ]
    said = doc["summary"]
    assert (said["children"], said["rows"], said["on_books"]) == (3, 5, 3)
    table_out = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).stdout
    assert "共合并 2 个文件、2 所学校：在册儿童 3 名（名册共 5 行：" in table_out


def test_a_countys_records_of_no_child_known_are_no_schools_line_in_validate(
    tmp_path: Path,
) -> None:
    """县/帮扶记录.xlsx, records saying no school, beside 县/青山小学/ and 县/白鹤小学/: lbc
    validate gave the file a line of its own as if it were a school (帮扶记录：0 名儿童，
    2 个错误), where export and merge put each record under its child's school and say
    those naming no child known. validate now counts each record's findings at its
    child's school, and says the records of no school as they do, on no school's line."""
    later = ["2099-10-09", "王芳", "李明轩", "三年级(2)班", "家访", "看望"]  # 青山小学's
    nobody = ["2024-10-09", "王芳", "不存在", "三年级(2)班", "家访", "看望"]
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": table([kid(1), kid(2)]),
            "白鹤小学/花名册.xlsx": table([kid(3, C51)]),
            "帮扶记录.xlsx": {"帮扶记录": [RECORD_HEADER, later, nobody]},
        },
    )
    checked = run("validate", "县", cwd=tmp_path)
    assert checked.stdout.splitlines()[-3:] == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，1 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、2 条帮扶记录：2 个错误，0 个警告",
    ]
    assert checked.stderr.splitlines()[-1] == (
        "提示：县/帮扶记录.xlsx 没有写明学校，各条帮扶记录按所写学生所在的学校统计；"
        "其中 1 条写的学生在各校花名册中找不到，或几所学校都有这个名字，无法确定是哪所学校的，"
        "不算作任何一所学校的。请在表中加“学校”列写明这些行的学校，或改正学生姓名（同名时写明班级）"
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    assert [s["school"] for s in doc["schools"]] == ["白鹤小学", "青山小学"]


def test_a_townships_folder_named_as_every_townships_school_gets_its_township(
    tmp_path: Path,
) -> None:
    """县/城关镇/中心小学/花名册.xlsx and 县/河口乡/中心校/2024秋/花名册.xlsx beside its
    教师.xlsx, each township's school in a folder named as every township's may be, were the
    schools 县/城关镇/中心小学/花名册 and 县/河口乡/中心校 in validate, merge's 学校 column and
    pair: a folder's name is named with the township above it, as a file's name is."""
    write_books(
        tmp_path / "县",
        {
            "城关镇/中心小学/花名册.xlsx": {
                "花名册": table([kid(1), kid(2)]),
                "教师": table([teacher("王芳", C32)]),
            },
            "河口乡/中心校/2024秋/花名册.xlsx": table([kid(3, C51)]),
            "河口乡/中心校/教师.xlsx": {"教师": table([teacher("李强", C51)])},
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines()[1:3] == [
        "城关镇中心小学：2 名儿童，0 个错误，0 个警告",
        "河口乡中心校：1 名儿童，0 个错误，0 个警告",
    ]
    schools = ["城关镇中心小学"] * 2 + ["河口乡中心校"]
    assert_merged(tmp_path, schools, range(1, 4))
    names = [kid(n)["姓名"] for n in range(1, 4)]
    assert pairs_of(tmp_path, "县") == (
        [(names[0], "王芳"), (names[1], "王芳"), (names[2], "李强")],
        [],
    )
    out = run("validate", "全县.xlsx", cwd=tmp_path).stdout
    assert "河口乡中心校：1 名儿童，0 个错误，0 个警告" in out


def test_a_lists_folder_is_its_schools_however_the_run_is_given_it(tmp_path: Path) -> None:
    """资料/青山小学/留守儿童/ (an untitled 花名册.xlsx, 五年级.xlsx and 教师.xlsx) beside
    资料/白鹤小学/: given by its name from 青山小学/ its files were a school 留守儿童, given as
    . inside it a school 花名册, and given by a path holding 青山小学 (absolute, or through
    ..) the school 青山小学. A folder named for a list is its school's, the folder above
    it, however it is written."""
    school = write_books(
        tmp_path / "资料" / "青山小学",
        {
            "留守儿童/花名册.xlsx": table([kid(1), kid(2)]),
            "留守儿童/五年级.xlsx": table([kid(3, C51)]),
            "留守儿童/教师.xlsx": {"教师": TEACHERS},
        },
    )
    other = write_books(tmp_path / "资料" / "白鹤小学", {"花名册.xlsx": table([kid(4)])})
    lines = [
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
    ]
    given = [
        (school, "留守儿童", "../白鹤小学"),
        (school / "留守儿童", ".", "../../白鹤小学"),
        (tmp_path, school / "留守儿童", other),
        (other, "../青山小学/留守儿童", "."),
    ]
    for where, folder, beside in given:
        assert run("validate", folder, beside, cwd=where).stdout.splitlines()[1:3] == lines
        out = tmp_path / "合并.xlsx"
        merged = run("merge", folder, beside, "--out", out, "--format", "json", cwd=where)
        schools = [(s["school"], s["children"]) for s in merged.json()["schools"]]
        assert schools == [("青山小学", 3), ("白鹤小学", 1)]
        assert pairs_of(where, str(folder))[1] == []


def test_a_lists_folder_in_no_schools_folder_is_one_school_however_given(
    tmp_path: Path,
) -> None:
    """桌面/留守儿童/ (青山小学.xlsx, 五年级.xlsx and 教师.xlsx) given by its whole path, or
    by one through ..: 五年级.xlsx was kept apart as a school named by 桌面, the folder
    above it, which names no school, where given by its name the folder is one school's.
    The folders above a list's folder given to the run are no part of it but for the
    school's own: 五年级's children are 青山小学's however the folder is given."""
    folder = write_books(
        tmp_path / "桌面" / "留守儿童",
        {
            "青山小学.xlsx": table([kid(1), kid(2)]),
            "五年级.xlsx": table([kid(3, C51), kid(4, C51)]),
            "教师.xlsx": {"教师": table([teacher("王芳", C32), teacher("李强", C51)])},
        },
    )
    checked = "没有发现问题。\n共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告\n"
    names = [kid(n)["姓名"] for n in range(1, 5)]
    paired = [(names[0], "王芳"), (names[1], "王芳"), (names[2], "李强"), (names[3], "李强")]
    elsewhere = tmp_path / "下载"
    elsewhere.mkdir()
    for source, where in ((folder, tmp_path), ("../桌面/留守儿童", elsewhere)):
        result = run("validate", source, cwd=where)
        assert (result.stdout, result.stderr) == (checked, "")
        assert pairs_of(where, str(source)) == (sorted(paired), [])


def test_a_merged_rosters_schools_are_read_alike_after_a_read_of_their_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """资料/A.xlsx and 资料/留守儿童/花名册.xlsx, both 青山小学's by their 学校 column, merged
    from 资料 into 合并.xlsx, and read back with lbc.read: in a process that had read
    资料/留守儿童 before, 留守儿童/花名册.xlsx was taken as found in that earlier read's folder,
    and a note said the two files lay in folders apart, two schools of one name counted as
    one. Each read names schools by its own files and folders alone."""
    school = [{**kid(n, C51 if n == 3 else C32), "学校": "青山小学"} for n in (1, 2, 3)]
    write_books(
        tmp_path / "资料",
        {"留守儿童/花名册.xlsx": table(school[:2]), "A.xlsx": table(school[2:])},
    )
    assert run("merge", "资料", "--out", "合并.xlsx", cwd=tmp_path).exit_code == 0
    monkeypatch.chdir(tmp_path)

    def read(source: str) -> tuple[list[tuple[str, int]], list[str]]:
        roster = lbc.read(source)
        return sorted(Counter(roster.children["school"]).items()), roster.notes

    first = read("合并.xlsx")
    assert read("资料/留守儿童") == ([("青山小学", 2)], [])
    assert read("合并.xlsx") == first == ([("青山小学", 3)], [])


def test_a_countys_lists_folder_is_the_countys_however_given(tmp_path: Path) -> None:
    """县/留守儿童/ holding 石桥小学.xlsx and 五年级.xlsx, beside the county's schools'
    folders: lbc validate . inside 县 counted 五年级's child under a school 县, saying why,
    while lbc validate 留守儿童 白鹤小学 青山小学 there counted her under 石桥小学, saying
    nothing. A list's folder in a county's is the county's, as 县/统计表/ is in a run over
    县, however it is given: 五年级.xlsx, which 石桥小学's file beside it does not make
    石桥小学's, goes by the county's folder, and the note says so every way."""
    county = write_books(
        tmp_path / "县",
        {
            "留守儿童/石桥小学.xlsx": table([kid(1), kid(2)]),
            "留守儿童/五年级.xlsx": table([kid(3, C51)]),
            "白鹤小学/花名册.xlsx": table([kid(4)]),
            "青山小学/花名册.xlsx": table([kid(5)]),
        },
    )
    lines = [
        "县：1 名儿童，0 个错误，0 个警告",
        "石桥小学：2 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：1 名儿童，0 个错误，0 个警告",
    ]
    note = pooled_note(["{}留守儿童/五年级.xlsx"])
    given = [
        (county, (".",), ""),
        (county, ("留守儿童", "白鹤小学", "青山小学"), ""),
        (tmp_path, ("县",), "县/"),
        (tmp_path, ("县/留守儿童", "县/白鹤小学", "县/青山小学"), "县/"),
    ]
    for where, folders, above in given:
        result = run("validate", *folders, cwd=where)
        assert (result.stdout.splitlines()[1:5], result.stderr) == (lines, note.format(above))


def test_a_class_file_beside_two_schools_in_a_lists_folder_is_said(tmp_path: Path) -> None:
    """资料/留守儿童/ holding 青山小学.xlsx, 白鹤小学.xlsx and 五年级.xlsx: 五年级's child was
    counted under a school named 留守儿童 (资料, given 资料), and nothing said so. Which of
    the two schools the class's file is of cannot be told: it is still counted on its own,
    under its folder's name, and a note says so and how to give it its school."""
    data = write_books(
        tmp_path / "资料",
        {
            "留守儿童/青山小学.xlsx": table([kid(1), kid(2)]),
            "留守儿童/白鹤小学.xlsx": table([kid(4)]),
            "留守儿童/五年级.xlsx": table([kid(3, C51)]),
        },
    )
    note = (
        "提示：{}五年级.xlsx 没有写明学校，同一文件夹中有白鹤小学、青山小学的文件，看不出它是哪一所"
        "学校的，因此单独按“{}”统计、结对；请在表中加“学校”列写明它的学校，或把它放进那所学校"
        "自己的文件夹\n"
    )
    given = [
        (data, "留守儿童", "留守儿童/", "留守儿童"),
        (data / "留守儿童", ".", "", "留守儿童"),
        (tmp_path, "资料", "资料/留守儿童/", "资料"),
    ]
    for where, folder, above, name in given:
        result = run("validate", folder, cwd=where)
        assert result.stdout.splitlines()[1:4] == [
            f"{name}：1 名儿童，0 个错误，0 个警告",
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            "青山小学：2 名儿童，0 个错误，0 个警告",
        ]
        assert result.stderr == note.format(above, name)
    merged = run("merge", "留守儿童", "--out", "合并.xlsx", cwd=data)
    assert note.format("留守儿童/", "留守儿童") in merged.stderr
    english = run("--lang", "en", "validate", "留守儿童", cwd=data).stderr
    assert english == (
        "note: 留守儿童/五年级.xlsx says no school, and its folder holds the files of 白鹤小学, "
        "青山小学, so which school it is of cannot be told: it is counted on its own, as "
        "“留守儿童”, in counts and pairing; add a 学校 column saying its school, or move it "
        "into that school's own folder\n"
    )


def test_a_class_file_in_a_lists_folder_given_by_its_full_path_is_paired_under_it(
    tmp_path: Path,
) -> None:
    """资料/留守儿童/ given by its full path (a folder dragged into a Windows console): pair
    named 五年级's child's school, and its 王芳, after 资料, the path as written, while
    validate, merge and pair's own note named 留守儿童, the folder the run found it in."""
    data = write_books(
        tmp_path / "资料",
        {
            "留守儿童/青山小学.xlsx": {
                "花名册": table([kid(1), kid(2)]),
                "教师": table([teacher("王芳", C32)]),
            },
            "留守儿童/白鹤小学.xlsx": {
                "花名册": table([kid(4)]),
                "教师": table([teacher("李强", C32)]),
            },
            "留守儿童/五年级.xlsx": {
                "花名册": table([kid(3, C51)]),
                "教师": table([teacher("王芳", C51)]),
            },
        },
    )
    result = run("pair", str(data / "留守儿童"), "--format", "json", cwd=tmp_path)
    fifth = [p for p in result.json()["pairs"] if p["file"].endswith("五年级.xlsx")]
    assert [(p["class"], p["teacher"]) for p in fifth] == [(f"留守儿童 {C51}", "王芳（留守儿童）")]
    folder = str(data / "留守儿童")
    run("pair", folder, "--out", "结对.xlsx", cwd=tmp_path)
    due = run("due", "--as-of", "2024-11-20", folder, "结对.xlsx", cwd=tmp_path).stdout
    assert "王芳（留守儿童）：1 名儿童有待办" in due.splitlines()


@pytest.mark.parametrize(
    ("folder", "file"),
    [
        ("新建文件夹", "Book1.xlsx"),
        ("新建文件夹 (2)", "工作簿1.xlsx"),
        ("", "新建 Microsoft Excel 工作表 (2).xlsx"),
        ("", "新建 XLSX 工作表.xlsx"),
        ("", "新建 XLS 工作表.xlsx"),
        ("", "新建 Microsoft Excel 97-2003 工作表.xlsx"),
        ("", "Book12.xlsx"),
    ],
)
def test_excels_and_wpss_default_names_name_no_school(
    tmp_path: Path, folder: str, file: str
) -> None:
    """县/新建文件夹/Book1.xlsx and 县/新建 Microsoft Excel 工作表.xlsx, untitled, beside
    县/白鹤小学.xlsx: validate counted schools Book1 and 新建MicrosoftExcel工作表 and lbc
    merge wrote them in the children's 学校 cells, saying nothing. The names Excel, WPS and
    Windows give a new workbook or folder name no school: their children are the county
    folder's, kept apart from 白鹤小学 and said so in one note, with how to give them theirs."""
    where = f"{folder}/{file}" if folder else file
    untitled(
        tmp_path,
        {
            where: [kid(1), kid(2)],
            "新建 Microsoft Excel 工作表.xlsx": [kid(3, C51)],
            "白鹤小学.xlsx": [kid(4)],
        },
    )
    result = run("validate", "县", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "没有发现问题。",
        "县：3 名儿童，0 个错误，0 个警告",
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "共检查 4 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    pooled = sorted(["县/新建 Microsoft Excel 工作表.xlsx", f"县/{where}"])
    assert result.stderr == pooled_note(pooled)
    assert merged_schools(tmp_path) == [
        ("县", "张雨涵"),
        ("县", "李明轩"),
        ("县", "王梓萱"),
        ("白鹤小学", NAMES[3]),
    ]


def pooled_note(files: Iterable[str]) -> str:
    """The note that ``files`` in 县 are counted together as 县, which is no school."""
    return (
        f"提示：{'、'.join(files)} 没有写明学校，文件名也看不出是哪一所学校的，因此按文件夹名“县”"
        "统计、结对，但“县”不是一所学校；请在表中加“学校”列写明学校，或把文件放进所属学校自己的"
        "文件夹\n"
    )


def test_files_of_no_school_pooled_under_the_county_are_said_in_one_note(
    tmp_path: Path,
) -> None:
    """县/Book1.xlsx, 县/新建文件夹/花名册.xlsx and 县/新生.xlsx, untitled, beside 县/白鹤小学.xlsx:
    all three were counted and merged together as a school 县, yet only Book1's note said
    so, naming 县 as a school beside it, and the other two were said nowhere. One note
    names every file counted under the county's folder's name and how to give each its
    school. A list whose 学校 cells place its children (统计表.xlsx) is not among them."""
    write_books(
        tmp_path / "县",
        {
            "白鹤小学.xlsx": table([kid(1), kid(2)]),
            "Book1.xlsx": table([kid(3)]),
            "新建文件夹/花名册.xlsx": table([kid(4)]),
            "新生.xlsx": table([kid(5, C51)]),
            "统计表.xlsx": table([kid(6, 学校="石桥小学"), kid(7, 学校="红星村小")]),
            "青山小学/花名册.xlsx": table([kid(8)]),
        },
    )
    note = pooled_note(["县/Book1.xlsx", "县/新建文件夹/花名册.xlsx", "县/新生.xlsx"])
    result = run("validate", "县", cwd=tmp_path)
    assert (result.stdout.splitlines(), result.stderr) == (
        [
            "没有发现问题。",
            "县：3 名儿童，0 个错误，0 个警告",
            "白鹤小学：2 名儿童，0 个错误，0 个警告",
            "石桥小学：1 名儿童，0 个错误，0 个警告",
            "红星村小：1 名儿童，0 个错误，0 个警告",
            "青山小学：1 名儿童，0 个错误，0 个警告",
            "共检查 8 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    written = "已写出合并名册：全县.xlsx（6 个文件）\n"
    assert (merged.exit_code, merged.stderr) == (0, written + note)
    english = run("--lang", "en", "validate", "县", cwd=tmp_path).stderr
    assert english == (
        "note: 县/Book1.xlsx, 县/新建文件夹/花名册.xlsx, 县/新生.xlsx say no school, nor do their "
        "names: they are counted and paired under the folder's name, “县”, which is no school; "
        "add a 学校 column saying the school, or move the files into their school's own folder\n"
    )


@pytest.mark.parametrize("name", ["汇总", "数据"])
def test_a_countys_file_named_as_files_are_kept_is_said_as_the_countys(
    tmp_path: Path, name: str
) -> None:
    """县/汇总.xlsx, untitled, above 县/甲片区/青山小学.xlsx and 县/乙片区/中心小学.xlsx: validate,
    flag and merge counted a school 汇总 of its child and said nothing, though 汇总 (or
    数据) names no school. It goes by the county's folder, said as every file counted
    under 县 is; and in a school's folder it is still that school's."""
    write_books(
        tmp_path / "县",
        {
            f"{name}.xlsx": table([kid(1)]),
            "甲片区/青山小学.xlsx": table([kid(2)]),
            "乙片区/中心小学.xlsx": table([kid(3), kid(4)]),
            f"乙片区/白鹤小学/{name}.xlsx": table([kid(5)]),
        },
    )
    note = pooled_note([f"县/{name}.xlsx"])
    result = run("validate", "县", cwd=tmp_path)
    assert (result.stdout.splitlines(), result.stderr) == (
        [
            "没有发现问题。",
            "中心小学：2 名儿童，0 个错误，0 个警告",
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            "县：1 名儿童，0 个错误，0 个警告",
            "青山小学：1 名儿童，0 个错误，0 个警告",
            "共检查 5 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    assert run("flag", "县", cwd=tmp_path).stderr == note
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.stderr == "已写出合并名册：全县.xlsx（4 个文件）\n" + note
    assert merged_schools(tmp_path) == [
        ("中心小学", "刘浩然"),
        ("中心小学", "王梓萱"),
        ("县", "张雨涵"),
        ("白鹤小学", "陈思彤"),
        ("青山小学", "李明轩"),
    ]


def test_a_sheet_titled_sheet1_or_a_default_name_in_a_schools_folder_is_the_schools(
    tmp_path: Path,
) -> None:
    """青山小学/新建文件夹/Book1.xlsx titled Sheet1 beside 青山小学/花名册.xlsx: validate
    counted the schools Sheet1 and 青山小学. A school named so (新建小学) keeps its name."""
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": table([kid(1)]),
            "青山小学/新建文件夹/Book1.xlsx": [["Sheet1"], *table([kid(2), kid(3, C51)])],
            "新建小学.xlsx": table([kid(4)]),
        },
    )
    out = run("validate", "县", cwd=tmp_path).stdout
    assert out.splitlines() == [
        "没有发现问题。",
        "新建小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，0 个错误，0 个警告",
        "共检查 4 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
    assert merged_schools(tmp_path) == [
        ("新建小学", NAMES[3]),
        ("青山小学", "张雨涵"),
        ("青山小学", "李明轩"),
        ("青山小学", "王梓萱"),
    ]


def test_naming_a_files_school_takes_the_folders_the_run_found_its_files_in() -> None:
    """file_names, named_schools and parts_kept_apart took the run's folders as an option,
    so three callers left them out and named 资料/留守儿童/五年级.xlsx's school after 资料
    (test_a_class_file_in_a_lists_folder_given_by_its_full_path_is_paired_under_it): each
    must now be given them, or cannot be called."""
    for helper in (file_names, named_schools, parts_kept_apart):
        runs = inspect.signature(helper).parameters["runs"]
        assert runs.default is inspect.Parameter.empty, helper.__name__
    with pytest.raises(TypeError, match="runs"):
        named_schools(["留守儿童/五年级.xlsx"], {})  # type: ignore[call-arg]


def filled_workspace(ws: Path, roster: str = "roster.xlsx") -> None:
    """A workspace ``lbc init`` made in ``ws``, [school] name left empty, its roster
    filled in (张雨涵, paired with 王芳) and saved as ``roster``, which its lbc.toml names."""
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    write_books(ws, {roster: {"花名册": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]]}})
    config = ws / "lbc.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('["roster.xlsx"]', f'["{roster}"]'),
        encoding="utf-8",
    )


def schools_said(ws: Path, roster: str) -> list[str]:
    """The school lbc due's JSON, lbc merge's JSON and lbc export's rows give the child."""
    due = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=ws).json()
    merged = run("merge", roster, "--out", ws.parent / "全县.xlsx", "--format", "json", cwd=ws)
    assert run("export", roster, "--out", ws.parent / "导出.csv", cwd=ws).exit_code == 0
    exported = (ws.parent / "导出.csv").read_text(encoding="utf-8-sig").splitlines()
    column = exported[0].split(",").index("school")
    return [
        *(x["school"] for x in due["teachers"]),
        *(s["school"] for s in merged.json()["schools"]),
        exported[1].split(",")[column],
    ]


@pytest.mark.parametrize(
    ("roster", "school"),
    [("roster.xlsx", "工作区"), ("花名册.xlsx", "工作区"), ("白鹤小学.xlsx", "白鹤小学")],
)
def test_the_roster_lbc_init_writes_does_not_name_the_school(
    tmp_path: Path, roster: str, school: str
) -> None:
    """``lbc init 工作区`` writes roster.xlsx, and its lbc.toml's [school] name is left
    empty. lbc due, merge and export called the school roster, the name lbc gave the file:
    it names no school now, as 花名册.xlsx names none, and the school goes by its folder,
    as a 花名册.xlsx's does. A roster the school saved as 白鹤小学.xlsx names it still."""
    filled_workspace(tmp_path / "工作区", roster)
    assert schools_said(tmp_path / "工作区", roster) == [school] * 3


def test_the_roster_lbc_init_writes_in_a_schools_folder_is_the_schools(tmp_path: Path) -> None:
    """``lbc init 青山小学``: the school is the folder's, as it was."""
    filled_workspace(tmp_path / "青山小学")
    assert schools_said(tmp_path / "青山小学", "roster.xlsx") == ["青山小学"] * 3
