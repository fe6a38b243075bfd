"""Writing a Library as ``.bib``: unchanged entries as they were read, the rest serialised.

Entries read from a ``.bib`` document are written back where they stood, with the text
around them; an entry whose record changed keeps its own layout and the raw text of every
field whose value did not change.  Records from other formats are appended as new
entries in the requested dialect.
"""
from __future__ import annotations

import itertools
import re

from ...fileio import write_pieces
from ...keys import bibtex_keys, is_safe_key
from ...model import Library, Reference
from . import mapping
from .decoding import encode_text
from .document import BibDocument, Segment
from .lazy import EntryReference

#: Field-name spellings that mean the same thing in the two dialects.
ALIASES = [("journaltitle", "journal"), ("location", "address"), ("institution", "school")]


def write_library(library: Library, dialect: str | None = None, ascii: bool = False,
                  forget: bool = False, rewrites: dict | None = None) -> bytes:
    """Serialise ``library``; ``dialect`` None keeps read entries in their own dialect.

    Whatever is written reads back, in BibTeX, biber and polybib alike, as the same
    entries and fields: keys are made safe and unique (:func:`polybib.keys.bibtex_keys`),
    values safe between braces (:mod:`.escape`, :func:`polybib.latex.encode`).
    """
    pieces = _pieces(library, dialect, ascii, forget, rewrites or {})
    first = next(pieces)
    if isinstance(first, bytes):            # the unchanged file's own bytes
        return first
    out = first + "".join(pieces)
    docs = [d for d in library.documents if isinstance(d, BibDocument)]
    if docs:        # the file's own encoding, as the reader announced (decoding.py)
        return encode_text(out, docs[0].encoding, docs[0].bom)
    return out.encode("utf-8")


#: Characters of output gathered before they are encoded and written (streamed writing).
_BATCH = 1 << 16


def stream_library(library: Library, handle, dialect: str | None = None, ascii: bool = False,
                   forget: bool = False, rewrites: dict | None = None) -> None:
    """As :func:`write_library`, written to ``handle`` (binary) piece by piece.

    Why: the whole output as one string, then joined, then encoded, held the output three
    times over next to the read file (a ``--dialect bibtex`` conversion peaked at 14.6x its
    input, issue 12).  Written in batches of a few tens of thousands of characters, a
    conversion holds the read document and one batch.  The bytes are exactly those of
    :func:`write_library` (tests compare the two).  Only UTF-8 output is streamed: a file
    in a code page becomes UTF-8 as a whole when one character does not fit, which is not
    known before the end, so it is encoded whole as before.
    """
    docs = [d for d in library.documents if isinstance(d, BibDocument)]
    if docs and (docs[0].encoding != "utf-8" or docs[0].original is not None):
        handle.write(write_library(library, dialect, ascii, forget, rewrites))
        return
    pieces = _pieces(library, dialect, ascii, forget, rewrites or {})
    first = next(pieces)
    if isinstance(first, bytes):            # unchanged: the document's text, slice by slice
        doc = docs[0]
        if doc.bom:
            handle.write(b"\xef\xbb\xbf")
        text = doc.text
        for at in range(0, len(text), 1 << 20):
            handle.write(text[at:at + (1 << 20)].encode("utf-8"))
        return
    if docs and docs[0].bom:
        handle.write(b"\xef\xbb\xbf")
    write_pieces(handle, itertools.chain([first], pieces), _BATCH)


def _pieces(library: Library, dialect: str | None, ascii: bool, forget: bool, rewrites: dict = {}):
    """The output text in pieces, in order; or, first and alone, the bytes of the one
    unchanged document (written back as read).  ``rewrites``: by ``id`` of an entry's
    segment, (entry type, new, old) field bodies from a caller that changed the entry's
    values without its record (``translit.bibentries``): rewritten from those."""
    docs = [d for d in library.documents if isinstance(d, BibDocument)]
    # each changed entry's record as the entry says it, mapped once: for the change test
    # and again for the rewrite, which keeps the raw text of the fields that did not change
    originals: dict[int, Reference] = {}
    if len(docs) == 1 and len(library.documents) == 1 and dialect is None and not ascii \
            and not rewrites and _unchanged(docs[0], library, originals):
        yield docs[0].data
        return
    present = {id(r) for r in library.references}
    keep_raw = dialect is None and not ascii
    # First the entries written where they stood, so that new keys avoid theirs.
    plan: list[tuple[BibDocument, Segment, bool]] = []
    fixed: list[str] = []
    rekey: list[Reference] = []
    for doc in docs:
        for seg in doc.entries():
            ref = seg.ref
            if ref is None or id(ref) not in present:
                continue
            raw = keep_raw and id(seg) not in rewrites and _unchanged_entry(seg, ref, originals)
            plan.append((doc, seg, raw))
            if raw:
                fixed.append(seg.key)
            elif is_safe_key(ref.id or ""):
                fixed.append(ref.id)
            else:
                rekey.append(ref)
    written = {id(seg.ref) for _, seg, _ in plan}
    new = [r for r in library.references if id(r) not in written]
    keys = dict(zip(map(id, rekey + new), bibtex_keys(rekey + new, fixed)))

    newline = docs[0].newline if docs else "\n"
    raw_entries = {id(seg): raw for _, seg, raw in plan}
    del plan
    # the text so far ends with: (newline * 2, newline, other); "" while nothing is written
    tail = ""
    started = False
    for doc in docs:
        for seg in doc.segments:
            if seg.kind != "entry":
                piece = seg.raw
            elif id(seg) not in raw_entries:
                continue
            elif raw_entries[id(seg)]:
                piece = seg.raw
            else:
                ref = seg.ref
                piece = _rewrite_entry(seg, ref, dialect, ascii, doc.newline,
                                       keys.get(id(ref), ref.id), originals.pop(id(seg), None),
                                       rewrites.get(id(seg)))
                if forget and type(ref) is EntryReference:
                    ref.unmap()
            if piece:
                tail = (tail + piece)[-2 * len(newline):]
                started = True
                yield piece
    if not started:
        yield ""
    if new:
        if started and not tail.endswith(newline * 2):
            yield newline if tail.endswith(newline) else newline * 2
        yield (newline * 2).join(format_entry(r, dialect, ascii, newline, keys[id(r)]) for r in new)
        yield newline


def _unchanged(doc: BibDocument, library: Library, originals: dict[int, Reference]) -> bool:
    entries = doc.entries()
    if len(entries) != len(library.references):
        return False
    return all(seg.ref is ref and _unchanged_entry(seg, ref, originals)
               for seg, ref in zip(entries, library.references))


def _unchanged_entry(seg: Segment, ref: Reference, originals: dict[int, Reference]) -> bool:
    """Whether ``ref`` still says what its entry says.  A mapped record of this very entry
    is compared with the entry mapped afresh (what ``EntryReference.unchanged`` does), and
    that mapping is kept in ``originals`` for :func:`_rewrite_entry`, which needs it too."""
    if type(ref) is EntryReference and ref.mapped and ref.__dict__.get("_segment") is seg:
        original = originals.get(id(seg))
        if original is None:
            original = _original(seg, ref)
        if ref.content() == original.content():
            originals.pop(id(seg), None)      # written as read: nothing to keep it for
            return True
        originals[id(seg)] = original
        return False
    unchanged = getattr(ref, "unchanged", None)
    return bool(unchanged and unchanged())


def _original(seg: Segment, ref: Reference) -> Reference:
    """The record the entry's fields, as read, make."""
    if type(ref) is EntryReference and "_original" in ref.__dict__:
        return ref.original()           # kept when the record was changed in place
    return mapping.entry_to_reference(seg.entry_type, seg.key, seg.values(), ref.source)


def format_entry(ref: Reference, dialect: str | None = "biblatex", ascii: bool = False, newline: str = "\n",
                 key: str | None = None) -> str:
    """A new entry in polybib's own layout: two-space indent, one field a line.

    ``dialect`` None: biblatex, with the field names the record remembers from its source.
    ``key`` defaults to the record's id made safe (:func:`polybib.keys.bibtex_keys`)."""
    fields = mapping.reference_to_fields(ref, dialect, ascii)
    key = key if key is not None else bibtex_keys([ref])[0]
    lines = [f"@{mapping.entry_type_for(ref, dialect)}{{{key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return newline.join(lines)


#: biblatex names and the classic names ``--dialect bibtex`` writes in their place.
_RENAMED = {"journaltitle": ("journal",), "location": ("address",), "institution": ("school",),
            "annotation": ("annote",), "date": ("year", "month", "day")}

_FIELD_LINE = re.compile(r"^([ \t]+)([^\s=]+)([ \t]*)=([ \t]*)", re.M)
_HEADER = re.compile(r"@\s*([^\s{(]+)\s*([{(])")


def _rewrite_entry(seg: Segment, ref: Reference, dialect: str | None, ascii: bool, newline: str,
                   key: str, old_ref: Reference | None = None, given: tuple | None = None) -> str:
    """Re-serialise a changed entry in its own layout, reusing unchanged fields' raw text.

    The entry keeps its own field names, except that classic BibTeX gets its own names
    (``--dialect bibtex`` turns ``journaltitle`` into ``journal``: .bst styles know no other).
    ``old_ref``: the entry's record as read (:func:`_original`), when the caller has it."""
    # a record not mapped yet says what its entry says: its fields as read are its fields
    # now, so they are not mapped and written a second time (``--dialect`` rewrites every
    # entry of a file nobody changed)
    as_read = given is None and old_ref is None and type(ref) is EntryReference and not ref.mapped \
        and ref.unchanged() and ref.__dict__.get("_segment") is seg
    new = dict(given[1]) if given else dict(mapping.reference_to_fields(ref, dialect, ascii))
    fields = seg.fields         # built afresh on each read: read once
    if given:
        old = given[2]
    elif as_read:
        old = dict(new)
    else:
        if old_ref is None:
            old_ref = _original(seg, ref)
        old = dict(mapping.reference_to_fields(old_ref, dialect, ascii))
    if dialect != "bibtex":
        original_names = {name.lower() for name, _, _ in fields}
        _respell(new, original_names)
        _respell(old, original_names)
    indent, width = "  ", 0
    raw = seg.raw               # a slice of the file's text: taken once
    m = _FIELD_LINE.search(raw)
    if m:
        indent = m.group(1)
        if len(m.group(3)) > 1:
            width = len(m.group(2)) + len(m.group(3)) - 1
    def line(name: str, value_text: str) -> str:
        return f"{indent}{name.ljust(width)} = {value_text},"
    entry_type = given[0] if given else mapping.entry_type_for(ref, dialect)
    header = _HEADER.match(raw)
    if header and entry_type.lower() == header.group(1).lower():
        entry_type = header.group(1)          # keep the file's spelling: @Article stays @Article
    opening = header.group(2) if header else "{"
    lines = [f"@{entry_type}{opening}{key},"]
    seen: set[str] = set()
    for name, raw_value, _ in fields:
        low = name.lower()
        if low in seen:
            lines.append(line(name, raw_value))       # a repeated field stays as it was
            continue
        seen.add(low)
        if low not in new:
            for other in (n for n in _RENAMED.get(low, ()) if n in new):   # where the old name stood
                value = new.pop(other)
                keep = low != "date" and old.get(other) == value and (not ascii or raw_value.isascii())
                lines.append(line(other, raw_value if keep else "{" + value + "}"))
            continue
        value = new.pop(low)
        keep = old.get(low) == value and (not ascii or raw_value.isascii())   # --ascii: ASCII only
        lines.append(line(name, raw_value if keep else "{" + _own_italics(value, raw_value) + "}"))
    for name, value in new.items():
        lines.append(line(name, "{" + value + "}"))
    lines.append(")" if opening == "(" else "}")
    return newline.join(lines)


def _own_italics(value: str, raw_value: str) -> str:
    """Italics in the macro the field itself used: a value written ``\\textit{…}`` keeps
    ``\\textit`` when it is rewritten (the encoder writes ``\\emph``)."""
    if "\\emph{" in value and "\\textit{" in raw_value and "\\emph{" not in raw_value:
        return value.replace("\\emph{", "\\textit{")
    return value


def _respell(fields: dict[str, str], original_names: set[str]) -> None:
    """Use the entry's own spelling of a field (``journal``, ``address``, ``year``)."""
    for canonical, alias in ALIASES:
        for a, b in ((canonical, alias), (alias, canonical)):
            if a in fields and a not in original_names and b in original_names and b not in fields:
                fields[b] = fields.pop(a)
    if "date" in fields and "date" not in original_names and "year" in original_names:
        value = fields.pop("date")
        match = re.fullmatch(r"(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
        if match:
            fields["year"] = match.group(1)
            if match.group(2):
                fields["month"] = str(int(match.group(2)))
            if match.group(3):
                fields["day"] = str(int(match.group(3)))
        else:
            fields["year"] = value
