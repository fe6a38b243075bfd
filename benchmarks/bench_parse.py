"""Benchmark: references parsed per second per core, GOST records and all kinds.

    python benchmarks/bench_parse.py [--count 3000]
    python benchmarks/bench_parse.py --long-lines        # one 100 KB and one 1 MB line
    python benchmarks/bench_parse.py --long-list 30000   # import of a 30,000-item numbered list
    python benchmarks/bench_parse.py --whole 3000        # `polybib import` of 3,000 references, whole process
    python benchmarks/bench_parse.py --load              # loading the CRF model, and its size

The references are the labelled ones (../shared/data/parse-dev.jsonl and tests/refparse/data)
and AnyStyle's 1,514 (../shared/data/anystyle/core.xml: English, French, German … in many
styles), repeated with their numbers varied (years, pages, volumes) up to --count.  One
process, one core.  Targets of issue 3: >= 2,000/s for GOST records, >= 500/s overall.
Accuracy is measured by benchmarks/score_sets.py.

--long-lines parses single lines of 100 KB and 1 MB made of distinct labelled references
pasted one after another (a list that lost its line breaks), plus lines of the shapes that
were quadratic before (stray ``[``, ``*`` and ``_``, thousands of URLs), and prints seconds and
characters per second: parse time must stay linear in line length (issue 12: 1 MB took 24 s).
--long-list N imports a numbered list of N distinct references (issue 18: done when 30,000
items give 30,000 records).
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
    """References per CPU second of this process (CPU, not wall time: the machine may be shared)."""
    start = time.process_time()
    for text in refs:
        parse_reference(text)
    return len(refs) / (time.process_time() - start)


def pasted_line(refs: list[str], size: int) -> str:
    """Distinct references joined by spaces up to ``size`` characters."""
    out, length = [], 0
    for i in range(len(refs) * 1000):
        text = refs[i % len(refs)] if i < len(refs) else vary(refs[i % len(refs)], random.Random(i))
        out.append(text)
        length += len(text) + 1
        if length >= size:
            break
    return " ".join(out)[:size]


def long_lines() -> None:
    base = texts()
    shapes = {"pasted list": lambda n: pasted_line(base, n),
              "stray [": lambda n: " ".join(f"[{w}" for w in pasted_line(base, n).split())[:n],
              "stray * and _": lambda n: " ".join(f"*{w} _{w}" for w in pasted_line(base, n // 2).split())[:n],
              "URLs": lambda n: " ".join(f"URL: https://example.org/{i}/{w}" for i, w in
                                         enumerate(re.findall(r"\w+", pasted_line(base, n))))[:n]}
    parse_reference(base[0])
    print(f"{'line':16} {'size':>9} {'seconds':>8} {'chars/s':>12}")
    for name, make in shapes.items():
        for size in (100_000, 1_000_000):
            line = make(size)
            start = time.perf_counter()
            parse_reference(line)
            took = time.perf_counter() - start
            print(f"{name:16} {len(line):9,} {took:8.2f} {len(line) / took:12,.0f}")


def long_list(count: int) -> None:
    from polybib.formats import text as text_format

    base = texts()
    refs = [base[i % len(base)] if i < len(base) else vary(base[i % len(base)], random.Random(i))
            for i in range(count)]
    data = "\n".join(f"{i}. {' '.join(ref.split())}" for i, ref in enumerate(refs, 1)).encode()
    start = time.perf_counter()
    library = text_format.read(data, "long-list.txt")
    took = time.perf_counter() - start
    print(f"{count:,} numbered references ({len(data):,} bytes) -> {len(library):,} records "
          f"in {took:.1f} s ({len(library) / took:,.0f} records/s)")


def whole(count: int) -> None:
    """``polybib import`` of ``count`` mixed references (one per line) as a child process: the
    interpreter, the imports, loading the model, parsing and writing CSL-JSON, on one core.
    CPU seconds (user + system) of the child, the median of three runs."""
    import sys
    import tempfile
    sys.path.insert(0, str(Path(__file__).parent))
    from wholeprocess import measure, polybib_command

    rng = random.Random(5)
    base = texts()
    refs = [vary(rng.choice(base), rng) for _ in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "refs.txt"
        src.write_text("\n".join(" ".join(r.split()) for r in refs) + "\n", encoding="utf-8")
        out = Path(tmp) / "out.json"
        usage = measure(polybib_command("import", str(src), "--from", "text", "--to", "csljson",
                                             "-o", str(out), "-q"), repeat=3)
    print(f"polybib import of {count:,} references, whole process: {usage.cpu:.2f} s CPU, "
          f"{count / usage.cpu:,.0f} references/s (target >= 1,000), peak RSS {usage.peak_rss / 2**20:.0f} MB")


def load() -> None:
    """Seconds to load the CRF model (import of pycrfsuite included, the parser's own imports
    not) and its size; the best of three fresh processes."""
    import subprocess
    import sys
    from polybib.refparse import labeller
    code = ("import time; from polybib.refparse import labeller; t = time.perf_counter(); "
            "assert labeller.tagger() is not None; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(3)]
    path = labeller.model_path()
    print(f"model {path.name}: {path.stat().st_size / 1e6:.2f} MB, loaded in {min(times):.3f} s "
          f"(targets <= 25 MB, <= 0.3 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--long-lines", action="store_true", help="time 100 KB and 1 MB single lines")
    parser.add_argument("--long-list", type=int, metavar="N", help="time importing an N-item numbered list")
    parser.add_argument("--whole", type=int, metavar="N", help="whole-process import of N references")
    parser.add_argument("--load", action="store_true", help="time loading the CRF model")
    args = parser.parse_args()
    if args.whole:
        whole(args.whole)
        return
    if args.load:
        load()
        return
    if args.long_lines:
        long_lines()
        return
    if args.long_list:
        long_list(args.long_list)
        return
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
