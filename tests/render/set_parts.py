"""What every differential set's maker shares (issue #15): the ids the earlier sets took,
and the split of a set into its work and held-out parts by a salted hash of each id.

The split is decided from the id alone, before anything is rendered, so nobody can choose
which records are held out; the salt makes each set's split independent of the others'.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def earlier_ids(*names: str) -> set[str]:
    """The ids of the records in ``data/<name>.json`` for each name."""
    used: set[str] = set()
    for name in names:
        used |= {item["id"] for item in json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))}
    return used


def held_out_by(salt: str):
    """A predicate on ids: true for about a third of them, by a SHA-1 of ``salt + id``."""
    def held_out(item_id: str) -> bool:
        return int(hashlib.sha1((salt + item_id).encode("utf-8")).hexdigest(), 16) % 3 == 0
    return held_out
