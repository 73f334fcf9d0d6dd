"""A county's folder counted by every command that counts its children and schools: the
same children, and the same schools, in each. Through the real CLI on real workbooks."""

from __future__ import annotations

import csv
from pathlib import Path

from test_pair import C51, kid

from conftest import RECORD_HEADER, Row, run, table, write_xlsx


def unreachable(n: int, cls: str | None = None) -> Row:
    """Child ``n`` with no phone at all: lbc flag lists every child of the county."""
    none = {"父亲电话": None, "母亲电话": None, "监护人电话": None}
    return kid(n, **none) if cls is None else kid(n, cls, **none)


def test_every_command_counts_a_countys_children_and_schools_alike(tmp_path: Path) -> None:
    """县/白鹤小学/ lists 张雨涵 and 王梓萱; 县/青山小学/ 张雨涵 twice (rows 2 and 4) and 李明轩;
    县/帮扶记录.xlsx, of no school, a record of 李明轩 and one of a child on no roster. Three
    children (one ID number each) of two schools, whichever command counts them; the file
    of records is no third school in any. Each school's line in validate and merge counts
    its own children once: 张雨涵 is on both schools' rosters, so on both lines."""
    rosters = {
        "白鹤小学": [unreachable(1), unreachable(3, C51)],
        "青山小学": [unreachable(1), unreachable(2), unreachable(1)],
    }
    for school, kids in rosters.items():
        (tmp_path / "县" / school).mkdir(parents=True)
        write_xlsx(tmp_path / "县" / school / "花名册.xlsx", {"花名册": table(kids)})
    visit = ["2024-10-09", "王芳", "李明轩", "三年级(2)班", "家访", "看望"]
    nobody = ["2024-10-09", "王芳", "不存在", "三年级(2)班", "家访", "看望"]
    write_xlsx(tmp_path / "县" / "帮扶记录.xlsx", {"帮扶记录": [RECORD_HEADER, visit, nobody]})
    schools = ["白鹤小学", "青山小学"]
    each = [("白鹤小学", 2), ("青山小学", 2)]

    checked = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    assert checked["children"] == 3
    assert [(s["school"], s["children"]) for s in checked["schools"]] == each

    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    assert (merged["summary"]["on_books"], merged["summary"]["schools"]) == (3, 2)
    assert [(s["school"], s["children"]) for s in merged["schools"] if s["school"]] == each

    exported = run("export", "县", "--out", "导出.csv", cwd=tmp_path)
    assert exported.exit_code == 0, exported.stderr
    with (tmp_path / "导出.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "children"]
    assert len({r["id_number"] for r in rows}) == 3
    assert sorted({r["school"] for r in rows}) == schools

    summary = run("summary", "县", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    doc = summary.json()
    assert doc["children"]["total"] == 3
    assert [s["name"] for s in doc["schools"]] == schools

    flagged = run("flag", "县", "--format", "json", cwd=tmp_path).json()
    assert flagged["summary"]["children"] == 3
    classes = [c["class"] for c in flagged["classes"]]  # each class named with its school
    assert sorted({name.split(" ")[0] for name in classes}) == schools
