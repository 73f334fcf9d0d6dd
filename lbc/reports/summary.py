"""The termly work summary (学期工作总结): every number computed from the files, none typed.

:func:`build_context` turns the roster, its findings and the term into one plain dict (the
context every template renders and ``--format json`` prints); the prose sections 存在问题
and 下学期工作打算 are drafted from the largest gaps in it. Nothing here renders or prints.

Counting rules, so that a head teacher can check any number by hand:

* a child is one distinct child (a row repeating an earlier row's ID number counts once);
  children 转出 or 毕业 are counted in enrollment only, every other figure is about the
  children still on the school's books (在读, 转入, 休学, 辍学, 不在学: at no school, and
  no dropout);
* 建档 complete: no error finding on the child's row other than a missing contact, and no
  required column missing from its sheet; contacts complete: nothing missing by the contact
  rules, a phone cell that gives no number to call (已停机) counting as missing, as lbc
  flag counts it (lbc.checks.contacts); a child whose 留守类型 is empty or unreadable,
  whose contacts lbc flag does not check (lbc.roster.people.untyped), is complete when
  she lacks no contact by the rules of any 留守类型, lacking one when she lacks one by the
  rules of every 留守类型 (no parent's phone at all: judged_by_every_kind), else counted
  apart, said beside the share, which stays of every child on the books; so is a child
  complete or not by contact cells lbc cannot see (a formula saved without its result,
  which Excel shows: lbc.checks.contacts.unseen_contacts), counted neither way;
* paired: the child's 帮扶教师 names a teacher in post (在岗) of its school's teachers list,
  or, where no teachers list was read for the school, any teacher (TeachersInPost); a cell
  showing a formula's error (#REF!, a failed VLOOKUP's #N/A) names nobody, as lbc due and
  the record sheets count it too (lbc.reports.caseload.support_teacher); a teachers list's
  姓名 showing one names nobody either: that row is no teacher in post, as lbc pair leaves
  it out, and a note says how many rows were;
* records count (totals, by kind, by month) when dated inside the term, up to the summary's
  day (a day still to come is a typing slip, lbc validate's DATE002); the measures about
  children (talks every month, home visits, 送温暖, children without a record) use those
  matched to exactly one child, by name and by class when the record gives one, as lbc
  validate matches them, and within its school when it has a 学校 cell (lbc.roster.support);
  a record read already from another sheet (a copied record sheet) counts once; a talk is
  a 谈心 record, a home visit a 家访 record, a family call a 亲情通话 record (the child
  with its parents away); the records' totals are the term's, but a child has had its
  送温暖 when the school year's records up to the summary's day hold them, its quota
  being yearly, as lbc due counts it (a spring summary does not call a child warmed in
  December unwarmed);
* 巩固率 = 1 − 辍学 / (children on the books), 辍学率 = 辍学 / (children on the books).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import chain, repeat
from typing import Any

from lbc.checks.contacts import contact_gaps, judged_by_every_kind, unseen_contacts
from lbc.checks.findings import Finding
from lbc.checks.registry import RULES, R, RuleKind
from lbc.checks.watch import WatchFacts, settings_of_their_own
from lbc.errors import LbcError
from lbc.messages import as_groups, as_list, long_date, t
from lbc.reports.caseload import Kids, on_books, support_teacher
from lbc.reports.classes import overlap_note
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.changes import (
    BY_ID,
    BY_NAME_BIRTH,
    BY_NAME_CLASS,
    TRACKED,
    Matched,
    RosterDiff,
    diff_rosters,
    error_id_notes,
)
from lbc.roster.changes import label as diff_label
from lbc.roster.people import (
    LEFT_SCHOOL,
    Teacher,
    TeachersInPost,
    age_on,
    birth_date,
    class_rank,
    names_lost,
    names_unseen,
    pairing_school,
    teacher_labels,
    untyped,
)
from lbc.roster.support import (
    FAMILY_CALL,
    TALK,
    VISIT,
    WARMTH,
    ChildRecords,
    Month,
    SupportRecord,
    counted_records,
    dated_records,
    each_childs_records,
    record_days,
)
from lbc.workspace.config import Quotas, WatchSettings
from lbc.workspace.schools import Schools, of_their_own, quotas_by_file, schools_of
from lbc.workspace.terms import SchoolTerms, Term, term_of_its_own, terms_of_their_own

# Every variable a summary template can use, documented by ``lbc summary --variables``
# (descriptions: messages "var.<path>"); ``X[]`` is a list whose items have the fields
# listed under it, or ``name`` and ``count`` when none are.
VARIABLES = (
    "school",
    "term.key",
    "term.label",
    "term.title",
    "term.school_year",
    "term.start_text",
    "term.end_text",
    "term.start",
    "term.end",
    "term.months",
    "term.counted_months",
    "term.as_of",
    "term.schools",
    "term.schools[].school",
    "term.schools[].key",
    "term.schools[].label",
    "term.schools[].start",
    "term.schools[].end",
    "date_text",
    "quotas.talks_per_month",
    "quotas.home_visits_per_term",
    "quotas.warmth_per_year",
    "quotas.children_per_teacher",
    "quotas.schools",
    "quotas.schools[].school",
    "quotas.schools[].talks_per_month",
    "quotas.schools[].home_visits_per_term",
    "quotas.schools[].warmth_per_year",
    "quotas.schools[].children_per_teacher",
    "children.total",
    "children.left_behind",
    "children.by_grade[]",
    "children.by_class[]",
    "children.by_gender[]",
    "children.by_type[]",
    "children.by_guardian[]",
    "children.by_category[]",
    "archive.complete",
    "archive.complete_rate",
    "archive.contacts_complete",
    "archive.contacts_rate",
    "archive.contacts_unjudged",
    "archive.contacts_unseen",
    "archive.contacts_note",
    "archive.errors",
    "archive.warnings",
    "archive.findings[]",
    "archive.findings[].code",
    "archive.findings[].title",
    "archive.findings[].severity",
    "pairing.provided",
    "pairing.counted",
    "pairing.children",
    "pairing.paired",
    "pairing.coverage",
    "pairing.unpaired[]",
    "pairing.unpaired[].class",
    "pairing.unpaired[].names",
    "pairing.teachers",
    "pairing.teachers_with_children",
    "pairing.teachers_rate",
    "pairing.teachers_below_quota",
    "pairing.average_load",
    "pairing.kept",
    "records.provided",
    "records.total",
    "records.matched",
    "records.unclear",
    "records.unreadable_kinds",
    "records.by_kind[]",
    "records.by_month[]",
    "records.talks",
    "records.home_visits",
    "records.calls",
    "records.warmth",
    "records.family_calls",
    "records.family_called",
    "records.paired_children",
    "records.talk_every_month",
    "records.talk_rate",
    "records.home_visited",
    "records.home_visit_rate",
    "records.warmth_received",
    "records.warmth_rate",
    "records.without_record[]",
    "records.without_record[].class",
    "records.without_record[].names",
    "records.without_record_count",
    "records.teachers_behind[]",
    "records.teachers_behind[].teacher",
    "records.teachers_behind[].children",
    "records.teachers_behind[].missing_talks",
    "records.teachers_behind[].missing_visits",
    "watch.threshold",
    "watch.schools",
    "watch.schools[].school",
    "watch.schools[].threshold",
    "watch.schools[].guardian_age",
    "watch.schools[].weights",
    "watch.start_basis",
    "watch.start",
    "watch.end",
    "watch.end_all_owed",
    "enrollment.by_status[]",
    "enrollment.on_books",
    "enrollment.dropped_out",
    "enrollment.retention_rate",
    "enrollment.dropout_rate",
    "changes",
    "changes.added",
    "changes.left",
    "changes.changed",
    "changes.by_field[]",
    "changes.matched_by_id",
    "changes.matched_by_name_birth",
    "changes.matched_by_name_class",
    "schools",
    "schools[].name",
    "schools[].children",
    "schools[].paired",
    "schools[].coverage",
    "schools[].complete",
    "schools[].complete_rate",
    "schools_note",
    "county_table",
    "county_table.columns[]",
    "county_table.columns[].group",
    "county_table.columns[].name",
    "county_table.rows[]",
    "county_table.rows[].school",
    "county_table.rows[].counts",
    "problems",
    "plans",
)

GRADE_NAMES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}
PARENTS = frozenset({"父亲", "母亲"})


def rate(part: int, whole: int) -> float | None:
    """A share as a fraction, rounded for reports; None when there is nothing to share."""
    return round(part / whole, 4) if whole else None


def _grade_name(grade: int) -> str:
    if grade == nz.PRESCHOOL:
        return "学前班"
    return f"{GRADE_NAMES.get(grade, str(grade))}年级"


class _Classes:
    """Each child's school and class as the summary names them, and the order classes are
    listed in. Where the children are of several schools (a folder, a county's merged
    roster), a class is named with its school, as every class list names it
    (lbc.reports.classes): two schools' 一年级(1)班 are two classes, not one of both."""

    def __init__(self, lookup: Schools, kids: Kids, several: bool | None = None) -> None:
        self.schools = [lookup.at(*w) for w in kids.where]
        several = len(set(self.schools)) > 1 if several is None else several
        self.names: list[str] = []
        self.order: list[tuple[Any, ...]] = []
        # Each class's name and place made once, shared by its children: a string and a
        # tuple of its own for each of a province's million children took hundreds of MB.
        made: dict[tuple[str, str, nz.ClassRef | None], tuple[str, tuple[Any, ...]]] = {}
        for school, label, ref in zip(self.schools, kids.labels, kids.refs, strict=True):
            if (school, label, ref) not in made:
                where = school if several else ""
                name = label or t("sum.no_class")
                name = f"{where} {name}" if where else name
                made[(school, label, ref)] = (name, (where, *class_rank(ref), name))
            name, order = made[(school, label, ref)]
            self.names.append(name)
            self.order.append(order)


def _count_list(counter: Counter[str], order: tuple[str, ...]) -> list[dict[str, Any]]:
    """[{name, count}] in the canonical order, then anything else by size."""
    known = [{"name": k, "count": counter[k]} for k in order if counter[k]]
    rest = sorted((k for k in counter if k not in order), key=lambda k: (-counter[k], k))
    return known + [{"name": k, "count": counter[k]} for k in rest]


def build_context(
    roster: Roster,
    findings: list[Finding],
    terms: SchoolTerms,
    quotas: Quotas,
    school: str,
    today: dt.date,
    previous: Roster | None = None,
    watch: WatchSettings | None = None,
) -> tuple[dict[str, Any], list[SupportRecord]]:
    """Everything the summary says, as plain data (see ``lbc summary --variables``), up to
    ``today`` or the term's end, and the term's records it counts (for the notes on those
    it could not count in full: lbc.commands.common.note_uncounted_records); ``terms``: the
    term, and its school year's first day (送温暖 is owed yearly), as each school's own
    dates make them (a county's folder); the watch list is drawn with ``watch``, the
    school's [watch] settings."""
    kids, statuses = on_books(roster)

    if not len(kids):
        raise LbcError(t("err.summary_no_children"))
    term, year_start = terms.run, terms.year_start
    as_of = min(today, term.end)
    counted = term.counted_months(as_of)
    # Each school's term, its first day of the school year and its last day counted: a
    # county's records and children are each their school's own term's.
    own = {file: (mine, start, min(today, mine.end)) for file, (mine, start) in terms.own.items()}
    months = term.months(until=as_of)
    # The records' months: each school's term's (one starting on Aug 26 adds August).
    schools_months = [mine.months(last) for mine, _, last in own.values()]
    record_months = sorted({m for each in [months, *schools_months] for m in each})
    records, warmth = _dated_records(roster, kids, term, year_start, as_of, own)
    had = each_childs_records(records)
    # Each child's months: a child who came this term (转入日期) owes none before it; in
    # a county's folder, counted in its school's own term.
    if own:
        owed_months = _owed_months(kids, terms, today)
    else:
        arrived = kids.arrived(year_start)
        since = {came: term.counted_months(as_of, came) for came in set(arrived)}
        owed_months = [since[came] for came in arrived]
    # Each child's quotas: in a county's folder, its school's own lbc.toml's over the run's.
    own_quotas = quotas_by_file(roster, quotas)
    need = _each_childs_quotas(kids, own_quotas, quotas)
    asked = _children_asked(kids, quotas, own_quotas)
    lookup = schools_of(roster)
    # A child two schools list (DUP003) is each one's own: her row on the other's roster.
    others, listed_twice = kids.elsewhere(lookup.of)
    # Classes named with their schools wherever two schools are counted, even where one
    # school's every child is another's too.
    classes = _Classes(lookup, kids, several=bool(listed_twice) or None)
    complete_archives = _complete_archives(kids, findings, roster)
    elsewhere = (
        others,
        _Classes(lookup, others, several=True),
        _complete_archives(others, findings, roster),
    )
    context: dict[str, Any] = {
        "school": school,
        "term": {
            "key": term.key,
            "label": term.label,
            "title": term.title,
            "school_year": term.school_year,
            "start_text": long_date(term.start),
            "end_text": long_date(term.end),
            "start": term.start.isoformat(),
            "end": term.end.isoformat(),
            "months": [f"{y}-{m:02d}" for y, m in months],
            "counted_months": [f"{y}-{m:02d}" for y, m in counted],
            "as_of": as_of.isoformat(),
            # The schools of a county counted by a term of their own dates, and it.
            "schools": [term_of_its_own(*own) for own in terms_of_their_own(roster, terms)],
        },
        "date_text": long_date(as_of),
        "quotas": {
            **_counted_quotas(quotas),
            # The schools of a county whose own lbc.toml's quotas the summary counts by.
            "schools": [
                {"school": school, **mine}
                for school, theirs in of_their_own(own_quotas, roster).items()
                if (mine := _counted_quotas(theirs)) != _counted_quotas(quotas)
            ],
        },
        "children": _children_section(kids, classes, elsewhere[1]),
        "archive": _archive_section(kids, findings, complete_archives),
        "pairing": _pairing_section(kids, classes, asked, roster),
        "records": _records_section(
            kids,
            classes,
            records,
            had,
            warmth,
            record_months,
            owed_months,
            need,
            bool(roster.records),
        ),
        "enrollment": _enrollment_section(statuses),
        "changes": _changes_section(previous, roster) if previous is not None else None,
        "watch": _watch_section(
            roster, kids, had, owed_months, need, term, as_of, previous, watch or WatchSettings()
        ),
    }
    if previous is not None:
        context["pairing"]["kept"] = _kept(previous, roster, kids)
    context["schools"] = _schools_section([(kids, classes, complete_archives), elsewhere])
    context["schools_note"] = overlap_note(len(set(listed_twice)))
    if context["schools"]:  # several schools: the county's own table too
        context["county_table"] = _county_table(roster, kids, others, as_of)
    gaps = _gaps(context, _teachers_short(kids, classes, asked, roster))
    context["problems"] = [g["problem"] for g in gaps]
    context["plans"] = [g["plan"] for g in gaps]
    return context, records


def _dated_records(
    roster: Roster,
    kids: Kids,
    term: Term,
    year_start: dt.date,
    as_of: dt.date,
    own: dict[str, tuple[Term, dt.date, dt.date]],
) -> tuple[list[SupportRecord], Counter[int]]:
    """The term's records, attributed to the children, and the 送温暖 each child had this
    school year (``own``: each school's term, first day of the school year and last day
    counted). The index they are attributed by is dropped on return: a province's takes
    hundreds of MB, and the watch list makes its own."""
    index = kids.index(roster)
    spans = {file: (mine.start, last, mine.ceded) for file, (mine, _, last) in own.items()}
    records = dated_records(roster, index, term.start, as_of, term.ceded, spans)
    # 送温暖 is owed once a school year: those of the term before this one count too, and
    # a month the school year shares with another is counted in the one that holds it.
    years = {file: (start, last, mine.year_ceded) for file, (mine, start, last) in own.items()}
    this_year = (
        dated_records(roster, index, year_start, as_of, term.year_ceded, years)
        if year_start < term.start or any(start < mine.start for mine, start, _ in own.values())
        else records
    )
    return records, each_childs_records(this_year).warmth


# The quotas a summary counts by (the days without contact are lbc due's and the watch list's).
COUNTED_QUOTAS = (
    "talks_per_month",
    "home_visits_per_term",
    "warmth_per_year",
    "children_per_teacher",
)


def _counted_quotas(quotas: Quotas) -> dict[str, int]:
    return {key: getattr(quotas, key) for key in COUNTED_QUOTAS}


def _each_childs_quotas(kids: Kids, own: dict[str, Quotas], run: Quotas) -> list[Quotas]:
    """Each child's quotas: its school's own (``own``, by the file it goes by: Table.origin)
    or the run's, one per table repeated, never looked up row by row."""
    return list(
        chain.from_iterable(repeat(own.get(tb.origin, run), len(rows)) for tb, rows in kids.rows)
    )


def _owed_months(kids: Kids, terms: SchoolTerms, today: dt.date) -> list[list[Month]]:
    """The months each child is owed a talk in (``Term.counted_months``) up to ``today``,
    in its school's own term (``terms``), from its arrival (转入日期) when it came this
    school year."""
    out = []
    arrivals: dict[dt.date, list[dt.date | None]] = {}
    since: dict[tuple[Term, dt.date | None], list[Month]] = {}
    for k, file in enumerate(kids.origins):
        mine, start = terms.of(file), terms.year_start_of(file)
        if start not in arrivals:
            arrivals[start] = kids.arrived(start)
        came = arrivals[start][k]
        if (mine, came) not in since:
            since[(mine, came)] = mine.counted_months(min(today, mine.end), came)
        out.append(since[(mine, came)])
    return out


def input_notes(
    roster: Roster, terms: SchoolTerms, school: str, several: bool, previous: Roster | None
) -> list[str]:
    """What the summary cannot see, said on stderr so no reader mistakes a 0 for a fact;
    ``several``: the summary is of several schools (a county's, headed （单位名称））;
    ``terms``: the term as each school dates it; ``previous``: last term's roster, whose
    changes a cell showing a formula's error keeps out of 信息变更 (_changes_section), and
    a 身份证号 column showing one throughout keeps from being matched by ID, as lbc diff
    says of it."""
    notes = []
    if not school:
        notes.append(t("sum.note.no_unit" if several else "sum.note.no_school"))
    if not roster.teachers:
        written = TeachersInPost(roster).written
        notes.append(t("sum.note.teachers_as_written" if written else "sum.note.no_teachers"))
    # Rows whose 姓名 shows a formula's error: no teacher in post (TeachersInPost), said.
    # A formula saved without its result (#未存结果) is no formula's error: said apart.
    rows_lost = names_lost(roster.teachers)
    unsaved = len(names_unseen(rows_lost))
    if len(rows_lost) > unsaved:
        notes.append(t("sum.note.teacher_name_error", count=len(rows_lost) - unsaved))
    if unsaved:
        notes.append(t("sum.note.teacher_name_unsaved", count=unsaved))
    if not roster.records:
        notes.append(t("sum.note.no_records"))
    # A sheet read as pieces (a merged roster's schools, a county's records of schools
    # dating their own terms) is said of once, its pieces each by its school's term.
    sheets: dict[tuple[str, str], list[Table]] = {}
    for table in roster.records:
        sheets.setdefault((table.file, table.sheet), []).append(table)
    for (_, sheet), pieces in sheets.items():
        if not pieces[0].has("kind") and not pieces[0].kind_from:  # else commands.common
            notes.append(t("sum.note.no_kind", sheet=sheet))
        dates = outside = 0
        for table in pieces:
            term = terms.of(table.origin)
            days = [d for cell in table.values.get("date") or () for d in record_days(cell)]
            dates += len(days)
            outside += sum(1 for d in days if not term.holds(d))
        if dates and outside == dates:
            label = terms.of(pieces[0].origin).label
            notes.append(t("sum.note.all_outside", sheet=sheet, count=outside, term=label))
    if previous is not None:
        # IDs showing a formula's error throughout: the changes were matched without them.
        notes += error_id_notes(_diffed(previous, roster), "sum.note.error_ids")
    unseen = _error_changes(previous, roster) if previous is not None else []
    if any(unseen):
        children = sum(1 for n in unseen if n)
        notes.append(t("sum.note.error_changes", children=children, count=sum(unseen)))
    return notes


def _by_class(kids: Kids, classes: _Classes, chosen: list[int]) -> list[dict[str, Any]]:
    """[{class, names}] in class order, for lists of children a school follows up."""
    groups: dict[str, list[int]] = defaultdict(list)
    for k in chosen:
        groups[classes.names[k]].append(k)
    ordered = sorted(groups, key=lambda name: classes.order[groups[name][0]])
    return [{"class": name, "names": [kids.names[k] for k in groups[name]]} for name in ordered]


def _tally(values: list[Any], known: tuple[str, ...]) -> Counter[str]:
    """How many of each value, the others counted as 未填 (an empty cell) or 无法识别 (a
    cell lbc cannot read, such as codes whose coding the column does not tell: filled in,
    so the school looks at it rather than for it)."""
    unknown, unreadable = t("sum.unknown"), t("sum.unreadable")
    return Counter(
        v if v in known else unreadable if v.__class__ is nz.Bad else unknown for v in values
    )


def _grades(kids: Kids) -> list[int | None]:
    """Each child's grade: its class's, else the grade its class cell names alone (一年级,
    a village school's one class of it, which the table of classes lists as it is written),
    else its 年级 cell's; None for none of them."""
    grades = kids.column("grade")
    return [
        ref.grade
        if ref is not None
        else alone
        if cls.__class__ is nz.Bad and (alone := nz.grade(cls.raw)).__class__ is int
        else grade
        if grade.__class__ is int
        else None
        for ref, cls, grade in zip(kids.refs, kids.column("class"), grades, strict=True)
    ]


def _children_section(kids: Kids, classes: _Classes, elsewhere: _Classes) -> dict[str, Any]:
    """The children in total and by grade, gender, type, guardian and category, each once;
    by class, each class's own, with ``elsewhere`` (the classes of the rows of children
    another school lists too: ``Kids.elsewhere``): a child two schools list is in a class
    of each, as each school's table counts her."""
    grades: Counter[int] = Counter(g for g in _grades(kids) if g is not None)
    per_class: Counter[str] = Counter(classes.names + elsewhere.names)
    order = dict(zip(classes.names + elsewhere.names, classes.order + elsewhere.order, strict=True))
    gender = _tally(kids.column("gender"), nz.GENDERS)
    kinds = _tally(
        kids.column("left_behind_type"),
        (*nz.LEFT_BEHIND_TYPES, nz.AWAY_UNSPECIFIED, nz.BOTH_INCAPABLE),
    )
    guardians = Counter(
        map(
            _guardian_kind,
            kids.held("guardian_relation"),
            kids.column("guardian_entrusted"),
            kids.column("care_situation"),
            kids.column("guardianship_rating"),
        )
    )
    categories: Counter[str] = Counter(
        cat for cats in kids.column("categories") for cat in nz.categories_named(cats)
    )
    no_grade = sum(g is None for g in _grades(kids))
    key_targets = kids.column("key_target").count("是")
    if key_targets:
        categories["重点帮扶对象"] = key_targets
    return {
        "total": len(kids),
        # Of a known kind only: a child whose 留守类型 is empty or unreadable is not known to
        # be left behind (the list by kind shows her as 未填 or 无法识别). Nor is one whose
        # parents are both at home and unable to care (the form's 父母双方无监护能力): the
        # State Council's definition (国发〔2016〕13号) is both parents away, or one away and
        # the other unable to care; she is in the school's care all the same (the total).
        "left_behind": len(kids)
        - kinds[nz.NOT_LEFT_BEHIND]
        - kinds[nz.BOTH_INCAPABLE]
        - kinds[t("sum.unknown")]
        - kinds[t("sum.unreadable")],
        "by_grade": [{"name": _grade_name(g), "count": grades[g]} for g in sorted(grades)]
        + ([{"name": t("sum.no_grade"), "count": no_grade}] if no_grade else []),
        "by_class": [
            {"name": k, "count": per_class[k]} for k in sorted(per_class, key=order.__getitem__)
        ],
        "by_gender": _count_list(gender, nz.GENDERS),
        "by_type": _count_list(kinds, nz.LEFT_BEHIND_TYPES),
        "by_guardian": _count_list(guardians, GUARDIAN_KINDS),
        "by_category": _count_list(categories, ("重点帮扶对象", *nz.CATEGORIES)),
    }


GUARDIAN_KINDS = ("祖辈监护", "父母一方监护", "亲属监护", "其他监护", "无委托监护人", "未登记")


# Who looks after the child as the county 排查汇总表's 实际监护情况 says it, and as a
# 监护类型 column says it in place of a rating (nz.GUARDIAN_MODES; 委托监护 names no one),
# or says nobody does (无人监护, as 自我监护 is read).
_CARER_KINDS = {
    **dict(zip(nz.COUNTY_CARERS, ("祖辈监护", "亲属监护", "无委托监护人"), strict=True)),
    nz.GUARDIANSHIP_RATINGS[0]: "无委托监护人",
    **dict.fromkeys(("隔代监护", "祖辈监护"), "祖辈监护"),
    **dict.fromkeys(("亲属监护", "亲友监护"), "亲属监护"),
    "单亲监护": "父母一方监护",
}


def _guardian_kind(relation: object, entrusted: object, care: object, mode: object) -> str:
    """Who looks after the child, by the guardian's relation, else by the county table's
    words in 实际监护情况, else by a 监护类型 saying who (隔代监护); a roster that says
    nobody was entrusted (the 2016 form's 父母外出有无委托其他监护人 无) says so, unlike one
    that is silent (未登记)."""
    if relation is None:
        for said in (care, mode):
            if isinstance(said, str) and said in _CARER_KINDS:
                return _CARER_KINDS[said]
    if relation in nz.GRANDPARENTS:
        return "祖辈监护"
    if relation in PARENTS:
        return "父母一方监护"
    if relation == "亲属":
        return "亲属监护"
    if isinstance(relation, str):
        return "其他监护"
    # A relation written in words lbc does not know (祖孙, 干亲) is no guardian unregistered.
    if relation.__class__ is nz.Bad:
        return t("sum.unreadable")
    return "无委托监护人" if entrusted == "否" else "未登记"


def _complete_archives(kids: Kids, findings: list[Finding], roster: Roster) -> list[bool]:
    """Whether each child's archive is complete (建档): no error finding on its row other
    than a missing contact or DUP003, and no required column missing from its sheet. One
    reckoning for the summary's total and its table per school, which must agree. DUP003 is
    said on her row on the roster of the second school listing her (``Kids.elsewhere``):
    that school's child in its table, complete as the first school's row is, by its cells."""
    if not len(kids):  # nobody (Kids.elsewhere, mostly): a county's findings not read for it
        return []
    where = set(kids.where)
    incomplete: set[tuple[str, str | None, int | None]] = set()
    whole_sheet: set[tuple[str, str]] = set()
    children_sheets = {(tb.file, tb.sheet) for tb in roster.children} | {
        (tb.file, None) for tb in roster.children
    }
    for f in findings:
        if f.severity != "error":
            continue
        # Reported once per file, naming its first sheet without the column: every children
        # sheet of the file without it (one sheet per grade) lacks it as well.
        if f.rule is R.COL001 and (f.file, f.sheet) in children_sheets:
            whole_sheet |= {
                (tb.file, sheet)
                for tb in roster.children
                if tb.file == f.file
                and tb.sources is None
                and (f.sheet is None or f.sheet == tb.sheet or not tb.has(f.field))
                for sheet in dict.fromkeys(tb.row_sheets or [tb.sheet])
            }
            # A merged roster's sheet holds every school's rows, each school read with the
            # columns its own sheet had (by_source): only the schools without it lack it.
            incomplete |= {
                (tb.file, tb.sheet_at(i), tb.rows[i])
                for tb in roster.children
                if tb.file == f.file and tb.sources is not None and not tb.has(f.field)
                for i in range(len(tb))
            }
        if f.rule is R.COL001 and f.row is None:
            # Said at the school's own sheet where the merged workbook says it lacked the
            # column (Table.lacks): the rows of that school's piece lack it.
            incomplete |= {
                (tb.file, tb.sheet_at(i), tb.rows[i])
                for tb in roster.children
                if f.field in tb.lacks and tb.lacks_where == (f.file, f.sheet)
                for i in range(len(tb))
            }
        key = (f.file, f.sheet, f.row)
        if key in where and f.rule.kind is not RuleKind.CONTACT and f.rule is not R.DUP003:
            incomplete.add(key)
    return [w[:2] not in whole_sheet and w not in incomplete for w in kids.where]


def _archive_section(
    kids: Kids, findings: list[Finding], complete_archives: list[bool]
) -> dict[str, Any]:
    by_code = Counter(f.code for f in findings)
    complete = sum(complete_archives)
    gaps = [contact_gaps(table, usable_only=True) for table, _ in kids.rows]
    # A child whose 留守类型 is empty or unreadable has no contact rule to be judged by
    # (contact_gaps finds nothing missing): complete if she meets the rule of every
    # 留守类型, lacking if she fails every one's, else not complete but counted apart, as
    # lbc flag says of those it did not check. The share stays of every child, as 建档率's
    # is.
    unknown: dict[int, list[int]] = {}
    for table, i in untyped(table for table, _ in kids.rows):
        unknown.setdefault(id(table), []).append(i)
    # A child complete or not by a contact cell lbc cannot see (a formula saved without its
    # result, which Excel shows: unseen_contacts) is counted neither way, said beside too.
    contacts = unjudged = unseen = 0
    for (table, rows), gap in zip(kids.rows, gaps, strict=True):
        here = unknown.get(id(table), [])
        met, lacking = judged_by_every_kind(table, here, usable_only=True)
        unsure = set(here) - met - lacking
        hidden = unseen_contacts(table)
        for i in rows:
            if i in unsure:
                unjudged += 1
            elif i in hidden:
                unseen += 1
            elif i not in gap and i not in lacking:
                contacts += 1
    notes = [t("sum.contacts_unjudged", count=unjudged)] if unjudged else []
    notes += [t("sum.contacts_unseen", count=unseen)] if unseen else []
    severities = Counter(RULES[code].severity for code in by_code.elements())
    return {
        "complete": complete,
        "complete_rate": rate(complete, len(kids)),
        "contacts_complete": contacts,
        "contacts_rate": rate(contacts, len(kids)),
        "contacts_unjudged": unjudged,
        "contacts_unseen": unseen,
        "contacts_note": as_groups(notes) if notes else None,
        "errors": severities["error"],
        "warnings": severities["warning"],
        "findings": [
            {
                "code": code,
                "title": RULES[code].title,
                "severity": RULES[code].severity,
                "count": by_code[code],
            }
            for code in sorted(by_code, key=lambda k: (-by_code[k], k))
        ],
    }


def _children_asked(kids: Kids, quotas: Quotas, own: dict[str, Quotas]) -> Callable[[Teacher], int]:
    """How many children a teacher in post is to support: ``own``, the quotas of the
    schools' files that set their own (``quotas_by_file``), for a teacher of such a school,
    else the run's."""
    rows = kids.in_post.rows

    def asked(x: Teacher) -> int:
        row = rows.get(x) if own else None
        return (own.get(row[0].origin, quotas) if row else quotas).children_per_teacher

    return asked


def _teachers_short(
    kids: Kids, classes: _Classes, asked: Callable[[Teacher], int], roster: Roster
) -> list[tuple[str, int]]:
    """Each school whose teachers in post fall short of the children they are asked to
    support, and how many of them do, where the school's own children are enough for every
    one of its teachers to meet the quota (``asked``): lbc pair pairs a school's children
    with its own teachers, so another school's children are no help to a school of more
    teachers than children, nor its spare teachers to a school of too few. Schools as lbc
    pair groups its rows (``pairing_school``: one school's roster is one school, whichever
    side's 学校 cells name it), named as the summary names them (``_Classes``), in the
    order of their children."""
    in_post = kids.in_post
    school_in = pairing_school(roster, in_post.files)
    children: Counter[str] = Counter()
    names: dict[str, str] = {}  # each school by one of its children's place (k)
    k = 0
    for table, rows in kids.rows:  # by table: a county's 100,000 children
        if table.has("school"):  # each row says its school (a county's merged roster)
            cells = table.values["school"]
            each = {
                cell: school_in(table.file, cell if isinstance(cell, str) else "")
                for cell in {cells[i] for i in rows}
            }
            mine = [each[cells[i]] for i in rows]
            children.update(mine)
            for school, j in {school: j for j, school in enumerate(mine)}.items():
                names.setdefault(school, classes.schools[k + j])
        else:
            school = school_in(table.file, "")
            children[school] += len(rows)
            names.setdefault(school, classes.schools[k])
        k += len(rows)
    loads = Counter(x for x in kids.teachers if x)
    ask: Counter[str] = Counter()
    below: Counter[str] = Counter()
    for x in in_post.active:
        table, i = in_post.rows[x]
        cell = table.get("school", i)
        school = school_in(table.file, cell if isinstance(cell, str) else "")
        ask[school] += asked(x)
        below[school] += loads[x] < asked(x)
    return [
        (names[school], below[school])
        for school in names
        if below[school] and children[school] >= ask[school]
    ]


def _pairing_section(
    kids: Kids, classes: _Classes, asked: Callable[[Teacher], int], roster: Roster
) -> dict[str, Any]:
    """``asked``: how many children a teacher is to support (``_children_asked``)."""
    loads = Counter(x for x in kids.teachers if x)
    paired = sum(loads.values())
    in_post = kids.in_post
    active = in_post.active  # the teachers in post, in the lists' order
    labels = teacher_labels([*active, *loads], in_post.file_names)
    below = [labels[x] for x in active if loads[x] < asked(x)]
    # "N of the teachers in post take part": counted among those the lists give, where
    # lists were read (a school without one names teachers nobody counted as in post).
    taking_part = sum(1 for x in loads if x in active) if roster.teachers else len(loads)
    return {
        "provided": bool(roster.teachers),  # a teachers list was read: pairs can be checked
        # Pairs counted: checked against a teachers list, or as the 帮扶教师 column names them.
        "counted": bool(roster.teachers) or kids.in_post.written,
        "children": len(kids),
        "paired": paired,
        "coverage": rate(paired, len(kids)),
        "unpaired": _by_class(kids, classes, [k for k, x in enumerate(kids.teachers) if not x]),
        "teachers": len(active),
        "teachers_with_children": taking_part,
        "teachers_rate": rate(taking_part, len(active)),
        "teachers_below_quota": below,
        "average_load": round(paired / len(loads), 2) if loads else None,
        "kept": None,  # pairs kept from last term: known with --previous
    }


def _records_section(
    kids: Kids,
    classes: _Classes,
    records: list[SupportRecord],
    had: ChildRecords,
    warmth: Counter[int],
    months: list[tuple[int, int]],
    counted: list[list[tuple[int, int]]],
    need: list[Quotas],
    provided: bool,
) -> dict[str, Any]:
    """The records' figures, ``warmth`` the 送温暖 each child had this school year,
    ``counted`` the months each child is owed a talk in (``Term.counted_months``), ``need``
    each child's quotas (its school's);
    ``provided``: whether any records were read. Where none were,
    no child is named as without a record and no teacher as behind: nothing was there to
    judge them by (the summary says the records were not provided). A record naming no
    one child (``SupportRecord.unclear``) is in no figure but its own count: the note
    beside the summary says it was not counted, and a total with it would say it was."""
    written = records
    records = counted_records(records)
    kinds = _tally([r.kind for r in records], nz.RECORD_KINDS)
    per_month: Counter[tuple[int, int]] = Counter((r.date.year, r.date.month) for r in records)
    paired = [k for k, x in enumerate(kids.teachers) if x]
    talked, visited = _owed_done(had, paired, counted, need)
    warmed = [k for k in paired if warmth[k] >= need[k].warmth_per_year]
    behind = []
    teachers: dict[Teacher, list[int]] = defaultdict(list)
    for k in paired if provided else ():
        teachers[kids.teachers[k] or ("", "")].append(k)
    labels = teacher_labels(teachers, kids.in_post.file_names)
    for teacher, own in teachers.items():
        name = kids.in_post.name(teacher)
        short_talk = sum(
            1
            for k in own
            if any(had.teacher_talks(name, k, m) < need[k].talks_per_month for m in counted[k])
        )
        short_visit = sum(
            1 for k in own if had.teacher_visits(name, k) < need[k].home_visits_per_term
        )
        if short_talk or short_visit:
            behind.append(
                {
                    "teacher": labels[teacher],
                    "children": len(own),
                    "missing_talks": short_talk,
                    "missing_visits": short_visit,
                }
            )
    behind.sort(key=lambda b: (-(b["missing_talks"] + b["missing_visits"]), b["teacher"]))
    contacted = had.contacted
    silent = [k for k in range(len(kids)) if k not in contacted] if provided else []
    section = {
        "total": len(records),
        "matched": sum(r.child is not None for r in records),
        "unclear": len(written) - len(records),
        "unreadable_kinds": sum(r.kind.__class__ is nz.Bad for r in records),
        "by_kind": _count_list(kinds, nz.RECORD_KINDS),
        "by_month": [{"name": f"{y}-{m:02d}", "count": per_month[(y, m)]} for y, m in months],
        "talks": kinds[TALK],
        "home_visits": kinds[VISIT],
        "calls": kinds["电话联系"] + kinds["视频通话"],
        "warmth": kinds[WARMTH],
        "family_calls": kinds[FAMILY_CALL],
        "family_called": sum(1 for k in range(len(kids)) if had.family_calls(k)),
        "paired_children": len(paired),
        "talk_every_month": len(talked),
        "talk_rate": rate(len(talked), len(paired)),
        "home_visited": len(visited),
        "home_visit_rate": rate(len(visited), len(paired)),
        "warmth_received": len(warmed),
        "warmth_rate": rate(len(warmed), len(paired)),
        "without_record": _by_class(kids, classes, silent),
        "without_record_count": len(silent),
        "teachers_behind": behind,
        "provided": provided,
    }
    if not provided:  # nothing to judge by: not known, never 0 children or 0%
        section.update(dict.fromkeys(JUDGED_BY_RECORDS), by_month=[])
    return section


# What the records say of the children: unknown (None) where no records were read.
JUDGED_BY_RECORDS = (
    "family_called",
    "talk_every_month",
    "talk_rate",
    "home_visited",
    "home_visit_rate",
    "warmth_received",
    "warmth_rate",
)


def _owed_done(
    had: ChildRecords, paired: list[int], counted: list[list[Month]], need: list[Quotas]
) -> tuple[list[int], list[int]]:
    """Of the ``paired`` children, those talked with every month counted for them
    (``counted[k]``) as often as their quotas (``need[k]``: their school's) ask, and those
    visited at home as often as the term's quota asks."""
    talked = [k for k in paired if not had.months_short(k, counted[k], need[k].talks_per_month)]
    visited = [k for k in paired if had.visits[k] >= need[k].home_visits_per_term]
    return talked, visited


def _watch_section(
    roster: Roster,
    kids: Kids,
    had: ChildRecords,
    counted: list[list[Month]],
    need: list[Quotas],
    term: Term,
    as_of: dt.date,
    previous: Roster | None,
    watch: WatchSettings,
) -> dict[str, Any]:
    """The watch list (lbc.checks.watch) at the start and at the end of the term.

    At the start: last term's roster (``--previous``) as it stood, drawn on the term's
    first day; without it, this roster drawn on the term's first day (ages then), since
    nothing else says what the school knew then. The days without contact (WCH013) are
    left out at the start: the term's contacts had not begun. At the end: this roster drawn
    on ``as_of``, changes since last term included. Of the children on the list at the end,
    ``end_all_owed`` had their support teacher and every talk and home visit the quotas ask
    for this term.
    """
    now = WatchFacts(roster, previous)
    then = WatchFacts(previous) if previous is not None else now  # one reading, two days
    # Counted, not drawn: a province's list is hundreds of thousands of children, and
    # their reasons worded are of no use to a count.
    start = then.scores(term.start, watch, without=(R.WCH013.code,))
    end = now.scores(as_of, watch)
    position = {where: k for k, where in enumerate(kids.where)}
    listed = (now.children[k] for k in end)
    on_list = [position[(table.file, table.sheet_at(i), table.rows[i])] for table, i in listed]
    paired = [k for k in on_list if kids.teachers[k]]
    talked, visited = _owed_done(had, paired, counted, need)
    return {
        "threshold": watch.threshold,
        # The schools of a county drawn by their own lbc.toml's [watch], where it differs
        # from the run's, as lbc watch's JSON names them (summary.schools).
        "schools": [
            {"school": school, **unlike}
            for school, unlike in settings_of_their_own(roster, watch).items()
        ],
        "start_basis": "previous" if previous is not None else "term_start",
        "start": len(start),
        "end": len(end),
        "end_all_owed": len(set(talked) & set(visited)) if roster.records else None,
    }


def _schools_section(
    children: list[tuple[Kids, _Classes, list[bool]]],
) -> list[dict[str, Any]] | None:
    """Children, pairs and complete archives per school, for a folder or a county's merged
    roster; None when it is one school. ``children``: the children and the rows of those
    another school lists too (``Kids.elsewhere``), each with its classes and complete
    archives: each school counts its own children, as lbc validate's line per school does."""
    if len({name for _, classes, _ in children for name in classes.schools}) < 2:
        return None
    out: dict[str, dict[str, Any]] = {}
    for kids, classes, complete_archives in children:
        for k, name in enumerate(classes.schools):
            entry = out.setdefault(name, {"name": name, "children": 0, "paired": 0, "complete": 0})
            entry["children"] += 1
            entry["paired"] += bool(kids.teachers[k])
            entry["complete"] += complete_archives[k]
    for entry in out.values():
        entry["coverage"] = rate(entry["paired"], entry["children"])
        entry["complete_rate"] = rate(entry["complete"], entry["children"])
    return list(out.values())


# The county's 排查汇总表: its groups and categories, and the field each is counted from.
AGE_BANDS = ((0, 5), (6, 13), (14, 16))
COUNTY_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "年龄段",
        "birth_date",
        tuple(f"{lo}-{hi}周岁{g}" for lo, hi in AGE_BANDS for g in nz.GENDERS),
    ),
    ("寄宿情况", "boarding", ("寄宿", "不寄宿")),
    ("实际监护情况", "guardian_relation", nz.COUNTY_CARERS),
    ("监护情况", "guardianship_rating", ("较好", "一般", "差")),
    ("健康状况", "health", ("健康", "一般或较弱", "重病", "慢性病", "残疾")),
    (
        "救助措施",
        "relief",
        ("建档立卡贫困户", "最低生活保障", "特困供养", "临时救助", "医疗救助", "住房救助"),
    ),
)
_RATING_BANDS = {
    "监护情况较好": "较好",
    "监护情况一般": "一般",
    "无人监护": "差",
    "父或母无监护能力": "差",
    "受委托监护人监护能力不足": "差",
    "监护情况差": "差",
}
_RELIEF_WORDS = {
    "建档立卡贫困户": ("建档立卡",),
    "最低生活保障": ("低保", "最低生活保障"),
    "特困供养": ("特困",),
    "临时救助": ("临时救助",),
    "医疗救助": ("医疗救助",),
    "住房救助": ("住房救助",),
}


# The 健康状况 band a cell's words name, the more serious first: the 学籍 export writes
# 健康或良好 and 有慢性病, schools 残疾（肢体）, 体弱 or 良好. 患病 says neither how gravely
# nor how long, and counts in no band.
_HEALTH_WORDS = (
    ("残疾", ("残疾",)),
    ("慢性病", ("慢性",)),
    ("重病", ("重病", "大病")),
    ("一般或较弱", ("一般", "较弱", "体弱")),
    ("健康", ("健康", "良好")),
)


# 健康, 良好 or 好 after a 不 or 欠 (不健康, 身体不太好, 欠好): they name no band.
_NOT_WELL = re.compile(r"(?:不|欠)(?:太|很|够|算)?(?:健康|良好|好)")


def _health_band(health: object) -> str | None:
    """The 排查汇总表 band a 健康状况 cell names: 健康，无疾病 is 健康, 无残疾 none, and
    有慢性病，不能剧烈运动 慢性病 (a 不 elsewhere in the cell denies nothing the bands read)."""
    if not isinstance(health, str):
        return None
    said = _NOT_WELL.sub("", nz.affirmed(health))
    return next((band for band, words in _HEALTH_WORDS if any(w in said for w in words)), None)


def _county_categories(k: int, cols: dict[str, list[Any]], as_of: dt.date) -> set[str]:
    """The 排查汇总表 categories child ``k`` counts in."""
    found: set[str] = set()
    born = birth_date(cols["birth_date"][k], cols["id_number"][k], cols["id_kind"][k])
    age = age_on(born, as_of)
    gender = cols["gender"][k]
    for lo, hi in AGE_BANDS:
        if age is not None and lo <= age <= hi and gender in nz.GENDERS:
            found.add(f"{lo}-{hi}周岁{gender}")
    boarding = cols["boarding"][k]
    if boarding in nz.YES_NO:
        found.add("寄宿" if boarding == "是" else "不寄宿")
    relation, guardian = cols["guardian_relation"][k], cols["guardian_name"][k]
    # A child whose parents are at home (非留守) is owed no carer entrusted with it.
    away = cols["left_behind_type"][k] != nz.NOT_LEFT_BEHIND
    care = cols["care_situation"][k]
    if care in nz.COUNTY_CARERS:  # the roster's 实际监护情况 says it in the table's words
        found.add(care)
    elif relation in nz.GRANDPARENTS:
        found.add("祖父母、外祖父母")
    elif relation in ("亲属", "其他"):
        found.add("亲戚朋友")
    elif guardian is None and relation is None and away:
        found.add("无委托照料人")
    rating = _RATING_BANDS.get(cols["guardianship_rating"][k])
    if rating:
        found.add(rating)
    band = _health_band(cols["health"][k])
    if band:
        found.add(band)
    cats = cols["categories"][k]
    relief = cols["relief"][k]
    words = (nz.relief_received(relief) if isinstance(relief, str) else "") + "、".join(
        nz.categories_named(cats)
    )
    found |= {name for name, keys in _RELIEF_WORDS.items() if any(w in words for w in keys)}
    return found


def _county_table(roster: Roster, kids: Kids, others: Kids, as_of: dt.date) -> dict[str, Any]:
    """The county's 排查汇总表 per school and in total: how many children of each age band
    and sex board, are cared for by whom, are rated how, are in what health and receive what
    relief. A group a school's roster has no column for is None there (未采集), not 0.
    ``others``: the rows of children another school lists too (``Kids.elsewhere``), each
    in that school's column as its row says, and not again in the total."""
    lookup = schools_of(roster)
    columns = [(group, name) for group, _, names in COUNTY_GROUPS for name in names]
    counts: dict[str, Counter[str]] = {}
    seen: dict[str, set[str]] = {}
    total: Counter[str] = Counter()
    for children in (kids, others):
        for school, found, has in _county_rows(children, lookup, as_of):
            counts.setdefault(school, Counter()).update(found)
            seen.setdefault(school, set()).update(has)
            if children is kids:
                total.update(found)
    # A total is only as complete as its least complete school: a group some school did not
    # collect is 未采集 in the total too, never a total of the others passed off as all.
    everywhere = set.intersection(*seen.values())

    def row(school: str, tally: Counter[str], has: set[str]) -> dict[str, Any]:
        return {
            "school": school,
            "counts": [tally[name] if group in has else None for group, name in columns],
        }

    return {
        "columns": [{"group": group, "name": name} for group, name in columns],
        "rows": [
            *(row(school, counts[school], seen[school]) for school in counts),
            row(t("sum.total"), total, everywhere),
        ],
    }


def _county_rows(
    kids: Kids, lookup: Schools, as_of: dt.date
) -> Iterator[tuple[str, set[str], set[str]]]:
    """Each child's school, the 排查汇总表 categories she counts in, and the groups her
    sheet records: ages from a birth date or an ID, care from the guardian's name or
    relation or the table's words in 实际监护情况, relief from a relief or a categories
    column."""
    keys = {"id_number", "id_kind", "gender", "guardian_name", "categories", "left_behind_type"}
    keys |= {key for _, key, _ in COUNTY_GROUPS} | {"care_situation"}
    # A guardian's name or relation showing a formula's error (#N/A) names nobody.
    held = {"guardian_name", "guardian_relation"}
    cols = {key: kids.held(key) if key in held else kids.column(key) for key in keys}
    extra = {"年龄段": "id_number", "实际监护情况": "guardian_name", "救助措施": "categories"}
    collected: list[set[str]] = []
    for table, rows in kids.rows:
        has = {g for g, key, _ in COUNTY_GROUPS if table.has(key)}
        has |= {g for g, key in extra.items() if table.has(key)}
        if not set(table.values.get("care_situation") or ()).isdisjoint(nz.COUNTY_CARERS):
            has.add("实际监护情况")
        collected += [has] * len(rows)
    for k, where in enumerate(kids.where):
        yield lookup.at(*where), _county_categories(k, cols, as_of), collected[k]


def _changes_section(previous: Roster, roster: Roster) -> dict[str, Any]:
    """新增, 转出 and 信息变更 against last term's roster (lbc.roster.changes). A child who
    has left since (转出, 毕业 this term) is counted once, under 转出或离校: the prose reads
    the three as parts, and its 在校状态 having changed is its leaving, not a change of its
    details. A field whose cell shows a formula's error in either term (Change.errors: a
    failed VLOOKUP's #N/A, VAL007) is no change, as on the watch list: its value is lost,
    not changed, and a school that mends the formula would count every child "changed".
    lbc diff still lists it, said a formula's error, for the school to mend."""
    found = _diffed(previous, roster)
    stayed = _stayed(found)
    left = len(found.gone) + len(found.matched) - len(stayed)
    fields = [[c.field for c in m.changes if not any(c.errors)] for m in stayed]
    by_field = Counter(key for keys in fields for key in keys)
    rules = found.rules()
    return {
        "added": len(found.added),
        "left": left,
        "changed": sum(bool(keys) for keys in fields),
        "by_field": [{"name": diff_label(k), "count": by_field[k]} for k in TRACKED if by_field[k]],
        "matched_by_id": rules[BY_ID],
        "matched_by_name_birth": rules[BY_NAME_BIRTH],
        "matched_by_name_class": rules[BY_NAME_CLASS],
    }


# The last comparison _diffed made: (last term's roster, this term's, what it found).
_compared: list[tuple[Roster, Roster, RosterDiff]] = []


def _diffed(previous: Roster, roster: Roster) -> RosterDiff:
    """Last term's roster against this term's (lbc.roster.changes), compared once however
    many parts of the summary read it (信息变更, its note on formula errors, the teachers
    kept): a county's rosters take seconds to compare."""
    if _compared and _compared[0][0] is previous and _compared[0][1] is roster:
        return _compared[0][2]
    found = diff_rosters(previous, roster, schools_of(previous).of, schools_of(roster).of)
    _compared[:] = [(previous, roster, found)]
    return found


def _stayed(found: RosterDiff) -> list[Matched]:
    """The children matched with last term's roster who have not left since (转出, 毕业
    this term): those whose changes 信息变更 counts."""

    def left_since(m: Matched) -> bool:
        return (
            m.new[0].get("enrollment_status", m.new[1]) in LEFT_SCHOOL
            and m.old[0].get("enrollment_status", m.old[1]) not in LEFT_SCHOOL
        )

    return [m for m in found.matched if not left_since(m)]


def _error_changes(previous: Roster, roster: Roster) -> list[int]:
    """For each child 信息变更 counts, how many of its changes it leaves out for a cell
    showing a formula's error in either term (_changes_section): said in a note, so that no
    reader takes the count for every change lbc diff lists."""
    found = _diffed(previous, roster)
    return [sum(1 for c in m.changes if any(c.errors)) for m in _stayed(found)]


def _kept(previous: Roster, roster: Roster, kids: Kids) -> int | None:
    """Children on the books whose support teacher is the one they had last term; None
    when last term's roster names no teachers (no 帮扶教师 column): not known, not none."""
    if not any(tb.has("support_teacher") for tb in previous.children):
        return None
    kept = 0
    for m in _diffed(previous, roster).matched:
        before = m.old[0].get("support_teacher", m.old[1])
        now = m.new[0].get("support_teacher", m.new[1])
        status = m.new[0].get("enrollment_status", m.new[1])
        supported = support_teacher(kids.in_post, *m.new) is not None
        kept += bool(before) and before == now and supported and status not in LEFT_SCHOOL
    return kept


def _enrollment_section(statuses: list[object]) -> dict[str, Any]:
    counts: Counter[str] = Counter(s if isinstance(s, str) else "在读" for s in statuses)
    on_books = sum(n for s, n in counts.items() if s not in LEFT_SCHOOL)
    dropped = counts["辍学"]
    return {
        "by_status": [{"name": s, "count": counts[s]} for s in nz.ENROLLMENT_STATUSES],
        "on_books": on_books,
        "dropped_out": dropped,
        "retention_rate": rate(on_books - dropped, on_books),
        "dropout_rate": rate(dropped, on_books),
    }


def _gaps(context: dict[str, Any], short: list[tuple[str, int]]) -> list[dict[str, str]]:
    """The three largest gaps (by children or teachers affected), as a problem and a plan;
    ``short``: the schools whose teachers in post fall short of their quota where its
    children allow, and how many (``_teachers_short``)."""
    archive, pairing, records = context["archive"], context["pairing"], context["records"]
    quotas, total = context["quotas"], context["children"]["total"]
    candidates = [
        ("archive", total - archive["complete"]),
        # The children known to lack a phone: those whose 留守类型 is empty or unreadable
        # have an error on it, so are in 档案信息不完整 already, and said beside (_contacts_gap).
        # Nor are those whose contacts lbc cannot see (contacts_unseen), said beside.
        (
            "contacts",
            total
            - archive["contacts_complete"]
            - archive["contacts_unjudged"]
            - archive["contacts_unseen"],
        ),
        ("dropouts", context["enrollment"]["dropped_out"]),
    ]
    # With neither a teachers list nor a 帮扶教师 column, nobody can be said to be unpaired.
    if pairing["counted"]:
        candidates.append(("unpaired", total - pairing["paired"]))
    # "Every teacher with a child, where the numbers allow": each school's own numbers.
    if pairing["provided"]:
        candidates.append(("teachers", sum(n for _, n in short)))
    # A quota asked by the run or by any school's own lbc.toml (quotas.schools).
    asked = {key: quotas[key] or any(s[key] for s in quotas["schools"]) for key in COUNTED_QUOTAS}
    if records["provided"]:
        if asked["talks_per_month"] and context["term"]["counted_months"]:
            candidates.append(("talks", records["paired_children"] - records["talk_every_month"]))
        if asked["home_visits_per_term"]:
            candidates.append(("visits", records["paired_children"] - records["home_visited"]))
        candidates.append(("no_record", records["without_record_count"]))
    ranked = sorted((c for c in candidates if c[1] > 0), key=lambda c: -c[1])[:3]
    gaps = []
    for key, n in ranked:
        said, words = key, {}
        if key in ("talks", "visits"):
            times = _times(quotas, "talks_per_month" if key == "talks" else "home_visits_per_term")
            if times != 1:  # a child short of two visits may have had one: not "none"
                said, words = (f"{key}.times", {"times": times}) if times else (f"{key}.own", {})
        gaps.append(
            {
                "problem": t(f"sum.problem.{said}", count=n, **words),
                "plan": t(f"sum.plan.{said}", count=n, **words),
            }
        )
    for gap, (key, n) in zip(gaps, ranked, strict=True):
        if key == "contacts" and archive["contacts_unjudged"]:
            gap.update(_contacts_gap(n, archive["contacts_unjudged"]))
    if context["schools"]:  # a county: which schools' teachers fall short, and how many
        each = as_list(t("sum.school_count", school=school, count=n) for school, n in short)
        for gap, (key, n) in zip(gaps, ranked, strict=True):
            if key == "teachers":
                gap["problem"] = t("sum.problem.teachers_at", count=n, schools=each)
    return gaps


def _times(quotas: dict[str, Any], key: str) -> int | None:
    """How many times a quota asks (talks a month, visits a term), the run's and every
    school's own that asks any alike; None when schools ask different numbers."""
    asked = {quotas[key], *(s[key] for s in quotas["schools"])} - {0}
    return asked.pop() if len(asked) == 1 else None


def _contacts_gap(lacking: int, unjudged: int) -> dict[str, str]:
    """The contacts gap's problem and plan when, besides the ``lacking`` children known to
    lack a phone, ``unjudged`` have a 留守类型 empty or unreadable: nobody knows which phones
    they lack, so they are not said to lack any, but said apart, and their 留守类型 is the
    plan's first step for them."""
    return {
        "problem": t("sum.problem.contacts_and_unjudged", count=lacking, unjudged=unjudged),
        "plan": t("sum.plan.contacts_and_unjudged", count=lacking, unjudged=unjudged),
    }
