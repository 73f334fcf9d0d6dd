"""A school keeping a class a sheet, with no 班级 column: the class its sheet's name or
its title names is each child's, in every command. Through the real CLI on workbooks built
here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_cards import parse

from conftest import TEACHER_HEADER, child_row, run, without, write_xlsx

TEACHERS = [
    TEACHER_HEADER,
    ["李老师", "女", "13800000001", "班主任", "三年级(1)班", "语文", "是", "是"],
    ["王老师", "女", "13800000002", "班主任", "三年级(2)班", "数学", "是", "是"],
]


def no_class(*rows: list[Any]) -> list[list[Any]]:
    """A roster's header and ``rows`` without their 班级 column."""
    return without(["班级"], *rows)


def test_each_class_sheet_gives_its_children_their_class_in_every_command(
    tmp_path: Path,
) -> None:
    """Sheet 三年级1班 and a sheet titled 白鹤小学三年级2班留守儿童名单, neither with a 班级
    column: no COL001, and each child is of her sheet's class where validate, summary,
    flag, watch, pair and cards name it, not all of them under 班级不明."""
    (tmp_path / "白鹤小学").mkdir()
    first = no_class(child_row(1, 父亲电话=None, 母亲电话=None), child_row(2))
    second = no_class(child_row(3, 健康状况="残疾"), child_row(4, 监护人电话=None))
    titled = [["白鹤小学三年级2班留守儿童名单"], *second]
    book = {"三年级1班": first, "Sheet2": titled, "教师": TEACHERS}
    write_xlsx(tmp_path / "白鹤小学" / "花名册.xlsx", book)
    said = "提示：白鹤小学/花名册.xlsx 的“{}”没有“班级”列，各行的班级按{}读作{}"
    notes = [
        said.format("三年级1班", "工作表名称", "三年级(1)班"),
        said.format("Sheet2", "表头上方的标题", "三年级(2)班"),
    ]

    def ran(*args: str) -> Any:
        result = run(*args, "白鹤小学", "--format", "json", cwd=tmp_path)
        assert result.stderr.splitlines()[:2] == notes
        return result.json()

    found = ran("validate")["findings"]
    assert [(f["code"], f["sheet"], f["row"], f["child"]) for f in found] == [
        ("CON002", "三年级1班", 2, "张*涵 三年级(1)班"),
        ("CON001", "Sheet2", 4, "刘*然 三年级(2)班"),
    ]
    summary = ran("summary", "--term", "2024-autumn")
    assert [(c["name"], c["count"]) for c in summary["children"]["by_class"]] == [
        ("三年级(1)班", 2),
        ("三年级(2)班", 2),
    ]
    assert summary["children"]["by_grade"] == [{"name": "三年级", "count": 4}]
    flagged = ran("flag")["classes"]
    assert [
        (c["class"], c["head_teachers"], [k["name"] for k in c["children"]]) for c in flagged
    ] == [
        ("三年级(1)班", ["李老师"], ["张雨涵"]),
        ("三年级(2)班", ["王老师"], ["刘浩然"]),
    ]
    watched = ran("watch", "--as-of", "2024-10-01")["classes"]
    assert [(c["class"], [k["name"] for k in c["children"]]) for c in watched] == [
        ("三年级(1)班", ["张雨涵"]),
        ("三年级(2)班", ["王梓萱"]),
    ]
    pairs = ran("pair")["pairs"]
    assert [(p["child"], p["class"], p["teacher"], p["reason"]) for p in pairs] == [
        ("张雨涵", "三年级(1)班", "李老师", "本班班主任"),
        ("李明轩", "三年级(1)班", "李老师", "本班班主任"),
        ("王梓萱", "三年级(2)班", "王老师", "本班班主任"),
        ("刘浩然", "三年级(2)班", "王老师", "本班班主任"),
    ]
    cards = run("cards", "白鹤小学", "--out", "卡.html", "--class", "三(2)班", cwd=tmp_path)
    assert cards.exit_code == 0
    page = (tmp_path / "卡.html").read_text(encoding="utf-8")
    assert [heading for heading, _, _ in parse(page).cards] == [
        ["留守儿童联系卡 · 王梓萱", "◆ 三年级(2)班"],  # on the watch list
        ["留守儿童联系卡 · 刘浩然", "三年级(2)班"],
    ]


@pytest.mark.parametrize(
    ("sheet", "title", "cls"),
    [
        ("三(1)班", None, "三年级(1)班"),
        ("3年级1班", None, "三年级(1)班"),
        ("四年级二班", "白鹤小学四年级二班留守儿童名单", "四年级(2)班"),
        ("Sheet1", "2024年秋季白鹤小学五年级（3）班留守儿童花名册", "五年级(3)班"),
        ("Sheet1", "学校：白鹤小学  班级：三年级1班  班主任：王芳", "三年级(1)班"),
    ],
)
def test_a_class_sheets_name_or_title_is_its_childrens_class(
    tmp_path: Path, sheet: str, title: str | None, cls: str
) -> None:
    """The class a sheet's name or its title names, in any spelling, with the note that
    says so once, in English too."""
    rows = no_class(child_row(1), child_row(2))
    write_xlsx(tmp_path / "名单.xlsx", {sheet: [[title], *rows] if title else rows})
    path = "名单.xlsx"
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [{"name": cls, "count": 2}]
    validated = run("--lang", "en", "validate", path, "--format", "json", cwd=tmp_path)
    assert validated.json()["findings"] == []
    by = "its name makes" if sheet != "Sheet1" else "the title above its header makes"
    assert validated.stderr == (
        f"note: 名单.xlsx sheet '{sheet}' has no 班级 column; {by} every row's class {cls}\n"
    )


@pytest.mark.parametrize(
    ("sheet", "title"),
    [
        ("三年级", None),  # a grade
        ("三年级1、2班", None),  # two classes
        ("三年级1-2班", None),
        ("三年级1班和2班", None),
        ("2024级3班", None),  # a year's intake, not 四年级(3)班
        ("1班", None),  # a class number, of no grade the sheet or file names
    ],
)
def test_a_sheet_naming_no_one_class_gives_none(
    tmp_path: Path, sheet: str, title: str | None
) -> None:
    """A sheet named for a grade, or for several classes, or whose name and title name two
    classes, gives its children no class: its 班级 column is missing (COL001), as before."""
    rows = no_class(child_row(1), child_row(2))
    write_xlsx(tmp_path / "名单.xlsx", {sheet: [[title], *rows] if title else rows})
    path = "名单.xlsx"
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", sheet, "class")], "")


@pytest.mark.parametrize(("book", "grade"), [("三年级.xlsx", None), ("名单.xlsx", "三年级")])
def test_a_class_number_sheet_is_of_its_files_or_its_rows_grade(
    tmp_path: Path, book: str, grade: str | None
) -> None:
    """A grade's workbook keeping a class a sheet (三年级.xlsx: 1班, 2班), or a sheet 1班
    with a 年级 column: the class of that grade, as a class number alone in a 班级 column
    is (317bf56)."""
    sheets = {}
    for name, rows in (("1班", [child_row(1)]), ("2班", [child_row(2), child_row(3)])):
        table = no_class(*rows)
        if grade:
            table = [[*table[0], "年级"], *[[*r, grade] for r in table[1:]]]
        sheets[name] = table
    path = write_xlsx(tmp_path / book, sheets)
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [
        {"name": "三年级(1)班", "count": 1},
        {"name": "三年级(2)班", "count": 2},
    ]
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    assert validated.json()["findings"] == []


def heading(text: str, header: list[Any]) -> list[Any]:
    """A class's or a grade's heading row over its children, typed where the names are."""
    return [text if label == "姓名" else None for label in header]


def under_grade_three(classes: list[str], between: dict[int, Any] | None = None) -> list[list[Any]]:
    """A sheet's rows: the header, a grade's heading 三年级, and a child for each of
    ``classes``, the class's number alone in its 班级 (1班, 2班); ``between``, a row's
    cells by column (a class's total, another grade's heading), after the first two."""
    header, *_ = without([])
    kids = [child_row(n, cls=cls) for n, cls in enumerate(classes, 1)]
    middle = [[between.get(j) for j in range(len(header))]] if between is not None else []
    return [header, heading("三年级", header), *kids[:2], *middle, *kids[2:]]


def test_a_class_heading_gives_its_class_to_the_rows_under_it(tmp_path: Path) -> None:
    """A roster listing each class under a heading row (三年级(1)班; 1班 under 四年级)
    with the 班级 cells left empty: each row is of the class over it, up to the next
    heading, not a row lacking its class (REQ001) counted under 班级不明, and a note says
    how many; a row whose own 班级 says another class keeps it."""
    header, *_ = without([])
    rows = [
        header,
        heading("三年级(1)班", header),
        child_row(1, cls=None),
        child_row(2, cls=None),
        heading("三年级(2)班", header),
        child_row(3, cls=None),
        child_row(4, cls="四年级(1)班"),
        heading("四年级", header),
        heading("1班", header),
        child_row(5, cls=None),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert validated.json()["findings"] == []
    assert validated.stderr == (
        "提示：名单.xlsx 的“Sheet1”有4行的“班级”为空，按它上面的班级标题行（如“三年级(2)班”）读取\n"
    )
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [
        {"name": "三年级(1)班", "count": 2},
        {"name": "三年级(2)班", "count": 1},
        {"name": "四年级(1)班", "count": 2},
    ]


def test_class_headings_over_a_sheet_with_no_class_column(tmp_path: Path) -> None:
    """A sheet with no 班级 column listing each class under its heading row: each row is
    of the class over it, said once in a note, and no COL001."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    rows = [header, heading("三年级(1)班", header), *kids[:2], heading("三(2)班", header), kids[2]]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert validated.json()["findings"] == []
    assert validated.stderr == (
        "提示：名单.xlsx 的“Sheet1”没有“班级”列，"
        "各行的班级按它上面的班级标题行（如“三年级(2)班”）读取\n"
    )
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [
        {"name": "三年级(1)班", "count": 2},
        {"name": "三年级(2)班", "count": 1},
    ]


@pytest.mark.parametrize("first", ["above", "四年级"])
def test_rows_under_no_class_heading_give_a_sheet_with_no_class_column_none(
    tmp_path: Path, first: str
) -> None:
    """Rows over the first class heading, or under a grade's heading alone, have no class
    to take: a sheet with no 班级 column stays without (COL001), its name's class (三年级1班)
    not put on rows the headings say are of other classes."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    top = [heading(first, header)] if first != "above" else []
    rows = [header, *top, kids[0], heading("三年级(2)班", header), *kids[1:]]
    write_xlsx(tmp_path / "名单.xlsx", {"三年级1班": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", "class")], "")


def test_lbc_columns_says_what_named_each_sheets_class(tmp_path: Path) -> None:
    """lbc columns, which shows how each sheet is read, says under a sheet with no 班级
    column what gave its rows their class, and its JSON says so for scripts."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    book = {
        "三年级1班": [header, kids[0]],
        "Sheet2": [["白鹤小学三年级2班留守儿童名单"], header, kids[1]],
        "Sheet3": [header, heading("四年级(1)班", header), kids[2]],
    }
    write_xlsx(tmp_path / "名单.xlsx", book)
    described = run("columns", "名单.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(s["sheet"], s["class_from"]) for s in described["files"][0]["sheets"]] == [
        ("三年级1班", {"source": "sheet", "class": "三年级(1)班"}),
        ("Sheet2", {"source": "title", "class": "三年级(2)班"}),
        ("Sheet3", {"source": "headings", "class": None}),
    ]
    shown = run("columns", "名单.xlsx", cwd=tmp_path).stdout.splitlines()
    assert [line for line in shown if line.startswith("没有“班级”列")] == [
        "没有“班级”列：各行的班级按工作表名称读作三年级(1)班",
        "没有“班级”列：各行的班级按表头上方的标题读作三年级(2)班",
        "没有“班级”列：各行的班级按它上面的班级标题行读取",
    ]


@pytest.mark.parametrize("sheets", [("11班", "12班"), ("十一班", "十二班"), ("headings",)])
def test_a_class_number_of_ten_or_more_is_of_the_grade_its_file_names(
    tmp_path: Path, sheets: tuple[str, ...]
) -> None:
    """七年级.xlsx keeping class 11 a sheet 11班 (or 十一班), or under a heading 11班
    below 七年级: 七年级(11)班, as a 班级 cell 11班 is, not 一年级(1)班 nor 十年级(1)班."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    if sheets == ("headings",):
        rows = [header, heading("七年级", header), heading("11班", header), *kids[:2]]
        book = {"Sheet1": [*rows, heading("12班", header), kids[2]]}
        said = "它上面的班级标题行（如“三年级(2)班”）读取"
        notes = [f"提示：七年级.xlsx 的“Sheet1”没有“班级”列，各行的班级按{said}"]
    else:
        book = {sheets[0]: [header, *kids[:2]], sheets[1]: [header, kids[2]]}
        said = "提示：七年级.xlsx 的“{}”没有“班级”列，各行的班级按工作表名称读作{}"
        notes = [said.format(sheets[0], "七年级(11)班"), said.format(sheets[1], "七年级(12)班")]
    write_xlsx(tmp_path / "七年级.xlsx", book)
    summary = run(
        "summary", "七年级.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path
    )
    assert summary.json()["children"]["by_class"] == [
        {"name": "七年级(11)班", "count": 2},
        {"name": "七年级(12)班", "count": 1},
    ]
    assert summary.stderr.splitlines()[: len(notes)] == notes


@pytest.mark.parametrize(
    ("sheet", "title"),
    [("11班", None), ("十一班", None), ("Sheet1", "白鹤小学11班留守儿童名单")],
)
def test_a_class_number_of_ten_or_more_of_no_grade_gives_no_class(
    tmp_path: Path, sheet: str, title: str | None
) -> None:
    """A sheet 11班 (or a title naming 11班) where no name gives its grade: no class
    (COL001), not 一年级(1)班."""
    rows = no_class(child_row(1), child_row(2))
    write_xlsx(tmp_path / "名单.xlsx", {sheet: [[title], *rows] if title else rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", sheet, "class")], "")


@pytest.mark.parametrize(
    ("second", "found", "classes"),
    [
        # A heading lbc does not read as one stops the class over it: the rows below lack
        # theirs (REQ001), not of 三年级(1)班 with nothing said.
        ("三年级(2)班留守儿童", [("REQ001", 8, "class"), ("REQ001", 9, "class")], 2),
        # A class's row with its head count may stand under its children as their total as
        # well as over them: it ends the class over it and gives none.
        ("三年级(2)班（2人）", [("REQ001", 8, "class"), ("REQ001", 9, "class")], 2),
    ],
)
def test_a_class_heading_with_more_words_gives_the_previous_class_to_no_row(
    tmp_path: Path, second: str, found: list[tuple[str, int, str]], classes: int
) -> None:
    """Rows under 三年级(1)班 and its 小计 row, then under a heading 三年级(2)班留守儿童 or
    三年级(2)班（2人）, with their 班级 cells empty: the first two are of 三年级(1)班, the
    others of none, and a note says how many empty 班级 cells the
    headings filled, in English too."""
    header, *_ = without([])
    rows = [
        header,
        heading("三年级(1)班", header),
        child_row(1, cls=None),
        heading("备注：本班一人休学", header),  # no class's name: 三年级(1)班 goes on
        child_row(2, cls=None),
        heading("三年级(1)班小计：2人", header),
        heading(second, header),
        child_row(3, cls=None),
        child_row(4, cls=None),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == found
    assert validated.stderr == (
        f"提示：名单.xlsx 的“Sheet1”有{classes}行的“班级”为空，"
        "按它上面的班级标题行（如“三年级(2)班”）读取\n"
    )
    english = run("--lang", "en", "validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert english.stderr == (
        f"note: 名单.xlsx sheet 'Sheet1': {classes} rows with an empty 班级 take the class "
        "of the class heading row above them (such as 三年级(2)班)\n"
    )


def test_a_class_total_under_its_children_gives_its_class_to_no_row_below(
    tmp_path: Path,
) -> None:
    """三年级(1)班（共2人） written under 三年级(1)班's two children as their total, then a
    child of 三年级(2)班 and one whose 班级 is empty: the empty one is REQ001, not made
    one of 三年级(1)班 by the total over it."""
    header, *_ = without([])
    rows = [
        header,
        child_row(1, cls="三年级(1)班"),
        child_row(2, cls="三年级(1)班"),
        heading("三年级(1)班（共2人）", header),
        child_row(3, cls="三年级(2)班"),
        child_row(4, cls=None),
        heading("三年级(2)班（共2人）", header),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == [("REQ001", 6, "class")]
    assert validated.stderr == ""


def test_a_heading_read_as_none_leaves_a_sheet_with_no_class_column_without(
    tmp_path: Path,
) -> None:
    """A sheet with no 班级 column under 三年级(1)班, then 三年级(2)班留守儿童: the rows
    under the second heading have no class to take, so the sheet stays without (COL001)."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    rows = [header, heading("三年级(1)班", header), kids[0], heading("三年级(2)班留守儿童", header)]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": [*rows, *kids[1:]]})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", "class")], "")


@pytest.mark.parametrize(
    ("path", "sheet", "title", "note"),
    [
        (
            "四年级.xlsx",
            "Sheet1",
            "白鹤小学三年级1班留守儿童名单",
            "提示：四年级.xlsx 的“Sheet1”没有“班级”列；表头上方的标题写的是三年级(1)班，"
            "但名称“四年级”说的是另一个年级，不知哪个对，各行不按它定班级",
        ),
        (
            "四年级/名单.xlsx",
            "三年级1班",
            None,
            "提示：四年级/名单.xlsx 的“三年级1班”没有“班级”列；工作表名称写的是三年级(1)班，"
            "但名称“四年级”说的是另一个年级，不知哪个对，各行不按它定班级",
        ),
    ],
)
def test_a_class_of_another_grade_than_its_files_gives_none(
    tmp_path: Path, path: str, sheet: str, title: str | None, note: str
) -> None:
    """四年级.xlsx titled for 三年级1班, or a sheet 三年级1班 in a folder 四年级: which
    grade is wrong only the school knows, so no row takes the class (COL001 stands), and a
    note says why (as a sheet 三年级 in 四年级.xlsx gives no grade, 028b3a5)."""
    rows = no_class(child_row(1), child_row(2))
    (tmp_path / path).parent.mkdir(exist_ok=True)
    write_xlsx(tmp_path / path, {sheet: [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", sheet, "class")], note + "\n")


def test_a_class_of_the_grade_its_file_names_is_its_rows(tmp_path: Path) -> None:
    """三年级.xlsx titled for 三年级1班: the file and the title agree, so every row is of
    三年级(1)班."""
    rows = no_class(child_row(1), child_row(2))
    write_xlsx(tmp_path / "三年级.xlsx", {"Sheet1": [["白鹤小学三年级1班留守儿童名单"], *rows]})
    validated = run("validate", "三年级.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.json()["findings"], validated.stderr) == (
        [],
        "提示：三年级.xlsx 的“Sheet1”没有“班级”列，各行的班级按表头上方的标题读作三年级(1)班\n",
    )


@pytest.mark.parametrize(
    ("beside", "found", "classes", "by_class"),
    [
        # Who is over the class, beside its name: a heading all the same.
        ("班主任：李明", [], 4, [("三年级(1)班", 2), ("三年级(2)班", 2)]),
        # Its head count beside it: as often its total as its heading, so it ends the class
        # over it and gives none, as 三年级(2)班（2人） does.
        ("2人", [("REQ001", 6, "class"), ("REQ001", 7, "class")], 2, [("三年级(1)班", 2)]),
    ],
)
def test_a_class_heading_with_words_beside_it_is_no_child(
    tmp_path: Path,
    beside: str,
    found: list[tuple[str, int, str]],
    classes: int,
    by_class: list[tuple[str, int]],
) -> None:
    """三年级(2)班 in A with 班主任：李明 (or 2人) in D, the rest of the row empty, under
    三年级(1)班's children: not a child with no name (REQ001), nor leaving the rows under it
    of 三年级(1)班 with nothing said."""
    header, *_ = without([])
    second: list[Any] = [None] * len(header)
    second[0], second[3] = "三年级(2)班", beside
    rows = [
        header,
        heading("三年级(1)班", header),
        child_row(1, cls=None),
        child_row(2, cls=None),
        second,
        child_row(3, cls=None),
        child_row(4, cls=None),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == found
    assert validated.stderr == (
        f"提示：名单.xlsx 的“Sheet1”有{classes}行的“班级”为空，"
        "按它上面的班级标题行（如“三年级(2)班”）读取\n"
    )
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert [c for c in counted if c[0] != "班级不明"] == by_class


@pytest.mark.parametrize(
    ("book", "headings", "found", "notes"),
    [
        (
            # 八年级 over 1班 in 七年级.xlsx: not 八年级(1)班, nor 七年级(1)班.
            "七年级.xlsx",
            [("八年级", 0), ("1班", 2)],
            [("REQ001", 4, "class"), ("REQ001", 5, "class")],
            ["“八年级”"],
        ),
        (
            # 一年级 among 三年级.xlsx's 1班 and 2班: the first is 三年级(1)班, the second
            # of no grade.
            "三年级.xlsx",
            [("1班", 1), ("一年级", 0), ("2班", 1)],
            [("REQ001", 6, "class")],
            [
                "提示：三年级.xlsx 的“Sheet1”有1行的“班级”为空，"
                "按它上面的班级标题行（如“三年级(2)班”）读取",
                "“一年级”",
            ],
        ),
        (
            "七年级.xlsx",
            [("八年级(1)班", 2)],
            [("REQ001", 3, "class"), ("REQ001", 4, "class")],
            ["“八年级(1)班”"],
        ),
    ],
)
def test_a_class_heading_of_another_grade_than_its_files_gives_none(
    tmp_path: Path,
    book: str,
    headings: list[tuple[str, int]],
    found: list[tuple[str, int, str]],
    notes: list[str],
) -> None:
    """A heading naming another grade than the file's name (八年级 in 七年级.xlsx, 一年级
    among 三年级.xlsx's classes): which is wrong only the school knows, so the rows under
    it take no class from it (REQ001, as with no heading) and a note says why, as a sheet's
    name of another grade gives none (64d9d70)."""
    header, *_ = without([])
    rows: list[list[Any]] = [header]
    n = 0
    for text, children in headings:
        rows.append(heading(text, header))
        for _ in range(children):
            n += 1
            rows.append(child_row(n, cls=None))
    write_xlsx(tmp_path / book, {"Sheet1": rows})
    validated = run("validate", book, "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == found
    said = f"提示：{book} 的“Sheet1”的班级标题行{notes[-1]}和名称“{book[:3]}”说的不是同一个年级，"
    said += "不知哪个对，它下面的行不按它定班级"
    assert validated.stderr.splitlines() == [*notes[:-1], said]


def test_a_class_heading_of_another_grade_gives_a_sheet_with_no_class_column_none(
    tmp_path: Path,
) -> None:
    """A sheet with no 班级 column in 七年级.xlsx under 八年级(1)班: no class (COL001),
    and the note says why, in English too."""
    header, *kids = no_class(child_row(1), child_row(2))
    rows = [header, heading("八年级(1)班", header), *kids]
    write_xlsx(tmp_path / "七年级.xlsx", {"Sheet1": rows})
    validated = run("--lang", "en", "validate", "七年级.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == (
        [("COL001", "class")],
        "note: 七年级.xlsx sheet 'Sheet1': the class heading row 八年级(1)班 names another "
        "grade than the name 七年级, so the rows under it take no class from it\n",
    )


@pytest.mark.parametrize(
    ("book", "found", "by_class", "note"),
    [
        (
            "名单.xlsx",
            [],
            [("三年级(1)班", 1), ("三年级(2)班", 1)],
            "提示：名单.xlsx 的“Sheet1”有2行的“班级”只写班号，"
            "按它上面的年级标题行（如“三年级”）读作这个年级的班",
        ),
        (
            # The heading and the file's name disagree: of neither grade.
            "四年级.xlsx",
            [("CLS001", 3, "class"), ("CLS001", 4, "class")],
            [("1班", 1), ("2班", 1)],  # as they read, a class of no grade
            "提示：四年级.xlsx 的“Sheet1”的班级标题行“三年级”和名称“四年级”说的不是同一个年级，"
            "不知哪个对，它下面的行不按它定班级",
        ),
    ],
)
def test_a_class_number_alone_is_of_the_grade_of_the_heading_over_it(
    tmp_path: Path,
    book: str,
    found: list[tuple[str, int, str]],
    by_class: list[tuple[str, int]],
    note: str,
) -> None:
    """Rows whose 班级 says 1班 and 2班 under a grade's heading row 三年级: 三年级(1)班 and
    三年级(2)班, as on a sheet named 三年级, said in a note; not a class lbc cannot read
    (CLS001), nor, in 四年级.xlsx, 四年级(1)班 with nothing said."""
    write_xlsx(tmp_path / book, {"Sheet1": under_grade_three(["1班", "2班"])})
    validated = run("validate", book, "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == found
    assert validated.stderr == note + "\n"
    summary = run("summary", book, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert [c for c in counted if c[0] != "班级不明"] == by_class


def test_merge_says_where_each_sheets_class_came_from_as_validate_does(tmp_path: Path) -> None:
    """A county's schools: a class kept a sheet (三年级1班) with no 班级 column, a roster of
    class heading rows over empty 班级 cells, one of a grade's heading over 1班, and a
    grade's workbook whose sheets and headings name another grade. The merged roster holds
    these children's classes, so merge, which reads each school in a worker, says each
    note validate says of the same folder, in its order."""
    county = tmp_path / "县"
    for school in ("白鹤小学", "青山小学", "石桥小学", "红星小学"):
        (county / school).mkdir(parents=True)
    write_xlsx(county / "白鹤小学" / "花名册.xlsx", {"三年级1班": no_class(child_row(1))})
    header, *_ = without([])
    kids = [child_row(2, cls=None), child_row(3, cls=None)]
    headed = [header, heading("三年级(1)班", header), *kids]
    write_xlsx(county / "青山小学" / "花名册.xlsx", {"Sheet1": headed})
    grade = {
        "三年级1班": no_class(child_row(4)),
        "三年级": [header, child_row(5, cls="1班")],
        "Sheet3": [header, heading("五年级(1)班", header), child_row(6, cls=None)],
    }
    write_xlsx(county / "石桥小学" / "四年级.xlsx", grade)
    graded = [header, heading("三年级", header), child_row(7, cls="1班")]
    write_xlsx(county / "红星小学" / "花名册.xlsx", {"Sheet1": graded})
    notes = [
        "提示：县/白鹤小学/花名册.xlsx 的“三年级1班”没有“班级”列，"
        "各行的班级按工作表名称读作三年级(1)班",
        "提示：县/石桥小学/四年级.xlsx 的“三年级1班”没有“班级”列；工作表名称写的是三年级(1)班，"
        "但名称“四年级”说的是另一个年级，不知哪个对，各行不按它定班级",
        "提示：县/石桥小学/四年级.xlsx 的“三年级”没有“年级”列，"
        "工作表、文件和文件夹的名称说的年级不同（三年级、四年级），"
        "“班级”只写班号（如“1班”）的认不出是哪个年级",
        "提示：县/石桥小学/四年级.xlsx 的“Sheet3”的班级标题行“五年级(1)班”和名称“四年级”"
        "说的不是同一个年级，不知哪个对，它下面的行不按它定班级",
        "提示：县/红星小学/花名册.xlsx 的“Sheet1”有1行的“班级”只写班号，"
        "按它上面的年级标题行（如“三年级”）读作这个年级的班",
        "提示：县/青山小学/花名册.xlsx 的“Sheet1”有2行的“班级”为空，"
        "按它上面的班级标题行（如“三年级(2)班”）读取",
    ]
    validated = run("validate", "县", "--format", "json", cwd=tmp_path)
    assert validated.stderr.splitlines() == notes
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.stderr.splitlines() == ["已写出合并名册：全县.xlsx（4 个文件）", *notes]
    again = run("validate", "全县.xlsx", "--format", "json", cwd=tmp_path)
    codes = [
        sorted((f["code"], f["field"]) for f in r.json()["findings"]) for r in (validated, again)
    ]
    assert codes[0] == codes[1]
    ws = load_workbook(tmp_path / "全县.xlsx", read_only=True)["留守儿童花名册"]
    header, *rows = ws.iter_rows(values_only=True)
    at = header.index("班级")
    assert [(row[0], row[2], row[at]) for row in rows] == [
        ("白鹤小学", "三年级1班", "三年级(1)班"),
        ("石桥小学", "三年级1班", None),
        ("石桥小学", "三年级", "1班"),
        ("石桥小学", "Sheet3", None),
        ("红星小学", "Sheet1", "三年级(1)班"),
        ("青山小学", "Sheet1", "三年级(1)班"),
        ("青山小学", "Sheet1", "三年级(1)班"),
    ]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("三年级1班.xlsx", None),
        ("白鹤小学三年级(1)班留守儿童.xlsx", None),
        ("三年级/三年级1班.xlsx", None),  # its folder names the same grade
        ("三年级1班.xlsx", "白鹤小学三年级1班留守儿童名单"),  # its title the same class
    ],
)
def test_a_class_files_name_is_its_childrens_class(
    tmp_path: Path, path: str, title: str | None
) -> None:
    """A school keeping a class a file (三年级1班.xlsx, sheet Sheet1, no 班级 column) was
    told its 班级 column is missing (COL001), though the file's name gives the class: it is
    every row's, as a sheet's name's is, and a note and lbc columns say so."""
    rows = no_class(child_row(1), child_row(2))
    (tmp_path / path).parent.mkdir(exist_ok=True)
    write_xlsx(tmp_path / path, {"Sheet1": [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    by = "文件名" if title is None else "表头上方的标题"
    assert (validated.json()["findings"], validated.stderr) == (
        [],
        f"提示：{path} 的“Sheet1”没有“班级”列，各行的班级按{by}读作三年级(1)班\n",
    )
    english = run("--lang", "en", "validate", path, "--format", "json", cwd=tmp_path)
    by = "its file's name makes" if title is None else "the title above its header makes"
    assert english.stderr == (
        f"note: {path} sheet 'Sheet1' has no 班级 column; {by} every row's class 三年级(1)班\n"
    )
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [{"name": "三年级(1)班", "count": 2}]
    described = run("columns", path, "--format", "json", cwd=tmp_path).json()
    source = "file" if title is None else "title"
    assert described["files"][0]["sheets"][0]["class_from"] == {
        "source": source,
        "class": "三年级(1)班",
    }
    if title is None:
        shown = run("columns", path, cwd=tmp_path).stdout.splitlines()
        assert "没有“班级”列：各行的班级按文件名读作三年级(1)班" in shown


def test_a_class_files_children_pair_with_its_head_teacher(tmp_path: Path) -> None:
    """三年级1班.xlsx's children, with the school's teachers list beside: each paired with
    三年级(1)班's head teacher, not left to the whole school as of no class."""
    (tmp_path / "白鹤小学").mkdir()
    write_xlsx(tmp_path / "白鹤小学" / "三年级1班.xlsx", {"Sheet1": no_class(child_row(1))})
    write_xlsx(tmp_path / "白鹤小学" / "教师.xlsx", {"教师": TEACHERS})
    paired = run("pair", "白鹤小学", "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"], p["teacher"], p["reason"]) for p in paired] == [
        ("张雨涵", "三年级(1)班", "李老师", "本班班主任"),
    ]


@pytest.mark.parametrize(
    ("path", "sheet", "title", "note"),
    [
        ("三年级1、2班.xlsx", "Sheet1", None, ""),  # two classes
        ("三年级1-2班.xlsx", "Sheet1", None, ""),
        ("2024级3班.xlsx", "Sheet1", None, ""),  # a year's intake
        ("11班.xlsx", "Sheet1", None, ""),  # a class number of no grade
        (  # a sheet of another class's number
            "三年级1班.xlsx",
            "2班",
            None,
            "提示：三年级1班.xlsx 的“2班”没有“班级”列；工作表名称、文件名写的班不同"
            "（2班、三年级(1)班），不知哪个对，各行不按它们定班级\n",
        ),
        (
            "四年级/三年级1班.xlsx",
            "Sheet1",
            None,
            "提示：四年级/三年级1班.xlsx 的“Sheet1”没有“班级”列；文件名写的是三年级(1)班，"
            "但名称“四年级”说的是另一个年级，不知哪个对，各行不按它定班级\n",
        ),
        (
            "三年级1班.xlsx",
            "四年级",
            None,
            "提示：三年级1班.xlsx 的“四年级”没有“班级”列；文件名写的是三年级(1)班，"
            "但名称“四年级”说的是另一个年级，不知哪个对，各行不按它定班级\n",
        ),
    ],
)
def test_a_file_naming_no_one_class_of_its_sheets_gives_none(
    tmp_path: Path, path: str, sheet: str, title: str | None, note: str
) -> None:
    """A file named for several classes, or for a class its sheet, its title or its
    folder contradicts: no class for its rows (COL001), and where a grade disagrees a note
    says why."""
    rows = no_class(child_row(1), child_row(2))
    (tmp_path / path).parent.mkdir(exist_ok=True)
    write_xlsx(tmp_path / path, {sheet: [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    assert (found, validated.stderr) == ([("COL001", sheet, "class")], note)


@pytest.mark.parametrize(
    ("path", "sheet", "title", "said"),
    [
        ("名单.xlsx", "三年级1班", "白鹤小学三年级2班留守儿童名单", "工作表名称、表头上方的标题"),
        ("三年级1班.xlsx", "三年级2班", None, "工作表名称、文件名"),
        ("三年级2班.xlsx", "Sheet1", "白鹤小学三年级1班留守儿童名单", "表头上方的标题、文件名"),
    ],
)
def test_names_of_two_classes_give_none_and_say_so(
    tmp_path: Path, path: str, sheet: str, title: str | None, said: str
) -> None:
    """A sheet 三年级1班 titled for 三年级2班, or in 三年级2班.xlsx: which is right only the
    school knows, so no row takes a class (COL001 stands), and a note says why, where the
    rows were only told their 班级 column is missing."""
    rows = no_class(child_row(1), child_row(2))
    write_xlsx(tmp_path / path, {sheet: [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    classes = "三年级(1)班、三年级(2)班" if sheet != "三年级2班" else "三年级(2)班、三年级(1)班"
    assert (found, validated.stderr) == (
        [("COL001", sheet, "class")],
        f"提示：{path} 的“{sheet}”没有“班级”列；{said}写的班不同（{classes}），不知哪个对，"
        "各行不按它们定班级\n",
    )
    english = run("--lang", "en", "validate", path, "--format", "json", cwd=tmp_path)
    words = said.replace("工作表名称", "the sheet's name").replace("文件名", "the file's name")
    words = words.replace("表头上方的标题", "the title above its header").replace("、", ", ")
    assert english.stderr == (
        f"note: {path} sheet '{sheet}' has no 班级 column; {words} name different classes "
        f"({classes.replace('、', ', ')}): which is right only the school knows, so no row "
        "takes one\n"
    )


@pytest.mark.parametrize(
    "second",
    [
        # Not read as a heading: a note beside it, words after the grade, a total, a
        # grade's other name.
        {1: "四年级", 3: "备注：含转入1人"},
        {1: "四年级学生"},
        {1: "三年级共2人"},
        {1: "初二"},
        # 年级组长 is who is over the grade, as 班主任 is over a class: a heading.
        {1: "四年级", 3: "年级组长：李明"},
    ],
)
def test_a_grade_heading_ends_at_the_next_grades_heading_read_or_not(
    tmp_path: Path, second: dict[int, str]
) -> None:
    """1班 and 2班 under 三年级, then under a row naming another grade (四年级 with a note
    beside it, 四年级学生, 初二) that lbc keeps as a child's with no data: the rows under it
    are of no grade (CLS001), not 三年级(1)班 and 三年级(2)班 with nothing said; under
    四年级 with 年级组长：李明 beside it, a heading, they are 四年级's."""
    rows = under_grade_three(["1班", "2班", "1班", "2班"], second)
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    read = 3 in second and second[3].startswith("年级组长")
    below = [] if read else [("CLS001", 6, "class"), ("CLS001", 7, "class")]
    assert [(f["code"], f["row"], f["field"]) for f in findings if f["row"] != 5] == below
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert [c for c in counted if c[0] != "班级不明"] == [
        ("三年级(1)班", 1),
        ("三年级(2)班", 1),
        *([("四年级(1)班", 1), ("四年级(2)班", 1)] if read else [("1班", 1), ("2班", 1)]),
    ]


def test_a_class_total_naming_its_number_ends_the_class_not_the_grade(tmp_path: Path) -> None:
    """小计 | 1班 | 2人 under 三年级's 1班 children: the total ends 1班, not the grade over
    it; the 2班 rows below are 三年级(2)班's, not of no grade (CLS001)."""
    rows = under_grade_three(["1班", "1班", "2班", "2班"], {0: "小计", 1: "1班", 2: "2人"})
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert validated.json()["findings"] == []
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(1)班", 2), ("三年级(2)班", 2)]


@pytest.mark.parametrize(
    ("label", "value"),
    [("家庭住址", "一年级转入"), ("备注", "二年级留级"), ("健康状况", "一级")],
)
def test_a_nameless_childs_note_naming_a_grade_ends_no_class(
    tmp_path: Path, label: str, value: str
) -> None:
    """Under 三年级(1)班, a child's row kept with no name whose address, note or health
    names a grade (一年级转入, 二年级留级, 一级): that is hers, no heading; the rows below
    are 三年级(1)班's, not of no class (REQ001, 班级不明)."""
    header = [*without([])[0], "备注"]

    def row(n: int, **cells: Any) -> list[Any]:
        values = [*child_row(n, cls=None), None]
        return [cells.get(h, v) for h, v in zip(header, values, strict=True)]

    rows = [
        header,
        heading("三年级(1)班", header),
        row(1),
        row(2, 姓名=None, **{label: value}),
        row(3),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == [("REQ001", 4, "name")]
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(1)班", 3)]


@pytest.mark.parametrize(
    ("second", "found", "by_class"),
    [
        # Who is over the class before its name, her label and name in two cells, her
        # label with no colon, 老师 after her name, her phone after her: a heading.
        ({0: "班主任：李明", 2: "三年级(2)班"}, [], [("三年级(1)班", 2), ("三年级(2)班", 2)]),
        ({0: "三年级(2)班", 3: "班主任", 4: "王芳"}, [], [("三年级(1)班", 2), ("三年级(2)班", 2)]),
        ({0: "三年级(2)班", 3: "班主任王芳"}, [], [("三年级(1)班", 2), ("三年级(2)班", 2)]),
        ({0: "三年级(2)班", 3: "王芳老师"}, [], [("三年级(1)班", 2), ("三年级(2)班", 2)]),
        (
            {0: "三年级(2)班", 3: "班主任：王芳", 4: 13812345678},
            [],
            [("三年级(1)班", 2), ("三年级(2)班", 2)],
        ),
        # A note beside too: no heading lbc reads, but the class over it ends there.
        (
            {0: "班主任：李明", 2: "三年级(2)班", 3: "备注：本班2人"},
            [("REQ001", 6, "class"), ("REQ001", 7, "class")],
            [("三年级(1)班", 2)],
        ),
    ],
)
def test_a_class_heading_with_its_teacher_written_otherwise_is_a_heading(
    tmp_path: Path,
    second: dict[int, Any],
    found: list[tuple[str, int, str]],
    by_class: list[tuple[str, int]],
) -> None:
    """三年级(2)班 with its head teacher written before it (班主任：李明 in A, the class in
    C), in two cells, with no colon or with her phone, under 三年级(1)班's children with
    empty 班级 cells: the rows under it are 三年级(2)班's, not 三年级(1)班's with nothing
    said, nor is the row a child with no name (REQ001)."""
    header, *_ = without([])
    rows = [
        header,
        heading("三年级(1)班", header),
        child_row(1, cls=None),
        child_row(2, cls=None),
        [second.get(j) for j in range(len(header))],
        child_row(3, cls=None),
        child_row(4, cls=None),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["row"], f["field"]) for f in findings] == found
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert [c for c in counted if c[0] != "班级不明"] == by_class


def test_a_child_whose_class_is_written_with_a_colon_is_no_line_to_sign(
    tmp_path: Path,
) -> None:
    """A roster whose 班级 column comes first, 三年级:2班 or 三年级：2班 in it, beside a
    child's name (and her ID number): the child's row, of 三年级(2)班, not a line to sign
    against dropped with nothing said (gone from every command)."""
    header, *_ = without([])
    first = ["班级", *(label for label in header if label != "班级")]

    def class_first(row: list[Any], cls: str) -> list[Any]:
        cells = dict(zip(header, row, strict=True))
        cells["班级"] = cls
        return [cells[label] for label in first]

    named = [None] * len(first)
    named[0], named[first.index("姓名")] = "三年级：2班", "孙七"
    rows = [
        first,
        class_first(child_row(1), "三年级(1)班"),
        class_first(child_row(2), "三年级:2班"),
        named,
        class_first(child_row(3), "三年级(2)班"),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert {(f["row"], f["code"]) for f in findings} == {(4, "REQ001")}
    assert "class" not in {f["field"] for f in findings}
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(1)班", 1), ("三年级(2)班", 3)]


@pytest.mark.parametrize("label", ["年级班级", "就读年级", "所在年级"])
def test_the_header_printed_again_under_a_class_heading_is_no_heading(
    tmp_path: Path, label: str
) -> None:
    """A roster whose 班级 column is headed 年级班级, 就读年级 or 所在年级, its header printed
    again between 三年级(1)班's children, or under each class's heading: the header
    names no grade, so neither ends the class over it nor starts one. The rows below it
    are 三年级(1)班's, not of no class (REQ001, 班级不明), nor the sheet without its 班级
    column (COL001); under 三年级(2)班 and the header again, 三年级(2)班's."""
    header = [label if h == "班级" else h for h in without([])[0]]
    rows = [
        header,
        heading("三年级(1)班", header),
        child_row(1, cls=None),
        child_row(2, cls=None),
        header,
        child_row(3, cls=None),
        child_row(4, cls=None),
    ]
    write_xlsx(tmp_path / "again.xlsx", {"Sheet1": rows})
    under = [heading("三年级(2)班", header), header, child_row(5, cls=None)]
    write_xlsx(tmp_path / "under.xlsx", {"Sheet1": [*rows[:4], *under]})
    for name, by_class in (
        ("again.xlsx", [("三年级(1)班", 4)]),
        ("under.xlsx", [("三年级(1)班", 2), ("三年级(2)班", 1)]),
    ):
        validated = run("validate", name, "--format", "json", cwd=tmp_path)
        assert validated.json()["findings"] == []
        summary = run("summary", name, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
        counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
        assert counted == by_class


@pytest.mark.parametrize(
    ("guardian", "phone"),
    [("联系人：奶奶", None), ("联系人：王秀英", 13812345678), ("王芳老师", 13812345678)],
)
def test_a_child_with_no_name_and_her_guardian_is_no_class_heading(
    tmp_path: Path, guardian: str, phone: int | None
) -> None:
    """A row of 三年级(1)班 in its 班级 cell with no name, only 联系人：奶奶, 联系人：王秀英
    or 王芳老师 in its 监护人姓名 cell (and a phone in its 监护人电话 cell): a child's row
    lacking her name (REQ001), not a class's heading with who is over it dropped with
    nothing said; her guardian sits where a child's guardian does."""
    header, *_ = without([])
    row: list[Any] = [None] * len(header)
    row[header.index("班级")] = "三年级(1)班"
    row[header.index("监护人姓名")] = guardian
    row[header.index("监护人电话")] = phone
    rows = [header, child_row(1, cls="三年级(1)班"), row, child_row(2, cls="三年级(1)班")]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert ("REQ001", 3, "name") in [(f["code"], f["row"], f["field"]) for f in findings]
    assert {f["row"] for f in findings} == {3}
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(1)班", 3)]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("红星小学/全校留守儿童（含学前班）.xlsx", None),  # the whole school, 学前班 counted in
        ("学前班和一年级留守儿童.xlsx", None),  # 学前班 and another grade
        ("学前班（含一年级）.xlsx", None),
        ("全校（含三年级1班）.xlsx", None),
        ("一年级和三年级1班.xlsx", None),
        ("名单.xlsx", "红星小学留守儿童名单（含学前班）"),
        ("名单.xlsx", "红星小学各年级留守儿童名单（包括学前班）"),
    ],
)
def test_a_name_counting_a_class_in_with_others_gives_no_class(
    tmp_path: Path, path: str, title: str | None
) -> None:
    """A whole school's list, or one of 学前班 and 一年级, whose file's name or title names
    学前班 (or another class) as one part of it, made every child a child of that class:
    first-graders became 学前班, and validate passed. The name names no one class, so the
    rows take none and the missing 班级 column (COL001) stands."""
    rows = no_class(child_row(1, birth=dt.date(2018, 5, 1)), child_row(2))
    (tmp_path / path).parent.mkdir(exist_ok=True)
    write_xlsx(tmp_path / path, {"Sheet1": [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["sheet"], f["field"]) for f in validated.json()["findings"]]
    assert (validated.exit_code, found, validated.stderr) == (
        1,
        [("COL001", "Sheet1", "class")],
        "",
    )
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [{"name": "班级不明", "count": 2}]


@pytest.mark.parametrize(
    ("path", "title", "by", "cls"),
    [
        ("学前班.xlsx", None, "文件名", "学前班"),
        ("红星小学学前班留守儿童名单.xlsx", None, "文件名", "学前班"),
        ("名单.xlsx", "红星小学学前班留守儿童名单", "表头上方的标题", "学前班"),
        # a grade named besides is the class's own
        ("名单.xlsx", "红星小学一年级留守儿童名单（一年级1班）", "表头上方的标题", "一年级(1)班"),
    ],
)
def test_a_file_or_title_naming_one_class_alone_is_its_childrens_class(
    tmp_path: Path, path: str, title: str | None, by: str, cls: str
) -> None:
    """学前班.xlsx, or a list titled for 学前班 alone, still gives every row 学前班; a
    title naming its class's grade twice, that class."""
    rows = no_class(
        child_row(1, birth=dt.date(2018, 5, 1)), child_row(2, birth=dt.date(2018, 7, 1))
    )
    write_xlsx(tmp_path / path, {"Sheet1": [[title], *rows] if title else rows})
    validated = run("validate", path, "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"], validated.stderr) == (
        0,
        [],
        f"提示：{path} 的“Sheet1”没有“班级”列，各行的班级按{by}读作{cls}\n",
    )
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["children"]["by_class"] == [{"name": cls, "count": 2}]


@pytest.mark.parametrize("title", [["青山小学留守儿童花名册"], None])
def test_a_class_heading_above_the_header_gives_its_class(
    tmp_path: Path, title: list[Any] | None
) -> None:
    """A title, then 三年级(2)班, then the header and the class's children, with no 班级
    column, or with a 班级 column left empty and a heading 三年级(3)班 further down: the
    heading above the header gave no class (COL001, REQ001); it gives its own to the rows
    under it, up to the next heading, as one below the header does, and a note says so."""
    above = [title] if title else []
    rows = [*above, ["三年级(2)班"], *no_class(child_row(1), child_row(2))]
    empty = [child_row(n, cls=None) for n in (3, 4, 5)]
    header = without([])[0]
    rest = [*above, ["三年级(2)班"], header, *empty[:2], heading("三年级(3)班", header), empty[2]]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows, "Sheet2": rest})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"]) == (0, [])
    said = "按它上面的班级标题行（如“三年级(2)班”）读取"
    # A title of the class alone names it, as before.
    first = said if title else "按表头上方的标题读作三年级(2)班"
    notes = [
        f"提示：名单.xlsx 的“Sheet1”没有“班级”列，各行的班级{first}",
        f"提示：名单.xlsx 的“Sheet2”有3行的“班级”为空，{said}",
    ]
    assert validated.stderr.splitlines() == notes
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(2)班", 4), ("三年级(3)班", 1)]


@pytest.mark.parametrize("total", ["1班小计：2人", "1班小计2人", "1班 合计"])
@pytest.mark.parametrize("column", [True, False])
def test_a_class_total_in_one_cell_ends_the_class_not_the_grade(
    tmp_path: Path, total: str, column: bool
) -> None:
    """1班小计：2人 in one cell under 三年级's 1班 children ended the grade too, as a row
    naming a class otherwise does: the 2班 below were of no grade (CLS001, or COL001 with
    the classes as headings). It ends 1班 only, as 小计 | 1班 | 2人 in three cells does."""
    if column:
        rows = under_grade_three(["1班", "1班", "2班", "2班"], {0: total})
    else:
        header, *kids = no_class(*(child_row(n) for n in (1, 2, 3, 4)))
        one, two = heading("1班", header), heading("2班", header)
        rows = [header, heading("三年级", header), one, *kids[:2], [total], two, *kids[2:]]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"]) == (0, [])
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == [("三年级(1)班", 2), ("三年级(2)班", 2)]


def test_a_sheet_of_its_files_class_number_is_of_that_class(tmp_path: Path) -> None:
    """A sheet 1班 in 三年级1班.xlsx, with no 班级 column: COL001, the file's name left
    aside, as for a sheet 2班 there (of which a note now says the names differ). Both
    name 三年级(1)班, every row's, as a note says."""
    write_xlsx(tmp_path / "三年级1班.xlsx", {"1班": no_class(child_row(1))})
    validated = run("validate", "三年级1班.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"]) == (0, [])
    assert validated.stderr.splitlines() == [
        "提示：三年级1班.xlsx 的“1班”没有“班级”列，各行的班级按文件名读作三年级(1)班"
    ]


@pytest.mark.parametrize(("first", "read"), [("共2人", True), ("2人", True), ("共3人", False)])
def test_a_class_and_its_head_count_over_the_first_rows_heads_them(
    tmp_path: Path, first: str, read: bool
) -> None:
    """三年级(1)班 | 共2人 over the first two rows, 三年级(2)班 | 共1人 over the next, on a
    sheet with no 班级 column: each was taken as a total, as such a row as often is under
    its class, and the rows took no class (COL001). Over the first rows it totals nothing
    above it: each such row whose count is of the rows under it heads them. A count that
    is not (共3人 over two rows) is no heading's, and COL001 stands."""
    header, *kids = no_class(child_row(1), child_row(2), child_row(3))
    one, two = [None] * len(header), [None] * len(header)
    one[1:3], two[1:3] = ["三年级(1)班", first], ["三年级(2)班", "共1人"]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": [header, one, *kids[:2], two, kids[2]]})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["field"]) for f in validated.json()["findings"]]
    assert found == ([] if read else [("COL001", "class")])
    summary = run("summary", "名单.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    counted = [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]
    assert counted == ([("三年级(1)班", 2), ("三年级(2)班", 1)] if read else [("班级不明", 3)])


@pytest.mark.parametrize("where", ["headings", "sheet"])
def test_a_class_number_starting_with_its_grade_is_unread_as_in_a_class_cell(
    tmp_path: Path, where: str
) -> None:
    """A heading 32班 under 三年级 gave the rows under it 三年级(32)班, and a sheet 32班 in
    三年级.xlsx was said to make every row's class 三年级(32)班, while a 班级 cell 32 there
    is unreadable (CLS001: 三年级(2)班 or 三年级(32)班?): they are read as the cell is,
    each row asked (CLS001) and paired by no class; 12班 is still 三年级(12)班."""
    header, *kids = no_class(child_row(1), child_row(2))
    if where == "headings":
        file = "名单.xlsx"
        rows = [header, heading("三年级", header), heading("32班", header), kids[0]]
        book = {"Sheet1": [*rows, heading("12班", header), kids[1]]}
        found = [("CLS001", "Sheet1", 4, "32班")]
        note = (
            "提示：名单.xlsx 的“Sheet1”没有“班级”列，"
            "各行的班级按它上面的班级标题行（如“三年级(2)班”）读取"
        )
    else:
        file = "三年级.xlsx"
        book = {"32班": [header, kids[0]], "12班": [header, kids[1]]}
        found = [("CLS001", "32班", 2, "32班")]
        note = (
            "提示：三年级.xlsx 的“32班”没有“班级”列，工作表名称“32班”分不清是这个年级的几班"
            "（如“32班”是2班还是32班），各行的班级都认不出，逐行提示（CLS001）"
        )
    write_xlsx(tmp_path / file, {**book, "教师": TEACHERS})
    validated = run("validate", file, "--format", "json", cwd=tmp_path)
    findings = validated.json()["findings"]
    assert [(f["code"], f["sheet"], f["row"], f["value"]) for f in findings] == found
    assert validated.stderr.splitlines()[0] == note
    paired = run("pair", file, "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"]) for p in paired] == [
        ("李明轩", "三年级(12)班"),
        ("张雨涵", "32班"),
    ]


def test_the_heading_notes_count_only_the_classes_they_give(tmp_path: Path) -> None:
    """The notes on the rows the headings gave a class counted the rows under a heading
    32班 below 三年级, and a 班级 32 there, which they leave unread (CLS001): they count
    only the rows they give a class (the one below 1班, 2 under 三年级)."""
    header, *_ = without([])
    rows = [
        header,
        heading("三年级", header),
        heading("32班", header),
        child_row(1, cls=None),
        child_row(2, cls="32"),
        heading("1班", header),
        child_row(3, cls=None),
        child_row(4, cls="2"),
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"Sheet1": rows})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["row"], f["value"]) for f in validated.json()["findings"]]
    assert found == [("CLS001", 4, "32班"), ("CLS001", 5, "32")]
    assert validated.stderr.splitlines() == [
        "提示：名单.xlsx 的“Sheet1”有1行的“班级”为空，按它上面的班级标题行（如“三年级(2)班”）读取",
        "提示：名单.xlsx 的“Sheet1”有1行的“班级”只写班号，"
        "按它上面的年级标题行（如“三年级”）读作这个年级的班",
    ]
