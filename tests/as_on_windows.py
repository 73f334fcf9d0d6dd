"""Run lbc's console script as far as this machine can show Windows: lbc's own modules
see ``os`` and ``signal`` without their POSIX-only names (no fork, SIGKILL, SIGHUP,
pthread_sigmask …) and ``os.name`` as "nt", cannot import ``resource`` or ``fcntl``, and
children are spawned, not forked. The standard library keeps its own names, as it has
its own code for Windows.

Not a test module: tests/test_as_on_windows.py runs it as ``python as_on_windows.py ARGS``.
A child spawned imports this file again as its main module, so it takes the same names.
"""

from __future__ import annotations

import builtins
import multiprocessing
import os
import signal
import sys
import types
from typing import Any

multiprocessing.set_start_method("spawn", force=True)
# What Windows's os and signal lack of what this machine's have, as lbc might ask for it.
POSIX_ONLY = {
    "signal": {
        *("SIGKILL", "SIGHUP", "SIGPIPE", "SIGCHLD", "SIGALRM", "SIGUSR1", "SIGUSR2"),
        *("SIGQUIT", "SIGSTOP", "SIGCONT", "pthread_sigmask", "pthread_kill", "sigwait"),
        *("SIG_BLOCK", "SIG_SETMASK", "SIG_UNBLOCK", "setitimer", "alarm", "pause"),
        "siginterrupt",
    },
    "os": {
        *("fork", "register_at_fork", "wait3", "wait4", "waitid", "WNOHANG", "WEXITED"),
        *("getuid", "geteuid", "setsid", "killpg", "getpgid", "forkpty", "getloadavg"),
        *("sched_getaffinity", "sched_setaffinity", "sysconf", "posix_fadvise"),
    },
}
NO_MODULES = ("resource", "fcntl", "termios", "pwd", "grp")


class WindowsModule(types.ModuleType):
    """A module as lbc sees it here: the real one, less its POSIX-only names."""

    def __init__(self, real: types.ModuleType) -> None:
        super().__init__(real.__name__)
        self._real = real

    def __getattr__(self, name: str) -> Any:
        if name in POSIX_ONLY[self._real.__name__]:
            raise AttributeError(f"module {self._real.__name__!r} has no attribute {name!r}")
        if self._real is os and name == "name":  # lbc's own branches for Windows taken
            return "nt"
        return getattr(self._real, name)


SEEN = {"os": WindowsModule(os), "signal": WindowsModule(signal)}
_import = builtins.__import__


def _import_as_on_windows(
    name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0
) -> Any:
    if level == 0 and (globals or {}).get("__name__", "").startswith("lbc"):
        if name in NO_MODULES:
            raise ImportError(f"No module named {name!r}")
        if name in SEEN:
            return SEEN[name]
    return _import(name, globals, locals, fromlist, level)


builtins.__import__ = _import_as_on_windows
if __name__ == "__main__":
    sys.argv = ["lbc", *sys.argv[1:]]
    from lbc.cli import main

    main()
