"""A child the school pairs with another teacher mid-term (a pairs workbook's 结对日期):
lbc due holds the new teacher to what falls from that day on, not to the months and days
before she had the child."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

C32 = "三年级(2)班"


def teacher(name: str, phone: str) -> list[Any]:
    return [name, "女", phone, "班主任", C32, "语文", "否", "是"]


def repaired(tmp_path: Path, day: dt.date | None, to: str = "王芳") -> tuple[Path, Path]:
    """张雨涵, 李强's, and 李明轩, 王芳's, in the roster; nobody talked with 张雨涵 in
    September. The pairs workbook lbc pair wrote is then changed as a school changes it on
    ``day``: 张雨涵 goes to ``to`` (结对日期 ``day``; None: a workbook without that column)."""
    kids = [
        [*CHILD_HEADER, "帮扶教师"],
        [*child_row(1), "李强"],
        [*child_row(2), "王芳"],
    ]
    staff = [TEACHER_HEADER, teacher("李强", "13800001111"), teacher("王芳", "13800002222")]
    talk = [dt.date(2024, 9, 10), "王芳", "李明轩", C32, "谈心", "谈学习"]
    sheets = {"花名册": kids, "教师": staff, "帮扶记录": [RECORD_HEADER, talk]}
    path = write_xlsx(tmp_path / "花名册.xlsx", sheets)
    book = tmp_path / "结对名单.xlsx"
    assert run("pair", path, "--out", book, cwd=tmp_path).exit_code == 0
    wb = load_workbook(book)
    ws = wb["结对名单"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        if row[header.index("学生姓名")].value == "张雨涵":
            row[header.index("帮扶教师")].value = to
        if day is None:
            row[header.index("结对日期")].value = None
        else:
            row[header.index("结对日期")].value = dt.datetime(day.year, day.month, day.day)
    wb.save(book)
    return path, book


def owed(tmp_path: Path, day: dt.date | None, as_of: str) -> dict[str, Any]:
    path, book = repaired(tmp_path, day)
    result = run("due", path, book, "--as-of", as_of, "--format", "json", cwd=tmp_path)
    return result.json()


def test_a_teacher_given_a_child_mid_term_is_not_overdue_for_the_time_before(
    tmp_path: Path,
) -> None:
    """王芳 is given 张雨涵 on Oct 20, in 李强's place. On Oct 25 lbc due said 王芳 had missed
    September's talk with her and 55 days without contact: overdue, for weeks before she
    had the child. From Oct 20: no month missed (October is mostly before it), 6 days."""
    path, book = repaired(tmp_path, dt.date(2024, 10, 20))
    result = run("due", path, book, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    (wang,) = result.json()["teachers"]
    got = {
        c["child"]: (c["missed_months"], c["days_without_contact"], c["overdue"], c["owed"])
        for c in wang["children"]
    }
    assert got == {
        "张雨涵": ([], 6, False, ["home_visit", "warmth"]),
        "李明轩": ([], 45, True, ["talk", "home_visit", "warmth"]),
    }
    assert result.json()["summary"]["overdue"] == 1
    assert result.stderr.splitlines()[1:] == [
        "提示：1 名儿童是结对名单在本学年中途才交给现在的帮扶教师的，从结对日期算起没有逾期"
        "（此前的月份和无联系的天数不算在这位教师名下）"
    ]


def test_a_pairs_workbook_without_its_day_holds_the_teacher_to_the_whole_term(
    tmp_path: Path,
) -> None:
    """Without 结对日期 lbc cannot tell when 王芳 had the child: the term is hers, as before."""
    path, book = repaired(tmp_path, None)
    result = run("due", path, book, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    (wang,) = result.json()["teachers"]
    zhang = next(c for c in wang["children"] if c["child"] == "张雨涵")
    assert (zhang["missed_months"], zhang["days_without_contact"], zhang["overdue"]) == (
        ["2024-09"],
        55,
        True,
    )
    assert "结对日期算起" not in result.stderr


def test_a_pair_kept_as_it_was_changes_nothing(tmp_path: Path) -> None:
    """A workbook made on Oct 20 that keeps 李强 with 张雨涵 (its 结对时名册帮扶教师 李强):
    李强 has had her all term, and is overdue for September."""
    path, book = repaired(tmp_path, dt.date(2024, 10, 20), to="李强")
    result = run("due", path, book, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    li = next(x for x in result.json()["teachers"] if x["teacher"] == "李强")
    (zhang,) = li["children"]
    assert (zhang["missed_months"], zhang["days_without_contact"], zhang["overdue"]) == (
        ["2024-09"],
        55,
        True,
    )
    assert "结对日期算起" not in result.stderr


def test_the_new_teachers_record_sheet_lays_out_no_talk_of_the_months_before(
    tmp_path: Path,
) -> None:
    """Record sheets made after the re-pairing: 王芳's lays out 张雨涵's talks from November
    (October is mostly before Oct 20), 李明轩's from September, as lbc due holds her."""
    path, book = repaired(tmp_path, dt.date(2024, 10, 20))
    out = tmp_path / "记录表"
    made = run("record-sheets", path, book, "--term", "2024-autumn", "--out", out)
    assert made.exit_code == 0, made.stderr
    sheet = load_workbook(out / "帮扶记录表_2024年秋季学期_王芳.xlsx")["帮扶记录"]
    talks: dict[str, list[str]] = {}
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if row[3] == "谈心":
            talks.setdefault(row[1], []).append(row[4])
    assert talks == {
        "张雨涵": ["2024年11月", "2024年12月", "2025年1月"],
        "李明轩": ["2024年9月", "2024年10月", "2024年11月", "2024年12月", "2025年1月"],
    }


def held(result: Any) -> tuple[list[str], int, bool]:
    """What lbc due's JSON holds 张雨涵's teacher to: months missed, days, overdue."""
    zhang = next(
        c for x in result.json()["teachers"] for c in x["children"] if c["child"] == "张雨涵"
    )
    return zhang["missed_months"], zhang["days_without_contact"], zhang["overdue"]


def set_day(book: Path, day: dt.date) -> None:
    """Every row of ``book``'s 结对名单 dated ``day``, as if lbc pair had made it then."""
    wb = load_workbook(book)
    ws = wb["结对名单"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        if row[header.index("学生姓名")].value:
            row[header.index("结对日期")].value = dt.datetime(day.year, day.month, day.day)
    wb.save(book)


def test_a_pairs_workbook_made_again_keeps_the_day_the_pair_began(tmp_path: Path) -> None:
    """王芳 is given 张雨涵 on Sep 5 (the first workbook); on Oct 20 the school runs lbc pair
    again, which keeps her with 王芳, the roster's 帮扶教师 still saying 李强. 王芳 has had
    her since Sep 5, not Oct 20: on Oct 25 she is overdue for September's talk and 51 days
    without contact, as the first workbook alone says."""
    path, first = repaired(tmp_path, dt.date(2024, 9, 5))
    alone = run("due", path, first, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    second = tmp_path / "结对名单2.xlsx"
    made = run("pair", path, first, "--out", second, cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    set_day(second, dt.date(2024, 10, 20))
    both = run(
        "due", path, first, second, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path
    )
    for result in (alone, both):
        assert held(result) == (["2024-09"], 51, True)


def test_a_county_workbook_keeping_every_pair_changes_nothing(tmp_path: Path) -> None:
    """lbc pair over a county's folder names each teacher with her school (李强（白鹤小学）)
    where the roster's 帮扶教师 says 李强: the same teacher, kept. Every child was said given
    to her teacher on the workbook's day, and no teacher overdue for September; each of
    them is, with 55 days without contact, as without the workbook."""
    root = tmp_path / "县"
    for n, name in enumerate(["白鹤小学", "青山小学"]):
        kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1 + 2 * n), "李强"]]
        staff = [TEACHER_HEADER, teacher("李强", f"1380000{n}111")]
        (root / name).mkdir(parents=True)
        write_xlsx(root / name / "花名册.xlsx", {"花名册": kids, "教师": staff})
        toml = f'[school]\nname = "{name}"\n[files]\nroster = ["花名册.xlsx"]\n'
        (root / name / "lbc.toml").write_text(toml, encoding="utf-8")
    book = tmp_path / "结对名单.xlsx"
    assert run("pair", ".", "--out", book, cwd=root).exit_code == 0
    set_day(book, dt.date(2024, 10, 20))
    result = run("due", ".", book, "--as-of", "2024-10-25", "--format", "json", cwd=root)
    got = [
        (x["school"], c["child"], c["missed_months"], c["days_without_contact"], c["overdue"])
        for x in result.json()["teachers"]
        for c in x["children"]
    ]
    assert got == [
        ("白鹤小学", "张雨涵", ["2024-09"], 55, True),
        ("青山小学", "王梓萱", ["2024-09"], 55, True),
    ]
    assert "结对日期算起" not in result.stderr


def made_on(book: Path, day: dt.date) -> None:
    """``book`` as lbc pair would have written it on ``day``: each 结对日期 of today's, the
    day it was made, is ``day``."""
    wb = load_workbook(book)
    ws = wb["结对名单"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        cell = row[header.index("结对日期")]
        if isinstance(cell.value, dt.datetime) and cell.value.date() == dt.date.today():
            cell.value = dt.datetime(day.year, day.month, day.day)
    wb.save(book)


def test_pairing_again_makes_no_kept_pair_new(tmp_path: Path) -> None:
    """A roster naming no teachers: lbc pair --save pairs 张雨涵 with 李强 and 李明轩 with
    王芳 on Sep 5, and nobody talks with them. On Oct 20 the school runs lbc pair --save
    again, which keeps both pairs (延续原结对) and replaces the workbook. It made both pairs
    Oct 20's, and nobody overdue. The pairs are older than the workbook: on Oct 25 each
    teacher is overdue for September, held to the whole term as without a 结对日期."""
    kids = [CHILD_HEADER, child_row(1), child_row(2)]
    staff = [TEACHER_HEADER, teacher("李强", "13800001111"), teacher("王芳", "13800002222")]
    write_xlsx(tmp_path / "花名册.xlsx", {"花名册": kids, "教师": staff})
    toml = '[files]\nroster = ["花名册.xlsx"]\npairs = "结对名单.xlsx"\n'
    (tmp_path / "lbc.toml").write_text(toml, encoding="utf-8")
    book = tmp_path / "结对名单.xlsx"
    for day in (dt.date(2024, 9, 5), dt.date(2024, 10, 20)):
        assert run("pair", "--save", cwd=tmp_path).exit_code == 0
        made_on(book, day)
    result = run("due", "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    got = [
        (c["child"], c["missed_months"], c["days_without_contact"], c["overdue"])
        for x in result.json()["teachers"]
        for c in x["children"]
    ]
    assert got == [("张雨涵", ["2024-09"], 55, True), ("李明轩", ["2024-09"], 55, True)]
    assert "结对日期算起" not in result.stderr


def test_a_workbook_made_again_dates_a_moved_pair_by_the_first(tmp_path: Path) -> None:
    """The school moves 张雨涵 from 李强 to 王芳 in its pairs workbook on Sep 5, and on
    Oct 20 runs lbc pair again with it, the roster's 帮扶教师 still saying 李强: the new
    workbook, which replaces the first, keeps her with 王芳 and dates that pair Sep 5, the
    day it began. On Oct 25 王芳 is overdue for September, 51 days; it had been dated Oct
    20, and 王芳 held to nothing before."""
    path, first = repaired(tmp_path, dt.date(2024, 9, 5))
    second = tmp_path / "结对名单2.xlsx"
    assert run("pair", path, first, "--out", second, cwd=tmp_path).exit_code == 0
    made_on(second, dt.date(2024, 10, 20))
    result = run("due", path, second, "--as-of", "2024-10-25", "--format", "json", cwd=tmp_path)
    assert held(result) == (["2024-09"], 51, True)


def test_a_pair_kept_from_last_terms_roster_is_not_new_on_the_workbooks_day(
    tmp_path: Path,
) -> None:
    """This term's roster names no teachers; lbc pair --keep last term's, where 王芳 had
    张雨涵, keeps her with 王芳 (延续原结对) on Mar 10. 王芳 has had her all year: on Mar 25,
    last talked with on Jan 10, she is overdue for February, as without the workbook;
    she was said given to 王芳 on Mar 10, and 王芳 not overdue."""
    staff = [TEACHER_HEADER, teacher("李强", "13800001111"), teacher("王芳", "13800002222")]
    last = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": last, "教师": staff})
    talk = [dt.date(2025, 1, 10), "王芳", "张雨涵", C32, "谈心", "谈寒假安排"]
    sheets = {
        "花名册": [CHILD_HEADER, child_row(1)],
        "教师": staff,
        "帮扶记录": [RECORD_HEADER, talk],
    }
    write_xlsx(tmp_path / "花名册.xlsx", sheets)
    book = tmp_path / "结对名单.xlsx"
    made = run("pair", "花名册.xlsx", "--keep", "上学期.xlsx", "--out", book, cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    made_on(book, dt.date(2025, 3, 10))
    result = run(
        "due", "花名册.xlsx", book, "--as-of", "2025-03-25", "--format", "json", cwd=tmp_path
    )
    assert held(result) == (["2025-02"], 74, True)
    assert "结对日期算起" not in result.stderr


def test_the_last_contact_before_the_pair_is_shown_as_long_ago_as_it_was(
    tmp_path: Path,
) -> None:
    """李强 talked with 张雨涵 on Oct 1; the school gave her to 王芳 on Oct 20. On Nov 25
    lbc due showed 2024-10-01（37 天前）, counting from the pair's day: Oct 1 was 55 days
    before. 王芳 is judged from Oct 20 all the same: overdue, 37 days over 30."""
    path, book = repaired(tmp_path, dt.date(2024, 10, 20))
    wb = load_workbook(path)
    wb["帮扶记录"].append([dt.datetime(2024, 10, 1), "李强", "张雨涵", C32, "谈心", "谈学习"])
    wb.save(path)
    result = run("due", path, book, "--as-of", "2024-11-25", cwd=tmp_path)
    (line,) = [x for x in result.stdout.splitlines() if "张雨涵" in x]
    assert "2024-10-01（55 天前）" in line
    assert line.split()[-1] == "是"
