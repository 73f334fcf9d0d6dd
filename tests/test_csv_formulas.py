"""CSV is what people open in Excel: a roster cell that Excel would run is neutralised
there, and JSON keeps it raw for scripts (README, "--format")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, run, write_xlsx
from lbc.output.files import set_text

HOSTILE = {
    '=HYPERLINK("http://x","点我")': '\'=HYPERLINK("http://x","点我")',
    "+cmd|'/Ccalc'!A0": "'+cmd|'/Ccalc'!A0",
    "@SUM(1)": "'@SUM(1)",
    "-2+3": "'-2+3",
    "张雨涵": "张雨涵",
}


def test_csv_neutralises_formula_cells_and_json_keeps_them_raw(tmp_path: Path) -> None:
    children = [CHILD_HEADER] + [child_row(n, 姓名=name) for n, name in enumerate(HOSTILE, 1)]
    teachers = [TEACHER_HEADER] + [
        [f"教师{n}", "女", "13500001111", "教师", "三年级(2)班", "语文", "否", "是"]
        for n in range(len(HOSTILE))
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": children, "教师名单": teachers})
    book = load_workbook(path)  # openpyxl saved "=…" as a formula; a roster holds it as text
    for row in book["花名册"].iter_rows():
        for cell in row:
            set_text(cell, cell.value)
    book.save(path)
    shown = run("pair", path, "--format", "csv", "--show-pii", "--json-keys", "--no-bom")
    assert shown.exit_code == 0, shown.stderr
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert sorted(r["child"] for r in rows) == sorted(HOSTILE.values())
    raw = run("pair", path, "--format", "json", "--show-pii")
    pairs = json.loads(raw.stdout)["pairs"]
    assert sorted(p["child"] for p in pairs) == sorted(HOSTILE)


def test_plain_numbers_are_not_touched() -> None:
    from lbc.output.formats import to_csv

    rows = [{"a": "-5", "b": "+3.5", "c": -2, "d": "\t=1"}]
    assert to_csv(rows, ["a", "b", "c", "d"], bom=False) == "a,b,c,d\n-5,+3.5,-2,'\t=1\n"
