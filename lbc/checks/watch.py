"""The watch list (重点关注名单): the children who need attention now, each with every reason.

Each criterion is a rule of the registry (``RuleKind.WATCH``, codes WCH…) with a default
weight; a child is on the list when the weights of its reasons add up to the threshold
(``[watch]`` in ``lbc.toml``). The criteria read the archive as the national registration
form and the 学籍 export write it:

* guardianship: both parents away and no guardian (WCH001); 监护类型 无人监护, or the county
  排查汇总表's 实际监护情况 无委托照料人 (WCH002); 监护类型 父或母无监护能力 /
  受委托监护人监护能力不足, or the county's 差 (WCH003); a guardian aged ``guardian_age`` or
  more (WCH004), in poor health (身体状况 差, …病, 残疾: WCH005), or under 18 (WCH006);
* the child: 残疾 (WCH007), 患病 or ill (WCH008), 孤儿 (WCH009), 辍学, 休学 or 不在学
  (WCH010), boarding at school (WCH011);
* contact: no support teacher in post, where the roster has a 帮扶教师 column (WCH012, as
  the summary and lbc due count the paired children); no support
  record naming the child for more than ``days_without_contact`` days (the school's
  [quotas] max_days_without_contact, as lbc due counts it), where the roster
  has support records at all (WCH013); an away parent with no phone (WCH014);
* change since last term's roster (``previous``): the guardian (WCH015), 留守类型 (WCH016)
  or the home address (WCH017); a cell showing a formula's error (#N/A) in either term
  is no change (``_changes``).

Every child of the roster still at school is considered, left behind or not (an orphan on
the roster is 非留守 and among the most at risk); a row repeating an earlier row's
ID number is the same child, and what it says of the child's disability, illness or
orphanhood is added to the kept row's reasons (``WatchFacts._repeated``). Pairing reads
the list here, which is why it is a check and not a report.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lbc.checks.contacts import CARERS, away_parents, guardian_is_parent, phone_key
from lbc.checks.engine import NOBODY_CARES, kept_id_date, person_id_date
from lbc.checks.registry import RULES, R, Rule, RuleKind
from lbc.errors import LbcError
from lbc.messages import long_date, said, t, word
from lbc.roster import dates
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.changes import diff_rosters
from lbc.roster.people import (
    ARRIVAL_KEYS,
    LEFT_SCHOOL,
    TeachersInPost,
    age_on,
    ages_in_year,
    came_after,
    known_birth,
    shown_name,
    year_alone,
)
from lbc.roster.phones import numbers_to_call
from lbc.roster.support import (
    ChildIndex,
    SupportRecord,
    contact_days,
    dated_records,
    days_without_contact,
    records_index,
    too_long_before,
)
from lbc.roster.tables import cells_held, distinct_children, unseen, unseen_rows
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import of_their_own, schools_of, watch_by_file
from lbc.workspace.terms import school_year_start, term_of

ADULT = 18
# A disability as a 健康状况 cell names it: 残疾, 肢残; 智力障碍, 听力障碍; 智障, 脑瘫; 聋哑,
# 失明, 听障, 视障, 智力低下, 唐氏综合征 (not 盲 alone: 色盲 is none). Not
# the 学籍 export's 有生理缺陷 (its code 4x, as nz.health reads it): the standard's 4x
# group holds 高度近视 too, and a short-sighted child is not to be listed as 残疾.
DISABLED = (
    "残",
    "障碍",
    "智障",
    "脑瘫",
    "聋",
    "失明",
    "听障",
    "视障",
    "智力低下",
    "唐氏",
)
# An illness as a 健康状况 cell names it: 患病, 慢性病, 重病, 心脏病; and the ones written
# without 病: 哮喘, 癫痫, 自闭症 (and 自闭 alone), 肿瘤, 白血病's kin 癌, 贫血.
ILL = ("病", "症", "哮喘", "癫痫", "瘤", "癌", "贫血", "自闭")


def names_a_condition(health: object) -> bool:
    """Whether a 健康状况 cell says the child is disabled or ill (WCH007, WCH008): 哮喘,
    肢残; not 健康, nor 无病 or 非残疾, which deny it."""
    said = nz.affirmed(_text(health))
    return any(word in said for word in (*DISABLED, *ILL))


# In 监护人身体状况: 差, 不好, ill or disabled as above, or unable to get about (瘫痪, 卧床,
# 行动不便), or 高血压, which schools write for a grandparent's chronic illness, or 体弱
# (年老体弱).
POOR_HEALTH = ("差", "不好", *DISABLED, *ILL, "瘫", "卧床", "不便", "高血压", "体弱")
# At no school, whether a dropout or not: a left-behind child out of school is at risk.
NO_LONGER_ATTENDING = ("辍学", "休学", nz.NOT_AT_SCHOOL)
# The ratings saying the care is lacking (WCH003); nobody caring is engine.NOBODY_CARES.
CARE_LACKING = nz.GUARDIANSHIP_RATINGS[1:4]
PARENTS = ("father", "mother")
# The changes since last term that are reasons, by the field that changed.
# What a second row of one child adds to the kept row's reasons: the child's own state.
CHILD_STATES = (R.WCH007, R.WCH008, R.WCH009)
CHANGES = {"guardian_name": R.WCH015, "left_behind_type": R.WCH016, "home_address": R.WCH017}

WATCH_RULES: dict[str, Rule] = {c: r for c, r in RULES.items() if r.kind is RuleKind.WATCH}


@dataclass(frozen=True)
class Reason:
    rule: Rule
    field: str  # the canonical key of the cell that says it
    column: str | None  # that cell's Excel column letter, None when the roster lacks it
    message: str
    weight: int
    # The row the reason is written on when it is not the child's own: a row repeating the
    # child (its ID number, DUP001, or a copy, DUP002) that says what the kept row does not
    # (WatchFacts._repeated), or the kept row where the child is listed at her row on
    # another school's roster (DUP003: lbc.reports.watch).
    source: tuple[Table, int] | None = None


@dataclass
class Watched:
    """A child on the list: where it is in the roster and why it is there."""

    table: Table
    i: int
    reasons: list[Reason]

    @property
    def score(self) -> int:
        return sum(r.weight for r in self.reasons)

    @property
    def name(self) -> str:
        name = self.table.get("name", self.i)
        return name if isinstance(name, str) else ""

    @property
    def row(self) -> int:
        return self.table.rows[self.i]

    def cell(self, reason: Reason) -> tuple[str, str, int]:
        """The file, sheet and Excel row of the cell a reason is read from."""
        table, i = reason.source or (self.table, self.i)
        return table.file, table.sheet_at(i), table.rows[i]

    @property
    def support_teacher(self) -> str:
        """The 帮扶教师 cell as read; none where it shows a formula's error (#N/A), which
        names nobody (WCH012 says the cell), as lbc cards and lbc birthdays show it."""
        who = self.table.get("support_teacher", self.i)
        return who if isinstance(who, str) and not shows_an_error_whole(who) else ""


def weights(settings: WatchSettings) -> dict[str, int]:
    """Each criterion's weight: the school's own where ``[watch.weights]`` sets one."""
    for code in settings.weights:
        if code not in WATCH_RULES:
            raise LbcError(t("err.watch_code", code=code))
    return {c: settings.weights.get(c, r.weight) for c, r in WATCH_RULES.items()}


def watch_list(
    roster: Roster,
    settings: WatchSettings,
    as_of: dt.date,
    previous: Roster | None = None,
) -> list[Watched]:
    """The children on the list, in roster order (reports sort and group them); ages and
    the days since a child's last record are counted ``as_of``."""
    return WatchFacts(roster, previous).on(as_of, settings)


def watch_scores(
    roster: Roster, settings: WatchSettings, as_of: dt.date
) -> list[tuple[Table, int, int]]:
    """The children on the list ``as_of`` (``watch_list``), in roster order, as (table, row,
    score): what pairing weighs them by, drawn without wording a reason."""
    facts = WatchFacts(roster)
    children = facts.children
    return [(*children[k], score) for k, score in facts.scores(as_of, settings).items()]


def unlike(mine: WatchSettings, run: WatchSettings) -> dict[str, object]:
    """Where a school's own watch settings (``watch_by_file``) differ from the run's: its
    threshold, guardian_age, and the weights (by code) it gives otherwise."""
    out: dict[str, object] = {
        key: getattr(mine, key)
        for key in ("threshold", "guardian_age")
        if getattr(mine, key) != getattr(run, key)
    }
    theirs = weights(run)
    changed = {code: w for code, w in weights(mine).items() if w != theirs[code]}
    return {**out, "weights": changed} if changed else out


def settings_of_their_own(roster: Roster, run: WatchSettings) -> dict[str, dict[str, object]]:
    """The schools of a county whose own lbc.toml's [watch] draws their children's list
    (``watch_by_file``), by name, and where it differs from the run's (``unlike``)."""
    return {
        school: unlike(mine, run)
        for school, mine in of_their_own(watch_by_file(roster, run, WATCH_RULES), roster).items()
    }


Found = tuple[Rule, str, dict[str, object]]


class WatchFacts:
    """What the watch list reads from a roster whatever the day, read once: the children
    considered, the reasons no date changes, when each guardian was born and the days each
    child's support records bear. ``on`` draws the list for one day from them; the summary
    draws it for the term's first and last days from one reading.

    Each criterion runs down its columns (one loop over the considered rows, cells from
    plain lists) rather than asking a table for each cell: a county has 100,000 children,
    most of them with no reason at all, and a lookup per cell cost seconds each time.
    """

    def __init__(self, roster: Roster, previous: Roster | None = None) -> None:
        self.children: list[tuple[Table, int]] = []
        # By position in ``children``: the reasons that hold any day, in the order found;
        # the guardian's birth date or age and the column saying it; the change reasons.
        self._found: dict[int, list[Found]] = {}
        # (child's place, code) -> the row repeating the child's ID number a reason is from.
        self._from: dict[tuple[int, str], tuple[Table, int]] = {}
        self._guardians: dict[int, tuple[dt.date | int | BornIn, str]] = {}
        in_post = TeachersInPost(roster)
        rows_of = list(distinct_children(roster.children, roster.copy_schools()))
        # The rows repeating a child, each with the row kept for her (distinct_children).
        self.repeats = [(table, i, first) for table, i, first in rows_of if first is not None]
        # Each distinct reason and guardian's birth held once, shared by the children it is
        # said of: a province's million children have a few thousand of them. A reason is
        # known by its rule's code: a Rule hashes field by field in Python, a third of a
        # microsecond for each of a county's 118,000 reasons.
        reasons: dict[tuple[object, ...], Found] = {}
        # A reason the criteria give many children as one object (each combination of
        # cells': _by_cells, _contact) is keyed once, found again by its identity: the
        # object is held here too, so that no other takes its id meanwhile.
        same: dict[int, tuple[Found, Found]] = {}
        births: dict[tuple[dt.date | int, str], tuple[dt.date | int, str]] = {}
        for table, rows in _considered(roster.children, rows_of):
            base = len(self.children)
            self.children += [(table, i) for i in rows]
            # Each group of criteria gives (place in ``rows``, reason) where one holds.
            contact = functools.partial(_contact, in_post=in_post)
            groups = (_guardianship, _the_child, contact)
            for j, found in itertools.chain.from_iterable(g(table, rows) for g in groups):
                known = same.get(id(found))
                if known is None:
                    rule, key, params = found
                    held = reasons.setdefault((rule.code, key, *params.items()), found)
                    known = same[id(found)] = (found, held)
                self._found.setdefault(base + j, []).append(known[1])
            for j, born in _guardians_born(table, rows):
                self._guardians[base + j] = births.setdefault(born, born)
        self._repeated()
        self._paired_by_error(roster)
        self._changed: dict[int, list[Found]] = {}
        if previous is not None:
            where = {(id(table), i): k for k, (table, i) in enumerate(self.children)}
            # Last term's roster is matched row for row, a child who has left included.
            for at, found in _changes(previous, roster).items():
                if at in where:
                    self._changed[where[at]] = found
        self._roster = roster

    def _paired_by_error(self, roster: Roster) -> None:
        """A child without a teacher because the pairs workbook's 帮扶教师 cell for her shows
        a formula's error (PairsJoined.errors): WCH012 points at that cell, which the school
        is to mend, not at the roster's, which the workbook overrides."""
        errors = roster.joined.errors if roster.joined is not None else {}
        if not errors:
            return
        for k, (table, i) in enumerate(self.children):
            row = errors.get((id(table), i))
            if row is not None and any(f[0] is R.WCH012 for f in self._found.get(k, ())):
                self._from[(k, R.WCH012.code)] = row

    def _repeated(self) -> None:
        """What a row repeating a considered child's ID number says of the child that its
        kept row does not: disabled, ill or an orphan (WCH007 to WCH009), as a careful
        reader takes what either row says. A 孤儿 written only on the second row is not
        lost; that row's school status and guardian are the kept row's to say."""
        repeats = self.repeats
        if not repeats:
            return
        where = {(id(table), i): k for k, (table, i) in enumerate(self.children)}
        again: dict[Table, list[tuple[int, int]]] = {}  # table -> (row, kept child's place)
        for table, i, first in repeats:
            if (k := where.get((id(first[0]), first[1]))) is not None:
                again.setdefault(table, []).append((i, k))
        for table, pairs in again.items():
            for j, found in _the_child(table, [i for i, _ in pairs]):
                k = pairs[j][1]
                held = self._found.get(k, [])
                if found[0] in CHILD_STATES and all(f[0] is not found[0] for f in held):
                    self._found[k] = [*held, found]
                    self._from[(k, found[0].code)] = (table, pairs[j][0])

    @functools.cached_property
    def _index(self) -> ChildIndex[int]:
        """What records are attributed with to the children considered."""
        return records_index(self._roster, self.children)

    @functools.cached_property
    def _contacts(self) -> dict[int, list[dt.date]] | None:
        """Each child's record days (sorted); None when the roster has no support records
        at all. Read when the days without contact count (not at the term's start, when the
        summary leaves them out); records are attributed as the summary does."""
        return contact_days(self._roster, self._index) if self._roster.records else None

    def looked_over(self, as_of: dt.date, settings: WatchSettings) -> list[SupportRecord] | None:
        """The records of the days WCH013 looks back over (the school year up to
        ``as_of``, as lbc due counts them): those naming no one child
        (``SupportRecord.unclear``) said beside the list, or a child they were written for
        would stand on it as never contacted with no word why, and of the others the rows
        written twice (``rows_written_twice``). None when the days without contact are not
        judged (no records, or WCH013 weighed 0)."""
        weight, _, own = self._weights(settings)
        if self._contacts is None or all(w["WCH013"] <= 0 for w in [weight, *own.values()]):
            return None
        day, year_start, _ = _contact_window(as_of, settings.terms)
        own = {}  # a county's: each school's school year by its own term dates
        for file in self._roster.terms:
            last, start, _ = _contact_window(as_of, self._roster.terms_of(file, settings.terms))
            own[file] = (start, last, ())
        return dated_records(self._roster, self._index, year_start, day, (), own)

    def _weights(
        self, settings: WatchSettings, without: tuple[str, ...] = ()
    ) -> tuple[dict[str, int], dict[str, WatchSettings], dict[str, dict[str, int]]]:
        """Each criterion's weight by the run's ``settings``; in a county's folder, each
        school's own [watch] over them (``watch_by_file``, by the file its children go by:
        Table.origin) and its weights. The criteria ``without`` weigh 0 for every school."""
        off = dict.fromkeys(without, 0)
        own = watch_by_file(self._roster, settings, WATCH_RULES)
        by_file = {file: {**weights(mine), **off} for file, mine in own.items()}
        return {**weights(settings), **off}, own, by_file

    def on(
        self, as_of: dt.date, settings: WatchSettings, without: tuple[str, ...] = ()
    ) -> list[Watched]:
        """The children on the list ``as_of``, in roster order, each reason weighed by
        ``settings`` and the most weighty first; in a county's folder, a school's children by
        its own lbc.toml's [watch] over them (Roster.watch). The criteria ``without`` are
        left out for every school. Only the guardian's age (WCH004, WCH006) and the days
        without contact (WCH013) depend on the day."""
        # Many children share a reason word for word (no support teacher, a guardian of 72):
        # each distinct one is worded and weighed once, and shared (a Reason is frozen).
        made: dict[tuple[object, ...], Reason | None] = {}

        def weighed(table: Table, i: int, found: Found, weight: dict[str, int]) -> Reason | None:
            rule, key, params = found
            letter = table.cell_letter(key, i) if table.moved else table.letter(key)
            at = (table, rule.code, key, letter, *params.values())
            if at not in made:
                w = weight[rule.code]
                made[at] = Reason(rule, key, letter, rule.said(**params), w) if w > 0 else None
            return made[at]

        def elsewhere(k: int, found: Found, weight: dict[str, int]) -> Reason | None:
            """A reason read from a row repeating child ``k``'s ID number, pointing at it
            (weighed by the child's school, whose kept row it is)."""
            rule, key, params = found
            table, i = self._from[(k, rule.code)]
            w = weight[rule.code]
            if w <= 0:
                return None
            where = {"sheet": table.sheet_at(i), "row": table.rows[i]}
            text = said("watch.other_row", reason=rule.said(**params), **where)
            return Reason(rule, key, table.cell_letter(key, i), text, w, (table, i))

        out: list[Watched] = []
        repeated = self._from
        for k, found, weight, limit in self._weighing(as_of, settings, without):
            table, i = self.children[k]
            if not repeated:  # nearly every roster: no reason read from another row
                reasons = [r for f in found if (r := weighed(table, i, f, weight)) is not None]
            else:
                reasons = [
                    r
                    for f in found
                    if (
                        r := elsewhere(k, f, weight)
                        if (k, f[0].code) in repeated
                        else weighed(table, i, f, weight)
                    )
                    is not None
                ]
            if len(reasons) == 1:  # most children listed: one reason, nothing to order
                if reasons[0].weight >= limit:
                    out.append(Watched(table, i, reasons))
            elif reasons and sum(r.weight for r in reasons) >= limit:
                # Only WCH014 can be found twice (both parents): the father's stays first.
                reasons.sort(key=lambda r: (-r.weight, r.rule.code))
                out.append(Watched(table, i, reasons))
        return out

    def scores(
        self, as_of: dt.date, settings: WatchSettings, without: tuple[str, ...] = ()
    ) -> dict[int, int]:
        """The children on the list ``as_of`` (as ``on`` lists them, ``without`` those
        criteria), by their place in ``children``, each with its score (Watched.score):
        what pairing and the summary's counts need, with no reason worded, weighed one by
        one or sorted (a province's million children)."""
        out: dict[int, int] = {}
        for k, found, weight, limit in self._weighing(as_of, settings, without):
            if len(found) == 1:  # most children with a reason: one
                score = weight[found[0][0].code]
                if score > 0 and score >= limit:
                    out[k] = score
                continue
            weights = [w for f in found if (w := weight[f[0].code]) > 0]
            if weights and (score := sum(weights)) >= limit:
                out[k] = score
        return out

    def _weighing(
        self, as_of: dt.date, settings: WatchSettings, without: tuple[str, ...] = ()
    ) -> Iterator[tuple[int, list[Found], dict[str, int], int]]:
        """Each child with a reason ``as_of`` (its place in ``children``), in roster order:
        its reasons found, the weights of its school (the run's ``settings``, or in a county's
        folder its school's own [watch] over them, Roster.watch; ``without`` weighing 0) and
        its school's threshold. A reason read from a row repeating the child is weighed by
        the child's school, whose kept row it is."""
        weight, own, own_weight = self._weights(settings, without)
        # A county's schools of their own [watch]: their threshold and guardian age.
        thresholds = {file: mine.threshold for file, mine in own.items()}
        ages = {file: mine.guardian_age for file, mine in own.items()}
        aged = self._aged(as_of, settings.guardian_age, ages)
        contact = any(w["WCH013"] > 0 for w in [weight, *own_weight.values()])
        silent = self._silent(as_of, settings) if contact else {}
        threshold = settings.threshold
        for k in sorted({*self._found, *aged, *silent, *self._changed}):
            found = [
                *self._found.get(k, ()),
                *aged.get(k, ()),
                *silent.get(k, ()),
                *self._changed.get(k, ()),
            ]
            if not own:  # nearly every run: the run's settings for every child
                yield k, found, weight, threshold
                continue
            origin = self.children[k][0].origin
            yield k, found, own_weight.get(origin, weight), thresholds.get(origin, threshold)

    def _aged(
        self, as_of: dt.date, limit: int, own: dict[str, int] | None = None
    ) -> dict[int, list[Found]]:
        """WCH004 and WCH006: the guardian's age ``as_of``, ``limit`` or more (``own``: a
        school's own, by its children's file, Table.origin), or under 18."""
        out: dict[int, list[Found]] = {}
        children = self.children
        for k, (born, key) in self._guardians.items():
            if born.__class__ is BornIn:
                # The youngest the guardian can be, for aged; the oldest, for under 18;
                # neither where the year gives no age a guardian can be (2026, 1899).
                age, oldest = ages_in_year(born.year, as_of)  # type: ignore[union-attr]
                if age not in GUARDIAN_AGES or oldest not in GUARDIAN_AGES:
                    continue
            else:
                age = oldest = born if isinstance(born, int) else age_on(born, as_of)  # type: ignore[arg-type]
            if age >= (own.get(children[k][0].origin, limit) if own else limit):
                out[k] = [(R.WCH004, key, {"age": age})]
            elif oldest < ADULT:
                out[k] = [(R.WCH006, key, {"age": oldest})]
        return out

    def _silent(self, as_of: dt.date, settings: WatchSettings) -> dict[int, list[Found]]:
        """WCH013: no record naming the child (any kind is a contact) in the
        ``days_without_contact`` up to ``as_of``, counted within the school year as lbc due
        counts them; a roster without any support records says nothing either way."""
        if self._contacts is None:
            return {}
        # Each school's window and limit, by its own term dates and [quotas] in a county's
        # folder (Roster.terms_of, Roster.quotas).
        windows: dict[str, tuple[dt.date, dt.date, int] | None] = {}

        def window(file: str) -> tuple[dt.date, dt.date, int] | None:
            if file not in windows:
                dates = self._roster.terms_of(file, settings.terms)
                own = self._roster.quotas.get(file) or {}
                days = own.get("max_days_without_contact", settings.days_without_contact)
                day, year_start, gap = _contact_window(as_of, dates)
                # The school year younger than the limit: nobody has gone so long. Else a
                # child has gone too long exactly when its last record is older than since.
                young = days_without_contact(None, day, year_start, gap) <= days
                since = too_long_before(day, days, year_start, gap)
                windows[file] = None if young else (day, since, days)
            return windows[file]

        out: dict[int, list[Found]] = {}
        # One reason per window and last day, shared by every child it is said of: most of
        # a province's children have the same (never contacted), and a list of its own for
        # each of a million children took hundreds of MB.
        reasons: dict[tuple[int, str], list[Found]] = {}
        contacts = self._contacts
        for k, (table, i) in enumerate(self.children):
            found = window(table.origin)
            if found is None:
                continue
            day, since, days = found
            last = _last_by(contacts[k], day) if k in contacts else None
            if last is None or last < since:
                if came_after(since, *(table.get(key, i) for key in ARRIVAL_KEYS)):
                    continue  # a child who came to the school since (转入日期, 入学年月)
                when = long_date(last) if last else said("watch.never")
                if (days, when) not in reasons:
                    reasons[(days, when)] = [(R.WCH013, "name", {"days": days, "last": when})]
                out[k] = reasons[(days, when)]
        return out


def _considered(
    tables: list[Table], rows_of: list[tuple[Table, int, tuple[Table, int] | None]]
) -> Iterator[tuple[Table, list[int]]]:
    """Each table's rows of children still at school: left behind, or on the roster for
    another reason (an orphan, a child in difficulty, 非留守 but in the school's care all the
    same), each child once. A row whose 留守类型 cannot be read is not judged: lbc validate
    reports it."""
    rows: dict[Table, list[int]] = {table: [] for table in tables}
    for table, i, first in rows_of:
        if first is None:
            rows[table].append(i)
    for table in tables:
        kinds = _column(table, "left_behind_type")
        status = _column(table, "enrollment_status")
        yield (
            table,
            [
                i
                for i in rows[table]
                if not (kinds[i] is None or kinds[i].__class__ is nz.Bad)
                and status[i] not in LEFT_SCHOOL
            ],
        )


def _column(table: Table, key: str) -> list[Any]:
    """The normalised column, all None where the table lacks it."""
    return table.values.get(key) or [None] * len(table)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _by_cells(
    columns: list[list[Any]], rows: list[int], says: Callable[..., tuple[Found, ...]]
) -> Iterator[tuple[int, Found]]:
    """What ``says`` finds at each of ``rows`` (its place in ``rows``, a reason), given
    that row's cells of ``columns``: worked out once for each distinct combination of them,
    the rows' cells gathered and looked up at C speed. A county's 100,000 children have a
    few hundred combinations, and a Python step for each row and criterion was a fifth of
    drawing their list. A combination that cannot be a key (a cell that is not hashable)
    is worked out row by row."""
    cells = zip(*(map(column.__getitem__, rows) for column in columns), strict=True)
    once = _Once(says)
    try:
        found = list(map(once.__getitem__, cells))
    except TypeError:
        cells = zip(*(map(column.__getitem__, rows) for column in columns), strict=True)
        found = [says(*row) for row in cells]
    for j in itertools.compress(range(len(found)), found):
        for reason in found[j]:
            yield j, reason


class _Once(dict[tuple[Any, ...], tuple[Found, ...]]):
    """``says`` of each combination of cells, worked out the first time it is asked for."""

    def __init__(self, says: Callable[..., tuple[Found, ...]]) -> None:
        super().__init__()
        self._says = says

    def __missing__(self, cells: tuple[Any, ...]) -> tuple[Found, ...]:
        found = self[cells] = self._says(*cells)
        return found


def _guardianship(table: Table, rows: list[int]) -> Iterator[tuple[int, Found]]:
    """WCH001, WCH002/WCH003 and WCH005 (the guardian's age is the day's: ``_aged``). A
    guardian's name showing a formula's error (#N/A) names nobody (cells_held)."""
    guardians = cells_held(table, "guardian_name")
    nobody = "guardian_name" if table.has("guardian_name") else "guardian_entrusted"
    parents = guardian_is_parent(table)
    # WCH001's words: the parents both away, or both at home unable to care.
    no_guardian = {kind: {"why": word(kind)} for kind in (nz.BOTH_AWAY, nz.BOTH_INCAPABLE)}

    def says(
        kind: object,
        named: bool,
        parent: bool,
        care: object,
        entrusted: object,
        rating: object,
        health: object,
    ) -> tuple[Found, ...]:
        out: list[Found] = []
        # The county's 实际监护情况 祖父母、外祖父母 or 亲戚朋友 says someone looks after the
        # child, though no guardian is named (lbc validate asks for the name: CON001).
        cared_for = care in CARERS
        # A guardian who is the father or the mother (by 与儿童关系 or by name), both away, is
        # nobody at home.
        at_home = named and not parent
        # Both parents away, or both at home unable to look after the child (the form's
        # 父母双方无监护能力), and nobody entrusted: nobody looks after the child.
        unlooked = no_guardian.get(kind)  # type: ignore[call-overload]
        if unlooked is not None and (not (at_home or cared_for) or entrusted == "否"):
            out.append((R.WCH001, nobody, unlooked))
        if rating == nz.GUARDIANSHIP_RATINGS[0]:
            out.append((R.WCH002, "guardianship_rating", NOBODY_CARES["guardianship_rating"]))
        elif care == nz.NO_CARER:
            out.append((R.WCH002, "care_situation", NOBODY_CARES["care_situation"]))
        if rating in CARE_LACKING:
            out.append((R.WCH003, "guardianship_rating", {"rating": rating}))
        if named and any(w in nz.affirmed(_text(health)) for w in POOR_HEALTH):
            out.append((R.WCH005, "guardian_health", {"health": health}))
        return tuple(out)

    named = [isinstance(g, str) and g != "" for g in guardians]
    columns = [
        _column(table, "left_behind_type"),
        named,
        parents,
        _column(table, "care_situation"),
        _column(table, "guardian_entrusted"),
        _column(table, "guardianship_rating"),
        _column(table, "guardian_health"),
    ]
    return _by_cells(columns, rows, says)


# The 年龄 a guardian can be: a sibling of 12 looking after the child is one (WCH006); 5,
# 150 or a birth year, 1950, is a slip of typing, no age (lbc validate asks it mended,
# VAL003), and no reason for the list.
GUARDIAN_AGES = range(10, 121)


@dataclass(frozen=True)
class BornIn:
    """A guardian's 出生日期 written as a year alone (1950, 1950年): no date, but an age
    within a year, enough to say a guardian of 75 is aged (WCH004)."""

    year: int


def guardians_year(table: Table, i: int) -> int | None:
    """The year alone row ``i``'s 监护人出生日期 gives (people.year_alone), unless it is the
    child's own birth year: the child's copied into the guardian's cell, as a full date
    copied so is (_guardians_born)."""
    year = year_alone(table.get("guardian_birth_date", i))
    if year is None:
        return None
    own = known_birth(
        table.get("birth_date", i), table.get("id_number", i), table.get("id_kind", i)
    )
    return None if own is not None and own.year == year else year


def _guardians_born(
    table: Table, rows: list[int]
) -> Iterator[tuple[int, tuple[dt.date | int | BornIn, str]]]:
    """Each named guardian's birth date, or age where no date says it, and the column it
    was read from: the ID number's birth date, else the birth date column (a year alone
    there: BornIn), else 年龄. The child's own ID number or birth date copied into the
    guardian's cell is no guardian's (an 8-year-old guardian, WCH006, who is the child)."""
    guardians = cells_held(table, "guardian_name")
    ids, own_ids = _column(table, "guardian_id_number"), _column(table, "id_number")
    undated = []
    for j, i in enumerate(rows):
        if not (isinstance(guardians[i], str) and guardians[i]):
            continue
        if isinstance(ids[i], str) and ids[i] == own_ids[i]:
            continue
        born = person_id_date(ids[i]) or kept_id_date(ids[i])
        if born is not None:
            yield j, (born, "guardian_id_number")
        else:
            undated.append((j, i))
    if not undated:  # the other columns are read only when an ID number does not say it
        return
    births, ages = _column(table, "guardian_birth_date"), _column(table, "guardian_age")
    dated = (dt.date, dates.YearMonth)
    # The child's own, only where a guardian's birth date is read (lbc pair reads no
    # child's 出生日期 it does not write).
    own = (
        _column(table, "birth_date")
        if any(births[i].__class__ in dated for _, i in undated)
        else None
    )
    for j, i in undated:
        if births[i].__class__ in dated and (own is None or births[i] != own[i]):
            yield j, (births[i], "guardian_birth_date")
        elif isinstance(ages[i], int) and ages[i] in GUARDIAN_AGES:
            yield j, (ages[i], "guardian_age")
        elif births[i].__class__ is nz.Bad and (year := guardians_year(table, i)) is not None:
            yield j, (BornIn(year), "guardian_birth_date")


def _the_child(table: Table, rows: list[int]) -> Iterator[tuple[int, Found]]:
    """WCH007 to WCH011: disabled, ill, an orphan, no longer attending, boarding."""
    disabled_at = _category_key(table, "cat_disabled")
    orphan_at = _category_key(table, "cat_orphan")

    def says(
        health: object,
        disability: object,
        illness: object,
        cats: object,
        status: object,
        boarding: object,
    ) -> tuple[Found, ...]:
        out: list[Found] = []
        listed = nz.categories_named(cats)
        # What the cell says of the child: 无病 and 非残疾 say it is neither ill nor disabled.
        state = nz.affirmed(_text(health))
        if any(w in state for w in DISABLED):
            out.append((R.WCH007, "health", {}))
        elif disability.__class__ is str and nz.says_something(disability):
            out.append((R.WCH007, "disability", {}))
        elif "残疾" in listed:
            out.append((R.WCH007, disabled_at, {}))
        # The illness by name where 患病类型 gives it (患病：哮喘), not 健康状况's 患病 again.
        if illness.__class__ is str and nz.says_something(illness):
            out.append((R.WCH008, "illness", {"what": illness}))
        elif any(w in state for w in ILL):
            out.append((R.WCH008, "health", {"what": word(_text(health))}))
        if "孤儿" in listed:
            out.append((R.WCH009, orphan_at, {}))
        if status in NO_LONGER_ATTENDING:
            out.append((R.WCH010, "enrollment_status", {"status": word(status)}))
        if boarding == "是":
            out.append((R.WCH011, "boarding", {}))
        return tuple(out)

    keys = ("health", "disability", "illness", "categories", "enrollment_status", "boarding")
    return _by_cells([_column(table, key) for key in keys], rows, says)


def _category_key(table: Table, column: str) -> str:
    """Where a category is written: its own 是/否 column (是否孤儿), else 类别."""
    return column if table.has(column) else "categories"


def _contact(table: Table, rows: list[int], in_post: TeachersInPost) -> Iterator[tuple[int, Found]]:
    """WCH012 (no support teacher, where the roster has the column: none named, a cell
    showing a formula's error, or, where a teachers list decides (TeachersInPost), none in
    post of that name, as every command counts) and
    WCH014 (an away parent with no phone, or a cell that gives no number to call:
    已停机, a digit short; the message tells which, not echoing the cell). A cell of two
    numbers gives two to call. A phone lbc cannot see (unseen_rows: a formula saved
    without its result, which Excel shows) is not said unreachable; the sheet's note says
    such cells."""
    kinds = _column(table, "left_behind_type")
    teachers = table.values.get("support_teacher")
    phones = {
        who: (phone_key(table, who), cells_held(table, phone_key(table, who))) for who in PARENTS
    }
    unseen = {who: set(unseen_rows(table, key)) for who, (key, _) in phones.items()}
    away = {kind: away_parents(kind) for kind in {kinds[i] for i in rows}}
    # Each reason one object, shared by the children it is said of (WatchFacts keys it
    # once): why each teacher named is none, once per name and school (a county has
    # 100,000 children), and each parent's phone missing or giving no number.
    why: dict[tuple[object, str], Found | None] = {}
    no_phone = {
        (who, blank, both): (R.WCH014, key, _unreachable(who, blank, both))
        for who, (key, _) in phones.items()
        for blank in (True, False)
        for both in (True, False)
    }
    schools = in_post.schools(table) if teachers is not None else []
    for j, i in enumerate(rows):
        if teachers is not None:
            named = (teachers[i], schools[i])
            if named not in why:
                no = _no_teacher(*named, in_post)
                why[named] = None if no is None else (R.WCH012, "support_teacher", {"why": no})
            if (found := why[named]) is not None:
                yield j, found
        both = len(away[kinds[i]]) == 2
        for who in away[kinds[i]]:
            phone = phones[who][1]
            if not numbers_to_call(phone[i]) and i not in unseen[who]:
                yield j, no_phone[(who, phone[i] is None, both)]


def _unreachable(who: str, blank: bool, both: bool) -> dict[str, str]:
    """WCH014's words for ``who``'s phone (``blank``: none written, else none to call):
    「父亲外出，没有电话」, and of both parents away 「父母均外出，父亲没有电话」, since
    「父亲外出」 said of each parent would read as the other one at home."""
    parent = said(f"contact.{who}")
    if not both:
        how = said("watch.no_phone" if blank else "watch.bad_phone")
        return {"away": said("watch.away.one", who=parent), "how": how}
    how = said("watch.no_phone.whose" if blank else "watch.bad_phone.whose", who=parent)
    return {"away": said("watch.away.both"), "how": how}


def _no_teacher(teacher: object, school: str, in_post: TeachersInPost) -> str | None:
    """Why a child of ``school`` whose 帮扶教师 cell says ``teacher`` has no support teacher,
    in words, or None when it has one. A cell showing a formula's error (#REF!, a failed
    VLOOKUP's #N/A) names nobody, teachers list or not, as the reports count it
    (lbc.reports.caseload.support_teacher): said as the error, not as a teacher's name."""
    if unseen(teacher):  # a formula saved without its result: no error, its value unseen
        return said("watch.teacher_unsaved", value=teacher)
    if shows_an_error_whole(teacher):
        return said("watch.teacher_error", error=teacher)
    if in_post.who(teacher, school) is not None:
        return None
    if not isinstance(teacher, str):
        return said("watch.teacher_blank")
    several = nz.several_teachers(teacher)  # 王芳、李强: listed when each of them is
    away = all(in_post.on_list(name, school) for name in several or [teacher])
    wording = "watch.teacher_away" if away else "watch.teacher_unlisted"
    return said(wording, name=shown_name(teacher))


def _contact_window(
    as_of: dt.date, dates: dict[str, tuple[dt.date, dt.date]] | None
) -> tuple[dt.date, dt.date, tuple[dt.date, dt.date] | None]:
    """The day the days without contact are counted to, the school year's first day and
    the winter break they leave out, by the school's term ``dates``: as lbc due counts
    them, to ``as_of``, or in the holidays to the last day of the term just over, and from
    no earlier than the school year's start."""
    term = term_of(as_of, dates)
    return min(as_of, term.end), school_year_start(term, dates), term.winter_break


def _last_by(dates: list[dt.date], day: dt.date) -> dt.date | None:
    """The last of the sorted ``dates`` on or before ``day``."""
    j = bisect.bisect_right(dates, day)
    return dates[j - 1] if j else None


def _changes(previous: Roster, roster: Roster) -> dict[tuple[int, int], list[Found]]:
    """Each child's reasons of change against last term's roster, by (table id, row). A
    cell showing a formula's error in either term (Change.errors: a failed VLOOKUP's #N/A)
    is no change: it says nothing of who the guardian is or where the child lives, and
    VAL007 points at it; a school that mends the formula would see every child's guardian
    "changed"."""
    out: dict[tuple[int, int], list[Found]] = {}
    for m in diff_rosters(previous, roster, schools_of(previous).of, schools_of(roster).of).matched:
        table, i = m.new
        for change in m.changes:
            rule = CHANGES.get(change.field)
            if rule is not None and not any(change.errors):
                words = {"old": word(change.old or "-"), "new": word(change.new or "-")}
                out.setdefault((id(table), i), []).append((rule, change.field, words))
    return out
