"""Keep a spreadsheet that crashes the reader from crashing lbc without a word.

python-calamine is Rust: on a crafted or damaged workbook it can abort the whole process
("memory allocation of N bytes failed", exit 134), panic, or take gigabytes; no pre-scan
out-guesses every spelling of a far cell, and a county office runs lbc over hundreds of
files it did not make. Two guards, chosen by what the run must do when a read dies:

* :func:`supervise`: where the platform can fork, the console script forks once at start-up;
  the child runs the whole command under a memory ceiling (RLIMIT_AS, a share of physical
  memory unless ``LBC_MAX_MEMORY`` says otherwise) with the real stdout and stderr, so no
  output crosses a pipe, and tells the parent which file it is reading (:func:`reading`).
  The parent only waits: when the child dies, it prints one line naming the file being
  read, and it stops a read that runs past READ_SECONDS. This costs one fork per run,
  where a child per read cost a sixth of a county validate in pickling rows.
* :func:`supervised`: a child per read, sending what it read back over a pipe, for a
  folder's files and merge's workers (``reading.ISOLATE_READS``): there one school whose
  file kills the reader is reported and the others are read. The child is forked where
  the platform can (a few milliseconds, nothing re-imported), by a small host forked
  before any rows are held (:func:`read_host`: a folder's, and each merge worker's for its
  life, :func:`read_host_for_life`); elsewhere (Windows) it is spawned,
  and a folder's files are read one after another by one spawned reader. What crosses back
  is pickled without a memo (``Pickler.fast``): cells are distinct objects, so the memo
  only costs (it triples the time on a county roster); nothing sent is recursive.

Where there is no fork (Windows) nothing supervises the whole command, so every read runs
in a spawned child (``reading`` reads in the command's process only under supervise()),
a folder's in its one spawned reader; and where the ``resource`` module is missing
(Windows) the child cannot cap its own memory, so its parent looks at what it holds every
WATCH_SECONDS (RSS from /proc, private bytes from kernel32: lbc.roster.process_memory) and
kills it past the ceiling. That ceiling is soft: an allocation made between two looks is
not seen until the next, and one asking for more than the system can commit fails in the
child at once (it aborts, and is reported like any crash).
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import os
import pickle
import re
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lbc.errors import LbcError
from lbc.messages import current_lang, set_lang, t
from lbc.roster import forking, parent_death, process_memory

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

# Whether children are forked (the whole command under supervise(), a read under
# supervised()); tests turn this off to cover the unsupervised run and the spawn fallback.
CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"
# A county roster of 300,000 rows parses in seconds; a file still parsing after this long
# is crafted to stall, and the run must go on without it.
READ_SECONDS = 600.0
# Where a reading child cannot be capped (Windows), how often its parent looks at the
# memory it holds: a reader growing a sheet takes seconds to pass a ceiling of gigabytes.
WATCH_SECONDS = 0.05
# How long the command may take to leave once SIGTERM or SIGHUP is passed on to it before
# it is killed: its own handler takes milliseconds, when it can run at all (see _wait).
GRACE_SECONDS = 1.0
# Without LBC_MAX_MEMORY a child may take this share of physical memory.
MEMORY_SHARE = 0.5
# lbc itself takes about 80 MB of address space to start and run on a small roster (a
# thread's arena and stack count too); a lower ceiling would fail the command with a
# traceback, not a read with a clear line, so LBC_MAX_MEMORY is never taken below this.
MEMORY_FLOOR = 256 << 20

_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)

Send = Callable[[Any], None]


def memory_ceiling() -> int | None:
    """Bytes the command (or a reading child) may use: ``LBC_MAX_MEMORY`` ("2G", "512M",
    bytes; at least MEMORY_FLOOR), else a share of physical memory, and never more than
    the hard limit already set on this process (the one a crash message should name);
    None when none of these is known."""
    text = os.environ.get("LBC_MAX_MEMORY", "").strip()
    ceiling: int | None = None
    if text:
        m = _SIZE.fullmatch(text)
        if m is None or float(m.group(1)) <= 0:
            raise LbcError(t("err.bad_max_memory", value=text))
        ceiling = max(MEMORY_FLOOR, int(float(m.group(1)) * _UNITS[m.group(2).upper()]))
    elif (physical := process_memory.physical_memory()) is not None:
        ceiling = int(physical * MEMORY_SHARE)
    if resource is not None:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            ceiling = hard if ceiling is None else min(ceiling, hard)
    return ceiling


@contextlib.contextmanager
def memory_headroom(extra: int) -> Iterator[None]:
    """Run what is inside with at most ``extra`` bytes of address space more than the
    process holds now (never more than it may already use), so that code building a value
    too big for its purpose gets a MemoryError early instead of taking the machine's
    memory. Where the platform cannot say or cap that (no ``resource`` or no /proc: not
    Linux), nothing changes."""
    used = process_memory.address_space()
    if resource is None or used is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + extra
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# In the process running the command under supervise(): the pipe to the parent, else -1.
_announcer = [-1]
_QUIET = threading.Lock()
_reads: list[Path] = []  # reads under way (two threads may read), the latest last
_saved_stderr = [-1]  # descriptor 2 as it was before the reads under way silenced it
_interruption_said = [False]  # whether this process has said say_interrupted()'s line


# The signals the supervising parent passes on to the command (see _wait).
PASSED_ON = {signal.SIGTERM, signal.SIGHUP} if CAN_FORK else set()
# Those after which it gives the command GRACE_SECONDS to leave: Ctrl-C's too, which the
# terminal sends to the command itself.
ENDING = PASSED_ON | {signal.SIGINT} if CAN_FORK else set()


def supervise(ceiling: int | None) -> None:
    """Fork where the platform can: return in the child, which runs the command capped at
    ``ceiling`` bytes; the parent waits for it and leaves with its exit status, or with one
    line saying how it died. Called before the app is imported, so the parent stays small."""
    if not CAN_FORK:
        return
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    listen, tell = os.pipe()
    # SIGTERM, SIGHUP and SIGINT wait, blocked, until the parent's handlers are in place: a
    # signal that came between the fork and those handlers (a busy machine lets the child
    # reach its read first) would end the parent alone, the child reading on.
    unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING)
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        parent_death.end_with_parent(parent)  # killed with it (kill -9), not left running
        signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)
        os.close(listen)
        _announcer[0] = tell
        # Processes the command forks (merge's workers, a read's child) do not announce, and
        # must not hold the pipe open: its end is how the parent learns the command ended.
        os.register_at_fork(after_in_child=_forget_parent)
        from lbc.output import files  # here: the supervising parent never needs it

        files.announce_temporaries(_announce_temporary)
        _limit_memory(ceiling)
        return
    os.close(tell)
    _wait(child, listen, ceiling, unblocked)


def _forget_parent() -> None:
    if _announcer[0] >= 0:
        os.close(_announcer[0])
        _announcer[0] = -1


def _announce(path: Path | None, kind: bytes = b"r") -> None:
    """Tell the supervising parent which file is being read (kind ``r``; None: no read
    under way), or which output temporary this process has begun (``+``) or let go of
    (``-``): one line, the kind and then the name as hex, whatever bytes it holds."""
    if _announcer[0] < 0:
        return
    line = os.fsencode(path).hex() if path is not None else ""
    with contextlib.suppress(OSError):  # a parent gone is no reason to stop the command
        os.write(_announcer[0], kind + line.encode("ascii") + b"\n")


def _announce_temporary(tmp: Path, begun: bool) -> None:
    """Tell the supervising parent of an output temporary, which it removes if it has to
    kill the command (see _wait); named in full, should the command change folder."""
    _announce(Path(os.path.abspath(tmp)), b"+" if begun else b"-")


@contextlib.contextmanager
def reading(path: Path) -> Iterator[None]:
    """A call into calamine on ``path``: announced to the supervising parent, and quiet.

    Rust's panic hook writes "thread panicked at …" and its allocation failure "memory
    allocation of … failed" straight to file descriptor 2, around Python's sys.stderr; the
    contract's one clear line is ours (or the parent's) to print. So descriptor 2 points
    at the null device while any read is under way (reads on two threads share one
    redirection). Python's own MemoryError there is the same failure as Rust's, and so is
    the panic pyo3 raises when it cannot make a Python object."""
    with _QUIET:
        if not _reads:
            try:
                sys.stderr.flush()
                saved = os.dup(2)
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 2)
                os.close(null)
                _saved_stderr[0] = saved
            except (OSError, ValueError):  # no descriptor 2 (a GUI launcher): nothing to hide
                _saved_stderr[0] = -1
        _reads.append(path)
        _announce(path)
    try:
        yield
    except MemoryError:
        raise out_of_memory(path) from None
    except BaseException as exc:
        if _out_of_memory_panic(exc):
            raise out_of_memory(path) from None
        raise
    finally:
        with _QUIET:
            _reads.remove(path)
            _announce(_reads[-1] if _reads else None)
            if not _reads and _saved_stderr[0] >= 0:
                os.dup2(_saved_stderr[0], 2)
                os.close(_saved_stderr[0])
                _saved_stderr[0] = -1


def _out_of_memory_panic(exc: BaseException) -> bool:
    """Whether ``exc`` is the reader's panic when Python could not make an object for a
    cell (pyo3: "PyObject pointer is null"): memory ran out while converting a sheet, which
    is the memory ceiling's line to say, not "corrupt file"."""
    return type(exc).__name__ == "PanicException" and "PyObject pointer is null" in str(exc)


def say_interrupted() -> None:
    """The contract's one line for Ctrl-C, SIGTERM or SIGHUP, once however often asked
    (the console script asks again for every run ending with 130, typer's own too). Under
    supervise() the supervising parent says it, once the command has ended or it has
    killed it: said here as well, it came twice when the parent's grace ran out while the
    command was leaving (after its line, before its exit). Said here where no parent is
    listening."""
    if _announcer[0] >= 0:
        try:
            os.write(_announcer[0], b"i\n")
            return
        except OSError:  # the parent is gone: nobody else will say it
            pass
    if _interruption_said[0]:
        return
    restore_stderr()  # a read under way has pointed descriptor 2 at the null device
    print(t("err.prefix") + t("err.interrupted"), file=sys.stderr)
    _interruption_said[0] = True  # after: a line said twice is better than none


def restore_stderr() -> None:
    """Point descriptor 2 back at stderr for a last word (SIGTERM's line) from a signal
    handler, which may run in the middle of a read; without the lock, which the
    interrupted code may hold."""
    with contextlib.suppress(OSError):
        if _saved_stderr[0] >= 0:
            os.dup2(_saved_stderr[0], 2)


def _wait(child: int, listen: int, ceiling: int | None, unblocked: set[signal.Signals]) -> NoReturn:
    """The parent: follow the child's announcements until it ends, then leave as it did.

    SIGTERM and SIGHUP sent to this process are passed on, and the child cleans up and
    leaves with 128 + the signal. Ctrl-C reaches both processes from the terminal (passed
    on, the child would have it twice, the second in the middle of its cleanup), and the
    child leaves with 130; this process only notes it (one sent to this process alone is
    the child's end too), unless the run began with it ignored (``lbc … &`` in a script).
    A child still there GRACE_SECONDS after any of these is inside one long call
    (calamine parsing a province's sheet, lxml parsing its summary), where its handler
    cannot run for tens of seconds: it is killed, the output temporaries it announced are
    removed, and this process says the line and leaves with the code the child would have.
    The line is this process's alone to say (the command announces it, kind ``i``: see
    say_interrupted), so that it comes once, however the command's leaving and the
    grace's end fall.
    A read announced READ_SECONDS ago and not finished is a file crafted to stall: the
    child is killed (it holds no temporaries then: commands write after they read, and
    merge reads in workers with their own time ceiling)."""
    passed: list[int] = []
    woken, wake = os.pipe()  # a signal wakes the wait below, which would go on waiting
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake, warn_on_full_buffer=False)

    def pass_on(signum: int, frame: object) -> None:
        passed.append(signum)
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, lambda signum, frame: passed.append(signum))
    for signum in PASSED_ON:
        signal.signal(signum, pass_on)
    signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)  # one that came meanwhile, now
    path: Path | None = None
    temporaries: set[Path] = set()  # the output temporaries the command is writing
    since = 0.0
    ended_by = 0.0  # when the child must have left, once a signal came
    pending = b""
    interrupted = False  # the command has left its interruption's line to this process

    def take(data: bytes) -> None:
        nonlocal path, since, pending, interrupted
        *lines, pending = (pending + data).split(b"\n")
        for line in lines:
            kind, name = line[:1], os.fsdecode(bytes.fromhex(line[1:].decode("ascii")))
            if kind == b"r":
                path = Path(name) if name else None
                since = time.monotonic()
            elif kind == b"+":
                temporaries.add(Path(name))
            elif kind == b"-":
                temporaries.discard(Path(name))
            else:
                interrupted = True

    while True:
        if passed and not ended_by:
            ended_by = time.monotonic() + GRACE_SECONDS
        deadlines = [ended_by] if ended_by else []
        if path is not None:
            deadlines.append(since + READ_SECONDS)
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = select.select([listen, woken], [], [], timeout)[0]
        if woken in ready:
            os.read(woken, 64)
            continue
        if not ready:
            os.kill(child, signal.SIGKILL)
            code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
            for tmp in temporaries:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if code >= 0:  # it left by itself after all, a moment before
                take(_left_in(listen))
                _leave(code, interrupted)
            if ended_by and time.monotonic() >= ended_by:
                _say(t("err.interrupted"), 128 + passed[0])
            _say(t("err.read_timeout", path=path, seconds=int(READ_SECONDS)), 2)
        data = os.read(listen, 4096)
        if not data:
            break
        take(data)
    code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    if code >= 0:
        _leave(code, interrupted)
    # Ended by the signal passed on, before its handler was in place; or killed from outside
    # as it was leaving on one, its line left to this process.
    if -code in passed or interrupted:
        _say(t("err.interrupted"), 128 - code)
    if path is not None:
        _say(_crashed(path, code, ceiling), 2)
    _say(t("err.stopped", how=_signal_name(-code)), 2)


def _left_in(listen: int) -> bytes:
    """What a child that has ended wrote to the pipe and was not read yet; without waiting
    for the pipe's end, which a process it forked might still hold."""
    os.set_blocking(listen, False)
    chunks = []
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(listen, 4096):
            chunks.append(chunk)
    return b"".join(chunks)


def _leave(code: int, interrupted: bool) -> NoReturn:
    """Leave as the command did, with the line it left to this process to say."""
    if interrupted:
        _say(t("err.interrupted"), code)
    os._exit(code)


def _say(message: str, code: int) -> NoReturn:
    with contextlib.suppress(OSError, ValueError):
        print(t("err.prefix") + message, file=sys.stderr, flush=True)
    os._exit(code)


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return t("how.signal", n=signum)


def supervised(path: Path, target: Callable[..., None], *args: Any) -> Iterator[Any]:
    """What ``target(send, *args)`` sends, run in a child, yielded as it arrives.

    ``target`` and ``args`` must be picklable (a module-level function) for the spawn
    fallback. An :class:`LbcError` raised in the child is raised here with its message;
    a child that dies, runs out of memory or runs past READ_SECONDS is an LbcError naming
    ``path``. The child is killed if the caller stops early. Within :func:`read_host`, the
    child is forked by the host, not by this process, or (without fork) the host's one
    spawned reader reads (see _Reader).
    """
    ceiling = memory_ceiling()
    # Where the child cannot cap itself (no RLIMIT_AS: Windows), this process watches it.
    watch = ceiling is not None and resource is None
    capped = None if watch else ceiling
    host = _host[0]
    if isinstance(host, _Reader) and host.target is target:
        yield from _read_by(host, path, ceiling, watch, args)
        return
    child: _Started | _Hosted | None = None
    if isinstance(host, _Host) and host.target is target:
        try:
            child = host.start(capped, args)
        except OSError:  # the host is gone (killed from outside): this process forks
            _host[0] = None
    if child is None:
        child = _Started(target, capped, args)
    try:
        for kind, value in _messages(child, path, ceiling, watch):
            if kind == "item":
                yield value
            elif kind == "error":
                raise LbcError(value)
            else:
                return
    finally:
        child.receive.close()
        if child.is_alive():
            child.kill()
        child.join()


class _Died(LbcError):
    """A reading child that crashed, ran out of memory or was killed for it."""


def _messages(child: Any, path: Path, ceiling: int | None, watch: bool) -> Iterator[Any]:
    """What a reading child sends, (kind, value), until it is done or has said an error;
    _Died when it dies or its memory passes the ceiling, LbcError past READ_SECONDS."""
    receive = child.receive
    heard = time.monotonic()
    while True:
        if watch and (process_memory.memory_in_use(child.pid or 0) or 0) > (ceiling or 0):
            child.kill()
            raise _Died(_crashed(path, None, ceiling))
        if not receive.poll(WATCH_SECONDS if watch else READ_SECONDS):
            if time.monotonic() - heard >= READ_SECONDS:
                raise LbcError(t("err.read_timeout", path=path, seconds=int(READ_SECONDS)))
            continue
        heard = time.monotonic()
        try:
            kind, value = pickle.loads(receive.recv_bytes())
        except EOFError:  # the child is gone, or going
            child.join()
            raise _Died(_crashed(path, child.exitcode, ceiling)) from None
        except (OSError, pickle.UnpicklingError):  # it may still be writing: stopped first
            child.kill()
            child.join()
            raise _Died(_crashed(path, child.exitcode, ceiling)) from None
        if kind == "memory":
            raise _Died(_crashed(path, None, ceiling))
        yield kind, value
        if kind != "item":
            return


class _Started:
    """A reading child of this process's own (multiprocessing: forked, or spawned where
    there is no fork)."""

    def __init__(self, target: Callable[..., None], capped: int | None, args: Any) -> None:
        import multiprocessing  # here: the supervising parent never needs it

        context = multiprocessing.get_context("fork" if CAN_FORK else "spawn")
        self.receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(send, os.getpid(), capped, target, args, current_lang()),
            daemon=True,
        )
        with forking.held() if CAN_FORK else contextlib.nullcontext():
            self._process.start()
        send.close()
        self.pid = self._process.pid

    def is_alive(self) -> bool:
        return self._process.is_alive()

    def kill(self) -> None:
        self._process.kill()

    def join(self) -> None:
        self._process.join()

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode


# The read host in force (read_host), else None.
_host: list[_Host | _Reader | None] = [None]


@contextlib.contextmanager
def read_host(
    target: Callable[..., None], upcoming: Sequence[tuple[Any, ...]] = ()
) -> Iterator[None]:
    """Within this, each read of ``target`` runs in a child forked by a small host process,
    itself forked here on entry, before this process holds any school's rows.

    Forking this process once it holds hundreds of schools' rows copies its page tables
    every time, and the copy grows with each school read: over a county's 550 files that
    was most of the run. The host holds nothing and forks each reading child as cheaply as
    the first. ``upcoming``: the reads' arguments in the order they will be asked for;
    while one read's rows are taken in, the next is already under way in a child of its
    own, on the second core. Where the platform cannot fork (Windows), a spawn re-imports
    lbc for each file instead, a fraction of a second a school: there one spawned reader
    reads the files one after another (_Reader).
    """
    if _host[0] is not None:
        yield
        return
    host = _host[0] = _Host(target, upcoming) if CAN_FORK else _Reader(target)
    try:
        yield
    finally:
        _host[0] = None
        host.close()


def read_host_for_life(target: Callable[..., None]) -> None:
    """read_host for the rest of this process's life, where the platform can fork: for a
    merge worker, which reads school after school until the run ends it, and grows with
    every school it reads and renders. Forked from that worker, each read's child cost a
    copy of its page tables, and the worker a copy of each page it wrote while the child
    read. The host ends with the worker: closed as the worker leaves (its finalisers run),
    killed with it otherwise (parent_death). Without fork (Windows) nothing changes: each
    read is spawned from the worker."""
    if not CAN_FORK or _host[0] is not None:
        return
    from multiprocessing import util

    host = _host[0] = _Host(target, ())
    util.Finalize(None, host.close, exitpriority=0)


class _Reader:
    """Where there is no fork: one spawned child reading a folder's files one after
    another, replaced when a read ends it (a crash, the memory ceiling, a stall).

    A read that crashes or runs out of memory in a reader that has read before is read
    again in a fresh one: what the earlier files left in its memory may be what failed
    it, and a school's file must not be left out for another's. So a read's rows are held
    until it is done. A stall is not read again (it would take as long again)."""

    def __init__(self, target: Callable[..., None]) -> None:
        self.target = target
        self._child: _Serving | None = None

    def child(self, capped: int | None) -> _Serving:
        if self._child is None:
            self._child = _Serving(self.target, capped)
        return self._child

    def drop(self) -> None:
        """The reader is done for: killed if it still runs, and replaced at the next read."""
        if self._child is not None:
            self._child.kill()
            self._child.join()
            self._child = None

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
            self._child = None


class _Serving(_Started):
    """The spawned reader: _serve_each, taking each read's arguments from a pipe."""

    def __init__(self, target: Callable[..., None], capped: int | None) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self.receive, send = context.Pipe(duplex=False)
        requests, self._requests = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve_each,
            args=(send, requests, os.getpid(), capped, target, current_lang()),
            daemon=True,
        )
        self._process.start()
        send.close()
        requests.close()
        self.pid = self._process.pid
        self.reads = 0

    def ask(self, args: Any) -> None:
        self._requests.send(args)

    def close(self) -> None:
        """No more reads: the reader leaves when its requests end."""
        self._requests.close()
        self._process.join(WATCH_SECONDS * 20)
        if self._process.is_alive():
            self.kill()
            self.join()


def _read_by(
    reader: _Reader, path: Path, ceiling: int | None, watch: bool, args: Any
) -> Iterator[Any]:
    """supervised() by the folder's spawned reader: its items once it is done."""
    child = reader.child(None if watch else ceiling)
    reused = child.reads > 0
    items: list[Any] = []
    finished = False
    try:
        child.ask(args)
        for kind, value in _messages(child, path, ceiling, watch):
            if kind == "item":
                items.append(value)
            elif kind == "error":
                child.reads += 1
                finished = True
                raise LbcError(value)
            else:
                child.reads += 1
                finished = True
    except _Died:
        reader.drop()
        if not reused:
            raise
        items = list(_read_by(reader, path, ceiling, watch, args))
        finished = True
    finally:
        if not finished:
            reader.drop()
    yield from items


class _Host:
    """The parent's side of the read host: a request sends a read's arguments; the host
    answers with the reading child's pipe (its descriptor passed over the socket) and pid,
    and, once the child has ended and been reaped, its exit code. The parent asks the host
    to kill a child, never kills it itself: only the host knows whether the pid is still
    the child's."""

    def __init__(self, target: Callable[..., None], upcoming: Sequence[tuple[Any, ...]]) -> None:
        # What the host and its children import, imported before the fork: a module being
        # imported on another thread (validate's warm-up) would stay locked in the host.
        import multiprocessing.connection  # noqa: F401
        import socket

        self.target = target
        self._control, theirs = socket.socketpair()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        parent = os.getpid()
        with forking.held():  # Ctrl-C meanwhile: taken once the host is this one's
            pid = os.fork()
            if pid == 0:  # pragma: no cover  (the host; the reads it serves are what is tested)
                code = 1
                try:
                    parent_death.end_with_parent(parent)
                    self._control.close()
                    _quiet()
                    code = _host_loop(theirs, target)
                finally:
                    os._exit(code)
            theirs.close()
            self.pid = pid
            self._current: _Hosted | None = None
            self._upcoming = list(upcoming)
            self._ahead: tuple[tuple[Any, ...], _Hosted] | None = None  # the next read, begun

    def start(self, capped: int | None, args: tuple[Any, ...]) -> _Hosted:
        """The child reading ``args``: begun already, or now; and the next read begun."""
        if self._current is not None:  # a read left unfinished: its child ends first
            self._current.kill()
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] != args:  # its file was not read after all
            ahead[1].kill()
            ahead[1].receive.close()
            ahead = None
        child = self._current = ahead[1] if ahead is not None else self._fork(capped, args)
        if args in self._upcoming:
            del self._upcoming[: self._upcoming.index(args) + 1]
            following = next(iter(self._upcoming), None)
            if following is not None:
                self._ahead = (following, self._fork(capped, following))
        return child

    def _fork(self, capped: int | None, args: tuple[Any, ...]) -> _Hosted:
        from multiprocessing.connection import Connection

        _send(self._control, ("read", capped, args))
        fds = _receive_fds(self._control)
        pid = _receive(self._control)
        if len(fds) != 1 or pid is None:
            raise OSError("read host gone")
        child = _Hosted(self, pid)
        child.receive = Connection(fds[0], writable=False)
        return child

    def ask(self, message: tuple[str, int]) -> int:
        """The exit code of a child, once the host has waited for it (``("wait", pid)``) or
        killed it (``("kill", pid)``); a host gone meanwhile was killed, and its children
        with it."""
        if self._current is not None and self._current.pid == message[1]:
            self._current = None
        try:
            _send(self._control, message)
            code = _receive(self._control)
        except OSError:
            code = None
        return -signal.SIGKILL if code is None else code

    def close(self) -> None:
        if self._ahead is not None:  # begun for a file that was not read after all
            self._ahead[1].kill()
            self._ahead[1].receive.close()
        self._control.close()  # the host leaves at the end of its requests
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class _Hosted:
    """A reading child forked by the host; ``is_alive`` until the host has reaped it."""

    receive: Any

    def __init__(self, host: _Host, pid: int) -> None:
        self._host = host
        self.pid = pid
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        return self.exitcode is None

    def kill(self) -> None:
        if self.exitcode is None:
            self.exitcode = self._host.ask(("kill", self.pid))

    def join(self) -> None:
        if self.exitcode is None:
            self.exitcode = self._host.ask(("wait", self.pid))


def _host_loop(control: Any, target: Callable[..., None]) -> int:
    """The host: for each read asked for, fork its child with a pipe of its own and pass
    the pipe's reading end and the pid back; asked to wait for a child or to kill it,
    answer with its exit code. Two reads may be under way (see read_host)."""
    children: set[int] = set()
    try:
        return _host_serve(control, target, children)
    finally:  # the parent is gone, or done, or the host failed: so are the reads
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)


def _host_serve(control: Any, target: Callable[..., None], children: set[int]) -> int:
    """The host's requests, served until the parent closes its end (``children``: the
    reading children not yet reaped)."""
    import socket
    from multiprocessing.connection import Connection

    while True:
        message = _receive(control)
        if message is None:
            return 0
        if message[0] != "read":
            what, pid = message
            if what == "kill":
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            children.discard(pid)
            _send(control, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
            continue
        _, capped, args = message
        read, write = os.pipe()
        host = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover  (a reading child)
            code = 1
            try:
                os.close(read)
                control.close()
                _serve(
                    Connection(write, readable=False), host, capped, target, args, current_lang()
                )
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        children.add(pid)
        socket.send_fds(control, [b"r"], [read])
        os.close(read)
        _send(control, pid)


def _send(sock: Any, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(len(data).to_bytes(8, "little") + data)


def _receive(sock: Any) -> Any:
    """The next value sent, None once the other side has closed."""
    head = _exactly(sock, 8)
    if head is None:
        return None
    data = _exactly(sock, int.from_bytes(head, "little"))
    return None if data is None else pickle.loads(data)


def _exactly(sock: Any, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(n - got)
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _receive_fds(sock: Any) -> list[int]:
    import socket

    _, fds, _, _ = socket.recv_fds(sock, 1, 1)
    return list(fds)


def out_of_memory(path: Path) -> LbcError:
    """The error for a read whose rows did not fit in this process's memory ceiling."""
    return LbcError(_crashed(path, None, memory_ceiling()))


def how_ended(exitcode: int) -> str:
    """How a process ended, as its exit code says: the signal that killed it, or the code."""
    return _signal_name(-exitcode) if exitcode < 0 else t("how.exit", code=exitcode)


def _crashed(path: Path, exitcode: int | None, ceiling: int | None) -> str:
    how = t("how.memory") if exitcode is None else how_ended(exitcode)
    if not ceiling:
        limit = "-"
    elif ceiling < 1 << 30:
        limit = f"{ceiling >> 20} MB"
    else:
        limit = f"{ceiling / (1 << 30):.1f} GB"
    return t("err.reader_crashed", path=path, how=how, limit=limit)


def _serve(
    conn: Connection,
    parent: int,
    ceiling: int | None,
    target: Callable[..., None],
    args: Any,
    lang: str,
) -> None:
    """The child: ending with ``parent``, quiet, capped, running ``target`` and reporting
    how it ended, in the run's language (``lang``: a spawned child inherits no --lang)."""
    parent_death.end_with_parent(parent)
    set_lang(lang)
    _quiet()
    _limit_memory(ceiling)
    _run(conn, target, args)
    conn.close()


def _serve_each(
    conn: Connection,
    requests: Connection,
    parent: int,
    ceiling: int | None,
    target: Callable[..., None],
    lang: str,
) -> None:
    """The spawned reader: as _serve, for each read asked for until there are no more. Out
    of memory, it leaves: what is left of it is not to be trusted with the next file."""
    parent_death.end_with_parent(parent)
    set_lang(lang)
    _quiet()
    _limit_memory(ceiling)
    while True:
        try:
            args = requests.recv()
        except EOFError:
            break
        if not _run(conn, target, args):
            break
    conn.close()


def _run(conn: Connection, target: Callable[..., None], args: Any) -> bool:
    """Run one read, sending its items and how it ended; False when memory ran out."""

    def put(kind: str, value: Any) -> None:
        conn.send_bytes(_pickled((kind, value)))

    try:
        target(lambda value: put("item", value), *args)
        put("done", None)
    except LbcError as exc:
        put("error", str(exc))
    except MemoryError:
        put("memory", None)
        return False
    return True


def _pickled(item: Any) -> memoryview:
    """``item`` pickled for the parent, without the memo (fast mode): a county's sheet is
    millions of cells, each kept in the memo otherwise, which made sending it two fifths
    slower. Python's fast mode fails with a KeyError on an object holding more than 50
    frozen sets (CPython gh-146059, mended in later releases): the 来源列 sheet of a county
    merged from some twenty schools or more, whose merge again was said to have crashed
    the reader. Such an item is pickled again with the memo."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    try:
        pickler.dump(item)
    except KeyError:
        buffer = io.BytesIO()
        pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(item)
    return buffer.getbuffer()


def _quiet() -> None:
    """The child writes nothing of its own: Rust's panic and allocation-failure text goes to
    descriptor 2, and the parent prints the one line. Ctrl-C is the parent's to handle
    (it kills the child): ignored from here, one held off since the fork too (forking).
    The parent's SIGTERM cleanup is not the child's to run."""
    faulthandler.disable()  # a crash dump is not the child's to print either
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    forking.let_in(signal.SIG_IGN)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child


def _limit_memory(ceiling: int | None) -> None:
    """Cap the child's address space (memory_ceiling() is within the hard limit), where
    the platform can."""
    if ceiling is None or resource is None:
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, resource.getrlimit(resource.RLIMIT_AS)[1]))
