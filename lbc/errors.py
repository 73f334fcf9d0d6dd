"""The one exception that means "this job cannot be done" (exit 2, one line on stderr)."""

from __future__ import annotations


class LbcError(Exception):
    """A problem the user can fix: a missing file, a corrupt workbook, a bad option.

    The message is already in the user's language; the CLI prints it as one line and
    exits 2. Anything else that escapes is a bug and is reported as an internal error.
    """
