"""What of a person lbc shows: one policy for every command that prints or exports people.

Children's records are personal information of minors (cli-contract.md, "Privacy"):

- ID numbers (511321********123X) and phone numbers (138****5678) are masked in everything
  printed to the terminal or exported as JSON/CSV, by every command, unless ``--show-pii``.
- A child's name is masked (张*涵) where it only says whose row a problem is in: ``lbc
  validate``'s findings, a quality report that travels up to the county. Where the list is
  something staff act on, names are shown in full: ``lbc flag`` (families to call), ``lbc
  pair`` (who supports whom), ``lbc diff`` (whose record changed). A masked call list is
  useless, and those lists carry no ID or phone.
- A phone or ID number typed where none belongs (a name, an address, a note: "张三
  13812345678") is masked in every printed value too, whatever the field: a digit run
  shaped like one (``mask_numbers``) is masked as one. The summary, which has no
  ``--show-pii``, masks them always (``mask_numbers_in``).
- Files written for the school's own use (contact cards, pairs and change workbooks, the
  summary) hold what their purpose needs and are created owner-only instead.

The field keys below are the contract's canonical keys (the JSON "field" values), the
only roster knowledge this module needs; and what a phone number's point is
(``PHONE_POINTS``, ``phone_fraction_points``), which the reader of phone cells
(lbc.roster.phones) takes from here, so that a cell read as a number with a fraction is
masked as one, its point kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TypeVar, cast

from lbc.output.formula_errors import FORMULA_ERRORS

T = TypeVar("T")

# Fields holding personal numbers that are masked in everything printed or exported.
ID_FIELDS = frozenset(
    {"id_number", "father_id_number", "mother_id_number", "parent_id_number", "guardian_id_number"}
)
PHONE_FIELDS = frozenset(
    {
        "father_phone",
        "mother_phone",
        "parent_phone",
        "parent_work_phone",
        "guardian_phone",
        "phone",
    }
)


@dataclass(frozen=True)
class Privacy:
    """One command's choice: ``show_pii`` is its ``--show-pii``; ``names_in_full`` says the
    command prints a list people act on (see the module docstring), so names stay whole."""

    show_pii: bool = False
    names_in_full: bool = False

    def id(self, value: str) -> str:
        return value if self.show_pii else mask_id(value)

    def phone(self, value: str) -> str:
        return value if self.show_pii else mask_phone(value)

    def text(self, value: str) -> str:
        """Any cell's text as printed: phone- and ID-shaped digit runs in it masked."""
        return value if self.show_pii else mask_numbers(value)

    def name(self, value: str) -> str:
        if self.show_pii:
            return value
        return mask_numbers(value) if self.names_in_full else mask_name(mask_numbers(value))

    def child(self, label: str) -> str:
        """A child as a finding names it, "张雨涵 三年级(2)班": the name part per name()."""
        name, _, rest = label.partition(" ")
        return self.name(name) + (" " + rest if rest else "")

    def value(self, field: str | None, value: str) -> str:
        """A cell's text as printed: ID and phone fields masked, any other field as typed
        but for the phone- and ID-shaped numbers in it."""
        if field in ID_FIELDS:
            return self.id(value)
        if field in PHONE_FIELDS:
            return self.phone(value)
        return self.text(value)


# Digit runs that look like an ID (15 or 18 characters, X last), a mobile (138 1234 5678,
# 138-1234-5678), a landline with its area code (0817-5521234), or any other run of seven
# or more digits; never part of a longer run of digits.
_NUMBER = re.compile(
    r"(?<!\d)(?:\d{17}[\dXx]|1[3-9]\d(?:[ -]?\d{4}){2}|0\d{2,3}-\d{7,8}|\d{7,})(?![\dXx])"
)
# Most printed text (names, reasons) has no digit at all: one C-level search says so, where
# a generator over the characters cost a county's pair list a second.
_HAS_DIGIT = re.compile(r"\d").search
# An eight-digit run that reads as a date (20160501) is a date, not a number to hide.
_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def mask_numbers(text: str) -> str:
    """Mask the phone- and ID-shaped digit runs in free text: 张三13812345678 -> 张三138****5678."""
    return _NUMBER.sub(_mask_run, text) if _HAS_DIGIT(text) else text


def _mask_run(match: re.Match[str]) -> str:
    run = match[0]
    digits = "".join(ch for ch in run if ch.isdigit() or ch in "Xx")
    if _DATE.fullmatch(digits):
        return run
    if len(digits) in (15, 18):
        return mask_id(digits)
    if len(digits) >= 11:
        return mask_phone(digits)
    return "*" * (len(digits) - 4) + digits[-4:]  # a local number: the last four stay


def mask_numbers_in(value: T) -> T:
    """``value`` with mask_numbers applied to every string inside it (dicts, lists): for a
    report built from cells, whose every text may carry a number typed where none belongs."""
    if isinstance(value, str):
        return cast(T, mask_numbers(value))
    if isinstance(value, dict):
        return cast(T, {k: mask_numbers_in(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return cast(T, type(value)(mask_numbers_in(v) for v in value))
    return value


# Each formula's error once folded, as _typed_like_an_error compares text with them.
_ERRORS_FOLDED = frozenset(error.upper() for error in FORMULA_ERRORS)


def _typed_like_an_error(value: str) -> bool:
    """Whether ``value`` is text typed like a formula's error (" #n/a", "＃N/A"), shown as
    typed as a real #N/A is: masked, it read as a number half hidden (" #***"). Only the
    errors a spreadsheet shows count: any other text stays masked, a name typed in the
    column (#WangFang among it)."""
    return unicodedata.normalize("NFKC", value).strip().upper() in _ERRORS_FOLDED


def mask_id(value: str) -> str:
    """511321201503041234 -> 511321********1234: region and the last four stay readable.
    Text typed like a formula's error is shown as typed (_typed_like_an_error)."""
    if _typed_like_an_error(value):
        return value
    if len(value) <= 10:
        return value[:2] + "*" * max(len(value) - 2, 0)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """13812345678 -> 138****5678, judged on the digits whatever the separators, so a
    malformed 138-1234-567 is masked too (138*****567 -> 138***1234 style never leaks).
    Text typed like a formula's error is shown as typed (_typed_like_an_error): masked, it
    was nothing."""
    if _typed_like_an_error(value):
        return value
    parts = _BETWEEN_NUMBERS.split(value)
    if sum(_digit_count(part) >= 7 for part in parts[::2]) > 1:
        # A cell of two numbers (13812345678/13912345678, 138****5678/139****567.8): each
        # masked as it is, the mark between them kept, the point on the one that has it.
        return "".join(part if k % 2 else mask_phone(part) for k, part in enumerate(parts))
    if whole := _WHOLE.fullmatch(value):
        value = whole[1]  # 7551234567.0, a number cell as a CSV file writes it: its digits
    elif (held := _HELD_FRACTION.search(value)) and held[0] != value:
        # A number with a fraction among other text (PHN007): that number
        # (父：1381234567.8, 1381234567.8转12: 138****567.8).
        value = held[0]
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    if len(digits) < 10:
        # A local number (5521234, 87654321): its last four, as mask_numbers shows one;
        # its first three as well would show it whole, or all but a digit or two.
        masked = "*" * (len(digits) - 4) + digits[-4:]
    else:
        masked = digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    # A fraction's point (1381234567.8, 138 1234 567.8: PHN007) and a mark that is no point
    # (1381234567,8, 1381234567。8) stay where they stand, as typed (1381234567 .8,
    # 1381234567．8, 1381234567·8): without them the cell read as a whole mobile
    # (138****5678) that nobody typed.
    marks = sorted(
        [(m.start(1), m.end(2)) for m in phone_fraction_points(value)]
        + [m.span() for m in _NO_POINT.finditer(value)]
    )
    kept: list[str] = []
    at = 0
    for start, end in marks:
        point = _digit_count(value[:start])
        kept += [masked[at:point], value[start:end]]
        at = point
    return "".join(kept) + masked[at:] + _marks_after(value)


def _marks_after(value: str) -> str:
    """What follows a phone cell's last digit, where it is only marks (13812345678。,
    5521235x, 13812345678 -): a malformed number's (PHN001) masked value shows what is
    wrong with it. Nothing where a word follows (（停机）, a name), which may say more
    about a person than the number's place."""
    rest = value.rstrip()
    end = len(rest)
    while end and not rest[end - 1].isdigit():
        end -= 1
    after = rest[end:]
    if end and after and all(c.isascii() or unicodedata.category(c)[0] in "PZS" for c in after):
        return after
    return ""


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


_WHOLE = re.compile(r"(\d+)\.0+")
# A point between a phone number's digits as a school may type it: a full stop, full
# width (．), or a middle dot (·, ・ and its half width ･, ‧, ∙, ⋅, •). The reader
# (lbc.roster.phones) and the masking here take these and no other: the ideographic
# full stop (。, ｡) is none, a cell with one malformed (PHN001).
PHONE_POINTS = ".．·・･‧∙⋅•"
# What else a school types between a phone number's groups (138 1234 5678, 138-1234-5678),
# which the number's digits are read across, as across points.
PHONE_GROUP_MARKS = r"\s\-—–_"
# A point that makes a phone cell's number one with a fraction, which no phone number has
# (PHN007): after five digits (1381234567.8, 0817-5521234.5), or after five or more typed
# in groups when fewer than three stand beside it on either side (138 1234 567.8,
# 138-1234-56.78, 138 12.34 5678): a number's groups have three or more, so a point
# between two (138.1234.5678, 0817.5521234) is none. A space may stand beside it
# (1381234567 .8). Its groups: the spaces before and after it, and the digits after it.
PHONE_FRACTION = re.compile(
    rf"(?:\d{{5}}|\d(?:[{PHONE_GROUP_MARKS}{PHONE_POINTS}]*\d){{4}}"
    rf"(?:(?<!\d\d\d)|(?=\s*[{PHONE_POINTS}]\s*\d{{1,2}}(?!\d))))"
    rf"(\s*)[{PHONE_POINTS}](\s*)(?=(\d+))"
)


def phone_fraction_points(text: str) -> list[re.Match[str]]:
    """Each fraction's point in a phone cell's text (``PHONE_FRACTION``), in order, once:
    the digits before one may stand before another too (130·0000·1.1, both points)."""
    found: dict[int, re.Match[str]] = {}
    at = 0
    while m := PHONE_FRACTION.search(text, at):
        found.setdefault(m.start(1), m)
        at = m.start() + 1
    return list(found.values())


# A number with a fraction as a phone cell's text holds it (父：1381234567.8, 父：1381234567.0),
# with the groups typed before and after it (0817-5521234.5, 138 1234 567.8, 138 12.34 5678).
_GROUPS = rf"[\d{PHONE_GROUP_MARKS}{PHONE_POINTS}]"
_HELD_FRACTION = re.compile(rf"(?:\d{_GROUPS}*)?(?:{PHONE_FRACTION.pattern})\d(?:{_GROUPS}*\d)?")
# What a school types between two numbers in one phone cell.
_BETWEEN_NUMBERS = re.compile(r"([/／、,，;；|｜\n]|或)")
# A mark between a number's digits that is no point, nor any mark between its groups: one
# typed between two numbers, or the ideographic full stop (。, ｡) a Chinese input method
# types for ".".
_NO_POINT = re.compile(r"(?<=\d)\s*(?:[/／、,，;；|｜。｡]|或)\s*(?=\d)")


def mask_name(name: str) -> str:
    """张雨涵 -> 张*涵, 李明 -> 李*: enough for staff to recognise, not to identify."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
