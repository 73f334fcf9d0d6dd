"""lbc as far as this machine can show Windows (tests/as_on_windows.py): no fork, SIGKILL,
SIGHUP, pthread_sigmask or resource. Every command imported lbc.reports.county, whose table
of how a merge's worker ended asked for signal.SIGKILL as the module was read: on Windows
that is an AttributeError, and every command, ``lbc validate`` of one school too, stopped
with 内部错误 before reading a file. Each command here must say what it says natively."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"


def lbc(args: list[str], cwd: Path, windows: bool) -> tuple[int, str, str]:
    """The console script's exit code, stdout and stderr: natively, or as on Windows."""
    front = [str(HERE / "as_on_windows.py")] if windows else ["-m", "lbc"]
    env = {**os.environ, "PYTHONPATH": str(HERE.parent), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, *front, *args], cwd=cwd, env=env, capture_output=True, timeout=300
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "json"],
        ["pair", "--format", "json"],
        ["merge", "大桥镇中心小学", "白鹤乡中心小学", "--format", "json", "--out", "m.xlsx"],
    ],
    ids=["validate", "pair", "merge"],
)
def test_each_command_says_as_on_windows_what_it_says_here(tmp_path: Path, args: list[str]) -> None:
    said = []
    for windows in (False, True):
        folder = tmp_path / ("windows" if windows else "here")
        shutil.copytree(SAMPLES, folder)
        code, out, err = lbc(args, folder, windows)
        assert "内部错误" not in err, err
        said.append((code, json.loads(out), err))
    assert said[1] == said[0]
    assert said[0][0] in (0, 1)
