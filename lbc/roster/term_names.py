"""The names schools give a term or a school year, in the names of their folders, files and
titles and in --term: one home for them, so that a folder run (lbc.workspace.inputs), a
title or a folder naming a school (lbc.roster.tables) and --term (lbc.workspace.terms.
parse_term) read a name alike, and a document's long title breaks around a term, never
inside it (lbc.documents.titles). Here, in the roster's stage below both, as a title is read
before any term is dated, and imports point down the pipeline."""

from __future__ import annotations

import re
import unicodedata

AUTUMN, SPRING = "autumn", "spring"

_SEASON_WORDS = {
    "autumn": AUTUMN,
    "fall": AUTUMN,
    "秋": AUTUMN,
    "秋季": AUTUMN,
    "spring": SPRING,
    "春": SPRING,
    "春季": SPRING,
}

# What joins a school year's two years (2025-2026, 2025—2026, 2025至2026), as a Chinese
# keyboard types it too (2025－2026, 2025～2026): a name is matched as written where it is
# not folded first.
DASH = r"[-－—–~～至到]"
# A school year's name: 2025-2026学年, 2025—2026学年度, 2025-26学年, 2025-2026, 2025学年
# (as NFKC leaves it: ２０２５～２０２６ too); its years must follow each other
# (``_years_follow``).
_SCHOOL_YEAR = (
    r"(?P<first>\d{4})\s*年?\s*"
    rf"(?:{DASH}\s*(?P<second>\d{{4}}|\d{{2}})\s*年?\s*(?:学年度?)?|学年度?)"
)
# A term's name, as --term and a file's name give it (as NFKC leaves it, in lower case),
# each read by ``_season_year``: lbc's own key (2024-autumn, 2024 fall); a school year's
# term (2024-2025学年第一学期, 2024-2025学年上学期, 2024-2025-1, 2024-25学年第一学期; a
# school year by its first year, 2024学年第一学期; by a season, 2024-2025学年春季学期, the
# spring of 2025); a calendar year's (2024秋, 2024年秋季学期, 2025年上学期). In a longer name
# (2024-2025-1花名册.xlsx) a school year's term by a number alone is one followed by no
# other digit, and by 第 or 上/下 one that says 学期 (2024-2025学年第1批 gives none).
_TERM_NAMES = (
    re.compile(r"(?P<year>\d{4})\s*[-_ ]?\s*(?P<key>autumn|fall|spring)"),
    re.compile(
        _SCHOOL_YEAR + r"\s*"
        r"(?:[-—–]?\s*(?:第\s*)?(?P<nth>[12一二上下])\s*(?:学期|$)|[-—–]\s*(?P<digit>[12])(?!\d)"
        r"|[-—–]?\s*(?P<of_year>秋季|春季|秋|春)\s*(?:学期)?)"
    ),
    re.compile(r"(?P<year>\d{4})\s*年?\s*(?P<season>秋季|春季|秋|春)\s*(?:学期)?"),
    re.compile(r"(?P<year>\d{4})\s*年?\s*(?P<half>[上下])\s*学期"),
)
# Where a school's own name ends and what it is (a township's, a school's) begins:
# 春晖|小学, 秋林|中学, 春雷|村小, 春晖|镇中心小学. Not a village's 村: 张村小学 is 张村's.
_NAME_END = re.compile(
    r"镇|乡|中心|小学|中学|学校|完小|村小(?!学)|教学点|幼儿园|分校|希望|实验|民族|九年|初级"
)


def season_begins_a_name(after: str) -> bool:
    """Whether a bare 春 or 秋 after a year (no 季, 期 or 学期, nothing between), followed by
    ``after``, is the first character of a school's name, not a term: where the name left
    would be one character (晖小学, 林中学, 雷村小, 晖镇中心小学). A school's or a
    township's own name is seldom one character, and one starting with 春 or 秋 is common:
    2024春晖小学 is 春晖小学, naming no term; 2024秋林中学, which could be either, 秋林中学.
    A village's often is one, and 村 (张村小学): 2024秋张村小学 is the autumn's 张村小学.
    A separator after it (2024秋-实验小学, 2024秋 实验小学, 2024秋（实验小学）) makes it
    the term: a name begins with no dash, space or bracket."""
    return after[:1].isalpha() and _NAME_END.match(after, 1) is not None


# A calendar year's 上学期 is its first half's term, the spring (2025年上学期: 2025春), and
# its 下学期 the autumn, as schools say it; a school year's 上学期 is its autumn.
_HALVES = {"上": SPRING, "下": AUTUMN}


def _season_year(found: re.Match[str]) -> tuple[str, int] | None:
    """The season and the year of the term a name of ``_TERM_NAMES`` gives; None for a
    school year whose two years do not follow each other (2024-2026, 2024-26)."""
    said = found.groupdict()
    if said.get("half"):
        return _HALVES[said["half"]], int(said["year"])
    if said.get("year") is not None:
        return _SEASON_WORDS[said.get("key") or said["season"]], int(said["year"])
    first = int(said["first"])
    if not _years_follow(first, said["second"]):
        return None
    if (said["nth"] or said["digit"] or said["of_year"]) in ("1", "一", "上", "秋", "秋季"):
        return AUTUMN, first
    return SPRING, first + 1


def _years_follow(first: int, second: str | None) -> bool:
    """Whether a school year's second year, if written (2025, or 25 alone), is the year
    after its first: 2024-2026 and 2020-2025 name no school year."""
    return not second or int(second) == (first + 1 if len(second) == 4 else (first + 1) % 100)


def school_year(name: str) -> int | None:
    """The first year of the school year a folder's name is (2025 of 2025-2026学年, 2025学年,
    2025-26), None when it is no school year's (``_SCHOOL_YEAR``). Beside a later school
    year's folder that holds a roster, such a folder is a past year's, its files last
    term's (lbc.workspace.inputs._later_year)."""
    found = re.fullmatch(_SCHOOL_YEAR, _named(name))
    if found is None or not _years_follow(int(found["first"]), found["second"]):
        return None
    return int(found["first"])


def _named(text: str) -> str:
    """``text`` as a term's name is matched: full-width forms folded, in lower case."""
    return unicodedata.normalize("NFKC", text).strip().lower()


# The years a term may lie in: a school's records are of this century, and a year beyond
# the calendar's range (9999-autumn ends in the year 10000) must be a usage error.
TERM_YEARS = (2000, 2099)


def year_alone(name: str) -> bool:
    """Whether a name of digits alone is a year a term may lie in (2024), as an office
    names the folder it keeps a year's files in (县/2024/花名册.xlsx); other digits (0101,
    1001, 20241, 1998) are a school's code, as a county numbers its schools' folders."""
    year = _named(name)
    return len(year) == 4 and year.isdigit() and TERM_YEARS[0] <= int(year) <= TERM_YEARS[1]


# A year as a title or a file's name writes it: in digits, or in Chinese (二〇二四).
YEAR = r"(?:\d{4}|二[〇零○一二三四五六七八九]{3})"
# A year or a school year, as a name writes it before a term (2024, 2024年, 2024年度,
# 2024学年, 2024-2025学年度, 2024-25, 2024年-2025年学年, 二〇二四, 2023级).
YEARS = rf"{YEAR}\s*(?:年?\s*{DASH}\s*(?:{YEAR}|\d{{2}})\s*)?(?:年?\s*学年度?|年度?|[级届])?"
# A term's word after its year, or alone (秋季学期, 上学期, 第一学期, 下半年).
TERM = r"第[一二12]学期|[上下]学期|[上下]半年|[春秋][季期](?:学期)?|[春秋]学期"
# A name of a year or a term alone, as a school names the folder it keeps a term's files
# in (2024秋, 2024年秋季, 2024年秋季学期, 2024-2025学年第一学期, 2024-2025-1, 2024-autumn,
# 秋季学期, 上学期; a year alone in brackets, 青山小学(2024)): no school's, so its files are
# the school's of the folder above (lbc.roster.school_names._names_a_term).
TERM_ALONE = re.compile(
    rf"{YEARS}\s*"
    rf"(?:\d{{1,2}}\s*月份?)?\s*(?:[-_—–]?\s*(?:{TERM}|[春秋]|autumn|fall|spring)|[-_—–]\s*[12])?"
    rf"|(?:{TERM}|[春秋]|autumn|fall|spring)",
    re.IGNORECASE,
)

# A term as a title writes it out, kept whole where a long title breaks into lines
# (lbc.documents.titles): a school year's, with its term or not (2024—2025学年第一学期,
# 2024至2025学年度上学期, 2024-2025学年度), or a calendar year's term (2025年春季学期).
TERM_WRITTEN_OUT = (
    r"\d{4}\s*[—–\-－~～至]+\s*\d{4}\s*学年度?(?:第[一二]学期|[上下春秋]季?学期)?"
    r"|\d{4}\s*年?\s*[春秋]季?学期"
)


# The first and the last term a file's name may be of (``named_terms``), None for any.
Terms = tuple[int, int] | None


def named_term(name: str) -> int | None:
    """The term a file's name gives (``_TERM_NAMES``, the first in it), as a number that
    grows term by term (a spring after the autumn before it), or None when it gives none:
    2024秋花名册.xlsx before 2025春花名册.xlsx, 2024-2025-1 before 2024-2025-2. Not a 春 or
    秋 that begins a school's name (2024春晖小学.xlsx: ``season_begins_a_name``)."""
    found = _first_term(name)
    term = None if found is None else _season_year(found)
    return None if term is None else term[1] * 2 + (term[0] == AUTUMN)


def calendar_half(name: str) -> bool:
    """Whether the first term a file's name gives is a calendar year's 上学期 or 下学期
    (2024年上学期花名册, 2024上学期名单), as a school names last term's file with no year
    too (上学期花名册), not a school year's (2024-2025学年上学期: its first semester)."""
    found = _first_term(name)
    return found is not None and found.groupdict().get("half") is not None


def _first_term(name: str) -> re.Match[str] | None:
    """The first term's name in a file's name (``_TERM_NAMES``), None when it gives none."""
    text = _named(name)
    found = [m for pattern in _TERM_NAMES if (m := _first_of(pattern, text))]
    return min(found, key=lambda m: m.start()) if found else None


def _first_of(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first of ``pattern``'s terms in ``text`` whose bare 春 or 秋, if it is one, does
    not begin a school's name (``_begins_a_name``)."""
    return next((m for m in pattern.finditer(text) if not _begins_a_name(m, text)), None)


def _begins_a_name(found: re.Match[str], text: str) -> bool:
    """Whether the term ``found`` in ``text`` ends in a bare 春 or 秋 that begins a
    school's name (``season_begins_a_name``): 2024春 of 2024春晖小学."""
    said = found.groupdict()
    season = next((key for key in ("season", "of_year") if said.get(key)), None)
    return (
        season is not None
        and said[season] in ("春", "秋")
        and season_begins_a_name(text[found.end(season) :])
    )


def named_terms(name: str) -> Terms:
    """The first and the last term a file's name may be of, as ``named_term`` numbers
    them, or None when it may be of any: the term it gives (``named_term``), or, where it
    gives none, a year before a 春 or 秋 beginning a school's name (2025春晖小学花名册.xlsx).
    That name is the year's roster, or the term's if the 春 were one: its first term may
    be the year's spring and its last the next spring (its school year 2025-2026's); a
    school year's (2024-2025学年春晖小学) its autumn to its spring. So
    2024秋春晖小学花名册.xlsx, 2024秋's, is before it, as it was when the 春 was read as the
    term, but 2024年秋季春晖小学补录.xlsx is not after 2024春晖小学.xlsx, nor
    2025年春季秋实小学.xlsx after 2024秋实小学.xlsx: either may be of that term."""
    term = named_term(name)
    if term is not None:
        return term, term
    text = _named(name)
    found = [m for p in _TERM_NAMES for m in p.finditer(text) if _begins_a_name(m, text)]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if (year := first.groupdict().get("year")) is not None:
        return int(year) * 2, int(year) * 2 + 2
    if not _years_follow(int(first["first"]), first["second"]):
        return None
    return int(first["first"]) * 2 + 1, int(first["first"]) * 2 + 2  # its autumn, its spring


def named_before(terms: Terms, later: Terms) -> bool:
    """Whether a file whose name may be of ``terms`` (``named_terms``) is of a term before
    one whose name may be of ``later``: every term the first may be of before every term
    the second may be of. Two years alone are never ordered, as 2024花名册.xlsx and
    2025花名册.xlsx are not, whatever school's name follows them (2024春晖小学.xlsx,
    2025春晖小学.xlsx)."""
    if terms is None or later is None or (terms[0] < terms[1] and later[0] < later[1]):
        return False
    return terms[1] < later[0]


def season_year(text: str) -> tuple[str, int] | None:
    """The season and the year of the term ``text`` is the name of, whole (--term: 2024秋,
    2024-2025-1, 2025年上学期), or None when it names none."""
    name = _named(text)
    found = next((m for pattern in _TERM_NAMES if (m := pattern.fullmatch(name))), None)
    return None if found is None else _season_year(found)
