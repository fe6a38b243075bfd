"""Applying fixes: only the spans a fix names change; the rest of the file stays byte-identical.

Fixes are text edits on the decoded file.  Overlapping edits are not applied together:
the first wins and the file is linted again, up to a few rounds (a name fixed for its
comma may then need its initials spaced).  Files are written atomically, in the encoding
they were read in.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

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

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.original.splitlines(keepends=True),
                                            self.fixed.splitlines(keepends=True),
                                            fromfile=f"a/{self.path.lstrip('/')}",
                                            tofile=f"b/{self.path.lstrip('/')}"))


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
        original = text = ctx.document.text
        applied: list[Finding] = []
        findings = [f for f in result.findings if f.file == ctx.path]
        for _ in range(MAX_ROUNDS):
            edits: list[Edit] = []
            taken: list[tuple[int, int]] = []
            for f in _chosen(findings, unsafe):
                spans = [(e.start, e.end) for e in f.fix.edits]
                if any(_overlap(span, other) for span in spans for other in taken):
                    continue
                taken.extend(spans)
                edits.extend(f.fix.edits)
                applied.append(f)
            if not edits:
                break
            text = apply_edits(text, edits)
            library = read_bib(_encode(text, ctx.document), ctx.path)
            findings = lint_libraries([(ctx.path, library)], settings).findings
        if text != original:
            outcomes.append(FixOutcome(ctx.path, original, text, applied))
    return outcomes


def _encode(text: str, document) -> bytes:
    """The file's own encoding and byte-order mark (UTF-16 too), so untouched bytes stay
    the same (UTF-8 if a fix needs it)."""
    return encode_text(text, document.encoding, document.bom)


def write_fixes(outcomes: list[FixOutcome], result: LintResult) -> None:
    documents = {ctx.path: ctx.document for ctx in result.files}
    for outcome in outcomes:
        write_atomic(outcome.path, _encode(outcome.fixed, documents[outcome.path]))
