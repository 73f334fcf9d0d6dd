"""``lbc pair``'s core: from the roster to a pairing a head of department can sign.

Reads who is to be paired, who can support them and last term's pairs out of the tables,
hands the numbers to :mod:`lbc.pairing.solver`, and turns the answer back into children, teachers
and reasons in words. Children who have left (转出, 毕业) are not paired; a child entered
twice (same ID number) is paired once. Schools are paired separately when both the children
and the teachers carry a 学校 column, as a county's merged roster does.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lbc.checks.watch import watch_scores
from lbc.errors import LbcError
from lbc.messages import as_list, said, t
from lbc.pairing import solver as matching
from lbc.roster import normalise as nz
from lbc.roster import phones
from lbc.roster.background import Background
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.pairs import PAIR_BEGAN_KEY, PAIRED_SINCE_KEY, STATED_KEY
from lbc.roster.people import (
    LEFT_SCHOOL,
    NAMESAKE_KEY,
    PRIORITY_FIELDS,
    Teacher,
    class_rank,
    in_post,
    known_birth,
    names_lost,
    names_unseen,
    namesake_tag,
    pairing_school,
    priority_reasons,
    repeated_teachers,
    said_of_teacher,
    school_label,
    shown_name,
    teacher_labels,
    teacher_named,
    teacher_phone,
)
from lbc.roster.school_names import FILE_SCHOOL, file_names, named_schools
from lbc.roster.tables import (
    class_label,
    id_of,
    phone_to_call,
    repeated_rows,
    shows_an_error,
    unseen,
)
from lbc.workspace.config import WatchSettings

# 职务 words that make a teacher a school leader (班主任 is removed first: it is not one).
LEADER_WORDS = ("校长", "书记", "主任", "校领导", "行政", "园长")


@dataclass(slots=True)
class ChildRow:
    """One child to pair, where it sits in the roster and what pairing needs to know. What
    only the pairs workbook (--out) writes of it is read from its row when asked: a county
    has 100,000 children, and lbc pair without --out would read it for nothing."""

    name: str
    cls: str  # the class as a person reads it
    file: str
    sheet: str
    row: int
    school: str
    priority: list[str]  # why the child is a priority, in words; empty when not
    previous: str | None  # the teacher in force (lbc/roster/pairs.py): the pair to keep
    ref: nz.ClassRef | None  # the class, when readable
    grade: int | None
    table: Table = field(repr=False)  # the table the child's row is in, at row ``at``
    at: int
    # On the watch list, its score: paired before every other priority child, the higher
    # the score the sooner.
    watched: int | None = None
    # The formula's error (#N/A) her pair in force showed instead of a teacher, with the
    # --keep file it is in ("" for this term's files): she is paired as having no former
    # teacher, and her reason says why, since the note counts such children, naming none.
    unreadable: tuple[str, str] | None = None

    def _text(self, key: str) -> str | None:
        cell = self.table.get(key, self.at)
        return cell if isinstance(cell, str) else None

    @property
    def left_behind_type(self) -> str | None:
        return self._text("left_behind_type")

    @property
    def gender(self) -> str | None:
        return self._text("gender")

    @property
    def ident(self) -> str | None:
        """The ID number, to find the child again in the pairs workbook."""
        return self._text("id_number")

    @property
    def born(self) -> dt.date | None:
        """The ID's or column's birth date: tells namesakes apart in the pairs workbook."""
        table, i = self.table, self.at
        return known_birth(
            table.get("birth_date", i), table.get("id_number", i), table.get("id_kind", i)
        )

    @property
    def listed(self) -> str | None:
        """What the roster's 帮扶教师 cell says (else a teachers list's, STATED_KEY), which
        the pairs workbook records to know a pair moved after it was made
        (lbc.roster.pairs)."""
        stated = self.table.values.get(STATED_KEY)
        cell = stated[self.at] if stated else self.table.written_cell("support_teacher", self.at)
        return (cell if isinstance(cell, str) else "") or None

    @property
    def began(self) -> dt.date | None:
        """The day her pair in force began, as the pairs workbooks tell it (PAIR_BEGAN_KEY),
        else as a merged roster carries it (its 结对开始日期, PAIRED_SINCE_KEY): the 结对日期
        the pairs workbook writes of that pair kept."""
        began = self.table.get(PAIR_BEGAN_KEY, self.at)
        if began is None:
            began = self.table.get(PAIRED_SINCE_KEY, self.at)
        return began if isinstance(began, dt.date) else None


@dataclass(slots=True)
class TeacherRow:
    name: str  # as the roster spells it
    shown: str  # as printed: the name, with the row added when two teachers share it
    file: str
    sheet: str
    row: int
    school: str
    role: str
    phone: str | None  # as the cards print it: each number to call, with its extension
    numbers: tuple[str, ...]  # the numbers alone, which a 帮扶教师 cell may tag her by
    subjects: str  # every row's, in list order
    capacity: int
    why_none: str  # why the teacher has no places, in words; empty when it has some
    working: bool  # in post (in_post): of namesakes, the one a child's 帮扶教师 cell names
    problem: matching.Teacher = field(repr=False)
    # Of a teacher on several rows (one for each class she teaches), the subjects of the
    # rows listing each class: what she teaches a child of it.
    taught: dict[nz.ClassRef, str] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class Pair:
    child: ChildRow
    teacher: TeacherRow
    reason: str
    kept: bool
    school: str = ""  # of a run of several schools, the one it was made in (_school_name)


@dataclass(slots=True)
class Unpaired:
    child: ChildRow
    why: str
    school: str = ""  # as Pair.school


@dataclass(slots=True)
class Idle:
    teacher: TeacherRow
    why: str
    school: str = ""  # as Pair.school


@dataclass
class Pairing:
    pairs: list[Pair]
    unpaired: list[Unpaired]
    idle: list[Idle]
    teachers: list[TeacherRow]
    summary: dict[str, int]
    notes: list[str]  # for stderr: duplicates skipped, last term's teachers not found …
    # A run of several schools (a county's folder or merged roster): each school's own
    # figures (SCHOOL_FIGURES), in the order its pairs are listed; empty for one school.
    schools: list[dict[str, Any]] = field(default_factory=list)

    def loads(self) -> dict[int, list[Pair]]:
        """Each teacher's pairs, by the teacher's position in ``teachers``."""
        by_teacher: dict[int, list[Pair]] = {id(x): [] for x in self.teachers}
        for p in self.pairs:
            by_teacher[id(p.teacher)].append(p)
        return {i: by_teacher[id(x)] for i, x in enumerate(self.teachers)}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _class_labels(table: Table, column: list[object]) -> list[str]:
    """Each class of ``table`` (its ``column``) as a person reads it, worked out once per
    distinct class; a cell showing a formula's error, or text typed like one, as every
    list names it (class_label): " #N/A" typed is the class "#N/A", a cell showing #N/A
    none, not both one class "#N/A"."""
    try:
        labels = {value: nz.display(value) or "" for value in dict.fromkeys(column)}
    except TypeError:  # an unhashable cell: each on its own
        return [class_label(table, i) for i in range(len(column))]
    out = list(map(labels.__getitem__, column))
    if any(map(shows_an_error, labels)):
        out = [
            class_label(table, i) if shows_an_error(v) else x
            for i, (v, x) in enumerate(zip(column, out, strict=True))
        ]
    return out


def _priorities(table: Table) -> list[list[str]]:
    """Each row's priority reasons (priority_reasons), worked out once per distinct
    combination of the cells that decide them (PRIORITY_FIELDS): a county has 100,000
    children and a few dozen combinations. Each row gets its own list."""
    n = len(table)
    memo: dict[tuple[object, ...], list[str]] = {}
    out = []
    columns = (table.values.get(key) or [None] * n for key in PRIORITY_FIELDS)
    for i, cells in enumerate(zip(*columns, strict=True)):
        try:
            reasons = memo.get(cells)
            if reasons is None:
                reasons = memo[cells] = priority_reasons(table, i)
        except TypeError:  # an unhashable cell: worked out on its own
            reasons = priority_reasons(table, i)
        out.append(list(reasons))
    return out


# The columns a child to pair is read from (_child_rows); the pairs workbook reads more
# of its row (ChildRow).
_CHILD_KEYS = ("class", "name", "grade", "school", "support_teacher")


def _texts(column: list[object]) -> list[str]:
    """Each cell as text (_text), worked out once per distinct cell."""
    try:
        texts = {value: _text(value) for value in dict.fromkeys(column)}
    except TypeError:  # an unhashable cell: each on its own
        return [_text(value) for value in column]
    return list(map(texts.__getitem__, column))


def _watched(roster: Roster, watch: WatchSettings, as_of: dt.date) -> dict[tuple[int, int], int]:
    """The children on the watch list ``as_of``, each as (its table's place in
    ``roster.children``, its row's place in that table), with its score: what a forked
    child sends back (Background)."""
    at = {id(table): k for k, table in enumerate(roster.children)}
    return {(at[id(table)], i): score for table, i, score in watch_scores(roster, watch, as_of)}


def _children(
    roster: Roster, notes: list[str], school_of: Callable[[Table, int], str]
) -> tuple[list[ChildRow], list[tuple[int, int]], dict[str, int]]:
    """The children to pair, in roster order, and where each is (as _watched says it);
    ``school_of``: the school a row is paired in."""
    at = {id(table): k for k, table in enumerate(roster.children)}
    counts = {"left_school": 0, "duplicates": 0}
    out: list[ChildRow] = []
    keys: list[tuple[int, int]] = []
    again: dict[tuple[int, int], list[tuple[Table, int]]] = {}  # a kept row -> its repeats
    repeated = repeated_rows(roster.children, roster.copy_schools())
    for k, (table, repeats) in enumerate(zip(roster.children, repeated, strict=True)):
        n = len(table)
        status = table.values.get("enrollment_status") or [None] * n
        gone = [i for i, state in enumerate(status) if state in LEFT_SCHOOL]
        counts["left_school"] += len(gone)
        for i, first in sorted(repeats.items()):
            # What it says of the child counts for the row kept.
            again.setdefault((at[id(first[0])], first[1]), []).append((table, i))
            if status[i] in LEFT_SCHOOL:
                continue
            # A repeat of the child's row still at school (repeated_rows keeps that one).
            counts["duplicates"] += 1
            # The files are named when the two rows are in different ones: a school's
            # 全校.xlsx and 三年级.xlsx may each have a sheet named 花名册.
            kept, j = first
            loc = "loc.sheet_row" if table.file == kept.file else "loc.elsewhere"
            here = t(loc, file=table.file, sheet=table.sheet_at(i), row=table.rows[i])
            there = t(loc, file=kept.file, sheet=kept.sheet_at(j), row=kept.rows[j])
            ident = id_of(table, i)
            note = "pair.note.duplicate" if isinstance(ident, str) else "pair.note.copy"
            if school_of(table, i) != school_of(kept, j):
                notes.append(_two_schools(roster, (table, i), first, here, there, school_of))
                continue
            notes.append(t(note, here=here, there=there))
        if gone or repeats:
            skip = {*gone, *repeats}
            rows: Iterable[int] = [i for i in range(n) if i not in skip]
        else:
            rows = range(n)
        keys += zip(itertools.repeat(k), rows)
        out += _child_rows(table, rows)
    # A child on two rows (one ID number) is a priority by what either says of it, as the
    # watch list and the summary read it (priority_reasons); the teacher her other row
    # names where hers names none is joined onto hers (lbc.roster.pairs).
    if again:
        for c, (k, i) in zip(out, keys, strict=True):
            if (k, i) in again:
                c.priority = priority_reasons(roster.children[k], i, again[(k, i)])
    return out, keys, counts


def _two_schools(
    roster: Roster,
    repeat: tuple[Table, int],
    kept: tuple[Table, int],
    here: str,
    there: str,
    school_of: Callable[[Table, int], str],
) -> str:
    """What pair says of a child whose ID number is on two schools' rosters, both saying
    she is at school: in which school she is paired (the kept row's, repeated_rows), and
    the teacher the other school's row names for her, who is not kept (a row of another
    school names that school's teacher, lbc.roster.pairs): else the school that named her
    teacher would find the pair gone without a word."""
    names = file_names(roster.files, roster.runs)
    (table, i), (first, j) = repeat, kept
    school = school_label(school_of(first, j), names)
    other = school_label(school_of(table, i), names)
    named = _text(table.get(NAMESAKE_KEY, i)) or _text(table.get("support_teacher", i))
    own = _text(first.get(NAMESAKE_KEY, j)) or _text(first.get("support_teacher", j))
    if named and not shows_an_error_whole(named) and named != own:
        return t(
            "pair.note.two_schools_teacher",
            here=here,
            there=there,
            school=school,
            other=other,
            teacher=shown_name(named),
        )
    return t("pair.note.two_schools", here=here, there=there, school=school)


def _child_rows(table: Table, rows: Iterable[int]) -> list[ChildRow]:
    """The children of ``rows`` of ``table``, read down whole columns (_CHILD_KEYS …), each
    field a column of its own made in one pass: a county has 100,000 children, and a lookup
    per cell cost seconds, a row at a time a quarter of one."""
    n, values = len(table), table.values
    nothing: list[object] = [None] * n
    column = {key: values.get(key) or nothing for key in _CHILD_KEYS}
    tags = values.get(NAMESAKE_KEY) or nothing
    priorities = _priorities(table)
    labels = _class_labels(table, column["class"])
    schools = _texts(column["school"])
    whole = isinstance(rows, range) and rows == range(n)
    picked = list(rows)

    def pick(cells: list[Any]) -> list[Any]:
        return cells if whole else [cells[i] for i in picked]

    classes = pick(column["class"])
    # _text inline: a call per cell is a tenth of a second over a county.
    names = [x if isinstance(x, str) else "" for x in pick(column["name"])]
    sheets = [table.sheet] * len(picked) if table.row_sheets is None else pick(table.row_sheets)
    previous = [
        (tag if isinstance(tag, str) else "") or (x if isinstance(x, str) else "") or None
        for tag, x in zip(pick(tags), pick(column["support_teacher"]), strict=True)
    ]
    refs = [x if isinstance(x, nz.ClassRef) else None for x in classes]
    grades = [
        x.grade if isinstance(x, nz.ClassRef) else g if isinstance(g, int) else None
        for x, g in zip(classes, pick(column["grade"]), strict=True)
    ]
    return list(
        map(
            ChildRow,
            names,
            pick(labels),
            itertools.repeat(table.file),
            sheets,
            pick(table.rows),
            pick(schools),
            pick(priorities),
            previous,
            refs,
            grades,
            itertools.repeat(table),
            picked,
        )
    )


def _mark_watched(
    children: list[ChildRow], keys: list[tuple[int, int]], watched: dict[tuple[int, int], int]
) -> None:
    """Make each child on the watch list a priority child, whatever else it is, its
    first reason that it is on the list."""
    reason = said("pair.priority.watch")
    for child, key in zip(children, keys, strict=True):
        score = watched.get(key)
        if score is not None:
            child.watched = score
            child.priority.insert(0, reason)


def _is_leader(role: str) -> bool:
    role = role.replace("班主任", "")
    return any(word in role for word in LEADER_WORDS)


def _no_names(lost: int, unsaved: int) -> str:
    """The message key of lbc pair refusing a teachers list none of whose rows names a
    teacher, ``lost`` of them to a formula (``unsaved`` of those saved without its result)."""
    if not lost:
        return "err.pair_no_teachers"
    if not unsaved:
        return "err.pair_teacher_names_error"
    return "err.pair_teacher_names_unsaved" if unsaved == lost else "err.pair_teacher_names_lost"


def _teachers(
    roster: Roster, max_per_teacher: int, notes: list[str], school_of: Callable[[Table, int], str]
) -> list[TeacherRow]:
    """The teachers who can take children, in list order; a row without a name is left out
    (noted), since nobody could be told whom to support, and so is one whose name shows a
    formula's error (#N/A: VAL007 says it), which names nobody and would be written as the
    children's 帮扶教师. ``school_of``: the school a row is paired in, which namesakes are
    told apart within."""
    rows = [(tb, i) for tb in roster.teachers for i in range(len(tb))]
    named = [(tb, i) for tb, i in rows if isinstance(tb.get("name", i), str)]
    if len(named) < len(rows):
        notes.append(t("pair.note.nameless_teachers", count=len(rows) - len(named)))
    rows_lost = names_lost(roster.teachers)
    lost = {(id(tb), i) for tb, i in rows_lost}
    # A formula saved without its result (#未存结果) is no formula's error: said apart.
    unsaved = len(names_unseen(rows_lost))
    if len(lost) > unsaved:
        notes.append(t("pair.note.teacher_name_error", count=len(lost) - unsaved))
    if unsaved:
        notes.append(t("pair.note.teacher_name_unsaved", count=unsaved))
    named = [(tb, i) for tb, i in named if (id(tb), i) not in lost]
    if not named:
        # Every name lost to a formula's error is a list found, not one missing.
        raise LbcError(t(_no_names(len(lost), unsaved)))
    repeats = repeated_teachers(roster.teachers, school_of)
    # A teacher's rows after the first, by the first (id of its table, and row).
    again: dict[tuple[int, int], list[tuple[Table, int]]] = {}
    namesakes: dict[Teacher, list[tuple[Table, int]]] = {}
    for tb, i in named:
        if (id(tb), i) not in repeats:
            namesakes.setdefault((school_of(tb, i), tb.get("name", i)), []).append((tb, i))
    for tb, i in named:
        if (id(tb), i) in repeats:
            first, j = repeats[(id(tb), i)]
            again.setdefault((id(first), j), []).append((tb, i))
            if tb.rows[i] in tb.phone_of_merged_name:
                note = "pair.note.same_teacher_merged"
            elif teacher_phone(tb, i):
                note = "pair.note.same_teacher"
            elif len(namesakes.get((school_of(first, j), first.get("name", j)), ())) > 1:
                note = "pair.note.same_teacher_by_class"
            else:
                note = "pair.note.same_teacher_by_name"
            # The files are named when the two rows are in different ones: two files may
            # each have a sheet named 教师.
            loc = "loc.sheet_row" if tb.file == first.file else "loc.elsewhere"
            here = t(loc, file=tb.file, sheet=tb.sheet_at(i), row=tb.rows[i])
            there = t(loc, file=first.file, sheet=first.sheet_at(j), row=first.rows[j])
            notes.append(t(note, here=here, there=there))
    named = [(tb, i) for tb, i in named if (id(tb), i) not in repeats]
    # Two schools' 王芳 are told apart by their school, as lbc due and the record sheets do.
    labels = teacher_labels(namesakes, file_names(roster.files, roster.runs))
    out: list[TeacherRow] = []
    for table, i in named:
        name = table.get("name", i)
        key = (school_of(table, i), name)
        role = _text(table.get("role", i))
        # What every row of theirs says (the teachers list, the head teachers' list …): the
        # classes listed, the ones they are head of (职务 may name a class not listed), and
        # whether they lead.
        head_of: tuple[nz.ClassRef, ...] = ()
        classes: tuple[nz.ClassRef, ...] = ()
        unread: list[tuple[Table, int, nz.Bad]] = []
        rows = [(table, i), *again.get((id(table), i), ())]
        subjects: dict[str, None] = {}
        taught: dict[nz.ClassRef, dict[str, None]] = {}
        for tb, k in rows:
            cell = tb.get("classes", k)
            listed = cell if isinstance(cell, tuple) else ()
            if subject := _text(tb.get("subjects", k)):
                subjects[subject] = None
                for cls in listed:
                    taught.setdefault(cls, {})[subject] = None
            head_of += nz.head_classes(_text(tb.get("role", k)), listed)
            classes += listed
            if isinstance(cell, nz.Bad):
                unread.append((tb, k, cell))
        head_of = tuple(dict.fromkeys(head_of))
        classes = tuple(dict.fromkeys(head_of + classes))
        active = said_of_teacher("active", rows)
        capacity = said_of_teacher("capacity", rows)
        why = ""
        if isinstance(active, nz.Bad):
            why = said("pair.idle.unknown_status", value=active.raw)
        elif not in_post(active):
            why = said("pair.idle.inactive")
        elif isinstance(capacity, nz.Bad):
            why = said("pair.idle.unknown_capacity", value=capacity.raw)
        places = 0 if why else capacity if isinstance(capacity, int) else max_per_teacher
        if not why and places <= 0:
            places, why = 0, said("pair.idle.no_places")
        wording = "pair.note.unread_classes_elsewhere" if classes else "pair.note.unread_classes"
        for tb, k, cell in unread if places else ():  # paired without them: said
            where = {"sheet": tb.sheet_at(k), "row": tb.rows[k], "name": name}
            # As validate says the cell: one showing a formula's error by VAL007 alone.
            code = "VAL007" if shows_an_error_whole(tb.raw["classes"][k]) else "CLS001"
            notes.append(t(wording, **where, value=cell.raw, code=code))
        out.append(
            TeacherRow(
                name=name,
                shown=_shown(labels[key], (table, i), namesakes[key]),
                file=table.file,
                sheet=table.sheet_at(i),
                row=table.rows[i],
                school=_text(table.get("school", i)),
                role=role,
                phone=phone_to_call(table, "phone", i) or None,
                numbers=phones.numbers_to_call(table.get("phone", i)),
                subjects="、".join(subjects),
                capacity=places,
                why_none=why,
                working=in_post(active),
                problem=matching.Teacher(
                    capacity=places,
                    head_of=frozenset(head_of),
                    teaches=frozenset(classes),
                    grades=frozenset(c.grade for c in classes),
                    first=any(
                        _is_leader(_text(tb.get("role", k))) or tb.get("party_member", k) == "是"
                        for tb, k in rows
                    ),
                ),
                taught={cls: "、".join(names) for cls, names in taught.items()}
                if len(rows) > 1
                else {},
            )
        )
    return out


def _shown(label: str, me: tuple[Table, int], namesakes: list[tuple[Table, int]]) -> str:
    """How a teacher is printed: ``label`` (the name, with the school where another school
    has one of that name), and for two of one name in a school ``namesake_tag`` (their
    first class, else their row), so a school can tell who is who."""
    return label if len(namesakes) < 2 else namesake_tag(me, namesakes)


@dataclass
class School:
    """One school's pairing problem: its children and teachers, and the same as numbers for
    :func:`lbc.pairing.solver.match` (last term's teacher as a position in ``teachers``)."""

    name: str
    children: list[ChildRow]
    teachers: list[TeacherRow]
    problem: list[matching.Child]
    nameless: list[ChildRow] = field(default_factory=list)  # cannot be paired: no name
    graph: matching.Graph | None = None  # the network of ``problem`` (solver.Graph)

    def solve(self) -> list[int | None]:
        return matching.match(self.problem, [x.problem for x in self.teachers], self.graph)


def schools(
    roster: Roster, max_per_teacher: int, watch: WatchSettings | None = None
) -> tuple[list[School], dict[str, int], list[str]]:
    """Each school's problem, what was left out (counts), and notes for stderr.

    A row's school is its 学校 cell (a county roster), else its file's
    (``Roster.support_schools``, as every command tells namesakes apart): the school it
    declares in a folder of schools (lbc.toml or title); where some sheet says its school,
    a file that declares none is a school of its own (its teachers teach its children),
    never pooled with a school that does, so that no child is paired with another school's
    teacher, but a file of teachers alone is the teachers list of the one school the
    children beside it are of. When no sheet says a school, or the run is one file whose
    sheets do not all say theirs, the run is one school (one school's roster and teachers
    list may be two files).
    """
    notes: list[str] = []
    # The watch list is drawn on the second core while the children and teachers are built,
    # for the day the run began: a child that fails leaves it to be drawn here, maybe after
    # midnight, and the list must not depend on which process drew it.
    size = sum(map(len, roster.children))
    _read_for_both(roster)
    drawn = functools.partial(_watched, roster, watch or WatchSettings(), dt.date.today())
    watched = Background(drawn, size)
    declared = roster.file_schools()
    school_in = pairing_school(roster, roster.support_schools())

    def school_of(table: Table, i: int) -> str:
        return school_in(table.file, _text(table.get("school", i)))

    children, keys, counts = _children(roster, notes, school_of)

    teachers = _teachers(roster, max_per_teacher, notes, school_of)
    groups: dict[str, School] = {}
    for c in children:
        key = school_in(c.file, c.school)
        group = groups.get(key)
        if group is None:  # a school each, not one made and dropped a child
            group = groups[key] = School(key, [], [], [])
        (group.children if c.name else group.nameless).append(c)
    for x in teachers:
        key = school_in(x.file, x.school)
        groups.setdefault(key, School(key, [], [], [])).teachers.append(x)
    for key, school in groups.items():
        file = key.removeprefix(FILE_SCHOOL)
        # A teachers list alone in a file that says no school: most likely the teachers of
        # another file's school, which only the school's name can tell.
        alone = school.teachers and not (school.children or school.nameless)
        if key.startswith(FILE_SCHOOL) and declared.get(file) == "" and alone:
            notes.append(t("pair.note.own_school", file=file))
    unknown: dict[str, set[str]] = {}  # each name, with the schools it is unknown in
    ambiguous: set[str] = set()
    # A 帮扶教师 cell showing a formula's error, and the --keep file it is in ("" for this
    # term's files): children each.
    errors: dict[tuple[str, str], int] = {}
    kept_errors = roster.joined.kept_errors if roster.joined is not None else {}
    # Last term's teacher of each child, by its place among its school's teachers: worked
    # out while the watch list is still being drawn, which only the priorities wait for.
    kept_with: list[list[tuple[int, ...]]] = []
    for school in groups.values():
        # A name, or the name with its row as lbc writes two teachers of one name.
        by_name: dict[str, list[int]] = {}
        for j, x in enumerate(school.teachers):
            by_name.setdefault(x.name, []).append(j)
            if x.shown != x.name:
                by_name.setdefault(nz.name(x.shown) or x.shown, []).append(j)
        names = by_name.keys()
        found: dict[str | None, tuple[str | None, tuple[int, ...]]] = {None: (None, ())}
        mine: list[tuple[int, ...]] = []
        for c in school.children:
            # A cell showing a formula's error (#REF!, a failed VLOOKUP's #N/A) names
            # nobody, as every command counts it: no former teacher who could not go on.
            if shows_an_error_whole(c.previous):
                where = (c.previous, kept_errors.get((id(c.table), c.at), ""))
                errors[where] = errors.get(where, 0) + 1
                c.previous, c.unreadable = None, where
            # Of a school's 100,000 children a few hundred teachers' names: each once.
            if c.previous not in found:
                found[c.previous] = _previous(c.previous, by_name, names, school.teachers)
            c.previous, previous = found[c.previous]
            if c.previous and not previous:
                unknown.setdefault(c.previous, set()).add(school.name)
            if len(previous) > 1:  # of namesakes, the one in post, as every command reads it
                previous = tuple(j for j in previous if school.teachers[j].working)
            if len(previous) > 1:  # two teachers of that name: which one is not known
                ambiguous.add(c.previous or "")
                previous = ()
            mine.append(previous)
        kept_with.append(mine)
        # The network of everything but the priorities, built meanwhile too.
        teachers_of = [x.problem for x in school.teachers]
        unranked = [
            matching.Child(c.ref, c.grade, 0, p) for c, p in zip(school.children, mine, strict=True)
        ]
        school.graph = matching.Graph(unranked, teachers_of)
    # OR-Tools is imported while the watch list is still being drawn, which a county's
    # pairing waits for here: every solve needs it, and it takes a tenth of a second.
    matching.load()
    _mark_watched(children, keys, watched.result())
    for school, mine in zip(groups.values(), kept_with, strict=True):
        for c, previous in zip(school.children, mine, strict=True):
            # On the watch list: the more urgent, the sooner.
            level = int(bool(c.priority)) if c.watched is None else matching.WATCHED + c.watched
            school.problem.append(matching.Child(c.ref, c.grade, level, previous))
    for (value, file), n in sorted(errors.items()):
        # A formula saved without its result (UNSAVED) is no error: its result is not in
        # the file (VAL010), and the note says so.
        shown = "unsaved" if unseen(value) else "error"
        wording = f"pair.note.teacher_{shown}_kept" if file else f"pair.note.teacher_{shown}"
        notes.append(t(wording, count=n, value=value, file=file))
    if unknown:
        notes += _unknown_teachers(unknown, groups.values(), file_names(roster.files, roster.runs))
    notes += [t("pair.note.ambiguous_teacher", name=shown_name(n)) for n in sorted(ambiguous)]
    return list(groups.values()), counts, notes


def _unknown_teachers(
    unknown: dict[str, set[str]], groups: Iterable[School], names: dict[str, str]
) -> list[str]:
    """A note for each former teacher no list of her children's school names
    (``unknown``: the schools each is unknown in), saying which other schools' lists name
    her: 白鹤小学's list kept apart by its title, a county's school next door. Told that
    she is on no list, a school would add to its own a teacher who is on another."""
    notes = []
    staff = {g.name: {x.name for x in g.teachers} for g in groups}
    for name in sorted(unknown):
        schools = [
            school_label(school, names)
            for school, listed in staff.items()
            if school not in unknown[name] and name in listed
        ]
        if schools:
            notes.append(
                t("pair.note.teacher_elsewhere", name=shown_name(name), schools=as_list(schools))
            )
        else:
            notes.append(t("pair.note.unknown_teacher", name=shown_name(name)))
    return notes


# The columns the watch list reads as well as pairing (_child_rows, priority_reasons,
# repeated_rows; _teachers, repeated_teachers): normalised before its child is forked.
_BOTH_CHILD_KEYS = ("enrollment_status", "id_number", "support_teacher", "school", "categories")
_BOTH_TEACHER_KEYS = ("name", "active", "school", "phone")


def _read_for_both(roster: Roster) -> None:
    """Normalise the columns both the watch list and pairing read (each normalised the
    first time it is asked for), before the watch list is drawn in a forked child: the
    child has them then, and does not normalise a county's 100,000 cells of each again
    for its own copy, which this process would then do for its own."""
    both = ((roster.children, _BOTH_CHILD_KEYS), (roster.teachers, _BOTH_TEACHER_KEYS))
    for tables, keys in both:
        for table in tables:
            for key in keys:
                table.values.get(key)


def _previous(
    previous: str, by_name: dict[str, list[int]], names: Collection[str], teachers: list[TeacherRow]
) -> tuple[str | None, tuple[int, ...]]:
    """The teacher a child's pair in force names (``previous``), as the child keeps it, and
    the places in ``teachers`` of every teacher of that name."""
    # 王芳（班主任）: 王芳, a remark in brackets, as every command reads the cell.
    teacher = teacher_named(previous, names)
    found = tuple(by_name.get(teacher, ())) if teacher else ()
    if len(found) > 1 and teacher:
        found = _namesake_meant(previous.removeprefix(teacher), found, teachers) or found
    if not found and (several := nz.several_teachers(previous)):
        previous = _first_in_post(several, by_name, teachers) or previous
        found = tuple(by_name.get(previous, ()))
    return previous, found


def _namesake_meant(
    remark: str, found: tuple[int, ...], teachers: list[TeacherRow]
) -> tuple[int, ...]:
    """Of teachers of one name (places in ``teachers``), the one the rest of the cell after
    the name says, written otherwise than lbc tags her: a class she teaches or heads
    (王芳(五年级1班), 王芳(5.1)) or her phone (王芳 13800000002); () when it says none or
    several."""
    # 5.1 read as a name's middle dot (阿依·古丽): 5·1.
    said = remark.strip().strip("()（）").strip().replace("·", ".")
    ref = nz.class_ref(said) if said else None
    digits = "".join(c for c in said if c.isdigit())
    for meant in (
        [j for j in found if isinstance(ref, nz.ClassRef) and ref in teachers[j].problem.teaches],
        [
            j
            for j in found
            if len(digits) >= 7 and any(n.endswith(digits) for n in teachers[j].numbers)
        ],
    ):
        if len(meant) == 1:
            return tuple(meant)
    return ()


def _first_in_post(
    names: list[str], by_name: dict[str, list[int]], teachers: list[TeacherRow]
) -> str | None:
    """Of a 帮扶教师 cell's several teachers (王芳、李强), the one the child keeps: the first in
    post, else the first listed, as every command counts the child (TCH004); None when the
    list has none of them."""
    listed = [name for name in names if name in by_name]
    working = (name for name in listed if any(teachers[j].working for j in by_name[name]))
    return next(working, listed[0] if listed else None)


def _reason(
    child: ChildRow,
    problem: matching.Child,
    teacher: TeacherRow,
    kept: bool,
    worded: dict[tuple[object, ...], str],
) -> str:
    """Why the pair was made, in words; ``worded`` holds the sentences made so far, since a
    county's 100,000 pairs have a few hundred different reasons."""
    if kept:
        key: tuple[object, ...] = ("kept",)
        if key not in worded:
            worded[key] = said("pair.reason.kept")
        return worded[key]
    unclassed = problem.cls is None and problem.grade is None
    d = matching.distance(problem, teacher.problem)
    moved = child.previous if child.previous and child.previous != teacher.name else None
    subject = teacher.taught.get(problem.cls, teacher.subjects) if d == matching.TEACHES else ""
    key = (d, child.cls if unclassed else None, subject, moved, child.unreadable)
    if key not in worded:
        if unclassed:
            why = said("pair.reason.no_class", raw=child.cls or "-")
        elif d == matching.HEAD:
            why = said("pair.reason.head")
        elif d == matching.TEACHES:
            why = said("pair.reason.teaches", subject=subject)
        elif d == matching.SAME_GRADE:
            why = said("pair.reason.grade")
        else:
            why = said("pair.reason.anyone")
        if moved:  # say why last term's pair ended
            why += said("pair.reason.moved", name=shown_name(moved, said))
        if child.unreadable:  # why she was paired as having none
            why += _unreadable(child, "pair.reason")
        worded[key] = why
    return worded[key]


def _unreadable(child: ChildRow, kind: str) -> str:
    """Why ``child`` was taken as having no former teacher: her 帮扶教师 cell (this term's,
    or last term's in --keep's file) shows a formula's error, or is a formula whose result
    was not saved in the file (UNSAVED: no error, said as what it is); said after her
    reason (``kind`` pair.reason) or after why she was left without one (pair.why)."""
    value, file = child.unreadable or ("", "")
    wording = "unsaved" if unseen(value) else "unreadable"
    return said(f"{kind}.{wording}_kept" if file else f"{kind}.{wording}", value=value)


def pair(roster: Roster, max_per_teacher: int, watch: WatchSettings | None = None) -> Pairing:
    """Pair every child that can be paired, a child on the watch list (drawn by ``watch``,
    the school's [watch] settings) among the priority children; refuses (LbcError) when
    nobody can support.

    The pairs to keep are the pairs in force, one per child, as lbc/roster/pairs.py joined
    them from the pairs workbook, the roster's 帮扶教师 column and ``--keep``: with one
    source deciding each child, pairing its own output again keeps every pair."""
    if not roster.teachers:
        raise LbcError(t("err.pair_no_teachers"))
    problems, counts, notes = schools(roster, max_per_teacher, watch)
    teachers = [x for school in problems for x in school.teachers]
    if not any(x.capacity for x in teachers):
        raise LbcError(t("err.pair_no_places"))

    listed = roster.joined is not None and roster.joined.from_lists
    if not (roster.pairs or roster.previous or listed) and not any(
        tb.has("support_teacher") for tb in roster.children
    ):
        notes.append(t("pair.note.no_previous"))
    # School by school as they were paired, each named as lbc merge names it (its 学校
    # cell, else its file's declared school, else the school every count names its file by:
    # named_schools, so 县/qs/男生.xlsx beside 县/qs/青山小学.xlsx is 青山小学, not qs), so
    # a county's folder lists its pairs in the order its merged roster does, not two
    # schools' 三年级(2)班 mixed.
    names = named_schools(roster.files, roster.declared, read=roster.naming(), runs=roster.runs)
    schools_by = {
        file: names[file] if school.startswith(FILE_SCHOOL) else school
        for file, school in roster.support_schools().items()
    }
    # Of several schools, each pair, child and teacher is said with its school: each has a
    # 三年级(1)班, a row 2 and maybe a 王芳.
    several = sum(bool(school.children or school.nameless) for school in problems) > 1
    pairs: list[Pair] = []
    unpaired: list[Unpaired] = []
    idle: list[Idle] = []
    worded: dict[tuple[object, ...], str] = {}
    figures: list[dict[str, Any]] = []
    free, no_name = said("pair.idle.no_child"), said("pair.why.no_name")
    for school, got in zip(problems, _solved(problems), strict=True):
        where = _school_name(school, schools_by, names) if several else ""
        unpaired += [Unpaired(c, no_name, where) for c in school.nameless]
        short = sum(g is None for g in got)
        figures.append(_figures(school, short, where))
        no_one = not any(x.capacity for x in school.teachers)
        why = said("pair.why.no_teacher") if no_one else said("pair.why.short", short=short)
        made = len(pairs)
        for c, problem, g in zip(school.children, school.problem, got, strict=True):
            if g is None:
                # Places short: a former teacher she might have kept is why she was not.
                lost = _unreadable(c, "pair.why") if c.unreadable and not no_one else ""
                unpaired.append(Unpaired(c, why + lost, where))
                continue
            x = school.teachers[g]
            kept = g in problem.previous
            pairs.append(Pair(c, x, _reason(c, problem, x, kept, worded), kept, where))
        busy = {id(p.teacher) for p in pairs[made:]}
        if school.name[:1] not in ("", FILE_SCHOOL) and not (school.children or school.nameless):
            # Teachers of a school none of whose children was read (白鹤小学's list kept
            # apart by its title, a 学校 column naming another school): no child is left
            # for them because none of theirs was there to pair, not because others took all.
            none_read = said("pair.idle.no_school_children", school=school.name)
            idle += [Idle(x, x.why_none or none_read, where) for x in school.teachers]
            continue
        idle += [Idle(x, x.why_none or free, where) for x in school.teachers if id(x) not in busy]

    busy = {id(p.teacher) for p in pairs}
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
        # A teacher's places serve her own school's children only (each school is paired
        # apart): the county's are its schools' own, added up.
        "places": sum(entry["places"] for entry in figures),
        "teachers_with_children": len(busy),
        "idle_teachers": len(idle),
    }
    pairs.sort(key=_child_order)
    unpaired.sort(key=_child_order)
    if several:  # as the pairs are listed
        figures.sort(key=lambda entry: _listed(entry["school"]))
        idle.sort(key=lambda i: _listed(i.school))
    return Pairing(pairs, unpaired, idle, teachers, summary, notes, figures if several else [])


# What a county's run says of each school (Pairing.schools), in this order.
SCHOOL_FIGURES = ("school", "to_pair", "paired", "unpaired", "teachers", "places")


def _figures(school: School, short: int, name: str) -> dict[str, Any]:
    """A school's own figures (SCHOOL_FIGURES), ``name`` the school's: ``short`` of its
    named children were left without a teacher. Its places are its teachers', each as many
    as the school has children to pair at most, since no other school's child can take one."""
    to_pair = len(school.children) + len(school.nameless)
    unpaired = short + len(school.nameless)
    return {
        "school": name,
        "to_pair": to_pair,
        "paired": to_pair - unpaired,
        "unpaired": unpaired,
        "teachers": len(school.teachers),
        "places": sum(min(x.capacity, to_pair) for x in school.teachers),
    }


def _school_name(school: School, schools_by: dict[str, str], names: dict[str, str]) -> str:
    """The school's name as lbc merge names it: its 学校 cell, else its file's school; ""
    for a file of teachers alone that says no school (pair.note.own_school), which lbc
    merge cannot place either."""
    if not school.name.startswith(FILE_SCHOOL):
        return school.name
    member = next(iter(school.children or school.nameless), None)
    if member is None:
        return ""
    return schools_by.get(member.file) or names.get(member.file) or member.file


def _listed(name: str) -> tuple[bool, str]:
    """Where a school comes in a county's lists: by name, one not known last."""
    return not name, name


def _solved(problems: list[School]) -> list[list[int | None]]:
    """Each school's answer: the schools holding the second half of the children are
    solved on the second core (Background) while this process solves the first half."""
    total = sum(len(school.children) for school in problems)
    cut = done = 0
    while cut < len(problems) and done < total / 2:
        done, cut = done + len(problems[cut].children), cut + 1
    matching.load()  # imported already (schools): the child forked next has them
    later = Background(lambda: [school.solve() for school in problems[cut:]], total - done)
    return [school.solve() for school in problems[:cut]] + later.result()


def _child_order(item: Pair | Unpaired) -> tuple[Hashable, ...]:
    """By the school the pair was made in, as it is listed (none of one school's run: a
    row whose 学校 is left empty is listed in its class, not before the school's)."""
    c = item.child
    return (item.school, *class_rank(c.ref), c.file, c.row)
