"""The contact cards as a Word document: one bordered table per card, two to a page."""

from __future__ import annotations

from pathlib import Path

from lbc.documents.docx import HEADING, a4_document, grid_table, paragraph, save_docx
from lbc.reports.cards import ClassCards


def write_cards(
    classes: list[ClassCards], school: str, contact_phone: str, out: Path, inputs: list[Path]
) -> None:
    """The contact cards as a Word document: one bordered table per card, two to a page."""
    doc = a4_document((15, 15, 15, 15), 11)
    parts: list[str] = []
    count = 0
    for group in classes:
        for card in group.cards:
            if count and count % 2 == 0:
                parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            count += 1
            parts.append(paragraph(f"{card.title}　{card.cls}", HEADING, 14, keep=True))
            rows = [["儿童", "　".join(f"{k}：{v}" for k, v in card.child_lines)]]
            rows += [[p.role, "　".join(f"{k}：{v}" for k, v in p.lines)] for p in card.people]
            parts.append(grid_table(rows, header=False, widths=(1400, 7900), size=10.5))
            parts.append(paragraph(card.footer(school, contact_phone), size=10.5))
            parts.append("<w:p/>")
    save_docx(doc, parts, out, inputs)
