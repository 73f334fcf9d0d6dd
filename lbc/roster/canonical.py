"""The canonical tables: a roster's sheets as columns of fields, read on demand.

A :class:`Table` is column-oriented (one list per canonical key) because checks run down
columns and a county roster has 100,000 rows: a list per column keeps normalising to one
tight loop per column, memoised where values repeat (classes, genders, 留守类型 …), and a
column nobody asks for is never normalised (:class:`Columns`). Every value stays traceable
to its Excel row number and column letter (:class:`Column`). A :class:`Roster` is every
table a run read, with what each file declares of its school. How a sheet's cells become a
Table (its header found, its columns named) is lbc.roster.tables.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import pickle
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from lbc.messages import as_list, rows_listed, t
from lbc.roster import dates, phones
from lbc.roster import normalise as nz
from lbc.roster.fields import (
    CATEGORY_COLUMNS,
    FIELDS,
    PAIRED_SINCE_KEY,
    PAIRED_TEACHER_KEY,
    ROLE_ATTRIBUTES,
    ROLES,
    Kind,
    guardian_role,
    person_key,
)
from lbc.roster.reading import (
    FORMULA_ERRORS,
)
from lbc.roster.school_names import (
    FILE_SCHOOL,
    by_their_names,
    children_folders,
    file_names,
    generic_pooled,
    named_schools,
    names_grades,
    parts_kept_apart,
    pooled_in_areas,
    schools_beside,
)

if TYPE_CHECKING:
    from lbc.roster.pairs import PairsJoined


Normaliser = Callable[[Any], Any]


# A person's attribute (父亲身份证号, 监护人年龄 …) -> (normaliser, memoise?), whoever the person.
_PERSON_NORMALISERS: dict[str, tuple[Normaliser, bool]] = {
    "name": (nz.person_name, False),
    "phone": (phones.phone, False),
    "work_place": (nz.text, True),
    "id_number": (nz.id_number, False),
    "birth_date": (dates.date, True),
    "age": (nz.integer, True),
    "health": (nz.text, True),
    "address": (nz.text, False),
    "relation": (nz.relation, True),
    "occupation": (nz.text, True),
}


def _verbatim(value: Any) -> str | None:
    """Text lbc wrote to read back exactly (a file and sheet name in 名册位置): no folding,
    since （一） folded to (一) would name another sheet."""
    return value if isinstance(value, str) and value else None


def _error_kept(read: Normaliser) -> Normaliser:
    """A teacher's cell (帮扶教师, 结对时名册帮扶教师, a record's 帮扶教师, which REC006
    compares with the child's, a teachers list's 姓名, which they name) read by ``read``,
    but text that reading would make a formula's error (" #N/A" typed with a space, a
    full-width "＃N/A") kept whole: it is text, a name like any unknown teacher's (TCH003
    says it), not a cell showing an error, which names nobody (VAL007 tests the cell as it
    is: shows_an_error_whole). Every count of the teachers asks the cell as read, so the
    two stay apart there as in validate; a teacher so typed is paired, and written in the
    pairs workbook, by her name as typed."""

    def teacher(value: Any) -> Any:
        read_as = read(value)
        typed = value.__class__ is str and value not in FORMULA_ERRORS
        return (
            value if typed and read_as.__class__ is str and read_as in FORMULA_ERRORS else read_as
        )

    return teacher


# key -> (normaliser, memoise?) per sheet kind; memoise where values repeat.
NORMALISERS: dict[Kind, dict[str, tuple[Normaliser, bool]]] = {
    Kind.CHILDREN: {
        "name": (nz.name, False),
        "gender": (nz.gender, True),
        "id_number": (nz.id_number, False),
        "student_no": (nz.text, False),
        "birth_date": (dates.date, True),
        "ethnicity": (nz.text, True),
        "grade": (nz.grade, True),
        "class": (nz.class_ref, True),
        "health": (nz.health, True),
        "home_address": (nz.text, False),
        "left_behind_type": (nz.left_behind_type, True),
        "categories": (nz.categories, True),
        **{key: (nz.yes_no, True) for key in CATEGORY_COLUMNS},
        "key_target": (nz.key_target, True),
        "enrollment_status": (nz.enrollment_status, True),
        **{
            person_key(role, attribute): _PERSON_NORMALISERS[attribute]
            for role, attributes in ROLE_ATTRIBUTES.items()
            for attribute in attributes
        },
        "parent_work_phone": (phones.phone, False),
        "guardianship_rating": (nz.guardianship_rating, True),
        "care_situation": (nz.care_situation, True),
        "guardian_entrusted": (nz.yes_no, True),
        "boarding": (nz.boarding, True),
        "relief": (nz.text, True),
        "disability": (nz.text, True),
        "illness": (nz.text, True),
        "support_teacher": (_error_kept(nz.support_teacher), True),
        "pair_reason": (nz.text, True),
        "pair_place": (_verbatim, False),
        "pair_listed": (_error_kept(nz.person_name), True),  # as support_teacher: 无 is 无
        "pair_date": (dates.date, True),
        "arrival_date": (dates.date, True),
        "enrollment_date": (dates.date, True),
        "id_kind": (nz.id_kind, True),
        PAIRED_SINCE_KEY: (dates.date, True),
        PAIRED_TEACHER_KEY: (_error_kept(nz.support_teacher), True),  # as the 帮扶教师 beside
        "notes": (nz.text, False),
        "school": (nz.school, True),
    },
    Kind.TEACHERS: {
        "name": (_error_kept(nz.name), False),  # as the 帮扶教师 that names her
        "gender": (nz.gender, True),
        "phone": (phones.phone, False),
        "role": (nz.text, True),
        "classes": (nz.classes, True),
        "subjects": (nz.text, True),
        "party_member": (nz.party_member, True),
        "capacity": (nz.integer, True),
        "active": (nz.active, True),
        "notes": (nz.text, False),
        "school": (nz.school, True),
        "children": (nz.text, False),
    },
    Kind.RECORDS: {
        "date": (dates.record_date, True),
        "teacher": (_error_kept(nz.teacher_name), True),  # as the 帮扶教师 it is compared with
        "student": (nz.name, True),
        "class": (nz.class_ref, True),
        "kind": (nz.record_kind, True),
        "content": (nz.text, False),
        "school": (nz.school, True),
        "birth_date": (dates.date, True),
    },
}


@dataclass(frozen=True)
class Column:
    key: str
    index: int  # position in the raw row
    letter: str  # Excel column letter
    label: str  # the header as the file spells it
    group: str = ""  # a two-row header's group cell above it (父亲 over 姓名), if any
    lower: bool = False  # whether its own text is in a two-row header's lower row
    # A group of columns to tick, one per choice (实际监护情况 over 父母双方同时外出, …):
    # each column's (position, letter, the choice as the file spells it); the first is
    # ``index``. Empty for a column that holds its values.
    ticks: tuple[tuple[int, str, str], ...] = ()
    # The position and letter of a column read where this one's cell is empty (the 学籍
    # export's 是否留守儿童 beside a 留守类型 the school filled on its 是 rows: 否 where
    # 留守类型 was left empty; a second guardian's group where the first's is empty:
    # _fall_back; on a roster of two guardians, the first's own second column of the field,
    # 监护人手机 after 监护人电话, read on her rows); None for nearly every column.
    fallback: tuple[int, str] | None = None
    # A roster of two guardians' column sets (监护人… then 委托监护人…, _HeaderReader.
    # _two_guardians): the position and letter of the second guardian's column of the
    # field, read on the rows read as hers (_fall_back); None for every other column.
    second: tuple[int, str] | None = None
    # Whether the column is the second guardian's, the first's set having none of the field
    # (委托监护人电话 beside a 监护人姓名 without a 监护人电话): read on her rows only, and
    # listed as hers (IGNORED_SECOND_GUARDIAN), not as the field's column.
    second_only: bool = False
    # Whether the column, naming no guardian's role, stands after both guardians' sets
    # (与儿童关系 at the sheet's end) and is read on every row, of whichever guardian the
    # row is read as (_HeaderReader._two_guardians).
    every_row: bool = False

    @property
    def indices(self) -> tuple[int, ...]:
        """Every position in the raw row the field is read from."""
        return tuple(j for j, _, _ in self.ticks) or (self.index,)


# What the registration form asks of each parent after the name, in its 父亲 and 母亲 groups.
FORM_PARENT_ATTRIBUTES = ("birth_date", "id_number", "work_place", "phone")


# Why a header column holds no field: a 序号 or merge's source columns (no data of their
# own), a column of the official forms that nothing uses, a second column for a field
# already found, a column lbc's own pairs workbook writes for people to read, a header
# lbc does not know, or one it cannot tell whose it is.
IGNORED_NUMBERING, IGNORED_FORM, IGNORED_REPEAT, IGNORED_OWN, IGNORED_UNKNOWN = (
    "numbering",
    "form",
    "repeat",
    "own",
    "unknown",
)


# A 是否留守儿童 column beside a 留守类型 column after it, which says more (whose parents are
# away): the second is read (_HeaderReader._says_more).
IGNORED_SAYS_LESS = "says_less"


# A second guardian's column (委托监护人电话 after 监护人电话): read on the rows where the
# first guardian's cells are all empty (_fall_back).
IGNORED_SECOND_GUARDIAN = "second_guardian"


# On a roster of two guardians, the first's own second column of a field (监护人手机 after
# 监护人电话, before the 委托监护人's): read on her rows where her first one is empty.
IGNORED_GUARDIAN_MORE = "guardian_more"


# A second column of a field that is one datum of the child's however often its column is
# repeated (身份证号 and 班级 typed again at the sheet's end, the first left empty on some
# rows): read on the rows where the first one is empty (ONE_DATUM).
IGNORED_WHERE_EMPTY = "where_empty"


# On a roster of two guardians' column sets, a third guardian's name (临时监护人姓名 after
# 委托监护人姓名) and the columns after it left unread: lbc reads two guardians' sets.
IGNORED_THIRD_GUARDIAN = "third_guardian"


# A hidden column of a field a column after it, shown, holds too (last year's guardian
# hidden beside this year's): the one a person sees is read.
IGNORED_HIDDEN = "hidden"


# A flattened form's 联系电话 after someone else's name than the parents' (祖父姓名), whose it
# is lbc cannot say: read as 家长电话, it gave the grandfather's number for the parents'.
IGNORED_WHOSE = "whose"


# The child's fields a second column of is the same datum again, never another person's
# (IGNORED_WHERE_EMPTY): not a name, a sex or a phone, which a second column may give of
# someone its header does not say; nor an address (the 学籍 export's 现住址 and 家庭地址 are
# two addresses, and the first is the one read).
ONE_DATUM = frozenset({"id_number", "student_no", "birth_date", "class", "grade", "health"})


class Columns(dict[str, list[Any]]):
    """Normalised columns, each normalised the first time it is asked for.

    A county roster has 26 columns of 100,000 cells and no rule reads some of them (民族,
    备注, parents' names …): they cost nothing until a report needs them.
    """

    def __init__(self, raw: dict[str, list[Any]], kind: Kind) -> None:
        super().__init__()
        self._raw = raw
        self._kind = kind
        # The parents' phone cells' numbers labelled as someone else's (phones.Elsewhere), by
        # column, once the parents' and the guardian's phones are read (_phones).
        self._elsewhere: dict[str, phones.Elsewhere] | None = None

    def __missing__(self, key: str) -> list[Any]:
        if key in phones.PHONES_TOGETHER and self._elsewhere is None:
            # Read with the others: a column of theirs may hold this one's number, and that
            # is this person's column where the sheet has none (_phones).
            self._phones()
            if dict.__contains__(self, key):
                return dict.__getitem__(self, key)
        if key not in self._raw:
            raise KeyError(key)
        fn, memo = NORMALISERS[self._kind][key]
        column = self[key] = normalise_column(self._raw[key], fn, memo, key)
        return column

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._raw

    def _phones(self) -> None:
        """Read the father's, the mother's and the guardian's phone columns together, with
        what the parents' cells say is someone else's number (phones.phone_column), which fills
        that person's empty cell (phones.fill_owners), or makes the column of a person the
        sheet has none for; a column already read (given by a table this one was made of)
        is kept as it is."""
        elsewhere: dict[str, phones.Elsewhere] = {}
        read: dict[str, list[Any]] = {}
        for key in phones.PHONES_TOGETHER:
            if key in self._raw:
                elsewhere[key] = {}
                read[key] = phones.phone_column(self._raw[key], key, elsewhere[key])
        # 父：… in 监护人电话 is the guardian's number where the guardian is the father (of
        # 父：…；母：… there, the father's is, and the mother's is still hers).
        theirs = elsewhere.get("guardian_phone", {})
        for i, numbers in [(i, numbers) for i, (labels, numbers) in theirs.items() if labels]:
            mine = [n for n in numbers if self.is_guardian(i, n[0])]
            if mine:  # 父：…；爸爸：… of a guardian who is the father: both the guardian's
                own = tuple(dict.fromkeys(n[1] for n in mine))
                typed = phones.phone(self._raw["guardian_phone"][i])
                raw = typed.raw if isinstance(typed, nz.Bad) else None
                read["guardian_phone"][i] = phones.several_numbers(own, raw)
                if rest := tuple(n for n in numbers if n not in mine):
                    theirs[i] = ((), rest)
                else:
                    del theirs[i]
        self._other_kin(read, elsewhere)
        phones.fill_owners(read, self._raw, elsewhere, self.is_guardian)
        self._family_numbers(read)
        for key, column in read.items():
            if not dict.__contains__(self, key):
                self[key] = column
        self._elsewhere = elsewhere

    def _other_kin(
        self, read: dict[str, list[Any]], elsewhere: dict[str, phones.Elsewhere]
    ) -> None:
        """A number in 监护人电话 labelled as a relative's who is not the guardian
        (爷爷13812340001 where the guardian is the 外祖母: phones.names_other_kin) is no number
        of the guardian's, as a parent's there is not: the guardian was said reachable on
        a number that reaches another household. PHN002 says whose it is."""
        cells, relations = self._raw.get("guardian_phone"), self._raw.get("guardian_relation")
        if cells is None or relations is None:
            return
        column, moved = read["guardian_phone"], elsewhere["guardian_phone"]
        of = NORMALISERS[self._kind]["guardian_relation"][0]
        # Only a cell read as other than it was typed may have a label: found at C speed.
        for i in itertools.compress(range(len(cells)), map(operator.is_not, cells, column)):
            number, cell = column[i], cells[i]
            if number.__class__ is not str or cell.__class__ is not str or cell == number:
                continue
            word = phones.phone_label(cell)
            if word is not None and phones.names_other_kin(word, of(relations[i])):
                column[i] = None
                moved[i] = ((word,), ((word, number, ""),))

    def _family_numbers(self, read: dict[str, list[Any]]) -> None:
        """A parent's phone cell left empty gets the number the family's 联系电话 (家长电话,
        the 学籍 export's) labels as that parent's (父13812345678 母13987654321): the sheet
        has a column of each parent's, which the contact rules read, and both numbers were
        said missing (CON002) beside the cell that gives them. Only numbers labelled so."""
        family = self._raw.get("parent_phone")
        if family is None or not ("father_phone" in read or "mother_phone" in read):
            return
        for i, cell in enumerate(family):
            if cell.__class__ is not str:
                continue
            for whose, number in phones.labelled_numbers(cell) or phones.labelled_one(cell):
                if whose not in phones.PARENTS:  # an uncle's number is no guardian's as such
                    continue
                key = f"{whose}_phone"
                typed = self._raw.get(key)
                if key in read and read[key][i] is None and (typed is None or not typed[i]):
                    read[key][i] = number

    def is_guardian(self, i: int, word: str) -> bool:
        """Whether the child of row ``i``'s guardian is the one a phone label names (爷爷:
        a guardian whose 与儿童关系 is 祖父 or 祖父母; 父: 父亲, or the father's name), by
        phones.names_guardian; its cells read alone, as only the few rows of a number labelled
        as another's are asked, or as their column was read where it is: the 留守类型 is
        the one lbc.roster.completion.complete read (_read_left_behind: a 单亲留守 is the
        parent whose 务工地点 places them away), which the cell alone does not say. A name
        showing a formula's error (#N/A) names nobody (cells_held): a guardian's and a
        father's both showing it are not one person's."""

        def cell(key: str) -> Any:
            read = dict.get(self, key)
            if read is not None:
                return read[i]
            raw = self._raw.get(key)
            return None if raw is None else NORMALISERS[self._kind][key][0](raw[i])

        def name(key: str) -> Any:
            raw = self._raw.get(key)
            return None if raw is not None and shows_an_error_whole(raw[i]) else cell(key)

        whose = phones.whose(word)
        parent = name(f"{whose}_name") if whose in phones.PARENTS else None
        guardian = name("guardian_name") if parent is not None else None
        away = cell("left_behind_type") if whose in phones.PARENTS else None
        return phones.names_guardian(word, cell("guardian_relation"), guardian, parent, away)

    def elsewhere(self, key: str) -> phones.Elsewhere:
        """The cells of a parent's or the guardian's phone column (phones.PHONES_TOGETHER) with
        a number labelled as someone else's, by row (phones.Elsewhere); {} for any other."""
        if key not in phones.PHONES_TOGETHER or key not in self._raw:
            return {}
        if self._elsewhere is None:
            self._phones()
        return self._elsewhere.get(key, {})  # type: ignore[union-attr]

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        # Asked once a cell by the checks and the watch list, often for a column the sheet
        # lacks: a normalised column is one C lookup, a missing one raises nothing.
        column = dict.get(self, key)
        if column is not None:
            return column
        if key in self._raw:
            return self[key]
        if key in phones.PHONES_TOGETHER and self._elsewhere is None:
            self._phones()  # another's column may give this one's
            return dict.get(self, key, default)
        return default


# What a children table keeps once checked in a run that is done with its cells (a folder
# or a province's Parquet file, one school at a time), and while parked: its rows' schools,
# by which the summary counts children and teachers are told apart per school.
KEPT = ("school",)


class _Parked(dict[str, list[Any]]):
    """The cells of a parked table (Table.park): any look at them is a mistake in lbc."""

    def _refuse(self, *args: Any) -> Any:
        raise RuntimeError("a parked table's cells were read before Table.unpark")

    __getitem__ = __contains__ = __iter__ = __len__ = get = keys = values = items = _refuse

    def __reduce__(self) -> tuple[type, tuple[()]]:  # a parked table crosses a pipe
        return _Parked, ()


# Columns whose every value lbc composes from several cells: written as read, not as typed.
GATHERED = frozenset({"left_behind_type", "categories"})


def _month_or_days(cell: Any, read: Any, kind: Callable[[Any], Any]) -> Any:
    """A record's month or days as lbc reads them where the cell alone does not say them
    (its year from the sheet's term: ``record_sheets.dates_in_term``); else the cell as
    written."""
    shown = read.__class__ is dates.YearMonth or read.__class__ is dates.Dates
    return str(read) if shown and kind(cell) != read else _as_written(cell)


def _as_written(value: Any) -> Any:
    """A cell as the school typed it, trimmed; a date-time at midnight is its day. Text a
    trim would make a formula's error (" #N/A") is kept whole: written out trimmed, it
    would be read back as one (VAL007), which the school's cell is not."""
    if value.__class__ is str:
        text = value.strip()
        if len(text) < len(value) and text in FORMULA_ERRORS:
            return value
        return text or None
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _digits(value: Any) -> Any:
    """A phone or ID number cell as text: a number cell that still holds every digit
    (below 2**53) as its digits; one a float has rounded stays a number."""
    if isinstance(value, bool):
        return str(value)
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if whole and abs(value) < 2**53:
        return str(int(value))
    return _as_written(value)


class SheetMarks(NamedTuple):
    """What one sheet of a table hides (Table.hidden, Table.hidden_rows, Table.filtered),
    with its rows: what the notes and lbc merge say of each sheet."""

    sheet: str
    rows: int
    hidden: bool
    hidden_rows: list[int]
    filtered: bool


# What a lookup shows that finds nothing (its key empty): the one error a row of a
# VLOOKUP dragged down past the last child shows in the columns lbc reads (_dragged_lookup).
DRAGGED_ERROR = "#N/A"


class ErrorRows(NamedTuple):
    """A run of consecutive rows under a children sheet's header whose cells lbc reads
    show nothing but #N/A (_dragged_lookup): a VLOOKUP dragged down past the last child.
    No child's: dropped where blank rows are, so that no command counts them, and said
    (VAL008 in lbc validate, a note in every other command)."""

    sheet: str
    first: int  # Excel rows
    last: int
    # The labels of the columns the rows fill otherwise (their 序号, 学校, 年级, 班级).
    besides: tuple[str, ...]

    def words(self) -> dict[str, str]:
        """What VAL008 and the note on the rows fill in: the rows (第 4–7 行（共 4 行）, or
        第 4 行 alone), and 除序号、学校外 where the rows fill such columns."""
        count = self.last - self.first + 1
        rows = (
            rows_listed([self.first])
            if count == 1
            else t("rows.span", first=self.first, last=self.last, count=count)
        )
        labels = self.besides
        besides = t("rows.besides", labels=as_list(labels)) if labels else ""
        return {"rows": rows, "besides": besides}


@dataclass(eq=False)  # tables are compared by identity: two files may hold equal ones
class Table:
    """One recognised sheet: canonical columns of normalised values, aligned with ``rows``."""

    kind: Kind
    file: str
    sheet: str
    header_rows: tuple[int, ...]
    columns: dict[str, Column]
    unknown: list[tuple[str, str]]
    rows: list[int]
    raw: dict[str, list[Any]] = field(default_factory=dict)
    title: str = ""  # the text above the header (青山镇中心小学留守儿童花名册 …), if any
    # Every header column that holds no field: (letter, header, why, from the lower of two
    # header rows?), why one of IGNORED_*.
    ignored: list[tuple[str, str, str, bool]] = field(default_factory=list)
    # How a coded column was read (是否留守儿童 as 0/1/2 …): key -> coding name.
    codings: dict[str, str] = field(default_factory=dict)
    # Each row's sheet when the table runs over several (a merged roster split into numbered
    # sheets at Excel's row limit, read back as one table); None: every row is on ``sheet``.
    row_sheets: list[str] | None = None
    # Each row's school file and sheet on a county's merged roster (lbc merge's 来源文件, or
    # its 学校 where the county took that out, and 来源工作表), by which load_roster gives
    # each school's rows their own columns (by_source); None on any other sheet.
    sources: list[tuple[str, str]] | None = None
    # And each row's 来源行 there, the row of the school's sheet it came from, as a number
    # (0 where the cell holds none: a row the county put in); None with ``sources``. By
    # it the merged workbook's runs of rows are found whatever rows the county deleted or
    # put in above them (unheld_rows). An array: a county's million rows are a few MB.
    source_rows: array[float] | None = None
    # A records sheet without a 类型 column: what named every row's kind (KIND_FROM_SHEET,
    # KIND_FROM_TITLE, KIND_FROM_HEADER) and the kind; None when nothing did (kind_named).
    kind_from: tuple[str, str] | None = None
    # A records sheet that its workbook says is lbc's record sheet, the sheet itself no
    # longer saying so (record_sheets.beside_children_list): read as one (is_record_sheet).
    laid_out: bool = False
    # A children sheet without a 班级 column whose name, title or file's name names one
    # class, or whose every row is under a class's heading row: what named it
    # (CLASS_FROM_SHEET, CLASS_FROM_SHEET_UNREAD, CLASS_FROM_TITLE, CLASS_FROM_FILE,
    # CLASS_FROM_HEADINGS) and the class, every row's ("" for the headings', each row's
    # own); None else.
    class_from: tuple[str, str] | None = None
    # Whether some cell shows a formula's error (#N/A …, see RawSheet.formula_errors): only
    # such a table's cells are looked through for them (VAL007), since looking through a
    # county's 3 million cells costs a quarter of a second.
    formula_errors: bool = False
    # Whether the workbook hides the sheet (RawSheet.hidden): its rows are read, and a
    # note says so, since the school does not see them when it opens the file.
    hidden: bool = False
    # Which of ``rows`` the sheet hides (RawSheet.hidden_rows), in order, and whether a
    # filter is in force on it: read all the same, and a note says so, since the school
    # counts fewer rows when it opens the file.
    hidden_rows: list[int] = field(default_factory=list)
    filtered: bool = False
    # Which of ``rows`` of a teachers list have the phone of the row above them because
    # one merged 姓名 cell names them both (_share_phone): one teacher, said so by pair.
    phone_of_merged_name: list[int] = field(default_factory=list)
    # The cells read from another column where their own was empty (Column.fallback), by
    # key: row -> the letter of the column read (cell_letter).
    moved: dict[str, dict[int, str]] = field(default_factory=dict)
    # The header of each column ``moved`` names, by its letter, where the table's
    # ``ignored`` does not hold it: a table read back from a Parquet file (its layout's
    # moved_columns), whose school's sheet had that column (moved_label).
    moved_labels: dict[str, str] = field(default_factory=dict)
    # On a sheet of two guardians' column sets (Column.second), the rows (as ``moved`` keys
    # them) whose guardian's set has no column of a field, by key: the first guardian's of
    # a field only the second's set has (委托监护人电话), the second's of one only the
    # first's has (监护人年龄, 与儿童关系). Asked of such a row, the field is a column
    # missing (COL001, lacking_label), not a cell to fill: the sheet's cell of it is the
    # other guardian's, and is not read on the row.
    unheld: dict[str, set[int]] = field(default_factory=dict)
    # The header of each column ``unheld`` says missing, by key, where the columns do not
    # tell it: a table read back from a Parquet file (its layout's unheld_columns) or from
    # a merged workbook (its COLUMNS_SHEET, UNHELD_HEADER).
    unheld_labels: dict[str, str] = field(default_factory=dict)
    # A merged roster's piece whose school's own sheet said ``unheld`` (its COLUMNS_SHEET,
    # UNHELD_HEADER): that sheet's file and sheet, where the column is said missing
    # (COL001), as over the school's folder; None where ``unheld`` is the table's own.
    unheld_at: tuple[str, str] | None = None
    # A table over numbered sheets (``row_sheets``): each sheet's own marks, in order, as
    # ``hidden``, ``hidden_rows`` and ``filtered`` say only the first's (``sheet``); a
    # row hidden on the second is its, though the first may hide one of the same number.
    # None: the table's own fields say them all (marks()).
    sheet_marks: list[SheetMarks] | None = None
    # A children sheet with no 年级 column whose 班级 writes a class's number alone (1班):
    # its name, its file's and its folder's where they name two grades or more, so none is
    # its rows' (named_grade), as a note says; () else.
    grade_names_unlike: tuple[str, ...] = ()
    # A children sheet with no 班级 column whose name, title or file's name names a class
    # of another grade than its sheet's, file's or folder's name (三年级1班 in 四年级.xlsx,
    # 三年级1班.xlsx in a folder 四年级), so its rows take none: what named it (as
    # class_from), the class and the names of the other grade.
    class_unlike: tuple[str, str, tuple[str, ...]] | None = None
    # A children sheet with no 班级 column whose name, title and file's name name two
    # classes or more (三年级1班 titled 三年级2班), so its rows take none: what named each
    # (as class_from) and the class it named; () else.
    class_names_unlike: tuple[tuple[str, str], ...] = ()
    # A children sheet with a 班级 column: how many rows' empty 班级 took the class of the
    # heading row over them (completion.classes_under_headings), as a note says.
    classes_headed: int = 0
    # A children sheet whose class headings name another grade than its name, its file's
    # or its folder's (八年级 in 七年级.xlsx), so the rows under them take no class from
    # them (completion.classes_under_headings): those headings and the names of the other grade.
    headings_unlike: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    # A children sheet with a 班级 column and no 年级 column: how many rows' class number
    # alone (1班) took the grade of the grade's heading row over them (三年级), which no
    # name of the sheet, its file or its folder gives (completion.classes_under_headings).
    classes_graded: int = 0
    # The one school whose own settings the rows go by, where the file they came through
    # is several schools' (a merged roster merged again or exported: every row's 来源文件
    # is the merged roster): by_source splits its rows by their 学校 so, and each school's
    # are judged by its own 各校要求 and 各校学期 (``origin``); "" for any other table.
    own_school: str = ""
    # A piece of a merged roster (by_source): the columns of the merged sheet its school's
    # own sheet lacked, as the workbook's COLUMNS_SHEET says; one of them required is said
    # missing (COL001) at that school's file and sheet (``sources``), as its folder says it.
    lacks: frozenset[str] = frozenset()
    # Where ``lacks`` is said, where a file read back says it and its rows' ``sources`` do
    # not (a merged roster's piece exported, every row's source the merged sheet): that
    # school's own file and sheet (lacks_where).
    lacks_at: tuple[str, str] | None = None
    # Whether lbc wrote the rows' 学校 (a merged roster's sheet, an lbc export's table): a
    # record's left empty there is of no school, as lbc merge and lbc export leave it where
    # no one child of the run's is named, not of the file it came through.
    schools_written: bool = False
    # A children sheet's runs of rows whose cells lbc reads show nothing but #N/A
    # (ErrorRows), in order: not among ``rows``.
    error_rows: list[ErrorRows] = field(default_factory=list)
    values: Columns = field(init=False)
    _parked: bytes | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.values = Columns(self.raw, self.kind)

    def __getstate__(self) -> dict[str, Any]:
        """The table's fields, its cells once: ``values`` holds the same ``raw`` (to
        normalise a column when it is first asked for), and a reading child pickles without
        a memo (lbc.roster.supervised), which sent a school's cells twice, half of what
        crossed the pipe; unpickled, they were two copies where there had been one."""
        state = dict(self.__dict__)
        if self.values._raw is self.raw:
            del state["raw"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if "raw" not in state:
            state["raw"] = state["values"]._raw
        self.__dict__.update(state)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, key: str) -> bool:
        """Whether the sheet gives ``key``: a column of it, or its name, its title or its
        class headings giving every row's class (``class_from``)."""
        return key in self.columns or (key == "class" and self.class_from is not None)

    def get(self, key: str, i: int) -> Any:
        # Called once a cell by the checks and the watch list: a column already normalised
        # is one C lookup, a column the sheet lacks another.
        col = dict.get(self.values, key)
        if col is None:
            if key in self.raw:
                col = self.values[key]
            # A phone the sheet has no column for may be in another's column (_phones).
            elif key not in phones.PHONES_TOGETHER or (col := self.values.get(key)) is None:
                return None
        return col[i]

    def cell(self, key: str, i: int) -> Any:
        """One cell as ``get`` reads it, its column left unread where it is not read yet: a
        test that needs a column at a few of its rows (a parent's name, where the guardian
        may be that parent) does not normalise the whole of it."""
        col = dict.get(self.values, key)
        if col is not None:
            return col[i]
        raw = self.raw.get(key)
        return None if raw is None else NORMALISERS[self.kind][key][0](raw[i])

    def cells(self, key: str) -> Callable[[int], Any]:
        """``cell`` for column ``key``, its column looked up once: for a test that reads a
        column at many rows (a county's parents' names, where both parents are away)."""
        col = dict.get(self.values, key)
        if col is not None:
            return col.__getitem__
        raw = self.raw.get(key)
        if raw is None:
            return lambda i: None
        fn = NORMALISERS[self.kind][key][0]
        return lambda i: fn(raw[i])

    def written(self, key: str) -> list[Any]:
        """The column as the school wrote it, for what lbc writes back out of its cells
        (the merged roster, the change log): normalising is for checking, and a 备注 must
        not come back with its full-width commas made ASCII. Text is trimmed and nothing
        else; a date cell, or text that reads as a whole date, is a date (a record's month
        or days that its sheet gave the year of are as lbc reads them: 10月 on a sheet of
        the 2024 autumn term is 2024-10); a phone or ID number typed as a number cell is
        its digits, unless a float has already lost some (then the number stays, and
        ``validate`` says so again). 留守类型 and 类别 are lbc's reading: they gather what
        other columns said (a code, 实际监护情况, 是/否 columns); so is a class's number alone
        made a class by the grade its sheet, file or folder is named for (1班 in 三年级.xlsx
        is 三年级(1)班), or by a grade's heading row above it, which the merged roster's
        sheet is not named for and does not keep. A phone number cell that is a landline
        whose leading 0 Excel dropped stays a number too (``validate`` says so again)."""
        n = len(self)
        raw = self.raw.get(key)
        gradeless_class = key == "class" and raw is not None and "grade" not in self.raw
        graded = self.classes_graded or named_grade(self) is not None
        if gradeless_class and self.kind is Kind.CHILDREN and graded:
            read = self.values[key]
            return [
                nz.display(r) if nz.class_number(v) is not None else _as_written(v)
                for v, r in zip(raw, read, strict=True)
            ]
        if raw is None and key in phones.PHONES_TOGETHER:
            # A number in another's phone cell, where the sheet has no column of this
            # person's: that cell, as written, holds it.
            return [None] * n
        if raw is None or key in GATHERED:
            values = self.values.get(key)
            if values is None:  # a column the sheet lacks, as most of the merged roster's
                return [None] * n
            shown = [nz.display(v) for v in values]
            return shown if raw is None else kept_as_typed(shown, raw)
        kind = NORMALISERS[self.kind].get(key, (nz.text, False))[0]
        if kind is dates.date or kind is dates.record_date:
            read = self.values[key]
            return [
                r if r.__class__ is dt.date else _month_or_days(v, r, kind)
                for v, r in zip(raw, read, strict=True)
            ]
        if kind is phones.phone:  # a landline whose 0 Excel dropped stays the number it is
            return [v if phones.landline_lost_zero(v) else _digits(v) for v in raw]
        if kind is nz.id_number:
            return [_digits(v) for v in raw]
        return list(map(_as_written, raw))

    def letter(self, key: str) -> str | None:
        """The column's Excel letter; None when the table has no such column, or when it
        was read from a Parquet file that does not say where the column stood."""
        col = self.columns.get(key)
        return (col.letter or None) if col else None

    def cell_letter(self, key: str, i: int) -> str | None:
        """The Excel letter of row ``i``'s cell of ``key``: the column's, or the one it
        was read from where its own was empty (Column.fallback, ``moved``)."""
        if self.moved and (where := self.moved.get(key)) and (letter := where.get(self.rows[i])):
            return letter
        return self.letter(key)

    def holds(self, key: str, i: int) -> bool:
        """Whether row ``i`` has a cell of ``key`` to fill in: the sheet has a column of it
        (``has``) that is the row's guardian's (``unheld``)."""
        if not self.has(key):
            return False
        return not self.unheld or self.rows[i] not in self.unheld.get(key, ())

    def lacking_label(self, key: str) -> str:
        """The header of the column of ``key`` a guardian's set lacks (``unheld``), its
        role as her set's name column says it: 监护人电话 beside 监护人姓名, 委托监护人与儿童
        关系 beside 委托监护人姓名; the field's label where her name's header names none."""
        if key in self.unheld_labels:
            return self.unheld_labels[key]
        col, name = self.columns[key], self.columns["guardian_name"]
        if col.second_only:
            header: str | None = name.label
        else:
            letter = name.second[1] if name.second else ""
            header = next((label for at, label, _, _ in self.ignored if at == letter), None)
        return guardian_header(self.kind, key, header)

    def moved_label(self, key: str, i: int) -> str | None:
        """The header of the column row ``i``'s cell of ``key`` was read from where its
        own was empty (``moved``: 委托监护人电话, not 监护人电话); None where it was not."""
        where = self.moved.get(key) if self.moved else None
        letter = where.get(self.rows[i]) if where else None
        return None if letter is None else self.label_at(letter)

    def label_at(self, letter: str) -> str | None:
        """The header of the column at ``letter`` that holds no field of the table's (a
        second guardian's 委托监护人电话, ``moved``), None if none is known."""
        found = next((label for at, label, _, _ in self.ignored if at == letter), None)
        return self.moved_labels.get(letter) if found is None else found

    def marks(self) -> list[SheetMarks]:
        """Each sheet the table's rows are on, with what it hides, for the notes."""
        if self.sheet_marks is not None:
            return self.sheet_marks
        return [SheetMarks(self.sheet, len(self), self.hidden, self.hidden_rows, self.filtered)]

    def sheet_at(self, i: int) -> str:
        """The sheet row ``i`` is on: ``sheet``, unless the table runs over numbered sheets."""
        return self.sheet if self.row_sheets is None else self.row_sheets[i]

    def rows_on(self, sheet: str) -> list[int]:
        """The rows (as numbered in the sheet) of those on ``sheet``: of a merged workbook's
        table, read back, their 来源行."""
        if self.row_sheets is None:
            return self.rows
        return [row for row, at in zip(self.rows, self.row_sheets, strict=True) if at == sheet]

    @property
    def lacks_where(self) -> tuple[str, str] | None:
        """The school's own file and sheet that lacked ``lacks`` (COL001 is said there):
        ``lacks_at`` where said, else its rows' school sheet (``sources``); None for none."""
        if self.lacks_at is not None:
            return self.lacks_at
        return self.sources[0] if self.sources else None

    @property
    def origin(self) -> str:
        """The school's file the rows are of, whose school's settings they go by
        (Roster.terms): a county's merged roster's piece's 来源文件 (``by_source`` splits
        it so), else the table's own file; with its school (``own_school``) where that
        file is several schools' (a merged roster's), so that each goes by its own."""
        where = self.sources[0][0] if self.sources else self.file
        return f"{where}\t{self.own_school}" if self.own_school else where

    def as_written(self, key: str) -> list[Any] | None:
        """A column as its cells say, normalised, even after ``values`` was changed (the
        pairs in force replace ``support_teacher``; the checks look at the cells)."""
        if key not in self.raw:
            return None
        fn, memo = NORMALISERS[self.kind][key]
        return normalise_column(self.raw[key], fn, memo, key)

    def written_cell(self, key: str, i: int) -> Any:
        """Cell ``i`` of ``as_written(key)``, normalised alone: a child's cell asked once
        (the pairs workbook's), not the whole column normalised again for it. A phone's is
        its column's, whose 同上 is the number above."""
        raw = self.raw.get(key)
        if raw is None:
            return None
        fn = NORMALISERS[self.kind][key][0]
        return self.as_written(key)[i] if fn is phones.phone else fn(raw[i])

    def keep_only(self, keys: tuple[str, ...]) -> None:
        """Drop every column's cells but ``keys`` (as normalised), once the table is checked:
        lbc validate over a province holds one school's cells at a time. Its rows, sheets
        and columns stay, so it is still counted and described; a column dropped reads as
        missing from here on, so only a run that is done with the cells may call this."""
        kept = {key: self.values[key] for key in keys if key in self.values}
        self.raw = {}
        self.values = Columns(self.raw, self.kind)
        self.values.update(kept)

    def park(self) -> None:
        """Hold the cells as one pickled blob until ``unpark``: a folder of 550 schools'
        children read whole are 3.3 GB of Python values, a fifth of that pickled, and lbc
        validate checks them one school at a time (lbc.checks.engine.check_roster). A parked
        table's cells are not there but for ``KEPT`` (which school each row is of, asked
        before any is checked): reading another raises, rather than answer "empty"."""
        kept = {key: self.values[key] for key in KEPT if key in self.values}
        self._parked = pickle.dumps((self.raw, dict(self.values)), pickle.HIGHEST_PROTOCOL)
        self.raw = _Parked()
        self.values = Columns(self.raw, self.kind)
        self.values.update(kept)

    @property
    def parked(self) -> bool:
        return self._parked is not None

    def unpark(self) -> None:
        """Take the cells back out of the blob ``park`` made; nothing when not parked."""
        if self._parked is None:
            return
        kept = {key: dict.get(self.values, key) for key in KEPT}
        self.raw, values = pickle.loads(self._parked)
        self._parked = None
        self.values = Columns(self.raw, self.kind)
        self.values.update(values)
        # As they are now: a school named since it was parked (schools.qualified).
        self.values.update({key: column for key, column in kept.items() if column is not None})

    @property
    def is_pairs(self) -> bool:
        """A pairs list (lbc pair's 结对名单 or 未结对), not a roster: it has the columns only
        lbc's pairs workbook writes (名册位置, 结对依据), which survive any re-save."""
        return self.kind is Kind.CHILDREN and not self.columns.keys().isdisjoint(PAIRS_MARKS)


# The columns that make a children sheet a pairs list (see Table.is_pairs); of
# PAIRS_FIELDS, the two a school is least likely to delete or to have in a roster.
PAIRS_MARKS = frozenset({"pair_place", "pair_reason"})


@dataclass
class Roster:
    """Everything read from the input files: tables by kind, plus what was passed over."""

    files: list[str]
    children: list[Table]
    teachers: list[Table]
    records: list[Table]
    skipped: list[tuple[str, str]]  # (file, sheet) not recognised
    # Those of ``skipped`` that are records but name no teacher (SheetRead.teacherless):
    # a note says what to add, not that the sheet is no list.
    unnamed_records: list[tuple[str, str]] = field(default_factory=list)
    # Pairs lists (lbc pair's workbook, however it reached the command) and last term's
    # rosters given to ``lbc pair --keep``: joined onto the children by lbc/roster/pairs.py.
    pairs: list[Table] = field(default_factory=list)
    previous: list[Table] = field(default_factory=list)
    joined: PairsJoined | None = None  # how they were joined, once they are
    # Each file's school as it declares it ("" if it does not): filled by
    # lbc.workspace.schools.read_roster, which knows the workspace's config.
    declared: dict[str, str] = field(default_factory=dict)
    # A declaration respelled as the file's 学校 cells spell its school (青山小学, where its
    # title says 青山镇中心小学): the name as declared, which still titles its documents.
    respelled: dict[str, str] = field(default_factory=dict)
    # A file of teachers or records alone that says no school, declared as the one its
    # folder's file of children of the same name declares: (that file, the school).
    named_as: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A record sheet titled with a school no file of children declares, in a run of one
    # school, read as that school's: (the title's school, the run's).
    titled_as: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A file whose title names one school and whose 学校 cells all another: (title, cells,
    # whether it holds teachers alone).
    unlike_title: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    # Schools of one title in folders apart (lbc.workspace.schools.Told): the name each
    # goes by, the title, the first school's first file, the second's, and what named the
    # two alike where they stay one school (Namesakes.alike).
    namesakes: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # Files of a folder run that could not be read, with why: (file, the one-line reason).
    failed: list[tuple[str, str]] = field(default_factory=list)
    # The rows of a child who moved school that repeat her ID number unsaid: 转出 or 毕业 on
    # the roster of the school she left, no DUP003 (lbc.checks.engine counts them as it
    # checks the children). lbc validate counts her once by them (children_once), as by a
    # DUP001 or DUP003 row's Finding.repeats.
    moved: int = 0
    # The term dates of each file a school's workspace holds (its lbc.toml's [terms]): a
    # county's folder run dates that school's records by them, and by the run's dates for
    # a term it does not set. Filled by read_roster; a file of no workspace is not here.
    terms: dict[str, dict[str, tuple[dt.date, dt.date]]] = field(default_factory=dict)
    # The [quotas] each file of a school's workspace has its lbc.toml set (Config.own_quotas):
    # a county's folder run counts what that school's children are owed by them, over the
    # run's (lbc.workspace.config.quotas_over). Filled by read_roster with ``terms``.
    quotas: dict[str, dict[str, int]] = field(default_factory=dict)
    # The [watch] each file of a school's workspace has its lbc.toml set (Config.own_watch):
    # a county's folder run draws that school's children's watch list by them, over the
    # run's (lbc.workspace.config.watch_over). Filled by read_roster with ``terms``.
    watch: dict[str, dict[str, object]] = field(default_factory=dict)
    # The folder the run found each file in (``RunFolders``), as read_roster is told it:
    # what the files' schools are named by, and nothing a read before this one found.
    runs: dict[str, Path] = field(default_factory=dict)
    # A merged roster's SCHOOL_TERMS_SHEET, its SCHOOL_QUOTAS_SHEET and SCHOOL_WATCH_SHEET,
    # as written: (file, sheet, its first column, [(Excel row, cells)], the Table.origin of
    # every table of the file it is of); lbc.workspace.schools reads them into ``terms``,
    # ``quotas`` and ``watch`` (each school's rows' Table.origin), ``term_schools``,
    # ``quota_schools`` and ``watch_schools``, and what it cannot use into
    # ``term_problems``.
    # Its first column (0-based), as RawSheet.col0.
    term_sheets: list[tuple[str, str, int, list[tuple[int, list[Any]]], set[str]]] = field(
        default_factory=list
    )
    # The school each ``terms`` key read from such a sheet is of (it is no file of the run).
    term_schools: dict[str, str] = field(default_factory=dict)
    # The same of each ``quotas`` key read from a SCHOOL_QUOTAS_SHEET.
    quota_schools: dict[str, str] = field(default_factory=dict)
    # The same of each ``watch`` key read from a SCHOOL_WATCH_SHEET; and each row of it giving
    # a weight: (file, row, column of its setting, the setting as written, the code it
    # names), which lbc.checks holds against the watch criteria (WST001).
    watch_schools: dict[str, str] = field(default_factory=dict)
    watch_weights: list[tuple[str, int, str, str, str]] = field(default_factory=list)
    # Its rows that could not be used: (file, sheet, row, column, field, value, why).
    term_problems: list[tuple[str, str, int, str, str, str, str]] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [*self.children, *self.teachers, *self.records]

    def terms_of(
        self, file: str, run: dict[str, tuple[dt.date, dt.date]] | None
    ) -> dict[str, tuple[dt.date, dt.date]] | None:
        """The term dates ``file``'s rows are dated by: its school's own (``terms``) over
        the run's (``run``, lbc.toml or --config), term by term, so that a school whose
        lbc.toml sets no [terms] keeps the county's, which its own run would not know of;
        the run's for a file of no school's workspace."""
        own = self.terms.get(file)
        return run if own is None else {**(run or {}), **own}

    def origin_schools(self) -> dict[str, str]:
        """The school of each file rows go by (Table.origin: a merged roster's piece's
        来源文件, else the table's own file), by which a report names a school's own terms,
        quotas and watch settings: the one it declares, else the one school of its rows' 学校
        cells, else its 各校学期, 各校要求 or 各校关注 row's, else its file's (declared, else
        its name: file_names). A merged roster itself, all of whose rows go by their schools'
        files, is none."""
        names = file_names(self.files, self.runs)
        out: dict[str, str] = {}
        for table in self.tables():
            origin = table.origin
            if origin in out:
                continue
            if table.own_school:
                out[origin] = table.own_school
                continue
            # Read by has(): a parked table (lbc validate's) holds its 学校 alone (KEPT).
            cells = set(table.values["school"]) if table.has("school") else set()
            cells -= {None, ""}
            out[origin] = (
                self.declared.get(origin)
                or (cells.pop() if len(cells) == 1 else "")
                or self.term_schools.get(origin)
                or self.quota_schools.get(origin)
                or self.watch_schools.get(origin)
                or self.declared.get(table.file)
                or names.get(table.file, origin)
            )
        return out

    def matching_schools(self) -> dict[str, str]:
        """Each file's school as its records and children are matched by it
        (lbc.roster.support.ChildIndex): the one it declares; in a folder, for a file that
        declares none but holds children, the school every count names it by
        (``named_schools``) where a file declares that school or a row's 学校 cell names it,
        else a school of its own name (FILE_SCHOOL and its first file, never printed), as
        lbc pair places it (``by_their_names``): 县/qs/五年级.xlsx beside 县/qs/三年级.xlsx
        titled 青山小学 is 青山小学, whose records name its children. A file of records alone
        is of the school every command places it under (``support_schools``), whose
        children its records name, as lbc merge checks it with that school's files:
        营山县/城关镇中心小学/帮扶记录.xlsx beside the city's merged rosters names a child of
        城关镇中心小学(营山县), not 南部县's namesake's; "" (no known school) where it may be
        of several, each record then naming a child of any."""
        declared = self.file_schools()
        if not declared:
            return {}
        holding = {table.file for table in self.children}
        named = named_schools(self.files, declared, read=self.naming(), runs=self.runs)
        out = by_their_names(declared, holding, named, self.cell_schools())
        if any(not school for school in out.values()):
            placed = self.support_schools()
            for name, school in out.items():
                if not school and placed.get(name, FILE_SCHOOL + name) != FILE_SCHOOL + name:
                    out[name] = placed[name]
        return out

    def support_schools(self) -> dict[str, str]:
        """Each file's school as who supports whom is told apart by it, for a row whose
        学校 cell is empty (lbc pair and lbc.roster.people.TeachersInPost alike): the one it
        declares. Where no sheet says a school (no declaration, no 学校 column) and the
        children's files all go by one school as every count names them (``named_schools``:
        a school's folder of 花名册.xlsx and 新增留守儿童.xlsx, of 三年级.xlsx and
        五年级.xlsx), "" for every file: the run is one school, whose roster and teachers
        list may be two files. Else a file that declares none is, holding children, of the
        school its name or folder names (``by_their_names``), as lbc validate and lbc
        merge name it: a county's folder of schools' untitled rosters, 青山小学/花名册.xlsx
        and 白鹤小学/花名册.xlsx, or 县/青山小学.xlsx and 县/白鹤小学.xlsx, is two schools,
        never one whose children any school's teacher may support. A file holding teachers
        alone is of the one school the children beside it in its folder are of (a school's
        folder of a roster and an untitled 教师.xlsx), else of the one school of all the
        run's children, of several the one its name names (青山小学教师.xlsx), else a
        school of its own (lbc pair says so)."""
        declared = self.file_schools()
        says = any(declared.values()) or any(x.has("school") for x in self.children + self.teachers)
        named = (
            named_schools(self.files, declared, read=self.naming(), runs=self.runs)
            if declared
            else {}
        )
        if not says and len({named.get(x.file, x.file) for x in self.children}) < 2:
            return declared
        holding = {table.file for table in self.children}
        out = by_their_names(declared, holding, named, self.cell_schools())

        alone = [name for name, school in out.items() if not school]
        if not alone:
            return out

        def schools(table: Table) -> set[str]:
            cells = set(table.values["school"] if table.has("school") else (None,))
            return {c for c in cells if c} | ({out[table.file]} if None in cells else set())

        # The schools of the children in each folder, each table's cells read once.
        by_folder = children_folders(self.children, schools)
        unread = {Path(name).parent for name, _ in self.failed}
        # The school each name is of, to tell which of several a list's name names.
        by_name = {named.get(name, name): out[name] for name in sorted(holding, reverse=True)}
        by_name.update((school, school) for school in declared.values() if school)
        own = {name: by_name.get(named.get(name, ""), named.get(name, "")) for name in alone}
        for name, (school, _) in schools_beside(alone, by_folder, unread, own).items():
            out[name] = school or FILE_SCHOOL + name
        return out

    def parts_kept_apart(self) -> list[tuple[str, list[str], str]]:
        """The files named by a part of a school's roster that every count keeps apart from
        the school or schools beside them (``parts_kept_apart``), for a note saying so."""
        declared = self.file_schools()
        return (
            parts_kept_apart(self.files, declared, read=self.naming(), runs=self.runs)
            if declared
            else []
        )

    def pooled_in_areas(self) -> list[tuple[str, list[str]]]:
        """The files of children pooled under the name of their county's, township's or
        district's folder (``pooled_in_areas``), for a note saying so."""
        declared = self.file_schools()
        unplaced = {
            x.file
            for x in self.children
            if len(x) and not (x.has("school") and all(x.values["school"]))
        }
        return pooled_in_areas(self.files, declared, None, unplaced, self.runs) if declared else []

    def generic_pooled(self) -> list[tuple[str, list[str]]]:
        """The files of children of a county's folder pooled as one school by a name every
        township's school goes by (``generic_pooled``), for a note saying so."""
        declared = self.file_schools()
        holding = {x.file for x in self.children if len(x)}
        if not declared:
            return []
        return generic_pooled(self.files, declared, holding, read=self.naming(), runs=self.runs)

    def cell_schools(self) -> set[object]:
        """The schools the children's and teachers' 学校 cells name, by which a file is
        the school its name names (``by_their_names``: a shared teachers list's 学校 青山
        names the school of 县/青山.xlsx). Whole columns, once each: a county has 100,000
        children."""
        tables = [x for x in self.children + self.teachers if x.has("school")]
        return set().union(*(x.values["school"] for x in tables))

    def naming(self) -> set[str]:
        """The files by which the other files of their folder are named (``named_schools``):
        those holding children, and those that declare their school. A file of teachers or
        records alone named by words of its own (帮扶记录.xlsx) names no school, nor does
        a file of no list (经费统计.xlsx)."""
        return {x.file for x in self.children} | {
            f for f, school in self.declared.items() if school
        }

    def copy_schools(self) -> dict[str, str]:
        """Each file's school as a child's row copied into another file is told by
        (``copied_groups``): the one it declares, else the name every count goes by for a
        file that declares none (``file_names``: two schools' untitled 青山小学.xlsx and
        白鹤小学.xlsx are two schools, a roster sent as .xlsx and as .csv one), as the
        reports per school name it (lbc.workspace.schools.schools_of); {} for one file, as
        ``file_schools``."""
        declared = self.file_schools()
        if not declared:
            return {}
        return named_schools(self.files, declared, read=self.naming(), runs=self.runs)

    def file_schools(self) -> dict[str, str]:
        """Each file's school as it declares it, when there are several files: in a folder
        of schools it tells their children, teachers and records apart. One file's
        declaration tells nothing apart, and its rows say their school or none; nor does a
        pairs workbook's or last term's roster's beside it (lbc.toml's pairs, --keep), which
        are that school's too: a roster whose 学校 cells spell the school otherwise than its
        lbc.toml would be split from its own teachers list."""
        aside = {x.file for x in [*self.pairs, *self.previous]}
        aside -= {x.file for x in self.tables()}
        if len(self.files) - len(aside.intersection(self.files)) < 2:
            return {}
        return {name: self.declared.get(name, "") for name in self.files}


def shows_an_error_whole(cell: object) -> bool:
    """Whether a cell as the sheet holds it (Table.raw) shows a formula's error: its text
    is one whole (#N/A), as Excel shows a failed VLOOKUP's. The one test of VAL007, and of
    every count that takes such a cell for an empty one (cells_held): text that only looks
    like one (" #N/A" typed with a space) is the text it is, said by its column's rules. A
    table holding such a cell is one its reader marked (Table.formula_errors)."""
    return cell.__class__ is str and cell in FORMULA_ERRORS


def kept_as_typed(shown: list[Any], raw: list[Any]) -> list[Any]:
    """A column as lbc writes it (``shown``), each value that is a formula's error only
    once trimmed (" #N/A" typed with a space, its cell in ``raw``) as the school typed it:
    written trimmed, it would be read back as one (VAL007), which the cell is not."""
    if FORMULA_ERRORS.isdisjoint(shown):
        return shown
    return [
        r if c in FORMULA_ERRORS and r.__class__ is str and not shows_an_error_whole(r) else c
        for c, r in zip(shown, raw, strict=True)
    ]


def guardian_header(kind: Kind, key: str, name: str | None) -> str:
    """The header of a guardian's column of ``key`` in the set whose name column is headed
    ``name``: its role and the field's attribute (委托监护人 + 电话, 委托监护人 + 与儿童关系);
    the field's label where ``name`` names no role."""
    label = next(f.label for f in FIELDS[kind] if f.key == key)
    role = guardian_role(name) if name else None
    if role is None:
        return label
    return role + label.removeprefix(ROLES["guardian"][0])


def normalise_column(values: list[Any], fn: Normaliser, memo: bool, key: str) -> list[Any]:
    """Normalise column ``key``; where values repeat (classes, 留守类型 …) each distinct
    value is normalised once and the column is mapped through that table at C speed. A
    phone column is read in order (its 同上 is the number above) and as whose it is (父亲电话
    of 父：…；母：… is the father's number): phones.phone_column."""
    if fn is phones.phone:
        return phones.phone_column(values, key)
    if not memo:
        # An empty cell (None, or "" inside calamine's grid) is read once, not once a cell:
        # a roster merged of schools that used different forms has their columns (父亲身份证号,
        # 备注 …) empty for most of its rows, and the others pay one comparison.
        blank = {None: fn(None), "": fn("")}
        return [blank[v] if v is None or v == "" else fn(v) for v in values]
    distinct = dict.fromkeys(values)
    # True, 1 and 1.0 are one key here but may normalise differently: go value by value.
    if any(k.__class__ in (bool, int, float) and k in (0, 1) for k in distinct):
        return [fn(v) for v in values]
    for k in distinct:
        distinct[k] = fn(k)
    return list(map(distinct.__getitem__, values))


def named_grade(table: Table) -> int | None:
    """The grade a roster kept a grade a sheet, a file or a folder is named for, for a
    sheet with no 年级 column (names_grades); None where none is, or where they name two
    grades (a sheet 三年级 in 四年级.xlsx: which is wrong only the school knows, and
    Table.grade_names_unlike says so)."""
    grades = set(names_grades(table.file, table.sheet).values())
    return grades.pop() if len(grades) == 1 else None
