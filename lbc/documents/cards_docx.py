"""The contact cards as a Word document: as many cards to an A4 page as fit, each boxed.

Each card has a border round it, as tall as what it holds, and a dashed cut line runs
between one card and the next. A card of a fixed half page was half blank paper (its
lines fill about a quarter of the page), so the cards of a class took twice the pages.
The cards are the rows of one layout table (card, cut line, card, ...); a card's own grid
is a table inside its row's cell. Rows never split, so a card is never cut across two
pages.
"""

from __future__ import annotations

from pathlib import Path

from lbc.documents.docx import HEADING, a4_document, grid_table, paragraph, save_docx, text_run
from lbc.documents.titles import width as text_width
from lbc.reports.cards import Card, ClassCards

MARGIN = 12  # mm, as the HTML cards' @page
CUT_HEIGHT = 8  # mm
WIDTH = 186 * 1440 * 10 // 254  # the text width, 186 mm, in twentieths of a point
INNER = (1400, WIDTH - 1400 - 2 * 170)  # a card's grid inside the cell's margins
SEP = "\u3000"  # between two items of a card's line
# Full-width characters of 10.5 pt on a line of a card's value column: its 8,805
# twentieths of a point less the cell's margins hold about 41; one or two fewer, as the
# fallback face's Latin digits are a little wider than the half a character counted.
PER_LINE = 39


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _lines(items: list[tuple[str, str]]) -> str:
    """A card's items (label, value), broken into lines between items, never inside one:
    left to Word, a line broke wherever it was full, inside a label (留 / 守类型) or
    between a label and its value (年龄： / 56). An item longer than a line starts one."""
    lines: list[str] = []
    for label, value in items:
        item = f"{label}：{value}"
        if lines and text_width(lines[-1] + SEP + item) <= PER_LINE:
            lines[-1] += SEP + item
        else:
            lines.append(item)
    return "\n".join(lines)


def _card(card: Card, school: str, contact_phone: str) -> str:
    rows = [["儿童", _lines(card.child_lines)]]
    rows += [[p.role, _lines(p.lines)] for p in card.people]
    # The watch list's mark, small, before the class as on the HTML card; never the reasons.
    mark = text_run(f"{card.mark} ", HEADING, 8) if card.mark else ""
    return (
        paragraph(
            f"{card.title}　",
            HEADING,
            14,
            after=4,
            keep=True,
            runs=mark + text_run(card.cls, HEADING, 14),
        )
        # The footer follows the grid at once: the empty paragraph grid_table ends with (a
        # body's table needs one after it, a cell's does not) was a blank line on each card.
        + grid_table(rows, header=False, widths=INNER, size=10.5).removesuffix("<w:p/>")
        + paragraph(card.footer(school, contact_phone), size=10.5, before=4)
    )


def _row(content: str, borders: str, height: float | None = None) -> str:
    size = f'<w:trHeight w:val="{_twips(height)}" w:hRule="atLeast"/>' if height else ""
    return (
        f"<w:tr><w:trPr><w:cantSplit/>{size}</w:trPr><w:tc><w:tcPr>"
        f'<w:tcW w:w="{WIDTH}" w:type="dxa"/><w:tcBorders>{borders}</w:tcBorders></w:tcPr>'
        f"{content}</w:tc></w:tr>"
    )


_BOX = "".join(f'<w:{s} w:val="single" w:sz="12" w:space="0" w:color="333333"/>'
               for s in ("top", "left", "bottom", "right"))  # fmt: skip
_OPEN = "".join(f'<w:{s} w:val="nil"/>' for s in ("left", "right"))
# The cut line: a dashed rule across the page, halfway between two cards.
_CUT = (
    f'<w:p><w:pPr><w:pBdr><w:bottom w:val="dashed" w:sz="8" w:space="1" w:color="666666"/>'
    f'</w:pBdr><w:spacing w:before="0" w:after="0" w:line="{_twips(CUT_HEIGHT / 2)}" '
    'w:lineRule="exact"/></w:pPr></w:p>'
)


def _table(cards: list[str]) -> str:
    """The cards, each boxed, a cut line between one and the next."""
    rows = []
    for n, card in enumerate(cards):
        if n:
            rows.append(_row(_CUT, _OPEN, CUT_HEIGHT))
        rows.append(_row(card, _BOX))
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:insideH w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="100" w:type="dxa"/>'
        '<w:left w:w="170" w:type="dxa"/><w:bottom w:w="100" w:type="dxa"/>'
        '<w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{WIDTH}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
    )


# After the table: a paragraph a point high (Word ends a body with one).
_AFTER = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
)


def write_cards(
    classes: list[ClassCards], school: str, contact_phone: str, out: Path, inputs: list[Path]
) -> None:
    """The contact cards as a Word document, as many to an A4 page as fit (see the
    module's text)."""
    doc = a4_document((MARGIN, MARGIN, MARGIN, MARGIN), 11)
    cards = [_card(card, school, contact_phone) for group in classes for card in group.cards]
    save_docx(doc, [_table(cards), _AFTER], out, inputs)
