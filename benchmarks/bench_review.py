"""Benchmark: a review of 1,000 references loads and is interactive in the browser.

    python benchmarks/bench_review.py [--count 1000] [--repeat 3]

Builds a free-text list of COUNT references (the seed's and the dev set's, cycled and
numbered), imports it into a review session (the parse, timed on its own), starts the
review server on 127.0.0.1 and drives Debian's Chromium with Playwright:

* load: from navigation to the page drawn with every reference coloured (``data-ready``);
* interactive: then a click on reference COUNT/2 until its renderings and lint are shown,
  and a correction (select words, press a label key) until the field is saved and redrawn.

Target (issue 16): load + first interaction at most 2 s for 1,000 references.  Medians of
REPEAT page loads are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from polybib.review.server import ReviewServer  # noqa: E402
from polybib.review.session import ReviewSession  # noqa: E402

SHARED = Path(os.environ.get("POLYBIB_SHARED", REPO.parent / "shared"))
TARGET = 2.0


def references(count: int) -> list[str]:
    texts = [line.split(". ", 1)[1] for line in (REPO / "refs" / "seed.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    dev = SHARED / "data" / "parse-dev.jsonl"
    if dev.is_file():
        texts += [" ".join(json.loads(line)["text"].split()) for line in dev.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return [texts[i % len(texts)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    listing = "\n".join(f"{i}. {text}" for i, text in enumerate(references(args.count), 1)) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        session = ReviewSession(Path(tmp) / "review.json")
        started = time.perf_counter()
        session.add_text(listing)
        parse_s = time.perf_counter() - started
        assert len(session.records) == args.count, len(session.records)
        server = ReviewServer(session).start()
        loads, clicks, edits = [], [], []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
                for _ in range(args.repeat):
                    page = browser.new_page(viewport={"width": 1440, "height": 1000})
                    t0 = time.perf_counter()
                    page.goto(server.url)
                    page.wait_for_selector("body[data-ready=true]", timeout=60000)
                    loads.append(time.perf_counter() - t0)
                    assert page.locator(".item").count() == args.count
                    middle = args.count // 2
                    t1 = time.perf_counter()
                    page.click(f'.item[data-index="{middle}"]')
                    expect(page.locator("#render-original")).not_to_be_empty(timeout=60000)
                    page.wait_for_selector("#lint li", timeout=60000)
                    clicks.append(time.perf_counter() - t1)
                    word = page.evaluate("""() => { const s = [...document.querySelectorAll('#source span')]
                        .find(x => /\\w{4,}/.test(x.textContent)); const r = document.createRange();
                        r.selectNodeContents(s); getSelection().removeAllRanges(); getSelection().addRange(r);
                        return s.textContent; }""")
                    t2 = time.perf_counter()
                    page.keyboard.press("n")                 # label it as a note
                    expect(page.locator('.fields-row[data-field="note"] input')).to_have_value(word, timeout=60000)
                    edits.append(time.perf_counter() - t2)
                    page.close()
                browser.close()
        finally:
            server.stop()
    load, click, edit = (statistics.median(x) for x in (loads, clicks, edits))
    print(f"references:                     {args.count}")
    print(f"import (parse the list):        {parse_s:6.2f} s   (once, before the page; not part of the target)")
    print(f"page load, all coloured:        {load:6.2f} s   (median of {args.repeat})")
    print(f"open a record (render + lint):  {click:6.2f} s")
    print(f"label a selection (round trip): {edit:6.2f} s")
    total = load + click
    print(f"load + first interaction:       {total:6.2f} s   target <= {TARGET:.1f} s: {'ok' if total <= TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
