"""Reading dates: the day a date cell gives, however a school wrote it.

An Excel date or serial, and the spellings typed by hand (2015-03-04, 2015/3/4,
2015年3月4日, 20150304, 二〇一五年三月四日, with 号, a weekday or a time of day after
it) read as one ``datetime.date``; a year and month alone as a :class:`YearMonth`; a
record's 日期 listing several days as :class:`Dates`. What is not one day is unreadable,
never guessed: a number typed into a date cell, a lunar day, a weekday not the day's own.

Its own module because this is one idea, asked by reading, validate, the terms and the
record books alike. The other cell readers, and :class:`~lbc.roster.normalise.Bad` with
the text helpers this shares with them, stay in :mod:`lbc.roster.normalise`, which never
needs this module.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from lbc.roster.normalise import Bad, as_text, cn_count


class YearMonth(dt.date):
    """A date known to the month only (出生年月 2015年3月, 2015.03, 201503).

    A ``date`` on the first of the month, so ordering, ``.year``/``.month`` and age arithmetic
    keep working, but of its own class so a check can tell it from a full date
    (``type(v) is YearMonth``) and compare it with an ID's birth date to the month only.
    Printed as ``2015-03``.
    """

    __slots__ = ()

    def __new__(cls, year: int, month: int) -> YearMonth:
        return super().__new__(cls, year, month, 1)

    def __reduce__(self) -> tuple[Any, ...]:
        return (YearMonth, (self.year, self.month))

    def __repr__(self) -> str:
        return f"YearMonth({self.year}, {self.month})"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def within(day: dt.date, start: dt.date, end: dt.date) -> bool:
    """Whether a record's day is from ``start`` to ``end`` (inclusive): a month
    (``YearMonth``) when any of its days is, so a talk dated to its month counts in a term
    that starts or ends within it."""
    if day.__class__ is YearMonth:
        return day <= end and month_end(day) >= start
    return start <= day <= end


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1) - dt.timedelta(days=1)


_EXCEL_EPOCH = dt.date(1899, 12, 30)
# The first Excel serial read as a day: 1910-01-01. A smaller number in a date cell is no
# day of anyone on a roster (a guardian born in 1909 would be past 115) but something typed
# as a number: 9.15 or 10.8 for a month and day, 2024 for a year, an age. Read as a serial
# it was a day of 1900-1905, said as such (日期 1900-01-09 不在学期内), which no one typed.
_FIRST_SERIAL = 3654
_FIRST_DAY = _EXCEL_EPOCH + dt.timedelta(days=_FIRST_SERIAL)
# The serial past the last day read as one: 2101-01-01. A larger number in a date cell is
# no day of a roster either, but mostly a day typed as digits Excel keeps as a number:
# 241008 for 2024-10-08 was 2559-11-08, said as a day after today, which no one typed.
_PAST_SERIALS = (dt.date(2101, 1, 1) - _EXCEL_EPOCH).days
_FIRST_DAY_AT = dt.datetime.combine(_FIRST_DAY, dt.time())
# The first day as digits typed as a number (19100101): an earlier one (19000101) is no
# day read either, as the date cell of 1900-01-01 is not.
_FIRST_DAY_NUMBER = int(_FIRST_DAY.strftime("%Y%m%d"))
# The epochs of Excel's serials as a reader gives them: serial 1 is 1900-01-01, one day
# after the epoch of the serials past 60 (Excel counts a 1900-02-29 that never was).
_EPOCH_AT = dt.datetime.combine(_EXCEL_EPOCH, dt.time())
_EARLY_EPOCH_AT = _EPOCH_AT + dt.timedelta(days=1)
_LEAP_DAY_AT = dt.datetime(1900, 3, 1)


def _typed_number(day: dt.date) -> Bad:
    """A date cell's day before 1910: the number a school typed into a date-formatted
    cell (9.15 shows as 1900-01-09 03:36), unreadable and said as typed (DATE001 says
    why: TYPED_IN_A_DATE_CELL)."""
    when = day if isinstance(day, dt.datetime) else dt.datetime(day.year, day.month, day.day)
    epoch = _EARLY_EPOCH_AT if when < _LEAP_DAY_AT else _EPOCH_AT
    serial = round((when - epoch).total_seconds() / 86400, 6)
    return Bad(str(int(serial)) if serial.is_integer() else repr(serial), TYPED_IN_A_DATE_CELL)


# Bad.reason of a number typed into a date-formatted cell (_typed_number).
TYPED_IN_A_DATE_CELL = "typed_in_a_date_cell"
# The years a date field's Excel serial typed as text may stand for: a child's birth, or
# a day of school (arrival, enrolment, a talk).
_SERIAL_YEARS = {"birth_date": (1995, 2035)}
_SERIAL_YEARS_ELSE = (2000, 2040)


def serial_date(raw: str, key: str) -> dt.date | None:
    """The day an unreadable date cell's text would be as an Excel date serial (42554 is
    2016-07-03, as a number cell of 42554 reads), where it is a whole number in the range
    of the field's plausible days: a column copied as text from a system. Never read as
    the date: a number may not be one."""
    if not (raw.isascii() and raw.isdigit() and len(raw) == 5):
        return None
    day = _EXCEL_EPOCH + dt.timedelta(days=int(raw))
    low, high = _SERIAL_YEARS.get(key, _SERIAL_YEARS_ELSE)
    return day if low <= day.year <= high else None


# A day, and after it what a hand-typed date may go on with: 号 for 日, the time of day or
# the day of the week (2015年3月4日下午, 2015.03.04(周三), 2015-03-04 08:00). Never more
# days: 2015.3.4-3.6 and 2015年3月4日至6日 are spans, no one day.
_DATE_PATTERNS = (
    re.compile(
        r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
        r"(?:[日号](?:[^\d\-—~～至到].*)?|[\sT(].*)?"
    ),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
# Spaces around 年, 月 and 日 as a document sets them: 2015 年 3 月 4 日.
_DATE_SPACES = re.compile(r"\s+(?=[年月日号])|(?<=[年月])\s+")
# A year and month alone: 2015年3月, 2015-3, 2015/03, 2015.03, 201503.
_MONTH_PATTERNS = (
    re.compile(r"(\d{4})[-/.年](\d{1,2})月?"),
    re.compile(r"(\d{4})(\d{2})"),
)

# A year, month and day written in Chinese numerals (二〇二四年十月八日, 十月二十一日): the
# year digit by digit, a month and a day before their 月 and 日 as numbers up to 12 and 31.
_CN_NUMERAL = "〇零○一二三四五六七八九十"
_CN_DATE_PART = re.compile(
    rf"(?<![{_CN_NUMERAL}\d])[〇零○一二三四五六七八九]{{4}}(?=\s*年)"
    rf"|(?<![{_CN_NUMERAL}\d])(?:十[一二]?|[一二三四五六七八九])(?=\s*月)"
    r"|(?<=月)(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
    r"(?=\s*[日号])"
)
# A mark between two numbers of a date, spaced apart (2024 - 10 - 08) or typed as _
# (2024_10_8). Closed up, a span or list spaced apart (10.8 - 10.9, 2024.9.3 / 10.8) is
# one as lbc reads none, never its first day.
_SPACED_MARK = re.compile(r"(?<=\d)\s*([-/._])\s*(?=\d)")
# A full stop or comma ending a cell, as a sentence ends (2024.10.8., 10月8日。).
_END_MARKS = ".。,;、"
_END_MARK = re.compile(rf"[{_END_MARKS}]+$")
_CN_NUMERALS = frozenset(_CN_NUMERAL)
# The times of day a teacher writes after the day a talk was had (2024-10-08下午, 10月8日上午).
_DAYTIME = "上午|下午|中午|晚上|早上|傍晚"
# One written right after the day's last digit (2024-10-08下午3点, 10.8中午): read as it is
# with a space between (2024-10-08 下午3点), which lbc reads as the day.
_GLUED_DAYTIME = re.compile(rf"(?<=\d)(?={_DAYTIME})")
# 农历 or 阴历 marking a date as of the lunar calendar: before it (农历2015年2月14日, 阴历二月
# 十四) or after it with no day of its own (2015-02-14（农历）, 2015.2.14农历). Its digits are
# no day of the calendar every date is of, and never read as one (a child's birthday, her
# ID's birth date checked against it); lbc does not convert it. Not a note after a day
# giving the lunar day beside it (2024.10.8（农历9月6日）).
_LUNAR_MARK = re.compile(
    r"农历|阴历|旧历|老历|農曆|陰曆|農歷|陰歷|舊曆|舊歷"
    # The one word 阴 or 农 a school writes for it: in brackets (2015-02-14（阴）), or
    # right after the day's digits or its 日 (2015.2.14阴, 2015年2月14日阴); not 阴天.
    r"|[(（]\s*[阴农陰農]\s*[)）]|(?<=[\d日号])[阴农陰農](?![\u4e00-\u9fff])"
)
_LUNAR_DAY_AFTER = re.compile(r"\s*[:：]?\s*[\d〇零○一二三四五六七八九十正腊臘冬闰閏廿初]")
# A character every _LUNAR_MARK has: a county's million birth dates are not searched.
_LUNAR_CHARS = frozenset("农阴旧老農陰舊")
# Bad.reason of a date marked as a lunar one (_LUNAR_MARK), and of one whose note gives a
# lunar day of its own month and day (_LUNAR_REMARK): neither is read as a day.
LUNAR = "lunar"
LUNAR_ALIKE = "lunar_alike"
LUNAR_REASONS = frozenset({LUNAR, LUNAR_ALIKE})
# The lunar day a note after a day gives (2015-04-02（农历2月14日）, （阴历正月十四）): its
# month and its day. No lunar day has a solar day's month and day: the lunar year runs
# three to seven weeks behind. A note giving the day's own (2015-02-14（农历2月14日）) says
# that one of the two is not what it is called: no day is read (LUNAR_ALIKE). One
# character names the calendar inside a bracket only (（阴2月14日）): 2015-10-08 阴 10-8℃
# is the day's weather.
_LUNAR_REMARK = re.compile(
    r"(?:农历|阴历|旧历|老历|農曆|陰曆|農歷|陰歷|舊曆|舊歷|(?<=[(（])\s*[阴农陰農])\s*[:：]?\s*"
    r"(?:[\d〇零○一二三四五六七八九]{2,4}\s*年\s*)?[闰閏]?"
    r"(正|腊|臘|冬|十[一二]?|[一二三四五六七八九]|\d{1,2})\s*(?:月|[./-])\s*"
    r"(初十|初[一二三四五六七八九]|二十?[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十"
    r"|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九]|\d{1,2})(?![\d一二三四五六七八九十])"
)
# A day written without its year, before what follows it (10月8日（农历10月8日）).
_MONTH_DAY = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:[日号]|(?!\d))")
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12, "臘": 12}
# A day written as the solar calendar's, before it (公历2015-04-02, 阳历2015年4月2日): read
# as the day without the word.
_SOLAR_MARK = re.compile(r"^\s*(?:公历|阳历|新历|公曆|陽曆|新曆)\s*[:：]?\s*")
# The day of the week written after a day (2024-10-08（周二）, 2024年10月8日 星期二).
_WEEKDAY = re.compile(r"[日号]?\s*\(?\s*(?:周|星期|礼拜)\s*([一二三四五六日天])")
_WEEKDAY_WORD = re.compile(r"(?:周|星期|礼拜)\s*[一二三四五六日天]")
_WEEKDAYS = "一二三四五六日"


def date_text(s: str) -> str:
    """A hand-typed date's text as lbc's patterns read it: its Chinese numerals as digits,
    the spaces around a mark between its numbers dropped and _ as -, a space before a time
    of day written right after its digits, without the full stop or comma it ends with.
    Each of these a person reads one way only. A county's birth dates are a million such
    texts, nearly all 2015-03-04: only what needs one is rewritten."""
    if not s.isascii():
        if _CN_NUMERALS.intersection(s):
            s = _CN_DATE_PART.sub(lambda m: cn_count(m[0].replace("○", "〇")), s)
        s = _GLUED_DAYTIME.sub(" ", s)
    if "_" in s or " " in s or "\u3000" in s:
        s = _SPACED_MARK.sub(lambda m: "-" if m[1] == "_" else m[1], s)
    return _END_MARK.sub("", s) if s and s[-1] in _END_MARKS else s


def _solar_text(s: str) -> str:
    """``date_text`` of a date's text without the word saying it is a solar day before it
    (_SOLAR_MARK): what is after the day is read as without the word."""
    return date_text(_SOLAR_MARK.sub("", s) if not s.isascii() else s)


def lunar(s: str) -> bool:
    """Whether a date's text is marked as a lunar-calendar date (``_LUNAR_MARK``): the mark
    before its first number, or after it with no day after the mark."""
    for m in _LUNAR_MARK.finditer(s):
        before = s[: m.start()]
        if not any(c.isdigit() or c in _CN_NUMERALS for c in before):
            return True
        if not _LUNAR_DAY_AFTER.match(s, m.end()):
            return True
    return False


def without_weekday(s: str) -> str:
    """A date's text without the days of the week it names (10月8日（周二）): a day written
    without its year takes the year from a term, and validate, knowing no term, could not
    say which year's weekday was meant; the weekday is a note then, not checked."""
    return _WEEKDAY_WORD.sub("", s)


def _lunar_day_alike(day: dt.date | tuple[int, int], after: str) -> bool:
    """Whether a note after ``day`` (``after``) gives a lunar day of its month and day
    (_LUNAR_REMARK); ``day`` of no year is its month and day."""
    m = _LUNAR_REMARK.search(after)
    if m is None:
        return False
    month = _LUNAR_MONTHS.get(m[1]) or int(cn_count(m[1]) if not m[1].isdigit() else m[1])
    words = m[2].removeprefix("初").replace("廿", "二十")
    if words.startswith("二") and "十" not in words:  # 二 alone, or 廿一 written 二一
        words = words if len(words) == 1 else "二十" + words[1:]
    number = words if words.isdigit() else cn_count(words)
    own = day if day.__class__ is tuple else (day.month, day.day)  # type: ignore[union-attr]
    return number.isdigit() and (month, int(number)) == own


def _weekday_differs(day: dt.date, after: str) -> bool:
    """Whether the day of the week written right after ``day`` (``after``: the text that
    follows its digits) is another day's: 2024-10-08（周三） is no day read."""
    m = _WEEKDAY.match(after)
    return m is not None and _WEEKDAYS.index(m[1].replace("天", "日")) != day.weekday()


def date(value: Any) -> dt.date | YearMonth | Bad | None:
    """A date from an Excel date, a serial number, or 2015-03-04 / 2015/3/4 / 2015.3.4 /
    2015年3月4日 / 20150304, as typed by hand too (``date_text``: 2015 - 3 - 4, 2015.3.4.,
    二〇一五年三月四日). A year and month alone (2015年3月, 2015.03, 2015-3, 201503)
    reads as a :class:`YearMonth`, never as a made-up day. A day followed by a weekday
    that is not its own (2015-03-04（周四）) is unreadable: either may be the mistake. A
    date marked as a lunar one (2015-02-14（农历）, 农历2015年2月14日) is unreadable
    (``LUNAR``), never read as the day its digits would be: a time of day written after a
    day (2024-10-08下午3点) is no part of it."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date() if value >= _FIRST_DAY_AT else _typed_number(value)
    if isinstance(value, dt.date):  # a YearMonth is lbc's own reading, kept
        if value >= _FIRST_DAY or value.__class__ is YearMonth:
            return value
        return _typed_number(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return None
        # 20150304 or 201503 typed as a number: checked before the serial range, which
        # they exceed (serials 190001-210012 are the years 2420-2475, no roster's dates).
        if _FIRST_DAY_NUMBER <= value <= 21001231 and value == int(value):
            return date(str(int(value)))
        if 190001 <= value <= 210012 and value == int(value):
            return date(str(int(value)))
        # 2015.03 typed into Excel is the number 2015.03, not the serial of a day in 1905.
        if 1900 < value < 2101 and value != int(value):
            text = repr(value)
            if text.endswith(".1"):  # 2015.1 or 2015.10: Excel dropped the zero
                return Bad(text)
            return date(text)
        if _FIRST_SERIAL <= value < _PAST_SERIALS:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return Bad(as_text(value) or "")
    s = as_text(value)
    if s is None:
        return None
    if not s.isascii() and not _LUNAR_CHARS.isdisjoint(s) and lunar(s):
        return Bad(s, LUNAR)
    read = date_text(_SOLAR_MARK.sub("", s) if not s.isascii() else s)  # _solar_text, inline
    read = _DATE_SPACES.sub("", read) if "年" in read else read
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(read)
        if m:
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return Bad(s)
            after = m.end(3)
            if after < len(read) and _lunar_day_alike(day, read[after:]):
                return Bad(s, LUNAR_ALIKE)
            return Bad(s) if after < len(read) and _weekday_differs(day, read[after:]) else day
    for pattern in _MONTH_PATTERNS:
        m = pattern.fullmatch(read)
        if m:
            if not 1900 <= int(m.group(1)) <= 2100:  # 241008 typed for 2024-10-08: no 2410
                return Bad(s)
            try:
                return YearMonth(int(m.group(1)), int(m.group(2)))
            except ValueError:
                return Bad(s)
    m = _MONTH_DAY.match(read) if not s.isascii() and not _LUNAR_CHARS.isdisjoint(s) else None
    if m is not None and _lunar_day_alike((int(m[1]), int(m[2])), read[m.end() :]):
        return Bad(s, LUNAR_ALIKE)  # 10月8日（农历10月8日）: no year makes it a day
    return Bad(s)


class Dates(tuple[dt.date, ...]):
    """Several days written in one record's 日期 cell (2024-09-03；2024-10-08, 2024年9月3日、
    10月8日): one talk or visit each, written on one row."""

    __slots__ = ()

    def __str__(self) -> str:
        return "、".join(map(str, self))


# A note in brackets after a day (周二、补记): no list of days.
_DATE_NOTE = re.compile(r"[(（][^()（）]*[)）]")
# The time of a day in a list (2024-10-08 14:30、2024-10-15 9:00-10:00, 10月8日下午): no
# day of its own, nor a piece of the list.
_TIME_OF_DAY = re.compile(
    rf"\s*(?:{_DAYTIME})?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    r"(?:\s*[-—~至到]\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    rf"|(?<=[日号])(?:{_DAYTIME})"
)
# What lists days: 、 , ; 和 及, and spaces (only when every piece is a day: 2024-09-03 08:00
# is one day and its time).
_DAY_LIST = re.compile(r"\s*(?:[、,;]|和|及)\s*|\s+")
_LISTED = re.compile(r"[、,;]|和|及")
# A time written with a dot (10.20 for 10:20), which a later day of a list spaced apart
# may be as well (2024.9.30 10.20): no day read from it.
_DOTTED_TIME = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
# The first day of a cell, and another day after it (9月5日, 2024.10.8, 至 9.5) where it is
# written as no list lbc reads: a span (2024年9月3日 至 9月5日, 2024.9.3 – 2024.9.5) or a
# list joined otherwise (2024年9月3日/10月8日, 2024年9月3日与10月8日). Not the periods, times
# or counts a note gives (第3-4节, 8.30-9.10, 30-40分钟, 第2/3次, 农历9月6日).
_FIRST_DAY_WRITTEN = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?|\d{8}")
_ANOTHER_DAY = re.compile(
    r"(?<!农历)(?<!\d)\d{1,2}\s*月\s*\d{1,2}|\d{4}\s*[-/.年]\s*\d{1,2}"
    r"|(?:至|到|~|～)\s*\d{1,2}\s*[./-]\s*\d{1,2}(?![\d.:点时分节次班])"
)
# A later day of a list without its year: 10月8日, 10.8, 10月.
_SAME_YEAR = re.compile(r"(\d{1,2})(?:[-/.月](\d{1,2})[日号]?|月)")
# How far back from the day before it a later day of a list without its year may lie: a
# list written out of order or latest first (10月8日、9月30日; 2025年1月6日、12月30日) is
# of one term, and a term runs five months at most (September to January, 153 days). A
# day further back is read on from it, as a list is written (2024年1月5日、7月20日 is
# 2024-07-20, not 2023-07-20 169 days back).
_BACK_AT_MOST = dt.timedelta(days=153)
_YEAR = dt.timedelta(days=366)
# The spans a record is known to lie in (its term, then its school year): the first to hold
# a later day of a list without its year, of one year only, says the year (``_near``).
Spans = tuple[tuple[dt.date, dt.date], ...]


def record_date(value: Any, spans: Spans = ()) -> dt.date | YearMonth | Dates | Bad | None:
    """A record's 日期: one date (``date``), or the days of a cell that lists several, each
    read as a date (a later one may leave out its year: 2024年9月3日、10月8日; a time of
    day is no piece of the list: 2024-10-08 14:30、2024-10-15 09:00). A cell that lists
    days of which one is not a date is unreadable, never read as its first day.
    ``spans``: the spans a record is known to lie in (its term, then its school year),
    which say the year of a later day without one when one of them holds it in one year
    only (``_near``)."""
    one = date(value)
    s = as_text(value) if value.__class__ is str else None
    if s is None or (one.__class__ is Bad and one.reason in LUNAR_REASONS):  # type: ignore[union-attr]
        return one  # one lunar day marks the list it is in: no day of it is read
    read = _solar_text(s)
    bare = _DATE_NOTE.sub("", read)
    bare = _DATE_SPACES.sub("", bare) if "年" in bare else bare
    # The whole text, its notes kept, without its times of day: where a later day may be.
    spaced = _DATE_SPACES.sub("", read) if "年" in read else read
    timeless = _TIME_OF_DAY.sub("", spaced)
    parts = [p for p in _DAY_LIST.split(bare) if p]
    if len(parts) < 2:
        return _alone(one, s, timeless)
    timed = ":" in bare or "午" in bare or "晚上" in bare or "早上" in bare or "傍晚" in bare
    if timed:
        parts = [p for p in _DAY_LIST.split(_TIME_OF_DAY.sub("", bare)) if p]
        if len(parts) < 2:
            return _alone(one, s, timeless)
    days = _listed_days(parts, spans)
    listed = _LISTED.search(bare) is not None
    if days is not None:
        if not listed and any(map(_DOTTED_TIME.fullmatch, parts[1:])):
            return Bad(s)  # 2024.9.30 10.20: a talk at 10:20, or a second on Oct 20
        # A day written twice without its times (2024.10.8、2024.10.8) is one talk or
        # visit, copied; at two times of it (10月8日 9:00、10月8日 15:00), two.
        once = days if timed else tuple(dict.fromkeys(days))
        return Dates(once) if len(once) > 1 else once[0]
    return Bad(s) if listed else _alone(one, s, timeless)


def _alone(one: Any, s: str, timeless: str) -> Any:
    """``one``, the cell's date read as its one day, unless another day follows it in the
    cell's text ``s`` (without its times of day, ``timeless``): a span or a list written
    as lbc reads none (2024年9月3日 至 9月5日, 2024年9月3日/10月8日), or a day in a note
    (2024年9月3日（10月8日回访）), whose later days would be dropped without a word, read
    as its first day alone; unreadable then."""
    first = _FIRST_DAY_WRITTEN.match(timeless) if one.__class__ is dt.date else None
    if first is not None and _ANOTHER_DAY.search(timeless, first.end()):
        return Bad(s)
    return one


def _listed_days(parts: list[str], spans: Spans) -> tuple[dt.date, ...] | None:
    """Each piece of a list as a date, None when one is not: a piece without its year is
    of the year ``_near`` says from the one before."""
    out: list[dt.date] = []
    for part in parts:
        day = date(part)
        if day.__class__ is not dt.date and day.__class__ is not YearMonth:
            m = _SAME_YEAR.fullmatch(part) if out else None
            if m is None:
                return None
            day = _near(out[-1], int(m[1]), m[2], spans)
            if day is None:
                return None
        out.append(day)  # type: ignore[arg-type]
    return tuple(out)


def _near(before: dt.date, month: int, day: str | None, spans: Spans) -> dt.date | None:
    """10月8日 (``day`` "8") or 10月 (``day`` None) after ``before`` in a list, of its
    year, the next or the one before: the one of them within a year of ``before`` that
    the first of ``spans`` holding any holds (the record's term, then its school year),
    when it holds one only; else the one back to ``before`` when no further back than a
    term runs (``_BACK_AT_MOST``: 10月8日、9月30日, a list out of order; 2025年1月6日、
    12月30日, latest first across the new year), else the first on from it (12月20日、
    1月5日 is of the next year; 2024年1月5日、7月20日 of 2024). None for no date
    (2月30日); 2月29日 after a day of a year without one is of the leap year of the three."""
    found = []
    for year in (before.year - 1, before.year, before.year + 1):
        try:
            found.append(_of_year(year, month, day))
        except ValueError:  # 2月30日, or 2月29日 of a year that has none
            continue
    for start, end in spans:
        inside = [d for d in found if within(d, start, end) and abs(d - before) <= _YEAR]
        if inside:
            if len(inside) == 1:
                return inside[0]
            break
    back = [d for d in found if d < before]
    on = [d for d in found if d >= before]
    if back and (before - back[-1] <= _BACK_AT_MOST or not on):
        return back[-1]
    return on[0] if on else None


def _of_year(year: int, month: int, day: str | None) -> dt.date:
    """10月8日 (``day`` "8") or 10月 (``day`` None) of ``year``; ValueError for no date."""
    return dt.date(year, month, int(day)) if day else YearMonth(year, month)
