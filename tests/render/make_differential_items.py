"""Regenerate ``data/differential-items.json``: the fixed record set of the differential test.

Records are read from ``../shared/data/bib-corpus/`` with polybib's own readers and written
as CSL-JSON, chosen deterministically to mix Russian and English and to cover every common
type: up to 12 records of each (file, type, language) group, in file order.  The set is
committed so the test does not change when the corpus or the readers do; rerun this script
(``python tests/render/make_differential_items.py``) on purpose only.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from polybib import formats
from polybib.render.cslitem import to_csl_item
from polybib.render.multilingual import language_code

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "bib-corpus"
FILES = ("biblatex-gost-examples.bib", "biblatex-examples.bib", "personal-publications-ru.bib")
PER_GROUP = 12
OUT = Path(__file__).parent / "data" / "differential-items.json"


def main() -> None:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    order: list[tuple] = []
    for name in FILES:
        library = formats.read(str(CORPUS / name))
        for ref in library:
            if ref.extra.get("biblatex.entrytype") in ("xdata", "set"):
                continue
            if not ref.fields.get("title"):
                continue
            language = language_code(ref) or "en"
            if language not in ("ru", "en"):
                continue
            key = (name, ref.type, language)
            if key not in groups:
                order.append(key)
            if len(groups[key]) < PER_GROUP:
                item = to_csl_item(ref)
                item["id"] = f"{Path(name).stem}:{ref.id}"
                groups[key].append(item)
    items = [item for key in order for item in groups[key]]
    OUT.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    by_type = defaultdict(int)
    for item in items:
        by_type[(item["type"], item.get("language", ""))] += 1
    print(len(items), "items:", dict(sorted(by_type.items())))


if __name__ == "__main__":
    main()
