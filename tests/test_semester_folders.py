"""上学期 is last term, and also the name of a school year's first semester: a school that
files its rosters as 2025-2026学年/上学期/花名册.xlsx, then 2025-2026学年/下学期/, keeps
this term's children in it (lbc.workspace.inputs._term_kind). A folder run read
nothing of such a school, or dropped it from its county's run."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_county_schools_named import pooled_note
from test_workspace_folders import ALONE, LAST_TERM

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, one_error_line, run, write_xlsx


def roster(path: Path, *children: int) -> Path:
    """A roster at ``path`` of conftest's children ``children``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_xlsx(path, {"花名册": [CHILD_HEADER, *(child_row(n) for n in children)]})


def counts(folder: str, cwd: Path, out: Path) -> tuple[int, int, list[str], str]:
    """The children validate and merge (to ``out``) count over ``folder``, run in ``cwd``,
    the schools merge names, and what validate says on stderr."""
    checked = run("validate", folder, "--format", "json", cwd=cwd)
    merged = run("merge", folder, "--out", out, "--format", "json", cwd=cwd)
    schools = sorted(s["school"] for s in merged.json()["schools"])
    return (
        checked.json()["summary"]["children"],
        merged.json()["summary"]["children"],
        schools,
        checked.stderr,
    )


# A school year's folder as schools name it, the full-width forms of a Chinese keyboard too.
YEARS = [
    "2025-2026学年",
    "2025学年",
    "2025-2026",
    "２０２５—２０２６学年度",
    "2025年-2026年",
    "2025～2026学年",
]


@pytest.mark.parametrize("year", YEARS)
def test_a_school_years_first_semester_is_read(tmp_path: Path, year: str) -> None:
    """青山小学 files its roster by school year and semester; 白鹤小学 beside it keeps its
    roster at its top. The county's run left 青山小学 out (its roster "last term's"), and
    the school's own run over its folder read nothing."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "青山小学" / year / "上学期" / "花名册.xlsx", 1, 2)
    roster(county / "白鹤小学" / "花名册.xlsx", 4, 5)
    assert counts("县", tmp_path, out) == (4, 4, ["白鹤小学", "青山小学"], "")
    assert counts("青山小学", county, out) == (2, 2, ["青山小学"], "")
    # Run inside the school year's folder: "." is named by the school year.
    read = counts(".", county / "青山小学" / year, out)
    assert (read[0], read[1], read[3]) == (2, 2, "")


def test_a_span_of_years_is_no_school_years_folder(tmp_path: Path) -> None:
    """A folder named by years that do not follow each other (2020-2025, a plan's span)
    is no school year's, as --term takes no such school year: a 上学期 folder alone in it
    is read as the school's only roster, and said."""
    roster(tmp_path / "青山小学" / "2020-2025" / "上学期" / "花名册.xlsx", 1, 2)
    said = ALONE.format(Path("青山小学", "2020-2025", "上学期", "花名册.xlsx")) + "\n"
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], said)


def test_the_first_semester_beside_an_empty_second_is_read(tmp_path: Path) -> None:
    """上学期/ beside a 下学期/ made for the spring, still empty: the first semester's,
    this term's, with no school year's folder above them."""
    school = tmp_path / "青山小学"
    roster(school / "上学期" / "花名册.xlsx", 1, 2)
    (school / "下学期").mkdir()
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], "")


@pytest.mark.parametrize("year", ["2025-2026学年", None])
def test_the_second_semester_holding_rosters_is_this_terms(tmp_path: Path, year) -> None:
    """Both semesters filed: the second, 下学期, is this term's, and the first's roster is
    last term's (its child 3 has left), said and not read."""
    school = tmp_path / "青山小学"
    folder = school / year if year else school
    roster(folder / "上学期" / "花名册.xlsx", 1, 2, 3)
    roster(folder / "下学期" / "花名册.xlsx", 1, 2)
    old = Path("青山小学", *([year] if year else []), "上学期", "花名册.xlsx")
    said = LAST_TERM.format(old) + "\n"
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], said)


def test_a_county_schools_only_roster_in_its_last_term_folder_is_read(tmp_path: Path) -> None:
    """A county's school whose folder holds its roster in 上学期/ alone, no school year's
    folder above it: left out of the county's run, the school dropped out with a note.
    It is all the school sent: read, and said."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "青山小学" / "上学期" / "花名册.xlsx", 1, 2)
    roster(county / "白鹤小学" / "花名册.xlsx", 4, 5)
    said = ALONE.format(Path("县") / "青山小学" / "上学期" / "花名册.xlsx") + "\n"
    assert counts("县", tmp_path, out) == (4, 4, ["白鹤小学", "青山小学"], said)


@pytest.mark.parametrize("year", ["2025-2026学年", None])
def test_the_first_semester_beside_a_roster_is_last_terms(tmp_path: Path, year) -> None:
    """A roster in a school year's folder (or beside an empty 下学期/), beside that year's
    上学期/: both were read, each child still there counted twice and child 3, who has
    left, counted as now. The roster beside it is this term's, the first semester's kept
    aside as lbc's own steps keep last term's: said and not read."""
    school = tmp_path / "青山小学"
    folder = school / year if year else school
    roster(folder / "花名册.xlsx", 1, 2)
    roster(folder / "上学期" / "花名册.xlsx", 1, 2, 3)
    if year is None:
        (folder / "下学期").mkdir()
    old = Path("青山小学", *([year] if year else []), "上学期", "花名册.xlsx")
    said = LAST_TERM.format(old) + "\n"
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], said)


@pytest.mark.parametrize(
    "beside", [Path("记录表", "2025秋.xlsx"), Path("帮扶记录.xlsx"), Path("教师名单.xlsx")]
)
def test_a_last_term_folder_beside_no_roster_is_read(tmp_path: Path, beside: Path) -> None:
    """A school's only roster in 上学期/, beside its records (记录表/, 帮扶记录.xlsx) or its
    teachers list alone: taken for last term's, the school had nothing read, its run
    stopped on a roster found in its records file. No roster lies beside it: read, and
    said."""
    school = tmp_path / "青山小学"
    roster(school / "上学期" / "花名册.xlsx", 1, 2)
    (school / beside).parent.mkdir(parents=True, exist_ok=True)
    if "教师" in beside.name:
        write_xlsx(school / beside, {"教师": [["姓名", "性别", "联系电话"]]})
    else:
        write_xlsx(school / beside, {"帮扶记录": [["日期", "帮扶教师", "学生姓名"]]})
    said = ALONE.format(Path("青山小学", "上学期", "花名册.xlsx")) + "\n"
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], said)


def test_a_last_term_folder_beside_this_terms_folders_is_last_terms(tmp_path: Path) -> None:
    """A county office that keeps last term's folder of the schools' rosters in 上学期/
    beside this term's schools' folders: last term's, though no spreadsheet lies beside
    it in its own folder."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "上学期" / "青山小学" / "花名册.xlsx", 1, 2, 3)
    roster(county / "青山小学" / "花名册.xlsx", 1, 2)
    said = LAST_TERM.format(Path("县") / "上学期" / "青山小学" / "花名册.xlsx") + "\n"
    assert counts("县", tmp_path, out) == (2, 2, ["青山小学"], said)


def test_a_workspaces_last_term_folder_alone_is_still_last_terms(tmp_path: Path) -> None:
    """A school's workspace whose lbc.toml names its roster, not made yet, and keeps last
    term's in 上学期/: the workspace says which is this term's, and it is not there; last
    term's is not read in its place."""
    school = tmp_path / "青山小学"
    roster(school / "上学期" / "花名册.xlsx", 1, 2, 3)
    (school / "lbc.toml").write_text('[files]\nroster = "花名册.xlsx"\n', encoding="utf-8")
    assert one_error_line(run("validate", "青山小学", cwd=tmp_path)) == (
        "lbc: 错误：青山小学 中只有“上学期”文件夹里的 1 个表格，是上学期的，"
        "未当作本学期的名册读取；要读它，请直接写出它的路径，"
        f"如 {Path('青山小学') / '上学期' / '花名册.xlsx'}"
    )


def test_a_past_school_years_folder_is_last_terms(tmp_path: Path) -> None:
    """A school that keeps each school year's folder: last year's two semesters and this
    year's first. Last year's second semester was read with this year's first (each
    child still there counted twice, a DUP001 on each, child 3 who has left counted);
    before, it was read alone, this term's left out. A school year's folder beside a later
    one holding spreadsheets is a past year's: said, and not read; until the later one
    holds any, it is this year's."""
    school = tmp_path / "青山小学"
    last, this = school / "2024-2025学年", school / "2025-2026学年"
    roster(last / "上学期" / "花名册.xlsx", 1, 2, 3, 4)
    roster(last / "下学期" / "花名册.xlsx", 1, 2, 3)
    (this / "上学期").mkdir(parents=True)
    out = tmp_path / "全县.xlsx"
    first = LAST_TERM.format(Path("青山小学", last.name, "上学期", "花名册.xlsx"))
    assert counts("青山小学", tmp_path, out) == (3, 3, ["青山小学"], first + "\n")
    roster(this / "上学期" / "花名册.xlsx", 1, 2)
    second = (
        f"提示：{Path('青山小学', last.name, '下学期', '花名册.xlsx')} 在“2024-2025学年”"
        "文件夹里，旁边已有“2025-2026学年”，是以往学年的文件，未当作本学期的名册读取；"
        "要读它，请直接写出它的路径"
    )
    assert counts("青山小学", tmp_path, out) == (2, 2, ["青山小学"], f"{first}\n{second}\n")


# What a folder run says of each file whose name says it is last term's, beside this term's.
NAMED_LAST_TERM = (
    "提示：{} 的文件名表明是上学期的，旁边有本学期的花名册，未当作本学期的名册读取；"
    "要读它，请直接写出它的路径"
)


@pytest.mark.parametrize(
    ("last", "this"),
    [
        ("上学期花名册.xlsx", "花名册.xlsx"),
        ("上学期名单.xlsx", "花名册.xlsx"),
        ("2024年上学期花名册.xlsx", "花名册.xlsx"),
        ("2024上学期名单.xlsx", "花名册.xlsx"),
        ("上学期花名册.xlsx", "2025春花名册.xlsx"),
        ("2024秋花名册.xlsx", "2025春花名册.xlsx"),
        ("2024-2025学年第一学期花名册.xlsx", "2024-2025学年第二学期花名册.xlsx"),
        ("2024-2025-1花名册.xlsx", "2024-2025-2花名册.xlsx"),
        ("2024-autumn花名册.xlsx", "2025-spring花名册.xlsx"),
        ("2024-25学年第一学期花名册.xlsx", "2025春花名册.xlsx"),
        ("2024学年第一学期花名册.xlsx", "2024学年第二学期花名册.xlsx"),
        ("2024年下学期花名册.xlsx", "2025年上学期花名册.xlsx"),
        ("2025年上学期花名册.xlsx", "2025年下学期花名册.xlsx"),
        ("2024-2025学年秋季学期花名册.xlsx", "2024-2025学年春季学期花名册.xlsx"),
        ("2024春.xlsx", "2024秋.xlsx"),
        ("2024春季.xlsx", "2024年秋.xlsx"),
        ("2024年春.xlsx", "2024秋季.xlsx"),
    ],
)
def test_a_file_named_last_terms_beside_this_terms_roster_is_last_terms(
    tmp_path: Path, last: str, this: str
) -> None:
    """青山小学's last term's roster kept beside this term's under a name that says so:
    read as this term's too, its children still there counted twice (DUP001) and child 3,
    who has left, counted as now. Said and not read, as a 上学期 folder is; named, read."""
    school, out = tmp_path / "青山小学", tmp_path / "全县.xlsx"
    roster(school / last, 1, 2, 3)
    roster(school / this, 1, 2)
    said = NAMED_LAST_TERM.format(Path("青山小学") / last) + "\n"
    assert counts("青山小学", tmp_path, out) == (2, 2, ["青山小学"], said)
    named = run("validate", Path("青山小学") / last, "--format", "json", cwd=tmp_path)
    assert named.json()["summary"]["children"] == 3


@pytest.mark.parametrize("last", ["上学期花名册.xlsx", "2024秋花名册.xlsx"])
def test_a_file_named_last_terms_beside_no_roster_is_read(tmp_path: Path, last: str) -> None:
    """A school's only roster named 上学期 (or by a term), beside its teachers list and
    records: all the school has of its children, read."""
    school, out = tmp_path / "青山小学", tmp_path / "全县.xlsx"
    roster(school / last, 1, 2, 3)
    write_xlsx(school / "教师名单.xlsx", {"教师": [["姓名", "性别", "联系电话"]]})
    write_xlsx(school / "帮扶记录.xlsx", {"帮扶记录": [["日期", "帮扶教师", "学生姓名"]]})
    assert counts("青山小学", tmp_path, out)[:3] == (3, 3, ["青山小学"])


def test_files_named_by_terms_of_two_schools_in_a_countys_folder_are_read(tmp_path: Path) -> None:
    """A county's folder of schools' files, each named by its term and school: another
    school's file named by a later term, or a file named 上学期 beside another school's,
    makes no file last term's."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "2024年秋季青山小学花名册.xlsx", 1, 2)
    roster(county / "2025年春季白鹤小学花名册.xlsx", 4, 5)
    roster(county / "上学期河口小学花名册.xlsx", 6)
    assert counts("县", tmp_path, out) == (5, 5, ["河口小学", "白鹤小学", "青山小学"], "")


def test_files_named_by_terms_of_two_grades_in_a_schools_folder_are_read(tmp_path: Path) -> None:
    """A school's roster kept a grade a file, each named by the term its class teacher made
    it in: 2024秋三年级.xlsx beside 2025春五年级.xlsx was taken for last term's and not
    read, the third grade's children lost to the count. A file named by another grade or
    class is no earlier copy of it; the third grade's own later file still makes it one."""
    school, out = tmp_path / "青山小学", tmp_path / "全县.xlsx"
    roster(school / "2024秋三年级.xlsx", 1, 2)
    roster(school / "2025春五年级.xlsx", 4, 5)
    roster(school / "上学期六年级.xlsx", 6)
    assert counts("青山小学", tmp_path, out) == (5, 5, ["青山小学"], "")
    roster(school / "2025春三年级.xlsx", 1, 2)
    said = NAMED_LAST_TERM.format(Path("青山小学") / "2024秋三年级.xlsx") + "\n"
    assert counts("青山小学", tmp_path, out) == (5, 5, ["青山小学"], said)


def test_a_season_beginning_a_schools_name_after_the_year_names_no_term(tmp_path: Path) -> None:
    """春晖小学's roster named with the year before it, 2024春晖小学.xlsx, beside its late
    additions 2024年秋季春晖小学补录.xlsx, was read as spring 2024's, last term's, and not
    read: its children were lost to every count, though the school was read as 春晖小学,
    not 晖小学 of the spring. A 春 or 秋 followed by the rest of a school's name (晖小学,
    实小学) begins the name and names no term: so for 2024秋实小学.xlsx beside
    2025年春季秋实小学补录.xlsx. A term written out before it still is one."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "春晖小学" / "2024春晖小学.xlsx", 1, 2)
    roster(county / "春晖小学" / "2024年秋季春晖小学补录.xlsx", 3)
    roster(county / "秋实小学" / "2024秋实小学.xlsx", 4, 5)
    roster(county / "秋实小学" / "2025年春季秋实小学补录.xlsx", 6)
    assert counts("县", tmp_path, out) == (6, 6, ["春晖小学", "秋实小学"], "")
    roster(county / "秋实小学" / "2024年秋季秋实小学.xlsx", 4, 5)
    said = NAMED_LAST_TERM.format(Path("县") / "秋实小学" / "2024年秋季秋实小学.xlsx") + "\n"
    assert counts("县", tmp_path, out) == (6, 6, ["春晖小学", "秋实小学"], said)


# What validate says of a school's children when none of its files is in error.
NO_ERRORS = "没有发现问题。\n共检查 {} 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"


@pytest.mark.parametrize(
    ("school", "last", "this"),
    [
        ("春晖小学", "2024秋春晖小学花名册.xlsx", "2025春晖小学花名册.xlsx"),
        ("春晖小学", "2024年秋季春晖小学花名册.xlsx", "2025春晖小学花名册.xlsx"),
        ("春晖小学", "2024秋季-春晖小学花名册.xlsx", "2025春晖小学花名册.xlsx"),
        ("春晖小学", "2024秋春晖小学花名册.xlsx", "2025年春晖小学花名册.xlsx"),
        ("春晖小学", "2023-2024学年春晖小学花名册.xlsx", "2024秋春晖小学花名册.xlsx"),
        ("春晖小学", "2024春晖小学花名册.xlsx", "2025年秋季春晖小学花名册.xlsx"),
        ("秋林小学", "2024秋秋林小学花名册.xlsx", "2025秋林小学花名册.xlsx"),
        ("春晓小学", "2024秋春晓小学花名册.xlsx", "2025春晓小学花名册.xlsx"),
    ],
)
def test_a_term_before_a_year_beginning_a_schools_name_is_last_terms(
    tmp_path: Path, school: str, last: str, this: str
) -> None:
    """春晖小学's autumn 2024 roster, 2024秋春晖小学花名册.xlsx, beside 2025春晖小学花名册.xlsx:
    since that 春 begins the school's name, 2025春晖小学 names no term, and the autumn's
    file was read as this term's too, each child still there listed twice (DUP001). The
    year names the terms the file may be of, its spring to the next spring (a school
    year's), all after 2024秋: it is last term's, as when the 春 was read as a term; so is
    a file named by a year before 2025年秋季春晖小学花名册.xlsx, or by a school year
    (2023-2024学年春晖小学) before 2024秋."""
    roster(tmp_path / school / last, 1, 2)
    roster(tmp_path / school / this, 1, 2, 3)
    checked = run("validate", school, cwd=tmp_path)
    assert checked.stderr == NAMED_LAST_TERM.format(Path(school) / last) + "\n"
    assert (checked.exit_code, checked.stdout) == (0, NO_ERRORS.format(3))


def test_years_beginning_a_schools_name_are_not_ordered_but_a_term_before_both_is(
    tmp_path: Path,
) -> None:
    """Two files named by years alone are both read, however far apart, 2024春晖小学花名册
    .xlsx beside 2026春晖小学花名册.xlsx as 2024花名册.xlsx beside 2026花名册.xlsx; the
    autumn 2023 file beside them is last term's, before any term either may be of."""
    school = tmp_path / "春晖小学"
    roster(school / "2023秋春晖小学花名册.xlsx", 1, 2)
    roster(school / "2024春晖小学花名册.xlsx", 3, 4)
    roster(school / "2026春晖小学花名册.xlsx", 5)
    checked = run("validate", "春晖小学", cwd=tmp_path)
    said = NAMED_LAST_TERM.format(Path("春晖小学", "2023秋春晖小学花名册.xlsx"))
    assert checked.stderr == said + "\n"
    assert (checked.exit_code, checked.stdout) == (0, NO_ERRORS.format(3))


def test_a_first_semester_beside_an_empty_second_and_this_terms_roster_is_last_terms(
    tmp_path: Path,
) -> None:
    """青山小学 made 上学期/ and 下学期/ folders and put last term's roster in the first,
    this term's still at its top: 上学期/ was read as this school year's first semester,
    beside the roster, without a word, its children counted twice (DUP001) and child 3,
    who has left, counted as now. With this term's roster beside it, it is last term's.
    A teachers list beside it is no roster."""
    school = tmp_path / "青山小学"
    roster(school / "上学期" / "花名册.xlsx", 1, 2, 3)
    (school / "下学期").mkdir()
    write_xlsx(school / "教师名单.xlsx", {"教师": [["姓名", "性别", "联系电话"]]})
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (3, 3, ["青山小学"], "")
    roster(school / "花名册.xlsx", 1, 2)
    said = LAST_TERM.format(Path("青山小学") / "上学期" / "花名册.xlsx") + "\n"
    assert counts("青山小学", tmp_path, tmp_path / "全县.xlsx") == (2, 2, ["青山小学"], said)


def test_a_later_folder_of_a_teachers_list_alone_leaves_the_roster_read(
    tmp_path: Path,
) -> None:
    """青山小学 began its 2025-2026学年/ folder with the new teachers list, its roster still
    in 2024-2025学年/: that folder was taken for a past year's and the roster not read, the
    school's children missing from the county's count. A later school year's folder, or a
    下学期/, that holds no roster (a teachers list or records alone, by their names) makes
    the files beside it no past term's."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    staff = {"教师": [["姓名", "性别", "联系电话"]]}
    roster(county / "青山小学" / "2024-2025学年" / "花名册.xlsx", 1, 2)
    (county / "青山小学" / "2025-2026学年").mkdir()
    write_xlsx(county / "青山小学" / "2025-2026学年" / "教师名单.xlsx", staff)
    roster(county / "石门小学" / "上学期" / "花名册.xlsx", 3)
    (county / "石门小学" / "下学期").mkdir()
    write_xlsx(county / "石门小学" / "下学期" / "教师名单.xlsx", staff)
    roster(county / "白鹤小学" / "花名册.xlsx", 4, 5)
    assert counts("县", tmp_path, out) == (5, 5, ["白鹤小学", "石门小学", "青山小学"], "")
    roster(county / "青山小学" / "2025-2026学年" / "花名册.xlsx", 1)
    said = (
        f"提示：{Path('县', '青山小学', '2024-2025学年', '花名册.xlsx')} 在“2024-2025学年”"
        "文件夹里，旁边已有“2025-2026学年”，是以往学年的文件，未当作本学期的名册读取；"
        "要读它，请直接写出它的路径\n"
    )
    assert counts("县", tmp_path, out) == (4, 4, ["白鹤小学", "石门小学", "青山小学"], said)


@pytest.mark.parametrize("apart", ["-", " ", "_"])
def test_a_season_and_a_separator_before_a_schools_name_name_a_term(
    tmp_path: Path, apart: str
) -> None:
    """实验小学's rosters named 2024秋-实验小学花名册.xlsx and 2025春-实验小学花名册.xlsx: the
    秋 and the 春 were read as beginning a school's name (秋-实验小学), as in 2024春晖小学,
    so neither file named a term, both were read and each child still there was listed
    twice. A name begins with no separator: they are the terms, the autumn's last term's."""
    school = tmp_path / "实验小学"
    roster(school / f"2024秋{apart}实验小学花名册.xlsx", 1, 2, 3)
    roster(school / f"2025春{apart}实验小学花名册.xlsx", 1, 2, 3, 4)
    said = NAMED_LAST_TERM.format(Path("实验小学", f"2024秋{apart}实验小学花名册.xlsx")) + "\n"
    assert counts("实验小学", tmp_path, tmp_path / "全县.xlsx") == (4, 4, ["实验小学"], said)


# What a run says of folders of different terms side by side, each read: the folders,
# then the latest, to name for one term alone.
TERMS_READ = (
    "提示：{} 是不同学期的文件夹，都已读取；只读一个学期的，请在命令里写出那个学期的文件夹"
    "（如 {}），或把以往学期的文件夹移进旁边的“上学期”文件夹（其中的文件不当作本学期的读取）"
)
# The same where a 上学期 folder would be read as a school year's first semester.
TERMS_READ_NAMED = (
    "提示：{} 是不同学期的文件夹，都已读取；只读一个学期的，请在命令里写出那个学期的文件夹（如 {}）"
)


def terms_read(parent: Path, *folders: str, said: str = TERMS_READ) -> str:
    """The note on ``folders`` (by term, the latest last) in ``parent``, each read."""
    paths = [str(parent / folder) for folder in folders]
    return said.format("、".join(paths), paths[-1])


@pytest.mark.parametrize(
    ("later", "name", "said"),
    [
        ("2025春", "新增.xlsx", True),
        ("2025春", "花名册(1).xlsx", True),
        ("2025春新增", "花名册.xlsx", False),
        ("2025春新生", "花名册.xlsx", False),
    ],
)
def test_a_terms_folder_beside_a_later_terms_folder_is_read(
    tmp_path: Path, later: str, name: str, said: bool
) -> None:
    """2024秋/ beside 2025春/ holding only new pupils: nothing tells from the names alone
    whether 2025春's file is a copy of 2024秋's, so both are read and nobody is lost. A
    rule setting 2024秋/花名册.xlsx aside by its file names (91b8c8c) said 2 children.
    Two folders named by terms alone are said as both read."""
    school, out = tmp_path / "青山小学", tmp_path / "全校.xlsx"
    roster(school / "2024秋" / "花名册.xlsx", 1, 2, 3, 4, 5)
    roster(school / later / name, 6, 7)
    note = terms_read(Path("青山小学"), "2024秋", later) + "\n" if said else ""
    assert counts("青山小学", tmp_path, out) == (7, 7, ["青山小学"], note)


@pytest.mark.parametrize(
    ("last", "this"),
    [
        ("2024秋", "2025春"),
        ("2024年秋季学期", "2025年春季学期"),
        ("2024-2025学年第一学期", "2024-2025学年第二学期"),
        ("2024-2025-1", "2024-2025-2"),
    ],
)
def test_two_terms_folders_side_by_side_are_said_as_both_read(
    tmp_path: Path, last: str, this: str
) -> None:
    """青山小学 keeps a folder a term, last term's beside this term's: both are read, each
    child on both said (DUP001), as before, but nothing said the run read two terms'
    folders, nor how to read one. Named itself, a folder is read alone and not said."""
    school, out = tmp_path / "青山小学", tmp_path / "全校.xlsx"
    roster(school / last / "花名册.xlsx", 1, 2, 3)
    roster(school / this / "花名册.xlsx", 1, 2)
    said = terms_read(Path("青山小学"), last, this) + "\n"
    assert counts("青山小学", tmp_path, out) == (3, 3, ["青山小学"], said)
    checked = run("validate", "青山小学", "--format", "json", cwd=tmp_path)
    assert checked.json()["summary"]["by_code"] == {"DUP001": 2}
    assert checked.exit_code == 1
    inside = run("validate", ".", "--format", "json", cwd=school)
    assert inside.stderr == terms_read(Path("."), last, this) + "\n"
    named = run("validate", Path("青山小学", this), "--format", "json", cwd=tmp_path)
    assert (named.json()["summary"]["children"], named.stderr) == (2, "")


def test_a_countys_terms_folders_of_schools_are_said_as_both_read(tmp_path: Path) -> None:
    """县/2024秋/ holds 青山小学 and 白鹤小学, 县/2025春/ only 青山小学 so far: every file
    is read, the note naming the county's two terms' folders once and claiming nothing of
    whose children are where."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "2024秋" / "青山小学" / "花名册.xlsx", 1, 2, 3)
    roster(county / "2024秋" / "白鹤小学" / "花名册.xlsx", 4, 5)
    roster(county / "2025春" / "青山小学" / "花名册.xlsx", 1, 2)
    said = terms_read(Path("县"), "2024秋", "2025春") + "\n"
    assert counts("县", tmp_path, out)[::3] == (5, said)
    merged = run("merge", "县", "--out", out, "--format", "json", cwd=tmp_path)
    assert merged.json()["summary"]["rows"] == 7


@pytest.mark.parametrize(
    "folders",
    [
        ("2024级", "2025级"),
        ("2025春",),
        ("2024秋", "2025春新生"),
        ("2024",),
        ("2024-2025学年", "2025"),
    ],
)
def test_folders_naming_no_two_terms_are_not_said(tmp_path: Path, folders: tuple[str]) -> None:
    """Cohorts' folders (2024级/, each this term's), one term's or year's folder alone, a
    term's beside a folder named by more than a term, or a year's beside a school year's:
    no two terms' or years' folders."""
    school, out = tmp_path / "青山小学", tmp_path / "全校.xlsx"
    for n, folder in enumerate(folders):
        roster(school / folder / "花名册.xlsx", 2 * n + 1, 2 * n + 2)
    assert counts("青山小学", tmp_path, out)[3] == ""


def test_a_last_term_folder_keeps_out_the_terms_folders_moved_into_it(tmp_path: Path) -> None:
    """The note's way to read one term: last term's folder moved into a 上学期 folder
    beside this term's is kept out, and the note is no longer said. In a school year's
    folder a 上学期 folder is its first semester's, read: the note does not offer it."""
    school, out = tmp_path / "青山小学", tmp_path / "全校.xlsx"
    roster(school / "上学期" / "2024秋" / "花名册.xlsx", 1, 2, 3)
    roster(school / "2025春" / "花名册.xlsx", 1, 2)
    said = LAST_TERM.format(Path("青山小学", "上学期", "2024秋", "花名册.xlsx")) + "\n"
    assert counts("青山小学", tmp_path, out) == (2, 2, ["青山小学"], said)
    year = tmp_path / "白鹤小学" / "2024-2025学年"
    roster(year / "2024秋" / "花名册.xlsx", 1, 2, 3)
    roster(year / "2025春" / "花名册.xlsx", 1, 2)
    said = terms_read(Path("白鹤小学", "2024-2025学年"), "2024秋", "2025春", said=TERMS_READ_NAMED)
    assert counts("白鹤小学", tmp_path, out)[::3] == (3, said + "\n")


def test_every_command_reading_folders_says_two_terms_folders(tmp_path: Path) -> None:
    """summary, pair, flag, due and watch find a folder's files as validate and merge do,
    and say the two terms' folders they read alike."""
    school = tmp_path / "青山小学"
    roster(school / "2024秋" / "花名册.xlsx", 1, 2, 3)
    roster(school / "2025春" / "花名册.xlsx", 1, 2)
    teachers = [TEACHER_HEADER, ["陈静", "女", "13800000000", "教师", "三年级(2)班"]]
    write_xlsx(school / "2025春" / "教师名单.xlsx", {"教师名单": teachers})
    said = terms_read(Path("青山小学"), "2024秋", "2025春")
    for args in (
        ["summary", "--term", "2025春"],
        ["pair"],
        ["flag"],
        ["due", "--as-of", "2025-04-01"],
        ["watch", "--as-of", "2025-04-01"],
    ):
        done = run(*args, "青山小学", "--format", "json", cwd=tmp_path)
        assert said in done.stderr.splitlines(), args
        assert done.exit_code in (0, 1), args


# What a run says of folders of different years side by side, each read.
YEARS_READ = (
    "提示：{} 是不同年份的文件夹，都已读取，其中的名册合在一起统计；只读一年的，"
    "请在命令里写出那一年的文件夹（如 {}）"
)


@pytest.mark.parametrize(("last", "this"), [("2023", "2024"), ("2023年", "2024年度")])
def test_years_folders_side_by_side_are_said_as_both_read(
    tmp_path: Path, last: str, this: str
) -> None:
    """青山小学 keeps a folder a year, 2023/ beside 2024/: both were read as one school with
    nothing said, each child on both a DUP001 and two years' children counted as one
    term's. Neither is set aside (a year's folder may hold this term's), but the run says
    they are two years' and how to read one; named, a year's folder is read alone."""
    school, out = tmp_path / "青山小学", tmp_path / "全校.xlsx"
    roster(school / last / "花名册.xlsx", 1, 2, 3)
    roster(school / this / "花名册.xlsx", 1, 2)
    said = terms_read(Path("青山小学"), last, this, said=YEARS_READ) + "\n"
    assert counts("青山小学", tmp_path, out) == (3, 3, ["青山小学"], said)
    checked = run("validate", "青山小学", cwd=tmp_path)
    assert checked.stdout.splitlines()[-1] == (
        "共检查 3 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告"
    )
    named = run("validate", Path("青山小学", this), "--format", "json", cwd=tmp_path)
    assert (named.json()["summary"]["children"], named.stderr) == (2, "")


def test_a_countys_years_folders_of_schools_are_said_as_both_read(tmp_path: Path) -> None:
    """县/2023/青山小学.xlsx beside 县/2024/青山小学.xlsx and 县/2024/白鹤小学.xlsx: each
    青山小学 child was said twice as DUP001 with nothing on why. Every file is read, one
    note naming the county's two years' folders; the schools are those of the files."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "2023" / "青山小学.xlsx", 1, 2, 3)
    roster(county / "2024" / "青山小学.xlsx", 1, 2, 3)
    roster(county / "2024" / "白鹤小学.xlsx", 4, 5)
    said = terms_read(Path("县"), "2023", "2024", said=YEARS_READ) + "\n"
    assert counts("县", tmp_path, out) == (5, 5, ["白鹤小学", "青山小学"], said)
    checked = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    schools = sorted((s["school"], s["children"], s["errors"]) for s in checked["schools"])
    assert (checked["by_code"], schools) == (
        {"DUP001": 3},
        [("白鹤小学", 2, 0), ("青山小学", 3, 3)],
    )


def test_a_countys_schools_kept_by_term_are_said_in_one_note(tmp_path: Path) -> None:
    """A county whose schools each keep a folder a term (县/青山小学/2024秋/ and 2025春/,
    县/白鹤小学/2024秋/ and 2025春/ …) had one note per school, fifty lines for fifty
    schools before the run's result: one note for the run says how many schools and the
    folders' names. A school whose folders are named otherwise keeps its own note, and
    one with a term's folder alone none. Children and schools counted are unchanged."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    schools = ["石门小学", "白鹤小学", "青山小学", "红星村小"]
    for n, school in enumerate(schools):
        roster(county / school / "2024秋" / "花名册.xlsx", 2 * n + 1, 2 * n + 2)
        roster(county / school / "2025春" / "花名册.xlsx", 2 * n + 1)
    roster(county / "河口小学" / "2024年秋季学期" / "花名册.xlsx", 9)
    roster(county / "河口小学" / "2025年春季学期" / "花名册.xlsx", 10)
    roster(county / "大桥小学" / "2025春" / "花名册.xlsx", 11)
    first = sorted(schools)[0]
    said = [
        f"提示：4 所学校的文件夹（如 {Path('县', first)}）里都有不同学期的文件夹 2024秋、2025春，"
        "都已读取；只读一个学期的，请在命令里写出各校那个学期的文件夹"
        f"（如 {Path('县', first, '2025春')}），或把各校以往学期的文件夹移进旁边的“上学期”文件夹"
        "（其中的文件不当作本学期的读取）",
        terms_read(Path("县", "河口小学"), "2024年秋季学期", "2025年春季学期"),
    ]
    checked = run("validate", "县", "--format", "json", cwd=tmp_path)
    assert sorted(checked.stderr.splitlines()) == sorted(said)
    summary = checked.json()["summary"]
    assert (summary["children"], summary["by_code"]) == (11, {"DUP001": 4})
    by_school = sorted((s["school"], s["children"]) for s in summary["schools"])
    assert by_school == sorted([(s, 2) for s in schools] + [("河口小学", 2), ("大桥小学", 1)])
    merged = run("merge", "县", "--out", out, "--format", "json", cwd=tmp_path)
    notes = [line for line in merged.stderr.splitlines() if line.startswith("提示")]
    assert sorted(notes) == sorted(said)
    assert merged.json()["summary"]["children"] == 11


@pytest.mark.parametrize(
    ("last", "this"),
    [
        ("2024秋青山小学", "2025春青山小学"),
        ("青山小学（2024年秋季学期）", "青山小学（2025年春季学期）"),
    ],
)
def test_folders_named_by_a_term_and_a_school_are_said_as_both_read(
    tmp_path: Path, last: str, this: str
) -> None:
    """县/2024秋青山小学/ beside 县/2025春青山小学/: one school's two terms' folders, both
    read with nothing said, each child on both a DUP003. They are said as two terms'
    folders as 青山小学/2024秋/ and 2025春/ are; another school's term folder beside them
    (县/2025春白鹤小学/) is not said with them. Counts and schools are unchanged."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / last / "花名册.xlsx", 1, 2, 3)
    roster(county / this / "花名册.xlsx", 1, 2)
    roster(county / "2025春白鹤小学" / "花名册.xlsx", 4, 5)
    checked = run("validate", "县", cwd=tmp_path)
    assert checked.stderr == terms_read(Path("县"), last, this) + "\n"
    last_school, this_school = (str(Path("县", name, "花名册")) for name in (last, this))
    lines = checked.stdout.splitlines()
    assert sorted(lines[-4:-1]) == sorted(
        [
            f"{last_school}：3 名儿童，0 个错误，0 个警告",
            f"{this_school}：2 名儿童，2 个错误，0 个警告",
            "白鹤小学：2 名儿童，0 个错误，0 个警告",
        ]
    )
    assert lines[-1] == "共检查 5 名儿童、0 名教师、0 条帮扶记录：2 个错误，0 个警告"
    summary = run("validate", "县", "--format", "json", cwd=tmp_path).json()["summary"]
    assert (summary["children"], summary["by_code"]) == (5, {"DUP003": 2})
    merged = run("merge", "县", "--out", out, "--format", "json", cwd=tmp_path)
    assert merged.json()["summary"]["children"] == 5
    assert terms_read(Path("县"), last, this) in merged.stderr.splitlines()


# The review's layouts of years' folders that are no one school's years, or whose latest
# year's folder named alone would leave a school or a grade out: each file, its children.
YEARS_NOT_ONE_SCHOOLS = {
    "cohorts": {"青山小学/2020/五年级.xlsx": (1, 2), "青山小学/2021/四年级.xlsx": (3, 4)},
    "schools by year": {"县/2023/青山小学.xlsx": (1, 2), "县/2024/白鹤小学.xlsx": (3, 4)},
    "folders by year": {
        "县/2023/青山小学/花名册.xlsx": (1, 2),
        "县/2024/白鹤小学/花名册.xlsx": (3, 4),
    },
    "codes": {"县/2001/花名册.xlsx": (1, 2), "县/2002/花名册.xlsx": (3, 4)},
    "three codes": {
        "县/2001/花名册.xlsx": (1,),
        "县/2002/花名册.xlsx": (3,),
        "县/2003/花名册.xlsx": (5,),
    },
}


@pytest.mark.parametrize("layout", list(YEARS_NOT_ONE_SCHOOLS))
def test_years_folders_of_no_one_school_are_not_said(tmp_path: Path, layout: str) -> None:
    """Folders named by years that are no one school's years, where naming one year's
    folder, as the note said to, dropped the others' grades or schools: a school's
    cohorts by the year they entered (青山小学/2020/五年级.xlsx, 2021/四年级.xlsx), a
    county's schools kept in the year they came (县/2023/青山小学.xlsx beside
    县/2024/白鹤小学.xlsx, or in folders), schools' codes (县/2001/, 县/2002/). No note on
    years: what holds none of the same school's files is not one school's years."""
    files = YEARS_NOT_ONE_SCHOOLS[layout]
    for name, children in files.items():
        roster(tmp_path / name, *children)
    top = next(iter(files)).split("/")[0]
    checked = run("validate", top, cwd=tmp_path)
    codes = layout.endswith("codes")
    assert checked.stderr == (pooled_note("、".join(map(str, map(Path, files)))) if codes else "")


def test_years_folders_beside_another_school_are_said_with_no_advice(tmp_path: Path) -> None:
    """县/2023/青山小学.xlsx and 县/2024/青山小学.xlsx beside 县/白鹤小学/: 青山小学's two
    years' folders, said so, but naming 县/2024, as the note said to, dropped 白鹤小学.
    Nor is 县/2023/石桥小学.xlsx, a school 县/2024/ has not, read by naming 县/2024. The
    note says no year's folder holds all the rosters read, and advises none."""
    county, out = tmp_path / "县", tmp_path / "全县.xlsx"
    roster(county / "2023" / "青山小学.xlsx", 1, 2)
    roster(county / "2024" / "青山小学.xlsx", 1, 3)
    roster(county / "白鹤小学" / "花名册.xlsx", 4)
    said = (
        f"提示：{Path('县', '2023')}、{Path('县', '2024')} 是不同年份的文件夹，都已读取，其中的"
        "名册合在一起统计；哪一年的文件夹都没有本次读取的全部名册，只写出其中一年的会漏读别的名册\n"
    )
    assert counts("县", tmp_path, out) == (4, 4, ["白鹤小学", "青山小学"], said)
    (county / "白鹤小学" / "花名册.xlsx").unlink()
    roster(county / "2023" / "石桥小学.xlsx", 5)
    assert counts("县", tmp_path, out) == (4, 4, ["石桥小学", "青山小学"], said)


def test_counties_kept_by_term_alike_are_said_as_folders(tmp_path: Path) -> None:
    """甲县/2024秋/ and 2025春/ beside 乙县/2024秋/ and 2025春/, given as two paths, were
    said as "2 所学校的文件夹（如 …/甲县）": the folders holding terms' folders alike are
    said as schools only where their names name schools; two counties are two folders."""
    for county, school, first in (("甲县", "青山小学", 1), ("乙县", "白鹤小学", 3)):
        roster(tmp_path / county / "2024秋" / f"{school}.xlsx", first)
        roster(tmp_path / county / "2025春" / f"{school}.xlsx", first, first + 1)
    checked = run("validate", "甲县", "乙县", "--format", "json", cwd=tmp_path)
    assert checked.stderr == (
        f"提示：2 个文件夹（如 甲县）里都有不同学期的文件夹 2024秋、2025春，都已读取；"
        f"只读一个学期的，请在命令里写出各文件夹里那个学期的文件夹（如 {Path('甲县', '2025春')}），"
        "或把各文件夹里以往学期的文件夹移进旁边的“上学期”文件夹（其中的文件不当作本学期的读取）\n"
    )
    assert checked.json()["summary"]["children"] == 4
    english = run("--lang", "en", "validate", "甲县", "乙县", "--format", "json", cwd=tmp_path)
    assert english.stderr == (
        "note: 2 folders (e.g. 甲县) each hold different terms' folders 2024秋, 2025春, each"
        " read; to read one term only, name each one's folder of it in the command (e.g."
        f" {Path('甲县', '2025春')}), or move each one's earlier terms' folders into a '上学期'"
        " folder beside them (whose files are not read as this term's)\n"
    )


def test_last_terms_record_sheets_in_the_records_folder_are_not_said_a_roster(
    tmp_path: Path,
) -> None:
    """A school moves autumn's returned record sheets into 记录表/上学期/ when the spring's
    come back: each was said "read as this term's roster", with the advice to put this
    term's roster beside the folder. They are records, read as records (autumn's 送温暖
    counts for the school year), each dated by its own sheet's term: nothing to say."""
    school = tmp_path / "青山小学"
    school.mkdir()
    (school / "lbc.toml").write_text(
        '[files]\nroster = ["花名册.xlsx"]\nrecords = "记录表"\n', encoding="utf-8"
    )
    write_xlsx(
        school / "花名册.xlsx",
        {"花名册": [[*CHILD_HEADER, "帮扶教师"], [*child_row(1), "王芳"]]},
    )
    header = ["日期", "帮扶教师", "学生姓名", "班级", "类型", "内容"]
    sheets = {
        Path("上学期", "帮扶记录表_2024年秋季学期_王芳.xlsx"): "2024-12-20",
        Path("帮扶记录表_2025年春季学期_王芳.xlsx"): "2025-03-10",
    }
    for name, day in sheets.items():
        (school / "记录表" / name).parent.mkdir(parents=True, exist_ok=True)
        row = [day, "王芳", child_row(1)[1], None, "送温暖", "送冬衣"]
        write_xlsx(school / "记录表" / name, {"帮扶记录": [header, row]})
    checked = run("validate", "--format", "json", cwd=school)
    assert checked.json()["summary"]["records"] == 2
    assert checked.stderr == ""
