"""One line per finding, as compilers print them: ``FILE:LINE:COL: CODE message``."""
from __future__ import annotations

from ...printable import safe_line


def render(result, color: bool = False) -> str:
    return "".join(safe_line(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}") + "\n"
                   for f in result.findings)
