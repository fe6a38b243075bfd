"""Punctuation where two rendered pieces meet, by the table citeproc-js applies.

citeproc-py joins pieces dropping only a doubled mark (``..`` → ``.``).  When a piece
ending in punctuation meets a delimiter or an affix that starts with punctuation, CSL
processors keep the stronger mark (CSL 1.0.2, "Punctuation"; citeproc-js's table, which
the test suite's ``punctuation_FullMonty*`` fixtures spell out):

* ``;`` ``!`` ``?`` absorb a following ``:``; ``:`` ``;`` ``!`` ``?`` absorb a following
  ``.`` (``Why?`` + ``. `` → ``Why? ``);
* ``!`` and ``?`` replace a preceding ``:`` or ``;`` (``colon:`` + ``! `` → ``colon! ``);
* a comma and a period stay both (``comma,.``: an abbreviation's period survives too);
* a comma absorbs a following comma (a container title typed ``IX Meeting,`` before the
  delimiter ``, `` is ``IX Meeting, vol. 1``).

The mark a piece ends with is its last character outside markup: ``<i>Book:</i>`` ends
with ``:``.
"""
from __future__ import annotations

import re

from citeproc import model as m
from citeproc.string import MixedString, String

#: (left mark, right mark) → which survives: "left" drops the right one, "right" the left
_TABLE = {}
for _left in ";!?":
    _TABLE[(_left, ":")] = "left"
for _left in ":;!?":
    _TABLE[(_left, ".")] = "left"
for _right in "!?":
    for _left in ":;":
        _TABLE[(_left, _right)] = "right"
_TABLE[(",", ",")] = "left"

#: markup closing at the end of a rendered piece ("<i>Book:</i>")
_CLOSING_TAGS = re.compile(r"(?:</[a-z]+>)+\Z")


def _drop_first(other):
    if isinstance(other, MixedString):
        segments = list(other)
        while segments and str(segments[0]) == "":
            segments.pop(0)
        head = segments[0]
        rest = type(head)(str(head)[1:])
        segments[0:1] = [rest] if str(rest) != "" else []
        return MixedString(segments)
    return type(other)(str(other)[1:]) if isinstance(other, String) else str(other)[1:]


def _drop_last(left):
    if isinstance(left, MixedString):
        segments = list(left)
        while segments and str(segments[-1]) == "":
            segments.pop()
        tail = segments[-1]
        rest = type(tail)(str(tail)[:-1])
        segments[-1:] = [rest] if str(rest) != "" else []
        return MixedString(segments)
    return type(left)(str(left)[:-1]) if isinstance(left, String) else str(left)[:-1]


#: an escaped character at the end of a piece ("<<Философия>>" is "…&gt;&gt;"): its ";"
#: is no semicolon to meet the next piece's punctuation
_ENTITY_END = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);\Z")


def seam(left, other):
    """(left, other) adjusted so that their punctuation meets as the table says."""
    left_text, other_text = str(left), str(other)
    if left_text and other_text:
        tagged = left_text.endswith(">") and _CLOSING_TAGS.search(left_text)
        visible = left_text[:tagged.start()] if tagged else left_text
        if visible.endswith(";") and _ENTITY_END.search(visible):
            return left, other
        which = _TABLE.get((visible[-1], other_text[0])) if visible else None
        if which == "left":
            return left, _drop_first(other)
        if which == "right" and not tagged:
            return _drop_last(left), other
    return left, m.normalize_seam(left, other)


def join(strings, delimiter: str):
    """``strings`` joined with ``delimiter``, punctuation at each seam as :func:`seam`."""
    items = [s for s in strings if s is not None]
    if not items:
        return String("")
    output = items[0]
    for item in items[1:]:
        if delimiter:
            output, part = seam(output, delimiter)
            output = output + part
        output, part = seam(output, item)
        output = output + part
    return output
