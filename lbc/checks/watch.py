"""The watch list (重点关注名单): the children who need attention now, each with every reason.

Each criterion is a rule of the registry (``RuleKind.WATCH``, codes WCH…) with a default
weight; a child is on the list when the weights of its reasons add up to the threshold
(``[watch]`` in ``lbc.toml``). The criteria read the archive as the national registration
form and the 学籍 export write it:

* guardianship: both parents away and no guardian (WCH001); 监护类型 无人监护 (WCH002) or
  父或母无监护能力 / 受委托监护人监护能力不足 (WCH003); a guardian aged ``guardian_age`` or
  more (WCH004), in poor health (身体状况 差, …病, 残疾: WCH005), or under 18 (WCH006);
* the child: 残疾 (WCH007), 患病 or ill (WCH008), 孤儿 (WCH009), 辍学 or 休学 (WCH010),
  boarding at school (WCH011);
* contact: no support teacher, where the roster has a 帮扶教师 column (WCH012); no support
  record naming the child for more than ``days_without_contact`` days (the school's
  [quotas] max_days_without_contact, as lbc due counts it), where the roster
  has support records at all (WCH013); an away parent with no phone (WCH014);
* change since last term's roster (``previous``): the guardian (WCH015), 留守类型 (WCH016)
  or the home address (WCH017).

Every child of the roster still at school is considered, left behind or not (an orphan on
the roster is 非留守 and among the most at risk); a row repeating an earlier row's
ID number is the same child. Pairing reads the list here, which is why it is a check and
not a report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from lbc.checks.contacts import away_parents, phone_key
from lbc.checks.engine import person_id_date
from lbc.checks.registry import RULES, R, Rule, RuleKind
from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.changes import diff_rosters
from lbc.roster.people import LEFT_SCHOOL, age_on
from lbc.roster.support import ChildIndex, dated_records, each_childs_records
from lbc.roster.tables import Roster, Table, distinct_children
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import schools_of

ADULT = 18
POOR_HEALTH = ("差", "病", "残疾")  # in 监护人身体状况: 差, 患病 / 慢性病 / 重病, 残疾
ILL = ("患病", "病")  # in the child's 健康状况: 患病, 慢性病, 重病
NO_LONGER_ATTENDING = ("辍学", "休学")
# The changes since last term that are reasons, by the field that changed.
CHANGES = {"guardian_name": R.WCH015, "left_behind_type": R.WCH016, "home_address": R.WCH017}

WATCH_RULES: dict[str, Rule] = {c: r for c, r in RULES.items() if r.kind is RuleKind.WATCH}


@dataclass(frozen=True)
class Reason:
    rule: Rule
    field: str  # the canonical key of the cell that says it
    column: str | None  # that cell's Excel column letter, None when the roster lacks it
    message: str
    weight: int


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

    @property
    def support_teacher(self) -> str:
        who = self.table.get("support_teacher", self.i)
        return who if isinstance(who, str) else ""


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
    weight = weights(settings)
    changed = _changes(previous, roster) if previous is not None else {}
    children = [
        (table, i)
        for table, i, first in distinct_children(roster.children)
        if first is None and _considered(table, i)
    ]
    silent = _silent(roster, children, settings.days_without_contact, as_of)
    out: list[Watched] = []
    for k, (table, i) in enumerate(children):
        kind = table.get("left_behind_type", i)
        found = [
            *_reasons(table, i, kind, as_of, settings),
            *silent.get(k, []),
            *changed.get((id(table), i), []),
        ]
        reasons = [
            Reason(rule, key, table.letter(key), rule.message(**params), weight[rule.code])
            for rule, key, params in found
            if weight[rule.code] > 0
        ]
        if reasons and sum(r.weight for r in reasons) >= settings.threshold:
            reasons.sort(key=lambda r: (-r.weight, r.rule.code))
            out.append(Watched(table, i, reasons))
    return out


def _considered(table: Table, i: int) -> bool:
    """A child of the roster still at school: left behind, or on it for another reason (an
    orphan, a child in difficulty, 非留守 but in the school's care all the same). A row
    whose 留守类型 cannot be read is not judged: lbc validate reports it."""
    kind = table.get("left_behind_type", i)
    if kind is None or isinstance(kind, nz.Bad):
        return False
    return table.get("enrollment_status", i) not in LEFT_SCHOOL


def _silent(
    roster: Roster, children: list[tuple[Table, int]], days: int, as_of: dt.date
) -> dict[int, list[Found]]:
    """WCH013 by position in ``children``: no record naming the child (any kind is a
    contact) in the ``days`` up to ``as_of``. Records are attributed as the summary does
    (lbc.roster.support); a roster without any support records says nothing either way."""
    if not roster.records:
        return {}
    schools = schools_of(roster)
    index = ChildIndex(
        [table.get("name", i) for table, i in children],
        [table.get("class", i) for table, i in children],
        [schools.of(table, i) for table, i in children] if schools.several else None,
    )
    last = each_childs_records(dated_records(roster, index, dt.date.min, as_of)).last
    since = as_of - dt.timedelta(days=days)
    return {
        k: [(R.WCH013, "name", {"days": days, "last": last.get(k) or t("watch.never")})]
        for k in range(len(children))
        if k not in last or last[k] < since
    }


Found = tuple[Rule, str, dict[str, object]]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _reasons(
    table: Table, i: int, kind: object, as_of: dt.date, settings: WatchSettings
) -> Iterator[Found]:
    """The reasons the child's own row gives."""
    yield from _guardianship(table, i, kind, as_of, settings)
    yield from _the_child(table, i)
    yield from _contact(table, i, kind)


def _guardianship(
    table: Table, i: int, kind: object, as_of: dt.date, settings: WatchSettings
) -> Iterator[Found]:
    get = table.get
    guardian = _text(get("guardian_name", i))
    if kind == nz.BOTH_AWAY and (not guardian or get("guardian_entrusted", i) == "否"):
        key = "guardian_name" if table.has("guardian_name") else "guardian_entrusted"
        yield R.WCH001, key, {}
    rating = get("guardianship_rating", i)
    if rating == nz.GUARDIANSHIP_RATINGS[0]:
        yield R.WCH002, "guardianship_rating", {}
    elif rating in nz.GUARDIANSHIP_RATINGS[1:3]:
        yield R.WCH003, "guardianship_rating", {"rating": rating}
    if not guardian:
        return
    age, key = guardian_age(table, i, as_of)
    if age is not None and age >= settings.guardian_age:
        yield R.WCH004, key, {"age": age}
    elif age is not None and age < ADULT:
        yield R.WCH006, key, {"age": age}
    health = _text(get("guardian_health", i))
    if any(word in health for word in POOR_HEALTH):
        yield R.WCH005, "guardian_health", {"health": health}


def guardian_age(table: Table, i: int, as_of: dt.date) -> tuple[int | None, str]:
    """The guardian's age and the column it was read from: the ID number's birth date, else
    the birth date column, else the 年龄 column."""
    born = person_id_date(table.get("guardian_id_number", i))
    if born is not None:
        return age_on(born, as_of), "guardian_id_number"
    age = age_on(table.get("guardian_birth_date", i), as_of)
    if age is not None:
        return age, "guardian_birth_date"
    age = table.get("guardian_age", i)
    return (age, "guardian_age") if isinstance(age, int) else (None, "")


def _the_child(table: Table, i: int) -> Iterator[Found]:
    get = table.get
    health = _text(get("health", i))
    cats = get("categories", i)
    cats = cats if isinstance(cats, tuple) else ()
    if "残疾" in health:
        yield R.WCH007, "health", {}
    elif nz.says_something(get("disability", i)):
        yield R.WCH007, "disability", {}
    elif "残疾" in cats:
        yield R.WCH007, _category_key(table, "cat_disabled"), {}
    if any(word in health for word in ILL):
        yield R.WCH008, "health", {"what": health}
    elif nz.says_something(get("illness", i)):
        yield R.WCH008, "illness", {"what": get("illness", i)}
    if "孤儿" in cats:
        yield R.WCH009, _category_key(table, "cat_orphan"), {}
    status = get("enrollment_status", i)
    if status in NO_LONGER_ATTENDING:
        yield R.WCH010, "enrollment_status", {"status": status}
    if get("boarding", i) == "是":
        yield R.WCH011, "boarding", {}


def _category_key(table: Table, column: str) -> str:
    """Where a category is written: its own 是/否 column (是否孤儿), else 类别."""
    return column if table.has(column) else "categories"


def _contact(table: Table, i: int, kind: object) -> Iterator[Found]:
    teachers = table.values.get("support_teacher")
    if teachers is not None and not isinstance(teachers[i], str):
        yield R.WCH012, "support_teacher", {}
    for who in away_parents(kind):
        key = phone_key(table, who)
        phone = table.get(key, i)
        if phone is None or isinstance(phone, nz.Bad):
            yield R.WCH014, key, {"who": t(f"contact.{who}")}


def _changes(previous: Roster, roster: Roster) -> dict[tuple[int, int], list[Found]]:
    """Each child's reasons of change against last term's roster, by (table id, row)."""
    out: dict[tuple[int, int], list[Found]] = {}
    for m in diff_rosters(previous, roster).matched:
        table, i = m.new
        for change in m.changes:
            rule = CHANGES.get(change.field)
            if rule is not None:
                words = {"old": change.old or "-", "new": change.new or "-"}
                out.setdefault((id(table), i), []).append((rule, change.field, words))
    return out
