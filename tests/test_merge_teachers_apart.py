"""A school whose teachers list, naming the children each teacher supports (帮扶学生姓名),
is a file of its own beside its roster (县/青山小学/花名册.xlsx and 县/青山小学/教师.xlsx):
lbc merge writes the pairs the folder's run makes into the merged 帮扶教师 column, and
lbc pair, lbc due and lbc summary say the same of the folder and of the merged roster.
Each school's rows are still written while the next schools are read, held back only
until no file still to read could be such a list of theirs.

Through the real CLI on real workbooks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_xlsx
from lbc.reports import county as county_reports

SOURCES = ("县", "全县.xlsx", "全县.parquet")  # the folder, and its merged rosters


def listing(name: str, classes: str, children: str, **extra: Any) -> dict[str, Any]:
    return {**teacher(name, classes), "帮扶学生姓名": children, **extra}


def county(
    tmp_path: Path, titled: bool = True, roster: str = "花名册.xlsx", lists: bool = True
) -> Path:
    """县/青山小学 and 县/白鹤小学, each a roster (titled with its school, or ``titled``
    False: saying no school but by its folder) and a teachers list of its own (``lists``;
    its file 教师.xlsx, read before the roster 花名册.xlsx, after a roster named 名册.xlsx).
    Each school has a 王芳 (two phones); 青山小学's 张雨涵 has 李强 in her own 帮扶教师
    cell, which stands over the list's 王芳."""
    root = tmp_path / "县"
    schools = {
        "青山小学": (
            [kid(1, 帮扶教师="李强"), kid(2, 帮扶教师=None), kid(3, C51, 帮扶教师=None)],
            [listing("王芳", C32, "张雨涵、李明轩"), listing("李强", C51, "王梓萱")],
        ),
        "白鹤小学": (
            [kid(4), kid(5, C51)],
            [
                listing("王芳", C32, "刘浩然", 联系电话="13900000001"),
                listing("赵敏", C51, "陈思彤"),
            ],
        ),
    }
    for name, (kids, staff) in schools.items():
        (root / name).mkdir(parents=True)
        title = [[f"{name}留守儿童花名册"]] if titled else []
        write_xlsx(root / name / roster, {"花名册": [*title, *table(kids)]})
        if lists:
            write_xlsx(root / name / "教师.xlsx", {"教师": table(staff)})
    return root


def merge(tmp_path: Path) -> None:
    for out in SOURCES[1:]:
        result = run("merge", "县", "--out", out, cwd=tmp_path)
        assert result.exit_code == 0, result.stderr


# 学校, child and 帮扶教师 of each merged row of the two schools whose lists pair them all.
TWO_SCHOOLS_PAIRED = [
    ("白鹤小学", "刘浩然", "王芳"),
    ("白鹤小学", "陈思彤", "赵敏"),
    ("青山小学", "张雨涵", "李强"),
    ("青山小学", "李明轩", "王芳"),
    ("青山小学", "王梓萱", "李强"),
]


def merged_cells(tmp_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """(学校, 姓名, 帮扶教师) of each child of the merged workbook and Parquet file."""
    rows = load_workbook(tmp_path / "全县.xlsx")["留守儿童花名册"].iter_rows(values_only=True)
    head = list(next(rows))
    cells = [head.index(h) for h in ("学校", "姓名", "帮扶教师")]
    frame = pq.read_table(tmp_path / "全县.parquet").to_pandas()
    frame = frame[frame["table"] == "children"].astype(object)
    frame = frame.where(frame.notna(), None)
    return {
        "xlsx": [tuple(r[c] for c in cells) for r in rows],
        "parquet": [tuple(r) for r in frame[["school", "name", "support_teacher"]].values],
    }


def said(
    tmp_path: Path, *command: str, sources: tuple[str, ...] = SOURCES
) -> list[tuple[int, str]]:
    """The command's exit code and output over each source; lbc pair's JSON without
    where each child's row is (the folder's file, or the merged roster's)."""
    out = []
    for source in sources:
        result = run(*command, source, cwd=tmp_path)
        text = result.stdout
        if command[0] == "pair" and "json" in command:
            doc = result.json()
            for key in ("pairs", "unpaired"):
                doc[key] = [
                    {k: v for k, v in p.items() if k not in ("file", "row")} for p in doc[key]
                ]
                for p in doc[key]:
                    p.pop("sheet", None)
            text = repr(doc)
        out.append((result.exit_code, text))
    return out


@pytest.mark.parametrize("titled", [True, False])
def test_a_schools_teachers_list_of_its_own_fills_the_merged_support_teachers(
    tmp_path: Path, titled: bool
) -> None:
    """lbc merge read each school's roster alone, and wrote its children's 帮扶教师 cells
    blank where the school left them so (every child of 白鹤小学, and two of 青山小学):
    the pairs its teachers list made were in the merged 教师名单 sheet only, where lbc pair
    found them, but a person opening the merged roster saw no teacher for those children.
    Each cell now names the teacher lbc pair pairs the child with over the folder, and the
    cell the school filled in stays as written."""
    county(tmp_path, titled)
    merge(tmp_path)
    qs, bh = ("青山小学", "白鹤小学")  # titled, or by their folders alike
    expected = [
        (bh, "刘浩然", "王芳"),
        (bh, "陈思彤", "赵敏"),
        (qs, "张雨涵", "李强"),
        (qs, "李明轩", "王芳"),
        (qs, "王梓萱", "李强"),
    ]
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}
    pairs = run("pair", "县", "--format", "json", cwd=tmp_path).json()["pairs"]
    assert [(p["child"], p["teacher"], p["kept"]) for p in pairs] == [
        ("刘浩然", f"王芳（{bh}）", True),
        ("陈思彤", "赵敏", True),
        ("张雨涵", "李强", True),
        ("李明轩", f"王芳（{qs}）", True),
        ("王梓萱", "李强", True),
    ]
    commands = [
        ("pair",),
        ("pair", "--format", "json"),
        ("due", "--as-of", "2024-10-15"),
        ("due", "--as-of", "2024-10-15", "--format", "json"),
        ("summary", "--term", "2024-autumn"),
        ("summary", "--term", "2024-autumn", "--format", "json"),
    ]
    for command in commands:
        folder, *merged = said(tmp_path, *command)
        if command == ("pair",):  # the table gives each child's row in the file read
            folder, *merged = [(code, "") for code, _ in (folder, *merged)]
        assert merged == [folder, folder], command


def read_and_written(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """In what order lbc merge reads ``files`` and writes each one's children into the
    merged workbook (one worker, which reads each file as the one before it is written or
    held back)."""
    events: list[str] = []
    read_part = county_reports.read_part

    def logged(path: Path, *args: Any) -> county_reports.SchoolPart:
        events.append(f"read {path.parent.name}/{path.name}")
        return read_part(path, *args)

    def name(file: str) -> str:
        return f"{Path(file).parent.name}/{Path(file).name}"

    monkeypatch.setattr(county_reports.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(county_reports, "read_part", logged)
    seen: list[county_reports.SchoolPart] = []
    reading = county_reports.read_parts(files)
    _, _, _, blocks = next(county_reports.merged_sheets(reading, seen))
    for block in blocks:
        if block:
            events.append(f"write {name(seen[-1].file)}")
    return events


def test_a_county_keeping_no_list_apart_writes_each_school_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is held back where no school keeps a list of its own: each school's rows are
    handed on to be written before the next school's file is read, as before."""
    root = county(tmp_path, lists=False)
    files = sorted(root.rglob("*.xlsx"))
    assert read_and_written(files, monkeypatch) == [
        "read 白鹤小学/花名册.xlsx",
        "write 白鹤小学/花名册.xlsx",
        "read 青山小学/花名册.xlsx",
        "write 青山小学/花名册.xlsx",
    ]


def test_a_schools_roster_waits_for_its_own_folder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster read before the list beside it (名册.xlsx, then 教师.xlsx) waits until its
    folder is read, then is written with the list's pairs before the next school is read."""
    root = county(tmp_path, roster="名册.xlsx")
    files = sorted(root.rglob("*.xlsx"))
    assert read_and_written(files, monkeypatch) == [
        "read 白鹤小学/名册.xlsx",
        "read 白鹤小学/教师.xlsx",
        "write 白鹤小学/名册.xlsx",
        "read 青山小学/名册.xlsx",
        "read 青山小学/教师.xlsx",
        "write 青山小学/名册.xlsx",
    ]
    merge(tmp_path)
    expected = TWO_SCHOOLS_PAIRED
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}


def test_a_list_in_the_runs_root_folder_pairs_the_rosters_below_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """东山小学's rosters by grade (县/东山小学/一年级.xlsx, 二年级.xlsx) and its teachers list
    in the folder merged (县/教师.xlsx), read after them: the list is the one school's, so
    each roster waits for it and is written with its pairs, as lbc pair pairs the folder."""
    root = tmp_path / "县"
    (root / "东山小学").mkdir(parents=True)
    grades = {"一年级": [kid(1), kid(2, 帮扶教师=None)], "二年级": [kid(3, C51, 帮扶教师=None)]}
    for grade, kids in grades.items():
        rows = [["东山小学留守儿童花名册"], *table(kids)]
        write_xlsx(root / "东山小学" / f"{grade}.xlsx", {"花名册": rows})
    staff = [listing("王芳", C32, "张雨涵、李明轩"), listing("李强", C51, "王梓萱")]
    write_xlsx(root / "教师.xlsx", {"教师": table(staff)})
    monkeypatch.setattr(county_reports._Held, "MEMORY", 1)  # the rows held wait on disk
    files = sorted(root.rglob("*.xlsx"))
    assert read_and_written(files, monkeypatch) == [
        "read 东山小学/一年级.xlsx",
        "read 东山小学/二年级.xlsx",
        "read 县/教师.xlsx",
        "write 东山小学/一年级.xlsx",
        "write 东山小学/二年级.xlsx",
    ]
    merge(tmp_path)
    expected = [
        ("东山小学", "张雨涵", "王芳"),
        ("东山小学", "李明轩", "王芳"),
        ("东山小学", "王梓萱", "李强"),
    ]
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}
    folder, *merged = said(tmp_path, "pair", "--format", "json")
    assert merged == [folder, folder]


def test_a_list_saying_its_school_read_after_the_schools_roster_was_written(
    tmp_path: Path,
) -> None:
    """A teachers list in a folder of its own whose 学校 column names 青山小学, read after
    青山小学's roster was written: the merge is written again with the list's pairs, as lbc
    pair pairs the folder, rather than leaving those children's 帮扶教师 blank."""
    root = county(tmp_path, lists=False)
    (root / "驻村工作队").mkdir()
    staff = [
        listing("王芳", C32, "张雨涵、李明轩", 学校="青山小学"),
        listing("李强", C51, "王梓萱", 学校="青山小学"),
    ]
    write_xlsx(root / "驻村工作队" / "教师.xlsx", {"教师": table(staff)})
    merge(tmp_path)
    expected = [
        ("白鹤小学", "刘浩然", None),
        ("白鹤小学", "陈思彤", None),
        ("青山小学", "张雨涵", "李强"),
        ("青山小学", "李明轩", "王芳"),
        ("青山小学", "王梓萱", "李强"),
    ]
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}
    folder, *merged = said(tmp_path, "pair", "--format", "json")
    assert merged == [folder, folder]


def test_a_parquet_file_says_the_column_its_lists_pairs_fill(tmp_path: Path) -> None:
    """Neither school's roster has a 帮扶教师 column; 青山小学's list is a file beside its
    roster, 白鹤小学's a sheet of its roster's workbook. The merged Parquet file writes
    the lists' pairs into 帮扶教师 and says (in its metadata) that each school's sheet has
    that column, after its last, so lbc pair over it keeps every pair and says nothing
    more than over the folder and the merged workbook, where it said the roster had no
    帮扶教师 column and would not go by past pairs; lbc export of one school alike."""
    root = tmp_path / "县"
    (root / "青山小学").mkdir(parents=True)
    (root / "白鹤小学").mkdir(parents=True)
    qs = [listing("王芳", C32, "张雨涵、李明轩"), listing("李强", C51, "王梓萱")]
    bh = [listing("赵敏", C32, "刘浩然"), listing("孙丽", C51, "陈思彤")]
    write_xlsx(
        root / "青山小学" / "花名册.xlsx",
        {"花名册": [["青山小学留守儿童花名册"], *table([kid(1), kid(2), kid(3, C51)])]},
    )
    write_xlsx(root / "青山小学" / "教师.xlsx", {"教师": table(qs)})
    write_xlsx(
        root / "白鹤小学" / "花名册.xlsx",
        {"花名册": [["白鹤小学留守儿童花名册"], *table([kid(4), kid(5, C51)])], "教师": table(bh)},
    )
    for out in ("全县.xlsx", "全县.parquet"):
        assert run("merge", "县", "--out", out, cwd=tmp_path).exit_code == 0
    assert run("export", "县/白鹤小学", "--out", "白鹤.parquet", cwd=tmp_path).exit_code == 0
    said = []
    for given in (*SOURCES, "白鹤.parquet"):
        paired = run("pair", given, cwd=tmp_path)
        assert paired.exit_code == 0, (given, paired.stderr)
        said.append((paired.stderr, paired.stdout.splitlines()[-1]))
    last = "已结对 {0} 名（延续 {0} 名，新结对 0 名），未结对 0 名；{1} 名教师中 {1} 名有帮扶学生"
    assert said == [("", f"共 5 名儿童参与结对：{last.format(5, 4)}")] * 3 + [
        ("", f"共 2 名儿童参与结对：{last.format(2, 2)}")
    ]
    import json

    meta = pq.read_metadata(tmp_path / "全县.parquet").metadata
    sources = json.loads(meta[b"lbc"])["sources"]
    placed = {key: value["columns"].get("support_teacher") for key, value in sources.items()}
    assert placed["children\t县/青山小学/花名册.xlsx\t花名册"] == ["", "帮扶教师"]
    assert placed["children\t县/白鹤小学/花名册.xlsx\t花名册"] == ["", "帮扶教师"]


def test_a_pair_the_parquet_file_says_is_at_no_column_of_the_schools_sheet(
    tmp_path: Path,
) -> None:
    """青山小学's roster has no 帮扶教师 column, and in its column O a 爱好 lbc does not
    read; its pairs workbook names 王芳、李强 for 张雨涵. The merged Parquet file writes
    the pair into 帮扶教师 and its metadata placed that column at O, after the last column
    read: lbc validate over the file said TCH004 at 花名册.xlsx O3, 张雨涵's 爱好. The
    school's sheet has no such column: the finding is at her row, at no column."""
    ws = tmp_path / "县" / "青山小学"
    ws.mkdir(parents=True)
    kids = [kid(1, 爱好="画画"), kid(2, 爱好="唱歌")]
    staff = [teacher("王芳", C32), teacher("李强", C32)]
    roster = {"花名册": [["青山小学留守儿童花名册"], *table(kids)], "教师": table(staff)}
    write_xlsx(ws / "花名册.xlsx", roster)
    (ws / "lbc.toml").write_text(
        '[school]\nname = "青山小学"\n[files]\npairs = "结对名单.xlsx"\n', encoding="utf-8"
    )
    assert run("pair", ".", "--save", cwd=ws).exit_code == 0
    book = load_workbook(ws / "结对名单.xlsx")
    sheet = book.worksheets[0]
    assert (sheet["C3"].value, sheet["G2"].value) == ("张雨涵", "帮扶教师")
    sheet["G3"] = "王芳、李强"
    book.save(ws / "结对名单.xlsx")
    assert run("merge", "县", "--out", "全县.parquet", cwd=tmp_path).exit_code == 0
    doc = run("validate", "全县.parquet", "--format", "json", cwd=tmp_path).json()
    assert [(f["code"], f["file"], f["sheet"], f["row"], f["column"]) for f in doc["findings"]] == [
        ("TCH004", "县/青山小学/花名册.xlsx", "花名册", 3, None)
    ]
    # And lbc columns says the column at no letter, of no header cell, after the sheet's.
    (described,) = run("columns", "全县.parquet", "--format", "json", cwd=tmp_path).json()["files"]
    columns = described["sheets"][0]["columns"]
    assert [(c["column"], c["header_cells"], c["field"]) for c in columns[-2:]] == [
        ("N", ["N2"], "guardian_phone"),
        ("", [], "support_teacher"),
    ]


def test_a_list_name_that_pairs_nobody_is_said_over_the_merged_workbook(tmp_path: Path) -> None:
    """青山小学's list names 张雨涵 under 王芳, her own 帮扶教师 cell 李强, which stands. lbc
    pair, lbc due and lbc summary over the folder (and the merged Parquet file) said how
    many names of the list pair nobody, to be looked at with lbc validate; over the merged
    workbook, whose teachers sheet is read school by school, they said nothing. They say
    it of the merged sheet's column, where lbc validate points (TCH007)."""
    county(tmp_path)
    merge(tmp_path)
    note = (
        "提示：{where}中 {column} 列有 1 个帮扶学生没有结对"
        "（不在花名册、有重名，或与别处写的帮扶教师不同）；运行 lbc validate 查看\n"
    )
    own = note.format(where="县/青山小学/教师.xlsx 的“教师”", column="帮扶学生姓名(I)")
    merged = note.format(where="全县.xlsx 的“教师名单”", column="帮扶学生(O)")
    commands = [("pair",), ("due", "--as-of", "2024-10-15"), ("summary", "--term", "2024-autumn")]
    for command in commands:
        notes = [run(*command, source, cwd=tmp_path).stderr for source in SOURCES]
        assert [own in notes[0], merged in notes[1], own in notes[2]] == [True] * 3, command
    found = run("validate", "全县.xlsx", "--select", "TCH", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["sheet"], f["column"]) for f in found.json()["findings"]] == [
        ("TCH007", "教师名单", "O")
    ]


def relisted_where(*args: Any) -> Any:
    """county_reports.relisted, its process's id written down first (RELISTED_IN)."""
    with open(os.environ["RELISTED_IN"], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return RELISTED(*args)


RELISTED = county_reports.relisted


def test_a_roster_is_read_again_with_its_list_in_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each school's roster read again with its list beside it was read in the merging
    process while the workers read on: the merge's peak memory grew by the schools read
    meanwhile (286 MB against 167 MB on 100 schools). It is read in a worker, as it was
    read the first time, and the merged roster is the same."""
    county(tmp_path)
    log = tmp_path / "relisted.txt"
    monkeypatch.setenv("RELISTED_IN", str(log))
    monkeypatch.setattr(county_reports.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(county_reports, "relisted", relisted_where)
    merge(tmp_path)
    where = log.read_text(encoding="utf-8").split()
    assert len(where) == 4  # each school's roster, for the workbook and the Parquet file
    assert str(os.getpid()) not in where
    expected = TWO_SCHOOLS_PAIRED
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}


def test_many_schools_read_again_each_keep_their_place(tmp_path: Path) -> None:
    """Eight schools, each a roster and its list beside it: once the first roster is to
    be read again, the reads not yet begun are queued again behind it, a few at a time;
    every school's children are still written in the run's order, each with her teacher."""
    root = tmp_path / "县"
    towns = ["青山", "白鹤", "大河", "石龙", "观音", "新桥", "青龙", "梨树"]
    staff = ["王芳", "李强", "赵敏", "刘洋", "陈静", "杨帆", "黄磊", "周平"]
    expected = []
    for k, (town, name) in enumerate(zip(towns, staff, strict=True)):
        school = f"{town}小学"
        (root / school).mkdir(parents=True)
        kids = [kid(20 + 2 * k, 帮扶教师=None), kid(21 + 2 * k, 帮扶教师="李老师")]
        rows = [[f"{school}留守儿童花名册"], *table(kids)]
        write_xlsx(root / school / "花名册.xlsx", {"花名册": rows})
        listed = listing(name, C32, kids[0]["姓名"])
        write_xlsx(root / school / "教师.xlsx", {"教师": table([listed])})
        expected.append((school, kids[0]["姓名"], name))
        expected.append((school, kids[1]["姓名"], "李老师"))
    for out in SOURCES[1:]:
        result = run("merge", "县", "--out", out, cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
    expected.sort(key=lambda row: sorted(p.name for p in root.iterdir()).index(row[0]))
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}


@pytest.mark.parametrize("folder", ["", "教师名单"])
def test_a_list_of_no_school_known_says_its_pairs_were_not_written(
    tmp_path: Path, folder: str
) -> None:
    """A teachers list without a 学校 column in the county's folder (县/教师.xlsx) or in a
    folder naming no school (县/教师名单/教师.xlsx), over two schools' rosters: no command
    knows whose list it is, so no child is paired by it. lbc merge said its rows went in
    with 学校 empty, and not that the 帮扶教师 its 帮扶学生姓名 column gives went nowhere:
    those children's cells were blank in the merged roster without a word. It says so,
    naming the file, the column and how many children it lists (exit 1, as for any file of
    no school)."""
    root = county(tmp_path, lists=False)
    staff = [listing("王芳", C32, "李明轩"), listing("李强", C51, "王梓萱、刘浩然")]
    (root / folder).mkdir(exist_ok=True)
    write_xlsx(root / folder / "教师.xlsx", {"教师": table(staff)})
    file = "/".join(p for p in ("县", folder, "教师.xlsx") if p)
    for lang, said in (
        (
            "zh",
            f"提示：{file} 的“教师”中 帮扶学生姓名(I) 列写的 3 名帮扶学生没有写入合并名册的"
            "“帮扶教师”一栏：不知道这份教师名单属于哪所学校，合并名册不按它结对"
            "（lbc pair 读这些文件时也不按它结对）。"
            "请在表中加“学校”列，或把它放进所属学校的文件夹，再重新合并\n",
        ),
        (
            "en",
            f"note: {file} sheet '教师': the 3 children listed in 帮扶学生姓名(I) were not "
            "written into the merged roster's 帮扶教师 column, since which school this teachers "
            "list belongs to is not known: the merged roster pairs none of them by it (nor does "
            "lbc pair over these files). Add a 学校 column to it, or move it into its school's "
            "folder, and merge again\n",
        ),
    ):
        for out in SOURCES[1:]:
            result = run("--lang", lang, "merge", "县", "--out", out, cwd=tmp_path)
            assert result.exit_code == 1, result.stderr
            assert said in result.stderr
    expected = [
        ("白鹤小学", "刘浩然", None),
        ("白鹤小学", "陈思彤", None),
        ("青山小学", "张雨涵", "李强"),
        ("青山小学", "李明轩", None),
        ("青山小学", "王梓萱", None),
    ]
    assert merged_cells(tmp_path) == {"xlsx": expected, "parquet": expected}
