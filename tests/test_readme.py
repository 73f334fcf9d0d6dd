"""Every example in the README and in the Chinese guide (使用说明.md) runs when pasted: in
a copy of samples/, through bash, with this environment's lbc on PATH. Exit 1 is a
documented answer (problems found); exit 2 (could not run) or a shell error means the
documentation tells people something that fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LBC = Path(sys.executable).parent / "lbc"


def sh_blocks(name: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", (ROOT / name).read_text(encoding="utf-8"), re.S)


def examples() -> list[str]:
    """The lines of the README's block of sample commands after it puts the set-up line's
    .venv on the PATH (as ``failures`` does) and enters ``samples``, in order."""
    block = next(b for b in sh_blocks("README.md") if "\ncd samples\n" in b)
    lines = block.splitlines()
    assert lines[0].startswith(". .venv/bin/activate ")
    return [line for line in lines[lines.index("cd samples") + 1 :] if line.strip()]


def guide_examples() -> list[str]:
    """Every line of the guide's shell blocks, in order, but the set-up block (the one
    that creates the virtual environment and ends in ``cd samples``)."""
    blocks = [b for b in sh_blocks("使用说明.md") if "python3 -m venv" not in b]
    return [line for b in blocks for line in b.splitlines() if line.strip()]


def failures(lines: list[str], tmp_path: Path) -> list[str]:
    """The lines that could not run, with their exit status and error, run one after the
    other in one copy of samples/ (a later example may read what an earlier one wrote)."""
    assert LBC.exists(), "install lbc first (the README's set-up line does)"
    work = tmp_path / "samples"
    shutil.copytree(ROOT / "samples", work)
    env = {**os.environ, "PATH": f"{LBC.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env = {k: v for k, v in env.items() if not k.startswith("LBC_")}
    failed = []
    for line in lines:
        done = subprocess.run(
            ["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=120
        )
        if done.returncode not in (0, 1):
            failed.append(f"{line}: exit {done.returncode}: {done.stderr.strip()}")
    return failed


def test_every_readme_example_runs_when_pasted(tmp_path: Path) -> None:
    lines = examples()
    assert len(lines) >= 15
    assert failures(lines, tmp_path) == []


def test_the_guide_is_linked_first_right_after_the_set_up_lines() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after_set_up = readme.split("```", 2)[2]
    assert after_set_up.lstrip("\n").startswith("**中文使用说明：[使用说明.md](使用说明.md)**")


def test_every_guide_example_runs_when_pasted(tmp_path: Path) -> None:
    lines = guide_examples()
    commands = ("init", "validate", "columns", "flag", "pair", "record-sheets", "due", "cards")
    for command in (*commands, "summary", "diff"):
        assert any(line.startswith(f"lbc {command}") for line in lines), command
    assert any(line.startswith("lbc merge") for line in lines)
    assert any(line.startswith("lbc pair --out") for line in lines)
    assert any(line.startswith("lbc pair --save") for line in lines)
    assert failures(lines, tmp_path) == []


def test_every_readme_python_example_runs_when_pasted(tmp_path: Path) -> None:
    """The README's Python blocks, run in a copy of samples/ by this environment's Python."""
    work = tmp_path / "samples"
    shutil.copytree(ROOT / "samples", work)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks
    env = {k: v for k, v in os.environ.items() if not k.startswith("LBC_")}
    for block in blocks:
        done = subprocess.run(
            [sys.executable, "-c", block], cwd=work, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout
