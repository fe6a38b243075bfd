"""The GOST example sets: each work-part example exactly as the standard prints it.

The held-out part is only measured (``python tests/render/gost/examples.py``), never
asserted example by example here."""
from __future__ import annotations

import pytest

from tests.render.gost import examples


def _work(edition):
    # an example whose published text differs from polybib's for a reason given in the
    # file (typography of the publication, not a GOST element) is an expected failure
    return [pytest.param(edition, e, id=f"{edition}:{e['id']}",
                         marks=[pytest.mark.xfail(reason=e["known_difference"], strict=True)]
                         if e.get("known_difference") else [])
            for e in examples.load(edition) if e["part"] == "work"]


@pytest.mark.parametrize("edition,example", _work("7.0.100") + _work("7.0.5"))
def test_work_example_renders_as_printed(edition, example):
    got = examples.rendered(example, examples.FILES[edition][1])
    assert examples.matches(example, got), got


@pytest.mark.parametrize("edition", sorted(examples.FILES))
def test_every_example_has_record_text_and_source(edition):
    items = examples.load(edition)
    assert len(items) >= 20
    for e in items:
        assert e["record"]["id"] == e["id"] and e["expected"] and e["source"]
        assert e["part"] in ("work", "held")
    assert sum(e["part"] == "held" for e in items) >= len(items) // 4


@pytest.mark.parametrize("edition", sorted(examples.FILES))
def test_ninety_percent_of_the_work_part_exactly(edition):
    hits, total, _ = examples.score(edition)["work"]
    assert hits >= 0.9 * total


@pytest.mark.parametrize("edition", sorted(examples.FILES))
def test_hash_split_examples_are_in_the_part_their_id_gives(edition):
    hashed = [e for e in examples.load(edition) if e.get("split") == "sha256"]
    assert hashed, "the published examples added after the first sets are split by id"
    for e in hashed:
        assert e["part"] == examples.hashed_part(e["id"]), e["id"]
        # the text as found is kept beside the expected one, and every difference is explained
        assert e["verbatim"] and e["published"]
        if examples.normalize(e["published"]) != examples.normalize(e["expected"]):
            assert "`expected`" in e["source"] or e.get("known_difference"), e["id"]


def test_a_fragment_must_occur_in_the_entry_and_is_scored_apart():
    fragment = {"match": "fragment", "expected": "// Звезда : [сайт]"}
    assert examples.matches(fragment, "Стихи. – Текст : электронный // Звезда : [сайт]. – URL: x")
    assert not examples.matches(fragment, "Стихи. – Текст : электронный // Звезда. – URL: x")
    whole = {"expected": "// Звезда : [сайт]"}
    assert not examples.matches(whole, "Стихи. // Звезда : [сайт]. – URL: x")
    for edition in examples.FILES:
        counted = sum(t for _, t, _ in examples.score(edition).values())
        assert counted == sum(not examples.is_fragment(e) for e in examples.load(edition))


def test_the_dash_allowance_covers_range_dashes_but_not_a_typed_hyphen():
    norm = examples.normalize
    assert norm("М., 2006. – С. 144—251.") == norm("М., 2006. — С. 144–251.")
    assert norm("С. 132-136.") != norm("С. 132–136.")
    assert norm("2004-2023") != norm("2004–2023")
