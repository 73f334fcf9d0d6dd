"""lbc merge's own workbooks read back: each row traced to the school's file it came from.

A county's merged roster keeps, for each row, its source file, sheet and row (来源文件,
来源工作表, 来源行), and beside its tables a sheet of what each source sheet's columns were
(来源列), which sheets had no row, and each school's own terms, quotas and watch settings
(各校学期, 各校要求, 各校关注). Read back, a merged sheet is cut into one piece per source
(:func:`by_source`), so every command says a finding at the school's own file and row and
tells a column the school never had from one it left empty; the numbered sheets merge
splits a table into at Excel's row limit are joined back into one table.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from operator import itemgetter
from typing import Any

from lbc.roster import normalise as nz
from lbc.roster import phones
from lbc.roster.canonical import (
    Columns,
    Table,
)
from lbc.roster.completion import (
    complete,
)
from lbc.roster.fields import (
    FIELDS,
    Kind,
)
from lbc.roster.reading import (
    RawSheet,
)

# A sheet name ending in its number: 留守儿童花名册1, 留守儿童花名册2 …
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


# The header lbc merge puts on its own sheets: a sheet carrying it was written by merge.
MERGED_MARK = "来源行"


# The columns of a merged roster saying which school's file and sheet each row came from.
SOURCE_LABELS = ("来源文件", "来源工作表")


# The hidden sheet lbc merge adds to a merged workbook: which columns each school's sheet
# had (its kind, file and sheet, and their canonical keys), so that a column a school had
# but left empty is still its column when the workbook is read back (by_source), as the
# Parquet file's metadata keeps it. Then how many rows each had (行数): a children sheet
# of none is read back as a table of no rows (empty_sources), as the school's own file is.
# Then whose (学校), where said: a sheet of several schools whose columns differ (a merged
# roster's, merged again or exported) has a row per school, each its rows' 学校, read
# school by school (by_source); and a sheet of no row names the school its file was, as
# its own file and folder named it. "" where a row is the whole sheet's. A workbook merged
# before has the first four columns only, or those and 行数, and is read as before.
COLUMNS_SHEET = "来源列"


COLUMNS_HEADER = ("表", "来源文件", "来源工作表", "列", "行数", "学校")


COLUMNS_ROWS, COLUMNS_SCHOOL = COLUMNS_HEADER[4:]


# Then, after them where any row says it, the school's own file and sheet that lacked a
# required column its row's sheet has (Table.lacks_at): a merged roster's rows merged
# again or exported are of the merged sheet, not of that school's own.
LACKS_HEADER = ("缺列的来源文件", "缺列的来源工作表")


# Where only some of a school's rows there lacked columns at a sheet of their own (two
# sheets of one school, one lacking a column the other has, merged, then exported or
# merged again), a row after the school's for each such run of rows: the columns it had,
# that sheet (LACKS_HEADER), and the 来源行 of its first and last rows among the rows the
# workbook holds of its 来源文件 and 来源工作表, as Parquet's LACKS_RUNS. Each row is found
# by its own 来源文件, 来源工作表 and 来源行, not by its place: the county deletes rows,
# puts rows in and sorts them.
RUNS_HEADER = ("缺列的首个来源行", "缺列的末个来源行")


# A workbook merged before said each run by the place of its first row (from 1) among the
# rows it held of that source, and how many, in place of RUNS_HEADER: read as it was,
# right where the county has not deleted, put in or moved a row of that source.
RUNS_PLACES = ("缺列的首行序号", "缺列的行数")


# Where a school's sheet had two guardians' sets of columns, one lacking a field the other
# has (Table.unheld), a row after them for each run of rows read as that guardian's: the
# field (in 列), the header of its missing column, the school's own file and sheet where
# it is said missing (Table.unheld_at), and the 来源行 of the run's first and last rows
# among the rows the workbook holds of its 来源文件 and 来源工作表, as Parquet's
# UNHELD_CELLS. Read back, the column is said missing there (COL001), not each row's cell
# at the merged sheet's column, which is the other guardian's. Each row is found by its
# own 来源文件, 来源工作表 and 来源行, not by its place: the county deletes rows and puts
# rows in.
UNHELD_HEADER = (
    "监护人缺的列",
    "监护人缺列的来源文件",
    "监护人缺列的来源工作表",
    "监护人缺列的首个来源行",
    "监护人缺列的末个来源行",
)


# A workbook merged before said each run by the place of its first row (from 1) among the
# rows it held of that source, and how many, in place of UNHELD_HEADER's last two: read as
# it was, right where the county has not deleted or put in a row of that source above.
UNHELD_PLACES = ("监护人缺列的首行序号", "监护人缺列的行数")


# Last, where a row says it, whether a records sheet was lbc's own record sheet (是): a
# teacher's sheet handed back (lbc.roster.record_sheets.is_record_sheet), whose records of
# another teacher's child are said (REC006). Its rows in the merged workbook are records
# as any school's, so read back they are lbc's sheet's again by this (laid_out), as in the
# school's own file.
RECORD_SHEET_HEADER = ("记录表",)


# Each source sheet's columns, by its kind, file, sheet and school ("": the whole sheet's).
SourceColumns = dict[tuple[str, str, str, str], frozenset[str]]


# The school's own file and sheet each lacked columns at, likewise (LACKS_HEADER).
LacksAt = dict[tuple[str, str, str, str], tuple[str, str]]


# Each source sheet's runs of rows that lacked columns at a sheet of their own (RUNS_HEADER),
# by kind, file and sheet: that sheet, the 来源行 of the first row and of the last, the
# columns they had, and whether those are places instead (RUNS_PLACES: the first row's
# and the last's, from 0).
LacksRuns = dict[tuple[str, str, str], list[tuple[tuple[str, str], int, int, frozenset[str], bool]]]


# The source sheets said to have had no row, by kind, file and sheet, each with its school.
EmptySources = dict[tuple[str, str, str], str]


# Each source sheet's runs of rows whose guardian's set lacked a field (UNHELD_HEADER), by
# kind, file and sheet: the field, its missing column's header, the school's own file and
# sheet it is said missing at, the 来源行 of the first row and of the last, and whether
# those are places instead (UNHELD_PLACES: the first row's and the last's, from 0).
UnheldRuns = dict[tuple[str, str, str], list[tuple[str, str, tuple[str, str], int, int, bool]]]


# The rows of a merged sheet in those runs, by their sheet and row: each one's fields, with
# the header of each one's missing column and where it is said missing.
UnheldRows = dict[tuple[str, int], list[tuple[str, str, tuple[str, str]]]]


# The source sheets said to be lbc's record sheets (RECORD_SHEET_HEADER), by kind, file and
# sheet.
RecordSources = frozenset[tuple[str, str, str]]


def columns_had(
    had: SourceColumns | None, kind: str, source: tuple[str, str], school: str
) -> frozenset[str] | None:
    """The columns ``had`` says the source sheet (its file and sheet) of ``kind`` had for
    the rows of ``school``: that school's own, else the whole sheet's; None when it does
    not say."""
    if not had:
        return None
    mine = had.get((kind, *source, school)) if school else None
    return had.get((kind, *source, "")) if mine is None else mine


def _by_school_had(had: SourceColumns | None, sources: Iterable[tuple[str, str]]) -> bool:
    """Whether ``had`` gives one of ``sources`` (sheets rows came from) columns school by
    school."""
    named = {(file, sheet) for (_, file, sheet, school) in had or () if school}
    return bool(named) and not named.isdisjoint(sources)


# The sheet lbc merge adds to a merged workbook when a school's lbc.toml sets its own term
# dates ([terms]): a row per school and term, shown, so that every command reading the
# merged roster back dates that school's rows by them, as a run over the county's folder
# does, and a school can see and correct them (lbc.workspace.terms.school_terms_rows).
SCHOOL_TERMS_SHEET = "各校学期"


SCHOOL_TERMS_HEADER = ("学校", "学期", "开始日期", "结束日期")


# The same for a school's own [quotas]: a row per school and quota its lbc.toml sets, the
# quota named as QUOTA_LABELS says (or by its lbc.toml key), so that due and watch on the
# merged roster judge that school's children by them, as a run over the county's folder.
SCHOOL_QUOTAS_SHEET = "各校要求"


SCHOOL_QUOTAS_HEADER = ("学校", "要求", "数量")


QUOTA_LABELS = {
    "talks_per_month": "每月谈心次数",
    "home_visits_per_term": "每学期家访次数",
    "warmth_per_year": "每学年送温暖次数",
    "children_per_teacher": "每名教师至少帮扶儿童数",
    "max_days_without_contact": "最多无联系天数",
}


# The same for a school's own [watch]: a row per school and setting its lbc.toml sets, the
# setting named as WATCH_LABELS says (or by its lbc.toml key), a weight as WEIGHT_LABEL
# names its criterion's code, so that the watch list drawn from the merged roster (lbc
# watch, the summary's, pairing's priority, the cards' mark) draws that school's children
# by them, as a run over the county's folder.
SCHOOL_WATCH_SHEET = "各校关注"


SCHOOL_WATCH_HEADER = ("学校", "设置", "值")


WATCH_LABELS = {"threshold": "最低关注分", "guardian_age": "高龄监护人年龄"}


WEIGHT_LABEL = "{code} 权重"


# Each sheet of a school's own settings, by its name, with its header.
SETTINGS_SHEETS = {
    SCHOOL_TERMS_SHEET: SCHOOL_TERMS_HEADER,
    SCHOOL_QUOTAS_SHEET: SCHOOL_QUOTAS_HEADER,
    SCHOOL_WATCH_SHEET: SCHOOL_WATCH_HEADER,
}


def join_numbered_sheets(tables: list[Table]) -> list[Table]:
    """One file's tables, with the numbered sheets lbc merge splits a table into at Excel's
    row limit (名册1, 名册2 …, each with merge's header) joined back into one table whose
    rows keep their own sheet and row. Other sheets stay as they are."""
    out: list[Table] = []
    run: list[Table] = []
    for table in [*tables, None]:
        if table is not None and run and _continues(run, table):
            run.append(table)
            continue
        if len(run) > 1:
            out.append(_joined(run))
        else:
            out += run
        run = [] if table is None else [table]
    return out


def _continues(run: list[Table], table: Table) -> bool:
    """Whether ``table`` is the next numbered sheet of the merged table ``run`` began."""
    first, here = _NUMBERED.match(run[0].sheet), _NUMBERED.match(table.sheet)
    return bool(
        first
        and here
        and first.group(2) == "1"
        and here.group(1) == first.group(1)
        and here.group(2) == str(len(run) + 1)
        and table.kind is run[0].kind
        and any(label == MERGED_MARK for _, label, _, _ in run[0].ignored)
        and {k: c.letter for k, c in table.columns.items()}
        == {k: c.letter for k, c in run[0].columns.items()}
    )


def _joined(run: list[Table]) -> Table:
    """The numbered sheets as one table, normalised afresh as one column each. It takes
    their cells, a column at a time, which leaves them without: a million rows' columns
    are not held twice."""
    for part in run:
        part.unpark()
    first = run[0]
    raw: dict[str, list[Any]] = {}
    for key in list(first.raw):
        raw[key] = column = first.raw.pop(key)
        for part in run[1:]:
            column += part.raw.pop(key)
    for part in run:  # what complete() made of each part is made afresh of the whole
        part.values = Columns(part.raw, part.kind)
    table = Table(
        kind=first.kind,
        file=first.file,
        sheet=first.sheet,
        header_rows=first.header_rows,
        columns=first.columns,
        unknown=first.unknown,
        rows=[row for part in run for row in part.rows],
        raw=raw,
        title=first.title,
        kind_from=first.kind_from,
        ignored=first.ignored,
        row_sheets=[part.sheet for part in run for _ in part.rows],
        sources=None
        if any(part.sources is None for part in run)
        else [source for part in run for source in part.sources or ()],
        source_rows=None
        if any(part.source_rows is None for part in run)
        else array("d", itertools.chain.from_iterable(part.source_rows or () for part in run)),
        formula_errors=any(part.formula_errors for part in run),
        hidden=first.hidden,
        hidden_rows=first.hidden_rows,
        filtered=first.filtered,
        sheet_marks=[mark for part in run for mark in part.marks()],
        schools_written=first.schools_written,
        error_rows=[rows for part in run for rows in part.error_rows],
    )
    complete(table)
    return table


def by_source(
    table: Table, had: SourceColumns | None = None, by_school: bool = False
) -> list[Table]:
    """A county's merged roster as one table per school sheet its rows came from (its
    ``sources``), each with the columns that school's rows fill, or that its sheet had
    (``had``: the merged workbook's COLUMNS_SHEET); any other table as it is.

    lbc merge writes every column of the dictionary for every school. A school that kept
    one 家长电话 column, or no 务工地点, would otherwise be read as having an empty 父亲电话 or
    务工地点 for every child: errors, watch-list reasons and flags that the school's own
    file does not give. A required column stays whatever it holds, so an empty one is
    still said cell by cell where the workbook does not say which columns the school had,
    and so does 学校, which merge writes on every row (empty where it could not tell the
    school). The rows stay where they are in the merged workbook.

    The pieces take the table's cells, which leaves it without them: it is split a column
    at a time, each let go of once split, so that a million rows' columns are not held
    twice.

    ``by_school``: the workbook carries each school's own settings (各校要求, 各校学期), so
    a source whose rows are of several schools by their 学校 (a merged roster merged again:
    every row's 来源文件 is that roster) is split by school too, each piece going by its
    school's own (Table.own_school)."""
    if table.sources is None:
        return [table]
    parked = table.parked
    table.unpark()
    by: dict[tuple[str, str], list[int]] = {}
    for i, source in enumerate(table.sources):
        by.setdefault(source, []).append(i)
    # Each piece's source, its rows and its school ("": the source's rows, of one school).
    groups = [(source, index, "") for source, index in by.items()]
    # A source whose schools had columns of their own (COLUMNS_SHEET) is split by school
    # too, each piece with its school's columns; it goes by its school's own settings only
    # where the workbook carries them (by_school).
    apart = _by_school_had(had, by)
    cells = table.values["school"] if table.has("school") and (by_school or apart) else None
    if cells is not None:
        groups = _by_school(groups, cells)
    # The school each piece's columns are looked up by (its rows' 学校, where said).
    schools = [school or _school_text(cells, index) for _, index, school in groups]
    if not by_school:
        groups = [(source, index, "") for source, index, _ in groups]
    kept = {f.key for f in FIELDS[table.kind] if f.required} | {"school"}
    # The cells as written, and what complete() already made of the columns together.
    written, read = table.raw, dict(table.values)
    table.raw = {}
    table.values = Columns(table.raw, table.kind)
    raws: list[dict[str, list[Any]]] = [{} for _ in groups]
    mades: list[dict[str, list[Any]]] = [{} for _ in groups]
    # The columns the school's sheet had, where the merged workbook says (COLUMNS_SHEET):
    # a required column it lacked is one column missing (COL001), as in its own file, not
    # an empty cell on every row.
    said = [
        columns_had(had, table.kind.value, source, school)
        for (source, _, _), school in zip(groups, schools, strict=True)
    ]
    mine = [kept if keys is None else keys | {"school"} for keys in said]
    for key in [*written, *(key for key in read if key not in written)]:
        values, made = written.pop(key, None), read.pop(key, None)
        for n, (_, index, _) in enumerate(groups):
            mine_made = None if made is None else pick(made, index)
            if values is None:  # made of other columns only: it goes with the rows
                mades[n][key] = mine_made or []
                continue
            mine_written = pick(values, index)
            # A column the school's rows leave empty is no column of theirs: its cells go
            # too, or it would read as there (Columns.get) and empty, as a column the sheet
            # has. What complete() made of it counts (a record's class from its 学生姓名).
            if key in mine[n] or any_filled(mine_written) or any_filled(mine_made or []):
                raws[n][key] = mine_written
                if mine_made is not None:
                    mades[n][key] = mine_made
        del values, made
    out = []
    # A source of several schools' pieces (a merged roster merged again) is no one
    # school's sheet to say a column it lacked at (Table.lacks), unless COLUMNS_SHEET says
    # the sheet (LACKS_HEADER; load_roster).
    several = Counter(source for source, _, _ in groups)
    hidden = frozenset(table.hidden_rows)
    moved = _moved_by_piece(table, [index for _, index, _ in groups])
    unheld = _unheld_by_piece(table, [index for _, index, _ in groups])
    # The header of each column a guardian's set lacks, told by the table's columns.
    unheld_labels = {key: table.lacking_label(key) for key in table.unheld}
    for n, (_, index, school) in enumerate(groups):
        raw = raws[n]
        # A phone its sheet had no column for, where that is known, is none of its
        # columns, though its rows give numbers there (a CSV export holds the mother's
        # labelled number in 父亲电话 as hers, nz.fill_other_parent): a required one
        # missing is COL001, as in the school's file. Nor is a 类别 merge gathered from its
        # 是/否 columns (孤儿, 低保 …, CATEGORY_COLUMNS): its cells are read, and the
        # groups no column of its collected are 未采集, as in its own file.
        lacked = () if said[n] is None else (*phones.PHONES_TOGETHER, "categories")
        columns = {
            key: col
            for key, col in table.columns.items()
            if key in raw and (key in mine[n] or key not in lacked)
        }
        piece = Table(
            kind=table.kind,
            file=table.file,
            sheet=table.sheet,
            header_rows=table.header_rows,
            columns=columns,
            unknown=table.unknown,
            rows=pick(table.rows, index),
            raw=raw,
            title=table.title,
            ignored=table.ignored,
            codings=table.codings,
            row_sheets=None if table.row_sheets is None else pick(table.row_sheets, index),
            sources=pick(table.sources, index),
            kind_from=table.kind_from,
            formula_errors=table.formula_errors,
            hidden=table.hidden,
            hidden_rows=[
                table.rows[i]
                for i in index
                if table.rows[i] in hidden and table.sheet_at(i) == table.sheet
            ]
            if hidden
            else [],
            filtered=table.filtered,
            sheet_marks=table.sheet_marks,
            moved=moved[n],
            moved_labels=table.moved_labels,
            unheld=unheld[n],
            unheld_labels=unheld_labels,
            own_school=school,
            schools_written=table.schools_written,
            lacks=frozenset()
            if said[n] is None or several[groups[n][0]] > 1
            else frozenset(table.columns) - mine[n],
            # The sheet's rows of no child, of no school's: said once, with its first piece.
            error_rows=[] if out else table.error_rows,
        )
        piece.values.update(mades[n])
        if parked:
            piece.park()
        out.append(piece)
    return out


def _moved_by_piece(table: Table, pieces: list[list[int]]) -> list[dict[str, dict[int, str]]]:
    """The cells of ``table`` read from another column where their own was empty
    (Table.moved), for each of ``pieces`` (its rows' indices, by_source's groups) those of
    its rows: a merged roster's sheet to which a second guardian's columns were added.
    Only the rows of those cells are held while looking, not each of a county's million."""
    out: list[dict[str, dict[int, str]]] = [{} for _ in pieces]
    if not table.moved:
        return out
    owners = _owners(table, pieces, {row for where in table.moved.values() for row in where})
    for key, where in table.moved.items():
        for row, letter in where.items():
            for n in owners.get(row, ()):
                out[n].setdefault(key, {})[row] = letter
    return out


def _unheld_by_piece(table: Table, pieces: list[list[int]]) -> list[dict[str, set[int]]]:
    """The rows of ``table`` whose guardian's set of columns lacks a field (Table.unheld),
    for each of ``pieces`` those of its rows, as _moved_by_piece has its cells: a merged
    roster's sheet to which a second guardian's columns were added."""
    out: list[dict[str, set[int]]] = [{} for _ in pieces]
    if not table.unheld:
        return out
    owners = _owners(table, pieces, set().union(*table.unheld.values()))
    for key, rows in table.unheld.items():
        for row in rows:
            for n in owners.get(row, ()):
                out[n].setdefault(key, set()).add(row)
    return out


def _owners(table: Table, pieces: list[list[int]], wanted: set[int]) -> dict[int, list[int]]:
    """Which of ``pieces`` each of the ``wanted`` rows of ``table`` is in: a row's number
    on two of its numbered sheets, both."""
    owners: dict[int, list[int]] = {}
    for n, index in enumerate(pieces):
        for i in index:
            if (row := table.rows[i]) in wanted:
                owners.setdefault(row, []).append(n)
    return owners


def empty_sources(
    tables: list[Table], pieces: list[Table], had: SourceColumns, empty: EmptySources
) -> list[tuple[Table, str]]:
    """A table of no rows for each school's children sheet a merged workbook's COLUMNS_SHEET
    says had none (``empty``; a school's roster of headers only) and none of the merged
    rows came from: read back, it holds nobody, as the school's own file does, and lbc
    validate says so (REQ002) under that file and sheet, as from the Parquet file
    (parquet.empty_children). Each with the columns that sheet had (``had``), as the merged
    sheet (of ``tables``) places them, and with the school COLUMNS_SHEET names, else its
    file's where the rows of its file (``pieces``) say one."""
    if not empty:
        return []
    merged = next((x for x in tables if x.kind is Kind.CHILDREN and x.sources is not None), None)
    if merged is None:
        return []
    read = {x.sources[0] for x in pieces if x.kind is Kind.CHILDREN and x.sources}
    out = []
    for (kind, file, sheet), school in empty.items():
        if kind != Kind.CHILDREN.value or (file, sheet) in read:
            continue
        keys = {k for (*source, _), ks in had.items() if source == [kind, file, sheet] for k in ks}
        columns = {k: col for k, col in merged.columns.items() if k in keys or k == "school"}
        table = Table(
            kind=Kind.CHILDREN,
            file=file,
            sheet=sheet,
            header_rows=merged.header_rows,
            columns=columns,
            unknown=[],
            rows=[],
            raw={k: [] for k in columns},
            kind_from=merged.kind_from,
        )
        if not school:  # a workbook merged before it named the school: its file's rows'
            schools = {
                cell
                for x in pieces
                if x.sources and x.sources[0][0] == file and x.has("school")
                for cell in x.values["school"]
                if cell
            }
            school = schools.pop() if len(schools) == 1 else ""
        out.append((table, school))
    return out


def lacking(table: Table, where: Any) -> None:
    """``table`` lacked every column of its kind it has not at the school's own file and
    sheet ``where`` (Table.lacks_at: a merged roster's rows exported or merged again say
    it, LACKS_HEADER, parquet.LACKS_AT); nothing when that is not said."""
    if isinstance(where, (list, tuple)) and len(where) == 2 and all(map(_is_text, where)):
        table.lacks = frozenset(f.key for f in FIELDS[table.kind]) - table.columns.keys()
        table.lacks_at = (where[0], where[1])


def _is_text(value: Any) -> bool:
    return value.__class__ is str and bool(value)


def piece_school(table: Table) -> str:
    """The school a table's columns are said of in a merged workbook's COLUMNS_SHEET: the
    school it goes by (Table.own_school), else its first row's 学校; "" if neither."""
    return table.own_school or _school_text(table.values.get("school"), [0])


def _school_text(cells: list[Any] | None, index: list[int]) -> str:
    """The 学校 of a piece's first row, as the merged workbook's COLUMNS_SHEET names it."""
    cell = cells[index[0]] if cells and index else None
    return cell if cell.__class__ is str else ""


def _by_school(
    groups: list[tuple[tuple[str, str], list[int], str]], cells: list[Any]
) -> list[tuple[tuple[str, str], list[int], str]]:
    """``by_source``'s groups of rows, each source's split by its rows' schools (``cells``:
    the 学校 column) where they are several, each with its school; a source of one school
    as it was. The 学校 column is read once, its few schools looked at, where it names one."""
    if len(set(cells) - {None, ""}) < 2:
        return groups
    out = []
    for source, index, _ in groups:
        mine: dict[str, list[int]] = {}
        for i in index:
            mine.setdefault(cells[i] or "", []).append(i)
        if len(mine) == 1:
            out.append((source, index, ""))
            continue
        out += [(source, rows, school) for school, rows in mine.items()]
    return out


def by_their_schools(table: Table, schools: list[str]) -> list[Table]:
    """``table`` as one piece per school its rows go by (``schools``, a row's; "" for the
    file's own), each piece with its rows and their cells and its school
    (Table.own_school), so that each goes by that school's own settings (Table.origin,
    Roster.terms): a county's file of records of several schools, some of which date
    their terms themselves (lbc.workspace.schools.terms_of_their_schools). The rows stay
    where they are on the sheet; what is said once a sheet is said with its first piece."""
    groups: dict[str, list[int]] = {}
    for i, school in enumerate(schools):
        groups.setdefault(school, []).append(i)
    parked = table.parked
    table.unpark()
    made = dict(table.values)
    out = []
    for school, index in groups.items():
        rows = set(pick(table.rows, index))
        piece = replace(
            table,
            rows=pick(table.rows, index),
            raw={key: pick(cells, index) for key, cells in table.raw.items()},
            row_sheets=None if table.row_sheets is None else pick(table.row_sheets, index),
            hidden_rows=[row for row in table.hidden_rows if row in rows],
            phone_of_merged_name=[row for row in table.phone_of_merged_name if row in rows],
            own_school=school,
            error_rows=[] if out else table.error_rows,
        )
        piece.values.update({key: pick(cells, index) for key, cells in made.items()})
        if parked:
            piece.park()
        out.append(piece)
    return out


def whole_sheets(tables: Iterable[Table]) -> Iterator[Table]:
    """Each sheet as one table, for what describes the sheets read (lbc columns, validate's
    files, the notes on what was read): a merged roster's sheet, read school by school
    (by_source), as its pieces together, with all their rows and every column any of them
    has, and no cells; a county's records sheet read by its rows' schools
    (by_their_schools) likewise; any other table as it is (a sheet of two header rows, each
    a table of its own)."""
    for _, group in itertools.groupby(tables, lambda x: (x.file, x.sheet, x.kind)):
        pieces = list(group)
        if len(pieces) == 1 or not any(x.sources is not None or x.own_school for x in pieces):
            yield from pieces
            continue
        first = pieces[0]
        columns = {key: col for x in pieces for key, col in x.columns.items()}
        yield Table(
            kind=first.kind,
            file=first.file,
            sheet=first.sheet,
            header_rows=first.header_rows,
            columns=dict(sorted(columns.items(), key=lambda kv: kv[1].index)),
            unknown=first.unknown,
            rows=[row for x in pieces for row in x.rows],
            title=first.title,
            ignored=first.ignored,
            codings=first.codings,
            kind_from=first.kind_from,
            hidden=first.hidden,
            hidden_rows=sorted(row for x in pieces for row in x.hidden_rows),
            filtered=first.filtered,
            sheet_marks=first.sheet_marks,
            error_rows=[rows for x in pieces for rows in x.error_rows],
        )


def any_filled(values: list[Any]) -> bool:
    """Whether any cell holds something (blank text is nothing, and so is no category read
    from a blank 类别): the one test of whether a school's rows fill a column, for a merged
    workbook and a Parquet file alike. Counted in C first, since most of a merged roster's
    columns a school does not fill are wholly blank (a province: 40 million); a column of
    categories, one a table, is looked through cell by cell."""
    if values.count("") + values.count(None) == len(values):
        return False
    return any(not (v is None or v == () or (v.__class__ is str and not v.strip())) for v in values)


def pick(values: list[Any], index: list[int]) -> list[Any]:
    """``values`` at ``index``: a slice when the rows are one run (a source sheet's rows
    are written together), as they nearly always are."""
    if index and index[-1] - index[0] + 1 == len(index):
        return values[index[0] : index[-1] + 1]
    return [values[i] for i in index]


def school_terms_rows(sheet: RawSheet) -> tuple[int, list[tuple[int, list[Any]]]] | None:
    """The first column of a SCHOOL_TERMS_SHEET (or another of SETTINGS_SHEETS, by its name)
    and its rows below its header, each with its Excel row, blank rows left out; None when
    the sheet does not begin with that header (a sheet of a school's own of that name, read
    as any sheet)."""
    header = SETTINGS_SHEETS[sheet.name]
    rows, width = sheet.rows, len(header)
    if not rows or [nz.cell_text(c) for c in rows[0][:width]] != [*header]:
        return None
    return sheet.col0, [
        (sheet.row0 + n, [*row, *[None] * width][:width])
        for n, row in enumerate(rows[1:], start=2)
        if any(nz.cell_text(c).strip() for c in row[:width])
    ]


def columns_said(
    rows: list[list[Any]],
) -> tuple[SourceColumns, EmptySources, LacksAt, LacksRuns, UnheldRuns, RecordSources] | None:
    """What a merged workbook's COLUMNS_SHEET says: each source sheet's columns (school by
    school where it says whose), the sheets it says had no row (行数 0), each with the
    school it names, and those that were lbc's record sheets; None when the sheet is not
    that (a county's own sheet of that name).
    Its columns after the first four are found by their header: a workbook merged before
    has none (nor then says of any sheet that it had no row), or 行数 alone."""
    head = [nz.cell_text(c) for c in rows[0]] if rows else []
    width = len(COLUMNS_HEADER[:4])
    if head[:width] != [*COLUMNS_HEADER[:width]]:
        return None
    at = {name: j for j, name in reversed([*enumerate(head)][width:])}
    counted, named = at.get(COLUMNS_ROWS), at.get(COLUMNS_SCHOOL)
    lacked = [at.get(name) for name in LACKS_HEADER]
    first_at, count_at = (at.get(name) for name in RUNS_HEADER)
    runs_placed = first_at is None or count_at is None  # merged before (RUNS_PLACES)
    if runs_placed:
        first_at, count_at = (at.get(name) for name in RUNS_PLACES)
    guardians = [at.get(name) for name in UNHELD_HEADER]
    record_at = at.get(RECORD_SHEET_HEADER[0])
    record_sources: set[tuple[str, str, str]] = set()
    placed = None in guardians[3:]  # a workbook merged before (UNHELD_PLACES)
    if placed:
        guardians[3:] = [at.get(name) for name in UNHELD_PLACES]
    lacks_at: LacksAt = {}
    runs: LacksRuns = {}
    unheld: UnheldRuns = {}
    had: SourceColumns = {}
    counts: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in rows[1:]:
        cells = [nz.cell_text(c) for c in [*row, *[None] * len(head)][: len(head)]]
        kind, file, sheet, keys = cells[:width]
        if guardians[0] is not None and cells[guardians[0]]:
            # A run of rows whose guardian's set lacked a field, not a sheet's row.
            if None not in guardians:
                label, *where, first, count = (cells[j] for j in guardians if j is not None)
                if all(where) and keys and first.isdigit() and count.isdigit():
                    start, end = int(first), int(count)
                    if placed:  # the first's place from 1, and how many
                        start, end = start - 1, start + end - 2
                    run = (keys, label, (where[0], where[1]), start, end, placed)
                    unheld.setdefault((kind, file, sheet), []).append(run)
            continue
        if first_at is not None and count_at is not None and cells[first_at]:
            # A run of rows that lacked columns at a sheet of their own, not a sheet's row.
            where = [cells[j] for j in lacked if j is not None]
            first, count = cells[first_at], cells[count_at]
            if len(where) == 2 and all(where) and first.isdigit() and count.isdigit():
                start, end = int(first), int(count)
                if runs_placed:  # the first's place from 1, and how many
                    start, end = start - 1, start + end - 2
                keys_had = frozenset(keys.split(",")) - {""}
                run = ((where[0], where[1]), start, end, keys_had, runs_placed)
                runs.setdefault((kind, file, sheet), []).append(run)
            continue
        school = "" if named is None else cells[named]
        key = (kind, file, sheet, school)
        had[key] = had.get(key, frozenset()) | {k for k in keys.split(",") if k}
        if None not in lacked and all(where := [cells[j] for j in lacked if j is not None]):
            lacks_at[key] = (where[0], where[1])
        if counted is not None:
            counts.setdefault((kind, file, sheet), []).append((cells[counted], school))
        if record_at is not None and cells[record_at]:
            record_sources.add((kind, file, sheet))
    empty: EmptySources = {}
    for source, said in counts.items():
        if all(count == "0" for count, _ in said):
            schools = {school for _, school in said if school}
            empty[source] = schools.pop() if len(schools) == 1 else ""
    return had, empty, lacks_at, runs, unheld, frozenset(record_sources)


def unheld_rows(table: Table, runs: UnheldRuns) -> UnheldRows:
    """The rows of ``table`` in a run its workbook says their guardian's set lacked a field
    (``runs``, UNHELD_HEADER: by its 来源文件, 来源工作表 and 来源行), by their sheet and
    row, each with the field, its missing column's header and the school's own file and
    sheet it is said missing at (unheld_back). Only the rows of a source said of are looked
    at, each run of a field found by halving (a school's guardians may alternate sets);
    a workbook merged before says its runs by place (UNHELD_PLACES). Counted before
    lacking_runs gives a row another source."""
    out: UnheldRows = {}
    rows = table.source_rows
    if table.sources is None or rows is None or len(rows) != len(table.sources):
        return out
    kind = table.kind.value
    # Each source's runs of each field, by their first row: (firsts, runs).
    mine: dict[tuple[str, str], list[tuple[list[int], list[Any]]]] = {}
    placed: UnheldRuns = {}
    for (k, file, sheet), said in runs.items():
        if k != kind:
            continue
        if by_place := [run for run in said if run[5]]:
            placed[(k, file, sheet)] = by_place
        by_key: dict[str, list[Any]] = {}
        for run in sorted((run for run in said if not run[5]), key=itemgetter(0, 3)):
            by_key.setdefault(run[0], []).append(run)
        if by_key:
            mine[(file, sheet)] = [([run[3] for run in v], v) for v in by_key.values()]
    sources = table.sources
    for i in itertools.compress(itertools.count(), map(mine.__contains__, sources)):
        n = rows[i]
        if not n.is_integer():
            continue
        for firsts, said in mine[sources[i]]:
            at = bisect.bisect_right(firsts, n) - 1
            if at >= 0 and n <= said[at][4]:
                key, label, where = said[at][:3]
                out.setdefault((table.sheet_at(i), table.rows[i]), []).append((key, label, where))
    for i, n, said in _by_place(table, placed):
        for key, label, where, first, last, _ in said:
            if first <= n <= last:
                out.setdefault((table.sheet_at(i), table.rows[i]), []).append((key, label, where))
    return out


def _by_place(table: Table, runs: Mapping[tuple[str, str, str], list[Any]]) -> Iterator[Any]:
    """Each row of ``table`` whose 来源文件 and 来源工作表 ``runs`` (a merged workbook's
    runs of rows, by kind, file and sheet) speaks of: its index, its place among the
    table's rows of that source (from 0), and the runs said of that source, which give
    their rows by that place (RUNS_HEADER, UNHELD_HEADER)."""
    if table.sources is None:
        return
    kind = table.kind.value
    mine = {(file, sheet) for k, file, sheet in runs if k == kind}
    seen: Counter[tuple[str, str]] = Counter()
    for i, source in enumerate(table.sources):
        if source not in mine:
            continue
        n = seen[source]
        seen[source] += 1
        yield i, n, runs[(kind, *source)]


def unheld_back(piece: Table, rows: UnheldRows) -> None:
    """A merged roster's piece given the fields its rows' guardian's set lacked at the
    school's own sheet (``rows``: unheld_rows), where the piece has their column: asked
    of such a row, the column is missing (COL001) at that sheet (Table.unheld_at), as over
    the school's folder, not the merged sheet's cell of it to fill."""
    for i, row in enumerate(piece.rows):
        for key, label, where in rows.get((piece.sheet_at(i), row), ()):
            if key in piece.columns:
                piece.unheld.setdefault(key, set()).add(row)
                piece.unheld_labels[key] = label
                piece.unheld_at = where


def lacking_runs(table: Table, runs: LacksRuns, had: SourceColumns) -> None:
    """Each row of ``table`` in a run its workbook says lacked columns at a sheet of its own
    (``runs``, RUNS_HEADER: by its 来源文件, 来源工作表 and 来源行) given that sheet as its
    source, and the sheet the columns the run had (``had``): by_source makes them a piece
    of their own lacking the rest there, as the merged workbook's rows are, so a required
    column they lacked is said there (COL001), not as an empty cell on each row (REQ001).
    Only the rows of a source said of are looked at, each one's run found by halving (a
    source's runs are apart); a workbook merged before says its runs by place
    (RUNS_PLACES)."""
    kind = table.kind.value
    placed: LacksRuns = {}
    mine: dict[tuple[str, str], tuple[list[int], list[Any]]] = {}
    for (k, file, sheet), said in runs.items():
        if k != kind:
            continue
        if by_place := [run for run in said if run[4]]:
            placed[(k, file, sheet)] = by_place
        if by_row := sorted((run for run in said if not run[4]), key=itemgetter(1)):
            mine[(file, sheet)] = ([run[1] for run in by_row], by_row)
    rows, sources = table.source_rows, table.sources
    if mine and sources is not None and rows is not None and len(rows) == len(sources):
        found = itertools.compress(itertools.count(), map(mine.__contains__, sources))
        for i in list(found):  # sources[i] is given another below
            n = rows[i]
            firsts, said = mine[sources[i]]
            at = bisect.bisect_right(firsts, n) - 1
            if n.is_integer() and at >= 0 and n <= said[at][2]:
                place, keys = said[at][0], said[at][3]
                sources[i] = place
                had[(kind, *place, "")] = keys
    for i, n, said in _by_place(table, placed):
        for place, first, last, keys, _ in said:
            if first <= n <= last:
                table.sources[i] = place  # type: ignore[index]  # None: no row given
                had[(kind, *place, "")] = keys
                break
