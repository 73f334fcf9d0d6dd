"""A folder of schools' workspaces: each school's lbc.toml says which of its files are this
term's (lbc.workspace.inputs.spreadsheet_files). Last term's roster, kept in 上学期/ as
lbc's own steps keep it, and what lbc wrote beside the roster are not read as this term's
children."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CHILD_HEADER, RECORD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx

C32 = "三年级(2)班"
# What a folder run says of each spreadsheet it finds in last term's folder.
LAST_TERM = (
    "提示：{} 在“上学期”文件夹里，是上学期的文件，未当作本学期的名册读取；"
    "要读它，请直接写出它的路径"
)
# What it says of each spreadsheet it reads from a 上学期 folder with no roster beside it.
ALONE = (
    "提示：{} 在“上学期”文件夹里，旁边没有本学期的花名册，"
    "已当作本学期（本学年的上学期）的名册读取；"
    "如果它是上一个学期的，请把本学期的名册放在“上学期”文件夹旁边；"
    "如果它就是本学年的上学期，可以把“上学期”文件夹放进以学年命名的文件夹"
    "（如 2025-2026学年），就不再提示"
)


def county(tmp_path: Path) -> Path:
    """青山小学's workspace (lbc init): this term's roster, last term's in 上学期/, and a
    record handed back in 记录表/ (its lbc.toml's records folder)."""
    root = tmp_path / "县"
    ws = root / "青山小学"
    assert run("init", ws).exit_code == 0
    (ws / "roster.xlsx").unlink()
    write_xlsx(ws / "roster.xlsx", {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})
    (ws / "上学期").mkdir()
    old = [CHILD_HEADER, child_row(1), child_row(2), child_row(3)]
    write_xlsx(ws / "上学期" / "roster.xlsx", {"花名册": old})
    (ws / "记录表").mkdir()
    record = [dt.date(2024, 9, 10), "王芳", "张雨涵", C32, "谈心", "谈学习"]
    write_xlsx(ws / "记录表" / "王芳.xlsx", {"帮扶记录": [RECORD_HEADER, record]})
    return root


def test_last_terms_roster_in_a_workspace_is_not_read_as_this_terms(tmp_path: Path) -> None:
    root = county(tmp_path)
    left = root / "青山小学" / "上学期" / "roster.xlsx"
    result = run("validate", root, "--format", "json")
    summary = result.json()["summary"]
    # Read, last term's two children were counted again (DUP001 on each) and a third
    # who has left was counted as on the roster.
    assert (summary["children"], summary["records"], summary["by_code"]) == (2, 1, {})
    assert result.stderr.splitlines() == [LAST_TERM.format(left)]
    named = run("validate", left, "--format", "json")
    assert named.json()["summary"]["children"] == 3
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.json()["summary"]["children"] == 2
    assert LAST_TERM.format(left) in merged.stderr.splitlines()


def test_what_lbc_wrote_beside_the_roster_is_not_read_as_more_children(tmp_path: Path) -> None:
    """A school's term of work as the README does it leaves an annotated copy, a change
    log and an export at its workspace's top level. A county's folder run read each as a
    roster: 2 children counted as 8 by merge, and a DUP001 on every copied row."""
    root = county(tmp_path)
    ws = root / "青山小学"
    old = ws / "上学期" / "roster.xlsx"
    assert run("validate", "roster.xlsx", "--annotate", "标注.xlsx", cwd=ws).exit_code == 0
    assert run("diff", old, ws / "roster.xlsx", "--out", ws / "变更记录.xlsx").exit_code == 0
    assert run("export", ws / "roster.xlsx", "--out", ws / "名册.xlsx").exit_code == 0
    result = run("validate", root, "--format", "json")
    assert (result.json()["summary"]["children"], result.json()["summary"]["by_code"]) == (2, {})
    said = [LAST_TERM.format(old)] + [
        f"提示：{ws / name} 在一所学校工作区（lbc.toml）里，又不是它 [files] 所列的文件"
        "（如上学期的名册、lbc 写出的标注副本或变更记录），未读取；要读它，请直接写出它的路径"
        for name in ("变更记录.xlsx", "名册.xlsx", "标注.xlsx")
    ]
    assert result.stderr.splitlines() == said
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert (merged.exit_code, merged.json()["summary"]["children"]) == (0, 2)
    assert merged.stderr.splitlines()[:4] == said
    summary = run("summary", root, "--term", "2024-autumn", "--format", "json")
    assert summary.json()["children"]["total"] == 2
    # Named, a file is read: the annotated copy is the roster it copies.
    assert run("validate", ws / "标注.xlsx", "--format", "json").json()["summary"]["children"] == 2


def test_a_workspace_whose_roster_is_missing_reads_its_top_level(tmp_path: Path) -> None:
    """lbc.toml names roster.xlsx, but the school keeps its children in 花名册2024.xlsx: it
    says nothing true of the files at the folder's top level, which are read rather than
    lose the school; last term's roster in 上学期/ is still kept aside."""
    root = county(tmp_path)
    ws = root / "青山小学"
    (ws / "roster.xlsx").rename(ws / "花名册2024.xlsx")
    result = run("validate", root, "--format", "json")
    assert result.json()["summary"]["children"] == 2
    assert result.stderr.splitlines() == [LAST_TERM.format(ws / "上学期" / "roster.xlsx")]


def test_an_annotated_copy_beside_its_roster_is_not_read_as_more_children(
    tmp_path: Path,
) -> None:
    """A school with no lbc.toml sent its roster and the copy lbc validate --annotate made
    of it: read, each of its children was two, and a DUP001 on every row. Alone in its
    folder, the copy may be all the school sent, and is read."""
    root = tmp_path / "县"
    school = root / "青山小学"
    school.mkdir(parents=True)
    write_xlsx(school / "roster.xlsx", {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})
    for lang, name in (("zh", "标注.xlsx"), ("en", "annotated.xlsx")):
        done = run("--lang", lang, "validate", school / "roster.xlsx", "--annotate", school / name)
        assert done.exit_code == 0
    result = run("validate", root, "--format", "json")
    assert (result.json()["summary"]["children"], result.json()["summary"]["by_code"]) == (2, {})
    assert result.stderr.splitlines() == [
        f"提示：{school / name} 是 lbc validate --annotate 写出的标注副本，"
        "同一文件夹里还有别的表格，未读取（否则副本里的儿童会再算一次）；要读它，请直接写出它的路径"
        for name in ("annotated.xlsx", "标注.xlsx")
    ]
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.json()["summary"]["children"] == 2
    (school / "roster.xlsx").unlink()
    (school / "annotated.xlsx").unlink()
    alone = run("validate", root, "--format", "json")
    assert alone.json()["summary"]["children"] == 2
    skipped = (
        f"提示：{school / '标注.xlsx'} 的工作表“问题清单”不是花名册、教师名单或帮扶记录，已跳过"
    )
    assert alone.stderr.splitlines() == [skipped]


# ---- last term's folder (上学期/) in a folder run, whatever lbc.toml names ----

# A school's lbc.toml that names no roster: its name alone, its quotas alone, or none.
NO_FILES = {"name": '[school]\nname = "{}"\n', "quotas": "[quotas]\ntalks_per_month = 1\n"}


def keeping_last_term(folder: Path, toml: str | None, first: int) -> Path:
    """A school's folder as a school keeps it: this term's 花名册.xlsx (children ``first``
    and ``first + 1``, and a teacher), last term's in 上学期/花名册.xlsx (those two and
    ``first + 2``, who has left since, and the teacher), and an lbc.toml naming no roster
    (``toml``: a key of NO_FILES; None, no lbc.toml)."""
    (folder / "上学期").mkdir(parents=True)
    if toml is not None:
        (folder / "lbc.toml").write_text(NO_FILES[toml].format(folder.name), encoding="utf-8")
    staff = [TEACHER_HEADER, ["王芳", "女", "13800000001", "班主任", C32, "语文", "否", "是"]]
    now = [CHILD_HEADER, child_row(first), child_row(first + 1)]
    write_xlsx(folder / "花名册.xlsx", {"花名册": now, "教师": staff})
    then = [*now, child_row(first + 2)]
    write_xlsx(folder / "上学期" / "花名册.xlsx", {"花名册": then, "教师": staff})
    return folder


def counted(args: tuple[str | Path, ...], cwd: Path, out: Path) -> dict[str, int]:
    """The children each command counts over ``args``, and the rows merge writes to
    ``out``."""
    checked = run("validate", *args, "--format", "json", cwd=cwd).json()["summary"]
    merged = run("merge", *args, "--out", out, "--format", "json", cwd=cwd)
    sheet = load_workbook(out, read_only=True)["留守儿童花名册"]
    rows = sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if any(row))
    term = ("--term", "2024-autumn", "--format", "json")
    summary = run("summary", *args, *term, cwd=cwd).json()["children"]["total"]
    pair = run("pair", *args, "--format", "json", cwd=cwd).json()["summary"]["children"]
    return {
        "validate": checked["children"],
        "errors": checked["errors"],
        "merge": merged.json()["summary"]["children"],
        "merged rows": rows,
        "summary": summary,
        "pair": pair,
    }


@pytest.mark.parametrize("toml", [*NO_FILES, None])
def test_a_schools_last_term_folder_is_not_read_as_this_terms(tmp_path: Path, toml) -> None:
    """A school's folder holding its roster and last term's in 上学期/, with an lbc.toml
    that names no roster (its name or its quotas alone) or none: validate, merge, summary
    and pair over the folder read last term's as this term's, 3 children for 2 (the one
    who has left among them) and a DUP001 on each child still there, the only hint. Now
    last term's file is said and not read, as in a workspace whose lbc.toml names its
    roster."""
    ws = keeping_last_term(tmp_path / "青山小学", toml, 1)
    said = LAST_TERM.format(Path("上学期") / "花名册.xlsx")
    assert run("validate", ".", cwd=ws).stderr.splitlines() == [said]
    assert counted((".",), ws, tmp_path / "合并.xlsx") == {
        "validate": 2,
        "errors": 0,
        "merge": 2,
        "merged rows": 2,
        "summary": 2,
        "pair": 2,
    }


@pytest.mark.parametrize("toml", [*NO_FILES, None])
def test_a_countys_schools_last_term_folders_are_not_read(tmp_path: Path, toml) -> None:
    """A county's folder of such schools: merge made each school's 上学期/ a school of its
    own (县/青山小学/上学期/花名册) and counted last term's children who have left."""
    root = tmp_path / "县"
    for n, name in enumerate(("青山小学", "白鹤小学")):
        keeping_last_term(root / name, toml, 1 + 3 * n)
    assert run("validate", "县", cwd=tmp_path).stderr.splitlines() == [
        LAST_TERM.format(Path("县") / name / "上学期" / "花名册.xlsx")
        for name in ("白鹤小学", "青山小学")
    ]
    assert counted(("县",), tmp_path, tmp_path / "合并.xlsx") == {
        "validate": 4,
        "errors": 0,
        "merge": 4,
        "merged rows": 4,
        "summary": 4,
        "pair": 4,
    }
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path).json()
    assert sorted(s["school"] for s in merged["schools"]) == ["白鹤小学", "青山小学"]


def test_last_terms_roster_named_is_read_and_diff_finds_it(tmp_path: Path) -> None:
    """Named on the command line, last term's roster (or its folder) is read; lbc diff
    given it and this term's folder finds the child who has left, and reads this term's
    folder without last term's in it."""
    ws = keeping_last_term(tmp_path / "青山小学", None, 1)
    for named in ("上学期/花名册.xlsx", "上学期"):
        result = run("validate", named, "--format", "json", cwd=ws)
        assert (result.json()["summary"]["children"], result.stderr) == (3, "")
    said = LAST_TERM.format(Path("上学期") / "花名册.xlsx")
    for old, new, notes in (("上学期/花名册.xlsx", "花名册.xlsx", []), ("上学期", ".", [said])):
        result = run("diff", old, new, "--format", "json", cwd=ws)
        # Said once, of this term's side: it was said twice, once of the two sides
        # together, where last term's file is read.
        assert result.stderr.splitlines() == notes
        doc = result.json()
        assert doc["summary"] == {
            "added": 0,
            "gone": 1,
            "changed": 0,
            "unchanged": 2,
            "matched_by": {"id_number": 2, "name_birth_date": 0, "name_class": 0},
        }
        assert [child["row"] for child in doc["gone"]] == [4]


def test_a_whole_workspace_kept_as_last_term_is_not_read(tmp_path: Path) -> None:
    """A school that keeps last term's whole workspace in 上学期/, its lbc.toml naming its
    roster with it: the county's run read that lbc.toml's roster as this term's."""
    root = county(tmp_path)
    ws = root / "青山小学"
    old = ws / "上学期"
    (old / "roster.xlsx").rename(old / "花名册.xlsx")
    (old / "lbc.toml").write_text('[files]\nroster = "花名册.xlsx"\n', encoding="utf-8")
    result = run("validate", root, "--format", "json")
    assert result.json()["summary"]["children"] == 2
    assert result.stderr.splitlines() == [LAST_TERM.format(old / "花名册.xlsx")]
    assert run("validate", old, "--format", "json").json()["summary"]["children"] == 3


def test_last_terms_record_sheets_in_the_records_folder_are_not_read(tmp_path: Path) -> None:
    """记录表/上学期/, last term's record sheets kept in the folder lbc.toml names for the
    ones handed back: read as this term's by the school's own run and the county's."""
    root = county(tmp_path)
    ws = root / "青山小学"
    (ws / "记录表" / "上学期").mkdir()
    record = [dt.date(2024, 4, 10), "王芳", "张雨涵", C32, "谈心", "谈学习"]
    old = ws / "记录表" / "上学期" / "王芳.xlsx"
    write_xlsx(old, {"帮扶记录": [RECORD_HEADER, record]})
    own = run("validate", "--format", "json", cwd=ws)
    assert own.json()["summary"]["records"] == 1
    assert own.stderr.splitlines() == [LAST_TERM.format(Path("记录表") / "上学期" / "王芳.xlsx")]
    county_run = run("validate", root, "--format", "json")
    assert county_run.json()["summary"]["records"] == 1
    assert LAST_TERM.format(old) in county_run.stderr.splitlines()


@pytest.mark.parametrize("command", ["validate", "merge"])
def test_a_folder_of_last_terms_roster_alone_is_read_and_said(tmp_path: Path, command: str) -> None:
    """A school's folder holding only 上学期/花名册.xlsx: the run said the folder held no
    spreadsheet at all, then that it held last term's only, and read nothing. It is all
    the school has of its children, its first semester's most likely (上学期 is that too):
    it is read, and said, with how to have it kept aside as last term's."""
    ws = keeping_last_term(tmp_path / "青山小学", None, 1)
    (ws / "花名册.xlsx").unlink()
    out = ("--out", tmp_path / "全县.xlsx") if command == "merge" else ()
    result = run(command, "青山小学", *out, "--format", "json", cwd=tmp_path)
    assert (result.exit_code, result.json()["summary"]["children"]) == (0, 3)
    said = [ALONE.format(Path("青山小学") / "上学期" / "花名册.xlsx")]
    if command == "merge":
        said.append(f"已写出合并名册：{tmp_path / '全县.xlsx'}（1 个文件）")
    assert result.stderr.splitlines() == said
