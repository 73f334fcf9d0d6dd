"""Parquet and pandas: lbc export, lbc merge --out x.parquet, every command reading the
Parquet back, and the Python API (lbc.read, lbc.validate)."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

import lbc
from conftest import CHILD_HEADER, child_row, modules_loaded, run, write_xlsx
from lbc import messages
from lbc.errors import LbcError
from lbc.reports.export import keys, stacked_columns
from lbc.roster.fields import Kind

LEAD = ["school", "source_file", "source_sheet", "source_row"]


def validate_json(path: Path) -> dict:
    result = run("validate", path, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    doc = result.json()
    del doc["lbc"]
    return doc


def records(frame: pd.DataFrame) -> list[dict]:
    """A DataFrame's rows as plain dicts, missing values as None (as JSON has them)."""
    return [
        {k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")
    ]


def test_parquet_reads_back_as_the_schools_own_file(samples: Path, tmp_path: Path) -> None:
    """Every finding on the exported Parquet is the finding on the school's workbook: same
    file, sheet, row, column letter, value and message; ID004 (an ID number typed as a
    number) too, though the Parquet holds the digits as text."""
    source = samples / "roster.xlsx"
    out = tmp_path / "县.parquet"
    result = run("export", source, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"已写出 {out}：儿童 59 行，教师 30 行，帮扶记录 150 行\n"
    original, again = validate_json(source), validate_json(out)
    assert again == original
    assert original["summary"]["by_code"]["ID004"] == 1
    assert {f["file"] for f in again["findings"]} == {str(source)}


def test_api_tables_columns_dtypes_and_source_rows(samples: Path) -> None:
    roster = lbc.read(samples / "roster.xlsx")
    children, teachers, recs = roster.children, roster.teachers, roster.records
    assert children.shape == (59, 4 + len(keys(Kind.CHILDREN)))
    assert teachers.shape == (30, 4 + len(keys(Kind.TEACHERS)))
    assert recs.shape == (150, 4 + len(keys(Kind.RECORDS)))
    for frame, kind in ((children, Kind.CHILDREN), (teachers, Kind.TEACHERS), (recs, Kind.RECORDS)):
        assert list(frame.columns) == [*LEAD, *keys(kind)]
        assert frame["source_row"].dtype == "int64"
        assert all(
            pd.api.types.is_string_dtype(frame[c]) for c in frame.columns if c != "source_row"
        )
    # The header is rows 2-3 of 留守儿童花名册: the children are rows 4-62, in order.
    assert children["source_row"].tolist() == list(range(4, 63))
    assert set(children["source_sheet"]) == {"留守儿童花名册"}
    assert set(children["school"]) == {"青山镇中心小学"}
    first = children.iloc[0]
    assert (first["name"], first["class"], first["birth_date"]) == (
        "邓思雨",
        "一年级(1)班",
        "2017-12-10",
    )
    assert pd.isna(first["categories"])  # no category: missing, not ""
    assert teachers["source_row"].tolist()[:2] == [2, 3]


def test_api_findings_equal_validate_json(samples: Path, tmp_path: Path) -> None:
    source = samples / "roster.xlsx"
    out = tmp_path / "县.parquet"
    assert run("export", source, "--out", out).exit_code == 0
    for path in (source, out):
        findings, expected = lbc.validate(lbc.read(path)), validate_json(path)["findings"]
        assert list(findings.columns) == list(expected[0])  # the contract's key order
        assert findings["row"].dtype == "Int64"
        assert records(findings) == expected
        assert len(findings) == 14


def test_api_reads_the_parquet_as_the_workbook(samples: Path, tmp_path: Path) -> None:
    source = samples / "roster.xlsx"
    out = tmp_path / "县.parquet"
    assert run("export", source, "--out", out).exit_code == 0
    a, b = lbc.read(source), lbc.read([out])
    for kind in ("children", "teachers", "records"):
        pd.testing.assert_frame_equal(getattr(a, kind), getattr(b, kind))


def county(tmp_path: Path) -> Path:
    root = tmp_path / "各校"
    for name, rows in (
        ("青山小学", [child_row(1), child_row(2, 监护人电话="123")]),
        ("白鹤小学", [child_row(3)]),
    ):
        (root / name).mkdir(parents=True)
        write_xlsx(root / name / "roster.xlsx", {"花名册": [CHILD_HEADER, *rows]})
        (root / name / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', encoding="utf-8")
    return root


def test_merge_to_parquet_keeps_each_school_and_source(tmp_path: Path) -> None:
    root = county(tmp_path)
    out = tmp_path / "全县.parquet"
    result = run("merge", root, "--out", out, "--format", "json")
    assert result.exit_code == 1, result.stderr  # 监护人电话 123
    assert result.json()["summary"]["children"] == 3
    stacked = pq.read_table(out).to_pandas()
    assert list(stacked.columns) == stacked_columns()
    a, b = str(root / "白鹤小学" / "roster.xlsx"), str(root / "青山小学" / "roster.xlsx")
    assert stacked[["table", *LEAD, "name"]].values.tolist() == [
        ["children", "白鹤小学", a, "花名册", 2, "王梓萱"],
        ["children", "青山小学", b, "花名册", 2, "张雨涵"],
        ["children", "青山小学", b, "花名册", 3, "李明轩"],
    ]
    # Read back, the bad phone is where the school typed it: its file, sheet, row, column.
    assert validate_json(out)["findings"] == validate_json(root)["findings"]
    [finding] = validate_json(out)["findings"]
    assert (finding["file"], finding["sheet"], finding["row"], finding["column"]) == (
        str(root / "青山小学" / "roster.xlsx"), "花名册", 3, "N",
    )  # fmt: skip


def test_export_csv_stacks_the_three_tables(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "县.csv"
    assert run("export", samples / "roster.xlsx", "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == stacked_columns()
    tables = [r[0] for r in rows[1:]]
    assert (tables.count("children"), tables.count("teachers"), tables.count("records")) == (
        59,
        30,
        150,
    )
    assert rows[1][:6] == [
        "children",
        "青山镇中心小学",
        str(samples / "roster.xlsx"),
        "留守儿童花名册",
        "4",
        "邓思雨",
    ]


def test_export_xlsx_is_the_merged_workbook(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "县.xlsx"
    assert run("export", samples / "roster.xlsx", "--out", out).exit_code == 0
    assert load_workbook(out, read_only=True).sheetnames == [
        "留守儿童花名册",
        "教师名单",
        "帮扶记录",
        "各校要求",  # the samples' lbc.toml sets [quotas], which go with the school's rows
        "来源列",
    ]
    summary = validate_json(out)["summary"]
    assert (summary["children"], summary["teachers"], summary["records"]) == (58, 30, 150)


def test_export_refuses_other_suffixes(samples: Path, tmp_path: Path) -> None:
    result = run("export", samples / "roster.xlsx", "--out", tmp_path / "x.json")
    assert result.exit_code == 2
    assert "（文件名的后缀决定格式，这里能写：.csv、.xlsx、.parquet）" in result.stderr


@pytest.mark.parametrize("parquet", [False, True])
def test_start_up_does_not_import_pandas_or_pyarrow(
    samples: Path, tmp_path: Path, parquet: bool
) -> None:
    """`import lbc` and `lbc validate` on a workbook load neither; the same check sees
    pyarrow when a Parquet file is read, so it can fail."""
    out = tmp_path / "县.parquet"
    assert run("export", samples / "roster.xlsx", "--out", out).exit_code == 0
    code = "import lbc, sys; print(sorted({'pandas', 'pyarrow'} & set(sys.modules)))"
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert imported.stdout == "[]\n"
    exit_code, loaded = modules_loaded("validate", out if parquet else samples / "roster.xlsx")
    assert exit_code == 1
    assert ("pyarrow" in loaded) is parquet
    assert "pandas" not in loaded


def test_an_exported_csv_reads_back_table_by_table(samples: Path, tmp_path: Path) -> None:
    """The stacked CSV is three tables, not one children sheet of 239 rows; with no layout
    to go back to, findings point at the CSV's own cells (row 10 is the 9th child)."""
    out = tmp_path / "县.csv"
    assert run("export", samples / "roster.xlsx", "--out", out).exit_code == 0
    doc = validate_json(out)
    sheets = doc["files"][0]["sheets"]
    assert [(s["kind"], s["rows"]) for s in sheets] == [
        ("children", 59), ("teachers", 30), ("records", 150)
    ]  # fmt: skip
    first = doc["findings"][0]
    assert (first["file"], first["sheet"], first["row"], first["column"], first["code"]) == (
        str(out), "县", 10, "O", "REQ001",
    )  # fmt: skip
    assert first["message"] == "“家庭住址”未填写"
    # The same errors, the ID typed as a number too: the CSV holds it as the number it was
    # (5.11321…E+17), not its digits (…094000, the last lost), which read as an ID number
    # typed as text made ID002 and ID007 instead.
    codes = Counter(f["code"] for f in doc["findings"] if f["severity"] == "error")
    before = validate_json(samples / "roster.xlsx")["findings"]
    assert codes == Counter(f["code"] for f in before if f["severity"] == "error")


def test_a_parquet_from_pandas_reads_where_its_rows_stand(tmp_path: Path) -> None:
    """A file an analyst wrote with pandas (no lbc metadata): columns by key, the rows
    and letters its own."""
    path = tmp_path / "自制.parquet"
    frame = pd.DataFrame(
        {
            "name": ["张雨涵", "李明轩"],
            "class": ["三年级(2)班", "三年级(2)班"],
            "id_number": ["511321201605011001", None],
            "left_behind_type": ["父母均外出", "父亲外出"],
            "guardian_phone": ["13800000001", "123"],
        }
    )
    frame.to_parquet(path)
    doc = validate_json(path)
    found = [(f["file"], f["sheet"], f["row"], f["column"], f["code"]) for f in doc["findings"]]
    assert (str(path), "自制", 3, "E", "PHN001") in found
    assert doc["summary"]["children"] == 2


def test_api_says_which_files_it_could_not_read(tmp_path: Path) -> None:
    folder = county(tmp_path)
    broken = folder / "坏.xlsx"
    broken.write_bytes(b"not a workbook")
    roster = lbc.read(folder)
    assert len(roster.children) == 3
    assert [file for file, _ in roster.failed] == [str(broken)]


def test_api_given_no_file_and_no_config_says_so() -> None:
    """An empty list was read as a roster found nowhere: 在  中没有找到留守儿童名册."""
    with pytest.raises(LbcError) as raised:
        lbc.read([])
    assert str(raised.value) == (
        "lbc.read 没有拿到要读的文件：请给出花名册文件或文件夹，或用 config= 指定 lbc.toml。"
    )


def test_api_given_last_terms_roster_alone_says_so_as_the_commands_do(tmp_path: Path) -> None:
    """A school's workspace whose lbc.toml names a roster not made yet, last term's kept in
    上学期/: lbc.read left last term's out, as the commands do, then said no roster was
    found in "" (no file at all). It says what lbc validate says, and how to read it; an
    empty folder, that it holds no spreadsheet."""
    school = tmp_path / "青山小学"
    (school / "上学期").mkdir(parents=True)
    write_xlsx(school / "上学期" / "花名册.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    (school / "lbc.toml").write_text('[files]\nroster = "花名册.xlsx"\n', encoding="utf-8")
    said = run("validate", school).stderr
    with pytest.raises(LbcError) as raised:
        lbc.read(school)
    assert said == f"lbc: 错误：{raised.value}\n"
    assert str(raised.value) == (
        f"{school} 中只有“上学期”文件夹里的 1 个表格，是上学期的，未当作本学期的名册读取；"
        f"要读它，请直接写出它的路径，如 {school / '上学期' / '花名册.xlsx'}"
    )
    (tmp_path / "空").mkdir()
    with pytest.raises(LbcError) as raised:
        lbc.read([tmp_path / "空"])
    assert str(raised.value) == f"{tmp_path / '空'} 中没有找到表格文件"


def test_a_schools_teachers_are_of_the_school_its_childrens_cells_name(tmp_path: Path) -> None:
    # No lbc.toml, no title: each workbook's children say their school in a 学校 column,
    # its teachers sheet has none. An analyst's roster.teachers of 青山小学 is the teacher
    # in 青山小学's workbook, not a school named after the folder that no child is in.
    for folder, school, n in (("A", "青山小学", 1), ("B", "白鹤小学", 3)):
        (tmp_path / folder).mkdir()
        teachers = [["姓名", "联系电话"], [f"教师{folder}", "13500000001"]]
        sheets = {"花名册": [[*CHILD_HEADER, "学校"], [*child_row(n), school]], "教师": teachers}
        write_xlsx(tmp_path / folder / "roster.xlsx", sheets)
    roster = lbc.read(tmp_path)
    assert roster.children[["school", "name"]].values.tolist() == [
        ["青山小学", "张雨涵"],
        ["白鹤小学", "王梓萱"],
    ]
    assert roster.teachers[["school", "name"]].values.tolist() == [
        ["青山小学", "教师A"],
        ["白鹤小学", "教师B"],
    ]


def test_api_with_a_workspaces_config_takes_the_pairs_in_force(tmp_path: Path) -> None:
    # A school's workspace after lbc pair --save: 结对名单.xlsx ([files] pairs) pairs both
    # children with 王芳; the roster's own 帮扶教师 column is empty. lbc export and every
    # command take the pairs in force; so does lbc.read given the workspace's lbc.toml.
    header = [*CHILD_HEADER, "帮扶教师"]
    write_xlsx(
        tmp_path / "roster.xlsx",
        {
            "花名册": [header, [*child_row(1), None], [*child_row(2), None]],
            "教师": [["姓名", "联系电话"], ["王芳", "13500000001"]],
        },
    )
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\npairs = "结对名单.xlsx"\n', encoding="utf-8"
    )
    assert run("pair", "--save", cwd=tmp_path).exit_code == 0
    assert run("export", "roster.xlsx", "--out", "x.parquet", cwd=tmp_path).exit_code == 0
    exported = pq.read_table(tmp_path / "x.parquet").to_pandas()
    in_force = exported[exported["table"] == "children"]["support_teacher"].tolist()
    assert in_force == ["王芳", "王芳"]
    # The CSV and the workbook carry them too: every command reading the export pairs as
    # the workspace does (the workbook gave the roster's empty cells, and re-paired).
    for out in ("x.csv", "x.xlsx"):
        assert run("export", "roster.xlsx", "--out", out, cwd=tmp_path).exit_code == 0
        doc = run("pair", out, "--format", "json", cwd=tmp_path).json()
        assert [(p["teacher"], p["kept"]) for p in doc["pairs"]] == [("王芳", True)] * 2
    config = tmp_path / "lbc.toml"
    for paths in ([tmp_path / "roster.xlsx"], []):
        roster = lbc.read(paths, config=config)
        assert roster.children["support_teacher"].tolist() == in_force
        files = {Path(f).resolve() for f in roster.children["source_file"]}
        assert files == {(tmp_path / "roster.xlsx").resolve()}


def test_a_parquet_of_a_roster_holding_nobody_says_so_as_the_workbook(tmp_path: Path) -> None:
    """A school's roster of headers only (and its teachers list) says REQ002 under its own
    file and sheet, read from the workbook or from the Parquet file merge or export made of
    it; in a county's file, beside a school with children, too."""
    teachers = [["姓名", "联系电话", "在岗"], ["王芳", "13800001111", "是"]]
    school = tmp_path / "乙"
    school.mkdir()
    write_xlsx(school / "乙小学.xlsx", {"花名册": [CHILD_HEADER], "教师": teachers})
    own = run("validate", "乙小学.xlsx", "--format", "json", cwd=school).json()
    assert [(f["code"], f["file"], f["sheet"]) for f in own["findings"]] == [
        ("REQ002", "乙小学.xlsx", "花名册")
    ]
    for command in ("merge", "export"):
        out = tmp_path / f"{command}.parquet"
        assert run(command, "乙小学.xlsx", "--out", out, cwd=school).exit_code in (0, 1)
        result = run("validate", out)
        assert result.exit_code == 1, result.stderr
        assert "整表   REQ002   错误          儿童表里一名儿童也没有" in result.stdout
        doc = validate_json(out)
        assert doc["findings"] == own["findings"]
        assert doc["summary"]["by_code"] == {"REQ002": 1}
    (tmp_path / "甲").mkdir()
    write_xlsx(tmp_path / "甲" / "甲小学.xlsx", {"花名册": [CHILD_HEADER, child_row(1)]})
    assert run("merge", "甲", "乙", "--out", "县.parquet", cwd=tmp_path).exit_code == 1
    county = validate_json(tmp_path / "县.parquet")
    assert [(f["code"], f["file"]) for f in county["findings"]] == [("REQ002", "乙/乙小学.xlsx")]
    assert [s["school"] for s in county["summary"]["schools"]] == ["甲小学", "乙小学"]


def test_a_titled_roster_naming_its_teaching_points_keeps_its_title_exported(
    tmp_path: Path,
) -> None:
    """青山镇中心小学's roster, so titled, whose 学校 column names each child's teaching
    point (青山镇中心小学, 大坪村小): exported to Parquet, its summary is titled 青山镇中心小学
    as the workbook's is, by the title the file's metadata keeps of its sheet, not
    （单位名称） because its rows name two schools."""
    rows = [["学校", *row] for row in (CHILD_HEADER, child_row(1), child_row(2))]
    rows += [["大坪村小", *child_row(3)]]
    rows[1][0] = rows[2][0] = "青山镇中心小学"
    write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [["青山镇中心小学留守儿童花名册"], *rows]})
    assert run("export", "花名册.xlsx", "--out", "导出.parquet", cwd=tmp_path).exit_code == 0
    firsts = []
    for given in ("花名册.xlsx", "导出.parquet"):
        result = run("summary", "--term", "2024-autumn", given, cwd=tmp_path)
        firsts.append(result.stdout.splitlines()[0])
        doc = run("summary", "--term", "2024-autumn", given, "--format", "json", cwd=tmp_path)
        assert doc.json()["school"] == "青山镇中心小学", given
    assert firsts == ["# 青山镇中心小学2024—2025学年第一学期留守儿童关爱工作总结"] * 2


def test_a_titled_roster_naming_its_teaching_points_keeps_its_title_in_csv(
    tmp_path: Path,
) -> None:
    """The same roster exported to CSV: the file kept no title (Parquet keeps it in its
    metadata), so its summary was headed （单位名称） and named no school. A row of its own
    (children_title) now keeps the title of each sheet, and the summary is 青山镇中心小学's,
    as from the workbook and the Parquet file."""
    rows = [["学校", *row] for row in (CHILD_HEADER, child_row(1), child_row(2))]
    rows += [["大坪村小", *child_row(3)]]
    rows[1][0] = rows[2][0] = "青山镇中心小学"
    write_xlsx(tmp_path / "花名册.xlsx", {"花名册": [["青山镇中心小学留守儿童花名册"], *rows]})
    assert run("export", "花名册.xlsx", "--out", "导出.csv", cwd=tmp_path).exit_code == 0
    for given in ("花名册.xlsx", "导出.csv"):
        result = run("summary", "--term", "2024-autumn", given, cwd=tmp_path)
        assert result.stdout.splitlines()[0] == (
            "# 青山镇中心小学2024—2025学年第一学期留守儿童关爱工作总结"
        ), given
        assert "单位名称" not in result.stderr, given
        doc = run("summary", "--term", "2024-autumn", given, "--format", "json", cwd=tmp_path)
        assert doc.json()["school"] == "青山镇中心小学", given
    last = (tmp_path / "导出.csv").read_text(encoding="utf-8-sig").splitlines()[-1]
    assert last.rstrip(",") == "children_title,,花名册.xlsx,花名册,,青山镇中心小学留守儿童花名册"


def test_api_says_what_it_left_out_and_pooled_as_validate_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A county's folder: 白鹤小学 keeps last term's roster in 上学期/, 红星村小's folder is
    there twice as Windows names copies. lbc validate says both were left out or pooled;
    lbc.read said nothing of them, and an analyst's count of 红星村小 held its children
    twice without a word. roster.notes are the notes lbc validate prints, in its order, in
    the language lbc.messages is set to."""
    county = tmp_path / "县"
    for folder, children in (("红星村小(1)", (1, 2)), ("红星村小(2)", (1, 2)), ("白鹤小学", (3,))):
        (county / folder).mkdir(parents=True)
        write_xlsx(
            county / folder / "花名册.xlsx", {"花名册": [CHILD_HEADER, *map(child_row, children)]}
        )
    (county / "白鹤小学" / "上学期").mkdir()
    write_xlsx(
        county / "白鹤小学" / "上学期" / "花名册.xlsx",
        {"花名册": [CHILD_HEADER, child_row(3), child_row(4)]},
    )
    monkeypatch.chdir(tmp_path)
    roster = lbc.read("县")
    assert roster.notes == [
        "提示：县/白鹤小学/上学期/花名册.xlsx 在“上学期”文件夹里，是上学期的文件，未当作本学期的"
        "名册读取；要读它，请直接写出它的路径",
        "提示：文件夹 县/红星村小(1)、县/红星村小(2) 的名称只差“(1)”“- 副本”“复件”这样的字样，"
        "像是同一所学校文件夹的副本，按一所学校“红星村小”统计、结对；副本里的儿童多半是同一批人，"
        "身份证号相同的由 lbc validate 逐行指出（DUP001）；请核对后只留一份",
    ]
    assert run("validate", "县", cwd=tmp_path).stderr.splitlines() == roster.notes
    assert len(roster.children) == 5
    messages.set_lang("en")
    english = lbc.read("县").notes
    assert run("--lang", "en", "validate", "县", cwd=tmp_path).stderr.splitlines() == english
    assert english[0].startswith("note: 县/白鹤小学/上学期/花名册.xlsx is in a '上学期'")


def test_text_kept_from_excel_as_a_formula_reads_back_as_written(tmp_path: Path) -> None:
    """An address of -, a 备注 of @班主任, a record's 内容 of -无-: the exported CSV writes
    them '-, '@班主任, '-无- so that Excel runs none as a formula, and lbc reads its CSV
    back as they were. The quote was read as part of them: the address '- in lbc.read
    and in the next export, and lbc diff said the address changed. A CSV's own leading
    quote before a plain number ('-5) or a word is its text."""
    rows = [
        [*CHILD_HEADER, "备注"],
        [*child_row(1, 家庭住址="-"), "@班主任"],
        [*child_row(2, 家庭住址="- 已转学"), "'-5"],
        [*child_row(3), "'张"],
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    out = tmp_path / "导出.csv"
    assert run("export", path, "--out", out).exit_code == 0
    children = lbc.read([out]).children
    assert list(children["home_address"])[:2] == ["-", "- 已转学"]
    assert list(children["notes"]) == ["@班主任", "'-5", "'张"]
    diff = run("diff", path, out, "--format", "json")
    assert diff.json()["summary"]["changed"] == 0


def test_free_text_is_exported_as_the_school_wrote_it(tmp_path: Path) -> None:
    """A record's 内容 with a full-width comma and a line break, an address on two lines:
    the Parquet and CSV exports and lbc.read give them as written, as the merged workbook
    does (the cli contract: copied text keeps the cell's text, trimmed at most). They came
    back with an ASCII comma and a space for the break."""
    from conftest import RECORD_HEADER

    said = "谈心，孩子情绪稳定\n说想念爸爸妈妈"
    address = "青山镇\n大河村2组"
    records = [RECORD_HEADER, ["2024-09-03", "王芳", "张雨涵", "三年级(2)班", "谈心", said]]
    rows = [CHILD_HEADER, child_row(1, 家庭住址=address)]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows, "帮扶记录": records})
    assert list(lbc.read([path]).children["home_address"]) == [address]
    assert list(lbc.read([path]).records["content"]) == [said]
    for out in ("导出.parquet", "导出.csv"):
        assert run("export", path, "--out", tmp_path / out).exit_code in (0, 1)
        back = lbc.read([tmp_path / out])
        assert (list(back.children["home_address"]), list(back.records["content"])) == (
            [address],
            [said],
        )


def test_a_countys_csv_says_each_schools_missing_column_on_its_line(tmp_path: Path) -> None:
    """Two titled schools' rosters without a 健康状况 column: the folder, its merged
    workbook, and their CSV exports say COL001 once for each school, on its line, and the
    summary of either CSV is headed as the county's. A CSV said it once, at the first
    school's sheet or on a line of the CSV's own of no child, and its summary was headed
    with the first school's name."""
    root = tmp_path / "县"
    header = [h for h in CHILD_HEADER if h != "健康状况"]
    for name, n in (("白鹤小学", 1), ("青山小学", 2)):
        row = [v for h, v in zip(CHILD_HEADER, child_row(n), strict=True) if h != "健康状况"]
        title = [f"{name}留守儿童花名册（2024年秋季学期）"]
        (root / name).mkdir(parents=True)
        write_xlsx(root / name / "花名册.xlsx", {"花名册": [title, header, row]})
    merged = tmp_path / "全县.xlsx"
    assert run("merge", root, "--out", merged).exit_code == 1
    for given in (root, merged):
        out = tmp_path / f"{given.stem}.csv"
        assert run("export", given, "--out", out).exit_code == 0
        for path in (given, out):
            doc = validate_json(path)
            assert [(s["school"], s["errors"]) for s in doc["summary"]["schools"]] == [
                ("白鹤小学", 1),
                ("青山小学", 1),
            ], path
            assert [(f["code"], f["field"]) for f in doc["findings"]] == [("COL001", "health")] * 2
        heading = run("summary", out, "--term", "2024-autumn").stdout.splitlines()[0]
        assert heading == "# （单位名称）2024—2025学年第一学期留守儿童关爱工作总结"


def test_a_number_cell_of_a_free_text_column_is_exported_whole(tmp_path: Path) -> None:
    """A 学籍号 typed as a number (2016001) and an address of 12: exported as 2016001 and
    12, as before free text was written as the school wrote it, not 2016001.0; lbc diff of
    the roster against its export finds nothing changed."""
    rows = [[*CHILD_HEADER, "学籍号"], [*child_row(1, 家庭住址=12), 2016001]]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    for out in ("导出.parquet", "导出.csv"):
        assert run("export", path, "--out", tmp_path / out).exit_code in (0, 1)
        back = lbc.read([tmp_path / out]).children
        assert (list(back["student_no"]), list(back["home_address"])) == (["2016001"], ["12"])
        assert (
            run("diff", path, tmp_path / out, "--format", "json").json()["summary"]["changed"] == 0
        )
