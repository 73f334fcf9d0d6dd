"""A finding: one problem at one Excel-true place, in the shape the CLI contract fixes."""

from __future__ import annotations

from dataclasses import dataclass, field

from lbc.checks.registry import RULES, Rule
from lbc.output.privacy import Privacy
from lbc.roster.tables import shows_an_error

# The contract's key order for a finding (``as_dict``), and the columns of its CSV.
FINDING_COLUMNS = (
    "code",
    "severity",
    "file",
    "sheet",
    "row",
    "column",
    "field",
    "value",
    "child",
    "message",
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
    # The row a row repeating an ID number repeats (DUP001, DUP003: file, sheet, Excel row),
    # by which validate counts each child once (lbc.reports.county.per_school and
    # children_once). No part of the contract's finding: never printed.
    repeats: tuple[str, str | None, int] | None = field(default=None, repr=False)

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> str:
        return self.rule.severity

    def as_dict(self, privacy: Privacy) -> dict[str, object]:
        """The contract's key order: code, severity, file, sheet, row, column, field, value,
        child, message; the value and the child's name as ``privacy`` shows them."""
        value = self.value
        if value is not None and not shows_an_error(value):  # #N/A hides no number
            value = privacy.value(self.field, value)
        child = None if self.child is None else privacy.child(self.child)
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
