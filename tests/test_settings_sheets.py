"""A merged roster's sheets of each school's own settings (各校学期, 各校要求, 各校关注) read
row by row alike: a row that names no school, a setting lbc does not know, a value it
cannot read, a school's setting given twice, or a school the roster has not, is said at its
cell with its sheet's rule (TRM001, QTA001, WST001), and every other row is used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from test_remerged_settings import BH, QS, county

from conftest import run

OWN = (
    '[terms."2024-autumn"]\nstart = 2024-08-26\n'
    "[quotas]\nmax_days_without_contact = 14\n"
    "[watch]\nthreshold = 6\n[watch.weights]\nWCH008 = 4\n"
)
D = dt.date


def merged_with_bad_rows(tmp_path: Path) -> Path:
    """The county's merged roster, 青山小学's settings as merge wrote them, and below them in
    each sheet rows of every kind lbc cannot use, and rows it can (白鹤小学's own)."""
    merged = tmp_path / "全县.xlsx"
    assert run("merge", county(tmp_path, OWN), "--out", merged).exit_code == 0
    book = load_workbook(merged)
    for row in (
        [None, "2024年秋季学期", D(2024, 8, 20), None],  # no school
        [BH, "2024年夏季", D(2024, 8, 20), None],  # no term
        [BH, "2025-spring", "三月", "七月"],  # two dates unread
        [BH, "2025-spring", D(2025, 7, 1), D(2025, 2, 1)],  # start after end
        [BH, "2024-autumn", D(2024, 8, 28), D(2025, 1, 20)],  # used
        [BH, "2024年秋季学期", D(2024, 8, 29), None],  # given twice
        ["白鹤小学校", "2024-autumn", D(2024, 8, 20), None],  # no school of the roster
    ):
        book["各校学期"].append(row)
    for row in (
        [None, "最多无联系天数", 7],
        [BH, "每周谈心次数", 1],  # no quota
        [BH, "最多无联系天数", "两周"],
        [BH, "每月谈心次数", 367],  # over a year's days
        [BH, "每月谈心次数", True],
        [BH, "talks_per_month", 2],  # used, by its lbc.toml key
        [BH, "max_days_without_contact", "21"],  # used, written as text
        [BH, "每月谈心次数", 3],  # given twice
        ["白鹤小学校", "最多无联系天数", 7],
    ):
        book["各校要求"].append(row)
    for row in (
        [None, "最低关注分", 2],
        [BH, "最高关注分", 2],  # no setting
        [BH, "最低关注分", "四分"],
        [BH, "WCH007 权重", -1],
        [BH, "weights.WCH007", 5],  # used, by its lbc.toml key
        [BH, "最低关注分", 4.0],  # used
        [BH, "wch007", 2],  # given twice, by its code alone
        [BH, "threshold", 5],  # given twice, by its lbc.toml key
        [BH, "WCH099 权重", 1],  # no criterion
        ["白鹤小学校", "最低关注分", 2],
    ):
        book["各校关注"].append(row)
    book.save(merged)
    return merged


def _trm(why: str) -> str:
    return f"各校学期这一行没有用上：{why}；该校的记录按所用 lbc.toml 的学期日期计算"


def _qta(why: str) -> str:
    return f"各校要求这一行没有用上：{why}；该校按所用 lbc.toml 的 [quotas] 计算"


def _wst(why: str) -> str:
    return f"各校关注这一行没有用上：{why}；该校按所用 lbc.toml 的 [watch] 列出重点关注儿童"


NOT_ON_ROSTER = "名册上没有学校“白鹤小学校”（与名册“学校”列的写法不一致）"
NO_SETTING = (
    "不是一项设置（应写作 最低关注分、高龄监护人年龄，或 WCH001 权重 这样的重点关注条件权重，"
    "lbc rules 列出 WCH 开头的全部条件）"
)
NO_QUOTA = (
    "不是一项要求（应写作 每月谈心次数、每学期家访次数、每学年送温暖次数、每名教师至少帮扶儿童数"
    " 或 最多无联系天数）"
)
SAID = [
    ("TRM001", "各校学期", 3, "A", "school", None, _trm("没有写学校")),
    (
        "TRM001",
        "各校学期",
        4,
        "B",
        "term",
        "2024年夏季",
        _trm("“2024年夏季”不是一个学期（应写作 2024年秋季学期 或 2024-autumn）"),
    ),
    (
        "TRM001",
        "各校学期",
        5,
        "C",
        "term_start",
        "三月",
        _trm("“三月”不是日期（应写作 2024-08-26）"),
    ),
    ("TRM001", "各校学期", 5, "D", "term_end", "七月", _trm("“七月”不是日期（应写作 2024-08-26）")),
    (
        "TRM001",
        "各校学期",
        6,
        "C",
        "term_start",
        "2025-07-01",
        _trm("开始日期 2025年7月1日 晚于结束日期 2025年2月1日"),
    ),
    (
        "TRM001",
        "各校学期",
        8,
        "B",
        "term",
        "2024年秋季学期",
        _trm("该校的2024年秋季学期已在第 7 行写过"),
    ),
    ("TRM001", "各校学期", 9, "A", "school", "白鹤小学校", _trm(NOT_ON_ROSTER)),
    ("QTA001", "各校要求", 3, "A", "school", None, _qta("没有写学校")),
    ("QTA001", "各校要求", 4, "B", "quota", "每周谈心次数", _qta("“每周谈心次数”" + NO_QUOTA)),
    ("QTA001", "各校要求", 5, "C", "count", "两周", _qta("数量“两周”不是 0 到 366 之间的整数")),
    ("QTA001", "各校要求", 6, "C", "count", "367", _qta("数量“367”不是 0 到 366 之间的整数")),
    ("QTA001", "各校要求", 7, "C", "count", "是", _qta("数量“是”不是 0 到 366 之间的整数")),
    (
        "QTA001",
        "各校要求",
        10,
        "B",
        "quota",
        "每月谈心次数",
        _qta("该校的“每月谈心次数”已在第 8 行写过"),
    ),
    ("QTA001", "各校要求", 11, "A", "school", "白鹤小学校", _qta(NOT_ON_ROSTER)),
    ("WST001", "各校关注", 4, "A", "school", None, _wst("没有写学校")),
    ("WST001", "各校关注", 5, "B", "setting", "最高关注分", _wst("“最高关注分”" + NO_SETTING)),
    ("WST001", "各校关注", 6, "C", "value", "四分", _wst("值“四分”不是不小于 0 的整数")),
    ("WST001", "各校关注", 7, "C", "value", "-1", _wst("值“-1”不是不小于 0 的整数")),
    (
        "WST001",
        "各校关注",
        10,
        "B",
        "setting",
        "wch007",
        _wst("该校的“WCH007 权重”已在第 8 行写过"),
    ),
    (
        "WST001",
        "各校关注",
        11,
        "B",
        "setting",
        "threshold",
        _wst("该校的“最低关注分”已在第 9 行写过"),
    ),
    ("WST001", "各校关注", 12, "B", "setting", "WCH099 权重", _wst("“WCH099 权重”" + NO_SETTING)),
    ("WST001", "各校关注", 13, "A", "school", "白鹤小学校", _wst(NOT_ON_ROSTER)),
]


def test_each_settings_sheets_rows_are_said_or_used_alike(tmp_path: Path) -> None:
    """validate says each row it cannot use, in Excel order, once; due and watch judge
    白鹤小学 by the rows they can (its autumn term from Aug 28, two talks a month, 21 days
    without contact, a score of 4 and an illness weighing 5), 青山小学 by its own."""
    merged = merged_with_bad_rows(tmp_path)
    found = run("validate", merged, "--format", "json").json()["findings"]
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["field"], f["value"], f["message"])
        for f in found
    ] == SAID
    due = run("due", merged, "--as-of", "2024-10-15", "--format", "json").json()
    term = {"key": "2024-autumn", "label": "2024年秋季学期"}
    assert due["own_terms"] == [
        {"school": BH, **term, "start": "2024-08-28", "end": "2025-01-20"},
        {"school": QS, **term, "start": "2024-08-26", "end": "2025-01-31"},
    ]
    once = {"home_visits_per_term": 1, "warmth_per_year": 1}
    assert due["own_quotas"] == [
        {"school": BH, "talks_per_month": 2, **once, "max_days_without_contact": 21},
        {"school": QS, "talks_per_month": 1, **once, "max_days_without_contact": 14},
    ]
    assert due["summary"] == {
        "paired": 4,
        "unpaired": 0,
        "records": 4,
        "listed": 4,
        "no_talk_this_month": 4,
        "missed_a_month": 3,
        "no_home_visit": 2,
        "no_warmth": 4,
        "out_of_contact": 4,
        "overdue": 4,
    }
    watch = run("watch", merged, "--as-of", "2024-11-20", "--format", "json").json()
    assert watch["summary"]["schools"] == [
        {"school": BH, "threshold": 4, "weights": {"WCH007": 5}},
        {"school": QS, "threshold": 6, "weights": {"WCH008": 4}},
    ]
