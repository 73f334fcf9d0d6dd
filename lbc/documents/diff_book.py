"""``lbc diff --out``: the change log a school files each term (动态管理台账).

Three sheets, 新增, 离开 and 信息变更, with full values: the file is the school's record of
what changed, written owner-only like every file lbc writes that holds phone numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from lbc.messages import t
from lbc.output.files import set_text, write_atomic
from lbc.reports.diff import RosterDiff, describe, label

ROWS_HEADER = ("序号", "班级", "姓名", "工作表", "行")
CHANGES_HEADER = ("序号", "班级", "姓名", "行", "变更项目", "原内容", "现内容", "对应依据")


def write_changes_book(out: Path, found: RosterDiff, inputs: Iterable[Path]) -> None:
    wb = Workbook()
    sheets = [(wb.active, t("book.added"), found.added), (None, t("book.gone"), found.gone)]
    for ws, title, rows in sheets:
        ws = ws or wb.create_sheet()
        ws.title = title
        ws.append(ROWS_HEADER)
        for n, row in enumerate(rows, 1):
            w = describe(row)
            _append(ws, [n, w["class"], w["child"], w["sheet"], w["row"]])
    ws = wb.create_sheet(t("book.changed"))
    ws.append(CHANGES_HEADER)
    n = 0
    for m in found.changed():
        w = describe(m.new)
        for c in m.changes:
            n += 1
            _append(
                ws,
                [n, w["class"], w["child"], w["row"], label(c.field), c.old, c.new,
                 t(f"diff.by.{m.rule}")],
            )  # fmt: skip
    write_atomic(out, wb.save, inputs=inputs)


def _append(ws, values: list[object]) -> None:
    row = ws.max_row + 1
    for j, value in enumerate(values, 1):
        set_text(ws.cell(row, j), value)
