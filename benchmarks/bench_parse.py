"""Benchmark: references parsed per second per core, GOST records and all kinds.

    python benchmarks/bench_parse.py [--count 3000]

The references are the labelled ones (../shared/data/parse-dev.jsonl and tests/refparse/data)
and AnyStyle's 1,514 (../shared/data/anystyle/core.xml: English, French, German … in many
styles), repeated with their numbers varied (years, pages, volumes) up to --count.  One
process, one core.  Targets of issue 3: >= 2,000/s for GOST records, >= 500/s overall.
Accuracy is measured by benchmarks/score_sets.py.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from polybib.refparse import parse_reference

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO.parent / "shared" / "data" / "parse-dev.jsonl", *sorted((REPO / "tests" / "refparse" / "data").glob("*.jsonl"))]
ANYSTYLE = REPO.parent / "shared" / "data" / "anystyle" / "core.xml"


def texts() -> list[str]:
    out = []
    for path in SOURCES:
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if ANYSTYLE.exists():
        import sys
        sys.path.insert(0, str(Path(__file__).parent))
        from score_sets import anystyle_rows
        out += [row["text"] for row in anystyle_rows(ANYSTYLE)]
    return out


def vary(text: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)) if len(m.group(0)) < 5 else m.group(0), text)


def is_gost(text: str) -> bool:
    return " // " in text or bool(re.search(r"\s[–—]\s", text))


def rate(refs: list[str]) -> float:
    start = time.perf_counter()
    for text in refs:
        parse_reference(text)
    return len(refs) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    rng = random.Random(3)
    base = texts()
    sample = [vary(rng.choice(base), rng) for _ in range(args.count)]
    gost_base = [t for t in base if is_gost(t)]
    gost = [vary(rng.choice(gost_base), rng) for _ in range(args.count)]
    rate(sample[:200])                       # warm up regexes
    print(f"{len(sample)} references of all kinds, {len(gost)} GOST records; one core")
    print(f"{'set':12} {'refs/s':>10}")
    print(f"{'GOST':12} {rate(gost):10,.0f}   (target >= 2,000)")
    print(f"{'all kinds':12} {rate(sample):10,.0f}   (target >= 500)")
    longest = max(base, key=len)
    print(f"{'longest':12} {rate([longest] * 200):10,.0f}   ({len(longest)} characters)")


if __name__ == "__main__":
    main()
