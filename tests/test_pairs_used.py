"""The pairs made are the pairs used: lbc pair's workbook read back by every command.

Through the real CLI on real workbooks: the samples' term loop (pair --save, then summary,
cards and flag without being told), a pairs workbook named beside the roster (each child
once), the newest decision between the workbook and the roster's 帮扶教师 column, and
pairing its own output again (nothing moves).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    PAIRS_PENDING,
    TEACHER_HEADER,
    Result,
    card_page,
    child_row,
    one_error_line,
    run,
    table,
    unclear_records,
    write_xlsx,
)
from lbc.roster.pairs import parse_place, place

TERM = ("--term", "2024-autumn")
C32, C51 = "三年级(2)班", "五年级(1)班"


def today() -> str:
    day = dt.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def used(book: str, count: int, *more: str) -> str:
    """The one note line saying the pairs come from ``book`` (made today)."""
    return "；".join(
        [f"提示：帮扶教师以结对名单 {book}（{today()}结对）为准，共 {count} 名儿童", *more]
    )


def kid(n: int, cls: str = C32, **extra: Any) -> dict[str, Any]:
    return {**dict(zip(CHILD_HEADER, child_row(n, cls=cls), strict=True)), **extra}


def teacher(name: str, classes: str, places: int = 2, role: str = "班主任") -> dict[str, Any]:
    # Two namesakes, two phones: one name and one phone are one teacher (repeated_teachers).
    phone = f"138{sum(map(ord, name + classes)) % 10**8:08d}"
    values = [name, "女", phone, role, classes, "语文", "否", "是"]
    return {**dict(zip(TEACHER_HEADER, values, strict=True)), "可帮扶人数": places}


def roster(path: Path, kids: list[dict[str, Any]], staff: list[dict[str, Any]]) -> Path:
    return write_xlsx(path, {"花名册": table(kids), "教师": table(staff)})


def pairs_of(result: Result) -> dict[str, str]:
    """child -> teacher, from ``lbc pair --format json``."""
    return {p["child"]: p["teacher"] for p in result.json()["pairs"]}


def book_rows(path: Path, sheet: str = "结对名单") -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(min_row=3, values_only=True))


def paired(result: Result) -> tuple[int, int]:
    """(children on the books, children paired) from ``lbc summary --format json``."""
    doc = result.json()
    return doc["children"]["total"], doc["pairing"]["paired"]


BLANK = "＿＿＿＿＿＿"  # a card's line left to fill in by hand
TEACHER_CELL = re.compile(r'<th>帮扶教师</th><td colspan="3">姓名：([^　<]*)')


def card_teachers(page: Path) -> list[str]:
    return TEACHER_CELL.findall(card_page(page))


# ---- the samples' term: pair once, every command after it uses the pairs ----


def test_pair_save_then_summary_cards_and_flag_use_the_new_pairs(samples: Path) -> None:
    before = run("summary", *TERM, "--format", "json", cwd=samples)
    assert before.exit_code == 0
    assert paired(before) == (56, 22)  # only the roster's 帮扶教师 column
    assert before.stderr == PAIRS_PENDING + unclear_records(1)
    assert run("cards", "--out", "before.html", cwd=samples).exit_code == 0
    # 22 cards name a teacher, as the summary counts: not 李勇, who is on leave.
    assert sum(name != BLANK for name in card_teachers(samples / "before.html")) == 22

    made = run("pair", "--save", cwd=samples)
    assert made.exit_code == 0
    assert made.stderr.splitlines()[-1] == (
        "已写出结对名单：结对名单.xlsx（lbc.toml 指定的结对名单，各命令此后按它；"
        "含教师电话，仅本人可读）"
    )
    assert made.stdout.splitlines()[-1] == (
        "共 56 名儿童参与结对：已结对 56 名（延续 22 名，新结对 34 名），未结对 0 名；"
        "30 名教师中 29 名有帮扶学生"
    )

    after = run("summary", *TERM, "--format", "json", cwd=samples)
    assert (after.exit_code, paired(after)) == (0, (56, 56))
    assert after.stderr == used("结对名单.xlsx", 56) + "\n" + unclear_records(1)

    cards = run("cards", "--out", "c.html", cwd=samples)
    assert cards.exit_code == 0
    assert cards.stderr.splitlines()[0] == used("结对名单.xlsx", 56)
    teachers = card_teachers(samples / "c.html")
    assert len(teachers) == 56 and BLANK not in teachers
    pairs = {r[2]: r[6] for r in book_rows(samples / "结对名单.xlsx") if isinstance(r[0], int)}
    assert len(pairs) == 56
    assert set(teachers) == set(pairs.values())

    flagged = run("flag", "--format", "json", cwd=samples)
    assert flagged.stderr.splitlines()[0] == used("结对名单.xlsx", 56)
    # the workspace's roster named on the command line brings its pairs along
    named = run("summary", "roster.xlsx", *TERM, "--format", "json", cwd=samples)
    assert (paired(named), named.stderr) == (
        (56, 56),
        used("结对名单.xlsx", 56) + "\n" + unclear_records(1),
    )
    both = run("summary", "roster.xlsx", "结对名单.xlsx", *TERM, "--format", "json", cwd=samples)
    assert (paired(both), both.stderr) == (
        (56, 56),
        used("结对名单.xlsx", 56) + "\n" + unclear_records(1),
    )

    # Next term's pairing reads it without being told, and moves nobody.
    again = run("pair", "--format", "json", cwd=samples)
    assert again.exit_code == 0
    s = again.json()["summary"]
    assert (s["paired"], s["kept"], s["new"]) == (56, 56, 0)
    assert pairs_of(again) == pairs


def test_a_pairs_workbook_beside_the_roster_counts_each_child_once(samples: Path) -> None:
    assert run("pair", "--out", "pairs.xlsx", cwd=samples).exit_code == 0
    both = run("summary", "roster.xlsx", "pairs.xlsx", *TERM, "--format", "json", cwd=samples)
    assert (both.exit_code, paired(both)) == (0, (56, 56))
    assert both.stderr.splitlines()[0] == used("pairs.xlsx", 56)
    alone = run("summary", "roster.xlsx", *TERM, "--format", "json", cwd=samples)
    assert paired(alone) == (56, 22)
    # validate too reads it as pairs: the same children, and its teachers list is no second
    checked = run("validate", "roster.xlsx", "pairs.xlsx", "--format", "json", cwd=samples)
    plain = run("validate", "roster.xlsx", "--format", "json", cwd=samples)
    assert checked.json()["summary"] == plain.json()["summary"]
    # a pairs workbook alone is no roster
    line = one_error_line(run("summary", "pairs.xlsx", *TERM, cwd=samples))
    assert line == "lbc: 错误：pairs.xlsx 是结对名单，不是花名册：请同时给出花名册"


# ---- the newest decision wins ----


def overfull(tmp_path: Path, name: str = "r.xlsx") -> Path:
    """李强 has two places; the roster's column gives him three children."""
    kids = [
        kid(1, C51, 帮扶教师="李强"),
        kid(2, C32, 帮扶教师="李强"),
        kid(3, C51, 帮扶教师="李强"),
    ]
    staff = [teacher("李强", C51), teacher("王芳", C32), teacher("赵敏", "六年级(1)班", 1)]
    return roster(tmp_path / name, kids, staff)


def test_pairing_its_own_output_again_moves_nothing(tmp_path: Path) -> None:
    path = overfull(tmp_path)
    first = run("pair", path, "--out", tmp_path / "p1.xlsx", "--format", "json", cwd=tmp_path)
    assert first.exit_code == 0
    assert pairs_of(first) == {"张雨涵": "李强", "李明轩": "王芳", "王梓萱": "李强"}
    second = run(
        "pair", path, "--keep", tmp_path / "p1.xlsx", "--out", tmp_path / "p2.xlsx",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert second.exit_code == 0
    assert second.stderr.splitlines()[0] == used(str(tmp_path / "p1.xlsx"), 3)
    assert pairs_of(second) == pairs_of(first)
    s = second.json()["summary"]
    assert (s["kept"], s["new"]) == (3, 0)
    third = run(
        "pair", path, "--keep", tmp_path / "p2.xlsx", "--out", tmp_path / "p3.xlsx",
        "--format", "json", cwd=tmp_path,
    )  # fmt: skip
    assert third.json() == second.json()
    # A fixpoint to the cell: the second and third workbooks hold the same table.
    assert book_rows(tmp_path / "p3.xlsx") == book_rows(tmp_path / "p2.xlsx")


def _paired_then_set(tmp_path: Path, value: str) -> Path:
    """The overfull roster paired into p1.xlsx, then 王梓萱's 帮扶教师 cell set to ``value``
    in the roster, as a school edits it after the pairing."""
    path = overfull(tmp_path)
    assert run("pair", path, "--out", tmp_path / "p1.xlsx", cwd=tmp_path).exit_code == 0
    wb = load_workbook(path)
    ws = wb["花名册"]
    column = [c.value for c in ws[1]].index("帮扶教师") + 1
    ws.cell(4, column, value)
    wb.save(path)
    return path


def test_the_roster_column_changed_after_the_pairing_wins_unchanged_it_does_not(
    tmp_path: Path,
) -> None:
    # The column still says 李强 for 李明轩, as when the pairs were made: the workbook (王芳)
    # is newer. For 王梓萱 the school writes 赵敏 into the roster after the pairing.
    path = _paired_then_set(tmp_path, "赵敏")
    result = run("pair", path, "--keep", tmp_path / "p1.xlsx", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    assert pairs_of(result) == {"张雨涵": "李强", "李明轩": "王芳", "王梓萱": "赵敏"}
    assert result.stderr == (
        used(
            str(tmp_path / "p1.xlsx"),
            3,
            "其中 1 名儿童的花名册“帮扶教师”列在结对后改过，以花名册为准",
        )
        + "\n"
    )
    assert [p["kept"] for p in result.json()["pairs"]] == [True, True, True]


def test_a_roster_cell_showing_an_error_since_the_pairing_leaves_the_pair(tmp_path: Path) -> None:
    """The roster's 帮扶教师 cell showing #N/A after the pairing (its VLOOKUP's sheet deleted)
    counted as the school changing the pair: the child lost the workbook's teacher in every
    command (no teacher on the card, WCH012 on the watch list). A lookup that failed says
    nothing of the pair: the workbook's stands, and VAL007 says the cell."""
    path = _paired_then_set(tmp_path, "#N/A")
    result = run("pair", path, "--keep", tmp_path / "p1.xlsx", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0
    assert pairs_of(result) == {"张雨涵": "李强", "李明轩": "王芳", "王梓萱": "李强"}
    assert result.stderr == used(str(tmp_path / "p1.xlsx"), 3) + "\n"


def test_between_two_pairs_workbooks_the_later_day_wins(tmp_path: Path) -> None:
    path = overfull(tmp_path)
    old, new = tmp_path / "old.xlsx", tmp_path / "new.xlsx"
    assert run("pair", path, "--out", new, cwd=tmp_path).exit_code == 0
    wb = load_workbook(new)
    ws = wb["结对名单"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        if row[header.index("学生姓名")].value == "李明轩":
            row[header.index("帮扶教师")].value = "赵敏"
        if row[header.index("结对日期")].value is not None:
            row[header.index("结对日期")].value = dt.datetime(2024, 9, 1)
    wb.save(old)
    for files in ((path, old, new), (path, new, old)):
        result = run("pair", *files, "--format", "json", cwd=tmp_path)
        assert pairs_of(result)["李明轩"] == "王芳", files


def test_a_child_left_unpaired_by_the_pairing_is_unpaired_after_it(tmp_path: Path) -> None:
    """Nobody else has a place: 王梓萱 stays in 未结对, whatever the column said before."""
    kids = [
        kid(1, C51, 帮扶教师="李强"),
        kid(2, C51, 帮扶教师="李强"),
        kid(3, C51, 帮扶教师="李强"),
    ]
    path = roster(tmp_path / "r.xlsx", kids, [teacher("李强", C51)])
    book = tmp_path / "p.xlsx"
    assert run("pair", path, "--out", book, cwd=tmp_path).exit_code == 1  # one unpaired
    assert [r[2] for r in book_rows(book, "未结对")] == ["张雨涵"]
    before = run("summary", path, *TERM, "--format", "json", cwd=tmp_path)
    after = run("summary", path, book, *TERM, "--format", "json", cwd=tmp_path)
    assert (paired(before), paired(after)) == ((3, 3), (3, 2))
    assert after.stderr.splitlines()[0] == used(str(book), 3)
    again = run("pair", path, "--keep", book, "--format", "json", cwd=tmp_path)
    assert pairs_of(again) == {"李明轩": "李强", "王梓萱": "李强"}


def test_children_without_id_numbers_are_found_by_the_roster_row(tmp_path: Path) -> None:
    """Two 张雨涵 in one class, no ID numbers, a sheet and file named with full-width
    brackets: only 名册位置 tells the twins apart in the pairs workbook, and it must be read
    back exactly. (Each has a guardian of its own: rows alike in every cell that tells
    children apart would be one child entered twice.)"""
    twins = [
        {**kid(n, C51, 帮扶教师="李强"), "姓名": "张雨涵", "身份证号": None, "监护人姓名": f"张{n}"}
        for n in (1, 2)
    ]
    kids = [*twins, {**kid(3, C51, 帮扶教师="李强"), "身份证号": None}]
    staff = [teacher("李强", C51), teacher("王芳", C32)]
    path = write_xlsx(
        tmp_path / "花名册（秋）.xlsx", {"五（1）班": table(kids), "教师": table(staff)}
    )
    book = tmp_path / "p.xlsx"
    first = run("pair", path, "--out", book, "--format", "json", cwd=tmp_path)
    moved = [(p["row"], p["teacher"]) for p in first.json()["pairs"]]
    assert moved == [(2, "李强"), (3, "王芳"), (4, "李强")]  # one twin moves
    assert [r[11] for r in book_rows(book) if isinstance(r[0], int)] == [
        f"花名册（秋）.xlsx|五（1）班|{row}" for row in (2, 3, 4)
    ]
    again = run("pair", path, "--keep", book, "--format", "json", cwd=tmp_path)
    assert [(p["row"], p["teacher"], p["kept"]) for p in again.json()["pairs"]] == [
        (2, "李强", True),
        (3, "王芳", True),
        (4, "李强", True),
    ]
    assert again.stderr.splitlines()[0] == used(str(book), 3)


# ---- what survives a school's hands ----


def test_a_re_saved_workbook_and_its_csv_are_still_pairs(tmp_path: Path) -> None:
    path = overfull(tmp_path)
    book = tmp_path / "p.xlsx"
    assert run("pair", path, "--out", book, cwd=tmp_path).exit_code == 0
    resaved = tmp_path / "again.xlsx"
    load_workbook(book).save(resaved)  # as a spreadsheet program writes it back
    as_csv = tmp_path / "pairs.csv"
    with as_csv.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows(load_workbook(book)["结对名单"].iter_rows(values_only=True))
    for copy in (resaved, as_csv):
        result = run("summary", path, copy, *TERM, "--format", "json", cwd=tmp_path)
        assert (result.exit_code, paired(result)) == (0, (3, 3)), copy
        assert result.stderr.splitlines()[0] == used(str(copy), 3)


def test_validate_checks_a_teacher_typed_into_the_pairs_workbook_where_it_is(
    tmp_path: Path,
) -> None:
    kids = [kid(1, C32), kid(2, "五年级(1)班")]
    staff = [teacher("王芳", C32), teacher("王芳", "五年级(1)班")]  # two of one name
    path = roster(tmp_path / "r.xlsx", kids, staff)
    book = tmp_path / "p.xlsx"
    assert run("pair", path, "--out", book, cwd=tmp_path).exit_code == 0
    clean = run("validate", path, book, "--format", "json", cwd=tmp_path)
    # 王芳（三年级(2)班） is 王芳: only the namesakes themselves are a finding (TCH002)
    assert clean.json()["summary"]["by_code"] == {"TCH002": 1}
    # the summary counts both children paired; pairing again keeps each with her 王芳
    summed = run("summary", path, book, *TERM, "--format", "json", cwd=tmp_path)
    assert paired(summed) == (2, 2)
    again = run("pair", path, "--keep", book, "--format", "json", cwd=tmp_path)
    assert [(p["teacher"], p["kept"]) for p in again.json()["pairs"]] == [
        ("王芳（三年级(2)班）", True),
        ("王芳（五年级(1)班）", True),
    ]
    wb = load_workbook(book)
    wb["结对名单"]["G4"] = "王大锤"
    wb.save(book)
    result = run("validate", path, book, "--format", "json", cwd=tmp_path)
    (found,) = [f for f in result.json()["findings"] if f["code"] != "TCH002"]
    where = (found["code"], found["file"], found["sheet"], found["row"], found["column"])
    assert where == ("TCH003", str(book), "结对名单", 4, "G")
    assert found["message"] == "帮扶教师“王大锤”不在教师名单中"


# ---- the workspace names the pairs file ----


def workspace(tmp_path: Path, kids: list[dict[str, Any]], staff: list[dict[str, Any]]) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir(exist_ok=True)
    roster(ws / "roster.xlsx", kids, staff)
    (ws / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\npairs = "结对名单.xlsx"\n', encoding="utf-8"
    )
    return ws


def school() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    kids = [kid(1, C32), kid(2, C32), kid(3, C51), kid(4, C51), kid(5, C32)]
    staff = [
        teacher("王芳", C32, 3),
        teacher("李强", C51, 3),
        teacher("陈静", C32, role="科任教师"),
    ]
    return kids, staff


def test_adding_a_child_then_removing_a_teacher_moves_only_who_must_move(
    tmp_path: Path,
) -> None:
    kids, staff = school()
    ws = workspace(tmp_path, kids, staff)
    first = run("pair", "--save", "--format", "json", cwd=ws)
    assert first.exit_code == 0
    before = pairs_of(first)
    assert len(before) == 5

    newcomer = kid(6, C51)
    workspace(tmp_path, [*kids, newcomer], staff)
    added = run("pair", "--save", "--format", "json", cwd=ws)
    assert added.stderr.splitlines()[0] == used("结对名单.xlsx", 5)
    after = pairs_of(added)
    assert {k: v for k, v in after.items() if k != newcomer["姓名"]} == before
    assert [p["child"] for p in added.json()["pairs"] if not p["kept"]] == [newcomer["姓名"]]

    gone = "陈静"
    workspace(tmp_path, [*kids, newcomer], [x for x in staff if x["姓名"] != gone])
    removed = run("pair", "--save", "--format", "json", cwd=ws)
    third = pairs_of(removed)
    moved = {k for k, v in after.items() if v == gone}
    assert moved  # the case means something only if 陈静 had children
    assert {k: v for k, v in third.items() if k not in moved} == {
        k: v for k, v in after.items() if k not in moved
    }
    assert {p["child"] for p in removed.json()["pairs"] if not p["kept"]} == moved


def test_out_naming_the_workspace_pairs_file_replaces_it(tmp_path: Path) -> None:
    ws = workspace(tmp_path, *school())
    assert run("pair", "--out", "结对名单.xlsx", cwd=ws).exit_code == 0
    again = run("pair", "--out", "结对名单.xlsx", cwd=ws)
    assert again.exit_code == 0
    assert again.stderr.splitlines()[-1].startswith("已写出结对名单：结对名单.xlsx（lbc.toml 指定")
    # any other input is still never written over
    line = one_error_line(run("pair", "--out", "roster.xlsx", cwd=ws))
    assert line == "lbc: 错误：输出文件 roster.xlsx 与输入文件相同，已拒绝覆盖"


def test_save_never_overwrites_a_file_lbc_did_not_write(tmp_path: Path) -> None:
    """The school keeps its own list under the configured name: it is no pairs workbook."""
    ws = workspace(tmp_path, *school())
    own = roster(ws / "结对名单.xlsx", [kid(9, C32, 帮扶教师="王芳")], [teacher("王芳", C32)])
    before = own.read_bytes()
    line = one_error_line(run("pair", "--save", cwd=ws))
    assert line == (
        "lbc: 错误：结对名单.xlsx 不是 lbc pair 写出的结对名单，已拒绝覆盖；"
        "请改 lbc.toml 的 [files] pairs，或用 --out 写到别处"
    )
    assert own.read_bytes() == before


@pytest.mark.parametrize(
    ("toml", "args", "error"),
    [
        (
            '[files]\nroster = ["roster.xlsx"]\n',
            ("--save",),
            'lbc: 错误：lbc.toml 没有指定结对名单：请在 [files] 中写 pairs = "结对名单.xlsx"，'
            "或用 --out 给出文件名",
        ),
        (
            '[files]\nroster = ["roster.xlsx"]\npairs = "结对名单.xlsx"\n',
            ("--save", "--out", "x.xlsx"),
            "lbc: 错误：--save 与 --out 只能用一个：--save 写到 lbc.toml 指定的结对名单",
        ),
        (
            '[files]\nroster = ["roster.xlsx"]\npairs = 3\n',
            ("--save",),
            "lbc: 错误：配置文件 {ws}/lbc.toml 有误：第 3 行：files.pairs 应为 文件路径",
        ),
    ],
)
def test_save_mistakes_are_one_line(
    tmp_path: Path, toml: str, args: tuple[str, ...], error: str
) -> None:
    ws = workspace(tmp_path, *school())
    (ws / "lbc.toml").write_text(toml, encoding="utf-8")
    assert one_error_line(run("pair", *args, cwd=ws)) == error.format(ws=ws)


def test_init_names_the_pairs_file(tmp_path: Path) -> None:
    assert run("init", tmp_path / "ws").exit_code == 0
    text = (tmp_path / "ws" / "lbc.toml").read_text(encoding="utf-8")
    assert 'pairs = "结对名单.xlsx"' in text


# ---- 名册位置, written and read back ----

SHEET_NAMES = st.text(
    st.characters(blacklist_characters=":\\/?*[]", blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=31,
)
FILE_NAMES = st.text(
    st.characters(blacklist_characters='<>:"/\\|?*', blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda n: n.strip(" .") == n and n not in (".", ".."))


@given(folder=st.sampled_from(["", "乡镇", "a/b"]), name=FILE_NAMES, sheet=SHEET_NAMES,
       row=st.integers(1, 1_048_576))  # fmt: skip
def test_a_roster_place_reads_back_as_written(
    tmp_path_factory: pytest.TempPathFactory, folder: str, name: str, sheet: str, row: int
) -> None:
    root = tmp_path_factory.getbasetemp()
    roster_file = root / folder / f"{name}.xlsx"
    book = root / "结对名单.xlsx"
    text = place(str(roster_file), sheet, row, book)
    assert parse_place(text, str(book)) == (roster_file.resolve(), sheet, row)


def test_columns_knows_the_pairs_workbooks_own_columns(tmp_path: Path) -> None:
    """`lbc columns` on lbc pair's own workbook passes over the columns it writes for people
    to read (重点帮扶原因, 教师电话, 是否延续) as lbc's own, asking for no [synonyms]."""
    path = roster(tmp_path / "花名册.xlsx", [kid(1), kid(2)], [teacher("王芳", C32)])
    assert run("pair", path, "--out", tmp_path / "结对名单.xlsx").exit_code == 0
    result = run("columns", tmp_path / "结对名单.xlsx", "--format", "json")
    (entry,) = result.json()["files"]
    sheet = next(s for s in entry["sheets"] if s["sheet"] == "结对名单")
    assert [(c["column"], c["header"], c["why"]) for c in sheet["ignored"]] == [
        ("A", "序号", "numbering"),
        ("F", "重点帮扶原因", "own"),
        ("H", "教师电话", "own"),
        ("J", "是否延续", "own"),
    ]
    shown = run("columns", tmp_path / "结对名单.xlsx", "--format", "csv").stdout
    assert "synonyms" not in shown
    assert shown.count("lbc 结对名单自己写出的列，供人查看，读结对时不需要") == 3
