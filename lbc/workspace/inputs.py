"""Which files a command reads: a folder stands for every spreadsheet inside it, but for
what a school's workspace inside it keeps aside."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from lbc.errors import LbcError
from lbc.roster.reading import SUFFIXES


def spreadsheet_files(
    paths: Iterable[Path], left_out: list[Path] | None = None, copies: list[Path] | None = None
) -> list[Path]:
    """The files named, and every spreadsheet inside the folders named (sorted, nested
    folders too); Excel's ~$ lock files and hidden files are passed over.

    In a folder, a copy ``lbc validate --annotate`` wrote (its first sheet lbc's 问题清单)
    beside the roster it copies would count each of its children twice: it goes to
    ``copies``, for the command to say, unless nothing else in its folder is read (then it
    may be all the school sent).

    A school's workspace in a folder (an lbc.toml naming its rosters, at or below the
    folder) keeps to its own files: the rosters, the record sheets handed back and the
    pairs workbook its lbc.toml names, which is what the school's own commands read. Any
    other spreadsheet in it is not this term's roster: last term's in 上学期/, where lbc's
    own steps keep it, or what lbc wrote beside the roster (an annotated copy, a change
    log, an export, a follow-up list). Read, its children would be counted again. It
    goes to ``left_out``, for the command to say."""
    out: list[Path] = []
    kept: dict[Path, tuple[frozenset[Path], bool] | None] = {}
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = []
        for p in sorted(path.rglob("*")):
            if not (_spreadsheet_name(p.name) and p.is_file()):
                continue
            if _workspace_keeps(p, path, kept):
                found.append(p)
            elif left_out is not None:
                left_out.append(p)
        marked = [p for p in found if _annotated_copy(p)]
        beside = {p.parent for p in found if p not in marked}
        aside = [p for p in marked if p.parent in beside]
        out += [p for p in found if p not in aside]
        if copies is not None:
            copies += aside
    return list(dict.fromkeys(out))


def _spreadsheet_name(name: str) -> bool:
    """Whether a file of this name is a spreadsheet a folder's run reads: not Excel's ~$
    lock file, nor a hidden one."""
    return Path(name).suffix.lower() in SUFFIXES and not name.startswith(("~$", "."))


def holds_spreadsheets(folder: Path) -> bool:
    """Whether ``folder`` itself (not its subfolders) holds a spreadsheet a run over it
    reads: a school's folder holds its roster beside its lbc.toml, a county office's above
    the schools' folders holds none. Each folder scanned once while it stays unchanged."""
    try:
        return _holds_spreadsheets(folder.resolve(), folder.stat().st_mtime_ns)
    except OSError:
        return False


@functools.lru_cache(maxsize=64)
def _holds_spreadsheets(folder: Path, _changed: int) -> bool:
    with os.scandir(folder) as entries:
        return any(_spreadsheet_name(e.name) and e.is_file() for e in entries)


def _annotated_copy(path: Path) -> bool:
    """Whether a workbook is one ``lbc validate --annotate`` wrote: its first sheet is the
    问题清单 (Problems, in English) before the roster's own sheets."""
    from lbc.messages import both
    from lbc.roster.reading import sheet_names

    names = sheet_names(path)
    return len(names) > 1 and names[0] in both("annotate.sheet")


def _workspace_keeps(
    file: Path, root: Path, kept: dict[Path, tuple[frozenset[Path], bool] | None]
) -> bool:
    """Whether ``file``, found in the folder ``root``, is read: unless the nearest lbc.toml
    at or below ``root`` names rosters and ``file`` is not one of that workspace's files.
    Where none of the rosters it names exists, the files at its top level are read (the
    school keeps its children under another name), its subfolders' still kept aside.
    ``kept``: each workspace folder's files and whether its top level is read (None: no
    rule), worked out once."""
    from lbc.workspace.config import CONFIG_NAME, load_config

    root = root.resolve()
    here = file.resolve().parent
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            break
        if folder == root:
            return True
    else:
        return True
    if folder not in kept:
        try:
            cfg = load_config(folder / CONFIG_NAME)
        except LbcError:
            cfg = None
        if cfg is None or not cfg.rosters:
            kept[folder] = None
        else:
            kept[folder] = cfg.own_files(), not any(r.exists() for r in cfg.rosters)
    rule = kept[folder]
    return rule is None or file.resolve() in rule[0] or (rule[1] and folder == here)
