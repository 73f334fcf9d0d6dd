"""What a row says about a person, meant the same way by every stage.

Whether a child is still on the school's books, whether a teacher is in post, how classes
sort, which children come first, and which child a support record names: pairing, the
checks, the summary, flag and cards each asked these before, each in its own words.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from lbc.errors import LbcError
from lbc.messages import said, t, word
from lbc.roster import dates, phones
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.normalise import LEFT_SCHOOL as LEFT_SCHOOL
from lbc.roster.school_names import FILE_SCHOOL, file_names
from lbc.roster.tables import cells_held, unseen, unseen_rows

K = TypeVar("K", bound=Hashable)


def require_left_behind_type(sheets: Iterable[Table], message: str) -> None:
    """Refuse (LbcError ``message``) a children sheet without a 留守类型 column: a list of the
    left-behind children (flag, watch, birthdays) would otherwise name nobody, silently."""
    for table in sheets:
        if not table.has("left_behind_type"):
            raise LbcError(t(message, file=table.file, sheet=table.sheet))


def untyped(sheets: Iterable[Table]) -> list[tuple[Table, int]]:
    """The children still at school whose 留守类型 is empty or unreadable (a word lbc does
    not know, codes whose coding the column does not tell): a list of the left-behind
    children (flag, watch, birthdays) cannot judge them, and says how many rather than
    leave them out in silence; lbc validate points at each cell. The summary asks it too,
    of whose contacts it cannot call complete, and it reads a sheet without the column (a
    list refuses one: require_left_behind_type) as every cell of it empty."""
    return [
        (table, i)
        for table in sheets
        for i, kind in enumerate(table.values.get("left_behind_type") or [None] * len(table))
        if (kind is None or kind.__class__ is nz.Bad)
        and table.get("enrollment_status", i) not in LEFT_SCHOOL
    ]


# What makes a child a priority, by the category words the normaliser gives: paired first,
# and listed first where something is owed.
PRIORITY_CATEGORIES = ("孤儿", "残疾", "建档立卡", "低保", "贫困", "学困")


# The cells priority_reasons reads: two rows alike in these have the same reasons (pairing
# works a county's reasons out once per combination of them).
PRIORITY_FIELDS = ("key_target", "categories", "health", "left_behind_type", "enrollment_status")


def priority_reasons(table: Table, i: int, repeats: Sequence[tuple[Table, int]] = ()) -> list[str]:
    """Why child ``i`` of ``table`` is a priority, in words (said: Chinese in a school's
    document, the run's language in what lbc prints); empty when it is not. The words of
    priority_codes."""
    return [priority_text(code) for code in priority_codes(table, i, repeats)]


# Each priority reason's code (priority_codes), the same in every language, as a script
# reading lbc due's JSON branches on it; the category and status words are lbc's own.
PRIORITY_CODES = {
    "孤儿": "orphan",
    "残疾": "disabled",
    "建档立卡": "registered_poor",
    "低保": "subsistence_allowance",
    "贫困": "poor",
    "学困": "learning_difficulty",
    nz.BOTH_AWAY: "both_parents_away",
    nz.BOTH_INCAPABLE: "parents_unable_to_care",
    "辍学": "dropout",
    nz.NOT_AT_SCHOOL: "not_at_school",
}
_PRIORITY_WORDS = {code: value for value, code in PRIORITY_CODES.items()}


def priority_text(code: str) -> str:
    """A priority reason's words (priority_codes) in the current language, as a Said."""
    return said("pair.priority.key_target") if code == "key_target" else word(_PRIORITY_WORDS[code])


def priority_codes(table: Table, i: int, repeats: Sequence[tuple[Table, int]] = ()) -> list[str]:
    """Why child ``i`` of ``table`` is a priority, as codes (PRIORITY_CODES, key_target);
    empty when it is not. ``repeats``: the rows repeating its ID number (DUP001), whose
    word of the child itself (重点帮扶对象, a category, 残疾) counts too, as the watch list
    and the summary take either row's; its 留守类型 and 在校状态 are the kept row's to
    say."""
    reasons = []
    if not repeats:  # nearly every child: its one row, read as it stands
        key_target, health = table.get("key_target", i) == "是", table.get("health", i)
        cats: Collection[str] = nz.categories_named(table.get("categories", i))
        disabled = health == "残疾"
    else:
        rows = [(table, i), *repeats]
        key_target = any(tb.get("key_target", j) == "是" for tb, j in rows)
        cats = {c for tb, j in rows for c in nz.categories_named(tb.get("categories", j))}
        disabled = any(tb.get("health", j) == "残疾" for tb, j in rows)
    if key_target:
        reasons.append("key_target")
    reasons += [PRIORITY_CODES[c] for c in PRIORITY_CATEGORIES if c in cats]
    if "残疾" not in cats and disabled:
        reasons.append(PRIORITY_CODES["残疾"])
    # Both parents away, or both at home unable to look after the child (the form's
    # 父母双方无监护能力): nobody of her own at hand either way.
    kind = table.get("left_behind_type", i)
    if kind == nz.BOTH_AWAY or kind == nz.BOTH_INCAPABLE:
        reasons.append(PRIORITY_CODES[kind])
    # Out of school, a dropout or not (不在学: 失学, 未入园 …): among the children most at
    # risk, as lbc watch says (WCH010).
    status = table.get("enrollment_status", i)
    if status in ("辍学", nz.NOT_AT_SCHOOL):
        reasons.append(PRIORITY_CODES[status])
    return reasons


# How lbc pair prints one of two teachers of one name, 王芳（三年级(2)班）, once read as a
# name (full-width brackets folded): 王芳(三年级(2)班).
_NAMESAKE_TAG = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)$")


def teacher_named(value: str, names: Collection[str]) -> str | None:
    """The teacher of ``names`` a pairs cell names: the name itself, or the name lbc's
    tag for one of two namesakes was added to; None when neither is a teacher's."""
    if value in names:
        return value
    base = _NAMESAKE_TAG.sub("", value)
    return base if base in names else None


def untagged(value: str) -> str:
    """A 帮扶教师 cell as a record names the teacher: without the bracket after the name
    (王芳 for 王芳（三年级(2)班）, lbc's tag for one of two 王芳, or 王芳（班主任）), which
    lbc's record sheets do not write."""
    return _NAMESAKE_TAG.sub("", value) or value


# A name and the bracket after it, as read (王芳(三年级(2)班), 赵丽(班主任)): each of a cell
# naming several (王芳(三年级(2)班)、李强(四年级(1)班)).
_NAME_AND_TAG = re.compile(
    r"(?:^|(?<=[\s、,，;；/|]))([^\s()（）、,，;；/|]+)\(([^()]*(?:\([^()]*\)[^()]*)*)\)"
)


def shown_name(value: str, say: Callable[..., str] = t) -> str:
    """A teacher's name as read (王芳(三年级(2)班): brackets folded) as lbc shows it, its
    bracket after the name as lbc writes the tag for one of two teachers of one name (王芳
    （三年级(2)班）, ``namesake_tag``), each name of a cell naming several; a name without
    one as it is. The one way every message and document names a teacher from a cell or a
    record (``say``: ``said`` in a school's document)."""
    if "(" not in value:
        return value
    return _NAME_AND_TAG.sub(lambda m: say("pair.same_name", name=m[1], tag=m[2]), value)


def signed_by(owner: object, teacher: object) -> bool:
    """Whether a record signed ``teacher`` is by the teacher a child's 帮扶教师 (``owner``,
    the pairs in force) names: the same name, or the one lbc's tag for one of two teachers
    of one name (王芳（三年级(2)班）) and the other that name (王芳) alone, whichever is
    the cell's and whichever the record's: lbc's record sheets sign hers 王芳, and a
    teacher may copy the name as lbc shows it. Two tags apart are two teachers."""
    if owner == teacher:
        return True
    if owner.__class__ is not str or teacher.__class__ is not str:
        return False
    return untagged(owner) == teacher or owner == untagged(teacher)  # type: ignore[arg-type]


def teacher_phone(table: Table, i: int) -> str:
    """A teacher row's numbers to call, "" for none: two rows of one name and one phone in
    one school are one teacher (repeated_teachers)."""
    return phones.numbers_text(table.get("phone", i))


def repeated_teachers(
    tables: list[Table], school: Callable[[Table, int], str]
) -> dict[tuple[int, int], tuple[Table, int]]:
    """The rows that list a teacher again (by ``id`` of the table, and row), each with the
    row that stands for the teacher: one name and one phone in one school (``school``), as
    when a teachers list and a list of head teachers both name 王芳. One person, with one
    person's places, as a child entered twice is one child.

    A row without a phone (a head teachers' list of 姓名, 班级 and 职务 only) is the
    teacher of its name on the school's other lists when they list one teacher of that name
    and its own list names it once: the row with a phone stands for the teacher, so pairing,
    the cards and lbc flag have the number. Two teachers may share a name, so rows of one
    list stay apart, and so does a row whose name the other lists give two teachers of,
    unless its classes (班级, or the class 职务 makes it head of) are one's only."""
    first: dict[tuple[str, str, str], tuple[Table, int]] = {}
    repeats: dict[tuple[int, int], tuple[Table, int]] = {}
    phoneless: list[tuple[Table, int, str]] = []
    listed: Counter[tuple[int, str, str]] = Counter()  # (table, school, name): how often
    for table in tables:
        for i in range(len(table)):
            name, phone = table.get("name", i), teacher_phone(table, i)
            if not isinstance(name, str):
                continue
            listed[(id(table), school(table, i), name)] += 1
            if not phone:
                phoneless.append((table, i, name))
                continue
            me = (table, i)
            seen = first.setdefault((school(table, i), name, phone), me)
            if seen is not me:
                repeats[(id(table), i)] = seen
    people: dict[tuple[str, str], list[tuple[Table, int]]] = {}
    for (place, name, _), me in first.items():
        people.setdefault((place, name), []).append(me)
    for table, i, name in phoneless:
        place = school(table, i)
        others = [me for me in people.get((place, name), []) if me[0] is not table]
        if len(others) > 1:  # two teachers of the name: the one teaching its class
            mine = _classes_of(table, i)
            once = [me for me in others if mine & _classes_of(*me)]
        else:
            once = [me for me in others if listed[(id(me[0]), place, name)] == 1]
        if listed[(id(table), place, name)] == 1 and len(once) == 1:
            repeats[(id(table), i)] = once[0]
        else:
            people.setdefault((place, name), []).append((table, i))
    return repeats


def _classes_of(table: Table, i: int) -> set[nz.ClassRef]:
    """The classes a teacher's row lists or makes her head of (职务 三年级班主任)."""
    cell = table.get("classes", i)
    listed = cell if isinstance(cell, tuple) else ()
    role = table.get("role", i)
    return {*listed, *nz.head_classes(role if isinstance(role, str) else "", listed)}


def in_post(active: object) -> bool:
    """A teacher whose 在岗 cell is not 否 and not unreadable (empty means in post): the
    ones pairing gives places to and the summary counts as taking part."""
    return active != "否" and not isinstance(active, nz.Bad)


def said_of_teacher(key: str, rows: list[tuple[Table, int]]) -> object:
    """What the rows listing one teacher (the first, then repeated_teachers') say of
    ``key`` (在岗, 可帮扶人数): the first cell that says anything, except that a 在岗 saying
    the teacher is not in post (病假, 调离, or unreadable) wins. A head teachers' list
    with no 在岗 column, read first, must not put back in post a teacher the teachers
    list says is on leave, nor give two places to one who asks for one."""
    cells = [table.get(key, i) for table, i in rows]
    if key == "active" and (away := [cell for cell in cells if not in_post(cell)]):
        return away[0]
    return next((cell for cell in cells if cell is not None), None)


def pairing_school(roster: Roster, files: Mapping[str, str]) -> Callable[[str, str], str]:
    """The school lbc pair pairs a row in, by its file and its 学校 cell ("" for none);
    ``files``: ``Roster.support_schools``. Where no file declares a school and not every
    sheet says its own, the run is one school (""), whichever side's 学校 cells name it: one
    school's roster whose teachers list says 学校 and children's sheet does not (lbc init's
    template), or the reverse; nor where the 学校 cells name one school at most: one
    school's roster whose 学校 is left empty on a few rows, or shows a formula's error
    there, which every count names by the one school its cells name (declared_school),
    not a school of its own with no teacher. Not so of a sheet lbc wrote (lbc merge's,
    lbc export's: Table.schools_written), whose 学校 left empty is of no school. Else a
    row's 学校 cell, else its file's school, else a school of its own file (FILE_SCHOOL).
    Counting a school's teachers against its own children (the summary) groups them as
    pairing does."""
    if not any(files.values()):
        tables = roster.children + roster.teachers
        if not all(x.has("school") for x in tables):
            return lambda file, cell: ""
        written = any(x.schools_written for x in tables)
        if not written and len(roster.cell_schools() - {None, ""}) < 2:
            return lambda file, cell: ""
    return lambda file, cell: cell or files.get(file) or FILE_SCHOOL + file


def teachers_of_no_child(roster: Roster) -> dict[str, list[str]]:
    """The schools lbc pair pairs teachers in (``pairing_school``) of which the run, holding
    children, holds none, each with the files of those teachers: 白鹤小学's list beside
    青山镇中心小学's roster and its own list, or a list whose 学校 column names a school no
    child is of. Their teachers support none of the run's children, which every command
    says, not lbc pair alone. Not a file's own school (FILE_SCHOOL): pair says that itself."""
    if not any(map(len, roster.children)):
        return {}
    # Each teacher of a school whose children are read, as a county's rows nearly all are,
    # is told without working out every file's school: by a 学校 cell of the children's,
    # or, with none, as of a file whose children say none either.
    cells = {c for x in roster.children if x.has("school") for c in set(x.values["school"])}
    bare = {x.file for x in roster.children if len(x) and not x.has("school")}

    def beside(x: Table) -> bool:
        if x.has("school"):
            return set(x.values["school"]) <= cells - {None, ""}
        return x.file in bare

    if all(map(beside, roster.teachers)):
        return {}
    school_in = pairing_school(roster, roster.support_schools())

    def schools(table: Table) -> set[str]:
        cells = set(table.values["school"]) if table.has("school") else {None}
        return {school_in(table.file, cell if isinstance(cell, str) else "") for cell in cells}

    holding = set().union(*(schools(x) for x in roster.children if len(x)))
    out: dict[str, list[str]] = {}
    for x in roster.teachers:
        for school in schools(x) - holding if len(x) else ():
            if not school.startswith(FILE_SCHOOL) and x.file not in out.get(school, []):
                out.setdefault(school, []).append(x.file)
    return out


# Who supports a child: a teacher's school and name. Two schools of a folder or a county each
# with a 王芳 are two teachers; "" is no known school (one file, or a file that declares none).
# Two teachers in post of one name in one school are each named as lbc pair prints them,
# 王芳（三年级(2)班） (``namesake_tag``); (school, 王芳) is then one of them, not known which.
Teacher = tuple[str, str]

# Where the pairs join keeps which of two namesakes a pairs workbook named (王芳（三年级(2)班）),
# beside ``support_teacher``, which holds the name every reader knows (lbc.roster.pairs).
NAMESAKE_KEY = "support_teacher_tagged"


def namesake_tag(me: tuple[Table, int], namesakes: list[tuple[Table, int]]) -> str:
    """One of two teachers of one name in a school, as lbc pair prints it and its pairs
    workbook writes it, and so every command names it: with its first class, or, when that
    does not tell them apart either, its row (王芳（三年级(2)班）, 王芳（第3行）)."""

    def first_class(who: tuple[Table, int]) -> str:
        classes = who[0].get("classes", who[1])
        return str(classes[0]) if isinstance(classes, tuple) and classes else ""

    name = me[0].get("name", me[1])
    mine = first_class(me)
    if mine and sum(first_class(other) == mine for other in namesakes) == 1:
        return t("pair.same_name", name=name, tag=mine)
    return t("pair.same_name", name=name, tag=t("pair.row_tag", row=me[0].rows[me[1]]))


def names_lost(teachers: Iterable[Table]) -> list[tuple[Table, int]]:
    """The teachers-list rows whose 姓名 shows a formula's error (#N/A): they name nobody
    (VAL007 says the cell), so pairing leaves them out and the summary counts none of them
    in post (TeachersInPost, through cells_held), each saying how many."""
    return [
        (table, i)
        for table in teachers
        if table.formula_errors
        for i, cell in enumerate(table.raw.get("name") or ())
        if shows_an_error_whole(cell)
    ]


def names_unseen(lost: Iterable[tuple[Table, int]]) -> list[tuple[Table, int]]:
    """Of ``names_lost``'s rows, the ones whose 姓名 is a formula saved without its result
    (#未存结果: VAL010 says the cell, not VAL007): nothing went wrong with the formula, its
    value is not in the file, and each count of them says so apart from the errors'."""
    return [(table, i) for table, i in lost if unseen(table.raw["name"][i])]


class TeachersInPost:
    """Whom a child's 帮扶教师 cell names as its support teacher, as every command counts it
    (the summary, lbc due, the record sheets, the watch list's WCH012, the contact cards,
    the birthday list): where the child's school has a teachers list (or a list of no known
    school was read), a teacher in post on it; where it has none, the name as written, since
    nothing contradicts it.

    A person's school is its 学校 cell, else its file's in a folder of schools
    (``Roster.support_schools``, as lbc pair tells them apart): a child of 青山小学 naming
    王芳 is supported by 青山小学's 王芳, never by 白石小学's. Of two 王芳 in post in one
    school, the one lbc pair's workbook names (王芳（三年级(2)班）, NAMESAKE_KEY) or the
    cell does; a cell saying only 王芳 names one of them, not known which.
    """

    def __init__(self, roster: Roster) -> None:
        self.files = roster.support_schools()
        # Each file's name as a school, for a label of a school of a file that names none
        # (teacher_labels), as lbc merge writes it.
        self.file_names = file_names(roster.files, roster.runs)
        # Teachers in post with their place in the lists (for a stable order), every teacher
        # listed (in post or not), and the schools whose teachers a list gives.
        self.active: dict[Teacher, int] = {}
        self.named: set[Teacher] = set()
        self.listed: set[str] = set()
        # Each teacher in post's row (its phone), and each name's rows, in post or not.
        self.rows: dict[Teacher, tuple[Table, int]] = {}
        every: dict[Teacher, list[tuple[Table, int]]] = {}
        working: dict[Teacher, list[tuple[Table, int]]] = {}
        # The rows listing a teacher again, by the row that stands for them (lbc flag and
        # lbc validate take them as pairing does).
        self.repeats = repeats = repeated_teachers(roster.teachers, self.school)
        # Each teacher listed again: its rows after the first, by the first.
        again: dict[tuple[int, int], list[tuple[Table, int]]] = {}
        for table in roster.teachers:
            for i in range(len(table)):
                if (id(table), i) in repeats:
                    first, j = repeats[(id(table), i)]
                    again.setdefault((id(first), j), []).append((table, i))
        for table in roster.teachers:
            # A 姓名 showing a formula's error (#N/A) names nobody, as an empty one: no
            # teacher in post, as pairing leaves her out (VAL007 says the cell). Nor does
            # one lbc cannot see (a formula saved without its result: VAL010), whose name
            # is in Excel, not the file: no teacher #未存结果.
            names = cells_held(table, "name")
            for i in unseen_rows(table, "name"):
                names[i] = None
            states = table.values.get("active") or [None] * len(table)
            schools = self.schools(table)  # each row's, its 学校 cell's else its file's
            if not table.has("school"):  # its file's list, though it lists nobody
                self.listed.add(self.files.get(table.file, ""))
            for i, (name, state, school) in enumerate(zip(names, states, schools, strict=True)):
                # Every row is its school's list, even one naming nobody (姓名 empty or
                # #N/A): the list still decides who supports its children, so a child's
                # 帮扶教师 naming a teacher on no list is unpaired (TCH003), not taken.
                self.listed.add(school)
                if not isinstance(name, str) or (id(table), i) in repeats:
                    continue
                if (id(table), i) in again:
                    state = said_of_teacher("active", [(table, i), *again[(id(table), i)]])
                key = (school, name)
                self.named.add(key)
                every.setdefault(key, []).append((table, i))
                if in_post(state):
                    working.setdefault(key, []).append((table, i))
        # Namesakes in post in one school: each by its tag, (school, name) one of them.
        self.shared: set[Teacher] = set()
        self._name_of: dict[Teacher, str] = {}
        self._tagged: dict[Teacher, Teacher] = {}  # (school, tag as a cell reads) -> teacher
        for key, mine in working.items():
            if len(mine) == 1:
                self.active[key] = len(self.active)
                self.rows[key] = mine[0]
                continue
            self.shared.add(key)
            for me in mine:
                tagged = (key[0], namesake_tag(me, every[key]))
                self.active[tagged] = len(self.active)
                self.rows[tagged] = me
                self._name_of[tagged] = key[1]
                self._tagged[(key[0], nz.name(tagged[1]) or tagged[1])] = tagged
        self._children = roster.children
        # For a child of no known school: the first teacher in post of each name, and the
        # names of every list.
        self._anywhere: dict[str, Teacher] = {}
        for key in self.active:
            name = self.name(key)
            self._anywhere.setdefault(name, (key[0], name) if key in self._name_of else key)
        self._names = {name for _, name in self.named}
        self._several: dict[str, list[str]] = {}  # each cell's names, when it names several
        self._row_tags: dict[tuple[int, int], str] | None = None  # built when ``tagged`` asks
        self._schools_named: dict[str, list[str]] | None = None  # built when ``lists_naming`` asks

    def tagged(self, table: Table, i: int) -> str | None:
        """How teacher row ``i`` of ``table`` is named where it is one of two teachers in
        post of one name in its school (王芳（三年级(2)班）, ``namesake_tag``); else None."""
        if self._row_tags is None:
            self._row_tags = {
                (id(tb), j): key[1] for key, (tb, j) in self.rows.items() if key in self._name_of
            }
        first = self.repeats.get((id(table), i), (table, i))
        return self._row_tags.get((id(first[0]), first[1]))

    def name(self, teacher: Teacher) -> str:
        """The teacher's name as a record or a cell gives it: 王芳 for 王芳（三年级(2)班）."""
        return self._name_of.get(teacher, teacher[1])

    @functools.cached_property
    def written(self) -> bool:
        """Whether the children's sheets name teachers at all (a 帮扶教师 column, or pairs
        in force joined onto them): with no teachers list either, nobody can be said
        unpaired. Asked of cells only when needed: lbc validate holds them parked."""
        return any(tb.values.get("support_teacher") is not None for tb in self._children)

    def school(self, table: Table, i: int) -> str:
        """The school of row ``i``: its 学校 cell, else its file's (``support_schools``)."""
        cell = table.get("school", i)
        return cell if isinstance(cell, str) and cell else self.files.get(table.file, "")

    def schools(self, table: Table) -> list[str]:
        """The school of every row of ``table`` (``school``), read down the column."""
        default = self.files.get(table.file, "")
        cells = table.values.get("school")
        if cells is None:
            return [default] * len(table)
        return [cell if isinstance(cell, str) and cell else default for cell in cells]

    def decides(self, school: str) -> bool:
        """Whether a teachers list says who supports a child of ``school``."""
        return "" in self.listed or school in self.listed or (not school and bool(self.listed))

    def who(self, teacher: object, school: str, tagged: object = None) -> Teacher | None:
        """The teacher a child of ``school`` has, its 帮扶教师 cell saying ``teacher`` (and
        ``tagged``, which of namesakes a pairs workbook named); None when it has none (no
        name, or where a list decides, no one in post of that name). A cell naming several
        (王芳、李强) names the first of them in post, as lbc validate's TCH004 says."""
        if not isinstance(teacher, str):
            return None
        several = self._several.get(teacher)
        if several is None:
            several = self._several[teacher] = nz.several_teachers(teacher)
        if not self.decides(school):
            return (school, several[0] if several else teacher)
        found = self._who(teacher, school, tagged)
        if found is not None or not several:
            return found
        return next(filter(None, (self._who(name, school, None) for name in several)), None)

    def _who(self, teacher: str, school: str, tagged: object) -> Teacher | None:
        for where in dict.fromkeys((school, "")):
            for named in (tagged, teacher):
                if isinstance(named, str) and (where, named) in self._tagged:
                    return self._tagged[(where, named)]
            key = (where, teacher)
            if key in self.active or key in self.shared:
                return key
        base = _NAMESAKE_TAG.sub("", teacher)
        if base != teacher and base:  # 王芳（班主任）: 王芳, a remark in brackets
            return self.who(base, school)
        return None if school else self._anywhere.get(teacher)

    def of_child(self, table: Table, i: int) -> Teacher | None:
        """Child ``i``'s support teacher (``who``), by its cells and school."""
        cell, tagged = table.get("support_teacher", i), table.get(NAMESAKE_KEY, i)
        return self.who(cell, self.school(table, i), tagged)

    def of(self, table: Table, i: int) -> str | None:
        """How child ``i``'s support teacher is named (``who``); None when it has none."""
        key = self.of_child(table, i)
        return key[1] if key else None

    def on_list(self, teacher: str, school: str) -> bool:
        """Whether ``school``'s list (or one of no known school) has a ``teacher``: a child
        naming one whom ``who`` does not take has a teacher not in post, not an unknown one.
        A child of no known school may name any list's teacher, as ``who`` takes it; a
        cell may name one of namesakes as lbc pair does (王芳（三年级(2)班）)."""
        for name in dict.fromkeys((teacher, _NAMESAKE_TAG.sub("", teacher))):
            if (school, name) in self.named or ("", name) in self.named:
                return True
            if not school and name in self._names:
                return True
        return False

    def lists_naming(self, teacher: str, school: str) -> list[str]:
        """The other schools whose lists name ``teacher`` (as ``on_list`` reads a name), as
        a teacher's label names a school: a 帮扶教师 cell naming 白鹤小学's 周老师 for a child
        of 青山小学 is on no list of hers all the same, but saying so alone would tell the
        school to add to its list a teacher who is on another one (a list kept apart by
        its title, a county's teacher of the school next door)."""
        if self._schools_named is None:
            self._schools_named = {}
            for where, name in self.named:
                self._schools_named.setdefault(name, []).append(where)
        names = dict.fromkeys((teacher, _NAMESAKE_TAG.sub("", teacher)))
        found = (where for name in names for where in self._schools_named.get(name, ()))
        others = dict.fromkeys(where for where in found if where not in ("", school))
        return [school_label(where, self.file_names) for where in others]

    def knows(self, teacher: str, school: str) -> bool:
        """Whether a 帮扶教师 cell naming ``teacher`` for a child of ``school`` names someone
        the lists know (lbc validate's TCH003 when not): on the list that decides for the
        school (``on_list``); any name where no list decides it (``who`` takes it)."""
        return not self.decides(school) or self.on_list(teacher, school)


def teacher_labels(
    teachers: Iterable[Teacher], names: Mapping[str, str] | None = None
) -> dict[Teacher, str]:
    """How each teacher is shown: the name, and 王芳（青山小学） where teachers of two schools
    of the run share it, so a list of a folder of schools never reads as one 王芳; a school
    of a file that names none (FILE_SCHOOL) by the name ``names`` gives its file (the run's
    ``file_names``, as lbc merge writes it in the 学校 column, so the folder and its merged
    roster name her alike), else by its folder and file, 王芳（白鹤/花名册）."""
    keys = list(dict.fromkeys(teachers))
    schools: dict[str, set[str]] = {}
    for school, name in keys:
        schools.setdefault(name, set()).add(school)
    return {
        (school, name): t("pair.same_name", name=name, tag=school_label(school, names or {}))
        if school and len(schools[name]) > 1
        else name
        for school, name in keys
    }


def school_name(school: str) -> str:
    """A teacher's school as a document or JSON names it: "" for the school of a file that
    names none (FILE_SCHOOL), which has no name to print."""
    return "" if school.startswith(FILE_SCHOOL) else school


def school_label(school: str, names: Mapping[str, str]) -> str:
    """A school as a teacher's label names it: a file's own school by the file."""
    if not school.startswith(FILE_SCHOOL):
        return school
    file = school.removeprefix(FILE_SCHOOL)
    if file in names:
        return names[file]
    path = Path(file)
    return f"{path.parent.name}/{path.stem}" if path.parent.name else path.stem


def class_rank(cls: object) -> tuple[int, int, int]:
    """Classes in school order (一年级(1)班, 一年级(2)班, 二年级(1)班 …), then every row
    whose class is missing or unreadable; callers append their own tie-breaks."""
    if cls.__class__ is nz.ClassRef:
        return (0, cls.grade, cls.number)  # type: ignore[attr-defined]
    return (1, 0, 0)


def named_children(namesakes: Iterable[tuple[K, object]], cls: object) -> list[K]:
    """The children a support record points at, of the ``(child, class)`` pairs that share
    its name (a child on several rows once per row): all of them when the record gives no
    class; of several, those in its class; a single one unless the roster puts it in
    another class (on every row it has)."""
    found = list(namesakes)
    if len(found) == 1:  # nearly every record: one child of that name, on one row
        [(child, their)] = found
        known = cls.__class__ is not nz.ClassRef or their == cls
        return [child] if known or their.__class__ is not nz.ClassRef else []
    children = list(dict.fromkeys(child for child, _ in found))
    if cls.__class__ is not nz.ClassRef or not found:
        return children
    if len(children) > 1:
        return list(dict.fromkeys(child for child, their in found if their == cls))
    known = (their == cls or their.__class__ is not nz.ClassRef for _, their in found)
    return children if any(known) else []


def patterned_id(kind: object) -> bool:
    """Whether a child's 身份证件号 is an ID number, its birth date and sex inside it, by its
    身份证件类型 (``kind``): when that names a 居民身份证 or a 港澳台居民居住证, is empty, or is
    unreadable (lbc validate asks for it, VAL001, and checks the number as an ID's); not
    when it names another document, a passport or a 通行证, whose 18 characters may look
    like an ID's and hold no birth date."""
    return kind.__class__ is not str or kind in nz.PATTERNED_ID_KINDS


def birth_date(birth: object, ident: object, kind: object) -> object:
    """A person's birth date: its column's, else the one an 18-character ID holds when its
    身份证件类型 ``kind`` says it is an ID (``patterned_id``). A column known to the month
    only (出生年月 2015年3月) gives way to the ID's day in that month, so the child is on
    that month's birthday list and its age counts from the day. An ID typed as a number
    (lbc validate ID004) has lost only its last digits: the birth date in the 7th to 14th
    is whole, and the child keeps its birthday and age."""
    if ident.__class__ is nz.NumericId:
        ident = ident.digits  # type: ignore[attr-defined]
    if (
        birth.__class__ is dt.date
        or not isinstance(ident, str)
        or len(ident) != 18
        or not patterned_id(kind)
    ):
        return birth if birth.__class__ in (dt.date, dates.YearMonth) else None
    try:
        held = dt.date(int(ident[6:10]), int(ident[10:12]), int(ident[12:14]))
    except ValueError:
        return birth if birth.__class__ is dates.YearMonth else None
    if birth.__class__ is dates.YearMonth and births_differ(birth, held):  # type: ignore[arg-type]
        return birth
    return held


def known_birth(birth: object, ident: object, kind: object) -> dt.date | None:
    """A person's birth date (``birth_date``) when there is one; None when neither the
    column nor the ID gives a date (an unreadable cell, a 15-digit ID, a passport's
    number)."""
    born = birth_date(birth, ident, kind)
    return born if born.__class__ in (dt.date, dates.YearMonth) else None  # type: ignore[return-value]


def births_differ(one: dt.date, other: dt.date) -> bool:
    """Whether two birth dates are of two people: a month-only 出生年月 (2015年3月) is
    compared to the month."""
    if dates.YearMonth in (one.__class__, other.__class__):
        return (one.year, one.month) != (other.year, other.month)
    return one != other


# The columns saying when a child came to the school: 转入日期 (a transfer in) and the
# 学籍 export's 入学年月 (enrolment).
ARRIVAL_KEYS = ("arrival_date", "enrollment_date")


def came_after(since: dt.date, *days: object) -> dt.date | None:
    """The day a child came to the school, when after ``since`` (the school year's start):
    the latest of its 转入日期 and 入学年月 (``days``, as read; a month alone is its first
    day) that is a date, else None. A child enrolled in an earlier year, or at the year's
    start, came at none: it owes all the year."""
    latest = max(
        (dt.date(d.year, d.month, d.day) for d in days if d.__class__ in _DAYS),  # type: ignore[attr-defined]
        default=None,
    )
    return latest if latest is not None and latest > since else None


_DAYS = (dt.date, dates.YearMonth)


# A year alone, as a guardian's 出生日期 is often written (1950, 1950年).
_YEAR_ALONE = re.compile(r"(19\d\d|20\d\d)年?")


def year_alone(value: object) -> int | None:
    """The year a birth date cell gives that is written as a year alone (1950, 1950年,
    which reads as no date: nz.Bad), else None."""
    if value.__class__ is nz.Bad and (year := _YEAR_ALONE.fullmatch(value.raw)):  # type: ignore[attr-defined]
        return int(year[1])
    return None


def ages_in_year(year: int, as_of: dt.date) -> tuple[int, int]:
    """The youngest and the oldest a person born in ``year`` can be on ``as_of``."""
    youngest = as_of.year - year - ((as_of.month, as_of.day) < (12, 31))
    return youngest, as_of.year - year


def age_on(born: object, as_of: dt.date) -> int | None:
    """Whole years from ``born`` (a date, or a month) to ``as_of``; None when not a date."""
    if born.__class__ not in (dt.date, dates.YearMonth):
        return None
    assert isinstance(born, dt.date)
    return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
