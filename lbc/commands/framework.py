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
from collections.abc import Callable
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
