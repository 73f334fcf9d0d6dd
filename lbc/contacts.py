"""Who must be reachable: the contact rules of the field dictionary, in one place.

``lbc validate`` reports these as findings and ``lbc flag`` turns them into a to-do list for
head teachers; both ask this module so the two can never disagree about who is missing what.
"""

from __future__ import annotations

from dataclasses import dataclass

from lbc import normalise as nz
from lbc.messages import t
from lbc.roster import Table

_LEFT = frozenset({"转出", "毕业"})


@dataclass(frozen=True)
class MissingContact:
    code: str  # CON001 … CON004
    field: str  # the canonical key of the cell to fill in
    what: str  # what is missing, in words
    params: dict[str, str]


def _present(table: Table, key: str, i: int, usable_only: bool) -> bool:
    value = table.get(key, i)
    if value is None:
        return False
    return not (usable_only and isinstance(value, nz.Bad))


def has_left(table: Table, i: int) -> bool:
    """Children who have transferred out or graduated need no contact any more."""
    return table.get("enrollment_status", i) in _LEFT


def away_parents(table: Table, i: int) -> tuple[str, ...]:
    """Which parents are away: ("father", "mother"), one of them, or none."""
    kind = table.get("left_behind_type", i)
    if kind == nz.BOTH_AWAY:
        return ("father", "mother")
    if kind == nz.FATHER_AWAY:
        return ("father",)
    if kind == nz.MOTHER_AWAY:
        return ("mother",)
    return ()


def _phone_key(table: Table, who: str) -> str:
    """The column holding this parent's phone: their own, else the single 家长电话 column."""
    own = f"{who}_phone"
    if table.has(own) or not table.has("parent_phone"):
        return own
    return "parent_phone"


def missing_contacts(table: Table, i: int, usable_only: bool = False) -> list[MissingContact]:
    """The contacts child ``i`` lacks by the rules for its 留守类型.

    With ``usable_only`` a malformed phone counts as missing (nobody can call it); without,
    it counts as present, because ``validate`` reports it under its own code.
    """
    if has_left(table, i):
        return []
    away = away_parents(table, i)
    out: list[MissingContact] = []

    def present(key: str) -> bool:
        return _present(table, key, i, usable_only)

    if table.get("left_behind_type", i) == nz.AWAY_UNSPECIFIED:
        # Which parent is away is unsaid: at least someone must be reachable by phone.
        keys = ("guardian_phone", _phone_key(table, "father"), _phone_key(table, "mother"))
        if not any(present(k) for k in keys):
            what = t("contact.anyone")
            out.append(MissingContact("CON006", "guardian_phone", what, {}))
        return out

    if len(away) == 2:
        for key in ("guardian_name", "guardian_relation", "guardian_phone"):
            if not present(key):
                what = t(f"contact.{key}")
                out.append(MissingContact("CON001", key, what, {}))
        phones = {_phone_key(table, "father"), _phone_key(table, "mother")}
        if not any(present(k) for k in phones):
            key = _phone_key(table, "father")
            what = t("contact.parent_phone_any")
            out.append(MissingContact("CON002", key, what, {}))
    elif len(away) == 1:
        who = away[0]
        other = "mother" if who == "father" else "father"
        words = {"who": "父亲" if who == "father" else "母亲", "who_en": who}
        key = _phone_key(table, who)
        if not present(key):
            out.append(MissingContact("CON003", key, t(f"contact.{who}_phone"), words))
        other_key = _phone_key(table, other)
        home = [k for k in ("guardian_phone", other_key) if k != key]
        if not any(present(k) for k in home):
            what = t("contact.guardian_or_other_parent")
            out.append(MissingContact("CON004", "guardian_phone", what, words))
    return out
