"""``lbc watch --out``: the watch list a school prints for its head teachers and files.

One sheet, by class, with the reasons in words; owner-only (0600), as it names children and
their situation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

from lbc.documents.printable import fill_table, note_below
from lbc.messages import again, long_date, t
from lbc.output.files import set_text, write_atomic
from lbc.output.privacy import Privacy
from lbc.reports.classes import overlap_note
from lbc.reports.watch import WatchReport

WATCH_HEADER = ("序号", "班级", "班主任", "学生姓名", "帮扶教师", "关注分", "关注原因")


def write_watch_book(
    out: Path, report: WatchReport, school: str, inputs: Iterable[Path], privacy: Privacy
) -> None:
    """Write the workbook atomically, owner-only, refusing to overwrite an input. Its cells
    are as ``privacy`` prints them, as on the terminal: the list is handed to head teachers,
    and a number typed into an address or a guardian's name (住址 … 房东电话138…) is no
    part of why a child is on it."""
    rows: list[list[object]] = []
    for group in report.classes:
        for w in group.children:
            reasons = "；".join(privacy.text(again(r.message)) for r in w.reasons)
            heads = "、".join(map(privacy.name, group.head_teachers))
            name, teacher = privacy.name(w.name), privacy.name(w.support_teacher)
            cls = privacy.text(group.cls)
            rows.append([len(rows) + 1, cls, heads, name, teacher, w.score, reasons])
    wb = Workbook()
    ws = wb.active
    ws.title = t("book.watch")
    title = t("book.watch_title", school=school, date=long_date(report.as_of))
    fill_table(ws, title, WATCH_HEADER, rows or [["", t("book.none")]], long_last=True)
    if note := overlap_note(report.again):  # its rows number more than the children on it
        note_below(ws, note, len(WATCH_HEADER))
    set_text(ws.cell(ws.max_row + 2, 1), t("book.sign", date=long_date(dt.date.today())))
    write_atomic(out, wb.save, inputs=inputs)
