"""A name that has only a given name, and that given name is one odd character, renders as
that character in every style (#12: a literal ``None`` or a cut-up ``lt;`` was printed)."""
from __future__ import annotations

import json

import pytest

from polybib.formats import csljson
from polybib.render import render

ODD = ["{", "}", "$", "\\", '"', "&", "<", "<b>"]
STYLES = ["apa", "modern-language-association", "ieee", "chicago-author-date",
          "harvard-cite-them-right", "gost-r-7-0-100-2018"]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_given_name_alone_is_printed_as_it_is(style, fmt):
    items = []
    for i, given in enumerate(ODD):
        items.append({"id": f"ed{i}", "type": "book", "title": f"Book {i}",
                      "editor": [{"family": "", "given": given}]})
        items.append({"id": f"au{i}", "type": "article-journal", "title": f"Paper {i}",
                      "container-title": "J", "author": [{"given": given}]})
    refs = csljson.read(json.dumps(items).encode(), "odd.json").references
    out = render(refs, style, format=fmt).text()
    assert "None" not in out
    for broken in ("lt;", "amp;", "quot;"):
        assert broken not in out.replace("&" + broken, "")
    if fmt == "text":
        for given in ("$", "&", "<"):
            assert given in out
