"""What the rules look at: each entry with its record, its raw fields and their places.

For a ``.bib`` file every field is located in the file (offset and line), so a finding
points at the field's own line and a fix replaces exactly the field's value and nothing
else.  Records from other formats (CSL-JSON, RIS, text) are linted on the model alone;
their findings point at the record's line and carry no fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..formats.bibtex.document import BibDocument, LineIndex, Segment
from ..formats.bibtex.lazy import EntryReference
from ..model import Library, Reference
from .findings import Edit, Finding


@dataclass
class FieldSpan:
    name: str          # as written in the file
    raw: str           # the raw value text: {…}, "…", 1999, macro # {…}
    value: str         # resolved (macros expanded, enclosing removed), LaTeX kept
    start: int         # offset of ``raw`` in the file text
    line: int
    column: int = 1    # of the field name on its line

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def replace_value(self, body: str) -> Edit:
        """An edit that replaces the value, keeping its braces or quotes."""
        raw = self.raw
        if len(raw) >= 2 and ((raw[0] == "{" and raw[-1] == "}") or (raw[0] == '"' and raw[-1] == '"')) \
                and "#" not in raw:
            return Edit(self.start + 1, self.end - 1, body)
        return Edit(self.start, self.end, "{" + body + "}")


@dataclass
class EntryView:
    ref: Reference
    file: str
    line: int
    key: str
    entry_type: str = ""                        # lower-cased BibTeX type; "" for other formats
    #: Resolved field values by lower-cased name (first occurrence), for BibTeX entries.
    values: dict[str, str] = field(default_factory=dict)
    segment: Segment | None = None
    lines: LineIndex | None = None
    #: Field names the entry inherits through crossref/xdata (filled in by the engine).
    inherited: set[str] = field(default_factory=set)
    _spans: dict[str, FieldSpan] | None = None

    @property
    def is_bib(self) -> bool:
        return self.segment is not None

    @property
    def fields(self) -> dict[str, FieldSpan]:
        """Where each field stands in the file; located on first use (most entries never
        need it: only findings and fixes do)."""
        if self._spans is None:
            self._spans = locate_fields(self.segment, self.lines) if self.segment is not None else {}
        return self._spans

    def span(self, field_name: str) -> FieldSpan | None:
        """Where one field stands.  A finding needs only its own field's place, so when the
        scanner recorded the offsets that one field is placed alone, not all of them."""
        seg = self.segment
        if self._spans is not None or seg is None or not seg.located:
            return self.fields.get(field_name)
        for i, name in enumerate(seg.names):
            if name.lower() == field_name:
                return _span_at(seg, i, self.lines)
        return None

    def line_of(self, field_name: str | None) -> int:
        if not field_name or field_name not in self.values:
            return self.line
        span = self.span(field_name)
        return span.line if span else self.line

    def value(self, field_name: str) -> str | None:
        return self.values.get(field_name)


@dataclass
class FileContext:
    path: str
    library: Library
    document: BibDocument | None
    entries: list[EntryView]
    lines: LineIndex | None

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""


_FIELD_START = re.compile(r"(?:^|[,\s{(])([^\s=,{}()\"#%]+)\s*=\s*")


_NEXT_FIELD = re.compile(r"([\s,]+)([^\s=,{}()\"#%]+)\s*=\s*")


def _next_field(raw: str, pos: int, low: str) -> tuple[int, int] | None:
    """Where field ``low`` starts (its name, its value) when it is the very next thing after
    ``pos`` (only spaces and commas between), as ``_FIELD_START`` would find it; else None.

    Why: fields come in order, so this is the usual case, and one anchored match is much
    cheaper than ``_FIELD_START.search``, which tries every position.  The separator run
    is greedy and a name cannot start with a space or comma, so the name matched here is
    the one the search would find first.  Anything else returns None and the caller falls
    back to the search.
    """
    m = _NEXT_FIELD.match(raw, pos)
    if m is None or m.group(2).lower() != low:
        return None
    return m.start(2), m.end()


def locate_fields(seg: Segment, lines: LineIndex) -> dict[str, FieldSpan]:
    """Each field's raw value in the file (first occurrence of a name wins): from the
    offsets the scanner recorded, or else found in the entry's raw text.

    Fields come in file order, so each search starts after the previous value: an ``=``
    inside a value (``?id=19537``) is never taken for a field.
    """
    spans: dict[str, FieldSpan] = {}
    if seg.located:                          # the scanner saw where each field stands
        for i, name in enumerate(seg.names):
            low = name.lower()
            if low not in spans:
                spans[low] = _span_at(seg, i, lines)
        return spans
    pos = seg.raw.find(",") + 1 if "," in seg.raw else 0
    for name, raw_value, resolved in seg.fields:
        low = name.lower()
        value_at = _next_field(seg.raw, pos, low)
        if value_at is None:
            m = _FIELD_START.search(seg.raw, pos)
            while m and m.group(1).lower() != low:
                m = _FIELD_START.search(seg.raw, m.end())
            if not m:
                continue
            name_at, value_at = m.start(1), m.end()
        else:
            name_at, value_at = value_at
        at = seg.raw.find(raw_value, value_at) if raw_value else -1
        if at < 0:
            continue
        pos = at + len(raw_value)
        if low not in spans:
            start = seg.offset + at
            spans[low] = FieldSpan(name, raw_value, resolved, start, lines.line(start),
                                   lines.column(seg.offset + name_at))
    return spans


def _span_at(seg: Segment, i: int, lines: LineIndex) -> FieldSpan:
    """The place of the ``i``-th field of an entry whose offsets the scanner recorded."""
    name, raw_value, resolved = seg.field(i)
    name_at, value_at = seg.field_place(i)
    return FieldSpan(name, raw_value, resolved, value_at, lines.line(value_at), lines.column(name_at))


@lru_cache(maxsize=4096)
def _lower(name: str) -> str:
    """A field name lower-cased, one string object per name for the whole run (a file
    repeats the same few dozen names; a new string per entry cost a tenth of lint's memory)."""
    return name.lower()


def build_file_context(path: str, library: Library) -> FileContext:
    documents = [d for d in library.documents if isinstance(d, BibDocument)]
    if documents:
        doc = documents[0]
        lines = doc.lines or LineIndex(doc.text)
        entries = []
        for seg in doc.entries():
            if seg.ref is None:
                continue
            # by lower-cased name, the first occurrence wins (reversed: built at C speed)
            pairs = seg.values()
            values = {_lower(name): resolved for name, resolved in reversed(pairs)}
            if isinstance(seg.ref, EntryReference):
                seg.ref.share_values(pairs)      # the record is mapped from the same strings
            entries.append(EntryView(seg.ref, path, seg.line, seg.key, seg.entry_type.lower(),
                                     values, seg, lines))
        return FileContext(path, library, doc, entries, lines)
    entries = [EntryView(ref, path, ref.source.line or 1, ref.id) for ref in library]
    return FileContext(path, library, None, entries, None)


@dataclass
class RunContext:
    """Everything one lint run sees; rules of scope "run" get this."""

    files: list[FileContext]
    config: "object"
    link_results: list = field(default_factory=list)

    def entries(self):
        for ctx in self.files:
            yield from ctx.entries


def finding(rule_func, entry: EntryView, message: str, field_name: str | None = None,
            fix=None, line: int | None = None, column: int = 1) -> Finding:
    """A Finding for ``rule_func`` about ``entry`` (and one of its fields)."""
    r = rule_func.rule
    span = entry.span(field_name) if field_name in entry.values else None
    if span and line is None:
        column = span.column
    return Finding(r.code, r.name, r.severity, entry.file, line or (span.line if span else entry.line),
                   message, entry=entry.key or None, field=field_name, column=column, fix=fix)
