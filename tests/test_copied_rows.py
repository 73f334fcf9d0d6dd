"""A child's row copied twice, no ID number on either: one child in every count.

The samples' 郑思琪 (五年级(1)班) is on rows 42 and 47, alike in every cell that tells two
children apart; with the new roster's 身份证号 column left empty, lbc validate says DUP002
of row 47, and diff, summary and pair take the two rows as the one child they are. Two
namesakes whose guardians differ stay two children.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import child_cells as kid
from conftest import run, table, write_xlsx
from lbc.checks.engine import RosterChecks
from lbc.workspace.schools import read_roster

SHEET = "留守儿童花名册"
TERM = ("--term", "2024-autumn")


def without_ids(samples: Path, **row_47: str) -> Path:
    """The samples' roster with its 身份证号 column (D) emptied, and row 47's cells set by
    column letter."""
    path = samples / "roster.xlsx"
    book = load_workbook(path)
    sheet = book[SHEET]
    for row in range(4, 63):
        sheet.cell(row, 4).value = None
    for letter, value in row_47.items():
        sheet[f"{letter}47"] = value
    book.save(path)
    return samples


def named(entries: list[dict[str, Any]], name: str) -> list[int]:
    return [e["row"] for e in entries if e["child"] == name]


def test_validate_says_the_copy_is_a_duplicate(samples: Path) -> None:
    ws = without_ids(samples)
    doc = run("validate", "roster.xlsx", "--format", "json", cwd=ws).json()
    dup = [(f["code"], f["row"], f["message"]) for f in doc["findings"] if "DUP" in f["code"]]
    assert dup == [("DUP002", 47, "姓名、出生日期、班级与第 42 行相同，可能重复登记")]


def test_diff_matches_the_copied_child_once(samples: Path) -> None:
    ws = without_ids(samples)
    doc = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", cwd=ws).json()
    matched_by = {"id_number": 0, "name_birth_date": 47, "name_class": 1}
    assert doc["summary"] == {
        "added": 10,
        "gone": 10,
        "changed": 16,  # 刘佳琪's 出生日期 and 刘承志's 性别 among them (DEFECTS.md)
        "unchanged": 32,
        "matched_by": matched_by,
    }
    assert (named(doc["added"], "郑思琪"), named(doc["gone"], "郑思琪")) == ([], [])


def test_summary_counts_the_copied_child_once(samples: Path) -> None:
    ws = without_ids(samples)
    doc = run("summary", *TERM, "--format", "json", cwd=ws).json()
    assert doc["enrollment"]["on_books"] == 56
    markdown = run("summary", *TERM, cwd=ws).stdout
    assert "本学期我校在册关爱对象 56 名，其中留守儿童 55 名；男 25 人，女 31 人。" in markdown


def test_merge_counts_the_copied_child_once_as_summary_does(samples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "各校"
    folder.mkdir()
    (without_ids(samples) / "roster.xlsx").rename(folder / "青山.xlsx")
    doc = run("merge", folder, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert (doc["summary"]["children"], doc["summary"]["on_books"]) == (59, 56)


def test_pair_pairs_the_copied_child_once_and_says_why(samples: Path) -> None:
    ws = without_ids(samples)
    result = run("pair", cwd=ws)
    assert result.exit_code == 0, result.stderr
    assert (
        "提示：“留守儿童花名册”第 47 行与“留守儿童花名册”第 42 行姓名、性别、出生日期、班级、"
        "监护人都相同，是同一行登记了两次，按同一名儿童结对"
    ) in result.stderr.splitlines()


def test_namesakes_whose_guardians_differ_stay_two_children(samples: Path) -> None:
    # Row 47 names another guardian: two 郑思琪 of one class and birth date, as validate
    # still suspects (DUP002), but nothing merges two rows a cell tells apart.
    ws = without_ids(samples, T="郑玉兰")
    doc = run("summary", *TERM, "--format", "json", cwd=ws).json()
    assert doc["enrollment"]["on_books"] == 57
    doc = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", cwd=ws).json()
    assert (named(doc["added"], "郑思琪"), named(doc["gone"], "郑思琪")) == ([42, 47], [33])


@pytest.mark.parametrize("blank", [(1,), (0, 1)], ids=["one-row-has-the-id", "neither"])
def test_a_copied_row_in_a_made_roster_is_one_child(tmp_path: Path, blank: tuple[int]) -> None:
    """王芳 entered twice this term, the copy without her ID number (or both without): one
    child, found as last term's 王芳, neither added nor gone."""
    rows = [kid(1, "王芳"), kid(1, "王芳")]
    for k in blank:
        rows[k]["身份证号"] = None
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1, "王芳")])})
    write_xlsx(tmp_path / "本学期.xlsx", {"花名册": table(rows)})
    doc = run("diff", "上学期.xlsx", "本学期.xlsx", "--format", "json", cwd=tmp_path).json()
    rule = "name_birth_date" if len(blank) == 2 else "id_number"
    assert doc["summary"]["matched_by"] == {
        "id_number": 0,
        "name_birth_date": 0,
        "name_class": 0,
        rule: 1,
    }
    assert (doc["added"], doc["gone"]) == ([], [])
    assert doc["summary"]["unchanged"] == 1


def test_flag_lists_a_copied_child_once(tmp_path: Path) -> None:
    """王芳, both parents away and no guardian phone, entered twice without an ID number:
    one child to call, at the first of her rows."""
    copy = kid(1, "王芳", 身份证号=None, 监护人电话=None)
    write_xlsx(tmp_path / "名册.xlsx", {"花名册": table([copy, kid(2), {**copy, "序号": 3}])})
    doc = run("flag", "名册.xlsx", "--format", "json", cwd=tmp_path).json()
    assert doc["summary"]["children"] == 1
    rows = [c["row"] for cls in doc["classes"] for c in cls["children"]]
    assert rows == [2]


def _school_and_class_sheets(tmp_path: Path) -> Path:
    """名册.xlsx: a 全校 sheet of three children and a 三年级 sheet copying two of them
    (张雨涵 without an ID number on both, 李明轩 with hers on 全校 only) and a 王梓萱 of the
    class born another day with another guardian: a namesake, a child of her own."""
    one, two = kid(1, 身份证号=None), kid(2)
    namesake = kid(3, 身份证号=None, 监护人姓名="王奶奶", 出生日期=dt.date(2016, 9, 9))
    write_xlsx(tmp_path / "上学期.xlsx", {"花名册": table([kid(1), kid(2), kid(3)])})
    return write_xlsx(
        tmp_path / "名册.xlsx",
        {
            "全校": table([one, two, kid(3)]),
            "三年级": table([one, {**two, "身份证号": None}, {**namesake, "序号": 3}]),
            "教师": [["姓名", "在岗"], ["王芳", "是"], ["李强", "是"], ["赵敏", "是"]],
        },
    )


def test_a_row_copied_into_another_sheet_is_one_child(tmp_path: Path) -> None:
    """A school keeps its children on a 全校 sheet and each class's on a sheet of its own,
    without ID numbers on some rows: the copies on 三年级 were counted as children of
    their own, 5 on the books for 4 (and 6 in merge's count), pair paired each twice and
    diff said a copied child was added, while validate said nothing. Each copy is the
    child of the row it copies; validate says DUP002 of it, naming that row's sheet."""
    roster = _school_and_class_sheets(tmp_path)
    found = run("validate", roster, "--select", "DUP", "--format", "json").json()["findings"]
    assert [(f["code"], f["sheet"], f["row"], f["column"], f["message"]) for f in found] == [
        (
            "DUP002",
            "三年级",
            row,
            "B",
            f"姓名、出生日期、班级与{roster}“全校”第 {row} 行相同，可能重复登记",
        )
        for row in (2, 3)
    ]
    summary = run("summary", roster, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 4
    paired = run("pair", roster)
    assert paired.exit_code == 0, paired.stderr
    assert [line for line in paired.stderr.splitlines() if "登记了两次" in line] == [
        f"提示：“三年级”第 {row} 行与“全校”第 {row} 行姓名、性别、出生日期、班级、"
        "监护人都相同，是同一行登记了两次，按同一名儿童结对"
        for row in (2, 3)
    ]
    assert paired.stdout.count("张雨涵") == 1 and paired.stdout.count("李明轩") == 1
    # 张雨涵, matched by name and birth date, has no ID number on either sheet this term.
    doc = run("diff", tmp_path / "上学期.xlsx", roster, "--format", "json").json()
    assert doc["summary"] == {
        "added": 1,
        "gone": 0,
        "changed": 1,
        "unchanged": 2,
        "matched_by": {"id_number": 2, "name_birth_date": 1, "name_class": 0},
    }
    assert [(c["child"], c["sheet"], c["row"]) for c in doc["added"]] == [("王梓萱", "三年级", 4)]
    emptied = {"field": "id_number", "label": "身份证号", "old": "511321********1029", "new": None}
    assert [(c["child"], c["sheet"], c["changes"]) for c in doc["changed"]] == [
        ("张雨涵", "全校", [emptied])
    ]
    merged = run("merge", roster, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert (merged["summary"]["children"], merged["summary"]["on_books"]) == (6, 4)


def test_a_row_copied_into_another_file_of_the_school_is_one_child(tmp_path: Path) -> None:
    """The school's folder holds 全校.xlsx and the class's own 三年级.xlsx, both saying
    青山小学 in their 学校 column, copying 张雨涵 (no ID number) and 李明轩 (hers on 全校
    only): one child each in the summary, and validate and pair name the row of the other
    file with its file."""
    one, two = kid(1, 身份证号=None, 学校="青山小学"), kid(2, 学校="青山小学")
    folder = tmp_path / "青山"
    folder.mkdir()
    staff = [["姓名", "在岗"], ["王芳", "是"], ["李强", "是"]]
    rows = [one, two, kid(3, 学校="青山小学")]
    write_xlsx(folder / "全校.xlsx", {"全校": table(rows), "教师": staff})
    write_xlsx(folder / "三年级.xlsx", {"三年级": table([one, {**two, "身份证号": None}])})
    summary = run("summary", folder, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 3
    found = run("validate", folder, "--select", "DUP", "--format", "json").json()["findings"]
    assert [(f["file"], f["sheet"], f["row"], f["code"], f["message"]) for f in found] == [
        (
            str(folder / "全校.xlsx"),
            "全校",
            row,
            "DUP002",
            f"姓名、出生日期、班级与{folder / '三年级.xlsx'}“三年级”第 {row} 行相同，可能重复登记",
        )
        for row in (2, 3)
    ]
    paired = run("pair", folder, "--format", "json")
    # 三年级.xlsx is read first: 张雨涵's row there is kept, 李明轩's on 全校 (her ID number).
    grade, school = f"{folder / '三年级.xlsx'}“三年级”", f"{folder / '全校.xlsx'}“全校”"
    assert [line for line in paired.stderr.splitlines() if "按同一名儿童结对" in line] == [
        f"提示：{here}第 {row} 行与{there}第 {row} 行姓名、性别、出生日期、班级、监护人都相同，"
        "是同一行登记了两次，按同一名儿童结对"
        for here, there, row in ((grade, school, 3), (school, grade, 2))
    ]


def test_alike_rows_of_two_schools_files_that_say_no_school_are_two_children(
    tmp_path: Path,
) -> None:
    """A county's folder of 青山小学.xlsx and 白鹤小学.xlsx, neither titled nor with a 学校
    column, each with a 张雨涵 of 三年级(2)班 born 2016-05-01 in 张大爷's care and no ID
    number: two schools' children, as every table per school names the files. The two
    rows were taken as one child: the summary counted 3 (白鹤小学 2, 青山小学 1) and
    validate said DUP002 (an error) of 青山小学's row. Rows are copies only within what
    can be told to be one school: its declared name, else the file's own."""
    folder = tmp_path / "各校"
    folder.mkdir()
    alike = kid(1, 身份证号=None)
    write_xlsx(folder / "青山小学.xlsx", {"花名册": table([alike, kid(2)])})
    write_xlsx(folder / "白鹤小学.xlsx", {"花名册": table([alike, kid(3)])})
    summary = run("summary", folder, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 4
    assert [(s["name"], s["children"]) for s in summary["schools"]] == [
        ("白鹤小学", 2),
        ("青山小学", 2),
    ]
    found = run("validate", folder, "--select", "DUP", "--format", "json").json()
    assert found["findings"] == []
    merged = run("merge", folder, "--out", tmp_path / "全县.xlsx", "--format", "json").json()
    assert (merged["summary"]["children"], merged["summary"]["on_books"]) == (4, 4)


def test_merge_counts_a_row_copied_into_another_file_of_the_school_once(tmp_path: Path) -> None:
    """青山小学's folder holds 全校.xlsx and 三年级.xlsx, the class's own file copying 张雨涵
    (no ID number; her guardian's phone written anew on the copy) and 李明轩 (her ID number
    on 全校 only). lbc summary over the folder counts 3 children; lbc merge, reading each
    file alone, counted 5 and said nothing of the copies, and its error count fell short
    of lbc validate's by the two DUP002. It now counts them once, says so, and counts the
    DUP002 validate says; the merged roster keeps every row as the school wrote it, and
    the summary of it counts 3 too."""
    one = kid(1, 身份证号=None, 学校="青山小学")
    two = kid(2, 学校="青山小学")
    folder = tmp_path / "青山"
    folder.mkdir()
    write_xlsx(folder / "全校.xlsx", {"全校": table([one, two, kid(3, 学校="青山小学")])})
    copies = [{**one, "监护人电话": "13700000000"}, {**two, "身份证号": None}]
    write_xlsx(folder / "三年级.xlsx", {"三年级": table(copies)})
    summary = run("summary", folder, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 3
    checked = run("validate", folder, "--format", "json").json()["summary"]
    out = tmp_path / "全县.xlsx"
    merged = run("merge", folder, "--out", out, "--format", "json")
    assert merged.exit_code == 1
    assert merged.json()["summary"] == {
        "files": 2,
        "schools": 1,
        "children": checked["children"],
        "teachers": 0,
        "records": 0,
        "errors": checked["errors"],
        "warnings": checked["warnings"],
        "rows": 5,
        "on_books": 3,
        "duplicates": 0,
        "failed": 0,
        "unplaced": 0,
    }
    assert checked["by_code"]["DUP002"] == 2
    said = run("merge", folder, "--out", out).stdout
    assert (
        "在册儿童 3 名（名册共 5 行：同一身份证号在几处出现、同一行登记两次的只计一次，"
        "转出、毕业、死亡的不计，与 lbc summary 一致）"
    ) in said.replace("\n", "")
    sheet = load_workbook(out)["留守儿童花名册"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    head = [c.value for c in sheet[1]]
    file, name, phone = (head.index(h) for h in ("来源文件", "姓名", "监护人电话"))
    assert [(Path(r[file]).name, r[name], r[phone]) for r in rows] == [
        ("三年级.xlsx", "张雨涵", "13700000000"),
        ("三年级.xlsx", "李明轩", "13712345678"),
        ("全校.xlsx", "张雨涵", "13712345678"),
        ("全校.xlsx", "李明轩", "13712345678"),
        ("全校.xlsx", "王梓萱", "13712345678"),
    ]
    again = run("summary", out, *TERM, "--format", "json").json()
    assert again["enrollment"]["on_books"] == 3


def test_a_parquet_file_says_a_row_copied_across_files_as_its_workbook_does(
    tmp_path: Path,
) -> None:
    """青山小学's 全校.xlsx and 三年级.xlsx, the class's file copying 张雨涵 (no ID number),
    merged to a workbook and to Parquet. lbc validate of the workbook says DUP002 of the
    copy; of the Parquet file, read a school (row group) at a time, it said nothing, the
    copies across its tables never compared. It now says it at the school's own cell, as
    validate over the folder does."""
    folder = tmp_path / "青山"
    folder.mkdir()
    one = kid(1, 身份证号=None, 学校="青山小学")
    write_xlsx(folder / "全校.xlsx", {"全校": table([one, kid(2, 学校="青山小学")])})
    write_xlsx(folder / "三年级.xlsx", {"三年级": table([one])})
    found = {}
    for name in ("青山", "全县.xlsx", "全县.parquet"):
        if name != "青山":
            assert run("merge", "青山", "--out", name, cwd=tmp_path).exit_code == 1
        result = run("validate", name, "--select", "DUP", "--format", "json", cwd=tmp_path)
        found[name] = [(f["code"], f["file"], f["row"]) for f in result.json()["findings"]]
    assert found["全县.xlsx"] == [("DUP002", "全县.xlsx", 3)]
    assert found["全县.parquet"] == found["青山"] == [("DUP002", "青山/全校.xlsx", 2)]


def test_a_row_copied_into_a_file_read_two_files_later_is_a_duplicate(tmp_path: Path) -> None:
    """青山小学's folder holds 一年级.xlsx, 三年级.xlsx (no 学校 column) and 全校.xlsx, read
    in that order, 全校 copying 张雨涵 (no ID number) from 一年级. lbc summary counted her
    once, but validate said no DUP002: it compared a file's rows only with those of the
    files read just before it that declare the same school, and 三年级.xlsx between them
    declares none. Every two files of a school are now compared, however they are read."""
    one = kid(1, 身份证号=None, 学校="青山小学")
    folder = tmp_path / "青山"
    folder.mkdir()
    write_xlsx(folder / "一年级.xlsx", {"一年级": table([one])})
    write_xlsx(folder / "三年级.xlsx", {"三年级": table([kid(2, 身份证号=None)])})
    write_xlsx(folder / "全校.xlsx", {"全校": table([kid(3, 学校="青山小学"), one])})
    summary = run("summary", folder, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 3
    found = run("validate", folder, "--select", "DUP", "--format", "json").json()["findings"]
    assert [(f["file"], f["sheet"], f["row"], f["code"], f["message"]) for f in found] == [
        (
            str(folder / "全校.xlsx"),
            "全校",
            3,
            "DUP002",
            f"姓名、出生日期、班级与{folder / '一年级.xlsx'}“一年级”第 2 行相同，可能重复登记",
        )
    ]


def test_a_copy_of_a_child_who_left_is_not_on_the_books_in_merge_either(tmp_path: Path) -> None:
    """青山小学's 全校.xlsx has 李明轩 with her ID number, 转出; 三年级.xlsx copies her row
    without the ID number, its 在校状态 left blank. The copy is the same child, who left:
    lbc summary over the folder counts 1 child on the books (张雨涵), and lbc merge, which
    counted the copy as a child still there (2), now counts 1 too, as the summary of the
    merged roster does."""
    two = kid(2, 学校="青山小学", 在校状态="转出")
    folder = tmp_path / "青山"
    folder.mkdir()
    write_xlsx(
        folder / "全校.xlsx", {"全校": table([kid(1, 学校="青山小学", 在校状态="在读"), two])}
    )
    write_xlsx(
        folder / "三年级.xlsx", {"三年级": table([{**two, "身份证号": None, "在校状态": None}])}
    )
    summary = run("summary", folder, *TERM, "--format", "json").json()
    assert summary["enrollment"]["on_books"] == 1
    out = tmp_path / "全县.xlsx"
    merged = run("merge", folder, "--out", out, "--format", "json").json()["summary"]
    assert (merged["children"], merged["on_books"]) == (3, 1)
    said = run("merge", folder, "--out", out).stdout.replace("\n", "")
    assert "在册儿童 1 名（名册共 3 行：" in said
    again = run("summary", out, *TERM, "--format", "json").json()
    assert again["enrollment"]["on_books"] == 1
    # With the ID row still at school the copy is her, counted once.
    write_xlsx(
        folder / "全校.xlsx", {"全校": table([kid(1, 学校="青山小学"), kid(2, 学校="青山小学")])}
    )
    merged = run("merge", folder, "--out", out, "--format", "json").json()["summary"]
    assert merged["on_books"] == 2
    assert run("summary", folder, *TERM, "--format", "json").json()["enrollment"]["on_books"] == 2


def test_a_merged_rosters_schools_rows_are_not_held_to_find_copies(tmp_path: Path) -> None:
    """A county's merged roster is one table a school: no row of one may be a copy of
    another's, so none is hashed and held to compare later tables' rows with (a province's
    million were), and a row copied within a school's own file is still said."""
    folder = tmp_path / "县"
    folder.mkdir()
    alike = kid(1, 身份证号=None)
    write_xlsx(folder / "青山小学.xlsx", {"花名册": table([alike, kid(2), alike])})
    write_xlsx(folder / "白鹤小学.xlsx", {"花名册": table([alike, kid(3)])})
    merged = tmp_path / "全县.xlsx"
    assert run("merge", folder, "--out", merged).exit_code == 1
    roster = read_roster([merged])
    assert len(roster.children) == 2
    checks = RosterChecks.of(roster, dt.date(2024, 10, 1))
    checks.expect(roster.children)
    for children in roster.children:
        checks.children(children)
    assert checks._copies is not None and checks._copies.rows == {}
    found = run("validate", merged, "--select", "DUP", "--format", "json").json()["findings"]
    assert [(f["row"], f["code"]) for f in found] == [(6, "DUP002")]
