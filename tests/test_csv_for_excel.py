"""CSV is for Excel unless a script asks otherwise: a UTF-8 byte-order mark (Excel on
Chinese Windows reads UTF-8 without one as GBK) and headers in the reader's language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BOM = b"\xef\xbb\xbf"


def lbc_bytes(*args: str, cwd: Path) -> bytes:
    """What the console script writes to stdout, byte for byte (a file it is redirected to)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LBC_")}
    code = "from lbc.cli import main\nmain()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, timeout=120
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def test_csv_on_stdout_starts_with_a_bom_and_chinese_headers(samples: Path) -> None:
    data = lbc_bytes("validate", "roster.xlsx", "--format", "csv", cwd=samples)
    assert data.startswith(BOM + "代码,级别,文件,工作表,行,列,字段,值,儿童,问题\n".encode())
    assert data.count(BOM) == 1


@pytest.mark.parametrize("command", [["flag"], ["pair"], ["columns"], ["rules"]])
def test_scripts_opt_out_with_one_name_everywhere(samples: Path, command: list[str]) -> None:
    data = lbc_bytes(*command, "--format", "csv", "--no-bom", "--json-keys", cwd=samples)
    assert not data.startswith(BOM)
    assert data.split(b"\n")[0].decode().isascii()
    people = lbc_bytes(*command, "--format", "csv", cwd=samples)
    assert people.startswith(BOM)
    assert people.split(b"\n")[1:] == data.split(b"\n")[1:]  # the rows are the same


def test_english_headers(samples: Path) -> None:
    data = lbc_bytes("--lang", "en", "validate", "roster.xlsx", "-f", "csv", cwd=samples)
    assert data.startswith(BOM + b"code,severity,file,sheet,row,column,field,value,child,problem\n")
