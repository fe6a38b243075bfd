"""Free-text reference lists (plain text, Markdown, .docx) as a readable format.

The text is split into references and each is parsed (see :mod:`polybib.refparse`).  A
``.docx`` is read as its paragraphs, from the document XML, which is parsed without a
DOCTYPE (no entity expansion).  polybib does not write this format: it renders styles.
"""
from __future__ import annotations

import io
import re
import zipfile
import xml.etree.ElementTree as ET

from ..errors import InputError, UsageError
from ..model import Diagnostic, Library

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise InputError(f"not a readable .docx: {exc}", file=filename) from None
    if re.search(rb"<!DOCTYPE|<!ENTITY", xml[:4096], re.I):
        raise InputError("refusing a .docx whose XML declares a DOCTYPE or entities", file=filename)
    root = ET.fromstring(xml)
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
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            diagnostics.append(Diagnostic(filename, line, "not valid UTF-8; read as cp1251", "warning",
                                          code="encoding"))
            text = data.decode("cp1251", errors="replace")
    library = parse_list(text, filename)
    library.diagnostics[:0] = diagnostics
    return library


def write(library: Library, **_options) -> bytes:
    raise UsageError("polybib does not write free text: use 'polybib render' for a formatted list")
