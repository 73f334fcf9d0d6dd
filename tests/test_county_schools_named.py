"""Which school each file of a county's folder is counted under, when its school comes from
its folder or its file's name: a year's or a term's folder is no school, nor a name of
letters alone, and a file named for a school is that school's. Through the real CLI on
real workbooks, over lbc validate (text and JSON), lbc merge's 学校 column and lbc pair.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_books


def pooled_note(file: str, folder: str = "县") -> str:
    """The note that ``file`` is counted as ``folder``, which is no school."""
    return (
        f"提示：{file} 没有写明学校，文件名也看不出是哪一所学校的，"
        f"因此按文件夹名“{folder}”统计、结对，但“{folder}”不是一所学校；请在表中加“学校”列写明学校，或把文件放进所属学校自己的文件夹\n"
    )


def merged_schools(root: Path, folder: str = "县") -> list[tuple[str, str]]:
    """lbc merge's 学校 and 姓名 of each child in the merged workbook of ``folder``."""
    result = run("merge", folder, "--out", "全县.xlsx", cwd=root)
    assert result.exit_code == 0, result.stdout + result.stderr
    rows = load_workbook(root / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    header = next(rows)
    school, name = header.index("学校"), header.index("姓名")
    return sorted((row[school], row[name]) for row in rows)


def pair_lines(root: Path, folder: str = "县") -> list[str]:
    """lbc pair's line of each school over ``folder``."""
    out = run("pair", folder, cwd=root).stdout.splitlines()
    return [line for line in out if "名儿童参与结对，" in line and not line.startswith("共")]


def paired(school: str) -> str:
    return f"{school}：1 名儿童参与结对，已结对 1 名，未结对 0 名；1 名教师，帮扶名额 1 个"


@pytest.mark.parametrize("folder", ["2024", "2024秋", "2024-2025学年", "第一学期"])
def test_a_years_or_a_terms_folder_is_no_school(tmp_path: Path, folder: str) -> None:
    """县/2024/花名册.xlsx was counted, merged and paired as a school 2024, with nothing
    said: a folder named by digits alone was read as a school's code. A year's folder, as
    a term's (县/2024秋/), is no school: its files go by the county's folder, said so; a
    school's code of other digits (县/20241/) is a school still."""
    write_books(
        tmp_path / "县",
        {
            f"{folder}/花名册.xlsx": table([kid(1)]),
            f"{folder}/教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "20241/花名册.xlsx": table([kid(2)]),
            "20241/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
            "白鹤小学/花名册.xlsx": table([kid(3, C51)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("李强", C51)])},
        },
    )
    # Each school in the order of its folder's files.
    order = [name for _, name in sorted([(folder, "县"), ("20241", "20241"), ("白鹤小学",) * 2])]
    note = pooled_note(f"县/{folder}/花名册.xlsx")
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            *(f"{name}：1 名儿童，0 个错误，0 个警告" for name in order),
            "共检查 3 名儿童、3 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        (name, 1) for name in order
    ]
    assert merged_schools(tmp_path) == [
        ("20241", "李明轩"),
        ("县", "张雨涵"),
        ("白鹤小学", "王梓萱"),
    ]
    assert pair_lines(tmp_path) == [paired(name) for name in ("20241", "县", "白鹤小学")]


@pytest.mark.parametrize("own", ["白鹤小学花名册.xlsx", "白鹤小学.xlsx", "花名册.xlsx"])
def test_a_county_file_named_for_a_school_is_that_schools(tmp_path: Path, own: str) -> None:
    """县/白鹤小学花名册.xlsx, beside the school's own folder 县/白鹤小学/ holding its
    白鹤小学花名册.xlsx, was counted, merged and paired under 县, with a note that its name
    shows no school: two folders' files named 白鹤小学 were read as namesake schools told
    by their folders. A folder named for the school is that school's own: both files are
    白鹤小学's, as the county's file is beside the folder's 花名册.xlsx."""
    write_books(
        tmp_path / "县",
        {
            "白鹤小学花名册.xlsx": table([kid(1)]),
            f"白鹤小学/{own}": table([kid(2, C51)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("王芳", C32), teacher("李强", C51)])},
            "青山小学/花名册.xlsx": table([kid(3)]),
            "青山小学/教师.xlsx": {"教师": table([teacher("赵敏", C32)])},
        },
    )
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "白鹤小学：2 名儿童，0 个错误，0 个警告",
            "青山小学：1 名儿童，0 个错误，0 个警告",
            "共检查 3 名儿童、3 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        "",
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 1),
    ]
    assert merged_schools(tmp_path) == [
        ("白鹤小学", "张雨涵"),
        ("白鹤小学", "李明轩"),
        ("青山小学", "王梓萱"),
    ]
    assert pair_lines(tmp_path) == [
        "白鹤小学：2 名儿童参与结对，已结对 2 名，未结对 0 名；2 名教师，帮扶名额 4 个",
        paired("青山小学"),
    ]


def test_a_townships_file_named_for_a_school_beside_its_folder_is_not_pooled(
    tmp_path: Path,
) -> None:
    """县/城关镇/白鹤小学.xlsx beside the school's own folder 县/白鹤小学/ holding its
    白鹤小学花名册.xlsx may be the township's namesake school's, not the county's: were they
    pooled, 城关镇's children would be counted as 白鹤小学's and paired with its teachers
    with nothing said. They go by 城关镇, said so, as two townships' files of one name do."""
    write_books(
        tmp_path / "县",
        {
            "城关镇/白鹤小学.xlsx": table([kid(1), kid(2)]),
            "白鹤小学/白鹤小学花名册.xlsx": table([kid(3), kid(4)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("王芳", C32), teacher("李强", C32)])},
        },
    )
    note = pooled_note(str(Path("县", "城关镇", "白鹤小学.xlsx")), "城关镇")
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "城关镇：2 名儿童，0 个错误，0 个警告",
            "白鹤小学：2 名儿童，0 个错误，0 个警告",
            "共检查 4 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    assert merged_schools(tmp_path) == [
        ("城关镇", "张雨涵"),
        ("城关镇", "李明轩"),
        ("白鹤小学", "刘浩然"),
        ("白鹤小学", "王梓萱"),
    ]
    assert pair_lines(tmp_path) == [
        "城关镇：2 名儿童参与结对，已结对 0 名，未结对 2 名；0 名教师，帮扶名额 0 个",
        "白鹤小学：2 名儿童参与结对，已结对 2 名，未结对 0 名；2 名教师，帮扶名额 4 个",
    ]


@pytest.mark.parametrize("top", ["教育局", "各校花名册"])
def test_a_file_at_the_top_of_a_folder_of_schools_is_said(tmp_path: Path, top: str) -> None:
    """教育局/花名册.xlsx beside 教育局/白鹤小学/ was counted, merged and paired as a school
    教育局, with nothing said, where 县/花名册.xlsx is said to go by 县, which is no school:
    a folder holding other schools' folders is no school either, however it is named. Not
    a school's own folder holding its teaching point's (青山小学/石门教学点/)."""
    write_books(
        tmp_path / top,
        {
            "花名册.xlsx": table([kid(1)]),
            "教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "白鹤小学/花名册.xlsx": table([kid(2, C51)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("李强", C51)])},
        },
    )
    note = pooled_note(f"{top}/花名册.xlsx", top)
    checked = run("validate", top, cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            f"{top}：1 名儿童，0 个错误，0 个警告",
            "共检查 2 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    inside = run("validate", ".", cwd=tmp_path / top)
    assert inside.stderr == pooled_note("花名册.xlsx", top)
    doc = run("validate", top, "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("白鹤小学", 1),
        (top, 1),
    ]
    assert merged_schools(tmp_path, top) == [(top, "张雨涵"), ("白鹤小学", "李明轩")]
    assert pair_lines(tmp_path, top) == [paired(top), paired("白鹤小学")]
    paired_out = run("pair", top, cwd=tmp_path)
    assert note in paired_out.stderr


def test_a_schools_folder_holding_its_teaching_points_is_its_own(tmp_path: Path) -> None:
    """青山小学/花名册.xlsx beside 青山小学/石门教学点/: the central school's own roster, said
    of nothing."""
    write_books(
        tmp_path / "青山小学",
        {"花名册.xlsx": table([kid(1)]), "石门教学点/花名册.xlsx": table([kid(2, C51)])},
    )
    checked = run("validate", "青山小学", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "石门教学点：1 名儿童，0 个错误，0 个警告",
            "青山小学：1 名儿童，0 个错误，0 个警告",
            "共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        "",
    )


def test_a_county_files_named_alike_by_every_townships_name_are_said(tmp_path: Path) -> None:
    """县/甲.xlsx titled 中心小学 beside 县/中心小学.xlsx, named so alone, were counted, merged
    and paired as one school 中心小学, with nothing said: every township has a 中心小学, and
    a county's folder tells not whose each is. They are one school still, as a title and a
    name of one folder are (a township's folder names its own: 城关镇中心小学), said so."""
    write_books(
        tmp_path / "县",
        {
            "甲.xlsx": [["中心小学留守儿童花名册"], *table([kid(1)])],
            "中心小学.xlsx": table([kid(2)]),
            "中心小学教师.xlsx": {"教师": table([teacher("王芳", C32)])},
            "白鹤小学/花名册.xlsx": table([kid(3, C51)]),
            "白鹤小学/教师.xlsx": {"教师": table([teacher("李强", C51)])},
        },
    )
    note = (
        "提示：县/中心小学.xlsx、县/甲.xlsx 写的学校都是“中心小学”，看不出是哪个乡镇的，"
        "按同一所学校“中心小学”统计、结对；如果不是同一所学校，请在“学校”列写明各自的全称"
        "（如加上乡镇名），或把文件放进各自乡镇的文件夹\n"
    )
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "中心小学：2 名儿童，0 个错误，0 个警告",
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            "共检查 3 名儿童、2 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        note,
    )
    doc = run("validate", "县", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"]) for s in doc["summary"]["schools"]] == [
        ("中心小学", 2),
        ("白鹤小学", 1),
    ]
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.stderr == "已写出合并名册：全县.xlsx（5 个文件）\n" + note
    assert merged_schools(tmp_path) == [
        ("中心小学", "张雨涵"),
        ("中心小学", "李明轩"),
        ("白鹤小学", "王梓萱"),
    ]
    assert pair_lines(tmp_path) == [
        "中心小学：2 名儿童参与结对，已结对 2 名，未结对 0 名；1 名教师，帮扶名额 2 个",
        paired("白鹤小学"),
    ]
    assert note in run("pair", "县", cwd=tmp_path).stderr
