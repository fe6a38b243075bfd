"""Accuracy of the free-text parser: per-field F1 on every labelled set, and on AnyStyle's.

    python benchmarks/score_sets.py                 # all sets, one table each
    python benchmarks/score_sets.py --only heldout  # sets whose name contains "heldout"
    python benchmarks/score_sets.py --anystyle      # also AnyStyle's 1,514 labelled references
    python benchmarks/score_sets.py --only wave2    # the wave-2 sets, with a table per language
    python benchmarks/score_sets.py --only wave2 --fields-by-lang   # and F1 per field and language

Labelled sets (JSONL ``{"text", "gold"}``): ``../shared/data/parse-dev.jsonl`` and
``tests/refparse/data/*.jsonl``.  Their names say how they were used: ``*-tune`` and the dev
set were tuned on; ``*heldout*``/``unseen*`` were scored once before any tuning on them (the
first figures are in tests/refparse/test_labelled_sets_splitting_fuzz.py); sets named
``*-unseen`` have never been tuned on.  ``wave2-work``/``wave2-heldout`` and ``wave3-…`` (issue #14,
built by benchmarks/labelled/build_wave2.py): the work part may be trained and tuned on, the
held-out part is only measured.  A set with more than one language (``lang`` per record, else the gold
``language``) also gets a table per language: why — a parser tuned on Russian can look fine
overall while Kazakh or Ukrainian references fail.  Scoring reuses ../shared/tools/score_parse.py's
normalisation, so the figures match it; the parser runs in-process (no subprocess).

AnyStyle's set (``../shared/data/anystyle/core.xml``) labels spans, not CSL fields: its gold is
partial (no issue, names not split), so only title, container-title, year, pages, volume,
publisher, place, DOI and URL are compared, and author as "every family name found is in the
author span".  Its even-numbered references may be looked at while tuning; odd-numbered ones are
the held-out half.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from polybib.formats.csljson import reference_to_item
from polybib.refparse import parse_reference

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_parse", SHARED / "tools" / "score_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label_sets() -> list[Path]:
    return [SHARED / "data" / "parse-dev.jsonl"] + sorted((REPO / "tests" / "refparse" / "data").glob("*.jsonl"))


def count_fields(gold: dict, pred: dict, fields: list[str], scorer, tp: Counter, fp: Counter,
                 fn: Counter) -> bool:
    """Add one reference's true/false positives and misses; True when every field is right.
    A predicted field the gold lacks counts against us only for the scorer's own fields."""
    ok = True
    for field in fields:
        g, p = gold.get(field), pred.get(field)
        if g in (None, "", []) and p in (None, "", []):
            continue
        if g not in (None, "", []) and p not in (None, "", []) and scorer.same(field, g, p):
            tp[field] += 1
            continue
        ok = False
        if p not in (None, "", []) and (g not in (None, "", []) or field in scorer.FIELDS):
            fp[field] += 1
        if g not in (None, "", []):
            fn[field] += 1
    return ok


def score_rows(rows: list[dict], scorer, fields: list[str] | None = None,
               per_row: list | None = None) -> tuple[Counter, Counter, Counter, int]:
    """Counts over all rows; with ``per_row`` given, each row's own (tp, fp, fn, ok) is appended."""
    fields = fields or scorer.FIELDS
    tp, fp, fn = Counter(), Counter(), Counter()
    exact = 0
    for row in rows:
        pred = reference_to_item(parse_reference(row["text"]))
        t, p, n = Counter(), Counter(), Counter()
        ok = count_fields(row["gold"], pred, fields, scorer, t, p, n)
        tp.update(t), fp.update(p), fn.update(n)
        exact += ok
        if per_row is not None:
            per_row.append((t, p, n, ok))
    return tp, fp, fn, exact


def row_lang(row: dict) -> str:
    return row.get("lang") or row.get("gold", {}).get("language") or "?"


def language_table(rows: list[dict], per_row: list) -> None:
    """Micro F1, wholly right and the weakest fields for each language of a set."""
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row_lang(row), []).append(i)
    if len(groups) < 2:
        return
    print(f"{'language':10} {'refs':>5} {'prec':>6} {'rec':>6} {'F1':>6} {'wholly':>7}  weakest fields (F1)")
    for lang in sorted(groups, key=lambda g: -len(groups[g])):
        tp, fp, fn, exact = Counter(), Counter(), Counter(), 0
        for i in groups[lang]:
            t, p, n, ok = per_row[i]
            tp.update(t), fp.update(p), fn.update(n)
            exact += ok
        prec, rec, f = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        fields = sorted(set(tp) | set(fp) | set(fn), key=lambda k: _f1(tp[k], fp[k], fn[k])[2])
        weak = ", ".join(f"{k} {_f1(tp[k], fp[k], fn[k])[2]:.2f}" for k in fields[:3]
                         if _f1(tp[k], fp[k], fn[k])[2] < 1)
        n_refs = len(groups[lang])
        print(f"{lang:10} {n_refs:5} {prec:6.3f} {rec:6.3f} {f:6.3f} {100 * exact / n_refs:6.1f}%  {weak}")


def field_language_matrix(rows: list[dict], per_row: list) -> None:
    """F1 of every field in every language (languages with at least 5 references): where a
    language falls behind, and on which field."""
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row_lang(row), []).append(i)
    langs = [g for g in sorted(groups, key=lambda g: -len(groups[g])) if len(groups[g]) >= 5]
    counts = {}
    for lang in langs:
        tp, fp, fn = Counter(), Counter(), Counter()
        for i in groups[lang]:
            t, p, n, _ = per_row[i]
            tp.update(t), fp.update(p), fn.update(n)
        counts[lang] = (tp, fp, fn)
    fields = sorted({f for c in counts.values() for k in c for f in k},
                    key=lambda f: -sum(c[0][f] + c[2][f] for c in counts.values()))
    print(f"{'field':18}" + "".join(f"{lang:>8}" for lang in langs))
    for field in fields:
        cells = []
        for lang in langs:
            tp, fp, fn = counts[lang]
            n = tp[field] + fp[field] + fn[field]
            cells.append(f"{_f1(tp[field], fp[field], fn[field])[2]:8.2f}" if n else f"{'-':>8}")
        print(f"{field:18}" + "".join(cells))


def _f1(t, p, m):
    prec = t / (t + p) if t + p else 1.0
    rec = t / (t + m) if t + m else 1.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def table(name: str, n: int, tp: Counter, fp: Counter, fn: Counter, exact: int) -> float:
    def f1(t, p, m):
        prec = t / (t + p) if t + p else 1.0
        rec = t / (t + m) if t + m else 1.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    print(f"\n== {name}: {n} references")
    print(f"{'field':18} {'gold':>5} {'prec':>6} {'rec':>6} {'F1':>6}")
    for field in sorted(set(tp) | set(fp) | set(fn), key=lambda f: -(tp[f] + fn[f])):
        prec, rec, f = f1(tp[field], fp[field], fn[field])
        print(f"{field:18} {tp[field] + fn[field]:5} {prec:6.3f} {rec:6.3f} {f:6.3f}")
    prec, rec, f = f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"wholly right {exact}/{n} ({100 * exact / max(n, 1):.1f}%); micro P {prec:.3f} R {rec:.3f} F1 {f:.3f}")
    return f


# ------------------------------------------------------------------ AnyStyle

def _span(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _bare(span: str) -> str:
    """A span without its surrounding punctuation; a parenthesis only when unbalanced."""
    s = span.strip(" .,;:“”\"")
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].strip(" .,;:")
    while s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:].strip(" .,;:")
    return s.strip(" .,;:“”\"")


def anystyle_rows(path: Path) -> list[dict]:
    """References of AnyStyle's core.xml with the partial gold its labels allow."""
    data = path.read_bytes()
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.I):
        raise SystemExit(f"{path}: refusing XML with a DOCTYPE or entities")
    rows = []
    for seq in ET.fromstring(data).iter("sequence"):
        spans = [(el.tag, _span(el)) for el in seq]
        text = " ".join(s for tag, s in spans if tag != "citation-number")
        gold: dict = {}
        author_text = ""
        for tag, s in spans:
            bare = _bare(s)
            if tag == "author" and not author_text:
                author_text = s
            elif tag == "title" and "title" not in gold:
                gold["title"] = bare
            elif tag in ("journal", "container-title") and "container-title" not in gold:
                gold["container-title"] = re.sub(r"^(?:In:?|in)\s+", "", bare)
            elif tag == "date" and "issued" not in gold:
                year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", s)
                if year:
                    gold["issued"] = {"date-parts": [[int(year.group(1))]]}
            elif tag == "pages" and "page" not in gold:
                m = re.search(r"\d+\s*[-–—]+\s*\d+|\d+", s)
                if m:
                    gold["page"] = m.group(0)
            elif tag == "volume" and "volume" not in gold:
                m = re.search(r"\d+", s)
                if m:
                    gold["volume"] = m.group(0)
            elif tag == "publisher" and "publisher" not in gold:
                gold["publisher"] = bare
            elif tag == "location" and "publisher-place" not in gold:
                gold["publisher-place"] = bare
            elif tag == "doi":
                m = re.search(r"10\.\d{4,9}/\S+", s)
                if m:
                    gold["DOI"] = m.group(0).rstrip(".,;")
            elif tag == "url":
                gold["URL"] = s.strip(" .,;<>")
        rows.append({"text": text, "gold": gold, "author_text": author_text})
    return rows


def score_anystyle(rows: list[dict], scorer) -> None:
    fields = ["title", "container-title", "issued", "volume", "page", "publisher", "publisher-place", "DOI", "URL"]
    tp, fp, fn = Counter(), Counter(), Counter()
    for row in rows:
        pred = reference_to_item(parse_reference(row["text"]))
        count_fields(row["gold"], pred, fields, scorer, tp, fp, fn)   # all of them are scorer fields
        families = [n.get("family") or n.get("literal", "") for n in pred.get("author", [])]
        if row["author_text"]:
            if families and all(f and f in row["author_text"] for f in families):
                tp["author"] += 1
            else:
                fn["author"] += 1
                if families:
                    fp["author"] += 1
        elif families:
            fp["author"] += 1
    table("AnyStyle held-out half (odd references; partial gold)", len(rows), tp, fp, fn, 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="score only sets whose file name contains this")
    parser.add_argument("--anystyle", action="store_true", help="also score AnyStyle's held-out half")
    parser.add_argument("--fields-by-lang", action="store_true",
                        help="also print a field x language F1 matrix for sets with several languages")
    args = parser.parse_args()
    scorer = _scorer()
    for path in label_sets():
        if args.only and args.only not in path.name:
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        per_row: list = []
        table(path.name, len(rows), *score_rows(rows, scorer, per_row=per_row))
        language_table(rows, per_row)
        if args.fields_by_lang:
            field_language_matrix(rows, per_row)
    if args.anystyle:
        rows = anystyle_rows(SHARED / "data" / "anystyle" / "core.xml")
        score_anystyle(rows[1::2], scorer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
