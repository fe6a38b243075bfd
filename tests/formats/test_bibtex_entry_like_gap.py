"""Text between blocks that looks like an entry (``@ article{…``, which BibTeX and the
reader skip as a comment) is reported where it stands; blank gaps and an ``@`` in ordinary
comment text (an e-mail address) are not.  (The check now passes over gaps without an
``@`` without searching them: it must still find every one that has.)"""
from __future__ import annotations

from polybib.formats import bibtex

TEXT = """\
@book{a, title = {A}}
Contact: someone@example.org
@ article{b,
  title = {Broken: a space after the at sign}
}

@book{c, title = {C}}
"""


def test_entry_like_text_between_blocks_is_reported_at_its_line():
    library = bibtex.read(TEXT.encode(), "gaps.bib")
    found = [d for d in library.diagnostics if "looks like an entry" in d.message]
    assert [(d.line, d.severity, d.code) for d in found] == [(3, "warning", "parse")]
    assert [r.id for r in library] == ["a", "c"]


def test_blank_gaps_and_an_address_report_nothing():
    library = bibtex.read(b"@book{a, title = {A}}\n\n% mail me@example.org\n\n@book{b, title = {B}}\n", "ok.bib")
    assert not [d for d in library.diagnostics if "looks like an entry" in d.message]
