"""``lbc summary``: the termly work summary, every number computed from the files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from lbc.checks.engine import check_roster
from lbc.checks.findings import reported
from lbc.checks.watch import settings_of_their_own
from lbc.commands import common
from lbc.documents.blocks import shown_on_screen
from lbc.errors import ExitStatus, LbcError
from lbc.messages import h, language, t
from lbc.output.files import refuse_input_as_output, write_atomic
from lbc.output.formats import out_format, to_json
from lbc.output.privacy import mask_numbers_in
from lbc.reports.summary import COUNTED_QUOTAS, VARIABLES, build_context, input_notes
from lbc.roster import normalise as nz
from lbc.workspace.schools import of_their_own, quotas_by_file, run_school
from lbc.workspace.terms import Dates, Term, each_schools_term, parse_term

SUMMARY_FORMATS = ("md", "html", "docx", "json")
# What an .html template gets besides the context (see lbc.documents.render.html_template).
HTML_VARIABLES = ("charts", "font_face")


@common.handle_errors
def summary(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    term: Annotated[str | None, typer.Option("--term", help=h("term"), show_default=False)] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help=h("summary_format"), show_default=False)
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=h("summary_out"), show_default=False)
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help=h("template"), show_default=False)
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", help=h("previous"), metavar="PATH", show_default=False),
    ] = None,
    variables: Annotated[bool, typer.Option("--variables", help=h("variables"))] = False,
) -> None:
    """渲染学期工作总结。"""
    if variables:
        print_variables()
        raise typer.Exit(ExitStatus.DONE)
    if fmt is not None:
        common.check_format(fmt, SUMMARY_FORMATS)
    if out is not None:
        fmt = out_format(out, SUMMARY_FORMATS, fmt)
    elif fmt == "docx":
        raise LbcError(t("err.docx_needs_out"))
    fmt = fmt or "md"
    if term is None:
        raise LbcError(t("err.no_term"))
    if template is not None and _template_format(template) not in (fmt, "any"):
        raise LbcError(t("err.template_kind", path=template, fmt=fmt))
    paths, cfg, runs = common.inputs(files, config)

    def pick(dates: Dates | None) -> Term:
        return parse_term(term, dates)

    chosen = pick(cfg.terms)
    today = dt.date.today()
    if today < chosen.start:  # no month has passed: every rate would read 100%
        raise LbcError(t("err.term_not_started", term=chosen.label, start=chosen.start))
    inputs = common.read_files(paths, cfg, template, previous)
    if out is not None:
        refuse_input_as_output(out, inputs)
    roster = common.read(paths, cfg, runs, pairs_matter=True, term=pick, whole=True)
    terms = each_schools_term(roster, cfg.terms, pick)  # a county's: each school's dates
    common.note_own_terms(roster, terms)
    own = of_their_own(quotas_by_file(roster, cfg.quotas), roster)
    common.note_own_quotas(own, cfg.quotas, COUNTED_QUOTAS, "sum.note.own_quotas")
    common.note_own_watch(settings_of_their_own(roster, cfg.watch))
    last_term = common.previous_term(previous, config, cfg)
    school = run_school(roster, cfg.school)
    from lbc.documents import (
        render as report,  # jinja2 and the renderers: only this command needs them
    )

    # The document is Chinese whatever --lang says: a school files it; --lang is for people
    # reading lbc's own messages.
    with common.progress(t("note.summarising")), language("zh"):
        findings = reported(check_roster(roster, today, terms=cfg.terms))
        context, counted = build_context(
            roster, findings, terms, cfg.quotas, school, today, last_term, cfg.watch
        )
        # A report carries names and classes, never IDs or phones, even typed into them.
        context = mask_numbers_in(context)
        if fmt == "json":
            text = to_json(context)
        elif fmt == "docx" and template is not None:
            assert out is not None
            report.docx_template(template, context, out, inputs)
            text = None
        elif fmt == "html" and template is not None and _template_format(template) == "html":
            text = report.html_template(template, context)
        else:
            text = report.markdown(context, template)
            if fmt == "html":
                text = report.html(text, context)
            elif fmt == "docx":
                assert out is not None
                report.docx(text, out, inputs)
                text = None
    # Said once the summary could be made: an error is the one line a refusal prints.
    for line in input_notes(roster, terms, school, bool(context["schools"]), last_term):
        common.note(line)
    common.note_uncounted_records(
        roster,
        cfg.terms,
        [r for r in counted if r.unclear],
        [r for r in counted if r.kind.__class__ is nz.Bad],
        [r for r in counted if not r.unclear],
    )
    this_term = {p.resolve() for p in paths}
    if last_term is not None and {Path(f).resolve() for f in last_term.files} <= this_term:
        common.note(t("sum.note.previous_is_roster", path=previous))
    if text is not None and out is None:
        typer.echo(shown_on_screen(text) if fmt == "md" else text, nl=False)
    elif text is not None and out is not None:
        write_atomic(out, lambda tmp: tmp.write_text(text, encoding="utf-8"), inputs=inputs)
    if out is not None:
        common.note(t("note.summary_written", path=out))
    raise typer.Exit(ExitStatus.found(roster.failed))


def _template_format(template: Path) -> str:
    """The format a school's template gives: a .docx gives docx, an .html page gives html, and
    Markdown text gives md, html or docx (built from its blocks), but not json."""
    suffix = template.suffix.lower()
    if suffix == ".docx":
        return "docx"
    return "html" if suffix in (".html", ".htm") else "any"


def print_variables() -> None:
    lines = [t("var.heading"), ""]
    width = max(len(v) for v in VARIABLES) + 2
    lines += [f"{v.ljust(width)}{t('var.' + v)}" for v in VARIABLES]
    lines += ["", t("var.html_heading"), ""]
    lines += [f"{v.ljust(width)}{t('var.' + v)}" for v in HTML_VARIABLES]
    typer.echo("\n".join(lines))
