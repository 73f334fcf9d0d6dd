"""Reading in a supervised child: a file that crashes the reader is one line, never a crash.

The crafted workbook here has a far cell spelled ``<c r = "XFD1048576">``, which the
pre-scan does not see and which makes python-calamine abort the process asking for 512 GB;
the first test checks it still does, so the others test something real.
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CHILD_HEADER, child_row, run, write_xlsx
from lbc.errors import LbcError
from lbc.roster import reading, supervised

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import fuzz

FAR = b'<row r="1048576"><c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def good(path: Path) -> Path:
    return write_xlsx(path, {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})


def far(path: Path) -> Path:
    """A roster with one far cell in a spelling the pre-scan misses."""
    source = good(path.with_name("source-" + path.name))
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", FAR + b"</sheetData>")
            zout.writestr(info, data)
    source.unlink()
    return path


def crashed(path: Path, how: str, limit: str) -> str:
    return (
        f"lbc: 错误：{path} 读取时崩溃或内存超限（{how}，内存上限 {limit}），未能读取："
        "文件可能已损坏或是特制的，请用 Excel 打开后另存再试"
        "（上限可用 LBC_MAX_MEMORY 调整，如 4G）\n"
    )


@pytest.fixture(autouse=True)
def two_gigabytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LBC_MAX_MEMORY", "2G")


def test_the_crafted_file_aborts_a_bare_read(tmp_path: Path) -> None:
    path = far(tmp_path / "花名册.xlsx")
    code = (
        "import resource, python_calamine as c\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        f"b = c.CalamineWorkbook.from_path({str(path)!r})\n"
        "b.get_sheet_by_name(b.sheet_names[0])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode == -6, proc.stderr[-300:]
    assert b"memory allocation of" in proc.stderr


def test_a_reader_that_aborts_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = far(tmp_path / "花名册.xlsx")
    result = run("validate", path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == crashed(path, "SIGABRT", "2.0 GB")


def test_spawned_child_where_there_is_no_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(supervised, "CAN_FORK", False)
    result = run("validate", good(tmp_path / "好.xlsx"))
    assert result.exit_code == 0, result.stderr
    path = far(tmp_path / "花名册.xlsx")
    result = run("validate", path)
    assert (result.exit_code, result.stderr) == (2, crashed(path, "SIGABRT", "2.0 GB"))


def allocate(send: Callable[[object], None]) -> None:
    send(len(bytearray(200 << 20)))


def test_the_memory_ceiling_ends_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LBC_MAX_MEMORY", "1M")
    with pytest.raises(LbcError) as caught:
        list(supervised.supervised(Path("花名册.xlsx"), allocate))
    assert str(caught.value) + "\n" == crashed(
        Path("花名册.xlsx"), "MemoryError", "0.0 GB"
    ).removeprefix("lbc: 错误：")


def test_no_memory_ceiling_without_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no ``resource``: the child then runs uncapped (the 1M asked is not applied)."""
    monkeypatch.setenv("LBC_MAX_MEMORY", "1M")
    monkeypatch.setattr(supervised, "resource", None)
    assert list(supervised.supervised(Path("花名册.xlsx"), allocate)) == [200 << 20]


def test_a_bad_memory_ceiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LBC_MAX_MEMORY", "lots")
    result = run("validate", good(tmp_path / "花名册.xlsx"))
    assert result.exit_code == 2
    assert (
        result.stderr == "lbc: 错误：LBC_MAX_MEMORY 的值“lots”看不懂：请写成 2G、512M 这样的大小\n"
    )


def test_a_reader_that_stalls_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stall(send: object, path: Path) -> None:
        time.sleep(60)

    monkeypatch.setattr(supervised, "READ_SECONDS", 0.5)
    monkeypatch.setattr(reading, "_stream_book", stall)
    path = good(tmp_path / "花名册.xlsx")
    started = time.monotonic()
    result = run("validate", path)
    assert time.monotonic() - started < 10
    assert (result.exit_code, result.stderr) == (
        2,
        f"lbc: 错误：{path} 读取超过 0 秒仍未完成，已停止："
        "文件可能已损坏或是特制的，请用 Excel 打开后另存再试\n",
    )


def test_merge_goes_on_without_the_school_whose_reader_crashed(tmp_path: Path) -> None:
    county = tmp_path / "县"
    county.mkdir()
    for n in (1, 2):
        good(county / f"00{n}-学校.xlsx")
    bad = far(county / "003-学校.xlsx")
    out = tmp_path / "县名册.xlsx"
    result = run("merge", county, "--out", out, "--format", "json")
    assert result.exit_code == 1, result.stderr
    assert out.exists()
    reason = crashed(bad, "SIGABRT", "2.0 GB").removeprefix("lbc: 错误：").rstrip("\n")
    assert f"提示：未合并 {bad}：{reason}" in result.stderr.splitlines()
    assert '"children": 4' in result.stdout


def test_fuzzed_workbooks_end_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bounded, seeded share of bench/fuzz.py: every mutant ends 0, 1 or 2, no traceback."""
    monkeypatch.setenv("LBC_MAX_MEMORY", "1G")
    for name, data in fuzz.cases(seed=11, count=30):
        path = tmp_path / name
        path.write_bytes(data)
        result = run("validate", path)
        assert fuzz.verdict(result.exit_code, result.stdout + result.stderr) is None, name
