"""The fast JSON layout gives exactly json.dumps(..., ensure_ascii=False, indent=2)."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from polybib.formats.jsonlayout import dumps_indented

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) \
    | st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
        ["Газуль", 'a "quoted" \\ back', "line\nbreak\ttab", "\u2028", "€", ""])
_JSON = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(_JSON)
def test_same_text_as_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=100, deadline=None)
@given(_JSON)
def test_nested_level_is_the_layout_inside_an_array(value):
    whole = json.dumps([value, 1], ensure_ascii=False, indent=2)
    assert whole == "[\n  " + dumps_indented(value, 1) + ",\n  1\n]"


def test_other_types_are_left_to_json_dumps():
    value = {"a": (1, 2), 3: "int key", "b": [True, None, 1.5]}
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
