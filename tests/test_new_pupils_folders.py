"""A folder of a school's new pupils (白鹤小学/新生/, 白鹤小学/2025春新生/) names no school:
its children are the school's above it, as a folder named 新增/ or 转入/ holds. validate and
merge made 新生 a school of its own, while a school whose name begins with the word (新生小学,
新生村小学) stays a school. Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHILD_HEADER, child_row, run, write_xlsx


def roster(path: Path, *children: int) -> None:
    """A roster at ``path`` of conftest's children ``children``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, {"花名册": [CHILD_HEADER, *(child_row(n) for n in children)]})


def schools(county: Path) -> tuple[list[str], list[tuple[str, int]]]:
    """validate's lines over ``county``, run inside it, and merge's schools with their
    children."""
    checked = run("validate", ".", cwd=county)
    merged = run("merge", ".", "--out", county.parent / "全县.xlsx", "--format", "json", cwd=county)
    return (
        checked.stdout.splitlines(),
        [(s["school"], s["children"]) for s in merged.json()["schools"]],
    )


def lines(*schools: tuple[str, int]) -> list[str]:
    """What validate says over schools of ``schools``' children, none repeated, no finding."""
    return [
        "没有发现问题。",
        *(f"{school}：{n} 名儿童，0 个错误，0 个警告" for school, n in schools),
        f"共检查 {sum(n for _, n in schools)} 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]


@pytest.mark.parametrize(
    "folder",
    [
        "新生",
        "2025春新生",
        "2025级新生",
        "新入学",
        "转学生",
        "一年级新生",
        "一年级新增",
        "2025春一年级新生",
    ],
)
def test_a_folder_of_new_pupils_is_of_the_school_above(tmp_path: Path, folder: str) -> None:
    """县/白鹤小学/新生/花名册.xlsx was the school 新生 (2025春新生/ and 2025级新生/ too;
    转学生/ the school 转, its 学生 cut as a list's word), one child each beside 白鹤小学;
    一年级新生/ was the school 一年级: a name cut to a grade's is a list of the grade, of the
    school above it, as 一年级/ is."""
    county = tmp_path / "县"
    roster(county / "白鹤小学" / "花名册.xlsx", 3)
    roster(county / "白鹤小学" / folder / "花名册.xlsx", 7)
    roster(county / "青山小学" / "花名册.xlsx", 1)
    assert schools(county) == (
        lines(("白鹤小学", 2), ("青山小学", 1)),
        [("白鹤小学", 2), ("青山小学", 1)],
    )


@pytest.mark.parametrize("school", ["新生小学", "新生村小学", "新生镇中心小学"])
def test_a_school_named_with_new_pupils_word_keeps_its_name(tmp_path: Path, school: str) -> None:
    """A school's name begun by 新生 is the school's still, and its own new pupils' folder
    (新生小学/新生/) is of it: not a second school 新生."""
    county = tmp_path / "县"
    roster(county / school / "花名册.xlsx", 3)
    roster(county / school / "新生" / "花名册.xlsx", 7)
    roster(county / "青山小学" / "花名册.xlsx", 1)
    assert schools(county) == (
        lines((school, 2), ("青山小学", 1)),
        [(school, 2), ("青山小学", 1)],
    )
