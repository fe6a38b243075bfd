"""Benchmark: start-up cost of the ``polybib`` command, whole process.

    python benchmarks/bench_startup.py [--repeat 15]

Runs, as subprocesses, ``polybib --help`` and ``polybib lint`` on a one-entry ``.bib``
(and ``polybib convert`` of it to CSL-JSON), and prints the median CPU time (user +
system) of each, next to a bare ``python -c pass``.  Targets of issue 18.4: ``polybib
lint`` on one entry at most 0.15 s of CPU, ``polybib --help`` at most 0.1 s.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from wholeprocess import measure, polybib_command  # noqa: E402

ONE_ENTRY = """\
@article{gazul2011biznes,
  author = {Газуль, С. М. and Кизекова, А. Ж.},
  title = {Бизнес-облака: анализ развития},
  journaltitle = {Международный студенческий научный вестник},
  date = {2011},
  number = {3},
  pages = {12--15},
  url = {http://www.eduherald.ru/ru/article/view?id=19537},
  urldate = {2019-02-14},
  langid = {russian},
}
"""

TARGETS = {"polybib --help": 0.10, "polybib lint one.bib": 0.15}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bib = os.path.join(tmp, "one.bib")
        with open(bib, "w", encoding="utf-8") as handle:
            handle.write(ONE_ENTRY)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "polybib --help": polybib_command("--help"),
            "polybib lint one.bib": polybib_command("lint", bib),
            "polybib convert one.bib": polybib_command("convert", bib, "-o", os.path.join(tmp, "one.json")),
        }
        print(f"{'command':28} {'CPU s (median)':>14} {'peak RSS MiB':>13} {'target':>8}")
        for label, cmd in commands.items():
            usage = measure(cmd, args.repeat)
            target = TARGETS.get(label)
            verdict = "" if target is None else f"<= {target:.2f} {'ok' if usage.cpu <= target else 'MISSED'}"
            print(f"{label:28} {usage.cpu:14.3f} {usage.peak_rss / 2**20:13.1f} {verdict:>8}")


if __name__ == "__main__":
    main()
