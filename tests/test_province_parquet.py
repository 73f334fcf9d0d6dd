"""lbc validate of a merged Parquet file one school (row group) at a time, and of a folder of
schools' workbooks with each school's children parked until checked: the findings, the
summary and the files described are the ones of reading it whole, and each school's cells
are dropped once checked."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.checks.engine import check_roster
from lbc.checks.streamed import check_by_row_group
from lbc.commands.validate import describe_files, summarise
from lbc.roster import reading, supervised, tables
from lbc.roster.fields import Kind
from lbc.roster.parquet import read_tables, sources_by_row_group
from lbc.roster.tables import SheetReader
from lbc.workspace.schools import read_roster

TODAY = dt.date(2024, 11, 1)
SCHOOLS = ("大河小学", "白鹤小学", "青山小学")  # as merge orders them


def teacher(name: str, phone: str = "13800001111") -> list[object]:
    return [name, "女", phone, "教师", "三年级(2)班", "语文", "否", "是"]


def child(n: int, support: str = "", **overrides: object) -> list[object]:
    return [*child_row(n, **overrides), support]


def province(root: Path, out_name: str = "全县.parquet") -> Path:
    """Three schools merged into one Parquet file, with findings that cross schools: an ID
    number in two schools (DUP003) and twice in one (DUP001), a record naming another
    school's child, a support teacher on no teachers list (TCH003), a teacher's name twice
    in one school (TCH002) and once more in another (no finding), a child's name and class
    in two schools (a record of one of them names its own child)."""
    in_two = child_row(1)[CHILD_HEADER.index("身份证号")]
    namesake = child_row(1)[CHILD_HEADER.index("姓名")]  # in 青山小学's class too
    twice = child_row(7)[CHILD_HEADER.index("身份证号")]
    schools = {
        "青山小学": (
            [child(1, "李老师"), child(2, name="王小明"), child(3, 监护人电话="")],
            [teacher("李老师"), teacher("周老师"), teacher("周老师", "13800002222")],
            [[dt.date(2024, 10, 8), "李老师", "张雨涵", "三年级(2)班", "谈心", "谈学习"]],
        ),
        "白鹤小学": (
            [child(4, 身份证号=in_two), child(5, "不在名单"), child(6, name=namesake)],
            [teacher("李老师"), teacher("吴老师")],
            [
                [dt.date(2024, 10, 9), "吴老师", "王小明", "", "家访", "问候"],
                [dt.date(2024, 10, 9), "吴老师", "没有这人", "", "谈心", "问候"],
            ],
        ),
        "大河小学": ([child(7), child(8, 身份证号=twice)], [teacher("郑老师")], []),
    }
    for name, (children, teachers, records) in schools.items():
        (root / name).mkdir(parents=True)
        write_xlsx(
            root / name / "roster.xlsx",
            {
                "花名册": [[*CHILD_HEADER, "帮扶教师"], *children],
                "教师名单": [TEACHER_HEADER, *teachers],
                "帮扶记录": [RECORD_HEADER, *records],
            },
        )
        (root / name / "lbc.toml").write_text(f'[school]\nname = "{name}"\n', encoding="utf-8")
    out = root.parent / out_name
    result = run("merge", root, "--out", out)
    assert result.exit_code in (0, 1), result.stderr
    return out


def whole(path: Path) -> tuple[list[dict], dict, list[dict]]:
    roster = read_roster([path])
    findings = check_roster(roster, TODAY)
    return (
        [vars(f) for f in findings],
        summarise(roster, findings),
        describe_files(roster),
    )


def by_row_group(path: Path) -> tuple[list[dict], dict, list[dict]]:
    streamed = check_by_row_group(path, TODAY)
    assert streamed is not None
    roster, findings = streamed
    return [vars(f) for f in findings], summarise(roster, findings), describe_files(roster)


def test_one_school_at_a_time_finds_what_the_whole_file_does(tmp_path: Path) -> None:
    path = province(tmp_path / "各校")
    assert pq.ParquetFile(path).num_row_groups == 8  # each school's sheets, one group each
    findings, summary, files = by_row_group(path)
    assert (findings, summary, files) == whole(path)
    assert {f["code"] for f in findings} >= {"DUP001", "DUP003", "TCH002", "TCH003", "REC002"}
    # 大河小学 lists one child twice (DUP001), 白鹤小学 one of 青山小学's (DUP003): 6 children.
    assert summary["children"] == 6
    assert [s["school"] for s in summary["schools"]] == list(SCHOOLS)
    # A record of 白鹤小学 names 王小明 of 青山小学: not a child of its school. 青山小学's
    # record names its 张雨涵 三年级(2)班, though 白鹤小学 has one too: no REC003.
    assert [f["value"] for f in findings if f["code"] == "REC002"] == ["王小明", "没有这人"]
    assert not [f for f in findings if f["code"] in ("REC003", "DUP002")]


def test_an_export_of_a_merged_workbook_is_read_a_school_at_a_time(tmp_path: Path) -> None:
    """lbc export of a merged workbook: each sheet of the merged workbook is one source
    sheet, whose schools' rows lie in row groups of their own. Read school by school, it
    gives the findings and summary of reading it whole, and of validating the workbook;
    an ID number typed as a number in the second school's rows (ID004) is said at its own
    row, its place in the sheet counted past the first school's rows."""
    typed = int(child_row(5)[CHILD_HEADER.index("身份证号")])
    merged = province(tmp_path / "各校", "全县.xlsx")
    book = openpyxl.load_workbook(merged)
    sheet = book[book.sheetnames[0]]
    id_column = [c.value for c in sheet[1]].index("身份证号") + 1
    at = next(
        r for r in range(2, sheet.max_row + 1) if sheet.cell(r, id_column).value == str(typed)
    )
    sheet.cell(at, id_column).value = typed
    book.save(merged)
    out = tmp_path / "导出.parquet"
    assert run("export", merged, "--out", out).exit_code == 0
    lead = pq.read_table(out, columns=["table", "school"])
    kinds, schools = (lead.column(k).to_pylist() for k in ("table", "school"))
    file = pq.ParquetFile(out)
    starts = [
        0,
        *itertools.accumulate(
            file.metadata.row_group(g).num_rows for g in range(file.num_row_groups)
        ),
    ]
    groups = [
        set(zip(kinds[a:b], schools[a:b], strict=True))
        for a, b in itertools.pairwise(starts)
        if kinds[a] == "children"
    ]
    assert groups == [{("children", school)} for school in SCHOOLS]
    sources = sources_by_row_group(out)
    assert sources is not None
    assert [len(unit) for unit in sources.units] == [1, 1, 1, 3, 2]  # teachers, records whole
    streamed = check_by_row_group(out, TODAY)
    assert streamed is not None
    roster, _ = streamed
    assert len(roster.children) == 3
    findings, summary, files = by_row_group(out)
    assert (findings, summary, files) == whole(out)
    assert [f["row"] for f in findings if f["code"] == "ID004"] == [at]
    a = run("validate", merged, "--format", "json").json()
    b = run("validate", out, "--format", "json").json()
    assert a["findings"] == b["findings"] != []
    assert a["summary"] == b["summary"]


def test_a_file_read_whole_is_read_a_row_group_at_a_time(tmp_path: Path) -> None:
    """Every command but validate reads a Parquet file whole (lbc flag, lbc summary): its
    row groups are turned into cells one at a time, so the file is never held whole in
    Arrow's form beside its cells (a province's is 1.3 GB there). Arrow's own count of
    the most it held at once says so, in a process of its own; and the tables are the
    ones of the file read whole."""
    path = province(tmp_path / "各校")
    data = pq.read_table(path)
    footer = pq.ParquetFile(path).metadata.metadata
    big = tmp_path / "大.parquet"
    many = pa.concat_tables([data] * 1000).replace_schema_metadata(footer)
    pq.write_table(many, big, row_group_size=len(data) * 100)
    code = (
        "import sys, pyarrow as pa, pyarrow.parquet as pq\n"
        "from pathlib import Path\n"
        "from lbc.roster.parquet import read_tables\n"
        "path = Path(sys.argv[1])\n"
        "tables = read_tables(path)\n"
        "held = pa.default_memory_pool().max_memory()\n"
        "print(held, pq.read_table(path).nbytes, sum(len(x) for x, _ in tables))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=True
    )
    held, whole_file, rows = map(int, out.stdout.split())
    assert rows == len(many)
    assert held * 4 < whole_file


def test_a_name_in_two_schools_read_whole_is_one_text(tmp_path: Path) -> None:
    """A province read whole holds millions of names, most of them repeated in other
    schools: a name read in two schools' row groups is one object, not one a school."""
    path = province(tmp_path / "各校")
    namesake = child_row(1)[CHILD_HEADER.index("姓名")]
    names = {
        school: [cell for cell in table.raw["name"] if cell == namesake]
        for table, school in read_tables(path)
        if table.kind is Kind.CHILDREN
    }
    [one], [other] = names["青山小学"], names["白鹤小学"]
    assert one is other


def test_one_row_group_of_every_table_is_cut_by_kind(tmp_path: Path) -> None:
    """One row group holding every school's children, teachers and records (as another
    tool may write it): each pass takes its own kind's rows out of it."""
    path = province(tmp_path / "各校")
    one = tmp_path / "一组.parquet"
    footer = pq.ParquetFile(path).metadata.metadata
    pq.write_table(pq.read_table(path).replace_schema_metadata(footer), one)
    assert pq.ParquetFile(one).num_row_groups == 1
    findings, summary, files = by_row_group(one)
    assert (findings, summary, files) == whole(one) == whole(path)
    # 大河小学 lists one child twice (DUP001), 白鹤小学 one of 青山小学's (DUP003): 6 children.
    assert summary["children"] == 6


def test_each_schools_cells_are_dropped_once_checked(tmp_path: Path) -> None:
    streamed = check_by_row_group(province(tmp_path / "各校"), TODAY)
    assert streamed is not None
    roster, _ = streamed
    for table in roster.children:
        assert table.raw == {}
        assert set(table.values) == {"school"}
        assert len(table) == len(table.values["school"]) > 0


def test_a_school_split_over_row_groups_is_read_whole(tmp_path: Path) -> None:
    """A file rewritten by another tool, its row groups cut across schools: each school's
    sheet read whole, its row groups together, with the same findings."""
    path = province(tmp_path / "各校")
    resaved = tmp_path / "重存.parquet"
    footer = pq.ParquetFile(path).metadata.metadata  # lbc's layouts of the source sheets
    pq.write_table(pq.read_table(path).replace_schema_metadata(footer), resaved, row_group_size=3)
    assert pq.ParquetFile(resaved).metadata.metadata[b"lbc"] == footer[b"lbc"]
    assert pq.ParquetFile(resaved).num_row_groups > 3
    sources = sources_by_row_group(resaved)
    assert sources is not None
    assert [len(unit) for unit in sources.units] != [1] * len(sources.units)
    a = run("validate", path, "--format", "json").json()
    b = run("validate", resaved, "--format", "json").json()
    assert a["findings"] == b["findings"] != []
    assert a["summary"] == b["summary"]


def test_validate_says_each_schools_children_sheet_of_a_parquet_without_children(
    tmp_path: Path,
) -> None:
    """A file whose children rows are gone, its metadata still naming each school's
    children sheet, holds nobody in each: REQ002 for each school's file, as its workbook
    of headers only says, whether read school by school or whole."""
    path = province(tmp_path / "各校")
    data = pq.read_table(path)
    footer = pq.ParquetFile(path).metadata.metadata
    teachers_only = tmp_path / "只有教师.parquet"
    others = data.filter(pc.not_equal(data.column("table"), "children"))
    pq.write_table(others.replace_schema_metadata(footer), teachers_only)
    assert sources_by_row_group(teachers_only) is not None
    result = run("validate", teachers_only, "--format", "json")
    assert result.exit_code == 1
    doc = result.json()
    files = [str(tmp_path / "各校" / school / "roster.xlsx") for school in SCHOOLS]
    empty = [(f["file"], f["sheet"]) for f in doc["findings"] if f["code"] == "REQ002"]
    assert empty == [(file, "花名册") for file in files]
    assert [s["children"] for s in doc["summary"]["schools"]] == [0, 0, 0]
    resaved = tmp_path / "每三行.parquet"
    pq.write_table(others.replace_schema_metadata(footer), resaved, row_group_size=1)
    sources = sources_by_row_group(resaved)
    assert sources is not None  # each sheet's rows, a row group each, read together
    assert [len(unit) for unit in sources.units] != [1] * len(sources.units)
    whole = run("validate", resaved, "--format", "json").json()
    assert whole["findings"] == doc["findings"]


def test_a_row_of_an_unknown_table_is_refused_as_when_read_whole(tmp_path: Path) -> None:
    """A row whose ``table`` is none of lbc's is not dropped by the school-by-school read:
    the file is refused, naming it."""
    path = province(tmp_path / "各校")
    data = pq.read_table(path)
    kinds = data.column("table").to_pylist()
    kinds[-1] = "classes"
    odd = data.set_column(0, "table", pa.array(kinds))
    bad = tmp_path / "多一张表.parquet"
    pq.write_table(odd.replace_schema_metadata(pq.ParquetFile(path).metadata.metadata), bad)
    assert sources_by_row_group(bad) is None
    result = run("validate", bad)
    assert result.exit_code == 2
    assert result.stderr == (
        f"lbc: 错误：{bad} 的 table 列有无法识别的值“classes”"
        "（应为 children、teachers 或 records）\n"
    )


def test_a_folder_of_schools_matches_each_record_in_its_own_school(tmp_path: Path) -> None:
    """Each school's workbook holds its roster and its records, without a 学校 column: a
    record names a child of its own file's school (declared by lbc.toml), though a child of
    that name and class is at the other school too; and two schools' records written alike
    are two records, not one read twice. validate and the summary agree."""
    root = tmp_path / "各校"
    twin = child_row(1)[CHILD_HEADER.index("姓名")]
    for n, school in enumerate(("青山小学", "白鹤小学")):
        (root / school).mkdir(parents=True)
        record = [dt.date(2024, 10, 8), "李老师", twin, "三年级(2)班", "谈心", "谈学习"]
        write_xlsx(
            root / school / "roster.xlsx",
            {
                "花名册": [CHILD_HEADER, child_row(1 + n * 10, name=twin)],
                "教师名单": [TEACHER_HEADER, teacher("李老师")],
                "帮扶记录": [RECORD_HEADER, record],
            },
        )
        (root / school / "lbc.toml").write_text(f'[school]\nname = "{school}"\n', encoding="utf-8")
    found = run("validate", root, "--format", "json").json()["findings"]
    assert [f["code"] for f in found if f["code"].startswith("REC")] == []
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["records"]["total"], summary["records"]["matched"]) == (2, 2)


def folder(root: Path, park: bool) -> tuple[list[dict], dict, list[dict], list]:
    paths = sorted(root.rglob("roster.xlsx"))
    roster = read_roster(paths, carry_on=True, park=park)
    findings = check_roster(roster, TODAY)
    found = ([vars(f) for f in findings], summarise(roster, findings), describe_files(roster))
    return (*found, roster.children)


def test_a_folder_parked_finds_what_it_finds_read_whole(tmp_path: Path) -> None:
    province(tmp_path / "各校")
    *parked, children = folder(tmp_path / "各校", park=True)
    *whole_, _ = folder(tmp_path / "各校", park=False)
    assert parked == whole_
    findings, summary, _ = parked
    assert {f["code"] for f in findings} >= {"DUP001", "DUP003", "TCH002", "TCH003", "REC002"}
    # 大河小学's two rows are one child (DUP001: one ID number twice), counted once.
    assert [s["children"] for s in summary["schools"]] == [1, 3, 3]
    for table in children:  # each school's cells dropped once checked (no 学校 column)
        assert not table.parked
        assert table.raw == {} == dict(table.values)
        assert len(table) > 0


def test_a_parked_tables_cells_are_refused_until_taken_out(tmp_path: Path) -> None:
    """Reading a parked table's cells is a mistake in lbc: it raises, rather than answer
    that the child's cells are empty. Taken out, it holds what it held, down to what lbc
    composed of several cells when it was read (a 班级 of 2班 within a 年级 of 三年级)."""
    root = tmp_path / "各校"
    for n, school in enumerate(("青山小学", "白鹤小学")):
        (root / school).mkdir(parents=True)
        rows = [[*child_row(n * 10 + i, 班级="2班"), "三年级"] for i in (1, 2, 3)]
        write_xlsx(root / school / "roster.xlsx", {"花名册": [[*CHILD_HEADER, "年级"], *rows]})
    paths = sorted(root.rglob("roster.xlsx"))
    roster = read_roster(paths, park=True)
    table = roster.children[0]
    assert table.parked and len(table) == 3
    with pytest.raises(RuntimeError):
        table.get("name", 0)
    with pytest.raises(RuntimeError):
        table.values.get("id_number")
    table.unpark()
    assert not table.parked
    assert table.get("name", 1) == child_row(12)[CHILD_HEADER.index("姓名")]
    assert [str(c) for c in table.values["class"]] == ["三年级(2)班"] * 3
    whole_ = read_roster(paths).children[0]
    assert table.raw == whole_.raw
    assert [table.values[key] for key in whole_.columns] == [
        whole_.values[key] for key in whole_.columns
    ]


def test_a_folder_with_a_pairs_workbook_joins_the_pairs_unparked(tmp_path: Path) -> None:
    """Pairs are joined onto the children as they are read: a folder holding a pairs
    workbook is not parked, and the pairs in force are what validate checks against."""
    root = tmp_path / "各校"
    province(root)
    school = root / "青山小学"
    assert run("pair", school / "roster.xlsx", "--out", school / "结对.xlsx").exit_code == 0
    roster = read_roster(sorted(root.rglob("*.xlsx")), carry_on=True, park=True)
    assert roster.pairs and not any(table.parked for table in roster.children)
    a = run("validate", root, "--format", "json").json()
    assert a["summary"]["children"] == 6  # one child twice in a school, one in two


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned like Windows"])
def test_a_folders_tables_are_made_and_parked_in_the_reading_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    """Over a folder, each file's reading child makes its tables and parks its children:
    the cells never cross the pipe as cells, and what arrives finds what the folder read
    whole in this process finds; the read begun ahead is the read asked for."""
    monkeypatch.setattr(supervised, "CAN_FORK", fork)
    province(tmp_path / "各校")
    paths = sorted((tmp_path / "各校").rglob("roster.xlsx"))
    made = functools.partial(SheetReader, synonyms=None, park=True)
    assert reading._read_args(paths[0], made(paths[0])) == (paths[0], None, made(paths[0]))
    with reading.each_file_in_a_child(paths, made):

        def in_this_process(*args: object) -> None:
            raise AssertionError("a folder's table was made in this process")

        monkeypatch.setattr(tables, "build_table", in_this_process)  # not in the reader's
        roster = read_roster(paths, carry_on=True, park=True)
    monkeypatch.undo()
    assert [table.parked for table in roster.children] == [True, True, True]
    findings = check_roster(roster, TODAY)
    found = ([vars(f) for f in findings], summarise(roster, findings), describe_files(roster))
    assert found == tuple(folder(tmp_path / "各校", park=False)[:3])
