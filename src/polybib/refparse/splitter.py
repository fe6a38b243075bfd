"""Splitting a reference list into references.

Numbered lists (``1.``, ``[1]``, ``1)``) and bulleted ones (``-``, ``*``, ``•``) start a
reference at each mark and join wrapped lines to it (undoing hyphenation at line ends);
blank-line separated paragraphs are one reference each; a plain list is one reference per
line.  Text before the first numbered reference (a "References" heading) is not a
reference; it is reported, not parsed.
"""
from __future__ import annotations

import re

from ..model import Diagnostic, Library, Source
from .parser import LOW_CONFIDENCE, parse_reference

_MARK = re.compile(r"^\s*(?:\[(?P<b>\d+)\]|(?P<n>\d{1,4})[.)](?=\s)|[-*•–]\s)\s*")
_HEADING = re.compile(r"^\s*(?:#+\s*)?(?:References|Bibliography|Literature|Список\s+(?:использованной\s+)?"
                      r"литературы|Литература|Библиографический список|Список источников)\s*:?\s*$", re.I)


def _join(previous: str, line: str) -> str:
    if re.search(r"[A-Za-zА-Яа-яЁё]-$", previous) and re.match(r"^[a-zа-яё]", line):
        return previous[:-1] + line          # hyphenation across the line end
    if re.search(r"\d[-–—]$", previous) and line[:1].isdigit():
        return previous + line               # a page range broken after its dash
    return previous + " " + line


def split_references(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The references with their first line numbers, and the lines that were not references."""
    lines = text.splitlines()
    marked = sum(1 for line in lines if _MARK.match(line))
    refs: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    if marked >= 1 and marked >= len([l for l in lines if l.strip()]) // 3:
        current: list | None = None
        last = 0
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            mark = _MARK.match(line)
            value = mark and (mark.group("b") or mark.group("n"))
            if mark and value and last and int(value) != last + 1:
                mark = None                 # "135." wrapped from "С. 134-": not the next number
            if mark:
                last = int(value) if value else last
                current = [number, _MARK.sub("", line, count=1).strip()]
                refs.append(current)  # type: ignore[arg-type]
            elif current is not None or refs:
                target = current if current is not None else refs[-1]
                target[1] = _join(target[1], line.strip())
            else:
                skipped.append((number, line.strip()))
        return [(n, t) for n, t in refs], skipped
    blank_separated = any(not l.strip() for l in lines[1:-1]) and any(
        lines[i].strip() and lines[i + 1].strip() for i in range(len(lines) - 1))
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
        return [(n, t) for n, t in refs], skipped
    for number, line in enumerate(lines, 1):
        if line.strip():
            if _HEADING.match(line) and len(lines) > 1:
                skipped.append((number, line.strip()))
            else:
                refs.append((number, line.strip()))
    return refs, skipped


def parse_list(text: str, file: str = "<memory>") -> Library:
    library = Library()
    refs, skipped = split_references(text)
    for number, line in skipped:
        library.diagnostics.append(Diagnostic(file, number, f"not a reference, not parsed: {line[:80]}",
                                              "info", code="skipped-text"))
    for number, ref_text in refs:
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
    return library
