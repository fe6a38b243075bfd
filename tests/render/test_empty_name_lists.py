"""An empty name list is no names: no style may print a literal "None" for it (found by
the fuzz suite: APA substituted the empty editors for the missing author)."""
from __future__ import annotations

import json

import pytest

import polybib
from polybib.render import render


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association",
                                   "harvard-cite-them-right", "gost-r-7-0-5-2008", "ieee"])
def test_empty_editors_are_not_printed(style):
    items = [{"id": "x", "type": "article-journal", "title": "Aspects", "editor": [], "author": []}]
    text = render(polybib.read(json.dumps(items).encode(), "csljson"), style).text()
    assert "None" not in text and "Aspects" in text
    assert "Ed." not in text and "ed." not in text
