"""The workbooks a school prints and hands in, read as the printed page shows them: a table
whose grid is whole, notes kept inside the printed width, a wide sheet printed across."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import run


def test_a_list_of_nobody_is_a_whole_grid(samples: Path) -> None:
    """The sample school leaves nobody unpaired: 未结对's one （无） row was bordered in its
    first two cells only, a table printed with its right-hand cells open."""
    assert run("pair", "--out", "pairs.xlsx", cwd=samples).exit_code == 0
    ws = load_workbook(samples / "pairs.xlsx")["未结对"]
    assert [c.value for c in ws[3]] == [None, "（无）", None, None]
    assert [c.border.right.style for c in ws[3]] == ["thin"] * 4
    assert [c.border.bottom.style for c in ws[3]] == ["thin"] * 4
