"""Rendering Jinja templates: lbc's own and a school's, always in the sandbox.

A school's template is code someone else wrote, so it runs in Jinja's sandbox; a name the
context lacks is an error (StrictUndefined) that says which name and which line, never a
blank in a document someone signs. Nor may it run for minutes or fill the memory: a render
stops after TIME_LIMIT seconds or OUTPUT_LIMIT characters, and ``*``/``**`` may not build
a value beyond them (``'a' * 10**10`` would take its gigabytes in one step, before any
output is checked). Jinja's sandbox already caps ``range`` at 100,000 items.
"""

from __future__ import annotations

import _thread
import contextlib
import threading
import time
import traceback
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from lbc.errors import LbcError
from lbc.messages import t

TEMPLATES = resources.files("lbc.documents") / "templates"

TIME_LIMIT = 20.0  # seconds; lbc's own summary renders in well under one
OUTPUT_LIMIT = 20 * 1024 * 1024  # characters; a term's summary is some tens of thousands
POWER_LIMIT = 10_000  # largest exponent of an integer ``**``


class TemplateLimitError(TemplateError):
    """A template went past a limit: reported like any template mistake, in one line."""


class _Sandbox(SandboxedEnvironment):
    """The sandbox, with ``*`` and ``**`` checked before they build a huge value."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > OUTPUT_LIMIT
                ):
                    raise TemplateLimitError(t("err.template_too_big", mb=_mb()))
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right > POWER_LIMIT
        ):
            raise TemplateLimitError(t("err.template_too_big", mb=_mb()))
        return super().call_binop(context, operator, left, right)


def _mb() -> int:
    return OUTPUT_LIMIT // (1024 * 1024)


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """Stop what runs inside after TIME_LIMIT seconds with a TemplateLimitError.

    A loop that prints nothing (nested ``range(99999)``) never returns to lbc's code, so a
    timer interrupts the main thread the way Ctrl-C does (on Windows too); the interrupt
    it caused is told apart from a real Ctrl-C by ``fired``. Off the main thread there is
    nothing to interrupt: only the output checks of ``render`` apply there."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def stop() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _thread.interrupt_main()

    timer = threading.Timer(TIME_LIMIT, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    except KeyboardInterrupt as exc:
        if not state["fired"]:
            raise
        raise TemplateLimitError(t("err.template_too_slow", seconds=f"{TIME_LIMIT:g}")) from exc
    finally:
        with lock:
            state["done"] = True
            timer.cancel()


def environment(autoescape: bool = False) -> SandboxedEnvironment:
    return _Sandbox(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=False,
    )


def builtin(name: str) -> tuple[str, str]:
    """One of lbc's own templates: (its name, its text)."""
    return name, (TEMPLATES / name).read_text(encoding="utf-8")


def user_template(path: Path) -> tuple[str, str]:
    try:
        return str(path), path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise LbcError(t("err.missing", path=path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LbcError(t("err.template", path=path, line="-", reason=str(exc))) from exc


def render(name: str, text: str, context: dict[str, Any], autoescape: bool = False) -> str:
    """Render a template's text; every template mistake becomes one clear LbcError."""
    env = environment(autoescape)
    try:
        template = env.from_string(text)
        template.name = template.filename = name
        parts: list[str] = []
        size = 0
        started = time.monotonic()
        with time_limit():
            for chunk in template.generate(context):
                size += len(chunk)
                if size > OUTPUT_LIMIT:
                    raise TemplateLimitError(t("err.template_too_big", mb=_mb()))
                if time.monotonic() - started > TIME_LIMIT:  # off the main thread
                    raise TemplateLimitError(t("err.template_too_slow", seconds=f"{TIME_LIMIT:g}"))
                parts.append(chunk)
        return "".join(parts)
    except TemplateSyntaxError as exc:
        raise LbcError(t("err.template", path=name, line=exc.lineno, reason=exc.message)) from exc
    except UndefinedError as exc:
        raise LbcError(
            t("err.template", path=name, line=_line(exc, name), reason=str(exc.message))
        ) from exc
    except TemplateError as exc:  # the sandbox refusing an attribute, a bad filter …
        raise LbcError(
            t("err.template", path=name, line=_line(exc, name), reason=str(exc))
        ) from exc
    except Exception as exc:  # whatever a template does wrong (1/0, range(10**9)) is its own
        reason = f"{type(exc).__name__}: {exc}"
        raise LbcError(t("err.template", path=name, line=_line(exc, name), reason=reason)) from exc


def _line(exc: BaseException, name: str) -> int | str:
    """The template line an error happened on: Jinja rewrites tracebacks so the template's
    own frames carry its name and line (those of the interrupt, for a time limit)."""
    for error in (exc, exc.__cause__):
        if error is None:
            continue
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename == name and frame.lineno:
                return frame.lineno
    return "-"
