"""School terms: the spellings schools use, mapped to dates.

``2024-autumn`` is the autumn term of the 2024–25 school year (Sept 1 – Jan 31 by default),
``2025-spring`` the spring term after it (Feb 1 – Jul 31). Schools also write ``2024秋``,
``2024年秋季学期``, ``2024-2025-1`` and ``2024-2025学年第一学期``; all name the same term. A
school whose terms start on other days sets them in ``lbc.toml`` (``[terms."2024-autumn"]
start = 2024-08-30``), which :func:`parse_term` takes as ``dates``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lbc.errors import LbcError
from lbc.messages import t
from lbc.roster import record_sheets
from lbc.roster.dates import YearMonth, month_end, within
from lbc.roster.term_names import AUTUMN, SPRING, TERM_YEARS, season_year

if TYPE_CHECKING:  # the roster is read before a term is asked about it
    from collections.abc import Callable

    from lbc.roster.canonical import Roster, Table


@dataclass(frozen=True)
class Term:
    key: str  # canonical: 2024-autumn
    season: str  # AUTUMN or SPRING
    year: int  # the calendar year the term starts in
    start: dt.date
    end: dt.date
    # The months the term shares with the term before or after it that are that term's: a
    # record dated to such a month alone (2025年1月) counts there (``parse_term``).
    ceded: frozenset[tuple[int, int]] = frozenset()
    # The months a count over the school year up to the term (送温暖, once a year) leaves
    # out alone: the school year's first month when last school year's spring holds more of
    # its days, and the term's last month when the term after it does (``parse_term``).
    year_ceded: frozenset[tuple[int, int]] = frozenset()
    # A spring term's winter break: the days between the autumn term's last day and its
    # first, where a school's own dates leave some (the default ones leave none). Days
    # without contact do not count them (lbc.roster.support.days_without_contact).
    winter_break: tuple[dt.date, dt.date] | None = None

    def holds(self, day: dt.date, until: dt.date | None = None) -> bool:
        """Whether a record's day is of the term (up to ``until``): a month (``YearMonth``)
        when any of its days is (``within``), unless it is one the term has ceded."""
        if not within(day, self.start, until or self.end):
            return False
        return day.__class__ is not YearMonth or (day.year, day.month) not in self.ceded

    @property
    def label(self) -> str:
        """As a summary's title says it: 2024年秋季学期."""
        return t(f"term.{self.season}", year=self.year)

    @property
    def school_year(self) -> str:
        """2024–2025学年: the school year the term belongs to."""
        first = self.year if self.season == AUTUMN else self.year - 1
        return t("term.school_year", first=first, second=first + 1)

    @property
    def title(self) -> str:
        """As official documents name it: 2024—2025学年第一学期."""
        which = "term.first" if self.season == AUTUMN else "term.second"
        return self.school_year + t(which)

    def months(self, until: dt.date | None = None) -> list[tuple[int, int]]:
        """The (year, month) pairs the term spans, up to ``until`` when the term is still on."""
        last = min(self.end, until) if until else self.end
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (last.year, last.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def counted_months(self, as_of: dt.date, since: dt.date | None = None) -> list[tuple[int, int]]:
        """The months a monthly quota (a talk each month) is judged on: those with at least
        half their days inside the term, and over by ``as_of`` (or by the term's end). A
        term starting on Aug 30 does not owe August a talk, nor a running term this month.
        ``since``: the day a child came to the school (转入日期), the term's start for it."""
        last = min(self.end, as_of)
        start = self.start if since is None else max(self.start, since)
        out = []
        for y, m in self.months(until=last):
            first_day = dt.date(y, m, 1)
            last_day = month_end(first_day)
            inside = (min(last_day, last) - max(first_day, start)).days + 1
            finished = last >= last_day or last == self.end
            if finished and inside * 2 >= last_day.day:
                out.append((y, m))
        return out

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def default_dates(season: str, year: int) -> tuple[dt.date, dt.date]:
    if season == AUTUMN:
        return dt.date(year, 9, 1), dt.date(year + 1, 1, 31)
    return dt.date(year, 2, 1), dt.date(year, 7, 31)


def parse_term(text: str, dates: dict[str, tuple[dt.date, dt.date]] | None = None) -> Term:
    """The term a spelling names, with the school's own dates when ``dates`` has them."""
    found = season_year(text)
    if found is None:
        raise LbcError(t("err.bad_term", term=text))
    season, year = found
    if not TERM_YEARS[0] <= year <= TERM_YEARS[1]:  # 2204-autumn is a typo, not a term
        raise LbcError(t("err.term_year", term=text, year=year))
    key = f"{year}-{season}"
    start, end = _dates(season, year, dates)
    if season == AUTUMN:
        before, after = _dates(SPRING, year, dates), _dates(SPRING, year + 1, dates)
    else:
        before, after = _dates(AUTUMN, year - 1, dates), _dates(AUTUMN, year, dates)
    # A month two terms share is the one's with more of its days; the earlier one's when
    # they have as many (a school's own dates may end one term and start the next in it).
    ceded = {
        (day.year, day.month)
        for day, other, wins in ((start, before, _days_of), (end, after, _more_days_of))
        if wins(day, other, (start, end))
    }
    # The school year's: its autumn term's first month, and this term's last.
    year_ceded = {(end.year, end.month)} & ceded
    if season == AUTUMN:
        year_ceded |= ceded
    else:
        autumn = before
        if _days_of(autumn[0], _dates(SPRING, year - 1, dates), autumn):
            year_ceded.add((autumn[0].year, autumn[0].month))
    gap = None
    if season == SPRING and before[1] + dt.timedelta(days=1) < start:
        gap = (before[1] + dt.timedelta(days=1), start - dt.timedelta(days=1))
    return Term(key, season, year, start, end, frozenset(ceded), frozenset(year_ceded), gap)


def _dates(
    season: str, year: int, dates: dict[str, tuple[dt.date, dt.date]] | None
) -> tuple[dt.date, dt.date]:
    """A term's first and last days: the school's own, else the default ones, moved clear of
    a neighbour the school sets into them (an autumn set to end on 2025-02-05 starts the
    spring it leaves unset on 2025-02-06; a spring set to start on 2025-01-20 ends that
    autumn on 2025-01-19): a day is one term's, and a visit on it counts in one."""
    own = (dates or {}).get(f"{year}-{season}")
    if own or not dates:
        return own or default_dates(season, year)
    start, end = default_dates(season, year)
    if season == AUTUMN:
        before, after = dates.get(f"{year}-{SPRING}"), dates.get(f"{year + 1}-{SPRING}")
    else:
        before, after = dates.get(f"{year - 1}-{AUTUMN}"), dates.get(f"{year}-{AUTUMN}")
    day = dt.timedelta(days=1)
    if before is not None and start <= before[1] < end:
        start = before[1] + day
    if after is not None and start < after[0] <= end:
        end = after[0] - day
    return start, end


def _days_in(day: dt.date, span: tuple[dt.date, dt.date]) -> int:
    """How many days of ``day``'s month ``span`` holds."""
    first, last = day.replace(day=1), month_end(day)
    return max(0, (min(last, span[1]) - max(first, span[0])).days + 1)


def _days_of(day: dt.date, other: tuple[dt.date, dt.date], own: tuple[dt.date, dt.date]) -> bool:
    """Whether the term before (``other``) holds as many of ``day``'s month's days as the
    term (``own``) does, or more, and some."""
    theirs = _days_in(day, other)
    return theirs > 0 and theirs >= _days_in(day, own)


def _more_days_of(
    day: dt.date, other: tuple[dt.date, dt.date], own: tuple[dt.date, dt.date]
) -> bool:
    """Whether the term after (``other``) holds more of ``day``'s month's days."""
    return _days_in(day, other) > _days_in(day, own)


def term_of(day: dt.date, dates: dict[str, tuple[dt.date, dt.date]] | None = None) -> Term:
    """The term ``day`` falls in (the school's own dates first); between two terms, the one
    that ended last, so a follow-up run in the holidays still reports on the term just over."""
    year = day.year
    candidates = [parse_term(f"{y}-{s}", dates) for y in (year - 1, year) for s in (SPRING, AUTUMN)]
    inside = [c for c in candidates if day in c]
    if inside:
        return inside[-1]
    return max((c for c in candidates if c.end < day), key=lambda c: c.end)


def in_a_term(day: dt.date, dates: dict[str, tuple[dt.date, dt.date]] | None = None) -> bool:
    """Whether a record's day is in a term (a month, when any of its days is:
    ``within``), by the school's own dates where it sets them: the summer between two
    terms is in none (with the default dates, all of August), nor a gap a school's own
    dates leave."""
    for year in (day.year - 1, day.year):
        for season in (SPRING, AUTUMN):
            start, end = _dates(season, year, dates)
            if within(day, start, end):
                return True
    return False


def in_a_school_year(day: dt.date, dates: dict[str, tuple[dt.date, dt.date]] | None = None) -> bool:
    """Whether a record's day is in a school year, from its autumn term's start to its
    spring term's end (``in_a_term``'s dates): a 送温暖 of the winter break a school's own
    dates leave between its terms (a Spring Festival visit) is of the year's, owed once a
    year, and lbc summary and lbc due count it so, though it is in no term."""
    return any(within(day, *_school_year(first, dates)) for first in (day.year - 1, day.year))


def school_year_start(
    term: Term, dates: dict[str, tuple[dt.date, dt.date]] | None = None
) -> dt.date:
    """The first day of the school year ``term`` belongs to: its autumn term's start."""
    first = term.year if term.season == AUTUMN else term.year - 1
    return parse_term(f"{first}-{AUTUMN}", dates).start


def the_term(dates: dict[str, tuple[dt.date, dt.date]]) -> Term | None:
    """The one term a school's lbc.toml sets the dates of, None unless it sets one."""
    return parse_term(next(iter(dates)), dates) if len(dates) == 1 else None


def school_year_of(
    term: Term, dates: dict[str, tuple[dt.date, dt.date]] | None = None
) -> tuple[dt.date, dt.date]:
    """The first and last days of the school year ``term`` belongs to: its autumn term's
    start and its spring term's end."""
    return _school_year(term.year if term.season == AUTUMN else term.year - 1, dates)


def _school_year(first: int, dates: Dates | None) -> tuple[dt.date, dt.date]:
    """The first and last days of the school year starting in the autumn of ``first``."""
    return _dates(AUTUMN, first, dates)[0], _dates(SPRING, first + 1, dates)[1]


Dates = dict[str, tuple[dt.date, dt.date]]  # a school's own term dates (lbc.toml [terms])


@dataclass(frozen=True)
class SchoolTerms:
    """The term a run is about as each school's own dates make it: in a county's folder a
    school whose lbc.toml sets [terms] has its records dated and its months counted by
    them, as its own run does (``each_schools_term``). ``run``: the term by the run's own
    dates, that of a file of no school's workspace; ``year_start``: its school year's
    first day; ``own``: each file of a school's workspace with its term and year start;
    ``year_end`` and ``year_ends``: the school year's last day, the run's and each file's
    in ``own``."""

    run: Term
    year_start: dt.date
    own: dict[str, tuple[Term, dt.date]]
    year_end: dt.date
    year_ends: dict[str, dt.date]

    def of(self, file: str) -> Term:
        """The term of ``file``'s rows."""
        found = self.own.get(file)
        return self.run if found is None else found[0]

    def year_start_of(self, file: str) -> dt.date:
        """The first day of the school year of ``file``'s term."""
        found = self.own.get(file)
        return self.year_start if found is None else found[1]

    def spans(
        self, last: Callable[[str, Term], dt.date]
    ) -> dict[str, tuple[dt.date, dt.date, frozenset[tuple[int, int]]]]:
        """Each school's own span of its school year's records, from the year's first day
        to ``last(file, term)``, with the months its year cedes (Term.year_ceded): what
        lbc.roster.support.dated_records dates a file's records by instead of the run's."""
        return {
            file: (start, last(file, term), term.year_ceded)
            for file, (term, start) in self.own.items()
        }


def terms_of_their_own(roster: Roster, terms: SchoolTerms) -> list[tuple[str, Term]]:
    """Each school counted by a term its own dates make other than the run's (its start or
    end: ``SchoolTerms.own``), by name (a merged roster's school by its 各校学期 row), once
    each, in order of name: what the heading naming the run's term does not say."""
    run = (terms.run.key, terms.run.start, terms.run.end)
    schools = roster.origin_schools()
    out: dict[str, Term] = {}
    for file, (term, _) in terms.own.items():
        if (term.key, term.start, term.end) != run and file in schools:
            out.setdefault(schools[file], term)
    return sorted(out.items())


def term_of_its_own(school: str, term: Term) -> dict[str, str]:
    """One school's own term as a script reads it (the JSON of lbc summary and lbc due)."""
    return {
        "school": school,
        "key": term.key,
        "label": term.label,
        "start": term.start.isoformat(),
        "end": term.end.isoformat(),
    }


def each_schools_term(
    roster: Roster, dates: Dates | None, pick: Callable[[Dates | None], Term]
) -> SchoolTerms:
    """The term ``pick`` gives by the run's ``dates`` and by each school's own
    (``Roster.terms_of``): ``pick`` is the run's question (--term names a term; --as-of,
    the term a day falls in, which a school's own dates may make another)."""
    run = pick(dates)
    own = {}
    ends = {}
    for file in roster.terms:
        mine = roster.terms_of(file, dates)
        term = pick(mine)
        own[file] = (term, school_year_start(term, mine))
        ends[file] = school_year_of(term, mine)[1]
    return SchoolTerms(run, school_year_start(run, dates), own, school_year_of(run, dates)[1], ends)


def date_records_in(
    roster: Roster, term: Callable[[str], Term | None], dates: Dates | None = None
) -> None:
    """Read the dates written without their year (10月8日) on the school's own records
    sheets as of the year that puts them in ``term(file)``, when one year does: the term
    the run is about (``--term``, or the one lbc.toml sets) as the file's school dates it
    (``SchoolTerms.of``; none, nothing); a later day of a list (2024年1月5日、7月20日) as
    of the year that puts it in the term, else in its school year (by the school's own
    dates over the run's ``dates``: ``Roster.terms_of``). lbc's record sheets are of the
    term their titles give (``record_sheets.dates_in_term``)."""
    for table in roster.records:
        if record_sheets.sheet_term(table) is None and (known := term(table.origin)) is not None:
            school_year = school_year_of(known, roster.terms_of(table.origin, dates))
            record_sheets.dates_in_span(table, (known.start, known.end), school_year)


def date_records_by_own_term(roster: Roster, dates: Dates | None) -> None:
    """``date_records_in`` for a run that names no term: each school's records by the one
    term its lbc.toml sets, if it sets one, as its own run dates them; else by the one
    the run's ``dates`` set."""
    own = roster.terms
    date_records_in(roster, lambda file: the_term(own.get(file) or dates or {}), dates)


def dated_by_a_term(table: Table, dates: Dates | None) -> set[int]:
    """The rows of a records ``table`` giving no term (a school's own sheet, not lbc's
    with its title) whose 日期 is written without its year (10月8日) and is still unread
    (``date_records_in``: the run names no term, or not one that holds it) although one
    of the school's terms holds it in some year, by its ``dates`` (``_own_terms``): lbc
    due, lbc summary and lbc watch, each asked about a term, count it there in the year
    that puts it there, and a record of another term nowhere else, as one dated in full.
    Such a date is no error: lbc validate, asked about no term, has no year to give it
    and no mistake to point at, and the notes of records counted for nobody leave it out.
    8月15日 between the default terms is in none, whatever its year, nor 1月20日 between
    a school's autumn ending 01-10 and its spring starting 02-15: unreadable to every
    command about those terms (DATE001)."""
    if "date" not in table.raw or record_sheets.sheet_term(table) is not None:
        return set()
    cells = table.raw["date"]
    known: dict[str, bool] = {}
    rows = set()
    for i, read in enumerate(table.values["date"]):
        if record_sheets.without_year(read, cells[i]):
            raw = read.raw  # type: ignore[attr-defined]
            if raw not in known:
                known[raw] = _of_a_term(raw, dates)
            if known[raw]:
                rows.add(i)
    return rows


def _of_a_term(text: str, dates: Dates | None) -> bool:
    """Whether a date without its year is of one of the school's terms in some year, read
    as a run asked about that term reads it (``date_records_in``): ``_own_terms``."""
    for season, year in _own_terms(dates):
        span = _dates(season, year, dates)
        school_year = year - 1 if season == SPRING else year
        spans = (span, _school_year(school_year, dates))
        if record_sheets.with_year_in(text, span, spans) is not None:
            return True
    return False


def _own_terms(dates: Dates | None) -> list[tuple[str, int]]:
    """The terms (season, year) a school's records sheet written without years is of: the
    two of each school year the school sets the dates of a term of (the other cut clear
    of it: ``_dates``), as its runs about that year ask. Not those of other years, by
    the default dates: a 2025 autumn to 2026-01-31 holds 1月20日 of the winter break
    between the school's own 2024 autumn and 2025 spring, which no run about them counts,
    and validate would not say it. A school setting none has the default terms, alike
    every year but a leap year's (2月29日)."""
    first, last = TERM_YEARS
    if not dates:
        leap = first + 4
        return [(SPRING, leap), (AUTUMN, leap)]
    own = set()
    for key in dates:
        year, season = int(key[:4]), key[5:]
        autumn = year if season == AUTUMN else year - 1
        own |= {(AUTUMN, autumn), (SPRING, autumn + 1)}
    return sorted(term for term in own if first <= term[1] <= last)
