"""A child on two schools' rosters: one ID number on a row of each. On the books of both, a
county counts her twice (DUP003, naming the two schools as their lines do); 转出 or 毕业 where
she left, the rosters are kept right (no finding), and she is one child all the same.
Through the real CLI on real workbooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import child_cells, run, table, write_books


def titled(school: str, *kids: dict[str, object]) -> dict[str, list[list[object]]]:
    """A roster of ``kids`` under its school's title, which declares the school."""
    return {"花名册": [[f"{school}留守儿童花名册"], *table(list(kids))]}


def test_a_child_who_moved_school_is_one_child_on_validates_last_line(tmp_path: Path) -> None:
    """张雨涵 left 青山小学 for 白鹤小学 (转出 on 青山小学's roster, 在校 on 白鹤小学's), 李明轩
    the other way: both rosters kept right, no finding. validate's last line counted each
    twice, 4 children for 2 over the folder, its merged .xlsx and .parquet: only a row said
    to repeat one (DUP001, DUP003) was no child more. Each school's line still counts the
    children its roster lists."""
    write_books(
        tmp_path / "县",
        {
            "a/花名册.xlsx": titled(
                "青山小学", child_cells(1, 在校状态="转出"), child_cells(2, 在校状态="在校")
            ),
            "b/花名册.xlsx": titled(
                "白鹤小学", child_cells(1, 在校状态="在校"), child_cells(2, 在校状态="转出")
            ),
        },
    )
    for source in ("县", "全县.xlsx", "全县.parquet"):
        if source != "县":
            assert run("merge", "县", "--out", source, cwd=tmp_path).exit_code == 0
        result = run("validate", source, cwd=tmp_path)
        assert (result.exit_code, result.stdout.splitlines()) == (
            0,
            [
                "没有发现问题。",
                "青山小学：2 名儿童，0 个错误，0 个警告",
                "白鹤小学：2 名儿童，0 个错误，0 个警告",
                "共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
            ],
        ), source


# 王梓萱 (child 3) is on both schools' rosters, 李明轩 (child 2) twice on 青山小学's.
QINGSHAN = [child_cells(1), child_cells(2), child_cells(2), child_cells(3)]
BAIHE = [child_cells(3), child_cells(4), child_cells(5)]
IN_FOLDERS = {"县/青山小学/花名册.xlsx": QINGSHAN, "县/白鹤小学/花名册.xlsx": BAIHE}
ACROSS = "同一身份证号出现在多所学校（{}）：重复统计，或有一处登记错误"
TWICE = "身份证号与第 3 行重复"


@pytest.mark.parametrize(
    ("books", "given", "found", "lines"),
    [
        (  # each school's folder, 白鹤小学's read first
            IN_FOLDERS,
            ["县"],
            [
                ("县/青山小学/花名册.xlsx", "D4", "DUP001", TWICE),
                ("县/青山小学/花名册.xlsx", "D5", "DUP003", ACROSS.format("白鹤小学、青山小学")),
            ],
            ["白鹤小学：3 名儿童，0 个错误，0 个警告", "青山小学：3 名儿童，2 个错误，0 个警告"],
        ),
        (  # the same files, given in this order
            IN_FOLDERS,
            ["县/青山小学/花名册.xlsx", "县/白鹤小学/花名册.xlsx"],
            [
                ("县/青山小学/花名册.xlsx", "D4", "DUP001", TWICE),
                ("县/白鹤小学/花名册.xlsx", "D2", "DUP003", ACROSS.format("青山小学、白鹤小学")),
            ],
            ["青山小学：3 名儿童，1 个错误，0 个警告", "白鹤小学：3 名儿童，1 个错误，0 个警告"],
        ),
        (  # each school's file named by it
            {"县/青山小学.xlsx": QINGSHAN, "县/白鹤小学.xlsx": BAIHE},
            ["县"],
            [
                ("县/青山小学.xlsx", "D4", "DUP001", TWICE),
                ("县/青山小学.xlsx", "D5", "DUP003", ACROSS.format("白鹤小学、青山小学")),
            ],
            ["白鹤小学：3 名儿童，0 个错误，0 个警告", "青山小学：3 名儿童，2 个错误，0 个警告"],
        ),
    ],
)
def test_a_child_on_two_untitled_schools_rosters_is_said_across_schools(
    tmp_path: Path,
    books: dict[str, list[dict[str, object]]],
    given: list[str],
    found: list[tuple[str, str, str, str]],
    lines: list[str],
) -> None:
    """Two schools' rosters that declare no school, named by their folders or their files:
    王梓萱 on both was said as DUP001 (身份证号与县/白鹤小学/花名册.xlsx“花名册”第 2 行重复), a
    double within one school, where validate's lines, lbc merge and validate over the
    merged roster take them for two schools and say DUP003. The checks told schools apart
    by what their files declare, which these do not: now by the names every count goes by.
    李明轩 twice on 青山小学's roster is still DUP001; the last line counts 5 children."""
    write_books(tmp_path, {name: table(kids) for name, kids in books.items()})
    doc = run("validate", *given, "--format", "json", cwd=tmp_path).json()
    said = [
        (f["file"], f"{f['column']}{f['row']}", f["code"], f["message"]) for f in doc["findings"]
    ]
    assert said == found
    result = run("validate", *given, cwd=tmp_path)
    assert (result.exit_code, result.stdout.splitlines()[-3:]) == (
        1,
        [*lines, "共检查 5 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告"],
    )
    # As over their merged roster, at its row of 王梓萱 on the school read second.
    assert run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).exit_code == 1  # its problems
    merged = run("validate", "全县.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["message"]) for f in merged] == [
        ("DUP001", "身份证号与第 6 行重复"),
        ("DUP003", ACROSS.format("白鹤小学、青山小学")),
    ]


def test_a_child_who_moved_between_untitled_schools_is_no_finding(tmp_path: Path) -> None:
    """县/白鹤小学/, 县/青山小学/ and 县/石门小学/ declare no school. 张雨涵 is 在校 at 白鹤小学
    and 转出 at 青山小学, 李明轩 the other way, 王梓萱 毕业 at 石门小学 and 在校 at 青山小学:
    each move recorded right, no finding over their merged roster, but three DUP001 over
    the folder, each a double within one school. Now only 刘浩然, twice on 石门小学's roster,
    is said (by lbc summary too); each child is counted once on the last line."""
    write_books(
        tmp_path / "县",
        {
            "白鹤小学/花名册.xlsx": table(
                [child_cells(1, 在校状态="在校"), child_cells(2, 在校状态="转出")]
            ),
            "青山小学/花名册.xlsx": table(
                [
                    child_cells(1, 在校状态="转出"),
                    child_cells(2, 在校状态="在校"),
                    child_cells(3, 在校状态="在校"),
                ]
            ),
            "石门小学/花名册.xlsx": table(
                [
                    child_cells(3, 在校状态="毕业"),
                    child_cells(4, 在校状态="毕业"),
                    child_cells(4, 在校状态="毕业"),
                ]
            ),
        },
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    said = [
        (f["file"], f"{f['column']}{f['row']}", f["code"], f["message"]) for f in doc["findings"]
    ]
    assert said == [("县/石门小学/花名册.xlsx", "D4", "DUP001", "身份证号与第 3 行重复")]
    result = run("validate", "县", cwd=tmp_path)
    assert (result.exit_code, result.stdout.splitlines()[-4:]) == (
        1,
        [
            "白鹤小学：2 名儿童，0 个错误，0 个警告",
            "石门小学：2 名儿童，1 个错误，0 个警告",
            "青山小学：3 名儿童，0 个错误，0 个警告",
            "共检查 4 名儿童、0 名教师、0 条帮扶记录：1 个错误，0 个警告",
        ],
    )
    # lbc summary's count of the archive's problems goes by the same findings.
    summary = run("summary", "县", "--term", "2024秋", "--format", "json", cwd=tmp_path).json()
    assert (summary["archive"]["errors"], summary["archive"]["findings"]) == (
        1,
        [{"code": "DUP001", "title": "身份证号重复", "severity": "error", "count": 1}],
    )


def test_a_child_twice_on_her_schools_roster_is_a_double_there_though_another_lists_her(
    tmp_path: Path,
) -> None:
    """张雨涵 is on 白鹤小学's roster and twice on 青山小学's. 青山小学's second row was said as
    DUP003 across 白鹤小学 and 青山小学, as its first row is, so nothing said that 青山小学
    lists her twice: it is DUP001 of 青山小学's own row 2. The counts are as they were."""
    write_books(
        tmp_path / "县",
        {
            "白鹤小学/花名册.xlsx": table([child_cells(1), child_cells(4)]),
            "青山小学/花名册.xlsx": table([child_cells(1), child_cells(2), child_cells(1)]),
        },
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [
        (f["file"], f"{f['column']}{f['row']}", f["code"], f["message"]) for f in doc["findings"]
    ] == [
        ("县/青山小学/花名册.xlsx", "D2", "DUP003", ACROSS.format("白鹤小学、青山小学")),
        ("县/青山小学/花名册.xlsx", "D4", "DUP001", "身份证号与第 2 行重复"),
    ]
    result = run("validate", "县", cwd=tmp_path)
    assert result.stdout.splitlines()[-3:] == [
        "白鹤小学：2 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，2 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告",
    ]


def test_a_child_on_three_schools_rosters_is_said_on_all_three_at_each(tmp_path: Path) -> None:
    """张雨涵 is on the books of 青山小学, 白鹤小学 and 石桥小学, in their folders and in one
    merged roster with a 学校 column. Each school's DUP003 named the first school read and
    its own only, so 石桥小学's said nothing of 青山小学: now each names all three, in the
    order the schools are read, in Chinese and in English. The counts are as they were."""
    write_books(
        tmp_path,
        {
            "县/青山小学/花名册.xlsx": table([child_cells(1), child_cells(2)]),
            "县/白鹤小学/花名册.xlsx": table([child_cells(1), child_cells(3)]),
            "县/石桥小学/花名册.xlsx": table([child_cells(4), child_cells(1)]),
            "全县.xlsx": table(
                [
                    child_cells(1, 学校="青山小学"),
                    child_cells(2, 学校="青山小学"),
                    child_cells(1, 学校="白鹤小学"),
                    child_cells(3, 学校="白鹤小学"),
                    child_cells(4, 学校="石桥小学"),
                    child_cells(1, 学校="石桥小学"),
                ]
            ),
        },
    )
    english = "the same ID number in more than one school ({}): counted twice, or one record wrong"
    for source, found, schools in (
        (  # 白鹤小学's folder read first, then 石桥小学's, then 青山小学's
            "县",
            [
                ("县/石桥小学/花名册.xlsx", "D3", "白鹤小学、石桥小学、青山小学"),
                ("县/青山小学/花名册.xlsx", "D2", "白鹤小学、石桥小学、青山小学"),
            ],
            [
                "白鹤小学：2 名儿童，0 个错误",
                "石桥小学：2 名儿童，1 个错误",
                "青山小学：2 名儿童，1 个错误",
            ],
        ),
        (  # its rows in order
            "全县.xlsx",
            [
                ("全县.xlsx", "D4", "青山小学、白鹤小学、石桥小学"),
                ("全县.xlsx", "D7", "青山小学、白鹤小学、石桥小学"),
            ],
            [
                "青山小学：2 名儿童，0 个错误",
                "白鹤小学：2 名儿童，1 个错误",
                "石桥小学：2 名儿童，1 个错误",
            ],
        ),
    ):
        for lang, message, sep in (("zh", ACROSS, "、"), ("en", english, ", ")):
            doc = run("--lang", lang, "validate", source, "--format", "json", cwd=tmp_path)
            assert [
                (f["file"], f"{f['column']}{f['row']}", f["code"], f["message"])
                for f in doc.json()["findings"]
            ] == [
                (file, cell, "DUP003", message.format(schools.replace("、", sep)))
                for file, cell, schools in found
            ], (source, lang)
        result = run("validate", source, cwd=tmp_path)
        assert (result.exit_code, result.stdout.splitlines()[-4:]) == (
            1,
            [
                *(f"{line}，0 个警告" for line in schools),
                "共检查 4 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告",
            ],
        ), source


def test_pair_says_which_school_pairs_a_child_on_two_rosters_and_whose_teacher_it_drops(
    tmp_path: Path,
) -> None:
    """王梓萱 (child 3) is at school on both rosters, each naming her a teacher of its own.
    She is paired once, in the school whose row is kept (白鹤小学, listed first), with that
    school's 李强. The note used to say only that the two rows were paired as one child:
    not in which school, and 青山小学's 王芳 was dropped without a word. Without a teacher
    named by 青山小学, the note names the school alone."""
    teachers = ["姓名", "性别", "联系电话", "职务", "任教班级", "任教学科", "党员", "在岗"]

    def school(kids: list[dict[str, object]], teacher: str, phone: str) -> dict[str, object]:
        staff = [teacher, "女", phone, "", "三年级(1)班", "语文", "否", "是"]
        return {"花名册": table(kids), "教师": [teachers, staff]}

    for qingshan_names, tail in (
        ("王芳", "，青山小学为她填的帮扶教师王芳没有沿用"),
        (None, ""),
    ):
        root = tmp_path / ("named" if qingshan_names else "unnamed")
        write_books(
            root / "县",
            {
                "青山小学/花名册.xlsx": school(
                    [child_cells(1, 帮扶教师="王芳"), child_cells(3, 帮扶教师=qingshan_names)],
                    "王芳",
                    "13800000001",
                ),
                "白鹤小学/花名册.xlsx": school(
                    [child_cells(3, 帮扶教师="李强"), child_cells(4)], "李强", "13800000002"
                ),
            },
        )
        result = run("pair", "县", "--format", "json", cwd=root)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines() == [
            "提示：县/青山小学/花名册.xlsx“花名册”第 3 行与县/白鹤小学/花名册.xlsx“花名册”"
            "第 2 行身份证号相同，两所学校的花名册都登记她在校：按同一名儿童在白鹤小学结对"
            f"{tail}；请核对她现在在哪所学校"
        ]
        pairs = json.loads(result.stdout)["pairs"]
        assert [(p["class"], p["row"], p["teacher"], p["kept"]) for p in pairs] == [
            ("白鹤小学 三年级(2)班", 2, "李强", True),
            ("白鹤小学 三年级(2)班", 3, "李强", False),
            ("青山小学 三年级(2)班", 2, "王芳", True),
        ]
