"""The render fast paths (:mod:`polybib.render.fastpaths`) and the memo bypass
(:mod:`polybib.render.memo`) change speed, never output.

Each fast path is checked against the citeproc-py method it stands for, on every element
of real styles; the memo bypass by rendering the same distinct records with and without
it; and the guard that keeps a fast path off classes whose method :mod:`.fixes` corrects.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from citeproc import model as m
from citeproc.formatter import html
from citeproc.string import MixedString, String

from polybib.render import engine, fastpaths, fixes, memo, render_items, resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from render_records import records  # noqa: E402

STYLES = ("apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-100-2018", "chicago-author-date", "ieee",
          "modern-language-association")
SAMPLES = ("", "text", String("Title."), MixedString([String("a "), String("b.")]), html.Italic("it."), " lead", 42)


def _elements(style: str):
    compiled = engine.compile_style(resolve(style).path)
    return [el for el in compiled.root.iter() if isinstance(el.tag, str)]


@pytest.mark.parametrize("style", STYLES)
def test_format_and_wrap_as_citeproc_py(style):
    checked = 0
    for element in _elements(style):
        if isinstance(element, fastpaths.FastFormat):
            for sample in SAMPLES:
                assert repr(element.format(sample)) == repr(m.Formatted.format(element, sample))
                checked += 1
        if isinstance(element, fastpaths.FastWrap):
            for sample in SAMPLES[:-1] + (None,):
                ours, theirs = element.wrap(sample), m.Affixed.wrap(element, sample)
                assert type(ours) is type(theirs) and repr(ours) == repr(theirs), element.tag
                checked += 1
    assert checked > 100


@pytest.mark.parametrize("style", STYLES)
def test_lookups_and_name_options_as_citeproc_py(style):
    for element in _elements(style):
        for child in ("layout", "sort", "name", "substitute", "bibliography", "nothing-such"):
            assert element.__getattr__(child) is m.SomewhatObjectifiedElement.__getattr__(element, child) \
                or element.__getattr__(child) == m.SomewhatObjectifiedElement.__getattr__(element, child)
        if isinstance(element, fastpaths.FastName):
            for option in ("and", "delimiter", "et-al-min", "et-al-use-first", "initialize-with",
                           "name-as-sort-order", "form", "delimiter-precedes-last"):
                try:
                    expected = m.Name.get_option(element, option)
                except (KeyError, IndexError):
                    continue
                assert element.get_option(option) == expected
                assert element.get_option(option, None, {option: "x"} if option in ("and", "form") else None) \
                    == ("x" if option in ("and", "form") else expected)


def test_fast_paths_only_where_fixes_keeps_citeproc_py_methods():
    assert fastpaths.FastFormat in fastpaths.mixins_for(fixes.Text)
    assert fastpaths.FastName in fastpaths.mixins_for(fixes.Name)
    assert fastpaths.FastChoose in fastpaths.mixins_for(m.Choose)

    class Corrected(fixes.Group):
        def wrap(self, string):          # a correction fixes might make one day
            return string

    assert fastpaths.FastWrap not in fastpaths.mixins_for(Corrected)
    assert fastpaths.FastFormat in fastpaths.mixins_for(Corrected)


@pytest.mark.parametrize("style", ("apa", "gost-r-7-0-100-2018"))
def test_memo_bypass_keeps_output(style, monkeypatch):
    items = records(160, seed=11)
    memo.clear()
    monkeypatch.setattr(memo, "_TRIAL", 10 ** 9)          # never bypass
    full = [(e.id, e.margin, e.body) for e in render_items(items, style)]
    memo.clear()
    monkeypatch.setattr(memo, "_TRIAL", 4)                 # bypass early and often
    bypassed = [(e.id, e.margin, e.body) for e in render_items(items, style)]
    assert any(flags[2] for flags in memo._useful.values())
    assert bypassed == full
    memo.clear()


def test_a_child_added_after_a_lookup_that_missed_is_found():
    # fastpaths remembers a missing child only while the element's children are the same
    compiled = engine.compile_style(resolve("apa").path)
    names = next(el for el in compiled.root.iter() if isinstance(el, m.Names) and el.find("cs:label", el.nsmap) is None)
    assert names.label is None
    assert names.label is None                 # answered from the cache
    label = names.makeelement(f"{{{engine.CSL_NS}}}label", {})
    names.append(label)
    try:
        assert names.label is label
        assert names.label is m.SomewhatObjectifiedElement.__getattr__(names, "label")
    finally:
        names.remove(label)
        fastpaths.clear()
        engine._compiled.cache_clear()


def test_a_choose_asks_its_branches_as_rendering_them_would():
    # FastChoose asks hotpaths.FastIf.passes instead of catching ConditionFailed: on
    # every cs:if of real styles the answer is the one the full render gives
    from citeproc.source import VariableError

    from polybib.render import hotpaths
    from polybib.render.engine import _Item, to_citeproc_reference

    items = records(40, seed=3)
    checked = 0
    for style in ("apa", "chicago-author-date"):
        compiled = engine.compile_style(resolve(style).path)
        ifs = [el for el in compiled.root.iter() if isinstance(el, hotpaths.FastIf)
               and "position" not in el.attrib and "disambiguate" not in el.attrib]
        for data in items:
            ref = to_citeproc_reference(data)
            item = _Item(ref["key"], ref, 1)
            for element in ifs:
                try:
                    results = []
                    for attribute, test in (("type", element._type), ("variable", element._variable),
                                            ("is-numeric", element._is_numeric),
                                            ("is-uncertain-date", element._is_uncertain_date),
                                            ("locator", element._locator)):
                        if attribute in element.attrib:
                            results += test(item)
                    match = element.get("match")
                    expected = any(results) if match == "any" else (not any(results) if match == "none"
                                                                    else all(results))
                except VariableError:
                    continue
                assert element.passes(item) == expected, (style, element.attrib)
                checked += 1
    assert checked > 1000
