"""What changed between two rosters: the 动态管理 change log (新增, 转出, 信息变更).

Children are matched by ID number, else by name and birth date (the date column's, else
the one the ID holds: a child whose ID is new this term, or was typed as a number cell, is
still found), else by name and class (the same class, else the class a grade up: a class
changes every September, so it is the last resort), and each match says which rule made
it. Two rows holding two different ID numbers are one child, whose ID was corrected, only
by name and birth date, within one school, where each is the only row of that name and
birth date its school has on its side: a county has namesakes born the same day, who are
other children, and two IDs agreeing in nothing but a name and class are two children.
Moving up a grade (三年级(2)班 to 四年级(2)班) is not a change to record. Values are
compared after normalising, so 138-1234-5678 and 13812345678 are the same phone and no
change. A child missing from the new roster is gone, unless the old one already had it as
转出 or 毕业. ``lbc diff`` lists them; ``lbc summary --previous`` counts them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lbc.messages import t
from lbc.output.formula_errors import UNSAVED
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.fields import Kind
from lbc.roster.fields import field as field_of
from lbc.roster.merged_books import any_filled
from lbc.roster.people import births_differ, known_birth
from lbc.roster.tables import cells_held, class_label, distinct_children, id_of, shows_an_error

# The fields whose change a school records: the child's name, ID number, gender and birth
# date as corrected (a child found by ID number, by name and birth date), the ID filled in
# or emptied, who the child is counted as (类别: an orphan now; 重点帮扶对象), the parents
# and contacts, care, status and the pair; and, on a roster of several schools, the school
# a child moved to.
TRACKED = (
    "name",
    "id_number",
    "gender",
    "birth_date",
    "school",
    "class",
    "left_behind_type",
    "categories",
    "key_target",
    "enrollment_status",
    "health",
    "home_address",
    "guardian_name",
    "guardian_relation",
    "guardian_phone",
    "father_name",
    "father_phone",
    "mother_name",
    "mother_phone",
    "parent_name",
    "parent_phone",
    "father_work_place",
    "mother_work_place",
    "parent_work_place",
    "support_teacher",
)
BY_ID, BY_NAME_BIRTH, BY_NAME_CLASS = "id_number", "name_birth_date", "name_class"
# The rule each matching level is: name and class twice, the old class as it was, then a
# grade up (last term's 三年级(2)班 is this autumn's 四年级(2)班).
LEVELS = (BY_ID, BY_NAME_BIRTH, BY_NAME_CLASS, BY_NAME_CLASS)

Row = tuple[Table, int]
# A row's school (lbc.workspace.schools.Schools.of).
SchoolOf = Callable[[Table, int], str]


@dataclass
class Change:
    field: str
    old: str | None
    new: str | None
    # Each side (old, new) an ID number stored as a number cell (lbc validate ID004): its
    # last digits are lost, so the value shown is not the child's ID and is said unreadable.
    lost: tuple[bool, bool] = (False, False)
    # Each side a cell showing a formula's error (a failed VLOOKUP's #N/A, lbc validate
    # VAL007): no value, its text shown as the cell shows it (never masked, as it hides no
    # number) and said a formula's error, not read as a new ID number or phone.
    errors: tuple[bool, bool] = (False, False)
    # Each side's 年级 cell, where the class is read of 年级 and 班级 columns, it shows a
    # formula's error (#N/A) as written, and the 班级 is a class number alone (2班): the
    # class read without its grade, which is lost (_grade_error).
    grade_errors: tuple[str | None, str | None] = (None, None)

    def said(self, side: int, shown: Any) -> Any:
        """Side ``side`` (0: old, 1: new) as the change log says it, ``shown`` being its
        value as printed (masked per privacy) or as written (whole, in the workbook): one
        wording for every output, so that none says a side another does not. A cell
        showing a formula's error as it shows it, #N/A, never masked into #N** as if a
        number were hidden in it, and said one, its value lost; a class whose 年级 cell
        shows one said read without its grade; an ID number stored as a number cell said
        unreadable, so its digits are never read as the ID. Text typed to look like a
        formula's error (" #N/A", with a space) hides no number either: said as typed,
        never masked into " #***" or an empty phone, nor trimmed into the error it is not."""
        value = (self.old, self.new)[side]
        if self.errors[side]:
            return t("cell.unsaved" if value == UNSAVED else "cell.formula_error", value=value)
        if value is not None and shows_an_error(value.strip()):
            return value
        if shown is None:
            return None
        grade = self.grade_errors[side]
        if grade is not None:
            return t("diff.grade_error", value=shown, error=grade)
        return t("diff.lost_digits", value=shown) if self.lost[side] else shown


@dataclass
class Matched:
    old: Row
    new: Row
    rule: str  # BY_ID, BY_NAME_BIRTH or BY_NAME_CLASS
    changes: list[Change] = field(default_factory=list)


@dataclass
class RosterDiff:
    matched: list[Matched]
    added: list[Row]
    gone: list[Row]
    # Each row's school on a roster of several (by id of its table): classes are named
    # with it, as every class list of a county names them.
    schools: dict[int, SchoolOf] = field(default_factory=dict)
    # Each side's (0: old, 1: new) sheets whose 身份证号 column holds no ID number but cells
    # showing a formula's error (#N/A: a VLOOKUP whose sheet was deleted), with those rows,
    # where the other side's 身份证号 column holds something to compare them with (IDs, or
    # cells showing an error). Their IDs were not compared, as a column left empty's are
    # not; but a school sees a column it left empty, and not one a broken formula emptied,
    # so it must be told. Against a roster with no such column, or one left empty (a school
    # that never typed IDs), no ID is compared in any case, and nothing is said.
    error_ids: list[tuple[int, Table, list[int]]] = field(default_factory=list)

    def describe(self, row: Row) -> dict[str, Any]:
        """The row as the change log shows it (``describe``), its class with its school."""
        of = self.schools.get(id(row[0]))
        return describe(row, (of(*row) or "") if of else "")

    def changed(self) -> list[Matched]:
        return [m for m in self.matched if m.changes]

    def rules(self) -> dict[str, int]:
        """How many children each match rule paired, in the order the rules are tried."""
        counts = Counter(m.rule for m in self.matched)
        return {rule: counts[rule] for rule in (BY_ID, BY_NAME_BIRTH, BY_NAME_CLASS)}


def _keys(table: Table, i: int, name: object, school: str | None = None) -> tuple[object, ...]:
    """A new row's key under each matching level: ID, name and birth date, name and class
    (twice: an old row's class is tried as it was, then a grade up, see _old_keys). A
    class is one school's: on county rosters ``school`` is the row's, and the name and
    class match only within it (a 李明 of 三年级(2)班 in each of two schools is two
    children; the name and a birth date are one child wherever she moved). ``name``: the
    row's in simplified characters (_names)."""
    ident = id_of(table, i)
    born = _born(table, i)
    cls = table.get("class", i)
    named = isinstance(name, str)
    by_class = (school, name, _class_key(cls)) if named and cls is not None else None
    return (
        ident if isinstance(ident, str) else None,
        (name, str(born)) if named and born is not None else None,
        by_class,
        by_class and (school, name, _stepped_to(cls)),
    )


def _class_key(cls: object) -> object:
    """A class as a name and class match on it: the class, or the text of one that cannot be
    read, which a child keeps from term to term just as it stands (2班 beside a 年级 cell
    showing #N/A): the same name and text on both sides, and no other, are one child, who
    was said gone and added again."""
    return ("unread", cls.raw) if isinstance(cls, nz.Bad) else cls


def _born(table: Table, i: int) -> dt.date | None:
    """Row ``i``'s birth date: its 出生日期 cell's, else the one its ID holds."""
    return known_birth(table.get("birth_date", i), id_of(table, i), table.get("id_kind", i))


def _names(rows: list[Row]) -> list[object]:
    """Each row's name in simplified characters: 張偉 one term and 张伟 the next is one
    child's name, found by name and birth date or class as by ID (_differ)."""
    names = [table.get("name", i) for table, i in rows]
    folded = iter(nz.simplified([n for n in names if isinstance(n, str)]))
    return [next(folded) if isinstance(n, str) else n for n in names]


def _old_keys(table: Table, i: int, name: object, school: str | None = None) -> tuple[object, ...]:
    """An old row's keys: a new row's, its class moved a grade up at the last level."""
    *keys, _ = _keys(table, i, name, school)
    by_class = keys[-1]
    if by_class is None:
        return (*keys, None)
    school, name, cls = by_class
    if not isinstance(cls, nz.ClassRef):
        return (*keys, by_class)
    return (*keys, (school, name, _stepped_to(_a_grade_up(cls))))


def _a_grade_up(cls: nz.ClassRef) -> nz.ClassRef:
    return nz.ClassRef(cls.grade + 1, cls.number)


# The first grade as the yearly step reaches it from 学前班: any of its classes, since a
# school's 学前班 (one, or numbered as the preschool's own) is divided among the first
# grade's classes as its children start school.
_FIRST_GRADE = "first grade"


def _stepped_to(cls: object) -> object:
    """A class as the yearly step reaches it: the class, or any first-grade class (the
    step from 学前班), so that a child of 学前班 is matched by name in whichever first-grade
    class she went on to, where only one child of her name went on to one; a class that
    cannot be read as its text (_class_key)."""
    if not isinstance(cls, nz.ClassRef):
        return _class_key(cls)
    return _FIRST_GRADE if cls.grade == 1 else cls


def _promoted(before: object, after: object) -> bool:
    """Moving up a grade each September is no change to record: in the same class number,
    or from 学前班 to any class of the first grade."""
    return (
        isinstance(before, nz.ClassRef)
        and isinstance(after, nz.ClassRef)
        and (after == _a_grade_up(before) or (before.grade == nz.PRESCHOOL and after.grade == 1))
    )


def diff_rosters(
    old: Roster, new: Roster, old_school: SchoolOf, new_school: SchoolOf
) -> RosterDiff:
    """Match every child of ``new`` with one of ``old`` where possible, and compare them;
    ``old_school`` and ``new_school``: each row's school on each side, as every command
    names it (lbc.workspace.schools.schools_of), so that a school known by its folder alone
    is one as validate counts it."""
    old_rows = [
        (tb, i)
        for tb, i, first in distinct_children(old.children, old.copy_schools())
        if first is None
    ]
    new_rows = [
        (tb, i)
        for tb, i, first in distinct_children(new.children, new.copy_schools())
        if first is None
    ]
    old_of, new_of = _several(old, old_school), _several(new, new_school)
    schools = {
        id(tb): of for roster, of in ((old, old_of), (new, new_of)) if of for tb in roster.children
    }
    # Classes are compared within a school where both rosters are of several.
    if not (old_of and new_of):
        old_of = new_of = None
    old_schools = [old_of(tb, i) if old_of else None for tb, i in old_rows]
    new_schools = [new_of(tb, i) if new_of else None for tb, i in new_rows]
    old_names, new_names = _names(old_rows), _names(new_rows)
    old_keys = [
        _old_keys(tb, i, old_names[n], old_schools[n]) for n, (tb, i) in enumerate(old_rows)
    ]
    indexes: list[dict[object, list[int]]] = [{} for _ in LEVELS]
    for n, keys in enumerate(old_keys):
        for index, key in zip(indexes, keys, strict=True):
            if key is not None:
                index.setdefault(key, []).append(n)
    # Each rule in turn over every row still unmatched, so a later row's ID is never lost to
    # an earlier row's weaker match; a key two rows share, on either side, matches nothing.
    new_keys = [_keys(tb, i, new_names[n], new_schools[n]) for n, (tb, i) in enumerate(new_rows)]
    # Each school's rows of a name and birth date, on each side, matched too: a namesake
    # born the same day in another school is another child, who makes none of these two.
    births = [
        Counter((school, k[1]) for school, k in zip(schools, keys, strict=True) if k[1])
        for schools, keys in ((old_schools, old_keys), (new_schools, new_keys))
    ]
    taken: set[int] = set()
    done: dict[int, Matched] = {}
    for level, rule in enumerate(LEVELS):
        open_new = [n for n in range(len(new_rows)) if n not in done]
        counts = Counter(new_keys[n][level] for n in open_new if new_keys[n][level] is not None)
        for n in open_new:
            key = new_keys[n][level]
            if key is None or counts[key] > 1:
                continue
            candidates = [o for o in indexes[level].get(key, []) if o not in taken]
            if len(candidates) != 1:
                continue
            (o,) = candidates
            # Two birth dates apart: two children of one name in one class, unless the
            # family is the one (a phone or the address): a date corrected.
            if rule == BY_NAME_CLASS and _births_apart(old_rows[o], new_rows[n]):
                continue
            if rule != BY_ID and _ids_apart(old_rows[o], new_rows[n]):
                # Two ID numbers, one each: one child whose ID was corrected only by name
                # and birth date, within one school, each row the only one of them its
                # school has on its side (not merely the only one left unmatched); else
                # two children, whom a name and class alone never make one.
                school = new_schools[n]
                if rule != BY_NAME_BIRTH or old_schools[o] != school:
                    continue
                if births[0][school, key] != 1 or births[1][school, key] != 1:
                    continue
            taken.add(o)
            done[n] = Matched(old_rows[o], new_rows[n], rule)
    matched = [done[n] for n in sorted(done)]
    added = [row for n, row in enumerate(new_rows) if n not in done]
    # A sheet whose 身份证号 column holds no ID at all is one the school did not fill in
    # (validate says so of each row), not each of its children's ID emptied or filled in.
    # Cells showing a formula's error hold nothing (cells_held); text typed like one
    # (" #N/A") the school typed, a value each of whose changes is said (_shows_an_error).
    no_ids = {
        id(tb)
        for roster in (old, new)
        for tb in roster.children
        if not any_filled(cells_held(tb, "id_number"))
    }
    # A side whose 身份证号 column holds nothing, as one it lacks, had no ID to compare: the
    # school never typed them. Cells showing an error are a column that held them.
    with_ids = [
        any(any_filled(tb.values.get("id_number") or []) for tb in roster.children)
        for roster in (old, new)
    ]
    error_ids = [
        (side, tb, rows)
        for side, roster in enumerate((old, new))
        if with_ids[1 - side]
        for tb in roster.children
        if id(tb) in no_ids
        and (rows := [i for i, v in enumerate(tb.values.get("id_number", ())) if shows_an_error(v)])
    ]
    for m in matched:
        moved = (old_of(*m.old), new_of(*m.new)) if old_of and new_of else None
        m.changes = _changes(m.old, m.new, moved, no_ids)
    # A child last term's roster already had as 转出 or 毕业 left then, not this term: its
    # leaving is on last term's change log, and no count of this term's leavers holds it.
    gone = [
        (tb, i)
        for n, (tb, i) in enumerate(old_rows)
        if n not in taken and tb.get("enrollment_status", i) not in nz.LEFT_SCHOOL
    ]
    return RosterDiff(matched, added, gone, schools, error_ids)


def error_id_notes(found: RosterDiff, message: str) -> list[str]:
    """A note per sheet whose 身份证号 column shows a formula's error where it holds
    anything (RosterDiff.error_ids), in ``message``'s words (lbc diff's, lbc summary's):
    its children's IDs were not compared, which the school must be told, or a broken
    VLOOKUP reads as every child's ID unchanged. A CSV file is named alone, having no
    sheet; on a side of several schools (a county's folder or merged roster) with the
    school whose rows these are, which a merged sheet's rows alone do not tell."""
    notes = []
    for side, table, rows in found.error_ids:
        first = rows[0]
        if Path(table.file).suffix.lower() == ".csv":
            where = table.file
        else:
            where = t("diff.where.sheet", file=table.file, sheet=table.sheet_at(first))
        of = found.schools.get(id(table))
        if of is not None:
            where = t("diff.where.school", where=where, school=of(table, first))
        notes.append(
            t(
                message,
                side=t(f"diff.side.{side}"),
                where=where,
                count=len(rows),
                row=table.rows[first],
                value=table.raw["id_number"][first],
            )
        )
    return notes


def _ids_apart(old: Row, new: Row) -> bool:
    """Whether both rows hold an ID number and they are not one (_differ): an ID filled in
    or emptied is a change of the child, but says nothing of whose the rows are."""
    (ot, oi), (nt, ni) = old, new
    before, after = id_of(ot, oi), id_of(nt, ni)  # a cell showing #N/A holds none
    return None not in (before, after) and _differ("id_number", before, after)


def _births_apart(old: Row, new: Row) -> bool:
    """Whether both rows give a birth date (its cell's, else its ID's), they differ, and
    no phone or address of the family is on both (_FAMILY): a name and class alone with
    two birth dates are two children (a new 李娜 in 三年级(1)班, another family's), but one
    family's child whose date was corrected (09-12 for 12-09) is the one."""
    before, after = _born(*old), _born(*new)
    if before is None or after is None or not births_differ(before, after):
        return False
    (ot, oi), (nt, ni) = old, new
    for key in _FAMILY:
        was = _compared(key, ot.get(key, oi)) if ot.has(key) else None
        if was is not None and was == (_compared(key, nt.get(key, ni)) if nt.has(key) else None):
            return False
    return True


# What tells one family: its phones and its address.
_FAMILY = ("guardian_phone", "father_phone", "mother_phone", "parent_phone", "home_address")


def _several(roster: Roster, school: SchoolOf) -> SchoolOf | None:
    """``school`` (each row's, as every command names it: lbc.workspace.schools.schools_of)
    on a roster of several schools (a county's merged roster, a folder of schools, told by
    their 学校 cells, lbc.toml, titles or folders); None on a roster of one school, whose
    name is no change to record (two terms may spell it two ways)."""
    names = {school(table, i) for table in roster.children for i in range(len(table))}
    return school if len(names) > 1 else None


def _changes(
    old: Row, new: Row, schools: tuple[str | None, str | None] | None, no_ids: set[int]
) -> list[Change]:
    """The tracked fields whose values differ: each field both sheets have (a cell emptied
    is a change), the ID number where neither sheet's column is empty throughout
    (``no_ids``, by id of the table), the birth date where both rows give one apart, the
    class unless moved a grade up, and the school where both rosters hold several
    (_several)."""
    (ot, oi), (nt, ni) = old, new
    found = []
    for key in TRACKED:
        if key == "school":
            before, after = schools or (None, None)
            if before is None or after is None:
                continue
        elif key == "birth_date":
            # As each side gives it, its cell's, else its ID's: a date left out of the cell
            # that the ID holds is no change, nor is 2015年3月 for 2015-03-04.
            before, after = _born(ot, oi), _born(nt, ni)
            if before is None or after is None or not births_differ(before, after):
                continue
        elif not (ot.has(key) and nt.has(key)) or (
            key == "id_number" and not no_ids.isdisjoint((id(ot), id(nt)))
        ):
            continue
        else:
            before, after = ot.get(key, oi), nt.get(key, ni)
        if key == "class" and _promoted(before, after):
            continue
        if _differ(key, before, after):
            found.append(
                Change(
                    key,
                    _side(ot, key, oi, before),
                    _side(nt, key, ni, after),
                    (_lost(before), _lost(after)),
                    (_shows_an_error(ot, key, oi, before), _shows_an_error(nt, key, ni, after)),
                    (_grade_error(ot, oi), _grade_error(nt, ni))
                    if key == "class"
                    else (None, None),
                )
            )
    return found


def _grade_error(table: Table, i: int) -> str | None:
    """Row ``i``'s 年级 cell as written where it shows a formula's error (#N/A) and its 班级
    cell is a class number alone (2班), which that grade would have made a class: the
    class read has no grade, which is lost. A 班级 naming its own grade (三年级(3)班) lost
    none, and one left blank or showing an error itself has no class number to read."""
    grades = table.raw.get("grade")
    cell = grades[i] if grades is not None else None
    if not shows_an_error_whole(cell):
        return None
    classes = table.raw.get("class")
    return cell if classes is not None and nz.class_number(classes[i]) is not None else None


def _shows_an_error(table: Table, key: str, i: int, value: object) -> bool:
    """Whether row ``i``'s ``key``, read as ``value``, is a cell showing a formula's error,
    as VAL007 decides (shows_an_error_whole): text typed " #N/A", with a space, reads as
    #N/A once trimmed but is text the school typed (VAL001 says it), a value and a change
    like any other, not one a broken formula lost."""
    raw = table.raw.get(key)
    return shows_an_error(value) and raw is not None and shows_an_error_whole(raw[i])


def _side(table: Table, key: str, i: int, value: object) -> str | None:
    """Row ``i``'s ``key`` as the change log shows it (_shown); a value read as a formula's
    error as its cell holds it, whole: #N/A as the cell shows it and VAL007 says it (Err:502,
    where the ID number read of it is ERR:502), text typed " #N/A" as typed, which trimmed
    would read as the error it is not (and be written as one in the change-log workbook)."""
    raw = table.raw.get(key)
    if shows_an_error(value) and raw is not None and raw[i].__class__ is str:
        return raw[i]
    return _shown(value)


def _lost(value: object) -> bool:
    return value.__class__ is nz.NumericId


def _shown(value: object) -> str | None:
    """A value as the change log shows it; an ID number stored as a number cell as its
    digits (nz.kept_digits), an ID's run of digits masked as any ID is, even where a CSV
    file held it as 5.11322201E+17."""
    return nz.kept_digits(value) if _lost(value) else nz.display(value)  # type: ignore[arg-type]


# Places, whose numbered parts a school writes in words or digits (幸福村三组, 幸福村3组).
_PLACES = frozenset({"home_address", "father_work_place", "mother_work_place", "parent_work_place"})
# People's names, written in traditional characters one term (張大爺), and with who they are
# in brackets after (张大爷（祖父）).
_NAMES = frozenset({"name", "guardian_name", "father_name", "mother_name", "parent_name"})
_REMARK_AFTER = re.compile(r"[(（][^()（）]*[)）]$")


def _compared(key: str, value: object) -> str | None:
    """A value as shown, without the spaces a school types or leaves out between the parts
    of an address or a work place (幸福村 3组, 广东 深圳), and a place's numbered parts in
    digits (幸福村三组 is 幸福村3组: nz.place_key): no change to record, nor a reason to
    watch a child (WCH017). What the change log shows is each value as typed."""
    shown = nz.display(value)
    if shown is None:
        return None
    return nz.place_key(shown) if key in _PLACES else "".join(shown.split())


def _differ(key: str, before: object, after: object) -> bool:
    """Whether a tracked field's two values differ (_compared); a name written in
    traditional characters one term and simplified the next (張雨涵, 张雨涵) is one name,
    as a record finds its child by either: converted only where the two differ at all. An
    ID number filled in or emptied is a change, as any cell is; two ID numbers are one
    where they are equal, or one is a number cell whose kept digits are the other's
    (nz.same_id): its lost digits are no correction, and validate cannot see a correction
    (one well-formed number for another)."""
    if key == "id_number":
        if before is None or after is None:
            return before is not after
        return not nz.same_id(before, after)
    if key in _UNSAID:
        # 类别 in any order, 无 as no category; 重点帮扶对象 否 as left empty: the same.
        before, after = (_UNSAID[key](v) for v in (before, after))
        if before.__class__ is frozenset and after.__class__ is frozenset:
            return before != after
    was, now = _compared(key, before), _compared(key, after)
    if was == now:
        return False
    if was is None or now is None:
        return True
    if key in _WORK_PLACES and _same_work_place(was, now):
        return False
    if key in _PLACES:
        return not _same_place(was, now)
    if key in _NAMES:
        # 張大爺 and 张大爷, 张大爷（祖父） and 张大爷: one person, a relation said beside.
        was, now = (_REMARK_AFTER.sub("", x) or x for x in (was, now))
        return len(set(nz.simplified([was, now]))) == 2
    return True


# The divisions an address opens with, province to county (四川省, 南充市, 南部县,
# 镇雄县, 永州市, 凉山彝族自治州), each a name of one to eight characters (州 in it before
# 市, 省, 区 or 县: 永州市, 万州区) and its level's word; they end where a town's or a
# village's name comes (城关镇东街社区, 幸福村市场: _TOWN), or a street's or 街道's named
# after a 州 (乾州街道, 杭州路: no 州 of their own).
_DIVISION = re.compile(
    r"(?:[^省市县区州盟旗]|州(?=[市省区县])){1,8}?"
    r"(?:自治区|自治州|自治县|地区|省|市|州(?![市省区县]|街|路|大道|巷)|盟|县|区|旗)"
)
_TOWN = re.compile(r"[^省市县区州盟旗]{1,6}?(?:镇|乡|街道|村|社区|小区|街)")
# The province-level cities, whose districts (万州区) are placed by no other city.
_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# The provinces as written without their level's word (四川 of 四川顺庆区), each with the
# division it is (_key: 广西 for 广西壮族自治区, 重庆 for 重庆市).
_PROVINCES = [
    *((name, f"{name}省") for name in (
        "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
        "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南",
        "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾",
    )),
    *((city[:-1], city) for city in sorted(_MUNICIPALITIES)),
]  # fmt: skip
# The peoples an autonomous division is named for (凉山彝族自治州, 伊犁哈萨克自治州), as its
# name writes them: with 族, the longest first (土家族 before 土族), else a name of two or
# more characters alone (哈萨克; 白 only as 白族).
_PEOPLE_NAMES = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
_PEOPLES = [
    *sorted((f"{p}族" for p in _PEOPLE_NAMES), key=len, reverse=True),
    *sorted((p for p in _PEOPLE_NAMES if len(p) > 1), key=len, reverse=True),
]
# The characters of a level's word: a name written without its word holds none.
_LEVEL_WORDS = frozenset("省市县区州盟旗")


def _divisions(place: str) -> tuple[list[str], str]:
    """A place (nz.place_key) as the divisions it opens with and the rest (四川省南部县青山镇
    幸福村3组: 四川省, 南部县 and 青山镇幸福村3组)."""
    units, at = [], 0
    while (m := _DIVISION.match(place, at)) is not None and m.end() < len(place):
        if (town := _TOWN.match(place, at)) is not None and town.end() <= m.end():
            break  # a town's name (城关镇) before the level's word: no division
        units.append(m.group())
        at = m.end()
    return units, place[at:]


def _stem(name: str) -> str:
    """An autonomous division's name before the peoples it is named for (湘西土家族苗族:
    湘西; 伊犁哈萨克: 伊犁), never shorter than two characters (内蒙古 stays whole)."""
    while (
        word := next((w for w in _PEOPLES if name.endswith(w) and len(name) - len(w) >= 2), None)
    ) is not None:
        name = name[: -len(word)]
    return name


def _key(unit: str) -> str:
    """A division as compared: an autonomous prefecture or county as its short form says it
    (湘西土家族苗族自治州 and 湘西州, 石柱土家族自治县 and 石柱县), a region as a province
    (广西壮族自治区: 广西省); any other as written."""
    for word, level in (("自治州", "州"), ("自治县", "县"), ("自治区", "省")):
        if unit.endswith(word) and len(unit) > len(word):
            return _stem(unit[: -len(word)]) + level
    return unit


def _forms(unit: str) -> list[str]:
    """The ways a division is written inside another's name, its level's word left out
    (成都天府新区: 成都 for 成都市; 四川南充市: 四川 for 四川省), the longest first."""
    key = _key(unit)
    forms = [unit, key] if key != unit else [unit]
    if key.endswith(("省", "市", "州")) and len(key) >= 3:
        forms.append(key[:-1])
    return forms


def _level(unit: str) -> str | None:
    """A division's level as its word says it (a 市 a prefecture's or a county's by where
    it stands); None for a name written without its word (四川 of 四川南充市)."""
    if unit in _MUNICIPALITIES or unit.endswith("省"):
        return "province"
    if unit.endswith(("州", "地区", "盟")):
        return "prefecture"
    if unit.endswith("市"):
        return "city"
    if unit.endswith(("县", "旗")):
        return "county"
    return "district" if unit.endswith("区") else None


def _peeled(units: list[str]) -> list[str]:
    """Divisions with a province written without its word before another split off
    (四川南充市: 四川省, 南充市; 江苏南京市: 江苏省, 南京市), where what is left is a division of
    a name of its own (not 海南藏族自治州, 吉林市 or 西藏自治区, named as the province is)."""
    peeled = []
    for unit in units:
        rest = next(
            (
                (province, unit[len(name) :])
                for name, province in _PROVINCES
                if unit.startswith(name)
                and _key(unit)[:-1] != name
                and _DIVISION.fullmatch(unit, len(name)) is not None
            ),
            None,
        )
        peeled.extend(rest or [unit])
    return peeled


def _read(units: list[str], other: list[str]) -> list[str]:
    """One place's divisions (_divisions) as compared with another's (``other``): each as
    its key (_key), and one the other does not name read as the other's, or a province,
    written together without their levels' words (成都天府新区: 成都市, 天府新区; 四川顺庆区:
    四川省, 顺庆区), or as such after a name of no level (南京鼓楼区 beside 鼓楼区: 南京,
    鼓楼区)."""
    known = {_key(unit) for unit in other}
    forms = [(form, _key(unit)) for unit in other for form in _forms(unit)] + _PROVINCES
    read: list[str] = []
    for unit in units:
        key = _key(unit)
        pieces = None if key in known else _written_of(unit, forms)
        read.extend(pieces or [key])
    return read


def _written_of(unit: str, forms: list[tuple[str, str]]) -> list[str] | None:
    """``unit`` as divisions ``forms`` writes, whole, or after a name of two or more
    characters holding no level's word; None where it is not."""

    def pieces(at: int) -> list[str] | None:
        if at == len(unit):
            return []
        for form, key in forms:
            if unit.startswith(form, at) and (after := pieces(at + len(form))) is not None:
                return [key, *after]
        return None

    if (whole := pieces(0)) is not None:
        return whole
    for at in range(1, len(unit)):
        if unit[at - 1] in _LEVEL_WORDS:
            return None
        if at >= 2 and (after := pieces(at)):
            return [unit[:at], *after]
    return None


def _same_place(was: str, now: str) -> bool:
    """Whether two places (nz.place_key) are one, spelled out further one term: a province,
    city or county written before it (四川省南部县… and 南部县…), or between (四川省南充市南部县…
    and 四川省南部县…), or short (成都天府新区… for 四川省成都市天府新区…, 湘西州 for 湘西土家族
    苗族自治州: _read). The rest after the divisions is the same, and the divisions one
    names are among the other's, in order, or both end in one county or county-level city
    (南充市南部县 and 四川省南部县) with no two provinces, cities or counties named before
    it (南充市阆中市 and 广元市阆中市); another county or city (营山县, 阆中市 for 南部县) is
    another place. A district (顺庆区, 鼓楼区, 城南新区) is placed by its city or county:
    named with one on one side only, it is not said the same place (江苏 has two 鼓楼区)."""
    (a, rest_a), (b, rest_b) = _divisions(was), _divisions(now)
    a, b = _peeled(a), _peeled(b)
    a, b = _read(a, b), _read(b, a)
    shared = list(
        itertools.takewhile(lambda pair: pair[0] == pair[1], zip(a[::-1], b[::-1], strict=False))
    )
    above_a, above_b = a[: len(a) - len(shared)], b[: len(b) - len(shared)]
    if shared and _level(shared[-1][0]) == "district" and _placed(above_a) != _placed(above_b):
        return False
    shorter, longer = sorted((was, now), key=len)
    if len(shorter) >= 6 and longer.endswith(shorter):
        return True
    if rest_a != rest_b or len(rest_a) < 4:
        return False
    # The same county or county-level city (南部县, 阆中市) among the divisions both end
    # in (西昌市经济开发区), not a district of any city's alone (经济开发区, 城南新区), with
    # no two provinces, cities or counties named before it.
    if any(_level(unit) in ("city", "county") for unit, _ in shared):
        return not _apart(above_a, above_b)
    fewer, more = sorted((a, b), key=len)
    it = iter(more)
    return all(unit in it for unit in fewer)


_WORK_PLACES = _PLACES - {"home_address"}
_PROVINCE_KEYS = frozenset(province for _, province in _PROVINCES)
# A city's 市 after its name, where a district, a town or nothing follows (深圳市宝安区,
# 东莞市长安镇, 东莞市), not inside a name (市中区, 沙市).
_CITY_WORD = re.compile(r"^([^省市县区盟旗]{2,4}?)市(?=[^区场]|$)")


def _same_work_place(was: str, now: str) -> bool:
    """Whether two parents' work places are one (广东省东莞市, 广东东莞 and 东莞): the same
    place after the province (_work_place), with the same province or one left unsaid. A
    work place is a city more often than an address, and schools write it every way."""
    (province_a, a), (province_b, b) = _work_place(was), _work_place(now)
    return a == b and (province_a == province_b or None in (province_a, province_b))


def _work_place(place: str) -> tuple[str | None, str]:
    """A work place as the province written before it, if one (广东省 for 广东省 and 广东,
    广西省 for 广西壮族自治区: _key), and the rest with a city's 市 left out (东莞市: 东莞)."""
    province, rest = None, place
    unit = _DIVISION.match(place)
    if unit is not None and _key(unit.group()) in _PROVINCE_KEYS:
        province, rest = _key(unit.group()), place[unit.end() :]
    else:
        for name, key in _PROVINCES:
            after = place[len(name) :]
            if place.startswith(name) and (not after or after[0] not in _LEVEL_WORDS):
                if not after.startswith(tuple(_PEOPLES)):  # 海南藏族自治州: no 海南省
                    province, rest = key, after
                break
    return province, _CITY_WORD.sub(r"\1", rest)


def _placed(above: list[str]) -> bool:
    """Whether the divisions named above a district name a city or county it is in (南充市
    of 南充市顺庆区; a name of no level, 南京 of 南京鼓楼区): a province (四川省) or a
    province-level city (重庆市 of 重庆市万州区) places none."""
    return any(_level(unit) != "province" for unit in above)


_ABOVE_A_COUNTY = ("province", "prefecture", "city")


def _apart(a: list[str], b: list[str]) -> bool:
    """Whether two lists of the divisions named above one county or city name two of one
    level: two provinces, two cities (南充市 and 广元市, above 阆中市) or two counties
    (南部县 and 营山县); or a name of no level (南充 of 南充阆中市, which may be a city's)
    beside a province or city the other names (广元市): they may be two."""
    for level in (("province",), ("prefecture", "city"), ("county",)):
        named = [{u for u in units if _level(u) in level} for units in (a, b)]
        if all(named) and named[0] != named[1]:
            return True
    unleveled = [any(_level(u) is None for u in units) for units in (a, b)]
    above = [any(_level(u) in _ABOVE_A_COUNTY for u in units) for units in (a, b)]
    return (unleveled[0] and above[1]) or (unleveled[1] and above[0])


def _categories(value: object) -> object:
    """类别 as compared: the set of categories (孤儿、残疾 is 残疾、孤儿), none for 无."""
    if value.__class__ is tuple:
        return frozenset(value) or None  # type: ignore[arg-type]
    return value


# The tracked fields whose values say the same in other words: how each is compared.
_UNSAID = {
    "categories": _categories,
    "key_target": lambda value: None if value == "否" else value,
}


def label(key: str) -> str:
    """A tracked field as a roster's header says it (联系电话 …)."""
    return field_of(Kind.CHILDREN, key).label


def describe(row: Row, school: str = "") -> dict[str, Any]:
    """A child row as reports and the change log show it: name, class (with its
    ``school``, when given), sheet, Excel row. A class cell showing a formula's error
    (#N/A) is no class, as on every other list (VAL007 says the cell)."""
    table, i = row
    name = table.get("name", i)
    label = class_label(table, i)
    return {
        "child": name if isinstance(name, str) else "",
        "class": f"{school} {label}".strip() if school else label,
        "sheet": table.sheet_at(i),
        "row": table.rows[i],
    }
