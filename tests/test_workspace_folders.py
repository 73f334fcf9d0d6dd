"""A folder of schools' workspaces: each school's lbc.toml says which of its files are this
term's (lbc.workspace.inputs.spreadsheet_files). Last term's roster, kept in 上学期/ as
lbc's own steps keep it, and what lbc wrote beside the roster are not read as this term's
children."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CHILD_HEADER, RECORD_HEADER, child_row, run, write_xlsx

C32 = "三年级(2)班"


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
    assert result.stderr == (
        f"提示：{left} 在一所学校工作区（lbc.toml）里，又不是它 [files] 所列的文件"
        "（如上学期的名册、lbc 写出的标注副本或变更记录），未读取；要读它，请直接写出它的路径\n"
    )
    named = run("validate", left, "--format", "json")
    assert named.json()["summary"]["children"] == 3
    merged = run("merge", root, "--out", tmp_path / "全县.xlsx", "--format", "json")
    assert merged.json()["summary"]["children"] == 2
    assert f"提示：{left} 在一所学校工作区" in merged.stderr


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
    said = [
        f"提示：{ws / name} 在一所学校工作区（lbc.toml）里，又不是它 [files] 所列的文件"
        "（如上学期的名册、lbc 写出的标注副本或变更记录），未读取；要读它，请直接写出它的路径"
        for name in ("上学期/roster.xlsx", "变更记录.xlsx", "名册.xlsx", "标注.xlsx")
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
    assert result.stderr.startswith(f"提示：{ws / '上学期' / 'roster.xlsx'} 在一所学校工作区")


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
