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


def test_the_due_lists_totals_are_printed_within_the_tables_width(samples: Path) -> None:
    """The totals under the follow-up list are a sentence wider than its seven columns: left
    in one cell it ran past the last column, off the printed page; wrapped across the
    table's columns, it is printed whole."""
    due = run("due", "--term", "2024-autumn", "--out", "due.xlsx", cwd=samples)
    assert due.exit_code == 1, due.stderr  # some talks are overdue
    ws = load_workbook(samples / "due.xlsx").active
    last = ws.max_row
    assert ws.cell(last, 1).value.startswith("截至 2025年1月31日（2024年秋季学期）：结对儿童 22 名")
    assert sorted(map(str, ws.merged_cells.ranges)) == [f"A{last}:G{last}", "A1:G1"]
    assert ws.cell(last, 1).alignment.wrap_text
    assert ws.row_dimensions[last].height > 15  # two lines in the table's width


def test_the_blank_roster_prints_landscape_with_its_header_on_every_page(
    tmp_path: Path,
) -> None:
    """A school fills in lbc init's roster and prints it for the county: its 28 columns
    printed portrait, seven pages across, and only the first page said which column was
    which. Each sheet prints as every list lbc writes: A4 landscape, the header row on
    each page, as few pages across as keep the text readable."""
    assert run("init", "ws", cwd=tmp_path).exit_code == 0
    wb = load_workbook(tmp_path / "ws" / "roster.xlsx")
    setups = {
        ws.title: (
            ws.print_title_rows,
            ws.page_setup.orientation,
            ws.page_setup.paperSize,
            ws.sheet_properties.pageSetUpPr.fitToPage,
            ws.page_setup.fitToWidth,
            ws.page_setup.fitToHeight,
            ws.freeze_panes,
        )
        for ws in wb
    }
    assert setups == {
        "留守儿童花名册": ("$1:$1", "landscape", 9, True, 2, 0, "A2"),
        "教师名单": ("$1:$1", "landscape", 9, True, 1, 0, "A2"),
        "帮扶记录": ("$1:$1", "landscape", 9, True, 1, 0, "A2"),
    }


def test_each_printed_page_of_the_change_log_says_which_part_it_is(samples: Path) -> None:
    """新增 and 离开 have the same columns and no title: printed, a page of children who
    came and a page of children who left looked alike. Each page is headed with its part."""
    out = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--out", "diff.xlsx", cwd=samples)
    assert out.exit_code == 0, out.stderr
    wb = load_workbook(samples / "diff.xlsx")
    assert {ws.title: ws.oddHeader.center.text for ws in wb} == {
        "新增": "留守儿童花名册变更记录：新增",
        "离开": "留守儿童花名册变更记录：离开",
        "信息变更": "留守儿童花名册变更记录：信息变更",
    }


def test_a_watch_reason_that_fits_its_column_is_printed_on_one_line(samples: Path) -> None:
    """Each space in a row's text was counted a whole unit of column width, where Calibri,
    whose digit is the unit, sets it in under half: 侯雨彤's reason, 28 Chinese characters
    (two units each), 11 digits and 4 spaces, fits the 70 units of 关注原因 on one line
    in Excel (and in LibreOffice with Calibri's metrics), but was given a second, empty
    line. A reason of 30 characters more is given its second line."""
    watch = run("watch", "--as-of", "2026-12-04", "--out", "w.xlsx", cwd=samples)
    assert watch.exit_code == 1, watch.stderr  # children on the list
    ws = load_workbook(samples / "w.xlsx").active
    assert ws.column_dimensions["G"].width == 70
    rows = {ws.cell(r, 4).value: r for r in range(3, ws.max_row + 1)}
    fits, wraps = rows["侯雨彤"], rows["张梓萱"]
    reason = "孤儿；超过 30 天没有谈心或联系（最近一次：2025年1月20日）；监护人 71 岁"
    assert ws.cell(fits, 7).value == reason
    assert ws.row_dimensions[fits].height == 15
    assert ws.cell(wraps, 7).value.startswith("监护人身体状况：较差；超过 30 天")
    assert ws.row_dimensions[wraps].height == 36
