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
    records = differential.check_apart("third-work", "third-held", ("first", "second-work", "second-held"), 300)
    types = {item["type"] for item in records}
    assert {"chapter", "thesis", "report", "paper-conference", "webpage", "motion_picture",
            "interview", "post"} <= types
    languages = {item.get("language", "") for item in records}
    assert {"ru", "en", "uk"} <= languages


@pytest.mark.citeproc_js
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_agreement_on_unseen_records(part):
    differential.check_agreement(part, FLOORS[part], STYLE_FLOOR)
