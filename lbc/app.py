"""The typer application: global options and the subcommands wired in from lbc.commands.

Built on import, with help texts in the language chosen before the import (see lbc.cli).
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

from lbc import __version__, messages
from lbc.commands import common
from lbc.commands.framework import coerce_without_pydantic, speak_the_users_language
from lbc.errors import ExitStatus
from lbc.messages import h

speak_the_users_language()  # typer's and click's own words: help screens, usage errors
coerce_without_pydantic()  # lbc's options are read without importing pydantic

# Each command's name -> (its module in lbc.commands, the function). A run names one
# command: only that module is imported and only its options built (see build), so a
# script calling ``lbc validate`` in a loop does not import pairing, Word or the summary.
COMMANDS = {
    "init": ("init", "init"),
    "validate": ("validate", "validate"),
    "columns": ("columns", "columns"),
    "flag": ("flag", "flag_command"),
    "pair": ("pair", "pair_command"),
    "watch": ("watch", "watch_command"),
    "birthdays": ("birthdays", "birthdays_command"),
    "summary": ("summary", "summary"),
    "record-sheets": ("record_sheets", "record_sheets"),
    "due": ("due", "due_command"),
    "diff": ("diff", "diff_command"),
    "cards": ("cards", "cards"),
    "merge": ("merge", "merge"),
    "export": ("export", "export"),
    "rules": ("rules", "rules"),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lbc {__version__}")
        raise typer.Exit(ExitStatus.DONE)


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


def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with the one named ``only`` (a run of it)."""
    built = typer.Typer(
        help=h("app"),
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
    )
    built.callback()(_main)
    for name, (module, function) in COMMANDS.items():
        if only in (None, name):
            command = getattr(importlib.import_module(f"lbc.commands.{module}"), function)
            built.command(name, help=h(name.replace("-", "_")))(command)
    return built


def __getattr__(name: str) -> typer.Typer:
    """``app``, every command, built when first asked for (the tests, a script)."""
    if name == "app":
        globals()["app"] = app = build()
        return app
    raise AttributeError(f"module 'lbc.app' has no attribute {name!r}")
