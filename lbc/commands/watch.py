"""``lbc watch``: the children who need attention now (重点关注名单), with every reason."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus
from lbc.messages import as_groups, as_list, h, language, t
from lbc.output.files import refuse_input_as_output
from lbc.output.formats import out_format, rich_table
from lbc.output.privacy import Privacy
from lbc.reports.classes import overlap_note
from lbc.reports.watch import WatchReport, watch_report
from lbc.workspace.schools import run_school
from lbc.workspace.terms import term_of

CSV_COLUMNS = (
    "class",
    "head_teacher",
    "name",
    "support_teacher",
    "file",
    "sheet",
    "row",
    "score",
    "codes",
    "reasons",
)


@common.handle_errors
def watch_command(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help=h("watch_previous"), metavar="PATH", show_default=False),
    ] = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("watch_out"), metavar="WATCH.xlsx", show_default=False),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=h("watch_as_of"), metavar="YYYY-MM-DD", show_default=False),
    ] = None,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """列出需要重点关注的儿童及全部原因。"""
    common.check_format(fmt)
    if out is not None:
        out_format(out, ("xlsx",))
    paths, cfg, runs = common.inputs(files, config)
    inputs = common.read_files(paths, cfg, previous)
    if out is not None:  # before the work, not after it
        refuse_input_as_output(out, inputs)
    day = common.as_of_day(as_of)
    # WCH012: the pairs in force. A record's 11月12日 is of the term of the day, as lbc due
    # reads it.
    roster = common.read(
        paths, cfg, runs, pairs_matter=True, term=lambda dates: term_of(day, dates)
    )
    last_term = common.previous_term(previous, config, cfg)
    report = watch_report(roster, cfg.watch, day, last_term)
    common.note_untyped(report.untyped, t("watch.untyped"))
    common.note_own_watch(report.own)
    if report.unclear is not None:  # the days without contact count: what they cannot see
        common.note_uncounted_records(roster, cfg.terms, report.unclear, counted=report.counted)
    privacy = Privacy(show_pii, names_in_full=True)  # the children to look after: names whole
    if out is not None:
        from lbc.documents.watch_book import write_watch_book  # openpyxl is only needed here

        with language("zh"):  # a school's file: Chinese whatever --lang says
            write_watch_book(out, report, run_school(roster, cfg.school), inputs, privacy)
        common.note(t("watch.written", path=out))
    common.emit(
        fmt,
        document=lambda: as_document(report, privacy),
        rows=lambda: csv_rows(report, privacy),
        columns=CSV_COLUMNS,
        table=lambda: print_table(report, privacy),
        bom=not no_bom,
        json_keys=json_keys,
    )
    # Children it could not judge (their 留守类型 unreadable) are not "no child to watch":
    # exit 1, as lbc flag's for the contacts it could not check.
    raise typer.Exit(ExitStatus.found(report.count or report.untyped or roster.failed))


def as_document(report: WatchReport, privacy: Privacy) -> dict[str, object]:
    return {
        "summary": {
            "children": report.count,
            "threshold": report.threshold,
            # The schools of a county drawn by their own lbc.toml's [watch], where it differs.
            "schools": [{"school": school, **unlike} for school, unlike in report.own.items()],
            # The children not assessed, 留守类型 empty or unreadable, as lbc flag's JSON
            # says them: a county's 0 listed is not "nobody to watch" where they are many.
            "untyped": len(report.untyped),
        },
        # Why the classes list more children than summary.children, as lbc summary's JSON
        # says why its schools' rows add up to more than its total; null when they do not.
        "schools_note": overlap_note(report.again),
        "classes": [
            {
                "class": privacy.text(g.cls),
                "head_teachers": [privacy.name(n) for n in g.head_teachers],
                "children": [
                    {
                        "name": privacy.name(w.name),
                        "file": w.table.file,
                        "sheet": w.table.sheet_at(w.i),
                        "row": w.row,
                        "support_teacher": privacy.name(w.support_teacher) or None,
                        "score": w.score,
                        "reasons": [
                            {
                                "code": r.rule.code,
                                "weight": r.weight,
                                "field": r.field,
                                **dict(zip(("file", "sheet", "row"), w.cell(r), strict=True)),
                                "column": r.column,
                                "message": privacy.text(r.message),
                            }
                            for r in w.reasons
                        ],
                    }
                    for w in g.children
                ],
            }
            for g in report.classes
        ],
    }


def csv_rows(report: WatchReport, privacy: Privacy) -> list[dict[str, object]]:
    return [
        {
            "class": privacy.text(g.cls),
            "head_teacher": as_list(map(privacy.name, g.head_teachers)),
            "name": privacy.name(w.name),
            "support_teacher": privacy.name(w.support_teacher),
            "file": w.table.file,
            "sheet": w.table.sheet_at(w.i),
            "row": w.row,
            "score": w.score,
            "codes": ";".join(r.rule.code for r in w.reasons),
            "reasons": as_groups(privacy.text(r.message) for r in w.reasons),
        }
        for g in report.classes
        for w in g.children
    ]


def print_table(report: WatchReport, privacy: Privacy) -> None:
    console = common.stdout()
    headers = [t("out.col.row"), t("out.col.name"), t("watch.col.score"), t("watch.col.reasons")]
    for g in report.classes:
        title = common.class_heading(
            "watch.heading", privacy.text(g.cls), g.head_teachers, len(g.children), privacy
        )
        rows = [
            (
                w.row,
                privacy.name(w.name),
                w.score,
                "\n".join(  # a reason a line, the support teacher last
                    [
                        *(privacy.text(r.message) for r in w.reasons),
                        t("watch.support", name=privacy.name(w.support_teacher) or "-"),
                    ]
                ),
            )
            for w in g.children
        ]
        common.show_table(console, rich_table(headers, rows, title=title))
    # A county's schools drawn by their own [watch]: the run's threshold is not theirs.
    own = {"schools": as_list(report.own)} if report.own else {}
    if note := overlap_note(report.again):
        console.print(note, markup=False)
    key = ("watch.summary" if report.count else "watch.none") + (".own" if own else "")
    console.print(t(key, count=report.count, threshold=report.threshold, **own), markup=False)
