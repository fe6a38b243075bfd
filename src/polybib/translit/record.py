"""Romanizing a record field by field: names, titles, places, publishers.

A record is romanized per field because each kind of field has its own rules:

* **names**: every part of a :class:`~polybib.model.Name` is romanized on its own, so
  initials stay initials in the scheme's spelling (``Ю. Е.`` → ``Yu. Ye.`` in BGN/PCGN,
  whose word-initial ``е`` → ``ye`` rule applies to an initial too; ``Iu. E.`` in ALA-LC);
  an organisation (``literal``) is romanized as text;
* **titles** (``title``, ``container-title``, ``collection-title`` …) are romanized as
  text; CSL rich-text markup (``<i>``, ``<span class="nocase">``) is Latin and passes
  through;
* **places and publishers** follow the References convention when it is on
  (:mod:`.conventions`): ``Москва`` → ``Moscow``, ``Изд-во СПбГУЭФ`` → ``SPbGUEF Publ.``;
* **numbering and descriptions** (``volume``, ``edition``, ``genre`` …: ``Т. 3`` →
  ``T. 3``) are romanized as text;
* **biblatex fields without a CSL variable** that a BibTeX reader kept in ``extra``
  (``subtitle``, ``titleaddon``, ``editora``, ``commentator`` …) are romanized in their
  raw LaTeX, which only Cyrillic letters change.

The record's ``language`` chooses the table (:func:`.languages.language_for`; letters that
the language's alphabet lacks overrule it, Cyrillic with no language is Russian), and
Latin text is never changed.  When the scheme has no table for a language (``bsi`` on a
Ukrainian record), the language's ``national`` table is used and a warning says so.

Nothing is mutated: :func:`romanize_reference` returns a romanized copy, and
:func:`add_romanized` a copy that keeps the original script and carries the romanized
values alongside, in ``Reference.extra``:

``extra["translit.<variable>"]``
    the romanized value of ``<variable>``: the text for a text variable; for a name
    variable, the names in BibTeX's form, ``Family, Given and Family, Given``
    (``{Literal}`` for an organisation), which :func:`parse_names` reads back;
``extra["translit.scheme"]``
    the id of the scheme used (a romanized copy carries it too, so nothing romanizes a
    record twice by mistake without being able to tell).

Renderers in the same process can skip the string form and call :func:`romanized_values`,
which returns the variables with their structure (lists of :class:`~polybib.model.Name`).
"""
from __future__ import annotations

import copy
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable

from .. import progress
from ..errors import UsageError
from ..model import NAME_VARIABLES, Diagnostic, Library, Name, Reference
from . import companions as _companions
from . import conventions
from .engine import has_cyrillic
from .languages import LANGUAGES, language_for, normalize_language
from .registry import Scheme, get_scheme

TITLE_FIELDS = ("title", "title-short", "title-addon", "container-title",
                "container-title-short", "collection-title", "event-title", "original-title",
                "volume-title", "part-title", "reviewed-title")
PLACE_FIELDS = ("publisher-place", "event-place", "original-publisher-place", "archive-place")
PUBLISHER_FIELDS = ("publisher", "original-publisher", "authority", "archive")
#: Numbering and descriptions that GOST records write in words (``Т. 3``, ``2-е изд.``).
DETAIL_FIELDS = ("volume", "issue", "number", "collection-number", "number-of-pages",
                 "edition", "genre", "medium")
#: Text fields a BibTeX reader keeps in ``Reference.extra`` (``biblatex.subtitle`` …):
#: biblatex's title parts and name lists that have no CSL variable.  Their raw LaTeX is
#: romanized in place: commands and braces are Latin and pass through.
BIBLATEX_EXTRAS = tuple("biblatex." + f for f in (
    "subtitle", "titleaddon", "booksubtitle", "booktitleaddon", "maintitle", "mainsubtitle",
    "maintitleaddon", "journalsubtitle", "issuetitle", "issuesubtitle", "eventtitleaddon",
    "sorttitle", "indextitle", "reprinttitle", "editora", "editorb", "editorc", "commentator",
    "annotator", "introduction", "foreword", "afterword", "holder", "howpublished",
    "organization", "institution", "school", "origlocation", "origpublisher", "part",
    "addendum"))
DEFAULT_FIELDS = (NAME_VARIABLES + TITLE_FIELDS + PLACE_FIELDS + PUBLISHER_FIELDS
                  + DETAIL_FIELDS + BIBLATEX_EXTRAS)

#: Groups accepted by ``fields=`` and ``--fields``, besides single CSL variable names.
FIELD_GROUPS = {
    "names": NAME_VARIABLES, "titles": TITLE_FIELDS, "places": PLACE_FIELDS,
    "publishers": PUBLISHER_FIELDS, "details": DETAIL_FIELDS, "extras": BIBLATEX_EXTRAS,
    "all": DEFAULT_FIELDS,
}
#: Further CSL text variables one may ask for explicitly.
OTHER_TEXT_FIELDS = ("note", "abstract", "annote", "keyword", "section", "source", "status",
                     "version", "dimensions", "event", "jurisdiction", "division",
                     "call-number", "archive_location", "archive_collection", "references",
                     "scale", "reviewed-genre")

EXTRA_PREFIX = "translit."
_PUBLISHER_EXTRAS = ("biblatex.origpublisher", "biblatex.organization", "biblatex.institution",
                     "biblatex.school")


@lru_cache(maxsize=None)
def _companion_tables() -> tuple[dict[str, tuple[str, ...]], frozenset[str], dict[str, str]]:
    """Each variable's alias fields (``biblatex.address`` for ``publisher-place`` …) that
    are not among the extras romanized as fields of their own; every ``extra`` key that
    holds a companion; the chosen extras the reader may move to the GOST layer, with the
    key it moves them to (:mod:`.companions`)."""
    aliases, moved = _companions.tables()
    keys = {variable: _companions.alias_keys(variable, BIBLATEX_EXTRAS) for variable in aliases}
    moved = {extra: key for extra, key in moved.items() if extra in BIBLATEX_EXTRAS}
    every = frozenset(k for group in keys.values() for k in group) \
        | frozenset(_companions.GOST_LISTS.values()) | frozenset(moved.values())
    return keys, every, moved


#: The variables that may have companions: their alias fields, their GOST lists.
_COMPANION_VARIABLES = frozenset({"container-title", "publisher", "publisher-place", "annote",
                                  "medium"}) | frozenset(_companions.GOST_LISTS)


#: What the References convention applies to: places, and publishers.
_PLACES = frozenset(PLACE_FIELDS + ("biblatex.origlocation",))
_PUBLISHERS = frozenset(PUBLISHER_FIELDS + _PUBLISHER_EXTRAS)


def resolve_fields(fields: Iterable[str] | str | None) -> tuple[str, ...]:
    """CSL variables to romanize: ``None`` → the defaults; names and groups expanded.

    Accepts a comma-separated string too (``"author,title"``); unknown names raise
    :class:`UsageError` listing what is accepted.
    """
    if fields is None:
        return DEFAULT_FIELDS
    if isinstance(fields, str):
        fields = [f for f in fields.split(",")]
    known = set(DEFAULT_FIELDS) | set(OTHER_TEXT_FIELDS)
    out: list[str] = []
    for raw in fields:
        name = raw.strip()
        if not name:
            continue
        group = FIELD_GROUPS.get(name.lower())
        if group:
            out.extend(group)
        elif name in known or name.lower() in known:
            out.append(name if name in known else name.lower())
        else:
            raise UsageError(f"unknown field {name!r} for transliteration; use CSL variable "
                             f"names (author, title, container-title, publisher, "
                             f"publisher-place …) or a group: {', '.join(FIELD_GROUPS)}")
    return tuple(dict.fromkeys(out))


#: Values a :class:`Romanizer` remembers before it starts afresh (bounds its memory).
_DONE_LIMIT = 50_000


class Romanizer:
    """A scheme with its options, applied to the values of records.

    ``references``: apply the References convention to places and publishers (None: the
    scheme's default).  ``fallback``: the scheme whose table serves a language the chosen
    scheme lacks (None: raise :class:`UsageError` instead).  ``language``: the language of
    records that do not name one (default: guessed from the letters, else Russian).
    """

    def __init__(self, scheme: "str | Scheme", *, fields: Iterable[str] | str | None = None,
                 references: bool | None = None, fallback: "str | Scheme | None" = "national",
                 language: str | None = None):
        self.scheme = get_scheme(scheme)
        self.fields = resolve_fields(fields)
        self._rank = {}
        for i, variable in enumerate(self.fields):
            self._rank.setdefault(variable, i)
        self.references = self.scheme.references if references is None else references
        self.fallback = get_scheme(fallback) if fallback else None
        self.language = normalize_language(language) if language else ""
        if language and not self.language:
            raise UsageError(f"no transliteration tables for language {language!r}; "
                             f"languages: {', '.join(LANGUAGES)}")
        self.notes: list[str] = []
        #: (text, record language) → romanized, for text the scheme's own table serves
        #: (not a fallback, which must add its note each time): a file repeats its names,
        #: initials, places, publishers and journals many times over.
        self._done: dict[tuple[str, str | None], str] = {}
        #: (variable, alias field, LaTeX, language) → romanized LaTeX (:meth:`alias`)
        self._aliases: dict[tuple[str, str, str, str | None], str] = {}

    # ------------------------------------------------------------------ values

    def text(self, text: str, record_language: str | None = None) -> str:
        """Romanized ``text`` with the table for its language; Latin text as it is."""
        if not text or not has_cyrillic(text):
            return text
        key = (text, record_language)
        done = self._done.get(key)
        if done is not None:
            return done
        lang = language_for(text, record_language)
        if self.scheme.has(lang):
            done = self.scheme.table(lang)(text)
            if len(self._done) >= _DONE_LIMIT:
                self._done.clear()
            self._done[key] = done
            return done
        if self.fallback is None or not self.fallback.has(lang):
            self.scheme.table(lang)            # raises the UsageError that explains
        note = (f"scheme {self.scheme.id!r} has no {LANGUAGES.get(lang, lang)} table; "
                f"used {self.fallback.id!r} for it")
        if note not in self.notes:
            self.notes.append(note)
        return self.fallback.table(lang)(text)

    def name(self, name: Name, record_language: str | None = None) -> Name:
        parts = {}
        for part in ("family", "given", "non_dropping_particle", "dropping_particle",
                     "suffix", "literal"):
            value = getattr(name, part)
            if value:
                new = self.text(value, record_language)
                if new != value:
                    parts[part] = new
        return replace(name, **parts) if parts else name     # Latin names: nothing to copy

    def alias(self, variable: str, field: str, raw: str, record_language: str | None = None) -> str:
        """The romanized LaTeX of ``field``, an alias of ``variable`` kept as the LaTeX
        ``raw`` (:func:`.companions.alias_body`), remembered: JabRef's ``address`` repeats
        the same few places all through a file."""
        key = (variable, field, raw, record_language)
        done = self._aliases.get(key)
        if done is not None:
            return done
        from .. import latex

        clean = not self.notes          # a fallback's note must be said for each record
        with latex.source_is_latex(True):
            done = _companions.alias_body(field, raw, lambda text: self.value(variable, text, record_language))
        if clean and not self.notes:
            if len(self._aliases) >= _DONE_LIMIT:
                self._aliases.clear()
            self._aliases[key] = done
        return done

    def value(self, variable: str, value: Any, record_language: str | None = None) -> Any:
        """One field's romanized value (``value`` itself when nothing changes)."""
        if isinstance(value, list):
            if all(isinstance(n, Name) for n in value):
                return [self.name(n, record_language) for n in value]
            return value
        if not isinstance(value, str) or not has_cyrillic(value):
            return value
        romanize = lambda text: self.text(text, record_language)  # noqa: E731
        if self.references and variable in _PLACES:
            return conventions.romanize_place(value, romanize)
        if self.references and variable in _PUBLISHERS:
            return conventions.romanize_publisher(value, romanize)
        return romanize(value)

    def values(self, ref: Reference, companions: bool = False) -> dict[str, Any]:
        """The romanized values of ``ref``'s chosen fields, only those that change.

        Keys are CSL variables, and ``biblatex.*`` keys for text the BibTeX reader kept
        in ``ref.extra``.  ``companions``: also the other copies of a chosen variable's
        text that a record read from ``.bib`` keeps in ``extra`` (an ``address`` beside
        its ``location``, a GOST place list: :mod:`.companions`), under their keys."""
        out: dict[str, Any] = {}
        lang = ref.language or self.language
        fields, extra, rank = ref.fields, ref.extra, self._rank
        # the record's own few keys that are chosen, in the order of ``self.fields`` (a
        # record has a dozen keys; the default choice has some eighty)
        chosen = [v for v in fields if v in rank]
        chosen += [v for v in extra if v in rank and v not in fields]
        if companions:      # a chosen extra the reader moved to the GOST layer, under its key
            alias_keys, every_key, gost_moved = _companion_tables()
            # most records have no companion: one test for the record, none per variable
            companions = extra and not every_key.isdisjoint(extra)
            if companions:
                chosen += [v for v, key in gost_moved.items() if key in extra and v in rank]
        chosen.sort(key=rank.__getitem__)
        for variable in chosen:
            key = variable
            if variable in fields:
                old = fields[variable]
            elif variable in extra:
                old = extra[variable]
            else:
                key = gost_moved[variable]
                old = extra[key]
            new = self.value(variable, old, lang)
            if new != old:
                out[key] = new
            if companions and variable in _COMPANION_VARIABLES:
                out.update(_companions.romanize(variable, alias_keys.get(variable, ()), old, extra,
                                                self, lang))
        return out


# ---------------------------------------------------------------------- records

def romanized_values(ref: Reference, scheme: "str | Scheme", **options) -> dict[str, Any]:
    """``{variable: romanized value}`` for the fields of ``ref`` that romanization changes;
    name variables as lists of :class:`Name`.  Options as for :class:`Romanizer`."""
    return Romanizer(scheme, **options).values(ref)


def romanize_reference(ref: Reference, scheme: "str | Scheme", **options) -> Reference:
    """A copy of ``ref`` with its fields romanized (``ref`` is not changed)."""
    romanizer = Romanizer(scheme, **options)
    out = ref.copy()
    _apply(out, romanizer, "replace")
    return out


def add_romanized(ref: Reference, scheme: "str | Scheme", **options) -> Reference:
    """A copy of ``ref`` in its own script with ``extra["translit.<variable>"]`` added."""
    romanizer = Romanizer(scheme, **options)
    out = ref.copy()
    _apply(out, romanizer, "add")
    return out


def romanize_library(library: Library, scheme: "str | Scheme", mode: str = "replace",
                     *, in_place: bool = False, keep_originals: bool = True,
                     bib_rewrites: dict | None = None, **options) -> Library:
    """A romanized copy of ``library`` (``mode``: ``replace`` or ``add``).

    The copy keeps the format's lossless document view, so a ``.bib`` written from it
    keeps its comments, ``@string``s and layout; every record whose fields fall back to
    another scheme gets a warning in ``diagnostics``.  ``in_place`` romanizes
    ``library`` itself and returns it: for a caller that has no further use for the
    original (the command line, which reads a file only to write it romanized).
    ``keep_originals``: each changed .bib record keeps its mapping as read, which the
    .bib writer compares it with (not mapped again); a caller that writes no .bib says
    False and holds no second copy of the records.
    ``bib_rewrites`` (a dict; ``replace`` mode, ``in_place``, for a caller that writes
    .bib with ``stream_library(..., rewrites=bib_rewrites)`` and reads no record after):
    each plain .bib entry is romanized field by field without its record
    (:mod:`.bibentries`) and its new field bodies go there, by ``id`` of its segment;
    its record is left as read.
    """
    if mode not in ("replace", "add"):
        raise UsageError(f"unknown mode {mode!r}: use 'replace' or 'add'")
    romanizer = Romanizer(scheme, **options)
    out = library if in_place else copy_library(library)
    fast = bib_rewrites is not None and mode == "replace" and out is library
    if fast:
        from ..formats.bibtex.lazy import EntryReference
        from .bibentries import rewrite_entry
    for ref in progress.each(out.references, f"romanizing ({romanizer.scheme.id})"):
        romanizer.notes.clear()
        done = None
        if fast and type(ref) is EntryReference and not ref.mapped and ref.unchanged():
            seg = ref.__dict__["_segment"]
            done = rewrite_entry(seg, romanizer)
            if done:
                bib_rewrites[id(seg)] = done
            elif done is None:
                romanizer.notes.clear()         # the record way says them again
        if done is None:
            _apply(ref, romanizer, mode, keep_originals)
        for note in romanizer.notes:
            out.diagnostics.append(Diagnostic(ref.source.file, ref.source.line,
                                              f"{ref.id or 'record'}: {note}", "warning",
                                              code="translit-fallback"))
    return out


def copy_library(library: Library) -> Library:
    """An independent copy of ``library`` whose records and documents stay linked (a .bib
    document's entries point at the copy's records), made without deep-copying the
    documents' text or mapping records nobody read (see ``BibDocument.copy``)."""
    from ..formats.bibtex.document import BibDocument

    twins: dict[int, Reference] = {}
    documents = []
    for doc in library.documents:
        if isinstance(doc, BibDocument):
            doc, refs = doc.copy()
            twins.update(refs)
        else:
            doc = copy.deepcopy(doc)
        documents.append(doc)
    references = [twins.get(id(ref)) or ref.copy() for ref in library.references]
    return Library(references, copy.deepcopy(library.diagnostics), documents)


def _apply(ref: Reference, romanizer: Romanizer, mode: str, keep_original: bool = False) -> None:
    values = romanizer.values(ref, companions=mode == "replace")
    if values and keep_original and hasattr(ref, "keep_original"):
        ref.keep_original()       # a .bib record: its mapping as read, for the writer
    if mode == "replace":
        for variable, value in values.items():
            if variable in ref.fields:
                ref.fields[variable] = value
            else:
                ref.extra[variable] = value
    else:
        for variable, value in values.items():
            ref.extra[EXTRA_PREFIX + variable] = format_names(value) if isinstance(value, list) else value
    if values:
        ref.extra[EXTRA_PREFIX + "scheme"] = romanizer.scheme.id


# ---------------------------------------------------------------------- names as text

def format_names(names: list[Name]) -> str:
    """Names in BibTeX's form: ``Family, Given and {Literal}``."""
    out = []
    for n in names:
        if n.literal:
            out.append("{" + n.literal + "}")
            continue
        family = " ".join(p for p in (n.non_dropping_particle, n.family) if p)
        given = " ".join(p for p in (n.given, n.dropping_particle) if p)
        parts = [family] + ([n.suffix] if n.suffix else []) + ([given] if given else [])
        out.append(", ".join(parts))
    return " and ".join(out)


def parse_names(text: str) -> list[Name]:
    """The inverse of :func:`format_names` (for values polybib wrote)."""
    names = []
    for item in (p.strip() for p in _split_and(text)):
        if not item:
            continue
        if item.startswith("{") and item.endswith("}"):
            names.append(Name(literal=item[1:-1]))
            continue
        parts = [p.strip() for p in item.split(",")]
        if len(parts) == 1:
            names.append(Name(family=parts[0]))
        elif len(parts) == 2:
            names.append(Name(family=parts[0], given=parts[1]))
        else:
            names.append(Name(family=parts[0], suffix=parts[1], given=", ".join(parts[2:])))
    return names


def _split_and(text: str) -> list[str]:
    """Split on `` and `` outside braces."""
    items, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and text.startswith(" and ", i):
            items.append(text[start:i])
            i += 5
            start = i
            continue
        i += 1
    items.append(text[start:])
    return items
