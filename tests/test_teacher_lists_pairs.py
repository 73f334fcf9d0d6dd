"""Pairs a school keeps in its teachers list: a 帮扶学生姓名 / 帮扶对象 column of the children
each teacher supports, read as pairs (lbc/roster/pairs.py ``listed_pairs``) by every command
that reads the pairs in force, beside the roster's 帮扶教师 column.

Through the real CLI on real workbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_namesakes import CARD, fill_first_row, namesakes, rows_of, sheet
from test_namesakes import kid as kid51
from test_namesakes import teacher as teacher51
from test_pair import C32, C51, KEPT, kid, pair_json, roster, teacher, who

from conftest import RECORD_HEADER, card_page, run, table, write_xlsx


def findings(path: Path, select: str = "TCH") -> list[tuple[str, str, int, str, str, str]]:
    """(code, severity, row, column, field, message) of each finding lbc validate makes."""
    result = run("validate", path, "--select", select, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # the findings say it: no note besides
    return [
        (f["code"], f["severity"], f["row"], f["column"], f["field"], f["message"])
        for f in result.json()["findings"]
    ]


def listing(name: str, classes: str, children: str, **extra: Any) -> dict[str, Any]:
    return {**teacher(name, classes), "帮扶学生姓名": children, **extra}


def test_a_teachers_list_of_their_children_is_the_pairs_in_force(tmp_path: Path) -> None:
    """No 帮扶教师 column in the roster: 王芳's row lists 张雨涵 and 李明轩 (、 and a line
    break between them), 李强's 王梓萱. lbc pair keeps the three pairs, and lbc due, the
    cards and the summary see them, as they see the roster's 帮扶教师 column."""
    kids = [kid(n) for n in (1, 2, 3)]
    staff = [listing("王芳", C32, "张雨涵、\n李明轩"), listing("李强", C51, "王梓萱")]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc) == {
        "张雨涵": ("王芳", KEPT, True),
        "李明轩": ("王芳", KEPT, True),
        "王梓萱": ("李强", KEPT, True),
    }
    assert findings(path) == []
    due = run("due", path, "--as-of", "2024-09-20", "--format", "json", cwd=tmp_path)
    assert due.exit_code == 0, due.stderr
    assert [
        (x["teacher"], [c["child"] for c in x["children"]]) for x in due.json()["teachers"]
    ] == [
        ("王芳", ["张雨涵", "李明轩"]),
        ("李强", ["王梓萱"]),
    ]
    made = run("cards", path, "--out", tmp_path / "卡.html", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    shown = CARD.findall(card_page(tmp_path / "卡.html"))
    assert [(name, teacher) for name, _, teacher in shown] == [
        ("张雨涵", "王芳"),
        ("李明轩", "王芳"),
        ("王梓萱", "李强"),
    ]
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.exit_code == 0, summary.stderr
    assert summary.json()["pairing"]["paired"] == 3


def test_a_name_of_nobody_or_of_namesakes_pairs_nobody_and_is_said(tmp_path: Path) -> None:
    """李小明 is nobody of the roster (TCH005); 郑十 is two children (TCH006, naming their
    rows), unless the cell gives the class: 郑十(四年级1班) pairs the one of 四年级(1)班. Each
    finding points at the teachers list's cell; lbc pair and lbc due say how many names
    paired nobody."""
    kids = [kid(1), kid(2, 姓名="郑十"), kid(3, "四年级(1)班", 姓名="郑十")]
    staff = [
        listing("王芳", C32, "张雨涵，李小明；郑十"),
        listing("李强", C51, "郑十（四年级1班）"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    assert findings(path) == [
        ("TCH005", "warning", 2, "I", "children", "帮扶学生“李小明”不在花名册中，没有结对"),
        (
            "TCH006",
            "warning",
            2,
            "I",
            "children",
            "帮扶学生“郑十”在花名册中有 2 名同名儿童（“花名册”第 3 行、“花名册”第 4 行），"
            "分不清是哪一个，没有结对；请在名字后用括号注明班级",
        ),
    ]
    result = run("pair", "r.xlsx", "--format", "json", cwd=tmp_path)
    assert [(p["child"], p["class"], p["teacher"], p["kept"]) for p in result.json()["pairs"]] == [
        ("张雨涵", "三年级(2)班", "王芳", True),
        ("郑十", "三年级(2)班", "王芳", False),
        ("郑十", "四年级(1)班", "李强", True),
    ]
    assert result.stderr.splitlines()[0] == (
        "提示：r.xlsx 的“教师”中 帮扶学生姓名(I) 列有 2 个帮扶学生没有结对（不在花名册、有重名，"
        "或与别处写的帮扶教师不同）；运行 lbc validate 查看"
    )


def test_the_roster_column_stands_against_a_teachers_list(tmp_path: Path) -> None:
    """The roster's 帮扶教师 says 李强 for 张雨涵, the teachers list 王芳: the roster stands
    (TCH007 at 王芳's cell). Where both say 李强 (李明轩) nothing is said. Two teachers of
    the list naming 王梓萱 pair her with neither."""
    kids = [kid(1, 帮扶教师="李强"), kid(2, 帮扶教师="李强"), kid(3)]
    staff = [
        listing("王芳", C32, "张雨涵 王梓萱"),
        listing("李强", C51, "李明轩"),
        listing("赵敏", C51, "王梓萱"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    assert findings(path) == [
        (
            "TCH007",
            "warning",
            2,
            "I",
            "children",
            "帮扶学生“张雨涵”在花名册“花名册”第 2 行的帮扶教师是李强，与这里不同；"
            "以花名册为准，计为李强的帮扶学生",
        ),
        (
            "TCH007",
            "warning",
            4,
            "I",
            "children",
            "帮扶学生“王梓萱”在教师名单“教师”第 2 行的帮扶教师是王芳，与这里不同；"
            "两处都不算，这名儿童暂无帮扶教师",
        ),
    ]
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc)["张雨涵"] == ("李强", KEPT, True)
    assert who(doc)["李明轩"] == ("李强", KEPT, True)
    assert who(doc)["王梓萱"][2] is False  # paired anew: no pair was in force
    english = run("--lang", "en", "validate", path, "--select", "TCH007", "--format", "json")
    assert english.json()["findings"][0]["message"] == (
        "child '张雨涵' has 李强 as support teacher in the roster, '花名册' row 2, not this"
        " teacher; the roster stands: counted as 李强's"
    )


def test_a_pair_moved_on_the_teachers_list_after_saving_moves(tmp_path: Path) -> None:
    """Paired and saved from the teachers list, then the school moves 李明轩 from 王芳's row
    to 李强's: the pairs workbook recorded what the list said, so the move is the newer
    decision, as a changed 帮扶教师 cell is."""
    ws = tmp_path / "ws"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    kids = [kid(1), kid(2)]
    staff = [listing("王芳", C32, "张雨涵、李明轩"), listing("李强", C51, "")]
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    assert run("pair", "--save", cwd=ws).exit_code == 0
    day = dt.date.today()
    saved = (
        f"提示：帮扶教师以结对名单 结对名单.xlsx（{day.year}年{day.month}月{day.day}日结对）为准"
    )
    assert run("cards", "--out", "卡.html", cwd=ws).stderr.splitlines()[0] == (
        f"{saved}，共 2 名儿童"
    )
    (ws / "roster.xlsx").unlink()
    staff = [listing("王芳", C32, "张雨涵"), listing("李强", C51, "李明轩")]
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    code, doc = pair_json(ws)
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", KEPT, True), "李明轩": ("李强", KEPT, True)}
    assert run("cards", "--out", "卡2.html", cwd=ws).stderr.splitlines()[0] == (
        f"{saved}，共 2 名儿童；其中 1 名儿童在结对后改在教师名单另一位老师名下，以教师名单为准"
    )


def test_namesakes_told_apart_by_their_teachers_are_said_so(tmp_path: Path) -> None:
    """Two 张伟 of 五年级(1)班 with no ID number or birth date (DUP004): each paired with a
    teacher of her own, a record naming 张伟 is the one its teacher supports, and DUP004
    says so rather than that the records count for nobody."""
    kids = namesakes(born=False)
    kids[0]["帮扶教师"], kids[1]["帮扶教师"] = "李强", "王芳"
    staff = [teacher51("李强", "13800000001"), teacher51("王芳", "13800000002")]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff)})
    assert [f[2:] for f in findings(path, "DUP")] == [
        (
            3,
            "B",
            "name",
            "与第 2 行同名同班，两行都没有身份证号和出生日期，分不清是哪个孩子："
            "写这个名字的帮扶记录只能按填写的教师区分：李强写的计入与李强结对的一人，王芳写的计入另一人，"
            "别的老师写的算不到任何一人名下，两人的卡片也一模一样",
        )
    ]


def namesake_teachers(tmp_path: Path, other: str) -> Path:
    """Two 张伟 of 五年级(1)班 with no ID number or birth date; the second paired with the
    王芳 of 三年级(2)班, one of two 王芳 (lbc names her 王芳（三年级(2)班）), the first with
    ``other``: 李强, or the other 王芳, of 五年级(1)班."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    kids = namesakes(born=False)
    kids[0]["帮扶教师"], kids[1]["帮扶教师"] = other, "王芳（三年级(2)班）"
    staff = [
        teacher51("王芳", "13800000001"),
        {**teacher51("王芳", "13800000002"), "任教班级": C32},
        teacher51("李强", "13800000003"),
    ]
    write_xlsx(
        ws / "roster.xlsx",
        {"花名册": table([*kids, kid51(3, 帮扶教师="李强")]), "教师": table(staff)},
    )
    return ws


def owed_on_sept_20(ws: Path) -> dict[tuple[str, str], list[str]]:
    """What lbc due owes on 2024-09-20, by (teacher as shown, child)."""
    due = run("due", "--as-of", "2024-09-20", "--format", "json", cwd=ws)
    return {
        (x["teacher"], c["child"]): c["owed"] for x in due.json()["teachers"] for c in x["children"]
    }


def test_a_record_by_one_of_two_teachers_of_one_name_counts_for_her_namesake(
    tmp_path: Path,
) -> None:
    """王芳（三年级(2)班） supports one 张伟, 李强 the other: her sheet signs her records 王芳,
    and a talk she fills in is her 张伟's, in lbc due as in lbc validate; record-sheets
    says nothing of the namesakes."""
    ws = namesake_teachers(tmp_path, "李强")
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines() == ["已写出 2 份帮扶记录表（共预置 21 行待填）到 记录表"]
    mine = sheet(ws, "王芳（三年级(2)班）")
    assert rows_of(mine)[1][1:] == ["张伟", C51, "谈心", "2024年9月", None, None, "王芳"]
    fill_first_row(mine, dt.date(2024, 9, 10), "谈心")
    checked = run("validate", "--select", "REC", cwd=ws).stdout  # no REC006: 王芳 is she
    assert checked.startswith("没有发现问题。\n共检查 3 名儿童、3 名教师、1 条帮扶记录")
    assert owed_on_sept_20(ws) == {
        ("李强", "张伟"): ["talk", "home_visit", "warmth"],
        ("李强", "王梓萱"): ["talk", "home_visit", "warmth"],
        ("王芳（三年级(2)班）", "张伟"): ["home_visit", "warmth"],
    }


@pytest.mark.parametrize(
    ("cell", "signed"),
    [
        ("王芳（三年级(2)班）", "王芳"),
        ("王芳（三年级(2)班）", "王芳（三年级(2)班）"),
        ("王芳", "王芳（三年级(2)班）"),
        ("王芳", "王芳"),
    ],
)
def test_a_record_signed_with_or_without_the_teachers_tag_is_hers(
    tmp_path: Path, cell: str, signed: str
) -> None:
    """A school's own records sheet: a talk with 张伟 signed 王芳 or as lbc names her (王芳
    （三年级(2)班）) counts for the 张伟 paired with her, whether the roster's 帮扶教师
    cell says 王芳（三年级(2)班） or 王芳: no teacher unknown (REC001), no record of
    namesakes for nobody (REC003), nor of another's child (REC006), and lbc due owes her
    张伟 no talk."""
    ws = namesake_teachers(tmp_path, "李强")
    kids = namesakes(born=False)
    kids[0]["帮扶教师"], kids[1]["帮扶教师"] = "李强", cell
    staff = [
        teacher51("王芳", "13800000001"),
        {**teacher51("王芳", "13800000002"), "任教班级": C32},
        teacher51("李强", "13800000003"),
    ]
    values = [dt.date(2024, 9, 10), signed, "张伟", C51, "谈心", "谈学习"]
    talk = dict(zip(RECORD_HEADER, values, strict=True))
    write_xlsx(
        ws / "roster.xlsx",
        {
            "花名册": table([*kids, kid51(3, 帮扶教师="李强")]),
            "教师": table(staff),
            "帮扶记录": table([talk]),
        },
    )
    assert findings(ws / "roster.xlsx", "REC") == []
    assert owed_on_sept_20(ws) == {
        ("李强", "张伟"): ["talk", "home_visit", "warmth"],
        ("李强", "王梓萱"): ["talk", "home_visit", "warmth"],
        (cell, "张伟"): ["home_visit", "warmth"],
    }


def test_namesakes_of_two_teachers_of_one_name_are_said_unclear(tmp_path: Path) -> None:
    """Each 王芳 supports one 张伟: both sign their records 王芳, which tells the two 张伟
    apart no better than their name. lbc record-sheets says their records cannot count,
    lbc due marks them, and DUP004 says the records count for nobody."""
    ws = namesake_teachers(tmp_path, "王芳（五年级(1)班）")
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[1] == (
        "提示：张伟（五年级(1)班）与同班同学重名，又没有不同的出生日期或身份证号可以区分，"
        "交回的记录表中他们的记录无法计入；请在花名册中补填出生日期或身份证号后再生成记录表"
    )
    due = run("due", "--as-of", "2024-09-20", cwd=ws).stdout
    assert due.count("张伟（同班同名，记录无法区分）") == 2
    assert [f[5] for f in findings(ws / "roster.xlsx", "DUP")] == [
        "与第 2 行同名同班，两行都没有身份证号和出生日期，分不清是哪个孩子：写这个名字的帮扶记录"
        "算不到任何一人名下，两人的卡片也一模一样"
    ]


def test_a_schools_teachers_list_of_its_own_is_checked_against_its_roster(
    tmp_path: Path,
) -> None:
    """A county's folder: 青山小学's roster and its teachers list in a file of its own. lbc
    validate over the folder (which holds each school's children aside until it checks
    them) and lbc merge (which reads each file alone first) both check the list's names
    against the school's children."""
    school = tmp_path / "县" / "青山小学"
    school.mkdir(parents=True)
    write_xlsx(school / "青山小学留守儿童花名册.xlsx", {"花名册": table([kid(1), kid(2)])})
    staff = [listing("王芳", C32, "张雨涵、李小明")]
    write_xlsx(school / "教师.xlsx", {"教师": table(staff)})
    result = run("validate", "县", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [(f["code"], f["file"], f["row"], f["column"]) for f in result.json()["findings"]] == [
        ("TCH005", "县/青山小学/教师.xlsx", 2, "I")
    ]
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    assert [(s["school"], s["warnings"]) for s in merged.json()["schools"]] == [("青山小学", 1)]


def test_a_name_padded_with_a_space_is_one_name(tmp_path: Path) -> None:
    """Schools pad a two-character name to three (张　雨 in a list of 欧阳明轩): 王芳's
    "李　明、张雨涵" names 李明 and 张雨涵, not 李, 明 and 张雨涵; 李强's "王梓萱 张雨" two
    children, a space between names of two characters or more."""
    kids = [kid(1), kid(2, 姓名="李明"), kid(3), kid(4, 姓名="张雨")]
    staff = [listing("王芳", C32, "李\u3000明、张雨涵"), listing("李强", C51, "王梓萱 张雨")]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    assert findings(path) == []
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc) == {
        "张雨涵": ("王芳", KEPT, True),
        "李明": ("王芳", KEPT, True),
        "王梓萱": ("李强", KEPT, True),
        "张雨": ("李强", KEPT, True),
    }


def test_a_compound_surname_spaced_off_its_given_name_is_one_name(tmp_path: Path) -> None:
    """ "欧阳 娜娜" (a compound surname, a space, the given name) names 欧阳娜娜 of the
    roster, not 欧阳 and 娜娜, two names of nobody; "司马 相如 张雨涵" names 司马相如 and
    张雨涵; a compound surname and a given name no child has is one name of nobody, said
    once as written (TCH005). Two children's names spaced apart stay two."""
    kids = [kid(1), kid(2, 姓名="欧阳娜娜"), kid(3, 姓名="司马相如"), kid(4, 姓名="王梓萱")]
    staff = [
        listing("王芳", C32, "欧阳\u3000娜娜"),
        listing("李强", C51, "司马 相如 张雨涵"),
        listing("赵敏", C51, "上官 婉儿"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, staff)
    assert findings(path) == [
        ("TCH005", "warning", 4, "I", "children", "帮扶学生“上官 婉儿”不在花名册中，没有结对"),
    ]
    _, doc = pair_json(tmp_path, path)
    assert who(doc)["欧阳娜娜"] == ("王芳", KEPT, True)
    assert who(doc)["司马相如"] == ("李强", KEPT, True)
    assert who(doc)["张雨涵"] == ("李强", KEPT, True)


def test_a_province_parquet_file_reads_the_teachers_lists_pairs_as_its_workbook_does(
    tmp_path: Path,
) -> None:
    """A county's folder of two schools whose teachers lists name their children, merged
    to a workbook and to Parquet. lbc validate reads a merged Parquet file a school (row
    group) at a time, and did not read the lists' 帮扶学生姓名 column at all: the
    workbook's TCH005, TCH006 and TCH007 were missing, and the pairs with them. Both now
    say the same, the Parquet file at the schools' own cells, as validate over the folder
    says them."""
    county = tmp_path / "县"
    qingshan, baihe = county / "青山小学", county / "白鹤小学"
    qingshan.mkdir(parents=True)
    baihe.mkdir()
    kids = [kid(1), kid(2, 帮扶教师="李强"), kid(3), kid(4, 姓名="郑十")]
    kids.append(kid(5, "四年级(1)班", 姓名="郑十"))
    staff = [
        listing("王芳", C32, "张雨涵、李小明、李明轩"),
        listing("李强", C51, "郑十；王梓萱"),
        listing("赵敏", C51, "王梓萱"),
    ]
    write_xlsx(
        qingshan / "青山小学留守儿童花名册.xlsx", {"花名册": table(kids), "教师": table(staff)}
    )
    theirs = {"花名册": table([kid(7), kid(8)]), "教师": table([listing("王芳", C32, "孙博文")])}
    write_xlsx(baihe / "白鹤小学留守儿童花名册.xlsx", theirs)
    found = {}
    for name in ("县", "全县.xlsx", "全县.parquet"):
        if name != "县":
            merged = run("merge", "县", "--out", name, cwd=tmp_path)
            assert merged.exit_code == 0, merged.stderr
        result = run("validate", name, "--format", "json", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
        found[name] = result.json()["findings"]
    said = [(f["code"], f["severity"], f["field"], f["child"]) for f in found["全县.parquet"]]
    assert said == [(f["code"], f["severity"], f["field"], f["child"]) for f in found["全县.xlsx"]]
    assert said == [
        ("TCH005", "warning", "children", "王*"),
        ("TCH005", "warning", "children", "王*"),
        ("TCH007", "warning", "children", "王*"),
        ("TCH006", "warning", "children", "李*"),
        ("TCH007", "warning", "children", "赵*"),
    ]
    # The Parquet file holds each cell as lbc read it (郑十;王梓萱 for 郑十；王梓萱).
    assert [{**f, "value": None} for f in found["全县.parquet"]] == [
        {**f, "value": None} for f in found["县"]
    ]
    assert [f["message"] for f in found["全县.parquet"]][2:4] == [
        "帮扶学生“李明轩”在花名册“花名册”第 3 行的帮扶教师是李强，与这里不同；"
        "以花名册为准，计为李强的帮扶学生",
        "帮扶学生“郑十”在花名册中有 2 名同名儿童（“花名册”第 5 行、“花名册”第 6 行），"
        "分不清是哪一个，没有结对；请在名字后用括号注明班级",
    ]


def test_a_merged_roster_says_a_teachers_lists_pairs_in_its_children_s_column(
    tmp_path: Path,
) -> None:
    """青山小学 keeps its pairs in its teachers list, its roster's 帮扶教师 column filled for
    李明轩 only (李强, where the list says 王芳: the cell stands, TCH007). Every command
    pairs 张雨涵 with the first 王芳 (王芳（三年级(2)班）, one of two in post) and 王梓萱 with
    赵敏; the merged roster said so only in its 教师名单 sheet's 帮扶学生 column, its
    children's 帮扶教师 cells blank but 李明轩's, so a person reading it (or printing it)
    saw one pair of three. It now writes each pair in force into the blank 帮扶教师 cell,
    as lbc pair names the teacher, the list's cells kept as the school wrote them; read
    back, it pairs as the school's folder does and says the same findings."""
    county = tmp_path / "县" / "青山小学"
    county.mkdir(parents=True)
    kids = [kid(1), kid(2, 帮扶教师="李强"), kid(3)]
    staff = [
        listing("王芳", C32, "张雨涵、李明轩"),
        listing("王芳", C51, "", 联系电话="13800000001"),
        listing("李强", C51, ""),
        listing("赵敏", C51, "王梓萱"),
    ]
    roster(county / "青山小学留守儿童花名册.xlsx", kids, staff)
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 1, merged.stderr  # TCH002: two 王芳, as validate says
    book = load_workbook(tmp_path / "全县.xlsx")
    children, teachers = book["留守儿童花名册"], book["教师名单"]
    head = [c.value for c in children[1]]
    name, support = head.index("姓名"), head.index("帮扶教师")
    assert [(r[name], r[support]) for r in children.iter_rows(min_row=2, values_only=True)] == [
        ("张雨涵", "王芳（三年级(2)班）"),
        ("李明轩", "李强"),
        ("王梓萱", "赵敏"),
    ]
    head = [c.value for c in teachers[1]]
    listed = [r[head.index("帮扶学生")] for r in teachers.iter_rows(min_row=2, values_only=True)]
    assert listed == ["张雨涵、李明轩", None, None, "王梓萱"]
    said = {}
    for name in ("县", "全县.xlsx"):
        paired = run("pair", name, "--format", "json", cwd=tmp_path).json()["pairs"]
        found = run("validate", name, "--format", "json", cwd=tmp_path).json()["findings"]
        said[name] = [(p["child"], p["teacher"]) for p in paired], [f["code"] for f in found]
    assert (
        said["全县.xlsx"]
        == said["县"]
        == (
            [("张雨涵", "王芳（三年级(2)班）"), ("李明轩", "李强"), ("王梓萱", "赵敏")],
            ["TCH007", "TCH002"],
        )
    )


def test_another_teachers_child_names_her_as_lbc_shows_her(tmp_path: Path) -> None:
    """李强's record sheet with a talk with 李明轩, whom one of two 王芳 supports: REC006
    names her as lbc names her everywhere, 王芳（三年级(2)班）, not with the brackets a
    name is read with (王芳(三年级(2)班)); in English as lbc pair's English names her."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    staff = [
        teacher51("王芳", "13800000001"),
        {**teacher51("王芳", "13800000002"), "任教班级": C32},
        teacher51("李强", "13800000003"),
    ]
    kids = [kid51(1, 帮扶教师="李强"), kid51(2, 帮扶教师="王芳（三年级(2)班）")]
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    assert run("record-sheets", "--term", "2024-autumn", cwd=ws).exit_code == 0
    book = sheet(ws, "李强")
    fill_first_row(book, dt.date(2024, 9, 10), "谈心")
    wb = load_workbook(book)
    wb["帮扶记录"]["B3"] = "李明轩"
    wb.save(book)
    said = {}
    for lang in ("zh", "en"):
        checked = run("--lang", lang, "validate", "--select", "REC", "--format", "json", cwd=ws)
        said[lang] = [(f["code"], f["row"], f["message"]) for f in checked.json()["findings"]]
    assert said == {
        "zh": [
            (
                "REC006",
                3,
                "“李明轩”的帮扶教师是王芳（三年级(2)班），这条记录由李强填写；已计入该儿童",
            )
        ],
        "en": [
            (
                "REC006",
                3,
                "李明轩's support teacher is 王芳 (三年级(2)班); this record is by 李强;"
                " counted for the child",
            )
        ],
    }


def test_a_name_with_a_bracket_after_it_is_shown_as_lbc_writes_it(tmp_path: Path) -> None:
    """A teacher named with a bracket after the name (赵丽（三年级(2)班）, as lbc writes one
    of two teachers of one name, or 赵丽（班主任）) in a record (REC001), a 帮扶教师 cell
    (TCH003, TCH004, the watch list's WCH012) or lbc pair's notes is said as lbc names her
    everywhere, with the school's full-width bracket, not as the name was read
    (赵丽(三年级(2)班)); in English as lbc pair's English names her."""
    kids = [
        kid(1, 帮扶教师="赵丽（班主任）"),
        kid(2, 帮扶教师="王芳（三年级(2)班）、李强（四年级(1)班）"),
        kid(3, kind="父母均外出", 帮扶教师="赵丽（三年级(1)班）"),
    ]
    staff = [teacher("王芳", C32), teacher("王芳", "四年级(2)班"), teacher("李强")]
    records = [
        RECORD_HEADER,
        [dt.date(2024, 9, 11), "赵丽（三年级(2)班）", "张雨涵", C32, "谈心", ""],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": table(kids), "教师": table(staff), "记录": records}
    )
    said = {}
    for lang in ("zh", "en"):
        checked = run("--lang", lang, "validate", path, "--select", "TCH,REC", "--format", "json")
        said[lang] = [(f["code"], f["row"], f["message"]) for f in checked.json()["findings"]]
    assert said == {
        "zh": [
            ("TCH003", 2, "帮扶教师“赵丽（班主任）”不在教师名单中"),
            (
                "TCH004",
                3,
                "帮扶教师一栏写了 2 位教师（王芳（三年级(2)班）、李强（四年级(1)班）），"
                "按王芳计为这名儿童的帮扶教师",
            ),
            ("TCH003", 4, "帮扶教师“赵丽（三年级(1)班）”不在教师名单中"),
            ("REC001", 2, "记录中的教师“赵丽（三年级(2)班）”不在教师名单中"),
        ],
        "en": [
            ("TCH003", 2, "support teacher '赵丽 (班主任)' is not in the teacher list"),
            (
                "TCH004",
                3,
                "the support teacher cell names 2 teachers"
                " (王芳 (三年级(2)班), 李强 (四年级(1)班)); the child is counted as 王芳's",
            ),
            ("TCH003", 4, "support teacher '赵丽 (三年级(1)班)' is not in the teacher list"),
            ("REC001", 2, "teacher '赵丽 (三年级(2)班)' in this record is not in the teacher list"),
        ],
    }
    watched = run("watch", path, "--format", "json").json()
    reasons = [
        r["message"] for g in watched["classes"] for c in g["children"] for r in c["reasons"]
    ]
    assert "没有帮扶教师（赵丽（三年级(1)班） 不在教师名单中）" in reasons
    _, doc = pair_json(tmp_path, path)
    assert [p["reason"] for p in doc["pairs"]] == [
        "任教本班语文（原帮扶教师赵丽（班主任）不能继续）",
        "任教本班语文（原帮扶教师王芳（三年级(2)班）、李强（四年级(1)班）不能继续）",
        "跨年级调配（原帮扶教师赵丽（三年级(1)班）不能继续）",
    ]
    paired = run("pair", path, cwd=tmp_path)
    assert "原帮扶教师“赵丽（班主任）”不在教师名单中" in paired.stderr + paired.stdout
