"""A pair a school types into lbc's pairs workbook by hand is the pair in force.

lbc pair --save left a child in 未结对; the school found her a teacher and typed the row into
结对名单 (no hidden cells: no ID, no roster row, no 结对日期). That row is newer than the
workbook's own rows, 未结对 included, so every command must see the typed teacher.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_pair import kid, teacher

from conftest import run, table, write_xlsx


@pytest.mark.parametrize("column", [None, "赵敏"])
def test_a_row_typed_into_the_pairs_sheet_beats_the_unpaired_row(
    tmp_path: Path, column: str | None
) -> None:
    """``column``: what the roster's 帮扶教师 says of 王梓萱 (赵敏, on sick leave, cannot keep
    her); a typed row says nothing of it, so it cannot say the cell changed since."""
    both_away = "父母均外出"  # a priority: 张雨涵 and 李明轩 take 王芳's two places
    kids = [kid(1, kind=both_away), kid(2, kind=both_away), kid(3, 帮扶教师=column)]
    staff = [
        teacher("王芳", "三年级(2)班", role="班主任"),
        teacher("李强", "五年级1班", role="校长", 可帮扶人数=0),
        teacher("赵敏", "三年级(2)班", active="病假"),
    ]
    write_xlsx(tmp_path / "roster.xlsx", {"花名册": table(kids), "教师": table(staff)})
    (tmp_path / "lbc.toml").write_text(
        '[files]\nroster = ["roster.xlsx"]\npairs = "结对名单.xlsx"\n', encoding="utf-8"
    )
    assert run("pair", "--save", cwd=tmp_path).exit_code == 1  # 王梓萱: no place left
    book = tmp_path / "结对名单.xlsx"
    wb = load_workbook(book)
    ws = wb["结对名单"]
    assert [c.value for c in ws[5]][:3] == [None, None, None]  # below the two pairs
    ws.insert_rows(5)
    for column, value in zip("ABCG", (3, "三年级(2)班", "王梓萱", "李强"), strict=True):
        ws[f"{column}5"] = value
    wb.save(book)

    due = run("due", "--format", "json", cwd=tmp_path).json()
    assert [(x["teacher"], [c["child"] for c in x["children"]]) for x in due["teachers"]] == [
        ("王芳", ["张雨涵", "李明轩"]),
        ("李强", ["王梓萱"]),
    ]
    assert due["summary"]["unpaired"] == 0
