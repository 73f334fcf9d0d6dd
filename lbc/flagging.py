"""``lbc flag``: everyone who cannot be reached, as a to-do list per class.

A school hands each head teacher the families of their own class to call, so children are
grouped by class with that class's head teacher; teachers without a phone come last. A
malformed phone counts as missing here, since nobody can dial it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lbc import normalise as nz
from lbc.contacts import contact_gaps
from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import Roster, Table


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


def head_teachers(roster: Roster) -> dict[nz.ClassRef, list[str]]:
    """Each class's head teacher(s): by lbc.normalise.head_classes."""
    heads: dict[nz.ClassRef, list[str]] = {}
    for table in roster.teachers:
        for i in range(len(table)):
            role, classes, name = (table.get(k, i) for k in ("role", "classes", "name"))
            if not name or not isinstance(classes, tuple):
                continue
            for ref in nz.head_classes(role, classes):
                heads.setdefault(ref, [])
                if name not in heads[ref]:
                    heads[ref].append(name)
    return heads


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
    heads = head_teachers(roster)
    groups: dict[str, ClassGroup] = {}
    refs: dict[str, object] = {}
    for table in roster.children:
        for i, missing in contact_gaps(table, usable_only=True).items():
            ref, label = _class_key(table, i)
            group = groups.get(label)
            if group is None:
                names = heads.get(ref, []) if isinstance(ref, nz.ClassRef) else []
                group = groups[label] = ClassGroup(label, list(names))
                refs[label] = ref
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
        ref = refs[label]
        if isinstance(ref, nz.ClassRef):
            return (0, ref.grade, ref.number, label)
        return (1, 0, 0, label)

    # A teacher list without a phone column leaves every teacher unreachable.
    teachers = [
        FlaggedTeacher(table.get("name", i) or "", table.file, table.sheet, table.rows[i])
        for table in roster.teachers
        for i in range(len(table))
        if table.get("phone", i) is None or isinstance(table.get("phone", i), nz.Bad)
    ]
    return FlagReport([groups[k] for k in sorted(groups, key=order)], teachers)
