"""``lbc diff --out``: the change log a school files each term (动态管理台账).

Three sheets, 新增, 离开 and 信息变更, with full values as each roster's cell holds them (the
change was found on normalised values; what was written is what the school typed, or what
lbc read where the typed cells alone are alike: a class whose grade is a column of its own,
二年级 | 1班 → 四年级 | 1班, is written 二年级(1)班 → 四年级(1)班): the file is the school's
record of what changed, written owner-only like every file lbc writes that holds phone
numbers, and printed as every workbook lbc writes (lbc.output.sheet_style).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from lbc.messages import t
from lbc.output.files import set_list_text, write_atomic
from lbc.output.sheet_style import column_widths, pages_high, style_sheet
from lbc.roster.changes import RosterDiff, Row, label

ROWS_HEADER = ("序号", "班级", "姓名", "工作表", "行")
CHANGES_HEADER = ("序号", "班级", "姓名", "行", "变更项目", "原内容", "现内容", "对应依据")


def write_changes_book(out: Path, found: RosterDiff, inputs: Iterable[Path]) -> None:
    wb = Workbook()
    sheets = [(wb.active, t("book.added"), found.added), (None, t("book.gone"), found.gone)]
    for ws, title, rows in sheets:
        ws = ws or wb.create_sheet()
        ws.title = title
        lines = []
        for n, row in enumerate(rows, 1):
            w = found.describe(row)
            lines.append([n, w["class"], w["child"], w["sheet"], w["row"]])
        _fill(ws, ROWS_HEADER, lines, title)
    columns: dict[tuple[int, str], list[Any]] = {}

    def written(row: Row, key: str) -> Any:
        """The cell as its roster holds it; each column read once, however many changes."""
        table, i = row
        column = columns.get((id(table), key))
        if column is None:
            column = columns[(id(table), key)] = table.written(key)
        return column[i]

    lines = []
    for m in found.changed():
        w = found.describe(m.new)
        for c in m.changes:
            old, new = written(m.old, c.field), written(m.new, c.field)
            if old == new or (c.field == "class" and _grade_apart(m.old, m.new)):
                # 年级 | 班级: the cells alone say 1班 → 1班, or 1班 → 2班 of a grade skipped
                old, new = c.old, c.new
            elif c.field == "id_number":
                old, new = _id_text(old, c.old), _id_text(new, c.new)
            # Each side said as lbc diff prints it (a formula's error, a grade lost …).
            old, new = c.said(0, old), c.said(1, new)
            lines.append(
                [len(lines) + 1, w["class"], w["child"], w["row"], label(c.field), old, new,
                 t(f"diff.by.{m.rule}")]
            )  # fmt: skip
    _fill(wb.create_sheet(t("book.changed")), CHANGES_HEADER, lines, t("book.changed"))
    write_atomic(out, wb.save, inputs=inputs)


def _id_text(written: Any, shown: str | None) -> Any:
    """An ID number as the change log writes it: as typed, or, of a number cell that lost
    its last digits, the digits it kept (511321201605012000) as text, since IDs lbc writes
    stay text, never a number Excel shows as 5.11321E+17 (said unreadable: Change.said)."""
    return written if written is None or isinstance(written, str) else shown


def _grade_apart(*rows: Row) -> bool:
    """Whether either roster keeps the grade in a column of its own (年级 | 班级), so that
    its 班级 cell alone does not say the class."""
    return any("grade" in table.raw for table, _ in rows)


def _fill(ws: Worksheet, header: Sequence[str], rows: list[list[Any]], part: str) -> None:
    """The table, printed under a heading on each page that says which part of the log it
    is: the three sheets' pages are otherwise alike on paper, 新增 and 离开 column for
    column."""
    ws.oddHeader.center.text = t("book.changes_heading", part=part)
    ws.append(list(header))
    for i, values in enumerate(rows, 2):
        for j, value in enumerate(values, 1):
            set_list_text(ws.cell(i, j), value)
    widths = column_widths(header, rows)
    style_sheet(ws, 1, widths, pages_high(widths, rows))
