"""``lbc rules [CODE]``: the catalogue of rule codes, or one rule explained."""

from __future__ import annotations

from typing import Annotated

import typer

from lbc.checks.registry import RULES, Rule, RuleKind
from lbc.commands import common
from lbc.errors import LbcError
from lbc.messages import h, metavar, t
from lbc.output.formats import rich_table


@common.handle_errors
def rules(
    code: Annotated[
        str | None, typer.Argument(help=h("rule_code"), metavar=metavar("code"), show_default=False)
    ] = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
) -> None:
    """列出全部校验规则，或解释某条规则。"""
    common.check_format(fmt)
    if code is not None:
        rule = RULES.get(code.strip().upper())
        if rule is None:
            raise LbcError(t("err.bad_code", code=code))
        chosen = [rule]
    else:
        chosen = list(RULES.values())
    rows = [
        {
            "code": r.code,
            "severity": r.severity,
            "fields": r.fields,
            "title": r.title,
            "example": r.example,
            "kind": r.kind.value,
            "weight": r.weight if r.kind is RuleKind.WATCH else None,
            "why": r.why,
            "fix": r.fix,
        }
        for r in chosen
    ]
    common.emit(
        fmt,
        document=lambda: rows if code is None else rows[0],
        rows=lambda: rows,
        columns=tuple(rows[0]),
        table=lambda: print_table(chosen, explain=code is not None),
        versioned=False,
        bom=not no_bom,
        json_keys=json_keys,
    )


def print_table(chosen: list[Rule], explain: bool) -> None:
    """The catalogue as a table, or one rule (``explain``) as a few labelled lines."""
    out = common.stdout()
    if explain:
        r = chosen[0]
        out.print(f"{r.code}  {r.title}", markup=False)
        for label, value in (
            ("rules.severity", t("severity." + r.severity)),
            ("rules.field", r.fields),
            ("rules.kind", r.kind.label),
            *([("rules.weight", str(r.weight))] if r.kind is RuleKind.WATCH else []),
            ("rules.example", r.example),
            ("rules.why", r.why),
            ("rules.fix", r.fix),
        ):
            out.print(t("rules.line", label=t(label), value=value), markup=False)
    else:
        headers = [t("out.col.code"), t("out.col.severity"), t("out.col.title"), t("out.col.field")]
        table_rows = [(r.code, t("severity." + r.severity), r.title, r.fields) for r in chosen]
        common.show_table(out, rich_table(headers, table_rows))
