"""One line per finding, as compilers print them: ``FILE:LINE:COL: CODE message``."""
from __future__ import annotations

from ...printable import safe_line


def render(result, color: bool = False) -> str:
    return "".join(pieces(result, color))


def pieces(result, color: bool = False):
    """One line per finding, made as written (see :func:`polybib.lint.reporters.pieces`)."""
    for f in result.findings:
        yield safe_line(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}") + "\n"
