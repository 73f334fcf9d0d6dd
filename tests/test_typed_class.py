"""A 班级 cell typed like a formula's error (" #N/A" with a space, "＃N/A" in full width) is
text, not the error: validate says it by the class rules (CLS001), and every list names its
child's class as the text it is, as of any other unreadable class text (不知道). Only a
cell showing the error whole (VAL007) is no class: its child is under 班级不明, her card's
class a blank to fill in. lbc diff's own test is in test_error_cells_across_terms.py."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook, load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

CLS001 = "无法识别的班级，请写成如“三年级(2)班”"
NO_PHONE = {"父亲电话": None, "母亲电话": None, "监护人电话": None}  # each on the watch list


def typed_classes(folder: Path) -> None:
    """A roster of five children born on 1 May, none with a phone: 张雨涵's class typed
    " #N/A", 李明轩's "＃N/A", 王梓萱's 不知道, 刘浩然's cell showing #N/A (an error cell),
    陈思彤's 三年级(2)班."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(CHILD_HEADER)
    for n, cls in enumerate([" #N/A", "＃N/A", "不知道", "三年级(2)班", "三年级(2)班"], 1):
        sheet.append(child_row(n, 班级=cls, **NO_PHONE))
    sheet["F5"].value = "#N/A"  # an error cell, as Excel saves a failed VLOOKUP's
    sheet["F5"].data_type = "e"
    book.save(folder / "花名册.xlsx")


def test_validate_names_the_child_in_the_class_typed(tmp_path: Path) -> None:
    """validate named a child whose class is typed " #N/A" or "＃N/A" by name alone, as of
    a cell showing the error, while a child of class 不知道 was named with it: each such
    class is named as typed, as lbc diff names it; 刘浩然's error cell is still no class."""
    typed_classes(tmp_path)
    args = ("validate", "花名册.xlsx", "--select", "CLS,VAL")
    doc = run(*args, "--format", "json", cwd=tmp_path).json()
    assert [(f["row"], f["code"], f["child"]) for f in doc["findings"]] == [
        (2, "CLS001", "张*涵 #N/A"),
        (3, "CLS001", "李*轩 ＃N/A"),
        (4, "CLS001", "王*萱 不知道"),
        (5, "VAL007", "刘*然"),
    ]
    text = run(*args, cwd=tmp_path)
    assert text.exit_code == 1 and text.stderr == ""
    assert [line.rstrip() for line in text.stdout.splitlines()] == [
        "花名册.xlsx · 花名册",
        "",
        "  位置   代码     级别   对象           问题                                         值",
        " " + "─" * 91,
        f"  F2     CLS001   错误   张*涵 #N/A     {CLS001}        #N/A",
        f"  F3     CLS001   错误   李*轩 ＃N/A    {CLS001}        ＃N/A",
        f"  F4     CLS001   错误   王*萱 不知道   {CLS001}        不知道",
        "  F5     VAL007   错误   刘*然          班级是公式出错后显示的“#N/A”，不是真实内容   #N/A",
        "",
        "共检查 5 名儿童、0 名教师、0 条帮扶记录：4 个错误，0 个警告",
    ]


def test_watch_and_birthdays_list_the_child_under_the_class_typed(tmp_path: Path) -> None:
    """lbc watch and lbc birthdays listed the children of a class typed " #N/A" or "＃N/A"
    under 班级不明, with the one whose cell shows #N/A, while 不知道's child was listed
    under 不知道: each such class is a list of its own, as typed."""
    typed_classes(tmp_path)
    classes = [
        ("三年级(2)班", ["陈思彤"]),
        ("", ["刘浩然"]),
        ("#N/A", ["张雨涵"]),
        ("不知道", ["王梓萱"]),
        ("＃N/A", ["李明轩"]),
    ]
    for args in (("watch", "--as-of", "2024-10-01"), ("birthdays", "--month", "5")):
        doc = run(*args, "花名册.xlsx", "--format", "json", cwd=tmp_path).json()
        assert [(g["class"], [c["name"] for c in g["children"]]) for g in doc["classes"]] == (
            classes
        )
    watch = run("watch", "花名册.xlsx", "--as-of", "2024-10-01", cwd=tmp_path)
    assert [line for line in watch.stdout.splitlines() if "需重点关注" in line] == [
        "三年级(2)班（班主任：未登记）— 1 人需重点关注",
        "班级不明（班主任：未登记）— 1 人需重点关注",
        "#N/A（班主任：未登记）— 1 人需重点关注",
        "不知道（班主任：未登记）— 1 人需重点关注",
        "＃N/A（班主任：未登记）— 1 人需重点关注",
        "共 5 名儿童需重点关注（关注分达到 3）。",
    ]
    birthdays = run("birthdays", "花名册.xlsx", "--month", "5", cwd=tmp_path)
    assert [line for line in birthdays.stdout.splitlines() if "过生日" in line] == [
        "三年级(2)班（班主任：未登记）— 1 人过生日",
        "班级不明（班主任：未登记）— 1 人过生日",
        "#N/A（班主任：未登记）— 1 人过生日",
        "不知道（班主任：未登记）— 1 人过生日",
        "＃N/A（班主任：未登记）— 1 人过生日",
        "5月共有 5 名留守儿童过生日。",
    ]


def test_a_card_bears_the_class_typed(tmp_path: Path) -> None:
    """A card left the class blank, to fill in by hand, where it was typed " #N/A" or
    "＃N/A", while it printed 不知道 as typed: each such class is printed as typed; 刘浩然's
    cell shows #N/A, no class, and her card's is the blank."""
    typed_classes(tmp_path)
    result = run("cards", "花名册.xlsx", "--out", "联系卡.html", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "联系卡.html").read_text(encoding="utf-8")
    heading = r"联系卡 · (\S+?)</span><span><small class=\"mark\">◆</small> (.*?)</span>"
    assert re.findall(heading, page) == [
        ("陈思彤", "三年级(2)班"),
        ("张雨涵", "#N/A"),
        ("李明轩", "＃N/A"),
        ("王梓萱", "不知道"),
        ("刘浩然", "＿＿＿＿＿＿"),
    ]


def test_the_summary_counts_the_child_in_the_class_typed(tmp_path: Path) -> None:
    """lbc summary counted 张雨涵 (" #N/A" typed), 李明轩 ("＃N/A" typed) and 刘浩然 (a
    cell showing #N/A) as three children of one class "#N/A", in 各班人数 and among the
    unpaired: the first two are each of the class typed, as every class list names them,
    and 刘浩然's is no class, 班级不明."""
    typed_classes(tmp_path)
    doc = run("summary", "花名册.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    classes = ["三年级(2)班", "#N/A", "不知道", "班级不明", "＃N/A"]
    assert doc.json()["children"]["by_class"] == [{"name": c, "count": 1} for c in classes]
    assert doc.json()["pairing"]["unpaired"] == [
        {"class": c, "names": [n]}
        for c, n in zip(classes, ["陈思彤", "张雨涵", "王梓萱", "刘浩然", "李明轩"], strict=True)
    ]
    text = run("summary", "花名册.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert text.exit_code == 0, text.stderr
    assert [line for line in text.stdout.splitlines() if line.endswith("| 1 |")] == [
        "| 三年级(2)班 | 1 |",
        "| #N/A | 1 |",
        "| 不知道 | 1 |",
        "| 班级不明 | 1 |",
        "| ＃N/A | 1 |",
    ]


def test_spaces_round_a_class_typed_like_an_error_make_one_class(tmp_path: Path) -> None:
    """ " #N/A", "#N/A " and " #N/A " made three classes that each printed "#N/A | 1" in the
    summary and three "#N/A" groups in lbc watch, while " 不知道" and "不知道 " were one
    不知道: the spaces round a class typed are dropped, as round 不知道, so they are one
    class "#N/A", apart from 班级不明 (a cell showing #N/A)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(CHILD_HEADER)
    typed = ["不知道", " 不知道", "不知道 ", " #N/A", "#N/A ", " #N/A ", "三年级(2)班", "x"]
    for n, cls in enumerate(typed, 1):
        sheet.append(child_row(n, 班级=cls, **NO_PHONE))
    sheet["F9"].value = "#N/A"  # an error cell, as Excel saves a failed VLOOKUP's
    sheet["F9"].data_type = "e"
    book.save(tmp_path / "花名册.xlsx")
    doc = run("summary", "花名册.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert doc.json()["children"]["by_class"] == [
        {"name": "三年级(2)班", "count": 1},
        {"name": "#N/A", "count": 3},
        {"name": "不知道", "count": 3},
        {"name": "班级不明", "count": 1},
    ]
    text = run("summary", "花名册.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert text.exit_code == 0, text.stderr
    assert [line for line in text.stdout.splitlines() if "N/A" in line] == ["| #N/A | 3 |"]
    watch = run("watch", "花名册.xlsx", "--as-of", "2024-10-01", "--format", "json", cwd=tmp_path)
    assert [(g["class"], [c["name"] for c in g["children"]]) for g in watch.json()["classes"]] == [
        ("三年级(2)班", ["黄欣怡"]),
        ("", ["赵俊熙"]),
        ("#N/A", ["刘浩然", "陈思彤", "杨子墨"]),
        ("不知道", ["张雨涵", "李明轩", "王梓萱"]),
    ]
    # Written out, "#N/A" is the text typed, not an error cell (openpyxl's reading of it).
    book_out = run(
        "watch", "花名册.xlsx", "--as-of", "2024-10-01", "--out", "关注.xlsx", cwd=tmp_path
    )
    assert book_out.exit_code == 1, book_out.stderr  # children listed
    cells = [c for row in load_workbook(tmp_path / "关注.xlsx").active.iter_rows() for c in row]
    assert [(c.value, c.data_type) for c in cells if c.value == "#N/A"] == [("#N/A", "s")] * 3


def test_pair_names_the_class_typed_and_no_class_of_an_error_cell(tmp_path: Path) -> None:
    """lbc pair named 张雨涵's class typed " #N/A", 李明轩's "＃N/A" and 刘浩然's cell showing
    #N/A all "#N/A", in its JSON, its reasons and its workbook, as no other list does: the
    typed ones as typed, the error cell no class (its teacher's list names her alone)."""
    typed_classes(tmp_path)
    wang = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是", 10]
    write_xlsx(tmp_path / "教师.xlsx", {"教师": [[*TEACHER_HEADER, "可帮扶人数"], wang]})
    doc = run("pair", tmp_path, "--format", "json", "--out", tmp_path / "结对.xlsx").json()
    assert [(p["row"], p["class"], p["reason"]) for p in doc["pairs"]] == [
        (6, "三年级(2)班", "本班班主任"),
        (2, "#N/A", "班级无法识别（#N/A），全校调配"),
        (3, "＃N/A", "班级无法识别（＃N/A），全校调配"),
        (4, "不知道", "班级无法识别（不知道），全校调配"),
        (5, "", "班级无法识别（-），全校调配"),
    ]
    book = load_workbook(tmp_path / "结对.xlsx")
    assert [r[1] for r in book["结对名单"].iter_rows(min_row=3, max_row=7, values_only=True)] == [
        "三年级(2)班",
        "#N/A",
        "＃N/A",
        "不知道",
        None,
    ]
    assert book["教师帮扶名单"]["F3"].value.splitlines() == [
        "陈思彤（三年级(2)班）",
        "张雨涵（#N/A）",
        "李明轩（＃N/A）",
        "王梓萱（不知道）",
        "刘浩然",
    ]
