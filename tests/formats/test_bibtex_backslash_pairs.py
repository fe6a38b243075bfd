"""A brace after a pair of backslashes is a brace, as BibTeX reads it (#12.9, reader side).

bibtexparser's Splitter takes any brace after a backslash for an escaped one, so a value
ending in LaTeX's line break (``{ends in \\\\}``) never closed and a valid entry became an
unparseable block, swallowing the next one.  (A brace after a single backslash, ``\\}``,
is still read as bibtexparser reads it, escaped; BibTeX would count it.  polybib never
writes one: see test_bibtex_writer_hostile.)"""
from __future__ import annotations

import pytest

import polybib
from polybib.formats.bibtex.document import parse_document

from ..bibtex_oracle import bibtex_view

BIB = (b"@misc{a, title = {ends in \\\\}, year = {2001}}\n"
       b"@misc{b, title = {x}}\n"
       b"@misc{c, note = {\\\\{\\bf y}}}\n")


def test_a_value_ending_in_two_backslashes_is_read_as_an_entry():
    lib = polybib.read(BIB, "bibtex", filename="pairs.bib")
    assert not lib.diagnostics
    assert [r.id for r in lib] == ["a", "b", "c"]
    assert lib[0]["issued"].parts == [[2001]]
    assert polybib.write(lib, "bibtex") == BIB


@pytest.mark.latex
def test_polybib_and_bibtex_read_the_same_entries_and_fields():
    doc, _ = parse_document(BIB, "pairs.bib")
    ours = [(seg.key, {name.lower(): " ".join(value.split()) for name, _, value in seg.fields})
            for seg in doc.entries()]
    theirs = [(entry.key, entry.fields) for entry in bibtex_view(BIB).entries]
    assert ours == theirs
