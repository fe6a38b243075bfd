"""Regenerate the second differential set: ``data/second-work.json`` and
``data/second-held.json`` (issue #15).

The first set (``differential-items.json``) is what the renderer was tuned on.  This one
holds records it never used: corpus records the first set left out (spread over each
file's (type, language) groups, not its first ones), a few records from the exports of
other tools under ``bib-corpus/odd/``, and the hand-written edge cases of
:mod:`second_cases`.  Each record goes to the work part or the held-out part by a hash of
its id (about 2:1); the held-out part is only measured, never looked at to fix.

Rerun on purpose only (``python tests/render/make_second_items.py``); the sets are committed.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

from polybib import formats
from polybib.render.cslitem import to_csl_item
from polybib.render.multilingual import language_code

sys.path.insert(0, str(Path(__file__).parent))
import second_cases  # noqa: E402

HERE = Path(__file__).parent
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "bib-corpus"
FIRST = HERE / "data" / "differential-items.json"
WORK = HERE / "data" / "second-work.json"
HELD = HERE / "data" / "second-held.json"
PER_GROUP = 6
ODD_PER_FILE = 2
ODD_MAX = 40


def _spread(members: list, n: int) -> list:
    """``n`` members evenly spaced through the list (not its head)."""
    if len(members) <= n:
        return members
    step = len(members) / n
    return [members[int(i * step + step / 2)] for i in range(n)]


def _usable(ref) -> bool:
    return (ref.extra.get("biblatex.entrytype") not in ("xdata", "set")
            and bool(ref.fields.get("title")))


def corpus_items(used: set[str], pick=_spread, per_group: int = PER_GROUP) -> list[dict]:
    """Corpus records not in ``used``, ``per_group`` per (file, type, language) group chosen
    by ``pick``."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*.bib")):
        try:
            library = formats.read(str(path))
        except Exception:       # a corpus file this reader cannot take is no record source
            continue
        for ref in library:
            if not _usable(ref):
                continue
            item = to_csl_item(ref)
            item["id"] = f"{path.stem}:{ref.id}"
            if item["id"] in used:
                continue
            groups[(path.stem, ref.type, language_code(ref) or "en")].append(item)
    return [item for key in sorted(groups) for item in pick(groups[key], per_group)]


def odd_items(skip_files: frozenset[str] = frozenset(), limit: int = ODD_MAX,
              per_file: int = ODD_PER_FILE, used: frozenset[str] = frozenset()) -> list[dict]:
    """Up to ``per_file`` records with names from each other tool's export, ``limit`` in
    all (files named ``odd/<stem>`` in ``skip_files`` and records whose id is in ``used``
    left out)."""
    out: list[dict] = []
    for path in sorted((CORPUS / "odd").glob("*.bib")):
        if len(out) >= limit or path.stat().st_size > 200_000 or f"odd/{path.stem}" in skip_files:
            continue
        try:
            library = formats.read(str(path))
        except Exception:
            continue
        taken = 0
        for ref in library:
            if taken >= per_file or len(out) >= limit:
                break
            if not _usable(ref) or not (ref.fields.get("author") or ref.fields.get("editor")):
                continue
            item = to_csl_item(ref)
            item["id"] = f"odd/{path.stem}:{ref.id}"
            if item["id"] in used:
                continue
            out.append(item)
            taken += 1
    return out


def held_out(item_id: str) -> bool:
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def main() -> None:
    used = {item["id"] for item in json.loads(FIRST.read_text(encoding="utf-8"))}
    write_parts(corpus_items(used) + odd_items() + second_cases.cases(), used, held_out, WORK, HELD)


def write_parts(items: list[dict], used: set[str], held_out, work_path: Path, held_path: Path) -> None:
    """The items not in ``used`` (first of each id) written to the work and held-out files,
    each by ``held_out`` of its id."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item["id"] not in seen and item["id"] not in used:
            seen.add(item["id"])
            unique.append(item)
    work = [i for i in unique if not held_out(i["id"])]
    held = [i for i in unique if held_out(i["id"])]
    for path, part in ((work_path, work), (held_path, held)):
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(part, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)
    print(f"{len(unique)} records: work {len(work)}, held-out {len(held)}")


if __name__ == "__main__":
    main()
