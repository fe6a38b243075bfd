"""polybib against citeproc-js on the fifth differential set (issue #15): 350 records no
earlier set used — hand-written records of the shapes users have that the earlier sets
held few of (theses, reports, chapters with editors and translators, conference papers,
patents, legal records, web pages with accessed dates, data sets, software, multi-volume
works, reprints, undated and anonymous records, particles, twenty and more authors,
Russian, Ukrainian, Kazakh, Chinese, Japanese, Korean and mixed-script records, quotes in
titles, editions as text, lettered page ranges, seasons, circa and BC dates:
``fifth_cases.py``), and every other-tool export record the earlier sets left that is no
copy of one they hold (``make_fifth_items.py``).

It is split by a hash of the id before anything was rendered: the work part was used to
find and fix bug classes (``test_fifth_work_classes.py``), the held-out part only to
measure.  Both must stay above the floors measured when this test was written; no style
may fail a whole list.
"""
from __future__ import annotations

import pytest

from . import differential

#: agreement measured when this test was written (work 99.67 %, held-out 99.08 %; before
#: the fixes found on the work part: 98.01 % and 97.25 %, the held-out part measured once
#: before any fix), less a margin
FLOORS = {"fifth-work": 0.99, "fifth-held": 0.98}
#: no style below this on either part (lowest when written: Chicago and MLA 97.2 % held-out)
STYLE_FLOOR = 0.95


def test_the_set_is_apart_from_the_others_and_holds_what_users_have():
    records = differential.check_apart(
        "fifth-work", "fifth-held",
        ("first", "second-work", "second-held", "third-work", "third-held", "fourth-work", "fourth-held"), 300)
    types = {item["type"] for item in records}
    assert {"thesis", "report", "chapter", "paper-conference", "patent", "legislation", "legal_case",
            "webpage", "dataset", "software"} <= types
    languages = {item.get("language", "") for item in records}
    assert {"en", "ru", "uk", "kk", "zh", "ja", "ko"} <= languages
    assert any(len(item.get("author", ())) >= 20 for item in records)
    assert any(year < 0 for item in records for part in item.get("issued", {}).get("date-parts", ())
               for year in part[:1])


@pytest.mark.citeproc_js
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_agreement_on_unseen_records(part):
    differential.check_agreement(part, FLOORS[part], STYLE_FLOOR)
