"""Splitting a reference list into references.

Numbered lists (``1.``, ``[1]``, ``1)``, numbers of any length) and bulleted ones (``-``,
``*``, ``•``) start a reference at each mark and join wrapped lines to it (undoing
hyphenation at line ends).  A number that is not the next one still starts a reference when
the list skips numbers or restarts at 1 (said in an info diagnostic), unless the reference
above is visibly unfinished (``С. 134-`` wrapped before ``135.``).  An unnumbered line among
numbered ones is a reference of its own when it begins with an author's name after a
finished reference, else a wrapped line: the rule looks at the two lines only, so a list
splits the same way whatever its length.  Blank-line separated paragraphs are one reference
each; a plain list is one reference per line.  Text before the first reference (a
"References" heading) is reported, not parsed.
"""
from __future__ import annotations

import json
import re

from .. import progress
from ..model import Diagnostic, Library, Source
from .parser import LOW_CONFIDENCE, parse_reference

#: A reference's mark: ``[12]``, ``12.``/``12)`` (any length: lists run past 9,999), a bullet.
_MARK = re.compile(r"^\s*(?:\[(?P<b>\d{1,9})\]|(?P<n>\d{1,9})[.)](?=\s)|[-*•–]\s)\s*")
_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:References|Bibliography|Literature|Список\s+(?:использованной\s+)?"
                      r"литературы|Литература|Библиографический список|Список источников)\s*:?\s*$", re.I)
#: The end of a text that cannot be the end of a reference: a dash, hyphen, comma, colon,
#: slash, ``//``, an opening bracket, or an abbreviation that a number follows (``С.``,
#: ``Vol.``, ``№``) — the next line continues it even when it starts with "135." or "12.".
_OPEN_END = re.compile(r"(?:[-–—,:;/(\[&]|\bи|\band|(?:^|[\s(])(?:[СCТTPpSsЧ]|[Сс]с|pp|[Vv]ol|[Nn]o|Nr|Iss|"
                       r"[Вв]ып|[Тт]ом|[Кк]н|[Ee]d|[Ee]ds|Bd|Hft|Jg|№)\.?)$")
#: The start of a line that continues the reference above it rather than beginning one.
_CONTINUATION_START = re.compile(r"^(?:[a-zа-яё0-9(\[/:;,.–—-]|(?:[СCТTPpSЧ]|pp|[Vv]ol|[Nn]o|Nr|Iss|[Вв]ып|"
                                 r"[Тт]ом|Ed|Eds|In|В|URL|DOI|doi|ISBN|ISSN|EDN|Режим|Available|Retrieved)\b|№)")
#: The start of a line that begins a reference with its first author: ``Smith, J.``,
#: ``Газуль С.М.``, ``Holland J H (1992)``, ``van der Berg, A.``.
_AUTHOR_START = re.compile(r"^(?:[a-z]{1,3}\s){0,2}[A-ZА-ЯЁ][\w'’-]+,?\s+(?:[A-ZА-ЯЁ][a-zа-яё]?\.|[A-ZА-ЯЁ]{1,3}\b|\()")
#: How far a number may jump ahead (numbers missing from a list) and still start a reference.
_MAX_GAP = 20


def _join(previous: str, line: str) -> str:
    if re.search(r"[A-Za-zА-Яа-яЁё]-$", previous) and re.match(r"^[a-zа-яё]", line):
        return previous[:-1] + line          # hyphenation across the line end
    if re.search(r"\d[-–—]$", previous) and line[:1].isdigit():
        return previous + line               # a page range broken after its dash
    return previous + " " + line


def _finished(text: str) -> bool:
    """Whether ``text`` can be the whole of a reference (nothing demands a continuation)."""
    return not _OPEN_END.search(text[-12:])


def _starts_reference(value: int, last: int, previous: str) -> bool:
    """Whether a line numbered ``value`` after number ``last`` begins a reference.

    The next number always does.  A number that jumps a little ahead (missing numbers) or
    back to 1 (a restarted list), or repeats, does too — unless the reference above is
    visibly unfinished (``С. 134-`` then ``135.``).  A far jump (``2011.`` at the start of a
    wrapped line) is a continuation.
    """
    if value == last + 1:
        return True
    if not _finished(previous):
        return False
    return value == 1 or value <= last + _MAX_GAP


def _continues(previous: str, line: str) -> bool:
    """Whether an unnumbered line in a numbered list continues the reference above it.

    It does when the reference above is unfinished or the line starts the way wrapped text
    does (lower case, a digit, a dash, an area marker); a line that starts with an author's
    name after a finished reference is a reference of its own, whatever the list's length.
    """
    if not _finished(previous) or _CONTINUATION_START.match(line):
        return True
    return not _AUTHOR_START.match(line)


def split_references(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The references with their first line numbers, and the lines that were not references."""
    refs, skipped, _notes = _split(text)
    return refs, skipped


def _split(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
    """References, skipped lines, and notes on the numbering (gaps, restarts) by line."""
    lines = text.splitlines()
    nonblank = [line for line in lines if line.strip()]
    marked = sum(1 for line in nonblank if _MARK.match(line))
    blank_separated = any(not l.strip() for l in lines[1:-1]) and any(
        lines[i].strip() and lines[i + 1].strip() for i in range(len(lines) - 1))
    if marked >= 1 and (marked >= len(nonblank) // 3 or not blank_separated):
        return _split_marked(lines)
    refs: list = []
    skipped: list[tuple[int, str]] = []
    if blank_separated:
        paragraph: list | None = None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                paragraph = None
                continue
            if _HEADING.match(line):
                skipped.append((number, line.strip()))
                continue
            if paragraph is None:
                paragraph = [number, line.strip()]
                refs.append(paragraph)  # type: ignore[arg-type]
            else:
                paragraph[1] = _join(paragraph[1], line.strip())
        return [(n, t) for n, t in refs], skipped, []
    for number, line in enumerate(lines, 1):
        if line.strip():
            if _HEADING.match(line) and len(lines) > 1:
                skipped.append((number, line.strip()))
            else:
                refs.append((number, line.strip()))
    return refs, skipped, []


def _split_marked(lines: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
    """A numbered or bulleted list: a reference at each mark, wrapped lines joined to it."""
    refs: list[list] = []
    skipped: list[tuple[int, str]] = []
    notes: list[tuple[int, str]] = []
    last = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        mark = _MARK.match(line)
        digits = mark and (mark.group("b") or mark.group("n"))
        value = int(digits) if digits else None
        if mark and value is not None and refs and value != last + 1:
            if _starts_reference(value, last, refs[-1][1]):
                notes.append((number, f"numbering goes from {last} to {value}" if value != 1
                              else f"numbering restarts at 1 (after {last})"))
            else:
                mark = None                 # "135." wrapped from "С. 134-": not the next number
        body = line.strip()
        if mark:
            last = value if value is not None else last
            refs.append([number, _MARK.sub("", line, count=1).strip()])
        elif refs and _continues(refs[-1][1], body):
            refs[-1][1] = _join(refs[-1][1], body)
        elif refs or (_AUTHOR_START.match(body) and not _HEADING.match(body)):
            refs.append([number, body])     # an unnumbered reference among numbered ones
        else:
            skipped.append((number, body))
    return [(n, t) for n, t in refs], skipped, notes


def low_confidence_fields(ref) -> list[str]:
    """The fields the labeller flagged (``custom["polybib.low-confidence-fields"]``)."""
    raw = ref.extra.get("csl.custom")
    if not raw or "polybib.low-confidence-fields" not in raw:
        return []
    try:
        return list(json.loads(raw).get("polybib.low-confidence-fields", []))
    except (ValueError, AttributeError):
        return []


def parse_list(text: str, file: str = "<memory>") -> Library:
    library = Library()
    refs, skipped, notes = _split(text)
    for number, note in notes:
        library.diagnostics.append(Diagnostic(file, number, f"{note}: read as a new reference", "info",
                                              code="numbering"))
    for number, line in skipped:
        library.diagnostics.append(Diagnostic(file, number, f"not a reference, not parsed: {line[:80]}",
                                              "info", code="skipped-text"))
    for number, ref_text in progress.each(refs, f"parsing {file}", unit="references"):
        ref = parse_reference(ref_text, Source(file, number, "", "text"))
        library.references.append(ref)
        confidence = float(ref.extra.get("polybib.low-confidence", "1"))
        field_confidence = min(ref.confidence.values(), default=1.0)
        if not re.search(r"[^\W_]", ref_text):
            library.diagnostics.append(Diagnostic(file, number, f"not a reference (no letters or digits), "
                                                  f"kept in note: {ref_text[:80]}", "error", code="unparsable"))
            ref.fields["note"] = ref_text
            ref.fields.pop("title", None)
        elif ref.get("note") and field_confidence < 0.9:
            library.diagnostics.append(Diagnostic(file, number, f"low confidence ({field_confidence:.2f}); text no "
                                                  f"field claimed is kept in note: {ref['note'][:80]}",
                                                  "warning", code="low-confidence"))
        elif "title" not in ref.fields:
            library.diagnostics.append(Diagnostic(file, number, "no title found; check this record",
                                                  "warning", code="low-confidence"))
        elif confidence < LOW_CONFIDENCE:
            library.diagnostics.append(Diagnostic(file, number, f"low confidence ({confidence:.2f}): little "
                                                  f"besides a title was recognised; check this record",
                                                  "warning", code="low-confidence"))
        elif unsure := low_confidence_fields(ref):
            library.diagnostics.append(Diagnostic(file, number, "the parser is unsure of "
                                                  + ", ".join(f"{f} ({ref.confidence.get(f, 0):.2f})" for f in unsure)
                                                  + "; check these fields", "warning", code="low-confidence"))
    return library
