"""A ``.bib`` file as an ordered list of segments that reproduce it byte for byte.

:mod:`.scanner` finds the blocks (entries, ``@string``, ``@preamble``, comments, blocks
that failed to parse) as bibtexparser 2's splitter does, with their raw text and offsets.
We keep the text between blocks too, so joining the segments gives the file
back exactly.  An entry that was not changed is written from its raw text; a changed one
is re-serialised in the entry's own layout (indentation, field-name spelling, field order,
the raw text of fields whose value did not change).
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Diagnostic, Reference, Source
from . import mapping, scanner
from .decoding import decode_bytes
from .lazy import EntryReference

#: The month macros every BibTeX style defines.
MONTH_MACROS = {m: str(i) for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


@dataclass
class Segment:
    kind: str                 # gap | entry | string | preamble | comment | text | failed
    raw: str
    line: int                 # 1-based line where the segment starts
    offset: int = 0           # character offset of the segment in the decoded text
    key: str = ""
    entry_type: str = ""
    #: (name, raw value, resolved) of an entry's fields; () for other segments
    fields: list[tuple[str, str, str]] | tuple = ()
    #: Offsets in the file's text of each field's name and raw value, when known, flat:
    #: [name 1, value 1, name 2, value 2 …] (an ``array``).
    field_offsets: Sequence[int] | None = None
    ref: Reference | None = None     # an EntryReference for entries


@dataclass
class BibDocument:
    file: str
    text: str
    data: bytes
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    segments: list[Segment] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=dict)
    lines: "LineIndex | None" = field(default=None, repr=False, compare=False)

    def entries(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "entry"]


def line_starts(text: str) -> array:
    """The offset where each line of ``text`` starts, as an array (a list of ints would
    take four times the memory on a large file)."""
    starts = array("Q", [0])
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


class LineIndex:
    """Lines and columns of character offsets in a text, in O(log n).  Built once per
    file by the reader and kept on the document, for the reader's diagnostics and lint's
    findings alike."""

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)

    def line(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def column(self, offset: int) -> int:
        """The 1-based column of ``offset`` on its line."""
        return offset - self.starts[self.line(offset) - 1] + 1

    def source_line(self, line: int) -> str:
        """The text of 1-based ``line``, without its line break ('' outside the text)."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def parse_document(data: bytes, file: str) -> tuple[BibDocument, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    text, encoding, bom = decode_bytes(data, file, diagnostics)
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    doc = BibDocument(file, text, data, encoding, bom, newline)
    doc.lines = lines = LineIndex(text)
    try:
        blocks = scanner.split(text)
    except Exception as exc:  # the splitter should not fail, but a file must never crash us
        diagnostics.append(Diagnostic(file, 1, f"could not split the file: {exc}", code="parse"))
        doc.segments = [Segment("failed", text, 1)]
        return doc, diagnostics
    pos = 0
    for block in blocks:
        at = block.start
        if at > pos:
            doc.segments.append(Segment("gap", text[pos:at], lines.line(pos), pos))
        segment = _segment(block, lines.line(at), file, doc, diagnostics)
        segment.offset = at
        doc.segments.append(segment)
        pos = at + len(block.raw)
    if pos < len(text):
        doc.segments.append(Segment("gap", text[pos:], lines.line(pos), pos))
    _check_gaps(doc, diagnostics)
    return doc, diagnostics


def _segment(block: scanner.Block, line: int, file: str, doc: BibDocument,
             diagnostics: list[Diagnostic]) -> Segment:
    kind, raw = block.kind, block.raw
    if kind == "entry":
        if block.duplicate_fields:
            diagnostics.append(Diagnostic(file, line, f"field {', '.join(block.duplicate_fields)} given "
                                          f"more than once in '{block.key}'; the first is used, all "
                                          "are kept", "warning", code="duplicate-field"))
        return _entry_segment(block, line, file, doc, diagnostics)
    if kind == "string":
        if block.key.lower() in doc.strings:
            diagnostics.append(Diagnostic(file, line, f"@string '{block.key}' defined again; "
                                          "the later value is used", "warning", code="duplicate-string"))
        resolved = resolve_value(block.value, doc.strings, file, line, diagnostics)
        doc.strings[block.key.lower()] = resolved
        return Segment("string", raw, line, key=block.key)
    if kind == "failed":
        diagnostics.append(Diagnostic(file, line, f"unparseable block kept verbatim: {block.error}",
                                      code="parse"))
    return Segment(kind, raw, line)


def _entry_segment(block: scanner.Block, line: int, file: str, doc: BibDocument,
                   diagnostics: list[Diagnostic]) -> Segment:
    seg = Segment("entry", block.raw, line, key=block.key, entry_type=block.entry_type,
                  fields=[], field_offsets=block.offsets)
    strings = doc.strings
    append = seg.fields.append
    for name, value in block.fields:
        if value[:1] == "{" and value[-1:] == "}" and "#" not in value:
            resolved = value[1:-1]                  # the common case, without the general parser
        elif value.isdigit() and value.isascii():
            resolved = value                        # year = 2020
        else:
            resolved = resolve_value(value, strings, file, line, diagnostics, block.key)
        append((name, value, resolved))
    return seg


def _check_gaps(doc: BibDocument, diagnostics: list[Diagnostic]) -> None:
    """Text outside blocks is a comment to BibTeX; an ``@`` there is likely a broken entry."""
    for seg in doc.segments:
        found = re.search(r"(?m)^\s*@\s*(?!comment\b)[A-Za-z]+\s*[{(]", seg.raw, re.I) \
            if seg.kind in ("gap", "text") else None
        if found:
            offset = found.start()
            line = seg.line + seg.raw.count("\n", 0, offset)
            diagnostics.append(Diagnostic(doc.file, line, "text that looks like an entry was not "
                                          "read as one (kept verbatim)", "warning", code="parse"))


_VALUE_PART = re.compile(r'\s*(?:(\{)|(")|(\d+)|([^\s#{}",]+))')


def resolve_value(raw: str, strings: dict[str, str], file: str, line: int,
                  diagnostics: list[Diagnostic], key: str = "") -> str:
    """The text of a field value: enclosing removed, ``#`` concatenation and macros resolved."""
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and ("#" not in raw or _closes_at_end(raw, "{", "}")):
        return raw[1:-1]    # without '#', a value is a single group (the splitter checked it)
    if raw.startswith('"') and raw.endswith('"') and "#" not in raw:
        return raw[1:-1]
    parts: list[str] = []
    i = 0
    while i < len(raw):
        m = _VALUE_PART.match(raw, i)
        if not m:
            return raw  # not an expression we understand: keep it as written
        if m.group(1):
            end = _matching(raw, m.start(1), "{", "}")
            parts.append(raw[m.start(1) + 1:end])
            i = end + 1
        elif m.group(2):
            end = _matching(raw, m.start(2), '"', '"')
            parts.append(raw[m.start(2) + 1:end])
            i = end + 1
        elif m.group(3):
            parts.append(m.group(3))
            i = m.end()
        else:
            name = m.group(4)
            low = name.lower()
            if low in strings:
                parts.append(strings[low])
            elif low in MONTH_MACROS:
                parts.append(MONTH_MACROS[low])
            else:
                where = f" in entry '{key}'" if key else ""
                diagnostics.append(Diagnostic(file, line, f"undefined @string macro '{name}'{where}; "
                                              "kept as its name", "warning", code="undefined-string"))
                parts.append(name)
            i = m.end()
        rest = raw[i:].lstrip()
        if rest.startswith("#"):
            i = len(raw) - len(rest) + 1
        elif rest:
            return raw
        else:
            break
    return "".join(parts)


def _matching(text: str, start: int, opening: str, closing: str) -> int:
    if opening == '"':
        depth = 0
        for j in range(start + 1, len(text)):
            c = text[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            elif c == '"' and depth == 0 and text[j - 1] != "\\":
                return j
        return len(text) - 1
    depth = 0
    for j in range(start, len(text)):
        c = text[j]
        if c == "\\":
            continue
        if c == opening and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif c == closing and (j == 0 or text[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return j
    return len(text) - 1


def _closes_at_end(raw: str, opening: str, closing: str) -> bool:
    return _matching(raw, 0, opening, closing) == len(raw) - 1


def build_references(doc: BibDocument, diagnostics: list[Diagnostic]) -> list[Reference]:
    """One Reference per entry, in file order; duplicate keys reported (BibTeX ignores case)."""
    refs: list[Reference] = []
    first_line: dict[str, int] = {}
    for seg in doc.entries():
        low_type = seg.entry_type.lower()
        if low_type not in mapping.TYPE_TO_CSL and low_type not in ("xdata", "set"):
            diagnostics.append(Diagnostic(doc.file, seg.line, f"unknown entry type '@{seg.entry_type}' "
                                          f"in entry '{seg.key}'; read as a generic document",
                                          "warning", code="entry-type"))
        folded = seg.key.lower()
        if folded in first_line:
            diagnostics.append(Diagnostic(doc.file, seg.line, f"duplicate key '{seg.key}' (first "
                                          f"defined at line {first_line[folded]}); both kept",
                                          code="duplicate-key"))
        else:
            first_line[folded] = seg.line
        ref = EntryReference(seg, Source(doc.file, seg.line, "", "bibtex"))
        seg.ref = ref
        refs.append(ref)
    return refs
