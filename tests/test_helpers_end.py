"""The processes lbc starts for pieces of a command end with it, however it ends: merge's
workers and their reading children, pair's forked half of the schools, the command under
its supervising parent. Else each runs its piece to the end for nobody, using a core and
holding the command's stdout and stderr open, so that a script reading them waits on.

Each test runs the real console script on a county whose helpers are busy for seconds (a
big workbook's read, or a solve made one long call), collects the pids of the command's
tree from /proc while it runs, ends it, and checks that none of them is left once it has
exited (a zombie is gone: it holds no pipe and uses no core).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_supervised import long_read, on_linux

from conftest import CHILD_HEADER, TEACHER_HEADER, child_row, make_id

pytestmark = on_linux

INTERRUPTED = "lbc: 错误：已中断\n"
# How long processes killed with the command may take to be gone once it has exited: the
# kernel tears a big process down in a moment, a loaded machine stretches that.
GONE_SECONDS = 0.5


def children(pid: int) -> list[int]:
    """The pids of ``pid``'s children, from /proc, in the order they were started; none
    for a process that has left meanwhile (its /proc entry gone as it is listed)."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").glob("*"))
    except OSError:
        return found
    for task in tasks:
        with contextlib.suppress(OSError):
            found += map(int, (task / "children").read_text().split())
    return found


def descendants(pid: int) -> list[int]:
    """The pids below ``pid``, each before its own children."""
    return [p for child in children(pid) for p in (child, *descendants(child))]


def running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not exited (a zombie has)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def ended_midway(
    cwd: Path,
    args: list[str],
    ready: Callable[[int], bool],
    send: Callable[[int], None],
    prelude: str = "",
    then: float = 0.3,
) -> tuple[int, str, str, list[int]]:
    """Run the console script on ``args`` in ``cwd`` (``prelude`` first), its stdout and
    stderr piped; once ``ready(command)`` holds of the supervised command's pid, and
    ``then`` seconds more, ``send(pid)`` to lbc: its exit code, stdout and stderr, and the
    pids seen below it still running GONE_SECONDS after it has exited. Whatever happens,
    nothing it started is left running after the test."""
    proc = subprocess.Popen(
        [sys.executable, "-c", prelude + "\nfrom lbc.cli import main; main()", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    seen: list[int] = []

    def look() -> None:
        seen.extend(pid for pid in descendants(proc.pid) if pid not in seen)

    try:
        deadline = time.monotonic() + 60
        while not (seen and ready(seen[0])):
            assert proc.poll() is None and time.monotonic() < deadline, "never ready"
            time.sleep(0.01)
            look()
        until = time.monotonic() + then
        while time.monotonic() < until:
            look()
            time.sleep(0.01)
        send(proc.pid)
        exited_by = time.monotonic() + 15
        while proc.poll() is None:  # what it starts meanwhile counts too
            assert time.monotonic() < exited_by, "lbc did not exit"
            look()
            time.sleep(0.01)
        gone_by = time.monotonic() + GONE_SECONDS
        while any(map(running, seen)) and time.monotonic() < gone_by:
            time.sleep(0.01)
        left = [pid for pid in seen if running(pid)]
    finally:  # so that the pipes close, and the test does not wait on
        proc.kill()
        for pid in filter(running, seen):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err, left


def term(pid: int) -> None:
    os.kill(pid, signal.SIGTERM)


def ctrl_c(pid: int) -> None:
    """What the terminal does: SIGINT to every process of lbc's group."""
    os.killpg(pid, signal.SIGINT)


def merge_county(tmp_path: Path, schools: int = 6) -> Path:
    """各校/s<n>/roster.xlsx: each a roster whose read takes calamine seconds."""
    root = tmp_path / "各校"
    for n in range(schools):
        (root / f"s{n}").mkdir(parents=True)
        long_read(root / f"s{n}" / "roster.xlsx")
        (root / f"s{n}" / "lbc.toml").write_text(f'[school]\nname = "学校{n}"\n', "utf-8")
    return root


def reading(command: int) -> bool:
    """Whether merge's workers have begun reading, each file in a child of its own, forked
    by the worker's read host."""
    return any(children(host) for worker in children(command) for host in children(worker))


# Where the kernel cannot be asked to kill a child with its parent (macOS): a thread of
# the child looks for its parent instead, as a test here on Linux.
NO_PDEATHSIG = (
    "from lbc.roster import parent_death\nparent_death._killed_with_parent = lambda: False"
)


@pytest.mark.parametrize("prelude", ["", NO_PDEATHSIG], ids=["prctl", "looked-for"])
def test_a_merge_ended_by_sigterm_leaves_no_reading_child(tmp_path: Path, prelude: str) -> None:
    """The command stops its workers on SIGTERM; each worker's reading child (its read
    host's), parsing a school's file, read on, and then waited for ever to hand its rows
    to the worker gone, holding the command's stdout and stderr: a script reading them
    never got its end."""
    root = merge_county(tmp_path)
    code, out, err, left = ended_midway(
        tmp_path, ["merge", str(root), "--out", "县.xlsx"], reading, term, prelude
    )
    assert (code, out, err, left) == (143, "", INTERRUPTED, [])
    assert sorted(os.listdir(tmp_path)) == ["各校"]


def test_a_merge_whose_lbc_is_killed_leaves_nothing_running(tmp_path: Path) -> None:
    """``kill -9`` of lbc: the command, its workers, their read hosts and the hosts'
    reading children all end with it, none reading on for nobody."""
    root = merge_county(tmp_path)
    code, out, _, left = ended_midway(
        tmp_path,
        ["merge", str(root), "--out", "县.xlsx"],
        reading,
        lambda pid: os.kill(pid, signal.SIGKILL),
    )
    assert (code, out, left) == (-signal.SIGKILL, "", [])


def test_a_merge_ended_by_ctrl_c_ends_at_once(tmp_path: Path) -> None:
    """Ctrl-C reaches the command and its workers: the command, leaving, waited for the
    workers to read every school still queued, for as long as the whole merge would have
    taken. Now it has a second, like SIGTERM: 130, the one line, nothing left behind."""
    root = merge_county(tmp_path)
    code, out, err, left = ended_midway(
        tmp_path, ["merge", str(root), "--out", "县.xlsx"], reading, ctrl_c
    )
    assert (code, out, err, left) == (130, "", INTERRUPTED, [])
    assert sorted(os.listdir(tmp_path)) == ["各校"]


def pair_county(tmp_path: Path, sizes: list[int]) -> Path:
    """A county's children and teachers as two CSV files with a 学校 column, ``sizes``
    the children of each school (thirty to a teacher). Its folder, holding nothing else."""
    folder = tmp_path / "县"
    folder.mkdir()
    with (
        open(folder / "花名册.csv", "w", newline="", encoding="utf-8") as kids,
        open(folder / "教师.csv", "w", newline="", encoding="utf-8") as staff,
    ):
        roster, teachers = csv.writer(kids), csv.writer(staff)
        roster.writerow(["学校", *CHILD_HEADER])
        teachers.writerow(["学校", *TEACHER_HEADER, "可帮扶人数"])
        n = 0
        for s, size in enumerate(sizes):
            for i in range(size):
                n += 1
                birth = dt.date(2010, 1, 1) + dt.timedelta(days=n % 3650)
                row = child_row(1, name=f"张{n}", birth=birth, cls=f"{i % 6 + 1}年级(1)班")
                row[CHILD_HEADER.index("身份证号")] = make_id(birth, n // 3650 * 2 + 101)
                roster.writerow([f"第{s}小学", *row])
            for j in range(size // 30 + 1):
                cls = f"{j % 6 + 1}年级(1)班"
                teacher = [f"王{s}-{j}", "女", f"138{s:04d}{j:04d}", "科任教师", cls, "语文"]
                teachers.writerow([f"第{s}小学", *teacher, "否", "是", 30])
    return folder


# Two schools: the command solves one, its forked half the other (long_solve).
COUNTY = [30, 30]


PAIR = ["pair", "花名册.csv", "教师.csv"]


def long_solve(begun: Path) -> str:
    """A prelude: every school's solve is one long call, as OR-Tools solving a province's
    one big school is, where no handler of a signal can run until it returns: the command's
    own half of the schools and its forked half alike, so that both are still solving
    however long the command takes to be ended; ``begun`` is made as the command's half
    begins. The county's second school is forked as a big county's half is
    (background.WORTH_FORKING), its few children sparing the test the read of a big one.
    lbc kills the command a fifth of a second after SIGTERM, not a second."""
    return (
        "import hashlib\n"
        "from lbc.pairing import solver\n"
        "from lbc.roster import background, supervised\n"
        "supervised.GRACE_SECONDS = 0.2\n"
        "background.WORTH_FORKING = 1\n"
        "match = solver.match\n"
        "def solve_long(*args):\n"
        "    if background._LIVE:  # the command, its half of the schools solved in a child\n"
        f"        open({str(begun)!r}, 'w').close()\n"
        "    hashlib.pbkdf2_hmac('sha256', b'', b'', 10**9)\n"
        "    return match(*args)\n"
        "solver.match = solve_long\n"
    )


def solving(begun: Path) -> Callable[[int], bool]:
    """Whether the command has begun its long solve, its forked half's child running."""
    return lambda command: begun.exists() and bool(children(command))


@pytest.mark.parametrize(("end", "code"), [(term, 143), (ctrl_c, 130)])
def test_pair_killed_inside_a_long_call_leaves_no_half_solving(
    tmp_path: Path, end: Callable[[int], None], code: int
) -> None:
    """The command, inside a long call, cannot run its handler of SIGTERM or Ctrl-C: its
    parent kills it a moment later (Ctrl-C waited for the call to return). The forked
    half of the schools solved on, for nobody."""
    folder = pair_county(tmp_path, COUNTY)
    begun = tmp_path / "begun"
    ended = ended_midway(folder, PAIR, solving(begun), end, long_solve(begun), then=0.1)
    assert ended == (code, "", INTERRUPTED, [])
    assert sorted(os.listdir(folder)) == ["教师.csv", "花名册.csv"]


def test_pair_whose_lbc_is_killed_leaves_nothing_running(tmp_path: Path) -> None:
    """``kill -9`` of lbc (a task manager's end, a script's last resort) cannot be caught:
    the command it supervises ran on to its end, and its forked half with it."""
    folder = pair_county(tmp_path, COUNTY)
    begun = tmp_path / "begun"
    code, out, _, left = ended_midway(
        folder,
        PAIR,
        solving(begun),
        lambda pid: os.kill(pid, signal.SIGKILL),
        long_solve(begun),
    )
    assert (code, out, left) == (-signal.SIGKILL, "", [])


# A prelude: the command, once it has said its line, takes longer to leave than the
# supervising parent waits for it after Ctrl-C (as a merge's pool, shutting down, can).
SLOW_LEAVE = (
    "import time\n"
    "from lbc import cli\n"
    "from lbc.roster import supervised\n"
    "supervised.GRACE_SECONDS = 0.3\n"
    "stop = cli._stop_background\n"
    "cli._stop_background = lambda: (stop(), time.sleep(0.6))\n"
)


@pytest.mark.parametrize("then", [0.2, 0.6])
def test_ctrl_c_is_said_once_however_long_the_command_takes_to_leave(
    tmp_path: Path, then: float
) -> None:
    """Ctrl-C reaches the command and its supervising parent: the command said the line,
    and the parent, its grace run out as the command was leaving, killed it and said the
    line again. Now only the parent says it, once, whenever the command ends."""
    folder = tmp_path / "县"
    folder.mkdir()
    for n in range(2):
        long_read(folder / f"s{n}.xlsx")
    code, out, err, left = ended_midway(
        tmp_path,
        ["validate", str(folder)],
        lambda command: bool(children(command)),
        ctrl_c,
        SLOW_LEAVE,
        then,
    )
    assert (code, out, err, left) == (130, "", INTERRUPTED, [])
    assert sorted(os.listdir(tmp_path)) == ["县"]
