"""What of a person lbc shows: one policy for every command that prints or exports people.

Children's records are personal information of minors (cli-contract.md, "Privacy"):

- ID numbers (511321********123X) and phone numbers (138****5678) are masked in everything
  printed to the terminal or exported as JSON/CSV, by every command, unless ``--show-pii``.
- A child's name is masked (张*涵) where it only says whose row a problem is in: ``lbc
  validate``'s findings, a quality report that travels up to the county. Where the list is
  something staff act on, names are shown in full: ``lbc flag`` (families to call), ``lbc
  pair`` (who supports whom), ``lbc diff`` (whose record changed). A masked call list is
  useless, and those lists carry no ID or phone.
- Files written for the school's own use (contact cards, pairs and change workbooks, the
  summary) hold what their purpose needs and are created owner-only instead.

The field keys below are the contract's canonical keys (the JSON "field" values), the
only roster knowledge this module needs.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def name(self, value: str) -> str:
        return value if self.show_pii or self.names_in_full else mask_name(value)

    def child(self, label: str) -> str:
        """A child as a finding names it, "张雨涵 三年级(2)班": the name part per name()."""
        name, _, rest = label.partition(" ")
        return self.name(name) + (" " + rest if rest else "")

    def value(self, field: str | None, value: str) -> str:
        """A cell's text as printed: ID and phone fields masked, any other field as typed."""
        if field in ID_FIELDS:
            return self.id(value)
        if field in PHONE_FIELDS:
            return self.phone(value)
        return value


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


def mask_name(name: str) -> str:
    """张雨涵 -> 张*涵, 李明 -> 李*: enough for staff to recognise, not to identify."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
