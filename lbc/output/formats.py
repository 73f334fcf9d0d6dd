"""Rows to text: JSON, CSV and terminal tables, shared by every command that reports rows.

JSON is one UTF-8 document with stable key order and no ASCII escaping; CSV has a header
row; tables are rich renderables the command prints. Nothing here prints.

CSV is what people open in Excel, which runs a cell beginning with = + - @ (or a tab or
carriage return before one) as a formula: a hostile roster cell such as
``=HYPERLINK(...)`` would run on the office's machine. So CSV cells that begin so, and are
not plain numbers, get a leading apostrophe (OWASP's neutralisation). JSON is the raw form:
a script that needs a cell exactly as typed reads ``--format json``.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lbc.errors import LbcError
from lbc.messages import as_list, printable, readable, t
from lbc.output.linebreak import widest_unit

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

FORMATS = ("table", "json", "csv")

# What a file's name says it holds: the one table every ``--out`` is read by, so a file
# named 总结.docx is a Word document and never Markdown under a Word name. A new kind of
# output is one entry here and its name in the command's list of formats it writes.
SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
}


def out_format(out: Path, writes: Sequence[str], fmt: str | None = None) -> str:
    """The format ``out`` is to hold, from its suffix: one of ``writes`` (the formats the
    command can write), or an error naming the suffixes it can. A ``--format`` given as
    well must say the same. Called before any input is read: a run that cannot write its
    file must not first spend minutes reading a county's rosters."""
    from lbc.output.files import refuse_input_as_output

    refuse_input_as_output(out, ())  # a folder: said as such, not as a missing suffix
    suffixes = [s for s, f in SUFFIXES.items() if f in writes]
    named = SUFFIXES.get(out.suffix.lower())
    if named not in writes:
        raise LbcError(t("err.out_suffix", path=out, suffixes=as_list(suffixes)))
    if fmt is not None and fmt != named:
        raise LbcError(t("err.format_not_suffix", fmt=fmt, path=out, suffix=out.suffix))
    return named


def to_json(document: object, plain: bool = False) -> str:
    """The document as JSON; file names that are not UTF-8 are shown readably (readable).

    The text is ``json.dumps(document, ensure_ascii=False, indent=2, default=str)``, character
    for character, but made faster: on Python before 3.13 ``indent`` sends json.dumps to its
    pure-Python encoder, which took seconds over a county's 100,000 pairs. So each container
    of plain values, and each list of such rows, is encoded by orjson (_orjson), else by the
    C encoder with the line breaks as its separators, and only the few containers above
    them are walked here; a document orjson writes whole (_orjson_writes) is written so.
    A document nested deeper than this walk's recursion allows, or holding itself, is left
    to json.dumps, which writes the deep one and says the other is circular, as it would.
    ``plain``: the command built the document of dicts and lists of text (a str, or a
    subclass such as messages.Said), integers, booleans and None alone, no float or tuple:
    one orjson writes whole, so it is not walked to find out (a county's 100,000 pairs: a
    tenth of a second of lbc pair)."""
    writes = plain or _orjson_writes(document)
    if writes and (text := _orjson(document, set(), "\n", True)) is not None:
        return text  # valid UTF-8 (orjson refuses a lone surrogate): nothing for readable
    try:
        return readable(_indented(document, "\n") + "\n")
    except RecursionError:
        return readable(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


_CONTAINERS = frozenset({dict, list, tuple})
# orjson refuses a document nested deeper than this.
_ORJSON_DEPTH = 255
_ORJSON_SAME = frozenset({str, int, bool, type(None)}) | _CONTAINERS


# Whether a container is a dict, asked of its type in C (map over a level's types).
_IS_DICT = functools.partial(operator.is_, dict)


def _dict_values(dicts: list[dict[Any, Any]]) -> Iterator[Any]:
    return itertools.chain.from_iterable(map(dict.values, dicts))


def _list_items(sequences: list[list[Any] | tuple[Any, ...]]) -> Iterator[Any]:
    return itertools.chain.from_iterable(sequences)


def _kinds(values: Iterable[Any]) -> set[type]:
    """The types of ``values``, a text of a subclass of str (messages.Said, a reason that can
    be said again in Chinese) counted as str: json.dumps and orjson write it as its text."""
    kinds = set(map(type, values))
    if not kinds <= _ORJSON_SAME | {float}:
        kinds = {str if issubclass(kind, str) else kind for kind in kinds}
    return kinds


def _orjson_writes(document: object) -> bool:
    """Whether ``document`` holds only what orjson writes as json.dumps does (_orjson):
    containers of strings, integers, booleans and null, no float. Read a level at a time,
    the values of its dicts in one C pass and the items of its lists and tuples in another,
    never a Python step per value: a county's 100,000 rows are one level, beside the list
    of its schools. A document deeper than orjson goes, or whose walk would go on from one
    container twice in a level (the sign of one that holds itself, whose levels would
    never end or would double each time), is not."""
    level = [document]
    for _ in range(_ORJSON_DEPTH + 1):
        if not level:
            return True
        types = list(map(type, level))
        if not set(types) <= _CONTAINERS:
            return False
        dicts = list(map(_IS_DICT, types))
        below: list[Any] = []
        for containers, values in (
            (list(itertools.compress(level, dicts)), _dict_values),
            (list(itertools.compress(level, map(operator.not_, dicts))), _list_items),
        ):
            kinds = _kinds(values(containers))
            if not kinds <= _ORJSON_SAME:
                return False
            if not kinds & _CONTAINERS:  # the walk ends here: how often each is, no matter
                continue
            if len(set(map(id, containers))) < len(containers):
                return False
            inside = map(_CONTAINERS.__contains__, map(type, values(containers)))
            below += itertools.compress(values(containers), inside)
        level = below
    return not level


def _orjson(
    value: list[Any] | dict[str, Any], kinds: set[type], newline: str, ended: bool = False
) -> str | None:
    """``value``, a container of plain values (``kinds``: their types) or of rows of them,
    as indented JSON by orjson: what json.dumps writes, character for character, in a
    fraction of its time (a county's 100,000 pairs: a third of a second less). None where
    the two would differ: a float (orjson writes 1e-05 as 0.00001), or what orjson refuses
    (a lone surrogate, an integer past 64 bits), which the standard encoder then writes.
    ``ended``: with a line break after it, added by orjson (a county's text is not copied
    again for it)."""
    if float in kinds or (data := _orjson_bytes(value, ended)) is None:
        return None
    text = data.decode()
    # Indented to where ``value`` starts; a value's own line breaks are written as \n,
    # so every line break here is the layout's.
    return text if newline == "\n" else text.replace("\n", newline)


def _orjson_bytes(value: list[Any] | dict[str, Any], ended: bool) -> bytes | None:
    """``value`` as indented JSON in UTF-8 by orjson (_orjson), None where it refuses it."""
    import orjson  # only where a command writes JSON

    try:
        option = orjson.OPT_INDENT_2 | (orjson.OPT_APPEND_NEWLINE if ended else 0)
        return orjson.dumps(value, option=option)
    except orjson.JSONEncodeError:
        return None


def json_bytes(document: object, plain: bool = False) -> bytes | None:
    """``to_json``'s text in UTF-8 where orjson writes the document whole (_orjson_writes,
    or ``plain`` as to_json takes it): its bytes as they come, not made text and encoded
    back (a county's pairs are 24 MB: a tenth of a second); None where it does not, and
    ``to_json`` writes it."""
    if not isinstance(document, dict | list) or not (plain or _orjson_writes(document)):
        return None
    return _orjson_bytes(document, True)


_INDENT = "  "
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _dumps(value: object, item_separator: str = ", ") -> str:
    return json.dumps(value, ensure_ascii=False, separators=(item_separator, ": "), default=str)


def _indented(value: object, newline: str) -> str:
    """``value`` as indented JSON whose lines start with ``newline`` (a line break and the
    indentation of the line ``value`` starts on)."""
    if not isinstance(value, dict | list | tuple):
        return _dumps(value)
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = newline + _INDENT
    items = value.values() if isinstance(value, dict) else value
    kinds = _kinds(items)
    # A subclass (an OrderedDict moved about, a list iterating its own way) is walked as
    # json.dumps walks it, through items() and iteration; orjson and the C encoder read
    # what it holds underneath, in the order it was put there.
    exact = value.__class__ in _CONTAINERS
    if exact and kinds <= _PLAIN:
        if (text := _orjson(value, kinds, newline)) is not None:
            return text
        text = _dumps(value, "," + inner)
        return text[0] + inner + text[1:-1] + newline + text[-1]
    if isinstance(value, dict):
        fields = (_dumps({k: 0})[1:-4] + ": " + _indented(v, inner) for k, v in value.items())
        return "{" + inner + ("," + inner).join(fields) + newline + "}"
    rows = exact and all(v.__class__ is dict and v for v in value)
    if rows and (
        (kinds := _kinds(itertools.chain.from_iterable(map(dict.values, value)))) <= _PLAIN
    ):
        if (text := _orjson(value, kinds, newline)) is not None:
            return text
        # Rows (a list of flat dicts): one C call, every separator a row's field separator;
        # those between two rows are the only ones between "}" and "{" (a field's key
        # follows any other, a string value ends in a quote), made the rows' own.
        deeper = inner + _INDENT
        text = _dumps(value, "," + deeper)[2:-2]
        text = text.replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        return "[" + inner + "{" + deeper + text + inner + "}" + newline + "]"
    return "[" + inner + ("," + inner).join(_indented(v, inner) for v in value) + newline + "]"


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# Digits Excel opens as a number it does not show as written: past 11 digits it shows them
# in scientific notation (saved again, 5.11321E+17) and keeps 15 (an ID number's last three
# are lost), and it drops a leading 0 (a landline written without its dash).
_LOST_AS_NUMBER = re.compile(r"\d{12,}|0\d+")


def neutralised(value: object) -> object:
    """A CSV cell Excel will not run: ``=SUM(1)`` becomes ``'=SUM(1)``; -5 stays -5. And
    one it will not turn into a number: an ID number's 18 digits (or 0817…) are written
    ``="511321201605011029"``, which Excel, WPS and LibreOffice show as that text."""
    if value.__class__ is not str:
        return value
    if value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    if _LOST_AS_NUMBER.fullmatch(value):
        return f'="{value}"'
    return value


BOM = "\ufeff"


def to_csv(
    rows: Iterable[dict[str, object]],
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    bom: bool = True,
) -> str:
    """``rows`` as CSV under ``headers`` (the column keys when None). Excel on Chinese
    Windows reads UTF-8 without a byte-order mark as GBK and shows mojibake, so CSV starts
    with one unless a script asks otherwise."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns if headers is None else headers)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else neutralised(row.get(k)) for k in columns])
    return (BOM if bom else "") + readable(buf.getvalue())


def rich_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], title: str | None = None
) -> RenderableType:
    """A plain-lined table; the title on its own line so a long Chinese heading never wraps
    into the table's width. rich is imported here, not at start-up: scripts asking for
    JSON or CSV never pay for it."""
    from rich.console import Group
    from rich.text import Text

    cells = [["" if v is None else printable(readable(str(v))) for v in row] for row in rows]
    table = _FittedTable(list(headers), cells)
    if title is None:
        return table
    return Group(Text(printable(title), style="bold"), table)


# A cell up to this many terminal cells is a value (an 18-digit ID number is 18, a child
# and class 17); a longer one is a sentence.
_VALUE_CELLS = 20
# A column of sentences narrower than this reads as a list of fragments.
_READABLE = 24


class _FittedTable:
    """A table that fits the terminal without cutting a value.

    Columns take their natural width when the terminal is wide enough. When it is not,
    columns of sentences give up width first (lbc.output.linebreak wraps Chinese between
    characters), then columns of values, down to their widest space-separated word, so
    罗*豪 三年级(2)班 may go onto two lines at the space but 511321********3376 and
    2015-09-12 stay whole. Nothing is ever cut off: on a terminal too narrow for every
    value a long one is folded onto the next line.

    Drawn line by line here, as rich's Table draws it (``by_rich``), character for
    character: rich measures and wraps every cell of a table, a minute over a county's
    100,000 children; here a cell that fits its column (nearly all) is only padded, and
    only one that does not is wrapped, by rich. A terminal too narrow for the columns'
    padding, or for a heading on one line, gets rich's Table itself.
    """

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        from rich.cells import cell_len

        self.headers, self.rows = headers, rows
        # Each column's texts, its heading first, and their widths: measured once.
        self.texts = [[header, *(row[n] for row in rows)] for n, header in enumerate(headers)]
        self.sizes = [list(map(cell_len, texts)) for texts in self.texts]

    def _natural(self, n: int) -> int:
        """The widest line of column ``n``."""
        from rich.cells import cell_len

        return max(
            max(cell_len(line) for line in text.splitlines() or [""])
            if _LINE_BREAK.search(text)
            else size
            for text, size in zip(self.texts[n], self.sizes[n], strict=True)
        )

    def _low(self, n: int, prose: bool) -> int:
        """The narrowest column ``n`` is before a value in it must be folded: its widest
        word (of values) or unit (of sentences, lbc.output.linebreak), measured only in a
        text that could hold one wider than the widest so far (a part of a text is no
        wider than the whole, but where a joiner makes the whole narrower)."""
        from rich.cells import cell_len

        widest: int | None = 8 if prose else None
        for text, size in zip(self.texts[n], self.sizes[n], strict=True):
            if widest is not None and size <= widest and not _NOT_PLAIN.search(text):
                continue
            parts = [widest_unit(text)] if prose else list(map(cell_len, text.split()))
            widest = max(parts if widest is None else [widest, *parts], default=None)
        return 1 if widest is None else widest

    def widths(self, max_width: int) -> tuple[list[int], list[bool]]:
        """Each column's width in ``max_width`` cells, and whether it holds sentences."""
        count = len(self.headers)
        prose = [any(size > _VALUE_CELLS for size in self.sizes[n][1:]) for n in range(count)]
        widths = [self._natural(n) for n in range(count)]
        lows: dict[int, int] = {}  # measured only when a column is to give up width
        room = max_width - 3 * count - 1  # padding and edges of SIMPLE_HEAD
        # Sentences give up width first, down to a readable width; then values, down to
        # their widest word; then sentences, down to their widest unit. Only a terminal
        # too narrow even for that folds a long word in a sentence, and last a value:
        # folded onto the next line, never cut off.
        phases = ((True, _READABLE), (False, 0), (True, 0), (True, -1), (False, -1))
        for sentences, floor in phases:
            while sum(widths) > room:
                for n in range(count):
                    if prose[n] is sentences and n not in lows:
                        lows[n] = self._low(n, sentences)
                narrowable = [  # the widest column gives up a cell first
                    (widths[n], n)
                    for n in range(count)
                    if prose[n] is sentences and widths[n] > _floor(lows[n], floor)
                ]
                if not narrowable:
                    break
                widths[max(narrowable)[1]] -= 1
        return widths, prose

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.cells import cell_len

        widths, prose = self.widths(options.max_width)
        if sum(widths) + 3 * len(widths) + 1 > options.max_width or any(
            "\n" in h or "\t" in h or cell_len(h) > w
            for h, w in zip(self.headers, widths, strict=True)
        ):
            yield self.by_rich(widths, prose)
        else:
            yield from self._drawn(console, options, widths, prose)

    def by_rich(self, widths: list[int], prose: list[bool]) -> Any:
        """The table as rich's Table, its columns ``widths`` cells wide."""
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(box=box.SIMPLE_HEAD, expand=False)
        for header, width in zip(self.headers, widths, strict=True):
            table.add_column(Text(header), width=width, overflow="fold")
        for row in self.rows:  # cell text is shown as typed, never read as rich markup
            table.add_row(
                *(
                    Text(cell if sentences else _at_spaces(cell, width))
                    for cell, width, sentences in zip(row, widths, prose, strict=True)
                )
            )
        return table

    def _drawn(
        self, console: Any, options: Any, widths: list[int], prose: list[bool]
    ) -> Iterator[Any]:
        """The lines rich's Table draws (``by_rich``), where it keeps ``widths``: padded by
        one cell each side, headings bold, every row's cells top-aligned."""
        from rich import box
        from rich.cells import cell_len
        from rich.segment import Segment

        frame = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        padded = [width + 2 for width in widths]
        yield Segment(frame.get_top(padded) + "\n")
        bold = console.get_style("table.header")
        yield Segment(frame.head_left)
        for n, (header, width) in enumerate(zip(self.headers, widths, strict=True)):
            if n:
                yield Segment(frame.head_vertical)
            yield Segment(" ", bold)
            yield Segment(header + " " * (width - cell_len(header)), bold)
            yield Segment(" ", bold)
        yield Segment(frame.head_right + "\n")
        yield Segment(frame.get_row(padded, "head", edge=True) + "\n")
        blank = [" " * width for width in padded]
        cell_options = options.update(
            justify="left", no_wrap=False, overflow="fold", height=None, highlight=False
        )
        last = len(self.rows) - 1
        for k, row in enumerate(self.rows):
            if k == last:
                left, divider, right = frame.foot_left, frame.foot_vertical, frame.foot_right
            else:
                left, divider, right = frame.mid_left, frame.mid_vertical, frame.mid_right
            cells: list[list[Any]] = []
            plain = True  # every cell one line, a string measured as rich measures it
            for n, (cell, width, sentences) in enumerate(zip(row, widths, prose, strict=True)):
                text = cell if sentences else _at_spaces(cell, width)
                size = self.sizes[n][k + 1] if text is cell else cell_len(text)
                if size <= width and _NOT_PLAIN.search(text) is None:
                    cells.append([f" {text}{' ' * (width - size)} "])
                else:
                    cells.append(_by_rich(console, cell_options, text, width))
                    plain = False
            if plain:
                yield Segment(left + divider.join([c[0] for c in cells]) + right + "\n")
                continue
            for i in range(max(map(len, cells))):
                yield Segment(left)
                for n, (c, b) in enumerate(zip(cells, blank, strict=True)):
                    if n:
                        yield Segment(divider)
                    line = c[i] if i < len(c) else b
                    if isinstance(line, str):
                        yield Segment(line)
                    else:
                        yield from line
                yield Segment(right + "\n")
        yield Segment(frame.get_bottom(padded) + "\n")


# What str.splitlines breaks a line at.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
# What a cell that fits its column is drawn by rich for: more than a line (a line
# separator pasted from a web page is a break to rich too), or characters whose width rich
# does not count one by one (a zero-width joiner or an emoji's variation selector changes
# the width of the characters about it).
_NOT_PLAIN = re.compile(f"[{_LINE_BREAKS}\t\u200d\ufe0f]")


def _by_rich(console: Any, options: Any, text: str, width: int) -> list[list[Any]]:
    """The lines of a cell ``width`` cells wide as rich's Table draws them: wrapped (a
    Chinese sentence between characters, lbc.output.linebreak), padded a cell each side."""
    from rich.padding import Padding
    from rich.segment import Segment
    from rich.text import Text

    lines = console.render_lines(Padding(Text(text), (0, 1)), options.update_width(width + 2))
    return Segment.set_shape(lines, width + 2)


def _floor(low: int, floor: int) -> int:
    """How narrow a phase may make a column whose widest unbreakable part is ``low``:
    ``floor`` cells, ``low`` itself when ``floor`` is 0, and 4 when it is -1 (anything
    narrower is no column at all)."""
    return 4 if floor < 0 else max(low, floor)


def _at_spaces(value: str, width: int) -> str:
    """A value broken onto lines at its spaces only, each line at most ``width`` cells."""
    from rich.cells import cell_len

    words = value.split()
    if len(words) == 1 and words[0] == value:  # nearly every value: no space in it
        return value
    lines: list[str] = []
    for word in words:
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)
