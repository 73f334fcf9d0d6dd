"""Whether a phone cell gives a number to call is answered once (phones.numbers_to_call), and
every command that asks says the same: flag's to-do list, the watch list, the summary's
contacts and the contact cards. validate still reports the cell's format (PHN001): the
archive holds one number per cell."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    card_page,
    child_row,
    run,
    write_child_csv,
    write_xlsx,
)

# The mother is away; the father and the guardian have a number each.
MOTHERS = [
    "13912345678/13612345678",
    "13912345678 13612345678",
    "无",
    "已停机",
    None,
    "13912345678",
]
NAMES = ["张雨涵", "李明轩", "王梓萱", "刘浩然", "陈思彤", "杨子墨"]
BLANK = "＿＿＿＿＿＿"


def workspace(tmp_path: Path) -> Path:
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    for n, cell in enumerate(MOTHERS, 1):
        kids.append([*child_row(n, kind="母亲外出", 母亲电话=cell), "李老师" if n == 1 else None])
    teachers = [
        TEACHER_HEADER,
        ["李老师", "女", "13800000001/13800000002", "班主任", "三年级(2)班", "语文", "是", "是"],
        ["王老师", "男", "已调走", "科任教师", "三年级(2)班", "数学", "否", "是"],
    ]
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": teachers})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch]\nthreshold = 1\n', encoding="utf-8"
    )
    return tmp_path


def test_every_command_agrees_on_which_phone_cells_give_a_number(tmp_path: Path) -> None:
    """Two numbers in a cell (split by / or a space) are two numbers to call; 已停机 and an
    empty cell give none, and 无 is an empty cell. validate says PHN001 of every cell that
    is neither one number nor saying there is none; flag, watch, the summary and the cards
    all count rows 4, 5, 6 as without the mother's number, and rows 2, 3 as reachable; the
    teacher with two numbers is reachable too.
    flag and the summary counted 无 and 已停机 differently, and the watch list said two
    numbers were no number to call."""
    ws = workspace(tmp_path)
    findings = run("validate", "--format", "json", cwd=ws).json()["findings"]
    assert [(f["code"], f["sheet"], f["row"], f["column"]) for f in findings] == [
        ("PHN001", "儿童", 2, "K"),
        ("PHN001", "儿童", 3, "K"),
        ("CON003", "儿童", 4, "K"),
        ("PHN001", "儿童", 5, "K"),
        ("CON003", "儿童", 6, "K"),
        ("PHN001", "教师", 2, "C"),
        ("PHN001", "教师", 3, "C"),
    ]

    flag = run("flag", "--format", "json", cwd=ws).json()
    flagged = [
        (c["row"], c["name"], c["missing_text"]) for g in flag["classes"] for c in g["children"]
    ]
    assert flagged == [
        (4, "王梓萱", ["母亲电话"]),
        (5, "刘浩然", ["母亲电话"]),
        (6, "陈思彤", ["母亲电话"]),
    ]
    assert [(x["name"], x["row"]) for x in flag["teachers"]] == [("王老师", 3)]

    watch = run("watch", "--as-of", "2024-10-08", "--format", "json", cwd=ws).json()
    listed = [
        (c["row"], [r["message"] for r in c["reasons"] if r["code"] == "WCH014"])
        for g in watch["classes"]
        for c in g["children"]
    ]
    assert sorted(x for x in listed if x[1]) == [
        (4, ["母亲外出，没有电话"]),
        (5, ["母亲外出，电话一栏不是可拨打的号码"]),
        (6, ["母亲外出，没有电话"]),
    ]

    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws).json()
    assert (summary["archive"]["contacts_complete"], summary["archive"]["contacts_rate"]) == (
        3,
        0.5,
    )
    assert (
        "联系方式不全：有 3 名儿童缺少外出父母或监护人的联系电话，遇事难以及时联系。"
        in (summary["problems"])
    )

    assert run("cards", "--out", "c.html", cwd=ws).exit_code == 0
    page = card_page(ws / "c.html")
    mothers = re.findall(r"<th>母亲</th><td[^>]*>姓名：＿+　电话：([^　]*)　", page)
    assert mothers == [
        "13912345678、13612345678",
        "13912345678、13612345678",
        BLANK,
        f"{BLANK}（已停机）",
        BLANK,
        "13912345678",
    ]
    teacher = re.findall(r"<th>帮扶教师</th><td[^>]*>姓名：([^　]*)　电话：([^<]*)</td>", page)
    assert teacher[0] == ("李老师", "13800000001、13800000002")


def test_the_lists_for_teachers_carry_each_number_a_cell_gives(tmp_path: Path) -> None:
    """The pairs workbook's teacher phone and a record sheet's parents' phones print each
    number of a cell of two (they printed nothing for it), and nothing for 已调走."""
    ws = workspace(tmp_path)
    run("pair", "--out", "pairs.xlsx", cwd=ws)
    sheet = load_workbook(ws / "pairs.xlsx")["教师帮扶名单"]
    phones = [(r[1], r[3]) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert phones == [("李老师", "13800000001、13800000002"), ("王老师", None)]

    assert run("record-sheets", "--term", "2024-autumn", "--out", "rs", cwd=ws).exit_code == 0
    book = load_workbook(ws / "rs" / "帮扶记录表_2024年秋季学期_李老师.xlsx")["结对儿童"]
    assert [r[6:8] for r in book.iter_rows(min_row=3, max_row=3, values_only=True)] == [
        ("13712345678", "父亲 13812345678\n母亲 13912345678、13612345678")
    ]


def test_a_record_sheet_says_whose_number_each_parent_phone_is(tmp_path: Path) -> None:
    """The 结对儿童 sheet's 父母电话 names the parent of each number: a lone number there
    did not say whether the father or the mother would answer it, and a number shared by
    both is both of theirs."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    for n, (father, mother) in enumerate(
        [(None, "13912345678"), ("13812345678", None), ("13812345678", "13812345678")], 1
    ):
        kids.append([*child_row(n, 父亲电话=father, 母亲电话=mother), "李老师"])
    teacher = ["李老师", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": [TEACHER_HEADER, teacher]})
    made = run("record-sheets", "roster.xlsx", "--term", "2024-autumn", "--out", "rs", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    book = load_workbook(tmp_path / "rs" / "帮扶记录表_2024年秋季学期_李老师.xlsx")["结对儿童"]
    assert book["A1"].value == "李老师结对儿童"  # a teacher listed as 李老师: 老师 once
    back = run("validate", "roster.xlsx", "rs", "--format", "json", cwd=tmp_path)
    assert back.json()["summary"]["children"] == 3  # handed back, still no second roster
    assert [r[1:8:6] for r in book.iter_rows(min_row=3, values_only=True)] == [
        ("张雨涵", "母亲 13912345678"),
        ("李明轩", "父亲 13812345678"),
        ("王梓萱", "父亲 13812345678\n母亲 13812345678"),
    ]


def test_a_record_sheet_keeps_the_extension_a_card_shows(tmp_path: Path) -> None:
    """A guardian's 0817-5521234转8012 and a father's 0817-5521234-1 were printed on the
    teacher's record sheet without their extensions (the card had them): the teacher
    reached the switchboard with no one to ask for."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    kids.append(
        [*child_row(1, 监护人电话="0817-5521234转8012", 父亲电话="0817-5521234-1"), "李老师"]
    )
    teacher = ["李老师", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"]
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": [TEACHER_HEADER, teacher]})
    made = run("record-sheets", "roster.xlsx", "--term", "2024-autumn", "--out", "rs", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    book = load_workbook(tmp_path / "rs" / "帮扶记录表_2024年秋季学期_李老师.xlsx")["结对儿童"]
    assert [r[6:8] for r in book.iter_rows(min_row=3, values_only=True)] == [
        ("0817-5521234 转 8012", "父亲 0817-5521234 转 1\n母亲 13912345678")
    ]


def test_a_phone_written_out_as_a_number_is_a_number_to_call(tmp_path: Path) -> None:
    """A CSV written by a program from number cells holds each phone as 13812345678.0: a
    number to call, in validate (no PHN001) and in flag (no child without a parent's
    number), as the number cell it was is."""
    path = write_child_csv(
        tmp_path / "花名册.csv",
        child_row(1, 父亲电话="13800000001.0", 母亲电话="13900000001.0"),
        child_row(2, 监护人电话="13700000002.0"),
    )
    result = run("validate", path, "--format", "json")
    assert (result.exit_code, result.json()["findings"]) == (0, [])
    flag = run("flag", path, "--format", "json")
    assert (flag.exit_code, flag.json()["classes"]) == (0, [])


def test_the_watch_list_says_both_parents_are_away_of_either_phone(tmp_path: Path) -> None:
    """Of a child whose parents are both away, the watch list names whose phone is lacking
    after 父母均外出. It said 「父亲外出，没有电话」 and 「母亲外出，…」, each of which reads
    as that parent alone being away, the other at home to call."""
    kids = [
        CHILD_HEADER,
        child_row(1, 父亲电话=None, 母亲电话="已停机"),
        child_row(2, kind="父亲外出", 父亲电话=None),
    ]
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": [TEACHER_HEADER]})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\n\n[watch]\nthreshold = 1\n', encoding="utf-8"
    )
    args = ("watch", "--as-of", "2024-10-08", "--format", "json")
    for lang, words in (
        (
            "zh",
            [
                ["父母均外出，父亲没有电话", "父母均外出，母亲电话一栏不是可拨打的号码"],
                ["父亲外出，没有电话"],
            ],
        ),
        (
            "en",
            [
                [
                    "both parents are away and the father has no phone",
                    "both parents are away and the mother's phone cell is no number to call",
                ],
                ["the father is away and has no phone"],
            ],
        ),
    ):
        watch = run("--lang", lang, *args, cwd=tmp_path).json()
        said = [
            [r["message"] for r in c["reasons"] if r["code"] == "WCH014"]
            for g in watch["classes"]
            for c in g["children"]
        ]
        assert said == words


def test_a_landline_with_a_space_after_its_area_code_beside_a_mobile(tmp_path: Path) -> None:
    """13812345678 0817 5521234 (a mobile, then a landline with a space between its area
    code and number) gives both numbers, the mobile first: flag no longer lists the father
    as without a phone, and the card prints both where it printed a blank. A mobile typed
    in groups before it is read as well; a cell of a number and an ID number in groups
    still gives none."""
    kids = [CHILD_HEADER]
    for n, cell in enumerate(
        ["13812345678 0817 5521234", "138 1234 5678 0817 5521234", "13812345678 511321 2016"], 1
    ):
        kids.append(child_row(n, kind="父亲外出", 父亲电话=cell))
    write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": [TEACHER_HEADER]})
    flag = run("flag", "roster.xlsx", "--format", "json", cwd=tmp_path).json()
    assert [(c["row"], c["missing"]) for g in flag["classes"] for c in g["children"]] == [
        (4, ["father_phone"])
    ]
    assert run("cards", "roster.xlsx", "--out", "c.html", cwd=tmp_path).exit_code == 0
    page = card_page(tmp_path / "c.html")
    assert re.findall(r"<th>父亲</th><td[^>]*>姓名：＿+　电话：([^　<]*)", page) == [
        "13812345678、0817-5521234",
        "13812345678、0817-5521234",
        f"{BLANK}（13812345678 511321 2016）",
    ]
