"""The ``lbc`` console script: language first, then the app, with the contract's exits."""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import signal
import sys

from lbc import messages
from lbc.errors import ExitStatus, LbcError


def _terminated(signum: int, frame: object) -> None:
    """Remove the temporaries being written and leave at once. Raising here instead would
    be lost when the signal lands where Python ignores exceptions (a fork hook, a finaliser),
    and the run would go on to write its output after all."""
    if os.getpid() != _MAIN_PID[0]:  # a forked worker: its parent speaks and cleans up
        os._exit(128 + signum)
    import multiprocessing

    from lbc.output import files
    from lbc.roster import supervised

    for child in multiprocessing.active_children():  # workers would outlive us, pipes open
        child.terminate()
    _stop_background()
    files.remove_live_temporaries()
    supervised.say_interrupted()
    _leave(128 + signum)


_MAIN_PID = [0]


def catch_termination() -> None:
    """SIGTERM (a script's kill, a closing session) and SIGHUP (a closed terminal) end the
    command like Ctrl-C does: no half-written output or temporary is left behind. Windows
    has neither signal by these names; Ctrl-C there unwinds through write_atomic."""
    _MAIN_PID[0] = os.getpid()
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminated)


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

    Usage mistakes get the contract's one line on stderr and ExitStatus.CANNOT_RUN, Ctrl-C
    ExitStatus.INTERRUPTED, wherever it lands: while modules are still being imported too,
    where no command's own handler is there yet.
    A county roster is millions of cell objects that live until the process ends: the
    cyclic garbage collector would rescan them again and again for nothing (a fifth of a
    validate run), and freeing them one by one at exit costs a quarter second more. So
    the collector is off, and once the command has finished and its output is flushed,
    the process leaves without tearing the heap down. Outputs are already renamed into
    place by then, so nothing is lost.
    A spreadsheet crafted to crash the reader ends the run with one line naming it: the
    command runs in a child process that a small parent watches (lbc.roster.supervised),
    forked before the app is imported, once the language is known.
    """
    _speak_utf8()
    try:
        code = _run(sys.argv[1:])
    except KeyboardInterrupt:
        _say_interrupted()
        code = ExitStatus.INTERRUPTED
    _leave(code)


def _speak_utf8() -> None:
    """stdout and stderr in UTF-8, whatever the code page. Redirected on Windows (``lbc flag
    --format csv > 名单.csv``, a county's script collecting each school's JSON), they write
    the ANSI code page, 936 on a Chinese system: the CSV's byte-order mark and any name
    outside GBK stopped the command with 内部错误, and the JSON the contract says is UTF-8
    came out in GBK. A console is UTF-8 there already (Python writes it as Unicode)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not _is_utf8(getattr(stream, "encoding", None)):
            stream.reconfigure(encoding="utf-8")


def _is_utf8(encoding: object) -> bool:
    try:
        return isinstance(encoding, str) and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _say_interrupted() -> None:
    """Ctrl-C's line, by the supervising parent where there is one (lbc.roster.supervised);
    not imported for it where Ctrl-C came before it was (no parent then)."""
    if (supervised := sys.modules.get("lbc.roster.supervised")) is not None:
        supervised.say_interrupted()
    else:
        print(messages.t("err.prefix") + messages.t("err.interrupted"), file=sys.stderr)


# What ``lbc --version`` may look like: answered before the app (typer, every command) is
# imported or a supervising child forked, so a script asking pays a bare start-up.
_VERSION_FLAGS = ("--version", "-V")


def _without_global_options(args: list[str]) -> list[str]:
    """The command line less ``--lang X``, ``--lang=X`` and ``--debug`` (up to ``--``)."""
    rest, i = [], 0
    while i < len(args):
        if args[i] == "--":
            return rest + args[i:]
        if args[i] == "--lang":
            i += 2
            continue
        if args[i] != "--debug" and not args[i].startswith("--lang="):
            rest.append(args[i])
        i += 1
    return rest


def _asks_version(args: list[str]) -> bool:
    """Whether the command line is ``--version`` alone, global options aside."""
    rest = _without_global_options(args)
    return len(rest) == 1 and rest[0] in _VERSION_FLAGS


def _run(args: list[str]) -> int:
    gc.disable()
    argv = _lift_global_options(args)
    if _asks_version(args):
        from lbc import __version__

        try:
            print(f"lbc {__version__}", flush=True)
        except BrokenPipeError:  # `lbc --version | head -c 0`: as every command ends it
            return ExitStatus.BROKEN_PIPE
        return ExitStatus.DONE
    from lbc.roster import supervised  # the rest of start-up: not needed for the version

    try:
        ceiling = supervised.memory_ceiling()
    except LbcError as exc:
        print(messages.t("err.prefix") + str(exc), file=sys.stderr)
        return ExitStatus.CANNOT_RUN
    supervised.supervise(ceiling)  # from here on, a child runs the command (where it can)
    catch_termination()
    if "" in args:  # typer reads '' as the path '.': `validate ''` would check the folder
        return _usage_error(messages.t("err.empty_argument", n=args.index("") + 1))
    import typer
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    from lbc.app import COMMANDS, build
    from lbc.commands import common

    named = _without_global_options(args)[:1]
    app = build(named[0] if named and named[0] in COMMANDS else None)

    common.retain_until_exit()  # imported after the language is set: it builds help texts
    try:
        code = app(args=argv, prog_name="lbc", standalone_mode=False)
    except NoArgsIsHelpError:  # `lbc` alone: typer has shown the help; say what is missing
        return _usage_error(messages.t("err.no_command"))
    except ClickException as exc:
        hint = messages.t("err.usage_hint")
        message = messages.from_click(exc.format_message())
        print(messages.t("err.prefix") + message + hint, file=sys.stderr)
        return exc.exit_code if exc.exit_code else ExitStatus.CANNOT_RUN
    except (BrokenPipeError, SystemExit) as exc:  # help or version to a closed pipe
        # (lbc -h | head): the error itself from rich, exit 1 from click's own handler
        if BrokenPipeError not in (type(exc), type(exc.__context__)):
            raise
        common.quiet_stdout()
        return ExitStatus.BROKEN_PIPE
    except typer.Abort:
        supervised.say_interrupted()
        return ExitStatus.INTERRUPTED
    if code == ExitStatus.INTERRUPTED:  # typer's own, for Ctrl-C before or after a command's
        supervised.say_interrupted()  # handler (lbc.commands.common.handle_errors), is silent
    return code if isinstance(code, int) else ExitStatus.DONE


def _usage_error(message: str) -> int:
    """The contract's one line for a usage mistake, with the pointer to the help."""
    print(messages.t("err.prefix") + message + messages.t("err.usage_hint"), file=sys.stderr)
    return ExitStatus.CANNOT_RUN


def _stop_background() -> None:
    """Children computing work nobody will ask for now (lbc.roster.background), stopped:
    os._exit runs no finaliser to stop them. Not imported for it where no command ran."""
    if (background := sys.modules.get("lbc.roster.background")) is not None:
        background.stop_all()


def _leave(code: int) -> None:
    _stop_background()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (lbc … | head)
            stream.flush()
    os._exit(code)
