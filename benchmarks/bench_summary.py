"""The build's HTML pages at scale: ``polybib build`` on N distinct records (default
20,000), offline, with the default styles; prints each stage's time and the size of
``index.html`` and of the largest records page (the goal: each under 5 MB).

The records are the differential test's 227 corpus records (Russian and English, every
common type) made distinct: each copy gets its own id, a numbered title and its own year.

    python benchmarks/bench_summary.py [N]
"""
from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
from pathlib import Path

ITEMS = Path(__file__).resolve().parents[1] / "tests" / "render" / "data" / "differential-items.json"


def records(n: int) -> list[dict]:
    base = json.loads(ITEMS.read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        item = copy.deepcopy(base[i % len(base)])
        item["id"] = f"{item['id']}-{i}"
        if i >= len(base):
            item["title"] = f"{item.get('title', '')} {i}"
            item["issued"] = {"date-parts": [[1950 + i % 70]]}
        out.append(item)
    return out


def main() -> None:
    from polybib.pipeline import BuildOptions, build

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=20_000, help="how many records (default 20,000)")
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "refs.json"
        source.write_text(json.dumps(records(n), ensure_ascii=False), encoding="utf-8")
        start = last = time.perf_counter()

        def stage(message: str) -> None:
            nonlocal last
            now = time.perf_counter()
            print(f"  {now - last:7.1f} s  then: {message}", flush=True)
            last = now

        result = build([str(source)], Path(tmp) / "out", BuildOptions(offline=True), stage)
        print(f"  {time.perf_counter() - last:7.1f} s  (summary pages)\nbuild of {n} records: "
              f"{time.perf_counter() - start:.1f} s, {len(result.written)} files")
        out = Path(tmp) / "out"
        pages = sorted(out.glob("records-*.html"))
        index = (out / "index.html").stat().st_size
        largest = max((p.stat().st_size for p in pages), default=0)
        print(f"index.html: {index / 1e6:.2f} MB; {len(pages)} records pages, the largest "
              f"{largest / 1e6:.2f} MB; all pages {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
