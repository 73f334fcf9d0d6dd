"""lbc.roster.background: work on the second core gives the answer the inline work gives,
whatever becomes of the child."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from lbc.errors import LbcError
from lbc.roster import background, supervised
from lbc.roster.background import WORTH_FORKING, Background

forks = pytest.mark.skipif(not supervised.CAN_FORK, reason="the platform cannot fork")


def forked(work: Callable[[], object]) -> tuple[Background[object], int]:
    """Work big enough to fork, and its child's pid."""
    job = Background(work, WORTH_FORKING)
    assert job._child is not None
    return job, job._child[0]


def where() -> tuple[int, list[int]]:
    """The process the work ran in, and an answer bigger than one pipe buffer."""
    return os.getpid(), list(range(200_000))


@forks
def test_work_of_size_runs_in_a_child_and_its_answer_comes_back() -> None:
    pid, answer = Background(where, WORTH_FORKING).result()
    assert pid != os.getpid()
    assert answer == list(range(200_000))


def test_small_work_runs_here() -> None:
    assert Background(where, WORTH_FORKING - 1).result()[0] == os.getpid()


def test_without_fork_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(supervised, "CAN_FORK", False)
    assert Background(where, WORTH_FORKING).result() == where()


@forks
def test_a_child_that_dies_leaves_the_work_to_this_process() -> None:
    me = os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != me:
            os._exit(9)  # as a child killed for its memory would end
        return 7

    assert Background(dies_in_a_child, WORTH_FORKING).result() == 7


@forks
def test_an_error_of_the_work_is_raised_here(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def refuses() -> None:
        calls.append(os.getpid())
        raise LbcError("权重代码不存在")

    job = Background(refuses, WORTH_FORKING)
    with pytest.raises(LbcError, match="权重代码不存在"):
        job.result()
    assert calls == [os.getpid()]  # the child's attempt left nothing here


def reaped(pid: int) -> bool:
    """Whether the child of a collected answer is reaped within a while (_LEAVING)."""
    deadline = time.monotonic() + 20
    while pid in background._LEAVING and time.monotonic() < deadline:
        time.sleep(0.01)
        background._reap_leaving()
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return pid not in background._LEAVING
    return False


@forks
def test_the_child_is_reaped() -> None:
    job, pid = forked(where)
    job.result()
    assert reaped(pid)


@forks
def test_the_answer_does_not_wait_for_the_child_to_leave(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child forked from a county's command takes a while to free its memory once it has
    answered (each of lbc pair's two, up to a twelfth of a second): the command
    goes on meanwhile, and reaps it once it has left."""
    hold, release = os.pipe()
    leave = os._exit

    def slow_to_leave(code: int) -> None:  # in the child: it leaves when the test says
        os.close(release)
        select.select([hold], [], [], 20)
        leave(code)

    monkeypatch.setattr(os, "_exit", slow_to_leave)
    job, pid = forked(where)
    assert job.result()[1] == list(range(200_000))
    assert os.waitpid(pid, os.WNOHANG) == (0, 0)  # answered, not yet left
    os.close(release)
    assert reaped(pid)
    os.close(hold)


@forks
def test_a_result_never_asked_for_stops_the_child() -> None:
    """The command stopped on an error before it asked: nothing goes on computing."""

    def slow() -> int:
        time.sleep(30)
        return 1

    job, pid = forked(slow)
    started = time.monotonic()
    del job
    with pytest.raises(ChildProcessError):  # reaped already
        os.waitpid(pid, 0)
    assert time.monotonic() - started < 5


@forks
def test_stop_all_stops_the_children_not_asked_for() -> None:
    """What the console script calls where it leaves by os._exit, finalisers unrun."""
    job, pid = forked(lambda: time.sleep(30) or 1)
    background.stop_all()
    with pytest.raises(ChildProcessError):  # killed and reaped
        os.waitpid(pid, 0)
    del job  # its finaliser finds nothing left to stop


# A command ended by SIGTERM while its child computes: the child is stopped with it.
_TERMINATED = """
import os, signal, time
from lbc import cli
from lbc.roster.background import WORTH_FORKING, Background
cli.catch_termination()
job = Background(lambda: time.sleep(30), WORTH_FORKING)
os.kill(os.getpid(), signal.SIGTERM)
time.sleep(30)
"""


@forks
def test_a_command_ended_by_sigterm_leaves_no_child_computing() -> None:
    """Else the child computes on for nobody, holding the command's stdout open: a script
    reading it would wait until the child is done."""
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", _TERMINATED], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 128 + signal.SIGTERM
    assert time.monotonic() - started < 15


@forks
def test_a_child_silent_too_long_is_stopped_and_the_work_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child stuck (on a lock a thread held when it was forked) must not hold the
    command for ever."""
    monkeypatch.setattr(background, "CHILD_SECONDS", 0.5)
    me = os.getpid()

    def stuck_in_a_child() -> int:
        if os.getpid() != me:
            time.sleep(60)
        return 7

    job, pid = forked(stuck_in_a_child)
    started = time.monotonic()
    assert job.result() == 7
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):  # stopped and reaped
        os.waitpid(pid, 0)


@forks
def test_an_interrupted_wait_stops_the_child() -> None:
    """Ctrl-C while the command waits for the child's answer: the child is stopped and
    reaped with the command, not left computing."""
    job, pid = forked(lambda: time.sleep(30) or 1)

    def ctrl_c(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGALRM, ctrl_c)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            job.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    with pytest.raises(ChildProcessError):  # reaped already
        os.waitpid(pid, 0)
