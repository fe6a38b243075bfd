"""BibTeX/BibLaTeX reader and writer, lossless, on bibtexparser 2.

``read`` keeps the whole file (see :mod:`.document`) in ``Library.documents``;
``write`` gives the same bytes back for an unchanged library.
"""
from __future__ import annotations

from ...gcpause import gc_paused
from ...model import Library
from .document import BibDocument, build_references, parse_document

__all__ = ["read", "write", "BibDocument", "format_entry"]


def read(data: bytes, filename: str = "<memory>") -> Library:
    with gc_paused():       # a large file makes hundreds of thousands of long-lived objects
        doc, diagnostics = parse_document(data, filename)
        refs = build_references(doc, diagnostics)
    diagnostics.sort(key=lambda d: d.line)
    return Library(references=refs, diagnostics=diagnostics, documents=[doc])


def write(library: Library, dialect: str | None = None, ascii: bool = False, forget: bool = False,
          **_options) -> bytes:
    """``dialect``: None keeps read entries as written (new ones biblatex), or
    "biblatex"/"bibtex" to re-serialise every entry in that dialect; ``ascii`` writes
    classic-BibTeX-safe LaTeX escapes for non-ASCII Latin letters; ``forget``: the caller
    changed no record and needs none after, so each one read from a .bib is forgotten once
    written (a conversion then holds one record's model at a time)."""
    if dialect not in (None, "biblatex", "bibtex"):
        from ...errors import UsageError
        raise UsageError(f"unknown BibTeX dialect {dialect!r}: use biblatex or bibtex")
    from .writer import write_library     # (not at import: reading needs no writer, see __getattr__)
    return write_library(library, dialect, ascii, forget)


def __getattr__(name: str):
    """``format_entry`` from the writer, imported when first asked for: the writer brings
    the key generator and the atomic-file machinery, which reading (``polybib lint``'s
    start-up) does not need."""
    if name == "format_entry":
        from .writer import format_entry
        return format_entry
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
