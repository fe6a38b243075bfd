"""polybib's rendering against citeproc-js on the same CSL-JSON items and style.

Used by ``test_differential.py`` and ``test_second_set.py``; run directly to print every
disagreement: ``python tests/render/differential.py [--set first|second-work|second-held|third-work|third-held|fourth-work|fourth-held|fifth-work|fifth-held]
[--summary] [STYLE …]`` (``--summary``: agreement per style only, no entries).

The first set is the one the renderer was tuned on; the held-out parts of the second,
third, fourth and fifth sets are for measuring only.
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

from polybib.render import locale_fixes, output, render_items, styles

HERE = Path(__file__).parent
ITEMS = HERE / "data" / "differential-items.json"
SETS = {"first": ITEMS, "second-work": HERE / "data" / "second-work.json",
        "second-held": HERE / "data" / "second-held.json",
        "third-work": HERE / "data" / "third-work.json", "third-held": HERE / "data" / "third-held.json",
        "fourth-work": HERE / "data" / "fourth-work.json", "fourth-held": HERE / "data" / "fourth-held.json",
        "fifth-work": HERE / "data" / "fifth-work.json", "fifth-held": HERE / "data" / "fifth-held.json"}
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


def items(name: str = "first") -> list[dict]:
    return json.loads(SETS[name].read_text(encoding="utf-8"))


def citeproc_js(jobs: list[dict]) -> list[dict]:
    # the locale files polybib reads: citeproc-py's, with polybib's corrections
    payload = {"locales_dir": locale_fixes.patched_locales_dir(citeproc.LOCALES_PATH), "jobs": jobs}
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
        ours_error = None
        try:
            ours = {e.id: normalize(output.entry_text(e, "text")) for e in render_items(records, name)}
        except Exception as exc:    # a whole list lost is counted, not a crash of the runner
            ours, ours_error = {}, f"polybib: {type(exc).__name__}: {exc}"
        theirs = {e["id"]: normalize(e["text"]) for e in result["entries"]}
        diffs = [(key, ours.get(key, ""), theirs.get(key, "")) for key in theirs
                 if ours.get(key, "") != theirs[key]]
        report[name] = {"total": len(theirs), "agree": len(theirs) - len(diffs), "diffs": diffs,
                        "error": result["error"], "ours_error": ours_error}
    return report


def entry_texts(entries) -> list[str]:
    """polybib's entries as the differential compares them (plain text, normalized)."""
    return [normalize(output.entry_text(e, "text")) for e in entries]


def citeproc_js_texts(style: str, records: list[dict]) -> list[str]:
    """citeproc-js's bibliography of ``records`` in ``style``, normalized, in its order."""
    result = citeproc_js([{"style": styles.resolve(style).path, "locale": None, "items": records}])[0]
    assert result["error"] is None, result["error"]
    return [normalize(e["text"]) for e in result["entries"]]


def check_apart(work_part: str, held_part: str, earlier: tuple[str, ...], min_records: int) -> list[dict]:
    """Fail unless a set's work and held-out parts hold ``min_records`` records with unique
    ids, none in the ``earlier`` sets, split about 2:1; its records, both parts."""
    before: set[str] = set()
    for name in earlier:
        before |= {item["id"] for item in items(name)}
    work, held = items(work_part), items(held_part)
    ids = [item["id"] for item in work + held]
    assert len(ids) >= min_records and len(set(ids)) == len(ids)
    assert not before & set(ids)
    assert 1.5 <= len(work) / len(held) <= 2.5
    return work + held


def check_agreement(part: str, floor: float, style_floor: float) -> None:
    """Fail unless polybib agrees with citeproc-js on ``part`` on at least ``floor`` of the
    entries, on ``style_floor`` in every style, and no style fails a whole list."""
    report = compare(records=items(part))
    total = sum(row["total"] for row in report.values())
    agree = sum(row["agree"] for row in report.values())
    for style, row in report.items():
        assert row["error"] is None and row["ours_error"] is None, (style, row["error"], row["ours_error"])
        assert row["agree"] / row["total"] >= style_floor, (style, row["agree"], row["total"])
    assert agree / total >= floor, f"{part}: {agree}/{total} = {agree / total:.2%}"


def main(argv: list[str]) -> int:
    reason = available()
    if reason:
        print(reason)
        return 2
    import argparse

    parser = argparse.ArgumentParser(prog="differential.py")
    parser.add_argument("--set", default="first", choices=sorted(SETS))
    parser.add_argument("--summary", action="store_true", help="agreement per style only")
    parser.add_argument("styles", nargs="*")
    args = parser.parse_args(argv)
    report = compare(tuple(args.styles) or STYLES, items(args.set))
    total = agree = 0
    for name, row in report.items():
        total += row["total"]
        agree += row["agree"]
        share = row["agree"] / max(row["total"], 1)
        print(f"== {name}: {row['agree']}/{row['total']} = {share:.1%}"
              + (f" ERROR {row['error'][:300]}" if row["error"] else "")
              + (f" {row['ours_error'][:300]}" if row["ours_error"] else ""))
        if args.summary:
            continue
        for key, ours, theirs in row["diffs"]:
            print(f"-- {key}\n   polybib:     {ours}\n   citeproc-js: {theirs}")
    print(f"TOTAL {args.set} {agree}/{total} = {agree / max(total, 1):.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
