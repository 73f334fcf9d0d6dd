"""The canonical tables as analysts take them: one column per canonical key, each row with
its school and the file, sheet and Excel row it came from.

One shape serves ``lbc export``, ``lbc merge --out x.parquet`` and the Python API
(``lbc.read``): per table the lead columns, then every key of the merged roster's layout
(lbc.reports.merged_layout.LAYOUT), values as a person reads them (nz.display: 三年级(2)班,
2016-05-01, what an unreadable cell held), empty as null. A Parquet or CSV file holds the
three tables stacked, the first column ``table`` saying which, so that one file is one
roster: read back alone, nothing of it is silently missing. Each source sheet's column
letters and labels go into the Parquet metadata, so findings on the file point at the
school's own cells (lbc.roster.parquet).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING, Any

from lbc.reports.merged_layout import LAYOUT, lacked_at
from lbc.roster import normalise as nz
from lbc.roster import phones
from lbc.roster.canonical import NORMALISERS, Roster, Table, kept_as_typed
from lbc.roster.fields import Kind
from lbc.roster.merged_books import any_filled, piece_school
from lbc.roster.parquet import (
    COLUMN_ROWS,
    LACKS_AT,
    LACKS_ROWS,
    LACKS_RUN_ROWS,
    LACKS_RUNS,
    LEAD,
    METADATA_KEY,
    MOVED_CELLS,
    MOVED_COLUMNS,
    SCHOOL,
    SOURCE_FILE,
    SOURCE_ROW,
    SOURCE_SHEET,
    TABLE,
    TABLE_NAMES,
    TITLE_COLUMN,
    TITLE_ROWS,
    TYPED_ROWS,
    UNHELD_AT,
    UNHELD_CELLS,
    UNHELD_COLUMNS,
    school_key,
    source_key,
)
from lbc.roster.school_names import names_grades
from lbc.roster.tables import phone_extension
from lbc.workspace.schools import Schools, schools_of

if TYPE_CHECKING:
    import pyarrow as pa

KINDS = (Kind.CHILDREN, Kind.TEACHERS, Kind.RECORDS)


def keys(kind: Kind) -> list[str]:
    """The canonical keys a table of ``kind`` is written with, in the merged layout's order."""
    return [f.key for f in LAYOUT[kind]]


def stacked_columns() -> list[str]:
    """The columns of a file holding the three tables: ``table``, the lead, every key once."""
    every = [key for kind in KINDS for key in keys(kind)]
    return [TABLE, *LEAD, *dict.fromkeys(every)]


def table_columns(
    table: Table,
    schools: Schools,
    stacked: bool = False,
    text: Callable[[Any], str | None] = nz.display,
) -> dict[str, list[Any]]:
    """One table's rows as columns of ``text`` (``source_row`` whole numbers)."""
    n = len(table)
    columns: dict[str, list[Any]] = {}
    if stacked:
        columns[TABLE] = [TABLE_NAMES[table.kind]] * n
    columns[SCHOOL] = [schools.of(table, i) for i in range(n)]
    columns[SOURCE_FILE] = [schools.source(table.file)] * n
    columns[SOURCE_SHEET] = table.row_sheets or [table.sheet] * n
    columns[SOURCE_ROW] = list(table.rows)
    free = NORMALISERS[table.kind]
    for key in keys(table.kind):
        raw = table.raw.get(key)
        values = table.values.get(key)
        columns[key] = [None] * n if values is None else [text(v) or None for v in values]
        if raw is not None and free.get(key, (None,))[0] is nz.text:
            # Free text (an address, a 备注, a record's 内容) as the school wrote it, as
            # the merged roster keeps it: its full-width commas and line breaks its own; a
            # number cell (学籍辅号 2016001) as read, a whole number.
            written = table.written(key)
            shown = columns[key]
            columns[key] = [
                w if w.__class__ is str else v for w, v in zip(written, shown, strict=True)
            ]
        elif raw is not None:
            columns[key] = kept_as_typed(columns[key], raw)
        if values is not None and free.get(key, (None,))[0] is phones.phone:
            _with_extensions(table, key, columns[key])
    return columns


def _with_extensions(table: Table, key: str, shown: list[Any]) -> None:
    """Each number of the phone column ``key`` (``shown``, as written out) that its cell,
    or another's labelling it as this one's, gives an extension after (0817-5521234转8012),
    with it (phones.with_extension), as a card prints it with it. A cell of several numbers is
    written as typed, theirs with them. Only the cells read otherwise than they were typed
    are looked at, and no number cell: a clean mobile, the roster's every other phone, and
    a number, as many schools' are, give none."""
    values = table.values[key]
    raw = table.raw.get(key) or [None] * len(values)
    for i in compress(range(len(values)), map(is_not, values, raw)):
        number, cell = values[i], raw[i]
        if number.__class__ is not str or cell.__class__ in (int, float):
            continue
        if extension := phone_extension(table, key, i, number):
            shown[i] = phones.with_extension(number, extension)


def _number_cell(value: Any) -> bool:
    """Whether a value read of a number cell in the school's file is said for being one: an
    ID number stored as a number (nz.NumericId), a landline whose leading 0 Excel dropped
    (phones.LANDLINE_ZERO_DROPPED). Written out, the Parquet metadata names its cell
    (number_cells) and a CSV file writes it as a number, so that read back it is said
    again."""
    if value.__class__ is nz.NumericId:
        return True
    return value.__class__ is nz.Bad and value.reason == phones.LANDLINE_ZERO_DROPPED


def _holds_number_cells(values: list[Any]) -> bool:
    """Whether a column holds a value :func:`_number_cell` takes, looked for one by one only
    in a column holding a value of its classes (nearly none does)."""
    kinds = set(map(type, values))
    return nz.NumericId in kinds or (nz.Bad in kinds and any(map(_number_cell, values)))


def layout(table: Table, sheet: str | None = None) -> dict[str, Any]:
    """Where a table's columns stood in its sheet (``sheet``, of the numbered sheets it runs
    over: the cells of its rows there), for the Parquet metadata. Its number and typed
    cells each name their source row and their place among the table's rows of that
    sheet, counted from 0 (``layouts`` counts on past the rows written before them): the
    file may hold two schools' rows of one name and row (two counties' rosters, each
    merged from inside its own folder, name their schools' files alike), and a cell goes
    back onto its own child's row only (lbc.roster.parquet._cell_places)."""
    spot = _spots(table, table.sheet if sheet is None else sheet)
    numbers = {
        key: [
            [table.rows[i], place]
            for i, v in enumerate(values)
            if _number_cell(v) and (place := spot(i)) is not None
        ]
        for key in table.raw
        if _holds_number_cells(values := table.values[key])
    }
    typed = {
        key: [[table.rows[i], text, place] for i, text in cells if (place := spot(i)) is not None]
        for key, cells in {**typed_phones(table), **typed_classes(table)}.items()
    }
    moved, moved_columns = _moved_cells(table, spot)
    unheld = _unheld_cells(table, spot)
    columns = {key: [col.letter, col.label] for key, col in table.columns.items()}
    # A sheet without a 帮扶教师 column whose children a teachers list or pairs workbook
    # pairs has the pairs written in the column: it says it has the column, as the merged
    # workbook's rows filling it do (by_source), so that read back the roster says its
    # pairs in force, as its own file and lists do over the folder. At no letter: the
    # sheet has no such column, and the one after its last read may be a column it has
    # and lbc does not read (爱好), so a finding on a pair points at the child's row only.
    key = "support_teacher"
    if (
        table.kind is Kind.CHILDREN
        and key not in columns
        and any_filled(table.values.get(key) or [])
    ):
        columns[key] = ["", next(f.label for f in LAYOUT[table.kind] if f.key == key)]
    return {
        "header_rows": list(table.header_rows),
        "title": table.title,
        "columns": columns,
        # Rows whose ID number was a number cell (its last digits lost), or whose phone a
        # landline without its 0 (_number_cell): said again on reading.
        "number_cells": numbers,
        # And a phone cell holding someone else's labelled number, as typed (typed_phones).
        **({"typed_cells": typed} if typed else {}),
        # And a cell read from another column where its own was empty (Table.moved: a
        # second guardian's 委托监护人电话 for 监护人电话), its letter and that column's header.
        **({MOVED_CELLS: moved, MOVED_COLUMNS: moved_columns} if moved else {}),
        # And a cell of a field its row's guardian's set has no column of (Table.unheld:
        # the first guardian's 委托监护人电话), and the header of the column it lacks.
        **(
            {UNHELD_CELLS: unheld, UNHELD_COLUMNS: {k: table.lacking_label(k) for k in unheld}}
            if unheld
            else {}
        ),
        # A merged roster's piece: its school's own sheet, where they are said missing.
        **({UNHELD_AT: list(table.unheld_at)} if unheld and table.unheld_at else {}),
        # A merged roster's piece whose school's own sheet lacked columns the merged sheet
        # has (Table.lacks): that sheet, where a column it lacked is said (COL001) read back.
        **({LACKS_AT: list(where)} if (where := lacked_at(table)) else {}),
    }


def _moved_cells(
    table: Table, spot: Callable[[int], int | None]
) -> tuple[dict[str, list[list[Any]]], dict[str, str]]:
    """The cells of ``table`` read from another column where their own was empty
    (Table.moved), by key, each as its source row, the letter of the column read and its
    place (``spot``: among the table's rows of the sheet the layout is of; a row of another
    of its numbered sheets is none); and each such column's header, by its letter. Only
    those cells: a county's million rows are not each given a letter. The rows are looked
    up only when some cell was so read."""
    if not table.moved:
        return {}, {}
    wanted = {row for where in table.moved.values() for row in where}
    at: dict[int, list[int]] = {}
    for i, row in enumerate(table.rows):
        if row in wanted:
            at.setdefault(row, []).append(i)
    cells: dict[str, list[list[Any]]] = {}
    for key, where in table.moved.items():
        mine = [
            [row, letter, place]
            for row, letter in where.items()
            for i in at.get(row, ())
            if (place := spot(i)) is not None
        ]
        if mine:
            cells[key] = sorted(mine, key=lambda cell: cell[2])
    letters = {letter for key in cells for _, letter, _ in cells[key]}
    labels = {x: label for x in sorted(letters) if (label := table.label_at(x)) is not None}
    return cells, labels


def _unheld_cells(table: Table, spot: Callable[[int], int | None]) -> dict[str, list[list[int]]]:
    """The cells of ``table`` of a field its row's guardian's set of columns lacks
    (Table.unheld), by key, each as its source row and its place (``spot``, as
    _moved_cells has them)."""
    if not table.unheld:
        return {}
    cells: dict[str, list[list[int]]] = {}
    for key, rows in table.unheld.items():
        mine = [
            [row, place]
            for i, row in enumerate(table.rows)
            if row in rows and (place := spot(i)) is not None
        ]
        if mine:
            cells[key] = mine
    return cells


def _spots(table: Table, sheet: str) -> Callable[[int], int | None]:
    """Each row's place among the table's rows on ``sheet`` (None: a row of another of
    its numbered sheets), worked out only when asked for."""
    if table.row_sheets is None:
        return lambda i: i
    spots: dict[int, int] = {}

    def spot(i: int) -> int | None:
        if not spots:
            on = (i for i, at in enumerate(table.row_sheets or ()) if at == sheet)
            spots.update((i, n) for n, i in enumerate(on))
        return spots.get(i)

    return spot


def typed_phones(table: Table) -> dict[str, list[tuple[int, str]]]:
    """Each parent's or guardian's phone cell holding a number labelled as someone else's
    (母：13912345678 in 父亲电话), by column, as its row's index and the cell as typed. The
    file's column holds lbc's reading (no father's number), as analysts take it; the cell
    as typed goes with it, so that read back it is said again (PHN002, PHN003), as over
    the school's own file. Only those few cells (Columns.elsewhere) are looked at."""
    if table.kind is not Kind.CHILDREN:
        return {}
    out = {}
    for key in phones.PHONES_TOGETHER:
        if cells := table.values.elsewhere(key):
            out[key] = [(i, str(table.raw[key][i]).strip()) for i in sorted(cells)]
    return out


def typed_classes(table: Table) -> dict[str, list[tuple[int, str]]]:
    """Each 班级 cell a middle school numbering its classes from 初一 as 1 writes as one
    number (101班 beside 初一, or in 初一.xlsx: nz.from_first_year), as its row's index and
    the cell as typed. The file's column holds lbc's reading (一年级(1)班); the cell as
    typed goes with it in the Parquet metadata, so that read back it is advised to be
    written 初一(1)班 (CLS002, CLS004) as over the school's own file."""
    raw = table.raw.get("class")
    if table.kind is not Kind.CHILDREN or raw is None:
        return {}
    n = len(table)
    sources = table.sources or [(table.file, table.sheet)] * n
    named = {source: set(names_grades(*source).values()) for source in set(sources)}
    grades = table.values.get("grade") or [None] * n
    middle = {7, 8, 9}
    if not (middle & set(grades) or any(middle & of for of in named.values())):
        return {}  # nearly every table: no middle school's grade said
    cells = [
        (i, cell.strip() if cell.__class__ is str else nz.text(cell))
        for i, (cell, cls, grade, source) in enumerate(
            zip(raw, table.values["class"], grades, sources, strict=True)
        )
        if cls.__class__ is nz.ClassRef
        and cls.grade <= 3
        and any(nz.from_first_year(cell, cls, of) for of in {grade, *named[source]})
    ]
    return {"class": cells} if cells else {}


# A piece's own rows that lacked columns at a sheet of their own, while combined: said
# (LACKS_RUNS) only where its school's other rows of the sheet lacked them elsewhere.
_OWN = "_lacks_own"
# And their source rows, as runs of numbers (row_runs), till then.
_ROWS = "_lacks_rows"
# One source sheet's layout from one table (pieces): its metadata name, the school of the
# table's rows, the layout, and how many rows of the sheet the table holds.
Piece = tuple[str, str, dict[str, Any], int]


def pieces(tables: list[Table], schools: Schools | None = None) -> list[Piece]:
    """Each source sheet's layout from each table (a table over numbered sheets a layout
    of each of its sheets), in the order their rows are written, for ``combined``; a
    children sheet of no row with its file's school (``schools``), as its folder names it."""
    out: list[Piece] = []
    for tbl in tables:
        school = piece_school(tbl)
        for sheet in dict.fromkeys(tbl.row_sheets or [tbl.sheet]):
            mine = layout(tbl, sheet)
            if LACKS_AT in mine:
                mine[_ROWS] = row_runs(tbl.rows_on(sheet))
            if schools is not None and tbl.kind is Kind.CHILDREN and not len(tbl):
                mine[SCHOOL] = schools.by_file.get(tbl.file, "")
            count = len(tbl) if tbl.row_sheets is None else tbl.row_sheets.count(sheet)
            file = schools.source(tbl.file) if schools is not None else tbl.file
            out.append((source_key(tbl.kind, file, sheet), school, mine, count))
    return out


def layouts(tables: list[Table], schools: Schools | None = None) -> dict[str, dict[str, Any]]:
    """Each source sheet's layout under its metadata name, of ``tables`` written in their
    order (``pieces``, ``combined``)."""
    return combined(pieces(tables, schools))


def combined(written: list[Piece]) -> dict[str, dict[str, Any]]:
    """Each source sheet's layout under its metadata name, of the pieces in the order
    their rows are written (lbc merge's: each file's, in the order of its rows): each
    number and typed cell's place counted among all the rows of its sheet the file holds,
    though another table's or school file's rows of that name came before it (two
    counties' rosters, each merged from inside its own folder, name their schools' files
    alike). School by school where the sheet is several schools' with columns of their
    own (a merged roster's, read school by school), as the merged workbook's COLUMNS_SHEET
    says them (lbc.reports.county.source_columns)."""
    by: dict[str, dict[str, dict[str, Any]]] = {}
    before: dict[str, int] = {}  # the rows of each source sheet written so far
    for key, school, mine, count in written:
        first = before.get(key, 0)
        mine = _moved(mine, first)
        before[key] = first + count
        rows = mine.pop(_ROWS, None)
        if LACKS_AT in mine:  # its rows, should another piece of its school lack no column
            run = [*mine[LACKS_AT], first, count, sorted(mine["columns"])]
            mine[_OWN] = [[*run, rows] if rows is not None else run]
        said = by.setdefault(key, {})
        if school in said:  # two sheets of one school: the columns of either
            was = said[school]
            was["columns"] = {**mine["columns"], **was["columns"]}
            if LACKS_RUNS in was or was.get(LACKS_AT) != mine.get(LACKS_AT):
                # Lacked at no one sheet: the rows that lacked columns at a sheet of their
                # own, each run with the columns it had (one lacked 健康状况, one had it).
                runs = was.get(LACKS_RUNS, was.get(_OWN, []))
                was[LACKS_RUNS] = [*runs, *mine.get(_OWN, [])]
                was.pop(LACKS_AT, None)
            else:
                was[_OWN] = [*was.get(_OWN, []), *mine.get(_OWN, [])]
            _cells_too(was, mine)
        else:
            said[school] = mine
    for said in by.values():
        for x in said.values():
            x.pop(_OWN, None)
            if runs := x.get(LACKS_RUNS):  # their source rows beside them: an older lbc
                x[LACKS_RUNS] = [run[:5] for run in runs]  # reads the runs as it did
                x[LACKS_RUN_ROWS] = [run[5] if len(run) > 5 else None for run in runs]
    out: dict[str, dict[str, Any]] = {}
    for key, said in by.items():
        # One layout for the sheet where its schools' columns are alike, and none lacked
        # a column at a sheet of its own (each says its own, LACKS_AT): with every
        # school's number and typed cells.
        alike = len({frozenset(x["columns"]) for x in said.values()}) == 1
        lacked = any(LACKS_AT in x or LACKS_RUNS in x for x in said.values())
        if alike and (len(said) == 1 or not lacked):
            first, *others = said.values()
            for other in others:
                _cells_too(first, other)
            out[key] = first
        else:
            out |= {school_key(key, school): x for school, x in said.items()}
    return out


def row_runs(rows: Iterable[int]) -> list[list[int]]:
    """``rows`` (a piece's source rows) as runs of numbers one after another, each its
    first and last: a run of LACKS_RUNS is said with them (LACKS_RUN_ROWS), so that its
    rows are found by their source row where rows were taken out of the file or put in
    (lbc.roster.parquet._lacking_apart). A sheet's rows are written together: one run,
    mostly."""
    out: list[list[int]] = []
    for row in sorted(rows):
        if out and row <= out[-1][1] + 1:
            out[-1][1] = max(row, out[-1][1])
        else:
            out.append([row, row])
    return out


def _moved(mine: dict[str, Any], before: int) -> dict[str, Any]:
    """A piece's layout, its cells' places counted past the ``before`` rows of its sheet
    written before it; a copy, so a part's own stays as it was."""
    numbers = mine["number_cells"]
    moved = {
        **mine,
        "number_cells": {k: [[r, at + before] for r, at in v] for k, v in numbers.items()},
    }
    if typed := mine.get("typed_cells"):
        moved["typed_cells"] = {
            k: [[r, text, at + before] for r, text, at in v] for k, v in typed.items()
        }
    if cells := mine.get(MOVED_CELLS):
        moved[MOVED_CELLS] = {
            k: [[r, letter, at + before] for r, letter, at in v] for k, v in cells.items()
        }
    if cells := mine.get(UNHELD_CELLS):
        moved[UNHELD_CELLS] = {k: [[r, at + before] for r, at in v] for k, v in cells.items()}
    return moved


def _cells_too(was: dict[str, Any], mine: dict[str, Any]) -> None:
    """Add the number cells and typed cells of the layout ``mine`` to those of ``was``,
    a layout of the same source sheet: each names its rows, which stay its own."""
    for k, rows in mine["number_cells"].items():
        was["number_cells"][k] = [*was["number_cells"].get(k, ()), *rows]
    for k, cells in mine.get("typed_cells", {}).items():
        typed = was.setdefault("typed_cells", {})
        typed[k] = [*typed.get(k, ()), *cells]
    for k, cells in mine.get(MOVED_CELLS, {}).items():
        moved = was.setdefault(MOVED_CELLS, {})
        moved[k] = [*moved.get(k, ()), *cells]
    if MOVED_COLUMNS in mine:
        was[MOVED_COLUMNS] = {**mine[MOVED_COLUMNS], **was.get(MOVED_COLUMNS, {})}
    for k, cells in mine.get(UNHELD_CELLS, {}).items():
        unheld = was.setdefault(UNHELD_CELLS, {})
        unheld[k] = [*unheld.get(k, ()), *cells]
    if UNHELD_COLUMNS in mine:
        was[UNHELD_COLUMNS] = {**mine[UNHELD_COLUMNS], **was.get(UNHELD_COLUMNS, {})}


def metadata(
    sources: dict[str, dict[str, Any]],
    school_terms: list[list[Any]] | None = None,
    school_quotas: list[list[Any]] | None = None,
    school_watch: list[list[Any]] | None = None,
) -> dict[str, str]:
    """The file's ``lbc`` metadata: each source sheet's layout, and, as a merged workbook's
    SCHOOL_TERMS_SHEET, SCHOOL_QUOTAS_SHEET and SCHOOL_WATCH_SHEET say them, each school's
    own term dates, quotas and watch settings (lbc merge), if any."""
    data: dict[str, Any] = {"sources": sources}
    if school_terms:
        data["school_terms"] = [
            [str(c) if isinstance(c, dt.date) else c for c in row] for row in school_terms
        ]
    if school_quotas:
        data["school_quotas"] = school_quotas
    if school_watch:
        data["school_watch"] = school_watch
    return {METADATA_KEY: json.dumps(data, ensure_ascii=False)}


def stacked_schema() -> pa.Schema:
    from lbc.output.parquet import schema

    return schema(stacked_columns(), integers=[SOURCE_ROW])


def kind_schema(kind: Kind) -> pa.Schema:
    from lbc.output.parquet import schema

    return schema([*LEAD, *keys(kind)], integers=[SOURCE_ROW])


def stacked_batches(tables: list[Table], schools: Schools) -> Iterator[pa.RecordBatch]:
    """Tables as batches of the stacked schema, one each."""
    from lbc.output.parquet import batch

    shape = stacked_schema()
    for table in tables:
        yield batch(table_columns(table, schools, stacked=True), len(table), shape)


def _csv_text(value: Any) -> str | None:
    """A value as a CSV file holds it: as a person reads it, but an ID number cell typed
    as a number as Excel writes one (nz.number_text), and a phone number cell that is a
    landline without its 0 as a program writes a number (phones.number_cell_text), so that
    each reads back as the number cell it was (ID004, PHN006), where the Parquet file says
    so in its metadata."""
    if value.__class__ is nz.NumericId:
        return nz.number_text(value)
    if _number_cell(value):  # a landline whose 0 Excel dropped: 7551234567.0
        return phones.number_cell_text(value)
    return nz.display(value)


def stacked_rows(roster: Roster, schools: Schools) -> Iterator[dict[str, Any]]:
    """The roster's rows as dicts of the stacked columns, for a CSV file; then, for each
    source sheet, a row saying which of its columns it had, by their letters there
    (COLUMN_ROWS): an empty column is a column, and a CSV file has no metadata to say so;
    and one giving its title, if it has one (TITLE_ROWS); ``schools``: the roster's."""
    for table in roster.tables():
        columns = table_columns(table, schools, stacked=True, text=_csv_text)
        names = list(columns)
        # Right after a child's row, a row of the phone cells of it typed so (TYPED_ROWS):
        # its place alone (school, file, sheet, row) may be another child's too, two
        # counties' rosters each merged from inside its own folder naming their schools'
        # files alike, so it goes with the row before it.
        typed: dict[int, dict[str, str]] = {}
        for key, cells in typed_phones(table).items():
            for i, text in cells:
                typed.setdefault(i, {})[key] = text
        for i, values in enumerate(zip(*columns.values(), strict=True)):
            row = dict(zip(names, values, strict=True))
            yield row
            if i in typed:
                yield {TABLE: TYPED_ROWS, **{k: row[k] for k in LEAD}, **typed[i]}
    # A source sheet of several schools whose columns differ (a merged roster's, read
    # school by school) has a row per school, its 学校 saying whose; a children sheet of no
    # row (a school's roster of nobody) its file's school, as its folder names it.
    sets: dict[tuple[Kind, str, str], set[frozenset[str]]] = {}
    for table in roster.tables():
        for sheet in dict.fromkeys(table.row_sheets or [table.sheet]):
            sets.setdefault((table.kind, table.file, sheet), set()).add(frozenset(table.columns))
    said: set[tuple[tuple[str, Any], ...]] = set()  # a sheet's pieces alike: said once
    for table in roster.tables():
        written = set(keys(table.kind))
        nobody = table.kind is Kind.CHILDREN and not len(table)
        for sheet in dict.fromkeys(table.row_sheets or [table.sheet]):
            if len(sets[(table.kind, table.file, sheet)]) > 1:
                whose = {SCHOOL: piece_school(table)}
            else:
                whose = {SCHOOL: schools.by_file.get(table.file, "")} if nobody else {}
            row = {
                TABLE: COLUMN_ROWS[table.kind],
                **whose,
                SOURCE_FILE: schools.source(table.file),
                SOURCE_SHEET: sheet,
                **{k: col.letter for k, col in table.columns.items() if k in written},
            }
            if (key := tuple(row.items())) not in said:
                said.add(key)
                yield row
    # And a row for each piece of a merged roster whose school's own sheet lacked columns
    # (LACKS_ROWS): its school, and that sheet, as Parquet's metadata says it (LACKS_AT).
    # Where a school's rows of a sheet lacked columns at sheets apart (two sheets of one
    # school, one lacking a column the other has, merged), one such row per row, its source
    # row and the columns it had saying which rows lacked which, as LACKS_RUNS does.
    places: dict[tuple[Kind, str, str, str], set[Any]] = {}
    for table in roster.tables():
        for sheet in dict.fromkeys(table.row_sheets or [table.sheet]):
            at = (table.kind, table.file, sheet, piece_school(table))
            places.setdefault(at, set()).add(lacked_at(table))
    for table in roster.tables():
        if where := lacked_at(table):
            whose = {
                TABLE: LACKS_ROWS[table.kind],
                SCHOOL: piece_school(table),
                SOURCE_FILE: where[0],
                SOURCE_SHEET: where[1],
            }
            sheets = dict.fromkeys(table.row_sheets or [table.sheet])
            if all(len(places[(table.kind, table.file, s, whose[SCHOOL])]) == 1 for s in sheets):
                yield whose
                continue
            mine = set(keys(table.kind))
            letters = {k: col.letter for k, col in table.columns.items() if k in mine}
            for row in table.rows:
                yield {**whose, SOURCE_ROW: row, **letters}
    # And a row for each source sheet's title (TITLE_ROWS), which Parquet keeps in its
    # metadata: the school a roster's title names, where no 学校 column says it.
    titled: set[tuple[Kind, str, str]] = set()
    for table in roster.tables():
        for sheet in dict.fromkeys(table.row_sheets or [table.sheet]):
            if table.title and (table.kind, table.file, sheet) not in titled:
                titled.add((table.kind, table.file, sheet))
                yield {
                    TABLE: TITLE_ROWS[table.kind],
                    SOURCE_FILE: schools.source(table.file),
                    SOURCE_SHEET: sheet,
                    TITLE_COLUMN: table.title,
                }


def kind_table(roster: Roster, kind: Kind) -> pa.Table:
    """Every table of one kind as one Arrow table (the API's DataFrames are made from it)."""
    import pyarrow as pa

    from lbc.output.parquet import batch

    schools, shape = schools_of(roster, by_child=True), kind_schema(kind)
    tables = [tbl for tbl in roster.tables() if tbl.kind is kind]
    batches = [batch(table_columns(tbl, schools), len(tbl), shape) for tbl in tables]
    return pa.Table.from_batches(batches, schema=shape)
