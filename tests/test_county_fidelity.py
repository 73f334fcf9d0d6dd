"""A county's findings and counts are the same read from its folder, its merged workbook,
its Parquet file or its CSV export: each finding at the school's own place and counted on
that school's line of lbc validate's table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

QS, BH, HX = "青山镇中心小学", "白鹤乡中心小学", "红星小学"


def school(folder: Path, name: str, header: list[str], rows: list[list[Any]]) -> None:
    folder.mkdir(parents=True)
    staff = [
        TEACHER_HEADER,
        ["王芳", "女", "13800000001", "班主任", "三年级(2)班", "语文", "否", "是"],
    ]
    write_xlsx(folder / "roster.xlsx", {"花名册": [header, *rows], "教师名单": staff})
    (folder / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', encoding="utf-8")


def without(label: str, *rows: list[Any]) -> list[list[Any]]:
    k = CHILD_HEADER.index(label)
    return [row[:k] + row[k + 1 :] for row in rows]


def county(tmp_path: Path, *lacking: str) -> Path:
    """县/a: no 健康状况 column; 县/b: headers and no child; 县/c: a father's phone cell
    holding the mother's number, labelled (PHN002); each of ``lacking`` (县/d …) another
    school without a 健康状况 column."""
    root = tmp_path / "县"
    (header,) = without("健康状况", CHILD_HEADER)
    school(root / "a", QS, header, without("健康状况", child_row(1), child_row(2)))
    school(root / "b", BH, CHILD_HEADER, [])
    school(root / "c", HX, CHILD_HEADER, [child_row(3, 父亲电话="母：13912345678"), child_row(4)])
    for n, name in enumerate(lacking):
        rows = without("健康状况", child_row(5 + n))
        school(root / f"d{n}", name, header, rows)
    return root


def validated(tmp_path: Path, source: str) -> tuple[list[Any], list[Any]]:
    """Each finding's code, file, sheet, field and message, and each school's line."""
    doc = run("validate", source, "--format", "json", cwd=tmp_path).json()
    findings = [
        (f["code"], f["file"], f["sheet"], f["field"], f["message"]) for f in doc["findings"]
    ]
    return findings, doc["summary"]["schools"]


def test_a_column_a_school_lacks_is_said_at_its_school_over_the_merged_workbook(
    tmp_path: Path,
) -> None:
    """县/a's roster has no 健康状况 column, and neither has 县/d0's. Over the merged
    workbook, COL001 was said once, at the merged sheet (m.xlsx · 留守儿童花名册, naming no
    school), and counted on a line of its own (m：0 名儿童，1 个错误) rather than on 青山's;
    the second school's was not said at all. Now each is said at the school's own file
    and sheet and counted on its line, as over the folder and the Parquet file."""
    county(tmp_path, "大桥小学")
    for out in ("m.xlsx", "m.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 1
    folder = validated(tmp_path, "县")
    missing = [f[:4] for f in folder[0] if f[0] == "COL001"]
    assert missing == [
        ("COL001", "县/a/roster.xlsx", "花名册", "health"),
        ("COL001", "县/d0/roster.xlsx", "花名册", "health"),
    ]
    assert folder[1] == [
        {"school": QS, "children": 2, "errors": 1, "warnings": 0},
        {"school": HX, "children": 2, "errors": 0, "warnings": 1},
        {"school": "大桥小学", "children": 1, "errors": 1, "warnings": 0},
        {"school": BH, "children": 0, "errors": 1, "warnings": 0},
    ]
    merged = validated(tmp_path, "m.xlsx")
    assert [f[:4] for f in merged[0] if f[0] == "COL001"] == missing
    assert merged[1] == folder[1]
    parquet = validated(tmp_path, "m.parquet")
    assert [f[:4] for f in parquet[0] if f[0] == "COL001"] == missing
    errors = [(s["school"], s["errors"]) for s in folder[1]]
    assert [(s["school"], s["errors"]) for s in parquet[1]] == errors
    said = run("validate", "m.xlsx", cwd=tmp_path).stdout
    assert "青山镇中心小学：2 名儿童，1 个错误，0 个警告\n" in said
    assert "m：" not in said


def test_a_grade_sheet_of_nobody_beside_one_of_children_is_no_school_of_nobody(
    tmp_path: Path,
) -> None:
    """青山's roster has a sheet per grade, 二年级's headers only. Its folder says nothing
    of it (the file holds a child); its merged workbook said REQ002 (儿童表里一名儿童也没有)
    at that sheet, an error 青山 does not have, since the merged rows are not of its file
    but of the merged sheet. Now every form of the county says nothing."""
    root = tmp_path / "县"
    grades = {"一年级": [CHILD_HEADER, child_row(1, cls="一年级(2)班")], "二年级": [CHILD_HEADER]}
    other = {"花名册": [CHILD_HEADER, child_row(2)]}
    for folder, name, sheets in (("a", QS, grades), ("b", BH, other)):
        (root / folder).mkdir(parents=True)
        write_xlsx(root / folder / "roster.xlsx", sheets)
        (root / folder / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', encoding="utf-8")
    for out in ("m.xlsx", "m.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 0
    assert run("export", "县", "--out", "x.csv", cwd=tmp_path).exit_code == 0
    lines = [
        {"school": QS, "children": 1, "errors": 0, "warnings": 0},
        {"school": BH, "children": 1, "errors": 0, "warnings": 0},
    ]
    for source in ("县", "m.xlsx", "m.parquet", "x.csv"):
        assert validated(tmp_path, source) == ([], lines), source


def test_a_number_labelled_as_someone_elses_is_said_from_the_parquet_and_csv(
    tmp_path: Path,
) -> None:
    """县/c's 父亲电话 holds 母：13912345678, the mother's number (PHN002, a warning over
    the folder and the merged workbook). The Parquet files and the CSV export wrote the
    cell as lbc reads it, no father's number, and the label was lost: read back, they said
    nothing of it and counted no warning on 红星's line. The child's row still holds lbc's
    reading (no father's number, the mother's), and the cell as typed goes with it: in the
    Parquet file's metadata, and in the CSV file as a row of its own (children_typed)."""
    county(tmp_path)
    assert run("merge", "县", "--out", "m.parquet", cwd=tmp_path).exit_code == 1
    for out in ("x.parquet", "x.csv"):
        assert run("export", "县", "--out", out, cwd=tmp_path).exit_code == 0
    labelled = "“父亲电话”里的号码标着“母”，不是父亲的，没有当作父亲的电话"
    folder = validated(tmp_path, "县")
    assert [f for f in folder[0] if f[0] == "PHN002"] == [
        ("PHN002", "县/c/roster.xlsx", "花名册", "father_phone", labelled)
    ]
    for source in ("m.parquet", "x.parquet", "x.csv"):
        said = validated(tmp_path, source)
        where = "x.csv" if source == "x.csv" else "县/c/roster.xlsx"
        sheet = "x" if source == "x.csv" else "花名册"
        phn = [f for f in said[0] if f[0] == "PHN002"]
        assert phn == [("PHN002", where, sheet, "father_phone", labelled)], source
        assert said[1] == folder[1], source
    rows = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    cells = [dict(zip(header, r.split(","), strict=False)) for r in rows]
    child = next(c for c in cells if c["name"] == "王梓萱")
    assert (child["father_phone"], child["mother_phone"]) == ("", "13912345678")
    typed = [c for c in cells if c["table"] == "children_typed"]
    assert [(c["source_file"], c["source_row"], c["father_phone"]) for c in typed] == [
        ("县/c/roster.xlsx", "2", "母：13912345678")
    ]


def test_a_column_a_school_lacks_is_said_at_its_school_over_the_merged_roster_exported(
    tmp_path: Path,
) -> None:
    """县/a's and 县/d0's rosters have no 健康状况 column. lbc validate says so at each
    school's own file and sheet over the merged workbook; exported from it (every row's
    source then the merged sheet), the column was said once, at the merged sheet, and
    counted on a line of its own (x：0 名儿童，1 个错误), not on the schools'; so it was
    over the workbook merged again (m2.xlsx). The export and the merge now say where each
    school's sheet lacked it, and every form says the same."""
    county(tmp_path, "大桥小学")
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    for out in ("x.parquet", "x.csv", "x.xlsx"):
        assert run("export", "m.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    assert run("export", "x.xlsx", "--out", "y.parquet", cwd=tmp_path).exit_code == 0
    merged = validated(tmp_path, "m.xlsx")
    missing = [f for f in merged[0] if f[0] == "COL001"]
    assert [f[:4] for f in missing] == [
        ("COL001", "县/a/roster.xlsx", "花名册", "health"),
        ("COL001", "县/d0/roster.xlsx", "花名册", "health"),
    ]
    for source in ("x.parquet", "x.csv", "x.xlsx", "m2.xlsx", "y.parquet"):
        said = validated(tmp_path, source)
        assert [f for f in said[0] if f[0] == "COL001"] == missing, source
        assert said[1] == merged[1], source
        text = run("validate", source, cwd=tmp_path).stdout
        assert "青山镇中心小学：2 名儿童，1 个错误，0 个警告\n" in text, source
        assert "大桥小学：1 名儿童，1 个错误，0 个警告\n" in text, source
        assert "x：" not in text and "m2：" not in text, source


def test_a_contact_column_a_school_lacks_is_said_at_its_school_from_every_export(
    tmp_path: Path,
) -> None:
    """县/a's roster has no 监护人电话 column, a contact's column, not a required one: its
    children whose parents are both away lack it (COL001), said at 县/a's sheet over the
    folder and the merged workbook. Exported from the merged workbook (to a workbook, a
    Parquet or a CSV file) or merged again, the place was kept for required columns only:
    read back, COL001 was said at the export's own sheet on a line of its own (x：0 名儿童，
    1 个错误), not on 青山's. Every form now says it at 青山's sheet and line."""
    root = tmp_path / "县"
    (header,) = without("监护人电话", CHILD_HEADER)
    school(root / "a", QS, header, without("监护人电话", child_row(1), child_row(2)))
    school(root / "c", HX, CHILD_HEADER, [child_row(3), child_row(4)])
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    for out in ("x.xlsx", "x.parquet", "x.csv"):
        assert run("export", "m.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    folder = validated(tmp_path, "县")
    assert [f[:4] for f in folder[0]] == [
        ("COL001", "县/a/roster.xlsx", "花名册", "guardian_phone")
    ]
    assert folder[1] == [
        {"school": QS, "children": 2, "errors": 1, "warnings": 0},
        {"school": HX, "children": 2, "errors": 0, "warnings": 0},
    ]
    for source in ("m.xlsx", "x.xlsx", "x.parquet", "x.csv", "m2.xlsx"):
        assert validated(tmp_path, source) == folder, source


def two_sheets(tmp_path: Path, label: str = "健康状况") -> list[Any]:
    """县/a: 青山镇中心小学's roster of two sheets, 三年级 with every column and 四年级 without
    ``label``; 县/c: 红星小学. Merged to m.xlsx; what the folder and m.xlsx say (findings,
    each school's line), which are alike."""
    root = tmp_path / "县"
    (header,) = without(label, CHILD_HEADER)
    (root / "a").mkdir(parents=True)
    third = [CHILD_HEADER, child_row(1), child_row(2)]
    fourth = [header, *without(label, child_row(3, cls="四年级(1)班"))]
    write_xlsx(root / "a" / "roster.xlsx", {"三年级": third, "四年级": fourth})
    (root / "a" / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    school(root / "c", HX, CHILD_HEADER, [child_row(4)])
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    folder = validated(tmp_path, "县")
    key = {"健康状况": "health", "监护人电话": "guardian_phone"}[label]
    assert [f[:4] for f in folder[0]] == [("COL001", "县/a/roster.xlsx", "四年级", key)]
    assert validated(tmp_path, "m.xlsx") == folder
    return folder


@pytest.mark.parametrize("label", ["健康状况", "监护人电话"])
def test_a_column_one_of_a_schools_sheets_lacks_is_said_from_a_parquet_export(
    tmp_path: Path, label: str
) -> None:
    """青山镇中心小学's 四年级 sheet has no 健康状况 column, its 三年级 sheet has. Exported
    from the merged roster to Parquet, or merged again to it, both sheets' rows were one
    school's of the merged sheet: it was said lacking nowhere, and 四年级's child's empty
    健康状况 was said as a required cell left empty (REQ001 at m.xlsx's row), not as the
    column its sheet lacked (COL001). The file now says which rows lacked it, and where;
    so it does of a contact's column (监护人电话), which it once said of required ones only."""
    folder = two_sheets(tmp_path, label)
    assert run("export", "m.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.parquet", cwd=tmp_path).exit_code == 1
    assert run("export", "x.parquet", "--out", "y.parquet", cwd=tmp_path).exit_code == 0
    for source in ("x.parquet", "m2.parquet", "y.parquet"):
        assert validated(tmp_path, source) == folder, source


@pytest.mark.parametrize("label", ["健康状况", "监护人电话"])
def test_a_column_one_of_a_schools_sheets_lacks_is_said_from_a_csv_export(
    tmp_path: Path, label: str
) -> None:
    """The same from a CSV export of the merged roster: its row saying where 青山镇中心小学
    lacked 健康状况 was taken for all its rows, which as a whole had the column, so it was
    said lacking nowhere and 四年级's child's empty cell was REQ001 at the CSV file's row.
    The file now gives, for such rows, a row each with its source row and its columns; so
    it does of a contact's column (监护人电话), which it once gave of required ones only."""
    folder = two_sheets(tmp_path, label)
    assert run("export", "m.xlsx", "--out", "x.csv", cwd=tmp_path).exit_code == 0
    assert run("export", "x.csv", "--out", "y.csv", cwd=tmp_path).exit_code == 0
    assert run("export", "x.csv", "--out", "y.parquet", cwd=tmp_path).exit_code == 0
    for source in ("x.csv", "y.csv", "y.parquet"):
        assert validated(tmp_path, source) == folder, source


@pytest.mark.parametrize("label", ["健康状况", "监护人电话"])
def test_a_column_one_of_a_schools_sheets_lacks_is_said_from_a_workbook_export(
    tmp_path: Path, label: str
) -> None:
    """The same exported to a workbook, or merged again to one: its hidden 来源列 sheet
    said the school's columns of the merged sheet, all its sheets' together, and nothing
    of the rows that lacked one at a sheet of their own, so 四年级's child's empty cell was
    said as a cell left empty (REQ001, or CON001 of a contact's) at the workbook's row. The
    sheet now gives, for such rows, a row each run with its place and its columns."""
    folder = two_sheets(tmp_path, label)
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    for out in ("y.xlsx", "y.parquet", "y.csv"):
        assert run("export", "x.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    for source in ("x.xlsx", "m2.xlsx", "y.xlsx", "y.parquet", "y.csv"):
        assert validated(tmp_path, source) == folder, source


def test_a_workbook_export_merged_again_keeps_each_schools_sheets_columns(
    tmp_path: Path,
) -> None:
    """青山镇中心小学's 三年级 sheet has no 监护人电话 column, its 五年级 sheet has, and one
    child there (王梓萱, both parents away) has no guardian's phone. The merged roster
    exported to a workbook and that merged again: the export's rows of 红星小学 and of
    五年级 were one piece, said of 红星小学 (its first row's school), and 青山镇中心小学 was
    said to lack 监护人电话 on all its rows, so 王梓萱's missing phone (CON001) was said
    nowhere. Each school's rows are said of it, and the rows that lacked the column apart."""
    root = tmp_path / "县"
    school(root / "a", HX, CHILD_HEADER, [child_row(5)])
    (header,) = without("监护人电话", CHILD_HEADER)
    third = [header, *without("监护人电话", child_row(1), child_row(2))]
    fifth = [CHILD_HEADER, *(child_row(n, cls="五年级(1)班") for n in (3, 4))]
    fifth[1][CHILD_HEADER.index("监护人电话")] = None
    (root / "b").mkdir()
    write_xlsx(root / "b" / "roster.xlsx", {"三年级": third, "五年级": fifth})
    (root / "b" / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    for out in ("m2.xlsx", "m2.parquet"):
        assert run("merge", "x.xlsx", "--out", out, cwd=tmp_path).exit_code == 1

    def said(source: str) -> tuple[list[tuple[str, str]], list[Any]]:
        found, schools = validated(tmp_path, source)
        return sorted((code, field) for code, _, _, field, _ in found), schools

    assert said("县") == (
        [("COL001", "guardian_phone"), ("CON001", "guardian_phone")],
        [
            {"school": HX, "children": 1, "errors": 0, "warnings": 0},
            {"school": QS, "children": 4, "errors": 2, "warnings": 0},
        ],
    )
    for source in ("m.xlsx", "x.xlsx", "m2.xlsx", "m2.parquet"):
        assert said(source) == said("县"), source


def _edited(path: Path, how: str) -> None:
    """The workbook's first sheet edited as a county does: its first row of children
    deleted, a child of 青山镇中心小学 put in above the rest (its 学校, 来源文件 and
    来源工作表 copied from the row below, no 来源行), or its 四年级 child's row moved to the
    top, as sorting it does."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    if how == "delete":
        sheet.delete_rows(2)
    elif how == "insert":
        sheet.insert_rows(2)
        given = dict(zip(CHILD_HEADER, child_row(7), strict=True))
        given.update(zip(header[:3], rows[0][:3], strict=True))
        for label, value in zip(header, rows[0], strict=True):
            if label != "来源行":
                sheet.cell(2, header.index(label) + 1, given.get(label, value))
    else:
        fourth = [row for row in rows if "四年级(1)班" in row]
        moved = [*fourth, *(row for row in rows if row not in fourth)]
        for i, row in enumerate(moved, start=2):
            for j, value in enumerate(row, start=1):
                sheet.cell(i, j).value = value
    book.save(path)


@pytest.mark.parametrize("how", ["delete", "insert", "move"])
@pytest.mark.parametrize("label", ["健康状况", "监护人电话"])
def test_a_workbook_export_a_row_was_deleted_from_or_put_in_keeps_each_sheets_columns(
    tmp_path: Path, label: str, how: str
) -> None:
    """青山镇中心小学's 四年级 sheet has no ``label`` column, its 三年级 sheet has. The merged
    roster exported to a workbook, or merged again to one, says the 四年级 rows by their
    place among its rows of m.xlsx's sheet: the county deleting a row above them, putting
    one in or sorting the sheet moved that place onto another row, so COL001 was said of a
    三年级 or 红星小学 row and the 四年级 child's empty cell said as a cell left empty
    (REQ001, or CON001 of a contact's) at the workbook's row. Each row is found by its
    来源文件, 来源工作表 and 来源行, and so it is merged again or exported from the edited
    workbook, to a workbook or a Parquet file."""
    folder = two_sheets(tmp_path, label)
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.xlsx", cwd=tmp_path).exit_code == 1
    qs = {"delete": 2, "insert": 4, "move": 3}[how]  # 青山镇中心小学's children now
    schools = [{**line, "children": qs} if line["school"] == QS else line for line in folder[1]]
    for made in ("x.xlsx", "m2.xlsx"):
        _edited(tmp_path / made, how)
        assert validated(tmp_path, made) == (folder[0], schools), made
    assert run("merge", "x.xlsx", "--out", "y.parquet", cwd=tmp_path).exit_code == 1
    for out in ("y.xlsx", "z.parquet"):
        assert run("export", "x.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
    for made in ("y.parquet", "y.xlsx", "z.parquet"):
        assert validated(tmp_path, made) == (folder[0], schools), made


def test_a_workbook_export_said_by_places_is_read_as_it_was(tmp_path: Path) -> None:
    """A workbook exported before said each run of rows that lacked a column at a sheet of
    their own by the place of its first row (from 1) among the rows of its 来源文件 and
    来源工作表, and how many: read as it was, while no row was deleted or put in."""
    from openpyxl import load_workbook

    folder = two_sheets(tmp_path)
    assert run("export", "m.xlsx", "--out", "x.xlsx", cwd=tmp_path).exit_code == 0
    book = load_workbook(tmp_path / "x.xlsx")
    said = book["来源列"]
    header = [cell.value for cell in said[1]]
    first, last = header.index("缺列的首个来源行"), header.index("缺列的末个来源行")
    said.cell(1, first + 1, "缺列的首行序号")
    said.cell(1, last + 1, "缺列的行数")
    rows = [cell.value for cell in book.worksheets[0]["D"][1:]]  # each row's 来源行
    runs = [row for row in said.iter_rows(min_row=2) if row[first].value is not None]
    assert [(row[first].value, row[last].value) for row in runs] == [(4, 4)]
    for row in runs:
        at, to = rows.index(row[first].value), rows.index(row[last].value)
        row[first].value, row[last].value = at + 1, to - at + 1
    book.save(tmp_path / "x.xlsx")
    assert validated(tmp_path, "x.xlsx") == folder


@pytest.mark.parametrize("label", ["健康状况", "监护人电话"])
def test_a_parquet_export_a_row_was_taken_from_keeps_each_sheets_columns(
    tmp_path: Path, label: str
) -> None:
    """The merged roster exported to Parquet, or merged again to it, and 青山镇中心小学's
    first row taken out, the file written again with lbc's metadata: the 四年级 rows, said
    by their place among the file's rows of m.xlsx's sheet, were read as the row after
    them, 红星小学's, and the 四年级 child's empty cell said as one left empty (REQ001, or
    CON001 of a contact's). The metadata says their source rows too, by which they are
    found where the rows at their places are not theirs; a file written before, which
    says no source rows, by their places as it was."""
    import json

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    folder = two_sheets(tmp_path, label)
    assert run("export", "m.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    assert run("merge", "m.xlsx", "--out", "m2.parquet", cwd=tmp_path).exit_code == 1
    table = pq.read_table(tmp_path / "x.parquet")
    layouts = json.loads(pq.read_metadata(tmp_path / "x.parquet").metadata[b"lbc"])
    runs = [x for x in layouts["sources"].values() if "lacks_runs" in x]
    assert [x.pop("lacks_run_rows") for x in runs] == [[[[4, 4]]]]
    before = table.replace_schema_metadata({b"lbc": json.dumps(layouts, ensure_ascii=False)})
    pq.write_table(before, tmp_path / "before.parquet")
    assert validated(tmp_path, "before.parquet") == folder
    schools = [{**line, "children": 2} if line["school"] == QS else line for line in folder[1]]
    for made in ("x.parquet", "m2.parquet"):
        table = pq.read_table(tmp_path / made)
        said = pq.read_metadata(tmp_path / made).metadata
        first = pc.and_(pc.equal(table["school"], QS), pc.equal(table["source_row"], 2))
        table = table.filter(pc.invert(first)).replace_schema_metadata({b"lbc": said[b"lbc"]})
        pq.write_table(table, tmp_path / made)
        assert validated(tmp_path, made) == (folder[0], schools), made


def test_a_parquet_export_whose_lacking_rows_were_all_taken_keeps_the_next_sheets_columns(
    tmp_path: Path,
) -> None:
    """青山镇中心小学's 四年级 sheet has no 健康状况 column, its 三年级 and 五年级 sheets have.
    Exported from the merged roster to Parquet and 四年级's one row taken out: the run its
    place named held 五年级's row then, read as lacking the column (COL001 at 四年级), its
    健康状况 left unread. The run's rows are none now: nothing lacked the column."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    root = tmp_path / "县"
    (root / "a").mkdir(parents=True)
    fourth = without("健康状况", CHILD_HEADER, child_row(3, cls="四年级(1)班"))
    fifth = [CHILD_HEADER, child_row(4, cls="五年级(1)班", 健康状况="")]
    books = {"三年级": [CHILD_HEADER, child_row(1)], "四年级": fourth, "五年级": fifth}
    write_xlsx(root / "a" / "roster.xlsx", books)
    (root / "a" / "lbc.toml").write_text(f'[school]\nname = "{QS}"\n', encoding="utf-8")
    school(root / "c", HX, CHILD_HEADER, [child_row(5)])
    assert run("merge", "县", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    assert run("export", "m.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    table = pq.read_table(tmp_path / "x.parquet")
    said = pq.read_metadata(tmp_path / "x.parquet").metadata
    fourth_row = pc.and_(pc.equal(table["school"], QS), pc.equal(table["source_row"], 3))
    table = table.filter(pc.invert(fourth_row)).replace_schema_metadata({b"lbc": said[b"lbc"]})
    pq.write_table(table, tmp_path / "x.parquet")
    empty = ("REQ001", "m.xlsx", "留守儿童花名册", "health", "“健康状况”未填写")
    assert validated(tmp_path, "x.parquet") == (
        [empty],
        [
            {"school": QS, "children": 2, "errors": 1, "warnings": 0},
            {"school": HX, "children": 1, "errors": 0, "warnings": 0},
        ],
    )
