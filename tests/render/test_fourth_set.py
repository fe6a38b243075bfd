"""polybib against citeproc-js on the fourth differential set (issue #15): 1,034 records
no earlier set used — every corpus record the first three sets left, and up to four more
records from each other tool's export (``make_fourth_items.py``).

It is split by a hash of the id before anything was rendered: the work part was used to
find and fix bug classes (``test_fourth_classes.py``), the held-out part only to measure.
Both must stay above the floors measured when this test was written; no style may fail a
whole list.
"""
from __future__ import annotations

import pytest

from . import differential

#: agreement measured when this test was written (work 99.53 %, held-out 98.58 %; before
#: the fixes found on the work part: 99.27 % work), less a margin
FLOORS = {"fourth-work": 0.99, "fourth-held": 0.98}
#: no style below this on either part (lowest when written: Chicago 96.2 % held-out)
STYLE_FLOOR = 0.95


def test_the_set_is_large_and_apart_from_the_others():
    differential.check_apart("fourth-work", "fourth-held",
                             ("first", "second-work", "second-held", "third-work", "third-held"), 1000)


@pytest.mark.citeproc_js
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_agreement_on_unseen_records(part):
    differential.check_agreement(part, FLOORS[part], STYLE_FLOOR)
