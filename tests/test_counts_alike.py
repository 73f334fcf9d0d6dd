"""A county's folder counted by every command that counts its children and schools: the
same children, and the same schools, in each. Through the real CLI on real workbooks."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from test_merge_county_folder import headline
from test_pair import C51, kid

from conftest import (
    CHILD_HEADER,
    NAMES,
    RECORD_HEADER,
    TEACHER_HEADER,
    Row,
    child_row,
    on_a_terminal,
    run,
    table,
    write_books,
    write_xlsx,
)


def unreachable(n: int, cls: str | None = None) -> Row:
    """Child ``n`` with no phone at all: lbc flag lists every child of the county."""
    none = {"父亲电话": None, "母亲电话": None, "监护人电话": None}
    return kid(n, **none) if cls is None else kid(n, cls, **none)


def assert_three_children_in_two_schools(
    tmp_path: Path, each: list[tuple[str, int]], rows: int
) -> None:
    """县's three children, each ID once, in two schools counting ``each`` as validate's
    lines and merge's table (its row of records of no school apart) say them; merge's
    JSON says the children as validate's does, and its ``rows`` apart."""
    checked = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    assert checked["children"] == 3
    assert [(s["school"], s["children"]) for s in checked["schools"]] == each

    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    said = merged["summary"]
    assert (said["children"], said["rows"], said["on_books"], said["schools"]) == (3, rows, 3, 2)
    assert [(s["school"], s["children"]) for s in merged["schools"] if s["school"]] == each


def test_every_command_counts_a_countys_children_and_schools_alike(tmp_path: Path) -> None:
    """县/白鹤小学/ lists 张雨涵 and 王梓萱; 县/青山小学/ 张雨涵 twice (rows 2 and 4) and 李明轩;
    县/帮扶记录.xlsx, of no school, a record of 李明轩 and one of a child on no roster. Three
    children (one ID number each) of two schools, whichever command counts them; the file
    of records is no third school in any. Each school's line in validate and merge counts
    its own children once: 张雨涵 is on both schools' rosters, so on both lines."""
    rosters = {
        "白鹤小学": [unreachable(1), unreachable(3, C51)],
        "青山小学": [unreachable(1), unreachable(2), unreachable(1)],
    }
    for school, kids in rosters.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})
    visit = ["2024-10-09", "王芳", "李明轩", "三年级(2)班", "家访", "看望"]
    nobody = ["2024-10-09", "王芳", "不存在", "三年级(2)班", "家访", "看望"]
    write_xlsx(tmp_path / "县" / "帮扶记录.xlsx", {"帮扶记录": [RECORD_HEADER, visit, nobody]})
    schools = ["白鹤小学", "青山小学"]
    each = [("白鹤小学", 2), ("青山小学", 2)]

    assert_three_children_in_two_schools(tmp_path, each, rows=5)

    exported = run("export", "县", "--out", "导出.csv", cwd=tmp_path)
    assert exported.exit_code == 0, exported.stderr
    with (tmp_path / "导出.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert len({r["id_number"] for r in rows}) == 3
    assert sorted({r["school"] for r in rows}) == schools

    summary = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    doc = summary.json()
    assert doc["children"]["total"] == 3
    assert [s["name"] for s in doc["schools"]] == schools

    flagged = run("flag", "县", "--format", "json", cwd=tmp_path).json()
    assert flagged["summary"]["children"] == 3
    classes = [c["class"] for c in flagged["classes"]]  # each class named with its school
    assert sorted({name.split(" ")[0] for name in classes}) == schools


def _county_with_records_of_no_school(root: Path) -> None:
    """县/青山小学/ lists 张雨涵, 李明轩 twice and 王梓萱; 县/白鹤小学/ 王梓萱, 刘浩然 and 陈思彤;
    县/帮扶记录.xlsx, of no school, a record of 张雨涵 (青山小学's), of 刘浩然 (白鹤小学's), of
    王梓萱 (on both rosters: of no one school) and of a child on no roster."""
    day = dt.date(2024, 10, 8)
    records = [
        [day, "王老师", name, "三年级(2)班", "谈心", "聊学习"]
        for name in (NAMES[0], NAMES[3], NAMES[2], "查无此人")
    ]
    write_books(
        root / "县",
        {
            "青山小学/花名册.xlsx": [CHILD_HEADER, *map(child_row, (1, 2, 2, 3))],
            "白鹤小学/花名册.xlsx": [CHILD_HEADER, *map(child_row, (3, 4)), child_row(5, 序号=1)],
            "帮扶记录.xlsx": {"帮扶记录": [RECORD_HEADER, *records]},
        },
    )


def test_a_countys_records_of_no_school_are_counted_alike_from_its_merged_roster(
    tmp_path: Path,
) -> None:
    """县/帮扶记录.xlsx saying no school, beside two schools' folders: lbc validate of the
    folder counts each record at its child's school and says the two naming no one child
    once, on no school's line. Its merged roster, the roster exported, and its Parquet
    export gave them a line of their own named after a file (m：0 名儿童，1 个错误; 帮扶记录：…),
    and lbc export of the merged roster wrote m as their 学校, so that read back 王梓萱's
    record named no child of a school m (REC002). Each now reads as the folder does."""
    _county_with_records_of_no_school(tmp_path)
    lines = [
        "白鹤小学：3 名儿童，0 个错误，0 个警告",
        "青山小学：3 名儿童，2 个错误，0 个警告",
        "共检查 5 名儿童、0 名教师、4 条帮扶记录：3 个错误，0 个警告",
    ]

    def note(file: str) -> str:
        return (
            f"提示：{file} 没有写明学校，各条帮扶记录按所写学生所在的学校统计；其中 2 条写的学生在"
            "各校花名册中找不到，或几所学校都有这个名字，无法确定是哪所学校的，不算作任何一所学校的。"
            "请在表中加“学校”列写明这些行的学校，或改正学生姓名（同名时写明班级）"
        )

    for made in (("export", "县", "--out", "c.parquet"), ("merge", "县", "--out", "m.xlsx")):
        run(*made, cwd=tmp_path)
    assert run("export", "m.xlsx", "--out", "m.parquet", cwd=tmp_path).exit_code == 0
    assert run("export", "m.xlsx", "--out", "m.csv", cwd=tmp_path).exit_code == 0
    with (tmp_path / "m.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "records"]
    assert [(r["student"], r["school"]) for r in rows] == [
        (NAMES[0], "青山小学"),
        (NAMES[3], "白鹤小学"),
        (NAMES[2], ""),
        ("查无此人", ""),
    ]
    for read, source in [
        ("县", "县/帮扶记录.xlsx"),
        ("c.parquet", "县/帮扶记录.xlsx"),
        ("m.xlsx", "县/帮扶记录.xlsx"),
        ("m.parquet", "m.xlsx"),
    ]:
        checked = run("validate", read, cwd=tmp_path)
        assert (checked.exit_code, checked.stdout.splitlines()[-3:]) == (1, lines), read
        assert checked.stderr.splitlines()[-1] == note(source), read


def _city_with_a_schools_records_beside(root: Path) -> list[str]:
    """营山县 (城关镇中心小学: 王梓萱 and 刘浩然; 长乐小学) merged into 市/营山县.xlsx and 南部县
    (城关镇中心小学: 陈思彤 and another 刘浩然) into 市/南部县.xlsx; beside them
    营山县/城关镇中心小学/帮扶记录.xlsx, of no school, a record of 王梓萱 and one of 刘浩然.
    The files a run is given (for lbc validate and lbc merge alike)."""
    write_books(
        root / "营山县",
        {
            "城关镇中心小学/花名册.xlsx": [CHILD_HEADER, child_row(3), child_row(4)],
            "长乐小学/花名册.xlsx": [CHILD_HEADER, child_row(1), child_row(2)],
        },
    )
    write_books(
        root / "南部县",
        {"城关镇中心小学/花名册.xlsx": [CHILD_HEADER, child_row(5), child_row(6, name=NAMES[3])]},
    )
    (root / "市").mkdir()
    for county in ("营山县", "南部县"):
        assert run("merge", county, "--out", f"市/{county}.xlsx", cwd=root).exit_code == 0
    day = dt.date(2024, 10, 8)
    records = [[day, "王老师", name, "三年级(2)班", "谈心", "x"] for name in NAMES[2:4]]
    alone = "营山县/城关镇中心小学/帮扶记录.xlsx"
    write_books(root, {alone: {"帮扶记录": [RECORD_HEADER, *records]}})
    return ["市", alone]


NAMESAKES = (
    "提示：南部县/城关镇中心小学/花名册.xlsx 和 营山县/城关镇中心小学/花名册.xlsx 的标题都是"
    "“城关镇中心小学”，而不在同一个文件夹里，按两所学校算：后者记作“城关镇中心小学(营山县)”；"
    "如果是同一所学校，请把它的文件放进同一个文件夹，或（两个文件夹里都只有这所学校的文件时）"
    "在各自文件夹的 lbc.toml 中写明 [school] name"
)


def test_a_schools_records_beside_merged_rosters_are_its_in_validate_as_in_merge(
    tmp_path: Path,
) -> None:
    """营山县/城关镇中心小学/帮扶记录.xlsx given beside the city's merged rosters: lbc merge
    places it under 城关镇中心小学(营山县), by the folder of the school's own files its rows
    came from. lbc validate placed it there too, and yet said it named no school and
    counted each record at its child's school, as for a file it could not place; and it
    looked for each record's child among every school's children, where merge looks among
    that school's: 刘浩然, also on 南部县's namesake's roster, was two children (REC003)."""
    given = _city_with_a_schools_records_beside(tmp_path)
    merged = run("merge", *given, "--out", "m.xlsx", "--format", "json", cwd=tmp_path).json()
    mine = [s for s in merged["schools"] if s["school"] == "城关镇中心小学(营山县)"]
    assert [(s["records"], s["errors"]) for s in mine] == [(2, 0)]
    checked = run("validate", *given, cwd=tmp_path)
    assert checked.stderr.splitlines() == [NAMESAKES]
    lines = [
        "没有发现问题。",
        "城关镇中心小学：2 名儿童，0 个错误，0 个警告",
        "城关镇中心小学(营山县)：2 名儿童，0 个错误，0 个警告",
        "长乐小学：2 名儿童，0 个错误，0 个警告",
        "共检查 6 名儿童、0 名教师、2 条帮扶记录：0 个错误，0 个警告",
    ]
    for read in (given, ["m.xlsx"]):
        checked = run("validate", *read, cwd=tmp_path)
        assert (checked.exit_code, checked.stdout.splitlines()) == (0, lines), read


def two_schools_county(tmp_path: Path) -> None:
    """县/白鹤小学/ lists 张雨涵 and 王梓萱 (五年级(1)班), 县/青山小学/ 张雨涵 and 李明轩: three
    children of the county, two of each school, 张雨涵 on both schools' rosters (DUP003)."""
    rosters = {
        "白鹤小学": [unreachable(1), unreachable(3, C51)],
        "青山小学": [unreachable(1), unreachable(2)],
    }
    for school, kids in rosters.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})


def test_summary_counts_a_child_two_schools_list_in_each_schools_row(tmp_path: Path) -> None:
    """张雨涵 is one of 白鹤小学's two children and one of 青山小学's two, as validate's lines
    per school, merge's table and export's rows count her, and one of the county's three:
    the table per school says so, and why its rows add up to 4. Her row on 青山小学's
    roster is said to repeat 白鹤小学's (DUP003), which says nothing of her archive there:
    complete by its cells, as at 白鹤小学."""
    two_schools_county(tmp_path)
    each = [("白鹤小学", 2), ("青山小学", 2)]
    assert_three_children_in_two_schools(tmp_path, each, rows=4)

    exported = run("export", "县", "--out", "导出.csv", cwd=tmp_path)
    assert exported.exit_code == 0, exported.stderr
    with (tmp_path / "导出.csv").open(encoding="utf-8-sig") as fh:
        rows = [(r["school"], r["name"]) for r in csv.DictReader(fh) if r["table"] == "children"]
    assert rows == [
        ("白鹤小学", "张雨涵"),
        ("白鹤小学", "王梓萱"),
        ("青山小学", "张雨涵"),
        ("青山小学", "李明轩"),
    ]

    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    assert doc["children"]["total"] == 3
    assert [(s["name"], s["children"], s["paired"], s["complete"]) for s in doc["schools"]] == [
        ("白鹤小学", 2, 0, 2),
        ("青山小学", 2, 0, 2),
    ]
    note = (
        "有 1 名儿童同时在两所及以上学校的名册上，各校、各班都计入，故各校、各班人数之和多于总数。"
    )
    assert doc["schools_note"] == note

    text = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    assert "| 白鹤小学 | 2 | 0.0% | 100.0% |\n| 青山小学 | 2 | 0.0% | 100.0% |\n" in text
    assert f"| 合计 | 3 |\n\n{note}\n\n## 二、主要做法" in text


def test_summary_counts_a_child_who_left_a_school_at_the_school_she_is_at(tmp_path: Path) -> None:
    """张雨涵 is 转出 on 青山小学's roster and 在读 on 白鹤小学's: she moved, and is 白鹤小学's
    child alone (no DUP003), its two to 青山小学's one."""
    rosters = {
        "白鹤小学": [unreachable(1), unreachable(3, C51)],
        "青山小学": [{**unreachable(1), "在校状态": "转出"}, unreachable(2)],
    }
    for school, kids in rosters.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})
    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    assert doc["children"]["total"] == 3
    assert [(s["name"], s["children"]) for s in doc["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 1),
    ]
    assert doc["schools_note"] is None


def test_summary_says_nothing_of_schools_rows_that_add_up_to_the_total(tmp_path: Path) -> None:
    """Two schools' rosters of three children, none on both: no word on the rows' sum."""
    for school, kids in {
        "白鹤小学": [unreachable(1)],
        "青山小学": [unreachable(2), unreachable(3)],
    }.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})
    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    assert [(s["name"], s["children"]) for s in doc["schools"]] == [
        ("白鹤小学", 1),
        ("青山小学", 2),
    ]
    assert doc["schools_note"] is None
    text = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    assert "| 合计 | 3 |\n\n## 二、主要做法" in text


def test_summary_county_table_counts_a_child_two_schools_list_in_each_and_once_in_all(
    tmp_path: Path,
) -> None:
    """The 排查汇总表 counts 张雨涵 in 白鹤小学's column and in 青山小学's, as their own, and
    once in 合计: two children a school, three of the county."""
    two_schools_county(tmp_path)
    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    county = doc["county_table"]
    names = [f"{c['group']}：{c['name']}" for c in county["columns"]]
    counted = {
        row["school"]: {name: n for name, n in zip(names, row["counts"], strict=True) if n}
        for row in county["rows"]
    }
    each = {"年龄段：6-13周岁女": 2, "实际监护情况：祖父母、外祖父母": 2, "健康状况：健康": 2}
    all_three = {"年龄段：6-13周岁女": 3, "实际监护情况：祖父母、外祖父母": 3, "健康状况：健康": 3}
    assert counted == {"白鹤小学": each, "青山小学": each, "合计": all_three}

    lines = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout.splitlines()
    assert "| 年龄段：6-13周岁女 | 2 | 2 | 3 |" in lines
    assert "| 实际监护情况：祖父母、外祖父母 | 2 | 2 | 3 |" in lines
    assert "| 健康状况：健康 | 2 | 2 | 3 |" in lines


def test_summary_counts_a_child_two_schools_list_in_a_class_of_each(tmp_path: Path) -> None:
    """张雨涵 is in 三年级(2)班 of 白鹤小学 and of 青山小学, each school's own: 青山小学's
    class has 李明轩 and her, the classes' rows 4 children of the county's 3."""
    two_schools_county(tmp_path)
    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    assert doc["children"]["total"] == 3
    assert [(c["name"], c["count"]) for c in doc["children"]["by_class"]] == [
        ("白鹤小学 三年级(2)班", 1),
        ("白鹤小学 五年级(1)班", 1),
        ("青山小学 三年级(2)班", 2),
    ]
    text = run("summary", "县", "--term", "2024-autumn", cwd=tmp_path).stdout
    classes = (
        "| 白鹤小学 三年级(2)班 | 1 |\n"
        "| 白鹤小学 五年级(1)班 | 1 |\n"
        "| 青山小学 三年级(2)班 | 2 |\n"
        "| 合计 | 3 |\n"
    )
    assert classes in text


def test_summary_names_classes_with_schools_where_one_schools_every_child_is_anothers(
    tmp_path: Path,
) -> None:
    """县/青山小学/ lists only 张雨涵, whom 县/白鹤小学/ lists too: two schools all the same,
    each in the table per school, and each class named with its school."""
    for school, kids in {
        "白鹤小学": [unreachable(1), unreachable(3, C51)],
        "青山小学": [unreachable(1)],
    }.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})
    doc = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path).json()
    assert doc["children"]["total"] == 2
    assert [(s["name"], s["children"]) for s in doc["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 1),
    ]
    assert [(c["name"], c["count"]) for c in doc["children"]["by_class"]] == [
        ("白鹤小学 三年级(2)班", 1),
        ("白鹤小学 五年级(1)班", 1),
        ("青山小学 三年级(2)班", 1),
    ]


# The classes of two_schools_county as lbc flag and lbc watch list them: 张雨涵 at her row of
# each school's roster.
TWO_SCHOOLS_BY_CLASS = [
    ("白鹤小学 三年级(2)班", [("张雨涵", "县/白鹤小学/花名册.xlsx", 2)]),
    ("白鹤小学 五年级(1)班", [("王梓萱", "县/白鹤小学/花名册.xlsx", 3)]),
    (
        "青山小学 三年级(2)班",
        [("张雨涵", "县/青山小学/花名册.xlsx", 2), ("李明轩", "县/青山小学/花名册.xlsx", 3)],
    ),
]


def listed_by_class(doc: dict) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """Each class of a flag or watch JSON list with its children's names and rows."""
    return [
        (g["class"], [(c["name"], c["file"], c["row"]) for c in g["children"]])
        for g in doc["classes"]
    ]


def test_flag_lists_a_child_two_schools_list_in_a_class_of_each(tmp_path: Path) -> None:
    """Nobody of 县 can be called: 张雨涵 is in 白鹤小学's 三年级(2)班 and in 青山小学's, at
    her row of each school's roster, and one of the three children the list ends with."""
    two_schools_county(tmp_path)
    doc = run("flag", "县", "--format", "json", cwd=tmp_path).json()
    assert doc["summary"]["children"] == 3
    assert listed_by_class(doc) == TWO_SCHOOLS_BY_CLASS
    lines = run("flag", "县", cwd=tmp_path).stdout.splitlines()
    assert "青山小学 三年级(2)班（班主任：未登记）— 2 人缺少联系方式" in lines
    assert lines[-1] == "共 3 名儿童、0 名教师缺少必需的联系方式"


def test_watch_lists_a_child_two_schools_list_in_a_class_of_each(tmp_path: Path) -> None:
    """Every child of 县 is on the watch list (a father away, no phone): 张雨涵 in
    白鹤小学's 三年级(2)班 and in 青山小学's, at her row of each school's roster, her reason
    read where it is written (白鹤小学's row 2, the row kept for her); the list counts 3."""
    two_schools_county(tmp_path)
    doc = run("watch", "县", "--format", "json", cwd=tmp_path).json()
    assert doc["summary"]["children"] == 3
    assert listed_by_class(doc) == TWO_SCHOOLS_BY_CLASS
    reasons = doc["classes"][2]["children"][0]["reasons"]
    assert [(r["code"], r["file"], r["row"], r["column"]) for r in reasons] == [
        ("WCH014", "县/白鹤小学/花名册.xlsx", 2, "J")
    ]
    lines = run("watch", "县", cwd=tmp_path).stdout.splitlines()
    assert "青山小学 三年级(2)班（班主任：未登记）— 2 人需重点关注" in lines
    assert lines[-1] == "共 3 名儿童需重点关注（关注分达到 3）。"


OVERLAP = (
    "有 1 名儿童同时在两所及以上学校的名册上，各校、各班都计入，故各校、各班人数之和多于总数。"
)
OVERLAP_EN = (
    "1 child is on more than one school's roster and counted in each school and class, so"
    " their rows add up to more than the total."
)


def test_flag_and_watch_say_why_their_classes_add_up_to_more_than_their_total(
    tmp_path: Path,
) -> None:
    """张雨涵 is in a class of 白鹤小学's and of 青山小学's on lbc flag's and lbc watch's lists,
    whose classes then list 4 children where their last line says 3, and said nothing of
    why: now the sentence lbc summary says under its tables, on a terminal 80 columns wide
    just above the last line, under the table of the watch list's workbook, across its
    columns, wrapped, as the page is printed, and in their JSON as ``schools_note``, the
    key of lbc summary's. Not in their CSV, rows under a header that Excel and scripts
    read as such."""
    two_schools_county(tmp_path)
    for command, total in (
        ("flag", "共 3 名儿童、0 名教师缺少必需的联系方式"),
        ("watch", "共 3 名儿童需重点关注（关注分达到 3）。"),
    ):
        shown = on_a_terminal(command, "县", cwd=tmp_path).splitlines()
        assert [line.rstrip() for line in shown[-4:]] == [
            "",
            "有 1 名儿童同时在两所及以上学校的名册上，各校、各班都计入，故各校、各班人数之和",
            "多于总数。",
            total,
        ], command
        assert run(command, "县", cwd=tmp_path).stdout.count(OVERLAP) == 1, command
        # Its JSON says it as lbc summary's does, under the same key, in --lang's words.
        doc = run(command, "县", "--format", "json", cwd=tmp_path).json()
        assert list(doc)[:4] == ["lbc", "summary", "schools_note", "classes"], command
        assert (doc["summary"]["children"], doc["schools_note"]) == (3, OVERLAP), command
        english = run("--lang", "en", command, "县", "--format", "json", cwd=tmp_path).json()
        assert english["schools_note"] == OVERLAP_EN, command
        # Its CSV is rows under a header, for Excel and scripts: no line of prose among them.
        listed = run(command, "县", "--format", "csv", cwd=tmp_path).stdout
        assert OVERLAP not in listed and len(listed.splitlines()) == 5, command
    # The workbook is a school's, in Chinese whatever --lang says.
    for lang in ("en", "zh"):
        assert run("--lang", lang, "watch", "县", "--out", "名单.xlsx", cwd=tmp_path).exit_code == 1
        sheet = load_workbook(tmp_path / "名单.xlsx").active
        assert [sheet.cell(row, 1).value for row in range(6, 10)] == [4, None, OVERLAP, None]
    assert "A8:G8" in sheet.merged_cells
    assert sheet.cell(8, 1).alignment.wrap_text
    assert sheet.row_dimensions[8].height == 36  # two lines of text
    assert sheet.cell(10, 1).value.startswith("制表人：")


def test_flag_and_watch_say_nothing_of_classes_that_add_up_to_their_total(tmp_path: Path) -> None:
    """甲县: no child on two schools' rosters. 乙县: 张雨涵 is on both, but only 青山小学's row
    of her lacks a phone, so lbc flag lists her once. No word on the classes' sum: their
    JSON's ``schools_note`` is null, as lbc summary's is."""
    counties = {
        "甲县": {"白鹤小学": [unreachable(4), unreachable(3, C51)]},
        "乙县": {"白鹤小学": [kid(1), unreachable(3, C51)]},
    }
    for county, schools in counties.items():
        for school, kids in {**schools, "青山小学": [unreachable(1), unreachable(2)]}.items():
            (tmp_path / county / school).mkdir(parents=True)
            write_xlsx(tmp_path / county / school / "花名册.xlsx", {"花名册": table(kids)})
    for command, county, total in (
        ("flag", "甲县", "共 4 名儿童、0 名教师缺少必需的联系方式"),
        ("watch", "甲县", "共 4 名儿童需重点关注（关注分达到 3）。"),
        ("flag", "乙县", "共 3 名儿童、0 名教师缺少必需的联系方式"),
    ):
        doc = run(command, county, "--format", "json", cwd=tmp_path).json()
        assert doc["summary"]["children"] == sum(len(g["children"]) for g in doc["classes"])
        assert doc["schools_note"] is None
        lines = on_a_terminal(command, county, cwd=tmp_path).splitlines()
        assert [line.rstrip() for line in lines[-2:]] == ["", total], (command, county)
    assert run("watch", "甲县", "--out", "名单.xlsx", cwd=tmp_path).exit_code == 1
    sheet = load_workbook(tmp_path / "名单.xlsx").active
    assert [sheet.cell(row, 1).value for row in range(6, 8)] == [4, None]
    assert sheet.cell(8, 1).value.startswith("制表人：")


def _county_with_records_of_children_on_no_roster(root: Path) -> None:
    """县/青山小学/ lists 张雨涵 and 李明轩, its teachers (王老师) in a file of their own;
    县/白鹤小学/ lists 王梓萱; 县/帮扶记录.xlsx, of no school, 王老师's record of 张雨涵 and
    赵老师's (on no list) of 查无此人 (on no roster)."""
    day = dt.date(2024, 10, 8)
    teacher = ["王老师", "女", "13800001111", "班主任", "三年级(2)班", "语文", "是", "是"]
    records = [
        [day, "王老师", NAMES[0], "三年级(2)班", "谈心", "聊学习"],
        [day, "赵老师", "查无此人", "三年级(2)班", "谈心", "聊学习"],
    ]
    write_books(
        root / "县",
        {
            "青山小学/花名册.xlsx": [CHILD_HEADER, child_row(1), child_row(2)],
            "青山小学/教师名单.xlsx": {"教师名单": [TEACHER_HEADER, teacher]},
            "白鹤小学/花名册.xlsx": [CHILD_HEADER, child_row(3)],
            "帮扶记录.xlsx": {"帮扶记录": [RECORD_HEADER, *records]},
        },
    )


def test_merge_counts_the_errors_of_a_countys_records_of_no_school_as_validate(
    tmp_path: Path,
) -> None:
    """县/帮扶记录.xlsx's record of a child on no roster by a teacher on no list: REC001 and
    REC002 in lbc validate, on no school's line. lbc merge checked the file's records alone
    (no children, no teachers to find them among) and never again once it placed each at
    its child's school, so it said 0 errors."""
    _county_with_records_of_children_on_no_roster(tmp_path)
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.exit_code, checked.stdout.splitlines()[-3:]) == (
        1,
        [
            "白鹤小学：1 名儿童，0 个错误，0 个警告",
            "青山小学：2 名儿童，0 个错误，0 个警告",
            "共检查 3 名儿童、1 名教师、2 条帮扶记录：2 个错误，0 个警告",
        ],
    )
    found = run("validate", "县", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [(f["code"], f["file"], f["row"]) for f in found] == [
        ("REC001", "县/帮扶记录.xlsx", 3),
        ("REC002", "县/帮扶记录.xlsx", 3),
    ]

    merged = run("merge", "县", "--out", "m.xlsx", cwd=tmp_path)
    assert (merged.exit_code, merged.stdout.splitlines()[-1]) == (
        1,
        "共合并 4 个文件、2 所学校：在册儿童 3 名，教师 1 名，帮扶记录 2 条；校验发现 2 个错误、"
        "0 个警告；跨校或跨文件重复身份证号 0 个，未能读取 0 个文件",
    )
    doc = run("merge", "县", "--out", "m.xlsx", "--format", "json", cwd=tmp_path).json()
    assert (doc["summary"]["errors"], doc["summary"]["warnings"]) == (2, 0)
    assert [(s["school"], s["errors"]) for s in doc["schools"]] == [
        ("白鹤小学", 0),
        ("青山小学", 0),
        ("", 2),
    ]


def test_merge_says_a_countys_children_as_validate_a_child_who_left_among_them(
    tmp_path: Path,
) -> None:
    """县/青山小学/ lists 张雨涵, 李明轩 and 刘浩然 (转出); 县/白鹤小学/ 张雨涵 (DUP003) and
    王梓萱: five rows, four children checked (刘浩然 among them), three on the books.
    merge's JSON said ``children`` 5, its rows: now 4, as validate's last line and JSON,
    its rows and those on the books apart, as its last line says them."""
    header = [*CHILD_HEADER, "在校状态"]
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": [
                header,
                [*child_row(1), "在读"],
                [*child_row(2), "在读"],
                [*child_row(4), "转出"],
            ],
            "白鹤小学/花名册.xlsx": [header, [*child_row(1), "在读"], [*child_row(3), "在读"]],
        },
    )
    checked = run("validate", "县", cwd=tmp_path).stdout.splitlines()[-1]
    assert checked == "共检查 4 名儿童、0 名教师、0 条帮扶记录：1 个错误，0 个警告"
    assert (
        run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]["children"] == 4
    )

    merged = run("merge", "县", "--out", "m.xlsx", "--format", "json", cwd=tmp_path).json()
    said = merged["summary"]
    assert (said["children"], said["rows"], said["on_books"]) == (4, 5, 3)
    assert headline(run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).stdout) == (
        "共合并 2 个文件、2 所学校：在册儿童 3 名（名册共 5 行：同一身份证号在几处出现、"
        "同一行登记两次的只计一次，转出、毕业、死亡的不计，与 lbc summary 一致），教师 0 名，"
        "帮扶记录 0 条；校验发现 1 个错误、0 个警告；"
        "跨校或跨文件重复身份证号 1 个，未能读取 0 个文件"
    )


def test_an_exports_records_all_of_no_school_are_on_no_schools_line(tmp_path: Path) -> None:
    """县/帮扶记录.xlsx, of no school, holds a record of 张雨涵 (on both schools' rosters) and
    one of 查无此人 (on none): lbc export leaves both of no school. Read back, its records,
    whose 学校 column was then empty throughout (their sheet had none), were of a school
    named after the file (帮扶记录, or the CSV's own name): a line validate of the folder has
    not. Each is now of none, as over the folder."""
    two_schools_county(tmp_path)
    day = dt.date(2024, 10, 8)
    records = [
        [day, "王老师", name, "三年级(2)班", "谈心", "聊学习"] for name in (NAMES[0], "查无此人")
    ]
    write_xlsx(tmp_path / "县" / "帮扶记录.xlsx", {"帮扶记录": [RECORD_HEADER, *records]})
    lines = [
        "白鹤小学：2 名儿童，4 个错误，0 个警告",
        "青山小学：2 名儿童，5 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、2 条帮扶记录：10 个错误，0 个警告",
    ]
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.exit_code, checked.stdout.splitlines()[-3:]) == (1, lines)
    for out in ("e.csv", "e.parquet"):
        assert run("export", "县", "--out", out, cwd=tmp_path).exit_code == 0
        again = run("validate", out, cwd=tmp_path)
        assert (again.exit_code, again.stdout.splitlines()[-3:]) == (1, lines), out
        assert again.stderr.splitlines()[-1] == checked.stderr.splitlines()[-1], out


def test_merge_counts_a_child_on_two_schools_rosters_as_validate_does(tmp_path: Path) -> None:
    """张雨涵 is on 白鹤小学's roster and 青山小学's: validate says DUP003 at 青山小学's row,
    an error on its line and in its last line. merge said her only as an ID number in
    several schools, its errors one fewer than validate's, 青山小学's row too."""
    two_schools_county(tmp_path)
    checked = run("validate", "县", cwd=tmp_path).stdout.splitlines()[-3:]
    assert checked == [
        "白鹤小学：2 名儿童，4 个错误，0 个警告",
        "青山小学：2 名儿童，5 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：9 个错误，0 个警告",
    ]
    doc = run("merge", "县", "--out", "m.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"], s["errors"]) for s in doc["schools"]] == [
        ("白鹤小学", 2, 4),
        ("青山小学", 2, 5),
    ]
    assert (doc["summary"]["errors"], doc["summary"]["duplicates"]) == (9, 1)
    assert headline(run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).stdout).endswith(
        "校验发现 9 个错误、0 个警告；跨校或跨文件重复身份证号 1 个，未能读取 0 个文件"
    )


def test_merge_counts_a_schools_roster_sent_twice_as_validate_a_child_who_left_too(
    tmp_path: Path,
) -> None:
    """青山小学 sent its roster twice (花名册.xlsx, 花名册副本.xlsx): 张雨涵 and 李明轩 (转出)
    are each DUP001 in the second, two errors on its line in validate. merge counted only
    张雨涵's, on the books in both; a child who left is listed twice all the same."""
    header = [*CHILD_HEADER, "在校状态"]
    rows = [header, [*child_row(1), "在读"], [*child_row(2), "转出"]]
    write_books(
        tmp_path / "县",
        {
            "青山小学/花名册.xlsx": rows,
            "青山小学/花名册副本.xlsx": rows,
            "白鹤小学/花名册.xlsx": [header, [*child_row(3), "在读"]],
        },
    )
    checked = run("validate", "县", cwd=tmp_path).stdout.splitlines()[-3:]
    assert checked == [
        "白鹤小学：1 名儿童，0 个错误，0 个警告",
        "青山小学：2 名儿童，2 个错误，0 个警告",
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告",
    ]
    doc = run("merge", "县", "--out", "m.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(s["school"], s["children"], s["errors"]) for s in doc["schools"]] == [
        ("白鹤小学", 1, 0),
        ("青山小学", 2, 2),
    ]
    said = doc["summary"]
    assert (said["children"], said["errors"], said["duplicates"]) == (3, 2, 1)
