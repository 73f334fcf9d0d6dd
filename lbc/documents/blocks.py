"""The Markdown a summary template renders, read back as blocks for HTML and Word.

Summary templates are Markdown (lbc's own and a school's), so one template gives all three
formats. Only what a work summary uses is understood: ``#`` title, ``##``/``###``
headings, paragraphs, ``-`` and ``1.`` list items, pipe tables (a ``: caption`` line just
before one is its caption, as pandoc writes it; HTML and Word number them 表1, 表2 …),
``<!-- chart: NAME -->``
lines where the HTML shows a chart, and ``<!-- sign -->`` before the signature lines (the
school and the date, set flush right). Each other line is a paragraph of its own: Chinese
prose has no spaces to join wrapped lines with. Entities (``&lt;``, which the summary
writes for a ``<`` from a cell) are read back to their characters: HTML escapes them again
and Word shows them as they are.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_CHART = re.compile(r"^<!--\s*chart:\s*([\w-]+)\s*-->$")
_SIGN = re.compile(r"^<!--\s*sign\s*-->$")
_NUMBERED = re.compile(r"^(\d+)[.、]\s+(.*)$")
_CAPTION = re.compile(r"^:\s+(.+)$")
_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def shown_on_screen(markdown: str) -> str:
    """A summary's Markdown as a terminal shows it: without the lines that only mark where
    the HTML puts a chart or the signature, which read as stray code there."""
    lines = markdown.splitlines(keepends=True)
    return "".join(x for x in lines if not (_CHART.match(x.strip()) or _SIGN.match(x.strip())))


@dataclass
class Block:
    kind: str  # title, h1, h2, p, bullet, number, table, chart, sign
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)  # tables: header row first
    number: str = ""  # numbered items: "1"
    caption: str = ""  # tables: the ``: caption`` line before it, if any


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    signing = False
    in_table = False  # only a table line continues a table: two tables stay two
    for raw in markdown.splitlines():
        line = raw.strip()
        continues, in_table = in_table, False
        if not line:
            signing = False
            continue
        if m := _CHART.match(line):
            blocks.append(Block("chart", m.group(1)))
        elif _SIGN.match(line):
            signing = True
        elif line.startswith("<!--"):
            continue
        elif signing:
            blocks.append(Block("sign", line))
        elif line.startswith("### "):
            blocks.append(Block("h2", line[4:].strip()))
        elif line.startswith("## "):
            blocks.append(Block("h1", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block("title", line[2:].strip()))
        elif line.startswith(("- ", "* ")):
            blocks.append(Block("bullet", line[2:].strip()))
        elif m := _NUMBERED.match(line):
            blocks.append(Block("number", m.group(2), number=m.group(1)))
        elif line.startswith("|"):
            in_table = True
            if _RULE.match(line):
                continue
            if continues:
                blocks[-1].rows.append(_cells(line))
            elif blocks and blocks[-1].kind == "caption":
                blocks[-1] = Block("table", rows=[_cells(line)], caption=blocks[-1].text)
            else:
                blocks.append(Block("table", rows=[_cells(line)]))
        elif m := _CAPTION.match(line):
            blocks.append(Block("caption", m.group(1)))
        else:
            blocks.append(Block("p", line))
    for block in blocks:
        if block.kind == "caption":  # no table followed: the line is text, as written
            block.kind, block.text = "p", f": {block.text}"
        block.caption = html.unescape(block.caption)
        block.text = html.unescape(block.text)
        block.rows = [[html.unescape(cell) for cell in row] for row in block.rows]
    return blocks
