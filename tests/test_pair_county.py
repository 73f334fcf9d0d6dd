"""lbc pair over a county of three schools, each with a 三年级(1)班 and a teachers sheet: the
places each school's teachers offer serve its own children only. Through the real CLI on
real workbooks, over the county's folder and over the roster lbc merge makes of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_pair import C31, kid, teacher

from conftest import on_a_terminal, run, table, write_xlsx

SOURCES = ("县", "全县.xlsx")  # the county's folder, and its merged roster


def county(tmp_path: Path, *, on_leave: bool = False) -> Path:
    """县/<school>/<school>留守儿童花名册.xlsx, each a 花名册 and a 教师 sheet, and 全县.xlsx
    merged of them. 青山小学: three children, 王芳 with two places (and 周杰, not in post,
    ``on_leave``). 白鹤小学: one child, 李强 with five. 红星小学: two children, 赵敏 with four."""
    root = tmp_path / "县"
    away = [teacher("周杰", "五年级(1)班", active="否")] if on_leave else []
    schools = {
        "青山小学": (
            [kid(1, C31), kid(2, C31), kid(3, C31)],
            [teacher("王芳", C31, role="班主任"), *away],
        ),
        "白鹤小学": ([kid(4, C31)], [teacher("李强", C31, role="班主任", 可帮扶人数=5)]),
        "红星小学": (
            [kid(5, C31), kid(6, C31)],
            [teacher("赵敏", C31, role="班主任", 可帮扶人数=4)],
        ),
    }
    for name, (kids, staff) in schools.items():
        (root / name).mkdir(parents=True)
        sheets = {"花名册": table(kids), "教师": table(staff)}
        write_xlsx(root / name / f"{name}留守儿童花名册.xlsx", sheets)
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    return root


@pytest.mark.parametrize("source", SOURCES)
def test_a_countys_places_are_counted_school_by_school(tmp_path: Path, source: str) -> None:
    """李强's five places and 赵敏's four were counted as places for any of the county's six
    children: 11 places (2 + 5 + 4), though 青山小学's third child was left unpaired for want
    of one. Each school's places now serve its own children: 2 + 1 + 2, with each school's
    figures in the JSON and a line each in the text above the county's."""
    county(tmp_path)
    result = run("pair", source, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 1  # 青山小学's third child
    summary = result.json()["summary"]
    assert summary == {
        "children": 6,
        "to_pair": 6,
        "paired": 5,
        "kept": 0,
        "new": 5,
        "unpaired": 1,
        "left_school": 0,
        "duplicates": 0,
        "teachers": 3,
        "places": 5,
        "teachers_with_children": 3,
        "idle_teachers": 0,
        "max_per_teacher": 2,
        "schools": [
            {
                "school": "白鹤小学",
                "to_pair": 1,
                "paired": 1,
                "unpaired": 0,
                "teachers": 1,
                "places": 1,
            },
            {
                "school": "红星小学",
                "to_pair": 2,
                "paired": 2,
                "unpaired": 0,
                "teachers": 1,
                "places": 2,
            },
            {
                "school": "青山小学",
                "to_pair": 3,
                "paired": 2,
                "unpaired": 1,
                "teachers": 1,
                "places": 2,
            },
        ],
    }
    text = run("pair", source, cwd=tmp_path).stdout.splitlines()
    assert text[-4:] == [
        "白鹤小学：1 名儿童参与结对，已结对 1 名，未结对 0 名；1 名教师，帮扶名额 1 个",
        "红星小学：2 名儿童参与结对，已结对 2 名，未结对 0 名；1 名教师，帮扶名额 2 个",
        "青山小学：3 名儿童参与结对，已结对 2 名，未结对 1 名；1 名教师，帮扶名额 2 个",
        "共 6 名儿童参与结对：已结对 5 名（延续 0 名，新结对 5 名），未结对 1 名；"
        "3 名教师中 3 名有帮扶学生",
    ]
    english = run("--lang", "en", "pair", source, cwd=tmp_path).stdout.splitlines()
    assert english[-4:] == [
        "白鹤小学: 1 child to pair, 1 paired, 0 unpaired; 1 teacher, 1 place",
        "红星小学: 2 children to pair, 2 paired, 0 unpaired; 1 teacher, 2 places",
        "青山小学: 3 children to pair, 2 paired, 1 unpaired; 1 teacher, 2 places",
        "6 children to pair: 5 paired (0 kept, 5 new), 1 unpaired; 3 of 3 teachers have a child",
    ]


def test_one_schools_run_names_no_school(tmp_path: Path) -> None:
    """A school's own run has no per-school figures: its summary is the school's."""
    root = county(tmp_path)
    school = root / "青山小学"
    result = run("pair", "青山小学留守儿童花名册.xlsx", "--format", "json", cwd=school)
    summary = result.json()["summary"]
    assert "schools" not in summary
    assert (summary["to_pair"], summary["places"], summary["unpaired"]) == (3, 2, 1)
    text = run("pair", "青山小学留守儿童花名册.xlsx", cwd=school).stdout.splitlines()
    assert [line.strip() for line in text[-2:]] == [
        "",
        "共 3 名儿童参与结对：已结对 2 名（延续 0 名，新结对 2 名），未结对 1 名；"
        "1 名教师中 1 名有帮扶学生",
    ]


def shown(text: str) -> list[str]:
    """A terminal's lines, without the spaces rich pads them with."""
    return [line.rstrip() for line in text.splitlines()]


CHINESE_TABLE = [
    "结对名单",
    "",
    "  班级                   行   学生姓名   帮扶教师   结对依据     延续",
    " " + "─" * 69,
    "  白鹤小学 三年级(1)班   2    刘浩然     李强       本班班主任   否",
    "  红星小学 三年级(1)班   2    陈思彤     赵敏       本班班主任   否",
    "  红星小学 三年级(1)班   3    杨子墨     赵敏       本班班主任   否",
    "  青山小学 三年级(1)班   2    张雨涵     王芳       本班班主任   否",
    "  青山小学 三年级(1)班   3    李明轩     王芳       本班班主任   否",
    "",
    "未结对儿童（1 名）",
    "",
    "  班级                   行   学生姓名   原因",
    " " + "─" * 70,
    "  青山小学 三年级(1)班   4    王梓萱     帮扶名额不足（还差 1 个名额）",
    "",
    "没有帮扶学生的教师（1 名）",
    "",
    "  学校       行   帮扶教师   原因",
    " " + "─" * 35,
    "  青山小学   3    周杰       不在岗",
    "",
]

ENGLISH_PAIRS = [
    "Pairs",
    "",
    "  class               row   child    teacher   reason                     kept",
    " " + "─" * 78,
    "  白鹤小学            2     刘浩然   李强      the class's head teacher   no",
    "  三年级(1)班",
    "  红星小学            2     陈思彤   赵敏      the class's head teacher   no",
    "  三年级(1)班",
    "  红星小学            3     杨子墨   赵敏      the class's head teacher   no",
    "  三年级(1)班",
    "  青山小学            2     张雨涵   王芳      the class's head teacher   no",
    "  三年级(1)班",
]


def test_a_countys_classes_are_named_with_their_school(tmp_path: Path) -> None:
    """Each of the three schools has a 三年级(1)班 and rows 2 and 3: lbc pair's table said
    三年级(1)班 and the row alone, so which school's 张雨涵 of row 2 was paired (and which
    school's teacher of row 3 was not in post) could not be told from the terminal, nor
    from the JSON's or CSV's class over a merged roster (one file). Each class is now named
    with its school, as lbc flag, lbc diff and the summary name a county's classes, and the
    teachers without a child are listed with their school."""
    county(tmp_path, on_leave=True)
    text = shown(on_a_terminal("pair", "县", cwd=tmp_path))
    assert text[: len(CHINESE_TABLE)] == CHINESE_TABLE
    english = shown(on_a_terminal("--lang", "en", "pair", "县", cwd=tmp_path))
    assert english[: len(ENGLISH_PAIRS)] == ENGLISH_PAIRS
    assert "  青山小学 三年级(1)班   4     王梓萱   not enough places (1 short)" in english
    assert "  school     row   teacher   why" in english
    assert "  青山小学   3     周杰      not in post" in english
    classes = [
        ("白鹤小学 三年级(1)班", "刘浩然"),
        ("红星小学 三年级(1)班", "陈思彤"),
        ("红星小学 三年级(1)班", "杨子墨"),
        ("青山小学 三年级(1)班", "张雨涵"),
        ("青山小学 三年级(1)班", "李明轩"),
        ("青山小学 三年级(1)班", "王梓萱"),
    ]
    for source in SOURCES:
        doc = run("pair", source, "--format", "json", cwd=tmp_path).json()
        got = [(p["class"], p["child"]) for p in doc["pairs"] + doc["unpaired"]]
        assert got == classes, source
        csv = run("pair", source, "--format", "csv", "--no-bom", cwd=tmp_path).stdout
        idle = ("青山小学", "")  # 周杰, not in post: her school, and no child
        assert [tuple(line.split(",")[1::-1]) for line in csv.splitlines()[1:]] == [
            *classes,
            idle,
        ]


def test_a_countys_idle_teachers_are_given_with_their_school_and_file(tmp_path: Path) -> None:
    """Each school's teachers list has a row 3; 青山小学's 周杰, not in post, pairs with no
    child. The JSON's idle_teachers row gave her name, sheet and row only, where the table
    names her school and every other row its file: a county's script could not tell whose
    teacher she was. It now gives her school and file, over the folder and the merged
    roster alike."""
    county(tmp_path, on_leave=True)
    own = "县/青山小学/青山小学留守儿童花名册.xlsx"
    for source, file, sheet, row in (
        ("县", own, "教师", 3),
        ("全县.xlsx", "全县.xlsx", "教师名单", 5),
    ):
        doc = run("pair", source, "--format", "json", cwd=tmp_path).json()
        assert doc["idle_teachers"] == [
            {
                "teacher": "周杰",
                "school": "青山小学",
                "file": file,
                "sheet": sheet,
                "row": row,
                "why": "不在岗",
            }
        ], source
        # The CSV lists her too, her school where a class would be, as a county reads it.
        csv = run("pair", source, "--format", "csv", "--no-bom", cwd=tmp_path).stdout
        assert csv.splitlines()[-1] == f",青山小学,{file},{sheet},{row},周杰,,,不在岗", source


def test_one_schools_classes_are_named_alone(tmp_path: Path) -> None:
    """A school's own run names its classes without the school, as before."""
    root = county(tmp_path, on_leave=True)
    school = root / "青山小学"
    text = shown(on_a_terminal("pair", "青山小学留守儿童花名册.xlsx", cwd=school))
    assert text[2:6] == [
        "  班级          行   学生姓名   帮扶教师   结对依据     延续",
        " " + "─" * 60,
        "  三年级(1)班   2    张雨涵     王芳       本班班主任   否",
        "  三年级(1)班   3    李明轩     王芳       本班班主任   否",
    ]
    assert "  行   帮扶教师   原因" in text


def test_teachers_of_no_known_school_are_said_so(tmp_path: Path) -> None:
    """A township's folder of two schools' children (a 学校 column) and a teachers list that
    says no school: its 王芳 pairs with no child, and is counted under no school, last, as
    lbc merge lists her (（未能确定）), over the folder and its merged roster alike; not
    under a school named after her file or folder."""
    folder = tmp_path / "乡" / "联合"
    folder.mkdir(parents=True)
    kids = [{"学校": "青山小学", **kid(1)}, {"学校": "白鹤小学", **kid(2)}]
    write_xlsx(folder / "花名册.xlsx", {"花名册": table(kids)})
    write_xlsx(folder / "教师名单.xlsx", {"教师名单": table([teacher("王芳", C31)])})
    assert run("merge", "乡", "--out", "乡.xlsx", cwd=tmp_path).exit_code == 1
    for source in ("乡", "乡.xlsx"):
        summary = run("pair", source, "--format", "json", cwd=tmp_path).json()["summary"]
        assert [(s["school"], s["to_pair"], s["teachers"]) for s in summary["schools"]] == [
            ("白鹤小学", 1, 0),
            ("青山小学", 1, 0),
            ("", 0, 1),
        ]
        text = run("pair", source, cwd=tmp_path).stdout.splitlines()
        assert text[-2] == (
            "（未能确定）：0 名儿童参与结对，已结对 0 名，未结对 0 名；1 名教师，帮扶名额 0 个"
        )


def book_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """A pairs workbook sheet's header and rows, as printed (the columns before the hidden
    ones), without its title and signature lines."""
    ws = load_workbook(path)[sheet]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    width = len(rows[0]) - sum(ws.column_dimensions[c].hidden for c in ws.column_dimensions)
    return [tuple(r[:width]) for r in rows if not str(r[0]).startswith("制表人")]


@pytest.mark.parametrize("source", SOURCES)
def test_a_countys_pairs_workbook_names_each_rows_school(tmp_path: Path, source: str) -> None:
    """The pairs workbook of the county's folder (lbc pair 县 --out) had no 学校 column,
    as its rosters have no 学校 cells: three schools' 三年级(1)班 children, 王芳, 李强 and
    赵敏 on one signed list, whose school only the hidden 名册位置 said. Over the merged
    roster it had one. It has one now over either, and pairing with it again keeps every
    pair."""
    county(tmp_path, on_leave=True)
    result = run("pair", source, "--out", "结对.xlsx", cwd=tmp_path)
    assert result.exit_code == 1
    book = tmp_path / "结对.xlsx"
    assert [r[:5] for r in book_rows(book, "结对名单")] == [
        ("序号", "学校", "班级", "学生姓名", "性别"),
        (1, "白鹤小学", C31, "刘浩然", "女"),
        (2, "红星小学", C31, "陈思彤", "女"),
        (3, "红星小学", C31, "杨子墨", "女"),
        (4, "青山小学", C31, "张雨涵", "女"),
        (5, "青山小学", C31, "李明轩", "女"),
    ]
    assert [r[:6] for r in book_rows(book, "教师帮扶名单")] == [
        ("序号", "学校", "教师姓名", "职务", "联系电话", "帮扶人数"),
        (1, "白鹤小学", "李强", "班主任", "13800050824", 1),
        (2, "红星小学", "赵敏", "班主任", "13800062148", 2),
        (3, "青山小学", "王芳", "班主任", "13800063038", 2),
        (4, "青山小学", "周杰", "科任教师", "13800048088", 0),
    ]
    assert book_rows(book, "未结对")[:2] == [
        ("序号", "学校", "班级", "学生姓名", "原因"),
        (1, "青山小学", C31, "王梓萱", "帮扶名额不足（还差 1 个名额）"),
    ]
    again = run("pair", source, "结对.xlsx", "--format", "json", cwd=tmp_path).json()
    assert (again["summary"]["kept"], again["summary"]["paired"]) == (5, 5)


@pytest.mark.parametrize("keep", ["pairs", "roster"])
def test_a_child_who_moved_school_keeps_no_namesake_of_her_old_teacher(
    tmp_path: Path, keep: str
) -> None:
    """张雨涵 was paired in 白鹤小学 with its 李强; she has moved to 青山小学, which has a 李强
    too. Given last term's pairs workbook or the county's merged roster with --keep, she was
    "kept" with 青山小学's 李强, another person who only shares the name. Her old pair is
    now not used, and said; she is paired afresh in her new school (with its 李强 again,
    the one of its teachers who has no child yet, but not as a pair kept)."""
    root = tmp_path / "县"

    def write(qs: list[dict[str, Any]], bh: list[dict[str, Any]]) -> None:
        schools = {
            "青山小学": (qs, [teacher("李强", "六年级(1)班"), teacher("王芳", C31, role="班主任")]),
            "白鹤小学": (bh, [teacher("李强", C31, role="班主任", 联系电话="13800000021")]),
        }
        for name, (kids, staff) in schools.items():
            (root / name).mkdir(parents=True, exist_ok=True)
            sheets = {"花名册": table(kids), "教师": table(staff)}
            write_xlsx(root / name / f"{name}留守儿童花名册.xlsx", sheets)

    write([kid(2, C31)], [kid(1, C31), kid(3, C31)])
    made = run("pair", "县", "--out", "结对.xlsx", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    merged = run("merge", "县", "--out", "上学期.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    old = "结对.xlsx" if keep == "pairs" else "上学期.xlsx"
    if keep == "roster":  # last term's roster names her teacher in its 帮扶教师 column
        book = load_workbook(tmp_path / "上学期.xlsx")
        sheet = book["留守儿童花名册"]
        header = [c.value for c in sheet[1]]
        column = header.index("帮扶教师") + 1 if "帮扶教师" in header else len(header) + 1
        sheet.cell(1, column, "帮扶教师")
        for row in range(2, sheet.max_row + 1):
            name = sheet.cell(row, header.index("姓名") + 1).value
            sheet.cell(
                row, column, {"张雨涵": "李强", "李明轩": "王芳", "王梓萱": "李强"}.get(name)
            )
        book.save(tmp_path / "上学期.xlsx")
    write([kid(2, C31), kid(1, C31)], [kid(3, C31)])
    again = run("pair", "县", "--keep", old, "--format", "json", cwd=tmp_path)
    pairs = {p["child"]: (p["teacher"], p["kept"]) for p in again.json()["pairs"]}
    # Paired afresh, with the teacher who has none yet (more teachers taking part).
    assert pairs["张雨涵"] == ("李强（青山小学）", False)
    assert pairs["王梓萱"] == ("李强（白鹤小学）", True)  # who stayed keeps hers
    assert "1 名儿童结对时在另一所学校，现在在本次读入的另一所学校，原学校老师的结对未采用" in (
        again.stderr
    )
