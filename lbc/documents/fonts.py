"""A Chinese font carried inside every HTML and Word summary lbc writes.

A county office may open the summary on a machine with no Chinese fonts (a fresh Linux box,
a converter on a server); without one, every character is a missing-glyph box. lbc installs
Noto Sans SC (SIL Open Font License, packaged by justmytype-intl-cjk as one variable
TrueType font) and embeds a subset holding only the characters the document uses: a few
hundred glyphs, tens of kilobytes, instead of 17 MB.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources

NOTO_SANS_SC = "fonts/ofl/notosanssc/NotoSansSC[wght].ttf"
REGULAR, BOLD = 400, 700
# The name lbc's cut of Noto Sans SC goes by in every document: its own, never that of
# a face it is not (a Word summary names 仿宋, 黑体 … and carries this one besides).
FALLBACK = "LBC Noto Sans SC"


def font_file() -> str:
    return str(resources.files("justmytype_intl_cjk") / NOTO_SANS_SC)


@lru_cache(maxsize=4)
def _variable_subset(text: str) -> bytes:
    """The variable font cut down to the glyphs of ``text`` (the slow step, done once)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    font = TTFont(font_file())
    options = ft_subset.Options()
    options.notdef_outline = True
    options.hinting = False  # screen hints for a few hundred glyphs: size, not looks
    options.name_IDs = ["*"]
    subsetter = ft_subset.Subsetter(options)
    # ASCII and common punctuation always, so a school's edits in Word still render.
    ascii_text = "".join(chr(c) for c in range(0x20, 0x7F))
    subsetter.populate(text=text + ascii_text + "，。、；：？！“”‘’（）《》—…·％．")
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=4)
def _static(text: str, weight: int) -> bytes:
    """The subset cut at one weight (a second step as slow as the first, done once per
    weight however many names the document embeds it under)."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(io.BytesIO(_variable_subset(text)))
    static = instancer.instantiateVariableFont(font, {"wght": weight})
    out = io.BytesIO()
    static.save(out)
    return out.getvalue()


def subset(text: str, weight: int = REGULAR) -> bytes:
    """A static TrueType font of ``weight`` with the glyphs of ``text``, named FALLBACK,
    its style Bold or Regular.

    It carries its own name, never that of a face it only stands in for: a reader finds it
    by the characters it holds where the named face (仿宋, 黑体 …) is not installed, and a
    name that lied would hide the real face where it is.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(_static(text, weight)))
    _rename(font, FALLBACK, "Bold" if weight >= BOLD else "Regular")
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(font, family: str, style: str) -> None:
    """Set the family and full names every reader looks at (name IDs 1, 2, 4, 6, 16, 17)."""
    name = font["name"]
    postscript = f"{family.replace(' ', '')}-{style}"  # ASCII, one for each weight
    for record in list(name.names):
        if record.nameID in (16, 17, 21, 22, 25):
            name.removeNames(nameID=record.nameID)
    for platform, encoding, lang in ((3, 1, 0x409), (3, 1, 0x804), (1, 0, 0)):
        name.setName(family, 1, platform, encoding, lang)
        name.setName(style, 2, platform, encoding, lang)
        name.setName(f"{family} {style}", 4, platform, encoding, lang)
    name.setName(postscript, 6, 3, 1, 0x409)
    # A weight the OS/2 table states, so Word does not embolden a bold face twice.
    font["OS/2"].usWeightClass = BOLD if style == "Bold" else REGULAR
    font["OS/2"].fsType = 0  # installable embedding: the OFL allows it
