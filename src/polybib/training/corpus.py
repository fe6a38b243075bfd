"""Labelled references → training sequences (features and labels per token).

Three sources, one shape: JSONL ``{"text", "gold"}`` (the dev set, a user's corrected
references), AnyStyle's span-labelled ``core.xml``, and synthetic records (``synthetic``).
Each reference goes through the rule parser first, exactly as at run time: the CRF labels what
the anchors left (``rec.body``), with the rules' fields as features.  Gold fields become token
labels through ``refparse.align`` (by words, so punctuation and dash variants do not matter).
AnyStyle's gold.xml is never read here: it is for measuring only.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..refparse.align import align
from ..refparse.hybrid import item_of
from ..refparse.parser import parse_by_rules
from ..refparse.tokens import token_features, tokenize

Example = tuple[list[list[str]], list[str]]


def example(text: str, gold: dict) -> Example | None:
    """Features and labels of one reference, or None when nothing of its gold was found."""
    rule_ref, rec = parse_by_rules(text)
    tokens = tokenize(rec.body)
    if not tokens:
        return None
    labels = align(tokens, gold)
    if all(label == "O" for label in labels):
        return None
    rule_labels = align(tokens, item_of(rule_ref.fields))
    return token_features(tokens, rule_labels), labels


def jsonl_rows(path: Path) -> Iterator[tuple[str, dict]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield row["text"], row["gold"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a labelled reference ({exc})") from None


# ------------------------------------------------------------------ AnyStyle core.xml

_TAGS = {"author": "author", "editor": "editor", "translator": "translator", "title": "title",
         "container-title": "container-title", "journal": "container-title", "collection-title": "collection-title",
         "date": "issued", "location": "publisher-place", "publisher": "publisher", "pages": "page",
         "volume": "volume", "edition": "edition", "genre": "genre"}


def anystyle_rows(path: Path) -> Iterator[tuple[str, dict]]:
    """AnyStyle's labelled sequences as (text, gold): spans become field values (the span's
    own words, so that ``align`` finds exactly them)."""
    from ..safexml import parse_xml
    root = parse_xml(path.read_bytes(), str(path))
    for seq in root.iter("sequence"):
        pieces, gold = [], {}
        for el in seq:
            span = " ".join("".join(el.itertext()).split())
            if el.tag == "citation-number":
                continue
            pieces.append(span)
            label = _TAGS.get(el.tag)
            if not label or label in gold:
                continue
            if label in ("author", "editor", "translator"):
                span = re.sub(r"^(?:In:?|in)\s+", "", span)
                span = re.sub(r"[\s,]*\(?\b(?:eds?|Eds?|Hrsg|Hg|ed|Ed)\.?\)?[\s.,]*$", "", span)
                gold[label] = span
            elif label == "issued":
                m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", span)
                if m:
                    gold[label] = {"date-parts": [[int(m.group(1))]]}
            elif label == "volume":
                gold.update(_volume_issue(span))
            elif label == "page":
                gold[label] = re.sub(r"^\(?(?:pages|page|pp|p|S|С|s)\.?\s*(?=\d)", "", span).strip(" .,;:()")
            elif label == "container-title":
                gold[label] = re.sub(r"^(?:In:?|in)\s+", "", span).strip(" .,;:")
            else:
                gold[label] = span.strip(" .,;:")
        yield " ".join(pieces), gold


_VOLUME = re.compile(r"^\(?(?:[Vv]olume|[Vv]ol|Bd|T|Т|[Vv])?\.?\s*(\d+[A-Za-z]?)\s*(?:\(([^()]{1,12})\)|"
                     r"[,.]?\s*(?:[Nn]o|Nr|[Ii]ssue|[Hh]eft|n°|№)\.?\s*(\d[\w/-]*)|,\s*(\d+)\b(?!\s*[-–]))?")


def _volume_issue(span: str) -> dict:
    """AnyStyle's volume span holds the issue too: ``Vol. 81, No. 5``, ``36, 3``, ``32(4)``."""
    m = _VOLUME.match(span.strip())
    if not m:
        return {"volume": span.strip(" .,;:()")}
    out = {"volume": m.group(1)}
    issue = m.group(2) or m.group(3) or m.group(4)
    if issue:
        out["issue"] = issue
    return out


def examples(rows: Iterable[tuple[str, dict]]) -> Iterator[Example]:
    for text, gold in rows:
        got = example(text, gold)
        if got is not None:
            yield got
