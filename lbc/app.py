"""The typer application: global options and the subcommands wired in from lbc.commands.

Built on import, with help texts in the language chosen before the import (see lbc.cli).
"""

from __future__ import annotations

from typing import Annotated

import typer

from lbc import __version__, messages
from lbc.commands import (
    birthdays,
    cards,
    columns,
    common,
    diff,
    due,
    export,
    flag,
    init,
    merge,
    pair,
    record_sheets,
    rules,
    summary,
    validate,
    watch,
)
from lbc.commands.framework import speak_the_users_language
from lbc.errors import ExitStatus
from lbc.messages import h

speak_the_users_language()  # typer's and click's own words: help screens, usage errors

app = typer.Typer(
    help=h("app"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lbc {__version__}")
        raise typer.Exit(ExitStatus.DONE)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=h("version"))
    ] = False,
    lang: Annotated[str | None, typer.Option("--lang", help=h("lang"))] = None,
    debug: Annotated[bool, typer.Option("--debug", help=h("debug"))] = False,
) -> None:
    if lang:
        messages.set_lang(lang)
    if debug:
        common.DEBUG["on"] = True


app.command("init", help=h("init"))(init.init)
app.command("validate", help=h("validate"))(validate.validate)
app.command("columns", help=h("columns"))(columns.columns)
app.command("flag", help=h("flag"))(flag.flag_command)
app.command("pair", help=h("pair"))(pair.pair_command)
app.command("watch", help=h("watch"))(watch.watch_command)
app.command("birthdays", help=h("birthdays"))(birthdays.birthdays_command)
app.command("summary", help=h("summary"))(summary.summary)
app.command("record-sheets", help=h("record_sheets"))(record_sheets.record_sheets)
app.command("due", help=h("due"))(due.due_command)
app.command("diff", help=h("diff"))(diff.diff_command)
app.command("cards", help=h("cards"))(cards.cards)
app.command("merge", help=h("merge"))(merge.merge)
app.command("export", help=h("export"))(export.export)
app.command("rules", help=h("rules"))(rules.rules)
