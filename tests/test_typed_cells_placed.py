"""A phone cell typed with someone else's number (母：13912345678 in 父亲电话) goes back,
read from lbc export's CSV or Parquet file, onto its own child's row and onto no other's,
and each school's such cells and number cells are kept when the file is exported again."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from conftest import CHILD_HEADER, child_row, make_id, run, write_xlsx

LABELLED = "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话"
NUMBER = "身份证号被存成了数字，Excel 只保留15位，后几位已丢失；请把该列设为文本后按原件重新录入"


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
    """甲县's and 乙县's 中心小学 each merged its roster from inside its own folder: both
    name their file 花名册.xlsx, each child at its row 2. 甲县's child's 父亲电话 holds the
    mother's number, labelled (PHN002). The province's CSV export gave 乙县's 黄欣怡 that
    cell too (PHN002 twice), and exported again her father's 13811112222 was gone."""
    for county, row in (
        ("甲县", child_row(1, 父亲电话="母：13912345678", 母亲电话=None)),
        ("乙县", child_row(7, 父亲电话="13811112222")),
    ):
        roster = tmp_path / county / "中心小学" / "花名册.xlsx"
        roster.parent.mkdir(parents=True)
        write_xlsx(roster, {"花名册": [CHILD_HEADER, row]})
        out = f"../../{county}.parquet"
        assert run("merge", "花名册.xlsx", "--out", out, cwd=roster.parent).exit_code == 0
    (tmp_path / "省").mkdir()
    for county in ("甲县", "乙县"):
        shutil.move(tmp_path / f"{county}.parquet", tmp_path / "省")
    assert run("export", "省", "--out", "省.csv", cwd=tmp_path).exit_code == 0
    assert phones(tmp_path / "省.csv") == [
        ("黄欣怡", "13811112222", "13912345678"),
        ("张雨涵", "", "13912345678"),
    ]
    assert findings(tmp_path, "省", "PHN") == [("PHN002", "花名册.xlsx", 2, "J", LABELLED)]
    assert findings(tmp_path, "省.csv", "PHN") == [("PHN002", "省.csv", 3, "U", LABELLED)]
    assert run("export", "省.csv", "--out", "again.csv", cwd=tmp_path).exit_code == 0
    assert phones(tmp_path / "again.csv") == phones(tmp_path / "省.csv")


def test_every_schools_typed_and_number_cells_are_kept_exported_again(tmp_path: Path) -> None:
    """白鹤小学's 母亲电话 holds the father's number, labelled, and 青山小学's 父亲电话 the
    mother's (PHN002 each); 青山小学's second child's ID number is a number cell, its last
    digit lost (ID004). The county's CSV export or exported workbook exported again to
    Parquet kept one school's such cells only, that sheet's first school's: PHN002 once,
    and the number cell read as an ID number of a wrong check digit (ID002)."""
    qs2 = child_row(2)
    qs2[CHILD_HEADER.index("身份证号")] = float(qs2[CHILD_HEADER.index("身份证号")][:17] + "0")
    for name, rows in (
        ("白鹤小学", [child_row(4), child_row(5, 母亲电话="父：13800002222", 父亲电话=None)]),
        ("青山小学", [child_row(1, 父亲电话="母：13912345678", 母亲电话=None), qs2]),
    ):
        roster = tmp_path / "县" / name / "花名册.xlsx"
        roster.parent.mkdir(parents=True)
        write_xlsx(roster, {"花名册": [[f"{name}留守儿童花名册"], CHILD_HEADER, *rows]})
    for source, out in (("县", "e.csv"), ("e.csv", "e.parquet"), ("县", "x.xlsx")):
        assert run("export", source, "--out", out, cwd=tmp_path).exit_code == 0, out
    assert run("export", "x.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    assert run("export", "m.xlsx", "--out", "m.parquet", cwd=tmp_path).exit_code == 0
    said = {
        source: findings(tmp_path, source, "PHN", "ID")
        for source in ("县", "e.csv", "e.parquet", "x.xlsx", "x.parquet", "m.xlsx", "m.parquet")
    }
    mother = "“母亲电话”里的号码标着“父”，不是母亲的，没有当作母亲的电话"
    folder = [
        ("PHN002", "县/白鹤小学/花名册.xlsx", 4, "K", mother),
        ("PHN002", "县/青山小学/花名册.xlsx", 3, "J", LABELLED),
        ("ID004", "县/青山小学/花名册.xlsx", 4, "D", NUMBER),
    ]
    assert said["县"] == folder
    assert said["e.parquet"] == said["e.csv"]
    assert said["x.parquet"] == said["x.xlsx"]
    assert said["m.parquet"] == said["m.xlsx"]
    for source, found in said.items():
        assert sorted((c, m) for c, *_, m in found) == sorted((c, m) for c, *_, m in folder), source


def test_a_parquet_file_puts_a_childs_cells_on_her_own_row_at_a_shared_place(
    tmp_path: Path,
) -> None:
    """A县's and B县's 中心小学 each merged its roster from inside its own folder: both
    name their file 花名册.xlsx, each child at its row 2. A县's child's 父亲电话 holds the
    mother's number, labelled, and her ID number is a number cell (its last digit lost);
    B县's 黄欣怡 has her father's number and an ID number ending in X. The province's
    Parquet export put A县's cells on the child read last at that place: 黄欣怡's ID
    number was turned into a number, and lbc stopped (内部错误：ValueError); then on
    neither child, A县's number cell said as a wrong check digit (ID002) and her typed
    cell not at all. Each cell now names its place among the rows of its sheet, and goes
    back onto its own child: the findings are the folder's."""
    ids = (make_id(dt.date(2016, 5, 1), seq) for seq in range(100, 999, 2))
    ending_x = next(x for x in ids if x.endswith("X"))
    typed = child_row(1, 父亲电话="母：13912345678", 母亲电话=None)
    typed[CHILD_HEADER.index("身份证号")] = float(typed[CHILD_HEADER.index("身份证号")][:17] + "0")
    (tmp_path / "省").mkdir()
    for county, row, code in (
        ("A县", typed, 1),
        ("B县", child_row(7, 父亲电话="13811112222", 身份证号=ending_x), 0),
    ):
        roster = tmp_path / county / "中心小学" / "花名册.xlsx"
        roster.parent.mkdir(parents=True)
        write_xlsx(roster, {"花名册": [CHILD_HEADER, row]})
        out = f"../../省/{county}.parquet"
        assert run("merge", "花名册.xlsx", "--out", out, cwd=roster.parent).exit_code == code
    assert run("export", "省", "--out", "省.parquet", cwd=tmp_path).exit_code == 0
    assert findings(tmp_path, "省.parquet", "PHN", "ID") == [
        ("ID004", "花名册.xlsx", 2, "D", NUMBER),
        ("PHN002", "花名册.xlsx", 2, "J", LABELLED),
    ]
    assert findings(tmp_path, "省.parquet", "PHN", "ID") == findings(tmp_path, "省", "PHN", "ID")
    assert run("export", "省.parquet", "--out", "again.csv", cwd=tmp_path).exit_code == 0
    assert phones(tmp_path / "again.csv") == [
        ("张雨涵", "", "13912345678"),
        ("黄欣怡", "13811112222", "13912345678"),
    ]


def test_two_counties_merged_rosters_merged_to_parquet_keep_each_childs_cells(
    tmp_path: Path,
) -> None:
    """甲县's and 乙县's 中心小学 each merged its roster from inside its own folder to
    Parquet: both name their file 花名册.xlsx. 甲县's child at its row 3 has her ID number as a
    number cell and the mother's number typed in 父亲电话; 乙县's second child, at row 4,
    the father's number typed in 母亲电话. The province's folder merged to Parquet kept
    the layout of one county's file of that name only, the other's: read back, 甲县's
    number cell was a wrong check digit (ID002) and no typed cell was said. Merged or
    exported, to any form, it says what the counties' files say."""
    number = child_row(1, 父亲电话="母：13912345678", 母亲电话=None)
    number[CHILD_HEADER.index("身份证号")] = float(
        number[CHILD_HEADER.index("身份证号")][:17] + "0"
    )
    (tmp_path / "省").mkdir()
    for county, rows in (
        ("甲县", [number]),
        ("乙县", [child_row(7), child_row(8, 母亲电话="父：13800002222", 父亲电话=None)]),
    ):
        roster = tmp_path / county / "中心小学" / "花名册.xlsx"
        roster.parent.mkdir(parents=True)
        write_xlsx(roster, {"花名册": [["城关镇中心小学留守儿童花名册"], CHILD_HEADER, *rows]})
        run("merge", "花名册.xlsx", "--out", f"../../省/{county}.parquet", cwd=roster.parent)
    mother = "“母亲电话”里的号码标着“父”，不是母亲的，没有当作母亲的电话"
    folder = [
        ("ID004", "花名册.xlsx", 3, "D", NUMBER),
        ("PHN002", "花名册.xlsx", 3, "J", LABELLED),
        ("PHN002", "花名册.xlsx", 4, "K", mother),
    ]
    assert findings(tmp_path, "省", "PHN", "ID") == folder
    assert run("merge", "省", "--out", "m.parquet", cwd=tmp_path).exit_code == 1
    assert findings(tmp_path, "m.parquet", "PHN", "ID") == folder
    for out in ("e.parquet", "e.csv", "e.xlsx", "m.xlsx"):
        command = "merge" if out.startswith("m") else "export"
        run(command, "省", "--out", out, cwd=tmp_path)
        said = findings(tmp_path, out, "PHN", "ID")
        assert sorted((c, m) for c, *_, m in said) == sorted((c, m) for c, *_, m in folder), out
    assert findings(tmp_path, "e.parquet", "PHN", "ID") == folder
