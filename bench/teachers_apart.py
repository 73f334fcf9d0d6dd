"""Benchmark ``lbc merge`` on a county whose schools keep their teachers list in a file of its own.

Each of ``--schools`` (100) school folders holds a roster (``花名册.xlsx``: 2,000 children and
400 records, titled with the school's name) and, beside it, its teachers list (``教师.xlsx``:
160 teachers) whose 帮扶学生姓名 column names the children each teacher supports; the
roster's 帮扶教师 cell of each such child is left blank (a namesake's is kept), so merge
reads each roster again with its list (relist) to fill it. ``--no-list`` generates the same
county with the lists' 帮扶学生姓名 column left out: nothing to relist, the figure to compare
with. Generated once into ``bench/_data/`` from ``bench/validate.py``'s generator.

Each run is the ``lbc`` console script (``--lbc`` another's, a baseline checkout's), reaped
with ``os.wait4``: the peak is the largest RSS of the command or any process it reaped (its
workers, their reading children). ``--keep DIR`` keeps the merged files, and ``--compare A
B`` says whether two kept merges are the same: every entry of the workbooks byte for byte,
the Parquet files' tables and metadata.

    /work/venv/bin/python bench/teachers_apart.py --keep bench/_data/after
    /work/venv/bin/python bench/teachers_apart.py --no-list
    /work/venv/bin/python bench/teachers_apart.py --compare bench/_data/before bench/_data/after
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import (  # noqa: E402
    CHILD_HEADER,
    CHILD_SHEET,
    DATA,
    RECORD_HEADER,
    RECORD_SHEET,
    TEACHER_HEADER,
    TEACHER_SHEET,
    Generator,
    _cells,
    lbc_command,
    measure,
    save,
)

SCHOOLS = 100
CHILDREN, TEACHERS, RECORDS = 2_000, 160, 400
GENERATOR_VERSION = 1
TEACHER_AT = CHILD_HEADER.index("帮扶教师")


def _one(k: int, folder: str, listed: bool) -> None:
    from merge import school_name  # bench/merge.py's names
    from openpyxl import Workbook

    name = school_name(k)
    home = Path(folder) / f"{k + 1:03d}-{name}"
    home.mkdir(parents=True, exist_ok=True)
    gen = Generator(1000 + k, CHILDREN, TEACHERS, RECORDS, id_block=k)
    schools = gen.schools()
    teachers = gen.teachers(schools)
    children = gen.children(schools)
    records = gen.records()
    names = Counter(row[0] for row in children)
    supported: dict[str, list[str]] = {}
    for row in children:
        if names[row[0]] == 1:  # a namesake keeps the roster's cell
            supported.setdefault(row[TEACHER_AT], []).append(row[0])
            row[TEACHER_AT] = ""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(CHILD_SHEET)
    ws.append([f"{name}留守儿童花名册（2024年秋季学期）"])
    ws.append(CHILD_HEADER)
    for row in children:
        ws.append(_cells(row))
    ws = wb.create_sheet(RECORD_SHEET)
    ws.append(RECORD_HEADER)
    for row in records:
        ws.append(_cells(row))
    save(wb, home / "花名册.xlsx")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(TEACHER_SHEET)
    ws.append([*TEACHER_HEADER, "帮扶学生姓名"] if listed else TEACHER_HEADER)
    for row in teachers:
        extra = ["、".join(supported.get(row[0], []))] if listed else []
        ws.append(_cells([*row, *extra]))
    save(wb, home / "教师.xlsx")


def ensure_county(schools: int, listed: bool) -> Path:
    folder = DATA / f"teachers-apart-{schools}{'' if listed else '-nolist'}"
    stamp = folder / "generator.json"
    wanted = {"generator": GENERATOR_VERSION, "schools": schools, "listed": listed}
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        print(f"county: {folder.relative_to(HERE.parent)} (reused)")
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    print(f"county: generating {schools} schools into {folder.relative_to(HERE.parent)} …")
    start = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        list(pool.map(_one, range(schools), [str(folder)] * schools, [listed] * schools))
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    print(f"county: written in {time.perf_counter() - start:.0f} s")
    return folder


def compare(a: Path, b: Path) -> int:
    """Whether the merges kept in ``a`` and ``b`` are the same; 0 if so, else 1."""
    same = True
    for name in sorted({p.name for p in a.iterdir()} & {p.name for p in b.iterdir()}):
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(a / name) as x, zipfile.ZipFile(b / name) as y:
                left, right = x.namelist(), y.namelist()
                differ = [n for n in left if n not in right or x.read(n) != y.read(n)]
                differ += [n for n in right if n not in left]
            verdict = "same" if not differ else "DIFFER: " + ", ".join(differ)
            print(f"{name}: {len(left)} entries, {verdict}")
            same = same and not differ
        elif name.endswith(".parquet"):
            import pyarrow.parquet as pq

            x, y = pq.read_table(a / name), pq.read_table(b / name)
            meta = x.schema.metadata == y.schema.metadata
            rows = x.equals(y)
            print(
                f"{name}: {x.num_rows} rows, table {'same' if rows else 'DIFFERS'}, "
                f"metadata {'same' if meta else 'DIFFERS'}"
            )
            same = same and rows and meta
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=SCHOOLS)
    parser.add_argument("--no-list", action="store_true", help="lists without 帮扶学生姓名")
    parser.add_argument("--lbc", help="the lbc console script to run (default: this checkout's)")
    parser.add_argument("--formats", default="xlsx", help="xlsx,parquet")
    parser.add_argument("--keep", type=Path, help="keep the merged files in this folder")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    folder = ensure_county(args.schools, not args.no_list)
    command = [args.lbc] if args.lbc else lbc_command()
    print(f"lbc: {command[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="lbc-bench-", dir=DATA) as tmp:
        workdir = Path(tmp)
        for suffix in args.formats.split(","):
            out = workdir / f"county.{suffix}"
            cmd = [*command, "merge", str(folder), "--out", str(out), "-f", "json"]
            run = measure(cmd, workdir, f"merge-{suffix}")
            if run.exit not in (0, 1):
                print(run.stderr.read_text(encoding="utf-8")[-2000:], file=sys.stderr)
                return 2
            s = json.loads(run.stdout.read_text(encoding="utf-8"))["summary"]
            print(
                f"merge to .{suffix}: peak {run.peak_mb:.0f} MB, {run.seconds:.0f} s "
                f"(load {os.getloadavg()[0]:.1f}), exit {run.exit}: {s['files']} files, "
                f"{s['children']:,} children"
            )
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out, args.keep / out.name)
                shutil.copyfile(run.stderr, args.keep / f"{out.name}.stderr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
