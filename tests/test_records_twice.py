"""A row written twice on one sheet (the same day, teacher, child, 类型 and 内容): two
records, as two talks on one day are, but nothing told the school, and summary and due
counted the slip twice. lbc validate now says it at the later row (REC011), and the reports
that count records say how many such rows they counted. Two talks on one day of other
content stay silent, and a copy on another sheet still counts once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx
from lbc.output import xlsx_stream
from lbc.roster import reading, sheet_pieces

DAY = dt.date(2024, 10, 8)
TALK = [DAY, "王芳", "张雨涵", "三年级(2)班", "谈心", "了解学习情况"]
NOTE = (
    "提示：1 条帮扶记录与同一张表上前面的一行日期、教师、学生、类型、内容都相同"
    "（首个在 roster.xlsx 的“帮扶记录”第 4 行），按两条记录计入；如果是重复录入，请删去一行；"
    "lbc validate 逐条指出（REC011）"
)
MESSAGE = (
    "这一行与第 2 行的日期、教师、学生、类型、内容都相同，按两条记录计入；"
    "如果是重复录入，请删去一行"
)


def _roster(tmp_path: Path, *rows: list[object], **sheets: list[list[object]]) -> Path:
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    return write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "儿童": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"], ["李强", "是"]],
            "帮扶记录": [RECORD_HEADER, *rows],
            **sheets,
        },
    )


def _findings(path: Path) -> list[tuple[str, int, str, str]]:
    found = run("validate", path.name, "--select", "REC", "--format", "json", cwd=path.parent)
    found = found.json()["findings"]
    return [(f["code"], f["row"], f["column"], f["message"]) for f in found]


def test_a_row_written_twice_is_said_at_the_later_row(tmp_path: Path) -> None:
    """The copy at row 4 repeats row 2, its 内容 spaced otherwise (spaces are no
    difference); a talk of other content the same day (row 3) is not said."""
    again = [*TALK[:5], "  了解学习情况 "]
    other = [*TALK[:5], "谈与同学相处"]
    path = _roster(tmp_path, TALK, other, again)
    assert _findings(path) == [("REC011", 4, "A", MESSAGE)]


def test_the_reports_say_how_many_rows_written_twice_they_counted(tmp_path: Path) -> None:
    other = [*TALK[:5], "谈与同学相处"]
    path = _roster(tmp_path, TALK, other, TALK)
    summary = run("summary", path.name, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["records"]["total"] == 3  # still two records
    assert NOTE in summary.stderr.splitlines()
    due = run("due", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert due.stderr == NOTE + "\n"


def test_two_talks_of_a_day_with_other_content_or_on_other_sheets_are_silent(
    tmp_path: Path,
) -> None:
    """Another 内容, another teacher, another 类型 or another day: not the same row. The
    same row on a copied sheet is a copy, counted once as before, and not REC011."""
    rows = [
        TALK,
        [*TALK[:5], "谈与同学相处"],
        [TALK[0], "李强", *TALK[2:]],
        [*TALK[:4], "家访", TALK[5]],
        [dt.date(2024, 10, 9), *TALK[1:]],
    ]
    path = _roster(tmp_path, *rows, **{"帮扶记录 (2)": [RECORD_HEADER, TALK]})
    assert _findings(path) == []
    summary = run("summary", path.name, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["records"]["total"] == 5
    assert not [line for line in summary.stderr.splitlines() if "REC011" in line]
    due = run("due", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert "REC011" not in due.stderr


def test_rows_written_twice_the_reports_did_not_count_are_not_noted(tmp_path: Path) -> None:
    """A talk of the summer holidays and a talk of a child not on the roster, each written
    twice: lbc validate says the slips (beside REC007, REC002), but no report counted
    them, so none says it counted them twice."""
    summer = [dt.date(2024, 8, 20), *TALK[1:]]
    nobody = [DAY, "王芳", "不存在", None, "谈心", "了解学习情况"]
    path = _roster(tmp_path, summer, summer, nobody, nobody)
    assert [(code, row) for code, row, _, _ in _findings(path)] == [
        ("REC007", 2),
        ("REC007", 3),
        ("REC011", 3),
        ("REC002", 4),
        ("REC011", 5),
        ("REC002", 5),
    ]
    summary = run("summary", path.name, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert "REC011" not in summary.stderr
    due = run("due", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert "REC011" not in due.stderr


def test_one_day_written_two_ways_is_still_the_same_row(tmp_path: Path) -> None:
    """The day is compared as read, not as typed: 2024-10-08 as a date cell, as the text
    2024年10月8日 and as 10月8日 (the term's year) are one day, and rows alike in all else
    are said. Kept on purpose: the 内容 word for word, the same teacher and child on that
    day is most likely one talk entered twice (a clerk copying a teacher's paper sheet in
    beside her own rows), and it counts twice either way; left unsaid, the slip would
    silently make up a talk the child is owed. Where it was two talks, the warning asks
    only for a look, and writing what each was about ends it."""
    (tmp_path / "lbc.toml").write_text(
        '[terms."2024-autumn"]\nstart = 2024-09-01\nend = 2025-01-20\n', encoding="utf-8"
    )
    path = _roster(tmp_path, TALK, ["2024年10月8日", *TALK[1:]], ["10月8日", *TALK[1:]])
    assert _findings(path) == [("REC011", 3, "A", MESSAGE), ("REC011", 4, "A", MESSAGE)]
    due = run("due", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert due.stderr == NOTE.replace("1 条", "2 条").replace("第 4 行", "第 3 行") + "\n"


def test_a_row_on_the_next_numbered_sheet_merge_wrote_is_on_the_same_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lbc merge goes on past Excel's row limit in numbered sheets (帮扶记录1, 帮扶记录2),
    read back as the one sheet they are: a school's row 4 repeating its row 2 is said and
    noted as in the school's own file, though merge put the two on different sheets (the
    limit lowered to 2 rows, a module constant, as test_numbered_sheets does)."""
    monkeypatch.setattr(xlsx_stream, "MAX_DATA_ROWS", 2)
    (tmp_path / "各校" / "青山小学").mkdir(parents=True)
    _roster(tmp_path / "各校" / "青山小学", TALK, [*TALK[:5], "谈与同学相处"], TALK)
    merged = run("merge", "各校", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.stderr.splitlines()[-1] == (
        "提示：一张工作表最多容纳 1,048,575 行数据，超出部分已依次写入编号工作表："
        "帮扶记录1、帮扶记录2；lbc 读取时会把它们当作一张表"
    )
    found = run("validate", "全县.xlsx", "--select", "REC", "--format", "json", cwd=tmp_path)
    assert [(f["sheet"], f["row"], f["message"]) for f in found.json()["findings"]] == [
        ("帮扶记录2", 2, MESSAGE.replace("第 2 行", "全县.xlsx“帮扶记录1”第 2 行"))
    ]
    note = NOTE.replace("roster.xlsx 的“帮扶记录”第 4 行", "全县.xlsx 的“帮扶记录2”第 2 行")
    summary = run("summary", "全县.xlsx", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert summary.json()["records"]["total"] == 3
    assert note in summary.stderr.splitlines()
    due = run("due", "全县.xlsx", "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert note in due.stderr.splitlines()


def test_a_sheet_read_in_pieces_is_compared_across_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A records sheet too big to parse whole is read a piece of rows at a time (pieces
    made small instead of the sheet big, as test_sheet_pieces does): the copy at the end,
    pieces after its first writing at row 2, is said as on a sheet read whole."""
    days = [dt.date(2024, 9, 2) + dt.timedelta(days=k) for k in range(60)]
    path = _roster(tmp_path, TALK, *([day, *TALK[1:5], "谈作业"] for day in days), TALK)
    monkeypatch.setattr(reading, "PIECES_BYTES", 0)
    monkeypatch.setattr(sheet_pieces, "PIECE_BYTES", 2048)
    pieces: list[bytes] = []
    cut = sheet_pieces.worksheets

    def counted(*args: Any) -> Iterator[bytes]:
        for piece in cut(*args):
            pieces.append(piece)
            yield piece

    monkeypatch.setattr(sheet_pieces, "worksheets", counted)
    assert _findings(path) == [("REC011", 63, "A", MESSAGE)]
    assert len(pieces) > 2  # the sheet was read in pieces
    due = run("due", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert due.stderr == NOTE.replace("第 4 行", "第 63 行") + "\n"


def test_watch_says_how_many_rows_written_twice_it_looked_over(tmp_path: Path) -> None:
    """lbc watch reads the records for the days without contact (WCH013): it notes the rows
    written twice among them as lbc due and lbc summary do, and not those it did not read
    (a talk of the summer holidays, before the school year; a child not on the roster)."""
    other = [*TALK[:5], "谈与同学相处"]
    path = _roster(tmp_path, TALK, other, TALK)
    watch = run("watch", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert watch.stderr == NOTE + "\n"
    summer = [dt.date(2024, 8, 20), *TALK[1:]]
    nobody = [DAY, "王芳", "不存在", None, "谈心", "了解学习情况"]
    path = _roster(tmp_path, summer, summer, nobody, nobody)
    watch = run("watch", path.name, "--as-of", "2024-10-20", "--format", "json", cwd=tmp_path)
    assert "REC011" not in watch.stderr
