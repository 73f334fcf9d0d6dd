"""Run a reader in a child process, so that a file which crashes it cannot crash lbc.

python-calamine is Rust: on a crafted or damaged workbook it can abort the whole process
("memory allocation of N bytes failed", exit 134), panic, or take gigabytes; no pre-scan
out-guesses every spelling of a far cell, and a county office runs lbc over hundreds of
files it did not make. So the parse runs in a child under a memory ceiling (RLIMIT_AS, a
share of physical memory unless ``LBC_MAX_MEMORY`` says otherwise) and a time ceiling, and
sends what it read back over a pipe; when the child dies, the parent raises one
:class:`LbcError` naming the file.

The child is forked where the platform can (a few milliseconds, nothing re-imported);
elsewhere (Windows) it is spawned, which costs an interpreter start. Where the ``resource``
module is missing (Windows) the child has no memory ceiling of its own: an allocation that
fails still ends only the child, which the parent reports the same way.

What crosses back is pickled without a memo (``Pickler.fast``): cells are distinct objects,
so the memo only costs (it triples the time on a county roster); nothing sent is recursive.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import multiprocessing
import os
import pickle
import re
import signal
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from lbc.errors import LbcError
from lbc.messages import t

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

# Whether to fork the child; tests turn this off to cover the spawn fallback here.
CAN_FORK = hasattr(os, "fork")
# A county roster of 300,000 rows parses in seconds; a file still parsing after this long
# is crafted to stall, and the run must go on without it.
READ_SECONDS = 600.0
# Without LBC_MAX_MEMORY a child may take this share of physical memory.
MEMORY_SHARE = 0.5

_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)

Send = Callable[[Any], None]


def memory_ceiling() -> int | None:
    """Bytes a reading child may use: ``LBC_MAX_MEMORY`` ("2G", "512M", bytes), else a
    share of physical memory; None when neither is known."""
    text = os.environ.get("LBC_MAX_MEMORY", "").strip()
    if text:
        m = _SIZE.fullmatch(text)
        if m is None or float(m.group(1)) <= 0:
            raise LbcError(t("err.bad_max_memory", value=text))
        return int(float(m.group(1)) * _UNITS[m.group(2).upper()])
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows)
        return None
    return int(physical * MEMORY_SHARE)


def supervised(path: Path, target: Callable[..., None], *args: Any) -> Iterator[Any]:
    """What ``target(send, *args)`` sends, run in a child, yielded as it arrives.

    ``target`` and ``args`` must be picklable (a module-level function) for the spawn
    fallback. An :class:`LbcError` raised in the child is raised here with its message;
    a child that dies, runs out of memory or runs past READ_SECONDS is an LbcError naming
    ``path``. The child is killed if the caller stops early.
    """
    ceiling = memory_ceiling()
    context = multiprocessing.get_context("fork" if CAN_FORK else "spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_serve, args=(send, ceiling, target, args), daemon=True)
    child.start()
    send.close()
    try:
        while True:
            if not receive.poll(READ_SECONDS):
                raise LbcError(t("err.read_timeout", path=path, seconds=int(READ_SECONDS)))
            try:
                kind, value = pickle.loads(receive.recv_bytes())
            except (EOFError, OSError, pickle.UnpicklingError):
                child.join()
                raise LbcError(_crashed(path, child.exitcode, ceiling)) from None
            if kind == "item":
                yield value
            elif kind == "error":
                raise LbcError(value)
            elif kind == "memory":
                raise LbcError(_crashed(path, None, ceiling))
            else:
                return
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _crashed(path: Path, exitcode: int | None, ceiling: int | None) -> str:
    if exitcode is None:
        how = "MemoryError"
    elif exitcode < 0:
        try:
            how = signal.Signals(-exitcode).name
        except ValueError:
            how = f"signal {-exitcode}"
    else:
        how = f"exit {exitcode}"
    limit = f"{ceiling / (1 << 30):.1f} GB" if ceiling else "-"
    return t("err.reader_crashed", path=path, how=how, limit=limit)


def _serve(conn: Connection, ceiling: int | None, target: Callable[..., None], args: Any) -> None:
    """The child: quiet, capped, running ``target`` and reporting how it ended."""
    _quiet()
    _limit_memory(ceiling)

    def put(kind: str, value: Any) -> None:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        pickler.dump((kind, value))
        conn.send_bytes(buffer.getbuffer())

    try:
        target(lambda value: put("item", value), *args)
        put("done", None)
    except LbcError as exc:
        put("error", str(exc))
    except MemoryError:
        put("memory", None)
    conn.close()


def _quiet() -> None:
    """The child writes nothing of its own: Rust's panic and allocation-failure text goes to
    descriptor 2, and the parent prints the one line. Ctrl-C is the parent's to handle
    (it kills the child), and the parent's SIGTERM cleanup is not the child's to run."""
    faulthandler.disable()  # a crash dump is not the child's to print either
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child


def _limit_memory(ceiling: int | None) -> None:
    """Cap the child's address space, where the platform can."""
    if ceiling is None or resource is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
