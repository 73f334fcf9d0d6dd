"""lbc merge of a school whose teachers list or records are files of their own.

青山小学's folder holds its roster, titled with its name, and an untitled 教师名单.xlsx and
帮扶记录.xlsx; 白鹤小学's one workbook says its school in a 学校 column. Merged, the teachers
and records are 青山小学's, as every command reading the folder takes them, so the merged
roster pairs, checks and counts as the folder does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    RECORD_HEADER,
    TEACHER_HEADER,
    child_row,
    one_error_line,
    run,
    write_xlsx,
)

QS, BH = "青山小学", "白鹤小学"


def teacher(name: str, gender: str, classes: str) -> list[Any]:
    return [name, gender, "13800000001", "班主任", classes, "语文", "否", "是"]


def county(tmp_path: Path) -> Path:
    root = tmp_path / "各校"
    (root / QS).mkdir(parents=True)
    (root / BH).mkdir()
    header = [*CHILD_HEADER, "帮扶教师"]
    write_xlsx(
        root / QS / "花名册.xlsx",
        {
            "花名册": [
                [f"{QS}留守儿童花名册"],
                header,
                [*child_row(1), "王芳"],
                [*child_row(2, cls="四年级(1)班"), None],
            ]
        },
    )
    write_xlsx(
        root / QS / "教师名单.xlsx",
        {
            "教师名单": [
                TEACHER_HEADER,
                teacher("王芳", "女", "三年级(2)班"),
                teacher("李强", "男", "四年级(1)班"),
            ]
        },
    )
    write_xlsx(
        root / QS / "帮扶记录.xlsx",
        {
            "记录": [
                RECORD_HEADER,
                [dt.date(2024, 10, 8), "王芳", "张雨涵", "三年级(2)班", "谈心", "聊学习"],
            ]
        },
    )
    write_xlsx(
        root / BH / "花名册.xlsx",
        {
            "花名册": [["学校", *CHILD_HEADER], [BH, *child_row(3)], [BH, *child_row(4)]],
            "教师名单": [["学校", *TEACHER_HEADER], [BH, *teacher("赵敏", "女", "三年级(2)班")]],
        },
    )
    return root


def pairs(path: Path) -> tuple[list[tuple[Any, ...]], dict[str, Any], int]:
    """lbc pair's pairs, less where each child's row is (file, sheet, row), its summary
    and exit code."""
    result = run("pair", path, "--format", "json")
    doc = result.json()
    drop = ("file", "sheet", "row")
    rows = [tuple(v for k, v in p.items() if k not in drop) for p in doc["pairs"]]
    return sorted(rows), doc["summary"], result.exit_code


def due(path: Path) -> list[tuple[str, str, list[str]]]:
    doc = run("due", "--as-of", "2024-10-15", path, "--format", "json").json()
    return sorted(
        (x["teacher"], x["school"], [c["child"] for c in x["children"]]) for x in doc["teachers"]
    )


def lead_rows(out: Path, kind: str) -> list[tuple[Any, ...]]:
    """(学校, 来源文件, 来源工作表, 来源行, 姓名 or 帮扶教师) of one table of a merged file."""
    if out.suffix == ".parquet":
        frame = pq.read_table(out).to_pandas()
        frame = frame[frame["table"] == kind]
        name = "name" if kind == "teachers" else "teacher"
        columns = ["school", "source_file", "source_sheet", "source_row", name]
        return [tuple(r) for r in frame[columns].values.tolist()]
    sheet = load_workbook(out)["教师名单" if kind == "teachers" else "帮扶记录"]
    header, *rows = sheet.iter_rows(values_only=True)
    name = header.index("姓名" if kind == "teachers" else "帮扶教师")
    return [(*r[:4], r[name]) for r in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_schools_teachers_file_is_merged_under_its_school(tmp_path: Path, suffix: str) -> None:
    root = county(tmp_path)
    out = tmp_path / f"全县{suffix}"
    result = run("merge", root, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"已写出合并名册：{out}（4 个文件）\n"
    doc = result.json()
    assert doc["summary"] == {
        "files": 4,
        "schools": 2,
        "children": 4,
        "teachers": 3,
        "records": 1,
        "errors": 0,
        "warnings": 0,
        "rows": 4,
        "on_books": 4,
        "duplicates": 0,
        "failed": 0,
        "unplaced": 0,
    }
    qs = root / QS
    # 青山小学's teachers list and records sit with its roster, in one row.
    assert [(s["school"], s["files"], s["teachers"], s["records"]) for s in doc["schools"]] == [
        (BH, [str(root / BH / "花名册.xlsx")], 1, 0),
        (QS, [str(qs / name) for name in ("花名册.xlsx", "帮扶记录.xlsx", "教师名单.xlsx")], 2, 1),
    ]
    assert lead_rows(out, "teachers") == [
        (BH, str(root / BH / "花名册.xlsx"), "教师名单", 2, "赵敏"),
        (QS, str(qs / "教师名单.xlsx"), "教师名单", 2, "王芳"),
        (QS, str(qs / "教师名单.xlsx"), "教师名单", 3, "李强"),
    ]
    assert lead_rows(out, "records") == [(QS, str(qs / "帮扶记录.xlsx"), "记录", 2, "王芳")]
    # Pairs, checks, due lists and the summary see 青山小学's teachers as on its folder.
    assert pairs(out) == pairs(root)
    assert [p[2] for p in pairs(out)[0]] == ["赵敏", "王芳", "李强", "赵敏"]
    assert pairs(out)[2] == 0
    for path in (out, root):
        checked = run("validate", path, "--format", "json").json()["summary"]
        assert (checked["teachers"], checked["records"], checked["errors"]) == (3, 1, 0)
    assert due(out) == due(root) == [("王芳", QS, ["张雨涵"])]
    summary = run("summary", out, "--term", "2024-autumn", "--format", "json").json()
    assert (summary["pairing"]["teachers"], summary["records"]["total"]) == (3, 1)


def test_a_teachers_file_that_no_school_is_known_for_is_said(tmp_path: Path) -> None:
    """A township's folder holding two schools' children (a 学校 column) and one untitled
    teachers list: whose they are is not guessed. Its row is merged with 学校 empty, pairs
    with no child, as on the folder, and is no file 未能读取."""
    folder = tmp_path / "乡" / "联合"
    folder.mkdir(parents=True)
    write_xlsx(
        folder / "花名册.xlsx",
        {"花名册": [["学校", *CHILD_HEADER], [QS, *child_row(1)], [BH, *child_row(2)]]},
    )
    teachers = write_xlsx(
        folder / "教师名单.xlsx",
        {"教师名单": [TEACHER_HEADER, teacher("王芳", "女", "三年级(2)班")]},
    )
    out = tmp_path / "乡.xlsx"
    result = run("merge", tmp_path / "乡", "--out", out, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"已写出合并名册：{out}（2 个文件）",
        f"提示：{teachers} 没有写明学校，而它所在文件夹中的儿童分属 2 所学校（{BH}、{QS}），"
        "无法确定它属于哪一所；它的行已写入合并名册，“学校”一栏留空，不算作任何一所学校的。"
        "请在表中加“学校”列写明每一行的学校，或把它和所属学校的花名册一起放进只有这所学校文件的"
        "文件夹，再重新合并",
    ]
    doc = result.json()
    assert (doc["summary"]["failed"], doc["summary"]["unplaced"], doc["failed"]) == (0, 1, [])
    assert doc["schools"][-1] == {
        "school": "",
        "files": [str(teachers)],
        "children": 0,
        "teachers": 1,
        "records": 0,
        "errors": 0,
        "warnings": 0,
    }
    assert lead_rows(out, "teachers") == [(None, str(teachers), "教师名单", 2, "王芳")]
    assert pairs(out) == pairs(tmp_path / "乡")
    assert pairs(out)[1]["paired"] == 0  # 王芳 is no school's teacher
    table = run("merge", tmp_path / "乡", "--out", out).stdout
    assert "（未能确定）   " + str(teachers) in table
    assert table.splitlines()[0] == "合并的各校名册（2 所学校，2 个文件）"  # not the row of none


def test_a_teachers_folder_of_its_own_is_the_one_schools_of_the_run(tmp_path: Path) -> None:
    """A teachers list in a folder with no roster is the one school's of the whole run;
    of a run of two schools, it is said to be nobody's, naming the run, not the folder."""
    root = county(tmp_path)
    (root / QS / "教师名单.xlsx").unlink()
    (root / "教师").mkdir()
    teachers = write_xlsx(
        root / "教师" / "名单.xlsx",
        {"教师名单": [TEACHER_HEADER, teacher("王芳", "女", "三年级(2)班")]},
    )
    out = tmp_path / "青山.xlsx"
    assert run("merge", root / QS, root / "教师", "--out", out).exit_code == 0
    assert lead_rows(out, "teachers") == [(QS, str(teachers), "教师名单", 2, "王芳")]
    result = run("merge", root, "--out", out)
    assert result.exit_code == 1
    said = f"提示：{teachers} 没有写明学校，而本次合并的各文件中的儿童分属 2 所学校（{BH}、{QS}），"
    assert said in result.stderr
    assert lead_rows(out, "teachers") == [
        (None, str(teachers), "教师名单", 2, "王芳"),
        (BH, str(root / BH / "花名册.xlsx"), "教师名单", 2, "赵敏"),
    ]


def test_teachers_alone_are_no_merged_roster(tmp_path: Path) -> None:
    teachers = write_xlsx(
        tmp_path / "教师名单.xlsx",
        {"教师名单": [TEACHER_HEADER, teacher("王芳", "女", "三年级(2)班")]},
    )
    result = run("merge", teachers, "--out", tmp_path / "县.xlsx")
    assert one_error_line(result) == (
        f"lbc: 错误：在 {teachers} 中没有找到留守儿童名册（表头需含“姓名”“身份证号”“班级”等列）"
    )
    assert not (tmp_path / "县.xlsx").exists()


def test_a_teachers_file_beside_a_roster_that_could_not_be_read_is_no_other_schools(
    tmp_path: Path,
) -> None:
    """a/ holds its school's teachers list and a roster that could not be read; 白鹤小学 is
    the one school whose children were read. 王芳 was merged, and paired, as 白鹤小学's
    teacher: a teacher of a school the run did not read, supporting another's children."""
    root = tmp_path / "各校"
    (root / "a").mkdir(parents=True)
    (root / BH).mkdir()
    broken = root / "a" / "花名册.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    teachers = write_xlsx(
        root / "a" / "教师名单.xlsx",
        {"教师名单": [TEACHER_HEADER, teacher("王芳", "女", "三年级(2)班")]},
    )
    roster = [[f"{BH}留守儿童花名册"], CHILD_HEADER, child_row(1), child_row(2)]
    write_xlsx(root / BH / "花名册.xlsx", {"花名册": roster})
    out = tmp_path / "全县.xlsx"
    result = run("merge", root, "--out", out, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[2] == (
        f"提示：{teachers} 没有写明学校，而它所在文件夹中的 {broken} 未能读取，"
        "无法确定它属于哪一所学校；它的行已写入合并名册，“学校”一栏留空，不算作任何一所学校的。"
        "请修复未能读取的文件，或在表中加“学校”列写明每一行的学校，再重新合并"
    )
    summary = result.json()["summary"]
    assert (summary["schools"], summary["failed"], summary["unplaced"]) == (1, 1, 1)
    assert lead_rows(out, "teachers") == [(None, str(teachers), "教师名单", 2, "王芳")]
    for path in (out, root):
        assert pairs(path)[1]["paired"] == 0, path  # 王芳 is not 白鹤小学's
