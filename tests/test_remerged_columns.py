"""A merged roster's hidden 来源列 sheet (表, 来源文件, 来源工作表, 列, 行数, 学校): each school's
columns, merged again and exported, as its own folder gives them; a workbook merged before
(its first four columns, or those and 行数) read as it was; a school whose roster holds
nobody kept, under its own name, in every file made of the county."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from conftest import CHILD_HEADER, child_row, run, write_xlsx
from rule_fixtures import TEACHER_ROWS


def county(tmp_path: Path, nobody: bool = True) -> Path:
    """县/白鹤小学 keeps a 类别 column (低保 for one child), 县/青山小学 a 孤儿 column only;
    with ``nobody``, 县/丁's 花名册.xlsx, titled 丁小学, is headers only."""
    root = tmp_path / "县"
    for name, rows in (
        ("青山小学", [(child_row(1), "否"), (child_row(2), "是")]),
        ("白鹤小学", [(child_row(3), "低保"), (child_row(4), None)]),
    ):
        (root / name).mkdir(parents=True)
        extra = "孤儿" if name == "青山小学" else "类别"
        cells = [[*row, value] for row, value in rows]
        write_xlsx(
            root / name / "花名册.xlsx",
            {"花名册": [[f"{name}留守儿童花名册"], [*CHILD_HEADER, extra], *cells]},
        )
    if nobody:
        (root / "丁").mkdir()
        write_xlsx(
            root / "丁" / "花名册.xlsx", {"花名册": [["丁小学留守儿童花名册"], CHILD_HEADER]}
        )
    return root


def relief(source: str, cwd: Path) -> list[tuple[str, list[Any]]]:
    """The county table's 救助措施 counts, school by school, as the summary's JSON says."""
    result = run("summary", "--term", "2024-autumn", source, "--format", "json", cwd=cwd)
    doc = result.json()["county_table"]
    picked = [k for k, c in enumerate(doc["columns"]) if c["group"] == "救助措施"]
    return [(r["school"], [r["counts"][k] for k in picked]) for r in doc["rows"]]


def checked(source: str, cwd: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """validate's findings (code, file, sheet) and its schools (name, children, errors)."""
    doc = run("validate", source, "--format", "json", cwd=cwd).json()
    return (
        sorted((f["code"], f["file"], f["sheet"]) for f in doc["findings"]),
        [(s["school"], s["children"], s["errors"]) for s in doc["summary"]["schools"]],
    )


def rewrite_columns_sheet(path: Path, out: Path, keep: int) -> None:
    """The merged workbook with its 来源列 sheet cut to its first ``keep`` columns, as a
    workbook merged before lbc wrote the others."""
    book = load_workbook(path)
    sheet = book["来源列"]
    assert [c.value for c in sheet[1]] == ["表", "来源文件", "来源工作表", "列", "行数", "学校"]
    sheet.delete_cols(keep + 1, 6 - keep)
    book.save(out)


def test_each_schools_columns_are_its_own_in_every_file_made_of_the_county(
    tmp_path: Path,
) -> None:
    """Merged again or exported, every row's 来源文件 is the merged workbook: the columns it
    kept for it were the last school's, and 白鹤小学's 救助措施 said 未采集 (a CSV export
    gave 青山小学 the 类别 merge gathers from its 孤儿 column: 1 where the folder says
    未采集). Each school's columns are its own, as over the folder, from every file; and
    丁小学's roster of nobody is still said so (REQ002)."""
    county(tmp_path)
    assert run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path).exit_code == 1
    made = ["再合并.xlsx", "再合并.parquet", "导出.parquet", "导出.xlsx", "导出.csv"]
    for out in made:
        command = "merge" if out.startswith("再") else "export"
        assert run(command, "全县.xlsx", "--out", out, cwd=tmp_path).exit_code in (0, 1), out
    run("merge", "再合并.xlsx", "--out", "三合并.xlsx", cwd=tmp_path)
    expected = [
        ("白鹤小学", [0, 1, 0, 0, 0, 0]),
        ("青山小学", [None] * 6),
        ("合计", [None] * 6),
    ]
    every = ["县", "全县.xlsx", *made, "三合并.xlsx"]
    assert {source: relief(source, tmp_path) for source in every} == dict.fromkeys(every, expected)
    folder = checked("县", tmp_path)
    assert folder[0] == [("REQ002", "县/丁/花名册.xlsx", "花名册")]
    for source in ("全县.xlsx", "再合并.xlsx", "导出.xlsx", "三合并.xlsx"):
        assert checked(source, tmp_path) == folder, source
    book = load_workbook(tmp_path / "再合并.xlsx")
    assert [[c.value for c in row] for row in book["来源列"].iter_rows(max_col=6)][:3] == [
        ["表", "来源文件", "来源工作表", "列", "行数", "学校"],
        ["children", "全县.xlsx", "留守儿童花名册", book["来源列"]["D2"].value, 2, "白鹤小学"],
        ["children", "全县.xlsx", "留守儿童花名册", book["来源列"]["D3"].value, 2, "青山小学"],
    ]
    assert "categories" in book["来源列"]["D2"].value.split(",")
    assert "categories" not in book["来源列"]["D3"].value.split(",")
    text = [run("summary", "--term", "2024-autumn", x, cwd=tmp_path).stdout for x in every]
    lines = [[line for line in said.splitlines() if "最低生活保障" in line] for said in text]
    assert lines == [["| 救助措施：最低生活保障 | 1 | 未采集 | 未采集 |"]] * len(every)


def test_a_workbook_merged_before_is_read_as_it_was(tmp_path: Path) -> None:
    """A merged workbook whose 来源列 has its first four columns (merged before lbc said how
    many rows each sheet had) reads each school's columns as before, and says nothing of a
    school of nobody, as then; one with 行数 too says REQ002 for 丁小学's roster of nobody,
    under the name its file's folder gives it, as a workbook merged so did."""
    county(tmp_path)
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    rewrite_columns_sheet(tmp_path / "全县.xlsx", tmp_path / "四列.xlsx", 4)
    rewrite_columns_sheet(tmp_path / "全县.xlsx", tmp_path / "五列.xlsx", 5)
    schools = [("白鹤小学", 2, 0), ("青山小学", 2, 0)]
    assert checked("四列.xlsx", tmp_path) == ([], schools)
    five = checked("五列.xlsx", tmp_path)
    assert five == ([("REQ002", "县/丁/花名册.xlsx", "花名册")], [*schools, ("丁", 0, 1)])
    want = [("白鹤小学", [0, 1, 0, 0, 0, 0]), ("青山小学", [None] * 6)]
    assert relief("四列.xlsx", tmp_path) == [*want, ("合计", [None] * 6)]
    assert relief("五列.xlsx", tmp_path) == [*want, ("合计", [None] * 6)]
    # Merged again, each school's columns are its own still.
    for given in ("四列.xlsx", "五列.xlsx"):
        run("merge", given, "--out", f"再{given}", cwd=tmp_path)
        assert relief(f"再{given}", tmp_path) == relief(given, tmp_path), given


def test_a_school_of_nobody_is_named_alike_in_every_parquet_file(tmp_path: Path) -> None:
    """丁小学's roster (县/丁/花名册.xlsx) holds nobody: over the folder lbc validate says
    REQ002 and counts it as 丁小学, by its title. A Parquet file merged or exported named
    it by its folder, 丁, having no row of it to say its 学校; its layout now says."""
    county(tmp_path)
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    run("merge", "县", "--out", "全县.parquet", cwd=tmp_path)
    run("merge", "全县.xlsx", "--out", "再合并.parquet", cwd=tmp_path)
    for given, out in (("县", "直出.parquet"), ("全县.xlsx", "导出.parquet")):
        assert run("export", given, "--out", out, cwd=tmp_path).exit_code == 0
    folder = checked("县", tmp_path)
    assert folder == (
        [("REQ002", "县/丁/花名册.xlsx", "花名册")],
        [("白鹤小学", 2, 0), ("青山小学", 2, 0), ("丁小学", 0, 1)],
    )
    made = ["全县.parquet", "再合并.parquet", "直出.parquet", "导出.parquet"]
    assert {x: checked(x, tmp_path) for x in made} == dict.fromkeys(made, folder)
    text = run("validate", "全县.parquet", cwd=tmp_path).stdout
    assert "丁小学：0 名儿童，1 个错误，0 个警告" in text.splitlines()


def test_a_school_of_nobody_is_kept_in_a_csv_export(tmp_path: Path) -> None:
    """丁小学's roster holds nobody: exported to CSV (from the folder, the merged workbook
    or the merged Parquet file), it had no row there, and lbc validate on the CSV file
    said nothing of it and counted two schools. Its row of columns names its school, and
    the CSV file reads back as the folder does: REQ002 under its own file and sheet."""
    county(tmp_path)
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    run("merge", "县", "--out", "全县.parquet", cwd=tmp_path)
    made = {"县": "直出.csv", "全县.xlsx": "导出.csv", "全县.parquet": "导出2.csv"}
    for given, out in made.items():
        assert run("export", given, "--out", out, cwd=tmp_path).exit_code == 0
    folder = checked("县", tmp_path)
    assert folder[1][-1] == ("丁小学", 0, 1)
    assert {x: checked(x, tmp_path) for x in made.values()} == dict.fromkeys(made.values(), folder)
    text = run("validate", "县", cwd=tmp_path).stdout
    for out in made.values():
        assert run("validate", out, cwd=tmp_path).stdout == text, out
    rows = (tmp_path / "直出.csv").read_text(encoding="utf-8-sig").splitlines()
    said = [row for row in rows if "县/丁/" in row]
    assert len(said) == 2
    assert said[0].startswith("children_columns,丁小学,县/丁/花名册.xlsx,花名册,,B,C,D,")
    assert said[1].rstrip(",") == "children_title,,县/丁/花名册.xlsx,花名册,,丁小学留守儿童花名册"


def test_a_blank_school_cell_keeps_its_rows_columns_in_a_parquet_export(
    tmp_path: Path,
) -> None:
    """A county blanked the 学校 of 白鹤小学's first row in its merged workbook, then
    exported it to Parquet: the layouts are school by school, and 白鹤小学's was named by
    that blank first row, so its rows (of the merged file's school, and of 白鹤小学) found
    no layout, no column of theirs, and lbc validate said 8 errors more than on the
    workbook. They take the layout of the school left unnamed, as the workbook's 来源列 is
    read, and the Parquet file says what the workbook and its CSV export say."""
    county(tmp_path)
    run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    book = load_workbook(tmp_path / "全县.xlsx")
    sheet = book["留守儿童花名册"]
    assert (sheet["A1"].value, sheet["A2"].value) == ("学校", "白鹤小学")
    sheet["A2"].value = None
    book.save(tmp_path / "空校.xlsx")
    for out in ("空校.parquet", "空校.csv"):
        assert run("export", "空校.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    said = {x: (checked(x, tmp_path), relief(x, tmp_path)) for x in ("空校.parquet", "空校.csv")}
    assert said == dict.fromkeys(
        said, (checked("空校.xlsx", tmp_path), relief("空校.xlsx", tmp_path))
    )
    assert said["空校.parquet"][0][0] == [("REQ002", "县/丁/花名册.xlsx", "花名册")]


def test_a_county_merged_before_of_many_schools_merges_again(tmp_path: Path) -> None:
    """A merged workbook of 30 schools holds, in its 来源列 sheet, more than 50 lists of
    columns (each school's roster and teachers list); merging it again (a province
    merging its counties' files) ended with the reader said to have crashed on it
    (Python's pickler, in the mode that keeps no memo, fails on more than 50 frozen sets
    in one object)."""
    root = tmp_path / "县"
    for k in range(30):
        name = f"第{k + 1}小学"
        (root / name).mkdir(parents=True)
        roster = [[f"{name}留守儿童花名册"], CHILD_HEADER, child_row(k + 1)]
        write_xlsx(root / name / "花名册.xlsx", {"花名册": roster, "教师": TEACHER_ROWS})
    (tmp_path / "out").mkdir()
    first = run("merge", root, "--out", tmp_path / "out" / "县.xlsx", "--format", "json")
    assert first.exit_code == 0, first.stderr
    # The console script, whose reading child sends what it read to the process above it.
    lbc = [sys.executable, "-c", "from lbc.cli import main; main()"]
    again = subprocess.run(
        [*lbc, "merge", "县.xlsx", "--out", "../省.xlsx", "--format", "json"],
        cwd=tmp_path / "out",
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert (again.returncode, again.stderr) == (0, "已写出合并名册：../省.xlsx（1 个文件）\n")
    summary = json.loads(again.stdout)["summary"]
    assert (summary["schools"], summary["children"]) == (30, 30)


def test_a_column_one_merged_roster_of_one_school_lacked_is_said_at_its_schools_file(
    tmp_path: Path,
) -> None:
    """县/青山小学's roster has no 监护人电话. A county's merged roster (m1) and one merged of
    青山小学 alone (m3), merged again: m1's 青山小学 lacked the column at 县/青山小学/花名册.xlsx,
    as the folder says, but m3's, the one school of its file, at m3.xlsx itself, a second
    COL001 pointing at a sheet that has the column, and a school's line one error more
    than the folder's. Said at the school's own file now, once, as over the folder."""
    root = tmp_path / "县"
    for k, name in enumerate(("青山小学", "白鹤小学")):
        (root / name).mkdir(parents=True)
        header, rows = list(CHILD_HEADER), [child_row(2 * k + 1), child_row(2 * k + 2)]
        if name == "青山小学":
            j = header.index("监护人电话")
            header, rows = header[:j] + header[j + 1 :], [r[:j] + r[j + 1 :] for r in rows]
        write_xlsx(
            root / name / "花名册.xlsx", {"花名册": [[f"{name}留守儿童花名册"], header, *rows]}
        )
    (tmp_path / "all").mkdir()
    assert run("merge", "县", "--out", "all/m1.xlsx", cwd=tmp_path).exit_code == 1
    assert run("merge", "县/青山小学", "--out", "all/m3.xlsx", cwd=tmp_path).exit_code == 1
    for out in ("r.xlsx", "r.parquet"):
        assert run("merge", "all", "--out", out, cwd=tmp_path).exit_code == 1
    folder = checked("all", tmp_path)
    assert folder == (
        [
            ("COL001", "县/青山小学/花名册.xlsx", "花名册"),
            ("DUP001", "all/m3.xlsx", "留守儿童花名册"),
            ("DUP001", "all/m3.xlsx", "留守儿童花名册"),
        ],
        [("白鹤小学", 2, 0), ("青山小学", 2, 3)],
    )
    # A Parquet file has no rows of a sheet to point at: its rows' own files are said.
    for merged, at in (("r.xlsx", "r.xlsx"), ("r.parquet", "all/m3.xlsx")):
        found, schools = checked(merged, tmp_path)
        assert found == [
            ("COL001", "县/青山小学/花名册.xlsx", "花名册"),
            ("DUP001", at, "留守儿童花名册"),
            ("DUP001", at, "留守儿童花名册"),
        ]
        assert schools == folder[1]
