"""A finding: one problem at one Excel-true place, in the shape the CLI contract fixes."""

from __future__ import annotations

from dataclasses import dataclass

from lbc.checks.registry import RULES, Rule

# Fields holding personal numbers that are masked in everything printed or exported.
ID_FIELDS = frozenset({"id_number"})
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


@dataclass
class Finding:
    code: str
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    field: str | None
    value: str | None
    child: str | None
    message: str

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> str:
        return self.rule.severity

    def as_dict(self, show_pii: bool = False) -> dict[str, object]:
        """The contract's key order: code, severity, file, sheet, row, column, field, value,
        child, message."""
        value = self.value
        if value is not None and not show_pii:
            value = mask_value(self.field, value)
        child = self.child if show_pii or self.child is None else mask_child(self.child)
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "value": value,
            "child": child,
            "message": self.message,
        }

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.sheet or "", self.row or 0, _col_order(self.column), self.code)


def _col_order(letter: str | None) -> tuple[int, str]:
    return (len(letter or ""), letter or "")


def mask_id(value: str) -> str:
    """511321201503041234 -> 511321********1234: region and the last four stay readable."""
    if len(value) <= 10:
        return value[:2] + "*" * max(len(value) - 2, 0)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """13812345678 -> 138****5678, judged on the digits whatever the separators, so a
    malformed 138-1234-567 is masked too (138*****567 -> 138***1234 style never leaks)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_value(field: str | None, value: str) -> str:
    if field in ID_FIELDS:
        return mask_id(value)
    if field in PHONE_FIELDS:
        return mask_phone(value)
    return value


def mask_name(name: str) -> str:
    """张雨涵 -> 张*涵, 李明 -> 李*: enough for staff to recognise, not to identify."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_child(label: str) -> str:
    """Mask the name part of "张雨涵 三年级(2)班"."""
    name, _, rest = label.partition(" ")
    return mask_name(name) + (" " + rest if rest else "")
