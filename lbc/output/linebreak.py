"""Where a line of mixed Chinese and English may break on a terminal, for rich.

rich breaks lines only at spaces, so a Chinese sentence is one "word" to it: in a narrow
table column or help panel it is cut with "…" or chopped anywhere, and a value beside it
(an ID, a date, a phone) is squeezed and folded mid-number. Chinese is written without
spaces and may break between any two characters, except that a closing mark (，。）”) never
starts a line and an opening mark (（“) never ends one. ``use_chinese_line_breaks`` teaches
rich that rule once, for every table and help screen lbc prints; a run of Latin letters,
digits and signs (an ID number, 2015-09-12, 166***1220, --max-per-teacher) stays one
unbreakable word, folded only when it is wider than the whole column.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

_CJK = "\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff"
_CLOSING = "，。、；：！？）》」』】〕〉”’％…—·\uff09\uff3d\uff5d"
_OPENING = "（《「『【〔〈“‘\uff08\uff3b\uff5b"
_ANY_MARK = _CLOSING + _OPENING


@functools.cache
def _unit() -> re.Pattern[str]:
    """One unit a line may not break inside, with the spaces after it: opening marks, then a
    Chinese character or a run of anything else but spaces, Chinese and marks, then closing
    marks. Marks alone (two in a row, a mark between spaces) make a unit of their own.
    Compiled on the first text wrapped: its classes of every Chinese character take Python's
    compiler a character at a time, the costliest pattern of a start-up, and a run that
    prints no table (``lbc validate FILE --format json`` in a county's loop) wraps none."""
    return re.compile(
        f"[{_OPENING}]*(?:[{_CJK}]|[^\\s{_CJK}{_ANY_MARK}]+)[{_CLOSING}]*\\s*|[{_ANY_MARK}]+\\s*|\\s+"
    )


def units(text: str) -> Iterator[tuple[int, int, str]]:
    """Each unbreakable unit of ``text`` with the spaces after it, as rich's ``words``
    yields them: (start, end, unit)."""
    for match in _unit().finditer(text):
        yield match.start(), match.end(), match[0]


def widest_unit(text: str) -> int:
    """The terminal cells of the widest unit: the narrowest a column can be before a
    value in it must be folded."""
    from rich.cells import cell_len

    return max((cell_len(u.rstrip()) for _, _, u in units(text)), default=0)


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """rich's ``divide_line`` over Chinese-aware units: the offsets to break ``text`` at so
    that each line fits ``width`` cells."""
    from rich._loop import loop_last
    from rich.cells import cell_len, chop_cells

    breaks: list[int] = []
    offset = 0
    for start, _end, unit in units(text):
        length = cell_len(unit.rstrip())
        if width - offset >= length:
            offset += cell_len(unit)
        elif length > width:  # wider than a whole line: fold it, or crop
            if not fold:
                if start:
                    breaks.append(start)
                offset = cell_len(unit)
                continue
            for last, piece in loop_last(chop_cells(unit, width)):
                if start:
                    breaks.append(start)
                if last:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(unit)
    return breaks


def _measure(self: Any, console: Any, options: Any) -> Any:
    """rich's Text measure, with the narrowest width its widest unbreakable unit."""
    from rich.cells import cell_len
    from rich.measure import Measurement

    lines = self.plain.splitlines()
    widest = max((cell_len(line) for line in lines), default=0)
    return Measurement(widest_unit(self.plain) if lines else 0, widest)


def use_chinese_line_breaks() -> None:
    """Make rich wrap text at Chinese break points (see the module's docstring) and measure
    a text's narrowest width as its widest unbreakable unit. Called before anything is
    rendered; calling it again changes nothing."""
    import rich.text

    rich.text.divide_line = divide_line
    rich.text.Text.__rich_measure__ = _measure
