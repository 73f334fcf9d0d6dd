"""What a file's folders, name and title say of the school it is.

A county's rosters come as folders of schools' files, named as each school saved them
(县/青山镇/中心小学/花名册（2024秋）.xlsx) and titled as each typed it
(青山镇中心小学2024年秋季留守儿童花名册). Here those names are read: the school a title or a
folder names, a copy's original, a grade's or a term's file inside a school's folder, the
folders that hold schools and those that only group them (全县初中, 学区). Pure functions
of names and paths: the roster's cells are read in lbc.roster.tables, and which school a
row belongs to is settled from these in lbc.workspace.schools.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from lbc.roster import normalise as nz
from lbc.roster.term_names import TERM, TERM_ALONE, YEARS, season_begins_a_name, year_alone

if TYPE_CHECKING:
    from lbc.roster.canonical import Table

# Starts the school of a file that declares none, for matching (Roster.matching_schools).
FILE_SCHOOL = "\x00"


def named_schools(
    files: list[str],
    declared: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    read: Collection[str] | None = None,
    *,
    runs: RunFolders,
) -> dict[str, str]:
    """The school each file is of, by name, as every count names it (lbc validate's,
    lbc merge's and lbc summary's schools) and lbc pair places its children
    (``Roster.support_schools``): the one it declares (lbc.toml, its title, its 学校
    cells), else the one its name names, else its school's folder (``file_names``, or
    ``names`` where the run is read a file at a time). A file named by no school's name,
    of a grade or a part of a school's roster (``grade_files``: 三年级.xlsx, 一至三年级.xlsx,
    男生.xlsx), goes with the one school the other files of its school's folder declare or
    name, if they are of one and the folder is a school's (``_parts_beside``):
    县/qs/五年级.xlsx beside 县/qs/三年级.xlsx titled 青山小学 is 青山小学, as
    青山小学/五年级.xlsx is; 县/困境儿童.xlsx beside 县/青山小学.xlsx may be the county's or
    another school's, and goes by its folder. A list's name alone (花名册.xlsx) tells no
    school: 县/花名册.xlsx beside 县/白鹤小学.xlsx may be another school's, and goes by its
    folder. ``read``: the files that name their folder's school so (``Roster.naming``),
    all of them when not given. ``runs``: the folder the run found each file in, given by
    every caller: without it 资料/留守儿童/五年级.xlsx, its folder given by its full path,
    goes by the path as written, as 资料's, not 留守儿童's; empty where no run found them."""
    names = names or file_names(files, runs)
    beside = _parts_beside(files, declared, names, read, runs)
    out = {}
    for name in files:
        school = declared.get(name) or ""
        if not school and name in beside:
            schools, joins = beside[name]
            school = next(iter(schools)) if joins and len(schools) == 1 else ""
        out[name] = school or names[name]
    return out


def parts_kept_apart(
    files: list[str],
    declared: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    read: Collection[str] | None = None,
    *,
    runs: RunFolders,
) -> list[tuple[str, list[str], str]]:
    """The files named by a part of a school's roster (困境儿童.xlsx, 五年级.xlsx) that
    ``named_schools`` keeps apart from the schools beside them: from the one school beside
    them, their folder not being told a school's (县/困境儿童.xlsx beside 县/青山小学.xlsx),
    or from several, which of them it is of not being told (资料/留守儿童/五年级.xlsx beside
    青山小学.xlsx and 白鹤小学.xlsx); each (file, the schools beside it, the name it goes
    by), for a note saying so and how to make it its school's. Not one going by its
    county's, township's or district's folder's name (县/Book1.xlsx), which the note on all
    the files pooled so says (``pooled_in_areas``)."""
    names = names or file_names(files, runs)
    beside = _parts_beside(files, declared, names, read, runs)
    above = _above_schools(files, names, runs)
    out = []
    for name, (schools, joins) in beside.items():
        # Not the name it goes by itself (县, its 新生.xlsx's too), said by pooled_in_areas.
        others = schools - {names[name]}
        apart = len(others) > 1 or (bool(others) and not joins)
        if apart and not _pooled_in_an_area(name, names, runs, above):
            out.append((name, sorted(others), names[name]))
    return out


def pooled_in_areas(
    files: list[str],
    declared: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    unplaced: Collection[str] | None = None,
    runs: RunFolders | None = None,
) -> list[tuple[str, list[str]]]:
    """The files of children that declare no school and go by the name of the county's,
    township's or district's folder their school's would be (``file_names``), their own
    names naming none: 县/Book1.xlsx, 县/新生.xlsx and 县/新建文件夹/花名册.xlsx beside
    县/白鹤小学.xlsx are counted and paired together as a school 县, which is no school.
    ``unplaced``: the files some of whose children no 学校 cell places (all when not given).
    Each such name and its files, for one note saying so and how to give them a school."""
    names = names or file_names(files, runs)
    above = _above_schools(files, names, runs)
    out: dict[str, list[str]] = {}
    for name in files:
        placed = unplaced is not None and name not in unplaced
        if not declared.get(name) and not placed and _pooled_in_an_area(name, names, runs, above):
            out.setdefault(names[name], []).append(name)
    return list(out.items())


def generic_pooled(
    files: list[str],
    declared: Mapping[str, str],
    holding: Collection[str],
    names: Mapping[str, str] | None = None,
    read: Collection[str] | None = None,
    *,
    runs: RunFolders,
) -> list[tuple[str, list[str]]]:
    """The files of children in a county's or a district's folder (``holds_schools``) that
    every count pools as one school by a name every township's school goes by (中心小学:
    ``GENERIC_SCHOOLS``), their titles, names or 学校 cells giving no township (县/甲.xlsx
    titled 中心小学 beside 县/中心小学.xlsx): whose each is cannot be told, and two
    townships' schools would be counted and paired as one. A township's folder names its
    own (城关镇/: 城关镇中心小学, ``qualified``). ``holding``: the files of children. Each
    such name and its files, for a note saying so."""
    schools = named_schools(files, declared, names, read, runs=runs)
    out: dict[tuple[Path, str], list[str]] = {}
    for name in files:
        school = schools[name]
        if name in holding and school in GENERIC_SCHOOLS:
            folder = school_folder(name, runs)
            if holds_schools(folder):
                out.setdefault((folder, school), []).append(name)
    return [(school, found) for (_, school), found in out.items() if len(found) > 1]


def _pooled_in_an_area(
    name: str, names: Mapping[str, str], runs: RunFolders | None, above: Collection[Path]
) -> bool:
    """Whether ``name`` goes by the name of its school's folder (``file_names``), where that
    folder names a county, a township or a district (县/新生.xlsx, 县/Book1.xlsx: 县), or
    holds other schools' folders (``above``: 教育局/花名册.xlsx beside 教育局/白鹤小学/)."""
    folder = school_folder(name, runs)
    return names[name] == folder_school(folder) and (names_an_area(folder) or folder in above)


def _above_schools(
    files: Iterable[str], names: Mapping[str, str], runs: RunFolders | None
) -> set[Path]:
    """The folders holding the folder of a school of another name below them, named as a
    school's is (``file_names``: 白鹤小学, not a list's folder's own name, 记录表), named
    neither as a school nor by a school's code themselves (教育局/ holding 白鹤小学/, as 县/
    does; not 青山小学/ holding 石门教学点/, nor 001/): a file going by such a folder's name
    is counted as a school that is none, which is said (``pooled_in_areas``)."""
    out = set()
    for file in files:
        school = names[file]
        if not _named_as_a_school(school):
            continue
        for up in school_folder(file, runs).parents:
            if school != folder_school(up):
                out.add(up)
    return {
        folder
        for folder in out
        if not (
            _SCHOOL_CODE.fullmatch(_folder_name(folder))
            or _named_as_a_school(folder_school(folder))
        )
    }


def _parts_beside(
    files: list[str],
    declared: Mapping[str, str],
    names: Mapping[str, str],
    read: Collection[str] | None,
    runs: RunFolders,
) -> dict[str, tuple[set[str], bool]]:
    """Each file named by a part of a school's roster (``grade_files``) that declares no
    school: the schools the other files of its school's folder declare or name (``read``:
    the files that name it), and whether that folder is a school's (``_a_schools_folder``),
    its files going with the one school of it."""
    parts = grade_files(files, runs)
    own: dict[Path, set[str]] = {}
    by_school: set[Path] = set()  # folders of a file named by a school (青山小学.xlsx)
    for name in files:
        if (read is None or name in read) and (declared.get(name) or name not in parts):
            folder = school_folder(name, runs)
            own.setdefault(folder, set()).add(declared.get(name) or names[name])
            if name not in parts and titled(Path(name).stem):
                by_school.add(folder)
    told: dict[Path, bool] = {}  # each folder's, once
    out = {}
    for name in files:
        if name in parts and not declared.get(name):
            folder = school_folder(name, runs)
            schools = own.get(folder, set())
            if schools and folder not in told:
                told[folder] = _a_schools_folder(folder, by_school)
            out[name] = (schools, bool(schools) and told[folder])
    return out


def _a_schools_folder(folder: Path, by_school: Collection[Path]) -> bool:
    """Whether ``folder`` is one school's, whose files named by a part of a roster
    (三年级.xlsx, 困境儿童.xlsx) are that school's: its name names a school (青山小学/,
    2024秋青山小学/, a term's folder's above it: 青山小学/2024秋/) or is a school's code or
    initials (001/, qs/); or it is named for a list alone (留守儿童/ holding 青山小学.xlsx
    and 五年级.xlsx), the folder given to the run in no school's or county's folder, however
    it is written (lbc validate 留守儿童, . inside it, D:\\资料\\留守儿童): a school's folder named
    for what it holds, as such a folder below the one given is its parent school's
    (``school_folder``); else, its name naming no county, township or
    district (县/, 城关镇/, 城关学区/), none of its files is named by a school
    (留守儿童/花名册.xlsx titled 青山小学). A county's flat folder names its schools' files
    by the schools (县/青山小学.xlsx), and may hold a kind of child's list of its own or
    another school's (县/困境儿童.xlsx), which no school's name tells: where it cannot be
    told, the file is kept apart, as taking it for the wrong school pairs its children
    across schools."""
    if _SCHOOL_CODE.fullmatch(_folder_name(folder)):
        return True
    if names_an_area(folder):
        return False
    name = folder_school(folder)
    if _names_a_list(_folder_name(folder)):
        return True
    return _named_as_a_school(name) or folder not in by_school


def _named_as_a_school(name: str) -> bool:
    """Whether a folder's or a file's name names a school (``_names_school``) or is a
    school's ending alone (中心小学, 教学点), but for a stage's alone (``_STAGES``) and a
    group's of schools (全县初中, 各乡镇小学: ``_GROUP``)."""
    if _GROUP.match(name):
        return False
    return _names_school(name) or (SCHOOL_END.fullmatch(name) is not None and name not in _STAGES)


# What begins a county's name for a group of its schools (县/全县初中/, 县/各乡镇小学/): the
# folder of several schools, not one, though it ends as a school's name.
_GROUP = re.compile(r"全[县市区镇乡旗]|各")


# What a county names its folder of the schools of one stage by (县/初中/, 县/高中/, 县/职高/
# holding 白鹤中学.xlsx and the county's 困境儿童.xlsx): several schools' folder, not one's,
# though a school's name may end so (青山初中).
_STAGES = frozenset({"初中", "高中", "职高", "职中"})


# A school's code or initials as a school names its folder (001, 20241, qs, QSXX01): a
# county's or a township's office names its folders in words (县, 城关镇, 留守儿童).
_SCHOOL_CODE = re.compile(r"[A-Za-z0-9]+")
# How a county's, a township's or a district's name ends (某县, 城关镇, 石门乡, 城关学区,
# 二片区, 高新区), not a school's campus (青山小学东校区).
_AREA_END = re.compile(r"(?:县|市|旗|镇|乡|街道|片区|学区|(?<![校园])区)$")


def names_an_area(folder: Path) -> bool:
    """Whether a folder's name names a county, a township or a district (营山县/, 城关镇/,
    城关学区/, 2024秋营山县/: ``_AREA_END``), whose folder holds its schools', not a school's
    (青山小学东校区/)."""
    return _AREA_END.search(folder_school(folder)) is not None


def holds_schools(folder: Path) -> bool:
    """Whether a folder is a county's or a district's (县/, 城关学区/, 二片区/:
    ``names_an_area``), holding schools' files and folders, not one school's; not a
    township's (城关镇/), whose file titled 中心小学 names its own (城关镇中心小学:
    ``qualified``)."""
    return names_an_area(folder) and not _TOWNSHIP.search(folder_school(folder))


def by_their_names(
    declared: dict[str, str],
    holding: set[str],
    named: dict[str, str],
    cells: Collection[object] = (),
) -> dict[str, str]:
    """Each file's school as lbc pair keeps schools apart (``Roster.support_schools``):
    the one it declares; a file holding children that declares none, the school of its
    name (``named``: ``named_schools``) where a file declares that school or a row's 学校
    cell (``cells``) names it, else a school of its own for each name (FILE_SCHOOL and its
    first file, never printed); "" for a file of teachers or records alone that declares
    none."""
    said = {*declared.values(), *cells}
    first: dict[str, str] = {}
    out = {}
    for name in sorted(declared):
        school = declared[name]
        if not school and name in holding:
            own = named[name]
            school = own if own in said else FILE_SCHOOL + first.setdefault(own, name)
        out[name] = school
    return {name: out[name] for name in declared}


def file_names(files: list[str], runs: RunFolders) -> dict[str, str]:
    """The school a file that declares none goes by: the school its name names (青山小学.xlsx,
    青山小学花名册.xlsx: ``titled``, one school however many files of one folder name it;
    城关镇/中心校.xlsx: 城关镇中心校, with the township its folder names, ``qualified``);
    where files of several folders share one, or its name names
    only a list (each school's 花名册.xlsx or 名单.xlsx in a folder of its own), its folder's
    name, else its path without the suffix, so that two schools' files are never read as
    one school. A file of a school's roster kept a grade or a class a file (grade_files)
    goes by its school's folder: 青山小学/三年级.xlsx and 青山小学/五年级.xlsx are 青山小学,
    not two schools; by its path where two schools' folders have that name. ``runs``: the
    folder the run found each file in (``school_folder``), given by every caller, as
    ``named_schools``' is."""
    grades = grade_files(files, runs)
    own = [name for name in files if name not in grades]
    paths = [Path(name) for name in own]
    # 城关镇/中心校.xlsx: 城关镇中心校, as its title would name it (``qualified``).
    named = [qualified(titled(p.stem), p) for p in paths]
    # The folder each is of: its own, or the one above a folder of a term's (2024秋/).
    tops = [school_folder(name, runs) for name in own]
    # The folders each name is found in: files of one folder naming one school (青山小学.xlsx
    # and 青山小学花名册.xlsx) are that school's; two folders' (二片区/青山小学.xlsx,
    # 三片区/青山小学.xlsx) go by their folders. A folder named for the school is the
    # school's own in the folder holding it: 县/白鹤小学花名册.xlsx and
    # 县/白鹤小学/白鹤小学花名册.xlsx are one school's, 白鹤小学, not 县's and 白鹤小学's.
    where: dict[str, set[Path]] = {}
    for top, n in zip(tops, named, strict=True):
        folder = copy_of(top)
        where.setdefault(n, set()).add(
            folder.parent if n and folder_school(folder) == n else folder
        )
    stems = {n: len(found) for n, found in where.items()}
    # Each folder once (a school's 花名册.xlsx beside its 教师.xlsx): by name, two folders
    # of one name (二片区/青山小学, 三片区/青山小学) tell no school apart.
    shared = {top for top, n in zip(tops, named, strict=True) if not n or stems[n] > 1}
    # A school kept a grade a file goes by its school's folder, of which there may be two
    # of one name too (二片区/青山小学/三年级.xlsx, 三片区/青山小学/三年级.xlsx).
    schools = {school_folder(name, runs) for name in grades}
    # A school's folder and its copies (红星村小(1)/, 红星村小(2)/) are one school's.
    folders = Counter(folder_school(folder) for folder in {*map(copy_of, shared | schools)})
    out = {
        name: n
        if n and stems[n] == 1
        else folder_school(top)
        if folder_school(top) and folders[folder_school(top)] == 1
        else str(p.with_suffix(""))
        for name, p, top, n in zip(own, paths, tops, named, strict=True)
    }
    for name in grades:
        folder = school_folder(name, runs)
        alone = folders[folder_school(folder)] == 1 or not folder.name
        out[name] = (folder_school(folder) or str(folder)) if alone else str(folder)
    return {name: out[name] for name in files}


def folder_school(folder: Path) -> str:
    """The school a folder's name names, read as a file's name is (``titled``: 2024秋青山小学/
    and 白鹤小学（秋季）/ are 青山小学 and 白鹤小学, not the year's or the term's), else its
    name without them (2024秋城关镇/: 城关镇), else as it is (县/, 二片区/, 001/, 留守儿童/);
    of . the name of the folder it is (``_folder_name``). A name every township's school
    goes by is named with the township a folder above names (县/城关镇/中心小学/:
    城关镇中心小学, ``qualified``), as a file's name or title of it is."""
    name = _folder_name(folder)
    if name.isdigit():  # a school's code (001/, 20241/): no year's
        return name
    school = titled(name)
    if school:
        return qualified(school, folder)
    return _without_term(_past_the_year(name) or name) or name


# The names every township's school may go by (a 学校 cell of 中心小学 in 城关镇's roster and
# in 河口乡's): two schools, not one, once qualified with their townships.
GENERIC_SCHOOLS = frozenset(
    {"中心小学", "中心校", "中心学校", "中心完小", "完小", "完全小学", "小学", "中学", "初中"}
    | {"初级中学", "高中", "九年一贯制学校", "中心幼儿园", "幼儿园", "村小", "教学点"}
)
# The names of a school's divisions (a 九年一贯制学校's 小学 and 初中, a 完全中学's 初中 and
# 高中), which its files may be titled by alone: the school's own (of_its_folder).
_DIVISIONS = frozenset({"小学", "中学", "初中", "高中"})
_GENERIC_END = re.compile("(?:" + "|".join(sorted(GENERIC_SCHOOLS, key=len, reverse=True)) + ")$")
# A township's name (城关镇, 河口乡, 白鹤苗族乡, 东城街道), not a county's folder of them (各乡镇).
_TOWNSHIP = re.compile(r"(?<!乡)(?:镇|乡|街道|街道办事处)$")


def qualified(name: str, path: Path, title: str = "") -> str:
    """``name``, with its township where it is a name every township's school goes by
    (中心小学, 完小: ``GENERIC_SCHOOLS``) and the file says which: the township ``title``
    (the title above its sheet) names, else the file's name, else the nearest folder
    holding it (城关镇中心小学花名册.xlsx, 城关镇/花名册.xlsx → 城关镇中心小学); else ``name``
    as it is. Only a township's name (城关镇, 河口乡) qualifies: a county's title
    (青山县中心小学) names no one of its townships' schools."""
    if name not in GENERIC_SCHOOLS:
        return name
    here = path.resolve()
    for said in (title_school(title), titled(here.stem), *map(folder_school, here.parents)):
        place = _GENERIC_END.sub("", said or "")  # 城关镇中心校: 城关镇's
        if _TOWNSHIP.search(place):
            return place + name
    return name


def of_its_folder(name: str, path: Path) -> str:
    """The school whose folder holds ``path``, where ``name``, the school a title gives,
    names no school of its own: a division's name alone (初中, 高中: ``_DIVISIONS``) no
    township qualified (县/白鹤中学/初中.xlsx titled 初中留守儿童花名册: 白鹤中学's 初中, not
    a school called 初中), or the school's own township's (县/青山镇村小/花名册.xlsx titled
    青山镇留守儿童花名册, the township's template; not 白鹤镇's, which says something else);
    else ``name``. A title's alone: 学校 cells saying 小学 or 初中 tell a school's divisions
    apart row by row, each paired with its own teachers."""
    township = _TOWNSHIP.search(name) and not ends_as_a_school(name)
    if name not in _DIVISIONS and not township:
        return name
    folder = path.resolve().parent
    school = folder_school(folder)
    # A district's folder (白鹤学区/ holding 小学.xlsx and 初中.xlsx) is several schools'.
    one = ends_as_a_school(school) and school not in GENERIC_SCHOOLS and not names_an_area(folder)
    if township and not school.startswith(_TOWNSHIP.sub("", name)):
        return name
    return school if one else name


def copy_of(folder: Path) -> Path:
    """The school's folder ``folder`` is a copy of, as Windows, an archive or a school names
    a second copy (县/红星村小(1)/, 县/红星村小 (2)/, 县/红星村小（副本）/, 县/红星村小 - 副本/,
    县/复件 红星村小/: 县/红星村小): its school's name without the copy's marks
    (``_uncopied``), spelled as a 学校 cell is read; the folder itself for any other
    (县/青山小学（东校区）/, 县/三年级(2)/)."""
    name = nz.school(folder.name) or ""
    school = _uncopied(name)
    return folder.with_name(school) if school and school != name else folder


def _folder_name(folder: Path) -> str:
    """A school's folder's name (``school_folder``); for a folder given as . or .. (the
    run's own, 青山小学/ or its 2024秋/), the name of the folder it is, past a term's or a
    grade's, and past a list's in a school's or a county's folder (青山小学/留守儿童/,
    营山县/留守儿童/: ``_list_of_the_folder_above``)."""
    if folder.name not in ("", ".."):
        return folder.name
    here = folder.resolve()
    while here.name and (
        names_a_grade(here.name)
        or _names_a_term(here.name)
        or _a_year(here)
        or (_names_no_school(here.name) and _list_of_the_folder_above(here))
    ):
        here = here.parent
    return here.name


def _without_term(text: str, cut: re.Pattern[str] | None = None) -> str:
    """``text`` without a term in brackets or one with no year around it (城关镇（秋季）,
    秋季城关镇: 城关镇), spelled as a 学校 cell is read; given ``cut`` (a title's tail,
    _TITLE_CUT), without what it cuts once a term's brackets are gone, and without the
    bracket it may leave open: 青山小学（2024年度留守儿童） → 青山小学（ → 青山小学."""
    named = _TERM_BRACKET.sub("", text)
    named = _TERM_AROUND.sub("", (cut.sub("", named) if cut else named).strip(_TRIM))
    named = named.strip(_TRIM)
    return nz.school(named.rstrip(_TRIM + "(（[［【〔《<") if cut else named) or ""


# What a school's roster split in files names each part by, never a school: grades
# (一至三年级, 一年级至三年级, 一二年级, 1-3年级, 低年级, 低年级组, 高段), the children's
# sex (男生, 女生), their kind (困境儿童, 单亲), a batch (第一批) or a part (第一部分), a
# class by its teacher (王老师班). Two schools' rosters are named by the schools (青山.xlsx,
# 白鹤.xlsx).
_NUMERAL = r"(?:[一二三四五六七八九]|\d{1,2})"
_PART = re.compile(
    rf"{_NUMERAL}\s*(?:年级)?\s*[至到~～\-—–－、和]\s*{_NUMERAL}\s*年级"
    r"|[一二三四五六七八九]{2,3}年级"
    r"|[低中高]年级(?:段|组)?|[低中高](?:年|学)?段|[男女]生?"
    rf"|第?{_NUMERAL}部分|[\u4e00-\u9fff]{{1,2}}老师班"
    r"|(?:困境|特困|单亲|孤儿|残疾|流动|随迁|贫困|低保|事实无人抚养)(?:儿童|学生|家庭)?"
    rf"|第?{_NUMERAL}批次?"
)


def grade_files(files: Iterable[str], runs: RunFolders | None = None) -> dict[str, str]:
    """Each file of a school's roster kept a grade or a class a file (三年级.xlsx,
    三年级花名册.xlsx, 1.xlsx in 青山小学/ or 001/) or a part a file by another word naming no
    school (一至三年级.xlsx, 男生.xlsx, 困境儿童.xlsx: ``_PART``; a name Excel gives a new
    workbook, Book1.xlsx: ``_DEFAULT_NAME``; in a folder naming a school,
    any such word: 青山小学/寄宿生.xlsx, 青山小学/汇总.xlsx), or a folder
    (三年级/花名册.xlsx), with the first such file of its school's folder (school_folder),
    which stands for them all where a file's school is told by its file: they are one
    school's, their children paired with its teachers and counted as one. ``runs``: the
    folder the run found each file in (``school_folder``)."""
    out: dict[str, str] = {}
    first: dict[Path, str] = {}
    for name in sorted(files):
        folder = school_folder(name, runs)
        stem = titled(Path(name).stem)
        # 1.xlsx, 2.xlsx: in a folder naming a school (青山小学/) or a school's code (001/)
        # its grades; elsewhere (县/) schools' numbers.
        mine = _folder_name(folder)
        numbered = stem.isdigit() and (bool(_SCHOOL_WORD.search(mine)) or mine.isdigit())
        part = names_a_grade(stem) or _PART.fullmatch(stem) is not None
        # Book1.xlsx, 新建 Microsoft Excel 工作表.xlsx: a name no one gave, no school's.
        part = part or _DEFAULT_NAME.fullmatch(nz.school(Path(name).stem) or "") is not None
        # 寄宿生.xlsx, 汇总.xlsx, 最终版.xlsx: in a folder naming a school (青山小学/) a part
        # of its roster by a word naming no school; elsewhere (县/青山.xlsx, 县/白鹤.xlsx) a
        # name of its own may be a school's.
        worded = bool(stem) and not _names_school(stem) and _names_school(folder_school(folder))
        if _in_a_grade(name, runs) or numbered or part or worded:
            out[name] = first.setdefault(folder, name)
    return out


# The year and term a title or a file's name may start with, before the school
# (2024年秋季青山小学留守儿童花名册, 2024-2025学年第一学期青山小学…): skipped, not cut from.
# A bare 春/秋 (2024秋青山小学, 2024年春晖小学) may be the term or the school's first
# character: ``titled`` tells which.
_SEPARATOR = r"[\s)）\]］】:：\-—_·]"
_TITLE_LEAD = re.compile(
    rf"^[\s(（\[［【]*{YEARS}"
    r"\s*(?:\d{1,2}\s*月份?)?\s*"
    rf"(?:{TERM}|(?P<bare>[春秋]))?"
    rf"(?P<apart>{_SEPARATOR}*)"
)


# What a school's name has in it (a folder's holding numbered grades: 青山小学/1.xlsx).
_SCHOOL_WORD = re.compile(r"[学校园]|教学点|村小|完小")
# How a school's name ends (青山镇中心小学, 白鹤村小, 石门教学点, 青山中心校, 青山村校,
# 青山联校, 城关四校, 城关一小, 青山中学附小, 青山学堂, 青山初中, 城关高中, 县职高), after
# a campus (青山小学东校区, 青山小学（东校区）) or a school's part (青山学校小学部) is set
# aside. Not a class's squad (三中队, a class as its Young Pioneers name it:
# ``names_a_grade``), which is no 三中.
_ENDINGS = (
    "小学|中学|学校|完小|村小|中心校|教学点|分校|校区|幼儿园|幼稚园|学区|学堂|初中|高中|职高|职中"
    "|[村联总中]校|附[小中]|[一二三四五六七八九十0-9](?:[校小]|中(?!队))"
)
SCHOOL_END = re.compile(rf"(?:{_ENDINGS})$")
# A school's name anywhere in a name (青山小学一年级), or an ending alone (小学, 中心校: a
# name every township's school may go by).
_SCHOOL_IN = re.compile(rf".(?:{_ENDINGS})|^(?:{_ENDINGS})$")
# What follows the school in a roster's title: the year, the roster's kind (留守儿童花名册,
# 关爱留守儿童花名册, 留守学生名单, the 学籍 export's 学生基本信息, 结对名单 …), the
# children it adds to the school's roster (新增留守儿童, 补录, 转入学生, 转学生, 插班生,
# 新入学, 新生: 白鹤小学/新生/ and 白鹤小学/2025春新生/ hold 白鹤小学's new pupils, not a
# school's; but 新生小学, 新生村小学, 新生镇: a school's or a place's name begun by it), a
# list of its teachers (教师名单, 青山小学教师: the school before it; a list's name alone
# names no school), or what an office calls any list (统计表, 登记表, 台账, 信息表, 汇总表,
# 一览表, 明细表, with what it is of: 儿童信息登记表, 基本情况统计表): 统计表 alone is no
# school. So is the name lbc init gives the blank roster it writes (roster.xlsx:
# ``WORKSPACE_ROSTER``), lbc's name for a school's roster, not the school's.
WORKSPACE_ROSTER = "roster.xlsx"
_TITLE_CUT = re.compile(
    r"(?:\d{4}|二[〇零○]).*$|(?:关爱)?(?:农村)?留守.*$|花名册.*$|名册.*$|学生.*$"
    r"|(?:帮扶|结对)?名单.*$"
    r"|(?:关爱|儿童|基本|情况|信息|排查|摸排|统计|登记|汇总)*"
    r"(?:(?:统计|登记|信息|汇总|一览|明细)表|台账).*$"
    r"|(?:新增|补充|补录|转入|转学|插班|新入学).*$"
    rf"|新生(?![\u4e00-\u9fff]*(?:{_ENDINGS})|[村镇乡]|街道|社区).*$"
    r"|(?:帮扶|结对|在岗|任课)?教(?:师|职工)(?!进修).*$"
    rf"|(?i:{re.escape(Path(WORKSPACE_ROSTER).stem)})(?![a-z]).*$"
)
# A school's division, run as one school with its other divisions but keeping a roster
# of its own (青山九年一贯制学校初中部, 城关一中高中部): part of the school's name.
_DIVISION = r"(?:小学|初中|中学|高中|幼儿园?|校?本)部"
_CAMPUS = re.compile(rf"\([^()]*\)$|[^学校]{{0,4}}校区$|{_DIVISION}$")
# A school named by its number alone (一中, 二小, 3中), which its division may follow.
_NUMBERED_SCHOOL = re.compile(r"[一二三四五六七八九十0-9][校小中]")


def _names_school(name: str) -> bool:
    """Whether ``name`` ends as a school's name does, with a name before the ending
    (青山小学, 青山小学（东校区）, 青山小学东校区, 石门村教学点) or as a school named by its
    number (一中, 一中初中部), not as an ordinary word holding 学, 校 or 园 does (新学期,
    学前班, 在校生, 小学部, 全校, 校区)."""
    bare = _CAMPUS.sub("", name)
    found = SCHOOL_END.search(bare)
    return found is not None and (found.start() > 0 or bool(_NUMBERED_SCHOOL.fullmatch(bare)))


def ends_as_a_school(name: str) -> bool:
    """Whether ``name`` ends as a school's name may, after its campus or division (青山小学,
    中心小学, 青山九年一贯制学校初中部, 一中高中部, 青山小学(东校区)): what titles a run's
    documents, not a class's or a township's name (三年级(2)班, 城关镇)."""
    return SCHOOL_END.search(_CAMPUS.sub("", name)) is not None


def titled(text: str) -> str:
    """The school a title or a file's name names (青山镇中心小学留守儿童花名册 → 青山镇中心小学,
    2024年秋季青山小学留守儿童花名册 → 青山小学, 青山小学新学期名单 → 青山小学: up to where
    the school's name ends, ``_up_to_the_school``), else "" (花名册, 2024年留守儿童名单: a
    list's name alone; 汇总, 资料: what files are kept in, ``_KEPT_IN``; 2023级,
    2024秋留守儿童花名册: a year's, naming no school).

    A bare 春 or 秋 after the year (no 季, 期 or 学期) is the term (2024秋青山小学,
    2024年春青山小学, 2024学年秋青山小学 → 青山小学), unless it begins the school's name
    (``season_begins_a_name``): 2024春晖小学 is 春晖小学, 2024春雷村小 春雷村小, and
    2024秋林中学, which could be either, 秋林中学; 2024秋张村小学 is 张村小学, a village's.
    A separator after it (2024秋-林中学, 2024秋 林中学) or a full term (2024秋季林中学)
    makes it the term."""
    past_year = _past_the_year(text)
    if past_year is not None:
        school = _cut_title(past_year)
        # 1998小学: no name; 2024年新学期名单, 2024年秋季学前班…: no school's name. A
        # school's ending alone (2024年秋季中心校…, 2024年秋季教学点…) is the school, as it
        # is with no year before it; 学校 alone (2024年秋季各学校…) is not.
        named_one = _names_school(school) or SCHOOL_END.fullmatch(school)
        if len(school) > 2 and named_one and not _NO_SCHOOL_NAMED.fullmatch(school):
            return school
    named = _cut_title(text)
    # 学校花名册: whichever school fills it in; 汇总.xlsx, 资料.xlsx: what files are kept in.
    if _NO_SCHOOL_NAMED.fullmatch(named) or _KEPT_IN.fullmatch(named):
        return ""
    # 新学期名单, 在校生, 全校留守儿童花名册: a word holding 学, 校 or 园 with no school's name
    # in it names none. A grade's (学前班) is left for grade_files to tell.
    if _SCHOOL_WORD.search(named) and not _SCHOOL_IN.search(named) and not names_a_grade(named):
        return ""
    # 初中部, 高中部: a division alone, of the school its folder or title names.
    if re.fullmatch(_DIVISION, named):
        return ""
    return named


# The word 学校 with no school's name (学校留守儿童花名册, 学校花名册.xlsx, 2024年秋季各学校…):
# a form's word for whichever school fills it in, naming none.
_NO_SCHOOL_NAMED = re.compile(r"[各本全]?学校")


def title_school(title: str) -> str:
    """The school the title above a sheet names (``titled``), "" for a title naming a grade
    or a class alone (三年级留守儿童花名册, 三年级(2)班留守儿童名单) or a part of a school's
    roster by another word (困境儿童花名册, 一至三年级留守儿童花名册, 男生名单: ``_PART``): a
    school's roster kept a grade or a part a sheet or a file, titled by it, names no
    school."""
    name = titled(title)
    return "" if names_a_grade(name) or _PART.fullmatch(name) else name


def _past_the_year(text: str) -> str | None:
    """What follows the year and the term ``text`` starts with (2024秋青山小学 → 青山小学,
    2024春晖小学 → 春晖小学: ``titled`` says which), else None."""
    lead = _TITLE_LEAD.match(text)
    if lead is None or lead.end() == 0:
        return None
    past_year = text[lead.end() :]
    if lead["bare"] and not lead["apart"] and season_begins_a_name(_cut_title(past_year)):
        past_year = text[lead.start("bare") :]  # 春晖小学: the school's, not the term
    return past_year


# A term or a year in brackets after the school (青山小学（秋季）, 青山小学(秋)留守儿童花名册,
# 青山小学（2024年秋）（东校区）): the roster's, not the school's, whose own brackets
# (青山小学（东校区）) say more than a term.
_TERM_BRACKET = re.compile(
    rf"[(（\[［【〔]\s*(?:{TERM_ALONE.pattern})\s*[)）\]］】〕]", re.IGNORECASE
)
# A term with no year, before or after the school (秋季青山小学, 青山小学秋季学期留守儿童
# 名单): the roster's too. A bare 春 or 秋 there is left to the name (秋林中学, 青山小学春).
_TERM_AROUND = re.compile(rf"^(?:{TERM})|(?:{TERM})$")
# What is trimmed from a name's ends once a term or a title's tail is gone (青山小学·秋季).
_TRIM = " ：:-—·"


def _cut_title(text: str) -> str:
    if _DEFAULT_NAME.fullmatch(text):
        return ""  # before 97-2003 is cut as a span of years
    named = _without_term(_SEAL.sub("", _LABEL.sub("", text)), _TITLE_CUT)
    if named.endswith("在校") and _names_school(named[:-2]):
        named = named[:-2]  # 青山小学在校留守儿童花名册: the children in school, not a name
    inside = _SCHOOL_BRACKETED.match(named)
    if inside and (_names_school(inside[1]) or SCHOOL_END.fullmatch(inside[1])):
        named = inside[1] + named[inside.end() :]  # (青山小学)留守…: the school, not its brackets
    return "" if _DEFAULT_NAME.fullmatch(named) else _up_to_the_school(_uncopied(named))


# The label a form writes before the school (填报单位：青山小学, 学校名称：青山小学,
# 填报单位（盖章）：…) and the seal it asks for after it (青山小学（盖章）): the form's
# words, not the school's name.
_LABEL = re.compile(
    r"^\s*(?:填报|报送|所在)?(?:单位|学校)(?:名称)?\s*(?:[(（]\s*(?:盖章|公章)\s*[)）])?\s*[:：]\s*"
)
_SEAL = re.compile(r"[(（]\s*(?:盖章|公章|签章)\s*[)）]")


# What a copy of a school's file or folder is named with after the school's name, as
# Windows, a browser or a school names a second one (青山小学(1).xlsx, 青山小学 (2).xlsx,
# 青山小学（副本）.xlsx, 青山小学（补）.xlsx, 青山小学 - 副本.xlsx, 青山小学 - 副本 (2).xlsx),
# and before it, as older Windows does (复件 青山小学, 复件 (2) 青山小学): the copy's, not
# the school's, which a campus's bracket (青山小学（东校区）) names still. Spaces gone and
# brackets folded, as a 学校 cell is read.
_COPY = re.compile(r"(?:\((?:\d{1,3}|副本\d*|补)\)|-副本(?:\(\d{1,3}\))?)+$")
_COPY_LEAD = re.compile(r"^复件(?:\(\d{1,3}\))?")


# The names Excel, WPS and Windows give a new workbook, sheet or folder before anyone names
# it (Book1.xlsx, 工作簿1.xlsx, 新建 Microsoft Excel 工作表.xlsx, Office's 新建 Microsoft
# Excel 97-2003 工作表.xls, WPS's 新建 XLSX 工作表.xlsx and 新建 XLS 工作表.xls, 新建文件夹/, a
# sheet titled Sheet1), and their copies (新建文件夹 (2)/,
# 新建 Microsoft Excel 工作表 (2).xlsx: ``_COPY``): no school's, as a list's word alone is
# none. Spaces gone and brackets folded, as a 学校 cell is read.
_DEFAULT_NAME = re.compile(
    r"(?:(?:Book|Sheet|工作簿)\d{1,3}|新建(?:Microsoft)?(?:Excel(?:97-2003)?|XLSX?)工作表|新建文件夹)"
    rf"(?:{_COPY.pattern.removesuffix('$')})?",
    re.IGNORECASE,
)


def _uncopied(name: str) -> str:
    """``name`` without a copy's marks (``_COPY``, ``_COPY_LEAD``: 红星村小(1), 红星村小-副本(2),
    复件红星村小 → 红星村小) where what is left names a school, or nothing (复件 alone: a
    copy of a file named for no school); else ``name``."""
    lead = _COPY_LEAD.match(name)
    tail = _COPY.search(name)
    bare = name[lead.end() if lead else 0 : tail.start() if tail else len(name)]
    return bare if bare != name and (not bare or _names_school(bare)) else name


# A school's name in brackets at the start of a name (（青山小学）留守儿童花名册,
# 【白鹤小学】…, 《石门小学》…), as _cut_title has it (full-width brackets folded).
_SCHOOL_BRACKETED = re.compile(
    r"^[(\[【《〔<「『]([^()\[\]【】《》〔〕<>「」『』]+)[)\]】》〕>」』]"
)


# Where a school's name may end within a longer name: at an ending (``_ENDINGS``), after
# a division (青山九年一贯制学校初中部汇总: its 部 is its name's, but not the 部 of 部分 in
# 青山小学部分留守儿童名单, some of the school's children), or after a campus's bracket
# (青山小学(东校区)).
_ENDS_AT = re.compile(rf"{_DIVISION}(?!分)|(?:{_ENDINGS})|\)")
# What may follow a school's name as its own still: a campus or a part (青山小学东区,
# 青山小学南校, 青山中学本部, 青山小学分院), not the whole school (青山小学全校, 各校).
_OWN_TAIL = re.compile(r"(?<![全各])[校区部院]$")


def _up_to_the_school(name: str) -> str:
    """``name`` up to the school's name in it where an ordinary word follows that name
    (青山小学新学期, 青山小学三年级, 青山小学汇总 → 青山小学); ``name`` itself where it ends
    as a school's name does, holds none, or what follows may be its campus or part
    (``_OWN_TAIL``)."""
    if not name or _names_school(name) or _OWN_TAIL.search(name):
        return name
    for end in sorted((m.end() for m in _ENDS_AT.finditer(name)), reverse=True):
        if _names_school(name[:end]):
            return name[:end]
    return name


def school_folder(file: str, runs: RunFolders | None = None) -> Path:
    """The folder a file's school keeps its files in: the file's own, or the one above a
    folder named for a grade or a class (青山小学/三年级/花名册.xlsx: a school keeping a
    roster a grade is one school, not one per folder) or for a year or a term alone
    (青山小学/2024秋/花名册.xlsx: ``_names_a_term``), or for a list alone (县/统计表/花名册.xlsx,
    青山小学/留守儿童/: ``_names_a_list``), or for what files are kept in (县/资料/:
    ``_names_no_school``) below the folder the run found the file in
    (``runs``), or, the folder found in itself or above it, where the folder above names a
    school, a county, a township or a district (``_list_of_the_folder_above``). A folder
    named by digits alone (001/) is a school's code, not a grade, but for a year's in a
    school's folder (``_a_year``)."""
    folder = Path(file).parent
    run = (runs or {}).get(os.path.abspath(file))
    while folder.name and (
        names_a_grade(folder.name)
        or _names_a_term(folder.name)
        or _a_year(folder)
        or (_names_no_school(folder.name) and _past_a_list(folder, run))
    ):
        folder = folder.parent
    return folder


# The folder the run found each file in (the folder given to it, or a file's own folder,
# the file given itself), by the file's whole path (os.path.abspath), as the files were
# found (lbc.workspace.inputs.spreadsheet_files): a folder named for a list at or above it
# is a school's own folder unless the folder above names that school (``school_folder``),
# however the run was given it (留守儿童, ../青山小学/留守儿童, D:\\资料\\青山小学\\留守儿童); the
# folders above it are no part of the run (D:\\资料, /home/user, 桌面, Downloads). A file
# not in it (a merged roster's 来源文件) goes by its path as written.
RunFolders = Mapping[str, Path]


def _past_a_list(folder: Path, run: Path | None) -> bool:
    """Whether the files of ``folder``, named for a list alone, are of the school of the
    folder above it: always below the folder the run found them in (``run``), as written
    where that is not known (a merged roster's 来源文件), else where the folder above
    names a school, a county, a township or a district (``_list_of_the_folder_above``)."""
    if run is None:
        return bool(folder.parent.name)
    above = Path(os.path.abspath(folder.parent))
    return above.is_relative_to(run) or _list_of_the_folder_above(folder)


def _list_of_the_folder_above(folder: Path) -> bool:
    """Whether ``folder``, named for a list alone, is a list of the folder above it, past a
    term's, a grade's or a year's: a school's (青山小学/留守儿童/, 青山小学/2024秋/留守儿童/),
    or a county's, a township's or a district's (营山县/留守儿童/: ``names_an_area``), as
    营山县/统计表/ is in a run over 营山县, and as it is in one over . inside 营山县; not
    a folder named otherwise (资料/留守儿童/, 桌面/留守儿童/), no part of the run, where a
    list's folder given to it is a school's own. A county's list's file naming no school
    (营山县/留守儿童/五年级.xlsx beside 石桥小学.xlsx) goes by the county's folder, kept apart
    from the school beside it and said, whichever way the folder is given."""
    here = Path(os.path.abspath(folder)).parent
    while here.name and (names_a_grade(here.name) or _names_a_term(here.name) or _a_year(here)):
        here = here.parent
    return _names_school(folder_school(here)) or names_an_area(here)


def _a_year(folder: Path) -> bool:
    """Whether ``folder``, named by digits alone, is a year's in the folder of the school
    above it (青山小学/2024/花名册.xlsx): its files are that school's, as 青山小学/2024秋/'s
    are. In a county's or a township's folder (县/1001/) digits alone are a school's code
    (``_names_a_term``)."""
    return (
        folder.name.isdigit()
        and TERM_ALONE.fullmatch(folder.name) is not None
        and _names_school(folder_school(folder.parent))
    )


def _names_a_list(name: str) -> bool:
    """Whether a folder's name names a list alone, no school's (统计表, 留守儿童, 花名册,
    2024年秋季留守儿童花名册, 学校: ``titled``), or a grade's list (一年级新生, 一年级新增:
    the grade's new pupils, of the school above it, which ``titled`` cuts to a grade's
    name), not a school's code (001)."""
    if name.isdigit():
        return False
    named = _past_the_year(name) or name
    cut = _cut_title(named)
    if cut != named and names_a_grade(cut):
        return True
    if titled(name):
        return False
    return not cut or _NO_SCHOOL_NAMED.fullmatch(cut) is not None


def _names_no_school(name: str) -> bool:
    """Whether a folder's name names a list alone (``_names_a_list``) or what files are
    kept in (资料, 数据, 表格, 2024资料: ``_KEPT_IN``): no school's, its files of the folder
    above it (``school_folder``). A folder given to the run named so may hold several
    schools' files, as a list's folder given to it is one school's (``_a_schools_folder``)."""
    return _names_a_list(name) or _KEPT_IN.fullmatch(_past_the_year(name) or name) is not None


# What an office or a school names a folder it keeps any files in (资料/, 数据/, 表格/,
# 文件/, 材料/, 附件/, 备份/, 汇总/, 其他/, and their pairs and copies: 数据汇总/, 各校资料/,
# 附件1/, 资料(1)/, 资料 - 副本/): no school's, as a list's name is none.
_KEPT_IN = re.compile(
    r"(?:(?:原始|上报|相关|其他|其它|学校|各校|全县|最新)?"
    r"(?:资料|数据|表格|报表|文件|文档|材料|附件|备份|归档|汇总)+|其他|其它)"
    r"(?:\s*\d+|\s*[(（]\d+[)）]|\s*-\s*副本)?"
)


def _in_a_grade(file: str, runs: RunFolders | None) -> bool:
    """Whether a file lies in a folder named for a grade or a class, below its school's
    (青山小学/三年级/花名册.xlsx, 青山小学/2024秋/三年级/花名册.xlsx), not in a term's alone."""
    top = school_folder(file, runs)
    return any(names_a_grade(up.name) for up in Path(file).parents if top in up.parents)


def _names_a_term(name: str) -> bool:
    """Whether a folder's name names a year or a term alone (``TERM_ALONE``). Digits
    alone (0101/, 1001/, 20241/) are a school's code, however many: a county's schools'
    folders so numbered are schools apart, not one school's years; but for a year a term
    may lie in (县/2024/: ``year_alone``), which is no school's."""
    if name.isdigit():
        return year_alone(name)
    return TERM_ALONE.fullmatch(name.strip(" ()（）[]［］【】")) is not None


# A class named without its grade, as a school names its files a class each (一班.xlsx,
# 2班.xlsx, (3)班.xlsx; a kindergarten's 大班).
_CLASS_ALONE = re.compile(r"[(（]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]?班|[大中小]班")


def names_a_grade(name: str) -> bool:
    """Whether a folder's or a file's name names a grade or a class (三年级, 三(2)班, 3年级,
    一班, or its squad, by number or by name: 三中队, 三年级二中队, 红星中队, 雏鹰中队);
    digits alone (1.xlsx, 001/) are a school's number or code, not a grade. A squad after
    a school's name (城关小学红星中队) is that school's, which names it."""
    if name.endswith("中队"):
        if not _SCHOOL_IN.search(name[:-2]):
            return True
        name = name[:-2] + "班"
    if name.isdigit():
        return False
    if _CLASS_ALONE.fullmatch(name):
        return True
    return isinstance(nz.grade(name), int) or isinstance(nz.class_ref(name), nz.ClassRef)


def source_path(file: str) -> Path:
    """A file's path as a merged roster's 来源文件 may give it: written on Windows, its
    folders are parted by backslashes (营山县\\城关镇中心小学\\花名册.xlsx), which a path
    here would read as one name, in no folder, and two counties' namesake schools as one.
    Windows reads either."""
    return Path(file.replace("\\", "/") if os.sep == "/" else file)


def children_folders(
    tables: Iterable[Table], schools: Callable[[Table], set[str]]
) -> dict[Path, set[str]]:
    """The schools of the children in each folder (``schools``: of a table's rows), by
    which ``schools_beside`` places a file of teachers or records alone: a table's
    children are in its file's folder, and a merged roster's school's in the folder of
    the school's own file its rows came from too (its 来源文件). 营山县/城关镇中心小学/
    帮扶记录.xlsx given beside 市/营山县.xlsx is of the school whose rows came from
    营山县/城关镇中心小学/花名册.xlsx, told from 南部县's namesake (城关镇中心小学(营山县)),
    not of the one its folder's name names."""
    out: dict[Path, set[str]] = {}
    for table in tables:
        found = schools(table)
        source = source_path(table.sources[0][0]).parent if table.sources else None
        for folder in {Path(table.file).parent, source or Path(table.file).parent}:
            out.setdefault(folder, set()).update(found)
    return out


def schools_beside(
    files: Iterable[str],
    by_folder: dict[Path, set[str]],
    unread: set[Path],
    named: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, list[str]]]:
    """The school of each file of teachers or records alone that declares none, as every
    command reads it (``Roster.support_schools``, and lbc merge, which reads each file on
    its own): the one school of the children in its folder, else in the nearest folder up
    from it that holds any (a school's returned record sheets in its own 帮扶记录/), else
    the one school of all the run's children (``by_folder``: each folder's children's
    schools), else "" (not known); with the schools it might be of, sorted, to say so. Of
    several, the one its own name names (``named``: the school of each file's name, as
    ``named_schools`` gives it: 青山小学教师.xlsx beside 青山小学.xlsx and 白鹤小学.xlsx). In
    a folder of ``unread`` (a file there could not be read: its own roster, most likely)
    it is not known, and might be of the school of any children read at or below it."""
    named = named or {}
    everywhere = set().union(*by_folder.values())
    below: dict[Path, set[str]] = {}  # each folder's children's schools, its subfolders' too
    for folder, schools in by_folder.items():
        for up in (folder, *folder.parents):
            below.setdefault(up, set()).update(schools)
    out = {}
    for name in files:
        for folder in (Path(name).parent, *Path(name).parent.parents):
            if folder in unread:
                out[name] = ("", sorted(below.get(folder, ())))
                break
            if below.get(folder):
                near = sorted(below[folder])
                break
        else:
            near = sorted(everywhere)
        if name not in out:
            own = named.get(name, "")
            out[name] = (near[0] if len(near) == 1 else own if own in near else "", near)
    return out


# A number alone (1, 03, 一): the number of a class (五年级.xlsx's sheets 1, 2), of a
# school, or a file's, as likely as a grade.
_NUMBER_ALONE = re.compile(r"\d+|[一二两三四五六七八九十]+")


def names_grades(file: str, sheet: str) -> dict[str, int]:
    """The grade each of a sheet's name, its file's and its folder's names that names one
    (三年级, 三年级.xlsx, 三年级/花名册.xlsx, 初一), by the name; a number alone
    (_NUMBER_ALONE: 三年级/1.xlsx, 县/3.xlsx) names none."""
    path = Path(file)
    named: dict[str, int] = {}
    for name in (sheet, path.stem, path.parent.name):
        grade = nz.grade(name)
        if grade.__class__ is int and not _NUMBER_ALONE.fullmatch(name.strip()):
            named[name] = grade  # type: ignore[assignment]
    return named
