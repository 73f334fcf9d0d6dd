"""County rosters: many schools' workbooks as one, each row tagged with its school.

Every school's file is read on its own (in parallel, one process per CPU, since reading is
mostly Python), its rows written in one canonical column layout with the school, source
file and Excel row in front, so the county office can always go back to the school's own
row. A child whose ID number appears in more than one school is a finding: a child counted
twice, or one record wrong.

A row's school is the file's ``lbc.toml`` ([school] name, found like any workspace), else
the title above its roster (青山镇中心小学留守儿童花名册 → 青山镇中心小学), else the file name.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lbc import normalise as nz
from lbc.config import find_config, load_config
from lbc.errors import LbcError
from lbc.fields import CATEGORY_COLUMNS, FIELDS, Kind
from lbc.findings import Finding
from lbc.messages import t
from lbc.reading import SPREADSHEET_SUFFIXES
from lbc.roster import Roster, Table, load_roster

# What merge writes: each sheet's dictionary fields, less 学校 (it leads every row) and the
# separate 是/否 category columns (folded into 类别 on reading).
LAYOUT = {
    kind: [f for f in FIELDS[kind] if f.key != "school" and f.key not in CATEGORY_COLUMNS]
    for kind in Kind
}
LEAD = ("学校", "来源文件", "来源工作表", "来源行")
SHEET_TITLES = {
    Kind.CHILDREN: "留守儿童花名册",
    Kind.TEACHERS: "教师名单",
    Kind.RECORDS: "帮扶记录",
}
_TITLE_CUT = re.compile(r"(?:\d{4}|二[〇零○]).*$|(?:农村)?留守儿童.*$|花名册.*$|名册.*$")


@dataclass
class SchoolPart:
    """One file read, checked and rendered in a worker: what the parent needs is small
    (counts, IDs, findings) or ready to write (each sheet's rows as XML)."""

    file: str
    school: str = ""
    counts: dict[Kind, int] = field(default_factory=dict)
    xml: dict[Kind, bytes] = field(default_factory=dict)
    ids: list[tuple[str, str, int]] = field(default_factory=list)  # (ID, sheet, row)
    findings: list[Finding] = field(default_factory=list)
    error: str = ""

    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


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
                and p.suffix.lower() in (*SPREADSHEET_SUFFIXES, ".csv")
                and not p.name.startswith(("~$", "."))
            )
            out += found
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def school_of(path: Path, roster: Roster) -> str:
    """The school a file belongs to: its lbc.toml, its roster's title, or its name."""
    return declared_school(path, roster) or path.stem


def declared_school(path: Path, roster: Roster) -> str:
    """The school a file says it belongs to (its lbc.toml, its roster's title), else ""."""
    config = find_config(path.resolve().parent)
    if config is not None:
        try:
            name = load_config(config).school
        except LbcError:
            name = ""
        if name:
            return name
    for table in roster.children:
        if table.file != str(path):
            continue
        name = _TITLE_CUT.sub("", table.title).strip(" ：:-—·")
        if name:
            return name
    return ""


def _cell(value: Any) -> Any:
    """A normalised value as the merged workbook holds it: text, or a whole number."""
    if value is None or (isinstance(value, (int, str)) and not isinstance(value, bool)):
        return value
    if isinstance(value, nz.NumericId):  # a number cell it stays: validate says ID004 again
        return float(value.digits)
    return nz.display(value)


def _rows(table: Table, school: str, kind: Kind) -> list[list[Any]]:
    n = len(table)
    columns = [table.values.get(f.key) or [None] * n for f in LAYOUT[kind]]
    lead = [(school, table.file, table.sheet, row) for row in table.rows]
    return [[*head, *map(_cell, values)] for head, *values in zip(lead, *columns, strict=True)]


def read_part(path: Path, synonyms: dict[str, list[str]] | None = None) -> SchoolPart:
    """One school's file: read, checked as ``lbc validate`` checks it, its rows rendered for
    the merged workbook. Runs in a worker process; everything returned is plain data."""
    from lbc.checks import check_roster
    from lbc.xlsx_writer import rows_xml

    part = SchoolPart(str(path))
    try:
        roster = load_roster([path], synonyms)
    except LbcError as exc:
        part.error = str(exc)
        return part
    part.school = school_of(path, roster)
    part.findings = check_roster(roster)
    for kind, tables in (
        (Kind.CHILDREN, roster.children),
        (Kind.TEACHERS, roster.teachers),
        (Kind.RECORDS, roster.records),
    ):
        rows: list[list[Any]] = []
        for table in tables:
            own = table.values.get("school") or [None] * len(table)
            if any(own):  # already a merged roster: each row keeps its own school
                for k, row in enumerate(_rows(table, part.school, kind)):
                    row[0] = own[k] or part.school
                    rows.append(row)
            else:
                rows += _rows(table, part.school, kind)
        part.counts[kind] = len(rows)
        part.xml[kind] = rows_xml(rows)
    for table in roster.children:
        ids = table.values.get("id_number") or []
        part.ids += [
            (v, table.sheet, table.rows[i]) for i, v in enumerate(ids) if isinstance(v, str)
        ]
    return part


def read_parts(
    files: list[Path],
    synonyms: dict[str, list[str]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[SchoolPart]:
    """Every file's part, in the order given, each as soon as it and those before it are
    done; several files at once when there are several CPUs."""
    workers = min(os.cpu_count() or 1, len(files))
    if workers <= 1:
        for path in files:
            yield read_part(path, synonyms)
            if progress:
                progress(1)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),)
    ) as pool:
        futures = [pool.submit(read_part, path, synonyms) for path in files]
        for future in futures:
            yield future.result()
            if progress:
                progress(1)


def _end_with_parent(parent: int) -> None:
    """Each worker leaves once its parent is gone (killed mid-merge), instead of waiting
    for ever on a queue nobody writes and holding the caller's pipes open. (Windows does
    not re-parent, so there the watch never fires; nothing there signals the parent.)"""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


@dataclass
class Duplicate:
    id_number: str
    places: list[tuple[str, str, str, int]]  # (school, file, sheet, row)


def duplicates_across_schools(parts: list[SchoolPart]) -> list[Duplicate]:
    """ID numbers that appear in more than one school."""
    seen: dict[str, list[tuple[str, str, str, int]]] = {}
    for part in parts:
        for ident, sheet, row in part.ids:
            seen.setdefault(ident, []).append((part.school, part.file, sheet, row))
    return [
        Duplicate(ident, places)
        for ident, places in seen.items()
        if len({school for school, *_ in places}) > 1
    ]


def merged_sheets(
    parts: Iterable[SchoolPart], seen: list[SchoolPart]
) -> Iterator[tuple[str, list[str], Iterable[bytes]]]:
    """The merged workbook's sheets. The children's rows are written while later schools
    are still being read (each school's block dropped once written); teachers and records,
    far fewer, follow from ``seen``, which ends up holding every part read."""

    def children() -> Iterator[bytes]:
        for part in parts:
            seen.append(part)
            yield part.xml.pop(Kind.CHILDREN, b"")

    yield SHEET_TITLES[Kind.CHILDREN], _header(Kind.CHILDREN), children()
    if not any(not part.error for part in seen):
        raise LbcError(t("err.merge_nothing_read", count=len(seen)))
    for kind in (Kind.TEACHERS, Kind.RECORDS):
        if any(part.counts.get(kind) for part in seen):
            blocks = (part.xml.get(kind, b"") for part in seen)
            yield SHEET_TITLES[kind], _header(kind), blocks


def _header(kind: Kind) -> list[str]:
    return [*LEAD, *(f.label for f in LAYOUT[kind])]


@dataclass
class Schools:
    """Which school each row belongs to: its 学校 cell (a merged roster), else its file's
    school (lbc.toml, title or name); for reports per school of a folder or county roster."""

    by_row: dict[tuple[str, str, int], str]
    by_file: dict[str, str]

    @property
    def several(self) -> bool:
        return len(set(self.by_row.values()) | set(self.by_file.values())) > 1

    def at(self, file: str, sheet: str | None, row: int | None) -> str:
        """The school of an Excel row (a finding's file, sheet and row)."""
        return self.by_row.get((file, sheet or "", row or 0)) or self.by_file.get(file, file)

    def of(self, table: Table, i: int) -> str:
        return self.at(table.file, table.sheet, table.rows[i])


def schools_of(roster: Roster) -> Schools:
    by_file: dict[str, str] = {}
    for name in roster.files:
        own = Roster([name], [tb for tb in roster.children if tb.file == name], [], [], [])
        by_file[name] = school_of(Path(name), own)
    by_row: dict[tuple[str, str, int], str] = {}
    for table in roster.tables():
        schools = table.values.get("school")
        if schools is not None:
            for row, school in zip(table.rows, schools, strict=True):
                if school:
                    by_row[(table.file, table.sheet, row)] = school
    return Schools(by_row, by_file)


def per_school(roster: Roster, findings: list[Any]) -> list[dict[str, Any]] | None:
    """Children, errors and warnings per school; None when everything is one school."""
    schools = schools_of(roster)
    counts: dict[str, dict[str, int]] = {}
    for table in roster.children:
        for i in range(len(table)):
            counts.setdefault(schools.of(table, i), _zero())["children"] += 1
    for f in findings:
        entry = counts.setdefault(schools.at(f.file, f.sheet, f.row), _zero())
        entry["errors" if f.severity == "error" else "warnings"] += 1
    if len(counts) < 2:
        return None
    return [{"school": name, **numbers} for name, numbers in counts.items()]


def _zero() -> dict[str, int]:
    return {"children": 0, "errors": 0, "warnings": 0}
