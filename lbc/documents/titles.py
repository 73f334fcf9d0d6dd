"""Where a long document title breaks: between phrases, in as few balanced lines as fit.

A title left to the renderer breaks wherever the line is full, inside a word as often as
not (…第一学期留 / 守儿童…), or leaves one character alone on the second line. GB/T 9704
asks for a title broken where the meaning allows and set in lines of like length. Chinese
has no spaces to show where a phrase ends, so the breaks a work summary's title allows are
named here: after a school (小学, 中学 …), after a term (2024—2025学年第一学期, kept whole),
after the topic's words (儿童, 关爱, 工作) and after closing punctuation.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from lbc.roster.term_names import TERM_WRITTEN_OUT

# A line of the title: 二号 (22 pt) characters in the Word summary's 156 mm text width. The
# HTML summary breaks its title at the same place, so both read alike.
PER_LINE = 20

# Runs never broken inside: a term written out, and any run of Latin letters and digits.
_UNIT = re.compile(rf"{TERM_WRITTEN_OUT}|[\x21-\x7e]+")
# What ends a phrase in a work summary's title.
_PHRASE_END = re.compile(
    r"小学校|中学校|小学|中学|学校|完小|中心校|教学点|幼儿园|学年度|学年|学期|年度|儿童|关爱|工作|情况"
    r"|[）)》」：，、]"
)


def width(text: str) -> float:
    """The width of ``text`` in full-width characters: Latin letters and digits are half."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _breaks(title: str) -> list[int]:
    """Positions a line may end at: after a phrase or a term, never inside a run."""
    inside = {i for m in _UNIT.finditer(title) for i in range(m.start() + 1, m.end())}
    ends = {m.end() for m in _PHRASE_END.finditer(title)}
    ends |= {m.end() for m in _UNIT.finditer(title) if not m.group().isascii()}
    return sorted(i for i in ends - inside if 0 < i < len(title))


# More lines than this is no title; such a text is left to the renderer.
MOST_LINES = 4


def title_lines(title: str, per_line: float = PER_LINE) -> list[str]:
    """The title in one line if it fits in ``per_line`` full-width characters, else in as
    few lines as fit (two for a school's usual name; three for a long one, which the
    renderer would otherwise cut inside a word, 附属村 / 小教学点), broken between phrases,
    the longest line as short as the phrases allow. A title with no breaks that fit is left
    whole, for the renderer to wrap."""
    if width(title) <= per_line:
        return [title]
    breaks = _breaks(title)
    for count in range(2, MOST_LINES + 1):
        splits = [
            [title[i:j] for i, j in itertools.pairwise((0, *cut, len(title)))]
            for cut in itertools.combinations(breaks, count - 1)
        ]
        fitting = [lines for lines in splits if max(map(width, lines)) <= per_line]
        if fitting:
            return min(fitting, key=lambda lines: (max(map(width, lines)), -min(map(width, lines))))
    return [title]
