"""Reading phone cells: the number to call of whatever a school typed in one.

A phone cell gives a mainland mobile (11 digits) or a landline as ``0xxx-xxxxxxx``, read
across what schools type around a number: a label saying whose it is (父：, 妈妈, (母)), a
remark (（微信同号）, （停机）), an extension (转8012), two or more numbers in one cell, 同上
for the number above, and a number cell Excel changed (its leading 0 dropped, a fraction,
scientific notation). Whose number a label names, and which of the parents' and the
guardian's columns a number labelled so belongs in, is part of reading it.

Its own module because this is one idea, with validate's PHN rules its own, asked by
reading, validate, pairing and the reports alike. The other cell readers, and
:class:`~lbc.roster.normalise.Bad` with the text helpers this shares with them, stay in
:mod:`lbc.roster.normalise`, which never needs this module.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable
from itertools import compress
from operator import is_not
from typing import Any

from lbc.output.privacy import PHONE_GROUP_MARKS, PHONE_POINTS, phone_fraction_points
from lbc.roster.normalise import (
    FATHER_AWAY,
    GRANDPARENTS,
    MOTHER_AWAY,
    NONE_WORDS,
    TEXT_MARKS,
    Bad,
    as_text,
    folded_text,
    relation,
)

# What a phone number's digits are read across: the marks between its groups, a point
# (138.1234.5678, 138·1234·5678) as the masking knows one (lbc.output.privacy), and
# brackets about an area code ((0817)5521234).
_PHONE_STRIP = re.compile(rf"[{PHONE_GROUP_MARKS}{PHONE_POINTS}()（）]+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes: 010 and 02x have three digits, every other (03xx-09xx) has four. A greedy
# ``0\d{2,3}`` would read Beijing's 010-12345678 as 0101-2345678.
_LANDLINE = re.compile(r"(0(?:10|2\d)|0[3-9]\d{2})(\d{7,8})")
# A remark in brackets after a number (13812345678（微信同号）); one saying the number is
# dead (（停机）, （空号）) leaves the cell no number to call.
_PHONE_REMARK = re.compile(r"\s*\(([^()\d]*)\)")
_DEAD_NUMBER = re.compile(r"停|空号|错|无效|注销|销号|失效|过期|不通|欠费|不用|弃用|作废|旧|换号")
# What a cell's text holds when it may have a label (父：, or 爸爸 first) or a remark ((母)),
# before it is folded (the full-width and small forms fold to ":" and ")").
_MAY_LABEL = re.compile(r"[:：︓﹕)）﹚︶⁾₎]|^\D")


# A number cell's value as a program writes it out as text: its digits, then ".0".
_WHOLE_NUMBER_TEXT = re.compile(r"(\d+)\.0+")
# Bad.reason of a phone cell that is a number whose leading 0 Excel dropped: 07551234567
# typed into a General cell is kept as the number 7551234567, a landline with a 0 in front
# (PHN006). lbc does not put the 0 back: it guesses no digit of a child's contact.
LANDLINE_ZERO_DROPPED = "landline_zero"
# Bad.reason of a phone cell holding a number with a fraction (1381234567.8: a formula's
# result, a column someone divided), which no phone number has (PHN007): its digits
# without the point are a number nobody typed.
FRACTION = "fraction"


# A phone cell saying there is no phone (无, 无电话, /, －): no number, as an empty cell is,
# so a missing contact is asked for as one and not reported as a malformed number.
NO_PHONE = frozenset({*NONE_WORDS, "无电话", "没有电话", "暂无电话", "无手机"})


def phone(value: Any) -> str | Bad | None:
    """A mainland mobile (11 digits) or a landline as ``0xxx-xxxxxxx``; None for an empty
    cell or one saying there is no phone (``NO_PHONE``)."""
    if (  # already a clean mobile: the common case
        value.__class__ is str
        and len(value) == 11
        and value.isascii()
        and value.isdigit()
        and value[0] == "1"
        and value[1] in "3456789"
    ):
        return value
    if (value.__class__ is float or value.__class__ is int) and (
        bad := _number_no_phone(value)
    ) is not None:
        return bad
    if isinstance(value, float) and value.is_integer() and value > 0:
        value = str(int(value))
    s = as_text(value)
    if s is not None and s[0] in TEXT_MARKS:
        # '13812345678, copied from a system that forces text with an apostrophe, as its
        # ID numbers ('51132120160701002X: id_number).
        s = s.lstrip(TEXT_MARKS).lstrip() or None
    if s is None or (not s[0].isdigit() and folded_text(s) in NO_PHONE):
        return None
    if whole := _WHOLE_NUMBER_TEXT.fullmatch(s):
        s = whole[1]  # 13812345678.0: a number cell written out as text (a CSV export)
        if 9 <= len(s) <= 11 and s[0] != "0" and (bad := _number_no_phone(int(s))):
            return bad  # 7551234567.0: so is a landline whose 0 Excel dropped
    elif (point := _point_in(s)) is not None:
        # And 1381234567.8, one with a fraction, or a cell holding one (父：1381234567.8,
        # 13812345678/1391234567.8, 1381234567 .8): its digits joined across the point are
        # no number, nor is a number beside it read, as of any cell of two numbers one of
        # which does not. Nor are they across the point of 父：1381234567.0 (13812345670).
        return Bad(s, point)
    # A label ends in ":" or stands first, and a remark ends in ")": the look for them is
    # made where one may be.
    body = _number_alone(s) if ":" in s or ")" in s or not s[0].isdigit() else s
    # 1.3812345678E+10, or 1.3812345678E+10 (父): every digit there (PHN005 says so).
    if (kept := kept_in_scientific(body)) is not None and (number := phone(kept)).__class__ is str:
        return number
    digits = _PHONE_STRIP.sub("", body)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    elif digits.startswith("0086") and len(digits) == 15:  # dialled from abroad
        digits = digits[4:]
    if _MOBILE.fullmatch(digits):
        return digits
    m = _LANDLINE.fullmatch(digits)
    if m:
        if "-" in body and (head := _local_before_extension(body)) is not None:
            return head  # 0817-5521234-1: the extension 1, not an eighth digit
        return f"{m.group(1)}-{m.group(2)}"
    return _with_extra(s)


def _point_in(s: str) -> str | None:
    """Why a phone cell's text with a fraction's point gives no number: a fraction
    (``FRACTION``: 1381234567.8, 1381234567 .8, 父：1381234567.8, 13812345678/1391234567.8,
    138 1234 567.8, 1381234567·8) or, the digits after it all 0, none said (""): a whole
    number's .0 after a label (父：1381234567.0) or a space (1381234567 .0, 138 1234 567.0).
    None for a cell with no such point, or whose point with a space beside it stands
    between two numbers that each read (13812345678. 13912345678). The points are found as
    the masking finds them (``phone_fraction_points``), so that the two cannot disagree: a
    dot between a number's groups (138.1234.5678, 0817.5521234) is none. Of two, one with
    a digit not 0 after it says the fraction (130.0000.0.001)."""
    said = None
    for m in phone_fraction_points(s):
        at = m.end(1)  # the point
        if (m[1] or m[2]) and all(phone(part).__class__ is str for part in (s[:at], s[at + 1 :])):
            continue
        if m[3].strip("0"):
            return FRACTION
        said = ""
    return said


def _number_no_phone(value: float) -> Bad | None:
    """A phone cell's number (an int or a float) that gives no number to call, saying why:
    one with a fraction (``FRACTION``), or one of 9 to 11 digits that is a landline with a 0
    in front (7551234567 for 0755-1234567: ``LANDLINE_ZERO_DROPPED``), its area code read
    as :func:`phone` reads a landline's; None for any other (a mobile, 13812345678.0)."""
    if value.__class__ is float and not value.is_integer():
        return Bad(repr(value), FRACTION) if math.isfinite(value) else None
    if not 10**8 <= value < 10**11:
        return None
    digits = str(int(value))
    return Bad(digits, LANDLINE_ZERO_DROPPED) if _LANDLINE.fullmatch("0" + digits) else None


# A number as a number cell's value is written out (1381234567.8, 1e-05): a phone cell
# with a fraction (FRACTION) that is that number alone, not text holding it.
_NUMBER_ALONE = re.compile(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?")


def fraction_alone(value: Bad) -> bool:
    """Whether a phone cell with a fraction (``FRACTION``) is that number alone
    (1381234567.8, a number cell's or typed), not text holding it beside a label, a remark
    or another number (父：1381234567.8, 13812345678/1391234567.8)."""
    return _NUMBER_ALONE.fullmatch(value.raw) is not None


def landline_lost_zero(value: Any) -> bool:
    """Whether a phone cell is a number that is a landline whose leading 0 Excel dropped
    (7551234567: ``LANDLINE_ZERO_DROPPED``). Written back out (the merged roster, an
    export), it stays a number cell, so that read back it is said again (PHN006)."""
    if value.__class__ is not float and value.__class__ is not int:
        return False
    bad = _number_no_phone(value)
    return bad is not None and bad.reason == LANDLINE_ZERO_DROPPED


def number_cell_text(value: Bad) -> str:
    """A phone a number cell held that is no number to call (``landline_lost_zero``) as a
    CSV file holds it: as a program writes a number out (7551234567.0), so that read back it
    is that number cell again (PHN006), where its digits would read as text typed so."""
    return f"{value.raw}.0"


# Around a number, what a school writes that is not part of it: a label in Latin letters
# before it (tel, Tel:), an extension after it (转8012, 转 3, ext 12, （分机8012）; a
# landline's -8012).
_LATIN_LABEL = re.compile(r"(?i)(?:tel(?:ephone)?|phone|mobile)\s*[:.]?\s*")
_EXTENSION = re.compile(r"\s*(\()?\s*(?:转|(?i:ext)\.?|分机)\s*(?P<digits>\d{1,6})(?(1)\s*\))")
_DASH_EXTENSION = re.compile(r"-(\d{1,6})\Z")
# A short group after a landline's whole local number (0817-5521234-1): an extension, never
# the local number's last digit, however its digits would add up.
_SHORT_DASH_GROUP = re.compile(r"(?<=\d)\s*-\s*(\d{1,4})\s*\Z")


def _local_before_extension(body: str) -> str | None:
    """The landline of a phone cell's text whose last dash sets off one to four digits after
    a whole local number of 7 or 8 digits (0817-5521234-1, 010-12345678-12): the number
    before it; None for any other (0817-552-1234, the local number typed in two groups)."""
    group = _SHORT_DASH_GROUP.search(body)
    if group is None:
        return None
    m = _LANDLINE.fullmatch(_PHONE_STRIP.sub("", body[: group.start()]))
    return f"{m.group(1)}-{m.group(2)}" if m else None


def extension(value: Any, number: str, mine: Callable[[str], bool] | None = None) -> str | None:
    """The extension a phone cell gives after ``number``, the number read of it, as typed
    (0817-5521234转8012, 分机 3, ext 12, a landline's 0817-5521234-8012 or -1; in a cell of
    two or more numbers, labelled or not, after that one): its digits; None when it gives
    none, or the cell is not where ``number`` was read (同上). In a cell of labelled
    numbers, only after one whose label ``mine`` takes (the label as written, a key of
    ``_WHOSE``: 父, 爷爷; 本人 for none), when given: 父：0817-5521234转8012；
    母：0817-5521234转8013 gives the father and the mother one switchboard, each their own
    extension. The number alone is the one to dial (:func:`phone`); a card shows both."""
    s = as_text(value)
    if s is None or s.isdigit():
        return None
    if phone(s) != number:
        if labelled_words(s):
            found = (
                m["number"]
                for m in _LABELLED_NUMBER.finditer(s)
                if mine is None or mine(m["before"] or m["after"] or "本人")
            )
        else:  # 13812345678 0817-5521234转8012: each number's own extension
            found = iter(_number_parts(s))
        same = (n for n in found if phone(n) == number)
        return next((extension(n, number) for n in same), None)
    body = _number_alone(s)  # 父：0817-5521234-1
    if (m := _EXTENSION.search(body)) and m.end() == len(body) and m.start():
        return m["digits"]
    if number[0] == "0" and (m := _DASH_EXTENSION.search(body)):
        return m[1] if phone(body[: m.start()]) == number else None
    return None


def with_extension(number: str, extension: str) -> str:
    """A number to call and the extension its cell gives after it as the canonical tables
    write them (lbc export, lbc merge --out x.parquet): 0817-5521234转8012, as schools type
    it, so that read back :func:`phone` gives the number and :func:`extension` the
    extension; the number alone would leave a teacher at the switchboard."""
    return f"{number}转{extension}"


def _with_extra(s: str) -> str | Bad:
    """The number of a phone cell :func:`phone` does not read as one, when what else the
    cell holds is a label in Latin letters before it or an extension after it (the main
    number is the one to dial); else the cell, bad. Asked only of cells the fast path and
    the plain reading reject."""
    rest = s
    if label := _LATIN_LABEL.match(rest):
        rest = rest[label.end() :]
    extension = _EXTENSION.search(rest)
    if extension and extension.end() == len(rest) and extension.start():
        rest = rest[: extension.start()]
    if rest != s and (number := phone(rest)).__class__ is str:
        return number  # type: ignore[return-value]
    dash = _DASH_EXTENSION.search(rest)
    if dash and dash.end() == len(rest) and rest.lstrip("(")[:1] == "0":  # (0817)5521234-8012
        number = phone(rest[: dash.start()])
        if number.__class__ is str and number[0] == "0":  # type: ignore[union-attr]
            return number  # type: ignore[return-value]
    return Bad(s)


def _number_alone(s: str) -> str:
    """A phone cell's text without a label before the number (父：) or a remark in brackets
    after it (（微信同号）), unless the remark says the number is dead (（停机）) or names
    someone (（母亲的）): it may be that person's, not the column's."""
    label = _PHONE_LABEL.match(s)
    if label:
        s = s[label.end() :]
    remark = _PHONE_REMARK.search(s)
    if remark is None or remark.end() != len(s) or _DEAD_NUMBER.search(remark[1]):
        return s
    # Not one naming someone (（母亲的）, （奶奶在用）): whose is it? A label alone (（母）) is
    # taken off, phone_label reading it.
    return (
        s[: remark.start()] if remark[1].strip() in _WHOSE or not _SOMEONE.search(remark[1]) else s
    )


# A phone cell saying its number is the one in the cell above, as a school types it for a
# second child of one family: 同上.
SAME_AS_ABOVE = frozenset({"同上", "同上行", "号码同上", "电话同上"})


# A phone cell's numbers labelled as someone else's than the column is for, by row: the
# labels as written when the cell gives the column's person no number (母：13912345678 in
# 父亲电话: ("母",); 母：…；爷爷：… there: ("母", "爷爷")), else () (a cell of several
# labelled numbers, one of them read as the column's own), and each such number as (its
# label as written, a key of _WHOSE; the number; the phone column it is the number of, ""
# when none is known: fill_owners tells).
Elsewhere = dict[int, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]]


def phone_column(
    values: list[Any], key: str = "phone", elsewhere: Elsewhere | None = None
) -> list[str | Bad | None]:
    """A column of phone cells read by :func:`phone`, 同上 (``SAME_AS_ABOVE``) as the
    number read in the row above, as a person reading the sheet takes it; 同上 in the first
    row, or under a cell with no number, stays unreadable (PHN001 shows it as typed). A cell
    of numbers each labelled with whose it is (父：13812345678；母：13987654321) is the one
    number the column ``key`` is for (父亲电话: the father's), when one is
    (:func:`own_numbers`). In a parent's own column (``PARENT_PHONES``) a number labelled
    as another's (母：13912345678 in 父亲电话) is not the column's: no number; nor is a cell
    of numbers each labelled as another's (母：…；爷爷：…). ``elsewhere``, when given, is
    filled with the numbers labelled as someone else's, by row."""
    read = [phone(value) for value in values]
    moved: Elsewhere = {} if elsewhere is None else elsewhere
    if (others := _NOT_THEIRS.get(key)) is not None:
        # Only a cell phone() did not return as it was (a clean number is returned itself)
        # may have a label; looked at by C code, one cell at a time only for those.
        for i in compress(range(len(read)), map(is_not, values, read)):
            number = read[i]
            value = values[i]
            if number.__class__ is str and value.__class__ is str and _MAY_LABEL.search(value):
                label = phone_label(value)
                if label is not None and _WHOSE[label] in others:
                    read[i] = None
                    moved[i] = ((label,), ((label, number, ""),))  # type: ignore[assignment]
    owns = _COLUMN_OWNS.get(key, {"own"})
    # Only an unreadable cell may say 同上 or hold labelled numbers; in order, so that 同上
    # under 同上 is the number above both.
    for i in [i for i, number in enumerate(read) if number.__class__ is Bad]:
        raw = read[i].raw  # type: ignore[union-attr]
        if i and folded_text(raw) in SAME_AS_ABOVE:
            above = read[i - 1]
            if above is not None and above.__class__ is not Bad:
                read[i] = above
            elif i - 1 in moved:  # the number above is another's: so is this one
                read[i] = None
                moved[i] = moved[i - 1]
        elif own := own_numbers(raw, key):
            read[i] = several_numbers(own, raw)
            labelled = labelled_words(raw)
            if theirs := tuple((w, n, "") for w, n in labelled if _WHOSE[w] not in owns):
                moved[i] = ((), theirs)
        elif (
            not own
            and others is not None
            and (labelled := labelled_words(raw))
            and all(_WHOSE[w] in others for w, _ in labelled)
        ):
            # Every number another's (父：…；母：… in 监护人电话): none is the column's.
            read[i] = None
            labels = tuple(dict.fromkeys(w for w, _ in labelled))
            moved[i] = (labels, tuple((w, n, "") for w, n in labelled))
    return read


def several_numbers(numbers: tuple[str, ...], raw: str | None = None) -> str | Bad:
    """One person's numbers of a phone cell of labelled numbers: the number, or of two or
    more (父：…；父：…) the cell (``raw``, as typed; in another's column, the numbers) holding
    them all, the first the main one, as ``numbers_to_call`` gives them (no malformed
    number: each of them reads)."""
    if len(numbers) == 1:
        return numbers[0]
    return Bad("、".join(numbers) if raw is None else raw, read=numbers)


def fill_owners(
    read: dict[str, list[Any]],
    raw: dict[str, list[Any]],
    elsewhere: dict[str, Elsewhere],
    is_guardian: Callable[[int, str], bool],
) -> None:
    """Each phone cell of the parents' and the guardian's (``read``, by key of
    ``PHONES_TOGETHER``) that holds no number gets the number another one of them labels
    as theirs (父亲电话 of 父：…；母：… fills an empty 母亲电话; 母：… alone in 父亲电话 too;
    爷爷：… in 父亲电话 an empty 监护人电话 where the guardian is the grandfather,
    ``is_guardian`` telling, by row and label, whether the guardian is the one it names):
    only a cell left empty, or whose own number was labelled as someone else's, never one a
    school typed something else in (a number, 无): that disagreement validate points at
    (PHN003). Only the few cells ``elsewhere`` names are looked at, and each of their
    numbers is marked with the column it is the number of (``Elsewhere``). A person whose
    column the sheet lacks (no 母亲电话 at all) gets one in ``read``, holding the numbers so
    labelled and nothing else: the number the school wrote down for the mother is hers,
    wherever it stands on the row."""
    for key, cells in elsewhere.items():
        for i, (label, numbers) in cells.items():
            owned = []
            given: dict[str, list[str]] = {}  # each person's numbers, in the cell's order
            for word, number, _ in numbers:
                whose = _WHOSE[word]
                target = _PARENT_PHONE.get(whose, "")
                if whose == "guardian" and is_guardian(i, word):
                    target = "guardian_phone"
                owned.append((word, number, target))
                if target and target != key and number not in given.setdefault(target, []):
                    given[target].append(number)
            for target, theirs in given.items():
                if target not in read:  # no such column: nothing typed there to disagree
                    read[target] = [None] * len(read[key])
                column = read[target]
                typed = as_text(raw[target][i]) if target in raw else None
                moved = elsewhere.get(target, {}).get(i)
                if column[i] is None and (typed is None or (moved is not None and moved[0])):
                    # 父：…；父：… gives the father both numbers, the first the main one.
                    column[i] = several_numbers(tuple(theirs))
            cells[i] = (label, tuple(owned))


# The 与儿童关系 of a guardian who is the father or the mother.
_PARENT_RELATION = {"father": "父亲", "mother": "母亲"}
PARENTS = tuple(_PARENT_RELATION)


def whose(word: str) -> str:
    """Whose number a phone label (a key of ``_WHOSE``: 爸爸, 外婆) says it is: father,
    mother, parent, guardian or own."""
    return _WHOSE[word]


# A phone label naming a grandparent (爷爷, 外婆 …) as 与儿童关系 spells them, and the
# relations that name both grandparents of one side (祖父母: 爷爷 and 奶奶 alike).
_BOTH_GRANDPARENTS = {"祖父母": ("祖父", "祖母"), "外祖父母": ("外祖父", "外祖母")}
# The 留守类型 of a child whose father or mother is the parent at home (names_guardian).
_OTHER_AWAY = {"father": MOTHER_AWAY, "mother": FATHER_AWAY}


def names_guardian(
    word: str, relation: object, guardian: object = None, parent: object = None, away: object = None
) -> bool:
    """Whether a phone label (``word``, a key of ``_WHOSE``) names the child's guardian, of
    the relation (与儿童关系, read) given: 监护人 always; 爷爷 the guardian whose relation is
    祖父 or 祖父母, 外婆 外祖母 or 外祖父母; 父 the guardian whose relation is 父亲, or whose
    name (``guardian``) is the named parent's (``parent``, read only for a parent's
    label). A parent's label also names a guardian of unknown relation whom no parent's
    name tells apart when that parent is the one at home (``away``, the 留守类型 read: 母
    where the father is away), as the mother looking after a child whose father works far
    away most often is; a parent who is away, or of a child whose 留守类型 does not say
    which parent is, is not the guardian at home. A grandparent who is not the guardian
    (奶奶 where the guardian is the 外祖父), or of unknown relation, is not."""
    if word == "监护人":
        return True
    if (whose := _WHOSE.get(word)) in _PARENT_RELATION:
        if relation == _PARENT_RELATION[whose]:
            return True
        if guardian.__class__ is str and parent.__class__ is str:
            return guardian == parent
        return relation is None and away == _OTHER_AWAY[whose]
    kin = relation_word(word)
    return kin is not None and (relation == kin or kin in _BOTH_GRANDPARENTS.get(relation, ()))


def names_other_kin(word: str, guardians: object) -> bool:
    """Whether a phone label (``word``) names a grandparent of the other side than the
    guardian, of the relation (与儿童关系, read: ``guardians``) given: 爷爷 where the
    guardian is the 外祖母 (the father's father, the mother's mother: two homes). No other
    pair is told apart so: a 姑姑's number for a guardian 奶奶, or an uncle's for 外公外婆,
    may well be the home's."""
    kin = relation_word(word)
    mine = next((side for side in _GRANDPARENT_SIDES if kin in side), None)
    theirs = next((side for side in _GRANDPARENT_SIDES if guardians in side), None)
    return mine is not None and theirs is not None and mine is not theirs


# Each side's grandparents, a couple of one home: the father's parents, the mother's.
_GRANDPARENT_SIDES = tuple(
    frozenset({couple, *members}) for couple, members in _BOTH_GRANDPARENTS.items()
)


def relation_word(word: str) -> str | None:
    """A grandparent's phone label (奶奶) as 与儿童关系 reads it (祖母); None for any other."""
    kin = relation(word) if _WHOSE.get(word) == "guardian" else None
    return kin if kin.__class__ is str and kin in GRANDPARENTS else None  # type: ignore[return-value]


def phone_label(value: str) -> str | None:
    """Whose a phone cell that :func:`phone` reads one number of says it is, as written: the
    label before the number (父：, 妈妈:) or in brackets after it ((母)), a key of
    ``_WHOSE``; None when it says nobody (13812345678（微信同号）) or has no label."""
    s = as_text(value)
    if s is None:
        return None
    if label := _PHONE_LABEL.match(s):
        return label["who"]
    remark = _PHONE_REMARK.search(s)
    if remark and remark.end() == len(s) and (word := remark[1].strip()) in _WHOSE:
        return word
    return None


# Whose a number in a phone cell is, by the word a school writes before it (父：, 妈妈) or in
# brackets after it ((母)): a parent, the guardian (a grandparent is one), the family, or
# the person the column is for (手机, 座机, 本人).
_WHOSE = {
    **dict.fromkeys(("父亲", "父", "爸爸", "爸"), "father"),
    **dict.fromkeys(("母亲", "母", "妈妈", "妈"), "mother"),
    **dict.fromkeys(("家长", "父母"), "parent"),
    **dict.fromkeys(
        (
            "监护人",
            "爷爷",
            "奶奶",
            "外公",
            "外婆",
            "姥姥",
            "姥爷",
            "祖父",
            "祖母",
            "外祖父",
            "外祖母",
            # The relatives a child is entrusted to, as 与儿童关系 names them.
            "伯父",
            "伯母",
            "伯伯",
            "叔父",
            "叔叔",
            "婶婶",
            "姑姑",
            "姑妈",
            "姑父",
            "舅舅",
            "舅妈",
            "姨妈",
            "姨母",
            "姨父",
        ),
        "guardian",
    ),
    **dict.fromkeys(("本人", "手机号", "手机", "电话", "座机"), "own"),
}
_WHO = "|".join(sorted(_WHOSE, key=len, reverse=True))
# Whose number a phone cell says it is, before it (父：13812345678, 爸爸13812345678, 父亲
# 13812345678, 祖父13812345678), as schools label one: any word of _WHOSE but 父母, whose
# one number in a guardian's cell reaches the parents far away (PHN001 asks what it is).
_LABEL_WORDS = "|".join(word for word in _WHO.split("|") if word != "父母")
_PHONE_LABEL = re.compile(rf"(?P<who>{_LABEL_WORDS})\s*(?::\s*|(?=\+?\d))")
_LABELLED_NUMBER = re.compile(
    rf"(?:(?P<before>{_WHO})(?:电话|手机)?\s*:?\s*)?"
    # An area code may stand in brackets: (0817)5521234; an extension too, as _EXTENSION
    # reads one: 0817-5521234(分机8012).
    r"(?P<number>(?:\+|\(0\d{2,3}\)[\-\s]*)?\d[\d\-\s]{5,}\d"
    r"(?:\s*(?:转|分机|(?i:ext)\.?)\s*\d{1,6}|\s*\(\s*(?:转|分机|(?i:ext)\.?)\s*\d{1,6}\s*\))?)"
    # Whose it is, in brackets after it, or a remark that says nothing of whose it is
    # (父：13812345678（微信同号）；母：…), as _number_alone reads one after a single number.
    rf"(?:\s*\((?P<after>{_WHO})\)|\s*\((?P<remark>[^()\d]*)\))?"
)
# A remark after a labelled number naming someone (（母亲的）, （爷爷在用）, （妈妈）): the
# number may be that person's, not its label's, and is read as nobody's.
_SOMEONE = re.compile(
    "|".join(word for word, whose in _WHOSE.items() if whose != "own")
    + "|爷|奶|哥|姐|嫂|亲戚|邻居|他人|别人"
)
# What may stand between two labelled numbers: a mark or a space.
_BETWEEN_LABELLED = re.compile(r"[\s/、,;|或]*")
# A parent's own phone column, and whose numbers in it are not that parent's: the other
# parent's, a grandparent's or the guardian's (家长 may be either parent: it is theirs).
PARENT_PHONES = ("father_phone", "mother_phone")
# The phone columns read together, since a number in one may be labelled as another's.
PHONES_TOGETHER = (*PARENT_PHONES, "guardian_phone")
_PARENT_PHONE = {"father": "father_phone", "mother": "mother_phone"}
_NOT_THEIRS = {
    "father_phone": frozenset({"mother", "guardian"}),
    "mother_phone": frozenset({"father", "guardian"}),
    # A parent's, unless the guardian is that parent (lbc.roster.canonical.Columns._phones).
    "guardian_phone": frozenset({"father", "mother"}),
}
# Whose numbers a phone column (by its field key) is for: a 家长电话 column is both
# parents'; a teacher's 联系电话 (``phone``) only its own. 家长 (父母) names nobody in
# particular: in one person's column (父亲电话 of 家长：…；母：…) it is that person's number,
# as it is when it labels the cell's one number.
_COLUMN_OWNS = {
    "father_phone": {"father", "parent", "own"},
    "mother_phone": {"mother", "parent", "own"},
    "guardian_phone": {"guardian", "parent", "own"},
    "parent_phone": {"father", "mother", "parent", "own"},
    "parent_work_phone": {"father", "mother", "parent", "own"},
}


def labelled_numbers(raw: str) -> tuple[tuple[str, str], ...]:
    """A phone cell of two or more numbers, each labelled with whose it is (父：13812345678；
    母：13987654321, 爸爸 138… 妈妈 139…, 138…(父)139…(母)), as (whose, number) pairs, whose
    one of ``_WHOSE``'s; () for any other cell (a number without its label among them, a
    number that does not read, words left over). Asked only of cells :func:`phone` cannot
    read."""
    return tuple((_WHOSE[word], number) for word, number in labelled_words(raw))


@functools.lru_cache(maxsize=4096)
def labelled_words(raw: str) -> tuple[tuple[str, str], ...]:
    """:func:`labelled_numbers` with each number's label as written (爷爷, 母), a key of
    ``_WHOSE``: each distinct cell read once. A number left unlabelled beside labelled ones
    (13812345678、13987654321（母） in 父亲电话) is the column's own (本人): the label after
    the second number is that number's."""
    found: list[tuple[str | None, str]] = []
    at = 0
    for m in _LABELLED_NUMBER.finditer(raw):
        if not _BETWEEN_LABELLED.fullmatch(raw, at, m.start()):
            return ()
        if m["remark"] is not None and _DEAD_NUMBER.search(m["remark"]):
            return ()  # 父：13812345678（停机）；母：…: a number not to call, PHN001 shows it
        if m["remark"] is not None and _SOMEONE.search(m["remark"]):
            return ()  # 父：13812345678（母亲的）, （爷爷用）: whose is it? PHN001 asks
        if m["before"] and m["after"] and _WHOSE[m["after"]] not in ("own", _WHOSE[m["before"]]):
            return ()  # 父：13812345678（妈妈）: one label or the other is the mistake
        number = phone(m["number"])
        if number.__class__ is not str:
            return ()
        found.append((m["before"] or m["after"], number))  # type: ignore[arg-type]
        at = m.end()
    if len(found) < 2 or not _BETWEEN_LABELLED.fullmatch(raw, at):
        return ()
    if all(who is None for who, _ in found):
        return ()
    return tuple((who or "本人", number) for who, number in found)


def labelled_one(raw: str) -> tuple[tuple[str, str], ...]:
    """A phone cell of one number labelled with whose it is (父13812345678, 母亲：139…,
    13912345678（母）: :func:`phone_label`), as :func:`labelled_numbers` gives two or more:
    ((whose, number),); () for any other."""
    word = phone_label(raw)
    number = phone(raw) if word is not None else None
    return ((_WHOSE[word], number),) if number.__class__ is str else ()  # type: ignore[index]


def column_owns(key: str) -> frozenset[str]:
    """Whose numbers the phone column ``key`` is for, as :func:`whose` names them (父亲电话:
    the father's, his own, the family's)."""
    return frozenset(_COLUMN_OWNS.get(key, {"own"}))


def own_numbers(raw: str, key: str) -> tuple[str, ...]:
    """The numbers of a cell of labelled numbers (:func:`labelled_numbers`) that are the
    column ``key``'s: in 父亲电话 the one labelled 父, in 家长电话 both parents'; () when none
    is, or the cell is no such cell."""
    owns = _COLUMN_OWNS.get(key, {"own"})
    return tuple(dict.fromkeys(n for who, n in labelled_numbers(raw) if who in owns))


# What a school types between two numbers in one phone cell: a mark. A space is typed inside
# one number too (138 1234 5678): numbers with only spaces between are _spaced_numbers'.
_BETWEEN_NUMBERS = re.compile(r"[/／、,，;；|｜\n]|或")


def numbers_to_call(value: object) -> tuple[str, ...]:
    """The numbers a phone cell gives to call, read by :func:`phone`: its number; each of
    two or more numbers typed in one cell (13812345678/13987654321), when every part reads
    as a number; none for an empty cell (无 is one: ``phone``) or one that gives no number
    (已停机, a digit short, a number with words about it). The one answer to "is there a
    number to call", asked by flag, the watch list, the summary and the cards alike."""
    if value is None:
        return ()
    if value.__class__ is not Bad:
        return (value,)  # type: ignore[return-value]  # a phone() number
    if value.read:  # type: ignore[attr-defined]  # one person's numbers of several labelled
        return value.read  # type: ignore[attr-defined]
    raw = value.raw  # type: ignore[attr-defined]
    if labelled := labelled_numbers(raw):
        return tuple(dict.fromkeys(number for _, number in labelled))
    return tuple(dict.fromkeys(map(phone, _number_parts(raw))))  # type: ignore[arg-type]


# An extension's word with a space after or before it (0817-5521234 转 8012), which a cell
# of numbers split at its spaces would cut off its number: the word and digits joined.
_SPACED_EXTENSION = re.compile(r"\s*(转|分机|(?i:ext)\.?)\s*(?=\d)")


def _number_parts(raw: str) -> list[str]:
    """The text of each number of a phone cell holding two or more (13812345678/139…,
    13812345678 0817-5521234 转 8012, 13812345678 0817 5521234), each part one
    :func:`phone` reads, its extension kept on it; [] when the cell is no such cell."""
    joined = _SPACED_EXTENSION.sub(r"\1", raw)
    parts = [part for part in _BETWEEN_NUMBERS.split(joined) if part.strip()]
    if len(parts) > 1 and all(phone(part).__class__ is str for part in parts):
        return parts
    spaced = [_spaced_numbers(part) for part in parts]
    if all(spaced) and sum(map(len, spaced)) > 1:
        return [number for numbers in spaced for number in numbers]
    return []


def _spaced_numbers(part: str) -> list[str]:
    """The numbers of a phone cell's text with only spaces between them, each the fewest
    words from where the last ended that :func:`phone` reads (13812345678 0817 5521234 is
    13812345678 and 0817 5521234: a space may stand inside a number as well as between
    two); [] when a word is left that ends no number (1381234567 13987654321, an ID
    number typed in groups), rather than guess where a number a digit short ends."""
    words = part.split()
    numbers = []
    start = 0
    for end in range(1, len(words) + 1):
        run = " ".join(words[start:end])
        if phone(run).__class__ is str:
            numbers.append(run)
            start = end
    return numbers if start == len(words) else []


def numbers_text(value: object) -> str:
    """A phone cell's numbers to call as a person reads them (13812345678、13987654321);
    "" when it gives none: what cards, pairs lists and record sheets print for a phone."""
    return "、".join(numbers_to_call(value))


# A number in scientific notation as Excel (and WPS, alike) shows it: 1.38123E+10 in the General
# format, 1.38123E10 in a format of E- (no sign for a positive power), and either with a
# small e as a program that wrote the text has it.
_ANY_SCIENTIFIC = re.compile(r"\d(?:\.(\d+))?E\+?(\d+)")


def lost_in_scientific(text: str) -> bool:
    """Whether a cell's text is a number as Excel shows it in scientific notation, with
    fewer digits than the number has (1.38123E+10 or 1.38123E10 for 13812345678): pasted
    or saved as what was shown, the number's last digits are gone and nothing reads them
    back. Alone, or with a label or a remark :func:`phone` reads beside a number (父：…,
    … (父)) or a label in brackets before it ((父)…); not with one saying the number is
    dead. Or one of the numbers a cell gives with a mark between them (…(父)；139…(母),
    …/139…): that one is still lost. Width folded."""
    parts = _BETWEEN_NUMBERS.split(_scientific_folded(text))
    return any(_lost_alone(part) for part in parts)


def _lost_alone(s: str) -> bool:
    """lost_in_scientific of one number's text, folded."""
    label = _PHONE_REMARK.match(s)  # (父)1.38123E+10
    if label and not _DEAD_NUMBER.search(label[1]):
        s = s[label.end() :]
    m = _ANY_SCIENTIFIC.fullmatch(_number_alone(s))
    return m is not None and len(m[1] or "") < int(m[2])


def kept_in_scientific(text: str) -> str | None:
    """The digits of a whole number a cell's text gives in scientific notation with every
    digit kept (1.3812345678E+10, or 1.3812345678E10 as a program writing a number as text
    has it, is 13812345678); None for any other text, and for one with fewer digits than the
    number has (``lost_in_scientific``: 1.38E+10 may be 13800000000 or any number shown so).
    Width folded: a cell as typed may be asked."""
    m = _ANY_SCIENTIFIC.fullmatch(_scientific_folded(text))
    if m is None or len(m[1] or "") != int(m[2]):
        return None
    return m[0][0] + (m[1] or "")


def holds_kept_scientific(text: str) -> bool:
    """Whether a phone cell's text gives a number in scientific notation with every digit
    kept (``kept_in_scientific``), alone or with what :func:`phone` reads beside it: an
    extension (1.3812345678E+10转1), a label or a remark. Width folded."""
    found = _ANY_SCIENTIFIC.finditer(_scientific_folded(text))
    return any(m[1] is not None and len(m[1]) == int(m[2]) for m in found)


def _scientific_folded(text: str) -> str:
    """A cell's text as a number in scientific notation is looked for in it: no spaces,
    width folded, upper case (1.3812345678e+10, １.３８１２３４５６７８Ｅ＋１０)."""
    return unicodedata.normalize("NFKC", "".join(text.split())).upper()
