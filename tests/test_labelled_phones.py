"""A parent's phone cell whose number says whose it is (母：13912345678, 13912345678（妈妈）):
a number labelled as someone else's is not the column's parent's."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pyarrow.parquet as pq
from openpyxl import load_workbook
from test_forms import validate
from test_pair import C32, kid, roster, teacher

from conftest import card_page, run


def found(path: Path) -> list[tuple[str, int, str, str, str]]:
    doc, _, _ = validate(path)
    return [(f["code"], f["row"], f["column"], f["field"], f["message"]) for f in doc["findings"]]


def card_phones(path: Path, out: Path) -> list[tuple[str, str]]:
    """Each card's (father's phone, mother's phone), as printed."""
    assert run("cards", path, "--out", out).exit_code == 0
    page = card_page(out)
    phones = {
        who: re.findall(rf"<th>{who}</th><td[^>]*>姓名：[^　]*　电话：([^　<]*)", page)
        for who in ("父亲", "母亲")
    }
    return list(zip(phones["父亲"], phones["母亲"], strict=True))


def test_a_number_labelled_as_another_persons_is_not_the_parents(tmp_path: Path) -> None:
    """父亲电话 holding only 母：13912345678 (or 13912345678（妈妈）, or 母亲电话 holding
    爷爷:…) is not the father's number: PHN002 at the cell, and an away father without it
    has no phone (CON003), in validate, flag and on the card. 家长 may be the father and a
    remark saying nobody (（微信同号）) is no label: those numbers are the column's."""
    kids = [
        kid(1, 父亲电话="母：13912345678"),
        kid(2, 父亲电话="13912345678（妈妈）"),
        kid(3, kind="母亲外出", 母亲电话="爷爷:13712345678"),
        kid(4, 父亲电话="家长：13800000004"),
        kid(5, 父亲电话="13800000005（微信同号）"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == [
        ("CON003", 2, "J", "father_phone", "父亲外出，缺少父亲电话"),
        (
            "PHN002",
            2,
            "J",
            "father_phone",
            "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话",
        ),
        ("CON003", 3, "J", "father_phone", "父亲外出，缺少父亲电话"),
        (
            "PHN002",
            3,
            "J",
            "father_phone",
            "“父亲电话”里的号码标着“妈妈”，不是父亲的，没有当作父亲的电话",
        ),
        ("CON003", 4, "K", "mother_phone", "母亲外出，缺少母亲电话"),
        (
            "PHN002",
            4,
            "K",
            "mother_phone",
            "“母亲电话”里的号码标着“爷爷”，不是母亲的，没有当作母亲的电话",
        ),
    ]
    doc = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]] == [
        (2, ["father_phone"]),
        (3, ["father_phone"]),
        (4, ["mother_phone"]),
    ]
    assert card_phones(path, tmp_path / "c.html") == [
        ("＿＿＿＿＿＿", "13912345678"),
        ("＿＿＿＿＿＿", "13912345678"),
        ("13812345678", "＿＿＿＿＿＿"),
        ("13800000004", "13912345678"),
        ("13800000005", "13912345678"),
    ]


def test_a_number_labelled_as_the_other_parents_fills_their_empty_cell(tmp_path: Path) -> None:
    """The mother's number in 父亲电话 (父：…；母：…, or 母：… alone) is the mother's where
    母亲电话 is left empty, or holds a number labelled as the father's (the columns
    swapped): no missing contact, on the card, off the watch list. A 母亲电话 the school
    typed something else in (another number, 无) is kept and the disagreement said at the
    labelled cell (PHN003); the same number typed is said nothing of."""
    kids = [
        kid(1, kind="母亲外出", 父亲电话="父：13800000001；母：13900000001", 母亲电话=None),
        kid(2, 父亲电话="母：13900000002", 母亲电话=None),
        kid(3, kind="父母均外出", 父亲电话="母：13900000003", 母亲电话="父：13800000003"),
        kid(
            4, kind="母亲外出", 父亲电话="父：13800000004；母：13900000004", 母亲电话="13911111114"
        ),
        kid(5, kind="母亲外出", 父亲电话="父：13800000005；母：13900000005", 母亲电话="无"),
        kid(6, 父亲电话="父：13800000006；母：13900000006", 母亲电话="13900000006"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    differs = "“父亲电话”里标明是母亲的号码，与“母亲电话”一栏填的不一样：没有采用，以“母亲电话”为准"
    assert found(path) == [
        ("CON003", 3, "J", "father_phone", "父亲外出，缺少父亲电话"),
        (
            "PHN002",
            3,
            "J",
            "father_phone",
            "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话",
        ),
        (
            "PHN002",
            4,
            "J",
            "father_phone",
            "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话",
        ),
        (
            "PHN002",
            4,
            "K",
            "mother_phone",
            "“母亲电话”里的号码标着“父”，不是母亲的，没有当作母亲的电话",
        ),
        ("PHN003", 5, "J", "father_phone", differs),
        ("PHN003", 6, "J", "father_phone", differs),
        ("CON003", 6, "K", "mother_phone", "母亲外出，缺少母亲电话"),
    ]
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800000001", "13900000001"),
        ("＿＿＿＿＿＿", "13900000002"),
        ("13800000003", "13900000003"),
        ("13800000004", "13911111114"),
        ("13800000005", "＿＿＿＿＿＿"),
        ("13800000006", "13900000006"),
    ]
    doc = run("watch", path, "--format", "json").json()
    listed = [
        (c["row"], [r["code"] for r in c["reasons"]]) for g in doc["classes"] for c in g["children"]
    ]
    assert listed == [(3, ["WCH014"]), (6, ["WCH014"])]


def test_the_other_parents_labelled_number_is_theirs_without_their_column(tmp_path: Path) -> None:
    """A roster with no 母亲电话 column at all: the mother's number in 父亲电话 (父：…；母：…,
    or 母：… alone) is still the mother's: on flag's list only the mother without one, on
    the cards and in the export (validate says the column missing, once); the roster lbc
    merge writes keeps the 父亲电话 cell as written and no 母亲电话 of lbc's making."""
    kids = [
        kid(1, kind="母亲外出", 父亲电话="父：13800000001；母：13900000001"),
        kid(2, kind="母亲外出", 父亲电话="母：13900000002"),
        kid(3, kind="母亲外出", 父亲电话="13800000003"),
    ]
    for row in kids:
        del row["母亲电话"]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == [
        ("COL001", None, None, "mother_phone", "缺少必需的列“母亲电话”"),
        (
            "PHN002",
            3,
            "J",
            "father_phone",
            "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话",
        ),
    ]
    doc = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]] == [
        (4, ["mother_phone"])
    ]
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800000001", "13900000001"),
        ("＿＿＿＿＿＿", "13900000002"),
        ("13800000003", "＿＿＿＿＿＿"),
    ]
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert [(r["father_phone"], r["mother_phone"]) for r in rows] == [
        ("13800000001", "13900000001"),
        ("", "13900000002"),
        ("13800000003", ""),
    ]
    merged = tmp_path / "county.xlsx"
    assert run("merge", path, "--out", merged).exit_code == 1
    sheet = load_workbook(merged).worksheets[0]
    header = [c.value for c in sheet[1]]
    father, mother = header.index("父亲电话"), header.index("母亲电话")
    assert [(r[father], r[mother]) for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        ("父：13800000001；母：13900000001", None),
        ("母：13900000002", None),
        ("13800000003", None),
    ]


def guardian_phones(path: Path, out: Path) -> list[str]:
    """Each card's guardian's phone, as printed."""
    assert run("cards", path, "--out", out).exit_code == 0
    page = card_page(out)
    return re.findall(r"<th>监护人</th><td[^>]*>姓名：[^　]*　关系：[^　]*　电话：([^　<]*)", page)


def test_a_grandparents_labelled_number_is_the_guardians_when_they_are(tmp_path: Path) -> None:
    """爷爷：… (外婆：…, 监护人：…) in a parent's phone column is the guardian's number where
    the guardian is that grandparent (与儿童关系 祖父, or 祖父母 for 奶奶 too) and 监护人电话
    is empty: no missing guardian's phone, on the card. A grandparent who is not the
    guardian (奶奶 of a guardian 祖父) keeps it nobody's but still not the parent's (PHN002);
    a different number typed in 监护人电话 is kept, and the two said apart (PHN003)."""
    kids = [
        kid(1, kind="父母均外出", 父亲电话="爷爷：13700000001", 监护人电话=None),
        kid(2, kind="母亲外出", 母亲电话="外婆：13700000002", 与儿童关系="外祖母", 监护人电话=None),
        kid(3, 父亲电话="奶奶：13700000003", 与儿童关系="祖父母", 监护人电话=None),
        kid(4, 父亲电话="奶奶：13700000004", 监护人电话=None),
        kid(5, 父亲电话="父：13800000005；爷爷：13700000005", 监护人电话="13711111115"),
        kid(6, 父亲电话="监护人：13700000006", 与儿童关系=None, 监护人电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    not_his = "“父亲电话”里的号码标着“{}”，不是父亲的，没有当作父亲的电话".format
    assert found(path) == [
        ("PHN002", 2, "J", "father_phone", not_his("爷爷")),
        ("CON003", 3, "K", "mother_phone", "母亲外出，缺少母亲电话"),
        (
            "PHN002",
            3,
            "K",
            "mother_phone",
            "“母亲电话”里的号码标着“外婆”，不是母亲的，没有当作母亲的电话",
        ),
        ("CON003", 4, "J", "father_phone", "父亲外出，缺少父亲电话"),
        ("PHN002", 4, "J", "father_phone", not_his("奶奶")),
        ("CON003", 5, "J", "father_phone", "父亲外出，缺少父亲电话"),
        ("PHN002", 5, "J", "father_phone", not_his("奶奶")),
        (
            "PHN003",
            6,
            "J",
            "father_phone",
            "“父亲电话”里标明是爷爷的号码，与“监护人电话”一栏填的不一样：没有采用，以“监护人电话”为准",
        ),
        ("CON003", 7, "J", "father_phone", "父亲外出，缺少父亲电话"),
        ("PHN002", 7, "J", "father_phone", not_his("监护人")),
    ]
    assert guardian_phones(path, tmp_path / "c.html") == [
        "13700000001",
        "13700000002",
        "13700000003",
        "＿＿＿＿＿＿",
        "13711111115",
        "13700000006",
    ]


def test_a_parents_labelled_number_in_the_guardians_column_is_the_parents(tmp_path: Path) -> None:
    """父：… (13800000002（爸爸）, 母：…) in 监护人电话 is not the guardian's number where the
    guardian is not that parent (PHN002; both parents away, the guardian's phone is then
    missing): it is the parent's, filling an empty 父亲电话, said apart from a different
    one typed there (PHN003). Where the guardian is the father (与儿童关系 父亲, or the
    father's name), the number is the guardian's, as before."""
    kids = [
        kid(1, kind="父母均外出", 父亲电话=None, 监护人电话="父：13800000001"),
        kid(2, 监护人电话="13800000002（爸爸）"),
        kid(3, 监护人电话="父：13812345678"),
        kid(4, kind="母亲外出", 与儿童关系="父亲", 监护人电话="父：13800000004"),
        kid(5, 父亲姓名="张大爷", 与儿童关系=None, 监护人电话="父：13800000005"),
        kid(6, 母亲电话=None, 监护人电话="母：13900000006"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    not_the_guardians = "“监护人电话”里的号码标着“{}”，不是监护人的，没有当作监护人的电话".format
    assert found(path) == [
        ("CON001", 2, "N", "guardian_phone", "父母均外出，缺少监护人电话"),
        ("PHN002", 2, "N", "guardian_phone", not_the_guardians("父")),
        ("PHN002", 3, "N", "guardian_phone", not_the_guardians("爸爸")),
        (
            "PHN003",
            3,
            "N",
            "guardian_phone",
            "“监护人电话”里标明是父亲的号码，与“父亲电话”一栏填的不一样：没有采用，以“父亲电话”为准",
        ),
        ("PHN002", 4, "N", "guardian_phone", not_the_guardians("父")),
        ("PHN002", 7, "N", "guardian_phone", not_the_guardians("母")),
    ]
    cards = tmp_path / "c.html"
    assert card_phones(path, cards) == [
        ("13800000001", "13912345678"),
        ("13812345678", "13912345678"),
        ("13812345678", "13912345678"),
        ("13812345678", "13912345678"),
        ("13812345678", "13912345678"),
        ("13812345678", "13900000006"),
    ]
    assert guardian_phones(path, cards) == [
        "＿＿＿＿＿＿",
        "＿＿＿＿＿＿",
        "＿＿＿＿＿＿",
        "13800000004",
        "13800000005",
        "＿＿＿＿＿＿",
    ]


def test_a_parents_number_is_the_guardians_when_nothing_tells_them_apart(tmp_path: Path) -> None:
    """母：… in 监护人电话 of a guardian 李芳 whose 与儿童关系 is blank: with no mother's
    name to tell them apart she may well be the mother at home, so the number stays the
    guardian's, as typed (no PHN002, on the card). A mother named otherwise (王丽) is
    someone else: the number is hers, not the guardian's (PHN002)."""
    at_home = {"监护人姓名": "李芳", "与儿童关系": None, "母亲电话": None}
    kids = [
        kid(1, **at_home, 监护人电话="母：13900000001"),
        kid(2, **at_home, 母亲姓名="王丽", 监护人电话="母：13900000002"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [f for f in found(path) if f[0].startswith("PHN")] == [
        (
            "PHN002",
            3,
            "N",
            "guardian_phone",
            "“监护人电话”里的号码标着“母”，不是监护人的，没有当作监护人的电话",
        )
    ]
    assert guardian_phones(path, tmp_path / "c.html") == ["13900000001", "＿＿＿＿＿＿"]


def test_a_cell_of_numbers_each_someone_elses_gives_its_person_none(tmp_path: Path) -> None:
    """A cell of two labelled numbers, neither of them the column's person's (父：…；母：… in
    监护人电话 of a grandfather guardian, 母：…；爷爷：… in 父亲电话), is no malformed number:
    each number goes where its label says (an empty phone of that person filled, a
    different number typed there said, PHN003), the cell is said not to be its person's
    (PHN002), and that person has no phone from it, on the card, on flag's list and in the
    export. Where the guardian is the father, 父：… there is still the guardian's."""
    kids = [
        kid(
            1,
            kind="父母均外出",
            父亲电话=None,
            母亲电话=None,
            监护人电话="父：13800000001；母：13900000001",
        ),
        kid(2, 父亲电话="母：13900000002；爷爷：13700000002", 母亲电话=None, 监护人电话=None),
        kid(3, kind="父母均外出", 母亲电话=None, 监护人电话="父：13811111113；母：13900000003"),
        kid(
            4,
            kind="母亲外出",
            与儿童关系="父亲",
            母亲电话=None,
            监护人电话="父：13800000004；母：13900000004",
        ),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    not_his = "“{}”里的号码标着“{}”，不是{}的，没有当作{}的电话".format
    assert found(path) == [
        ("CON001", 2, "N", "guardian_phone", "父母均外出，缺少监护人电话"),
        ("PHN002", 2, "N", "guardian_phone", not_his("监护人电话", "父、母", "监护人", "监护人")),
        ("CON003", 3, "J", "father_phone", "父亲外出，缺少父亲电话"),
        ("PHN002", 3, "J", "father_phone", not_his("父亲电话", "母、爷爷", "父亲", "父亲")),
        ("CON001", 4, "N", "guardian_phone", "父母均外出，缺少监护人电话"),
        ("PHN002", 4, "N", "guardian_phone", not_his("监护人电话", "父、母", "监护人", "监护人")),
        (
            "PHN003",
            4,
            "N",
            "guardian_phone",
            "“监护人电话”里标明是父亲的号码，与“父亲电话”一栏填的不一样：没有采用，以“父亲电话”为准",
        ),
    ]
    doc = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]] == [
        (2, ["guardian_phone"]),
        (3, ["father_phone"]),
        (4, ["guardian_phone"]),
    ]
    cards = tmp_path / "c.html"
    assert card_phones(path, cards) == [
        ("13800000001", "13900000001"),
        ("＿＿＿＿＿＿", "13900000002"),
        ("13812345678", "13900000003"),
        ("13812345678", "13900000004"),
    ]
    assert guardian_phones(path, cards) == [
        "＿＿＿＿＿＿",
        "13700000002",
        "＿＿＿＿＿＿",
        "13800000004",
    ]
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert [(r["father_phone"], r["mother_phone"], r["guardian_phone"]) for r in rows] == [
        ("13800000001", "13900000001", ""),
        ("", "13900000002", "13700000002"),
        ("13812345678", "13900000003", ""),
        ("13812345678", "13900000004", "13800000004"),
    ]


def test_a_number_with_an_extension_or_a_latin_label_is_the_number(tmp_path: Path) -> None:
    """A real number written with its extension (0817-5521234转8012, 13700002222 转 3,
    0817-5521234-8012) or after a label in Latin letters (tel, Tel:) is the number: no
    PHN001 the school could not correct, the number on the card, no missing contact."""
    kids = [
        kid(1, 父亲电话="0817-5521234转8012"),
        kid(2, 父亲电话="13700002222 转 3"),
        kid(3, 父亲电话="0817-5521234-8012"),
        kid(4, 父亲电话="tel 13500007777"),
        kid(5, 父亲电话="Tel:13500007778"),
        kid(6, 父亲电话="电话：13500007779"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == []
    doc = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]] == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("0817-5521234 转 8012", "13912345678"),
        ("13700002222 转 3", "13912345678"),
        ("0817-5521234 转 8012", "13912345678"),
        ("13500007777", "13912345678"),
        ("13500007778", "13912345678"),
        ("13500007779", "13912345678"),
    ]


def test_a_family_label_beside_another_is_the_columns_persons(tmp_path: Path) -> None:
    """家长 (the family, nobody in particular) before one of two labelled numbers in a
    person's own column (家长：…；母：… in 父亲电话) is that person's number, as it is when it
    labels the cell's one number: no PHN001, the other number the mother's, as its label
    says, on the card and filling her empty cell; a different one typed there is said
    (PHN003)."""
    kids = [
        kid(1, 父亲电话="家长：13800001111；母：13900002222", 母亲电话=None),
        kid(2, kind="父母均外出", 父亲电话="家长：13800001112；母：13900002223"),
        kid(3, 母亲电话="父母：13900003333；爷爷：13700003333", 监护人电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == [
        (
            "PHN003",
            3,
            "J",
            "father_phone",
            "“父亲电话”里标明是母亲的号码，与“母亲电话”一栏填的不一样：没有采用，以“母亲电话”为准",
        ),
    ]
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800001111", "13900002222"),
        ("13800001112", "13912345678"),
        ("13812345678", "13900003333"),
    ]
    assert guardian_phones(path, tmp_path / "c.html")[2] == "13700003333"


def test_two_numbers_labelled_as_one_persons_are_both_theirs(tmp_path: Path) -> None:
    """父：…；父：… gives the father two numbers, the first the main one: in 监护人电话 of a
    guardian who is not the father, both fill his empty cell (said not the guardian's,
    PHN002, and not compared with themselves, no PHN003; a different number typed for him
    said once); of a guardian who is the father, both are the guardian's (no PHN001); in
    父亲电话 beside the mother's (父：…；父：…；母：…), his two and hers apart."""
    kids = [
        kid(1, 父亲电话=None, 监护人电话="父：13800001111；父：13900002222"),
        kid(2, 父亲电话="13811111112", 监护人电话="父：13800001112；父：13900002223"),
        kid(3, 与儿童关系="父亲", 监护人电话="父：13800001113；父：13900002224"),
        kid(4, 父亲电话="父：13800001114；父：13900002225；母：13900003333", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    not_the_guardians = "“监护人电话”里的号码标着“父”，不是监护人的，没有当作监护人的电话"
    assert found(path) == [
        ("PHN002", 2, "N", "guardian_phone", not_the_guardians),
        ("PHN002", 3, "N", "guardian_phone", not_the_guardians),
        (
            "PHN003",
            3,
            "N",
            "guardian_phone",
            "“监护人电话”里标明是父亲的号码，与“父亲电话”一栏填的不一样：没有采用，以“父亲电话”为准",
        ),
    ]
    cards = tmp_path / "c.html"
    assert card_phones(path, cards) == [
        ("13800001111、13900002222", "13912345678"),
        ("13811111112", "13912345678"),
        ("13812345678", "13912345678"),
        ("13800001114、13900002225", "13900003333"),
    ]
    assert guardian_phones(path, cards) == [
        "＿＿＿＿＿＿",
        "＿＿＿＿＿＿",
        "13800001113、13900002224",
        "13712345678",
    ]
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert rows[0]["father_phone"] == "13800001111、13900002222"


def test_a_card_shows_the_extension_after_the_number(tmp_path: Path) -> None:
    """The contact card shows a phone's extension after the number, as the school typed it
    (0817-5521234 转 8012), in the HTML and the Word cards alike, a teacher's too; the
    number is the one read (no PHN001), the export writing the extension after it
    (0817-5521234转8012). One to four digits after a whole
    local number (0817-5521234-1) are an extension, not an eighth digit; a local number
    typed in two groups (0817-552-1234) is one number."""
    from docx import Document

    kids = [
        kid(1, 父亲电话="0817-5521234转8012"),
        kid(2, 父亲电话="0817-5521234-1", 帮扶教师="王芳"),
        kid(3, 父亲电话="0817-552-1234"),
        kid(4, 父亲电话="010-12345678-12"),
    ]
    staff = [teacher("王芳", C32, 联系电话="0817-5520000 转 21")]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    assert found(path) == []
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert [r["father_phone"] for r in rows] == [
        "0817-5521234转8012",
        "0817-5521234转1",
        "0817-5521234",
        "010-12345678转12",
    ]
    shown = [
        ("0817-5521234 转 8012", "13912345678"),
        ("0817-5521234 转 1", "13912345678"),
        ("0817-5521234", "13912345678"),
        ("010-12345678 转 12", "13912345678"),
    ]
    assert card_phones(path, tmp_path / "c.html") == shown
    docx = tmp_path / "c.docx"
    assert run("cards", path, "--format", "docx", "--out", docx).exit_code == 0
    rows = [
        (row.cells[0].text, re.search(r"电话：([^　]*)", row.cells[1].text))
        for page in Document(str(docx)).tables
        for card in page.rows
        for grid in card.cells[0].tables
        for row in grid.rows
    ]
    assert [m[1] for who, m in rows if who == "父亲"] == [father for father, _ in shown]
    assert [m[1] for who, m in rows if who == "帮扶教师"] == [
        "＿＿＿＿＿＿",
        "0817-5520000 转 21",
        "＿＿＿＿＿＿",
        "＿＿＿＿＿＿",
    ]


def test_each_number_of_a_cell_of_two_keeps_its_extension(tmp_path: Path) -> None:
    """A cell of a mobile and a landline with its extension (13812345678 0817-5521234转8012,
    …/0817-5521234-8012, 0817-5521234 转 8012 13812345678) prints each number with its own
    extension on the card and the teacher's record sheet: the extension was dropped, and a
    spaced one (转 8012) left the cell no number at all, a missing phone to flag. validate
    still asks for one number a cell (PHN001); a landline with its area code in brackets
    and a dash extension, (0817)5521234-8012, is one number, no PHN001."""
    kids = [
        kid(1, 父亲电话="13812345678 0817-5521234转8012"),
        kid(2, 父亲电话="0817-5521234转8012、13812345678"),
        kid(3, 父亲电话="13812345678/0817-5521234-8012"),
        kid(4, 父亲电话="13812345678 0817-5521234 分机8012"),
        kid(5, 父亲电话="0817-5521234 转 8012 13812345678"),
        kid(6, 父亲电话="(0817)5521234-8012", 帮扶教师="王芳"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32)])
    not_one = "“父亲电话”格式不对：应为11位手机号（1开头）或带区号的座机号"
    assert found(path) == [("PHN001", row, "J", "father_phone", not_one) for row in range(2, 7)]
    doc = run("flag", path, "--format", "json").json()
    assert [(c["row"], c["missing"]) for g in doc["classes"] for c in g["children"]] == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("13812345678、0817-5521234 转 8012", "13912345678"),
        ("0817-5521234 转 8012、13812345678", "13912345678"),
        ("13812345678、0817-5521234 转 8012", "13912345678"),
        ("13812345678、0817-5521234 转 8012", "13912345678"),
        ("0817-5521234 转 8012、13812345678", "13912345678"),
        ("0817-5521234 转 8012", "13912345678"),
    ]
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert rows[5]["father_phone"] == "0817-5521234转8012"
    sheets = tmp_path / "rs"
    made = run("record-sheets", path, "--term", "2024-autumn", "--out", sheets)
    assert made.exit_code == 0, made.stderr
    book = load_workbook(sheets / "帮扶记录表_2024年秋季学期_王芳.xlsx")["结对儿童"]
    assert [r[7] for r in book.iter_rows(min_row=3, values_only=True)] == [
        "父亲 0817-5521234 转 8012\n母亲 13912345678"
    ]


def test_an_extension_in_brackets_is_the_numbers(tmp_path: Path) -> None:
    """An extension written in brackets after a number (0817-5521234（分机8012）,
    13700002222 (转3)) is read as one written without them: the number, no PHN001, the
    extension after it on the card. The card printed a blank, the cell beside it."""
    kids = [
        kid(1, 父亲电话="0817-5521234（分机8012）"),
        kid(2, 父亲电话="13700002222 (转3)"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("0817-5521234 转 8012", "13912345678"),
        ("13700002222 转 3", "13912345678"),
    ]


def test_a_labelled_number_with_its_extension_in_brackets_is_its_persons(
    tmp_path: Path,
) -> None:
    """A labelled number with its extension in brackets among others (父：138…；
    母：0817-5521234（分机8012）) is that person's, as one without the brackets is: each
    number of the cell was read as the father's, the mother's printed on his card as his
    (and PHN001 said of the cell)."""
    kids = [
        kid(1, 父亲电话="父：13800000001；母：0817-5521234（分机8012）", 母亲电话=None),
        kid(2, 父亲电话="母：0817-5521234 (转8012)；父：13800000002", 母亲电话=None),
        kid(3, 父亲电话="13800000003/母0817-5521234（分机8012）", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800000001", "0817-5521234 转 8012"),
        ("13800000002", "0817-5521234 转 8012"),
        ("13800000003", "0817-5521234 转 8012"),
    ]


def test_a_labelled_number_with_an_extension_is_the_number(tmp_path: Path) -> None:
    """A number with its extension among labelled numbers (父：0817-5521234 分机 3；母：…)
    is read as the one alone is: the father's number, no PHN001, the mother's hers (and
    爷爷：…转12；父：… in 监护人电话 the grandfather guardian's and the father's); the card
    shows the extension after the number the cell gives it."""
    kids = [
        kid(1, 父亲电话="父：0817-5521234 分机 3；母：13900000001", 母亲电话=None),
        kid(2, 监护人电话="爷爷：0817-5520000转12；父：13800000002", 父亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == []
    cards = tmp_path / "c.html"
    assert card_phones(path, cards) == [
        ("0817-5521234 转 3", "13900000001"),
        ("13800000002", "13912345678"),
    ]
    assert guardian_phones(path, cards) == ["13712345678", "0817-5520000 转 12"]


def test_a_labelled_landline_with_its_area_code_in_brackets_is_its_persons(
    tmp_path: Path,
) -> None:
    """A labelled landline whose area code is in brackets (父：（0817）5521234转8012；
    母：139…) is the father's, with its extension, and the other number the mother's, as
    with 0817-5521234: the cell was read as two unlabelled numbers, the mother's printed
    as the father's on his card (PHN001 said of a cell that gives each their number)."""
    kids = [
        kid(1, 父亲电话="父：（0817）5521234转8012；母：13900000001", 母亲电话=None),
        kid(2, 父亲电话="母：13912345678；父：(0817)5521234-8012"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert found(path) == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("0817-5521234 转 8012", "13900000001"),
        ("0817-5521234 转 8012", "13912345678"),
    ]


def test_a_number_filled_in_from_anothers_cell_keeps_its_extension(tmp_path: Path) -> None:
    """A labelled number with its extension that fills another's empty cell (父：…；
    母：0817-5521234转8012 for an empty 母亲电话; 爷爷：…；父：…转8012 for an empty 父亲电话)
    is printed with its extension on the card and the record sheet, as in its own cell; of
    two people at one switchboard (母：0817-5521234转8013；父：0817-5521234转8012) each gets
    their own extension. The filled number was printed without it, and the father given
    the mother's extension, the one written first."""
    kids = [
        kid(1, 父亲电话="父：13800000001；母：0817-5521234转8012", 母亲电话=None, 帮扶教师="王芳"),
        kid(2, 监护人电话="爷爷：13700000002；父：0817-5521234转8012", 父亲电话=None),
        kid(3, 父亲电话="母：0817-5521234转8013；父：0817-5521234转8012", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32)])
    assert found(path) == []
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800000001", "0817-5521234 转 8012"),
        ("0817-5521234 转 8012", "13912345678"),
        ("0817-5521234 转 8012", "0817-5521234 转 8013"),
    ]
    sheets = tmp_path / "rs"
    made = run("record-sheets", path, "--term", "2024-autumn", "--out", sheets)
    assert made.exit_code == 0, made.stderr
    book = load_workbook(sheets / "帮扶记录表_2024年秋季学期_王芳.xlsx")["结对儿童"]
    assert [r[7] for r in book.iter_rows(min_row=3, values_only=True)] == [
        "父亲 13800000001\n母亲 0817-5521234 转 8012"
    ]


def test_a_guardian_parents_labelled_number_keeps_its_extension(tmp_path: Path) -> None:
    """父：0817-5521234转8012；母：… in 监护人电话 of a guardian who is the father is his
    number with its extension on the card and the record sheet; of a guardian who is the
    mother, at one switchboard with the father, hers. The extension was looked for only
    under a guardian's label (监护人, 爷爷), so the father's was printed bare."""
    kids = [
        kid(
            1,
            kind="母亲外出",
            父亲电话=None,
            母亲电话=None,
            监护人姓名="张三",
            与儿童关系="父亲",
            监护人电话="父：0817-5521234转8012；母：13900000001",
            帮扶教师="王芳",
        ),
        kid(
            2,
            父亲电话=None,
            母亲电话=None,
            监护人姓名="李四",
            与儿童关系="母亲",
            监护人电话="父：0817-5521234转8012；母：0817-5521234转8013",
        ),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("王芳", C32)])
    away = "监护人电话就是外出的父亲的电话：在家照看孩子的人没有电话"  # one switchboard
    assert found(path) == [("CON009", 3, "N", "guardian_phone", away)]
    assert guardian_phones(path, tmp_path / "c.html") == [
        "0817-5521234 转 8012",
        "0817-5521234 转 8013",
    ]
    sheets = tmp_path / "rs"
    made = run("record-sheets", path, "--term", "2024-autumn", "--out", sheets)
    assert made.exit_code == 0, made.stderr
    book = load_workbook(sheets / "帮扶记录表_2024年秋季学期_王芳.xlsx")["结对儿童"]
    assert [r[6:8] for r in book.iter_rows(min_row=3, values_only=True)] == [
        ("0817-5521234 转 8012", "母亲 13900000001")
    ]


def test_a_csv_export_lacks_the_column_its_roster_lacks(tmp_path: Path) -> None:
    """A roster with no 母亲电话 column, one mother's number in 父亲电话 (父：…；母：…): the
    CSV export holds that number as hers, but its 母亲电话 is still no column of the
    school's sheet, so validate of the export says the column missing (COL001), as of the
    roster, not the other mother without a phone (CON003); flag and the cards agree."""
    kids = [
        kid(1, kind="母亲外出", 父亲电话="13800000001"),
        kid(2, kind="母亲外出", 父亲电话="父：13800000002；母：13900000002"),
    ]
    for row in kids:
        del row["母亲电话"]
    path = roster(tmp_path / "r.xlsx", kids, None)
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    missing = ("COL001", None, None, "mother_phone", "缺少必需的列“母亲电话”")
    assert found(path) == [missing]
    assert found(out) == [missing]
    for each in (path, out):
        doc = run("flag", each, "--format", "json").json()
        assert [(c["name"], c["missing"]) for g in doc["classes"] for c in g["children"]] == [
            ("张雨涵", ["mother_phone"])
        ]
    cards = [("13800000001", "＿＿＿＿＿＿"), ("13800000002", "13900000002")]
    assert card_phones(path, tmp_path / "a.html") == cards
    assert card_phones(out, tmp_path / "b.html") == cards


def test_a_parents_number_is_not_the_guardians_when_that_parent_is_away(tmp_path: Path) -> None:
    """母：… in 监护人电话 of a guardian of blank 与儿童关系 was taken for the guardian's
    whatever the 留守类型: where the mother is the one away (母亲外出) the card gave her
    number as the guardian's at home and validate said the mother had none (CON003); where
    both are away, 父：…；母：… was all the guardian's (CON002, both parents without a
    phone). A parent's label names such a guardian only when that parent is at home."""
    unknown = {"监护人姓名": "王桂兰", "与儿童关系": None, "父亲电话": None, "母亲电话": None}
    kids = [
        kid(1, kind="母亲外出", **unknown, 监护人电话="母：13912345679"),
        kid(2, kind="父母均外出", **unknown, 监护人电话="父：13812345678；母：13912345678"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [f[:3] for f in found(path)] == [
        ("CON004", 2, "N"),  # 母亲外出，监护人和另一方家长都没有电话
        ("PHN002", 2, "N"),  # 标着“母”，不是监护人的
        ("CON001", 3, "M"),  # 缺少监护人与儿童关系
        ("CON001", 3, "N"),  # 缺少监护人电话
        ("PHN002", 3, "N"),  # 标着“父、母”，不是监护人的
    ]
    cards = tmp_path / "c.html"
    assert card_phones(path, cards) == [
        ("＿＿＿＿＿＿", "13912345679"),
        ("13812345678", "13912345678"),
    ]
    assert guardian_phones(path, cards) == ["＿＿＿＿＿＿", "＿＿＿＿＿＿"]


def test_a_parent_at_home_by_the_work_places_is_the_guardian_of_a_one_parent_child(
    tmp_path: Path,
) -> None:
    """单亲留守 (the 学籍 export's word: one parent away, unsaid which) is read as the parent
    whose 务工地点 places them away; 母：… in 监护人电话 of a guardian of blank 与儿童关系 is
    then the guardian's where the mother is the one at home, as it is of a row saying
    父亲外出, and no PHN002; where the mother is the one away (单亲留守儿童, 母亲 in 浙江)
    it stays hers. The 留守类型 cell alone, which says neither parent, made it the mother's."""
    unknown = {"监护人姓名": None, "与儿童关系": None, "母亲电话": None}
    kids = [
        kid(1, kind="单亲留守", **unknown, 监护人电话="母：13912345001"),
        kid(2, kind="父亲外出", **unknown, 监护人电话="母：13912345002"),
        kid(3, kind="单亲留守儿童", **unknown, 监护人电话="母：13912345003"),
    ]
    places = [("广东省广州市", "在家"), ("广东省广州市", "在家"), ("在家", "浙江省杭州市")]
    for row, (father, mother) in zip(kids, places, strict=True):
        row["父亲务工地点"], row["母亲务工地点"] = father, mother
    kids[2]["父亲电话"] = None
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [f for f in found(path) if f[0].startswith(("PHN", "CON", "VAL"))] == [
        ("CON004", 4, "N", "guardian_phone", "母亲外出，监护人和另一方家长都没有电话"),
        (
            "PHN002",
            4,
            "N",
            "guardian_phone",
            "“监护人电话”里的号码标着“母”，不是监护人的，没有当作监护人的电话",
        ),
    ]
    cards = tmp_path / "c.html"
    assert guardian_phones(path, cards) == ["13912345001", "13912345002", "＿＿＿＿＿＿"]
    page = card_page(cards)
    assert re.findall(r"留守类型：([^　<]*)", page) == ["父亲外出", "父亲外出", "母亲外出"]


def test_a_guardians_number_labelled_with_the_relation_is_the_guardians(tmp_path: Path) -> None:
    """A 监护人电话 labelled as the grandfather's, the grandmother's or an uncle's
    (祖父13812340001, 外祖母：…, 舅舅…) is the guardian's number, as 爷爷… was; it was
    PHN001, a malformed phone, and lbc flag listed the child as unreachable. In a father's
    column, an uncle's number is not the father's (PHN002), as a grandparent's is not. One
    labelled 父母 in a guardian's cell, both parents away, is asked about (PHN001), not
    taken for the guardian's."""
    kids = [
        kid(1, 监护人电话="祖父13812340001"),
        kid(2, 与儿童关系="外祖母", 监护人电话="外祖母：13812340002"),
        kid(3, 与儿童关系="舅舅", 监护人电话="舅舅13812340003"),
        kid(4, 父亲电话="叔叔13812340004"),
    ]
    kids.append(kid(5, kind="父母均外出", 监护人电话="父母13812340005"))
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [(code, row) for code, row, *_ in found(path)] == [
        ("CON003", 5),
        ("PHN002", 5),
        ("PHN001", 6),  # the parents' number, both away: whose is it?
    ]
    assert run("flag", path, "--format", "json").json()["summary"]["children"] == 2


def test_a_number_left_unlabelled_beside_the_mothers_is_the_fathers(tmp_path: Path) -> None:
    """父亲电话 13812340001、13912340002（母）, 母亲电话 empty: the label after the second
    number is that number's; the first is the father's, the second the mother's, on the
    card and to lbc flag. Both were printed as the father's and the mother's line left
    blank; 13812340001、13912340002 with no label at all stays the father's two."""
    kids = [
        kid(1, kind="父母均外出", 父亲电话="13812340001、13912340002（母）", 母亲电话=None),
        kid(2, kind="父母均外出", 父亲电话="13812340003、13912340004", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert card_phones(path, tmp_path / "c.html") == [
        ("13812340001", "13912340002"),
        ("13812340003、13912340004", "＿＿＿＿＿＿"),
    ]


def test_the_familys_labelled_numbers_fill_the_parents_empty_cells(tmp_path: Path) -> None:
    """The 学籍 export's 联系电话 (read as 家长电话) gives 父13812340001 母13912340002, and
    the school's 父亲电话 and 母亲电话 beside it are empty: the numbers are the parents', on
    the card and to lbc validate, which said neither parent had a phone (CON002); so is
    one labelled after it (13912340004（母）). A number not labelled a parent's fills
    nothing."""
    kids = [
        kid(
            1,
            kind="父母均外出",
            父亲电话=None,
            母亲电话=None,
            联系电话="父13812340001 母13912340002",
        ),
        kid(2, kind="父母均外出", 父亲电话=None, 母亲电话=None, 联系电话="13812340003"),
        kid(3, kind="父母均外出", 监护人电话=None, 联系电话="叔叔13712340001"),
        kid(4, kind="父母均外出", 母亲电话=None, 联系电话="13912340004（母）"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [(code, row) for code, row, *_ in found(path)] == [("CON002", 3), ("CON001", 4)]
    assert card_phones(path, tmp_path / "c.html") == [
        ("13812340001", "13912340002"),
        ("＿＿＿＿＿＿", "＿＿＿＿＿＿"),
        ("13812345678", "13912345678"),
        ("13812345678", "13912340004"),
    ]


def test_a_number_in_the_guardians_cell_labelled_as_another_households_is_not_hers(
    tmp_path: Path,
) -> None:
    """爷爷13812340001 in 监护人电话 where the guardian is the 外祖母 (the mother's mother,
    another home than the father's father's) was read as her number, and the child said
    reachable. It is no number of hers (PHN002, and CON001: none), as a parent's there is
    not. A grandparent of her own side (爷爷 for a guardian 祖母, 外公 for 外祖母) is one
    home's; and a relative's or a grandparent's number for a guardian who is no
    grandparent (舅妈 for 舅舅, 外公 for a 亲属, 奶奶 for the mother, 姑姑 for 奶奶) may
    well be the home's: all read as before."""
    kids = [
        kid(1, kind="父母均外出", 与儿童关系="外祖母", 监护人电话="爷爷13812340001"),
        kid(2, kind="父母均外出", 与儿童关系="祖父母", 监护人电话="13812340002（外公）"),
        kid(3, kind="父母均外出", 与儿童关系="祖母", 监护人电话="爷爷：13812340003"),
        kid(4, kind="父母均外出", 与儿童关系="外祖母", 监护人电话="外公13812340004"),
        kid(5, kind="父母均外出", 与儿童关系="舅舅", 监护人电话="舅妈13812340005"),
        kid(6, kind="父母均外出", 与儿童关系="亲属", 监护人电话="外公13812340006"),
        kid(7, kind="父亲外出", 与儿童关系="母亲", 监护人电话="奶奶13812340007"),
        kid(8, kind="父母均外出", 与儿童关系="祖母", 监护人电话="姑姑13812340008"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    not_hers = "“监护人电话”里的号码标着“{}”，不是监护人的，没有当作监护人的电话".format
    assert found(path) == [
        ("CON001", 2, "N", "guardian_phone", "父母均外出，缺少监护人电话"),
        ("PHN002", 2, "N", "guardian_phone", not_hers("爷爷")),
        ("CON001", 3, "N", "guardian_phone", "父母均外出，缺少监护人电话"),
        ("PHN002", 3, "N", "guardian_phone", not_hers("外公")),
    ]


def test_the_pairs_workbook_prints_a_teachers_extension(tmp_path: Path) -> None:
    """A teacher's 0817-5521234转8012 is printed in the pairs workbook as the card prints
    it, on the pairs sheet and the teachers' sheet alike: it was written without its
    extension, the number of a switchboard with no one to ask for."""
    staff = [teacher("王芳", C32, 联系电话="0817-5521234转8012")]
    path = roster(tmp_path / "r.xlsx", [kid(1, 帮扶教师="王芳")], staff)
    assert run("pair", path, "--out", tmp_path / "pairs.xlsx").exit_code == 0
    book = load_workbook(tmp_path / "pairs.xlsx")
    assert [r[6:8] for r in book["结对名单"].iter_rows(min_row=3, max_row=3, values_only=True)] == [
        ("王芳", "0817-5521234 转 8012")
    ]
    assert [r[1:4] for r in book["教师帮扶名单"].iter_rows(min_row=3, values_only=True)] == [
        ("王芳", "科任教师", "0817-5521234 转 8012")
    ]


def test_the_export_keeps_a_numbers_extension(tmp_path: Path) -> None:
    """A guardian's phone cell of a landline and its extension alone (0817-5521234转8012),
    a teacher's, and a labelled one filling another's empty cell are exported with the
    extension after the number, in the CSV, the Parquet file and the workbook: the CSV
    and the Parquet file wrote the number alone. Read back, the Parquet files (lbc merge
    writes one too) are validated as the school's own file is, the CSV and the workbook
    say the same findings at their own rows, and the cards of each print what the
    roster's print."""
    kids = [
        kid(1, 监护人电话="0817-5521234转8012"),
        kid(2, 父亲电话="父：13800000002；母：0817-5521234（分机8013）", 母亲电话=None),
        kid(3, 父亲电话="母：0817-5521234转8012"),
    ]
    staff = [teacher("王芳", C32, 联系电话="0817-5520000 转 21")]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    keys = ("father_phone", "mother_phone", "guardian_phone")
    want = [
        ("13812345678", "13912345678", "0817-5521234转8012"),
        ("13800000002", "0817-5521234转8013", "13712345678"),
        ("", "13912345678", "13712345678"),
        ("0817-5520000转21",),
    ]
    cards = card_phones(path, tmp_path / "c.html")
    assert run("merge", path, "--out", tmp_path / "m.parquet").exit_code == 1
    for out in ("x.csv", "x.parquet", "x.xlsx"):
        assert run("export", path, "--out", tmp_path / out).exit_code == 0
    with (tmp_path / "x.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] in ("children", "teachers")]
    assert [tuple(r[k] for k in keys) for r in rows[:3]] + [(rows[3]["phone"],)] == want
    rows = pq.read_table(tmp_path / "x.parquet").to_pylist()
    assert [tuple(r[k] or "" for k in keys) for r in rows[:3]] + [(rows[3]["phone"],)] == want
    book = load_workbook(tmp_path / "x.xlsx")
    assert [r[30] for r in book["留守儿童花名册"].iter_rows(min_row=2, values_only=True)] == [
        "0817-5521234转8012",
        "13712345678",
        "13712345678",
    ]
    assert [r[6] for r in book["教师名单"].iter_rows(min_row=2, values_only=True)] == [
        "0817-5520000 转 21"
    ]
    source = run("validate", path, "--format", "json").json()["findings"]
    assert [f["code"] for f in source] == ["CON003", "PHN002", "PHN003"]
    for out in ("m.parquet", "x.parquet"):
        assert run("validate", tmp_path / out, "--format", "json").json()["findings"] == source
        assert card_phones(tmp_path / out, tmp_path / f"{out}.html") == cards
    for out in ("x.csv", "x.xlsx"):
        back = run("validate", tmp_path / out, "--format", "json").json()["findings"]
        assert [(f["code"], f["field"], f["value"]) for f in back] == [
            (f["code"], f["field"], f["value"]) for f in source
        ]
        assert card_phones(tmp_path / out, tmp_path / f"{out}.html") == cards


def test_a_remark_after_a_labelled_number_is_no_part_of_it(tmp_path: Path) -> None:
    """父：…（微信同号）；母：… is the father's number and the mother's, the remark saying
    nothing of whose it is, as it says nothing after a number alone (it was PHN001, and
    neither parent had a number); a remark saying the number is dead (（停机）) leaves the
    cell for the school to mend."""
    kids = [
        kid(1, 父亲电话="父：13800001111（微信同号）；母：13900002222", 母亲电话=None),
        kid(2, 父亲电话="父亲13800001112（微信），母亲13900002223（微信同号）", 母亲电话=None),
        kid(3, 父亲电话="父：13800001113（停机）；母：13900002224", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [(code, row, column) for code, row, column, _, _ in found(path)] == [("PHN001", 4, "J")]
    assert card_phones(path, tmp_path / "c.html") == [
        ("13800001111", "13900002222"),
        ("13800001112", "13900002223"),
        ("＿＿＿＿＿＿（父:13800001113(停机);母:13900002224）", "＿＿＿＿＿＿"),
    ]


def test_a_remark_naming_someone_after_a_labelled_number_leaves_it_unread(
    tmp_path: Path,
) -> None:
    """A remark after a labelled number that names someone (（母亲的）, （爷爷在用）), or
    another person than its label (父：…（妈妈）), says the number may be that person's:
    the cell is left for the school to mend (PHN001), never the label's number. So is one
    saying the number is cancelled (（已销号）), as （停机） is."""
    kids = [
        kid(1, 父亲电话="父：13800001111（母亲的）；母：13900002222", 母亲电话=None),
        kid(2, 父亲电话="父：13800001112（爷爷在用）；母：13900002223", 母亲电话=None),
        kid(3, 父亲电话="父：13800001113（妈妈）；母：13900002224", 母亲电话=None),
        kid(4, 父亲电话="父：13800001114（已销号）；母：13900002225", 母亲电话=None),
        kid(5, 父亲电话="父：13800001115（微信同号）；母：13900002226", 母亲电话=None),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [(code, row, column) for code, row, column, _, _ in found(path)] == [
        ("PHN001", 2, "J"),
        ("PHN001", 3, "J"),
        ("PHN001", 4, "J"),
        ("PHN001", 5, "J"),
    ]
    assert card_phones(path, tmp_path / "c.html")[4] == ("13800001115", "13900002226")


def test_a_remark_naming_someone_after_a_number_alone_leaves_it_unread(tmp_path: Path) -> None:
    """A number with a remark naming someone after it (（母亲的）, （奶奶在用）) is not read
    as the column's person's, as the same remark after a labelled number is not: PHN001
    asks whose it is. （微信同号） after a number is still read past."""
    kids = [
        kid(1, 父亲电话="13800001111（母亲的）"),
        kid(2, 监护人电话="13700001112（奶奶在用）"),
        kid(3, 父亲电话="13800001113（微信同号）"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, None)
    assert [(code, row, column) for code, row, column, _, _ in found(path)] == [
        ("PHN001", 2, "J"),
        ("PHN001", 3, "N"),
    ]
