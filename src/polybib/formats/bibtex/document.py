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
from itertools import chain
from operator import add

from ...model import Diagnostic, Reference
from . import mapping, scanner
from .decoding import decode_bytes
from .lazy import EntryReference

#: The month macros every BibTeX style defines.
MONTH_MACROS = {m: str(i) for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


class Segment:
    """One block of the file, or the text between two.

    Compact by design: a segment read from a file keeps no text of its own, only where it
    stands in the document's text (``raw`` is a slice made when asked for), and an entry
    keeps its field names and the places of their values, not the values: the resolved
    value is the raw one without its braces (or a bare number) except where macros or
    ``#`` made it otherwise, and only those few are stored.  Keeping every raw text, raw
    value and resolved value as strings of their own cost four times the file (issue 12).
    A segment built from strings (``raw``, ``fields``) keeps them as given.
    """

    __slots__ = ("kind", "line", "offset", "key", "entry_type", "ref",
                 "_raw", "_text", "_end", "_fields", "_names", "_places", "_resolved")

    def __init__(self, kind: str, raw: str, line: int, offset: int = 0, key: str = "",
                 entry_type: str = "", fields: list[tuple[str, str, str]] | tuple = (),
                 field_offsets: Sequence[int] | None = None, ref: Reference | None = None):
        self.kind = kind              # gap | entry | string | preamble | comment | text | failed
        self.line = line              # 1-based line where the segment starts
        self.offset = offset          # character offset of the segment in the decoded text
        self.key = key
        self.entry_type = entry_type
        self.ref = ref                # an EntryReference for entries
        self._raw: str | None = raw
        self._text = ""
        self._end = 0
        #: (name, raw value, resolved) of an entry's fields, when given as strings
        self._fields = fields
        self._names: tuple[str, ...] = ()
        #: Per field, flat: offset of its name, of its raw value, end of its raw value.
        self._places: Sequence[int] | None = None
        if field_offsets is not None:   # given as (name, value) pairs, with the fields
            ends = [field_offsets[2 * i + 1] + len(raw_value) for i, (_, raw_value, _) in enumerate(fields)]
            self._places = [n for i in range(len(ends))
                            for n in (field_offsets[2 * i], field_offsets[2 * i + 1], ends[i])]
        self._resolved: dict[int, str] | None = None

    @classmethod
    def in_text(cls, kind: str, text: str, start: int, end: int, line: int, key: str = "") -> "Segment":
        """A segment that is ``text[start:end]``, kept as that place only (the text
        between blocks as a :class:`Gap`, half the size)."""
        if kind == "gap" and cls is Segment:
            return Gap(text, start, end, line)
        seg = cls(kind, None, line, start, key)
        seg._text, seg._end = text, end
        return seg

    @property
    def raw(self) -> str:
        return self._raw if self._raw is not None else self._text[self.offset:self._end]

    @property
    def end(self) -> int:
        """Offset in the text right after the segment."""
        return self._end if self._raw is None else self.offset + len(self._raw)

    @property
    def fields(self) -> list[tuple[str, str, str]] | tuple:
        """(name, raw value, resolved value) of each field, in file order."""
        if self._places is None or self._raw is not None:
            return self._fields
        return [(name, raw_value, resolved) for name, raw_value, resolved in self._iter_fields()]

    def values(self) -> list[tuple[str, str]]:
        """(name, resolved value) of each field, in file order (what the model is made of)."""
        if self._places is None or self._raw is not None:
            return [(name, resolved) for name, _, resolved in self._fields]
        return [(name, resolved) for name, _, resolved in self._iter_fields()]

    def resolved_values(self) -> list[str]:
        """The resolved value of each field, in file order (:meth:`values` without the
        names, which :attr:`names` gives as one shared tuple): cut from the text by the
        places, a value's braces dropped, at C speed where no macro or ``#`` made a value
        otherwise (lint asks this of every entry)."""
        places = self._places
        if places is None or self._raw is not None:
            return [resolved for _, _, resolved in self._fields]
        text = self._text
        # (each value cut once: the braces left out of the slice, not cut off a copy)
        values = [text[start + 1:end - 1] if text[start] == "{" and end > start else text[start:end]
                  for start, end in zip(places[1::3], places[2::3])]
        if self._resolved is not None:
            for i, resolved in self._resolved.items():
                values[i] = resolved
        return values

    @property
    def names(self) -> tuple[str, ...]:
        """The field names as written, in file order."""
        if self._places is None or self._raw is not None:
            return tuple(name for name, _, _ in self._fields)
        return self._names

    def field(self, i: int) -> tuple[str, str, str]:
        """(name, raw value, resolved value) of the ``i``-th field."""
        if self._places is None or self._raw is not None:
            return self._fields[i]
        places = self._places
        raw_value = self._text[places[3 * i + 1]:places[3 * i + 2]]
        if self._resolved is not None and i in self._resolved:
            return self._names[i], raw_value, self._resolved[i]
        return self._names[i], raw_value, raw_value[1:-1] if raw_value[:1] == "{" else raw_value

    def _iter_fields(self):
        text, places, resolved = self._text, self._places, self._resolved
        for i, name in enumerate(self._names):
            raw_value = text[places[3 * i + 1]:places[3 * i + 2]]
            if resolved is not None and i in resolved:
                yield name, raw_value, resolved[i]
            elif raw_value[:1] == "{":
                yield name, raw_value, raw_value[1:-1]
            else:
                yield name, raw_value, raw_value

    @property
    def field_offsets(self) -> Sequence[int] | None:
        """Offsets in the file's text of each field's name and raw value, flat: [name 1,
        value 1, name 2, value 2 …]; None when the splitter did not say where they stand."""
        places = self._places
        if places is None:
            return None
        return [places[j] for j in range(len(places)) if j % 3 != 2]

    @property
    def located(self) -> bool:
        """Whether the places of the fields in the text are known (the fast scanner's)."""
        return self._places is not None

    def field_place(self, i: int) -> tuple[int, int] | None:
        """Offsets of the ``i``-th field's name and raw value, when known."""
        if self._places is None:
            return None
        return self._places[3 * i], self._places[3 * i + 1]

    def copy(self) -> "Segment":
        """A segment of its own with the same content (the text, names, places and
        resolved values it points to are never changed, so they are shared); ``ref`` is
        left for the caller to set."""
        seg = Segment.__new__(Segment)
        for name in Segment.__slots__:
            setattr(seg, name, getattr(self, name))
        if isinstance(seg._fields, list):
            seg._fields = list(seg._fields)
        seg.ref = None
        return seg

    def __repr__(self) -> str:
        return f"Segment({self.kind!r}, line={self.line}, offset={self.offset}, key={self.key!r})"


class Gap:
    """The text between two blocks (white space, mostly): a :class:`Segment` of kind
    "gap" with only what a gap has, its place in the text and its line.

    Why: a file has one between every two entries, and a full segment each cost as much
    as a fifth of the entries' own segments (issue 12).  It answers what code asks of any
    segment (``kind``, ``raw``, ``line``, ``offset``, ``end``, ``key``, ``ref``, ``copy``).
    """

    __slots__ = ("line", "offset", "_text", "_end")
    kind = "gap"
    key = ""
    entry_type = ""
    ref = None
    fields = ()
    names = ()
    located = False
    field_offsets = None

    def __init__(self, text: str, start: int, end: int, line: int):
        self._text, self.offset, self._end, self.line = text, start, end, line

    @property
    def raw(self) -> str:
        return self._text[self.offset:self._end]

    @property
    def end(self) -> int:
        return self._end

    def values(self) -> list:
        return []

    def copy(self) -> "Gap":
        return Gap(self._text, self.offset, self._end, self.line)

    def __repr__(self) -> str:
        return f"Segment('gap', line={self.line}, offset={self.offset}, key='')"


@dataclass
class BibDocument:
    file: str
    text: str
    #: The bytes read, kept only when the text does not give them back (not UTF-8, or
    #: UTF-8 with undecodable bytes).
    original: bytes | None = field(default=None, repr=False)
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    segments: list[Segment] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=dict)
    lines: "LineIndex | None" = field(default=None, repr=False, compare=False)

    @property
    def data(self) -> bytes:
        """The file's bytes.  A UTF-8 file's are its text encoded again (exactly the bytes
        read, since they decoded without error), so they are not kept twice."""
        if self.original is not None:
            return self.original
        return (b"\xef\xbb\xbf" if self.bom else b"") + self.text.encode("utf-8")

    def entries(self) -> list[Segment]:
        return [s for s in self.segments if s.kind == "entry"]

    def copy(self) -> tuple["BibDocument", dict[int, Reference]]:
        """An independent copy and, by ``id`` of each record of this document, the copy's
        record for the same entry.

        Cheap, unlike ``copy.deepcopy``: the text is shared (strings do not change), the
        segments are new, and a record that was never mapped stays unmapped in the copy
        (it is mapped from the same entry when read).  Deep-copying a whole library was
        40 % of ``polybib translit``.
        """
        new = BibDocument(self.file, self.text, self.original, self.encoding, self.bom, self.newline,
                          [], dict(self.strings), self.lines)
        refs: dict[int, Reference] = {}
        for seg in self.segments:
            twin = seg.copy()
            if seg.ref is not None:
                twin.ref = refs[id(seg.ref)] = _copy_record(seg.ref, twin)
            new.segments.append(twin)
        return new, refs


def _copy_record(ref: Reference, segment: Segment) -> Reference:
    if isinstance(ref, EntryReference):
        return ref.copy_for(segment)
    return ref.copy()


def line_starts(text: str) -> array:
    """The offset where each line of ``text`` starts, as an array (a list of ints would
    take four times the memory on a large file)."""
    starts = array("I" if len(text) < 2**32 else "Q", [0])
    starts.extend(map(re.Match.end, re.finditer("\n", text)))     # (no Python frame a line)
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
    # UTF-8 text gives its bytes back, unless undecodable bytes became U+FFFD: then the
    # bytes are kept, so the file still round-trips byte for byte
    lossless = encoding == "utf-8" and "\ufffd" not in text
    doc = BibDocument(file, text, None if lossless else data, encoding, bom, newline)
    doc.lines = LineIndex(text)
    read_so_far = len(diagnostics)
    if not _split_into(doc, text, lambda blocks: blocks, diagnostics):
        return doc, diagnostics
    if any(seg.kind == "failed" for seg in doc.segments):
        scanned, unmask = _bibtex_backslash_pairs(text)
        if scanned is not text:
            # read again as BibTeX counts a brace after "\\"; kept if fewer blocks fail
            failed = sum(seg.kind == "failed" for seg in doc.segments)
            first = doc.segments, doc.strings, diagnostics[read_so_far:]
            del diagnostics[read_so_far:]
            doc.segments, doc.strings = [], {}
            if not _split_into(doc, scanned, unmask, diagnostics) or \
                    sum(seg.kind == "failed" for seg in doc.segments) >= failed:
                doc.segments, doc.strings = first[0], first[1]
                diagnostics[read_so_far:] = first[2]
    _check_gaps(doc, diagnostics)
    return doc, diagnostics


def _split_into(doc: BibDocument, scanned: str, unmask, diagnostics: list[Diagnostic]) -> bool:
    """Fill ``doc`` with the blocks of ``scanned`` (the scanner, else bibtexparser's
    Splitter where only it is exact); False when even the Splitter failed (the whole file
    is then one failed segment)."""
    read_so_far = len(diagnostics)
    try:
        _add_segments(doc, unmask(scanner.iter_blocks(scanned)), diagnostics)
    except scanner.NotExact:    # only bibtexparser's Splitter is exact here: start again with it
        del diagnostics[read_so_far:]
        doc.segments, doc.strings = [], {}
        try:
            _add_segments(doc, unmask(scanner.splitter_blocks(scanned)), diagnostics)
        except Exception as exc:  # the splitter should not fail, but a file must never crash us
            diagnostics.append(Diagnostic(doc.file, 1, f"could not split the file: {exc}", code="parse"))
            doc.segments = [Segment("failed", doc.text, 1)]
            return False
    return True


#: A brace right after a pair of backslashes: ``{ends in \\\\}`` (a value ending in LaTeX's
#: line break, or a backslash written as ``\\\\``).
_PAIR_BEFORE_BRACE = re.compile(r"\\\\[{}]")
_MASKS = "\x02\x03\x04\x05\x06\x0e\x0f\x10"


def _bibtex_backslash_pairs(text: str):
    """The text to split, and a function that puts the file's own text back into blocks.

    bibtexparser's Splitter (and the scanner, which finds the same blocks) takes a brace
    after any backslash for an escaped one, so ``title = {ends in \\\\}`` never closes and
    the entry, valid to BibTeX, became an unparseable block.  BibTeX reads ``\\\\`` as two
    characters and the brace after them as a brace.  So where a brace follows a pair of
    backslashes, each pair is hidden behind two characters of the same length (offsets do
    not move) that the file does not hold, for the splitting only.  Used only where the
    Splitter's reading leaves blocks unparseable, so every file it reads whole is read as
    before."""
    if not _PAIR_BEFORE_BRACE.search(text):
        return text, lambda blocks: blocks
    mask = next((c for c in _MASKS if c not in text), None)
    if mask is None:
        return text, lambda blocks: blocks
    pair = mask * 2

    def back(value: str) -> str:
        return value.replace(pair, "\\\\") if mask in value else value

    def unmask(blocks):
        for block in blocks:
            block.raw, block.key, block.value = back(block.raw), back(block.key), back(block.value)
            block.fields = [(back(name), back(value)) for name, value in block.fields]
            yield block

    return text.replace("\\\\", pair), unmask


def _add_segments(doc: BibDocument, blocks, diagnostics: list[Diagnostic]) -> None:
    """The segments of ``blocks`` (and of the text between them), each block made compact
    as soon as it is found."""
    text, file = doc.text, doc.file
    line = _LineCounter(text, doc.lines).line
    append = doc.segments.append
    pos = 0
    for block in blocks:
        at = block.start
        if at > pos:
            append(Segment.in_text("gap", text, pos, at, line(pos)))
        segment = _segment(block, line(at), file, doc, diagnostics)
        segment.offset = at
        append(segment)
        pos = at + len(block.raw)
    if pos < len(text):
        append(Segment.in_text("gap", text, pos, len(text), line(pos)))


class _LineCounter:
    """The line of each offset asked for in increasing order, counted from the last one
    asked (``str.count`` of the newlines between, at C speed) rather than looked up in the
    line index (a bisection whose every step makes an int from the array: a fiftieth of
    linting a large file for the two lines asked of every entry).  Equal to
    ``LineIndex.line``: a line starts after each newline.  An offset before the last one
    asked is looked up in ``lines``."""

    __slots__ = ("text", "lines", "at", "number")

    def __init__(self, text: str, lines: "LineIndex | None"):
        self.text, self.lines = text, lines or LineIndex(text)
        self.at, self.number = 0, 1          # offset 0 is on line 1

    def line(self, offset: int) -> int:
        if offset < self.at:
            return self.lines.line(offset)
        self.number += self.text.count("\n", self.at, offset)
        self.at = offset
        return self.number


def _segment(block: scanner.Block, line: int, file: str, doc: BibDocument,
             diagnostics: list[Diagnostic]) -> Segment:
    kind, raw = block.kind, block.raw
    if kind == "entry":
        if block.duplicate_fields:
            diagnostics.append(Diagnostic(file, line, f"field {', '.join(block.duplicate_fields)} given "
                                          f"more than once in '{block.key}'; the first is used, all "
                                          "are kept", "warning", code="duplicate-field"))
        return _entry_segment(block, line, file, doc, diagnostics)
    end = block.start + len(raw)
    if kind == "string":
        if block.key.lower() in doc.strings:
            diagnostics.append(Diagnostic(file, line, f"@string '{block.key}' defined again; "
                                          "the later value is used", "warning", code="duplicate-string"))
        resolved = resolve_value(block.value, doc.strings, file, line, diagnostics)
        doc.strings[block.key.lower()] = resolved
        return Segment.in_text("string", doc.text, block.start, end, line, key=block.key)
    if kind == "failed":
        diagnostics.append(Diagnostic(file, line, f"unparseable block kept verbatim: {block.error}",
                                      code="parse"))
    return Segment.in_text(kind, doc.text, block.start, end, line)


def _resolved(value: str, strings: dict[str, str], file: str, line: int,
              diagnostics: list[Diagnostic], key: str) -> str:
    if value[:1] == "{" and value[-1:] == "}" and "#" not in value:
        return value[1:-1]                          # the common case, without the general parser
    if value.isdigit() and value.isascii():
        return value                                # year = 2020
    return resolve_value(value, strings, file, line, diagnostics, key)


def _entry_segment(block: scanner.Block, line: int, file: str, doc: BibDocument,
                   diagnostics: list[Diagnostic]) -> Segment:
    strings = doc.strings
    if block.offsets is None:       # from bibtexparser's Splitter: the fields as strings
        fields = [(name, value, _resolved(value, strings, file, line, diagnostics, block.key))
                  for name, value in block.fields]
        return Segment("entry", block.raw, line, key=block.key, entry_type=block.entry_type,
                       fields=fields)
    seg = Segment.in_text("entry", doc.text, block.start, block.start + len(block.raw), line, block.key)
    seg.entry_type = block.entry_type
    offsets = block.offsets
    places = array("I" if len(doc.text) < 2**32 else "Q")
    exceptions: dict[int, str] = {}
    names, values = zip(*block.fields) if block.fields else ((), ())
    for i, value in enumerate(values):
        # (the two common cases of _resolved, a braced value and a number, resolve to
        # what Segment computes: only the others are resolved here, a call less a field)
        if not ((value[:1] == "{" and value[-1:] == "}" and "#" not in value)
                or (value.isdigit() and value.isascii())):
            resolved = resolve_value(value, strings, file, line, diagnostics, block.key)
            derived = value[1:-1] if value[:1] == "{" else value     # what Segment computes
            if resolved != derived:
                exceptions[i] = resolved
    # per field: where its name starts, where its value starts and ends (made at C speed)
    value_ats = offsets[1::2]
    places.extend(chain.from_iterable(zip(offsets[0::2], value_ats, map(add, value_ats, map(len, values)))))
    seg._names = _LAYOUTS.setdefault(names, names)
    if len(_LAYOUTS) > 4096:
        _LAYOUTS.clear()
    seg._places = places
    seg._resolved = exceptions or None
    return seg


#: One tuple per distinct list of field names: a file has few layouts, and a tuple per
#: entry cost a third of the input's size (issue 12).  Tuples never change: shared.
_LAYOUTS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _check_gaps(doc: BibDocument, diagnostics: list[Diagnostic]) -> None:
    """Text outside blocks is a comment to BibTeX; an ``@`` there is likely a broken entry."""
    for seg in doc.segments:
        if seg.kind not in ("gap", "text"):
            continue
        raw = seg.raw
        # (only text with an "@" can hold one: the gaps between entries, mostly blank
        # lines, are passed over without a search)
        found = _ENTRY_LIKE.search(raw) if "@" in raw else None
        if found:
            offset = found.start()
            line = seg.line + raw.count("\n", 0, offset)
            diagnostics.append(Diagnostic(doc.file, line, "text that looks like an entry was not "
                                          "read as one (kept verbatim)", "warning", code="parse"))


_ENTRY_LIKE = re.compile(r"(?m)^\s*@\s*(?!comment\b)[A-Za-z]+\s*[{(]", re.I)


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
        ref = EntryReference(seg, doc.file)        # its Source made when read
        seg.ref = ref
        refs.append(ref)
    return refs
