"""Writing outputs safely: atomically, owner-only, never over an input.

A school re-running lbc in a script must never find a half-written workbook after a crash
or Ctrl-C, and must never lose its roster to a mistyped ``--out``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from lbc.errors import LbcError
from lbc.messages import os_reason, t
from lbc.output.formula_errors import FORMULA_ERRORS

FORMULA_STARTS = ("=", "+", "-", "@")


def refuse_input_as_output(out: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output that is one of the inputs, or lies inside a folder given as input
    (the next run would read it as one more school's roster), and an output that is a folder
    (``--out .``): every command checks here before its work, so each refuses it alike."""
    try:
        is_folder = out.is_dir()
    except OSError as exc:  # a name too long to look up: it cannot be written either
        raise LbcError(t("err.output_dir", path=out, reason=os_reason(exc))) from exc
    if is_folder:
        raise LbcError(t("err.output_is_folder", path=out))
    for path in inputs:
        if path.is_dir():
            if out.resolve().is_relative_to(path.resolve()):
                raise LbcError(t("err.output_in_input_folder", path=out, folder=path))
            continue
        try:
            same = out.exists() and out.samefile(path)
        except OSError:
            same = False
        if same or out.resolve() == path.resolve():
            raise LbcError(t("err.output_is_input", path=out))


def write_atomic(out: Path, write: Callable[[Path], None], inputs: Iterable[Path] = ()) -> None:
    """Call ``write(tmp)`` on a 0600 temporary file beside ``out``, then rename it into place."""
    refuse_input_as_output(out, inputs)
    folder = out.parent if str(out.parent) else Path(".")
    remove_stale_temporaries(folder, out.name)
    tmp = _new_temporary(folder, out)
    try:
        write(tmp)
        os.chmod(tmp, 0o600)
        with tmp.open("rb+") as fh:  # on disk before it takes the real name
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, out)
        except OSError as exc:  # a folder made at that name meanwhile, a locked file
            raise LbcError(t("err.output_dir", path=out, reason=_refused(exc, out))) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        _unlist(tmp)


def _refused(exc: OSError, out: Path) -> str:
    """Why the finished file could not take ``out``'s place: a file there refusing to be
    replaced is, on Windows, one open in Excel or WPS (the school's pairs workbook kept open
    while pairing again), which "permission denied" alone does not tell."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) and out.is_file():
        return t("os.replace_refused")
    return os_reason(exc)


def _new_temporary(folder: Path, out: Path) -> Path:
    """Create an empty owner-only temporary beside ``out``, listed in ``_LIVE`` *before* it
    exists: a signal landing between its creation and its listing would leave it behind."""
    for _ in range(100):
        tmp = folder / f"{_temp_prefix(out.name)}{secrets.token_hex(4)}.tmp"
        _list(tmp)
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return tmp
        except FileExistsError:
            _unlist(tmp)
        except OSError as exc:
            _unlist(tmp)
            raise LbcError(t("err.output_dir", path=out, reason=os_reason(exc))) from exc
    raise LbcError(t("err.output_dir", path=out, reason="FileExistsError"))


# The temporaries being written now, with the process writing each (a forked worker
# inherits this table, and must not remove its parent's files).
_LIVE: dict[Path, int] = {}


# Who else is told of each temporary as it is listed (True) and let go of (False): the
# process supervising the command (lbc.roster.supervised), which removes those of a command
# it had to kill, where the command's own signal handler could not run in time.
_TELL: list[Callable[[Path, bool], None]] = []


def announce_temporaries(tell: Callable[[Path, bool], None]) -> None:
    """Have ``tell(tmp, begun)`` called for each temporary this process lists and lets go."""
    _TELL[:] = [tell]


def _list(tmp: Path) -> None:
    for tell in _TELL:  # told before the file can exist, as _LIVE is
        tell(tmp, True)
    _LIVE[tmp] = os.getpid()


def _unlist(tmp: Path) -> None:
    if _LIVE.pop(tmp, None) is not None:
        for tell in _TELL:
            tell(tmp, False)


def remove_live_temporaries() -> None:
    """Delete this process's unfinished temporaries: called when a signal ends the run."""
    for tmp, pid in list(_LIVE.items()):
        if pid == os.getpid():
            with contextlib.suppress(OSError):
                tmp.unlink()


def _temp_prefix(name: str, pid: int | None = None) -> str:
    """A temporary's name carries the writer's process ID, so a later run can tell one that
    a killed lbc left behind (personal data in a hidden file) from one still being written."""
    return f".{name}.lbc{os.getpid() if pid is None else pid}."


_STALE_AGE = 3600  # seconds; where a process's life cannot be asked (Windows)
# The largest process ID a system gives (a C int): asking after a larger one overflows.
_PID_MAX = 2**31 - 1


def remove_stale_temporaries(folder: Path, name: str) -> None:
    """Delete the temporaries of output ``name`` in ``folder`` that lbc runs killed while
    writing it left behind (SIGKILL, the out-of-memory killer, a power cut): only files of
    lbc's own naming for that output, whose writer is gone. Only that output's: a
    folder shared by several computers (a county office's) holds others' temporaries,
    whose writers' process IDs mean nothing here, and a run writing the same output as
    another at the same time is at odds with it anyway."""
    # As _new_temporary names them: _temp_prefix (a process ID as the system gives it, in
    # ASCII digits without a leading zero), then 8 hex digits; or as lbc named them before,
    # by tempfile.mkstemp with that prefix: 8 of a-z, 0-9 and _. A name lbc could not have
    # written (a process ID too large for any system, ١٢٣, 0123) is not lbc's to remove,
    # nor one of lbc's first naming (.NAME.XXXXXXXX.tmp): it says no process, and others
    # name their temporaries so too.
    temporary = re.compile(re.escape(f".{name}.lbc") + r"([1-9][0-9]*)\.[0-9a-z_]{8}\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = temporary.fullmatch(entry.name)
        if match is None or int(match[1]) > _PID_MAX:
            continue
        if entry.is_file(follow_symlinks=False) and _writer_gone(entry, int(match[1])):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _writer_gone(entry: os.DirEntry[str], pid: int) -> bool:
    if pid == os.getpid():
        return False
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_AGE
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, someone else's
        return False
    return False


def safe_cell_text(value: object) -> bool:
    """Whether a generated cell must be forced to text: a string that Excel would run."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


# Characters XML 1.0 cannot hold, which a school's cell or sheet name may still carry
# (read through Excel's _x001B_ escapes): openpyxl refuses them, so they are left out.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def set_text(cell: Any, value: object) -> None:
    """Write a value into an openpyxl cell; strings that look like formulas stay text, so a
    hostile roster cannot plant formulas in a workbook lbc writes, and characters XML
    cannot hold are left out (openpyxl raised IllegalCharacterError on them)."""
    if isinstance(value, str):
        value = XML_ILLEGAL.sub("", value)
    cell.value = value
    if safe_cell_text(value):
        cell.data_type = "s"


def set_list_text(cell: Any, value: object) -> None:
    """A cell of a list lbc writes (a to-do list, the change log), as set_text; text that
    reads as a formula's error (a class typed " #N/A", named without its spaces) stays the
    text it is, where openpyxl would make it the error itself (#N/A, an error cell)."""
    set_text(cell, value)
    if value.__class__ is str and value in FORMULA_ERRORS:
        cell.data_type = "s"
