"""A teacher who wrote a visit into the roster's 备注 (9月10日家访，奶奶在家) instead of the
records sheet: lbc counts only records, so the child was said unvisited without a word.
Every command that counts records now says how many such 备注 there are."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHILD_HEADER, child_row, run, write_xlsx

NOTE = (
    "提示：1 名儿童的“备注”里写了哪天家访、谈心或送温暖（首个在 花名册.xlsx 的“花名册”第 2 行），"
    "备注不是帮扶记录，没有计入；请记到帮扶记录表里"
)


def roster(tmp_path: Path, *notes: str | None) -> Path:
    """One child a note, each paired with 王芳; no records sheet."""
    header = [*CHILD_HEADER, "帮扶教师", "备注"]
    rows = [[*child_row(n + 1), "王芳", note] for n, note in enumerate(notes)]
    sheets = {"花名册": [header, *rows], "教师": [["姓名", "在岗"], ["王芳", "是"]]}
    return write_xlsx(tmp_path / "花名册.xlsx", sheets)


@pytest.mark.parametrize(
    "note", ["9月10日家访，奶奶在家", "10.8谈心", "送温暖（2024-12-20）", "家访：10月8日"]
)
def test_a_visit_written_in_the_notes_is_said_not_counted(tmp_path: Path, note: str) -> None:
    """张雨涵's 备注 says a day and a contact; 李明轩's (重点家访对象) and 王梓萱's (父母离异)
    say neither a day nor a contact made: only hers is said, by due and summary alike."""
    roster(tmp_path, note, "重点家访对象", "父母离异")
    due = run("due", "花名册.xlsx", "--as-of", "2024-10-15", cwd=tmp_path)
    assert NOTE in due.stderr.splitlines()
    summary = run("summary", "花名册.xlsx", "--term", "2024-autumn", cwd=tmp_path)
    assert NOTE in summary.stderr.splitlines()


def test_notes_without_a_days_record_say_nothing(tmp_path: Path) -> None:
    roster(tmp_path, "重点家访对象", "2024年9月转入", "家访时奶奶不在家需再访")
    due = run("due", "花名册.xlsx", "--as-of", "2024-10-15", cwd=tmp_path)
    assert "备注" not in due.stderr


@pytest.mark.parametrize(
    "note",
    [
        "每月谈心1-2次",
        "2023.9转入，重点家访对象",
        "父母2019.5外出务工，每周谈心",
        "身高1.2米，需家访",
    ],
)
def test_a_count_a_month_or_a_measure_beside_a_contact_is_no_day(tmp_path: Path, note: str) -> None:
    """备注 schools write every day: how often to talk (1-2次), the month a child came
    (2023.9), a height (1.2米). None is a day a contact was made, and none is said."""
    roster(tmp_path, note)
    due = run("due", "花名册.xlsx", "--as-of", "2024-10-15", cwd=tmp_path)
    assert "备注" not in due.stderr
