"""lbc pair: every rule of issue 3 decides a case of its own, through the real CLI.

Each fixture is built so that the rule under test is the only thing that separates the
expected answer from the one every lower rule (or plain roster order) would give.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    Result,
    child_row,
    make_id,
    run,
    table,
    write_xlsx,
)
from lbc import __version__
from lbc.roster import background, supervised

REPO = Path(__file__).resolve().parents[1]

C11, C31, C32, C41, C42, C51, C61 = (
    "一年级(1)班",
    "三年级(1)班",
    "三年级(2)班",
    "四年级(1)班",
    "四年级(2)班",
    "五年级(1)班",
    "六年级(1)班",
)
SHORT_1 = "帮扶名额不足（还差 1 个名额）"
KEPT = "延续原结对"  # the pair in force, last term's or one made earlier this term
HEAD = "本班班主任"
GRADE = "同年级"
ANYONE = "跨年级调配"
NO_PREVIOUS = (
    "提示：花名册没有“帮扶教师”列，也没有用 --keep 给出上学期结对名单；本次结对不会参照以往结对\n"
)


def today() -> str:
    day = dt.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def moved(reason: str, teacher: str) -> str:
    """A reason, said of a child whose pair with last term's ``teacher`` had to end."""
    return f"{reason}（原帮扶教师{teacher}不能继续）"


def used(book: Path, count: int, *more: str) -> str:
    """The note saying the pairs come from ``book``, made today."""
    head = f"提示：帮扶教师以结对名单 {book}（{today()}结对）为准，共 {count} 名儿童"
    return "；".join([head, *more])


HIDDEN = ["身份证号", "名册位置", "结对时名册帮扶教师", "结对日期", "出生日期"]
NO_CHILD = "暂无可结对的儿童"
INACTIVE = "不在岗"

Row = dict[str, Any]


# ---- fixtures: rows by header label, any extra columns welcome ----


def kid(n: int, cls: str = C32, kind: str = "父亲外出", **extra: Any) -> Row:
    """Child ``n`` (conftest's NAMES[n-1], its own ID); not a priority unless ``extra`` says."""
    row = dict(zip(CHILD_HEADER, child_row(n, cls=cls, kind=kind), strict=True))
    return {**row, **extra}


def teacher(
    name: str,
    classes: str | None = None,
    role: str = "科任教师",
    subject: str = "语文",
    party: str = "否",
    active: str = "是",
    **extra: Any,
) -> Row:
    phone = f"138{sum(map(ord, name)) % 10**8:08d}"
    values = [name, "女", phone, role, classes, subject, party, active]
    return {**dict(zip(TEACHER_HEADER, values, strict=True)), **extra}


def roster(path: Path, kids: list[Row], teachers: list[Row] | None) -> Path:
    sheets = {"花名册": table(kids)}
    if teachers is not None:
        sheets["教师"] = table(teachers)
    return write_xlsx(path, sheets)


def pair(tmp_path: Path, *args: str | os.PathLike[str]) -> Result:
    """``lbc pair`` in tmp_path (so no stray lbc.toml decides the capacity)."""
    return run("pair", *args, cwd=tmp_path)


def pair_json(tmp_path: Path, *args: str | os.PathLike[str]) -> tuple[int, dict[str, Any]]:
    result = pair(tmp_path, *args, "--format", "json")
    assert result.stdout, result.stderr
    return result.exit_code, result.json()


def who(doc: dict[str, Any]) -> dict[str, tuple[str, str, bool]]:
    """child -> (teacher, reason, kept)."""
    return {p["child"]: (p["teacher"], p["reason"], p["kept"]) for p in doc["pairs"]}


def loads(doc: dict[str, Any]) -> Counter[str]:
    return Counter(p["teacher"] for p in doc["pairs"])


def idle(doc: dict[str, Any]) -> dict[str, str]:
    return {i["teacher"]: i["why"] for i in doc["idle_teachers"]}


def sheet_rows(path: Path, sheet: str) -> list[list[Any]]:
    wb = load_workbook(path)
    return [list(r) for r in wb[sheet].iter_rows(min_row=2, values_only=True)]


# ---- rule 1: as many children paired as capacity allows ----


@pytest.mark.parametrize(
    ("args", "toml", "places", "paired"),
    [
        ((), None, 5, 5),  # default 2: 王 3 (own column) + 李 2
        (("--max-per-teacher", "1"), None, 4, 4),  # 王 3 + 李 1
        ((), 3, 6, 6),  # lbc.toml [pairing] max_per_teacher = 3: 王 3 + 李 3
        (("--max-per-teacher", "1"), 3, 4, 4),  # the option beats lbc.toml
    ],
)
def test_capacity_comes_from_option_config_and_column(
    tmp_path: Path, args: tuple[str, ...], toml: int | None, places: int, paired: int
) -> None:
    kids = [kid(n) for n in range(1, 7)]
    staff = [
        teacher("王芳", C61, 可帮扶人数=3),
        teacher("李强", C61),
        teacher("赵敏", C61, active="否", 可帮扶人数=3),
        teacher("钱进", C61, 可帮扶人数=0),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    if toml is not None:
        (tmp_path / "lbc.toml").write_text(
            f'[files]\nroster = ["r.xlsx"]\n\n[pairing]\nmax_per_teacher = {toml}\n',
            encoding="utf-8",
        )
    code, doc = pair_json(tmp_path, path, *args)
    assert doc["summary"]["places"] == places
    assert doc["summary"]["paired"] == paired
    assert doc["summary"]["unpaired"] == 6 - paired
    assert code == (0 if paired == 6 else 1)
    assert [u["why"] for u in doc["unpaired"]] == [f"帮扶名额不足（还差 {6 - paired} 个名额）"] * (
        6 - paired
    )
    assert loads(doc) == {"王芳": 3, "李强": paired - 3}
    assert idle(doc) == {"赵敏": INACTIVE, "钱进": "可帮扶人数为 0"}


def test_children_who_left_are_neither_paired_nor_unpaired(tmp_path: Path) -> None:
    kids = [
        kid(1, 在校状态="在读"),
        kid(2, 在校状态="转出"),
        kid(3, 在校状态="毕业"),
        kid(4, 在校状态="转入"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C61)])
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", ANYONE, False), "刘浩然": ("王芳", ANYONE, False)}
    assert doc["unpaired"] == []
    s = doc["summary"]
    assert (s["children"], s["to_pair"], s["paired"], s["unpaired"], s["left_school"]) == (
        4,
        2,
        2,
        0,
        2,
    )


def test_a_child_entered_twice_is_paired_once(tmp_path: Path) -> None:
    first = kid(1)
    again = {**kid(2), "身份证号": first["身份证号"], "姓名": "张雨菡"}  # same ID, name misspelt
    path = roster(tmp_path / "r.xlsx", [first, kid(3), again], [teacher("王芳", C61)])
    result = pair(tmp_path, path, "--format", "json")
    assert result.exit_code == 0  # two places, two children: the repeat takes none
    doc = result.json()
    assert [(p["child"], p["row"]) for p in doc["pairs"]] == [("张雨涵", 2), ("王梓萱", 3)]
    assert doc["unpaired"] == []
    s = doc["summary"]
    assert (s["children"], s["to_pair"], s["paired"], s["duplicates"]) == (3, 2, 2, 1)
    assert result.stderr == (
        "提示：“花名册”第 4 行与“花名册”第 2 行身份证号相同，按同一名儿童结对\n" + NO_PREVIOUS
    )


def test_a_child_entered_twice_keeps_the_teacher_her_copy_names(tmp_path: Path) -> None:
    """A child's row copied, the copy's 帮扶教师 typed (王芳) and hers left empty or showing
    a formula's error: she was paired as having no former teacher, 王芳's pair lost to
    whoever had room (李强, her head teacher). She keeps 王芳 now; copies naming two
    teachers keep neither, and the duplicate's note is said as before."""
    first = kid(1, C32, 帮扶教师=None)
    copy = {**first, "帮扶教师": "王芳"}
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C61)]
    path = roster(tmp_path / "r.xlsx", [first, kid(2, C32, 帮扶教师="李强"), copy], staff)
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", KEPT, True), "李明轩": ("李强", KEPT, True)}
    book = load_workbook(path)
    book["花名册"]["O2"] = "#N/A"  # her own cell a failed VLOOKUP's
    book.save(path)
    code, doc = pair_json(tmp_path, path)
    assert who(doc)["张雨涵"] == ("王芳", KEPT, True)
    third = {**first, "帮扶教师": "李强"}
    path = roster(tmp_path / "r.xlsx", [first, kid(2, C32), copy, third], staff)
    result = pair(tmp_path, path, "--format", "json")
    assert who(result.json())["张雨涵"] == ("李强", "本班班主任", False)
    assert result.stderr == (
        "提示：“花名册”第 4 行与“花名册”第 2 行身份证号相同，按同一名儿童结对\n"
        "提示：“花名册”第 5 行与“花名册”第 2 行身份证号相同，按同一名儿童结对\n"
    )


def test_a_teacher_on_two_rows_under_one_merged_name_is_one_teacher(tmp_path: Path) -> None:
    """王芳 teaches two classes, on two rows of the teachers list, her 姓名 one cell merged
    over both and her phone on the first: the second row was a second 王芳 with no phone
    (TCH001), paired as 王芳（第3行）. The merged name is one person: the row takes her
    phone, and pair takes both rows as one teacher, saying why; a child of the class her
    second row lists is hers for the subject that row gives (数学), not the first's (语文)."""
    path = roster(tmp_path / "r.xlsx", [kid(1, C32), kid(2, C31)], None)
    book = load_workbook(path)
    staff = book.create_sheet("教师")
    staff.append(TEACHER_HEADER)
    wang = teacher("王芳", C32, role="班主任")
    staff.append(list(wang.values()))
    staff.append([None, None, None, "科任教师", C31, "数学", "否", "是"])
    staff.merge_cells("A2:A3")
    book.save(path)
    checked = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["row"], f["code"]) for f in checked if f["sheet"] == "教师"] == []
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc) == {
        "张雨涵": ("王芳", "本班班主任", False),
        "李明轩": ("王芳", "任教本班数学", False),
    }
    assert doc["summary"]["teachers"] == 1
    assert pair(tmp_path, path).stderr == (
        "提示：“教师”第 3 行与“教师”第 2 行是同一位教师（“姓名”是合并的一格），按一人结对\n"
        + NO_PREVIOUS
    )


# ---- rule 2: priority children first ----

PRIORITY_KINDS: dict[str, dict[str, Any]] = {
    "key_target": {"重点帮扶对象": "是"},
    "orphan": {"类别": "孤儿"},
    "disabled": {"类别": "残疾"},
    "registered_poor": {"类别": "建档立卡"},
    "low_income": {"类别": "低保"},
    "poor": {"类别": "贫困"},
    "struggling": {"类别": "学困"},
    "health_disabled": {"健康状况": "残疾"},
    "both_parents_away": {"留守类型": "父母均外出"},
    "parents_unable_to_care": {"留守类型": "父母双方无监护能力"},
    "dropped_out": {"在校状态": "辍学"},
}


@pytest.mark.parametrize("extra", PRIORITY_KINDS.values(), ids=PRIORITY_KINDS.keys())
def test_a_priority_child_is_paired_before_anyone_else(
    tmp_path: Path, extra: dict[str, Any]
) -> None:
    # One place. The ordinary child comes first, is in the teacher's own class and was
    # paired with her last term: every rule below 2 (and roster order) picks it.
    plain = kid(1, C32, 重点帮扶对象="否", 在校状态="在读", 类别=None, 帮扶教师="王芳")
    priority = kid(2, C51, **{"重点帮扶对象": "否", "在校状态": "在读", **extra})
    path = roster(tmp_path / "r.xlsx", [plain, priority], [teacher("王芳", C32, role="班主任")])
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", "1")
    assert code == 1
    assert who(doc) == {"李明轩": ("王芳", ANYONE, False)}
    assert [(u["child"], u["row"], u["why"]) for u in doc["unpaired"]] == [("张雨涵", 2, SHORT_1)]


def test_single_parent_alone_is_not_a_priority(tmp_path: Path) -> None:
    """The control for the test above: two ordinary children, the closer one wins."""
    plain = kid(1, C32, 类别="单亲")
    other = kid(2, C51)
    path = roster(tmp_path / "r.xlsx", [other, plain], [teacher("王芳", C32, role="班主任")])
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", "1")
    assert code == 1
    assert who(doc) == {"张雨涵": ("王芳", HEAD, False)}


# ---- rule 3: last term's pairs are kept ----


def test_a_kept_pair_beats_the_head_teacher(tmp_path: Path) -> None:
    kids = [kid(1, C32, 帮扶教师="李强")]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C51, subject="数学")]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("李强", KEPT, True)}
    assert idle(doc) == {"王芳": NO_CHILD}
    assert (doc["summary"]["kept"], doc["summary"]["new"]) == (1, 0)


def test_kept_pairs_outrank_giving_every_teacher_a_child(tmp_path: Path) -> None:
    kids = [kid(1, C32, 帮扶教师="李强"), kid(2, C32, 帮扶教师="李强")]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C51)]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("李强", KEPT, True), "李明轩": ("李强", KEPT, True)}
    assert idle(doc) == {"王芳": NO_CHILD}


def test_a_pair_with_a_teacher_no_longer_in_post_moves(tmp_path: Path) -> None:
    kids = [kid(1, C32, 帮扶教师="李强")]
    staff = [teacher("李强", C32, role="班主任", active="否"), teacher("王芳", C51)]
    result = pair(tmp_path, roster(tmp_path / "r.xlsx", kids, staff), "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    doc = result.json()
    assert who(doc) == {"张雨涵": ("王芳", moved(ANYONE, "李强"), False)}
    assert idle(doc) == {"李强": INACTIVE}
    assert (doc["summary"]["kept"], doc["summary"]["new"]) == (0, 1)


def test_kept_pairs_beyond_capacity_move_the_child_that_fits_best_elsewhere(
    tmp_path: Path,
) -> None:
    # 李强 had three; two places now. The 三(2) child moves to its head teacher.
    kids = [
        kid(1, C51, 帮扶教师="李强"),
        kid(2, C32, 帮扶教师="李强"),
        kid(3, C51, 帮扶教师="李强"),
    ]
    staff = [teacher("李强", C51, role="班主任"), teacher("王芳", C32, role="班主任")]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {
        "张雨涵": ("李强", KEPT, True),
        "李明轩": ("王芳", moved(HEAD, "李强"), False),
        "王梓萱": ("李强", KEPT, True),
    }


def test_keep_reads_last_terms_roster_by_id_number(tmp_path: Path) -> None:
    # Last term 张雨涵 was in 三(2) with 李强; now she is in 四(2), whose head is 王芳.
    old = roster(tmp_path / "old.xlsx", [kid(1, C32, 帮扶教师="李强")], None)
    staff = [teacher("王芳", C42, role="班主任"), teacher("李强", C11)]
    now = roster(tmp_path / "r.xlsx", [kid(1, C42)], staff)
    code, doc = pair_json(tmp_path, now, "--keep", old)
    assert code == 0
    assert who(doc) == {"张雨涵": ("李强", KEPT, True)}
    code, doc = pair_json(tmp_path, now)  # without --keep: the head teacher
    assert who(doc) == {"张雨涵": ("王芳", HEAD, False)}


def test_keep_finds_a_child_whose_class_changed_by_name(tmp_path: Path) -> None:
    """September: lbc's own pairs workbook has no ID column and every class moved up."""
    staff = [teacher("王芳", C42, role="班主任"), teacher("李强", C11)]
    last = roster(tmp_path / "last.xlsx", [kid(1, C32)], [teacher("王芳", C32, role="班主任")])
    p1 = tmp_path / "p1.xlsx"
    assert pair(tmp_path, last, "--out", p1).exit_code == 0
    with_lqiang = load_workbook(p1)
    with_lqiang["结对名单"]["G3"] = "李强"  # last term's teacher was 李强
    with_lqiang.save(p1)
    now = roster(tmp_path / "r.xlsx", [kid(1, C42)], staff)
    _, doc = pair_json(tmp_path, now, "--keep", p1)
    assert who(doc) == {"张雨涵": ("李强", KEPT, True)}


def test_a_keep_file_without_a_teacher_column_is_refused(tmp_path: Path) -> None:
    old = roster(tmp_path / "old.xlsx", [kid(1, C32)], None)
    path = roster(tmp_path / "r.xlsx", [kid(1, C32)], [teacher("王芳", C32)])
    result = pair(tmp_path, path, "--keep", old)
    assert result.exit_code == 2
    assert result.stderr == f"lbc: 错误：--keep 文件 {old} 中没有带“帮扶教师”列的名单\n"


def test_a_last_term_teacher_shared_by_two_namesakes_is_not_kept(tmp_path: Path) -> None:
    kids = [kid(1, C51, 帮扶教师="王芳")]
    other = "13900000001"  # two teachers: one name and one phone are one (repeated_teachers)
    staff = [
        teacher("王芳", C32),
        teacher("王芳", C11, 联系电话=other),
        teacher("李强", C51, role="班主任"),
    ]
    result = pair(tmp_path, roster(tmp_path / "r.xlsx", kids, staff), "--format", "json")
    assert who(result.json()) == {"张雨涵": ("李强", moved(HEAD, "王芳"), False)}
    assert result.stderr == (
        "提示：原帮扶教师“王芳”在教师名单中有同名的两人，无法判断是哪一位，其结对儿童已重新安排\n"
    )


# ---- rule 4: every teacher takes part, leaders and party members first ----


def test_every_teacher_gets_a_child_before_closeness_counts(tmp_path: Path) -> None:
    # Closeness alone would give both children to 王芳 (head of 三(2), same grade as 三(1)).
    kids = [kid(1, C32), kid(2, C31)]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C51)]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", HEAD, False), "李明轩": ("李强", ANYONE, False)}
    assert doc["summary"]["teachers_with_children"] == 2
    assert doc["idle_teachers"] == []


LEADERS = {
    "principal": {"role": "校长"},
    "party_secretary": {"role": "党支部书记"},
    "dean": {"role": "教导主任"},
    "dean_and_head_teacher": {"role": "教导主任兼班主任"},
    "party_member": {"party": "是"},
}


@pytest.mark.parametrize("leader_first", [False, True], ids=["leader_second", "leader_first"])
@pytest.mark.parametrize("status", LEADERS.values(), ids=LEADERS.keys())
def test_with_fewer_children_leaders_and_party_members_come_first(
    tmp_path: Path, status: dict[str, str], leader_first: bool
) -> None:
    # One child, two teachers of other grades (equally far): whichever order they are
    # listed in, the leader or party member gets the child.
    plain = teacher("张伟", C51)
    leader = teacher("刘洋", C61, **status)
    staff = [leader, plain] if leader_first else [plain, leader]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("刘洋", ANYONE, False)}
    assert idle(doc) == {"张伟": NO_CHILD}


def test_leaders_first_outranks_closeness(tmp_path: Path) -> None:
    staff = [teacher("张伟", C31), teacher("刘洋", None, role="副校长")]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("刘洋", ANYONE, False)}


def test_a_head_teacher_is_not_a_school_leader(tmp_path: Path) -> None:
    # 班主任 contains 主任 but is no leader: closeness decides, the same-grade teacher wins.
    staff = [teacher("刘洋", C51, role="班主任"), teacher("张伟", C31)]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("张伟", GRADE, False)}


# ---- rule 5: close to the child ----

CLOSENESS = [
    # (teacher, classes, role, subject, reason when it is the closest one left)
    ("孙丽", C61, "科任教师", "体育", ANYONE),
    ("周杰", C31, "科任教师", "科学", GRADE),
    ("吴刚", C32, "科任教师", "数学", "任教本班数学"),
    ("郑红", C32, "班主任", "语文", HEAD),
]


@pytest.mark.parametrize("reverse", [False, True], ids=["far_first", "near_first"])
@pytest.mark.parametrize("count", [4, 3, 2, 1])
def test_the_closest_teacher_wins(tmp_path: Path, count: int, reverse: bool) -> None:
    present = CLOSENESS[:count]
    staff = [teacher(name, cls, role, subject) for name, cls, role, subject, _ in present]
    staff = staff[::-1] if reverse else staff
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert code == 0
    name, *_, reason = present[-1]
    assert who(doc) == {"张雨涵": (name, reason, False)}


@pytest.mark.parametrize("swap_teachers", [False, True], ids=["head_first", "head_second"])
@pytest.mark.parametrize("swap_children", [False, True], ids=["c32_first", "c31_first"])
def test_the_total_distance_is_smallest_not_the_first_childs(
    tmp_path: Path, swap_children: bool, swap_teachers: bool
) -> None:
    # 郑红 heads both third-grade classes; 吴刚 teaches 三(2) only. Giving the first child
    # its best teacher (郑红) would leave the second with a same-grade teacher: 0 + 2 > 1 + 0.
    kids = [kid(1, C32), kid(2, C31)]
    staff = [
        teacher("郑红", f"{C31}、{C32}", role="班主任"),
        teacher("吴刚", C32, subject="英语"),
    ]
    kids = kids[::-1] if swap_children else kids
    staff = staff[::-1] if swap_teachers else staff
    path = roster(tmp_path / "r.xlsx", kids, staff)
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", "1")
    assert code == 0
    assert who(doc) == {"张雨涵": ("吴刚", "任教本班英语", False), "李明轩": ("郑红", HEAD, False)}


def test_closeness_outranks_even_load(tmp_path: Path) -> None:
    kids = [kid(n, C32) for n in range(1, 5)]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C61)]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", "3")
    assert code == 0
    assert loads(doc) == {"王芳": 3, "李强": 1}
    assert Counter(p["reason"] for p in doc["pairs"]) == {HEAD: 3, ANYONE: 1}


# ---- rule 6: even load ----


@pytest.mark.parametrize(
    ("children", "teachers", "cap", "expected"),
    [(6, 2, 4, [3, 3]), (5, 3, 3, [2, 2, 1]), (7, 3, 5, [3, 2, 2])],
)
def test_load_is_even_when_closeness_ties(
    tmp_path: Path, children: int, teachers: int, cap: int, expected: list[int]
) -> None:
    kids = [kid(n, C32) for n in range(1, children + 1)]
    staff = [teacher(name, C61) for name in ("王芳", "李强", "陈静")[:teachers]]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    code, doc = pair_json(tmp_path, path, "--max-per-teacher", str(cap))
    assert code == 0
    assert sorted(loads(doc).values(), reverse=True) == expected
    assert {p["reason"] for p in doc["pairs"]} == {ANYONE}


# ---- rule 7: deterministic ----


def test_the_same_input_gives_the_same_output(tmp_path: Path) -> None:
    kids = [kid(n, (C31, C32, C51)[n % 3]) for n in range(1, 9)]
    staff = [teacher(name, C61) for name in ("王芳", "李强", "陈静", "赵敏")]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    copy = tmp_path / "copy.xlsx"
    shutil.copyfile(path, copy)
    for fmt in ("json", "csv", "table"):
        first = pair(tmp_path, path, "--format", fmt)
        assert first.exit_code == 0
        assert pair(tmp_path, path, "--format", fmt).stdout == first.stdout
        # A copy is the same answer, said of the copy.
        again = pair(tmp_path, copy, "--format", fmt).stdout
        assert again.replace(str(copy), str(path)) == first.stdout


# ---- output ----


def small(tmp_path: Path) -> Path:
    """Three children, two places: the non-priority one waits; 李强 is on leave."""
    kids = [kid(1, C32, kind="父母均外出"), kid(2, C32, kind="父母均外出"), kid(3, C32)]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C32, active="否")]
    return roster(tmp_path / "r.xlsx", kids, staff)


def test_the_pairs_workbook_styles_each_cell_without_comparing_its_style_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each cell of the workbook's tables has the first cell's border and wrapping, set by
    the number the workbook keeps them under: set as objects, each cell's were compared
    again with every style of the workbook, most of the minutes a county's 100,000 pairs
    took to write."""
    from openpyxl.styles import Alignment, Border
    from openpyxl.utils.indexed_list import IndexedList

    compared = [0]
    add = IndexedList.add

    def counted(self: IndexedList, value: object) -> int:
        compared[0] += isinstance(value, Border | Alignment)
        return add(self, value)

    monkeypatch.setattr(IndexedList, "add", counted)
    kids = [kid(n, kind="父母均外出") for n in range(1, 41)]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32, role="班主任")])
    out = tmp_path / "pairs.xlsx"
    assert pair(tmp_path, path, "--out", out, "--max-per-teacher", "30").exit_code == 1
    assert compared[0] < 100  # titles, headers and first cells; each of 40 rows: 1,165
    ws = load_workbook(out)["结对名单"]
    for cell in (ws["A3"], ws["O32"]):  # the first cell and the last (hidden) one
        assert (cell.border.left.style, cell.border.bottom.style) == ("thin", "thin")
        assert (cell.alignment.wrap_text, cell.alignment.vertical) == (True, "top")


def test_json_document(tmp_path: Path) -> None:
    path = small(tmp_path)
    result = pair(tmp_path, path, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == NO_PREVIOUS
    doc = result.json()
    assert list(doc) == ["lbc", "summary", "pairs", "unpaired", "idle_teachers"]
    assert list(doc["summary"]) == [
        "children",
        "to_pair",
        "paired",
        "kept",
        "new",
        "unpaired",
        "left_school",
        "duplicates",
        "teachers",
        "places",
        "teachers_with_children",
        "idle_teachers",
        "max_per_teacher",
    ]
    assert [list(p) for p in doc["pairs"]] == [
        ["child", "class", "file", "sheet", "row", "teacher", "reason", "kept"]
    ] * 2
    assert list(doc["unpaired"][0]) == ["child", "class", "file", "sheet", "row", "why"]
    assert list(doc["idle_teachers"][0]) == ["teacher", "school", "file", "sheet", "row", "why"]
    assert doc == {
        "lbc": __version__,
        "summary": {
            "children": 3,
            "to_pair": 3,
            "paired": 2,
            "kept": 0,
            "new": 2,
            "unpaired": 1,
            "left_school": 0,
            "duplicates": 0,
            "teachers": 2,
            "places": 2,
            "teachers_with_children": 1,
            "idle_teachers": 1,
            "max_per_teacher": 2,
        },
        "pairs": [
            {
                "child": "张雨涵",
                "class": C32,
                "file": str(path),
                "sheet": "花名册",
                "row": 2,
                "teacher": "王芳",
                "reason": HEAD,
                "kept": False,
            },
            {
                "child": "李明轩",
                "class": C32,
                "file": str(path),
                "sheet": "花名册",
                "row": 3,
                "teacher": "王芳",
                "reason": HEAD,
                "kept": False,
            },
        ],
        "unpaired": [
            {
                "child": "王梓萱",
                "class": C32,
                "file": str(path),
                "sheet": "花名册",
                "row": 4,
                "why": SHORT_1,
            }
        ],
        "idle_teachers": [
            {
                "teacher": "李强",
                "school": "",
                "file": str(path),
                "sheet": "教师",
                "row": 3,
                "why": INACTIVE,
            }
        ],
    }


def test_csv(tmp_path: Path) -> None:
    path = small(tmp_path)
    result = pair(tmp_path, path, "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "\ufeff儿童,班级,文件,工作表,行,帮扶教师,结对依据,是否延续,原因",
        f"张雨涵,{C32},{path},花名册,2,王芳,{HEAD},false,",
        f"李明轩,{C32},{path},花名册,3,王芳,{HEAD},false,",
        f"王梓萱,{C32},{path},花名册,4,,,,{SHORT_1}",
        # 李强, on leave, with no child: as the table, the JSON and the workbook list her.
        f",,{path},教师,3,李强,,,{INACTIVE}",
    ]
    # For scripts: the JSON keys as headers and no byte-order mark, the rows the same.
    plain = pair(tmp_path, small(tmp_path), "--format", "csv", "--json-keys", "--no-bom")
    assert plain.stdout.splitlines() == [
        "child,class,file,sheet,row,teacher,reason,kept,why",
        *result.stdout.splitlines()[1:],
    ]


@pytest.mark.parametrize(
    ("lang", "summary", "texts"),
    [
        (
            (),
            "共 3 名儿童参与结对：已结对 2 名（延续 0 名，新结对 2 名），未结对 1 名；"
            "2 名教师中 1 名有帮扶学生",
            ["结对名单", "未结对儿童（1 名）", "没有帮扶学生的教师（1 名）", SHORT_1, INACTIVE],
        ),
        (
            ("--lang", "en"),
            "3 children to pair: 2 paired (0 kept, 2 new), 1 unpaired; 1 of 2 teachers has a child",
            ["Pairs", "Children not paired (1)", "Teachers without a child (1)", "not in post"],
        ),
    ],
    ids=["zh", "en"],
)
def test_table_ends_with_the_one_line_summary(
    tmp_path: Path, lang: tuple[str, ...], summary: str, texts: list[str]
) -> None:
    result = run(*lang, "pair", small(tmp_path), cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.rstrip("\n").splitlines()[-1] == summary
    for text in texts:
        assert text in result.stdout


def test_out_writes_the_three_sheet_workbook_owner_only(tmp_path: Path) -> None:
    path = small(tmp_path)
    before = path.read_bytes()
    out = tmp_path / "pairs.xlsx"
    result = pair(tmp_path, path, "--out", out, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == NO_PREVIOUS + f"已写出结对名单：{out}（含教师电话，仅本人可读）\n"
    assert result.json()["summary"]["paired"] == 2  # stdout still has the document
    assert path.read_bytes() == before
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert load_workbook(out).sheetnames == ["结对名单", "教师帮扶名单", "未结对"]
    phone = teacher("王芳")["联系电话"]
    made = dt.datetime.combine(dt.date.today(), dt.time())
    born = dt.datetime(2016, 5, 1)  # conftest's children's

    def hidden(n: int) -> list[Any]:
        """ID, roster place, the roster's 帮扶教师 then, the day, the birth date: read back,
        never printed."""
        return [kid(n)["身份证号"], f"r.xlsx|花名册|{n + 1}", None, made, born]

    assert sheet_rows(out, "结对名单") == [
        [
            "序号",
            "班级",
            "学生姓名",
            "性别",
            "留守类型",
            "重点帮扶原因",
            "帮扶教师",
            "教师电话",
            "结对依据",
            "是否延续",
            *HIDDEN,
        ],
        [1, C32, "张雨涵", "女", "父母均外出", "父母均外出", "王芳", phone, HEAD, "否", *hidden(1)],
        [2, C32, "李明轩", "女", "父母均外出", "父母均外出", "王芳", phone, HEAD, "否", *hidden(2)],
        [None] * 15,
        [f"制表人：__________    审核人：__________    日期：{today()}", *[None] * 14],
    ]
    dims = load_workbook(out)["结对名单"].column_dimensions
    assert [c for c in "ABCDEFGHIJKLMNO" if dims[c].hidden] == ["K", "L", "M", "N", "O"]
    assert sheet_rows(out, "教师帮扶名单") == [
        ["序号", "教师姓名", "职务", "联系电话", "帮扶人数", "帮扶学生", "说明"],
        [1, "王芳", "班主任", phone, 2, f"张雨涵（{C32}）\n李明轩（{C32}）", None],
        [2, "李强", "科任教师", teacher("李强")["联系电话"], 0, None, INACTIVE],
    ]
    assert sheet_rows(out, "未结对") == [
        ["序号", "班级", "学生姓名", "原因", *HIDDEN],
        [1, C32, "王梓萱", SHORT_1, *hidden(3)],
    ]
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["pairs.xlsx", "r.xlsx"]  # no temporary file left behind


@pytest.mark.parametrize("which", ["roster", "keep"])
def test_out_never_overwrites_an_input(tmp_path: Path, which: str) -> None:
    path = small(tmp_path)
    keep = roster(tmp_path / "last.xlsx", [kid(1, C32, 帮扶教师="王芳")], None)
    before = {p: p.read_bytes() for p in (path, keep)}
    target = path if which == "roster" else keep
    result = pair(tmp_path, path, "--keep", keep, "--out", target)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lbc: 错误：")
    assert {p: p.read_bytes() for p in (path, keep)} == before


def test_out_naming_an_input_is_refused_before_anything_else(tmp_path: Path) -> None:
    first = kid(1)
    path = roster(
        tmp_path / "r.xlsx", [first, {**kid(2), "身份证号": first["身份证号"]}], [teacher("王芳")]
    )
    result = pair(tmp_path, path, "--out", path)
    assert result.exit_code == 2
    assert result.stderr == f"lbc: 错误：输出文件 {path} 与输入文件相同，已拒绝覆盖\n"


# ---- stability across terms ----


def school() -> tuple[list[Row], list[Row]]:
    kids = [
        kid(1, C32, kind="父母均外出"),
        kid(2, C32, 帮扶教师="陈静"),
        kid(3, C31),
        kid(4, C31, 类别="孤儿"),
        kid(5, C51, 帮扶教师="李强"),
        kid(6, C51),
        kid(7, C11),
    ]
    staff = [
        teacher("王芳", C32, role="班主任"),
        teacher("李强", C31, role="班主任"),
        teacher("陈静", f"{C32}、{C51}", subject="数学"),
        teacher("赵敏", C51, role="班主任", party="是"),
    ]
    return kids, staff


def pairs_by_child(doc: dict[str, Any]) -> dict[tuple[str, str, int], str]:
    return {(p["child"], p["class"], p["row"]): p["teacher"] for p in doc["pairs"]}


def test_running_again_on_its_own_output_changes_nothing(tmp_path: Path) -> None:
    kids, staff = school()
    path = roster(tmp_path / "r.xlsx", kids, staff)
    p1, p2, p3 = (tmp_path / f"p{i}.xlsx" for i in (1, 2, 3))
    code, first = pair_json(tmp_path, path, "--out", p1)
    assert code == 0 and first["summary"]["kept"] == 2  # 陈静 and 李强 keep theirs
    code, second = pair_json(tmp_path, path, "--keep", p1, "--out", p2)
    assert code == 0
    assert pairs_by_child(second) == pairs_by_child(first)
    assert all(p["kept"] and p["reason"] == KEPT for p in second["pairs"])
    s = second["summary"]
    assert (s["paired"], s["kept"], s["new"], s["unpaired"]) == (7, 7, 0, 0)
    # the printed list is the same but for the reason columns
    strip = [r[:8] for r in sheet_rows(p1, "结对名单")]
    assert [r[:8] for r in sheet_rows(p2, "结对名单")] == strip
    assert sheet_rows(p2, "教师帮扶名单") == sheet_rows(p1, "教师帮扶名单")
    # and a third run is a fixpoint
    code, third = pair_json(tmp_path, path, "--keep", p2, "--out", p3)
    assert third == second


def test_adding_a_child_moves_nobody_else(tmp_path: Path) -> None:
    kids, staff = school()
    p1 = tmp_path / "p1.xlsx"
    code, first = pair_json(tmp_path, roster(tmp_path / "r1.xlsx", kids, staff), "--out", p1)
    assert code == 0
    free = [name for name, n in loads(first).items() if n == 1]
    assert len(free) == 1  # 7 children, 4 teachers of 2: one place left
    newcomer = kid(8, C32)
    path = roster(tmp_path / "r2.xlsx", [*kids, newcomer], staff)
    code, second = pair_json(tmp_path, path, "--keep", p1)
    assert code == 0
    before, after = pairs_by_child(first), pairs_by_child(second)
    key = (newcomer["姓名"], C32, 9)
    assert after == {**before, key: free[0]}
    assert [p["child"] for p in second["pairs"] if not p["kept"]] == [newcomer["姓名"]]
    assert (second["summary"]["kept"], second["summary"]["new"]) == (7, 1)


def test_removing_a_teacher_moves_only_that_teachers_children(tmp_path: Path) -> None:
    kids, staff = school()
    kids = kids[:6]  # six children, four teachers of two
    p1 = tmp_path / "p1.xlsx"
    code, first = pair_json(tmp_path, roster(tmp_path / "r1.xlsx", kids, staff), "--out", p1)
    assert code == 0
    gone = "赵敏"
    moved = {k for k, v in pairs_by_child(first).items() if v == gone}
    assert moved  # the test means something only if 赵敏 had children
    rest = [x for x in staff if x["姓名"] != gone]
    path = roster(tmp_path / "r2.xlsx", kids, rest)
    result = pair(tmp_path, path, "--keep", p1, "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == (
        f"{used(p1, 6)}\n提示：原帮扶教师“{gone}”不在教师名单中，其结对儿童已重新安排\n"
    )
    second = result.json()
    before, after = pairs_by_child(first), pairs_by_child(second)
    assert set(after) == set(before)
    assert {k: v for k, v in after.items() if k not in moved} == {
        k: v for k, v in before.items() if k not in moved
    }
    assert all(after[k] != gone for k in moved)
    assert {p["child"] for p in second["pairs"] if not p["kept"]} == {k[0] for k in moved}


def test_a_second_run_keeps_the_pairs_of_teachers_sharing_a_name(tmp_path: Path) -> None:
    kids = [kid(1, C32), kid(2, C51)]
    other = "13900000001"  # two teachers: one name and one phone are one (repeated_teachers)
    staff = [
        teacher("王芳", C32, role="班主任"),
        teacher("王芳", C51, role="班主任", 联系电话=other),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    p1 = tmp_path / "p1.xlsx"
    code, first = pair_json(tmp_path, path, "--out", p1)
    assert code == 0
    assert who(first) == {
        "张雨涵": ("王芳（三年级(2)班）", HEAD, False),
        "李明轩": ("王芳（五年级(1)班）", HEAD, False),
    }
    result = pair(tmp_path, path, "--keep", p1, "--format", "json")
    assert result.stderr == used(p1, 2) + "\n"
    assert who(result.json()) == {
        "张雨涵": ("王芳（三年级(2)班）", KEPT, True),
        "李明轩": ("王芳（五年级(1)班）", KEPT, True),
    }


def test_a_second_run_keeps_pairs_of_namesakes_in_two_schools(tmp_path: Path) -> None:
    kids = [kid(1, C32, 学校="甲小学"), {**kid(2, C32, 学校="乙小学"), "姓名": "张雨涵"}]
    staff = [
        teacher("王芳", C32, role="班主任", 学校="甲小学"),
        teacher("李强", C32, role="班主任", 学校="乙小学"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    p1 = tmp_path / "p1.xlsx"
    code, first = pair_json(tmp_path, path, "--out", p1)
    assert code == 0 and first["summary"]["paired"] == 2
    code, second = pair_json(tmp_path, path, "--keep", p1)
    assert pairs_by_child(second) == pairs_by_child(first)
    assert (second["summary"]["kept"], second["summary"]["new"]) == (2, 0)


# ---- rows a school gets wrong ----


def test_teacher_rows_without_a_name_take_no_child(tmp_path: Path) -> None:
    staff = [{**teacher("王芳", C32, role="班主任"), "姓名": None}, teacher("李强", C51)]
    result = pair(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff), "--format", "json")
    assert who(result.json()) == {"张雨涵": ("李强", ANYONE, False)}
    assert result.stderr == "提示：教师名单中有 1 行没有姓名，未参与结对\n" + NO_PREVIOUS


def test_an_unreadable_capacity_gives_no_places(tmp_path: Path) -> None:
    staff = [teacher("王芳", C32, role="班主任", 可帮扶人数="无"), teacher("李强", C51)]
    _, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert who(doc) == {"张雨涵": ("李强", ANYONE, False)}
    assert idle(doc) == {"王芳": "可帮扶人数无法识别：无"}


def test_a_capacity_written_in_chinese_numerals_is_read(tmp_path: Path) -> None:
    """可帮扶人数 两人 was unreadable, and the teacher took no child."""
    staff = [teacher("王芳", C32, 可帮扶人数="两人"), teacher("李强", C51, 可帮扶人数="一")]
    _, doc = pair_json(
        tmp_path, roster(tmp_path / "r.xlsx", [kid(n, C32) for n in (1, 2, 3)], staff)
    )
    assert loads(doc) == Counter({"王芳": 2, "李强": 1})
    assert idle(doc) == {}


def test_a_child_whose_class_cannot_be_read_says_so(tmp_path: Path) -> None:
    _, doc = pair_json(
        tmp_path, roster(tmp_path / "r.xlsx", [kid(1, "火箭班")], [teacher("王芳", C32)])
    )
    assert who(doc) == {"张雨涵": ("王芳", "班级无法识别（火箭班），全校调配", False)}


@pytest.mark.parametrize(
    ("role", "classes", "expected"),
    [
        ("班主任", f"{C11}、{C32}", "任教本班语文"),  # head of 一(1), teaches 三(2)
        ("班主任", f"{C32}、{C11}", HEAD),
        ("副班主任", C32, "任教本班语文"),
    ],
)
def test_a_head_teacher_heads_the_first_class_listed(
    tmp_path: Path, role: str, classes: str, expected: str
) -> None:
    staff = [teacher("王芳", classes, role=role)]
    _, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", [kid(1, C32)], staff))
    assert who(doc) == {"张雨涵": ("王芳", expected, False)}


# ---- exit codes ----


@pytest.mark.parametrize(
    ("case", "stderr"),
    [
        (
            "no_teachers_sheet",
            "lbc: 错误：没有找到教师名单（需要“姓名”和“联系电话/职务/任教班级”等列），"
            "无法结对；请一并给出教师名单文件",
        ),
        (
            "nobody_in_post",
            "lbc: 错误：没有教师可以结对：所有教师都不在岗或可帮扶人数为 0"
            "（可用 --max-per-teacher 设置每人名额）",
        ),
        (
            "zero_places",
            "lbc: 错误：没有教师可以结对：所有教师都不在岗或可帮扶人数为 0"
            "（可用 --max-per-teacher 设置每人名额）",
        ),
        ("format_xml", "lbc: 错误：不支持的输出格式：xml（可选 table、json、csv）"),
        ("out_csv", "lbc: 错误：不能写出这种文件：x.csv（文件名的后缀决定格式，这里能写：.xlsx）"),
        ("keep_missing", "lbc: 错误：找不到文件：gone.xlsx"),
    ],
)
def test_exit_two_when_it_cannot_run(tmp_path: Path, case: str, stderr: str) -> None:
    staff = [teacher("王芳", C32, role="班主任", active="否" if case == "nobody_in_post" else "是")]
    path = roster(tmp_path / "r.xlsx", [kid(1)], None if case == "no_teachers_sheet" else staff)
    args: list[str] = {
        "zero_places": ["--max-per-teacher", "0"],
        "format_xml": ["--format", "xml"],
        "out_csv": ["--out", "x.csv"],
        "keep_missing": ["--keep", "gone.xlsx"],
    }.get(case, [])
    result = pair(tmp_path, path, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == stderr + "\n"
    assert not (tmp_path / "x.csv").exists()


def lbc_exe() -> str:
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    assert exe, "the lbc console script is installed"
    return exe


def test_a_negative_max_per_teacher_is_a_usage_mistake(tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [kid(1)], [teacher("王芳", C32)])
    assert pair(tmp_path, path, "--max-per-teacher", "-1").exit_code == 2
    result = subprocess.run(
        [lbc_exe(), "pair", str(path), "--max-per-teacher", "-1"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lbc: 错误：")
    assert "--max-per-teacher" in lines[0]


# ---- schools ----


@pytest.mark.parametrize("forked", [False, True])
def test_each_school_is_paired_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    # 王芳 (乙) heads a class named 三年级(2)班 and has a free place; 甲's 三(2) children
    # still never get her, and 乙's 五(1) child never gets 甲's 五(1) head teacher.
    # ``forked``: 乙 and 丙, the second half of the children, solved in a child of the
    # command (lbc.roster.background), as a county's schools are.
    if forked and not supervised.CAN_FORK:
        pytest.skip("the platform cannot fork")
    monkeypatch.setattr(background, "WORTH_FORKING", 1 if forked else 10**9)
    kids = [
        kid(1, C32, kind="父母均外出", 学校="甲小学"),
        kid(2, C32, kind="父母均外出", 学校="甲小学"),
        kid(3, C32, 学校="甲小学"),
        kid(4, C51, 学校="乙小学"),
        kid(5, C32, 学校="丙小学"),
    ]
    staff = [
        teacher("王芳", C32, role="班主任", 学校="乙小学"),
        teacher("李强", C51, role="班主任", 学校="甲小学"),
    ]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 1
    assert who(doc) == {
        "张雨涵": ("李强", ANYONE, False),
        "李明轩": ("李强", ANYONE, False),
        "刘浩然": ("王芳", ANYONE, False),
    }
    assert {u["child"]: u["why"] for u in doc["unpaired"]} == {
        "王梓萱": SHORT_1,
        "陈思彤": "本校没有可结对的在岗教师",
    }


def test_the_watch_list_is_forked_with_the_columns_pairing_reads_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watch list is drawn in a forked child while this process builds the children
    and teachers to pair. The columns both read (在校状态, 身份证号, 帮扶教师, 学校, 类别;
    the teachers' 姓名, 在岗, 学校, 联系电话) are normalised before the fork, so the child
    has them and does not normalise a county's 100,000 cells of each a second time."""
    if not supervised.CAN_FORK:
        pytest.skip("the platform cannot fork")
    monkeypatch.setattr(background, "WORTH_FORKING", 1)
    read_at_fork: list[set[str]] = []
    forking = background._fork

    def fork(work: Any) -> Any:
        if isinstance(work, functools.partial):  # the watch list's: (_watched, roster, …)
            roster = work.args[0]
            for tables in (roster.children, roster.teachers):
                read_at_fork.append({k for table in tables for k in dict.keys(table.values)})
        return forking(work)

    monkeypatch.setattr(background, "_fork", fork)
    more = {"学校": "甲小学", "在校状态": "在读", "类别": "单亲"}
    kids = [kid(1, C32, 帮扶教师="王芳", **more), kid(2, C51, **more)]
    staff = [teacher("王芳", C32, role="班主任", 学校="甲小学")]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", KEPT, True), "李明轩": ("王芳", ANYONE, False)}
    children, teachers = read_at_fork
    assert {"enrollment_status", "id_number", "support_teacher", "school", "categories"} <= children
    assert {"name", "active", "school", "phone"} <= teachers


def test_without_a_workbook_a_childs_row_is_read_for_pairing_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What only the pairs workbook writes of a child (出生日期, the 帮扶教师 its row states)
    is read from its row when the workbook is written: without --out, lbc pair normalises
    no 出生日期 cell, and the 帮扶教师 column once, not a second time as written."""
    from lbc.roster import canonical

    normalised: list[str] = []
    normalising = canonical.normalise_column

    def counted(values: list[Any], fn: Any, memo: bool, key: str) -> list[Any]:
        normalised.append(key)
        return normalising(values, fn, memo, key)

    monkeypatch.setattr(canonical, "normalise_column", counted)
    kids = [kid(1, C32, 帮扶教师="王芳"), kid(2, C51)]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32)]))
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", KEPT, True), "李明轩": ("王芳", ANYONE, False)}
    assert "birth_date" not in normalised
    assert normalised.count("support_teacher") == 1


def test_two_schools_children_on_the_same_sheet_and_row_are_told_apart(tmp_path: Path) -> None:
    """Two schools' files copied from one form: the same sheet name, the same rows, a
    namesake on each. Each pair names its file, as lbc flag and lbc watch do, so a script
    knows which school's 张雨涵 has which teacher."""
    files = []
    for n, school, head in ((1, "甲小学", "王芳"), (2, "乙小学", "李强")):
        (tmp_path / school).mkdir()
        (tmp_path / school / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', "utf-8")
        kids, staff = [{**kid(n, C32), "姓名": "张雨涵"}], [teacher(head, C32, role="班主任")]
        files.append(roster(tmp_path / school / "r.xlsx", kids, staff))
    code, doc = pair_json(tmp_path, tmp_path / "甲小学", tmp_path / "乙小学")
    assert code == 0
    assert sorted(
        (p["child"], p["file"], p["sheet"], p["row"], p["teacher"]) for p in doc["pairs"]
    ) == [
        ("张雨涵", str(files[1]), "花名册", 2, "李强"),
        ("张雨涵", str(files[0]), "花名册", 2, "王芳"),
    ]


def test_without_a_school_column_on_teachers_everyone_is_one_school(tmp_path: Path) -> None:
    kids = [kid(1, C32, 学校="甲小学"), kid(2, C51, 学校="乙小学")]
    staff = [teacher("王芳", C32, role="班主任"), teacher("李强", C51, role="班主任")]
    code, doc = pair_json(tmp_path, roster(tmp_path / "r.xlsx", kids, staff))
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", HEAD, False), "李明轩": ("李强", HEAD, False)}


# ---- the sample workspace, as a school runs it ----


def test_samples_pair_in_a_subprocess(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    before = (samples / "roster.xlsx").read_bytes()
    result = subprocess.run(
        [lbc_exe(), "pair", "--max-per-teacher", "2", "--format", "json"],
        cwd=samples,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    doc = json.loads(result.stdout)
    s = doc["summary"]
    assert (s["to_pair"], s["paired"], s["unpaired"]) == (56, 56, 0)
    assert {
        "teacher": "李勇",
        "school": "",
        "file": "roster.xlsx",
        "sheet": "教师名单",
        "row": 20,
        "why": INACTIVE,
    } in doc["idle_teachers"]
    [hu] = [p for p in doc["pairs"] if p["child"] == "胡宇轩"]
    assert hu["row"] == 37
    assert hu["teacher"] != "李勇" and hu["kept"] is False
    assert all(p["teacher"] != "李勇" for p in doc["pairs"])
    assert (samples / "roster.xlsx").read_bytes() == before


def print_setup(out: Path, sheet: str) -> tuple[Any, ...]:
    ws = load_workbook(out)[sheet]
    setup = ws.page_setup
    return (int(setup.paperSize), setup.orientation, setup.fitToWidth, setup.fitToHeight)


@pytest.mark.parametrize(("children", "high"), [(20, 0), (31, 1), (50, 0), (60, 2)])
def test_no_printed_page_holds_a_row_or_two_alone(tmp_path: Path, children: int, high: int):
    # A4 landscape holds 29 lines under the title: 31 children would leave two rows on a
    # second page, so the list is fitted to one; 60 would leave a third page's few, so two
    # (its header, 重点帮扶原因 wrapped, is two lines of Chinese text tall).
    kids = [kid(n, C32) for n in range(1, children + 1)]
    staff = [teacher(f"教师{n}", C32) for n in range(1, children // 2 + 2)]
    out = tmp_path / "pairs.xlsx"
    pair(tmp_path, roster(tmp_path / "r.xlsx", kids, staff), "--out", out)
    assert print_setup(out, "结对名单") == (9, "landscape", 1, high)


def test_the_teachers_list_has_room_for_three_children(tmp_path: Path) -> None:
    kids = [kid(n, C32) for n in range(1, 4)]
    out = tmp_path / "pairs.xlsx"
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32, role="班主任")])
    pair(tmp_path, path, "--max-per-teacher", "3", "--out", out)
    ws = load_workbook(out)["教师帮扶名单"]
    assert ws["F3"].value == f"张雨涵（{C32}）\n李明轩（{C32}）\n王梓萱（{C32}）"
    # One child a line, each line within the column, the row three lines tall (16 points
    # a line of Chinese text, and the cell's padding).
    assert (ws.column_dimensions["F"].width, ws.row_dimensions[3].height) == (23, 52)
    assert ws["F3"].alignment.wrap_text
    assert ws.print_title_rows == "$2:$2" and ws.freeze_panes == "A3"
    assert ws["A2"].fill.fgColor.rgb == "00DDEBF7" and ws["A2"].font.b


def test_a_list_of_nobody_prints_its_header_whole(samples) -> None:
    """The sample school pairs every child: its 未结对 sheet is one （无） row, and its
    empty columns were sized to half their header, printed 学生姓 / 名 on two lines."""
    assert run("pair", "--out", "结对.xlsx", cwd=samples).exit_code == 0
    ws = load_workbook(samples / "结对.xlsx")["未结对"]
    assert [c.value for c in ws[2]] == ["序号", "班级", "学生姓名", "原因"]
    assert ws["B3"].value == "（无）"
    widths = [ws.column_dimensions[c].width for c in "ABCD"]
    assert widths == [6, 8, 10, 6]


def test_a_passports_number_gives_no_birth_date_to_the_pairs_book(tmp_path: Path) -> None:
    """The pairs workbook keeps each child's birth date, hidden, to tell namesakes apart
    when it is read back. A child whose 身份证件类型 is 护照, its number 18 characters that
    look like an ID's (2016-03-09 inside), and no 出生日期 has none there, not a date the
    passport never said; a 居民身份证's child has its own."""
    passport = make_id(dt.date(2016, 3, 9), 103)
    kids = [
        kid(1, kind="父母均外出", 出生日期=None, 身份证号=passport, 身份证件类型="护照"),
        kid(2, kind="父母均外出", 身份证件类型="居民身份证"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32, role="班主任")])
    out = tmp_path / "pairs.xlsx"
    assert pair(tmp_path, path, "--out", out).exit_code == 0
    made = dt.datetime.combine(dt.date.today(), dt.time())
    assert [row[10:] for row in sheet_rows(out, "结对名单")[1:3]] == [
        [passport, "r.xlsx|花名册|2", None, made, None],
        [kids[1]["身份证号"], "r.xlsx|花名册|3", None, made, dt.datetime(2016, 5, 1)],
    ]


@pytest.mark.parametrize("cell", ["王芳(五年级1班)", "王芳（5.1）", "王芳（13800000002）"])
def test_one_of_two_namesakes_named_otherwise_than_lbc_tags_her_is_kept(
    tmp_path: Path, cell: str
) -> None:
    """Two 王芳 in post, one heading 三年级(2)班, one 五年级(1)班 (phone …002): a child's
    帮扶教师 cell names the second by her class or phone written otherwise than lbc's tag
    王芳（五年级(1)班）. It named nobody lbc knew, and the child was paired afresh; now the
    class or phone tells her, and the pair is kept."""
    staff = [
        teacher("王芳", C32, role="班主任", 联系电话="13800000001"),
        teacher("王芳", "五年级(1)班", role="班主任", 联系电话="13800000002"),
    ]
    kids = [kid(1, "五年级(1)班", 帮扶教师=cell), kid(2, C32)]
    roster(tmp_path / "r.xlsx", kids, staff)
    _, doc = pair_json(tmp_path, "r.xlsx")
    assert who(doc)["张雨涵"] == ("王芳（五年级(1)班）", "延续原结对", True)


def test_a_teacher_named_with_her_phone_is_that_teacher(tmp_path: Path) -> None:
    """A 帮扶教师 cell of 王芳 13800000001 was 不在教师名单中, and the child paired afresh;
    lbc due had her without a teacher in post. She is 王芳's to every command now."""
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C32, 联系电话="13800000001")]
    roster(tmp_path / "r.xlsx", [kid(1, C32, 帮扶教师="王芳 13800000001")], staff)
    result = pair(tmp_path, "r.xlsx", "--format", "json")
    assert who(result.json())["张雨涵"] == ("王芳", "延续原结对", True)
    assert "不在教师名单中" not in result.stderr
    due = run("due", "r.xlsx", "--as-of", "2024-10-15", "--format", "json", cwd=tmp_path).json()
    assert [(x["teacher"], [c["child"] for c in x["children"]]) for x in due["teachers"]] == [
        ("王芳", ["张雨涵"])
    ]
