"""A process lbc starts for a piece of a command ends when the process that started it does.

lbc runs pieces of a command in other processes: the command itself under its supervising
parent (lbc.roster.supervised), a read's child and the read host, merge's workers, the
forked half of pair's schools and its watch list (lbc.roster.background). A parent killed
mid-piece (SIGKILL a second after SIGTERM when it is inside a long call, ``kill -9``)
cannot stop them itself: each would run its piece to the end for nobody, using a core and
holding the terminal's stdout and stderr open, so that a script reading the command's
output waits on. So each such child, as it starts, asks to end with its parent:

* Linux: prctl(PR_SET_PDEATHSIG, SIGKILL). The kernel kills the child, inside a long C call
  too, when the thread that forked it ends: lbc forks only from threads that outlive their
  children (a process's main thread).
* Elsewhere with fork (macOS, the BSDs): a thread of the child looks every LOOK_SECONDS
  whether it has been handed to another parent, the sign that its own is gone, and leaves.
  It needs Python's lock to run, which calamine's parse and OR-Tools' solve let go of.
* Windows has no fork, and nothing here: a spawned child (a folder's reader, a merge
  worker) leaves when the pipe to its dead parent breaks, at the end of the piece it is
  on or at its next request.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

# How often a child without PR_SET_PDEATHSIG looks for its parent.
LOOK_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1
_SIGKILL = 9


def end_with_parent(parent: int) -> None:
    """Called in a child first thing: it is killed when ``parent`` (the pid of the process
    that started it) ends, and leaves now if that has happened already."""
    if sys.platform == "win32":
        return
    if not _killed_with_parent():
        threading.Thread(target=_look_for, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the child asked
        os._exit(1)


def _killed_with_parent() -> bool:
    """Ask the kernel for SIGKILL when the parent ends; False where it cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        import ctypes  # imported once, by the command: the children it forks have it

        return ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, _SIGKILL, 0, 0, 0) == 0
    return False


def _look_for(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(LOOK_SECONDS)
    os._exit(1)
