"""A whole term in one workspace, as a school runs it: init, pair, record sheets out,
sheets filled by the teachers and handed back (some late, one for another teacher's child,
one with a wrong year, one copied twice), then ``lbc due`` on three days and ``lbc summary``
at the end, which must agree with ``lbc due`` on the term's last day."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    on_a_terminal,
    one_error_line,
    run,
    unclear_records,
    write_xlsx,
)

D = dt.date
TERM = "2024年秋季学期"
C32, C41, C51 = "三年级(2)班", "四年级(1)班", "五年级(1)班"
# name, class, left-behind type (父母均外出 makes a priority child)
KIDS = [
    ("张雨涵", C32, "父母均外出"),
    ("李明轩", C32, "父亲外出"),
    ("王梓萱", C41, "父亲外出"),
    ("刘浩然", C41, "父母均外出"),
    ("陈思彤", C51, "母亲外出"),
    ("杨子墨", C51, "父亲外出"),
]
TEACHERS = [
    ["王芳", "女", "13800000001", "班主任", C32, "语文", "是", "是"],
    ["李强", "男", "13800000002", "班主任", C41, "数学", "否", "是"],
    ["赵敏", "女", "13800000003", "班主任", C51, "英语", "否", "是"],
]


def roster_rows(teachers: dict[str, str]) -> list[list[Any]]:
    rows: list[list[Any]] = [[*CHILD_HEADER, "帮扶教师"]]
    for n, (name, cls, kind) in enumerate(KIDS, 1):
        rows.append([*child_row(n, name=name, cls=cls, kind=kind), teachers.get(name)])
    return rows


def book(folder: Path, teacher: str) -> Path:
    return folder / f"帮扶记录表_{TERM}_{teacher}.xlsx"


def fill(path: Path, rows: list[tuple[str, str, str, D, str]]) -> None:
    """Write records into a returned sheet as a teacher would: into the laid-out row for the
    child, kind and month when there is one, else into the first spare row."""
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    header = [c.value for c in ws[2]]
    col = {h: header.index(h) + 1 for h in header}
    for student, kind, when, date, content in rows:
        for r in range(3, ws.max_row + 1):
            cell = ws.cell(r, col["日期"])
            laid = tuple(ws.cell(r, col[h]).value for h in ("学生姓名", "类型", "应完成"))
            if cell.value is None and when and laid == (student, kind, when):
                break
            if cell.value is None and not when and ws.cell(r, col["学生姓名"]).value is None:
                ws.cell(r, col["学生姓名"]).value = student
                ws.cell(r, col["班级"]).value = next(c for n, c, _ in KIDS if n == student)
                ws.cell(r, col["类型"]).value = kind
                break
        else:
            raise AssertionError(f"no row for {student} {kind} {when}")
        ws.cell(r, col["日期"]).value = date
        ws.cell(r, col["内容"]).value = content
    wb.save(path)


# What the teachers write, handed back (records dated after a ``due`` day are not yet seen).
WANG = [
    ("张雨涵", "谈心", "2024年9月", D(2024, 9, 10), "谈开学适应"),
    ("李明轩", "谈心", "2024年9月", D(2024, 9, 12), "谈学习计划"),
    ("李明轩", "亲情通话", "", D(2024, 10, 5), "在学校和妈妈视频通话"),
    ("张雨涵", "谈心", "2024年10月", D(2024, 10, 8), "谈期中复习"),
    ("张雨涵", "家访", "本学期", D(2024, 10, 9), "与奶奶交流"),
    ("张雨涵", "谈心", "2024年11月", D(2024, 11, 12), "谈同学关系"),
    ("张雨涵", "谈心", "2024年12月", D(2024, 12, 10), "谈冬季安全"),
    ("李明轩", "谈心", "2024年12月", D(2024, 12, 11), "谈期末"),
    ("张雨涵", "送温暖", "本学年", D(2024, 12, 20), "送冬衣"),
    ("张雨涵", "谈心", "2025年1月", D(2025, 1, 8), "谈寒假"),
    ("李明轩", "谈心", "2025年1月", D(2025, 1, 9), "谈寒假"),
]
LI = [
    ("王梓萱", "谈心", "2024年9月", D(2024, 9, 20), "谈新班级"),
    ("刘浩然", "谈心", "2024年9月", D(2024, 10, 3), "九月的谈心，十月才补上"),  # late
    ("王梓萱", "谈心", "2024年10月", D(2024, 10, 25), "谈运动会"),
    ("张雨涵", "谈心", "", D(2024, 11, 5), "王芳老师外出学习，代为谈心"),  # not his child
    ("刘浩然", "家访", "本学期", D(2024, 11, 15), "与爷爷交流"),
    ("王梓萱", "谈心", "2024年11月", D(2024, 11, 20), "谈作业"),
    ("王梓萱", "谈心", "2024年12月", D(2024, 12, 18), "谈期末"),
    ("王梓萱", "谈心", "2025年1月", D(2025, 1, 10), "谈寒假"),
]
ZHAO = [
    ("陈思彤", "谈心", "2024年9月", D(2023, 9, 15), "年份写错了"),  # a wrong year
    ("杨子墨", "送温暖", "本学年", D(2024, 9, 28), "送文具"),
    ("杨子墨", "谈心", "2024年10月", D(2024, 10, 10), "谈兴趣"),
]


@pytest.fixture
def term(tmp_path: Path) -> Path:
    """A workspace whose children are paired (lbc pair --save)."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    config = ws / "lbc.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('name = ""', 'name = "青山镇中心小学"'),
        encoding="utf-8",
    )
    (ws / "roster.xlsx").unlink()  # the school fills the blank roster in
    write_xlsx(ws / "roster.xlsx", {"花名册": roster_rows({}), "教师": [TEACHER_HEADER, *TEACHERS]})

    paired = run("pair", "--save", "--format", "json", cwd=ws)
    assert paired.exit_code == 0, paired.stderr
    pairs = {p["child"]: p["teacher"] for p in paired.json()["pairs"]}
    assert pairs == {
        "张雨涵": "王芳",
        "李明轩": "王芳",
        "王梓萱": "李强",
        "刘浩然": "李强",
        "陈思彤": "赵敏",
        "杨子墨": "赵敏",
    }
    # The pairs made are the pairs used: lbc.toml names 结对名单.xlsx, every command reads it.
    assert (ws / "结对名单.xlsx").is_file()
    return ws


def hand_back(ws: Path) -> None:
    folder = ws / "记录表"
    fill(book(folder, "王芳"), WANG)
    fill(book(folder, "李强"), LI)
    fill(book(folder, "赵敏"), ZHAO)
    # 王芳 handed hers in twice: a copy beside the original must not count twice.
    shutil.copy(book(folder, "王芳"), folder / f"帮扶记录表_{TERM}_王芳 - 副本.xlsx")


def test_record_sheets_lay_out_the_quotas(term: Path) -> None:
    made = run("record-sheets", "--term", "2024-autumn", cwd=term)
    assert made.exit_code == 0, made.stderr
    # five months of talks, a visit and 送温暖 for each of two children: 14 rows a teacher
    assert made.stderr.splitlines()[1:] == ["已写出 3 份帮扶记录表（共预置 42 行待填）到 记录表"]
    assert made.stderr.startswith("提示：帮扶教师以结对名单 结对名单.xlsx")  # the pairs made
    folder = term / "记录表"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        book(folder, x).name for x in ("王芳", "李强", "赵敏")
    )
    path = book(folder, "李强")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # guardians' phones
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    assert (
        ws["A1"].value
        == "青山镇中心小学2024年秋季学期帮扶记录表（李强，2024年9月1日至2025年1月31日）"
    )
    assert [c.value for c in ws[2]] == [
        "序号", "学生姓名", "班级", "类型", "应完成", "日期", "内容", "帮扶教师",
    ]  # fmt: skip
    # 刘浩然 (both parents away) first; then a month's talks, the visit, 送温暖
    assert [[c.value for c in ws[r]] for r in (3, 4, 13, 16)] == [
        [1, "刘浩然", C41, "谈心", "2024年9月", None, None, "李强"],
        [2, "王梓萱", C41, "谈心", "2024年9月", None, None, "李强"],
        [11, "刘浩然", C41, "家访", "本学期", None, None, "李强"],
        [14, "王梓萱", C41, "送温暖", "本学年", None, None, "李强"],
    ]
    assert ws["G17"].value is None and ws["H17"].value == "李强"  # spare rows
    rules = {(dv.type, str(dv.sqref)) for dv in ws.data_validations.dataValidation}
    assert rules == {  # 14 laid out, 13 spare rows filling the second page
        ("list", "D3:D29"),
        ("date", "F3:F29"),
        ("textLength", "G3:G29"),
        ("list", "B3:B29"),
    }
    date_rule = next(dv for dv in ws.data_validations.dataValidation if dv.type == "date")
    assert (date_rule.formula1, date_rule.formula2) == ("DATE(2024,9,1)", "DATE(2025,1,31)")
    assert date_rule.error == "日期须在本学期内（2024年9月1日至2025年1月31日），格式如 2024-10-08"
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.paperSize == 9  # A4
    kids = wb["结对儿童"]
    assert [c.value for c in kids[3]][:3] == [1, "刘浩然", C41]
    assert kids["G3"].number_format == "@"
    # Written once, never over a returned sheet.
    again = run("record-sheets", "--term", "2024-autumn", cwd=term)
    assert again.exit_code == 2 and "不会被覆盖" in again.stderr


def due(ws: Path, day: str) -> tuple[int, dict[str, Any]]:
    result = run("due", "--as-of", day, "--format", "json", cwd=ws)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, result.json()


def test_a_whole_term(term: Path) -> None:
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)

    checked = run("validate", "--format", "json", cwd=term)
    found = [
        (f["code"], Path(f["file"]).name, f["sheet"], f["row"], f["column"])
        for f in checked.json()["findings"]
    ]
    assert found == [
        ("REC006", book(term, "李强").name, "帮扶记录", 17, "B"),
        ("REC005", book(term, "赵敏").name, "帮扶记录", 3, "F"),
    ]
    assert checked.exit_code == 1  # the wrong year is an error

    code, doc = due(term, "2024-09-20")
    assert code == 0
    assert doc["summary"] == {
        "paired": 6,
        "unpaired": 0,
        "records": 3,  # the copy of 王芳's sheet adds nothing
        "listed": 6,
        "no_talk_this_month": 3,
        "missed_a_month": 0,
        "no_home_visit": 6,
        "no_warmth": 6,
        "out_of_contact": 0,
        "overdue": 0,
    }

    code, doc = due(term, "2024-10-15")
    assert code == 1
    assert doc["summary"] == {
        "paired": 6,
        "unpaired": 0,
        "records": 9,
        "listed": 6,
        "no_talk_this_month": 3,  # 李明轩, 王梓萱, 陈思彤
        "missed_a_month": 3,  # 刘浩然 (September's talk came on Oct 3), 陈思彤, 杨子墨
        "no_home_visit": 5,
        "no_warmth": 5,
        "out_of_contact": 1,  # 陈思彤: her only record has the wrong year
        "overdue": 3,
    }
    li = next(x for x in doc["teachers"] if x["teacher"] == "李强")["children"]
    assert [(c["child"], c["missed_months"], c["owed"]) for c in li] == [
        ("刘浩然", ["2024-09"], ["home_visit", "warmth"]),
        ("王梓萱", [], ["talk", "home_visit", "warmth"]),
    ]
    wang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"]
    assert wang[1]["family_calls"] == 1 and wang[1]["last_contact"] == "2024-10-05"

    code, doc = due(term, "2024-12-01")
    assert code == 1
    assert doc["summary"] == {
        "paired": 6,
        "unpaired": 0,
        "records": 14,
        "listed": 6,
        "no_talk_this_month": 6,
        "missed_a_month": 4,  # 张雨涵's November talk by 李强 counts for her
        "no_home_visit": 4,
        "no_warmth": 5,
        "out_of_contact": 3,
        "overdue": 4,
    }
    zhang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"][0]
    assert (zhang["child"], zhang["other_teachers"], zhang["missed_months"]) == ("张雨涵", 1, [])

    code, end = due(term, "2025-01-31")
    assert code == 1
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=term)
    assert summary.exit_code == 0, summary.stderr
    records = summary.json()["records"]
    assert {k: records[k] for k in ("total", "matched", "by_kind", "family_calls")} == {
        "total": 21,
        "matched": 21,
        "by_kind": [
            {"name": "谈心", "count": 16},
            {"name": "家访", "count": 2},
            {"name": "亲情通话", "count": 1},
            {"name": "送温暖", "count": 2},
        ],
        "family_calls": 1,
    }
    assert sum(k["count"] for k in records["by_kind"]) == records["total"]
    assert records["paired_children"] == end["summary"]["paired"] == 6
    assert (records["talk_every_month"], records["home_visited"], records["warmth_received"]) == (
        2,
        2,
        2,
    )
    # On the term's last day the two commands count the same children behind.
    totals = end["summary"]
    assert totals["missed_a_month"] == records["paired_children"] - records["talk_every_month"]
    assert totals["no_home_visit"] == records["paired_children"] - records["home_visited"]
    assert totals["no_warmth"] == records["paired_children"] - records["warmth_received"]
    assert end["summary"]["records"] == records["total"]
    assert records["without_record"] == [{"class": C51, "names": ["陈思彤"]}]
    assert [
        (b["teacher"], b["missing_talks"], b["missing_visits"]) for b in records["teachers_behind"]
    ] == [("赵敏", 2, 2), ("李强", 1, 1), ("王芳", 1, 1)]


# lbc due's CSV on 2024-10-15, a row a child: each code column (priority, owed, overdue)
# with the words the table says beside it, in Chinese and in English.
DUE_CSV_ZH = [
    "王芳,张雨涵,三年级(2)班,,both_parents_away,父母均外出,warmth,本学年送温暖,,1,1,0,0,2024-10-09,6,false,否,0",
    "王芳,李明轩,三年级(2)班,,,,talk;home_visit;warmth,本月谈心、本学期家访、本学年送温暖,,"
    "0,0,0,1,2024-10-05,10,false,否,0",
    "李强,刘浩然,四年级(1)班,,both_parents_away,父母均外出,home_visit;warmth,本学期家访、本学年送温暖,2024-09,"
    "1,0,0,0,2024-10-03,12,true,是,0",
    "李强,王梓萱,四年级(1)班,,,,talk;home_visit;warmth,本月谈心、本学期家访、本学年送温暖,,"
    "0,0,0,0,2024-09-20,25,false,否,0",
    "赵敏,陈思彤,五年级(1)班,,,,talk;home_visit;warmth,本月谈心、本学期家访、本学年送温暖,2024-09,"
    "0,0,0,0,,45,true,是,0",
    "赵敏,杨子墨,五年级(1)班,,,,home_visit,本学期家访,2024-09,1,0,1,0,2024-10-10,5,true,是,0",
]
EN_ALL = '"a talk this month, a home visit this term, 送温暖 this school year"'
DUE_CSV_EN = [
    "王芳,张雨涵,三年级(2)班,,both_parents_away,both parents away,warmth,送温暖 this school year,,"
    "1,1,0,0,2024-10-09,6,false,no,0",
    f"王芳,李明轩,三年级(2)班,,,,talk;home_visit;warmth,{EN_ALL},,0,0,0,1,2024-10-05,10,false,no,0",
    "李强,刘浩然,四年级(1)班,,both_parents_away,both parents away,home_visit;warmth,"
    '"a home visit this term, 送温暖 this school year",2024-09,1,0,0,0,2024-10-03,12,true,yes,0',
    f"李强,王梓萱,四年级(1)班,,,,talk;home_visit;warmth,{EN_ALL},,0,0,0,0,2024-09-20,25,false,no,0",
    f"赵敏,陈思彤,五年级(1)班,,,,talk;home_visit;warmth,{EN_ALL},2024-09,0,0,0,0,,45,true,yes,0",
    "赵敏,杨子墨,五年级(1)班,,,,home_visit,a home visit this term,2024-09,"
    "1,0,1,0,2024-10-10,5,true,yes,0",
]
DUE_KEYS = (
    "teacher,child,class,birth_date,priority,priority_text,owed,owed_text,missed_months,"
    "talks_this_month,visits,warmth,family_calls,last_contact,days_without_contact,overdue,overdue_text,"
    "other_teachers"
)


@pytest.mark.parametrize(
    ("lang", "keys", "header", "rows"),
    [
        (
            "zh",
            False,
            "\ufeff帮扶教师,儿童,班级,出生日期,重点帮扶原因（代码）,重点帮扶原因,待办（代码）,待办,漏谈月份,本月谈心次数,"
            "本学期家访次数,本学年送温暖次数,亲情通话次数,最近联系,未联系天数,逾期（代码）,逾期,"
            "其他老师的记录数",
            DUE_CSV_ZH,
        ),
        ("zh", True, "\ufeff" + DUE_KEYS, DUE_CSV_ZH),
        (
            "en",
            False,
            "\ufeffteacher,child,class,birth date,priority (code),priority,owed (code),owed,"
            "months without a talk,talks this month,home visits this term,"
            "送温暖 this school year,family calls,last contact,days without contact,"
            "overdue (code),overdue,records by other teachers",
            DUE_CSV_EN,
        ),
        ("en", True, "\ufeff" + DUE_KEYS, DUE_CSV_EN),
    ],
    ids=["zh", "zh-keys", "en", "en-keys"],
)
def test_due_csv_says_its_codes_in_words(
    term: Path, lang: str, keys: bool, header: str, rows: list[str]
) -> None:
    """A school opens lbc due's CSV in Excel: what is owed and whether it is overdue are
    said as the table says them (本学期家访, 是/否; in English under --lang en), beside the
    codes a script reads (home_visit, true/false), which no language changes."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)
    asked = ["--json-keys"] if keys else []
    csv = run("--lang", lang, "due", "--as-of", "2024-10-15", "--format", "csv", *asked, cwd=term)
    assert csv.exit_code == 1
    assert csv.stdout.splitlines() == [header, *rows]


# lbc due's JSON on 2024-10-15: what each child owes by code, the same in every language,
# and in the table's words of the run's language beside it.
DUE_JSON_OWED = [
    ("张雨涵", ["warmth"]),
    ("李明轩", ["talk", "home_visit", "warmth"]),
    ("刘浩然", ["home_visit", "warmth"]),
    ("王梓萱", ["talk", "home_visit", "warmth"]),
    ("陈思彤", ["talk", "home_visit", "warmth"]),
    ("杨子墨", ["home_visit"]),
]
OWED_WORDS = {
    "zh": {"talk": "本月谈心", "home_visit": "本学期家访", "warmth": "本学年送温暖"},
    "en": {
        "talk": "a talk this month",
        "home_visit": "a home visit this term",
        "warmth": "送温暖 this school year",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_due_json_says_what_is_owed_by_code_and_in_words(term: Path, lang: str) -> None:
    """A script reads lbc due's JSON: what a child owes was 谈心、家访、送温暖, the
    records' Chinese words, under --lang en too, where the CSV has codes. ``owed`` holds
    the CSV's codes (talk, home_visit, warmth), ``owed_text`` beside it the table's words
    in the run's language, the keys in a stable order."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)
    due = run("--lang", lang, "due", "--as-of", "2024-10-15", "--format", "json", cwd=term)
    assert due.exit_code == 1
    children = [c for x in due.json()["teachers"] for c in x["children"]]
    words = OWED_WORDS[lang]
    assert [(c["child"], c["owed"], c["owed_text"]) for c in children] == [
        (name, owed, [words[k] for k in owed]) for name, owed in DUE_JSON_OWED
    ]
    assert list(children[0]) == [
        "child",
        "class",
        "birth_date",
        "priority",
        "priority_text",
        "owed",
        "owed_text",
        "missed_months",
        "talks_this_month",
        "visits",
        "warmth",
        "family_calls",
        "last_contact",
        "days_without_contact",
        "overdue",
        "other_teachers",
    ]


def test_due_prints_and_writes_the_list(term: Path) -> None:
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)
    table = run("due", "--as-of", "2024-10-15", cwd=term)
    assert table.exit_code == 1
    assert table.stdout.splitlines()[-1] == (
        "截至 2024-10-15（2024年秋季学期）：结对儿童 6 名；本月未谈心 3 名，有月份漏谈 3 名，"
        "本学期未家访 5 名，本学年未送温暖 5 名，超过 30 天无任何联系 1 名；逾期 3 名"
    )
    out = run("due", "--as-of", "2024-10-15", "--out", "待办.xlsx", cwd=term)
    assert out.exit_code == 1
    assert out.stderr.splitlines()[-1] == "已写出待办清单：待办.xlsx（仅本人可读）"
    path = term / "待办.xlsx"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ws = load_workbook(path).active
    # On paper the days are written as a Chinese document writes them; the terminal keeps
    # ISO, narrow enough for an 80-column line.
    assert ws["A1"].value == "青山镇中心小学帮扶工作待办清单（截至2024年10月15日）"
    assert [c.value for c in ws[3]][:3] == ["王芳", "张雨涵", C32]
    assert ws["F3"].value == "2024年10月9日（6 天前）"
    assert ws.cell(ws.max_row, 1).value.startswith("截至 2024年10月15日（2024年秋季学期）：")
    assert ws.print_title_rows == "$2:$2"
    english = run("--lang", "en", "due", "--as-of", "2024-09-20", cwd=term)
    assert english.exit_code == 0
    assert "as of 2024-09-20 (" in english.stdout and "本月" not in english.stdout


def test_due_fits_an_80_column_terminal(term: Path) -> None:
    """A teacher's list is read at the staff meeting from a laptop's terminal: every line
    fits 80 columns, the months without a talk go with what is owed, a date stays whole."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)
    shown = on_a_terminal("due", "--as-of", "2024-10-15", cwd=term)
    lines = [s.rstrip() for s in shown.splitlines()]
    assert max(map(cell_len, lines)) <= 80
    start = lines.index(
        "  刘浩然   四年级(1)班   父母均外出   本学期家访、本    2024-10-03（12    是"
    )
    assert lines[start + 1 : start + 3] == [
        "                                      学年送温暖；漏    天前）",
        "                                      谈：9月",
    ]


def test_due_and_watch_count_days_without_contact_alike(tmp_path: Path) -> None:
    """Days without contact run from the last record, and from no earlier than the school
    year's start (2024-09-01): lbc due and the watch list (WCH013) say the same of each
    child, and a child nobody has talked with all year is not better off than one last
    talked with in January."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    talk = [dt.date(2025, 1, 10), "王芳", "李明轩", None, "谈心", "谈学习"]
    summer = [dt.date(2025, 7, 10), "王芳", "李明轩", None, "谈心", "谈暑假"]
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"]],
            "帮扶记录": [["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"], talk, summer],
        },
    )

    def said(day: str) -> tuple[list[tuple[str, int, bool]], list[tuple[str, list[str]]]]:
        due = run("due", roster, "--as-of", day, "--format", "json").json()
        watch = run("watch", roster, "--as-of", day, "--format", "json", "--show-pii").json()
        return (
            [
                (c["child"], c["days_without_contact"], c["overdue"])
                for teacher in due["teachers"]
                for c in teacher["children"]
            ],
            [
                (c["name"], [r["code"] for r in c["reasons"] if r["code"] == "WCH013"])
                for g in watch["classes"]
                for c in g["children"]
            ],
        )

    assert said("2024-09-20") == ([("张雨涵", 20, False), ("李明轩", 20, False)], [])
    # In the summer holidays both count to the spring term's last day, 2025-07-31: 李明轩,
    # last talked with on 2025-07-10, is 21 days out, not 41.
    assert said("2025-08-20") == (
        [("张雨涵", 334, True), ("李明轩", 21, True)],  # 李明轩 missed months: overdue still
        [("张雨涵", ["WCH013"])],
    )
    assert said("2025-02-20") == (
        [("张雨涵", 173, True), ("李明轩", 41, True)],
        [("张雨涵", ["WCH013"]), ("李明轩", ["WCH013"])],
    )


def test_due_says_how_many_records_name_no_child(tmp_path: Path) -> None:
    """A record naming a child not on the roster (a slip of the pen: 张玮 for 张伟) or one
    of two namesakes without a class counts for nobody. lbc due listed 张伟 as owed his
    talk and said nothing of the records it could not count; now a note says how many
    and sends the school to lbc validate. Records for a child who has left (转出) and a
    class activity naming no child are not among them."""
    kids = [
        [*CHILD_HEADER, "帮扶教师", "在校状态"],
        [*child_row(1, name="张伟", cls="三年级(1)班"), "王芳", "在读"],
        [*child_row(2, name="张伟", cls="四年级(2)班"), "王芳", "在读"],
        [*child_row(3, name="刘洋"), "王芳", "转出"],
    ]
    day = dt.date(2024, 10, 8)
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        [day, "王芳", "张伟", "三年级(1)班", "谈心", "counted"],
        [day, "王芳", "张玮", "四年级(2)班", "谈心", "nobody of that name"],
        [day, "王芳", "张伟", None, "谈心", "which 张伟?"],
        [day, "王芳", "刘洋", None, "家访", "has left"],
        [day, "王芳", None, None, "活动", "class meeting"],
        [dt.date(2024, 6, 20), "王芳", "张玮", None, "谈心", "last school year"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    result = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert result.exit_code == 1
    owed = [(c["class"], c["owed"]) for x in result.json()["teachers"] for c in x["children"]]
    assert owed == [
        ("三年级(1)班", ["home_visit", "warmth"]),
        ("四年级(2)班", ["talk", "home_visit", "warmth"]),
    ]
    assert result.stderr == unclear_records(2)


def test_dates_typed_by_hand_count(tmp_path: Path) -> None:
    """A teacher types the day as people write it: 2024年9月3号, 2024 年 10 月 8 日 (spaced
    as a document sets it), 2024.09.20（周五）, 2024年10月9日下午. Each is that day: lbc due
    counted none of them and listed the child as owed September's talk, this month's and a
    home visit."""
    _owes_nothing(
        tmp_path,
        ["2024年9月3号", "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["2024 年 10 月 8 日", "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["2024.09.20（周五）", "王芳", "张雨涵", None, "家访", "入户"],
        ["2024年10月9日下午", "王芳", "张雨涵", None, "送温暖", "送书包"],
    )


def test_due_and_the_summary_say_how_many_records_have_no_readable_date(
    tmp_path: Path,
) -> None:
    """A record dated 9月3日 (no year) or 上周 is in no term: it counts for nobody, and lbc
    due and lbc summary said nothing of it while listing the child as owed its talk. Now a
    note says how many there are and where the first is, and validate points at each
    (DATE001). A talk dated 2024年9月 (no day) is September's talk (test_records_dates).
    Both are of the 2024 autumn term (due's --as-of falls in it): 9月3日 is its 2024-09-03,
    as both count it, and validate no longer calls it unreadable; 8月30日 is in no year
    of it (test_records_dates)."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        ["9月3日", "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["上周", "王芳", "张雨涵", None, "家访", "入户"],
        [dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"],
        ["8月30日", "王芳", "张雨涵", None, "谈心", "谈学习"],
        [None, None, None, None, None, "备注：以上记录由班主任填写"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    note = (
        f"提示：2 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 3 行），"
        "不在任何学期，没有计入；请按 lbc validate 所指（DATE001）改正\n"
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert due.stderr == note
    assert [c["missed_months"] for x in due.json()["teachers"] for c in x["children"]] == [[]]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    assert summary.stderr.splitlines()[-1] + "\n" == note
    found = run("validate", path, "--format", "json", "--select", "DATE").json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["value"]) for f in found] == [
        ("DATE001", 3, "A", "上周"),
        ("DATE001", 5, "A", "8月30日"),
    ]


def test_a_teacher_whose_state_says_in_post_keeps_their_children(tmp_path: Path) -> None:
    """A teachers list's 状态 column says 在编在岗 or 正常在岗: the teacher is in post. lbc
    read the word as unreadable, so not in post: lbc due said nothing was owed (exit 0)
    and every child was unpaired, the watch list gave each child WCH012 (no teacher)."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "李强"]]
    teachers = [["姓名", "联系电话", "状态"]]
    teachers += [["王芳", "13800000001", "在编在岗"], ["李强", "13800000002", "已调离"]]
    records = [["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"]]
    records += [[dt.date(2024, 10, 8), "王芳", "张雨涵", None, "谈心", "谈学习"]]
    path = write_xlsx(
        tmp_path / "roster.xlsx", {"儿童": kids, "教师": teachers, "帮扶记录": records}
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert due.exit_code == 1
    assert [
        (x["teacher"], c["child"], c["owed"], c["missed_months"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ] == [("王芳", "张雨涵", ["home_visit", "warmth"], ["2024-09"])]
    # 李强 has left: 李明轩 was paired, and has no teacher in post now.
    assert due.stderr == "提示：1 名儿童没有在岗的帮扶教师，不在待办清单中（见 lbc pair）\n"
    watch = run("watch", path, "--as-of", "2024-10-15", "--format", "json", "--show-pii")
    assert [
        (c["name"], [r["code"] for r in c["reasons"]])
        for g in watch.json()["classes"]
        for c in g["children"]
    ] == [("李明轩", ["WCH013", "WCH012"])]


def test_a_record_without_its_date_is_said_not_silently_dropped(term: Path) -> None:
    """王芳 wrote up 张雨涵's home visit in its laid-out row and forgot the date: lbc due
    listed 张雨涵 as owed a home visit and lbc summary counted no visit, and neither said
    why (only lbc validate's REQ001 did). Now both say a record names a child and has no
    date, and where the first is."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    path = book(term / "记录表", "王芳")
    fill(path, [("张雨涵", "家访", "本学期", D(2024, 10, 9), "与奶奶交流")])
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    row = next(r for r in range(3, ws.max_row + 1) if ws[f"G{r}"].value == "与奶奶交流")
    ws[f"F{row}"].value = None
    wb.save(path)
    note = (
        f"提示：1 条帮扶记录写了学生却没有填日期（首个在 {path.relative_to(term)} 的“帮扶记录”"
        f"第 {row} 行），不在任何学期，没有计入；请按 lbc validate 所指（REQ001）补填日期"
    )
    code, doc = due(term, "2024-10-15")
    assert code == 1
    zhang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"][0]
    assert (zhang["child"], zhang["visits"], zhang["owed"][:2]) == (
        "张雨涵",
        0,
        ["talk", "home_visit"],
    )
    said = run("due", "--as-of", "2024-10-15", "--format", "json", cwd=term).stderr
    assert note in said.splitlines()
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=term)
    assert summary.json()["records"]["home_visits"] == 0
    assert note in summary.stderr.splitlines()


def test_a_spring_summary_counts_the_years_warmth_as_lbc_due_does(tmp_path: Path) -> None:
    """送温暖 is owed once a school year. 张雨涵 had hers in December, 李明轩 his in March:
    on the spring term's last day lbc due owes neither, but lbc summary said one of two
    paired children (50%) had 送温暖, counting the spring term's records only."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        [D(2024, 12, 20), "王芳", "张雨涵", None, "送温暖", "送冬衣"],
        [D(2025, 3, 10), "王芳", "李明轩", None, "送温暖", "送文具"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    end = run("due", path, "--as-of", "2025-07-31", "--format", "json").json()
    assert end["summary"]["no_warmth"] == 0
    assert [c["warmth"] for x in end["teachers"] for c in x["children"]] == [1, 1]
    summary = run("summary", path, "--term", "2025-spring", "--format", "json").json()
    records = summary["records"]
    assert (records["warmth"], records["warmth_received"], records["warmth_rate"]) == (1, 2, 1.0)
    text = run("summary", path, "--term", "2025-spring").stdout
    assert "- 送温暖：2 名结对儿童本学年得到送温暖（100.0%）。" in text.splitlines()


def test_spring_record_sheets_lay_out_no_warmth_a_child_had_in_autumn(tmp_path: Path) -> None:
    """张雨涵 had the year's 送温暖 in December: the spring term's sheet lays out no row of
    it for her, as lbc due owes her none, and one for 李明轩, who has had none; the note
    says why. Autumn's sheet, which starts the year, lays out both."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        [D(2024, 12, 20), "王芳", "张雨涵", None, "送温暖", "送冬衣"],
    ]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    laid = {}
    for term, label in (("2025-spring", "2025年春季学期"), ("2024-autumn", TERM)):
        made = run("record-sheets", path, "--term", term, "--out", tmp_path / term)
        assert made.exit_code == 0, made.stderr
        sheet = load_workbook(tmp_path / term / f"帮扶记录表_{label}_王芳.xlsx")["帮扶记录"]
        rows = sheet.iter_rows(min_row=3, values_only=True)
        laid[term] = [row[1] for row in rows if row[3] == "送温暖"]
        warmed = "提示：1 名儿童本学年此前已有送温暖记录，记录表只为每学年要求中尚欠的送温暖预置行"
        assert (warmed in made.stderr.splitlines()) == (term == "2025-spring")
    assert laid == {"2025-spring": ["李明轩"], "2024-autumn": ["张雨涵", "李明轩"]}
    # A school asking no 送温暖 lays out none, and spares nobody a row: no note.
    (tmp_path / "lbc.toml").write_text("[quotas]\nwarmth_per_year = 0\n", encoding="utf-8")
    made = run("record-sheets", path, "--term", "2025-spring", "--out", "无", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    assert "送温暖" not in made.stderr


@pytest.mark.parametrize("title", [True, False])
def test_a_returned_sheet_without_its_plan_column_is_still_lbcs(term: Path, title: bool) -> None:
    """王芳 deleted the 应完成 column of her sheet as of no use to her (and, one time, the
    title row too). lbc no longer knew the workbook for its own: its 结对儿童 sheet was read
    as a second roster (12 children, each a namesake, so every record of theirs counted for
    no one and 6 children were unpaired), and its 30 spare rows were records with no date.
    The title lbc wrote (the teacher and the term's dates) says the sheet is lbc's, and the
    结对儿童 sheet's own title says it is the teacher's list, not a roster."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    path = book(term / "记录表", "王芳")
    fill(path, WANG[:2])
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    ws.delete_cols(5)  # 应完成
    if not title:
        ws.delete_rows(1)
    wb.save(path)
    code, doc = due(term, "2024-10-15")
    assert code == 1
    assert {k: doc["summary"][k] for k in ("paired", "unpaired", "records")} == {
        "paired": 6,
        "unpaired": 0,
        "records": 2,
    }
    wang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"]
    assert [(c["child"], c["missed_months"]) for c in wang] == [("张雨涵", []), ("李明轩", [])]
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=term).json()
    assert (summary["children"]["total"], summary["records"]["total"]) == (6, 2)
    assert (summary["records"]["matched"], summary["records"]["unclear"]) == (2, 0)


def test_a_months_talk_is_not_overdue_on_its_last_day(term: Path) -> None:
    """On Thursday 31 October the staff meet: a child without October's talk still has the
    day for it. lbc due said October was missed and the child overdue (exit 1) on the 31st;
    it is owed this month's talk, and overdue from 1 November (李明轩 is overdue all the
    same: no contact for 51 days). On the term's last day the term's last month is judged,
    as the summary judges it."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    folder = term / "记录表"
    sept = [(kid, "谈心", "2024年9月", D(2024, 9, 10), "谈开学") for kid, _, _ in KIDS[:2]]
    fill(book(folder, "王芳"), [*sept, ("张雨涵", "家访", "本学期", D(2024, 10, 30), "入户")])
    owed = {}
    for day in ("2024-10-31", "2024-11-01"):
        _, doc = due(term, day)
        wang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"]
        owed[day] = [(c["child"], c["owed"][:1], c["missed_months"], c["overdue"]) for c in wang]
    assert owed == {
        "2024-10-31": [("张雨涵", ["talk"], [], False), ("李明轩", ["talk"], [], True)],
        "2024-11-01": [
            ("张雨涵", ["talk"], ["2024-10"], True),
            ("李明轩", ["talk"], ["2024-10"], True),
        ],
    }
    _, end = due(term, "2025-01-31")
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=term).json()
    records = summary["records"]
    assert end["summary"]["missed_a_month"] == 6 == records["paired_children"]
    assert records["talk_every_month"] == 0


def test_a_returned_sheets_list_of_children_renamed_is_still_no_roster(term: Path) -> None:
    """王芳's 结对儿童 sheet came back named Sheet2 (renamed by hand). It was read as a second
    roster: 8 children on the books, 张雨涵 and 李明轩 each a namesake of their own copy, so
    both of 王芳's records counted for no one and lbc due said September was missed. The
    title lbc wrote above it (王芳老师结对儿童) says it is her list, whatever its name."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    path = book(term / "记录表", "王芳")
    fill(path, WANG[:2])
    wb = load_workbook(path)
    wb["结对儿童"].title = "Sheet2"
    wb.save(path)
    _, doc = due(term, "2024-10-15")
    assert doc["summary"]["records"] == 2
    wang = next(x for x in doc["teachers"] if x["teacher"] == "王芳")["children"]
    assert [(c["child"], c["missed_months"]) for c in wang] == [("张雨涵", []), ("李明轩", [])]
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=term).json()
    assert (summary["children"]["total"], summary["records"]["total"]) == (6, 2)
    assert (summary["records"]["matched"], summary["records"]["unclear"]) == (2, 0)


def test_kinds_typed_by_hand_count(tmp_path: Path) -> None:
    """A teacher types the kind as people say it: 面谈 and 谈心交流 for talks, 入户家访 for
    the home visit, 节日慰问 for 送温暖. Each was an unknown kind, counted for nothing, and
    lbc due listed the child as owed a talk, a home visit and 送温暖."""
    _owes_nothing(
        tmp_path,
        ["2024-09-03", "王芳", "张雨涵", None, "面谈", "谈学习"],
        ["2024-10-08", "王芳", "张雨涵", None, "谈心交流", "谈学习"],
        ["2024-09-20", "王芳", "张雨涵", None, "入户家访", "与奶奶交流"],
        ["2024-10-09", "王芳", "张雨涵", None, "节日慰问", "送月饼"],
    )


def _owes_nothing(tmp_path: Path, *records: list[object]) -> None:
    """lbc due on 2024-10-15 owes nothing for 张雨涵, paired with 王芳, given ``records``."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    header = ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": [header, *records]},
    )
    result = run("due", path, "--as-of", "2024-10-15")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "截至 2024-10-15，没有待办事项。\n" + (
        "截至 2024-10-15（2024年秋季学期）：结对儿童 1 名；本月未谈心 0 名，有月份漏谈 0 名，"
        "本学期未家访 0 名，本学年未送温暖 0 名，超过 30 天无任何联系 0 名；逾期 0 名\n"
    )


def test_due_in_english_lists_the_months_without_a_talk_with_english_commas(
    term: Path,
) -> None:
    """With --lang en the months a child went without a talk are joined as English joins a
    list: a Chinese 、 between 2024-09 and 2024-10 is a leak into the English output."""
    english = run("--lang", "en", "due", "--as-of", "2024-11-20", cwd=term)
    assert english.exit_code == 1
    assert "; no talk in 2024-09, 2024-10" in english.stdout
    assert "、" not in english.stdout


@pytest.mark.parametrize(("lang", "owed"), [("zh", "漏谈：10月"), ("en", "no talk in 2024-10")])
def test_a_child_owing_nothing_now_but_a_month_missed_says_the_month_alone(
    samples: Path, lang: str, owed: str
) -> None:
    """黄浩然 was talked with this month and visited and warmed this term, but not talked
    with in October: what he owes says that month alone, with no separator before it
    (it read ；漏谈：10月)."""
    shown = run("--lang", lang, "due", "--term", "2024-autumn", cwd=samples).stdout
    [line] = [line for line in shown.splitlines() if "黄浩然" in line]
    assert f"   {owed}   " in line
    assert run("due", "--term", "2024-autumn", "--out", "待办.xlsx", cwd=samples).exit_code == 1
    cells = [c.value for row in load_workbook(samples / "待办.xlsx").active for c in row]
    assert "漏谈：10月" in cells


def test_record_sheets_already_written_is_said_in_the_users_language(term: Path) -> None:
    """The sheets are Chinese whatever --lang says, but what lbc says to the user is not:
    with --lang en, a second run refusing to overwrite the returned sheets says so in
    English, in its one line."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    again = run("--lang", "en", "record-sheets", "--term", "2024-autumn", cwd=term)
    assert one_error_line(again) == (
        f"lbc: error: 记录表/帮扶记录表_{TERM}_王芳.xlsx exists (3 in all): returned record "
        "sheets are never overwritten; choose another folder or move the old ones"
    )


def test_two_versions_of_a_teachers_sheet_are_said(term: Path) -> None:
    """王芳 saved her sheet again as 王芳 (1).xlsx after changing 张雨涵's October talk into a
    home visit: both files were read without a word, the talk she took back still counted.
    lbc cannot tell which is newer: every command says the files differ, and which to move
    out. Her copy alike in every record (- 副本.xlsx) is said by no note."""
    assert run("record-sheets", "--term", "2024-autumn", cwd=term).exit_code == 0
    hand_back(term)
    alike = run("due", "--as-of", "2024-11-20", cwd=term)
    assert "记录表" not in alike.stderr
    folder = term / "记录表"
    newer = folder / f"帮扶记录表_{TERM}_王芳 (1).xlsx"
    shutil.copy(book(folder, "王芳"), newer)
    wb = load_workbook(newer)
    ws = wb["帮扶记录"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        cells = {h: c for h, c in zip(header, row, strict=False)}
        if cells["学生姓名"].value == "张雨涵" and cells["日期"].value == dt.datetime(2024, 10, 8):
            cells["类型"].value = "家访"
    wb.save(newer)
    said = run("due", "--as-of", "2024-11-20", cwd=term)
    files = "、".join(
        f"记录表/{name}"
        for name in (f"帮扶记录表_{TERM}_王芳 (1).xlsx", f"帮扶记录表_{TERM}_王芳 - 副本.xlsx")
    )
    assert (
        f"提示：{files}、记录表/帮扶记录表_{TERM}_王芳.xlsx 都是王芳老师本学期的记录表，内容不同，"
        "每一份里的记录都计入了（相同的只算一次）；如果一份是另一份改过后再存的新版，请把旧的"
        "移出记录表文件夹，否则旧版里改掉或删掉的记录仍然计入"
    ) in said.stderr.splitlines()


def test_a_quota_above_one_is_not_said_as_none_had(tmp_path: Path) -> None:
    """A school asking two talks a month, two home visits a term and 送温暖 twice a year:
    张雨涵 had one of each, 李明轩 none. The summary said both had no home visit record,
    that 王芳 had not visited either, that neither had 送温暖, and planned one talk and one
    visit each: of 张雨涵, each was untrue, and the plan fell short of the school's own."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "王芳"]]
    talks = [[D(y, m, 10), "王芳", "张雨涵", None, "谈心", "谈学习"] for y, m in MONTHS]
    records = [
        RECORD_HEADER,
        *talks,
        [D(2024, 10, 9), "王芳", "张雨涵", None, "家访", "与奶奶交流"],
        [D(2024, 12, 20), "王芳", "张雨涵", None, "送温暖", "送冬衣"],
    ]
    path = asking_two_of_each(tmp_path, kids, records)
    shown = run("summary", path, "--term", "2024-autumn", cwd=tmp_path)
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    effects = lines.index("## 三、工作成效")
    assert lines[effects + 1 : effects + 4] == [
        "- 每月谈心：2 名结对儿童中，0 名做到每月至少谈心 2 次（0.0%）。",
        "- 学期家访：0 名结对儿童本学期至少家访 2 次（0.0%）。",
        "- 送温暖：0 名结对儿童本学年至少得到送温暖 2 次（0.0%）。",
    ]
    problems = lines.index("## 四、存在问题")
    plans = lines.index("## 五、下学期工作打算")
    assert [x for x in lines[problems + 1 : plans] if x] == [
        "1. 谈心不够经常：有 2 名结对儿童未做到每月至少谈心 2 次。",
        "2. 家访次数不足：有 2 名结对儿童本学期家访不足 2 次。",
        "3. 帮扶记录缺失：有 1 名儿童本学期没有任何帮扶记录。",
        "本学期没有任何帮扶记录的儿童：",
        "- 三年级(2)班：李明轩",
        "未完成谈心或家访要求的帮扶教师：",
        "- 王芳：帮扶 2 名，2 名未做到每月谈心 2 次，2 名本学期家访不足 2 次",
    ]
    assert lines[plans + 2 : plans + 4] == [
        "1. 落实每月谈心制度，帮扶教师每月与 2 名未达标儿童至少谈心 2 次并及时记录。",
        "2. 下学期优先安排对 2 名儿童的家访，做到每学期每生至少家访 2 次。",
    ]


MONTHS = [(2024, 9), (2024, 10), (2024, 11), (2024, 12), (2025, 1)]


def asking_two_of_each(tmp_path: Path, kids: list[list[Any]], records: list[list[Any]]) -> Path:
    """A school's roster (its children, 王芳 in post, ``records``) in a workspace asking two
    talks a month, two home visits a term and 送温暖 twice a year."""
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": [["姓名", "在岗"], ["王芳", "是"]], "帮扶记录": records},
    )
    (tmp_path / "lbc.toml").write_text(
        "[quotas]\ntalks_per_month = 2\nhome_visits_per_term = 2\nwarmth_per_year = 2\n",
        encoding="utf-8",
    )
    return path


def test_due_says_a_shortfall_of_a_quota_above_one_as_such(tmp_path: Path) -> None:
    """Asked two talks a month, two home visits a term and 送温暖 twice a year, 张雨涵 had one
    of each by 2024-11-20: lbc due's last line counted her among those "本学期未家访" and
    "本学年未送温暖", though she had been visited and warmed once. It says who fall short of
    the number asked; she still owes the second of each."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    records = [
        RECORD_HEADER,
        [D(2024, 11, 5), "王芳", "张雨涵", None, "谈心", "谈学习"],
        [D(2024, 10, 9), "王芳", "张雨涵", None, "家访", "与奶奶交流"],
        [D(2024, 10, 20), "王芳", "张雨涵", None, "送温暖", "送冬衣"],
    ]
    path = asking_two_of_each(tmp_path, kids, records)
    shown = run("due", path, "--as-of", "2024-11-20", cwd=tmp_path)
    assert shown.exit_code == 1, shown.stderr
    assert shown.stdout.splitlines()[-1] == (
        "截至 2024-11-20（2024年秋季学期）：结对儿童 1 名；本月谈心不足 2 次 1 名，"
        "有月份漏谈 1 名，本学期家访不足 2 次 1 名，本学年送温暖不足 2 次 1 名，"
        "超过 30 天无任何联系 0 名；逾期 1 名"
    )
    english = run("--lang", "en", "due", path, "--as-of", "2024-11-20", cwd=tmp_path)
    assert english.stdout.splitlines()[-1] == (
        "as of 2024-11-20 (autumn term 2024): 1 paired child; 1 with fewer than 2 talks this"
        " month, 1 who missed a month, 1 with fewer than 2 home visits this term, 1 with"
        " fewer than 2 送温暖 this year, 0 with no contact for over 30 days; 1 overdue"
    )
