"""The fast copies of fixes' hot methods (:mod:`polybib.render.hotpaths`) change speed,
never output.

The same records are rendered (bibliography and citations) with the copies and with
the corrected methods they copy, in several styles, and must come out identical; a copy
whose original changed must be left unused; and every copy must match the current code
(when :mod:`.fixes` is corrected, the copy is brought up to date with it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from polybib.render import engine, fastpaths, fixes, hotpaths, memo, render_items, resolve
from polybib.render.engine import Processor

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from render_records import records  # noqa: E402

STYLES = ("apa", "gost-r-7-0-100-2018", "chicago-author-date", "ieee", "modern-language-association",
          "nlm-citation-sequence", "chicago-notes-bibliography-17th-edition")


def _fresh():
    engine._parser.cache_clear()
    engine._compiled.cache_clear()
    memo.clear()
    fastpaths.clear()
    hotpaths.clear()
    fixes._state.__dict__.pop("layouts", None)


def _render(items, style):
    entries = [(e.id, e.margin, e.body, e.error) for e in render_items(items, style)]
    info = resolve(style)
    processor = Processor(info.path, None, info.terms)
    clusters = [[{"id": i["id"]}] for i in items]
    clusters += [[{"id": items[k]["id"], "locator": str(k), "label": "chapter"}, {"id": items[k + 1]["id"]}]
                 for k in range(0, len(items) - 1, 7)]
    return entries, processor.citations(items, clusters)


@pytest.fixture(scope="module")
def items():
    own = json.loads((ROOT / "tests" / "render" / "data" / "differential-items.json").read_text(encoding="utf-8"))
    return records(150, seed=7) + own


@pytest.mark.parametrize("style", STYLES)
def test_copies_render_as_the_methods_they_copy(style, items, monkeypatch):
    _fresh()
    fast = _render(items, style)
    compiled = engine.compile_style(resolve(style).path)
    assert any(isinstance(el, (hotpaths.FastText, hotpaths.FastIf)) for el in compiled.root.iter())
    monkeypatch.setattr(hotpaths, "mixins_for", lambda cls: ())
    _fresh()
    compiled = engine.compile_style(resolve(style).path)
    assert not any(isinstance(el, (hotpaths.FastText, hotpaths.FastIf, hotpaths.FastGroup))
                   for el in compiled.root.iter())
    slow = _render(items, style)
    monkeypatch.undo()
    _fresh()
    assert fast[0] == slow[0]
    assert fast[1] == slow[1]


def test_every_copy_matches_the_code_it_copies():
    # fails when fixes (or citeproc-py) changed a copied method: bring the copy in
    # hotpaths up to date with it, then put the new fingerprint printed here; until
    # then the corrected method runs (output right, rendering slower)
    assert hotpaths.stale() == []
    assert hotpaths.FastText in hotpaths.mixins_for(fixes.Text)
    assert hotpaths.FastIf in hotpaths.mixins_for(fixes.Else_If)
    assert hotpaths.FastGroup in hotpaths.mixins_for(fixes.Group)


def test_a_copy_is_left_unused_once_its_original_changes(monkeypatch):
    class Corrected(fixes.Text):
        def markup(self, text, english):        # a correction fixes might make one day
            return text

    assert hotpaths.FastText not in hotpaths.mixins_for(Corrected)
    assert hotpaths.FastText in hotpaths.mixins_for(fixes.Text)

    def changed(self, item, context=None, delimiter="", **kwargs):    # same name, new code
        return None

    monkeypatch.setattr(fixes.If, "render", changed)
    assert hotpaths.FastIf not in hotpaths.mixins_for(fixes.If)
    assert "If.render" in " ".join(hotpaths.stale())


def test_fingerprint_ignores_line_numbers_not_code():
    namespace: dict = {}
    exec("def f(x):\n    return x + 1\n", namespace)
    first = hotpaths.fingerprint(namespace["f"])
    exec("\n\n\ndef f(x):\n    return x + 1\n", namespace)
    assert hotpaths.fingerprint(namespace["f"]) == first
    exec("def f(x):\n    return x + 2\n", namespace)
    assert hotpaths.fingerprint(namespace["f"]) != first
