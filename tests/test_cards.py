"""lbc cards: one contact card (联系卡) per child on the books, through the real CLI.

One small workspace (``school``) holds: a child entered twice, one 转出 and one 毕业 (no
card), one 辍学 (still on the books: a card), a class spelled 三(2)班, a child with no
mother on file, one with neither support teacher nor guardian phone, and a teachers sheet
that gives each support teacher's phone. Every card is written out by hand below.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from conftest import (
    PAIRS_PENDING,
    TEACHER_HEADER,
    Result,
    Row,
    W,
    embedded_fonts,
    make_id,
    one_error_line,
    run,
    table,
    write_xlsx,
)
from conftest import (
    child_cells as kid,
)

REPO = Path(__file__).resolve().parents[1]
SCHOOL, SCHOOL_PHONE = "白鹤乡中心小学", "0817-5521234"
C11, C32, C51, C61 = "一年级(1)班", "三年级(2)班", "五年级(1)班", "六年级(1)班"
BLANK = "＿＿＿＿＿＿"
SEP = "\u3000"  # the ideographic space between a card line's items
ADDRESS = "四川省南部县青山镇幸福村3组"


def teacher(name: str, phone: str, classes: str) -> Row:
    values = [name, "女", phone, "班主任", classes, "语文", "否", "是"]
    return dict(zip(TEACHER_HEADER, values, strict=True))


PARENTS = {"父亲姓名": "张强", "母亲姓名": "李梅", "父亲务工地点": "广东深圳"}
CHILDREN = [
    # 1 张雨涵: everything on file, guardian's age and health too
    kid(1, 班级=C51, **PARENTS, 母亲务工地点="浙江宁波", 监护人年龄=68, 监护人身体状况="良好",
        帮扶教师="王芳", 在校状态="在读"),
    # 2 李明轩: class spelled short; no mother on file
    kid(2, gender="男", 班级="三(2)班", 父亲姓名="李军", 母亲电话=None, 父亲务工地点="福建厦门",
        帮扶教师="李强"),
    # 3 王梓萱: 转出, no card
    kid(3, 班级=C32, **PARENTS, 在校状态="转出", 帮扶教师="李强"),
    # 4 刘浩然: no support teacher, no guardian phone; father's phone with dashes
    kid(4, gender="男", 班级=C11, **PARENTS, 父亲电话="138-0000-1111", 监护人电话=None),
    # 5 陈思彤: 毕业, no card (the only child of 六年级(1)班)
    kid(5, 班级=C61, **PARENTS, 在校状态="毕业", 帮扶教师="王芳"),
    # 6 杨子墨: 辍学 is still on the books
    kid(6, gender="男", 班级=C32, **PARENTS, 在校状态="辍学", 帮扶教师="王芳"),
    # 7 黄欣怡
    kid(7, 班级=C51, **PARENTS, 母亲务工地点="浙江宁波", 帮扶教师="李强"),
    # child 1 again, same ID: one card
    kid(1, 班级=C51, **PARENTS, 帮扶教师="王芳"),
]  # fmt: skip
TEACHERS = [teacher("王芳", "13900001111", C51), teacher("李强", "13900002222", C32)]


def write_school(folder: Path, children: list[Row] = CHILDREN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    sheets = {"花名册": table(children), "教师名单": table(TEACHERS)}
    write_xlsx(folder / "名册.xlsx", sheets)
    (folder / "lbc.toml").write_text(
        f'[school]\nname = "{SCHOOL}"\ncontact_phone = "{SCHOOL_PHONE}"\n\n'
        '[files]\nroster = ["名册.xlsx"]\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def school(tmp_path: Path) -> Path:
    return write_school(tmp_path / "ws")


def cards(ws: Path, *args: str) -> Result:
    return run("cards", *args, cwd=ws)


def written(count: int, path: str) -> str:
    return f"已写出 {count} 张联系卡：{path}（含完整电话号码，仅本人可读，请妥善保管）\n"


# Every label a card's lines hold.
LABELS = {"性别", "班级", "出生日期", "健康状况", "留守类型", "家庭住址", "姓名", "电话"}
LABELS |= {"务工地点", "关系", "住址", "年龄", "身体状况"}


def line(*pairs: tuple[str, str]) -> str:
    return SEP.join(f"{k}：{v}" for k, v in pairs)


def child_line(gender: str, cls: str) -> str:
    return line(
        ("性别", gender),
        ("班级", cls),
        ("出生日期", "2016年5月1日"),
        ("健康状况", "健康"),
        ("留守类型", "父母均外出"),
        ("家庭住址", ADDRESS),
    )


def parent(name: str, phone: str, place: str) -> str:
    return line(("姓名", name), ("电话", phone), ("务工地点", place))


def guardian(phone: str = "13712345678", age: str = BLANK, health: str = BLANK) -> str:
    return line(
        ("姓名", "张大爷"),
        ("关系", "祖父"),
        ("电话", phone),
        ("住址", ADDRESS),
        ("年龄", age),
        ("身体状况", health),
    )


def support(name: str = BLANK, phone: str = BLANK) -> str:
    return line(("姓名", name), ("电话", phone))


Card = tuple[str, str, list[tuple[str, str]]]  # name, class, (row heading, row text)

# In class order (一年级 before 三年级 before 五年级), roster order within a class.
MARK = "◆"
EXPECTED: list[Card] = [
    ("刘浩然", C11, [
        ("儿童", child_line("男", C11)),
        ("父亲", parent("张强", "13800001111", "广东深圳")),
        ("母亲", parent("李梅", "13912345678", BLANK)),
        ("监护人", guardian(phone=BLANK)),
        ("帮扶教师", support()),
    ]),
    # On the watch list (the mother is away without a phone): the small mark, no reason.
    ("李明轩", f"{MARK} {C32}", [
        ("儿童", child_line("男", C32)),
        ("父亲", parent("李军", "13812345678", "福建厦门")),
        ("母亲", parent(BLANK, BLANK, BLANK)),
        ("监护人", guardian()),
        ("帮扶教师", support("李强", "13900002222")),
    ]),
    ("杨子墨", f"{MARK} {C32}", [  # on the watch list: 辍学
        ("儿童", child_line("男", C32)),
        ("父亲", parent("张强", "13812345678", "广东深圳")),
        ("母亲", parent("李梅", "13912345678", BLANK)),
        ("监护人", guardian()),
        ("帮扶教师", support("王芳", "13900001111")),
    ]),
    ("张雨涵", C51, [
        ("儿童", child_line("女", C51)),
        ("父亲", parent("张强", "13812345678", "广东深圳")),
        ("母亲", parent("李梅", "13912345678", "浙江宁波")),
        ("监护人", guardian(age="68", health="良好")),
        ("帮扶教师", support("王芳", "13900001111")),
    ]),
    ("黄欣怡", C51, [
        ("儿童", child_line("女", C51)),
        ("父亲", parent("张强", "13812345678", "广东深圳")),
        ("母亲", parent("李梅", "13912345678", "浙江宁波")),
        ("监护人", guardian()),
        ("帮扶教师", support("李强", "13900002222")),
    ]),
]  # fmt: skip
FOOTER = f"{SCHOOL}{SEP}家校联系电话：{SCHOOL_PHONE}"


def phones(text: str) -> list[str]:
    return re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)


# ---- HTML ----


class _Cards(HTMLParser):
    """Each card as (heading spans, [(th, td)], footer), and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[tuple[list[str], list[tuple[str, str]], str]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._buf: list[str] = []
        self._row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "card" in classes:
            self.cards.append(([], [], ""))
        # A td's items (span.item) are its text: the buffer starts at the td.
        if tag in ("th", "td") or (tag == "span" and "item" not in classes):
            self._buf = []
        if tag == "div" and "school" in classes:
            self._buf = []
        if tag == "tr":
            self._row = []
        self._stack.append(tag if tag != "div" or "school" not in classes else "school")

    def handle_endtag(self, tag: str) -> None:
        top = self._stack.pop()
        text = "".join(self._buf)
        if top == "span" and "h2" in self._stack:
            self.cards[-1][0].append(text)
        elif top in ("th", "td"):
            self._row.append(text)
        elif top == "tr":
            self.cards[-1][1].append((self._row[0], self._row[1]))
        elif top == "school":
            heading, rows, _ = self.cards[-1]
            self.cards[-1] = (heading, rows, text)

    def handle_data(self, data: str) -> None:
        self._buf.append(data)
        if "style" not in self._stack:
            self.text.append(data)


def parse(page: str) -> _Cards:
    parser = _Cards()
    parser.feed(page)
    parser.close()
    return parser


def html_cards(page: str) -> list[Card]:
    out = []
    for heading, rows, footer in parse(page).cards:
        assert footer == FOOTER
        title, cls = heading
        out.append((title.removeprefix("留守儿童联系卡 · "), cls, rows))
        assert title.startswith("留守儿童联系卡 · ")
    return out


def cmap(font: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(font)).getBestCmap())


def test_html_has_one_card_per_child_on_the_books(school: Path) -> None:
    result = cards(school, "--out", "联系卡.html")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == written(5, "联系卡.html")
    out = school / "联系卡.html"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text(encoding="utf-8")
    assert html_cards(page) == EXPECTED
    assert page.count(MARK) == 2 and "没有电话" not in page and "辍学" not in page  # no reason
    # phones in full, never masked
    assert "****" not in page
    assert phones("".join(parse(page).text)).count("13900001111") == 2


def test_html_cards_keep_each_item_whole_in_boxes_as_tall_as_they_hold(school: Path) -> None:
    """Printed from a browser, a card of a fixed half page was half blank paper, and a line
    broke inside a label (留 / 守类型): each label and value is one unbreakable item, the
    lines break between items, and the cards follow one another with a cut line between."""
    assert cards(school, "--out", "c.html").exit_code == 0
    page = (school / "c.html").read_text(encoding="utf-8")
    card_rule = re.search(r"\.card \{([^}]*)\}", page)
    assert card_rule is not None and "height" not in card_rule[1]
    assert re.search(r"\.item \{[^}]*display: inline-block", page)
    # An item longer than a line (an address typed in Latin letters without a space) wraps
    # inside the box rather than running past it.
    assert re.search(r"\.item \{[^}]*max-width: 100%; overflow-wrap: anywhere", page)
    assert "break-after: page" not in page
    assert page.count('<section class="card">') == page.count('<hr class="cut">') + 1 == 5
    rows = re.findall(r"<td colspan=\"3\">(.*?)</td>", page)
    assert rows and all(re.fullmatch(r'(<span class="item">[^<]+</span>　?)+', r) for r in rows)


def test_html_font_covers_every_character_shown(school: Path) -> None:
    assert cards(school, "--out", "c.html").exit_code == 0
    page = (school / "c.html").read_text(encoding="utf-8")
    fonts = re.findall(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)", page)
    assert len(fonts) == 2  # regular and bold
    shown = {ord(c) for c in "".join(parse(page).text) if not c.isspace() and not c.isascii()}
    assert ord("＿") in shown and ord("张") in shown and ord("：") in shown
    for data in fonts:
        assert shown - cmap(base64.b64decode(data)) == set()


def test_class_narrows_the_cards_in_any_spelling(school: Path) -> None:
    result = cards(school, "--out", "三2.html", "--class", "三(2)班")
    assert result.exit_code == 0 and result.stderr == written(2, "三2.html")
    page = (school / "三2.html").read_text(encoding="utf-8")
    assert html_cards(page) == EXPECTED[1:3]
    other = cards(school, "--out", "三2b.html", "--class", "三年级（二）班")
    assert other.exit_code == 0 and other.stderr == written(2, "三2b.html")
    assert html_cards((school / "三2b.html").read_text(encoding="utf-8")) == EXPECTED[1:3]


@pytest.mark.parametrize("cls", ["四年级(1)班", C61])  # nobody; only a 毕业 child
def test_a_class_with_nobody_on_the_books_is_exit_2(school: Path, cls: str) -> None:
    result = cards(school, "--out", "c.html", "--class", cls)
    assert one_error_line(result) == f"lbc: 错误：花名册中没有“{cls}”的在册儿童"
    assert not (school / "c.html").exists()


@pytest.mark.parametrize("suffix", ["docx", "html"])
def test_a_roster_with_nobody_on_the_books_is_exit_2(tmp_path: Path, suffix: str) -> None:
    """Every child 转出 or 毕业: no card to print is said, not an empty document written
    with 已写出 0 张联系卡 and exit 0."""
    rows = [kid(1, 在校状态="转出"), kid(2, 在校状态="毕业")]
    write_xlsx(tmp_path / "r.xlsx", {"花名册": table(rows)})
    result = run("cards", "r.xlsx", "--out", f"c.{suffix}", cwd=tmp_path)
    assert one_error_line(result) == (
        "lbc: 错误：花名册中没有在册儿童（都已转出、毕业或去世，或没有数据行），没有可打印的联系卡"
    )
    assert not (tmp_path / f"c.{suffix}").exists()


def test_an_unreadable_class_is_exit_2(school: Path) -> None:
    result = cards(school, "--out", "c.html", "--class", "火星班")
    assert one_error_line(result) == (
        "lbc: 错误：无法识别班级“火星班”，请写成 三年级(2)班 这样的形式"
    )
    assert not (school / "c.html").exists()


def test_no_out_is_exit_2(school: Path) -> None:
    result = cards(school)
    assert one_error_line(result) == (
        "lbc: 错误：联系卡含有电话号码，请用 --out 指定输出文件，如 --out 联系卡.html"
    )


def test_pdf_is_not_a_card_format(school: Path) -> None:
    result = cards(school, "--format", "pdf", "--out", "c.pdf")
    assert one_error_line(result) == "lbc: 错误：不支持的输出格式：pdf（可选 html、docx）"
    assert not (school / "c.pdf").exists()


def test_out_never_overwrites_the_roster(school: Path) -> None:
    before = (school / "名册.xlsx").read_bytes()
    result = cards(school, "--out", "名册.xlsx")
    assert one_error_line(result) == (
        "lbc: 错误：不能写出这种文件：名册.xlsx"
        "（文件名的后缀决定格式，这里能写：.html、.htm、.docx）"
    )
    assert (school / "名册.xlsx").read_bytes() == before


def single_parent_roster(folder: Path, **extra: Any) -> Path:
    """A roster with one 家长 instead of 父亲/母亲 columns."""
    row = {k: v for k, v in kid(1, 班级=C32).items() if k not in ("父亲电话", "母亲电话")}
    return write_school(folder, [{**row, **extra}])


def test_single_parent_columns_give_a_parent_row(tmp_path: Path) -> None:
    ws = single_parent_roster(
        tmp_path / "ws", 家长姓名="张强", 家长电话="13855556666", 家长务工地点="广东东莞"
    )
    assert cards(ws, "--out", "c.html").exit_code == 0
    assert html_cards((ws / "c.html").read_text(encoding="utf-8")) == [
        (
            "张雨涵",
            C32,
            [
                ("儿童", child_line("女", C32)),
                ("家长", parent("张强", "13855556666", "广东东莞")),
                ("监护人", guardian()),
                ("帮扶教师", support()),
            ],
        )
    ]


def test_no_school_contact_in_the_config_is_a_blank(school: Path) -> None:
    (school / "lbc.toml").write_text(
        f'[school]\nname = "{SCHOOL}"\n\n[files]\nroster = ["名册.xlsx"]\n', encoding="utf-8"
    )
    assert cards(school, "--out", "c.html", "--class", C11).exit_code == 0
    footers = [f for _, _, f in parse((school / "c.html").read_text(encoding="utf-8")).cards]
    assert footers == [f"{SCHOOL}{SEP}家校联系电话：{BLANK}"]


# ---- Word ----


def docx_grid(card: Any) -> list[tuple[str, ...]]:
    """A Word card's grid, each row's lines read as one (its items joined by SEP)."""
    [grid] = card.tables
    return [tuple(c.text.replace("\n", SEP) for c in r.cells) for r in grid.rows]


def test_docx_cards_boxed_as_tall_as_they_hold_a_cut_line_between(school: Path) -> None:
    from docx import Document

    result = cards(school, "--format", "docx", "--out", "联系卡.docx")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == written(5, "联系卡.docx")
    out = school / "联系卡.docx"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    doc = Document(str(out))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # One layout table: card, cut line, card, ... for as many to a page as fit.
    [layout] = doc.tables
    assert len(layout.rows) == 9
    grids, headings, footers = [], [], []
    for i, row in enumerate(layout.rows):
        tr = row._tr
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None  # a card never splits
        borders = tr.find(f"{W}tc/{W}tcPr/{W}tcBorders")
        cell = row.cells[0]
        if i % 2:  # the cut line: a dashed rule, no box
            assert [b.get(f"{W}val") for b in borders] == ["nil", "nil"]
            rule = cell._tc.find(f"{W}p/{W}pPr/{W}pBdr/{W}bottom")
            assert rule.get(f"{W}val") == "dashed"
            continue
        # A card's box as tall as what it holds: no height of its own.
        assert tr.find(f"{W}trPr/{W}trHeight") is None
        assert {b.tag[len(W) :]: b.get(f"{W}val") for b in borders} == dict.fromkeys(
            ("top", "left", "bottom", "right"), "single"
        )
        texts = [p.text for p in cell.paragraphs if p.text]
        headings.append(texts[0])
        # The watch list's mark: small, before the class in the heading, as on the HTML
        # card; on a line of its own it was a stray symbol at the card's right edge.
        runs = [(r.text, r.font.size.pt) for r in cell.paragraphs[0].runs]
        if MARK in texts[0]:
            assert [size for _, size in runs] == [14, 8, 14] and runs[1][0] == f"{MARK} "
        else:
            assert [size for _, size in runs] == [14, 14]
        footers += texts[1:]
        grids.append(docx_grid(cell))
    assert grids == [list(rows) for _, _, rows in EXPECTED]
    assert headings == [f"留守儿童联系卡 · {name}{SEP}{cls}" for name, cls, _ in EXPECTED]
    assert footers == [FOOTER] * 5
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert 'w:br w:type="page"' not in body


def test_docx_card_lines_break_between_items_never_inside_one(school: Path) -> None:
    """Word broke a card's long line wherever it was full: inside a label (留 / 守类型)
    or between a label and its value (年龄： / 56). Each line of a card now holds whole
    items (label：value) and fits the value column's width: 10.5-point characters in its
    8,805 twentieths of a point less the cell's margins."""
    from docx import Document

    from lbc.documents.titles import width

    assert cards(school, "--out", "c.docx").exit_code == 0
    doc = Document(str(school / "c.docx"))
    room = (8805 - 2 * 108) / 20 / 10.5  # full-width characters of a line
    broken = 0
    for grid in (g for t in doc.tables for row in t.rows for g in row.cells[0].tables):
        for r in grid.rows:
            lines = r.cells[1].text.split("\n")
            broken += len(lines) - 1
            for line in lines:
                assert width(line) <= room, line
                for item in line.split(SEP):  # each item whole: a label, ：, a value
                    label, _, value = item.partition("：")
                    assert label in LABELS and value, line
    assert broken == 10  # each card's child and guardian lines take two


def test_docx_fonts_inside_cover_the_text(school: Path) -> None:
    assert cards(school, "--format", "docx", "--out", "c.docx").exit_code == 0
    out = school / "c.docx"
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        root = ET.fromstring(z.read("word/document.xml"))
    odttf = [n for n in names if n.startswith("word/fonts/") and n.endswith(".odttf")]
    assert odttf
    text = "".join(t.text or "" for t in root.iter(f"{W}t"))
    needed = {ord(c) for c in text if not c.isspace()}
    assert ord("＿") in needed and ord("黄") in needed
    fonts = embedded_fonts(out)
    assert len(odttf) == 2  # the fallback, regular and bold, hung from each standard face
    assert sorted(fonts) == ["仿宋", "宋体", "楷体", "黑体"]
    for name, faces in fonts.items():
        for data in faces:
            assert TTFont(io.BytesIO(data))["name"].getDebugName(1) == "LBC Noto Sans SC"
            assert needed - cmap(data) == set(), name


# ---- bugs found: each test states what should hold ----


def test_a_parent_name_column_does_not_hide_the_parents_phones(tmp_path: Path) -> None:
    ws = write_school(tmp_path / "ws", [kid(1, 班级=C32, 家长姓名="张强")])
    assert cards(ws, "--out", "c.html").exit_code == 0
    text = "".join(parse((ws / "c.html").read_text(encoding="utf-8")).text)
    assert sorted(phones(text)) == ["13712345678", "13812345678", "13912345678"]


def test_a_parent_phone_without_a_parent_name_is_on_the_card(tmp_path: Path) -> None:
    ws = single_parent_roster(tmp_path / "ws", 家长电话="13855556666")
    assert cards(ws, "--out", "c.html").exit_code == 0
    text = "".join(parse((ws / "c.html").read_text(encoding="utf-8")).text)
    assert sorted(phones(text)) == ["13712345678", "13855556666"]


def test_a_child_without_a_guardian_has_no_guardians_address(tmp_path: Path) -> None:
    """Both parents away and no guardian (委托监护人 无): the card's 监护人 row said 住址 and
    the child's home, as if someone there looked after the child. The home stands for a
    named guardian's address only."""
    ws = write_school(tmp_path / "ws", [kid(1, 班级=C32, 监护人姓名="无", 与儿童关系=None)])
    assert cards(ws, "--out", "c.html").exit_code == 0
    ((_, _, rows),) = html_cards((ws / "c.html").read_text(encoding="utf-8"))
    assert dict(rows)["监护人"] == line(
        ("姓名", BLANK),
        ("关系", BLANK),
        ("电话", "13712345678"),
        ("住址", BLANK),
        ("年龄", BLANK),
        ("身体状况", BLANK),
    )


def test_the_card_gives_the_guardians_age_as_the_watch_list_counts_it(tmp_path: Path) -> None:
    """A roster copied from the registration form gives the guardian's ID number, not a 年龄
    column: the card printed no age, while the watch list named the child for a guardian of
    that age (WCH004). The card now works it out as the list does: from the ID number, else
    the birth date column, else 年龄. With none, a blank, as before."""
    today = dt.date.today()
    born = dt.date(today.year - 75, 1, 1)
    children = [
        kid(1, 班级=C32, 监护人身份证号=make_id(born, 101), 监护人年龄=60),
        kid(2, 班级=C32, 监护人出生日期=dt.date(today.year - 66, 1, 1)),
        kid(3, 班级=C32, 监护人年龄=58),
        kid(4, 班级=C32),
    ]
    ws = write_school(tmp_path / "ws", children)
    assert cards(ws, "--out", "c.html").exit_code == 0
    ages = [
        dict(line_.split("：") for line_ in dict(rows)["监护人"].split(SEP))["年龄"]
        for _, _, rows in html_cards((ws / "c.html").read_text(encoding="utf-8"))
    ]
    assert ages == ["75", "66", "58", BLANK]
    with (ws / "lbc.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[watch]\nthreshold = 1\n")
    watch = run("watch", "--format", "json", cwd=ws).json()
    assert [
        (c["row"], r["message"])
        for g in watch["classes"]
        for c in g["children"]
        for r in c["reasons"]
        if r["code"] == "WCH004"
    ] == [(2, "监护人 75 岁")]


# ---- the real console script on the samples ----


def test_samples_cards_in_a_subprocess(tmp_path: Path) -> None:
    exe = shutil.which("lbc", path=str(Path(sys.executable).parent)) or shutil.which("lbc")
    assert exe, "the lbc console script is installed"
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    result = subprocess.run(
        [exe, "cards", "--out", "联系卡.html"],
        cwd=samples,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    out = samples / "联系卡.html"
    count = len(parse(out.read_text(encoding="utf-8")).cards)
    assert count > 0
    assert result.stdout == "" and result.stderr == PAIRS_PENDING + written(count, "联系卡.html")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_each_school_of_a_folder_gives_its_own_teachers_phone(tmp_path: Path) -> None:
    # Two schools' rosters in one county folder: each workbook's children say their school
    # in a 学校 column and name 王芳, the teachers sheet beside them (no 学校 column) lists
    # that school's own 王芳. Each card carries its own school's 王芳 and her phone.
    for folder, name, n, phone in (("A", "青山小学", 1, "13500000001"),
                                   ("B", "白鹤小学", 5, "13500000002")):  # fmt: skip
        children = [kid(n, 班级=C32, 学校=name, 帮扶教师="王芳")]
        sheets = {"花名册": table(children), "教师名单": table([teacher("王芳", phone, C32)])}
        (tmp_path / folder).mkdir()
        write_xlsx(tmp_path / folder / "名册.xlsx", sheets)
    assert run("cards", tmp_path / "A", tmp_path / "B", "--out", tmp_path / "c.html").exit_code == 0
    found = parse((tmp_path / "c.html").read_text(encoding="utf-8")).cards
    assert [(heading[0], dict(rows)["帮扶教师"], footer) for heading, rows, footer in found] == [
        ("留守儿童联系卡 · 张雨涵", support("王芳", "13500000001"), "青山小学"),
        ("留守儿童联系卡 · 陈思彤", support("王芳", "13500000002"), "白鹤小学"),
    ]


def test_the_birth_date_an_id_holds_is_on_a_card_of_a_roster_without_one(
    tmp_path: Path,
) -> None:
    # The roster keeps 身份证号 and no 出生日期 column (or 2016年5月 only): the ID says
    # 2016-05-01, so the card says it, rather than a blank for the teacher to fill in.
    no_column = {k: v for k, v in kid(1, 班级=C32).items() if k != "出生日期"}
    month_only = kid(1, 班级=C32, 出生日期="2016年5月")
    for n, child in enumerate((no_column, month_only)):
        ws = write_school(tmp_path / f"ws{n}", [child])
        assert cards(ws, "--out", "c.html").exit_code == 0
        (card,) = html_cards((ws / "c.html").read_text(encoding="utf-8"))
        assert dict(card[2])["儿童"] == child_line("女", C32)  # 出生日期：2016年5月1日


def test_a_passports_number_gives_no_birth_date_on_a_card(tmp_path: Path) -> None:
    """A child whose 身份证件类型 is 护照 holds a passport's number, 18 characters that look
    like an ID's (2016-03-09 inside), and no 出生日期: the card leaves the birth date blank
    for the teacher to fill in, as for a child with no number, rather than a date the
    passport never said."""
    child = kid(1, 班级=C32, 出生日期=None, 身份证件类型="护照")
    child["身份证号"] = make_id(dt.date(2016, 3, 9), 103)
    ws = write_school(tmp_path / "ws", [child])
    assert cards(ws, "--out", "c.html").exit_code == 0
    (card,) = html_cards((ws / "c.html").read_text(encoding="utf-8"))
    assert dict(card[2])["儿童"] == line(
        ("性别", "女"),
        ("班级", C32),
        ("出生日期", BLANK),
        ("健康状况", "健康"),
        ("留守类型", "父母均外出"),
        ("家庭住址", ADDRESS),
    )


def test_a_child_on_two_rows_has_either_rows_illness_on_its_card(tmp_path: Path) -> None:
    """张雨涵 is on two rows of one ID number (DUP001): the kept row says 健康, the second
    哮喘. The watch list counts the illness (WCH008, 患病：哮喘) and the card said 健康:
    the card now says what the other row says of her health too."""
    children = [kid(1, 班级=C51, **PARENTS, 帮扶教师="王芳"), kid(1, 班级=C51, 健康状况="哮喘")]
    ws = write_school(tmp_path / "ws", children)
    with (ws / "lbc.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n[watch]\nthreshold = 2\n")
    assert cards(ws, "--out", "卡.html").exit_code == 0
    (card,) = html_cards((ws / "卡.html").read_text(encoding="utf-8"))
    assert card[2][0] == ("儿童", child_line("女", C51).replace("健康状况：健康", "健康状况：哮喘"))
    watch = run("watch", "--format", "json", cwd=ws).json()
    reasons = [r["message"] for g in watch["classes"] for c in g["children"] for r in c["reasons"]]
    assert reasons == ["患病：哮喘（见花名册第 3 行）"]


def test_an_address_is_on_the_card_as_the_school_wrote_it(tmp_path: Path) -> None:
    """An address, a place of work and the child's 健康状况 keep the full-width marks the
    school typed (，（）：), on the HTML and the Word card alike, where they were folded
    half-width (四川省南部县青山镇幸福村(3组),李家院子:5号, 患病(哮喘)); the font carried
    covers them."""
    from docx import Document

    home = "四川省南部县青山镇幸福村（3组），李家院子：5号"
    place = "广东省深圳市（龙华区）"
    row = kid(1, 班级=C32, 家庭住址=f" {home} ", 父亲姓名="张强", 父亲务工地点=place)
    row["健康状况"] = "患病（哮喘）"
    ws = write_school(tmp_path / "ws", [row])
    assert cards(ws, "--out", "c.html").exit_code == 0
    page = (ws / "c.html").read_text(encoding="utf-8")
    [(_, _, lines)] = html_cards(page)
    child = child_line("女", C32).replace(ADDRESS, home).replace("：健康", "：患病（哮喘）")
    assert lines[:2] == [("儿童", child), ("父亲", parent("张强", "13812345678", place))]
    assert f"住址：{home}" in lines[3][1]
    shown = {ord(c) for c in "".join(parse(page).text) if not c.isspace() and not c.isascii()}
    fonts = re.findall(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)", page)
    for data in fonts:
        assert shown - cmap(base64.b64decode(data)) == set()
    assert cards(ws, "--format", "docx", "--out", "c.docx").exit_code == 0
    [page] = Document(str(ws / "c.docx")).tables
    assert docx_grid(page.rows[0].cells[0])[:2] == lines[:2]


def test_a_health_code_is_on_the_card_as_its_words(tmp_path: Path) -> None:
    """The 学籍 export's 健康状况 codes (31: 有慢性病) are printed as their words, not as the
    code typed, while words are printed as the school wrote them, and a cell showing a
    formula's error as the error."""
    rows = [kid(n, 班级=C32, 健康状况=v) for n, v in enumerate(["31", "患病 （哮喘）", "#N/A"], 1)]
    ws = write_school(tmp_path / "ws", rows)
    assert cards(ws, "--out", "c.html").exit_code == 0
    page = (ws / "c.html").read_text(encoding="utf-8")
    assert re.findall(r"健康状况：([^　<]*)", page) == [
        "有慢性病",
        "患病 （哮喘）",
        "#N/A（公式出错，内容已丢失）",
    ]


def test_an_address_showing_na_is_worded_as_the_error_on_the_card(tmp_path: Path) -> None:
    """An address cell showing a formula's error (a failed VLOOKUP's #N/A) printed a bare
    #N/A on the card, as the guardian's 住址 and the child's 家庭住址, as if it were the
    address, and so did a place of work or a 监护人住址 cell. Each is worded as the error,
    its content lost, as a name showing one is (#N/A（公式出错，姓名已丢失）), on the HTML
    and the Word card alike; an address typed " #N/A" (text) is the text typed."""
    from docx import Document

    lost = "#N/A（公式出错，内容已丢失）"
    rows = [
        kid(1, 班级=C32, 家庭住址="#N/A", 父亲姓名="张强", 父亲务工地点="#N/A"),
        kid(2, 班级=C32, 家庭住址=" #N/A", 父亲姓名="李军", 父亲务工地点="广东深圳"),
    ]
    home = write_school(tmp_path / "home", rows)
    own = [kid(3, 班级=C32, 监护人住址="#N/A", 父亲姓名="王军", 父亲务工地点="广东深圳")]
    apart = write_school(tmp_path / "apart", own)
    expected = [
        [
            ("儿童", child_line("女", C32).replace(ADDRESS, lost)),
            ("父亲", parent("张强", "13812345678", lost)),
            ("母亲", parent(BLANK, "13912345678", BLANK)),
            ("监护人", guardian().replace(ADDRESS, lost)),
            ("帮扶教师", support()),
        ],
        [
            ("儿童", child_line("女", C32).replace(ADDRESS, "#N/A")),
            ("父亲", parent("李军", "13812345678", "广东深圳")),
            ("母亲", parent(BLANK, "13912345678", BLANK)),
            ("监护人", guardian().replace(ADDRESS, "#N/A")),
            ("帮扶教师", support()),
        ],
        [
            ("儿童", child_line("女", C32)),
            ("父亲", parent("王军", "13812345678", "广东深圳")),
            ("母亲", parent(BLANK, "13912345678", BLANK)),
            ("监护人", guardian().replace(ADDRESS, lost)),
            ("帮扶教师", support()),
        ],
    ]
    shown, grids = [], []
    for ws in (home, apart):
        assert cards(ws, "--out", "c.html").exit_code == 0
        shown += [lines for _, _, lines in html_cards((ws / "c.html").read_text("utf-8"))]
        assert cards(ws, "--out", "c.docx").exit_code == 0
        for page in Document(str(ws / "c.docx")).tables:
            for row in page.rows[::2]:
                grids.append(docx_grid(row.cells[0]))
    assert shown == expected
    assert grids == expected
