"""The workspace file ``lbc.toml``: found like git finds its repository.

A command with no file arguments looks for ``lbc.toml`` in the current folder and then each
parent, so a school can run ``lbc validate`` from anywhere inside its workspace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lbc.errors import LbcError
from lbc.messages import as_list, os_reason, t
from lbc.roster.fields import FIELDS
from lbc.workspace.inputs import holds_spreadsheets, last_terms, spreadsheet_files
from lbc.workspace.terms import parse_term

CONFIG_NAME = "lbc.toml"
DEFAULT_MAX_PER_TEACHER = 2


@dataclass
class Quotas:
    """What the school commits to (结对帮扶制度, "四个一"); each settable under [quotas]."""

    talks_per_month: int = 1  # 谈心 with every paired child each month of the term
    home_visits_per_term: int = 1  # 家访
    warmth_per_year: int = 1  # 送温暖
    children_per_teacher: int = 1  # every teacher supports at least this many
    max_days_without_contact: int = 30  # no paired child goes longer without any record


# The most any quota may be, in lbc.toml's [quotas] and a merged roster's 各校要求 alike: a
# year's days. A count past it is a slip of the keyboard (999999999999 talks a month), which
# lbc record-sheets would lay out row by row without end.
QUOTA_MAX = 366


def quota_count(value: object) -> int | None:
    """A quota's count as lbc.toml or 各校要求 gives it (an int), if it is a whole number
    from 0 to QUOTA_MAX; else None."""
    if value.__class__ is not int or not 0 <= value <= QUOTA_MAX:  # type: ignore[operator]
        return None
    return value  # type: ignore[return-value]


@dataclass
class WatchSettings:
    """How the watch list is drawn (lbc watch), each settable under [watch]: a child is on
    it when the weights of its reasons add up to ``threshold``; ``weights`` holds the
    school's own weight for a criterion's code (WCH004 = 3), 0 turning it off."""

    threshold: int = 3
    guardian_age: int = 70  # a guardian this old or older is a reason (WCH004)
    # Longer than this without a talk or contact (WCH013): the school's one limit,
    # [quotas] max_days_without_contact, which lbc due reminds of too (set by load_config).
    days_without_contact: int = Quotas.max_days_without_contact
    weights: dict[str, int] = field(default_factory=dict)
    # The school's own term dates ([terms], set by load_config): WCH013 counts the days
    # within the school year, as lbc due does.
    terms: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)


@dataclass
class Config:
    path: Path | None = None
    school: str = ""
    contact_phone: str = ""
    rosters: list[Path] = field(default_factory=list)
    # [files] pairs: the pairs workbook ``lbc pair --save`` writes and every command reads
    # with the roster; it need not exist yet (before the first pairing).
    pairs: Path | None = None
    records: list[Path] = field(default_factory=list)  # returned record sheets (folders too)
    max_per_teacher: int = DEFAULT_MAX_PER_TEACHER
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    terms: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    quotas: Quotas = field(default_factory=Quotas)
    # The [quotas] the lbc.toml sets itself, by key: a school's in a county's folder run
    # win over the run's for its children (Roster.quotas), the rest stay the run's.
    own_quotas: dict[str, int] = field(default_factory=dict)
    watch: WatchSettings = field(default_factory=WatchSettings)
    # The [watch] the lbc.toml sets itself (threshold, guardian_age, weights), by key: a
    # school's in a county's folder run win over the run's for its children (Roster.watch).
    own_watch: dict[str, object] = field(default_factory=dict)

    def own_files(self) -> frozenset[Path]:
        """The files its [files] name (rosters, pairs workbook, record sheets), those in
        the folders it names too, resolved: the workspace's own, below its top level. Not
        those in a folder last term's files are kept in below a folder it names
        (记录表/上学期/), as a run given that folder leaves them out."""
        named = [*self.rosters, *([self.pairs] if self.pairs else []), *self.records]
        found = [
            p
            for r in named
            if r.is_dir()
            for p in r.rglob("*")
            if not last_terms(r, p.relative_to(r).parts[:-1])
        ]
        return frozenset(p.resolve() for p in [*named, *found])


def quotas_over(run: Quotas, own: dict[str, int] | None) -> Quotas:
    """A school's quotas: the [quotas] its own lbc.toml sets (``own``) over the run's."""
    return dataclasses.replace(run, **own) if own else run


def watch_over(run: WatchSettings, own: dict[str, object] | None) -> WatchSettings:
    """A school's watch settings: the [watch] its own lbc.toml sets (``own``) over the
    run's, a weight its [watch.weights] does not set staying the run's."""
    if not own:
        return run
    weights = own.get("weights")
    mine = {**run.weights, **weights} if isinstance(weights, dict) else run.weights
    return dataclasses.replace(run, **{**own, "weights": mine})


def find_config(start: Path) -> Path | None:
    """The nearest ``lbc.toml`` at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


# The tables lbc.toml may hold, and the keys of those whose keys are fixed (the others'
# are terms, quotas, watch settings and field keys, each checked where it is read): a
# mistyped name ([quota], [school] nmae) is said, not dropped, which left a school's
# quotas or name the defaults without a word.
SETTINGS: dict[str, tuple[str, ...]] = {
    "school": ("name", "contact_phone"),
    "files": ("roster", "records", "pairs"),
    "pairing": ("max_per_teacher",),
    "terms": (),
    "quotas": (),
    "watch": (),
    "synonyms": (),
}


def load_config(path: Path) -> Config:
    """Parse and check ``lbc.toml``; every mistake is one clear :class:`LbcError`."""

    text = ""

    def bad(reason: str, *key: str, first: bool = False) -> LbcError:
        """The error, at the line ``key`` (its table's and its own names) is written on,
        where it is found: a value of the wrong kind is said where it stands, as a typo.
        ``first``: the first line writing anything named so (_line_of)."""
        line = _line_of(text, key, first) if key else None
        if line is not None:
            reason = t("reason.at_line", line=line, reason=reason)
        return LbcError(t("err.config", path=path, reason=reason))

    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except FileNotFoundError as exc:
        raise LbcError(t("err.missing", path=path)) from exc
    except OSError as exc:
        raise bad(os_reason(exc)) from exc
    except UnicodeDecodeError as exc:
        raise bad(t("reason.not_utf8")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise bad(_toml_reason(exc)) from exc

    for section, value in data.items():
        known = SETTINGS.get(section)
        if known is None:
            reason = "cfg.unknown_section" if isinstance(value, dict) else "cfg.key_outside"
            raise bad(t(reason, section=section), section, first=True)
        if isinstance(value, dict) and known:
            for key in value:
                if key not in known:
                    listed = as_list(known)
                    raise bad(
                        t("cfg.unknown_setting", section=section, key=key, known=listed),
                        section,
                        key,
                    )
    cfg = Config(path=path)
    school = data.get("school", {})
    files = data.get("files", {})
    pairing = data.get("pairing", {})
    synonyms = data.get("synonyms", {})
    for section, value in (("school", school), ("files", files), ("pairing", pairing)):
        if not isinstance(value, dict):
            raise bad(t("cfg.section", section=section), section)
    cfg.school = _string(school.get("name", ""), "school.name", bad)
    cfg.contact_phone = _string(school.get("contact_phone", ""), "school.contact_phone", bad)

    cfg.rosters = _paths(files, "roster", path, bad)
    cfg.records = _paths(files, "records", path, bad)
    pairs = files.get("pairs", "")
    if not isinstance(pairs, str):
        raise bad(t("cfg.type", key="files.pairs", expected=t("cfg.expect.path")), "files", "pairs")
    cfg.pairs = path.parent / pairs if pairs.strip() else None

    mpt = pairing.get("max_per_teacher", DEFAULT_MAX_PER_TEACHER)
    cfg.max_per_teacher = _count(mpt, "pairing.max_per_teacher", bad)

    cfg.terms = _terms(data.get("terms", {}), bad)
    quotas = data.get("quotas", {})
    if not isinstance(quotas, dict):
        raise bad(t("cfg.section", section="quotas"), "quotas")
    for key, value in quotas.items():
        if key not in Quotas.__dataclass_fields__:
            raise bad(t("cfg.unknown_quota", key=key), "quotas", key)
        count = quota_count(value)
        if count is None:
            expected = t("cfg.expect.quota", most=QUOTA_MAX)
            raise bad(t("cfg.type", key=f"quotas.{key}", expected=expected), "quotas", key)
        setattr(cfg.quotas, key, count)
        cfg.own_quotas[key] = getattr(cfg.quotas, key)

    cfg.watch = _watch(data.get("watch", {}), bad)
    cfg.own_watch = {key: getattr(cfg.watch, key) for key in data.get("watch", {})}
    cfg.watch.days_without_contact = cfg.quotas.max_days_without_contact
    cfg.watch.terms = cfg.terms

    if not isinstance(synonyms, dict):
        raise bad(t("cfg.section", section="synonyms"), "synonyms")
    known = {f.key for fields in FIELDS.values() for f in fields}
    for key, texts in synonyms.items():
        if key not in known:
            raise bad(t("cfg.unknown_key", key=key), "synonyms", key)
        if isinstance(texts, str):
            texts = [texts]
        if not isinstance(texts, list) or not all(isinstance(x, str) for x in texts):
            expected = t("cfg.expect.texts")
            raise bad(t("cfg.type", key=f"synonyms.{key}", expected=expected), "synonyms", key)
        cfg.synonyms[key] = list(texts)
    return cfg


def names_no_school(path: Path) -> bool:
    """Whether an lbc.toml lbc cannot load is still plainly no school's: its TOML reads,
    it has no [school] and its [files] name nothing, and no spreadsheet lies beside it (a
    county office's own above the schools' folders, asking a quota lbc does not know). A
    school's lbc.toml names its school or its files, or sits beside its roster, and the
    files in its folders (last term's in 上学期/) are its own even while lbc cannot load
    it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    if "school" in data or data.get("files"):
        return False
    return not holds_spreadsheets(path.parent)


# A table's header ([quotas], [terms."2024-autumn"]), and a key's name before its = (a
# dotted one too: quotas.talks_per_month = 2), each name bare or quoted.
_NAME = r"(?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)"
_DOTTED = rf"{_NAME}(?:\s*\.\s*{_NAME})*"
_TABLE_LINE = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?")
_KEY_LINE = re.compile(rf"^\s*({_DOTTED})\s*=")


def _names(dotted: str) -> list[str]:
    return [name.strip().strip("\"'") for name in re.findall(_NAME, dotted)]


def _line_of(text: str, key: tuple[str, ...], first: bool = False) -> int | None:
    """The line (from 1) ``key`` is written on in lbc.toml: the line of its own table's
    header, or of the key within its table; None where it is not found as written.
    ``first``: the first line of anything whose name begins so ([term."2025-spring"] for
    ``("term",)``, a key above every table)."""
    want, table = list(key), []
    for n, line in enumerate(text.splitlines(), start=1):
        if found := _TABLE_LINE.match(line):
            table = _names(found[1])
            if (table[: len(want)] if first else table) == want:
                return n
        elif found := _KEY_LINE.match(line):
            named = [*table, *_names(found[1])]
            if (named[: len(want)] if first else named) == want:
                return n
    return None


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """Where lbc.toml is mistyped; tomllib says why only in English, so the Chinese names
    the place and leaves the why to the reader's eye."""
    where = re.search(r"at line (\d+), column (\d+)", str(exc))
    if where is None:  # "at end of document": an unclosed quote or bracket
        return t("reason.toml_end")
    return t("reason.toml", line=where[1], column=where[2])


def _terms(section: object, bad) -> dict[str, tuple[dt.date, dt.date]]:
    """[terms."2024-autumn"] start = 2024-08-30, end = 2025-01-20: a school's own dates.
    A date left unwritten stops short of a neighbour's written one (spring set to start on
    Jan 20 ends an autumn whose end is not written on Jan 19), as a neighbour term left
    unset moves (lbc.workspace.terms._dates). One term set twice (2024秋 and 2024-autumn),
    or two whose written dates overlap, is refused: the second's dates were taken without a
    word, and a record of a day in two terms counted in both."""
    if not isinstance(section, dict):
        raise bad(t("cfg.section", section="terms"), "terms")
    out: dict[str, tuple[dt.date, dt.date]] = {}
    written: dict[str, str] = {}  # each term's key, as its table names it
    given: dict[str, tuple[bool, bool]] = {}  # whether its start and its end are written
    for name, dates in section.items():
        try:
            term = parse_term(name)
        except LbcError as exc:
            raise bad(str(exc), "terms", name) from exc
        if term.key in written:
            raise bad(t("cfg.term_twice", term=name, other=written[term.key]), "terms", name)
        written[term.key] = name
        if not isinstance(dates, dict):
            raise bad(t("cfg.section", section=f"terms.{name}"), "terms", name)
        unknown = sorted(dates.keys() - {"start", "end"})  # begin = …: said, not dropped
        if unknown:
            key = unknown[0]
            raise bad(t("cfg.unknown_term_key", term=name, key=key), "terms", name, key)
        start, end = dates.get("start", term.start), dates.get("end", term.end)
        if not all(type(d) is dt.date for d in (start, end)) or start > end:
            expected = t("cfg.expect.dates")
            raise bad(t("cfg.type", key=f"terms.{name}", expected=expected), "terms", name)
        out[term.key] = (start, end)
        given[term.key] = ("start" in dates, "end" in dates)
    day = dt.timedelta(days=1)
    for before, after in itertools.pairwise(sorted(out, key=out.__getitem__)):
        (start, end), (next_start, next_end) = out[before], out[after]
        if next_start > end:
            continue
        if given[after][0] and not given[before][1] and start < next_start:
            out[before] = (start, next_start - day)
        elif given[before][1] and not given[after][0] and end < next_end:
            out[after] = (end + day, next_end)
        else:
            name, other = written[after], written[before]
            said = t("cfg.terms_overlap", term=name, other=other, start=next_start, end=end)
            raise bad(said, "terms", name)
    return out


def _paths(files: dict, key: str, config: Path, bad) -> list[Path]:
    """[files] ``key``: one path or a list, relative to lbc.toml."""
    value = files.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise bad(t("cfg.type", key=f"files.{key}", expected=t("cfg.expect.paths")), "files", key)
    return [config.parent / p for p in value]


def _count(value: object, key: str, bad) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise bad(t("cfg.type", key=key, expected=t("cfg.expect.count")), *key.split("."))
    return value


def _watch(section: object, bad) -> WatchSettings:
    """[watch] threshold, guardian_age and [watch.weights]. A weight's
    code is checked against the rules where they are known (lbc.checks.watch)."""
    if not isinstance(section, dict):
        raise bad(t("cfg.section", section="watch"), "watch")
    out = WatchSettings()
    for key, value in section.items():
        if key == "weights":
            if not isinstance(value, dict):
                raise bad(t("cfg.section", section="watch.weights"), "watch", "weights")
            out.weights = {
                code.upper(): _count(w, f"watch.weights.{code}", bad) for code, w in value.items()
            }
        elif key in ("threshold", "guardian_age"):
            setattr(out, key, _count(value, f"watch.{key}", bad))
        else:
            raise bad(t("cfg.unknown_watch", key=key), "watch", key)
    return out


def _string(value: object, key: str, bad) -> str:
    if not isinstance(value, str):
        raise bad(t("cfg.type", key=key, expected=t("cfg.expect.text")), *key.split("."))
    return value


def resolve_inputs(files: list[Path], config_path: Path | None) -> tuple[list[Path], Config]:
    """The files a command works on: those given, or those named by the workspace config
    (the rosters, and the pairs workbook once it exists). The workspace's pairs workbook
    also goes with the workspace's rosters when they are named on the command line."""
    if config_path is not None:
        cfg = load_config(config_path)
    else:
        found = find_config(Path.cwd())
        cfg = load_config(found) if found else Config()
    pairs = [cfg.pairs] if cfg.pairs and cfg.pairs.exists() else []
    if files:
        # The workspace's own roster named on the command line: its pairs go with it.
        given = {p.resolve() for p in files}
        if pairs and cfg.rosters and {p.resolve() for p in cfg.rosters} <= given:
            return [*files, *(Path(os.path.relpath(p)) for p in pairs)], cfg
        return files, cfg
    if cfg.path is None:
        raise LbcError(t("err.no_input"))
    if not cfg.rosters:  # an lbc.toml of its [school] or [quotas] alone: not "no lbc.toml"
        raise LbcError(t("err.no_roster_named", path=os.path.relpath(cfg.path)))
    # The returned record sheets are read with the rosters; a folder not made yet (no sheet
    # handed back) is no error.
    records = [p for p in cfg.records if spreadsheet_files([p]) and p.exists()]
    return [Path(os.path.relpath(p)) for p in [*cfg.rosters, *pairs, *records]], cfg
