"""Fuzz: whatever polybib writes to ``.bib`` reads back the same in polybib and in BibTeX.

Items come in as CSL-JSON (where a backslash or a brace is just a character), go through
polybib's reader into the model and out through the ``.bib`` writer in both dialects.  Three
oracles: no traceback; every item becomes exactly one entry with a usable, unique ASCII key
and its text values back unchanged; and real BibTeX sees the same entries, keys and field
values as polybib — no value escaped its field, no ``@preamble`` appeared.
"""
from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import unquote

import pytest
from hypothesis import given, strategies as st

import polybib
from polybib.formats.bibtex.document import parse_document
from polybib.keys import SAFE_KEY

from ..bibtex_oracle import bibtex_view
from .budget import fuzz
from .hostile import csl_item

#: CSL variables that the .bib writer carries in a field of their own in every type.
ROUND_TRIP_VARIABLES = ["title", "publisher", "publisher-place", "note", "URL", "DOI", "volume",
                        "archive", "call-number"]
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


#: CSL-JSON's rich-text tags: a tag left open is closed by the writer, so the text is what
#: is compared.
_TAGS = re.compile(r"</?(?:b|i|sup|sub)>|<span[^>]*>|</span>")


def _plain(value) -> str:
    """Text as a reader would compare it: NFC, no control characters, whitespace collapsed,
    markup tags aside."""
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(_TAGS.sub("", _CONTROLS.sub("", text)).split())


def _names(value) -> list[list[str]]:
    """Each name's parts as texts, in any order: a name is not lost or changed when its
    text comes back in another part (a lone ``{`` as a family name is written protected
    and read back as a literal; a suffix with nothing else is read back as the family)."""
    return [sorted(_plain(p) for p in (n.family, n.given, n.suffix, n.literal, n.non_dropping_particle,
                                       n.dropping_particle) if _plain(p)) for n in value or []]


def _written(items: list[dict], dialect: str):
    lib = polybib.read(json.dumps(items).encode(), "csljson", filename="items.json")
    return lib, polybib.write(lib, "bibtex", dialect=dialect)


@fuzz(0.5)
@given(st.lists(csl_item(), min_size=1, max_size=4), st.sampled_from(["biblatex", "bibtex"]))
def test_written_bib_reads_back_the_same_in_polybib(items, dialect):
    lib, data = _written(items, dialect)
    back = polybib.read(data, "bibtex", filename="out.bib")
    assert not back.errors, [str(d) for d in back.errors]
    assert len(back) == len(lib) == len(items)
    keys = [ref.id for ref in back]
    assert all(SAFE_KEY.fullmatch(k) for k in keys), keys      # nothing that ends or splits a key
    assert len({k.lower() for k in keys}) == len(keys), keys
    for before, after in zip(lib, back):
        for variable in ROUND_TRIP_VARIABLES:
            if before.get(variable):
                was, now = before[variable], after.get(variable, "")
                if variable in ("URL", "DOI"):      # characters that could break out: %XX
                    was, now = unquote(was), unquote(now)
                assert _plain(now) == _plain(was), variable
        for role in ("author", "editor"):
            assert _names(after.get(role)) == _names(before.get(role)), role
        # custom members no field holds travel in csl-extra, keys and values as they were
        mine = {k: v for k, v in before.extra.items() if not k.startswith(("biblatex.", "polybib."))}
        assert {k: v for k, v in after.extra.items() if k in mine} == mine


@pytest.mark.latex
@fuzz(0.25)
@given(st.lists(csl_item(), min_size=1, max_size=4), st.sampled_from(["biblatex", "bibtex"]))
def test_written_bib_reads_the_same_in_bibtex(items, dialect):
    _, data = _written(items, dialect)
    doc, _ = parse_document(data, "out.bib")
    ours = [(seg.key, {name.lower(): " ".join(resolved.split()) for name, _, resolved in seg.fields})
            for seg in doc.entries()]
    view = bibtex_view(data)
    assert view.preamble == "", view.preamble
    theirs = [(entry.key, entry.fields) for entry in view.entries]
    assert theirs == ours, view.log
