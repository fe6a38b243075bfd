"""What a lint rule reports: a Finding, with an optional Fix made of text edits."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)     # slotted, as Finding is: one per fix of a large file
class Edit:
    """Replace ``text[start:end]`` of the file (decoded text offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Fix:
    description: str
    safe: bool
    edits: list[Edit] = field(default_factory=list)

    def as_dict(self, original: str = "") -> dict:
        return {"description": self.description, "safe": self.safe,
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement,
                           **({"original": original[e.start:e.end]} if original else {})}
                          for e in self.edits]}


@dataclass(slots=True)       # a large file has tens of thousands (issue 12)
class Finding:
    code: str
    name: str
    severity: str
    file: str
    line: int
    message: str
    entry: str | None = None
    field: str | None = None
    column: int = 1
    end_line: int = 0
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code)

    def as_dict(self, original: str = "") -> dict:
        return {"code": self.code, "name": self.name, "severity": self.severity,
                "file": self.file, "line": self.line, "column": self.column,
                "entry": self.entry, "field": self.field, "message": self.message,
                "fix": self.fix.as_dict(original) if self.fix else None}
