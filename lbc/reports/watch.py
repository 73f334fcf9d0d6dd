"""``lbc watch``: the watch list (lbc.checks.watch) as a head teacher reads it.

Grouped by class with the class's head teacher; within a class the most urgent child (the
largest sum of weights) first, then in roster order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lbc.checks.watch import Watched, WatchFacts, settings_of_their_own
from lbc.reports.classes import ClassGroup, by_class
from lbc.roster.people import require_left_behind_type, untyped
from lbc.roster.tables import Roster, Table
from lbc.workspace.config import WatchSettings


@dataclass
class WatchReport:
    classes: list[ClassGroup[Watched]]
    threshold: int
    as_of: dt.date  # the day the list is drawn on: ages and days without contact to it
    untyped: list[tuple[Table, int]]  # children not judged: 留守类型 empty or unreadable
    # Records naming no one child among those WCH013 looks back over; None when the days
    # without contact are not judged (WatchFacts.unclear).
    unclear: int | None = None
    # The schools of a county whose own lbc.toml's [watch] draws their children's list, by
    # name, and where it differs from the run's (``unlike``): threshold, guardian_age, weights.
    own: dict[str, dict[str, object]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(g.children) for g in self.classes)


def watch_report(
    roster: Roster, settings: WatchSettings, as_of: dt.date, previous: Roster | None = None
) -> WatchReport:
    """The list by class; refuses (LbcError) a roster that cannot say who is left behind,
    which would otherwise list nobody. Pairing, cards and the summary read such a roster
    as having nobody on the list."""
    require_left_behind_type(roster.children, "err.no_type")
    facts = WatchFacts(roster, previous)
    found = sorted(facts.on(as_of, settings), key=lambda w: -w.score)
    groups = by_class(roster, ((w.table, w.i, w) for w in found))
    return WatchReport(
        groups,
        settings.threshold,
        as_of,
        untyped(roster.children),
        facts.unclear(as_of, settings),
        settings_of_their_own(roster, settings),
    )
