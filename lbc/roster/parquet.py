"""Read a Parquet file (``lbc export``, ``lbc merge --out x.parquet``) back into tables,
and a CSV file of ``lbc export``'s shape likewise.

Such a file stacks the canonical children, teachers and records tables, one row per row,
the ``table`` column saying which, with each row's school and the file, sheet and Excel
row it came from. It is read back as the tables it was made from, each under the school's
own file and sheet, so a finding points at the school's real cell; the column letters and
labels of each source sheet travel in the file's ``lbc`` metadata. A Parquet file written
by other tools (pandas' ``to_parquet`` keeps no such metadata) and an exported CSV file
are read the same way, their columns named by canonical key, but each row placed where it
stands in the file itself (see tables_from_columns).

pyarrow is imported here only, on the paths that read Parquet.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.canonical import Column, Table
from lbc.roster.completion import complete
from lbc.roster.fields import FIELDS, Kind
from lbc.roster.merged_books import (
    SCHOOL_QUOTAS_SHEET,
    SCHOOL_TERMS_SHEET,
    SCHOOL_WATCH_SHEET,
    SETTINGS_SHEETS,
    SourceColumns,
    any_filled,
    by_source,
    lacking,
    pick,
    piece_school,
)
from lbc.roster.phones import PHONES_TOGETHER
from lbc.roster.reading import FORMULA_ERRORS, shows_error_text
from lbc.roster.school_names import title_school
from lbc.roster.tables import column_letter

# The metadata key holding each source sheet's layout, and the columns every row leads with.
METADATA_KEY = "lbc"
TABLE, SCHOOL, SOURCE_FILE, SOURCE_SHEET, SOURCE_ROW = (
    "table",
    "school",
    "source_file",
    "source_sheet",
    "source_row",
)
LEAD = (SCHOOL, SOURCE_FILE, SOURCE_SHEET, SOURCE_ROW)
TABLE_NAMES = {Kind.CHILDREN: "children", Kind.TEACHERS: "teachers", Kind.RECORDS: "records"}
_KINDS = {name: kind for kind, name in TABLE_NAMES.items()}
# A CSV file keeps no metadata: after its rows, one row per source sheet whose ``table`` is
# one of these says which columns the sheet had (each one's letter there), so that a column
# a school had but left empty (帮扶教师, its absence no reason for WCH012) is still its
# column when the file is read back, as a workbook's 来源列 sheet and Parquet's metadata say.
COLUMN_ROWS = {kind: f"{name}_columns" for kind, name in TABLE_NAMES.items()}
_COLUMN_KINDS = {name: kind for kind, name in COLUMN_ROWS.items()}
# And before them, one row per phone cell that held a number labelled as someone else's
# (母：13912345678 in 父亲电话), its file, sheet and row, and that cell as typed: the child's
# row holds lbc's reading, the cell goes back as typed on reading, so PHN002 and PHN003 are
# said again, as Parquet's metadata keeps it (typed_cells).
TYPED_ROWS = "children_typed"
# And one row per source sheet with a title above its header (青山镇中心小学留守儿童花名册),
# the title in its TITLE_COLUMN, as Parquet's metadata keeps it (title): read back, the
# sheet is titled so, and names its school by it as the school's own file does.
TITLE_ROWS = {kind: f"{name}_title" for kind, name in TABLE_NAMES.items()}
_TITLE_KINDS = {name: kind for kind, name in TITLE_ROWS.items()}
TITLE_COLUMN = "name"
# A merged roster's rows exported are each of the merged sheet (source_file, source_sheet);
# a school's rows there whose own sheet lacked columns the merged sheet has (Table.lacks)
# lacked them at that sheet: its layout says which (LACKS_AT), and a CSV file has a row
# (LACKS_ROWS) giving the school and its sheet, so that read back a required column it
# lacked is said there (COL001) and counted on its school's line, as from the workbook.
LACKS_AT = "lacks_at"
# Where only some of a school's rows there lacked columns at a sheet of their own (two
# sheets of one school, one lacking a column the other has, merged and then exported),
# its layout names each such run of rows instead: the sheet, the place of its first row
# among the rows the file holds of the source sheet, how many, and the columns they had;
# and beside them (LACKS_RUN_ROWS), each run's source rows as runs of numbers, by which
# they are found where rows were taken out of the file or put in (a file written before
# says none: read by places, as an older lbc reads a file that says them).
LACKS_RUNS = "lacks_runs"
LACKS_RUN_ROWS = "lacks_run_rows"
LACKS_ROWS = {kind: f"{name}_lacks_at" for kind, name in TABLE_NAMES.items()}
_LACKS_KINDS = {name: kind for kind, name in LACKS_ROWS.items()}
# A source sheet's cells read from another column where their own was empty (Table.moved:
# a second guardian's 委托监护人电话 for 监护人电话, Column.fallback), by key, each as its
# row, the letter of the column read and its place, as its typed cells are; and each such
# column's header by its letter. Read back, a finding on such a cell points at it, as over
# the school's own file; a file written before they were said reads as it did.
MOVED_CELLS, MOVED_COLUMNS = "moved_cells", "moved_columns"
# A source sheet's cells of a field its row's guardian's set of columns lacks (Table.unheld:
# the first guardian's 委托监护人电话 cell), by key, each as its row and place; and the header
# of each such field's missing column, by key. Read back, the column is said missing
# (COL001) as over the school's own file, not each row at the other guardian's cell.
UNHELD_CELLS, UNHELD_COLUMNS = "unheld_cells", "unheld_columns"
# And where a merged roster's piece says them missing (Table.unheld_at): its school's own
# file and sheet, which its rows' source (the merged sheet) is not.
UNHELD_AT = "unheld_at"
T = TypeVar("T")


def source_key(kind: Kind, file: str, sheet: str) -> str:
    """How the metadata names one source sheet's layout."""
    return f"{TABLE_NAMES[kind]}\t{file}\t{sheet}"


def school_key(key: str, school: str) -> str:
    """How the metadata names one school's layout of a source sheet (``key``) of several
    schools with columns of their own (a merged roster's, exported)."""
    return f"{key}\t{school}"


# The metadata key of each sheet of a school's own settings lbc merge writes (as a merged
# workbook's sheet of that name: lbc.roster.merged_books.SETTINGS_SHEETS).
SETTINGS_KEYS = {
    SCHOOL_TERMS_SHEET: "school_terms",
    SCHOOL_QUOTAS_SHEET: "school_quotas",
    SCHOOL_WATCH_SHEET: "school_watch",
}


def settings_sheets(
    path: Path, origins: set[str]
) -> list[tuple[str, str, int, list[tuple[int, list[Any]]], set[str]]]:
    """Each school's own term dates, quotas and watch settings lbc merge keeps in the file's
    metadata, as Roster.term_sheets holds a merged workbook's sheets of them (SETTINGS_KEYS;
    ``origins``: the Table.origin of the file's tables); none without them."""
    out = []
    for sheet in SETTINGS_KEYS:
        if rows := school_terms_rows(path, sheet):
            out.append((str(path), sheet, 0, rows, origins))
    return out


def school_terms_rows(path: Path, sheet: str = SCHOOL_TERMS_SHEET) -> list[tuple[int, list[Any]]]:
    """Each school's own term dates lbc merge keeps in the file's metadata, as the rows of
    a merged workbook's SCHOOL_TERMS_SHEET (学校, 学期, 开始日期, 结束日期), numbered as
    there from row 2; none without them. ``sheet``: the rows of another of SETTINGS_SHEETS
    (SCHOOL_QUOTAS_SHEET: each school's own quotas; SCHOOL_WATCH_SHEET: its own [watch])."""
    import pyarrow.parquet as pq

    footer = _guarded(path, pq.read_metadata, path).metadata or {}
    try:
        rows = json.loads(footer[METADATA_KEY.encode()]).get(SETTINGS_KEYS[sheet]) or []
    except (KeyError, ValueError, TypeError, AttributeError):
        return []
    width = len(SETTINGS_SHEETS[sheet])
    return [
        (n, [*row, *[None] * width][:width])
        for n, row in enumerate(rows, start=2)
        if isinstance(row, list)
    ]


def read_tables(path: Path) -> list[tuple[Table, str]]:
    """The tables a Parquet file holds, each with its school (its rows' first)."""
    with _opened(path) as (source, layouts):
        columns, shown = _columns_by_row_group(path, source)
    tables = tables_from_columns(path, path.stem, columns, shown, layouts, by_school(path))
    read = {(TABLE_NAMES[x.kind], x.file, x.sheet) for x, _ in tables}
    schools = {x.file: school for x, school in reversed(tables) if school}
    return tables + empty_children(layouts, list(columns), read, schools)


def by_school(path: Path) -> bool:
    """Whether the file carries some school's own settings (SETTINGS_KEYS): then the rows of
    one school file that are several schools' by their 学校 are a table for each, which
    goes by its school's own (tables_from_columns)."""
    return any(school_terms_rows(path, sheet) for sheet in SETTINGS_KEYS)


def empty_children(
    layouts: dict[str, Any] | None,
    names: list[str],
    read: set[tuple[Any, Any, Any]],
    schools: dict[str, str],
) -> list[tuple[Table, str]]:
    """A table of no rows for each children sheet lbc's metadata (``layouts``) names that
    no row of the file is of (``read``: the table, file and sheet of each row read), such
    as a school's roster of headers only: read back, it holds nobody, as the school's own
    file does, and lbc validate says so (REQ002) under that file and sheet. Each with its
    file's school: the one its layout names (lbc.reports.export.layouts), else as its
    file's other rows give it (``schools``); ``names``: the file's columns, in order."""
    columns: dict[str, list[Any]] = {name: [] for name in names}
    out = []
    for key, layout in (layouts or {}).items():
        kind_name, file, sheet = ([*key.split("\t"), "", ""])[:3]
        if _KINDS.get(kind_name) is not Kind.CHILDREN or (kind_name, file, sheet) in read:
            continue
        empty = SourceSheet(Kind.CHILDREN, file, sheet, columns, [], [], set(), set())
        table = _table(empty, [], layout)
        said = layout.get(SCHOOL)
        out.append((table, said if isinstance(said, str) and said else schools.get(file, "")))
    return out


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[Any, dict[str, Any] | None]]:
    """The open file, with each source sheet's layout from lbc's metadata (None without)."""
    import pyarrow.parquet as pq

    with _guarded(path, pq.ParquetFile, path) as source:
        _check_flat(path, source.schema_arrow)
        # Written after the rows (lbc.output.parquet), so it is in the footer, not the schema.
        footer = source.metadata.metadata or {}
        layouts: dict[str, Any] | None = None
        if METADATA_KEY.encode() in footer:
            try:
                layouts = json.loads(footer[METADATA_KEY.encode()])["sources"]
            except (ValueError, KeyError, TypeError):
                layouts = None
        yield source, layouts


def _check_flat(path: Path, schema: Any) -> None:
    """Refuse a column of lists, records or maps: a table's cell holds one value, and such
    a value is no child's name, date or row (it would reach the checks as a Python list)."""
    import pyarrow as pa

    for field in schema:
        if pa.types.is_nested(field.type):
            raise LbcError(t("err.parquet_nested", path=path, column=field.name))


def _guarded(path: Path, read: Callable[..., T], *args: Any) -> T:
    """``read(*args)``, a damaged file's error said as a corrupt file."""
    from lbc.output.parquet import arrow

    pa = arrow()
    try:
        return read(*args)
    except (pa.ArrowException, OSError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_first_line(exc))) from exc


@dataclass
class Sources:
    """What a Parquet file of lbc's holds, from its lead columns alone: the school files
    its rows came from, in order, each one's school, the tables in each row group, and
    the runs of row groups read together (``units``), each with how many rows of each
    source sheet lie before it (``before``)."""

    files: list[str]
    schools: dict[str, str]
    groups: list[set[str]]
    empty: list[tuple[Table, str]]  # the children sheets of no row (empty_children)
    units: list[range]
    before: list[dict[tuple[Any, Any, Any], int]]
    spread: set[tuple[Any, Any, Any]]  # the source sheets whose rows lie in several units


def sources_by_row_group(path: Path) -> Sources | None:
    """The file's sources, read in runs of row groups (units) such that
    :func:`tables_by_row_group` reads the same tables as :func:`read_tables`, school by
    school: lbc merge writes each school's sheets to row groups of their own; lbc export
    of a merged roster writes each school's rows of the merged sheet to one, so that sheet
    lies in hundreds. A unit holds all of a teachers or records sheet's rows (they are
    few, and checked as one table), and all of a children sheet's rows of one school; all
    of them where a row says no school or its rows' numbers do not rise (a row placed by
    its number alone in the layout is then found among them all). None when the file
    lacks lbc's metadata (without it a row is placed by where it stands in the whole
    file), or when a row is of no table lbc knows."""
    with _opened(path) as (source, layouts):
        names = source.schema_arrow.names
        if layouts is None or not all(k in names for k in (TABLE, *LEAD)):
            return None
        files: dict[str, None] = {}
        schools: dict[str, str] = {}
        several: set[str] = set()  # sources whose rows name several schools
        groups: list[set[str]] = []
        counts: list[Counter[tuple[Any, Any, Any]]] = []
        # The first and last row group each source sheet's rows lie in, and each school's
        # rows of a children sheet; and the children sheets read whole, a row of which
        # names no school or has a number not past the one before it.
        spans: dict[tuple[Any, Any, Any], list[int]] = {}
        school_spans: dict[tuple[tuple[Any, Any, Any], Any], list[int]] = {}
        whole: set[tuple[Any, Any, Any]] = set()
        last: dict[tuple[Any, Any, Any], Any] = {}
        for g in range(source.num_row_groups):
            lead = _guarded(path, source.read_row_group, g, [TABLE, *LEAD])
            kinds, school, file, sheet, row = (_values(lead.column(k)) for k in lead.column_names)
            groups.append(set(kinds))
            if not groups[-1] <= _KINDS.keys():  # read whole, to be refused as read_tables does
                return None
            keys = list(zip(kinds, file, sheet, strict=True))
            counts.append(Counter(keys))
            for key, here, number in zip(keys, school, row, strict=True):
                spans.setdefault(key, [g, g])[1] = g
                school_spans.setdefault((key, here), [g, g])[1] = g
                prior = last.get(key)
                if not (here and _whole(number) and (prior is None or prior < number)):
                    whole.add(key)
                last[key] = number if _whole(number) else None
                files[key[1]] = None
                if here and schools.setdefault(key[1], here) != here:
                    several.add(key[1])
        # A source of several schools' rows (a file of records that says no school, each
        # exported under its child's school) declares none: a row of no school is not the
        # first school's.
        for file in several:
            del schools[file]
        apart = {k for k in spans if _KINDS[k[0]] is Kind.CHILDREN and k not in whole}
        held = [span for k, span in spans.items() if k not in apart]
        held += [span for (k, _), span in school_spans.items() if k in apart]
        units = _units(held, source.num_row_groups)
        before, seen = [], Counter[tuple[Any, Any, Any]]()
        spread: set[tuple[Any, Any, Any]] = set()
        first_unit: dict[tuple[Any, Any, Any], int] = {}
        for n, unit in enumerate(units):
            before.append(dict(seen))
            for g in unit:
                seen.update(counts[g])
                for key in counts[g]:
                    if first_unit.setdefault(key, n) != n:
                        spread.add(key)
        empty = empty_children(layouts, names, set(spans), schools)
        for table, school in empty:  # a school of nobody, named as read_tables names it
            files[table.file] = None
            if school:
                schools.setdefault(table.file, school)
        return Sources([str(f) for f in files], schools, groups, empty, units, before, spread)


def _units(spans: list[list[int]], count: int) -> list[range]:
    """The runs of row groups ``0..count-1`` each holding whole every span (first and last
    row group) of ``spans``: the fewest, overlapping spans joined."""
    reach = list(range(count))  # the last row group a unit begun here must reach
    for first, end in spans:
        reach[first] = max(reach[first], end)
    units, start, end = [], 0, -1
    for g in range(count):
        end = max(end, reach[g])
        if g == end:
            units.append(range(start, g + 1))
            start = g + 1
    return units


def tables_by_row_group(
    path: Path, sources: Sources, kinds: set[Kind], by_school: bool = False
) -> Iterator[tuple[Table, str]]:
    """The file's tables of ``kinds``, one unit's (run of row groups) at a time, so a
    province is never held whole (``sources``: from :func:`sources_by_row_group`, which
    says when this reads what read_tables does); each with its school. A unit holding
    none is not read. A source sheet read over several units is read as pieces of it,
    one a school, as a merged workbook's sheet is (by_source). ``by_school``: the file
    carries each school's own settings, as read_tables tells it (tables_from_columns)."""
    wanted = {TABLE_NAMES[kind] for kind in kinds}
    with _opened(path) as (source, layouts):
        for unit, before in zip(sources.units, sources.before, strict=True):
            if not any(wanted & sources.groups[g] for g in unit):
                continue
            read = _guarded(path, source.read_row_groups, list(unit))
            data = _rows_of(read, wanted)
            del read
            if data is None:
                continue
            columns, shown = _columns(data)
            del data
            tables = tables_from_columns(
                path, path.stem, columns, shown, layouts, by_school, before=before
            )
            for table, school in tables:
                key = (TABLE_NAMES[table.kind], table.file, table.sheet)
                if key in sources.spread and table.sources is None:
                    # Described as the one sheet they are (whole_sheets).
                    table.sources = [(table.file, table.sheet)] * len(table)
                yield table, school


def _rows_of(data: Any, tables: set[str]) -> Any:
    """The rows of ``data`` that belong to ``tables``, None when none does. Cut out by
    slices, not by pyarrow.compute: a compute call imports pandas (about half a second)."""
    import pyarrow as pa

    keep = [name in tables for name in _values(data.column(TABLE))]
    if all(keep):
        return data
    slices, start = [], 0
    for kept, run in itertools.groupby(keep):
        n = len(list(run))
        if kept:
            slices.append(data.slice(start, n))
        start += n
    return pa.concat_tables(slices) if slices else None


def _columns(data: Any) -> tuple[dict[str, list[Any]], set[str]]:
    """``data``'s columns as Python values (_text_values), and the names of those whose
    text may show a formula's error (#N/A, as lbc merge writes a school's)."""
    columns: dict[str, list[Any]] = {}
    shown: set[str] = set()
    for name in data.column_names:
        columns[name], maybe = _text_values(data.column(name))
        if maybe:
            shown.add(name)
    return columns, shown


def _columns_by_row_group(path: Path, source: Any) -> tuple[dict[str, Any], set[str]]:
    """The open file's columns as _columns gives them, read a row group at a time, so that
    the whole file is never held in Arrow's form beside them (a province's 86 columns of
    text take 1.3 GB there); a column null on every row is one object (_Nulls), not a list
    of a million Nones. A text that repeats across row groups is one object (a province's
    5 million names are a few hundred thousand), in each column whose texts mostly repeat
    (not its ID numbers or phones: their text is let go of once half of the rows read
    are of a text of their own)."""
    filled: dict[str, list[Any]] = {}
    seen: dict[str, dict[str, str] | None] = {}
    shown: set[str] = set()
    n = 0
    for g in range(source.num_row_groups):
        data = _guarded(path, source.read_row_group, g)
        for name in data.column_names:
            column = data.column(name)
            if name not in filled:
                if column.null_count == len(column):
                    continue
                filled[name] = [None] * n
            values, maybe = _text_values(column, seen.setdefault(name, {}))
            filled[name] += values
            if maybe:
                shown.add(name)
        n += data.num_rows
        del data
        for name, texts in seen.items():
            if texts is not None and len(texts) > _TEXTS_KEPT and len(texts) * 2 > n:
                seen[name] = None
    return {name: filled.get(name) or _Nulls(n) for name in source.schema_arrow.names}, shown


# How many texts of a column are held before asking whether they repeat.
_TEXTS_KEPT = 50_000


class _Nulls(Sequence[Any]):
    """A column of ``n`` nulls, as a list of them reads."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [None] * len(range(*i.indices(self.n)))
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return None


def _values(column: Any) -> list[Any]:
    return _text_values(column)[0]


def _text_values(column: Any, seen: dict[str, str] | None = None) -> tuple[list[Any], bool]:
    """A column as Python values, and whether its text may show a formula's error: one of
    its distinct values holds one (looked for at C speed; the cells are compared whole
    only then, see _table). Text that repeats (classes, 留守类型, schools, the null columns
    of another table's keys) shares one string object per distinct value, as the roster
    reader's memoised normalising does: a province is a million rows. ``seen``: the text
    of the column's rows read before (in other row groups), whose objects its own
    repeats share (names and birth dates repeat across a province's schools)."""
    import pyarrow as pa

    n = len(column)
    if column.null_count == n:
        return [None] * n, False
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column.to_pylist(), False
    encoded = column.combine_chunks().dictionary_encode()
    text = encoded.dictionary.buffers()[2]
    maybe = text is not None and shows_error_text(text)
    if seen is not None or len(encoded.dictionary) * 4 < n:
        words = encoded.dictionary.to_pylist()
        if seen is not None:
            words = [seen.setdefault(word, word) for word in words]
        return [None if i is None else words[i] for i in encoded.indices.to_pylist()], maybe
    return column.to_pylist(), maybe


def is_stacked(header: list[Any]) -> bool:
    """Whether a sheet's first row is the header lbc export writes to a CSV file."""
    return header[: len(LEAD) + 1] == [TABLE, *LEAD]


def tables_from_columns(
    path: Path,
    sheet: str,
    columns: dict[str, list[Any]],
    shown: set[str],
    layouts: dict[str, Any] | None,
    by_school: bool = False,
    before: dict[tuple[Any, Any, Any], int] | None = None,
) -> list[tuple[Table, str]]:
    """Tables from a file of canonical columns, each with its school; ``shown``: the
    columns whose text may show a formula's error (#N/A …); ``by_school``: the file
    carries each school's own settings (各校要求, 各校学期), so the rows of one school file
    that are several schools' by their 学校 (a merged roster, exported) are a table for
    each school, which goes by its own (Table.own_school, as by_source splits them).

    With lbc's metadata (``layouts``) every row goes back to the school's own file, sheet
    and row, its columns to their letters there. Without it (a CSV export, a Parquet file
    from pandas) a row is where it stands in this file, as a spreadsheet shows it: the
    header in row 1, each column at its own letter; so a finding points at a real cell.

    ``before``: how many rows of each source sheet the file holds before these (read a
    unit at a time: tables_by_row_group), from which a layout counts its cells' places.
    """
    n = len(next(iter(columns.values()), []))
    kinds = columns.get(TABLE) or [TABLE_NAMES[Kind.CHILDREN]] * n
    if layouts is not None and all(k in columns for k in LEAD[1:]):
        files, sheets, rows = (columns[k] for k in LEAD[1:])
        rows = _row_numbers(path, rows)
    else:
        files, sheets, rows, layouts = [str(path)] * n, [sheet] * n, list(range(2, n + 2)), None
    groups: dict[tuple[Any, Any, Any], list[int]] = {}
    # Without the metadata: the columns each source sheet had, by its kind, file and sheet
    # (COLUMN_ROWS), and the columns any of a kind's sheets had.
    had: SourceColumns = {}
    # Without the metadata: each source sheet's title, by its kind, file and sheet
    # (TITLE_ROWS).
    titles: dict[tuple[str, str, str], str] = {}
    # And the sheet each school's rows lacked columns at (LACKS_ROWS), by kind and school.
    lacks_at: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    # And, where only some of a school's rows lacked columns at a sheet of their own, each
    # such row's sheet and the columns it had, by kind, school and source row.
    rows_lacking: dict[tuple[str, str, str], tuple[tuple[str, str], frozenset[str]]] = {}
    schools_column = columns.get(SCHOOL)
    if layouts is None and TYPED_ROWS in kinds:
        _typed_back(columns, kinds)
    for i, key in enumerate(zip(kinds, files, sheets, strict=True)):
        if key[0] == TYPED_ROWS and layouts is None:
            continue
        if layouts is None and (lacks_kind := _LACKS_KINDS.get(key[0])) is not None:
            school = _text((schools_column or [None] * n)[i])
            file, sheet_of = (_text(columns.get(k, [None] * n)[i]) for k in LEAD[1:3])
            place = (file, sheet_of)
            row = _text(columns.get(SOURCE_ROW, [None] * n)[i])
            if row:  # one of the rows that lacked columns there, with the columns it had
                keys = {
                    k for k, v in columns.items() if v[i] is not None and k not in (TABLE, *LEAD)
                }
                rows_lacking[(lacks_kind.value, school, row)] = (place, frozenset(keys))
                continue
            lacks_at.setdefault((lacks_kind.value, school), []).append(place)
            continue
        if layouts is None and (titled_kind := _TITLE_KINDS.get(key[0])) is not None:
            where = tuple(_text(columns.get(k, [None] * n)[i]) for k in LEAD[1:3])
            text = _text(columns.get(TITLE_COLUMN, [None] * n)[i])
            titles[(titled_kind.value, *where)] = text
            continue
        marks = _COLUMN_KINDS.get(key[0]) if layouts is None else None
        if marks is not None:
            # Its 学校: one school's columns, of a sheet of several schools' columns apart.
            where = (_text(columns.get(k, [None] * n)[i]) for k in (*LEAD[1:3], SCHOOL))
            source = (marks.value, *where)
            keys = {k for k, v in columns.items() if v[i] is not None and k not in (TABLE, *LEAD)}
            had[source] = had.get(source, frozenset()) | keys
            continue
        groups.setdefault(key, []).append(i)
    schools = columns.get(SCHOOL)
    # Without the metadata, each row's school file and sheet, where the file says them (an
    # exported CSV file): a county's rows are read school by school, each with the columns
    # its own sheet had (by_source), as a merged workbook's are, not with every column any
    # school had.
    sources = None
    if layouts is None and all(k in columns for k in LEAD[1:3]):
        sources = list(zip(*(map(_text, columns[k]) for k in LEAD[1:3]), strict=True))
    # The source sheets whose layouts are school by school (school_key).
    apart_keys = {k.rsplit("\t", 1)[0] for k in layouts or () if k.count("\t") > 2}
    out = []
    split = by_school and sources is None and len(set(schools or ()) - {None, ""}) > 1
    for (kind_name, file, sheet_name), index in groups.items():
        kind = _KINDS.get(kind_name)
        if kind is None:
            raise LbcError(t("err.parquet_table", path=path, table=kind_name))
        key = source_key(kind, file, sheet_name)
        layout = None if layouts is None else layouts.get(key, {})
        mine = {k for (name, *_), keys in had.items() if name == kind.value for k in keys}
        # A source sheet of several schools whose columns differ (a merged roster's,
        # exported) has a layout per school: its rows are read school by school.
        apart = key in apart_keys
        first = (before or {}).get((kind_name, file, sheet_name), 0)
        whole = SourceSheet(
            kind, str(file), str(sheet_name), columns, rows, index, shown, mine, first
        )
        if (split or apart) and schools is not None:
            own: dict[str, list[int]] = {}
            for i in index:
                own.setdefault(schools[i] or "", []).append(i)
            if len(own) > 1 or apart:
                for school, rows_of in own.items():
                    theirs = _school_layout(layouts or {}, key, school, layout)
                    for table in _lacking_apart(whole, rows_of, theirs):
                        if split:
                            table.own_school = nz.school(school) or school
                        # Pieces of one source sheet, as by_source makes them of a merged
                        # workbook's: described as the one sheet they are (whole_sheets).
                        table.sources = [(str(file), str(sheet_name))] * len(table)
                        out.append((table, school))
                continue
        pieces = _lacking_apart(whole, index, layout)
        if sources is None:
            for table in pieces:
                if len(pieces) > 1:  # described as the one sheet they are, as above
                    table.sources = [(str(file), str(sheet_name))] * len(table)
                # The school of its rows, if one (a merged roster exported holds several),
                # else the one its sheet's title names, as the school's own file declares
                # it (a school's roster whose 学校 column names each child's teaching point).
                said = {schools[i] for i in index} - {None, ""} if schools else set()
                out.append((table, said.pop() if len(said) == 1 else title_school(table.title)))
            continue
        [table] = pieces
        table.sources = pick(sources, index)
        if rows_lacking:
            _lacking_rows(table, index, columns, rows_lacking, had)
        _apart_where_lacking(kind, table, had, lacks_at)
        for piece in by_source(table, had, by_school):
            # Titled as its own sheet is (TITLE_ROWS), each school's sheet by its own.
            piece.title = titles.get((kind.value, *piece.sources[0]), "") if piece.sources else ""
            places = lacks_at.get((kind.value, piece_school(piece)), [])
            if piece.lacks_at is None and not piece.lacks and len(places) == 1:
                lacking(piece, places[0])
            cells = piece.values["school"] if piece.has("school") else ()
            out.append((piece, next((cell for cell in cells if cell), "")))
    if sources is not None:
        nobody = _nobody(had, {x.sources[0] for x, _ in out if x.sources}, columns, shown)
        for table, _ in nobody:
            table.title = titles.get((Kind.CHILDREN.value, table.file, table.sheet), "")
        out += nobody
    if TABLE in columns:  # lbc's export, whose 学校 lbc wrote: empty where it knew none
        for table, _ in out:
            table.schools_written = True
    return out


def _apart_where_lacking(
    kind: Kind, table: Table, had: SourceColumns, lacks_at: dict[tuple[str, str], Any]
) -> None:
    """Where several schools' rows came through one sheet (a merged roster, exported) and
    the file says each school lacked columns at its own sheet (LACKS_ROWS), their rows
    are read school by school, each with the sheet's columns: by_source splits a sheet so
    where ``had`` gives it columns by school. Read as one, a required column they lacked
    was said once, at the first school's sheet, and on its line only."""
    lacking = {school for (name, school) in lacks_at if name == kind.value and school}
    if len(lacking) < 2 or table.sources is None:
        return
    for file, sheet in set(table.sources):
        whole = had.get((kind.value, file, sheet, ""))
        if whole is not None:
            for school in lacking:
                had.setdefault((kind.value, file, sheet, school), whole)


def _lacking_apart(
    sheet: SourceSheet, index: list[int], layout: dict[str, Any] | None
) -> list[Table]:
    """The rows ``index`` of a source sheet (of its rows ``sheet.group``) as tables, read
    by ``layout``: one, lacking the columns it has not at the sheet its layout says
    (LACKS_AT), if it says one; and apart from it, each run of rows its layout says lacked
    columns at a sheet of their own (LACKS_RUNS), with the columns they had, so that a
    required one they lacked is said there (COL001) as over the merged roster, not an
    empty cell on each row (REQ001)."""
    runs = (layout or {}).get(LACKS_RUNS)
    pieces: list[tuple[list[int], dict[str, Any] | None, Any]] = []
    rest = index
    if isinstance(runs, list) and layout is not None:
        spot = {i: sheet.first + n for n, i in enumerate(sheet.group)}
        placed = layout.get("columns", {})
        said = layout.get(LACKS_RUN_ROWS)
        if not (isinstance(said, list) and len(said) == len(runs)):
            said = [None] * len(runs)
        for run, rows in zip(runs, said, strict=True):
            if not (isinstance(run, list) and len(run) == 5 and all(map(_whole, run[2:4]))):
                continue
            where, (first, count), keys = run[:2], run[2:4], run[4]
            mine = [i for i in rest if first <= spot[i] < first + count]
            if rows is not None and (by_row := _by_row(sheet, rest, rows, mine, count)) is not None:
                mine = by_row  # none, where its rows were all taken out
            if not mine or not isinstance(keys, list):
                continue
            theirs = {**layout, "columns": {k: v for k, v in placed.items() if k in keys}}
            pieces.append((mine, theirs, where))
            taken = set(mine)
            rest = [i for i in rest if i not in taken]
    if rest or not pieces:
        pieces.append((rest, layout, (layout or {}).get(LACKS_AT)))
    pieces.sort(key=lambda piece: piece[0][0] if piece[0] else -1)
    out = []
    for mine, theirs, where in pieces:
        table = _table(sheet, mine, theirs)
        lacking(table, where)
        out.append(table)
    return out


def _by_row(
    sheet: SourceSheet, index: list[int], said: Any, placed: list[int], count: int
) -> list[int] | None:
    """The rows of ``index`` a run of LACKS_RUNS names by their source row (``said``: runs
    of numbers, each its first and last; lbc.reports.export.row_runs), where the rows at
    its places (``placed``) are not its ``count`` rows of those numbers: rows were taken
    out of the file or put in. Only where every row of the source sheet in the file has a
    number of its own (the file holds one source sheet of that name); else None, and the
    run's places go, as from a file written before runs said their rows."""
    if not (isinstance(said, list) and all(isinstance(r, list) and len(r) == 2 for r in said)):
        return None
    if not all(_whole(n) for r in said for n in r):
        return None
    firsts = [r[0] for r in said]
    rows = sheet.rows

    def named(i: int) -> bool:
        n = rows[i]
        at = bisect.bisect_right(firsts, n) - 1 if _whole(n) else -1
        return at >= 0 and n <= said[at][1]

    if len(placed) == count and all(map(named, placed)):
        return None
    if len({rows[i] for i in sheet.group}) != len(sheet.group):
        return None
    return [i for i in index if named(i)]


def _lacking_rows(
    table: Table,
    index: list[int],
    columns: dict[str, list[Any]],
    rows_lacking: dict[tuple[str, str, str], tuple[tuple[str, str], frozenset[str]]],
    had: SourceColumns,
) -> None:
    """Each row of ``table`` (``index``: its rows of a CSV file's) that the file says lacked
    columns at a sheet of its own (``rows_lacking``, LACKS_ROWS with a source row), given
    that sheet as its source, and the sheet the columns it had (``had``): by_source makes
    them a piece of their own lacking the rest there, as the merged workbook's rows are."""
    if table.sources is None:
        return
    n = len(columns.get(TABLE, ()))
    schools, source_rows = (columns.get(k) or [None] * n for k in (SCHOOL, SOURCE_ROW))
    for k, i in enumerate(index):
        school = _text(schools[i])
        said = rows_lacking.get((table.kind.value, school, _text(source_rows[i])))
        if said is not None:
            place, keys = said
            table.sources[k] = place
            had[(table.kind.value, *place, school)] = keys


def _typed_back(columns: dict[str, list[Any]], kinds: list[Any]) -> None:
    """Each phone cell a CSV file's TYPED_ROWS give as typed put back in its child's row,
    in ``columns``: the children row right before it (lbc export writes it there), if of
    its school, file, sheet and row; else (a file written with them after every child's
    row, or sorted since) the one children row of that place, none where several are:
    two counties' rosters, each merged from inside its own folder, name their schools'
    files alike, and a child's cells are never another's."""
    n = len(kinds)
    lead = [columns.get(k) or [None] * n for k in LEAD]
    place = lambda i: tuple(_text(column[i]) for column in lead)  # noqa: E731
    children = TABLE_NAMES[Kind.CHILDREN]
    phones = [key for key in PHONES_TOGETHER if key in columns]
    at: dict[tuple[str, ...], list[int]] | None = None
    for j, kind in enumerate(kinds):
        if kind != TYPED_ROWS:
            continue
        i = j - 1
        while i >= 0 and kinds[i] == TYPED_ROWS:  # a child's cells, a row each (before)
            i -= 1
        if i < 0 or kinds[i] != children or place(i) != place(j):
            if at is None:  # each children row by its file, sheet and row
                at = {}
                for k, kind_k in enumerate(kinds):
                    if kind_k == children:
                        at.setdefault(place(k)[1:], []).append(k)
            school, *where = place(j)  # no 学校 in a file written before it was said
            found = [k for k in at.get(tuple(where), ()) if not school or place(k)[0] == school]
            if len(found) != 1:
                continue
            i = found[0]
        for key in phones:
            if columns[key][j] is not None:
                columns[key][i] = columns[key][j]


def _nobody(
    had: SourceColumns, read: set[tuple[str, str]], columns: dict[str, list[Any]], shown: set[str]
) -> list[tuple[Table, str]]:
    """A table of no rows for each children sheet a CSV file's rows of columns (``had``)
    name and none of its rows came from (``read``: each table's school file and sheet), a
    school's roster of headers only: read back, it holds nobody, as the school's own file
    does, and lbc validate says so (REQ002) under that file and sheet, as from a merged
    workbook or Parquet file (empty_children). Each with the school its row names."""
    out = []
    for (kind, file, sheet, school), keys in had.items():
        if kind != Kind.CHILDREN.value or (file, sheet) in read:
            continue
        read.add((file, sheet))
        empty = SourceSheet(Kind.CHILDREN, file, sheet, columns, [], [], shown, set(keys))
        table = _table(empty, [], None)
        out.append((table, school))
    return out


def _school_layout(
    layouts: dict[str, Any], key: str, school: str, layout: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The layout of ``school``'s rows of the source sheet ``key``: its own, else the one
    of the school its metadata could not name ("": a piece whose first row's 学校 was
    blank), as a merged workbook's 来源列 is read (lbc.roster.merged_books.columns_had); else
    ``layout``, the whole sheet's."""
    mine = layouts.get(school_key(key, school))
    return layouts.get(school_key(key, ""), layout) if mine is None else mine


def _text(value: Any) -> str:
    """A source file's or sheet's name as a cell of a CSV file gives it."""
    return "" if value is None else str(value)


def _row_numbers(path: Path, rows: list[Any]) -> list[int]:
    """The ``source_row`` column as Excel row numbers, refused unless each is one (a whole
    number from 1): a row number found in the school's file is what a finding points at."""
    out = []
    for i, row in enumerate(rows):
        if isinstance(row, float) and row.is_integer():
            row = int(row)
        if isinstance(row, bool) or not isinstance(row, int) or row < 1:
            raise LbcError(
                t("err.parquet_source_row", path=path, column=SOURCE_ROW, row=i + 1, value=row)
            )
        out.append(row)
    return out


@dataclass(frozen=True)
class SourceSheet:
    """What one source sheet's tables are read from: its kind, school file and sheet; the
    file's ``columns`` and Excel ``rows``, of which ``group`` are the sheet's, in order;
    the columns whose cells may show a formula's error (``shown``), and the columns a CSV
    file's rows of columns (COLUMN_ROWS) say the sheets of its kind had, empty ones too
    (``had``). Each table of it is some of its rows, read by a layout."""

    kind: Kind
    file: str
    sheet: str
    columns: dict[str, list[Any]]
    rows: list[Any]
    group: list[int]
    shown: set[str]
    had: set[str]
    first: int = 0  # the place of the first of ``group`` among the sheet's rows in the file


def _table(sheet: SourceSheet, index: list[int], layout: dict[str, Any] | None) -> Table:
    """The rows ``index`` of a source sheet as a :class:`Table`, read by ``layout``: the
    columns its sheet had, with their letters and labels, and the other values of its
    kind (a 学校, 类别 folded from 是/否 columns) as values without a column, as reading the
    sheet itself gave them. Without the metadata, every column holding a value, or one
    the sheet had (``sheet.had``), is a column where it stands. It is marked as showing a
    formula's error where a cell of a ``sheet.shown`` column is one, as a sheet's cell is
    read (lbc.roster.reading.FORMULA_ERRORS). ``index`` may be one school's of the
    sheet's rows (``sheet.group``: a layout's cells count their places among them,
    _cell_places)."""
    labels = {f.key: f.label for f in FIELDS[sheet.kind]}
    placed: dict[str, list[str]] = (layout or {}).get("columns", {})
    numbers: dict[str, list[int]] = (layout or {}).get("number_cells", {})
    typed: dict[str, list[list[Any]]] = (layout or {}).get("typed_cells", {})
    moved: dict[str, list[list[Any]]] = (layout or {}).get(MOVED_CELLS, {})
    unheld: dict[str, list[list[Any]]] = (layout or {}).get(UNHELD_CELLS, {})
    wanted = numbers or typed or moved or unheld
    at = _cell_places(sheet.rows, index, sheet.group, sheet.first) if wanted else None
    cols: dict[str, Column] = {}
    raw: dict[str, list[Any]] = {}
    unknown: list[tuple[str, str]] = []
    for j, name in enumerate(sheet.columns):
        if name in (TABLE, *LEAD[1:]):
            continue
        values = pick(sheet.columns[name], index)
        if name not in labels:
            if any(v is not None for v in values):
                unknown.append((column_letter(j + 1), name))
            continue
        for cell in numbers.get(name, ()):  # a number cell in the school's file: ID004, PHN006
            k = at(cell) if at else None
            if k is not None and values[k] is not None:
                values[k] = float(values[k])
        for cell in typed.get(name, ()):  # as the school typed it (TYPED_ROWS)
            if not (at and isinstance(cell, list) and len(cell) > 1 and isinstance(cell[1], str)):
                continue
            if (k := at(cell[:1] + cell[2:])) is not None:  # its row, and its place if said
                values[k] = cell[1]
        filled = any_filled(values)
        if name in placed:
            letter, label = placed[name]
            cols[name] = Column(name, j, letter, label)
        elif layout is None and (filled or name in sheet.had):
            cols[name] = Column(name, j, column_letter(j + 1), labels[name])
        elif not filled:  # a column of other schools' sheets, not of this one
            continue
        raw[name] = values
    table = Table(
        kind=sheet.kind,
        file=sheet.file,
        sheet=sheet.sheet,
        header_rows=tuple((layout or {}).get("header_rows", [1])),
        columns=cols,
        unknown=unknown,
        rows=[int(sheet.rows[i]) for i in index],
        raw=raw,
        title=(layout or {}).get("title", ""),
        ignored=[(letter, label, "unknown", False) for letter, label in unknown],
        formula_errors=any(not FORMULA_ERRORS.isdisjoint(raw[k]) for k in sheet.shown & raw.keys()),
    )
    if at is not None and moved:
        _moved_back(table, at, moved, (layout or {}).get(MOVED_COLUMNS))
    if at is not None and unheld:
        _unheld_back(table, at, unheld, (layout or {}).get(UNHELD_COLUMNS))
        where = (layout or {}).get(UNHELD_AT)
        if table.unheld and isinstance(where, list) and [*map(type, where)] == [str, str]:
            table.unheld_at = (where[0], where[1])
    complete(table)
    return table


def _moved_back(
    table: Table,
    at: Callable[[Any], int | None],
    moved: Any,
    labels: Any,
) -> None:
    """The cells a layout says were read from another column where their own was empty
    (MOVED_CELLS: row, letter, place), put back in ``table.moved`` under their rows, each
    placed as a typed cell is (``at``: _cell_places), and those columns' headers
    (MOVED_COLUMNS) in ``table.moved_labels``; a cell of another table's rows, or one
    not so written, is passed over."""
    if not isinstance(moved, dict):
        return
    for key, cells in moved.items():
        if key not in table.columns or not isinstance(cells, list):
            continue
        for cell in cells:
            if not (isinstance(cell, list) and len(cell) == 3 and _is_letter(cell[1])):
                continue
            if (k := at([cell[0], cell[2]])) is not None:
                table.moved.setdefault(key, {})[table.rows[k]] = cell[1]
    if table.moved and isinstance(labels, dict):
        table.moved_labels = {
            letter: label
            for letter, label in labels.items()
            if _is_letter(letter) and isinstance(label, str)
        }


def _unheld_back(
    table: Table,
    at: Callable[[Any], int | None],
    unheld: Any,
    labels: Any,
) -> None:
    """The cells a layout says their row's guardian's set had no column of (UNHELD_CELLS:
    row, place), put back in ``table.unheld`` under their rows, each placed as a typed
    cell is (``at``: _cell_places), with each field's missing column's header
    (UNHELD_COLUMNS) in ``table.unheld_labels``; a cell of another table's rows, or one
    not so written, is passed over, and a field without a header is not put back."""
    if not (isinstance(unheld, dict) and isinstance(labels, dict)):
        return
    for key, cells in unheld.items():
        label = labels.get(key)
        if key not in table.columns or not isinstance(cells, list) or not isinstance(label, str):
            continue
        for cell in cells:
            if isinstance(cell, list) and len(cell) == 2 and (k := at(cell)) is not None:
                table.unheld.setdefault(key, set()).add(table.rows[k])
        if key in table.unheld:
            table.unheld_labels[key] = label


def _is_letter(value: Any) -> bool:
    """Whether ``value`` is an Excel column's letters (A … XFD)."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= 3
        and value.isascii()
        and value.isalpha()
        and value.isupper()
    )


def _cell_places(
    rows: list[Any], index: list[int], group: list[int], first: int = 0
) -> Callable[[Any], int | None]:
    """Where a table's number or typed cell its layout names goes among the table's rows
    (``index``): a cell named by its source row alone goes to the one row of that number,
    to none where several are (two counties' rosters, each merged from inside its own
    folder, name their schools' files alike; a file written before cells said their
    place); one named by its row and its place among the rows the file holds of its
    source sheet (``group``, the first of which is at ``first`` there;
    lbc.reports.export.layout) goes to that row, if it is of that number and of the table;
    where the row at that place is not (rows taken out of the file, or put in), to the one
    row of that number, if every row of the group has a number of its own (the file holds
    one source sheet of that name). A child's cells are never another's."""
    at: dict[int, int] = {}
    twice: set[int] = set()
    mine: dict[int, int] = {}
    for k, i in enumerate(index):
        row = rows[i]
        if row in at:
            twice.add(row)
        at[row] = k
        mine[i] = k
    for row in twice:
        del at[row]

    def place(cell: Any) -> int | None:
        if isinstance(cell, list) and len(cell) == 1:
            cell = cell[0]
        if _whole(cell):
            return at.get(cell)
        if not (isinstance(cell, list) and len(cell) == 2 and all(map(_whole, cell))):
            return None
        row, spot = cell[0], cell[1] - first
        if not 0 <= spot < len(group) or rows[group[spot]] != row:
            return at.get(row) if distinct() else None
        return mine.get(group[spot])

    @functools.cache
    def distinct() -> bool:
        return len({rows[i] for i in group}) == len(group)

    return place


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
