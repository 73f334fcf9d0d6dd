"""A contact cell holding a formula saved without its result (#未存结果): Excel shows the
phone, lbc cannot see it. lbc summary counted such a child as lacking a phone (「联系方式
不全：有 3 名儿童…」 where one lacked one), lbc flag listed her to call for a 监护人电话 she
has, and lbc watch put her on the watch list for a 父亲电话 「不是可拨打的号码」. Now no
command says an unseen contact missing: a child whose contacts are complete or not by what
lbc cannot see is counted neither way, and the sheet's note says how many there are."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from test_unsaved_formulas import NOTE, TEACHERS, as_formula, formulas_roster, roster

from conftest import CHILD_HEADER, card_page, child_row, run, write_xlsx

TERM = ("--term", "2024-autumn")
UNSEEN = "另有 2 名儿童的联系方式是没有保存计算结果的公式，lbc 看不到，未能判断是否齐全"


def test_summary_counts_an_unseen_contact_neither_way(tmp_path: Path) -> None:
    """张雨涵's contacts are complete, 刘浩然 lacks a 监护人电话; 李明轩 and 王梓萱 are
    counted apart, said beside the share, and not among the children lacking a phone."""
    formulas_roster(tmp_path)
    write_xlsx(tmp_path / "教师.xlsx", {"教师": TEACHERS})
    result = run("summary", *TERM, "花名册.xlsx", "教师.xlsx", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    archive = result.json()["archive"]
    keys = ("contacts_complete", "contacts_rate", "contacts_unjudged", "contacts_unseen")
    assert [archive[k] for k in keys] == [1, 0.25, 0, 2]
    assert archive["contacts_note"] == UNSEEN
    problems = result.json()["problems"]
    assert "联系方式不全：有 1 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系。" in problems
    assert NOTE in result.stderr
    text = run("summary", *TERM, "花名册.xlsx", "教师.xlsx", cwd=tmp_path).stdout
    assert f"联系方式齐全的 1 名，占 25.0%；{UNSEEN}。" in text


def test_flag_does_not_list_an_unseen_phone(tmp_path: Path) -> None:
    """Only 刘浩然, whose 监护人电话 is empty, is listed; the two unseen are counted apart."""
    formulas_roster(tmp_path)
    result = run("flag", "花名册.xlsx", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1
    doc = result.json()
    assert doc["summary"] == {"children": 1, "teachers": 0, "untyped": 0, "unseen": 2}
    listed = [(c["row"], c["name"], c["missing"]) for g in doc["classes"] for c in g["children"]]
    assert listed == [(5, "刘浩然", ["guardian_phone"])]
    assert NOTE in result.stderr


def test_flag_with_only_unseen_phones_is_no_all_clear(tmp_path: Path) -> None:
    """Nobody lacking a contact, one whose 监护人电话 lbc cannot see: not 「所有儿童…都已
    齐全」, and the run fails, as it does for a child it could not check."""
    path = roster(tmp_path / "花名册.xlsx", {"N3": as_formula("13712345678")})
    result = run("flag", path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "其余儿童和所有教师的联系方式都已齐全。",
        "另有 1 名儿童的联系方式是没有保存计算结果的公式，lbc 看不到，没有检查（见上面的提示）。",
    ]
    assert "有 1 名儿童的联系方式因此无法判断" in result.stderr


def test_a_phone_unseen_only_where_another_is_missing_is_listed_for_that_one(
    tmp_path: Path,
) -> None:
    """Both parents away, 监护人电话 unseen and both parents' phones empty: she lacks a
    parent's phone whatever the guardian's is, listed for that alone, and not said apart."""
    path = roster(
        tmp_path / "花名册.xlsx", {"N2": as_formula("13712345678"), "J2": None, "K2": None}
    )
    result = run("flag", path, "--format", "json")
    doc = result.json()
    assert doc["summary"] == {"children": 1, "teachers": 0, "untyped": 0, "unseen": 0}
    listed = [(c["row"], c["missing_text"]) for g in doc["classes"] for c in g["children"]]
    assert listed == [(2, ["父母任一方电话"])]


def test_watch_due_and_cards_call_no_unseen_phone_missing(tmp_path: Path) -> None:
    """王梓萱's unseen parents' phones put her on no watch list (WCH014), so her card bears
    no mark; a card shows an unseen phone as one whose value is in Excel, not a blank to
    fill in; lbc due says nothing of phones."""
    formulas_roster(tmp_path)
    watch = run("watch", "花名册.xlsx", "--as-of", "2024-10-01", "--format", "json", cwd=tmp_path)
    codes = [
        (c["row"], r["code"])
        for g in watch.json()["classes"]
        for c in g["children"]
        for r in c["reasons"]
    ]
    assert not [x for x in codes if x[1] == "WCH014"]
    assert NOTE in watch.stderr
    assert run("cards", "花名册.xlsx", "--out", "卡.html", cwd=tmp_path).exit_code == 0
    card = card_page(tmp_path / "卡.html")
    said = "电话：#未存结果（公式的结果没有存进文件，请在 Excel 中查看）"
    assert card.count(said) == 4  # 李明轩's guardian's; 王梓萱's three
    assert "◆" not in card
    rows = [[*child_row(n), "王芳"] for n in (1, 2, 3, 4)]
    rows[1][13] = as_formula("13712345678")  # 李明轩's 监护人电话
    write_xlsx(tmp_path / "结对.xlsx", {"花名册": [[*CHILD_HEADER, "帮扶教师"], *rows]})
    write_xlsx(tmp_path / "教师.xlsx", {"教师": TEACHERS})
    args = ("结对.xlsx", "教师.xlsx", "--as-of", "2024-10-15", "--format", "json")
    due = run("due", *args, cwd=tmp_path)
    assert due.exit_code == 1, due.stderr
    assert due.json()["summary"]["paired"] == 4
    assert "电话" not in due.stdout


def test_a_guardians_and_a_fathers_unseen_names_are_not_one_person(tmp_path: Path) -> None:
    """张雨涵's 监护人姓名 and 父亲姓名 are both formulas without their results: both read
    #未存结果, and validate said the guardian was the father, nobody at home (CON007), and
    the watch list put her on it for that (WCH001). Unseen, they name nobody alike."""
    header = [*CHILD_HEADER, "父亲姓名"]
    path = tmp_path / "花名册.xlsx"
    rows = [[*child_row(n), f"张父{n}"] for n in (1, 2)]
    write_xlsx(path, {"花名册": [header, *rows]})
    wb = load_workbook(path)
    wb["花名册"]["L2"] = as_formula("张爷爷的名字")
    wb["花名册"]["O2"] = as_formula("张大山的名字")
    wb.save(path)
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["column"], f["row"]) for f in found] == [
        ("VAL010", "L", 2),
        ("VAL010", "O", 2),
    ]
    watch = run("watch", path, "--format", "json").json()
    assert [c["name"] for x in watch["classes"] for c in x["children"]] == []


def test_a_record_sheet_says_an_unseen_phone_is_in_excel(tmp_path: Path) -> None:
    """王芳's record sheet lists her children with their guardians' phones: 李明轩's 监护人
    电话 is a formula without its result, and was a blank, as if the school had none. It
    says the number is in Excel, as his card does; 张雨涵's is her number."""
    header = [*CHILD_HEADER, "帮扶教师"]
    path = tmp_path / "花名册.xlsx"
    rows = [[*child_row(n), "王芳"] for n in (1, 2)]
    write_xlsx(path, {"花名册": [header, *rows], "教师": [["姓名", "在岗"], ["王芳", "是"]]})
    wb = load_workbook(path)
    wb["花名册"]["N3"] = as_formula("13712345678")
    wb.save(path)
    out = tmp_path / "记录表"
    assert run("record-sheets", path, *TERM, "--out", out).exit_code == 0
    kids = load_workbook(out / "帮扶记录表_2024年秋季学期_王芳.xlsx")["结对儿童"]
    header_row = [c.value for c in kids[2]]
    phones = {
        row[1]: row[header_row.index("监护人电话")]
        for row in kids.iter_rows(min_row=3, values_only=True)
        if row[1]
    }
    assert phones == {
        "张雨涵": child_row(1)[CHILD_HEADER.index("监护人电话")],
        "李明轩": "#未存结果（公式的结果没有存进文件，请在 Excel 中查看）",
    }
