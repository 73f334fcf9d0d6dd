"""Byte-mutate the real-world workbooks and run ``lbc validate`` on each mutant.

Every outcome must be a clean exit (0, 1 or 2) with no traceback: a mutant that makes the
reader panic, abort or exhaust memory is one line and exit 2. The test suite runs a few
dozen seeded cases (tests/test_supervised.py); run more here, e.g.
``python bench/fuzz.py --cases 2000``. Failing mutants are kept in ``bench/_data/fuzz``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "real-world"
SUFFIXES = (".xls", ".xlsb", ".ods", ".xlsx")


def mutant(rng: random.Random, source: Path) -> bytes:
    """``source`` with 1-8 bytes changed at random places."""
    data = bytearray(source.read_bytes())
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def cases(seed: int, count: int) -> list[tuple[str, bytes]]:
    """``count`` mutants as (name, bytes), the same for the same seed, the formats taken
    in turn so that a few dozen cases cover each (the corpus is mostly .xlsx)."""
    rng = random.Random(seed)
    sources = {s: sorted(p for p in CORPUS.iterdir() if p.suffix == s) for s in SUFFIXES}
    out = []
    for n in range(count):
        source = rng.choice(sources[SUFFIXES[n % len(SUFFIXES)]])
        out.append((f"{n:05d}-{source.name}", mutant(rng, source)))
    return out


def verdict(exit_code: int, output: str) -> str | None:
    """Why an outcome breaks the contract, or None when it keeps it."""
    if exit_code not in (0, 1, 2):
        return f"exit {exit_code}"
    if "Traceback" in output or "内部错误" in output:
        return output.strip().splitlines()[-1]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keep = ROOT / "bench" / "_data" / "fuzz"
    work = keep / "current"
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LBC_MAX_MEMORY": "1G", "NO_COLOR": "1"}
    bad = 0
    for name, data in cases(args.seed, args.cases):
        path = work / name
        path.write_bytes(data)
        proc = subprocess.run(
            [sys.executable, "-m", "lbc", "validate", str(path)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=120,
        )
        why = verdict(proc.returncode, proc.stdout + proc.stderr)
        if why:
            bad += 1
            shutil.copy(path, keep / name)
            print(f"{name}: {why}")
        path.unlink()
    print(f"{args.cases} cases, {bad} broke the contract")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
