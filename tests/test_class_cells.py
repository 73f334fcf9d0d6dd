"""A 班级 cell writing a class's number alone (12班, 1班, 12): of the grade a 年级 column,
or a sheet's, file's or folder's name gives it, and of none where nothing does. Through
the real CLI on workbooks built here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_books, write_xlsx

TEACHERS = [
    TEACHER_HEADER,
    ["李老师", "女", "13800000001", "班主任", "一年级(2)班", "语文", "是", "是"],
    ["王老师", "女", "13800000002", "班主任", "三年级(1)班", "数学", "是", "是"],
]


@pytest.mark.parametrize("cls", ["12班", "11班", "十二班", 12, "12", "1班", "一班", "(2)班"])
def test_a_class_number_of_no_grade_is_unreadable(tmp_path: Path, cls: Any) -> None:
    """A 班级 cell 12班 (or 11班, 十二班, the number 12) where no 年级 column and no name
    gives a grade was read as 一年级(2)班 with nothing said, and its child paired with the
    first grade's head teacher: it is a class of no grade lbc knows, asked about as 1班
    is (CLS001), and paired by no class."""
    kids = [CHILD_HEADER, child_row(1, cls=cls), child_row(2, cls="三年级(1)班")]
    write_xlsx(tmp_path / "名单.xlsx", {"花名册": kids, "教师": TEACHERS})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["row"], f["column"], f["value"]) for f in validated.json()["findings"]]
    assert (validated.exit_code, found) == (1, [("CLS001", 2, "F", str(cls))])
    assert validated.json()["findings"][0]["message"] == "无法识别的班级，请写成如“三年级(2)班”"
    paired = run("pair", "名单.xlsx", "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"], p["reason"]) for p in paired] == [
        ("李明轩", "三年级(1)班", "本班班主任"),
        ("张雨涵", str(cls), f"班级无法识别（{cls}），全校调配"),
    ]


@pytest.mark.parametrize(
    ("cls", "read"),
    [
        ("12班", "三年级(12)班"),
        ("11班", "三年级(11)班"),
        (12, "三年级(12)班"),
        ("1班", "三年级(1)班"),
        ("一班", "三年级(1)班"),
        ("(2)班", "三年级(2)班"),
        ("三年级12班", "三年级(12)班"),
    ],
)
def test_a_class_number_is_of_the_grade_its_file_names(tmp_path: Path, cls: Any, read: str) -> None:
    """三年级.xlsx's 班级 12班: 三年级(12)班, no finding."""
    write_xlsx(tmp_path / "三年级.xlsx", {"花名册": [CHILD_HEADER, child_row(1, cls=cls)]})
    validated = run("validate", "三年级.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"]) == (0, [])
    summary = run(
        "summary", "三年级.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path
    )
    assert summary.json()["children"]["by_class"] == [{"name": read, "count": 1}]


@pytest.mark.parametrize("cls", ["301班", 301, "0301", "0301班", "三年级1班"])
def test_a_grade_and_class_as_one_number_is_that_class(tmp_path: Path, cls: Any) -> None:
    """301班, as schools write 三年级1班 in one number: 三年级(1)班 where no grade is named,
    as 301 is (no grade has three hundred classes), and paired with its head teacher; 301班
    was an unreadable class (CLS001)."""
    kids = [CHILD_HEADER, child_row(1, cls=cls)]
    write_xlsx(tmp_path / "名单.xlsx", {"花名册": kids, "教师": TEACHERS})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert (validated.exit_code, validated.json()["findings"]) == (0, [])
    paired = run("pair", "名单.xlsx", "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"], p["teacher"], p["reason"]) for p in paired] == [
        ("张雨涵", "三年级(1)班", "王老师", "本班班主任"),
    ]


@pytest.mark.parametrize(
    ("cls", "file", "grade_column", "other", "other_read"),
    [
        # 32 in 三年级.xlsx, or beside a 年级 三年级: 三年级2班 or 三年级(32)班?
        *(
            (cls, file, grade_column, "12", "三年级(12)班")
            for cls in (32, "32", "32班", "31")
            for file, grade_column in (("三年级.xlsx", False), ("名单.xlsx", True))
        ),
        # 1201班: 2012级1班 or 十二年级(1)班? 12级3班: 2012级3班, no 十二年级(3)班.
        *(
            (cls, file, False, "301班", "三年级(1)班")
            for cls in ("1201班", 1201, "1001", "1203班", "12级3班", "09级2班")
            for file in ("名单.xlsx", "三年级.xlsx")
        ),
    ],
)
def test_a_class_number_read_two_ways_is_unreadable(
    tmp_path: Path, cls: Any, file: str, grade_column: bool, other: str, other_read: str
) -> None:
    """A 班级 cell that reads as two classes, which only the school knows, is asked
    (CLS001) and paired by no class; ``other`` beside it is read as ``other_read``.
    32 in 三年级.xlsx's 班级 (or beside a 年级 三年级) was read 三年级(32)班 with nothing
    said, though a school writes 三年级2班 so as often as 302; 12 is class 12. 1201班 was
    read 十二年级(1)班 with nothing said, in 三年级.xlsx too: a class named by the year its
    pupils came (2012级1班, as 2301班 is), as likely as a grade no primary or middle school
    has; 301班 is still 三年级(1)班. So was 12级3班 (2012级3班) read 十二年级(3)班, and
    09级2班 九年级(2)班."""
    kids = [CHILD_HEADER, child_row(1, cls=cls), child_row(2, cls=other)]
    if grade_column:
        kids = [[*kids[0], "年级"], *([*row, "三年级"] for row in kids[1:])]
    write_xlsx(tmp_path / file, {"花名册": kids, "教师": TEACHERS})
    validated = run("validate", file, "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["row"], f["column"], f["value"]) for f in validated.json()["findings"]]
    assert (validated.exit_code, found) == (1, [("CLS001", 2, "F", str(cls))])
    paired = run("pair", file, "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"]) for p in paired] == [
        ("李明轩", other_read),
        ("张雨涵", str(cls)),
    ]


@pytest.mark.parametrize(
    ("path", "sheet"),
    [("四年级.xlsx", "花名册"), ("名单.xlsx", "四年级"), ("四年级/花名册.xlsx", "花名册")],
)
def test_a_class_of_another_grade_than_its_names_is_said(
    tmp_path: Path, path: str, sheet: str
) -> None:
    """301班 or 三年级(1)班 in 四年级.xlsx (or on a sheet 四年级, or in a folder 四年级) was
    read as written with nothing said. It still is, the cell being the more particular,
    and its child is paired with 三年级(1)班's head teacher, but each such cell is said
    (CLS004), and counted by lbc merge; 四年级(2)班 and 2班 there are not."""
    kids = [
        CHILD_HEADER,
        child_row(1, cls="301班"),
        child_row(2, cls="三年级(1)班"),
        child_row(3, cls="四年级(2)班"),
        child_row(4, cls="2班"),
    ]
    school = tmp_path / "青山小学"
    (school / path).parent.mkdir(parents=True)
    write_xlsx(school / path, {sheet: kids})
    write_xlsx(school / "教师.xlsx", {"教师": TEACHERS})
    validated = run("validate", "青山小学", "--format", "json", cwd=tmp_path)
    found = [
        (f["code"], f["file"], f["sheet"], f["row"], f["column"], f["value"], f["message"])
        for f in validated.json()["findings"]
    ]
    said = "“班级”三年级(1)班 与名称“四年级”说的年级不同，按“班级”读"
    file = f"青山小学/{path}"
    assert (validated.exit_code, found) == (
        0,
        [
            ("CLS004", file, sheet, 2, "F", "301班", said),
            ("CLS004", file, sheet, 3, "F", "三年级(1)班", said),
        ],
    )
    shown = run("validate", "青山小学", cwd=tmp_path)
    assert shown.stdout.splitlines()[-1] == (
        "共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，2 个警告"
    )
    paired = run("pair", "青山小学", "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["class"], p["teacher"], p["reason"]) for p in paired][:2] == [
        ("张雨涵", "三年级(1)班", "王老师", "本班班主任"),
        ("李明轩", "三年级(1)班", "王老师", "本班班主任"),
    ]
    merged = run("merge", "青山小学", "-o", "县.xlsx", "--format", "json", cwd=tmp_path)
    assert (merged.exit_code, merged.json()["summary"]["warnings"]) == (0, 2)


def test_a_merged_rosters_class_of_another_grade_is_said_as_over_its_folder(
    tmp_path: Path,
) -> None:
    """301班 in 青山小学/四年级.xlsx is said (CLS004) over the school's folder, but was not
    over the county's roster merged from it, whose rows' sheet and file are the merged
    one's: each row is judged by the names of the file it came from (来源文件)."""
    school = tmp_path / "青山小学"
    school.mkdir()
    kids = [CHILD_HEADER, child_row(1, cls="301班"), child_row(2, cls="四年级(2)班")]
    write_xlsx(school / "四年级.xlsx", {"花名册": kids})
    assert run("merge", "青山小学", "-o", "县.xlsx", cwd=tmp_path).exit_code == 0
    said = "“班级”三年级(1)班 与名称“四年级”说的年级不同，按“班级”读"
    for source in ("青山小学", "县.xlsx"):
        validated = run("validate", source, "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["value"], f["message"]) for f in validated.json()["findings"]]
        assert (validated.exit_code, found) == (0, [("CLS004", "301班", said)]), source


AGAINST_FOURTH = "“班级”三年级(1)班 与名称“四年级”说的年级不同，按“班级”读"


@pytest.mark.parametrize(
    ("path", "sheet"),
    [("四年级.xlsx", "花名册"), ("名单.xlsx", "四年级"), ("四年级/花名册.xlsx", "花名册")],
)
@pytest.mark.parametrize(
    ("cells", "code", "expected"),
    [
        # A 年级 column left empty throughout.
        (
            [("301班", None), ("三年级(1)班", " "), ("四年级(2)班", None)],
            0,
            [
                ("CLS004", 2, "F", "301班", AGAINST_FOURTH),
                ("CLS004", 3, "F", "三年级(1)班", AGAINST_FOURTH),
            ],
        ),
        # Empty in some rows, a grade or no grade (12级) in others.
        (
            [
                ("301班", None),
                ("301班", "四年级"),
                ("三年级(1)班", "三年级"),
                ("四年级(2)班", None),
                ("301班", "12级"),
            ],
            1,
            [
                ("CLS004", 2, "F", "301班", AGAINST_FOURTH),
                ("CLS002", 3, "O", "四年级", "“年级”四年级 与“班级”三年级(1)班 不一致"),
                ("CLS004", 6, "F", "301班", AGAINST_FOURTH),
                ("CLS001", 6, "O", "12级", "无法识别的班级，请写成如“三年级(2)班”"),
            ],
        ),
    ],
    ids=["empty throughout", "empty in some rows"],
)
def test_a_class_of_another_grade_beside_an_empty_grade_is_said(
    tmp_path: Path,
    path: str,
    sheet: str,
    cells: list[tuple[str, str | None]],
    code: int,
    expected: list[tuple[str, int, str, str, str]],
) -> None:
    """301班 in 四年级.xlsx (or on a sheet 四年级, or in a folder 四年级) beside a 年级
    column left empty in its row was read as 三年级(1)班, and counted and paired there, with
    nothing said: a sheet with a 年级 column had CLS002 only, which an empty 年级 cannot
    give. Such a row is said as on a sheet with no 年级 column (CLS004), and so is one
    beside a 年级 of no grade (12级, itself said: CLS001). A row whose 年级 gives a grade
    keeps CLS002 only: 301班 beside 四年级 is said once, 三年级(1)班 beside 三年级 not."""
    kids = [
        [*CHILD_HEADER, "年级"],
        *([*child_row(n, cls=cls), grade] for n, (cls, grade) in enumerate(cells, 1)),
    ]
    write_books(tmp_path, {f"青山小学/{path}": {sheet: kids}})
    validated = run("validate", "青山小学", "--format", "json", cwd=tmp_path)
    found = [
        (f["code"], f["file"], f["sheet"], f["row"], f["column"], f["value"], f["message"])
        for f in validated.json()["findings"]
    ]
    file = f"青山小学/{path}"
    assert (validated.exit_code, found) == (
        code,
        [(rule, file, sheet, *where) for rule, *where in expected],
    )


def test_a_merged_rosters_class_of_another_grade_beside_an_empty_grade_is_said(
    tmp_path: Path,
) -> None:
    """301班 beside an empty 年级 in 青山小学/四年级.xlsx is said (CLS004) over the school's
    folder and over the county's roster merged from it, judged by the names of the file it
    came from; 301班 beside 三年级 there is not."""
    header = [*CHILD_HEADER, "年级"]
    kids = [header, [*child_row(1, cls="301班"), None], [*child_row(2, cls="301班"), "三年级"]]
    write_books(tmp_path, {"青山小学/四年级.xlsx": kids})
    assert run("merge", "青山小学", "-o", "县.xlsx", cwd=tmp_path).exit_code == 0
    for source in ("青山小学", "县.xlsx"):
        validated = run("validate", source, "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["value"], f["message"]) for f in validated.json()["findings"]]
        assert (validated.exit_code, found) == (0, [("CLS004", "301班", AGAINST_FOURTH)]), source


def test_a_cohort_in_the_grade_column_is_no_grade(tmp_path: Path) -> None:
    """A 年级 12级 (the pupils who came in 2012, as 2012级) was read 十二年级, and 3班
    beside it 十二年级(3)班 with nothing said: it is no grade, asked (CLS001), as 2012级
    is; 三年级 beside 3班 is 三年级(3)班."""
    header = [*CHILD_HEADER, "年级"]
    kids = [header, [*child_row(1, cls="3班"), "12级"], [*child_row(2, cls="3班"), "三年级"]]
    write_xlsx(tmp_path / "名单.xlsx", {"花名册": kids})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["row"], f["column"], f["value"]) for f in validated.json()["findings"]]
    assert (validated.exit_code, found) == (
        1,
        [("CLS001", 2, "F", "3班"), ("CLS001", 2, "O", "12级")],
    )


def by_class(source: str, cwd: Path) -> list[tuple[str, int]]:
    """The classes lbc summary counts ``source``'s children in, with their counts."""
    summary = run("summary", source, "--term", "2024-autumn", "--format", "json", cwd=cwd)
    return [(c["name"], c["count"]) for c in summary.json()["children"]["by_class"]]


def test_a_middle_schools_class_numbered_from_its_first_year_beside_its_grade(
    tmp_path: Path,
) -> None:
    """101班 beside a 年级 初一 (203 beside 初二), as a middle school numbers 初一(1)班, is
    still read as written, 一年级(1)班, and said (CLS002): a nine-year school numbering
    七年级 from 701 means 一年级 by 101. But its message only said the two disagree, and the
    rule told to correct the wrong one, when neither is: it says the number is probably
    初一's and how to write it, 初一(1)班 (read as 七年级(1)班 with nothing said), in the
    teachers list too. 401 beside 三年级 and 201班 beside 初一 (not 初一's number) keep the
    message."""
    header = [*CHILD_HEADER, "年级"]
    kids = [
        header,
        [*child_row(1, cls="101班"), "初一"],
        [*child_row(2, cls=203), "初二"],
        [*child_row(3, cls="401"), "三年级"],
        [*child_row(4, cls="201班"), "初一"],
    ]
    write_xlsx(tmp_path / "名单.xlsx", {"花名册": kids})
    validated = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    found = [
        (f["code"], f["row"], f["column"], f["value"], f["message"])
        for f in validated.json()["findings"]
    ]
    assert (validated.exit_code, found) == (
        0,
        [
            (
                "CLS002",
                2,
                "O",
                "初一",
                "“年级”七年级 与“班级”一年级(1)班 不一致；“101班”很可能是按初一=1编的班号，"
                "即初一1班，是的话请把班级写成“初一(1)班”，教师名单里的任教班级也照此写",
            ),
            (
                "CLS002",
                3,
                "O",
                "初二",
                "“年级”八年级 与“班级”二年级(3)班 不一致；“203”很可能是按初一=1编的班号，"
                "即初二3班，是的话请把班级写成“初二(3)班”，教师名单里的任教班级也照此写",
            ),
            ("CLS002", 4, "O", "三年级", "“年级”三年级 与“班级”四年级(1)班 不一致"),
            ("CLS002", 5, "O", "初一", "“年级”七年级 与“班级”二年级(1)班 不一致"),
        ],
    )
    english = run("--lang", "en", "validate", "名单.xlsx", "--format", "json", cwd=tmp_path)
    assert [f["message"] for f in english.json()["findings"]][:1] == [
        "年级 七年级 disagrees with 班级 一年级(1)班; 101班 probably numbers the classes from 初一"
        " as 1, for 初一 class 1: if so, write the class as 初一(1)班, and the teachers list's"
        " 任教班级 the same way"
    ]
    assert by_class("名单.xlsx", tmp_path) == [
        ("一年级(1)班", 1),
        ("二年级(1)班", 1),
        ("二年级(3)班", 1),
        ("四年级(1)班", 1),
    ]
    kids[1][5], kids[2][5] = "初一(1)班", "初二(3)班"  # as the messages say
    write_xlsx(tmp_path / "名单.xlsx", {"花名册": kids})
    found = run("validate", "名单.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [f["row"] for f in found] == [4, 5]
    assert by_class("名单.xlsx", tmp_path)[-2:] == [("七年级(1)班", 1), ("八年级(3)班", 1)]


def test_a_middle_schools_class_numbered_from_its_first_year_however_spaced(
    tmp_path: Path,
) -> None:
    """101 班 (a space before 班), 0101 and １０１班 beside 初一, or in 初一.xlsx beside an
    empty 年级, are read as 101班 is, 一年级(1)班, and said, but without the advice to
    write 初一(1)班 that 101班 gets: they get it, with the cell as written, over the
    school's folder and over a county's roster merged from it and another school's."""
    header = [*CHILD_HEADER, "年级"]
    cells = [("101 班", "初一"), ("0101", "初一"), ("１０１班", None), (" 0101班", None)]
    kids = [header, *([*child_row(n, cls=c), g] for n, (c, g) in enumerate(cells, 1))]
    other = [header, [*child_row(11, cls="三年级(1)班"), "三年级"]]
    write_books(tmp_path, {"青山中学/初一.xlsx": kids, "白鹤小学/名单.xlsx": other})
    assert run("merge", "青山中学", "白鹤小学", "-o", "县.xlsx", cwd=tmp_path).exit_code == 0

    def advised(raw: str) -> str:
        return (
            f"；“{raw}”很可能是按初一=1编的班号，即初一1班，是的话请把班级写成“初一(1)班”，"
            "教师名单里的任教班级也照此写"
        )

    disagree = "“年级”七年级 与“班级”一年级(1)班 不一致"
    against = "“班级”一年级(1)班 与名称“初一”说的年级不同，按“班级”读"
    for source in ("青山中学", "县.xlsx"):
        validated = run("validate", source, "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["row"], f["message"]) for f in validated.json()["findings"]]
        assert (validated.exit_code, found) == (
            0,
            [
                ("CLS002", 2, disagree + advised("101 班")),
                ("CLS002", 3, disagree + advised("0101")),
                ("CLS004", 4, against + advised("１０１班")),
                ("CLS004", 5, against + advised("0101班")),
            ],
        ), source


def test_a_merged_parquet_roster_keeps_the_advice_for_a_class_numbered_from_its_first_year(
    tmp_path: Path,
) -> None:
    """A county's Parquet roster merged from a middle school's 初一.xlsx stores each class
    as read (一年级(1)班), and validated lost the advice that 101班 beside 初一 (or beside
    an empty 年级 there), 101 班, or the number cell 203 beside 初二, is to be written
    初一(1)班 or 初二(3)班: those cells go with it as typed, and are advised as over the
    school's folder and over the county's merged workbook (学校 column), its classes read
    and counted alike; the primary school's 301班 beside 三年级 is not."""
    header = [*CHILD_HEADER, "年级"]
    cells = [("101班", "初一"), ("101班", None), ("101 班", "初一"), (203, "初二")]
    kids = [header, *([*child_row(n, cls=c), g] for n, (c, g) in enumerate(cells, 1))]
    other = [header, [*child_row(11, cls="301班"), "三年级"]]
    write_books(tmp_path, {"青山中学/初一.xlsx": kids, "白鹤小学/名单.xlsx": other})
    for out in ("县.xlsx", "县.parquet"):
        assert run("merge", "青山中学", "白鹤小学", "-o", out, cwd=tmp_path).exit_code == 0

    def advised(raw: str, level: str, number: int) -> str:
        return (
            f"；“{raw}”很可能是按初一=1编的班号，即{level}{number}班，"
            f"是的话请把班级写成“{level}({number})班”，教师名单里的任教班级也照此写"
        )

    first = "“年级”七年级 与“班级”一年级(1)班 不一致"
    against = "“班级”一年级(1)班 与名称“初一”说的年级不同，按“班级”读"
    second = "“年级”八年级 与“班级”二年级(3)班 不一致"
    expected = [
        ("CLS002", 2, first + advised("101班", "初一", 1)),
        ("CLS004", 3, against + advised("101班", "初一", 1)),
        ("CLS002", 4, first + advised("101 班", "初一", 1)),
        ("CLS002", 5, second + advised("203", "初二", 3)),
    ]
    for source in ("青山中学", "县.xlsx", "县.parquet"):
        validated = run("validate", source, "--format", "json", cwd=tmp_path)
        found = [(f["code"], f["row"], f["message"]) for f in validated.json()["findings"]]
        assert (validated.exit_code, found) == (0, expected), source
    assert by_class("县.parquet", tmp_path) == by_class("县.xlsx", tmp_path)


@pytest.mark.parametrize(
    ("path", "sheet"),
    [("初一.xlsx", "花名册"), ("名单.xlsx", "初一"), ("初一/花名册.xlsx", "花名册")],
)
def test_a_middle_schools_class_numbered_from_its_first_year_in_its_grades_file(
    tmp_path: Path, path: str, sheet: str
) -> None:
    """101班 in 初一.xlsx (or on a sheet 初一, or in a folder 初一) is read as written and
    said (CLS004), but the rule told to move the child to 一年级's file: the message says
    the number is probably 初一's and how to write it, 初一(1)班, in the teachers list too.
    That and 1班 here are read as 七年级(1)班 with nothing said, but 1班 is of no grade in a
    county's merged workbook. 201班 there (not 初一's number) keeps the message."""
    kids = [
        CHILD_HEADER,
        child_row(1, cls="101班"),
        child_row(2, cls=201),
        child_row(3, cls="1班"),
        child_row(4, cls="初一(1)班"),
    ]
    school = tmp_path / "青山中学"
    (school / path).parent.mkdir(parents=True)
    write_xlsx(school / path, {sheet: kids})
    validated = run("validate", "青山中学", "--format", "json", cwd=tmp_path)
    found = [
        (f["code"], f["row"], f["column"], f["value"], f["message"])
        for f in validated.json()["findings"]
    ]
    assert (validated.exit_code, found) == (
        0,
        [
            (
                "CLS004",
                2,
                "F",
                "101班",
                "“班级”一年级(1)班 与名称“初一”说的年级不同，按“班级”读；“101班”很可能是按"
                "初一=1编的班号，即初一1班，是的话请把班级写成“初一(1)班”，"
                "教师名单里的任教班级也照此写",
            ),
            ("CLS004", 3, "F", "201", "“班级”二年级(1)班 与名称“初一”说的年级不同，按“班级”读"),
        ],
    )
    assert by_class("青山中学", tmp_path) == [
        ("一年级(1)班", 1),
        ("二年级(1)班", 1),
        ("七年级(1)班", 2),
    ]


@pytest.mark.parametrize(
    ("path", "sheet"),
    [("初一.xlsx", "花名册"), ("名单.xlsx", "初一"), ("初一/花名册.xlsx", "花名册")],
)
def test_a_middle_schools_class_numbered_from_its_first_year_beside_an_empty_grade(
    tmp_path: Path, path: str, sheet: str
) -> None:
    """101班 in 初一.xlsx (or on a sheet 初一, or in a folder 初一) beside a 年级 column left
    empty in its row was read as 一年级(1)班 with nothing said, as 101班 beside 初一 there is
    not: said as in a file with no 年级 column (CLS004), with the same advice."""
    kids = [
        [*CHILD_HEADER, "年级"],
        [*child_row(1, cls="101班"), None],
        [*child_row(2, cls="101班"), "初一"],
    ]
    write_books(tmp_path, {f"青山中学/{path}": {sheet: kids}})
    validated = run("validate", "青山中学", "--format", "json", cwd=tmp_path)
    found = [
        (f["code"], f["row"], f["column"], f["value"], f["message"])
        for f in validated.json()["findings"]
    ]
    advised = (
        "；“101班”很可能是按初一=1编的班号，即初一1班，是的话请把班级写成“初一(1)班”，"
        "教师名单里的任教班级也照此写"
    )
    assert (validated.exit_code, found) == (
        0,
        [
            (
                "CLS004",
                2,
                "F",
                "101班",
                f"“班级”一年级(1)班 与名称“初一”说的年级不同，按“班级”读{advised}",
            ),
            ("CLS002", 3, "O", "初一", f"“年级”七年级 与“班级”一年级(1)班 不一致{advised}"),
        ],
    )


# 初一1班, 初一2班 and 初二3班 as a middle school numbers them, and their head teachers'.
NUMBERED = ("101班", 102, "203")
HEADS = ("101班", "102班", "203班")


def numbered_school(root: Path, layout: str, classes: Sequence[Any], heads: Sequence[str]) -> Path:
    """青山中学 under ``root``: two children of 初一 and one of 初二 in ``classes``, their
    grades given by a 年级 column, by files 初一.xlsx and 初二.xlsx, or by sheets so named
    (``layout``), and 教师.xlsx with the head teacher of ``classes[k]`` teaching ``heads[k]``.
    ``root``, to run in."""
    kids = [child_row(n + 1, cls=cls) for n, cls in enumerate(classes)]
    if layout == "年级":
        grades = ("初一", "初一", "初二")
        books: dict[str, Any] = {
            "花名册.xlsx": [
                [*CHILD_HEADER, "年级"],
                *([*k, g] for k, g in zip(kids, grades, strict=True)),
            ]
        }
    elif layout == "初一.xlsx":
        books = {"初一.xlsx": [CHILD_HEADER, *kids[:2]], "初二.xlsx": [CHILD_HEADER, kids[2]]}
    else:
        books = {"名单.xlsx": {"初一": [CHILD_HEADER, *kids[:2]], "初二": [CHILD_HEADER, kids[2]]}}
    teachers = [
        [name, "女", f"1380000000{k}", "班主任", cls, "语文", "是", "是"]
        for k, (name, cls) in enumerate(zip(("李老师", "王老师", "赵老师"), heads, strict=True))
    ]
    books["教师.xlsx"] = {"教师": [TEACHER_HEADER, *teachers]}
    return write_books(root, {f"青山中学/{name}": book for name, book in books.items()})


def class_findings(source: str | Path, cwd: Path) -> list[dict[str, Any]]:
    """lbc validate's CLS findings on ``source``."""
    found = run("validate", source, "--format", "json", cwd=cwd).json()["findings"]
    return [f for f in found if f["code"].startswith("CLS")]


def pairing(source: str | Path, cwd: Path) -> list[tuple[str, str, str]]:
    """Each child lbc pair pairs in ``source``, with its teacher and why, by name."""
    pairs = run("pair", source, "--format", "json", cwd=cwd).json()["pairs"]
    return sorted((p["child"], p["teacher"], p["reason"]) for p in pairs)


def advice(finding: dict[str, Any]) -> tuple[str, bool]:
    """The class a CLS002 or CLS004 finding says to write, and whether it says to write the
    teachers list's 任教班级 so too."""
    written = re.search("请把班级写成“(.+?)”", finding["message"])
    assert written, finding["message"]
    return written[1], "教师名单里的任教班级也照此写" in finding["message"]


HEADS_PAIRED = [
    ("张雨涵", "李老师", "本班班主任"),
    ("李明轩", "王老师", "本班班主任"),
    ("王梓萱", "赵老师", "本班班主任"),
]


@pytest.mark.parametrize("layout", ["年级", "初一.xlsx", "sheet 初一"])
def test_classes_written_as_advised_keep_their_head_teachers(tmp_path: Path, layout: str) -> None:
    """101班, 102 and 203 of 初一 and 初二, beside a 年级 column or in files or on sheets
    named so, with head teachers of 101班, 102班 and 203班, are paired with them (each side
    read as 一年级(1)班, 一年级(2)班, 二年级(3)班) and said (CLS002 or CLS004). Rewritten
    as the findings advise, the children's classes and the teachers', in the school's files
    and in the county's merged workbook, nothing is said and each child keeps its head
    teacher. The advice was 1班, which the merged workbook reads as of no grade (CLS001),
    and nothing about the teachers, whose 101班 left so made each child 跨年级调配."""
    school = numbered_school(tmp_path / "学校", layout, NUMBERED, HEADS)
    county = tmp_path / "县.xlsx"
    run("merge", school / "青山中学", "--out", county)
    assert pairing("青山中学", school) == pairing(county, tmp_path) == HEADS_PAIRED

    advised = [advice(f) for f in class_findings("青山中学", school)]
    classes = [cls for cls, _ in advised]
    heads = [cls if too else head for (cls, too), head in zip(advised, HEADS, strict=True)]
    rewritten = numbered_school(tmp_path / "改后", layout, classes, heads)
    found_and_paired = class_findings("青山中学", rewritten), pairing("青山中学", rewritten)
    assert found_and_paired == ([], HEADS_PAIRED)

    found = class_findings(county, tmp_path)
    book = load_workbook(county)
    kids, teachers = book["留守儿童花名册"], book["教师名单"]
    column = [c.value for c in kids[1]].index("班级") + 1
    head_column = [c.value for c in teachers[1]].index("任教班级") + 1
    assert [f["row"] for f in found] == [2, 3, 4]  # 教师名单's row k: row k's head teacher
    for f in found:
        cls, too = advice(f)
        kids.cell(f["row"], column).value = cls
        if too:
            teachers.cell(f["row"], head_column).value = cls
    book.save(county)
    assert (class_findings(county, tmp_path), pairing(county, tmp_path)) == ([], HEADS_PAIRED)


def test_a_class_typed_as_a_number_that_may_have_lost_its_zero(tmp_path: Path) -> None:
    """班级 typed as numbers: 3.2 is 三年级(2)班, but Excel keeps 3.10 as 3.1, so beside a
    third grade's 3.12 and 三年级(10)班 the number 3.1 may be class 1 or class 10: CLS001
    saying why, where before the child was put in class 1. 3.2 (class 20 there is not) and
    the fourth grade's 4.1 (no class of ten or more) are read as before; the summary
    counts the child under the class as written, as it does any class it cannot read."""
    classes = [3.1, 3.2, 3.12, "三年级(10)班", 4.1]
    rows = [child_row(n, cls=c) for n, c in enumerate(classes, 1)]
    path = write_xlsx(tmp_path / "roster.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]] == [
        (
            "CLS001",
            2,
            "F",
            "无法识别的班级（数字 3.1 也可能是 3.10：Excel 会去掉小数末尾的 0），"
            "请写成如“三年级(2)班”",
        )
    ]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert summary["children"]["by_class"] == [
        {"name": "三年级(2)班", "count": 1},
        {"name": "三年级(10)班", "count": 1},
        {"name": "三年级(12)班", "count": 1},
        {"name": "四年级(1)班", "count": 1},
        {"name": "3.1", "count": 1},
    ]


def test_whole_class_codes_and_another_schools_classes_leave_a_number_read(
    tmp_path: Path,
) -> None:
    """301 … 312 in an .xlsx (a reader gives 301.0) lose no zero: all read, 301 as
    三年级(1)班. In a county's sheet, 青山小学's 3.12 says nothing of 白云小学's 3.1, read
    as 三年级(1)班; 青山小学's own 3.1 beside it is CLS001."""
    rows = [child_row(n, cls=c) for n, c in enumerate([301, 302, 310, 312], 1)]
    path = write_xlsx(tmp_path / "codes.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc = run("validate", path, "--format", "json").json()
    assert doc["findings"] == []
    schools = ["青山小学", "青山小学", "白云小学", "白云小学"]
    rows = [
        [school, *child_row(n, cls=c)]
        for n, (school, c) in enumerate(zip(schools, [3.12, 3.1, 3.1, 3.2], strict=True), 1)
    ]
    path = write_xlsx(tmp_path / "county.xlsx", {"花名册": [["学校", *CHILD_HEADER], *rows]})
    doc = run("validate", path, "--format", "json").json()
    assert [(f["code"], f["row"]) for f in doc["findings"]] == [("CLS001", 3)]


def test_a_class_excel_made_a_date_is_said_so(tmp_path: Path) -> None:
    """3-2 typed into a 班级 cell of the General format is made the date 3月2日 by Excel
    (and WPS), which the school sees as 3月2日: CLS001 showed 2026-03-02 and asked for a
    class, as if the school had typed a date. It says the cell is a date and why; the
    class is still asked for, never guessed (3-2 or 2-3?)."""
    import datetime as dt

    kids = [
        CHILD_HEADER,
        child_row(1, cls=dt.datetime(2026, 3, 2)),
        child_row(2, cls=dt.date(2025, 12, 1)),
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": kids})
    validated = run("validate", path, "--select", "CLS", "--format", "json")
    found = [(f["code"], f["row"], f["message"]) for f in validated.json()["findings"]]
    said = (
        "无法识别的班级（这一格是日期 {0}月{1}日：在常规格式的单元格里输入“{0}-{1}”或“{0}/{1}”，"
        "Excel 会自动变成日期；请先把这一列设为文本），请写成如“三年级(2)班”"
    )
    assert (validated.exit_code, found) == (
        1,
        [("CLS001", 2, said.format(3, 2)), ("CLS001", 3, said.format(12, 1))],
    )
