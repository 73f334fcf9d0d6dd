"""Writing outputs safely: atomically, owner-only, never over an input.

A school re-running lbc in a script must never find a half-written workbook after a crash
or Ctrl-C, and must never lose its roster to a mistyped ``--out``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from lbc.errors import LbcError
from lbc.messages import t

FORMULA_STARTS = ("=", "+", "-", "@")


def refuse_input_as_output(out: Path, inputs: Iterable[Path]) -> None:
    for path in inputs:
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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LbcError(t("err.output_dir", path=out, reason=exc.strerror)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o600)
        with tmp.open("rb+") as fh:  # on disk before it takes the real name
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def safe_cell_text(value: object) -> bool:
    """Whether a generated cell must be forced to text: a string that Excel would run."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def set_text(cell: Any, value: object) -> None:
    """Write a value into an openpyxl cell; strings that look like formulas stay text, so a
    hostile roster cannot plant formulas in a workbook lbc writes."""
    cell.value = value
    if safe_cell_text(value):
        cell.data_type = "s"
