"""The catalogue of rule codes: stable across releases, listed by ``lbc rules``.

A code names one kind of problem; its severity is fixed here so scripts can rely on it.
The sentences for each code live in :mod:`lbc.messages` (``rule.CODE`` and friends).
"""

from __future__ import annotations

from dataclasses import dataclass

from lbc.errors import LbcError
from lbc.messages import t

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    fields: str  # the canonical keys it concerns, for `lbc rules`

    @property
    def title(self) -> str:
        return t(f"rule.{self.code}.title")

    @property
    def example(self) -> str:
        return t(f"rule.{self.code}.example")


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("COL001", ERROR, "*"),
        Rule("REQ001", ERROR, "*"),
        Rule("ID001", ERROR, "id_number"),
        Rule("ID002", ERROR, "id_number"),
        Rule("ID003", ERROR, "id_number"),
        Rule("ID004", ERROR, "id_number"),
        Rule("ID005", WARNING, "id_number"),
        Rule("ID006", ERROR, "id_number, birth_date"),
        Rule("ID007", ERROR, "id_number, gender"),
        Rule("DUP001", ERROR, "id_number"),
        Rule("DUP002", ERROR, "name, birth_date, class"),
        Rule("DUP003", ERROR, "id_number"),
        Rule("PHN001", ERROR, "*_phone, phone"),
        Rule("DATE001", ERROR, "birth_date, date"),
        Rule("DATE002", ERROR, "birth_date, date"),
        Rule("DATE003", WARNING, "birth_date"),
        Rule("CLS001", ERROR, "class, classes"),
        Rule("CLS002", WARNING, "grade, class"),
        Rule("VAL001", ERROR, "gender, left_behind_type, enrollment_status, …"),
        Rule("VAL002", WARNING, "guardian_relation"),
        Rule("VAL003", WARNING, "guardian_age, capacity"),
        Rule("VAL004", WARNING, "left_behind_type"),
        Rule("CON001", ERROR, "guardian_name, guardian_relation, guardian_phone"),
        Rule("CON002", ERROR, "father_phone, mother_phone"),
        Rule("CON003", ERROR, "father_phone, mother_phone, parent_phone"),
        Rule("CON004", ERROR, "guardian_phone"),
        Rule("CON005", WARNING, "father_work_place, mother_work_place"),
        Rule("CON006", ERROR, "guardian_phone, father_phone, mother_phone"),
        Rule("TCH001", ERROR, "phone"),
        Rule("TCH002", ERROR, "name"),
        Rule("TCH003", WARNING, "support_teacher"),
        Rule("REC001", ERROR, "teacher"),
        Rule("REC002", ERROR, "student"),
        Rule("REC003", ERROR, "student"),
        Rule("REC004", WARNING, "kind"),
    )
}


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
