"""``lbc flag``: everyone who cannot be reached, as a to-do list per class.

A school hands each head teacher the families of their own class to call, so children are
grouped by class with that class's head teacher; teachers without a phone come last. A
phone cell that gives no number to call (已停机, a digit short) counts as missing here,
since nobody can dial it; a cell of two numbers does not (``phones.numbers_to_call``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lbc.checks.contacts import MissingContact, contact_gaps, unseen_contacts
from lbc.reports.classes import ClassGroup, by_class
from lbc.roster import phones
from lbc.roster.canonical import Roster, Table
from lbc.roster.people import TeachersInPost, require_left_behind_type, untyped
from lbc.roster.tables import distinct_children, in_other_schools
from lbc.workspace.schools import schools_of


@dataclass
class FlaggedChild:
    name: str
    file: str
    sheet: str
    row: int
    left_behind_type: str | None
    missing: list[str]  # canonical keys of the cells to fill in
    missing_text: list[str]  # the same, in words


@dataclass
class FlaggedTeacher:
    name: str
    file: str
    sheet: str
    row: int


@dataclass
class FlagReport:
    classes: list[ClassGroup[FlaggedChild]]
    teachers: list[FlaggedTeacher]
    untyped: list[tuple[Table, int]]  # children whose contacts could not be judged
    # The children listed, each once: one two schools list is in a class of each, and
    # ``again`` counts those, by whom the classes add up to more (overlap_note).
    children_count: int
    again: int
    # Whether no child's contacts could be judged (every 留守类型 empty or unreadable): an
    # all-clear then covers the teachers alone.
    none_judged: bool = False
    # The children complete or not by contacts lbc cannot see (unseen_contacts): not listed,
    # and no all-clear either; the sheet's note says them.
    unseen: int = 0


def flag(roster: Roster) -> FlagReport:
    """The to-do list; refuses (LbcError) when the roster cannot say who is reachable."""
    require_left_behind_type(roster.children, "err.flag_no_type")
    # A child entered twice (one ID number on two rows, or a row copied without one) is
    # one child to call, at the row kept for it, as every list counts it (lbc validate
    # says DUP001 or DUP002 of the other); one two schools list (DUP003) is each school's
    # own, in a class of each, as her row there says, and one child of the list's total.
    repeats = [
        (table, i, first)
        for table, i, first in distinct_children(roster.children, roster.copy_schools())
        if first
    ]
    each_school = in_other_schools(repeats, schools_of(roster).of)
    child = {(id(table), i): (id(first[0]), first[1]) for table, i, first in each_school}
    again = {(id(table), i) for table, i, _ in repeats} - child.keys()
    rows = [
        (table, i, _flagged(table, i, missing))
        for table in roster.children
        for i, missing in contact_gaps(table, usable_only=True).items()
        if (id(table), i) not in again
    ]
    listed = Counter(child.get((id(table), i), (id(table), i)) for table, i, _ in rows)
    twice = sum(1 for n in listed.values() if n > 1)
    # A teacher list without a phone column leaves every teacher unreachable, but for the
    # ones another list gives a phone (a head teachers' list beside the teachers list).
    repeats = TeachersInPost(roster).repeats if roster.teachers else {}
    teachers = [
        FlaggedTeacher(table.get("name", i) or "", table.file, table.sheet_at(i), table.rows[i])
        for table in roster.teachers
        for i in range(len(table))
        if not phones.numbers_to_call(table.get("phone", i)) and (id(table), i) not in repeats
    ]
    unjudged = untyped(roster.children)
    none_judged = bool(unjudged) and len(unjudged) == sum(map(len, roster.children))
    unseen = sum(
        (id(table), i) not in again for table in roster.children for i in unseen_contacts(table)
    )
    classes = by_class(roster, rows)
    return FlagReport(classes, teachers, unjudged, len(listed), twice, none_judged, unseen)


def _flagged(table: Table, i: int, missing: list[MissingContact]) -> FlaggedChild:
    kind = table.get("left_behind_type", i)
    return FlaggedChild(
        name=table.get("name", i) or "",
        file=table.file,
        sheet=table.sheet_at(i),
        row=table.rows[i],
        left_behind_type=kind if isinstance(kind, str) else None,
        missing=[m.field for m in missing],
        missing_text=[m.what for m in missing],
    )
