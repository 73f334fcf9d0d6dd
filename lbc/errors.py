"""How a run ends: the one exception that means "this job cannot be done", and the exit
statuses the CLI contract (cli-contract.md, "Exit codes") promises scripts."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The process's exit status; scripts branch on these, so they never change.

    DONE: the job was done and nothing was found at error severity (warnings allowed unless
    ``--strict``). PROBLEMS: the job was done and found problems at error severity (bad or
    missing archive data, missing contacts, children left unpaired, a school that could not
    be merged). CANNOT_RUN: the job could not be done (bad usage, a missing or unreadable
    file, no children sheet, a bad config or template), said in one line on stderr.
    INTERRUPTED: Ctrl-C, as shells report a SIGINT (128 + 2); SIGTERM and SIGHUP end with
    128 + their number the same way (lbc.cli). BROKEN_PIPE: the reader of stdout went away
    (``lbc … | head``), as shells report a command ended by SIGPIPE (128 + 13).
    """

    DONE = 0
    PROBLEMS = 1
    CANNOT_RUN = 2
    INTERRUPTED = 130
    BROKEN_PIPE = 141

    @classmethod
    def found(cls, problems: object) -> ExitStatus:
        """PROBLEMS when anything was found at error severity, else DONE."""
        return cls.PROBLEMS if problems else cls.DONE


class LbcError(Exception):
    """A problem the user can fix: a missing file, a corrupt workbook, a bad option.

    The message is already in the user's language; the CLI prints it as one line and
    exits with ``ExitStatus.CANNOT_RUN``. Anything else that escapes is a bug and is
    reported as an internal error.
    """


class LbcErrors(LbcError):
    """Several problems the user can fix, found in one go, each said in its own line: a
    county's run over schools whose lbc.toml lbc cannot read names every such file, so the
    county office mends them all before running again, not one a run."""

    def __init__(self, errors: list[LbcError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors

    def __reduce__(self) -> tuple[type[LbcErrors], tuple[list[LbcError]]]:
        """Pickled as its errors (a merge worker's crossing back to the run): an
        exception is rebuilt from its ``args``, the joined text, which __init__ would take
        for the list and join a character a line."""
        return self.__class__, (self.errors,)
