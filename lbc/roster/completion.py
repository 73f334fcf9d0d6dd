"""What a table's columns say together, once its cells are read (:func:`complete`).

A school's roster says some things only across columns or around them: 留守类型 as the 学籍
export's codes (1/2/3) or as the registration form's ticks under 实际监护情况, 性别 as 1/2,
类别 as a row of 是/否 columns, a class as 1班 under a 三年级 heading row or in a sheet named
三年级, a record's kind in its sheet's name. Each is read here into the canonical columns,
however the table was read (a sheet whole or in pieces, numbered sheets joined again).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from lbc.roster import normalise as nz
from lbc.roster.canonical import (
    Table,
    named_grade,
)
from lbc.roster.fields import (
    CATEGORY_COLUMNS,
    Kind,
    fold_header,
)
from lbc.roster.school_names import (
    names_grades,
)

# The heading text of a class's total under its children naming its number alone (小计 |
# 1班 | 2人, _heading): the class ends there, the grade over it runs on. No heading row
# read by its one cell is 小计.
CLASS_TOTAL = "小计"


def complete(table: Table, class_grades: list[int | None] | None = None) -> None:
    """What a children table's columns say together (留守类型 from its codes or 实际监护情况,
    性别 from its codes, 类别 from the 是/否 columns, 班级 within 年级), and a records
    table's kind from its sheet's name, however the table was read. ``class_grades``: the
    grade of each row a class number alone in its 班级 (1班) is of, where a grade's
    heading over it says it (classes_under_headings)."""
    if table.kind is Kind.CHILDREN:
        _read_left_behind(table)
        _read_gender_codes(table)
        _read_attendance_codes(table)
        _read_grade_codes(table)
        _classes_typed_as_numbers(table)
        _merge_categories(table)
        if "grade" in table.raw and "class" in table.raw:
            _class_in_grade(table, table.values["grade"])
        elif "class" in table.raw and class_grades is not None:
            _class_in_grade(table, class_grades)
        elif "class" in table.raw and (grade := named_grade(table)) is not None:
            _class_in_grade(table, itertools.repeat(grade, len(table)))
        table.grade_names_unlike = _grade_names_unlike(table)
    elif table.kind is Kind.RECORDS:
        if "kind" not in table.raw:
            _kind_from_name(table)
        if "student" in table.raw:
            _class_in_student(table)
        if "content" in table.raw and "kind" in table.values:
            _not_made_by_content(table)


def _not_made_by_content(table: Table) -> None:
    """A record whose 类型 names a contact and whose 内容 says it was not made (家访 with
    家访未遇，家中无人: nz.said_not_made) is no contact (nz.NotHeld, said in its 内容), as a
    类型 of 家访（未遇） is: counted for no child, and lbc validate points at the 内容
    (REC009). A 类型 picked from a dropdown of kinds (lbc record-sheets) cannot say it."""
    contents = table.raw["content"]
    kinds = table.values["kind"]
    found = [
        i
        for i, (kind, content) in enumerate(zip(kinds, contents, strict=True))
        if content is not None and kind.__class__ is str and nz.said_not_made(kind, content)
    ]
    if found:
        kinds = list(kinds)
        for i in found:
            kinds[i] = nz.NotHeld(str(kinds[i]), nz.SAID_IN_CONTENT)
        table.values["kind"] = kinds


def _classes_typed_as_numbers(table: Table) -> None:
    """A 班级 typed as a number, 3.2 for 三年级(2)班, reads as grade and class; but Excel
    keeps 3.10 as 3.1 and 3.20 as 3.2. Where the column names a class of ten or more of a
    grade (3.12, 三年级(11)班), a number of that grade ending in one digit d whose class d0
    could be among them (3.1 beside 3.12: class 1 or 10?) is left unreadable (CLS001, saying
    why), not put in a class it may not be."""
    raw = table.raw.get("class")
    if raw is None or not any(v.__class__ is float and not v.is_integer() for v in raw):
        return  # a whole number (301, which a reader may give as 301.0) has no zero to lose
    values = list(table.values["class"])
    # Each school's own (a county's sheet, a merged roster): another's classes say nothing.
    schools = table.values.get("school") or [None] * len(values)
    most: dict[tuple[object, int], int] = {}
    for ref, school in zip(values, schools, strict=True):
        if ref.__class__ is nz.ClassRef and ref.number >= 10:
            key = (school, ref.grade)
            most[key] = max(most.get(key, 0), ref.number)
    if not most:
        return
    for i, cell in enumerate(raw):
        ref = values[i]
        if cell.__class__ is not float or cell.is_integer() or ref.__class__ is not nz.ClassRef:
            continue
        digits = repr(cell).partition(".")[2]
        if len(digits) == 1 and ref.number * 10 <= most.get((schools[i], ref.grade), 0) + 1:
            values[i] = nz.Bad(repr(cell), nz.ZERO_DROPPED)
    table.values["class"] = values


def _class_in_student(table: Table) -> None:
    """Read a record's 学生姓名 cell that gives the child's class too (张伟（四年级2班）,
    四年级2班张伟: how teachers tell namesakes apart, as lbc prints them) as the name, and
    the class where the 班级 cell is empty or says the same; a 班级 cell saying another
    class leaves the row as written (which child it is, lbc validate asks)."""
    students = table.values["student"]
    split = {s: nz.name_and_class(s) for s in set(students)}
    if not any(split.values()):
        return
    n = len(table)
    classes = list(table.values.get("class") or [None] * n)
    students = list(students)
    for i, found in enumerate(map(split.__getitem__, students)):
        if found is not None and classes[i] in (None, found[1]):
            students[i], classes[i] = found
    if "class" not in table.raw:
        table.raw["class"] = [None] * n
    table.values["student"], table.values["class"] = students, classes


KIND_FROM_SHEET, KIND_FROM_TITLE, KIND_FROM_HEADER = "sheet", "title", "header"


def _kind_from_name(table: Table) -> None:
    """A records sheet without a 类型 column named for one kind (谈心记录, 家访记录表, a
    title above the header saying so, or a header naming it: 谈心时间, 谈心对象) holds
    records of that kind: a school keeping talks and visits on sheets of their own writes
    no 类型 on each row, and every talk there is one the follow-up list and the summary
    must count."""
    header = " ".join(col.label for col in table.columns.values())
    sources = (
        (KIND_FROM_SHEET, table.sheet),
        (KIND_FROM_TITLE, table.title),
        (KIND_FROM_HEADER, header),
    )
    for source, text in sources:
        kind = nz.kind_named(text)
        if kind is not None:
            table.raw["kind"] = [kind] * len(table)
            table.kind_from = (source, kind)
            return


def _grade_names_unlike(table: Table) -> tuple[str, ...]:
    """Table.grade_names_unlike: the names of a children sheet with no 年级 column, of its
    file and of its folder, where they name two grades or more (names_grades) and its 班级
    column writes a class's number alone (1班) that only its grade could make a class."""
    if "grade" in table.raw or "class" not in table.raw:
        return ()
    named = names_grades(table.file, table.sheet)
    if len(set(named.values())) < 2:
        return ()
    cells = {(v.__class__, v) for v in table.raw["class"]}
    return tuple(named) if any(nz.class_number(v) is not None for _, v in cells) else ()


CLASS_FROM_SHEET, CLASS_FROM_TITLE, CLASS_FROM_FILE = "sheet", "title", "file"


# A sheet named for a class number its grade's digit starts (32班 in 三年级.xlsx): its name
# gives every row its text, unread as a 班级 cell 32 is (CLS001), and says so.
CLASS_FROM_SHEET_UNREAD = "sheet_unread"


CLASS_FROM_HEADINGS = "headings"


# What may stand just before a class's name in a text naming it (三年级1班 of
# 白鹤小学三年级1班留守儿童名单): not a digit, a numeral or a grade's word, of which it
# would be the tail (4级3班 of 2024级3班, 1-2班 of 三年级1-2班), nor a word listing classes
# (2班 of 1、2班) or counting one in (学前班 of 全校留守儿童（含学前班）, 包括三年级1班).
_NOT_BEFORE_CLASS = frozenset(
    "0123456789０１２３４５６７８９一二两三四五六七八九十年级、，,和与及-—~～至到含括"
)


# What a text naming a class may name besides, making the class a part of its list, not
# its list: the whole school (全校留守儿童学前班, 各年级), or a grade (学前班和一年级留守儿童,
# 学前班（含一年级）), unless the class's own (一年级名单（一年级1班）).
_WHOLE_SCHOOL = re.compile(r"全校|各年级")


_GRADE_WORD = re.compile(
    r"(?:小学|初中|高中)?(?:十[一二]|[一二两三四五六七八九十]|\d{1,2})年级|[初高][一二三]"
)


def _class_in_text(text: str) -> str | None:
    """The one class ``text`` (a sheet's name, the title above its header) names with its
    grade (三年级1班, 三(1)班, 3年级1班, 白鹤小学三年级1班留守儿童名单), as lbc writes a
    class; None where it names no class, a grade only (三年级) or a class without its
    grade (1班), several classes (三年级1、2班, 三年级1班和2班, 三年级1-2班), or a class as
    a part of what it names, which is not every child's (全校留守儿童（含学前班）,
    学前班和一年级, 一年级和三年级1班: _NOT_BEFORE_CLASS, _WHOLE_SCHOOL, _GRADE_WORD). The
    words 班级 and 班主任 name no class (学校：白鹤小学 班级：三年级1班 班主任：王芳); a class
    number with no grade word of its own (11班, 十一班) is that number, not a grade and a
    class (一年级(1)班), as _class_in_grade reads it."""
    text = "".join(text.split()).replace("班主任", "").replace("班级", "")
    if text.count("班") != 1:
        return None
    end = text.index("班") + 1
    for start in range(max(end - 12, 0), end - 1):  # the longest first: 初中一年级2班
        if start and text[start - 1] in _NOT_BEFORE_CLASS:
            continue
        if nz.class_number(text[start:end]) is not None:
            return None
        ref = nz.class_ref(text[start:end])
        if ref.__class__ is nz.ClassRef:
            rest = f"{text[:start]} {text[end:]}"
            grades = {nz.grade(word) for word in _GRADE_WORD.findall(rest)}
            if _WHOLE_SCHOOL.search(rest) or grades - {ref.grade}:  # type: ignore[union-attr]
                return None
            return str(ref)
    return None


def class_line(grid: Sequence[Sequence[Any]], first: int) -> str:
    """The text of the first row above a header at grid row ``first`` that labels a class
    (班级：三年级(2)班, 学校：青山小学 班级：三年级(2)班 班主任：李明), its cells joined; ""
    where none does."""
    for row in grid[:first]:
        text = " ".join(t for v in row if (t := nz.cell_text(v)))
        if "班级:" in "".join(text.split()):
            return text
    return ""


def class_from_name(table: Table, class_line: str = "") -> None:
    """Give every row of a children sheet without a 班级 column the class its name, the
    title above its header or its file's name names (a school keeping a class a sheet or
    a file: 三年级1班, 三(1)班, 白鹤小学三年级1班留守儿童名单), as Table.class_from says; a
    sheet named for the class number alone (1班, (2)班), the class of that number in each
    row's 年级, or in the grade its file or folder is named for (三年级.xlsx:
    _class_in_grade), or its file's or title's class of that number (1班 in 三年级1班.xlsx),
    and none where they name another number (2班 in 三年级1班.xlsx), as
    Table.class_names_unlike says. Nothing where none names one, or where they
    name two classes, as Table.class_names_unlike says, or where the class's grade is not
    the one its sheet, file or folder is named for (names_grades), as Table.class_unlike
    says."""
    sources = [
        (CLASS_FROM_SHEET, _class_in_text(table.sheet)),
        # The title, else a line under it labelling the class (``class_line``).
        (CLASS_FROM_TITLE, _class_in_text(table.title) or _class_in_text(class_line)),
    ]
    # A sheet 1班 (not 1, as likely its file's first page) in 三年级1班.xlsx is its class.
    number = nz.class_number(table.sheet) if "班" in table.sheet else None
    if number is not None or nz.class_number(table.sheet) is None:
        sources.append((CLASS_FROM_FILE, _class_in_text(Path(table.file).stem)))
    named = {source: cls for source, cls in sources if cls is not None}
    numbers = {nz.class_ref(cls).number for cls in named.values()}  # type: ignore[union-attr]
    if number is not None and numbers - {number}:
        # 2班 in 三年级1班.xlsx: which is right only the school knows
        table.class_names_unlike = ((CLASS_FROM_SHEET, table.sheet), *named.items())
        return
    if len(set(named.values())) > 1:  # which is right only the school knows
        table.class_names_unlike = tuple(named.items())
        return
    if named:
        source, cls = next(iter(named.items()))
        written = cls
        grade = nz.class_ref(cls).grade  # type: ignore[union-attr]
        unlike = tuple(
            name for name, of in names_grades(table.file, table.sheet).items() if of != grade
        )
        if unlike:  # 三年级1班 in 四年级.xlsx: which is wrong only the school knows
            table.class_unlike = (source, cls, unlike)
            return
    elif "班" not in table.sheet or (number := nz.class_number(table.sheet)) is None:
        return
    elif "grade" in table.raw:  # each row's 年级 and this number
        source, cls, written = CLASS_FROM_SHEET, table.sheet, table.sheet
    elif (grade := named_grade(table)) is not None:
        source, cls, written = CLASS_FROM_SHEET, str(nz.ClassRef(grade, number)), table.sheet
        if nz.grade_digit_first(table.sheet, grade):
            # 32班 in 三年级.xlsx: 三年级(2)班 or 三年级(32)班? Unread, as in a 班级 cell.
            source, cls = CLASS_FROM_SHEET_UNREAD, table.sheet
    else:
        return
    table.raw["class"] = [written] * len(table)
    table.class_from = (source, cls)


def classes_under_headings(
    table: Table, headings: list[tuple[int, str]]
) -> tuple[bool, list[int | None] | None]:
    """Give the rows under each class's heading row (三年级(2)班, or 2班 under a grade's
    heading, 三年级, or on a grade's sheet) its class up to the next heading, where their
    班级 cell is empty; a row whose own 班级 says another class keeps it. A sheet with no
    班级 column takes the headings' classes only where every row has one over it, as
    Table.class_from says. A heading's grade that is not the one the sheet's, its file's
    or its folder's name gives (八年级 in 七年级.xlsx) gives no class, as
    Table.headings_unlike says. ``headings``: each heading's text and the place of the
    first row under it (TableMaker.headings).

    Whether any heading names a class, and the grade of each row a class number alone in
    its 班级 cell (1班 under 三年级) is of, for _class_in_grade: the headings' over it, as
    Table.classes_graded says, else its names' (named_grade); none under a heading of
    another grade than its names'. None where no heading gives such a row its grade, or
    the sheet has a 年级 column."""
    if not headings:
        return False, None
    # Each heading's rows, its class, the grade the headings over them give and which.
    spans: list[tuple[int, int, str | None, int | None, str]] = []
    named = names_grades(table.file, table.sheet)
    unlike: dict[str, None] = {}  # the headings of another grade, each once
    unlike_names: dict[str, None] = {}

    def of_another_grade(grade: int, graded_by: str) -> bool:
        others = [name for name, of in named.items() if of != grade]
        if others:  # 八年级 in 七年级.xlsx: which is wrong only the school knows
            unlike[graded_by] = None
            unlike_names.update(dict.fromkeys(others))
        return bool(others)

    grade: int | None = None
    graded_by = ""
    # A class's name and its head count beside it (三年级(1)班 | 共2人) is as often its
    # total under it as its heading: its heading where the first heading, over the first
    # rows, is one such, and the count is of the rows under it (_counted_heading).
    counted = headings[0][0] == 0 and _COUNTED_HEADING.fullmatch(headings[0][1]) is not None
    for (start, text), (end, _) in zip(headings, [*headings[1:], (len(table), "")], strict=True):
        if counted and (heading := _counted_heading(text, end - start)):
            text = heading
        # A class number with no grade word of its own (11班, 十一班) is of the grade over
        # it, not a grade and a class (一年级(1)班), as _class_in_grade reads it.
        number = nz.class_number(text)
        ref = nz.class_ref(text) if number is None else None
        if text == CLASS_TOTAL:  # 小计 | 1班 | 2人: 1班 ends here, the grade does not
            ref = None
        elif ref.__class__ is nz.ClassRef:
            grade, graded_by = ref.grade, text  # type: ignore[union-attr]
        elif number is not None and (
            (of := named_grade(table) if grade is None else grade) is not None
        ):
            # 32班 under 三年级: 三年级(2)班 or 三年级(32)班? Unread, as in a 班级 cell.
            ref = text if nz.grade_digit_first(text, of) else nz.ClassRef(of, number)
        else:
            read = nz.grade(text)
            grade = read if read.__class__ is int else None
            graded_by, ref = text, None
        if ref is not None and grade is not None and of_another_grade(grade, graded_by):
            ref = None
        spans.append((start, end, None if ref is None else str(ref), grade, graded_by))
    raw = table.raw.get("class")
    grades = (
        None  # a row's 年级 is its class number's grade (complete)
        if raw is None or "grade" in table.raw
        else _grades_under_headings(table, raw, spans, of_another_grade)
    )
    if unlike:
        table.headings_unlike = (tuple(unlike), tuple(unlike_names))
    if not any(cls for _, _, cls, _, _ in spans):
        return False, grades
    if raw is None:
        if spans[0][0] > 0 or not all(cls for start, end, cls, _, _ in spans if end > start):
            return True, None
        table.raw["class"] = [cls for start, end, cls, _, _ in spans for _ in range(start, end)]
        table.class_from = (CLASS_FROM_HEADINGS, "")
        return True, None
    for start, end, cls, _, _ in spans:
        if cls is not None:
            read = nz.class_ref(cls).__class__ is nz.ClassRef  # not 32班 under 三年级
            for i in range(start, end):
                if raw[i] is None or (raw[i].__class__ is str and not raw[i].strip()):
                    raw[i] = cls
                    table.classes_headed += read
    return True, grades


# A heading with the head count beside it, as _heading_beside joins them: 三年级(1)班 共2人.
_COUNTED_HEADING = re.compile(
    r"(?P<heading>.+?)\s(?:共|总数|人数)?\s*:?\s*(?P<count>\d+)\s*[人名]?"
)


def _counted_heading(text: str, rows: int) -> str | None:
    """The heading of a heading with its head count beside it (_COUNTED_HEADING) where the
    count is ``rows``, the rows under it: 三年级(1)班 of 三年级(1)班 共2人 over two; else None."""
    m = _COUNTED_HEADING.fullmatch(text)
    return m.group("heading") if m is not None and int(m.group("count")) == rows else None


def _grades_under_headings(
    table: Table,
    raw: list[Any],
    spans: list[tuple[int, int, str | None, int | None, str]],
    of_another_grade: Callable[[int, str], bool],
) -> list[int | None] | None:
    """The grade of each row a class number alone in its 班级 cell (``raw``: 1班) is of,
    where a heading over it gives one (``spans``, classes_under_headings), else None: the
    heading's, or none where it is of another grade than the names (``of_another_grade``
    says so, and notes it); any other row's is its names' (named_grade)."""
    numbers: dict[tuple[type, Any], int | None] = {}
    grades: list[int | None] | None = None
    named = named_grade(table)
    for start, end, _, grade, graded_by in spans:
        if grade is None:
            continue
        alone = []
        for i in range(start, end):
            key = (raw[i].__class__, raw[i])
            if key not in numbers:
                numbers[key] = nz.class_number(raw[i])
            if numbers[key] is not None:
                alone.append(i)
        if not alone:
            continue
        if grades is None:
            grades = [named] * len(table)
        of = None if of_another_grade(grade, graded_by) else grade
        for i in alone:
            grades[i] = of
        if of is not None and of != named:
            # 32 under 三年级 is given no class (_class_in_grade), nor counted.
            table.classes_graded += sum(not nz.grade_digit_first(raw[i], of) for i in alone)
    return grades


def _class_in_grade(table: Table, grades: Iterable[Any]) -> None:
    """Read a 班级 column that holds only the class number (2班, (2)班, 二班, 2) as that
    row's 年级 (``grades``: its 年级 column's, or the grade its sheet, file or folder is
    named for) and this number: 三年级 next to 2班 is 三年级(2)班.

    A class that names its own grade (三(2)班, 302) is left as it reads, so a 年级 that
    disagrees with it is still reported; a class number without a readable grade stays
    unreadable. A bare one- or two-digit number is the class number here, not a grade and
    class (12 next to 三年级 is class 12, not 一年级(2)班), unless its first digit is the
    row's grade (32 next to 三年级: 三年级(2)班 or 三年级(32)班?), which stays unreadable
    (nz.grade_digit_first) rather than read as either.
    """
    raw = table.raw["class"]
    numbers: dict[tuple[type, Any], int | None] = {}
    for v in raw:
        key = (v.__class__, v)
        if key not in numbers:
            numbers[key] = nz.class_number(v)
    if not any(numbers.values()):
        return
    classes = list(table.values["class"])
    for i, (v, grade) in enumerate(zip(raw, grades, strict=True)):
        number = numbers[(v.__class__, v)]
        if (
            number is not None
            and grade.__class__ is int
            and (number // 10 != grade or not nz.grade_digit_first(v, grade))
        ):
            classes[i] = nz.ClassRef(grade, number)
    table.values["class"] = classes


# How the 学籍 export and school software code 是否留守儿童: a column's codes say which
# coding it uses (a 0 is only in the first, a 3 only in the second). 0 and 1 alone are 否 and
# 是, which parent unsaid. 1 and 2 alone could be either coding: they are not guessed. ONE is
# one parent away, unsaid which.
ONE = "one"


CODINGS: dict[str, dict[int, str]] = {
    "0/1/2": {0: nz.NOT_LEFT_BEHIND, 1: ONE, 2: nz.BOTH_AWAY},
    "1/2/3": {1: nz.NOT_LEFT_BEHIND, 2: ONE, 3: nz.BOTH_AWAY},
    "0/1": {0: nz.NOT_LEFT_BEHIND, 1: nz.AWAY_UNSPECIFIED},
}


CODING_AMBIGUOUS = "ambiguous"


def code_of(value: Any) -> int | None:
    """A code (0-3) as a number cell or a one-digit text, full-width (２) too, else None."""
    if value.__class__ in (int, float) and value in (0, 1, 2, 3):
        return int(value)
    if value.__class__ is str and (digit := nz.text(value)) in ("0", "1", "2", "3"):
        return int(digit)
    return None


def _coding(codes: set[int]) -> str:
    if codes <= {0, 1}:
        return "0/1"
    if 0 in codes and 3 not in codes:
        return "0/1/2"
    if 3 in codes and 0 not in codes:
        return "1/2/3"
    return CODING_AMBIGUOUS


def _read_left_behind(table: Table) -> None:
    """留守类型 as the forms give it: from 实际监护情况 when the roster has no 留守类型
    column, or where it says the parents cannot care and 留守类型 says nothing more, codes
    read by the column's coding, and "one parent away" made the parent whose
    work place places them away (the other's empty, or saying 无, 在家 …: ``nz.says_away``),
    else left unsaid."""
    if "left_behind_type" not in table.raw and "care_situation" in table.raw:
        care = table.columns["care_situation"]
        table.columns["left_behind_type"] = replace(care, key="left_behind_type")
        table.raw["left_behind_type"] = table.raw["care_situation"]
    if "left_behind_type" not in table.raw:
        return
    raw = table.raw["left_behind_type"]
    kinds = list(table.values["left_behind_type"])
    one = [False] * len(kinds)
    if nz.AWAY_UNSPECIFIED in kinds:
        for i, (v, kind) in enumerate(zip(raw, kinds, strict=True)):
            one[i] = kind == nz.AWAY_UNSPECIFIED and nz.says_one_away(v)
    # Codes are unreadable as words: only a column with unreadable cells is looked at.
    codes = (
        {c for v in raw if (c := code_of(v)) is not None}
        if any(kind.__class__ is nz.Bad for kind in kinds)
        else set()
    )
    if codes:
        coding = table.codings["left_behind_type"] = _coding(codes)
        meaning = CODINGS.get(coding, {})
        for i, v in enumerate(raw):
            c = code_of(v)
            if c is not None:
                kind = meaning.get(c)
                one[i] = kind == ONE
                kinds[i] = nz.AWAY_UNSPECIFIED if one[i] else kind or nz.Bad(nz.text(v) or "")
    if any(one):
        n = len(table)
        father = table.values.get("father_work_place") or [None] * n
        mother = table.values.get("mother_work_place") or [None] * n
        for i in (i for i, flag in enumerate(one) if flag):
            away = nz.says_away(father[i]), nz.says_away(mother[i])
            if away == (True, False):
                kinds[i] = nz.FATHER_AWAY
            elif away == (False, True):
                kinds[i] = nz.MOTHER_AWAY
    if nz.AWAY_UNSPECIFIED in kinds and "care_situation" in table.raw:
        # Left behind and no more said (留守(未注明) as lbc wrote it before, a 是否留守儿童
        # code 1), beside the form's 实际监护情况 saying the parents are at home unable to
        # care: that, not unsaid.
        care = table.values["care_situation"]
        for i, kind in enumerate(kinds):
            if kind == nz.AWAY_UNSPECIFIED and care[i] == nz.BOTH_INCAPABLE:
                kinds[i] = nz.BOTH_INCAPABLE
    table.values["left_behind_type"] = kinds


# 性别 as the 学籍 system and school software code it (GB/T 2261.1): 1 男, 2 女.
GENDER_CODES = {1: "男", 2: "女"}


def _read_gender_codes(table: Table) -> None:
    """Read a 性别 column's codes 1 and 2 as 男 and 女 (coding "1/2"), looked at only when
    the column has unreadable cells. A column that also holds a 0 or a 3 follows some
    other coding (0/1 either way round): none of its codes is read, each stays an error."""
    values = table.values.get("gender")
    if values is None or not any(v.__class__ is nz.Bad for v in values):
        return
    raw = table.raw["gender"]
    codes = {c for v in raw if (c := code_of(v)) is not None}
    if not codes or not codes <= GENDER_CODES.keys():
        return
    table.codings["gender"] = "1/2"
    table.values["gender"] = [
        GENDER_CODES[c] if (c := code_of(v)) is not None else g
        for v, g in zip(raw, values, strict=True)
    ]


# 就读方式 as the 学籍 system codes it: 1 走读, 2 住校. It names a way of attending, so its 1
# is a day pupil, where a 是否寄宿 column's 1 is 是.
ATTENDANCE_CODES = {1: "否", 2: "是"}


_ATTENDANCE = fold_header("就读方式")


def _read_attendance_codes(table: Table) -> None:
    """Read a 就读方式 column's codes 1 and 2 as day pupil and boarder (coding
    "attendance"); any other code there (0, 3) is unreadable."""
    column = table.columns.get("boarding")
    if column is None or not fold_header(column.label).startswith(_ATTENDANCE):
        return
    raw = table.raw["boarding"]
    codes = [code_of(v) for v in raw]
    if all(c is None for c in codes):
        return
    table.codings["boarding"] = "attendance"
    table.values["boarding"] = [
        b if c is None else ATTENDANCE_CODES.get(c) or nz.Bad(nz.text(v) or "")
        for v, c, b in zip(raw, codes, table.values["boarding"], strict=True)
    ]


# 年级 as the 学籍 system codes it: the level's digit, then the year within it (11 小学一年级 …
# 16 六年级, 21 初中一年级 … 23, 31 高中一年级 … 33), read as the grade 1 … 12.
GRADE_CODES = {
    10 * level + year: before + year
    for level, (before, years) in ((1, (0, 6)), (2, (6, 3)), (3, (9, 3)))
    for year in range(1, years + 1)
}


def _grade_code(value: Any) -> int | None:
    """A two-digit code as a number cell or a text of digits (全角 too), else None."""
    if value.__class__ is str:
        value = nz.text(value)
        return int(value) if value and value.isdigit() and len(value) == 2 else None
    if value.__class__ is int or (value.__class__ is float and value.is_integer()):
        return int(value)
    return None


# A 年级 column whose every cell is the number 11 or 12: 十一、十二年级, or the 学籍 system's
# codes for 一、二年级 (a 教学点 teaching only those). Read as the grades, and said (CLS003).
GRADE_OR_CODE = "grade_or_xueji"


def eleven_or_twelve(raw: list[Any]) -> set[int]:
    """The grade numbers of a 年级 column whose every filled cell is 11 or 12 as a number
    (not 十一年级 in words), each distinct cell looked at once; empty for any other."""
    codes = {_grade_code(v) for v in set(raw) if nz.text(v) is not None}
    return codes if codes and codes <= {11, 12} else set()


def _read_grade_codes(table: Table) -> None:
    """Read a 年级 column of the 学籍 system's codes (11 一年级 … 16 六年级, 21 初一 … 23,
    31 高一 … 33: ``GRADE_CODES``) as the grades they code, coding "xueji". Only a column
    with an unreadable cell is looked at, and read as codes only when every number in it is
    a code and one is no grade (13 … 33). 11 and 12 alone could be 十一、十二年级 as well as
    一、二年级: read as the grades they say, which lbc columns and lbc validate (CLS003) say
    could be codes, rather than guessed silently (GRADE_OR_CODE)."""
    values = table.values.get("grade")
    if values is None:
        return
    if nz.Bad not in set(map(type, values)):
        if (11 in values or 12 in values) and eleven_or_twelve(table.raw["grade"]):
            table.codings["grade"] = GRADE_OR_CODE
        return
    raw = table.raw["grade"]
    codes = {c for v in set(raw) if (c := _grade_code(v)) is not None}
    if not codes or not codes <= GRADE_CODES.keys() or codes <= {11, 12}:
        return
    table.codings["grade"] = "xueji"
    table.values["grade"] = [
        g if (c := _grade_code(v)) is None else GRADE_CODES[c]
        for v, g in zip(raw, values, strict=True)
    ]


def _merge_categories(table: Table) -> None:
    """Fold into ``categories`` what other columns say: the separate 是/否 category columns
    (孤儿, 建档立卡 …), a 身体情况 of 残疾, a 残疾类别 filled in, and relief received (享受低保
    is the 低保 category)."""
    flags = [(key, word) for key, word in CATEGORY_COLUMNS.items() if key in table.values]
    # Each other column is looked at only when one of its distinct values adds a category:
    # a county roster's 健康状况 column is 100,000 cells of which none says 残疾.
    n = len(table)
    empty: list[Any] = [None] * n
    health = table.values.get("health")
    if health is None or "残疾" not in health:
        health = empty
    disability = table.values.get("disability")
    if disability is None or not any(map(nz.says_something, set(disability))):
        disability = empty
    relief = table.values.get("relief")
    if relief is None or not any(
        nz.relief_categories(x) for x in set(relief) if x.__class__ is str
    ):
        relief = empty
    if not flags and health is empty and disability is empty and relief is empty:
        return
    base = table.values.get("categories") or empty
    merged = []
    for i, cats in enumerate(base):
        found = list(nz.categories_named(cats))
        words = [word for key, word in flags if table.values[key][i] == "是"]
        if health[i] == "残疾" or nz.says_something(disability[i]):
            words.append("残疾")
        if relief[i].__class__ is str:
            words += nz.relief_categories(relief[i])
        found += [w for w in dict.fromkeys(words) if w not in found]
        # A 类别 not read whole stays unreadable (VAL001), holding what the columns say.
        merged.append(
            nz.Bad(cats.raw, cats.reason, tuple(found))
            if isinstance(cats, nz.Bad)
            else tuple(found)
        )
    table.values["categories"] = merged
