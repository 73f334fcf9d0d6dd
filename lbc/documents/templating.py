"""Rendering Jinja templates: lbc's own and a school's, always in the sandbox.

A school's template is code someone else wrote, so it runs in Jinja's sandbox; a name the
context lacks is an error (StrictUndefined) that says which name and which line, never a
blank in a document someone signs.
"""

from __future__ import annotations

import traceback
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from lbc.errors import LbcError
from lbc.messages import t

TEMPLATES = resources.files("lbc.documents") / "templates"


def environment(autoescape: bool = False) -> SandboxedEnvironment:
    return SandboxedEnvironment(
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
        return template.render(context)
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
    own frames carry its name and line."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == name and frame.lineno:
            return frame.lineno
    return "-"
