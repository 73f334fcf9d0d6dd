"""lbc's terminal tables drawn line by line, as rich's Table draws them but without
measuring and wrapping every cell: the same text, in a fraction of the time over a
county's 100,000 children."""

# ruff: noqa: E501 (a table piped to a file is as wide as its widest row)

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.output.formats import _FittedTable

TEACHERS = ["王芳", "欧阳明辉", "李强"]
CLASSES = ["三年级(2)班", "一年级(1)班", "六年级(10)班"]


def roster(tmp_path: Path, children: int) -> Path:
    """``children`` children in three classes, each paired with one of three teachers, some
    talked with or visited this autumn, a few with a second name or a priority."""
    rows, records = [], []
    for n in range(1, children + 1):
        cls = CLASSES[n % 3]
        row = [*child_row(n, cls=cls, kind=("父母均外出", "父亲外出")[n % 2]), TEACHERS[n % 3]]
        rows.append(row)
        if n % 4:
            day = dt.date(2024, 9 + n % 3, 1 + n % 28)
            records.append([day, TEACHERS[n % 3], row[1], cls, ("谈心", "家访")[n % 2], "谈话"])
    teachers = [[name, "女", "13800001111", "教师", "", "语文", "否", "在岗"] for name in TEACHERS]
    path = tmp_path / "花名册.xlsx"
    sheets = {
        "花名册": [["青山小学留守儿童花名册"], [*CHILD_HEADER, "帮扶教师"], *rows],
        "教师": [TEACHER_HEADER, *teachers],
        "记录": [RECORD_HEADER, *records],
    }
    return write_xlsx(path, sheets)


def by_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables drawn by rich's Table, as before they were drawn line by line."""

    def drawn(self: _FittedTable, console: Any, options: Any) -> Any:
        yield self.by_rich(*self.widths(options.max_width))

    monkeypatch.setattr(_FittedTable, "__rich_console__", drawn)


def test_a_short_due_list_reads_as_it_did(tmp_path: Path) -> None:
    """Each teacher's children under a heading, the columns as wide as their widest cell
    (a Chinese character two cells), as rich's Table drew them."""
    path = roster(tmp_path, 4)
    shown = run("due", path, "--as-of", "2024-11-20").stdout
    assert [line.rstrip() for line in shown.splitlines()] == [
        '王芳：1 名儿童有待办',
        '',
        '  学生     班级          重点   待办                                      最近联系                逾期',
        ' ──────────────────────────────────────────────────────────────────────────────────────────────────────',
        '  王梓萱   三年级(2)班          本月谈心、本学年送温暖；漏谈：9月、10月   2024-09-04（77 天前）   是',
        '',
        '欧阳明辉：2 名儿童有待办',
        '',
        '  学生     班级          重点         待办                                                  最近联系                逾期',
        ' ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        '  刘浩然   一年级(1)班   父母均外出   本月谈心、本学期家访、本学年送温暖；漏谈：9月、10月   本学年无记录（81 天）   是',
        '  张雨涵   一年级(1)班                本月谈心、本学年送温暖；漏谈：9月、10月               2024-10-02（49 天前）   是',
        '',
        '李强：1 名儿童有待办',
        '',
        '  学生     班级           重点         待办                                        最近联系                逾期',
        ' ───────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        '  李明轩   六年级(10)班   父母均外出   本学期家访、本学年送温暖；漏谈：9月、10月   2024-11-03（17 天前）   是',
        '',
        "截至 2024-11-20（2024年秋季学期）：结对儿童 4 名；本月未谈心 3 名，有月份漏谈 4 名，"
        "本学期未家访 2 名，本学年未送温暖 4 名，超过 30 天无任何联系 3 名；逾期 4 名",
    ]  # fmt: skip


def test_a_long_due_list_is_drawn_as_richs_table_draws_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three hundred children, a hundred a teacher: every line as rich's Table had it."""
    path = roster(tmp_path, 300)
    drawn = run("due", path, "--as-of", "2024-11-20")
    lines = drawn.stdout.splitlines()
    assert len(lines) > 300
    by_rich(monkeypatch)
    assert drawn.stdout == run("due", path, "--as-of", "2024-11-20").stdout
