"""lbc pair over a county's folder of schools pairs as over the roster ``lbc merge`` makes of
that folder: the same children with the same teachers, for the same reasons, kept or not
alike. Through the real CLI on real workbooks: two schools, each in its own folder, each a
roster and a teachers list whose 帮扶学生姓名 column names the children it supports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_xlsx

# Where a pair's child sits: the file read, so the folder's and the merged roster's differ.
WHERE = ("file", "sheet", "row")


def listing(name: str, classes: str, children: str, **extra: Any) -> dict[str, Any]:
    return {**teacher(name, classes), "帮扶学生姓名": children, **extra}


def county(tmp_path: Path, schools: dict[str, tuple[list[Any], list[Any]]]) -> Path:
    """县/<school>/<school>留守儿童花名册.xlsx: each school's children and teachers, in a
    workbook with no title and no 学校 column (its folder and file name say the school)."""
    root = tmp_path / "县"
    for name, (kids, staff) in schools.items():
        (root / name).mkdir(parents=True)
        sheets = {"花名册": table(kids), "教师": table(staff)}
        write_xlsx(root / name / f"{name}留守儿童花名册.xlsx", sheets)
    return root


def paired(tmp_path: Path, source: str) -> dict[str, Any]:
    """lbc pair's JSON for ``source``, each pair without where it sits."""
    result = run("pair", source, "--format", "json", cwd=tmp_path)
    assert result.stdout, result.stderr
    doc = result.json()
    pairs = [{k: v for k, v in p.items() if k not in WHERE} for p in doc["pairs"]]
    return {
        "exit": result.exit_code,
        "summary": doc["summary"],
        "pairs": pairs,
        "unpaired": [{k: v for k, v in u.items() if k not in WHERE} for u in doc["unpaired"]],
    }


def folder_and_merged(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert (tmp_path / "全县.xlsx").exists(), merged.stderr
    return paired(tmp_path, "县"), paired(tmp_path, "全县.xlsx")


SOURCES = ("县", "全县.xlsx")  # the county's folder, and its merged roster


def due_and_summary(tmp_path: Path, source: str, pairing: str) -> tuple[Any, Any]:
    """Over ``source`` (the county's folder or its merged roster): lbc due's children by
    teacher on Oct 15, and the summary's ``pairing`` figure."""
    due = run("due", source, "--as-of", "2024-10-15", "--format", "json", cwd=tmp_path)
    summary = run("summary", source, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    return (
        [(x["teacher"], [c["child"] for c in x["children"]]) for x in due.json()["teachers"]],
        summary.json()["pairing"][pairing],
    )


def test_a_teacher_of_a_school_named_by_its_folder_is_named_as_merge_names_it(
    tmp_path: Path,
) -> None:
    """Two schools' 花名册.xlsx, 青山小学's titled with its name, 白鹤小学's saying none:
    lbc merge writes 白鹤小学 (its folder, the file names being alike) in its 学校 cells.
    Each has a 王芳, whom lbc pair and lbc summary over the folder named 王芳（白鹤小学/花名册）
    and over the merged roster 王芳（白鹤小学）: she is 王芳（白鹤小学） in both."""
    root = tmp_path / "县"
    for name, title, kids in (
        ("青山小学", ["青山小学留守儿童花名册"], [kid(1)]),
        ("白鹤小学", [], [kid(2)]),
    ):
        (root / name).mkdir(parents=True)
        rows = [title, *table(kids)] if title else table(kids)
        staff = [teacher("王芳", C32, 联系电话=f"1390000000{len(title)}")]
        write_xlsx(root / name / "花名册.xlsx", {"花名册": rows, "教师": table(staff)})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["teacher"]) for p in folder["pairs"]] == [
        ("李明轩", "王芳（白鹤小学）"),
        ("张雨涵", "王芳（青山小学）"),
    ]
    said = {}
    for source in ("县", "全县.xlsx"):
        summary = run("summary", source, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
        said[source] = summary.json()["pairing"]["teachers_below_quota"]
    assert said["县"] == said["全县.xlsx"] == ["王芳（白鹤小学）", "王芳（青山小学）"]


def test_two_schools_teachers_of_one_name_are_no_namesakes(tmp_path: Path) -> None:
    """青山小学 and 白鹤小学 each have a 王芳 (two phones). Their rosters say no school but
    by their folders and names; lbc validate over the folder took them for one school's
    two 王芳 and said TCH002 (an error: exit 1), where over the merged roster, whose 学校
    column tells them apart, it said nothing. Neither says it now."""
    county(
        tmp_path,
        {
            "青山小学": ([kid(1), kid(2)], [teacher("王芳", C32), teacher("李强", C51)]),
            "白鹤小学": ([kid(3)], [teacher("王芳", C32, 联系电话="13900000001")]),
        },
    )
    assert run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).exit_code == 0
    for source in ("县", "全县.xlsx"):
        result = run("validate", source, "--format", "json", cwd=tmp_path)
        assert (result.exit_code, result.json()["findings"]) == (0, []), source


def test_a_folder_of_untitled_schools_pairs_each_school_apart(tmp_path: Path) -> None:
    """Neither school's roster says its school but by its folder and file name, as lbc
    merge names them. lbc pair over the folder paired them as one school: the two schools'
    王芳 (one name, one phone) were one teacher with two places for both schools' children,
    白鹤小学's 赵俊熙 was given 青山小学's 李强, and one child of seven was left unpaired
    (帮扶名额不足), where over the merged roster all seven were paired, each school's
    children with its own teachers. The folder now pairs as the merged roster does."""
    kids = [kid(1), kid(2, 帮扶教师="李强"), kid(3), kid(4, 姓名="郑十")]
    kids.append(kid(5, "四年级(1)班", 姓名="郑十"))
    staff = [
        listing("王芳", C32, "张雨涵、李小明、李明轩"),
        listing("李强", C51, "郑十；王梓萱"),
        listing("赵敏", C51, "王梓萱"),
    ]
    theirs = ([kid(7), kid(8)], [listing("王芳", C32, "孙博文")])
    county(tmp_path, {"青山小学": (kids, staff), "白鹤小学": theirs})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert (folder["exit"], folder["unpaired"]) == (0, [])
    qs, bh = "王芳（青山小学）", "王芳（白鹤小学）"
    assert [(p["child"], p["class"], p["teacher"], p["kept"]) for p in folder["pairs"]] == [
        ("黄欣怡", "白鹤小学 三年级(2)班", bh, False),
        ("赵俊熙", "白鹤小学 三年级(2)班", bh, False),
        ("张雨涵", "青山小学 三年级(2)班", qs, True),
        ("李明轩", "青山小学 三年级(2)班", "李强", True),
        ("王梓萱", "青山小学 三年级(2)班", qs, False),
        ("郑十", "青山小学 三年级(2)班", "赵敏", False),
        ("郑十", "青山小学 四年级(1)班", "赵敏", False),
    ]


def test_a_teachers_list_pair_with_one_of_two_namesakes_is_kept(tmp_path: Path) -> None:
    """青山小学 has two 王芳 in post; the first one's row of its teachers list names 张雨涵.
    lbc pair kept that pair over the merged roster (whose 帮扶教师 cell merge writes as
    王芳（三年级(2)班）) but over the folder, or the school's own file, it said the teacher
    was not on the list (原帮扶教师“王芳（三年级(2)班）”不在教师名单中) and made it again,
    not kept (是否延续: 否); lbc due and lbc summary gave her as 王芳, one of two; saved and
    paired again, it said the child had moved on the teachers list since. The pair is kept
    everywhere, said alike, and pairing again keeps it."""
    kids = [kid(1), kid(2, 帮扶教师="李强"), kid(3)]
    staff = [
        listing("王芳", C32, "张雨涵、李明轩"),
        listing("王芳", C51, "", 联系电话="13800000001"),
        listing("李强", C51, ""),
        listing("赵敏", C51, "王梓萱"),
    ]
    theirs = [listing("王芳", C32, "孙博文"), listing("王芳", C51, "", 联系电话="13800000002")]
    root = county(tmp_path, {"青山小学": (kids, staff), "白鹤小学": ([kid(7), kid(8)], theirs)})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["teacher"], p["reason"], p["kept"]) for p in folder["pairs"]] == [
        ("黄欣怡", "王芳（三年级(2)班）", "任教本班语文", False),
        ("赵俊熙", "王芳（五年级(1)班）", "跨年级调配", False),
        ("张雨涵", "王芳（三年级(2)班）", "延续原结对", True),
        ("李明轩", "李强", "延续原结对", True),
        ("王梓萱", "赵敏", "延续原结对", True),
    ]
    # lbc due and lbc summary counted 张雨涵 with "王芳" (one of two, not known which) over
    # the folder, and one teacher fewer with children.
    said = {
        source: due_and_summary(tmp_path, source, "teachers_with_children")
        for source in ("县", "全县.xlsx")
    }
    assert said["县"] == said["全县.xlsx"]
    assert said["县"] == (
        [("王芳（三年级(2)班）", ["张雨涵"]), ("李强", ["李明轩"]), ("赵敏", ["王梓萱"])],
        3,
    )
    school = root / "青山小学"
    first = run("pair", "青山小学留守儿童花名册.xlsx", "--out", "结对名单.xlsx", cwd=school)
    assert "不在教师名单中" not in first.stderr
    again = run(
        "pair", "青山小学留守儿童花名册.xlsx", "结对名单.xlsx", "--format", "json", cwd=school
    )
    assert "另一位老师名下" not in again.stderr
    assert [(p["child"], p["teacher"], p["kept"]) for p in again.json()["pairs"]] == [
        ("张雨涵", "王芳（三年级(2)班）", True),
        ("李明轩", "李强", True),
        ("王梓萱", "赵敏", True),
    ]


def test_a_pairs_workbooks_pair_with_one_of_two_namesakes_is_merged_as_it_names_her(
    tmp_path: Path,
) -> None:
    """青山小学 has two 王芳 in post and its pairs workbook (lbc pair --out) pairs 张雨涵 and
    李明轩 with the first, 王梓萱 with the second. lbc merge wrote 王芳 alone in their
    merged 帮扶教师 cells, either of the two: lbc pair over the merged roster paired the
    three anew (not kept, 原帮扶教师“王芳”在教师名单中有同名的两人), and lbc due and
    lbc summary counted them with no teacher, where over the folder the pairs were kept.
    The merged cells now name her as the workbook does, and both runs say the same."""
    kids = [kid(1), kid(2), kid(3, C51), kid(4, C51)]
    staff = [
        teacher("王芳", C32),
        teacher("王芳", C51, 联系电话="13800000001"),
        teacher("李强", C51),
    ]
    root = county(
        tmp_path, {"青山小学": (kids, staff), "白鹤小学": ([kid(7)], [teacher("赵敏", C32)])}
    )
    school = root / "青山小学"
    made = run("pair", "青山小学留守儿童花名册.xlsx", "--out", "结对名单.xlsx", cwd=school)
    assert made.exit_code == 0, made.stderr
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["teacher"], p["kept"]) for p in folder["pairs"]] == [
        ("黄欣怡", "赵敏", False),
        ("张雨涵", "王芳（三年级(2)班）", True),
        ("李明轩", "王芳（三年级(2)班）", True),
        ("王梓萱", "王芳（五年级(1)班）", True),
        ("刘浩然", "李强", True),
    ]
    said = {source: due_and_summary(tmp_path, source, "paired") for source in SOURCES}
    assert said["县"] == said["全县.xlsx"]
    assert said["县"][1] == 4  # 白鹤小学's 黄欣怡 is paired by no pairs workbook
    rows = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    head = list(next(rows))
    name, support = head.index("姓名"), head.index("帮扶教师")
    assert [(r[name], r[support]) for r in rows] == [
        ("黄欣怡", None),
        ("张雨涵", "王芳（三年级(2)班）"),
        ("李明轩", "王芳（三年级(2)班）"),
        ("王梓萱", "王芳（五年级(1)班）"),
        ("刘浩然", "李强"),
    ]


def test_a_folders_pairs_are_listed_school_by_school_as_its_merged_rosters(
    tmp_path: Path,
) -> None:
    """青山小学's 张雨涵 is in 三年级(2)班, 白鹤小学's 李明轩 in 五年级(1)班. Over the merged
    roster lbc pair lists the pairs school by school (白鹤小学, then 青山小学), as its 学校
    column orders them; over the folder it listed them class by class across the schools,
    张雨涵 first, two schools' classes mixed in one table that names no school. The folder
    lists them as the merged roster does."""
    root = tmp_path / "县"
    for name, kids in (("青山小学", [kid(1)]), ("白鹤小学", [kid(2, C51)])):
        (root / name).mkdir(parents=True)
        rows = [[f"{name}留守儿童花名册"], *table(kids)]
        staff = table([teacher("王芳" if kids[0]["班级"] == C32 else "李强", C32)])
        write_xlsx(root / name / "花名册.xlsx", {"花名册": rows, "教师": staff})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["class"], p["teacher"]) for p in folder["pairs"]] == [
        ("李明轩", f"白鹤小学 {C51}", "李强"),
        ("张雨涵", f"青山小学 {C32}", "王芳"),
    ]
    table_out = run("pair", "县", cwd=tmp_path).stdout
    assert table_out.index("李明轩") < table_out.index("张雨涵")


def test_a_schools_roster_kept_a_grade_a_folder_is_one_school(tmp_path: Path) -> None:
    """A school's workspace keeps its roster a grade a folder (三年级/花名册.xlsx,
    四年级/花名册.xlsx) and its teachers list beside them, none of them saying the school
    (lbc init's name = ""). lbc pair took each grade's file for a school of its own, the
    teachers list for no one's, and dropped every pair in force: 原帮扶教师“王芳”不在教师名单中,
    本校没有可结对的在岗教师, 已结对 0 名. A folder named for a grade or class is part of the
    school above it, and the pairs are kept."""
    ws = tmp_path / "青山小学"
    grades = {"三年级": kid(1, 帮扶教师="王芳"), "四年级": kid(2, C51, 帮扶教师="李强")}
    for grade, child in grades.items():
        (ws / grade).mkdir(parents=True)
        write_xlsx(ws / grade / "花名册.xlsx", {"花名册": table([child])})
    write_xlsx(ws / "教师名单.xlsx", {"教师": table([teacher("王芳", C32), teacher("李强", C51)])})
    (ws / "lbc.toml").write_text(
        '[school]\nname = ""\n\n[files]\n'
        'roster = ["三年级/花名册.xlsx", "四年级/花名册.xlsx", "教师名单.xlsx"]\n',
        encoding="utf-8",
    )
    doc = run("pair", "--format", "json", cwd=ws).json()
    assert [(p["child"], p["teacher"], p["kept"]) for p in doc["pairs"]] == [
        ("张雨涵", "王芳", True),
        ("李明轩", "李强", True),
    ]
    assert doc["unpaired"] == []


def merged_support(tmp_path: Path) -> list[tuple[Any, ...]]:
    """(姓名, 帮扶教师) of each row of the merged roster's children."""
    rows = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    head = list(next(rows))
    name, support = head.index("姓名"), head.index("帮扶教师")
    return [(r[name], r[support]) for r in rows]


def test_a_lists_pair_with_one_of_two_namesakes_is_merged_as_pair_names_her(
    tmp_path: Path,
) -> None:
    """青山小学's roster has no 帮扶教师 column; its teachers list has two 王芳 in post, the
    first naming 张雨涵, the second 李明轩 and 王梓萱. lbc merge wrote 王芳 alone in the three
    merged 帮扶教师 cells, either of the two: read back, lbc pair made the three pairs anew
    (原帮扶教师“王芳”在教师名单中有同名的两人), where over the folder it kept them. The
    merged cells name each as lbc pair does, and the merged roster pairs as the folder."""
    staff = [
        listing("王芳", C32, "张雨涵"),
        listing("王芳", C51, "李明轩、王梓萱", 联系电话="13800000001"),
    ]
    county(tmp_path, {"青山小学": ([kid(1), kid(2), kid(3, C51)], staff)})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["teacher"], p["kept"]) for p in folder["pairs"]] == [
        ("张雨涵", "王芳（三年级(2)班）", True),
        ("李明轩", "王芳（五年级(1)班）", True),
        ("王梓萱", "王芳（五年级(1)班）", True),
    ]
    assert merged_support(tmp_path) == [
        ("张雨涵", "王芳（三年级(2)班）"),
        ("李明轩", "王芳（五年级(1)班）"),
        ("王梓萱", "王芳（五年级(1)班）"),
    ]
