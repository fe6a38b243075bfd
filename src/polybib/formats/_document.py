"""What a reader remembers of a whole file, so that writing it back unchanged is exact.

Formats whose writer produces a canonical layout (CSL-JSON, RIS) cannot reproduce every
byte of someone else's file from the records alone.  They keep the bytes they read and a
snapshot of the records; when a library is written back with the same records, in the
same format, the original bytes come back.  (BibTeX goes further: see ``bibtex.document``,
which keeps every block so that only changed entries are re-serialised.)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Library


@dataclass
class SourceDocument:
    file: str
    format: str
    data: bytes
    snapshot: list = field(default_factory=list)


def remember(library: Library, file: str, format: str, data: bytes) -> None:
    """Record the bytes a library was read from (call after the references are built)."""
    library.documents.append(SourceDocument(file, format, data, [r.content() for r in library.references]))


def unchanged_original(library: Library, format: str) -> bytes | None:
    """The original bytes when ``library`` is exactly one unchanged file of ``format``."""
    docs = library.documents
    if len(docs) != 1 or not isinstance(docs[0], SourceDocument) or docs[0].format != format:
        return None
    if [r.content() for r in library.references] != docs[0].snapshot:
        return None
    return docs[0].data
