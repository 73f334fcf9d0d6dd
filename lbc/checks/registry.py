"""The catalogue of rules: stable across releases, listed by ``lbc rules``.

A rule is one object here: its code, severity, the fields it concerns and what kind of
problem it is. Checks emit the object (``R.ID002``), never the bare code, and reports ask it
questions (``rule.kind is RuleKind.CONTACT``) rather than reading meaning into a code's
prefix. Its sentences live in :mod:`lbc.messages` under ``rule.CODE`` (the finding's
message) and ``rule.CODE.title`` / ``.example`` / ``.why`` / ``.fix`` (for ``lbc rules``).
Adding a rule is one line in :class:`R`, its texts, and one row of
``tests/rule_fixtures.py`` that fires it.
"""

from __future__ import annotations

import enum
import string
from dataclasses import dataclass, field
from functools import cached_property

from lbc.errors import LbcError
from lbc.messages import Said, both, said, t

ERROR, WARNING = "error", "warning"


class RuleKind(enum.Enum):
    """What a rule is about: a small closed set, so a report can count contacts apart from
    everything else without knowing any code."""

    STRUCTURE = "structure"  # a column, or a value every row must have, is missing
    IDENTITY = "identity"  # ID numbers and duplicates: which child a row is
    CONTACT = "contact"  # whether someone can be reached for a left-behind child
    VALUE = "value"  # a cell lbc cannot read, or that cannot be true
    TEACHER = "teacher"  # the teacher list
    RECORD = "record"  # the support records
    WATCH = "watch"  # a reason a child is on the watch list (lbc.checks.watch), not a defect

    @property
    def label(self) -> str:
        return t(f"rule_kind.{self.value}")


@dataclass(frozen=True)
class Rule:
    """One rule. Its code is the name it is given in :class:`R`, so the two cannot differ."""

    severity: str
    kind: RuleKind
    fields: str  # the canonical keys it concerns, for `lbc rules`
    weight: int = 0  # a watch criterion's default weight (RuleKind.WATCH); [watch] in lbc.toml
    # What a finding of no row is about, as a list's location column says it: a column the
    # sheet lacks (整列), or the whole sheet (整表: a children sheet holding nobody).
    whole: str = "column"
    code: str = field(default="", init=False)

    def __set_name__(self, owner: type, name: str) -> None:
        object.__setattr__(self, "code", name)

    @property
    def message_key(self) -> str:
        return f"rule.{self.code}"

    @property
    def title(self) -> str:
        return t(f"{self.message_key}.title")

    @property
    def example(self) -> str:
        return t(f"{self.message_key}.example")

    @property
    def why(self) -> str:
        return t(f"{self.message_key}.why")

    @property
    def fix(self) -> str:
        return t(f"{self.message_key}.fix")

    @cached_property
    def placeholders(self) -> frozenset[str]:
        """The names the message's Chinese or English text fills in."""
        return frozenset(name for text in both(self.message_key) for name in placeholders(text))

    def message(self, **params: object) -> str:
        """The finding's sentence with ``params`` filled in.

        They must be exactly the message's placeholders: a missing one would fail only when
        that sentence is shown, an extra one means the check and the text disagree about
        what the finding says. Either is a mistake in lbc, so it fails loudly.
        """
        self._check(params)
        return t(self.message_key, **params)

    def said(self, **params: object) -> Said:
        """``message``, able to be said again in Chinese (a watch list's reason, which a
        school's workbook prints whatever --lang says); findings, a hundred thousand in a
        county, are plain text."""
        self._check(params)
        return said(self.message_key, **params)

    def _check(self, params: dict[str, object]) -> None:
        if params.keys() != self.placeholders:
            raise ValueError(
                f"{self.code}: the check passes {sorted(params)}, "
                f"the message fills in {sorted(self.placeholders)}"
            )


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a format string fills in (``{date.year}`` counts as ``date``)."""
    names = (name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    return {name.split(".")[0].split("[")[0] for name in names}


class R:
    """Every rule, by code, in the order ``lbc rules`` lists them. Checks emit ``R.ID002``:
    a mistyped code fails at once instead of producing a finding nobody can look up."""

    COL001 = Rule(ERROR, RuleKind.STRUCTURE, "*")
    REQ001 = Rule(ERROR, RuleKind.STRUCTURE, "*")
    REQ002 = Rule(ERROR, RuleKind.STRUCTURE, "name", whole="sheet")
    ID001 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    ID002 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    ID003 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    ID004 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    ID005 = Rule(WARNING, RuleKind.IDENTITY, "id_number")
    ID006 = Rule(ERROR, RuleKind.IDENTITY, "id_number, birth_date")
    ID007 = Rule(ERROR, RuleKind.IDENTITY, "id_number, gender")
    ID008 = Rule(ERROR, RuleKind.IDENTITY, "father_id_number, mother_id_number, guardian_id_number")
    ID009 = Rule(ERROR, RuleKind.IDENTITY, "father_birth_date, mother_birth_date, …")
    ID010 = Rule(WARNING, RuleKind.IDENTITY, "id_kind, id_number")
    ID011 = Rule(WARNING, RuleKind.IDENTITY, "id_number")
    DUP001 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    DUP002 = Rule(ERROR, RuleKind.IDENTITY, "name, birth_date, class")
    DUP003 = Rule(ERROR, RuleKind.IDENTITY, "id_number")
    DUP004 = Rule(WARNING, RuleKind.IDENTITY, "name, class, id_number, birth_date")
    PHN001 = Rule(ERROR, RuleKind.VALUE, "*_phone, phone")
    PHN002 = Rule(WARNING, RuleKind.VALUE, "father_phone, mother_phone, guardian_phone")
    PHN003 = Rule(WARNING, RuleKind.VALUE, "father_phone, mother_phone, guardian_phone")
    PHN004 = Rule(ERROR, RuleKind.VALUE, "*_phone, phone")
    PHN005 = Rule(WARNING, RuleKind.VALUE, "*_phone, phone")
    PHN006 = Rule(ERROR, RuleKind.VALUE, "*_phone, phone")
    PHN007 = Rule(ERROR, RuleKind.VALUE, "*_phone, phone")
    DATE001 = Rule(ERROR, RuleKind.VALUE, "birth_date, date")
    DATE002 = Rule(ERROR, RuleKind.VALUE, "birth_date, date")
    DATE003 = Rule(WARNING, RuleKind.VALUE, "birth_date")
    CLS001 = Rule(ERROR, RuleKind.VALUE, "class, classes")
    CLS002 = Rule(WARNING, RuleKind.VALUE, "grade, class")
    CLS003 = Rule(WARNING, RuleKind.VALUE, "grade")
    CLS004 = Rule(WARNING, RuleKind.VALUE, "class")
    VAL001 = Rule(ERROR, RuleKind.VALUE, "gender, left_behind_type, enrollment_status, …")
    VAL002 = Rule(WARNING, RuleKind.VALUE, "guardian_relation")
    VAL003 = Rule(WARNING, RuleKind.VALUE, "guardian_age, capacity")
    VAL004 = Rule(WARNING, RuleKind.VALUE, "left_behind_type")
    VAL005 = Rule(WARNING, RuleKind.VALUE, "guardian_id_number, guardian_birth_date")
    VAL006 = Rule(ERROR, RuleKind.VALUE, "guardianship_rating, care_situation, guardian_name")
    VAL007 = Rule(ERROR, RuleKind.VALUE, "any")
    VAL008 = Rule(ERROR, RuleKind.VALUE, "any")
    VAL009 = Rule(ERROR, RuleKind.VALUE, "left_behind_type, care_situation")
    VAL010 = Rule(ERROR, RuleKind.VALUE, "any")
    CON001 = Rule(ERROR, RuleKind.CONTACT, "guardian_name, guardian_relation, guardian_phone")
    CON002 = Rule(ERROR, RuleKind.CONTACT, "father_phone, mother_phone")
    CON003 = Rule(ERROR, RuleKind.CONTACT, "father_phone, mother_phone, parent_phone")
    CON004 = Rule(ERROR, RuleKind.CONTACT, "guardian_phone")
    CON005 = Rule(WARNING, RuleKind.CONTACT, "father_work_place, mother_work_place")
    CON006 = Rule(ERROR, RuleKind.CONTACT, "guardian_phone, father_phone, mother_phone")
    CON007 = Rule(WARNING, RuleKind.CONTACT, "guardian_name, guardian_relation")
    CON008 = Rule(ERROR, RuleKind.CONTACT, "guardian_name, guardian_relation, guardian_phone")
    CON009 = Rule(ERROR, RuleKind.CONTACT, "guardian_phone")
    CON010 = Rule(WARNING, RuleKind.CONTACT, "father_work_place, mother_work_place")
    TCH001 = Rule(ERROR, RuleKind.TEACHER, "phone")
    TCH002 = Rule(ERROR, RuleKind.TEACHER, "name")
    TCH003 = Rule(WARNING, RuleKind.TEACHER, "support_teacher")
    TCH004 = Rule(WARNING, RuleKind.TEACHER, "support_teacher")
    TCH005 = Rule(WARNING, RuleKind.TEACHER, "children")
    TCH006 = Rule(WARNING, RuleKind.TEACHER, "children")
    TCH007 = Rule(WARNING, RuleKind.TEACHER, "children, support_teacher")
    REC001 = Rule(ERROR, RuleKind.RECORD, "teacher")
    REC002 = Rule(ERROR, RuleKind.RECORD, "student")
    REC003 = Rule(ERROR, RuleKind.RECORD, "student")
    REC004 = Rule(WARNING, RuleKind.RECORD, "kind")
    REC005 = Rule(ERROR, RuleKind.RECORD, "date")
    REC006 = Rule(WARNING, RuleKind.RECORD, "student, teacher")
    REC007 = Rule(WARNING, RuleKind.RECORD, "date")
    REC008 = Rule(WARNING, RuleKind.RECORD, "kind")
    REC009 = Rule(WARNING, RuleKind.RECORD, "content")
    REC010 = Rule(WARNING, RuleKind.RECORD, "kind")
    REC011 = Rule(WARNING, RuleKind.RECORD, "date, teacher, student, kind, content")
    TRM001 = Rule(ERROR, RuleKind.VALUE, "school, term, term_start, term_end")
    QTA001 = Rule(ERROR, RuleKind.VALUE, "school, quota, count")
    WST001 = Rule(ERROR, RuleKind.VALUE, "school, setting, value")
    # The watch list's criteria (lbc watch), with their default weights: guardianship …
    WCH001 = Rule(WARNING, RuleKind.WATCH, "left_behind_type, guardian_name", 5)
    WCH002 = Rule(WARNING, RuleKind.WATCH, "guardianship_rating, care_situation", 5)
    WCH003 = Rule(WARNING, RuleKind.WATCH, "guardianship_rating", 4)
    WCH004 = Rule(WARNING, RuleKind.WATCH, "guardian_age, guardian_birth_date, …", 2)
    WCH005 = Rule(WARNING, RuleKind.WATCH, "guardian_health", 3)
    WCH006 = Rule(WARNING, RuleKind.WATCH, "guardian_age, guardian_birth_date, …", 4)
    # … the child …
    WCH007 = Rule(WARNING, RuleKind.WATCH, "health, disability, categories", 3)
    WCH008 = Rule(WARNING, RuleKind.WATCH, "health, illness", 2)
    WCH009 = Rule(WARNING, RuleKind.WATCH, "categories", 5)
    WCH010 = Rule(WARNING, RuleKind.WATCH, "enrollment_status", 5)
    WCH011 = Rule(WARNING, RuleKind.WATCH, "boarding", 1)
    # … contact …
    WCH012 = Rule(WARNING, RuleKind.WATCH, "support_teacher", 2)
    WCH013 = Rule(WARNING, RuleKind.WATCH, "name, records", 3)
    WCH014 = Rule(WARNING, RuleKind.WATCH, "father_phone, mother_phone, parent_phone", 3)
    # … and what changed since last term (--previous).
    WCH015 = Rule(WARNING, RuleKind.WATCH, "guardian_name", 2)
    WCH016 = Rule(WARNING, RuleKind.WATCH, "left_behind_type", 2)
    WCH017 = Rule(WARNING, RuleKind.WATCH, "home_address", 1)


RULES: dict[str, Rule] = {r.code: r for r in vars(R).values() if isinstance(r, Rule)}


def parse_codes(values: list[str] | None) -> list[str]:
    """Codes or prefixes from ``--select``/``--ignore`` (repeatable, comma-separated).

    An entry that is neither a code nor the prefix of one is a usage error, so a typo
    cannot silently select nothing.
    """
    out: list[str] = []
    for value in values or []:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                raise LbcError(t("err.bad_code", code=part))
            if not any(c.startswith(code) for c in RULES):
                raise LbcError(t("err.bad_code", code=part.strip()))
            out.append(code)
    return out


def selected(code: str, select: list[str], ignore: list[str]) -> bool:
    if select and not any(code.startswith(s) for s in select):
        return False
    return not any(code.startswith(i) for i in ignore)
