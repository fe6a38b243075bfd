"""Regenerate the fifth differential set: ``data/fifth-work.json`` and
``data/fifth-held.json`` (issue #15).

The corpus files are used up by the earlier sets; what is left are the shapes users have
that the earlier sets held in small numbers (the hand-written records of
:mod:`fifth_cases`) and every record of the other tools' exports the earlier sets did not
take (``ODD_PER_FILE`` is more than any export holds).  An export record whose
type and title equal an earlier set's record is left out: several exports are copies of
the same example files, and a copy is a record the differential has seen.  Each record
goes to the work part or the held-out part by a hash of its id (about 2:1) before
anything is rendered; the held-out part is only measured, never looked at to fix.

Rerun on purpose only (``python tests/render/make_fifth_items.py``); the sets are committed.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import fifth_cases  # noqa: E402
from make_second_items import odd_items, write_parts  # noqa: E402
from set_parts import DATA, earlier_ids, held_out_by  # noqa: E402

EARLIER = ("differential-items", "second-work", "second-held", "third-work", "third-held",
           "fourth-work", "fourth-held")
WORK = DATA / "fifth-work.json"
HELD = DATA / "fifth-held.json"
ODD_PER_FILE = 1000
ODD_MAX = 250

held_out = held_out_by("fifth/")


def _key(item: dict) -> tuple:
    return item.get("type"), " ".join(str(item.get("title", "")).lower().split())


def main() -> None:
    used = earlier_ids(*EARLIER)
    seen = {_key(item) for name in EARLIER
            for item in json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))}
    fresh = []
    for item in odd_items(limit=10_000, per_file=ODD_PER_FILE, used=frozenset(used)):
        if _key(item) not in seen and len(fresh) < ODD_MAX:
            seen.add(_key(item))
            fresh.append(item)
    write_parts(fifth_cases.cases() + fresh, used, held_out, WORK, HELD)


if __name__ == "__main__":
    main()
