"""lbc as far as this machine can show Windows (tests/as_on_windows.py): no fork, SIGKILL,
SIGHUP, pthread_sigmask or resource. Every command imported lbc.reports.county, whose table
of how a merge's worker ended asked for signal.SIGKILL as the module was read: on Windows
that is an AttributeError, and every command, ``lbc validate`` of one school too, stopped
with 内部错误 before reading a file. Each command here must say what it says natively."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run

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
        ["export", ".", "--out", "e.parquet"],
        ["flag", "--format", "json"],
        ["summary", "--term", "2024-autumn", "--format", "json"],
        ["due", "--term", "2024-autumn", "--as-of", "2024-11-01", "--format", "json"],
        ["watch", "--as-of", "2024-11-01", "--format", "json"],
        ["diff", "上学期", ".", "--format", "json"],
    ],
    ids=["validate", "pair", "merge", "export", "flag", "summary", "due", "watch", "diff"],
)
def test_each_command_says_as_on_windows_what_it_says_here(tmp_path: Path, args: list[str]) -> None:
    said = []
    for windows in (False, True):
        folder = tmp_path / ("windows" if windows else "here")
        shutil.copytree(SAMPLES, folder)
        code, out, err = lbc(args, folder, windows)
        assert "内部错误" not in err, err
        said.append((code, json.loads(out) if out else None, err))
    assert said[1] == said[0]
    assert said[0][0] in (0, 1)
    if "--out" in args:
        out = args[args.index("--out") + 1]
        assert (tmp_path / "windows" / out).stat().st_size > 0


@pytest.mark.parametrize("code_page", ["gbk", "cp1252"])
def test_output_is_utf8_on_any_code_page(tmp_path: Path, code_page: str) -> None:
    """Redirected on Windows, stdout and stderr write the ANSI code page (936 on a Chinese
    system): ``lbc flag --format csv > 名单.csv`` stopped with 内部错误 on the CSV's
    byte-order mark, which GBK cannot write, and the JSON came out in GBK, not the UTF-8
    the contract says. Every stream is UTF-8 now, byte for byte as under UTF-8."""
    shutil.copytree(SAMPLES, tmp_path / "s")
    for args in (["flag", "--format", "csv"], ["flag", "--format", "json"], ["validate"]):
        said = []
        for encoding in ("utf-8", code_page):
            env = {**os.environ, "PYTHONPATH": str(HERE.parent), "PYTHONIOENCODING": encoding}
            done = subprocess.run(
                [sys.executable, "-m", "lbc", *args],
                cwd=tmp_path / "s",
                env=env,
                capture_output=True,
                timeout=300,
            )
            said.append((done.returncode, done.stdout, done.stderr))
        assert said[1] == said[0], args
        assert said[0][0] == 1
    assert said[0][1].decode().splitlines()[-1] == (
        "共检查 58 名儿童、30 名教师、150 条帮扶记录：13 个错误，1 个警告"
    )


def test_a_workbook_open_in_excel_is_said_to_be_so(
    samples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file open in Excel or WPS (the school's pairs workbook,
    kept open while pairing again): lbc said 没有权限, which sent people to ask for rights
    they have. It now says the file may be open. Windows's refusal is made here by the one
    call that meets it, as no file can be held open so on this machine."""
    run("pair", "--save", cwd=samples)
    book = samples / "结对名单.xlsx"
    before = book.read_bytes()

    def refused(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(os, "replace", refused)
    result = run("pair", "--save", cwd=samples)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "lbc: 错误：无法写入 结对名单.xlsx："
        "原有的文件不让替换，可能正在 Excel 或 WPS 中打开，请关闭后再试"
    )
    assert book.read_bytes() == before
    assert sorted(p.name for p in samples.iterdir() if p.name.startswith(".")) == []
