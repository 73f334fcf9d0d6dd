"""A file that crashes the reader is one line, never a crash: the command runs in a child
that a small parent watches, and merge reads each school in a child of its own.

The crafted workbook here has a cell at CV100000, which the pre-scan lets through (10
million cells) and which python-calamine lays out in some 320 MB: under a 256 MB ceiling
(CEILING) it aborts the reading process, as the memory ceiling's test shows, so the others
test something real. (A far cell spelled ``<c r = "XFD1048576">`` aborted calamine at
2 GB; the pre-scan now sees it.) The command's own
supervision is tested through the console script in a fresh interpreter (lbc_in_child):
it is set up by ``lbc.cli.main``, and a read that aborts would take pytest down.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_bad_input import lbc_in_child

from conftest import CHILD_HEADER, Result, child_row, run, write_xlsx
from lbc.errors import LbcError
from lbc.roster import process_memory, reading, supervised
from lbc.roster.tables import SheetReader

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import fuzz

FAR = b'<row r="1048576"><c r = "XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
# A cell the pre-scan lets through (10 million cells), which calamine lays out in 320 MB.
WIDE = b'<row r="100000"><c r="CV100000" t="inlineStr"><is><t>x</t></is></c></row>'
CEILING = {"LBC_MAX_MEMORY": "256M"}


def good(path: Path) -> Path:
    return write_xlsx(path, {"花名册": [CHILD_HEADER, child_row(1), child_row(2)]})


def far(path: Path, cell: bytes = FAR) -> Path:
    """A roster with one far ``cell`` added (by default in a spelling the pre-scan misses)."""
    source = good(path.with_name("source-" + path.name))
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", cell + b"</sheetData>")
            zout.writestr(info, data)
    source.unlink()
    return path


def crashed(path: Path, how: str, limit: str) -> str:
    return (
        f"lbc: 错误：{path} 读取时崩溃或内存超限（{how}，内存上限 {limit}），未能读取："
        "文件可能已损坏或是特制的，请用 Excel 打开后另存再试"
        "（上限可用 LBC_MAX_MEMORY 调整，如 4G）\n"
    )


def outcome(result: Result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


GOOD_OUT = "没有发现问题。\n共检查 2 名儿童、0 名教师、0 条帮扶记录：0 个错误，0 个警告\n"


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
    """lbc_in_child caps the interpreter at 2 GB: the command's ceiling is that."""
    path = far(tmp_path / "花名册.xlsx", WIDE)
    good_file = good(tmp_path / "好.xlsx")
    assert outcome(lbc_in_child("validate", good_file)) == (0, GOOD_OUT, "")
    aborted = lbc_in_child("validate", path, env=CEILING)
    assert outcome(aborted) == (2, "", crashed(path, "SIGABRT", "256 MB"))


def test_the_memory_ceiling_ends_a_read_too_big_for_it(tmp_path: Path) -> None:
    path = far(tmp_path / "花名册.xlsx", WIDE)
    small = {"LBC_MAX_MEMORY": "256M"}
    assert outcome(lbc_in_child("validate", path, env=small)) == (
        2,
        "",
        crashed(path, "SIGABRT", "256 MB"),
    )
    roomy = lbc_in_child("validate", path, env={"LBC_MAX_MEMORY": "1.5G"})
    assert outcome(roomy) == (0, GOOD_OUT, "")


def test_a_ceiling_below_the_floor_is_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LBC_MAX_MEMORY", "20M")
    assert supervised.memory_ceiling() == 256 << 20


def test_a_bad_memory_ceiling(tmp_path: Path) -> None:
    result = lbc_in_child(
        "validate", good(tmp_path / "花名册.xlsx"), env={"LBC_MAX_MEMORY": "lots"}
    )
    assert outcome(result) == (
        2,
        "",
        "lbc: 错误：LBC_MAX_MEMORY 的值“lots”看不懂：请写成 2G、512M 这样的大小\n",
    )


def test_a_command_that_dies_outside_a_read(tmp_path: Path) -> None:
    """A crash anywhere else is one line too, with the signal."""
    die = (
        "import os, signal, lbc.cli\n"
        "lbc.cli.catch_termination = lambda: os.kill(os.getpid(), signal.SIGSEGV)"
    )
    result = lbc_in_child("validate", good(tmp_path / "好.xlsx"), prelude=die)
    assert outcome(result) == (
        2,
        "",
        "lbc: 错误：lbc 意外停止（SIGSEGV），未能完成：请把所运行的命令和所用的文件反馈给维护者\n",
    )


def test_a_read_that_stalls_is_stopped(tmp_path: Path) -> None:
    stall = (
        "import time\nfrom lbc.roster import reading, supervised\n"
        "supervised.READ_SECONDS = 0.5\n"
        "reading._open_workbook = lambda path: time.sleep(60)"
    )
    path = good(tmp_path / "花名册.xlsx")
    started = time.monotonic()
    result = lbc_in_child("validate", path, prelude=stall)
    assert time.monotonic() - started < 10
    assert outcome(result) == (
        2,
        "",
        f"lbc: 错误：{path} 读取超过 0 秒仍未完成，已停止："
        "文件可能已损坏或是特制的，请用 Excel 打开后另存再试\n",
    )


def signal_mid_read(tmp_path: Path, signum: int, prelude: str = "") -> tuple[int, str, str]:
    """Validate a roster whose read stalls, through the console entry point with ``prelude``
    run first; send ``signum`` to the command once the read has begun, and give how it
    ended (exit code, stdout, stderr)."""
    started = tmp_path / "reading"
    code = (
        f"import time\nfrom lbc.roster import reading\n{prelude}\n"
        f"reading._open_workbook = lambda path: (open({str(started)!r}, 'w'), time.sleep(60))\n"
        "from lbc.cli import main; main()"
    )
    path = good(tmp_path / "花名册.xlsx")
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "validate", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    deadline = time.monotonic() + 30
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signum)
    try:
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    return proc.returncode, out, err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_the_parent_mid_read_ends_the_command(tmp_path: Path, signum: int) -> None:
    """The parent passes it on; the child says its line, though the read had silenced
    descriptor 2, and both leave with 128 + the signal."""
    assert signal_mid_read(tmp_path, signum) == (128 + signum, "", "lbc: 错误：已中断\n")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_before_the_parent_is_ready_still_reaches_the_command(
    tmp_path: Path, signum: int
) -> None:
    """On a busy machine the command's child can reach its read before the parent has set
    up passing signals on: the signal waits until it has, and does not end the parent
    alone while the child reads on (the parent is held back here for a second)."""
    held_back = (
        "from lbc.roster import supervised\nwait = supervised._wait\n"
        "supervised._wait = lambda *args: (time.sleep(1), wait(*args))"
    )
    ended = signal_mid_read(tmp_path, signum, held_back)
    assert ended == (128 + signum, "", "lbc: 错误：已中断\n")


def long_read(path: Path) -> Path:
    """A roster of 400,000 rows that calamine takes several seconds to parse (more on a
    busy machine), in one call that no Python signal handler can interrupt. Its bytes are
    made once per session (deflating its sheet takes seconds) and written afresh to
    ``path``, each test's own file."""
    path.write_bytes(_long_read_bytes())
    return path


@functools.cache
def _long_read_bytes() -> bytes:
    row = "<row>" + "".join(f'<c t="inlineStr"><is><t>x{i}</t></is></c>' for i in range(10))
    with tempfile.TemporaryDirectory() as folder:
        return far(Path(folder) / "roster.xlsx", (row + "</row>").encode() * 400_000).read_bytes()


def command_reading(proc: subprocess.Popen[str]) -> int:
    """The pid of the command's child once it is inside calamine: a read points its
    descriptor 2 at the null device (supervised.reading)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        with contextlib.suppress(OSError):
            if children and os.readlink(f"/proc/{children[0]}/fd/2") == os.devnull:
                return int(children[0])
        time.sleep(0.01)
    raise AssertionError("the read did not begin")


on_linux = pytest.mark.skipif(
    not supervised.CAN_FORK
    or not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="needs fork, and /proc to see the read begin",
)


@on_linux
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_command_inside_a_long_read(tmp_path: Path, signum: int) -> None:
    """calamine's parse of a big sheet is one call, in which the command's handler cannot
    run: the parent kills the command after a short grace, says the line and leaves with
    128 + the signal, within a bound well under the parse (itself several seconds); the
    command's child is gone with it, and the folder holds only the roster."""
    path = long_read(tmp_path / "花名册.xlsx")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from lbc.cli import main; main()", "validate", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        child = command_reading(proc)
        time.sleep(0.2)
        sent = time.monotonic()
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        proc.kill()
    assert (proc.returncode, out, err) == (128 + signum, "", "lbc: 错误：已中断\n")
    assert took < 3, took
    assert not Path(f"/proc/{child}").exists()
    assert os.listdir(tmp_path) == [path.name]


@on_linux
def test_a_signal_inside_a_long_write_leaves_no_temporary(tmp_path: Path) -> None:
    """An output's last step made one long call, as a province's file flushed to a slow
    disk is: the command's handler cannot run to remove its temporary, so the parent that
    kills it removes it; nothing is left in the output's folder."""
    flushing = tmp_path / "flushing"
    slow_flush = (
        "import hashlib, os\n"
        f"os.fsync = lambda fd: (open({str(flushing)!r}, 'w').close(), "
        "hashlib.pbkdf2_hmac('sha256', b'', b'', 10**9))"
    )
    roster = good(tmp_path / "花名册.xlsx")
    folder = tmp_path / "导出"
    folder.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", slow_flush + "\nfrom lbc.cli import main; main()",
         "export", str(roster), "--out", str(folder / "名册.csv")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not flushing.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(os.listdir(folder)) == 1  # the temporary, being written
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - sent
    finally:
        proc.kill()
    assert (proc.returncode, out, err) == (143, "", "lbc: 错误：已中断\n")
    assert took < 3, took
    assert os.listdir(folder) == []


NO_FORK = "from lbc.roster import supervised\nsupervised.CAN_FORK = False"
# Windows: no fork, and no RLIMIT_AS for a child to cap itself with.
LIKE_WINDOWS = NO_FORK + "\nsupervised.resource = None"


def test_without_fork_each_read_runs_in_a_spawned_child(tmp_path: Path) -> None:
    """Where there is no fork (Windows) nothing watches the whole command, so a single
    file's read runs in a spawned child: the crafted file is one line naming it, exit 2."""
    assert outcome(lbc_in_child("validate", good(tmp_path / "好.xlsx"), prelude=NO_FORK)) == (
        0,
        GOOD_OUT,
        "",
    )
    path = far(tmp_path / "花名册.xlsx", WIDE)
    assert outcome(lbc_in_child("validate", path, prelude=NO_FORK, env=CEILING)) == (
        2,
        "",
        crashed(path, "SIGABRT", "256 MB"),
    )


def test_without_a_memory_limit_the_parent_watches_the_reading_child(tmp_path: Path) -> None:
    """Without ``resource`` (Windows) the spawned child cannot cap itself: its parent looks at
    the memory it holds and kills it past the ceiling. The tiny .ods grows by hundreds of MB
    a second; were the watch broken, the 2 GB cap on the test's interpreter would abort it
    (SIGABRT), not the watch (内存不足, 300 MB). Its 19 million cells are within what the
    pre-scan lets through (MAX_CELLS), and some 600 MB as calamine lays them out."""
    path = tiny_ods(tmp_path / "花名册.ods", rows=19_000)
    started = time.monotonic()
    result = lbc_in_child("validate", path, prelude=LIKE_WINDOWS, env={"LBC_MAX_MEMORY": "300M"})
    assert time.monotonic() - started < 30
    assert outcome(result) == (2, "", crashed(path, "内存不足", "300 MB"))
    assert outcome(lbc_in_child("validate", good(tmp_path / "好.xlsx"), prelude=LIKE_WINDOWS)) == (
        0,
        GOOD_OUT,
        "",
    )


def test_the_memory_a_process_holds_is_read_without_psutil() -> None:
    rss = process_memory.memory_in_use(os.getpid())
    with open("/proc/self/status") as fh:
        status = dict(line.split(":", 1) for line in fh)
    assert rss is not None
    assert abs(rss - int(status["VmRSS"].split()[0]) * 1024) < 4 << 20  # read a moment apart
    assert process_memory.address_space() >= rss
    pages = os.sysconf("SC_PHYS_PAGES")
    assert process_memory.physical_memory() == os.sysconf("SC_PAGE_SIZE") * pages
    assert process_memory.memory_in_use(2**22 + 12345) is None  # no such process


# Run in a process of its own: what they change is that process's allocator.
FREED_HEAP = """
import os, sys
from lbc.roster import process_memory as pm
def mb(): return pm.memory_in_use(os.getpid()) >> 20
x = bytearray(4 << 20); del x  # a large block freed: glibc raises its threshold to its size
big, kept = [], []
for _ in range(100):  # 200 MB of large blocks, each with a small one kept after it
    big.append(bytearray(2 << 20))
    kept.append(bytearray(4000))
del big
held = mb()
if sys.argv[1] == "give back":
    pm.give_back_freed()
print(held, mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
@pytest.mark.parametrize(
    ("how", "held", "after"),
    [("as glibc does", True, True), ("give back", True, False)],
)
def test_a_read_in_pieces_gives_back_the_heap_it_freed(how: str, held: bool, after: bool) -> None:
    """Reading a sheet in pieces frees large blocks among the rows it keeps: by default
    glibc keeps them in the process (200 MB here); lbc gives back what is freed after
    the sheet (give_back_freed)."""
    done = subprocess.run(
        [sys.executable, "-c", FREED_HEAP, how], capture_output=True, text=True, check=True
    )
    before, then = map(int, done.stdout.split())
    assert (before > 150, then > 150) == (held, after), done.stdout


def test_spawned_reading_child_where_there_is_no_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(supervised, "CAN_FORK", False)
    monkeypatch.setattr(reading, "ISOLATE_READS", True)
    assert outcome(run("validate", good(tmp_path / "好.xlsx"))) == (0, GOOD_OUT, "")
    path = far(tmp_path / "花名册.xlsx", WIDE)
    monkeypatch.setenv("LBC_MAX_MEMORY", "256M")
    result = run("validate", path)
    assert (result.exit_code, result.stderr) == (2, crashed(path, "SIGABRT", "256 MB"))


def allocate(send: Callable[[object], None]) -> None:
    send(len(bytearray(400 << 20)))


def test_the_memory_ceiling_ends_the_reading_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LBC_MAX_MEMORY", "1M")
    with pytest.raises(LbcError) as caught:
        list(supervised.supervised(Path("花名册.xlsx"), allocate))
    assert str(caught.value) + "\n" == crashed(
        Path("花名册.xlsx"), "内存不足", "256 MB"
    ).removeprefix("lbc: 错误：")


def test_a_reading_child_that_stalls_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stall(send: object, path: Path, chunk: int, in_pieces: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(supervised, "READ_SECONDS", 0.5)
    monkeypatch.setattr(reading, "ISOLATE_READS", True)
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


def crashing_county(tmp_path: Path) -> tuple[Path, Path]:
    """A county's folder of two good schools' files and one whose far cell kills its reader
    under the CEILING, and that file."""
    county = tmp_path / "县"
    county.mkdir()
    for n in (1, 2):
        good(county / f"00{n}-学校.xlsx")
    return county, far(county / "003-学校.xlsx", WIDE)


def test_merge_goes_on_without_the_school_whose_reader_crashed(tmp_path: Path) -> None:
    county, bad = crashing_county(tmp_path)
    out = tmp_path / "县名册.xlsx"
    result = lbc_in_child("merge", county, "--out", out, "--format", "json", env=CEILING)
    assert result.exit_code == 1, result.stderr
    assert out.exists()
    reason = crashed(bad, "SIGABRT", "256 MB").removeprefix("lbc: 错误：").rstrip("\n")
    assert f"提示：未合并 {bad}：{reason}" in result.stderr.splitlines()
    # Both schools' rows merged (the two list the same two children: 2 ID numbers).
    summary = json.loads(result.stdout)["summary"]
    assert (summary["rows"], summary["children"]) == (4, 2)


def who_reads(log: Path) -> str:
    """A prelude: each read host begun (``host`` and its pid) and each read's child (``read``
    and its parent's pid) says so in ``log``, a line each."""
    return (
        "import os\n"
        "from lbc.roster import supervised\n"
        "serve, host_loop = supervised._serve, supervised._host_loop\n"
        "def note(what):\n"
        f"    with open({str(log)!r}, 'a') as f:\n"
        "        f.write(what + '\\n')\n"
        "def hosting(*args):\n"
        "    note(f'host {os.getpid()}')\n"
        "    return host_loop(*args)\n"
        "def serving(*args):\n"
        "    note(f'read {os.getppid()}')\n"
        "    return serve(*args)\n"
        "supervised._serve, supervised._host_loop = serving, hosting\n"
    )


@pytest.mark.skipif(not supervised.CAN_FORK, reason="a read host needs fork")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge reads in workers on two CPUs")
def test_merge_workers_read_through_a_small_host(tmp_path: Path) -> None:
    """Each merge worker forks a small host as it starts, and each read's child is the
    host's, not the worker's (which grows with every school it reads and renders, and each
    fork of it cost a copy of its page tables): a file that kills its reader there is still
    the one line naming it, and the other schools are merged."""
    county, bad = crashing_county(tmp_path)
    out = tmp_path / "县名册.xlsx"
    log = tmp_path / "who.txt"
    args = ("merge", county, "--out", out, "--format", "json")
    result = lbc_in_child(*args, env=CEILING, prelude=who_reads(log))
    assert result.exit_code == 1, result.stderr
    reason = crashed(bad, "SIGABRT", "256 MB").removeprefix("lbc: 错误：").rstrip("\n")
    assert f"提示：未合并 {bad}：{reason}" in result.stderr.splitlines()
    summary = json.loads(result.stdout)["summary"]
    assert (summary["rows"], summary["children"], summary["failed"]) == (4, 2, 1)
    said = [line.split() for line in log.read_text().splitlines()]
    hosts = {int(pid) for what, pid in said if what == "host"}
    parents = [int(pid) for what, pid in said if what == "read"]
    assert len(hosts) == min(os.cpu_count() or 1, 3)  # one a worker
    # Each file read once (a pairs workbook is told first by its sheets' names alone),
    # every read by a host.
    assert len(parents) == 3 and set(parents) <= hosts


def gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie nobody reaped yet has)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    return False


def merge_whose_worker_dies(tmp_path: Path, signame: str, step: str = "read_part") -> Result:
    """Merge four schools, a worker sending itself ``signame`` as it begins ``step`` (its
    function in lbc.reports.county: read_part, or is_pairs_book, which is not a read) on
    the third school's file. Afterwards: no output and no temporary, no worker or read
    host left."""
    county = tmp_path / "县"
    county.mkdir()
    for n in (1, 2, 3, 4):
        good(county / f"00{n}-学校.xlsx")
    log = tmp_path / "who.txt"
    dies = (
        "import signal\n"
        "from lbc.reports import county\n"
        f"step = county.{step}\n"
        "def dying(path, *args):\n"
        "    note(f'worker {os.getpid()}')\n"
        "    if path.name == '003-学校.xlsx':\n"
        f"        os.kill(os.getpid(), signal.{signame})\n"
        "    return step(path, *args)\n"
        f"county.{step} = dying\n"
    )
    out = tmp_path / "县名册.xlsx"
    args = ("merge", county, "--out", out, "--format", "json")
    result = lbc_in_child(*args, prelude=who_reads(log) + dies)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["who.txt", "县"]
    assert sorted(p.name for p in county.iterdir()) == [f"00{n}-学校.xlsx" for n in (1, 2, 3, 4)]
    said = [line.split() for line in log.read_text().splitlines()]
    pids = {int(pid) for what, pid in said if what in ("worker", "host")}
    # The dying worker and a host at least: on a loaded machine one worker may take the
    # first three schools before the other starts on any, and says nothing then.
    assert len(pids) >= 2
    waited = time.monotonic() + 5
    while not all(map(gone, pids)) and time.monotonic() < waited:
        time.sleep(0.05)
    assert [pid for pid in pids if not gone(pid)] == []
    return result


@pytest.mark.skipif(not supervised.CAN_FORK, reason="the workers take the prelude by fork")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge reads in workers on two CPUs")
def test_a_merge_whose_worker_is_killed_stops_naming_its_file(tmp_path: Path) -> None:
    """A merge worker killed from outside (the system's out-of-memory killer, kill -9) ended
    the merge with an internal error (BrokenProcessPool, in English). concurrent.futures
    stops every worker then, so the merge stops: one line naming the file the killed
    worker was reading, exit 2, no output and no temporary, no worker or read host left.
    Here a worker kills itself as it begins the third school's file."""
    result = merge_whose_worker_dies(tmp_path, "SIGKILL")
    bad = tmp_path / "县" / "003-学校.xlsx"
    assert outcome(result) == (
        2,
        "",
        f"lbc: 错误：合并读取 {bad} 时，读取它的进程被结束（SIGKILL），多半是电脑内存不足："
        "合并已停止，没有写出任何文件。请关闭其他程序后再试，或把文件分成几批合并\n",
    )


@pytest.mark.skipif(not supervised.CAN_FORK, reason="the workers take the prelude by fork")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge reads in workers on two CPUs")
def test_a_merge_whose_worker_is_sent_sigterm_names_its_file_not_memory(tmp_path: Path) -> None:
    """A merge worker ended by SIGTERM from outside (``kill``, a task manager) ends as the
    workers concurrent.futures stops then do: the merge said only that one of its
    processes was killed, most likely for want of memory. Now it names the file that
    worker was reading and says someone or some program stopped it, not memory."""
    result = merge_whose_worker_dies(tmp_path, "SIGTERM")
    bad = tmp_path / "县" / "003-学校.xlsx"
    assert outcome(result) == (
        2,
        "",
        f"lbc: 错误：合并读取 {bad} 时，读取它的进程被系统结束（SIGTERM），"
        "多半是有人或别的程序停止了它：合并已停止，没有写出任何文件。需要合并时请再运行一次\n",
    )


@pytest.mark.skipif(not supervised.CAN_FORK, reason="the workers take the prelude by fork")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge reads in workers on two CPUs")
def test_a_merge_worker_sent_sigterm_outside_a_read_is_said_stopped(tmp_path: Path) -> None:
    """A merge worker ended by SIGTERM while it reads no school's rows (it looks whether a
    file is a pairs workbook) names no file, and is not said to have run out of memory."""
    result = merge_whose_worker_dies(tmp_path, "SIGTERM", step="is_pairs_book")
    assert outcome(result) == (
        2,
        "",
        "lbc: 错误：合并用的一个进程被系统结束（SIGTERM），多半是有人或别的程序停止了它："
        "合并已停止，没有写出任何文件。需要合并时请再运行一次\n",
    )


@pytest.mark.skipif(not supervised.CAN_FORK, reason="the workers take the prelude by fork")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge reads in workers on two CPUs")
def test_a_merge_worker_that_crashes_is_not_said_out_of_memory(tmp_path: Path) -> None:
    """A merge worker ending by a signal other than SIGKILL (the out-of-memory killer's)
    was said most likely to have run out of memory: it ended unexpectedly, the line says."""
    result = merge_whose_worker_dies(tmp_path, "SIGSEGV")
    bad = tmp_path / "县" / "003-学校.xlsx"
    assert outcome(result) == (
        2,
        "",
        f"lbc: 错误：合并读取 {bad} 时，读取它的进程意外结束（SIGSEGV）：合并已停止，"
        "没有写出任何文件。请再运行一次；若仍如此，请把所运行的命令和所用的文件反馈给维护者\n",
    )


def test_without_fork_a_merge_worker_spawns_each_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no fork (Windows) a merge worker begins no read host: each read is
    a child it spawns itself."""
    monkeypatch.setattr(supervised, "CAN_FORK", False)
    monkeypatch.setattr(reading, "ISOLATE_READS", False)
    reading.each_read_in_a_child()
    assert reading.ISOLATE_READS
    assert supervised._host[0] is None


def test_fuzzed_workbooks_end_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bounded, seeded share of bench/fuzz.py: every mutant ends 0, 1 or 2, no traceback.
    Each read runs in a child of its own, as in merge, so a mutant that aborts the reader
    is a failed case here, not the end of pytest."""
    monkeypatch.setenv("LBC_MAX_MEMORY", "1G")
    monkeypatch.setattr(reading, "ISOLATE_READS", True)
    mutants = fuzz.cases(seed=11, count=32)
    assert {Path(name).suffix for name, _ in mutants} == {".xls", ".xlsb", ".ods", ".xlsx"}
    for name, data in mutants:
        path = tmp_path / name
        path.write_bytes(data)
        result = run("validate", path)
        assert fuzz.verdict(result.exit_code, result.stdout + result.stderr) is None, name


@pytest.mark.parametrize(
    "cell",
    [
        b'<row r="1048576"><c r="XFD1048576"><v xml:space="preserve">1</v></c></row>',
        b'<row r="1048576"><c r="XFD1048576"><!-- a note --><v>1</v></c></row>',
        b'<row r="1048576"><c r="XFD1048576"><?pi x?><v>1</v></c></row>',
        b'<row r="1048576"><c r="XFD1048576" t="str"><v><![CDATA[x]]></v></c></row>',
        b'<row r="1048576"><c\tr="XFD1048576"\nt="inlineStr"><is><t>x</t></is></c></row>',
    ],
    ids=["preserve", "comment", "instruction", "cdata", "whitespace"],
)
def test_far_cells_in_any_spelling_end_in_one_line(tmp_path: Path, cell: bytes) -> None:
    """Whichever guard catches it (the pre-scan's refusal, or the supervisor when the reader
    aborts), a far cell spelled any way the issue found is one line naming the file, exit 2."""
    path = far(tmp_path / "花名册.xlsx", cell)
    code, out, err = outcome(lbc_in_child("validate", path))
    assert (code, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith(f"lbc: 错误：{path} ")


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="花名册">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p>'
    "</table:table-cell></table:table-row>"
    '<table:table-row table:number-rows-repeated="90000"><table:table-cell'
    ' table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
    "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
    "</office:document-content>"
)

ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def tiny_ods(path: Path, rows: int = 90_000, hidden: bool = False) -> Path:
    """An .ods of a header and ``rows`` rows of 1,000 cells, all one repeated value,
    hidden by hand where ``hidden``."""
    shown = f'number-rows-repeated="{rows}"'
    shown += ' table:visibility="collapse"' if hidden else ""
    content = ODS_CONTENT.replace('number-rows-repeated="90000"', shown)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def test_a_tiny_ods_of_repeated_rows_is_refused_before_it_is_laid_out(tmp_path: Path) -> None:
    """A kilobyte or so that asks for 90 million cells (just under calamine's own cap of
    100 million): without a ceiling the read took 12 GB and 40 s; the ceiling stopped it
    with SIGABRT, and now the pre-scan of content.xml refuses it, one line, exit 2."""
    path = tiny_ods(tmp_path / "花名册.ods")
    assert path.stat().st_size < 1500
    assert outcome(lbc_in_child("validate", path)) == (
        2,
        "",
        f"lbc: 错误：{path} 的工作表“花名册”中重复的行或列铺开后有 90001 行 × 1000 列，"
        "超出花名册可能的范围，已拒绝读取：文件可能已损坏或是特制的\n",
    )


def test_a_tiny_ods_of_repeated_hidden_rows_is_refused_before_they_are_listed(
    tmp_path: Path,
) -> None:
    """The same kilobyte, its repeated row hidden by hand and repeated a billion times:
    the pre-scan listed each hidden row before it measured the sheet, and ran out of
    memory (a crash with advice to raise the ceiling) where it should refuse the file."""
    path = tiny_ods(tmp_path / "花名册.ods", rows=1_000_000_000, hidden=True)
    assert outcome(lbc_in_child("validate", path)) == (
        2,
        "",
        f"lbc: 错误：{path} 的工作表“花名册”中重复的行或列铺开后有 1000000001 行 × 1000 列，"
        "超出花名册可能的范围，已拒绝读取：文件可能已损坏或是特制的\n",
    )


def test_a_folder_run_reports_the_files_it_could_not_read_and_goes_on(tmp_path: Path) -> None:
    """Many schools' files in one `lbc validate`: a file whose reader aborts, and one that is
    simply corrupt, are each one note naming it; the good schools are checked; exit 1. In
    JSON each appears among the files with its error."""
    folder = tmp_path / "各校"
    folder.mkdir()
    good(folder / "1.xlsx")
    bad = far(folder / "2.xlsx", WIDE)
    broken = folder / "3.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    code, out, err = outcome(lbc_in_child("validate", folder, "--format", "json", env=CEILING))
    assert code == 1, err
    assert err.splitlines() == [
        "提示：未读入（其余文件照常检查，退出码为 1）：" + crashed(bad, "SIGABRT", "256 MB")[8:-1],
        f"提示：未读入（其余文件照常检查，退出码为 1）：{broken} 已损坏或不是真正的 Excel 文件"
        "（文件不完整，可能在下载或复制时中断：请重新获取原文件）",
    ]
    files = json.loads(out)["files"]
    assert [f["file"] for f in files] == [str(folder / n) for n in ("1.xlsx", "2.xlsx", "3.xlsx")]
    assert "error" not in files[0] and files[1]["error"].startswith(f"{bad} 读取时崩溃")
    assert json.loads(out)["summary"]["children"] == 2


def test_a_folder_where_no_file_can_be_read_cannot_run(tmp_path: Path) -> None:
    folder = tmp_path / "各校"
    folder.mkdir()
    bad = far(folder / "1.xlsx", WIDE)
    far(folder / "2.xlsx", WIDE)
    aborted = lbc_in_child("validate", folder, env=CEILING)
    assert outcome(aborted) == (2, "", crashed(bad, "SIGABRT", "256 MB"))


READS_HERE = [0]  # reads this process has served


def read_as_told(send: Callable[[object], None], how: str) -> None:
    """A reading child's target: says whose child it is (or, ``pid``, which process it
    is), or stalls, or aborts (``fragile``: once it has read before)."""
    READS_HERE[0] += 1
    if how == "stall":
        time.sleep(60)
    elif how.startswith("slow"):  # says when it began (the clock is the machine's)
        began = time.monotonic()
        time.sleep(1)
        send(began)
        return
    elif how == "abort" or (how == "fragile" and READS_HERE[0] > 1):
        os.abort()
    send(os.getpid() if how in ("pid", "fragile") else os.getppid())


def test_a_folder_runs_reads_in_children_of_a_small_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """Within read_host each read is a child of the host, not of this process (which a
    county's rows make costly to fork); a read that stalls is stopped, one that aborts is
    named, and the reads after them go on; a host killed from outside leaves this process
    to fork the reads itself."""
    monkeypatch.setattr(supervised, "READ_SECONDS", 0.5)
    path = Path("花名册.xlsx")
    assert list(supervised.supervised(path, read_as_told, "say")) == [os.getpid()]
    with supervised.read_host(read_as_told):
        host = supervised._host[0]
        assert host is not None
        assert list(supervised.supervised(path, read_as_told, "say")) == [host.pid]
        with pytest.raises(LbcError, match="读取超过 0 秒仍未完成"):
            list(supervised.supervised(path, read_as_told, "stall"))
        with pytest.raises(LbcError) as caught:
            list(supervised.supervised(path, read_as_told, "abort"))
        assert str(caught.value) + "\n" == crashed(path, "SIGABRT", "2.0 GB")[8:]
        assert list(supervised.supervised(path, read_as_told, "say")) == [host.pid]
        os.kill(host.pid, signal.SIGKILL)
        os.waitpid(host.pid, 0)
        assert list(supervised.supervised(path, read_as_told, "say")) == [os.getpid()]
    assert supervised._host[0] is None


def test_without_fork_a_folder_is_read_by_one_spawned_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where there is no fork (Windows) a spawn re-imports lbc, so a folder's files are read
    by one spawned reader, one after another. A read that ends a reader that had read before
    is read again in a fresh one (what the earlier files left may be what failed it); one
    that ends a fresh reader is named; a stall is stopped; each time the next read goes on."""
    monkeypatch.setattr(supervised, "CAN_FORK", False)
    monkeypatch.setattr(supervised, "READ_SECONDS", 10.0)
    path = Path("花名册.xlsx")
    with supervised.read_host(read_as_told):
        [first] = supervised.supervised(path, read_as_told, "pid")
        assert first != os.getpid()
        assert list(supervised.supervised(path, read_as_told, "pid")) == [first]
        [fresh] = supervised.supervised(path, read_as_told, "fragile")
        assert fresh not in (first, os.getpid())
        with pytest.raises(LbcError) as caught:
            list(supervised.supervised(path, read_as_told, "abort"))
        assert str(caught.value) + "\n" == crashed(path, "SIGABRT", "2.0 GB")[8:]
        with pytest.raises(LbcError, match="读取超过 10 秒仍未完成"):
            list(supervised.supervised(path, read_as_told, "stall"))
        [last] = supervised.supervised(path, read_as_told, "pid")
        assert last not in (first, fresh, os.getpid())
    assert supervised._host[0] is None


def test_a_folders_next_file_is_read_while_this_one_is_taken_in() -> None:
    """Within read_host, once a read is asked for, the next of the reads to come is begun
    in a child of its own: the second read began before it was asked for; a read begun for
    a file then not read is stopped."""
    path = Path("花名册.xlsx")
    upcoming = [("slow 1",), ("slow 2",), ("slow 3",)]
    with supervised.read_host(read_as_told, upcoming):
        host = supervised._host[0]
        assert isinstance(host, supervised._Host)
        asked = time.monotonic()
        [began] = supervised.supervised(path, read_as_told, "slow 1")
        assert began >= asked
        asked = time.monotonic()
        [began] = supervised.supervised(path, read_as_told, "slow 2")
        assert began < asked
        ahead = host._ahead
        assert ahead is not None and ahead[0] == ("slow 3",)
    assert ahead[1].exitcode == -signal.SIGKILL


def test_a_table_made_in_a_reading_child_comes_back_with_its_cells_once(tmp_path: Path) -> None:
    """A table made in the reading child crosses the pipe with its cells once, not again as
    the cells its columns are normalised from: back here they are one, and a column first
    asked for here is normalised from them."""
    path = good(tmp_path / "花名册.xlsx")
    [read] = supervised.supervised(path, reading._checked_book, path, None, SheetReader(path))
    table = read.table
    assert table.values._raw is table.raw
    assert "name" not in dict.keys(table.values)  # not asked for in the child
    assert table.values["name"] == [child_row(n)[CHILD_HEADER.index("姓名")] for n in (1, 2)]


def test_a_sheet_sent_in_pieces_keeps_excel_rows_and_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file's reading child sends its sheets a few rows at a time, taking the rows
    from calamine one by one; a roster that starts at C3 is read with the same cells, and
    a bad cell is still named where Excel shows it."""
    lead = [None, None]
    rows = [[], [], [*lead, *CHILD_HEADER]]
    rows += [[*lead, *child_row(n)] for n in (1, 2)]
    rows += [[*lead, *child_row(3, **{"父亲电话": "1381234"})], [*lead, *child_row(4)]]
    path = write_xlsx(tmp_path / "花名册.xlsx", {"花名册": rows})
    whole = run("validate", path, "--format", "json")
    monkeypatch.setattr(reading, "ISOLATE_READS", True)
    monkeypatch.setattr(reading, "AHEAD_BYTES", 0)  # every file comes back in pieces
    monkeypatch.setattr(reading, "CHUNK_ROWS", 2)
    pieces = run("validate", path, "--format", "json")
    assert pieces.stdout == whole.stdout
    (finding,) = json.loads(pieces.stdout)["findings"]
    assert (finding["code"], finding["row"], finding["column"]) == ("PHN001", 6, "L")
