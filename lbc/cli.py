"""The ``lbc`` command: global options, and the subcommands wired in from lbc.commands."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import Annotated

import typer

from lbc import __version__, messages
from lbc.commands import common, flag, init, rules, validate
from lbc.messages import h

app = typer.Typer(
    help=h("app"),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lbc {__version__}")
        raise typer.Exit()


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
app.command("flag", help=h("flag"))(flag.flag_command)
app.command("rules", help=h("rules"))(rules.rules)


def _lift_global_options(argv: list[str]) -> list[str]:
    """Let ``--lang``/``--debug`` stand anywhere (``lbc validate x --lang en``), as people
    type them, by moving them in front of the subcommand where the parser expects them."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("--lang=") or arg == "--debug":
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def main() -> None:
    """Console-script entry point.

    A county roster is millions of cell objects that live until the process ends: the
    cyclic garbage collector would rescan them again and again for nothing (a fifth of a
    validate run), and freeing them one by one at exit costs a quarter second more. So
    the collector is off, and once the command has finished and its output is flushed,
    the process leaves without tearing the heap down. Outputs are already renamed into
    place by then, so nothing is lost.
    """
    gc.disable()
    try:
        _run()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
        _leave(code)
    _leave(0)


def _leave(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (lbc … | head)
            stream.flush()
    os._exit(code)


def _run() -> None:
    argv = _lift_global_options(sys.argv[1:])
    for i, arg in enumerate(argv):  # language must be known before help texts render
        if arg == "--lang" and i + 1 < len(argv):
            messages.set_lang(argv[i + 1])
        elif arg.startswith("--lang="):
            messages.set_lang(arg.split("=", 1)[1])
    app(args=argv, prog_name="lbc")
