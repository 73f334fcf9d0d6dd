"""Two children of one name in one class (namesakes): what lbc saved or wrote about each
stays with that child when the roster and the files come back.

Through the real CLI on real workbooks: a saved pair read back after a row was inserted
above the namesakes (lbc/roster/pairs.py), and a filled row of lbc's own record sheet
(lbc/roster/support.py ``ChildIndex``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, table, write_xlsx

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
    return CARD.findall((ws / "联系卡.html").read_text(encoding="utf-8")), made.stderr


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
        ("王梓萱", "2016-05-01", BLANK),
        ("张伟", "2015-03-01", "李强"),
        ("张伟", "2015-09-09", "王芳"),
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
    assert shown == [("王梓萱", "2016-05-01", BLANK), nobody, nobody]
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
