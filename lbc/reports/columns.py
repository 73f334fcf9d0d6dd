"""How lbc read each sheet: which column became which field, from which header cells, which
columns were read past and why, and how a coded column was read.

It is what a school runs first on a new file and what a county office runs before merging
hundreds of schools: a column read as the wrong field is a wrong answer about every child,
and only the people who know the file can see it.
"""

from __future__ import annotations

from typing import Any

from lbc.messages import t
from lbc.roster.canonical import IGNORED_OWN, Roster, Table
from lbc.roster.fields import TEACHER_PHONE_HEADER, Kind, field, guess_field
from lbc.roster.merged_books import whole_sheets


def _cells(table: Table, letter: str, group: str, lower: bool) -> list[str]:
    """The header cells a column's text comes from: its group above it, if any, and its own
    (in the lower of two header rows, or the upper one when it is merged down over both);
    none for a column at no letter (the 帮扶教师 pairs fill in a Parquet file of a sheet
    without one: lbc.reports.export.layout)."""
    if not letter:
        return []
    first, last = table.header_rows[0], table.header_rows[-1]
    own = f"{letter}{last if lower else first}"
    return [f"{letter}{first}", own] if group else [own]


def _why(table: Table, header: str, why: str) -> str:
    """Why a column was read past, as true of its sheet: a header of lbc's own pairs
    workbook is that workbook's column only on a pairs list; on any other sheet it is a
    school's own column that lbc does not read there (a 教师电话 beside 帮扶教师: a teacher's
    phone is read from the teachers list)."""
    if why != IGNORED_OWN or table.is_pairs:
        return why
    return "teacher_phone" if TEACHER_PHONE_HEADER in header else "own_elsewhere"


def numbered_sheets(table: Table) -> dict[str, Any]:
    """A table read back from numbered sheets (留守儿童花名册1, 2, …): each sheet's rows and
    what it hides, under its own name, as ``numbered_sheets``; nothing for any other table.
    The table's own ``hidden``, ``hidden_rows`` and ``filtered`` stay its first sheet's,
    whose name it goes by: a script reading them of a sheet gets that sheet's rows."""
    if table.sheet_marks is None:
        return {}
    return {
        "numbered_sheets": [
            {
                "sheet": mark.sheet,
                "rows": mark.rows,
                "hidden": mark.hidden,
                "hidden_rows": list(mark.hidden_rows),
                "filtered": mark.filtered,
            }
            for mark in table.sheet_marks
        ]
    }


def describe_table(table: Table) -> dict[str, Any]:
    """One sheet as `lbc columns` shows it, columns in sheet order."""
    columns: list[dict[str, Any]] = []
    read_from: dict[str, str] = {}  # letter -> the field first read from it
    # A second guardian's column her set alone has (Column.second_only) is listed as hers,
    # with the columns read where the first guardian's are empty (Table.ignored).
    read = {key: col for key, col in table.columns.items() if not col.second_only}
    for key, col in read.items():
        read_from.setdefault(col.letter, key)
    for key, col in read.items():
        derived = read_from[col.letter] if read_from[col.letter] != key else None
        # A group of columns to tick: one entry per choice (a field read from another
        # column, once, beside that column's first choice).
        choices = col.ticks[:1] if derived else col.ticks
        for letter, header, option in [
            (letter, col.group + choice, choice) for _, letter, choice in choices
        ] or [(col.letter, col.label, None)]:
            entry = {
                "column": letter,
                "header": header,
                "header_cells": _cells(table, letter, col.group, col.lower),
                "field": key,
                "label": field(table.kind, key).label,
                "read_from": derived,
                "coding": table.codings.get(key),
                "option": option,
            }
            columns.append(entry)
    ignored = [
        {
            "column": letter,
            "header": header,
            "header_cells": _cells(table, letter, "", lower),
            "why": _why(table, header, why),
            "guess": guess.key
            if why == "unknown" and (guess := guess_field(table.kind, header))
            else None,
        }
        for letter, header, why, lower in table.ignored
    ]
    order = {letter: (not letter, len(letter), letter) for letter in {c["column"] for c in columns}}
    columns.sort(key=lambda c: (order[c["column"]], c["read_from"] is not None))
    ignored.sort(key=lambda c: (len(c["column"]), c["column"]))
    return {
        "sheet": table.sheet,
        "kind": str(table.kind),
        "header_rows": list(table.header_rows),
        "rows": len(table),
        "hidden": table.hidden,  # the workbook hides the sheet (read all the same)
        # The rows the sheet hides (by hand, or a filter in force: "filtered"), read all the
        # same, as Excel numbers them.
        "hidden_rows": list(table.hidden_rows),
        "filtered": table.filtered,
        **numbered_sheets(table),
        # A records sheet without a 类型 column: its kind and what named it (its name, or
        # the title above its header), else None.
        "kind_from": dict(zip(("source", "kind"), table.kind_from, strict=True))
        if table.kind_from
        else None,
        # A children sheet without a 班级 column: what named every row's class (its name,
        # the title above its header, or the class headings over its rows) and the class
        # (None for the headings'), else None.
        "class_from": {"source": table.class_from[0], "class": table.class_from[1] or None}
        if table.class_from
        else None,
        "columns": columns,
        "ignored": ignored,
    }


def describe_roster(roster: Roster) -> list[dict[str, Any]]:
    """Every file read: its sheets described (``pairs``: a pairs list, read as the pairs in
    force, not as children), and the sheets that are no roster."""
    tables = [*whole_sheets(roster.tables()), *roster.pairs]
    return [
        {
            "file": name,
            "sheets": [
                {**describe_table(tbl), "pairs": tbl.is_pairs} for tbl in tables if tbl.file == name
            ],
            "skipped_sheets": [sheet for file, sheet in roster.skipped if file == name],
        }
        for name in roster.files
    ]


def note_for(kind: Kind, entry: dict[str, Any]) -> str:
    """What a reader should know about one column, in words: the field it was read for
    besides its own, the coding its codes were read by, or why it was read past."""
    if "why" in entry:
        if entry["guess"]:
            label = field(kind, entry["guess"]).label
            return t("columns.why.guess", label=label, key=entry["guess"], header=entry["header"])
        return t(f"columns.why.{entry['why']}")
    words = []
    if entry["read_from"]:
        words.append(t("columns.read_from", label=field(kind, entry["read_from"]).label))
    if entry["coding"]:
        words.append(t(f"columns.coding.{entry['coding']}"))
    if entry["option"]:
        words.append(t("columns.option", option=entry["option"]))
    return t("columns.sep").join(words)
