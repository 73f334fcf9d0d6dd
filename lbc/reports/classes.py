"""Children grouped by class with the class's head teacher: the shape of every to-do list a
school hands out (lbc flag, lbc watch, lbc birthdays), one class to each head teacher.

Classes come in school order, rows without a readable class last; with several schools (a
folder, a county's merged roster) each class is named with its school.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.people import class_rank
from lbc.roster.tables import cells_held, class_label
from lbc.workspace.schools import schools_of

T = TypeVar("T")


@dataclass
class ClassGroup(Generic[T]):
    cls: str
    head_teachers: list[str]
    children: list[T] = field(default_factory=list)


def head_teachers(
    roster: Roster, school: Callable[[Table, int], str] | None = None
) -> dict[tuple[str, nz.ClassRef], list[str]]:
    """Each class's head teacher(s), by school and class (lbc.roster.normalise.head_classes); with
    no ``school`` every teacher is of one school ("")."""
    heads: dict[tuple[str, nz.ClassRef], list[str]] = {}
    for table in roster.teachers:
        # A 姓名 showing a formula's error (#N/A) names nobody, as an empty one: no head
        # teacher, as it is no teacher in post (TeachersInPost); VAL007 says the cell.
        names = cells_held(table, "name")
        for i, name in enumerate(names):
            role, classes = table.get("role", i), table.get("classes", i)
            if not name:
                continue
            where = school(table, i) if school else ""
            listed = classes if isinstance(classes, tuple) else ()
            for ref in nz.head_classes(role, listed):
                names = heads.setdefault((where, ref), [])
                if name not in names:
                    names.append(name)
    return heads


def _schools(roster: Roster) -> Callable[[Table, int], str] | None:
    """Each row's school when the roster holds several (a folder, a county's merged
    roster), else None: a school's own to-do list does not repeat its name on every class."""
    schools = schools_of(roster)
    return schools.of if schools.several else None


def _class_key(table: Table, i: int) -> tuple[object, str]:
    """A row's class and its name (class_label): a class whose cell shows a formula's error
    (#N/A) is none, its child under 班级不明; an unreadable one (不知道, or " #N/A" typed
    with a space) is the text it is, its children under it, as typed."""
    cls = table.get("class", i)
    return (cls if isinstance(cls, nz.ClassRef) else None), class_label(table, i)


def by_class(roster: Roster, rows: Iterable[tuple[Table, int, T]]) -> list[ClassGroup[T]]:
    """``rows`` (a child's table, its index, what the list says of it) grouped by class, in
    school order; within a class, in the order given."""
    school = _schools(roster)
    heads = head_teachers(roster, school)
    groups: dict[str, ClassGroup[T]] = {}
    refs: dict[str, tuple[str, object]] = {}
    for table, i, item in rows:
        ref, label = _class_key(table, i)
        where = school(table, i) if school else ""
        label = f"{where} {label}" if where else label
        group = groups.get(label)
        if group is None:
            names = heads.get((where, ref), []) if isinstance(ref, nz.ClassRef) else []
            group = groups[label] = ClassGroup(label, list(names))
            refs[label] = (where, ref)
        group.children.append(item)

    def order(label: str) -> tuple:
        where, ref = refs[label]
        return (where, *class_rank(ref), label)

    return [groups[k] for k in sorted(groups, key=order)]


def overlap_note(again: int) -> str | None:
    """The sentence said under a list by school or by class whose rows add up to more than
    its total (lbc summary's tables, lbc flag's and lbc watch's lists), in the language of
    the output it is said in: a child two schools list is in a row or a class of each, and
    one child of the total. ``again``: how many children the list gives more than one row;
    None when none."""
    return t("sum.schools_overlap", count=again) if again else None
