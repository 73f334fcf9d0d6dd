"""What every command shares: input resolution, output streams, errors, progress, and the
one way a result is printed (``emit``)."""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import functools
import io
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from lbc.output.privacy import Privacy

from lbc import __version__
from lbc.errors import ExitStatus, LbcError, LbcErrors
from lbc.messages import as_list, h, long_date, metavar, os_reason, t
from lbc.output.formats import FORMATS, json_bytes, to_csv, to_json
from lbc.output.linebreak import use_chinese_line_breaks
from lbc.roster import reading, supervised
from lbc.roster.canonical import Roster, Table, shows_an_error_whole
from lbc.roster.support import (
    SupportRecord,
    dateless_records,
    not_held_records,
    records_in_notes,
    records_outside,
    records_written_twice,
    undated_records,
)
from lbc.roster.tables import SheetReader
from lbc.workspace.config import Config, Quotas, resolve_inputs
from lbc.workspace.inputs import nothing_to_read, spreadsheet_files
from lbc.workspace.notes import files_left_out, what_was_read
from lbc.workspace.notes import spreadsheets as noted_spreadsheets
from lbc.workspace.schools import read_roster
from lbc.workspace.terms import (
    Dates,
    SchoolTerms,
    Term,
    date_records_by_own_term,
    date_records_in,
    dated_by_a_term,
    each_schools_term,
    in_a_school_year,
    in_a_term,
    terms_of_their_own,
)

F = TypeVar("F", bound=Callable[..., Any])

FilesArg = Annotated[
    list[Path] | None, typer.Argument(help=h("files"), metavar=metavar("files"), show_default=False)
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help=h("config"))]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help=h("format"))]
ShowPiiOpt = Annotated[bool, typer.Option("--show-pii", help=h("show_pii"))]
NoBomOpt = Annotated[bool, typer.Option("--no-bom", help=h("no_bom"))]
JsonKeysOpt = Annotated[bool, typer.Option("--json-keys", help=h("json_keys"))]

DEBUG = {"on": os.environ.get("LBC_DEBUG", "") not in ("", "0")}


def stdout() -> Console:
    """Results console; when piped, tables drawn 200 columns wide and lines never folded
    (a merge's headline folded inside 错误 at its 200th column), for a script to read."""
    from rich.console import Console

    use_lbc_rich()
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=200, soft_wrap=True)
    return console


def show_table(console: Console, table: RenderableType) -> None:
    """Print a table of lbc.output.formats.rich_table. It is never wider than the console
    (its columns are fitted to it, as rich's Table fits them), so its lines are written as
    drawn, not measured once more for rich to crop them: seconds over a county's 100,000
    children."""
    console.print(table, crop=False)


def stderr() -> Console:
    from rich.console import Console

    use_lbc_rich()
    return Console(stderr=True, highlight=False)


def use_lbc_rich() -> None:
    """rich as lbc prints with it, its help screens too: Chinese wraps at its own break
    points (lbc.output.linebreak), and a closed stdout raises BrokenPipeError, which ends
    the run like every other closed pipe (141, quietly), where rich would leave with
    SystemExit(1), "problems found". Called before rich renders anything; idempotent."""
    from rich.console import Console

    use_chinese_line_breaks()
    Console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]


def _broken_pipe(console: object) -> None:
    raise BrokenPipeError


# Notes of the commands running now, held until their result is printed: a command that
# then fails says so in one line, without the notes that led up to it (handle_errors).
_HELD: list[list[str]] = []


def note(message: str) -> None:
    """One line on stderr, never wrapped: scripts grep these."""
    if _HELD:
        _HELD[-1].append(message)
    else:
        print(message, file=sys.stderr)


def note_each(messages: Iterable[str]) -> None:
    """Each of ``messages`` as a note, in order."""
    for message in messages:
        note(message)


def note_untyped(rows: list[tuple[Table, int]], left_out: str) -> None:
    """Say how many children a list of the left-behind children could not judge, their
    留守类型 empty or unreadable (lbc.roster.people.untyped), and where the first is;
    ``left_out`` says in words what was not done for them."""
    note_rows("note.untyped", rows, left_out=left_out)


def note_rows(key: str, rows: list[tuple[Table, int]], **params: object) -> None:
    """Say how many rows a list could not take, and where the first is: message ``key``
    with ``count``, ``file``, ``sheet``, ``row`` and ``params``; nothing when none. The
    first of its sheet, though the sheet was read in pieces (a school each) and its rows
    listed piece by piece."""
    if rows:
        places = [(table.file, table.sheet_at(i), table.rows[i]) for table, i in rows]
        order: dict[tuple[str, str], int] = {}
        for file, sheet, _ in places:
            order.setdefault((file, sheet), len(order))
        file, sheet, row = min(places, key=lambda place: (order[place[:2]], place[2]))
        note(t(key, count=len(rows), file=file, sheet=sheet, row=row, **params))


def note_uncounted_records(
    roster: Roster,
    terms: dict[str, tuple[dt.date, dt.date]],
    unclear: Sequence[SupportRecord],
    unreadable_kinds: Sequence[SupportRecord] = (),
    counted: Sequence[SupportRecord] = (),
) -> None:
    """Say which support records counted for no child, as lbc due, lbc summary and lbc
    watch all say it: those naming no one child (``unclear``), those whose 类型 lbc cannot
    read (``unreadable_kinds``), those whose date cannot be read (but one without its year
    of another term) or is left empty, those whose 类型 says no contact was made (未家访),
    and those dated in no term (by the
    school's ``terms``, in a county's folder each school's own over them: a summer's home
    visit); and of the records a report ``counted`` (lbc due, lbc summary, lbc watch), the
    rows repeating an earlier row of their sheet, which it counted twice
    (lbc.roster.support.rows_written_twice)."""
    if unclear:
        codes = _codes(roster, "student", _places(unclear), "REC002", "REC003")
        note(t("note.records_unclear", count=len(unclear), codes=codes))
    if unreadable_kinds:
        codes = _codes(roster, "kind", _places(unreadable_kinds), "REC004")
        note(t("note.records_unreadable_kind", count=len(unreadable_kinds), codes=codes))
    # A date without its year of another term than the run's is that term's, as one
    # written in full: no unreadable date (dated_by_a_term).
    others = {
        id(tb): dated_by_a_term(tb, roster.terms_of(tb.origin, terms)) for tb in roster.records
    }
    if undated := [(tb, i) for tb, i in undated_records(roster) if i not in others[id(tb)]]:
        places = [(tb.file, tb.sheet_at(i), tb.rows[i]) for tb, i in undated]
        codes = _codes(roster, "date", places, "DATE001")
        note_rows("note.records_undated", undated, codes=codes)
    note_rows("note.records_dateless", dateless_records(roster))
    note_rows("note.records_in_notes", records_in_notes(roster))
    note_rows("note.records_not_held", not_held_records(roster))
    if counted:
        places = {(r.file, r.sheet, r.row) for r in counted}
        twice = [
            (tb, i)
            for tb, i in records_written_twice(roster)
            if (tb.file, tb.sheet_at(i), tb.rows[i]) in places
        ]
        note_rows("note.records_written_twice", twice)
    run = functools.partial(in_a_term, dates=terms)
    own = {
        file: functools.partial(in_a_term, dates=roster.terms_of(file, terms))
        for file in roster.terms
    }
    run_year = functools.partial(in_a_school_year, dates=terms)
    own_year = {
        file: functools.partial(in_a_school_year, dates=roster.terms_of(file, terms))
        for file in roster.terms
    }
    outside = records_outside(
        roster, lambda f: own.get(f, run), lambda f: own_year.get(f, run_year)
    )
    note_rows("note.records_termless", outside)


def _places(records: Sequence[SupportRecord]) -> list[tuple[str, str, int]]:
    """Where each record was read: file, sheet and row."""
    return [(r.file, r.sheet, r.row) for r in records]


def _codes(roster: Roster, key: str, places: Sequence[tuple[str, str, int]], *codes: str) -> str:
    """The codes lbc validate shows on the records a note counts (read at ``places``) for
    their ``key`` cell: VAL007 on those showing a formula's error (a failed VLOOKUP's
    #N/A), which it says alone (lbc.checks.findings.reported); ``codes`` on the others, if
    any are left. Those records alone: a record of another term the note does not count."""
    errors = {
        (tb.file, tb.sheet_at(i), tb.rows[i])
        for tb in roster.records
        for i, cell in enumerate(tb.raw.get(key, ()))
        if shows_an_error_whole(cell)
    }
    shown = sum(place in errors for place in places)
    found = (["VAL007"] if shown else []) + (list(codes) if len(places) > shown else [])
    return as_list(found)


def _release_notes() -> None:
    """Print the notes held so far: the command has got as far as its result."""
    if _HELD:
        for message in _HELD[-1]:
            print(message, file=sys.stderr)
        _HELD[-1].clear()


def quiet_stdout() -> None:
    """Point stdout at the null device once its reader has gone (``lbc … | head``), so the
    final flush cannot fail again; where stdout has no descriptor (tests) there is nothing
    left to flush to a closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def fail(message: str, *more: str) -> typer.Exit:
    """Print one line on stderr, a line for each of ``more`` too (LbcErrors), and return the
    exit to raise (the job cannot be done)."""
    for line in (message, *more):
        print(t("err.prefix") + line, file=sys.stderr)
    return typer.Exit(ExitStatus.CANNOT_RUN)


def handle_errors(fn: F) -> F:
    """Turn every failure into one line on stderr and exit 2; a traceback only with --debug.

    The error is the only line: notes held since the command began are dropped (see
    ``note``). Ctrl-C says so and exits 130 (typer would exit 130 in silence); a reader
    of stdout that went away (``| head``) ends the run quietly with 141, as a shell reports
    a command ended by SIGPIPE, since nobody is left to read a message about it."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _HELD.append([])
        try:
            result = fn(*args, **kwargs)
            _release_notes()
            return result
        except typer.Exit as exc:
            if exc.exit_code in (ExitStatus.DONE, ExitStatus.PROBLEMS):
                _release_notes()
            raise
        except typer.Abort:
            raise
        except KeyboardInterrupt:
            supervised.say_interrupted()
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            quiet_stdout()
            raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
        except LbcError as exc:
            if DEBUG["on"]:
                traceback.print_exc()
            lines = exc.errors if isinstance(exc, LbcErrors) else [exc]
            raise fail(*map(str, lines)) from None
        except OSError as exc:
            if DEBUG["on"]:
                traceback.print_exc()
            if exc.filename is None:
                raise fail(t("err.system", reason=os_reason(exc))) from None
            raise fail(t("err.path", path=exc.filename, reason=os_reason(exc))) from None
        except MemoryError:  # not a bug: the machine had too little memory for the job
            if DEBUG["on"]:
                traceback.print_exc()
            raise fail(t("err.out_of_memory")) from None
        except Exception as exc:
            if DEBUG["on"]:
                traceback.print_exc()
            raise fail(t("err.internal", reason=f"{type(exc).__name__}: {exc}")) from None
        finally:
            _HELD.pop()

    return wrapper  # type: ignore[return-value]


def check_format(fmt: str, choices: tuple[str, ...] = FORMATS) -> str:
    if fmt not in choices:
        raise LbcError(t("err.bad_format", fmt=fmt, choices=as_list(choices)))
    return fmt


def emit(
    fmt: str,
    *,
    document: Callable[[], object],
    rows: Callable[[], Iterable[dict[str, object]]],
    columns: Sequence[str],
    table: Callable[[], None],
    versioned: bool = True,
    bom: bool = True,
    json_keys: bool = False,
    plain: bool = False,
) -> None:
    """Print a command's result in the ``--format`` asked for: the JSON document (headed by
    the "lbc" version key, so a script knows what wrote it), the CSV rows under ``columns``,
    or ``table`` printing for people. Only the one asked for is built: a county's findings
    are costly to turn into all three; the notes held so far go out first, as they came.
    ``versioned=False`` is for ``lbc rules``, whose JSON is
    the catalogue itself (a list, or one rule). CSV is for Excel unless a script says
    otherwise: a byte-order mark (``--no-bom`` leaves it out) and headers in the reader's
    language (``--json-keys`` gives the JSON keys). ``plain``: the document holds dicts and
    lists of text, integers, booleans and None alone (to_json's ``plain``)."""
    _release_notes()
    if fmt == "json":
        body = document()
        if versioned:
            assert isinstance(body, dict)
            body = {"lbc": __version__, **body}
        keep_until_exit(body)
        data = json_bytes(body, plain) if _takes_utf8(sys.stdout) else None
        typer.echo(to_json(body, plain) if data is None else data, nl=False)
    elif fmt == "csv":
        headers = None if json_keys else [t(f"csv.col.{c}") for c in columns]
        typer.echo(to_csv(rows(), columns, headers, bom), nl=False)
    else:
        table()


def _takes_utf8(stream: object) -> bool:
    """Whether bytes written under ``stream`` come out as its text would: a stream of UTF-8
    text, with a binary one beneath it, that leaves line breaks as they are (not Windows'
    text mode, which writes each as CR LF)."""
    encoding = getattr(stream, "encoding", None)
    if os.name != "posix" or not hasattr(stream, "buffer") or not isinstance(encoding, str):
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def spreadsheets(paths: list[Path], runs: dict[str, Path]) -> list[Path]:
    """The files ``paths`` stand for, saying each one left out (lbc.workspace.notes);
    ``runs`` filled with the folder each was found in (spreadsheet_files)."""
    found, notes = noted_spreadsheets(paths, runs)
    note_each(notes)
    return found


def inputs(
    files: list[Path] | None, config: Path | None
) -> tuple[list[Path], Config, dict[str, Path]]:
    """The files to read, each once: a file named twice must not count its children twice;
    the config; and the folder each file was found in (spreadsheet_files), for ``read``."""
    paths, cfg = resolve_inputs(list(files or []), config)
    for path in paths:
        if path.is_dir() and not spreadsheet_files([path]):
            raise nothing_to_read([path])
    runs: dict[str, Path] = {}
    paths = spreadsheets(paths, runs)
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, cfg, runs


def previous_term(previous: Path | None, config: Path | None, cfg: Config) -> Roster | None:
    """Last term's roster (``--previous``): a file, or a folder read as ``lbc diff`` reads
    its OLD one, every roster in it (a county's schools as they were last term), each
    school named by its folder too, as last term's validate counted it. What ``lbc diff``
    says of its OLD is said of it too (a sheet or rows it hides, sheets skipped, schools
    told apart): the children read from them are counted as left or changed."""
    if previous is None:
        return None
    files, _, runs = inputs([previous], config)
    roster = read_roster(files, cfg.synonyms, runs=runs)
    say_what_was_read(files, cfg, roster, pairs_matter=False)
    return roster


def read_files(paths: list[Path], cfg: Config, *extra: Path | None) -> list[Path]:
    """Every file a command reads (the rosters, ``extra`` files, lbc.toml): the ones an
    output path may never name."""
    return [*paths, *(p for p in (*extra, cfg.path) if p is not None)]


@contextlib.contextmanager
def progress(text: str) -> Iterator[None]:
    """A spinner on stderr while a slow stage runs, only on a terminal and without NO_COLOR."""
    if not sys.stderr.isatty() or os.environ.get("NO_COLOR"):
        yield
        return
    from rich.text import Text

    with stderr().status(Text(text)):
        yield


# What has been read, and what a command made of it (keep_until_exit), kept referenced
# until the process ends once retain_until_exit() has been called; see there.
_KEEP_UNTIL_EXIT: list[object] = []
_RETAIN = {"on": False}


def retain_until_exit() -> None:
    """Keep every roster read from now on until the process ends, never freeing it.

    Only the console script calls this (lbc.cli.main): it switches the collector off and
    leaves with os._exit once output is flushed, so freeing a county roster's millions of
    cells when a command returns would cost a tenth of a second for nothing. Anything else
    running the commands in-process (tests through typer's CliRunner, a script importing
    lbc.app) goes on living after a command, so there rosters are freed as usual; kept,
    a whole test session's rosters would pile up and slow every collection after them.

    An explicit call rather than a look at ``gc.isenabled()``: what makes retention free
    is that the process leaves without tearing its heap down, which only lbc.cli knows;
    the collector's state is a proxy that any library or test may change for its own ends.
    """
    _RETAIN["on"] = True


def keep_until_exit(value: object) -> None:
    """Keep ``value`` until the process ends, as a roster read (retain_until_exit): what a
    command made of the roster, and the JSON document it printed. Freed when the command
    returned, a county's 100,000 pairs and the document made of them cost lbc pair a tenth
    of a second for nothing."""
    if _RETAIN["on"]:
        _KEEP_UNTIL_EXIT.append(value)


def read(
    files: list[Path],
    cfg: Config,
    runs: dict[str, Path],
    notes: bool = True,
    keep: Path | None = None,
    pairs_matter: bool = False,
    lists_alone: bool = False,
    park: bool = False,
    term: Callable[[Dates | None], Term] | None = None,
    checked: bool = False,
    whole: bool = False,
) -> Roster:
    """The roster with the pairs in force joined on (``keep``: ``lbc pair --keep``), its
    files' schools named by the folder each was found in (``runs``: ``inputs``), with
    notes on stderr about what was skipped or not known and which pairs are used, unless
    the command's own output says it (``lbc columns``). ``pairs_matter``: a command whose
    result is about who supports whom also says when the workspace's pairs file is not
    made yet. ``lists_alone``: a pairs workbook, teachers list or record sheet given
    without its roster is read, not refused (``lbc columns``); ``park``: see
    ``read_roster``. ``term``: the term the command was asked about (``--term``, or the
    one ``--as-of`` falls in) by a school's dates (``each_schools_term``), else the one
    its lbc.toml sets, if it sets one: the
    year of a record's date written without it (``date_records_in``), each school's own
    in a county's folder. ``checked``: the command lists the findings (lbc validate),
    which say what a note would. ``whole``: the command's output counts every file's
    children (lbc summary): a file that could not be read stops it, since a document
    handed in without that school's children would read as complete."""
    # Several schools' files: each is read in a child of its own, so one that kills its
    # reader is reported and the others are still read (the run then exits 1).
    several = len(files) > 1
    prepare = functools.partial(SheetReader, synonyms=cfg.synonyms, park=park)
    each = reading.each_file_in_a_child(files, prepare) if several else contextlib.nullcontext()
    with each, progress(t("note.reading") + " " + as_list(str(p) for p in files)):
        extra = [keep] if keep is not None and keep.resolve() not in _resolved(files) else []
        roster = read_roster(
            files,
            cfg.synonyms,
            carry_on=several,
            keep=extra,
            lists_alone=lists_alone,
            park=park,
            runs=runs,
            terms=cfg.terms,
        )
    if whole and roster.failed:
        first = roster.failed[0][1]
        raise LbcError(t("err.left_out_of_whole", count=len(roster.failed), reason=first))
    note_each(files_left_out(roster))
    if term is not None:
        date_records_in(roster, each_schools_term(roster, cfg.terms, term).of, cfg.terms)
    else:
        date_records_by_own_term(roster, cfg.terms)
    keep_until_exit(roster)
    if notes:
        say_what_was_read(files, cfg, roster, pairs_matter, checked)
    return roster


def say_what_was_read(
    files: list[Path], cfg: Config, roster: Roster, pairs_matter: bool, checked: bool = False
) -> None:
    """The notes on stderr about a roster just read (lbc.workspace.notes.what_was_read; see
    ``read``; ``checked``: lbc validate, whose findings say each row of a school's own
    settings that cannot be used: TRM001, QTA001, WST001)."""
    unused = [] if checked else unused_settings(roster)
    note_each(what_was_read(files, cfg, roster, pairs_matter, checked, unused, unseen_children))


def unseen_children(table: Table) -> int:
    """How many of a children sheet's children no command calls complete or lacking a
    contact, their contacts being cells lbc cannot see (unseen_contacts), as the note on
    such cells says."""
    from lbc.checks.contacts import unseen_contacts

    return len(unseen_contacts(table))


def note_own_terms(roster: Roster, terms: SchoolTerms) -> None:
    """Say which schools of a county's folder are counted by a term of their own dates
    (``SchoolTerms.own``): the heading names the run's term, which is not theirs."""
    own: dict[Term, set[str]] = {}
    for school, term in terms_of_their_own(roster, terms):
        own.setdefault(term, set()).add(school)
    for term, schools in own.items():
        words = {"term": term.label, "start": long_date(term.start), "end": long_date(term.end)}
        note(t("note.own_term", schools=as_list(sorted(schools)), **words))


def note_own_quotas(
    own: dict[str, Quotas],
    run: Quotas,
    counted: Iterable[str] | None = None,
    message: str = "note.own_quotas",
) -> None:
    """Say which schools of a county's folder are judged by [quotas] of their own lbc.toml
    (``Due.own_quotas``, by school) and where they differ from the run's (``run``): of the
    quotas ``counted`` (all, by default), with ``message``."""
    said: dict[tuple[tuple[str, int], ...], set[str]] = {}
    for school, quotas in own.items():
        mine, theirs = dataclasses.asdict(quotas), dataclasses.asdict(run)
        keys = tuple(
            (key, n)
            for key, n in mine.items()
            if n != theirs[key] and (counted is None or key in counted)
        )
        if keys:
            said.setdefault(keys, set()).add(school)
    for keys, schools in said.items():
        words = as_list(t(f"quota.{key}", n=n) for key, n in keys)
        note(t(message, schools=as_list(sorted(schools)), quotas=words))


def note_own_watch(own: dict[str, dict[str, object]]) -> None:
    """Say which schools of a county's folder are drawn onto the watch list by the [watch]
    of their own lbc.toml, and how (``WatchReport.own``: where it differs from the run's)."""
    said: dict[str, set[str]] = {}
    for school, unlike in own.items():
        words = [t(f"watch.own.{key}", n=n) for key, n in unlike.items() if key != "weights"]
        weights = unlike.get("weights") or {}
        assert isinstance(weights, dict)
        words += [t("watch.own.weight", code=code, n=n) for code, n in sorted(weights.items())]
        said.setdefault(as_list(words), set()).add(school)
    for words, schools in said.items():
        note(t("note.own_watch", schools=as_list(sorted(schools)), settings=words))


def unused_settings(roster: Roster) -> list[str]:
    """The note on the rows of a merged roster's sheets of each school's own settings (各校学期,
    各校要求, 各校关注) that lbc cannot use, the first in full and how many: those schools
    are judged by the run's lbc.toml in their place, which would otherwise go unsaid but
    by lbc validate."""
    if not (roster.term_problems or roster.watch_weights):
        return []
    from lbc.checks.engine import check_term_sheets

    found = check_term_sheets(roster)
    if not found:
        return []
    first = found[0]
    codes = as_list(dict.fromkeys(f.code for f in found))
    where = {"file": first.file, "sheet": first.sheet, "row": first.row}
    return [
        t("note.settings_unused", **where, message=first.message, count=len(found), codes=codes)
    ]


def _resolved(paths: Iterable[Path]) -> set[Path]:
    return {p.resolve() for p in paths}


def as_of_day(text: str | None) -> dt.date:
    """An --as-of option (2024-10-15), today when it is not given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise LbcError(t("err.bad_as_of", value=text)) from None


def class_heading(
    key: str, cls: str | None, head_teachers: Iterable[str], count: int, privacy: Privacy
) -> str:
    """The title over one class's table in the lists grouped by class (flag, watch,
    birthdays): message ``key`` with the class, its head teachers as ``privacy`` shows
    names, and how many children the table lists."""
    return t(
        key,
        cls=cls or t("flag.no_class"),
        head=as_list(map(privacy.name, head_teachers)) or t("flag.no_head"),
        count=count,
    )
