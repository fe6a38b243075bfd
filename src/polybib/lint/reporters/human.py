"""For people: each finding with its source line and a caret, then a summary."""
from __future__ import annotations

from collections import Counter

from ...printable import escape_controls, safe_line

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(result, color: bool = False) -> str:
    return "".join(pieces(result, color))


def pieces(result, color: bool = False):
    """The report in pieces, one per finding, then the summary line: written as made, a
    large file's report is never held whole, nor twice as text and bytes (issue 12)."""
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines_by_file = {ctx.path: ctx.lines for ctx in result.files}
    for f in result.findings:
        where = safe_line(f"{f.file}:{f.line}:{f.column}")
        out = [f"{paint(where, BOLD)}: "
               f"{paint(f.code, COLORS.get(f.severity, ''))} [{f.name}] {f.severity}: {escape_controls(f.message)}"]
        lines = lines_by_file.get(f.file)
        source = escape_controls(lines.source_line(f.line)) if lines else ""
        if source:
            number = str(f.line)
            column = _column_of(source, f)
            out.append(f"  {paint(number, DIM)} | {source}")
            out.append(f"  {' ' * len(number)} | {' ' * (column - 1)}{paint('^', COLORS.get(f.severity, ''))}")
        if f.fix:
            kind = "safe fix" if f.fix.safe else "unsafe fix"
            out.append(f"  = {kind}: {escape_controls(f.fix.description)}")
        out.append("\n")
        yield "\n".join(out)
    yield summary(result) + "\n"


def _column_of(source: str, finding) -> int:
    """The finding's column, or the first non-blank character of the line."""
    if finding.column > 1:
        return finding.column
    return len(source) - len(source.lstrip()) + 1


def summary(result) -> str:
    if not result.findings:
        checked = sum(len(ctx.entries) for ctx in result.files)
        return f"All clear: {checked} entries in {len(result.files)} file(s), no findings."
    by_severity = Counter(f.severity for f in result.findings)
    fixable = sum(1 for f in result.findings if f.fix and f.fix.safe)
    parts = [f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 else ''}"
             for s in ("error", "warning", "info") if by_severity[s]]
    text = f"Found {len(result.findings)} finding(s): {', '.join(parts)}."
    if fixable:
        text += f" {fixable} fixable with --fix."
    return text
