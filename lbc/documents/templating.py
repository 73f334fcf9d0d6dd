"""Rendering Jinja templates: lbc's own and a school's, always in the sandbox.

A school's template is code someone else wrote, so it runs in Jinja's immutable sandbox
(no ``list.extend`` doubling a list in place); a name the context lacks is an error
(StrictUndefined) that says which name and which line, never a blank in a document someone
signs. Nor may it run for minutes or fill the memory: a render stops after TIME_LIMIT
seconds or OUTPUT_LIMIT characters, and nothing in it may build a value beyond that:

* operations that build a value of the size their arguments ask for in one C call are
  refused before they run: ``'a' * 10**10``, ``2 ** 10**8``, ``'x'|center(10**10)``,
  ``s|indent(10**9)``, ``s|wordwrap(1, wrapstring=big)``, ``'%10000000000s' % x``,
  ``'{:>99999999999}'.format(x)``, ``s.ljust(10**10)``, ``s.replace('', big)``,
  ``big.join(range(99999))``, ``x|batch(10**9, 'x')``;
* operations that add up their operands (``~``, ``+``) are checked after, so doubling a
  value in a loop stops at the first step past the limit;
* and, where the platform can cap memory (not Windows), the whole compile and render run
  under RENDER_MEMORY bytes more than the process held before, so a way to build a big
  value that the checks above miss ends in the same one line, not in the machine swapping.

Jinja's sandbox already caps ``range`` at 100,000 items.
"""

from __future__ import annotations

import _thread
import contextlib
import functools
import inspect
import re
import signal
import string
import sys
import threading
import time
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

from lbc.errors import LbcError
from lbc.messages import os_reason, t
from lbc.roster.supervised import memory_headroom

TEMPLATES = resources.files("lbc.documents") / "templates"

TIME_LIMIT = 20.0  # seconds; lbc's own summary renders in well under one
OUTPUT_LIMIT = 20 * 1024 * 1024  # characters; a term's summary is some tens of thousands
REPEAT = 0.25  # seconds between the time limit's interrupts, until the render stops
POWER_LIMIT = 10_000  # largest exponent of an integer ``**``
# Memory a compile and render may add to the process, where it can be capped: a string of
# OUTPUT_LIMIT characters takes up to 80 MB, and a few of them live at once.
RENDER_MEMORY = 1 << 30


class TemplateLimitError(TemplateError):
    """A template went past a limit: reported like any template mistake, in one line."""


def _too_big() -> TemplateLimitError:
    return TemplateLimitError(t("err.template_too_big", mb=_mb()))


def _too_slow() -> TemplateLimitError:
    return TemplateLimitError(t("err.template_too_slow", seconds=f"{TIME_LIMIT:g}"))


def _checked(value: Any) -> Any:
    """``value``, unless it is a string or sequence longer than OUTPUT_LIMIT."""
    if isinstance(value, str | list | tuple) and len(value) > OUTPUT_LIMIT:
        raise _too_big()
    return value


def _limit(size: int) -> None:
    if size > OUTPUT_LIMIT:
        raise _too_big()


def _number(value: Any) -> int:
    """An argument used as a size: its value if it is an integer, else 0 (Python then
    refuses it, or it is a string whose length is what counts, handled by the caller)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _check_printf(spec: Any, args: Any) -> None:
    """``spec % args`` builds no more than OUTPUT_LIMIT characters for its widths and
    precisions ("%10000000000s", or "%*s" given a huge number)."""
    if not isinstance(spec, str) or "%" not in spec:
        return
    values = args if isinstance(args, tuple) else (args,)
    for match in _PRINTF_SIZE.finditer(spec):
        for size in match.groups():
            if size == "*":
                _limit(max((_number(v) for v in values), default=0))
            elif size:
                _limit(int(size) if len(size) < 12 else OUTPUT_LIMIT + 1)


def _check_format(spec: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Likewise for ``spec.format(...)``: "{:>99999999999}", or "{:>{}}" given a huge one."""
    try:
        fields = [f[2] for f in string.Formatter().parse(spec) if f[2]]
    except (TypeError, ValueError):  # format() itself says what is wrong with it
        return
    for field in fields:
        for size in _DIGITS.findall(field):
            _limit(int(size) if len(size) < 12 else OUTPUT_LIMIT + 1)
        if "{" in field:
            _limit(max((_number(v) for v in (*args, *kwargs.values())), default=0))


_PRINTF_SIZE = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|[0-9]+)?(?:\.(\*|[0-9]+))?")
_DIGITS = re.compile(r"[0-9]+")


def _wrapped_lines(s: str, width: Any) -> int:
    """At most how many lines textwrap cuts ``s`` into at ``width``."""
    return len(s) // max(_number(width), 1) + s.count(" ") + s.count("\n") + 1


# What a string method or filter will build, from the string and its bound arguments,
# for those that build more than their input in one step.
_ESTIMATES: dict[str, Callable[[str, dict[str, Any]], int]] = {
    "center": lambda s, a: max(len(s), _number(a.get("width", 80))),
    "ljust": lambda s, a: max(len(s), _number(a.get("width", 0))),
    "rjust": lambda s, a: max(len(s), _number(a.get("width", 0))),
    "zfill": lambda s, a: max(len(s), _number(a.get("width", 0))),
    "expandtabs": lambda s, a: len(s) + s.count("\t") * _number(a.get("tabsize", 8)),
    "indent": lambda s, a: (
        len(s)
        + (s.count("\n") + 1) * (len(w) if isinstance(w := a.get("width", 4), str) else _number(w))
    ),
    "wordwrap": lambda s, a: (
        len(s) + _wrapped_lines(s, a.get("width", 79)) * len(str(a.get("wrapstring") or "\n"))
    ),
    "replace": lambda s, a: (
        len(s)
        + (s.count(str(a.get("old", ""))) if a.get("old") else len(s) + 1)
        * max(0, len(str(a.get("new", ""))) - len(str(a.get("old", ""))))
    ),
}


# Filters whose argument is the number of lists or items they build, whatever their input
# (``range(9)|batch(10**9, 'x')`` pads a list to a billion items in one step).
_COUNTS = {"batch": "linecount", "slice": "slices"}


def _check_str_call(name: str, s: str, arguments: dict[str, Any]) -> None:
    estimate = _ESTIMATES.get(name)
    if estimate is not None:
        with contextlib.suppress(TypeError, ValueError):  # the call itself will say why
            _limit(estimate(s, arguments))


def _joined_size(separator: Any, items: list[Any]) -> int:
    return len(str(separator)) * max(len(items) - 1, 0) + sum(len(str(x)) for x in items)


def _guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses what would build a value past OUTPUT_LIMIT before it builds
    it (see _ESTIMATES, ``format``, ``join``) and checks what it returns."""
    signature = inspect.signature(func)
    # Jinja passes the environment or context first to some filters; a filter with an async
    # variant gets it without naming it (its signature is the plain function's).
    named = next(iter(signature.parameters), "") in ("environment", "eval_ctx", "context", "env")
    unnamed = getattr(func, "jinja_pass_arg", None) is not None and not named

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args[1 if unnamed else 0 :], **kwargs).arguments
        except TypeError:
            return func(*args, **kwargs)  # Jinja reports the wrong call in its own words
        values = list(bound.values())[1 if named else 0 :]
        subject = values[0] if values else None
        if name in _COUNTS:
            _limit(_number(bound.get(_COUNTS[name])))
        if name == "format":
            _check_printf(subject, tuple(bound.get("args", ())) or bound.get("kwargs", {}))
        elif name == "join" and subject is not None and not isinstance(subject, str):
            items = list(subject)
            _limit(_joined_size(bound.get("d", ""), items))
            args = tuple(items if a is subject else a for a in args)
        elif isinstance(subject, str):
            _check_str_call(name, subject, bound)
        return _checked(func(*args, **kwargs))

    return guarded


class _Generator(CodeGenerator):
    """Jinja's code generator, with every ``~`` checked by the environment once joined."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(")")


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with the size checks the module docstring lists."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _Generator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}

    @staticmethod
    def checked(value: Any) -> Any:
        return _checked(value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    _limit(len(seq) * times)
        elif operator == "**":
            ints = isinstance(left, int) and isinstance(right, int)
            if ints and abs(left) > 1 and right > POWER_LIMIT:
                raise _too_big()
        elif operator == "%":
            _check_printf(left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        spec = value.__self__

        @functools.wraps(wrapper)
        def guarded(*args: Any, **kwargs: Any) -> str:
            mapping = args[0] if value.__name__ == "format_map" and args else kwargs
            _check_format(spec, args, dict(mapping) if hasattr(mapping, "keys") else {})
            return _checked(wrapper(*args, **kwargs))

        return guarded

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            if name == "join" and len(args) == 1:
                items = list(args[0])
                _limit(_joined_size(owner, items))
                args = (items,)
            else:
                with contextlib.suppress(TypeError, ValueError):
                    parameters = inspect.signature(__obj).bind(*args, **kwargs).arguments
                    _check_str_call(name, owner, parameters)
        return _checked(super().call(__context, __obj, *args, **kwargs))


def _mb() -> int:
    return OUTPUT_LIMIT // (1024 * 1024)


class _TimeUp(KeyboardInterrupt):
    """The time limit's interrupt, told apart from a real Ctrl-C (a KeyboardInterrupt, so
    that ``except Exception`` in a template's way does not catch it)."""


class _Clock:
    """The time limit of one render on the main thread.

    A loop that prints nothing (nested ``range(99999)``) never returns to lbc's code, so a
    timer interrupts the main thread the way Ctrl-C does (on Windows too). One interrupt is
    not enough: ``_thread.interrupt_main`` does nothing while SIGINT is ignored (a script's
    ``lbc … &``, ``trap '' INT``) or left to the system, and an interrupt landing in a
    finaliser is lost. So SIGINT has lbc's own handler while the render runs, and the timer
    interrupts again every REPEAT seconds until the render ends. The handler raises only
    in the render's own code: a late interrupt, or one landing in ``bounded``'s setting up
    and tidying, is dropped; a real Ctrl-C goes where SIGINT went before."""

    def __init__(self, body: FrameType) -> None:
        self.body: FrameType | None = body  # the frame that runs the render
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.fired = False
        self.done = False
        self.previous: Any = None
        self.running = False

    def start(self) -> None:
        """Off the main thread there is nothing to interrupt, nor where SIGINT's handler
        is not Python's to set: only the output checks of ``render`` apply there."""
        if threading.current_thread() is not threading.main_thread():
            return
        previous = signal.getsignal(signal.SIGINT)
        if previous is None:  # set outside Python: it could not be put back
            return
        try:
            signal.signal(signal.SIGINT, self._interrupted)
        except (ValueError, OSError):
            return
        try:
            threading.Thread(target=self._watch, name="lbc-template-clock", daemon=True).start()
        except RuntimeError:  # no thread to be had: as off the main thread
            signal.signal(signal.SIGINT, previous)
            return
        self.previous = previous
        self.running = True

    def _watch(self) -> None:
        wait = TIME_LIMIT
        while not self.wake.wait(wait):
            with self.lock:  # never after stop() has begun
                if self.done:
                    return
                self.fired = True
                _thread.interrupt_main()
            wait = REPEAT

    def _interrupted(self, signum: int, frame: FrameType | None) -> None:
        if self.fired:
            if not self.done and self._in_render(frame):
                raise _TimeUp
            return
        previous = self.previous  # a real Ctrl-C
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt

    def _in_render(self, frame: FrameType | None) -> bool:
        while frame is not None:
            if frame is self.body:
                return True
            if frame.f_back is self.body and frame.f_code in _SETTING_UP:
                return False
            frame = frame.f_back
        return False

    def stop(self) -> None:
        """The timer fires no more; an interrupt it made just before is handled now, by
        the handler that drops it, and SIGINT's handler is put back."""
        self.body = None
        if not self.running:
            return
        self.running = False
        with self.lock:
            self.done = True
        self.wake.set()
        _settle()
        signal.signal(signal.SIGINT, self.previous)


def _settle() -> None:
    """Nothing: calling Python code runs the signal handlers pending on this thread."""


class bounded:
    """Compile and render under the time limit and, where the platform can cap it, with
    at most RENDER_MEMORY more memory; running out of it is the output-size error (a
    constant expression is evaluated while compiling, so compiling counts too).

    Whatever runs in the ``with`` block is the render, in the frame that entered it."""

    def __enter__(self) -> None:
        self._memory = memory_headroom(RENDER_MEMORY)
        self._memory.__enter__()
        self._clock = _Clock(sys._getframe(1))
        self._clock.start()

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> bool:
        clock, self._clock = self._clock, None
        clock.stop()
        try:
            self._memory.__exit__(kind, exc, tb)
        except MemoryError:
            raise _too_big() from None
        if isinstance(exc, _TimeUp):
            raise _too_slow() from exc
        if isinstance(exc, MemoryError):
            raise _too_big() from None
        return False


# Where an interrupt is not the render's: bounded's own setting up and tidying.
_SETTING_UP = frozenset({bounded.__enter__.__code__, bounded.__exit__.__code__})


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
    except OSError as exc:
        raise LbcError(t("err.template", path=path, line="-", reason=os_reason(exc))) from exc
    except UnicodeDecodeError as exc:
        reason = t("reason.not_utf8")
        raise LbcError(t("err.template", path=path, line="-", reason=reason)) from exc


def render(name: str, text: str, context: dict[str, Any], autoescape: bool = False) -> str:
    """Render a template's text; every template mistake becomes one clear LbcError."""
    env = environment(autoescape)
    try:
        with bounded():
            template = env.from_string(text)
            template.name = template.filename = name
            parts: list[str] = []
            size = 0
            started = time.monotonic()
            for chunk in template.generate(context):
                size += len(chunk)
                if size > OUTPUT_LIMIT:
                    raise _too_big()
                if time.monotonic() - started > TIME_LIMIT:  # off the main thread
                    raise _too_slow()
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
