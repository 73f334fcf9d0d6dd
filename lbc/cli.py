"""The ``lbc`` console script: language first, then the app, with the contract's exits."""

from __future__ import annotations

import contextlib
import gc
import os
import sys

from lbc import messages


def _lift_global_options(argv: list[str]) -> list[str]:
    """Let ``--lang``/``--debug`` stand anywhere (``lbc validate x --lang en``), as people
    type them, by moving them in front of the subcommand where the parser expects them;
    the language is set here, before any help text is built."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            messages.set_lang(argv[i + 1])
            front += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("--lang="):
            messages.set_lang(arg.split("=", 1)[1])
            front.append(arg)
        elif arg == "--debug":
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def main() -> None:
    """Console-script entry point.

    Usage mistakes get the contract's one line on stderr and exit 2, Ctrl-C exit 130.
    A county roster is millions of cell objects that live until the process ends: the
    cyclic garbage collector would rescan them again and again for nothing (a fifth of a
    validate run), and freeing them one by one at exit costs a quarter second more. So
    the collector is off, and once the command has finished and its output is flushed,
    the process leaves without tearing the heap down. Outputs are already renamed into
    place by then, so nothing is lost.
    """
    gc.disable()
    argv = _lift_global_options(sys.argv[1:])
    import typer
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    from lbc.app import app

    try:
        code = app(args=argv, prog_name="lbc", standalone_mode=False)
    except NoArgsIsHelpError:  # `lbc` alone: typer has shown the help
        code = 2
    except ClickException as exc:
        hint = messages.t("err.usage_hint")
        print(messages.t("err.prefix") + exc.format_message() + hint, file=sys.stderr)
        code = exc.exit_code if exc.exit_code else 2
    except typer.Abort:
        print(messages.t("err.prefix") + messages.t("err.interrupted"), file=sys.stderr)
        code = 130
    _leave(code if isinstance(code, int) else 0)


def _leave(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (lbc … | head)
            stream.flush()
    os._exit(code)
