"""The workspace file ``lbc.toml``: found like git finds its repository.

A command with no file arguments looks for ``lbc.toml`` in the current folder and then each
parent, so a school can run ``lbc validate`` from anywhere inside its workspace.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lbc.errors import LbcError
from lbc.fields import FIELDS
from lbc.messages import t

CONFIG_NAME = "lbc.toml"
DEFAULT_MAX_PER_TEACHER = 2


@dataclass
class Config:
    path: Path | None = None
    school: str = ""
    contact_phone: str = ""
    rosters: list[Path] = field(default_factory=list)
    max_per_teacher: int = DEFAULT_MAX_PER_TEACHER
    synonyms: dict[str, list[str]] = field(default_factory=dict)


def find_config(start: Path) -> Path | None:
    """The nearest ``lbc.toml`` at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Parse and check ``lbc.toml``; every mistake is one clear :class:`LbcError`."""

    def bad(reason: str) -> LbcError:
        return LbcError(t("err.config", path=path, reason=reason))

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise LbcError(t("err.missing", path=path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise bad(str(exc)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise bad(str(exc)) from exc

    cfg = Config(path=path)
    school = data.get("school", {})
    files = data.get("files", {})
    pairing = data.get("pairing", {})
    synonyms = data.get("synonyms", {})
    for section, value in (("school", school), ("files", files), ("pairing", pairing)):
        if not isinstance(value, dict):
            raise bad(t("cfg.section", section=section))
    cfg.school = _string(school.get("name", ""), "school.name", bad)
    cfg.contact_phone = _string(school.get("contact_phone", ""), "school.contact_phone", bad)

    roster = files.get("roster", [])
    if isinstance(roster, str):
        roster = [roster]
    if not isinstance(roster, list) or not all(isinstance(p, str) for p in roster):
        raise bad(t("cfg.type", key="files.roster", expected=t("cfg.expect.paths")))
    cfg.rosters = [(path.parent / p) for p in roster]

    mpt = pairing.get("max_per_teacher", DEFAULT_MAX_PER_TEACHER)
    if not isinstance(mpt, int) or isinstance(mpt, bool) or mpt < 0:
        raise bad(t("cfg.type", key="pairing.max_per_teacher", expected=t("cfg.expect.count")))
    cfg.max_per_teacher = mpt

    if not isinstance(synonyms, dict):
        raise bad(t("cfg.section", section="synonyms"))
    known = {f.key for fields in FIELDS.values() for f in fields}
    for key, texts in synonyms.items():
        if key not in known:
            raise bad(t("cfg.unknown_key", key=key))
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not all(isinstance(x, str) for x in texts):
            raise bad(t("cfg.type", key=f"synonyms.{key}", expected=t("cfg.expect.texts")))
        cfg.synonyms[key] = list(texts)
    return cfg


def _string(value: object, key: str, bad) -> str:
    if not isinstance(value, str):
        raise bad(t("cfg.type", key=key, expected=t("cfg.expect.text")))
    return value


def resolve_inputs(files: list[Path], config_path: Path | None) -> tuple[list[Path], Config]:
    """The files a command works on: those given, or those named by the workspace config."""
    if config_path is not None:
        cfg = load_config(config_path)
    else:
        found = find_config(Path.cwd())
        cfg = load_config(found) if found else Config()
    if files:
        return files, cfg
    if cfg.path is None or not cfg.rosters:
        raise LbcError(t("err.no_input"))
    return [Path(os.path.relpath(p)) for p in cfg.rosters], cfg
