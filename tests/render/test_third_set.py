"""polybib against citeproc-js on the third differential set (issue #15): 325 records
neither earlier set used — hand-written classes that Chicago and MLA print their own way
(chapters in edited and translated books, reprints, corporate and single-field names,
long and repeated author lists, undated web pages, theses, reports, conference papers,
films, interviews, posts, Russian and Ukrainian records, missing fields, titles ending in
``?``/``!``, particles), the gold records of ``parse-dev.jsonl``, and corpus and export
records the earlier sets left.

It is split by a hash of the id (``make_third_items.py``) before anything was rendered:
the work part was used to find and fix bug classes, the held-out part only to measure.
Both must stay above the floors measured when this test was written; no style may fail a
whole list.
"""
from __future__ import annotations

import pytest

from . import differential

#: agreement measured when this test was written (work 99.76 %, held-out 98.78 %; before
#: the fixes found on the work part: 97.28 % and 97.65 %), less a margin
FLOORS = {"third-work": 0.99, "third-held": 0.98}
#: no style below this on either part (lowest when written: MLA 97.4 % held-out)
STYLE_FLOOR = 0.95


def test_the_set_is_large_mixed_and_apart_from_the_others():
    earlier = set()
    for name in ("first", "second-work", "second-held"):
        earlier |= {item["id"] for item in differential.items(name)}
    work, held = differential.items("third-work"), differential.items("third-held")
    ids = [item["id"] for item in work + held]
    assert len(ids) >= 300 and len(set(ids)) == len(ids)
    assert not earlier & set(ids)
    assert 1.5 <= len(work) / len(held) <= 2.5
    types = {item["type"] for item in work + held}
    assert {"chapter", "thesis", "report", "paper-conference", "webpage", "motion_picture",
            "interview", "post"} <= types
    languages = {item.get("language", "") for item in work + held}
    assert {"ru", "en", "uk"} <= languages


@pytest.mark.citeproc_js
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_agreement_on_unseen_records(part):
    report = differential.compare(records=differential.items(part))
    total = sum(row["total"] for row in report.values())
    agree = sum(row["agree"] for row in report.values())
    for style, row in report.items():
        assert row["error"] is None and row["ours_error"] is None, (style, row["error"], row["ours_error"])
        assert row["agree"] / row["total"] >= STYLE_FLOOR, (style, row["agree"], row["total"])
    assert agree / total >= FLOORS[part], f"{part}: {agree}/{total} = {agree / total:.2%}"
