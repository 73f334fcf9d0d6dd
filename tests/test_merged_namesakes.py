"""Two counties' merged rosters, each with a school of one name (城关镇中心小学), read
together by a city's office: two schools, as the run over the counties' folders counts
them, told apart by the folders of the schools' own files the merged rows came from
(来源文件); one school's rows merged twice stay one school, its children said twice.

Through the real CLI on real workbooks, each county merged from the office's folder."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_books

GC = "城关镇中心小学"
NB, YS = "南部县", "营山县"
SAID = (
    f"提示：{NB}/{GC}/花名册.xlsx 和 {YS}/{GC}/花名册.xlsx 的标题都是“{GC}”，"
    f"而不在同一个文件夹里，按两所学校算：后者记作“{GC}({YS})”；如果是同一所学校，"
    "请把它的文件放进同一个文件夹，或（两个文件夹里都只有这所学校的文件时）"
    "在各自文件夹的 lbc.toml 中写明 [school] name"
)
# Each school's line of lbc validate, in the order the run reads them.
CHECKED = [
    "南部小学：3 名儿童，0 个错误，0 个警告",
    f"{GC}：3 名儿童，0 个错误，0 个警告",
    f"{GC}({YS})：3 名儿童，0 个错误，0 个警告",
    "营山小学：3 名儿童，0 个错误，0 个警告",
]


def roster(school: str, first: int, teacher: str) -> dict[str, list[list[Any]]]:
    """A school's 花名册.xlsx: its 留守儿童 sheet titled with the school, of children
    ``first`` to ``first`` + 2, and its one teacher."""
    rows = [child_row(first + i) for i in range(3)]
    return {
        "留守儿童": [[f"{school}留守儿童花名册"], CHILD_HEADER, *rows],
        "教师": [["姓名", "手机号码"], [teacher, "13800138000"]],
    }


def counties(tmp_path: Path) -> Path:
    """南部县 and 营山县, each a 城关镇中心小学 and a school of its own, each school's roster
    titled with it, its teachers' names saying their county; each county merged."""
    for county, base in ((NB, 1), (YS, 20)):
        schools = ((GC, 0), (f"{county[:2]}小学", 5))
        write_books(
            tmp_path / county,
            {
                f"{school}/花名册.xlsx": roster(school, base + off, f"{county}{school}老师")
                for school, off in schools
            },
        )
        merged = run("merge", county, "--out", f"{county}.xlsx", cwd=tmp_path)
        assert merged.exit_code == 0, merged.stderr
    city = tmp_path / "市"
    city.mkdir()
    for county in (NB, YS):
        (city / f"{county}.xlsx").write_bytes((tmp_path / f"{county}.xlsx").read_bytes())
    return city


def school_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if "名儿童，" in line]


# Each school's children paired with their own county's school's teachers, never across.
PAIRED = [
    ("南部小学", f"{NB}南部小学老师"),
    (GC, f"{NB}{GC}老师"),
    (f"{GC}({YS})", f"{YS}{GC}老师"),
    ("营山小学", f"{YS}营山小学老师"),
]


def paired_by_school(paired: Any) -> list[tuple[str, str]]:
    """The (school, teacher) pairs lbc pair's JSON names, each once."""
    pairs = [(p["class"].split()[0], p["teacher"]) for p in paired.json()["pairs"]]
    return sorted(set(pairs))


def test_every_command_reading_two_merged_rosters_tells_their_namesakes_apart(
    tmp_path: Path,
) -> None:
    """validate, summary, pair, watch and export over the city's folder: four schools,
    营山县's 城关镇中心小学 going by 城关镇中心小学(营山县), its children paired with its own
    teachers, the note naming both schools' files, as over the counties' folders."""
    counties(tmp_path)
    folders = run("validate", NB, YS, cwd=tmp_path)
    assert folders.stderr.splitlines() == [SAID]
    assert school_lines(folders.stdout) == CHECKED
    checked = run("validate", "市", cwd=tmp_path)
    assert checked.stderr.splitlines() == [SAID]
    assert school_lines(checked.stdout) == CHECKED
    summary = run("summary", "市", "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
    assert SAID in summary.stderr.splitlines()
    assert [(s["name"], s["children"]) for s in summary.json()["schools"]] == [
        ("南部小学", 3),
        (GC, 3),
        (f"{GC}({YS})", 3),
        ("营山小学", 3),
    ]
    paired = run("pair", "市", "--format", "json", cwd=tmp_path)
    assert SAID in paired.stderr.splitlines()
    assert paired_by_school(paired) == PAIRED
    watched = run("watch", "市", "--format", "json", cwd=tmp_path)
    assert watched.stderr.splitlines() == [SAID]
    exported = run("export", "市", "--out", "市.csv", cwd=tmp_path)
    assert exported.stderr.splitlines()[0] == SAID
    with (tmp_path / "市.csv").open(encoding="utf-8-sig") as f:
        rows = [(r["table"], r["school"], r["name"]) for r in csv.DictReader(f)]
    assert [(school, name) for table, school, name in rows if table == "teachers"] == [
        ("南部小学", f"{NB}南部小学老师"),
        (GC, f"{NB}{GC}老师"),
        (f"{GC}({YS})", f"{YS}{GC}老师"),
        ("营山小学", f"{YS}营山小学老师"),
    ]


def test_one_schools_rows_in_two_merged_rosters_stay_one_school(tmp_path: Path) -> None:
    """A county's merged roster sent twice, and one school's two files (its roster and
    its late additions, in its one folder) merged apart: one school each, nothing said
    of namesakes, the children on the books twice said as such (DUP001)."""
    counties(tmp_path)
    twice = tmp_path / "两份"
    twice.mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        (twice / name).write_bytes((tmp_path / f"{NB}.xlsx").read_bytes())
    checked = run("validate", "两份", cwd=tmp_path)
    assert checked.stderr == ""
    assert school_lines(checked.stdout) == [  # each child once, though twice on the books
        "南部小学：3 名儿童，3 个错误，0 个警告",
        f"{GC}：3 名儿童，3 个错误，0 个警告",
    ]
    assert checked.stdout.count("DUP001") == 6
    late_rows = [[f"{GC}留守儿童花名册"], CHILD_HEADER, child_row(1)]
    school = write_books(tmp_path / NB / GC, {"补报.xlsx": {"留守儿童": late_rows}})
    late = run("merge", school / "补报.xlsx", "--out", "补报合并.xlsx", cwd=tmp_path)
    assert late.exit_code == 0, late.stderr
    both = run("validate", f"{NB}.xlsx", "补报合并.xlsx", cwd=tmp_path)
    assert both.stderr == ""
    assert school_lines(both.stdout) == [
        "南部小学：3 名儿童，0 个错误，0 个警告",
        f"{GC}：3 名儿童，1 个错误，0 个警告",  # 补报's child is one of its three
    ]
    assert both.stdout.count("DUP001") == 1


def test_merging_two_merged_rosters_keeps_their_namesakes_apart(tmp_path: Path) -> None:
    """lbc merge over the city's folder counts four schools and says why, and its merged
    roster, to a workbook or to Parquet, reads back as the four: 营山县's 城关镇中心小学's
    children are paired with its own teacher, never with 南部县's."""
    counties(tmp_path)
    merged = run("merge", "市", "--out", "市.xlsx", "--format", "json", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    assert merged.stderr.splitlines() == ["已写出合并名册：市.xlsx（2 个文件）", SAID]
    assert [(s["school"], s["children"], s["teachers"]) for s in merged.json()["schools"]] == [
        ("南部小学", 3, 1),
        (GC, 3, 1),
        (f"{GC}({YS})", 3, 1),
        ("营山小学", 3, 1),
    ]
    assert school_lines(run("validate", "市.xlsx", cwd=tmp_path).stdout) == CHECKED
    paired = run("pair", "市.xlsx", "--format", "json", cwd=tmp_path)
    assert paired_by_school(paired) == PAIRED
    parquet = run("merge", "市", "--out", "市.parquet", cwd=tmp_path)
    assert parquet.stderr.splitlines() == ["已写出合并名册：市.parquet（2 个文件）", SAID]
    assert school_lines(run("validate", "市.parquet", cwd=tmp_path).stdout) == CHECKED


def named_with_the_county(tmp_path: Path, city: Path) -> None:
    """营山县's merged roster in ``city`` names its schools' files with the county, and the
    city's two merged rosters read together keep the namesakes apart."""
    sheet = load_workbook(city / f"{YS}.xlsx")["留守儿童花名册"]
    assert sorted({row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}) == [
        f"{YS}/{GC}/花名册.xlsx",
        f"{YS}/营山小学/花名册.xlsx",
    ]
    checked = run("validate", "市", cwd=tmp_path)
    assert checked.stderr.splitlines() == [SAID]
    assert school_lines(checked.stdout) == CHECKED


def test_two_counties_merged_from_inside_their_own_folders_keep_their_namesakes_apart(
    tmp_path: Path,
) -> None:
    """Each county merged from inside its own folder (lbc merge .) wrote its schools' files
    as 城关镇中心小学/花名册.xlsx, the county unnamed: the city's two merged rosters read
    together were one 城关镇中心小学 of both counties' children. The rows now name the
    folder given as . by its own name (营山县/城关镇中心小学/花名册.xlsx), as lbc merge
    营山县 names it from the folder above: four schools, as over the counties' folders."""
    city = counties(tmp_path)
    for county in (NB, YS):
        merged = run("merge", ".", "--out", city / f"{county}.xlsx", cwd=tmp_path / county)
        assert merged.exit_code == 0, merged.stderr
    named_with_the_county(tmp_path, city)
    again = run("merge", "市", "--out", "市.xlsx", "--format", "json", cwd=tmp_path)
    assert [(s["school"], s["children"], s["teachers"]) for s in again.json()["schools"]] == [
        ("南部小学", 3, 1),
        (GC, 3, 1),
        (f"{GC}({YS})", 3, 1),
        ("营山小学", 3, 1),
    ]


def test_a_merged_roster_written_on_windows_keeps_its_namesakes_apart(tmp_path: Path) -> None:
    """营山县's roster merged on Windows gives its schools' files with backslashes
    (营山县\\城关镇中心小学\\花名册.xlsx): read here, each was a file of no folder, and the
    two counties' 城关镇中心小学 one school. Each is read in its folders, whichever way
    they are parted: four schools, as over the counties' folders."""
    city = counties(tmp_path)
    book = load_workbook(city / f"{YS}.xlsx")
    for sheet in book.worksheets:
        at = [cell.value for cell in sheet[1]].index("来源文件") + 1
        for (cell,) in sheet.iter_rows(min_row=2, min_col=at, max_col=at):
            cell.value = cell.value.replace("/", "\\")
    book.save(city / f"{YS}.xlsx")
    checked = run("validate", "市", cwd=tmp_path)
    assert school_lines(checked.stdout) == CHECKED
    assert checked.stderr.splitlines() == [SAID.replace(f"{YS}/{GC}/", f"{YS}\\{GC}\\")]
    merged = run("merge", "市", "--out", "市.xlsx", "--format", "json", cwd=tmp_path)
    assert [(s["school"], s["children"]) for s in merged.json()["schools"]] == [
        ("南部小学", 3),
        (GC, 3),
        (f"{GC}({YS})", 3),
        ("营山小学", 3),
    ]


def merged_counties(tmp_path: Path, schools: dict[str, list[str]]) -> Path:
    """Each county's schools (``schools``), each roster titled with its school and its one
    teacher 王芳, each county merged into the city's folder 市/ from the folder above."""
    city = tmp_path / "市"
    city.mkdir(exist_ok=True)
    for base, (county, names) in enumerate(schools.items()):
        write_books(
            tmp_path / county,
            {
                f"{school}/花名册.xlsx": roster(school, 1 + 20 * base + 5 * off, "王芳")
                for off, school in enumerate(names)
            },
        )
        merged = run("merge", county, "--out", city / f"{county}.xlsx", cwd=tmp_path)
        assert merged.exit_code == 0, merged.stderr
    return city


def merged_schools(tmp_path: Path, *files: str) -> list[tuple[str, list[str], int, int, int]]:
    merged = run("merge", *files, "--out", "合并.xlsx", "--format", "json", cwd=tmp_path)
    return [
        (s["school"], s["files"], s["children"], s["records"], s["errors"])
        for s in merged.json()["schools"]
    ]


def test_merge_checks_a_schools_files_together_by_their_namesake_names(tmp_path: Path) -> None:
    """Merge reads a school's files again together: for rows copied across them, for the
    records of a file of records alone, and for the pairs of a teachers list of its own.
    营山县's merged roster was read again with its 城关镇中心小学 under that name, not
    城关镇中心小学(营山县): the copy of its child in the school's late additions (补报.xlsx,
    no ID number) was counted under 南部县's 城关镇中心小学, the school's records named no
    child of its roster (REC002), and its children were written as 南部县's school's.
    Each is now read again as at first, as lbc validate reads it."""
    merged_counties(tmp_path, {NB: [GC], YS: [GC]})
    copied = [[f"{GC}留守儿童花名册"], CHILD_HEADER, child_row(21, 身份证号=None)]
    write_books(tmp_path / YS / GC, {"补报.xlsx": {"留守儿童": copied}})
    late = f"{YS}/{GC}/补报.xlsx"
    assert merged_schools(tmp_path, "市", late) == [
        (GC, [f"市/{NB}.xlsx"], 3, 0, 0),
        (f"{GC}({YS})", [f"市/{YS}.xlsx", late], 4, 0, 2),  # REQ001, DUP002
    ]
    for county in (NB, YS):
        shutil.rmtree(tmp_path / county)
    merged_counties(tmp_path, {NB: [GC, "南部小学"], YS: [GC, "营山小学"]})
    record = [dt.date(2024, 10, 8), "王芳", child_row(21)[1], "三年级(2)班", "谈心", "谈学习"]
    notes = write_books(
        tmp_path / "市" / "记录", {"帮扶记录.xlsx": {"帮扶记录": [RECORD_HEADER, record]}}
    )
    (notes / "lbc.toml").write_text(f'[school]\nname = "{GC}({YS})"\n', encoding="utf-8")
    assert school_lines(run("validate", "市", cwd=tmp_path).stdout)[2] == (
        f"{GC}({YS})：3 名儿童，0 个错误，0 个警告"
    )
    assert merged_schools(tmp_path, "市")[2] == (
        f"{GC}({YS})",
        [f"市/{YS}.xlsx", "市/记录/帮扶记录.xlsx"],
        3,
        1,
        0,
    )
    # Its teachers list of its own, naming the child each teacher supports: the county's
    # roster is written again with the list's pairs, its schools under their names.
    listed = [["姓名", "手机号码", "帮扶学生姓名"], ["王芳", "13800138000", child_row(21)[1]]]
    write_books(notes, {"教师.xlsx": {"教师": listed}})
    merged_schools(tmp_path, "市")
    sheet = load_workbook(tmp_path / "合并.xlsx")["留守儿童花名册"]
    rows = [(row[0], row[4]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rows[6:9] == [(f"{GC}({YS})", child_row(21 + i)[1]) for i in range(3)]


def test_a_namesake_schools_own_settings_go_by_its_name_merged_again(tmp_path: Path) -> None:
    """营山县's 城关镇中心小学 sets its own term dates, quotas and [watch] in its lbc.toml;
    营山县's merged roster carries them in its 各校学期, 各校要求 and 各校关注 sheets under
    城关镇中心小学. The city's roster merged again named the school 城关镇中心小学(营山县)
    in its rows but 城关镇中心小学 in those sheets, so that read back 南部县's school was
    dated, judged and watched by 营山县's school's settings. Every sheet now names it as
    its rows do, and merge says so."""
    own = (
        f'[school]\nname = "{GC}"\n[files]\nroster = ["花名册.xlsx"]\n'
        '[terms."2024-autumn"]\nstart = 2024-08-26\nend = 2025-01-20\n'
        "[quotas]\nmax_days_without_contact = 14\n[watch]\nthreshold = 6\n"
    )
    (tmp_path / YS / GC).mkdir(parents=True)
    (tmp_path / YS / GC / "lbc.toml").write_text(own, encoding="utf-8")
    counties(tmp_path)
    merged = run("merge", "市", "--out", "市.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    book = load_workbook(tmp_path / "市.xlsx")
    for sheet in ("各校学期", "各校要求", "各校关注"):
        rows = list(book[sheet].iter_rows(min_row=2, values_only=True))
        assert {row[0] for row in rows} == {f"{GC}({YS})"}, sheet
    said = [line for line in merged.stderr.splitlines() if "lbc.toml 里设了" in line]
    assert len(said) == 3
    assert all(line.startswith(f"提示：{GC}({YS}) 在自己的 lbc.toml 里设了") for line in said)
    due = run("due", "市.xlsx", "--as-of", "2024-10-15", cwd=tmp_path).stdout.splitlines()
    assert f"超过 30 天（{GC}({YS}) 14 天）无任何联系" in due[-1]


def test_two_counties_merged_to_parquet_keep_their_namesakes_apart(tmp_path: Path) -> None:
    """Each county merged to Parquet (南部县.parquet, 营山县.parquet), read together: its
    tables are each under the school's own file, with no 学校 column of the school's own
    sheet, and were placed by none, so the two 城关镇中心小学 were one school of both
    counties' children and teachers. They are placed by their own files' folders, as a
    merged workbook's are: four schools, 营山县's children paired with its own teacher."""
    counties(tmp_path)
    (tmp_path / "省").mkdir()
    for county in (NB, YS):
        merged = run("merge", county, "--out", f"省/{county}.parquet", cwd=tmp_path)
        assert merged.exit_code == 0, merged.stderr
    checked = run("validate", "省", cwd=tmp_path)
    assert checked.stderr.splitlines() == [SAID]
    assert school_lines(checked.stdout) == CHECKED
    paired = run("pair", "省", "--format", "json", cwd=tmp_path)
    assert paired_by_school(paired) == PAIRED
    again = run("merge", "省", "--out", "省.xlsx", cwd=tmp_path)
    assert again.exit_code == 0, again.stderr
    assert school_lines(run("validate", "省.xlsx", cwd=tmp_path).stdout) == CHECKED


def test_two_counties_exported_from_inside_their_own_folders_keep_their_namesakes_apart(
    tmp_path: Path,
) -> None:
    """Each county exported from inside its own folder (lbc export .), to a workbook, to
    Parquet or to CSV, named its schools' files without the county, as lbc merge . did:
    read together, the two counties' 城关镇中心小学 were one school. Each export names the
    folder given as . by its own name, as lbc merge does: four schools."""
    counties(tmp_path)
    for suffix in ("xlsx", "parquet", "csv"):
        (tmp_path / suffix).mkdir()
        for county in (NB, YS):
            out = tmp_path / suffix / f"{county}.{suffix}"
            made = run("export", ".", "--out", out, cwd=tmp_path / county)
            assert made.exit_code == 0, made.stderr
        checked = run("validate", suffix, cwd=tmp_path)
        assert school_lines(checked.stdout) == CHECKED, suffix
    with (tmp_path / "csv" / f"{YS}.csv").open(encoding="utf-8-sig") as f:
        files = {row["source_file"] for row in csv.DictReader(f)}
    assert files == {f"{YS}/{GC}/花名册.xlsx", f"{YS}/营山小学/花名册.xlsx"}


def test_a_namesakes_records_given_beside_the_merged_rosters_are_its_own(tmp_path: Path) -> None:
    """营山县's 城关镇中心小学's records file, given by its path beside the city's folder of
    the counties' merged rosters: its folder is the one 营山县's 城关镇中心小学's rows came
    from, so it is that school's, 城关镇中心小学(营山县). Merge placed it by its folder's
    name, 城关镇中心小学, under 南部县's school, whose roster none of its children are on
    (REC002), and validate counted its findings there too."""
    merged_counties(tmp_path, {NB: [GC, "南部小学"], YS: [GC, "营山小学"]})
    records = [
        [dt.date(2024, 10, 8), "王芳", child_row(21)[1], "三年级(2)班", "谈心", "谈学习"],
        [dt.date(2024, 10, 9), "李四", child_row(22)[1], "三年级(2)班", "谈心", "谈学习"],
    ]
    write_books(tmp_path / YS / GC, {"帮扶记录.xlsx": {"帮扶记录": [RECORD_HEADER, *records]}})
    given = f"{YS}/{GC}/帮扶记录.xlsx"
    assert merged_schools(tmp_path, "市", given) == [
        ("南部小学", [f"市/{NB}.xlsx"], 3, 0, 0),
        (GC, [f"市/{NB}.xlsx"], 3, 0, 0),
        (f"{GC}({YS})", [f"市/{YS}.xlsx", given], 3, 2, 1),  # REC001: 李四
        ("营山小学", [f"市/{YS}.xlsx"], 3, 0, 0),
    ]
    assert school_lines(run("validate", "市", given, cwd=tmp_path).stdout) == [
        "南部小学：3 名儿童，0 个错误，0 个警告",
        f"{GC}：3 名儿童，0 个错误，0 个警告",
        f"{GC}({YS})：3 名儿童，1 个错误，0 个警告",
        "营山小学：3 名儿童，0 个错误，0 个警告",
    ]


def test_two_counties_merged_file_by_file_from_inside_their_own_folders_stay_apart(
    tmp_path: Path,
) -> None:
    """Each county's schools' rosters given one by one from inside the county's folder
    (lbc merge 城关镇中心小学/花名册.xlsx 营山小学/花名册.xlsx) were written without the
    county (城关镇中心小学/花名册.xlsx), while lbc merge . names it: read together, the two
    counties' 城关镇中心小学 were one school. A file given by its path inside the run's
    folder is written by that folder's name too, as lbc merge . writes it, and lbc export
    writes it so: four schools."""
    city = counties(tmp_path)
    for county in (NB, YS):
        files = sorted([f"{GC}/花名册.xlsx", f"{county[:2]}小学/花名册.xlsx"])
        merged = run("merge", *files, "--out", city / f"{county}.xlsx", cwd=tmp_path / county)
        assert merged.exit_code == 0, merged.stderr
        exported = run("export", *files, "--out", tmp_path / f"{county}.csv", cwd=tmp_path / county)
        assert exported.exit_code == 0, exported.stderr
    named_with_the_county(tmp_path, city)
    exports = run("validate", f"{NB}.csv", f"{YS}.csv", cwd=tmp_path)
    assert school_lines(exports.stdout) == CHECKED


def test_a_schools_files_in_its_own_subfolders_are_not_said_to_be_apart(tmp_path: Path) -> None:
    """县/白鹤小学/秋季学期/花名册.xlsx beside 县/白鹤小学/教师.xlsx, both titled 白鹤小学, and
    县/青山小学/留守儿童/花名册.xlsx beside 县/青山小学/新增.xlsx, both with 学校 columns
    naming 青山小学, were said to be "不在同一个文件夹里" by validate over 县 and over its merged
    roster: their folders were compared as they are, not as each school's folder
    (school_folder: past a term's or a list's folder), which every count goes by."""

    def roster(school: str, ns: range, cells: bool = False) -> list[list[object]]:
        header = [*CHILD_HEADER, "学校"] if cells else CHILD_HEADER
        rows = [[*child_row(n), school] if cells else child_row(n) for n in ns]
        return [[f"{school}留守儿童花名册"], header, *rows]

    teachers = [["姓名", "手机号码"], ["王芳", "13800138000"]]
    write_books(
        tmp_path / "县",
        {
            "白鹤小学/秋季学期/花名册.xlsx": {"留守儿童": roster("白鹤小学", range(1, 3))},
            "白鹤小学/教师.xlsx": {"留守儿童": roster("白鹤小学", range(3, 4)), "教师": teachers},
            "青山小学/留守儿童/花名册.xlsx": {"留守儿童": roster("青山小学", range(4, 6), True)},
            "青山小学/新增.xlsx": {"留守儿童": roster("青山小学", range(6, 7), True)},
        },
    )
    lines = ["白鹤小学：3 名儿童，0 个错误，0 个警告", "青山小学：3 名儿童，0 个错误，0 个警告"]
    checked = run("validate", "县", cwd=tmp_path)
    assert (school_lines(checked.stdout), checked.stderr) == (lines, "")
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert merged.exit_code == 0, merged.stderr
    assert "提示" not in merged.stderr
    checked = run("validate", "全县.xlsx", cwd=tmp_path)
    assert (school_lines(checked.stdout), checked.stderr) == (lines, "")


def test_two_counties_merged_folder_by_folder_from_inside_their_own_folders_stay_apart(
    tmp_path: Path,
) -> None:
    """Each county's schools' folders given by name from inside the county's folder (lbc
    merge 城关镇中心小学 营山小学) were written without the county (城关镇中心小学/花名册.xlsx),
    while lbc merge . and the files given by path name it: read together, the two
    counties' 城关镇中心小学 were one school. A folder given by name inside a county's
    folder is written by the county's name, as lbc merge . writes it, and lbc export
    writes it so: four schools. Its table names the files by their paths as read,
    however they are given, as validate's findings do."""
    city = counties(tmp_path)
    for county in (NB, YS):
        inside = tmp_path / county
        folders = sorted([GC, f"{county[:2]}小学"])
        merged = run("merge", *folders, "--out", city / f"{county}.xlsx", cwd=inside)
        assert merged.exit_code == 0, merged.stderr
        exported = run("export", *folders, "--out", tmp_path / f"{county}.csv", cwd=inside)
        assert exported.exit_code == 0, exported.stderr
    named_with_the_county(tmp_path, city)
    exports = run("validate", f"{NB}.csv", f"{YS}.csv", cwd=tmp_path)
    assert school_lines(exports.stdout) == CHECKED
    tables = [
        run("merge", *given, "--out", tmp_path / "又.xlsx", "--format", "json", cwd=tmp_path / YS)
        for given in ([GC, "营山小学"], ["."], [f"{GC}/花名册.xlsx", "营山小学/花名册.xlsx"])
    ]
    files = [sorted(f for s in table.json()["schools"] for f in s["files"]) for table in tables]
    assert files == [[f"{GC}/花名册.xlsx", "营山小学/花名册.xlsx"]] * 3
