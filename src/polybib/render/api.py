"""The rendering functions the CLI and other code call.

:func:`render` takes records (a :class:`~polybib.model.Library` or any iterable of
:class:`~polybib.model.Reference`) and returns a :class:`Rendered` list: the entries in
bibliography order, each in the markup the output writers read, plus the list written in
the requested format.  :func:`render_items` is the same at the CSL-JSON level, for code
(and tests) that already hold CSL-JSON items.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .. import progress
from ..errors import UsageError
from ..formats.bibtex.inheritance import resolve_references
from ..model import Diagnostic, Reference
from . import gost, multilingual, output
from .cslitem import to_csl_item
from .engine import Entry, Processor
from .markup import escape, plain
from .sorting import collation_key
from .styles import StyleInfo, resolve

SORTS = ("style", "input", "gost", "author", "title", "year")


@dataclass
class Rendered:
    """A rendered list: entries in order, and how to write them."""

    entries: list[Entry]
    style: StyleInfo
    format: str = "text"
    labels: dict[str, str] = field(default_factory=dict)
    #: one per record the style could not render (its entry is a fallback), at the
    #: record's FILE:LINE
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def text(self, fmt: str | None = None) -> str:
        """The whole list in ``fmt`` (default: the format asked for)."""
        return output.bibliography(self.entries, fmt or self.format, self.labels)

    def strings(self, fmt: str | None = None) -> list[str]:
        """Each entry on its own in ``fmt``, margin included."""
        return [output.entry_text(e, fmt or self.format) for e in self.entries]

    def __iter__(self):
        return iter(self.strings())

    def __len__(self) -> int:
        return len(self.entries)


def _check(script: str, fmt: str, sort: str) -> None:
    if script not in multilingual.SCRIPTS:
        raise UsageError(f"unknown script mode {script!r}; modes: {', '.join(multilingual.SCRIPTS)}")
    if fmt not in output.FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; formats: {', '.join(output.FORMATS)}")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}; sorts: {', '.join(SORTS)}")


def _first_name(ref: Reference) -> str:
    for variable in ("author", "editor", "translator", "compiler", "director", "container-author"):
        names = ref.fields.get(variable)
        if names:
            name = names[0]
            return name.literal or " ".join(p for p in (name.family, name.given) if p)
    return ""


def _year(ref: Reference) -> int:
    date = ref.fields.get("issued")
    return getattr(date, "year", None) or 0


def presort(refs: list[Reference], sort: str, locale: str | None) -> list[Reference]:
    """Orders polybib applies itself, whatever the style says (``--sort``).

    ``gost`` is GOST R 7.0.5-2008 / 7.0.100-2018 order: by heading (first author, else
    title), Cyrillic records first, then Latin, each alphabetically with ``Ё`` as ``Е``,
    then by year."""
    if sort == "gost":
        return sorted(refs, key=lambda r: (collation_key(_first_name(r) or plain(r.fields.get("title", "")), "ru"),
                                           collation_key(plain(r.fields.get("title", "")), "ru"), _year(r)))
    if sort == "author":
        return sorted(refs, key=lambda r: (collation_key(_first_name(r), locale), _year(r)))
    if sort == "title":
        return sorted(refs, key=lambda r: collation_key(plain(r.fields.get("title", "")), locale))
    if sort == "year":
        return sorted(refs, key=lambda r: (_year(r), collation_key(_first_name(r), locale)))
    return list(refs)


def render(records: Iterable[Reference], style: str = "apa", *, format: str = "text",
           locale: str | None = None, script: str | None = None, scheme: str | None = None,
           sort: str = "style") -> Rendered:
    """Render ``records`` as a reference list in ``style``.

    ``script``: ``original`` | ``translit`` | ``translit+translation`` (default: the
    style's, usually ``original``); ``scheme``: the transliteration scheme id
    (``bgn-pcgn``, ``bsi``, ``iso9`` …); ``sort``: ``style`` (as the style says),
    ``input``, ``gost``, ``author``, ``title`` or ``year``.
    """
    info = resolve(style)
    script = script or info.default_script
    _check(script, format, sort)
    # crossref/xdata resolved as biber does; @xdata entries are data, not works
    refs = presort(resolve_references(records, drop_data_entries=True), sort, locale)
    processor = Processor(info.path, locale, info.terms)
    prepared = [multilingual.prepare(ref, script=script, scheme=scheme or info.default_scheme,
                                     per_record_locale=info.per_record_locale and not locale,
                                     in_russ=info.in_russ, list_locale=processor.locale)
                for ref in progress.each(refs, f"{info.name}: preparing")]
    items = [to_csl_item(p.ref) for p in prepared]
    locales = [p.locale for p in prepared]
    entries = processor.bibliography(items, locales, sort="style" if sort == "style" else "none")
    if info.options.get("gost"):  # GOST R 7.0.100 / 7.0.5 entries written natively (render/gost.py)
        gost.apply(entries, prepared, info.options["gost"], locale)
    suffixes = {p.ref.id: p.suffix for p in prepared if p.suffix}
    for entry in entries:
        suffix = suffixes.get(entry.id)
        if suffix and entry.body:
            entry.body = f"{entry.body} {escape(suffix)}"
    labels = {}
    if format == "latex" and not any(e.margin for e in entries):
        try:
            labels = cite_labels(processor, items)
        except Exception:       # labels are a nicety; the list itself is rendered
            labels = {}
    sources = {p.ref.id: p.ref.source for p in prepared}
    diagnostics = []
    for entry in entries:
        if entry.error:
            source = sources.get(entry.id)
            diagnostics.append(Diagnostic(source.file if source else "<memory>", source.line if source else 0,
                                          f"{entry.id}: not rendered in style {info.name}: {entry.error}",
                                          code="render"))
    return Rendered(entries, info, format, labels, diagnostics)


def cite_labels(processor: Processor, items: list[dict]) -> dict[str, str]:
    """Each item's own in-text citation as plain text (LaTeX ``\\bibitem`` labels)."""
    if processor.default.root.citation is None:
        return {}
    cites = processor.citations(items, [[{"id": item["id"]}] for item in items])
    return {str(item["id"]): plain(text).strip("()[] ") for item, text in zip(items, cites)}


def render_items(items: list[dict], style: str = "apa", *, locale: str | None = None,
                 locales: list[str | None] | None = None, sort: str = "style") -> list[Entry]:
    """CSL-JSON items rendered with ``style``: entries in bibliography order."""
    info = resolve(style)
    return Processor(info.path, locale, info.terms).bibliography(items, locales, sort=sort)
