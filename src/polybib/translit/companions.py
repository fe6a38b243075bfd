"""The other copies of a variable's text that a record read from ``.bib`` carries.

Why: a romanized ``.bib`` must have no Cyrillic left in the fields the user asked for,
but the reader keeps some of a variable's text outside the variable:

* **alias fields**: JabRef writes ``address`` *and* ``location``, ``journal`` *and*
  ``journaltitle``.  One of them claims the variable (``mapping.CLAIM_RANK``); the other is
  kept verbatim in ``extra["biblatex.<field>"]`` and written back as it was, so romanizing
  only the variable left ``address = {Москва}`` next to ``location = {Moskva}``;
* **text moved to the GOST layer**: an ``organization`` beside a publisher, an ``addendum``
  go to ``extra["polybib.gost.*"]``, out of reach of the ``biblatex.*`` extras translit
  romanizes (:func:`tables`);
* **GOST lists**: ``location = {Москва and Киев}`` is read as the variable
  ``Москва; Киев`` plus the list in ``extra["polybib.gost.location"]``, which the writer
  prefers while the variable still is that list joined; romanizing only the variable lost
  the ``and`` list (``location = {Moskva; Kiev}``).

:func:`romanize` gives the new values of those companions of one variable, romanized the
way the variable is (its place or publisher convention, its table); the record way
(:meth:`.record.Romanizer.values`) and the field-by-field way (:mod:`.bibentries`) both
call :func:`alias_body`, so they write the same bytes.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

#: The ``extra`` keys of the GOST layer (``mapping.GOST``) that hold a variable's ``and`` list.
GOST_LISTS = {"publisher-place": "polybib.gost.location", "publisher": "polybib.gost.publisher"}


@lru_cache(maxsize=None)
def tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(CSL variable → the ``extra`` keys of the alias fields that can hold its text,
    ``biblatex.*`` extra → the ``polybib.gost.*`` key the reader moves it to: an
    ``organization`` beside a publisher, an ``addendum``, a ``booktitleaddon`` …, which
    hold text, not LaTeX).  Built on first use: the BibTeX mapping (and bibtexparser)
    is not imported by a translit that reads no .bib."""
    from ..formats.bibtex import mapping

    aliases: dict[str, tuple[str, ...]] = {}
    for field, variable in mapping.TEXT_FIELDS.items():
        aliases[variable] = aliases.get(variable, ()) + (mapping.EXTRA + field,)
    moved = {mapping.EXTRA + "organization": mapping.GOST + "organization",
             **{mapping.EXTRA + field: mapping.GOST + key for field, key in mapping.GOST_FIELDS.items()}}
    return {v: keys for v, keys in aliases.items() if len(keys) > 1}, moved


#: Fields biblatex reads as ``and`` lists (``mapping._LIST_FIELDS``).
_LIST_FIELDS = frozenset({"location", "address", "publisher"})


def alias_keys(variable: str, own) -> tuple[str, ...]:
    """The ``extra`` keys of ``variable``'s alias fields, but those in ``own``: the
    ``biblatex.*`` extras romanized as fields of their own (``institution``,
    ``howpublished`` …: ``record.BIBLATEX_EXTRAS``)."""
    return tuple(k for k in tables()[0].get(variable, ()) if k not in own)


def alias_body(field: str, raw: str, romanize_text: Callable[[str], str]) -> str:
    """The romanized LaTeX of alias field ``field`` whose LaTeX is ``raw``: its text
    romanized as the variable's text is (decoded, romanized, encoded), item by item when
    it is an ``and`` list of places or publishers.  ``raw`` itself when nothing changes.
    Called within ``latex.source_is_latex(True)``: the extra holds the file's LaTeX
    (:meth:`.record.Romanizer.alias` calls it so, and remembers what it gives)."""
    from .. import latex
    from ..formats.bibtex import mapping

    if field in _LIST_FIELDS and mapping._top_level_and(raw):
        items = mapping._and_items(raw)
        new = [romanize_text(x) for x in items]
        if new == items or not all(new):
            return raw
        return " and ".join("{%s}" % b if mapping._top_level_and(b) else b
                            for b in (latex.encode(x, False) for x in new))
    value = mapping._BRACED_AND.sub("and", raw) if field in _LIST_FIELDS and "{and}" in raw else raw
    text = latex.decode(value)
    new_text = romanize_text(text) if text else text
    if new_text == text or not new_text:
        return raw
    body = latex.encode(new_text, False)
    if field in _LIST_FIELDS and " and " in body:
        body = mapping._brace_and_words(body)       # "Durham and London" is one place
    return body


def romanize(variable: str, aliases: tuple[str, ...], old: Any, extra: dict, romanizer,
             lang: str | None) -> dict[str, Any]:
    """The companions of ``variable`` in ``extra`` that change, by key: its alias fields
    (``aliases``: their keys) and its GOST list; and then the variable's value too (under
    ``variable``), the list's items joined.  ``old``: the variable's value as read;
    ``romanizer``: a :class:`.record.Romanizer`, ``lang`` the record's language."""
    from ..formats.bibtex import mapping

    out: dict[str, Any] = {}
    for key in aliases:
        raw = extra.get(key)
        if isinstance(raw, str) and raw.strip():
            body = romanizer.alias(variable, key[len(mapping.EXTRA):], raw, lang)
            if body != raw:
                out[key] = body
    gost = GOST_LISTS.get(variable)
    listed = extra.get(gost) if gost else None
    if isinstance(listed, str) and listed:
        items = _split_list(listed)
        romanized = [romanizer.value(variable, x, lang) for x in items]
        # the variable is the list joined (mapping._read_gost): it stays so, romanized
        if romanized != items and all(romanized) and old == "; ".join(items):
            out[gost] = " and ".join("{%s}" % x if " and " in x else x for x in romanized)
            out[variable] = "; ".join(romanized)
    return out


def _split_list(value: str) -> list[str]:
    """The items of a GOST ``and`` list as ``render.gost.split_list`` reads them (split as
    BibTeX splits a name list, an item braced for its ``and`` unbraced), without importing
    the renderer (88 ms and 10 MiB for a command that renders nothing)."""
    from ..formats.bibtex.names import split_names

    return [x[1:-1] if x.startswith("{") and x.endswith("}") and x.count("{") == 1 else x
            for x in split_names(value)]
