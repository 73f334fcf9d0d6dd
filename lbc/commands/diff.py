"""``lbc diff OLD NEW``: the 动态档案 change log between last term's roster and this one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lbc.commands import common
from lbc.errors import ExitStatus
from lbc.messages import h, language, metavar, t
from lbc.output.files import refuse_input_as_output
from lbc.output.formats import out_format, rich_table
from lbc.output.privacy import Privacy
from lbc.roster.changes import Matched, RosterDiff, Row, diff_rosters, error_id_notes, label
from lbc.workspace.schools import schools_of

# Each code (change, match, field: a script's, stable and English) with its words beside it
# (change_text …: what the table says of it), for the school reading the CSV in Excel.
CSV_COLUMNS = (
    "change",
    "change_text",
    "child",
    "class",
    "file",
    "sheet",
    "row",
    "match",
    "match_text",
    "field",
    "field_text",
    "old",
    "new",
)


@common.handle_errors
def diff_command(
    old: Annotated[
        Path, typer.Argument(help=h("diff_old"), metavar=metavar("old"), show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(help=h("diff_new"), metavar=metavar("new"), show_default=False)
    ],
    config: common.ConfigOpt = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("diff_out"), metavar="CHANGES.xlsx", show_default=False),
    ] = None,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """比较两学期的花名册：新增、离开、信息变更。"""
    common.check_format(fmt)
    if out is not None:
        out_format(out, ("xlsx",))
    # Each side as any command reads it: the workspace's roster with the pairs in force
    # (its [files] pairs), so a re-pairing shows as a 帮扶教师 change; and each side's
    # notes said once (a folder's 上学期/ is said left out of this term's side only).
    old_files, cfg, old_runs = common.inputs([old], config)
    new_files, _, new_runs = common.inputs([new], config)
    if out is not None:
        refuse_input_as_output(out, common.read_files([*old_files, *new_files], cfg))
    before = common.read(old_files, cfg, old_runs)
    after = common.read(new_files, cfg, new_runs)
    found = diff_rosters(before, after, schools_of(before).of, schools_of(after).of)
    common.note_each(error_id_notes(found, "diff.note.error_ids"))
    if out is not None:
        from lbc.documents.diff_book import write_changes_book  # openpyxl only here

        with language("zh"):  # the ledger a school files: Chinese whatever --lang says
            write_changes_book(out, found, [old, new])
        common.note(t("diff.note.written", path=out))
    privacy = Privacy(show_pii, names_in_full=True)  # whose record changed: names whole
    common.emit(
        fmt,
        document=lambda: as_document(found, privacy),
        rows=lambda: csv_rows(found, privacy),
        columns=CSV_COLUMNS,
        table=lambda: print_table(found, privacy),
        bom=not no_bom,
        json_keys=json_keys,
    )
    # A file of either folder left out, or a sheet's IDs not compared, was said: the
    # comparison is not whole, and a script must not take it as whole.
    raise typer.Exit(ExitStatus.found(before.failed or after.failed or found.error_ids))


def _child(found: RosterDiff, row: Row, privacy: Privacy) -> dict[str, Any]:
    """A child row as the change log shows it (RosterDiff.describe), its name per privacy
    and any number typed into its text (a class, a sheet name) masked; with its file, as
    every command's rows name theirs: a county's schools' sheets share names and rows."""
    where = found.describe(row)
    shown = {k: privacy.text(v) if isinstance(v, str) else v for k, v in where.items()}
    child, cls = privacy.name(where["child"]), shown.pop("class")
    return {"child": child, "class": cls, "file": row[0].file, **shown}


def changes(m: Matched, privacy: Privacy) -> list[dict[str, Any]]:
    return [
        {
            "field": c.field,
            "label": label(c.field),
            "old": c.said(0, None if c.old is None else privacy.value(c.field, c.old)),
            "new": c.said(1, None if c.new is None else privacy.value(c.field, c.new)),
        }
        for c in m.changes
    ]


def as_document(found: RosterDiff, privacy: Privacy) -> dict[str, Any]:
    changed = found.changed()
    return {
        "summary": {
            "added": len(found.added),
            "gone": len(found.gone),
            "changed": len(changed),
            "unchanged": len(found.matched) - len(changed),
            "matched_by": {rule: n for rule, n in found.rules().items()},
        },
        "added": [_child(found, r, privacy) for r in found.added],
        "gone": [_child(found, r, privacy) for r in found.gone],
        "changed": [
            {
                **_child(found, m.new, privacy),
                "old_row": m.old[0].rows[m.old[1]],
                "match": m.rule,
                "changes": changes(m, privacy),
            }
            for m in changed
        ],
    }


def csv_rows(found: RosterDiff, privacy: Privacy) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"change": kind, "change_text": t(f"diff.change.{kind}"), **_child(found, r, privacy)}
        for kind, children in (("added", found.added), ("gone", found.gone))
        for r in children
    ]
    for m in found.changed():
        for c in changes(m, privacy):
            rows.append(
                {
                    "change": "changed",
                    "change_text": t("diff.change.changed"),
                    **_child(found, m.new, privacy),
                    "match": m.rule,
                    "match_text": t(f"diff.by.{m.rule}"),
                    "field": c["field"],
                    "field_text": c["label"],
                    "old": c["old"],
                    "new": c["new"],
                }
            )
    return rows


def print_table(found: RosterDiff, privacy: Privacy) -> None:
    console = common.stdout()
    headers = [t("pair.col.class"), t("out.col.row"), t("out.col.name")]
    for title, rows in (
        (t("diff.added", count=len(found.added)), found.added),
        (t("diff.gone", count=len(found.gone)), found.gone),
    ):
        if rows:
            shown = (_child(found, r, privacy) for r in rows)
            cells = [(w["class"], w["row"], w["child"]) for w in shown]
            common.show_table(console, rich_table(headers, cells, title=title))
    changed = found.changed()
    if changed:
        cells = []
        for m in changed:
            w = _child(found, m.new, privacy)
            for c in changes(m, privacy):
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
        common.show_table(
            console, rich_table(cols, cells, title=t("diff.changed", count=len(changed)))
        )
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
