"""A child on two schools' rosters: one ID number on a row of each. On the books of both, a
county counts her twice (DUP003, naming the two schools as their lines do); 转出 or 毕业 where
she left, the rosters are kept right (no finding), and she is one child all the same.
Through the real CLI on real workbooks."""

from __future__ import annotations

from pathlib import Path

from conftest import child_cells, run, table, write_books


def titled(school: str, *kids: dict[str, object]) -> dict[str, list[list[object]]]:
    """A roster of ``kids`` under its school's title, which declares the school."""
    return {"花名册": [[f"{school}留守儿童花名册"], *table(list(kids))]}


def test_a_child_who_moved_school_is_one_child_on_validates_last_line(tmp_path: Path) -> None:
    """张雨涵 left 青山小学 for 白鹤小学 (转出 on 青山小学's roster, 在校 on 白鹤小学's), 李明轩
    the other way: both rosters kept right, no finding. validate's last line counted each
    twice, 4 children for 2 over the folder, its merged .xlsx and .parquet: only a row said
    to repeat one (DUP001, DUP003) was no child more. Each school's line still counts the
    children its roster lists."""
    write_books(
        tmp_path / "县",
        {
            "a/花名册.xlsx": titled(
                "青山小学", child_cells(1, 在校状态="转出"), child_cells(2, 在校状态="在校")
            ),
            "b/花名册.xlsx": titled(
                "白鹤小学", child_cells(1, 在校状态="在校"), child_cells(2, 在校状态="转出")
            ),
        },
    )
    for source in ("县", "全县.xlsx", "全县.parquet"):
        if source != "县":
            assert run("merge", "县", "--out", source, cwd=tmp_path).exit_code == 0
        result = run("validate", source, cwd=tmp_path)
        assert (result.exit_code, result.stdout.splitlines()) == (
            0,
            [
                "没有发现问题。",
                "青山小学：2 名儿童，0 个错误，0 个警告",
                "白鹤小学：2 名儿童，0 个错误，0 个警告",
                "共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
            ],
        ), source
