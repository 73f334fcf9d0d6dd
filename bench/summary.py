"""Benchmark ``lbc summary`` on a county: 100,000 children and 300,000 support records.

The workbook comes from ``bench/validate.py``'s generator with ``--records 300000`` (8,000
teachers, 50 schools, records spread over the autumn 2024 term), generated once into
``bench/_data/`` and reused. Against the issue's target, the summary must render in under
2x the bare python-calamine read of the same workbook, in one run of the ``lbc`` console
script. It prints the bare read, ``lbc summary --term 2024-autumn`` for each format
(md, the default, is the target's figure; json, html and docx for reference), their
ratios and peak memory, each the best of ``--repeat`` runs.

Run ``python bench/summary.py`` with the project's interpreter. Exit 0 when the target
holds, 1 when it does not, 2 when a run fails.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import (  # noqa: E402  (bench scripts are not a package)
    BARE_READ,
    N_CHILDREN,
    N_TEACHERS,
    best_of,
    ensure_workbook,
    lbc_command,
)

N_RECORDS = 300_000
RATIO_TARGET = 2.0
FORMATS = ("md", "json", "html", "docx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regenerate", action="store_true", help="rebuild the workbook")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best counts")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated")
    args = parser.parse_args(argv)
    args.children, args.teachers, args.records = N_CHILDREN, N_TEACHERS, N_RECORDS
    args.inline_strings = False

    path, _ = ensure_workbook(args)
    compileall.compile_dir(HERE.parent / "lbc", quiet=1)
    print(f"workbook: {path.stat().st_size / 1e6:.1f} MB, {os.cpu_count()} CPUs")
    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="lbc-bench-") as tmp:
        workdir = Path(tmp)
        print("bare read (python-calamine, every sheet):", flush=True)
        bare = best_of(
            [sys.executable, "-c", BARE_READ, str(path)], args.repeat, workdir, "bare", (0,)
        )
        for fmt in args.formats.split(","):
            cmd = [*lbc_command(), "summary", str(path), "--term", "2024-autumn", "--format", fmt]
            if fmt == "docx":
                cmd += ["--out", str(workdir / "summary.docx")]
            print(f"lbc summary --format {fmt}:", flush=True)
            runs = best_of(cmd, args.repeat, workdir, fmt, (0,))
            results[fmt] = (min(r.seconds for r in runs), max(r.peak_mb for r in runs))
    bare_s = min(r.seconds for r in bare)
    print()
    print(f"bare calamine read      {bare_s:7.2f} s")
    for fmt, (seconds, peak) in results.items():
        print(
            f"summary --format {fmt:<6} {seconds:7.2f} s  {seconds / bare_s:5.2f}x  "
            f"peak {peak:5.0f} MB"
        )
    main_fmt = "md" if "md" in results else next(iter(results))
    ratio = results[main_fmt][0] / bare_s
    ok = ratio < RATIO_TARGET
    print(
        f"target: --format {main_fmt} under {RATIO_TARGET}x the bare read: {ratio:.2f}x "
        f"{'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
