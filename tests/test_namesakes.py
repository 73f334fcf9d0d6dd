"""Two children of one name in one class (namesakes): what lbc saved or wrote about each
stays with that child when the roster and the files come back.

Through the real CLI on real workbooks: a saved pair read back after a row was inserted
above the namesakes (lbc/roster/pairs.py), and a filled row of lbc's own record sheet
(lbc/roster/support.py ``ChildIndex``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    card_page,
    child_row,
    last_contacts,
    make_id,
    run,
    table,
    write_xlsx,
)
from lbc.roster import normalise as nz
from lbc.roster.support import dated_records, records_index
from lbc.roster.tables import load_roster

C51 = "五年级(1)班"
CARD = re.compile(
    r"留守儿童联系卡 · ([^<]+)</span>.*?出生日期：([^　]*)　.*?"
    r'<th>帮扶教师</th><td colspan="3">姓名：([^　<]*)',
    re.S,
)


def kid(n: int, **extra: Any) -> dict[str, Any]:
    return {**dict(zip(CHILD_HEADER, child_row(n, cls=C51), strict=True)), **extra}


def teacher(name: str, phone: str) -> dict[str, Any]:
    values = [name, "女", phone, "班主任", C51, "语文", "否", "是"]
    return {**dict(zip(TEACHER_HEADER, values, strict=True)), "可帮扶人数": 1}


STAFF = [teacher("李强", "13800000001"), teacher("王芳", "13800000002")]


def namesakes(born: bool) -> list[dict[str, Any]]:
    """Two 张伟 of 五年级(1)班 with no ID number, told apart by their birth dates or not."""
    return [
        kid(1, 姓名="张伟", 身份证号=None, 出生日期=dt.date(2015, 3, 1) if born else None),
        kid(2, 姓名="张伟", 身份证号=None, 出生日期=dt.date(2015, 9, 9) if born else None),
    ]


def workspace(tmp_path: Path, kids: list[dict[str, Any]]) -> Path:
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()  # the school fills the blank roster in
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(STAFF)})
    return ws


def save_then_insert_a_row_above(tmp_path: Path, born: bool) -> Path:
    """Pair and save; then the school adds a child at the top of the children sheet."""
    kids = namesakes(born)
    ws = workspace(tmp_path, kids)
    saved = run("pair", "--save", "--format", "json", cwd=ws)
    assert saved.exit_code == 0, saved.stderr
    assert [(p["row"], p["teacher"]) for p in saved.json()["pairs"]] == [(2, "李强"), (3, "王芳")]
    (ws / "roster.xlsx").unlink()
    write_xlsx(ws / "roster.xlsx", {"花名册": table([kid(3), *kids]), "教师": table(STAFF)})
    return ws


def cards(ws: Path) -> tuple[list[tuple[str, str, str]], str]:
    """(child, birth date, support teacher) of each card, and what lbc cards said."""
    made = run("cards", "--out", "联系卡.html", cwd=ws)
    assert made.exit_code == 0, made.stderr
    return CARD.findall(card_page(ws / "联系卡.html")), made.stderr


def today() -> str:
    day = dt.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


BLANK = "＿＿＿＿＿＿"


def test_a_saved_pair_stays_with_its_namesake_when_a_row_is_inserted_above(
    tmp_path: Path,
) -> None:
    """Row 2's 张伟 is row 3's now, and row 3 holds the other 张伟 (名册位置 alone would give
    her 王芳): the birth date the pairs workbook keeps says which is which."""
    ws = save_then_insert_a_row_above(tmp_path, born=True)
    shown, said = cards(ws)
    assert shown == [
        ("王梓萱", "2016年5月1日", BLANK),
        ("张伟", "2015年3月1日", "李强"),
        ("张伟", "2015年9月9日", "王芳"),
    ]
    assert said.splitlines()[0] == (
        f"提示：帮扶教师以结对名单 结对名单.xlsx（{today()}结对）为准，共 2 名儿童"
    )
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert summary.exit_code == 0, summary.stderr
    assert summary.json()["pairing"]["paired"] == 2


def test_namesakes_nothing_tells_apart_lose_the_saved_pair_and_are_told(tmp_path: Path) -> None:
    """No ID number, no birth date, one gender: after the insert nothing says which 张伟 a
    saved pair is for. Neither gets the other's teacher; the note says why, in Chinese."""
    ws = save_then_insert_a_row_above(tmp_path, born=False)
    shown, said = cards(ws)
    nobody = ("张伟", BLANK, BLANK)
    assert shown == [("王梓萱", "2016年5月1日", BLANK), nobody, nobody]
    note = (
        "提示：帮扶教师以结对名单 结对名单.xlsx 为准，共 0 名儿童；"
        "结对名单中 2 行是重名儿童（张伟（五年级(1)班）），花名册在结对后改动过，"
        "又没有身份证号可以区分，无法确定是哪一个孩子，未采用"
        "（补填身份证号或出生日期后重新运行 lbc pair --save）"
    )
    assert said.splitlines()[0] == note
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert summary.exit_code == 0, summary.stderr
    assert summary.stderr.splitlines()[0] == note
    assert summary.json()["pairing"]["paired"] == 0
    english = run("--lang", "en", "cards", "--out", "cards.html", cwd=ws)
    assert english.stderr.splitlines()[0].endswith(
        "2 rows of the pairs workbook name one of children sharing a name (张伟（五年级(1)班）): "
        "the roster changed since the pairing and no ID number tells them apart, so they were "
        "not used (add ID numbers or birth dates and run lbc pair --save again)"
    )


def test_namesakes_in_place_keep_their_saved_pairs(tmp_path: Path) -> None:
    """A row added below the namesakes moves neither: 名册位置 still says which is which."""
    kids = namesakes(born=False)
    ws = workspace(tmp_path, kids)
    assert run("pair", "--save", cwd=ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    write_xlsx(ws / "roster.xlsx", {"花名册": table([*kids, kid(3)]), "教师": table(STAFF)})
    shown, said = cards(ws)
    assert [who[2] for who in shown] == ["李强", "王芳", BLANK]
    assert said.splitlines()[0] == (
        f"提示：帮扶教师以结对名单 结对名单.xlsx（{today()}结对）为准，共 2 名儿童"
    )


# ---- a filled row of lbc's own record sheet ----

TERM = "2024年秋季学期"


def sheet(ws: Path, teacher: str) -> Path:
    return ws / "记录表" / f"帮扶记录表_{TERM}_{teacher}.xlsx"


def rows_of(path: Path) -> list[list[Any]]:
    ws = load_workbook(path)["帮扶记录"]
    return [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_row=3)]


def fill_first_row(path: Path, day: dt.date, content: str) -> None:
    """A teacher writes the date and what was done into the first laid-out row."""
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    header = [c.value for c in ws[2]]
    ws.cell(3, header.index("日期") + 1).value = day
    ws.cell(3, header.index("内容") + 1).value = content
    wb.save(path)


@pytest.mark.parametrize("told_by", ["身份证号", "出生日期"])
def test_a_filled_record_sheet_row_counts_for_its_namesake(tmp_path: Path, told_by: str) -> None:
    """Two 张伟 in 五年级(1)班, one paired with 李强 and one with 王芳. 李强's sheet says which
    张伟 each row is for (the birth date, from the ID number or the 出生日期 column), so his
    filled row counts for his 张伟, in validate, due, the summary and the watch list alike."""
    first, second = (dt.date(2015, 3, 1), dt.date(2015, 9, 9))
    kids = [
        kid(1, 姓名="张伟", 身份证号=make_id(first, 102), 出生日期=first),
        kid(2, 姓名="张伟", 身份证号=make_id(second, 104), 出生日期=second),
    ]
    if told_by == "出生日期":  # no ID numbers: the column alone gives the birth dates
        kids = [{**k, "身份证号": None} for k in kids]
    else:  # no 出生日期 column: the ID numbers alone give them
        kids = [{h: v for h, v in k.items() if h != "出生日期"} for k in kids]
    ws = workspace(tmp_path, kids)
    assert run("pair", "--save", cwd=ws).exit_code == 0
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    # The namesakes' rows carry the birth date beside the class; nobody's ID number.
    assert rows_of(sheet(ws, "李强")) == [
        ["序号", "学生姓名", "班级", "出生日期", "类型", "应完成", "日期", "内容", "帮扶教师"],
        [1, "张伟", C51, dt.datetime(2015, 3, 1), "谈心", "2024年9月", None, None, "李强"],
    ]
    assert rows_of(sheet(ws, "王芳"))[1][:4] == [1, "张伟", C51, dt.datetime(2015, 9, 9)]
    if os.name == "posix":
        assert stat.S_IMODE(sheet(ws, "李强").stat().st_mode) == 0o600
    fill_first_row(sheet(ws, "李强"), dt.date(2024, 9, 10), "谈学习")

    checked = run("validate", "--format", "json", cwd=ws)
    found = [(f["code"], f["sheet"], f["row"]) for f in checked.json()["findings"]]
    if told_by == "身份证号":
        assert (checked.exit_code, found) == (0, [])
    else:  # the missing ID numbers, and no finding about the record
        assert (checked.exit_code, found) == (1, [("REQ001", "花名册", 2), ("REQ001", "花名册", 3)])

    due = run("due", "--as-of", "2024-09-20", "--format", "json", cwd=ws)
    assert due.exit_code == 0, due.stderr
    owed = [
        (x["teacher"], c["child"], c["birth_date"], c["talks_this_month"], c["owed"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ]
    assert owed == [
        ("李强", "张伟", "2015-03-01", 1, ["home_visit", "warmth"]),
        ("王芳", "张伟", "2015-09-09", 0, ["talk", "home_visit", "warmth"]),
    ]
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == [
        "2024-09-10",
        None,
    ]
    assert due.json()["summary"]["records"] == 1

    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert summary.exit_code == 0, summary.stderr
    records = summary.json()["records"]
    assert (records["total"], records["matched"]) == (1, 1)
    assert records["without_record"] == [{"class": C51, "names": ["张伟"]}]

    assert last_contacts(ws, "2024-10-15") == [
        (2, "李强", "超过 30 天没有谈心或联系（最近一次：2024年9月10日）"),
        (3, "王芳", "超过 30 天没有谈心或联系（最近一次：无记录）"),
    ]


def test_record_sheets_say_which_namesakes_they_cannot_tell_apart(tmp_path: Path) -> None:
    """No ID number and no birth date, and 李强 supports both 张伟: the sheets cannot say
    which 张伟 a row is for, and lbc record-sheets says so instead of handing out rows that
    will count for nobody."""
    ws = one_teacher_of_three(tmp_path, born=False)
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[1:] == [
        "已写出 1 份帮扶记录表（共预置 21 行待填）到 记录表",
        "提示：张伟（五年级(1)班）与同班同学重名，又没有不同的出生日期或身份证号可以区分，"
        "交回的记录表中他们的记录无法计入；请在花名册中补填出生日期或身份证号后再生成记录表",
    ]
    assert rows_of(sheet(ws, "李强"))[0][3] == "类型"  # no birth date to write
    english = run("--lang", "en", "record-sheets", "--term", "2024-autumn", "-o", "en", cwd=ws)
    assert [line for line in english.stderr.splitlines() if "share a name" in line] == [
        "note: 张伟 (五年级(1)班) share a name with a classmate and no birth date or ID number"
        " tells them apart, so their records on the returned sheets cannot be counted; add"
        " birth dates or ID numbers to the roster before making the sheets"
    ]


def test_record_sheets_tell_namesakes_apart_by_their_teachers(tmp_path: Path) -> None:
    """No ID number and no birth date, but 李强 supports one 张伟 and 王芳 the other: a row
    of either sheet is for the one paired with its teacher, so nothing is said of them,
    and lbc due does not call them records it cannot tell apart."""
    ws = workspace(tmp_path, namesakes(born=False))
    assert run("pair", "--save", cwd=ws).exit_code == 0
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    assert made.stderr.splitlines()[1:] == ["已写出 2 份帮扶记录表（共预置 14 行待填）到 记录表"]
    due = run("due", "--as-of", "2024-09-20", cwd=ws)
    assert due.exit_code == 0, due.stderr
    assert "记录无法区分" not in due.stdout


WRITTEN = {  # how a teacher may write a birth date into a record's 出生日期 cell
    "date": lambda d: d,
    "中文": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "slash": lambda d: f"{d.year}/{d.month}/{d.day}",
    "digits": lambda d: f"{d:%Y%m%d}",
}


@settings(max_examples=30, deadline=None)
@given(
    births=st.lists(
        st.one_of(st.none(), st.dates(dt.date(2013, 1, 1), dt.date(2017, 12, 31))),
        min_size=2,
        max_size=4,
    ),
    pick=st.integers(0, 3),
    form=st.sampled_from(sorted(WRITTEN)),
)
def test_a_records_birth_date_names_the_one_namesake_it_can(
    tmp_path_factory: pytest.TempPathFactory, births: list[dt.date | None], pick: int, form: str
) -> None:
    """Namesakes of one class with birth dates known or not: a record giving one's birth
    date, however written, is that child's only when every other namesake's birth date is
    known and another; else it is no one's (never a child it may not be for)."""
    pick %= len(births)
    born = births[pick]
    assume(born is not None)
    # Each with a guardian of its own: namesakes of one birth date are two children, where
    # rows alike in every cell that tells children apart are one row entered twice.
    kids = [CHILD_HEADER] + [
        child_row(n, name="张伟", cls=C51, 身份证号=None, 出生日期=b, 监护人姓名=f"张{n}")
        for n, b in enumerate(births, 1)
    ]
    record = [dt.date(2024, 10, 8), "王老师", "张伟", C51, "谈心", "x", WRITTEN[form](born)]
    path = write_xlsx(
        tmp_path_factory.mktemp("namesakes") / "roster.xlsx",
        {"儿童": kids, "帮扶记录": [[*RECORD_HEADER, "出生日期"], record]},
    )
    roster = load_roster([path])
    children = roster.children[0]
    index = records_index(roster, [(children, i) for i in range(len(children))])
    [found] = dated_records(roster, index, dt.date(2024, 9, 1), dt.date(2025, 1, 31))
    others = [b for j, b in enumerate(births) if j != pick]
    assert found.child == (pick if all(b is not None and b != born for b in others) else None)


def one_teacher_of_three(tmp_path: Path, born: bool) -> Path:
    """A workspace where 李强 supports both 张伟 of 五年级(1)班 (``namesakes(born)``) and
    李娜, paired and saved."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    kids = [*namesakes(born), kid(3, 姓名="李娜")]
    staff = [{**teacher("李强", "13800000001"), "可帮扶人数": 3}]
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    assert run("pair", "--save", cwd=ws).exit_code == 0
    return ws


def test_due_tells_one_teachers_namesakes_apart_by_birth_date(tmp_path: Path) -> None:
    """One teacher supports both 张伟 of 五年级(1)班 and 李娜: lbc due shows each 张伟 with
    the birth date their record sheet rows carry, so the teacher knows which one is behind;
    李娜, whose name is her own, is shown as she is."""
    ws = one_teacher_of_three(tmp_path, born=True)
    due = run("due", "--as-of", "2024-09-20", cwd=ws)
    assert due.exit_code == 0, due.stderr  # early in the term, nothing is overdue yet
    names = [line.split()[0] for line in due.stdout.splitlines() if "五年级(1)班" in line]
    assert names == ["张伟（2015-03-01", "张伟（2015-09-09", "李娜"]
    assert "张伟（2015-03-01 出生）" in due.stdout
    # On paper, as the other days of the printed list: 2015年3月1日.
    assert run("due", "--as-of", "2024-09-20", "--out", "待办.xlsx", cwd=ws).exit_code == 0
    book = load_workbook(ws / "待办.xlsx").active
    assert [book[f"B{i}"].value for i in (3, 4, 5)] == [
        "张伟（2015年3月1日 出生）",
        "张伟（2015年9月9日 出生）",
        "李娜",
    ]
    listed = run("due", "--as-of", "2024-09-20", "--format", "csv", "--json-keys", cwd=ws)
    rows = [line.split(",")[1:4] for line in listed.stdout.lstrip("\ufeff").splitlines()]
    assert rows == [
        ["child", "class", "birth_date"],
        ["张伟", C51, "2015-03-01"],
        ["张伟", C51, "2015-09-09"],
        ["李娜", C51, ""],
    ]


def test_due_says_which_namesakes_nothing_tells_apart(tmp_path: Path) -> None:
    """Two 张伟 of 五年级(1)班 with no ID number and no birth date: no record can say which
    of them it is for, so both are listed as owing, and lbc due says why beside each."""
    ws = one_teacher_of_three(tmp_path, born=False)
    listed = run("due", "--as-of", "2024-09-20", "--format", "csv", "--no-bom", cwd=ws)
    assert [line.split(",")[1] for line in listed.stdout.splitlines()[1:]] == [
        "张伟",
        "张伟",
        "李娜",
    ]
    table_rows = run("due", "--as-of", "2024-09-20", cwd=ws).stdout
    assert table_rows.count("张伟（同班同名，记录无法区分）") == 2


def test_namesakes_with_nothing_to_tell_them_apart_are_warned_of(tmp_path: Path) -> None:
    """Two 郑十 in 三年级(2)班, neither with an ID number or a birth date: DUP004 at the
    second one's name cell. The 郑十 of 四年级(1)班 is another class's child: no finding."""
    undated = {"身份证号": None, "出生日期": None}
    rows = [
        CHILD_HEADER,
        child_row(1, name="郑十", **undated),
        child_row(2),
        child_row(3, name="郑十", cls="四年级(1)班", **undated),
        child_row(4, name="郑十", **undated),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": rows})
    result = run("validate", "r.xlsx", "--select", "DUP", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    found = [(f["code"], f["severity"], f["row"], f["column"]) for f in result.json()["findings"]]
    assert found == [("DUP004", "warning", 5, "B")]
    assert result.json()["findings"][0]["message"] == (
        "与第 2 行同名同班，两行都没有身份证号和出生日期，分不清是哪个孩子：写这个名字的帮扶记录"
        "算不到任何一人名下，两人的卡片也一模一样"
    )


def test_namesakes_of_two_schools_are_two_children_each_told_apart(tmp_path: Path) -> None:
    """A county's folder: 青山小学 and 白鹤小学 each have a 张伟 of 三年级(2)班 without an ID
    number or a birth date, each paired with the school's 王芳. A returned record is of its
    school's child, so neither due nor the record sheets call them namesakes; two 张伟 in
    one of the schools still are."""
    header = [h for h in CHILD_HEADER if h not in ("身份证号", "出生日期")]
    for school, copies in (("青山小学", 1), ("白鹤小学", 2)):
        kid = child_row(1, "张伟")
        row = [v for h, v in zip(CHILD_HEADER, kid, strict=True) if h in header]
        sheets = {
            "花名册": [[f"{school}留守儿童花名册"], [*header, "帮扶教师"]]
            + [[*row, "王芳"]] * copies,
            "教师": [TEACHER_HEADER, ["王芳", "女", "13800001111", "班主任", "三年级(2)班"]],
        }
        (tmp_path / "全县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "全县" / school / "花名册.xlsx", sheets)
    due = run("due", tmp_path / "全县", "--as-of", "2024-09-20")
    assert due.exit_code == 0, due.stderr
    shown = [line.split()[0] for line in due.stdout.splitlines() if "三年级(2)班" in line]
    assert shown == ["张伟（同班同名，记录无法区分）"] * 2 + ["张伟"]
    county, out = tmp_path / "全县", tmp_path / "表"
    made = run("record-sheets", county, "--term", "2024-autumn", "--out", out)
    assert made.exit_code == 0, made.stderr
    said = [line for line in made.stderr.splitlines() if "重名" in line]
    assert said == [
        "提示：张伟（三年级(2)班）与同班同学重名，又没有不同的出生日期或身份证号可以区分，"
        "交回的记录表中他们的记录无法计入；请在花名册中补填出生日期或身份证号后再生成记录表"
    ]


class _Children:
    """The columns ChildIndex.add_table reads, as a table of children gives them."""

    def __init__(self, values: dict[str, list[Any]]) -> None:
        self.values = values

    def __len__(self) -> int:
        return len(self.values["name"])


_SCHOOLS = ["青山小学", "白鹤小学", "", "\x00a.xlsx"]
_CLASSES = [nz.ClassRef(3, 1), nz.ClassRef(3, 2), None]
_BIRTHS = [dt.date(2015, 3, 1), dt.date(2016, 4, 2), None]


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["张伟", "李娜"]),
            st.sampled_from(_CLASSES),
            st.sampled_from(_SCHOOLS),
            st.sampled_from(_BIRTHS),
            st.integers(0, 9),  # the child: one ID number on several rows is one child
        ),
        max_size=30,
    ),
    records=st.lists(
        st.tuples(
            st.sampled_from(["张伟", "李娜"]),
            st.sampled_from(_CLASSES),
            st.sampled_from(_SCHOOLS),
            st.sampled_from(_BIRTHS),
        ),
        max_size=10,
    ),
)
def test_a_record_finds_the_same_children_among_namesakes_by_school(
    rows: list[tuple[str, Any, str, Any, int]], records: list[tuple[str, Any, str, Any]]
) -> None:
    """A record of a known school looks among its school's namesakes only (a province's
    record asks of hundreds, nearly all of other schools) and finds what looking at every
    namesake row by row finds."""
    from lbc.roster import support

    def index() -> support.ChildIndex[object]:
        idx: support.ChildIndex[object] = support.ChildIndex()
        columns = ("name", "class", "school", "birth_date")
        values = {key: [row[k] for row in rows] for k, key in enumerate(columns)}
        values |= {"support_teacher": [f"教师{row[4]}" for row in rows]}
        idx.add_table(_Children(values), [row[4] for row in rows], "")  # type: ignore[arg-type]
        return idx

    found = {}
    for most in (0, 10**9):  # by school always; never
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(support, "_GROUPED_FROM", most)
            idx = index()
            found[most] = [idx.find(*record) for record in records]
    assert found[0] == found[10**9]


def test_due_tells_no_namesake_apart_by_a_passports_number(tmp_path: Path) -> None:
    """One teacher supports both 张伟 of 五年级(1)班: one born 2015-09-09 by her 出生日期,
    the other with no 出生日期, her 身份证件类型 护照 and a number of 18 characters that
    looks like an ID's (2015-03-01 inside). Her birth date is unknown, so no record can say
    which 张伟 it is for: lbc due says so beside each, not a date the passport never
    said."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    passport = make_id(dt.date(2015, 3, 1), 103)
    kids = [
        kid(1, 姓名="张伟", 身份证号=passport, 出生日期=None, 身份证件类型="护照"),
        kid(2, 姓名="张伟", 身份证号=None, 出生日期=dt.date(2015, 9, 9)),
        kid(3, 姓名="李娜"),
    ]
    staff = [{**teacher("李强", "13800000001"), "可帮扶人数": 3}]
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    assert run("pair", "--save", cwd=ws).exit_code == 0
    listed = run("due", "--as-of", "2024-09-20", "--format", "csv", "--json-keys", cwd=ws)
    rows = [line.split(",")[1:4] for line in listed.stdout.lstrip("\ufeff").splitlines()]
    assert rows == [
        ["child", "class", "birth_date"],
        ["张伟", C51, ""],
        ["张伟", C51, "2015-09-09"],
        ["李娜", C51, ""],
    ]
    due = run("due", "--as-of", "2024-09-20", cwd=ws).stdout
    names = [line.split()[0] for line in due.splitlines() if C51 in line]
    assert names == ["张伟（同班同名，记录无法区分）", "张伟（同班同名，记录无法区分）", "李娜"]


def test_a_record_tells_no_namesake_apart_by_a_passports_number(tmp_path: Path) -> None:
    """Two 张伟 of 五年级(1)班: one born 2015-09-09 by her 出生日期, the other with no
    出生日期, her 身份证件类型 护照 and a number of 18 characters that looks like an ID's
    (2015-03-01 inside). A record of 张伟 born 2015-09-09 may be of either, as nothing
    says when the second was born: REC003, not the first's by a date the passport never
    said ruling the second out."""
    passport = make_id(dt.date(2015, 3, 1), 103)
    kids = [
        kid(1, 姓名="张伟", 身份证号=passport, 出生日期=None, 身份证件类型="护照"),
        kid(2, 姓名="张伟", 身份证号=None, 出生日期=dt.date(2015, 9, 9)),
    ]
    path = _a_talk_with(tmp_path, kids, C51, dt.date(2015, 9, 9))
    result = run("validate", path, "--select", "REC", "--format", "json")
    found = [(f["code"], f["sheet"], f["row"], f["column"]) for f in result.json()["findings"]]
    assert found == [("REC003", "帮扶记录", 2, "C")]
    assert result.json()["findings"][0]["message"] == (
        "记录中的学生“张伟”对应花名册中 2 名儿童，都在五年级(1)班，记录写的出生日期也分不出"
        "是哪一名：请核对花名册上他们的出生日期和身份证件号"
    )


@pytest.mark.parametrize(
    ("cls", "born", "ask"),
    [
        (None, None, "请注明班级（同班重名的再写出生日期）"),
        (C51, None, "都在五年级(1)班，请写上孩子的出生日期"),
        ("5.1", None, "都在五年级(1)班，请写上孩子的出生日期"),
        (
            C51,
            dt.date(2015, 1, 1),
            "都在五年级(1)班，记录写的出生日期也分不出是哪一名：请核对花名册上他们的出生日期和身份证件号",
        ),
    ],
    ids=["no-class", "class", "class-as-5.1", "class-and-birth-date"],
)
def test_a_record_of_namesakes_asks_for_what_it_lacks(
    tmp_path: Path, cls: str | None, born: dt.date | None, ask: str
) -> None:
    """Two 张伟 of 五年级(1)班, no birth date on the roster to tell them apart. A record of
    张伟 without a class is asked for it; one with their class (as the record sheet's own
    5.1 too) is asked for the birth date, which the class cannot give; one with both
    cannot be told apart by the roster (its birth dates are missing): REC003 says what
    to add or check, not the class the record already gives."""
    path = _a_talk_with(tmp_path, namesakes(born=False), cls, born)
    result = run("validate", path, "--select", "REC", "--format", "json")
    messages = [(f["code"], f["message"]) for f in result.json()["findings"]]
    assert messages == [("REC003", f"记录中的学生“张伟”对应花名册中 2 名儿童，{ask}")]
    english = run("--lang", "en", "validate", path, "--select", "REC", "--format", "json")
    said = english.json()["findings"][0]["message"]
    assert said.startswith("'张伟' matches 2 children; ") and "请" not in said


def _a_talk_with(tmp_path: Path, kids: list[dict[str, Any]], cls: object, born: object) -> Path:
    """A workbook of ``kids`` and one talk with 张伟 of class ``cls``, born ``born``."""
    record = [dt.date(2024, 10, 8), "王芳", "张伟", cls, "谈心", "x", born]
    sheets = {
        "花名册": table(kids),
        "教师": table(STAFF),
        "帮扶记录": [[*RECORD_HEADER, "出生日期"], record],
    }
    return write_xlsx(tmp_path / "r.xlsx", sheets)
