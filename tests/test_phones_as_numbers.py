"""Phone numbers a school typed into number cells, as Excel keeps them: a landline
(07551234567) whose leading 0 Excel dropped, stored as 7551234567, and a number with a
fraction (1381234567.8: a formula's result, a column someone divided), which no phone has.
lbc reads neither as a number to call and says each for what it is (PHN006, PHN007): it
never adds the 0 back nor takes the point out, which would make up a digit of a child's
contact. A mobile stored as a number (13812345678, 13812345678.0) is the number."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from test_forms import validate

from conftest import CHILD_HEADER, TEACHER_HEADER, card_page, child_row, run, write_xlsx

ZERO = (
    "“{}”存成了数字，像是开头的 0 被 Excel 去掉的座机号，读不出号码；"
    "请把这一列设为文本，核实号码后连同开头的 0 重新录入"
)
FRACTION = (
    "“{}”是带小数的数字，电话号码没有小数，读不出号码（可能是公式的结果，或这一列被运算过）；"
    "请把这一列设为文本，向本人核实后重新录入"
)
AMONG = FRACTION.replace("是带小数的数字", "里的号码带小数")
MALFORMED = "“{}”格式不对：应为11位手机号（1开头）或带区号的座机号"


def book(tmp_path: Path, kids: list[list[Any]], phone: Any = "13800000001") -> Path:
    """roster.xlsx: ``kids`` under CHILD_HEADER, and one teacher whose 联系电话 is ``phone``,
    each written as the value it is (an int or float a number cell)."""
    teacher = ["王芳", "女", phone, "班主任", "三年级(2)班", "语文", "是", "是"]
    return write_xlsx(
        tmp_path / "roster.xlsx",
        {"花名册": [CHILD_HEADER, *kids], "教师": [TEACHER_HEADER, teacher]},
    )


def found(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (f["code"], f["severity"], f["sheet"], f["row"], f["column"], f["field"], f["message"])
        for f in doc["findings"]
    ]


def said_so(path: Path, code: str, *lines: str, english: str) -> None:
    """validate's table says ``lines`` of ``code`` (their spacing collapsed), and its first
    finding, in English, is ``english``."""
    table = run("validate", path).stdout.splitlines()
    assert [" ".join(line.split()) for line in table if f" {code} " in line] == list(lines)
    doc = run("--lang", "en", "validate", path, "--format", "json").json()
    assert doc["findings"][0]["message"] == english


def test_a_landline_stored_as_a_number_is_said_to_have_lost_its_leading_0(
    tmp_path: Path,
) -> None:
    """07551234567 typed into a General cell is the number 7551234567: with a 0 in front it
    is a landline (0755-1234567), and PHN006 says so, as it does of 028-87654321 kept as
    the float 2887654321.0, of Beijing's 010-12345678 and of an 8-digit local number
    (0817-55212345), in the children's columns and the teachers' alike; the number is not
    read (no 0 is added). A 10-digit number that is no landline with a 0 (1381234567, a
    mobile a digit short) is PHN001, as is 7551234567 typed as text; a mobile kept as a
    number (13912345678) is the mobile."""
    kids = [
        child_row(1, 父亲电话=7551234567, 母亲电话=13912345678),
        child_row(2, 父亲电话=2887654321.0, 监护人电话=1012345678),
        child_row(3, 父亲电话=81755212345),
        child_row(4, 父亲电话=1381234567),
        child_row(5, 父亲电话="7551234567"),
    ]
    path = book(tmp_path, kids, phone=7551234567)
    doc, stderr, code = validate(path)
    assert found(doc) == [
        ("PHN006", "error", "花名册", 2, "J", "father_phone", ZERO.format("父亲电话")),
        ("PHN006", "error", "花名册", 3, "J", "father_phone", ZERO.format("父亲电话")),
        ("PHN006", "error", "花名册", 3, "N", "guardian_phone", ZERO.format("监护人电话")),
        ("PHN006", "error", "花名册", 4, "J", "father_phone", ZERO.format("父亲电话")),
        ("PHN001", "error", "花名册", 5, "J", "father_phone", MALFORMED.format("父亲电话")),
        ("PHN001", "error", "花名册", 6, "J", "father_phone", MALFORMED.format("父亲电话")),
        ("PHN006", "error", "教师", 2, "C", "phone", ZERO.format("联系电话")),
    ]
    assert (stderr, code) == ("", 1)
    assert [f["value"] for f in doc["findings"][:2]] == ["755***4567", "288***4321"]
    said_so(
        path,
        "PHN006",
        f"J2 PHN006 错误 张*涵 三年级(2)班 {ZERO.format('父亲电话')} 755***4567",
        f"J3 PHN006 错误 李*轩 三年级(2)班 {ZERO.format('父亲电话')} 288***4321",
        f"N3 PHN006 错误 李*轩 三年级(2)班 {ZERO.format('监护人电话')} 101***5678",
        f"J4 PHN006 错误 王*萱 三年级(2)班 {ZERO.format('父亲电话')} 817****2345",
        f"C2 PHN006 错误 王* {ZERO.format('联系电话')} 755***4567",
        english="'父亲电话' was stored as a number and looks like a landline whose leading 0"
        " Excel dropped: the number cannot be read; format the column as text, confirm the"
        " number and type it again with its leading 0",
    )


def test_a_number_with_a_fraction_is_no_phone(tmp_path: Path) -> None:
    """A phone cell holding 1381234567.8 (a formula's result, a column divided) was read as
    13812345678, its point taken out, without a word: a number nobody typed, here the
    guardian's (CON009 said the guardian's phone was the away mother's). PHN007 says the
    cell has a fraction, no phone has one, and no number is read. 13812345678.0 is the
    number; 1.38123E+10 typed as text lost its digits (PHN004)."""
    kids = [
        child_row(1, 父亲电话="13600000006", 母亲电话=1381234567.8, 监护人电话=13812345678),
        child_row(2, 父亲电话=13812345678.0),
        child_row(3, 父亲电话="1.38123E+10"),
    ]
    path = book(tmp_path, kids, phone=138123456.78)
    doc, stderr, code = validate(path)
    lost = (
        "“父亲电话”被 Excel 变成了科学计数法，后几位数字已丢失，读不出号码；"
        "请把这一列设为文本，向本人核实后重新录入"
    )
    assert found(doc) == [
        ("PHN007", "error", "花名册", 2, "K", "mother_phone", FRACTION.format("母亲电话")),
        ("PHN004", "error", "花名册", 4, "J", "father_phone", lost),
        ("PHN007", "error", "教师", 2, "C", "phone", FRACTION.format("联系电话")),
    ]
    assert (stderr, code) == ("", 1)
    # The cell's value masked keeps its point: 138****5678 would be a mobile nobody typed.
    said_so(
        path,
        "PHN007",
        f"K2 PHN007 错误 张*涵 三年级(2)班 {FRACTION.format('母亲电话')} 138****567.8",
        f"C2 PHN007 错误 王* {FRACTION.format('联系电话')} 138****56.78",
        english="'母亲电话' is a number with a fraction, which no phone number has: the number"
        " cannot be read (it may be a formula's result, or the column was calculated on);"
        " format the column as text, confirm the number and type it again",
    )


def test_every_command_takes_such_a_cell_as_no_number_and_keeps_it_so(tmp_path: Path) -> None:
    """The father's 7551234567 and the mother's 1381234567.8 are no numbers to call: lbc
    flag lists the child, both parents away, as without a parent's number; the contact card
    leaves each blank to fill in, the cell as written after it (no 0 added, no point taken
    out); the pairs workbook is written. Merged (.xlsx, .parquet) or exported (.csv), each
    cell is said again as it was of the school's own file, PHN006 and PHN007, the landline
    still a number (the merged roster's cell a number cell)."""
    kids = [child_row(1, 父亲电话=7551234567, 母亲电话=1381234567.8)]
    path = book(tmp_path, kids, phone=7551234567.0)
    flag = run("flag", path, "--format", "json").json()
    flagged = [(c["row"], c["missing"]) for g in flag["classes"] for c in g["children"]]
    assert flagged == [(2, ["father_phone"])]
    assert [(t["name"], t["row"]) for t in flag["teachers"]] == [("王芳", 2)]

    assert run("cards", path, "--out", tmp_path / "c.html").exit_code == 0
    page = card_page(tmp_path / "c.html")
    parents = re.findall(r"<th>(父亲|母亲)</th><td[^>]*>姓名：＿+　电话：([^　]*)　", page)
    blank = "＿＿＿＿＿＿"
    assert parents == [("父亲", f"{blank}（7551234567）"), ("母亲", f"{blank}（1381234567.8）")]

    assert run("pair", path, "--out", tmp_path / "pairs.xlsx").exit_code == 0

    expected = [
        ("PHN006", "father_phone", "755***4567"),
        ("PHN007", "mother_phone", "138****567.8"),
        ("PHN006", "phone", "755***4567"),
    ]
    said_again(path, tmp_path, expected)
    merged = load_workbook(tmp_path / "merged.xlsx").worksheets[0]
    assert 7551234567 in [cell.value for cell in merged[2]]


def said_again(path: Path, tmp_path: Path, expected: list[tuple[Any, ...]]) -> None:
    """validate says ``expected`` (spots) of ``path``, and again of it merged (.xlsx,
    .parquet: merged.*) and exported (e.csv) into ``tmp_path``."""
    assert spots(validate(path)[0]) == expected
    for out in ("merged.xlsx", "merged.parquet"):
        assert run("merge", path, "--out", tmp_path / out).exit_code == 1, out  # errors found
        assert spots(validate(tmp_path / out)[0]) == expected, out
    assert run("export", path, "--out", tmp_path / "e.csv").exit_code == 0
    assert spots(validate(tmp_path / "e.csv")[0]) == expected


def spots(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(f["code"], f["field"], f["value"]) for f in doc["findings"]]


def test_a_number_with_a_fraction_among_other_text_is_no_phone(tmp_path: Path) -> None:
    """A number with a fraction written with a label before it (父：1381234567.8, 母亲
    1381234567.8), a remark or an extension after it, or beside a second number
    (13812345678/1391234567.8, 父：…；母：…) was read with its point taken out, as the mobile
    13812345678 nobody typed, or said malformed: each is PHN007, and no number of the cell
    is read, the good one beside it neither, as of any cell of two numbers one of which
    does not read. Its masked value keeps the point on the number that has it. A dot
    between a number's groups (138.1234.5678) is no fraction."""
    kids = [
        child_row(1, 父亲电话="父：1381234567.8"),
        child_row(2, 父亲电话="母亲 1381234567.8", 母亲电话=None),
        child_row(3, 父亲电话="13812345678/1391234567.8"),
        child_row(4, 父亲电话="父：13812345678；母：1391234567.8"),
        child_row(5, 父亲电话="1381234567.8（微信同号）"),
        child_row(6, 父亲电话="1381234567.8转12"),
        child_row(7, 父亲电话="0817-5521234.5"),
        child_row(8, 父亲电话="138.1234.5678"),
    ]
    path = book(tmp_path, kids, phone="手机：138123456.78")
    doc, stderr, code = validate(path)
    said = [
        ("PHN007", "error", "花名册", row, "J", "father_phone", AMONG.format("父亲电话"))
        for row in range(2, 9)
    ]
    assert found(doc) == [
        *said,
        ("PHN007", "error", "教师", 2, "C", "phone", AMONG.format("联系电话")),
    ]
    assert (stderr, code) == ("", 1)
    # Masked, each number keeps its point where it stands, the one beside it masked apart.
    assert [f["value"] for f in doc["findings"]] == [
        "138****567.8",
        "138****567.8",
        "138****5678/139****567.8",
        "138****5678；139****567.8",
        "138****567.8",
        "138****567.8",
        "081*****234.5",
        "138****56.78",
    ]
    english = run("--lang", "en", "validate", path, "--format", "json").json()["findings"]
    assert {f["message"] for f in english} == {
        f"'{label}' holds a number with a fraction, which no phone number has: the number"
        " cannot be read (it may be a formula's result, or the column was calculated on);"
        " format the column as text, confirm the number and type it again"
        for label in ("父亲电话", "联系电话")
    }


def test_no_command_makes_a_number_of_a_fraction_among_other_text(tmp_path: Path) -> None:
    """The father's 父：1361234567.8 and the mother's 13912345678/1351234567.8, both away:
    flag lists the child as without a parent's number (the mother's good number is not
    taken either); the card leaves both blank, each cell as written after it; the pairs
    workbook gives the teacher's 手机：138123456.78 as no phone. Merged (.xlsx, .parquet) or
    exported (.csv), each cell is said again as PHN007. The numbers joined across a point
    (13612345678, 13512345678, 13812345678) are nowhere."""
    kids = [child_row(1, 父亲电话="父：1361234567.8", 母亲电话="13912345678/1351234567.8")]
    path = book(tmp_path, kids, phone="手机：138123456.78")
    flag = run("flag", path, "--format", "json").json()
    flagged = [(c["row"], c["missing"]) for g in flag["classes"] for c in g["children"]]
    assert flagged == [(2, ["father_phone"])]
    assert [(t["name"], t["row"], t["missing"]) for t in flag["teachers"]] == [
        ("王芳", 2, ["phone"])
    ]

    assert run("cards", path, "--out", tmp_path / "c.html").exit_code == 0
    page = card_page(tmp_path / "c.html")
    parents = re.findall(r"<th>(父亲|母亲)</th><td[^>]*>姓名：＿+　电话：([^　]*)　", page)
    blank = "＿＿＿＿＿＿"
    assert parents == [
        ("父亲", f"{blank}（父:1361234567.8）"),
        ("母亲", f"{blank}（13912345678/1351234567.8）"),
    ]

    run("pair", path, "--out", tmp_path / "pairs.xlsx")
    pairs = load_workbook(tmp_path / "pairs.xlsx")
    phones = [row[3] for row in pairs["教师帮扶名单"].iter_rows(min_row=3, values_only=True)]
    assert phones == [None]

    expected = [
        ("PHN007", "father_phone", "136****567.8"),
        ("PHN007", "mother_phone", "139****5678/135****567.8"),
        ("PHN007", "phone", "138****56.78"),
    ]
    said_again(path, tmp_path, expected)
    made_up = re.compile(r"13[568]12345678")
    assert not made_up.search(page)
    assert not made_up.search((tmp_path / "e.csv").read_text(encoding="utf-8"))
    for out in ("merged.xlsx", "pairs.xlsx"):
        cells = load_workbook(tmp_path / out).worksheets
        assert not any(made_up.search(str(c)) for ws in cells for r in ws.values for c in r)


def test_a_point_with_a_space_or_written_full_width_makes_no_number(tmp_path: Path) -> None:
    """A number with a fraction whose point has a space beside it (1381234567 .8,
    1381234567. 8, 父：1381234567 .8, 0817-5521234 .5) was read without a word as the
    number its digits make joined (13812345678, 0817-55212345), nobody's; so was a whole
    number's .0 among other text (父：1381234567.0: 13812345670). Each such is PHN007, or
    PHN001 where the digits after the point are 0 (no fraction); a full-width point
    (1381234567．8) is one too. An ideographic full stop (1381234567。8) is no point: PHN001.
    Masked, no cell shows a whole mobile (138****5678) nobody typed: the point or stop
    stays where it stands, as typed. Two numbers with a point and a space between
    (13812345678. 13912345678) are no fraction."""
    cells = [
        "1381234567 .8",
        "1381234567. 8",
        "1381234567 . 8",
        "1381234567．8",
        "1381234567。8",
        "1381234567｡8",
        "父：1381234567 .8",
        "0817-5521234 .5",
        "父：1381234567.0",
        "1381234567 .0",
        "13812345678. 13912345678",
        "13812345678 .5",
    ]
    path, doc = fathers_phones(tmp_path, cells, phone="1381234567 ．8")
    among = AMONG.format("父亲电话")
    malformed = MALFORMED.format("父亲电话")
    codes = ["PHN007"] * 3 + ["PHN007", "PHN001", "PHN001", "PHN007", "PHN007"]
    codes += ["PHN001", "PHN001", "PHN001", "PHN007"]
    texts = [among] * 3 + [FRACTION.format("父亲电话"), malformed, malformed, among, among]
    texts += [malformed, malformed, malformed, among]
    assert found(doc) == [
        *[
            (code, "error", "花名册", row, "J", "father_phone", text)
            for row, code, text in zip(range(2, 14), codes, texts, strict=True)
        ],
        ("PHN007", "error", "教师", 2, "C", "phone", AMONG.format("联系电话")),
    ]
    values = [
        "138****567 .8",
        "138****567. 8",
        "138****567 . 8",
        "138****567．8",
        "138****567。8",
        "138****567｡8",
        "138****567 .8",
        "081*****234 .5",
        "138****567.0",
        "138****567 .0",
        "138********. *******5678",
        "138*****678 .5",
        "138****567 ．8",
    ]
    assert [f["value"] for f in doc["findings"]] == values
    shown_with_values(path, [*(f"J{row}" for row in range(2, 14)), "C2"], values)


def fathers_phones(tmp_path: Path, cells: list[str], phone: str) -> tuple[Path, dict[str, Any]]:
    """A roster whose children's 父亲电话 are ``cells`` (row 2 on) and whose teacher's 联系电话
    is ``phone``, and validate's JSON of it, which found errors and said nothing else."""
    kids = [child_row(n, 父亲电话=cell) for n, cell in enumerate(cells, 1)]
    path = book(tmp_path, kids, phone=phone)
    doc, stderr, code = validate(path)
    assert (stderr, code) == ("", 1)
    return path, doc


def shown_with_values(path: Path, cells: list[str], values: list[str]) -> None:
    """validate's table says a PHN00x finding of each of ``cells`` (J2 …), in order, and
    its 值 column each value as masked (``values``), ending its line."""
    table = [" ".join(line.split()) for line in run("validate", path).stdout.splitlines()]
    shown = [line for line in table if " PHN00" in line]
    assert [line.split()[0] for line in shown] == cells
    assert [line[-len(value) - 1 :] for line, value in zip(shown, values, strict=True)] == [
        f" {value}" for value in values
    ]


def test_a_point_among_groups_or_typed_as_a_dot_makes_no_number(tmp_path: Path) -> None:
    """A number with a fraction typed in groups (138 1234 567.8, 138-1234-567.8: the point
    after three digits, one or two digits after it) or with a middle dot for its point
    (1381234567·8, ・, ‧) was read without a word as the mobile its digits make joined
    (13812345678), nobody's; so was a whole number's .0 after groups (138 1234 567.0:
    13812345670). Each is PHN007, or PHN001 where the digits after the point are 0. A
    comma (1381234567,8) makes no number either (PHN001). Masked, the point, dot or comma
    stays where it stands, as typed: no cell shows a whole mobile (138****5678) nobody
    typed. Dots between groups (138.1234.5678, 138·1234·5678) are no fraction."""
    among, malformed = AMONG.format("父亲电话"), MALFORMED.format("父亲电话")
    said = [  # each cell, what validate says of it and its value as masked
        ("138 1234 567.8", among, "138****567.8"),
        ("138-1234-567.8", among, "138****567.8"),
        ("138 1234 567 .8", among, "138****567 .8"),
        ("父：138 1234 567.8", among, "138****567.8"),
        ("13812345678/138 1234 567.8", among, "138****5678/138****567.8"),
        ("1381234567·8", among, "138****567·8"),
        ("1381234567・8", among, "138****567・8"),
        ("1381234567‧8", among, "138****567‧8"),
        ("1381234567,8", malformed, "138****567,8"),
        ("1381234567，8", malformed, "138****567，8"),
        ("138 1234 567.0", malformed, "138****567.0"),
    ]
    cells = [cell for cell, _, _ in said] + ["138.1234.5678", "138·1234·5678"]
    path, doc = fathers_phones(tmp_path, cells, phone="138-1234-56.78")
    assert found(doc) == [
        *[
            (
                "PHN007" if text == among else "PHN001",
                "error",
                "花名册",
                row,
                "J",
                "father_phone",
                text,
            )
            for row, (_, text, _) in enumerate(said, 2)
        ],
        ("PHN007", "error", "教师", 2, "C", "phone", AMONG.format("联系电话")),
    ]
    values = [value for _, _, value in said] + ["138****56.78"]
    assert [f["value"] for f in doc["findings"]] == values
    shown_with_values(path, [*(f"J{row}" for row in range(2, 13)), "C2"], values)
