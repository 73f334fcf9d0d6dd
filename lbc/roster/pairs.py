"""The pairs in force: which teacher supports each child, joined once from every source.

Four sources can name a child's support teacher, and every command reads the one joined
here (``support_teacher`` of the children's tables), so summary, cards, flag and the next
pairing all see the same pairs:

1. a pairs workbook (``lbc pair --out``/``--save``: 结对名单 and 未结对, the workspace's
   ``[files] pairs``, or one named on the command line or with ``--keep``);
2. the roster's own 帮扶教师 column;
3. a teachers list's column of each teacher's children (帮扶学生姓名, 帮扶对象:
   ``listed_pairs``), for a child whose 帮扶教师 cell is empty: where the two name other
   teachers, the cell stands (it is what every command read before, and the one the
   checks point at), and lbc validate says so;
4. last term's roster given to ``lbc pair --keep``, only for a child nobody else names.

The newest decision wins. A pairs workbook records, for each child, the day it was made
(结对日期) and what the roster's 帮扶教师 column said then (结对时名册帮扶教师). Between
workbooks the later day wins (one day: the one read last); a row typed into a workbook
by hand, without a day where the workbook's other rows have one, is later than they are.
Between a workbook and the roster's column the workbook wins, unless the column now says
something else than the workbook recorded: then the column was changed after the pairing,
and the column wins. A workbook without those columns (typed by hand) wins over the column.
What the column says is, for a child whose cell is empty, what a teachers list says
(``STATED_KEY``): a pair moved on the teachers list after the pairing moves too.

A workbook's row is matched to its child by ID number, else by the roster row it names
(名册位置: the roster's file relative to the workbook, its sheet and row, when the name there
is the same), else by school, name and class, else (classes move up each September) by school
and name when that names one child only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Container
from dataclasses import dataclass, field
from pathlib import Path

from lbc.messages import both
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.fields import PAIRED_SINCE_KEY, PAIRED_TEACHER_KEY
from lbc.roster.people import (
    NAMESAKE_KEY,
    TeachersInPost,
    births_differ,
    known_birth,
    pairing_school,
    teacher_named,
    untagged,
)
from lbc.roster.school_names import FILE_SCHOOL, named_schools
from lbc.roster.tables import distinct_children, id_of, repeated_rows

PLACE_SEPARATOR = "|"  # a character no Windows file name holds
_ROW = re.compile(r"\d+")


@dataclass
class PairsJoined:
    """What the join did, for the one-line note a command prints."""

    books: list[str] = field(default_factory=list)  # the pairs workbooks read
    newest: dt.date | None = None  # the latest day a workbook was made
    from_books: int = 0  # children a workbook decides (or would, but for the next line)
    column_newer: int = 0  # of those, children whose 帮扶教师 cell changed since: the cell
    from_previous: int = 0  # children named only by last term's roster (--keep)
    unmatched: int = 0  # workbook rows that name no child of the roster
    # The children whose pair in force is a workbook's 帮扶教师 cell showing a formula's
    # error (a failed VLOOKUP's #N/A), by their row (id of its table, row), with that
    # workbook row: no teacher, said at that cell (VAL007, lbc watch's WCH012), not at the
    # roster's, which the workbook overrides.
    errors: dict[tuple[int, int], tuple[Table, int]] = field(default_factory=dict)
    # The children whose teacher last term's roster (--keep) gives shows a formula's error,
    # by their row, with that roster's file: the cell to mend is there, not in this term's.
    kept_errors: dict[tuple[int, int], str] = field(default_factory=dict)
    # Workbook rows naming one of namesakes (张伟（五年级(1)班）) that nothing tells apart
    # since the roster changed: not used, and said, rather than given to the wrong child.
    namesakes: list[str] = field(default_factory=list)
    # Children a workbook or last term's roster (--keep) pairs in another school of the run
    # than the one they are now in (moved there): its teacher is no teacher of theirs.
    moved_school: int = 0
    from_lists: int = 0  # children a teachers list's 帮扶学生 column pairs
    list_newer: int = 0  # of those a workbook decides, children the list moved since
    # The names in a teachers list's 帮扶学生 cells that pair nobody (lbc validate's
    # TCH005, TCH006, TCH007).
    listed: list[Listed] = field(default_factory=list)


# Why a name in a teachers list's 帮扶学生 cell pairs nobody (``Listed.why``): no child of
# the teacher's school has it; several do; another place names another teacher for it.
MISSING, NAMESAKES, CONFLICT = "missing", "namesakes", "conflict"

# Where the pairs join keeps, beside ``support_teacher``, the teacher each child's row states
# now: its 帮扶教师 cell, else the teachers list's (``listed_pairs``). lbc pair writes it into
# its workbook (结对时名册帮扶教师), and the join compares it with what the workbook wrote.
STATED_KEY = "support_teacher_stated"
# PAIRED_SINCE_KEY (a field of the dictionary, which a merged roster carries as 结对开始日期)
# is where the join keeps the day a pairs workbook gave a child a teacher other than the one
# her row stated when it was made (its 结对日期, where the workbook has 结对时名册帮扶教师):
# the new teacher has had her since that day, and lbc due holds her to nothing before it.
# And the day the pair in force began, as the workbooks tell it (the 结对日期 of the first of
# the newest decisions naming her teacher, whoever the roster named then): lbc pair writes it
# as the 结对日期 of a pair it keeps, so that a workbook made again makes no old pair new.
PAIR_BEGAN_KEY = "support_teacher_began"
# The 结对依据 lbc pair writes of a pair it kept, in either language.
_KEPT = both("pair.reason.kept")


@dataclass(frozen=True)
class Listed:
    """A name in teacher row ``i`` of ``table``'s 帮扶学生 cell that pairs nobody, and why:
    MISSING; NAMESAKES (``rows``: the children of that name); CONFLICT (``rows``: the
    row naming ``teacher`` for the child, the child's own or another teacher's; ``kept``:
    whether that is the child's 帮扶教师 cell, which stands, else neither pairs it)."""

    why: str
    table: Table
    i: int
    name: str
    rows: tuple[tuple[Table, int], ...] = ()
    teacher: str = ""
    kept: bool = False


# Between the names of a 帮扶学生 cell (outside brackets): 张三、李四，王五 / 赵六. A space
# is one only between names of two characters or more (_spaced): 张　三 is one name padded,
# and so is 欧阳 娜娜, a compound surname spaced off the given name (_one_name).
_NAME_SEPARATORS = frozenset("、，,;；/／\n\r")
_SPACES = frozenset(" \t\u3000")
_OPENING, _CLOSING = "(（", ")）"
_NOTED = re.compile(r"(?P<name>[^()（）]*)[(（](?P<note>.*)[)）]")


# The compound surnames (复姓) still common among Chinese families, as the 百家姓 lists them
# and today's registers hold them: a stretch of a 帮扶学生 cell beginning with one, then a
# space and a given name, is one name (欧阳 娜娜) even where the roster has no child of it,
# so that what validate says of it is said of the name as written, once.
COMPOUND_SURNAMES = frozenset(
    {
        *("欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙"),
        *("宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "申屠"),
        *("呼延", "闻人", "司空", "钟离", "百里", "澹台", "公冶", "太史", "万俟", "拓跋"),
        *("东郭", "公羊", "濮阳", "淳于", "单于", "赫连", "左丘", "第五", "梁丘", "段干"),
    }
)


def listed_names(
    cell: str, known: Container[str] = frozenset()
) -> list[tuple[str, str, nz.ClassRef | None]]:
    """The children a 帮扶学生 cell names: each as written, its name, and the class a
    bracket after it gives (张三(三年级2班)), None when none does (or a remark does);
    ``known``: the roster's children's names, by which two spaced pieces are one name
    (欧阳 娜娜: _one_name)."""
    out = []
    for chunk in _outside_brackets(cell, _NAME_SEPARATORS):
        for part in _spaced(chunk, known):
            noted = _NOTED.fullmatch(part)
            name = nz.name(noted.group("name") if noted else part)
            if not name:
                continue
            cls = nz.class_ref(noted.group("note")) if noted else None
            out.append((part, name, cls if isinstance(cls, nz.ClassRef) else None))
    return out


def _spaced(chunk: str, known: Container[str] = frozenset()) -> list[str]:
    """The names of a stretch of a 帮扶学生 cell between separators, split at spaces outside
    brackets, a bracket after a space going with the name before it (张三 (三年级2班)).
    Schools pad a two-character name to the width of three (张　三, 王 五): where a piece
    is one character, the spaces pad one name, which is the whole stretch. A compound
    surname and its given name spaced apart (欧阳 娜娜) are one name (_one_name)."""
    pieces: list[str] = []
    for piece in _outside_brackets(chunk, _SPACES):
        if piece[0] in _OPENING and pieces:
            pieces[-1] += piece
        elif pieces and _one_name(pieces[-1], piece, known):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    if any(len(_NOTED.sub(r"\g<name>", p).strip()) < 2 for p in pieces):
        return [chunk]
    return pieces


def _one_name(before: str, after: str, known: Container[str]) -> bool:
    """Whether two pieces of a 帮扶学生 cell a space parts are one child's name: the name
    they make is a child's of the roster (``known``) and they are not two children's, or
    the first is a compound surname (COMPOUND_SURNAMES) no child is named."""
    if any(c in _OPENING for c in before):  # a name with its class after it: whole
        return False
    noted = _NOTED.fullmatch(after)
    first, second = nz.name(before), nz.name(noted.group("name") if noted else after)
    if not first or not second:
        return False
    if first + second in known:
        return not (first in known and second in known)
    return first in COMPOUND_SURNAMES and first not in known


def _outside_brackets(text: str, separators: frozenset[str]) -> list[str]:
    """The pieces of ``text`` between ``separators`` that stand outside brackets."""
    parts: list[str] = []
    here: list[str] = []
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators:
            if here:
                parts.append("".join(here))
            here = []
            continue
        here.append(char)
    if here:
        parts.append("".join(here))
    return parts


def _agrees(cell: str, name: str, tag: str | None) -> bool:
    """Whether a 帮扶教师 cell names the teacher ``name`` (``tag``: as one of namesakes)."""
    return (
        cell in (name, tag)
        or teacher_named(cell, {name}) == name
        or name in nz.several_teachers(cell)
    )


# A child's teacher by a teachers list: her name, and how lbc names her where she is one of
# two teachers in post of one name (王芳(三年级(2)班), as her cell reads), else None.
ListedTeacher = tuple[str, str | None]


def listed_pairs(
    roster: Roster,
) -> tuple[dict[tuple[int, int], ListedTeacher], list[Listed]]:
    """The pairs the teachers lists' 帮扶学生 columns give: each children row (``id`` of its
    table, row) with its teacher's name and, for one of two teachers in post of one name,
    how lbc names her (王芳（三年级(2)班）); only for a child whose 帮扶教师 cell is empty.
    A name pairs the one child of the teacher's school of that name (of the class a bracket
    after it gives); a child entered twice is one child. With the names that pair nobody."""
    lists = [tb for tb in roster.teachers if tb.has("children")]
    known = _Names(roster.children)
    cells = {
        (id(tb), j): listed_names(cell, known)
        for tb in lists
        for j, cell in enumerate(tb.values["children"])
        if isinstance(cell, str)
    }
    wanted = {name for names in cells.values() for _, name, _ in names}
    if not wanted:
        return {}, []
    in_post = TeachersInPost(roster)
    # Each name's children: the row kept for the child, with every row of it.
    children: dict[str, dict[tuple[int, int], list[tuple[Table, int]]]] = {}
    for table, i, first in distinct_children(roster.children, roster.copy_schools()):
        name = table.get("name", i)
        if name in wanted:
            kept = first or (table, i)
            rows = children.setdefault(name, {}).setdefault((id(kept[0]), kept[1]), [])
            if first is None:
                rows.insert(0, (table, i))
            else:
                rows.append((table, i))
    said: dict[tuple[int, int], list[tuple[str, str | None, Table, int, str]]] = {}
    groups: dict[tuple[int, int], list[tuple[Table, int]]] = {}
    problems: list[Listed] = []
    for tb in lists:
        for j in range(len(tb)):
            teacher = tb.get("name", j)
            if (id(tb), j) not in cells or not isinstance(teacher, str):
                continue
            school, tag = in_post.school(tb, j), in_post.tagged(tb, j)
            for written, name, cls in cells[(id(tb), j)]:
                found = [
                    (key, rows)
                    for key, rows in children.get(name, {}).items()
                    if not school or in_post.school(*rows[0]) in (school, "")
                ]
                if cls is not None:
                    found = [(k, rows) for k, rows in found if _class_of(rows[0]) == cls]
                if not found:
                    problems.append(Listed(MISSING, tb, j, written))
                elif len(found) > 1:
                    where = tuple(rows[0] for _, rows in found)
                    problems.append(Listed(NAMESAKES, tb, j, written, where))
                else:
                    key, rows = found[0]
                    groups[key] = rows
                    said.setdefault(key, []).append((teacher, tag, tb, j, written))
    written_cells: dict[int, list[object] | None] = {}
    pairs: dict[tuple[int, int], ListedTeacher] = {}
    for key, statements in said.items():
        rows = groups[key]
        for table, _ in rows:
            if id(table) not in written_cells:
                written_cells[id(table)] = table.as_written("support_teacher")
        own = next(
            (
                (table, i, cell)
                for table, i in rows
                if isinstance(cell := _cell(written_cells[id(table)], i), str)
            ),
            None,
        )
        if own is not None:
            table, i, cell = own
            for teacher, tag, tb, j, written in statements:
                if not _agrees(cell, teacher, tag):
                    problems.append(Listed(CONFLICT, tb, j, written, ((table, i),), cell, True))
            continue
        first = statements[0]
        others = [s for s in statements[1:] if (s[0], s[1]) != (first[0], first[1])]
        for _, _, tb, j, written in others:
            shown = first[1] or first[0]
            problems.append(Listed(CONFLICT, tb, j, written, ((first[2], first[3]),), shown))
        if not others:
            # Her tag as a 帮扶教师 cell saying it reads (王芳(三年级(2)班)), as pairing, the
            # pairs workbook read back and every command look her up by it.
            tag = nz.name(first[1]) if first[1] else None
            for table, i in rows:
                pairs[(id(table), i)] = (first[0], tag)
    return pairs, problems


class _Names:
    """The children's names of the roster's children tables, gathered the first time one
    is asked for (only a 帮扶学生 cell of two names spaced apart asks)."""

    def __init__(self, tables: list[Table]) -> None:
        self._tables = tables
        self._names: set[object] | None = None

    def __contains__(self, name: object) -> bool:
        if self._names is None:
            self._names = set()
            for table in self._tables:
                self._names.update(table.values.get("name") or ())
        return name in self._names


def _cell(cells: list[object] | None, i: int) -> object:
    return cells[i] if cells is not None else None


def _class_of(row: tuple[Table, int]) -> object:
    return row[0].get("class", row[1])


def place(roster_file: str, sheet: str, row: int, book: Path) -> str:
    """名册位置 as a pairs workbook writes it: the roster relative to the workbook's folder,
    so the pair is found wherever the folder is copied and whatever folder lbc runs in."""
    where = Path(roster_file).resolve()
    try:
        shown = Path(os.path.relpath(where, book.resolve().parent)).as_posix()
    except ValueError:  # another drive
        shown = where.as_posix()
    return f"{shown}{PLACE_SEPARATOR}{sheet}{PLACE_SEPARATOR}{row}"


def parse_place(text: object, book: str) -> tuple[Path, str, int] | None:
    """名册位置 read back: the roster (resolved), sheet and row; None when it is not one."""
    if not isinstance(text, str) or text.count(PLACE_SEPARATOR) < 2:
        return None
    file, rest = text.split(PLACE_SEPARATOR, 1)
    sheet, _, row = rest.rpartition(PLACE_SEPARATOR)
    digits = _ROW.search(row)
    if not file or digits is None:
        return None
    return (Path(book).resolve().parent / file).resolve(), sheet, int(digits.group())


@dataclass
class _Decision:
    teacher: str | None
    # Which decision is newer: the 结对日期, and whether the row was typed in by hand after
    # (a row without one in a workbook whose other rows have one is later than they are).
    rank: tuple[dt.date, bool]
    listed: str | None
    has_listed: bool
    # The workbook row, where its 帮扶教师 cell shows a formula's error (#N/A).
    error: tuple[Table, int] | None = None
    # Whether the row keeps a pair the roster did not name (结对依据 延续原结对, 结对时名册帮扶教师
    # empty): one of last term's roster (lbc pair --keep) or of a workbook before, which
    # began before its day, when it cannot tell.
    kept_unnamed: bool = False


class _Children:
    """The children's rows, found by ID, by roster row, by school/name/class, by name."""

    def __init__(self, tables: list[Table]) -> None:
        self.by_id: dict[str, list[tuple[Table, int]]] = {}
        self.by_place: dict[tuple[Path, str, int], tuple[Table, int]] = {}
        self.by_class: dict[tuple[str, str, str], list[tuple[Table, int]]] = {}
        self.by_name: dict[tuple[str, str], list[tuple[Table, int]]] = {}
        for table in tables:
            file = Path(table.file).resolve()
            for i in range(len(table)):
                ident = id_of(table, i)
                if isinstance(ident, str):
                    self.by_id.setdefault(ident, []).append((table, i))
                self.by_place[(file, table.sheet_at(i), table.rows[i])] = (table, i)
                school, name = _who(table, i)[:2]
                if name:
                    self.by_class.setdefault(_who(table, i), []).append((table, i))
                    self.by_name.setdefault((school, name), []).append((table, i))

    def moved(self, book: Table) -> dict[tuple[Path, str], int]:
        """Where each roster sheet ``book`` names has changed since it was written: the
        first 名册位置 of the sheet whose row now holds another name (or nobody). A row was
        inserted or deleted there, so from it down a place may name a namesake that moved
        into it."""
        out: dict[tuple[Path, str], int] = {}
        for r in range(len(book)):
            where = parse_place(book.get("pair_place", r), book.file)
            if where is None:
                continue
            child = self.by_place.get(where)
            if child is None or _who(*child)[1] != _who(book, r)[1]:
                sheet = where[:2]
                out[sheet] = min(out.get(sheet, where[2]), where[2])
        return out

    def find(
        self, table: Table, i: int, moved: dict[tuple[Path, str], int] | None = None
    ) -> list[tuple[Table, int]]:
        """The rows of the child row ``i`` of ``table`` names (several: one ID number on
        several rows); none when it names no child, or one of namesakes nothing tells apart
        (``namesakes_of`` says which)."""
        ident = id_of(table, i)
        if isinstance(ident, str) and ident in self.by_id:
            return self.by_id[ident]
        school, name, cls = _who(table, i)
        where = parse_place(table.get("pair_place", i), table.file)
        if where is not None and where in self.by_place:
            child = self.by_place[where]
            # One of namesakes only while the sheet above it is as it was: a row inserted
            # above moves the other namesake into its place.
            still = moved is None or where[2] < moved.get(where[:2], where[2] + 1)
            alone = len(self.by_name.get(_who(*child)[:2], ())) == 1
            if _who(*child)[1] == name and _alike(table, i, *child) and (still or alone):
                return [child]
        return self._named(table, i, school, name, cls)

    def namesakes_of(self, table: Table, i: int) -> bool:
        """Whether row ``i`` of ``table``, found by ``find`` as no child, names several
        children alike in what it says of them (name, class, gender, birth date)."""
        school, name, cls = _who(table, i)
        return name != "" and len(self._named(table, i, school, name, cls, several=True)) > 1

    def _named(
        self, table: Table, i: int, school: str, name: str, cls: str, several: bool = False
    ) -> list[tuple[Table, int]]:
        """The one child of ``name`` (in ``cls``, else in any class; of ``school``, else of
        any); of namesakes, the one the row's gender and birth date do not rule out (the
        candidates alike when ``several``)."""
        if not name:
            return []
        groups = ((school, name, cls), ("", name, cls)), ((school, name), ("", name))
        for index, keys in zip((self.by_class, self.by_name), groups, strict=True):
            for key in keys:
                found = index.get(key, [])  # type: ignore[call-overload]
                if len(found) == 1:
                    return found
                if found:
                    alike = [c for c in found if _alike(table, i, *c)]
                    return alike if several or len(alike) == 1 else []
        return []


def _alike(table: Table, i: int, other: Table, j: int) -> bool:
    """Whether two rows' gender and birth date (the ID's, else the column's) do not tell
    them apart: a row that leaves one out says nothing against the other."""
    mine, theirs = table.get("gender", i), other.get("gender", j)
    if isinstance(mine, str) and isinstance(theirs, str) and mine != theirs:
        return False
    born, their_birth = _born(table, i), _born(other, j)
    return born is None or their_birth is None or not births_differ(born, their_birth)


def _born(table: Table, i: int) -> dt.date | None:
    return known_birth(
        table.get("birth_date", i), table.get("id_number", i), table.get("id_kind", i)
    )


def _who(table: Table, i: int) -> tuple[str, str, str]:
    school, name = table.get("school", i), table.get("name", i)
    return (
        school if isinstance(school, str) else "",
        name if isinstance(name, str) else "",
        nz.display(table.get("class", i)) or "",
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def join_pairs(roster: Roster) -> PairsJoined:
    """Put the pairs in force into each child's ``support_teacher``; say what was used."""
    joined = PairsJoined(books=list(dict.fromkeys(t.file for t in roster.pairs)))
    listed: dict[tuple[int, int], ListedTeacher] = {}
    if roster.children and any(tb.has("children") for tb in roster.teachers):
        listed, joined.listed = listed_pairs(roster)
    # The rows repeating a child, for _named_by_copies; none looked for in the cells a
    # folder's lbc validate parks, which it checks as written (parked only where no pairs
    # are joined: read_roster).
    if any(tb.parked for tb in roster.children):
        repeated: list[dict[int, tuple[Table, int]]] = [{} for _ in roster.children]
    else:
        repeated = repeated_rows(roster.children, roster.copy_schools())
    _drop_days_of_others(roster.children)
    if not roster.pairs and not roster.previous and not listed:
        _named_by_copies(roster, repeated, joined)
        return joined
    children = _Children(roster.children)
    elsewhere = _moved_school(roster)
    decided: dict[tuple[int, int], _Decision] = {}
    # Every workbook's decision on each child, in the order read: where the newest keeps
    # the teacher an older one gave her, she has had that teacher since the older one's day.
    history: dict[tuple[int, int], list[_Decision]] = {}
    made: dict[str, dt.date] = {}  # each workbook's day: its latest 结对日期
    for book in roster.pairs:
        for day in book.values.get("pair_date") or ():
            if isinstance(day, dt.date) and day > made.get(book.file, dt.date.min):
                made[book.file] = day
    for book in roster.pairs:
        has_listed = book.has("pair_listed")
        moved = children.moved(book)
        shown = book.raw.get("support_teacher") or [None] * len(book)
        for r in range(len(book)):
            found = children.find(book, r, moved)
            if not found and children.namesakes_of(book, r):
                _, name, cls = _who(book, r)
                joined.namesakes.append(f"{name}（{cls}）" if cls else name)
                continue
            if not found:
                joined.unmatched += 1
                continue
            stayed = [(table, i) for table, i in found if not elsewhere(book, r, table, i)]
            if not stayed:
                joined.moved_school += 1
                continue
            found = stayed
            day = book.get("pair_date", r)
            day = day if isinstance(day, dt.date) else None
            if day is not None and (joined.newest is None or day > joined.newest):
                joined.newest = day
            typed = day is None and book.file in made
            listed_then = _text(book.get("pair_listed", r))
            decision = _Decision(
                _text(book.get("support_teacher", r)),
                (day or made.get(book.file, dt.date.min), typed),
                listed_then,
                has_listed and not typed,  # typed in: it knows nothing of the cell
                (book, r) if shows_an_error_whole(shown[r]) else None,
                book.get("pair_reason", r) in _KEPT and listed_then is None,
            )
            for table, i in found:
                key = (id(table), i)
                before = decided.get(key)
                history.setdefault(key, []).append(decision)
                if before is None or decision.rank >= before.rank:
                    decided[key] = decision
    previous = _Children(roster.previous) if roster.previous else None
    names = {n for tb in roster.teachers for n in tb.values.get("name", ()) if isinstance(n, str)}
    repeats = {
        (id(tb), i) for tb, rows in zip(roster.children, repeated, strict=True) for i in rows
    }
    # The rows a workbook or a teachers list decides (even as 未结对), and those only last
    # term's roster names: a copied row's teacher is lent to neither of the first, and
    # goes before the second (_named_by_copies).
    settled: set[tuple[int, int]] = set()
    from_last_term: set[tuple[int, int]] = set()
    for table in roster.children:
        cells = table.as_written("support_teacher") or [None] * len(table)
        column = list(cells)
        tagged: list[str | None] = [None] * len(table)
        stated: list[str | None] = [_text(cell) for cell in cells]  # the cell, else a list's
        # A merged roster's 结对开始日期: the day its pair was made, which stands while the
        # pair does (a workbook keeping the teacher its row names), as over the folder.
        carried = table.values.get(PAIRED_SINCE_KEY)  # _drop_days_of_others has run
        since: list[object] = [None] * len(table) if carried is None else list(carried)
        began: list[dt.date | None] = [None] * len(table)
        for i in range(len(table)):
            once = (id(table), i) not in repeats  # a child entered twice counts once
            decision = decided.get((id(table), i))
            by_list = listed.get((id(table), i)) if stated[i] is None else None
            if by_list is not None:
                stated[i] = by_list[1] or by_list[0]
            if decision is not None or by_list is not None:
                settled.add((id(table), i))
            if decision is not None:
                joined.from_books += once
                # A cell showing a formula's error (#N/A) is a lookup that failed since,
                # not the school's word on the pair: the workbook's stands.
                changed = stated[i] != decision.listed and not shows_an_error_whole(cells[i])
                if decision.has_listed and changed:
                    if by_list is None:
                        joined.column_newer += once
                    else:
                        joined.list_newer += once
                else:
                    column[i] = decision.teacher
                    began[i], new = _pair_began(history[(id(table), i)])
                    if new:
                        since[i] = began[i]
                    elif not _same_teacher(decision.teacher, stated[i]):
                        since[i] = None  # the day was of the teacher the row names
                    elif since[i].__class__ is dt.date:
                        began[i] = since[i]  # type: ignore[assignment]
                    if decision.error is not None:
                        joined.errors[(id(table), i)] = decision.error
                    # One of two namesakes: every reader gets the name, pairing the tag.
                    name = teacher_named(decision.teacher, names) if decision.teacher else None
                    if name is not None and name != decision.teacher:
                        column[i], tagged[i] = name, decision.teacher
                    continue
            if by_list is not None:
                column[i], tagged[i] = by_list
                joined.from_lists += once
            elif column[i] is None and decision is None and previous is not None:
                column[i], file = _previous_teacher(previous, table, i, elsewhere, joined)
                from_last_term.add((id(table), i))
                if shows_an_error_whole(column[i]):  # no teacher given: said apart
                    joined.kept_errors[(id(table), i)] = file
                else:
                    joined.from_previous += once and column[i] is not None
        table.values["support_teacher"] = column
        if any(since) or carried is not None:  # a day carried may be one no longer
            table.values[PAIRED_SINCE_KEY] = since
        if any(began):
            table.values[PAIR_BEGAN_KEY] = began
        if any(tagged):
            table.values[NAMESAKE_KEY] = tagged
        if listed:
            table.values[STATED_KEY] = stated
    _named_by_copies(roster, repeated, joined, settled, from_last_term)
    return joined


def _pair_began(decisions: list[_Decision]) -> tuple[dt.date | None, bool]:
    """The day the workbooks' decisions on a child (in the order read) gave her the teacher
    the newest names (PAIR_BEGAN_KEY): the day of the first of the newest decisions naming
    that teacher; None where nothing tells (a row typed in by hand, no day, no teacher).
    And whether that decision gave her the teacher in place of another (PAIRED_SINCE_KEY):
    it records the roster naming someone else or no one. A teacher named with lbc's tag
    (李强（白鹤小学）, as lbc pair over a county's folder writes her) is the 李强 the roster
    names: where the tag is all that differs, she is no other."""
    ranked = sorted(decisions, key=lambda d: d.rank)  # stable: of one day, the last read
    first = ranked[-1]
    for decision in reversed(ranked):
        if not _same_teacher(decision.teacher, first.teacher):
            break
        first = decision
    day, typed = first.rank
    if typed or not first.teacher or day == dt.date.min:
        return None, False
    new = first.has_listed and not _same_teacher(first.teacher, first.listed)
    return day, new and not first.kept_unnamed


def _drop_days_of_others(tables: list[Table]) -> None:
    """Clear each 结对开始日期 (PAIRED_SINCE_KEY) of a children table whose teacher, as merge
    wrote her beside it (结对开始日期对应教师, PAIRED_TEACHER_KEY), is not the one the row's
    帮扶教师 names: a teacher typed over her by hand after merging. The day was of the
    other's pair; of the one named now nothing says since when she has had the child, and
    she is held to the whole term, as a 帮扶教师 typed by hand is over the folder."""
    for table in tables:
        if table.parked:  # a folder's lbc validate checks the cells as written
            continue
        days, of = table.values.get(PAIRED_SINCE_KEY), table.values.get(PAIRED_TEACHER_KEY)
        if days is None or of is None:
            continue
        named = table.values.get("support_teacher") or [None] * len(table)
        table.values[PAIRED_SINCE_KEY] = [
            day if _text(whose) is None or _same_teacher(_text(whose), _text(now)) else None
            for day, whose, now in zip(days, of, named, strict=True)
        ]


def _same_teacher(one: str | None, other: str | None) -> bool:
    """Whether two pairs cells may name one teacher: the same, or but for lbc's tag."""
    if one is None or other is None:
        return one == other
    return untagged(one) == untagged(other)


def _named_by_copies(
    roster: Roster,
    repeated: list[dict[int, tuple[Table, int]]],
    joined: PairsJoined,
    settled: Collection[tuple[int, int]] = (),
    from_last_term: Collection[tuple[int, int]] = (),
) -> None:
    """A child entered twice (``repeated``: repeated_rows) whose kept row names no teacher,
    or shows a formula's error, while her other rows of the same school name one teacher:
    that teacher is her pair in force, for every command alike. A copy of her row typed
    with 王芳 where the first was left empty would else have her paired as having none,
    and the watch list, the summary and the record sheets count her without one. Rows
    naming two teachers name none; a row of another school (the roster of the school she
    left) names that school's teacher, not hers. A kept row a pairs workbook or a teachers
    list decides (``settled``: lbc pair left her 未结对, say) is theirs, as every source
    goes; one only last term's roster names (``from_last_term``) takes this term's copy."""
    if not any(repeated):
        return
    school_in = pairing_school(roster, roster.support_schools())

    def school(table: Table, i: int) -> str:
        return school_in(table.file, _text(table.get("school", i)) or "")

    copies: dict[tuple[int, int], tuple[Table, int, set[tuple[str, str | None]]]] = {}
    for table, rows in zip(roster.children, repeated, strict=True):
        for i, (kept, j) in rows.items():
            teacher = _text(table.get("support_teacher", i))
            if (
                teacher is None
                or shows_an_error_whole(teacher)
                or school(table, i) != school(kept, j)
            ):
                continue
            tag = _text(table.get(NAMESAKE_KEY, i))
            copies.setdefault((id(kept), j), (kept, j, set()))[2].add((teacher, tag))
    columns: dict[tuple[int, str], list[object]] = {}  # each copied once, not per child

    def column(table: Table, key: str) -> list[object]:
        if (id(table), key) not in columns:
            cells = table.values.get(key) or [None] * len(table)
            columns[(id(table), key)] = table.values[key] = list(cells)
        return columns[(id(table), key)]

    for key, (kept, j, named) in copies.items():
        if len(named) != 1 or key in settled:
            continue
        own = _text(kept.get(NAMESAKE_KEY, j)) or _text(kept.get("support_teacher", j))
        last_term = key in from_last_term
        if not (own is None or shows_an_error_whole(own) or last_term):
            continue
        if last_term and own is not None and not shows_an_error_whole(own):
            joined.from_previous -= 1  # counted once: the kept row is the child's
        ((teacher, tag),) = named
        column(kept, "support_teacher")[j] = teacher
        if tag is not None or NAMESAKE_KEY in kept.values:
            column(kept, NAMESAKE_KEY)[j] = tag
        joined.kept_errors.pop(key, None)  # a workbook's errors are of settled rows


def _moved_school(roster: Roster) -> Callable[[Table, int, Table, int], bool]:
    """Whether a workbook's or last term's roster's row (``tb``, ``j``) pairs the child now
    at row ``i`` of ``table`` in another school of the run than hers: its 学校 cell names
    one of the run's schools, and she is now in another (a child who moved from 白鹤小学 to
    青山小学, whose 李强 is not the 李强（白鹤小学） the workbook names). A school the run
    does not hold (renamed since, or not read) tells nothing."""
    school_in = pairing_school(roster, roster.support_schools())
    # A school no file declares is named as lbc pair names it in its workbook's 学校.
    names = named_schools(roster.files, roster.declared, read=roster.naming(), runs=roster.runs)

    def school_of(file: str, cell: str) -> str:
        school = school_in(file, cell)
        return names.get(file, "") if school.startswith(FILE_SCHOOL) else school

    schools = {school_of(x.file, "") for x in roster.children} | roster.cell_schools()

    def moved(tb: Table, j: int, table: Table, i: int) -> bool:
        was = _text(tb.get("school", j)) if tb.has("school") else None
        if not was or was not in schools:
            return False
        now = school_of(table.file, _text(table.get("school", i)) or "")
        return bool(now) and now != was

    return moved


def _previous_teacher(
    previous: _Children,
    table: Table,
    i: int,
    elsewhere: Callable[[Table, int, Table, int], bool],
    joined: PairsJoined,
) -> tuple[str | None, str]:
    """The one teacher last term's roster names for the child, None when it names several.
    A cell showing a formula's error (a failed VLOOKUP's #N/A) names nobody, as an empty
    one: of a child on two rows, one 王芳 and a copy showing #N/A, 王芳. Where no cell
    names anyone and one shows an error, that error, with its file, to be said there
    (kept_errors); else the file is "". A row of the school she has left (``elsewhere``)
    names none of her teachers now (counted in ``joined.moved_school``)."""
    teachers: set[str] = set()
    error: tuple[str, str] | None = None
    found = previous.find(table, i)
    stayed = [(tb, j) for tb, j in found if not elsewhere(tb, j, table, i)]
    if found and not stayed:
        joined.moved_school += 1
    for tb, j in stayed:
        teacher = _text(tb.get("support_teacher", j))
        if teacher is None:
            continue
        if not shows_an_error_whole(teacher):
            teachers.add(teacher)
        elif error is None:
            error = (teacher, tb.file)
    if teachers:
        return (teachers.pop(), "") if len(teachers) == 1 else (None, "")
    return error or (None, "")
