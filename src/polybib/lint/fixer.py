"""Applying fixes: only the spans a fix names change; the rest of the file stays byte-identical.

Fixes are text edits on the decoded file.  Overlapping edits are not applied together:
the first wins and the file is linted again, up to a few rounds (a name fixed for its
comma may then need its initials spaced).

Writing keeps the file what it was:

* its encoding, byte for byte outside the fixes: a file that is not UTF-8 (cp1251,
  Latin-1) is kept as its original bytes with only the fixed spans re-encoded, so even a
  byte its code page leaves undefined survives; a fix whose text the encoding cannot hold
  is not applied, and the outcome says why (:attr:`FixOutcome.refused`);
* a symbolic link stays a link and the file it names is fixed; mode and owner are kept
  (:func:`polybib.fileio.write_atomic`);
* a file with several hard links is not fixed, and the outcome says why: replacing it
  atomically would cut it off from its other names, and writing it in place could leave
  every name half-written.  Fix one name (``cp --remove-destination`` makes it a file of
  its own) or apply ``polybib lint --diff`` with ``patch``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..fileio import write_atomic
from ..formats.bibtex import read as read_bib
from ..formats.bibtex.decoding import encode_text
from .engine import LintResult, lint_libraries
from .findings import Edit, Finding
from .settings import LintSettings

MAX_ROUNDS = 5


@dataclass
class FixOutcome:
    path: str
    original: str
    fixed: str
    applied: list[Finding]
    #: (finding, why) for fixes found but not applied
    refused: list[tuple[Finding, str]] = field(default_factory=list)
    #: the bytes to write: the original bytes with only the fixed spans re-encoded
    data: bytes = b""

    def diff(self) -> str:
        from .linediff import unified_diff      # only --diff needs it
        return unified_diff(self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
                            fromfile=f"a/{self.path.lstrip('/')}", tofile=f"b/{self.path.lstrip('/')}")


def _chosen(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [f for f in findings if f.fix and f.fix.edits and (f.fix.safe or unsafe)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Edits overlap when their spans intersect, or both insert at the same point."""
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_files(result: LintResult, settings: LintSettings, unsafe: bool = False) -> list[FixOutcome]:
    """Compute the fixed text of every file that has applicable fixes (nothing is written)."""
    outcomes = []
    for ctx in result.files:
        if ctx.document is None:
            continue
        document = ctx.document
        original = text = document.text
        source = _SourceBytes(document)
        applied: list[Finding] = []
        refused: list[tuple[Finding, str]] = []
        findings = [f for f in result.findings if f.file == ctx.path]
        for _ in range(MAX_ROUNDS):
            edits: list[Edit] = []
            taken: list[tuple[int, int]] = []
            for f in _chosen(findings, unsafe):
                spans = [(e.start, e.end) for e in f.fix.edits]
                if any(_overlap(span, other) for span in spans for other in taken):
                    continue
                why = source.cannot_hold(f.fix.edits)
                if why:
                    if not any(r[0].code == f.code and r[0].line == f.line for r in refused):
                        refused.append((f, why))
                    continue
                taken.extend(spans)
                edits.extend(f.fix.edits)
                applied.append(f)
            if not edits:
                break
            text = apply_edits(text, edits)
            source.apply(edits)
            library = read_bib(source.data(), ctx.path)
            findings = lint_libraries([(ctx.path, library)], settings).findings
        if text != original or refused:
            outcomes.append(FixOutcome(ctx.path, original, text, applied, refused, source.data()))
    return outcomes


class _SourceBytes:
    """The file's bytes kept beside its text, so fixes change only their own spans.

    A UTF-8 file decodes losslessly, so its bytes are its text encoded.  Other files were
    read as a single-byte code page (one character per byte, undefined bytes read as
    U+FFFD), so character offsets are byte offsets: the original bytes are kept and only
    the replacement texts are encoded."""

    def __init__(self, document):
        self.encoding = document.encoding
        self.bom = encode_text("", self.encoding, True) if document.bom else b""   # its own mark
        self.utf8 = self.encoding.replace("_", "-").lower() in ("utf-8", "utf8")
        self.text = document.text
        body = document.data[len(self.bom):]
        self.pieces = None if self.utf8 else [body[i:i + 1] for i in range(len(body))]
        if self.pieces is not None and len(self.pieces) != len(self.text):
            # not one byte per character after all: fall back to encoding the text
            self.pieces = None

    def cannot_hold(self, edits: list[Edit]) -> str:
        """Why these edits cannot be written in the file's encoding ('' when they can)."""
        if self.utf8:
            return ""
        for e in edits:
            try:
                e.replacement.encode(self.encoding)
            except UnicodeEncodeError as exc:
                bad = exc.object[exc.start:exc.end]
                return (f"its text {bad!r} cannot be written in {self.encoding}, the file's "
                        f"encoding (convert the file to UTF-8 to apply it)")
        return ""

    def apply(self, edits: list[Edit]) -> None:
        self.text = apply_edits(self.text, edits)
        if self.pieces is None:
            return
        for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            self.pieces[e.start:e.end] = [c.encode(self.encoding) for c in e.replacement]

    def data(self) -> bytes:
        if self.pieces is not None:
            return self.bom + b"".join(self.pieces)
        return self.bom + self.text.encode("utf-8" if self.utf8 else self.encoding, errors="strict")


def linked_elsewhere(path: str) -> str:
    """Why ``path`` is not fixed in place: it has other hard links ('' when it has none)."""
    try:
        links = os.stat(path).st_nlink
    except OSError:
        return ""
    if links > 1:
        return (f"not fixed: it has {links} hard links, and replacing it would cut it off from "
                f"the others (make it a file of its own, e.g. cp --remove-destination, or apply "
                f"'polybib lint --diff' with patch)")
    return ""


def write_fixes(outcomes: list[FixOutcome], result: LintResult) -> list[tuple[str, str]]:
    """Write each fixed file; returns (path, why) for the files left as they were."""
    skipped = []
    for outcome in outcomes:
        if outcome.fixed == outcome.original:
            continue
        why = linked_elsewhere(outcome.path)
        if why:
            skipped.append((outcome.path, why))
            continue
        write_atomic(outcome.path, outcome.data)
    return skipped
