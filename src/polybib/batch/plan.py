"""The plan of a batch: which bytes of which input make each partition.

Partitions are cut by size, not by file: a large file is cut into byte ranges that begin
where a record begins (a reference of a text list, an ``@entry`` of a ``.bib``, a ``TY``
of RIS, a line of JSON Lines), and small files are grouped until a partition holds about
``target`` bytes.  Each cut is found with the format's own notion of a record start, so a
slice read on its own gives the records the whole file gives (the reader is the same one
``polybib import`` and ``convert`` use; only the line numbers are shifted back by where
the slice starts).

A file is kept whole, whatever its size, when cutting it could change what its records
say: a ``.bib`` with ``@string`` macros or ``crossref``/``xdata`` links (its entries depend
on each other), a CSL-JSON array (one JSON value: use JSON Lines for large collections),
a ``.docx``, and any file that is not plain UTF-8 or uses line breaks other than ``\\n``
and ``\\r\\n`` (its decoding and line numbers are decided by the whole file).

The plan's hash covers every slice's bytes and the options that shape the outputs, so a
rerun knows which partitions it has already written (see :mod:`.manifest`).
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field

from .. import formats
from ..errors import InputError

#: Bytes a partition aims at (a text list of ~4 MB is ~20,000 references).
DEFAULT_PARTITION_BYTES = 4 * 1024 * 1024

#: Extensions read as JSON Lines: one CSL-JSON item per line.
JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")

#: Line breaks other than \n and \r\n (str.splitlines and the RIS reader break lines there
#: too): a file with one is not cut, so line numbers are counted as its reader counts them.
_ODD_BREAKS = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
_BIB_LINKED = re.compile(rb"@\s*string\b|\bcrossref\b|\bxdata\b", re.IGNORECASE)
_RIS_END = re.compile(rb"^ER[ \t]{1,2}-[^\n]*\n", re.MULTILINE)
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Slice:
    """Bytes ``start``–``end`` of one input, whose first line is line ``line`` of it."""

    path: str          # as the user named it (what diagnostics show)
    abspath: str       # what a worker opens
    format: str        # bibtex | csljson | ris | text | jsonl
    start: int
    end: int
    line: int
    digest: str        # BLAKE2b of the bytes

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class Partition:
    index: int
    slices: list[Slice] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def size(self) -> int:
        return sum(s.size for s in self.slices)

    def digest(self) -> str:
        h = hashlib.blake2b(digest_size=16)
        for s in self.slices:
            h.update(f"{s.path}\0{s.format}\0{s.start}\0{s.end}\0{s.line}\0{s.digest}\n".encode())
        return h.hexdigest()

    def as_dict(self) -> dict:
        return {"name": self.name, "digest": self.digest(), "bytes": self.size,
                "slices": [{k: v for k, v in asdict(s).items() if k != "abspath"} for s in self.slices]}


def expand_inputs(patterns: list[str]) -> list[str]:
    """Files named or matched by glob patterns (``refs/**/*.bib``), in the order given,
    each once.  A pattern that matches nothing, or a missing file, is an input error."""
    out: list[str] = []
    seen: set[str] = set()
    for pattern in patterns:
        if _GLOB_CHARS.search(pattern) and not os.path.exists(pattern):
            matches = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
            if not matches:
                raise InputError("no file matches this pattern", file=pattern)
        else:
            if not os.path.exists(pattern):
                raise InputError("no such file", file=pattern)
            if os.path.isdir(pattern):
                raise InputError("is a directory, not a file (give a glob: DIR/**/*.bib)", file=pattern)
            matches = [pattern]
        for path in matches:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def input_format(path: str) -> str:
    """The reader of a file by its extension; text for anything unknown (as ``import``)."""
    if path.lower().endswith(JSONL_EXTENSIONS):
        return "jsonl"
    return formats.format_for_path(path, "text").name


def plan(inputs: list[str], target: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """The partitions of ``inputs`` (files, in order), each about ``target`` bytes."""
    target = max(1, target)
    partitions: list[Partition] = []
    current = Partition(0)
    for path in inputs:
        for piece in slice_file(path, target):
            if current.slices and current.size + piece.size > target:
                partitions.append(current)
                current = Partition(len(partitions))
            current.slices.append(piece)
    if current.slices:
        partitions.append(current)
    return partitions


def slice_file(path: str, target: int) -> list[Slice]:
    """``path`` cut into slices of about ``target`` bytes on record starts (or whole)."""
    fmt = input_format(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    cuts = _cuts(data, fmt, target) if len(data) > target and _cuttable(data, fmt) else []
    bounds = [0, *cuts, len(data)]
    out = []
    line = 1
    for start, end in zip(bounds, bounds[1:]):
        out.append(Slice(path, os.path.abspath(path), fmt, start, end, line,
                         hashlib.blake2b(data[start:end], digest_size=16).hexdigest()))
        line += data.count(b"\n", start, end)
    return out


def _cuttable(data: bytes, fmt: str) -> bool:
    if fmt not in ("text", "bibtex", "ris", "jsonl") or data[:2] == b"PK":
        return False
    if data.startswith(b"\xef\xbb\xbf") or data.count(b"\r") != data.count(b"\r\n"):
        return False
    if any(mark in data for mark in _ODD_BREAKS):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not (fmt == "bibtex" and _BIB_LINKED.search(data))


def _cuts(data: bytes, fmt: str, target: int) -> list[int]:
    """Byte offsets where slices start (besides 0), about ``target`` apart."""
    finder = {"text": _text_starts, "bibtex": _bib_starts, "ris": _ris_starts, "jsonl": _line_starts}[fmt]
    cuts: list[int] = []
    last = 0
    for offset in finder(data):
        if offset - last >= target and offset < len(data):
            cuts.append(offset)
            last = offset
    return cuts


def _line_offsets(data: bytes) -> list[int]:
    """The byte offset of each line's start (index 0 is line 1)."""
    return [0, *(m.end() for m in re.finditer(b"\n", data))]


def _line_starts(data: bytes):
    return (m.end() for m in re.finditer(b"\n", data))


def _text_starts(data: bytes):
    """Where references start, as the splitter of ``polybib import`` finds them (numbered
    and bulleted lists, paragraphs, one reference per line): at the first line of each."""
    from ..refparse import split_references

    refs, _skipped = split_references(data.decode("utf-8"))
    offsets = _line_offsets(data)
    for number, _text in refs[1:]:
        yield offsets[number - 1]


def _bib_starts(data: bytes):
    """Just after an entry's last line, where the braces are balanced: the comments and
    ``% polybib: noqa`` lines above the next entry go with it."""
    depth_from, depth = 0, 0
    for m in re.finditer(rb"\n@", data):
        at = m.start() + 1
        depth += data.count(b"{", depth_from, at) - data.count(b"}", depth_from, at)
        depth_from = at
        if depth != 0:
            continue
        start = at
        while start > 0:                  # back over blank lines and % comments
            previous = data.rfind(b"\n", 0, start - 1) + 1
            line = data[previous:start].strip()
            if line and not line.startswith(b"%"):
                break
            start = previous
        if start > 0:
            yield start


def _ris_starts(data: bytes):
    return (m.end() for m in _RIS_END.finditer(data))


def plan_digest(partitions: list[Partition], settings: dict) -> str:
    """One hash for the plan and the settings that shape its outputs."""
    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps(settings, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for p in partitions:
        h.update(p.digest().encode())
    return h.hexdigest()
