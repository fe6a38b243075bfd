"""polybib's rendering against citeproc-js on the same CSL-JSON items and style.

Used by ``test_differential.py``; run directly to print every disagreement:
``python tests/render/differential.py [STYLE …]``.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import citeproc

from polybib.render import output, render_items, styles

HERE = Path(__file__).parent
ITEMS = HERE / "data" / "differential-items.json"
SCRIPT = HERE / "js" / "render.js"
NODE_MODULES = HERE / "js" / "node_modules" / "citeproc"

STYLES = ("apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008", "gost-r-7-0-100-2018",
          "references-romanized", "ieee", "chicago-author-date", "harvard-cite-them-right",
          "modern-language-association", "nlm-citation-sequence")


def available() -> str | None:
    """Why the differential cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not NODE_MODULES.exists():
        return "citeproc-js is not installed (cd tests/render/js && npm ci)"
    return None


def normalize(text: str) -> str:
    """Whitespace normalised: every Unicode space is a space, runs collapse, ends trimmed."""
    text = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip()


def items() -> list[dict]:
    return json.loads(ITEMS.read_text(encoding="utf-8"))


def citeproc_js(jobs: list[dict]) -> list[dict]:
    payload = {"locales_dir": citeproc.LOCALES_PATH, "jobs": jobs}
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=600, check=True)
    return json.loads(done.stdout)


def compare(style_names=STYLES, records: list[dict] | None = None) -> dict[str, dict]:
    """Per style: {"total", "agree", "diffs": [(id, polybib, citeproc-js)], "error"}."""
    records = records if records is not None else items()
    paths = {name: styles.resolve(name).path for name in style_names}
    js = citeproc_js([{"style": paths[name], "locale": None, "items": records} for name in style_names])
    report = {}
    for name, result in zip(style_names, js):
        ours = {e.id: normalize(output.entry_text(e, "text")) for e in render_items(records, name)}
        theirs = {e["id"]: normalize(e["text"]) for e in result["entries"]}
        diffs = [(key, ours.get(key, ""), theirs.get(key, "")) for key in theirs
                 if ours.get(key, "") != theirs[key]]
        report[name] = {"total": len(theirs), "agree": len(theirs) - len(diffs), "diffs": diffs,
                        "error": result["error"]}
    return report


def main(argv: list[str]) -> int:
    reason = available()
    if reason:
        print(reason)
        return 2
    report = compare(tuple(argv) or STYLES)
    total = agree = 0
    for name, row in report.items():
        total += row["total"]
        agree += row["agree"]
        print(f"== {name}: {row['agree']}/{row['total']}" + (f" ERROR {row['error'][:300]}" if row["error"] else ""))
        for key, ours, theirs in row["diffs"]:
            print(f"-- {key}\n   polybib:     {ours}\n   citeproc-js: {theirs}")
    print(f"TOTAL {agree}/{total} = {agree / max(total, 1):.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
