"""Rendering speed on real lists: ``polybib render`` whole process, distinct records.

    python benchmarks/bench_render.py [--sizes 1000,10000] [--styles apa,...] [--repeat 3]
                                      [--compare 1000] [--no-compare]

The records are :mod:`render_records`' N distinct realistic records (mixed types,
languages, names, dates; fixed seed), written once as a CSL-JSON file.  Each style is
rendered by ``polybib render FILE --style S`` run as a user runs it — a fresh process,
interpreter start-up, imports, reading, sorting, disambiguation, rendering and writing
included — and measured in CPU seconds (user + system; the machine may be shared, so not
wall time) with :mod:`wholeprocess`, the median of ``--repeat`` runs.  As for a user, the
modules' bytecode is cached: ``PYTHONDONTWRITEBYTECODE`` is ignored and each style is
rendered once (one record) before it is measured, which also writes any missing
``__pycache__`` (otherwise every run would compile polybib's sources again, 50 ms).

For comparison, at the ``--compare`` sizes (default 1,000; the others are slow on 10,000)
the same records go through, each in a fresh process measured the same way:

* bare citeproc-py (``CiteProcJSON`` + ``CitationStylesBibliography``, its documented use);
* citeproc-js under node (``tests/render/js/render.js``, when ``npm ci`` was run there).

Printed per style and size: entries per second (higher is better); per style, the
linearity — the rate at the largest size over the rate at the smallest (1.00 is linear,
below 1 means each entry costs more on a longer list).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from render_records import records, write  # noqa: E402
from wholeprocess import measure, polybib_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "tests" / "render" / "js"
STYLES = ("apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008", "gost-r-7-0-100-2018")

#: Bare citeproc-py on a CSL-JSON file, sorted as the style says; run as its own process.
BARE = """\
import json, sys, warnings
warnings.simplefilter("ignore")
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
items = json.load(open(sys.argv[1], encoding="utf-8"))
source = CiteProcJSON(items)
style = CitationStylesStyle(sys.argv[2], validate=False)
bib = CitationStylesBibliography(style, source, formatter.html)
for item in items:
    bib.register(Citation([CitationItem(item["id"])]))
bib.sort()
entries = bib.bibliography()
assert len(entries) == len(items), (len(entries), len(items))
sys.stdout.write("\\n".join(str(e) for e in entries))
"""


def style_path(name: str) -> str:
    from polybib.render import resolve

    return resolve(name).path


def warm_up(tmp: str, style: str) -> None:
    """One run on one record: bytecode written and the files in the page cache."""
    from wholeprocess import run_once

    one = os.path.join(tmp, "one.json")
    if not os.path.exists(one):
        write(one, records(1))
    run_once(polybib_command("render", one, "--style", style, "-q"))


def polybib_rate(path: str, n: int, style: str, repeat: int) -> float:
    usage = measure(polybib_command("render", path, "--style", style, "-q"), repeat)
    if usage.returncode not in (0, 1):
        raise SystemExit(f"polybib render --style {style} failed (exit {usage.returncode})")
    return n / usage.cpu


def bare_rate(path: str, n: int, style: str, repeat: int) -> float | None:
    usage = measure([sys.executable, "-c", BARE, path, style_path(style)], repeat)
    return n / usage.cpu if usage.returncode == 0 else None      # citeproc-py crashed


def js_rate(path: str, n: int, style: str, repeat: int, tmp: str) -> float | None:
    if shutil.which("node") is None or not (JS / "node_modules" / "citeproc").exists():
        return None
    import citeproc
    from wholeprocess import run_once

    payload = os.path.join(tmp, f"js-{style}-{n}.json")
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    with open(payload, "w", encoding="utf-8") as out:
        json.dump({"locales_dir": citeproc.LOCALES_PATH,
                   "jobs": [{"style": style_path(style), "locale": None, "items": items}]}, out)
    runs = sorted(run_once(["node", str(JS / "render.js")], stdin_path=payload).cpu for _ in range(repeat))
    return n / runs[len(runs) // 2]


def _cell(rate: float | None) -> str:
    return f"{'—':>11}" if rate is None else f"{rate:11.0f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="record counts (comma-separated)")
    parser.add_argument("--styles", default=",".join(STYLES), help="style names (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median taken)")
    parser.add_argument("--compare", default="1000",
                        help="sizes at which bare citeproc-py and citeproc-js run too")
    parser.add_argument("--no-compare", action="store_true", help="polybib only")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    compare = set() if args.no_compare else {int(s) for s in args.compare.split(",") if s}
    styles = [s for s in args.styles.split(",") if s]
    print(f"polybib render, whole process, CPU time, median of {args.repeat}; entries/s (higher is better)")
    print(f"{'style':28} {'records':>8} {'polybib':>11} {'citeproc-py':>11} {'citeproc-js':>11}")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)          # children cache bytecode as for a user
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for n in sizes:
            files[n] = os.path.join(tmp, f"records-{n}.json")
            write(files[n], records(n))
        for style in styles:
            warm_up(tmp, style)
            rates = {}
            for n in sizes:
                rates[n] = polybib_rate(files[n], n, style, args.repeat)
                bare = js = None
                if n in compare:
                    bare = bare_rate(files[n], n, style, args.repeat)
                    js = js_rate(files[n], n, style, args.repeat, tmp)
                print(f"{style:28} {n:8} {_cell(rates[n])} {_cell(bare)} {_cell(js)}", flush=True)
            if len(sizes) > 1:
                small, large = min(sizes), max(sizes)
                print(f"{style:28} linearity {large}/{small}: {rates[large] / rates[small]:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
