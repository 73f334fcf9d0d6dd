"""typer and click in the user's language.

click and typer write their own words into every help screen and usage error (Usage:,
Options, Show this message and exit., [default: table], <int range>, No such option …) in
English, and neither offers a hook to translate them: click's strings are f-strings and
typer's are read through gettext with no catalogue. So the few places those words pass
through are wrapped here, once, and each word is looked up in ``messages.from_click`` at
the moment it is shown, in the language chosen then. A command added later gets this for
free. ``lbc.cli`` translates the usage errors it prints the same way.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lbc.commands.common import use_lbc_rich
from lbc.messages import from_click

# typer.rich_utils' fixed words, as typer defines them: set anew for each help screen.
_WORDS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def speak_the_users_language() -> None:
    """Route typer's and click's own words through ``messages.from_click``; calling it
    again changes nothing. Only what start-up has loaded anyway is touched here; typer's
    help renderer (and rich) is loaded and prepared when a help screen is shown."""
    from typer import core
    from typer._click import formatting

    if getattr(core, "_lbc_translated", False):
        return
    core._lbc_translated = True  # type: ignore[attr-defined]

    for command in (core.TyperCommand, core.TyperGroup):
        command.format_help = _in_users_language(command.format_help)  # type: ignore[method-assign]

    write_usage = formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(english, from_click(english))
        write_usage(self, prog, args, from_click("Usage: ") if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]

    display_type = core._TyperParameter.display_type

    def translated_type(self: Any, ctx: Any) -> str:
        return from_click(display_type(self, ctx))

    core._TyperParameter.display_type = translated_type  # type: ignore[method-assign]

    for parameter in (core.TyperArgument, core.TyperOption):
        parameter._get_number_range_help_str = _translated_range(  # type: ignore[method-assign]
            parameter._get_number_range_help_str
        )

    # An argument is shown by its name in capitals (FILES..., OLD NEW), as click does and
    # as options' values are: a placeholder, not an English word.
    core._TyperParameter.display_name_raw = property(  # type: ignore[assignment]
        lambda self: self.metavar if self.metavar is not None else self.name.upper()
    )


def _translated_range(describe: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    def translated(self: Any) -> str | None:
        shown = describe(self)
        return from_click(shown) if shown else shown

    return translated


def _in_users_language(format_help: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(format_help)
    def wrapper(self: Any, ctx: Any, formatter: Any) -> None:
        from typer import rich_utils

        use_lbc_rich()
        if not getattr(rich_utils, "_lbc_translated", False):
            rich_utils._lbc_translated = True  # type: ignore[attr-defined]
            make_text = rich_utils._make_rich_text

            def _make_rich_text(*, text: str, **kwargs: Any) -> Any:
                return make_text(text=from_click(text), **kwargs)

            rich_utils._make_rich_text = _make_rich_text
        for name, english in _WORDS.items():  # in the language chosen now
            setattr(rich_utils, name, from_click(english))
        format_help(self, ctx, formatter)

    return wrapper


def coerce_without_pydantic() -> None:
    """Read lbc's option values without pydantic, as typer would read them.

    typer (0.29) reads every option's value through a pydantic TypeAdapter: it imports
    pydantic and builds an adapter for each parameter of the command run, a sixth of a
    school's ``lbc validate`` (60 ms of 360), paid again by each of a county's 500 files in
    a loop. lbc's options are text, whole numbers, paths and lists of them, which need none
    of it. Such a value is read here as typer reads it (a path that exists must be
    readable); anything else (a number that is not plain digits, a bound broken, a path
    lbc cannot read, a parameter of another type or with a parser, a check of its own)
    goes to typer's own coercion, which says what is wrong in the words lbc translates.
    Calling it again changes nothing."""
    from typer import core

    build = core.build_runtime_param
    if getattr(build, "_lbc_light", False):
        return

    def light_or_typer(descriptor: Any) -> Any:
        read = _plain_reader(descriptor)
        return build(descriptor) if read is None else _light_param(descriptor, read, build)

    light_or_typer._lbc_light = True  # type: ignore[attr-defined]
    core.build_runtime_param = light_or_typer


class _Unsure(Exception):
    """A value the plain readers leave to typer's own coercion."""


def _plain_reader(descriptor: Any) -> Callable[[Any], Any] | None:
    """How a value of the parameter ``descriptor`` (typer's TypeDescriptor) is read without
    pydantic, or None where typer must read it: anything but a str, an int, a flag, a Path
    or a list of str or Path, without a parser or path checks of its own."""
    info = descriptor.parameter_info
    own = (info.parser, info.path_type, info.clamp)
    checks = (info.exists, info.writable, info.resolve_path, info.allow_dash)
    if any(x not in (None, False) for x in own) or any(checks) or descriptor.is_file:
        return None
    if not (info.file_okay and info.dir_okay):
        return None
    annotation = descriptor.annotation
    if info.min not in (None, 0) or info.max is not None:
        return None  # a bound of its own: typer says how it is broken
    readers = {str: _text, int: _whole, bool: _flag, Path: _path}
    if annotation in readers:
        return readers[annotation]
    if descriptor.is_list and annotation in (list[str], list[Path]):
        item = readers[annotation.__args__[0]]
        return lambda values: [item(v) for v in values]
    return None


def _light_param(descriptor: Any, read: Callable[[Any], Any], build: Callable[[Any], Any]) -> Any:
    """typer's runtime parameter reading with ``read``, and with typer's own (``build``,
    made when first needed) where ``read`` is unsure."""
    from typer._coercion import RuntimeParam

    class Light(RuntimeParam):
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return read(value)
            except _Unsure:
                return _typers(descriptor, build).coerce(value, param=param, ctx=ctx)

    return Light(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)


@functools.cache
def _typers(descriptor: Any, build: Callable[[Any], Any]) -> Any:
    return build(descriptor)


def _text(value: Any) -> str:
    if value.__class__ is not str:
        raise _Unsure
    return value


def _flag(value: Any) -> bool:
    if value.__class__ is not bool:
        raise _Unsure
    return value


def _whole(value: Any) -> int:
    """A whole number typed as plain digits (no sign or space) or given as one: never below
    an option's least of 0 (_plain_reader)."""
    if value.__class__ is str and value.isascii() and value.isdigit():
        value = int(value)
    if value.__class__ is not int or value < 0:
        raise _Unsure
    return value


def _path(value: Any) -> Path:
    """A path, as typer's Path reads it: one that exists must be readable."""
    if not isinstance(value, str | Path):
        raise _Unsure
    try:
        os.stat(value)
    except OSError:
        return Path(value)
    except ValueError:  # a NUL in the name: typer's own says what it says of it
        raise _Unsure from None
    if not os.access(value, os.R_OK):
        raise _Unsure
    return Path(value)
