"""The Word summary in the usual style of Chinese official documents (GB/T 9704).

A4, margins 37/35/28/26 mm; title 二号 (22 pt) 宋体 bold, centred; first-level headings
三号 (16 pt) 黑体, second-level 三号 楷体; body 三号 仿宋 at a fixed 28 pt line, first line
indented two characters; the school and date flush right at the end.

Chinese fonts are named on each run's East Asian slot (``w:eastAsia``), which Word and WPS
read for Chinese text (python-docx's ``font.name`` sets only the Latin one). A subset of
Noto Sans SC is embedded under each of those names (lbc.fonts), obfuscated as the Office
Open XML standard asks (ECMA-376 Part 1, 17.8.1), so a machine without them still shows
every character; where 仿宋 and 黑体 are installed, Word uses them.
"""

from __future__ import annotations

import html
import io
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

from lbc.blocks import Block
from lbc.errors import LbcError
from lbc.files import write_atomic
from lbc.fonts import BOLD, REGULAR, subset
from lbc.messages import t

BODY, HEADING, HEADING2, TITLE = "仿宋", "黑体", "楷体", "宋体"
LATIN = "Times New Roman"
# Each embedded stand-in: the name a run asks for, the weight its glyphs are cut at, and
# whether Word should take it for bold runs. 黑体 is a heavy face set in regular runs.
FACES = (
    (BODY, REGULAR, False),
    (HEADING, BOLD, False),
    (HEADING2, REGULAR, False),
    (TITLE, REGULAR, False),
    (TITLE, BOLD, True),
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
_ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


def _set_font(run_or_style: Any, east_asian: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run_or_style.font
    font.name = LATIN
    font.size = Pt(size)
    font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), east_asian)


def build(blocks: list[Block]) -> bytes:
    """The .docx bytes for ``blocks``, before its fonts are embedded."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    normal = doc.styles["Normal"]
    _set_font(normal, BODY, 16)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)

    def paragraph(text: str, face: str = BODY, size: float = 16, bold: bool = False):
        p = doc.add_paragraph()
        _set_font(p.add_run(text), face, size, bold)
        return p

    previous = ""
    for b in blocks:
        if b.kind == "title":
            p = paragraph(b.text, TITLE, 22, bold=True)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing = Pt(36)
            p.paragraph_format.space_after = Pt(16)
        elif b.kind == "h1":
            p = paragraph(b.text, HEADING, 16)
            p.paragraph_format.first_line_indent = Pt(32)
        elif b.kind == "h2":
            p = paragraph(b.text, HEADING2, 16)
            p.paragraph_format.first_line_indent = Pt(32)
        elif b.kind == "number":
            p = paragraph(f"{b.number}．{b.text}")
            p.paragraph_format.first_line_indent = Pt(32)
        elif b.kind == "table":
            _table(doc, b.rows)
        elif b.kind == "sign":
            p = paragraph(b.text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if previous != "sign":  # a blank line's space above the signature
                p.paragraph_format.space_before = Pt(28)
        elif b.kind in ("p", "bullet"):
            p = paragraph(b.text)
            p.paragraph_format.first_line_indent = Pt(32)
        previous = b.kind
    for table in doc.tables:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table(doc: Any, rows: list[list[str]]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j in range(width):
            cell = table.cell(i, j)
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing = Pt(22)
            text = row[j] if j < len(row) else ""
            _set_font(p.add_run(text), HEADING if i == 0 else BODY, 14)
    doc.add_paragraph()


def obfuscate(font: bytes, key: str) -> bytes:
    """ECMA-376's font obfuscation: the first 32 bytes XORed with the GUID key's bytes,
    taken from the end of its hex string."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def embed_fonts(docx: bytes, text: str) -> bytes:
    """The document with a subset font embedded under each East Asian font name it uses."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: src.read(info) for info in src.infolist()}
    table = parts["word/fontTable.xml"].decode("utf-8")
    rels = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ]
    entries: dict[str, list[str]] = {}
    for n, (name, weight, bold) in enumerate(FACES, 1):
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"lbc-font-{n}")).upper() + "}"
        parts[f"word/fonts/font{n}.odttf"] = obfuscate(subset(text, weight, name, bold), key)
        rels.append(
            f'<Relationship Id="rIdLbcFont{n}" Type="{_FONT_REL}" Target="fonts/font{n}.odttf"/>'
        )
        slot = "embedBold" if bold else "embedRegular"
        entries.setdefault(name, []).append(f'<w:{slot} r:id="rIdLbcFont{n}" w:fontKey="{key}"/>')
    rels.append("</Relationships>")
    if "xmlns:r=" not in table.split(">", 2)[1]:
        table = re.sub(r"<w:fonts\b", f'<w:fonts xmlns:r="{_R}"', table, count=1)
    # Word lists a font once; the stand-ins replace any entry python-docx wrote for a name.
    for name, embeds in entries.items():
        table = re.sub(rf'<w:font w:name="{name}">.*?</w:font>', "", table, flags=re.S)
        table = table.replace(
            "</w:fonts>",
            f'<w:font w:name="{name}"><w:charset w:val="86"/><w:family w:val="auto"/>'
            f'<w:pitch w:val="variable"/>{"".join(embeds)}</w:font></w:fonts>',
        )
    parts["word/fontTable.xml"] = table.encode("utf-8")
    parts["word/_rels/fontTable.xml.rels"] = "".join(rels).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    if 'Extension="odttf"' not in types:
        types = types.replace(
            "<Default ", f'<Default Extension="odttf" ContentType="{_ODTTF}"/><Default ', 1
        )
    parts["[Content_Types].xml"] = types.encode("utf-8")
    settings = parts["word/settings.xml"].decode("utf-8")
    if "embedTrueTypeFonts" not in settings:
        settings = re.sub(r"(<w:settings\b[^>]*>)", r"\1<w:embedTrueTypeFonts/>", settings, count=1)
    parts["word/settings.xml"] = settings.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()


def write_document(blocks: list[Block], out: Path, inputs: list[Path]) -> None:
    document = build(blocks)
    data = embed_fonts(document, _document_text(document))
    write_atomic(out, lambda tmp: tmp.write_bytes(data), inputs=inputs)


def render_docx_template(
    template: Path, context: dict[str, Any], out: Path, inputs: list[Path]
) -> None:
    """docxtpl in Jinja's sandbox with undefined names as errors, autoescaped so a ``&`` or
    ``<`` in a value cannot break the Word XML."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, UndefinedError

    from lbc.templating import environment

    try:
        doc = DocxTemplate(str(template))
        buffer = io.BytesIO()
        doc.render(context, jinja_env=environment(autoescape=True))
        doc.save(buffer)
    except FileNotFoundError as exc:
        raise LbcError(t("err.missing", path=template)) from exc
    except (UndefinedError, TemplateError) as exc:
        line = getattr(exc, "lineno", None) or "-"
        raise LbcError(t("err.template", path=template, line=line, reason=str(exc))) from exc
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LbcError(t("err.template", path=template, line="-", reason=str(exc))) from exc
    text = _document_text(buffer.getvalue())
    data = embed_fonts(buffer.getvalue(), text)
    write_atomic(out, lambda tmp: tmp.write_bytes(data), inputs=inputs)


def _document_text(docx: bytes) -> str:
    """The text of the body, headers, footers and notes: every glyph the document shows."""
    text = []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8", "replace")
                text += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
    return html.unescape("".join(text))
