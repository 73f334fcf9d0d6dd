"""``lbc pair --out``: the pairs workbook a school prints, signs and files.

Three sheets: 结对名单 (by class, the list the head of department signs), 教师帮扶名单 (each
teacher with their children, for the staff room) and 未结对 (who still needs a teacher).
结对名单 keeps the headers lbc reads (学生姓名, 班级, 留守类型, 帮扶教师), so every command reads
the file back as the pairs in force (lbc/roster/pairs.py). 结对名单 and 未结对 end with hidden
columns, never printed: the child's ID number, where the child sits in the roster, what the
roster's 帮扶教师 column said and the day (what "the newest decision" is decided by), and the
child's birth date (what tells two namesakes without an ID number apart once rows move). They are
cells, not file properties, because cells are what survive a school re-saving the file in
Excel or WPS, or as .xls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

from lbc.documents.printable import fill_table
from lbc.messages import again, long_date, t
from lbc.output.files import set_text, write_atomic
from lbc.pairing.problem import ChildRow, Pairing
from lbc.roster.pairs import place

PAIRS_HEADER = (
    "序号",
    "班级",
    "学生姓名",
    "性别",
    "留守类型",
    "重点帮扶原因",
    "帮扶教师",
    "教师电话",
    "结对依据",
    "是否延续",
)
# Hidden, for reading the file back (see the module's docstring).
HIDDEN_HEADER = ("身份证号", "名册位置", "结对时名册帮扶教师", "结对日期", "出生日期")
TEACHERS_HEADER = ("序号", "教师姓名", "职务", "联系电话", "帮扶人数", "帮扶学生", "说明")
UNPAIRED_HEADER = ("序号", "班级", "学生姓名", "原因")


def write_pairs_book(out: Path, result: Pairing, school: str, inputs: Iterable[Path]) -> None:
    """Write the workbook atomically, owner-only, refusing to overwrite an input; in the
    current language, which a school's file is whatever ``--lang`` says (Chinese)."""
    wb = Workbook()
    # A county's: each row with the school it was paired in (Pair.school), which a folder of
    # schools' rosters says in no 学校 cell, else with its own 学校 cell (one school's
    # pairing of a roster whose cells name several).
    cells = {p.child.school for p in result.pairs} | {u.child.school for u in result.unpaired}
    several = bool(result.schools) or len(cells) > 1

    def with_school(header: Sequence[str], rows: list[list[object]], schools_of: list[str]):
        if not several:
            return header, rows
        return (header[0], "学校", *header[1:]), [
            [r[0], s, *r[1:]] for r, s in zip(rows, schools_of, strict=True)
        ]

    made = dt.date.today()

    def hidden(child: ChildRow, kept: bool = False) -> list[object]:
        # A pair kept is dated the day it began (ChildRow.began), not today: made again,
        # the workbook makes no old pair new (lbc due holds a new teacher from its day).
        where = place(child.file, child.sheet, child.row, out)
        day = (child.began if kept else None) or made
        return [child.ident, where, child.listed, day, child.born]

    rows = [
        [
            n,
            p.child.cls,
            p.child.name,
            p.child.gender,
            p.child.left_behind_type,
            "、".join(map(again, p.child.priority)),
            p.teacher.shown,
            p.teacher.phone,
            again(p.reason),
            t("pair.yes" if p.kept else "pair.no"),
            *hidden(p.child, p.kept),
        ]
        for n, p in enumerate(result.pairs, 1)
    ]
    header = PAIRS_HEADER + HIDDEN_HEADER
    header, rows = with_school(header, rows, [p.school or p.child.school for p in result.pairs])
    ws = wb.active
    ws.title = t("book.pairs")
    fill_table(ws, t("book.pairs_title", school=school), header, rows, len(HIDDEN_HEADER))
    # Who drew it up and checked it: a list a school files is signed.
    set_text(ws.cell(ws.max_row + 2, 1), t("book.sign", date=long_date(dt.date.today())))

    # Every teacher, those without a child too, with why: the staff room sees who is free.
    why_idle = {id(i.teacher): again(i.why) for i in result.idle}
    school_of = {id(i.teacher): i.school for i in result.idle}
    teachers, schools = [], []
    for n, (x, pairs) in enumerate(zip(result.teachers, result.loads().values(), strict=True), 1):
        # One child a line: three children and their classes read down a narrow column.
        # A child whose class is not known (empty, or a cell showing #N/A): her name alone.
        kids = "\n".join(
            f"{p.child.name}（{p.child.cls}）" if p.child.cls else p.child.name for p in pairs
        )
        teachers.append([n, x.shown, x.role, x.phone, len(pairs), kids, why_idle.get(id(x))])
        schools.append((pairs[0].school if pairs else school_of.get(id(x))) or x.school)
    header, teachers = with_school(TEACHERS_HEADER, teachers, schools)
    fill_table(
        wb.create_sheet(t("book.teachers")),
        t("book.teachers_title", school=school),
        header,
        teachers,
    )

    rows = [
        [n, u.child.cls, u.child.name, again(u.why), *hidden(u.child)]
        for n, u in enumerate(result.unpaired, 1)
    ]
    hide = HIDDEN_HEADER if rows else ()  # nobody unpaired: nothing to read back
    header = UNPAIRED_HEADER + hide
    header, rows = with_school(header, rows, [u.school or u.child.school for u in result.unpaired])
    fill_table(
        wb.create_sheet(t("book.unpaired")),
        t("book.unpaired_title", school=school),
        header,
        rows or [["", t("book.none")]],
        len(hide),
    )
    write_atomic(out, wb.save, inputs=inputs)
