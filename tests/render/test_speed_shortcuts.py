"""The rendering shortcuts of issue #15 (speed) change no output: sort keys computed only
for tied records, and the guessed given-name levels of the first disambiguation pass.
Each test compares the shortcut with the work done in full on the benchmark's distinct
records (names recur as in a real list, so both shortcuts are exercised)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from polybib.render import disambiguation, fixes, memo, output, render_items, resolve
from polybib.render.engine import Processor

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from render_records import records  # noqa: E402


def _texts(items, style):
    memo.clear()
    return [output.entry_text(e, "text") for e in render_items(items, style)]


def _cites(items, style):
    info = resolve(style)
    processor = Processor(info.path, None, info.terms)
    memo.clear()
    return processor.citations(items, [[{"id": i["id"]}] for i in items])


def test_a_later_key_is_asked_only_for_records_tied_before_it():
    asked = []
    values = [["b", "x", 1], ["a", "y", 2], ["b", "x", 0], ["c", "z", 9]]

    def column(position, indexes):
        asked.append((position, list(indexes)))
        return [values[i][position] for i in indexes]

    rows = fixes._lazy_rows(column, len(values), 3, None)
    assert asked == [(0, [0, 1, 2, 3]), (1, [0, 2]), (2, [0, 2])]
    assert [r[1][2] is None for r in rows] == [False, True, False, True]


def test_a_lone_record_gets_every_key():
    asked = []
    fixes._lazy_rows(lambda p, ix: asked.append(p) or ["v"] * len(ix), 1, 3, None)
    assert asked == [0, 1, 2]


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "harvard-cite-them-right",
                                   "modern-language-association"])
def test_lazy_sort_keys_give_the_order_every_key_gives(style, monkeypatch):
    items = records(400)
    lazy = _texts(items, style)

    def eager(column, count, width, locale):
        # every key of every record, as before the shortcut
        everything = [column(p, list(range(count))) for p in range(width)]
        return [(i, [fixes._collated(everything[p][i], locale) for p in range(width)]) for i in range(count)]

    monkeypatch.setattr(fixes, "_lazy_rows", eager)
    assert _texts(items, style) == lazy


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association"])
def test_guessed_given_name_levels_change_no_cite_and_no_entry(style, monkeypatch):
    # a Quillfeather no other name shares keeps the bare family name, though the guess gave it
    # initials: rendered with them, its cite would match the corporate "J. Quillfeather"
    # and both would get a year-suffix
    lone = {"id": "lone", "type": "book", "title": "Alone", "author": [{"family": "Quillfeather", "given": "Jim"}],
            "issued": {"date-parts": [[2003]]}}
    corporate = {"id": "corporate", "type": "book", "title": "Together", "author": [{"literal": "J. Quillfeather"}],
                 "issued": {"date-parts": [[2003]]}}
    # two works alike but for the given name of a second author, which no rule shows:
    # only a year-suffix tells them apart
    pair = [{"id": f"pair{n}", "type": "book", "title": f"Pair {n}", "issued": {"date-parts": [[2003]]},
             "author": [{"family": "Quillfeather", "given": "Jim"}, {"family": "Brown", "given": given}]}
            for n, given in enumerate(("Ann", "Bob"))]
    items = records(400) + [lone, corporate] + pair
    guessed = (_texts(items, style), _cites(items, style))
    monkeypatch.setattr(disambiguation, "_guessed_levels", lambda options: ())
    assert (_texts(items, style), _cites(items, style)) == guessed


def test_levels_compare_by_meaning_not_by_shape():
    guess = ((1,),) * 3
    assert disambiguation._same_levels([[1, 0, 0], [], [1]], guess)
    assert not disambiguation._same_levels([[2]], guess)
    assert not disambiguation._same_levels([[1, 1]], guess)
    assert disambiguation._same_levels([], guess)
