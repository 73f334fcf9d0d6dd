"""``lbc pair``: match support teachers to children, and say why each pair was made."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from lbc.commands import common
from lbc.errors import ExitStatus, LbcError
from lbc.messages import h, language, t
from lbc.output.files import refuse_input_as_output
from lbc.output.formats import out_format, rich_table
from lbc.output.privacy import Privacy
from lbc.pairing import solver as matching
from lbc.pairing.problem import ChildRow, Pairing, pair
from lbc.workspace.schools import run_school

CSV_COLUMNS = ("child", "class", "file", "sheet", "row", "teacher", "reason", "kept", "why")


@common.handle_errors
def pair_command(
    files: common.FilesArg = None,
    config: common.ConfigOpt = None,
    max_per_teacher: Annotated[
        int | None,
        typer.Option("--max-per-teacher", min=0, help=h("max_per_teacher"), show_default=False),
    ] = None,
    keep: Annotated[
        Path | None, typer.Option("--keep", help=h("keep"), metavar="FILE", show_default=False)
    ] = None,
    fmt: common.FormatOpt = "table",
    no_bom: common.NoBomOpt = False,
    json_keys: common.JsonKeysOpt = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=h("pair_out"), metavar="PAIRS.xlsx", show_default=False),
    ] = None,
    save: Annotated[bool, typer.Option("--save", help=h("pair_save"))] = False,
    show_pii: common.ShowPiiOpt = False,
) -> None:
    """为留守儿童安排结对帮扶教师。"""
    common.check_format(fmt)
    if out is not None:
        out_format(out, ("xlsx",))
    paths, cfg, runs = common.inputs(files, config)
    out, replacing = _output(out, save, cfg.pairs)
    if save and out is not None:  # the configured name: checked once it is known
        out_format(out, ("xlsx",))
    if out is not None and not replacing and keep is not None and out.resolve() == keep.resolve():
        raise LbcError(t("err.keep_same_as_out"))
    inputs = common.read_files(paths, cfg, keep)
    # The workspace's pairs file is read (the pairs in force) and replaced: that is what
    # pairing again does. Any other input is never written over.
    guarded = [p for p in inputs if not (replacing and out and p.resolve() == out.resolve())]
    if out is not None:  # before the work, not after it
        refuse_input_as_output(out, guarded)
    loaded = matching.load_meanwhile()  # while the workbook is parsed
    roster = common.read(paths, cfg, runs, keep=keep, pairs_matter=True)
    loaded()
    if replacing and out is not None and out.exists():
        books = {Path(table.file).resolve() for table in roster.pairs}
        if out.resolve() not in books:  # a school's own file saved under that name
            raise LbcError(t("err.pairs_not_ours", path=out))
    limit = cfg.max_per_teacher if max_per_teacher is None else max_per_teacher
    with common.progress(t("note.pairing")):
        result = pair(roster, limit, cfg.watch)
    common.keep_until_exit(result)
    for line in result.notes:
        common.note(line)
    if out is not None:
        from lbc.documents.pairs_book import write_pairs_book  # openpyxl is only needed here

        with language("zh"):  # a school's file: Chinese whatever --lang says
            write_pairs_book(out, result, run_school(roster, cfg.school), guarded)
        common.note(t("pair.note.saved" if replacing else "pair.note.written", path=out))
    privacy = Privacy(show_pii, names_in_full=True)  # who supports whom: names whole
    common.emit(
        fmt,
        document=lambda: as_document(result, limit, privacy),
        rows=lambda: csv_rows(result, privacy),
        columns=CSV_COLUMNS,
        table=lambda: print_table(result, privacy),
        bom=not no_bom,
        json_keys=json_keys,
        plain=True,  # as_document's
    )
    raise typer.Exit(ExitStatus.found(result.unpaired or roster.failed))


def _output(out: Path | None, save: bool, pairs: Path | None) -> tuple[Path | None, bool]:
    """Where the pairs workbook goes, and whether it is the workspace's pairs file
    (``--save``, or ``--out`` naming that file), which pairing may replace."""
    if save and out is not None:
        raise LbcError(t("err.save_and_out"))
    if save:
        if pairs is None:
            raise LbcError(t("err.save_no_pairs"))
        return Path(os.path.relpath(pairs)), True
    if out is None or pairs is None:
        return out, False
    return out, out.resolve() == pairs.resolve()


def _classes(text: Callable[[str], str]) -> Callable[[str, str], str]:
    """A child's class as every output of lbc pair names it (``text`` of it): with its
    school when the run holds several (Pair.school), as every class list of a county names
    it (lbc flag, lbc diff, the summary), since each school has its 三年级(1)班. Remembered:
    a county's 100,000 children are in a few hundred classes."""

    @functools.cache
    def classed(school: str, cls: str) -> str:
        return text(f"{school} {cls}".strip() if school else cls)

    return classed


def _where(
    child: ChildRow, cls: str, privacy: Privacy, text: Callable[[str], str]
) -> dict[str, object]:
    """The child and where it sits, as every JSON and CSV row starts: its class as
    _classes says it, and its file too, as lbc flag and lbc watch say, since two schools'
    sheets share names and rows; ``text`` is ``privacy.text`` remembering what it said: a
    county's 100,000 rows have a few hundred classes, sheets, reasons and teachers between
    them."""
    return {
        "child": privacy.name(child.name),
        "class": cls,
        "file": child.file,
        "sheet": text(child.sheet),
        "row": child.row,
    }


def as_document(result: Pairing, max_per_teacher: int, privacy: Privacy) -> dict[str, object]:
    """The JSON document: dicts and lists of text, integers, booleans and None alone (no
    float), which lbc pair writes as plain (common.emit) without a walk over its rows."""
    text, name = functools.cache(privacy.text), functools.cache(privacy.name)
    classed = _classes(text)
    child = privacy.name  # a county's 100,000 children: mostly a name each, not remembered
    # Each row one dict made whole, its fields as _where starts them: a county's 100,000
    # rows made of merged dicts cost a tenth of a second more.
    return {
        "summary": {
            **result.summary,
            "max_per_teacher": max_per_teacher,
            # A county: each school's own figures, its places its own children's only.
            **({"schools": result.schools} if result.schools else {}),
        },
        "pairs": [
            {
                "child": child(c.name),
                "class": classed(p.school, c.cls),
                "file": c.file,
                "sheet": text(c.sheet),
                "row": c.row,
                "teacher": name(p.teacher.shown),
                "reason": text(p.reason),
                "kept": p.kept,
            }
            for p in result.pairs
            for c in (p.child,)
        ],
        "unpaired": [
            {
                "child": child(c.name),
                "class": classed(u.school, c.cls),
                "file": c.file,
                "sheet": text(c.sheet),
                "row": c.row,
                "why": text(u.why),
            }
            for u in result.unpaired
            for c in (u.child,)
        ],
        "idle_teachers": [
            {
                "teacher": privacy.name(i.teacher.shown),
                # Her school and file, as the table names her school and every other row
                # its file: a county's schools each have a teachers list whose row 3 is
                # someone's.
                "school": i.school,
                "file": i.teacher.file,
                "sheet": text(i.teacher.sheet),
                "row": i.teacher.row,
                "why": text(i.why),
            }
            for i in result.idle
        ],
    }


def csv_rows(result: Pairing, privacy: Privacy) -> list[dict[str, object]]:
    text, name = functools.cache(privacy.text), functools.cache(privacy.name)
    classed = _classes(text)
    rows: list[dict[str, object]] = [
        {
            **_where(p.child, classed(p.school, p.child.cls), privacy, text),
            "teacher": name(p.teacher.shown),
            "reason": text(p.reason),
            "kept": "true" if p.kept else "false",
        }
        for p in result.pairs
    ]
    rows += [
        {**_where(u.child, classed(u.school, u.child.cls), privacy, text), "why": text(u.why)}
        for u in result.unpaired
    ]
    # Each teacher without a child, as the table, the JSON and the pairs workbook list her:
    # a school reading the CSV in Excel looks for every teacher's name in 帮扶教师. No child
    # on her row; her school in 班级 (a county's), her own list's file, sheet and row.
    rows += [
        {
            "class": classed(i.school, ""),
            "file": i.teacher.file,
            "sheet": text(i.teacher.sheet),
            "row": i.teacher.row,
            "teacher": name(i.teacher.shown),
            "why": text(i.why),
        }
        for i in result.idle
    ]
    return rows


def print_table(result: Pairing, privacy: Privacy) -> None:
    console = common.stdout()
    classed = _classes(privacy.text)
    yes, no = t("pair.yes"), t("pair.no")
    headers = [
        t("pair.col.class"),
        t("out.col.row"),
        t("pair.col.child"),
        t("pair.col.teacher"),
        t("pair.col.reason"),
        t("pair.col.kept"),
    ]
    rows = [
        (
            classed(p.school, p.child.cls),
            p.child.row,
            privacy.name(p.child.name),
            privacy.name(p.teacher.shown),
            privacy.text(p.reason),
            yes if p.kept else no,
        )
        for p in result.pairs
    ]
    if rows:
        common.show_table(console, rich_table(headers, rows, title=t("pair.heading.pairs")))
    if result.unpaired:
        headers = [t("pair.col.class"), t("out.col.row"), t("pair.col.child"), t("pair.col.why")]
        rows = [
            (
                classed(u.school, u.child.cls),
                u.child.row,
                privacy.name(u.child.name),
                privacy.text(u.why),
            )
            for u in result.unpaired
        ]
        title = t("pair.heading.unpaired", count=len(result.unpaired))
        common.show_table(console, rich_table(headers, rows, title=title))
    if result.idle:
        headers = [t("out.col.row"), t("pair.col.teacher"), t("pair.col.why")]
        rows = [
            (i.teacher.row, privacy.name(i.teacher.shown), privacy.text(i.why)) for i in result.idle
        ]
        if result.schools:  # several schools: each teacher's row is in her school's list
            headers.insert(0, t("pair.col.school"))
            schools = [i.school or t("merge.school_unknown") for i in result.idle]
            rows = [(school, *row) for school, row in zip(schools, rows, strict=True)]
        title = t("pair.heading.idle", count=len(result.idle))
        common.show_table(console, rich_table(headers, rows, title=title))
    unknown = t("merge.school_unknown")  # teachers of a file that says no school
    for entry in result.schools:
        line = t("pair.school_line", **{**entry, "school": entry["school"] or unknown})
        console.print(line, markup=False)
    console.print(t("pair.summary", **result.summary), markup=False)
