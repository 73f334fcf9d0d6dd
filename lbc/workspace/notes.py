"""What a read of files and folders left out, pooled or took from elsewhere, in the
sentences the commands print on stderr as notes: last term's files and a workspace's
other files not read, folders of different terms or years side by side each read, a
file that could not be read, copies of a school's folder counted as the school, the
pairs in force, sheets skipped and columns not known.

Worked out here, not where they are printed, so that every command and lbc.read say the
same thing of the same read. A note about a command's own work (the pairs it makes, the
summary's terms, due's quotas) stays with that command."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lbc.messages import as_list, long_date, rows_listed, t
from lbc.output.formula_errors import UNSAVED
from lbc.roster import record_sheets
from lbc.roster.canonical import (
    IGNORED_GUARDIAN_MORE,
    IGNORED_HIDDEN,
    IGNORED_REPEAT,
    IGNORED_SAYS_LESS,
    IGNORED_SECOND_GUARDIAN,
    IGNORED_THIRD_GUARDIAN,
    IGNORED_UNKNOWN,
    IGNORED_WHERE_EMPTY,
    IGNORED_WHOSE,
    Roster,
    Table,
)
from lbc.roster.fields import Kind, guess_field
from lbc.roster.merged_books import whole_sheets
from lbc.roster.people import teachers_of_no_child
from lbc.roster.school_names import RunFolders, ends_as_a_school, folder_school
from lbc.workspace.config import Config
from lbc.workspace.inputs import (
    SideBySide,
    last_term_folder,
    spreadsheet_files,
    terms_side_by_side,
)
from lbc.workspace.schools import copied_folders, one_name_two_workspaces

if TYPE_CHECKING:
    from lbc.roster.pairs import PairsJoined


def spreadsheets(
    paths: list[Path], runs: dict[str, Path] | None = None
) -> tuple[list[Path], list[str]]:
    """The files ``paths`` stand for (spreadsheet_files), and the notes saying each one
    that is last term's (in 上学期/, or so named beside this term's roster), that a school's
    workspace keeps aside or that is an annotated copy beside a roster, and so is not read,
    and each one read from a 上学期 folder with nothing beside it; and the folders of
    different terms or years side by side it reads, each group once, or once for many
    schools' named alike (side_by_side_notes), with how to read one alone. ``runs``:
    filled with the folder each file was found in (spreadsheet_files)."""
    left_out: list[Path] = []
    copies: list[Path] = []
    last_term: list[Path] = []
    alone: list[Path] = []
    found = spreadsheet_files(paths, left_out, copies, last_term, alone, runs)
    notes = []
    for path in last_term:
        folder, later = last_term_folder(path)
        if not folder:
            notes.append(t("note.last_term_file", file=path))
        elif later is None:
            notes.append(t("note.last_term", file=path, folder=folder))
        else:
            notes.append(t("note.past_year", file=path, folder=folder, later=later))
    for path in alone:
        notes.append(t("note.last_term_alone", file=path, folder=last_term_folder(path)[0]))
    notes += [t("note.left_out", file=path) for path in left_out]
    notes += [t("note.annotated_copy", file=path) for path in copies]
    notes += side_by_side_notes(terms_side_by_side(paths, found))
    return found, notes


def side_by_side_notes(groups: Iterable[SideBySide]) -> list[str]:
    """The notes on folders of different terms or years side by side, each read
    (terms_side_by_side): one for each group, but one for the run for the groups of
    several schools whose folders are named alike (a county's 青山小学/2024秋/ and
    2025春/, 白鹤小学/2024秋/ and 2025春/ …, fifty schools' of one county): how many
    schools, the folders' names, and how to read one term alone, as one school's says;
    said as folders, not schools, unless each folder's name names a school (甲县/ and
    乙县/, each holding 2024秋/ and 2025春/, are two counties).
    Years' folders only where they are one school's years (``_one_schools_years``), and
    how to read one year only where naming its folder leaves nothing out."""
    alike: dict[tuple[tuple[str, ...], bool, bool], list[SideBySide]] = {}
    notes = []
    for group in groups:
        if group.years and not _one_schools_years(group):
            continue
        if group.years and not _latest_holds_all(group):
            folders = as_list(map(str, group.folders))
            notes.append(t("note.years_side_by_side.not_one", folders=folders))
            continue
        names = tuple(folder.name for folder in group.folders)
        alike.setdefault((names, group.aside, group.years), []).append(group)
    for (names, aside, years), found in alike.items():
        key = "note.years_side_by_side" if years else "note.terms_side_by_side"
        key += "" if aside or years else ".name_one"
        latest = found[0].folders[-1]
        if len(found) == 1:
            notes.append(t(key, folders=as_list(map(str, found[0].folders)), example=latest))
        else:
            words = {"count": len(found), "folder": latest.parent, "names": as_list(names)}
            schools = all(_names_a_school(group.folders[0].parent) for group in found)
            notes.append(t(key + (".schools" if schools else ".folders"), **words, example=latest))
    return notes


def _names_a_school(folder: Path) -> bool:
    """Whether ``folder``'s name (or a file's, its name alone as a path) names a school
    (青山小学/, 青山小学.xlsx), not a county, a township or a school's code (县/, 001/)."""
    return ends_as_a_school(folder_school(folder))


def _one_schools_years(group: SideBySide) -> bool:
    """Whether years' folders side by side are one school's years, not schools' codes
    (县/2001/, 县/2002/), the parts of a county kept in the years they came
    (县/2023/青山小学.xlsx, 县/2024/白鹤小学.xlsx) or a school's cohorts by the year they
    entered (青山小学/2020/五年级.xlsx, 2021/四年级.xlsx): two of them hold files or folders
    of one name, and that name, or the folder holding them, names a school
    (县/2023/青山小学.xlsx and 县/2024/青山小学.xlsx, 青山小学/2023/花名册.xlsx and
    青山小学/2024/花名册.xlsx). Told by names, as read before the files are: cheap, and
    where unsure, nothing said, as before years' folders were said at all."""
    seen: set[str] = set()
    shared: set[str] = set()
    for names in group.held:
        shared |= seen & names
        seen |= names
    places = [group.folders[0].parent, *map(Path, shared)]
    return bool(shared) and any(map(_names_a_school, places))


def _latest_holds_all(group: SideBySide) -> bool:
    """Whether naming the latest of years' folders alone reads every school and file the
    others hold (县/2024/ holding 青山小学.xlsx and 白鹤小学.xlsx beside 县/2023/ holding
    青山小学.xlsx), with nothing read beside them: else naming it loses the others."""
    return not group.beside and group.held[-1] >= frozenset().union(*group.held)


def files_left_out(roster: Roster) -> list[str]:
    """A note for each file that could not be read, with why: the others were read. A
    school's files left out for one reason (its lbc.toml) are said in one note."""
    reasons = dict.fromkeys(reason for _, reason in roster.failed)
    return [t("note.file_left_out", reason=reason) for reason in reasons]


# The cells of a record that tell one version of a teacher's sheet from another.
_RECORD_CELLS = ("student", "class", "kind", "date", "content")


def record_sheet_versions(records: Sequence[Table]) -> list[str]:
    """A note for each teacher's record sheets of one term (by the title lbc wrote) handed
    back in two or more files of one folder whose records differ: 王芳.xlsx and 王芳 (1).xlsx,
    the second saved again after she corrected a row. Every file's records are read (a
    record alike in both once), so a row changed or emptied in the newer one still counts
    as it was in the older; which is newer lbc cannot tell. Copies alike are not said."""
    versions: dict[tuple[str, str, object], dict[str, set[tuple[object, ...]]]] = {}
    for table in records:
        term = record_sheets.sheet_term(table)
        teacher = record_sheets.title_teacher(table.title) if term is not None else None
        if teacher is None:
            continue
        key = (str(Path(table.file).parent), teacher, term)
        rows = versions.setdefault(key, {}).setdefault(table.file, set())
        empty: list[object] = [None] * len(table)
        columns = [table.raw.get(k) or empty for k in _RECORD_CELLS]
        rows.update(zip(*columns, strict=True))
    notes = []
    for (_, teacher, _), files in versions.items():
        if len(files) > 1 and len({frozenset(rows) for rows in files.values()}) > 1:
            notes.append(t("note.record_sheet_versions", files=as_list(files), teacher=teacher))
    return notes


def what_was_read(
    files: list[Path],
    cfg: Config,
    roster: Roster,
    pairs_matter: bool = False,
    checked: bool = False,
    unused_settings: Sequence[str] = (),
    unseen: Callable[[Table], int] | None = None,
) -> list[str]:
    """The notes about a roster just read from ``files``: which pairs are used, the schools
    pooled or told apart, the sheets skipped, the columns not known. ``pairs_matter``: the
    command's result is about who supports whom, so it also says when the workspace's pairs
    file is not made yet. ``checked``: lbc validate, whose findings say each of a teachers
    list's names that pairs nobody. ``unused_settings``: the notes on the rows of a merged
    roster's sheets of each school's own settings that cannot be used, worded from the
    checks' findings, which a command that lists no findings says in their place. The
    sheets the workbook hides, and the rows a sheet hides, are said too: they are read,
    though the school does not see them when it opens the file. ``unseen``: how many of a
    children sheet's children the command judges neither way for contacts it cannot see
    (``sheet_notes``)."""
    notes = _pairs_notes(files, cfg, roster, pairs_matter)
    notes += record_sheet_versions(roster.records)
    notes += two_workspaces_notes(table.file for table in roster.children)
    notes += copied_folders_notes((table.file for table in roster.children), roster.runs)
    notes += unused_settings
    for file, (title, school, teachers) in roster.unlike_title.items():
        notes.append(unlike_title_note(file, title, school, teachers))
    notes += [namesakes_note(*told) for told in roster.namesakes]
    notes += parts_apart_notes(roster.parts_kept_apart())
    notes += pooled_notes(roster.pooled_in_areas())
    notes += generic_pooled_notes(roster.generic_pooled())
    for file, (roster_file, school) in roster.named_as.items():
        notes.append(t("note.named_as", file=file, roster=roster_file, school=school))
    for file, (title, school) in roster.titled_as.items():
        records = any(x.file == file for x in roster.records)
        notes.append(titled_as_note(file, title, school, records))
    for school, lists in teachers_of_no_child(roster).items():
        notes.append(t("note.no_children_of_school", school=school, files=as_list(lists)))
    notes += [skipped_note(*skipped, roster.unnamed_records) for skipped in roster.skipped]
    # The names in a teachers list's 帮扶学生 column that pair nobody, by list: lbc validate
    # says each (TCH005-TCH007), every other command how many.
    listed = Counter(id(x.table) for x in roster.joined.listed) if roster.joined else Counter()
    # A merged roster's teachers sheet is read school by school (by_source): its pieces'
    # names, counted by the sheet they are pieces of (whole_sheets).
    pieces = Counter(
        (x.table.file, x.table.sheet, x.table.kind)
        for x in (roster.joined.listed if roster.joined else ())
        if x.table.sources is not None
    )
    for table in whole_sheets(roster.tables()):
        where = {"file": table.file, "sheet": table.sheet}
        notes += sheet_notes(table, checked, unseen=unseen)
        unknown = [
            (letter, label) for letter, label, why, _ in table.ignored if why == IGNORED_UNKNOWN
        ]
        if unknown:
            cols = as_list(f"{label}({letter})" for letter, label in unknown)
            notes.append(t("note.unknown_columns", columns=cols, **where))
        unpaired = listed.get(id(table)) or pieces.get((table.file, table.sheet, table.kind), 0)
        if unpaired and not checked:
            col = table.columns["children"]
            columns = f"{col.label}({col.letter})"
            notes.append(t("note.teacher_children", columns=columns, count=unpaired, **where))
        for why, said in (
            (IGNORED_REPEAT, "note.repeat_columns"),
            (IGNORED_SAYS_LESS, "note.says_less_columns"),
            (IGNORED_SECOND_GUARDIAN, "note.second_guardian_columns"),
            (IGNORED_GUARDIAN_MORE, "note.guardian_more_columns"),
            (IGNORED_WHERE_EMPTY, "note.where_empty_columns"),
            (IGNORED_THIRD_GUARDIAN, "note.third_guardian_columns"),
            (IGNORED_HIDDEN, "note.hidden_columns"),
        ):
            left = [(letter, label) for letter, label, whys, _ in table.ignored if whys == why]
            if left:
                cols = as_list(f"{label}({letter})" for letter, label in left)
                notes.append(t(said, columns=cols, **where))
        whose = [(letter, label) for letter, label, why, _ in table.ignored if why == IGNORED_WHOSE]
        if whose:
            cols = as_list(f"{label}({letter})" for letter, label in whose)
            notes.append(t("note.whose_columns", columns=cols, **where))
        for letter, header in unknown:
            guess = guess_field(table.kind, header)
            if guess is not None and guess.key not in table.columns:
                words = {"header": header, "letter": letter, "label": guess.label}
                notes.append(t("note.column_guess", key=guess.key, **words, **where))
    return notes


def sheet_notes(
    table: Table,
    checked: bool = False,
    merged: bool = False,
    unseen: Callable[[Table], int] | None = None,
) -> list[str]:
    """The notes on which of a sheet's rows were read and what class each was given, where
    the school would not see it in its file: the sheet the workbook hides (Table.hidden),
    the rows it hides, by hand or by a filter in force (Table.hidden_rows), read all the
    same; the class its name, title or file's name gives every row, or gives none, being
    of another grade than its file's (Table.class_from, Table.class_unlike) or where they
    name two classes (Table.class_names_unlike); the empty 班级 cells its class heading
    rows fill (Table.classes_headed), the class numbers its grade heading rows give a
    grade (Table.classes_graded), the headings of another grade that give none
    (Table.headings_unlike); the grades its names disagree on (Table.grade_names_unlike);
    what made every row of a records sheet with no 类型 column of one kind (Table.kind_from);
    the rows left out as showing nothing but #N/A (Table.error_rows), which lbc validate
    (``checked``) says as VAL008 instead, and lbc merge (``merged``) as not written into
    the merged roster, which keeps no trace of them. Every command says them, lbc merge
    too, whose workers word them as they read each file (SchoolPart.sheet_notes): a merged
    roster holds these rows and classes, and not those left out. ``unseen``: how many of
    a children sheet's children have contacts the commands judge neither way, being cells
    lbc cannot see (lbc.checks.contacts.unseen_contacts, which this layer does not ask
    itself), said in the note on such cells."""
    where = {"file": table.file, "sheet": table.sheet}
    notes = []
    if not checked:
        for run in table.error_rows:
            said = t("rule.VAL008", **run.words())  # as lbc validate says it
            key = "note.error_rows_merged" if merged else "note.error_rows"
            notes.append(t(key, file=table.file, sheet=run.sheet, message=said))
        notes += _unsaved_note(table, unseen)
    for mark in table.marks():  # each numbered sheet's of a table over several
        if mark.hidden:
            notes.append(t("note.hidden_sheet", file=table.file, sheet=mark.sheet, rows=mark.rows))
        if mark.hidden_rows:
            key = "note.hidden_rows.filtered" if mark.filtered else "note.hidden_rows"
            rows = mark.hidden_rows
            notes.append(
                t(key, file=table.file, sheet=mark.sheet, rows=rows_listed(rows), count=len(rows))
            )
    if table.grade_names_unlike:
        names = as_list(table.grade_names_unlike)
        notes.append(t("note.grade_names_unlike", names=names, **where))
    if table.class_from:
        source, cls = table.class_from
        notes.append(t(f"note.class_from.{source}", cls=cls, **where))
    if table.class_unlike:
        source, cls, names = table.class_unlike
        notes.append(t(f"note.class_unlike.{source}", cls=cls, names=as_list(names), **where))
    if table.class_names_unlike:
        sources = as_list(t(f"class_source.{source}") for source, _ in table.class_names_unlike)
        classes = as_list(cls for _, cls in table.class_names_unlike)
        notes.append(t("note.class_names_unlike", sources=sources, classes=classes, **where))
    if table.classes_headed:
        notes.append(t("note.classes_headed", count=table.classes_headed, **where))
    if table.classes_graded:
        notes.append(t("note.classes_graded", count=table.classes_graded, **where))
    if table.headings_unlike:
        headings, names = map(as_list, table.headings_unlike)
        notes.append(t("note.headings_unlike", headings=headings, names=names, **where))
    if table.kind_from:
        source, kind = table.kind_from
        notes.append(t(f"note.kind_from.{source}", kind=kind, **where))
    return notes


def skipped_note(file: str, sheet: str, unnamed: list[tuple[str, str]]) -> str:
    """The note on a sheet passed over: as records naming no teacher where it is one of
    ``unnamed`` (Roster.unnamed_records), which the school mends by adding the column."""
    key = "note.records_no_teacher" if (file, sheet) in unnamed else "note.sheet_skipped"
    return t(key, file=file, sheet=sheet)


def titled_as_note(file: str, title: str, school: str, records: bool) -> str:
    """That a file of records, or (not ``records``) a teachers list, titled with a school
    no roster read declares is read as the run's one school (Roster.titled_as)."""
    wording = "note.titled_as" if records else "note.titled_as_teachers"
    return t(wording, file=file, title=title, school=school)


def unlike_title_note(file: str, title: str, school: str, teachers: bool) -> str:
    """That a file's title names one school and its 学校 column another, whose its
    children (its ``teachers``, of a teachers list alone) are counted (Roster.unlike_title)."""
    wording = "note.unlike_title_teachers" if teachers else "note.unlike_title"
    return t(wording, file=file, title=title, school=school)


def _unsaved_note(table: Table, unseen: Callable[[Table], int] | None) -> list[str]:
    """The note on a sheet's cells holding a formula saved without its result (UNSAVED):
    how many, and the first, whose values lbc cannot read and every count and list takes
    as not there, but for contacts: how many children (``unseen``, of a children sheet)
    are therefore counted neither missing a contact nor complete; lbc validate says each
    (VAL010)."""
    if not table.formula_errors:
        return []
    cells = [
        (i, key)
        for key, column in table.raw.items()
        if UNSAVED in column
        for i, value in enumerate(column)
        if value.__class__ is str and value == UNSAVED
    ]
    if not cells:
        return []
    i, key = min(cells)
    cell = f"{table.cell_letter(key, i)}{table.rows[i]}"
    where = {"file": table.file, "sheet": table.sheet, "count": len(cells), "cell": cell}
    children = unseen(table) if unseen is not None and table.kind is Kind.CHILDREN else 0
    if children:
        return [t("note.unsaved.contacts", children=children, **where)]
    return [t("note.unsaved", **where)]


def parts_apart_notes(apart: Iterable[tuple[str, list[str], str]]) -> list[str]:
    """Of each file named by a part of a roster (困境儿童.xlsx), that it is kept apart from
    the one school beside it, or that which of the schools beside it it is of cannot be
    told, and how to make it its school's (parts_kept_apart)."""
    return [
        t("note.part_apart", file=file, school=schools[0], name=name)
        if len(schools) == 1
        else t("note.part_of_several", file=file, schools=as_list(schools), name=name)
        for file, schools, name in apart
    ]


def pooled_notes(pooled: Iterable[tuple[str, list[str]]]) -> list[str]:
    """Of the files pooled under each county's, township's or district's folder's name,
    their names naming no school, that they are so counted and how to give them their
    schools (pooled_in_areas)."""
    return [
        t("note.pooled_in_area", files=as_list(files), count=len(files), name=name)
        for name, files in pooled
    ]


def generic_pooled_notes(pooled: Iterable[tuple[str, list[str]]]) -> list[str]:
    """Of the files of a county's folder pooled as one school by a name every township's
    school goes by (中心小学), that whose each is cannot be told (generic_pooled)."""
    return [t("note.generic_pooled", files=as_list(files), name=name) for name, files in pooled]


def namesakes_note(name: str, title: str, first: str, file: str, alike: str) -> str:
    """That ``first`` and ``file`` name one school in folders apart, and whether they are
    counted as two schools (``file``'s going by ``name``: both titled with it) or, the
    学校 column of ``file`` naming ``title``, as one, saying what named them alike
    (``alike``, given then alone: lbc.workspace.schools.Namesakes.alike)."""
    words = {"title": title, "first": first, "file": file, "name": name}
    if alike:
        return t(f"note.namesakes_pooled.{alike}", **words)
    return t("note.namesakes_apart", **words)


def copied_folders_notes(files: Iterable[str], runs: RunFolders) -> list[str]:
    """Each school whose children lie in copies of its folder (copied_folders; ``runs``:
    the folder the run found each file in)."""
    return [
        t("note.copied_folders", school=school, folders=as_list(folders))
        for school, folders in copied_folders(files, runs)
    ]


def two_workspaces_notes(files: Iterable[str]) -> list[str]:
    """Each school name that two schools' workspaces give (one_name_two_workspaces)."""
    return [
        t("note.one_name_two_workspaces", school=school, configs=as_list(configs))
        for school, configs in one_name_two_workspaces(files)
    ]


def _pairs_notes(files: list[Path], cfg: Config, roster: Roster, pending: bool) -> list[str]:
    """One line on where the support teachers come from, when anything but the roster's own
    帮扶教师 column decides them, or when the workspace's pairs file is not made yet."""
    joined = roster.joined
    if joined is not None and (joined.books or roster.previous):
        return [t("note.pairs", parts=pairs_used(joined, bool(roster.previous)))]
    waiting = pending and cfg.pairs is not None and not cfg.pairs.exists()
    if waiting and cfg.pairs and {p.resolve() for p in cfg.rosters} <= {p.resolve() for p in files}:
        return [t("note.pairs.pending", path=os.path.relpath(cfg.pairs))]
    return []


def pairs_used(joined: PairsJoined, previous: bool = False) -> str:
    """Where the support teachers come from, as the pairs note words it (``previous``:
    last term's roster was given with --keep)."""
    parts = []
    if joined.books:
        books, count, day = as_list(joined.books), joined.from_books, joined.newest
        if day is None:
            parts.append(t("note.pairs.undated", books=books, count=count))
        else:
            parts.append(t("note.pairs.books", books=books, date=long_date(day), count=count))
    if joined.column_newer:
        parts.append(t("note.pairs.column_newer", count=joined.column_newer))
    if joined.list_newer:
        parts.append(t("note.pairs.list_newer", count=joined.list_newer))
    if previous:
        parts.append(t("note.pairs.previous", count=joined.from_previous))
    if joined.unmatched:
        parts.append(t("note.pairs.unmatched", count=joined.unmatched))
    if joined.errors:
        rows = {(id(book), r): book.raw["support_teacher"][r] for book, r in joined.errors.values()}
        # A formula saved without its result (#未存结果) is no formula's error: said apart.
        unsaved = sum(cell == UNSAVED for cell in rows.values())
        if len(rows) > unsaved:
            parts.append(t("note.pairs.errors", count=len(rows) - unsaved))
        if unsaved:
            parts.append(t("note.pairs.unsaved", count=unsaved))
    if joined.moved_school:
        parts.append(t("note.pairs.moved_school", count=joined.moved_school))
    if joined.namesakes:
        names = as_list(dict.fromkeys(joined.namesakes))
        parts.append(t("note.pairs.namesakes", count=len(joined.namesakes), names=names))
    return t("note.pairs.joiner").join(parts)
