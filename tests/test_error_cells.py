"""Cells showing a formula's error (a failed VLOOKUP's #N/A) hold nothing: not an ID
number two children share, not a phone to call, not a class to print. VAL007 says each
such cell; every other answer reads it as the empty cell it stands for."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    card_page,
    child_row,
    run,
    without,
    write_xlsx,
)
from lbc import api

ERROR_ID = "身份证号是公式出错后显示的“#N/A”，不是真实内容"


def roster(
    path: Path,
    errors: dict[str, str],
    rows: list[list[object]] | None = None,
    header: Sequence[str] = CHILD_HEADER,
) -> Path:
    """A real .xlsx roster of ``rows`` (ten children, each born in her own month, by
    default) under ``header``, each cell of ``errors`` (A1 ref -> #N/A …) an error cell as
    Excel saves one."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(list(header))
    for row in rows or [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 11)]:
        sheet.append(row)
    for ref, error in errors.items():
        sheet[ref].value = error
        sheet[ref].data_type = "e"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


# The teachers of 三年级(2)班 most tests pair its children with: its head teacher, and
# a subject teacher.
WANG_FANG = ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"]
LI_QIANG = ["李强", "男", "13800000002", "科任教师", "三年级(2)班", "数学", "否", "是"]


def teachers_list(school: Path, *teachers: list[str]) -> None:
    """``school``'s teachers list, 教师.xlsx, of ``teachers`` under TEACHER_HEADER."""
    write_xlsx(school / "教师.xlsx", {"教师": [TEACHER_HEADER, *teachers]})


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
        *[(3, "D", "VAL007"), (3, "J", "CON002")],
        *[(5, "D", "VAL007"), (5, "J", "CON002")],
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
    assert card_page(tmp_path / "联系卡.html").count("<h2><span>留守儿童联系卡 · ") == 10


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
    card = card_page(tmp_path / "联系卡.html")
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
    card = card_page(tmp_path / "联系卡.html")
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


def test_an_id_or_a_phone_showing_na_is_said_a_formula_error_in_the_change_log(
    tmp_path: Path,
) -> None:
    """张雨涵's ID number and 李明轩's guardian's phone, on file last term, show #N/A this
    term. lbc diff masked the ID's #N/A into "#N**", a new ID number half hidden, and the
    phone's into nothing, "（空）"; the workbook wrote the bare #N/A. Each is the cell as it
    shows it, said a formula's error whose value is lost, in every output alike, while
    the real numbers beside them stay masked unless --show-pii."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in (1, 2)]
    roster(tmp_path / "上学期.xlsx", {}, rows)
    roster(tmp_path / "本学期.xlsx", {"D2": "#N/A", "N3": "#N/A"}, rows)
    lost = "#N/A（公式出错，内容已丢失）"
    shown = run("diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    lines = [line.strip() for line in shown.stdout.splitlines()]
    assert [re.split(r" {2,}", line) for line in lines if "→" in line] == [
        [
            "三年级(2)班",
            "2",
            "张雨涵",
            "身份证号",
            f"511321********1022 → {lost}",
            "姓名 + 出生日期",
        ],
        ["三年级(2)班", "3", "李明轩", "监护人电话", f"137****5678 → {lost}", "身份证号"],
    ]
    doc = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(c["field"], c["old"], c["new"]) for m in doc["changed"] for c in m["changes"]] == [
        ("id_number", "511321********1022", lost),
        ("guardian_phone", "137****5678", lost),
    ]
    whole = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "csv", "--show-pii", cwd=tmp_path)
    assert [[row[-4], *row[-2:]] for row in list(csv.reader(whole.stdout.splitlines()))[1:]] == [
        ["id_number", '="511321201601031022"', lost],
        ["guardian_phone", "13712345678", lost],
    ]
    back = run("diff", "本学期.xlsx", "上学期.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(c["old"], c["new"]) for m in back["changed"] for c in m["changes"]] == [
        (lost, "511321********1022"),
        (lost, "137****5678"),
    ]
    done = run("diff", "上学期.xlsx", "本学期.xlsx", "--out", "变更.xlsx", cwd=tmp_path)
    assert done.exit_code == 0
    book = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [row[4:7] for row in book.iter_rows(min_row=2, values_only=True)] == [
        ("身份证号", "511321201601031022", lost),
        ("监护人电话", "13712345678", lost),
    ]
    # LibreOffice's error, as a CSV saved from its sheet keeps it: Err:502, as VAL007 says
    # it, not the ERR:502 its ID number reads as.
    text = "\n".join(",".join(map(str, row)) for row in [CHILD_HEADER, *rows])
    text = text.replace("511321201601031022", "Err:502")
    (tmp_path / "本学期.csv").write_text(text + "\n", encoding="utf-8")
    libre = run("diff", "上学期.xlsx", "本学期.csv", "--format", "json", cwd=tmp_path).json()
    assert [(c["field"], c["new"]) for m in libre["changed"] for c in m["changes"]] == [
        ("id_number", "Err:502（公式出错，内容已丢失）"),
    ]


def test_a_sheet_whose_ids_all_show_na_is_said_not_compared_and_exits_1(
    tmp_path: Path,
) -> None:
    """Every 身份证号 cell of this term's roster shows #N/A (the sheet a VLOOKUP looked up
    was deleted): diff left the column uncompared, as one left empty, and said "信息变更 0
    名，未变 4 名", exit 0, nothing on stderr, every child unchanged. It now says the column
    holds only formula errors, so no ID was compared, and exits 1, as when a file is left
    out; a column left empty stays validate's to say. The note named a CSV file's "sheet",
    which it has not, and ran to 139 characters."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 5)]
    roster(tmp_path / "上学期.xlsx", {}, rows)
    roster(tmp_path / "本学期.xlsx", {f"D{r}": "#N/A" for r in range(2, 6)}, rows)
    result = run("diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == "新增 0 名，不在新名册 0 名，信息变更 0 名，未变 4 名\n"
    assert result.stderr.splitlines() == [
        "提示：本学期名册 本学期.xlsx“花名册”，身份证号一栏只有公式出错的格（4 格，首格第 2 行："
        "#N/A），未比较身份证号；请按 lbc validate（VAL007）改正后重新比较；退出码为 1"
    ]
    # Last term's, saved from LibreOffice as CSV: Err:502 as the cell shows it.
    text = "\n".join(",".join(map(str, row)) for row in [CHILD_HEADER, *rows])
    text = re.sub(r"5113212016\d{8}", "Err:502", text)
    (tmp_path / "上学期.csv").write_text(text + "\n", encoding="utf-8")
    back = run(
        "--lang", "en", "diff", "上学期.csv", "本学期.xlsx", "--format", "json", cwd=tmp_path
    )
    assert back.exit_code == 1
    assert back.json()["summary"]["unchanged"] == 4
    assert back.stderr.splitlines() == [
        f"note: {side} roster {where}: its ID number column holds only cells showing a "
        f"formula's error (4 cells, the first in row 2: {value}), so no ID number was "
        "compared; correct them as lbc validate says (VAL007) and compare again; exit code 1"
        for side, where, value in (
            ("last term's", "上学期.csv", "Err:502"),
            ("this term's", "本学期.xlsx sheet '花名册'", "#N/A"),
        )
    ]
    blank = [child_row(n, birth=dt.date(2016, n, 3), 身份证号=None) for n in range(1, 5)]
    roster(tmp_path / "空.xlsx", {}, blank)
    empty = run("diff", "上学期.xlsx", "空.xlsx", cwd=tmp_path)
    assert (empty.exit_code, empty.stderr) == (0, "")
    assert empty.stdout == "新增 0 名，不在新名册 0 名，信息变更 0 名，未变 4 名\n"


def test_ids_showing_na_against_a_roster_without_an_id_column_are_not_said(
    tmp_path: Path,
) -> None:
    """Last term's roster has no 身份证号 column: no ID is compared, and diff exits 0 with
    nothing said, this term's IDs real or not. Where this term's all showed #N/A it said
    they were not compared and exited 1, though nothing could have compared them."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 5)]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": without(["身份证号"], *rows)})
    roster(tmp_path / "本学期.xlsx", {f"D{r}": "#N/A" for r in range(2, 6)}, rows)
    roster(tmp_path / "真号.xlsx", {}, rows)
    for new in ("本学期.xlsx", "真号.xlsx"):
        result = run("diff", "上学期.xlsx", new, cwd=tmp_path)
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == "新增 0 名，不在新名册 0 名，信息变更 0 名，未变 4 名\n"


def test_a_merged_rosters_ids_showing_na_are_said_with_their_school(tmp_path: Path) -> None:
    """Two terms' county rosters merged from two schools' folders, 青山小学's IDs all #N/A
    this term: the note names the merged workbook's sheet, and the school whose rows these
    are, which the merged sheet's row alone does not tell."""
    qing = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 4)]
    bai = [child_row(n, name=f"赵{n}号", birth=dt.date(2015, n, 9)) for n in range(1, 4)]
    for term, errors in (("上学期", {}), ("本学期", {f"D{r}": "#N/A" for r in range(2, 5)})):
        roster(tmp_path / term / "白鹤小学" / "花名册.xlsx", {}, bai)
        roster(tmp_path / term / "青山小学" / "花名册.xlsx", errors, qing)
        run("merge", tmp_path / term, "--out", tmp_path / f"{term}全县.xlsx")
    result = run("diff", "上学期全县.xlsx", "本学期全县.xlsx", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout == "新增 0 名，不在新名册 0 名，信息变更 0 名，未变 6 名\n"
    assert result.stderr.splitlines() == [
        "提示：本学期名册 本学期全县.xlsx“留守儿童花名册”（青山小学），身份证号一栏只有公式出错的格"
        "（3 格，首格第 5 行：#N/A），未比较身份证号；请按 lbc validate（VAL007）改正后重新比较；"
        "退出码为 1"
    ]


def test_a_class_whose_grade_cell_shows_na_says_so_in_the_change_log(tmp_path: Path) -> None:
    """年级 | 班级 columns; this term 李明轩's 年级 cell shows #N/A. diff printed "班级
    三年级(2)班 → 2班", as if the class were changed, with no word of the error VAL007
    says. The class is still read as it was, and now said read without its grade, the
    年级 cell a formula's error, alike in the table, JSON, CSV and the --out workbook.
    Said only of a class number read without its grade: not of 王梓萱's 班级 left blank
    (the workbook wrote "None（年级显示 #N/A…）"), nor of 刘浩然's 班级 showing #N/A too
    (the workbook said both errors, every other output the first), nor of 陈思彤's
    三年级(3)班, which names its grade (said lost though it was not)."""
    header = [*CHILD_HEADER[:5], "年级", "班级", *CHILD_HEADER[6:]]
    rows = []
    for n in range(1, 6):
        row = child_row(n, birth=dt.date(2016, n, 3))
        rows.append([*row[:5], "三年级", "2班", *row[6:]])
    before = [*rows[:4], [*rows[4][:6], "三年级(2)班", *rows[4][7:]]]
    after = [*rows[:2], [*rows[2][:6], None, *rows[2][7:]], *rows[3:4]]
    after.append([*rows[4][:6], "三年级(3)班", *rows[4][7:]])
    errors = {"F3": "#N/A", "F4": "#N/A", "F5": "#N/A", "G5": "#N/A", "F6": "#N/A"}
    for name, cells, errs in (("上学期.xlsx", before, {}), ("本学期.xlsx", after, errors)):
        book = Workbook()
        sheet = book.active
        sheet.title = "花名册"
        for row in [header, *cells]:
            sheet.append(row)
        for ref, error in errs.items():
            sheet[ref].value, sheet[ref].data_type = error, "e"
        book.save(tmp_path / name)
    lost = "2班（年级显示 #N/A，公式出错，年级已丢失）"
    na = "#N/A（公式出错，内容已丢失）"
    shown = run("diff", "上学期.xlsx", "本学期.xlsx", cwd=tmp_path)
    lines = [line.strip() for line in shown.stdout.splitlines()]
    assert [re.split(r" {2,}", line) for line in lines if "→" in line] == [
        ["2班", "3", "李明轩", "班级", f"三年级(2)班 → {lost}", "身份证号"],
        ["4", "王梓萱", "班级", "三年级(2)班 → （空）", "身份证号"],
        ["5", "刘浩然", "班级", f"三年级(2)班 → {na}", "身份证号"],
        ["三年级(3)班", "6", "陈思彤", "班级", "三年级(2)班 → 三年级(3)班", "身份证号"],
    ]
    said = [
        ("class", "三年级(2)班", lost),
        ("class", "三年级(2)班", None),
        ("class", "三年级(2)班", na),
        ("class", "三年级(2)班", "三年级(3)班"),
    ]
    doc = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(c["field"], c["old"], c["new"]) for m in doc["changed"] for c in m["changes"]] == said
    back = run("diff", "本学期.xlsx", "上学期.xlsx", "--format", "csv", cwd=tmp_path)
    assert [[row[-4], *row[-2:]] for row in list(csv.reader(back.stdout.splitlines()))[1:]] == [
        [field, new or "", old] for field, old, new in said
    ]
    done = run("diff", "上学期.xlsx", "本学期.xlsx", "--out", "变更.xlsx", cwd=tmp_path)
    assert done.exit_code == 0
    book = load_workbook(tmp_path / "变更.xlsx")["信息变更"]
    assert [row[4:7] for row in book.iter_rows(min_row=2, values_only=True)] == [
        ("班级", old, new) for _, old, new in said
    ]


def test_a_support_teacher_showing_an_error_pairs_nobody(tmp_path: Path) -> None:
    """A 帮扶教师 cell showing #REF! or #N/A (a failed VLOOKUP) was counted as a teacher of
    that name where no teachers list decides: the summary said every child paired, #REF!
    and #N/A among the teachers with children, and #N/A kept from last term's #N/A; lbc due
    listed a teacher #REF!, lbc record-sheets wrote a workbook for one. Such a cell names
    nobody: its child is unpaired, in the summary's list of them and in the notes of lbc due
    and lbc record-sheets, while VAL007 still says the cell."""
    header = [*CHILD_HEADER, "帮扶教师"]
    teachers = ["王芳", "李强", "王芳", "#REF!", "#N/A"]
    rows = [
        [*child_row(n, birth=dt.date(2016, n, 3)), teacher] for n, teacher in enumerate(teachers, 1)
    ]
    errors = {"O5": "#REF!", "O6": "#N/A"}
    school = tmp_path / "青山小学"
    roster(school / "花名册.xlsx", errors, rows, header)
    before = roster(tmp_path / "上学期" / "花名册.xlsx", errors, rows, header)
    found = run("validate", school, "--select", "VAL", "--format", "json").json()["findings"]
    assert [(f["row"], f["column"], f["code"]) for f in found] == [
        (5, "O", "VAL007"),
        (6, "O", "VAL007"),
    ]
    summary = run(
        "summary", school, "--term", "2024-autumn", "--previous", before, "--format", "json"
    )
    pairing = summary.json()["pairing"]
    assert {k: pairing[k] for k in ("paired", "coverage", "unpaired")} == {
        "paired": 3,
        "coverage": 0.6,
        "unpaired": [{"class": "三年级(2)班", "names": ["刘浩然", "陈思彤"]}],
    }
    figures = ("teachers_with_children", "average_load", "kept")
    assert {k: pairing[k] for k in figures} == {
        "teachers_with_children": 2,
        "average_load": 1.5,
        "kept": 3,
    }
    text = run("summary", school, "--term", "2024-autumn").stdout
    assert (
        "2. 结对帮扶，一对一关爱。结对儿童 3 名，覆盖率 60.0%，每名帮扶教师平均帮扶 1.5 名"
        "（据花名册“帮扶教师”列，未提供教师名单）。\n"
    ) in text
    due = run("due", school, "--as-of", "2024-10-15", "--format", "json")
    assert [x["teacher"] for x in due.json()["teachers"]] == ["王芳", "李强"]
    assert (due.json()["summary"]["paired"], due.json()["summary"]["unpaired"]) == (3, 2)
    assert "提示：2 名儿童没有在岗的帮扶教师，不在待办清单中（见 lbc pair）\n" in due.stderr
    out = tmp_path / "记录表"
    sheets = run("record-sheets", school, "--term", "2024-autumn", "--out", out)
    assert sorted(p.name for p in out.iterdir()) == [
        "帮扶记录表_2024年秋季学期_李强.xlsx",
        "帮扶记录表_2024年秋季学期_王芳.xlsx",
    ]
    assert "提示：2 名儿童没有在岗的帮扶教师，不在任何记录表中\n" in sheets.stderr


def test_a_support_teacher_showing_an_error_is_no_teacher_on_cards_birthdays_watch(
    tmp_path: Path,
) -> None:
    """The summary counts a child whose 帮扶教师 cell shows #N/A or #REF! unpaired, yet her
    contact card printed a teacher "#N" (the #N/A split on "/" into "#N" and "A"), lbc
    birthdays a teacher "#N" or "#REF!", and lbc watch flagged a blank cell's child
    (WCH012) but not hers, and showed #N/A as her teacher. Such a cell names nobody: no
    teacher on the card, the birthday list or the watch list, as for a blank cell, and
    WCH012 says the error; with a teachers list too, where WCH012 said "#N/A" was a teacher
    not on the list."""
    header = [*CHILD_HEADER, "帮扶教师"]
    teachers = ["王芳", None, "#N/A", "#REF!"]
    rows = [  # each ill, two points short of the watch list's three
        [*child_row(n, birth=dt.date(2016, 3, n), 健康状况="哮喘"), teacher]
        for n, teacher in enumerate(teachers, 1)
    ]
    school = tmp_path / "青山小学"
    roster(school / "花名册.xlsx", {"O4": "#N/A", "O5": "#REF!"}, rows, header)
    blank = "姓名：＿＿＿＿＿＿\u3000电话：＿＿＿＿＿＿"
    for phone in ("＿＿＿＿＿＿", "13800000001"):  # no teachers list, then 王芳 on one
        assert run("cards", school, "--out", tmp_path / "联系卡.html").exit_code == 0
        page = card_page(tmp_path / "联系卡.html")
        card = r"联系卡 · (\S+?)</span>.*?<th>帮扶教师</th><td[^>]*>(.*?)</td>"
        assert re.findall(card, page, re.S) == [
            ("张雨涵", f"姓名：王芳\u3000电话：{phone}"),
            ("李明轩", blank),
            ("王梓萱", blank),
            ("刘浩然", blank),
        ]
        march = run("birthdays", school, "--month", "3", "--format", "json").json()
        assert [
            (c["name"], c["support_teacher"]) for g in march["classes"] for c in g["children"]
        ] == [("张雨涵", "王芳"), ("李明轩", None), ("王梓萱", None), ("刘浩然", None)]
        watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json").json()
        assert [
            (c["name"], c["support_teacher"], [r["message"] for r in c["reasons"]])
            for g in watch["classes"]
            for c in g["children"]
        ] == [
            ("李明轩", None, ["患病：哮喘", "没有帮扶教师（未填写）"]),
            ("王梓萱", None, ["患病：哮喘", "没有帮扶教师（帮扶教师一格显示公式错误 #N/A）"]),
            ("刘浩然", None, ["患病：哮喘", "没有帮扶教师（帮扶教师一格显示公式错误 #REF!）"]),
        ]
        teachers_list(school, WANG_FANG)
    english = run("--lang", "en", "watch", school, "--as-of", "2024-10-01", "--format", "json")
    reasons = [
        r["message"] for g in english.json()["classes"] for c in g["children"] for r in c["reasons"]
    ]
    assert (
        reasons[3] == "no support teacher (the support teacher cell shows #N/A, a formula's error)"
    )


def _four_children(folder: Path) -> Path:
    """Four children: three 身份证号 and a 父亲电话 showing a formula's error."""
    rows = [child_row(n, birth=dt.date(2016, n, 3)) for n in range(1, 5)]
    errors = {"D2": "#N/A", "D3": "#N/A", "D4": "#REF!", "J5": "#N/A"}
    return roster(folder / "花名册.xlsx", errors, rows)


def _found(*args: str | Path) -> tuple[int, list[tuple[int, str, str]], dict[str, object]]:
    result = run("validate", *args, "--format", "json")
    found = [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]]
    summary = result.json()["summary"]
    return result.exit_code, found, {k: summary[k] for k in ("errors", "by_code")}


def test_an_id_or_a_phone_showing_na_is_said_once_by_what_it_is(tmp_path: Path) -> None:
    """An ID cell showing #N/A was told it "should be 18 digits" (ID001) beside VAL007, a
    phone cell it was a wrong format (PHN001): advice to retype what nobody typed, and
    each cell counted twice. VAL007 says the cell alone; a rule reading its text is said
    only where VAL007 is not shown (--select ID, --ignore VAL007), so the cell is never
    left unsaid, and the exit code is the same."""
    path = _four_children(tmp_path / "青山小学")
    cells = [(2, "D"), (3, "D"), (4, "D"), (5, "J")]
    assert _found(path) == (
        1,
        [(row, column, "VAL007") for row, column in cells],
        {"errors": 4, "by_code": {"VAL007": 4}},
    )
    ids = [(2, "D", "ID001"), (3, "D", "ID001"), (4, "D", "ID001")]
    assert _found(path, "--select", "ID") == (1, ids, {"errors": 3, "by_code": {"ID001": 3}})
    assert _found(path, "--ignore", "VAL007") == (
        1,
        [*ids, (5, "J", "PHN001")],
        {"errors": 4, "by_code": {"ID001": 3, "PHN001": 1}},
    )
    assert _found(path, "--select", "PHN") == (
        1,
        [(5, "J", "PHN001")],
        {"errors": 1, "by_code": {"PHN001": 1}},
    )
    table = run("validate", path)
    assert "ID001" not in table.stdout and "PHN001" not in table.stdout
    assert table.stdout.endswith("共检查 4 名儿童、0 名教师、0 条帮扶记录：4 个错误，0 个警告\n")
    rows = run("validate", path, "--format", "csv").stdout.splitlines()[1:]
    assert [line.split(",")[0] for line in rows] == ["VAL007"] * 4
    marked = tmp_path / "批注.xlsx"
    assert run("validate", path, "--annotate", marked).exit_code == 1
    sheet = load_workbook(marked)["花名册"]
    assert [sheet[f"{c}{r}"].comment.text.split("]")[0] for r, c in cells] == ["[VAL007"] * 4
    frame = api.validate(api.read(path))
    assert list(zip(frame["row"], frame["column"], frame["code"], strict=True)) == [
        (row, column, "VAL007") for row, column in cells
    ]


def test_an_error_cell_is_one_error_in_merge_and_summary(tmp_path: Path) -> None:
    """lbc merge's school line and exit, validate's line per school and lbc summary's
    archive counted each #N/A ID or phone as two errors. One each now; the children whose
    cells they are stay incomplete archives (建档完整), as before."""
    county = tmp_path / "县"
    _four_children(county / "青山小学")
    roster(county / "白鹤小学" / "花名册.xlsx", {}, [child_row(5), child_row(6)])
    merged = run("merge", county, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.exit_code == 1
    assert merged.json()["summary"]["errors"] == 4
    lines = [(s["school"], s["errors"]) for s in merged.json()["schools"]]
    assert lines == [("白鹤小学", 0), ("青山小学", 4)]
    folder = run("validate", county, "--format", "json").json()["summary"]["schools"]
    assert [(s["school"], s["errors"]) for s in folder] == [("白鹤小学", 0), ("青山小学", 4)]
    assert _found(tmp_path / "全县.xlsx", "--select", "VAL,ID,PHN")[2] == {
        "errors": 4,
        "by_code": {"VAL007": 4},
    }
    summary = run("summary", county / "青山小学", "--term", "2024-autumn", "--format", "json")
    archive = summary.json()["archive"]
    assert (archive["complete"], archive["errors"]) == (0, 4)
    assert [(f["code"], f["count"]) for f in archive["findings"]] == [("VAL007", 4)]


def test_a_records_teacher_showing_na_is_one_error_where_the_teachers_are_apart(
    tmp_path: Path,
) -> None:
    """A support record whose 帮扶教师 shows #N/A was said "not on the teachers list"
    (REC001) beside VAL007. lbc merge checks such a record again against the school's
    teachers list in a file of its own, and counts it as lbc validate does: once."""
    school = tmp_path / "县" / "青山小学"
    records = [
        RECORD_HEADER,
        ["2024-10-08", "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
        ["2024-10-09", "#N/A", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
    ]
    school.mkdir(parents=True)
    made = write_xlsx(school / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    book = load_workbook(made)
    sheet = book.create_sheet("帮扶记录")
    for row in records:
        sheet.append(row)
    sheet["B3"].data_type = "e"
    book.save(made)
    teachers_list(school, WANG_FANG)
    result = run("validate", school, "--format", "json")
    found = [(f["sheet"], f["row"], f["column"], f["code"]) for f in result.json()["findings"]]
    assert found == [("帮扶记录", 3, "B", "VAL007")]
    merged = run("merge", tmp_path / "县", "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert (merged.exit_code, merged.json()["summary"]["errors"]) == (1, 1)


def test_a_support_teacher_showing_na_is_one_error_beside_a_teachers_list(
    tmp_path: Path,
) -> None:
    """A child's 帮扶教师 showing #N/A was said "not on the teachers list" (TCH003, telling
    the school to add "#N/A" to it) beside VAL007: a warning more, counted in merge and
    the summary. The cell is said once, by VAL007; ``--ignore VAL007`` still shows TCH003."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [[*child_row(1), "王芳"], [*child_row(2), "#N/A"]]
    roster(school / "花名册.xlsx", {"O3": "#N/A"}, rows, header)
    teachers_list(school, WANG_FANG)
    result = run("validate", school, "--format", "json")
    found = [(f["row"], f["column"], f["code"]) for f in result.json()["findings"]]
    assert found == [(3, "O", "VAL007")]
    ignored = run("validate", school, "--ignore", "VAL007", "--format", "json")
    found = [(f["row"], f["column"], f["code"]) for f in ignored.json()["findings"]]
    assert found == [(3, "O", "TCH003")]


def test_a_name_showing_na_is_not_masked_as_a_name(tmp_path: Path) -> None:
    """A finding names its child masked (张*涵); a 姓名 showing #N/A was masked as if it
    were a name, "#**A", though it hides no one and is what the school sees in the cell."""
    path = roster(tmp_path / "花名册.xlsx", {"B3": "#N/A"})
    result = run("validate", path, "--format", "json")
    found = [(f["row"], f["code"], f["child"]) for f in result.json()["findings"]]
    assert found == [(3, "VAL007", "#N/A 三年级(2)班")]


def test_a_pairs_workbooks_teacher_showing_na_is_said_where_it_is(tmp_path: Path) -> None:
    """A pairs workbook's 帮扶教师 cell showing #N/A (a VLOOKUP added to it that failed)
    left its child without a teacher with nothing said of it: validate called it a teacher
    not on the list (TCH003), or said nothing without one, and lbc watch pointed at the
    roster's 帮扶教师 cell, which names her teacher. The workbook's cell is said where it
    is, VAL007 in validate and WCH012 in watch, and the pairs note says why she has none."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [  # each ill: on the watch list only without a teacher
        [*child_row(n, birth=dt.date(2016, n, 3), 健康状况="哮喘"), teacher]
        for n, teacher in enumerate(["王芳", "李强", "王芳"], 1)
    ]
    roster(school / "花名册.xlsx", {}, rows, header)
    teachers_list(school, WANG_FANG, [*LI_QIANG[:3], "班主任", *LI_QIANG[4:]])
    pairs = tmp_path / "结对.xlsx"
    assert run("pair", school, "--out", pairs).exit_code == 0
    book = load_workbook(pairs)
    cell = book["结对名单"]["G4"]
    assert (book["结对名单"]["G2"].value, cell.value) == ("帮扶教师", "李强")
    cell.value, cell.data_type = "#N/A", "e"
    book.save(pairs)
    for given in ([school, pairs], [school / "花名册.xlsx", pairs]):  # teachers list or not
        result = run("validate", *given, "--format", "json")
        found = [
            (f["file"], f["sheet"], f["row"], f["column"], f["code"])
            for f in result.json()["findings"]
        ]
        assert found == [(str(pairs), "结对名单", 4, "G", "VAL007")]
    note = (
        "提示：帮扶教师以结对名单 {}（{}结对）为准，共 3 名儿童；结对名单中 1 行的帮扶教师一格"
        "是公式出错后显示的错误值（如 #N/A），对应的儿童没有帮扶教师（见 lbc validate 的 VAL007）\n"
    )
    watch = run("watch", school, pairs, "--as-of", "2024-10-01", "--format", "json")
    listed = [c for g in watch.json()["classes"] for c in g["children"]]
    assert [(c["name"], c["support_teacher"]) for c in listed] == [("李明轩", None)]
    where = ("file", "sheet", "row", "column", "message")
    assert [{k: r[k] for k in where} for r in listed[0]["reasons"]][1] == {
        "file": str(pairs),
        "sheet": "结对名单",
        "row": 4,
        "column": "G",
        "message": "没有帮扶教师（帮扶教师一格显示公式错误 #N/A）（见结对名单第 4 行）",
    }
    summary = run("summary", school, pairs, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["pairing"]["paired"] == 2
    made = dt.date.today()
    assert note.format(pairs, f"{made.year}年{made.month}月{made.day}日") in summary.stderr


def test_pairing_takes_a_support_teacher_showing_an_error_for_none(tmp_path: Path) -> None:
    """lbc pair called a 帮扶教师 cell showing #REF! or #N/A a former teacher: each child
    paired "（原帮扶教师#REF!不能继续）", and a note said the teacher "#REF!" was not on the
    teachers list. Such a cell names nobody, as every command counts it: the child is paired
    as one without a former teacher, and the note says the cell shows a formula's error."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [
        [*child_row(n, birth=dt.date(2016, n, 3)), teacher]
        for n, teacher in enumerate(["王芳", "#REF!", "#N/A", "#REF!"], 1)
    ]
    roster(school / "花名册.xlsx", {"O3": "#REF!", "O4": "#N/A", "O5": "#REF!"}, rows, header)
    teachers_list(school, WANG_FANG, LI_QIANG)
    paired = run("pair", school, "--format", "json")
    unreadable = "（帮扶教师是公式出错后显示的“{}”，按没有原帮扶教师结对）".format
    assert [(p["child"], p["teacher"], p["reason"]) for p in paired.json()["pairs"]] == [
        ("张雨涵", "王芳", "延续原结对"),
        ("李明轩", "王芳", "本班班主任" + unreadable("#REF!")),
        ("王梓萱", "李强", "任教本班数学" + unreadable("#N/A")),
        ("刘浩然", "李强", "任教本班数学" + unreadable("#REF!")),
    ]
    assert paired.stderr == (
        "提示：1 名儿童的帮扶教师是公式出错后显示的“#N/A”，不是真实内容，按没有原帮扶教师结对"
        "（请按 lbc validate 的 VAL007 改正）\n"
        "提示：2 名儿童的帮扶教师是公式出错后显示的“#REF!”，不是真实内容，按没有原帮扶教师结对"
        "（请按 lbc validate 的 VAL007 改正）\n"
    )


def test_a_child_left_unpaired_is_told_her_teacher_showed_an_error(tmp_path: Path) -> None:
    """Places short: 李明轩, whose 帮扶教师 shows #N/A where 王芳 was, is left without a
    teacher while 张雨涵 keeps hers. Her reason said only 帮扶名额不足, not that a pair of
    last term might have been kept had the cell named 王芳."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [
        [*child_row(n, birth=dt.date(2016, n, 3), cls="五年级(1)班"), teacher]
        for n, teacher in enumerate(["王芳", "#N/A"], 1)
    ]
    roster(school / "花名册.xlsx", {"O3": "#N/A"}, rows, header)
    teachers_list(school, [*WANG_FANG[:7], "是"])
    paired = run("pair", school, "--max-per-teacher", "1", "--format", "json")
    assert [(p["child"], p["teacher"]) for p in paired.json()["pairs"]] == [("张雨涵", "王芳")]
    assert [(u["child"], u["why"]) for u in paired.json()["unpaired"]] == [
        (
            "李明轩",
            "帮扶名额不足（还差 1 个名额）（帮扶教师是公式出错后显示的“#N/A”，"
            "按没有原帮扶教师安排，未能延续原结对）",
        )
    ]


def test_a_support_teacher_typed_as_na_with_spaces_is_a_name(tmp_path: Path) -> None:
    """VAL007 tests a cell whole (#N/A), but the teachers were counted by its trimmed text:
    a 帮扶教师 typed " #N/A " was no teacher in the summary and lbc due, with no VAL007 to
    say why, and lbc watch called it a formula's error. It is text, a name as any unknown
    one: without a teachers list it is counted as the cell names her, as any name is;
    with one, TCH003 says it is not on the list, and the child is unpaired for that."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [  # each ill: on the watch list only without a teacher
        [*child_row(n, birth=dt.date(2016, n, 3), 健康状况="哮喘"), teacher]
        for n, teacher in enumerate(["王芳", " #N/A ", "#N/A"], 1)
    ]
    roster(school / "花名册.xlsx", {"O4": "#N/A"}, rows, header)
    summary = run("summary", school, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["pairing"]["paired"] == 2
    due = run("due", school, "--as-of", "2024-10-15", "--format", "json")
    assert [x["teacher"] for x in due.json()["teachers"]] == ["王芳", " #N/A "]
    teachers_list(school, WANG_FANG)
    found = run("validate", school, "--format", "json").json()["findings"]
    assert [(f["row"], f["code"], f["message"]) for f in found] == [
        (3, "TCH003", "帮扶教师“ #N/A ”不在教师名单中"),
        (4, "VAL007", "帮扶教师是公式出错后显示的“#N/A”，不是真实内容"),
    ]
    summary = run("summary", school, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["pairing"]["paired"] == 1
    watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json").json()
    assert [
        (c["name"], c["support_teacher"], [r["message"] for r in c["reasons"]])
        for g in watch["classes"]
        for c in g["children"]
    ] == [
        ("李明轩", " #N/A ", ["患病：哮喘", "没有帮扶教师（ #N/A  不在教师名单中）"]),
        ("王梓萱", None, ["患病：哮喘", "没有帮扶教师（帮扶教师一格显示公式错误 #N/A）"]),
    ]


def school_book(
    path: Path,
    teachers: list[list[str]],
    records: list[list[str]],
) -> Path:
    """One workbook of a school: a 花名册 of two children of 王芳's, a 教师 sheet of
    ``teachers`` and a 帮扶记录 sheet of ``records``; a cell "#N/A" is saved an error cell, as
    Excel saves a failed VLOOKUP (openpyxl takes such text for one)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    for row in ([*CHILD_HEADER, "帮扶教师"], *([*child_row(n), "王芳"] for n in (1, 2))):
        sheet.append(row)
    for title, rows in (
        ("教师", [TEACHER_HEADER, *teachers]),
        ("帮扶记录", [RECORD_HEADER, *records]),
    ):
        added = book.create_sheet(title)
        for row in rows:
            added.append(row)
    book.save(path)
    return path


def test_a_hint_names_the_code_validate_shows_on_an_error_cell(tmp_path: Path) -> None:
    """lbc pair's and lbc summary's hints sent the school to codes lbc validate does not
    show on a cell showing #N/A, which it says by VAL007 alone: a teacher's 任教班级 to
    CLS001, a record's student to REC002 and REC003, its 类型 to REC004, its 日期 to
    DATE001. Each hint names the codes validate shows on the cells it counts."""
    path = school_book(
        tmp_path / "花名册.xlsx",
        [WANG_FANG, ["李强", "男", "13800000002", "科任教师", "#N/A", "数学", "否", "是"]],
        [
            ["2024-10-08", "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
            ["#N/A", "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
            ["上周", "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
            ["2024-10-09", "王芳", "#N/A", "三年级(2)班", "谈心", "聊学习"],
            ["2024-10-10", "王芳", "张雨涵", "三年级(2)班", "#N/A", "聊学习"],
        ],
    )
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["sheet"], f["row"], f["code"]) for f in found] == [
        ("教师", 3, "VAL007"),
        ("帮扶记录", 3, "VAL007"),
        ("帮扶记录", 4, "DATE001"),
        ("帮扶记录", 5, "VAL007"),
        ("帮扶记录", 6, "VAL007"),
    ]
    paired = run("pair", path)
    assert paired.stderr == (
        "提示：“教师”第 3 行李强的任教班级“#N/A”无法识别，结对时按未任教任何班级"
        "（请按 lbc validate 的 VAL007 改正）\n"
    )
    summary = run("summary", path, "--term", "2024-autumn")
    assert summary.stderr.splitlines()[1:] == [
        "提示：1 条帮扶记录写的学生对不上花名册上的一名儿童（花名册中没有这个名字，或有同名儿童而"
        "没有写明班级），没有计入；请按 lbc validate 所指（VAL007）改正",
        "提示：1 条帮扶记录的“类型”无法识别，算作一次联系，但没有算作谈心、家访或送温暖；"
        "请按 lbc validate 所指（VAL007）改正",
        f"提示：2 条帮扶记录的日期无法识别（首个在 {path} 的“帮扶记录”第 3 行），不在任何学期，"
        "没有计入；请按 lbc validate 所指（VAL007、DATE001）改正",
    ]


def test_a_pairs_workbooks_copies_of_roster_errors_are_said_at_the_roster(
    tmp_path: Path,
) -> None:
    """lbc pair copies a roster's cells into its workbook (身份证号, 结对时名册帮扶教师), a
    roster's #N/A with them: validate said each twice, VAL007 at the roster and again at
    the workbook, and mending the roster left the workbook's until the school paired again.
    Those are lbc's copies: the roster's cell is said, once; mended, nothing is left."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [
        [*child_row(n, birth=dt.date(2016, n, 3)), teacher]
        for n, teacher in enumerate(["王芳", "#N/A", "王芳"], 1)
    ]
    roster(school / "花名册.xlsx", {"O3": "#N/A", "D4": "#N/A"}, rows, header)
    teachers_list(school, WANG_FANG, LI_QIANG)
    pairs = tmp_path / "结对.xlsx"
    assert run("pair", school, "--out", pairs).exit_code == 0
    result = run("validate", school, pairs, "--format", "json")
    found = [
        (Path(f["file"]).name, f["row"], f["column"], f["code"]) for f in result.json()["findings"]
    ]
    assert found == [("花名册.xlsx", 3, "O", "VAL007"), ("花名册.xlsx", 4, "D", "VAL007")]
    rows[1][-1] = "李强"
    roster(school / "花名册.xlsx", {}, rows, header)
    result = run("validate", school, pairs, "--format", "json")
    assert (result.exit_code, result.json()["findings"]) == (0, [])


def test_a_hint_names_the_codes_of_the_records_it_counts(tmp_path: Path) -> None:
    """The hints on records lbc could not count named VAL007 where a record of another
    school year showed #N/A, though the records they counted were said by REC002 and
    REC004: the codes were looked for in every record, the count taken of the term's.
    Each hint names the codes validate shows on the records it counts, and those alone."""
    path = school_book(
        tmp_path / "花名册.xlsx",
        [WANG_FANG],
        [
            ["2023-10-09", "王芳", "#N/A", "三年级(2)班", "#N/A", "聊学习"],  # last school year
            ["2024-10-08", "王芳", "张三", "三年级(2)班", "谈心", "聊学习"],
            ["2024-10-09", "王芳", "张雨涵", "三年级(2)班", "闲聊", "聊学习"],
        ],
    )
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["row"], f["column"], f["code"]) for f in found] == [
        (2, "C", "VAL007"),
        (2, "E", "VAL007"),
        (3, "C", "REC002"),
        (4, "E", "REC004"),
    ]
    hints = [
        "提示：1 条帮扶记录写的学生对不上花名册上的一名儿童（花名册中没有这个名字，或有同名儿童而"
        "没有写明班级），没有计入；请按 lbc validate 所指（REC002、REC003）改正",
        "提示：1 条帮扶记录的“类型”无法识别，算作一次联系，但没有算作谈心、家访或送温暖；"
        "请按 lbc validate 所指（REC004）改正",
    ]
    summary = run("summary", path, "--term", "2024-autumn")
    assert summary.stderr.splitlines()[1:] == hints
    assert run("due", path, "--as-of", "2024-10-15").stderr.splitlines() == hints
    assert run("watch", path, "--as-of", "2024-10-20").stderr.splitlines() == hints[:1]


def test_a_records_teacher_typed_as_na_with_spaces_is_her_childs_teacher(
    tmp_path: Path,
) -> None:
    """A teacher typed " #N/A " is kept whole in a child's 帮扶教师, but was trimmed to
    "#N/A" in a record sheet's 帮扶教师: her own sheet, from lbc record-sheets, was said
    written by another teacher than her children's (REC006, a row each). Both are read the
    same way, and are the same teacher."""
    path = tmp_path / "花名册.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append([*CHILD_HEADER, "帮扶教师"])
    for n, teacher in ((1, "王芳"), (2, " #N/A ")):
        sheet.append([*child_row(n), teacher])
    book.save(path)
    sheets = tmp_path / "记录表"
    made = run("record-sheets", path, "--term", "2024-autumn", "--out", sheets)
    assert made.exit_code == 0
    assert sorted(p.name for p in sheets.iterdir()) == [
        "帮扶记录表_2024年秋季学期_ #N_A.xlsx",
        "帮扶记录表_2024年秋季学期_王芳.xlsx",
    ]
    hers = sheets / "帮扶记录表_2024年秋季学期_ #N_A.xlsx"
    filled = load_workbook(hers)
    row = filled["帮扶记录"][3]
    assert [c.value for c in row[:4]] == [1, "李明轩", "三年级(2)班", "谈心"]
    assert row[7].value == " #N/A "
    row[5].value, row[6].value = dt.datetime(2024, 9, 10), "聊学习"
    filled.save(hers)
    result = run("validate", path, sheets, "--format", "json")
    assert (result.exit_code, result.json()["findings"]) == (0, [])


def test_a_support_teacher_typed_as_na_in_full_width_is_a_name(tmp_path: Path) -> None:
    """A 帮扶教师 typed "＃N/A" (full-width) read as "#N/A", a formula's error: lbc pair
    sent the school to a VAL007 validate does not show, where it says TCH003, and lbc
    watch called it a formula's error. It is typed text, decided on the cell as it is, as
    VAL007 decides: a teacher not on the list, everywhere."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [  # each ill: on the watch list only without a teacher
        [*child_row(n, birth=dt.date(2016, n, 3), 健康状况="哮喘"), teacher]
        for n, teacher in enumerate(["王芳", "＃N/A"], 1)
    ]
    roster(school / "花名册.xlsx", {}, rows, header)
    teachers_list(school, WANG_FANG)
    found = run("validate", school, "--format", "json").json()["findings"]
    assert [(f["row"], f["code"], f["message"]) for f in found] == [
        (3, "TCH003", "帮扶教师“＃N/A”不在教师名单中")
    ]
    paired = run("pair", school, "--format", "json")
    assert [(p["child"], p["reason"]) for p in paired.json()["pairs"]] == [
        ("张雨涵", "延续原结对"),
        ("李明轩", "本班班主任（原帮扶教师＃N/A不能继续）"),
    ]
    assert paired.stderr == "提示：原帮扶教师“＃N/A”不在教师名单中，其结对儿童已重新安排\n"
    watch = run("watch", school, "--as-of", "2024-10-01", "--format", "json")
    listed = [c for g in watch.json()["classes"] for c in g["children"]]
    assert [(c["name"], [r["message"] for r in c["reasons"]]) for c in listed] == [
        ("李明轩", ["患病：哮喘", "没有帮扶教师（＃N/A 不在教师名单中）"])
    ]


# The reason of a child paired as having no former teacher because last term's roster
# (--keep) shows a formula's error in her 帮扶教师 cell.
UNREADABLE_KEPT = "（上学期名册中帮扶教师是公式出错后显示的“#N/A”，按没有原帮扶教师结对）"


def test_a_kept_rosters_teacher_showing_na_is_said_in_its_file(tmp_path: Path) -> None:
    """lbc pair --keep: last term's roster's 帮扶教师 showing #N/A sent the school to VAL007
    in lbc validate of this term's files, which show nothing (the cell is in the --keep
    file), and counted the child as given a teacher by it. The note names the file the
    cell is in; the child is paired as one without a former teacher."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    last = tmp_path / "上学期.xlsx"
    for path, teachers in ((last, ["王芳", "#N/A", "李强"]), (school / "花名册.xlsx", [None] * 3)):
        rows = [[*child_row(n), teacher] for n, teacher in enumerate(teachers, 1)]
        roster(path, {"O3": "#N/A"} if path == last else {}, rows, header)
    teachers_list(school, WANG_FANG, LI_QIANG)
    assert run("validate", school).exit_code == 0
    found = run("validate", last, "--format", "json").json()["findings"]
    assert [(f["row"], f["column"], f["code"]) for f in found] == [(3, "O", "VAL007")]
    paired = run("pair", school, "--keep", last, "--format", "json")
    assert [(p["child"], p["teacher"], p["reason"]) for p in paired.json()["pairs"]] == [
        ("张雨涵", "王芳", "延续原结对"),
        ("李明轩", "王芳", f"本班班主任{UNREADABLE_KEPT}"),
        ("王梓萱", "李强", "延续原结对"),
    ]
    assert paired.stderr == (
        "提示：帮扶教师按 --keep 给出的上学期名单补上 2 名儿童\n"
        f"提示：上学期名册 {last} 中 1 名儿童的帮扶教师是公式出错后显示的“#N/A”，不是真实内容，"
        f"按没有原帮扶教师结对（请按 lbc validate {last} 的 VAL007 改正）\n"
    )


def test_keep_pairs_a_child_whose_kept_teacher_shows_na_within_the_places(
    tmp_path: Path,
) -> None:
    """lbc pair --keep: a child whose 帮扶教师 in last term's roster shows #N/A has nothing
    to keep, and is paired as a child without one in the places the kept pairs leave, her
    reason saying why, since the note counts such children without naming them. The
    children whose teachers can be read keep them; " #N/A " typed is a name, not on the
    teachers list."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    last = tmp_path / "上学期.xlsx"
    # 刘浩然 is in 三年级(1)班: for her the two teachers are alike (同年级), and 王芳, head
    # of 李明轩's class, goes to 李明轩.
    named = ["王芳", "#N/A", "李强", " #N/A "]
    rows = [
        [*child_row(n, cls="三年级(1)班" if n == 4 else "三年级(2)班"), teacher]
        for n, teacher in enumerate(named, 1)
    ]
    roster(last, {"O3": "#N/A"}, rows, header)
    roster(school / "花名册.xlsx", {}, [row[:-1] for row in rows])
    teachers_list(school, WANG_FANG, LI_QIANG)
    notes = (
        "提示：帮扶教师按 --keep 给出的上学期名单补上 3 名儿童\n"
        f"提示：上学期名册 {last} 中 1 名儿童的帮扶教师是公式出错后显示的“#N/A”，不是真实内容，"
        f"按没有原帮扶教师结对（请按 lbc validate {last} 的 VAL007 改正）\n"
        "提示：原帮扶教师“ #N/A ”不在教师名单中，其结对儿童已重新安排\n"
    )
    paired = run("pair", school, "--keep", last, "--max-per-teacher", "2", "--format", "json")
    assert (paired.exit_code, paired.stderr) == (0, notes)
    assert [
        (p["child"], p["class"], p["teacher"], p["reason"], p["kept"])
        for p in paired.json()["pairs"]
    ] == [
        ("刘浩然", "三年级(1)班", "李强", "同年级（原帮扶教师 #N/A 不能继续）", False),
        ("张雨涵", "三年级(2)班", "王芳", "延续原结对", True),
        ("李明轩", "三年级(2)班", "王芳", f"本班班主任{UNREADABLE_KEPT}", False),
        ("王梓萱", "三年级(2)班", "李强", "延续原结对", True),
    ]
    summary = paired.json()["summary"]
    assert [summary[k] for k in ("paired", "kept", "new", "unpaired", "places")] == [4, 2, 2, 0, 4]
    # One place each: the kept pairs take them, and the two others wait for one.
    pairs = tmp_path / "结对.xlsx"
    paired = run("pair", school, "--keep", last, "--max-per-teacher", "1", "--out", pairs)
    assert paired.exit_code == 1
    assert paired.stderr == f"{notes}已写出结对名单：{pairs}（含教师电话，仅本人可读）\n"
    book = load_workbook(pairs)
    assert [
        [cell.value for cell in row[1:3]] + [row[6].value, row[8].value, row[9].value]
        for row in book["结对名单"].iter_rows(min_row=3, max_row=4)
    ] == [
        ["三年级(2)班", "张雨涵", "王芳", "延续原结对", "是"],
        ["三年级(2)班", "王梓萱", "李强", "延续原结对", "是"],
    ]
    assert book["结对名单"]["C5"].value is None
    assert [[cell.value for cell in row[1:4]] for row in book["未结对"].iter_rows(min_row=3)] == [
        ["三年级(1)班", "刘浩然", "帮扶名额不足（还差 2 个名额）"],
        [
            "三年级(2)班",
            "李明轩",
            "帮扶名额不足（还差 2 个名额）（上学期名册中帮扶教师是公式出错后显示的“#N/A”，"
            "按没有原帮扶教师安排，未能延续原结对）",
        ],
    ]


def test_keep_takes_the_one_teacher_of_a_child_on_two_rows_one_showing_na(
    tmp_path: Path,
) -> None:
    """lbc pair --keep: a child on two rows of last term's roster (one ID number, DUP001),
    王芳 on one and #N/A on the copy, kept nobody, and no note said so: the #N/A was taken
    for a second teacher, as if the rows named two. It names nobody: she keeps 王芳, as
    with the copy's cell empty, whichever row is first, and VAL007 still says the cell.
    Two rows naming 王芳 and 李强 still keep neither. In this term's roster the copy's
    #N/A leaves her 王芳 too."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    roster(school / "花名册.xlsx", {}, [[*child_row(n), None] for n in (1, 2)], header)
    teachers_list(school, WANG_FANG, LI_QIANG)
    last = tmp_path / "上学期.xlsx"
    kept = [("张雨涵", "王芳", "延续原结对", True), ("李明轩", "李强", "延续原结对", True)]
    cases = (
        (("王芳", "#N/A"), [(3, "D", "DUP001"), (3, "O", "VAL007")], kept, 2),
        (("#N/A", "王芳"), [(2, "O", "VAL007"), (3, "D", "DUP001")], kept, 2),
        (
            ("王芳", "李强"),
            [(3, "D", "DUP001")],
            [("张雨涵", "王芳", "本班班主任", False), kept[1]],
            1,
        ),
    )
    for (first, copy), found, pairs, added in cases:
        rows = [[*child_row(1), first], [*child_row(1), copy], [*child_row(2), "李强"]]
        errors = {ref: "#N/A" for ref, cell in (("O2", first), ("O3", copy)) if cell == "#N/A"}
        roster(last, errors, rows, header)
        checked = run("validate", last, "--format", "json").json()["findings"]
        assert [(f["row"], f["column"], f["code"]) for f in checked] == found
        paired = run("pair", school, "--keep", last, "--format", "json")
        assert (paired.exit_code, paired.stderr) == (
            0,
            f"提示：帮扶教师按 --keep 给出的上学期名单补上 {added} 名儿童\n",
        )
        assert [
            (p["child"], p["teacher"], p["reason"], p["kept"]) for p in paired.json()["pairs"]
        ] == pairs
    rows = [[*child_row(1), "王芳"], [*child_row(1), "#N/A"], [*child_row(2), "李强"]]
    roster(school / "花名册.xlsx", {"O3": "#N/A"}, rows, header)
    checked = run("validate", school, "--format", "json").json()["findings"]
    assert [(f["row"], f["column"], f["code"]) for f in checked] == [
        (3, "D", "DUP001"),
        (3, "O", "VAL007"),
    ]
    paired = run("pair", school, "--format", "json")
    assert (paired.exit_code, paired.stderr) == (
        0,
        "提示：“花名册”第 3 行与“花名册”第 2 行身份证号相同，按同一名儿童结对\n",
    )
    assert [
        (p["child"], p["teacher"], p["reason"], p["kept"]) for p in paired.json()["pairs"]
    ] == kept


def test_a_teacher_whose_name_shows_na_takes_no_child(tmp_path: Path) -> None:
    """A teachers list's 姓名 showing #N/A was a teacher like any other: lbc pair gave her
    children and wrote "#N/A" as their 帮扶教师, an error cell of lbc's own making in the
    pairs workbook, which validate then said as the school's. The row names nobody: it
    takes no part, and the note says why. A list whose every name shows one is refused
    as such, not as no teachers list given (the user gave one)."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [[*child_row(n), None] for n in (1, 2)]
    roster(school / "花名册.xlsx", {}, rows, header)
    teachers = [
        ["#N/A", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"],
        ["王芳", "女", "13800000002", "科任教师", "三年级(2)班", "数学", "否", "是"],
    ]
    write_xlsx(school / "教师.xlsx", {"教师": [TEACHER_HEADER, *teachers]})
    book = load_workbook(school / "教师.xlsx")
    book["教师"]["A2"].data_type = "e"
    book.save(school / "教师.xlsx")
    pairs = tmp_path / "结对.xlsx"
    paired = run("pair", school, "--out", pairs)
    assert paired.stderr.splitlines()[0] == (
        "提示：教师名单中有 1 行的姓名是公式出错后显示的错误值（如 #N/A），未参与结对"
        "（请按 lbc validate 的 VAL007 改正）"
    )
    written = load_workbook(pairs)["结对名单"]
    assert [written[f"G{r}"].value for r in range(2, 5)] == ["帮扶教师", "王芳", "王芳"]
    found = run("validate", school, pairs, "--format", "json").json()["findings"]
    assert [(Path(f["file"]).name, f["row"], f["column"], f["code"]) for f in found] == [
        ("教师.xlsx", 2, "A", "VAL007")
    ]
    book["教师"]["A3"] = "#N/A"
    book["教师"]["A3"].data_type = "e"
    book.save(school / "教师.xlsx")
    refused = run("pair", school)
    assert (refused.exit_code, refused.stderr.splitlines()[-1]) == (
        2,
        "lbc: 错误：教师名单中每一行的姓名都是公式出错后显示的错误值（如 #N/A），无法结对；"
        "请按 lbc validate 的 VAL007 改正后再结对",
    )


def test_an_id_typed_like_na_is_shown_as_typed(tmp_path: Path) -> None:
    """An ID cell typed " #n/a" (with a space) or "＃N/A" (full width) is text, not a
    formula's error, yet was masked as an ID number, " #***" and "＃N**": a number half
    hidden where the cell holds none. It is shown as typed, as a real #N/A is; any other
    text stays masked, a name typed in the column (张雨涵) as much as digits."""
    old = [
        child_row(1, 身份证号=" #n/a"),
        child_row(2, 身份证号="＃N/A"),
        child_row(3, 身份证号="五一一三二一"),
        child_row(4, 身份证号="ab#12"),
        child_row(5, 身份证号="张雨涵"),
        child_row(6, 身份证号="#ZhangYuHan!"),
    ]
    roster(tmp_path / "上学期.xlsx", {}, old)
    roster(tmp_path / "本学期.xlsx", {}, [child_row(n) for n in range(1, 7)])
    found = run("validate", "上学期.xlsx", "--select", "ID", "--format", "json", cwd=tmp_path)
    assert [(f["row"], f["value"]) for f in found.json()["findings"]] == [
        (2, "#n/a"),
        (3, "＃N/A"),
        (4, "五一****"),
        (5, "ab***"),
        (6, "张雨*"),
        (7, "#Zhang**Han!"),
    ]
    doc = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "csv", cwd=tmp_path)
    assert [row[-3:] for row in list(csv.reader(doc.stdout.splitlines()))[1:]] == [
        ["身份证号", " #n/a", "511321********1029"],
        ["身份证号", "＃N/A", "511321********1045"],
        ["身份证号", "五一****", "511321********1061"],
        ["身份证号", "AB***", "511321********1088"],
        ["身份证号", "张雨*", "511321********1109"],
        ["身份证号", "#ZHANG**HAN!", "511321********1125"],
    ]


def test_a_phone_typed_like_na_is_shown_as_typed(tmp_path: Path) -> None:
    """A phone cell typed " #n/a" or "＃N/A" holds no number, yet validate masked it as one
    into nothing: its finding's value was empty, as if the cell were. It is shown as typed;
    any other text (已停机, or a name typed there) stays masked, as digits do."""
    rows = [
        child_row(1, 父亲电话=" #n/a"),
        child_row(2, 监护人电话="＃N/A"),
        child_row(3, 母亲电话="已停机"),
        child_row(4, 父亲电话="138123"),
        child_row(5, 父亲电话="#WangFang"),
    ]
    path = roster(tmp_path / "花名册.xlsx", {}, rows)
    result = run("validate", path, "--select", "PHN", "--format", "json")
    assert [(f["row"], f["column"], f["value"]) for f in result.json()["findings"]] == [
        (2, "J", "#n/a"),
        (3, "N", "＃N/A"),
        (4, "K", ""),
        (5, "J", "******"),
        (6, "J", ""),
    ]


def test_a_teacher_whose_name_is_typed_like_na_is_a_name(tmp_path: Path) -> None:
    """A teachers list's 姓名 typed " #N/A " (with spaces) or "＃N/A" (full width) was read
    as "#N/A", a formula's error: lbc pair named her "#N/A" and wrote an error cell as her
    children's 帮扶教师, and validate said the child's 帮扶教师 "＃N/A", which names her,
    was not on the list (TCH003). Each is text, read whole as a child's 帮扶教师 is: she is
    paired by her name as typed, written as text, and the pairs read back find nothing."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [[*child_row(n), teacher] for n, teacher in enumerate(["＃N/A", None, None], 1)]
    roster(school / "花名册.xlsx", {}, rows, header)
    teachers_list(school, [" #N/A ", *WANG_FANG[1:]], ["＃N/A", *LI_QIANG[1:]])
    found = run("validate", school, "--format", "json").json()["findings"]
    assert found == []
    paired = run("pair", school, "--format", "json")
    assert [(p["child"], p["teacher"], p["reason"]) for p in paired.json()["pairs"]] == [
        ("张雨涵", "＃N/A", "延续原结对"),
        ("李明轩", " #N/A ", "本班班主任"),
        ("王梓萱", " #N/A ", "本班班主任"),
    ]
    assert paired.stderr == ""
    pairs = tmp_path / "结对.xlsx"
    assert run("pair", school, "--out", pairs).exit_code == 0
    written = load_workbook(pairs)["结对名单"]
    cells = [written[f"G{r}"] for r in range(3, 6)]
    assert [(c.value, c.data_type) for c in cells] == [
        ("＃N/A", "s"),
        (" #N/A ", "s"),
        (" #N/A ", "s"),
    ]
    again = run("validate", school, pairs, "--format", "json")
    assert (again.exit_code, again.json()["findings"]) == (0, [])
    summary = run("summary", school, pairs, "--term", "2024-autumn", "--format", "json")
    counted = summary.json()["pairing"]
    assert (counted["paired"], counted["teachers"], counted["teachers_with_children"]) == (3, 2, 2)


def test_a_teacher_whose_name_shows_na_is_no_teacher_in_the_summary(tmp_path: Path) -> None:
    """lbc summary counted a teachers list's row whose 姓名 shows #N/A as a teacher in post:
    3 teachers of whom 2 take part, and "#N/A" named below the quota, though lbc pair
    leaves that row out. It names nobody: 2 teachers, both taking part, and a note says how
    many rows were left out and where to mend them."""
    school = tmp_path / "青山小学"
    header = [*CHILD_HEADER, "帮扶教师"]
    rows = [[*child_row(n), teacher] for n, teacher in enumerate(["王芳", "李强", None], 1)]
    roster(school / "花名册.xlsx", {}, rows, header)
    gone = ["#N/A", "女", "13800000003", "科任教师", "三年级(2)班", "英语", "否", "是"]
    teachers_list(school, gone, WANG_FANG, LI_QIANG)
    assert load_workbook(school / "教师.xlsx")["教师"]["A2"].data_type == "e"
    summary = run("summary", school, "--term", "2024-autumn", "--format", "json")
    counted = summary.json()["pairing"]
    assert [counted[k] for k in ("teachers", "teachers_with_children", "teachers_below_quota")] == [
        2,
        2,
        [],
    ]
    assert summary.stderr.splitlines() == [
        "提示：未设置学校名称（lbc.toml 的 [school] name），总结中以“（学校名称）”代替",
        "提示：教师名单中有 1 行的姓名是公式出错后显示的错误值（如 #N/A），没有计入在岗教师"
        "（请按 lbc validate 的 VAL007 改正）",
        "提示：没有读到帮扶记录表，谈心、家访等情况无法统计",
    ]
    text = run("summary", school, "--term", "2024-autumn").stdout
    assert "全校 2 名在岗教师中 2 名参与结对（100.0%），结对儿童 2 名" in text


@pytest.mark.parametrize("name", ["#N/A", None], ids=["error", "empty"])
def test_a_county_schools_list_naming_nobody_still_decides_its_childrens_teachers(
    tmp_path: Path, name: str | None
) -> None:
    """A county workbook, 白石小学's part of its teachers list one row whose 姓名 shows
    #N/A (or is empty) beside its 学校 and phone. Read as no teacher, the row stopped
    白石小学 having a list: its children's 帮扶教师 王芳 (青山小学's) and 赵敏 (on no list)
    were taken as paired, without TCH003; the summary counted 4 children paired of 6, and
    the birthday list printed both as their teachers. The row names nobody, yet it is
    白石小学's list: both children are unpaired and said (TCH003), 2 are paired, and the
    row is no teacher counted."""
    header = [*CHILD_HEADER, "帮扶教师", "学校"]
    pairs = [("王芳", "青山小学"), ("李强", "青山小学"), (None, "青山小学")]
    pairs += [("王芳", "白石小学"), ("赵敏", "白石小学"), (None, "白石小学")]
    rows = [[*child_row(n), *pair] for n, pair in enumerate(pairs, 1)]
    nobody = [name, "女", "13800000003", "班主任", "三年级(2)班", "英语", "否", "是", "白石小学"]
    staff = [
        [*TEACHER_HEADER, "学校"],
        [*WANG_FANG, "青山小学"],
        [*LI_QIANG, "青山小学"],
        nobody,
    ]
    path = write_xlsx(tmp_path / "全县.xlsx", {"花名册": [header, *rows], "教师名单": staff})
    found = run("validate", path, "--format", "json").json()["findings"]
    nameless = (
        ("VAL007", "姓名是公式出错后显示的“#N/A”，不是真实内容")
        if name
        else ("REQ001", "“姓名”未填写")
    )
    assert [(f["sheet"], f["row"], f["code"], f["message"]) for f in found] == [
        ("花名册", 5, "TCH003", "帮扶教师“王芳”不在本校的教师名单中（只在青山小学的教师名单上）"),
        ("花名册", 6, "TCH003", "帮扶教师“赵敏”不在教师名单中"),
        ("教师名单", 4, *nameless),
    ]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json")
    counted = summary.json()["pairing"]
    assert [counted[k] for k in ("paired", "teachers", "teachers_with_children")] == [2, 2, 2]
    assert counted["teachers_below_quota"] == []
    may = run("birthdays", path, "--month", "5", "--format", "json").json()  # all born in May
    assert [(c["name"], c["support_teacher"]) for g in may["classes"] for c in g["children"]] == [
        *[("刘浩然", None), ("陈思彤", None), ("杨子墨", None)],  # 白石小学
        *[("张雨涵", "王芳"), ("李明轩", "李强"), ("王梓萱", None)],
    ]


def test_a_head_teacher_whose_name_shows_na_is_no_head_teacher(tmp_path: Path) -> None:
    """A teachers list's 班主任 of 三年级(2)班 whose 姓名 shows #N/A was printed as the
    class's head teacher, "班主任：#N/A", by lbc flag (and birthdays and watch), though she
    is no teacher in post. The cell names nobody: the class has no head teacher listed,
    as where the row is missing; another class's head teacher is named as before."""
    school = tmp_path / "青山小学"
    rows = [child_row(1), child_row(2, 监护人电话=None)]
    rows.append(child_row(3, cls="一年级(1)班", 监护人电话=None))
    roster(school / "花名册.xlsx", {}, rows)
    zhao_min = ["赵敏", "女", "13800000004", "班主任", "一年级(1)班", "语文", "否", "是"]
    teachers_list(school, ["#N/A", *WANG_FANG[1:]], LI_QIANG, zhao_min)
    assert load_workbook(school / "教师.xlsx")["教师"]["A2"].data_type == "e"
    flagged = run("flag", school)
    assert (flagged.exit_code, flagged.stderr) == (1, "")
    assert [line.rstrip() for line in flagged.stdout.splitlines()] == [
        "一年级(1)班（班主任：赵敏）— 1 人缺少联系方式",
        "",
        "  行   姓名     缺少",
        " ──────────────────────────",
        "  4    王梓萱   监护人电话",
        "",
        "三年级(2)班（班主任：未登记）— 1 人缺少联系方式",
        "",
        "  行   姓名     缺少",
        " ──────────────────────────",
        "  3    李明轩   监护人电话",
        "",
        "共 2 名儿童、0 名教师缺少必需的联系方式",
    ]
    doc = run("flag", school, "--format", "json").json()
    assert [(c["class"], c["head_teachers"]) for c in doc["classes"]] == [
        ("一年级(1)班", ["赵敏"]),
        ("三年级(2)班", []),
    ]


def county_sheet(path: Path, schools: list[str | None]) -> Path:
    """A sheet of a 学校 column before CHILD_HEADER: a child of each of ``schools`` ("#N/A":
    an error cell as Excel saves one), and a teachers list of 青山小学's 王芳 taking 10."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["学校", *CHILD_HEADER])
    for n, school in enumerate(schools, 1):
        sheet.append([school, *child_row(n, birth=dt.date(2016, n, 3))])
        if school == "#N/A":
            sheet.cell(n + 1, 1).data_type = "e"
    teachers = book.create_sheet("教师名单")
    teachers.append(["学校", *TEACHER_HEADER, "可帮扶人数"])
    teachers.append(["青山小学", *WANG_FANG, 10])
    book.save(path)
    return path


@pytest.mark.parametrize("missing", ["#N/A", None])
def test_a_school_cell_showing_na_or_empty_is_of_the_one_school(
    tmp_path: Path, missing: str | None
) -> None:
    """A roster whose 学校 cells name 青山小学 but on two rows, empty or showing #N/A: the
    rows showing #N/A were a school "#N/A" (validate's lines, pair's schools and classes),
    and both kinds a school of their own with no teacher, their children unpaired for
    「本校没有可结对的在岗教师」. They are 青山小学's, as every count names them."""
    path = county_sheet(tmp_path / "县.xlsx", ["青山小学", "青山小学", missing, missing])
    paired = run("pair", path, "--format", "json")
    assert paired.exit_code == 0
    assert "schools" not in paired.json()["summary"]
    assert [(p["row"], p["class"], p["teacher"]) for p in paired.json()["pairs"]] == [
        (n, "三年级(2)班", "王芳") for n in range(2, 6)
    ]
    table = run("validate", path).stdout
    assert "#N/A：" not in table
    assert "共检查 4 名儿童、1 名教师" in table
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert "#N/A" not in json.dumps(summary, ensure_ascii=False)
