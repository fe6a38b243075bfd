"""Every iuliia scheme, on polybib's engine, passes iuliia's own samples (one test each).

The expected values are iuliia's, with the one documented correction: Cyrillic ``ё`` in
an output becomes Latin ``ë`` (:func:`polybib.translit.iuliia_tables.patch_yo`).  A
property test then checks the engine against iuliia itself on random text, where the two
must agree except for that correction (and NFC: iuliia writes some letters decomposed).
"""
from __future__ import annotations

import re
import unicodedata

import iuliia
import pytest
from hypothesis import given, settings, strategies as st

from polybib.translit import all_schemes, get_scheme, transliterate
from polybib.translit.iuliia_tables import names, patch_yo, samples

#: iuliia scheme → the first polybib scheme whose Russian table it is.
SCHEME_OF: dict[str, str] = {}
for _scheme in all_schemes():
    _source, _, _name = _scheme.tables["ru"].partition(":")
    if _source == "iuliia":
        SCHEME_OF.setdefault(_name, _scheme.id)

CASES = [(name, i, src, out) for name in names() for i, (src, out) in enumerate(samples(name))]


def _id(case):
    name, i, src, _ = case
    return f"{name}-{i}-{src[:20]}"


def test_every_iuliia_scheme_but_uzbek_is_registered():
    assert set(SCHEME_OF) == set(names())


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_sample(case):
    name, _, src, expected = case
    assert transliterate(src, SCHEME_OF[name], "ru") == expected


def _single_letter_word(text: str) -> bool:
    return any(len(w) == 1 for w in re.findall(r"[А-Яа-яЁё]+", text))


UPPER = [c for c in CASES if not _single_letter_word(c[2])]


@pytest.mark.parametrize("case", UPPER, ids=[_id(c) for c in UPPER])
def test_sample_in_capitals(case):
    """ЩУКА → SHCHUKA: an all-caps word comes out all caps (iuliia gives ShchUKA)."""
    name, _, src, expected = case
    assert transliterate(src.upper(), SCHEME_OF[name], "ru") == expected.upper()


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_sample_in_lower_case(case):
    name, _, src, expected = case
    assert transliterate(src.lower(), SCHEME_OF[name], "ru") == expected.lower()


def test_iuliia_itself_gets_capitals_wrong_and_we_do_not():
    assert iuliia.BGN_PCGN.translate("ЩУКА") == "ShchUKA"
    assert transliterate("ЩУКА", "bgn-pcgn") == "SHCHUKA"


def test_iuliia_itself_leaves_cyrillic_yo_and_we_do_not():
    assert "ё" in iuliia.GOST_779.translate("ёж")
    assert transliterate("ёж", "iso9") == "\u00ebž"
    assert transliterate("Ёлка", "bgn-pcgn") == "Y\u00eblka"


RUSSIAN_WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=12)
TITLE_WORD = RUSSIAN_WORD.map(lambda w: w[0].upper() + w[1:])
TEXT = st.lists(st.one_of(RUSSIAN_WORD, TITLE_WORD), min_size=1, max_size=8).flatmap(
    lambda words: st.lists(st.sampled_from([" ", ", ", "-", ". ", " — "]),
                           min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(w + s for w, s in zip(words, seps))))


@pytest.mark.parametrize("name", names())
@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_engine_agrees_with_iuliia_on_lower_and_title_case_text(name, text):
    expected = unicodedata.normalize("NFC", patch_yo(iuliia.schemas.get(name).translate(text)))
    assert get_scheme(SCHEME_OF[name]).table("ru")(text) == expected
