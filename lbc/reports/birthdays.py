"""``lbc birthdays``: the left-behind children whose birthday falls in a month, by class.

Schools celebrate the birthdays of children whose parents are away; the head teacher gets
the class's list. The birth date is the roster's 出生日期, else the one the ID number
holds; one known to the month only (出生年月 2015年3月 and no ID number: a child with no
户口 yet) is that month's, the day unknown. A child with neither is on no month's list,
and said to be. Only left-behind children still at school are listed, each once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lbc.reports.caseload import support_teacher
from lbc.reports.classes import ClassGroup, by_class
from lbc.roster import dates
from lbc.roster import normalise as nz
from lbc.roster.canonical import Roster, Table
from lbc.roster.people import (
    LEFT_SCHOOL,
    TeachersInPost,
    known_birth,
    require_left_behind_type,
)
from lbc.roster.tables import distinct_children


@dataclass
class Birthday:
    name: str
    file: str
    sheet: str
    row: int
    born: dt.date  # a YearMonth when only the month is known
    turns: int  # the age the child turns on the birthday in ``year``
    # As the reports count and group them (caseload.support_teacher): none for a cell
    # showing a formula's error, as for a blank one.
    support_teacher: str


def birthdays(
    roster: Roster, month: int, year: int
) -> tuple[list[ClassGroup[Birthday]], list[tuple[Table, int]], list[tuple[Table, int]]]:
    """The children born in ``month``, by class, by day of the month within a class (those
    known to the month only last); the left-behind children no birth date places on any
    month's list; and those whose 出生日期 and ID number give two months, one of them
    ``month`` (lbc validate's ID006): listed by the 出生日期, maybe in the wrong month,
    which the school must be told. Refuses (LbcError) a roster that cannot say who is
    left behind, as ``lbc watch`` does."""
    require_left_behind_type(roster.children, "err.no_type")
    found = []
    undated: list[tuple[Table, int]] = []
    torn: list[tuple[Table, int]] = []
    in_post = TeachersInPost(roster)
    for table, i, first in distinct_children(roster.children, roster.copy_schools()):
        if first is not None or table.get("enrollment_status", i) in LEFT_SCHOOL:
            continue
        kind = table.get("left_behind_type", i)
        if kind in (None, nz.NOT_LEFT_BEHIND) or isinstance(kind, nz.Bad):
            continue
        born = known_birth(
            table.get("birth_date", i), table.get("id_number", i), table.get("id_kind", i)
        )
        if born is None:
            undated.append((table, i))
            continue
        held = known_birth(None, table.get("id_number", i), table.get("id_kind", i))
        if held is not None and held.month != born.month and month in (held.month, born.month):
            torn.append((table, i))
        if born.month != month:
            continue
        name, teacher = table.get("name", i), support_teacher(in_post, table, i)
        found.append(
            (
                table,
                i,
                Birthday(
                    name if isinstance(name, str) else "",
                    table.file,
                    table.sheet_at(i),
                    table.rows[i],
                    born,
                    year - born.year,
                    teacher[1] if teacher else "",
                ),
            )
        )
    found.sort(key=lambda item: (item[2].born.__class__ is dates.YearMonth, item[2].born.day))
    return by_class(roster, found), undated, torn
