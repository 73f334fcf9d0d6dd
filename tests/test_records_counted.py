"""Which records count, and for whom: copies of one record on two sheets, records named in
other characters, and a month shared by two terms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CHILD_HEADER, RECORD_HEADER, Result, child_row, run, write_xlsx

TEACHERS = [["姓名", "在岗"], ["王芳", "是"], ["李强", "是"]]
TALK = ["谈心", "谈学习"]
VISIT = ["家访", "入户"]


def _roster(tmp_path: Path, *names: str, **sheets: list[list[object]]) -> Path:
    """A roster of children 1 and 2 (张雨涵, 李明轩, or ``names``), both 王芳's, and a
    records sheet of each of ``sheets`` (sheet name -> record rows)."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    kids += [[*child_row(n, *names[n - 1 : n]), "王芳"] for n in (1, 2)]
    records = {name: [RECORD_HEADER, *rows] for name, rows in sheets.items()}
    return write_xlsx(tmp_path / "roster.xlsx", {"儿童": kids, "教师": TEACHERS, **records})


def _had(due: Result) -> list[tuple[object, ...]]:
    """Each child lbc due lists: talks this month, visits, records by another teacher."""
    return [
        (c["child"], c["talks_this_month"], c["visits"], c["other_teachers"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ]


def test_a_name_in_traditional_characters_is_the_childs(tmp_path: Path) -> None:
    """The roster has 张伟; 王芳 wrote his home visit as 張偉 (a phone's traditional input).
    The record named nobody: lbc validate said 張偉 is not on the roster (REC002) and lbc
    due that he had no visit. 張偉 is 张伟 now, and 李明軒 is 李明轩."""
    path = _roster(
        tmp_path,
        "张伟",
        帮扶记录=[
            [dt.date(2024, 10, 8), "王芳", "張偉", None, *VISIT],
            [dt.date(2024, 10, 9), "王芳", "李明軒", None, *TALK],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _had(due) == [("张伟", 0, 1, 0), ("李明轩", 1, 0, 0)]
    assert due.stderr == ""
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert found == []
    summary = run("summary", path, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["records"]["matched"], summary["records"]["home_visited"]) == (2, 1)


def test_two_children_alike_in_simplified_characters_are_found_as_written(
    tmp_path: Path,
) -> None:
    """The roster has 张伟 and 張偉, two boys. A record of 张伟 is 张伟's, one of 張偉
    張偉's, as before; one of 張伟 could be either, and is nobody's, as before."""
    path = _roster(
        tmp_path,
        "张伟",
        "張偉",
        帮扶记录=[
            [dt.date(2024, 10, 8), "王芳", "張偉", None, *VISIT],
            [dt.date(2024, 10, 9), "王芳", "张伟", None, *TALK],
            [dt.date(2024, 10, 10), "王芳", "張伟", None, *TALK],
        ],
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert _had(due) == [("张伟", 1, 0, 0), ("張偉", 0, 1, 0)]
    found = run("validate", path, "--select", "REC", "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["value"]) for f in found] == [("REC002", 4, "張伟")]
