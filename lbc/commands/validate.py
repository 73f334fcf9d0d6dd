"""``lbc validate``: every finding in the archive, pointed at its cell."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from lbc.checks.engine import check_roster, warm_up
from lbc.checks.findings import FINDING_COLUMNS, Finding, reported
from lbc.checks.registry import parse_codes, selected
from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import h, t
from lbc.output.formats import out_format, rich_table
from lbc.output.privacy import Privacy
from lbc.reports.columns import numbered_sheets
from lbc.reports.county import children_once, per_school
from lbc.roster.canonical import KEPT, Roster
from lbc.roster.merged_books import whole_sheets
from lbc.roster.reading import PARQUET_SUFFIX, check_input_path
from lbc.workspace.config import Config
from lbc.workspace.schools import (
    BY_CHILD,
    Schools,
    placed_by_child,
    records_of_no_school,
    schools_of,
)


@common.handle_errors
def validate(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    select: Annotated[list[str] | None, typer.Option("--select", help=h("select"))] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=h("ignore"))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("strict"))] = False,
    annotate_out: Annotated[
        Path | None, typer.Option("--annotate", help=h("annotate"), metavar="OUT.xlsx")
    ] = None,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """校验花名册：逐个单元格指出错误和缺失。"""
    common.check_format(fmt)
    if annotate_out is not None:
        out_format(annotate_out, ("xlsx",))
    chosen, skipped = parse_codes(select), parse_codes(ignore)
    paths, cfg, runs = common.inputs(files, config)
    marked = None if annotate_out is None else _roster_to_mark(paths, cfg)
    if marked is not None:
        from lbc.documents.annotated_book import check_merged_ranges  # openpyxl's limits

        check_merged_ranges(marked)
    warming = threading.Thread(target=warm_up, daemon=True)
    warming.start()
    streamed = None
    if annotate_out is None and len(paths) == 1 and paths[0].suffix.lower() == PARQUET_SUFFIX:
        warming.join()  # the checks run as the file is read
        streamed = _by_row_group(paths[0], cfg)
    by_child = False
    if streamed is not None:
        roster, findings = streamed
    else:
        # A folder's schools are checked one at a time, each held parked until then.
        roster = common.read(paths, cfg, runs, park=len(paths) > 1, checked=True)
        # A county's file of records alone: each record is of its child's school, found by
        # the children's cells it keeps once they are checked.
        by_child = placed_by_child(roster)
        keep = BY_CHILD if by_child else KEPT
        warming.join()
        with common.progress(t("note.checking")):
            findings = check_roster(roster, done_with_cells=True, terms=cfg.terms, keep=keep)
    # Records of no school (of a file placed by child, or left so by lbc merge in a merged
    # roster or its export) are said once here, on no school's line.
    schools = schools_of(roster, by_child=by_child)
    for file, count in records_of_no_school(roster, schools).items():
        common.note(t("note.records_by_child", file=file, count=count))
    checked = findings
    findings = reported([f for f in findings if selected(f.code, chosen, skipped)])
    privacy = Privacy(show_pii)  # findings name a child only to place the problem: masked
    if annotate_out is not None and marked is not None:
        from lbc.documents.annotated_book import annotate  # openpyxl is only needed here

        count = annotate(marked, findings, annotate_out, privacy)
        common.note(t("note.annotated", path=annotate_out, count=count))
    summary = summarise(roster, findings, checked, schools)
    common.emit(
        fmt,
        document=lambda: {
            "files": describe_files(roster),
            "summary": summary,
            "findings": [f.as_dict(privacy) for f in findings],
        },
        rows=lambda: (f.as_dict(privacy) for f in findings),
        columns=FINDING_COLUMNS,
        table=lambda: print_table(findings, summary, privacy, len(roster.failed)),
        bom=not no_bom,
        json_keys=json_keys,
    )
    failing = summary["errors"] + (summary["warnings"] if strict else 0) + len(roster.failed)
    raise typer.Exit(ExitStatus.found(failing))


def _roster_to_mark(paths: list[Path], cfg: Config) -> Path:
    """The one roster ``--annotate`` copies. The workspace's pairs workbook and returned
    record sheets are read with it (they decide its findings) but are not the file a
    school corrects, so a workspace after ``lbc pair --save`` still has one roster."""
    aside = {p.resolve() for p in cfg.records}
    if cfg.pairs is not None:
        aside.add(cfg.pairs.resolve())
    rosters = [p for p in paths if aside.isdisjoint({p.resolve(), *p.resolve().parents})]
    if len(rosters) != 1:
        raise LbcError(t("err.annotate_many"))
    return rosters[0]


def _by_row_group(path: Path, cfg: Config) -> tuple[Roster, list[Finding]] | None:
    """A province's Parquet file, read and checked one school at a time (a million
    children whole take gigabytes); None when it cannot be read so."""
    from lbc.checks.streamed import check_by_row_group

    check_input_path(path)
    with common.progress(t("note.reading") + " " + str(path)):
        streamed = check_by_row_group(path, terms=cfg.terms)
    if streamed is not None:
        common.say_what_was_read([path], cfg, streamed[0], pairs_matter=False, checked=True)
    return streamed


def summarise(
    roster: Roster,
    findings: list[Finding],
    checked: list[Finding] | None = None,
    schools: Schools | None = None,
) -> dict[str, object]:
    """The counts validate ends with; ``checked``: every finding, before --select and
    --ignore chose ``findings`` (a school's children are counted by them: per_school);
    ``schools``: each row's, where a file's records are each of its child's school."""
    checked = findings if checked is None else checked
    by_code = Counter(f.code for f in findings)
    by_severity = Counter(f.severity for f in findings)
    return {
        "children": children_once(roster, checked),
        "teachers": sum(len(tbl) for tbl in roster.teachers),
        "records": sum(len(tbl) for tbl in roster.records),
        "errors": by_severity.get("error", 0),
        "warnings": by_severity.get("warning", 0),
        "by_code": dict(sorted(by_code.items())),
        # A folder or a county's merged roster: the same numbers per school.
        **({"schools": lines} if (lines := per_school(roster, findings, checked, schools)) else {}),
    }


def describe_files(roster: Roster) -> list[dict[str, object]]:
    """What was read from each file: which sheet is which, header rows, unknown columns,
    the rows a sheet hides, as lbc columns lists them (the notes say them too)."""
    out: list[dict[str, object]] = []
    sheets_read = list(whole_sheets(roster.tables()))
    for name in roster.files:
        sheets = [
            {
                "sheet": tbl.sheet,
                "kind": str(tbl.kind),
                "header_rows": list(tbl.header_rows),
                "rows": len(tbl),
                # The rows the sheet hides (by hand, or a filter in force: "filtered"),
                # read all the same, as Excel numbers them.
                "hidden_rows": list(tbl.hidden_rows),
                "filtered": tbl.filtered,
                **numbered_sheets(tbl),
                "columns": {key: col.letter for key, col in tbl.columns.items()},
                "unknown_columns": [label for _, label in tbl.unknown],
            }
            for tbl in sheets_read
            if tbl.file == name
        ]
        skipped = [sheet for file, sheet in roster.skipped if file == name]
        out.append({"file": name, "sheets": sheets, "skipped_sheets": skipped})
    out += [{"file": name, "error": reason} for name, reason in roster.failed]
    return out


def print_table(
    findings: list[Finding], summary: dict[str, object], privacy: Privacy, left_out: int
) -> None:
    """The findings sheet by sheet, then the figures; ``left_out``: how many files could
    not be read (said in a note above), whose children "no problems found" must not cover."""
    console = common.stdout()
    groups: dict[tuple[str, str | None], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.file, f.sheet), []).append(f)
    headers = [
        t("out.col.location"),
        t("out.col.code"),
        t("out.col.severity"),
        t("out.col.child"),
        t("out.col.message"),
        t("out.col.value"),
    ]
    for (file, sheet), items in groups.items():
        rows = []
        for f in items:
            d = f.as_dict(privacy)
            where = f"{f.column or ''}{f.row or ''}" or t(f"out.whole_{f.rule.whole}")
            severity = t(f"severity.{f.severity}")
            rows.append((where, f.code, severity, d["child"], f.message, d["value"]))
        title = t("out.sheet_heading", file=file, sheet=sheet)
        common.show_table(console, rich_table(headers, rows, title=title))
    if not findings:
        said = t("out.no_findings_left_out", count=left_out) if left_out else t("out.no_findings")
        console.print(said, markup=False)
    schools = summary.get("schools")
    if isinstance(schools, list):
        for entry in schools:
            console.print(t("out.school_line", **entry), markup=False)
    console.print(t("out.summary", **summary), markup=False)
