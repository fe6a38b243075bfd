"""Free-text reference lists (plain text, Markdown, .docx) as a readable format.

The text is split into references and each is parsed (see :mod:`polybib.refparse`).  A
``.docx`` is read as its paragraphs, from the document XML, which is parsed without a
DOCTYPE (no entity expansion), with a cap on how much it inflates (:mod:`polybib.safexml`).
polybib does not write this format: it renders styles.
"""
from __future__ import annotations

from ..encoding import decode_text
from ..errors import UsageError
from ..model import Diagnostic, Library
from ..safexml import parse_xml, read_zip_member

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, filename: str) -> str:
    """The paragraphs of a .docx, numbered ones marked ``- `` so the splitter sees a list.

    The document XML is inflated with a size cap and parsed by :mod:`polybib.safexml`
    (no DTD, no entities, in any encoding); a broken, encrypted or oversized archive is an
    InputError.
    """
    root = parse_xml(read_zip_member(data, "word/document.xml", filename), f"{filename}:word/document.xml")
    paragraphs = []
    for p in root.iter(f"{_W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
        numbered = p.find(f"{_W}pPr/{_W}numPr") is not None
        if text.strip():
            paragraphs.append(("- " if numbered else "") + text.strip())
    return "\n\n".join(paragraphs)


def read(data: bytes, filename: str = "<memory>") -> Library:
    from ..refparse import parse_list

    diagnostics: list[Diagnostic] = []
    if data[:2] == b"PK":
        text = docx_text(data, filename)
    else:
        text = decode_text(data, filename, diagnostics)
    library = parse_list(text, filename)
    library.diagnostics[:0] = diagnostics
    if not library.references and data.strip():
        # a list that yields nothing is never a silent success (a misread encoding, a
        # document of headings only, a .docx without text paragraphs): say so as an error
        library.diagnostics.append(Diagnostic(filename, 1, "no references found in a non-empty file",
                                              "error", code="empty"))
    return library


def write(library: Library, **_options) -> bytes:
    raise UsageError("polybib does not write free text: use 'polybib render' for a formatted list")
