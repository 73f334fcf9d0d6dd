"""``lbc cards``: printable contact cards (联系卡), one per child, grouped by class."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import h, t
from lbc.output.files import refuse_input_as_output, write_atomic
from lbc.output.formats import out_format
from lbc.reports.cards import build_cards
from lbc.workspace.schools import run_school

CARD_FORMATS = ("html", "docx")


@common.handle_errors
def cards(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help=h("cards_format"), show_default=False)
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=h("cards_out"), show_default=False)
    ] = None,
    only: Annotated[
        str | None, typer.Option("--class", help=h("cards_class"), show_default=False)
    ] = None,
) -> None:
    """打印留守儿童联系卡。"""
    if fmt is not None:
        common.check_format(fmt, CARD_FORMATS)
    if out is None:  # the cards carry phone numbers: never to a terminal or a pipe
        raise LbcError(t("err.cards_need_out"))
    fmt = out_format(out, CARD_FORMATS, fmt)
    paths, cfg, runs = common.inputs(files, config)
    inputs = common.read_files(paths, cfg)
    refuse_input_as_output(out, inputs)
    roster = common.read(paths, cfg, runs, pairs_matter=True)
    classes = build_cards(roster, cfg.watch, only)
    school = run_school(roster, cfg.school)
    from lbc.documents import (
        render as report,  # jinja2 and the renderers: only this command and summary
    )

    if fmt == "html":
        text = report.cards_html(classes, school, cfg.contact_phone)
        write_atomic(out, lambda tmp: tmp.write_text(text, encoding="utf-8"), inputs=inputs)
    else:
        from lbc.documents.cards_docx import write_cards

        write_cards(classes, school, cfg.contact_phone, out, inputs)
    count = sum(len(g.cards) for g in classes)
    common.note(t("cards.note.written", path=out, count=count))
    raise typer.Exit(ExitStatus.found(roster.failed))
