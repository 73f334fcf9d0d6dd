"""``lbc columns [FILE …]``: how lbc read each sheet, column by column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from lbc.commands import common
from lbc.errors import ExitStatus
from lbc.messages import as_list, rows_listed, t
from lbc.output.formats import rich_table
from lbc.reports.columns import describe_roster, note_for
from lbc.roster.canonical import (
    IGNORED_GUARDIAN_MORE,
    IGNORED_SAYS_LESS,
    IGNORED_SECOND_GUARDIAN,
    IGNORED_WHERE_EMPTY,
)
from lbc.roster.fields import Kind

if TYPE_CHECKING:
    from rich.console import Console

CSV_COLUMNS = ("file", "sheet", "column", "header", "header_cells", "field", "note")
# What a column read only where another's cell is empty is read as, in its 读作字段 cell.
_READ_WHERE_EMPTY = {
    IGNORED_SAYS_LESS: "columns.where_empty",
    IGNORED_SECOND_GUARDIAN: "columns.where_guardian_empty",
    IGNORED_GUARDIAN_MORE: "columns.where_guardian_more",
    IGNORED_WHERE_EMPTY: "columns.where_before_empty",
}


@common.handle_errors
def columns(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
) -> None:
    """说明每个工作表是怎样读的。"""
    common.check_format(fmt)
    paths, cfg, runs = common.inputs(files, config)
    roster = common.read(paths, cfg, runs, notes=False, lists_alone=True)
    described = describe_roster(roster)
    common.emit(
        fmt,
        document=lambda: {"files": described},
        rows=lambda: _rows(described),
        columns=CSV_COLUMNS,
        table=lambda: _print(described, set(roster.unnamed_records)),
        bom=not no_bom,
        json_keys=json_keys,
    )
    raise typer.Exit(ExitStatus.DONE)


def _lines(sheet: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """One sheet's columns as (column, header, header cells, read as, note), in sheet order,
    read and not read alike."""
    kind = Kind(sheet["kind"])
    lines = [
        (
            c["column"],
            c["header"],
            as_list(c["header_cells"]),
            f"{c['label']} ({c['field']})",
            note_for(kind, c),
        )
        for c in sheet["columns"]
    ]
    lines += [
        (
            c["column"],
            c["header"],
            as_list(c["header_cells"]),
            t(_READ_WHERE_EMPTY.get(c["why"], "columns.not_read")),
            note_for(kind, c),
        )
        for c in sheet["ignored"]
    ]
    return sorted(lines, key=lambda line: (not line[0], len(line[0]), line[0]))


def _rows(described: list[dict[str, Any]]) -> list[dict[str, object]]:
    return [
        {
            "file": entry["file"],
            "sheet": sheet["sheet"],
            **dict(zip(CSV_COLUMNS[2:], line, strict=True)),
        }
        for entry in described
        for sheet in entry["sheets"]
        for line in _lines(sheet)
    ]


def _print_marks(console: Console, sheet: dict[str, Any]) -> None:
    """Whether the sheet is hidden and the rows it hides; of a table read back from
    numbered sheets, each sheet's under its own name, with its rows (the heading names the
    first sheet and counts them all)."""
    numbered = "numbered_sheets" in sheet
    prefix = "columns.numbered." if numbered else "columns."
    for mark in sheet.get("numbered_sheets", [sheet]):
        own = {"sheet": mark["sheet"], "count": mark["rows"]} if numbered else {}
        if mark["hidden"]:
            console.print(t(prefix + "hidden", **own), markup=False)
        if hidden := mark["hidden_rows"]:
            key = prefix + ("hidden_rows.filtered" if mark["filtered"] else "hidden_rows")
            own = {"sheet": mark["sheet"]} if numbered else {}
            words = t(key, rows=rows_listed(hidden), count=len(hidden), **own)
            console.print(words, markup=False)


def _print(described: list[dict[str, Any]], teacherless: set[tuple[str, str]]) -> None:
    """Each sheet's columns as read; a sheet passed over said why: ``teacherless`` (file,
    sheet) has records' columns but names no teacher (Roster.unnamed_records), which the
    school mends by adding the column, not by being told it holds no list."""
    console = common.stdout()
    headers = [t(f"columns.col.{c}") for c in ("column", "header", "cells", "field", "note")]
    for entry in described:
        for sheet in entry["sheets"]:
            title = t(
                "columns.heading",
                file=entry["file"],
                sheet=sheet["sheet"],
                kind=t("columns.kind.pairs" if sheet["pairs"] else f"columns.kind.{sheet['kind']}"),
                rows=as_list(map(str, sheet["header_rows"])),
                count=sheet["rows"],
            )
            common.show_table(console, rich_table(headers, _lines(sheet), title=title))
            _print_marks(console, sheet)
            if sheet["kind_from"]:
                said = sheet["kind_from"]
                console.print(t(f"columns.kind_from.{said['source']}", kind=said["kind"]))
            if sheet["class_from"]:
                said = sheet["class_from"]
                console.print(t(f"columns.class_from.{said['source']}", cls=said["class"]))
        for name in entry["skipped_sheets"]:
            key = (
                "columns.no_teacher" if (entry["file"], name) in teacherless else "columns.skipped"
            )
            console.print(t(key, file=entry["file"], sheet=name), markup=False)
