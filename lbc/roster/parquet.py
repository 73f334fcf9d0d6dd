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

import json
from pathlib import Path
from typing import Any

from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster.fields import FIELDS, Kind
from lbc.roster.tables import Column, Table, column_letter, complete

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


def source_key(kind: Kind, file: str, sheet: str) -> str:
    """How the metadata names one source sheet's layout."""
    return f"{TABLE_NAMES[kind]}\t{file}\t{sheet}"


def read_tables(path: Path) -> list[tuple[Table, str]]:
    """The tables a Parquet file holds, each with its school (its rows' first)."""
    import pyarrow.parquet as pq

    from lbc.output.parquet import arrow

    pa = arrow()
    try:
        with pq.ParquetFile(path) as source:
            data = source.read()
            footer = source.metadata.metadata or {}
    except (pa.ArrowException, OSError) as exc:
        raise LbcError(t("err.corrupt", path=path, reason=_first_line(exc))) from exc
    # Written after the rows (lbc.output.parquet), so it is in the footer, not the schema.
    layouts: dict[str, Any] | None = None
    if METADATA_KEY.encode() in footer:
        try:
            layouts = json.loads(footer[METADATA_KEY.encode()])["sources"]
        except (ValueError, KeyError, TypeError):
            layouts = None
    columns = {name: _values(data.column(name)) for name in data.column_names}
    return tables_from_columns(path, path.stem, columns, layouts)


def _values(column: Any) -> list[Any]:
    """A column as Python values. Text that repeats (classes, 留守类型, schools, the null
    columns of another table's keys) shares one string object per distinct value, as the
    roster reader's memoised normalising does: a province is a million rows."""
    import pyarrow as pa

    n = len(column)
    if column.null_count == n:
        return [None] * n
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        encoded = column.combine_chunks().dictionary_encode()
        if len(encoded.dictionary) * 4 < n:
            words = encoded.dictionary.to_pylist()
            return [None if i is None else words[i] for i in encoded.indices.to_pylist()]
    return column.to_pylist()


def is_stacked(header: list[Any]) -> bool:
    """Whether a sheet's first row is the header lbc export writes to a CSV file."""
    return header[: len(LEAD) + 1] == [TABLE, *LEAD]


def tables_from_columns(
    path: Path, sheet: str, columns: dict[str, list[Any]], layouts: dict[str, Any] | None
) -> list[tuple[Table, str]]:
    """Tables from a file of canonical columns, each with its school.

    With lbc's metadata (``layouts``) every row goes back to the school's own file, sheet
    and row, its columns to their letters there. Without it (a CSV export, a Parquet file
    from pandas) a row is where it stands in this file, as a spreadsheet shows it: the
    header in row 1, each column at its own letter; so a finding points at a real cell.
    """
    n = len(next(iter(columns.values()), []))
    kinds = columns.get(TABLE) or [TABLE_NAMES[Kind.CHILDREN]] * n
    if layouts is not None and all(k in columns for k in LEAD[1:]):
        files, sheets, rows = (columns[k] for k in LEAD[1:])
    else:
        files, sheets, rows, layouts = [str(path)] * n, [sheet] * n, list(range(2, n + 2)), None
    groups: dict[tuple[Any, Any, Any], list[int]] = {}
    for i, key in enumerate(zip(kinds, files, sheets, strict=True)):
        groups.setdefault(key, []).append(i)
    schools = columns.get(SCHOOL)
    out = []
    for (kind_name, file, sheet_name), index in groups.items():
        kind = _KINDS.get(kind_name)
        if kind is None:
            raise LbcError(t("err.parquet_table", path=path, table=kind_name))
        layout = None if layouts is None else layouts.get(source_key(kind, file, sheet_name), {})
        table = _table(kind, str(file), str(sheet_name), index, columns, rows, layout)
        school = next((schools[i] for i in index if schools[i]), "") if schools else ""
        out.append((table, school))
    return out


def _table(
    kind: Kind,
    file: str,
    sheet: str,
    index: list[int],
    columns: dict[str, list[Any]],
    rows: list[Any],
    layout: dict[str, Any] | None,
) -> Table:
    """One source sheet's rows as a :class:`Table`: the columns its sheet had, with their
    letters and labels, and the other values of its kind (a 学校, 类别 folded from 是/否
    columns) as values without a column, as reading the sheet itself gave them. Without
    the metadata, every column holding a value is a column where it stands."""
    labels = {f.key: f.label for f in FIELDS[kind]}
    placed: dict[str, list[str]] = (layout or {}).get("columns", {})
    numbers: dict[str, list[int]] = (layout or {}).get("number_cells", {})
    at = {int(rows[i]): k for k, i in enumerate(index)} if numbers else {}
    cols: dict[str, Column] = {}
    raw: dict[str, list[Any]] = {}
    unknown: list[tuple[str, str]] = []
    for j, name in enumerate(columns):
        if name in (TABLE, *LEAD[1:]):
            continue
        values = _pick(columns[name], index)
        if name not in labels:
            if any(v is not None for v in values):
                unknown.append((column_letter(j + 1), name))
            continue
        for row in numbers.get(name, ()):  # a number cell in the school's file: ID004 again
            k = at.get(row)
            if k is not None and values[k] is not None:
                values[k] = float(values[k])
        raw[name] = values
        if name in placed:
            letter, label = placed[name]
            cols[name] = Column(name, j, letter, label)
        elif layout is None and any(v is not None and v != "" for v in values):
            cols[name] = Column(name, j, column_letter(j + 1), labels[name])
    table = Table(
        kind=kind,
        file=file,
        sheet=sheet,
        header_rows=tuple((layout or {}).get("header_rows", [1])),
        columns=cols,
        unknown=unknown,
        rows=[int(rows[i]) for i in index],
        raw=raw,
        title=(layout or {}).get("title", ""),
        ignored=[(letter, label, "unknown", False) for letter, label in unknown],
    )
    complete(table)
    return table


def _pick(values: list[Any], index: list[int]) -> list[Any]:
    """``values`` at ``index``: a slice when the rows are one run (a source sheet's rows
    are written together), as they nearly always are."""
    if index and index[-1] - index[0] + 1 == len(index):
        return values[index[0] : index[-1] + 1]
    return [values[i] for i in index]


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
