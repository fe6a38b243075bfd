"""Benchmark: lint a generated mixed Cyrillic/Latin .bib with every offline rule.

    python benchmarks/bench_lint.py [--entries 100000]

Reports the time, entries per second and peak memory (tracemalloc) of ``polybib lint``'s
library call (read + every default rule), next to bare ``bibtexparser.parse_string`` on
the same file.  Target of issue 6: at most 2x bare parsing time, under 1 GB.

Then the whole process (issue 18.6: at most 1.5x at 20,000 entries): ``polybib lint FILE``
as a subprocess (interpreter, imports, report, freeing memory at exit included) next to a
Python process that imports bibtexparser and parses the same file, CPU time (user +
system), median of ``--repeat`` runs.  The report goes to standard output, which the
launcher discards (never ``-o /dev/null``: the benchmark may run as root).

``--diff`` also times ``polybib lint FILE --diff --unsafe-fixes`` as a whole process (every
entry without ``langid`` gets one: ~2,400 hunks at 20,000 entries; it took over 40 minutes
when the diff was difflib's over the whole file).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

import bibtexparser

sys.path.insert(0, os.path.dirname(__file__))
from bench_bibtex import generate, peak_mib  # noqa: E402
from wholeprocess import measure, polybib_command  # noqa: E402

from polybib.lint import LintSettings, lint_paths  # noqa: E402


def timed(fn):
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each whole process")
    parser.add_argument("--diff", action="store_true", help="also time lint --diff --unsafe-fixes")
    args = parser.parse_args()
    text = generate(args.entries)
    with tempfile.NamedTemporaryFile("w", suffix=".bib", delete=False, encoding="utf-8") as handle:
        handle.write(text)
        path = handle.name
    try:
        settings = LintSettings()
        t_bare, _ = timed(lambda: bibtexparser.parse_string(text))
        t_lint, result = timed(lambda: lint_paths([path], settings))
        n = args.entries
        print(f"file: {n} entries, {len(text.encode()) / 2**20:.1f} MiB; rules: "
              f"{len(settings.rules())}; findings: {len(result.findings)}")
        print(f"{'step':36} {'seconds':>8} {'entries/s':>10}")
        print(f"{'bibtexparser parse_string':36} {t_bare:8.2f} {n / t_bare:10,.0f}")
        print(f"{'polybib lint (read + all rules)':36} {t_lint:8.2f} {n / t_lint:10,.0f}")
        print(f"ratio to bare parsing: {t_lint / t_bare:.2f}x (target: at most 2x)")
        if not args.no_memory:
            del result
            print(f"peak memory, bibtexparser parse: {peak_mib(lambda: bibtexparser.parse_string(text)):.0f} MiB")
            print(f"peak memory, polybib lint:       {peak_mib(lambda: lint_paths([path], settings)):.0f} MiB "
                  "(target: under 1 GB)")
        whole_process(path, args.repeat)
        if args.diff:
            diff = measure(polybib_command("lint", path, "--diff", "--unsafe-fixes"), args.repeat)
            print(f"whole process, CPU s: polybib lint --diff --unsafe-fixes {diff.cpu:.2f}")
    finally:
        os.unlink(path)


BARE = ("import sys, bibtexparser\n"
        "bibtexparser.parse_string(open(sys.argv[1], encoding='utf-8').read())\n")


def whole_process(path: str, repeat: int) -> None:
    bare = measure([sys.executable, "-c", BARE, path], repeat)
    lint = measure(polybib_command("lint", path), repeat)
    print(f"whole process, CPU s: bibtexparser parse {bare.cpu:.2f}, polybib lint {lint.cpu:.2f}; "
          f"ratio {lint.cpu / bare.cpu:.2f}x (target at 20,000 entries: at most 1.5x)")


if __name__ == "__main__":
    main()
