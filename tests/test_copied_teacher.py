"""A child entered twice whose own row names no teacher and whose copy names one: every
command takes her as that teacher's, as lbc pair keeps the pair (lbc.roster.pairs), and
a row of another school (the roster of the school she left) lends her no teacher."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from test_pair import C32, C61, KEPT, kid, pair_json, roster, teacher, who

from conftest import run


def _copied(tmp_path: Path) -> Path:
    """张雨涵 on rows 2 and 4 (one ID number), her 帮扶教师 on row 2 empty, on row 4 王芳."""
    first = kid(1, C32, 帮扶教师=None)
    copy = {**first, "帮扶教师": "王芳"}
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C61)]
    return roster(tmp_path / "r.xlsx", [first, kid(2, C32, 帮扶教师="李强"), copy], staff)


def _due(tmp_path: Path, *paths: Path) -> tuple[dict[str, Any], dict[str, list[str]]]:
    result = run("due", *paths, "--format", "json", cwd=tmp_path)
    doc = result.json()
    return doc["summary"], {
        x["teacher"]: [c["child"] for c in x["children"]] for x in doc["teachers"]
    }


def test_due_and_the_summary_take_the_teacher_her_copy_names(tmp_path: Path) -> None:
    path = _copied(tmp_path)
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc)["张雨涵"] == ("王芳", KEPT, True)
    summary, children = _due(tmp_path, path)
    assert children == {"李强": ["李明轩"], "王芳": ["张雨涵"]}
    assert (summary["paired"], summary["unpaired"]) == (2, 0)
    result = run("summary", path, "--term", "2026-autumn", "--format", "json", cwd=tmp_path)
    pairing = result.json()["pairing"]
    assert (pairing["children"], pairing["paired"], pairing["unpaired"]) == (2, 2, [])
    assert pairing["teachers_below_quota"] == []


def test_her_own_cell_showing_a_formulas_error_takes_the_copys_teacher(tmp_path: Path) -> None:
    path = _copied(tmp_path)
    book = load_workbook(path)
    book["花名册"]["O2"] = "#N/A"  # her own cell a failed VLOOKUP's
    book.save(path)
    _, children = _due(tmp_path, path)
    assert children == {"李强": ["李明轩"], "王芳": ["张雨涵"]}


def test_copies_naming_two_teachers_give_her_neither(tmp_path: Path) -> None:
    first = kid(1, C32, 帮扶教师=None)
    rows = [first, kid(2, C32, 帮扶教师="李强"), {**first, "帮扶教师": "王芳"}]
    rows.append({**first, "帮扶教师": "李强"})
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C61)]
    summary, children = _due(tmp_path, roster(tmp_path / "r.xlsx", rows, staff))
    assert children == {"李强": ["李明轩"]}
    assert (summary["paired"], summary["unpaired"]) == (1, 1)


def test_the_school_she_left_lends_her_no_teacher(tmp_path: Path) -> None:
    """She left 青山小学 (转出, 王芳 her teacher there) for 白鹤小学, whose row names nobody
    yet: 白鹤小学's own 王芳 was kept as hers, a teacher who never supported her. She is
    paired afresh, with her head teacher."""
    left = kid(1, C32, 学校="青山小学", 在校状态="转出", 帮扶教师="王芳")
    now = {**left, "学校": "白鹤小学", "在校状态": "在读", "帮扶教师": None}
    staff = [
        teacher("王芳", C61, 学校="青山小学"),
        teacher("李强", C32, role="班主任", 学校="白鹤小学"),
        teacher("王芳", C61, 学校="白鹤小学"),
    ]
    path = roster(tmp_path / "r.xlsx", [left, kid(2, C32, 学校="青山小学"), now], staff)
    code, doc = pair_json(tmp_path, path)
    assert code == 0
    assert who(doc)["张雨涵"] == ("李强", "本班班主任", False)
    _, children = _due(tmp_path, path)
    assert children == {}


def test_a_pairs_workbook_that_left_her_unpaired_decides_over_her_copy(tmp_path: Path) -> None:
    """lbc pair left her 未结对 (王芳 full, her kept row naming nobody): the pairs workbook
    decides her pair, and her copy's 王芳 is not lent to her behind it, which gave 王芳 a
    third child past her two places and the summary a coverage of 100%."""
    first = kid(1, C32, 帮扶教师=None)
    rows = [first, kid(2, C32, 帮扶教师="李强"), kid(3, C32, 帮扶教师="李强")]
    rows += [
        kid(4, C61, 帮扶教师="王芳"),
        kid(5, C61, 帮扶教师="王芳"),
        {**first, "帮扶教师": "王芳"},
    ]
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C61)]
    path = roster(tmp_path / "r.xlsx", rows, staff)
    pairs = tmp_path / "p.xlsx"
    result = run("pair", path, "--max-per-teacher", "2", "--out", pairs, cwd=tmp_path)
    assert result.exit_code == 1  # one child left without a place
    code, doc = pair_json(tmp_path, path, pairs, "--max-per-teacher", "2")
    assert code == 1
    assert [u["child"] for u in doc["unpaired"]] == ["张雨涵"]
    summary, children = _due(tmp_path, path, pairs)
    assert children == {"李强": ["李明轩", "王梓萱"], "王芳": ["刘浩然", "陈思彤"]}
    assert (summary["paired"], summary["unpaired"]) == (4, 1)


def test_her_copy_goes_before_last_terms_roster(tmp_path: Path) -> None:
    """Last term's roster (--keep) names a teacher only for a child nobody else names: her
    copy this term names 王芳, so she keeps 王芳, not last term's 李强."""
    first = kid(1, C32, 帮扶教师=None)
    staff = [teacher("李强", C32, role="班主任"), teacher("王芳", C61)]
    rows = [first, kid(2, C32, 帮扶教师="李强"), {**first, "帮扶教师": "王芳"}]
    path = roster(tmp_path / "r.xlsx", rows, staff)
    old = [kid(1, C32, 帮扶教师="李强"), kid(2, C32, 帮扶教师="李强")]
    last = roster(tmp_path / "old.xlsx", old, None)
    code, doc = pair_json(tmp_path, path, "--keep", last)
    assert code == 0
    assert who(doc) == {"张雨涵": ("王芳", KEPT, True), "李明轩": ("李强", KEPT, True)}
