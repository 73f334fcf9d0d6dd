"""A folder a school or an office keeps files in (资料/, 数据/, 表格/) names no school: its
files are of the folder above it, as a list's folder's (统计表/) are. validate and merge
counted 县/资料/新生.xlsx as a school 资料, saying nothing. Through the real CLI on real
workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHILD_HEADER, child_row, run, write_xlsx


def roster(path: Path, *children: int) -> None:
    """A roster at ``path`` of conftest's children ``children``, naming no school."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, {"花名册": [CHILD_HEADER, *(child_row(n) for n in children)]})


def pooled_note(file: str) -> str:
    """The note that ``file``, in 县, is counted as 县, which is no school."""
    return (
        f"提示：{file} 没有写明学校，文件名也看不出是哪一所学校的，因此按文件夹名“县”统计、结对，"
        "但“县”不是一所学校；请在表中加“学校”列写明学校，或把文件放进所属学校自己的文件夹\n"
    )


@pytest.mark.parametrize(
    "folder",
    ["资料", "数据", "表格", "相关资料", "资料(1)", "数据汇总", "最新资料", "附件1", "资料 - 副本"],
)
def test_a_folder_files_are_kept_in_names_no_school(tmp_path: Path, folder: str) -> None:
    """县/资料/新生.xlsx beside 县/青山小学.xlsx was the school 资料 to validate and merge,
    with nothing said; 县/安乐小学/资料/花名册.xlsx was 资料 too, not 安乐小学. The first is
    the county's, said so as every file counted under 县 is; the second 安乐小学's."""
    county = tmp_path / "县"
    roster(county / "青山小学.xlsx", 1)
    roster(county / folder / "新生.xlsx", 2)
    roster(county / "安乐小学" / folder / "花名册.xlsx", 3)
    checked = run("validate", "县", cwd=tmp_path)
    assert (checked.stdout.splitlines(), checked.stderr) == (
        [
            "没有发现问题。",
            "安乐小学：1 名儿童，0 个错误，0 个警告",
            "县：1 名儿童，0 个错误，0 个警告",
            "青山小学：1 名儿童，0 个错误，0 个警告",
            "共检查 3 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告",
        ],
        pooled_note(f"县/{folder}/新生.xlsx"),
    )
    merged = run("merge", "县", "--out", "全县.xlsx", "--format", "json", cwd=tmp_path)
    assert [(s["school"], s["children"]) for s in merged.json()["schools"]] == [
        ("安乐小学", 1),
        ("县", 1),
        ("青山小学", 1),
    ]
    written = "已写出合并名册：全县.xlsx（3 个文件）\n"
    assert merged.stderr == written + pooled_note(f"县/{folder}/新生.xlsx")
