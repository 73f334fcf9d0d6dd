"""Every example in the README runs when pasted: in a copy of samples/, through bash, with
this environment's lbc on PATH. Exit 1 is a documented answer (problems found); exit 2
(could not run) or a shell error means the README tells people something that fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LBC = Path(sys.executable).parent / "lbc"


def examples() -> list[str]:
    """The lines of the README's shell block that starts with ``cd samples``, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    block = next(b for b in blocks if b.startswith("cd samples"))
    return [line for line in block.splitlines()[1:] if line.strip()]


def test_every_readme_example_runs_when_pasted(tmp_path: Path) -> None:
    assert LBC.exists(), "install lbc first (the README's set-up line does)"
    work = tmp_path / "samples"
    shutil.copytree(ROOT / "samples", work)
    env = {**os.environ, "PATH": f"{LBC.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env = {k: v for k, v in env.items() if not k.startswith("LBC_")}
    lines = examples()
    assert len(lines) >= 15
    failed = []
    for line in lines:
        done = subprocess.run(
            ["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        if done.returncode not in (0, 1):
            failed.append(f"{line}: exit {done.returncode}: {done.stderr.strip()}")
    assert failed == []
