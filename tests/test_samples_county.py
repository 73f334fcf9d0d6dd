"""The samples as a school and a county office use them: last term's roster of 青山镇中心小学
(``samples/上学期/``) and a second school (``samples/白鹤乡中心小学/``), through the real CLI.

Every number checked here is documented in samples/DEFECTS.md (sections "Last term" and "A
second school"), which samples/make_samples.py writes from the same data as the workbooks.
"""

from __future__ import annotations

import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import run

REPO = Path(__file__).resolve().parents[1]
SHEET = "留守儿童花名册"
QINGSHAN, BAIHE = "青山镇中心小学", "白鹤乡中心小学"

# The autumn 一年级: not at school last spring.
ADDED = [
    "邓思雨",
    "谢心怡",
    "吴语桐",
    "罗语桐",
    "陈语嫣",
    "唐一诺",
    "陈雨欣",
    "何佳琪",
    "袁辰",
    "张梦瑶",
]
# Last spring's 六年级 (all graduated) and the child who transferred out over the summer.
GONE = [
    ("罗俊熙", "一年级(1)班", 9),
    ("何铭轩", "六年级(1)班", 53),
    ("张家乐", "六年级(1)班", 54),
    ("王欣妍", "六年级(1)班", 55),
    ("杜辰", "六年级(1)班", 56),
    ("郑欣怡", "六年级(1)班", 57),
    ("杜语桐", "六年级(2)班", 58),
    ("蒲若曦", "六年级(2)班", 59),
    ("郑梦琪", "六年级(2)班", 60),
    ("赵一诺", "六年级(2)班", 61),
]
# Every change besides the class, per child: (field, spring value, autumn value), in full.
CHANGES: dict[str, list[tuple[str, str | None, str | None]]] = {
    "任雨涵": [("enrollment_status", "在读", "转出")],
    "黄宇轩": [("enrollment_status", "在读", "转出")],
    "罗嘉豪": [("father_phone", "19147347416", None)],  # autumn defect 6
    "刘佳琪": [("birth_date", "2015-12-09", "2015-09-12")],  # autumn defect 3
    "苟雨泽": [("father_work_place", "广东省佛山市顺德区", "江苏省苏州市昆山市")],
    "王文博": [
        ("left_behind_type", "父亲外出", "父母均外出"),
        ("mother_work_place", None, "广东省广州市白云区"),
    ],
    "郑鑫": [("father_work_place", "广东省深圳市宝安区", None)],  # autumn defect 7
    "刘承志": [("gender", "男", "女")],  # autumn defect 4
    "杜浩然": [("enrollment_status", "在读", "辍学")],
    "李若曦": [("guardian_phone", "17345822933", "18110019637")],
    "张皓轩": [("guardian_phone", "15959986127", "18850773729")],
    "何欣怡": [("mother_phone", "16663012200", "1666301220")],  # autumn defect 8
    "袁涛": [
        ("guardian_name", "袁淑华", "吴娟"),
        ("guardian_relation", "祖母", "母亲"),
        ("guardian_phone", "18905222690", "18051452866"),
    ],
    "罗梓睿": [("id_number", "511321201404303375", "511321201404303376")],  # autumn defect 2
    "刘俊杰": [("id_number", None, "511322201410291936")],  # blank in spring
    "唐宇航": [("mother_work_place", "广东省广州市白云区", "新疆维吾尔自治区乌鲁木齐市")],
    "黄嘉怡": [("guardian_phone", "15215170929", None)],  # autumn defect 5
}
# Not matched by ID: (autumn row, spring row). 刘俊杰's ID is blank in spring; 罗梓睿's and
# 杨宏宇's autumn IDs are planted defects (check digit, number cell).
BY_NAME_BIRTH = {"刘俊杰": (36, 27), "罗梓睿": (44, 35), "杨宏宇": (59, 49)}
BY_FIELD = [
    # 罗梓睿's corrected, 刘俊杰's filled in; 杨宏宇's number cell kept his spring ID's digits
    ("身份证号", 2),
    ("性别", 1),
    ("出生日期", 1),
    ("班级", 1),
    ("留守类型", 1),
    ("在校状态", 1),  # 3 in lbc diff: the 2 now 转出 count as left in the summary
    ("监护人姓名", 1),
    ("与儿童关系", 1),
    ("监护人电话", 4),
    ("父亲电话", 1),
    ("母亲电话", 1),
    ("父亲务工地址", 2),
    ("母亲务工地址", 2),
]
GRADES = "一二三四五六"


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A copy of samples/ (the workbooks and configs, not the script) to run lbc in."""
    dest = tmp_path / "samples"
    shutil.copytree(REPO / "samples", dest, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return dest


def test_diff_last_term_against_this_term(samples: Path) -> None:
    result = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", cwd=samples)
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert doc["summary"] == {
        "added": 10,
        "gone": 10,
        "changed": 18,  # the 17 children with a planted change, and 吴静怡's unreadable class
        "unchanged": 30,  # moving up a grade is no change
        "matched_by": {"id_number": 45, "name_birth_date": 3, "name_class": 0},
    }
    assert [(a["child"], a["class"], a["row"]) for a in doc["added"]] == [
        (name, "一年级(1)班" if row < 9 else "一年级(2)班", row)
        for name, row in zip(ADDED, range(4, 14), strict=True)
    ]
    assert [(g["child"], g["class"], g["row"]) for g in doc["gone"]] == GONE
    assert {g["sheet"] for g in doc["added"] + doc["gone"]} == {SHEET}

    changed = {m["child"]: m for m in doc["changed"]}
    assert len(changed) == 18
    # Moving up a grade is no change; 吴静怡's autumn class (火箭班) is the one class change.
    classes = [
        (name, c["old"], c["new"])
        for name, m in changed.items()
        for c in m["changes"]
        if c["field"] == "class"
    ]
    assert classes == [("吴静怡", "二年级(2)班", "火箭班")]
    others = {
        name: [c["field"] for c in m["changes"] if c["field"] != "class"]
        for name, m in changed.items()
    }
    assert {name: fields for name, fields in others.items() if fields} == {
        name: [f for f, _, _ in fields] for name, fields in CHANGES.items()
    }
    numbers = [
        v
        for fields in CHANGES.values()
        for f, *both in fields
        if "phone" in f or f == "id_number"
        for v in both
    ]
    assert not any(v and v in result.stdout for v in numbers)  # masked without --show-pii
    # Of the three matched by name + birth date, 罗梓睿 and 刘俊杰 changed more than their
    # grade: 罗梓睿's ID number corrected, 刘俊杰's filled in (counted in matched_by above);
    # every other child listed as changed was matched by ID.
    assert {n: m["match"] for n, m in changed.items() if m["match"] != "id_number"} == {
        "刘俊杰": "name_birth_date",
        "罗梓睿": "name_birth_date",
    }
    assert set(BY_NAME_BIRTH) & set(changed) == {"刘俊杰", "罗梓睿"}

    # With --show-pii the phones are the numbers DEFECTS.md lists.
    full = run(
        "diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", "--show-pii", cwd=samples
    ).json()
    got = {
        m["child"]: [
            (c["field"], c["old"], c["new"]) for c in m["changes"] if c["field"] != "class"
        ]
        for m in full["changed"]
    }
    assert {name: fields for name, fields in got.items() if fields} == CHANGES


def test_last_term_roster_validates_with_the_one_planted_gap(samples: Path) -> None:
    result = run("validate", "上学期/roster.xlsx", "--format", "json", cwd=samples)
    assert result.exit_code == 1
    doc = result.json()
    found = [(f["sheet"], f["row"], f["column"], f["code"]) for f in doc["findings"]]
    assert found == [(SHEET, 27, "D", "REQ001")]  # 刘俊杰's 身份证号, blank in spring
    assert doc["summary"]["children"] == 58 and doc["summary"]["teachers"] == 30


def test_second_school_is_clean_on_its_own(samples: Path) -> None:
    result = run("validate", "--format", "json", cwd=samples / BAIHE)
    assert result.exit_code == 0, result.stdout
    doc = result.json()
    assert doc["findings"] == []
    assert (doc["summary"]["children"], doc["summary"]["teachers"]) == (40, 20)


def test_merge_finds_the_child_counted_in_two_schools(samples: Path) -> None:
    result = run(
        "merge", "roster.xlsx", BAIHE, "--out", "county.xlsx", "--format", "json", cwd=samples
    )
    assert result.exit_code == 1, result.stderr  # a duplicate across schools is a finding
    doc = result.json()
    s = doc["summary"]
    assert (s["files"], s["schools"], s["children"], s["duplicates"], s["failed"]) == (
        2,
        2,
        97,  # each ID number once, as validate counts them; 99 rows
        1,
        0,
    )
    assert (s["rows"], s["on_books"]) == (99, 95)
    assert [
        (g["school"], g["files"], g["children"], g["teachers"], g["errors"], g["warnings"])
        for g in doc["schools"]
    ] == [  # 青山 lists one child twice (rows 42 and 47): one of its children, as validate says
        (QINGSHAN, ["roster.xlsx"], 58, 30, 13, 1),
        (BAIHE, [str(Path(BAIHE, "roster.xlsx"))], 40, 20, 1, 0),  # its DUP003, as validate
    ]
    (dup,) = doc["duplicates"]
    assert dup["code"] == "DUP003"
    assert dup["id_number"].startswith("511321") and dup["id_number"].endswith("5868")
    assert "155868" not in dup["id_number"]  # masked without --show-pii
    assert [(p["school"], Path(p["file"]), p["sheet"], p["row"]) for p in dup["places"]] == [
        (QINGSHAN, Path("roster.xlsx"), SHEET, 55),
        (BAIHE, Path(BAIHE, "roster.xlsx"), SHEET, 43),
    ]
    # Both rows are the same child: 郑悦, born 2013-07-15, ID 511321201307155868.
    for path, row in ((samples / "roster.xlsx", 55), (samples / BAIHE / "roster.xlsx", 43)):
        ws = load_workbook(path, read_only=True)[SHEET]
        cells = next(ws.iter_rows(min_row=row, max_row=row, max_col=4, values_only=True))
        assert cells[1:4] == ("郑悦", "女", "511321201307155868")

    county = load_workbook(samples / "county.xlsx", read_only=True)
    schools = Counter(r[0] for r in county[SHEET].iter_rows(min_row=2, values_only=True))
    assert schools == {QINGSHAN: 59, BAIHE: 40}

    checked = run("validate", "county.xlsx", "--format", "json", cwd=samples)
    assert checked.exit_code == 1
    per_school = checked.json()["summary"]["schools"]
    # 青山's roster lists one child twice (DUP001, rows 42 and 47): its line counts her once.
    assert [(p["school"], p["children"]) for p in per_school] == [(QINGSHAN, 58), (BAIHE, 40)]


class _CardNames(HTMLParser):
    """The child's name in each card's heading (留守儿童联系卡 · 姓名)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "card" in classes:
            self.names.append("")
        self._in_h2 = self._in_h2 or tag == "h2"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2 and self.names and not self.names[-1]:
            self.names[-1] = data.strip().removeprefix("留守儿童联系卡 · ").strip()


def test_cards_one_per_child_on_the_books(samples: Path) -> None:
    result = run("cards", "--out", "联系卡.html", cwd=samples)
    assert result.exit_code == 0, result.stderr
    parser = _CardNames()
    parser.feed((samples / "联系卡.html").read_text(encoding="utf-8"))
    # 58 children (the duplicate row is one of them) less the two 转出; the 辍学 child stays.
    assert len(parser.names) == 56 and len(set(parser.names)) == 56
    assert "任雨涵" not in parser.names and "黄宇轩" not in parser.names
    assert "杜浩然" in parser.names and "郑思琪" in parser.names
    assert "56" in result.stderr


def test_summary_counts_the_changes_since_last_term(samples: Path) -> None:
    result = run(
        "summary", "--term", "2024-autumn", "--previous", "上学期/roster.xlsx", "--format", "json",
        cwd=samples,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    changes = result.json()["changes"]
    assert changes == {
        "added": 10,
        "left": 12,  # the 10 gone and the 2 marked 转出 this autumn
        "changed": 16,  # lbc diff's 18 but for the 2 now 转出, counted once, as left
        "by_field": [{"name": name, "count": n} for name, n in BY_FIELD],
        "matched_by_id": 45,
        "matched_by_name_birth": 3,
        "matched_by_name_class": 0,
    }
