"""``lbc rules [CODE]``: the catalogue of rule codes, or one rule explained."""

from __future__ import annotations

from typing import Annotated

import typer

from lbc.checks.registry import RULES
from lbc.commands import common
from lbc.errors import LbcError
from lbc.messages import h, t
from lbc.output.formats import rich_table, to_csv, to_json


@common.handle_errors
def rules(
    code: Annotated[str | None, typer.Argument(help=h("rule_code"), show_default=False)] = None,
    fmt: common.FormatOpt = "table",
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
            "why": r.why,
            "fix": r.fix,
        }
        for r in chosen
    ]
    if fmt == "json":
        typer.echo(to_json(rows if code is None else rows[0]), nl=False)
    elif fmt == "csv":
        typer.echo(to_csv(rows, tuple(rows[0])), nl=False)
    elif code is not None:
        r = chosen[0]
        out = common.stdout()
        out.print(f"{r.code}  {r.title}", markup=False)
        out.print(f"{t('rules.severity')}：{t('severity.' + r.severity)}", markup=False)
        out.print(f"{t('rules.field')}：{r.fields}", markup=False)
        out.print(f"{t('rules.kind')}：{r.kind.label}", markup=False)
        out.print(f"{t('rules.example')}：{r.example}", markup=False)
        out.print(f"{t('rules.why')}：{r.why}", markup=False)
        out.print(f"{t('rules.fix')}：{r.fix}", markup=False)
    else:
        headers = [t("out.col.code"), t("out.col.severity"), t("out.col.title"), t("out.col.field")]
        table_rows = [(r.code, t("severity." + r.severity), r.title, r.fields) for r in chosen]
        common.stdout().print(rich_table(headers, table_rows))
