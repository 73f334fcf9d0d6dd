"""A finding: one problem at one Excel-true place, in the shape the CLI contract fixes."""

from __future__ import annotations

from dataclasses import dataclass, field

from lbc.checks.registry import RULES, R, Rule
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
    # ``child`` names a row whose 姓名 is empty by its class ("（姓名空） 三年级(2)班"):
    # nothing in it is a name to mask.
    nameless: bool = field(default=False, repr=False)

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
        child = self.child
        # A name showing #N/A hides no one: masked, it read as a name (#**A); nor does a
        # row without a name, said by its class, which masked read as one (三*****班).
        if child is not None and self.nameless:
            child = privacy.text(child)
        elif child is not None and not shows_an_error(child.partition(" ")[0]):
            child = privacy.child(child)
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


# The rules that read a cell's text as what the school typed: its length (ID001, ID008), its
# pattern (PHN001, DATE001, CLS001), a word of a closed list (VAL001, VAL002, REC004), a name
# to find (REC001, REC002). On a cell showing a formula's error (a failed VLOOKUP's #N/A)
# each tells the school to retype what nobody typed, beside VAL007 saying what the cell is.
READ_AS_TYPED = frozenset(
    rule.code
    for rule in (
        R.ID001,
        R.ID008,
        R.PHN001,
        R.DATE001,
        R.CLS001,
        R.VAL001,
        R.VAL002,
        R.REC001,
        R.REC002,
        R.REC004,
        R.TCH003,
    )
)


# The rules that say what such a cell is: a formula's error (VAL007), a formula saved
# without its result (VAL010).
_SAY_THE_CELL = frozenset({R.VAL007.code, R.VAL010.code})


def reported(findings: list[Finding]) -> list[Finding]:
    """``findings`` as they are shown and counted: a finding of READ_AS_TYPED on a cell that
    a VAL007 (or VAL010) among ``findings`` says too is left out, so each such cell is said once, by
    what it is. Run on the findings --select and --ignore chose, never at the source: with
    ``--select ID`` (or ``--ignore VAL007``) there is no VAL007 to say the cell, and ID001
    still does."""
    shown = {(f.file, f.sheet, f.row, f.column) for f in findings if f.code in _SAY_THE_CELL}
    if not shown:
        return findings
    return [
        f
        for f in findings
        if f.code not in READ_AS_TYPED or (f.file, f.sheet, f.row, f.column) not in shown
    ]
