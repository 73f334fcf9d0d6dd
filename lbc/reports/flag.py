"""``lbc flag``: everyone who cannot be reached, as a to-do list per class.

A school hands each head teacher the families of their own class to call, so children are
grouped by class with that class's head teacher; teachers without a phone come last. A
malformed phone counts as missing here, since nobody can dial it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lbc.checks.contacts import contact_gaps
from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import normalise as nz
from lbc.roster.people import class_rank
from lbc.roster.tables import Roster, Table
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
class ClassGroup:
    cls: str
    head_teachers: list[str]
    children: list[FlaggedChild] = field(default_factory=list)


@dataclass
class FlaggedTeacher:
    name: str
    file: str
    sheet: str
    row: int


@dataclass
class FlagReport:
    classes: list[ClassGroup]
    teachers: list[FlaggedTeacher]

    @property
    def children_count(self) -> int:
        return sum(len(g.children) for g in self.classes)


def head_teachers(
    roster: Roster, school: Callable[[Table, int], str] | None = None
) -> dict[tuple[str, nz.ClassRef], list[str]]:
    """Each class's head teacher(s), by school and class (lbc.roster.normalise.head_classes); with
    no ``school`` every teacher is of one school ("")."""
    heads: dict[tuple[str, nz.ClassRef], list[str]] = {}
    for table in roster.teachers:
        for i in range(len(table)):
            role, classes, name = (table.get(k, i) for k in ("role", "classes", "name"))
            if not name or not isinstance(classes, tuple):
                continue
            where = school(table, i) if school else ""
            for ref in nz.head_classes(role, classes):
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
    cls = table.get("class", i)
    if isinstance(cls, nz.ClassRef):
        return cls, str(cls)
    if isinstance(cls, nz.Bad):
        return None, cls.raw
    return None, ""


def flag(roster: Roster) -> FlagReport:
    """The to-do list; refuses (LbcError) when the roster cannot say who is reachable."""
    for table in roster.children:
        if not table.has("left_behind_type"):
            raise LbcError(t("err.flag_no_type", file=table.file, sheet=table.sheet))
    school = _schools(roster)
    heads = head_teachers(roster, school)
    groups: dict[str, ClassGroup] = {}
    refs: dict[str, tuple[str, object]] = {}
    for table in roster.children:
        for i, missing in contact_gaps(table, usable_only=True).items():
            ref, label = _class_key(table, i)
            where = school(table, i) if school else ""
            label = f"{where} {label}" if where else label
            group = groups.get(label)
            if group is None:
                names = heads.get((where, ref), []) if isinstance(ref, nz.ClassRef) else []
                group = groups[label] = ClassGroup(label, list(names))
                refs[label] = (where, ref)
            kind = table.get("left_behind_type", i)
            group.children.append(
                FlaggedChild(
                    name=table.get("name", i) or "",
                    file=table.file,
                    sheet=table.sheet,
                    row=table.rows[i],
                    left_behind_type=kind if isinstance(kind, str) else None,
                    missing=[m.field for m in missing],
                    missing_text=[m.what for m in missing],
                )
            )

    def order(label: str) -> tuple:
        where, ref = refs[label]
        return (where, *class_rank(ref), label)

    # A teacher list without a phone column leaves every teacher unreachable.
    teachers = [
        FlaggedTeacher(table.get("name", i) or "", table.file, table.sheet, table.rows[i])
        for table in roster.teachers
        for i in range(len(table))
        if table.get("phone", i) is None or isinstance(table.get("phone", i), nz.Bad)
    ]
    return FlagReport([groups[k] for k in sorted(groups, key=order)], teachers)
