"""Pass rate on the CSL processor test suite, per category: bare citeproc-py vs polybib.

Reads the human-readable fixtures of ``../shared/data/csl-test-suite/humans/`` (each a
style, CSL-JSON items, optional citation clusters, a mode and the expected output) and
renders each twice: with citeproc-py as its documentation shows (``CiteProcJSON``,
``CitationStylesStyle``, ``CitationStylesBibliography`` and the HTML formatter), and with
polybib's rendering layer (``polybib.render.engine.Processor``).  Outputs are compared
after whitespace between tags is removed, links unwrapped (``_LINK``), runs of spaces are collapsed and HTML entities
are decoded (``&#38;`` and ``&amp;`` are the same text).  ``CITATIONS`` (citation
clusters added one by one, with note numbers) are given to both runners as the document
they build, in citation mode; fixtures that need ``BIBENTRIES`` or ``BIBSECTION``, or
CITATIONS in bibliography mode, count as failures for both.  The category is the file name's prefix.

The fixtures are split deterministically into a work part (2/3) and a held-out part (1/3)
by the SHA-256 of the file name (``part_of``): tune on ``--part work`` only and look at
``--part held`` just to measure.  ``--no-bare`` skips the citeproc-py column (faster).

    python benchmarks/csl_suite.py [--part work|held|all] [--show CATEGORY] [--json OUT] [--no-bare]
"""
from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import os
import re
import signal
import sys
import tempfile
import warnings
from collections import defaultdict
from pathlib import Path

SUITE = Path(os.environ.get("POLYBIB_SHARED", Path(__file__).resolve().parents[2] / "shared")) \
    / "data" / "csl-test-suite" / "humans"
_SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n(.*?)\n<<=+ \1 =+<<", re.S)


class Timeout(Exception):
    pass


def part_of(name: str) -> str:
    """'held' for one fixture in three, chosen by a hash of its file name, else 'work'.

    The hash (not the position in the sorted list) keeps the split stable when fixtures are
    added or removed, and spreads every category over both parts."""
    return "held" if int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "work"


def parse(path: Path) -> dict:
    return {name: body for name, body in _SECTION.findall(path.read_text(encoding="utf-8"))}


#: polybib's HTML writer makes each URL a link; the suite's citeproc-js runs leave that
#: option (``wrap_url_and_doi``) off, and no fixture expects a link: the link is unwrapped.
_LINK = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


def normalize(text: str) -> str:
    text = _LINK.sub(lambda m: m.group(2), text)
    text = re.sub(r">\s+<", "><", text.strip())
    text = re.sub(r"\s+", " ", text)
    return html.unescape(text).replace("\u00a0", " ")


def input_items(fixture: dict) -> list[dict]:
    """The fixture's INPUT items; one without an ``id`` gets ``ITEM-n`` (its 1-based
    position), as the suite's runner numbers them."""
    items = json.loads(fixture["INPUT"])
    for n, item in enumerate(items, start=1):
        item.setdefault("id", f"ITEM-{n}")
    return items


def document_clusters(steps: list) -> list[list[dict]]:
    """The citation clusters of the document a fixture's CITATIONS build, in document order.

    Each step is ``[citation, citations before, citations after]`` as citeproc-js's
    ``processCitationCluster`` takes it: the citation is inserted (or replaces the one with
    its ``citationID``) between the listed neighbours.  polybib renders a document whole,
    so the end state is what it is given."""
    by_id: dict[str, list[dict]] = {}
    order: list[str] = []
    for citation, before, after in steps:
        cid = citation["citationID"]
        by_id[cid] = citation["citationItems"]
        order = [c[0] for c in before] + [cid] + [c[0] for c in after]
    return [by_id[cid] for cid in order if cid in by_id]


_CITATION_LINE = re.compile(r"^(?:\.\.|>>)\[\d+\] ?", re.M)


def expected_text(fixture: dict) -> str:
    """The fixture's RESULT, normalized; for CITATIONS fixtures without citeproc-js's
    ``..[n]``/``>>[n]`` markers (they say which citations its incremental API re-rendered
    in the last call, not what a citation is)."""
    result = fixture["RESULT"]
    if "CITATIONS" in fixture:
        result = _CITATION_LINE.sub("", result)
    return normalize(result)


def supported(fixture: dict) -> bool:
    """CITATIONS are given to the runners in citation mode; BIBENTRIES and BIBSECTION
    (bibliography subsets after item updates, selected bibliography sections) are not."""
    if "MODE" not in fixture or "BIBENTRIES" in fixture or "BIBSECTION" in fixture:
        return False
    return "CITATIONS" not in fixture or fixture["MODE"].strip() == "citation"


def clusters(fixture: dict, items: list[dict]) -> list[list[dict]]:
    if "CITATIONS" in fixture:
        return document_clusters(json.loads(fixture["CITATIONS"]))
    if "CITATION-ITEMS" in fixture:
        return json.loads(fixture["CITATION-ITEMS"])
    return [[{"id": item["id"]} for item in items]]


def bib_html(entries: list[str]) -> str:
    return '<div class="csl-bib-body">' + "".join(f'<div class="csl-entry">{e}</div>' for e in entries) + "</div>"


# ------------------------------------------------------------------ runners

def run_bare(fixture: dict) -> str:
    from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                          Locator, formatter)
    from citeproc.source.json import CiteProcJSON

    items = input_items(fixture)
    source = CiteProcJSON(items)
    style = CitationStylesStyle(io.BytesIO(fixture["CSL"].encode("utf-8")), validate=False)
    bib = CitationStylesBibliography(style, source, formatter.html)
    if fixture["MODE"].strip() == "bibliography":
        for item in items:
            bib.register(Citation([CitationItem(str(item["id"]))]))
        bib.sort()
        return bib_html([str(e) for e in bib.bibliography()])
    cites = []
    for cluster in clusters(fixture, items):
        parts = []
        for c in cluster:
            options = {}
            if c.get("locator"):
                options["locator"] = Locator(c.get("label", "page"), c["locator"])
            for extra in ("prefix", "suffix"):
                if c.get(extra):
                    options[extra] = c[extra]
            parts.append(CitationItem(str(c["id"]), **options))
        citation = Citation(parts)
        bib.register(citation)
        cites.append(citation)
    if style.has_bibliography():
        bib.sort()
    return "\n".join(str(bib.cite(c, lambda item: None)) for c in cites)


def run_polybib(fixture: dict) -> str:
    from polybib.render import output
    from polybib.render.engine import Processor, to_citeproc_reference

    items = input_items(fixture)
    with tempfile.NamedTemporaryFile("w", suffix=".csl", delete=False, encoding="utf-8") as handle:
        handle.write(fixture["CSL"])
        path = handle.name
    try:
        processor = Processor(path)
        if fixture["MODE"].strip() == "bibliography":
            entries = processor.bibliography(items)
            return bib_html([output.entry_text(e, "html") for e in entries])
        groups = clusters(fixture, items)
        if "CITATION-ITEMS" not in fixture and "CITATIONS" not in fixture and processor.default.has_bibliography:
            # no clusters given: the suite's runner cites every item in one cluster, in
            # the order of its registry (the bibliography's sort)
            order = processor.order([to_citeproc_reference(item) for item in items])
            groups = [[{"id": items[i]["id"]} for i in order]]
        numbers = None
        if processor.default.has_bibliography:
            cited = []
            for cluster in groups:
                for c in cluster:
                    if str(c["id"]) not in cited:
                        cited.append(str(c["id"]))
            by_id = {str(item["id"]): item for item in items}
            chosen = [by_id[i] for i in cited if i in by_id]
            refs = [to_citeproc_reference(item) for item in chosen]
            order = processor.order(refs)
            numbers = {str(chosen[i]["id"]).lower(): n for n, i in enumerate(order, start=1)}
        texts = processor.citations(items, groups, numbers)
        return "\n".join(output.inline(t, "html") for t in texts)
    finally:
        os.unlink(path)


def attempt(runner, fixture: dict, seconds: int = 5) -> str | None:
    def on_alarm(signum, frame):
        raise Timeout()
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return runner(fixture)
    except Exception:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="CATEGORY", help="print the fixtures of CATEGORY that polybib fails")
    parser.add_argument("--json", metavar="OUT", help="write the per-fixture results as JSON")
    parser.add_argument("--part", choices=("work", "held", "all"), default="all",
                        help="which part of the split to run (default all)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare citeproc-py runner")
    args = parser.parse_args(argv)
    files = sorted(p for p in SUITE.glob("*.txt") if args.part == "all" or part_of(p.name) == args.part)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])     # total, bare, polybib
    rows = {}
    for path in files:
        category = path.name.split("_", 1)[0]
        fixture = parse(path)
        table[category][0] += 1
        if not supported(fixture):
            rows[path.name] = (False, False)
            continue
        expected = expected_text(fixture)
        bare_out = None if args.no_bare else attempt(run_bare, fixture)
        ours_out = attempt(run_polybib, fixture)
        bare_ok = bare_out is not None and normalize(bare_out) == expected
        ours_ok = ours_out is not None and normalize(ours_out) == expected
        table[category][1] += bare_ok
        table[category][2] += ours_ok
        rows[path.name] = (bare_ok, ours_ok)
        if args.show == category and not ours_ok:
            print(f"-- {path.name}\n   expected: {expected}\n   polybib:  {normalize(ours_out or '<error>')}")
    total = [sum(v[i] for v in table.values()) for i in range(3)]
    print(f"{'category':16} {'fixtures':>8} {'citeproc-py':>12} {'polybib':>12}")
    for category in sorted(table, key=lambda c: -table[c][0]):
        n, b, p = table[category]
        print(f"{category:16} {n:8d} {b:6d} {b / n:5.0%} {p:6d} {p / n:5.0%}")
    n, b, p = total
    print(f"{'TOTAL':16} {n:8d} {b:6d} {b / n:5.0%} {p:6d} {p / n:5.0%}   (part: {args.part})")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
