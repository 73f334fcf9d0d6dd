"""Each child's support records: which child a record names, and what each child had.

The summary counts talks and visits per child, the follow-up list says who is owed one, and
the watch list asks when a child was last contacted; all three must attribute a record to a
child the same way, and as ``lbc validate`` does (``ChildIndex`` serves all four), or a
head teacher would see two answers about one child. A record names its child by name; by
class where names repeat (``named_children``); by birth date where namesakes share a class
(lbc's record sheets write it on their rows); else by its teacher, where exactly one of the
namesakes is paired with her (``paired_with``: the pairs in force); and only among the
children of its school when it says which: its 学校 cell (a county's merged records), else
the school its file declares (a folder of schools, each file with its roster and its
records). A child whose school is unknown may be any school's.

Here children are positions ``0 … n-1`` in a list the caller chooses (the children on the
books, say); a record is attributed to one position or to none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.dates import Dates, YearMonth, month_end, within
from lbc.roster.people import births_differ, known_birth, named_children, signed_by
from lbc.roster.school_names import FILE_SCHOOL
from lbc.roster.tables import distinct_children

TALK, VISIT, WARMTH, FAMILY_CALL = "谈心", "家访", "送温暖", "亲情通话"

Month = tuple[int, int]  # (year, month)
# A child's class, school and support teacher on one row, and its 出生日期, ID number and
# 身份证件类型 cells (its birth date, worked out only for a record that must tell namesakes
# apart).
Place = tuple[object, str, object, object, object, object]
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class SupportRecord:
    """One dated record and the child it names (a position, None when it names no single
    child), with where it was read."""

    date: dt.date
    kind: str | nz.Bad | None  # Bad: a 类型 written in words lbc cannot read
    teacher: str | None
    child: int | None
    file: str
    sheet: str
    row: int
    # It names a child, but no one child of the roster: nobody of that name, or namesakes
    # it does not tell apart (lbc validate's REC002, REC003). A child who has left is one.
    unclear: bool = False

    @property
    def teachers(self) -> tuple[str, ...]:
        """Every teacher who wrote the record down (``Cosigned``)."""
        return (self.teacher,) if self.teacher else ()


@dataclass(frozen=True, slots=True)
class Cosigned(SupportRecord):
    """A record that other teachers also wrote on their own sheets (its child, kind and
    day): two teachers who visited the home together. One visit for the child, and each
    teacher's own. A class of its own, not a field every record carries: a county makes
    300,000 records, and rarely one of these."""

    others: tuple[str, ...] = ()

    @property
    def teachers(self) -> tuple[str, ...]:
        return (self.teacher, *self.others) if self.teacher else self.others


class ChildIndex(Generic[K]):
    """The children records may name, by name, each with its class, school and support
    teacher: the one place a record finds its child, for ``lbc validate`` (REC002/003/006)
    and for the summary, follow-up list and watch list alike.

    A child is whatever key the caller gives: a position in its list of children, or the
    ID number (the same child in two files is one child, not two namesakes, and a record
    of either file's school finds it: a child who moved school this term is on both
    rosters). A child's school is its 学校 cell, else its file's (``Roster.matching_schools``:
    declared, or a file's own); "" when unknown, and then any record's school may be its
    own."""

    def __init__(self) -> None:
        # Each name's children, each with the (class, school, support teacher) of its first
        # row, and of its further rows when it has several (one ID number in two files).
        self._by_name: dict[str, dict[K, Place]] = defaultdict(dict)
        self._more: dict[tuple[str, K], list[Place]] = {}
        self._found: dict[tuple[object, ...], tuple[K | None, int]] = {}
        self._uncounted: set[K] = set()
        self._folded: dict[str, str] | None = None  # built on a name's first miss
        # Each name's children by school, for a record of a known school: a province's
        # record asks of hundreds of namesakes, nearly all of other schools. Made on a
        # name's first such record; None for a name find must look at row by row.
        self._by_school: dict[str, dict[object, list[K]] | None] = {}
        # Every school with children in the run (named by a record or not): a record of
        # one of them names a child of its own school, never one of a file's own.
        self.schools: set[str] = set()

    def add_table(
        self,
        table: Table,
        keys: Sequence[K | None],
        school: str,
        uncounted: Iterable[K] = (),
    ) -> None:
        """The rows of ``table`` that have a key (``keys[i]``, None to leave a row out): its
        child (again for each of its rows: one ID number in two files), with its class,
        school (its 学校 cell, else ``school``, its file's) and support teacher.
        ``uncounted``: children no report counts (one who has left, say), namesakes all the
        same: ``match`` gives None for a record naming one. Read down whole columns: a
        county has 100,000 children."""
        empty: list[Any] = [None] * len(table)
        v = table.values
        cells = v.get("school") or empty
        self.schools |= {cell or school for cell in cells}
        columns = (v.get(key) or empty for key in ("name", "class", "support_teacher"))
        births = (v.get(key) or empty for key in ("birth_date", "id_number", "id_kind"))
        by_name, more = self._by_name, self._more
        for k, name, ref, teacher, cell, birth, ident, kind in zip(
            keys, *columns, cells, *births, strict=True
        ):
            if k is None or name.__class__ is not str:
                continue
            place = (ref, cell or school, teacher, birth, ident, kind)
            rows = by_name[name]
            if k in rows:
                more.setdefault((name, k), []).append(place)
            else:
                rows[k] = place
        self._uncounted.update(uncounted)
        self._folded = None
        self._by_school = {}

    def school_of(self, name: str, who: K) -> object:
        """The school of ``who``'s first row, the child of that ``name`` (``add_table``);
        None for a child not indexed by that name (a row without one)."""
        place = self._by_name.get(name, {}).get(who)
        return None if place is None else place[1]

    def find(
        self, student: object, cls: object, school: object, born: object = None
    ) -> list[tuple[K, object]]:
        """The children (child, support teacher) a record's name points at: of its class
        when it gives one (see named_children; a child on several rows, one ID number in
        two classes, is in the class of any of them: it moved class), and of its ``school``
        when it has one (a county's 550 schools share many names): its own school's
        children first, and only when none of them is meant, a child of no known school or
        of a file's own (``Roster.matching_schools``). Of namesakes still, those its birth
        date ``born`` does not rule out (``_born_on``)."""
        found = self._by_name.get(student, {}) if student.__class__ is str else {}  # type: ignore[call-overload]
        if not found and student.__class__ is str:
            student = self._roster_spelling(student)  # type: ignore[arg-type]
            found = self._by_name.get(student, {})  # type: ignore[call-overload]
        more = self._more

        def rows_of(who: K, first: Place) -> tuple[Place, ...]:
            others = more.get((student, who)) if more else None  # type: ignore[call-overload]
            return (first,) if others is None else (first, *others)

        if not school:  # a record of no known school: any of them
            if more:
                classes = [(w, row[0]) for w, first in found.items() for row in rows_of(w, first)]
            else:  # no child on several rows: a county's 300,000 records ask at C speed
                classes = [(who, first[0]) for who, first in found.items()]
            hits = named_children(classes, cls)
            return [(who, found[who][2]) for who in _born_on(hits, found, born)]
        if school.__class__ is str and len(found) > _GROUPED_FROM:
            grouped = self._by_school.get(student, _UNGROUPED)  # type: ignore[call-overload]
            if grouped is _UNGROUPED:
                grouped = self._by_school[student] = self._schools_of(student, found)  # type: ignore[index]
            if grouped is not None:
                mine = grouped.get(school, ())
                hits = named_children([(who, found[who][0]) for who in mine], cls)
                return [(who, found[who][2]) for who in _born_on(hits, found, born)]
        own: dict[K, Place] = {}  # each child's first row of the school
        near: dict[K, Place] = {}
        # And the class of each of those rows: a child who moved class is in both.
        own_classes: list[tuple[K, object]] = []
        near_classes: list[tuple[K, object]] = []
        # _may_be(school, theirs, ...) for a child of a file's own school, worked out once:
        # a province's records ask of a hundred namesakes each, mostly of other schools.
        files_own = _may_be(school, FILE_SCHOOL, school in self.schools)
        for who, first in found.items():
            # Inline: a county's record asks of hundreds of namesakes, of other schools.
            others = more.get((student, who)) if more else None  # type: ignore[call-overload]
            for row in (first,) if others is None else (first, *others):
                theirs = row[1]
                if theirs == school:
                    own.setdefault(who, row)
                    own_classes.append((who, row[0]))
                elif not theirs or (files_own and theirs[0] == FILE_SCHOOL):  # type: ignore[index]
                    near.setdefault(who, row)
                    near_classes.append((who, row[0]))
        near = {w: v for w, v in near.items() if w not in own}
        tiers = ((own, own_classes), (near, [(w, c) for w, c in near_classes if w in near]))
        for tier, classes in tiers:
            hits = named_children(classes, cls)
            if hits:
                return [(who, tier[who][2]) for who in _born_on(hits, tier, born)]
        return []

    def _schools_of(self, student: str, found: dict[K, Place]) -> dict[object, list[K]] | None:
        """The children of that name (``found``) by school, in their order, for ``find``;
        None when one of them is on several rows (a child may be in two schools) or of no
        declared school (a record of any school may name it): then find looks at each."""
        more = self._more
        grouped: dict[object, list[K]] = {}
        for who, (_, theirs, *_) in found.items():
            if theirs.__class__ is not str or not theirs or theirs[0] == FILE_SCHOOL:
                return None
            if more and (student, who) in more:
                return None
            grouped.setdefault(theirs, []).append(who)
        return grouped

    def _roster_spelling(self, student: str) -> str:
        """The roster's name a record's name is in other characters: 張偉 is 张伟 (and 张伟
        is 張偉), traditional and simplified folded alike; ``student`` itself when no one
        roster name folds to its fold, or two do (张伟 and 張偉 both on the roster are two
        children, each found by its own spelling only)."""
        if self._folded is None:
            names = list(self._by_name)
            spellings: dict[str, list[str]] = defaultdict(list)
            for name, fold in zip(names, nz.simplified(names), strict=True):
                spellings[fold].append(name)
            self._folded = {fold: n[0] for fold, n in spellings.items() if len(n) == 1}
        return self._folded.get(nz.T2S.convert(student), student)

    def match(
        self,
        student: object,
        cls: object,
        school: object,
        born: object = None,
        teacher: object = None,
    ) -> K | None:
        """The one counted child a record names, else None (nobody, several namesakes, or
        a child not counted)."""
        return self.lookup(student, cls, school, born, teacher)[0]

    def lookup(
        self,
        student: object,
        cls: object,
        school: object,
        born: object = None,
        teacher: object = None,
    ) -> tuple[K | None, int]:
        """``match``, and how many children the record's name points at (``find``): 1, or
        0 for nobody of the roster and 2 or more for namesakes it does not tell apart. Of
        namesakes, the one paired with the record's ``teacher`` when she has one of them
        only (``paired_with``): asked only of a record of namesakes, so a record of one
        child costs nothing more."""
        key = (student, cls, school, born)
        got = self._found.get(key)
        if got is None:  # a county's records name each child many times
            found = self.find(student, cls, school, born)
            one = len(found) == 1 and found[0][0] not in self._uncounted
            got = self._found[key] = (found[0][0] if one else None, len(found))
        if got[1] > 1 and teacher.__class__ is str:
            return self._paired(key, teacher)  # type: ignore[arg-type]
        return got

    def _paired(
        self, key: tuple[object, object, object, object], teacher: str
    ) -> tuple[K | None, int]:
        """``lookup`` of a record of namesakes written by ``teacher``, once per teacher."""
        mine = (*key, teacher)
        got = self._found.get(mine)
        if got is None:
            found = paired_with(self.find(*key), teacher)
            one = len(found) == 1 and found[0][0] not in self._uncounted
            got = self._found[mine] = (found[0][0] if one else None, len(found))
        return got


# More namesakes than this and find looks among a record's school's children only.
_GROUPED_FROM = 4
_UNGROUPED = object()


def paired_with(found: list[tuple[K, object]], teacher: object) -> list[tuple[K, object]]:
    """Of the namesakes a record names (``ChildIndex.find``: each with its support teacher,
    the pairs in force), the one paired with the record's ``teacher`` when exactly one is:
    her sheet's 张伟 is hers, its 出生日期 column deleted or never there. Else ``found``.
    A child paired with one of two teachers of one name (王芳（三年级(2)班）) is paired with
    a record signed 王芳, as lbc's record sheets sign hers: so is the other 王芳's child;
    a record signed as lbc names her is hers where the cell says 王芳 (``signed_by``)."""
    if len(found) < 2 or teacher.__class__ is not str:
        return found
    mine = [hit for hit in found if signed_by(hit[1], teacher)]
    return mine if len(mine) == 1 else found


def _born_on(hits: list[K], places: dict[K, Place], born: object) -> list[K]:
    """Of namesakes a record names, those its birth date does not rule out (a child whose
    birth date is unknown is not ruled out); all of them when the record gives none, or
    one that is none of theirs (then it names several still, not a child it was not
    written for)."""
    if len(hits) < 2 or born.__class__ not in (dt.date, YearMonth):
        return hits
    kept = []
    for who in hits:
        _, _, _, birth, ident, kind = places[who]
        theirs = known_birth(birth, ident, kind)
        if theirs is None or not births_differ(theirs, born):  # type: ignore[arg-type]
            kept.append(who)
    return kept or hits


def _may_be(record: object, child: object, known: bool) -> bool:
    """Whether a record of school ``record`` may name a child of school ``child`` (not its
    own) once none of its own school's children is meant: when either school is unknown;
    and when the child's is a file's own and the record's a declared school with no
    children in the run (``known``: a teacher's record sheet titled with the school of a
    roster that names none). Never a child of another declared school, nor of another
    file's own: a school's files that name none are one school's as every count names them
    (``Roster.matching_schools``), so 县/青山小学.xlsx's records name no child of
    县/白鹤小学.xlsx."""
    if not record or not child:
        return True
    return str(child).startswith(FILE_SCHOOL) and not known


def records_index(roster: Roster, counted: Sequence[tuple[Table, int]]) -> ChildIndex[int]:
    """What records are attributed with to the children ``counted`` (by position): every
    child of the roster is a namesake, as in ``lbc validate``, counted or not (one who has
    left, one whose 留守类型 the watch list cannot read), so a record naming 张雨涵 with two
    on the roster is no one's in every command, not the one child a report counts. A child
    on several rows (one ID number) is one child, found from any of them; its row's school
    is its 学校 cell, else its file's."""
    index: ChildIndex[int] = ChildIndex()
    uncounted: list[int] = []
    # Each row's key: its position in ``counted``, else a negative number of its own, and
    # for a row repeating a child (one ID number) its kept row's. A county has 100,000
    # children: columns and lists, not a call per row.
    keys: dict[int, list[int | None]] = {
        id(table): [None] * len(table) for table in roster.children
    }
    for k, (table, i) in enumerate(counted):
        keys[id(table)][i] = k
    repeats = {
        (id(t), i): kept
        for t, i, kept in distinct_children(roster.children, roster.copy_schools())
        if kept
    }
    other = 0
    for table in roster.children:
        mine = keys[id(table)]
        for i, k in enumerate(mine):
            if k is None and (id(table), i) not in repeats:
                other -= 1
                mine[i] = other
                uncounted.append(other)
    for (at, i), (kept, j) in repeats.items():
        keys[at][i] = keys[id(kept)][j]
    files = roster.matching_schools()
    for table in roster.children:
        index.add_table(table, keys[id(table)], files.get(table.file, ""), uncounted)
    return index


def record_days(date: object) -> tuple[dt.date, ...]:
    """The days a record's 日期 gives, each a record: one day, a month (a ``YearMonth``: a
    monthly talk written up as 2024年10月 shows October's talk was held), or several of
    either (a cell listing them, ``Dates``); none when unreadable or empty."""
    cls = date.__class__
    if cls is dt.date or cls is YearMonth:
        return (date,)  # type: ignore[return-value]
    return date if cls is Dates else ()  # type: ignore[return-value]


def undated_records(roster: Roster) -> list[tuple[Table, int]]:
    """The records whose 日期 cannot be read (9月3日 without its year, 上周, a list of days
    one of which is none). Such a record is in no term and counts for nobody; lbc due and
    lbc summary say how many (lbc validate points at each, DATE001)."""
    return [
        (table, i)
        for table in roster.records
        for i, date in enumerate(table.values.get("date") or ())
        if date.__class__ is nz.Bad
    ]


def not_held_records(roster: Roster) -> list[tuple[Table, int]]:
    """The records whose 类型 says no contact was made or none yet (未家访, 计划家访:
    ``nz.NotHeld``). Such a record counts for nobody, as no contact; lbc due, lbc watch and
    lbc summary say how many (lbc validate points at each, REC008)."""
    return [
        (table, i)
        for table in roster.records
        for i, kind in enumerate(table.values.get("kind") or ())
        if kind.__class__ is nz.NotHeld
    ]


def rows_written_twice(table: Table) -> list[tuple[int, int]]:
    """The rows of ``table`` that repeat an earlier row of its own sheet, each with that
    earlier row (the first written): the same day (as read), teacher, child (name, class,
    school and 出生日期 as read), 类型 and 内容 (width folded and spaces collapsed, as
    ``nz.text`` reads it: “了解学习情况 ” is “了解学习情况”). Both count, as two talks of one
    day do (``dated_records``): likely a row copied by mistake, which lbc validate says
    (REC011) and lbc due, lbc summary and lbc watch count. A row that counts as no record
    is none: no child named, a date unread or empty, or a 类型 saying no contact was made
    (未家访). A row on another sheet is a copy, counted once already; the numbered sheets
    lbc merge goes on in past Excel's row limit (帮扶记录1, 帮扶记录2), read back as one
    table, are one sheet, and so is a sheet read in pieces.

    The day is compared as read, not as typed: a date cell 2024-10-08, 2024年10月8日 and
    10月8日 (of the term) are one day, as a copy on another sheet is the same day however
    written (``dated_records``). The same teacher, child, 类型 and 内容 word for word on one
    day written two ways is most likely one talk entered twice (a clerk typing a teacher's
    paper sheet in below her own rows), and it counts twice either way: left unsaid, it
    would make up a talk a child is owed. Where it was two talks, the warning only asks
    for a look."""
    if not table.has("date") or not table.has("student"):
        return []
    empty = [None] * len(table)
    keys = ("date", "teacher", "student", "class", "school", "birth_date", "kind", "content")
    columns = [table.values.get(k) or empty for k in keys]
    first: dict[tuple[object, ...], int] = {}
    out = []
    for i, row in enumerate(zip(*columns, strict=True)):
        date, student, kind = row[0], row[2], row[6]
        if date is None or date.__class__ is nz.Bad or student is None:
            continue
        if kind.__class__ is nz.NotHeld:
            continue
        j = first.setdefault(row, i)
        if j != i:
            out.append((i, j))
    return out


def records_written_twice(roster: Roster) -> list[tuple[Table, int]]:
    """The records that repeat an earlier row of their own sheet (``rows_written_twice``):
    counted as records, and lbc due, lbc summary and lbc watch say how many."""
    return [(table, i) for table in roster.records for i, _ in rows_written_twice(table)]


def records_outside(
    roster: Roster,
    inside: Callable[[str], Callable[[dt.date], bool]],
    yearly: Callable[[str], Callable[[dt.date], bool]],
) -> list[tuple[Table, int]]:
    """The records dated outside what ``inside(file)`` takes (the terms of the file's
    school: a 暑期家访 in August is in none), once for each such day of a row: they count
    for nobody, and lbc due and lbc summary say how many. A 送温暖, owed once a school year,
    is one only outside what ``yearly(file)`` takes (the school's years: a Spring Festival
    visit between its own terms counts for the year's). Each school's ``inside`` is asked
    of each day or month once: a county's 300,000 records are dated on a few hundred days.
    A row read already from another sheet (a sheet handed back twice, copied as 帮扶记录
    (2)) is said once, as ``dated_records`` counts a record once: its day, kind and child
    as written (``_read_before``)."""
    out = []
    asked: dict[int, dict[tuple[type, dt.date], bool]] = {}  # by the ``inside`` asked
    seen: dict[tuple[object, ...], dict[int, int]] = {}
    for table in roster.records:
        school, year = inside(table.origin), yearly(table.origin)
        known = asked.setdefault(id(school), {})  # a month is not its 1st: keyed by kind
        empty = [None] * len(table)
        columns = (table.values.get(k) or empty for k in ("kind", "student", "class", "school"))
        for i, (cell, kind, *child) in enumerate(
            zip(table.values.get("date") or empty, *columns, strict=True)
        ):
            for day in record_days(cell):
                ok = known.get((day.__class__, day))
                if ok is None:
                    ok = known[(day.__class__, day)] = school(day)
                if ok or (kind == WARMTH and year(day)):
                    continue
                if not _read_before(seen, (day.__class__, day, kind, *child), id(table)):
                    out.append((table, i))
    return out


# A day (9月10日, 10.8, 2024-09-10) and a contact lbc counts (家访, 谈心, 送温暖) within a
# few characters of each other, in either order: a record written in the roster's 备注.
# Not the tail of a longer number (2023.9转入: a month), nor a count or a measure (谈心1-2次,
# 1.2米).
_DAY = (
    r"(?<![\d.])(?:\d{4}[-./年])?\d{1,2}(?:月\d{1,2}[日号]?|[-./]\d{1,2})"
    r"(?![\d.次遍回个米元万斤岁天周%])"
)
_KINDS = "|".join((TALK, VISIT, WARMTH))
_NOTED_RECORD = re.compile(rf"{_DAY}.{{0,12}}?(?:{_KINDS})|(?:{_KINDS}).{{0,12}}?{_DAY}")


def records_in_notes(roster: Roster) -> list[tuple[Table, int]]:
    """The children whose 备注 says a day and a talk, visit or 送温暖 (9月10日家访): a record
    the teacher wrote into the roster instead of the records sheet, which counts for
    nobody; lbc due, lbc summary and lbc watch say how many. A note of no day (重点家访对象)
    or no contact (2024年9月转入) is none."""
    out = []
    for table in roster.children:
        for i, note in enumerate(table.values.get("notes") or ()):
            if note.__class__ is str and _NOTED_RECORD.search(note):
                out.append((table, i))
    return out


def dateless_records(roster: Roster) -> list[tuple[Table, int]]:
    """The records that name a child and say what was done, and leave 日期 empty: a visit
    written up, its day forgotten. Such a record is in no term and counts for nobody; lbc
    due and lbc summary say how many (lbc validate points at each, REQ001). A line with no
    child (a note under the table), or nothing done (a row laid out to fill), is none."""
    out = []
    for table in roster.records:
        if not table.has("date"):
            continue
        empty = [None] * len(table)
        columns = (table.values.get(k) or empty for k in ("date", "student", "content"))
        for i, (date, student, content) in enumerate(zip(*columns, strict=True)):
            if date is None and student is not None and content is not None:
                out.append((table, i))
    return out


def days_without_contact(
    last: dt.date | None,
    day: dt.date,
    year_start: dt.date,
    winter_break: tuple[dt.date, dt.date] | None = None,
) -> int:
    """Days from a child's ``last`` record (any kind is a contact) to ``day``, counted from
    no earlier than the school year's start: a child nobody has talked with this school
    year has gone as long as the year has run, and no longer (the summer before is not the
    school's to answer for), whether or not there was a record before. A record dated to
    its month (``YearMonth``) is counted from the month's first day: it says no later one.
    The days of the ``winter_break`` a school's own term dates leave (Term.winter_break)
    are not counted either: a child last seen the week before it is not overdue the week
    school starts again. lbc due and the watch list (WCH013) count alike."""
    before = year_start - dt.timedelta(days=1)
    start = before if last is None or last < before else last
    days = (day - start).days
    if winter_break is not None:
        # By ordinals: a record's day may be a YearMonth, a date of its own kind.
        first = max(start.toordinal() + 1, winter_break[0].toordinal())
        days -= max(0, min(day.toordinal(), winter_break[1].toordinal()) - first + 1)
    return days


def too_long_before(
    day: dt.date, days: int, year_start: dt.date, winter_break: tuple[dt.date, dt.date] | None
) -> dt.date:
    """The first day a child's last contact may be for no more than ``days`` days without
    contact up to ``day`` (``days_without_contact``, the winter break left out): a last
    contact before it is too long ago. One day for a whole school, where a million
    children's own counts would take seconds."""
    since = day - dt.timedelta(days=days)
    step = dt.timedelta(days=1)
    while (
        since > year_start
        and days_without_contact(since - step, day, year_start, winter_break) <= days
    ):
        since -= step
    return since


def dated_records(
    roster: Roster,
    index: ChildIndex[int],
    start: dt.date,
    end: dt.date,
    ceded: Collection[Month] = (),
    spans: Mapping[str, tuple[dt.date, dt.date, Collection[Month]]] | None = None,
) -> list[SupportRecord]:
    """The records dated from ``start`` to ``end`` (inclusive), in the order read, each
    with the child it names; a record dated to one of the months ``ceded`` alone is not (a
    term's month of which the other term has more days: ``Term.ceded``). ``spans``: the
    start, end and months ceded of a file's school where its own term dates make them
    others (lbc.workspace.terms.SchoolTerms), which its records are dated by instead.

    A record read already from another sheet (a teacher's sheet handed back twice, a copy
    left in the folder, a sheet copied inside its workbook as 帮扶记录 (2) and then one row
    edited) counts once: a record is its child, kind and day, whatever sheet it is on and
    whoever signed it; signed by another teacher on her own sheet, it is the one record of
    both (``Cosigned``: they visited the home together). Two such rows of one
    sheet are two records (two talks on one day), and a sheet with more of them than
    another adds the rest (``_read_before``). A record dated to its month alone is one
    dated to a day of that month on another sheet (``_months_read_before``).

    A record of no one child, or whose kind is not written, is a copy only of one the
    same in every cell: a copy's 内容 is the same text, so it is compared as written
    (normalising a county's 300,000 of them took a second)."""
    out: list[SupportRecord] = []
    seen: dict[tuple[object, ...], dict[int, int]] = {}
    months: dict[tuple[object, ...], list[int]] = {}  # month-only records, by child
    signed: list[tuple[tuple[object, ...], int, str]] = []  # copies signed by another
    matching, declared = roster.matching_schools(), roster.file_schools()
    run = (start, end, ceded)
    for table in roster.records:
        start, end, ceded = (spans or {}).get(table.origin, run)
        empty = [None] * len(table)
        columns = (
            table.values.get(k) or empty
            for k in ("date", "kind", "teacher", "student", "class", "school", "birth_date")
        )
        contents = table.raw.get("content") or empty
        own, says = matching.get(table.file, ""), declared.get(table.file, "")
        for i, (cell, kind, teacher, student, cls, school, born, content) in enumerate(
            zip(*columns, contents, strict=True)
        ):
            if kind.__class__ is nz.NotHeld:  # 未家访: no contact (not_held_records)
                continue
            if cell.__class__ is dt.date:  # the common case: one day, no tuple made
                if not start <= cell <= end:  # type: ignore[operator]
                    continue
                days: tuple[dt.date, ...] = (cell,)  # type: ignore[assignment]
                month = False
            else:
                month = True  # a month may be among its days
                days = tuple(
                    d
                    for d in record_days(cell)
                    if within(d, start, end)
                    and (d.__class__ is not YearMonth or (d.year, d.month) not in ceded)
                )
                if not days:
                    continue
            child, named = index.lookup(student, cls, school or own, born, teacher)
            one = child is not None and kind is not None  # a record of one child
            for date in days:
                if not one:  # two declared schools' records are never copies
                    key: tuple[object, ...] = (
                        date, kind, teacher, student, cls, school or says, content
                    )  # fmt: skip
                elif month and date.__class__ is YearMonth:  # not its 1st, though ==
                    key = (date, kind, child, MONTH_ONLY)
                else:
                    key = (date, kind, child)
                if _read_before(seen, key, id(table)):
                    if one and teacher.__class__ is str:
                        signed.append((key, seen[key][id(table)], teacher))  # type: ignore[arg-type]
                    continue
                if month and one and date.__class__ is YearMonth:
                    months.setdefault(key[:3], []).append(len(out))
                out.append(
                    SupportRecord(
                        date,
                        kind if kind.__class__ is str or kind.__class__ is nz.Bad else None,
                        teacher if teacher.__class__ is str else None,
                        child,
                        table.file,
                        table.sheet_at(i),
                        table.rows[i],
                        student.__class__ is str and named != 1,
                    )
                )
    if signed:
        _cosign(out, signed)
    if months:
        out = _months_read_before(out, seen, months)
    return out


def _read_before(
    seen: dict[tuple[object, ...], dict[int, int]], key: tuple[object, ...], table: int
) -> bool:
    """Whether a record (``key``) of ``table`` was read already from another sheet: this
    sheet's n-th such row is, when some other sheet read before has n of them. ``seen``
    holds each key's rows by sheet."""
    rows = seen.setdefault(key, {})
    n = rows[table] = rows.get(table, 0) + 1
    if len(rows) == 1:  # the common case: on this sheet alone
        return False
    return n <= max(m for other, m in rows.items() if other != table)


# What a month-only record's key ends with (``dated_records``).
MONTH_ONLY = "month"


def _record_key(r: SupportRecord) -> tuple[object, ...]:
    """The key ``dated_records`` gives a record of one child and a written kind."""
    if r.date.__class__ is YearMonth:
        return (r.date, r.kind, r.child, MONTH_ONLY)
    return (r.date, r.kind, r.child)


def _cosign(out: list[SupportRecord], signed: list[tuple[tuple[object, ...], int, str]]) -> None:
    """Add to each record the other teachers who wrote it down on their own sheets
    (``signed``: its key, which of its sheet's such rows the copy is, and who signed
    it): the n-th copy is of the n-th record read."""
    read: dict[tuple[object, ...], list[int]] = defaultdict(list)
    wanted = {key for key, _, _ in signed}
    for k, r in enumerate(out):
        if r.child is not None and r.kind is not None and (key := _record_key(r)) in wanted:
            read[key].append(k)
    for key, n, teacher in signed:
        rows = read[key]
        k = rows[min(n, len(rows)) - 1]
        r = out[k]
        if teacher not in r.teachers:
            own = [getattr(r, f.name) for f in fields(SupportRecord)]
            out[k] = Cosigned(*own, others=(*getattr(r, "others", ()), teacher))


def _months_read_before(
    out: list[SupportRecord],
    seen: dict[tuple[object, ...], dict[int, int]],
    months: dict[tuple[object, ...], list[int]],
) -> list[SupportRecord]:
    """``out`` without the month-only records (2024年10月) that are records of another sheet
    dated to a day of the month (2024-10-15): of a child, kind and month, as many records
    as the most any one sheet has (its days and months), and never fewer than the days
    read (``seen``: each key's rows by sheet; ``months``: each month's month-only records,
    in ``out``)."""
    drop: set[int] = set()
    for (month, kind, child), rows in months.items():
        by_sheet = Counter(seen[(month, kind, child, MONTH_ONLY)])
        dated = 0
        for d in range(1, month_end(month).day + 1):  # type: ignore[attr-defined]
            day = seen.get((dt.date(month.year, month.month, d), kind, child))  # type: ignore[attr-defined]
            if day:
                by_sheet.update(day)
                dated += max(day.values())
        keep = max(dated, max(by_sheet.values())) - dated
        drop.update(rows[keep:])
    return [r for k, r in enumerate(out) if k not in drop] if drop else out


def contact_days(roster: Roster, index: ChildIndex[int]) -> dict[int, list[dt.date]]:
    """The days each child's records bear, in order, by child: when it was last contacted
    by any day (the watch list's WCH013), with records attributed as ``dated_records``
    does, and one saying no contact was made (未家访) left out as it does. A record
    repeated in another file is not set aside: it adds no later day."""
    days: dict[int, list[dt.date]] = defaultdict(list)
    match = index.match
    files = roster.matching_schools()
    for table in roster.records:
        empty = [None] * len(table)
        columns = (
            table.values.get(k) or empty
            for k in ("date", "student", "class", "school", "birth_date", "teacher", "kind")
        )
        declared = files.get(table.file, "")
        for date, student, cls, school, born, teacher, kind in zip(*columns, strict=True):
            if date.__class__ is not dt.date and not (written := record_days(date)):
                continue
            if kind.__class__ is nz.NotHeld:  # 未家访: no contact (not_held_records)
                continue
            if (child := match(student, cls, school or declared, born, teacher)) is not None:
                if date.__class__ is dt.date:
                    days[child].append(date)
                else:
                    days[child].extend(written)
    for dates in days.values():
        dates.sort()
    return dict(days)


@dataclass
class ChildRecords:
    """What the children had, counted from attributed records: talks per child and month,
    home visits and 送温暖 per child, each teacher's own talks and visits, and each child's
    last record (any kind is a contact)."""

    talks: Counter[tuple[int, Month]] = field(default_factory=Counter)
    visits: Counter[int] = field(default_factory=Counter)
    warmth: Counter[int] = field(default_factory=Counter)
    by_kind: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    own: Counter[tuple[str, int, str, Month | None]] = field(default_factory=Counter)
    last: dict[int, dt.date] = field(default_factory=dict)

    def talks_in(self, child: int, month: Month) -> int:
        return self.talks[(child, month)]

    def months_short(self, child: int, months: Iterable[Month], per_month: int) -> list[Month]:
        """The months in which ``child`` had fewer than ``per_month`` talks."""
        return [m for m in months if self.talks[(child, m)] < per_month]

    def family_calls(self, child: int) -> int:
        """亲情通话: the calls with parents away at work the school arranged for ``child``."""
        return self.by_kind[child][FAMILY_CALL] if child in self.by_kind else 0

    def teacher_talks(self, teacher: str, child: int, month: Month) -> int:
        """Talks ``teacher`` themself recorded with ``child`` in ``month``."""
        return self.own[(teacher, child, TALK, month)]

    def teacher_visits(self, teacher: str, child: int) -> int:
        return self.own[(teacher, child, VISIT, None)]

    @property
    def contacted(self) -> set[int]:
        """The children with at least one record."""
        return set(self.last)


def counted_records(records: Iterable[SupportRecord]) -> list[SupportRecord]:
    """The records a report counts: all but those naming no one child of the roster
    (``SupportRecord.unclear``, lbc validate's REC002, REC003), which the note beside every
    report says were not counted (lbc.commands.common.note_uncounted_records). The one
    place lbc due's ``records`` and the summary's ``records.total`` leave them out."""
    return [r for r in records if not r.unclear]


def each_childs_records(records: Iterable[SupportRecord]) -> ChildRecords:
    """Tally attributed records per child (records naming no single child are skipped)."""
    out = ChildRecords()
    for r in records:
        child = r.child
        if child is None:
            continue
        last = out.last.get(child)
        # A day of the month beats the month alone (2024-10-08 over 2024-10): it says more.
        if last is None or r.date > last or (r.date == last and last.__class__ is YearMonth):
            out.last[child] = r.date
        if r.kind.__class__ is str:
            out.by_kind[child][r.kind] += 1
        if r.kind == TALK:
            month = (r.date.year, r.date.month)
            out.talks[(child, month)] += 1
            for teacher in r.teachers:
                out.own[(teacher, child, TALK, month)] += 1
        elif r.kind == VISIT:
            out.visits[child] += 1
            for teacher in r.teachers:
                out.own[(teacher, child, VISIT, None)] += 1
        elif r.kind == WARMTH:
            out.warmth[child] += 1
    return out
