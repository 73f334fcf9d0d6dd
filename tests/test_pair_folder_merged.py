"""lbc pair over a county's folder of schools pairs as over the roster ``lbc merge`` makes of
that folder: the same children with the same teachers, for the same reasons, kept or not
alike. Through the real CLI on real workbooks: two schools, each in its own folder, each a
roster and a teachers list whose 帮扶学生姓名 column names the children it supports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_pair import C32, kid, teacher

from conftest import run, table, write_xlsx

# Where a pair's child sits: the file read, so the folder's and the merged roster's differ.
WHERE = ("file", "sheet", "row")


def listing(name: str, classes: str, children: str, **extra: Any) -> dict[str, Any]:
    return {**teacher(name, classes), "帮扶学生姓名": children, **extra}


def county(tmp_path: Path, schools: dict[str, tuple[list[Any], list[Any]]]) -> Path:
    """县/<school>/<school>留守儿童花名册.xlsx: each school's children and teachers, in a
    workbook with no title and no 学校 column (its folder and file name say the school)."""
    root = tmp_path / "县"
    for name, (kids, staff) in schools.items():
        (root / name).mkdir(parents=True)
        sheets = {"花名册": table(kids), "教师": table(staff)}
        write_xlsx(root / name / f"{name}留守儿童花名册.xlsx", sheets)
    return root


def paired(tmp_path: Path, source: str) -> dict[str, Any]:
    """lbc pair's JSON for ``source``, each pair without where it sits."""
    result = run("pair", source, "--format", "json", cwd=tmp_path)
    assert result.stdout, result.stderr
    doc = result.json()
    pairs = [{k: v for k, v in p.items() if k not in WHERE} for p in doc["pairs"]]
    return {
        "exit": result.exit_code,
        "summary": doc["summary"],
        "pairs": sorted(pairs, key=lambda p: (p["child"], p["class"])),
        "unpaired": [{k: v for k, v in u.items() if k not in WHERE} for u in doc["unpaired"]],
    }


def folder_and_merged(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    merged = run("merge", "县", "--out", "全县.xlsx", cwd=tmp_path)
    assert (tmp_path / "全县.xlsx").exists(), merged.stderr
    return paired(tmp_path, "县"), paired(tmp_path, "全县.xlsx")


def test_a_teacher_of_a_school_named_by_its_folder_is_named_as_merge_names_it(
    tmp_path: Path,
) -> None:
    """Two schools' 花名册.xlsx, 青山小学's titled with its name, 白鹤小学's saying none:
    lbc merge writes 白鹤小学 (its folder, the file names being alike) in its 学校 cells.
    Each has a 王芳, whom lbc pair and lbc summary over the folder named 王芳（白鹤小学/花名册）
    and over the merged roster 王芳（白鹤小学）: she is 王芳（白鹤小学） in both."""
    root = tmp_path / "县"
    for name, title, kids in (
        ("青山小学", ["青山小学留守儿童花名册"], [kid(1)]),
        ("白鹤小学", [], [kid(2)]),
    ):
        (root / name).mkdir(parents=True)
        rows = [title, *table(kids)] if title else table(kids)
        staff = [teacher("王芳", C32, 联系电话=f"1390000000{len(title)}")]
        write_xlsx(root / name / "花名册.xlsx", {"花名册": rows, "教师": table(staff)})
    folder, merged = folder_and_merged(tmp_path)
    assert folder == merged
    assert [(p["child"], p["teacher"]) for p in folder["pairs"]] == [
        ("张雨涵", "王芳（青山小学）"),
        ("李明轩", "王芳（白鹤小学）"),
    ]
    said = {}
    for source in ("县", "全县.xlsx"):
        summary = run("summary", source, "--term", "2024-autumn", "--format", "json", cwd=tmp_path)
        said[source] = summary.json()["pairing"]["teachers_below_quota"]
    assert said["县"] == said["全县.xlsx"] == ["王芳（白鹤小学）", "王芳（青山小学）"]
