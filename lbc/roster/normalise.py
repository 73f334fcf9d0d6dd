"""Turn messy cell values into canonical ones before any check runs.

Normalising is not an error: full-width digits, stray spaces, phones typed as numbers, dates
in any of the spellings schools use all become one canonical form. A value that cannot be
read becomes a :class:`Bad`, which the checks turn into a finding. ``None`` means empty.

Every function takes one raw cell value (str, int, float, bool, date, datetime, or None) and
never raises. Phone cells are read so in :mod:`lbc.roster.phones`, dates in
:mod:`lbc.roster.dates`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import opencc

from lbc.roster.reading import FORMULA_ERRORS

# One converter for the whole package (lbc.roster.fields folds headers with it too): loading
# OpenCC's dictionaries is the costly part, and the converter keeps no per-call state.
T2S = opencc.OpenCC("t2s")


@dataclass(frozen=True, slots=True)
class Bad:
    """A value that could not be read; ``raw`` is what the cell held, as text; ``read``
    what of it could be, where a cell lists several things and only some are unreadable
    (the 孤儿 of 类别 孤儿、留守): what the cell plainly says still counts while the school
    is asked to mend the rest."""

    raw: str
    reason: str = ""
    read: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NotHeld(Bad):
    """A record's 类型 saying the contact did not happen (未家访, 家访未遇, 电话未接通) or
    has not yet (计划家访, 拟家访): a row that records no talk, visit or call. Its own class,
    not Bad: lbc validate says so in a rule of its own (REC008), not as an unknown kind
    (REC004), and no command counts it as a contact."""


# Bad.reason of a number cell Excel may have dropped a last zero of (3.1 for 3.10).
ZERO_DROPPED = "zero_dropped"
# Bad.reason of a date cell where a class is asked for: 3-2 typed into a cell of the
# General format, which Excel (and WPS) made the date 3月2日.
DATE_CELL = "date_cell"
# NotHeld.reason of a record whose 类型 names a contact and whose 内容 says it was not made
# (家访 with 家访未遇，家中无人): the 类型 a sheet's dropdown lets a teacher pick, the 内容
# where she says what happened (said_not_made).
SAID_IN_CONTENT = "content"


class ClassRef(NamedTuple):
    """A class as grade and class number: 三年级(2)班 is ClassRef(3, 2).

    A named tuple rather than a dataclass: a county roster compares and hashes 100,000 of
    them (duplicates, record matching), and tuple equality runs in C.
    """

    grade: int
    number: int

    def __str__(self) -> str:
        if self.grade == PRESCHOOL:  # a village school's one 学前班 is simply that
            return "学前班" if self.number == 1 else f"学前({self.number})班"
        return f"{GRADE_NAMES[self.grade]}年级({self.number})班"


@dataclass(frozen=True, slots=True)
class NumericId:
    """An ID number stored as a number cell: its last digits are already lost."""

    digits: str


# 学前班, the year before 一年级 that many village schools keep: grade 0, so that it sorts
# first and its children move up to 一年级 as every class moves up a grade.
PRESCHOOL = 0
GRADE_NAMES = {
    1: "一",
    2: "二",
    3: "三",
    4: "四",
    5: "五",
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
    11: "十一",
    12: "十二",
}
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
    "初一": 7,
    "初二": 8,
    "初三": 9,
    "高一": 10,
    "高二": 11,
    "高三": 12,
}


def cell_text(value: Any) -> str:
    """A raw cell as a header, a heading or a merged roster's own columns are compared as:
    width folded and trimmed, a whole number without its ".0" (a 序号 or 栏次 of 1.0 is
    "1"), an empty cell "". Not a field's value, which its normaliser reads."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


def as_text(value: Any) -> str | None:
    """Cell value as folded text (NFKC, trimmed), or None when empty."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value).translate(_INVISIBLE)).strip()
    return text or None


# Characters that show nothing, which a cell pasted from a web system or a chat carries
# (a zero-width space after an ID number): no part of any value. Read, the ID was a
# character too long (ID001) and a name was not its namesake's. So are the other format
# characters that show nothing: the direction marks a phone's contacts put around a number
# copied from them (U+202D 13812345678 U+202C), a left-to-right mark, a soft hyphen.
_INVISIBLE = dict.fromkeys(
    (0x00AD, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF)
)


def text(value: Any) -> str | None:
    """Free text: width folded, spaces collapsed."""
    if (  # already clean: the common case, answered without copying
        value.__class__ is str
        and value
        and value.isprintable()
        and "  " not in value
        and value.strip() == value
        and unicodedata.is_normalized("NFKC", value)
    ):
        return value
    s = as_text(value)
    if s is None:
        return None
    return " ".join(s.split())


def as_written(value: Any) -> str | None:
    """Free text as the school wrote it, for a document that prints it (a card's address):
    spaces collapsed, its full-width marks (，（）：) and digits kept, where :func:`text`,
    which everything compares and counts by, folds them."""
    if value.__class__ is not str:
        return text(value)
    return " ".join(value.split()) or None


_NAME_DOTS = str.maketrans({"・": "·", "•": "·", "‧": "·", "∙": "·", "⋅": "·", ".": "·"})


def name(value: Any) -> str | None:
    """A person's name: no inner spaces, one kind of middle dot for minority names.

    Folded again once the spaces are gone, since removing one can let NFKC compose what it
    separated ("t¨" -> "t ̈" -> "ẗ"); otherwise name(name(x)) could differ from name(x).
    """
    if value.__class__ is str and value.isalpha() and unicodedata.is_normalized("NFKC", value):
        return value  # already clean: letters only, no spaces or dots to fold
    s = as_text(value)
    if s is None:
        return None
    return unicodedata.normalize("NFKC", "".join(s.split())).translate(_NAME_DOTS)


def simplified(names: list[str]) -> list[str]:
    """Each name in simplified characters (張偉 is 张伟), as a record written in either
    finds its child: one conversion of them all, a county's 100,000 names at once."""
    if not names:
        return []
    folded = T2S.convert("\n".join(names)).split("\n")
    if len(folded) != len(names):  # never: a name cell's text holds no line break
        return [T2S.convert(n) for n in names]
    return folded


# What a school writes in a name cell for nobody: 委托监护人姓名 无 when no guardian was
# entrusted, a / across the cells of a parent who has died, 帮扶教师 无 for a child not
# yet paired.
# What a cell writes for "none", whatever it is about: a name, a free text, a work place.
NONE_WORDS = ("无", "没有", "暂无", "/", "-", "—")
# And what a guardian's name cell says of a child looked after by nobody, or by herself.
NOBODY = frozenset(
    {
        *NONE_WORDS,
        *("无人", "无委托", "无委托监护人", "无监护人", "暂缺", "空缺"),
        *("无人监护", "无人照看", "无人照顾", "无人看管", "自我监护", "独自生活", "独居"),
    }
)


def person_name(value: Any) -> str | None:
    """A parent's, guardian's or support teacher's name (``name``); a cell saying there is
    nobody is no name, so both parents away and 委托监护人姓名 无 is a child without a
    guardian to every command, and 帮扶教师 无 a child without a teacher, as an empty
    cell is."""
    s = name(value)
    return None if s in NOBODY else s


# A phone number written after a teacher's name (王芳 13800000001, its space taken out as a
# name's are): no part of the name, which has no digits.
_PHONE_AFTER_NAME = re.compile(r"(?<=\D)\+?\d[\d\-]{6,}$")


def teacher_name(value: Any) -> str | None:
    """A teacher's name as a record or a 帮扶教师 cell signs it: the title after it
    (李红老师, 李红教师) is no part of the name, so the records are 李红's; 王老师 stays as
    it is, since it does not say which 王. Nor is a phone number written after it (王芳
    13800000001); one in brackets is kept, as a tag telling two 王芳 apart."""
    s = name(value)
    if s is not None and s[-1:].isdigit():
        s = _PHONE_AFTER_NAME.sub("", s) or s
    while s is not None and len(s) >= 4 and s.endswith(("老师", "教师")):
        s = s[:-2]
    return s


def support_teacher(value: Any) -> str | None:
    """A child's 帮扶教师 cell: a teacher's name (``teacher_name``), none when it says
    nobody (``person_name``)."""
    return person_name(teacher_name(value))


_BETWEEN_NAMES = re.compile(r"[、,，;；/／|｜]+")


def several_teachers(teacher: str) -> list[str]:
    """The teachers a 帮扶教师 cell names when it names more than one (王芳、李强), each as
    ``support_teacher`` reads it; empty when it names one. Text a formula's error typed
    with spaces (" #N/A ") is one piece of text, not the teachers #N and A."""
    return several_names(teacher, support_teacher)


def several_names(cell: str, read: Callable[[Any], str | None] = name) -> list[str]:
    """The people a cell names when it names more than one (王芳、李强; a record's
    谢心怡、任欣然), each as ``read`` reads a name; empty when it names one. Text a formula's
    error typed with spaces (" #N/A ") is one piece of text, not the names #N and A."""
    if cell.strip() in FORMULA_ERRORS:
        return []
    names = [n for part in _BETWEEN_NAMES.split(cell) if (n := read(part))]
    return names if len(names) > 1 else []


def spaced_names(cell: object) -> list[str]:
    """The names a cell as typed holds with a space between (a record's 谢心怡 任欣然), each
    of two characters or more, which :func:`name` reads as one (王 芳 is 王芳, its space
    padding); [] for any other cell. :func:`several_names` reads the ones with a mark
    between (谢心怡、任欣然)."""
    if cell.__class__ is not str or " " not in cell.strip():  # type: ignore[attr-defined]
        return []
    names = [n for part in cell.split() if (n := name(part))]  # type: ignore[attr-defined]
    return names if len(names) > 1 and all(len(n) >= 2 for n in names) else []


def school(value: Any) -> str | None:
    """A school's name, with no spaces at all: 青山镇 中心小学 and 青山镇中心小学 are one
    school, whichever a records sheet's 学校 cell, a roster's or a title spells. A cell
    showing a formula's error (a failed VLOOKUP's #N/A) names none: its row is of the
    school an empty cell's is, not of a school "#N/A" (VAL007 says the cell)."""
    if value.__class__ is str and value.isalnum() and unicodedata.is_normalized("NFKC", value):
        return value  # already clean
    if value in FORMULA_ERRORS:
        return None
    s = as_text(value)
    if s is None:
        return None
    return unicodedata.normalize("NFKC", "".join(s.split()))


def excel_whole(value: float) -> str:
    """A whole number cell as Excel shows it: past 15 digits Excel keeps 15 significant ones
    (an ID typed as a number shows 511321201310087000), not the float's 511321201310086976,
    digits found nowhere in the school's file."""
    if abs(value) >= 1e15:
        return str(int(Decimal(f"{value:.15g}")))
    return str(int(value))


def id_number(value: Any) -> str | NumericId | None:
    """An ID number as text; a number cell is kept apart because its digits are lost, and
    so is the text Excel writes for one into a CSV file (5.11321E+17), as written."""
    if value.__class__ is str and value.isascii() and value.isalnum():
        return value.upper()  # the common case: nothing to fold or strip
    if isinstance(value, bool):
        return as_text(value)
    if isinstance(value, int):
        # Not float(value).is_integer(): a big int overflows float and would raise.
        return NumericId(str(value))
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return NumericId(excel_whole(value) if value.is_integer() else repr(value))
    s = as_text(value)
    if s is None:
        return None
    s = "".join(s.split()).upper()
    # 5.11321E+17: a number cell Excel saved to CSV as it shows it, its digits lost.
    if _SCIENTIFIC.fullmatch(s):
        return NumericId(s)
    # '51132120160701002X, copied from a system that forces text with an apostrophe, and
    # a check character typed as the multiplication sign ×: the ID number the school means.
    if s[:1] in TEXT_MARKS:
        s = s.lstrip(TEXT_MARKS)
    if s[-1:] == "×":
        s = s[:-1] + "X"
    return s or None


# A number as Excel shows one too long for its column: 5.11321E+17, its decimals and power.
_SCIENTIFIC = re.compile(r"\d(?:\.(\d+))?E\+(\d+)")
TEXT_MARKS = "'‘’`"


def kept_digits(value: NumericId) -> str:
    """A number cell's ID as the digits the cell kept, its lost last digits the zeros Excel
    made of them (5.11322201E+17, from a CSV file, is 511322201000000000): an ID's run of
    digits, to be masked as any ID is; a fraction (no ID's shape either way) as it is."""
    try:
        kept = Decimal(value.digits)
    except InvalidOperation:
        return value.digits
    whole = kept.is_finite() and kept == kept.to_integral_value()
    return str(int(kept)) if whole else value.digits


def number_text(value: NumericId) -> str:
    """A number cell's ID as a CSV file holds it, as Excel writes a number it shows in
    scientific notation (5.11321201605011E+17, every digit Excel kept): read back, it is a
    number cell again (id_number), where its digits (511321201605011000) would read as an
    ID number typed as text, one whose last digits are wrong. A fraction (no ID's shape
    either way) is written as it is shown."""
    if not value.digits.isdigit():  # 0.5, or 5.11321E+17 as a CSV held it already
        return value.digits
    return f"{Decimal(value.digits).normalize():E}"


def same_id(one: object, other: object) -> bool:
    """Whether two ID cells (as id_number reads them) hold one ID number: equal, or one a
    number cell whose digits the other's are as they were kept (511321201605011184 typed
    as a number is 511321201605011000): a roster that lost the last digits, not an ID
    changed. Two number cells are one ID where one's digits are as the other's were kept
    (511321201605112022 in the workbook, 5.11321201605112E+17 in its CSV)."""
    if one.__class__ is NumericId and other.__class__ is str:
        return _kept_digits_of(one, other)  # type: ignore[arg-type]
    if other.__class__ is NumericId and one.__class__ is str:
        return _kept_digits_of(other, one)  # type: ignore[arg-type]
    if one.__class__ is NumericId and other.__class__ is NumericId and one != other:
        return any(
            whole.digits.isdigit() and _kept_digits_of(kept, whole.digits)  # type: ignore[attr-defined]
            for kept, whole in ((one, other), (other, one))
        )
    return one == other


def _kept_digits_of(cell: NumericId, ident: str) -> bool:
    """Whether the number cell is ``ident`` with its digits past those the cell kept (15,
    or the 6 of a CSV's 5.11321E+17) made zeros: cut off, as Excel does to a number typed
    in, or rounded, as a float written by another program is read (excel_whole)."""
    if not ident.isdigit():
        return False  # an ID ending in X is never typed as a number
    try:
        kept = Decimal(cell.digits)
    except InvalidOperation:
        return False
    if kept != kept.to_integral_value():
        return False
    whole = str(int(kept))
    lost = len(whole) - len(whole.rstrip("0"))
    if len(whole) != len(ident) or lost == len(whole):
        return False
    if lost == 0:
        return whole == ident
    head, first_lost = int(ident[:-lost]), ident[-lost]
    return int(whole[:-lost]) in (head, head + (first_lost >= "5"))


_CLASS_PATTERNS = (
    # 302, 101, 0302, 302班: grade then a two-digit class. Tried first: the pattern below
    # would read 101 (一年级1班) greedily as grade 10 class 1, and 301班 as grade 30.
    re.compile(r"(?P<g>\d{1,2})(?P<c>\d{2})班?"),
    # 三年级(2)班, 3年级2班, 三(2)班, 3(2), 三年级二班, 初一(3)班, 3-2, 3.2, 3年2班, 三年级：2班
    re.compile(
        r"(?P<g>初[一二三]|高[一二三]|十[一二]?|[一二两三四五六七八九]|\d{1,2})"
        r"(?:(?:年级|年|级):?)?"
        r"[(（\[\-.．_ ]?"
        r"(?P<c>\d{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九])"
        r"[)）\]]?班?"
    ),
)


def _cn_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s in _CN_DIGITS:
        return _CN_DIGITS[s]
    if s.startswith("十"):
        return 10 + _CN_DIGITS.get(s[1:], 0)
    raise ValueError(s)


# A grade named within its school's level, as a 学籍 export or a nine-year school writes it:
# 小学五年级 is 五年级, 初中一年级 is 七年级 (初中七年级 too), 高中一年级 is 十年级.
# Level -> (the grades before it, its years).
_LEVELS = {"小学": (0, 6), "初中": (6, 3), "高中": (9, 3)}


def _in_level(level: str, year: int) -> int | None:
    before, years = _LEVELS[level]
    if 1 <= year <= years:
        return before + year
    return year if before < year <= before + years else None


# 学前班, 学前1班, 学前(2)班, 学前班二班: the preschool class, its number 1 unless written.
_PRESCHOOL_CLASS = re.compile(
    r"学前(?:班|年级)?[(（\[\-.．_]?"
    r"(?P<c>\d{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九])?[)）\]]?班?"
)


# Four digits, the first two 10 to 12 (1201班): a class named by the year its pupils came
# (2012级1班), as 2301班 is, as likely as 十二年级(1)班, which a village's primary or middle
# school does not have.
_YEAR_AND_CLASS = re.compile(r"1[0-2]\d{2}班?")
# Two digits and 级 (12级3班, 09级, 23级(1)班): the year its pupils came, as 2012级 is, never
# a grade, which is 年级: 12级3班 is no 十二年级(3)班, nor 09级 九年级.
_COHORT = re.compile(r"\d{2}级")


def one_number(value: Any) -> bool:
    """Whether a class cell writes its grade and class as one number, as class_ref reads
    it by the first of _CLASS_PATTERNS: 101, 101班, 0101, 101 班, １０１班 alike."""
    s = as_text(value)
    return s is not None and _CLASS_PATTERNS[0].fullmatch("".join(s.split())) is not None


def from_first_year(value: Any, cls: ClassRef, grade: object) -> bool:
    """Whether a class cell ``value``, read as ``cls``, writes it as one number (one_number)
    whose grade is the year within middle school of ``grade`` (七至九年级): 101班 beside
    初一, 203 in 初二.xlsx, as a middle school numbering its classes from 初一 as 1 writes
    初一1班 (lbc.checks.engine._numbered_from_first_year)."""
    return (
        isinstance(grade, int) and 7 <= grade <= 9 and cls.grade == grade - 6 and one_number(value)
    )


def class_ref(value: Any) -> ClassRef | Bad | None:
    """A class in any of the spellings schools use, read as grade and class number; a
    class number alone (12班, 2, (2)班) is unreadable here, since it names no grade, and so
    is a year's class (1201班: _YEAR_AND_CLASS; 12级3班: _COHORT). A date cell is
    unreadable too, said as one (``DATE_CELL``): Excel made 3-2 typed there 3月2日, and
    3-2 may be 三年级(2)班 or 二年级(3)班."""
    s = as_text(value)
    if s is None:
        return None
    if isinstance(value, dt.date) and value.year >= 1910:  # not a number typed as one
        return Bad(s, DATE_CELL)
    compact = "".join(s.split())
    if compact[:2] == "学前":
        m = _PRESCHOOL_CLASS.fullmatch(compact)
        number = _cn_number(m.group("c")) if m and m.group("c") else 1
        return ClassRef(PRESCHOOL, number) if m and 1 <= number <= 99 else Bad(s)
    if compact[:2] in _LEVELS:
        ref = class_ref(compact[2:])
        if isinstance(ref, ClassRef) and (year := _in_level(compact[:2], ref.grade)):
            return ClassRef(year, ref.number)
        return Bad(s)
    if class_number(compact) is not None:
        # A class number alone names no grade: 12班 (or 12, 小学11班) is class 12 of a
        # grade written elsewhere (_class_in_grade), not 一年级(2)班.
        return Bad(s)
    if _YEAR_AND_CLASS.fullmatch(compact) or _COHORT.match(compact):
        return Bad(s)
    for pattern in _CLASS_PATTERNS:
        m = pattern.fullmatch(compact)
        if m:
            grade, number = _cn_number(m.group("g")), _cn_number(m.group("c"))
            if 1 <= grade <= 12 and 1 <= number <= 99:
                return ClassRef(grade, number)
    return Bad(s)


# A record's name cell carrying the child's class, as lbc prints namesakes: 张伟(四年级(2)班)
# (a name folded), or the class first: 四年级(2)班张伟, 三(1)班-张伟.
_NAME_THEN_CLASS = re.compile(r"(?P<name>[^()\d]+)\((?P<cls>.+)\)")
_CLASS_THEN_NAME = re.compile(r"(?P<cls>.+班)[-—:、·]?(?P<name>[^()\d班]+)")
# The name first, then its class, the space between them folded: 张伟 三年级二班, 张伟-3年级2班.
_NAME_BEFORE_CLASS = re.compile(r"[^()\d班\-—:、/]+[^()\d班\-—:、·/]")


def name_and_class(student: Any) -> tuple[str, ClassRef] | None:
    """A record's 学生姓名 cell that names the child with its class (张伟（四年级2班）,
    四年级2班张伟, 张伟 四年级二班) as the name and the class; None for a name alone, or
    brackets holding anything but a class (a nickname: 张伟(小))."""
    if student.__class__ is not str or not ("(" in student or "班" in student):
        return None
    for pattern in (_NAME_THEN_CLASS, _CLASS_THEN_NAME):
        m = pattern.fullmatch(student)
        if m is not None:
            cls = class_ref(m.group("cls"))
            if cls.__class__ is ClassRef:
                return m.group("name"), cls  # type: ignore[return-value]
    return _name_before_class(student) if student.endswith("班") else None


def _name_before_class(student: str) -> tuple[str, ClassRef] | None:
    """A name of two or more characters followed by a class (张伟三年级二班): the one way
    to split it, None when there are two (欧阳十一年级2班: 欧阳 of 十一年级, or 欧阳十 of
    一年级?)."""
    found = []
    for k in range(2, len(student) - 1):
        name, rest = student[:k], student[k:].lstrip("-—:、·/")
        if "年级" in name or not _NAME_BEFORE_CLASS.fullmatch(name):
            continue  # 张伟三年级 + 2班 is no name and class
        if (cls := class_ref(rest)).__class__ is ClassRef:
            found.append((name, cls))
    return found[0] if len(found) == 1 else None  # type: ignore[return-value]


_GRADE = re.compile(
    r"(初[一二三]|高[一二三]|十[一二]?|[一二两三四五六七八九]|\d{1,2})(?:年级|年|级)?"
)


_PRESCHOOL_GRADE = frozenset({"学前班", "学前", "学前年级"})


def grade_shown(grade: int) -> str:
    """A grade as a finding names it, in the words its classes are named by: 三年级, 七年级
    (a 年级 cell of 初一 is read as 7, which nobody at a school calls it), 学前班."""
    if grade == PRESCHOOL:
        return "学前班"
    return f"{GRADE_NAMES[grade]}年级" if grade in GRADE_NAMES else str(grade)


def grade(value: Any) -> int | Bad | None:
    """A grade: 三年级, 3, 初一, 初中一年级 …, and 学前班 (PRESCHOOL, 0); not a cohort
    (12级: _COHORT)."""
    s = as_text(value)
    if s is None:
        return None
    if s in _PRESCHOOL_GRADE:
        return PRESCHOOL
    if s[:2] in _LEVELS:
        year = grade(s[2:].strip())
        if isinstance(year, int) and (found := _in_level(s[:2], year)):
            return found
        return Bad(s)
    m = _GRADE.fullmatch(s)
    if m and not _COHORT.fullmatch(s):
        g = _cn_number(m.group(1))
        if 1 <= g <= 12:
            return g
    return Bad(s)


_CLASS_NUMBER = re.compile(
    r"[(（\[]?(\d{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九])[)）\]]?(?:班级|班)?"
)


def class_number(value: Any) -> int | None:
    """The class number alone, as a 班级 column next to a 年级 column holds it: 2班, (2)班,
    二班, 2, 2 班 -> 2. None for anything else, including a class that names its grade
    (三(2)班, 302) and 0."""
    if value.__class__ is int or (value.__class__ is float and value.is_integer()):
        return int(value) if 1 <= value <= 99 else None
    if value.__class__ is not str:
        return None
    s = as_text(value)
    if s is None:
        return None
    m = _CLASS_NUMBER.fullmatch("".join(s.split()))
    if m is None:
        return None
    number = _cn_number(m.group(1))
    return number if 1 <= number <= 99 else None


# Two digits, the first a grade's and the second a class's (32, 32班): beside 三年级 as
# likely 三年级2班, written as 302 is but for its 0, as 三年级(32)班.
_GRADE_DIGIT_FIRST = re.compile(r"([1-9])[1-9](?:班级|班)?")


def grade_digit_first(value: Any, grade: int) -> bool:
    """Whether a class number alone (class_number) is two digits the first of which is
    ``grade``: 32 or 32班 of a child in 三年级 may be 三年级(2)班 or 三年级(32)班, which
    only the school can say; 12 and 12班 there are class 12, and so is 三十二班."""
    s = as_text(value)
    m = _GRADE_DIGIT_FIRST.fullmatch("".join(s.split())) if s else None
    return m is not None and int(m.group(1)) == grade


# A class of the grade written just before it, as 三年级2、3班 and 三年级(2)、(3)班 list them.
_SAME_GRADE_CLASS = re.compile(
    r"[(（]?(?P<c>\d{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九])[)）]?班?"
)


def classes(value: Any) -> tuple[ClassRef, ...] | Bad | None:
    """Several classes separated by 、，, ; / or spaces (a teacher's 任教班级); a class
    number alone is of the grade before it (三年级2、3班 is 三年级(2)班 and 三年级(3)班)."""
    s = as_text(value)
    if s is None:
        return None
    parts = [p for p in re.split(r"[、,;；/\s]+", s) if p]
    refs: list[ClassRef] = []
    for part in parts:
        ref, alone = _class_part(part)
        # Class 0 is no class: 11;0 is one class and something unreadable, not 一年级(0)班.
        if isinstance(ref, Bad) and refs and alone and (number := _cn_number(alone)):
            ref = ClassRef(refs[-1].grade, number)
        if isinstance(ref, Bad):
            return Bad(s)
        if ref is not None:
            refs.append(ref)
    return tuple(refs)


@functools.lru_cache(maxsize=4096)
def _class_part(part: str) -> tuple[ClassRef | Bad | None, str | None]:
    """One class of a cell listing several (``classes``) as class_ref reads it, and the
    class number it is when it gives one alone (the 3 of 三年级2、3班), else None. Read once
    each: a county's 8,000 teachers list a few hundred classes between them, and reading
    each of their 15,000 was a tenth of a second of lbc pair."""
    alone = _SAME_GRADE_CLASS.fullmatch(part)
    return class_ref(part), alone.group("c") if alone else None


def folded_text(s: str) -> str:
    """Text as a closed list's word is looked up: no spaces, simplified (無 as 无)."""
    return T2S.convert("".join(s.split()))


def _closed(mapping: dict[str, str]):
    """A normaliser for a closed list: folded and simplified text looked up in ``mapping``."""

    def normalise(value: Any) -> str | Bad | None:
        s = as_text(value)
        if s is None:
            return None
        key = folded_text(s).lower()
        found = mapping.get(key)
        if found is None and _CLAUSE_MARKS.search(key):
            # The form's 父母一方外出、另一方无监护能力 typed with a comma: its words.
            found = mapping.get(_CLAUSE_MARKS.sub("、", key))
        return Bad(s) if found is None else found

    return normalise


# Commas and semicolons (full-width ones folded by NFKC), where a closed list's words have 、.
_CLAUSE_MARKS = re.compile(r"[,;]")


# The canonical values of each closed list: what checks name as allowed and what the
# blank roster from `lbc init` offers in its dropdowns.
GENDERS = ("男", "女")
YES_NO = ("是", "否")
LEFT_BEHIND_TYPES = ("父母均外出", "父亲外出", "母亲外出", "非留守")
# 不在学: at no school and no dropout, as the registration form's 就学情况 has it beside 辍学
# (its 未入园 too: a young child not in kindergarten; and 失学, a child of school age out of
# school, which 控辍保学 names beside 辍学 as the other case). Still on the books, and not
# counted as a dropout anywhere. 死亡: a child who has died (亡故, 已故, 去世), off the books
# as one who left is, and counted under its own word, never as a dropout or a transfer.
ENROLLMENT_STATUSES = ("在读", "转入", "转出", "休学", "辍学", "不在学", "毕业", "死亡")
NOT_AT_SCHOOL = "不在学"
# 在校状态 values of a child no longer on the books: not paired, carded or counted as present.
LEFT_SCHOOL = frozenset({"转出", "毕业", "死亡"})
# 祖父母 and 外祖父母: both grandparents of one side look after the child together, as the
# county's 排查汇总表 counts them (祖父母、外祖父母).
RELATIONS = (
    "祖父",
    "祖母",
    "外祖父",
    "外祖母",
    "祖父母",
    "外祖父母",
    "父亲",
    "母亲",
    "亲属",
    "其他",
)
GRANDPARENTS = frozenset(RELATIONS[:6])
CATEGORIES = ("孤儿", "残疾", "单亲", "建档立卡", "低保", "贫困", "学困")

gender = _closed(
    {
        "男": "男",
        "女": "女",
        "男性": "男",
        "女性": "女",
        "m": "男",
        "f": "女",
        "male": "男",
        "female": "女",
        **dict.fromkeys(("男生", "男孩"), "男"),
        **dict.fromkeys(("女生", "女孩"), "女"),
    }
)

_YES_NO = {
    **dict.fromkeys(("是", "y", "yes", "true", "1", "√", "✓", "有", "对"), "是"),
    **dict.fromkeys(("否", "n", "no", "false", "0", "×", "✗", "无", "不是", "没有"), "否"),
}
# A word with a remark in brackets after it, as a school explains a yes: 是（孤儿）.
_TRAILING_REMARK = re.compile(r"(.+?)\s*\([^()]*\)")


def _word_within(normalise, pattern: re.Pattern[str], prepare=lambda raw: raw):
    """``normalise`` reading a cell it cannot read, where ``pattern`` (on the cell's text,
    ``prepare``d) finds a word it can read in group 1, as that word; else as before."""

    def read(value: Any) -> str | Bad | None:
        found = normalise(value)
        if found.__class__ is Bad:
            m = pattern.fullmatch(prepare(found.raw))
            if m:
                word = normalise(m[1])
                if word.__class__ is not Bad:
                    return word
        return found

    return read


def _remark_aside(normalise):
    """``normalise`` reading a cell whose word has a remark in brackets after it (是（孤儿）,
    否（已脱贫）) as the word: the remark explains the answer, it does not change it."""
    return _word_within(normalise, _TRAILING_REMARK)


# A dictionary value as an export writes it, its code before its name: 1-居民身份证,
# A：护照, Z 其他, 1居民身份证 (folding took the space out). The code is at most three
# letters or digits and the name starts with neither, so 10 or yes is never a code and a name.
_CODE_MARKS = "-:.、_—–"
_CODE_AND_NAME = re.compile(rf"[0-9a-z]{{1,3}}[{_CODE_MARKS}]?([^0-9a-z].*)")


def _code_aside(normalise, codes: dict[str, str] | None = None):
    """``normalise`` reading a code before a known word (1-居民身份证, A-护照) as the word:
    the word says what the code means. A code alone (1, A) stays unreadable, and so does a
    cell whose code ``codes`` (lbc's table of them, lower case) gives another word than
    its name (9-港澳居民来往内地通行证, 9 being 境外永久居住证): which of the two the
    school meant is for it to say."""
    read = _word_within(normalise, _CODE_AND_NAME, lambda raw: folded_text(raw).lower())
    if codes is None:
        return read

    def agreeing(value: Any) -> str | Bad | None:
        found = read(value)
        if found.__class__ is not str:
            return found
        s = as_text(value) or ""
        m = _CODE_AND_NAME.fullmatch(folded_text(s).lower())
        if m and normalise(value).__class__ is Bad:  # read by its name, its code aside
            code = m[0][: m.start(1)].rstrip(_CODE_MARKS)
            if codes.get(code, found) != found:
                return Bad(s)
        return found

    return agreeing


yes_no = _remark_aside(_closed(_YES_NO))
# 重点帮扶对象: a yes, or the column's own word for one (重点, 重点对象), as schools mark it.
key_target = _remark_aside(
    _closed({**_YES_NO, **dict.fromkeys(("重点", "重点对象", "重点帮扶", "重点帮扶对象"), "是")})
)

party_member = _closed(
    {
        **dict.fromkeys(("是", "y", "yes", "1", "√", "党员", "中共党员", "预备党员"), "是"),
        **dict.fromkeys(("共产党员", "中国共产党员", "中共预备党员"), "是"),
        **dict.fromkeys(("否", "n", "no", "0", "×", "群众", "团员", "共青团员", "民主党派"), "否"),
        **dict.fromkeys(("无党派", "无党派人士", "非党员"), "否"),
    }
)

# A teacher's 在岗 or 状态 cell, as schools fill a 状态 column: at work here (在编在岗, a
# 特岗 or 代课 teacher, one 退休返聘), or gone or away (调离, 借调, 病休, 停薪留职 …). 支教
# and 交流 say a teacher moves, not which way: they stay unreadable, for the school to say.
active = _closed(
    {
        **dict.fromkeys(
            ("是", "y", "yes", "1", "√", "在岗", "在职", "正常", "在编", "正常在岗"),
            "是",
        ),
        **dict.fromkeys(
            ("在编在岗", "在岗在编", "在职在岗", "在岗在职", "特岗", "特岗教师", "代课"),
            "是",
        ),
        **dict.fromkeys(("临时代课", "代课教师", "返聘", "退休返聘"), "是"),
        **dict.fromkeys(
            ("否", "n", "no", "0", "×", "离岗", "病假", "产假", "休假", "调出", "退休", "离职"),
            "否",
        ),
        **dict.fromkeys(("调离", "已调离", "调走", "已调走", "借调", "借出", "已退休"), "否"),
        **dict.fromkeys(("病休", "长期病假", "长病假", "病假中", "产假中", "休产假"), "否"),
        **dict.fromkeys(("停薪留职", "辞职", "已辞职", "已离职", "去世", "已故"), "否"),
    }
)

BOTH_AWAY, FATHER_AWAY, MOTHER_AWAY, NOT_LEFT_BEHIND = (
    "父母均外出",
    "父亲外出",
    "母亲外出",
    "非留守",
)
# 是 in a 是否留守儿童 column, or 单亲留守: left behind, but which parent is away is unsaid.
AWAY_UNSPECIFIED = "留守(未注明)"
# The registration form's third 实际监护情况: both parents at home, neither able to look
# after the child. On the lists as a left-behind child is, in the form's own words: no
# parent is away, so asking which one is (VAL004) would ask the school to write something
# untrue, and the one to reach is the guardian entrusted (CON008).
BOTH_INCAPABLE = "父母双方无监护能力"
# One parent away, unsaid which, as the registration form's 实际监护情况 and the 学籍 export's
# 单亲留守儿童 say it: AWAY_UNSPECIFIED in a cell, which lbc.roster.tables makes the parent
# whose work place the row places away (says_away), when only one does.
ONE_AWAY_WORDS = frozenset(
    {
        "一方外出",
        "单亲留守",
        "单亲留守儿童",
        "单留守",
        "单留守儿童",
        "单亲外出",
        "单方外出",
        "父母一方外出",
        "父母一方外出、另一方无监护能力",
        "一方外出、另一方无监护能力",
        "父母一方外出另一方无监护能力",
        "一方外出另一方无监护能力",
    }
)


# BOTH_INCAPABLE as the form and schools write it.
BOTH_INCAPABLE_WORDS = frozenset({BOTH_INCAPABLE, "双方无监护能力"})


def says_one_away(value: Any) -> bool:
    """Whether a 留守类型 or 实际监护情况 cell says one parent is away, unsaid which."""
    s = as_text(value)
    return s is not None and folded_text(s) in ONE_AWAY_WORDS


# A parent's 务工地点 cell for a parent who is not away: nothing to say (无, /), at home
# (在家, 在家务农, 本地 …), or dead. 不详 and 不明 are not among them: a parent whose
# whereabouts are unknown may well be away.
_NOT_AWAY = re.compile(
    "|".join(map(re.escape, NONE_WORDS))
    + r"|无业|待业|务农|已故|去世|死亡|病故|离世"
    + r"|(?:在家|家中|本地|当地|本村|本乡|本镇|本县)\S*"
)


def says_away(place: Any) -> bool:
    """Whether a parent's 务工地点 cell places the parent away: filled, and not saying
    there is nothing to fill (无, /), that the parent is at home (在家, 本地) or has died.
    The registration form's 父母一方外出 is the parent whose cell does."""
    s = as_text(place)
    return s is not None and not _NOT_AWAY.fullmatch(folded_text(s))


# The county 排查汇总表's 实际监护情况: who looks after a left-behind child, not which parent
# is away.
COUNTY_CARERS = ("祖父母、外祖父母", "亲戚朋友", "无委托照料人")
NO_CARER = COUNTY_CARERS[2]
# Each spelling of them and the words it is; 祖父母 or 外祖父母 alone too, as a school
# writes the one that is so.
_COUNTY_CARER_WORDS = {
    **dict.fromkeys(
        ("祖父母、外祖父母", "祖父母外祖父母", "祖父母/外祖父母", "祖父母", "外祖父母", "祖辈"),
        COUNTY_CARERS[0],
    ),
    **dict.fromkeys(("亲戚朋友", "亲戚、朋友", "亲友"), COUNTY_CARERS[1]),
    **dict.fromkeys(("无委托照料人", "无照料人"), NO_CARER),
}


def _divorced(parent: str) -> tuple[str, ...]:
    """父母离异，父亲外出 as schools write it (folded: the comma half-width), or with 、 or
    nothing between, and 外出务工 or 外出打工 for 外出 as 父亲外出务工 says it: the parents
    divorced, and ``parent`` is the one away."""
    return tuple(
        f"父母离异{mark}{parent}外出{work}"
        for mark in (",", "、", "")
        for work in ("", "务工", "打工")
    )


def _single_parent(parent: str) -> tuple[str, ...]:
    """单亲留守（父亲外出） and 单亲留守儿童（父亲外出） as schools write them (folded: the brackets
    half-width): one parent away, ``parent``, said in the brackets."""
    return tuple(f"{word}({parent}外出)" for word in ("单亲留守", "单亲留守儿童", "单亲"))


def _other_at_home(parent: str, other: str) -> tuple[str, ...]:
    """父亲外出，母亲在家 (父外出母在家, 父亲外出务工、母亲在家): ``parent`` away, said with the
    ``other`` at home (folded: the comma half-width)."""
    return tuple(
        f"{away}外出{work}{mark}{home}在家"
        for away, home in ((parent, other), (parent[0], other[0]))
        for work in ("", "务工", "打工")
        for mark in (",", "、", "")
    )


left_behind_type = _closed(
    {
        **dict.fromkeys(
            (
                "父母均外出",
                "双亲留守",
                "双方外出",
                "父母双方外出",
                "父母外出",
                "父母均外出务工",
                "父母双方外出务工",
                "双亲外出",
                "双留守",
                "双留守儿童",
                "双亲留守儿童",
                "父母双方同时外出",
                "双方同时外出",
                "父母都外出",
                "父母均在外",
                "父母均外出打工",
                "父母外出打工",
                "父母外出务工",
            ),
            BOTH_AWAY,
        ),
        **dict.fromkeys(("父亲外出", "父外出", "父亲外出务工", "父单方外出"), FATHER_AWAY),
        **dict.fromkeys(("父亲外出打工", "父亲在外务工", "父亲在外打工"), FATHER_AWAY),
        # 单亲留守 with the parent away named in brackets, and a divorced family's parent who
        # is away. 单亲留守（父） alone is not read: the parent in brackets may be the one
        # away or the one the child lives with, and a wrong reading asks for the wrong
        # parent's phone.
        **dict.fromkeys(
            (*_single_parent("父亲"), *_divorced("父亲"), *_other_at_home("父亲", "母亲")),
            FATHER_AWAY,
        ),
        **dict.fromkeys(("母亲外出", "母外出", "母亲外出务工", "母单方外出"), MOTHER_AWAY),
        **dict.fromkeys(("母亲外出打工", "母亲在外务工", "母亲在外打工"), MOTHER_AWAY),
        **dict.fromkeys(
            (*_single_parent("母亲"), *_divorced("母亲"), *_other_at_home("母亲", "父亲")),
            MOTHER_AWAY,
        ),
        **dict.fromkeys(("非留守", "否", "不是", "非留守儿童"), NOT_LEFT_BEHIND),
        **dict.fromkeys(BOTH_INCAPABLE_WORDS, BOTH_INCAPABLE),
        **dict.fromkeys(
            (
                "是",
                "留守",
                "留守儿童",
                AWAY_UNSPECIFIED,
                *ONE_AWAY_WORDS,
                # A child someone else looks after, or nobody (the county's 实际监护情况):
                # left behind, which parent away unsaid.
                *_COUNTY_CARER_WORDS,
            ),
            AWAY_UNSPECIFIED,
        ),
    }
)

# The registration form's 就学情况 names the school level a child attends: at school.
SCHOOL_LEVELS = ("幼儿园", "小学", "初中", "高中", "中职", "学前班", "中专", "职高", "技校")

# The words schools write for each state besides the list's own: 退学 is how many rosters
# say a child dropped out, 病故 that a child died of an illness. Left unreadable, each was
# counted as 在读 by the summary (no dropout in 辍学率, a child who died on the books).
enrollment_status = _closed(
    {
        **dict.fromkeys(("在读", "在校", "在籍", "正常", "就读", *SCHOOL_LEVELS), "在读"),
        **dict.fromkeys(("转入", "已转入", "新转入", "转入本校"), "转入"),
        **dict.fromkeys(("转出", "转学", "已转出", "已转学", "转走", "已转走"), "转出"),
        **dict.fromkeys(("休学", "已休学", "休学中"), "休学"),
        **dict.fromkeys(("辍学", "已辍学", "退学", "已退学"), "辍学"),
        **dict.fromkeys(("不在学", "失学", "未入园", "未入学", "未上学"), NOT_AT_SCHOOL),
        **dict.fromkeys(("毕业", "已毕业"), "毕业"),
        **dict.fromkeys(
            ("死亡", "已死亡", "亡故", "已亡故", "已故", "去世", "已去世", "病故", "已病故"), "死亡"
        ),
    }
)

_relation = _closed(
    {
        **dict.fromkeys(("祖父", "爷爷", "爷孙"), "祖父"),
        **dict.fromkeys(("祖母", "奶奶", "奶孙"), "祖母"),
        **dict.fromkeys(("外祖父", "外公", "姥爷"), "外祖父"),
        **dict.fromkeys(("外祖母", "外婆", "姥姥"), "外祖母"),
        **dict.fromkeys(("祖父母", "爷爷奶奶", "奶奶爷爷"), "祖父母"),
        **dict.fromkeys(("外祖父母", "外公外婆", "外婆外公", "姥姥姥爷", "姥爷姥姥"), "外祖父母"),
        **dict.fromkeys(("父亲", "父子", "父女", "爸爸", "父", "爸", "生父", "亲生父亲"), "父亲"),
        **dict.fromkeys(("母亲", "母子", "母女", "妈妈", "母", "妈", "生母", "亲生母亲"), "母亲"),
        **dict.fromkeys(
            (
                "亲属",
                "亲戚",
                "叔叔",
                "伯父",
                "伯伯",
                "婶婶",
                "姑姑",
                "姑妈",
                "舅舅",
                "舅妈",
                "姨妈",
                "阿姨",
                "哥哥",
                "姐姐",
                "叔侄",
                "姑侄",
                "舅甥",
                "其他亲属",
                "伯侄",
                "叔叔婶婶",
                "伯母",
                "婶娘",
                "姑父",
                "姨父",
                "姨",
                "舅",
                "姑",
                "兄妹",
                "兄弟",
                "姐弟",
                "姐妹",
                "大伯",
                "哥",
                "姐",
                *(f"{side}{who}" for side in "堂表" for who in ("哥", "姐", "兄", "弟", "妹")),
                "嫂子",
                "姐夫",
                # A step-parent: family at home, not the parent the roster's columns name.
                *("继父", "继母", "继父母", "后爸", "后妈"),
            ),
            "亲属",
        ),
        **dict.fromkeys(("其他", "其它", "朋友", "邻居"), "其他"),
    }
)
# 母亲（外出）: a parent named guardian though away, as the registration form is often filled
# in: that parent (nobody at home looks after the child). A remark of another kind
# (祖父（已故）), or on anyone else (奶奶（外出）), leaves the cell unread, asked about.
_AWAY_REMARK = re.compile(r"(.+?)\s*\((?:外出|外出务工|务工|打工|在外|在外务工|外地)\)")


def relation(value: Any) -> str | Bad | None:
    """与儿童关系 as one of RELATIONS; a parent with a remark saying she is away as that parent."""
    read = _relation(value)
    if read.__class__ is Bad and (away := _AWAY_REMARK.fullmatch(read.raw)):
        parent = _relation(away[1])
        if parent in ("父亲", "母亲"):
            return parent
    return read


# The registration form's 监护类型: how well the child is looked after, worst first.
# 监护情况差 is the county 排查汇总表's 差, which gathers the three before it without
# saying which.
GUARDIANSHIP_RATINGS = (
    "无人监护",
    "父或母无监护能力",
    "受委托监护人监护能力不足",
    "监护情况差",
    "监护情况一般",
    "监护情况较好",
)
# Who looks after the child, as many schools' 监护类型 columns say it in place of a rating
# (the 隔代监护 / 亲属监护 / 单亲监护 of the relief guidelines): a true answer, not a
# rating, kept as written so it is no VAL001 and counts in no rating band. 自我监护 and
# 无人照看 say there is nobody, which the form calls 无人监护.
GUARDIAN_MODES = ("隔代监护", "祖辈监护", "亲属监护", "亲友监护", "单亲监护", "委托监护")
# A rating with a remark in brackets after it (无人监护（父母外出）) is that rating.
guardianship_rating = _remark_aside(
    _closed(
        {
            **{r: r for r in GUARDIANSHIP_RATINGS},
            **{m: m for m in GUARDIAN_MODES},
            **dict.fromkeys(("无监护", "无人照料", "无人照看", "自我监护"), "无人监护"),
            **dict.fromkeys(("无人看管", "无人照顾", "无人管", "无人管理", "独居"), "无人监护"),
            **dict.fromkeys(("父母无监护能力", "父母一方无监护能力"), "父或母无监护能力"),
            **dict.fromkeys(("监护能力不足", "委托监护人监护能力不足"), "受委托监护人监护能力不足"),
            **dict.fromkeys(("差", "较差", "很差", "监护差", "监护较差"), "监护情况差"),
            "一般": "监护情况一般",
            **dict.fromkeys(("较好", "良好", "好"), "监护情况较好"),
        }
    )
)

# 实际监护情况, kept as it says it: the registration form's (which parents are away), or the
# county 排查汇总表's (who looks after the child). left_behind_type is read from it when a
# roster has no 留守类型 column.
CARE_SITUATIONS = ("父母双方外出", "一方外出另一方无监护能力", "父母双方无监护能力", *COUNTY_CARERS)
care_situation = _closed(
    {
        **_COUNTY_CARER_WORDS,
        **dict.fromkeys(
            ("父母双方外出", "父母双方同时外出", "双方外出", "双方同时外出", "父母均外出"),
            "父母双方外出",
        ),
        **dict.fromkeys(
            (
                "一方外出另一方无监护能力",
                "父母一方外出、另一方无监护能力",
                "父母一方外出另一方无监护能力",
                "一方外出、另一方无监护能力",
                "父母一方外出",
                "一方外出",
            ),
            "一方外出另一方无监护能力",
        ),
        **dict.fromkeys(("父母双方无监护能力", "双方无监护能力"), "父母双方无监护能力"),
    }
)

# What a 健康状况 or 身体情况 cell says in words (the registration form writes 健康 / 残疾 /
# 患病, the 学籍 export 健康或良好 / 一般或较弱 / 有慢性病 …): what the blank roster offers
# and lbc asks for in place of a code it does not read.
HEALTH_WORDS = ("健康", "一般或较弱", "慢性病", "残疾", "患病")
# The 学籍 system's 健康状况 codes (GB/T 2261.3, two digits) whose meaning every version of
# the standard shares: 10, 20, a 3x disease is chronic, a 4x defect physical.
_HEALTH_CODES = {1: "健康或良好", 2: "一般或较弱", 3: "有慢性病", 4: "有生理缺陷"}
XUEJI_HEALTH = tuple(_HEALTH_CODES.values())


def health(value: Any) -> str | Bad | None:
    """A child's 健康状况 as written; a code the 学籍 export writes (10, 20, 31 …) in its
    words. Any other bare number (1, 2, 3 of a school's own coding, where 2 may be 残疾 or
    一般或较弱) names no state of health: unreadable, not text counted in no band."""
    s = text(value)
    if s is None or not s.isdigit():
        return s
    if len(s) == 2 and int(s[0]) in _HEALTH_CODES and (s[1] == "0" or s[0] in "34"):
        return _HEALTH_CODES[int(s[0])]
    return Bad(s)


# The 学籍 export's 身份证件类型: the education data standard's 身份证件类型代码 (JY/T
# 1001: 1 居民身份证, 2 军官证, 3 士兵证, 4 文职干部证, 5 部队离退休证, 6 香港特区护照/身份证明
# to 9 境外永久居住证, A 护照, Z 其他), the 港澳台居民居住证 issued since 2018, and the
# 港澳居民来往内地通行证 (回乡证), the 台湾 permit's twin, as schools write it, and the
# mainland residents' 往来港澳通行证 (港澳通行证), a child's travel permit. Its B 户口簿
# is read as 居民身份证: the household register prints each member's 公民身份号码, so the
# number of a child's 户口簿 is the child's ID number, checked as one; a booklet's 户号
# written in its place is no ID number, and the ID checks say so (ID001).
# Only the first two hold a number of the ID's 18-digit pattern (area code, birth date,
# sex, check digit); a military card, a passport, a 通行证 or a permanent residence card
# holds a number of another shape.
ID_KINDS = (
    "居民身份证",
    "港澳台居民居住证",
    "军官证",
    "士兵证",
    "文职干部证",
    "部队离退休证",
    "香港特区护照/身份证明",
    "澳门特区护照/身份证明",
    "台湾居民来往大陆通行证",
    "港澳居民来往内地通行证",
    "往来港澳通行证",
    "境外永久居住证",
    "护照",
    "其他",
)
PATTERNED_ID_KINDS = frozenset(ID_KINDS[:2])
# The four military cards: no child holds one, and 军官证 is the dropdown's code 2, right
# after 居民身份证. A number of the ID's pattern under one is the child's ID number picked
# under the wrong kind (lbc validate ID010), yet read as the kind says until it is put right.
MILITARY_ID_KINDS = frozenset(ID_KINDS[2:6])
# The passports and permits, whose numbers are of 8 to 11 characters: 18 digits of the ID's
# pattern under one are the child's ID number under the wrong kind too (ID010). Not the
# 境外永久居住证, whose card of 2023 has 18 digits and a check digit of the ID's pattern.
SHORT_NUMBER_ID_KINDS = frozenset((*ID_KINDS[6:11], "护照"))
# The standard's codes, as an export writes them before their names (9-境外永久居住证).
_ID_KIND_CODES = {
    "1": "居民身份证",
    "2": "军官证",
    "3": "士兵证",
    "4": "文职干部证",
    "5": "部队离退休证",
    "6": "香港特区护照/身份证明",
    "7": "澳门特区护照/身份证明",
    "8": "台湾居民来往大陆通行证",
    "9": "境外永久居住证",
    "a": "护照",
    "b": "居民身份证",  # 户口簿, whose number is the child's ID number
    "z": "其他",
}
id_kind = _code_aside(
    _closed(
        {
            **{k: k for k in ID_KINDS},
            **dict.fromkeys(
                (
                    "身份证",
                    "居民身份证号",
                    "中华人民共和国居民身份证",
                    "中国居民身份证",
                    "户口簿",
                    "居民户口簿",
                    "户口本",
                ),
                "居民身份证",
            ),
            # The two cards 港澳台居民居住证 names, as each is titled.
            **dict.fromkeys(("港澳居民居住证", "台湾居民居住证"), "港澳台居民居住证"),
            # The two permits by the names schools call them.
            "回乡证": "港澳居民来往内地通行证",
            "港澳通行证": "往来港澳通行证",
            # A foreigner's permanent residence card, by its own title: 境外永久居住证 in
            # the standard's words.
            **dict.fromkeys(("外国人永久居留身份证", "外国人永久居留证"), "境外永久居住证"),
            "其它": "其他",
        }
    ),
    _ID_KIND_CODES,
)


# 是否学校寄宿 (是/否) and the 学籍 export's 就读方式 (住校/走读); a remark in brackets after
# the answer (是（周末回家）) leaves it the answer.
boarding = _remark_aside(
    _closed(
        {
            **dict.fromkeys(("是", "住校", "寄宿", "学校寄宿", "住宿", "1", "y", "√"), "是"),
            **dict.fromkeys(("寄宿生", "住读", "住校生", "住宿生"), "是"),
            **dict.fromkeys(("否", "走读", "不寄宿", "不住校", "0", "n", "×", "无"), "否"),
        }
    )
)

RECORD_KINDS = (
    "谈心",
    "家访",
    "电话联系",
    "视频通话",
    "亲情通话",  # the child calls their parents away at work (the school's 亲情电话)
    "学习辅导",
    "生活照顾",
    "心理疏导",
    "送温暖",
    "活动",
)

# Each way a 类型 cell spells a record kind, and the kind it is.
RECORD_KIND_WORDS = {
    **{k: k for k in RECORD_KINDS},
    **dict.fromkeys(("谈心谈话", "谈话", "个别谈心", "谈心交流", "面谈", "交心"), "谈心"),
    **dict.fromkeys(("个别谈话", "师生谈心"), "谈心"),
    **dict.fromkeys(("走访", "入户走访", "上门家访", "入户家访", "家访走访"), "家访"),
    **dict.fromkeys(("实地家访", "上门走访", "走访家庭"), "家访"),
    **dict.fromkeys(("电话", "电话家访", "打电话", "电访", "电话访问", "电话回访"), "电话联系"),
    **dict.fromkeys(("电话沟通", "电话交流", "电话联络", "电话访谈", "通电话"), "电话联系"),
    **dict.fromkeys(
        ("视频", "视频联系", "视频家访", "微信视频", "线上家访", "网络家访"), "视频通话"
    ),
    **dict.fromkeys(("视频聊天", "视频连线"), "视频通话"),
    **dict.fromkeys(("亲情电话", "亲情视频", "亲情热线", "亲子通话", "与父母通话"), "亲情通话"),
    **dict.fromkeys(("辅导", "课业辅导", "作业辅导", "学业辅导", "个别辅导"), "学习辅导"),
    **dict.fromkeys(("心理辅导", "心理咨询", "心理健康辅导"), "心理疏导"),
    **dict.fromkeys(("生活关照",), "生活照顾"),
    **dict.fromkeys(("慰问", "送温暖活动", "节日慰问", "物资慰问"), "送温暖"),
    **dict.fromkeys(("集体活动", "主题活动", "生日会", "集体生日会"), "活动"),
}
# What a 类型 that is no kind says when the contact was not made (未家访, 家访未遇, 电话未
# 接通, 联系不上, 无人接听, 电话无法接通, 家访取消, 电话关机) or is only planned or put off
# (计划家访, 拟家访, 待家访, 家访改期); not where the words name what a contact held was
# about: 未成年人保护, 未来规划, 事实无人抚养儿童, 学习跟不上, 不到校, 考试失败, 没考好,
# 作业没写.
_NOT_HELD = re.compile(
    r"未(?!成年|来)|没(?!收|考|写|做|交|进步|认真)|无人(?!监护|抚养|看管|照)|(?<![跟考])不上(?!学)"
    r"|不通|不到(?!校|位)|不在家|(?<!试)失败|拒接|无法接通|无应答|取消|扑空|关机|停机|空号|改期"
    r"|延期|推迟|紧锁|^(?:计划|拟|待|预约|准备)"
)
# A kind with a remark after it in brackets, or after a colon, as teachers write one
# (家访（入户）, 谈心【学习问题】, 谈心：没考好), folded: the kind and the remark.
_REMARKED = re.compile(r"^(.+?)(?:[(\[【](.*)[)\]】]|:(.+))$")
# A kind with a remark after a comma, a semicolon, a dash or a space, as teachers write one
# too (家访，入户, 谈心——考试没考好, 谈心 学习问题): the kind and the remark, read as one in
# brackets is. Not 、, / or +, which list kinds (谈心、家访).
_SEPARATED = re.compile(r"^(.+?)\s*(?:[,;]|[-—~]+|\s)\s*([^\s,;\-—~].*)$")
# What a remark says of a contact not made, of any kind (家访（取消）, 谈心（缺席）, 送温暖
# （未发放）), of a home visit (家访（未遇）, 家访（大门紧锁）) and of a call (电话（关机）,
# 电话（无法接通）): the narrow words of it only, since a remark mostly says what a contact
# was about, negations and all (谈心（作业未完成）, 谈心（父母长期不在家）, 学习辅导（没听懂）).
_FAILED_ANY = (
    r"取消|改期|延期|^推迟|推迟$|[未没]能?(?:进行|成行|发放|送达)"
    r"|^(?:缺席|没来|未来|未到|没到|未|没|[未没](?:开展|落实|完成|进行))$"
)
# The end of a clause of a remark (家中无人，改日再访): 无人 there is nobody home, not the
# 无人 of 周末无人照看.
_CLAUSE_END = r"(?=$|[,;。])"
# What says a contact of each kind was not made, besides _FAILED_ANY's words.
_FAILED_OF = {
    "家访": (
        rf"未遇|不遇|扑空|不在家|(?:家中|家里|屋里)?[无没]人(?:在家|在|应答?|开门|接待)?{_CLAUSE_END}"
        # Nobody back while the teacher waited (等了半小时也没人回来), not a home nobody
        # comes back to for the new year (孩子家去年过年没人回来), which a visit is about.
        rf"|(?:等[^,;。]*?|[也还]|一直|始终)[无没]人回来{_CLAUSE_END}"
        r"|[无没]人(?:开门?|应门?|答应|出来)|无一人|一个人也没$|紧锁|紧闭|锁门|锁着|拒访|不让进"
        r"|白跑|空跑|扑了个空|无人居住|门是锁的|锁着门"
        # A neighbour telling first thing that the family is out (隔壁阿姨说他们去广东了):
        # none of it met; not what a neighbour says of the child (邻居反映孩子常去网吧), nor
        # what the grandmother says a neighbour said (到家后奶奶说邻居反映…).
        r"|^(?:[^,;。]{0,3}?时)?(?:听|据)?(?:邻居|隔壁|邻里|路人|村民)[^,;。]{0,4}?"
        r"(?:说|称|讲|告诉|告知|反映|表示)(?![^,;。]*常)[^,;。]{0,8}?"
        r"(?:去了|去[^,;。]{1,4}了|走了|搬|不在|外出|出门|打工|走亲戚|下地|住院)"
        rf"|[未没]碰[到上着]|搬(?:家|走)了|已搬(?:家|走)|见不到人|改日再(?:去|访|来)"
        rf"|(?:找不到|没找到)(?:[^,;。]{{0,4}}家|人|地方|住处)?{_CLAUSE_END}"
        r"|[未没]能?见(?:到|着|(?=人|家长|父母|学生|孩子|监护人|家人))"
        # Not the parents, away as a left-behind child's are (未见到母亲，奶奶在家).
        r"(?!(?:孩子|学生)?的?(?:父亲|母亲|爸|妈|双亲))|学生[未没]到家"
        rf"|(?:^|一直|始终)联系不[上到](?:家长|父母|监护人|家人)?{_CLAUSE_END}"
        r"|改为(?:电话|微信|视频)"
        # The visit itself not gone on (没去, 因疫情未去), not a child who did not go to
        # school (学生没去学校, 哪儿也没去), which a visit is often about.
        rf"|(?<![也都])[未没]能?(?:去成?|家访|上门|入户){_CLAUSE_END}"
    ),
    **dict.fromkeys(
        ("电话联系", "视频通话", "亲情通话"),
        r"[未没]接|[未没]能?接通|无法接通|[打拨]不[通进]|没[打拨]?通|无应答"
        r"|(?<!放学)[无没]人接(?!送)|(?<!把手机)(?<!把电话)关机|停机|空号|占线|拒接|挂断|被挂"
        r"|号码错误|号码不对|错号|换号(?!后)|号码已?更换|无暇接|不在服务区|一直在?通话中"
        r"|(?:电话|打过去|拨过去|留言|消息|短信|微信)[^,;。]{0,3}?[没无]回应"
        r"|^(?:对方|[^,;。]{0,2}?(?:妈妈|爸爸|母亲|父亲|家长))?(?:一直|始终)?[没无]回应$"
        rf"|无法联系|联系不[上到](?:家长|父母|监护人|家人)?{_CLAUSE_END}|失联$|[无没]人应答"
        rf"|[未没]能?[打拨]通|[未没][打拨]{_CLAUSE_END}|[未没]能?联系[上到]|不通{_CLAUSE_END}"
        rf"|[未没]回(?:复|电|话|拨){_CLAUSE_END}|(?:^|对方|一直|始终)[未没]回{_CLAUSE_END}"
        r"|[没无]信号|[未没]能?连上|连不上|号码错|打错|未果|无果"
        rf"|不接(?:听|电话)?{_CLAUSE_END}|(?:直接|立刻|马上|一接就|接通就|刚接就|对方)挂了"
        # No time to talk, said alone (对方说正在开车，不方便接; 没空视频).
        rf"|^(?:对方|[他她])?说?(?:现在|正在|正|暂时)?(?:不方便|没空|没时间)"
        rf"(?:接|接听|说话|说|聊|讲|通话|视频)?(?:电话)?{_CLAUSE_END}",
    ),
    # A child away from a group activity or a lesson (学生请假, 该生因病没参加本次活动, 该生
    # 发烧，在家休息), not other children (三名同学缺席) nor an absence before (上次活动因病
    # 请假，这次参加了).
    **dict.fromkeys(
        ("活动", "学习辅导"),
        r"^(?:学生|孩子|该生)?(?:[因生]?[病事])?(?:请假|缺席)(?!回来|返校|后)"
        r"|(?:学生|孩子|该生)(?:[因生]?[病事])?请假(?!回来|返校|后)"
        r"|(?:^|学生|孩子|该生)(?:因?[病事]|生病了?|今天|本次|这次)?[未没]能?"
        r"(?:来参加|去参加|参加|来|去|到|上成|辅导成?)(?:本次|这次)?"
        r"(?:活动|辅导|课|比赛|演出|汇演|晚会|运动会|联欢会?)?$"
        r"|^(?:学生|孩子|该生)?(?:在家|回家|住院)(?:休息|养病|治疗)",
    ),
    # A talk not had (没谈, 暂未谈心, 学生没来), not one about what was not done (作业未完成).
    **dict.fromkeys(
        ("谈心", "心理疏导"),
        r"^[^,;。]{0,3}?[未没]能?(?:谈心|谈话|谈成|谈|疏导)$"
        r"|^(?:学生|孩子|该生)(?:没来|[未没]到(?:校)?)$",
    ),
    "送温暖": (
        rf"[未没]能?送(?:到|达|出)?(?:去|来)?{_CLAUSE_END}|(?:家中|家里)[无没]人{_CLAUSE_END}"
        r"|[无没]人在家|带回学校|原样带回(?!家)"
        rf"|再送{_CLAUSE_END}"
    ),
}
# Each kind's words of a contact not made, _FAILED_ANY's with its own (a remark's), and
# its own alone (a 内容's, where _FAILED_ANY's count only in a clause about the contact).
_FAILED = {kind: re.compile(rf"{_FAILED_ANY}|{words}") for kind, words in _FAILED_OF.items()}
_FAILED_OWN = {kind: re.compile(words) for kind, words in _FAILED_OF.items()}
_FAILED_OTHER = re.compile(_FAILED_ANY)
# A 内容's clause that is a bare no (未, 取消, 未进行): of the contact, whatever its words.
_BARE_NO = re.compile(r"^(?:未|没|取消|改期|延期|推迟|[未没](?:进行|开展|落实))$")
# What happens often, not this time (家里经常没人, 周末常不在家): no contact not made. Not
# the teacher's own tries each time, this one among them (每次打都不接, 每次去都没人).
_HABITUAL = re.compile(
    r"经常|平时|常年|长期|总是|平常|一般|有时|常常|往往|每[天周]"
    r"|每次(?!(?:去|来|打|拨|上门|家访|入户|联系|视频)[^,;。]{0,3}?都)"
)
# One of the family away from home (父母不在家, 奶奶没在家, 爸妈常年不在家): with nobody
# met, a visit finding the parents away may have met the grandparents or nobody; so too
# the child (孩子不在家: the grandmother may have been met).
_SOMEONE_AWAY = re.compile(
    r"(?:父母|父亲|母亲|爸爸|妈妈|爸妈|家长|爷爷|奶奶|外公|外婆|姥姥|姥爷|祖父|祖母|孩子|学生)"
    r"[^,;。]{0,6}?[不未没]在家"
)
# A remark that leaves it unsure whether the contact was made, or made so: planning words,
# which may be what was talked of (家访（计划）, 谈心（学习计划）), one away (谈心（请假）),
# a refusal or a call cut off, a bare no (家访（否）, 家访（无）, 家访（×）, 家访（0次）), put
# off (家访（下周）, 家访（改天再去）); and a home visit made by phone or online (家访（电话）,
# 家访（线上）), which is no visit in person.
_REMARK_UNSURE = re.compile(
    r"计划|拟(?!考)|(?<!接)待(?!人)|预约|准备(?!期末|考试)|安排|暂缓|暂停|下次|再约|另约|择日"
    r"|(?:^|病|事)请假|请假$|拒绝|挂断|^(?:否|无|没|不|暂无|不在|[-—/]+|[×x✗✘]|0次?)$"
    r"|下周|改天|改日|改到|改在|延后|再去|预计|没空|挂了|^(?:学生)?(?:缺席|病假|事假)$|未果|无果"
)
_BY_PHONE = re.compile(r"电话|电访|视频|微信|线上|网络|改为|qq")
# A kind with a count or a mark: 家访1次, 第一次家访, 已家访, 家访√.
_COUNTED = re.compile(r"^(?:已|第[0-9一二三四五六七八九十]+次)|(?:[0-9一二两三]+次|[。√✓])$")


# Who a teacher meets or speaks with: the family and those entrusted with the child (he or
# she, said of one of them, where they speak); and the child (a talk's or a visit's, not a
# call's: a child telling the teacher her father changed his number is no call made).
_KIN_WORD = (
    r"(?:父亲|母亲|爸爸|妈妈|父母|家长|爷爷|奶奶|外公|外婆|姥姥|姥爷|祖父|祖母|监护人"
    r"|伯|叔|舅|姑|姨|婶|哥|姐)"
)
_FAMILY_WORD = rf"(?:{_KIN_WORD}|她|他)"
_CHILD_WORD = r"(?:孩子|学生|该生|小孩)"
# Not after a negation or a refusal (没见到, 无法沟通, 家里没人辅导作业, 拒绝沟通).
_NOT_AFTER_NO = (
    r"(?<![未没不])(?<!无人)(?<!没人)(?<![无没]法)(?<![未没不]能)(?<!难以)"
    r"(?<!拒绝)(?<!不愿)(?<!不肯)(?<!不想)(?<!拒)"
)
# What the teacher does that reaches someone, in person or by phone: talked with someone
# (与奶奶交流), saw or reached them (见到, 接通, 回电, 打回来, 联系上), was answered (答应).
_REACHED = (
    r"(?:与|和|跟|同)[^,;。未没不]{1,6}?(?:交流|交谈|谈话|谈心|聊|通话|沟通|见面)"
    rf"|{_NOT_AFTER_NO}(?:接待|见到|见了|遇见|遇到|碰到|找到|接通|回电(?!话)|回拨|打回来|打过来"
    r"|打通|就通了|联系上|联系了|接了|接听了|交流|沟通|交谈|聊了|聊天|通话了|通了话|通了电话|通电话"
    r"|答应|回了电话|回过来|说了几句|聊了几句|讲了几句"
    # 回电话 as done, not asked for (叮嘱孩子让妈妈回电话).
    r"|(?<![让请叫要])(?<![让请叫要].)(?<![让请叫要]..)(?<![让请叫要]...)回电话)"
)
# What only a contact in person does: a lesson given (补课, 讲解), a gift handed over (送去,
# 交到…手里), a talk (找他谈心), comfort given (安慰了几句), an activity taken part in or
# held (参加了, 开展了).
_IN_PERSON_DONE = (
    rf"{_NOT_AFTER_NO}(?:补课|补讲|补习|补辅导|补上|补了|补起来|辅导了|讲解|讲了|送去|送到|送上"
    r"|送给|补送|交给|交到|赠送|带去|发放(?!推迟|延期|取消|改|暂|等|待)|开导|安慰|劝导|劝说|劝其|疏导了"
    r"|参加了|参加并|参与了"
    r"|开展了|举行了|进行了|正常开展|如期开展|顺利开展)|找[^,;。]{0,4}?(?:谈心|谈话|谈谈|聊)"
    r"|(?:^|积极)参加(?!不|的)|对[^,;。未没]{1,4}?进行"
    # A talk had (谈了一会儿, 谈了几句, 谈心十分钟), whatever comes after (改天再谈).
    r"|(?<![未没])谈了|谈心(?=[0-9一二三四五六七八九十半几])"
    r"|^辅导(?=.)(?!取消|暂停|改|推迟|延期|未|没)"
)
_URGED = r"(?:叮嘱|嘱咐|提醒|督促|教育|鼓励|安慰|开导|劝导|批评|表扬|引导|告知|告诉|通知|转告)了?"
_SAID = r"(?:说|表示|反映|介绍|称|讲|答应|告诉)"


def _met(by_call: bool) -> re.Pattern[str]:
    """A clause saying someone was met or spoken with, or helped in person (_REACHED,
    _IN_PERSON_DONE), or urged or told (叮嘱孩子, 告知家长), or who said something to the
    teacher (母亲说…, whatever it says: 母亲说孩子爸爸电话经常打不通 is a call made). On a
    call (``by_call``) the family, not the child: a child who speaks, or is urged to have
    her mother call back, was no call made."""
    who = _FAMILY_WORD if by_call else rf"(?:{_FAMILY_WORD}|{_CHILD_WORD})"
    seen = _KIN_WORD if by_call else rf"(?:{_KIN_WORD}|{_CHILD_WORD})"
    urged = _KIN_WORD if by_call else rf"(?:{_FAMILY_WORD}|{_CHILD_WORD}|其)"
    return re.compile(
        rf"{_REACHED}|{_NOT_AFTER_NO}见{seen}|(?<![和跟与同]){who}{_SAID}|{_URGED}{urged}"
        # On a call, what the one called told, the clause after it (电话联系孩子母亲，了解到
        # 孩子父亲住院了), not what was learnt through another (通过孩子了解到).
        + ("|^了解到" if by_call else rf"|{_IN_PERSON_DONE}|{_KIN_WORD}(?:都|也|正)?在家")
    )


_MET_IN_PERSON, _MET_BY_CALL = _met(False), _met(True)
# A clause that someone else speaks (奶奶说…, 妈妈表示…): what it says is theirs, no act of
# the teacher's (奶奶说孩子爸爸每周打电话回来 is no call the teacher made).
_SPEECH = re.compile(rf"^(?:后来|后|但|并)?(?:{_FAMILY_WORD}|{_CHILD_WORD}){_SAID}")
_CALLS = ("电话联系", "视频通话", "亲情通话")
# One of the family, or the child, saying something, as _met reads it (孩子奶奶说).
_SAYS = re.compile(rf"(?:{_FAMILY_WORD}|{_CHILD_WORD}){_SAID}")
# On a call, who is called (电话联系孩子爷爷, 给妈妈打电话, 拨打父亲电话), and who a clause
# names: each of the family as one person however spelt (母亲, 妈妈), both parents as both,
# the child where no one of the family follows (孩子的电话手表, not 孩子妈妈). A call's
# failure said of another than the one called, of the child or of one never called, is what
# the call was about (电话联系孩子爷爷，孩子父母离异后母亲无法联系: the grandfather reached).
_CALLING = re.compile(
    r"(?:电话|视频|微信|语音)(?:联系|沟通|交流|通知|询问|了解|家访|回访)|打电话|拨打|拨通|打给"
    r"|给[^,;。]{0,6}?打|致电|(?<![无没未不法])联系(?!不|电话|方式|卡)"
    r"|(?:与|和|跟|同)[^,;。]{1,6}?(?:通话|视频)"
)
_PERSON = {
    "父亲": "父", "爸爸": "父", "爸": "父", "母亲": "母", "妈妈": "母", "妈": "母",
    "父母": "父母", "爸妈": "父母", "双亲": "父母",
    "爷爷": "爷", "祖父": "爷", "奶奶": "奶", "祖母": "奶",
    "外公": "外公", "姥爷": "外公", "外婆": "外婆", "姥姥": "外婆",
    **{k: k for k in "伯叔舅姑姨婶哥姐"},
    **dict.fromkeys(("家长", "监护人", "家人", "对方", "他", "她"), "?"),
}  # fmt: skip
_NAMED = re.compile(
    rf"(?P<of>{_CHILD_WORD}的?(?={'|'.join(_PERSON)}))"
    rf"|(?P<kin>{'|'.join(sorted(_PERSON, key=len, reverse=True))})|(?P<child>{_CHILD_WORD})"
)


def _persons(clause: str) -> set[str]:
    """Who ``clause`` names: _PERSON's (both for 父母), 孩子 for the child, not the child
    whose someone is named (孩子妈妈), and ? for one unsure (家长, 他)."""
    named: set[str] = set()
    for m in _NAMED.finditer(clause):
        if m["kin"]:
            person = _PERSON[m["kin"]]
            named.update(("父", "母") if person == "父母" else (person,))
        elif m["child"]:
            named.add("孩子")
    return named


# On a call, one who says only that they cannot talk now (父亲说在开车, 妈妈说正忙, 爷爷说
# 在田里干活, 她说在上班不方便接): no talk had by that, whatever comes after (挂了; 说了几
# 句就挂了).
_BRUSH_OFF = re.compile(
    rf"{_SAID}[他她]?(?:现在|正)?(?:在[^,;。]{{0,3}}?)?(?:开车|忙(?:着[^,;。]{{0,3}})?|开会|干活"
    r"|上班|工作|加班|陪护|值班)(?:中|呢|着)?(?:不方便|没空|没时间)?(?:接|说|聊|讲)?(?:电话)?$"
    rf"|{_SAID}(?:现在|正)?(?:没空|不方便|没时间)(?:接|说|聊|讲)?(?:电话)?$"
)
# What, after one brushed the call off, says no talk was had: hung up (挂了), call later
# (让我晚点再打, 改天再打), no will to talk (不想聊孩子的事).
_AFTER_BRUSH_OFF = re.compile(
    rf"挂了(?:电话)?{_CLAUSE_END}|^(?:让我|叫我|要我|让|叫)?(?:晚点|晚些|晚一点|等会儿?|等一下"
    r"|过会儿?|一会儿?|改天|改日|该天|明天|晚上|回头|下次)再?(?:打|联系|说|聊)"
    r"|^(?:也|就)?(?:不想|不愿意?|不肯)(?:聊|谈|说|沟通|交流)"
)
# A child taking part in an activity (孩子参加六一文艺演出), not in a contact of another
# kind (谈心未进行，孩子参加比赛去了).
_TOOK_PART = re.compile(
    r"(?<![未没不])(?:该生|孩子|学生)(?:积极|也|都)?参加(?!不|的)"
    # Or what the child did at it (孩子表演了舞蹈, 跑了800米, 获得二等奖, 拿了一等奖), not
    # another child (同学得了第一名).
    r"|^(?![^,;。]*(?:同学|别人|其他|别的|队友))[^,;。]*?(?<![未没不])"
    r"(?:表演了|跑了|跳了|唱了|朗诵了|上台|获奖|得奖"
    r"|(?:获得|得了|拿了|获)[^,;。]{0,4}?(?:名|奖|冠军|亚军|季军|金牌|银牌|铜牌))"
)
# Who is not the family (邻居说…, 隔壁王婶说, 向村委了解) and what reaches nobody (留言,
# 纸条): no one met.
_NOBODY_MET = re.compile(
    r"邻居|隔壁|村委|村干部|村里|路人|留言|留条|纸条|字条|便条|短信|留下了?(?:联系卡|卡片)"
    r"|微信(?:告知|通知|留言|发)|发微信"
)
# A clause of a contact in person made otherwise: the teacher calling or messaging
# (家中无人，电话联系奶奶; 打奶奶手机; 联系孩子爷爷), or, for a home visit, going back to
# school (回校后与孩子谈心); until a clause says the teacher is with someone again (后在
# 田里找到奶奶).
_REMOTE = re.compile(
    r"(?:电话|手机|微信|视频|语音|qq)(?:联系|告知|沟通|交流|通知|询问|了解)|打电话|拨打|打给"
    r"|给[^,;。]{0,6}?打|打[^,;。]{0,6}?(?:手机|电话)|致电|联系(?!不|电话|方式|卡)|电话[里中]"
    r"|电话[叫让喊催请要]"
)
_AT_SCHOOL = re.compile(r"回校|返校|到校后|回到学校")
_IN_PERSON = re.compile(r"见|到家|上门|入户|找到|遇|来到|赶到|赶回|当面|(?<![没不未])回来了")
# On a home visit, one of the family come back while the teacher is there (等了一会儿奶奶
# 回来了, 爷爷很快赶回来了): met; not one said to be back (听说妈妈回来了).
_CAME_BACK = re.compile(
    rf"^(?![^,;。]*(?:说|听|据))[^,;。]*?{_KIN_WORD}[^,;。]{{0,6}}?(?<![没不未])"
    r"(?:回来了|赶回来|赶到|回到家)"
)
# Someone asked to come (叫奶奶赶回来, 让爷爷回家一趟): not come by that; and, asked, one
# who says they cannot (奶奶说在县城回不来): nobody met.
_ASKED = re.compile(r"[叫让请喊催要][^,;。]{0,4}?(?:赶回|赶过来|回来|过来|回家)")
_CANNOT_COME = re.compile(r"回不来|赶不回|来不了|回不去|走不开|过不来")
# A clause planning the contact (计划下周家访, 准备送温暖), or putting it off (送温暖推迟到
# 下周, 谈心改到明天, 发放等通知), by the words of each kind's own; not one planning the
# next (计划下学期继续家访, 准备元旦再送温暖, 约定每周视频一次), which says nothing of this one.
_PLANNED = re.compile(r"计划|拟|准备(?!的)|预约|打算|约定|约了|约好|原定|本来想|原本想|本想|原想")
_PUT_OFF = re.compile(
    r"推迟|推到|延后|顺延|改期|延期|取消|暂停|暂缓|改到|改在|改日|改天|[等待](?:通知|安排|定)"
    r"|另行通知|等[^,;。]{1,8}?再(?:说|谈|去|送|辅导|来|约)"
)
# A clause that is only the kind's name (学习辅导，…), and after it one put off with no
# one named (因期中考试暂缓): of the contact named.
_PUT_OFF_ALONE = re.compile(
    r"^(?:(?:因为?|由于)[^,;。的]{1,8}?)?(?:暂缓|暂停|推迟|延期|改期|取消|延后|顺延)了?$"
)
_NEXT_ONE = re.compile(r"再|继续|每|又|下次")
_KIND_WORDS = {
    "家访": ("家访", "上门", "入户", "走访"),
    "谈心": ("谈心", "谈话", "谈谈", "再谈"),
    "心理疏导": ("疏导",),
    "学习辅导": ("辅导", "补课"),
    "送温暖": ("送温暖", "慰问", "送", "发放"),
    # An activity by name (运动会, 合唱比赛), or as what the child was to take part in
    # (孩子参加的…): not a game or an outing held within one (改在室内开展趣味游戏).
    "活动": ("活动", "运动会", "比赛", "演出", "汇演", "晚会", "联欢", "生日会", "参加的"),
    **dict.fromkeys(_CALLS, ("电话", "视频", "通话")),
}
# What a text says of a contact: made, not made, or only that one of the family was away.
MADE, NOT_MADE, AWAY = "made", "not made", "away"


def _contact_said(kind: str, text: str, remark: bool = False) -> str | None:
    """What ``text`` (folded, lower case) says of a contact of ``kind``, clause by clause:
    MADE where a clause says someone was met or spoken with (_met), in person for a
    contact in person, unless the same clause said first that it was not (辅导取消); else
    NOT_MADE where a clause says it was not made (家访未遇, 电话关机: _FAILED), or planned
    or put off in the kind's own words; else AWAY where a clause says only that one of the
    family was away (父母不在家: maybe the grandparents were met, maybe nobody); else None.

    The remark after a kind (``remark``: 家访（取消）) is short, and its words of any
    contact not made (取消, 未果, 未完成) are of it; in a record's 内容 they may be what the
    contact was about (孩子的兴趣班取消了, 劝说无果), and count only in a clause naming the
    contact (谈心取消) or saying no alone (取消); nor does what happens often (家里经常没人).
    On a call, a failure said of another than the one called is what the call was about
    (电话联系孩子爷爷，孩子的电话手表停机了: _CALLING, _persons); a call to the child's home
    (给孩子家里打电话) is to whoever answers, each of the family. One who brushes a call
    off (父亲说在开车: _BRUSH_OFF) and then hangs up or asks to be called later says no
    talk was had (_AFTER_BRUSH_OFF). Once a clause planned or put the contact off, one of
    the family saying something is the arranging of it (预约了周六家访，奶奶说那天要走亲戚),
    no contact made."""
    failed = _FAILED.get(kind, _FAILED_OTHER)
    own_failed = _FAILED_OWN.get(kind)
    by_call = kind in _CALLS
    met = _MET_BY_CALL if by_call else _MET_IN_PERSON
    words = _KIND_WORDS.get(kind, ())
    said, remote, asked = None, False, None
    brushed = headed = pending = False
    called: set[str] = set()
    for clause in filter(None, re.split(r"[,;。!?:]", text)):
        speech = _SPEECH.search(clause)
        named = _persons(clause) if by_call else set()
        if named and _CALLING.search(clause):
            called |= {"?" if person == "孩子" else person for person in named}
        if not by_call and not speech:
            away = _REMOTE.search(clause) or (kind == "家访" and _AT_SCHOOL.search(clause))
            back = _IN_PERSON.search(clause)
            if ask := _ASKED.search(clause):
                asked, back = ask, None  # 打电话叫奶奶赶回来: asked, not come
            if away or back:  # the later of the two (打电话后奶奶从地里赶回来: met)
                remote = bool(away) and not (back and back.start() > away.start())
        own = any(word in clause for word in words)
        own_hit = any_hit = None
        if remark or not _HABITUAL.search(clause):
            own_hit = own_failed.search(clause) if own_failed else None
            if remark or own or _BARE_NO.match(clause):
                any_hit = _FAILED_OTHER.search(clause)
        brush_off = by_call and _BRUSH_OFF.search(clause)
        brushed = brushed or bool(brush_off)
        # 父亲说在开车，挂了: no talk had, none away.
        hung_up = brushed and not (own_hit or any_hit) and _AFTER_BRUSH_OFF.search(clause)
        fails = own_hit or any_hit or hung_up
        if fails and called and named and not named & called and "?" not in called | named:
            # Of another than the one called (孩子的电话手表停机了): the topic; not one
            # failing as the one called did (爸爸的电话也打不通).
            fails = fails if "也" in clause else None
        reached = None if remote or _NOBODY_MET.search(clause) else met.search(clause)
        if not reached and kind == "活动":
            reached = _TOOK_PART.search(clause)
        if not reached and kind == "家访" and not remote:
            reached = _CAME_BACK.search(clause)  # 等了一会儿奶奶回来了
        if reached and brush_off:
            reached = None  # 父亲说在开车: no talk had
        if reached and pending and _SAYS.fullmatch(reached[0]):
            reached = met.search(clause, reached.end())  # 奶奶说那天要走亲戚: arranging
        if reached and reached[0].endswith("在家") and _HABITUAL.search(clause):
            reached = None  # 平时奶奶都在家: someone home most days, not met today
        planned = _PLANNED.search(clause) if own else None
        if planned and reached and planned.start() < reached.start():
            reached = None  # to be met (准备找他谈心), not met
        # Met, unless the same clause says so of what was then not held (辅导取消).
        if reached and (speech or not any_hit or reached.start() > any_hit.start()):
            return MADE
        if fails:
            away = not hung_up and not failed.search(_SOMEONE_AWAY.sub("", clause))
            said = said or AWAY if away else NOT_MADE
        elif remote and asked and _CANNOT_COME.search(clause):
            said = NOT_MADE  # called from the door, asked to come, and cannot
        elif (own and _PUT_OFF.search(clause)) or (headed and _PUT_OFF_ALONE.match(clause)):
            said = NOT_MADE  # put off (谈心改天再说), whatever it says of the next
            pending = True
        elif own and _PLANNED.search(clause):
            said = said if _NEXT_ONE.search(clause) else NOT_MADE
            pending = pending or said == NOT_MADE
        headed = clause == kind or clause in words  # 学习辅导，因期中考试暂缓
    return said


def said_not_made(kind: str, content: Any) -> bool:
    """Whether a record's 内容 says its contact of ``kind`` was not made, or not yet, in so
    many words (家访未遇，家中无人; 学生请假，未谈; 未送; 电话关机; 计划下周家访), and
    nowhere that someone was met or spoken with all the same (父母不在家，与奶奶交流; 父亲
    没接，过了一会回电): _contact_said. lbc record-sheets lays out each row's 类型 as a
    dropdown of kinds, so the 内容 is where a teacher says the visit met nobody. What a
    contact was about is no such word (作业未完成, 父母长期不在家, 孩子没人接送). A space
    parts clauses as a comma does (家中无人 电话联系奶奶)."""
    text = as_written(content)
    if text is None:
        return False
    text = ",".join(unicodedata.normalize("NFKC", text).split())
    text = folded_text(text).lower().replace("没有", "没")
    return _contact_said(kind, text) == NOT_MADE


def record_kind(value: Any) -> str | Bad | None:
    """A record's 类型 as one of RECORD_KINDS (its spellings in RECORD_KIND_WORDS); a type
    saying no contact was made is NotHeld, any other word Bad. A kind with a remark after
    it, in brackets, after a colon, a comma, a dash or a space, is that kind (read as no
    kind, a teacher's 谈心（学习问题） counted for no talk), as ``_remarked`` reads it."""
    kind = _record_kind(value)
    if kind.__class__ is not Bad:
        return kind
    folded = folded_text(kind.raw).lower()
    uncounted = RECORD_KIND_WORDS.get(_COUNTED.sub("", folded))
    if uncounted is not None:
        return uncounted
    remarked = _REMARKED.match(folded)
    if remarked is not None and (named := RECORD_KIND_WORDS.get(remarked[1])) is not None:
        return _remarked(named, remarked[2] or remarked[3] or "", kind)
    separated = _SEPARATED.match(T2S.convert(kind.raw.strip()).lower())
    if separated is not None and (named := RECORD_KIND_WORDS.get(separated[1])) is not None:
        return _remarked(named, folded_text(separated[2]).lower(), kind, listed=True)
    if _NOT_HELD.search(folded):
        return NotHeld(kind.raw)
    return kind


def _remarked(named: str, remark: str, bad: Bad, listed: bool = False) -> str | Bad:
    """A kind (``named``) with a remark after it: no contact (NotHeld) where the remark says
    in so many words that it was not made (家访（未遇）, 电话（关机）), unless it says
    someone was met or spoken with all the same (家访（父母不在家，与奶奶交流）); a kind lbc
    cannot read (``bad``, which lbc validate asks about) where it leaves that unsure
    (家访（计划）, 家访（奶奶不在家）, 家访（电话）, a bare 否); else the kind, whatever the
    remark says of what the contact was about (谈心（作业未完成）)."""
    remark = remark.replace("没有", "没")  # 没有接通 as 没接通, 家里没有人 as 家里没人
    # A second contact in the remark (谈心，家访; 谈心（家访未遇）): two in one row, which
    # the school is asked to write as two; the same kind again (家访，入户家访) is the one.
    # Not another kind's word inside what was talked of (谈心（父母电话经常打不通）), nor a
    # kind in brackets saying what the contact held (家访（谈心）, 送温暖（家访）).
    again = record_kind(remark) if remark else None
    if listed and again.__class__ is str and again != named:
        return bad
    if again.__class__ is NotHeld and remark.startswith(_OTHER_KINDS[named]):
        return bad
    if named == "家访" and _BY_PHONE.search(remark):
        return bad
    said = _contact_said(named, remark, remark=True)
    if said == MADE:
        return named
    if said == NOT_MADE:
        return NotHeld(bad.raw)
    # One of the family away, and nobody met: maybe the grandparents, maybe nobody.
    return bad if said == AWAY or _REMARK_UNSURE.search(remark) else named


_record_kind = _closed(RECORD_KIND_WORDS)
# By kind, the spellings of every other kind that open a remark naming a second contact
# (家访 of 谈心（家访未遇）), not a single character.
_OTHER_KINDS = {
    kind: tuple(word for word, its in RECORD_KIND_WORDS.items() if len(word) > 1 and its != kind)
    for kind in RECORD_KINDS
}


def kind_named(text: str) -> str | None:
    """The one record kind a records sheet's name or title names (谈心记录 -> 谈心,
    家访记录表 -> 家访), for a sheet without a 类型 column; None when it names none
    (帮扶记录) or two (谈心家访记录). A longer spelling wins over one inside it (电话家访记录
    is calls, 送温暖活动 is 送温暖), and 活动 names nothing: 关爱活动记录 and 帮扶活动记录
    are any kind of record."""
    s = T2S.convert("".join(unicodedata.normalize("NFKC", text).split())).lower()
    spans = [
        (m.start(), m.end(), kind)
        for word, kind in RECORD_KIND_WORDS.items()
        for m in re.finditer(re.escape(word), s)
    ]
    kinds = {
        kind
        for a, b, kind in spans
        if not any(c <= a and b <= d and d - c > b - a for c, d, _ in spans)
    } - {"活动"}
    return kinds.pop() if len(kinds) == 1 else None


_CATEGORY_WORDS = {
    "孤儿": "孤儿",
    "事实孤儿": "孤儿",
    "残疾": "残疾",
    "残疾儿童": "残疾",
    "单亲": "单亲",
    "单亲家庭": "单亲",
    "建档立卡": "建档立卡",
    "建档立卡户": "建档立卡",
    "建档立卡贫困户": "建档立卡",
    "建卡": "建档立卡",
    "低保": "低保",
    "低保户": "低保",
    "贫困": "贫困",
    "贫困户": "贫困",
    "困难": "贫困",
    "学困": "学困",
    "学困生": "学困",
}


# A remark in brackets after a category, as schools explain one: 孤儿（父母双亡）.
_REMARK = re.compile(r"(?<=[^\s、,;；/])\([^()]*\)")


def categories(value: Any) -> tuple[str, ...] | Bad | None:
    """A list of categories (孤儿、建档立卡 …) in canonical words, in a stable order; a
    remark in brackets says nothing more (孤儿（父母双亡） is 孤儿). A cell with a part that
    is no category (孤儿、留守) is unreadable, holding the categories it does name."""
    s = as_text(value)
    if s is None:
        return None
    found: list[str] = []
    unread = False
    for part in re.split(r"[、,;；/\s+]+", _REMARK.sub("", T2S.convert(s))):
        if not part or part in ("无", "否", "/"):
            continue
        word = _CATEGORY_WORDS.get(part)
        if word is None:
            unread = True
        elif word not in found:
            found.append(word)
    return Bad(s, read=tuple(found)) if unread else tuple(found)


def categories_named(value: Any) -> tuple[str, ...]:
    """The categories a read 类别 cell names, those of a cell not read whole among them:
    a child whose cell says 孤儿、留守 is an orphan to the watch list and to pairing, while
    lbc validate asks for the 留守 (VAL001)."""
    if isinstance(value, tuple):
        return value
    return value.read if isinstance(value, Bad) else ()


# A 救助帮扶情况, 残疾类别 or 患病类型 cell that says there is nothing: the 学籍 export
# writes 无残疾 (its code 0) in 残疾人类型 for every child who is not disabled, and schools
# write 正常, 健全 or 不是 in a 残疾类别 column, which must not make a child disabled.
NOTHING = frozenset(
    {*NONE_WORDS, "否", "非残疾", "非残疾人", "无残疾", "0", "健康", "无疾病", "无病", "未享受"}
    | {"正常", "健全", "身体健全", "四肢健全", "不是", "良好", "没有残疾", "未残疾"}
)


_RELIEF_PARTS = re.compile(r"[、,，;；/\s]+")
_NOT_RECEIVED = ("未", "无", "不", "非", "没有", "否")


def relief_received(value: str) -> str:
    """What a 救助帮扶情况 cell says is received, its parts saying what is not (未享受低保,
    无医疗救助) taken out: the text the relief a child gets is looked for in."""
    parts = _RELIEF_PARTS.split(T2S.convert(value))
    return "、".join(p for p in parts if p and not p.startswith(_NOT_RECEIVED))


def relief_categories(value: str) -> tuple[str, ...]:
    """The categories a 救助帮扶情况 cell names: 享受低保 and 最低生活保障 are the 低保
    category, 建档立卡贫困户 is 建档立卡; other relief (临时救助, 医疗救助 …) is kept as text
    only."""
    text = relief_received(value)
    found = []
    if "低保" in text or "最低生活保障" in text:
        found.append("低保")
    if "建档立卡" in text:
        found.append("建档立卡")
    return tuple(found)


# A word denying an ill word just after it, with what may stand between them: 无病, 无重大疾病,
# 没有疾病, 未患病, 非残疾, 不差, 不太差, 无传染病, 无既往病史 (非常 is "very": 身体非常差 says
# 差); an ill word a form's answer denies after it (残疾：无, 患病：否, 疾病 无); and an illness
# over (病愈, 痊愈). Only the ill word it denies goes: 无业患病 and 体弱无力多病 still say 病.
_DENIED = re.compile(
    r"(?:没有|没|无|非(?!常)|不|未)(?:患有?|有)?"
    r"(?:任何|什么|重大|严重|明显|慢性|传染|遗传|既往|其他|大|重|太|很|算)?疾?(?:病史|病|残疾|差)"
    r"|(?:疾病|患病|病史|病|残疾)\s*[:：]?\s*(?:无|否|没有|暂无)(?=$|[,;，；。\s])"
    r"|病愈|痊愈"
)


def affirmed(text: str) -> str:
    """A free-text cell (健康状况, 监护人身体状况) with the ill words it denies taken out, so
    that a word looked for in it (病, 残疾, 差) is one it says of the person: 健康，无疾病 says
    健康, 无残疾 and 身体好无病 say nothing ill, 无业患病 says 患病."""
    while (said := _DENIED.sub("", text)) != text:  # 不无病病: what is left may deny again
        text = said
    return said


def says_something(value: object) -> bool:
    """Whether a free-text cell (残疾类别及等级, 救助帮扶情况) holds more than a "none"."""
    return isinstance(value, str) and T2S.convert(value) not in NOTHING


def integer(value: Any) -> int | Bad | None:
    """A whole number (an age, a capacity); "3人", "70岁" and "70周岁" read too, and an age
    given roughly ("约70", "70岁左右"): a grandparent's age is often known no better, and
    left unread it put no guardian of 约75 on the watch list as aged (WCH004).

    NaN is an empty cell here as in every other normaliser, not a Bad.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, float) and not value.is_integer():
            return Bad(repr(value))
        return int(value)
    s = as_text(value)
    if s is None:
        return None
    n = _ROUGHLY.sub("", s)
    m = re.fullmatch(r"(\d{1,4})\s*(?:[人岁名个]|周岁)?", n)
    if m:
        return int(m.group(1))
    m = _CN_WHOLE.fullmatch(n)  # 两人, 七十岁, 十二
    if m and m.group("ten", "ones") != (None, None):
        tens = _CN_DIGITS[m["tens"]] if m["tens"] else 1 if m["ten"] else 0
        return tens * 10 + (_CN_DIGITS[m["ones"]] if m["ones"] else 0)
    return Bad(s)


# The words of a number given roughly: 约70, 大约70岁, 70左右, 七十岁左右 (not 70多, which
# is anything from 70 to 79).
_ROUGHLY = re.compile(r"^(?:大约|大概|约)\s*|\s*左右$")
# A whole number under 100 in Chinese numerals, as a count or an age is written out.
_CN_WHOLE = re.compile(
    r"(?:(?P<tens>[二三四五六七八九])?(?P<ten>十))?(?P<ones>[一二两三四五六七八九])?"
    r"\s*(?:[人岁名个]|周岁)?"
)


# 职务 naming the head teacher's class: 四年级1班班主任, 班主任（三(2)班）, 教导主任兼三2班班主任,
# and with a space or a colon between (班主任 (三年级2班), 班主任：3.2, 三年级2班 班主任).
_HEAD_OF = re.compile(
    r"(?P<before>[^、,;；/\s兼]*?)\s*班主任\s*[(（]?\s*[:：]?\s*(?P<after>[^)）、,;；/\s兼]*)"
)


def head_classes(role: str | None, classes: tuple[ClassRef, ...]) -> tuple[ClassRef, ...]:
    """The class a teacher is head teacher (班主任) of, when their 职务 says 班主任 (a 副班主任
    is not one): the class the 职务 names (四年级1班班主任); where it names only a grade
    (三年级班主任), the first class they list of that grade, none when they list none of it;
    else the first class they list. A head teacher also teaches other classes."""
    role = (role or "").replace("副班主任", "")
    said = _HEAD_OF.search(role)
    if said is None:
        return ()
    for words in said.group("before", "after"):
        ref = class_ref(words)
        if isinstance(ref, ClassRef):
            return (ref,)
    for words in said.group("before", "after"):
        year = grade(words) if words else None
        if isinstance(year, int):
            return tuple(c for c in classes if c.grade == year)[:1]
    return classes[:1]


# A number in a place (幸福村三组, 第十二组, 一百零八号), as a school writes it in words one
# term and in digits the next: the units it numbers.
_PLACE_NUMBER = re.compile(
    r"第?([零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+|\d+)(?=[组村号社队栋幢楼单元室巷弄])"
)
_CN_UNITS = {"十": 10, "百": 100}


def cn_count(words: str) -> str:
    """A number written in words in digits: 三, 十二, 二十, 一百零八, and digit by digit as
    a house number is read (一〇八, 五一); as written when it is no number (十百)."""
    if "十" not in words and "百" not in words:
        return "".join(str(0 if ch in "零〇" else _CN_DIGITS[ch]) for ch in words)
    total, digit, last = 0, 0, 1000
    for ch in words:
        if ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last:  # 十百, 十十
                return words
            total, digit, last = total + (digit or 1) * unit, 0, unit
        else:
            digit = 0 if ch in "零〇" else _CN_DIGITS[ch]
    return str(total + digit)


def _place_digits(match: re.Match[str]) -> str:
    number = match.group(1)
    return str(int(number)) if number.isdigit() else cn_count(number.translate(_CAPITAL_NUMERALS))


# The capital numerals of a bank's forms (叁组), as the plain ones, in a numbered part.
_CAPITAL_NUMERALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰", "一二三四五六七八九十百")
# Brackets a numbered part is wrapped in (幸福村(3组)), and the marks a place may end in (3组。).
_PLACE_BRACKETS = str.maketrans("", "", "()（）")
_PLACE_END = "。.,，;；"


def place_key(value: str) -> str:
    """A place (an address, a work place) as compared with itself another term: without
    spaces, marks or brackets, its numbered parts in digits (幸福村三组, 幸福村 3组, 幸福村
    03组, 幸福村叁组 and 幸福村(3组) are one place; so are 第十二组 and 12组). For comparing
    only: what the school typed is shown as typed."""
    s = "".join(value.split()).translate(_PLACE_BRACKETS).rstrip(_PLACE_END)
    return _PLACE_NUMBER.sub(_place_digits, s) if _PLACE_NUMBER.search(s) else s


def display(value: Any) -> str | None:
    """A normalised value as a person reads it (三年级(2)班, 2016-05-01, 孤儿、低保), what the
    cell held when it could not be read, None when empty: the one way reports, the change
    log, cards and the merged roster write a value back out."""
    if value is None:
        return None
    if isinstance(value, Bad):
        return value.raw
    if isinstance(value, NumericId):
        return value.digits
    if isinstance(value, ClassRef):  # a named tuple, but one value
        return str(value)
    if isinstance(value, tuple):
        return "、".join(map(str, value))
    return str(value)
