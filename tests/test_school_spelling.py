"""A school whose lbc.toml names it otherwise than its roster's 学校 cells (青山镇中心小学 and
青山小学) is one school: its teachers list, which has no 学校 column, supports its children
(lbc.workspace.schools._spell_as_the_cells)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx


def teacher(name: str) -> list[Any]:
    return [name, "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]


def county(tmp_path: Path, teachers_apart: bool) -> Path:
    """青山 (lbc.toml: 青山镇中心小学; 学校 cells: 青山小学) and 白石 (titled), each with a
    teacher; 青山's teachers list in the roster's workbook or a file of its own."""
    root = tmp_path / "县"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "lbc.toml").write_text('[school]\nname = "青山镇中心小学"\n', encoding="utf-8")
    children = [["学校", *CHILD_HEADER], *(["青山小学", *child_row(n)] for n in (1, 2))]
    staff = [TEACHER_HEADER, teacher("王芳")]
    if teachers_apart:
        write_xlsx(root / "a" / "花名册.xlsx", {"花名册": children})
        write_xlsx(root / "a" / "教师名单.xlsx", {"教师名单": staff})
    else:
        write_xlsx(root / "a" / "花名册.xlsx", {"花名册": children, "教师名单": staff})
    b = [["白石小学留守儿童花名册"], CHILD_HEADER, *(child_row(n) for n in (3, 4))]
    write_xlsx(
        root / "b" / "花名册.xlsx", {"花名册": b, "教师名单": [TEACHER_HEADER, teacher("李强")]}
    )
    return root


@pytest.mark.parametrize("teachers_apart", [False, True], ids=["one-workbook", "own-file"])
def test_a_school_named_otherwise_in_lbc_toml_pairs_with_its_own_teachers(
    tmp_path: Path, teachers_apart: bool
) -> None:
    result = run("pair", county(tmp_path, teachers_apart), "--format", "json")
    assert result.exit_code == 0, result.stderr
    pairs = sorted((p["teacher"], p["child"]) for p in result.json()["pairs"])
    # The names of child_row(1) … child_row(4), each with their own school's teacher; before,
    # 青山's two were "本校没有可结对的在岗教师" beside 王芳 "暂无可结对的儿童".
    assert pairs == [("李强", "刘浩然"), ("李强", "王梓萱"), ("王芳", "张雨涵"), ("王芳", "李明轩")]
    assert result.json()["summary"]["unpaired"] == 0


def test_a_schools_documents_keep_the_name_its_roster_is_titled_with(tmp_path: Path) -> None:
    """A roster titled 青山镇中心小学留守儿童花名册 whose 学校 cells say 青山小学: its summary
    is titled 青山镇中心小学, as its title names it. Once the school was taken as its cells
    spell it (_spell_as_the_cells), the summary was titled 青山小学, the cells' short name."""
    title = ["青山镇中心小学留守儿童花名册"]
    children = [title, ["学校", *CHILD_HEADER], *(["青山小学", *child_row(n)] for n in (1, 2))]
    roster = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": children})
    summary = run("summary", roster, "--term", "2024-autumn")
    assert summary.exit_code == 0, summary.stderr
    assert (
        summary.stdout.splitlines()[0]
        == "# 青山镇中心小学2024—2025学年第一学期留守儿童关爱工作总结"
    )


@pytest.mark.parametrize(
    ("title", "school"),
    [
        ("戊小学学生基本信息", "戊小学"),  # the 学籍 export's
        ("戊小学学生信息表", "戊小学"),
        ("戊小学结对名单", "戊小学"),
        ("戊小学2024年秋季留守儿童花名册", "戊小学"),
    ],
)
def test_a_roster_titled_as_the_registry_export_is_its_schools(
    tmp_path: Path, title: str, school: str
) -> None:
    """A roster titled 戊小学学生基本信息 was the school "戊小学学生基本信息" to every
    command: in the county's per-school lines, tables and pairing groups."""
    root = tmp_path / "县"
    (root / "戊").mkdir(parents=True)
    write_xlsx(root / "戊" / "学籍.xlsx", {"学生基本信息": [[title], CHILD_HEADER, child_row(1)]})
    write_xlsx(root / "己.xlsx", {"花名册": [["己小学留守儿童花名册"], CHILD_HEADER, child_row(2)]})
    result = run("validate", root)
    assert result.stdout.splitlines()[-3:] == [
        "己小学：1 名儿童，0 个错误，0 个警告",
        f"{school}：1 名儿童，0 个错误，0 个警告",
        "共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
    ]
