"""What several commands share: printing diagnostics the way compilers do."""
from __future__ import annotations

import sys
from typing import Iterable

from ..model import Diagnostic


def print_diagnostics(diagnostics: Iterable[Diagnostic], quiet: bool = False, stream=None) -> None:
    """One line per problem, ``FILE:LINE: severity: message``; warnings hidden by ``quiet``."""
    stream = stream or sys.stderr
    for diag in diagnostics:
        if quiet and diag.severity != "error":
            continue
        print(diag, file=stream)
