"""Measuring a whole ``polybib`` process: CPU time and peak memory of a child process.

Shared by the whole-process benchmarks (start-up, lint, convert, translit): what a user
or a CI runner pays includes the interpreter, the imports and freeing memory at exit, so
the command is run as a subprocess and measured with ``getrusage(RUSAGE_CHILDREN)``.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass


@dataclass
class Usage:
    cpu: float          # user + system seconds
    peak_rss: int       # bytes (the largest of the runs)
    returncode: int


def polybib_command(*args: str) -> list[str]:
    """``polybib ARGS`` in this interpreter (the installed package, no PATH lookup)."""
    return [sys.executable, "-m", "polybib", *args]


def run_once(cmd: list[str], stdin_path: str | None = None) -> Usage:
    """One run of ``cmd`` (output discarded); its CPU time and peak resident set size.

    The peak RSS is read from ``wait4``'s own rusage, so each run's figure is its own (the
    RUSAGE_CHILDREN maximum would keep the largest child ever waited for)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()
    return Usage(usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode)


def measure(cmd: list[str], repeat: int = 5) -> Usage:
    """The median CPU time over ``repeat`` runs (CPU, not wall time: the machine may be
    shared) and the largest peak RSS."""
    runs = [run_once(cmd) for _ in range(repeat)]
    return Usage(statistics.median(r.cpu for r in runs), max(r.peak_rss for r in runs),
                 runs[-1].returncode)


__all__ = ["Usage", "measure", "polybib_command", "run_once"]
