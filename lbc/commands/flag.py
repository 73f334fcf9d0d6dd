"""``lbc flag``: who is missing a required contact, grouped by class for head teachers."""

from __future__ import annotations

import typer

from lbc.commands import common
from lbc.errors import ExitStatus
from lbc.messages import as_list, t
from lbc.output.formats import rich_table
from lbc.output.privacy import Privacy
from lbc.reports.classes import overlap_note
from lbc.reports.flag import FlagReport, flag

CSV_COLUMNS = ("class", "head_teacher", "name", "file", "sheet", "row", "missing", "missing_text")


@common.handle_errors
def flag_command(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """列出缺少必需联系方式的儿童和教师，按班级分组。"""
    common.check_format(fmt)
    paths, cfg, runs = common.inputs(files, config)
    roster = common.read(paths, cfg, runs)
    report = flag(roster)
    common.note_untyped(report.untyped, t("flag.untyped"))
    privacy = Privacy(show_pii, names_in_full=True)  # the families to call: names whole
    # With nobody in it a roster is "all reachable": say so instead, and fail the run.
    nobody = not any(len(tbl) for tbl in roster.children)
    if nobody and fmt != "table":
        common.note(t("flag.no_children"))
    common.emit(
        fmt,
        document=lambda: as_document(report, privacy),
        rows=lambda: csv_rows(report, privacy),
        columns=CSV_COLUMNS,
        table=lambda: print_table(report, privacy, nobody, len(roster.failed)),
        bom=not no_bom,
        json_keys=json_keys,
    )
    found = report.children_count or report.teachers or report.untyped or report.unseen
    found = found or roster.failed or nobody
    raise typer.Exit(ExitStatus.found(found))


def as_document(report: FlagReport, privacy: Privacy) -> dict[str, object]:
    return {
        "summary": {
            "children": report.children_count,
            "teachers": len(report.teachers),
            "untyped": len(report.untyped),
            "unseen": report.unseen,
        },
        # Why the classes list more children than summary.children, as lbc summary's JSON
        # says why its schools' rows add up to more than its total; null when they do not.
        "schools_note": overlap_note(report.again),
        "classes": [
            {
                "class": g.cls,
                "head_teachers": [privacy.name(n) for n in g.head_teachers],
                "children": [
                    {
                        "name": privacy.name(c.name),
                        "file": c.file,
                        "sheet": c.sheet,
                        "row": c.row,
                        "left_behind_type": c.left_behind_type,
                        "missing": c.missing,
                        "missing_text": c.missing_text,
                    }
                    for c in g.children
                ],
            }
            for g in report.classes
        ],
        "teachers": [
            {
                "name": privacy.name(x.name),
                "file": x.file,
                "sheet": x.sheet,
                "row": x.row,
                "missing": ["phone"],
            }
            for x in report.teachers
        ],
    }


def csv_rows(report: FlagReport, privacy: Privacy) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for g in report.classes:
        for c in g.children:
            rows.append(
                {
                    "class": g.cls,
                    "head_teacher": as_list(map(privacy.name, g.head_teachers)),
                    "name": privacy.name(c.name),
                    "file": c.file,
                    "sheet": c.sheet,
                    "row": c.row,
                    "missing": ";".join(c.missing),
                    "missing_text": as_list(c.missing_text),
                }
            )
    for x in report.teachers:
        rows.append(
            {
                "class": "",
                "head_teacher": "",
                "name": privacy.name(x.name),
                "file": x.file,
                "sheet": x.sheet,
                "row": x.row,
                "missing": "phone",
                "missing_text": t("flag.teacher_phone"),
            }
        )
    return rows


def print_table(report: FlagReport, privacy: Privacy, nobody: bool, left_out: int) -> None:
    """The classes' lists and the teachers', then the count; ``left_out``: how many files
    could not be read (said in a note above), whose children an all-clear must not cover."""
    console = common.stdout()
    headers = [t("out.col.row"), t("out.col.name"), t("out.col.missing")]
    for g in report.classes:
        title = common.class_heading(
            "flag.heading", g.cls, g.head_teachers, len(g.children), privacy
        )
        rows = [(c.row, privacy.name(c.name), as_list(c.missing_text)) for c in g.children]
        common.show_table(console, rich_table(headers, rows, title=title))
    if report.teachers:
        title = t("flag.teachers_heading", count=len(report.teachers))
        rows = [(x.row, privacy.name(x.name), t("flag.teacher_phone")) for x in report.teachers]
        common.show_table(console, rich_table(headers, rows, title=title))
    if nobody:
        console.print(t("flag.no_children"), markup=False)
    elif not report.classes and not report.teachers:
        if left_out and not (report.untyped or report.unseen):
            console.print(t("flag.none_left_out", count=left_out), markup=False)
            return
        if report.none_judged:
            said = "flag.none_judged"
        elif report.untyped:
            said = "flag.none_typed"
        else:
            said = "flag.none_unseen" if report.unseen else "flag.none"
        console.print(t(said), markup=False)
        if report.unseen:
            console.print(t("flag.unseen", count=report.unseen), markup=False)
        if left_out:
            console.print(t("out.left_out_unchecked", count=left_out), markup=False)
    else:
        if note := overlap_note(report.again):
            console.print(note, markup=False)
        console.print(
            t("flag.summary", children=report.children_count, teachers=len(report.teachers)),
            markup=False,
        )
        if report.unseen:
            console.print(t("flag.unseen", count=report.unseen), markup=False)
