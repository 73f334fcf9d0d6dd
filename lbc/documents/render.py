"""Rendering the summary context: Markdown, one self-contained HTML file, Word, JSON.

One Markdown template (lbc's ``templates/summary.md.j2`` or a school's ``--template``) gives
the text of all three document formats: HTML and Word are built from its blocks (see
lbc.documents.blocks). A school's ``.docx`` template is rendered by docxtpl instead, in the sandbox.
Every format carries its own Chinese font (lbc.documents.fonts), so no character becomes a box.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from lbc import __version__
from lbc.documents.blocks import parse
from lbc.documents.charts import summary_charts
from lbc.documents.fonts import BOLD, REGULAR, subset
from lbc.documents.templating import builtin, render, user_template
from lbc.documents.titles import title_lines

SUMMARY_TEMPLATE = "summary.md.j2"


def markdown(context: dict[str, Any], template: Path | None = None) -> str:
    """The summary as Markdown. Text from the roster's cells goes in with ``&``, ``<`` and
    ``>`` written as entities, the Markdown way to write them literally: a cell holding
    ``<script>`` or ``<!-- chart: x -->`` is shown, never run by a viewer nor read as an
    instruction. The template's own text and every number are left as they are, and
    lbc.documents.blocks reads the entities back for HTML and Word."""
    name, text = user_template(template) if template else builtin(SUMMARY_TEMPLATE)
    return render(name, text, _escaped(context))


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_escaped(v) for v in value)
    return value


def html(text: str, context: dict[str, Any]) -> str:
    """One HTML file: no external file, font or script, so it can be mailed as it is."""
    blocks = parse(text)
    page = {
        "version": __version__,
        "title": next((b.text for b in blocks if b.kind == "title"), ""),
        "blocks": blocks,
        "charts": _charts(context),
        "title_lines": title_lines,
    }
    return _with_font(builtin("page.html.j2"), page)


def html_template(template: Path, context: dict[str, Any]) -> str:
    """A school's own HTML template, autoescaped in the sandbox. Besides the context it gets
    ``charts`` (the SVG charts by name) and ``font_face`` (CSS declaring the embedded
    "LBC Noto Sans SC"), cut to the characters the page ends up holding."""
    return _with_font(user_template(template), {**context, "charts": _charts(context)})


def _charts(context: dict[str, Any]) -> dict[str, Markup]:
    return {k: Markup(v) for k, v in summary_charts(context).items()}


def _with_font(template: tuple[str, str], page: dict[str, Any]) -> str:
    """Render an HTML page whose ``font_face`` holds exactly the characters it shows: the
    page is rendered first with a marker there, then the marker becomes the font."""
    marker = "/*lbc-font-face*/"
    text = render(*template, {**page, "font_face": Markup(marker)}, autoescape=True)
    return text.replace(marker, font_face(re.sub(r"<[^>]*>", "", text)))


def font_face(glyphs: str) -> str:
    """@font-face rules for "LBC Noto Sans SC", regular and bold, holding ``glyphs``."""
    rules = []
    for weight in (REGULAR, BOLD):
        data = base64.b64encode(subset(glyphs, weight)).decode()
        rules.append(
            '@font-face { font-family: "LBC Noto Sans SC"; '
            f'font-weight: {weight}; src: url(data:font/ttf;base64,{data}) format("truetype"); }}'
        )
    return "\n".join(rules)


def docx(text: str, out: Path, inputs: list[Path]) -> None:
    """Write the Word document for the Markdown ``text`` to ``out`` (see lbc.documents.docx)."""
    from lbc.documents.docx import write_document

    write_document(parse(text), out, inputs)


def docx_template(template: Path, context: dict[str, Any], out: Path, inputs: list[Path]) -> None:
    """A school's own .docx with Jinja tags, rendered in the sandbox (docxtpl)."""
    from lbc.documents.docx import render_docx_template

    render_docx_template(template, context, out, inputs)


def cards_html(classes: list[Any], school: str, contact_phone: str) -> str:
    """The contact cards as one printable HTML file (A4, two cards a page)."""
    page = {
        "version": __version__,
        "classes": classes,
        "school": school,
        "contact_phone": contact_phone,
    }
    return _with_font(builtin("cards.html.j2"), page)
