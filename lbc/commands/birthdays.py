"""``lbc birthdays``: whose birthday is in the month, by class, for the class to celebrate."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import as_list, h, t
from lbc.output.formats import rich_table
from lbc.output.privacy import Privacy
from lbc.reports.birthdays import Birthday, birthdays
from lbc.reports.classes import ClassGroup
from lbc.roster import dates
from lbc.roster.people import untyped

CSV_COLUMNS = ("class", "head_teacher", "name", "birth_date", "turns", "support_teacher", "row")


@common.handle_errors
def birthdays_command(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    month: Annotated[
        int | None, typer.Option("--month", "-m", help=h("birthdays_month"), show_default=False)
    ] = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
) -> None:
    """列出某月过生日的留守儿童，按班级分组。"""
    common.check_format(fmt)
    today = dt.date.today()
    month = today.month if month is None else month
    if not 1 <= month <= 12:
        raise LbcError(t("err.bad_month", month=month))
    paths, cfg, runs = common.inputs(files, config)
    roster = common.read(paths, cfg, runs)
    # The year the birthdays fall in: this year's, or next year's for a month already past.
    year = today.year if month >= today.month else today.year + 1
    groups, undated, torn = birthdays(roster, month, year)
    common.note_untyped(untyped(roster.children), t("birthdays.untyped"))
    common.note_rows("birthdays.undated", undated)
    common.note_rows("birthdays.torn", torn, month=month)
    privacy = Privacy(names_in_full=True)  # a list the class acts on: names whole
    common.emit(
        fmt,
        document=lambda: as_document(groups, month, privacy),
        rows=lambda: csv_rows(groups, privacy),
        columns=CSV_COLUMNS,
        table=lambda: print_table(groups, month, privacy),
        bom=not no_bom,
        json_keys=json_keys,
    )
    raise typer.Exit(ExitStatus.found(roster.failed))


def _child(b: Birthday, privacy: Privacy) -> dict[str, object]:
    return {
        "name": privacy.name(b.name),
        "birth_date": str(b.born),  # 2015-03 when only the month is known
        "turns": b.turns,
        "support_teacher": privacy.name(b.support_teacher) or None,
        "file": b.file,
        "sheet": b.sheet,
        "row": b.row,
    }


def as_document(
    groups: list[ClassGroup[Birthday]], month: int, privacy: Privacy
) -> dict[str, object]:
    return {
        "month": month,
        "children": sum(len(g.children) for g in groups),
        "classes": [
            {
                "class": privacy.text(g.cls),
                "head_teachers": [privacy.name(n) for n in g.head_teachers],
                "children": [_child(b, privacy) for b in g.children],
            }
            for g in groups
        ],
    }


def csv_rows(groups: list[ClassGroup[Birthday]], privacy: Privacy) -> list[dict[str, object]]:
    return [
        {
            "class": privacy.text(g.cls),
            "head_teacher": as_list(map(privacy.name, g.head_teachers)),
            **{k: v for k, v in _child(b, privacy).items() if k in CSV_COLUMNS},
        }
        for g in groups
        for b in g.children
    ]


def print_table(groups: list[ClassGroup[Birthday]], month: int, privacy: Privacy) -> None:
    console = common.stdout()
    headers = [
        t("out.col.name"),
        t("birthdays.col.day"),
        t("birthdays.col.turns"),
        t("birthdays.col.teacher"),
    ]
    for g in groups:
        title = common.class_heading(
            "birthdays.heading", privacy.text(g.cls), g.head_teachers, len(g.children), privacy
        )
        rows = [
            (
                privacy.name(b.name),
                t("birthdays.month_only", month=b.born.month)
                if b.born.__class__ is dates.YearMonth
                else t("birthdays.day", month=b.born.month, day=b.born.day),
                b.turns,
                privacy.name(b.support_teacher) or "-",
            )
            for b in g.children
        ]
        common.show_table(console, rich_table(headers, rows, title=title))
    count = sum(len(g.children) for g in groups)
    console.print(t("birthdays.summary", month=month, count=count), markup=False)
