"""``lbc birthdays``: the left-behind children born in a month, by class, by day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, make_id, run, write_xlsx


def year_of(month: int) -> int:
    """The year a birthday in ``month`` falls in next: this year, or next for a month past."""
    today = dt.date.today()
    return today.year if month >= today.month else today.year + 1


def school(folder: Path) -> Path:
    march = [dt.date(2016, 3, d) for d in (20, 5, 9, 1, 30)]
    rows = [
        [*child_row(1, birth=march[0]), "王芳", "在读"],
        [*child_row(2, birth=march[1], cls="一年级(1)班"), None, "在读"],
        # born in March by the ID number only
        [*child_row(3, 出生日期=None, 身份证号=make_id(march[2], 105)), "王芳", "在读"],
        [*child_row(4, birth=dt.date(2016, 4, 2)), "王芳", "在读"],  # April
        [*child_row(5, birth=march[3], kind="非留守"), None, "在读"],  # not left behind
        [*child_row(6, birth=march[4]), None, "转出"],  # gone
    ]
    teachers = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "是", "是"],
    ]
    write_xlsx(
        folder / "r.xlsx",
        {"花名册": [[*CHILD_HEADER, "帮扶教师", "在校状态"], *rows], "教师": teachers},
    )
    return folder


def test_march_by_class_and_day(tmp_path: Path) -> None:
    result = run("birthdays", "r.xlsx", "--month", "3", "-f", "json", cwd=school(tmp_path))
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    turns = year_of(3) - 2016
    listed = [
        (g["class"], g["head_teachers"], c["name"], c["birth_date"], c["turns"], c["row"])
        for g in doc["classes"]
        for c in g["children"]
    ]
    assert listed == [
        ("一年级(1)班", [], "李明轩", "2016-03-05", turns, 3),
        ("三年级(2)班", ["王芳"], "王梓萱", "2016-03-09", turns, 4),
        ("三年级(2)班", ["王芳"], "张雨涵", "2016-03-20", turns, 2),
    ]
    assert (doc["month"], doc["children"]) == (3, 3)


def test_born_to_the_month_only_the_id_gives_the_day(tmp_path: Path) -> None:
    """The forms' 出生年月 (2015年3月, 2015.3, 201503) says the month; the ID number says
    the day. The child is on the month's list with the ID's day; a 出生年月 the ID
    contradicts (a finding of lbc validate) is left as written, as a whole 出生日期 is: the
    child is on its month's list, the day unknown, and a note says her two months, which
    lbc birthdays for April says too (she is not on its list)."""
    rows = [
        child_row(1, 出生日期="2015年3月", 身份证号=make_id(dt.date(2015, 3, 7), 103)),
        child_row(2, 出生日期="2015.3", 身份证号=make_id(dt.date(2015, 3, 21), 105)),
        child_row(3, 出生日期="201503", 身份证号=make_id(dt.date(2015, 4, 2), 107)),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("birthdays", "r.xlsx", "--month", "3", "-f", "json", cwd=tmp_path)
    note = (
        "提示：1 名留守儿童的“出生日期”与身份证号中的出生日期不在同一个月，其中一个是 {} 月"
        "（首个在 r.xlsx 的“花名册”第 4 行），名单按“出生日期”列出，可能列错了月份；"
        "请核实后按 lbc validate（ID006）改正\n"
    )
    assert (result.exit_code, result.stderr) == (0, note.format(3))
    listed = [(c["name"], c["birth_date"]) for g in result.json()["classes"] for c in g["children"]]
    assert listed == [("张雨涵", "2015-03-07"), ("李明轩", "2015-03-21"), ("王梓萱", "2015-03")]
    april = run("birthdays", "r.xlsx", "--month", "4", "-f", "json", cwd=tmp_path)
    assert (april.stderr, april.json()["classes"]) == (note.format(4), [])
    may = run("birthdays", "r.xlsx", "--month", "5", cwd=tmp_path)
    assert may.stderr == ""


def test_an_id_typed_as_a_number_still_gives_the_birthday(tmp_path: Path) -> None:
    """An ID number typed as a number keeps 15 digits (lbc validate says so, ID004): its
    birth date, digits 7 to 14, is whole, so the child is on its month's list; an old
    15-digit ID holds no 18-digit birth date and gives none."""
    typed = int(make_id(dt.date(2015, 3, 7), 103)[:15] + "000")
    rows = [
        child_row(1, 出生日期=None, 身份证号=typed),
        child_row(2, 出生日期=None, 身份证号="511321150303103"),
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("birthdays", "r.xlsx", "--month", "3", "-f", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    listed = [(c["name"], c["birth_date"]) for g in result.json()["classes"] for c in g["children"]]
    assert listed == [("张雨涵", "2015-03-07")]


def test_table_and_a_month_that_is_no_month(tmp_path: Path) -> None:
    school(tmp_path)
    table = run("birthdays", "r.xlsx", "-m", "4", cwd=tmp_path)
    assert table.exit_code == 0
    assert "三年级(2)班（班主任：王芳）— 1 人过生日" in table.stdout
    assert "4月2日" in table.stdout and "4月共有 1 名留守儿童过生日。" in table.stdout
    bad = run("birthdays", "r.xlsx", "--month", "13", cwd=tmp_path)
    assert bad.exit_code == 2 and bad.stderr == "lbc: 错误：--month 13 不是月份，请写 1 到 12\n"


def test_samples_in_march(samples: Path) -> None:
    result = run("birthdays", "--month", "3", "-f", "csv", cwd=samples)
    assert result.exit_code == 0, result.stderr
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("一年级(2)班", "唐一诺", "2018-03-14"),
        ("二年级(2)班", "何宇", "2017-03-09"),
        ("四年级(2)班", "苟雨泽", "2015-03-15"),
        ("五年级(1)班", "王喆", "2014-03-10"),
        ("六年级(1)班", "袁涛", "2013-03-20"),
        ("火箭班", "吴静怡", "2016-03-08"),
    ]


def test_a_child_born_to_the_month_only_is_on_that_months_list(tmp_path: Path) -> None:
    """A child with no ID number (no 户口 yet: the registration form asks 是否登记户口) and
    出生年月 2015年3月 has its birthday in March, the day unknown: lbc birthdays left it off
    every month's list, silently. A left-behind child whose birth date nothing gives is on
    no list, and a note says how many and where the first is."""
    rows = [
        child_row(1, birth=dt.date(2015, 3, 20)),
        child_row(2, 出生日期="2015年3月", 身份证号=None),
        child_row(3, 出生日期=None, 身份证号=None),
        child_row(4, 出生日期="2015.3", 身份证号=None, kind="非留守"),  # not left behind
        child_row(5, 出生日期="不详", 身份证号="511321150303103"),  # 15 digits: no date
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [CHILD_HEADER, *rows]})
    result = run("birthdays", "r.xlsx", "--month", "3", "-f", "json", cwd=tmp_path)
    assert result.exit_code == 0
    turns = year_of(3) - 2015
    listed = [
        (c["name"], c["birth_date"], c["turns"], c["row"])
        for g in result.json()["classes"]
        for c in g["children"]
    ]
    assert listed == [("张雨涵", "2015-03-20", turns, 2), ("李明轩", "2015-03", turns, 3)]
    assert result.stderr == (
        "提示：2 名留守儿童的出生日期未填或无法识别，身份证号也看不出"
        "（首个在 r.xlsx 的“花名册”第 4 行），不在任何月份的生日名单上；"
        "请按 lbc validate 所指改正\n"
    )
    table = run("birthdays", "r.xlsx", "--month", "3", cwd=tmp_path).stdout
    assert "3月20日" in table and "3月（日不详）" in table
    assert "3月共有 2 名留守儿童过生日。" in table
    csv = run("birthdays", "r.xlsx", "--month", "3", "-f", "csv", cwd=tmp_path).stdout
    assert [line.split(",")[2:4] for line in csv.splitlines()[1:]] == [
        ["张雨涵", "2015-03-20"],
        ["李明轩", "2015-03"],
    ]


def test_a_passports_number_gives_no_birthday(tmp_path: Path) -> None:
    """A child whose 身份证件类型 is 护照 holds a passport's number of 18 characters that
    looks like an ID's (2016-03-09 inside): with no 出生日期 she is on no month's list and
    counted among those nobody can place, not on March's by a date the passport never
    said; a 居民身份证's number still gives its child's birthday."""
    passport, card = make_id(dt.date(2016, 3, 9), 103), make_id(dt.date(2016, 3, 20), 105)
    rows = [
        [*child_row(1, 出生日期=None, 身份证号=passport), "护照"],
        [*child_row(2, 出生日期=None, 身份证号=card), "居民身份证"],
    ]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": [[*CHILD_HEADER, "身份证件类型"], *rows]})
    result = run("birthdays", "r.xlsx", "--month", "3", "-f", "json", cwd=tmp_path)
    assert result.exit_code == 0
    listed = [
        (c["name"], c["birth_date"], c["turns"], c["row"])
        for g in result.json()["classes"]
        for c in g["children"]
    ]
    assert listed == [("李明轩", "2016-03-20", year_of(3) - 2016, 3)]
    assert result.stderr == (
        "提示：1 名留守儿童的出生日期未填或无法识别，身份证号也看不出"
        "（首个在 r.xlsx 的“花名册”第 2 行），不在任何月份的生日名单上；"
        "请按 lbc validate 所指改正\n"
    )
