"""Contact cards (联系卡): one per child on the books, grouped by class, to print and keep.

A card carries what a teacher needs to reach a family in a hurry: the child, both parents
(or the single 家长 columns), the guardian, the support teacher and the school's own line.
Anything the roster lacks stays on the card as a blank to fill in by hand, so a missing
phone is seen, not silently left out. Cards exist to carry phone numbers: they are shown
in full, and the command says so.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from lbc.checks.engine import person_id_date
from lbc.checks.watch import GUARDIAN_AGES, guardians_year, watch_list
from lbc.errors import LbcError
from lbc.messages import language, long_date, t
from lbc.output.formula_errors import UNSAVED
from lbc.reports.caseload import EITHER_ROW, support_teacher
from lbc.roster import dates
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.people import (
    LEFT_SCHOOL,
    Teacher,
    TeachersInPost,
    age_on,
    ages_in_year,
    class_rank,
    known_birth,
)
from lbc.roster.tables import (
    class_label,
    distinct_children,
    phone_to_call,
    shows_an_error,
)
from lbc.workspace.config import WatchSettings
from lbc.workspace.schools import schools_of

BLANK = "＿＿＿＿＿＿"
# The small mark beside the class of a child on the watch list: the teacher holding the card
# knows to look closer; a family or child seeing it learns nothing of why.
WATCH_MARK = "◆"
_PARENT_KEYS = ("name", "phone", "work_place")


@dataclass
class Person:
    role: str  # 父亲, 母亲, 家长, 监护人, 帮扶教师
    lines: list[tuple[str, str]]  # (label, value or BLANK)


@dataclass
class Card:
    name: str
    cls: str
    people: list[Person]
    child_lines: list[tuple[str, str]]
    school: str = ""  # the child's school when the roster holds several, else ""
    watched: bool = False  # on the watch list: the card bears WATCH_MARK, never the reasons

    @property
    def mark(self) -> str:
        return WATCH_MARK if self.watched else ""

    @property
    def title(self) -> str:
        return f"留守儿童联系卡 · {self.name}"

    def footer(self, school: str, contact_phone: str) -> str:
        """The card's last line: the school and its home-school phone, with blanks to fill
        in by hand where lbc.toml does not say; a county's cards name the child's own school
        (whose phone lbc.toml does not know)."""
        if self.school:
            return self.school
        return f"{school or '（学校名称）'}　家校联系电话：{contact_phone or BLANK}"


@dataclass
class ClassCards:
    cls: str
    cards: list[Card]


def _value(table: Table, key: str, i: int) -> str:
    """A cell on the card, a blank where it is empty or shows a formula's error (#N/A)."""
    value = table.get(key, i)
    return BLANK if shows_an_error(value) else nz.display(value) or BLANK


def _name(table: Table, key: str, i: int) -> str:
    """A parent's or the guardian's name on the card; one showing a formula's error (a failed
    VLOOKUP's #N/A: shows_an_error_whole, as VAL007 says it) worded as one, the name lost:
    the rest of the person's row is still printed under it (the phone may be the one way to
    reach the child), and a blank name would read as nobody to ask after."""
    raw = table.raw.get(key)
    if raw is not None and shows_an_error_whole(raw[i]):
        with language("zh"):  # a card is a school's document: Chinese whatever --lang says
            if raw[i] == UNSAVED:  # its value is in Excel, not lost
                return t("cell.unsaved", value=raw[i])
            return t("cards.name_error", error=raw[i])
    return _value(table, key, i)


def _written(table: Table, key: str, i: int) -> str:
    """A free-text cell (an address, a place of work) as the school wrote it, its full-width
    marks kept (四川省南部县（青山镇），幸福村); a blank when it says nothing. One showing a
    formula's error (shows_an_error_whole, as VAL007 says it) is worded as one, its content
    lost, as a name is (``_name``): a bare #N/A read as the address itself."""
    if table.get(key, i) is None:
        return BLANK
    raw = table.raw.get(key)
    if raw is not None and shows_an_error_whole(raw[i]):
        with language("zh"):  # a card is a school's document: Chinese whatever --lang says
            key = "cell.unsaved" if raw[i] == UNSAVED else "cell.formula_error"
            return t(key, value=raw[i])
    return (nz.as_written(raw[i]) if raw is not None else None) or _value(table, key, i)


def _health_shown(table: Table, i: int, health: object) -> str | None:
    """The row's 健康状况 as written (患病（哮喘）, its brackets full-width) where it says
    what lbc read, marks aside; as read where the cell is a code (the 学籍 export's 10 is
    健康或良好)."""
    read = nz.display(health)
    written = _written(table, "health", i)
    raw = table.raw.get("health")
    if raw is not None and shows_an_error_whole(raw[i]):
        return written  # worded as the error (#N/A（公式出错，内容已丢失）)
    folded = "".join(unicodedata.normalize("NFKC", written).split())
    same = read is not None and folded == "".join(read.split())
    return written if same else read


def _birth(table: Table, i: int) -> str:
    """The child's birth date: its column's, else the one its ID holds, as a Chinese form
    writes it (2016年5月1日); a month-only 出生年月 as read (2016-05), a cell that reads as
    no date as written, a blank when there is nothing."""
    born = known_birth(
        table.get("birth_date", i), table.get("id_number", i), table.get("id_kind", i)
    )
    if born.__class__ is dt.date:
        with language("zh"):  # a card is a school's document: Chinese whatever --lang says
            return long_date(born)  # type: ignore[arg-type]
    return nz.display(born) if born is not None else _value(table, "birth_date", i)


def _phone(table: Table, key: str, i: int) -> str:
    """A phone on the card: the numbers to call (phone_to_call); a cell that gives none is
    a blank to fill in, with what it held beside it (已停机, a number a digit short), so
    the teacher sees why there is no number to dial; a formula's error (#N/A) is no
    phone, a blank alone; one saved without its result, a phone to see in Excel
    (phone_to_call says so), as a name so held is (``_name``), not a blank to fill in."""
    numbers = phone_to_call(table, key, i)
    if numbers:
        return numbers
    value = table.get(key, i)
    if shows_an_error(value):
        return BLANK
    return f"{BLANK}（{value.raw}）" if isinstance(value, nz.Bad) else BLANK


def _teachers(in_post: TeachersInPost) -> dict[Teacher, str]:
    """Each teacher in post's phone (a blank when the list has none): two schools' 王芳,
    or two 王芳 of one school, have two phones. A child naming one of two 王芳 without
    saying which has none on its card: the other's would be a wrong number."""
    return {key: _phone(table, "phone", i) for key, (table, i) in in_post.rows.items()}


def build_cards(roster: Roster, watch: WatchSettings, only: str | None = None) -> list[ClassCards]:
    """The cards by class, in class order, a child on the watch list (drawn by ``watch``)
    marked; ``only`` narrows them to one class (any spelling lbc reads, such as 三(2)班)."""
    wanted = nz.class_ref(only) if only else None
    if only and not isinstance(wanted, nz.ClassRef):
        raise LbcError(t("err.cards_bad_class", cls=only))
    in_post = TeachersInPost(roster)
    phones = _teachers(in_post)
    schools = schools_of(roster)
    today = dt.date.today()
    watched = {(id(w.table), w.i) for w in watch_list(roster, watch, today)}
    groups: dict[object, ClassCards] = {}
    rows = list(distinct_children(roster.children, roster.copy_schools()))
    again: dict[tuple[int, int], list[tuple[Table, int]]] = {}  # kept row -> its repeats
    for table, i, first in rows:
        if first is not None:
            again.setdefault((id(first[0]), first[1]), []).append((table, i))
    for table, i, first in rows:
        if first is not None or table.get("enrollment_status", i) in LEFT_SCHOOL:
            continue
        cls = table.get("class", i)
        if wanted is not None and cls != wanted:
            continue
        label = class_label(table, i) or BLANK  # " #N/A" typed: the text it is, as 不知道
        # A county's cards: by school, then class, each card with its own school's name.
        school = schools.of(table, i) if schools.several else ""
        key = (school, cls if isinstance(cls, nz.ClassRef) else label)
        group = groups.setdefault(key, ClassCards(f"{school} {label}" if school else label, []))
        card = _card(table, i, label, phones, in_post, again.get((id(table), i), []), today)
        card.school = school
        card.watched = (id(table), i) in watched
        group.cards.append(card)
    if not groups:  # no card to print: said, rather than an empty document written
        raise LbcError(t("err.cards_no_class", cls=only) if only else t("err.cards_no_children"))

    first_seen: dict[str, int] = {}
    for school, _ in groups:
        first_seen.setdefault(school, len(first_seen))

    def order(key: tuple[str, object]) -> tuple:
        """Schools in the order they were read, classes in order within each."""
        school, cls = key
        return (first_seen[school], *class_rank(cls))

    return [groups[k] for k in sorted(groups, key=order)]


def _guardian_address(table: Table, i: int) -> str:
    """Where the guardian lives: its own column's, else the child's home when a guardian is
    named (the guardian looks after the child there), her name lost to a formula's error
    (#N/A) too, as the card prints her (``_name``); none for a child without one."""
    if table.has("guardian_address"):
        return _written(table, "guardian_address", i)
    named = table.get("guardian_name", i) is not None
    return _written(table, "home_address", i) if named else BLANK


def _guardian_age(table: Table, i: int, today: dt.date) -> str:
    """The guardian's age on the card, as the watch list counts it (WCH004): from the ID
    number's birth date, else the birth date column (a year alone: the youngest the
    guardian can be), else the 年龄 column; a blank where
    none says it. Only the 年龄 column was printed: a roster copied from the registration
    form gives the guardian's ID number, and the card of a child the list names for a
    guardian of 75 said no age."""
    named = table.get("guardian_name", i)
    if isinstance(named, str) and named:
        born = person_id_date(table.get("guardian_id_number", i))
        if born is None:
            written = table.get("guardian_birth_date", i)
            born = written if written.__class__ in (dt.date, dates.YearMonth) else None
        if born is not None and (age := age_on(born, today)) is not None:
            return str(age)
        if born is None and (year := guardians_year(table, i)) is not None:
            youngest, oldest = ages_in_year(year, today)
            if youngest in GUARDIAN_AGES and oldest in GUARDIAN_AGES:
                return str(youngest)  # as the watch list says it
    return _value(table, "guardian_age", i)


def _card(
    table: Table,
    i: int,
    cls: str,
    phones: dict[Teacher, str],
    in_post: TeachersInPost,
    repeats: list[tuple[Table, int]],
    today: dt.date,
) -> Card:
    """Child ``i``'s card; ``repeats``: the rows repeating its ID number, whose word of an
    illness or disability the card carries too (EITHER_ROW), as the watch list counts it."""
    v = lambda key: _value(table, key, i)  # noqa: E731
    own_health = table.get("health", i)
    health = own_health
    if repeats:
        health = EITHER_ROW["health"]([health, *(tb.get("health", j) for tb, j in repeats)])
    shown_health = _health_shown(table, i, health) if health == own_health else nz.display(health)
    people = []
    # Father and mother when the roster has their columns; 家长 when it keeps one parent
    # column set; both when it has both (neither is hidden by the other).
    own = any(table.has(f"{who}_{k}") for who in ("father", "mother") for k in _PARENT_KEYS)
    single = any(table.has(f"parent_{k}") for k in _PARENT_KEYS)
    parents = [("父亲", "father"), ("母亲", "mother")] if own or not single else []
    if single:
        parents.append(("家长", "parent"))
    for role, who in parents:
        people.append(
            Person(
                role,
                [
                    ("姓名", _name(table, f"{who}_name", i)),
                    ("电话", _phone(table, f"{who}_phone", i)),
                    ("务工地点", _written(table, f"{who}_work_place", i)),
                ],
            )
        )
    people.append(
        Person(
            "监护人",
            [
                ("姓名", _name(table, "guardian_name", i)),
                ("关系", v("guardian_relation")),
                ("电话", _phone(table, "guardian_phone", i)),
                ("住址", _guardian_address(table, i)),
                ("年龄", _guardian_age(table, i, today)),
                ("身体状况", v("guardian_health")),
            ],
        )
    )
    teacher = support_teacher(in_post, table, i)  # a cell showing #N/A names nobody
    people.append(
        Person(
            "帮扶教师",
            [
                ("姓名", teacher[1] if teacher else BLANK),
                ("电话", phones.get(teacher, BLANK) if teacher else BLANK),
            ],
        )
    )
    child = [
        ("性别", v("gender")),
        ("班级", cls),
        # The ID's birth date where the roster has no 出生日期 (or only its month).
        ("出生日期", _birth(table, i)),
        ("健康状况", shown_health or BLANK),
        ("留守类型", v("left_behind_type")),
        ("家庭住址", _written(table, "home_address", i)),
    ]
    name = table.get("name", i)
    return Card(name if isinstance(name, str) else BLANK, cls, people, child)
