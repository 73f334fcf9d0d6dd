"""``lbc record-sheets``: one record workbook per support teacher, to fill all term.

Named for what it writes (each teacher's 帮扶记录表), where ``sheets`` alone could be any
spreadsheet lbc reads or writes. The folder the workbooks are written to is the one the
teachers hand them back into; named as ``[files] records`` in lbc.toml, every command reads
it as support records.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import again, as_list, h, language, long_date, t
from lbc.output.files import refuse_input_as_output
from lbc.reports.owed import record_books
from lbc.workspace.schools import run_school
from lbc.workspace.terms import each_schools_term, parse_term

# Characters Windows refuses in a file name, and the reserved trailing dot and space.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@common.handle_errors
def record_sheets(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    term: Annotated[str | None, typer.Option("--term", help=h("term"), show_default=False)] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help=h("record_sheets_out"), metavar="FOLDER", show_default=False
        ),
    ] = None,
) -> None:
    """为每位帮扶教师生成本学期帮扶记录表。"""
    if term is None:
        raise LbcError(t("err.no_term"))
    paths, cfg, runs = common.inputs(files, config)
    chosen = parse_term(term, cfg.terms)
    if out is None and not cfg.records:
        raise LbcError(t("err.record_sheets_no_out"))
    folder = out if out is not None else Path(os.path.relpath(cfg.records[0]))
    if folder.exists() and not folder.is_dir():
        raise LbcError(t("err.init_not_dir", path=folder))
    inputs = common.read_files(paths, cfg)
    roster = common.read(paths, cfg, runs)
    # In a county's folder, each school's teachers' sheets are of its own term's dates.
    terms = each_schools_term(roster, cfg.terms, lambda dates: parse_term(term, dates))
    with language("zh"):  # a school's form: Chinese whatever --lang says
        books, unpaired, unclear, warmed = record_books(roster, terms, cfg.quotas)
        targets = [folder / _file_name(chosen.label, b.label) for b in books]
    # What lbc says to the user is in the user's language, the forms' words aside.
    # A returned workbook holds a term's records: never overwritten, not even one of many.
    existing = [p for p in targets if p.exists()]
    if existing:
        raise LbcError(t("err.record_sheet_exists", path=existing[0], count=len(existing)))
    if not books:
        raise LbcError(t("err.record_sheets_nobody"))
    for target in targets:
        refuse_input_as_output(target, inputs)
    from lbc.documents.record_book import write_record_book  # openpyxl: only here

    folder.mkdir(parents=True, exist_ok=True)
    with language("zh"):
        for book, target in zip(books, targets, strict=True):
            title = t(
                "rs.title",
                school=book.school or run_school(roster, cfg.school),
                term=book.term.label,
                teacher=book.teacher,
                start=long_date(book.term.start),
                end=long_date(book.term.end),
            )
            span = (book.term.start, book.term.end)
            write_record_book(
                target, title, book.teacher, span, book.children, book.planned, inputs
            )
    rows = sum(len(b.planned) for b in books)
    common.note(t("note.record_sheets_written", count=len(books), rows=rows, folder=folder))
    if unpaired:
        common.note(t("note.record_sheets_unpaired", count=unpaired))
    if warmed:
        common.note(t("note.record_sheets_warmed", count=warmed))
    if unclear:
        common.note(t("note.record_sheets_namesakes", names=as_list(map(again, unclear))))
    if folder.resolve() not in {p.resolve() for p in cfg.records}:
        common.note(t("note.record_sheets_config", folder=folder))
    raise typer.Exit(ExitStatus.found(roster.failed))


def _file_name(term: str, teacher: str) -> str:
    """帮扶记录表_2024年秋季学期_王芳.xlsx, safe on Windows whatever the name holds."""
    name = _UNSAFE.sub("_", t("rs.file", term=term, teacher=teacher)).rstrip(" .")
    return f"{name}.xlsx"
