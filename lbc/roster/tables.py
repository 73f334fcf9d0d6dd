"""From raw grids to canonical tables (lbc.roster.canonical): find the header, name the
columns, read what a sheet says around its cells (a class from a heading row or a sheet's
name, a coded column), and load a run's files into one Roster, a merged roster's rows
traced back to the files they came from.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lbc.errors import LbcError
from lbc.messages import as_list, language, t
from lbc.roster import dates, phones, record_sheets
from lbc.roster import normalise as nz
from lbc.roster.canonical import (
    DRAGGED_ERROR,
    FORM_PARENT_ATTRIBUTES,
    IGNORED_FORM,
    IGNORED_GUARDIAN_MORE,
    IGNORED_HIDDEN,
    IGNORED_NUMBERING,
    IGNORED_OWN,
    IGNORED_REPEAT,
    IGNORED_SAYS_LESS,
    IGNORED_SECOND_GUARDIAN,
    IGNORED_THIRD_GUARDIAN,
    IGNORED_UNKNOWN,
    IGNORED_WHERE_EMPTY,
    IGNORED_WHOSE,
    NORMALISERS,
    ONE_DATUM,
    Column,
    ErrorRows,
    Normaliser,
    Roster,
    Table,
    shows_an_error_whole,
)
from lbc.roster.completion import (
    CLASS_TOTAL,
    class_from_name,
    class_line,
    classes_under_headings,
    code_of,
    complete,
)
from lbc.roster.fields import (
    FIELDS,
    FORM_HEADERS,
    GUARDIAN_KEYS,
    IGNORED_HEADERS,
    MOST_PLACES,
    OWN_HEADERS,
    PAIRED_STUDENT_HEADERS,
    PLAN,
    ROLE_ATTRIBUTES,
    ROLES,
    Kind,
    build_lookup,
    fold_header,
    guardian_role,
    header_chars,
    names_group_role,
    person_key,
)
from lbc.roster.merged_books import (
    COLUMNS_SHEET,
    MERGED_MARK,
    SETTINGS_SHEETS,
    SOURCE_LABELS,
    EmptySources,
    LacksAt,
    LacksRuns,
    RecordSources,
    SourceColumns,
    UnheldRuns,
    by_source,
    columns_said,
    empty_sources,
    join_numbered_sheets,
    lacking,
    lacking_runs,
    piece_school,
    school_terms_rows,
    unheld_back,
    unheld_rows,
)
from lbc.roster.reading import (
    FORMULA_ERRORS,
    PARQUET_SUFFIX,
    UNSAVED,
    Merge,
    RawSheet,
    check_input_path,
    even_rows,
    read_book,
    read_sheets,
    sheet_names,
)
from lbc.roster.school_names import (
    names_a_grade,
)

if TYPE_CHECKING:
    pass

# How far down a sheet the header may sit (title rows, notes above the table).
HEADER_SEARCH_ROWS = 20

_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")


@dataclass(frozen=True)
class _Header:
    kind: Kind
    score: int
    first: int  # index into sheet.rows
    height: int  # 1, 2 or 3 rows
    columns: dict[str, Column]
    unknown: list[tuple[str, str]]
    ignored: list[tuple[str, str, str, bool]]


def distinct_children(
    tables: list[Table], schools: Mapping[str, str] | None = None
) -> Iterator[tuple[Table, int, tuple[Table, int] | None]]:
    """Every children row, with the row kept for its child when it repeats one: a child
    entered twice is one child to pair, count and report on. Rows are one child by their ID
    number, and a row without one by being a copy of another row of its school, on its
    sheet, another sheet of its workbook or another file (``copied_groups``; ``schools``:
    each file's school, Roster.copy_schools). The row kept is the first
    still on the books, else the first: a child who moved school is on both rosters, 转出
    on one and 在读 on the other, and is at the second whichever file is read first."""
    for table, repeats in zip(tables, repeated_rows(tables, schools), strict=True):
        if not repeats:  # nearly every table: each row its own child
            yield from zip(itertools.repeat(table), range(len(table)), itertools.repeat(None))
        else:
            for i in range(len(table)):
                yield table, i, repeats.get(i)


def in_other_schools(
    repeats: Iterable[tuple[Table, int, tuple[Table, int]]], school: Callable[[Table, int], str]
) -> list[tuple[Table, int, tuple[Table, int]]]:
    """Of ``repeats`` (rows repeating a child, each with the row kept for her:
    ``distinct_children``), her first row on the books of each school (``school``) other
    than the kept row's: a child two schools list (lbc validate's DUP003) is one of each
    school's own children, as validate's line per school counts her, though one child of
    the run's. A row 转出 or 毕业 is the roster of a school she left kept right."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for table, i, first in repeats:
        if table.get("enrollment_status", i) in nz.LEFT_SCHOOL:
            continue
        here = school(table, i)
        child = (id(first[0]), first[1], here)
        if here != school(*first) and child not in seen:
            seen.add(child)
            out.append((table, i, first))
    return out


# What an ID cell showing a formula's error holds as nz.id_number reads it (#N/A, ERR:502).
_ERROR_IDS = frozenset(nz.id_number(error) for error in FORMULA_ERRORS)


def id_numbers(table: Table) -> list[Any] | None:
    """``table``'s ID numbers as its children are told apart by, None where it has no
    such column. A cell showing a formula's error (a failed VLOOKUP's #N/A) holds no ID
    number: two children whose cells show one are two children without an ID, not one
    (VAL007 says each cell)."""
    ids = table.values.get("id_number")
    if ids is None:
        return ids
    try:
        if _ERROR_IDS.isdisjoint(ids):  # at C speed
            return ids
    except TypeError:  # an unhashable cell (a Parquet list): looked at one by one
        pass
    return [None if v.__class__ is str and v in _ERROR_IDS else v for v in ids]


def shows_an_error(value: object) -> bool:
    """Whether a cell, as read, shows a formula's error (#N/A): its text, or a value that
    could not be read holding it whole (a phone's, a class's)."""
    if isinstance(value, nz.Bad):
        return value.raw in FORMULA_ERRORS
    return value.__class__ is str and (value in FORMULA_ERRORS or value in _ERROR_IDS)


def phone_to_call(table: Table, key: str, i: int) -> str:
    """A phone as a school's document prints it (a card, a record sheet): the numbers to
    call (phones.numbers_to_call) of the row's ``key``, each with the extension the school
    wrote after it (13812345678、0817-5521234 转 8012, ``phone_extension``), asked for once
    through; "" for none. A cell holding a formula saved without its result (``unseen``)
    says so, and to look in Excel, where its number is: not a blank to fill in."""
    raw = table.raw.get(key)
    if raw is not None and unseen(raw[i]):
        with language("zh"):  # a school's document, in Chinese
            return t("cell.unsaved", value=raw[i])
    shown = []
    for number in phones.numbers_to_call(table.get(key, i)):
        if extension := phone_extension(table, key, i, number):
            with language("zh"):  # a school's document, in Chinese
                number = t("cards.extension", number=number, extension=extension)
        shown.append(number)
    return "、".join(shown)


def phone_extension(table: Table, key: str, i: int, number: str) -> str | None:
    """The extension of ``number``, one of the row's ``key`` numbers, that its own cell
    gives, else the cell of another's phone column labelling it as this one's (an empty
    母亲电话 filled from 父亲电话 of 父：…；母：0817-5521234转8012: phones.fill_owners); None
    where neither gives one."""
    raw = table.raw.get(key)
    owns = phones.column_owns(key)

    def mine(word: str) -> bool:
        # 父：… in 监护人电话 is the guardian's where the guardian is the father, as the
        # column is read (Columns.is_guardian).
        guardians = key == "guardian_phone" and table.values.is_guardian(i, word)
        return phones.whose(word) in owns or guardians

    if raw is not None and (found := phones.extension(raw[i], number, mine)):
        return found
    for other in phones.PHONES_TOGETHER:
        _, numbers = table.values.elsewhere(other).get(i, ((), ()))
        words = {word for word, n, owner in numbers if owner == key and n == number}
        if words and (found := phones.extension(table.raw[other][i], number, words.__contains__)):
            return found
    return None


def class_label(table: Table, i: int) -> str:
    """Row ``i``'s class as every list names its child (lbc validate's findings, the change
    log, the class a to-do list or a card is under): the class it names, what the cell held
    when it names none (不知道), "" where it is empty or its cell shows a formula's error
    whole (shows_an_error_whole, as VAL007 decides; or where no cell is kept to tell).
    Text typed like one (" #N/A" with a space, "＃N/A" in full width: read as the error
    once trimmed) is the unreadable text it is (CLS001), named as typed less the spaces
    around it, as 不知道's are (normalise.as_text): " #N/A", "#N/A " and " #N/A " are one
    class "#N/A", apart from 班级不明, not three rows that read alike."""
    cls = table.get("class", i)
    if not shows_an_error(cls):
        return nz.display(cls) or ""
    raw = table.raw.get("class")
    cell = None if raw is None else raw[i]
    return cell.strip() if cell.__class__ is str and not shows_an_error_whole(cell) else ""


def cells_held(table: Table, key: str) -> list[Any]:
    """Column ``key`` as what its cells hold, all None where the table lacks it: a cell
    showing a formula's error (a failed VLOOKUP's #N/A: shows_an_error_whole) holds
    nothing, as an empty cell does, wherever a rule or a count asks whether it is filled
    in (a phone nobody can call, a guardian nobody named); VAL007 says the cell. A formula
    saved without its result (UNSAVED) is held: Excel shows its value, which lbc cannot
    read (VAL010 says the cell), not a cell left empty."""
    cells = table.values.get(key) or [None] * len(table)
    raw = table.raw.get(key)
    if not table.formula_errors or raw is None:
        return cells
    return [None if _holds_nothing(c) else v for v, c in zip(cells, raw, strict=True)]


def cell_held(table: Table, key: str) -> Callable[[int], Any]:
    """``Table.cells`` as cells_held reads them: a cell showing a formula's error holds
    nothing (a parent's name, read only at the rows that need it)."""
    cell, raw = table.cells(key), table.raw.get(key)
    if not table.formula_errors or raw is None:
        return cell
    return lambda i: None if _holds_nothing(raw[i]) else cell(i)


def unseen_rows(table: Table, key: str) -> list[int]:
    """The rows whose cell of column ``key`` holds a formula saved without its result
    (UNSAVED): Excel shows a value there, which lbc cannot read. The one test of a cell
    lbc cannot see, by which no command calls a contact there missing, nor there
    (lbc.checks.contacts.unseen_contacts); none where the sheet holds no such cell."""
    raw = table.raw.get(key)
    if not table.formula_errors or raw is None or UNSAVED not in raw:
        return []
    return [i for i, cell in enumerate(raw) if unseen(cell)]


def unseen(cell: object) -> bool:
    """Whether a cell as the sheet holds it (Table.raw) is one lbc cannot see: a formula
    saved without its result (UNSAVED), whose value Excel shows (unseen_rows)."""
    return cell.__class__ is str and cell == UNSAVED


def _holds_nothing(cell: object) -> bool:
    """Whether a cell as the sheet holds it shows a formula's error, its value lost; not a
    formula saved without its result, whose value Excel shows (cells_held)."""
    return shows_an_error_whole(cell) and cell != UNSAVED


def id_of(table: Table, i: int) -> Any:
    """Row ``i``'s ID number as ``id_numbers`` gives it."""
    ident = table.get("id_number", i)
    return None if ident.__class__ is str and ident in _ERROR_IDS else ident


def repeated_rows(
    tables: list[Table], schools: Mapping[str, str] | None = None
) -> list[dict[int, tuple[Table, int]]]:
    """For each of ``tables``, its rows that repeat a child (``distinct_children``), each
    with the row kept for the child; empty for a table whose every row is a child of its
    own. Worked out from whole columns: a county has 100,000 children, and only the few ID
    numbers on two rows, and the rows without one that copy another, are looked at row by
    row."""
    ids_of = [id_numbers(table) or () for table in tables]
    try:
        counts = Counter(itertools.chain.from_iterable(ids_of))
    except TypeError:  # an unhashable cell: every ID number looked at
        counts = None
    groups = copied_groups(tables, schools)
    # The ID numbers on more than one row, and those of copies: only their rows are kept
    # row by row, and which row is kept depends only on the rows of its own number.
    wanted: set[Any] | None = None
    if counts is not None:
        wanted = {n for n, c in counts.items() if c > 1 and isinstance(n, str)}
        for group in groups:
            wanted.update(n for x, i in group if isinstance(n := id_of(x, i), str))
    kept: dict[str, tuple[Table, int]] = {}
    gone: set[str] = set()  # the ID numbers whose row kept so far has left
    for table, ids in zip(tables, ids_of, strict=True):
        if wanted is not None and not wanted:
            break
        states = table.values.get("enrollment_status") or [None] * len(table)
        for i, (ident, state) in enumerate(zip(ids, states, strict=False)):
            if wanted is not None and ident not in wanted:
                continue
            left = state in nz.LEFT_SCHOOL
            if isinstance(ident, str) and (ident not in kept or (ident in gone and not left)):
                kept[ident] = (table, i)
                if left:
                    gone.add(ident)
                else:
                    gone.discard(ident)
    out: dict[int, dict[int, tuple[Table, int]]] = {id(table): {} for table in tables}
    for table, ids in zip(tables, ids_of, strict=True):
        mine = out[id(table)]
        rows = range(len(ids)) if wanted is None else [i for i, n in enumerate(ids) if n in wanted]
        for i in rows:
            ident = ids[i]
            first = kept.get(ident) if isinstance(ident, str) else None
            if first is not None and (first[0] is not table or first[1] != i):
                mine[i] = first
    for group in groups:
        ids = [id_of(x, i) for x, i in group]
        ident = next((n for n in ids if n is not None), None)
        first = kept[ident] if ident is not None else _kept_of(group)
        for (x, i), n in zip(group, ids, strict=True):
            if n is None and (x is not first[0] or i != first[1]):
                out[id(x)][i] = first
    return [out[id(table)] for table in tables]


# The cells that tell two children apart: two rows of one school alike in every one, one or
# both without an ID number, are a row copied twice (lbc validate says DUP002), not two
# children. Namesakes of one class differ in one of them (a birth date, a guardian).
COPY_FIELDS = (
    "name",
    "class",
    "school",
    "gender",
    "birth_date",
    "guardian_name",
    "father_name",
    "mother_name",
    "parent_name",
)
DATED = (dt.date, dates.YearMonth)  # a birth date read, to the day or the month
_CLASS_AT, _BORN_AT = COPY_FIELDS.index("class"), COPY_FIELDS.index("birth_date")


def copyable(cells: Sequence[Any]) -> bool:
    """Whether a row's COPY_FIELDS cells can tell it a copy of another: a name, a class
    read and a birth date read (without one, namesakes are DUP004's two children nothing
    tells apart)."""
    return (
        isinstance(cells[0], str)
        and cells[_CLASS_AT].__class__ is nz.ClassRef
        and cells[_BORN_AT].__class__ in DATED
    )


def copied_groups(
    tables: Sequence[Table], schools: Mapping[str, str] | None = None
) -> list[list[tuple[Table, int]]]:
    """The groups of rows of ``tables`` that are one child entered more than once without
    an ID number: a row copied on its sheet, into another sheet of its workbook (a 全校
    sheet and a 三年级 sheet) or into another file of its school (``schools``: each file's
    school, Roster.copy_schools; a row's school is its 学校 cell, else its file's). Alike in every
    COPY_FIELDS cell, with a name, a class read and a birth date read (without one,
    namesakes are DUP004's two children nothing tells apart), at least one row without an
    ID number, and at most one ID number among them (two are two children). Only rows
    sharing a name and class are compared, so rosters whose rows all have an ID number
    cost a scan each for an empty one."""
    named = [x for x in tables if x.has("name") and x.has("class")]
    id_columns = {id(x): id_numbers(x) for x in named}
    blank = [x for x in named if (ids := id_columns[id(x)]) is None or None in ids]
    if not blank:
        return []
    wanted: set[Any] = set()
    for x in blank:
        ids = id_columns[id(x)]
        names = x.values["name"]
        wanted.update(
            names
            if ids is None
            else (n for n, ident in zip(names, ids, strict=True) if ident is None)
        )
    places: list[tuple[Table, int]] = []
    keys: list[tuple[Any, ...]] = []
    for x in named:
        names, classes = x.values["name"], x.values["class"]
        school = (schools or {}).get(x.file, "")
        cells = x.values.get("school")
        rows = [i for i, name in enumerate(names) if name in wanted]
        places += [(x, i) for i in rows]
        keys += [((cells[i] if cells else None) or school, names[i], classes[i]) for i in rows]
    shared = {key for key, count in Counter(keys).items() if count > 1}
    if not shared:
        return []
    groups: dict[tuple[Any, ...], list[tuple[Table, int]]] = {}
    columns: dict[int, list[list[Any]]] = {}
    for (x, i), key in zip(places, keys, strict=True):
        if key not in shared:
            continue
        if id(x) not in columns:
            columns[id(x)] = copy_columns(x, (schools or {}).get(x.file, ""))
        cells = tuple(c[i] for c in columns[id(x)])
        if copyable(cells):
            groups.setdefault(cells, []).append((x, i))
    out = []
    for group in groups.values():
        ids = [id_of(x, i) for x, i in group]
        numbers = {ident for ident in ids if ident is not None}
        if (
            len(group) > 1
            and None in ids
            and (not numbers or (len(numbers) == 1 and _is_str(numbers)))
        ):
            out.append(group)
    return out


def copy_columns(table: Table, school: str) -> list[list[Any]]:
    """``table``'s COPY_FIELDS columns, the 学校 column holding each row's school: its
    学校 cell, else ``school``, its file's (``Roster.copy_schools``)."""
    n = len(table)
    columns = [table.values.get(k) or [None] * n for k in COPY_FIELDS]
    cells = table.values.get("school")
    columns[_SCHOOL_AT] = [cell or school for cell in cells] if cells else [school] * n
    return columns


_SCHOOL_AT = COPY_FIELDS.index("school")


def _is_str(numbers: set[Any]) -> bool:
    return isinstance(next(iter(numbers)), str)


def _kept_of(rows: list[tuple[Table, int]]) -> tuple[Table, int]:
    """The row kept of one child's rows: the first still on the books, else the first."""
    return next(
        (r for r in rows if r[0].get("enrollment_status", r[1]) not in nz.LEFT_SCHOOL), rows[0]
    )


def _lower_header_again(row: list[Any], columns: Iterable[Column]) -> bool:
    """Whether a row is a two-row header's lower row printed again on a later page: each
    column's cell it fills is that column's own header text (姓名 under 父亲), and at least
    one is under a group."""
    texts = [
        (c, nz.cell_text(row[c.index]))
        for c in columns
        if not c.ticks and c.index < len(row) and nz.cell_text(row[c.index])
    ]
    own = [(c, text == (c.label[len(c.group) :] if c.lower else c.label)) for c, text in texts]
    return any(c.lower for c, _ in own) and all(same for _, same in own)


@functools.lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """Excel's letters for a 1-based column number (28 -> "AB"), without importing openpyxl
    on every run just for this; remembered, as every header row tried asks again."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Columns only a children roster has: one of them is needed to call a sheet children, since a
# teachers list may carry 姓名, 性别, 身份证号 and 出生日期 too.
CHILD_ANCHORS = frozenset(
    {"left_behind_type", "guardian_name", "guardian_phone", "guardian_relation", "class"}
    | {"home_address", "father_phone", "mother_phone", "parent_phone"}
)
# What a teachers list has and a children roster does not.
TEACHER_ANCHORS = frozenset(
    {"phone", "role", "classes", "subjects", "party_member", "capacity", "active"}
)


def _anchors_ok(kind: Kind, header: _Header, own_lbc: Callable[[], bool] = bool) -> bool:
    """Whether the matched columns are enough to call a sheet this kind. A records sheet
    without a 帮扶教师 column is one when ``own_lbc()``: the sheet is the one lbc writes for
    a teacher, by its title naming her (``title_teacher``) or by its header's 应完成 column
    (a teacher who deleted both 帮扶教师 and the title still hands back her records). A
    child named by a pairs list's header (结对学生: PAIRED_STUDENT_HEADERS) marks none
    without a 类型 or 内容 column, or a column lbc has no name for headed as where a school
    writes what was done (记录, 帮扶措施: RECORD_TEXT_WORDS): else each pair would be a
    contact on the day it was made. Not 备注, which a pairs list may have too."""
    columns = header.columns
    keys = set(columns)
    if kind is Kind.CHILDREN:
        strong = {"id_number", "birth_date", *CHILD_ANCHORS}
        return "name" in keys and len(keys & strong) >= 2 and not keys.isdisjoint(CHILD_ANCHORS)
    if kind is Kind.TEACHERS:
        return "name" in keys and not keys.isdisjoint(TEACHER_ANCHORS)
    student = columns.get("student")
    named = student is not None and "".join(student.label.split()) not in PAIRED_STUDENT_HEADERS
    return (
        "date" in keys
        and (named or bool(keys & {"kind", "content"}) or _record_text(header))
        and ("teacher" in keys or own_lbc())
    )


# Words of a header lbc has no name for under which a school writes what a talk or visit
# did (记录, 帮扶措施, 帮扶过程): a records sheet's, as no pairs list's column is.
RECORD_TEXT_WORDS = ("记录", "措施", "过程")


def _record_text(header: _Header) -> bool:
    """Whether a header has a column lbc has no name for headed by RECORD_TEXT_WORDS."""
    return any(word in label for _, label in header.unknown for word in RECORD_TEXT_WORDS)


def _title_above(grid: Sequence[Sequence[Any]], first: int) -> str:
    """The text above a header at grid row ``first``: its first filled cell, if any."""
    return next((str(c).strip() for r in grid[:first] for c in r if c and str(c).strip()), "")


# Words a sheet's name or title uses for a list of teachers (班主任名单, 帮扶教师一览表).
_TEACHER_WORDS = ("教师", "老师", "班主任", "教职工", "帮扶人")


def _pupils_by_class(
    kind: Kind, found: _Header, reader: _HeaderReader, sheet: RawSheet, at: int
) -> bool:
    """Whether a header read as a teachers list has nothing of a teacher's but a 班级 that
    a list of children has as well (a parents' sign-off sheet of 姓名, 班级, 家长签字; a
    class's list of pupils), and its sheet's name and title do not say it lists teachers:
    read as one, its children were paired as teachers with the roster's children."""
    if kind is not Kind.TEACHERS or TEACHER_ANCHORS.intersection(found.columns) != {"classes"}:
        return False
    if reader.field(Kind.CHILDREN, "", found.columns["classes"].label)[0] != "class":
        return False  # 任教班级, 所带班级: a teacher's
    texts = [sheet.name, *(nz.cell_text(v) for row in sheet.rows[:at] for v in row)]
    return not any(word in text for text in texts for word in _TEACHER_WORDS)


def _teachers_over_children(teachers: _Header, children: _Header) -> bool:
    """Whether one header row read both ways is rather a teachers list: its teacher-only
    columns (联系电话, 任教班级, 职务 …) outnumber its children-only ones."""
    return len(TEACHER_ANCHORS.intersection(teachers.columns)) > len(
        CHILD_ANCHORS.intersection(children.columns)
    )


def _spread(sheet: RawSheet, i: int) -> tuple[list[str], bool]:
    """Row ``i``'s header texts, each horizontal merge's text spread over its columns, and
    whether the row has such merges."""
    row = [nz.cell_text(v) for v in sheet.rows[i]]
    abs_row = sheet.row0 + i
    merges = [(c1, c2) for (r1, c1), (_, c2) in sheet.merged if r1 == abs_row and c2 > c1]
    for c1, c2 in merges:
        text = row[c1 - sheet.col0] if 0 <= c1 - sheet.col0 < len(row) else ""
        for c in range(max(c1, sheet.col0), min(c2, sheet.col0 + len(row) - 1) + 1):
            if not row[c - sheet.col0]:
                row[c - sheet.col0] = text
    return row, bool(merges)


def _header_labels(sheet: RawSheet, i: int, height: int) -> list[tuple[str, str, bool]]:
    """Header text per column as (group, label, from the lower row?): one row has no group;
    a header of two rows pairs the group row's text with the row below it; of three, a
    column's group is the nearer of the two rows above its own (家庭成员情况 over 父亲 over
    姓名 is 父亲 over 姓名; 委托监护人 merged down over two rows is the group)."""
    if height == 1:
        return [("", nz.cell_text(v), False) for v in sheet.rows[i]]
    top, merged = _spread(sheet, i)
    if height == 3:
        middle, also = _spread(sheet, i + 1)
        top = [m or t for t, m in itertools.zip_longest(top, middle, fillvalue="")]
        merged = merged or also
    sub = [nz.cell_text(v) for v in sheet.rows[i + height - 1]]
    labels = []
    group = ""
    for a, b in zip(top, sub, strict=False):
        if a and b:
            group = a
        elif not a and b and group and not merged:
            # CSV and unmerged group rows: "父亲,," above "姓名,电话,…". Judged by this row's
            # merges, not the sheet's: a merged title must not stop an unmerged group row.
            a = group
        elif a and not b:
            group = ""
        labels.append((a, b, True) if a and b else ("", a or b, bool(b)))
    return labels


class _HeaderReader:
    """What the header texts of one sheet name, each text read once: every row is tried as
    a header of each kind, alone, over the next and under the last (a county's 550 files
    are 1,650 sheets of 20 rows tried), and most of those rows are children."""

    def __init__(self, synonyms: dict[str, list[str]] | None) -> None:
        self.lookups = {kind: build_lookup(kind, synonyms) for kind in FIELDS}
        self._chars = header_chars(self.lookups.values())
        self._folded: dict[tuple[str, str], tuple[str, ...]] = {}
        self._read: dict[tuple[Kind, str, str], tuple[str | None, str]] = {}
        self._named: dict[tuple[str, str], bool] = {}

    def field(self, kind: Kind, top: str, sub: str) -> tuple[str | None, str]:
        """The field a header names (with its group above, if any), or why it names none."""
        found = self._read.get((kind, top, sub))
        if found is None:
            found = self._read[(kind, top, sub)] = self._field(kind, self._texts(top, sub))
        return found

    def _texts(self, top: str, sub: str) -> tuple[str, ...]:
        """The header's folded readings that may name something, in the order tried."""
        folded = self._folded.get((top, sub))
        if folded is None:
            candidates: tuple[str, ...] = (top + sub, sub, top) if top else (sub,)
            # "监护人电话（手机）": the words in brackets are a note, tried without them too.
            candidates = (*candidates, *(_BRACKETED.sub("", c) for c in candidates))
            texts = map(fold_header, candidates)
            folded = self._folded[(top, sub)] = tuple(filter(self._chars.issuperset, texts))
        return folded

    def names_any(self, labels: list[tuple[str, str, bool]]) -> bool:
        """Whether a header row (or two) names anything as a header of any kind: most rows
        tried are a sheet's children, and none of their cells does."""
        return any(self._names(top, sub) for top, sub, _ in labels if sub)

    def _names(self, top: str, sub: str) -> bool:
        named = self._named.get((top, sub))
        if named is None:
            texts = self._texts(top, sub)
            named = self._named[(top, sub)] = bool(texts) and any(
                self._field(kind, texts) != (None, "") for kind in FIELDS
            )
        return named

    def _field(self, kind: Kind, texts: tuple[str, ...]) -> tuple[str | None, str]:
        lookup = self.lookups[kind]
        for text in texts:
            if text in IGNORED_HEADERS:
                return None, IGNORED_NUMBERING
            key = lookup.find(text)
            if key:
                return key, ""
            if text in FORM_HEADERS:
                return None, IGNORED_FORM
            if text in OWN_HEADERS:
                return None, IGNORED_OWN
        return None, ""

    def match(self, kind: Kind, labels: list[tuple[str, str, bool]], sheet: RawSheet) -> _Header:
        """The columns a header row (or two) gives a sheet of ``kind``."""
        columns: dict[str, Column] = {}
        unknown: list[tuple[str, str]] = []
        ignored: list[tuple[str, str, str, bool]] = []
        # The columns of a guardian's field after its first that may be another guardian's
        # (_another_guardians), whose they are told once all are known (_two_guardians).
        repeats: list[Column] = []
        parents = self._parents_in_form_order(kind, labels)
        for j, (top, sub, lower) in enumerate(labels):
            if not sub:
                continue
            shown = sub if top and names_group_role(top, sub) else top + sub
            letter = column_letter(sheet.col0 + j + 1)
            key, why = parents[j] if j in parents else self.field(kind, top, sub)
            tick = (j, letter, sub)
            if why:
                ignored.append((letter, shown, why, lower))
            elif key and self._choice(kind, key, top, sub):
                col = columns.get(key)
                if col is None:
                    columns[key] = Column(key, j, letter, top, top, lower, (tick,))
                elif col.ticks and col.group == top:
                    columns[key] = replace(col, ticks=(*col.ticks, tick))
                else:
                    unknown.append((letter, shown))
                    ignored.append((letter, shown, IGNORED_REPEAT, lower))
            elif key and key not in columns:
                columns[key] = Column(key, j, letter, shown, top, lower)
            elif key and (why := self._read_instead(key, columns[key], shown, sheet, j)):
                was = columns[key]
                if why != IGNORED_SAYS_LESS:  # a 是否 column still read where 留守类型 is empty
                    unknown.append((was.letter, was.label))
                ignored.append((was.letter, was.label, why, was.lower))
                # The 是否 column's cells where 留守类型's are empty, unless they are codes,
                # whose coding only the whole column tells (1: 非留守, or 留守?).
                said = why == IGNORED_SAYS_LESS and not _coded(sheet, was.index)
                fallback = (was.index, was.letter) if said else None
                columns[key] = Column(key, j, letter, shown, top, lower, fallback=fallback)
            elif key and (why := self._read_where_empty(key, columns[key], shown, sheet, j)):
                columns[key] = replace(columns[key], fallback=(j, letter))
                ignored.append((letter, shown, why, lower))
                if why == IGNORED_SECOND_GUARDIAN:
                    repeats.append(Column(key, j, letter, shown, top, lower))
            else:
                unknown.append((letter, shown))
                ignored.append((letter, shown, IGNORED_REPEAT if key else IGNORED_UNKNOWN, lower))
                # Hidden too (_two_guardians reads it where its guardian's set shows no
                # other of the field), but not a name: a set whose name the sheet hides
                # is last year's.
                another = key and self._another_guardians(key, columns[key], shown)
                if another and not (key == "guardian_name" and _hides(sheet, j)):
                    repeats.append(Column(key, j, letter, shown, top, lower))
        if any(col.key == "guardian_name" for col in repeats):
            hidden = {col.index for col in repeats if _hides(sheet, col.index)}
            self._two_guardians(columns, repeats, unknown, ignored, hidden)
        # Each choice of a group to tick is a column read: a header of choices under their
        # group finds more than the group's row alone.
        score = sum(len(c.indices) for c in columns.values())
        return _Header(kind, score, 0, 1, columns, unknown, ignored)

    def _parents_in_form_order(
        self, kind: Kind, labels: list[tuple[str, str, bool]]
    ) -> dict[int, tuple[str | None, str]]:
        """The parent's field of each column the registration form, flattened without its
        父亲 and 母亲 group cells, leaves without a role (联系电话, 工作单位 after 父亲姓名 and
        again after 母亲姓名), by position: only where the columns are in the form's order,
        父亲姓名 and the father's columns up to 母亲姓名, then the mother's, and each such
        header is once among the father's and once among the mother's. Any other order
        says nothing about whose a column is, and its columns are read as they name.
        Columns after the mother's are read by _others_in_form_order."""
        if kind is not Kind.CHILDREN:
            return {}
        keys = [
            self.field(kind, top, sub)[0] if sub and not top else None for top, sub, _ in labels
        ]
        if "father_name" not in keys or "mother_name" not in keys:
            return {}
        father, mother = keys.index("father_name"), keys.index("mother_name")
        his = self._bare_parents_columns(kind, labels, keys, father, "father")
        if father > mother or father + len(his) + 1 != mother:
            return {}
        hers = self._bare_parents_columns(kind, labels, keys, mother, "mother")
        found: dict[int, tuple[str | None, str]] = {}
        for attribute in FORM_PARENT_ATTRIBUTES:
            fathers = [j for j, a in his.items() if a == attribute]
            mothers = [j for j, a in hers.items() if a == attribute]
            named = f"father_{attribute}" in keys or f"mother_{attribute}" in keys
            if len(fathers) == len(mothers) == 1 and not named:
                found[fathers[0]] = (f"father_{attribute}", "")
                found[mothers[0]] = (f"mother_{attribute}", "")
        if found:
            found |= self._others_in_form_order(kind, labels, keys, mother + len(hers) + 1)
        return found

    def _others_in_form_order(
        self, kind: Kind, labels: list[tuple[str, str, bool]], keys: list[str | None], start: int
    ) -> dict[int, tuple[str | None, str]]:
        """After the parents' columns read by their place (from ``start``), each column
        without a role (联系电话) among the columns of another person's name (监护人姓名,
        与儿童关系, 联系电话): that person's, as the form's 委托监护人 group orders them,
        where lbc has such a field of theirs, no header names it and it is there once;
        else unread (IGNORED_WHOSE). Read as it names (家长电话), the parents' phone was
        the guardian's or the grandfather's number."""
        runs: list[tuple[str, dict[int, str]]] = []
        for j in range(start, len(labels)):
            top, sub, _ = labels[j]
            key = keys[j] or ""
            role, _, attribute = key.rpartition("_")
            if attribute == "name" and role in ROLES and role not in ("father", "mother", "parent"):
                runs.append((role, {}))
                continue
            if not runs or not runs[-1][0] or key.startswith(f"{runs[-1][0]}_"):
                continue
            bare = self.field(kind, ROLES["father"][0], sub)[0] if sub and not top else None
            if key.startswith("parent_") and bare and bare.startswith("father_"):
                runs[-1][1][j] = bare.partition("_")[2]
            else:
                runs.append(("", {}))  # a column of no one's: the person's columns end
        found: dict[int, tuple[str | None, str]] = {}
        for role, bare_columns in runs:
            for j, attribute in bare_columns.items():
                field = f"{role}_{attribute}"
                alike = [i for i, a in bare_columns.items() if a == attribute]
                if attribute in ROLE_ATTRIBUTES[role] and field not in keys and len(alike) == 1:
                    found[j] = (field, "")
                else:
                    found[j] = (None, IGNORED_WHOSE)
        return found

    def _bare_parents_columns(
        self,
        kind: Kind,
        labels: list[tuple[str, str, bool]],
        keys: list[str | None],
        name: int,
        role: str,
    ) -> dict[int, str | None]:
        """The columns after a parent's name column at ``name`` that are that parent's, until
        the first that is not: a header naming the parent (父亲出生日期: None), or one of the
        form's parent attributes without a role (联系电话: phone, as 父亲联系电话 would be)."""
        columns: dict[int, str | None] = {}
        for j in range(name + 1, len(labels)):
            top, sub, _ = labels[j]
            if keys[j] is not None and keys[j].startswith(f"{role}_"):
                columns[j] = None
                continue
            own = self.field(kind, ROLES[role][0], sub)[0] if sub and not top else None
            attribute = own.partition("_")[2] if own and own.startswith(f"{role}_") else None
            if attribute not in FORM_PARENT_ATTRIBUTES:
                break
            columns[j] = attribute
        return columns

    @staticmethod
    def _read_instead(key: str, first: Column, label: str, sheet: RawSheet, j: int) -> str:
        """Why a second column of the field ``first`` is read from (the ``j``-th of the
        header, headed ``label``) is read in its place, or "" to leave it unread:

        * it says more (IGNORED_SAYS_LESS): 留守类型 (父母均外出) after the 学籍 export's
          是否留守儿童 (是), which a school adds beside it, mostly on the 是 rows only. Read
          first, the 是否 column left a child whose 留守类型 says both parents are away
          judged as a child of one parent away, or none (否), and unasked for the
          guardian's contact. Where 留守类型 is empty the 是否 cell is read
          (Column.fallback: 否 on the rows of children not left behind, 是 where which
          parent is away is still unsaid). A 是否 column of codes (1/2/3) is read alone
          unless 留守类型 fills as many rows: its coding is the whole column's;
        * ``first`` is hidden and it is not (IGNORED_HIDDEN): last year's guardian hidden
          beside this year's was read, and the guardian the school sees, without a phone,
          was said reachable."""
        if first.ticks:
            return ""
        if _HeaderReader._says_less(key, label, first.label) and (
            not _coded(sheet, first.index) or _fills(sheet, j) >= _fills(sheet, first.index)
        ):
            return IGNORED_SAYS_LESS
        hidden = sheet.hidden_columns
        if hidden and sheet.col0 + first.index + 1 in hidden and sheet.col0 + j + 1 not in hidden:
            return IGNORED_HIDDEN
        return ""

    @staticmethod
    def _read_where_empty(key: str, first: Column, label: str, sheet: RawSheet, j: int) -> str:
        """Why a second column of the field ``first`` is read from (the ``j``-th, headed
        ``label``) is read where ``first``'s cell is empty (Column.fallback), or "" to
        leave it unread: the 学籍 export's 是否留守儿童 after the school's 留守类型
        (IGNORED_SAYS_LESS), not of codes (_read_instead); a second guardian's column
        (委托监护人电话 after 监护人电话: IGNORED_SECOND_GUARDIAN), where a school fills one
        group or the other, and a child whose 监护人 cells were empty was said to have no
        guardian, the 委托监护人 beside them unread; not one the sheet hides (last year's,
        as IGNORED_HIDDEN has it)."""
        if first.ticks or first.fallback is not None:
            return ""
        if _HeaderReader._says_less(key, first.label, label):
            return "" if _coded(sheet, j) else IGNORED_SAYS_LESS
        another = not _hides(sheet, j) and _HeaderReader._another_guardians(key, first, label)
        if another and key in GUARDIAN_KEYS:
            return IGNORED_SECOND_GUARDIAN
        return IGNORED_WHERE_EMPTY if key in ONE_DATUM and not _hides(sheet, j) else ""

    @staticmethod
    def _another_guardians(key: str, first: Column, label: str) -> bool:
        """Whether a later column of a guardian's field ``first`` is read from, headed
        ``label``, may be another guardian's: not a former guardian's (监护人姓名（变更前）,
        原监护人电话)."""
        if first.ticks or key not in _GUARDIANS_OWN:
            return False
        return not _FORMER.search(label)

    @staticmethod
    def _two_guardians(
        columns: dict[str, Column],
        repeats: list[Column],
        unknown: list[tuple[str, str]],
        ignored: list[tuple[str, str, str, bool]],
        hidden: Collection[int],
    ) -> None:
        """Whose each guardian's column is, on a sheet of two guardians' column sets
        (监护人姓名 … then 委托监护人姓名 …: the first of ``repeats`` of the name is the
        second guardian's), filled one or the other for each child: by the role its header
        names (监护人年龄 is the 监护人's wherever it stands, 委托监护人电话 the
        委托监护人's), else by its place (与儿童关系 after 委托监护人姓名 is hers). Each
        field's column of the first guardian's set is read (``columns``), her second one
        where it is empty (监护人手机: Column.fallback, IGNORED_GUARDIAN_MORE), and the
        second guardian's on the rows read as hers (Column.second; Column.second_only where
        the first's set has none of the field: 委托监护人电话 beside a 监护人姓名 without a
        phone is never the first guardian's number). Taken by field alone, the second
        set's phone was the first's where her set had none, a third phone column unread,
        and a first guardian's 年龄 after the second set stood beside the second's name.
        Each further column of a field is read past as a repeat (IGNORED_REPEAT), and
        said as a third guardian's from her name on (IGNORED_THIRD_GUARDIAN): said as a
        field's repeat, a child flagged whose only guardian is in them was not told why.
        So is one of the ``hidden`` columns where its guardian's set shows another of the
        field (last year's, as IGNORED_HIDDEN has it), but not where it is her set's only
        one: 委托监护人电话 hidden beside her shown name and relation is still her phone,
        which the school filled, and her missing phone was asked for at the other
        guardian's 监护人电话."""
        names = [col for col in repeats if col.key == "guardian_name"]
        hers = names[0]
        roles = _role(columns["guardian_name"]), _role(hers)

        def second(col: Column) -> bool:
            if col.key == "guardian_name":
                return col.letter == hers.letter
            role = _role(col)
            if role is not None and roles[0] != roles[1] and role in roles:
                return role == roles[1]
            return col.index > hers.index

        everyone = [col for col in columns.values() if col.key in _GUARDIANS_OWN and not col.ticks]
        others = [col for col in [*everyone, *repeats] if col.key != "guardian_name"]
        if roles[1] in (roles[0], None, _GUARDIAN) and all(second(col) for col in others):
            # Two name columns of one guardian (监护人 then 监护人姓名, 委托监护人 then
            # 监护人姓名): the first has no column of her own, and the second names no other
            # role than hers or a guardian's. The 与儿童关系 and 监护人电话 after them are
            # every row's, the second name read where the first is empty, as on a sheet of
            # one guardian; read as two, a child whose both names were filled had none.
            return
        past = {col.letter for col in repeats}
        kept = [entry for entry in ignored if entry[0] not in past]
        unknown[:] = [entry for entry in unknown if entry[0] not in past]
        said = [(col.letter, col.label, IGNORED_REPEAT, col.lower) for col in names[1:]]
        # Where the second's set ends: its last column naming its role (监护人电话 after a
        # second 监护人姓名 too; none where her name column names no role, each column then
        # read by its place alone).
        end = sys.maxsize
        if roles[1] is not None:
            end = max(
                c.index
                for c in [*everyone, *repeats]
                if c.index >= hers.index and _role(c) == roles[1]
            )
        sets: dict[str, tuple[list[Column], list[Column]]] = {}
        for col in sorted([*everyone, *(c for c in repeats if c not in names[1:])], key=_at):
            sets.setdefault(col.key, ([], []))[second(col)].append(col)
        for key, sides in sets.items():
            (firsts, unseen), (seconds, unseen_too) = (_shown(side, hidden) for side in sides)
            unread = [*unseen, *unseen_too]
            bare = {"fallback": None, "second": None, "second_only": False, "every_row": False}
            if firsts:
                col = replace(firsts[0], **bare)
                if len(firsts) > 1:
                    more = firsts[1]
                    col = replace(col, fallback=(more.index, more.letter))
                    said.append((more.letter, more.label, IGNORED_GUARDIAN_MORE, more.lower))
                if seconds:
                    col = replace(col, second=(seconds[0].index, seconds[0].letter))
                left = [*firsts[2:], *seconds[1:], *unread]
            elif seconds[0].index > end:
                # The field's one column, naming no role, after both sets (与儿童关系 at
                # the sheet's end): every row's, of the guardian read on it. Taken as the
                # second's by its place, the first guardian's 祖母 written in it was lost,
                # and her relation said a missing column.
                columns[key] = replace(seconds[0], **{**bare, "every_row": True})
                left = [*seconds[1:], *unread]
                said += [(c.letter, c.label, IGNORED_REPEAT, c.lower) for c in left]
                continue
            else:
                col = replace(seconds[0], **{**bare, "second_only": True})
                left = [*seconds[1:], *unread]
            if seconds:
                was = seconds[0]
                said.append((was.letter, was.label, IGNORED_SECOND_GUARDIAN, was.lower))
            said += [(c.letter, c.label, IGNORED_REPEAT, c.lower) for c in left]
            columns[key] = col
        if len(names) > 1:
            said = [
                (letter, label, IGNORED_THIRD_GUARDIAN, lower)
                if why == IGNORED_REPEAT
                and _column_number(letter) >= _column_number(names[1].letter)
                else (letter, label, why, lower)
                for letter, label, why, lower in said
            ]
        unread = (IGNORED_REPEAT, IGNORED_THIRD_GUARDIAN)
        unknown += [(letter, label) for letter, label, why, _ in said if why in unread]
        unknown.sort(key=lambda entry: _column_number(entry[0]))
        ignored[:] = sorted([*kept, *said], key=lambda entry: _column_number(entry[0]))

    @staticmethod
    def _says_less(key: str, more: str, less: str) -> bool:
        """Whether a column headed ``less`` is the 学籍 export's 是否留守儿童 beside one
        headed ``more``, a 留守类型 which says more (whose parents are away), before it or
        after: read where that one is empty (Column.fallback)."""
        return key == "left_behind_type" and less.startswith("是否") and not more.startswith("是否")

    def _choice(self, kind: Kind, key: str, top: str, sub: str) -> bool:
        """Whether a header's lower text is one of its group's choices to tick: a value of
        the field the group alone names (身体情况 over 健康), not a header of its own."""
        choices = CHOICES.get(kind, {})
        return (
            bool(top)
            and key in choices
            and self.field(kind, "", top)[0] == key
            and self.field(kind, "", sub) == (None, "")
            and choices[key](sub)
        )


def _at(col: Column) -> int:
    return col.index


def _role(col: Column) -> str | None:
    """The guardian's role a column's group cell names (受委托监护人 over 委托监护人姓名 and
    与被监护人关系: one set's), else its header (guardian_role)."""
    return guardian_role(col.group) or guardian_role(col.label)


def _hides(sheet: RawSheet, j: int) -> bool:
    """Whether the sheet hides its ``j``-th column of the header's."""
    hidden = sheet.hidden_columns
    return bool(hidden) and sheet.col0 + j + 1 in hidden


def _shown(cols: list[Column], hidden: Collection[int]) -> tuple[list[Column], list[Column]]:
    """One guardian's set's columns of a field, in order, the sheet's ``hidden`` ones left
    out where it shows one (``_HeaderReader._two_guardians``): those read, those not."""
    shown = [col for col in cols if col.index not in hidden]
    return (shown, [col for col in cols if col not in shown]) if shown else (cols[:1], cols[1:])


# A header of a former person's column (监护人姓名（变更前）, 原监护人, 上学期监护人).
_FORMER = re.compile(r"变更前|更换前|^原|以前|之前|曾|上学期|去年|旧")


def _fills(sheet: RawSheet, j: int) -> int:
    """How many of the sheet's rows (its header's too) fill its ``j``-th column."""
    return sum(1 for row in sheet.rows if j < len(row) and row[j] not in (None, ""))


def _coded(sheet: RawSheet, j: int) -> bool:
    """Whether the sheet's ``j``-th column holds codes (0-3: a 是否留守儿童 of the 学籍
    export's 1/2/3), which its coding reads, the whole column's (_read_left_behind)."""
    return any(j < len(row) and code_of(row[j]) is not None for row in sheet.rows)


def find_header(
    sheet: RawSheet, synonyms: dict[str, list[str]] | None = None, teacherless: bool = False
) -> _Header | None:
    """The best header (kind, row, columns) among the first rows of a sheet, if any.
    ``teacherless``: a records header of 日期 and 学生姓名 without 帮扶教师 is one, as on
    lbc's record sheet that the workbook still says is lbc's (``SheetRead.teacherless``)."""
    reader = _HeaderReader(synonyms)
    one_row: dict[tuple[Kind, int], _Header] = {}
    labels_of: dict[int, list[tuple[str, str, bool]] | None] = {}  # None: names nothing
    nothing = {kind: _Header(kind, 0, 0, 1, {}, [], []) for kind in FIELDS}

    under: dict[tuple[Kind, int], _Header] = {}

    def two_from(kind: Kind, i: int) -> _Header:
        """Rows ``i`` and ``i + 1`` read as one header of two rows."""
        if (kind, i) not in under:
            fits = i + 1 < len(sheet.rows)
            labels = _header_labels(sheet, i, 2) if fits else None
            under[(kind, i)] = reader.match(kind, labels, sheet) if labels else nothing[kind]
        return under[(kind, i)]

    def alone(kind: Kind, i: int) -> _Header:
        if (kind, i) not in one_row:
            if i not in labels_of:
                labels = _header_labels(sheet, i, 1)
                labels_of[i] = labels if reader.names_any(labels) else None
            labels = labels_of[i]
            one_row[(kind, i)] = reader.match(kind, labels, sheet) if labels else nothing[kind]
        return one_row[(kind, i)]

    best: _Header | None = None
    order = {Kind.CHILDREN: 0, Kind.RECORDS: 1, Kind.TEACHERS: 2}
    limit = min(len(sheet.rows), HEADER_SEARCH_ROWS)
    for i in range(limit):
        if not any(nz.cell_text(v) for v in sheet.rows[i]):
            continue
        two = _header_labels(sheet, i, 2) if i + 1 < len(sheet.rows) else None
        if two is not None and not reader.names_any(two):
            two = None  # the two rows joined name nothing either: no header of two rows
        # Three rows (groups over groups) only under a middle row of merged group labels,
        # as printed forms have them (父亲 over its columns): trying them on every sheet
        # cost a county's 500 files seconds.
        middle = sheet.row0 + i + 1
        grouped = any(r1 == middle and c2 > c1 for (r1, c1), (_, c2) in sheet.merged)
        three = _header_labels(sheet, i, 3) if two and grouped and i + 2 < len(sheet.rows) else None
        row_best: dict[Kind, _Header] = {}
        for kind in sorted(FIELDS, key=order.__getitem__):
            found = alone(kind, i)
            height = 1
            if two is not None:
                joined = reader.match(kind, two, sheet)
                # Two rows only when they find more than either row alone: a title above a
                # one-row header (merged across, or typed in A1 alone) would otherwise be
                # joined to it as a group label and reported as a header row.
                if joined.score > max(found.score, alone(kind, i + 1).score):
                    found, height = joined, 2
            if three is not None:
                # Three rows only when they find more than two: a title above a header of
                # two rows reads the same.
                deeper = reader.match(kind, three, sheet)
                if deeper.score > max(found.score, two_from(kind, i + 1).score):
                    found, height = deeper, 3
            if _anchors_ok(
                kind,
                found,
                lambda i=i, found=found: (
                    (teacherless and "student" in found.columns)
                    or record_sheets.title_teacher(_title_above(sheet.rows, i)) is not None
                    or any(label == PLAN for _, label, _, _ in found.ignored)
                ),
            ) and not _pupils_by_class(kind, found, reader, sheet, i):
                row_best[kind] = _Header(
                    kind, found.score, i, height, found.columns, found.unknown, found.ignored
                )
        children, teachers = row_best.get(Kind.CHILDREN), row_best.get(Kind.TEACHERS)
        if children and teachers and _teachers_over_children(teachers, children):
            del row_best[Kind.CHILDREN]
        for found in row_best.values():  # in ``order``: a tie goes to the earlier kind
            if best is None or found.score > best.score:
                best = found
    return best


# A row whose first filled cell starts with one of these is a total or a note, however many
# cells it fills ("合计,1人,,,…", "填表人：…  审核：…", "共计,,,6人"), or the foot of the
# registration form, each part in a cell of its own ("单位负责人：,,复核人：,,填表人：",
# "学校（盖章）,,,填表日期：…"). None begins a name, nor a 职务 (校长 does: a teachers
# sheet may start with its 职务 column).
NOTE_WORDS = (
    *("合计", "总计", "小计", "共计", "总人数", "人数合计", "本页", "注", "说明", "填表"),
    *("填报", "制表", "审核", "复核人", "单位负责人", "负责人", "学校（", "学校("),
    *("单位（", "单位("),
    # An official form's 以下空白 under its last row: nothing more below.
    *("以下空白", "(以下空白", "以下无"),
)
# How a row's first cell may begin when the row is such a note: empty (the note is further
# right), white space, or a note word's first character. Nearly every row (a 序号 number or
# a name first) is settled by this one look.
_NOTE_START = frozenset({"", " ", "\u3000", "\t", "\n", "\r", *(w[0] for w in NOTE_WORDS)})


# A total after the name of what it totals (青山小学小计, 全县合计, 白石小学 合计：2人): a
# county's file totals each school under its rows, in its 学校 column.
_TOTAL_AFTER_NAME = re.compile(
    r"(?P<name>\S.{1,30}?)(?:合计|小计|总计|共计)\s*[:：]?\s*(?:\d+\s*人?)?"
)


# A label and a colon (校长：王建国, 经办人：, 联系人（签字）：): whoever a school has sign
# under its table. No name or date holds a colon after words; a class may (三年级：2班).
_SIGNED = re.compile(r"[^\d:：]{1,12}[:：]")
# An ID number (15 digits, or 18 the last of which may be X): only a child's row holds one.
_ID_NUMBER = re.compile(r"\d{15}|\d{17}[\dXx]")


def _starts_with_note(row: Sequence[Any]) -> bool:
    """Whether the first filled cell of a row starts with 合计, 注, 填表人 …, is a
    total after a name (青山小学小计), or a label to sign against (校长：) in a row that
    is no child's: not a class with a colon (三年级：2班 in a 班级 column put first), and
    holding no ID number."""
    for v in row:
        text = nz.cell_text(v)
        if text:
            return (
                text.startswith(NOTE_WORDS)
                or ("计" in text and _TOTAL_AFTER_NAME.fullmatch(text) is not None)
                or (
                    _SIGNED.match(text) is not None
                    and nz.class_ref(text).__class__ is not nz.ClassRef
                    and not any(_ID_NUMBER.fullmatch(nz.cell_text(v)) for v in row)
                )
            )
    return False


def _share_phone(
    sheet: RawSheet, rows: list[list[Any]], at: int, start: int, name: int, phone: int
) -> list[int]:
    """Give the rows of a teachers list whose 姓名 is one cell merged down over them (a
    teacher of two classes on two rows) the phone its top row gives, where theirs is
    empty: one person, whose rows are then one teacher (repeated_teachers), where the
    rows below, without a phone, were a second teacher of that name (王芳（第3行）).
    Before _fill_merged_down, which leaves the top row's cells as they are. A range whose
    top row was in an earlier piece (a teachers list of over 256 MB of XML, read in
    pieces) is left as it is. The sheet's rows (as Table.rows numbers them) given one."""
    row0, col0 = sheet.row0, sheet.col0
    given: list[int] = []
    for (r1, c1), (r2, c2) in sheet.merged:
        i1 = r1 - row0
        if c1 - col0 != name or c2 != c1 or r2 <= r1 or i1 < max(start, at):
            continue
        top = rows[i1 - at] if i1 - at < len(rows) else []
        number = top[phone] if phone < len(top) else None
        if number == "" or number is None:
            continue
        for i in range(i1 + 1, min(r2 - row0, at + len(rows) - 1) + 1):
            row = rows[i - at]
            if phone >= len(row):
                row += [""] * (phone + 1 - len(row))
            if row[phone] == "" or row[phone] is None:
                row[phone] = number
                given.append(row0 + i + 1)
    return given


def _fill_merged_down(
    sheet: RawSheet, rows: list[list[Any]], at: int, start: int, tops: dict[Merge, Any]
) -> None:
    """Give every cell of a merged range below the header its range's value, as Excel
    shows it: calamine puts the value in the top cell and "" below (班级 F2:F5 merged,
    家庭住址 merged over siblings). Only downwards: a note or section title merged across
    the table's width must stay a one-cell row.

    ``rows`` are the sheet's rows from grid index ``at`` on (all of them, or one piece of
    a sheet read in pieces); ``tops`` keeps each range's value from the piece its top row
    was in, for the pieces after."""
    row0, col0, end = sheet.row0, sheet.col0, at + len(rows)
    for merge in sheet.merged:
        (r1, c1), (r2, _) = merge
        i1, j = r1 - row0, c1 - col0
        if r2 <= r1 or i1 < start or j < 0 or r2 - row0 < at or i1 >= end:
            continue
        if i1 >= at:
            top = rows[i1 - at]
            value = tops[merge] = top[j] if j < len(top) else None
        else:
            value = tops.get(merge)
        if value == "" or value is None:
            continue
        for i in range(max(i1 + 1, at), min(r2 - row0, end - 1) + 1):
            row = rows[i - at]
            if j >= len(row):  # a later piece of a sheet read in pieces may end before it
                row += [""] * (j + 1 - len(row))
            if row[j] == "" or row[j] is None:
                row[j] = value


# A head count alone in a cell under the names (共5人, 3人, 共 3 名, 总数 3): no child's
# name holds a number. A number alone is left to the checks.
_HEAD_COUNT = re.compile(r"(?:共|总数|人数)?\s*\d+\s*[人名]?")


# What a class's or a grade's heading says that no child's name does: 高一 and 初一 name
# grades and may name children too, whose rows must not be dropped.
_HEADING_WORD = re.compile("年级|班")


def _is_note(row: Sequence[Any]) -> bool:
    """A trailing note, signature line or total ("填表人：…", "合计：150人", "共5人"), or
    a class's or a grade's heading over its children (三年级(1)班, 四年级), rather than
    data."""
    filled = [nz.cell_text(v) for v in row if nz.cell_text(v)]
    if len(filled) != 1:
        return False
    only = filled[0]
    return (
        len(only) > 8
        or ":" in only
        or only.startswith(("注", "合计", "说明", "备注"))
        or (_HEAD_COUNT.fullmatch(only) is not None and not only.isdigit())
        or _is_heading(only)
    )


def _is_heading(text: str) -> bool:
    """Whether a row's one cell is a class's or a grade's heading (三年级(1)班, 四年级, 2班)."""
    return _HEADING_WORD.search(text) is not None and names_a_grade(text)


# A grade's word, or a class's number (三年级, 2班, 二班, (2)班), in a text: not 本班 of a
# note under a class's children (备注：本班一人休学).
_NAMES_CLASS = re.compile(r"年级|[\d一二两三四五六七八九十)）]班")


def _heading(row: Sequence[Any]) -> str | None:
    """The text of a class's or a grade's heading row (_is_heading), else None. A dropped
    row naming a class or a grade otherwise (三年级(1)班小计：2人, 三年级(2)班留守儿童, and
    三年级(1)班（共2人）, which a school writes under its class's children as often as over
    them) is its text all the same, which names no class: the class over it stops there,
    not given to the rows below, whose class it may not be; one naming a class number
    alone (1班小计：2人) is CLASS_TOTAL, as in three cells. So is a heading with words
    beside it (_heading_beside); a row of several cells naming a class or a grade
    otherwise is "", which ends the class and the grade over it too, or CLASS_TOTAL where
    it names a class number alone (小计 | 1班 | 2人), which ends the class only."""
    filled = [text for v in row if (text := nz.cell_text(v))]
    if len(filled) != 1:
        beside = _heading_beside(row)
        named = [text for text in filled if _names_grade_or_class(text)]
        if beside is None and named:
            # 小计 | 1班 | 2人, a class number alone: its total, which ends the class, not
            # the grade over it; 班主任：李明 … 三年级(2)班 … 备注：… ends both.
            if all(nz.class_number(text) is not None for text in named):
                return CLASS_TOTAL
            return ""
        return beside
    text = filled[0]
    total = _TOTAL_AFTER_NAME.fullmatch(text) if "计" in text else None
    if total is not None and nz.class_number(total.group("name")) is not None:
        return CLASS_TOTAL  # 1班小计：2人, as 小计 | 1班 | 2人 in three cells
    if _is_heading(text):
        return text
    return text if _NAMES_CLASS.search(text) else None


# Who is over a class or a grade, written beside its name in its heading row (三年级(2)班,
# then 班主任：李明 further right; 负责人：, 联系人：, 四年级's 年级组长：), or before it: no
# child's row holds such a cell and no name of the child. The label may stand with no colon
# before the teacher's name (班主任王芳) or alone, her name in the next cell (班主任, 王芳),
# and 老师 after her name (王芳老师).
_BESIDE_HEADING = re.compile(
    r"[^\d:]{0,8}(?:班主任|负责人|联系人|老师|教师|辅导员|组长)[^\d:]{0,6}:.*"
    r"|(?:班主任|负责人|辅导员|年级组长)[^\d:]{0,6}"
    r"|[^\d:]{1,6}(?:老师|教师)"
)
# A label alone, the name it labels in the next cell.
_LABEL_ALONE = re.compile(r"班主任|负责人|辅导员|年级组长")
# The teacher's name after a label alone (_LABEL_ALONE), and her phone after who she is.
_TEACHER_NAME = re.compile(r"[^\d:\s]{2,6}")
_PHONE = re.compile(r"1\d{10}")
# How many children a class has, written beside its name (2人, 共2人, 人数：2), or its
# total's word (小计：2人, 合计 2, 小计 alone, its number in the next cell).
_COUNT_BESIDE = re.compile(r"(?:共|总数|人数|小计|合计|总计|共计)?\s*:?\s*\d+\s*[人名]?")
_TOTAL_WORD = frozenset({"小计", "合计", "总计", "共计"})


def _heading_beside(row: Sequence[Any]) -> str | None:
    """The text of a row of several filled cells that is a class's or a grade's heading
    with who is over it or its head count beside it, else None: 三年级(2)班 for 三年级(2)班
    … 班主任：李明 (or 班主任：李明 … 三年级(2)班; 班主任, 王芳 in two cells; 王芳老师; her
    phone after her), a heading; 三年级(2)班 2人 for 三年级(2)班 … 2人, a class's row with
    its head count, as often its total as its heading, which names no class (as 三年级(2)班
    （2人） does not). A child's row holds her name, or a number (序号), or her data (联系人：
    奶奶 is her guardian), none of which these words are: looked at cell by cell, it is
    given up at its first such."""
    said: list[str] = []
    filled = 0
    who = ""  # the last cell saying who is over the class
    for v in row:
        text = nz.cell_text(v)
        if not text:
            continue
        filled += 1
        if _BESIDE_HEADING.fullmatch(text) is not None:
            if nz.relation(text.partition(":")[2].strip()).__class__ is str:
                return None  # 联系人：奶奶: a child's guardian, in a child's row
            who = text
            continue
        if who and (
            (_LABEL_ALONE.fullmatch(who) and _TEACHER_NAME.fullmatch(text))
            or _PHONE.fullmatch(text)
        ):
            who = text
            continue
        who = ""
        if not said:
            if _NAMES_CLASS.search(text) is None:
                return None
        elif text.isdigit():
            if said[-1] not in _TOTAL_WORD:  # a number alone: a 序号, a child's
                return None
        elif _COUNT_BESIDE.fullmatch(text) is None and text not in _TOTAL_WORD:
            return None
        said.append(text)
    return " ".join(said) if said and filled > 1 else None


def _heading_above(grid: Sequence[Sequence[Any]], first: int) -> tuple[str, bool] | None:
    """The text of the row nearest above a header at grid row ``first`` where it is a
    class's or a grade's heading (青山小学留守儿童花名册, then 三年级(2)班, then the header),
    and whether it is the sheet's title, the first row filled; None where that row is no
    heading, or names no class or grade (三年级(2)班留守儿童名单)."""
    for i in range(first - 1, -1, -1):
        if not any(nz.cell_text(v) for v in grid[i]):
            continue
        text = _heading(grid[i])
        if not text or text == CLASS_TOTAL:
            return None
        if (
            nz.class_ref(text).__class__ is nz.ClassRef
            or nz.class_number(text) is not None
            or nz.grade(text).__class__ is int
        ):
            return text, not any(nz.cell_text(v) for row in grid[:i] for v in row)
        return None
    return None


def _names_grade_or_class(text: str) -> bool:
    """Whether ``text`` names a grade or a class (四年级, 四年级学生, 初二, 三年级共2人),
    not a number alone (a 序号, a phone)."""
    return _NAMES_CLASS.search(text) is not None or (
        not text.isdigit() and nz.grade(text).__class__ is int
    )


def _ends_headings(row: Sequence[Any], name: int, own: Collection[int]) -> bool:
    """Whether a row kept as a child's is a grade's or a class's heading lbc did not read as
    one (四年级 … 年级组长：李明, 四年级学生, 初二, 三年级(2)班 … 备注：本班2人): its name cell
    (column ``name``) names a grade or a class, or, where it is empty, the row's first cell
    does, unless that is its own 班级 or 年级 cell (``own``). The heading's class and grade
    over it must not run on past it to the rows below, whose they may not be. A child's
    note, address or health (一年级转入, 二年级留级, 一级) is hers, and ends nothing."""
    text = nz.cell_text(row[name]) if name < len(row) else ""
    if not text and 0 not in own and row:
        text = nz.cell_text(row[0])
    return bool(text) and _names_grade_or_class(text)


# The columns of a children's roster a child's own data is not in: a heading's words beside
# it may sit in them (TableMaker._is_nameless_child).
_NOT_DATA = frozenset({"name", "class", "grade", "notes", "school"})
# The columns that place a row (TableMaker.placing): on a children sheet (True) and on any
# other.
_PLACING = {True: ("school", "grade", "class"), False: ("school",)}
# The columns of a teachers list a template fills in on every row with what most teachers
# are (在岗 是, 可帮扶人数 2, 党员 否): a row holding nothing else, beside its 序号 and its
# 学校, names nobody (_template_row), where each reads as such a default would (_default).
_PREFILLED = ("active", "capacity", "party_member")


def _readable(fn: Normaliser) -> Callable[[str], bool]:
    return lambda text: fn(text).__class__ is not nz.Bad


# The columns of a children's roster a form's template fills in on every row with what
# most children are (民族 汉族, 就学情况 小学, 身份证件类型 居民身份证, 是否留守儿童 非留守儿童):
# a row holding nothing else, beside its 序号, 学校, 年级 and 班级, is no child
# (_template_row), where each cell reads as such a default would.
_CHILD_PREFILLED: dict[str, Callable[[Any], bool]] = {
    "ethnicity": lambda cell: (text := nz.cell_text(cell)).endswith("族") and len(text) <= 6,
    "health": lambda cell: nz.cell_text(cell) in ("健康", "健康或良好", "良好"),
    "id_kind": _readable(NORMALISERS[Kind.CHILDREN]["id_kind"][0]),
    "enrollment_status": lambda cell: (
        NORMALISERS[Kind.CHILDREN]["enrollment_status"][0](cell) == "在读"
    ),
    "boarding": _readable(NORMALISERS[Kind.CHILDREN]["boarding"][0]),
    "left_behind_type": lambda cell: (
        NORMALISERS[Kind.CHILDREN]["left_behind_type"][0](cell) == nz.NOT_LEFT_BEHIND
    ),
}
# The official forms' columns lbc does not read (FORM_HEADERS) that a template fills in the
# same way, each with a choice of a few words (国籍/地区 中国, 港澳台侨外 否, 户口性质 农业).
_FORM_CHOICES = frozenset(
    {
        *("国籍地区", "港澳台侨外", "政治面貌", "户口性质", "入学方式", "是否登记户口"),
        *("是否独生子女", "是否进城务工人员随迁子女", "是否烈士或优抚子女", "随班就读"),
    }
)


def _form_choice(cell: Any) -> bool:
    """Whether a cell of such a column (_FORM_CHOICES) reads as one of its choices: a few
    words, no number (a 学籍号 typed there is a child's)."""
    text = nz.cell_text(cell)
    return len(text) <= 12 and not any(c.isdigit() for c in text)


def _default(key: str) -> Callable[[Any], bool]:
    """Whether a cell of the pre-filled column ``key`` reads as a template's default would:
    a value lbc reads, that no check says anything of. 在岗 支教 or 可帮扶人数 50 in a row
    without a name was typed for a teacher, and her row stays, each cell said (REQ001,
    VAL001, VAL003)."""
    read = NORMALISERS[Kind.TEACHERS][key][0]
    if key == "capacity":
        return lambda cell: (n := read(cell)) is None or (type(n) is int and 0 <= n <= MOST_PLACES)
    return _readable(read)


def _dropped(kept: list[int], lo: int, hi: int) -> list[int]:
    """The rows of ``lo``..``hi`` - 1 not in ``kept`` (sorted, each once, all within them),
    found by halving ``kept``: a piece of a county's roster, a few rows of which are
    dropped, is looked at a few hundred times, not once a row."""
    out: list[int] = []
    spans = [(0, len(kept), lo, hi)]  # kept[a:b] holds the rows kept of start..end - 1
    while spans:
        a, b, start, end = spans.pop()
        if b - a == end - start:
            continue
        if a == b:
            out += range(start, end)
            continue
        mid = (a + b) // 2
        spans += [(a, mid, start, kept[mid]), (mid + 1, b, kept[mid] + 1, end)]
    return sorted(out)


# The fields a form may print as a group of columns to tick, by the kind of sheet, and
# which texts are their choices: a value the field reads (a 身体情况 of 健康, 残疾, 患病 …;
# a teachers list's 是否党员 over 是 and 否).
CHOICES: dict[Kind, dict[str, Callable[[str], bool]]] = {
    Kind.CHILDREN: {
        **{
            key: _readable(NORMALISERS[Kind.CHILDREN][key][0])
            for key in (
                *("gender", "left_behind_type", "enrollment_status", "key_target", "boarding"),
                *("guardianship_rating", "care_situation", "guardian_entrusted"),
            )
        },
        "health": {*nz.HEALTH_WORDS, *nz.XUEJI_HEALTH}.__contains__,
    },
    Kind.TEACHERS: {
        key: _readable(NORMALISERS[Kind.TEACHERS][key][0])
        for key in ("gender", "party_member", "active")
    },
}
# A cell of a group to tick that ticks nothing: empty, or a cross or 否 where a school
# marks every choice.
_UNTICKED = frozenset({"", "×", "✗", "✘", "否", "无", "0", "/", "-", "—"})


# The 1904 date system's day 0, and the numbers of it dates.date reads as days: those it
# reads so of the 1900 system's (1910-01-01 to 2100-12-31), 1,462 days fewer.
_EPOCH_1904 = dt.date(1904, 1, 1)
_FIRST_1904 = (dt.date(1910, 1, 1) - _EPOCH_1904).days
_PAST_1904 = (dt.date(2101, 1, 1) - _EPOCH_1904).days


def _serial_1904(value: Any) -> bool:
    return value.__class__ in (int, float) and _FIRST_1904 <= value < _PAST_1904


def _serials_of_1904(kind: Kind, chunk: dict[str, Any]) -> None:
    """The numbers of a date column of a workbook of the 1904 date system (RawSheet.date1904)
    made the days they are there, as calamine makes its date cells: 40606 is 2015-03-05,
    not the 1900 system's 2011-03-04. Other numbers (20150305, 2015.03) are left to
    dates.date, which reads them as it reads them anywhere."""
    normalisers = NORMALISERS[kind]
    for key, column in chunk.items():
        if normalisers.get(key, (None,))[0] not in (dates.date, dates.record_date):
            continue
        if any(map(_serial_1904, column)):
            chunk[key] = [
                _EPOCH_1904 + dt.timedelta(days=int(v)) if _serial_1904(v) else v for v in column
            ]


def _fall_back(
    kind: Kind,
    columns: dict[str, Column],
    chunk: dict[str, Sequence[Any]],
    cells: _Cells,
    rows: list[int],
    moved: dict[str, dict[int, str]],
    unheld: dict[str, set[int]],
) -> None:
    """Read the columns read where another's cell is empty (Column.fallback) into
    ``chunk`` (a piece of a sheet's columns, by key, ``rows`` its rows), saying in
    ``moved`` (Table.moved) which cells came from which column, so a finding points at the
    cell read. A cell is empty as its field reads it (/, 无 and — are no name).

    On a sheet of two guardians' column sets (Column.second, _HeaderReader._two_guardians)
    the second guardian is read as one person where the first guardian's name and phone
    are empty (not the first's name with the second's phone), each of her cells pointed
    at, an empty one too: a missing phone is asked for in the second guardian's phone
    cell, which the school fills, not in the first's. Each guardian's cells are hers
    alone, wherever their columns stand: the second's set's column of a field the first's
    set has none of (Column.second_only) is read on the second's rows only, and the
    first's own cells (her 年龄, 身体状况: _PERSONAL) are not read on them; a field a
    row's guardian has no column of is said in ``unheld`` (Table.unheld)."""
    backed = {key: col.fallback for key, col in columns.items() if col.fallback is not None}
    seconds = {key: col.second for key, col in columns.items() if col.second is not None}
    only = [key for key, col in columns.items() if col.second_only]
    if not (backed or seconds or only):
        return
    read = NORMALISERS[kind]

    def empty(key: str, value: Any) -> bool:
        if value is None:
            return True
        if value.__class__ is str and value.strip() in _NOTHING_SAID:
            return True
        return read[key][0](value) is None

    def take(key: str, taken: list[int], other: Sequence[Any], letter: str) -> None:
        """``key``'s cells at ``taken`` (places in ``rows``) read from ``other``'s."""
        mine = chunk[key] = list(chunk[key])
        where = moved.setdefault(key, {})
        # A 是否留守儿童 cell that answers (是, 否) is no cell to mend: a finding on it
        # (VAL004: which parent is away) asks for the 留守类型 cell to be filled.
        answered = key == "left_behind_type"
        for r in taken:
            mine[r] = other[r]
            if not (answered and read[key][0](other[r]).__class__ is str):
                where[rows[r]] = letter

    # Each column read where another's cell is empty, a cell at a time: the first
    # guardian's 监护人手机 where her 监护人电话 is, on a sheet of two guardians too.
    for key, (j, letter) in backed.items():
        mine, other = chunk[key], cells.column(j)
        taken = [
            r
            for r, (a, b) in enumerate(zip(mine, other, strict=True))
            if not empty(key, b) and empty(key, a)
        ]
        if taken:
            take(key, taken, other, letter)
    if not (seconds or only):
        return
    hers = {key: cells.column(j) for key, (j, _) in seconds.items()}
    hers.update((key, chunk[key]) for key in only)
    # Who the first guardian is: her name and phone, where both sets have a phone column
    # (a relation alone, 祖母 beside an empty name and phone, names nobody to reach).
    who = [key for key in seconds if key in ("guardian_name", "guardian_phone")]
    # The rows whose first guardian is empty and second is not: the second's, as a whole.
    theirs = [
        r
        for r in range(len(rows))
        if all(empty(key, chunk[key][r]) for key in who)
        and not all(empty(key, column[r]) for key, column in hers.items())
    ]
    for key, (_, letter) in seconds.items():
        if theirs:
            take(key, theirs, hers[key], letter)
    mine_only = set(range(len(rows))).difference(theirs)
    for key in only:
        # Hers alone: none of the first guardian's, who has no column of the field.
        if mine_only:
            cleared = chunk[key] = list(chunk[key])
            lacking = unheld.setdefault(key, set())
            for r in sorted(mine_only):
                cleared[r] = None
                lacking.add(rows[r])
    if not theirs:
        return
    # The first guardian's own cells the second set has no column of (her 年龄, 身体状况),
    # wherever they stand: hers, not the second guardian's, on the rows read as the
    # second's. Not a phone or an address, which may be the home's (居住地地址) and are
    # kept.
    for key in [k for k in columns if k in _PERSONAL and k not in seconds and k not in only]:
        if columns[key].every_row:
            continue  # after both sets: of whichever guardian the row is read as
        cleared = chunk[key] = list(chunk[key])
        lacking = unheld.setdefault(key, set())
        where = moved.get(key)
        for r in theirs:
            cleared[r] = None
            lacking.add(rows[r])
            if where:
                where.pop(rows[r], None)


# A guardian's cells that are hers alone (not the home's phone or address).
_PERSONAL = frozenset(
    f"guardian_{a}"
    for a in ("relation", "age", "health", "occupation", "id_number", "birth_date", "work_place")
)
# A guardian's fields, each of which a guardian's set of columns may have: her set's own
# (_HeaderReader._two_guardians) on a sheet of two guardians' sets.
_GUARDIANS_OWN = frozenset(person_key("guardian", a) for a in ROLE_ATTRIBUTES["guardian"])
# The role a guardian's header names when it names none in particular (监护人, not
# 委托监护人), as guardian_role gives it.
_GUARDIAN = guardian_role(ROLES["guardian"][0])


# What a school types in a cell to say there is nobody or nothing (/, 无, —): no value, as
# the contact rules read it (CON001 asks for a guardian named —).
_NOTHING_SAID = frozenset({"", "/", "-", "—", "——", "无", "×", "暂无", "没有"})


def _ticked(row: Sequence[Any], ticks: tuple[tuple[int, str, str], ...]) -> str | None:
    """What a row ticks in a group: its choice, the choices ticked (an error where one is
    asked), or None."""
    chosen = [choice for j, _, choice in ticks if nz.cell_text(row[j]) not in _UNTICKED]
    return "、".join(chosen) or None


def _is_data(
    row: Sequence[Any],
    mapped: list[int],
    numbering: Collection[int] | None = None,
    read: Collection[int] = (),
    placing: Collection[int] = (),
    padding: tuple[Collection[int], Collection[int], Mapping[int, Callable[[Any], bool]]]
    | None = None,
) -> bool:
    """Whether a row below the header holds data: not blank, not only a 序号 left in an
    unused row, not a trailing note, not a template's unused row (``padding``:
    _template_row); on a children sheet (``numbering``: its 序号 columns; ``read``: the
    columns lbc reads but ``placing``, its 学校, 年级 and 班级), not a VLOOKUP dragged down
    past the last child (_dragged_lookup). Written for speed: a county roster has 100,000
    rows and nearly all of them answer at their first mapped cell."""
    n = len(row)
    if not any(j < n and row[j] != "" and row[j] is not None for j in mapped):
        return False
    if numbering is not None and _dragged_lookup(row, read, numbering, placing):
        return False
    if padding is not None and _template_row(row, *padding):
        return False
    filled = 0
    for v in row:
        if v != "" and v is not None:
            filled += 1
            if filled > 1:
                return True
    return not _is_note(row) and any(nz.cell_text(row[j]) for j in mapped if j < n)


def _dragged_lookup(
    row: Sequence[Any],
    read: Collection[int],
    numbering: Collection[int],
    placing: Collection[int] = (),
) -> bool:
    """Whether a row is a VLOOKUP dragged down past the last child, whose key is empty:
    each cell of a column lbc reads (``read``) empty or showing #N/A (DRAGGED_ERROR), one
    at least; beside them at most one cell of a 序号 column (``numbering``), cells of the
    学校, 年级 and 班级 columns (``placing``) holding anything (a county's template fills
    its school on every row, a class's its class, and a merged 班级 cell runs down over
    the rows: none of them a child's own), and cells of columns lbc does not read empty
    or showing a formula's error (a helper column working on the empty key shows
    #VALUE!). No child, as a row of only a 序号 is none
    (_is_data). Anything else makes it a child's, each error cell said (VAL007): another
    error where lbc reads (#REF!: the sheet looked up deleted, #VALUE!, #DIV/0!), her
    data lost rather than never there; anything typed (a name, a 学籍号 in a column lbc
    does not read); text that only looks like an error (" #N/A" typed with a space). A
    row whose only error is in a column lbc does not read stays what _is_data makes it
    (no child where the columns lbc reads are empty)."""
    shown = numbered = False
    for j, v in enumerate(row):
        if v is None or (v.__class__ is str and not v.strip()) or j in placing:
            continue
        if j in read:
            if v != DRAGGED_ERROR:
                return False
            shown = True
        elif shows_an_error_whole(v):
            continue
        elif j in numbering and not numbered:
            numbered = True
        else:
            return False
    return shown


def _template_row(
    row: Sequence[Any],
    anchors: Collection[int],
    allowed: Collection[int],
    defaults: Mapping[int, Callable[[Any], bool]],
) -> bool:
    """Whether a row is a template's unused one: its 学校 or its 序号 filled (a cell of
    ``anchors``), as a county's template fills its school and a class's template numbers
    its rows, its class filled in on each, and nothing else but cells of ``allowed`` (the
    学校 and 序号 columns, and on a children sheet 年级 and 班级 too). Nobody's row, as a
    row of only a 序号 is none (_is_data): a teachers list's such rows named no teacher
    (REQ001 and TCH001 on each), a roster's no child (REQ001 on each, and counted). A row
    naming a class alone stays what it was: it may be the class's heading. On a teachers
    list its 在岗, 可帮扶人数 and 党员 (_PREFILLED) are anchors and allowed too, each
    holding what a default would (``defaults``, by column: _default): a template fills
    them in with 是, 2 and 否 on every row, which counted each as a teacher. So are a
    roster's 民族, 就学情况, 身份证件类型 … (_CHILD_PREFILLED, _FORM_CHOICES): an official
    form's unused rows holding 汉族 and 小学 were each counted as a child."""
    if not any(j < len(row) and nz.cell_text(row[j]) for j in anchors):
        return False
    return all(
        (j in allowed and (j not in defaults or defaults[j](v)))
        or v is None
        or (v.__class__ is str and not v.strip())
        for j, v in enumerate(row)
    )


def _column_number(letter: str) -> int:
    """The 1-based column number of Excel's letters ("AB" -> 28): column_letter's inverse."""
    number = 0
    for c in letter:
        number = number * 26 + ord(c) - 64
    return number


# What a template's 序号 says of the example row it fills in under its header, to show how
# (张三, 138××××××××): the template's, no child's.
_EXAMPLE_WORDS = frozenset(
    {"例", "示例", "样例", "范例", "举例", "例子", "填写示例", "填表示例", "填写样例", "填写范例"}
)


def _example_row(row: Sequence[Any], numbering: Collection[int]) -> bool:
    """Whether a row's 序号 (a cell of ``numbering``) says it is the template's example
    (例, 示例 …, with a colon or in brackets): a child's 序号 is her number or empty."""
    for j in numbering:
        if j < len(row) and row[j].__class__ is str:
            text = nz.cell_text(row[j]).strip("()[]【】:")
            if text in _EXAMPLE_WORDS:
                return True
    return False


# What a statistical form prints before its column numbers: 栏次 over the row, and 甲, 乙 …
# under the columns that are not counted (the name, the class).
_NUMBERS_LABEL = frozenset({"栏次", "栏号", "列次", "列号"})
_LETTERED = "甲乙丙丁戊己庚辛"


def _column_numbers(row: Sequence[Any]) -> bool:
    """Whether a row is the column numbers an official form prints under its header (1, 2,
    3 … across, after 栏次 and 甲, 乙 … where a statistical form prints them): no child,
    though its cells are filled as a child's are."""
    filled = [t for v in row if (t := nz.cell_text(v))]
    if filled and filled[0] in _NUMBERS_LABEL:
        del filled[0]
    lettered = 0
    while lettered < len(filled) and filled[lettered] == _LETTERED[lettered : lettered + 1]:
        lettered += 1
    numbers = filled[lettered:]
    return len(numbers) >= 3 and numbers == [str(k) for k in range(1, len(numbers) + 1)]


def build_table(
    file: str,
    sheet: RawSheet,
    synonyms: dict[str, list[str]] | None = None,
    teacherless: bool = False,
) -> Table | None:
    """The sheet as a canonical :class:`Table`, or None when it is no roster sheet
    (``teacherless``: see find_header)."""
    maker = TableMaker.start(file, sheet, synonyms, teacherless)
    if maker is None:
        return None
    maker.add(sheet.rows)
    return maker.done()


# A column a sheet read in pieces gives one object per distinct text (TableMaker.share_values)
# when its first rows hold at most this share of distinct values.
SHARED_AT_MOST = 0.8
_SHAREABLE = frozenset({str, dt.date, dt.datetime})
# A column holding only these is shared with no Python step per cell (None is one object).
_SHARED_WHOLE = frozenset({*_SHAREABLE, type(None)})


class TableMaker:
    """A sheet's table made from its rows in order, a piece at a time: a sheet read in
    pieces (a county's merged roster of a million rows) is never whole as Python values.
    ``start`` finds the header in the sheet's first rows, ``add`` takes the rows (the
    first ones again among them), ``done`` gives the table."""

    def __init__(self, file: str, sheet: RawSheet, header: _Header) -> None:
        self.sheet, self.header = sheet, header
        self.start_at = header.first + header.height
        self.seen = 0
        self.tops: dict[Merge, Any] = {}
        # Each column's texts by themselves (share_values); None: a column not shared.
        self.shared: dict[str, dict[Any, Any] | None] | None = None
        # Each class's or grade's heading row over the children (三年级(2)班): the text,
        # and the place among the table's rows of the first row under it; "" for a row kept
        # as a child's that ends the heading over it (_ends_headings).
        self.headings: list[tuple[int, str]] = []
        # A class's or grade's heading between the title and the header, and whether it is
        # the title (_heading_above): the heading over the first rows.
        self.above = (
            _heading_above(sheet.rows, header.first) if header.kind is Kind.CHILDREN else None
        )
        # The columns a cell of which was neither text nor a date (a number): shared a
        # cell at a time.
        self.mixed: set[str] = set()
        self.sources_seen: dict[tuple[str, str], tuple[str, str]] = {}
        self.name_col = header.columns.get("name") or header.columns.get("date")
        # And the columns read where another's cell is empty (Column.fallback), which a
        # row is padded to as well.
        backs = [
            j
            for c in header.columns.values()
            for j in (c.fallback[0] if c.fallback else None, c.second[0] if c.second else None)
            if j is not None
        ]
        self.mapped = sorted([*(j for c in header.columns.values() for j in c.indices), *backs])
        self.two_rows = any(c.lower and not c.ticks for c in header.columns.values())
        cls = header.columns.get("class")
        self.class_at = cls.index if cls else None
        # The columns only a child's row fills with her own data (her ID, her guardian and
        # his phone, her address …): not her name, her class, a note or her school.
        self.data_at = frozenset(
            j for key, c in header.columns.items() if key not in _NOT_DATA for j in c.indices
        )
        numbers = [
            (_column_number(letter) - sheet.col0 - 1, label)
            for letter, label, why, _ in header.ignored
            if why == IGNORED_NUMBERING
        ]
        children = header.kind is Kind.CHILDREN
        # A children sheet's 序号 columns, beside which a row showing only #N/A where lbc
        # reads is no child's (_dragged_lookup); None on any other sheet, whose rows stay.
        self.numbering = frozenset(j for j, _ in numbers) if children else None
        # The columns that place a row rather than hold its own data, which a template
        # fills on every row: its school, and on a children sheet its grade and class.
        placed = [c for key in _PLACING[children] if (c := header.columns.get(key))]
        self.placing = frozenset(j for c in placed for j in c.indices)
        self.read = frozenset(self.mapped) - self.placing
        # A template's unused row (_template_row): its 学校 or 序号 filled, and only them,
        # its 年级 and its 班级; on a teachers list, or what it fills in on every row.
        school = header.columns.get("school")
        anchors = frozenset(j for j, _ in numbers) | ({school.index} if school else set())
        prefilled_by = (
            {key: _default(key) for key in _PREFILLED}
            if header.kind is Kind.TEACHERS
            else _CHILD_PREFILLED
            if children
            else {}
        )
        defaults = {
            j: default
            for key, default in prefilled_by.items()
            if (c := header.columns.get(key))
            for j in c.indices
        }
        if children:
            defaults |= {
                _column_number(letter) - sheet.col0 - 1: _form_choice
                for letter, label, why, _ in header.ignored
                if why == IGNORED_FORM and fold_header(label) in _FORM_CHOICES
            }
        prefilled = frozenset(defaults)
        anchors |= prefilled
        self.padding = (anchors, anchors | self.placing, defaults) if anchors else None
        # What a row of a dragged VLOOKUP may fill besides #N/A, by column, as VAL008
        # names it: its 序号, 学校, 年级 and 班级 by their labels; and of the run of such rows
        # the last piece ended (_error_rows), the columns its rows filled.
        self.besides = dict(sorted([*numbers[:1], *((c.index, c.label) for c in placed)]))
        self.filled: set[int] = set()
        # The first two columns a row's own data fills, at which nearly every row of a
        # roster is known to be one (add): its school or class filled says nothing.
        not_own = self.placing | prefilled
        own = [j for j in self.mapped if j not in not_own] or self.mapped
        self.quick = (own[0], own[1] if len(own) > 1 else own[0])
        grid = sheet.rows
        self.header_row = grid[header.first]
        # Each mapped column's header texts (of each of its header rows): a row holding a
        # column's header word under another column is a header in another order.
        # A group's word merged over its columns (父亲 over 姓名, 电话, 务工地点) is each one's.
        self.header_words: dict[int, set[str]] = {}
        rows_of_header = range(header.first, header.first + header.height)
        for i in rows_of_header:
            line = grid[i] if i < len(grid) else []
            for j in self.mapped:
                if j < len(line) and (text := nz.cell_text(line[j])):
                    self.header_words.setdefault(j, set()).add(text)
        for (r1, c1), (_, c2) in sheet.merged:
            i, j = r1 - sheet.row0, c1 - sheet.col0
            if i in rows_of_header and 0 <= j < len(grid[i]) and (text := nz.cell_text(grid[i][j])):
                for k in range(j + 1, c2 - sheet.col0 + 1):
                    self.header_words.setdefault(k, set()).add(text)
        # A line above the header labelling the sheet's class (班级：三年级(2)班, beside 学校：
        # and 班主任：), as a form prints it under its title.
        self.class_line = class_line(grid, header.first)
        self.table = Table(
            kind=header.kind,
            file=file,
            sheet=sheet.name,
            header_rows=tuple(sheet.row0 + header.first + 1 + k for k in range(header.height)),
            columns=header.columns,
            unknown=header.unknown,
            ignored=header.ignored,
            rows=[],
            title=_title_above(grid, header.first),
            hidden=sheet.hidden,
            filtered=sheet.filtered,
        )
        self.hidden_rows = frozenset(sheet.hidden_rows)
        for key in header.columns:
            self.table.raw[key] = []
        school = header.columns.get("school")
        self.school_at = school.index if school else None
        # A teachers list's 姓名 and 联系电话 columns: a name merged over a teacher's rows
        # gives them her phone too (_share_phone).
        name, phone = header.columns.get("name"), header.columns.get("phone")
        teachers = header.kind is Kind.TEACHERS and name is not None and phone is not None
        self.shared_phone = (name.index, phone.index) if teachers else None
        if any(label == MERGED_MARK for _, label, _, _ in header.ignored):
            self.table.sources = _merged_sources(self.header_row, [], self.school_at)
            self.table.source_rows = array("d")
            self.table.schools_written = True

    @classmethod
    def start(
        cls,
        file: str,
        sheet: RawSheet,
        synonyms: dict[str, list[str]] | None = None,
        teacherless: bool = False,
    ) -> TableMaker | None:
        """The maker of ``sheet``'s table, its header found in ``sheet.rows`` (its first
        HEADER_SEARCH_ROWS + 1 rows at least, unless it has fewer); None: no roster sheet
        (``teacherless``: see find_header)."""
        header = find_header(sheet, synonyms, teacherless)
        return None if header is None else cls(file, sheet, header)

    def add(self, grid: list[list[Any]]) -> None:
        """Take the sheet's next rows (from its first row on, in order)."""
        at, self.seen = self.seen, self.seen + len(grid)
        sheet, header, mapped, table = self.sheet, self.header, self.mapped, self.table
        shared: list[int] = []
        if sheet.merged:
            if self.shared_phone is not None:
                shared = _share_phone(sheet, grid, at, self.start_at, *self.shared_phone)
            _fill_merged_down(sheet, grid, at, self.start_at, self.tops)
        # Two mapped cells filled make a data row at once (nearly every row of a roster),
        # unless the first shows #N/A (a children sheet's rows may show nothing else:
        # _dragged_lookup); any other row is looked at closely.
        j0, j1 = self.quick
        numbering, read, placing, padding = self.numbering, self.read, self.placing, self.padding
        dragged = DRAGGED_ERROR if numbering is not None else None
        data_idx = [
            i
            for i in range(max(self.start_at - at, 0), len(grid))
            if (
                (
                    j1 < len(grid[i])
                    and grid[i][j0]
                    and grid[i][j1]
                    and j0 != j1
                    and grid[i][j0] != dragged
                )
                or _is_data(grid[i], mapped, numbering, read, placing, padding)
            )
            # A total or note ("合计,1人,,…"), or a class's heading with words beside it
            # (三年级(2)班,,,班主任：李明): only a row whose first cell is empty or text
            # starting with 合, 注, 填 … or holding 计 (青山小学小计), a colon (校长：), 班
            # or 级 is looked at further.
            and not (
                (
                    (first := grid[i][0]) is None
                    or (
                        first.__class__ is str
                        and (
                            first[:1] in _NOTE_START
                            or "计" in first
                            or "：" in first
                            or ":" in first
                            or "班" in first
                            or "级" in first
                        )
                    )
                )
                and (
                    _starts_with_note(grid[i])
                    or (
                        _heading_beside(grid[i]) is not None
                        and not self._is_nameless_child(grid[i])
                    )
                )
            )
        ]
        first = self.start_at - at
        if data_idx and data_idx[0] == first and _column_numbers(grid[first]):
            del data_idx[0]  # the form's column numbers (1, 2, 3 …) under its header
        examples: list[int] = []
        if self.numbering:
            examples = [i for i in data_idx if _example_row(grid[i], self.numbering)]
            if examples:
                data_idx = [i for i in data_idx if i not in examples]
        if self.name_col is not None and (label := self.name_col.label):
            # A row holding the name's label may be the header again (in C: a county's
            # 100,000 rows hold none).
            for i in [i for i in data_idx if label in grid[i]]:
                self._refuse_another_header(grid[i], sheet.row0 + at + i + 1)
            data_idx = [i for i in data_idx if not self._header_again(grid[i])]
        lo = max(self.start_at - at, 0)
        if header.kind is Kind.CHILDREN:
            dropped = _dropped(data_idx, lo, len(grid)) if len(data_idx) < len(grid) - lo else []
            if examples:  # a template's example names no class for the rows below it
                dropped = [i for i in dropped if i not in examples]
            self._find_headings(grid, dropped, data_idx)
            self._error_rows(grid, dropped, at)
        rows = [sheet.row0 + at + i + 1 for i in data_idx]
        table.rows += rows
        if shared:
            table.phone_of_merged_name += [row for row in rows if row in shared]
        if self.hidden_rows:
            table.hidden_rows += [row for row in rows if row in self.hidden_rows]
        kept = [grid[i] for i in data_idx]
        cells = _Cells(kept, max(mapped) + 1, [c.index for c in header.columns.values()])
        chunk = {
            key: [_ticked(r, col.ticks) for r in cells.padded()]
            if col.ticks
            else cells.column(col.index)
            for key, col in header.columns.items()
        }
        _fall_back(header.kind, header.columns, chunk, cells, rows, table.moved, table.unheld)
        if self.sheet.date1904:
            _serials_of_1904(header.kind, chunk)
        for key, column in chunk.items():
            if self.shared is not None and column is not cells.blank:
                column = self._shared(key, column)
            if table.raw[key]:
                table.raw[key] += column
            else:  # the first rows (a whole sheet's only ones)
                table.raw[key] = column if column.__class__ is list else list(column)
        if table.sources is not None:
            # One object per source: a county's million rows name a few hundred.
            share = self.sources_seen.setdefault
            sources = _merged_sources(self.header_row, kept, self.school_at) or []
            table.sources += [share(source, source) for source in sources]
            if table.source_rows is not None:
                table.source_rows += _merged_source_rows(self.header_row, kept)

    def _header_again(self, row: Sequence[Any]) -> bool:
        """Whether a row is the header printed again on a later page, no child: its name
        cell a copy of the header's, or, where that is empty, a two-row header's lower row
        (姓名, 电话, 务工地点 under 父亲 and 母亲), which has no name of a child."""
        name = self.name_col
        if name is None:
            return False
        j = name.index
        cell = row[j] if j < len(row) else None
        if cell == name.label:
            return True
        return (
            cell in (None, "")
            and self.two_rows
            and _lower_header_again(row, self.header.columns.values())
        )

    def _refuse_another_header(self, row: Sequence[Any], excel_row: int) -> None:
        """Refuse a row that is a header of the same columns in another order (a second
        class's table pasted under the first, the mother's columns before the father's):
        ``row`` holds the name column's label (the caller asks only of such rows), and a
        header word in a column whose own header says another. Passed over as the header
        printed again, or read as a child, the rows under it were read by the first
        header's columns, the father's phone as the mother's; which header they are of
        cannot be told, so the file is said."""
        words = self.header_words
        for j in self.mapped:
            text = nz.cell_text(row[j]) if j < len(row) else None
            if not text or text in words.get(j, ()):
                continue
            if any(text in held for k, held in words.items() if k != j):
                first = self.sheet.row0 + self.header.first + 1
                raise LbcError(
                    t(
                        "err.header_reordered",
                        file=self.table.file,
                        sheet=self.sheet.name,
                        row=excel_row,
                        first=first,
                        column=column_letter(self.sheet.col0 + j + 1),
                        was=" ".join(sorted(words.get(j, ()))) or t("err.header_reordered.none"),
                        now=text,
                    )
                )

    def _is_nameless_child(self, row: Sequence[Any]) -> bool:
        """Whether a row that reads as a class's heading with who is over it beside
        (三年级(1)班 … 联系人：王秀英 … 13812345678, or 王芳老师) is a child's with no name:
        its class in the sheet's own 班级 column, and each other cell it fills in a column
        only a child's row fills (_NOT_DATA), her guardian and his phone. A heading's words
        beside it do not sit under the child's data as hers do."""
        at = self.class_at
        if at is None or at >= len(row) or not nz.cell_text(row[at]):
            return False
        others = [j for j, v in enumerate(row) if j != at and nz.cell_text(v)]
        return bool(others) and all(j in self.data_at for j in others)

    def _error_rows(self, grid: list[list[Any]], dropped: list[int], at: int) -> None:
        """Add the rows of ``dropped`` (indices into ``grid``, the sheet's rows from grid
        index ``at`` on) of a VLOOKUP dragged too far (_dragged_lookup: a column lbc reads
        showing #N/A, so a row read as a child's but for that) to the table's
        ``error_rows``, a run of consecutive rows once, a run the last piece ended
        carried on."""
        numbering, runs = self.numbering or frozenset(), self.table.error_rows
        row0, besides = self.sheet.row0 + at + 1, self.besides
        for i in dropped:
            row = grid[i]
            if not _dragged_lookup(row, self.read, numbering, self.placing):
                continue
            if not (runs and runs[-1].last == row0 + i - 1):
                runs.append(ErrorRows(self.sheet.name, row0 + i, row0 + i, ()))
                self.filled = set()
            # The columns besides which the run shows #N/A: those its rows fill otherwise.
            self.filled.update(
                j
                for j in besides
                if j < len(row) and nz.cell_text(row[j]) not in ("", DRAGGED_ERROR)
            )
            labels = tuple(besides[j] for j in besides if j in self.filled)
            runs[-1] = runs[-1]._replace(last=row0 + i, besides=labels)

    def _find_headings(
        self, grid: list[list[Any]], dropped: list[int], data_idx: list[int]
    ) -> None:
        """Add the class's and grade's headings among ``grid``'s rows to ``headings``: the
        rows dropped as no child (``dropped``: _heading), and, where there is a heading to
        end, the rows kept as a child's (``data_idx``) that name a grade or a class where
        her name is (_ends_headings), each of which ends the heading's span over it without
        starting one."""
        before = len(self.table.rows)
        found = [
            (i, before + bisect.bisect(data_idx, i), text)
            for i in dropped
            # The header printed again (年级班级 naming a grade) neither ends nor starts one.
            if (text := _heading(grid[i])) is not None and not self._header_again(grid[i])
        ]
        if (found or self.headings) and self.name_col is not None:
            columns = self.header.columns
            own = {c.index for key in ("class", "grade") if (c := columns.get(key))}
            name = self.name_col.index
            found += [
                (i, before + k, "")
                for k, i in enumerate(data_idx)
                if _ends_headings(grid[i], name, own)
            ]
            found.sort()
        self.headings += [(at, text) for _, at, text in found]

    def share_values(self) -> None:
        """From now on give equal texts of a column one object: a sheet read in pieces
        holds a million rows, and calamine makes a new object of every cell, though most
        columns (性别, 班级, 学校, names …) repeat a few thousand texts."""
        self.shared = {}
        self.mixed = set()

    def _shared(self, key: str, column: Sequence[Any]) -> Sequence[Any]:
        shared = self.shared
        if shared is None:
            return column
        if key not in shared:
            # Judged once, on the first rows: a column of IDs or phone numbers repeats
            # nothing, and would only fill the table of texts (judged again with every
            # piece, its million cells were put in a set for nothing).
            shared[key] = None if len(set(column)) > len(column) * SHARED_AT_MOST else {}
        known = shared[key]
        if known is None:
            return column
        share = known.setdefault
        if key not in self.mixed:
            # Texts and dates only: 1, 1.0 and True are equal keys, and a number cell must
            # stay as typed. Most columns hold nothing else, shared with no Python step per
            # cell; whether a cell of another type was there is told by the keys the piece
            # added (a few hundred), not by every cell's type: any such cell adds one, or
            # finds one an earlier piece added, which made the column mixed then.
            before = len(known)
            out = list(map(share, column, column))
            added = itertools.islice(reversed(known), len(known) - before)
            if _SHARED_WHOLE.issuperset(map(type, added)):
                return out
            self.mixed.add(key)
        return [share(v, v) if v.__class__ in _SHAREABLE else v for v in column]

    def done(self) -> Table:
        """The table, once every row is in."""
        self.shared = None
        table = self.table
        # Known once the sheet's rows are all read (lbc.roster.reading._ShowsErrors).
        table.formula_errors = self.sheet.formula_errors
        if table.kind is Kind.CHILDREN:
            headings = self.headings
            if self.above is not None:
                # A title that is a class alone names the class of a sheet with no 班级
                # column and no heading below the header, as its title (class_from_name).
                text, title = self.above
                if not title or "class" in table.raw or any(said for _, said in headings):
                    headings = [(0, text), *headings]
            headed, grades = classes_under_headings(table, headings)
            if "class" not in table.raw and not headed:
                class_from_name(table, self.class_line)
            complete(table, grades)
        else:
            complete(table)
        return table


class _Cells:
    """The cells of a sheet's kept ``rows`` column by column, a cell past a row's end
    None (as if each row were padded to ``width``). Rows of one length (calamine's grid
    is a rectangle) are turned into columns in one pass at C speed, unless they are much
    wider than the columns ``wanted``: a row of a merged roster's later piece is 37 cells
    under a header of 72, and padding each to 72 and picking each column a cell at a time
    was a third of making the table."""

    def __init__(self, rows: list[list[Any]], width: int, wanted: list[int]) -> None:
        self.rows, self.width = rows, width
        self.blank: tuple[None, ...] = (None,) * len(rows)
        self.columns: list[tuple[Any, ...]] | None = None
        self._padded: list[list[Any]] | None = None
        length = len(rows[0]) if rows else 0
        if (
            rows
            and length <= 3 * len(wanted)
            and min(map(len, rows)) == length == max(map(len, rows))
        ):
            self.columns = list(zip(*rows, strict=True))

    def column(self, j: int) -> Sequence[Any]:
        """Column ``j``: a tuple, or ``blank`` when every row ends before it."""
        if self.columns is not None:
            return self.columns[j] if j < len(self.columns) else self.blank
        return list(map(itemgetter(j), self.padded()))

    def padded(self) -> list[list[Any]]:
        """The rows, each at least ``width`` long."""
        if self._padded is None:
            width = self.width
            self._padded = [
                r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in self.rows
            ]
        return self._padded


def _merged_sources(
    header: Sequence[Any], rows: list[list[Any]], school: int | None
) -> list[tuple[str, str]] | None:
    """Each row's 来源文件 and 来源工作表 on a sheet lbc merge wrote; where the county took
    来源文件 out, its 学校 cell (column ``school``) in its place, which still tells one
    school's rows from another's; None when neither is there."""
    at, sheet_at = (header.index(label) if label in header else None for label in SOURCE_LABELS)
    if at is None:
        at = school
    if at is None:
        return None
    return list(zip(_texts_of(rows, at), _texts_of(rows, sheet_at), strict=True))


def _merged_source_rows(header: Sequence[Any], rows: list[list[Any]]) -> array[float]:
    """Each row's 来源行 on a sheet lbc merge wrote, as a number (0: none), the column
    taken whole where every cell is a number, as merge writes them."""
    if MERGED_MARK not in header:
        return array("d", bytes(8 * len(rows)))
    j = header.index(MERGED_MARK)
    if min(map(len, rows), default=0) > j:
        cells = list(map(itemgetter(j), rows))
    else:
        cells = [r[j] if j < len(r) else None for r in rows]
    try:
        return array("d", cells)
    except TypeError:  # a row the county put in, or a number typed as text
        return array("d", map(_row_number, cells))


def _row_number(cell: Any) -> float:
    """A 来源行 cell's row number (a whole number, or its digits as text); else 0."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    text = nz.cell_text(cell)
    return float(text) if text.isdigit() else 0.0


def _texts_of(rows: list[list[Any]], j: int | None) -> list[str]:
    """The text of each row's cell in column ``j`` ("" where it has none), column by column
    and each distinct text once: a county's million rows name a few hundred sources."""
    if j is None:
        return [""] * len(rows)
    if min(map(len, rows), default=0) > j:
        cells = list(map(itemgetter(j), rows))
    else:
        cells = [r[j] if j < len(r) else None for r in rows]
    texts = dict.fromkeys(cells)
    if not all(k.__class__ is str or k is None for k in texts):  # 1, 1.0 and True: one key
        return list(map(nz.cell_text, cells))
    for k in texts:
        texts[k] = nz.cell_text(k)
    return list(map(texts.__getitem__, cells))


def _with(
    synonyms: dict[str, list[str]] | None, more: dict[str, list[str]] | None
) -> dict[str, list[str]] | None:
    """``synonyms`` and ``more``, each field's texts of both."""
    if not more:
        return synonyms
    out = {key: list(texts) for key, texts in (synonyms or {}).items()}
    for key, texts in more.items():
        out[key] = [*out.get(key, []), *texts]
    return out


def load_roster(
    paths: Sequence[Path],
    synonyms: dict[str, list[str]] | None = None,
    carry_on: bool = False,
    keep: Sequence[Path] = (),
    lists_alone: bool = False,
    park: bool = False,
    children_elsewhere: bool = False,
    own_synonyms: Mapping[Path, dict[str, list[str]]] | None = None,
) -> Roster:
    """Read every file, recognise each sheet by its header, and build canonical tables;
    ``own_synonyms``: the header synonyms of a file's own school (its lbc.toml), read with
    ``synonyms`` in that file, so a county's run reads each school's headers as it does.

    Raises :class:`LbcError` when a file cannot be read or no children sheet is found. With
    ``carry_on`` (many schools' files in one run) a file that cannot be read is listed in
    ``Roster.failed`` and the others are read: one school's broken file must not stop a
    county's run. Only when no file could be read is that an error.

    A workbook holding a pairs list is a pairs workbook: its pairs lists go to
    ``Roster.pairs`` and its other lists (教师帮扶名单 is no teachers list to pair from) are
    passed over, so naming it beside the roster counts no child twice. ``keep`` files
    (``lbc pair --keep``) are pairs workbooks or last term's rosters (``Roster.previous``).
    Pairs workbooks with no roster are refused (:class:`PairsOnlyError`), and so are
    teachers lists and record sheets, unless ``lists_alone`` (``lbc columns``, which says
    how they are read: a teacher asking why her records were not counted). With ``park`` each
    children table is parked (Table.park) as it is read, in the reading child if there is
    one (SheetReader). With ``children_elsewhere`` (lbc merge, which reads each school's
    files one at a time) teachers or records with no children are no error: the children
    are in another file of the run; nor is a file with no list at all (a school's stray
    spreadsheet), which a folder's run passes over, its sheets in ``skipped``.
    """
    roster = Roster(files=[], children=[], teachers=[], records=[], skipped=[])
    for path in [*paths, *keep]:
        name = str(path)
        words = _with(synonyms, (own_synonyms or {}).get(path))
        reader = SheetReader(path, words, park and path not in keep)
        try:
            if path.suffix.lower() == PARQUET_SUFFIX:
                _add_parquet(roster, path, last_term=path in keep)
                continue
            if path.suffix.lower() == ".csv":
                (sheet,) = read_book(path).sheets
                if _stacked_csv(roster, path, sheet):
                    continue
                sheets = [reader(sheet)]
            else:
                sheets = read_sheets(path, reader)
        except LbcError as exc:
            if not carry_on or path in keep:
                raise
            roster.failed.append((name, str(exc)))
            continue
        roster.files.append(name)
        _beside_children_list(sheets)
        if any(s.table is not None and record_sheets.is_record_sheet(s.table) for s in sheets):
            # A teacher's record sheet: its list of the teacher's children is no roster, by
            # its name or, renamed (Sheet2, 我的学生), by the title lbc wrote above it.
            sheets = [
                s
                for s in sheets
                if s.name != record_sheets.CHILDREN_SHEET
                and not record_sheets.has_children_title(s.table)
            ]
        else:  # nor is it when the teacher has made its records sheet unlike lbc's
            sheets = [s for s in sheets if not record_sheets.is_children_list(s.name, s.table)]
        tables = [s.table for s in sheets if s.table is not None]
        if any(table.is_pairs for table in tables):
            roster.pairs += [table for table in tables if table.is_pairs]
            if path not in keep:
                roster.children += [x for x in tables if x.kind is Kind.CHILDREN and not x.is_pairs]
            continue
        if path in keep:
            previous = [x for x in tables if x.kind is Kind.CHILDREN and x.has("support_teacher")]
            if not previous:
                raise LbcError(t("err.keep_no_teacher", files=name))
            roster.previous += previous
            continue
        roster.skipped += [(name, s.name) for s in sheets if s.table is None and s.filled]
        roster.unnamed_records += [(name, s.name) for s in sheets if s.teacherless is not None]
        had = {k: v for s in sheets if s.source_columns for k, v in s.source_columns.items()}
        empty = {k: v for s in sheets if s.empty_sources for k, v in s.empty_sources.items()}
        joined = join_numbered_sheets(tables)
        unheld = {k: v for s in sheets if s.unheld_runs for k, v in s.unheld_runs.items()}
        held = [unheld_rows(table, unheld) if unheld else {} for table in joined]
        runs = {k: v for s in sheets if s.lacks_runs for k, v in s.lacks_runs.items()}
        for table in joined if runs else ():
            lacking_runs(table, runs, had)
        laid = {k for s in sheets if s.record_sources for k in s.record_sources}
        # Each school's own settings (各校要求, 各校学期) go by its rows' 学校 where one
        # 来源文件 is several schools' (a merged roster's, merged again).
        by_school = any(s.school_terms for s in sheets)
        pieces = []
        for table, rows in zip(joined, held, strict=True):
            for piece in by_source(table, had, by_school):
                if rows:
                    unheld_back(piece, rows)
                # A teacher's record sheet merged: lbc's record sheet, as in its own file.
                if laid and piece.sources and (piece.kind.value, *piece.sources[0]) in laid:
                    piece.laid_out = True
                pieces.append(piece)
        lacks = {k: v for s in sheets if s.lacks_at for k, v in s.lacks_at.items()}
        for piece in pieces:
            if lacks and piece.sources and piece.lacks_at is None:
                # Its school's row, else the whole sheet's (columns_had).
                source = (piece.kind.value, *piece.sources[0])
                lacking(piece, lacks.get((*source, piece_school(piece)), lacks.get((*source, ""))))
            _by_kind(roster, piece.kind).append(piece)
        for table, school in empty_sources(joined, pieces, had, empty):
            roster.children.append(table)
            if school:
                roster.declared.setdefault(table.file, school)
        origins = {piece.origin for piece in pieces}
        roster.term_sheets += [
            (name, s.name, *s.school_terms, origins) for s in sheets if s.school_terms
        ]
    if roster.failed and not roster.files:
        raise LbcError(roster.failed[0][1])
    if not roster.children:
        # A sheet read as no list at all is no teachers list or record sheet to describe:
        # the error says which header a roster needs (a typo in 身份证号 left it unread).
        if lists_alone and (
            roster.pairs or roster.teachers or roster.records or roster.unnamed_records
        ):
            return roster
        if children_elsewhere and not roster.pairs:
            return roster
        books = {table.file for table in roster.pairs}
        if children_elsewhere and any(name not in books for name in roster.files):
            # lbc merge joins a school folder's pairs workbooks onto each of its files: a
            # teachers list's, records' or stray file holds no children for them to name.
            roster.files = [name for name in roster.files if name not in books]
            roster.pairs = []
            return roster
        # A pairs workbook beside a file of something else (lbc due's 待办.xlsx in its
        # school's folder): that file has no roster, it is no pairs list.
        others = [name for name in roster.files if name not in books]
        if books and not others:
            raise PairsOnlyError(t("err.pairs_only", files=as_list(roster.files)))
        raise LbcError(t("err.no_children", files=as_list(others)))
    return roster


class PairsOnlyError(LbcError):
    """The files hold pairs lists and no roster: a pairs workbook given alone."""


def is_pairs_book(path: Path, synonyms: dict[str, list[str]] | None = None) -> bool:
    """Whether a file is a pairs workbook and nothing else, as ``load_roster`` reads it;
    only a workbook with lbc pair's 结对名单 sheet is read, so a county's rosters are not
    read twice to find the few pairs workbooks beside them."""
    if t("book.pairs") not in sheet_names(path):
        return False
    try:
        load_roster([path], synonyms)
    except PairsOnlyError:
        return True
    except LbcError:
        return False
    return False


def _by_kind(roster: Roster, kind: Kind) -> list[Table]:
    return {
        Kind.CHILDREN: roster.children,
        Kind.TEACHERS: roster.teachers,
        Kind.RECORDS: roster.records,
    }[kind]


def _add_parquet(roster: Roster, path: Path, last_term: bool = False) -> None:
    """A Parquet file's tables, each under the school's own file and sheet it came from;
    ``last_term`` (``lbc pair --keep``): its children with their 帮扶教师, as a workbook's."""
    from lbc.roster.parquet import read_tables, settings_sheets  # pyarrow: only here

    check_input_path(path)
    tables = read_tables(path)
    if not last_term:
        origins = {table.origin for table, _ in tables}
        roster.term_sheets += settings_sheets(path, origins)
    if last_term:
        previous = [x for x, _ in tables if x.kind is Kind.CHILDREN and x.has("support_teacher")]
        if not previous:
            raise LbcError(t("err.keep_no_teacher", files=path))
        roster.previous += previous
        return
    if not tables or tables[0][0].file == str(path):  # located in the file itself
        roster.files.append(str(path))
    # A source file's school, where its tables say one: a merged roster exported gives
    # each school's table under the one merged file, which declares none of them.
    said: dict[str, set[str]] = {}
    for table, school in tables:
        if table.file not in roster.files:
            roster.files.append(table.file)
        said.setdefault(table.file, set()).add(school)
        _by_kind(roster, table.kind).append(table)
    for file, schools in said.items():
        if len(schools) == 1 and (school := schools.pop()):
            roster.declared.setdefault(file, school)


def _stacked_csv(roster: Roster, path: Path, sheet: RawSheet) -> bool:
    """Add an ``lbc export`` CSV file's tables to ``roster``, if the sheet is one; its rows
    say which table each is, so reading it as one roster sheet would be wrong."""
    from lbc.roster.parquet import is_stacked, tables_from_columns

    if not sheet.rows or not is_stacked(sheet.rows[0]):
        return False
    names = sheet.rows[0]
    body = sheet.rows[1:]
    columns = {
        str(name): [None if j >= len(r) or r[j] == "" else r[j] for r in body]
        for j, name in enumerate(names)
    }
    roster.files.append(str(path))
    shown = set(columns) if sheet.formula_errors else set()
    for table, school in tables_from_columns(path, sheet.name, columns, shown, None):
        _by_kind(roster, table.kind).append(table)
        if table.file != str(path) and school:  # a school's sheet of nobody: its own name
            roster.declared.setdefault(table.file, school)
    return True


@dataclass
class SheetRead:
    """What was made of one sheet: its table, or None (then ``filled``: whether the sheet
    held anything, which is then noted as passed over)."""

    name: str
    filled: bool
    table: Table | None
    source_columns: SourceColumns | None = None  # a merged workbook's COLUMNS_SHEET
    empty_sources: EmptySources | None = None  # and the sheets it says had no row
    lacks_at: LacksAt | None = None  # and where a school's sheet lacked columns
    lacks_runs: LacksRuns | None = None  # and where some of its rows did
    unheld_runs: UnheldRuns | None = None  # and the rows whose guardian's set lacked a field
    record_sources: RecordSources | None = None  # and the sheets that were lbc's record sheets
    # A merged workbook's sheet of a school's own settings (SETTINGS_SHEETS, by ``name``):
    # its first column (0-based) and its rows below the header, each with its Excel row.
    school_terms: tuple[int, list[tuple[int, list[Any]]]] | None = None
    # A sheet of no list (``table`` None) that is records but for its 帮扶教师 column (日期
    # and 学生姓名: find_header's ``teacherless``), as lbc's record sheet is with the column
    # and the title naming the teacher deleted: the records, read as hers when the
    # workbook's 结对儿童 list names her (load_roster), else passed over and said so.
    teacherless: Table | None = None


@dataclass(frozen=True)
class SheetReader:
    """Makes each sheet of one file its table (a record sheet's rows not filled in dropped;
    a children table parked when ``park``, see read_roster).

    A reading child may run it (lbc.roster.reading.read_sheets): it is sent there, and
    what it makes is sent back, not the sheet's cells; and two readers of one file are
    equal, so that a folder's next file is read ahead with it."""

    in_child = True
    path: Path
    synonyms: dict[str, list[str]] | None = None
    park: bool = False

    def __call__(self, sheet: RawSheet) -> SheetRead:
        if sheet.name == COLUMNS_SHEET and (said := columns_said(sheet.rows)) is not None:
            return SheetRead(sheet.name, False, None, *said)
        if sheet.name in SETTINGS_SHEETS and (rows := school_terms_rows(sheet)) is not None:
            return SheetRead(sheet.name, False, None, school_terms=rows)
        table = build_table(str(self.path), sheet, self.synonyms)
        if table is None and sheet.rows:
            unnamed = build_table(str(self.path), sheet, self.synonyms, teacherless=True)
            return SheetRead(sheet.name, True, None, teacherless=unnamed)
        return self.made(sheet.name, bool(sheet.rows), table)

    def in_pieces(self, sheet: RawSheet) -> PiecesRead:
        """What makes the sheet's table as its rows come in pieces (lbc.roster.reading)."""
        return PiecesRead(self, sheet)

    def made(self, name: str, filled: bool, table: Table | None) -> SheetRead:
        if table is not None and record_sheets.is_record_sheet(table):
            record_sheets.drop_unfilled(table)
            record_sheets.dates_in_term(table)
            record_sheets.teacher_from_title(table)
        if self.park and table is not None and table.kind is Kind.CHILDREN and not table.is_pairs:
            table.park()
        return SheetRead(name, filled, table)


def _beside_children_list(sheets: list[SheetRead]) -> None:
    """A workbook holding the 结对儿童 list lbc writes (``record_sheets.is_children_list``)
    is a teacher's record sheet whatever she deleted from its records sheet (its title, its
    应完成 and 帮扶教师 columns): that sheet is lbc's, its rows not filled in dropped, and
    hers, whom the list's title names, where no 帮扶教师 column names anyone. Not a
    workbook holding a roster beside such a list (a school's own records are no laid-out
    rows to drop); and no teacher where two teachers' sheets were copied into one workbook
    (王芳老师结对儿童 and 李强老师结对儿童): which of them wrote a records sheet is not known."""
    tables = [s.table for s in sheets if s.table is not None]
    if not any(record_sheets.is_children_list(s.name, s.table) for s in sheets):
        return
    if any(x.kind is Kind.CHILDREN and not record_sheets.has_children_title(x) for x in tables):
        return
    named = {record_sheets.list_teacher(x) for x in tables if record_sheets.has_children_title(x)}
    teacher = named.pop() if len(named) == 1 else ""
    for s in sheets:
        if s.teacherless is not None and teacher:
            s.table, s.teacherless = s.teacherless, None
        if s.table is not None and s.table.kind is Kind.RECORDS:
            record_sheets.beside_children_list(s.table, teacher)


class PiecesRead:
    """A sheet's SheetRead made as its rows come in pieces: its first rows are held until
    the header can be found among them, then every piece goes into the table and is let go."""

    def __init__(self, reader: SheetReader, sheet: RawSheet) -> None:
        self.reader, self.sheet = reader, sheet
        self.maker: TableMaker | None = None
        self.started = False

    def add(self, rows: list[list[Any]]) -> None:
        if not self.started:
            self.sheet.rows += rows
            if len(self.sheet.rows) > HEADER_SEARCH_ROWS + 1 and self.sheet.name not in (
                COLUMNS_SHEET,
                *SETTINGS_SHEETS,
            ):
                self.started = True
                even_rows(self.sheet.rows)  # the header's rows may come from two pieces
                self.maker = TableMaker.start(
                    str(self.reader.path), self.sheet, self.reader.synonyms
                )
                first, self.sheet.rows = self.sheet.rows, []
                if self.maker is not None:
                    self.maker.share_values()
                    self.maker.add(first)
        elif self.maker is not None:
            self.maker.add(rows)

    def done(self) -> SheetRead:
        if not self.started:  # few rows: made as a whole sheet is
            even_rows(self.sheet.rows)
            return self.reader(self.sheet)
        return self.reader.made(self.sheet.name, True, self.maker and self.maker.done())
