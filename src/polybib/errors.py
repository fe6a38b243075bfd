"""The few fatal errors polybib raises; everything recoverable is a Diagnostic instead.

An error is shown as one line, ``FILE:LINE: message`` (control characters escaped, see
:mod:`polybib.printable`), and exits with code 2.  Anything else escaping a command is a
bug: the CLI reports it as an internal error with exit code 3 (:data:`INTERNAL_EXIT`).
"""
from __future__ import annotations

from .printable import safe_line

#: Exit code of an unexpected exception (a bug), distinct from 1 (findings) and 2 (errors).
INTERNAL_EXIT = 3


class PolybibError(Exception):
    """A failure the user must act on, pointing at the file and line when there is one."""

    exit_code = 2

    def __init__(self, message: str, file: str = "", line: int = 0, source_line: str = "", column: int = 0):
        self.message = message
        self.file = file
        self.line = line
        self.source_line = source_line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        """One line, ``FILE:LINE: message``; values in it cannot break the line."""
        where = self.file
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        return safe_line(text)

    def context(self) -> str:
        """The source line and a caret under the spot, when known (for verbose output)."""
        if not self.source_line:
            return ""
        text = f"    {safe_line(self.source_line)}"
        if self.column:
            text += "\n    " + " " * (self.column - 1) + "^"
        return text


class UsageError(PolybibError):
    """Wrong arguments or an unknown format, style or scheme."""


class InputError(PolybibError):
    """An input file that cannot be read at all (missing, unreadable, wrong format)."""


class OutputError(PolybibError):
    """An output that cannot be written (read-only file system, no permission, disk full)."""


class PolybibWarning(UserWarning):
    """Something recoverable the library noticed outside any input record (a corrupt
    cache): the CLI prints it as one line, ``polybib: warning: message``."""
