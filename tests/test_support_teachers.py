"""Who supports a child, answered alike by every command (lbc.roster.people.TeachersInPost).

Without a teachers list, a filled 帮扶教师 cell names the child's support teacher (nothing
contradicts it); with one, a teacher in post on the child's school's list. In a folder of
schools, two schools' 王芳 are two teachers: one record sheet, one due list, one phone each.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import TEACHER_HEADER, Row, card_page, child_cells, run, table, write_xlsx

TERM = ("--term", "2026-autumn")
AS_OF = ("--as-of", "2026-11-20")


def teachers(*rows: tuple[str, str, str]) -> list[list[object]]:
    """A teachers sheet: (name, phone, 在岗) per teacher."""
    return [
        TEACHER_HEADER,
        *([name, "女", phone, "科任教师", "三年级(2)班", "语文", "否", active]
          for name, phone, active in rows),
    ]  # fmt: skip


def workspace(folder: Path, children: list[Row], **sheets: list[list[object]]) -> Path:
    """One school's roster (a title naming the school above it) in ``folder``, with a watch
    threshold low enough that a child's missing teacher (WCH012, 2) lists it."""
    folder.mkdir(parents=True)
    school = folder.name
    write_xlsx(
        folder / "花名册.xlsx",
        {"留守儿童": [[f"{school}留守儿童花名册"], *table(children)], **sheets},
    )
    return folder


# 张雨涵 names 王芳, 李明轩 names 李强, 王梓萱 names nobody.
CHILDREN = [child_cells(1, 帮扶教师="王芳"), child_cells(2, 帮扶教师="李强"), child_cells(3)]


def card_teachers(page: str) -> dict[str, str]:
    """Each card's child -> its 帮扶教师 line, from the HTML as a reader sees it."""
    text = re.sub(r"<[^>]+>", "\n", re.sub(r"<style.*?</style>", "", page, flags=re.S))
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    out = {}
    for k, line in enumerate(lines):
        if line.startswith("留守儿童联系卡 · "):
            child = line.removeprefix("留守儿童联系卡 · ")
        elif line == "帮扶教师":
            out[child] = lines[k + 1]
    return out


def who_supports_whom(ws: Path) -> dict[str, object]:
    """What summary, due, watch, cards, birthdays and record-sheets each say of the roster."""
    (ws / "lbc.toml").write_text('[files]\nroster = ["花名册.xlsx"]\n\n[watch]\nthreshold = 2\n')
    summary = run("summary", *TERM, "--format", "json", cwd=ws)
    due = run("due", *TERM, *AS_OF, "--format", "json", cwd=ws)
    watch = run("watch", "--format", "json", cwd=ws)
    birthdays = run("birthdays", "--month", "5", "--format", "json", cwd=ws)
    cards = run("cards", "--out", "卡.html", cwd=ws)
    sheets = run("record-sheets", *TERM, "--out", "记录表", cwd=ws)
    assert cards.exit_code == 0 and sheets.exit_code == 0, cards.stderr + sheets.stderr
    pairing = summary.json()["pairing"]
    return {
        "summary": (pairing["paired"], pairing["unpaired"]),
        "due": (
            due.json()["summary"]["unpaired"],
            [x["teacher"] for x in due.json()["teachers"]],
        ),
        "watch": {
            w["name"]: [r["message"] for r in w["reasons"]]
            for c in watch.json()["classes"]
            for w in c["children"]
        },
        "birthdays": {
            b["name"]: b["support_teacher"]
            for c in birthdays.json()["classes"]
            for b in c["children"]
        },
        "cards": card_teachers(card_page(ws / "卡.html")),
        "record_sheets": sorted(p.name for p in (ws / "记录表").iterdir()),
    }


def test_without_a_teachers_list_every_command_takes_the_cells_at_their_word(
    tmp_path: Path,
) -> None:
    said = who_supports_whom(workspace(tmp_path / "青山小学", CHILDREN))
    blank = "姓名：＿＿＿＿＿＿\u3000电话：＿＿＿＿＿＿"
    assert said == {
        "summary": (2, [{"class": "三年级(2)班", "names": ["王梓萱"]}]),
        "due": (1, ["王芳", "李强"]),
        "watch": {"王梓萱": ["没有帮扶教师（未填写）"]},
        "birthdays": {"张雨涵": "王芳", "李明轩": "李强", "王梓萱": None},
        "cards": {
            "张雨涵": "姓名：王芳\u3000电话：＿＿＿＿＿＿",
            "李明轩": "姓名：李强\u3000电话：＿＿＿＿＿＿",
            "王梓萱": blank,
        },
        "record_sheets": [
            "帮扶记录表_2026年秋季学期_李强.xlsx",
            "帮扶记录表_2026年秋季学期_王芳.xlsx",
        ],
    }


def test_the_summary_says_the_pairs_it_counted_from_the_column(tmp_path: Path) -> None:
    ws = workspace(tmp_path / "青山小学", CHILDREN)
    result = run("summary", *TERM, ws / "花名册.xlsx", cwd=ws)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        "2. 结对帮扶，一对一关爱。结对儿童 2 名，覆盖率 66.7%，每名帮扶教师平均帮扶 1.0 名"
        "（据花名册“帮扶教师”列，未提供教师名单）。"
    ) in lines
    assert "1. 结对帮扶未全覆盖：有 1 名儿童尚未落实帮扶教师。" in lines
    assert (
        "提示：没有读到教师名单，结对情况按花名册“帮扶教师”列统计，教师是否在岗无法核对"
    ) in result.stderr.splitlines()


def test_with_a_teachers_list_every_command_asks_it(tmp_path: Path) -> None:
    listed = teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "否"))
    said = who_supports_whom(workspace(tmp_path / "青山小学", CHILDREN, 教师=listed))
    blank = "姓名：＿＿＿＿＿＿\u3000电话：＿＿＿＿＿＿"
    assert said == {
        "summary": (
            1,
            [{"class": "三年级(2)班", "names": ["李明轩", "王梓萱"]}],
        ),
        "due": (2, ["王芳"]),
        "watch": {
            "李明轩": ["没有帮扶教师（李强 不在岗）"],
            "王梓萱": ["没有帮扶教师（未填写）"],
        },
        "birthdays": {"张雨涵": "王芳", "李明轩": None, "王梓萱": None},
        "cards": {
            "张雨涵": "姓名：王芳\u3000电话：13900001111",
            "李明轩": blank,
            "王梓萱": blank,
        },
        "record_sheets": ["帮扶记录表_2026年秋季学期_王芳.xlsx"],
    }


# ---- two schools, each with its own 王芳 ----


def two_schools(tmp_path: Path) -> Path:
    """青山小学 (王芳, 李强; 张雨涵 and 李明轩 with 王芳) and 白石小学 (王芳 alone; 王梓萱
    with 王芳, 刘浩然 naming 李强, who is 青山小学's), in one folder."""
    folder = tmp_path / "全乡"
    workspace(
        folder / "青山小学",
        [child_cells(1, 帮扶教师="王芳"), child_cells(2, 帮扶教师="王芳")],
        教师=teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "是")),
    )
    workspace(
        folder / "白石小学",
        [child_cells(3, 帮扶教师="王芳"), child_cells(4, 帮扶教师="李强")],
        教师=teachers(("王芳", "13900003333", "是")),
    )
    return folder


def test_record_sheets_are_one_per_teacher_of_each_school(tmp_path: Path) -> None:
    folder = two_schools(tmp_path)
    result = run("record-sheets", *TERM, "青山小学", "白石小学", "--out", "记录表", cwd=folder)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "已写出 2 份帮扶记录表（共预置 21 行待填）到 记录表",
        "提示：1 名儿童没有在岗的帮扶教师，不在任何记录表中",
        '提示：在 lbc.toml 的 [files] 中写 records = "记录表"，各命令即会读取交回的记录表',
    ]
    books = {}
    for path in sorted((folder / "记录表").iterdir()):
        wb = load_workbook(path)
        records, children = wb["帮扶记录"], wb["结对儿童"]
        names = [r[1] for r in children.iter_rows(min_row=3, values_only=True) if r[1]]
        books[path.name] = (records["A1"].value, names)
    assert books == {
        "帮扶记录表_2026年秋季学期_王芳（白石小学）.xlsx": (
            "白石小学2026年秋季学期帮扶记录表（王芳，2026年9月1日至2027年1月31日）",
            ["王梓萱"],
        ),
        "帮扶记录表_2026年秋季学期_王芳（青山小学）.xlsx": (
            "青山小学2026年秋季学期帮扶记录表（王芳，2026年9月1日至2027年1月31日）",
            ["张雨涵", "李明轩"],
        ),
    }


def test_due_lists_each_schools_namesake_apart(tmp_path: Path) -> None:
    folder = two_schools(tmp_path)
    args = ("due", *TERM, *AS_OF, "青山小学", "白石小学")
    table = run(*args, cwd=folder)
    assert [x for x in table.stdout.splitlines() if "名儿童有待办" in x] == [
        "王芳（青山小学）：2 名儿童有待办",
        "王芳（白石小学）：1 名儿童有待办",
    ]
    assert table.stdout.splitlines()[-1] == (
        "截至 2026-11-20（2026年秋季学期）：结对儿童 3 名；本月未谈心 3 名，有月份漏谈 3 名，"
        "本学期未家访 3 名，本学年未送温暖 3 名，超过 30 天无任何联系 3 名；逾期 3 名"
    )
    document = run(*args, "--format", "json", cwd=folder).json()
    assert [
        (x["teacher"], x["school"], [c["child"] for c in x["children"]])
        for x in document["teachers"]
    ] == [
        ("王芳", "青山小学", ["张雨涵", "李明轩"]),
        ("王芳", "白石小学", ["王梓萱"]),
    ]
    csv = run(*args, "--format", "csv", "--json-keys", "--no-bom", cwd=folder)
    assert [line.split(",")[:2] for line in csv.stdout.splitlines()[1:]] == [
        ["王芳（青山小学）", "张雨涵"],
        ["王芳（青山小学）", "李明轩"],
        ["王芳（白石小学）", "王梓萱"],
    ]


def test_a_childs_teacher_is_of_its_own_school(tmp_path: Path) -> None:
    folder = two_schools(tmp_path)
    schools = ("青山小学", "白石小学")
    cards = run("cards", *schools, "--out", "卡.html", cwd=folder)
    assert cards.exit_code == 0, cards.stderr
    assert card_teachers(card_page(folder / "卡.html")) == {
        "张雨涵": "姓名：王芳\u3000电话：13900001111",
        "李明轩": "姓名：王芳\u3000电话：13900001111",
        "王梓萱": "姓名：王芳\u3000电话：13900003333",
        "刘浩然": "姓名：＿＿＿＿＿＿\u3000电话：＿＿＿＿＿＿",  # 李强 is another school's
    }
    pairing = run("summary", *TERM, *schools, "--format", "json", cwd=folder).json()["pairing"]
    assert {k: pairing[k] for k in ("paired", "teachers", "teachers_with_children")} == {
        "paired": 3,
        "teachers": 3,
        "teachers_with_children": 2,
    }
    assert pairing["teachers_below_quota"] == ["李强"]


def test_pair_prints_each_schools_namesake_with_its_school(tmp_path: Path) -> None:
    folder = two_schools(tmp_path)
    result = run("pair", "青山小学", "白石小学", "--format", "json", cwd=folder)
    assert [(p["child"], p["teacher"], p["kept"]) for p in result.json()["pairs"]] == [
        ("王梓萱", "王芳（白石小学）", True),
        ("刘浩然", "王芳（白石小学）", False),  # 李强 is 青山小学's
        ("张雨涵", "王芳（青山小学）", True),
        ("李明轩", "王芳（青山小学）", True),
    ]


def _untitled(folder: Path, children: list[Row], staff: list[list[object]]) -> Path:
    """A school's folder holding its roster and, in a file of its own, its teachers list,
    neither saying which school (no lbc.toml, no title)."""
    folder.mkdir(parents=True)
    write_xlsx(folder / "花名册.xlsx", {"留守儿童": table(children)})
    write_xlsx(folder / "教师名单.xlsx", {"教师名单": staff})
    return folder


def _qingshan(county: Path, *children: Row) -> None:
    """青山小学's folder in ``county``, its name in lbc.toml, its one teacher 王芳."""
    qs = workspace(
        county / "青山小学", list(children), 教师名单=teachers(("王芳", "13900001111", "是"))
    )
    (qs / "lbc.toml").write_text('[school]\nname = "青山小学"\n', encoding="utf-8")


def _pairs(result: object) -> list[tuple[str, str]]:
    return [(p["child"], p["teacher"]) for p in result.json()["pairs"]]  # type: ignore[attr-defined]


def _due(folder: Path) -> list[tuple[str, str, list[str]]]:
    document = run("due", *TERM, *AS_OF, folder, "--format", "json").json()
    return [
        (x["teacher"], x["school"], [c["child"] for c in x["children"]])
        for x in document["teachers"]
    ]


def test_a_teachers_file_beside_a_roster_with_a_school_column_is_that_schools(
    tmp_path: Path,
) -> None:
    """One school's folder: its roster with a 学校 column, its teachers in another file.
    The teachers file was taken for a school of its own, so lbc pair had no teacher for
    any child (本校没有可结对的在岗教师) while lbc due said 王芳 supports 张雨涵."""
    folder = _untitled(
        tmp_path / "青山",
        [child_cells(1, 学校="青山小学", 帮扶教师="王芳"), child_cells(2, 学校="青山小学")],
        teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "是")),
    )
    result = run("pair", folder, "--format", "json")
    assert _pairs(result) == [("张雨涵", "王芳"), ("李明轩", "李强")]
    assert result.json()["unpaired"] == []
    assert "没有写明学校" not in result.stderr
    assert _due(folder) == [("王芳", "青山小学", ["张雨涵"])]
    # validate holds each file's children parked till checked, their 学校 cells readable.
    checked = run("validate", folder, "--format", "json")
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])


def test_an_untitled_schools_teachers_file_is_its_own_schools_in_a_county(
    tmp_path: Path,
) -> None:
    """A county folder: 青山小学 says its name (lbc.toml); 白鹤's folder says none and
    keeps its teachers in a file of their own. 白鹤's teachers file was taken for
    青山小学's (the one named school), so 青山小学's 王梓萱 was kept with 白鹤's 李强 and
    白鹤's own child had no teacher at all."""
    county = tmp_path / "县"
    _qingshan(county, child_cells(1, 帮扶教师="王芳"), child_cells(3, 帮扶教师="李强"))
    _untitled(
        county / "白鹤",
        [child_cells(2, 帮扶教师="李强")],
        teachers(("李强", "13900002222", "是")),
    )
    result = run("pair", county, "--max-per-teacher", "3", "--format", "json")
    assert _pairs(result) == [("李明轩", "李强"), ("张雨涵", "王芳"), ("王梓萱", "王芳")]
    assert "没有写明学校" not in result.stderr
    # 白鹤's school by its folder's name, as lbc export names its rows.
    assert _due(county) == [("李强", "白鹤", ["李明轩"]), ("王芳", "青山小学", ["张雨涵"])]


def test_a_child_of_a_school_that_names_none_has_no_other_schools_namesake(
    tmp_path: Path,
) -> None:
    """白鹤's folder says no school; its child names 王芳, who is not on 白鹤's list but is
    on 青山小学's. lbc due listed the child under 王芳（青山小学）, whom pair never gives
    a child of another school."""
    county = tmp_path / "县"
    _qingshan(county, child_cells(1, 帮扶教师="王芳"))
    workspace(
        county / "白石小学",
        [child_cells(3, 帮扶教师="王芳")],
        教师名单=teachers(("王芳", "13900003333", "是")),
    )
    _untitled(
        county / "白鹤",
        [child_cells(2, 帮扶教师="王芳")],
        teachers(("李强", "13900002222", "是")),
    )
    assert _due(county) == [
        ("王芳", "白石小学", ["王梓萱"]),
        ("王芳", "青山小学", ["张雨涵"]),
    ]


def test_a_namesake_of_a_school_that_names_none_is_shown_by_its_file(tmp_path: Path) -> None:
    """Two schools' 王芳, one of a workbook that says no school: pair printed that one's
    school as the NUL-marked key lbc keeps internally (王芳（\\x00白鹤/花名册.xlsx）)."""
    county = tmp_path / "县"
    _qingshan(county, child_cells(1, 帮扶教师="王芳"))
    bh = county / "白鹤"
    bh.mkdir()
    write_xlsx(
        bh / "花名册.xlsx",
        {
            "留守儿童": table([child_cells(2, 帮扶教师="王芳")]),
            "教师名单": teachers(("王芳", "13900002222", "是")),
        },
    )
    result = run("pair", county)
    assert "\x00" not in result.stdout + result.stderr
    document = run("pair", county, "--format", "json").json()
    assert [(p["child"], p["teacher"]) for p in document["pairs"]] == [
        ("李明轩", "王芳（白鹤）"),  # as lbc merge names the school
        ("张雨涵", "王芳（青山小学）"),
    ]
    assert _due(county) == [("王芳", "白鹤", ["李明轩"]), ("王芳", "青山小学", ["张雨涵"])]


def test_the_summary_counts_teachers_taking_part_among_those_in_post(tmp_path: Path) -> None:
    """青山小学 has a teachers list of two; 白石小学 has none, and its three children name
    three teachers. The summary said 全校 2 名在岗教师中 4 名参与结对: the teachers taking
    part counted 白石小学's, whom no list says are in post, among 青山小学's two."""
    county = tmp_path / "县"
    workspace(
        county / "青山小学",
        [child_cells(1, 帮扶教师="王芳"), child_cells(2)],
        教师名单=teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "是")),
    )
    named = [child_cells(n, 帮扶教师=name) for n, name in ((3, "赵一"), (4, "钱二"), (5, "孙三"))]
    workspace(county / "白石小学", named)
    pairing = run("summary", *TERM, county, "--format", "json").json()["pairing"]
    assert {k: pairing[k] for k in ("paired", "teachers", "teachers_with_children")} == {
        "paired": 4,
        "teachers": 2,
        "teachers_with_children": 1,
    }
    assert pairing["teachers_rate"] == 0.5
    text = run("summary", *TERM, county).stdout
    assert "各校共 2 名在岗教师中 1 名参与结对（50.0%），结对儿童 4 名，覆盖率 80.0%" in text
    assert text.splitlines()[-2] == "（单位名称）"  # signed by the office, not a school


def _tch003(folder: Path) -> list[tuple[str, int, str]]:
    findings = run("validate", folder, "--format", "json").json()["findings"]
    return [
        (Path(f["file"]).parent.name, f["row"], f["message"])
        for f in findings
        if f["code"] == "TCH003"
    ]


def test_validate_checks_a_childs_teacher_against_its_own_schools_list(tmp_path: Path) -> None:
    """lbc validate checked every 帮扶教师 cell against all the folder's teachers at once:
    a child naming another school's teacher passed, though every other command says it
    has no teacher, and a school with no teachers list had each of its names warned of."""
    county = tmp_path / "县"
    _qingshan(county, child_cells(1, 帮扶教师="王芳"), child_cells(3, 帮扶教师="李强"))
    _untitled(county / "白鹤", [child_cells(2, 帮扶教师="王芳")], teachers(("李强", "139", "是")))
    assert _tch003(county) == [
        ("白鹤", 2, "帮扶教师“王芳”不在本校的教师名单中（只在青山小学的教师名单上）"),
        ("青山小学", 4, "帮扶教师“李强”不在本校的教师名单中（只在白鹤的教师名单上）"),
    ]
    workspace(county / "白石小学", [child_cells(4, 帮扶教师="赵一")])  # no teachers list
    assert [x[0] for x in _tch003(county)] == ["白鹤", "青山小学"]


def _two_wang_fang(folder: Path, *children: Row) -> Path:
    """A school with two 王芳 in post, head teachers of 三年级(2)班 and 五年级(1)班."""
    folder.mkdir(parents=True)
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13900001111", "班主任", "三年级(2)班", "语文", "否", "是"],
        ["王芳", "女", "13900002222", "班主任", "五年级(1)班", "数学", "否", "是"],
    ]
    write_xlsx(folder / "花名册.xlsx", {"留守儿童": table(list(children)), "教师": staff})
    (folder / "lbc.toml").write_text(
        '[school]\nname = "青山小学"\n\n[files]\nroster = ["花名册.xlsx"]\npairs = "结对.xlsx"\n',
        encoding="utf-8",
    )
    return folder


def test_two_namesakes_of_one_school_are_two_teachers_once_paired(tmp_path: Path) -> None:
    """lbc pair tells a school's two 王芳 apart (王芳（三年级(2)班）), but due, the record
    sheets, the summary and the cards took them for one: one 王芳 with both children, one
    record sheet, one teacher in post, and the first 王芳's phone on 李明轩's card."""
    ws = _two_wang_fang(
        tmp_path / "青山小学",
        child_cells(1, 班级="三年级(2)班"),
        child_cells(2, 班级="五年级(1)班"),
    )
    assert run("pair", "--save", cwd=ws).exit_code == 0
    assert _due(ws) == [
        ("王芳（三年级(2)班）", "青山小学", ["张雨涵"]),
        ("王芳（五年级(1)班）", "青山小学", ["李明轩"]),
    ]
    assert run("record-sheets", *TERM, "--out", "记录表", cwd=ws).exit_code == 0
    assert sorted(p.name for p in (ws / "记录表").iterdir()) == [
        "帮扶记录表_2026年秋季学期_王芳（三年级(2)班）.xlsx",
        "帮扶记录表_2026年秋季学期_王芳（五年级(1)班）.xlsx",
    ]
    pairing = run("summary", *TERM, "--format", "json", cwd=ws).json()["pairing"]
    assert (pairing["teachers"], pairing["teachers_with_children"]) == (2, 2)
    assert run("cards", "--out", "卡.html", cwd=ws).exit_code == 0
    assert card_teachers(card_page(ws / "卡.html")) == {
        "张雨涵": "姓名：王芳（三年级(2)班）\u3000电话：13900001111",
        "李明轩": "姓名：王芳（五年级(1)班）\u3000电话：13900002222",
    }


def test_a_cell_naming_one_of_two_namesakes_gives_no_one_elses_phone(tmp_path: Path) -> None:
    """A 帮扶教师 cell of just 王芳, with two in post, names one of them, not known which:
    the card printed the first 王芳's phone. Written as lbc pair writes it, the cell says
    which, and validate no longer calls that name unknown (TCH003)."""
    ws = _two_wang_fang(
        tmp_path / "青山小学",
        child_cells(1, 班级="三年级(2)班", 帮扶教师="王芳"),
        child_cells(2, 班级="五年级(1)班", 帮扶教师="王芳（五年级(1)班）"),
    )
    assert run("cards", "--out", "卡.html", cwd=ws).exit_code == 0
    assert card_teachers(card_page(ws / "卡.html")) == {
        "张雨涵": "姓名：王芳\u3000电话：＿＿＿＿＿＿",
        "李明轩": "姓名：王芳（五年级(1)班）\u3000电话：13900002222",
    }
    assert _due(ws) == [
        ("王芳（五年级(1)班）", "青山小学", ["李明轩"]),
        ("王芳", "青山小学", ["张雨涵"]),
    ]
    codes = [f["code"] for f in run("validate", "--format", "json", cwd=ws).json()["findings"]]
    assert codes == ["TCH002"]


def test_a_card_gives_the_phone_of_the_namesake_in_post(tmp_path: Path) -> None:
    """Two 王芳, the first on the list on leave: the card named the one in post but gave
    the phone of the one on leave, the first of that name on the list."""
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13900001111", "班主任", "五年级(1)班", "语文", "否", "否"],
        ["王芳", "女", "13900002222", "班主任", "三年级(2)班", "语文", "否", "是"],
    ]
    roster = write_xlsx(
        tmp_path / "花名册.xlsx",
        {"留守儿童": table([child_cells(1, 帮扶教师="王芳")]), "教师": staff},
    )
    assert run("cards", roster, "--out", tmp_path / "卡.html").exit_code == 0
    assert card_teachers(card_page(tmp_path / "卡.html")) == {
        "张雨涵": "姓名：王芳\u3000电话：13900002222"
    }


def test_a_saved_pairs_workbook_splits_no_school_from_its_teachers(tmp_path: Path) -> None:
    """A school's roster whose 学校 cells say 青山镇中心小学, its lbc.toml 青山小学. Once
    lbc pair --save wrote the pairs workbook, the run was two files, each file's lbc.toml
    school told rows apart, and the children (青山镇中心小学) lost their own teachers list
    (青山小学): pair again left every child without a teacher, and the summary counted
    王芳 as a teacher with no child."""
    ws = tmp_path / "青山小学"
    ws.mkdir()
    kids = [
        child_cells(1, 学校="青山镇中心小学", 帮扶教师="李强"),
        child_cells(2, 学校="青山镇中心小学", 帮扶教师="王芳"),
    ]
    staff = teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "否"))
    write_xlsx(ws / "花名册.xlsx", {"留守儿童": table(kids), "教师": staff})
    (ws / "lbc.toml").write_text(
        '[school]\nname = "青山小学"\n\n[files]\nroster = ["花名册.xlsx"]\npairs = "结对.xlsx"\n'
        "\n[pairing]\nmax_per_teacher = 2\n",
        encoding="utf-8",
    )
    first = run("pair", "--save", "--format", "json", cwd=ws)
    assert _pairs(first) == [("张雨涵", "王芳"), ("李明轩", "王芳")]
    again = run("pair", "--format", "json", cwd=ws)
    assert _pairs(again) == [("张雨涵", "王芳"), ("李明轩", "王芳")]
    pairing = run("summary", *TERM, "--format", "json", cwd=ws).json()["pairing"]
    assert (pairing["teachers_with_children"], pairing["teachers_below_quota"]) == (1, [])


def test_a_support_teacher_written_with_her_title_is_the_teacher(tmp_path: Path) -> None:
    """帮扶教师 王芳老师 is 王芳 of the teachers list: the child has a teacher in post, on
    the watch list and on its card."""
    children = [child_cells(1, 帮扶教师="王芳老师"), child_cells(2, 帮扶教师="王芳")]
    listed = teachers(("王芳", "13900001111", "是"))
    said = who_supports_whom(workspace(tmp_path / "青山小学", children, 教师=listed))
    assert said["watch"] == {}
    assert said["cards"] == {
        "张雨涵": "姓名：王芳\u3000电话：13900001111",
        "李明轩": "姓名：王芳\u3000电话：13900001111",
    }


@pytest.mark.parametrize("cell", ["苟军、蒋娟", "李勇、苟军"])  # 李勇 is not in post
def test_a_cell_naming_two_teachers_is_the_first_in_posts_child(samples: Path, cell: str):
    """邓思雨's 帮扶教师 cell names two teachers of the list. She was counted as having no
    teacher in post: lbc due left her off its list and said so, pairing took 苟军、蒋娟 for a
    name not on the list and paired her anew. Every command now counts her as the first of
    them in post, as TCH004 says."""
    book = load_workbook(samples / "roster.xlsx")
    book["留守儿童花名册"]["Y4"] = cell
    book.save(samples / "roster.xlsx")
    found = run("validate", "-f", "json", "--select", "TCH004", cwd=samples).json()["findings"]
    assert [(f["code"], f["row"], f["column"], f["message"]) for f in found] == [
        ("TCH004", 4, "Y", f"帮扶教师一栏写了 2 位教师（{cell}），按苟军计为这名儿童的帮扶教师")
    ]
    pairs = run("pair", "-f", "json", cwd=samples).json()["pairs"]
    (mine,) = [p for p in pairs if p["child"] == "邓思雨"]
    assert (mine["teacher"], mine["reason"], mine["kept"]) == ("苟军", "延续原结对", True)
    due = run("due", "--as-of", "2024-10-15", "-f", "json", cwd=samples)
    teachers = {x["teacher"]: [c["child"] for c in x["children"]] for x in due.json()["teachers"]}
    assert teachers["苟军"] == ["邓思雨"]
    assert "提示：34 名儿童没有在岗的帮扶教师，不在待办清单中（见 lbc pair）" in due.stderr
    summary = run("summary", "--term", "2024-autumn", "-f", "json", cwd=samples).json()
    assert summary["pairing"]["paired"] == 22
    assert summary["pairing"]["unpaired"][0] == {
        "class": "一年级(1)班",
        "names": ["吴语桐", "罗语桐"],
    }


def test_a_cell_naming_one_of_two_namesakes_among_several_says_which(tmp_path: Path) -> None:
    """张雨涵's cell names 王芳（四年级(1)班）、李强, and the school has two 王芳 in post.
    TCH004 said she was counted as 王芳's, leaving the school to guess which; it names the
    one the cell tags, as every command counts her."""
    listed = [
        TEACHER_HEADER,
        ["王芳", "女", "13900001111", "科任教师", "三年级(2)班", "语文", "否", "是"],
        ["王芳", "女", "13900002222", "科任教师", "四年级(1)班", "语文", "否", "是"],
        ["李强", "男", "13900003333", "科任教师", "三年级(2)班", "数学", "否", "是"],
    ]
    kids = [child_cells(1, 帮扶教师="王芳（四年级(1)班）、李强")]
    ws = workspace(tmp_path / "青山小学", kids, 教师=listed)
    found = run("validate", "花名册.xlsx", "-f", "json", cwd=ws).json()["findings"]
    assert [(f["code"], f["message"]) for f in found if f["code"] == "TCH004"] == [
        (
            "TCH004",
            "帮扶教师一栏写了 2 位教师（王芳（四年级(1)班）、李强），"
            "按王芳（四年级(1)班）计为这名儿童的帮扶教师",
        )
    ]


def test_a_remark_in_brackets_after_the_teachers_name_names_the_teacher(tmp_path: Path) -> None:
    """张雨涵's 帮扶教师 cell says 王芳（班主任）: 王芳, as lbc validate read it (no TCH003).
    Pairing kept her with 王芳, where it moved her to another teacher as naming nobody; the
    watch list said 王芳(班主任) was not in post; the card and due named no teacher."""
    kids = [child_cells(1, 帮扶教师="王芳（班主任）"), child_cells(2, 帮扶教师="李强")]
    listed = teachers(("王芳", "13900001111", "是"), ("李强", "13900002222", "是"))
    ws = workspace(tmp_path / "青山小学", kids, 教师=listed)
    said = who_supports_whom(ws)
    assert (said["watch"], said["cards"]["张雨涵"], said["due"]) == (
        {},
        "姓名：王芳\u3000电话：13900001111",
        (0, ["王芳", "李强"]),
    )
    doc = run("pair", "--format", "json", cwd=ws).json()
    assert [(p["child"], p["teacher"], p["kept"]) for p in doc["pairs"]] == [
        ("张雨涵", "王芳", True),
        ("李明轩", "李强", True),
    ]
