"""County rosters: many schools' workbooks as one, each row tagged with its school.

Every school's file is read on its own (in parallel, one process per CPU, since reading is
mostly Python), its rows written in one canonical column layout with the school, source
file and Excel row in front, so the county office can always go back to the school's own
row. A child whose ID number appears in more than one school is a finding: a child counted
twice, or one record wrong.

A row's school is as ``lbc.workspace.schools`` says: its 学校 cell, else its file's. A
school's teachers list or records may be a file of their own that says no school (its
folder: a roster titled 青山小学…, and an untitled 教师名单.xlsx): that file is of the
school every command reads it as (``schools_beside``), known once every file's children
are read, and its rows are written then; where that is not one school, its rows' 学校 is
left empty, and lbc merge says so.

A pairs workbook (``lbc pair --out``) in a school's folder is that school's pairs in force:
it is joined onto each roster of the same folder as every command joins it
(``read_roster``), so the merged 帮扶教师 column says who supports each child now. So does a
teachers list naming each teacher's children (帮扶学生姓名) kept in a file of its own: its
school's files of children are read again with it (relist) once no file still to be read
could be such a list of their school (``_Settling``). Until then they wait, and the files
read after them too, to keep the run's order (``_Held``: in memory, else beside the output);
a county whose schools keep no list apart waits for nothing. Each is read again in a worker,
as it was read the first time, the reads not yet begun queued behind it (``_Reads``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import signal
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lbc.checks.findings import Finding, reported
from lbc.checks.registry import R, Rule
from lbc.errors import LbcError, LbcErrors
from lbc.messages import as_list, current_lang, language, set_lang, t
from lbc.output.xlsx_stream import Sheet, numbered_sheets, rows_xml
from lbc.reports.merged_layout import LAYOUT, lacked_at
from lbc.roster import forking, parent_death, reading, record_sheets
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.fields import PAIRED_SINCE_KEY, PAIRED_TEACHER_KEY, Kind
from lbc.roster.merged_books import (
    COLUMNS_HEADER,
    COLUMNS_SHEET,
    LACKS_HEADER,
    QUOTA_LABELS,
    RECORD_SHEET_HEADER,
    RUNS_HEADER,
    SCHOOL_QUOTAS_HEADER,
    SCHOOL_QUOTAS_SHEET,
    SCHOOL_TERMS_HEADER,
    SCHOOL_TERMS_SHEET,
    SCHOOL_WATCH_HEADER,
    SCHOOL_WATCH_SHEET,
    UNHELD_HEADER,
    WATCH_LABELS,
    WEIGHT_LABEL,
    piece_school,
    whole_sheets,
)
from lbc.roster.pairs import STATED_KEY, PairsJoined
from lbc.roster.people import NAMESAKE_KEY, shown_name
from lbc.roster.school_names import (
    FILE_SCHOOL,
    RunFolders,
    children_folders,
    file_names,
    generic_pooled,
    named_schools,
    parts_kept_apart,
    pooled_in_areas,
    schools_beside,
)
from lbc.roster.tables import copied_groups, id_numbers, id_of, is_pairs_book
from lbc.workspace.notes import sheet_notes
from lbc.workspace.schools import (
    Namesakes,
    Piece,
    Schools,
    apart,
    list_titled,
    merged_pieces,
    namesake,
    read_roster,
    schools_of,
    staff,
    titled_as_the_run,
    titles_alone,
    told_or_named,
    told_schools,
)
from lbc.workspace.terms import date_records_by_own_term, parse_term

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Terms = dict[str, tuple[dt.date, dt.date]]  # a run's term dates (lbc.toml [terms])
T = TypeVar("T")

LEAD = ("学校", "来源文件", "来源工作表", "来源行")
SHEET_TITLES = {
    Kind.CHILDREN: "留守儿童花名册",
    Kind.TEACHERS: "教师名单",
    Kind.RECORDS: "帮扶记录",
}


@dataclass
class SchoolPart:
    """One file read, checked and rendered in a worker: what the parent needs is small
    (counts, IDs, findings) or ready to write (each sheet's rows as XML)."""

    file: str
    school: str = ""
    declared: str = ""  # the school the file declares (Roster.declared), "" for none
    counts: dict[Kind, int] = field(default_factory=dict)
    # Each kind's rows as XML, a block a sheet read (_render).
    xml: dict[Kind, list[bytes]] = field(default_factory=dict)
    widths: dict[Kind, list[int]] = field(default_factory=dict)  # from its first rows
    arrow: dict[Kind, list[bytes]] = field(default_factory=dict)  # for a Parquet merge
    # Each source sheet's columns, as its tables' rows are written (export.pieces).
    layouts: list[Any] = field(default_factory=list)
    # The same for the merged workbook's hidden COLUMNS_SHEET: kind, file, sheet, keys,
    # rows and school.
    source_columns: list[list[Any]] = field(default_factory=list)
    # The children still on the books: (ID, school, sheet, row), the school the row's own.
    ids: list[tuple[str, str, str, int]] = field(default_factory=list)
    # The others with an ID number (转出, 毕业 or 死亡): (ID, school). A school's line counts
    # each of its children once, on the books or not, as lbc validate's does (by_school).
    ids_left: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str = ""
    pairs_book: bool = False  # a pairs workbook: joined onto its folder's rosters
    joined: PairsJoined | None = None  # the pairs joined onto this school's children
    children_schools: set[str] = field(default_factory=set)  # the schools of its children
    # The same with the school of a children sheet of no rows (REQ002), by the folders its
    # children are in (children_folders: a merged roster's schools' own files' too): a
    # teachers list beside them is their school's (schools_beside), never the school of the
    # folder above.
    folder_schools: dict[Path, set[str]] = field(default_factory=dict)
    # Each school's children, teachers, records, errors and warnings in this file (TALLIED):
    # a township's file holds several schools, a school's returned records sheet its own.
    tally: dict[str, list[int]] = field(default_factory=dict)
    on_books: int = 0  # children not 转出 or 毕业, each ID number once
    alone: bool = False  # teachers or records, no children: of a school beside it
    listless: bool = False  # no list at all (a stray spreadsheet): passed over, as validate does
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, sheet) not a list
    unnamed_records: list[tuple[str, str]] = field(default_factory=list)  # Roster's, of those
    # The notes on its sheets' rows read and their classes (notes.sheet_notes: the sheets
    # and rows the workbook hides, where a sheet's classes came from), as the worker words
    # them, to be said as every command says them.
    sheet_notes: list[str] = field(default_factory=list)
    # Roster.unlike_title: its title, its cells, whether it holds teachers alone
    unlike_title: tuple[str, str, bool] | None = None
    # By which a record sheet titled with a school no file of children declares is read as
    # the run's one school (_titled_as_the_run): a file of children's told_schools; a file
    # of teachers or records alone's school as it declares it and its records' teachers
    # (titles_alone), else None; the names on its teachers lists (staff).
    told: set[str] = field(default_factory=set)
    titled: tuple[str, set[str]] | None = None
    staff: set[str] = field(default_factory=set)
    titled_as: tuple[str, str] | None = None  # so read: Roster.titled_as, the title, the school
    list_titled: bool = False  # a teachers list whose school is its title's (schools.list_titled)
    # The name it declares that another folder's school might (schools.namesake), else
    # the schools of a merged roster (schools.merged_pieces), and how each is told from a
    # namesake school of another folder (Roster.namesakes), where one is.
    declares: tuple[str, bool, bool] | None = None
    pieces: list[Piece] = field(default_factory=list)
    namesakes: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # The name each of its pieces so told goes by, by its own file (read_part's
    # ``pieces_named``): every later read of the file (relist, records_again,
    # copies_again) reads them by it, as the first read did.
    pieces_named: dict[str, str] = field(default_factory=dict)
    # Teachers or records alone: the tables and their schools, checked again and written
    # once every file is read and the file's school known (place_alone).
    pending: tuple[list[Table], Schools] | None = None
    # The schools an alone file might be of, when not one (none known, when a file beside
    # it could not be read): its rows' 学校 left empty. None: its school is known.
    unplaced: list[str] | None = None
    # Of such a file's records, each placed at its child's school (records_by_child): how
    # many name no child of those schools' rosters, left of no school. None: not so placed.
    by_child: int | None = None
    # The term dates its school's lbc.toml sets ([terms]), which the merged file carries
    # (SCHOOL_TERMS_SHEET, and a Parquet file's metadata): empty when it sets none.
    own_terms: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    # A merged roster's own sheet of them (Roster.term_schools), merged again: by school.
    carried_terms: dict[str, dict[str, tuple[dt.date, dt.date]]] = field(default_factory=dict)
    # The same of the [quotas] its school's lbc.toml sets (SCHOOL_QUOTAS_SHEET), by key.
    own_quotas: dict[str, int] = field(default_factory=dict)
    carried_quotas: dict[str, dict[str, int]] = field(default_factory=dict)
    # The same of the [watch] its school's lbc.toml sets (SCHOOL_WATCH_SHEET), by key.
    own_watch: dict[str, object] = field(default_factory=dict)
    carried_watch: dict[str, dict[str, object]] = field(default_factory=dict)
    # Children without an ID number: rows that may copy a row of another file of their
    # school (copies_across_files), and how many on the books do, each a child counted.
    blank: bool = False
    copies_elsewhere: int = 0
    # Teachers alone, a list of them naming the children each supports (帮扶学生姓名): the
    # schools its rows name (a 学校 cell, the school the file declares), and whether a row
    # names none (it is then of the school place_alone gives the file): the schools whose
    # files of children are written again with it joined on (relist), as every command
    # reads the folder.
    lists_children: bool = False
    list_schools: set[str] = field(default_factory=set)
    list_blank: bool = False
    # Of such a list, the names its rows that name no school give, each sheet's: (sheet,
    # the column as label(letter), how many names). Unplaced, they pair nobody.
    list_names: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def sheet_schools(self) -> set[str]:
        """The schools of its children's folders (``folder_schools``), all together."""
        return set().union(*self.folder_schools.values())

    def school_if_any(self) -> str:
        """Its school, if it holds any row: a school's roster of nobody (REQ002) gives its
        own settings to no one, and a merged roster has no row of it to go by them, so a
        row of its settings there would name a school the roster does not hold (QTA001)."""
        return self.school if any(sum(n[:3]) for n in self.tally.values()) else ""

    def count(self, tables: list[Table], schools: Schools) -> None:
        """Fill ``tally`` from the file's ``tables`` and findings, each row and finding
        under its own school, once the file's school is known."""
        self.tally = {}
        for table in tables:
            j = TALLIED.index(table.kind.value)
            for school, n in schools.count(table).items():
                self.tally.setdefault(school, [0] * len(TALLIED))[j] += n
        if tables and not self.tally:
            # A list with no rows (a record sheet handed back unfilled) was read all the
            # same: its school's row lists it, as the count of files read counts it.
            self.tally[schools.at(self.file, None, None)] = [0] * len(TALLIED)
        for f in reported(self.findings):
            j = TALLIED.index("errors" if f.severity == "error" else "warnings")
            self.tally.setdefault(schools.at(f.file, f.sheet, f.row), [0] * len(TALLIED))[j] += 1


TALLIED = ("children", "teachers", "records", "errors", "warnings")


def sheet_rows(table: Table, schools: Schools, paired: bool = False) -> list[list[Any]]:
    """A table's rows as the merged roster holds them: each cell as the school wrote it
    (Table.written), behind the row's school (its 学校 cell, else its file's) and where
    the row came from; 帮扶教师 as ``support_teachers`` gives it (``paired``: a pairs
    workbook was joined), and beside it the day the pair began (``paired_since``) and the
    teacher that day is of, the pair's, so that one typed over her later has no day."""
    made: dict[str, list[Any]] = {}
    if table.kind is Kind.CHILDREN:
        teachers, days = support_teachers(table, paired), paired_since(table)
        made["support_teacher"], made[PAIRED_SINCE_KEY] = teachers, days
        made[PAIRED_TEACHER_KEY] = [
            t if d.__class__ is dt.date else None for t, d in zip(teachers, days, strict=True)
        ]
    columns = [made[f.key] if f.key in made else table.written(f.key) for f in LAYOUT[table.kind]]
    lead = [
        (schools.of(table, i), schools.source(table.file), table.sheet_at(i), row)
        for i, row in enumerate(table.rows)
    ]
    return [[*head, *values] for head, *values in zip(lead, *columns, strict=True)]


def paired_since(table: Table) -> list[Any]:
    """The merged 结对开始日期 column of a children ``table``: the day a pairs workbook gave
    each child her teacher in place of another, as the pairs joined say it (join_pairs), a
    date cell; a cell of the school's lbc cannot read as a day, as written."""
    values = table.values.get(PAIRED_SINCE_KEY)
    if values is None:
        return [None] * len(table)
    written = table.written(PAIRED_SINCE_KEY)
    return [
        v if v is None or v.__class__ is dt.date else w
        for v, w in zip(values, written, strict=True)
    ]


def support_teachers(table: Table, paired: bool = False) -> list[Any]:
    """The merged 帮扶教师 column of a children ``table``: each cell as the school wrote
    it, and in a cell it left blank, the teacher whose row of a teachers list names the
    child (帮扶学生姓名: the pairs in force, join_pairs), as lbc pair names her (王芳
    （三年级(2)班）, one of two 王芳), so that the merged roster says every pair where
    every command reads it; the list's cell stays as written. ``paired``: a pairs workbook
    was joined, whose pairs win over the cells (sheet_rows), each teacher as it names her
    (王芳（三年级(2)班）, not 王芳, which would be either of two)."""
    n = len(table)
    values = table.values.get("support_teacher") or [None] * n
    tagged = table.values.get(NAMESAKE_KEY)
    if paired:
        if tagged is None:
            return [nz.display(v) for v in values]
        return [
            nz.display(shown_name(tag) if tag else v) for v, tag in zip(values, tagged, strict=True)
        ]
    if STATED_KEY not in table.values:  # no teachers list named any of its children
        return table.written("support_teacher")
    # A sheet without a 帮扶教师 column left every child's blank (``written`` would give
    # the pairs joined on, each teacher without the tag of one of two namesakes).
    written = table.written("support_teacher") if "support_teacher" in table.raw else [None] * n
    tags = tagged or [None] * n
    return [
        nz.display(shown_name(tag) if tag else value)
        if cell in (None, "") and value is not None
        else cell
        for cell, value, tag in zip(written, values, tags, strict=True)
    ]


def read_part(
    path: Path,
    synonyms: dict[str, list[str]] | None = None,
    parquet: bool = False,
    books: tuple[Path, ...] = (),
    names: dict[str, str] | None = None,
    named: str = "",
    terms: Terms | None = None,
    pieces_named: dict[str, str] | None = None,
    written: dict[str, str] | None = None,
    runs: RunFolders | None = None,
) -> SchoolPart:
    """One school's file: read with the pairs workbooks ``books`` of its folder joined on,
    checked as ``lbc validate`` checks it, its rows rendered for the merged workbook
    (``parquet``: as Arrow batches of the stacked Parquet columns). A pairs workbook itself
    is only marked as one; ``names``: the run's files' own names (``file_names``), for a file
    declaring no school; ``named``: the school it is of, told from a namesake (read_parts),
    ``pieces_named`` those of a merged roster's schools so told, by their own files;
    ``terms``: the run's term dates, for a file under no school's lbc.toml (as validate);
    ``written``: the 来源文件 its rows are written by, where not its path (written_names);
    ``runs``: the folder the run found it and its books in (read_roster). A file of
    teachers or records alone is left to render (``pending``) until its school and its
    school's children are known (place_alone). Runs in a worker process; everything
    returned is plain data."""
    from lbc.checks.engine import check_roster

    part = SchoolPart(str(path), pieces_named=pieces_named or {})
    if path in books:
        part.pairs_book = True
        return part
    try:
        told = {**(pieces_named or {}), **({str(path): named} if named else {})}
        roster = read_roster(
            [path, *books], synonyms, children_elsewhere=True, named=told, runs=runs
        )
    except LbcError as exc:
        part.error = str(exc)
        return part
    # A date written without its year is read as validate reads it, and written whole.
    date_records_by_own_term(roster, terms)
    part.alone = not roster.children
    part.own_terms = roster.terms.get(str(path)) or {}
    part.carried_terms = {school: roster.terms[o] for o, school in roster.term_schools.items()}
    part.own_quotas = roster.quotas.get(str(path)) or {}
    part.carried_quotas = {s: roster.quotas[o] for o, s in roster.quota_schools.items()}
    part.own_watch = roster.watch.get(str(path)) or {}
    part.carried_watch = {s: roster.watch[o] for o, s in roster.watch_schools.items()}
    part.skipped = roster.skipped
    part.unnamed_records = roster.unnamed_records
    part.sheet_notes = [
        note for x in whole_sheets(roster.tables()) for note in sheet_notes(x, merged=True)
    ]
    part.unlike_title = roster.unlike_title.get(str(path))
    part.pieces = merged_pieces(roster, [path, *books])
    # A merged roster is told from namesakes by its schools' own files, not by itself.
    part.declares = None if part.pieces else namesake(roster, path)
    part.declared = roster.declared.get(str(path), "")
    if roster.children:
        part.told = told_schools(roster, str(path))
    else:
        part.titled = titles_alone(roster, [path]).get(path)
    part.staff = staff(roster).get(str(path), set())
    part.list_titled = list_titled(path, roster)
    if not roster.tables():
        part.listless = True
        return part
    part.joined = roster.joined if books and not part.alone else None
    schools = schools_of(roster, names)
    schools.written = written or {}
    part.school = schools.by_file.get(str(path), path.stem)
    part.findings = check_roster(roster, terms=terms)
    part.children_schools = {s for x in roster.children for s in schools.count(x)}
    part.folder_schools = children_folders(
        roster.children, lambda x: set(schools.count(x)) or {schools.by_file.get(x.file, x.file)}
    )
    part.source_columns = source_columns(roster.tables(), schools)
    for tables in (roster.children, roster.teachers, roster.records):
        for x in tables:
            part.counts[x.kind] = part.counts.get(x.kind, 0) + len(x)
    if part.alone:
        if not roster.declared.get(str(path)):
            part.school = schools.by_file[str(path)] = ""
        part.pending = (roster.tables(), schools)
        lists = [x for x in roster.teachers if x.has("children")]
        named = {schools.of(x, i) for x in lists for i in range(len(x))}
        part.lists_children = bool(lists)
        part.list_schools, part.list_blank = named - {""}, "" in named
        part.list_names = [
            (x.sheet, f"{column.label}({column.letter})", count)
            for x in lists
            for column in [x.columns["children"]]
            if (count := _names_of_no_school(x, schools))
        ]
    else:
        _render(part, roster.tables(), schools, parquet, paired=bool(books))
        part.count(roster.tables(), schools)
    if parquet:
        from lbc.reports.export import pieces

        part.layouts = pieces(roster.tables(), schools)
    part.blank = any(
        x.has("name") and x.has("class") and (ids is None or None in ids)
        for x in roster.children
        for ids in [id_numbers(x)]
    )
    for table in roster.children:
        ids = id_numbers(table) or [None] * len(table)  # a roster without one
        states = table.values.get("enrollment_status") or [None] * len(table)
        left = sum(n for state, n in Counter(states).items() if state in nz.LEFT_SCHOOL)
        part.on_books += len(table) - left
        part.ids += [
            (v, schools.of(table, i), table.sheet_at(i), table.rows[i])
            for i, (v, state) in enumerate(zip(ids, states, strict=True))
            if isinstance(v, str) and state not in nz.LEFT_SCHOOL
        ]
        if left:
            part.ids_left += [
                (v, schools.of(table, i))
                for i, (v, state) in enumerate(zip(ids, states, strict=True))
                if isinstance(v, str) and state in nz.LEFT_SCHOOL
            ]
    # Each child once, as lbc summary counts her: a row repeating an ID number is no more,
    # nor a row copied without one.
    part.on_books -= len(part.ids) - len({ident for ident, *_ in part.ids})
    part.on_books -= _copies_on_books(roster.children)
    return part


def _names_of_no_school(table: Table, schools: Schools) -> int:
    """How many children the 帮扶学生 cells of a teachers list's rows that name no school
    give (listed_names)."""
    from lbc.roster.pairs import listed_names

    cells = table.values["children"]
    return sum(
        len(listed_names(cell))
        for i, cell in enumerate(cells)
        if isinstance(cell, str) and not schools.of(table, i)
    )


def _copies_on_books(tables: list[Table], schools: dict[str, str] | None = None) -> int:
    """The rows on the books without an ID number that copy another row of their child,
    on its sheet or another sheet of the file (``copied_groups``; ``schools``: each file's,
    Roster.copy_schools, for several files), each a child counted already, or not on the
    books: at the row with its ID number, whose 在校状态 is the child's (a copy of a row
    转出 without one is the child who left, as lbc summary counts her:
    lbc.roster.tables.distinct_children), else at the first of the copies."""
    extra = 0
    for group in copied_groups(tables, schools):
        on = [(x, i) for x, i in group if x.get("enrollment_status", i) not in nz.LEFT_SCHOOL]
        blank = sum(1 for x, i in on if id_of(x, i) is None)
        numbered = any(id_of(x, i) is not None for x, i in group)
        extra += blank if numbered else max(blank - 1, 0)
    return extra


def _render(
    part: SchoolPart, tables: list[Table], schools: Schools, parquet: bool, paired: bool = False
) -> None:
    """Each kind's rows of ``tables`` as the merged file holds them: the workbook's rows
    as XML, a block a table, and their column widths, or (``parquet``) Arrow batches of the
    stacked columns; ``paired``: as ``sheet_rows``. A table at a time, not the file's rows
    all at once: a merged province merged again is one file of a million rows, whose rows
    as lists and as one text took 6 GB beside the roster, and were made several times
    slower (a million rows' texts are more than rows_xml keeps a memo of)."""
    from lbc.output.sheet_style import WIDTH_SAMPLE, column_widths

    for kind in Kind:
        mine = [x for x in tables if x.kind is kind]
        if parquet:
            from lbc.output.parquet import to_bytes
            from lbc.reports.export import stacked_batches

            part.arrow[kind] = [to_bytes(b) for b in stacked_batches(mine, schools)]
        else:
            blocks, first = [], []  # the first rows, to size the columns by
            for x in mine:
                rows = sheet_rows(x, schools, paired)
                first += rows[: WIDTH_SAMPLE - len(first)]
                blocks.append(rows_xml(rows))
            part.xml[kind] = blocks
            part.widths[kind] = column_widths(header(kind), first)


def place_alone(
    parts: list[SchoolPart],
    parquet: bool,
    again: Callable[[list[Again]], list[Found]],
    by_child: Callable[[ByChild], Placed],
    runs: RunFolders,
) -> None:
    """Give each file of teachers or records alone that declares no school its school,
    now that every file's children are read (``schools_beside``, as every command places
    it: of several, the one its name names), check its records ``again`` with its
    school's files (``records_again``), and render its rows: a row with no 学校 cell under
    that school, or under none (its 学校 empty, the file ``unplaced``) where the file
    might be of several; but a record of such a file under its child's school
    (``by_child``: records_by_child, with the files of those schools' children), as lbc
    export writes it, of none where no one child of theirs is named. ``runs``: the folder
    the run found each file in."""
    by_folder: dict[Path, set[str]] = {}
    for part in parts:
        for folder, schools in part.folder_schools.items():
            by_folder.setdefault(folder, set()).update(schools)
    waiting = [(part, part.pending) for part in parts if part.pending is not None]
    unread = {Path(part.file).parent for part in parts if part.error}
    undeclared = {part.file: (part, pending) for part, pending in waiting if not part.school}
    names = file_names([part.file for part in parts], runs)
    _named_as_its_roster(parts, undeclared, names)
    placed = schools_beside(undeclared, by_folder, unread, names)
    for name, (school, _) in placed.items():
        part, (_, schools) = undeclared[name]
        part.school = schools.by_file[part.file] = school
    for name, (school, among) in placed.items():
        part, (tables, schools) = undeclared[name]
        records = any(x.kind is Kind.RECORDS for x in tables)
        if not school and among and records:
            named = {p.file: p.school for p in parts if p.children_schools & set(among)}
            # Their teachers lists kept in files of their own too, now placed: a record's
            # teacher is looked for on every list, as lbc validate looks for her.
            named |= {
                p.file: p.school
                for p in parts
                if p.alone and p.school in among and p.counts.get(Kind.TEACHERS)
            }
            rows, nobody, found = by_child((list(named), part.file, named))
            schools.by_row.update(rows)
            schools.nobody |= nobody
            schools.by_child |= {part.file}
            part.by_child = len(nobody)
            _records_checked(part, found)
        if not school and any(not schools.of(x, i) for x in tables for i in range(len(x))):
            part.unplaced = among
    _check_again(parts, [part for part, _ in waiting], again, by_child)
    for part, (tables, schools) in waiting:
        _render(part, tables, schools, parquet)
        part.count(tables, schools)
        part.pending = None


# A file of records alone of several schools, to place each record at its child's school
# (records_by_child): the files of those schools' children, the file, and each file's school.
ByChild = tuple[list[str], str, dict[str, str]]
# Its records' schools by (file, sheet, Excel row), its records of no school, and the
# findings of its records.
Placed = tuple[dict[tuple[str, str, int], str], frozenset[tuple[str, str, int]], list[Finding]]


def records_by_child(
    job: ByChild,
    synonyms: dict[str, list[str]] | None,
    runs: RunFolders,
    terms: Terms | None = None,
) -> Placed:
    """Each record of a file of records alone that may be of several schools (``job``), at
    the school of the child it names among those schools' children, as lbc export places
    it (schools_of's ``by_child``), read with their files, each of the school the merge
    names it by; and its records naming no one child of theirs. ``runs``: the folder the
    run found each file in. Its records are checked against those schools' children and
    teachers as lbc validate checks them (``terms``: the run's): alone, a record of a child
    on no roster (REC002) or of a teacher on no list (REC001) was not found, and merge said
    fewer errors than validate."""
    from lbc.checks.engine import check_records_of

    holding, alone, named = job
    paths = [Path(f) for f in [*holding, alone]]
    roster = read_roster(paths, synonyms, carry_on=True, named=named, runs=runs)
    date_records_by_own_term(roster, terms)
    schools = schools_of(roster, by_child=True)
    rows = {at: school for at, school in schools.by_row.items() if at[0] == alone}
    nobody = frozenset(at for at in schools.nobody if at[0] == alone)
    return rows, nobody, check_records_of(roster, [alone], terms)


def _records_checked(part: SchoolPart, found: list[Finding]) -> None:
    """A file of teachers or records alone's findings with those of its records checked
    again (``found``) in place of those its records had checked alone."""
    assert part.pending is not None
    tables = [x for x in part.pending[0] if x.kind is Kind.RECORDS]
    sheets = {(x.file, s) for x in tables for s in dict.fromkeys(x.row_sheets or [x.sheet])}
    kept = [f for f in part.findings if (f.file, f.sheet) not in sheets]
    part.findings = kept + found


def _named_as_its_roster(
    parts: list[SchoolPart], undeclared: Collection[str], names: dict[str, str]
) -> None:
    """Name each file of ``undeclared`` by the one school of the children of the files of
    its folder named as it is (青山小学教师.xlsx beside 青山小学.xlsx, whose 学校 cells say
    青山镇中心小学), as every command reads it (lbc.workspace.schools._named_as_its_roster);
    not where a file's children are of the school the name names itself."""
    by_name: dict[tuple[Path, str], set[str]] = {}
    for part in parts:
        if part.children_schools and not part.alone:
            key = (Path(part.file).parent, names[part.file])
            by_name.setdefault(key, set()).update(part.children_schools)
    said = set().union(*(part.children_schools for part in parts))
    for name in undeclared:
        found = by_name.get((Path(name).parent, names[name]), set())
        if len(found) == 1 and names[name] not in said:
            names[name] = next(iter(found))


# A school's files to check records again with (records_again): its files of children and
# pairs workbooks, its files of teachers or records alone, its name, and the name each
# merged roster's school among them told from a namesake goes by (SchoolPart.pieces_named).
Again = tuple[list[str], list[str], str, dict[str, str]]
Found = dict[str, list[Finding]]  # each file's findings


def _check_again(
    parts: list[SchoolPart],
    alone: list[SchoolPart],
    again: Callable[[list[Again]], list[Found]],
    by_child: Callable[[ByChild], Placed],
) -> None:
    """Check the records of each school's files of teachers or records alone again, with
    its children (and teachers), as lbc validate checks them: alone, a record naming
    no child of the school (REC002) was not found. Its files of children are checked
    again against its teachers lists of their own (BY_TEACHERS: a 帮扶教师 or a record's
    teacher not on them), which alone they were not."""
    from lbc.checks.engine import BY_TEACHERS

    schools: dict[str, list[SchoolPart]] = {}
    for part in alone:
        if part.school:
            schools.setdefault(part.school, []).append(part)
    work: list[Again] = []
    for school, theirs in schools.items():
        if not any(p.counts.get(Kind.RECORDS) or p.counts.get(Kind.TEACHERS) for p in theirs):
            continue
        holding = [p for p in parts if school in p.children_schools]
        books = [
            p.file
            for p in parts
            if p.pairs_book and any(Path(p.file).parent == Path(q.file).parent for q in holding)
        ]
        if holding:
            rosters = [*(p.file for p in holding), *books]
            told = {f: name for p in holding for f, name in p.pieces_named.items()}
            work.append((rosters, [p.file for p in theirs], school, told))
        else:
            _of_no_children(theirs, parts, by_child)
    for (rosters, files, school, _), found in zip(work, again(work), strict=True):
        for part in (p for p in alone if p.file in files):
            _records_checked(part, found.get(part.file, []))
        if not any(p.counts.get(Kind.TEACHERS) for p in schools[school]):
            continue
        # Its files of children, checked alone, against its teachers lists now: only a
        # file of its children alone (a township's file keeps its own findings).
        for part in (p for p in parts if p.file in rosters and p.children_schools == {school}):
            # Counted as SchoolPart.count counts them: a REC001 on a cell VAL007 says is not.
            dropped = [f for f in reported(part.findings) if f.code in BY_TEACHERS]
            part.findings = [f for f in part.findings if f.code not in BY_TEACHERS]
            part.findings += found.get(part.file, [])
            added = [f for f in reported(part.findings) if f.code in BY_TEACHERS]
            counts = part.tally.setdefault(school, [0] * len(TALLIED))
            for f, step in [*((f, -1) for f in dropped), *((f, 1) for f in added)]:
                counts[TALLIED.index("errors" if f.severity == "error" else "warnings")] += step


def _of_no_children(
    alone: list[SchoolPart], parts: list[SchoolPart], by_child: Callable[[ByChild], Placed]
) -> None:
    """Check the records of a school's files of records alone, a school no file of
    children of the run is of (a teacher's record sheet titled with another county's
    school), against the run as lbc validate checks them: its teacher is looked for on
    every teachers list of the run (REC001), and its child among the children of no
    declared school (ChildIndex.find: a file's own), read again with it (``by_child``),
    else none is its school's (REC002, once the run read children). Alone, neither was
    said, and merge counted fewer errors than validate. Such a school is rare: merge does
    this for it only."""
    from lbc.checks.engine import check_records
    from lbc.roster.support import ChildIndex

    listed = [p for p in parts if Kind.TEACHERS in p.counts]
    teachers = set().union(*(p.staff for p in listed)) if listed else None
    children = ChildIndex[object]() if any(Kind.CHILDREN in p.counts for p in parts) else None
    held = set().union(*(p.children_schools for p in parts))
    named = set().union(*(p.told for p in parts)) - {""}
    # The files of children of a school no file declares nor 学校 cell names: a file's own.
    own = [p.file for p in parts if not p.declared and p.children_schools - named]
    today, codes = dt.date.today(), {R.REC001.code, *CHILD_CODES}
    for part in alone:
        assert part.pending is not None
        tables, schools = part.pending
        records = [x for x in tables if x.kind is Kind.RECORDS]
        found = [
            f for x in records for f in check_records(x, today, teachers, children, part.school)
        ]
        if own and records:
            _, _, again = by_child((own, part.file, {part.file: part.school}))
            found = [f for f in found if f.code not in CHILD_CODES]
            found += [f for f in again if f.code in CHILD_CODES]
        part.findings = [f for f in part.findings if f.code not in codes] + [
            f
            for f in found
            # A row whose 学校 cell names a school of children: its child is not looked for.
            if f.code == R.REC001.code
            or (f.code in CHILD_CODES and schools.at(f.file, f.sheet, f.row) not in held)
        ]


# The findings of a record that its child's roster decides.
CHILD_CODES = frozenset({R.REC002.code, R.REC003.code, R.REC006.code})


def records_again(
    job: Again, synonyms: dict[str, list[str]] | None, terms: Terms | None, runs: RunFolders
) -> Found:
    """The findings of the records of a school's files of records alone (``job``),
    checked with the school's other files (``_check_again``), each file's run folder as
    the run found it (``runs``). Runs in a worker."""
    from lbc.checks.engine import check_by_teachers, check_listed, check_records_of

    rosters, alone, school, told = job
    files = [*rosters, *alone]
    named = {**told, **dict.fromkeys(files, school)}
    roster = read_roster([Path(f) for f in files], synonyms, carry_on=True, named=named, runs=runs)
    date_records_by_own_term(roster, terms)
    found: Found = {}
    for f in check_records_of(roster, alone, terms):
        found.setdefault(f.file, []).append(f)
    for f in check_listed(roster, alone):  # a teachers list's children, against its roster
        found.setdefault(f.file, []).append(f)
    if any(x.file in alone for x in roster.teachers):  # its children's files against them
        for f in check_by_teachers(roster, rosters, terms):
            found.setdefault(f.file, []).append(f)
    return found


# A file of children to write again with its schools' teachers lists kept in files of their
# own joined on (relist): the file, the pairs workbooks of its folder, the lists, and the
# school each of these files is of.
Relist = tuple[str, tuple[str, ...], tuple[str, ...], dict[str, str]]
# What relisted renders: the file's children as the workbook's row XML and its column
# widths, or (for a Parquet merge) as Arrow batches.
Relisted = tuple[list[bytes], list[int], list[bytes], list[Any]]


class Unsettled(Exception):
    """A file of children was written before a teachers list of its school, read later,
    was found (one that says its school, or a school whose files lie in folders apart),
    or before the file its folder's school is named by (``renamed``: named_schools): the
    merge is to be written again, each file's ``jobs`` (relist) and school known
    beforehand."""

    def __init__(
        self, jobs: dict[str, Relist | None], renamed: dict[str, str] | None = None
    ) -> None:
        super().__init__("relist")
        self.jobs = jobs
        self.renamed = renamed or {}


def relist_job(
    part: SchoolPart,
    lists: dict[str, list[tuple[str, str]]],
    books: dict[Path, tuple[Path, ...]],
) -> Relist | None:
    """What ``part``'s children are read again with (relisted): its folder's pairs
    workbooks and its schools' teachers lists kept in files of their own (``lists``: each
    school's, each list's file and school); None for a file that needs none of them."""
    if part.alone or part.error or part.pairs_book or part.listless:
        return None
    if not part.children_schools & lists.keys():
        return None
    theirs = {f: school for s in sorted(part.children_schools) for f, school in lists.get(s, [])}
    named = {file: school for file, school in theirs.items() if school}
    named.update(part.pieces_named)
    if part.school:
        named[part.file] = part.school
    folder = books.get(Path(part.file).parent, ())
    return (part.file, tuple(map(str, folder)), tuple(theirs), named)


def lists_by_school(
    parts: Iterable[SchoolPart], placed: Callable[[SchoolPart], str]
) -> dict[str, list[tuple[str, str]]]:
    """Each school's teachers lists kept in files of their own that name the children each
    teacher supports: each list's file and school (``placed``: the file's, place_alone's
    or as far as the files read so far tell), under the schools its rows are of."""
    out: dict[str, list[tuple[str, str]]] = {}
    for part in parts:
        if not part.lists_children or part.error:
            continue
        school = placed(part)
        rows = part.list_schools | ({school} if part.list_blank and school else set())
        for name in sorted(rows):
            out.setdefault(name, []).append((part.file, school))
    return out


def relisted(
    job: Relist,
    synonyms: dict[str, list[str]] | None,
    parquet: bool,
    names: dict[str, str],
    written: dict[str, str] | None,
    runs: RunFolders,
) -> Relisted:
    """The children of a file of ``job`` (relist_job) rendered as ``_render`` renders them,
    read with its folder's pairs workbooks and its schools' teachers lists of their own,
    as every command over the folder reads them: each pair as ``support_teachers`` names
    it; ``written`` and ``runs`` as read_part's."""
    file, books, lists, named = job
    paths = [Path(file), *map(Path, books), *map(Path, lists)]
    roster = read_roster(paths, synonyms, children_elsewhere=True, named=named, runs=runs)
    part = SchoolPart(file)
    mine = [x for x in roster.children if x.file == file]
    schools = schools_of(roster, names)
    schools.written = written or {}
    _render(part, mine, schools, parquet, paired=bool(books))
    if parquet:  # its sheets' layouts, the 帮扶教师 column the lists fill said (export.layout)
        from lbc.reports.export import pieces

        part.layouts = pieces(mine, schools)
    return (
        part.xml.get(Kind.CHILDREN, []),
        part.widths.get(Kind.CHILDREN, []),
        part.arrow.get(Kind.CHILDREN, []),
        part.layouts,
    )


def _relisted_into(part: SchoolPart, done: Relisted) -> None:
    xml, widths, arrow, layouts = done
    if layouts:  # its children sheets' layouts as read with its lists, in place of alone
        from lbc.roster.parquet import source_key

        alone = source_key(Kind.CHILDREN, part.file, "")
        part.layouts = [x for x in part.layouts if not x[0].startswith(alone)] + layouts
    if arrow:
        part.arrow[Kind.CHILDREN] = arrow
    else:
        part.xml[Kind.CHILDREN], part.widths[Kind.CHILDREN] = xml, widths


class _Settling:
    """Whether a file of children read is settled: no file still to be read could be a
    teachers list kept in a file of its own that place_alone places with one of its
    schools. Such a list is of the one school of the children at or below its folder, else
    of the nearest folder above it that holds any (schools_beside). So the file is settled
    once its own folder is read whole (its subfolders too: a grade's folder is its
    school's) or known to hold children of two schools (a list there is of no one school),
    and so is each folder above it, or else has every file of its own read and none of
    them such a list (a list in the run's root folder). A county's schools in folders of
    their own (县/青山小学/花名册.xlsx) are each settled as soon as read, a school's list
    beside its roster read with it; in one folder, the first file once a second school's
    is read.

    A list that says its school (a 学校 column, an lbc.toml), one in a folder beside its
    school's (县/教师/ holding one school's list), or a school whose files lie in folders
    apart, may still name the children of a file settled and written: the merge is then
    written again (``Unsettled``), its lists known. ``known``: that second time, each
    file's relist_job, and every file settled as read."""

    def __init__(
        self, files: list[Path], known: dict[str, Relist | None] | None, runs: RunFolders
    ) -> None:
        self.known = known
        self.runs = runs  # the folder the run found each file in
        self.names = file_names([str(f) for f in files], runs)  # as place_alone names them
        self.total: Counter[Path] = Counter(up for f in files for up in _folders(Path(f)))
        self.here: Counter[Path] = Counter(Path(f).parent for f in files)
        self.read: Counter[Path] = Counter()
        self.read_here: Counter[Path] = Counter()
        self.listed_here: set[Path] = set()  # folders holding a list that says no school
        self.below: dict[Path, set[str]] = {}  # each folder's children's schools so far
        self.by_folder: dict[Path, set[str]] = {}
        self.unread: set[Path] = set()
        self.lists: list[SchoolPart] = []  # the lists of children read so far
        self.decided: dict[str, Relist | None] = {}

    def add(self, part: SchoolPart) -> None:
        path = Path(part.file)
        for up in _folders(path):
            self.read[up] += 1
            if part.sheet_schools:
                self.below.setdefault(up, set()).update(part.sheet_schools)
        for folder, schools in part.folder_schools.items():
            self.by_folder.setdefault(folder, set()).update(schools)
        if part.error:
            self.unread.add(path.parent)
        self.read_here[path.parent] += 1
        if part.lists_children:
            self.lists.append(part)
            if not part.school:
                self.listed_here.add(path.parent)

    def settled(self, part: SchoolPart) -> bool:
        if self.known is not None or not part.children_schools or part.alone:
            return True
        folder = Path(part.file).parent
        if not self._whole(folder):
            return False
        return all(
            self._whole(up) or (self.read_here[up] >= self.here[up] and up not in self.listed_here)
            for up in folder.parents
        )

    def _whole(self, folder: Path) -> bool:
        """Whether a list in ``folder`` or below it can be of no other school than the
        files read so far there tell: all are read, or they hold two schools."""
        return self.read[folder] >= self.total[folder] or len(self.below.get(folder, ())) > 1

    def decide(self, part: SchoolPart, books: dict[Path, tuple[Path, ...]]) -> Relist | None:
        """``part``'s relist_job as the files read so far tell it, remembered to be
        checked once every file is read (``wrong``)."""
        if self.known is not None:
            job = self.known.get(part.file)
        elif not self.lists or not part.children_schools:
            job = None
        else:
            # Each list's school as place_alone would give it of the files read so far.
            alone = [p.file for p in self.lists if not p.school]
            beside = schools_beside(alone, self.by_folder, self.unread, self.names) if alone else {}
            placed = lambda p: p.school or beside[p.file][0]  # noqa: E731
            job = relist_job(part, lists_by_school(self.lists, placed), books)
        self.decided[part.file] = job
        return job

    def wrong(self, jobs: dict[str, Relist | None]) -> str:
        """The first file written otherwise than its relist_job now that every file is
        read (``jobs``), else ""."""
        return next((f for f, job in self.decided.items() if jobs.get(f) != job), "")


def _folders(path: Path) -> tuple[Path, ...]:
    return (path.parent, *path.parent.parents)


class _Held:
    """The files read but not yet settled (_Settling), in the run's order, each with its
    children's rows taken out of it meanwhile: in memory while few, else in an unnamed
    temporary file beside the merged file (``folder``). Nothing is made while nothing is
    held."""

    MEMORY = 32 << 20

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.parts: deque[tuple[SchoolPart, bool, int, list[int]]] = deque()
        self.spool: Any = None

    def __bool__(self) -> bool:
        return bool(self.parts)

    @property
    def head(self) -> SchoolPart:
        return self.parts[0][0]

    def put(self, part: SchoolPart) -> None:
        if self.spool is None:
            self.spool = tempfile.SpooledTemporaryFile(self.MEMORY, dir=self.folder)  # noqa: SIM115 - closed by close()
        arrow = Kind.CHILDREN in part.arrow
        blocks = part.arrow.pop(Kind.CHILDREN) if arrow else part.xml.pop(Kind.CHILDREN, [])
        self.spool.seek(0, os.SEEK_END)
        at = self.spool.tell()
        for block in blocks:
            self.spool.write(block)
        self.parts.append((part, arrow, at, [len(b) for b in blocks]))

    def take(self, keep: bool = True) -> SchoolPart:
        """The first file held, with its rows again (``keep``: else they are dropped,
        rendered anew)."""
        part, arrow, at, sizes = self.parts.popleft()
        if keep:
            self.spool.seek(at)
            blocks = [self.spool.read(n) for n in sizes]
            (part.arrow if arrow else part.xml)[Kind.CHILDREN] = blocks
        if not self.parts:
            self.spool.seek(0)
            self.spool.truncate()
        return part

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()


# A school's files of children to check together for rows copied across them
# (copies_across_files): the files, each with the school it was merged as, and the name
# each merged roster's school among them told from a namesake goes by (pieces_named).
Copies = tuple[dict[str, str], dict[str, str]]
# What copies_again finds: each file's DUP002 findings of rows copied across its sheets
# as it found them alone, and as found with the others, each with its row's school; and
# how many more rows on the books copy a child counted already.
CopiesFound = tuple[dict[str, list[tuple[str, Finding]]], dict[str, list[tuple[str, Finding]]], int]


def copies_across_files(
    parts: list[SchoolPart], again: Callable[[list[Copies]], list[CopiesFound]]
) -> None:
    """A child's row copied into another file of its school, one row or both without an
    ID number, is one child, as lbc summary counts it over the folder: each file was read
    alone, so the files holding one school's children, where any has a row without an ID
    number, are read together ``again`` (copies_again, in the workers: seldom, as most
    schools send one file and fill every ID number). Their rows are all merged as the
    schools wrote them (a copy may say more than the row it copies; read back, the merged
    roster's rows of one 学校 are copies again); the copies are counted once in the
    children on the books (``copies_elsewhere``) and said as lbc validate says them over
    the folder (DUP002, naming the other file's row)."""
    holding = [p for p in merged(parts) if p.children_schools and not p.alone]
    # Files sharing a school, joined: a township's file joins each of its schools' files.
    group: dict[str, int] = {}
    together: list[list[SchoolPart]] = []
    for part in holding:
        joined = {group[s] for s in part.children_schools if s in group}
        mine = [part, *(p for k in sorted(joined) for p in together[k])]
        for k in joined:
            together[k] = []
        together.append(mine)
        for p in mine:
            for school in p.children_schools:
                group[school] = len(together) - 1
    work = [
        (
            {p.file: p.school for p in sorted(parts_, key=holding.index)},
            {f: name for p in parts_ for f, name in p.pieces_named.items()},
        )
        for parts_ in together
        if len(parts_) > 1 and any(p.blank for p in parts_)
    ]
    if not work:
        return
    by_file = {p.file: p for p in holding}
    for (files, _), (alone, found, extra) in zip(work, again(work), strict=True):
        first = by_file[next(iter(files))]
        first.copies_elsewhere += extra
        for file in files:
            part = by_file[file]
            dropped = [f for _, f in alone.get(file, [])]
            part.findings = [f for f in part.findings if f not in dropped]
            part.findings += [f for _, f in found.get(file, [])]
            steps = [(s, f, -1) for s, f in alone.get(file, [])]
            steps += [(s, f, 1) for s, f in found.get(file, [])]
            for school, f, step in steps:
                counts = part.tally.setdefault(school, [0] * len(TALLIED))
                counts[TALLIED.index("errors" if f.severity == "error" else "warnings")] += step


def copies_again(
    job: Copies, synonyms: dict[str, list[str]] | None, runs: RunFolders
) -> CopiesFound:
    """The DUP002 findings of rows copied across a school's files (``job``) and the rows
    on the books copying a child of another of them (copies_across_files), each file's run
    folder as the run found it (``runs``). Runs in a worker."""
    from lbc.checks.engine import check_copies

    files, told = job
    named = {**told, **files}
    roster = read_roster([Path(f) for f in files], synonyms, carry_on=True, named=named, runs=runs)
    schools = schools_of(roster)

    def placed(found: list[Finding]) -> dict[str, list[tuple[str, Finding]]]:
        out: dict[str, list[tuple[str, Finding]]] = {}
        for f in found:
            out.setdefault(f.file, []).append((schools.at(f.file, f.sheet, f.row), f))
        return out

    each = {file: [x for x in roster.children if x.file == file] for file in files}
    alone = placed([f for tables in each.values() for f in check_copies(tables, {}, {})])
    own = roster.copy_schools()
    found = placed(check_copies(roster.children, roster.file_schools(), own))
    extra = _copies_on_books(roster.children, own)
    extra -= sum(_copies_on_books(tables) for tables in each.values())
    return alone, found, extra


def read_parts(
    files: list[Path],
    synonyms: dict[str, list[str]] | None = None,
    progress: Callable[[int], None] | None = None,
    parquet: bool = False,
    terms: Terms | None = None,
    folder: Path | None = None,
    known: dict[str, Relist | None] | None = None,
    renamed: dict[str, str] | None = None,
    written: dict[str, str] | None = None,
    runs: RunFolders | None = None,
) -> Iterator[SchoolPart]:
    """Every file's part, in the order given, each as soon as it and those before it are
    done and it is settled (_Settling); several files at once when there are several CPUs.
    The pairs workbooks are found first, each to be joined onto the rosters of its folder
    (one school's folder). ``folder``: where files not yet settled may wait (_Held);
    ``known``: each file's relist_job, when the merge is written again (Unsettled), and
    ``renamed`` the school of each file read as of another at first; ``written``: the
    来源文件 each file's rows are written by, where not its path (written_names); ``runs``:
    the folder the run found each file in (spreadsheet_files), by which schools are named."""
    renamed, written, runs = renamed or {}, written or {}, runs or {}
    workers = min(os.cpu_count() or 1, len(files))
    names = file_names([str(p) for p in files], runs)
    if workers <= 1:
        isolated, reading.ISOLATE_READS = reading.ISOLATE_READS, True
        try:
            books = _books_by_folder(files, [is_pairs_book(p, synonyms) for p in files])
            run = _PartsRead(synonyms, parquet, books, names, terms, written, runs)
            each = (read_part(*run.args(p, renamed.get(str(p), ""))) for p in files)
            told = _told_apart(each, run, progress)

            def lists(work: list[Relist]) -> list[Relisted]:
                return [relisted(job, synonyms, parquet, names, written, runs) for job in work]

            def now(job: Relist) -> Future[Relisted]:
                done: Future[Relisted] = Future()
                done.set_result(relisted(job, synonyms, parquet, names, written, runs))
                return done

            yield from _placed_last(
                told,
                parquet,
                lambda work: [records_again(job, synonyms, terms, runs) for job in work],
                lambda work: [copies_again(job, synonyms, runs) for job in work],
                now,
                lists,
                _Settling(files, known, runs),
                books,
                folder,
                lambda job: records_by_child(job, synonyms, runs, terms),
            )
        finally:
            reading.ISOLATE_READS = isolated
        return
    import multiprocessing  # merge's path alone
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context()  # the pool's, as it would take it itself
    underway = context.RawArray("q", len(files))  # each file's reading worker's pid as it reads
    stopped = context.RawArray("q", 1)  # the pid of the first worker SIGTERM ended (_note_stopped)
    with (
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), current_lang(), underway, stopped),
        ) as pool,
        _named_if_killed(pool, files, underway, stopped),
    ):
        # The workers are forked (where they are) as the first work is handed out: Ctrl-C
        # held off meanwhile (lbc.roster.forking), each worker letting it in as it starts.
        forks = context.get_start_method() == "fork"
        with forking.held() if forks else contextlib.nullcontext():
            found = pool.map(is_pairs_book, files, itertools.repeat(synonyms))
        books = _books_by_folder(files, list(found))
        run = _PartsRead(synonyms, parquet, books, names, terms, written, runs)
        reads = _Reads(
            pool,
            [
                (_read_tracked, i, *run.args(path, renamed.get(str(path), "")))
                for i, path in enumerate(files)
            ],
        )
        told = _told_apart(iter(reads), run, progress)
        yield from _placed_last(
            told,
            parquet,
            lambda work: list(
                pool.map(
                    records_again,
                    work,
                    itertools.repeat(synonyms),
                    itertools.repeat(terms),
                    itertools.repeat(runs),
                )
            ),
            lambda work: list(
                pool.map(copies_again, work, itertools.repeat(synonyms), itertools.repeat(runs))
            ),
            # While files are read: in the workers too, each file's after the few reads
            # under way, not behind every read still queued (_Reads.first).
            lambda job: reads.first(relisted, job, synonyms, parquet, names, written, runs),
            lambda work: list(
                pool.map(
                    relisted,
                    work,
                    itertools.repeat(synonyms),
                    itertools.repeat(parquet),
                    itertools.repeat(names),
                    itertools.repeat(written),
                    itertools.repeat(runs),
                )
            ),
            _Settling(files, known, runs),
            books,
            folder,
            # Read here: one file of the whole county's children, seldom (a county's own
            # records file), and only once every school's file is read.
            lambda job: records_by_child(job, synonyms, runs, terms),
        )


def _placed_last(
    parts: Iterator[SchoolPart],
    parquet: bool,
    again: Callable[[list[Again]], list[Found]],
    copies: Callable[[list[Copies]], list[CopiesFound]],
    now: Callable[[Relist], Future[Relisted]],
    last: Callable[[list[Relist]], list[Relisted]],
    settling: _Settling,
    books: dict[Path, tuple[Path, ...]],
    folder: Path | None,
    by_child: Callable[[ByChild], Placed],
) -> Iterator[SchoolPart]:
    """``parts``, each once settled (_Settling: the files after one not yet settled wait
    behind it, _Held), its children read again with its schools' teachers lists kept in
    files of their own if it has any (relist: ``now``, while files are read, in a worker,
    the files after it waiting behind it, no more than AHEAD a CPU; ``last`` once all
    are); and once every one is read, the files of teachers or records alone placed with
    their schools (place_alone), the files still unsettled written, and a school's files
    of children checked together for rows copied across them (copies_across_files);
    ``again``, ``copies`` and ``last``: records_again, copies_again and relisted over a
    list of jobs, ``now`` relisted over one."""
    every: list[SchoolPart] = []
    held = _Held(folder)
    # Settled, in the run's order, each with its relist under way if it has one.
    out: deque[tuple[SchoolPart, Future[Relisted] | None]] = deque()

    def settle(part: SchoolPart, job: Relist | None) -> None:
        if job:  # its rows are rendered anew: not held meanwhile
            part.xml.pop(Kind.CHILDREN, None)
            part.arrow.pop(Kind.CHILDREN, None)
        out.append((part, now(job) if job else None))

    def ready(ahead: int) -> Iterator[SchoolPart]:
        """The settled files whose relist is done, in order; waiting for the first while
        more than ``ahead`` are settled."""
        while out and (len(out) > ahead or out[0][1] is None or out[0][1].done()):
            part, pending = out.popleft()
            if pending is not None:
                _relisted_into(part, pending.result())
            yield part

    try:
        for part in parts:
            every.append(part)
            settling.add(part)
            if not held and settling.settled(part):
                settle(part, settling.decide(part, books))
            else:
                held.put(part)
                while held and settling.settled(held.head):
                    job = settling.decide(held.head, books)
                    settle(held.take(keep=job is None), job)
            yield from ready(AHEAD * (os.cpu_count() or 1))
        yield from ready(0)
        _titled_as_the_run(every)
        renamed = _renamed(every, settling.runs) if settling.known is None else {}
        place_alone(every, parquet, again, by_child, settling.runs)
        lists = lists_by_school(every, lambda p: p.school)
        jobs = {p.file: relist_job(p, lists, books) for p in every}
        if wrong := settling.wrong(jobs):
            if settling.known is not None:  # already the second time: the files changed
                raise LbcError(t("err.merge_relist", file=wrong))
            raise Unsettled(jobs, renamed)
        if renamed:
            raise Unsettled(jobs, renamed)
        rest = []
        while held:
            rest.append(held.take(keep=jobs[held.head.file] is None))
        work = [job for p in rest if (job := jobs[p.file])]
        done = iter(last(work))
        for part in rest:
            if jobs[part.file]:
                _relisted_into(part, next(done))
            yield part
    finally:
        held.close()
        for _, pending in out:  # a merge stopped midway: no relist left to wait for
            if pending is not None:
                pending.cancel()
    copies_across_files(every, copies)


def _titled_as_the_run(parts: list[SchoolPart]) -> None:
    """A file of teachers or records alone titled with a school no file of children
    declares (青山镇小学's record sheet in 青山镇中心小学's folder), where every file of
    children is of one school, is of that school, as every command reads it
    (titled_as_the_run), now that every file is read: else its records would be merged
    under a school of no child. Its rows are not yet written (place_alone)."""
    titled = {Path(p.file): p for p in parts if p.titled and p.pending is not None}
    told = [(p.file, p.told) for p in parts if p.told]
    lists = {p.file: p.staff for p in parts if p.staff}
    by_name = [(p.file, told_or_named(p.told, p.school)) for p in parts if p.told]
    found = titled_as_the_run({path: p.titled for path, p in titled.items()}, by_name, lists)
    for path, part in titled.items():
        assert part.titled is not None
        name = part.titled[0]
        if path not in found and part.list_titled and not apart(path, name, told):
            # Its title no school's name to go by (schools.apart): a file that says none.
            assert part.pending is not None
            part.school = part.declared = part.pending[1].by_file[part.file] = ""
            if name in part.list_schools:
                part.list_schools.discard(name)
                part.list_blank = True
    for path, (name, school) in found.items():
        part = titled[path]
        assert part.pending is not None
        part.school = part.declared = part.pending[1].by_file[part.file] = school
        part.titled_as = (name, school)
        # A teachers list's rows, none saying its school, are the file's.
        part.list_schools = {school if s == name else s for s in part.list_schools}


def _renamed(parts: list[SchoolPart], runs: RunFolders) -> dict[str, str]:
    """The files of children that declare no school whose school, now that every file is
    read, is another than the one they were read as (by their names: ``file_names``):
    县/qs/五年级.xlsx beside 县/qs/三年级.xlsx titled 青山小学 is 青山小学 (named_schools, as
    every command names it), with that school; each is then marked as of it, to be read
    as of it when the merge is written again. ``runs``: the folder the run found each
    file in."""
    files, declared, holding, read = _naming(parts)
    named = named_schools(files, declared, file_names(files, runs), read, runs=runs)
    out = {}
    for part in parts:
        school = named[part.file]
        if part.file in holding and not part.declared and school != part.school:
            out[part.file] = school
            for schools in (part.children_schools, *part.folder_schools.values()):
                if part.school in schools:
                    schools.discard(part.school)
                    schools.add(school)
            part.school = school
    return out


def parts_apart(parts: list[SchoolPart], runs: RunFolders) -> list[tuple[str, list[str], str]]:
    """The files named by a part of a school's roster merged apart from the school or
    schools beside them (parts_kept_apart), as every command keeps them, for a note saying so;
    ``runs``: the folder the run found each file in."""
    files, declared, _, read = _naming(parts)
    return parts_kept_apart(files, declared, file_names(files, runs), read, runs=runs)


def pooled(parts: list[SchoolPart], runs: RunFolders) -> list[tuple[str, list[str]]]:
    """The files of children merged under the name of their county's, township's or
    district's folder (pooled_in_areas), as every command counts them, for a note saying
    so; ``runs``: the folder the run found each file in."""
    files, declared, holding, _ = _naming(parts)
    # Those whose children no 学校 cell places all (a township's file naming its schools).
    unplaced = {p.file for p in parts if p.file in holding and p.school in p.children_schools}
    return pooled_in_areas(files, declared, file_names(files, runs), unplaced, runs)


def generic(parts: list[SchoolPart], runs: RunFolders) -> list[tuple[str, list[str]]]:
    """The files of children of a county's folder merged as one school by a name every
    township's school goes by (generic_pooled), as every command counts them, for a note
    saying so; ``runs``: the folder the run found each file in."""
    files, declared, holding, read = _naming(parts)
    return generic_pooled(files, declared, holding, file_names(files, runs), read, runs=runs)


def _naming(
    parts: list[SchoolPart],
) -> tuple[list[str], dict[str, str], set[str], set[str]]:
    """The files merged, the school each declares, those holding children, and those that
    name their folder's school (Roster.naming), by which ``named_schools`` names them."""
    files = [part.file for part in parts]
    holding = {part.file for part in parts if part.sheet_schools and not part.alone}
    declared = {part.file: part.declared for part in parts}
    return files, declared, holding, holding | {f for f, school in declared.items() if school}


# How many files settled may wait behind one whose relist is under way (_placed_last), and
# how many reads are queued ahead of the file taken once files are relisted (_Reads), a CPU.
AHEAD = 2


class _Reads:
    """The files' reads (``calls``: each a function and its arguments) in a pool's
    workers, each file's part taken in the run's order. All are queued at once, so the
    workers never wait for the writer. Once a file is to be read again with its schools'
    teachers lists (``first``), the reads not yet begun are taken back and queued again a
    few at a time (AHEAD a CPU ahead of the file taken), so that each such read waits for no
    more than the reads under way: else it would wait behind every read, while the parts
    read (each a school's rows, rendered) piled up in this process."""

    def __init__(self, pool: ProcessPoolExecutor, calls: list[tuple[Any, ...]]) -> None:
        self.pool, self.calls = pool, calls
        self.futures: list[Future[SchoolPart] | None] = [pool.submit(*c) for c in calls]
        self.taken = 0
        self.window: int | None = None

    def __iter__(self) -> Iterator[SchoolPart]:
        for i in range(len(self.calls)):
            self.taken = i
            if self.window is not None:
                for j in range(i, min(i + self.window, len(self.calls))):
                    if self.futures[j] is None:
                        self.futures[j] = self.pool.submit(*self.calls[j])
            future = self.futures[i]
            assert future is not None
            self.futures[i] = None  # its part is the caller's now
            yield future.result()

    def first(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """``fn(*args)`` in a worker, behind the reads under way only."""
        if self.window is None:
            self.window = AHEAD * (os.cpu_count() or 1)
            for j in range(self.taken + 1, len(self.calls)):
                future = self.futures[j]
                if future is not None and future.cancel():
                    self.futures[j] = None
        return self.pool.submit(fn, *args)


@dataclass(frozen=True)
class _PartsRead:
    """What a run reads each file's part with (read_part, read_parts): the synonyms, whether
    the merge is to Parquet, the pairs workbooks of each folder (``books``), the run's
    files' own names (file_names), its term dates and the 来源文件 its files' rows are
    written by (``written``: written_names); built once, so that a file read
    again as a namesake's (_told_apart) is read as it was at first."""

    synonyms: dict[str, list[str]] | None
    parquet: bool
    books: dict[Path, tuple[Path, ...]]
    names: dict[str, str]
    terms: Terms | None
    written: dict[str, str]
    runs: RunFolders  # the folder the run found each file in

    def args(self, path: Path, named: str, pieces: dict[str, str] | None = None) -> tuple[Any, ...]:
        """read_part's arguments for ``path``, read as of the school ``named`` ("": as
        its file declares), a merged roster's schools as ``pieces`` names them."""
        books = self.books.get(path.parent, ())
        given = (self.synonyms, self.parquet, books, self.names, named, self.terms, pieces)
        runs = {f: r for p in (path, *books) if (r := self.runs.get(f := os.path.abspath(p)))}
        return (path, *given, self.written, runs)


def _told_apart(
    parts: Iterator[SchoolPart],
    run: _PartsRead,
    progress: Callable[[int], None] | None,
) -> Iterator[SchoolPart]:
    """``parts``, each told from a namesake school of another folder as every command
    tells them (Namesakes), in the run's order: a file of the second 中心小学 is read again
    under the name it goes by (in this process: it is seldom), before its children are
    written. Files
    of records or teachers alone are placed last, once every school's folder is known:
    their rows are written after all the children."""
    apart = Namesakes(run.runs)
    alone: list[SchoolPart] = []

    def read_as(part: SchoolPart, name: str, pieces: dict[str, str] | None = None) -> SchoolPart:
        path = Path(part.file)
        told = read_part(*run.args(path, name, pieces))
        told.declares, told.pieces = part.declares, part.pieces
        return told

    for part in parts:
        if part.declares is not None and part.alone:
            alone.append(part)
        elif part.declares is not None:
            told = apart.place(part.file, *part.declares)
            if told.name != part.declares[0]:
                part = read_as(part, told.name)
            if told.first:
                part.namesakes.append(told)
        elif part.pieces:  # a merged roster: each of its schools, by its own file
            tolds = [
                (p, apart.place(p.source, p.name, p.column, p.titled, p.children))
                for p in part.pieces
            ]
            renamed = {p.source: told.name for p, told in tolds if told.name != p.name}
            if renamed:
                part = read_as(part, "", renamed)
            part.namesakes += [told for _, told in tolds if told.first]
        yield part
        if progress:
            progress(1)
    for part in alone:
        assert part.declares is not None
        told = apart.place(part.file, *part.declares, children=False)
        if told.name != part.declares[0]:
            vars(part).update(vars(read_as(part, told.name)))


def _books_by_folder(files: list[Path], books: list[bool]) -> dict[Path, tuple[Path, ...]]:
    folders: dict[Path, tuple[Path, ...]] = {}
    for path, book in zip(files, books, strict=True):
        if book:
            folders[path.parent] = (*folders.get(path.parent, ()), path)
    return folders


def _start_worker(parent: int, lang: str, underway: Any, stopped: Any) -> None:
    """Each worker reads each file in a child of its own, so that a file which kills the
    reader costs only its school, forked by a small host of its own begun here, while the
    worker holds no school's rows (reading.each_read_in_a_child), and speaks the run's
    language (``lang``: a worker started by spawn, as on Windows, inherits no --lang). It
    ends with its parent (killed mid-merge: lbc.roster.parent_death), instead of reading
    on for nobody or waiting for ever on a queue nobody writes, holding the caller's pipes
    open. ``underway``: where it marks the file it reads (_read_tracked); ``stopped``:
    where it says SIGTERM ended it, if it was the first (_note_stopped). Ctrl-C is the
    command's to take, and the workers end with the command: a worker that took it too
    printed a traceback (multiprocessing's between two files, "Exception in initializer"
    here). So it is ignored from here on, one held off since the fork too (forking)."""
    parent_death.end_with_parent(parent)
    forking.let_in(signal.SIG_IGN)
    set_lang(lang)
    _underway[0] = underway
    reading.each_read_in_a_child()
    _stopped[:] = [stopped, os.getpid()]
    signal.signal(signal.SIGTERM, _note_stopped)  # after the host's fork: the worker's own


# In a merge worker: each of the run's files' reading worker's pid while it reads it, else 0.
_underway: list[Any] = [None]
# In a merge worker: where the first worker ended by SIGTERM puts its pid, and its own pid.
_stopped: list[Any] = [None, 0]


def _note_stopped(signum: int, frame: object) -> None:
    """A merge worker's SIGTERM: noted if no worker was ended so before it, then it leaves
    as lbc's own handler has a worker leave (lbc.cli._terminated). concurrent.futures
    ends the other workers by SIGTERM only once one has died, so the first one SIGTERM
    ended is the one ended from outside (_killed); a process the worker forked leaves
    unnoted."""
    stopped, worker = _stopped
    if os.getpid() == worker and stopped[0] == 0:
        stopped[0] = worker
    os._exit(128 + signum)


def _read_tracked(i: int, *args: Any) -> SchoolPart:
    """read_part of the run's file ``i``, in a worker, marked under way by the worker's pid
    meanwhile: should the worker be killed, the merge names that file (_killed)."""
    underway = _underway[0]
    underway[i] = os.getpid()
    try:
        return read_part(*args)
    finally:
        underway[i] = 0


@contextlib.contextmanager
def _named_if_killed(
    pool: ProcessPoolExecutor, files: list[Path], underway: Any, stopped: Any
) -> Iterator[None]:
    """A pool broken by a worker killed from outside (BrokenProcessPool) as _killed's error,
    once every worker has ended and been reaped."""
    from concurrent.futures.process import BrokenProcessPool

    # Kept for their exit codes: concurrent.futures says which process ended a pool on no
    # public attribute.
    processes = pool._processes
    try:
        yield
    except BrokenProcessPool:
        pool.shutdown()
        raise _killed(files, underway, stopped[0], processes.values()) from None


# How a worker the pool stops itself ends: killed by SIGTERM, or left by lbc's handler of it
# (_note_stopped, lbc.cli._terminated).
_STOPPED = (-signal.SIGTERM, 128 + signal.SIGTERM)

# What the merge's line says of a worker ended, by how it ended (the file it was reading,
# the worker alone): SIGKILL is what the system's out-of-memory killer sends, SIGTERM is
# someone or some program stopping it, anything else an unexpected end. Windows has no
# SIGKILL (a worker ended there is said by its exit code): asked for, the name would stop
# every command that imports this module.
_KILLED_SAYS = {-signal.SIGTERM: ("err.merge_reader_stopped", "err.merge_worker_stopped")}
if hasattr(signal, "SIGKILL"):
    _KILLED_SAYS[-signal.SIGKILL] = ("err.merge_reader_killed", "err.merge_worker_killed")
_ENDED_SAYS = ("err.merge_reader_ended", "err.merge_worker_ended")


def _killed(files: list[Path], underway: Any, stopped: int, processes: Iterable[Any]) -> LbcError:
    """The error for a merge whose worker was killed from outside (the system's
    out-of-memory killer, ``kill -9``, ``kill``). concurrent.futures then stops every
    other worker (SIGTERM) and fails every read not yet taken, so the merge stops, writing
    nothing: a merged roster missing schools for no fault of their files would pass for
    the county's. Named: the file the killed worker was reading (``underway``), if it was
    reading one. A worker ended by SIGTERM from outside ends as those the pool stops do,
    and is told from them as the first SIGTERM ended (``stopped``, its pid)."""
    from lbc.roster.supervised import how_ended

    processes = list(processes)
    killed = next((p for p in processes if p.exitcode not in (0, *_STOPPED)), None)
    exitcode = -signal.SIGTERM if killed is None else killed.exitcode
    pid = stopped if killed is None else killed.pid
    reader, worker = _KILLED_SAYS.get(exitcode, _ENDED_SAYS)
    how = how_ended(exitcode)
    read = [files[i] for i, reading_pid in enumerate(underway) if pid and reading_pid == pid]
    if not read:
        return LbcError(t(worker, how=how))
    return LbcError(t(reader, path=read[0], how=how))


@dataclass
class Duplicate:
    id_number: str
    places: list[tuple[str, str, str, int]]  # (school, file, sheet, row)
    rule: Rule  # DUP003, or DUP001 when every place is of one school


def pairs_alone(parts: list[SchoolPart]) -> list[str]:
    """The pairs workbooks with no roster read beside them in their folder: not used."""
    folders = {Path(p.file).parent for p in parts if not (p.pairs_book or p.error or p.alone)}
    return [p.file for p in parts if p.pairs_book and Path(p.file).parent not in folders]


def duplicates_across_files(parts: list[SchoolPart]) -> list[Duplicate]:
    """ID numbers on the books in more than one file, which no file's own checks see: of
    several schools (DUP003; each row's school its own, a township's file holding several),
    or of one school's several files (DUP001: a roster sent twice, as .xlsx and as .csv).
    A child 转出 or 毕业 where she was is where she should be, and two rows of one file are
    its own findings."""
    seen: dict[str, list[tuple[str, str, str, int]]] = {}
    for part in parts:
        for ident, school, sheet, row in part.ids:
            seen.setdefault(ident, []).append((school, part.file, sheet, row))
    return [
        Duplicate(ident, places, R.DUP003 if len({p[0] for p in places}) > 1 else R.DUP001)
        for ident, places in seen.items()
        if len({p[1] for p in places}) > 1
    ]


def merged_sheets(
    parts: Iterable[SchoolPart], seen: list[SchoolPart], files: Iterable[Path] = ()
) -> Iterator[Sheet]:
    """The merged workbook's sheets. The children's rows are written while later schools
    are still being read (each school's block dropped once written), in columns as wide as
    the first school's rows need (来源文件 as wide as any of ``files``, known beforehand);
    teachers and records, far fewer, follow from ``seen``, which ends up holding every part
    read, in columns as wide as any school's need. A table past Excel's row limit goes on
    in numbered sheets (留守儿童花名册1, 留守儿童花名册2 …)."""
    from lbc.output.sheet_style import column_widths, widest_of

    parts = iter(parts)
    first = next(parts, None)
    ahead = [] if first is None else [first]

    def children() -> Iterator[bytes]:
        for part in itertools.chain(ahead, parts):
            seen.append(part)
            yield from part.xml.pop(Kind.CHILDREN, [])

    top = header(Kind.CHILDREN)
    widths = (first.widths if first else {}).get(Kind.CHILDREN) or column_widths(top, [])
    widths = widest_of([widths, column_widths(LEAD, [["", str(f)] for f in files])])
    yield from numbered_sheets(SHEET_TITLES[Kind.CHILDREN], top, widths, children())
    _check_some_read(seen)
    for kind in (Kind.TEACHERS, Kind.RECORDS):
        if any(part.counts.get(kind) for part in seen):
            blocks = (block for part in seen for block in part.xml.get(kind, []))
            widths = widest_of(p.widths[kind] for p in seen if kind in p.widths)
            yield from numbered_sheets(SHEET_TITLES[kind], header(kind), widths, blocks)
    if rows := school_terms(seen):
        yield school_terms_sheet(rows)
    if rows := school_quotas(seen):
        yield school_quotas_sheet(rows)
    if rows := school_watch(seen):
        yield school_watch_sheet(rows)
    yield columns_sheet([row for part in seen for row in part.source_columns])


def school_terms(parts: Iterable[SchoolPart]) -> list[list[Any]]:
    """The rows of a merged roster's SCHOOL_TERMS_SHEET: each school whose lbc.toml sets
    its own term dates, each such term's name (2024年秋季学期), start and end, once each;
    none when no school sets any."""
    return term_rows(
        (school, dates)
        for part in parts
        if not part.error
        for school, dates in [
            *own_schools(part.own_terms, part.children_schools, part.school_if_any()),
            *part.carried_terms.items(),
        ]
    )


def school_quotas(parts: Iterable[SchoolPart]) -> list[list[Any]]:
    """The rows of a merged roster's SCHOOL_QUOTAS_SHEET, as ``school_terms`` of the
    schools' own [quotas]: each school, each quota its lbc.toml sets, and its count."""
    return quota_rows(
        (school, quotas)
        for part in parts
        if not part.error
        for school, quotas in [
            *own_schools(part.own_quotas, part.children_schools, part.school_if_any()),
            *part.carried_quotas.items(),
        ]
    )


def roster_school_quotas(roster: Roster, schools: Schools) -> list[list[Any]]:
    """The rows of SCHOOL_QUOTAS_SHEET for a roster read whole, as roster_school_terms."""
    return quota_rows(_schools_own(roster, schools, roster.quotas, roster.quota_schools))


def quota_rows(entries: Iterable[tuple[str, dict[str, int]]]) -> list[list[Any]]:
    """SCHOOL_QUOTAS_SHEET's rows of each (school, its own quotas): the school, each quota
    as the sheet names it (QUOTA_LABELS, in their order) and its count, the first given of
    a school's quota."""
    rows: dict[tuple[str, str], list[Any]] = {}
    for school, quotas in entries:
        for key, label in QUOTA_LABELS.items():
            if key in quotas:
                rows.setdefault((school, key), [school, label, quotas[key]])
    return list(rows.values())


def school_quotas_sheet(rows: list[list[Any]]) -> Sheet:
    """The SCHOOL_QUOTAS_SHEET of a merged workbook, shown, as school_terms_sheet."""
    from lbc.output.sheet_style import column_widths

    head = SCHOOL_QUOTAS_HEADER
    return SCHOOL_QUOTAS_SHEET, head, column_widths(head, rows), [rows_xml(rows)]


def school_watch(parts: Iterable[SchoolPart]) -> list[list[Any]]:
    """The rows of a merged roster's SCHOOL_WATCH_SHEET, as ``school_quotas`` of the
    schools' own [watch]: each school, each setting its lbc.toml sets, and its value."""
    return watch_rows(
        (school, watch)
        for part in parts
        if not part.error
        for school, watch in [
            *own_schools(part.own_watch, part.children_schools, part.school_if_any()),
            *part.carried_watch.items(),
        ]
    )


def roster_school_watch(roster: Roster, schools: Schools) -> list[list[Any]]:
    """The rows of SCHOOL_WATCH_SHEET for a roster read whole, as roster_school_terms."""
    return watch_rows(_schools_own(roster, schools, roster.watch, roster.watch_schools))


def watch_rows(entries: Iterable[tuple[str, dict[str, object]]]) -> list[list[Any]]:
    """SCHOOL_WATCH_SHEET's rows of each (school, its own [watch]): the school, each setting
    as the sheet names it (WATCH_LABELS, then each weight by its code: WEIGHT_LABEL) and its
    value, the first given of a school's setting."""
    rows: dict[tuple[str, str], list[Any]] = {}
    for school, watch in entries:
        for key, label in WATCH_LABELS.items():
            if key in watch:
                rows.setdefault((school, key), [school, label, watch[key]])
        weights = watch.get("weights")
        for code, weight in sorted(weights.items() if isinstance(weights, dict) else []):
            rows.setdefault((school, code), [school, WEIGHT_LABEL.format(code=code), weight])
    return list(rows.values())


def school_watch_sheet(rows: list[list[Any]]) -> Sheet:
    """The SCHOOL_WATCH_SHEET of a merged workbook, shown, as school_terms_sheet."""
    from lbc.output.sheet_style import column_widths

    head = SCHOOL_WATCH_HEADER
    return SCHOOL_WATCH_SHEET, head, column_widths(head, rows), [rows_xml(rows)]


def roster_school_terms(roster: Roster, schools: Schools) -> list[list[Any]]:
    """The rows of SCHOOL_TERMS_SHEET for a roster read whole (lbc export), as
    ``school_terms`` gives them for its files read one by one (lbc merge): each file's
    school's own term dates, and those a merged roster among them carries."""
    return term_rows(_schools_own(roster, schools, roster.terms, roster.term_schools))


def _schools_own(
    roster: Roster, schools: Schools, own: dict[str, T], carried: dict[str, str]
) -> list[tuple[str, T]]:
    """Each school of a roster read whole with its own term dates, quotas or [watch]
    (``own``: each file's, its lbc.toml's): each file's under each school of its children
    (own_schools), and those a merged roster among them carries (``carried``: the school
    each such file's are of), as lbc merge gives them file by file (school_terms)."""
    entries: list[tuple[str, T]] = []
    for file in roster.files:
        held = {s for x in roster.children if x.file == file for s in schools.count(x)}
        entries += own_schools(own.get(file) or {}, held, schools.by_file.get(file, ""))
    entries += [(school, own[o]) for o, school in carried.items()]
    return entries


def own_schools(own: T, held: set[str], school: str) -> list[tuple[str, T]]:
    """A file's own term dates, quotas or [watch] (``own``, its lbc.toml's) under each
    school of its children (``held``: a township's file holds several), else under its
    school; none without."""
    if not own:
        return []
    return [(name, own) for name in sorted((held or {school}) - {""})]


def term_rows(entries: Iterable[tuple[str, Terms]]) -> list[list[Any]]:
    """SCHOOL_TERMS_SHEET's rows of each (school, its own term dates): the school, each
    term's name (2024年秋季学期), start and end, the first given of a school's term."""
    rows: dict[tuple[str, str], list[Any]] = {}
    for school, dates in entries:
        for key, (start, end) in sorted(dates.items()):
            with language("zh"):  # the merged workbook is a school's file: Chinese
                label = parse_term(key).label
            rows.setdefault((school, key), [school, label, start, end])
    return list(rows.values())


def school_terms_sheet(rows: list[list[Any]]) -> Sheet:
    """The SCHOOL_TERMS_SHEET of a merged workbook, shown: each school's own term dates,
    which every command reading the workbook back dates that school's rows by."""
    from lbc.output.sheet_style import column_widths

    head = SCHOOL_TERMS_HEADER
    return SCHOOL_TERMS_SHEET, head, column_widths(head, rows), [rows_xml(rows)]


def source_columns(tables: Iterable[Table], schools: Schools | None = None) -> list[list[Any]]:
    """The rows of a merged workbook's COLUMNS_SHEET for ``tables``: each source sheet's
    kind, file and sheet, the canonical keys of the columns it had, how many rows, and
    whose. School by school where the sheet is several schools' with columns of their own
    (a merged roster's, read school by school: lbc.roster.merged_books.by_source), each school's;
    a sheet of no row (a school's roster of nobody) its file's school (``schools``), as
    its folder names it; else "" (the whole sheet's). Last, a records sheet that was lbc's
    record sheet says so (RECORD_SHEET_HEADER)."""
    by: dict[tuple[str, str, str], dict[str, tuple[list[str], list[int]]]] = {}
    # Whether each records sheet's tables are all lbc's record sheets: a merged roster's
    # sheet merged again holds a school's own records too, of which none is said.
    laid: dict[tuple[str, str, str], bool] = {}
    # Where a school's own sheet lacked a column its rows' sheet has that is said (lacked_at):
    # said after the school's row (LACKS_HEADER), none where its sheets lacked it apart.
    lacks: dict[tuple[str, str, str, str], tuple[str, str] | None] = {}
    # And each piece that lacked columns at a sheet of its own, and its sheet there, its
    # rows said in runs of the rows written of that sheet (RUNS_HEADER), where its
    # school's pieces there lacked them apart.
    runs: dict[tuple[str, str, str, str], list[tuple[list[Any], Table, str]]] = {}
    # And each sheet's rows whose guardian's set lacked a field, by the field, its missing
    # column's header, where it is said missing and whose, said in runs (UNHELD_HEADER);
    # and every piece written of each sheet, whose rows a run's may not skip.
    unheld: dict[tuple[str, str, str], dict[tuple[str, str, tuple[str, str], str], set[int]]]
    unheld = {}
    written_of: dict[tuple[str, str, str], list[tuple[Table, str]]] = {}
    written = schools.source if schools else str
    for x in tables:
        school, where = piece_school(x), lacked_at(x)
        for sheet in dict.fromkeys(x.row_sheets or [x.sheet]):
            rows = len(x) if x.row_sheets is None else x.row_sheets.count(sheet)
            said = by.setdefault((x.kind.value, x.file, sheet), {})
            if x.kind is Kind.RECORDS:
                mine = record_sheets.is_record_sheet(x)
                laid[(x.kind.value, x.file, sheet)] = (
                    laid.get((x.kind.value, x.file, sheet), mine) and mine
                )
            keys, count = said.setdefault(school, ([], [0]))
            keys += [key for key in x.columns if key not in keys]
            count[0] += rows
            at = (x.kind.value, x.file, sheet, school)
            lacks[at] = where if lacks.get(at, where) == where else None
            if where and rows:
                run = [at[0], written(x.file), at[2], ",".join(x.columns), None, school]
                runs.setdefault(at, []).append(([*run, *where], x, sheet))
            written_of.setdefault(at[:3], []).append((x, sheet))
            # Said missing where the school's own file says it: its sheet, else the one
            # a merged roster's piece carries (merged again).
            lacking = x.unheld_at or (written(x.file), x.sheet)
            for key, rows in x.unheld.items():
                mine = rows.intersection(x.rows_on(sheet))
                if mine:
                    whose = (key, x.lacking_label(key), lacking, school)
                    unheld.setdefault(at[:3], {}).setdefault(whose, set()).update(mine)
    out = []
    for (kind, file, sheet), said in by.items():
        apart = [
            run
            for school in said
            if lacks.get((kind, file, sheet, school)) is None
            for run in runs.get((kind, file, sheet, school), ())
        ]
        held = unheld.get((kind, file, sheet))
        # Every row written of the sheet, by its 来源行, which a run's may not skip.
        every = (
            sorted(r for x, on in written_of[(kind, file, sheet)] for r in x.rows_on(on))
            if apart or held
            else []
        )
        # One row for the sheet where its schools' columns are alike and none lacked a
        # column at a sheet of its own (each says its own), nor did some of a school's
        # rows (``apart``): read back, the sheet's other rows are each school's then, not
        # one piece of several schools', said of its first row's school when merged again.
        lacked = any(lacks.get((kind, file, sheet, s)) for s in said)
        alike = len({frozenset(keys) for keys, _ in said.values()}) == 1
        if alike and (len(said) == 1 or not (lacked or apart)):
            rows = sum(count for _, (count,) in said.values())
            school = schools.by_file.get(file, "") if schools and not rows else ""
            lacks[(kind, file, sheet, school)] = lacks.get((kind, file, sheet, next(iter(said))))
            said = {school: (next(iter(said.values()))[0], [rows])}
        # lbc's record sheet is said in the last column, after those of rows lacking columns.
        marked = [None] * (len(RUNS_HEADER) + len(UNHELD_HEADER)) + ["是"]
        out += [
            [
                kind,
                written(file),
                sheet,
                ",".join(keys),
                n,
                school,
                *(
                    [*(where or [None] * len(LACKS_HEADER)), *marked]
                    if laid.get((kind, file, sheet))
                    else where or ()
                ),
            ]
            for school, (keys, (n,)) in said.items()
            for where in [lacks.get((kind, file, sheet, school))]
        ]
        # Each piece's runs, every row of the sheet walked once: a province's sheet merged
        # again holds a million rows of five hundred schools.
        pieces = source_runs(
            every, {r: k for k, (_, x, on) in enumerate(apart) for r in x.rows_on(on)}
        )
        for k, (run, _, _) in enumerate(apart):
            out += [[*run, start, end] for start, end in pieces.get(k, ())]
        # And each field's, whose runs are apart, a row being of one piece.
        groups = list((held or {}).items())
        by_key: dict[str, dict[int, int]] = {}
        for g, ((key, *_), mine) in enumerate(groups):
            by_key.setdefault(key, {}).update(dict.fromkeys(mine, g))
        found = {g: r for owners in by_key.values() for g, r in source_runs(every, owners).items()}
        for g, ((key, label, lacking, school), _) in enumerate(groups):
            for start, end in found.get(g, ()):
                run = [kind, written(file), sheet, key, None, school, *[None] * 4]
                out.append([*run, label, *lacking, start, end])
    return out


def source_runs(rows: list[int], owners: dict[int, int]) -> dict[int, list[tuple[int, int]]]:
    """The runs of each owner's rows (``owners``: rows that lacked columns at a sheet of
    their own, or whose guardian's set of columns lacks a field, each with its piece's or
    field's number) among ``rows`` (in order, every row written of their 来源文件 and
    来源工作表), walked once: each run's first and last row, which hold no other row of
    that source between them, so that read back by their 来源行 (RUNS_HEADER,
    UNHELD_HEADER) they are found wherever they then stand. Runs, not rows: a school's
    sheet's rows, and its guardians' mostly of one set, are written together, so a few rows
    of COLUMNS_SHEET say a thousand children's."""
    out: dict[int, list[tuple[int, int]]] = {}
    owner, start, last = None, 0, 0
    for row in rows:
        if (mine := owners.get(row)) != owner:
            if owner is not None:
                out.setdefault(owner, []).append((start, last))
            owner, start = mine, row
        last = row
    if owner is not None:
        out.setdefault(owner, []).append((start, last))
    return out


def columns_sheet(rows: list[list[Any]]) -> Sheet:
    """The COLUMNS_SHEET of a merged workbook, for write_xlsx to write hidden: which
    columns each school's sheet had (lbc.roster.merged_books.by_source reads it back)."""
    from lbc.output.sheet_style import column_widths

    head = [*COLUMNS_HEADER]
    widest = max(map(len, rows), default=0)
    # Where a sheet lacked columns, and where one was lbc's record sheet.
    for more in (LACKS_HEADER, RUNS_HEADER, UNHELD_HEADER, RECORD_SHEET_HEADER):
        if widest > len(head):
            head += more
    if widest > len(COLUMNS_HEADER):
        rows = [[*row, *[None] * (len(head) - len(row))] for row in rows]
    return COLUMNS_SHEET, head, column_widths(head, rows), [rows_xml(rows)]


def merged_batches(parts: Iterable[SchoolPart], seen: list[SchoolPart]) -> Iterator[bytes]:
    """The merged Parquet file's batches, in the order of :func:`merged_sheets`."""
    for part in parts:
        seen.append(part)
        yield from part.arrow.pop(Kind.CHILDREN, [])
    _check_some_read(seen)
    for kind in (Kind.TEACHERS, Kind.RECORDS):
        for part in seen:
            yield from part.arrow.pop(kind, [])


def _check_some_read(seen: list[SchoolPart]) -> None:
    """Refuse a merge of nothing: no file read, or no children in any (teachers alone).
    No file read, each is said with why, as the run says a file it leaves out beside
    others it merges: a county whose every school's lbc.toml is mistyped learns of all;
    one file, in the one line ``lbc validate`` gives it."""
    if not any(not part.error for part in seen):
        if len(seen) == 1:
            raise LbcError(seen[0].error)
        said = [t("err.merge_nothing_read", count=len(seen))]
        said += [t("err.merge_not_merged", file=p.file, reason=p.error) for p in seen]
        raise LbcErrors([LbcError(line) for line in said])
    read = [p.file for p in seen if not (p.error or p.pairs_book)]
    if read and all(p.alone for p in seen if p.file in read):
        raise LbcError(t("err.no_children", files=as_list(read)))


def header(kind: Kind) -> list[str]:
    return [*LEAD, *(f.label for f in LAYOUT[kind])]


def per_school(
    roster: Roster, findings: list[Any], checked: list[Any], schools: Schools | None = None
) -> list[dict[str, Any]] | None:
    """Children, errors and warnings per school; None when everything is one school. A
    file of teachers or records alone that declares no school is of the school every
    command places it with (Roster.support_schools), as in lbc merge's table.

    A school's children are each counted once, as lbc merge's table counts them
    (listed_again): a row repeating an ID number on a row of its own school (DUP001, each
    such row said once, of ``checked``: every finding, whichever --select or --ignore
    shows) is the child again, as copies of a school's folder (红星村小(1)/, 红星村小(2)/)
    hold most of their children twice. The children's cells are gone by now (a county's
    are let go as each school is checked), and the finding says each row.

    ``schools``: each row's, a record of a file of records alone that may be of several
    schools of its child's (schools_of's ``by_child``, as lbc export and lbc merge write
    it), and of no school, on no school's line, where no one child of theirs is named."""
    schools = schools or schools_of(roster)
    holding = {table.file for table in roster.children}
    for file, school in roster.support_schools().items():
        if school and school[0] != FILE_SCHOOL and file not in holding:
            schools.by_file[file] = school
    for file in schools.by_child:  # a finding of the whole file is of no one school
        schools.by_file[file] = ""
    counts: dict[str, dict[str, int]] = {}
    for table in roster.children:  # down the 学校 column: a province has a million rows
        for school, n in schools.count(table).items():
            counts.setdefault(school, _zero())["children"] += n
    for f in findings:
        entry = counts.setdefault(schools.at(f.file, f.sheet, f.row), _zero())
        entry["errors" if f.severity == "error" else "warnings"] += 1
    for school, n in _repeats(schools, checked).items():
        if school in counts:
            counts[school]["children"] -= n
    counts.pop("", None)  # a merged roster's 各校学期 row of no school is of the file only
    if len(counts) < 2:
        return None
    return [{"school": name, **numbers} for name, numbers in counts.items()]


def children_once(roster: Roster, checked: list[Any]) -> int:
    """The children ``roster`` holds, each ID number once over the run, as lbc merge's
    headline, lbc summary and lbc flag count them (``checked``: every finding): a row
    repeating an ID number of an earlier row (DUP001, DUP003: ``repeats``), of its own
    school or another, is no child more, nor is the row of a child who moved school on the
    roster of the one she left (Roster.moved, said by no finding). A school's line
    (per_school) counts her in each school whose roster lists her, so its lines may add
    up to more."""
    rows = sum(len(table) for table in roster.children)
    return rows - sum(1 for f in checked if f.repeats is not None) - roster.moved


def _repeats(schools: Any, checked: list[Any]) -> Counter[str]:
    """By school, its rows whose child a row of the same school holds already. A DUP001
    row says the row it repeats (``repeats``), which may be of another school (张雨涵 on
    白鹤小学's row 2 and twice on 青山小学's: both of 青山小学's rows repeat 白鹤小学's):
    each ID number's rows are followed to the first of them, and counted once a school."""
    links = {(f.file, f.sheet or "", f.row or 0): _at(*f.repeats) for f in checked if f.repeats}

    def first(at: tuple[str, str, int]) -> tuple[str, str, int]:
        while at in links:
            at = links[at]
        return at

    seen = {(at, schools.at(*at)) for at in map(first, links.values())}
    out: Counter[str] = Counter()
    for at in links:
        child = (first(at), schools.at(*at))
        if child in seen:
            out[child[1]] += 1
        seen.add(child)
    return out


def _at(file: str, sheet: str | None, row: int | None) -> tuple[str, str, int]:
    return file, sheet or "", row or 0


def _zero() -> dict[str, int]:
    return {"children": 0, "errors": 0, "warnings": 0}


def merged(parts: list[SchoolPart]) -> list[SchoolPart]:
    """The files whose rows were merged: read, holding a list (not a stray spreadsheet,
    which is passed over as lbc validate passes it over) and not a pairs workbook."""
    return [p for p in parts if not (p.error or p.pairs_book or p.listless)]


def by_school(parts: list[SchoolPart]) -> list[dict[str, Any]]:
    """Each school's files and counts (SchoolPart.tally), in the order their rosters were
    read: a township's one file under each of its schools, a school's teachers list and
    returned record sheets beside its roster, in one row; "" for rows of no known school.
    Its errors count the ID numbers of an earlier file that its files repeat, as lbc
    validate's line does (repeated_across_files)."""
    rows: dict[str, dict[str, Any]] = {}
    for part in sorted(merged(parts), key=lambda p: not p.children_schools):
        for school, counts in part.tally.items():
            row = rows.setdefault(
                school, {"school": school, "files": [], **dict.fromkeys(TALLIED, 0)}
            )
            row["files"].append(part.file)
            for key, n in zip(TALLIED, counts, strict=True):
                row[key] += n
    for school, n in listed_again(parts).items():
        if school in rows:
            rows[school]["children"] -= n
    for school, n in repeated_across_files(parts).items():
        if school in rows:
            rows[school]["errors"] += n
    return list(rows.values())


def repeated_across_files(parts: list[SchoolPart]) -> Counter[str]:
    """By school, the errors lbc validate says over the same files that no file's own
    checks see, at a file's first row of an ID number a file read before it holds: on the
    books in both (DUP003 of another school's, DUP001 of its own: duplicates_across_files),
    or of the same school, on the books or not (DUP001: a roster sent twice lists twice
    the child who left too); not a child who left one school and is on another's books,
    who moved. A later row of that file repeats its first: the file's own DUP001."""
    on_books: set[str] = set()  # the ID numbers on the books in the files read so far
    held: set[tuple[str, str]] = set()  # (ID number, school) in them, on the books or not
    out: Counter[str] = Counter()
    for part in merged(parts):
        mine = {(ident, school) for ident, school, *_ in part.ids}
        said: set[str] = set()
        for ident, school in dict.fromkeys([*mine, *part.ids_left]):
            again = (ident, school) in held or ((ident, school) in mine and ident in on_books)
            if again and ident not in said:
                said.add(ident)
                out[school] += 1
        on_books |= {ident for ident, _ in mine}
        held |= mine | set(part.ids_left)
    return out


def listed_again(parts: list[SchoolPart]) -> Counter[str]:
    """By school, its rows of a child (an ID number) another row of the school holds, in
    the same file or another: each school's children counted once, as lbc validate's line
    per school counts them (per_school), though the merged roster holds every row. A child
    on two schools' rosters is one of each, as there."""
    seen: set[tuple[str, str]] = set()
    out: Counter[str] = Counter()
    for part in merged(parts):
        for child in itertools.chain(((i, s) for i, s, *_ in part.ids), part.ids_left):
            if child in seen:
                out[child[1]] += 1
            seen.add(child)
    return out


def children_merged(parts: list[SchoolPart]) -> int:
    """The children merged as lbc validate's last line counts the same files
    (children_once): each ID number once over the run, on the books or not (a child on two
    schools' rosters, or who moved from one to the other, is one), and each row without
    one."""
    read = merged(parts)
    numbered = [
        i for p in read for i in itertools.chain((i for i, *_ in p.ids), (i for i, _ in p.ids_left))
    ]
    rows = sum(p.counts.get(Kind.CHILDREN, 0) for p in read)
    return rows - len(numbered) + len(set(numbered))


def on_books(parts: list[SchoolPart], doubles: list[Duplicate]) -> int:
    """The children on the books as lbc summary counts them: each ID number once (a child
    in two schools' files is one child), a row copied into another file of its school
    once (copies_across_files), those 转出, 毕业 or 死亡 left out."""
    again = sum(len({place[1] for place in d.places}) - 1 for d in doubles)
    copies = sum(p.copies_elsewhere for p in merged(parts))
    return sum(p.on_books for p in merged(parts)) - again - copies
