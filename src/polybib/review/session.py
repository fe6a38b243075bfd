"""A review session: the records under review, kept on disk after every change.

Work in progress must survive a reload of the page and a restart of the server, so the
session is saved after every edit, atomically (:func:`polybib.fileio.write_atomic`: the
file holds the old state or the new one, never half of each).  Where it is saved:

* beside the first input file, as ``INPUT.polybib-review.json``, when the review was
  started on files (the work travels with the list it corrects);
* otherwise in the user data folder: ``$POLYBIB_REVIEW_DIR``, else
  ``$XDG_DATA_HOME/polybib/review`` (``~/.local/share/polybib/review``), as
  ``session.json``.

Reading goes through polybib's readers (:func:`polybib.formats.read`), so an upload is
decoded and refused exactly as the CLI would: encodings detected, hostile ``.docx`` and
XML refused.  Exports use polybib's writers.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from .. import formats
from ..errors import PolybibError
from ..fileio import write_atomic
from ..keys import ensure_keys
from ..model import Library
from .records import ReviewRecord

STATE_VERSION = 1
STATE_SUFFIX = ".polybib-review.json"
UNDO_DEPTH = 100
#: The extensions an upload may have, and the reader each one takes.
UPLOAD_FORMATS = {".txt": "text", ".md": "text", ".docx": "text", ".bib": "bibtex",
                  ".json": "csljson", ".ris": "ris"}


class SessionError(ValueError):
    """Input the session refuses (unreadable upload, unknown extension): one line for the page."""


def user_data_dir() -> Path:
    explicit = os.environ.get("POLYBIB_REVIEW_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "polybib" / "review"


def state_path_for(inputs: list[str]) -> Path:
    """Beside the first input when its folder is writable; else in the user data folder,
    named after the input's full path (so two lists of the same name do not share it)."""
    if inputs:
        first = Path(inputs[0])
        beside = first.with_name(first.name + STATE_SUFFIX)
        if beside.exists() or os.access(first.parent if str(first.parent) else ".", os.W_OK):
            return beside
        digest = hashlib.sha256(str(first.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return user_data_dir() / f"{first.name}-{digest}{STATE_SUFFIX}"
    return user_data_dir() / "session.json"


class ReviewSession:
    """The records, their order, and where they are saved.  Thread-safe: the server may
    run handlers concurrently, so every change holds the lock while it edits and saves."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.records: list[ReviewRecord] = []
        self.messages: list[str] = []          # what reading the inputs reported
        self.lock = threading.RLock()
        self.resumed = False                   # opened from a saved review
        self.undo_stack: list[tuple[int, dict]] = []

    # -------------------------------------------------------------- loading

    @classmethod
    def open(cls, inputs: list[str], path: Path | None = None) -> "ReviewSession":
        """The saved session for ``inputs`` if there is one, else the inputs read afresh."""
        session = cls(path or state_path_for(inputs))
        if session.path.is_file():
            session.load()
            session.resumed = True
        elif inputs:
            for name in inputs:
                session.add_library(formats.read(name, _format_of(name)))
            session.save()
        return session

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PolybibError(f"{self.path}:1: cannot read the saved review: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise PolybibError(f"{self.path}:1: not a polybib review file (version {STATE_VERSION})")
        self.records = [ReviewRecord.from_dict(r) for r in data.get("records", [])]
        self.messages = [str(m) for m in data.get("messages", [])]

    def save(self) -> None:
        data = {"version": STATE_VERSION, "messages": self.messages[-200:],
                "records": [r.as_dict() for r in self.records]}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"))

    def add_library(self, library: Library) -> int:
        """Append a library's records (keys made unique across the session)."""
        with self.lock:
            combined = Library([r.ref for r in self.records] + list(library.references))
            ensure_keys(combined)
            self.records.extend(ReviewRecord.from_reference(ref) for ref in library.references)
            self.messages.extend(str(d) for d in library.diagnostics)
            return len(library.references)

    def add_text(self, text: str) -> int:
        """Parse a pasted reference list and append its records."""
        if not text.strip():
            raise SessionError("nothing to import: the text is empty")
        return self._add(lambda: formats.read(text.encode("utf-8"), "text", filename="pasted"))

    def add_upload(self, filename: str, data: bytes) -> int:
        name = os.path.basename(filename.replace("\\", "/")) or "upload"
        suffix = Path(name).suffix.lower()
        if name.lower().endswith(".csl.json"):
            suffix = ".json"
        fmt = UPLOAD_FORMATS.get(suffix)
        if fmt is None:
            raise SessionError(f"{name}: cannot read {suffix or 'files without an extension'}; "
                               f"upload one of {', '.join(sorted(UPLOAD_FORMATS))}")
        return self._add(lambda: formats.read(data, fmt, filename=name))

    def _add(self, read) -> int:
        try:
            library = read()
        except PolybibError as exc:
            raise SessionError(str(exc)) from None
        with self.lock:
            added = self.add_library(library)
            self.save()
            return added

    def clear(self) -> None:
        with self.lock:
            self.records = []
            self.undo_stack = []
            self.messages = []
            self.save()

    # -------------------------------------------------------------- access

    def record(self, index: int) -> ReviewRecord:
        if not 0 <= index < len(self.records):
            raise IndexError(index)
        return self.records[index]

    def remember(self, index: int, snapshot: dict) -> None:
        """Keep a record's state from before an edit, for :meth:`undo` (this server's
        edits only, the last :data:`UNDO_DEPTH`)."""
        self.undo_stack.append((index, snapshot))
        del self.undo_stack[:-UNDO_DEPTH]

    def undo(self) -> int | None:
        """Put back the record the last edit changed; its index, or None when there is none."""
        from .records import ReviewRecord
        with self.lock:
            while self.undo_stack:
                index, snapshot = self.undo_stack.pop()
                if index < len(self.records):
                    self.records[index] = ReviewRecord.from_dict(snapshot)
                    self.save()
                    return index
            return None

    def warm(self) -> None:
        """Compute every record's view now (the server does this before it announces its
        address, so the first page load only sends them)."""
        with self.lock:
            for index, record in enumerate(self.records):
                record.view(index)

    def library(self) -> Library:
        return Library([r.ref for r in self.records])

    # -------------------------------------------------------------- exports

    def export(self, kind: str) -> tuple[bytes, str, str]:
        """(data, media type, file name) of an export: ``bib``, ``json``, ``ris`` or
        ``jsonl`` (the corrected records as labelled references for ``polybib train``)."""
        library = self.library()
        if kind == "bib":
            return formats.write(library, "bibtex"), "application/x-bibtex", "references.bib"
        if kind == "json":
            return formats.write(library, "csljson"), "application/vnd.citationstyles.csl+json", "references.json"
        if kind == "ris":
            return formats.write(library, "ris"), "application/x-research-info-systems", "references.ris"
        if kind == "jsonl":
            lines = [json.dumps(item, ensure_ascii=False) for item in self.corrections()]
            return ("".join(line + "\n" for line in lines)).encode("utf-8"), "application/jsonl", "corrections.jsonl"
        raise SessionError(f"unknown export {kind!r}: bib, json, ris or jsonl")

    def corrections(self) -> list[dict]:
        """Labelled references of the records the user corrected or marked as checked."""
        out = []
        for record in self.records:
            if record.corrected or record.reviewed:
                item = record.labelled()
                if item is not None:
                    out.append(item)
        return out


def _format_of(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return "text" if suffix in (".txt", ".md", ".docx", ".text", ".markdown") else None
