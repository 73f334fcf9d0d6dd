"""The contact cards as a Word document: two cards to an A4 page, each in its own half.

As the HTML cards are: each card has a border round it and fills half the page, and a
dashed cut line runs between the two, so a printed page is cut into two cards of one size.
A page is one layout table of three rows (card, cut line, card); a card's own grid is a
table inside its cell. Rows never split, so a card is never cut across two pages.
"""

from __future__ import annotations

from pathlib import Path

from lbc.documents.docx import HEADING, a4_document, grid_table, paragraph, save_docx, text_run
from lbc.reports.cards import Card, ClassCards

MARGIN = 12  # mm, as the HTML cards' @page
CARD_HEIGHT = 126  # mm: two cards and the cut line between them fill the 273 mm
CUT_HEIGHT = 14  # mm
WIDTH = 186 * 1440 * 10 // 254  # the text width, 186 mm, in twentieths of a point
INNER = (1400, WIDTH - 1400 - 2 * 170)  # a card's grid inside the cell's margins


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _card(card: Card, school: str, contact_phone: str) -> str:
    rows = [["儿童", "　".join(f"{k}：{v}" for k, v in card.child_lines)]]
    rows += [[p.role, "　".join(f"{k}：{v}" for k, v in p.lines)] for p in card.people]
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
        + grid_table(rows, header=False, widths=INNER, size=10.5)
        + paragraph(card.footer(school, contact_phone), size=10.5)
    )


def _row(content: str, height: float, borders: str) -> str:
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{_twips(height)}" w:hRule="atLeast"/>'
        f'</w:trPr><w:tc><w:tcPr><w:tcW w:w="{WIDTH}" w:type="dxa"/>'
        f"<w:tcBorders>{borders}</w:tcBorders></w:tcPr>{content}</w:tc></w:tr>"
    )


_BOX = "".join(f'<w:{s} w:val="single" w:sz="12" w:space="0" w:color="333333"/>'
               for s in ("top", "left", "bottom", "right"))  # fmt: skip
_OPEN = "".join(f'<w:{s} w:val="nil"/>' for s in ("left", "right"))
# The cut line: a dashed rule across the page, halfway between the two cards.
_CUT = (
    f'<w:p><w:pPr><w:pBdr><w:bottom w:val="dashed" w:sz="8" w:space="1" w:color="666666"/>'
    f'</w:pBdr><w:spacing w:before="0" w:after="0" w:line="{_twips(CUT_HEIGHT / 2)}" '
    'w:lineRule="exact"/></w:pPr></w:p>'
)


def _page(cards: list[str]) -> str:
    """One page: the cards, each in its half, a cut line between them."""
    rows = [_row(cards[0], CARD_HEIGHT, _BOX)]
    if len(cards) > 1:
        rows.append(_row(_CUT, CUT_HEIGHT, _OPEN))
        rows.append(_row(cards[1], CARD_HEIGHT, _BOX))
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:insideH w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="100" w:type="dxa"/>'
        '<w:left w:w="170" w:type="dxa"/><w:right w:w="170" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{WIDTH}"/></w:tblGrid>{"".join(rows)}</w:tbl>'
    )


# After each page's table: a paragraph a point high (Word ends a body with one), holding
# the break to the next page where one follows.
_AFTER = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>'


def write_cards(
    classes: list[ClassCards], school: str, contact_phone: str, out: Path, inputs: list[Path]
) -> None:
    """The contact cards as a Word document, two to an A4 page (see the module's text)."""
    doc = a4_document((MARGIN, MARGIN, MARGIN, MARGIN), 11)
    cards = [_card(card, school, contact_phone) for group in classes for card in group.cards]
    parts: list[str] = []
    for n in range(0, len(cards), 2):
        if n:
            parts.append(_AFTER + '<w:r><w:br w:type="page"/></w:r></w:p>')
        parts.append(_page(cards[n : n + 2]))
    parts.append(_AFTER + "</w:p>")
    save_docx(doc, parts, out, inputs)
