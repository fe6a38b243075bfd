"""Measuring a whole ``polybib`` process: CPU time and peak memory of a child process.

Shared by the whole-process benchmarks (start-up, lint, convert, translit): what a user
or a CI runner pays includes the interpreter, the imports and freeing memory at exit, so
the command is run as a subprocess and measured with ``getrusage(RUSAGE_CHILDREN)``.

The child caches its modules' bytecode as an installed package does for a user:
``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI images) is dropped from its
environment, else every run would recompile polybib's sources (~0.07 s) while the
libraries it is compared with (bibtexparser, iuliia) load their cached bytecode.  The
first run of a command may still compile; ``measure`` takes the median.
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


#: Runs the command given as its arguments and prints the command's exit code, CPU
#: seconds and peak RSS (kB).  Linux keeps a process's peak RSS across exec, and a child
#: starts as a copy of its parent, so a command spawned straight from a big process (a
#: benchmark holding its input, pytest) would be charged the parent's memory; spawned from
#: this small launcher it is charged at most the launcher's few megabytes.
LAUNCHER = """\
import os, subprocess, sys
stdin = open(os.environ["WHOLEPROCESS_STDIN"], "rb") if os.environ.get("WHOLEPROCESS_STDIN") else subprocess.DEVNULL
proc = subprocess.Popen(sys.argv[1:], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_once(cmd: list[str], stdin_path: str | None = None) -> Usage:
    """One run of ``cmd`` (output discarded): its CPU time, peak RSS and exit code."""
    env = dict(os.environ, WHOLEPROCESS_STDIN=stdin_path or "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *cmd], capture_output=True, text=True,
                          env=env, check=True)
    code, cpu, maxrss = done.stdout.split()
    return Usage(float(cpu), int(maxrss) * 1024, int(code))


def measure(cmd: list[str], repeat: int = 5) -> Usage:
    """The median CPU time over ``repeat`` runs (CPU, not wall time: the machine may be
    shared) and the largest peak RSS."""
    runs = [run_once(cmd) for _ in range(repeat)]
    return Usage(statistics.median(r.cpu for r in runs), max(r.peak_rss for r in runs),
                 runs[-1].returncode)


__all__ = ["Usage", "measure", "polybib_command", "run_once"]
