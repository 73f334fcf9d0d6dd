"""A county's folder of schools' untitled rosters, each school's file named as offices name
them (2024年秋季青山小学留守儿童花名册.xlsx, 青山小学（2024年秋）.xlsx, 1.xlsx): a school each,
named as its file names it, alike over the folder and over its merged .xlsx and .parquet.
Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_xlsx


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
    (root / "县").mkdir(exist_ok=True)
    for name, kids in files.items():
        write_xlsx(root / "县" / name, {"花名册": table(kids)})


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
    write_xlsx(tmp_path / "县" / "2号.xlsx", {"花名册": [*title, *table([kid(4, C51)])]})
    expected = [("白鹤小学", 2), ("青山小学", 2)]
    assert [sorted(seen) for seen in schools_everywhere(tmp_path)] == [expected] * 3


def pairs_everywhere(root: Path) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """lbc pair's pairs (child, teacher) and unpaired (child, why) over 县 and its merged
    .xlsx and .parquet (schools_everywhere merged them)."""
    seen = []
    for source in ("县", "全县.xlsx", "全县.parquet"):
        doc = run("pair", source, "--format", "json", cwd=root).json()
        pairs = sorted((p["child"], p["teacher"]) for p in doc["pairs"])
        unpaired = sorted((u["child"], u["why"]) for u in doc["unpaired"])
        seen.append((pairs, unpaired))
    return seen


def test_schools_of_one_folder_named_by_their_files_are_paired_apart(tmp_path: Path) -> None:
    """县/1.xlsx with its teacher 王芳 and 县/2.xlsx, counted as the schools 1 and 2, were
    paired as one school: 2's children with 1's teacher, 1's own children left unpaired."""
    root = tmp_path / "县"
    root.mkdir()
    write_xlsx(
        root / "1.xlsx",
        {"花名册": table([kid(1), kid(2)]), "教师": table([teacher("王芳", C32)])},
    )
    write_xlsx(root / "2.xlsx", {"花名册": table([kid(3), kid(4)])})
    assert schools_everywhere(tmp_path) == [[("1", 2), ("2", 2)]] * 3
    none = "本校没有可结对的在岗教师"
    expected = ([("张雨涵", "王芳"), ("李明轩", "王芳")], [("刘浩然", none), ("王梓萱", none)])
    assert pairs_everywhere(tmp_path) == [expected] * 3


def test_a_schools_untitled_grade_file_is_paired_with_its_titled_one(tmp_path: Path) -> None:
    """青山小学/三年级.xlsx titled 青山小学留守儿童花名册 beside an untitled 五年级.xlsx and
    教师.xlsx: validate counted one school 青山小学 of 3, but lbc pair took 五年级.xlsx for a
    school of its own and the teachers list for nobody's, leaving all 3 unpaired
    (本校没有可结对的在岗教师)."""
    school = tmp_path / "县" / "青山小学"
    school.mkdir(parents=True)
    title = [["青山小学留守儿童花名册"]]
    write_xlsx(school / "三年级.xlsx", {"花名册": [*title, *table([kid(1), kid(2)])]})
    write_xlsx(school / "五年级.xlsx", {"花名册": table([kid(3, C51)])})
    write_xlsx(school / "教师.xlsx", {"教师": table([teacher("王芳", C32), teacher("李强", C51)])})
    other = tmp_path / "县" / "白鹤小学"
    other.mkdir()
    write_xlsx(other / "花名册.xlsx", {"花名册": [["白鹤小学留守儿童花名册"], *table([kid(4)])]})
    write_xlsx(other / "教师.xlsx", {"教师": table([teacher("赵敏", C32)])})
    assert schools_everywhere(tmp_path) == [[("白鹤小学", 1), ("青山小学", 3)]] * 3
    pairs = [("刘浩然", "赵敏"), ("张雨涵", "王芳"), ("李明轩", "王芳"), ("王梓萱", "李强")]
    assert pairs_everywhere(tmp_path) == [(pairs, [])] * 3
