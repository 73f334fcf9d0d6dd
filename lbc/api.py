"""lbc from Python: a roster's canonical tables as pandas DataFrames, and its findings.

    import lbc
    roster = lbc.read(["schools/"])      # workbooks, CSV, Parquet, folders of them
    roster.children                       # one row per child, one column per canonical key
    roster.notes                          # what the read left out or pooled, as lbc validate says
    findings = lbc.validate(roster)       # what `lbc validate --format json` lists

Each table's columns are its school, the file, sheet and Excel row the row came from
(``source_file``, ``source_sheet``, ``source_row``), then every canonical key of its kind
(lbc.reports.export), values as text as a person reads them. pandas and pyarrow are
imported here only, never by the commands that do not need them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster.canonical import Roster as Tables
from lbc.roster.fields import Kind

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class Roster:
    """What :func:`read` found: ``children``, ``teachers`` and ``records`` as DataFrames;
    ``failed``, the files of a folder that could not be read, each with why (the others
    were read, as ``lbc validate`` reads them); ``notes``, the notes ``lbc validate``
    prints on stderr for the same read, in its order and in the language lbc.messages is
    set to: last term's files and a workspace's other files left out, copies of a school's
    folder counted as that one school, files not read, sheets skipped, columns not known.
    Check both before counting a county."""

    tables: Tables = field(repr=False)
    children: pd.DataFrame
    teachers: pd.DataFrame
    records: pd.DataFrame
    failed: list[tuple[str, str]]
    notes: list[str]


def read(paths: str | Path | Iterable[str | Path], config: str | Path | None = None) -> Roster:
    """Read roster files (or folders of them) as ``lbc validate`` reads them.

    ``config`` is an lbc.toml, taken as a command's ``--config`` takes it: its column
    synonyms apply, its pairs workbook goes with its own roster (``support_teacher`` is
    then the pairs in force, as in ``lbc export``), and with no paths its [files] are
    read; without it, none is looked for. A folder stands for the files a command reads
    of it: last term's in 上学期/, and what a school's workspace keeps aside, are left out,
    and ``notes`` says so as the command does. Raises
    :class:`lbc.errors.LbcError`, with the sentence the command would print, when the
    files cannot be read or hold no children, or a folder holds none a command reads.
    """
    from lbc.reports.export import kind_table
    from lbc.workspace.config import Config, resolve_inputs
    from lbc.workspace.inputs import nothing_to_read
    from lbc.workspace.notes import files_left_out, spreadsheets, what_was_read
    from lbc.workspace.schools import read_roster

    named = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if config is None:
        if not named:  # read_roster would say no roster was found in "" (no file at all)
            raise LbcError(t("err.api_no_input"))
        cfg = Config()
    else:
        named, cfg = resolve_inputs(named, Path(config))
    runs: dict[str, Path] = {}
    found, notes = spreadsheets(named, runs)
    files = list(dict.fromkeys(found))
    if not files:  # read_roster would say no roster was found in "" (no file at all)
        raise nothing_to_read(named)
    tables = read_roster(files, cfg.synonyms, carry_on=len(files) > 1, runs=runs)
    notes += files_left_out(tables)
    notes += what_was_read(files, cfg, tables, checked=True)  # as lbc validate reads
    frames = {kind: kind_table(tables, kind).to_pandas() for kind in Kind}
    return Roster(
        tables,
        frames[Kind.CHILDREN],
        frames[Kind.TEACHERS],
        frames[Kind.RECORDS],
        list(tables.failed),
        notes,
    )


def validate(roster: Roster, show_pii: bool = False) -> pd.DataFrame:
    """Every finding, one row each, as ``lbc validate --format json`` lists them: ID numbers
    and phones masked unless ``show_pii``; ``row`` a nullable whole number."""
    import pandas as pd

    from lbc.checks.engine import check_roster
    from lbc.checks.findings import FINDING_COLUMNS, reported
    from lbc.output.privacy import Privacy

    privacy = Privacy(show_pii)
    found = [f.as_dict(privacy) for f in reported(check_roster(roster.tables))]
    frame = pd.DataFrame(found, columns=list(FINDING_COLUMNS))
    return frame.astype({"row": "Int64"})
