"""``lbc export FILE … --out x.parquet|x.csv|x.xlsx``: the canonical tables for analysts.

The children, teachers and records tables, each row with its school and the file, sheet
and Excel row it came from (lbc.reports.export). The suffix decides the shape: a Parquet
or CSV file holds the three tables stacked, its first column ``table`` saying which row
is which (one file is one whole roster; a CSV file ends in a row per phone cell typed
with someone else's number, TYPED_ROWS, a row per source sheet saying which columns it
had, lbc.roster.parquet.COLUMN_ROWS, and one giving its title, TITLE_ROWS); a workbook
holds them as three sheets laid out as ``lbc merge`` lays them out, so every lbc command
reads any of them back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus
from lbc.messages import h, t
from lbc.output.files import refuse_input_as_output, write_atomic
from lbc.output.formats import out_format, to_csv
from lbc.output.xlsx_stream import Sheet, numbered_sheets, rows_xml, write_xlsx
from lbc.reports.county import (
    SHEET_TITLES,
    columns_sheet,
    header,
    roster_school_quotas,
    roster_school_terms,
    roster_school_watch,
    school_quotas_sheet,
    school_terms_sheet,
    school_watch_sheet,
    sheet_rows,
    source_columns,
)
from lbc.reports.export import KINDS
from lbc.roster.canonical import Roster
from lbc.roster.merged_books import COLUMNS_SHEET
from lbc.workspace.inputs import written_names
from lbc.workspace.schools import Schools, schools_of

WRITES = ("parquet", "csv", "xlsx")  # the formats --out can name


@common.handle_errors
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help=h("export_out"), metavar="OUT.parquet")],
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
) -> None:
    """导出儿童、教师、帮扶记录三张规范表。"""
    fmt = out_format(out, WRITES)
    paths, cfg, runs = common.inputs(files, config)
    inputs = common.read_files(paths, cfg)
    refuse_input_as_output(out, inputs)
    roster = common.read(paths, cfg, runs)
    # A record of a file of records alone goes under its child's school (by_child).
    schools = schools_of(roster, by_child=True)
    # A folder given as . goes by its own name in 来源文件, as lbc merge writes it.
    schools.written = written_names(files or [], paths)
    write = {"parquet": _parquet, "csv": _csv, "xlsx": _xlsx}[fmt]
    write_atomic(out, lambda tmp: write(tmp, roster, schools), inputs=inputs)
    counts = {
        "children": sum(map(len, roster.children)),
        "teachers": sum(map(len, roster.teachers)),
        "records": sum(map(len, roster.records)),
    }
    common.note(t("export.note.written", path=out, **counts))
    # Records of a file that says no school, of several schools' children: each under its
    # child's school, and those of no child known said (schools_of's by_child).
    alone = {x.file for x in roster.records} - {x.file for x in roster.children}
    if alone and roster.children:
        nobody = Counter(file for file, _, _ in schools.nobody)
        for file in sorted(alone & nobody.keys()):
            common.note(t("export.records_by_child", file=file, count=nobody[file]))
    raise typer.Exit(ExitStatus.found(roster.failed))


def _parquet(tmp: Path, roster: Roster, schools: Schools) -> None:
    from lbc.output.parquet import write_parquet
    from lbc.reports.export import layouts, metadata, stacked_batches, stacked_schema

    batches = stacked_batches(roster.tables(), schools)
    # Each school's own term dates, quotas and [watch], as lbc merge keeps them in a Parquet
    # file's metadata.
    terms, quotas = roster_school_terms(roster, schools), roster_school_quotas(roster, schools)
    watch = roster_school_watch(roster, schools)
    sources = metadata(layouts(roster.tables(), schools), terms, quotas, watch)
    write_parquet(tmp, stacked_schema(), batches, lambda: sources)


def _csv(tmp: Path, roster: Roster, schools: Schools) -> None:
    from lbc.reports.export import stacked_columns, stacked_rows

    text = to_csv(stacked_rows(roster, schools), stacked_columns())  # with a BOM, for Excel
    tmp.write_text(text, encoding="utf-8", newline="")


def _xlsx(tmp: Path, roster: Roster, schools: Schools) -> None:
    write_xlsx(tmp, _sheets(roster, schools), hidden=(COLUMNS_SHEET,))


def _sheets(roster: Roster, schools: Schools) -> Iterator[Sheet]:
    """The workbook's sheets as ``lbc merge`` writes them, a kind's rows made only when the
    writer reaches it (a sheet's title may wait on its rows: numbered_sheets)."""
    from lbc.output.sheet_style import column_widths

    # 帮扶教师 is the pairs in force where a pairs workbook was joined, as the Parquet file
    # and the CSV have it, and as lbc merge writes a school's folder with one.
    paired = roster.joined is not None
    for kind in KINDS:
        rows = [
            row
            for tbl in roster.tables()
            if tbl.kind is kind
            for row in sheet_rows(tbl, schools, paired)
        ]
        if rows:
            widths = column_widths(header(kind), rows)
            yield from numbered_sheets(SHEET_TITLES[kind], header(kind), widths, [rows_xml(rows)])
    if terms := roster_school_terms(roster, schools):  # as lbc merge writes its 各校学期
        yield school_terms_sheet(terms)
    if quotas := roster_school_quotas(roster, schools):  # and its 各校要求
        yield school_quotas_sheet(quotas)
    if watch := roster_school_watch(roster, schools):  # and its 各校关注
        yield school_watch_sheet(watch)
    yield columns_sheet(source_columns(roster.tables(), schools))
