"""上学期 is last term, and also the name of a school year's first semester: a school that
files its rosters as 2025-2026学年/上学期/花名册.xlsx, then 2025-2026学年/下学期/, keeps
this term's children in it (lbc.workspace.inputs._keeps_last_term). A folder run read
nothing of such a school, or dropped it from its county's run."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHILD_HEADER, child_row, run, write_xlsx

# What a folder run says of each spreadsheet it finds in last term's folder.
LAST_TERM = (
    "提示：{} 在“上学期”文件夹里，是上学期的文件，未当作本学期的名册读取；"
    "要读它，请直接写出它的路径"
)


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
YEARS = ["2025-2026学年", "2025学年", "2025-2026", "２０２５—２０２６学年度"]


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
