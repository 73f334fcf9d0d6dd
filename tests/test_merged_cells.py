"""The merged workbook's cells and columns exactly as written: each kind of value a school
typed, as the XML of the sheet holds it."""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

from conftest import CHILD_HEADER, child_row, run, write_xlsx

HEADER = [*CHILD_HEADER, "备注", "监护人年龄"]
LONG = "四川省南充市南部县青山镇幸福村三组王家院子老屋基旁边第二户"
NOTE = "幸福村3组，王家院子旁\n二户"  # 21 wide: the comma is full-width


def _county(tmp_path: Path) -> Path:
    """A school's workbook (a long address, a TRUE cell, text to escape, a note of two
    lines, numbers) and
    another's CSV file (a control character before a space)."""
    root = tmp_path / "各校"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    rows = [
        [*child_row(1, 家庭住址=LONG, 健康状况=True), "A&B <C>", 65],
        [*child_row(2, 家庭住址="幸福村3组"), NOTE, 3.5],
    ]
    write_xlsx(root / "a" / "roster.xlsx", {"花名册": [HEADER, *rows]})
    with (root / "b" / "roster.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerow([*child_row(3), "\x01 前有空格", ""])
    return root


def _sheet(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode()


def _rows(xml: str) -> list[dict[str, str]]:
    """Each data row's cells by the header's labels, as XML."""
    rows = [
        re.findall(r"<c(?:/>|[ >].*?</c>)", row, re.S)
        for row in re.findall("<row>(.*?)</row>", xml, re.S)
    ]
    labels = [re.sub(r"<[^>]*>", "", cell) for cell in rows[0]]
    return [dict(zip(labels, row, strict=True)) for row in rows[1:]]


def _text(text: str, attrs: str = "", space: bool = False) -> str:
    preserve = ' xml:space="preserve"' if space else ""
    return f'<c t="inlineStr"{attrs}><is><t{preserve}>{text}</t></is></c>'


def test_each_kind_of_value_is_written_as_its_cell(tmp_path: Path) -> None:
    """Text wider than the widest column wraps; & < > are escaped; a TRUE cell is text; a
    date is a date cell; a number a number; an empty cell empty; a control character XML
    cannot hold is left out, and the space it leaves in front kept."""
    _county(tmp_path)
    # Exit 1: VAL001, a guardian aged 3.5.
    assert run("merge", "各校", "--out", "m.xlsx", cwd=tmp_path).exit_code == 1
    first, second, third = _rows(_sheet(tmp_path / "m.xlsx"))
    picked = ["学校", "来源行", "出生日期", "健康状况", "家庭住址", "备注", "监护人年龄", "学籍号"]
    assert [first[k] for k in picked] == [
        _text("a"),
        "<c><v>2</v></c>",
        '<c s="2"><v>42491</v></c>',
        _text("True"),
        _text(LONG, ' s="4"'),
        _text("A&amp;B &lt;C&gt;"),
        "<c><v>65.0</v></c>",
        "<c/>",
    ]
    assert [second[k] for k in picked] == [
        _text("a"),
        "<c><v>3</v></c>",
        '<c s="2"><v>42491</v></c>',
        _text("健康"),
        _text("幸福村3组"),
        _text(NOTE),
        "<c><v>3.5</v></c>",
        "<c/>",
    ]
    assert third["备注"] == _text(" 前有空格", space=True)
    assert third["来源文件"] == _text("各校/b/roster.csv")


def test_each_column_is_as_wide_as_its_widest_text(tmp_path: Path) -> None:
    """Two more than the widest text or header, a Chinese character two wide, a date ten,
    a note its widest line, within 6 and 40."""
    _county(tmp_path)
    run("merge", "各校", "--out", "m.xlsx", cwd=tmp_path)
    xml = _sheet(tmp_path / "m.xlsx")
    widths = [float(w) for w in re.findall(r'<col min="\d+" max="\d+" width="([^"]+)"', xml)]
    labels = re.sub(r"<[^>]*>", " ", re.search("<row>(.*?)</row>", xml, re.S)[1]).split()
    width = dict(zip(labels, widths, strict=True))
    picked = ["学校", "来源文件", "来源行", "出生日期", "健康状况", "家庭住址", "备注"]
    assert [width[k] for k in picked] == [6, 20, 8, 12, 10, 40, 23]
    assert width["监护人年龄"] == 12  # its header's: 65.0 is four wide
