"""Long and pathological lines parse in time linear in their length, and nothing is lost.

Nothing here is timed (speed is measured by ``benchmarks/bench_parse.py --long-lines``): the
tests count the work the URL cut does, and check that lines of the shapes that were
quadratic (stray ``[``, ``*``, ``_``, thousands of URLs) keep every piece of their text.
"""
from __future__ import annotations

import re

from polybib.refparse import anchors, parse_reference
from polybib.refparse.parser import normalize


class CountingPattern:
    """A stand-in for a compiled pattern that counts the characters each search may scan."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.scanned = 0
        self.calls = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        self.scanned += max(0, end - pos)
        self.calls += 1
        return self.pattern.search(text, pos, end)


def test_url_labels_are_looked_for_in_a_window_not_in_the_whole_text_before(monkeypatch):
    counter = CountingPattern(anchors._URL_LABEL)
    monkeypatch.setattr(anchors, "_URL_LABEL", counter)
    urls = [f"https://example.org/paper/{i}" for i in range(3000)]
    text = " ".join(f"Paper {i}. URL: {url}" for i, url in enumerate(urls))
    rest, found = anchors.take_anchors(text)
    assert found.urls == urls                             # every URL, in order
    assert "URL" not in rest and rest.count("Paper") == 3000
    assert counter.calls == 3000
    assert counter.scanned <= 100 * counter.calls         # linear: a bounded window per URL


def test_a_line_of_stray_brackets_loses_nothing():
    line = " ".join(f"[word{i}" for i in range(40_000))
    ref = parse_reference(line)
    kept = " ".join(str(v) for v in ref.fields.values()) + " " + " ".join(ref.extra.values())
    assert ref.source.text == line
    assert all(f"word{i}" in kept for i in (0, 1, 20_000, 39_999))


def test_the_final_bracket_is_still_a_title_translation():
    ref = parse_reference("Ivanov I.I. Oblaka i biznes [Clouds and business]. Moscow: Nauka Publ., 2011. 200 p.")
    assert ref["title"] == "Oblaka i biznes" and ref.extra["polybib.title-translation"] == "Clouds and business"


def test_stray_emphasis_marks_on_a_long_line_are_kept_and_real_emphasis_is_removed():
    line = " ".join(f"*a{i} _b{i}" for i in range(30_000))
    assert normalize(line) == line                        # no pair closes: nothing removed
    assert normalize("Smith J. *Clouds and business*. London: __Routledge__, 2019.") == \
        "Smith J. Clouds and business. London: Routledge, 2019."


def test_a_pasted_list_of_references_on_one_line_keeps_every_url_and_author():
    refs = [f"Author{i} A. Title number {i} // Journal {i}. — {1900 + i % 120}. — URL: https://example.org/{i}"
            for i in range(2000)]
    ref = parse_reference(" ".join(refs))
    assert ref["URL"] == "https://example.org/0"
    note = ref["note"]
    pieces = set(note.split("; "))
    assert all(f"https://example.org/{i}" in pieces for i in range(1, 2000))
    assert all(f"Author{i} A" in note for i in range(1, 2000))
