"""The children on the school's books and their support teachers, as every report sees them.

The summary counts them, the follow-up list says what each is owed, and the record sheets
lay out each teacher's rows: all three start from the same children (each child once, those
转出 or 毕业 left out) and the same teachers in post, or their numbers would disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import chain, repeat
from typing import Any

from lbc.checks.watch import names_a_condition
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.pairs import PAIRED_SINCE_KEY
from lbc.roster.people import (
    ARRIVAL_KEYS,
    LEFT_SCHOOL,
    Teacher,
    TeachersInPost,
    came_after,
    priority_codes,
    priority_text,
)
from lbc.roster.reading import FORMULA_ERRORS
from lbc.roster.support import ChildIndex, records_index
from lbc.roster.tables import cells_held, class_label, distinct_children, in_other_schools


def on_books(roster: Roster) -> tuple[Kids, list[object]]:
    """The children on the books, and every distinct child's 在校状态 (for enrollment)."""
    statuses: list[object] = []
    current: dict[int, tuple[Table, list[int]]] = {}
    again: dict[tuple[int, int], list[tuple[Table, int]]] = {}  # kept row -> its repeats
    for tb, i, first in distinct_children(roster.children, roster.copy_schools()):
        if first is not None:
            again.setdefault((id(first[0]), first[1]), []).append((tb, i))
            continue
        state = tb.get("enrollment_status", i) or "在读"
        statuses.append(state)
        if state not in LEFT_SCHOOL:
            current.setdefault(id(tb), (tb, []))[1].append(i)
    return Kids(list(current.values()), TeachersInPost(roster), again), statuses


def support_teacher(in_post: TeachersInPost, table: Table, i: int) -> Teacher | None:
    """Child ``i``'s support teacher as the reports count and group them (``of_child``):
    none where its 帮扶教师 cell shows a formula's error (#REF!, a failed VLOOKUP's #N/A),
    which names nobody, though it is read, written and compared as the cell it is (VAL007
    says it). Such a child is unpaired, as one naming nobody in post is. The cell is
    tested whole, as VAL007 tests it: " #N/A" typed with a space is a name like any other
    (kept whole as read: lbc.roster.canonical._error_kept), unknown to a teachers list."""
    if shows_an_error_whole(table.get("support_teacher", i)):
        return None
    return in_post.of_child(table, i)


def _categories(values: list[Any]) -> tuple[str, ...]:
    """Every category any of a child's rows names, once each."""
    return tuple(dict.fromkeys(c for v in values for c in nz.categories_named(v)))


def _key_target(values: list[Any]) -> Any:
    """是 when any of a child's rows says 是, else what the kept row says."""
    return "是" if "是" in values else values[0]


def _health(values: list[Any]) -> Any:
    """What any of a child's rows says of an illness or a disability (哮喘 on the second
    row, 健康 on the kept one), each once, as the watch list counts either row's (WCH007,
    WCH008); else what the kept row says."""
    unwell = [v for v in dict.fromkeys(values) if names_a_condition(v)]
    return "；".join(unwell) if unwell else values[0]


# The fields of a child's state that either of its rows can say (a 孤儿 written on the
# second row of one ID number only, DUP001), and how the rows' values are taken together.
EITHER_ROW = {"categories": _categories, "key_target": _key_target, "health": _health}


class Kids:
    """The children on the books as parallel columns (position k is one child): a county
    summary reads 100,000 of them, and a Python object per child costs a second."""

    def __init__(
        self,
        rows: list[tuple[Table, list[int]]],
        in_post: TeachersInPost,
        again: dict[tuple[int, int], list[tuple[Table, int]]] | None = None,
    ) -> None:
        self.rows = rows
        self.in_post = in_post
        self.again = again or {}  # a kept row (id of its table, row) -> the rows repeating it
        classes = self.column("class")
        self.refs: list[nz.ClassRef | None] = [
            c if c.__class__ is nz.ClassRef else None for c in classes
        ]
        self.labels = [nz.display(c) or "" for c in classes]
        if not FORMULA_ERRORS.isdisjoint(self.labels):  # at C speed, as a county has no #N/A
            # A class cell showing #N/A is none, one typed like it (" #N/A") the text it is,
            # as every class list names it (class_label): read, both were the error.
            at = [(tb, i) for tb, rows in rows for i in rows]
            self.labels = [
                class_label(*at[k]) if label in FORMULA_ERRORS else label
                for k, label in enumerate(self.labels)
            ]
        self.names = [n if isinstance(n, str) else "" for n in self.column("name")]
        # Each child's support teacher (school and name), as the reports count it.
        self.teachers: list[Teacher | None] = [
            support_teacher(in_post, tb, i) for tb, rows in rows for i in rows
        ]
        self.where = [(tb.file, tb.sheet_at(i), tb.rows[i]) for tb, rows in rows for i in rows]
        # Each child's school's file, whose settings it goes by (Table.origin: a merged
        # roster's 来源文件), one per table repeated, never looked up row by row.
        self.origins = list(chain.from_iterable(repeat(tb.origin, len(rows)) for tb, rows in rows))

    def __len__(self) -> int:
        return len(self.names)

    def column(self, key: str) -> list[Any]:
        """One field for every child, None where a sheet lacks the column."""
        out: list[Any] = []
        for table, rows in self.rows:
            values = table.values.get(key)
            out += [values[i] for i in rows] if values is not None else [None] * len(rows)
        if key in EITHER_ROW and self.again:
            # A child on two rows is what either says of these: the kept row's value with
            # its repeats' (EITHER_ROW).
            k = 0
            for table, rows in self.rows:
                for i in rows:
                    repeats = self.again.get((id(table), i))
                    if repeats:
                        more = [tb.get(key, j) for tb, j in repeats]
                        out[k] = EITHER_ROW[key]([out[k], *more])
                    k += 1
        return out

    def held(self, key: str) -> list[Any]:
        """``column`` as cells_held reads it: a cell showing a formula's error (#N/A) holds
        nothing, as an empty one."""
        out: list[Any] = []
        for table, rows in self.rows:
            values = cells_held(table, key)
            out += [values[i] for i in rows]
        return out

    def cells(self, key: str) -> list[Any]:
        """One field's cells as the sheets hold them, for every child (``column`` gives
        them read), None where a sheet lacks the column."""
        out: list[Any] = []
        for table, rows in self.rows:
            raw = table.raw.get(key)
            out += [raw[i] for i in rows] if raw is not None else [None] * len(rows)
        return out

    def arrived(self, since: dt.date) -> list[dt.date | None]:
        """Each child's 转入日期 or 入学年月 when after ``since`` (the school year's start;
        ``came_after``): it came to the school that day and owes nothing for the time
        before (no talk of a month it was not there, no days without contact before it);
        None for the rest. A 转入年月 (2024年11月) is its month's first day."""
        columns = [self.column(key) for key in ARRIVAL_KEYS]
        # Most rosters have neither column: no child is looked at one by one.
        if all(column.count(None) == len(column) for column in columns):
            return [None] * len(columns[0])
        return [came_after(since, *days) for days in zip(*columns, strict=True)]

    def paired_since(self) -> list[dt.date | None]:
        """Each child's day a pairs workbook gave her this teacher in place of another
        (PAIRED_SINCE_KEY), else None; a merged roster's 结对开始日期 lbc cannot read as a
        day (DATE001) tells nothing."""
        return [p if p.__class__ is dt.date else None for p in self.column(PAIRED_SINCE_KEY)]

    def with_teacher_since(self, since: dt.date, until: dt.date) -> list[dt.date | None]:
        """Each child's first day with her support teacher, when after ``since`` (the school
        year's start): the later of the day she came (``arrived``) and the day, up to
        ``until`` (the day asked, or the term's end), that a pairs workbook gave her this
        teacher in place of another (PAIRED_SINCE_KEY: the school re-paired her mid-term);
        None for the rest. A workbook made after ``until`` tells nothing of who had her then.
        What lbc due holds the teacher to, and the rows her record sheet lays out, start
        there."""
        came = self.arrived(since)
        paired = self.paired_since()
        return [
            max((d for d in (c, p if p and p <= until else None) if d and d > since), default=None)
            for c, p in zip(came, paired, strict=True)
        ]

    def index(self, roster: Roster) -> ChildIndex[int]:
        """What records are attributed with to these children (``records_index``)."""
        return records_index(roster, [(table, i) for table, rows in self.rows for i in rows])

    def elsewhere(self, school: Callable[[Table, int], str]) -> tuple[Kids, list[int]]:
        """The children's rows on the books of another school (``school``) than the row kept
        for each (``in_other_schools``: lbc validate's DUP003), as that school's children,
        and each one's place here (k): a table per school counts each school's own
        children, one listed by two schools in both, where a total counts her once."""
        repeats = []
        place: dict[tuple[int, int], int] = {}
        if self.again:
            k = 0
            for table, rows in self.rows:
                for i in rows:
                    for tb, j in self.again.get((id(table), i), ()):
                        repeats.append((tb, j, (table, i)))
                        place[(id(table), i)] = k
                    k += 1
        groups: dict[int, tuple[Table, list[int], list[int]]] = {}
        for tb, j, (table, i) in in_other_schools(repeats, school):
            group = groups.setdefault(id(tb), (tb, [], []))
            group[1].append(j)
            group[2].append(place[(id(table), i)])
        kids = Kids([(tb, rows) for tb, rows, _ in groups.values()], self.in_post)
        return kids, [k for *_, ks in groups.values() for k in ks]

    def priority(self) -> list[list[str]]:
        """Why each child is a priority in words (``priority_text``); empty lists for the
        rest."""
        return [list(map(priority_text, codes)) for codes in self.priority_codes()]

    def priority_codes(self) -> list[list[str]]:
        """Why each child is a priority, as codes (``priority_codes``); empty lists for the
        rest."""
        again = self.again
        return [
            priority_codes(table, i, again.get((id(table), i), ()))
            for table, rows in self.rows
            for i in rows
        ]
