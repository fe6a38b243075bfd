"""Benchmark: ``polybib batch`` references per second on 1 and 2 workers, and the cost per
million references.

    python benchmarks/bench_batch.py                      # 200,000 references, 1 and 2 workers
    python benchmarks/bench_batch.py --count 1000000 --workers 2 --keep /tmp/b1m

Generates ``--count`` distinct, realistic mixed references — half free-text lines (GOST
7.1/7.0.5 journal articles and books, APA-style English articles, with URLs and access
dates), half BibLaTeX entries (Russian books and articles, English articles and
conference papers) — in files of ``--per-file`` references, then runs
``polybib batch FILES -o OUT --stages import,keys`` (import and normalisation: parsing,
look-alike repair, names, dates, types, language, unique ASCII keys) as a subprocess for
each worker count, on a fresh output folder.  It prints references/s (whole command, the
cluster's start included), the speed-up, each worker's CPU seconds and peak RSS (from the
batch's summary.json), and the cost per million: CPU-seconds and wall seconds.

Issue 17's targets: >= 1.8x with 2 workers; 1,000,000 references with peak memory per
worker < 2 GB.  The machine's other load matters (2 cores): the table says what it saw.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_bibtex import (CITIES, JOURNALS_RU, PUBLISHERS, SURNAMES_RU, WORDS_EN, WORDS_RU,  # noqa: E402
                          _initials, _title)

SURNAMES_LATIN = ["Smith", "Johnson", "Müller", "García", "van der Berg", "O'Neil", "Li", "Wang",
                  "Kizekova", "Čapek", "Nguyen", "Brown", "Dubois", "Ivanova", "Petrov"]
JOURNALS_EN = ["Journal of Eurasian Studies", "Energy Policy", "Post-Soviet Affairs",
               "Europe-Asia Studies", "Water Resources Research", "Central Asian Survey"]


def text_reference(i: int, rng: random.Random) -> str:
    """One free-text reference; ``i`` is in its pages or identifiers, so all differ."""
    year = rng.randint(1960, 2025)
    kind = rng.random()
    if kind < 0.4:                                   # GOST journal article
        authors = ", ".join(f"{rng.choice(SURNAMES_RU)} {_initials(rng).replace(' ', '')}"
                            for _ in range(rng.randint(1, 3)))
        return (f"{authors} {_title(rng, WORDS_RU)} // {rng.choice(JOURNALS_RU)}. — {year}. — "
                f"Т. {rng.randint(1, 60)}, № {rng.randint(1, 12)}. — С. {i % 900 + 1}–{i % 900 + rng.randint(3, 30)}.")
    if kind < 0.6:                                   # GOST book, with an online copy
        author = f"{rng.choice(SURNAMES_RU)}, {_initials(rng)}"
        return (f"{author} {_title(rng, WORDS_RU)} / {author.split(',')[0]}. — {rng.choice(CITIES)} : "
                f"{rng.choice(PUBLISHERS)}, {year}. — {rng.randint(80, 900)} с. — URL: "
                f"https://elib.example.ru/book/{i} (дата обращения: {rng.randint(10, 28)}.02.2019).")
    authors = ", ".join(f"{rng.choice(SURNAMES_LATIN)}, {rng.choice('ABCDEJKLMT')}."
                        for _ in range(rng.randint(1, 4)))
    return (f"{authors} ({year}). {_title(rng, WORDS_EN)}. {rng.choice(JOURNALS_EN)}, "
            f"{rng.randint(1, 60)}({rng.randint(1, 12)}), {i % 900 + 1}-{i % 900 + rng.randint(3, 30)}. "
            f"https://doi.org/10.{rng.randint(1000, 9999)}/bench.{i}")


def bib_entry(i: int, rng: random.Random) -> str:
    year = rng.randint(1960, 2025)
    kind = rng.random()
    if kind < 0.35:
        authors = " and ".join(f"{rng.choice(SURNAMES_RU)}, {_initials(rng)}" for _ in range(rng.randint(1, 4)))
        return (f"@book{{ru{i},\n  author = {{{authors}}},\n  title = {{{_title(rng, WORDS_RU)}}},\n"
                f"  location = {{{rng.choice(CITIES)}}},\n  publisher = {{{rng.choice(PUBLISHERS)}}},\n"
                f"  date = {{{year}}},\n  pagetotal = {{{rng.randint(80, 900)}}},\n  langid = {{russian}},\n}}\n\n")
    if kind < 0.6:
        authors = " and ".join(f"{rng.choice(SURNAMES_RU)}, {_initials(rng)}" for _ in range(rng.randint(1, 3)))
        return (f"@article{{ra{i},\n  author = {{{authors}}},\n  title = {{{_title(rng, WORDS_RU)}}},\n"
                f"  journaltitle = {{{rng.choice(JOURNALS_RU)}}},\n  date = {{{year}}},\n"
                f"  number = {{{rng.randint(1, 12)}}},\n  pages = {{{i % 300 + 1}--{i % 300 + 9}}},\n"
                f"  url = {{http://www.eduherald.ru/ru/article/view?id={i}}},\n  urldate = {{2019-02-11}},\n"
                f"  langid = {{russian}},\n}}\n\n")
    authors = " and ".join(f"{rng.choice(SURNAMES_LATIN)}, {rng.choice('ABCDEJKLMT')}."
                           for _ in range(rng.randint(1, 5)))
    return (f"@article{{en{i},\n  author = {{{authors}}},\n  title = {{{_title(rng, WORDS_EN)}}},\n"
            f"  journal = {{{rng.choice(JOURNALS_EN)}}},\n  year = {year},\n  volume = {rng.randint(1, 60)},\n"
            f"  pages = {{{i % 900 + 1}--{i % 900 + 12}}},\n  doi = {{10.{rng.randint(1000, 9999)}/bench.{i}}},\n}}\n\n")


def generate(folder: Path, count: int, per_file: int, seed: int = 17) -> list[str]:
    """``count`` references, half text and half .bib, in files of ``per_file``."""
    rng = random.Random(seed)
    paths = []
    for start in range(0, count, per_file):
        n = min(per_file, count - start)
        number = len(paths)
        if number % 2 == 0:
            path = folder / f"list-{number:04d}.txt"
            path.write_text("".join(text_reference(start + k, rng) + "\n" for k in range(n)), encoding="utf-8")
        else:
            path = folder / f"refs-{number:04d}.bib"
            path.write_text("".join(bib_entry(start + k, rng) for k in range(n)), encoding="utf-8")
        paths.append(str(path))
    return paths


def run(paths: list[str], out: Path, workers: int, partition_mb: float) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "polybib", "batch", *paths, "-o", str(out), "--workers", str(workers),
               "--stages", "import,keys", "--partition-mb", str(partition_mb), "-q"]
    started = time.perf_counter()
    children = os.times()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"polybib batch failed ({done.returncode}): {done.stderr}")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    after = os.times()
    summary["driver_cpu"] = (after.children_user - children.children_user
                             + after.children_system - children.children_system)
    summary["command_wall"] = wall
    return summary


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=200000, help="references (default 200,000)")
    ap.add_argument("--per-file", type=int, default=20000, help="references per generated file")
    ap.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    ap.add_argument("--partition-mb", type=float, default=2.0, help="batch --partition-mb (default 2)")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="polybib-bench-batch-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        inputs = folder / "inputs"
        inputs.mkdir(exist_ok=True)
        paths = generate(inputs, args.count, args.per_file)
        size = sum(os.path.getsize(p) for p in paths)
        load = os.getloadavg()[0]
        print(f"{args.count:,} references ({size / 2**20:.1f} MB in {len(paths)} files; half text, half .bib); "
              f"{os.cpu_count()} CPUs, load average {load:.2f} before the runs")
        print(f"{'workers':>7} {'refs/s':>9} {'wall s':>8} {'records':>9} {'CPU s (workers)':>16} "
              f"{'peak RSS/worker MiB':>20}")
        rates = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            summary = run(paths, folder / f"out-{workers}", workers, args.partition_mb)
            usage = summary.get("workers", {}).values()
            cpu = sum(u["cpu_seconds"] for u in usage)
            peak = max((u["peak_rss_mib"] for u in usage), default=0.0)
            wall = summary["command_wall"]
            rates[workers] = summary["records"] / wall
            print(f"{workers:>7} {rates[workers]:>9,.0f} {wall:>8.1f} {summary['records']:>9,} {cpu:>16.1f} "
                  f"{peak:>20.0f}")
            per_million = 1e6 / max(summary["records"], 1)
            print(f"{'':>7} cost per million: {cpu * per_million:,.0f} CPU-s in the workers' tasks, "
                  f"{summary['driver_cpu'] * per_million:,.0f} CPU-s for the whole command (driver, "
                  f"scheduler, nannies, workers), "
                  f"{wall * per_million:,.0f} s wall with {workers} worker(s)")
            driver = summary.get("driver", {})
            print(f"{'':>7} driver: {driver.get('cpu_seconds', 0):.1f} CPU-s, peak RSS "
                  f"{driver.get('peak_rss_mib', 0):.0f} MiB (planning, keys across the run, manifest)")
            if summary["records"] != args.count:
                print(f"        records: {summary['records']:,}, expected {args.count:,}")
        if 1 in rates and 2 in rates:
            print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x (target >= 1.8x); "
                  f"load average now {os.getloadavg()[0]:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
