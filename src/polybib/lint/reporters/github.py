"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Escaping follows the runner's rules for workflow commands: in the message ``%``, ``\r``
and ``\n`` become ``%25``, ``%0D``, ``%0A``; in properties ``:`` and ``,`` too.  Other
control characters are shown escaped (:mod:`polybib.printable`).  So every annotation is
one line that starts with the command polybib wrote, and no value can start another.
"""
from __future__ import annotations

from ...printable import escape_controls

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(text)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result, color: bool = False) -> str:
    return "".join(pieces(result, color))


def pieces(result, color: bool = False):
    """One annotation line per finding, made as written."""
    for f in result.findings:
        props = f"file={_escape_property(f.file)},line={f.line},col={f.column}," \
                f"title={_escape_property(f'{f.code} {f.name}')}"
        yield f"::{LEVELS[f.severity]} {props}::{_escape_data(f.message)}\n"
