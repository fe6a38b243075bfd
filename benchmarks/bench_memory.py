"""Benchmark: peak memory of ``polybib convert`` and ``polybib lint`` on a large .bib.

    python benchmarks/bench_memory.py [--entries 100000] [--repeat 1]

Generates a realistic mixed Cyrillic/Latin .bib of distinct records (the generator of
``bench_bibtex.py``), runs each command as a subprocess and reads its peak resident set
size (``wait4``'s rusage), printing it next to the input size, both raw and less the
interpreter's baseline (``polybib convert`` of a one-entry file: Python, the imports).
Target of issue 12: peak memory at most 10x the input for convert and lint.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from bench_bibtex import generate  # noqa: E402
from wholeprocess import measure, polybib_command  # noqa: E402

TARGET = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bib = os.path.join(tmp, "big.bib")
        one = os.path.join(tmp, "one.bib")
        for path, n in ((bib, args.entries), (one, 1)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(generate(n))
        size = os.path.getsize(bib)
        baseline = measure(polybib_command("convert", one, "-o", os.path.join(tmp, "one.json")), 3).peak_rss
        commands = {
            "convert .bib -> .json (CSL-JSON)": polybib_command("convert", bib, "-o", os.path.join(tmp, "out.json")),
            "convert .bib -> .ris": polybib_command("convert", bib, "-o", os.path.join(tmp, "out.ris")),
            "convert .bib -> .bib (unchanged)": polybib_command("convert", bib, "-o", os.path.join(tmp, "out.bib")),
            "convert .bib -> .bib --dialect bibtex": polybib_command("convert", bib, "--dialect", "bibtex",
                                                                     "-o", os.path.join(tmp, "out2.bib")),
            "lint (human report)": polybib_command("lint", bib, "-o", os.path.join(tmp, "lint.txt")),
            "lint --format json": polybib_command("lint", bib, "--format", "json", "-o", os.path.join(tmp, "l.json")),
        }
        print(f"input: {args.entries} entries, {size / 2**20:.1f} MiB; interpreter baseline "
              f"{baseline / 2**20:.0f} MiB")
        print(f"{'command':40} {'peak MiB':>9} {'x input':>8} {'x input, less baseline':>23} {'CPU s':>7}")
        for label, cmd in commands.items():
            usage = measure(cmd, args.repeat)
            ratio, net = usage.peak_rss / size, (usage.peak_rss - baseline) / size
            verdict = "ok" if ratio <= TARGET else "over"
            print(f"{label:40} {usage.peak_rss / 2**20:9.0f} {ratio:8.1f} {net:23.1f} {usage.cpu:7.1f}  {verdict}")
        print(f"target: at most {TARGET:.0f}x the input")


if __name__ == "__main__":
    main()
