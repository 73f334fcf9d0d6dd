"""Ctrl-C held off while lbc forks a child, until the child has its own way to take it.

Ctrl-C reaches every process of lbc's group at once. Python takes it at the next line of
Python it runs, and while a process forks that line is in the fork's hooks (threading's,
logging's, lbc's own: os.register_at_fork), before the fork in the parent and after it in
both processes. A KeyboardInterrupt raised there is printed as "Exception ignored in: …"
with its traceback, and then dropped: the child printed it, or the command did and, its
Ctrl-C lost, ran on to its end. One that lands in the child before it has set its own
handler is a traceback too where the child is multiprocessing's (a merge worker's
"Exception in initializer", a reading child's "Process ForkProcess-1").

So around each fork (:func:`held`), SIGINT is blocked in the forking thread, and Python's
handler of it, swapped for one that only notes it, does nothing more should another thread
of the process take it meanwhile. Once the fork is done, the parent takes a Ctrl-C that
came meanwhile as it would have taken it then. The child begins with SIGINT still blocked
and calls :func:`let_in` with its own handler once it has one; a Ctrl-C that came since the
fork is taken then, by that handler.

Where there is no pthread_sigmask (Windows, which has no fork either) nothing is held.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

CAN_HOLD = hasattr(signal, "pthread_sigmask")

# While a fork is held, and in its child until let_in: SIGINT's handler and the signal mask
# as they were before the fork.
_held: list[tuple[Any, set[signal.Signals]] | None] = [None]


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Ctrl-C held off while what is inside forks a child (os.fork, or multiprocessing's
    fork of a process); in this process, one that came meanwhile is taken as the block
    ends (a KeyboardInterrupt raised there, as anywhere else). The child must call
    :func:`let_in`. Only for forks: a process spawned meanwhile (fork and exec) would begin
    with Ctrl-C blocked, and so does a thread started meanwhile for its life (merge's pool
    starts its manager thread so), which is harmless: Python takes Ctrl-C on the main
    thread alone."""
    if not CAN_HOLD or _held[0] is not None:  # nothing to hold with, or held already
        yield
        return
    handler = signal.getsignal(signal.SIGINT)
    # Python runs a handler on the main thread alone, which alone may set one.
    swapped = callable(handler) and threading.current_thread() is threading.main_thread()
    noted: list[int] = []
    if swapped:
        signal.signal(signal.SIGINT, lambda signum, frame: noted.append(signum))
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    _held[0] = (handler, mask)
    try:
        yield
    finally:
        _held[0] = None
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # one that came meanwhile: noted
        if swapped:
            signal.signal(signal.SIGINT, handler)
            if noted:  # taken as it would have been then
                signal.raise_signal(signal.SIGINT)


def let_in(handler: Any = None) -> None:
    """In a child forked under :func:`held`: Ctrl-C taken by ``handler`` from now on (by
    default the handler the parent had), one that came since the fork too. Elsewhere (a
    spawned child, a fork not held), only ``handler`` set, if given."""
    state, _held[0] = _held[0], None
    if handler is None and state is not None:
        handler = state[0]
    if handler is not None:
        signal.signal(signal.SIGINT, handler)
    if state is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, state[1])
