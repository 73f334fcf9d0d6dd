"""Benchmark the pre-scan's memory on a roster whose every cell carries its reference.

Excel, WPS and openpyxl write ``r="A100001"`` on every cell; a county roster that Excel
saves again past row 99,999 therefore has a far cell (a row of six digits) in every filled
cell of its last rows, and the pre-scan (``lbc.roster.reading._check_extent``) looks at
each. This bench writes such a roster with openpyxl (inline strings, no ``<dimension>``,
so the sheet is always scanned): ``--children`` rows (150,000) from ``validate.py``'s
generator, about 50,000 of them past row 99,999 at 27 cells each, and then measures, each
in a fresh process reaped with ``os.wait4`` (its own peak RSS and CPU seconds):

* **pre-scan**: ``lbc.roster.reading._check_zip_parts`` on the file alone, the step whose
  memory grew with the far cells;
* **validate**: the ``lbc`` console script, ``validate FILE --format json``.

``--baseline DIR`` runs another checkout's venv (``DIR/.venv/bin``) beside this one, in
the same run, interleaved. The workbook is kept in ``bench/_data/`` and reused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import DATA, generate  # noqa: E402

PRESCAN = (
    "import pathlib, sys; from lbc.roster.reading import _check_zip_parts as scan; "
    "scan(pathlib.Path(sys.argv[1]))"
)

LAUNCHER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
with open(os.devnull, "wb") as null:
    child = subprocess.Popen(sys.argv[1:], stdout=null, stderr=null)
    _, status, usage = os.wait4(child.pid, 0)
print(json.dumps({
    "wall": time.perf_counter() - start,
    "cpu": usage.ru_utime + usage.ru_stime,
    "peak_mb": usage.ru_maxrss / 1024,
    "exit": os.waitstatus_to_exitcode(status),
}))
"""


def measure(cmd: list[str]) -> dict[str, float]:
    """``cmd`` run from an empty folder: ``python -c`` imports the lbc of its own venv, not
    the checkout it was started in."""
    with tempfile.TemporaryDirectory() as empty:
        done = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *cmd],
            capture_output=True,
            text=True,
            check=True,
            cwd=empty,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure(children: int) -> Path:
    path = DATA / f"resaved-{children}c.xlsx"
    if not path.exists():
        print(f"workbook: generating {path.name} …", flush=True)
        start = time.perf_counter()
        generate(path, children, 1_000, 0, inline=True)
        print(f"workbook: written in {time.perf_counter() - start:.1f} s", flush=True)
    else:
        print(f"workbook: {path.name} (reused)")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=150_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="another checkout, run beside this one")
    args = parser.parse_args(argv)
    path = ensure(args.children)
    sides = {"this": Path(sys.executable).parent}
    if args.baseline:
        sides["baseline"] = args.baseline.resolve() / ".venv" / "bin"
    for k in range(args.repeat):
        for name, bin_dir in sides.items():
            for what, cmd in (
                ("pre-scan", [str(bin_dir / "python"), "-c", PRESCAN, str(path)]),
                ("validate", [str(bin_dir / "lbc"), "validate", str(path), "--format", "json"]),
            ):
                r = measure(cmd)
                print(
                    f"run {k + 1} {name:8} {what:8}: wall {r['wall']:6.2f} s  "
                    f"cpu {r['cpu']:6.2f} s  peak {r['peak_mb']:7.1f} MB  exit {r['exit']}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
