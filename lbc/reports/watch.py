"""``lbc watch``: the watch list (lbc.checks.watch) as a head teacher reads it.

Grouped by class with the class's head teacher; within a class the most urgent child (the
largest sum of weights) first, then in roster order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from lbc.checks.watch import Watched, WatchFacts, settings_of_their_own
from lbc.reports.classes import ClassGroup, by_class
from lbc.roster.canonical import Roster, Table
from lbc.roster.people import require_left_behind_type, untyped
from lbc.roster.support import SupportRecord, counted_records
from lbc.roster.tables import in_other_schools
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import schools_of


@dataclass
class WatchReport:
    classes: list[ClassGroup[Watched]]
    threshold: int
    as_of: dt.date  # the day the list is drawn on: ages and days without contact to it
    untyped: list[tuple[Table, int]]  # children not judged: 留守类型 empty or unreadable
    # The children on the list, each once: one two schools list is in a class of each, and
    # ``again`` counts those, by whom the classes add up to more (overlap_note).
    count: int
    again: int
    # Records naming no one child among those WCH013 looks back over; None when the days
    # without contact are not judged (WatchFacts.looked_over).
    unclear: list[SupportRecord] | None = None
    # The schools of a county whose own lbc.toml's [watch] draws their children's list, by
    # name, and where it differs from the run's (``unlike``): threshold, guardian_age, weights.
    own: dict[str, dict[str, object]] = field(default_factory=dict)
    # Of the records WCH013 looks back over, the others (``counted_records``), for the note
    # to say which of them repeat an earlier row of their sheet (lbc validate's REC011), as
    # lbc due's and lbc summary's does.
    counted: list[SupportRecord] = field(default_factory=list)


def watch_report(
    roster: Roster, settings: WatchSettings, as_of: dt.date, previous: Roster | None = None
) -> WatchReport:
    """The list by class; refuses (LbcError) a roster that cannot say who is left behind,
    which would otherwise list nobody. Pairing, cards and the summary read such a roster
    as having nobody on the list."""
    require_left_behind_type(roster.children, "err.no_type")
    facts = WatchFacts(roster, previous)
    found = facts.on(as_of, settings)
    place = {id(table): n for n, table in enumerate(roster.children)}
    others = _in_other_schools(roster, facts, found)
    listed = sorted(
        [*found, *(w for _, w in others)],
        key=lambda w: (-w.score, place[id(w.table)], w.i),
    )
    groups = by_class(roster, ((w.table, w.i, w) for w in listed))
    records = facts.looked_over(as_of, settings)
    return WatchReport(
        groups,
        settings.threshold,
        as_of,
        untyped(roster.children),
        len(found),
        len({id(kept) for kept, _ in others}),
        None if records is None else [r for r in records if r.unclear],
        settings_of_their_own(roster, settings),
        counted_records(records or ()),
    )


def _in_other_schools(
    roster: Roster, facts: WatchFacts, found: list[Watched]
) -> list[tuple[Watched, Watched]]:
    """The children on the list at their rows on the books of another school than the row
    kept for each (``in_other_schools``: lbc validate's DUP003), each such school's own
    child in a class of it, after the child as ``found`` has her: her reasons are the
    child's, read from the cells that say them (Reason.source)."""
    if not facts.repeats:
        return []
    rows: dict[tuple[int, int], list[tuple[Table, int]]] = {}
    for table, i, first in in_other_schools(facts.repeats, schools_of(roster).of):
        rows.setdefault((id(first[0]), first[1]), []).append((table, i))
    return [
        (w, Watched(table, i, [replace(r, source=r.source or (w.table, w.i)) for r in w.reasons]))
        for w in found
        for table, i in rows.get((id(w.table), w.i), ())
    ]
