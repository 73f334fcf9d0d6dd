"""Usage mistakes and interruptions end in the contract's one line, never an internal error.

Where the console script itself is what is tested (raw arguments, Ctrl-C while modules
load, a closed pipe), lbc runs in a child interpreter through ``lbc.cli.main``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run

REPO = Path(__file__).resolve().parent.parent


def console(
    *args: str | os.PathLike[str],
    cwd: Path,
    before: str = "",
    stdout: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``lbc.cli.main`` in a child, after the Python in ``before`` (to inject a fault),
    with ``env`` added to an environment free of LBC_ settings."""
    code = f"{before}\nfrom lbc.cli import main\nmain()"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("LBC_")}, **(env or {})}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("command", [["summary", "--term", "2024-autumn"], ["cards"]])
def test_out_naming_a_folder_is_refused(samples, command):
    result = run(*command, "--out", samples / "上学期", cwd=samples)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：--out 要写文件名，{samples / '上学期'} 是文件夹\n",
    )
    result = run(*command, "--out", ".", cwd=samples)
    assert (result.exit_code, result.stderr) == (2, "lbc: 错误：--out 要写文件名，. 是文件夹\n")


@pytest.mark.parametrize(
    ("args", "n"), [(["validate", ""], 2), (["summary", "--term", "2024-autumn", "--out", ""], 5)]
)
def test_an_empty_argument_is_refused_not_read_as_this_folder(samples, args, n):
    result = console(*args, cwd=samples)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"lbc: 错误：第 {n} 个参数是空的：文件路径和选项的值都不能为空（lbc -h 查看用法）\n"
    )


def test_a_term_beyond_the_calendar_is_a_usage_error(samples):
    result = run("summary", "--term", "9999-autumn", cwd=samples)
    assert (result.exit_code, result.stderr) == (
        2,
        "lbc: 错误：学期“9999-autumn”的年份 9999 不在 2000—2099 之间，请检查是否写错\n",
    )


def test_a_file_name_too_long_is_said_in_chinese(samples):
    name = "a" * 300 + ".xlsx"
    result = run("validate", name, cwd=samples)
    assert (result.exit_code, result.stderr) == (2, f"lbc: 错误：无法打开 {name}：文件名太长\n")
    out = "b" * 300 + ".md"
    result = run("summary", "--term", "2024-autumn", "--out", out, cwd=samples)
    assert (result.exit_code, result.stderr) == (2, f"lbc: 错误：无法写入 {out}：文件名太长\n")


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_closed_pipe_ends_quietly(samples, fmt):
    """``lbc … | head -c 0``: the reader is gone before lbc writes a byte."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = console("validate", "--format", fmt, cwd=samples, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_lbc_alone_shows_the_help_and_says_to_name_a_command(tmp_path):
    result = console(cwd=tmp_path)
    assert result.returncode == 2
    assert "用法：lbc [选项] 命令 [参数]..." in result.stdout
    assert result.stderr == (
        "lbc: 错误：请指定一个命令，如 lbc validate 花名册.xlsx（lbc -h 查看用法）\n"
    )


INTERRUPT_READING = """
import lbc.commands.common as common
def interrupted(*args, **kwargs):
    raise KeyboardInterrupt
common.read_roster = interrupted
"""

INTERRUPT_STARTING = """
import lbc.cli
def interrupted(*args, **kwargs):
    raise KeyboardInterrupt
lbc.cli._lift_global_options = interrupted
"""

# Ctrl-C while typer reads the command line, outside the command's handler: typer's own
# exit 130, which says nothing.
INTERRUPT_PARSING = """
import typer._click.core
def interrupted(*args, **kwargs):
    raise KeyboardInterrupt
typer._click.core.Command.parse_args = interrupted
"""
# Where nothing supervises the command (no fork), the command says the line itself: once,
# though the console script asks again for the 130 it gets back.
UNSUPERVISED = "from lbc.roster import supervised\nsupervised.CAN_FORK = False\n"


@pytest.mark.parametrize(
    "before",
    [
        INTERRUPT_READING,
        INTERRUPT_STARTING,
        INTERRUPT_PARSING,
        UNSUPERVISED + INTERRUPT_READING,
        UNSUPERVISED + INTERRUPT_PARSING,
    ],
)
def test_ctrl_c_says_interrupted(samples, before):
    result = console("validate", cwd=samples, before=before)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "lbc: 错误：已中断\n")


def test_ctrl_c_in_process_says_interrupted(samples, monkeypatch):
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("lbc.commands.common.read_roster", interrupted)
    result = run("pair", cwd=samples)
    assert (result.exit_code, result.stderr) == (130, "lbc: 错误：已中断\n")


def test_pair_error_is_the_only_line(samples):
    """The sample roster makes pair note a duplicate ID; a failure after it stands alone."""
    ok = run("pair", cwd=samples)
    assert "按同一名儿童结对" in ok.stderr
    out = samples / "nosuch" / "pairs.xlsx"
    result = run("pair", "--out", out, cwd=samples)
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：无法写入 {out}：文件或文件夹不存在\n",
    )


@pytest.mark.parametrize(
    "toml",
    ['[school]\nname = "青山小学"\n', "[quotas]\ntalks_per_month = 2\n"],
    ids=["name", "quotas"],
)
def test_an_lbc_toml_naming_no_roster_is_said_so(tmp_path, toml):
    """In a school's folder whose lbc.toml gives its name or its quotas alone, a command
    given no file said there was no lbc.toml here or above, and to run lbc init, which
    refuses to overwrite it. It now says that lbc.toml names no roster, and how to name
    one; from a subfolder (上学期/), the lbc.toml above it."""
    (tmp_path / "lbc.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "上学期").mkdir()
    for cwd, path in ((tmp_path, "lbc.toml"), (tmp_path / "上学期", "../lbc.toml")):
        result = run("validate", cwd=cwd)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"lbc: 错误：没有指定花名册文件，{path} 也没有在 [files] 中写明花名册。"
            "请写出花名册文件或文件夹的路径（如“.”，当前文件夹），"
            f'或在 {path} 的 [files] 中写明，如 roster = ["花名册.xlsx"]。\n',
        )
    result = run("--lang", "en", "summary", "--term", "2024-autumn", cwd=tmp_path)
    assert result.stderr == (
        "lbc: error: no roster file given, and lbc.toml names no roster under [files]; name a"
        ' file or folder (such as ".", this folder), or name it under [files] in lbc.toml,'
        ' such as roster = ["花名册.xlsx"].\n'
    )
