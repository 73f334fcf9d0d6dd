"""``lbc merge FILE|DIR ... --out county.xlsx``: many schools' rosters as one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from lbc.checks.engine import across_schools
from lbc.checks.registry import R
from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import as_groups, as_list, h, metavar, t
from lbc.output.files import refuse_input_as_output, write_atomic
from lbc.output.formats import out_format, rich_table
from lbc.output.privacy import Privacy
from lbc.output.xlsx_stream import MAX_DATA_ROWS, write_xlsx
from lbc.reports.county import (
    SHEET_TITLES,
    TALLIED,
    Duplicate,
    SchoolPart,
    Unsettled,
    by_school,
    children_merged,
    duplicates_across_files,
    generic,
    listed_again,
    merged,
    merged_batches,
    merged_sheets,
    on_books,
    pairs_alone,
    parts_apart,
    pooled,
    read_parts,
    school_quotas,
    school_terms,
    school_watch,
)
from lbc.roster.fields import Kind
from lbc.roster.merged_books import (
    COLUMNS_SHEET,
    SCHOOL_QUOTAS_SHEET,
    SCHOOL_TERMS_SHEET,
    SCHOOL_WATCH_SHEET,
    SETTINGS_SHEETS,
)
from lbc.workspace.config import resolve_inputs
from lbc.workspace.inputs import nothing_to_read, written_names
from lbc.workspace.notes import (
    copied_folders_notes,
    generic_pooled_notes,
    namesakes_note,
    pairs_used,
    parts_apart_notes,
    pooled_notes,
    skipped_note,
    titled_as_note,
    two_workspaces_notes,
    unlike_title_note,
)

WRITES = ("xlsx", "parquet")  # the formats --out can name: a workbook, or for analysts
CSV_COLUMNS = ("school", "files", *TALLIED, "error")


@common.handle_errors
def merge(
    files: Annotated[
        list[Path],
        typer.Argument(help=h("merge_files"), metavar=metavar("files"), show_default=False),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help=h("merge_out"), metavar="COUNTY.xlsx")],
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    show_pii: common.ShowPiiOpt = False,
    strict: Annotated[bool, typer.Option("--strict", help=h("strict"))] = False,
) -> None:
    """把多所学校的花名册合并为一个县级名册。"""
    common.check_format(fmt)
    parquet = out_format(out, WRITES) == "parquet"
    for path in files:
        if not path.exists():
            raise LbcError(t("err.missing", path=path))
    # The workspace's roster named brings its pairs workbook along, as in every command.
    given, cfg = resolve_inputs(files, config)
    runs: dict[str, Path] = {}  # the folder each file was found in, its school named by
    paths = common.spreadsheets(given, runs)
    # Checked before anything else, on every file a folder stands for too: a merged roster
    # written over one of its own inputs destroys a school's data.
    refuse_input_as_output(out, [*files, *common.read_files(paths, cfg)])
    if not paths:
        raise nothing_to_read(files)
    parts: list[SchoolPart] = []
    titles: list[str] = []
    write = _write_parquet if parquet else _write_xlsx
    folder = out.parent if str(out.parent) else Path(".")
    written = written_names(given, paths)
    try:
        with _bar(len(paths)) as advance:
            # Written while read: the children of the first schools reach the file while
            # the workers read the next ones.
            reading = read_parts(
                paths, cfg.synonyms, advance, parquet, cfg.terms, folder, written=written, runs=runs
            )
            write_atomic(out, lambda tmp: titles.extend(write(tmp, reading, parts, paths)))
    except Unsettled as late:
        # A teachers list of a school whose children were written already: all again,
        # each school's lists known from the start (seldom: a list that says its school).
        parts.clear()
        titles.clear()
        with _bar(len(paths)) as advance:
            settled = (late.jobs, late.renamed, written)
            again = read_parts(
                paths, cfg.synonyms, advance, parquet, cfg.terms, folder, *settled, runs=runs
            )
            write_atomic(out, lambda tmp: titles.extend(write(tmp, again, parts, paths)))
    good = merged(parts)
    common.note(t("merge.note.written", path=out, files=len(good)))
    for part in parts:
        for file, sheet in part.skipped:
            common.note(skipped_note(file, sheet, part.unnamed_records))
        common.note_each(part.sheet_notes)
        if part.unlike_title is not None:
            common.note(unlike_title_note(part.file, *part.unlike_title))
        if part.titled_as is not None:
            title, school = part.titled_as
            records = bool(part.counts.get(Kind.RECORDS))
            common.note(titled_as_note(part.file, title, school, records))
        common.note_each(namesakes_note(*told) for told in part.namesakes)
    for part in good:
        if part.joined is not None:
            used = pairs_used(part.joined)
            common.note(t("merge.pairs", school=part.school, file=part.file, used=used))
    common.note_each(parts_apart_notes(parts_apart(parts, runs)))
    common.note_each(pooled_notes(pooled(parts, runs)))
    common.note_each(generic_pooled_notes(generic(parts, runs)))
    for book in pairs_alone(parts):
        common.note(t("merge.pairs_alone", file=book))
    common.note_each(two_workspaces_notes(p.file for p in good if p.children_schools))
    copied = copied_folders_notes((p.file for p in good if p.children_schools), runs)
    common.note_each(copied)
    # Each school's own settings of each kind (its lbc.toml's, or a merged roster's sheet
    # merged again), and the sheet of the merged roster that carries them on.
    settings = [
        ("terms", SCHOOL_TERMS_SHEET, lambda p: p.own_terms, lambda p: p.carried_terms),
        ("quotas", SCHOOL_QUOTAS_SHEET, lambda p: p.own_quotas, lambda p: p.carried_quotas),
        ("watch", SCHOOL_WATCH_SHEET, lambda p: p.own_watch, lambda p: p.carried_watch),
    ]
    for kind, sheet, own, carried in settings:
        schools = sorted(
            {p.school or p.file for p in good if own(p)}
            | {school for p in good for school in carried(p)}
        )
        if schools:
            said = f"merge.note.own_{kind}_parquet" if parquet else f"merge.note.own_{kind}"
            common.note(t(said, schools=as_list(schools), sheet=sheet))
    shown = {*SHEET_TITLES.values(), *SETTINGS_SHEETS}
    numbered = [title for title in titles if title not in shown]
    if numbered:
        words = {"sheets": as_list(numbered), "limit": f"{MAX_DATA_ROWS:,}"}
        common.note(t("merge.note.split", **words))
    doubles = duplicates_across_files(good)
    # A school's files not merged for one reason (its lbc.toml) are said in one note.
    failed: dict[str, list[str]] = {}
    for part in parts:
        if part.error:
            failed.setdefault(part.error, []).append(part.file)
    for reason, files in failed.items():
        common.note(t("merge.failed", file=t("list.sep").join(files), reason=reason))
    unplaced = [p for p in good if p.unplaced is not None]
    for part in unplaced:
        common.note(_unplaced(part, parts))
        # A teachers list's pairs: written into no child's 帮扶教师, as no command pairs by them.
        for sheet, column, count in part.list_names:
            words = {"file": part.file, "sheet": sheet, "column": column, "count": count}
            common.note(t("merge.unplaced_pairs", **words))
    privacy = Privacy(show_pii)
    # Each school's line, made once: over a province's million children it takes seconds.
    schools = by_school(parts)
    said = summarise(parts, doubles, schools)
    common.emit(
        fmt,
        document=lambda: as_document(said, schools, parts, doubles, privacy),
        rows=lambda: csv_rows(schools, parts),
        columns=CSV_COLUMNS,
        table=lambda: print_table(said, schools, parts, doubles, privacy),
        bom=not no_bom,
        json_keys=json_keys,
    )
    # As lbc validate exits on the same files: the findings at error severity (at warning
    # too, with --strict) its last line says, and what only a merge sees.
    found = said["errors"] + (said["warnings"] if strict else 0)
    raise typer.Exit(ExitStatus.found(found or doubles or failed or unplaced))


def _unplaced(part: SchoolPart, parts: list[SchoolPart]) -> str:
    """Why a file of teachers or records alone was written under no school."""
    folder = Path(part.file).parent
    beside = [p for p in parts if Path(p.file).parent == folder]
    unread = [p.file for p in beside if p.error]
    if unread:
        return t("merge.unplaced_unread", file=part.file, unread=as_list(unread))
    near = any(p.children_schools for p in beside)
    among = part.unplaced or []
    if part.by_child is not None and part.counts.get(Kind.TEACHERS) is None:
        return t("merge.records_by_child", file=part.file, count=part.by_child)
    words = {
        "file": part.file,
        "where": t("merge.where.folder" if near else "merge.where.run"),
        "count": len(among),
        "schools": as_list(among[:3]) + (t("merge.and_more") if len(among) > 3 else ""),
    }
    if part.by_child is None:
        return t("merge.unplaced", **words)
    # Its teachers of no school, its records each of its child's (records_by_child).
    nobody = t("merge.records_nobody", count=part.by_child) if part.by_child else ""
    return t("merge.unplaced_teachers", nobody=nobody, **words)


def _write_xlsx(
    tmp: Path, reading: Iterable[SchoolPart], parts: list[SchoolPart], paths: list[Path]
) -> list[str]:
    titles = write_xlsx(tmp, merged_sheets(reading, parts, paths), hidden=(COLUMNS_SHEET,))
    return [title for title in titles if title != COLUMNS_SHEET]


def _write_parquet(
    tmp: Path, reading: Iterable[SchoolPart], parts: list[SchoolPart], paths: list[Path]
) -> list[str]:
    from lbc.output.parquet import write_parquet
    from lbc.reports.export import combined, metadata, stacked_schema

    def sources() -> dict[str, str]:  # every school's layouts and settings, once all are read
        # In the order the rows are written (merged_batches): two schools' files of one
        # name (two counties' merged rosters) each keep their own cells.
        layouts = combined([piece for p in parts for piece in p.layouts])
        return metadata(layouts, school_terms(parts), school_quotas(parts), school_watch(parts))

    write_parquet(tmp, stacked_schema(), merged_batches(reading, parts), sources)
    return []


class _bar:
    """A progress bar over the files on stderr, only on a terminal and without NO_COLOR."""

    def __init__(self, total: int) -> None:
        self.total, self.progress, self.task = total, None, None

    def __enter__(self):
        if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
            from rich.progress import Progress

            self.progress = Progress(console=common.stderr(), transient=True)
            self.progress.start()
            self.task = self.progress.add_task(t("merge.reading"), total=self.total)
        return self.advance

    def advance(self, n: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, n)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def _duplicate(d: Duplicate, privacy: Privacy) -> dict[str, Any]:
    """One ID number in several schools (DUP003) or in several files of one (DUP001),
    worded as ``validate`` words it at the last place."""
    if d.rule is R.DUP003:
        message = d.rule.message(**across_schools(p[0] for p in d.places))
    else:
        _, file, sheet, row = d.places[0]
        message = d.rule.message(other=t("loc.elsewhere", file=file, sheet=sheet, row=row))
    return {
        "code": d.rule.code,
        "id_number": privacy.id(d.id_number),
        "places": [
            {"school": school, "file": file, "sheet": sheet, "row": row}
            for school, file, sheet, row in d.places
        ],
        "message": message,
    }


def summarise(
    parts: list[SchoolPart], doubles: list[Duplicate], schools: list[dict[str, Any]]
) -> dict[str, Any]:
    """The counts merge ends with, in its last line and its JSON's summary, and exits by;
    ``schools``: each school's line (by_school)."""
    read = merged(parts)
    return {
        "files": len(read) + sum(1 for p in parts if p.error),  # read or not
        # As the table lists them, each by its rows' own schools (one file of a
        # township may hold several), a school whose roster holds nobody too.
        "schools": sum(1 for row in schools if row["school"]),
        **{key: sum(row[key] for row in schools) for key in TALLIED},
        # Each ID number once over the run, as lbc validate's last line counts them.
        "children": children_merged(parts),
        # Every row of children merged, as the headline says them beside those on the
        # books: each school's line counts its children once (listed_again).
        "rows": sum(row["children"] for row in schools) + sum(listed_again(parts).values()),
        "on_books": on_books(parts, doubles),
        "duplicates": len(doubles),
        "failed": sum(1 for p in parts if p.error),
        "unplaced": sum(1 for p in parts if p.unplaced is not None),
    }


def as_document(
    said: dict[str, Any],
    schools: list[dict[str, Any]],
    parts: list[SchoolPart],
    doubles: list[Duplicate],
    privacy: Privacy,
) -> dict[str, Any]:
    """merge's JSON: ``said``, its summary (summarise), then the rows it sums."""
    return {
        "summary": said,
        "schools": schools,
        "duplicates": [_duplicate(d, privacy) for d in doubles],
        "failed": [{"file": p.file, "error": p.error} for p in parts if p.error],
    }


def csv_rows(schools: list[dict[str, Any]], parts: list[SchoolPart]) -> list[dict[str, Any]]:
    """A row per school (its files as a list in the user's language), then one per file
    that was not read."""
    rows = [{**row, "files": as_list(row["files"])} for row in schools]
    return [*rows, *({"files": p.file, "error": p.error} for p in parts if p.error)]


def print_table(
    said: dict[str, Any],
    schools: list[dict[str, Any]],
    parts: list[SchoolPart],
    doubles: list[Duplicate],
    privacy: Privacy,
) -> None:
    console = common.stdout()
    doc = as_document(said, schools, parts, doubles, privacy)
    headers = [t(f"merge.col.{k}") for k in ("school", "files", *TALLIED)]
    unknown = t("merge.school_unknown")
    rows = [
        (g["school"] or unknown, "\n".join(g["files"]), *(g[k] for k in TALLIED))
        for g in doc["schools"]
    ]
    s = doc["summary"]
    title = t("merge.heading", schools=s["schools"], files=s["files"] - s["failed"])
    common.show_table(console, rich_table(headers, rows, title=title))
    if doubles:
        cells = []
        for d in doc["duplicates"]:
            # Places of one school (DUP001) are told apart by their files.
            where = "school" if d["code"] == R.DUP003.code else "file"
            places = (
                t("merge.place", where=p[where], sheet=p["sheet"], row=p["row"])
                for p in d["places"]
            )
            cells.append((d["id_number"], as_groups(places)))
        title = t("merge.duplicates", count=len(doubles))
        common.show_table(
            console, rich_table([t("merge.col.id"), t("merge.col.places")], cells, title=title)
        )
    fewer = "merge.on_books" if s["on_books"] == s["rows"] else "merge.on_books_fewer"
    console.print(t("merge.summary", children_line=t(fewer, **s), **s), markup=False)
