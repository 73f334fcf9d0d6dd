"""Words schools type in a cell that say something plain to a person, read as that: 已转出
and 已毕业 (转出, 毕业), a child who has died (死亡, 去世 …: off the books, counted apart),
重点 and 是（孤儿） in 重点帮扶对象 (a yes), a phone number with a remark in brackets or
a 父： label, 同上 in a phone cell (the number above); and the 学籍 health code 4x
(有生理缺陷) is not called 残疾: its group holds 高度近视 as well."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_forms import spots, validate, watched
from test_pair import ANYONE, C32, C51, SHORT_1, kid, pair_json, roster, teacher, who

from conftest import CHILD_HEADER, card_page, child_row, run, write_xlsx
from lbc.roster import normalise as nz
from lbc.roster import phones
from lbc.roster.completion import GRADE_CODES
from lbc.roster.reading import RawSheet
from lbc.roster.tables import build_table

GONE = ["已转出", "已毕业", "死亡", "去世", "已故", "亡故"]


def test_a_child_who_left_or_died_is_off_the_books_in_words(tmp_path: Path) -> None:
    """已转出 and 已毕业 are 转出 and 毕业; 死亡, 去世, 已故 and 亡故 are 死亡: no VAL001,
    not paired, not on the watch list (each would be, 辍学 and 残疾) nor counted on the
    books, and the summary counts the dead apart, never as dropouts."""
    kids = [kid(1, 在校状态="在读")] + [
        kid(n, 在校状态=word, 健康状况="残疾", 重点帮扶对象="是")
        for n, word in enumerate(GONE, start=2)
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32, role="班主任")])
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == ([], "", 0)

    code, paired = pair_json(tmp_path, path)
    assert code == 0
    assert who(paired) == {"张雨涵": ("王芳", "本班班主任", False)}
    s = paired["summary"]
    assert (s["children"], s["to_pair"], s["paired"], s["left_school"]) == (7, 1, 1, 6)

    assert watched(path) == []

    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["enrollment"] == {
        "by_status": [
            {"name": "在读", "count": 1},
            {"name": "转入", "count": 0},
            {"name": "转出", "count": 1},
            {"name": "休学", "count": 0},
            {"name": "辍学", "count": 0},
            {"name": "不在学", "count": 0},
            {"name": "毕业", "count": 1},
            {"name": "死亡", "count": 4},
        ],
        "on_books": 1,
        "dropped_out": 0,
        "retention_rate": 1.0,
        "dropout_rate": 0.0,
    }
    text = run("summary", "--term", "2024-autumn", path).stdout
    said = "- 在校情况：在读 1 人，转出 1 人，毕业 1 人，死亡 4 人；巩固率 100.0%，辍学率 0.0%。"
    assert said in text


@pytest.mark.parametrize("word", ["重点", "是（孤儿）", "是(单亲)"])
def test_a_priority_in_other_words_is_paired_first(tmp_path: Path, word: str) -> None:
    """重点帮扶对象 重点, or a yes with a remark in brackets, is a yes: no VAL001, and the
    child is paired before a closer ordinary child when there is one place."""
    plain = kid(1, C32, 重点帮扶对象="否", 帮扶教师="王芳")
    priority = kid(2, C51, 重点帮扶对象=word)
    path = roster(tmp_path / "r.xlsx", [plain, priority], [teacher("王芳", C32, role="班主任")])
    doc, _, _ = validate(path)
    assert [f for f in doc["findings"] if f["code"] == "VAL001"] == []
    code, paired = pair_json(tmp_path, path, "--max-per-teacher", "1")
    assert code == 1
    assert who(paired) == {"李明轩": ("王芳", ANYONE, False)}
    assert [(u["child"], u["why"]) for u in paired["unpaired"]] == [("张雨涵", SHORT_1)]


@given(
    word=st.sampled_from(["是", "否", "有", "无", "√", "×", "重点"]),
    remark=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6),
    bracket=st.sampled_from(["（）", "()"]),
)
def test_a_remark_in_brackets_leaves_the_answer(word: str, remark: str, bracket: str) -> None:
    """是（孤儿） is 是 and 否（已脱贫） is 否, whatever the remark says; 重点 is a yes in
    重点帮扶对象 only."""
    cell = f"{word}{bracket[0]}{remark}{bracket[1]}"
    assert nz.key_target(cell) == nz.key_target(word) == ("否" if word in "否无×" else "是")
    assert nz.yes_no(cell).__class__ is nz.yes_no(word).__class__
    assert nz.yes_no(cell) == nz.yes_no(word) or word == "重点"


def phones_roster(tmp_path: Path) -> Path:
    cells: list[dict[str, Any]] = [
        {"父亲电话": "同上"},  # nothing above: no number
        {"父亲电话": "13800000001（微信同号）"},
        {"父亲电话": "同上"},  # 13800000001
        {"父亲电话": "父：13800000002"},
        {"父亲电话": "父亲: 138 0000 0003"},
        {"父亲电话": "13800000005（停机）"},  # a dead number: none to call
    ]
    kids = [kid(n, **c) for n, c in enumerate(cells, 1)]
    return roster(tmp_path / "r.xlsx", kids, None)


def test_a_phone_with_a_remark_a_label_or_same_as_above_is_a_number(tmp_path: Path) -> None:
    """A number with a remark in brackets or a 父：/母： label is that number, 同上 is the
    number in the row above: flag asks only for the two children with no number to call,
    and validate's PHN001 only for those two cells."""
    path = phones_roster(tmp_path)
    doc = run("flag", path, "--format", "json").json()
    flagged = [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]]
    assert flagged == [(2, ["father_phone"]), (7, ["father_phone"])]
    found, _, _ = validate(path)
    assert [(f["code"], f["row"], f["column"]) for f in found["findings"]] == [
        ("PHN001", 2, "J"),
        ("PHN001", 7, "J"),
    ]


def test_a_phone_that_lost_digits_in_scientific_notation_with_a_label_or_remark_is_said(
    tmp_path: Path,
) -> None:
    """A number Excel showed in scientific notation with its last digits lost is PHN004
    with a remark in brackets after it or a label before it (1.381234567E+10 (父), 父：…,
    …（微信同号）, (父)…) as it is alone, and beside another number in the cell, either first
    or last (…（父）；139…（母）, …/139…): it is to be typed in again, not its format put
    right (PHN001). One whose remark says it is dead ((停机)) gives no number either way:
    PHN001, as 13812345678 (停机) is."""
    cells = [
        ("父亲电话", "1.381234567E+10 (父)", "PHN004"),
        ("父亲电话", "父：1.38123E+10", "PHN004"),
        ("母亲电话", "1.39123E+10（微信同号）", "PHN004"),
        ("父亲电话", "1.381234567E+10 (停机)", "PHN001"),
        ("父亲电话", "1.381234567E+10（父）；13912345678（母）", "PHN004"),
        ("父亲电话", "13912345678（母）；1.381234567E+10（父）", "PHN004"),
        ("父亲电话", "1.381234567E+10/13912345678", "PHN004"),
        ("父亲电话", "(父)1.381234567E+10", "PHN004"),
        ("父亲电话", "1.381234567E+10（停机）；13912345678（母）", "PHN001"),
        ("父亲电话", "1.381234567E+10（停机）", "PHN001"),
    ]
    kids = [kid(n, **{field: cell}) for n, (field, cell, _) in enumerate(cells, 1)]
    path = roster(tmp_path / "r.xlsx", kids, None)
    said = {
        "PHN004": (
            "“{}”被 Excel 变成了科学计数法，后几位数字已丢失，读不出号码；"
            "请把这一列设为文本，向本人核实后重新录入"
        ),
        "PHN001": "“{}”格式不对：应为11位手机号（1开头）或带区号的座机号",
    }
    doc, stderr, code = validate(path)
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]] == [
        (rule, row, "J" if field == "父亲电话" else "K", said[rule].format(field))
        for row, (field, _, rule) in enumerate(cells, 2)
    ]
    assert (stderr, code) == ("", 1)


@given(
    number=st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    remark=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6),
    label=st.sampled_from(["父：", "母:", "父亲：", "妈妈: ", "监护人：", ""]),
)
def test_phone_reads_the_number_past_a_label_and_a_remark(
    number: str, remark: str, label: str
) -> None:
    """A label before a mobile and a remark in brackets after it leave the number; a
    remark saying the number is dead, or naming someone other than by a label alone
    (（母亲的）: whose is it?), leaves none."""
    cell = f"{label}{number}（{remark}）"
    naming = phones._SOMEONE.search(remark) and remark.strip() not in phones._WHOSE
    if phones._DEAD_NUMBER.search(remark) or naming:
        assert phones.phone(cell).__class__ is nz.Bad
    else:
        assert phones.phone(cell) == number
    assert phones.phone(f"{label}{number}") == number


def test_the_xueji_code_for_a_physical_defect_is_not_called_a_disability(
    tmp_path: Path,
) -> None:
    """健康状况 41 and 43 (the 学籍 export's 有生理缺陷, a group that holds 高度近视 too) do not
    put the child on the watch list as 残疾 (WCH007); 残疾 does."""
    kids = [kid(1, 健康状况="41"), kid(2, 健康状况="43"), kid(3, 健康状况="残疾")]
    path = roster(tmp_path / "r.xlsx", kids, None)
    doc = run("watch", path, "--format", "json").json()
    reasons = [
        (c["row"], [(r["code"], r["message"]) for r in c["reasons"]])
        for g in doc["classes"]
        for c in g["children"]
    ]
    assert reasons == [(4, [("WCH007", "残疾")])]


BOTH = "父：13800000001；母：13900000002"


def test_a_phone_cell_with_both_parents_numbers_labelled(tmp_path: Path) -> None:
    """A cell holding two numbers each labelled with whose it is (父：…；母：…, or with a
    comma, a space or a new line between, the labels after in brackets) is, in 父亲电话,
    the father's number and in 母亲电话 the mother's: no PHN001, and the card shows the
    column's own number only; the other parent's number differs from the one typed in
    that parent's own column, which is kept (PHN003). In 监护人电话 (the guardian the
    grandfather) neither number is the guardian's (PHN002), each the parent's, differing
    from the one typed there (PHN003 twice); two numbers with no label say nobody's, as
    before (PHN001)."""
    cells: list[dict[str, Any]] = [
        {"父亲电话": BOTH},
        {"母亲电话": "父：13800000001，母：13900000002"},
        {"父亲电话": "爸爸 13800000001 妈妈 13900000002"},
        {"母亲电话": "13800000001(父)\n13900000002(母)"},
        {"监护人电话": BOTH},
        {"父亲电话": "13800000001/13900000002"},
    ]
    path = roster(tmp_path / "r.xlsx", [kid(n, **c) for n, c in enumerate(cells, 1)], None)
    found, _, _ = validate(path)
    assert spots(found["findings"]) == [
        ("PHN003", 2, "J", "father_phone"),
        ("PHN003", 3, "K", "mother_phone"),
        ("PHN003", 4, "J", "father_phone"),
        ("PHN003", 5, "K", "mother_phone"),
        ("PHN002", 6, "N", "guardian_phone"),
        ("PHN003", 6, "N", "guardian_phone"),
        ("PHN003", 6, "N", "guardian_phone"),
        ("PHN001", 7, "J", "father_phone"),
    ]
    assert run("cards", path, "--out", tmp_path / "c.html").exit_code == 0
    page = card_page(tmp_path / "c.html")
    fathers = re.findall(r"<th>父亲</th><td[^>]*>姓名：[^　]*　电话：([^　<]*)", page)
    mothers = re.findall(r"<th>母亲</th><td[^>]*>姓名：[^　]*　电话：([^　<]*)", page)
    default_father, default_mother = "13812345678", "13912345678"  # conftest's
    assert fathers[:4] == ["13800000001", default_father, "13800000001", default_father]
    assert mothers[:4] == [default_mother, "13900000002", default_mother, "13900000002"]


def test_a_parents_phone_column_with_both_numbers_labelled(tmp_path: Path) -> None:
    """One 家长电话 column for both parents: a cell giving both, each labelled, is both
    numbers, each to call (no PHN001); two numbers without labels are still one cell too
    many (PHN001)."""
    cells = [BOTH, "爸爸13800000001、妈妈13900000002", "13800000001 13900000002"]
    kids = []
    for n, cell in enumerate(cells, 1):
        row = {k: v for k, v in kid(n).items() if k not in ("父亲电话", "母亲电话")}
        kids.append({**row, "家长电话": cell})
    path = roster(tmp_path / "r.xlsx", kids, None)
    found, _, _ = validate(path)
    assert [(f["code"], f["row"], f["field"]) for f in found["findings"]] == [
        ("PHN001", 4, "parent_phone")
    ]
    doc = run("flag", path, "--format", "json").json()
    assert [c["row"] for g in doc["classes"] for c in g["children"]] == []


@given(
    father=st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    mother=st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    labels=st.sampled_from(
        [("父：", "母："), ("父亲:", "母亲:"), ("爸爸 ", "妈妈 "), ("父", "母")]
    ),
    between=st.sampled_from(["；", "，", " ", "\n", "、", "/", ";"]),
    mother_first=st.booleans(),
)
def test_each_parents_column_reads_its_own_labelled_number(
    father: str, mother: str, labels: tuple[str, str], between: str, mother_first: bool
) -> None:
    """父亲电话 reads the number labelled 父 and 母亲电话 the one labelled 母, in whichever
    order the cell gives them; 家长电话 reads both (numbers to call)."""
    parts = [f"{labels[0]}{father}", f"{labels[1]}{mother}"]
    cell = between.join(reversed(parts) if mother_first else parts)
    assert phones.phone_column([cell], "father_phone") == [father]
    assert phones.phone_column([cell], "mother_phone") == [mother]
    both = phones.phone_column([cell], "parent_phone")[0]
    assert set(phones.numbers_to_call(both)) == {father, mother}
    assert len(phones.own_numbers(phones.phone(cell).raw, "parent_phone")) == len({father, mother})


def xueji_roster(path: Path, grades: list[Any], classes: list[Any]) -> Path:
    """A 学籍 export's 年级 and 班级 (the class number alone) before conftest's columns."""
    kids = []
    for n, (grade, number) in enumerate(zip(grades, classes, strict=True), 1):
        row = {k: v for k, v in kid(n).items() if k != "班级"}
        kids.append({"年级": grade, "班级": number, **row})
    return roster(path, kids, None)


def test_the_xueji_grade_codes_read_as_grades(tmp_path: Path) -> None:
    """The 学籍 system's 年级 codes (11 一年级 … 16 六年级, 21 初一 … 23 初三) read as the
    grades they code, as numbers or as text: no CLS001, 11 is no 十一年级, and lbc columns
    says how the column was read."""
    path = xueji_roster(tmp_path / "r.xlsx", [11, 13, "16", 21, "１２"], [1, 2, 1, 3, "1班"])
    found, _, _ = validate(path)
    assert found["findings"] == []
    doc = run("birthdays", path, "--month", "5", "--format", "json").json()
    assert [g["class"] for g in doc["classes"]] == [
        "一年级(1)班",
        "二年级(1)班",
        "三年级(2)班",
        "六年级(1)班",
        "七年级(3)班",
    ]
    columns = run("columns", path).stdout
    assert (
        "学籍系统的年级代码：11–16=一至六年级，21–23=七至九年级（初一至初三），31–33=高一至高三"
        in (columns)
    )


def test_a_grade_column_of_codes_and_other_numbers_is_not_read_as_codes(tmp_path: Path) -> None:
    """A 年级 column whose numbers are not all codes (3 beside 13), or only 11 and 12 (十一、
    十二年级 as well), is read as it was: 13 is unreadable, 11 is 十一年级."""
    path = xueji_roster(tmp_path / "r.xlsx", [3, 13], [1, 1])
    found, _, _ = validate(path)
    assert spots(found["findings"]) == [("CLS001", 3, "A", "grade"), ("CLS001", 3, "B", "class")]
    path = xueji_roster(tmp_path / "s.xlsx", [11, 12], [1, 1])
    doc = run("birthdays", path, "--month", "5", "--format", "json").json()
    assert [g["class"] for g in doc["classes"]] == ["十一年级(1)班", "十二年级(1)班"]


def test_a_grade_column_of_only_eleven_and_twelve_is_asked_about(tmp_path: Path) -> None:
    """A 年级 column of only 11 and 12 (numbers or text) may be 十一、十二年级 or the 学籍
    codes of 一、二年级 (a 教学点's export): read as the grades it says, and said once, at
    its first cell (CLS003) and in lbc columns. Beside 21 they are codes (no CLS003); in
    words (十一年级) they are what they say."""
    path = xueji_roster(tmp_path / "r.xlsx", [11, "12", None, 11], [1, 2, 1, 1])
    found, _, _ = validate(path)
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found["findings"]] == [
        (
            "CLS003",
            2,
            "A",
            "“年级”一栏 3 格都只写 11 或 12：按十一、十二年级读；如果是学籍系统的年级代码"
            "（11=一年级、12=二年级），请改写成“一年级”“二年级”",
        ),
        ("CLS001", 4, "B", "无法识别的班级，请写成如“三年级(2)班”"),
    ]
    columns = run("columns", path).stdout
    said = (
        "只有 11、12：按十一、十二年级读；也可能是学籍系统的年级代码（一、二年级），"
        "见 lbc validate（CLS003）"
    )
    assert said in columns
    for grades in ([11, 12, 21], ["十一年级", "十二年级", "十一年级"]):
        path = xueji_roster(tmp_path / "s.xlsx", grades, [1, 2, 1])
        found, _, _ = validate(path)
        assert found["findings"] == []
        assert said not in run("columns", path).stdout


def read_grades(column: list[Any]) -> list[Any]:
    """A 年级 column's cells as a children sheet of them reads them."""
    header = ["姓名", "性别", "年级", "班级", "家庭住址"]
    rows = [[f"学生{i}", "女", grade, 1, "幸福村"] for i, grade in enumerate(column)]
    table = build_table("t.xlsx", RawSheet("Sheet1", [header, *rows]))
    assert table is not None
    return table.values["grade"]


@given(codes=st.lists(st.sampled_from(sorted(GRADE_CODES)), min_size=1, max_size=8))
def test_a_column_of_grade_codes_reads_each_as_its_grade(codes: list[int]) -> None:
    """Every 学籍 code in a column of them reads as level and year say (21 is 七年级), as a
    number or as text, unless the column is only 11 and 12."""
    column = [str(c) if i % 2 else c for i, c in enumerate(codes)]
    grades = read_grades(column)
    if set(codes) <= {11, 12}:
        assert grades == codes
    else:
        assert grades == [(c // 10 - 1) * 6 - (3 if c > 30 else 0) + c % 10 for c in codes]


@pytest.mark.parametrize("header", ["帮扶学生姓名", "帮扶对象", "结对学生"])
def test_a_teachers_column_of_their_children_is_read_as_their_pairs(
    tmp_path: Path, header: str
) -> None:
    """A teachers list's column of each teacher's children (帮扶学生姓名, 帮扶对象) is read as
    pairs: lbc columns says it is read, and lbc pair keeps them, with no note saying they
    are not read (tests/test_teacher_lists_pairs.py has the rest)."""
    kids = [kid(n) for n in (1, 2, 3)]
    staff = [{**teacher("王芳", C32), header: "张雨涵、李明轩"}, teacher("李强", C32)]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    code, doc = pair_json(tmp_path, "r.xlsx")
    assert code == 0
    assert {p["child"]: (p["teacher"], p["kept"]) for p in doc["pairs"]} == {
        "张雨涵": ("王芳", True),
        "李明轩": ("王芳", True),
        "王梓萱": ("李强", False),
    }
    result = run("pair", "r.xlsx", cwd=tmp_path)
    assert "帮扶学生" not in result.stderr
    doc = run("columns", path, "--format", "json").json()
    columns = [c for f in doc["files"] for s in f["sheets"] for c in s["columns"]]
    assert ("I", header, "children") in [(c["column"], c["header"], c["field"]) for c in columns]


def test_a_single_parent_or_divorced_familys_away_parent_is_read(tmp_path: Path) -> None:
    """单亲留守（父亲外出）, 单亲留守儿童（母亲外出） and 父母离异，父亲外出 say which parent is
    away: no VAL001, and with the other parent's phone blank no missing contact (the parent
    at home is not asked for). 单亲留守（父） and 单亲留守（母） do not: the parent in brackets
    may be the one away or the one the child lives with, and read as away it asked for the
    wrong parent's phone; they, 父母离异 and 单亲 alone are VAL001, naming what to write."""
    kinds = [
        "单亲留守（父亲外出）",
        "单亲留守儿童（母亲外出）",
        "父母离异，父亲外出",
        "父母离异，母亲外出",
    ]
    at_home = ["母亲电话", "父亲电话", "母亲电话", "父亲电话"]
    rows = [
        child_row(n, kind=k, **{home: None})
        for n, (k, home) in enumerate(zip(kinds, at_home, strict=True), 1)
    ]
    unread = ["父母离异", "单亲", "单亲留守（父）", "单亲留守（母）"]
    rows += [child_row(n, kind=k) for n, k in enumerate(unread, 5)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc, stderr, code = validate(path)
    messages = [f["message"] for f in doc["findings"]]
    found = [(*s, m) for s, m in zip(spots(doc["findings"]), messages, strict=True)]
    values = "“留守类型”的值无法识别，可填：父母均外出、父亲外出、母亲外出、非留守"
    assert (found, stderr, code) == (
        [("VAL001", row, "I", "left_behind_type", values) for row in range(6, 6 + len(unread))],
        "",
        1,
    )
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_type"] == [
        {"name": "父亲外出", "count": 2},
        {"name": "母亲外出", "count": 2},
        {"name": "无法识别", "count": 4},
    ]


def test_a_divorced_familys_parent_away_at_work_is_read(tmp_path: Path) -> None:
    """父母离异，父亲外出务工 and 父母离异,父亲外出打工 name the father away as 父母离异，父亲外出
    does, 父母离异，母亲外出务工 the mother: no VAL001, and with the other parent's phone
    blank no missing contact. 单亲留守（父） still names no parent away: VAL001."""
    kinds = [
        "父母离异，父亲外出务工",
        "父母离异，母亲外出务工",
        "父母离异,父亲外出打工",
        "父母离异、母亲外出打工",
    ]
    at_home = ["母亲电话", "父亲电话", "母亲电话", "父亲电话"]
    rows = [
        child_row(n, kind=k, **{home: None})
        for n, (k, home) in enumerate(zip(kinds, at_home, strict=True), 1)
    ]
    rows.append(child_row(5, kind="单亲留守（父）"))
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == (
        [("VAL001", 6, "I", "left_behind_type")],
        "",
        1,
    )
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_type"] == [
        {"name": "父亲外出", "count": 2},
        {"name": "母亲外出", "count": 2},
        {"name": "无法识别", "count": 1},
    ]


@given(
    parent=st.sampled_from(["父亲", "母亲"]),
    mark=st.sampled_from(["，", ",", "、", "", "， "]),
    work=st.sampled_from(["", "务工", "打工"]),
)
def test_a_divorced_familys_parent_away_reads_as_the_parent_away(
    parent: str, mark: str, work: str
) -> None:
    """父母离异 before a parent's 外出, 外出务工 or 外出打工 is that parent away, as the words
    after it alone are."""
    want = nz.left_behind_type(f"{parent}外出{work}")
    assert want == (nz.FATHER_AWAY if parent == "父亲" else nz.MOTHER_AWAY)
    assert nz.left_behind_type(f"父母离异{mark}{parent}外出{work}") == want


def test_a_phone_excel_showed_in_scientific_notation_is_said_to_have_lost_digits(
    tmp_path: Path,
) -> None:
    """A phone stored as the text Excel shows for a long number (1.38123E+10, or 1.39123E10
    in a format of E-, pasted or saved as shown) has lost its last digits: PHN004 says so
    and asks for it again, in the children's and the teachers' columns alike; a number a
    digit short is still PHN001."""
    kids = [
        kid(1, 父亲电话="1.38123E+10", 母亲电话="1.39123E10"),
        kid(2, 监护人电话="1.37123e+10"),
        kid(3, 父亲电话="1381234567"),
    ]
    teachers = [teacher("王芳", C32), teacher("李强", C51, 联系电话="1.35123E+10")]
    path = roster(tmp_path / "r.xlsx", kids, teachers)
    lost = (
        "“{}”被 Excel 变成了科学计数法，后几位数字已丢失，读不出号码；"
        "请把这一列设为文本，向本人核实后重新录入"
    )
    doc, stderr, code = validate(path)
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["message"]) for f in doc["findings"]
    ] == [
        ("PHN004", "花名册", 2, "J", lost.format("父亲电话")),
        ("PHN004", "花名册", 2, "K", lost.format("母亲电话")),
        ("PHN004", "花名册", 3, "N", lost.format("监护人电话")),
        (
            "PHN001",
            "花名册",
            4,
            "J",
            "“父亲电话”格式不对：应为11位手机号（1开头）或带区号的座机号",
        ),
        ("PHN004", "教师", 3, "C", lost.format("联系电话")),
    ]
    assert (stderr, code) == ("", 1)
    english = run("--lang", "en", "validate", path, "--format", "json").json()
    assert english["findings"][0]["message"] == (
        "'父亲电话' was turned into scientific notation by Excel and lost its last digits:"
        " the number cannot be read; format the column as text, confirm the number and"
        " type it again"
    )


def test_a_phone_in_scientific_notation_with_every_digit_is_read(tmp_path: Path) -> None:
    """A phone stored as the text 1.3812345678E+10 (or 1.3912345678E10, as a program writes
    a number as text) keeps all 11 digits: it is read as 13812345678, so the father away has
    his number (not on lbc flag's list), and PHN005 warns that the cell is in scientific
    notation, children's columns and teachers' alike. A mantissa a digit short
    (1.381234567E+10) has lost one: PHN004, and the father is on lbc flag's list."""
    kids = [
        kid(1, 父亲电话="1.3812345678E+10", 母亲电话="1.3912345678E10"),
        kid(2, 父亲电话="1.381234567E+10"),
    ]
    teachers = [teacher("王芳", C32), teacher("李强", C51, 联系电话="1.3512345678e+10")]
    path = roster(tmp_path / "r.xlsx", kids, teachers)
    kept = (
        "“{}”写成了科学计数法，数字齐全，已按号码读出；"
        "请把这一列设为文本，改写成号码本身，免得再经 Excel 丢掉后几位"
    )
    lost = (
        "“父亲电话”被 Excel 变成了科学计数法，后几位数字已丢失，读不出号码；"
        "请把这一列设为文本，向本人核实后重新录入"
    )
    doc, stderr, code = validate(path)
    assert [
        (f["code"], f["severity"], f["sheet"], f["row"], f["column"], f["message"])
        for f in doc["findings"]
    ] == [
        ("PHN005", "warning", "花名册", 2, "J", kept.format("父亲电话")),
        ("PHN005", "warning", "花名册", 2, "K", kept.format("母亲电话")),
        ("PHN004", "error", "花名册", 3, "J", lost),
        ("PHN005", "warning", "教师", 3, "C", kept.format("联系电话")),
    ]
    assert (stderr, code) == ("", 1)
    english = run("--lang", "en", "validate", path, "--format", "json").json()
    assert english["findings"][0]["message"] == (
        "'父亲电话' is written in scientific notation with every digit kept and was read as"
        " the number; format the column as text and write the number itself, before Excel"
        " drops its last digits"
    )
    flagged = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in flagged["classes"] for c in g["children"]] == [
        (3, ["father_phone"])
    ]


def test_a_phone_in_scientific_notation_with_an_extension_is_warned(tmp_path: Path) -> None:
    """A number in scientific notation with every digit kept and an extension after it
    (1.3812345678E+10转1) is read as the number, as it is without one, and is PHN005 as it
    is without one: the cell is as far from a number to dial, and Excel as able to cut it
    short. In the teachers' column alike; a number written as itself with an extension is
    no PHN005."""
    kids = [kid(1, 父亲电话="1.3812345678E+10转1"), kid(2, 父亲电话="13812345678转1")]
    teachers = [teacher("王芳", C32), teacher("李强", C51, 联系电话="1.3512345678E+10 分机 8")]
    path = roster(tmp_path / "r.xlsx", kids, teachers)
    kept = (
        "“{}”写成了科学计数法，数字齐全，已按号码读出；"
        "请把这一列设为文本，改写成号码本身，免得再经 Excel 丢掉后几位"
    )
    doc, stderr, code = validate(path)
    assert [
        (f["code"], f["sheet"], f["row"], f["column"], f["message"]) for f in doc["findings"]
    ] == [
        ("PHN005", "花名册", 2, "J", kept.format("父亲电话")),
        ("PHN005", "教师", 3, "C", kept.format("联系电话")),
    ]
    assert (stderr, code) == ("", 0)
    flagged = run("flag", path, "--format", "json").json()
    assert [c["row"] for g in flagged["classes"] for c in g["children"]] == []


def test_a_phone_in_scientific_notation_with_a_label_or_remark_is_read(tmp_path: Path) -> None:
    """A number in scientific notation with every digit kept is read with a remark in
    brackets after it or a label before it as 13812345678 is (13812345678 (父), 父：…,
    …（微信同号）), and is PHN005: the father has his number (not on lbc flag's list). One
    labelled as the mother's in 父亲电话 is hers, as 13912345678 (母) there is (PHN002, and
    the father away has no number, CON003), and is PHN005 too; a remark saying the number is
    dead ((停机)) leaves no number, as it does after 13812345678 (PHN001)."""
    kids = [
        kid(1, 父亲电话="1.3812345678E+10 (父)"),
        kid(2, 父亲电话="父：1.3812345678E+10"),
        kid(3, 父亲电话="1.3812345678E+10（微信同号）"),
        kid(4, 父亲电话="1.3912345678E+10 (母)", 母亲电话=None),
        kid(5, 父亲电话="1.3812345678E+10 (停机)"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    kept = (
        "“父亲电话”写成了科学计数法，数字齐全，已按号码读出；"
        "请把这一列设为文本，改写成号码本身，免得再经 Excel 丢掉后几位"
    )
    doc, stderr, code = validate(path)
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in doc["findings"]] == [
        ("PHN005", 2, "J", kept),
        ("PHN005", 3, "J", kept),
        ("PHN005", 4, "J", kept),
        ("CON003", 5, "J", "父亲外出，缺少父亲电话"),
        ("PHN002", 5, "J", "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话"),
        ("PHN005", 5, "J", kept),
        ("PHN001", 6, "J", "“父亲电话”格式不对：应为11位手机号（1开头）或带区号的座机号"),
    ]
    assert (stderr, code) == ("", 1)
    flagged = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in flagged["classes"] for c in g["children"]] == [
        (5, ["father_phone"]),
        (6, ["father_phone"]),
    ]


@given(
    number=st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    power=st.sampled_from(["E+10", "E10", "e+10", "e10"]),
    short=st.integers(min_value=1, max_value=9),
)
def test_a_phone_in_scientific_notation_is_read_only_with_every_digit(
    number: str, power: str, short: int
) -> None:
    """A mobile written d.dddddddddd E+10 with its 10 digits after the point is that
    mobile; with fewer it has lost digits (lost_in_scientific), whatever they were."""
    whole = f"{number[0]}.{number[1:]}{power}"
    assert (phones.phone(whole), phones.kept_in_scientific(whole)) == (number, number)
    assert not phones.lost_in_scientific(whole)
    cut = f"{number[0]}.{number[1:-short]}{power}"
    assert phones.phone(cut) == nz.Bad(cut)
    assert (phones.kept_in_scientific(cut), phones.lost_in_scientific(cut)) == (None, True)


def test_the_parent_away_said_beside_the_one_at_home_is_read(tmp_path: Path) -> None:
    """父亲外出，母亲在家 (父外出母在家, 母亲外出务工、父亲在家) and 单亲（父亲外出） name the
    parent away, and 男生, 女生 the child's gender, 就读 her being at school: no VAL001,
    and with the parent at home's phone blank no missing contact. Before, each was VAL001."""
    kinds = ["父亲外出，母亲在家", "父外出母在家", "母亲外出务工、父亲在家", "单亲（母亲外出）"]
    at_home = ["母亲电话", "母亲电话", "父亲电话", "父亲电话"]
    header = [*CHILD_HEADER, "在校状态"]
    rows = [
        [*child_row(n, kind=k, gender="男" if n % 2 else "女", **{home: None}), "就读"]
        for n, (k, home) in enumerate(zip(kinds, at_home, strict=True), 1)
    ]
    for row in rows:  # 性别 as a school writes it, the ID number's sex digit agreeing
        row[CHILD_HEADER.index("性别")] += "生"
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [header, *rows]})
    doc, stderr, code = validate(path)
    assert (spots(doc["findings"]), stderr, code) == ([], "", 0)
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_type"] == [
        {"name": "父亲外出", "count": 2},
        {"name": "母亲外出", "count": 2},
    ]
    assert summary["children"]["by_gender"] == [
        {"name": "男", "count": 2},
        {"name": "女", "count": 2},
    ]


def test_a_disability_column_saying_the_child_is_whole_makes_no_one_disabled(
    tmp_path: Path,
) -> None:
    """正常, 健全 and 不是 in a 残疾类别 column say the child is not disabled, as 无 and the
    学籍 export's 无残疾 do: before, each such child was on the watch list as 残疾 (WCH007)
    and counted 残疾 in the summary. 肢体残疾 still is."""
    said = ["正常", "健全", "不是", "无残疾", "肢体残疾"]
    rows = [[*child_row(n), word] for n, word in enumerate(said, 1)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": [[*CHILD_HEADER, "残疾类别"], *rows]})
    assert watched(path) == [(6, ["WCH007"])]
    summary = run("summary", "--term", "2024-autumn", "--format", "json", path).json()
    assert summary["children"]["by_category"] == [{"name": "残疾", "count": 1}]
