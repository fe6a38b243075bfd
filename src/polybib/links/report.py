"""Results for people (one line per finding, ``FILE:LINE:`` first, as compilers do, so
editors jump to it) and for machines (a JSON array, one object per link)."""
from __future__ import annotations

import json
import sys
import threading
import time
from collections import Counter
from typing import IO, Iterable

from ..printable import safe_line
from .model import NOT_CHECKED_NETWORK, OK, STATUSES, LinkResult

#: The keys every JSON object has (the lint and CI scripts rely on them).
JSON_KEYS = ("entry", "field", "url", "status", "http_status", "final_url", "detail", "file", "line",
             "kind", "suggestion", "cached", "hops", "evidence")


def to_json(results: Iterable[LinkResult]) -> str:
    items = []
    for r in results:
        data = r.to_dict()
        items.append({key: data[key] for key in JSON_KEYS})
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def format_line(r: LinkResult) -> str:
    """One result as one printable line (see :func:`polybib.printable.safe_line`)."""
    where = f"{r.file}:{r.line}" if r.line else r.file
    text = f"{where}: {r.status}: {r.entry} {r.field} {r.url}"
    if r.http_status is not None and str(r.http_status) not in r.detail:
        text += f" [HTTP {r.http_status}]"
    if r.detail:
        text += f": {r.detail}"
    if r.suggestion and r.suggestion not in r.detail:
        text += f" (use {r.suggestion})"
    if r.cached:
        text += " (cached)"
    # keys, URLs and a server's page titles: escaped for the terminal and the CI log
    return safe_line(text)


def summary(results: list[LinkResult]) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{counts[s]} {s}" for s in STATUSES if counts[s]]
    text = f"{len(results)} link{'s' if len(results) != 1 else ''} checked: " + (", ".join(parts) or "none")
    note = network_note(results)
    return f"{text}\n{note}" if note else text


def network_note(results: list[LinkResult]) -> str:
    """One line saying that the network was down and how many links went unchecked, or
    ``""`` (for the text report, and for commands to print on stderr)."""
    lost = [r for r in results if r.network_unavailable]
    if not lost:
        return ""
    reason = lost[0].detail[len(NOT_CHECKED_NETWORK):].strip()
    reason = reason[1:reason.index(")")] if reason.startswith("(") and ")" in reason else ""
    return (f"the network seems down{f' ({reason})' if reason else ''}: link checking stopped, "
            f"{len(lost)} of {len(results)} link{'s' if len(results) != 1 else ''} not checked")


def to_text(results: list[LinkResult], show_ok: bool = False) -> str:
    lines = [format_line(r) for r in results if show_ok or r.status != OK]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"


class ProgressBar:
    """``[=====>    ] 120/500 links`` on a terminal's stderr; nothing when not a terminal
    (CI logs get the summary, not hundreds of carriage returns)."""

    def __init__(self, stream: IO[str] | None = None, enabled: bool | None = None, width: int = 30):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.width = width
        self._lock = threading.Lock()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        with self._lock:
            if done < total and now - self._last < 0.1:
                return
            self._last = now
            filled = int(self.width * done / total)
            bar = "=" * filled + (">" if filled < self.width else "") + " " * (self.width - filled - 1)
            self.stream.write(f"\r[{bar[:self.width]}] {done}/{total} links")
            if done >= total:
                self.stream.write("\r" + " " * (self.width + 30) + "\r")
            self.stream.flush()
