"""The macro memo (polybib.render.memo) must never change output."""
from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from polybib.render import memo, render_items
from polybib.render.engine import _parser

ITEMS = Path(__file__).parent / "data" / "differential-items.json"


def _entries(items, style):
    return [(e.id, e.margin, e.body) for e in render_items(items, style)]


def test_cold_and_warm_memo_render_alike():
    items = json.loads(ITEMS.read_text(encoding="utf-8"))
    for style in ("apa", "gost-r-7-0-5-2008-numeric", "chicago-author-date", "ieee"):
        memo.clear()
        cold = _entries(items, style)
        assert _entries(items, style) == cold, style          # memo filled by itself
        memo.clear()
        _entries(list(reversed(items))[::2], style)            # filled by other lists
        _entries([dict(item, title="Other") for item in items], style)
        assert _entries(items, style) == cold, style


CSL = "http://purl.org/net/xbiblio/csl"


def _style(body: str):
    xml = (f'<style xmlns="{CSL}" version="1.0" class="note"><info/>{body}'
           '<citation><layout><text macro="m"/></layout></citation></style>')
    return etree.fromstring(xml.encode(), _parser())


def test_macros_depending_on_the_cite_are_not_cached():
    for test in ('position="first"', 'locator="page"', 'disambiguate="true"'):
        root = _style(f'<macro name="m"><choose><if {test}><text value="x"/></if></choose></macro>')
        assert memo.info(root.get_macro("m"))[0] is False, test
    root = _style('<macro name="m"><text variable="locator"/></macro>')
    assert memo.info(root.get_macro("m"))[0] is False
    root = _style('<macro name="m"><text macro="n"/></macro>'
                  '<macro name="n"><text variable="citation-number"/></macro>')
    assert memo.info(root.get_macro("m"))[0] is False
    root = _style('<macro name="m"><text variable="title"/></macro>')
    assert memo.info(root.get_macro("m")) == (True, False, frozenset({"title"}))
