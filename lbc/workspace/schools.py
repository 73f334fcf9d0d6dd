"""Which school a row belongs to, resolved once when files are read.

A file's school is its ``lbc.toml`` ([school] name, of the nearest workspace that holds
the file in its folder or names it in [files]), else the
title above its roster or record sheet (青山镇中心小学留守儿童花名册 → 青山镇中心小学), else
the one school its children's 学校 cells name, else the file's name;
a row's 学校 cell (a merged county roster) wins over its file's, and the commands say so
where a file's title names another school (``Roster.unlike_title``). Two files declaring
one school by their titles in folders apart (two townships' 中心小学) are two schools
(``Namesakes``), unless a township tells them apart: a name every township's school goes by
(中心小学, in a title or a 学校 cell) is named with the township its file's title, name or
folder says (城关镇/花名册.xlsx: 城关镇中心小学, ``qualified``). ``read_roster`` puts what
each file declares on the roster (``Roster.declared``), so the checks, flag, cards, summary
and merge read it as data and no stage below reads a config.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from lbc.errors import LbcError, LbcErrors
from lbc.messages import long_date, t
from lbc.roster import dates, record_sheets
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.fields import Kind
from lbc.roster.merged_books import (
    QUOTA_LABELS,
    SCHOOL_QUOTAS_SHEET,
    SCHOOL_TERMS_SHEET,
    SCHOOL_WATCH_SHEET,
    WATCH_LABELS,
    WEIGHT_LABEL,
    by_their_schools,
)
from lbc.roster.pairs import join_pairs
from lbc.roster.people import untagged
from lbc.roster.school_names import (
    GENERIC_SCHOOLS,
    RunFolders,
    children_folders,
    copy_of,
    ends_as_a_school,
    file_names,
    folder_school,
    holds_schools,
    named_schools,
    of_its_folder,
    qualified,
    school_folder,
    schools_beside,
    source_path,
    title_school,
    titled,
)
from lbc.roster.tables import column_letter, id_numbers, load_roster
from lbc.workspace.config import (
    QUOTA_MAX,
    Config,
    Quotas,
    WatchSettings,
    find_config,
    load_config,
    names_no_school,
    quota_count,
    quotas_over,
    watch_over,
)
from lbc.workspace.inputs import holds_spreadsheets
from lbc.workspace.terms import Term, parse_term

# A school's settings of its own lbc.toml (Quotas, WatchSettings).
S = TypeVar("S")


def read_roster(
    files: list[Path],
    synonyms: dict[str, list[str]] | None = None,
    carry_on: bool = False,
    keep: list[Path] | None = None,
    lists_alone: bool = False,
    park: bool = False,
    children_elsewhere: bool = False,
    named: dict[str, str] | None = None,
    runs: RunFolders | None = None,
    terms: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> Roster:
    """The files' tables, with the school each file declares and the pairs in force joined
    onto the children (``carry_on``, ``keep``, ``lists_alone``, ``children_elsewhere``:
    see ``load_roster``). A file of a school's workspace (``workspace_of``) is read with
    its lbc.toml's header synonyms too, and dated by its terms (Roster.terms), as the
    school's own run reads it.

    ``park``: a run that checks the children once and is then done with their cells (lbc
    validate over a folder of schools) holds each school's children parked until it checks
    them (Table.park), unless pairs are to be joined onto them.

    ``named``: the school some files are of, whatever they declare (lbc merge reads each
    file alone, and tells namesake schools apart only once it has read them all); a merged
    roster's school by the school's own file its rows came from (``merged_pieces``).

    ``runs``: the folder the run found each file in (lbc.workspace.inputs.spreadsheet_files),
    by which the files' schools are named (``school_folder``); a file it does not hold
    goes by its path as written. ``terms``: the run's term dates, which a school's own
    are over (terms_of_their_schools)."""
    workspaces, unread = workspaces_of(files, carry_on)
    own = {path: found[1].synonyms for path, found in workspaces.items() if found is not None}
    readable = [path for path in files if path not in unread]
    roster = load_roster(
        readable, synonyms, carry_on, keep or (), lists_alone, park, children_elsewhere, own
    )
    # A school's files left out for one lbc.toml it cannot read: said once, naming them all
    # (each file's entry carries the one text, which notes.files_left_out says once).
    alike: dict[str, list[Path]] = {}
    for path, exc in unread.items():
        alike.setdefault(str(exc), []).append(path)
    said = {
        why: t("reason.of_file", file=t("list.sep").join(map(str, paths)), reason=why)
        for why, paths in alike.items()
    }
    roster.failed[:0] = [(str(path), said[str(exc)]) for path, exc in unread.items()]
    roster.runs = dict(runs or {})
    # The pairs in force are joined onto the children's cells: a pairs workbook's, last
    # term's, a teachers list's 帮扶学生 column's (lbc.roster.pairs).
    if roster.pairs or roster.previous or any(x.has("children") for x in roster.teachers):
        for table in roster.children:
            table.unpark()
    _qualify_cells(roster)
    for path in readable:
        if str(path) in roster.files:
            roster.declared[str(path)] = declared_school(path, roster)
            workspace = workspaces[path]
            if workspace is not None:  # the term dates and quotas of its own workspace
                roster.terms[str(path)] = workspace[1].terms
                roster.quotas[str(path)] = workspace[1].own_quotas
                roster.watch[str(path)] = workspace[1].own_watch
    # A merged roster's rows go by their school's file (Table.origin): the workspace it
    # lies in dates them still, unless its sheet of each school's terms says otherwise.
    for table in roster.tables():
        if table.origin != table.file and table.file in roster.terms:
            roster.terms.setdefault(table.origin, roster.terms[table.file])
            roster.quotas.setdefault(table.origin, roster.quotas[table.file])
            roster.watch.setdefault(table.origin, roster.watch[table.file])
    terms_of_the_sheet(roster)
    _unlike_the_title(roster, files)
    if named is None:
        _namesakes_apart(roster, files)
        _titled_outside_the_run(roster, files)
    else:
        roster.declared.update((file, name) for file, name in named.items() if file in roster.files)
        for piece in merged_pieces(roster, files):
            if named.get(piece.source, piece.name) != piece.name:
                _rename_piece(roster, piece, named[piece.source])
    _spell_as_the_cells(roster)
    _named_as_its_roster(roster)
    roster.joined = join_pairs(roster)
    # After the pairs are joined: a record of one of two namesakes is its teacher's child's.
    terms_of_their_schools(roster, terms)
    return roster


def quotas_by_file(roster: Roster, run: Quotas) -> dict[str, Quotas]:
    """Each file whose school's own lbc.toml sets [quotas] other than the run's (``run``),
    and its quotas (Roster.quotas over the run's): a county's folder run judges that
    school's children by them. Empty in a school's own run, and for every other file."""
    out = {}
    for file, own in roster.quotas.items():
        if own and (mine := quotas_over(run, own)) != run:
            out[file] = mine
    return out


def watch_by_file(
    roster: Roster, run: WatchSettings, criteria: Collection[str] = ()
) -> dict[str, WatchSettings]:
    """Each file whose school's own lbc.toml sets [watch] other than the run's (``run``),
    and its settings (Roster.watch over the run's): a county's folder run draws that
    school's children's watch list by them. Empty in a school's own run. ``criteria``: the
    watch criteria's codes (lbc.checks.watch knows them), by which a weight a merged
    roster's SCHOOL_WATCH_SHEET gives a code of none is left out (validate's WST001)."""
    out = {}
    for file, own in roster.watch.items():
        if criteria and file in roster.watch_schools:
            weights = {c: w for c, w in _weights_of(own).items() if c in criteria}
            own = {**own, "weights": weights} if "weights" in own else own
        if own and (mine := watch_over(run, own)) != run:
            out[file] = mine
    return out


def of_their_own(by_file: dict[str, S], roster: Roster) -> dict[str, S]:
    """The schools of ``quotas_by_file`` or ``watch_by_file``, by name, each once: what the
    run's settings, in a heading or a document, do not say."""
    named = roster.origin_schools()  # no merged roster itself: its rows are its schools'
    return {named[file]: quotas for file, quotas in sorted(by_file.items()) if file in named}


def terms_of_the_sheet(roster: Roster) -> None:
    """A merged roster's sheet of each school's own term dates (SCHOOL_TERMS_SHEET, which
    lbc merge writes from the schools' lbc.toml): each school's rows, by their 学校 cells,
    are dated by its own dates (Roster.terms, keyed by the rows' Table.origin) as a run
    over the county's folder dates them; a row that gives none is kept to be said
    (Roster.term_problems, lbc validate's TRM001). Its sheet of each school's own [quotas]
    (SCHOOL_QUOTAS_SHEET) likewise: each school's children are judged by them (Roster.quotas,
    over the quotas of the workspace the merged roster lies in), as over the folder; a row
    that gives none is said as QTA001. Its sheet of each school's own [watch]
    (SCHOOL_WATCH_SHEET) likewise (Roster.watch, WST001). Each sheet is read as
    ``SETTINGS_SHEETS_READ`` says (``read_settings``), and a row naming a school none of
    the file's rows are of is said as the rows that give none are. Rows that came through
    a file of several schools (a merged roster merged again or exported) are each school's
    table (Table.own_school), so each school goes by its own row, not by another's of its
    file."""
    for file, sheet, col0, rows, origins in roster.term_sheets:
        how = SETTINGS_SHEETS_READ[sheet]
        settings, problems, used = read_settings(rows, how)
        problems = sorted(problems + _of_no_school(roster, rows, problems, origins))
        roster.term_problems += [
            (file, sheet, row, column_letter(col0 + j + 1), how.fields[j], value, why)
            for row, j, value, why in problems
        ]
        if sheet == SCHOOL_WATCH_SHEET:
            roster.watch_weights += [
                (file, row, column_letter(col0 + 2), written, setting.what)
                for row, written, setting in used
                if isinstance(setting.what, str)
            ]
            watch = {school: _nested(mine) for school, mine in settings.items()}
            _watch_of_the_sheet(roster, watch, origins)
            continue
        if not settings:
            continue
        quotas = sheet == SCHOOL_QUOTAS_SHEET
        taken = roster.quota_schools if quotas else roster.term_schools
        for table in roster.tables():
            if table.origin not in origins or table.origin in taken:
                continue
            named = _settings_school(roster, table, settings)
            if named is None:
                continue
            taken[table.origin] = named
            if quotas:
                roster.quotas[table.origin] = {
                    **roster.quotas.get(table.origin, {}),
                    **settings[named],
                }
            else:
                roster.terms[table.origin] = settings[named]  # type: ignore[assignment]


def terms_of_their_schools(
    roster: Roster, run: dict[str, tuple[dt.date, dt.date]] | None = None
) -> None:
    """Records of a school read through a file of no workspace of that school are dated by
    that school's own dates, as its own files are, where the file's own would date them
    otherwise: the sheets lbc record-sheets laid out over a county's folder, handed back
    into the county's 记录表/, and a county's 帮扶记录 naming its schools in a 学校 column,
    or by its children. Dated by the county's, a school's August talk in a term of its own
    from Aug 26 was in no term over the folder, and counted in the school's folder and the
    merged roster; a school setting no dates of its own had its rows dated by the county's
    lbc.toml beside the file, not by the dates its own files go by.

    A row's school is its 学校 cell, else its child's where the file is of several schools'
    records (_records_by_child, as lbc merge writes its 学校), else its file's
    (Roster.origin_schools); a school's own dates are those its children's files go by
    (Roster.terms: their workspace's, a merged roster's 各校学期; none: the run's), where
    they are one, each over the run's (``run``), as Roster.terms_of takes them. A file whose
    rows go by other dates is read as a piece per school (by_their_schools)."""
    if not roster.records or not any(roster.terms.values()):  # nearly every run
        return

    def dated(own: dict[str, tuple[dt.date, dt.date]] | None) -> Any:
        return sorted({**(run or {}), **(own or {})}.items())

    named = roster.origin_schools()
    found: dict[str, dict[str, tuple[dt.date, dt.date]] | None] = {}
    for table in roster.children:
        if school := named.get(table.origin):
            terms = roster.terms.get(table.origin) or {}
            if school not in found:
                found[school] = terms
            elif found[school] is not None and dated(found[school]) != dated(terms):
                found[school] = None  # two schools of one name, dated apart: which is not known
    own = {school: terms for school, terms in found.items() if terms is not None}
    files = [x for x in roster.records if not (x.own_school or x.sources is not None)]
    own_dated = {school: dated(terms) for school, terms in own.items()}
    datings = [*own_dated.values(), *(dated(roster.terms.get(x.origin)) for x in files)]
    if all(dating == datings[0] for dating in datings):  # each record dated as its school's
        return
    by_child = _records_placed_by_child(roster)
    records = []
    for table in roster.records:
        if table.own_school or table.sources is not None:  # a merged roster's: 各校学期
            records.append(table)
            continue
        mine = dated(roster.terms.get(table.origin))
        file = named.get(table.origin, "")
        cells = table.values["school"] if table.has("school") else [None] * len(table)
        schools = (
            cell
            if cell.__class__ is str and cell
            else by_child.get((table.file, table.sheet_at(i), table.rows[i]), file)
            for i, cell in enumerate(cells)
        )
        going = [school if own_dated.get(school, mine) != mine else "" for school in schools]
        if not any(going):
            records.append(table)
            continue
        for piece in by_their_schools(table, going):
            if piece.own_school:
                roster.terms[piece.origin] = own[piece.own_school]
            records.append(piece)
    roster.records = records


def _records_placed_by_child(roster: Roster) -> dict[tuple[str, str, int], str]:
    """The school of each record of a file of records alone that may be of several schools
    (_records_by_child: its child's), by file, sheet and row."""
    by_file, unplaced = _files_schools(roster)
    if not _placed_by_child(roster, unplaced):
        return {}
    return _records_by_child(roster, by_file, unplaced)[0]


def _settings_school(roster: Roster, table: Table, settings: Mapping[str, object]) -> str | None:
    """The school whose row of a settings sheet (``settings``, by school) ``table``'s rows go
    by: the school of its rows where by_source split a file of several by school, else the
    first its 学校 cells or its file declares that has a row; None for none."""
    if table.own_school:
        return table.own_school if table.own_school in settings else None
    cells = set(table.values["school"]) if table.has("school") else set()
    said = cells | {roster.declared.get(table.file, "")}
    return next(iter(sorted(s for s in said if s in settings)), None)


def _watch_of_the_sheet(
    roster: Roster, settings: dict[str, dict[str, object]], origins: set[str]
) -> None:
    """Each school's own [watch] a merged roster's SCHOOL_WATCH_SHEET gives (``settings``, as
    Config.own_watch holds them; of a file whose tables' Table.origin are ``origins``), as
    ``terms_of_the_sheet`` reads its other sheets: each school's rows, by their 学校 cells,
    are drawn onto the watch list by its own [watch] (Roster.watch, over the [watch] of the
    workspace the merged roster lies in, weight by weight)."""
    if not settings:
        return
    # The files whose rows are of several schools not all drawn alike by the sheet (an
    # export of a merged roster, whose rows all go by it): none of their rows is drawn by
    # one school's settings, which would draw another school's children by them.
    mixed = set()
    for table in roster.tables():
        cells = set(table.values["school"]) - {None, ""} if table.has("school") else set()
        if len({repr(settings.get(s)) for s in cells}) > 1:
            mixed.add(table.origin)
    for table in roster.tables():
        if table.origin not in origins or table.origin in {*roster.watch_schools, *mixed}:
            continue
        named = _settings_school(roster, table, settings)
        if named is None:
            continue
        roster.watch_schools[table.origin] = named
        under, mine = roster.watch.get(table.origin) or {}, settings[named]
        weights = {**_weights_of(under), **_weights_of(mine)}
        roster.watch[table.origin] = {**under, **mine, **({"weights": weights} if weights else {})}


def _weights_of(watch: dict[str, object]) -> dict[str, int]:
    weights = watch.get("weights")
    return weights if isinstance(weights, dict) else {}


# A problem with a row of a merged roster's sheet of each school's settings: its Excel
# row, the column (0 学校, 1 the setting, 2 on its values), the cell as written, and why.
SheetProblem = tuple[int, int, str, str]


class Setting(NamedTuple):
    """What a row of a sheet of each school's settings sets, as its second cell names it:
    ``key``, by which the school's settings hold it (a quota's lbc.toml key, weights.WCH008,
    a term's 2024-autumn), each school's once; ``label``, as a row setting it again names
    it; ``what``: the term a 学期 cell names (whose days an empty date is), the code of the
    criterion a weight is of, else None."""

    key: str
    label: str
    what: Term | str | None = None


@dataclass(frozen=True)
class SettingsSheet:
    """How ``read_settings`` reads a sheet of each school's own settings (one of
    SETTINGS_SHEETS): a row per school and setting, its cells 学校, the setting, and its
    values (one, or a term's two dates).

    ``rule``: the code of the rule a row that gives nothing is said by (lbc.checks);
    ``fields``: the field key of each column; ``setting``: what a setting cell as written
    names, None for nothing lbc knows; ``unknown``: why such a cell gives nothing;
    ``value``: a setting's values as its cells give them, else the problems of the cells
    that give none (each: its column among the values, the cell as written, why);
    ``again``: why a row setting a school's setting given already gives nothing (the
    setting's label, the row it is given on)."""

    rule: str
    fields: tuple[str, ...]
    setting: Callable[[str], Setting | None]
    unknown: Callable[[str], str]
    value: Callable[[Setting, list[object]], tuple[object, list[tuple[int, str, str]]]]
    again: Callable[[str, int], str]


def read_settings(
    rows: list[tuple[int, list[object]]], sheet: SettingsSheet
) -> tuple[dict[str, dict[str, object]], list[SheetProblem], list[tuple[int, str, Setting]]]:
    """Each school's own settings as a merged roster's sheet of them gives them (``rows``,
    read as ``sheet`` says), by school and Setting.key; the rows that give none, with why:
    no school, a setting lbc does not know, a value it cannot read, a school's setting
    given twice; and each row used, with its setting as written and what it sets."""
    out: dict[str, dict[str, object]] = {}
    given: dict[tuple[str, str], int] = {}
    problems: list[SheetProblem] = []
    used: list[tuple[int, str, Setting]] = []
    for row, (school_cell, setting_cell, *cells) in rows:
        school = nz.school(school_cell)
        if not school:
            problems.append((row, 0, "", t("terms_sheet.no_school")))
            continue
        written = nz.text(setting_cell) or ""
        setting = sheet.setting(written)
        if setting is None:
            problems.append((row, 1, written, sheet.unknown(written)))
            continue
        value, bad = sheet.value(setting, cells)
        if bad:
            problems += [(row, 2 + j, shown, why) for j, shown, why in bad]
            continue
        if (school, setting.key) in given:
            problems.append(
                (row, 1, written, sheet.again(setting.label, given[(school, setting.key)]))
            )
            continue
        given[(school, setting.key)] = row
        out.setdefault(school, {})[setting.key] = value
        used.append((row, written, setting))
    return out, problems, used


# A quota of a merged roster's SCHOOL_QUOTAS_SHEET, by its label there or its lbc.toml key.
_QUOTA_KEYS = {
    **{label: key for key, label in QUOTA_LABELS.items()},
    **{k: k for k in QUOTA_LABELS},
}


def _quota(written: str) -> Setting | None:
    key = _QUOTA_KEYS.get(written.strip())
    if key is None or key not in Quotas.__dataclass_fields__:
        return None
    return Setting(key, QUOTA_LABELS[key])


def _count(_: Setting, cells: list[object]) -> tuple[object, list[tuple[int, str, str]]]:
    """A quota's count: a whole number from 0 to QUOTA_MAX (``_whole``)."""
    count = _whole(cells[0])
    if count is None:
        shown = nz.text(cells[0]) or ""
        most = t("cfg.expect.quota", most=QUOTA_MAX)
        return None, [(0, shown, t("quotas_sheet.bad_count", count=shown, most=most))]
    return count, []


# A watch criterion's weight as a merged roster's SCHOOL_WATCH_SHEET names it (WCH013 权重),
# or by its lbc.toml key (weights.WCH013), or by its code alone.
_CODE = r"([A-Za-z]+\d+)"
_WEIGHT = re.compile(
    "^(?:"
    + re.escape(WEIGHT_LABEL).replace(r"\{code\}", _CODE).replace(r"\ ", r"\s*")
    + rf"|weights\.{_CODE}|{_CODE})$"
)
_WATCH_KEYS = {
    **{label: key for key, label in WATCH_LABELS.items()},
    **{k: k for k in WATCH_LABELS},
}


def _watch_setting(written: str) -> Setting | None:
    """threshold, guardian_age (by their labels or keys), or a criterion's weight, by the
    code it names (whether lbc.checks has such a criterion is for the checks to say)."""
    key = _WATCH_KEYS.get(written.strip())
    if key is not None:
        return Setting(key, WATCH_LABELS[key])
    if weight := _WEIGHT.match(" ".join(written.split())):
        code = next(c for c in weight.groups() if c).upper()
        return Setting(f"weights.{code}", WEIGHT_LABEL.format(code=code), code)
    return None


def _watch_value(_: Setting, cells: list[object]) -> tuple[object, list[tuple[int, str, str]]]:
    """A watch setting's value: a whole number from 0 (``_whole``)."""
    value = _whole(cells[0])
    if value is None:
        shown = nz.text(cells[0]) or ""
        return None, [(0, shown, t("watch_sheet.bad_value", value=shown))]
    return value, []


def _nested(flat: dict[str, object]) -> dict[str, object]:
    """A school's [watch] as its SCHOOL_WATCH_SHEET's rows give it (weights.WCH008 4), as
    Config.own_watch holds it ({"weights": {"WCH008": 4}}), in the rows' order."""
    mine: dict[str, object] = {}
    for key, value in flat.items():
        if key.startswith("weights."):
            mine.setdefault("weights", {})[key.removeprefix("weights.")] = value  # type: ignore[index]
        else:
            mine[key] = value
    return mine


def _term(written: str) -> Setting | None:
    try:
        term = parse_term(written)
    except LbcError:
        return None
    return Setting(term.key, term.label, term)


def _term_dates(setting: Setting, days: list[object]) -> tuple[object, list[tuple[int, str, str]]]:
    """A term's start and end (an empty date is the term's default day, as a [terms]
    entry without it); each date lbc cannot read, else a start after the end, gives none."""
    term = setting.what
    assert isinstance(term, Term)
    read = [dates.date(cell) for cell in days]
    bad = [
        (j, nz.text(cell) or "", t("terms_sheet.bad_date", date=nz.text(cell)))
        for j, (cell, day) in enumerate(zip(days, read, strict=True))
        if day is not None and day.__class__ is not dt.date
    ]
    if bad:
        return None, bad
    start = read[0] or term.start
    end = read[1] or term.end
    if start > end:  # type: ignore[operator]
        words = {"start": long_date(start), "end": long_date(end)}  # type: ignore[arg-type]
        return None, [(0, nz.text(days[0]) or "", t("terms_sheet.after_end", **words))]
    return (start, end), []


# Each sheet of a school's own settings lbc merge writes, by its name, as ``read_settings``
# reads it: its terms (学校, 学期, 开始日期, 结束日期: Roster.terms, TRM001), its [quotas]
# (学校, 要求, 数量: Roster.quotas, QTA001), its [watch] (学校, 设置, 值: Roster.watch,
# WST001).
SETTINGS_SHEETS_READ = {
    SCHOOL_TERMS_SHEET: SettingsSheet(
        "TRM001",
        ("school", "term", "term_start", "term_end"),
        _term,
        lambda written: t("terms_sheet.bad_term", term=written),
        _term_dates,
        lambda label, row: t("terms_sheet.again", term=label, row=row),
    ),
    SCHOOL_QUOTAS_SHEET: SettingsSheet(
        "QTA001",
        ("school", "quota", "count"),
        _quota,
        lambda written: t("quotas_sheet.bad_quota", quota=written),
        _count,
        lambda label, row: t("quotas_sheet.again", quota=label, row=row),
    ),
    SCHOOL_WATCH_SHEET: SettingsSheet(
        "WST001",
        ("school", "setting", "value"),
        _watch_setting,
        lambda written: t("watch_sheet.bad_setting", setting=written),
        _watch_value,
        lambda label, row: t("watch_sheet.again", setting=label, row=row),
    ),
}


def _of_no_school(
    roster: Roster,
    rows: list[tuple[int, list[object]]],
    problems: list[tuple[int, int, str, str]],
    origins: set[str],
) -> list[tuple[int, int, str, str]]:
    """The rows of a merged roster's sheet of each school's settings (``rows``) that name
    a school none of its rows are of (白鹤小学校 for 白鹤小学, a typo): no school's, so
    of no use, said as the rows that give none are (``problems``, the rows said already);
    ``origins``: the Table.origin of the file's tables."""
    said = {row for row, *_ in problems}
    named = [(row, nz.school(cells[0]), nz.text(cells[0])) for row, cells in rows if cells]
    named = [(row, school, written) for row, school, written in named if school and row not in said]
    if not named:
        return []
    schools = {roster.declared.get(x.file, "") for x in roster.tables() if x.origin in origins}
    for table in roster.tables():
        if table.origin in origins:
            if table.own_school:
                schools.add(table.own_school)
            elif table.has("school"):
                schools.update(table.values["school"])
    return [
        (row, 0, written or "", t("terms_sheet.not_on_roster", school=written))
        for row, school, written in named
        if school not in schools
    ]


def _whole(cell: object) -> int | None:
    """A count cell as a quota's count (14, 14.0, "14": a whole number from 0 to QUOTA_MAX,
    as lbc.toml's), None when it is none."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, str) and cell.strip().isdecimal() and len(cell.strip()) < 8:
        cell = int(cell.strip())
    return quota_count(cell)


def _unlike_the_title(roster: Roster, files: list[Path]) -> None:
    """The files whose title names one school and whose 学校 column another (丙小学's
    roster, every 学校 cell 丁小学): a row's 学校 cell is its school, so its children are
    丁小学's, which the school may not mean; ``Roster.unlike_title`` keeps both names for
    the commands to say, and whether the file holds teachers alone (白鹤小学教师名单 whose
    学校 cells say 青山镇中心小学: its teachers are paired as the column says). Not a
    township's file naming several schools in the column, nor a name from lbc.toml, which
    the school set down itself (``_spell_as_the_cells``)."""
    for path in files:
        file = str(path)
        title = roster.declared.get(file)
        if not title:
            continue
        cells = column_schools(roster, file)
        teachers = not cells and not any(x.file == file for x in roster.children)
        if teachers:
            cells = {
                c for x in roster.teachers if x.file == file for c in x.values.get("school") or ()
            }
            cells = {c for c in cells if isinstance(c, str) and c}
        if not (title and cells) or workspace_school(path) is not None:
            continue
        if len(cells) == 1 and title not in cells and title == titled_school(path, roster):
            # Quoted as the title says it (青山镇), not as its folder named it (青山镇中心小学).
            written = titled_school(path, roster, as_written=True) or title
            roster.unlike_title[file] = (written, cells.pop(), teachers)


def _titled_outside_the_run(roster: Roster, files: list[Path]) -> None:
    """A record sheet whose title names a school no file of children declares (青山镇小学
    for 青山镇中心小学), in a run whose children are of one school, is that school's
    (``titled_as_the_run``). ``Roster.titled_as`` keeps the name the title gave, for the
    commands to say."""
    titled = titles_alone(roster, files)
    if not titled:  # a county's 500 schools are not named for nothing
        return
    holding = {table.file for table in roster.children}
    told = [(file, told_schools(roster, file)) for file in holding]
    named = named_schools(roster.files, roster.declared, read=roster.naming(), runs=roster.runs)
    by_name = [(file, told_or_named(schools, named.get(file, ""))) for file, schools in told]
    found = titled_as_the_run(titled, by_name, staff(roster))
    for path, (name, school) in found.items():
        roster.declared[str(path)] = school
        roster.titled_as[str(path)] = (name, school)
    for path, (name, _) in titled.items():
        if path not in found and list_titled(path, roster) and not apart(path, name, told):
            roster.declared[str(path)] = ""


def list_titled(path: Path, roster: Roster) -> bool:
    """Whether ``path`` is a teachers list kept in a file of its own whose school is its
    title's (白鹤小学教师名单), no lbc.toml naming it."""
    file = str(path)
    sheets = [*roster.children, *filter(record_sheets.is_record_sheet, roster.records)]
    return (
        workspace_school(path) is None
        and not any(x.file == file for x in sheets)
        and any(x.file == file for x in roster.teachers)
        and bool(titled_school(path, roster))
    )


def apart(path: Path, name: str, told: Iterable[tuple[str, set[str]]]) -> bool:
    """Whether a teachers list titled with a school ``name`` (``list_titled``) and not read
    as the run's (titled_as_the_run) is of the school its title names: where the files of
    children (``told``) are of one school named as a school is, it among them; or where
    they are of several, and ``name`` is one of them, told by a file of children in the
    list's folder or below it (a county's flat folder: 教师1.xlsx titled 青山镇中心小学教师名单
    beside 青山镇中心小学's roster and 白鹤小学's, as 青山镇中心小学教师名单.xlsx is by its
    name). Else its title is no school's name to go by: a school's untitled roster,
    花名册.xlsx, beside its 青山小学教师名单, a roster titled by its township (青山镇留守儿童花名册)
    beside 青山镇中心小学教师名单, or 县/青山小学/教师.xlsx titled with 县/白鹤小学/'s name,
    would part a school's children from its teachers, as every command read them before
    titles of teachers lists were read."""
    told = list(told)
    schools = set().union(*(schools for _, schools in told)) if told else set()
    folders = {Path(file).resolve().parent for file, _ in told}
    here = path.resolve().parent
    if len(schools) > 1:
        return any(name in of and here in Path(file).resolve().parents for file, of in told)
    return (
        len(schools) == 1
        and ends_as_a_school(next(iter(schools)))
        and not folders.isdisjoint(path.resolve().parents)
    )


def titles_alone(roster: Roster, files: Iterable[Path]) -> dict[Path, tuple[str, set[str]]]:
    """The files of ``files`` of teachers or records alone that declare a school, and no
    学校 column saying their rows' own: each with the school it declares and the teachers
    its records name and its teachers list lists."""
    holding = {table.file for table in roster.children}
    said = holding | {x.file for x in [*roster.teachers, *roster.records] if x.has("school")}
    listed = staff(roster)
    return {
        path: (
            name,
            _names(x.values.get("teacher") for x in roster.records if x.file == file)
            | listed.get(file, set()),
        )
        for path in files
        if (name := roster.declared.get(file := str(path))) and file not in said
    }


def staff(roster: Roster) -> dict[str, set[str]]:
    """The names on the teachers lists of the run, by file."""
    out: dict[str, set[str]] = {}
    for x in roster.teachers:
        out.setdefault(x.file, set()).update(_names([x.values.get("name")]))
    return out


def _names(columns: Iterable[list[object] | None]) -> set[str]:
    return {name for column in columns for name in column or () if isinstance(name, str)}


def told_schools(roster: Roster, file: str) -> set[str]:
    """The schools a file of children tells its children are of: the one it declares, as
    declared before its 学校 cells respelled it ("" for none), and those its cells name."""
    return {roster.respelled.get(file) or roster.declared.get(file, "")} | column_schools(
        roster, file
    )


def told_or_named(told: set[str], named: str) -> set[str]:
    """The schools a file of children tells (``told_schools``), or for one that tells
    none (an untitled 花名册.xlsx) the school it is ``named`` by (its folder's:
    青山镇中心小学/花名册.xlsx), where that reads as a school's name: a sheet retitled
    beside it (青山镇小学…) is then that school's, as beside a titled roster, not a
    school of its own that a merged workbook would part from the child it names."""
    return {named} if told == {""} and ends_as_a_school(named) else told


def titled_as_the_run(
    titled: dict[Path, tuple[str, set[str]]],
    told: Iterable[tuple[str, set[str]]],
    lists: dict[str, set[str]],
) -> dict[Path, tuple[str, str]]:
    """Of the files of teachers or records alone ``titled`` (``titles_alone``), those read
    as the run's school, each with the name it declares and that school: where the files
    of children (``told``: each with its ``told_schools``) are of one school, a file's
    title naming another (青山镇小学 for 青山镇中心小学) is a teacher's sheet returned to her
    own school, whose children its records name; else every record would name a child of
    no school's roster (REC002) and count for none. Not a name from lbc.toml, nor a sheet
    outside the folders of the children (县/白鹤小学/ beside 县/青山镇中心小学/): that is the
    school its title names, whose roster the run lacks, and a namesake child of the school
    read (张雨涵 of 三年级(2)班 in both) is not the one its records are of. Nor, for the
    same reason, a sheet none of whose records' teachers is on the teachers list of
    another file of the run (``lists``: ``staff``), where there is one: another school's
    sheet dropped into the folder. A teachers list titled with its school (白鹤小学教师名单)
    is told so too, by the teachers it lists. Not by a list titled as it is: a school's list
    kept a file to each grade (青山小学一至三年级教师名单, 青山小学四至六年级教师名单) shares
    no teacher, yet no list of another name tells it from the run's school. lbc merge,
    reading each file alone, places them so too once all are read."""
    told = list(told)
    schools = set().union(*(schools for _, schools in told)) if titled and told else set()
    if len(schools) != 1 or "" in schools:
        return {}
    (school,) = schools
    folders = {Path(file).resolve().parent for file, _ in told}
    alike: dict[str, set[str]] = {}
    for path, (name, _) in titled.items():
        alike.setdefault(name, set()).add(str(path))
    return {
        path: (name, school)
        for path, (name, teachers) in titled.items()
        if name != school
        and not folders.isdisjoint(path.resolve().parents)
        and workspace_school(path) is None
        and _of_the_staff(
            str(path), teachers, {f: x for f, x in lists.items() if f not in alike[name]}
        )
    }


def _of_the_staff(file: str, teachers: set[str], lists: dict[str, set[str]]) -> bool:
    """Whether one of ``teachers`` (a sheet's, in ``file``) is on a teachers list of another
    file (``lists``), or no other file has one to tell by. A name is compared as a record
    signs it: 王芳 for the list's 王芳老师, and for 王芳（班主任） or lbc's tag for one of two
    王芳 (王芳（三年级(2)班）) on either."""
    others = set().union(*(names for name, names in lists.items() if name != file))
    return not others or not _signed(others).isdisjoint(_signed(teachers))


def _signed(names: set[str]) -> set[str]:
    """Each of ``names`` as a record signs a teacher: no title after it, no bracket."""
    return {untagged(nz.teacher_name(name) or name) for name in names}


def column_schools(roster: Roster, file: str) -> set[str]:
    """The schools the 学校 cells of ``file``'s children name (none without the column)."""
    tables = [x for x in roster.children if x.file == file and x.has("school")]
    return {cell for x in tables for cell in set(x.values["school"]) if cell}


def namesake(roster: Roster, path: Path) -> tuple[str, bool, bool] | None:
    """The name ``path`` declares that a school of another folder might declare too (its
    title, or its children's one 学校), whether its 学校 column names it (then its
    children are that school's, by their cells), and whether its title names it (a note
    says which named two files' school alike); None for a name from lbc.toml, none, or
    a file whose 学校 column names other schools (a township's: its rows go by their own).
    The name as the file declares it, not as its cells respell it (``_spell_as_the_cells``:
    lbc merge asks once the file is read, every command before)."""
    name = roster.respelled.get(str(path)) or roster.declared.get(str(path))
    if not name or workspace_school(path) is not None:
        return None
    cells = column_schools(roster, str(path))
    if cells and cells != {name}:
        return None
    return name, bool(cells), not cells or titled_school(path, roster) == name


def _namesakes_apart(roster: Roster, files: list[Path]) -> None:
    """Two schools of one title in folders apart (中心小学 in two folders, no lbc.toml):
    two schools, not one (``Namesakes``). Files of children first: a record sheet titled
    with the school is of the one whose folder holds it. A merged roster's schools are
    placed by the schools' own files their rows came from (``merged_pieces``), in the
    run's order as lbc merge places them: two counties' merged rosters, each with its
    城关镇中心小学, are two schools, as the run over the counties' folders counts them."""
    apart = Namesakes(roster.runs)
    holding = {table.file for table in roster.children}
    # Each file's school, else each school of a merged roster, children first, each in the
    # run's order.
    order = {file: i for i, file in enumerate(roster.files)}
    pieces = merged_pieces(roster, files)
    merged = {piece.file for piece in pieces}  # placed by its schools' own files, not itself
    places = list(pieces)
    for path in files:
        declared = namesake(roster, path) if str(path) in roster.files else None
        if declared is not None and str(path) not in merged:
            places.append(Piece(str(path), *declared, str(path) in holding, str(path)))
    for piece in sorted(places, key=lambda p: (not p.children, order.get(p.file, len(order)))):
        told = apart.place(piece.source, piece.name, piece.column, piece.titled, piece.children)
        if piece not in pieces:
            roster.declared[piece.source] = told.name
        elif told.name != piece.name:
            _rename_piece(roster, piece, told.name)
        if told.first:
            roster.namesakes.append(told)


class Piece(NamedTuple):
    """What ``Namesakes.place`` places: a school's rows in a merged roster, by the school's
    own file they came from (``source``: its 来源文件; a Parquet file's tables are under
    it), the one school its rows' 学校 cells name, whether the merge that wrote it counted
    it with a namesake of another folder as one school (``column``: its rows go by their
    cells, as a file's whose 学校 column names the school), whether a title names it (no
    merged roster's does: its rows' cells name it), whether it holds children, and the
    file of the run it was read from (``file``); or a file of the run (``namesake``)."""

    source: str
    name: str
    column: bool
    titled: bool
    children: bool
    file: str


def merged_pieces(roster: Roster, files: Iterable[Path]) -> list[Piece]:
    """The schools of the merged rosters among ``files`` (Table.origin's file: a merged
    workbook's 来源文件, a Parquet file's tables' own), each by the school's own file its
    rows came from, children first, in the run's order; not one whose rows name no school
    or several (a township's file)."""
    given = {str(path) for path in files}
    by_source: dict[str, list[Table]] = {}
    for table in roster.tables():
        source = table.sources[0][0] if table.sources else table.file
        # A Parquet file's tables carry their rows' schools though their own sheets had
        # no 学校 column.
        if source not in given and table.values.get("school") is not None:
            by_source.setdefault(source, []).append(table)
    named: dict[str, tuple[str, bool]] = {}
    for source, tables in by_source.items():
        name = _one([cell for table in tables for cell in set(table.values["school"])])
        if name:
            named[source] = (name, any(x.kind is Kind.CHILDREN for x in tables))
    # A merged roster holding one school's rows from schools' folders apart (``school_folder``:
    # not a school's own term's or list's folder below it): its merge counted them
    # as one (their 学校 columns named it), and so does every command reading it back.
    folders: dict[tuple[str, str], set[Path]] = {}
    for source, tables in by_source.items():
        if source in named:
            for table in tables:
                key = (table.file, named[source][0])
                folder = school_folder(str(source_path(source)), roster.runs)
                folders.setdefault(key, set()).add(folder)
    out = [
        Piece(source, name, len(folders[(file, name)]) > 1, False, children, file)
        for source, tables in by_source.items()
        if source in named
        for name, children in [named[source]]
        for file in [tables[0].file]
    ]
    return sorted(out, key=lambda piece: not piece.children)


def _rename_piece(roster: Roster, piece: Piece, name: str) -> None:
    """A merged roster's school's rows (``piece``) go by ``name``, told from a namesake
    school of another folder: their 学校 cells say it, as every count reads them, and so
    do its own settings read from the roster's 各校学期, 各校要求 and 各校关注 sheets, which
    lbc merge writes again under the school's name."""
    settings = (roster.term_schools, roster.quota_schools, roster.watch_schools)
    for table in roster.tables():
        source = table.sources[0][0] if table.sources else table.file
        if source == piece.source and table.values.get("school") is not None:
            cells = table.values["school"]
            table.values["school"] = [name if cell == piece.name else cell for cell in cells]
            for schools in settings:
                if schools.get(table.origin) == piece.name:
                    schools[table.origin] = name
    if piece.source in roster.declared:  # a Parquet file's school, under its own file
        roster.declared[piece.source] = name


class Told(NamedTuple):
    """A school's name for one file, as ``Namesakes.place`` tells it: ``name`` the name
    to go by; where the file is the first of a second school of that title, ``first`` the
    first file of the school it is told from and ``title`` the name both declare (when a
    学校 column of theirs names that title, the two stay one school: ``name`` is ``title``,
    and ``alike`` says what named them alike: ``Namesakes.alike``)."""

    name: str
    title: str = ""
    first: str = ""
    file: str = ""
    alike: str = ""


class Namesakes:
    """Schools of one name, told apart by their folders. A title names a school as its
    own staff call it (中心小学), and two townships each have a 中心小学: files of one title
    in folders neither of which holds the other are two schools. The first school (in the
    run's order) keeps the name; the next goes by it and its folder's name, where its path
    first parts from the others' (中心小学(二片区)). A school's own subfolder (记录表/) is
    the school's. A file of records or teachers alone joins the school whose folder holds
    it, else keeps the name. Files whose 学校 column names the school are not told apart:
    a row's 学校 cell is its school; nor is their folder a school's that the files below
    it join (a county's file at the top of its townships' folders). Nor is a county's or a
    district's folder (``holds_schools``) the school's of a file of children in it and
    one below it: they are in folders apart. ``runs``: the folder the run found each file
    in (``school_folder``)."""

    def __init__(self, runs: RunFolders) -> None:
        self.runs = runs
        # Each name's schools: the folder holding its files, the name it goes by, its first
        # file of children, and whether only files whose 学校 column names it hold it
        # there (a county's file at the top of the townships' folders: its rows go by their
        # cells, and its folder is no school's, so the townships below it are not pooled).
        self.groups: dict[str, list[tuple[Path, str, str, bool]]] = {}
        # Each file placed: whether its title names its school, and whether its 学校 cells
        # do (a merged roster's always: its rows' cells name them).
        self.said: dict[str, tuple[bool, bool]] = {}

    def place(
        self, file: str, name: str, column: bool, titled: bool, children: bool = True
    ) -> Told:
        """The name ``file`` goes by, declaring ``name``; ``column``: its 学校 column names
        it; ``titled``: its title does; ``children``: it holds children (else records or
        teachers alone)."""
        self.said[file] = (titled, column or not titled)
        # The school's folder, past its term's, grade's or list's (白鹤小学/秋季学期/: 白鹤小学/,
        # ``school_folder``); a copy of it (红星村小(1)/) is the school's folder.
        folder = copy_of(school_folder(str(source_path(file)), self.runs).resolve())
        groups = self.groups.setdefault(name, [])
        for i, (top, told, first, by_cells) in enumerate(groups):
            if folder == top:
                if by_cells and children and not column:
                    groups[i] = (top, told, first, False)
                return Told(told)
            # A county's or a district's folder (县/) is no school's: a file of children in
            # it and one below it (县/乙片区/) are namesakes in folders apart.
            if top in folder.parents and not (by_cells and children):
                if not (children and holds_schools(top)):
                    return Told(told)
            elif children and folder in top.parents and not holds_schools(folder):
                if not column:  # its folder holds the school's: the school's folder
                    groups[i] = (folder, told, first, by_cells)
                return Told(told)
        by_title = [(top, first) for top, _, first, by_cells in groups if not by_cells]
        if not children:
            return Told(name)
        if not groups or not (by_title or column):
            # Titled alone with what the 学校 column of the first names, in a folder apart:
            # one school, said so (below the first's folder nothing is, but for a county's
            # or a district's folder, no school's: its file's rows are counted with the
            # township's school below it, said whichever of them is read first).
            top = groups[0][0] if groups else None
            apart = titled and top is not None and (top not in folder.parents or holds_schools(top))
            first = groups[0][2] if apart else ""
            groups.append((folder, name, file, column))
            return Told(name, name, first, file, self.alike(first, file)) if first else Told(name)
        if column:
            first = by_title[0][1] if by_title else groups[0][2]
            return Told(name, name, first, file, self.alike(first, file))
        # Spelled as a 学校 cell is read (中心小学(二片区)): a merged roster's cells say it.
        where = _where_apart(folder, [top for top, _ in by_title])
        apart = nz.school(f"{name}（{where}）") or name
        groups.append((folder, apart, file, False))
        return Told(apart, name, by_title[0][1], file)

    def alike(self, first: str, file: str) -> str:
        """What named the school of ``first`` and of ``file`` alike, for the note saying
        they are counted as one school (namesakes_note). Where ``file``'s 学校 column names
        it: their titles and their 学校 columns ("both"), their 学校 columns ("columns":
        one has no title naming it), their titles, ``first`` having no 学校 column
        ("titles"), or ``first``'s title and ``file``'s 学校 column ("title_column").
        Where ``file``'s title alone does, ``first``'s 学校 column naming it: their titles
        ("titles_first": ``first``'s column too), or ``first``'s 学校 column and ``file``'s
        title ("column_title")."""
        first_titled, first_cells = self.said[first]
        titled, cells = self.said[file]
        if not cells:
            return "titles_first" if first_titled else "column_title"
        if first_cells:
            return "both" if first_titled and titled else "columns"
        return "titles" if titled else "title_column"


def _where_apart(folder: Path, others: list[Path]) -> str:
    """The folder in ``folder``'s path where it first parts from each of ``others``: the
    first below the one of ``others`` that holds it (县/ holding 县/乙片区/: 乙片区), its own
    where it holds one (县/ holding 县/乙片区/: 县)."""

    def parts_at(top: Path) -> int:
        pairs = zip(folder.parts, top.parts, strict=False)
        return next((k for k, (a, b) in enumerate(pairs) if a != b), len(top.parts))

    return folder.parts[min(max(map(parts_at, others)), len(folder.parts) - 1)]


def _spell_as_the_cells(roster: Roster) -> None:
    """A school whose lbc.toml or title names it otherwise than its roster's 学校 cells do
    (青山镇中心小学 in lbc.toml, 青山小学 in the cells) is one school, not two: every file
    declaring that name is declared as the cells spell it, so that its teachers list, which
    has no 学校 column, supports its children. Only where the children of the files
    declaring the name say one school in their 学校 cells. The documents are still titled
    with the name as declared (run_school)."""
    cells: dict[str, set[str]] = {}
    for table in roster.children:
        name = roster.declared.get(table.file)
        if name and table.has("school"):
            cells.setdefault(name, set()).update(c for c in table.values["school"] if c)
    for file, name in roster.declared.items():
        spelled = cells.get(name, set())
        if len(spelled) == 1 and name not in spelled:
            roster.respelled[file] = name
            roster.declared[file] = next(iter(spelled))


def _named_as_its_roster(roster: Roster) -> None:
    """A file of teachers or records alone that says no school (no lbc.toml, no title, no
    学校 column), named by the school its folder's file of children is named by, is of
    the school that file declares: 县/青山小学教师.xlsx beside 县/青山小学.xlsx, whose 学校
    cells say 青山镇中心小学, is 青山镇中心小学's, as ``_spell_as_the_cells`` does for a name
    lbc.toml or a title gives; else its teachers, going by their file's name, would support
    no child. Only where it is plain: the files of children in its folder named so declare
    one school, and no file declares the name the files are named by (then it is a school
    of its own). ``Roster.named_as`` keeps which file it went by, for the commands to say."""
    holding = {table.file for table in roster.children}
    said = set(roster.declared.values())
    beside: dict[tuple[Path, str], dict[str, str]] = {}
    for file in holding:
        name = titled(Path(file).stem)
        if name:
            beside.setdefault((Path(file).parent, name), {})[file] = roster.declared.get(file, "")
    columns = {x.file for x in [*roster.teachers, *roster.records] if x.has("school")}
    for file in roster.files:
        if file in holding or file in columns or roster.declared.get(file):
            continue
        name = titled(Path(file).stem)
        files = beside.get((Path(file).parent, name), {})
        schools = set(files.values())
        if len(schools) != 1 or name in said:
            continue
        school = schools.pop()
        if school and school != name:
            roster.declared[file] = school
            roster.named_as[file] = (min(files), school)


def run_school(roster: Roster, configured: str) -> str:
    """The school a run's documents are titled with: lbc.toml's [school] name, else the
    one school every file of the run declares (its roster's title: 青山镇中心小学留守儿童
    花名册), when that reads as a school's name; else "", and the documents say
    （学校名称）. A file of teachers or records alone that declares nothing (an untitled
    教师名单.xlsx beside the roster) is that school's, and does not stand in the way; nor
    does one of another school, none of whose children the run holds (白鹤小学's teachers
    list beside 青山镇中心小学's roster and list: schools.apart): the documents are of the
    children's school. A merged roster's school of nobody (its children table of no rows,
    REQ002, under its own file) is a school of the run too: a county of two is titled with
    neither."""
    if configured:
        return configured
    holding = {table.file for table in roster.children}
    names = {
        roster.respelled.get(name) or roster.declared.get(name, "")
        for name in dict.fromkeys([*roster.files, *sorted(holding)])
        if name in holding or (not holding and roster.declared.get(name))
    }
    name = names.pop() if len(names) == 1 else ""
    # A title naming a class or a township instead (三年级(2)班留守儿童名单) does not title a
    # school's documents.
    return name if ends_as_a_school(name) else ""


def workspace_school(path: Path) -> tuple[Path, str] | None:
    """The lbc.toml that names ``path``'s school (a path as ``path`` is given: beside it or
    up from it), and the name: the nearest one, when the file is in its folder or among
    the files its [files] name (``declared_school``)."""
    found = workspace_of(path)
    if found is None:
        return None
    config, cfg = found
    name = nz.school(cfg.school)
    if not name:
        return None
    here = path.resolve().parent
    return Path(os.path.normpath(path.parent / os.path.relpath(config, here))), name


def workspaces_of(
    files: Iterable[Path], carry_on: bool = False
) -> tuple[dict[Path, tuple[Path, Config] | None], dict[Path, LbcError]]:
    """Each file's school workspace (``workspace_of``), and with ``carry_on`` (a county's
    run over its schools' folders) each file of a school whose own lbc.toml lbc cannot read
    (one beside a spreadsheet, as a school's sits beside its roster), with why: that
    school's files are left out, as a file that cannot be read is, and the other schools
    are read, not judged by defaults in its place. Every other lbc.toml lbc cannot read (a
    county office's own above the schools' folders, which may name any school's files),
    and every school's where no file is left to read, is said, each once (LbcErrors), not
    the first alone: the office would otherwise mend one, run again, find the next."""
    found: dict[Path, tuple[Path, Config] | None] = {}
    unread: dict[Path, LbcError] = {}
    errors: dict[str, LbcError] = {}
    for path in files:
        try:
            found[path] = workspace_of(path)
        except LbcError as exc:
            config = find_config(path.resolve().parent)
            if carry_on and config is not None and holds_spreadsheets(config.parent):
                unread[path] = exc
            else:
                errors.setdefault(str(exc), exc)
    if not found:
        for exc in unread.values():
            errors.setdefault(str(exc), exc)
    if len(errors) == 1:
        raise next(iter(errors.values()))
    if errors:
        raise LbcErrors(list(errors.values()))
    return found, unread


def workspace_of(path: Path) -> tuple[Path, Config] | None:
    """The school workspace ``path`` is of, its lbc.toml and what it says: the nearest
    lbc.toml up from the file, when the file is in its folder or among the files its
    [files] name (a county office's lbc.toml above the schools' folders is no school's).
    An lbc.toml lbc cannot read (a typo, a quota past QUOTA_MAX) is its LbcError, as the
    school's own run gives it: which files it names, and its school, terms and quotas,
    are unknown, and a county's run would otherwise judge the school by defaults; unless
    it lies above the file's folder and plainly names no school (``names_no_school``)."""
    here = path.resolve().parent
    config = find_config(here)
    if config is None:
        return None
    try:
        cfg = load_config(config)
    except LbcError:
        # One above the file's folder naming no school and no file, with no spreadsheet
        # beside it (a county office's own, above the schools' folders, with a quota
        # mistyped), is no workspace of it; a school's, beside its roster, is its 上学期/'s.
        if config.parent != here and names_no_school(config):
            return None
        raise
    if config.parent == here or path.resolve() in cfg.own_files():
        return config, cfg
    return None


def copied_folders(
    files: Iterable[str], runs: RunFolders | None = None
) -> list[tuple[str, list[str]]]:
    """Each school whose folder the files of children lie in copies of (县/红星村小(1)/ and
    县/红星村小(2)/, or 县/青山小学/ and 县/青山小学(1)/: ``copy_of``), with those folders:
    one school to every command, whose copies most likely hold the same children twice.
    ``runs``: the folder the run found each file in (``school_folder``)."""
    copies: dict[Path, set[Path]] = {}
    for file in dict.fromkeys(files):
        folder = school_folder(file, runs)
        copies.setdefault(copy_of(folder), set()).add(folder)
    return [
        (folder_school(original), [str(folder) for folder in sorted(found)])
        for original, found in copies.items()
        if len(found) > 1
    ]


def one_name_two_workspaces(files: Iterable[str]) -> list[tuple[str, list[str]]]:
    """Each school name two or more schools' workspaces (lbc.toml) give the files holding
    children, with those lbc.toml files: one school to every command (its children and
    teachers pooled, paired together), which two workspaces seldom are; a school that
    copied a neighbour's lbc.toml is the usual cause."""
    configs: dict[str, set[Path]] = {}
    for file in dict.fromkeys(files):
        named = workspace_school(Path(file))
        if named is not None:
            configs.setdefault(named[1], set()).add(named[0])
    return [(name, sorted(map(str, found))) for name, found in configs.items() if len(found) > 1]


def declared_school(path: Path, roster: Roster) -> str:
    """The school a file says it belongs to (its lbc.toml, its roster's title, the one
    school its children's 学校 cells name), else ""; spelled as a 学校 cell is read
    (normalise.school), so the two compare. By its cells, a school's teachers list in the
    same file, which has no 学校 column, is that school's, not a school of the file's name
    that no child is in.

    An lbc.toml names the school of the files in its folder and of those its [files] name
    (its record sheets in 记录表/ …). A file further below it is not the workspace's: a
    county office's lbc.toml above the schools' folders would make every school one."""
    named = workspace_school(path)
    if named is not None:
        return named[1]
    name = titled_school(path, roster)
    if name:
        return name
    cells = column_schools(roster, str(path))
    return cells.pop() if len(cells) == 1 else ""


def titled_school(path: Path, roster: Roster, as_written: bool = False) -> str:
    """The school the title above a file's roster or record sheet names, else ""; a name
    every township's school goes by (中心小学) with the township its folder names
    (``qualified``); a division's or the township's alone, the school its folder names
    (``of_its_folder``), unless ``as_written``: what the title itself says, to quote it."""
    # A teacher's record sheet is titled with its school too (青山镇中心小学2024年秋季学期…),
    # and a teachers list kept in a file of its own (白鹤小学教师名单).
    sheets = [*roster.children, *filter(record_sheets.is_record_sheet, roster.records)]
    if not any(x.file == str(path) for x in sheets):
        sheets = [x for x in roster.teachers if x.file == str(path)]
    # A county's export read back: its pieces (their rows' ``sources``) came from several
    # schools' files, each titled as its school's own sheet was; the file is none's.
    came_from = {x.sources[0][0] for x in sheets if x.file == str(path) and x.sources}
    if len(came_from) > 1:
        return ""
    for table in sheets:
        if table.file != str(path):
            continue
        name = title_school(table.title)
        # A teacher retitles the record sheet lbc wrote her (侯军 帮扶记录（2024秋）): its
        # title names a school by a school's name alone, not by what stands before 帮扶记录,
        # else her records would be of a school 侯军帮扶记录 where none of her children is.
        # The title lbc wrote names the school lbc was told, however it ends (青山初中). So
        # a teachers list's: 结对帮扶教师名单 names no school 结对, and 中心小学教师名单, where
        # nothing says the township, none of the township schools that go by 中心小学.
        own = record_sheets.whole_title(table.title)
        school = qualified(name, path)
        school = school if as_written else of_its_folder(school, path)
        lone = table.kind is Kind.TEACHERS and school in GENERIC_SCHOOLS
        if name and not lone and (table.kind is Kind.CHILDREN or own or ends_as_a_school(name)):
            return school
    return ""


def _qualify_cells(roster: Roster) -> None:
    """Each 学校 cell naming a school as every township's may (中心小学) names it with the
    township its file says (``qualified``): a county's 城关镇/花名册.xlsx and 河口乡/花名册.xlsx
    whose 学校 cells both say 中心小学 are two schools to every command. A school's file
    under its lbc.toml says its township by the name lbc.toml gives first (城关镇中心小学),
    else the cells would respell it (``_spell_as_the_cells``) as every township's school.
    Read down each 学校 column once."""
    for table in [*roster.tables(), *roster.pairs, *roster.previous]:
        if not table.has("school"):
            continue
        cells = table.values["school"]
        generic = GENERIC_SCHOOLS.intersection(cells)
        if not generic:
            continue
        path = Path(table.file)
        named = workspace_school(path)
        said = named[1] if named is not None else table.title
        names = {cell: qualified(cell, path, said) for cell in generic}
        if any(name != cell for cell, name in names.items()):
            table.values["school"] = [names.get(cell, cell) for cell in cells]


@dataclass
class Schools:
    """Which school each row belongs to: its 学校 cell (a merged roster), else its file's
    school (lbc.toml, title or name); for reports per school of a folder or county roster."""

    by_row: dict[tuple[str, str, int], str]
    by_file: dict[str, str]
    # The rows of no school: a merged roster's 各校学期 rows naming none of its schools, and
    # records of a file placed by child (_records_by_child) naming no one child.
    nobody: frozenset[tuple[str, str, int]] = frozenset()
    # The name a merged roster writes a file's rows by (来源文件), where not its path as
    # read (lbc.workspace.inputs.written_names): its folder's own name for ``.``.
    written: dict[str, str] = field(default_factory=dict)
    # The files whose records are each of its child's school (_records_by_child).
    by_child: frozenset[str] = frozenset()

    @property
    def several(self) -> bool:
        return len(set(self.by_row.values()) | set(self.by_file.values())) > 1

    def at(self, file: str, sheet: str | None, row: int | None) -> str:
        """The school of an Excel row (a finding's file, sheet and row); "" for a row of
        no school (``nobody``)."""
        key = (file, sheet or "", row or 0)
        if key in self.nobody:
            return ""
        return self.by_row.get(key) or self.by_file.get(file, file)

    def of(self, table: Table, i: int) -> str:
        return self.at(table.file, table.sheet_at(i), table.rows[i])

    def source(self, file: str) -> str:
        """The 来源文件 a merged roster writes ``file``'s rows by (``written``)."""
        return self.written.get(file, file)

    def count(self, table: Table) -> Counter[str]:
        """How many of ``table``'s rows are of each school (``of``), read down its 学校
        column, if it has one: a county's merge counts a million children so."""
        # Its records each of its child's school, or of none where lbc wrote none (nobody).
        if table.file in self.by_child or (table.kind is Kind.RECORDS and table.schools_written):
            return Counter(self.of(table, i) for i in range(len(table)))
        own = self.by_file.get(table.file, table.file)
        cells = table.values.get("school")
        if cells is None:
            return Counter({own: len(table)} if len(table) else {})
        return Counter(cell or own for cell in cells)


def _one(cells: list[Any] | None) -> str:
    """The one school ``cells`` (a 学校 column) name, "" for none or several."""
    named = set(cells or ()) - {None, ""}
    return named.pop() if len(named) == 1 else ""


def _place_alone(roster: Roster, by_file: dict[str, str]) -> set[str]:
    """Give each file of teachers or records alone that declares no school (帮扶记录.xlsx)
    the school every command places it under (``schools_beside``: the one school of the
    children beside it, else of the run's), as lbc merge writes it, not the name of its
    own file: exported under that name, its records named no child of the school when
    read back (REC002). Where it may be of several schools it keeps its own name, and is
    one of the files returned, whose records lbc merge places each at its child's school
    (_records_by_child)."""
    holding = {x.file for x in roster.children}
    alone = [f for f in roster.files if f not in holding and not roster.declared.get(f)]
    if not alone or not holding:
        return set()

    def schools(table: Table) -> set[str]:
        cells = set(table.values["school"] if table.has("school") else (None,))
        own = {by_file[table.file]} if None in cells and by_file.get(table.file) else set()
        return {c for c in cells if c} | own

    by_folder = children_folders(roster.children, schools)
    unread = {Path(name).parent for name, _ in roster.failed}
    unplaced = set()
    for name, (school, _) in schools_beside(alone, by_folder, unread, by_file).items():
        if school:
            by_file[name] = school
        else:
            unplaced.add(name)
    return unplaced


def _records_by_child(
    roster: Roster, by_file: dict[str, str], unplaced: set[str]
) -> tuple[dict[tuple[str, str, int], str], set[tuple[str, str, int]], set[str]]:
    """The rows of each file of records alone that declares no school and that
    ``_place_alone`` could not give one (县/帮扶记录.xlsx beside 县/青山小学/ and
    县/白鹤小学/): each row's school is its child's, found by name (and class, birth date,
    or its teacher's pairs, as lbc validate finds it: ChildIndex) among every school's
    children, its ID number telling one child on two rows of a school from two. A row
    naming nobody of the roster, or namesakes of several schools, is of no school
    (``Schools.nobody``), rather than a school of its file's name none of its children
    are in: written so, its records named no child of that school read back (REC002).
    With the files so placed (``Schools.by_child``)."""
    from lbc.roster.support import ChildIndex, paired_with

    holding = {x.file for x in roster.children}
    files = _placed_by_child(roster, unplaced)
    by_row: dict[tuple[str, str, int], str] = {}
    nobody: set[tuple[str, str, int]] = set()
    if not files or not holding:
        return by_row, nobody, set()
    index: ChildIndex[tuple[str, object]] = ChildIndex()
    for table in roster.children:
        # A school's children lbc validate holds parked until it checks them (Table.park)
        # are looked up one school at a time, and parked again.
        parked = table.parked
        table.unpark()
        own = by_file.get(table.file, table.file)
        empty: list[Any] = [None] * len(table)
        cells = table.values.get("school") or empty
        numbers = id_numbers(table) or empty
        keys = [
            (cell or own, number if isinstance(number, str) and number else (table.file, i))
            for i, (cell, number) in enumerate(zip(cells, numbers, strict=True))
        ]
        index.add_table(table, keys, own)
        if parked:
            table.park()
    for table in roster.records:
        if table.file not in files or (table.has("school") and all(table.values["school"])):
            continue
        empty = [None] * len(table)
        v = table.values
        columns = (v.get(k) or empty for k in ("student", "class", "birth_date", "teacher"))
        cells = v.get("school") or empty
        for i, (student, cls, born, teacher, cell) in enumerate(zip(*columns, cells, strict=True)):
            if cell:
                continue
            at = (table.file, table.sheet_at(i), table.rows[i])
            found = paired_with(index.find(student, cls, None, born), teacher)
            schools = {school for (school, _), _ in found}
            if len(schools) == 1:
                by_row[at] = schools.pop()
            else:
                nobody.add(at)
    return by_row, nobody, files


# The children's columns a record's child is found by (_records_by_child, ChildIndex),
# which lbc validate keeps once it has checked them where some file's records are so placed.
BY_CHILD = ("school", "name", "class", "support_teacher", "birth_date", "id_number")


def _placed_by_child(roster: Roster, unplaced: set[str]) -> set[str]:
    """The files of records alone that declare no school and that ``_place_alone`` could
    not give one (``unplaced``), as lbc merge tells them (county.place_alone): each of
    their records is of its child's school (_records_by_child)."""
    return {x.file for x in roster.records if x.file in unplaced}


def _files_schools(
    roster: Roster, names: dict[str, str] | None = None
) -> tuple[dict[str, str], set[str]]:
    """Each file's school (schools_of's ``by_file``), by no cell but its 学校 column's; and
    the files of teachers or records alone it could not give one (``_place_alone``)."""
    names = names or file_names(roster.files, roster.runs)
    # A merged Parquet file's sources (a school of no rows too) are no file of the run:
    # each goes by its own name among the roster's files, as when the file is read alone.
    if any(name not in names for name in roster.files):
        names = {**file_names(roster.files, roster.runs), **names}
    by_file = named_schools(roster.files, roster.declared, names, roster.naming(), runs=roster.runs)
    # A merged roster's school sheet of no rows (merged_books.empty_sources) is of its file's
    # school, as a Parquet file's is: the one its file's rows say, else its file's name.
    unread = list(dict.fromkeys(x.file for x in roster.children if x.file not in by_file))
    if unread:
        named = file_names(unread, roster.runs)
        by_file.update((name, roster.declared.get(name) or named[name]) for name in unread)
    return by_file, _place_alone(roster, by_file)


def placed_by_child(roster: Roster) -> bool:
    """Whether some file's records are each of its child's school (``schools_of``'s
    ``by_child``), told before the children's cells are checked and let go: lbc validate
    keeps the columns that find each record's child (BY_CHILD) for it."""
    holding = {x.file for x in roster.children}
    if not holding or all(x.file in holding for x in roster.records):
        return False  # no file of records alone: each school's run, a merged roster's
    return bool(_placed_by_child(roster, _files_schools(roster)[1]))


def records_of_no_school(roster: Roster, schools: Schools) -> Counter[str]:
    """How many records of each file are of no school (``Schools.nobody``: naming no one
    child of the run's, as placed by child or as a merged roster or its export leaves
    them), by the file they came from (a merged roster's 来源文件), for lbc validate to
    say them once, not on a school's line."""
    out: Counter[str] = Counter()
    for table in roster.records:
        source = table.sources[0][0] if table.sources else table.file
        for i, row in enumerate(table.rows):
            if (table.file, table.sheet_at(i), row) in schools.nobody:
                out[source] += 1
    return out


def schools_of(
    roster: Roster, names: dict[str, str] | None = None, by_child: bool = False
) -> Schools:
    """Each row's school; ``names``: the files' own names (``file_names``) when the roster
    is one file of a larger run (``lbc merge`` reads each file alone). ``by_child``: a
    record of a file of records alone that may be of several schools is of its child's
    school (``_records_by_child``), as lbc export and lbc merge write it; its children's
    cells are needed for it (not a roster whose checked cells were let go)."""
    by_file, unplaced = _files_schools(roster, names)
    placed_rows = _records_by_child(roster, by_file, unplaced) if by_child else None
    by_row, nobody, placed = placed_rows or ({}, set(), set())
    for table in roster.tables():
        schools = table.values.get("school")
        written = table.kind is Kind.RECORDS and table.schools_written
        if schools is None and written:
            # An export's records of a file whose every record lbc left of no school: their
            # piece has no 学校 column (as their own sheet had none), and each is of none.
            nobody.update((table.file, table.sheet_at(i), row) for i, row in enumerate(table.rows))
        if schools is not None:
            for i, (row, school) in enumerate(zip(table.rows, schools, strict=True)):
                if school:
                    by_row[(table.file, table.sheet_at(i), row)] = school
                elif written:  # a merged roster's record of no school: never its file's
                    nobody.add((table.file, table.sheet_at(i), row))
        # A piece of a merged roster or of an export lacking a column its school's sheet
        # lacked: the column is said missing at that sheet (Table.lacks, or any column the
        # piece has not: engine._missing_columns), which is of the piece's school.
        where = table.lacks_where if table.lacks or table.sources else None
        if where and (school := table.own_school or _one(schools)):
            by_row.setdefault((*where, 0), school)
    # A merged roster's 各校学期 row is of the school it names (TRM001 is said there), of
    # none when it names none of the roster's: never of the merged file as a school.
    known = {*by_row.values(), *roster.term_schools.values()}
    for file, sheet, _, rows, _ in roster.term_sheets:
        for row, cells in rows:
            school = nz.school(cells[0]) if cells else None
            if school and school in known:
                by_row[(file, sheet, row)] = school
            else:
                nobody.add((file, sheet, row))
    return Schools(by_row, by_file, frozenset(nobody), by_child=frozenset(placed))
