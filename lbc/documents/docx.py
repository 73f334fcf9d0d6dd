"""The Word summary in the usual style of Chinese official documents (GB/T 9704).

A4, margins 37/35/28/26 mm; title 二号 (22 pt) 宋体 bold, centred; first-level headings
三号 (16 pt) 黑体, second-level 三号 楷体; body 三号 仿宋 at a fixed 28 pt line, first line
indented two characters; the school and date flush right at the end.

Chinese fonts are named on each run's East Asian slot (``w:eastAsia``), which Word and WPS
read for Chinese text (python-docx's ``font.name`` sets only the Latin one). They are the
faces every Chinese Windows has, and none is embedded: no free 仿宋 or 楷体 can be shipped.
What is embedded is a fallback under its own name, a subset of Noto Sans SC
(lbc.documents.fonts), obfuscated as the Office Open XML standard asks (ECMA-376 Part 1,
17.8.1) and hung from each standard face's font table entry, so a machine without those
faces still shows every character, in a plain sans face, and one with them shows them.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lbc.documents.blocks import Block
from lbc.documents.fonts import BOLD, REGULAR, subset
from lbc.documents.titles import title_lines
from lbc.documents.titles import width as text_width
from lbc.errors import LbcError
from lbc.messages import os_reason, t
from lbc.output.files import write_atomic

BODY, HEADING, HEADING2, TITLE = "仿宋", "黑体", "楷体", "宋体"
LATIN = "Times New Roman"
# The standard faces the official style names, as every Chinese Windows has them: each with
# its English name (Word's altName, the name an English Windows lists it under) and its
# family class, which a reader without the face uses to choose a like one.
STANDARD_FACES = {
    BODY: ("FangSong", "modern"),
    HEADING: ("SimHei", "modern"),
    HEADING2: ("KaiTi", "modern"),
    TITLE: ("SimSun", "auto"),
}
# 黑体 is a heavy face set in regular runs: where it is missing, the fallback's bold cut
# stands in for its regular style.
HEAVY = frozenset({HEADING})

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


def a4_document(margins: tuple[float, float, float, float], size: float) -> Any:
    """A python-docx document on A4, margins (top, bottom, left, right) in millimetres, the
    Normal style in 仿宋 at ``size`` points."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = (Mm(m) for m in margins)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    _set_font(doc.styles["Normal"], BODY, size)
    return doc


def save_docx(doc: Any, body: list[str], out: Path, inputs: list[Path]) -> None:
    """Append ``body`` (WordprocessingML text) to the document, embed the fonts its text
    needs and write it atomically. The body is text because python-docx spends about a
    millisecond on each paragraph, and a county's summary has thousands; it goes into the
    saved document's XML as text too: lxml moving a parsed table of 8,000 rows into the
    document took seconds (longer for each row more), and a province's summary hours."""
    text = "".join(body)
    _well_formed(text)  # or it fails here
    buffer = io.BytesIO()
    doc.save(buffer)
    _write_with_fonts(_with_body(buffer.getvalue(), text), out, inputs)


class _Nothing:
    """A parser target that keeps nothing: a body is checked, not built."""

    def start(self, tag: str, attrib: Any, nsmap: Any = None) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        pass


def _well_formed(body: str) -> None:
    """Fail unless ``body`` (WordprocessingML text) is well-formed XML with every prefix
    declared, as parsing it would; parsed without building it: a province's summary is a
    body of 100 MB, whose tree took over 1 GB."""
    from lxml import etree

    parser = etree.XMLParser(target=_Nothing())
    etree.fromstring(f'<w:body xmlns:w="{_W}">{body}</w:body>', parser)
    # What a built tree would refuse and a target is only told: an undeclared prefix.
    if errors := parser.error_log.filter_from_errors():
        first = errors[0]
        raise etree.XMLSyntaxError(first.message, first.type, first.line, first.column)


def _with_body(docx: bytes, body: str) -> bytes:
    """``docx`` with ``body`` put at the end of its body, before the body's own section
    properties (the last <w:sectPr>: a section break's sit inside paragraphs before it)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: src.read(info) for info in src.infolist()}
    xml = parts["word/document.xml"]
    at = xml.rindex(b"<w:sectPr")
    parts["word/document.xml"] = xml[:at] + body.encode("utf-8") + xml[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()


def _write_with_fonts(docx: bytes, out: Path, inputs: list[Path]) -> None:
    """Embed the fonts the document's text needs, then write it atomically, owner-only."""
    data = embed_fonts(docx, _document_text(docx))
    write_atomic(out, lambda tmp: tmp.write_bytes(data), inputs=inputs)


def write_document(blocks: list[Block], out: Path, inputs: list[Path]) -> None:
    """The summary as a Word document in the official style, written to ``out``."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    doc = a4_document((37, 35, 28, 26), 16)
    fmt = doc.styles["Normal"].paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)

    parts: list[str] = []
    previous = ""
    tables = 0
    for n, b in enumerate(blocks):
        if b.kind == "title":  # broken between phrases, two lines of like length at most
            text = "\n".join(title_lines(b.text))
            parts.append(paragraph(text, TITLE, 22, bold=True, jc="center", line=36, after=16))
        elif b.kind == "h1":  # a heading never ends a page alone
            parts.append(paragraph(b.text, HEADING, indent=True, keep=True))
        elif b.kind == "h2":
            parts.append(paragraph(b.text, HEADING2, indent=True, keep=True))
        elif b.kind == "number":
            parts.append(list_item(f"{b.number}．", b.text))
        elif b.kind == "bullet":
            parts.append(list_item("•", b.text))
        elif b.kind == "table":
            tables += 1
            caption = f"表{tables}　{b.caption}" if b.caption else f"表{tables}"
            parts.append(paragraph(caption, HEADING, 14, jc="center", before=6, keep=True))
            parts.append(grid_table(b.rows))
        elif b.kind == "sign":  # a blank line's space above the signature
            parts.append(paragraph(b.text, jc="right", before=28 if previous != "sign" else 0))
        elif b.kind == "p":  # one leading into a table (…：) never ends a page alone
            after = blocks[n + 1].kind if n + 1 < len(blocks) else ""
            leads = b.text.endswith(("：", ":")) and after == "table"
            parts.append(paragraph(b.text, indent=True, keep=leads))
        previous = b.kind
    _page_numbers(doc.sections[0])
    props = doc.core_properties
    props.author = props.last_modified_by = "lbc"
    props.comments = ""
    props.title = next((b.text for b in blocks if b.kind == "title"), "")
    props.created = props.modified = dt.datetime.now().replace(microsecond=0)
    save_docx(doc, parts, out, inputs)


def _page_numbers(section: Any) -> None:
    """— 1 — centred at the foot of each page, as official documents number them."""
    from docx.oxml import parse_xml

    footer = section.footer.paragraphs[0]._p
    field = (
        f'<w:p xmlns:w="{_W}"><w:pPr><w:jc w:val="center"/></w:pPr>'
        + text_run("— ", BODY, 14)
        + '<w:fldSimple w:instr="PAGE">'
        + text_run("1", BODY, 14)
        + "</w:fldSimple>"
        + text_run(" —", BODY, 14)
        + "</w:p>"
    )
    footer.addnext(parse_xml(field))
    footer.getparent().remove(footer)


# Characters XML 1.0 cannot carry (control characters a pasted cell may hold).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text_run(text: str, face: str, size: float, bold: bool = False) -> str:
    """A run of ``text`` in ``face`` at ``size`` points; a line break in it breaks the line."""
    half_points = round(size * 2)
    weight = "<w:b/><w:bCs/>" if bold else ""
    safe = escape(_NOT_XML.sub("", text)).replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return (
        f'<w:r><w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{face}" '
        'w:hint="eastAsia"/>'
        f'{weight}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
        f'<w:t xml:space="preserve">{safe}</w:t></w:r>'
    )


def paragraph(
    text: str,
    face: str = BODY,
    size: float = 16,
    bold: bool = False,
    jc: str | None = None,
    line: float | None = None,
    before: float = 0,
    after: float = 0,
    indent: bool = False,
    keep: bool = False,
    runs: str = "",
) -> str:
    """A paragraph; spacing in points (Word counts twentieths), indent two characters;
    ``keep`` holds it on one page with the next; ``runs`` (text_run) follow the text."""
    ppr = "<w:keepNext/>" if keep else ""
    if line or before or after:
        exact = f' w:line="{round(line * 20)}" w:lineRule="exact"' if line else ""
        ppr += f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}"{exact}/>'
    if indent:
        ppr += f'<w:ind w:firstLine="{round(size * 2 * 20)}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{text_run(text, face, size, bold)}{runs}</w:p>"


def list_item(marker: str, text: str, size: float = 16) -> str:
    """A list item indented like the body: its marker where a paragraph's first line
    starts (two characters in), its text from a tab stop two characters on, and every
    further line under the text, so an item reads as one."""
    char = round(size * 20)
    return (
        f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="{4 * char}"/></w:tabs>'
        f'<w:ind w:left="{4 * char}" w:hanging="{2 * char}"/></w:pPr>'
        f"{text_run(marker, BODY, size)}<w:r><w:tab/></w:r>{text_run(text, BODY, size)}</w:p>"
    )


def grid_table(
    rows: list[list[str]],
    header: bool = True,
    widths: tuple[int, ...] | None = None,
    size: float = 14,
) -> str:
    """A centred grid table (header row in 黑体, repeated on each page, when ``header``),
    then an empty paragraph after it. Widths in twentieths of a point; by default the text
    width (156 mm) shared by the columns' longest cells below the header (up to twelve
    characters each), so a column of long labels is not squeezed to three lines a cell
    nor a short word broken. A row never splits across pages, and a header table is kept
    on one page where it fits (each row kept with the next)."""
    width = max(len(r) for r in rows)
    if widths is None:  # each column first gets room for three characters, if it needs them

        def longest(some: list[list[str]]) -> list[float]:
            return [max(text_width(r[j]) if j < len(r) else 0 for r in some) for j in range(width)]

        body = rows[1:] if header and len(rows) > 1 else rows  # a header may wrap instead
        floor = [(min(n, 3) + 1) * size * 20 for n in longest(rows)]
        shares = [min(n, 12) + 2 for n in longest(body)]
        spare = max(8844 - sum(floor), 0)
        widths = tuple(
            round(f + spare * n / sum(shares)) for f, n in zip(floor, shares, strict=True)
        )
    columns = widths
    cells = []
    for i, row in enumerate(rows):
        head = header and i == 0
        align = "center" if header else None
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{columns[j]}" w:type="dxa"/></w:tcPr>'
            + paragraph(row[j] if j < len(row) else "", HEADING if head else BODY, size, jc=align,
                    line=size + 8, keep=header and i < len(rows) - 1)
            + "</w:tc>"
            for j in range(width)
        )  # fmt: skip
        # Rows never break across pages; the header row repeats on each page.
        repeat = "<w:tblHeader/>" if head else ""
        cells.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{tcs}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in columns)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(cells)}</w:tbl><w:p/>"
    )


def obfuscate(font: bytes, key: str) -> bytes:
    """ECMA-376's font obfuscation: the first 32 bytes XORed with the GUID key's bytes,
    taken from the end of its hex string."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def embed_fonts(docx: bytes, text: str) -> bytes:
    """The document with the standard faces listed under their own names, each carrying the
    fallback (fonts.FALLBACK, regular and bold, cut to the characters of ``text``) as the font
    to show where that face is not installed.

    The fallback's files say what they are (``LBC Noto Sans SC``); only the font table
    entry they hang from says which face they stand in for. An installed 仿宋 wins over
    them (LibreOffice, tried), so where the real faces exist the document shows them."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    parts = {info.filename: src.read(info) for info in src.infolist()}
    table = parts["word/fontTable.xml"].decode("utf-8")
    rels = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    ]
    ids = {}
    for n, weight in enumerate((REGULAR, BOLD), 1):
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"lbc-font-{n}")).upper() + "}"
        parts[f"word/fonts/font{n}.odttf"] = obfuscate(subset(text, weight), key)
        rels.append(
            f'<Relationship Id="rIdLbcFont{n}" Type="{_FONT_REL}" Target="fonts/font{n}.odttf"/>'
        )
        ids[weight] = f'r:id="rIdLbcFont{n}" w:fontKey="{key}"'
    rels.append("</Relationships>")
    if "xmlns:r=" not in table.split(">", 2)[1]:
        table = re.sub(r"<w:fonts\b", f'<w:fonts xmlns:r="{_R}"', table, count=1)
    # Word lists a font once: these entries replace any python-docx or a template wrote.
    for name, (alt, family) in STANDARD_FACES.items():
        table = re.sub(rf'<w:font w:name="{name}">.*?</w:font>', "", table, flags=re.S)
        table = table.replace(
            "</w:fonts>",
            f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/>'
            f"<w:embedRegular {ids[BOLD if name in HEAVY else REGULAR]}/>"
            f"<w:embedBold {ids[BOLD]}/></w:font></w:fonts>",
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


def render_docx_template(
    template: Path, context: dict[str, Any], out: Path, inputs: list[Path]
) -> None:
    """docxtpl in Jinja's sandbox with undefined names as errors, autoescaped so a ``&`` or
    ``<`` in a value cannot break the Word XML."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, UndefinedError

    from lbc.documents.templating import bounded, environment

    try:
        doc = DocxTemplate(str(template))
        buffer = io.BytesIO()
        with bounded():
            doc.render(context, jinja_env=environment(autoescape=True))
        doc.save(buffer)
    except FileNotFoundError as exc:
        raise LbcError(t("err.missing", path=template)) from exc
    except (UndefinedError, TemplateError) as exc:
        line = getattr(exc, "lineno", None) or "-"
        raise LbcError(t("err.template", path=template, line=line, reason=str(exc))) from exc
    except OSError as exc:  # a folder named like a .docx, a file it may not read
        reason = os_reason(exc)
        raise LbcError(t("err.template", path=template, line="-", reason=reason)) from exc
    except Exception as exc:  # a broken file, or a template dividing by zero: its fault
        reason = f"{type(exc).__name__}: {exc}"
        raise LbcError(t("err.template", path=template, line="-", reason=reason)) from exc
    _write_with_fonts(buffer.getvalue(), out, inputs)


def _document_text(docx: bytes) -> str:
    """The text of the body, headers, footers and notes: every glyph the document shows."""
    text = []
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for name in z.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8", "replace")
                text += re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
    return html.unescape("".join(text))
