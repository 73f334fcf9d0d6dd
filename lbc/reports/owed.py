"""What the school's quotas ask of each paired child, laid out for the term and owed by a day.

The record sheets lay out a row for every talk, visit and 送温暖 the quotas ask this term;
``lbc due`` says, on a day, which of them are still owed, and which children have gone too
long without any contact. Both read the children (``caseload``) and each child's records
(``lbc.roster.support``) as the summary does, with the same functions, so on the term's last
day ``lbc due`` and ``lbc summary`` count the same children behind.

A talk is owed every counted month (``Term.counted_months``): this month's is *owed*, a past
month's missed is *overdue* (a month is past the day after its last, or on the term's last
day, when the summary judges the whole term). A home visit is owed in the term, 送温暖 in
the school year.
A child whose last record (of any kind) is more than ``max_days_without_contact`` days old,
or who has none since the school year began that long ago, is overdue
(``days_without_contact``, as the watch list counts).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from lbc.messages import again, as_groups, as_list, said, t
from lbc.reports.caseload import Kids, on_books
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.people import (
    Teacher,
    class_rank,
    known_birth,
    priority_text,
    school_name,
    teacher_labels,
    untagged,
)
from lbc.roster.support import (
    TALK,
    VISIT,
    WARMTH,
    ChildIndex,
    SupportRecord,
    counted_records,
    dated_records,
    days_without_contact,
    each_childs_records,
    paired_with,
)
from lbc.roster.tables import phone_to_call
from lbc.workspace.config import Quotas
from lbc.workspace.schools import of_their_own, quotas_by_file, schools_of
from lbc.workspace.terms import SchoolTerms, Term, terms_of_their_own

Month = tuple[int, int]


def laid_out(term: Term, quotas: Quotas) -> list[tuple[str, str, Month | None]]:
    """The rows one child's record sheet lays out: (kind, when it is owed, and the month
    of a talk)."""
    rows: list[tuple[str, str, Month | None]] = [
        (TALK, t("rs.month", year=y, month=m), (y, m))
        for y, m in term.counted_months(term.end)
        for _ in range(quotas.talks_per_month)
    ]
    rows += [(VISIT, t("rs.this_term"), None)] * quotas.home_visits_per_term
    rows += [(WARMTH, t("rs.this_year"), None)] * quotas.warmth_per_year
    return rows


def caseloads(kids: Kids) -> dict[Teacher, list[int]]:
    """Each support teacher with children (those of a teachers list in its order, then those
    a school without one names, as first named) and their children: priority children
    first, then by class, in the roster's order."""
    priority = kids.priority()
    mine: dict[Teacher, list[int]] = {}
    for k, teacher in enumerate(kids.teachers):
        if teacher:
            mine.setdefault(teacher, []).append(k)
    listed = kids.in_post.active
    order = sorted(mine, key=lambda x: listed.get(x, len(listed)))

    def first(k: int) -> tuple[object, ...]:
        return (not priority[k], *class_rank(kids.refs[k]), kids.labels[k], k)

    return {x: sorted(mine[x], key=first) for x in order}


@dataclass(frozen=True)
class SheetChild:
    """One of the teacher's children as their record sheet shows them."""

    name: str
    cls: str
    gender: str
    guardian: str
    relation: str
    guardian_phone: str
    parent_phones: str
    priority: str
    # One of namesakes in the class: the birth date a record of theirs is told apart by.
    born: dt.date | None = None


@dataclass(frozen=True)
class Planned:
    """A row laid out to fill: whose (an index into the sheet's children), which kind, and
    when it is owed (2024年10月, 本学期)."""

    child: int
    kind: str
    when: str


@dataclass(frozen=True)
class RecordBook:
    teacher: str
    school: str  # the teacher's school; "" when the run does not tell schools apart
    label: str  # how the teacher is shown: 王芳（青山小学） where two schools have a 王芳
    children: list[SheetChild]
    planned: list[Planned]
    term: Term  # the term as the teacher's school dates it (its lbc.toml in a county)


def record_books(
    roster: Roster, terms: SchoolTerms, quotas: Quotas
) -> tuple[list[RecordBook], int, list[str], int]:
    """One book per support teacher with children, laid out for the term as the teacher's
    school dates it (``terms``) and by its quotas (in a county's folder, those its own
    lbc.toml sets over the run's: ``quotas_by_file``), how many children have none, the
    paired namesakes their sheets cannot tell apart (张伟（五年级(1)班）, each a Said,
    which the run's language says again), and how many children had this school year's
    送温暖 before the term (``warmth_before``), whose sheets lay out fewer rows of it."""
    kids, _ = on_books(roster)
    priority = kids.priority()
    # A cell showing a formula's error (#N/A) is printed as the blank it stands for.
    text = {
        key: [v if isinstance(v, str) else "" for v in kids.held(key)]
        for key in ("gender", "guardian_name", "guardian_relation")
    }
    places = [(table, i) for table, rows in kids.rows for i in rows]  # each child's row
    text["guardian_phone"] = [phone_to_call(table, "guardian_phone", i) for table, i in places]
    index = kids.index(roster)
    born, unclear = namesakes_born(kids, index)
    had_warmth = warmth_before(roster, index, terms)
    spared: set[int] = set()  # the children a 送温暖 row is not laid out for: had already
    rows: dict[tuple[Term, str], list[tuple[str, str, Month | None]]] = {}
    own = quotas_by_file(roster, quotas)
    arrivals: dict[tuple[dt.date, dt.date], list[dt.date | None]] = {}
    books = []
    loads = caseloads(kids)
    labels = teacher_labels(loads, kids.in_post.file_names)
    for key, mine in loads.items():
        school, teacher = key[0], kids.in_post.name(key)
        children = [
            SheetChild(
                kids.names[k],
                kids.labels[k],
                text["gender"][k],
                text["guardian_name"][k],
                text["guardian_relation"][k],
                text["guardian_phone"][k],
                _parent_phones(*places[k]),
                as_list(map(again, priority[k])),
                born[k],
            )
            for k in mine
        ]
        file = kids.origins[mine[0]]
        term = terms.of(file)
        laid = (term, file if file in own else "")  # a school's own quotas: its own rows
        if laid not in rows:
            rows[laid] = laid_out(term, own.get(file, quotas))
        # A child who came this school year owes no talk of a month it was mostly not
        # there (lbc due, the summary): no row is laid out for one; nor is one of a month
        # before the school paired her with this teacher (Kids.with_teacher_since).
        owes: list[set[Month] | None] = []
        for k in mine:
            year_start = terms.year_start_of(kids.where[k][0])
            if (year_start, term.end) not in arrivals:
                arrivals[(year_start, term.end)] = kids.with_teacher_since(year_start, term.end)
            came = arrivals[(year_start, term.end)][k]
            owes.append(None if came is None else set(term.counted_months(term.end, came)))
        # 送温暖 is owed once a school year: a child who had it in the term before has no
        # row of it laid out again (lbc due owes none), nor of the rest of its quota.
        planned = []
        warmth = 0  # the 送温暖 rows laid out so far, each child's n-th of the year's
        for kind, when, month in rows[laid]:
            warmth += kind == WARMTH
            for n, k in enumerate(mine):
                if kind == WARMTH and warmth <= had_warmth[k]:
                    spared.add(k)
                elif month is None or owes[n] is None or month in owes[n]:
                    planned.append(Planned(n, kind, when))
        name = school_name(school)
        books.append(RecordBook(teacher, name, labels[key], children, planned, term))
    paired = [k for mine in loads.values() for k in mine]
    apart = [
        said("pair.same_name", name=kids.names[k], tag=kids.labels[k])
        for k in paired
        if k in unclear
    ]
    return books, len(kids) - len(paired), list(dict.fromkeys(apart)), len(spared)


def warmth_before(roster: Roster, index: ChildIndex[int], terms: SchoolTerms) -> Counter[int]:
    """The 送温暖 each child had this school year before the term (``terms``: each school's
    own, in a county's folder), as lbc due and the summary count the year's: none in an
    autumn term, which starts the school year."""
    term = terms.run
    before = dt.timedelta(days=1)
    own = terms.spans(lambda _, mine: mine.start - before)
    if terms.year_start >= term.start and all(s > e for s, e, _ in own.values()):
        return Counter()
    year = dated_records(roster, index, terms.year_start, term.start - before, term.year_ceded, own)
    return each_childs_records(year).warmth


def _parent_phones(table: Table, i: int) -> str:
    """Each parent's numbers after who it is, a parent a line (父亲 138…, 母亲 139…、136…):
    a lone number under 父母电话 does not say whether the father or the mother answers it;
    a number's extension after it, as the card prints it (phone_to_call)."""
    return "\n".join(
        t("rs.parent_phone", who=t(f"contact.{who}"), numbers=numbers)
        for who in ("father", "mother", "parent")
        if (numbers := phone_to_call(table, f"{who}_phone", i))
    )


def namesakes_born(kids: Kids, index: ChildIndex[int]) -> tuple[list[dt.date | None], set[int]]:
    """Each child's birth date when a record naming it by name and class would name
    another child too (``ChildIndex.find`` over ``index``, the children's records index):
    what its record sheet rows carry so the record is its own, and what lbc due shows
    beside its name so a teacher knows which of two 张伟 is behind; None for the rest.
    And the namesakes even it does not tell apart (no birth date known, or one shared)
    nor their support teacher (``paired_with``: one paired with another namesake's too, or
    with nobody), whose records will be no one's."""
    births, ids = kids.column("birth_date"), kids.column("id_number")
    kinds_of_id = kids.column("id_kind")
    teachers = kids.column("support_teacher")
    born: list[dt.date | None] = []
    unclear: set[int] = set()
    for k, (name, cls) in enumerate(zip(kids.names, kids.column("class"), strict=True)):
        day = None
        # A record of her school names her: a namesake of a school apart is no namesake.
        school = index.school_of(name, k)
        if len(index.find(name, cls, school)) > 1:
            day = known_birth(births[k], ids[k], kinds_of_id[k])
            # Her records are signed with her name (王芳, for 王芳（三年级(2)班）).
            signed = untagged(teachers[k]) if isinstance(teachers[k], str) else None
            if len(paired_with(index.find(name, cls, school, day), signed)) > 1:
                unclear.add(k)
        born.append(day)
    return born, unclear


@dataclass
class Owed:
    """One paired child on a day: what they had and what is owed."""

    name: str
    cls: str
    priority: list[str]  # codes (priority_codes)
    talks_this_month: int
    missed_months: list[Month]
    visits: int
    warmth: int
    family_calls: int
    last_contact: dt.date | None
    days_without_contact: int
    owed: list[str]  # 谈心, 家访, 送温暖 still owed
    overdue: bool
    other_teachers: int  # records by a teacher other than the child's, counted for the child
    born: dt.date | None = None  # one of namesakes in the class: its birth date tells which
    # One of namesakes in the class that nothing tells apart (no birth date, or one shared):
    # their records are no one's, which is why both are listed as owing.
    alike: bool = False
    # Longer without contact than its school's max_days_without_contact allows.
    out_of_contact: bool = False


@dataclass
class Due:
    """``lbc due``: every teacher's children with something owed, on ``as_of``."""

    as_of: dt.date
    term: Term
    quotas: Quotas
    paired: int
    unpaired: int
    teachers: dict[Teacher, list[Owed]] = field(default_factory=dict)
    # Each teacher listed's school by name, as lbc export names its children's rows': a
    # school lbc.toml or a title names, else the file's own name.
    schools: dict[Teacher, str] = field(default_factory=dict)
    # Records read up to as_of, in the school year, that count (``counted_records``): as
    # the summary's total, without those the note says were not counted.
    records: int = 0
    # Of them, those naming no one child of the roster (SupportRecord.unclear), and those
    # whose 类型 lbc cannot read (入户走访了解): a contact, but no talk, visit or 送温暖 of
    # any child (lbc validate's REC004). The records, for the note to name the codes
    # validate shows on them (lbc.commands.common.note_uncounted_records).
    unclear: list[SupportRecord] = field(default_factory=list)
    unreadable_kinds: list[SupportRecord] = field(default_factory=list)
    # The records counted (``records``), for the note to say which of them repeat an
    # earlier row of their sheet (lbc validate's REC011).
    counted: list[SupportRecord] = field(default_factory=list)
    # The schools whose own lbc.toml's [quotas] make theirs other than the run's, by name.
    own_quotas: dict[str, Quotas] = field(default_factory=dict)
    # The schools counted by a term their own dates make other than ``term``, and it.
    own_terms: list[tuple[str, Term]] = field(default_factory=list)
    # Each file's name as a school (TeachersInPost.file_names), for ``labels``.
    file_names: dict[str, str] = field(default_factory=dict)
    # The paired children a pairs workbook gave another teacher this school year (its
    # 结对日期), each judged from that day (Kids.with_teacher_since).
    repaired: int = 0
    # The paired children out of contact longer than the quota only with the winter break
    # a school's own term dates leave (Term.winter_break), which is not counted.
    holidays: int = 0
    # The fewest days without contact allowed of those children (their schools' own
    # [quotas] in a county's): what the note says they went over, which each of them did.
    holidays_over: int = 0

    def labels(self) -> dict[Teacher, str]:
        """How each teacher listed is shown (``teacher_labels``)."""
        return teacher_labels(self.teachers, self.file_names)

    def children(self) -> list[Owed]:
        return [c for kids in self.teachers.values() for c in kids]

    def count(self, kind: str) -> int:
        """Children owing ``kind`` (谈心 this month, 家访, 送温暖)."""
        return sum(kind in c.owed for c in self.children())

    @property
    def missed_a_month(self) -> int:
        return sum(bool(c.missed_months) for c in self.children())

    @property
    def out_of_contact(self) -> int:
        """Children longer without contact than their school allows (``Owed``)."""
        return sum(c.out_of_contact for c in self.children())

    @property
    def overdue(self) -> int:
        return sum(c.overdue for c in self.children())

    def totals(self) -> dict[str, int]:
        return {
            "paired": self.paired,
            "unpaired": self.unpaired,
            "records": self.records,
            "listed": len(self.children()),
            "no_talk_this_month": self.count("谈心"),
            "missed_a_month": self.missed_a_month,
            "no_home_visit": self.count("家访"),
            "no_warmth": self.count("送温暖"),
            "out_of_contact": self.out_of_contact,
            "overdue": self.overdue,
        }


def due(roster: Roster, terms: SchoolTerms, quotas: Quotas, as_of: dt.date) -> Due:
    """What is owed on ``as_of`` (a day of the term, or after it) by every paired child,
    each child's term and records as its school's own dates make them (``terms``)."""
    kids, _ = on_books(roster)
    term = terms.run
    day = min(as_of, term.end)
    index = kids.index(roster)
    # Each school's own term: its records dated by it, its children's months counted in it.
    own = terms.spans(lambda _, mine: min(as_of, mine.end))
    records = dated_records(roster, index, terms.year_start, day, term.year_ceded, own)
    born, alike = namesakes_born(kids, index)

    origins = kids.origins

    def of_term(r: SupportRecord) -> bool:
        # By its child's school (of a merged roster, a record's file is the county's).
        mine = terms.of(r.file if r.child is None else origins[r.child])
        return mine.holds(r.date, min(as_of, mine.end))

    in_term = (
        [r for r in records if of_term(r)]
        if own
        else [r for r in records if term.holds(r.date, day)]
    )
    had_term = each_childs_records(in_term)
    had_year = each_childs_records(records)
    # 送温暖 is owed by the school year: one given after the term ended, before ``as_of``,
    # in a break the school's own dates leave (a Spring Festival visit), is the year's.
    warmth = had_year.warmth
    after = terms.spans(lambda file, _: min(as_of, terms.year_ends[file]))
    year_end = min(as_of, terms.year_end)
    if year_end > day or any(span[1] > own[file][1] for file, span in after.items()):
        year = dated_records(roster, index, terms.year_start, year_end, term.year_ceded, after)
        warmth = each_childs_records(year).warmth
    # A child who came to the school this school year (转入日期) owes nothing for the time
    # before: no talk of a month it was mostly not there, no days without contact; nor is a
    # teacher the school paired her with mid-term held to the time before (a pairs
    # workbook's 结对日期: Kids.with_teacher_since).
    arrivals: dict[tuple[dt.date, dt.date], list[dt.date | None]] = {}
    months: dict[tuple[Term, dt.date | None], tuple[list[Month], list[Month]]] = {}

    def counted_judged(
        mine: Term, gone: dt.date, since: dt.date | None
    ) -> tuple[list[Month], list[Month]]:
        if (mine, since) not in months:  # a month half outside the term owes no talk (judged)
            months[(mine, since)] = (
                mine.counted_months(gone, since),
                mine.counted_months(mine.end, since),
            )
        return months[(mine, since)]

    priority = kids.priority_codes()
    others = _other_teachers(records, kids)
    unclear = [r for r in records if r.unclear]
    counted = counted_records(records)
    result = Due(day, term, quotas, 0, 0, records=len(counted), unclear=unclear, counted=counted)
    result.unreadable_kinds = [r for r in records if r.kind.__class__ is nz.Bad]
    result.file_names = kids.in_post.file_names
    loads = caseloads(kids)
    schools = schools_of(roster)
    result.paired = sum(len(v) for v in loads.values())
    # Each school's own [quotas] over the run's, in a county's folder (Roster.quotas).
    own_quotas = quotas_by_file(roster, quotas)
    result.own_quotas = of_their_own(own_quotas, roster)
    result.own_terms = terms_of_their_own(roster, terms)
    result.unpaired = len(kids) - result.paired
    # The day a pairs workbook gave each child her teacher in place of another, for the
    # note: said only of a child whom the time before it would have made overdue.
    repaired_on = kids.paired_since()
    plain: dict[dt.date, list[dt.date | None]] = {}
    for teacher, mine in loads.items():
        listed = []
        for k in mine:
            file = kids.origins[k]
            school_term, year_start = terms.of(file), terms.year_start_of(file)
            quota = own_quotas.get(file, quotas)
            on = min(as_of, school_term.end)
            if (year_start, on) not in arrivals:
                arrivals[(year_start, on)] = kids.with_teacher_since(year_start, on)
            last = had_year.last.get(k)
            came = arrivals[(year_start, on)][k]
            silent = days_without_contact(last, on, came or year_start)
            # The months gone: on a month's last day its talk is still this month's to
            # hold (the staff meet in the day), except on the term's last day, when the
            # term is judged whole as the summary judges it.
            gone = on if on == school_term.end else on - dt.timedelta(days=1)
            counted, judged = counted_judged(school_term, gone, came)
            month = (on.year, on.month)
            talks = had_term.talks[(k, month)]
            missed = had_term.months_short(k, counted, quota.talks_per_month)
            # Shown as the days they are, judged without the winter break's.
            gap = school_term.winter_break
            term_days = (
                silent if gap is None else days_without_contact(last, on, came or year_start, gap)
            )
            silent_long = term_days > quota.max_days_without_contact
            if gap is not None and silent > quota.max_days_without_contact >= term_days:
                over = quota.max_days_without_contact
                result.holidays_over = min(result.holidays_over, over) if result.holidays else over
                result.holidays += 1
            late = bool(missed) or silent_long
            paired_on = repaired_on[k]
            if paired_on is not None and year_start < paired_on <= on and not late:
                if year_start not in plain:
                    plain[year_start] = kids.arrived(year_start)
                before = plain[year_start][k]
                before = min(before, on) if before is not None else None
                was = counted_judged(school_term, gone, before)[0]
                result.repaired += bool(
                    had_term.months_short(k, was, quota.talks_per_month)
                    or days_without_contact(last, on, before or year_start, gap)
                    > quota.max_days_without_contact
                )
            owed = []
            if month in judged and month not in counted and talks < quota.talks_per_month:
                owed.append(TALK)
            if had_term.visits[k] < quota.home_visits_per_term:
                owed.append(VISIT)
            if warmth[k] < quota.warmth_per_year:
                owed.append(WARMTH)
            if not owed and not late:
                continue
            # A contact before her teacher had her (the day she came, or the pair's day) is
            # shown as long ago as it was; the teacher is judged from that day (silent).
            shown = (
                silent
                if last is None or came is None
                else days_without_contact(last, on, year_start)
            )
            listed.append(
                Owed(
                    kids.names[k],
                    kids.labels[k],
                    priority[k],
                    talks,
                    missed,
                    had_term.visits[k],
                    warmth[k],
                    had_term.family_calls(k),
                    last,
                    shown,
                    owed,
                    late,
                    others.get(k, 0),
                    born[k],
                    k in alike,
                    silent_long,
                )
            )
        if listed:
            result.teachers[teacher] = listed
            result.schools[teacher] = schools.at(*kids.where[mine[0]])
    return result


def _other_teachers(records: list[SupportRecord], kids: Kids) -> dict[int, int]:
    """Per child, the records written by a teacher who is not the child's: accepted and
    counted for the child, and said, so the school knows who did the work."""
    out: dict[int, int] = {}
    for r in records:
        if r.child is None or not r.teacher:
            continue
        own = kids.teachers[r.child]
        if own and kids.in_post.name(own) not in r.teachers:
            out[r.child] = out.get(r.child, 0) + 1
    return out


def month_text(m: Month) -> str:
    return f"{m[0]}-{m[1]:02d}"


def table_header() -> list[str]:
    return [t(f"due.col.{k}") for k in ("child", "class", "priority", "owed", "last", "overdue")]


def table_rows(kids: list[Owed], day: Callable[[dt.date], str] = str) -> list[list[object]]:
    """Six columns, so that a teacher's list fits an 80-column terminal and an A4 page: the
    months without a talk go with what is owed, the days since the last contact with it;
    those days and a namesake's birth date written by ``day`` (ISO on the terminal, where
    it stays narrow, a month alone 2024-10; 2024年9月30日 on paper)."""
    return [
        [
            _shown(c, day),
            c.cls,
            as_list(map(priority_text, c.priority)),
            _owed_text(c),
            t("due.last", date=day(c.last_contact), days=c.days_without_contact)
            if c.last_contact
            else t("due.never", days=c.days_without_contact),
            t("due.yes") if c.overdue else "",
        ]
        for c in kids
    ]


def _shown(c: Owed, day: Callable[[dt.date], str]) -> str:
    """A child as the list shows it: one of namesakes in its class with the birth date
    that tells it apart, or said to be one that nothing does."""
    if c.alike:
        return t("due.namesake_alike", name=c.name)
    return t("due.namesake", name=c.name, born=day(c.born)) if c.born else c.name


def owed_words(c: Owed) -> str:
    """What the child owes as the list words it (本月谈心、本学期家访), the months missed
    aside."""
    return as_list(t(f"due.owed.{k}") for k in c.owed)


def _owed_text(c: Owed) -> str:
    owed = owed_words(c)
    if not c.missed_months:
        return owed
    months = as_list(t("due.month", year=y, month=m) for y, m in c.missed_months)
    # Owing nothing now (talked with this month, visited, warmed) but a month missed earlier.
    if not owed:
        return t("due.missed_only", months=months)
    return t("due.owed_and_missed", owed=owed, months=months)


def _owing(result: Due, owed: str, quota: str, n: int) -> str:
    """How many children owe a talk, a visit or 送温暖, said by the number asked where the
    run, or any school by its own [quotas], asks other than one: a child owing the second
    of two visits has had one, and is not said to have had none."""
    asked = {getattr(q, quota) for q in (result.quotas, *result.own_quotas.values())} - {0}
    if asked <= {1}:
        return t(f"due.total.{owed}", n=n)
    if len(asked) > 1:
        return t(f"due.total.{owed}.own", n=n)
    return t(f"due.total.{owed}.times", n=n, times=asked.pop())


def summary_line(result: Due, day: Callable[[dt.date], str] = str) -> str:
    """The list's last line, its totals: the days without contact allowed are the run's,
    and, where schools of a county allow others by their own [quotas], theirs too."""
    n = result.totals()
    days = result.quotas.max_days_without_contact
    own: dict[int, list[str]] = {}
    for school, quotas in result.own_quotas.items():
        if quotas.max_days_without_contact != days:
            own.setdefault(quotas.max_days_without_contact, []).append(school)
    words = [
        t("due.limit.school", schools=as_list(sorted(schools)), days=n)
        for n, schools in sorted(own.items())
    ]
    limit = (
        t("due.limit.own", days=days, own=as_groups(words)) if own else t("due.limit", days=days)
    )
    return t(
        "due.summary",
        date=day(result.as_of),
        term=result.term.label,
        paired=n["paired"],
        talk=_owing(result, "talk", "talks_per_month", n["no_talk_this_month"]),
        missed=n["missed_a_month"],
        visit=_owing(result, "home_visit", "home_visits_per_term", n["no_home_visit"]),
        warmth=_owing(result, "warmth", "warmth_per_year", n["no_warmth"]),
        limit=limit,
        silent=n["out_of_contact"],
        overdue=n["overdue"],
    )
