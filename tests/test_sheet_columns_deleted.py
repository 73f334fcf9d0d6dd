"""A teacher's returned record sheet with a column she deleted still counts.

lbc's own record sheet (lbc record-sheets) comes back edited by hand: a teacher deletes the
帮扶教师 column (her own name on every row) or the 出生日期 column beside 班级. Through the
real CLI on real workbooks: the records stay hers, and her namesake's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import (
    CHILD_HEADER,
    TEACHER_HEADER,
    child_row,
    last_contacts,
    run,
    table,
    write_xlsx,
)

C51 = "五年级(1)班"
TERM = "2024年秋季学期"


def kid(n: int, **extra: Any) -> dict[str, Any]:
    return {**dict(zip(CHILD_HEADER, child_row(n, cls=C51), strict=True)), **extra}


def teacher(name: str, phone: str) -> dict[str, Any]:
    values = [name, "女", phone, "班主任", C51, "语文", "否", "是"]
    return {**dict(zip(TEACHER_HEADER, values, strict=True)), "可帮扶人数": 1}


def workspace(tmp_path: Path, kids: list[dict[str, Any]], staff: list[dict[str, Any]]) -> Path:
    """A school's workspace with ``kids`` and ``staff`` on its roster, no records yet, and
    each teacher's record sheet written for the 2024 autumn term."""
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()  # the school fills the blank roster in
    write_xlsx(ws / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    made = run("record-sheets", "--term", "2024-autumn", cwd=ws)
    assert made.exit_code == 0, made.stderr
    return ws


def wang_and_li(tmp_path: Path) -> Path:
    """A workspace where 王芳 supports 张雨涵 and 李强 李明轩, their record sheets written."""
    kids = [kid(1, 帮扶教师="王芳"), kid(2, 帮扶教师="李强")]
    return workspace(
        tmp_path, kids, [teacher("王芳", "13800000002"), teacher("李强", "13800000001")]
    )


def counted_as_handed_back(ws: Path) -> None:
    """王芳's talk of 2024-09-10 with 张雨涵 counts in due and the summary, no sheet is said
    skipped, and validate finds nothing: as if her sheet came back untouched."""
    assert owed(ws) == [("王芳", "张雨涵", 1, "2024-09-10"), ("李强", "李明轩", 0, None)]
    due = run("due", "--as-of", "2024-09-20", cwd=ws)
    assert "已跳过" not in due.stderr
    summary_counts_one_record(ws)
    checked = run("validate", "--format", "json", cwd=ws)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])


def sheet(ws: Path, name: str) -> Path:
    return ws / "记录表" / f"帮扶记录表_{TERM}_{name}.xlsx"


def fill_first_row_and_delete(path: Path, day: dt.date, content: str, column: str) -> None:
    """A teacher writes the date and what was done into the first laid-out row, and deletes
    one column of the sheet, as in Excel (the columns to its right move left)."""
    wb = load_workbook(path)
    ws = wb["帮扶记录"]
    header = [c.value for c in ws[2]]
    ws.cell(3, header.index("日期") + 1).value = day
    ws.cell(3, header.index("内容") + 1).value = content
    ws.delete_cols(header.index(column) + 1)
    wb.save(path)


def owed(ws: Path) -> list[tuple[str, str, int, str | None]]:
    due = run("due", "--as-of", "2024-09-20", "--format", "json", cwd=ws)
    assert due.exit_code == 0, due.stderr
    return [
        (x["teacher"], c["child"], c["talks_this_month"], c["last_contact"])
        for x in due.json()["teachers"]
        for c in x["children"]
    ]


def test_a_sheet_without_its_teacher_column_is_the_teacher_its_title_names(
    tmp_path: Path,
) -> None:
    """王芳 deletes the 帮扶教师 column from her sheet: its title (…帮扶记录表（王芳，2024年9月1日
    至2025年1月31日）) names her, so her talk counts for her child, in due, the summary and
    validate alike, and nothing says the sheet was skipped or the column is missing."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    title = load_workbook(path)["帮扶记录"]["A1"].value
    assert title == "2024年秋季学期帮扶记录表（王芳，2024年9月1日至2025年1月31日）"
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "帮扶教师")

    counted_as_handed_back(ws)


def test_a_sheet_without_its_title_and_teacher_column_still_counts(tmp_path: Path) -> None:
    """王芳 deletes both the title row and the 帮扶教师 column: the 应完成 column still marks the
    sheet as lbc's, so her talk counts for her child, and the 结对儿童 sheet's title (王芳老师
    结对儿童) names her, so no column is missing."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "帮扶教师")
    wb = load_workbook(path)
    records = wb["帮扶记录"]
    for merged in list(records.merged_cells.ranges):
        records.unmerge_cells(str(merged))
    records.delete_rows(1)
    wb.save(path)

    counted_as_handed_back(ws)


FIRST, SECOND = dt.date(2015, 3, 1), dt.date(2015, 9, 9)


def namesakes(first: str | None, second: str | None) -> list[dict[str, Any]]:
    """Two 张伟 of 五年级(1)班 (no ID number; born apart), in the roster's 帮扶教师 column
    with ``first`` and ``second``."""
    return [
        kid(1, 姓名="张伟", 身份证号=None, 出生日期=FIRST, 帮扶教师=first),
        kid(2, 姓名="张伟", 身份证号=None, 出生日期=SECOND, 帮扶教师=second),
    ]


def test_a_namesakes_record_without_a_birth_date_is_the_one_paired_with_its_teacher(
    tmp_path: Path,
) -> None:
    """李强 supports the first 张伟, nobody the second (the roster's 帮扶教师). He deletes the
    出生日期 column from his sheet: his 张伟 is the one paired with him, so his talk counts
    for that 张伟 in due and the summary, and validate finds no REC003."""
    staff = [teacher("李强", "13800000001")]
    ws = workspace(tmp_path, namesakes("李强", None), staff)
    path = sheet(ws, "李强")
    assert [c.value for c in load_workbook(path)["帮扶记录"][2]][:5] == [
        "序号", "学生姓名", "班级", "出生日期", "类型"
    ]  # fmt: skip
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "出生日期")

    assert owed(ws) == [("李强", "张伟", 1, "2024-09-10")]
    due = run("due", "--as-of", "2024-09-20", cwd=ws)
    assert "REC003" not in due.stderr

    summary_counts_one_record(ws)

    checked = run("validate", "--format", "json", cwd=ws)
    found = [(f["code"], f["sheet"], f["row"]) for f in checked.json()["findings"]]
    assert found == [("REQ001", "花名册", 2), ("REQ001", "花名册", 3)]  # the ID numbers


def test_each_teachers_namesake_by_the_pairs_workbook(tmp_path: Path) -> None:
    """The pairs come from lbc pair --save: 李强 has one 张伟, 王芳 the other. Each deletes the
    出生日期 column; each one's talk is for her own 张伟, in due and the watch list."""
    staff = [teacher("李强", "13800000001"), teacher("王芳", "13800000002")]
    ws = tmp_path / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    write_xlsx(ws / "roster.xlsx", {"花名册": table(namesakes(None, None)), "教师": table(staff)})
    assert run("pair", "--save", cwd=ws).exit_code == 0
    assert run("record-sheets", "--term", "2024-autumn", cwd=ws).exit_code == 0
    fill_first_row_and_delete(sheet(ws, "李强"), dt.date(2024, 9, 10), "谈学习", "出生日期")
    fill_first_row_and_delete(sheet(ws, "王芳"), dt.date(2024, 9, 12), "谈心", "出生日期")

    assert owed(ws) == [("李强", "张伟", 1, "2024-09-10"), ("王芳", "张伟", 1, "2024-09-12")]
    assert last_contacts(ws, "2024-10-15") == [
        (2, "李强", "超过 30 天没有谈心或联系（最近一次：2024年9月10日）"),
        (3, "王芳", "超过 30 天没有谈心或联系（最近一次：2024年9月12日）"),
    ]
    checked = run("validate", "--format", "json", "--select", "REC", cwd=ws)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])


def test_a_teachers_two_namesakes_stay_no_ones_without_a_birth_date(tmp_path: Path) -> None:
    """李强 supports both 张伟: without the 出生日期 column nothing says which his row is for,
    and it counts for neither (REC003), as before."""
    staff = [{**teacher("李强", "13800000001"), "可帮扶人数": 2}]
    ws = workspace(tmp_path, namesakes("李强", "李强"), staff)
    fill_first_row_and_delete(sheet(ws, "李强"), dt.date(2024, 9, 10), "谈学习", "出生日期")
    assert owed(ws) == [("李强", "张伟", 0, None), ("李强", "张伟", 0, None)]
    checked = run("validate", "--format", "json", "--select", "REC", cwd=ws)
    assert [(f["code"], f["row"]) for f in checked.json()["findings"]] == [("REC003", 3)]


def summary_counts_one_record(ws: Path) -> None:
    """The summary of ``ws``'s 2024 autumn term reads one record and counts it for a child."""
    summary = run("summary", "--term", "2024-autumn", "--format", "json", cwd=ws)
    assert summary.exit_code == 0, summary.stderr
    records = summary.json()["records"]
    assert (records["total"], records["matched"]) == (1, 1)


@pytest.mark.parametrize(
    ("column", "renamed"),
    [
        ("日期", "完成日期"),
        ("日期", "实际完成日期"),
        ("学生姓名", "结对学生"),
        ("学生姓名", "学生"),
    ],
)
def test_a_sheet_with_a_column_renamed_still_counts(
    tmp_path: Path, column: str, renamed: str
) -> None:
    """王芳 renames a column of her sheet as she would say it (完成日期 beside 应完成, 结对学生):
    her talk still counts for her child, and validate finds nothing."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    wb = load_workbook(path)
    records = wb["帮扶记录"]
    header = [c.value for c in records[2]]
    records.cell(3, header.index("日期") + 1).value = dt.date(2024, 9, 10)
    records.cell(3, header.index("内容") + 1).value = "谈学习"
    records.cell(2, header.index(column) + 1).value = renamed
    wb.save(path)

    assert owed(ws) == [("王芳", "张雨涵", 1, "2024-09-10"), ("李强", "李明轩", 0, None)]
    checked = run("validate", "--format", "json", cwd=ws)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])


def strip_sheet(path: Path, *columns: str, children_list: bool = True) -> None:
    """The teacher deletes the records sheet's title row and ``columns`` from it, as in
    Excel, and with ``children_list`` False the 结对儿童 sheet too."""
    wb = load_workbook(path)
    records = wb["帮扶记录"]
    for merged in list(records.merged_cells.ranges):
        records.unmerge_cells(str(merged))
    header = [c.value for c in records[2]]
    for index in sorted((header.index(column) + 1 for column in columns), reverse=True):
        records.delete_cols(index)
    records.delete_rows(1)
    if not children_list:
        del wb["结对儿童"]
    wb.save(path)


def test_a_sheet_without_its_title_and_plan_column_drops_its_rows_not_filled_in(
    tmp_path: Path,
) -> None:
    """王芳 deletes the title row and the 应完成 column: the 结对儿童 sheet lbc wrote beside
    her records still says the workbook is her record sheet, so the rows she left blank
    are rows to fill, not records missing a date (REQ001), and her talk counts."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "应完成")
    strip_sheet(path)

    checked = run("validate", "--format", "json", cwd=ws)
    assert (checked.exit_code, checked.json()["findings"]) == (0, [])
    assert owed(ws) == [("王芳", "张雨涵", 1, "2024-09-10"), ("李强", "李明轩", 0, None)]
    summary_counts_one_record(ws)


def test_a_sheet_without_its_title_plan_and_teacher_columns_is_the_teacher_its_list_names(
    tmp_path: Path,
) -> None:
    """王芳 deletes the title row, the 应完成 and the 帮扶教师 columns: the 结对儿童 sheet's
    title (王芳老师结对儿童) names her, so the sheet is read as her records, not skipped."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "应完成")
    strip_sheet(path, "帮扶教师")

    counted_as_handed_back(ws)


def test_a_records_sheet_naming_no_teacher_is_said_so(tmp_path: Path) -> None:
    """With the 结对儿童 sheet deleted too, nothing names the teacher: the sheet is passed
    over, and the note says it is records lacking a 帮扶教师 column, not that it is no list."""
    ws = wang_and_li(tmp_path)
    path = sheet(ws, "王芳")
    fill_first_row_and_delete(path, dt.date(2024, 9, 10), "谈学习", "应完成")
    strip_sheet(path, "帮扶教师", children_list=False)

    assert owed(ws) == [("王芳", "张雨涵", 0, None), ("李强", "李明轩", 0, None)]
    due = run("due", "--as-of", "2024-09-20", cwd=ws)
    assert due.stderr.splitlines()[0] == (
        f"提示：记录表/帮扶记录表_{TERM}_王芳.xlsx 的工作表“帮扶记录”有“日期”和“学生姓名”列，"
        "像是帮扶记录，但没有“帮扶教师”列，也看不出是哪位老师的，已跳过，其中的记录没有计入；"
        "请加上“帮扶教师”列并填写"
    )
    # lbc columns, asked how the workbook was read, says the same of the sheet.
    shown = run("columns", cwd=ws).stdout.splitlines()
    assert (
        f"记录表/帮扶记录表_{TERM}_王芳.xlsx 的工作表“帮扶记录”有“日期”和“学生姓名”列，"
        "像是帮扶记录，但没有“帮扶教师”列，也看不出是哪位老师的，未读；请加上“帮扶教师”列并填写"
    ) in shown


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "教师", "学生", "班级", "日期"],
        ["序号", "教师姓名", "结对儿童", "班级", "时间"],
        ["学生", "班级", "帮扶教师", "完成时间"],
        ["序号", "教师", "学生", "班级", "日期", "备注"],
    ],
)
def test_a_pairs_list_naming_its_children_as_a_sheet_renamed_is_no_records(
    tmp_path: Path, header: list[str]
) -> None:
    """A school's pairs list (结对名单) names its children by a header a teacher may rename
    her record sheet's 学生姓名 to (学生, 结对儿童), beside the day of the pairing: with no
    类型 or 内容 column it is no records sheet, so the day each pair was made is no contact
    with the child (lbc due said 张雨涵 last contacted on 2024-09-01)."""
    values = {
        "序号": 1,
        "学生": "张雨涵",
        "结对儿童": "张雨涵",
        "班级": "三年级(2)班",
        "备注": "新结对",
    }
    values |= {"教师": "王芳", "教师姓名": "王芳", "帮扶教师": "王芳"}
    values |= {"日期": "2024-09-01", "时间": "2024-09-01", "完成时间": "2024-09-01"}
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        {
            "儿童": kids,
            "教师": [["姓名", "在岗"], ["王芳", "是"]],
            "结对名单": [header, [values[h] for h in header]],
        },
    )
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    said = due.json()
    assert [c["last_contact"] for x in said["teachers"] for c in x["children"]] == [None]
    assert said["summary"]["records"] == 0
    assert due.stderr == (
        f"提示：{path} 的工作表“结对名单”不是花名册、教师名单或帮扶记录，已跳过\n"
        "提示：没有读到帮扶记录；请把交回的记录表文件夹一并给出，"
        "或在 lbc.toml 的 [files] 中写 records\n"
    )


@pytest.mark.parametrize(
    "header",
    [
        ["时间", "教师", "结对学生", "记录"],
        ["日期", "帮扶教师", "结对对象", "帮扶措施"],
        ["帮扶日期", "帮扶教师", "学生", "帮扶过程"],
    ],
)
def test_a_records_sheet_naming_its_children_as_a_pairs_list_does_still_counts(
    tmp_path: Path, header: list[str]
) -> None:
    """A school's records sheet heading its children 学生 or 结对学生, as a pairs list may,
    and what was done 记录, 帮扶措施 or 帮扶过程 (no 类型 or 内容 column): it is records, not a
    pairs list, and its talk counts (the sheet was skipped, 张雨涵 never contacted); what
    was done is under a header lbc has no name for, and said so."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    row = [dt.date(2024, 10, 8), "王芳", "张雨涵", "谈学习情况"]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": kids, "记录": [header, row]})
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == [
        "2024-10-08"
    ]
    assert due.stderr == f"提示：{path} 的“记录”有未识别的列，已忽略：{header[3]}(D)\n"


def test_a_time_of_day_column_before_the_date_leaves_the_date_read(tmp_path: Path) -> None:
    """A school's records sheet with a 完成时间 column of the time of day (14:30) before its
    日期: the 日期 column is the record's date, and the talk counts."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]
    header = ["完成时间", "帮扶教师", "学生姓名", "类型", "内容", "日期"]
    row = ["14:30", "王芳", "张雨涵", "谈心", "谈学习", dt.date(2024, 10, 8)]
    path = write_xlsx(tmp_path / "r.xlsx", {"花名册": kids, "帮扶记录": [header, row]})
    due = run("due", path, "--as-of", "2024-10-15", "--format", "json")
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == [
        "2024-10-08"
    ]


LIST_HEADER = ["序号", "姓名", "班级", "性别", "出生日期", "留守类型", "监护人姓名", "监护人电话"]
LISTED = [1, "张雨涵", "三年级(2)班", "女", "2016-05-01", "父母均外出", "张大爷", "13712345678"]


def test_a_schools_roster_beside_a_children_list_keeps_its_records_as_written(
    tmp_path: Path,
) -> None:
    """A school's own workbook: its roster, its records sheet, and a 结对儿童 sheet copied
    from 王芳's record sheet (王芳老师结对儿童). A workbook with a roster is no teacher's
    record sheet: its record without a date is said (REQ001), not dropped as a row left
    blank, and its records sheet without 帮扶教师 is not made 王芳's every row (李明轩 is
    李强's child, and was counted as contacted by 王芳)."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "李强"]]
    children_list = [["王芳老师结对儿童"], LIST_HEADER, LISTED]
    records = [
        ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"],
        ["2024-09-10", "王芳", "张雨涵", "三年级(2)班", "谈心", "谈学习"],
        [None, "李强", "李明轩", "三年级(2)班", "家访", None],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx", {"花名册": kids, "帮扶记录": records, "结对儿童": children_list}
    )
    found = run("validate", path, "--format", "json").json()["findings"]
    assert [(f["code"], f["row"], f["message"]) for f in found] == [("REQ001", 3, "“日期”未填写")]

    unnamed = [["日期", "学生姓名", "班级", "类型", "内容"], [dt.date(2024, 9, 12), "李明轩"]]
    path = write_xlsx(
        tmp_path / "s.xlsx", {"花名册": kids, "帮扶记录": unnamed, "结对儿童": children_list}
    )
    due = run("due", path, "--as-of", "2024-09-20", "--format", "json")
    assert [c["last_contact"] for x in due.json()["teachers"] for c in x["children"]] == [
        None,
        None,
    ]
    assert due.stderr.splitlines()[0] == (
        f"提示：{path} 的工作表“帮扶记录”有“日期”和“学生姓名”列，"
        "像是帮扶记录，但没有“帮扶教师”列，也看不出是哪位老师的，已跳过，其中的记录没有计入；"
        "请加上“帮扶教师”列并填写"
    )


def test_two_teachers_sheets_in_one_workbook_name_neither_teacher(tmp_path: Path) -> None:
    """王芳's and 李强's record sheets copied into one workbook, each records sheet without
    its title and 帮扶教师 column: which teacher wrote which is not known, so 李强's talk with
    his own 李明轩 is not made 王芳's (REC006, a talk by another teacher); both sheets are
    passed over and said so. The second list, named 结对儿童 (2) as Excel names a copy, is
    no roster either."""
    kids = [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"], [*child_row(2), "李强"]]
    roster = write_xlsx(tmp_path / "名册.xlsx", {"花名册": kids})
    header = ["序号", "学生姓名", "班级", "类型", "日期", "内容"]
    wang = [header, [1, "张雨涵", "三年级(2)班", "谈心", dt.date(2024, 9, 10), "谈学习"]]
    li = [header, [1, "李明轩", "三年级(2)班", "谈心", dt.date(2024, 9, 11), "谈学习"]]
    path = write_xlsx(
        tmp_path / "记录.xlsx",
        {
            "帮扶记录": wang,
            "结对儿童": [["王芳老师结对儿童"], LIST_HEADER, LISTED],
            "帮扶记录 (2)": li,
            "结对儿童 (2)": [["李强老师结对儿童"], LIST_HEADER, LISTED],
        },
    )
    checked = run("validate", roster, path, "--format", "json").json()
    # 李强's 结对儿童 (2) list is his copy of the roster, not a school's of one child.
    assert (checked["findings"], checked["summary"]["children"]) == ([], 2)
    due = run("due", roster, path, "--as-of", "2024-09-20")
    skipped = "有“日期”和“学生姓名”列，像是帮扶记录，但没有“帮扶教师”列"
    said = [line for line in due.stderr.splitlines() if skipped in line]
    assert [line.split("的工作表")[1].split(skipped)[0] for line in said] == [
        "“帮扶记录”",
        "“帮扶记录 (2)”",
    ]
