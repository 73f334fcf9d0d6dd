"""``lbc diff OLD NEW``: the 动态档案 change log between last term's roster and this one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lbc import __version__
from lbc.checks.findings import mask_value
from lbc.commands import common
from lbc.errors import LbcError
from lbc.messages import h, t
from lbc.output.files import refuse_input_as_output
from lbc.output.formats import rich_table, to_csv, to_json
from lbc.reports.diff import Matched, RosterDiff, describe, diff_rosters, label

CSV_COLUMNS = ("change", "child", "class", "sheet", "row", "match", "field", "old", "new")


@common.handle_errors
def diff_command(
    old: Annotated[Path, typer.Argument(help=h("diff_old"), show_default=False)],
    new: Annotated[Path, typer.Argument(help=h("diff_new"), show_default=False)],
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("diff_out"), metavar="CHANGES.xlsx", show_default=False),
    ] = None,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """比较两学期的花名册：新增、离开、信息变更。"""
    common.check_format(fmt)
    _, cfg = common.inputs([old, new], config)
    if out is not None:
        if out.suffix.lower() != ".xlsx":
            raise LbcError(t("err.out_xlsx", path=out))
        refuse_input_as_output(out, common.read_files([old, new], cfg))
    before = common.read([old], cfg)
    after = common.read([new], cfg)
    found = diff_rosters(before, after)
    if out is not None:
        from lbc.documents.diff_book import write_changes_book  # openpyxl only here

        write_changes_book(out, found, [old, new])
        common.note(t("diff.note.written", path=out))
    if fmt == "json":
        typer.echo(to_json(as_document(found, show_pii)), nl=False)
    elif fmt == "csv":
        typer.echo(to_csv(csv_rows(found, show_pii), CSV_COLUMNS), nl=False)
    else:
        print_table(found, show_pii)
    raise typer.Exit(0)


def _value(field: str, value: str | None, show_pii: bool) -> str | None:
    return value if value is None or show_pii else mask_value(field, value)


def changes(m: Matched, show_pii: bool) -> list[dict[str, Any]]:
    return [
        {
            "field": c.field,
            "label": label(c.field),
            "old": _value(c.field, c.old, show_pii),
            "new": _value(c.field, c.new, show_pii),
        }
        for c in m.changes
    ]


def as_document(found: RosterDiff, show_pii: bool) -> dict[str, Any]:
    changed = found.changed()
    return {
        "lbc": __version__,
        "summary": {
            "added": len(found.added),
            "gone": len(found.gone),
            "changed": len(changed),
            "unchanged": len(found.matched) - len(changed),
            "matched_by": {rule: n for rule, n in found.rules().items()},
        },
        "added": [describe(r) for r in found.added],
        "gone": [describe(r) for r in found.gone],
        "changed": [
            {
                **describe(m.new),
                "old_row": m.old[0].rows[m.old[1]],
                "match": m.rule,
                "changes": changes(m, show_pii),
            }
            for m in changed
        ],
    }


def csv_rows(found: RosterDiff, show_pii: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{"change": "added", **describe(r)} for r in found.added]
    rows += [{"change": "gone", **describe(r)} for r in found.gone]
    for m in found.changed():
        for c in changes(m, show_pii):
            rows.append(
                {
                    "change": "changed",
                    **describe(m.new),
                    "match": m.rule,
                    "field": c["field"],
                    "old": c["old"],
                    "new": c["new"],
                }
            )
    return rows


def print_table(found: RosterDiff, show_pii: bool) -> None:
    console = common.stdout()
    headers = [t("pair.col.class"), t("out.col.row"), t("out.col.name")]
    for title, rows in (
        (t("diff.added", count=len(found.added)), found.added),
        (t("diff.gone", count=len(found.gone)), found.gone),
    ):
        if rows:
            cells = [(w["class"], w["row"], w["child"]) for w in map(describe, rows)]
            console.print(rich_table(headers, cells, title=title))
    changed = found.changed()
    if changed:
        cells = []
        for m in changed:
            w = describe(m.new)
            for c in changes(m, show_pii):
                old, new = c["old"] or t("diff.empty"), c["new"] or t("diff.empty")
                cells.append(
                    (
                        w["class"],
                        w["row"],
                        w["child"],
                        c["label"],
                        f"{old} → {new}",
                        t(f"diff.by.{m.rule}"),
                    )
                )
        cols = [*headers, t("out.col.field"), t("diff.col.change"), t("diff.col.match")]
        console.print(rich_table(cols, cells, title=t("diff.changed", count=len(changed))))
    console.print(
        t(
            "diff.summary",
            added=len(found.added),
            gone=len(found.gone),
            changed=len(changed),
            unchanged=len(found.matched) - len(changed),
        ),
        markup=False,
    )
