"""Romanizing a plain ``.bib`` entry field by field, without the record model.

Why: ``polybib translit refs.bib -o out.bib`` used to map every entry to a record,
romanize the record, then map the changed record *and* the record as read back to
BibTeX fields, to learn which fields changed (issue 18.5: those two mappings and the
comparison were ~40 % of the command).  For an entry whose fields each fill one CSL
variable of their own (the great majority of real entries: ``author``, ``title``,
``journaltitle``, ``location``, ``publisher``, ``date``, ``pages``, ``langid`` …), the
changed fields are known as they are romanized, and each new value is written exactly as
the BibTeX writer writes it (the same functions: :func:`latex.encode`,
``mapping._name_list``, ``escape.extra_value``).  The entry is then rewritten by the
writer (``formats.bibtex.writer``, ``rewrites=``) in its own layout, as before.

Only entries for which that is provably the same output are taken (:func:`_plain_fields`):
a known entry type, each field in :data:`_KINDS` once (of two fields for one variable,
the one the reader keeps aside is romanized as the variable's alias: :mod:`.companions`),
nothing that feeds the GOST layer (a list with ``and`` in a place or publisher, an open
date range) and dates that read as plain dates.  Every other entry goes through the record
model as before.  The outputs are byte-identical on the corpus (checked for every scheme
and output format before this module was used).
"""
from __future__ import annotations

import re

from .. import latex
from ..formats.bibtex import escape, mapping
from ..formats.bibtex.names import parse_bibtex_names
from ..keys import is_safe_key
from .record import BIBLATEX_EXTRAS

#: Field (lower-cased) → (kind, CSL variable or extra key); kind: ``names``, ``text``,
#: ``extra`` (a ``biblatex.*`` extra holding LaTeX), ``number`` (its variable depends on
#: the entry type), or ``keep`` (never romanized: written from its raw text).
_KINDS = {
    **{field: ("names", variable) for field, variable in mapping.NAME_FIELDS.items()},
    "title": ("text", "title"), "shorttitle": ("text", "title-short"),
    "titleaddon": ("text", "title-addon"), "journaltitle": ("text", "container-title"),
    "journal": ("text", "container-title"), "booktitle": ("text", "container-title"),
    "shortjournal": ("text", "container-title-short"), "series": ("text", "collection-title"),
    "eventtitle": ("text", "event-title"), "venue": ("text", "event-place"),
    "publisher": ("text", "publisher"), "institution": ("text", "publisher"),
    "school": ("text", "publisher"), "location": ("text", "publisher-place"),
    "address": ("text", "publisher-place"), "origtitle": ("text", "original-title"),
    "origpublisher": ("text", "original-publisher"),
    "origlocation": ("text", "original-publisher-place"),
    "volume": ("text", "volume"), "volumes": ("text", "number-of-volumes"),
    "pagetotal": ("text", "number-of-pages"), "edition": ("text", "edition"),
    "type": ("text", "genre"), "chapter": ("text", "chapter-number"), "version": ("text", "version"),
    "isbn": ("text", "ISBN"), "issn": ("text", "ISSN"), "note": ("text", "note"),
    "keywords": ("text", "keyword"), "abstract": ("text", "abstract"),
    "annotation": ("text", "annote"), "annote": ("text", "annote"),
    "howpublished": ("text", "medium"), "medium": ("text", "medium"),
    "number": ("number", ""),
    "date": ("keep", ""), "year": ("keep", ""), "month": ("keep", ""), "pages": ("keep", ""),
    "langid": ("keep", ""), "language": ("keep", ""), "url": ("keep", ""), "doi": ("keep", ""),
    "pmid": ("keep", ""), "pmcid": ("keep", ""), "urldate": ("keep", ""),
    "eventdate": ("keep", ""), "origdate": ("keep", ""), "origyear": ("keep", ""),
}
#: Every name the record way may write a field under: a field of the entry not among them
#: comes back from ``extra`` under its own name, and nothing else writes there.
_WRITTEN = frozenset(set(mapping.NAME_FIELDS) | set(mapping.TEXT_FIELDS) | set(mapping.VERBATIM_FIELDS)
                     | set(mapping.DATE_FIELDS) | set(mapping.GOST_FIELDS) | set(mapping.OUTPUT_ORDER)
                     | {"pages", "year", "month", "day", "origyear", "langid", "language", "issue",
                        "number", "note", "annote", "annotation", "titletranslation", "entrysubtype",
                        "organization"})
#: The biblatex fields translit romanizes when the reader keeps them in ``extra``, and
#: those of them no CSL variable takes.
_EXTRA_NAMES = frozenset(key[len(mapping.EXTRA):] for key in BIBLATEX_EXTRAS)
_EXTRAS = _EXTRA_NAMES - _WRITTEN
_RANK = mapping.CLAIM_RANK
#: Fields that fill the same variable: at most one of each group may be present.
_GROUP = {field: "group:" + group for field, group in (
    ("journaltitle", "container"), ("journal", "container"), ("booktitle", "container"),
    ("location", "place"), ("address", "place"), ("publisher", "publisher"),
    ("institution", "publisher"), ("school", "publisher"), ("annotation", "annote"),
    ("annote", "annote"), ("howpublished", "medium"), ("medium", "medium"), ("date", "date"),
    ("year", "date"), ("origdate", "origdate"), ("origyear", "origdate"))}
_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_YEAR = re.compile(r"\d{4}")
_YEARS = frozenset({"year", "origyear"})
#: Fields the reader hands to the GOST layer when they hold a list (``A and B``).
_LISTS = frozenset({"location", "address", "publisher"})


def _kind(low: str) -> tuple[str, str] | None:
    kind = _KINDS.get(low)
    if kind is not None:
        return kind
    if low in _WRITTEN or low.startswith(mapping.RIS_FIELD) or escape.field_name(low) != low:
        return None
    if low in _EXTRAS:
        return "extra", mapping.EXTRA + low
    return "keep", ""


def _number_variable(entry_type: str) -> str | None:
    """The variable ``number`` fills for this entry type (None: a type not taken here)."""
    csl_type = mapping.TYPE_TO_CSL.get(entry_type, "document")
    if csl_type == "thesis":        # a thesis's note may repeat its type: value-dependent
        return None
    if csl_type in mapping.ISSUE_TYPES:
        return "issue"
    return "collection-number" if csl_type in ("book", "chapter", "paper-conference") else "number"


def _plain_fields(seg) -> list[tuple[str, str, str, str]] | None:
    """(field, kind, variable, resolved value) of each field of a plain entry, else None.

    Of two fields for one variable (``location`` and ``address``, as JabRef writes both)
    the one the reader lets claim it (``mapping.CLAIM_RANK``, then file order) is romanized
    as that variable; the other is kept in ``extra`` by the reader and romanized as one of
    translit's ``biblatex.*`` extras (``institution``, ``howpublished``) or as the
    variable's alias (``address``, ``journal``: see :func:`_loser`)."""
    number = _number_variable(seg.entry_type.lower())
    if number is None or not is_safe_key(seg.key):
        return None
    out = []
    seen: set[str] = set()
    claimers: dict[str, int] = {}
    for name, _, value in seg.fields:
        low = name.lower()
        kind = _KINDS.get(low) or _kind(low)
        if kind is None or low in seen or not value.strip():
            return None
        seen.add(low)
        if (low == "date" and not _DATE.fullmatch(value)) or (low in _YEARS and not _YEAR.fullmatch(value)) \
                or (low in _LISTS and " and " in value):
            return None
        group = _GROUP.get(low)
        if group is not None:
            if group in claimers:
                first = out[claimers[group]][0]
                if _RANK.get(low, 0) >= _RANK.get(first, 0):
                    out.append(_loser(low, value))
                    continue
                out[claimers[group]] = _loser(first, out[claimers[group]][3])
            claimers[group] = len(out)
        out.append((low, kind[0], kind[1] or number, value))
    return out


def _loser(low: str, value: str) -> tuple[str, str, str, str]:
    """A field whose variable another field claimed: the reader keeps it in ``extra``; it
    is romanized as one of translit's ``biblatex.*`` extras (``institution``), or as a
    text alias of the variable (``address`` beside ``location``: :mod:`.companions`)."""
    if low in _EXTRA_NAMES:
        return low, "extra", mapping.EXTRA + low, value
    if low in mapping.TEXT_FIELDS:
        return low, "alias", mapping.TEXT_FIELDS[low], value
    return low, "keep", "", value


def _language(fields) -> str:
    """The record's language as the reader sets it: ``langid``, else a ``language`` that
    names one the way ``langid`` would."""
    values = {low: value for low, _, _, value in fields if low in ("langid", "language")}
    if "langid" in values:
        return mapping.langid_to_code(values["langid"])
    value = values.get("language")
    if value is None:
        return ""
    code = mapping.langid_to_code(value)
    return "" if code == value.strip() or mapping.code_to_langid(code) != value.strip() else code


def rewrite_entry(seg, romanizer) -> tuple[str, dict, dict] | bool | None:
    """Romanize the entry of ``seg`` field by field.

    Returns None when the entry is not plain (the caller takes the record way), False when
    nothing changes, else ``(entry type, new, old)``: per field (lower-cased), the value
    body the writer writes for the romanized record and for the record as read; equal
    (None) for a field that does not change.  Fallback notes go to ``romanizer.notes``.
    """
    fields = _plain_fields(seg)
    if fields is None:
        return None
    rank = romanizer._rank
    # an alias after its variable's own field, as the record way romanizes it
    chosen = [(rank[variable], kind == "alias", low, kind, variable, value)
              for low, kind, variable, value in fields if kind != "keep" and variable in rank]
    if not chosen:
        return False
    lang = _language(fields) or romanizer.language
    chosen.sort()
    new: dict = {low: None for low, _, _, _ in fields}
    old: dict = dict(new)
    changed = False
    with latex.source_is_latex(True):
        for _, _, low, kind, variable, value in chosen:
            if kind == "names":
                names, etal = parse_bibtex_names(value)
                if not names:
                    continue            # the record way keeps such a list as it is, too
                romanized = romanizer.value(variable, names, lang)
                if romanized == names:
                    continue
                new[low] = mapping._name_list(romanized, etal, False, True)
                old[low] = mapping._name_list(names, etal, False, True)
            elif kind == "alias":
                body = romanizer.alias(variable, low, value, lang)
                if body == value:
                    continue
                new[low] = escape.extra_value(body, True)
                old[low] = escape.extra_value(value, True)
            elif kind == "extra":
                romanized = romanizer.value(variable, value, lang)
                if romanized == value:
                    continue
                new[low] = escape.extra_value(romanized, True)
                old[low] = escape.extra_value(value, True)
            else:
                text = latex.decode(value)
                if not text:
                    return None
                romanized = romanizer.value(variable, text, lang)
                if romanized == text:
                    continue
                if not romanized:
                    return None         # the record way would drop the field
                new[low] = latex.encode(romanized, False)
                old[low] = latex.encode(text, False)
            changed = True
    if not changed:
        return False
    return seg.entry_type.lower(), new, old
