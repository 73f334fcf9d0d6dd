"""``lbc pair``'s core: from the roster to a pairing a head of department can sign.

Reads who is to be paired, who can support them and last term's pairs out of the tables,
hands the numbers to :mod:`lbc.matching`, and turns the answer back into children, teachers
and reasons in words. Children who have left (转出, 毕业) are not paired; a child entered
twice (same ID number) is paired once. Schools are paired separately when both the children
and the teachers carry a 学校 column, as a county's merged roster does.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from lbc import matching
from lbc import normalise as nz
from lbc.contacts import LEFT_SCHOOL
from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import Roster, Table, distinct_children

# What makes a child a priority (rule 2), by the category words the normaliser gives.
PRIORITY_CATEGORIES = ("孤儿", "残疾", "建档立卡", "低保", "贫困", "学困")
# 职务 words that make a teacher a school leader (班主任 is removed first: it is not one).
LEADER_WORDS = ("校长", "书记", "主任", "校领导", "行政", "园长")


@dataclass
class ChildRow:
    """One child to pair, where it sits in the roster and what pairing needs to know."""

    name: str
    cls: str  # the class as a person reads it
    file: str
    sheet: str
    row: int
    school: str
    priority: list[str]  # why the child is a priority, in words; empty when not
    previous: str | None  # last term's teacher
    ref: nz.ClassRef | None  # the class, when readable
    grade: int | None
    left_behind_type: str | None = None
    gender: str | None = None


@dataclass
class TeacherRow:
    name: str  # as the roster spells it
    shown: str  # as printed: the name, with the row added when two teachers share it
    file: str
    sheet: str
    row: int
    school: str
    role: str
    phone: str | None
    subjects: str
    capacity: int
    why_none: str  # why the teacher has no places, in words; empty when it has some
    problem: matching.Teacher = field(repr=False)


@dataclass
class Pair:
    child: ChildRow
    teacher: TeacherRow
    reason: str
    kept: bool


@dataclass
class Unpaired:
    child: ChildRow
    why: str


@dataclass
class Idle:
    teacher: TeacherRow
    why: str


@dataclass
class Pairing:
    pairs: list[Pair]
    unpaired: list[Unpaired]
    idle: list[Idle]
    teachers: list[TeacherRow]
    summary: dict[str, int]
    notes: list[str]  # for stderr: duplicates skipped, last term's teachers not found …

    def loads(self) -> dict[int, list[Pair]]:
        """Each teacher's pairs, by the teacher's position in ``teachers``."""
        by_teacher: dict[int, list[Pair]] = {id(x): [] for x in self.teachers}
        for p in self.pairs:
            by_teacher[id(p.teacher)].append(p)
        return {i: by_teacher[id(x)] for i, x in enumerate(self.teachers)}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _class_label(value: object) -> str:
    if isinstance(value, nz.ClassRef):
        return str(value)
    return value.raw if isinstance(value, nz.Bad) else ""


def _priority(table: Table, i: int) -> list[str]:
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


def previous_pairs(
    keep: Roster,
) -> tuple[dict[str, str], dict[tuple[str, str, str], str | None]]:
    """Last term's pairs from a previous pairs file (lbc's own 结对名单, or any roster with a
    帮扶教师 column): by ID number, and by school, name and class (school "" when the file
    has none). A child listed twice with different teachers says nothing (None)."""
    by_id: dict[str, str] = {}
    by_name: dict[tuple[str, str, str], str | None] = {}
    for table in keep.children:
        if not table.has("support_teacher"):
            continue
        for i in range(len(table)):
            teacher = table.get("support_teacher", i)
            name = table.get("name", i)
            if not isinstance(teacher, str) or not isinstance(name, str):
                continue
            ident = table.get("id_number", i)
            if isinstance(ident, str):
                by_id[ident] = teacher
            key = (_text(table.get("school", i)), name, _class_label(table.get("class", i)))
            by_name[key] = teacher if by_name.get(key, teacher) == teacher else None
    return by_id, by_name


def _children(
    roster: Roster, keep: Roster | None, notes: list[str]
) -> tuple[list[ChildRow], dict[str, int]]:
    by_id, by_name = previous_pairs(keep) if keep else ({}, {})
    counts = {"left_school": 0, "duplicates": 0}
    out: list[ChildRow] = []
    for table, i, first in distinct_children(roster.children):
        if table.get("enrollment_status", i) in LEFT_SCHOOL:
            counts["left_school"] += 1
            continue
        # A repeat of a row still at school; a child who left and is back is paired.
        if first is not None and first[0].get("enrollment_status", first[1]) not in LEFT_SCHOOL:
            counts["duplicates"] += 1
            notes.append(
                t(
                    "pair.note.duplicate",
                    sheet=table.sheet,
                    row=table.rows[i],
                    first_sheet=first[0].sheet,
                    first=first[0].rows[first[1]],
                )
            )
            continue
        ident = table.get("id_number", i)
        cls = table.get("class", i)
        name = _text(table.get("name", i))
        label = _class_label(cls)
        if isinstance(cls, nz.ClassRef):
            ref, grade = cls, cls.grade
        else:
            ref, grade = None, table.get("grade", i)
            grade = grade if isinstance(grade, int) else None
        previous = _text(table.get("support_teacher", i)) or None
        if keep is not None:
            kept = by_id.get(ident) if isinstance(ident, str) else None
            school = _text(table.get("school", i))
            kept = kept or by_name.get((school, name, label)) or by_name.get(("", name, label))
            previous = kept or previous
        priority = _priority(table, i)
        kind = table.get("left_behind_type", i)
        gender = table.get("gender", i)
        out.append(
            ChildRow(
                name=name,
                cls=label,
                file=table.file,
                sheet=table.sheet,
                row=table.rows[i],
                school=_text(table.get("school", i)),
                priority=priority,
                previous=previous,
                ref=ref,
                grade=grade,
                left_behind_type=kind if isinstance(kind, str) else None,
                gender=gender if isinstance(gender, str) else None,
            )
        )
    return out, counts


def _is_leader(role: str) -> bool:
    role = role.replace("班主任", "")
    return any(word in role for word in LEADER_WORDS)


def _teachers(roster: Roster, max_per_teacher: int) -> list[TeacherRow]:
    out: list[TeacherRow] = []
    names: dict[str, int] = {}
    for table in roster.teachers:
        for name in table.values.get("name", []):
            if isinstance(name, str):
                names[name] = names.get(name, 0) + 1
    for table in roster.teachers:
        for i in range(len(table)):
            name = _text(table.get("name", i))
            role = _text(table.get("role", i))
            classes = table.get("classes", i)
            classes = classes if isinstance(classes, tuple) else ()
            active = table.get("active", i)
            capacity = table.get("capacity", i)
            why = ""
            if active == "否":
                why = t("pair.idle.inactive")
            elif isinstance(active, nz.Bad):
                why = t("pair.idle.unknown_status", value=active.raw)
            elif isinstance(capacity, int) and capacity <= 0:
                why = t("pair.idle.no_places")
            places = 0 if why else capacity if isinstance(capacity, int) else max_per_teacher
            if not why and places == 0:
                why = t("pair.idle.no_places")
            head = frozenset(classes) if "班主任" in role else frozenset()
            phone = table.get("phone", i)
            out.append(
                TeacherRow(
                    name=name,
                    shown=name
                    if names.get(name, 0) < 2
                    else t("pair.same_name", name=name, row=table.rows[i]),
                    file=table.file,
                    sheet=table.sheet,
                    row=table.rows[i],
                    school=_text(table.get("school", i)),
                    role=role,
                    phone=phone if isinstance(phone, str) else None,
                    subjects=_text(table.get("subjects", i)),
                    capacity=places,
                    why_none=why,
                    problem=matching.Teacher(
                        capacity=places,
                        head_of=head,
                        teaches=frozenset(classes),
                        grades=frozenset(c.grade for c in classes),
                        first=_is_leader(role) or table.get("party_member", i) == "是",
                    ),
                )
            )
    return out


@dataclass
class School:
    """One school's pairing problem: its children and teachers, and the same as numbers for
    :func:`lbc.matching.match` (last term's teacher as a position in ``teachers``)."""

    name: str
    children: list[ChildRow]
    teachers: list[TeacherRow]
    problem: list[matching.Child]

    def solve(self) -> list[int | None]:
        try:
            return matching.match(self.problem, [x.problem for x in self.teachers])
        except matching.TooLarge as exc:
            name = self.name or "-"
            raise LbcError(t("err.pair_too_large", school=name, count=len(self.children))) from exc


def schools(
    roster: Roster, max_per_teacher: int, keep: Roster | None = None
) -> tuple[list[School], dict[str, int], list[str]]:
    """Each school's problem, what was left out (counts), and notes for stderr.

    One school unless both the children and the teachers carry a 学校 column.
    """
    notes: list[str] = []
    children, counts = _children(roster, keep, notes)
    teachers = _teachers(roster, max_per_teacher)
    split = all(x.has("school") for x in roster.children + roster.teachers)
    groups: dict[str, School] = {}
    for c in children:
        key = c.school if split else ""
        groups.setdefault(key, School(key, [], [], [])).children.append(c)
    for x in teachers:
        key = x.school if split else ""
        groups.setdefault(key, School(key, [], [], [])).teachers.append(x)
    unknown: set[str] = set()
    for school in groups.values():
        # A name, or the name with its row as lbc writes two teachers of one name.
        by_name: dict[str, list[int]] = {}
        for j, x in enumerate(school.teachers):
            by_name.setdefault(x.name, []).append(j)
            if x.shown != x.name:
                by_name.setdefault(nz.name(x.shown) or x.shown, []).append(j)
        for c in school.children:
            previous = tuple(by_name.get(c.previous, ())) if c.previous else ()
            if c.previous and not previous:
                unknown.add(c.previous)
            school.problem.append(matching.Child(c.ref, c.grade, bool(c.priority), previous))
    notes += [t("pair.note.unknown_teacher", name=name) for name in sorted(unknown)]
    return list(groups.values()), counts, notes


def _reason(child: matching.Child, teacher: TeacherRow, kept: bool) -> str:
    if kept:
        return t("pair.reason.kept")
    d = matching.distance(child, teacher.problem)
    if d == matching.HEAD:
        return t("pair.reason.head")
    if d == matching.TEACHES:
        return t("pair.reason.teaches", subject=teacher.subjects)
    if d == matching.SAME_GRADE:
        return t("pair.reason.grade")
    return t("pair.reason.anyone")


def pair(roster: Roster, max_per_teacher: int, keep: Roster | None = None) -> Pairing:
    """Pair every child that can be paired; refuses (LbcError) when nobody can support."""
    if not roster.teachers:
        raise LbcError(t("err.pair_no_teachers"))
    problems, counts, notes = schools(roster, max_per_teacher, keep)
    teachers = [x for school in problems for x in school.teachers]
    if not any(x.capacity for x in teachers):
        raise LbcError(t("err.pair_no_places"))

    pairs: list[Pair] = []
    unpaired: list[Unpaired] = []
    for school in problems:
        got = school.solve()
        short = sum(g is None for g in got)
        no_one = not any(x.capacity for x in school.teachers)
        for c, problem, g in zip(school.children, school.problem, got, strict=True):
            if g is None:
                why = t("pair.why.no_teacher") if no_one else t("pair.why.short", short=short)
                unpaired.append(Unpaired(c, why))
                continue
            x = school.teachers[g]
            kept = g in problem.previous
            pairs.append(Pair(c, x, _reason(problem, x, kept), kept))

    busy = {id(p.teacher) for p in pairs}
    idle = [Idle(x, x.why_none or t("pair.idle.no_child")) for x in teachers if id(x) not in busy]
    kept = sum(p.kept for p in pairs)
    summary = {
        "children": len(pairs) + len(unpaired) + counts["left_school"] + counts["duplicates"],
        "to_pair": len(pairs) + len(unpaired),
        "paired": len(pairs),
        "kept": kept,
        "new": len(pairs) - kept,
        "unpaired": len(unpaired),
        "left_school": counts["left_school"],
        "duplicates": counts["duplicates"],
        "teachers": len(teachers),
        "places": sum(x.capacity for x in teachers),
        "teachers_with_children": len(busy),
        "idle_teachers": len(idle),
    }
    pairs.sort(key=_child_order)
    unpaired.sort(key=_child_order)
    return Pairing(pairs, unpaired, idle, teachers, summary, notes)


def _child_order(item: Pair | Unpaired) -> tuple[Hashable, ...]:
    c = item.child
    ref = c.ref
    if ref is not None:
        return (c.school, 0, ref.grade, ref.number, c.file, c.row)
    return (c.school, 1, 0, 0, c.file, c.row)
