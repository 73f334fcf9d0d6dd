"""A 类别 cell as schools write it: a remark in brackets (孤儿（父母双亡）) or a word that is
no category beside one that is (孤儿、留守). The orphan is an orphan to the watch list, to
pairing and to the summary, whatever else the cell says; lbc validate asks only for what it
cannot read (VAL001)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.roster import normalise as nz


def roster(
    path: Path,
    cells: list[str | None],
    orphan_column: list[str] | None = None,
    teacher: str | None = "王芳",
) -> Path:
    """One child per 类别 cell, one parent away (no priority of its own), in one class,
    supported by ``teacher``; one teacher with one place; a 是否孤儿 column when
    ``orphan_column`` gives it."""
    extra = ["类别", "帮扶教师"] + (["是否孤儿"] if orphan_column else [])
    rows = [[*CHILD_HEADER, *extra]]
    for n, cell in enumerate(cells, 1):
        own = [cell, teacher] + ([orphan_column[n - 1]] if orphan_column else [])
        rows.append([*child_row(n, kind="父亲外出"), *own])
    teachers = [[*TEACHER_HEADER, "可帮扶人数"]]
    teachers.append(["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是", 1])
    return write_xlsx(path / "roster.xlsx", {"花名册": rows, "教师": teachers})


def watched(path: Path) -> dict[int, list[str]]:
    """Each listed child's row and its reasons' codes, at threshold 1."""
    (path / "lbc.toml").write_text('[files]\nroster = ["roster.xlsx"]\n[watch]\nthreshold = 1\n')
    result = run("watch", "--format", "json", cwd=path)
    return {
        child["row"]: [reason["code"] for reason in child["reasons"]]
        for group in json.loads(result.stdout)["classes"]
        for child in group["children"]
    }


def test_an_orphan_whose_cell_says_more_is_on_the_watch_list(tmp_path: Path) -> None:
    roster(tmp_path, [None, "孤儿（父母双亡）", "孤儿、留守", "残疾(肢体)", "留守"])
    assert watched(tmp_path) == {3: ["WCH009"], 4: ["WCH009"], 5: ["WCH007"]}
    result = run("validate", "--select", "VAL001", "--format", "json", cwd=tmp_path)
    assert [(f["row"], f["value"]) for f in json.loads(result.stdout)["findings"]] == [
        (4, "孤儿、留守"),
        (6, "留守"),
    ]
    result = run("summary", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert json.loads(result.stdout)["children"]["by_category"] == [
        {"name": "孤儿", "count": 2},
        {"name": "残疾", "count": 1},
    ]


def test_an_orphan_column_counts_beside_an_unreadable_category(tmp_path: Path) -> None:
    roster(tmp_path, ["留守", "留守"], orphan_column=["是", "否"])
    assert watched(tmp_path) == {2: ["WCH009"]}


def test_the_orphan_is_paired_first(tmp_path: Path) -> None:
    """One place, two children: the one whose cell names 孤儿 among other words takes it."""
    roster(tmp_path, ["留守", "孤儿、留守"], teacher=None)
    result = run("pair", "--format", "json", tmp_path / "roster.xlsx")
    pairs = json.loads(result.stdout)["pairs"]
    assert [(p["row"], p["teacher"], p["reason"]) for p in pairs] == [(3, "王芳", "本班班主任")]


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("孤儿，低保", ("孤儿", "低保")),
        ("孤儿（父亲去世、母亲改嫁）", ("孤儿",)),
        ("建档立卡贫困户", ("建档立卡",)),
        ("孤儿、留守", nz.Bad("孤儿、留守", read=("孤儿",))),
        ("（孤儿）", nz.Bad("(孤儿)")),
        ("非孤儿", nz.Bad("非孤儿")),
    ],
)
def test_categories(cell: str, read: object) -> None:
    assert nz.categories(cell) == read


@given(st.lists(st.sampled_from(["孤儿", "残疾", "低保", "留守", "（注）", "、", " "]), max_size=6))
def test_a_cell_names_no_category_it_does_not_hold(parts: list[str]) -> None:
    named = nz.categories_named(nz.categories("".join(parts)))
    assert set(named) <= {"孤儿", "残疾", "低保"}
    assert all(word in "".join(parts) for word in named)
