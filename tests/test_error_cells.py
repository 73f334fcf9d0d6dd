"""Cells showing a formula's error (a failed VLOOKUP's #N/A) hold nothing: not an ID
number two children share, not a phone to call, not a class to print. VAL007 says each
such cell; every other answer reads it as the empty cell it stands for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

ERROR_ID = "身份证号是公式出错后显示的“#N/A”，不是真实内容"


def roster(path: Path, errors: dict[str, str], rows: list[list[object]] | None = None) -> Path:
    """A real .xlsx roster of ``rows`` (ten children, each born in her own month, by
    default), each cell of ``errors`` (A1 ref -> #N/A …) an error cell as Excel saves one."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(CHILD_HEADER)
    for row in rows or [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 11)]:
        sheet.append(row)
    for ref, error in errors.items():
        sheet[ref].value = error
        sheet[ref].data_type = "e"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_two_ids_showing_na_are_two_children(tmp_path: Path) -> None:
    """Two children whose 身份证号 show #N/A were one ID repeated: DUP001 of the second, and
    summary, merge and birthdays counted nine children of ten. Neither cell holds an ID:
    they are told apart as children without one are, by name and birth date."""
    school = tmp_path / "青山小学"
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 11)]
    for n in (2, 4):  # nobody to call: both on the watch list
        rows[n - 1] = child_row(n, birth=dt.date(2016, n, 3), 父亲电话=None, 母亲电话=None)
    roster(school / "花名册.xlsx", {"D3": "#N/A", "D5": "#N/A"}, rows)
    result = run("validate", school, "--format", "json")
    found = [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]]
    assert found == [
        *[(3, "D", "ID001"), (3, "D", "VAL007"), (3, "J", "CON002")],
        *[(5, "D", "ID001"), (5, "D", "VAL007"), (5, "J", "CON002")],
    ]
    assert result.json()["summary"]["children"] == 10
    summary = run("summary", school, "--term", "2024-autumn")
    assert "本学期我校在册关爱对象 10 名，其中留守儿童 10 名；女 10 人。" in summary.stdout
    merged = run("merge", school, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.json()["summary"]["children"] == 10
    assert merged.json()["duplicates"] == []
    again = run("validate", tmp_path / "全县.xlsx", "--select", "DUP", "--format", "json")
    assert again.json()["findings"] == []
    april = run("birthdays", school, "--month", "4", "--format", "json")
    assert [c["name"] for g in april.json()["classes"] for c in g["children"]] == ["刘浩然"]
    watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json")
    assert [(c["row"], c["name"]) for g in watch.json()["classes"] for c in g["children"]] == [
        (3, "李明轩"),
        (5, "刘浩然"),
    ]
    teachers = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"],
    ]
    write_xlsx(school / "教师.xlsx", {"教师": teachers})
    paired = run("pair", school, "--format", "json").json()["summary"]
    assert (paired["children"], paired["duplicates"]) == (10, 0)
    assert run("cards", school, "--out", tmp_path / "联系卡.html").exit_code == 0
    assert (tmp_path / "联系卡.html").read_text(encoding="utf-8").count(
        "<h2><span>留守儿童联系卡 · "
    ) == 10


def test_a_phone_showing_na_is_no_phone(tmp_path: Path) -> None:
    """A guardian's or a parent's phone cell showing #N/A was a phone on file: no CON
    finding, the watch list said the father's cell gives no number to call, as of 已停机,
    and his card printed the #N/A. Nobody can call it: the contact is missing, as of an
    empty cell, while VAL007 still says the cell."""
    rows = [
        child_row(1),  # both away: the guardian's phone shows #N/A
        child_row(2, kind="父亲外出"),  # the away father's phone shows #N/A
    ]
    path = roster(tmp_path / "花名册.xlsx", {"N2": "#N/A", "J3": "#N/A"}, rows)
    result = run("validate", path, "--select", "CON,VAL", "--format", "json")
    assert [
        (f["row"], f["column"], f["code"], f["message"]) for f in result.json()["findings"]
    ] == [
        (2, "N", "CON001", "父母均外出，缺少监护人电话"),
        (2, "N", "VAL007", "监护人电话是公式出错后显示的“#N/A”，不是真实内容"),
        (3, "J", "CON003", "父亲外出，缺少父亲电话"),
        (3, "J", "VAL007", "父亲电话是公式出错后显示的“#N/A”，不是真实内容"),
    ]
    flag = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing_text"]) for g in flag["classes"] for c in g["children"]] == [
        (2, ["监护人电话"]),
        (3, ["父亲电话"]),
    ]
    watch = run("watch", path, "--format", "json").json()
    assert [
        (c["row"], [r["message"] for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [(3, ["父亲外出，没有电话"])]
    assert run("cards", path, "--out", tmp_path / "联系卡.html").exit_code == 0
    card = (tmp_path / "联系卡.html").read_text(encoding="utf-8")
    assert "#N/A" not in card


def test_a_class_or_an_id_showing_na_is_shown_as_no_value(tmp_path: Path) -> None:
    """A class cell showing #N/A named the child "杨*墨 #N/A" and her class "#N/A" on every
    list and card, and an ID cell showing it was masked into "#N**", a number half hidden.
    The class is none (班级不明, the card's blank), and the cell's value is the error as
    Excel shows it: there is no number in it to hide."""
    rows = [child_row(1), child_row(2, birth=dt.date(2016, 6, 3))]
    path = roster(tmp_path / "花名册.xlsx", {"F3": "#N/A", "D2": "#N/A"}, rows)
    result = run("validate", path, "--select", "VAL", "--format", "json")
    assert [(f["row"], f["column"], f["value"], f["child"]) for f in result.json()["findings"]] == [
        (2, "D", "#N/A", "张*涵 三年级(2)班"),
        (3, "F", "#N/A", "李*轩"),
    ]
    june = run("birthdays", path, "--month", "6", "--format", "json").json()
    assert [(g["class"], [c["name"] for c in g["children"]]) for g in june["classes"]] == [
        ("", ["李明轩"])
    ]
    assert run("cards", path, "--out", tmp_path / "联系卡.html").exit_code == 0
    card = (tmp_path / "联系卡.html").read_text(encoding="utf-8")
    assert "<h2><span>留守儿童联系卡 · 李明轩</span><span>＿＿＿＿＿＿</span></h2>" in card
    assert "#N/A" not in card


def test_an_id_showing_na_this_term_does_not_part_a_child_from_last_terms(
    tmp_path: Path,
) -> None:
    """Last term's three children had their ID numbers; this term's cells show #N/A, and no
    birth date is written. The #N/A was taken as an ID other than hers, so no child was
    matched by name and class: three added and three gone. A cell showing an error holds no
    ID, as an empty one: each child is matched by her name and class."""
    rows = [child_row(n, 出生日期=None) for n in range(1, 4)]
    roster(tmp_path / "上学期.xlsx", {}, rows)
    roster(tmp_path / "本学期.xlsx", {"D2": "#N/A", "D3": "#N/A", "D4": "#N/A"}, rows)
    result = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path)
    summary = result.json()["summary"]
    assert (summary["added"], summary["gone"], summary["matched_by"]["name_class"]) == (0, 0, 3)
