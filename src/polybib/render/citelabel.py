"""The ``citation-label`` variable, made from the item where the data has none.

CSL 1.0.2 ("Standard Variables"): citation-label is the "label identifying the item in
in-text citations of label styles (e.g. 'Ferr78'). May be assigned by the CSL processor
based on item metadata."  citeproc-js makes it by its default trigraph
``Aaaa00:AaAa00:AaAA00:AAAA00``: by the number of names of the first name variable
present, four letters of one family name, two of each of two, two then one of each of
three, one of each of the first four; then the last two digits of the issued year.  A
label given in the data is kept.  The year-suffix that disambiguation gives the item is
printed after the label (:mod:`.fixes`).
"""
from __future__ import annotations

import re

from . import nameparse

#: the name variables the label is made from, the first present taken
SOURCES = ("author", "editor", "translator", "composer", "director", "container-author",
           "collection-editor", "interviewer", "recipient")


_NOT_WORD = re.compile(r"[^\w]")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _family(name: dict) -> str:
    if not isinstance(name, dict):
        return ""
    name = nameparse.parse(name)            # "van Dyke" labels as "Dyke"
    text = str(name.get("family") or name.get("literal") or "")
    return text if text.isalnum() else _NOT_WORD.sub("", text)     # isalnum: \w without "_"


def _year(item: dict) -> str:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or []
        if parts and parts[0]:
            year = str(parts[0][0]).strip()
            if year.lstrip("-").isdigit():
                return year[-2:]
        raw = str(issued.get("literal") or issued.get("raw") or "")
        found = _FOUR_DIGITS.search(raw)
        if found:
            return found.group()[-2:]
    return ""


def label(item: dict) -> str:
    """The default trigraph label of ``item`` ("" when it has no names)."""
    names: list = []
    for source in SOURCES:
        value = item.get(source)
        if isinstance(value, list) and value:
            names = [n for n in (_family(v) for v in value) if n]
            if names:
                break
    if not names:
        return ""
    if len(names) == 1:
        text = names[0][:4]
    elif len(names) == 2:
        text = names[0][:2] + names[1][:2]
    elif len(names) == 3:
        text = names[0][:2] + names[1][:1] + names[2][:1]
    else:
        text = "".join(n[:1] for n in names[:4])
    return text + _year(item)


def apply(item: dict) -> dict:
    """``item`` with a ``citation-label`` where it has none and one can be made."""
    if item.get("citation-label"):
        return item
    made = label(item)
    return {**item, "citation-label": made} if made else item
