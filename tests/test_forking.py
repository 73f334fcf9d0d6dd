"""Ctrl-C that lands while lbc forks a child is the one line and 130, never a traceback.

Python takes a signal at the next line of Python it runs, and while a process forks that
line is in the fork's hooks (os.register_at_fork: threading's, logging's, lbc's own), or in
the child before it has set its own handler. A KeyboardInterrupt raised in a hook is
printed as "Exception ignored in: …" with its traceback and dropped: the command, its
Ctrl-C lost, then ran on to its end. A Ctrl-C in a terminal lands there about one time in
sixty. Here it is sent at that very moment, by a hook of the test's own (the prelude's),
to lbc's whole process group as the terminal sends it: before the fork, in the parent or
the child after it, or as the child begins (lbc.roster.parent_death.end_with_parent, the
first thing each child does), in a fork by the command or by a child of the command.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_helpers_end import INTERRUPTED, pair_county
from test_merge import school
from test_supervised import good, on_linux

from conftest import child_row
from lbc.roster import forking

# Sends Ctrl-C once, from the fork hook or the child's beginning named WHERE, in a fork made
# by the process DEPTH below lbc's supervising parent (1: the command; 2: its children).
CTRL_C_IN_A_FORK = """
import os, signal
from lbc.roster import background, parent_death
background.WORTH_FORKING = 1  # pair's watch list and half its schools in a forked child
WHERE, DEPTH, MARK = {where!r}, {depth}, {mark!r}
depth = [0]  # this process's, below the supervising parent: a child's is one more
def ctrl_c(where, forker):
    if (where, forker) != (WHERE, DEPTH):
        return
    try:
        os.close(os.open(MARK, os.O_CREAT | os.O_EXCL | os.O_WRONLY))  # once a run
    except FileExistsError:
        return
    os.killpg(0, signal.SIGINT)
def in_child():
    depth[0] += 1
    ctrl_c("child", depth[0] - 1)
os.register_at_fork(
    before=lambda: ctrl_c("before", depth[0]),
    after_in_parent=lambda: ctrl_c("parent", depth[0]),
    after_in_child=in_child,
)
end_with_parent = parent_death.end_with_parent
def beginning(parent):
    end_with_parent(parent)
    ctrl_c("beginning", depth[0] - 1)
parent_death.end_with_parent = beginning
{more}
"""
# Merge with one worker: each school read in a child the command forks (multiprocessing).
ONE_CPU = "os.cpu_count = lambda: 1"
# Merge reads in workers on two CPUs or more; on one it reads in the command.
WORKERS = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="merge's workers need 2 CPUs")


def county(tmp_path: Path, command: str) -> tuple[Path, list[str]]:
    """Where to run ``command`` and its arguments, on a county of two or three schools."""
    if command == "pair":  # the county's children and teachers, two CSV files
        return pair_county(tmp_path, [30, 30]), ["pair", "花名册.csv", "教师.csv"]
    if command == "validate":  # a folder's files, read by the children of a read host
        for name in ("甲.xlsx", "乙.xlsx"):
            good(tmp_path / name)
        return tmp_path, ["validate", "."]
    for n in range(3):  # merge: its workers, each reading by the children of its own host
        school(tmp_path / "各校" / f"s{n}", f"学校{n}", [child_row(i) for i in range(1, 5)])
    return tmp_path, ["merge", "各校", "--out", "县.xlsx"]


def run_lbc(cwd: Path, args: list[str], prelude: str) -> tuple[int, str, str]:
    """The console script on ``args`` in ``cwd``, ``prelude`` first, in a process group of
    its own as a terminal's job is: its exit code, stdout and stderr."""
    proc = subprocess.run(
        [sys.executable, "-c", prelude + "\nfrom lbc.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        start_new_session=True,
    )
    return proc.returncode, proc.stdout, proc.stderr


@on_linux
@pytest.mark.parametrize(
    ("command", "where", "depth", "more"),
    [
        ("pair", "parent", 1, ""),  # the command's background child (lbc.roster.background)
        ("pair", "child", 1, ""),
        # The command's read host (supervised.read_host), forked while a thread of the
        # command's warms up: Ctrl-C, blocked in the thread forking, is taken by the other.
        ("validate", "before", 1, ""),
        ("validate", "child", 1, ""),
        ("merge", "before", 1, ONE_CPU),  # a reading child of the command (multiprocessing)
        pytest.param("merge", "beginning", 1, "", marks=WORKERS),  # in its initializer
        pytest.param("merge", "child", 2, "", marks=WORKERS),  # a merge worker's read host
    ],
)
def test_ctrl_c_as_a_child_is_forked_is_the_one_line(
    tmp_path: Path, command: str, where: str, depth: int, more: str
) -> None:
    cwd, args = county(tmp_path, command)
    files = sorted(cwd.rglob("*"))
    sent = tmp_path / "sent"
    prelude = CTRL_C_IN_A_FORK.format(where=where, depth=depth, mark=str(sent), more=more)
    assert run_lbc(cwd, args, prelude) == (130, "", INTERRUPTED)
    assert sent.exists()  # the fork named was made, and Ctrl-C sent in it
    assert sorted(p for p in cwd.rglob("*") if p != sent) == files  # nothing written


# A prelude: Ctrl-C once merge's workers have told the pairs workbooks apart, each waiting
# for the next file to read.
CTRL_C_BETWEEN_FILES = """
import os, signal
from lbc.reports import county
books_by_folder = county._books_by_folder
def ctrl_c(*args):
    os.killpg(0, signal.SIGINT)
    return books_by_folder(*args)
county._books_by_folder = ctrl_c
"""


@on_linux
@WORKERS
def test_ctrl_c_while_merge_workers_wait_is_the_one_line(tmp_path: Path) -> None:
    """A merge worker waiting for its next file took Ctrl-C and printed multiprocessing's
    traceback of the KeyboardInterrupt ("Process ForkProcess-2: …"). Ctrl-C is the
    command's to take: it ends its workers with it."""
    cwd, args = county(tmp_path, "merge")
    assert run_lbc(cwd, args, CTRL_C_BETWEEN_FILES) == (130, "", INTERRUPTED)
    assert not (cwd / "县.xlsx").exists()


def test_without_pthread_sigmask_nothing_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows (no fork there either): held changes nothing; let_in sets the handler."""
    monkeypatch.setattr(forking, "CAN_HOLD", False)
    before = signal.getsignal(signal.SIGINT)
    try:
        with forking.held():
            assert signal.getsignal(signal.SIGINT) is before
        forking.let_in(signal.SIG_IGN)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
