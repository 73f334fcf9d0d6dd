"""Benchmark ``lbc merge`` and ``lbc validate`` on a province: 500 schools, 1,000,000 children.

The 500 school workbooks (2,000 children, 160 teachers and 400 records each, every one titled
with its own school's name) are generated once into ``bench/_data/province/`` by
``bench/validate.py``'s generator and reused. The bench then runs, as a user would:

``lbc merge bench/_data/province --out province.xlsx --format json``: every workbook read,
checked as ``lbc validate`` checks it, and rendered in parallel (one process per CPU), then
written as one workbook with each row's school and source row, and IDs found in two schools.
Then the same merge to ``province.parquet`` (issue 15), side by side. ``--schools 550``
(1,100,000 children) passes Excel's row limit: the workbook's children go on in numbered
sheets, and ``--validate`` times ``lbc validate`` on the folder itself (figures only: each
school's file read in a child, the next one read ahead), reading each merged file back
(the Parquet file a school at a time: issue 15's target, under 60 s and 2 GB), and merging
the merged workbook again, as a province merges its counties' (figures only).

Target (issue 5): merged and validated under 60 s on this 2-CPU machine, peak memory under
4 GB (the peak is the merge process's own; its worker processes are reaped by it, and each
holds one school at a time). Exit 0 when the targets hold, 1 when not, 2 when a run fails.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import DATA, generate, lbc_command, measure  # noqa: E402

SCHOOLS = 500
CHILDREN, TEACHERS, RECORDS = 2_000, 160, 400
GENERATOR_VERSION = 3
TIME_TARGET_S, MEMORY_TARGET_MB = 60.0, 4096
# Issue 15: lbc validate on the merged province, one process, the Parquet file (read a
# school at a time) and the workbook (its big sheet parsed a piece of rows at a time).
VALIDATE_S, VALIDATE_MB = 60.0, 2048
COUNTIES = [
    "南部县",
    "营山县",
    "蓬安县",
    "仪陇县",
    "西充县",
    "阆中市",
    "高坪区",
    "顺庆区",
    "嘉陵区",
    "岳池县",
]
TOWNS = [
    "青山",
    "白鹤",
    "大河",
    "石龙",
    "观音",
    "新桥",
    "青龙",
    "梨树",
    "马鞍",
    "双河",
    "金星",
    "红岩",
    "龙泉",
    "桂花",
    "柏垭",
]


def school_name(k: int) -> str:
    return f"{COUNTIES[k % len(COUNTIES)]}{TOWNS[k // len(COUNTIES) % len(TOWNS)]}第{k + 1}小学"


def _one(k: int, folder: str) -> None:
    name = school_name(k)
    path = Path(folder) / f"{k + 1:03d}-{name}.xlsx"
    if not path.exists():
        title = f"{name}留守儿童花名册（2024年秋季学期）"
        # Sequence digits by file (00-99) and a home county by hundred files: an ID appears
        # in two schools only now and then, as in a real province.
        generate(path, CHILDREN, TEACHERS, RECORDS, False, seed=1000 + k, title=title, id_block=k)


def ensure_province(args: argparse.Namespace) -> Path:
    folder = DATA / "province"
    stamp = folder / "generator.json"
    wanted = {"generator": GENERATOR_VERSION, "schools": args.schools}
    if stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        print(f"workbooks: {folder.relative_to(HERE.parent)} (reused)")
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.xlsx"):  # from another generator version: rebuild
        old.unlink()
    print(f"workbooks: generating {args.schools} into {folder.relative_to(HERE.parent)} …")
    start = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        list(pool.map(_one, range(args.schools), [str(folder)] * args.schools))
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    print(f"workbooks: written in {time.perf_counter() - start:.0f} s")
    return folder


def sheet_names(path: Path) -> list[str]:
    """A workbook's sheet names, from its workbook.xml (without loading the sheets)."""
    with zipfile.ZipFile(path) as z:
        return re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=SCHOOLS)
    parser.add_argument(
        "--validate", action="store_true", help="also time lbc validate on the merged roster"
    )
    args = parser.parse_args(argv)
    folder = ensure_province(args)
    compileall.compile_dir(HERE.parent / "lbc", quiet=1)
    size = sum(p.stat().st_size for p in folder.glob("*.xlsx")) / 1e6
    print(f"input: {args.schools} workbooks, {size:.0f} MB, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="lbc-bench-", dir=DATA) as tmp:
        workdir = Path(tmp)
        merged = workdir / "province.xlsx"
        merge_cmd = [*lbc_command(), "merge", str(folder), "--out", str(merged), "-f", "json"]
        print("lbc merge:", flush=True)
        m = measure(merge_cmd, workdir, "merge")
        if m.exit not in (0, 1):
            print(m.stderr.read_text(encoding="utf-8")[-2000:], file=sys.stderr)
            return 2
        print(f"  {m.seconds:.1f} s, peak {m.peak_mb:.0f} MB")
        merge_doc = json.loads(m.stdout.read_text(encoding="utf-8"))
        merged_mb = merged.stat().st_size / 1e6
        print(f"  sheets: {'、'.join(sheet_names(merged))}")
        for line in m.stderr.read_text(encoding="utf-8").splitlines():
            if "编号工作表" in line:
                print(f"  {line}")
        parquet = workdir / "province.parquet"
        print("lbc merge --out province.parquet:", flush=True)
        pq_cmd = [*lbc_command(), "merge", str(folder), "--out", str(parquet), "-f", "json"]
        p = measure(pq_cmd, workdir, "merge-parquet")
        if p.exit not in (0, 1):
            print(p.stderr.read_text(encoding="utf-8")[-2000:], file=sys.stderr)
            return 2
        print(
            f"  {p.seconds:.1f} s, peak {p.peak_mb:.0f} MB, {parquet.stat().st_size / 1e6:.0f} MB"
        )
        validated = {}
        if args.validate:
            for path in (folder, merged, parquet):
                print(f"lbc validate {path.name}:", flush=True)
                cmd = [*lbc_command(), "validate", str(path), "-f", "json"]
                v = measure(cmd, workdir, f"validate-{path.suffix[1:]}")
                if v.exit not in (0, 1):
                    print(v.stderr.read_text(encoding="utf-8")[-2000:], file=sys.stderr)
                    return 2
                validated[path.suffix] = v
                s = json.loads(v.stdout.read_text(encoding="utf-8"))["summary"]
                print(
                    f"  {v.seconds:.1f} s, peak {v.peak_mb:.0f} MB, exit {v.exit}: "
                    f"{s['children']:,} children, {s['teachers']:,} teachers, "
                    f"{s['records']:,} records, {s['errors']:,} errors"
                )
            # A province merging counties' merged workbooks: the merged province read back
            # by merge itself, one file of a million rows (figures only).
            print(f"lbc merge {merged.name} again:", flush=True)
            again = workdir / "again.xlsx"
            cmd = [*lbc_command(), "merge", str(merged), "--out", str(again), "-f", "json"]
            r = measure(cmd, workdir, "merge-again")
            if r.exit not in (0, 1):
                print(r.stderr.read_text(encoding="utf-8")[-2000:], file=sys.stderr)
                return 2
            s = json.loads(r.stdout.read_text(encoding="utf-8"))["summary"]
            print(
                f"  {r.seconds:.1f} s, peak {r.peak_mb:.0f} MB, exit {r.exit}: "
                f"{s['schools']} schools, {s['children']:,} children, {s['errors']:,} errors"
            )
    total, peak = m.seconds, m.peak_mb
    s = merge_doc["summary"]
    print()
    print(
        f"merged: {s['files']} files, {s['schools']} schools, {s['children']:,} children, "
        f"{s['teachers']:,} teachers, {s['records']:,} records; {s['errors']:,} errors, "
        f"{s['warnings']:,} warnings; {s['duplicates']} IDs in two schools, "
        f"{s['failed']} unreadable; workbook {merged_mb:.0f} MB"
    )
    ok_time, ok_mem = total < TIME_TARGET_S, peak < MEMORY_TARGET_MB
    print(
        f"merged and validated: {total:.1f} s (target < {TIME_TARGET_S:.0f} s) "
        f"{'PASS' if ok_time else 'FAIL'}"
    )
    print(
        f"peak memory: {peak:.0f} MB (target < {MEMORY_TARGET_MB} MB) "
        f"{'PASS' if ok_mem else 'FAIL'}"
    )
    ok = ok_time and ok_mem
    for suffix, what in ((".xlsx", "workbook"), (".parquet", "Parquet file")):
        if suffix not in validated:
            continue
        v = validated[suffix]
        ok_v = v.seconds < VALIDATE_S and v.peak_mb < VALIDATE_MB
        print(
            f"validate the merged {what}: {v.seconds:.1f} s, peak {v.peak_mb:.0f} MB "
            f"(target < {VALIDATE_S:.0f} s and < {VALIDATE_MB} MB) {'PASS' if ok_v else 'FAIL'}"
        )
        ok = ok and ok_v
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
