"""lbc summary: every number of the termly work summary, checked against a hand-made school.

One small workspace (``school``) holds every case the counting rules of lbc.reports.summary name:
a child entered twice, one 转出 and one 辍学, a teacher not in post, two children sharing a
name in different classes, records inside and outside the term, a record naming nobody.
Every figure of the JSON context is counted by hand below, with how it was counted.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx.shared import Pt
from fontTools.ttLib import TTFont

from conftest import (
    CHILD_HEADER,
    PAIRS_PENDING,
    RECORD_HEADER,
    TEACHER_HEADER,
    Result,
    W,
    child_row,
    embedded_fonts,
    one_error_line,
    run,
    table,
    unclear_records,
    without,
    write_xlsx,
)
from lbc.reports.summary import VARIABLES

REPO = Path(__file__).resolve().parents[1]
SCHOOL = "白鹤乡中心小学"
C11, C32, C51 = "一年级(1)班", "三年级(2)班", "五年级(1)班"
TERM = ("--term", "2024-autumn")

Row = dict[str, Any]


# ---- the hand-made school ----


def kid(n: int, name: str, gender: str, cls: str, kind: str, **extra: Any) -> Row:
    """conftest's child ``n`` (its own valid ID) with a name, class and extra columns."""
    row = dict(
        zip(CHILD_HEADER, child_row(n, name, gender=gender, cls=cls, kind=kind), strict=True)
    )
    return {**row, **extra}


def teacher(name: str, classes: str, active: str = "是") -> Row:
    phone = f"138{sum(map(ord, name)) % 10**8:08d}"
    values = [name, "女", phone, "班主任", classes, "语文", "否", active]
    return dict(zip(TEACHER_HEADER, values, strict=True))


def record(day: dt.date, who: str, child: str | None, kind: str, cls: str | None = None) -> Row:
    values = [day, who, child, cls, kind, "记录"]
    return dict(zip(RECORD_HEADER, values, strict=True))


D = dt.date
CHILDREN = [
    # 1: paired with 王芳, talked to every month, home-visited; 孤儿 and 重点
    kid(1, "张雨涵", "女", C11, "父母均外出", 与儿童关系="祖母", 在校状态="在读",
        类别="孤儿", 重点帮扶对象="是", 帮扶教师="王芳"),
    # 2: 王芳; every month talked to, but November's talk was 李强's; 送温暖
    kid(2, "李明轩", "男", C11, "父亲外出", 与儿童关系="母亲",
        类别="建档立卡、低保", 重点帮扶对象="否", 帮扶教师="王芳"),
    # 3: 帮扶教师 赵敏 is not in post: unpaired; no record at all
    kid(3, "王梓萱", "女", C11, "母亲外出", 与儿童关系="亲属", 帮扶教师="赵敏"),
    # 4: 李强; relation empty (未登记, but no contact is missing for 父亲外出)
    kid(4, "刘浩然", "男", C32, "父亲外出", 与儿童关系=None, 帮扶教师="李强"),
    # 5: 李强; 家庭住址 empty -> REQ001 (archive incomplete); 重点
    kid(5, "陈思彤", "女", C32, "父母均外出", 与儿童关系="祖母", 家庭住址=None,
        重点帮扶对象="是", 帮扶教师="李强"),
    # 6: the other 陈思彤; both parents away, no guardian phone -> CON001; unpaired
    kid(6, "陈思彤", "女", C51, "父母均外出", 监护人电话=None),
    # 7: 辍学 (still on the books); 帮扶教师 not in the list -> TCH003 warning, unpaired
    kid(7, "黄欣怡", "女", C51, "母亲外出", 与儿童关系="其他", 在校状态="辍学", 帮扶教师="孙丽"),
    # 8: 转出: counted in enrollment only, so its 残疾 and 重点 count nowhere else
    kid(8, "赵俊熙", "男", C32, "父母均外出", 在校状态="转出", 类别="残疾", 重点帮扶对象="是"),
    # 9: 非留守, unpaired, 学困; 送温暖 from 钱进
    kid(9, "周雨桐", "女", C51, "非留守", 与儿童关系="外祖母", 类别="学困"),
    # 10: 李强
    kid(10, "吴宇航", "男", C51, "父亲外出", 在校状态="在读", 帮扶教师="李强"),
    # child 1 entered again with the same ID -> DUP001, counted once
    kid(1, "张雨涵", "女", C11, "父母均外出", 与儿童关系="祖母", 在校状态="在读",
        类别="孤儿", 重点帮扶对象="是", 帮扶教师="王芳"),
]  # fmt: skip
TEACHERS = [
    teacher("王芳", C11),
    teacher("李强", C32),
    teacher("赵敏", C51, active="否"),
    teacher("钱进", C51),
]
RECORDS = [
    record(D(2024, 7, 25), "王芳", "张雨涵", "谈心", C11),  # the spring term before
    record(D(2024, 9, 1), "王芳", "张雨涵", "谈心", C11),  # first day of the term
    record(D(2024, 10, 12), "王芳", "张雨涵", "谈心"),
    record(D(2024, 11, 8), "王芳", "张雨涵", "谈心"),
    record(D(2024, 12, 6), "王芳", "张雨涵", "谈心"),
    record(D(2025, 1, 31), "王芳", "张雨涵", "谈心"),  # last day of the term
    record(D(2024, 10, 20), "王芳", "张雨涵", "家访"),
    record(D(2024, 9, 15), "王芳", "李明轩", "谈心"),
    record(D(2024, 10, 15), "王芳", "李明轩", "谈心"),
    record(D(2024, 11, 15), "李强", "李明轩", "谈心"),  # not his own teacher
    record(D(2024, 12, 15), "王芳", "李明轩", "谈心"),
    record(D(2025, 1, 10), "王芳", "李明轩", "谈心"),
    record(D(2024, 12, 20), "王芳", "李明轩", "送温暖"),
    record(D(2024, 9, 20), "李强", "刘浩然", "谈话"),  # 谈话 reads as 谈心
    record(D(2024, 11, 20), "李强", "刘浩然", "家访"),
    record(D(2024, 10, 9), "李强", "陈思彤", "谈心", C32),  # the class tells them apart
    record(D(2024, 11, 9), "李强", "陈思彤", "电话联系", C51),
    # no class, by a teacher paired with neither: two children -> REC003
    record(D(2024, 12, 9), "钱进", "陈思彤", "谈心"),
    record(D(2024, 12, 25), "钱进", "周雨桐", "送温暖"),
    record(D(2024, 10, 30), "王芳", "张三丰", "谈心"),  # nobody -> REC002
    record(D(2024, 11, 11), "李强", "赵俊熙", "谈心"),  # transferred out: matches no one
    record(D(2024, 12, 31), "钱进", None, "活动", C51),  # a class activity
    record(D(2025, 2, 20), "王芳", "张雨涵", "谈心"),  # after the term
    record(D(2025, 1, 15), "李强", "吴宇航", "视频通话"),
    record(D(2024, 9, 25), "李强", "吴宇航", "学习辅导"),
]


def write_school(folder: Path) -> Path:
    """The workspace: 名册.xlsx (children, teachers, records) and lbc.toml. Returns folder."""
    folder.mkdir(parents=True, exist_ok=True)
    sheets = {"花名册": table(CHILDREN), "教师名单": table(TEACHERS), "帮扶记录": table(RECORDS)}
    write_xlsx(folder / "名册.xlsx", sheets)
    (folder / "lbc.toml").write_text(
        f'[school]\nname = "{SCHOOL}"\n\n[files]\nroster = ["名册.xlsx"]\n', encoding="utf-8"
    )
    return folder


@pytest.fixture
def school(tmp_path: Path) -> Path:
    return write_school(tmp_path / "ws")


def summary(ws: Path, *args: str | os.PathLike[str]) -> Result:
    return run("summary", *args, cwd=ws)


# ---- the JSON context, counted by hand ----

# Children on the books: rows 1-7, 9, 10 (9 children); child 8 is 转出 and the last row
# repeats child 1's ID.
EXPECTED: dict[str, Any] = {
    "school": SCHOOL,  # lbc.toml [school] name
    "term": {
        "key": "2024-autumn",
        "label": "2024年秋季学期",
        "title": "2024—2025学年第一学期",
        "school_year": "2024—2025学年",
        "start_text": "2024年9月1日",
        "end_text": "2025年1月31日",
        "start": "2024-09-01",  # default autumn dates: Sept 1 - Jan 31
        "end": "2025-01-31",
        "months": ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01"],
        # every month lies wholly in the term and is over: each owes a talk
        "counted_months": ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01"],
        "as_of": "2025-01-31",  # the term is over: as of its last day, not today
        "schools": [],  # none counted by a term of its own dates
    },
    "date_text": "2025年1月31日",
    "quotas": {  # lbc.toml has no [quotas]: the defaults, one of each
        "talks_per_month": 1,
        "home_visits_per_term": 1,
        "warmth_per_year": 1,
        "children_per_teacher": 1,
        "schools": [],  # none counted by quotas of its own lbc.toml
    },
    "children": {
        "total": 9,  # 10 distinct IDs less child 8 (转出); 辍学 child 7 stays on the books
        "left_behind": 8,  # all but 9 (非留守)
        "by_grade": [
            {"name": "一年级", "count": 3},  # 1, 2, 3
            {"name": "三年级", "count": 2},  # 4, 5 (8 left)
            {"name": "五年级", "count": 4},  # 6, 7, 9, 10
        ],
        "by_class": [
            {"name": C11, "count": 3},
            {"name": C32, "count": 2},
            {"name": C51, "count": 4},
        ],
        "by_gender": [
            {"name": "男", "count": 3},  # 2, 4, 10
            {"name": "女", "count": 6},  # 1, 3, 5, 6, 7, 9
        ],
        "by_type": [
            {"name": "父母均外出", "count": 3},  # 1, 5, 6
            {"name": "父亲外出", "count": 3},  # 2, 4, 10
            {"name": "母亲外出", "count": 2},  # 3, 7
            {"name": "非留守", "count": 1},  # 9
        ],
        "by_guardian": [
            {"name": "祖辈监护", "count": 5},  # 1 祖母, 5 祖母, 6 祖父, 9 外祖母, 10 祖父
            {"name": "父母一方监护", "count": 1},  # 2 母亲
            {"name": "亲属监护", "count": 1},  # 3 亲属
            {"name": "其他监护", "count": 1},  # 7 其他
            {"name": "未登记", "count": 1},  # 4 empty
        ],
        "by_category": [
            {"name": "重点帮扶对象", "count": 2},  # 1, 5 (8's does not count: 转出)
            {"name": "孤儿", "count": 1},  # 1
            {"name": "建档立卡", "count": 1},  # 2
            {"name": "低保", "count": 1},  # 2
            {"name": "学困", "count": 1},  # 9; 8's 残疾 does not count
        ],
    },
    "archive": {
        "complete": 8,  # 9 less child 5 (REQ001 家庭住址); 6's CON001 is a contact gap
        "complete_rate": 0.8889,  # 8/9
        "contacts_complete": 8,  # 9 less child 6 (CON001)
        "contacts_rate": 0.8889,
        "contacts_unjudged": 0,  # every child's 留守类型 is known
        "contacts_unseen": 0,  # every contact cell holds what it shows
        "contacts_note": None,
        "errors": 5,  # CON001, DUP001, REC002, REC003, REQ001
        "warnings": 1,  # TCH003 (child 7's 孙丽)
        "findings": [  # by count (all 1), then code
            {
                "code": "CON001",
                "title": "父母均外出，监护人信息不全",
                "severity": "error",
                "count": 1,
            },
            {"code": "DUP001", "title": "身份证号重复", "severity": "error", "count": 1},
            {"code": "REC002", "title": "记录的学生未登记", "severity": "error", "count": 1},
            {"code": "REC003", "title": "记录的学生有重名", "severity": "error", "count": 1},
            {"code": "REQ001", "title": "必填项为空", "severity": "error", "count": 1},
            {"code": "TCH003", "title": "帮扶教师不在教师名单", "severity": "warning", "count": 1},
        ],
    },
    "pairing": {
        "provided": True,  # a teachers list was read
        "counted": True,  # so pairs are counted
        "children": 9,
        "paired": 5,  # 1, 2 (王芳); 4, 5, 10 (李强); 3's 赵敏 is not in post, 7's 孙丽 unknown
        "coverage": 0.5556,  # 5/9
        "unpaired": [
            {"class": C11, "names": ["王梓萱"]},  # 3
            {"class": C51, "names": ["陈思彤", "黄欣怡", "周雨桐"]},  # 6, 7, 9
        ],
        "teachers": 3,  # 王芳, 李强, 钱进 (赵敏 在岗 否)
        "teachers_with_children": 2,  # 王芳, 李强
        "teachers_rate": 0.6667,  # 2/3
        "teachers_below_quota": ["钱进"],  # in post, no child
        "average_load": 2.5,  # 5 children / 2 teachers
        "kept": None,  # known only with --previous
    },
    "records": {
        "provided": True,  # a records sheet was read
        # 25 rows less 2024-07-25 and 2025-02-20 (outside the term), and the two unclear
        "total": 21,
        "matched": 19,  # 21 less 赵俊熙 (转出) and the 活动
        "unclear": 2,  # 陈思彤 without class (two of them), 张三丰 (not on the roster)
        "unreadable_kinds": 0,
        "by_kind": [
            {
                "name": "谈心",
                "count": 13,
            },  # 张雨涵 5, 李明轩 5, 刘浩然 1 (谈话), 陈思彤 of C32, 赵俊熙
            {"name": "家访", "count": 2},  # 张雨涵, 刘浩然
            {"name": "电话联系", "count": 1},  # 陈思彤 五年级
            {"name": "视频通话", "count": 1},  # 吴宇航
            {"name": "学习辅导", "count": 1},  # 吴宇航
            {"name": "送温暖", "count": 2},  # 李明轩, 周雨桐
            {"name": "活动", "count": 1},  # 五年级(1)班
        ],
        "by_month": [
            {"name": "2024-09", "count": 4},  # 9-01, 9-15, 9-20, 9-25
            {"name": "2024-10", "count": 4},  # 10-09, 10-12, 10-15, 10-20
            {"name": "2024-11", "count": 5},  # 11-08, 11-09, 11-11, 11-15, 11-20
            {"name": "2024-12", "count": 5},  # 12-06, 12-15, 12-20, 12-25, 12-31
            {"name": "2025-01", "count": 3},  # 1-10, 1-15, 1-31
        ],
        "talks": 13,
        "home_visits": 2,
        "calls": 2,  # 电话联系 + 视频通话
        "warmth": 2,
        "family_calls": 0,
        "family_called": 0,
        "paired_children": 5,
        "talk_every_month": 2,  # 张雨涵, 李明轩 (November's talk by 李强 still counts)
        "talk_rate": 0.4,  # 2/5
        "home_visited": 2,  # 张雨涵, 刘浩然
        "home_visit_rate": 0.4,
        "warmth_received": 1,  # 李明轩 (周雨桐 is not paired)
        "warmth_rate": 0.2,
        "without_record": [  # matched to no in-term record
            {"class": C11, "names": ["王梓萱"]},
            {"class": C51, "names": ["黄欣怡"]},
        ],
        "without_record_count": 2,
        "teachers_behind": [  # by missing talks + visits, most first
            # 刘浩然, 陈思彤, 吴宇航 not talked to monthly; 陈思彤, 吴宇航 not visited
            {"teacher": "李强", "children": 3, "missing_talks": 3, "missing_visits": 2},
            # 李明轩: November's talk was 李强's, and no visit
            {"teacher": "王芳", "children": 2, "missing_talks": 1, "missing_visits": 1},
        ],
    },
    "enrollment": {
        "by_status": [
            {"name": "在读", "count": 8},  # 10 distinct less 7 and 8; empty 在校状态 is 在读
            {"name": "转入", "count": 0},
            {"name": "转出", "count": 1},  # 8
            {"name": "休学", "count": 0},
            {"name": "辍学", "count": 1},  # 7
            {"name": "不在学", "count": 0},
            {"name": "毕业", "count": 0},
            {"name": "死亡", "count": 0},
        ],
        "on_books": 9,
        "dropped_out": 1,
        "retention_rate": 0.8889,  # 1 - 1/9
        "dropout_rate": 0.1111,  # 1/9
    },
    "changes": None,  # known only with --previous
    # The watch list at threshold 3 (children 1-7, 9 and 10 are at school; 9 is 非留守 but
    # on the roster, so watched too). At the start (2024-09-01, this roster, days without
    # contact left out): 1 孤儿 (5) and 7 辍学 (5); the missing 帮扶教师 (2) of 6 and 9
    # alone is not enough. At the end (2025-01-31; a record on or after 2025-01-01 is
    # contact within 30 days): 1, 7, and 3 (no record), 4 (last 11-20), 5 (last 10-09: the
    # 12-09 record names no single child), 6 (last 11-09, and no teacher), 9 (no record in
    # January, and no teacher); 2 and 10 had records in January. Of those seven, only 1 is
    # paired and had a talk every month and a home visit (4 and 5 lack talks; 3, 6, 7 and
    # 9 have no teacher in post).
    "watch": {
        "threshold": 3,
        "schools": [],  # none drawn by a [watch] of its own lbc.toml
        "start_basis": "term_start",
        "start": 2,
        "end": 7,
        "end_all_owed": 1,
    },
    "schools": None,  # one school: no per-school table
    "schools_note": None,  # nor a word on its rows' sum
    # The gaps: unpaired 4, talks 5-2=3, visits 5-2=3, no record 2, archive 1, contacts 1,
    # teachers 1, dropouts 1: the three largest, ties in the listed order.
    "problems": [
        "结对帮扶未全覆盖：有 4 名儿童尚未落实帮扶教师。",
        "谈心不够经常：有 3 名结对儿童未做到每月至少谈心一次。",
        "家访未全覆盖：有 3 名结对儿童本学期没有家访记录。",
    ],
    "plans": [
        "为 4 名未结对儿童落实帮扶教师，做到“一对一”全覆盖。",
        "落实每月谈心制度，帮扶教师每月与 3 名未达标儿童至少谈心一次并及时记录。",
        "下学期优先安排对 3 名儿童的家访，做到每学期每生至少家访一次。",
    ],
}


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    ws = write_school(tmp_path_factory.mktemp("json"))
    with pytest.MonkeyPatch.context() as mp:  # as conftest's autouse fixture, for the module
        for var in ("LBC_LANG", "LBC_DEBUG"):
            mp.delenv(var, raising=False)
        mp.setenv("NO_COLOR", "1")
        result = summary(ws, *TERM, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # 陈思彤 without class and 张三丰 count for no child: said, as lbc due says it.
    assert result.stderr == unclear_records(2)
    return result.json()


def test_every_number_of_the_context(context: dict[str, Any]) -> None:
    assert context == EXPECTED


def test_the_term_spelled_otherwise_gives_the_same_context(school: Path) -> None:
    result = summary(school, "--term", "2024-2025学年第一学期", "--format", "json")
    assert result.exit_code == 0 and result.json() == EXPECTED


# ---- Markdown ----

TITLE = f"# {SCHOOL}2024—2025学年第一学期留守儿童关爱工作总结"
HEADINGS = [
    "## 一、基本情况",
    "## 二、主要做法",
    "## 三、工作成效",
    "## 四、存在问题",
    "## 五、下学期工作打算",
]


def section(lines: list[str], heading: str) -> list[str]:
    """The non-empty lines under ``heading``, up to the next ``##`` heading."""
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line]


def test_markdown_sections_and_sentences(school: Path) -> None:
    """The Markdown file, with the lines marking where the HTML shows a chart and the
    signature; the screen shows the same without them (stray code there, in English)."""
    out = school.parent / "总结.md"
    result = summary(school, *TERM, "--out", out)  # --format md is the default
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    shown = summary(school, *TERM)
    assert shown.exit_code == 0 and shown.stderr == unclear_records(2)
    assert shown.stdout.splitlines() == [x for x in lines if not x.startswith("<!-- ")]
    assert lines[0] == TITLE
    assert [line for line in lines if line.startswith("## ")] == HEADINGS
    assert lines[2] == (
        "本学期（2024年9月1日至2025年1月31日），我校认真落实农村留守儿童关爱保护工作要求，"
        "建立健全留守儿童档案，全面推行教师结对帮扶（“一对一”），坚持每月谈心、每学期家访，"
        "现将本学期工作总结如下。"
    )
    assert section(lines, HEADINGS[0]) == [
        "本学期我校在册关爱对象 9 名，其中留守儿童 8 名；男 3 人，女 6 人。",
        "- 按年级：一年级 3 人，三年级 2 人，五年级 4 人。",
        "- 按留守类型：父母均外出 3 人，父亲外出 3 人，母亲外出 2 人，非留守 1 人。",
        "- 按监护情况：祖辈监护 5 人，父母一方监护 1 人，亲属监护 1 人，"
        "其他监护 1 人，未登记 1 人。",
        "- 重点关注：重点帮扶对象 2 人，孤儿 1 人，建档立卡 1 人，低保 1 人，学困 1 人。",
        "<!-- chart: children_by_grade -->",
        "<!-- chart: children_by_type -->",
        ": 各班关爱对象人数",
        "| 班级 | 人数 |",
        "|---|---|",
        f"| {C11} | 3 |",
        f"| {C32} | 2 |",
        f"| {C51} | 4 |",
        "| 合计 | 9 |",  # every child on the books: the 关爱对象 above, the orphan too
    ]
    done = section(lines, HEADINGS[1])
    assert done[0] == (
        "1. 建档立卡，动态管理。学校为每名留守儿童建立档案和联系卡，建档完整的儿童 8 名，"
        "建档率 88.9%；联系方式齐全的 8 名，占 88.9%。"
    )
    assert done[1] == (
        "2. 结对帮扶，一对一关爱。全校 3 名在岗教师中 2 名参与结对（66.7%），结对儿童 5 名，"
        "覆盖率 55.6%，每名帮扶教师平均帮扶 2.5 名。"
    )
    assert done[2] == (
        "3. 谈心家访，常态开展。本学期共有帮扶记录 21 条，其中谈心 13 条、家访 2 条、"
        "电话联系 1 条、视频通话 1 条、学习辅导 1 条、送温暖 2 条、活动 1 条。"
    )
    assert done[3:] == [
        "<!-- chart: records_by_month -->",
        ": 帮扶记录分类",
        "| 类型 | 记录数 |",
        "|---|---|",
        "| 谈心 | 13 |",
        "| 家访 | 2 |",
        "| 电话联系 | 1 |",
        "| 视频通话 | 1 |",
        "| 学习辅导 | 1 |",
        "| 送温暖 | 2 |",
        "| 活动 | 1 |",
        "| 合计 | 21 |",
        ": 各月帮扶记录",
        "| 月份 | 记录数 |",
        "|---|---|",
        "| 2024年9月 | 4 |",
        "| 2024年10月 | 4 |",
        "| 2024年11月 | 5 |",
        "| 2024年12月 | 5 |",
        "| 2025年1月 | 3 |",
        "| 合计 | 21 |",
    ]
    assert section(lines, HEADINGS[2]) == [
        "- 每月谈心：5 名结对儿童中，2 名做到每月至少谈心 1 次（40.0%）。",
        "- 学期家访：2 名结对儿童本学期至少家访 1 次（40.0%）。",
        "- 送温暖：1 名结对儿童本学年得到送温暖（20.0%）。",
        "- 重点关注名单：学期初 2 名，学期末 7 名，其中 1 名谈心、家访均达到要求。",
        "- 在校情况：在读 8 人，转出 1 人，辍学 1 人；巩固率 88.9%，辍学率 11.1%。",
        "<!-- chart: quota_compliance -->",
    ]
    assert section(lines, HEADINGS[3]) == [
        "1. 结对帮扶未全覆盖：有 4 名儿童尚未落实帮扶教师。",
        "2. 谈心不够经常：有 3 名结对儿童未做到每月至少谈心一次。",
        "3. 家访未全覆盖：有 3 名结对儿童本学期没有家访记录。",
        "本学期没有任何帮扶记录的儿童：",
        f"- {C11}：王梓萱",
        f"- {C51}：黄欣怡",
        "未完成谈心或家访要求的帮扶教师：",
        "- 李强：帮扶 3 名，3 名未做到每月谈心，2 名本学期未家访",
        "- 王芳：帮扶 2 名，1 名未做到每月谈心，1 名本学期未家访",
    ]
    assert section(lines, HEADINGS[4]) == [
        "1. 为 4 名未结对儿童落实帮扶教师，做到“一对一”全覆盖。",
        "2. 落实每月谈心制度，帮扶教师每月与 3 名未达标儿童至少谈心一次并及时记录。",
        "3. 下学期优先安排对 3 名儿童的家访，做到每学期每生至少家访一次。",
        "4. 坚持每月谈心、每学期家访制度，开学一个月内完成留守儿童档案更新，确保建档率 100%。",
        "<!-- sign -->",
        SCHOOL,
        "2025年1月31日",
    ]
    assert shown.stdout.endswith("2025年1月31日\n")


# ---- HTML ----

SVG = "{http://www.w3.org/2000/svg}"


class _Page(HTMLParser):
    """Tag counts and the text a reader sees (not the style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self._hidden += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def cmap(font: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(font)).getBestCmap())


def test_html_is_one_file_with_charts_and_its_own_font(school: Path) -> None:
    result = summary(school, *TERM, "--format", "html", "--out", "s.html")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == unclear_records(2) + "已写出工作总结：s.html\n"
    out = school / "s.html"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page_text = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(page_text)
    page.close()
    assert page.tags["h1"] == 1 and page.tags["svg"] == 4
    assert "<script" not in page_text and "<link" not in page_text
    # The title in two lines broken between phrases (``TITLE`` is one line of Markdown).
    assert re.search(r"<h1>(.*?)</h1>", page_text)[1] == (  # type: ignore[index]
        f"{SCHOOL}2024—2025学年第一学期<br>留守儿童关爱工作总结"
    )
    assert TITLE[2:] == f"{SCHOOL}2024—2025学年第一学期留守儿童关爱工作总结"
    # Printed on A4 with margins; table captions numbered; header rows repeat in print.
    assert re.search(r"@page \{ size: A4; margin: 25mm 26mm 25mm 28mm; \}", page_text)
    assert re.findall(r"<caption>(.*?)</caption>", page_text) == [
        "表1　各班关爱对象人数",
        "表2　帮扶记录分类",
        "表3　各月帮扶记录",
    ]
    assert page_text.count("<thead><tr><th>") == 3

    charts = {}
    for svg in re.findall(r"<svg\b.*?</svg>", page_text, flags=re.S):
        root = ET.fromstring(svg)
        title, *bars = [t.text for t in root.iter(f"{SVG}text")]
        assert root.findtext(f"{SVG}title") == title
        charts[title] = list(zip(bars[::2], bars[1::2], strict=True))
    assert charts == {
        "各年级关爱对象人数": [("一年级", "3 人"), ("三年级", "2 人"), ("五年级", "4 人")],
        "留守类型": [
            ("父母均外出", "3 人"),
            ("父亲外出", "3 人"),
            ("母亲外出", "2 人"),
            ("非留守", "1 人"),
        ],
        "各月帮扶记录": [
            ("2024-09", "4 条"),
            ("2024-10", "4 条"),
            ("2024-11", "5 条"),
            ("2024-12", "5 条"),
            ("2025-01", "3 条"),
        ],
        "工作要求完成情况": [
            ("每月谈心", "40.0%"),  # talk_rate
            ("学期家访", "40.0%"),  # home_visit_rate
            ("送温暖", "20.0%"),  # warmth_rate
            ("建档率", "88.9%"),  # complete_rate
            ("结对覆盖率", "55.6%"),  # coverage
        ],
    }

    fonts = re.findall(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)", page_text)
    assert len(fonts) == 2  # regular and bold
    shown = {ord(c) for c in "".join(page.text) if not c.isspace() and not c.isascii()}
    assert len(shown) > 200  # the page's own Chinese text, not a handful of characters
    for data in fonts:
        assert shown - cmap(base64.b64decode(data)) == set()


# ---- Word ----


def east_asian(paragraph: Any) -> str | None:
    rfonts = paragraph.runs[0]._r.rPr.find(f"{W}rFonts")
    return None if rfonts is None else rfonts.get(f"{W}eastAsia")


def document_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    return "".join(t.text or "" for t in root.iter(f"{W}t"))


def test_word_document_in_official_style_with_fonts_inside(school: Path) -> None:
    from docx import Document

    result = summary(school, *TERM, "--format", "docx", "--out", "总结.docx")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == unclear_records(2) + "已写出工作总结：总结.docx\n"
    out = school / "总结.docx"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = Document(str(out))
    paragraphs = {p.text: p for p in doc.paragraphs if p.text}
    first = doc.paragraphs[0]
    # The title breaks between phrases, in two lines of like length, not inside 留守.
    assert first.text == f"{SCHOOL}2024—2025学年第一学期\n留守儿童关爱工作总结"
    assert east_asian(first) == "宋体" and first.runs[0].bold
    assert [p for p in paragraphs if p in {h[3:] for h in HEADINGS}] == [h[3:] for h in HEADINGS]
    assert east_asian(paragraphs["一、基本情况"]) == "黑体"
    body = paragraphs["本学期我校在册关爱对象 9 名，其中留守儿童 8 名；男 3 人，女 6 人。"]
    assert east_asian(body) == "仿宋"
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters of 三号
    # List items: the marker where a paragraph's first line starts, the text and every
    # further line of it two characters on.
    items = [p for p in doc.paragraphs if p.paragraph_format.left_indent]
    # 三、工作成效 has five: talks, visits, 送温暖, the watch list, enrollment.
    assert [p.text.split("\t")[0] for p in items] == ["•"] * 4 + ["1．", "2．", "3．"] + [
        "•"
    ] * 5 + ["1．", "2．", "3．"] + ["•"] * 4 + ["1．", "2．", "3．", "4．"]
    for item in items:
        fmt = item.paragraph_format
        assert (fmt.left_indent, fmt.first_line_indent) == (Pt(64), -Pt(32)), item.text
        assert [s.position for s in fmt.tab_stops] == [Pt(64)]
    assert items[4].text == (
        "1．\t建档立卡，动态管理。学校为每名留守儿童建立档案和联系卡，建档完整的儿童 8 名，"
        "建档率 88.9%；联系方式齐全的 8 名，占 88.9%。"
    )
    # Every kind of record counted is named, and the counts add up to the total.
    sentence = items[6].text
    assert sentence.startswith("3．\t谈心家访，常态开展。本学期共有帮扶记录 21 条，其中")
    named = re.findall(r"([^、，\s]+) (\d+) 条", sentence.split("其中")[1])
    assert [n for n, _ in named] == [
        "谈心",
        "家访",
        "电话联系",
        "视频通话",
        "学习辅导",
        "送温暖",
        "活动",
    ]
    assert sum(int(c) for _, c in named) == 21
    section_ = doc.sections[0]
    assert (round(section_.page_width.mm), round(section_.page_height.mm)) == (210, 297)

    # Each table: a numbered caption kept with it, a header row repeated on each page,
    # rows that never split across pages.
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assert tables[0] == [["班级", "人数"], [C11, "3"], [C32, "2"], [C51, "4"], ["合计", "9"]]
    assert tables[1][0] == ["类型", "记录数"] and tables[1][-1] == ["合计", "21"]
    assert sum(int(n) for _, n in tables[1][1:-1]) == 21
    assert tables[2][-1] == ["合计", "21"] and sum(int(n) for _, n in tables[2][1:-1]) == 21
    captions = []
    for grid in doc.tables:
        caption = grid._tbl.getprevious()
        captions.append("".join(t.text or "" for t in caption.iter(f"{W}t")))
        assert caption.find(f"{W}pPr/{W}keepNext") is not None
        assert caption.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
        rows = grid._tbl.findall(f"{W}tr")
        assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True] + [False] * (
            len(rows) - 1
        )
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert captions == ["表1　各班关爱对象人数", "表2　帮扶记录分类", "表3　各月帮扶记录"]

    # Fonts: runs name the standard faces; what is embedded is the fallback under its own
    # name, hung from each standard face, holding every character the document shows.
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        settings = z.read("word/settings.xml").decode("utf-8")
        document = ET.fromstring(z.read("word/document.xml"))
        font_table = ET.fromstring(z.read("word/fontTable.xml"))
    asked = {r.get(f"{W}eastAsia") for r in document.iter(f"{W}rFonts")}
    assert asked == {"仿宋", "黑体", "宋体"}  # 楷体 is for ### headings, which it has none of
    alt = {
        f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
        for f in font_table.iter(f"{W}font")
        if f.find(f"{W}altName") is not None
    }
    assert alt == {"仿宋": "FangSong", "黑体": "SimHei", "楷体": "KaiTi", "宋体": "SimSun"}
    assert "<w:embedTrueTypeFonts/>" in settings
    odttf = [n for n in names if n.startswith("word/fonts/") and n.endswith(".odttf")]
    assert len(odttf) == 2  # regular and bold, however many faces they stand in for
    fonts = embedded_fonts(out)
    assert sorted(fonts) == ["仿宋", "宋体", "楷体", "黑体"]
    needed = {ord(c) for c in document_text(out) if not c.isspace()}
    assert len(needed) > 200
    styles = {}
    for name, faces in fonts.items():
        styles[name] = []
        for data in faces:
            font = TTFont(io.BytesIO(data))
            assert font["name"].getDebugName(1) == "LBC Noto Sans SC"  # never 仿宋 …
            styles[name].append(font["name"].getDebugName(2))
            assert needed - set(font.getBestCmap()) == set(), name
    # 黑体 is heavy: the bold cut stands in for its regular style too.
    assert styles == {
        "仿宋": ["Regular", "Bold"],
        "黑体": ["Bold", "Bold"],
        "楷体": ["Regular", "Bold"],
        "宋体": ["Regular", "Bold"],
    }


# ---- a school's own templates ----


def test_a_school_markdown_template_renders_exactly(school: Path) -> None:
    (school / "my.md").write_text(
        "{{ school }}（{{ term.label }}）\n"
        "在册 {{ children.total }} 名，结对 {{ pairing.paired }} 名，"
        "建档率 {{ '%.1f' % (archive.complete_rate * 100) }}%。\n"
        "{% for p in problems %}{{ loop.index }}) {{ p }}\n{% endfor %}",
        encoding="utf-8",
    )
    result = summary(school, *TERM, "--template", "my.md")
    assert result.exit_code == 0 and result.stderr == unclear_records(2)
    assert result.stdout == (
        f"{SCHOOL}（2024年秋季学期）\n"
        "在册 9 名，结对 5 名，建档率 88.9%。\n"
        "1) 结对帮扶未全覆盖：有 4 名儿童尚未落实帮扶教师。\n"
        "2) 谈心不够经常：有 3 名结对儿童未做到每月至少谈心一次。\n"
        "3) 家访未全覆盖：有 3 名结对儿童本学期没有家访记录。\n"
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("第一行\n{{ school }}\n{{ nope }}\n", 3, "'nope' is undefined"),
        (
            "{% for g in children.by_grade %}\n{{ g.name }}\n{{ g.nope }}\n{% endfor %}\n",
            3,
            "'dict object' has no attribute 'nope'",
        ),
    ],
)
def test_an_undefined_name_says_which_and_where(
    school: Path, text: str, line: int, reason: str
) -> None:
    (school / "bad.md").write_text(text, encoding="utf-8")
    result = summary(school, *TERM, "--template", "bad.md")
    assert one_error_line(result) == f"lbc: 错误：模板 bad.md 第 {line} 行出错：{reason}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ ''.__class__.__mro__ }}", "access to attribute '__class__' of 'str' object"),
        (
            "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
            "access to attribute '__init__' of 'type' object",
        ),
        ("{{ '{0.__class__}'.format(school) }}", "access to attribute '__class__' of 'str'"),
    ],
)
def test_sandbox_escapes_are_refused(school: Path, text: str, reason: str) -> None:
    (school / "evil.md").write_text("正文\n" + text + "\n", encoding="utf-8")
    for fmt in ("md", "html"):
        result = summary(school, *TERM, "--template", "evil.md", "--format", fmt)
        error = one_error_line(result)
        assert error.startswith("lbc: 错误：模板 evil.md 第 2 行出错：" + reason), error
    assert not (school / "pwned").exists()


def docx_template(path: Path, text: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("工作总结")
    doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_a_school_word_template_gets_the_real_values(school: Path) -> None:
    from docx import Document

    docx_template(school / "x.docx", "{{ school }} {{ children.total }} {{ term.title }}")
    result = summary(school, *TERM, "--template", "x.docx", "--format", "docx", "--out", "o.docx")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == unclear_records(2) + "已写出工作总结：o.docx\n"
    out = school / "o.docx"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts == ["工作总结", f"{SCHOOL} 9 2024—2025学年第一学期"]
    needed = {ord(c) for c in document_text(out) if not c.isspace()}
    for name, faces in embedded_fonts(out).items():
        for data in faces:
            assert needed - cmap(data) == set(), name


def test_a_word_template_with_an_undefined_name_is_one_error(school: Path) -> None:
    docx_template(school / "bad.docx", "{{ school }} {{ nope }}")
    result = summary(school, *TERM, "--template", "bad.docx", "--format", "docx", "--out", "o.docx")
    # A .docx has no lines a school could look up: the line is "-".
    assert one_error_line(result) == "lbc: 错误：模板 bad.docx 第 - 行出错：'nope' is undefined"
    assert not (school / "o.docx").exists()


# ---- --variables documents the context, all of it and nothing else ----


def paths(value: Any, prefix: str = "") -> set[str]:
    """Every variable path in the context: ``X[]`` for a list of records, ``X`` for a list
    of plain values, then the fields of its items."""
    if isinstance(value, dict):
        out: set[str] = set()
        for key, inner in value.items():
            out |= paths(inner, f"{prefix}.{key}" if prefix else key)
        return out
    if isinstance(value, list) and any(isinstance(x, dict) for x in value):
        return {f"{prefix}[]"}.union(*(paths(x, f"{prefix}[]") for x in value))
    return {prefix}


def lookup(context: dict[str, Any], path: str) -> bool:
    """Whether ``path`` (with ``[]`` steps) names something in the context."""
    values: list[Any] = [context]
    for step in path.split("."):
        name, is_list = step.removesuffix("[]"), step.endswith("[]")
        values = [v[name] for v in values if isinstance(v, dict) and name in v]
        if is_list:
            values = [x for v in values if isinstance(v, list) for x in v] if values else []
            if not values:
                return False
    return bool(values)


def test_variables_lists_every_path_of_the_context(school: Path) -> None:
    write_xlsx(school / "上学期.xlsx", {"花名册": table(LAST_TERM)})
    args = ("--term", "2024-autumn", "--format", "json", "--previous", "上学期.xlsx")
    context = summary(school, *args).json()
    result = run("summary", "--variables")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("模板可用变量") and lines[1] == ""
    html_at = lines.index("HTML 模板（.html）另可使用：")
    assert [line.split(None, 1)[0] for line in lines[html_at + 2 :]] == ["charts", "font_face"]
    rows = [line.split(None, 1) for line in lines[2 : html_at - 1]]
    assert all(len(r) == 2 for r in rows)  # every variable has a description
    listed = [r[0] for r in rows]
    assert listed == list(VARIABLES)
    real = paths(context)
    assert "archive.findings[].count" in real and "term.months" in real
    undocumented = {
        p
        for p in real
        if p not in listed
        and not (p.endswith(("[].name", "[].count")) and p.rsplit(".", 1)[0] in listed)
    }
    assert undocumented == set()
    # schools[] and county_table are filled only for a folder or a merged roster of several
    # schools, schools_note where a child is on two of their rosters, term.schools,
    # quotas.schools and watch.schools where a school's lbc.toml sets its own.
    several = (
        "schools[]",
        "schools_note",
        "county_table",
        "term.schools",
        "quotas.schools",
        "watch.schools",
    )
    stale = [v for v in listed if not lookup(context, v) and not v.startswith(several)]
    assert stale == []


# ---- against last term's roster ----

LAST_TERM = [
    # 1: same ID, guardian phone changed, same teacher -> kept
    kid(1, "张雨涵", "女", C11, "父母均外出", 与儿童关系="祖母", 在校状态="在读",
        类别="孤儿", 重点帮扶对象="是", 帮扶教师="王芳", 监护人电话="13700000000"),
    # 2: same ID, another teacher last term -> not kept; 留守类型 changed
    kid(2, "李明轩", "男", C11, "父母均外出", 与儿童关系="母亲", 帮扶教师="李强"),
    # 4: no ID last term, same name and birth date -> matched by name and birth date, its
    # ID filled in; kept
    {**kid(4, "刘浩然", "男", C32, "父亲外出", 与儿童关系=None, 帮扶教师="李强"), "身份证号": None},
    # 8: was 在读, now 转出 -> left
    kid(8, "赵俊熙", "男", C32, "父母均外出", 类别="残疾", 重点帮扶对象="是"),
    # a child who is no longer on the roster at all -> left
    kid(11, "孙博文", "男", C51, "父亲外出"),
]  # fmt: skip


def test_previous_roster_gives_changes_and_kept_pairs(school: Path) -> None:
    write_xlsx(school / "上学期.xlsx", {"花名册": table(LAST_TERM)})
    result = summary(
        school, "--term", "2024-autumn", "--format", "json", "--previous", "上学期.xlsx"
    )
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert doc["changes"] == {
        "added": 6,  # 3, 5, 6, 7, 9, 10 were not on last term's roster
        "left": 2,  # 孙博文 gone, 赵俊熙 now 转出
        # 张雨涵 (phone), 李明轩 (type, 类别, teacher), 刘浩然 (ID filled in);
        # 赵俊熙 has left: counted once, above
        "changed": 3,
        "by_field": [
            {"name": "身份证号", "count": 1},
            {"name": "留守类型", "count": 1},
            {"name": "类别", "count": 1},  # 李明轩: none last term, 建档立卡、低保 now
            {"name": "监护人电话", "count": 1},
            {"name": "帮扶教师", "count": 1},
        ],
        "matched_by_id": 3,  # 1, 2, 8
        "matched_by_name_birth": 1,  # 4
        "matched_by_name_class": 0,
    }
    assert doc["pairing"]["kept"] == 2  # 张雨涵 with 王芳, 刘浩然 with 李强
    md = summary(school, "--term", "2024-autumn", "--previous", "上学期.xlsx").stdout
    assert (
        "与上学期相比，新增 6 名，转出或离校 2 名，信息变更 3 名（身份证号 1 人，"
        "留守类型 1 人，类别 1 人，监护人电话 1 人，帮扶教师 1 人）。"
    ) in md.splitlines()
    assert "，其中 2 名延续上学期的帮扶教师。" in md


def test_last_terms_roster_without_support_teachers_says_nothing_of_pairs_kept(
    school: Path,
) -> None:
    """Last term's roster has no 帮扶教师 column (the registration form has none): whose
    teacher stayed is not known, and the summary must not say none did (其中 0 名延续上学期
    的帮扶教师); the changes it can count are still said."""
    rows = [{k: v for k, v in row.items() if k != "帮扶教师"} for row in LAST_TERM]
    write_xlsx(school / "上学期.xlsx", {"花名册": table(rows)})
    args = ("--term", "2024-autumn", "--previous", "上学期.xlsx")
    doc = summary(school, *args, "--format", "json").json()
    assert doc["pairing"]["kept"] is None
    assert doc["changes"]["added"] == 6
    md = summary(school, *args).stdout
    assert "与上学期相比，新增 6 名" in md
    assert "延续上学期" not in md


# ---- usage mistakes: exit 2, one line ----


def test_no_term_is_a_usage_error(school: Path) -> None:
    assert one_error_line(summary(school)) == (
        "lbc: 错误：请用 --term 指定学期，如 --term 2024-autumn（也可写 2024秋、2024-2025-1）"
    )


def test_a_bad_term_is_a_usage_error(school: Path) -> None:
    assert one_error_line(summary(school, "--term", "2024冬")) == (
        "lbc: 错误：无法识别学期“2024冬”；"
        "请写成 2024-autumn、2025-spring、2024秋 或 2024-2025-1 这样的形式"
    )


def test_docx_needs_out(school: Path) -> None:
    assert one_error_line(summary(school, *TERM, "--format", "docx")) == (
        "lbc: 错误：Word 格式需要用 --out 指定输出文件，如 --out 总结.docx"
    )


def test_an_unknown_format_is_a_usage_error(school: Path) -> None:
    assert one_error_line(summary(school, *TERM, "--format", "pdf")) == (
        "lbc: 错误：不支持的输出格式：pdf（可选 md、html、docx、json）"
    )


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_out_never_overwrites_the_roster(school: Path, fmt: str) -> None:
    before = (school / "名册.xlsx").read_bytes()
    result = summary(school, *TERM, "--format", fmt, "--out", "名册.xlsx")
    assert one_error_line(result) == (
        "lbc: 错误：不能写出这种文件：名册.xlsx"
        "（文件名的后缀决定格式，这里能写：.md、.markdown、.html、.htm、.docx、.json）"
    )
    assert (school / "名册.xlsx").read_bytes() == before
    assert sorted(p.name for p in school.iterdir()) == ["lbc.toml", "名册.xlsx"]


def test_a_word_template_needs_the_docx_format(school: Path) -> None:
    docx_template(school / "x.docx", "{{ school }}")
    result = summary(school, *TERM, "--template", "x.docx", "--format", "md")
    assert one_error_line(result) == (
        "lbc: 错误：模板 x.docx 与输出格式 md 不匹配：.docx 模板用于 --format docx，"
        ".html 模板用于 --format html，Markdown 文本模板用于 md、html、docx"
    )


# ---- the real console script on the samples ----


def test_samples_summary_docx_in_a_subprocess(tmp_path: Path) -> None:
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    assert exe, "the lbc console script is installed"
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [exe, "summary", "--term", "2024-autumn", "--format", "docx", "--out", "总结.docx"],
        cwd=samples,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == PAIRS_PENDING + unclear_records(1) + "已写出工作总结：总结.docx\n"
    out = samples / "总结.docx"
    assert out.is_file() and stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None


# ---- bugs found: each test states what should hold ----


def test_a_record_whose_class_contradicts_the_only_namesake_matches_no_one(
    tmp_path: Path,
) -> None:
    kids = [kid(1, "张雨涵", "女", C11, "父亲外出", 帮扶教师="王芳")]
    visit = [record(D(2024, 10, 8), "王芳", "张雨涵", "家访", C51)]  # she is in 一年级(1)班
    sheets = {"花名册": table(kids), "教师名单": table([teacher("王芳", C11)])}
    write_xlsx(tmp_path / "r.xlsx", {**sheets, "帮扶记录": table(visit)})
    found = run("validate", "r.xlsx", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [f["code"] for f in found] == ["REC002"]
    records = summary(tmp_path, "r.xlsx", *TERM, "--format", "json").json()["records"]
    assert (records["matched"], records["home_visited"], records["without_record_count"]) == (
        0,
        0,
        1,
    )


def test_a_word_template_header_is_covered_by_the_embedded_fonts(school: Path) -> None:
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ school }}留守儿童关爱档案"
    doc.add_paragraph("在册 {{ children.total }} 名")
    doc.save(str(school / "hdr.docx"))
    result = summary(school, *TERM, "--template", "hdr.docx", "--format", "docx", "--out", "h.docx")
    assert result.exit_code == 0
    with zipfile.ZipFile(school / "h.docx") as z:
        header = ET.fromstring(z.read("word/header1.xml"))
    shown = "".join(t.text or "" for t in header.iter(f"{W}t"))
    assert shown == f"{SCHOOL}留守儿童关爱档案"
    for name, faces in embedded_fonts(school / "h.docx").items():
        for data in faces:
            assert {ord(c) for c in shown} - cmap(data) == set(), name


def test_out_never_overwrites_the_workspace_config(school: Path) -> None:
    before = (school / "lbc.toml").read_bytes()
    result = summary(school, *TERM, "--out", "lbc.toml")
    assert (school / "lbc.toml").read_bytes() == before
    assert result.exit_code == 2


# ---- what the summary cannot see, and documents that stay Chinese ----


def test_missing_sheets_are_said_and_not_counted_as_zeros(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    # No teachers, no records, and no 帮扶教师 column: nothing says who supports whom.
    children = [{k: v for k, v in row.items() if k != "帮扶教师"} for row in CHILDREN]
    write_xlsx(ws / "名册.xlsx", {"花名册": table(children)})
    result = run("summary", ws / "名册.xlsx", "--term", "2024-autumn", cwd=ws)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "提示：未设置学校名称（lbc.toml 的 [school] name），总结中以“（学校名称）”代替",
        "提示：没有读到教师名单，结对情况无法核对，总结中不作统计",
        "提示：没有读到帮扶记录表，谈心、家访等情况无法统计",
    ]
    lines = result.stdout.splitlines()
    assert lines[0] == "# （学校名称）2024—2025学年第一学期留守儿童关爱工作总结"
    assert "2. 结对帮扶，一对一关爱。（未提供教师名单，结对情况未统计。）" in lines
    assert "3. 谈心家访，常态开展。（未提供帮扶记录，谈心、家访情况未统计。）" in lines
    assert not any("每月谈心：" in line or "尚未落实帮扶教师" in line for line in lines)


@pytest.mark.parametrize(
    ("titles", "named", "unnamed"),
    [
        (["青山镇中心小学2024年秋季留守儿童花名册"], "青山镇中心小学", None),
        (["三年级(2)班留守儿童名单"], "（学校名称）", "学校名称"),  # a class, not a school
        # Two schools, each listing the same children: a summary of several schools.
        (
            ["青山镇中心小学留守儿童花名册", "白鹤乡中心小学留守儿童花名册"],
            "（单位名称）",
            "单位名称",
        ),
        (["青山镇中心小学留守儿童花名册", None], "青山镇中心小学", None),  # and 教师名单.xlsx
    ],
)
def test_a_roster_titled_with_its_school_titles_the_summary(
    tmp_path: Path, titles: list[str | None], named: str, unnamed: str | None
) -> None:
    """Without a [school] name in lbc.toml, the school every roster's title names (as the
    2016 form and most schools' rosters are titled) is the summary's; a title that names
    a class leaves （学校名称） to be filled in, rosters of two schools （单位名称）, and say so
    (``unnamed``). An untitled teachers list beside the roster (None) is the school's own."""
    ws = tmp_path / "ws"
    ws.mkdir()
    for n, title in enumerate(titles):
        if title is None:
            write_xlsx(ws / "教师名单.xlsx", {"教师名单": table(TEACHERS)})
            continue
        write_xlsx(ws / f"名册{n}.xlsx", {"花名册": [[title], *table(CHILDREN)]})
    result = run("summary", ws, "--term", "2024-autumn", cwd=ws)
    assert result.exit_code == 0, result.stderr
    heading = result.stdout.splitlines()[0]
    assert heading == f"# {named}2024—2025学年第一学期留守儿童关爱工作总结"
    said = [line for line in result.stderr.splitlines() if "lbc.toml 的 [school] name" in line]
    assert said == (
        [f"提示：未设置{unnamed}（lbc.toml 的 [school] name），总结中以“（{unnamed}）”代替"]
        if unnamed
        else []
    )


def test_without_records_no_child_or_teacher_is_named_as_behind(tmp_path: Path) -> None:
    """With pairs and a teachers list but no records read, the summary says the records
    were not provided, and names no child as without a record and no teacher as behind
    on talks and visits: nothing was there to judge them by."""
    ws = tmp_path / "ws"
    ws.mkdir()
    write_xlsx(ws / "名册.xlsx", {"花名册": table(CHILDREN), "教师名单": table(TEACHERS)})
    result = run("summary", ws / "名册.xlsx", "--term", "2024-autumn", cwd=ws)
    assert result.exit_code == 0, result.stderr
    assert "3. 谈心家访，常态开展。（未提供帮扶记录，谈心、家访情况未统计。）" in result.stdout
    assert "没有任何帮扶记录的儿童" not in result.stdout
    assert "未完成谈心或家访要求的帮扶教师" not in result.stdout
    doc = run("summary", ws / "名册.xlsx", "--term", "2024-autumn", "--format", "json", cwd=ws)
    records = doc.json()["records"]
    assert (records["provided"], records["without_record"], records["teachers_behind"]) == (
        False,
        [],
        [],
    )


def test_without_records_no_rate_or_month_is_a_zero(tmp_path: Path) -> None:
    """With pairs but no records read, how many children were talked with, visited or
    warmed is not known: the context gives no rate (None, a dash in the chart) rather than
    0%, no month of records, and no count of the watch list's children owed nothing; the
    document shows no table of months that were never counted."""
    ws = tmp_path / "ws"
    ws.mkdir()
    write_xlsx(ws / "名册.xlsx", {"花名册": table(CHILDREN), "教师名单": table(TEACHERS)})
    doc = run("summary", ws / "名册.xlsx", *TERM, "--format", "json", cwd=ws).json()
    records = doc["records"]
    judged = ("talk_every_month", "talk_rate", "home_visited", "home_visit_rate")
    judged += ("warmth_received", "warmth_rate", "family_called")
    assert {k: records[k] for k in judged} == dict.fromkeys(judged)
    assert (records["paired_children"], records["by_month"]) == (5, [])
    assert doc["watch"]["end_all_owed"] is None
    markdown = run("summary", ws / "名册.xlsx", *TERM, cwd=ws).stdout
    assert "各月帮扶记录" not in markdown and "records_by_month" not in markdown
    run("summary", ws / "名册.xlsx", *TERM, "--out", "s.html", cwd=ws)
    page = (ws / "s.html").read_text(encoding="utf-8")
    svg = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)[-1]
    bars = [x.text for x in ET.fromstring(svg).iter(f"{SVG}text")][1:]
    unknown = ["每月谈心", "—", "学期家访", "—", "送温暖", "—"]
    assert bars == [*unknown, "建档率", "88.9%", "结对覆盖率", "55.6%"]


def test_a_record_dated_after_the_summary_is_not_counted(tmp_path: Path) -> None:
    """Run in the middle of a term, the summary counts the records up to its own day: one
    typed with a day still to come (2026-12-15 on 11-29, lbc validate's DATE002) is in no
    month of its table, and no more in its total or kinds, which would disagree with it."""
    today = dt.date.today()
    start, end = today - dt.timedelta(days=45), today + dt.timedelta(days=60)
    (tmp_path / "lbc.toml").write_text(
        f'[terms."{today.year}-autumn"]\nstart = {start}\nend = {end}\n', encoding="utf-8"
    )
    records = [
        RECORD_HEADER,
        [today - dt.timedelta(days=10), "王芳", "张雨涵", C11, "谈心", "x"],
        [today + dt.timedelta(days=10), "王芳", "张雨涵", C11, "家访", "typed ahead"],
    ]
    kids = [kid(1, "张雨涵", "女", C11, "父母均外出", 帮扶教师="王芳")]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "帮扶记录": records})
    term = ("--term", f"{today.year}-autumn")
    done = run("summary", tmp_path / "r.xlsx", *term, "--format", "json", cwd=tmp_path).json()
    found = done["records"]
    assert (found["total"], found["home_visits"], found["home_visited"]) == (1, 0, 0)
    assert found["by_kind"] == [{"name": "谈心", "count": 1}]
    assert sum(m["count"] for m in found["by_month"]) == 1


def test_records_all_outside_the_term_are_said(school: Path) -> None:
    result = summary(school, "--term", "2023-autumn", "--format", "json")
    assert result.exit_code == 0
    assert "提示：“帮扶记录”的 25 条记录都不在2023年秋季学期内，请检查 --term 或记录日期" in (
        result.stderr.splitlines()
    )


def test_a_roster_with_no_child_on_the_books_is_refused(tmp_path: Path) -> None:
    gone = [kid(1, "张雨涵", "女", C11, "父母均外出", 在校状态="转出")]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": table(gone), "教师名单": table(TEACHERS)})
    result = run("summary", tmp_path / "r.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert one_error_line(result) == (
        "lbc: 错误：花名册中没有在册儿童（都已转出、毕业或去世，或没有数据行），没有可总结的内容"
    )


def test_the_document_stays_chinese_with_lang_en(school: Path) -> None:
    result = run("--lang", "en", "summary", "--term", "2024-autumn", cwd=school)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"# {SCHOOL}2024—2025学年第一学期留守儿童关爱工作总结"
    assert "## 四、存在问题" in result.stdout and "problem" not in result.stdout.lower()


def test_html_numbered_items_form_one_list(school: Path) -> None:
    result = summary(school, "--term", "2024-autumn", "--format", "html")
    body = result.stdout
    start = body.index("<h2>二、主要做法</h2>")
    chunk = body[start : body.index("</ol>", start) + 5]
    assert chunk.count("<ol>") == 1
    assert re.findall(r'<li value="(\d)">', chunk) == ["1", "2", "3"]


def test_a_template_error_of_any_kind_is_one_line(school: Path) -> None:
    (school / "bad.md").write_text("# 标题\n{{ 1 / 0 }}\n", encoding="utf-8")
    result = summary(school, "--term", "2024-autumn", "--template", "bad.md")
    assert one_error_line(result) == (
        "lbc: 错误：模板 bad.md 第 2 行出错：ZeroDivisionError: division by zero"
    )


def test_word_keeps_headings_with_text_and_numbers_pages(school: Path) -> None:
    out = school / "总结.docx"
    assert summary(school, "--term", "2024-autumn", "--format", "docx", "--out", out).exit_code == 0
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
        core = z.read("docProps/core.xml").decode()
    heading = re.search(r"<w:p>(?:(?!</w:p>).)*一、基本情况(?:(?!</w:p>).)*</w:p>", xml)
    assert heading and "<w:keepNext/>" in heading.group(0)
    assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml
    assert any('w:instr="PAGE"' in f for f in footers)
    assert "<dc:creator>lbc</dc:creator>" in core


def test_an_unknown_rate_is_a_dash_in_the_chart() -> None:
    from lbc.documents.charts import bar_chart

    svg = bar_chart("要求", [("家访", None), ("谈心", 0.5)], percent=True)
    assert '<rect x="150" y="40" width="0"' in svg and ">—</text>" in svg
    assert ">50.0%</text>" in svg


def test_a_school_html_template_gets_charts_and_the_font(school: Path) -> None:
    (school / "page.html").write_text(
        "<html><head><style>{{ font_face }}</style></head><body>"
        "<h1>{{ school }}</h1>{{ charts.children_by_grade }}<p>{{ '<b>' }}</p></body></html>",
        encoding="utf-8",
    )
    result = summary(school, "--term", "2024-autumn", "--format", "html", "--template", "page.html")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert f"<h1>{SCHOOL}</h1>" in page and "<p>&lt;b&gt;</p>" in page  # autoescaped
    assert "<svg" in page and "各年级关爱对象人数" in page
    fonts = re.findall(r"base64,([A-Za-z0-9+/=]+)", page)
    assert len(fonts) == 2
    cmap = TTFont(io.BytesIO(base64.b64decode(fonts[0]))).getBestCmap()
    text = re.sub(r"<[^>]*>", "", page.split("</style>", 1)[1])
    assert {ch for ch in text if ord(ch) > 127} <= {chr(c) for c in cmap}
    md = summary(school, "--term", "2024-autumn", "--format", "md", "--template", "page.html")
    assert md.exit_code == 2


def test_the_watch_list_at_the_start_is_last_terms_with_previous(school: Path) -> None:
    """With --previous the start of the term is last term's roster: there child 1 was no
    orphan yet and child 7 still at school, so nobody was on the list; at the end 1's
    guardian is new too (WCH015), which changes no count; the end is the seven of
    test_every_number_of_the_context."""
    before = [dict(r) for r in CHILDREN]
    before[0] = {**before[0], "类别": None, "监护人姓名": "李奶奶"}
    before[6] = {**before[6], "在校状态": "在读"}
    before[10] = {**before[10], "类别": None}  # child 1's second row: what it says counts too
    write_xlsx(school / "上学期.xlsx", {"花名册": table(before)})
    result = summary(school, *TERM, "--format", "json", "--previous", "上学期.xlsx")
    assert result.exit_code == 0, result.stderr
    assert result.json()["watch"] == {
        "threshold": 3,
        "schools": [],
        "start_basis": "previous",
        "start": 0,
        "end": 7,
        "end_all_owed": 1,
    }


def test_children_of_no_known_gender_are_said_to_be_so(tmp_path: Path) -> None:
    """A roster without a 性别 column, or with a cell lbc cannot read, has children the
    summary counts by gender as 未填 or 无法识别: said bare after the count (…留守儿童 3 名；
    未填 2 人), it did not say what was not given."""
    rows = [["姓名", "性别", "班级", "留守类型"]]
    rows += [["张三", "男", C32, "父母均外出"], ["李四", None, C32, "父母均外出"]]
    rows += [["王五", "X", C32, "父亲外出"]]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("summary", "r.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    first = "本学期我校在册关爱对象 3 名，其中留守儿童 3 名；"
    assert f"{first}男 1 人，性别无法识别 1 人，性别未填 1 人。" in result.stdout.splitlines()


def test_a_column_missing_from_every_grades_sheet_leaves_no_archive_complete(
    tmp_path: Path,
) -> None:
    """One sheet per grade, neither with a 家庭住址 column: lbc validate says COL001 once,
    at the first sheet; the second sheet's children were counted complete (建档率 50%),
    though their archive lacks the address as much. A sheet that has the column is still
    complete."""
    drop = ["家庭住址"]
    sheets = {
        "一年级": without(drop, child_row(1, cls="一年级(1)班")),
        "二年级": without(drop, child_row(2, cls="二年级(1)班")),
        "三年级": [CHILD_HEADER, child_row(3)],
    }
    path = write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    archive = result.json()["archive"]
    assert (archive["complete"], archive["complete_rate"]) == (1, 0.3333)
    validate = run("validate", path, "--format", "json", cwd=tmp_path).json()
    assert [(f["sheet"], f["code"]) for f in validate["findings"]] == [("一年级", "COL001")]


def test_a_child_on_two_rows_is_counted_by_what_either_row_says(tmp_path: Path) -> None:
    """张雨涵 is on 一班 as 低保 and not 重点, and again on 二班 (one ID number: DUP001) as
    孤儿 and 重点帮扶对象: counted once, in every category either row names."""
    header = [*CHILD_HEADER, "类别", "重点帮扶对象"]
    sheets = {
        "一班": [header, [*child_row(1), "低保", "否"], [*child_row(2), None, None]],
        "二班": [header, [*child_row(1), "孤儿", "是"]],
    }
    write_xlsx(tmp_path / "r.xlsx", sheets)
    result = run("summary", "r.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    children = result.json()["children"]
    assert children["total"] == 2
    assert children["by_category"] == [
        {"name": "重点帮扶对象", "count": 1},
        {"name": "孤儿", "count": 1},
        {"name": "低保", "count": 1},
    ]


def test_a_class_written_as_its_grade_alone_counts_in_that_grade(tmp_path: Path) -> None:
    """A village school with one class a grade writes 一年级 for its class: the summary's
    table of classes listed it so, and its count by grade put those children under 年级不详
    beside it. Now they count in their grade; a 年级 cell says the grade where the class
    does not (三年级 beside a class 火箭班); 火箭班 alone is still of no known grade."""
    at = CHILD_HEADER.index("班级")
    cells = [("一年级", None), ("一年级", None), ("二年级", None), ("三年级(1)班", None)]
    cells += [("火箭班", "三年级"), ("火箭班", None)]
    rows = []
    for n, (cls, grade) in enumerate(cells, 1):
        row = [*child_row(n), grade]
        row[at] = cls
        rows.append(row)
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [[*CHILD_HEADER, "年级"], *rows]})
    doc = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert [(g["name"], g["count"]) for g in doc["children"]["by_grade"]] == [
        ("一年级", 2),
        ("二年级", 1),
        ("三年级", 2),
        ("年级不详", 1),
    ]


def test_a_child_of_no_known_kind_is_not_counted_as_left_behind(tmp_path: Path) -> None:
    """Of four children, one 父亲外出, one 非留守, one whose 留守类型 is empty and one whose
    is unreadable: 留守儿童 was everyone but the 非留守 (3), the two unknown counted as
    left behind though nothing says so. Now 1, the two shown as 未填 and 无法识别."""
    at = CHILD_HEADER.index("留守类型")
    rows = []
    for n, kind in enumerate(["父亲外出", "非留守", None, "外出"], 1):
        row = child_row(n)
        row[at] = kind
        rows.append(row)
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc = run("summary", path, "--term", "2024-autumn", "--format", "json").json()["children"]
    assert (doc["total"], doc["left_behind"]) == (4, 1)
    kinds = [(k["name"], k["count"]) for k in doc["by_type"] if k["count"]]
    assert kinds == [("父亲外出", 1), ("非留守", 1), ("无法识别", 1), ("未填", 1)]
