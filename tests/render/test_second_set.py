"""polybib against citeproc-js on the second differential set (issue #15): 329 records the
first set never used — corpus records it left out, exports of other tools, and
hand-written edge cases (quotes, hyphenated name variables, date ranges, CJK names, roman
and prefixed page ranges, particles with apostrophes, Zotero note fields, Ukrainian
records, English articles in Russian journals).

It is split by a hash of the id (``make_second_items.py``): the work part was used to find
and fix bug classes, the held-out part only to measure.  Both must stay above the floors
measured when this test was written; no style may fail a whole list.
"""
from __future__ import annotations

import pytest

from . import differential

#: agreement measured when this test was written (work 99.7 %, held-out 97.1 %), less a margin
FLOORS = {"second-work": 0.99, "second-held": 0.97}
#: no style below this on either part (held-out: Chicago 91.7 %, MLA 90.7 % when written; the
#: issue's goal of 95 % per style is not reached there yet)
STYLE_FLOOR = 0.90


def test_the_set_is_large_mixed_and_apart_from_the_first():
    first = {item["id"] for item in differential.items("first")}
    work, held = differential.items("second-work"), differential.items("second-held")
    ids = [item["id"] for item in work + held]
    assert len(ids) >= 300 and len(set(ids)) == len(ids)
    assert not first & set(ids)
    assert 1.5 <= len(work) / len(held) <= 2.5
    languages = {item.get("language", "") for item in work + held}
    assert {"ru", "en", "uk", "zh", "ja"} <= languages


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
