"""A roster's header printed again on a later page is no child, a two-row header too."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from conftest import run


def test_a_two_row_header_printed_again_is_no_child(samples: Path) -> None:
    """The sample roster with a continuation title and its two header rows typed again
    before row 30, as a roster put together from printed pages has them. The upper row (姓名
    in the name column) was passed over, its lower row (姓名, 电话, 务工地点 under 父亲 and
    母亲) read as a child without a name: 57 children on the books, a nameless child added
    in lbc diff, and REQ001 on each of its empty cells."""
    path = samples / "roster.xlsx"
    wb = load_workbook(path)
    ws = wb["留守儿童花名册"]
    upper, lower = ([c.value for c in ws[r]] for r in (2, 3))
    ws.insert_rows(30, 3)
    ws.cell(30, 1, "青山镇中心小学留守儿童花名册（续）")
    for j, (a, b) in enumerate(zip(upper, lower, strict=True), 1):
        ws.cell(31, j, a)
        ws.cell(32, j, b)
    wb.save(path)
    summary = run("summary", "--term", "2024-autumn", cwd=samples)
    counted = "本学期我校在册关爱对象 56 名，其中留守儿童 55 名；男 25 人，女 31 人。"
    assert counted in summary.stdout
    diff = run("diff", "上学期/roster.xlsx", "roster.xlsx", "--format", "json", cwd=samples)
    assert diff.json()["summary"]["added"] == 10
    found = run("validate", "--format", "json", cwd=samples).json()["findings"]
    assert [f for f in found if f["row"] in (30, 31, 32)] == []
