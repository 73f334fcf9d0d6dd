"""Work done on the second core: a forked child computes it while the command goes on.

A county's pairing spends seconds after the read in pure Python, one stage after another,
on one core of a two-core laptop. A stage that only reads what is already in memory (the
watch list, half of the schools' solves) is computed in a child forked for it: the child
shares every row with the command without copying or pickling it, and sends back only its
answer, pickled. Where the platform cannot fork (Windows), or the child fails (killed,
out of memory under the command's ceiling), the work is done in the command's own process
when its answer is asked for, so the answer is always the same; only the time differs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

from lbc.roster import forking, parent_death, supervised

T = TypeVar("T")

# Below this much work (rows, as the caller counts them) a fork costs more than it saves.
WORTH_FORKING = 20_000
# A child silent this long is stuck (a lock a thread of the command held at the fork, such
# as the spinner's): it is stopped and the work done here. A million children's watch list
# takes seconds.
CHILD_SECONDS = 300.0

# The children computing work whose result has not been asked for: stopped (stop_all) when
# the command leaves without running finalisers (os._exit on SIGTERM or at its end), where
# they would compute on for nobody, holding the command's stdout open to its reader.
_LIVE: dict[int, int] = {}
# The children whose answer has come, still leaving: the kernel frees a child's memory
# before it can be reaped, tens of milliseconds for one forked from a county's command,
# which the answer need not wait for. Each is reaped once it has left, when the command
# next forks or collects an answer, or at the end (stop_all).
_LEAVING: set[int] = set()


class Background(Generic[T]):
    """``work()`` computed in a forked child from now on; :meth:`result` waits for it.

    ``size``: how much work it is (a roster's rows): small work is done in this process,
    when its result is asked for. ``work`` must only read what this process holds, never
    print, write files or change anything a caller will read: a child's changes are lost.
    Its result comes back pickled: a copy, equal but not the same object, and a set's
    order may differ; so it must be plain data whose order does not matter or is a list's.
    """

    def __init__(self, work: Callable[[], T], size: int) -> None:
        self._work = work
        self._child: tuple[int, int] | None = None
        if supervised.CAN_FORK and size >= WORTH_FORKING:
            self._child = _fork(work)

    def result(self) -> T:
        """The work's result: the child's, or computed here when there is no child or it
        gave none (then any error the work raises is raised here, as it would be inline)."""
        if self._child is not None:
            pid, listen = self._child
            self._child = None
            if _LIVE.pop(pid, None) is not None:  # not stopped already (stop_all)
                try:
                    answer = _collect(pid, listen)
                except BaseException:  # Ctrl-C while waiting: the child goes too
                    _stop(pid)
                    raise
                if answer is not None:
                    return answer[0]
        return self._work()

    def __del__(self) -> None:
        """A result never asked for (the command stopped on an error first): the child is
        stopped and reaped, not left computing for nobody."""
        if self._child is not None:
            pid, listen = self._child
            self._child = None
            # Only a child stop_all has not stopped already: its pid and descriptor may
            # belong to another process and file by now.
            if _LIVE.pop(pid, None) is not None:
                _stop(pid)
                os.close(listen)


def stop_all() -> None:
    """Stop and reap every child whose result was never asked for (see _LIVE), and those
    that have left since they answered (_LEAVING)."""
    while _LIVE:
        pid, listen = _LIVE.popitem()
        _stop(pid)
        os.close(listen)
    _reap_leaving()


def _reap_leaving() -> None:
    """Reap the children of _LEAVING that have left, without waiting for the others."""
    for pid in list(_LEAVING):
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == 0:
                continue  # still freeing its memory
        except ChildProcessError:  # reaped already
            pass
        _LEAVING.discard(pid)


def _stop(pid: int) -> None:
    """Kill the child and reap it."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _fork(work: Callable[[], object]) -> tuple[int, int] | None:
    """Fork a child computing ``work`` and writing its pickled result to a pipe; the child's
    pid and the pipe's reading end, or None when the fork itself fails."""
    _reap_leaving()
    listen, tell = os.pipe()
    parent = os.getpid()
    # Ctrl-C meanwhile is taken once the child is in _LIVE, to be stopped with the command.
    with forking.held():
        try:
            pid = os.fork()
        except OSError:  # no memory or processes left for a child: done inline
            os.close(listen)
            os.close(tell)
            return None
        if pid == 0:
            _compute(parent, listen, tell, work)
        os.close(tell)
        _LIVE[pid] = listen
    return pid, listen


def _compute(parent: int, listen: int, tell: int, work: Callable[[], object]) -> NoReturn:
    """The child: ``work()``'s result, pickled, to the pipe's writing end ``tell``."""
    code = 1
    try:
        parent_death.end_with_parent(parent)  # killed with the command, inside a call too
        # Ctrl-C taken as the command takes it: a KeyboardInterrupt, which ends the child
        # here, without a word (its parent says the line).
        forking.let_in()
        os.close(listen)
        # The collector walking every object of the roster would copy every page the
        # child shares with the command; the child lives seconds at most.
        gc.disable()
        data = pickle.dumps((work(),), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(tell, "wb") as out:
            out.write(data)
        code = 0
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the command's buffers


def _collect(pid: int, listen: int) -> tuple[object] | None:
    """The child's result, in a 1-tuple, or None when it gave none, or none within
    CHILD_SECONDS of silence (then it is stopped). Its answer is whole when it unpickles
    (a pickle cut short does not): the child is not waited for once it has sent it."""
    chunks = []
    with os.fdopen(listen, "rb", buffering=0) as pipe:
        while select.select([pipe], [], [], CHILD_SECONDS)[0]:
            chunk = pipe.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        else:  # silent too long: stuck, perhaps on a lock another thread held at the fork
            _stop(pid)
            return None
    _LEAVING.add(pid)
    _reap_leaving()
    if not chunks:
        return None
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # a truncated answer: the child died writing it
        return None
