"""Every rule of the field dictionary, run over canonical tables, producing findings.

The checks read normalised values only; the raw cell text is kept for the finding's
``value`` so a school sees exactly what it typed. A column the roster lacks is reported once
(COL001), never once per row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import compress, count
from operator import ne
from typing import Any

from stdnum.cn import ric

from lbc.checks.contacts import away_parents, care_contradicts, contact_gaps
from lbc.checks.findings import Finding
from lbc.checks.registry import RULES, R, Rule, RuleKind
from lbc.messages import as_list, t
from lbc.roster import normalise as nz
from lbc.roster import phones, record_sheets
from lbc.roster.canonical import DRAGGED_ERROR, KEPT, Roster, Table, shows_an_error_whole
from lbc.roster.completion import GRADE_OR_CODE
from lbc.roster.dates import LUNAR_REASONS, TYPED_IN_A_DATE_CELL, YearMonth, serial_date, within
from lbc.roster.fields import (
    CATEGORY_COLUMNS,
    FIELDS,
    MOST_PLACES,
    PAIRED_SINCE_KEY,
    Kind,
    field,
)
from lbc.roster.merged_books import SCHOOL_WATCH_SHEET
from lbc.roster.pairs import MISSING, NAMESAKES
from lbc.roster.people import (
    ARRIVAL_KEYS,
    LEFT_SCHOOL,
    TeachersInPost,
    births_differ,
    patterned_id,
    shown_name,
    signed_by,
    teacher_named,
    untagged,
)
from lbc.roster.reading import FORMULA_ERRORS, UNSAVED
from lbc.roster.school_names import names_grades
from lbc.roster.support import (
    WARMTH,
    ChildIndex,
    paired_with,
    record_days,
    rows_written_twice,
)
from lbc.roster.tables import cells_held, class_label, copy_columns, copyable, id_numbers
from lbc.workspace.schools import SETTINGS_SHEETS_READ
from lbc.workspace.terms import dated_by_a_term, in_a_school_year, in_a_term

_ID_SHAPE = re.compile(r"\d{17}[\dX]")
# A work place names a city when it says 市/州/盟/地区, is a municipality, or is spelled
# province-then-city without the words ("广东东莞"). Vague answers name nowhere.
_CITY_MARK = re.compile(r"[市州盟]|地区|北京|上海|天津|重庆|香港|澳门")
_PROVINCE_ONLY = re.compile(r".{2,7}(省|自治区)")
_VAGUE = re.compile(r"外地|外省|省外|打工|务工|外出|不详|不清楚|未知|不知道|无|过年|春节")
# A work place saying the parent is back (已回家, 回来了, 返乡务工, 在家务农, 本地打工): the
# 留守类型 calling them away is then in doubt, which CON010 says, not that the place is vague.
_BACK_HOME = re.compile(
    r"(?:已经?|现已|现在?|目前)?"
    r"(?:回家|回来|返乡|回乡|返家|回到家乡?|在家|在本地|本地|在当地|当地|在村里)"
    r"(?:了|务农|种地|种田|务工|打工|工作|就业|创业|照顾孩子|带孩子)?了?"
)

CHILD_REQUIRED = ("name", "gender", "id_number", "class", "health", "home_address")
CHILD_REQUIRED += ("left_behind_type",)

_CLOSED_LISTS: dict[str, tuple[str, ...]] = {
    "gender": nz.GENDERS,
    "left_behind_type": nz.LEFT_BEHIND_TYPES,
    "enrollment_status": nz.ENROLLMENT_STATUSES,
    "health": nz.HEALTH_WORDS,
    "key_target": nz.YES_NO,
    "categories": nz.CATEGORIES,
    **dict.fromkeys(CATEGORY_COLUMNS, nz.YES_NO),
    "guardianship_rating": nz.GUARDIANSHIP_RATINGS,
    "care_situation": nz.CARE_SITUATIONS,
    "boarding": nz.YES_NO,
    "guardian_entrusted": nz.YES_NO,
    "id_kind": nz.ID_KINDS,
}
_TEACHER_LISTS: dict[str, tuple[str, ...]] = {
    "gender": nz.GENDERS,
    "party_member": nz.YES_NO,
    "active": nz.YES_NO,
}
_PHONES = ("father_phone", "mother_phone", "parent_phone", "parent_work_phone", "guardian_phone")
# The cells saying nobody looks after the child, in the words of the form each is of: the
# registration form's 监护类型 无人监护, the county 排查汇总表's 实际监护情况 无委托照料人.
# A guardian named beside one is VAL006; the child is on the watch list (WCH002).
NOBODY_CARES = {
    key: {"label": field(Kind.CHILDREN, key).label, "value": value}
    for key, value in (
        ("guardianship_rating", nz.GUARDIANSHIP_RATINGS[0]),
        ("care_situation", nz.NO_CARER),
    )
}


def warm_up() -> None:
    """Load python-stdnum's region table (30 ms) ahead of the checks; validate runs this on
    a thread while calamine parses the roster without holding Python's lock, so it is free."""
    region_known("110101", 2000)


# The codes a 港澳台居民居住证 number starts with (Hong Kong, Macau, Taiwan), issued since
# 2018 on the same 18-digit pattern, check digit and all: they name where the holder lives,
# not where a county code stood in the year of birth, so no birth year retires them
# (python-stdnum's list has 810000 and 820000 only from the handovers, 830000 never).
RESIDENCE_PERMIT_REGIONS = frozenset({"810000", "820000", "830000"})


def region_known(region: str, year: int) -> bool:
    """Whether a 6-digit region code was in use in ``year`` (python-stdnum's list), or is
    a 港澳台居民居住证's."""
    if region in RESIDENCE_PERMIT_REGIONS:
        return True
    try:
        ric.get_birth_place(region + f"{year:04d}0101" + "0000")
    except Exception:
        return False
    return True


def id_gender(number: str) -> str:
    return "男" if int(number[16]) % 2 else "女"


def _raw_text(value: Any) -> str | None:
    """A cell as the school sees it in Excel (big numbers: ``normalise.excel_whole``)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return nz.excel_whole(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


# White space a header cell breaks or pads a Chinese label with (身份证\n号码, 姓  名),
# between two characters that are not Latin letters or digits.
_PADDING = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _one_line(label: str) -> str:
    """A header's label as a message quotes it: on one line, a Chinese label unpadded
    (“身份证号码”未填写, not a line break inside the quotes)."""
    return " ".join(_PADDING.sub("", label).split())


class _Out:
    """Collects findings for one table with its file, sheet and column letters filled in."""

    def __init__(self, table: Table, kind: Kind) -> None:
        self.table = table
        self.kind = kind
        self.findings: list[Finding] = []

    def subject(self, i: int) -> str | None:
        """Who row ``i`` is about, computed only when there is a finding to show it in."""
        if self.kind is Kind.CHILDREN:
            return child_label(self.table, i)
        name = self.table.get("name" if self.kind is Kind.TEACHERS else "student", i)
        return name if isinstance(name, str) else None

    def nameless(self, i: int) -> bool:
        """Whether row ``i`` is a child's whose 姓名 is empty (``child_label``)."""
        return self.kind is Kind.CHILDREN and not self.table.get("name", i)

    def label(self, key: str) -> str:
        col = self.table.columns.get(key)
        if col:
            return _one_line(col.label)
        try:
            return field(self.kind, key).label
        except KeyError:  # a key of another sheet kind: this sheet cannot hold it
            return key

    def add(
        self,
        rule: Rule,
        i: int | None,
        key: str | None,
        /,
        **params: object,
    ) -> None:
        table = self.table
        row = table.rows[i] if i is not None else None
        column = table.cell_letter(key, i) if key and i is not None else None
        # A cell read from another column where its own was empty: that column's header.
        if (
            table.moved
            and key
            and i is not None
            and params.get("label") == self.label(key)
            and (other := table.moved_label(key, i)) is not None
        ):
            params = {**params, "label": _one_line(other)}
            # The 学籍 export's 是否留守儿童 read where 留守类型 is empty: it answers 是 or 否,
            # not with a 留守类型 (父母均外出), which the school writes in the other column.
            if key == "left_behind_type" and "allowed" in params and other.startswith("是否"):
                params["allowed"] = as_list(nz.YES_NO)
        value = None
        if i is not None and key and key in table.raw:
            value = _raw_text(table.raw[key][i])
        self.findings.append(
            Finding(
                code=rule.code,
                file=table.file,
                sheet=table.sheet if i is None else table.sheet_at(i),
                row=row,
                column=column,
                field=key,
                value=value,
                child=self.subject(i) if i is not None else None,
                message=rule.message(**params),
                nameless=i is not None and self.nameless(i),
            )
        )


def child_label(table: Table, i: int) -> str:
    """ "张雨涵 三年级(2)班": how a finding names the child, her class as every list names
    it (class_label); by name alone where the class is empty or its cell shows a formula's
    error (#N/A: no class, VAL007 says the cell). A class typed like one (" #N/A") is the
    unreadable text it is (CLS001), named as typed, as an unreadable 不知道 is. A row whose
    姓名 is empty says so before its class, "（姓名空） 三年级(2)班": no name to mask, and a
    class is no one's (Finding.nameless)."""
    name = table.get("name", i) or t("out.child_no_name")
    return f"{name} {class_label(table, i)}".strip()


def check_roster(
    roster: Roster,
    today: dt.date | None = None,
    done_with_cells: bool = False,
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
    keep: tuple[str, ...] = KEPT,
) -> list[Finding]:
    """All findings for everything read, in Excel order within each sheet. A parked
    children table (read_roster's ``park``) is taken out to be checked and keeps only
    ``KEPT`` after, so that one school's cells are held at a time; with
    ``done_with_cells`` (lbc validate, which only counts the children after) every
    children table but the last does, so a county's merged roster, checked school by
    school, lets each school's cells go (the last one's would only be freed for nothing
    before the command ends). ``terms``: the school's own terms' dates (lbc.toml), which
    a record's date is in one of or not (REC007). ``keep``: the columns each children
    table keeps once checked (``KEPT``, and what finds a record's child where lbc validate
    places a file's records each at its child's school: lbc.workspace.schools.BY_CHILD)."""
    checks = RosterChecks.of(roster, today or dt.date.today(), terms)
    checks.found += check_no_children(roster)
    checks.expect(roster.children)
    last = len(roster.children) - 1
    for n, table in enumerate(roster.children):
        parked = table.parked
        table.unpark()
        checks.children(table)
        if parked or (done_with_cells and n < last):
            table.keep_only(keep)
    for table in roster.teachers:
        checks.teachers(table)
    for table in roster.records:
        checks.records(table)
    for table in roster.pairs:
        checks.pairs(table, bool(roster.teachers))
    checks.found += check_listed(roster)
    roster.moved = checks.moved
    return checks.findings(roster) + check_term_sheets(roster)


def check_term_sheets(roster: Roster) -> list[Finding]:
    """TRM001: each row of a merged roster's sheet of each school's term dates that gives
    none (lbc.workspace.schools reads the sheet, Roster.term_problems), in Excel order;
    QTA001: each of its sheet of each school's quotas; WST001: of its sheet of each
    school's [watch], a weight of a code of no watch criterion's too (Roster.watch_weights,
    which the list is not drawn by)."""
    rules = {sheet: RULES[how.rule] for sheet, how in SETTINGS_SHEETS_READ.items()}
    criteria = {code for code, rule in RULES.items() if rule.kind is RuleKind.WATCH}
    no_setting = SETTINGS_SHEETS_READ[SCHOOL_WATCH_SHEET].unknown
    problems = [
        (file, SCHOOL_WATCH_SHEET, row, column, "setting", text, no_setting(text))
        for file, row, column, text, code in roster.watch_weights
        if code not in criteria
    ]
    # A row is said once: a weight of no criterion at its setting, as a setting lbc does not
    # know is, rather than at its school where it names none of the roster's too.
    unknown = {(file, row) for file, _, row, *_ in problems}
    sheets = [
        p for p in roster.term_problems if p[1] != SCHOOL_WATCH_SHEET or (p[0], p[2]) not in unknown
    ]
    both = [*sheets, *problems]
    if problems:  # each sheet's rows in Excel order, as its other problems are
        first: dict[tuple[str, str], int] = {}
        for file, sheet, *_ in both:
            first.setdefault((file, sheet), len(first))
        both.sort(key=lambda p: (first[(p[0], p[1])], p[2]))
    return [
        Finding(
            rules[sheet].code,
            file,
            sheet,
            row,
            column,
            key,
            value or None,
            None,
            rules[sheet].message(problem=why),
        )
        for file, sheet, row, column, key, value, why in both
    ]


def check_no_children(roster: Roster) -> list[Finding]:
    """REQ002 once for each file whose children sheets hold nobody (only headers, or the
    blank roster lbc init writes): without it such a file checks clean, and a roster
    saved in the wrong place looks fine. A merged roster's rows are of the school files
    they came from (Table.sources): a school file's sheet of nobody beside one of its
    sheets whose rows were merged (a grade's, headers only) is no file of nobody."""
    filled = {tbl.file for tbl in roster.children if len(tbl)}
    filled |= {tbl.sources[0][0] for tbl in roster.children if tbl.sources}
    first: dict[str, Table] = {}
    for tbl in roster.children:
        if tbl.file not in filled:
            first.setdefault(tbl.file, tbl)
    found: list[Finding] = []
    for tbl in first.values():
        out = _Out(tbl, Kind.CHILDREN)
        out.add(R.REQ002, None, "name")
        found += out.findings
    return found


def check_records_of(
    roster: Roster,
    files: Collection[str],
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[Finding]:
    """The findings of the records of ``files`` in ``roster``, against its children and
    teachers, whose own checks are not made again: lbc merge checks each file alone,
    and a school's file of records alone again with its school's files, once it knows
    which they are, so that its records are checked as lbc validate checks them
    (``terms``: the run's, as check_roster's)."""
    checks = RosterChecks.of(roster, dt.date.today(), terms)
    for table in roster.children:
        checks.index(table)
    for table in roster.records:
        if table.file in files:
            checks.records(table)
    return checks.findings(roster)


class RosterChecks:
    """The checks of a roster, fed one table at a time: children, then teachers, records
    and pairs lists, each kind in the roster's order. Between tables it keeps only what
    later ones are checked against (the ID numbers seen, the teachers seen, the children
    that records name), so a province's Parquet file can be checked one school at a time
    and each school's cells dropped once checked (lbc.checks.streamed); check_roster feeds
    it a whole roster.

    ``teachers``: every teacher's name, None when no teachers list was read, and
    ``in_post`` who the lists say supports a child of each school; ``schools``:
    each file's school, in a folder of schools, ``matching`` the same as records are
    matched to children by it (Roster.matching_schools) and ``copy_schools`` as every count
    names it (Roster.copy_schools), by which a copied row and an ID number on two schools'
    rosters are told (DUP002, DUP003); ``named``: every child's name a record gives (its
    child is looked up among the children, which come first; with no children at all, as
    when lbc merge first checks a school's file of records alone, whose child a record
    names is not said: check_records_of says it); ``terms``: the
    school's own terms' dates, a record's date in none of which is said (REC007), and
    ``file_terms`` those of each file a school's workspace holds (Roster.terms), which
    win in a county's folder run: each school's records dated by its own terms."""

    def __init__(
        self,
        today: dt.date,
        teachers: set[str] | None,
        in_post: TeachersInPost | None,
        schools: dict[str, str],
        matching: dict[str, str],
        named: set[str],
        terms: dict[str, tuple[dt.date, dt.date]] | None = None,
        file_terms: dict[str, dict[str, tuple[dt.date, dt.date]]] | None = None,
        several: bool = False,
        copy_schools: dict[str, str] | None = None,
    ) -> None:
        self.today = today
        self.copy_schools = copy_schools if copy_schools is not None else schools
        self.terms = terms
        self.file_terms = file_terms or {}
        self.teacher_names = teachers
        self.in_post = in_post
        self.schools = schools
        self.matching = matching
        self.named = named
        self.found: list[Finding] = []
        self._teachers_seen: dict[object, tuple[Table, int]] = {}
        self._ids_seen: dict[str, tuple[Table, int, bool]] = {}
        self._ids_at_school: dict[tuple[str, str], tuple[Table, int]] = {}
        self._across: Across = {}
        self.moved = 0  # rows of a child who moved school, said by no finding (Roster.moved)
        self._named_children: ChildIndex[object] = ChildIndex()
        self._children_seen = False
        self._named_folded: set[str] | None = None  # ``named`` in simplified characters
        # Rows that may be copied into another sheet or file of their school, by a hash of
        # their COPY_FIELDS cells: what _copies_across compares later tables' rows with.
        self._copies = CopiesSeen() if several else None
        # The children tables no row of which another table's row may copy or be a copy
        # of (expect): by id.
        self._apart: set[int] = set()

    @classmethod
    def of(
        cls,
        roster: Roster,
        today: dt.date,
        terms: dict[str, tuple[dt.date, dt.date]] | None = None,
        several: bool = False,
    ) -> RosterChecks:
        """The checks of ``roster``, against its teachers and records (read before its
        children are checked), the schools its files declare and the school's ``terms``;
        ``several``: children tables are to come though none is read yet (a Parquet file
        read a school at a time), whose rows one may copy from another."""
        return cls(
            today,
            {n for tbl in roster.teachers for n in tbl.values.get("name", []) if isinstance(n, str)}
            if roster.teachers
            else None,
            TeachersInPost(roster) if roster.teachers else None,
            roster.file_schools(),
            roster.matching_schools(),
            _record_names(roster),
            terms,
            {file: roster.terms_of(file, terms) or {} for file in roster.terms},
            several=several or len(roster.children) > 1,
            copy_schools=roster.copy_schools(),
        )

    def expect(self, tables: Sequence[Table]) -> None:
        """Know every children table to come (check_roster's): a table none of whose rows'
        schools another table has rows of is no copy's, and holds none (_copies_across
        compares the rows of one school only), so its rows are not hashed and held for
        the tables after it. A province's merged roster is 500 such tables, one a school:
        its million rows were hashed and held for nothing."""
        if self._copies is None:
            return
        # Each table's schools as _copies_across tells a row's: the file's, and its 学校
        # cell, else the one its file is told by.
        schools = []
        for table in tables:
            group, own = (x.get(table.file, "") for x in (self.schools, self.copy_schools))
            # A parked table's is the column it kept (KEPT); reading another raises.
            cells = dict.get(table.values, "school") if table.parked else table.values.get("school")
            schools.append({(group, cell or own) for cell in dict.fromkeys(cells or [None])})
        count = Counter(school for mine in schools for school in mine)
        self._apart = {
            id(table)
            for table, mine in zip(tables, schools, strict=True)
            if all(count[school] == 1 for school in mine)
        }

    def children(self, table: Table) -> None:
        self.found += check_children(table, self.today, self.in_post)
        found, moved = _duplicate_ids(
            table, self._ids_seen, self._ids_at_school, self.copy_schools, self._across
        )
        self.found += found
        self.moved += moved
        if self._copies is not None and id(table) not in self._apart:
            school, own = (x.get(table.file, "") for x in (self.schools, self.copy_schools))
            self.found += _copies_across(table, self._copies, school, own)
        self.index(table)

    def index(self, table: Table) -> None:
        """Know ``table``'s children, for the records that name them."""
        school = self.matching.get(table.file, "")
        if self._named_folded is None:
            self._named_folded = set(nz.simplified(list(self.named)))
        _index_named(self._named_children, table, self.named, self._named_folded, school)
        self._children_seen = True

    def teachers(self, table: Table) -> None:
        # A name is one teacher's within the school pairing tells teachers apart by
        # (Roster.support_schools): two schools' untitled rosters in their own folders are
        # two schools, each of which may have a 王芳, as their merged roster's 学校 says.
        school = (self.in_post.files if self.in_post else self.schools).get(table.file, "")
        repeats = self.in_post.repeats if self.in_post else {}
        self.found += check_teachers(table, self._teachers_seen, school, repeats)

    def records(self, table: Table) -> None:
        school = self.matching.get(table.file, "")
        children = self._named_children if self._children_seen else None
        terms = self.file_terms.get(table.origin, self.terms)  # its school's own, if it says
        self.found += check_records(table, self.today, self.teacher_names, children, school, terms)

    def pairs(self, table: Table, listed: bool) -> None:
        """A pairs workbook's cells showing a formula's error (VAL007), and with a teachers
        list read (``listed``), its teachers against it."""
        names = (self.teacher_names or set()) if listed else None
        self.found += check_pairs(table, names, self.in_post)

    def findings(self, roster: Roster) -> list[Finding]:
        """What was found, in the roster's order of sheets, Excel order within each; each
        DUP003 naming every school that lists its child, the last ones read too."""
        for schools, found in self._across.values():
            for f in found:
                f.message = R.DUP003.message(**across_schools(schools))
        order = {
            (tbl.file, sheet): n
            for n, tbl in enumerate([*roster.tables(), *roster.pairs])
            for sheet in dict.fromkeys(tbl.row_sheets or [tbl.sheet])
        }
        for n, tbl in enumerate(roster.tables()):  # a column its school's sheet lacked
            if tbl.lacks and (where := tbl.lacks_where):
                order.setdefault(where, n)
            if tbl.unheld_at:
                order.setdefault(tbl.unheld_at, n)
        self.found.sort(key=lambda f: (order.get((f.file, f.sheet), 0), *f.sort_key))
        return _once_per_file(self.found)


def _record_names(roster: Roster) -> set[str]:
    """The children's names the records name: each cell's, and each name of a cell naming
    several (谢心怡、任欣然, or 谢心怡 任欣然), which REC002 says is several children's
    (_why_unknown)."""
    cells = {n for tbl in roster.records for n in tbl.values.get("student") or () if n}
    several = {n for cell in cells if cell.__class__ is str for n in nz.several_names(cell)}
    raw = {cell for tbl in roster.records for cell in tbl.raw.get("student") or ()}
    spaced = {n for cell in raw for n in nz.spaced_names(cell)}
    return cells | several | spaced


def _index_named(
    index: ChildIndex[object], tbl: Table, names: set[str], folded: set[str], school: str
) -> None:
    """The children of ``tbl`` called one of ``names`` (or, in simplified characters, one of
    ``folded``: a record's 張偉 may be the roster's 张伟), each keyed by its ID number (the
    same child in two files is one) or its row; ``school``: its file's, for a row without
    a 学校 cell."""
    empty: list[Any] = [None] * len(tbl)
    others = [n for n in dict.fromkeys(tbl.values.get("name") or ()) if n.__class__ is str]
    others = [n for n in others if n not in names]
    also = {n for n, f in zip(others, nz.simplified(others), strict=True) if f in folded}
    keys: list[Any] = [
        (number if isinstance(number, str) and number else (id(tbl), i))
        if name in names or name in also
        else None
        for i, (name, number) in enumerate(
            zip(tbl.values.get("name") or empty, id_numbers(tbl) or empty, strict=True)
        )
    ]
    unnumbered = [i for i, key in enumerate(keys) if key.__class__ is tuple]
    if len(unnumbered) > 1:
        # A row copied without an ID number (alike in every COPY_FIELDS cell, as every
        # count takes it) is the one child of the row it copies, not a namesake (REC003).
        columns = copy_columns(tbl, school)
        for i in unnumbered:
            cells = tuple(column[i] for column in columns)
            if copyable(cells):
                keys[i] = ("copy", *cells)
    index.add_table(tbl, keys, school)


def _once_per_file(findings: list[Finding]) -> list[Finding]:
    """A column a file lacks is reported once, though the file has one sheet per grade."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for f in findings:
        if f.rule is R.COL001:
            if (f.file, f.field) in seen:
                continue
            seen.add((f.file, f.field))
        out.append(f)
    return out


def _why_unknown(children: ChildIndex, key: tuple[Any, Any, Any, Any], cell: object) -> str:
    """Why a record's child is found on no roster row, where the roster says more than
    that no child has the name: one of it is in another class than the record's (a name
    typed into a row whose 班级 is still another child's, on lbc's record sheet), or the
    cell (``cell``, as typed) names two children of it (谢心怡、任欣然, 谢心怡 任欣然). Told
    only "not in the roster", the teacher finds the name there and takes lbc to be wrong."""
    student, cls, school, born = key
    if cls is not None and children.find(student, None, school, born):
        return t("rule.REC002.other_class", cls=nz.display(cls))
    if student.__class__ is not str:
        return ""
    names = nz.several_names(student) or nz.spaced_names(cell)
    if names and all(children.find(name, None, school, None) for name in names):
        return t("rule.REC002.several", count=len(names))
    return ""


def _care_against_type(out: _Out) -> None:
    """VAL009 where the form's 实际监护情况 says the parents are away and 留守类型 says
    otherwise (contacts.care_contradicts): at the 留守类型 cell, as written (否 of a
    是否留守儿童 column), the contacts asked by both readings."""
    table = out.table
    contradicted = care_contradicts(table)
    if not contradicted:
        return
    care_label, label = out.label("care_situation"), out.label("left_behind_type")
    kinds, cares = table.raw["left_behind_type"], table.raw["care_situation"]
    for i in contradicted:
        kind = nz.display(kinds[i]) or nz.display(table.values["left_behind_type"][i])
        care = nz.display(cares[i]) or nz.display(table.values["care_situation"][i])
        out.add(
            R.VAL009,
            i,
            "left_behind_type",
            label=label,
            kind=kind,
            care_label=care_label,
            care=care,
        )


def _missing_columns(out: _Out, keys: Iterable[str]) -> None:
    """COL001 for each of ``keys`` the table lacks; one a piece of a merged roster or of
    an export lacks (Table.lacks where the merged sheet has it; any a piece read back from
    an export's CSV lacks, which has no column at all for it) is said at the school's own
    file and sheet, as over its folder: once for each school that lacked it, on its line,
    not once for the file they came through."""
    table = out.table
    for key in keys:
        if not table.has(key):
            out.add(R.COL001, None, key, label=field(out.kind, key).label)
            if (key in table.lacks or table.sources) and (where := table.lacks_where):
                out.findings[-1].file, out.findings[-1].sheet = where
        elif key in table.unheld:
            # One guardian's set of columns lacks it (监护人电话 beside 监护人姓名, the
            # 委托监护人电话 being the other guardian's): that column is missing, at the
            # school's own sheet where a merged roster's piece says it (Table.unheld_at).
            out.add(R.COL001, None, key, label=table.lacking_label(key))
            if table.unheld_at:
                out.findings[-1].file, out.findings[-1].sheet = table.unheld_at


def _classes_of_another_grade(out: _Out) -> None:
    """CLS004 for each 班级 cell naming a class of another grade than a name of its sheet,
    its file or its folder (三年级(1)班 or 301班 in 四年级.xlsx): read as the cell says, the
    more particular of the two, but which is wrong only the school knows, and the child is
    paired with that class's head teacher. A row whose 年级 cell gives a grade has CLS002
    instead; one whose 年级 is empty or unreadable is judged by the names, as on a sheet
    with no 年级 column, else nothing would say its class is of another grade. A merged
    roster's row is judged by the names of the school's file and sheet it came from
    (Table.sources), as over the school's folder."""
    table = out.table
    sources = table.sources or [(table.file, table.sheet)] * len(table)
    if not sources:
        return
    # A merged roster's piece (by_source) came from one sheet: told at C speed, its rows
    # sharing one object, where a set of a county's million rows' sources is not.
    one = sources[:1] if sources.count(sources[0]) == len(sources) else set(sources)
    named = {source: grades for source in one if (grades := names_grades(*source))}
    if not named:  # nearly every sheet: no name names a grade
        return
    others: dict[tuple[tuple[str, str], nz.ClassRef], str] = {}
    row_grades = table.values.get("grade") or [None] * len(table)
    for i, (cls, source, grade) in enumerate(
        zip(table.values["class"], sources, row_grades, strict=True)
    ):
        if cls.__class__ is not nz.ClassRef or source not in named or grade.__class__ is int:
            continue
        if (source, cls) not in others:
            grades = named[source].items()
            others[source, cls] = as_list(name for name, grade in grades if grade != cls.grade)
        if others[source, cls]:
            # Names of two grades (a sheet 初一 in 初二.xlsx) leave the grade unknown: no advice.
            given = set(named[source].values())
            numbered = _numbered_from_first_year(out, i, cls, *given) if len(given) == 1 else ""
            out.add(R.CLS004, i, "class", cls=cls, names=others[source, cls], numbered=numbered)


# 101班 beside a 年级 初一, 203 in 初二.xlsx: a middle school numbering its classes from 初一
# as 1 (初一1班, 初二3班). Still read as the cell says (一年级(1)班), since a nine-year school
# numbering 七年级 from 701 means 一年级 by 101, and said; the finding says how to write it.
_MIDDLE_YEARS = {7: "初一", 8: "初二", 9: "初三"}


def _numbered_from_first_year(out: _Out, i: int, cls: nz.ClassRef, grade: int) -> str:
    """What CLS002 or CLS004 adds where row ``i``'s 班级 writes its grade and class as one
    number whose grade is the year of the middle-school ``grade`` its 年级 or its names
    give (nz.from_first_year: 101班, 101 班 or 0101 beside 初一, 203 in 初二.xlsx):
    probably that grade's class, and how to write it to be read so, 初一(1)班, in the
    teachers list too, in place of the advice to correct the grade or move the child,
    which is wrong for it. Not 1班, which a county's merged workbook reads as of no grade,
    and the teachers' 101班 is still 一年级(1)班, whose head teacher is not the child's."""
    level = _MIDDLE_YEARS.get(grade)
    raw = _raw_text(out.table.raw["class"][i])
    if level is None or not nz.from_first_year(raw, cls, grade):
        return ""
    return t("rule.CLS.numbered", raw=raw, level=level, number=cls.number)


def _each_bad(
    out: _Out,
    key: str,
    rule: Rule,
    bad: type[nz.Bad] = nz.Bad,
    why_of: Callable[[nz.Bad], str] | None = None,
    **params: object,
) -> None:
    """A finding for every unreadable value in one column (of class ``bad``: a record's
    NotHeld 类型 is one of its own), its message's ``why`` said of each value where
    ``why_of`` is given; a clean column (nearly all of them) is recognised at C speed without a
    Python loop."""
    column = out.table.values.get(key, ())
    if bad not in set(map(type, column)):
        return
    for i, value in enumerate(column):
        if value.__class__ is bad:
            out.add(rule, i, key, **params, **({"why": why_of(value)} if why_of else {}))


# What a school writes in 留守类型 that is a support category (类别), not whether the parents
# are away: 孤儿 beside 父母均外出 and 非留守 (单亲, which may be a 单亲留守 cut short, is not).
_CATEGORY_AS_KIND = re.compile(r"(?:事实)?孤儿|残疾(?:儿童)?|建档立卡|低保|贫困|学困生?|困境儿童")


def _category_as_kind(value: nz.Bad) -> str:
    """Of an unreadable 留守类型 (VAL001), where a support category written there (孤儿,
    低保: ``_CATEGORY_AS_KIND``) belongs: told only the values allowed, a school would
    write 非留守 over 孤儿 and lose it."""
    written = re.sub(r"\(.*$", "", value.raw).strip()
    if _CATEGORY_AS_KIND.fullmatch(written):
        return t("rule.VAL001.category", value=written)
    return ""


def _class_why(value: nz.Bad) -> str:
    """Of an unreadable 班级 (CLS001), that a number cell may be another class with Excel's
    last zero dropped (3.1 for 3.10: completion._classes_typed_as_numbers), or that a date
    cell is one Excel made of 3-2 typed there (nz.DATE_CELL)."""
    if value.reason == nz.ZERO_DROPPED:
        return t("rule.CLS001.zero", raw=value.raw, ten=f"{value.raw}0")
    if value.reason == nz.DATE_CELL:
        return t("rule.CLS001.date", month=int(value.raw[5:7]), day=int(value.raw[8:10]))
    return ""


def _bad_date(out: _Out, i: int, key: str, value: nz.Bad, in_no_term: bool = False) -> None:
    """DATE001 for one unreadable date, saying when its text looks like an Excel date
    serial (42554, a column copied as text) which day that would be, of a number typed
    into a date-formatted cell (9.15, shown as 1900-01-09) that it was, and of a record's
    date without its year that no term of the school holds (``in_no_term``: 1月20日 in its
    winter break) why: it reads as a date, so "unreadable" alone would not say what to fix.
    So of a date marked as a lunar one (2015-02-14（农历）), or one with a lunar day of
    its own month and day beside it (2015-02-14（农历2月14日）): its digits read as a date,
    and a child's birth date is asked for as her ID card gives it."""
    day = serial_date(value.raw, key)
    serial = t("rule.DATE001.serial", date=day.isoformat()) if day else ""
    if value.reason == TYPED_IN_A_DATE_CELL:
        serial = t("rule.DATE001.typed", raw=value.raw)
    if in_no_term:
        serial = t("rule.DATE001.no_term")
    if value.reason in LUNAR_REASONS:
        lunar = "rule.DATE001." + value.reason
        serial = t(lunar + "_birth" if key == "birth_date" else lunar)
    out.add(R.DATE001, i, key, label=out.label(key), serial=serial)


def _each_bad_date(
    out: _Out, key: str, awaiting: Collection[int] = (), own_sheet: bool = False
) -> None:
    """DATE001 for every unreadable value of date column ``key`` (_bad_date), but those of
    the rows ``awaiting`` a term to give them their year (a record's 10月8日, which lbc due
    counts: dated_by_a_term). On a school's ``own_sheet`` of records (giving no term) a
    date without its year left is one no term of the school holds."""
    column = out.table.values.get(key, ())
    if nz.Bad not in set(map(type, column)):
        return
    cells = out.table.raw[key]
    for i, value in enumerate(column):
        if value.__class__ is nz.Bad and i not in awaiting:
            in_no_term = own_sheet and record_sheets.without_year(value, cells[i])
            _bad_date(out, i, key, value, in_no_term)


def _several_own(value: nz.Bad, key: str) -> bool:
    """Whether a phone cell holds two or more numbers, each labelled as the column's (家长电话
    of 父：…；母：…, a teacher's 手机：… 座机：…), or gives its person two numbers labelled
    as theirs in another's cell (父：…；父：… in 监护人电话): numbers to call, each said
    whose, no malformed number (phones.several_numbers)."""
    return len(value.read) > 1 or len(phones.own_numbers(value.raw, key)) > 1


def _each_bad_phone(out: _Out, key: str) -> None:
    """PHN001 for every phone cell of column ``key`` that gives no number, but one of
    several labelled numbers each the column's (_several_own)."""
    column = out.table.values.get(key, ())
    if nz.Bad not in set(map(type, column)):
        return
    for i, value in enumerate(column):
        if value.__class__ is nz.Bad and not _several_own(value, key):
            _add_bad_phone(out, value, i, key)


# What a phone cell Excel's number keeping made no phone of is, by its Bad.reason: a
# landline whose leading 0 it dropped, a number with a fraction.
_PHONE_REASONS = {phones.LANDLINE_ZERO_DROPPED: R.PHN006, phones.FRACTION: R.PHN007}


def _add_bad_phone(out: _Out, value: nz.Bad, i: int, key: str) -> None:
    """The finding of a phone cell of column ``key`` that gives no number
    (_bad_phone_rule); PHN007 says whether the cell is the number with a fraction
    (1381234567.8) or holds it among other text (父：1381234567.8, 13812345678/1391234567.8:
    the number beside it is not read either)."""
    rule = _bad_phone_rule(value)
    if rule is R.PHN007:
        what = t("rule.PHN007.alone" if phones.fraction_alone(value) else "rule.PHN007.among")
        out.add(rule, i, key, label=out.label(key), what=what)
    else:
        out.add(rule, i, key, label=out.label(key))


def _bad_phone_rule(value: nz.Bad) -> Rule:
    """PHN004 for a phone cell Excel turned into scientific notation (1.38123E+10), whose
    last digits are lost: typing it in again is the fix, not correcting its format; so
    PHN006 for a number cell that is a landline without its leading 0 (7551234567), and
    PHN007 for one with a fraction (1381234567.8); PHN001 for any other cell that gives no
    number."""
    if rule := _PHONE_REASONS.get(value.reason):
        return rule
    return R.PHN004 if phones.lost_in_scientific(value.raw) else R.PHN001


def _each_scientific_phone(out: _Out, key: str) -> None:
    """PHN005 for every phone cell of column ``key`` read as a number it gives in
    scientific notation with every digit kept (1.3812345678E+10, alone or with an
    extension, a label or a remark, 1.3812345678E+10转1: phones.holds_kept_scientific), its
    column's number or another's (1.3812345678E+10 (母) in 父亲电话): the number is right, but
    nobody can dial it as written, and opened and saved through Excel again the column
    loses its last digits (PHN004)."""
    raw, column = out.table.raw.get(key), out.table.values.get(key, ())
    if raw is None:
        return
    moved = out.table.values.elsewhere(key)  # read as another's number (母：… in 父亲电话)
    # Nearly every cell is its own number (a clean mobile is read as the cell): only the
    # others are looked at, found at C speed.
    for i in compress(count(), map(ne, raw, column)):
        cell = raw[i]
        read = column[i].__class__ is str or i in moved
        if read and cell.__class__ is str and phones.holds_kept_scientific(cell):
            out.add(R.PHN005, i, key, label=out.label(key))


def _others_numbers(out: _Out) -> None:
    """PHN002 for every cell of a parent's phone column whose one number is labelled as
    someone else's (母：13912345678 in 父亲电话), or each of whose numbers is (母：…；爷爷：…):
    it is not that parent's number; likewise a parent's number in 监护人电话 where the
    guardian is not that parent (父：… of a guardian who is the grandfather). PHN003 for
    every such cell giving a parent, or the guardian it names (爷爷：… where the guardian is
    the grandfather), a number that one's own cell does not hold (phones.fill_owners filled it
    where it was empty): the school has two numbers for that person, and the one typed in
    their own column is the one used."""
    values = out.table.values
    for key in phones.PHONES_TOGETHER:
        owner = t(f"contact.{key.removesuffix('_phone')}")
        for i, (labels, numbers) in values.elsewhere(key).items():
            if labels:
                said = as_list(labels)
                out.add(R.PHN002, i, key, label=out.label(key), whose=said, owner=owner)
            differs = set()  # each person said once: 父：…；父：… is two of the father's
            for word, number, other in numbers:
                if other and other != key and out.table.has(other) and other not in differs:
                    if number in phones.numbers_to_call(values[other][i]):  # filled, typed alike
                        continue
                    differs.add(other)
                    whose = other.removesuffix("_phone")
                    who = t(f"contact.{whose}") if other in phones.PARENT_PHONES else word
                    words = {"label": out.label(key), "other": out.label(other)}
                    out.add(R.PHN003, i, key, who=who, **words)


def _grade_or_code(out: _Out) -> None:
    """CLS003 once for a 年级 column of only the numbers 11 and 12 (GRADE_OR_CODE), at its
    first such cell: 十一、十二年级, or the 学籍 system's codes for 一、二年级?"""
    cells = [i for i, v in enumerate(out.table.raw["grade"]) if nz.text(v) is not None]
    out.add(R.CLS003, cells[0], "grade", label=out.label("grade"), count=len(cells))


def _formula_errors(out: _Out, keys: Collection[str] | None = None) -> None:
    """VAL007 for every cell read (of the columns ``keys``, if given) that shows a
    formula's error: the value it was meant to hold is not there, whatever its column's own
    rules make of the text. Only in a table the reader saw them in (Table.formula_errors):
    an .xlsx's error cells put back (lbc.roster.reading.Prescan), or text that is one in any
    file (a CSV saved from such a sheet, a merged roster, which holds a school's as text).
    A cell holding a formula saved without its result (UNSAVED) is VAL010 instead: it shows
    its value in Excel, though lbc cannot read it."""
    if not out.table.formula_errors:
        return
    for key, column in out.table.raw.items():
        if keys is not None and key not in keys:
            continue
        try:
            clean = FORMULA_ERRORS.isdisjoint(column)  # nearly every column: at C speed
        except TypeError:  # an unhashable cell (a Parquet list): looked at one by one
            clean = not any(map(shows_an_error_whole, column))
        if clean:
            continue
        label = out.label(key)
        for i, value in enumerate(column):
            if value.__class__ is str and value == UNSAVED:  # no error: no result saved
                out.add(R.VAL010, i, key, label=label)
            elif shows_an_error_whole(value):
                out.add(R.VAL007, i, key, label=label, value=value)


def _error_rows(out: _Out) -> None:
    """VAL008 once for each run of rows the sheet dropped as showing nothing but #N/A
    where lbc reads (Table.error_rows), at its first row: no child is counted there, and
    lbc cannot tell a VLOOKUP dragged too far from children whose lookup key is missing."""
    table = out.table
    for run in table.error_rows:
        out.findings.append(
            Finding(
                code=R.VAL008.code,
                file=table.file,
                sheet=run.sheet,
                row=run.first,
                column=None,
                field=None,
                value=DRAGGED_ERROR,
                child=None,
                message=R.VAL008.message(**run.words()),
            )
        )


def _each_empty(out: _Out, key: str) -> None:
    column = out.table.values.get(key, ())
    if None not in column:
        return
    label = out.label(key)
    for i, value in enumerate(column):
        if value is None:
            out.add(R.REQ001, i, key, label=label)


def check_pairs(
    table: Table, teacher_names: set[str] | None, in_post: TeachersInPost | None = None
) -> list[Finding]:
    """A pairs workbook's 帮扶教师 cell showing a formula's error (VAL007): one whose
    VLOOKUP failed leaves its child without a teacher (lbc.roster.pairs.join_pairs), and
    is said where it is, as the roster's are. That cell alone: the workbook's other
    columns (身份证号, 结对时名册帮扶教师, …) are lbc pair's copies of the roster's cells,
    whose errors validate says at the roster, once, and which mending the roster mends.
    With a teachers list (``teacher_names``), a workbook's teachers are in it: a teacher
    typed into it by hand is checked where it was typed, as the roster's 帮扶教师 cells
    are; a cell naming several teachers of the list (王芳、李强) is said as one naming
    several (TCH004), counted as the teacher ``in_post`` says every command counts (the
    first of them in post), as the roster's cell is said, and as the merged roster's
    帮扶教师 cell carrying it is."""
    out = _Out(table, Kind.CHILDREN)
    _formula_errors(out, ("support_teacher",))
    if teacher_names is None:
        return out.findings
    cells = table.values.get("support_teacher") or ()
    schools = in_post.schools(table) if in_post is not None and cells else [""] * len(cells)
    for i, (teacher, school) in enumerate(zip(cells, schools, strict=True)):
        if not teacher or teacher_named(teacher, teacher_names) is not None:
            continue
        several = nz.several_teachers(teacher)
        if several and all(teacher_named(name, teacher_names) for name in several):
            counted = in_post.who(teacher, school) if in_post is not None else None
            name = shown_name(counted[1] if counted else several[0])
            names = as_list(map(shown_name, several))
            out.add(R.TCH004, i, "support_teacher", count=len(several), names=names, name=name)
        else:
            out.add(R.TCH003, i, "support_teacher", name=shown_name(teacher), list=_no_list())
    return out.findings


def _no_list(schools: list[str] | None = None) -> str:
    """Whose list TCH003 says a teacher is not on: the teachers list; the child's school's
    where ``schools``, other schools' lists, name her (TeachersInPost.lists_naming)."""
    if schools:
        return t("rule.TCH003.elsewhere", schools=as_list(schools))
    return t("rule.TCH003.list")


def _support_teachers(out: _Out, table: Table, in_post: TeachersInPost) -> None:
    """Each 帮扶教师 cell against the teachers lists read (TCH003, TCH004)."""
    # The cells, not the pairs in force joined onto them: a finding points at a cell.
    cells = table.as_written("support_teacher")
    if not cells:
        return
    # Each teacher and school asked once: a school's 2,000 children name a hundred teachers.
    known: dict[tuple[object, str], bool] = {}
    for i, (teacher, school) in enumerate(zip(cells, in_post.schools(table), strict=True)):
        if not teacher:
            continue
        ok = known.get((teacher, school))
        if ok is None:
            ok = known[(teacher, school)] = in_post.knows(teacher, school)
        if ok:
            continue
        several = nz.several_teachers(teacher)
        if several and all(in_post.knows(name, school) for name in several):
            # Counted as the first of them in post (TeachersInPost.who), else the first;
            # of two 王芳 in post, the one the cell tags (王芳（四年级(1)班）), named so.
            counted = in_post.who(teacher, school)
            name = shown_name(counted[1] if counted else several[0])
            names = as_list(map(shown_name, several))
            out.add(R.TCH004, i, "support_teacher", count=len(several), names=names, name=name)
        else:
            elsewhere = in_post.lists_naming(teacher, school) if isinstance(teacher, str) else None
            out.add(
                R.TCH003, i, "support_teacher", name=shown_name(teacher), list=_no_list(elsewhere)
            )


def check_listed(roster: Roster, files: Collection[str] | None = None) -> list[Finding]:
    """The names in the teachers lists' 帮扶学生 cells that pair nobody, as the pairs join
    found them (lbc.roster.pairs.listed_pairs): no child of the name (TCH005), several
    (TCH006), or another teacher named for the child elsewhere (TCH007); of the lists in
    ``files`` only, when given."""
    joined = roster.joined
    if joined is None:
        return []
    out: dict[int, _Out] = {}
    for listed in joined.listed:
        table = listed.table
        if files is not None and table.file not in files:
            continue
        add = out.setdefault(id(table), _Out(table, Kind.TEACHERS)).add
        if listed.why == MISSING:
            add(R.TCH005, listed.i, "children", name=listed.name)
            continue
        places = as_list(_place_of(table, *row) for row in listed.rows)
        if listed.why == NAMESAKES:
            add(
                R.TCH006,
                listed.i,
                "children",
                name=listed.name,
                count=len(listed.rows),
                rows=places,
            )
        else:
            teacher = shown_name(listed.teacher)
            outcome = t("tch007.kept" if listed.kept else "tch007.neither", teacher=teacher)
            where = t("tch007.roster" if listed.kept else "tch007.list", where=places)
            add(
                R.TCH007,
                listed.i,
                "children",
                name=listed.name,
                where=where,
                teacher=teacher,
                outcome=outcome,
            )
    return [f for each in out.values() for f in each.findings]


def _place_of(table: Table, other: Table, j: int) -> str:
    """Where row ``j`` of ``other`` is, as a finding on ``table`` names it."""
    row, sheet = other.rows[j], other.sheet_at(j)
    if other.file == table.file:
        return t("loc.sheet_row", sheet=sheet, row=row)
    return t("loc.elsewhere", file=other.file, sheet=sheet, row=row)


# The findings of a school's files that its teachers lists decide: lbc merge checks each
# file alone, and a school's teachers list in a file of its own again with its files.
BY_TEACHERS = frozenset({R.TCH003.code, R.TCH004.code, R.REC001.code})


def check_by_teachers(
    roster: Roster,
    files: Collection[str],
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[Finding]:
    """The findings (BY_TEACHERS) of the children and records of ``files`` in ``roster``
    against every teachers list of ``roster``, as lbc validate finds them where a school's
    teachers list is a file of its own; none where ``roster`` has no teachers list."""
    checks = RosterChecks.of(roster, dt.date.today(), terms)
    if checks.in_post is None:
        return []
    found: list[Finding] = []
    for table in roster.children:
        if table.file in files:
            out = _Out(table, Kind.CHILDREN)
            _support_teachers(out, table, checks.in_post)
            found += out.findings
    for table in roster.records:
        if table.file in files:
            terms_of = checks.file_terms.get(table.origin, terms)
            records = check_records(table, checks.today, checks.teacher_names, None, "", terms_of)
            found += [f for f in records if f.code == R.REC001.code]
    return found


def check_children(
    table: Table, today: dt.date, in_post: TeachersInPost | None = None
) -> list[Finding]:
    """A children table's findings; ``in_post``: the teachers lists read, against which
    each 帮扶教师 cell is checked (TCH003), the list of the child's own school where a
    folder's schools each have one, as every command takes the child's support teacher."""
    out = _Out(table, Kind.CHILDREN)
    _error_rows(out)
    _formula_errors(out)
    required = list(CHILD_REQUIRED)
    if not table.has("id_number"):
        required.append("birth_date")
    _missing_columns(out, required)
    for key in required:
        if key != "birth_date":
            _each_empty(out, key)
    _each_bad(out, "class", R.CLS001, why_of=_class_why)
    _each_bad(out, "grade", R.CLS001, why="")
    # A 留守类型 read from 实际监护情况 is reported once, in the form's own words.
    derived = table.letter("left_behind_type") == table.letter("care_situation")
    for key, values in _CLOSED_LISTS.items():
        if derived and key == "left_behind_type":
            continue
        label, allowed = out.label(key), as_list(values)
        if key == "left_behind_type":
            _each_bad(out, key, R.VAL001, why_of=_category_as_kind, label=label, allowed=allowed)
        else:
            _each_bad(out, key, R.VAL001, label=label, allowed=allowed, why="")
    if not derived:
        _care_against_type(out)
    _each_bad(out, "guardian_relation", R.VAL002, allowed=as_list(nz.RELATIONS))
    label = out.label("guardian_age")
    _each_bad(out, "guardian_age", R.VAL001, label=label, allowed="16–100", why="")
    for key in (*ARRIVAL_KEYS, PAIRED_SINCE_KEY):
        _each_bad_date(out, key)
    for key in _PHONES:
        _each_bad_phone(out, key)
        _each_scientific_phone(out, key)
    _others_numbers(out)

    v = table.values
    n = len(table)
    empty = [None] * n
    ids, births, genders = (
        v.get("id_number", empty),
        v.get("birth_date", empty),
        v.get("gender", empty),
    )
    has_birth_column = table.has("birth_date")
    born: list[dt.date | None] = [None] * n  # the birth date, from its column or the ID
    kinds_of_id = v.get("id_kind", empty)
    truncated = _digits_lost(ids)
    for i, (id_value, birth, gender) in enumerate(zip(ids, births, genders, strict=True)):
        id_date = held = None  # the birth date read of the ID; the one it holds, checked
        kind = kinds_of_id[i]
        if id_value is not None and patterned_id(kind):
            id_date = held = _check_id(out, i, id_value, today, truncated)
        elif kind in _MISTAKEN_KINDS and _looks_like_id(id_value, today):
            # Checked as the ID it nearly always is, all its faults said at once; its birth
            # date is read only once the kind says ID (people.patterned_id).
            label, suggested = out.label("id_kind"), _id_kind_of(id_value)
            reason = t(_MISTAKEN_KINDS[kind], kind=kind)
            out.add(R.ID010, i, "id_kind", label=label, kind=kind, id_kind=suggested, reason=reason)
            held = _check_id(out, i, id_value, today, truncated)
        if birth is None:
            born[i] = id_date
            if id_date is None and has_birth_column:
                out.add(R.REQ001, i, "birth_date", label=out.label("birth_date"))
            elif id_date is not None:
                _check_age(out, i, id_date, today, "id_number")
        elif birth.__class__ is nz.Bad:
            born[i] = id_date
            _bad_date(out, i, "birth_date", birth)
        else:
            # A month-only 出生年月 leaves the day to the ID, when there is one.
            born[i] = id_date if birth.__class__ is YearMonth and id_date else birth
            _check_birth(out, i, birth, today)
            if held and births_differ(held, birth):
                label = out.label("birth_date")
                out.add(R.ID006, i, "birth_date", id_date=held, date=birth, label=label)
        if held and gender in ("男", "女") and id_gender(id_value) != gender:
            out.add(R.ID007, i, "gender", id_gender=id_gender(id_value), gender=gender)
    if table.codings.get("grade") == GRADE_OR_CODE:
        _grade_or_code(out)
    if "grade" in v and "class" in v:
        for i, (grade, cls) in enumerate(zip(v["grade"], v["class"], strict=True)):
            if grade.__class__ is int and cls.__class__ is nz.ClassRef and cls.grade != grade:
                numbered = _numbered_from_first_year(out, i, cls, grade)
                shown = nz.grade_shown(grade)
                out.add(R.CLS002, i, "grade", grade=shown, cls=cls, numbered=numbered)
    if "class" in table.columns:
        _classes_of_another_grade(out)
    for i, age in enumerate(v.get("guardian_age", ())):
        if age.__class__ is int and not 16 <= age <= 100:
            label = out.label("guardian_age")
            out.add(R.VAL003, i, "guardian_age", label=label, value=age, low=16, high=100)
    kinds = v.get("left_behind_type", ())
    if nz.AWAY_UNSPECIFIED in kinds:
        for i, kind in enumerate(kinds):
            if kind == nz.AWAY_UNSPECIFIED:
                out.add(R.VAL004, i, "left_behind_type")
    if in_post is not None:
        _support_teachers(out, table, in_post)
    missing_contact_columns: set[str] = set()
    for i, gaps in contact_gaps(table).items():
        for missing in gaps:
            # A field the row's guardian's set of columns lacks (Table.unheld) is a column
            # missing, as where the sheet has no column of it at all.
            if table.holds(missing.field, i):
                out.add(missing.rule, i, missing.field, **missing.params)
            else:
                missing_contact_columns.add(missing.field)
    _missing_columns(out, sorted(missing_contact_columns - set(required)))
    _check_work_places(out)
    _check_people(out, today)
    _check_duplicate_children(out, born)
    return out.findings


_ID_DATES: dict[str, dt.date | None] = {}
_ID_REGIONS: dict[str, bool] = {}


def _id_date(digits: str) -> dt.date | None:
    """The date of an ID's YYYYMMDD part, or None; memoised, as birthdays repeat."""
    try:
        return _ID_DATES[digits]
    except KeyError:
        try:
            born: dt.date | None = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            born = None
        _ID_DATES[digits] = born
        return born


def _digits_lost(ids: list[Any]) -> bool:
    """Whether a sheet's ID numbers show that its column was typed as numbers and made text
    again: text ending in 000 whose check digit is wrong (Excel kept 15 digits:
    511321201605011029 became 511321201605011000). Then an ID ending in 000 whose check
    digit fits (one such in eleven) is one of them too, said (ID011); elsewhere, a number
    cell (ID004) beside it or not, it is the real ID number that one in a thousand is."""
    return any(
        v.__class__ is str
        and v.endswith("000")
        and _ID_SHAPE.fullmatch(v) is not None
        and ric.calc_check_digit(v) != v[-1]
        for v in ids
    )


def _check_id(
    out: _Out, i: int, value: Any, today: dt.date, truncated: bool = False
) -> dt.date | None:
    """Check one ID number; return the birth date it holds when it is well formed. Of a
    sheet whose IDs show digits lost (``truncated``: _digits_lost), an ID ending in 000
    is said to be one such (ID011) though its check digit fits."""
    if value.__class__ is nz.NumericId:
        out.add(R.ID004, i, "id_number")
        return None
    if not _ID_SHAPE.fullmatch(value):
        out.add(R.ID001, i, "id_number")
        return None
    born = _id_date(value[6:14])
    if born is None or born > today or born.year < 1900:
        out.add(R.ID003, i, "id_number", raw=value[6:14])
        return None
    # 511321201605011000: an ID typed as a number (Excel keeps 15 digits), made text later.
    lost = value.endswith("000")
    if ric.calc_check_digit(value) != value[-1]:
        out.add(R.ID002, i, "id_number", lost=t("rule.ID002.lost") if lost else "")
    elif lost and truncated:
        out.add(R.ID011, i, "id_number")
    place = value[:10]  # region and year: a code may be retired in some years
    known = _ID_REGIONS.get(place)
    if known is None:
        known = _ID_REGIONS[place] = region_known(value[:6], born.year)
    if not known:
        out.add(R.ID005, i, "id_number", region=value[:6])
    return born


def _looks_like_id(value: Any, today: dt.date) -> bool:
    """Whether a 身份证件号 is of the ID number's pattern, 17 digits and a digit or X, with
    its check digit right or a real past birth date after a region code in use then (one
    mistyped digit leaves either); None and a number cell's ID are not."""
    if value.__class__ is not str or not _ID_SHAPE.fullmatch(value):
        return False
    if ric.calc_check_digit(value) == value[-1]:
        return True
    born = _id_date(value[6:14])
    if born is None or born.year < 1900 or born > today:
        return False
    return region_known(value[:6], born.year)


# The 身份证件类型 under which a number of the ID's pattern is the child's ID number picked
# under the wrong kind (ID010), each with why: no child holds a military card, and a
# passport's or a permit's number is not of 18 characters.
_MISTAKEN_KINDS = {
    **dict.fromkeys(nz.MILITARY_ID_KINDS, "rule.ID010.military"),
    **dict.fromkeys(nz.SHORT_NUMBER_ID_KINDS, "rule.ID010.short"),
}


def _id_kind_of(number: str) -> str:
    """The 身份证件类型 a number of the ID's pattern is of, by its region code."""
    return "港澳台居民居住证" if number[:6] in RESIDENCE_PERMIT_REGIONS else "居民身份证"


def _check_birth(out: _Out, i: int, birth: dt.date, today: dt.date) -> None:
    if birth > today:
        out.add(R.DATE002, i, "birth_date", label=out.label("birth_date"), date=birth)
        return
    _check_age(out, i, birth, today, "birth_date")


def _check_age(out: _Out, i: int, birth: dt.date, today: dt.date, key: str) -> None:
    """A pupil is 3 to 20; the birth date comes from its column, or from the ID alone."""
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if not 3 <= age <= 20:
        out.add(R.DATE003, i, key, date=birth, age=age)


# Whose ID numbers and birth dates the registration form records besides the child's.
PEOPLE = ("father", "mother", "parent", "guardian")


def person_id_date(value: Any) -> dt.date | None:
    """The birth date a parent's or guardian's ID number holds when it is a valid number
    (shape, a real past date, check digit); None when it is not."""
    if value.__class__ is not str or not _ID_SHAPE.fullmatch(value):
        return None
    born = _id_date(value[6:14])
    if born is None or born.year < 1900 or ric.calc_check_digit(value) != value[-1]:
        return None
    return born


def kept_id_date(value: Any) -> dt.date | None:
    """The birth date an ID number stored as a number cell still holds: its last digits
    are lost (5.11321195003013E+17), not the date in its 7th to 14th (a guardian born in
    1950 is as old whatever Excel did to the check digit). None for a number of no ID's
    length or date."""
    if value.__class__ is not nz.NumericId:
        return None
    digits = nz.kept_digits(value)
    if len(digits) != 18 or not digits.isdigit():
        return None
    born = _id_date(digits[6:14])
    return born if born is not None and born.year >= 1900 else None


def _check_people(out: _Out, today: dt.date) -> None:
    """The parents' and guardian's ID numbers and birth dates, checked like the child's: a
    number that is no valid ID (ID008), a birth date it contradicts (ID009); the guardian's
    age by them (VAL005); and a 监护类型 of 无人监护, or an 实际监护情况 of 无委托照料人,
    beside a named guardian (VAL006): a name showing a formula's error (#N/A) names
    nobody, and contradicts neither (cells_held; VAL007 says it)."""
    v, n = out.table.values, len(out.table)
    for who in PEOPLE:
        id_key, birth_key = f"{who}_id_number", f"{who}_birth_date"
        ids, births = v.get(id_key) or [None] * n, v.get(birth_key) or [None] * n
        if not out.table.has(id_key) and not out.table.has(birth_key):
            continue
        for i, (ident, birth) in enumerate(zip(ids, births, strict=True)):
            born = None
            if ident is not None:
                born = person_id_date(ident)
                if born is None or born > today:
                    out.add(R.ID008, i, id_key, label=out.label(id_key))
                    born = None
            if born and birth.__class__ in (dt.date, YearMonth) and births_differ(born, birth):
                label = out.label(birth_key)
                out.add(R.ID009, i, birth_key, label=label, date=birth, id_date=born)
            if who == "guardian":
                by_id = born is not None
                born = born or (birth if birth.__class__ is dt.date else None)
                if born is not None:
                    age = (
                        today.year - born.year - ((today.month, today.day) < (born.month, born.day))
                    )
                    if not 16 <= age <= 100:
                        key = id_key if by_id else birth_key
                        out.add(R.VAL005, i, key, label=out.label(key), age=age)
    if not v.get("guardian_name"):
        return
    names = cells_held(out.table, "guardian_name")
    for key, said in NOBODY_CARES.items():
        values = v.get(key)
        if not values:
            continue
        for i, (value, name) in enumerate(zip(values, names, strict=True)):
            if value == said["value"] and name:
                out.add(R.VAL006, i, key, **said)


def _place_ok(place: object) -> bool:
    """Whether a work place names at least a province and a city (广东省东莞市, 广东东莞,
    北京); 浙江省, 外地 or 在外打工 do not."""
    if not isinstance(place, str):
        return False
    if _CITY_MARK.search(place):
        return True
    if _PROVINCE_ONLY.fullmatch(place) or _VAGUE.search(place):
        return False
    return len(place) >= 4


def _check_work_places(out: _Out) -> None:
    """An away parent's work place must name at least a province and city (warning).

    With one 家长务工单位 column for both parents it is checked once a row, not twice.
    """
    table = out.table
    kinds = table.values.get("left_behind_type", ())
    status = table.values.get("enrollment_status") or [None] * len(table)
    if table.has("father_work_place") or table.has("mother_work_place"):
        checks = [(p, f"{p}_work_place", (p,)) for p in ("father", "mother")]
    else:
        checks = [("parent", "parent_work_place", ("father", "mother"))]
    for who, key, parents in checks:
        if not table.has(key):
            continue  # an optional column: its absence is not a per-row warning
        away = {kind for kind in set(kinds) if set(parents) & set(away_parents(kind))}
        places = set(table.values[key])
        back = {p for p in places if isinstance(p, str) and _BACK_HOME.fullmatch(_unpunctuated(p))}
        ok = {place: place not in back and _place_ok(place) for place in places}
        word = t(f"contact.{who}")
        for i, (kind, place) in enumerate(zip(kinds, table.values[key], strict=True)):
            if kind in away and not ok[place] and status[i] not in LEFT_SCHOOL:
                if place in back:
                    out.add(R.CON010, i, key, who=word, place=place)
                else:
                    out.add(R.CON005, i, key, who=word)


def _unpunctuated(text: str) -> str:
    """A work place without its spaces and punctuation (已回家。, 回来了！)."""
    return re.sub(r"[\s，。,.!！、；;（）()]", "", text)


def _check_duplicate_children(out: _Out, born: list[dt.date | None]) -> None:
    """Same name, birth date and class on two rows (IDs differ or are missing), of the same
    school where a 学校 column says (a county's merged roster: 三年级(2)班 of two schools
    are two classes): DUP002. Same name and class, and neither row has an ID number or a
    birth date: DUP004, two children nothing tells apart (their cards are one card)."""
    table = out.table
    if not (table.has("name") and table.has("class")):
        return
    n = len(table)
    ids = id_numbers(table) or [None] * n
    seen: dict[tuple, int] = {}
    undated: dict[tuple, int] = {}  # (name, class, school) of a row with no ID nor date
    v = table.values
    keys = zip(v["name"], born, v["class"], v.get("school") or [None] * n, strict=True)
    for i, key in enumerate(keys):
        if key[0] is None or key[2].__class__ is not nz.ClassRef:
            continue
        if key[1] is None:
            if not ids[i]:
                first = undated.setdefault((key[0], key[2], key[3]), i)
                if first != i:
                    # The pairs in force, read only for namesakes: a county has 100,000 rows.
                    teachers = v.get("support_teacher") or [None] * n
                    said = _namesakes_records(teachers[first], teachers[i])
                    out.add(R.DUP004, i, "name", other=_row_of(table, first, i), records=said)
            continue
        first = seen.setdefault(key, i)
        if first != i and not (ids[first] and ids[first] == ids[i]):
            out.add(R.DUP002, i, "name", other=_row_of(table, first, i))


class CopiesSeen:
    """The rows of the children tables checked so far that another sheet or file may copy
    (``_copies_across``): each by a hash of its school and COPY_FIELDS cells, to the table
    (by its place in ``tables``) and row, and whether it has an ID number. Held a school
    at a time (``of``): a school's files need not be read one after another."""

    def __init__(self) -> None:
        self.school: str | None = None
        self.tables: list[Table] = []
        self.rows: dict[int, tuple[int, int, bool]] = {}
        self._schools: dict[str, tuple[list[Table], dict[int, tuple[int, int, bool]]]] = {}

    def of(self, school: str) -> None:
        """Make ``school``'s rows the ones held, those of the school held before kept."""
        if school != self.school:
            self.school = school
            self.tables, self.rows = self._schools.setdefault(school, ([], {}))


def check_copies(
    tables: Sequence[Table], schools: Mapping[str, str], own: Mapping[str, str]
) -> list[Finding]:
    """DUP002 at each row of the children ``tables`` copied from another sheet or file of
    its school, as RosterChecks finds them (``_copies_across``; ``schools`` and ``own``:
    Roster.file_schools and Roster.copy_schools): lbc merge, which checks each file
    alone, checks a school's files together so once it knows which they are."""
    seen = CopiesSeen()
    found: list[Finding] = []
    for table in tables if len(tables) > 1 else ():
        school, mine = schools.get(table.file, ""), own.get(table.file, "")
        found += _copies_across(table, seen, school, mine)
    return found


def _copies_across(table: Table, seen: CopiesSeen, school: str, own: str) -> list[Finding]:
    """DUP002 at a row copied from another sheet of its workbook (a 全校 sheet and a 三年级
    sheet) or another file of its school: alike in every COPY_FIELDS cell, with a name, a
    class and a birth date read, and one of the two rows or both without an ID number (two
    ID numbers are DUP001's one child, or two children). Every command counts the two
    rows as one child (tables.copied_groups); the finding names the other row's file,
    sheet and row. Copies within the sheet are _check_duplicate_children's. ``school``:
    the table's file's school as it declares it, the rows held being one school's; ``own``:
    as copies are told by it (Roster.copy_schools), a row's school being its 学校 cell,
    else that."""
    seen.of(school)
    if not (table.has("name") and table.has("class")):
        return []
    at = len(seen.tables)
    seen.tables.append(table)
    n = len(table)
    ids = id_numbers(table) or [None] * n
    columns = copy_columns(table, own)
    out = _Out(table, Kind.CHILDREN)
    for i, cells in enumerate(zip(*columns, strict=True)):
        if not copyable(cells):
            continue
        ident = ids[i]
        if ident is not None and not isinstance(ident, str):
            continue  # an ID number whose digits a number cell lost: no copy to be sure of
        key = hash(cells)
        first = seen.rows.get(key)
        if first is None:
            seen.rows[key] = (at, i, ident is not None)
            continue
        k, j, numbered = first
        if k == at or (numbered and ident is not None):
            continue
        if ident is not None:
            seen.rows[key] = (k, j, True)
        other = seen.tables[k]
        where = t("loc.elsewhere", file=other.file, sheet=other.sheet_at(j), row=other.rows[j])
        out.add(R.DUP002, i, "name", other=where)
    return out.findings


def _namesakes_records(one: object, other: object) -> str:
    """What DUP004 says of the records naming two namesakes paired with ``one`` and
    ``other`` (their support teachers): a record is the one paired with its teacher, when
    exactly one is (lbc.roster.support.paired_with), else nobody's."""
    teachers = [untagged(x) for x in (one, other) if isinstance(x, str) and x]  # as signed
    if len(teachers) == 2 and teachers[0] != teachers[1]:
        return t("dup004.both", first=teachers[0], second=teachers[1])
    if len(teachers) == 1:
        return t("dup004.one", teacher=teachers[0])
    return t("dup004.nobody")


def _row_of(table: Table, j: int, i: int) -> str:
    """Where row ``j`` is, as row ``i``'s finding names it: its row number, with its sheet
    when the table runs over numbered sheets and the two rows are on different ones."""
    row, sheet = table.rows[j], table.sheet_at(j)
    if sheet == table.sheet_at(i):
        return t("loc.row", row=row)
    return t("loc.elsewhere", file=table.file, sheet=sheet, row=row)


# Each ID number on the books of several schools: those schools, in the order read, and
# its DUP003 findings, each worded again with all of them once every school is read.
Across = dict[str, tuple[dict[str, None], list[Finding]]]


def _duplicate_ids(
    table: Table,
    seen: dict[str, tuple[Table, int, bool]],
    at_school: dict[tuple[str, str], tuple[Table, int]],
    schools: dict[str, str],
    across: Across,
) -> tuple[list[Finding], int]:
    """The same ID number on two rows, within a sheet or across files (``seen``: the
    earlier tables' ID numbers, each with the row it is compared with and whether that
    row has left the school); DUP003 when the two rows are of different schools (a 学校
    column, or ``schools`` by file: the names every count goes by, Roster.copy_schools,
    so that 县/青山小学/花名册.xlsx and 县/白鹤小学/花名册.xlsx, which declare none, are the
    two schools validate's lines name, as in their merged roster). A child who moved
    school is on both rosters, 转出 or 毕业 on the one she left: that is the roster kept
    right, and no DUP003, but still one child: with the findings, how many rows repeat a
    child so unsaid (Roster.moved). The row compared with is the first still on the
    books, else the first, as distinct_children keeps it; but a row repeating one of its
    own school's (``at_school``: each ID number's first row at each school) is DUP001 of
    that row, the school listing her twice, whoever else lists her. ``across``: the
    schools each DUP003's child is on the books of so far, and its DUP003 findings, whose
    message RosterChecks.findings words again with the schools read after them: a child on
    three schools' rosters is on all three in each one's DUP003, not the first and its own."""

    def school(table: Table, i: int) -> str:
        return table.get("school", i) or schools.get(table.file, "")

    ids = id_numbers(table)
    if not ids:
        return [], 0
    states = table.values.get("enrollment_status") or [None] * len(table)
    out = _Out(table, Kind.CHILDREN)
    moved = 0
    for i, (value, state) in enumerate(zip(ids, states, strict=True)):
        if not isinstance(value, str) or not value:
            continue
        left = state in nz.LEFT_SCHOOL
        here = school(table, i)
        mine = at_school.setdefault((value, here), (table, i))
        first = seen.setdefault(value, (table, i, left))
        if first[0] is table and first[1] == i:
            continue
        other_table, j, gone = first
        if gone and not left:
            seen[value] = (table, i, left)
        there = school(other_table, j)
        if here != there and not (mine[0] is table and mine[1] == i):
            (other_table, j), there = mine, here  # listed twice by her own school
        repeats = (other_table.file, other_table.sheet_at(j), other_table.rows[j])
        if here and there and here != there:
            if not (left or gone):
                listing, found = across.setdefault(value, ({there: None}, []))
                listing[here] = None
                out.add(R.DUP003, i, "id_number", **across_schools(listing))
                out.findings[-1].repeats = repeats
                found.append(out.findings[-1])
            else:
                moved += 1
            continue
        other = (
            _row_of(other_table, j, i)
            if other_table is table
            else t(
                "loc.elsewhere",
                file=other_table.file,
                sheet=other_table.sheet_at(j),
                row=other_table.rows[j],
            )
        )
        out.add(R.DUP001, i, "id_number", other=other)
        out.findings[-1].repeats = repeats
    return out.findings, moved


def across_schools(schools: Iterable[str]) -> dict[str, str]:
    """DUP003's parameters for the schools listing one ID number, in first-seen order:
    ``validate`` over a folder of schools and ``merge`` of a county word it alike."""
    return {"schools": as_list(dict.fromkeys(schools))}


def _stands_for(
    repeats: Mapping[tuple[int, int], tuple[Table, int]], table: Table, i: int
) -> tuple[int, int]:
    """The row (by ``id`` of its table) that stands for the teacher of ``table`` row ``i``:
    the row itself, or the one repeated_teachers says it lists again."""
    first, j = repeats.get((id(table), i), (table, i))
    return id(first), j


def check_teachers(
    table: Table,
    seen: dict[object, tuple[Table, int]] | None = None,
    school: str = "",
    repeats: Mapping[tuple[int, int], tuple[Table, int]] | None = None,
) -> list[Finding]:
    """Teachers: a name, a phone, readable values; a name used twice (in this sheet or in
    ``seen``, the teachers already checked) needs a note telling the two apart, unless the
    row lists the same teacher again (``repeats``: people.repeated_teachers)."""
    out = _Out(table, Kind.TEACHERS)
    _formula_errors(out)
    required = [f.key for f in FIELDS[Kind.TEACHERS] if f.required]
    # A list whose every teacher another list gives with a phone (a head teachers' list of
    # 姓名, 班级 and 职务 beside the teachers list) needs no phone column of its own.
    repeats = repeats or {}
    if len(table) and all((id(table), i) in repeats for i in range(len(table))):
        required.remove("phone")
    _missing_columns(out, required)
    v = table.values
    empty = [None] * len(table)
    names, phones, notes = v.get("name", empty), v.get("phone", empty), v.get("notes", empty)
    first: dict[object, tuple[Table, int]] = seen if seen is not None else {}
    # Names are unique within a school: a county's merged list keys them by its 学校 too.
    schools = v.get("school", empty)
    for i in range(len(table)):
        name = names[i]
        key = (schools[i] or school, name) if schools[i] or school else name
        if name is None:
            out.add(R.REQ001, i, "name", label=out.label("name"))
        elif key in first:
            # The namesake as the row standing for her: the teachers list's, with her phone,
            # not the head teachers' list's row that lists her again (repeated_teachers).
            other, j = repeats.get((id(first[key][0]), first[key][1]), first[key])
            note_here, note_there = notes[i], other.get("notes", j)
            # One teacher on two lists (repeated_teachers), as pairing takes them.
            same = _stands_for(repeats, table, i) == _stands_for(repeats, other, j)
            if not same and not (note_here and note_there and note_here != note_there):
                where = (
                    _row_of(table, j, i)
                    if other is table
                    else t(
                        "loc.elsewhere", file=other.file, sheet=other.sheet_at(j), row=other.rows[j]
                    )
                )
                out.add(R.TCH002, i, "name", other=where)
        else:
            first[key] = (table, i)
        if table.has("phone"):
            if phones[i] is None:
                out.add(R.TCH001, i, "phone")
            elif isinstance(phones[i], nz.Bad) and not _several_own(phones[i], "phone"):
                _add_bad_phone(out, phones[i], i, "phone")
        for key, values in _TEACHER_LISTS.items():
            if key in v and isinstance(v[key][i], nz.Bad):
                out.add(R.VAL001, i, key, label=out.label(key), allowed=as_list(values), why="")
        if isinstance(v.get("classes", empty)[i], nz.Bad):
            out.add(R.CLS001, i, "classes", why="")
        cap = v.get("capacity", empty)[i]
        if isinstance(cap, nz.Bad):
            allowed = f"0–{MOST_PLACES}"
            label = out.label("capacity")
            out.add(R.VAL001, i, "capacity", label=label, allowed=allowed, why="")
        elif isinstance(cap, int) and cap > MOST_PLACES:
            out.add(
                R.VAL003,
                i,
                "capacity",
                label=out.label("capacity"),
                value=cap,
                low=0,
                high=MOST_PLACES,
            )
    _each_scientific_phone(out, "phone")
    return out.findings


# Kinds of record about the whole class or school, which need not name a child.
GROUP_KINDS = frozenset({"活动"})


def _namesakes_ask(cls: object, born: object) -> str:
    """What a record naming several children (REC003) must add to name one: its class
    when it gives none; a class it gives holds them all (``named_children``), so then the
    child's birth date; and where it gives that too, the roster's birth dates are what
    fail to tell them apart (missing, the same, or none the record's)."""
    if cls.__class__ is not nz.ClassRef:
        return t("rec003.ask_class")
    if born.__class__ not in (dt.date, YearMonth):
        return t("rec003.ask_birth", cls=cls)
    return t("rec003.ask_roster", cls=cls)


def check_records(
    table: Table,
    today: dt.date,
    teacher_names: set[str] | None,
    children: ChildIndex[object] | None,
    school: str = "",
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[Finding]:
    """Records: dates (in one of the school's ``terms``), a known teacher (when
    a teacher list was read), a known child (of the record's school: its 学校 cell, else
    ``school``, its file's in a folder of schools; when children were read); on lbc's
    record sheets also a date inside the sheet's term, and a child of the teacher's own
    (another teacher's is accepted, and said)."""
    out = _Out(table, Kind.RECORDS)
    _formula_errors(out)
    laid_out = record_sheets.is_record_sheet(table)
    span = record_sheets.sheet_term(table) if laid_out else None
    # A 帮扶教师 column deleted from lbc's own sheet: its title names the teacher
    # (record_sheets.teacher_from_title), and nothing is missing.
    required = [
        f.key
        for f in FIELDS[Kind.RECORDS]
        if f.required and not (f.key == "teacher" and "teacher" in table.raw)
    ]
    _missing_columns(out, required)
    kinds_seen = set(table.values.get("kind") or [None])
    if not table.has("student") and kinds_seen - GROUP_KINDS:
        _missing_columns(out, ["student"])  # child-level records must name the child
    _each_empty(out, "date")
    own_sheet = record_sheets.sheet_term(table) is None
    _each_bad_date(out, "date", dated_by_a_term(table, terms), own_sheet)
    _each_empty(out, "teacher")
    _each_bad(out, "kind", R.REC004, allowed=as_list(nz.RECORD_KINDS))
    # A dated record of a child left without its kind on a sheet of kinds: a contact, but
    # no talk or visit, which due and the summary would count as owed with no word why. A
    # row naming no child is no child's contact at all.
    if "kind" in table.columns and "student" in table.columns:
        kinds, dates, students = (table.values.get(k) or () for k in ("kind", "date", "student"))
        for i, (kind, date, student) in enumerate(zip(kinds, dates, students, strict=False)):
            if kind is None and date is not None and student is not None:
                out.add(R.REC010, i, "kind")
    # A row written twice on one sheet: two records, as two talks of a day are, but most
    # likely a slip the teacher deletes.
    for i, j in rows_written_twice(table):
        out.add(R.REC011, i, "date", row=_row_of(table, j, i))
    for i, kind in enumerate(table.values.get("kind") or ()):
        if kind.__class__ is nz.NotHeld:
            if kind.reason == nz.SAID_IN_CONTENT:
                out.add(R.REC009, i, "content", kind=kind.raw)
            else:
                out.add(R.REC008, i, "kind")
    empty = [None] * len(table)
    dates = table.values.get("date") or empty
    teachers = table.values.get("teacher") or empty
    kinds = table.values.get("kind") or empty
    students = table.values.get("student") or empty
    classes = table.values.get("class") or empty
    schools = table.values.get("school") or empty
    births = table.values.get("birth_date") or empty
    student_label = out.label("student")
    has_student = table.has("student")
    seen: dict[tuple[str, Any, Any, Any], list[tuple[object, Any]]] = {}
    termed: dict[dt.date, bool] = {}  # whether each day is in a term
    for i, (date, teacher, kind, student) in enumerate(
        zip(dates, teachers, kinds, students, strict=True)
    ):
        # Each day of a cell listing several (one record each); a month is a record of it.
        for day in record_days(date):
            if day > today:
                out.add(R.DATE002, i, "date", label=out.label("date"), date=day)
            elif span is not None and not within(day, *span):
                out.add(R.REC005, i, "date", date=day, start=span[0], end=span[1])
            else:
                # Asked once a day (a county's 300,000 records are of a few hundred), and
                # of a month each time (a month is not its 1st, though ==).
                inside = termed.get(day) if day.__class__ is dt.date else None
                if inside is None:
                    inside = in_a_term(day, terms)
                    if day.__class__ is dt.date:
                        termed[day] = inside
                if not inside and not (kind == WARMTH and in_a_school_year(day, terms)):
                    out.add(R.REC007, i, "date", date=day)
        if (
            teacher is not None
            and teacher_names is not None
            and teacher not in teacher_names
            and teacher_named(teacher, teacher_names) is None  # 王芳（三年级(2)班）: hers
        ):
            out.add(R.REC001, i, "teacher", name=shown_name(teacher))
        if student is None:
            if kind not in GROUP_KINDS and has_student:
                out.add(R.REQ001, i, "student", label=student_label)
            continue
        if children is None:
            continue
        key = (student, classes[i], schools[i] or school, births[i])  # one child, many records
        found = seen.get(key)
        if found is None:
            found = seen[key] = children.find(*key)
        if len(found) > 1:  # namesakes: the one paired with the record's teacher, if one is
            found = paired_with(found, teacher)
        if not found:
            why = _why_unknown(children, key, out.table.raw["student"][i])
            out.add(R.REC002, i, "student", name=student, why=why)
        elif len(found) > 1:
            ask = _namesakes_ask(classes[i], births[i])
            out.add(R.REC003, i, "student", name=student, count=len(found), ask=ask)
        elif laid_out and teacher is not None:
            [(_, owner)] = found
            if isinstance(owner, str) and not signed_by(owner, teacher):
                by = shown_name(teacher) if isinstance(teacher, str) else teacher
                out.add(R.REC006, i, "student", name=student, owner=shown_name(owner), teacher=by)
    return out.findings
