"""Which files a command reads: a folder stands for every spreadsheet inside it, but for
what a school's workspace inside it keeps aside."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from lbc.errors import LbcError
from lbc.messages import as_list, t
from lbc.roster.reading import SUFFIXES
from lbc.roster.term_names import (
    TERM_ALONE,
    Terms,
    calendar_half,
    named_before,
    named_term,
    named_terms,
    school_year,
    year_alone,
)

# The folders a school keeps last term's files in, as lbc's own steps keep them (lbc diff
# 上学期/roster.xlsx roster.xlsx, lbc pair --keep 上学期/roster.xlsx): what lies in one,
# below a folder a command is given, is not this term's, whatever lbc.toml says or does
# not say. Named on the command line (the file, or the folder itself), it is read. But
# 上学期 is the name of a school year's first semester too (``_term_kind``).
LAST_TERM_FOLDERS = frozenset({"上学期"})
# The folder of a school year's second semester, beside the first's (上学期/ 下学期/).
LATER_TERM_FOLDERS = frozenset({"下学期"})
# The name of a file a school keeps last term's children in beside this term's roster, as
# it would keep them in a 上学期 folder (上学期花名册.xlsx, 青山小学上学期名单.xlsx): a
# 上学期 named with no year (``_last_terms_by_name``).
LAST_TERM_NAME = re.compile(r"上学期")
# A grade or a class a file's name names (三年级, 3年级, 初一, 高二, 三(2)班, 2班, 大班,
# 学前班): a school's roster kept a grade or a class a file.
_GRADE_NAMED = re.compile(
    r"[一二三四五六七八九\d]\s*年级|[初高][一二三]|[一二三四五六七八九十\d]+\s*[)）]?\s*班"
    r"|学前班|[大中小]班"
)
# Words a file's name says a list other than a roster of children by (教师名单.xlsx,
# 帮扶记录.xlsx, 结对名单.xlsx): beside a file named last term's, it is no roster of this
# term's, and that file may be its school's only one.
_NOT_A_ROSTER = ("教师", "老师", "班主任", "教职工", "帮扶", "记录", "结对", "谈心", "家访")
# Why a folder's spreadsheet is not read (``_kept_aside``): last term's, or not among the
# files its school's lbc.toml names; or why it is read and said: in a 上学期 folder with
# no roster beside it, this term's (``_term_kind``).
LAST_TERM, WORKSPACE, ALONE = "last_term", "workspace", "alone"


def spreadsheet_files(
    paths: Iterable[Path],
    left_out: list[Path] | None = None,
    copies: list[Path] | None = None,
    last_term: list[Path] | None = None,
    alone: list[Path] | None = None,
    runs: dict[str, Path] | None = None,
) -> list[Path]:
    """The files named, and every spreadsheet inside the folders named (sorted, nested
    folders too); Excel's ~$ lock files and hidden files are passed over.

    In a folder, a copy ``lbc validate --annotate`` wrote (its first sheet lbc's 问题清单)
    beside the roster it copies would count each of its children twice: it goes to
    ``copies``, for the command to say, unless nothing else in its folder is read (then it
    may be all the school sent).

    Last term's files, in a folder a school keeps them in (上学期/: ``LAST_TERM_FOLDERS``,
    not a school year's first semester: ``_term_kind``) below a folder named, are
    not this term's, with an lbc.toml or without, whatever it names: read, last term's
    children would be counted as this term's, those who have left too. They go to
    ``last_term``, for the command to say. Named themselves, or their folder named (lbc
    diff 上学期 .), they are read. A 上学期 folder with nothing beside it (no roster of
    this term's, no 下学期) is the only roster its school has, its first semester's most
    likely: its files are read, and go to ``alone`` too, for the command to say.

    A file whose name says it is last term's (上学期花名册.xlsx, 2024秋花名册.xlsx beside
    2025春花名册.xlsx: ``_last_terms_by_name``) beside this term's roster in its folder is
    last term's as well, and goes to ``last_term``; beside no roster (its teachers list
    and records alone), it is its school's only roster, and is read.

    A school's workspace in a folder (an lbc.toml naming its rosters, at or below the
    folder) keeps to its own files: the rosters, the record sheets handed back and the
    pairs workbook its lbc.toml names, which is what the school's own commands read. Any
    other spreadsheet in it is not this term's roster: what lbc wrote beside the roster
    (an annotated copy, a change log, an export, a follow-up list), say. Read, its
    children would be counted again. It goes to ``left_out``, for the command to say.

    Each spreadsheet goes to ``runs``, by its whole path, with the folder it was found in:
    the folder named, or its own, named itself (lbc.roster.school_names.RunFolders), for the
    command to name its school by, alike however the folder was given."""
    where = {} if runs is None else runs
    out: list[Path] = []
    kept: dict[Path, tuple[frozenset[Path], bool] | None] = {}
    terms: dict[Path, str | None] = {}
    for path in paths:
        if not path.is_dir():
            where[os.path.abspath(path)] = Path(os.path.abspath(path.parent))
            out.append(path)
            continue
        found, this_term = [], []
        for p in sorted(path.rglob("*")):
            if not (_spreadsheet_name(p.name) and p.is_file()):
                continue
            where[os.path.abspath(p)] = Path(os.path.abspath(path))
            why = _kept_aside(p, path, kept, terms)
            if why in (None, ALONE):
                found.append(p)
                if why is None:
                    this_term.append(p)
                elif alone is not None and not _records_by_name(p, path):
                    alone.append(p)
            elif why == LAST_TERM:
                if last_term is not None:
                    last_term.append(p)
            elif left_out is not None:
                left_out.append(p)
        named = _last_terms_by_name(this_term)
        found = [p for p in found if p not in named]
        if last_term is not None:
            last_term += named
        marked = [p for p in found if _annotated_copy(p)]
        beside = {p.parent for p in found if p not in marked}
        aside = [p for p in marked if p.parent in beside]
        out += [p for p in found if p not in aside]
        if copies is not None:
            copies += aside
    return list(dict.fromkeys(out))


# Words a file's or its folder's name says records by (帮扶记录表_…_王芳.xlsx, 记录表/).
_RECORDS = ("记录", "谈心", "家访")


def _records_by_name(file: Path, root: Path) -> bool:
    """Whether ``file``, found in the folder ``root``, is support records by its name or a
    folder's, ``root`` included (记录表/上学期/帮扶记录表_2024年秋季学期_王芳.xlsx): read
    from a 上学期 folder, they are records still, each dated by its own sheet's term, and
    not said to be read as this term's roster."""
    names = [root.resolve().name, *file.relative_to(root).parts]
    return any(word in _folder_name(name) for name in names for word in _RECORDS)


def _spreadsheet_name(name: str) -> bool:
    """Whether a file of this name is a spreadsheet a folder's run reads: not Excel's ~$
    lock file, nor a hidden one."""
    return Path(name).suffix.lower() in SUFFIXES and not name.startswith(("~$", "."))


def holds_spreadsheets(folder: Path) -> bool:
    """Whether ``folder`` itself (not its subfolders) holds a spreadsheet a run over it
    reads, other than a roster lbc merge wrote there (``_merged_roster``): a school's
    folder holds its roster beside its lbc.toml, a county office's above the schools'
    folders holds none of its own, though the county's merged roster may lie beside its
    lbc.toml. Each folder scanned once while it stays unchanged."""
    try:
        return _holds_spreadsheets(folder.resolve(), folder.stat().st_mtime_ns)
    except OSError:
        return False


@functools.lru_cache(maxsize=64)
def _holds_spreadsheets(folder: Path, _changed: int) -> bool:
    with os.scandir(folder) as entries:
        return any(
            _spreadsheet_name(e.name) and e.is_file() and not _merged_roster(Path(e.path))
            for e in entries
        )


def _merged_roster(path: Path) -> bool:
    """Whether a file is a roster ``lbc merge`` wrote: a .parquet, or a workbook with the
    来源列 sheet merge adds (lbc.roster.merged_books.COLUMNS_SHEET)."""
    from lbc.roster.merged_books import COLUMNS_SHEET
    from lbc.roster.reading import PARQUET_SUFFIX, sheet_names

    return path.suffix.lower() == PARQUET_SUFFIX or COLUMNS_SHEET in sheet_names(path)


def _annotated_copy(path: Path) -> bool:
    """Whether a workbook is one ``lbc validate --annotate`` wrote: its first sheet is the
    问题清单 (Problems, in English) before the roster's own sheets."""
    from lbc.messages import both
    from lbc.roster.reading import sheet_names

    names = sheet_names(path)
    return len(names) > 1 and names[0] in both("annotate.sheet")


def last_terms(base: Path, folders: Sequence[str]) -> bool:
    """Whether one of the folders ``folders`` below ``base`` (base/folders[0]/folders[1]…)
    is one a school keeps last term's files in (``_term_kind``)."""
    return term_folders(base, folders) == LAST_TERM


def term_folders(
    base: Path, folders: Sequence[str], seen: dict[Path, str | None] | None = None
) -> str | None:
    """``LAST_TERM`` when one of the folders ``folders`` below ``base`` is one a school
    keeps last term's files in (上学期/: ``_term_kind``), or a past school year's
    (``_later_year``), else ``ALONE`` when one is a 上学期 folder with no roster beside it,
    else None. ``seen``: each such folder's, worked out once."""
    seen = {} if seen is None else seen
    kinds = set()
    for i, name in enumerate(folders):
        folder = base.joinpath(*folders[: i + 1])
        if folder in seen:
            kinds.add(seen[folder])
        elif _folder_name(name) in LAST_TERM_FOLDERS:
            seen[folder] = _term_kind(folder)
            kinds.add(seen[folder])
        elif school_year(name) is not None:
            seen[folder] = LAST_TERM if _later_year(folder) else None
            kinds.add(seen[folder])
    return LAST_TERM if LAST_TERM in kinds else ALONE if ALONE in kinds else None


def _term_kind(folder: Path) -> str | None:
    """What ``folder``, named 上学期, holds: last term's files (``LAST_TERM``), a school
    year's first semester's (None), or, with no roster beside it, its school's only roster
    (``ALONE``).

    A school that files its rosters by semester (2025-2026学年/上学期/花名册.xlsx, then
    2025-2026学年/下学期/) keeps this term's in it: in a folder named by a school year, or
    beside a 下学期 folder, it is the first semester's, unless that 下学期 folder holds a
    roster (the later semester, this term's) or a roster lies beside it in its own folder
    (2025-2026学年/花名册.xlsx, or 花名册.xlsx beside an empty 下学期/: this term's, the
    first semester's kept aside as lbc's own steps keep last term's: ``_a_roster_file``).
    Else it is last term's, as lbc's own steps keep it, beside this term's roster (in its
    folder, or in a folder beside it); with no roster beside it (nothing, or only lists
    its name or its folder's says are of teachers or records: ``_holds_a_roster``), it is
    all the school has of its children, read rather than lose them, and said."""
    here = folder.resolve()
    return _kind_beside(here.parent, {here})


def _kind_beside(parent: Path, apart: Collection[Path]) -> str | None:
    """``_term_kind`` of a 上学期 folder in ``parent`` (resolved), beside the entries of
    ``parent`` but for ``apart`` (the folder itself, and what would be moved into it)."""
    try:
        with os.scandir(parent) as entries:
            others = [Path(e.path) for e in entries if Path(e.path) not in apart]
    except OSError:
        others = []
    later = [p for p in others if _folder_name(p.name) in LATER_TERM_FOLDERS and p.is_dir()]
    if any(_holds_a_roster(p) for p in later):
        return LAST_TERM
    if any(_a_roster_file(p) for p in others):
        return LAST_TERM  # this term's roster beside it in its own folder
    if later or school_year(parent.name) is not None:
        return None
    return LAST_TERM if any(p.is_dir() and _holds_a_roster(p) for p in others) else ALONE


def _a_roster_file(path: Path) -> bool:
    """Whether ``path`` is a spreadsheet whose name says no list other than a roster of
    children (``_NOT_A_ROSTER``: 教师名单.xlsx, 帮扶记录.xlsx)."""
    return _spreadsheet_name(path.name) and path.is_file() and not _names_a_list(path.name)


def _later_year(folder: Path) -> str | None:
    """The name of the latest folder beside ``folder``, itself named by a school year,
    that is named by a later school year and holds a roster (2025-2026学年 beside
    2024-2025学年): this school year's, where ``folder`` is a past one's; None if there
    is none."""
    here = folder.resolve()
    year = school_year(here.name) or 0
    try:
        with os.scandir(here.parent) as entries:
            later = [
                Path(e.path) for e in entries if (school_year(e.name) or 0) > year and e.is_dir()
            ]
    except OSError:
        return None
    held = [p for p in later if _holds_a_roster(p)]
    return max(held, key=lambda p: school_year(p.name) or 0).name if held else None


def _holds_a_roster(folder: Path) -> bool:
    """Whether ``folder`` holds a roster (``_a_roster_file``), in it or below, in no
    folder whose name says a list other than a roster (记录表/2025秋.xlsx, ``folder``
    itself included): a later term's or school year's folder begun with a teachers list
    or records alone holds none of this term's children, and makes the roster beside it
    no past one."""
    return not _names_a_list(folder.name) and any(
        _a_roster_file(p) and not any(_names_a_list(part) for part in p.relative_to(folder).parts)
        for p in folder.rglob("*")
    )


class SideBySide(NamedTuple):
    """Folders side by side named by different terms or years, each read
    (``terms_side_by_side``): the folders, as the run names them, the latest last;
    whether moving the earlier ones into a 上学期 folder beside them would keep their
    files out; whether they are named by years alone (2023/, 2024/), not terms; the
    names each folder holds files read under, as ``folders`` (青山小学 of 2023/青山小学.xlsx
    and of 2023/青山小学/花名册.xlsx, 花名册 of 2023/花名册.xlsx); and whether files are
    read beside years' folders in the folder holding them (县/白鹤小学/ beside 县/2023/)."""

    folders: list[Path]
    aside: bool
    years: bool
    held: list[frozenset[str]]
    beside: bool


def terms_side_by_side(paths: Iterable[Path], files: Iterable[Path]) -> list[SideBySide]:
    """Each group of folders side by side, named by different terms (2024秋/ beside
    2025春/, 县/2024秋/青山小学/ beside 县/2025春/青山小学/) or years (2023/ beside
    2024/), that ``files`` (a run's, to be read) were found in below a folder of
    ``paths``: the folders, as the run names them, by term, the latest last; and whether
    moving the earlier ones into a 上学期 folder beside them would keep their files out
    (``_kind_beside``), as it does not in a school year's folder or beside a 下学期 (a
    school year's first semester), nor for years' folders, which are no last term's.

    Both terms' children are read, each on both said as DUP001: neither folder is set
    aside, as whether the later holds the whole school's children, part of them or only
    its new pupils cannot be told (a folder set aside on a guess loses its children with
    no finding), but the run says it reads two terms' folders, for the school to choose
    one. Years' folders alike (县/2023/青山小学.xlsx beside 县/2024/青山小学.xlsx, or
    青山小学/2023/ beside 青山小学/2024/): two years' rosters, each child on both, neither
    set aside (a year's folder may hold either term of it), but said where they are one
    school's years (``lbc.workspace.notes.side_by_side_notes``). A cohort's folder
    (2024级/: the pupils who entered that year, each cohort this term's), a school year's
    (2024-2025学年/, said as a past year's beside a later one: ``_later_year``) or a term
    and more (2025春新生/) is no term's or year's folder; nor is a folder named itself
    said, its siblings not read. A folder named by a term and a school (县/2024秋青山小学/
    beside 县/2025春青山小学/) is that school's term's, said beside its others alike."""
    files = list(files)
    groups: dict[tuple[Path, bool, str], dict[Path, Terms]] = {}
    held: dict[Path, set[str]] = {}
    for root in paths:
        if not root.is_dir():
            continue
        for file in files:
            if not file.is_relative_to(root):
                continue
            parts = file.relative_to(root).parts
            folders = parts[:-1]
            for depth, name in enumerate(folders):
                if (named := _folder_terms(name)) is not None:
                    parent = root.joinpath(*folders[:depth])
                    groups.setdefault((parent, *named[:2]), {})[parent / name] = named[2]
                    below = parts[depth + 1]
                    held.setdefault(parent / name, set()).add(
                        below if depth + 2 < len(parts) else Path(below).stem
                    )
    out, seen = [], set()
    for (parent, years, school), named in groups.items():
        earlier = [
            f for f, terms in named.items() if any(named_before(terms, t) for t in named.values())
        ]
        here = parent.resolve()
        if not earlier or (here, years, school) in seen:
            continue
        seen.add((here, years, school))
        apart = {here / name for name in (*(p.name for p in earlier), *LAST_TERM_FOLDERS)}
        folders = sorted(named, key=lambda f: (named[f], f.name))
        aside = not years and _kind_beside(here, apart) == LAST_TERM
        beside = years and any(
            f.is_relative_to(parent) and not any(f.is_relative_to(d) for d in folders)
            for f in files
        )
        kept = [frozenset(held[f]) for f in folders]
        out.append(SideBySide(folders, aside, years, kept, beside))
    return out


@functools.lru_cache(maxsize=4096)
def _folder_terms(name: str) -> tuple[bool, str, Terms] | None:
    """The term a folder's name is alone (2024秋, 2024年秋季学期, 2024-2025学年第一学期,
    2024-2025-1: ``TERM_ALONE``) or with a school's name (2024秋青山小学, 青山小学(2024秋):
    ``_school_and_term``), as ``named_terms`` gives it (2025春晖小学: the year's, its 春
    the school's), or the year it is alone (2024, 2024年, 2024年度: ``_year_folder``), as
    ``named_before`` orders years among themselves; with whether it is a year's and the
    school it names ("" for none); None for any other name. Each name worked out once: a
    county's run passes each school's folders file by file."""
    name = _folder_name(name)
    if (year := _year_folder(name)) is not None:
        return True, "", (year, year)
    if TERM_ALONE.fullmatch(name):
        return False, "", named_terms(name)
    school = _school_and_term(name)
    return (False, school, named_terms(name)) if school else None


def _school_and_term(name: str) -> str:
    """The school a folder's name names beside a term and nothing else (2024秋青山小学,
    2024年秋季学期青山小学, 青山小学（2024秋）: ``TERM_ALONE``, in any order), else ""
    (2025春新生, 2024秋青山小学新生: more than a school's term; 青山小学: no term)."""
    from lbc.roster.school_names import titled

    school = titled(name)
    rest = name.replace(school, "", 1).strip(" -_—·()（）[]［］【】") if school else ""
    return school if rest and TERM_ALONE.fullmatch(rest) else ""


def _year_folder(name: str) -> int | None:
    """The year a folder's name is alone (2024, 2024年, 2024年度: ``year_alone``), None for
    any other name (2024级, a cohort's; 2024学年, a school year's; 1001, a school's code)."""
    year = name.removesuffix("年度").removesuffix("年").strip()
    return int(year) if year_alone(year) else None


def _names_a_list(name: str) -> bool:
    """Whether a file's or a folder's name says a list other than a roster of children
    (教师名单, 帮扶记录, 记录表: ``_NOT_A_ROSTER``)."""
    return any(word in _folder_name(name) for word in _NOT_A_ROSTER)


def last_term_folder(file: Path) -> tuple[str, str | None]:
    """The name of the folder of last term's files ``file`` lies in, as its school spells
    it, and, when it is a past school year's, the name of the later one beside it
    (2024-2025学年, 2025-2026学年); (上学期, None) when it is a folder of last term's;
    ("", None) when it is a file its name says is last term's (``_last_terms_by_name``)."""
    for folder in file.parents:
        name = _folder_name(folder.name)
        if name in LAST_TERM_FOLDERS:
            return folder.name, None
        if school_year(name) is not None and (later := _later_year(folder)):
            return folder.name, later
    return "", None


def nothing_to_read(paths: Sequence[Path]) -> LbcError:
    """The error of ``paths`` standing for no spreadsheet a run reads: that they hold only
    last term's (in 上学期/, or a past school year's folder), and how to read one, when
    they do; else that they hold none."""
    last_term: list[Path] = []
    left_out: list[Path] = []
    spreadsheet_files(paths, left_out, last_term=last_term)
    folder = last_term_folder(last_term[0])[0] if last_term and not left_out else ""
    if folder:
        return LbcError(
            t(
                "err.only_last_term",
                paths=as_list(map(str, paths)),
                count=len(last_term),
                folder=folder,
                file=last_term[0],
            )
        )
    return LbcError(t("err.merge_nothing", paths=as_list(map(str, paths))))


def _folder_name(name: str) -> str:
    """A folder's name as ``LAST_TERM_FOLDERS`` is matched: full-width forms and stray
    spaces at its ends as a school's keyboard leaves them."""
    return unicodedata.normalize("NFKC", name).strip()


def _last_terms_by_name(files: list[Path]) -> set[Path]:
    """Those of ``files`` (a folder run's, to be read) whose names say they are last
    term's beside this term's roster in their folder, as a 上学期 folder is (``_term_kind``):
    named 上学期 with no year or a calendar year's (上学期花名册.xlsx, 2024年上学期花名册.xlsx)
    beside a roster not so named and naming no term, or by a term
    earlier than a roster beside it names (2024秋花名册.xlsx beside 2025春花名册.xlsx), or
    than any its year may name (2024秋春晖小学.xlsx beside 2025春晖小学.xlsx: ``named_before``). A
    roster beside it is a file whose name says no list of teachers or records
    (``_NOT_A_ROSTER``), nor is an annotated copy: else the file may be all its school has
    of its children, and is read. Its name names the school the file's does, or none as
    it does: in a county's folder 2024年秋季青山小学花名册.xlsx beside 2025年春季白鹤小学
    花名册.xlsx is another school's. So does the grade or class it names, or none: a
    school's roster kept a grade a file, 2024秋三年级.xlsx beside 2025春五年级.xlsx, is
    another grade's, not last term's of the fifth grade's file."""
    groups: dict[tuple[Path, str, str], list[tuple[Path, int | None, Terms, bool, bool]]] = {}
    for file in files:
        school, part, term, terms, said, listed = _name_says(file.stem)
        named = (file, term, terms, said, listed)
        groups.setdefault((file.parent, school, part), []).append(named)
    out = set()
    for group in groups.values():
        for file, term, terms, said, _ in group:
            if terms is None and not said:
                continue
            for other, their_term, their_terms, their_said, listed in group:
                if other == file or listed:
                    continue
                later = named_before(terms, their_terms)
                # Said 上学期 beside a roster naming no term: the terms, where both name
                # one, say which is later (2025年上学期 after 2024年下学期).
                this_term = said and not their_said and (term is None or their_term is None)
                if (later or this_term) and not _annotated_copy(other):
                    out.add(file)
                    break
    return out


@functools.lru_cache(maxsize=4096)
def _name_says(stem: str) -> tuple[str, str, int | None, Terms, bool, bool]:
    """What a file's name (its stem) says of it: the school it names (``titled``), the
    grades and classes it names (``_GRADE_NAMED``, "" for none), the term it gives
    (``named_term``) and the terms it may be of (``named_terms``: 2025春晖小学花名册's
    year's), whether it says 上学期 with no term or a calendar year's (2024年上学期:
    last term's beside a roster naming no term, as 上学期花名册.xlsx is; a school year's
    上学期 is its first semester), and whether it names a list
    other than a roster (``_NOT_A_ROSTER``). Each name worked out once: a
    county's folder of a school's files named by term each is compared file by file."""
    from lbc.roster.school_names import titled

    name = _folder_name(stem)
    term = named_term(name)
    said = LAST_TERM_NAME.search(name) is not None and (term is None or calendar_half(name))
    part = "".join(_GRADE_NAMED.findall(name))
    return titled(name), part, term, named_terms(name), said, _names_a_list(name)


def _kept_aside(
    file: Path,
    root: Path,
    kept: dict[Path, tuple[frozenset[Path], bool] | None],
    terms: dict[Path, str | None],
) -> str | None:
    """Why ``file``, found in the folder ``root``, is not read (``LAST_TERM``,
    ``WORKSPACE``), or None when it is.

    It is last term's when a folder between ``root`` and it is one a school keeps last
    term's files in (上学期/), unless the lbc.toml of its workspace, above that folder,
    names the file itself in its [files]; a workspace lying in such a folder (a school's
    whole folder kept as 上学期/, its lbc.toml with it) is last term's whole, whatever its
    lbc.toml names. It is the workspace's when the nearest lbc.toml at or below ``root``
    names rosters and ``file`` is not one of that workspace's files; where none of the
    rosters it names exists, the files at its top level are read (the school keeps its
    children under another name). ``ALONE`` when it is read from a 上学期 folder that is
    its school's only roster (``term_folders``), but for one a workspace that names its
    rosters does not name: there, that folder is last term's. ``kept``: each workspace
    folder's files and whether its top level is read (None: no rule); ``terms``: each
    上学期 or school year's folder's kind; each worked out once."""
    from lbc.workspace.config import CONFIG_NAME, load_config

    folders = file.relative_to(root).parts[:-1]
    for depth in range(len(folders), -1, -1):
        folder = root.joinpath(*folders[:depth])
        if (folder / CONFIG_NAME).is_file():
            break
    else:
        return term_folders(root, folders, terms)
    above = term_folders(root, folders[:depth], terms)
    if above == LAST_TERM:
        return LAST_TERM
    key = folder.resolve()
    if key not in kept:
        try:
            cfg = load_config(key / CONFIG_NAME)
        except LbcError:
            cfg = None
        if cfg is None or not cfg.rosters:
            kept[key] = None
        else:
            kept[key] = cfg.own_files(), not any(r.exists() for r in cfg.rosters)
    rule = kept[key]
    if rule is not None and (file.resolve() in rule[0] or (rule[1] and depth == len(folders))):
        return above
    below = term_folders(folder, folders[depth:], terms)
    if below == LAST_TERM or (below and rule is not None):
        return LAST_TERM
    return (above or below) if rule is None else WORKSPACE


def written_names(given: Iterable[Path], files: Iterable[Path]) -> dict[str, str]:
    """The name a merged roster writes each of ``files`` by (its 来源文件), where that is
    not its path as read: a file found in a folder given as ``.`` or ``..`` goes by the
    folder's own name, then its path inside it (营山县/城关镇中心小学/花名册.xlsx, not
    城关镇中心小学/花名册.xlsx); so does a file given by its path in a folder below the one
    the run is in, as found in ``.`` (城关镇中心小学/花名册.xlsx given from inside 营山县),
    and so does a file found in a folder given by its path below the run's folder where
    that is a county's, a township's or a district's (``names_an_area``: 青山小学 and
    城关镇中心小学 given from inside 营山县, as lbc merge . there writes them).
    Two counties' rosters each merged from inside its own folder would else name their
    schools' files alike, and every command reading them together would count two
    counties' namesake schools (城关镇中心小学) as one, as it places a merged roster's rows
    by their files' folders. A folder named by its own name from any other folder (营山县
    from the folder holding it, ../营山县) is written as given, as it always was: its name
    says where its schools are; and so is a file found in it, a file given by its name in
    the run's own folder (a school's run over its own roster: its findings name the file
    as the school's own run does), and one given by a path that leaves the run's folder
    (../白鹤小学/花名册.xlsx, or from its root)."""
    from lbc.roster.school_names import names_an_area

    here = Path(os.path.abspath("."))
    county = bool(here.name) and names_an_area(here)
    unnamed, named, alone = [], [], set()
    for path in given:
        whole = Path(os.path.abspath(path))
        if not path.is_dir():
            alone.add(whole)
        elif path.name in ("", "..") and whole.name:
            unnamed.append((whole, Path(whole.name)))
        elif county and whole != here and whole.is_relative_to(here) and not path.is_absolute():
            unnamed.append((here, Path(here.name)))  # as found in . (营山县/青山小学/…)
        else:
            named.append(whole)
    out: dict[str, str] = {}
    for path in files:
        whole = Path(os.path.abspath(path))
        for folder, name in unnamed:
            if whole.is_relative_to(folder):
                out[str(path)] = str(name / whole.relative_to(folder))
                break
        else:
            # Given itself, below the run's folder (not in it), in no folder given by name.
            below = whole.parent != here and whole.parent.is_relative_to(here)
            inside = any(whole.is_relative_to(folder) for folder in named)
            if whole in alone and below and not (path.is_absolute() or inside) and here.name:
                out[str(path)] = str(Path(here.name) / whole.relative_to(here))
    return out
