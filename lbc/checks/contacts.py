"""Who must be reachable: the contact rules of the field dictionary, in one place.

``lbc validate`` reports these as findings and ``lbc flag`` turns them into a to-do list for
head teachers; both ask this module so the two can never disagree about who is missing what.
The rules run over a whole table at once, with its columns held as plain lists, because a
county roster has 100,000 children and most of them are reachable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lbc.checks.registry import R, Rule
from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.canonical import Table
from lbc.roster.people import LEFT_SCHOOL
from lbc.roster.phones import numbers_to_call
from lbc.roster.tables import cell_held, cells_held, unseen, unseen_rows

# The columns a missing contact is pointed at (MissingContact.field) where the roster has
# them: one it lacks is said missing (COL001), as a required column is.
CONTACT_COLUMNS = frozenset(
    {"father_phone", "mother_phone", "guardian_name", "guardian_relation", "guardian_phone"}
)

_AWAY = {
    nz.BOTH_AWAY: ("father", "mother"),
    nz.FATHER_AWAY: ("father",),
    nz.MOTHER_AWAY: ("mother",),
}


@dataclass(frozen=True)
class MissingContact:
    rule: Rule  # CON001 … CON004, CON006 … CON009
    field: str  # the canonical key of the cell to fill in
    what: str  # what is missing, in words (lbc flag's to-do list)
    params: dict[str, str]  # exactly what the rule's message fills in


def away_parents(kind: object) -> tuple[str, ...]:
    """Which parents a 留守类型 says are away: ("father", "mother"), one, or none."""
    return _AWAY.get(kind, ())  # type: ignore[call-overload]


# The contact cells of the one at home, besides the parents' phones (unseen_contacts).
_NAMED_AT_HOME = ("guardian_phone", "guardian_name", "guardian_relation")
PARENT_RELATIONS = ("父亲", "母亲")  # a guardian's 与儿童关系 naming a parent
# The county 排查汇总表's 实际监护情况 naming someone who looks after the child.
CARERS = frozenset(nz.COUNTY_CARERS) - {nz.NO_CARER}


# The form's 实际监护情况 saying the parents are away, the 留守类型 it contradicts, and the
# 留守类型 it is (VAL009 says the contradiction). One parent away and the other unable to
# care only where the cell says so: a plain 父母一方外出 (read as the same) beside 非留守
# is no contradiction, the parent at home caring.
CARE_SAYS_AWAY = {
    "父母双方外出": ({nz.NOT_LEFT_BEHIND, nz.FATHER_AWAY, nz.MOTHER_AWAY}, nz.BOTH_AWAY),
    "一方外出另一方无监护能力": ({nz.NOT_LEFT_BEHIND, nz.BOTH_AWAY}, nz.AWAY_UNSPECIFIED),
}


def care_contradicts(table: Table) -> dict[int, str]:
    """The rows whose form's 实际监护情况 says the parents are away where 留守类型 says
    otherwise (CARE_SAYS_AWAY), each with the 留守类型 the care column is: their contacts
    are asked by both (contact_gaps), never fewer than either asks."""
    cares = table.values.get("care_situation")
    kinds = table.values.get("left_behind_type")
    if cares is None or kinds is None:
        return {}
    if table.letter("left_behind_type") == table.letter("care_situation"):
        return {}  # 留守类型 read from 实际监护情况 itself
    raw = table.raw.get("care_situation") or [None] * len(table)
    out = {}
    for i, care in enumerate(cares):
        said = CARE_SAYS_AWAY.get(care)  # type: ignore[call-overload]
        if said is None or kinds[i] not in said[0]:
            continue
        if said[1] == nz.AWAY_UNSPECIFIED and "监护" not in str(raw[i] or ""):
            continue
        out[i] = said[1]
    return out


def guardian_is_parent(table: Table, kinds: Sequence[object] | None = None) -> list[bool]:
    """Row by row, whether both parents are away and the guardian listed is the father or
    the mother, by 与儿童关系 or by name: nobody at home. The watch list counts the child as
    without a guardian (WCH001), and validate and flag ask for the one who looks after the
    child (CON007, through contact_gaps), by this one test. A parent's name is read only
    at the rows that need it: a county's 200,000 parents' names, read for this test alone,
    cost validate a tenth of a second. A name showing #N/A names nobody (cells_held): a
    guardian's and a father's both showing it are not one person's; nor are two formulas
    saved without their results (unseen), both read #未存结果, whatever Excel shows.
    ``kinds``: each row's 留守类型 to read in place of the table's (contact_gaps)."""
    n = len(table)
    empty: list[object] = [None] * n
    if kinds is None:
        kinds = table.values.get("left_behind_type") or empty
    guardians = cells_held(table, "guardian_name")
    relations = table.values.get("guardian_relation") or empty
    father, mother = cell_held(table, "father_name"), cell_held(table, "mother_name")
    out = [False] * n
    for i, kind in enumerate(kinds):
        if kind != nz.BOTH_AWAY:
            continue
        guardian = guardians[i]
        out[i] = relations[i] in PARENT_RELATIONS or (
            guardian.__class__ is str
            and not unseen(guardian)
            and guardian in (father(i), mother(i))
        )
    return out


def phone_key(table: Table, who: str) -> str:
    """The column holding this parent's phone: their own, else the single 家长电话 column."""
    own = f"{who}_phone"
    if table.has(own) or not table.has("parent_phone"):
        return own
    return "parent_phone"


def contact_gaps(
    table: Table,
    usable_only: bool = False,
    kinds: Sequence[object] | None = None,
    unseen_missing: bool = False,
) -> dict[int, list[MissingContact]]:
    """Row index -> the contacts that child lacks by the rules for its 留守类型, or for the
    one ``kinds`` gives the row in place of its own (judged_by_every_kind).

    Children who have transferred out or graduated need no contact any more. With
    ``usable_only`` a phone cell that gives no number to call (已停机, a digit short:
    ``numbers_to_call``) counts as missing, while one of two numbers is a number to
    call; without, any written cell counts as present, because ``validate`` reports a
    malformed one under its own code (PHN001). A cell showing a formula's error (#N/A)
    is missing either way: no phone to call, no guardian named (cells_held). A cell
    holding a formula saved without its result (unseen_rows) is never said missing: Excel
    shows its value, which lbc cannot see; ``unseen_missing`` takes it for an empty one,
    for unseen_contacts to tell whose gaps hang on it.
    """
    n = len(table)
    empty: list[object] = [None] * n

    def column(key: str) -> list[object]:
        return table.values.get(key) or empty

    if kinds is None:
        kinds = column("left_behind_type")
        # Where the care column says otherwise, asked by its reading too (VAL009).
        if contradicted := care_contradicts(table):
            theirs = [contradicted.get(i) for i in range(n)]
            more = contact_gaps(table, usable_only, theirs, unseen_missing)
            gaps = contact_gaps(table, usable_only, kinds, unseen_missing)
            for i, extra in more.items():
                asked = {gap.field for gap in gaps.get(i, ())}
                if mine := [gap for gap in extra if gap.field not in asked]:
                    gaps[i] = [*gaps.get(i, ()), *mine]
            return gaps
    status = column("enrollment_status")
    father_key, mother_key = phone_key(table, "father"), phone_key(table, "mother")
    phones = {
        "father": _as_seen(table, father_key, unseen_missing),
        "mother": _as_seen(table, mother_key, unseen_missing),
        "guardian": _as_seen(table, "guardian_phone", unseen_missing),
    }
    g_name = _as_seen(table, "guardian_name", unseen_missing)
    g_relation = _as_seen(table, "guardian_relation", unseen_missing)
    # CON007: both away and the guardian listed is the father or the mother, nobody at home
    # on file though every cell is filled in (the watch list's WCH001 reads the same test),
    # unless the county's 实际监护情况 names who looks after the child.
    nobody_home = [False] * n
    if (table.has("guardian_name") or table.has("guardian_relation")) and nz.BOTH_AWAY in kinds:
        care = column("care_situation")
        parents = guardian_is_parent(table, kinds)
        nobody_home = [parent and care[i] not in CARERS for i, parent in enumerate(parents)]
    guardian_key = "guardian_name" if table.has("guardian_name") else "guardian_relation"

    def ok(value: object) -> bool:
        if value.__class__ is nz.Bad and usable_only:
            return bool(numbers_to_call(value))
        return value is not None

    def where(i: int, *keys: str) -> str:
        """The first of these columns the roster has a cell of on row ``i``: a gap is
        pointed at a cell that can be filled in, not at a column that does not exist, nor
        at another guardian's (Table.holds; the column is reported once, as COL001)."""
        return next((k for k in keys if table.holds(k, i)), keys[0])

    gaps: dict[int, list[MissingContact]] = {}
    for i in range(n):
        kind = kinds[i]
        if kind is None or kind == nz.NOT_LEFT_BEHIND or kind.__class__ is nz.Bad:
            continue
        if status[i] in LEFT_SCHOOL:
            continue
        father, mother, guardian = phones["father"][i], phones["mother"][i], phones["guardian"][i]
        if (  # the common case, everyone on file: nothing to work out
            guardian is not None
            and father is not None
            and mother is not None
            and g_name[i] is not None
            and g_relation[i] is not None
            and not nobody_home[i]
            and guardian != father
            and guardian != mother
            and not (
                usable_only and nz.Bad in (guardian.__class__, father.__class__, mother.__class__)
            )
        ):
            continue
        out: list[MissingContact] = []
        if kind == nz.BOTH_AWAY or kind == nz.BOTH_INCAPABLE:
            # CON008: parents at home unable to look after the child, who is the guardian
            # entrusted's to look after, as with both away; no parent's phone is asked.
            rule = R.CON001 if kind == nz.BOTH_AWAY else R.CON008
            for key, value in (
                ("guardian_name", g_name[i]),
                ("guardian_relation", g_relation[i]),
                ("guardian_phone", guardian),
            ):
                if not ok(value):
                    what = t(f"contact.{key}")
                    out.append(MissingContact(rule, key, what, {"what": what}))
            # CON009, unless CON007 says the guardian is an away parent already, or the
            # parents' number is the one 家长电话 of the family (a grandparent's, often).
            own = father_key != mother_key and not nobody_home[i]
            if kind == nz.BOTH_AWAY and own and (who := _away_number(guardian, father, mother)):
                out.append(_parents_number(who))
            if kind == nz.BOTH_AWAY and not (ok(father) or ok(mother)):
                key = where(i, father_key, mother_key)
                out.append(MissingContact(R.CON002, key, t("contact.parent_phone_any"), {}))
            if nobody_home[i]:
                what = t("contact.guardian_at_home")
                out.append(MissingContact(R.CON007, guardian_key, what, {}))
        elif kind == nz.AWAY_UNSPECIFIED:
            # One parent or both are away, which is unsaid: the one-parent rule for whichever
            # it is needs a parent's phone, and a guardian's or both parents' phones.
            parent = ok(father) or ok(mother)
            at_home = ok(guardian) or (father_key != mother_key and ok(father) and ok(mother))
            if not (parent and at_home):
                # At a cell to fill: a parent's where the guardian's phone is there and no
                # parent's is, not the guardian's filled cell; else the guardian's.
                key = (
                    where(i, father_key, mother_key)
                    if at_home and not parent
                    else where(i, "guardian_phone", father_key, mother_key)
                )
                out.append(MissingContact(R.CON006, key, t("contact.unspecified"), {}))
        else:
            who = away_parents(kind)[0]
            words = {"who": t(f"contact.{who}")}
            key = father_key if who == "father" else mother_key
            away_phone, home_phone = (father, mother) if who == "father" else (mother, father)
            if not ok(away_phone):
                out.append(MissingContact(R.CON003, key, t(f"contact.{who}_phone"), words))
            # With one 家长电话 column for both parents, only the guardian is at home.
            other_parent = father_key != mother_key and ok(home_phone)
            at_home = ok(guardian) or other_parent
            # With one 家长电话 column, its number is as often the parent's at home: no
            # telling it is the away one's.
            two = father_key != mother_key
            if at_home and not other_parent and two and _away_number(guardian, away_phone, None):
                out.append(_parents_number(who))
            elif not at_home:
                what = t("contact.guardian_or_other_parent")
                other = mother_key if who == "father" else father_key
                key = where(i, "guardian_phone", *([other] if other != key else []))
                out.append(MissingContact(R.CON004, key, what, words))
        if out:
            gaps[i] = out
    return gaps


class _Unseen:
    """A contact cell lbc cannot see (unseen_rows) as contact_gaps reads it: there, and no
    other cell's number, not even another unseen one's (CON009 compares numbers)."""


def _as_seen(table: Table, key: str, unseen_missing: bool) -> list[object]:
    """Column ``key`` as contact_gaps reads it (cells_held), each cell lbc cannot see
    (unseen_rows) there (_Unseen), or, ``unseen_missing``, empty."""
    cells = cells_held(table, key)
    if rows := unseen_rows(table, key):
        cells = list(cells)
        for i in rows:
            cells[i] = None if unseen_missing else _Unseen()
    return cells


def unseen_contacts(table: Table) -> set[int]:
    """The rows whose contacts, as lbc flag and the summary judge them (usable_only), are
    complete or not by cells lbc cannot see (unseen_rows: a formula saved without its
    result, which Excel shows): contact_gaps finds none missing, and would were those cells
    empty. Counted neither way, and said (the sheet's note.unsaved.contacts): the school
    sees a phone in Excel where lbc would say none. A child lacking another contact
    whatever those say is listed for it (contact_gaps), not here."""
    if not _any_unseen(table):
        return set()
    seen = contact_gaps(table, usable_only=True).keys()
    return set(contact_gaps(table, usable_only=True, unseen_missing=True)) - seen


def _any_unseen(table: Table) -> bool:
    """Whether any contact cell of ``table`` is one lbc cannot see (unseen_rows)."""
    keys = (phone_key(table, "father"), phone_key(table, "mother"), *_NAMED_AT_HOME)
    return any(unseen_rows(table, key) for key in keys)


def _away_number(guardian: object, father: object, mother: object) -> str | None:
    """Which away parent's phone (``father``, ``mother``: theirs, or None for a parent at
    home) the guardian's phone is, number for number: "father", "mother", or None."""
    if guardian.__class__ is not str:
        return None
    return "father" if guardian == father else "mother" if guardian == mother else None


def _parents_number(who: str) -> MissingContact:
    """CON009: the guardian's phone is the away parent's (``who``): it reaches the parent
    far away, not the one who looks after the child at home."""
    words = {"who": t(f"contact.{who}")}
    return MissingContact(R.CON009, "guardian_phone", t("contact.guardian_own_phone"), words)


# The 留守类型 the contact rules ask a contact of, by which a child of no 留守类型 is judged:
# each away parent's (_AWAY) and one parent or both away, unsaid which. Not the form's
# 父母双方无监护能力: a child of no 留守类型 is taken for one with a parent away.
ASKING_KINDS = (*_AWAY, nz.AWAY_UNSPECIFIED)


def judged_by_every_kind(
    table: Table, rows: Iterable[int], usable_only: bool = False
) -> tuple[set[int], set[int]]:
    """Of ``rows`` (children whose 留守类型 is empty or unreadable), those who lack no
    contact by the rules of any 留守类型, and those who lack one by the rules of every
    留守类型: whatever theirs, they meet its rule, or fail it (no parent's phone at all,
    which every 留守类型 asks). The summary counts the first reachable and the second
    lacking, though lbc flag, without a 留守类型 to judge by, checks neither; the rest are
    not known either way. A contact cell lbc cannot see (unseen_rows) decides neither:
    one who meets a rule by it is not known to meet it, nor one who fails it to fail it."""
    unseen = _any_unseen(table)
    met, lacking = set(rows), set(rows)
    for kind in ASKING_KINDS:
        if not (met or lacking):
            break
        kinds: list[object] = [None] * len(table)  # None: no rule, the row is passed over
        for i in met | lacking:
            kinds[i] = kind
        gaps = contact_gaps(table, usable_only, kinds).keys()
        met -= contact_gaps(table, usable_only, kinds, True).keys() if unseen else gaps
        lacking &= gaps
    return met, lacking
