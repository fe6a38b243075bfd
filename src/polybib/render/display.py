"""CSL ``display`` (CSL 1.0.2 "Display"): an element's output as a block of its own.

``display="block"``, ``"left-margin"``, ``"right-inline"`` and ``"indent"`` put the output
in a division that the HTML writer prints as citeproc-js does, ``<div class="csl-block">``
and so on (an author heading above an annotated entry, a left-margin year).  citeproc-py
ignores the attribute and glues the parts together (``John Doe1999Aaaa``).  The division
travels in the entry markup as a ``<div class="csl-…">`` tag (:class:`.markup.Tag`, never
cased); :mod:`.output` writes it in HTML and leaves only its content in the other formats.
Sort keys never carry it.
"""
from __future__ import annotations

from .markup import Tag

KINDS = frozenset({"block", "left-margin", "right-inline", "indent"})


def wrap(element, output, kwargs: dict):
    """``output`` of ``element`` in its display division, if it asks for one."""
    kind = element.get("display")
    if kind not in KINDS or output is None or kwargs.get("sort_options") or str(output) == "":
        return output
    return Tag(f'<div class="csl-{kind}">') + output + Tag("</div>")
