"""What each command writes about one child agrees with its input and with the other
commands: the messy cells schools type (an ID number as a number cell …), each seen through
the real CLI on a workbook built here."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, make_id, run, without, write_xlsx

BORN = dt.date(2016, 5, 7)
ID = make_id(BORN, 105)  # 511321201605071056: past a float's precision
TEACHERS = [
    TEACHER_HEADER,
    ["李老师", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
]


def test_an_id_typed_as_a_number_is_exported_as_excel_and_validate_show_it(tmp_path: Path) -> None:
    """Excel keeps 15 significant digits of an ID typed as a number and shows
    511321201605071000; validate says so. The export once wrote the float's own digits,
    511321201605070976, found nowhere in the school's file; a CSV export writes Excel's
    15 as the number they are (tests/test_csv_ids.py)."""
    assert ID == "511321201605071056"
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "留守儿童": [CHILD_HEADER, child_row(1, birth=BORN, 身份证号=float(ID))],
            "教师": TEACHERS,
        },
    )
    shown = run("validate", roster, "--show-pii", "--format", "json").json()["findings"]
    assert [(f["code"], f["value"]) for f in shown] == [("ID004", "511321201605071000")]
    assert run("export", roster, "--out", tmp_path / "名册.csv").exit_code == 0
    with (tmp_path / "名册.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert [r["id_number"] for r in rows] == ["5.11321201605071E+17"]


def test_two_schools_files_of_one_name_are_two_schools(tmp_path: Path) -> None:
    """Each school sends its 花名册.xlsx, kept in a folder of its own: the merged roster once
    tagged both schools' rows 花名册, one school, so a child on both schools' rosters was no
    cross-school duplicate and the county roster paired one school's children with the other's
    teachers. A file declaring no school goes by its folder's name when its own is shared."""
    born = dt.date(2016, 3, 5)
    for school, rows in (
        ("青山小学", [child_row(1, birth=born, 在校状态="转出"), child_row(2)]),
        ("白鹤小学", [child_row(1, birth=born, 在校状态="在校")]),
    ):
        (tmp_path / school).mkdir()
        header = [*CHILD_HEADER, "在校状态"]
        write_xlsx(
            tmp_path / school / "花名册.xlsx", {"留守儿童": [header, *rows], "教师": TEACHERS}
        )
    out = tmp_path / "全县.xlsx"
    result = run("merge", "青山小学", "白鹤小学", "--out", out, "--format", "json", cwd=tmp_path)
    doc = result.json()
    assert [(s["school"], s["children"]) for s in doc["schools"]] == [
        ("青山小学", 2),
        ("白鹤小学", 1),
    ]
    assert [[p["school"] for p in d["places"]] for d in doc["duplicates"]] == [
        ["青山小学", "白鹤小学"]
    ]
    sheet = load_workbook(out)["留守儿童花名册"]
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "青山小学", "青山小学", "白鹤小学"
    ]  # fmt: skip


def test_birthdays_refuses_a_roster_that_cannot_say_who_is_left_behind(tmp_path: Path) -> None:
    """Without a 留守类型 column birthdays once said 0 children (exit 0) where the summary
    counts both as left behind and watch and flag refuse: now it refuses as watch does."""
    rows = without(["留守类型"], child_row(1, birth=dt.date(2016, 3, 5)), child_row(2))
    roster = write_xlsx(tmp_path / "roster.xlsx", {"留守儿童": rows})
    result = run("birthdays", "--month", "3", roster)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"lbc: 错误：{roster} 的“留守儿童”没有“留守类型”列，无法判断哪些儿童是留守儿童；"
        "请先补上该列\n"
    )


def test_a_folder_of_schools_is_paired_school_by_school(tmp_path: Path) -> None:
    """Two schools, each with its lbc.toml; 白鹤小学's only teacher is on leave. Paired
    together, 白鹤小学's child was given 青山小学's head teacher of 三年级(2)班 as its own
    class's (本班班主任): a teacher of another school. Each school is now paired alone."""
    for school, n, teacher, active in (
        ("青山小学", 1, "李老师", "是"),
        ("白鹤小学", 2, "王老师", "否"),
    ):
        folder = tmp_path / school
        folder.mkdir()
        (folder / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', encoding="utf-8")
        head = [teacher, "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", active]
        write_xlsx(
            folder / "roster.xlsx",
            {"留守儿童": [CHILD_HEADER, child_row(n)], "教师": [TEACHER_HEADER, head]},
        )
    result = run("pair", "青山小学", "白鹤小学", "--format", "json", cwd=tmp_path)
    doc = result.json()
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("张雨涵", "李老师", "本班班主任")
    ]
    assert [(u["child"], u["why"]) for u in doc["unpaired"]] == [
        ("李明轩", "本校没有可结对的在岗教师")
    ]


def test_merge_of_the_workspace_roster_carries_its_pairs_in_force(tmp_path: Path) -> None:
    """After ``lbc pair --save`` the cards, export and summary of ``roster.xlsx`` name the
    pairs in force; ``lbc merge roster.xlsx`` (the README's county step) wrote the roster's
    old 帮扶教师 instead: 王老师, on leave, whom the pairing had replaced by 李老师."""
    teachers = [
        *TEACHERS,
        ["王老师", "女", "13800000002", "教师", "三年级(2)班", "数学", "否", "否"],
    ]
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [header, [*child_row(1), "李老师"], [*child_row(2), "王老师"]]
    write_xlsx(tmp_path / "roster.xlsx", {"留守儿童": rows, "教师": teachers})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\npairs = "结对名单.xlsx"\n', encoding="utf-8"
    )
    assert run("pair", "--save", cwd=tmp_path).exit_code == 0
    assert run("merge", "roster.xlsx", "--out", "县.xlsx", cwd=tmp_path).exit_code == 0
    sheet = load_workbook(tmp_path / "县.xlsx")["留守儿童花名册"]
    header_cells = [c.value for c in sheet[1]]
    got = [
        (r[header_cells.index("姓名")], r[header_cells.index("帮扶教师")])
        for r in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert got == [("张雨涵", "李老师"), ("李明轩", "李老师")]


def test_a_teacher_on_leave_is_on_no_childs_card_or_birthday_list(tmp_path: Path) -> None:
    """王老师 is on leave (在岗 否) and still named in two children's 帮扶教师 cells: the
    summary counts them unpaired and the watch list says 没有帮扶教师（王老师 不在岗）; so the
    contact card a family is handed gives no support teacher and no phone of hers, and the
    head teacher's birthday list names none. 李老师, in post, stays on both."""
    on_leave = ["王老师", "女", "13800000002", "教师", "三年级(2)班", "数学", "否", "否"]
    born = dt.date(2016, 5, 1)
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    kids += [[*child_row(n, birth=born), who] for n, who in ((1, "王老师"), (2, "李老师"))]
    write_xlsx(tmp_path / "roster.xlsx", {"留守儿童": kids, "教师": [*TEACHERS, on_leave]})
    cards = tmp_path / "联系卡.html"
    assert run("cards", tmp_path / "roster.xlsx", "--out", cards).exit_code == 0
    html = cards.read_text(encoding="utf-8")
    assert ("王老师" in html, "13800000002" in html) == (False, False)
    assert ("李老师" in html, "13800000001" in html) == (True, True)
    birthdays = run("birthdays", tmp_path / "roster.xlsx", "--month", "5", "--format", "json")
    listed = [c for g in birthdays.json()["classes"] for c in g["children"]]
    assert [c["support_teacher"] for c in listed] == [None, "李老师"]


def _school(path: Path, title: str | None, kids: list[list[object]], head: list[object]) -> Path:
    """A school's workbook: its roster (under ``title`` when it has one) and its teacher."""
    roster = [CHILD_HEADER, *kids] if title is None else [[title], CHILD_HEADER, *kids]
    return write_xlsx(path, {"留守儿童": roster, "教师": [TEACHER_HEADER, head]})


def test_a_file_that_says_no_school_is_paired_as_a_school_of_its_own(tmp_path: Path) -> None:
    """A folder of two workbooks, 青山小学's titled with its name, 白鹤's saying no school,
    whose only teacher is on leave. The folder was paired as one school, so 白鹤's child
    was given 青山小学's head teacher of 三年级(2)班 as its own class's (本班班主任)."""
    folder = tmp_path / "schools"
    folder.mkdir()
    qs = ["李老师", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    bh = ["王老师", "女", "13800000002", "班主任", "三年级(2)班", "语文", "是", "否"]
    _school(folder / "青山.xlsx", "青山小学留守儿童花名册", [child_row(1)], qs)
    _school(folder / "白鹤.xlsx", None, [child_row(2), child_row(3)], bh)
    result = run("pair", folder, "--max-per-teacher", "3", "--format", "json")
    doc = result.json()
    assert [(p["child"], p["teacher"], p["reason"]) for p in doc["pairs"]] == [
        ("张雨涵", "李老师", "本班班主任")
    ]
    assert [(u["child"], u["row"], u["why"]) for u in doc["unpaired"]] == [
        ("李明轩", 2, "本校没有可结对的在岗教师"),
        ("王梓萱", 3, "本校没有可结对的在岗教师"),
    ]
    assert [(i["teacher"], i["why"]) for i in doc["idle_teachers"]] == [("王老师", "不在岗")]
    assert result.exit_code == 1


def test_a_teachers_list_alone_is_the_one_named_schools(tmp_path: Path) -> None:
    """A teachers list in a file of its own that says no school, beside a roster titled
    with its school, is that school's teachers list. Beside two schools' rosters it may
    be either's: its teachers have no child, and pair says how to join them: a 学校 column,
    or the list in its school's own folder. It once said to name the school in lbc.toml,
    which names every file of the folder that school, the two schools' children one's."""
    folder = tmp_path / "schools"
    folder.mkdir()
    write_xlsx(
        folder / "花名册.xlsx",
        {"留守儿童": [["青山小学留守儿童花名册"], CHILD_HEADER, child_row(1)]},
    )
    write_xlsx(folder / "教师.xlsx", {"教师": TEACHERS})
    result = run("pair", folder, "--format", "json")
    assert [(p["child"], p["teacher"]) for p in result.json()["pairs"]] == [("张雨涵", "李老师")]
    assert "没有写明学校" not in result.stderr
    write_xlsx(
        folder / "白鹤.xlsx",
        {"留守儿童": [["白鹤小学留守儿童花名册"], CHILD_HEADER, child_row(2)]},
    )
    result = run("pair", folder, "--format", "json")
    doc = result.json()
    assert [(u["child"], u["why"]) for u in doc["unpaired"]] == [
        ("李明轩", "本校没有可结对的在岗教师"),  # 白鹤.xlsx comes first
        ("张雨涵", "本校没有可结对的在岗教师"),
    ]
    assert result.stderr == (
        f"提示：{folder / '教师.xlsx'} 没有写明学校，其中的教师只与本文件的儿童结对；"
        "若是另一个文件所属学校的教师名单，请在表中加“学校”列写明每位教师的学校，"
        "或把它和这所学校的花名册一起放进只有这所学校文件的文件夹\n"
        "提示：花名册没有“帮扶教师”列，也没有用 --keep 给出上学期结对名单；"
        "本次结对不会参照以往结对\n"
    )
    # Either way the list joins 青山小学 alone.
    write_xlsx(folder / "教师.xlsx", {"教师": [[*TEACHERS[0], "学校"], [*TEACHERS[1], "青山小学"]]})
    doc = run("pair", folder, "--format", "json").json()
    assert [(p["child"], p["teacher"]) for p in doc["pairs"]] == [("张雨涵", "李老师")]
    assert [u["child"] for u in doc["unpaired"]] == ["李明轩"]
    (folder / "青山").mkdir()
    (folder / "花名册.xlsx").rename(folder / "青山" / "花名册.xlsx")
    write_xlsx(folder / "青山" / "教师.xlsx", {"教师": TEACHERS})
    (folder / "教师.xlsx").unlink()
    doc = run("pair", folder, "--format", "json").json()
    assert [(p["child"], p["teacher"]) for p in doc["pairs"]] == [("张雨涵", "李老师")]
    assert [u["child"] for u in doc["unpaired"]] == ["李明轩"]


def test_due_names_a_teachers_school_as_export_names_it(tmp_path: Path) -> None:
    """A workspace whose lbc.toml names the school: lbc export gives each row the school's
    name, and lbc due --format json gave the teacher's school as "" (one school, never told
    apart): the school's name, as export gives it."""
    (tmp_path / "lbc.toml").write_text(
        '[school]\nname = "青山镇中心小学"\n[files]\nroster = ["roster.xlsx"]\n', encoding="utf-8"
    )
    header = [*CHILD_HEADER, "帮扶教师"]
    records = [["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"]]
    records.append(["2024-09-10", "李老师", "张雨涵", "三年级(2)班", "谈心", "聊了学习"])
    sheets = {
        "花名册": [header, [*child_row(1), "李老师"]],
        "教师": TEACHERS,
        "帮扶记录": records,
    }
    write_xlsx(tmp_path / "roster.xlsx", sheets)
    due = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=tmp_path)
    assert [(x["teacher"], x["school"]) for x in due.json()["teachers"]] == [
        ("李老师", "青山镇中心小学")
    ]
    assert run("export", "--out", "x.csv", cwd=tmp_path).exit_code == 0
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {(r["table"], r["school"]) for r in rows if not r["table"].endswith("_columns")} == {
        ("children", "青山镇中心小学"),
        ("teachers", "青山镇中心小学"),
        ("records", "青山镇中心小学"),
    }


def test_an_empty_column_is_still_a_column_in_an_exported_csv(tmp_path: Path) -> None:
    """The roster has a 帮扶教师 column nobody has filled in yet: every child has no support
    teacher (WCH012). Exported to CSV and read back, the empty column was no column, and
    the watch list lost the reason and 李明轩 (患哮喘 and no teacher) with it: the file
    now says which columns each sheet had, and both lists agree."""
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [header, [*child_row(1), None], [*child_row(2, 健康状况="哮喘"), None]]
    write_xlsx(tmp_path / "roster.xlsx", {"花名册": rows, "教师": TEACHERS})
    assert run("export", "roster.xlsx", "--out", "x.csv", cwd=tmp_path).exit_code == 0

    def listed(path: str) -> list[tuple[str, list[str]]]:
        result = run("watch", path, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 1, result.stderr
        return [
            (c["name"], [r["code"] for r in c["reasons"]])
            for g in result.json()["classes"]
            for c in g["children"]
        ]

    assert listed("roster.xlsx") == [("李明轩", ["WCH008", "WCH012"])]
    assert listed("x.csv") == listed("roster.xlsx")


def test_due_takes_a_childs_priority_from_either_of_its_rows(tmp_path: Path) -> None:
    """李明轩 is on 一班's row 3 with no category, and again on 二班 (one ID number: DUP001)
    as 孤儿. The summary counts him as an orphan and the watch list lists him as one, but
    lbc due gave him no priority reason and listed him after 张雨涵: now 孤儿, first."""
    header = [*CHILD_HEADER, "类别", "帮扶教师"]
    plain = {"kind": "非留守"}
    sheets = {
        "一班": [
            header,
            [*child_row(1, **plain), None, "李老师"],
            [*child_row(2, **plain), None, "李老师"],
        ],
        "二班": [header, [*child_row(2, **plain), "孤儿", "李老师"]],
        "教师": TEACHERS,
    }
    write_xlsx(tmp_path / "roster.xlsx", sheets)
    args = ("due", "roster.xlsx", "--as-of", "2024-10-15", "--format", "json")
    due = run(*args, cwd=tmp_path)
    assert due.exit_code == 1, due.stderr
    ((teacher,),) = [due.json()["teachers"]]
    assert [(c["child"], c["priority_text"]) for c in teacher["children"]] == [
        ("李明轩", ["孤儿"]),
        ("张雨涵", []),
    ]
    watch = run("watch", "roster.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [c["name"] for g in watch["classes"] for c in g["children"]] == ["李明轩"]


def test_pair_takes_a_childs_priority_from_either_of_its_rows(tmp_path: Path) -> None:
    """One place with 李老师: 李明轩's second row (one ID number) says 低保, a priority
    child to pair first, as due and the summary read him; pair gave the place to 张雨涵."""
    header = [*CHILD_HEADER, "类别"]
    plain = {"kind": "非留守"}
    sheets = {
        "一班": [header, [*child_row(1, **plain), None], [*child_row(2, **plain), None]],
        "二班": [header, [*child_row(2, **plain), "低保"]],
        "教师": TEACHERS,
    }
    write_xlsx(tmp_path / "roster.xlsx", sheets)
    pair = run("pair", "roster.xlsx", "--max-per-teacher", "1", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["teacher"]) for p in pair.json()["pairs"]] == [("李明轩", "李老师")]


def test_each_schools_columns_come_back_with_its_rows_from_an_exported_csv(
    tmp_path: Path,
) -> None:
    """青山小学 has a 帮扶教师 column nobody filled in (WCH012 for its children) and a
    父亲务工地点 column; 白鹤小学 has neither. Exported to CSV and read back, each school's
    columns went to the other too: 白鹤小学's 刘浩然 (哮喘) gained WCH012 and went on the
    watch list, and its children a missing work place (CON005), neither of which its own
    file gives. Read back school by school, the CSV, like the merged Parquet file and the
    exported one, gives what the folder gives."""
    root = tmp_path / "全县"
    (root / "青山小学").mkdir(parents=True)
    (root / "白鹤小学").mkdir()
    write_xlsx(
        root / "青山小学" / "花名册.xlsx",
        {
            "花名册": [
                ["青山小学留守儿童花名册"],
                [*CHILD_HEADER, "帮扶教师", "父亲务工地点"],
                [*child_row(1), None, "广东东莞"],
                [*child_row(2, 健康状况="哮喘"), None, "浙江义乌"],
            ],
            "教师": TEACHERS,
        },
    )
    write_xlsx(
        root / "白鹤小学" / "花名册.xlsx",
        {
            "花名册": [
                ["白鹤小学留守儿童花名册"],
                CHILD_HEADER,
                child_row(3),
                child_row(4, 健康状况="哮喘"),
            ],
            "教师": TEACHERS,
        },
    )
    for out in ("x.csv", "x.parquet"):
        assert run("export", root, "--out", tmp_path / out).exit_code == 0
    assert run("merge", root, "--out", tmp_path / "county.parquet").exit_code == 0

    def listed(path: Path) -> list[tuple[str, list[str]]]:
        result = run("watch", path, "--format", "json")
        assert result.exit_code == 1, result.stderr
        return [
            (c["name"], [r["code"] for r in c["reasons"]])
            for g in result.json()["classes"]
            for c in g["children"]
        ]

    def checked(path: Path) -> tuple[list[str], list[tuple[str, int, int]]]:
        doc = run("validate", path, "--format", "json").json()
        schools = doc["summary"]["schools"]
        return [f["code"] for f in doc["findings"]], [
            (s["school"], s["children"], s["warnings"]) for s in schools
        ]

    assert listed(root) == [("李明轩", ["WCH008", "WCH012"])]
    assert checked(root) == ([], [("白鹤小学", 2, 0), ("青山小学", 2, 0)])
    for out in ("x.csv", "x.parquet", "county.parquet"):
        assert listed(tmp_path / out) == listed(root), out
        assert checked(tmp_path / out) == checked(root), out
