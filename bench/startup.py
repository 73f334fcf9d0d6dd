"""Benchmark lbc's start-up: ``lbc --version`` against a bare ``python -c pass``, and the
share of start-up in validating a folder of small schools one file at a time.

Scripts run lbc over hundreds of schools' files in a loop (``for f in schools/*.xlsx; do
lbc validate "$f"; done``), so every call pays the interpreter and lbc's imports again.
Whole processes are timed (the ``lbc`` console script next to this interpreter, and the
same interpreter for ``python -c pass``), interleaved run by run so that a busy machine
slows both alike; the median of ``--runs`` (15) counts.

The loop: ``--schools`` (20) small workbooks of 40 children each, generated once into
``bench/_data/small/`` by bench/validate.py's generator. Start-up is a run that imports and
wires everything but reads nothing (``lbc validate`` on a file that does not exist, exit
2); its share is that time over the median ``lbc validate FILE``.

Target (issue 15): ``lbc --version`` within 2x of ``python -c pass``. Exit 0 when it holds,
1 when not. On a shared machine the figures are indicative.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validate import DATA, generate, lbc_command  # noqa: E402

RATIO_TARGET = 2.0
CHILDREN = 40


def wall(cmd: list[str], ok: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr[-500:]!r}")
    return seconds


def interleaved(commands: dict[str, tuple[list[str], tuple[int, ...]]], runs: int) -> dict:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, ok) in commands.items():
            times[name].append(wall(cmd, ok))
    return {name: statistics.median(values) for name, values in times.items()}


def small_schools(count: int) -> list[Path]:
    folder = DATA / "small"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"{k + 1:03d}.xlsx"
        if not path.exists():
            generate(path, CHILDREN, 200, 10, False, seed=k, title=f"第{k + 1}小学留守儿童花名册")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--schools", type=int, default=20)
    args = parser.parse_args(argv)
    # Bytecode written first, as an install leaves it: where PYTHONDONTWRITEBYTECODE is set,
    # a module edited since its last compile would be compiled again on every run.
    compileall.compile_dir(HERE.parent / "lbc", quiet=1)
    lbc = lbc_command()
    first = interleaved(
        {
            "python -c pass": ([sys.executable, "-c", "pass"], (0,)),
            "lbc --version": ([*lbc, "--version"], (0,)),
        },
        args.runs,
    )
    bare, version = first["python -c pass"], first["lbc --version"]
    ratio = version / bare
    print(f"python -c pass: {bare * 1000:.0f} ms (median of {args.runs})")
    print(f"lbc --version:  {version * 1000:.0f} ms, {ratio:.2f}x (target < {RATIO_TARGET}x)")

    files = small_schools(args.schools)
    missing = DATA / "small" / "missing.xlsx"
    loop = interleaved(
        {"startup": ([*lbc, "validate", str(missing)], (2,))}
        | {f"validate {p.name}": ([*lbc, "validate", str(p)], (0, 1)) for p in files},
        max(3, args.runs // 5),
    )
    startup = loop.pop("startup")
    per_file = statistics.median(loop.values())
    print(
        f"lbc validate over {len(files)} files of {CHILDREN} children: "
        f"{per_file * 1000:.0f} ms a file, of which start-up {startup * 1000:.0f} ms "
        f"({startup / per_file:.0%}); {per_file * 500:.0f} s for 500 schools"
    )
    print("figures are indicative: the machine is shared")
    return 0 if ratio < RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
