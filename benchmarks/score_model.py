"""Accuracy of the parser (rules + CRF) on the sets it was not trained on, and on the dev set.

    python benchmarks/score_model.py                          # every labelled set
    python benchmarks/score_model.py --gold /tmp/gold.xml     # + AnyStyle's gold.xml outside core.xml
    POLYBIB_REFPARSE_RULES_ONLY=1 python benchmarks/score_model.py   # the rules alone (before)
    POLYBIB_REFPARSE_MODEL=m.crfsuite python benchmarks/score_model.py  # another model

Tables as benchmarks/score_sets.py prints them (its scorer and its AnyStyle reader), plus a
per-language table for each JSONL set.  AnyStyle's gold.xml (res/parser/gold.xml of the
AnyStyle repository; not in this checkout) is measured only: the references also in core.xml
(which the model trains on) are left out, and the odd-numbered half is printed separately.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_sets  # noqa: E402

from polybib.formats.csljson import reference_to_item  # noqa: E402
from polybib.refparse import parse_reference  # noqa: E402


def by_language(rows: list[dict], scorer) -> None:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["gold"].get("language", "?"), []).append(row)
    print(f"{'language':10} {'refs':>5} {'micro F1':>9} {'wholly':>7}")
    for lang in sorted(groups):
        tp, fp, fn, exact = score_sets.score_rows(groups[lang], scorer)
        t, p, m = sum(tp.values()), sum(fp.values()), sum(fn.values())
        prec = t / (t + p) if t + p else 1.0
        rec = t / (t + m) if t + m else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{lang:10} {len(groups[lang]):5} {f1:9.3f} {100 * exact / len(groups[lang]):6.1f}%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="only sets whose file name contains this")
    parser.add_argument("--gold", type=Path, help="AnyStyle's gold.xml (measured only)")
    parser.add_argument("--languages", action="store_true", help="per-language tables")
    parser.add_argument("--set", action="append", type=Path, default=[], metavar="JSONL",
                        help="also score this labelled set (e.g. another worktree's wave2-heldout.jsonl)")
    args = parser.parse_args()
    scorer = score_sets._scorer()
    for path in score_sets.label_sets() + args.set:
        if args.only and args.only not in path.name:
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        score_sets.table(path.name, len(rows), *score_sets.score_rows(rows, scorer))
        if args.languages:
            by_language(rows, scorer)
    if args.gold:
        core = {r["text"] for r in score_sets.anystyle_rows(score_sets.SHARED / "data" / "anystyle" / "core.xml")}
        rows = [r for r in score_sets.anystyle_rows(args.gold) if r["text"] not in core]
        print(f"\ngold.xml: {len(rows)} references outside core.xml")
        score_sets.score_anystyle(rows, scorer)
        score_sets.score_anystyle(rows[1::2], scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
