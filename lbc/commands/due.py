"""``lbc due``: what each support teacher owes as of a day, for the weekly staff meeting.

Reads the same children, pairs and records as ``lbc summary`` through the same functions
(lbc.reports.owed), so the two never disagree. Exits 1 when anything is overdue: a month
gone by without a talk, or a child with no contact for longer than the quota allows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import as_list, h, language, t
from lbc.output.files import refuse_input_as_output
from lbc.output.formats import out_format, rich_table
from lbc.reports.owed import (
    Due,
    Owed,
    due,
    month_text,
    summary_line,
    table_header,
    table_rows,
)
from lbc.roster.people import priority_text
from lbc.roster.support import TALK, VISIT, WARMTH
from lbc.workspace.config import Quotas
from lbc.workspace.schools import run_school
from lbc.workspace.terms import (
    Dates,
    Term,
    each_schools_term,
    parse_term,
    term_of,
    term_of_its_own,
)

# Each code a script reads (priority: key_target;orphan …, owed: talk;home_visit;warmth,
# overdue: true/false, as lbc pair's kept) with its words beside it (priority_text,
# owed_text, overdue_text: what the table says of it), for
# the school reading the CSV in Excel, in the user's language.
CSV_COLUMNS = (
    "teacher",
    "child",
    "class",
    "birth_date",
    "priority",
    "priority_text",
    "owed",
    "owed_text",
    "missed_months",
    "talks_this_month",
    "visits",
    "warmth",
    "family_calls",
    "last_contact",
    "days_without_contact",
    "overdue",
    "overdue_text",
    "other_teachers",
)

# What is owed by code, in the JSON and the CSV alike, as the JSON's totals name it
# (no_talk_this_month, no_home_visit, no_warmth): the records' kinds are Chinese words a
# script should not have to match.
OWED_CODES = {TALK: "talk", VISIT: "home_visit", WARMTH: "warmth"}


@common.handle_errors
def due_command(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=h("as_of"), metavar="YYYY-MM-DD", show_default=False),
    ] = None,
    term: Annotated[
        str | None, typer.Option("--term", help=h("due_term"), show_default=False)
    ] = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help=h("due_out"), metavar="待办.xlsx", show_default=False),
    ] = None,
) -> None:
    """列出截至某日的帮扶待办。"""
    common.check_format(fmt)
    day = common.as_of_day(as_of)
    if out is not None:
        out_format(out, ("xlsx",))
    paths, cfg, runs = common.inputs(files, config)

    # The term --term names, else the one --as-of falls in, as each school dates it.
    def pick(dates: Dates | None) -> Term:
        return parse_term(term, dates) if term is not None else term_of(day, dates)

    chosen = pick(cfg.terms)
    if day < chosen.start:
        raise LbcError(t("err.as_of_before_term", date=day, term=chosen.label, start=chosen.start))
    inputs = common.read_files(paths, cfg)
    if out is not None:
        refuse_input_as_output(out, inputs)
    # The term --as-of falls in, when not named: a record's 10月13日 is of it, as the
    # summary of that term reads it.
    roster = common.read(paths, cfg, runs, term=pick)
    terms = each_schools_term(roster, cfg.terms, pick)
    result = due(roster, terms, cfg.quotas, day)
    common.note_own_terms(roster, terms)
    common.note_own_quotas(result.own_quotas, result.quotas)
    if not roster.records:
        common.note(t("due.note.no_records"))
    if result.unpaired:
        common.note(t("due.note.unpaired", count=result.unpaired))
    common.note_uncounted_records(
        roster, cfg.terms, result.unclear, result.unreadable_kinds, result.counted
    )
    if result.holidays:
        days = result.holidays_over  # the fewest allowed of the children it spared
        common.note(t("due.note.winter_break", count=result.holidays, days=days))
    if result.repaired:
        common.note(t("due.note.repaired", count=result.repaired))
    others = sum(c.other_teachers for c in result.children())
    if others:
        common.note(t("due.note.other_teacher", count=others))
    if out is not None:
        from lbc.documents.due_book import write_due_book  # openpyxl: only here

        with language("zh"):
            write_due_book(out, result, run_school(roster, cfg.school), inputs)
        common.note(t("due.written", path=out))
    common.emit(
        fmt,
        document=lambda: as_document(result),
        rows=lambda: csv_rows(result),
        columns=CSV_COLUMNS,
        table=lambda: print_table(result),
        bom=not no_bom,
        json_keys=json_keys,
    )
    raise typer.Exit(ExitStatus.found(result.overdue or roster.failed))


def _child(c: Owed) -> dict[str, object]:
    return {
        "child": c.name,
        "class": c.cls,
        "birth_date": c.born.isoformat() if c.born else None,
        # Codes a script reads (key_target, orphan, both_parents_away …), and their words.
        "priority": c.priority,
        "priority_text": [priority_text(code) for code in c.priority],
        # Codes a script reads (talk, home_visit, warmth), the same in every language, and
        # the list's words of each beside them in the run's language.
        "owed": [OWED_CODES[k] for k in c.owed],
        "owed_text": [t(f"due.owed.{k}") for k in c.owed],
        "missed_months": [month_text(m) for m in c.missed_months],
        "talks_this_month": c.talks_this_month,
        "visits": c.visits,
        "warmth": c.warmth,
        "family_calls": c.family_calls,
        "last_contact": str(c.last_contact) if c.last_contact else None,
        "days_without_contact": c.days_without_contact,
        "overdue": c.overdue,
        "other_teachers": c.other_teachers,
    }


def _quotas(quotas: Quotas) -> dict[str, int]:
    return {
        "talks_per_month": quotas.talks_per_month,
        "home_visits_per_term": quotas.home_visits_per_term,
        "warmth_per_year": quotas.warmth_per_year,
        "max_days_without_contact": quotas.max_days_without_contact,
    }


def as_document(result: Due) -> dict[str, object]:
    return {
        "as_of": result.as_of.isoformat(),
        "term": result.term.key,
        "quotas": _quotas(result.quotas),
        # The schools of a county counted by a term, or quotas, of their own lbc.toml.
        "own_terms": [term_of_its_own(*own) for own in result.own_terms],
        "own_quotas": [
            {"school": school, **_quotas(quotas)}
            for school, quotas in sorted(result.own_quotas.items())
        ],
        "summary": result.totals(),
        "teachers": [
            {"teacher": x[1], "school": result.schools[x], "children": [_child(c) for c in kids]}
            for x, kids in result.teachers.items()
        ],
    }


def csv_rows(result: Due) -> list[dict[str, object]]:
    rows = []
    labels = result.labels()
    for teacher, kids in result.teachers.items():
        for c in kids:
            row = _child(c)
            for key in ("priority_text", "owed_text", "missed_months"):
                row[key] = as_list(row[key])  # type: ignore[arg-type]
            for key in ("priority", "owed"):
                row[key] = ";".join(row[key])  # type: ignore[arg-type]
            row["overdue"] = "true" if c.overdue else "false"
            row["overdue_text"] = t("due.yes") if c.overdue else t("due.no")
            rows.append({"teacher": labels[teacher], **row})
    return rows


def print_table(result: Due) -> None:
    console = common.stdout()
    labels = result.labels()
    for teacher, kids in result.teachers.items():
        title = t("due.heading", teacher=labels[teacher], count=len(kids))
        common.show_table(console, rich_table(table_header(), table_rows(kids), title=title))
    if not result.teachers:
        console.print(t("due.none", date=result.as_of.isoformat()), markup=False)
    console.print(summary_line(result), markup=False)
