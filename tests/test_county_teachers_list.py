"""A county's teachers list in a workbook of its own, its 学校 column covering several
schools and its 帮扶学生姓名 column naming each teacher's children, beside one roster per
school: merged to Parquet and to a workbook, it pairs and checks as the folder does.

Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path

from test_pair import C32, C51, kid, teacher

from conftest import run, table, write_xlsx


def county(tmp_path: Path, more: bool = False) -> Path:
    """Folder X: A.xlsx of 青山小学's children, B.xlsx of 白鹤小学's, teachers.xlsx of both
    schools' teachers, 周老师 (青山) naming 张雨涵 and 李明轩, 吴老师 (白鹤) 刘浩然 and 陈思彤;
    with ``more``, 吴老师 also 孙博文, nobody, and 郑老师 of 红星小学 (no children) 王梓萱."""
    folder = tmp_path / "X"
    folder.mkdir()
    qingshan = [kid(n, 学校="青山小学") for n in (1, 2)]
    baihe = [kid(n, C51, 学校="白鹤小学") for n in (4, 5)]
    staff = [
        {"学校": "青山小学", **teacher("周老师", C32), "帮扶学生姓名": "张雨涵、李明轩"},
        {"学校": "白鹤小学", **teacher("吴老师", C51), "帮扶学生姓名": "刘浩然、陈思彤"},
    ]
    if more:
        staff[1]["帮扶学生姓名"] += "、孙博文"
        staff.append({"学校": "红星小学", **teacher("郑老师", C51), "帮扶学生姓名": "王梓萱"})
    write_xlsx(folder / "A.xlsx", {"花名册": table(qingshan)})
    write_xlsx(folder / "B.xlsx", {"花名册": table(baihe)})
    write_xlsx(folder / "teachers.xlsx", {"教师名单": table(staff)})
    return folder


def said(tmp_path: Path, path: str) -> list[tuple[str, str, int, str]]:
    result = run("validate", path, "--select", "TCH", "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    return [(f["code"], f["file"], f["row"], f["message"]) for f in result.json()["findings"]]


def test_a_parquet_file_joins_a_teachers_list_of_several_schools_school_by_school(
    tmp_path: Path,
) -> None:
    """lbc validate reads a merged Parquet file a school at a time, and joined the whole
    teachers list onto each school's children: every teacher of the other school named
    children "not in the roster" (TCH005, four where there are none). Each school's
    children are now joined with its own teachers only; a name of nobody is still said,
    once, as the folder and the merged workbook say it."""
    county(tmp_path)
    assert run("merge", "X", "--out", "m.parquet", cwd=tmp_path).exit_code == 0
    assert said(tmp_path, "m.parquet") == said(tmp_path, "X") == []
    (tmp_path / "m.parquet").unlink()
    for path in (tmp_path / "X").iterdir():
        path.unlink()
    (tmp_path / "X").rmdir()
    county(tmp_path, more=True)
    for out in ("m.parquet", "m.xlsx"):
        assert run("merge", "X", "--out", out, cwd=tmp_path).exit_code == 0
    missing = [
        ("TCH005", "X/teachers.xlsx", 3, "帮扶学生“孙博文”不在花名册中，没有结对"),
        ("TCH005", "X/teachers.xlsx", 4, "帮扶学生“王梓萱”不在花名册中，没有结对"),
    ]
    assert said(tmp_path, "X") == missing
    assert said(tmp_path, "m.parquet") == missing
    assert [c[0] for c in said(tmp_path, "m.xlsx")] == ["TCH005", "TCH005"]
