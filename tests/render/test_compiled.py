"""The compiled layout (:mod:`polybib.render.compiled`) changes speed, never output.

The same records — generated ones and the differential set, with and without names,
with hyphenated name variables, citations with locators — are rendered (bibliography and
citations) with the closures and with the element methods they stand for, in several
styles, and must come out identical; the closures must really be used; and every
method they copy must still have the code they were copied from.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from polybib.render import compiled, engine, fixes, memo, render_items, resolve

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from render_records import records  # noqa: E402

from .test_hotpaths import _fresh as _fresh_fast_paths, _render  # noqa: E402  one set-up for both

STYLES = ("apa", "gost-r-7-0-100-2018", "gost-r-7-0-5-2008-numeric", "chicago-author-date", "ieee",
          "modern-language-association", "nlm-citation-sequence", "chicago-notes-bibliography-17th-edition",
          "harvard-cite-them-right")


def _fresh():
    """Every render cache emptied, the compiled closures too (test_hotpaths' set-up)."""
    _fresh_fast_paths()
    compiled.clear()


def _extra():
    """Records whose names a cs:names finds missing, or only under a hyphenated variable."""
    return [
        {"id": "noname", "type": "article-journal", "title": "Nobody wrote this", "container-title": "J",
         "issued": {"date-parts": [[2001]]}, "volume": "3", "page": "1-9"},
        {"id": "editedonly", "type": "book", "title": "Edited book", "editor": [{"family": "Ed", "given": "A."}],
         "publisher": "P", "issued": {"date-parts": [[2002]]}},
        {"id": "containerauthor", "type": "chapter", "title": "A chapter", "author": [{"family": "Au", "given": "B"}],
         "container-author": [{"family": "Host", "given": "C"}], "container-title": "Host book",
         "issued": {"date-parts": [[2003]]}},
        {"id": "edtrans", "type": "book", "title": "Both", "editor": [{"family": "Same", "given": "D"}],
         "translator": [{"family": "Same", "given": "D"}], "issued": {"date-parts": [[2004]]}},
        {"id": "webpage", "type": "webpage", "title": "Only a title", "URL": "https://example.org/x"},
    ]


@pytest.fixture(scope="module")
def items():
    own = json.loads((ROOT / "tests" / "render" / "data" / "differential-items.json").read_text(encoding="utf-8"))
    return records(150, seed=11) + own + _extra()


@pytest.mark.parametrize("style", STYLES)
def test_closures_render_as_the_methods_they_stand_for(style, items, monkeypatch):
    _fresh()
    fast = _render(items, style)
    root = engine.compile_style(resolve(style).path).root
    # the closures were used: the layout's children, cs:text and cs:group elements compiled
    assert any(isinstance(el, compiled.CompiledNode) for el in root.iter())
    assert any(fn is not compiled._SLOW for fn in compiled._CHILDREN.values())
    assert any(fn is not compiled._SLOW for fn in compiled._NODES.values())
    monkeypatch.setattr(compiled, "_fresh", lambda: False)
    _fresh()
    root = engine.compile_style(resolve(style).path).root
    assert not any(isinstance(el, (compiled.CompiledNode, compiled.CompiledChildren, compiled.CompiledChoose))
                   for el in root.iter())
    slow = _render(items, style)
    monkeypatch.undo()
    _fresh()
    assert fast[0] == slow[0]
    assert fast[1] == slow[1]


def test_memoized_and_compiled_alike_when_warm(items):
    # a second rendering (memo warm, closures built) gives the first one's output
    _fresh()
    first = _render(items, "apa")
    second = _render(items, "apa")
    assert first == second


def _names_rendered(record, style):
    """(entry, how many cs:names rendered themselves) on a second rendering (closures
    built on the first one, memo emptied)."""
    render_items([record], style)
    memo.clear()
    calls = []
    original = fixes.Names.process

    def spy(self, *args, **kwargs):
        calls.append(self.get("variable"))
        return original(self, *args, **kwargs)

    fixes.Names.process = spy
    try:
        entry = render_items([record], style)[0]
    finally:
        fixes.Names.process = original
    return entry.body, len(calls)


def test_a_names_without_its_variables_is_answered_by_its_closure(monkeypatch):
    record = _extra()[0]
    _fresh()
    fast_body, fast_calls = _names_rendered(record, "apa")
    monkeypatch.setattr(compiled, "_fresh", lambda: False)
    _fresh()
    slow_body, slow_calls = _names_rendered(record, "apa")
    monkeypatch.undo()
    _fresh()
    assert "Nobody wrote this" in fast_body
    assert fast_body == slow_body
    assert fast_calls < slow_calls


def test_every_copy_matches_the_code_it_copies():
    # fails when hotpaths, fastpaths, memo, fixes (or citeproc-py) changed a method a
    # closure copies: bring the closure in compiled.py up to date, then put the new
    # fingerprint printed here; until then nothing is compiled (output right, slower)
    assert compiled.stale() == []
    assert compiled.upgrade(fixes.Group) is fixes.Group        # not a parsed class: left alone
