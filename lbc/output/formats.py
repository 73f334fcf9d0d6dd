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
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lbc.errors import LbcError
from lbc.messages import readable, t

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
        raise LbcError(t("err.out_suffix", path=out, suffixes=t("list.sep").join(suffixes)))
    if fmt is not None and fmt != named:
        raise LbcError(t("err.format_not_suffix", fmt=fmt, path=out, suffix=out.suffix))
    return named


def to_json(document: object) -> str:
    """The document as JSON; file names that are not UTF-8 are shown readably (readable)."""
    return readable(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def neutralised(value: object) -> object:
    """A CSV cell Excel will not run: ``=SUM(1)`` becomes ``'=SUM(1)``; -5 stays -5."""
    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
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
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str | None = None,
    main: int | None = None,
) -> RenderableType:
    """A plain-lined table; the title on its own line so a long Chinese heading never wraps
    into the table's width. rich is imported here, not at start-up: scripts asking for
    JSON or CSV never pay for it."""
    from rich import box
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    table = RichTable(box=box.SIMPLE_HEAD, expand=False)
    for n, header in enumerate(headers):
        # The main column (the problem, in words) keeps a readable width on an 80-column
        # terminal; the others fold first.
        table.add_column(header, overflow="fold", min_width=24 if n == main else None)
    for row in rows:  # cell text is shown as typed, never read as rich markup
        table.add_row(*(Text("" if v is None else readable(str(v))) for v in row))
    if title is None:
        return table
    return Group(Text(title, style="bold"), table)
