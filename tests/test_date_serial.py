"""A date column copied as text from a system holds Excel date serials (42554): the
finding says so, and which day it would be, without reading the number as that day."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx

TEACHERS = [["姓名", "在岗"], ["王芳", "是"]]


def test_serial_as_text_is_named(tmp_path: Path) -> None:
    """出生日期 42554 as text is DATE001 saying it looks like the serial of 2016-07-03;
    12 (no plausible birth) and 去年春天 are DATE001 alone; a record's 日期 45580 as text
    says 2024-10-15."""
    kids = [[*CHILD_HEADER, "帮扶教师"]]
    for n, birth in ((1, "42554"), (2, "12"), (3, "去年春天")):
        kids.append([*child_row(n, 出生日期=birth, 身份证号=None), "王芳"])
    talks = [["45580", "王芳", "张雨涵", None, "谈心", "谈学习"]]
    path = write_xlsx(
        tmp_path / "roster.xlsx",
        {"儿童": kids, "教师": TEACHERS, "帮扶记录": [RECORD_HEADER, *talks]},
    )
    found = run("validate", path, "--select", "DATE001", "--format", "json").json()["findings"]
    hint = "；像是 Excel 的日期序号（即 {}），请把这一列设为日期格式"
    assert [(f["row"], f["message"]) for f in found] == [
        (2, "“出生日期”无法识别为日期" + hint.format("2016-07-03")),
        (3, "“出生日期”无法识别为日期"),
        (4, "“出生日期”无法识别为日期"),
        (2, "“日期”无法识别为日期" + hint.format("2024-10-15")),
    ]


def test_a_number_in_a_date_column_of_a_1904_workbook_is_its_day(tmp_path: Path) -> None:
    """A workbook of the 1904 date system (Excel for Mac's old default) counts its serials
    from 1904-01-01: a 出生日期 cell holding the number 40606, unstyled, is 2015-03-05
    there, as Excel shows it once styled a date. It was read as the 1900 system's
    2011-03-04, four years off, without a word where no ID number says the day; and where
    one did, ID006 blamed a date the sheet never showed. A date cell, styled, is its day
    as before."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    born = dt.date(2015, 3, 5)
    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(CHILD_HEADER)
    sheet.append(child_row(1, birth=born))  # a date cell
    sheet.append(child_row(2, birth=born, 出生日期=40606))  # 2015-03-05 counted from 1904
    sheet.append(child_row(3, birth=born, 出生日期=40606, 身份证号=None))
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    result = run("validate", path, "--select", "ID,DATE,REQ", "--format", "json")
    found = [(f["row"], f["code"], f["field"]) for f in result.json()["findings"]]
    assert found == [(4, "REQ001", "id_number")]
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["birth_date"] for r in rows[:3]] == ["2015-03-05"] * 3


def test_a_number_in_a_date_column_of_a_1904_xls_is_its_day(tmp_path: Path) -> None:
    """An Excel 97-2003 workbook says its date system in a DATEMODE record: a 出生日期
    number of one of the 1904 system, 40606, is 2015-03-05 there too."""
    import xlwt

    born = dt.date(2015, 3, 5)
    book = xlwt.Workbook(encoding="utf-8")
    book.dates_1904 = True
    sheet = book.add_sheet("花名册")
    rows = [CHILD_HEADER, child_row(1, birth=born, 出生日期=40606, 身份证号=None)]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            sheet.write(i, j, value)
    path = tmp_path / "花名册.xls"
    book.save(str(path))
    out = tmp_path / "x.csv"
    assert run("export", path, "--out", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as fh:
        assert [r["birth_date"] for r in csv.DictReader(fh)][:1] == ["2015-03-05"]
