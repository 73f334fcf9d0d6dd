"""What a row says about a person, meant the same way by every stage.

Whether a child is still on the school's books, whether a teacher is in post, how classes
sort, which children come first, and which child a support record names: pairing, the
checks, the summary, flag and cards each asked these before, each in its own words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable
from typing import TypeVar

from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.normalise import LEFT_SCHOOL as LEFT_SCHOOL
from lbc.roster.tables import Table

K = TypeVar("K", bound=Hashable)


def require_left_behind_type(sheets: Iterable[Table], message: str) -> None:
    """Refuse (LbcError ``message``) a children sheet without a 留守类型 column: a list of the
    left-behind children (flag, watch, birthdays) would otherwise name nobody, silently."""
    for table in sheets:
        if not table.has("left_behind_type"):
            raise LbcError(t(message, file=table.file, sheet=table.sheet))


# What makes a child a priority, by the category words the normaliser gives: paired first,
# and listed first where something is owed.
PRIORITY_CATEGORIES = ("孤儿", "残疾", "建档立卡", "低保", "贫困", "学困")


# The cells priority_reasons reads: two rows alike in these have the same reasons (pairing
# works a county's reasons out once per combination of them).
PRIORITY_FIELDS = ("key_target", "categories", "health", "left_behind_type", "enrollment_status")


def priority_reasons(table: Table, i: int) -> list[str]:
    """Why child ``i`` of ``table`` is a priority, in words; empty when it is not."""
    reasons = []
    if table.get("key_target", i) == "是":
        reasons.append(t("pair.priority.key_target"))
    cats = table.get("categories", i)
    cats = cats if isinstance(cats, tuple) else ()
    reasons += [c for c in PRIORITY_CATEGORIES if c in cats]
    if "残疾" not in cats and table.get("health", i) == "残疾":
        reasons.append("残疾")
    if table.get("left_behind_type", i) == nz.BOTH_AWAY:
        reasons.append(nz.BOTH_AWAY)
    if table.get("enrollment_status", i) == "辍学":
        reasons.append("辍学")
    return reasons


# How lbc pair prints one of two teachers of one name, 王芳（三年级(2)班）, once read as a
# name (full-width brackets folded): 王芳(三年级(2)班).
_NAMESAKE_TAG = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)$")


def teacher_named(value: str, names: set[str]) -> str | None:
    """The teacher of ``names`` a pairs cell names: the name itself, or the name lbc's
    tag for one of two namesakes was added to; None when neither is a teacher's."""
    if value in names:
        return value
    base = _NAMESAKE_TAG.sub("", value)
    return base if base in names else None


def in_post(active: object) -> bool:
    """A teacher whose 在岗 cell is not 否 and not unreadable (empty means in post): the
    ones pairing gives places to and the summary counts as taking part."""
    return active != "否" and not isinstance(active, nz.Bad)


def active_teachers(teachers: Iterable[Table]) -> dict[str, int]:
    """Teachers in post by name, with their position in the list (for a stable order): a
    child's 帮扶教师 counts as its support teacher only when it is one of them (the summary,
    lbc due and the watch list's WCH012 alike)."""
    out: dict[str, int] = {}
    for table in teachers:
        names = table.values.get("name") or [None] * len(table)
        states = table.values.get("active") or [None] * len(table)
        for name, state in zip(names, states, strict=True):
            if isinstance(name, str) and in_post(state):
                out.setdefault(name, len(out))
    return out


class TeachersInPost:
    """Whom a child's 帮扶教师 cell names as its support teacher, as the summary, lbc due,
    the watch list (WCH012), the contact cards and the birthday list count it: a teacher in
    post on the teachers list; any name when no teachers list was read."""

    def __init__(self, teachers: list[Table]) -> None:
        self.listed = bool(teachers)
        self.active = active_teachers(teachers)
        self.named = {n for tb in teachers for n in tb.values.get("name") or ()}

    def of(self, teacher: object) -> str | None:
        """The teacher a 帮扶教师 cell names, when it supports the child; else None."""
        if not isinstance(teacher, str) or (self.listed and teacher not in self.active):
            return None
        return teacher


def class_rank(cls: object) -> tuple[int, int, int]:
    """Classes in school order (一年级(1)班, 一年级(2)班, 二年级(1)班 …), then every row
    whose class is missing or unreadable; callers append their own tie-breaks."""
    if cls.__class__ is nz.ClassRef:
        return (0, cls.grade, cls.number)  # type: ignore[attr-defined]
    return (1, 0, 0)


def named_children(namesakes: Iterable[tuple[K, object]], cls: object) -> list[K]:
    """The children a support record points at, of the ``(child, class)`` pairs that share
    its name: all of them when the record gives no class; of several, those in its class; a
    single one unless the roster puts it in another class."""
    found = list(namesakes)
    if cls.__class__ is not nz.ClassRef or not found:
        return [child for child, _ in found]
    if len(found) > 1:
        return [child for child, their in found if their == cls]
    child, their = found[0]
    return [child] if their == cls or their.__class__ is not nz.ClassRef else []


def birth_date(birth: object, ident: object) -> object:
    """A person's birth date: its column's, else the one an 18-character ID holds."""
    if birth.__class__ in (dt.date, nz.YearMonth) or not isinstance(ident, str):
        return birth
    try:
        return dt.date(int(ident[6:10]), int(ident[10:12]), int(ident[12:14]))
    except ValueError:
        return None


def age_on(born: object, as_of: dt.date) -> int | None:
    """Whole years from ``born`` (a date, or a month) to ``as_of``; None when not a date."""
    if born.__class__ not in (dt.date, nz.YearMonth):
        return None
    assert isinstance(born, dt.date)
    return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
