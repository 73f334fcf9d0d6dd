"""``lbc record-sheets``: one workbook per support teacher, to fill in all term and hand back.

The 帮扶记录 sheet has the rows the school's quotas ask for already laid out (the child, the
kind and when it is owed), so a teacher writes only the date and what was done, and a blank
row is visibly a talk or a visit not yet made. Dropdowns for the kind and the child, a date
that must fall in the term, content of a sensible length: Excel refuses the typo before lbc
has to report it. The 结对儿童 sheet lists the teacher's children with the phones to call,
so the file is written owner-only. Both print on A4 with the header on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from lbc.documents.printable import fill_table, rows_that_grow
from lbc.messages import long_date, t
from lbc.output.files import write_atomic
from lbc.output.sheet_style import LINE_POINTS, PAGE_HEIGHT, print_scale, row_height
from lbc.reports.owed import Planned, SheetChild
from lbc.roster import dates
from lbc.roster import normalise as nz
from lbc.roster.fields import FIELDS, PLAN, Kind
from lbc.roster.record_sheets import CHILDREN_SHEET, RECORDS_SHEET

_LABEL = {f.key: f.label for f in FIELDS[Kind.RECORDS]}
RECORD_HEADER = (
    "序号",
    _LABEL["student"],
    _LABEL["class"],
    _LABEL["kind"],
    PLAN,
    _LABEL["date"],
    _LABEL["content"],
    _LABEL["teacher"],
)
WIDTHS = (6, 10, 14, 10, 12, 12, 48, 10)
# Beside 班级 on the sheets of a teacher with one of namesakes in a class (SheetChild.born).
BORN = _LABEL["birth_date"]
CHILDREN_HEADER = (
    "序号",
    "学生姓名",
    "班级",
    "性别",
    "监护人",
    "与儿童关系",
    "监护人电话",
    "父母电话",
    "重点帮扶原因",
)
CHILDREN_WIDTHS = (6, 10, 14, 6, 10, 10, 16, 28, 20)
# Blank rows below the laid-out ones, for records nobody planned: at least so many, and
# as many more as fill the page they end on (_spare_rows).
LEAST_SPARE = 10
TITLE_POINTS = 24  # the title row's height (fill_table)
MAX_CONTENT = 500  # characters of 内容: a paragraph, not an essay pasted by mistake

HANDWRITING = 30  # points: a row a teacher can write a date and a line into by pen


def write_record_book(
    out: Path,
    title: str,
    teacher: str,
    term: tuple[dt.date, dt.date],
    children: Sequence[SheetChild],
    planned: Sequence[Planned],
    inputs: Iterable[Path],
) -> None:
    """Write one teacher's workbook atomically and owner-only (it holds phones)."""
    wb = Workbook()
    ws = wb.active
    ws.title = RECORDS_SHEET
    rows = [
        [n, children[p.child].name, children[p.child].cls, p.kind, p.when, None, None, teacher]
        for n, p in enumerate(planned, 1)
    ]
    header, widths = RECORD_HEADER, WIDTHS
    if any(c.born for c in children):  # namesakes in one class: each row says which one
        header, widths = (*header[:3], BORN, *header[3:]), (*widths[:3], 12, *widths[3:])
        for row, p in zip(rows, planned, strict=True):
            row.insert(3, children[p.child].born)
    first_spare = len(rows) + 1
    for n in range(first_spare, first_spare + _spare_rows(rows, widths)):
        rows.append([n, *[None] * (len(header) - 2), teacher])
    _table(ws, title, header, widths, rows)
    last = len(rows) + 2
    letter = {h: get_column_letter(j) for j, h in enumerate(header, 1)}
    for i in range(3, last + 1):
        ws[f"{letter[_LABEL['date']]}{i}"].number_format = "yyyy-mm-dd"
        ws[f"{letter[_LABEL['content']]}{i}"].alignment = Alignment(wrap_text=True, vertical="top")
        if BORN in letter:  # 出生年月 known to the month only shows as one
            day = ws[f"{letter[BORN]}{i}"]
            day.number_format = (
                "yyyy-mm" if day.value.__class__ is dates.YearMonth else "yyyy-mm-dd"
            )
    start, end = term
    _validate(
        ws,
        f"{letter[_LABEL['kind']]}3:{letter[_LABEL['kind']]}{last}",
        type="list",
        formula1='"' + ",".join(nz.RECORD_KINDS) + '"',
        error=t("rs.bad_kind"),
    )
    _validate(
        ws,
        f"{letter[_LABEL['date']]}3:{letter[_LABEL['date']]}{last}",
        type="date",
        operator="between",
        formula1=f"DATE({start.year},{start.month},{start.day})",
        formula2=f"DATE({end.year},{end.month},{end.day})",
        error=t("rs.bad_date", start=long_date(start), end=long_date(end)),
    )
    _validate(
        ws,
        f"{letter[_LABEL['content']]}3:{letter[_LABEL['content']]}{last}",
        type="textLength",
        operator="lessThanOrEqual",
        formula1=str(MAX_CONTENT),
        error=t("rs.long_content", count=MAX_CONTENT),
        strict=False,
    )
    if children:  # another teacher's child may be written in: a warning, not a refusal
        _validate(
            ws,
            f"{letter[_LABEL['student']]}3:{letter[_LABEL['student']]}{last}",
            type="list",
            formula1=f"'{CHILDREN_SHEET}'!$B$3:$B${len(children) + 2}",
            error=t("rs.other_child"),
            strict=False,
        )

    kids = wb.create_sheet(CHILDREN_SHEET)
    _table(
        kids,
        # 李老师 is written in as a name: 李老师结对儿童, not 李老师老师结对儿童.
        t("rs.children_title", teacher=teacher.removesuffix("老师")),
        CHILDREN_HEADER,
        CHILDREN_WIDTHS,
        [
            [
                n,
                c.name,
                c.cls,
                c.gender,
                c.guardian,
                c.relation,
                c.guardian_phone,
                c.parent_phones,
                c.priority,
            ]
            for n, c in enumerate(children, 1)
        ],
    )
    for i in range(3, len(children) + 3):  # phones stay text: a number loses its zeros
        for col in ("G", "H"):
            kids[f"{col}{i}"].number_format = "@"
    write_atomic(out, wb.save, inputs=inputs)


def _spare_rows(planned: Sequence[Sequence[object]], widths: Sequence[int]) -> int:
    """How many blank rows to put below the ``planned`` ones: as many as fill the page
    they end on, LEAST_SPARE at the fewest (the next page filled too, when the last has
    room for fewer). A fixed 30 printed 7 laid-out rows on three pages, the third holding
    four blank rows. Pages are counted as Excel prints them (lbc.output.sheet_style): each
    headed by the header row, the first by the title too; a renderer fitting more rows to
    a page (LibreOffice shrinking wide columns) prints fewer, fuller pages, never a row
    more on a page of its own."""
    page = PAGE_HEIGHT / print_scale(widths) - LINE_POINTS  # below the header row
    room = page - TITLE_POINTS
    for row in planned:
        height = max(HANDWRITING, row_height(row, widths))
        if height > room:
            room = page
        room -= height
    spare = int(room // HANDWRITING)
    if spare < LEAST_SPARE:
        spare += int(page // HANDWRITING)
    return spare


def _validate(ws: Worksheet, cells: str, *, error: str, strict: bool = True, **rule: str) -> None:
    dv = DataValidation(
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        error=error,
        **rule,
    )
    dv.add(cells)
    ws.add_data_validation(dv)


def _table(
    ws: Worksheet,
    title: str,
    header: Sequence[str],
    widths: Sequence[int],
    rows: list[list[object]],
) -> None:
    """The printable table, its rows tall enough to write in by hand and growing with
    what is typed into them (a 内容 of three lines is printed whole), so printed on as
    many pages as they take."""
    fill_table(ws, title, header, rows, widths=widths)
    rows_that_grow(ws, range(3, len(rows) + 3), HANDWRITING)
    ws.page_setup.fitToHeight = 0
