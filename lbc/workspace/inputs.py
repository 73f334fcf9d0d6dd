"""Which files a command reads: a folder stands for every spreadsheet inside it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lbc.roster.reading import SUFFIXES


def spreadsheet_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every spreadsheet inside the folders named (sorted, nested
    folders too); Excel's ~$ lock files and hidden files are passed over."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not p.name.startswith(("~$", "."))
            )
            out += found
        else:
            out.append(path)
    return list(dict.fromkeys(out))
