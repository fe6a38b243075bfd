"""The few fatal errors polybib raises; everything recoverable is a Diagnostic instead."""
from __future__ import annotations


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
        where = self.file
        if self.file and self.line:
            where = f"{self.file}:{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        if self.source_line:
            text += f"\n    {self.source_line}"
            if self.column:
                text += "\n    " + " " * (self.column - 1) + "^"
        return text


class UsageError(PolybibError):
    """Wrong arguments or an unknown format, style or scheme."""


class InputError(PolybibError):
    """An input file that cannot be read at all (missing, unreadable, wrong format)."""
