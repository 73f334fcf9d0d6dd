"""From raw grids to canonical tables: find the header, name the columns, normalise values.

A :class:`Table` is column-oriented (one list per canonical key) because checks run down
columns and a county roster has 100,000 rows: a list per column keeps normalising to one
tight loop per column, memoised where values repeat (classes, genders, 留守类型 …).
Every value stays traceable to its Excel row number and column letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from lbc import normalise as nz
from lbc.errors import LbcError
from lbc.fields import (
    CATEGORY_COLUMNS,
    FIELDS,
    IGNORED_HEADERS,
    Kind,
    build_lookup,
    fold_header,
)
from lbc.messages import t
from lbc.reading import RawSheet, read_sheets

# How far down a sheet the header may sit (title rows, notes above the table).
HEADER_SEARCH_ROWS = 20

Normaliser = Callable[[Any], Any]
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")

# key -> (normaliser, memoise?) per sheet kind; memoise where values repeat.
NORMALISERS: dict[Kind, dict[str, tuple[Normaliser, bool]]] = {
    Kind.CHILDREN: {
        "name": (nz.name, False),
        "gender": (nz.gender, True),
        "id_number": (nz.id_number, False),
        "student_no": (nz.text, False),
        "birth_date": (nz.date, True),
        "ethnicity": (nz.text, True),
        "grade": (nz.grade, True),
        "class": (nz.class_ref, True),
        "health": (nz.text, True),
        "home_address": (nz.text, False),
        "left_behind_type": (nz.left_behind_type, True),
        "categories": (nz.categories, True),
        **{key: (nz.yes_no, True) for key in CATEGORY_COLUMNS},
        "key_target": (nz.yes_no, True),
        "enrollment_status": (nz.enrollment_status, True),
        "father_name": (nz.name, False),
        "mother_name": (nz.name, False),
        "parent_name": (nz.name, False),
        "father_phone": (nz.phone, False),
        "mother_phone": (nz.phone, False),
        "parent_phone": (nz.phone, False),
        "parent_work_phone": (nz.phone, False),
        "guardian_phone": (nz.phone, False),
        "father_work_place": (nz.text, True),
        "mother_work_place": (nz.text, True),
        "parent_work_place": (nz.text, True),
        "guardian_name": (nz.name, False),
        "guardian_relation": (nz.relation, True),
        "guardian_address": (nz.text, False),
        "guardian_age": (nz.integer, True),
        "guardian_health": (nz.text, True),
        "guardian_occupation": (nz.text, True),
        "support_teacher": (nz.name, True),
        "notes": (nz.text, False),
    },
    Kind.TEACHERS: {
        "name": (nz.name, False),
        "gender": (nz.gender, True),
        "phone": (nz.phone, False),
        "role": (nz.text, True),
        "classes": (nz.classes, True),
        "subjects": (nz.text, True),
        "party_member": (nz.party_member, True),
        "capacity": (nz.integer, True),
        "active": (nz.active, True),
        "notes": (nz.text, False),
    },
    Kind.RECORDS: {
        "date": (nz.date, True),
        "teacher": (nz.name, True),
        "student": (nz.name, True),
        "class": (nz.class_ref, True),
        "kind": (nz.record_kind, True),
        "content": (nz.text, False),
    },
}


@dataclass(frozen=True)
class Column:
    key: str
    index: int  # position in the raw row
    letter: str  # Excel column letter
    label: str  # the header as the file spells it


class Columns(dict[str, list[Any]]):
    """Normalised columns, each normalised the first time it is asked for.

    A county roster has 26 columns of 100,000 cells and no rule reads some of them (民族,
    备注, parents' names …): they cost nothing until a report needs them.
    """

    def __init__(self, raw: dict[str, list[Any]], kind: Kind) -> None:
        super().__init__()
        self._raw = raw
        self._kind = kind

    def __missing__(self, key: str) -> list[Any]:
        if key not in self._raw:
            raise KeyError(key)
        fn, memo = NORMALISERS[self._kind][key]
        column = self[key] = _normalise_column(self._raw[key], fn, memo)
        return column

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._raw

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default


@dataclass(eq=False)  # tables are compared by identity: two files may hold equal ones
class Table:
    """One recognised sheet: canonical columns of normalised values, aligned with ``rows``."""

    kind: Kind
    file: str
    sheet: str
    header_rows: tuple[int, ...]
    columns: dict[str, Column]
    unknown: list[tuple[str, str]]
    rows: list[int]
    raw: dict[str, list[Any]] = field(default_factory=dict)
    values: Columns = field(init=False)

    def __post_init__(self) -> None:
        self.values = Columns(self.raw, self.kind)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, key: str) -> bool:
        return key in self.columns

    def get(self, key: str, i: int) -> Any:
        col = self.values.get(key)
        return None if col is None else col[i]

    def letter(self, key: str) -> str | None:
        col = self.columns.get(key)
        return col.letter if col else None


@dataclass
class Roster:
    """Everything read from the input files: tables by kind, plus what was passed over."""

    files: list[str]
    children: list[Table]
    teachers: list[Table]
    records: list[Table]
    skipped: list[tuple[str, str]]  # (file, sheet) not recognised

    def tables(self) -> list[Table]:
        return [*self.children, *self.teachers, *self.records]


@dataclass(frozen=True)
class _Header:
    kind: Kind
    score: int
    first: int  # index into sheet.rows
    height: int  # 1 or 2 rows
    columns: dict[str, Column]
    unknown: list[tuple[str, str]]


def column_letter(index: int) -> str:
    """Excel's letters for a 1-based column number (28 -> "AB"), without importing openpyxl
    on every run just for this."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


def _anchors_ok(kind: Kind, keys: set[str]) -> bool:
    """Whether the matched keys are enough to call a sheet this kind."""
    if kind is Kind.CHILDREN:
        strong = {"id_number", "class", "left_behind_type", "guardian_name", "guardian_phone"}
        strong |= {"birth_date", "home_address", "father_phone", "mother_phone"}
        return "name" in keys and len(keys & strong) >= 2
    if kind is Kind.TEACHERS:
        strong = {"phone", "role", "classes", "subjects", "party_member", "capacity", "active"}
        return "name" in keys and len(keys & strong) >= 1
    return "date" in keys and "teacher" in keys and bool(keys & {"student", "kind", "content"})


def _header_labels(sheet: RawSheet, i: int, two_rows: bool) -> list[tuple[str, str]]:
    """Header text per column as (group, label): one row has no group; a two-row header
    pairs the group row's text with the row below it."""
    top = [_cell_text(v) for v in sheet.rows[i]]
    if not two_rows:
        return [("", text) for text in top]
    sub = [_cell_text(v) for v in sheet.rows[i + 1]]
    abs_row = sheet.row0 + i
    # Horizontal merges in the top row spread their text over the merged columns.
    row_merges = [(c1, c2) for (r1, c1), (_, c2) in sheet.merged if r1 == abs_row and c2 > c1]
    for c1, c2 in row_merges:
        text = top[c1 - sheet.col0] if 0 <= c1 - sheet.col0 < len(top) else ""
        for c in range(max(c1, sheet.col0), min(c2, sheet.col0 + len(top) - 1) + 1):
            if not top[c - sheet.col0]:
                top[c - sheet.col0] = text
    labels = []
    group = ""
    for a, b in zip(top, sub, strict=False):
        if a and b:
            group = a
        elif not a and b and group and not row_merges:
            # CSV and unmerged group rows: "父亲,," above "姓名,电话,…". Judged by this row's
            # merges, not the sheet's: a merged title must not stop an unmerged group row.
            a = group
        elif a and not b:
            group = ""
        labels.append((a, b) if a and b else ("", a or b))
    return labels


def _match(
    kind: Kind, lookup: dict[str, str], labels: list[tuple[str, str]], sheet: RawSheet
) -> _Header:
    columns: dict[str, Column] = {}
    unknown: list[tuple[str, str]] = []
    for j, (top, sub) in enumerate(labels):
        if not sub:
            continue
        candidates: tuple[str, ...] = (top + sub, sub, top) if top else (sub,)
        shown = top + sub
        letter = column_letter(sheet.col0 + j + 1)
        key = None
        # "监护人电话（手机）": the words in brackets are a note, tried without them too.
        candidates = (*candidates, *(_BRACKETED.sub("", c) for c in candidates))
        for text in candidates:
            folded = fold_header(text)
            if folded in IGNORED_HEADERS:
                key = ""
                break
            key = lookup.get(folded)
            if key:
                break
        if key == "":
            continue
        if key and key not in columns:
            columns[key] = Column(key, j, letter, shown)
        else:
            unknown.append((letter, shown))
    return _Header(kind, len(columns), 0, 1, columns, unknown)


def find_header(sheet: RawSheet, synonyms: dict[str, list[str]] | None = None) -> _Header | None:
    """The best header (kind, row, columns) among the first rows of a sheet, if any."""
    lookups = {kind: build_lookup(kind, synonyms) for kind in FIELDS}
    best: _Header | None = None
    order = {Kind.CHILDREN: 0, Kind.RECORDS: 1, Kind.TEACHERS: 2}
    limit = min(len(sheet.rows), HEADER_SEARCH_ROWS)
    for i in range(limit):
        if not any(_cell_text(v) for v in sheet.rows[i]):
            continue
        one = _header_labels(sheet, i, two_rows=False)
        two = _header_labels(sheet, i, two_rows=True) if i + 1 < len(sheet.rows) else None
        below = _header_labels(sheet, i + 1, two_rows=False) if two is not None else None
        for kind in sorted(FIELDS, key=order.__getitem__):
            found = _match(kind, lookups[kind], one, sheet)
            height = 1
            if two is not None and below is not None:
                joined = _match(kind, lookups[kind], two, sheet)
                # Two rows only when they find more than either row alone: a title above a
                # one-row header (merged across, or typed in A1 alone) would otherwise be
                # joined to it as a group label and reported as a header row.
                alone = max(found.score, _match(kind, lookups[kind], below, sheet).score)
                if joined.score > alone:
                    found, height = joined, 2
            if not _anchors_ok(kind, set(found.columns)):
                continue
            if best is None or found.score > best.score:
                best = _Header(kind, found.score, i, height, found.columns, found.unknown)
    return best


def _is_note(row: Sequence[Any]) -> bool:
    """A trailing note, signature line or total ("填表人：…", "合计：150人") rather than data."""
    filled = [_cell_text(v) for v in row if _cell_text(v)]
    if len(filled) != 1:
        return False
    only = filled[0]
    return len(only) > 8 or ":" in only or only.startswith(("注", "合计", "说明", "备注"))


def _is_data(row: Sequence[Any], mapped: list[int]) -> bool:
    """Whether a row below the header holds data: not blank, not only a 序号 left in an
    unused row, not a trailing note. Written for speed: a county roster has 100,000 rows
    and nearly all of them answer at their first mapped cell."""
    n = len(row)
    if not any(j < n and row[j] != "" and row[j] is not None for j in mapped):
        return False
    filled = 0
    for v in row:
        if v != "" and v is not None:
            filled += 1
            if filled > 1:
                return True
    return not _is_note(row) and any(_cell_text(row[j]) for j in mapped if j < n)


def _normalise_column(values: list[Any], fn: Normaliser, memo: bool) -> list[Any]:
    """Normalise a column; where values repeat (classes, 留守类型 …) each distinct value is
    normalised once and the column is mapped through that table at C speed."""
    if not memo:
        return [fn(v) for v in values]
    distinct = dict.fromkeys(values)
    # True, 1 and 1.0 are one key here but may normalise differently: go value by value.
    if any(k.__class__ in (bool, int, float) and k in (0, 1) for k in distinct):
        return [fn(v) for v in values]
    for k in distinct:
        distinct[k] = fn(k)
    return list(map(distinct.__getitem__, values))


def build_table(
    file: str, sheet: RawSheet, synonyms: dict[str, list[str]] | None = None
) -> Table | None:
    """The sheet as a canonical :class:`Table`, or None when it is no roster sheet."""
    header = find_header(sheet, synonyms)
    if header is None:
        return None
    start = header.first + header.height
    name_col = header.columns.get("name") or header.columns.get("date")
    mapped = sorted(c.index for c in header.columns.values())
    grid = sheet.rows
    # Two mapped cells filled make a data row at once (nearly every row of a roster); any
    # other row is looked at closely.
    j0, j1 = mapped[0], mapped[1] if len(mapped) > 1 else mapped[0]
    data_idx = [
        i
        for i in range(start, len(grid))
        if (j1 < len(grid[i]) and grid[i][j0] and grid[i][j1] and j0 != j1)
        or _is_data(grid[i], mapped)
    ]
    if name_col is not None:
        # The header printed again on a later page (a copy of the header cell) is no child.
        j, label = name_col.index, name_col.label
        data_idx = [i for i in data_idx if j >= len(sheet.rows[i]) or sheet.rows[i][j] != label]
    rows = [sheet.row0 + i + 1 for i in data_idx]
    table = Table(
        kind=header.kind,
        file=file,
        sheet=sheet.name,
        header_rows=tuple(sheet.row0 + header.first + 1 + k for k in range(header.height)),
        columns=header.columns,
        unknown=header.unknown,
        rows=rows,
    )
    kept = [sheet.rows[i] for i in data_idx]
    width = max(mapped) + 1
    kept = [r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in kept]
    for key, col in header.columns.items():
        j = col.index
        table.raw[key] = list(map(itemgetter(j), kept))
    if header.kind is Kind.CHILDREN:
        _merge_categories(table)
    return table


def _merge_categories(table: Table) -> None:
    """Fold the separate 是/否 category columns (孤儿, 建档立卡 …) into ``categories``."""
    flags = [(key, word) for key, word in CATEGORY_COLUMNS.items() if key in table.values]
    if not flags:
        return
    base = table.values.get("categories") or [None] * len(table)
    merged = []
    for i, cats in enumerate(base):
        found = list(cats) if isinstance(cats, tuple) else []
        for key, word in flags:
            if table.values[key][i] == "是" and word not in found:
                found.append(word)
        merged.append(cats if isinstance(cats, nz.Bad) else tuple(found))
    table.values["categories"] = merged


def load_roster(
    paths: Sequence[Path],
    synonyms: dict[str, list[str]] | None = None,
) -> Roster:
    """Read every file, recognise each sheet by its header, and build canonical tables.

    Raises :class:`LbcError` when a file cannot be read or no children sheet is found.
    """
    roster = Roster(files=[], children=[], teachers=[], records=[], skipped=[])
    for path in paths:
        name = str(path)
        roster.files.append(name)

        def prepare(sheet: RawSheet, name: str = name) -> tuple[RawSheet, Table | None]:
            table = build_table(name, sheet, synonyms)
            if table is not None and table.kind is not Kind.CHILDREN:
                # Small sheets are normalised now, on the reading thread when there is one.
                for key in table.raw:
                    table.values.get(key)
            return sheet, table

        for sheet, table in read_sheets(path, prepare):
            if table is None:
                if sheet.rows:
                    roster.skipped.append((name, sheet.name))
                continue
            {
                Kind.CHILDREN: roster.children,
                Kind.TEACHERS: roster.teachers,
                Kind.RECORDS: roster.records,
            }[table.kind].append(table)
    if not roster.children:
        raise LbcError(t("err.no_children", files="、".join(roster.files)))
    return roster
