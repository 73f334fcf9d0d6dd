"""A phone cell typed with someone else's number (母：13912345678 in 父亲电话) goes back,
read from lbc export's CSV or Parquet file, onto its own child's row and onto no other's,
and each school's such cells and number cells are kept when the file is exported again."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

from conftest import CHILD_HEADER, child_row, run, write_xlsx

LABELLED = "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话"


def phones(path: Path) -> list[tuple[str, str, str]]:
    """Each child's name, father's and mother's phone in an exported CSV file."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (r["name"], r["father_phone"], r["mother_phone"]) for r in rows if r["table"] == "children"
    ]


def findings(cwd: Path, source: str, *select: str) -> list[tuple[Any, ...]]:
    out = run("validate", source, "--select", ",".join(select), "--format", "json", cwd=cwd)
    return [
        (f["code"], f["file"], f["row"], f["column"], f["message"]) for f in out.json()["findings"]
    ]


def test_a_typed_cell_goes_back_onto_its_own_child_not_one_at_the_same_place(
    tmp_path: Path,
) -> None:
    """甲县 and 乙县 each merged from inside its own folder: both name their school's file
    中心小学/花名册.xlsx, each child at its row 2. 甲县's child's 父亲电话 holds the
    mother's number, labelled (PHN002). The province's CSV export gave 乙县's 黄欣怡 that
    cell too (PHN002 twice), and exported again her father's 13811112222 was gone."""
    for county, row in (
        ("甲县", child_row(1, 父亲电话="母：13912345678", 母亲电话=None)),
        ("乙县", child_row(7, 父亲电话="13811112222")),
    ):
        roster = tmp_path / county / "中心小学" / "花名册.xlsx"
        roster.parent.mkdir(parents=True)
        write_xlsx(roster, {"花名册": [CHILD_HEADER, row]})
        out = f"../{county}.parquet"
        assert run("merge", ".", "--out", out, cwd=tmp_path / county).exit_code == 0
    (tmp_path / "省").mkdir()
    for county in ("甲县", "乙县"):
        shutil.move(tmp_path / f"{county}.parquet", tmp_path / "省")
    assert run("export", "省", "--out", "省.csv", cwd=tmp_path).exit_code == 0
    assert phones(tmp_path / "省.csv") == [
        ("黄欣怡", "13811112222", "13912345678"),
        ("张雨涵", "", "13912345678"),
    ]
    assert findings(tmp_path, "省", "PHN") == [("PHN002", "中心小学/花名册.xlsx", 2, "J", LABELLED)]
    assert findings(tmp_path, "省.csv", "PHN") == [("PHN002", "省.csv", 3, "U", LABELLED)]
    assert run("export", "省.csv", "--out", "again.csv", cwd=tmp_path).exit_code == 0
    assert phones(tmp_path / "again.csv") == phones(tmp_path / "省.csv")
