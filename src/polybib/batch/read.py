"""Reading one slice of an input: the format's own reader, then the lines put back.

A slice that starts at line 500,001 of its file is read as if it were a file of its own
(by the same reader ``polybib import``/``convert`` use), and every line number the reader
recorded — records' sources, diagnostics, a ``.bib`` document's blocks and its line index
(lint's field positions) — is then moved down by 500,000, so a diagnostic says
``refs.txt:500123`` as a single-process run would.
"""
from __future__ import annotations

import json

from .. import formats
from ..formats.bibtex.document import BibDocument, LineIndex
from ..model import Diagnostic, Library, Source
from .plan import Slice


def read_slice(piece: Slice) -> Library:
    with open(piece.abspath, "rb") as handle:
        handle.seek(piece.start)
        data = handle.read(piece.end - piece.start)
    if piece.format == "jsonl":
        library = read_jsonl(data, piece.path)
    else:
        library = formats.get_format(piece.format).reader(data, piece.path)
    if piece.line > 1:
        shift_lines(library, piece.line - 1)
    return library


def read_jsonl(data: bytes, filename: str) -> Library:
    """JSON Lines of CSL-JSON items, one item per line.  A line that is not a JSON object
    is an error at its line, and its text is kept in the diagnostic (nothing read is
    silently dropped)."""
    from ..encoding import decode_or_report
    from ..formats.csljson import item_to_reference

    library = Library()
    text = decode_or_report(data, filename, library.diagnostics, "JSON Lines must be UTF-8")
    if text is None:
        return library
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            library.diagnostics.append(Diagnostic(filename, number, f"not valid JSON ({exc}); line kept "
                                                  f"here, not read: {line[:200]}", code="parse"))
            continue
        if not isinstance(item, dict):
            library.diagnostics.append(Diagnostic(filename, number, f"not a CSL-JSON item but "
                                                  f"{line[:200]}; not read", code="parse"))
            continue
        library.references.append(item_to_reference(item, Source(filename, number, "", "csljson"),
                                                    library.diagnostics))
    return library


class ShiftedLineIndex(LineIndex):
    """A document's line index, counting from line ``1 + by`` of the whole file."""

    def __init__(self, inner: LineIndex, by: int):
        self.text, self.starts, self.by = inner.text, inner.starts, by

    def line(self, offset: int) -> int:
        return super().line(offset) + self.by

    def column(self, offset: int) -> int:
        return offset - self.starts[super().line(offset) - 1] + 1

    def source_line(self, line: int) -> str:
        return super().source_line(line - self.by)


def shift_lines(library: Library, by: int) -> None:
    """Move every line number of a slice's library down by ``by`` lines."""
    for ref in library.references:
        if ref.source.line:
            ref.source.line += by
    for diagnostic in library.diagnostics:
        if diagnostic.line:
            diagnostic.line += by
    for doc in library.documents:
        if isinstance(doc, BibDocument):
            for segment in doc.segments:
                segment.line += by
            if doc.lines is not None:
                doc.lines = ShiftedLineIndex(doc.lines, by)
