"""``crossref`` and ``xdata`` resolved as biber resolves them, for output that is not ``.bib``.

A ``.bib`` chapter says ``crossref = {book}`` and leaves the book's title, editors,
publisher and year to its parent; biber copies them over when LaTeX is run.  CSL-JSON,
RIS and the renderer have no such link, so without this module a chapter rendered
without its book, publisher and year (APA printed "n.d.").

The rules are biblatex's default data inheritance (``\\DefaultInheritance{all=true,
override=false}`` and the ``\\DeclareDataInheritance`` declarations of ``biblatex.def``):

- every field of the parent is inherited under its own name, unless the child has it
  (the child's own field always wins) or it is one that never inherits (``ids``,
  ``crossref``, ``xref``, ``entryset``, ``label``, ``options``, ``sortkey`` …);
- for some pairs of entry types some fields change their name: a book's ``title`` is the
  chapter's ``booktitle``, a multi-volume work's ``title`` the volume's ``maintitle``, a
  periodical's ``title`` the article's ``journaltitle``; ``shorttitle``, ``sorttitle``,
  ``indextitle`` and ``indexsorttitle`` are then not inherited;
- parents that have parents are resolved first (nested crossrefs); a cycle stops;
- ``xdata`` entries give every field verbatim (no renaming), before ``crossref``.

This works on records (the model), never on the ``.bib`` text: the file's round trip is
untouched.  The inherited fields are mapped into CSL variables that the child lacks.
"""
from __future__ import annotations

from collections.abc import Iterable

from ...model import Library, Reference
from . import mapping

#: Fields no entry inherits (biblatex.def: ``\DeclareDataInheritance{*}{*}``).
NEVER_INHERITED = frozenset({
    "ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options",
    "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
    "shorthandintro", "sortkey",
})
_TITLES_NOT_INHERITED = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")


def _titles_as(prefix: str) -> dict[str, tuple[str, ...]]:
    """``title`` → ``<prefix>title`` and so on; the short and sorting titles not at all."""
    renamed: dict[str, tuple[str, ...]] = {"title": (prefix + "title",), "subtitle": (prefix + "subtitle",),
                                           "titleaddon": (prefix + "titleaddon",)}
    renamed.update({name: () for name in _TITLES_NOT_INHERITED})
    return renamed


#: (parent types, child types, {parent field: child fields}) — biblatex's default rules.
RULES: tuple[tuple[frozenset, frozenset, dict[str, tuple[str, ...]]], ...] = (
    (frozenset({"mvbook", "book"}), frozenset({"inbook", "bookinbook", "suppbook"}),
     {"author": ("author", "bookauthor")}),
    (frozenset({"mvbook"}), frozenset({"book", "inbook", "bookinbook", "suppbook"}), _titles_as("main")),
    (frozenset({"mvcollection", "mvreference"}),
     frozenset({"collection", "reference", "incollection", "inreference", "suppcollection"}),
     _titles_as("main")),
    (frozenset({"mvproceedings"}), frozenset({"proceedings", "inproceedings"}), _titles_as("main")),
    (frozenset({"book"}), frozenset({"inbook", "bookinbook", "suppbook"}), _titles_as("book")),
    (frozenset({"collection", "reference"}), frozenset({"incollection", "inreference", "suppcollection"}),
     _titles_as("book")),
    (frozenset({"proceedings"}), frozenset({"inproceedings"}), _titles_as("book")),
    (frozenset({"periodical"}), frozenset({"article", "suppperiodical"}), _titles_as("journal")),
)


def renaming(parent_type: str, child_type: str) -> dict[str, tuple[str, ...]]:
    """Which parent fields go under which names for this pair of entry types (fields not
    named here go under their own name)."""
    out: dict[str, tuple[str, ...]] = {}
    for parents, children, fields in RULES:
        if parent_type in parents and child_type in children:
            for source, targets in fields.items():
                out[source] = out.get(source, ()) + tuple(t for t in targets if t not in out.get(source, ()))
    return out


def inherit_fields(child_type: str, own: Iterable[str], parent_type: str,
                   parent_fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The fields a ``child_type`` entry that has the fields ``own`` takes from its
    ``crossref`` parent: (name, value) pairs, the child's own fields never overridden."""
    have = {name.lower() for name in own}
    rename = renaming(parent_type.lower(), child_type.lower())
    out: list[tuple[str, str]] = []
    for name, value in parent_fields:
        low = name.lower()
        if low in NEVER_INHERITED:
            continue
        for target in rename.get(low, (low,)):
            if target not in have:
                have.add(target)
                out.append((target, value))
    return out


def xdata_fields(own: Iterable[str], xdata_fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What an ``xdata`` entry gives: its fields verbatim, where the entry has none."""
    have = {name.lower() for name in own}
    out = []
    for name, value in xdata_fields:
        low = name.lower()
        if low not in have and low not in NEVER_INHERITED:
            have.add(low)
            out.append((low, value))
    return out


class _Resolver:
    """Effective ``.bib`` fields of each record, parents resolved first, once each."""

    def __init__(self, refs: list[Reference]):
        self.by_key = {}
        for ref in refs:
            self.by_key.setdefault(ref.id.lower(), ref)
        self.done: dict[str, list[tuple[str, str]]] = {}
        self.active: set[str] = set()

    def fields(self, ref: Reference) -> list[tuple[str, str]]:
        """The record's own fields followed by everything it inherits."""
        key = ref.id.lower()
        if key in self.done:
            return self.done[key]
        own = bib_fields(ref)
        if key in self.active:          # a cycle: stop here with what the entry has itself
            return own
        self.active.add(key)
        values = {name.lower(): value for name, value in reversed(own)}
        result = list(own)
        for target in _keys(values.get("xdata", "")):
            parent = self.by_key.get(target)
            if parent is not None and parent is not ref:
                result += xdata_fields((n for n, _ in result), self.fields(parent))
        crossref = _keys(values.get("crossref", ""))[:1]
        parent = self.by_key.get(crossref[0]) if crossref else None
        if parent is not None and parent is not ref:
            result += inherit_fields(entry_type(ref), (n for n, _ in result), entry_type(parent),
                                     self.fields(parent))
        self.active.discard(key)
        self.done[key] = result
        return result


def _keys(value: str) -> list[str]:
    return [k.strip().lower() for k in value.split(",") if k.strip()]


def entry_type(ref: Reference) -> str:
    """The record's biblatex entry type (as read, when it came from a ``.bib``)."""
    segment = ref.__dict__.get("_segment")
    if segment is not None:
        return segment.entry_type.lower()
    return (ref.extra.get(mapping.EXTRA + "entrytype") or mapping.entry_type_for(ref, "biblatex")).lower()


def bib_fields(ref: Reference) -> list[tuple[str, str]]:
    """The record as ``.bib`` fields (resolved values): as read for an unchanged entry,
    else as the writer would write the record now (so edits, e.g. a romanization, count)."""
    segment = ref.__dict__.get("_segment")
    unchanged = getattr(ref, "unchanged", None)
    if segment is not None and unchanged is not None and unchanged():
        return [(name.lower(), resolved) for name, _raw, resolved in segment.fields]
    fields = [(name.lower(), value) for name, value in mapping.reference_to_fields(ref, "biblatex")]
    have = {name for name, _ in fields}
    for name in ("crossref", "xdata"):
        value = ref.extra.get(mapping.EXTRA + name)
        if value and name not in have:
            fields.append((name, value))
    return fields


def _links(ref: Reference) -> bool:
    segment = ref.__dict__.get("_segment")
    if segment is not None and not ref.__dict__.get("_mapped"):
        return any(name.lower() in ("crossref", "xdata") for name, _raw, _value in segment.fields)
    return bool(ref.extra.get(mapping.EXTRA + "crossref") or ref.extra.get(mapping.EXTRA + "xdata"))


def is_data_entry(ref: Reference) -> bool:
    """An ``@xdata`` entry: data for other entries, never a work of its own (biber never
    prints one)."""
    return entry_type(ref) == "xdata" if ref.type == "document" else False


def resolve_references(refs: Iterable[Reference], drop_data_entries: bool = False) -> list[Reference]:
    """The records with what each inherits through ``crossref``/``xdata`` filled in.

    A record that inherits nothing is returned as it is (the same object); one that does
    is a new record: its own variables, plus the variables the inherited fields map to
    that it lacks.  Parents are looked up among ``refs`` (keys compared without case).
    ``drop_data_entries`` leaves the ``@xdata`` entries out (for a reference list).
    """
    refs = list(refs)
    if not any(_links(ref) for ref in refs):
        return [r for r in refs if not is_data_entry(r)] if drop_data_entries else refs
    resolver = _Resolver(refs)
    out: list[Reference] = []
    for ref in refs:
        if drop_data_entries and is_data_entry(ref):
            continue
        if not _links(ref):
            out.append(ref)
            continue
        all_fields = resolver.fields(ref)
        own = len(bib_fields(ref))
        inherited = all_fields[own:]
        if not inherited:
            out.append(ref)
            continue
        mapped = mapping.entry_to_reference(entry_type(ref), ref.id, all_fields, ref.source)
        resolved = Reference(ref.id, ref.type, dict(ref.fields), dict(ref.extra), ref.source,
                             dict(ref.confidence))
        for variable, value in mapped.fields.items():
            resolved.fields.setdefault(variable, value)
        for name, value in mapped.extra.items():
            if name.startswith(mapping.EXTRA):
                resolved.extra.setdefault(name, value)
        out.append(resolved)
    return out


def resolve_library(library: Library) -> Library:
    """``library`` with crossrefs resolved (the same object when nothing inherits)."""
    refs = resolve_references(library.references)
    if all(a is b for a, b in zip(refs, library.references)):
        return library
    return Library(references=refs, diagnostics=library.diagnostics, documents=[])
