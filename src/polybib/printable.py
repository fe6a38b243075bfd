"""Values made safe to show a person or a CI log: control characters escaped.

Titles, DOIs and file names come from files anyone can send.  Printed raw, an ESC starts
a terminal control sequence, a ``\\r`` overwrites what the line said, a ``\\n`` starts a
new line that a CI runner may read as a command (GitHub Actions runs any log line that
begins with ``::``), and bidirectional controls reorder what the reader sees.  Every
reporter and diagnostic printer passes values through :func:`escape_controls` (one value)
or :func:`safe_line` (a whole printed line); machine formats (JSON, SARIF) escape by their
own rules, and files written as data are left alone.

Tab is kept: it is harmless on a terminal and source lines are indented with it.

Two more things a value can hold that a printed line must not: a lone surrogate (a file
name that is not UTF-8 arrives from the command line as ``\\udcff``), which no stream can
encode, so printing it crashed; and the older CI command syntax that runners look for
anywhere in a line, not only at its start (GitHub's ``##[error]…``, Azure Pipelines'
``##vso[task.setvariable …]``), whose ``[`` is escaped.
"""
from __future__ import annotations

import re

#: C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidi controls.
#: Also the bidi marks (LRM, RLM, ALM) and lone surrogates.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                       "\u2066-\u2069\ud800-\udfff]")
#: CI commands a runner finds anywhere in a line (GitHub's legacy ``##[``, Azure's ``##vso[``).
_ANYWHERE_COMMAND = re.compile(r"##(vso)?\[", re.I)
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:            # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: object) -> str:
    """``text`` with every control character written as a visible escape (``\\n``,
    ``\\x1b``, ``\\u202e``); other characters, Cyrillic included, unchanged."""
    return _CONTROLS.sub(_escape, str(text))


def safe_line(text: object) -> str:
    """One printable line: controls escaped, and a leading ``::`` (a GitHub Actions
    workflow command) defused by escaping its first colon."""
    line = escape_controls(text)
    if "#" in line:
        line = _ANYWHERE_COMMAND.sub(lambda m: m.group()[:-1] + "\\x5b", line)
    stripped = line.lstrip()
    if stripped.startswith("::"):
        cut = len(line) - len(stripped)
        line = line[:cut] + "\\x3a" + stripped[1:]
    return line


def safe_lines(text: str) -> str:
    """Multi-line text for a terminal: each line made safe, the line breaks kept."""
    return "\n".join(safe_line(line) for line in text.split("\n"))
