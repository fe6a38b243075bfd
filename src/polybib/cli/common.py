"""What several commands share: printing diagnostics the way compilers do."""
from __future__ import annotations

import sys
from typing import Iterable

from ..model import Diagnostic
from ..printable import safe_line


def print_diagnostics(diagnostics: Iterable[Diagnostic], quiet: bool = False, stream=None) -> None:
    """One line per problem, ``FILE:LINE: severity: message``; warnings hidden by ``quiet``.
    Values from the input are shown with their control characters escaped."""
    stream = stream or sys.stderr
    for diag in diagnostics:
        if quiet and diag.severity != "error":
            continue
        print(safe_line(diag), file=stream)
