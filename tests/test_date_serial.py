"""A date column copied as text from a system holds Excel date serials (42554): the
finding says so, and which day it would be, without reading the number as that day."""

from __future__ import annotations

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
