"""Rendering speed: 5,000 records in APA and GOST, polybib next to bare citeproc-py.

The records are the differential test's 227 corpus records (Russian and English, every
common type) repeated with distinct ids, titles and years until there are 5,000.  Bare
citeproc-py renders the same CSL-JSON through ``CiteProcJSON`` /
``CitationStylesBibliography`` (its documented use), sorted as the style says; polybib
renders through ``polybib.render.render_items``.  Style compilation is included in the
first (cold) run and cached afterwards.

    python benchmarks/bench_render.py [N]
"""
from __future__ import annotations

import copy
import json
import sys
import time
import warnings
from pathlib import Path

ITEMS = Path(__file__).resolve().parents[1] / "tests" / "render" / "data" / "differential-items.json"
STYLES = ("apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-100-2018")


def records(n: int) -> list[dict]:
    base = json.loads(ITEMS.read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        item = copy.deepcopy(base[i % len(base)])
        item["id"] = f"r{i}"
        if i >= len(base):
            item["title"] = f"{item.get('title', '')} {i}"
            item["issued"] = {"date-parts": [[1950 + i % 70]]}
        out.append(item)
    return out


def bare(items: list[dict], style: str) -> float:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from polybib.render import resolve

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        source = CiteProcJSON(items)
        csl = CitationStylesStyle(resolve(style).path, validate=False)
        bib = CitationStylesBibliography(csl, source, formatter.html)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        entries = bib.bibliography()
        elapsed = time.perf_counter() - start
    assert len(entries) == len(items)
    return elapsed


def ours(items: list[dict], style: str) -> float:
    from polybib.render import render_items

    start = time.perf_counter()
    entries = render_items(items, style)
    elapsed = time.perf_counter() - start
    assert len(entries) == len(items)
    return elapsed


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 5000
    items = records(n)
    print(f"{n} records; entries/s (higher is better)")
    print(f"{'style':32} {'citeproc-py':>12} {'polybib':>12}")
    for style in STYLES:
        ours(items[:50], style)                      # compile and cache the style
        try:
            b = n / bare(items, style)
            bare_text = f"{b:12.0f}"
        except Exception as exc:                      # citeproc-py crashes on some records
            bare_text = f"{'crash':>12}"
            print(f"  (citeproc-py: {type(exc).__name__}: {exc})"[:200])
        p = n / ours(items, style)
        print(f"{style:32} {bare_text} {p:12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
