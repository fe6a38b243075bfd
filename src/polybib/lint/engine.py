"""Running the rules over files: selection, inheritance, suppressions, severities."""
from __future__ import annotations


import os
import re
from dataclasses import dataclass, field

from .. import formats, progress
from ..formats.bibtex.document import BibDocument
from ..formats.bibtex.inheritance import inherit_fields, xdata_fields
from ..formats.bibtex.lazy import EntryReference
from ..formats.bibtex.names import names_remembered
from ..gcpause import gc_paused
from ..model import Library
from .context import FileContext, RunContext, build_file_context, lower_all
from .findings import Finding, severity_rank
from .record import names_shared
from .registry import RULES, rule
from .settings import LintSettings

#: ``% polybib: noqa`` or ``% polybib: noqa V003, N003`` on the lines right above an entry.
_NOQA = re.compile(r"^\s*%\s*polybib:\s*noqa\b(?::?\s*(?P<codes>[A-Za-z0-9,\s]+))?\s*$", re.I)


@dataclass
class Suppression:
    file: str
    line: int
    entry: str
    codes: list[str]          # empty: every rule
    used: set[str] = field(default_factory=set)


@dataclass
class LintResult:
    findings: list[Finding]
    files: list[FileContext]

    def worst(self) -> str | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=severity_rank)


@rule("P001", "unused-suppression", "warning", scope="run")
def unused_suppression(run: RunContext):
    """A ``% polybib: noqa`` comment no longer suppresses anything.

    Why: stale suppressions hide the next real problem in that entry and tell readers
    something that is not true.
    Example: ``% polybib: noqa V003`` above an entry whose pages are already ``12--15``.
    Use instead: delete the comment (or the codes in it that no longer fire).
    """
    return ()  # the engine reports these once every other rule has run


def read_file(path: str, from_format: str | None = None) -> Library:
    library = formats.read(path, from_format)
    if not any(isinstance(d, BibDocument) for d in library.documents):
        from ..keys import ensure_keys   # (keys bring the transliteration tables: not for .bib)
        ensure_keys(library)         # records parsed from text have no key yet: name them
    return library


def lint_libraries(libraries: list[tuple[str, Library]], settings: LintSettings,
                   link_results: list | None = None, earlier: dict | None = None) -> LintResult:
    """Lint already-read libraries (one per file); ``earlier``: see ``RunContext.earlier``."""
    files = lint_contexts(libraries)
    run = RunContext(files, settings, link_results or [], earlier or {})
    rules = settings.rules()
    raw: list[Finding] = []
    # Entry by entry, every entry rule in turn: what the rules derive from one entry (its
    # record, scripts, field places) is then computed once and still at hand.
    extend = raw.extend
    # a file names the same people again and again: each name text read once (for the
    # file's own records, which a rule may map) and one Name per text in lint's records
    with names_remembered(), names_shared():
        _entry_pass(files, [r for r in rules if r.scope == "entry" and r.code != "P001"], settings, extend)
    for r in rules:
        if r.scope != "entry" and r.code != "P001":
            extend(r.func(run))
    suppressions = {(s.file, s.entry.lower()): s for ctx in files for s in _suppressions(ctx)}
    kept: list[Finding] = []
    for f in raw:
        if settings.ignored_in(f.file, f.code):
            continue
        s = suppressions.get((f.file, (f.entry or "").lower()))
        if s and (not s.codes or f.code in s.codes):
            s.used.add(f.code)
            continue
        r = RULES[f.code]
        f.severity = settings.severity_of(r) if f.severity == r.severity else f.severity
        kept.append(f)
    if any(r.code == "P001" for r in rules):
        for s in suppressions.values():
            unused = [c for c in s.codes if c not in s.used] if s.codes else ([] if s.used else ["(all)"])
            if unused and not settings.ignored_in(s.file, "P001"):
                kept.append(Finding("P001", "unused-suppression", settings.severity_of(RULES["P001"]),
                                    s.file, s.line, f"suppression of {', '.join(unused)} for "
                                    f"'{s.entry}' matches no finding", entry=s.entry))
    kept.sort(key=Finding.sort_key)
    return LintResult(kept, files)


def _entry_pass(files: list[FileContext], entry_rules: list, settings: LintSettings, extend) -> None:
    """Every entry rule on every entry, entry by entry; then each entry keeps for the
    run-wide rules what they read (:meth:`EntryView.keep_for_run`)."""
    every = [r.func for r in entry_rules]
    # The rules a .bib entry is handed to, by its field names as written: those that need
    # none of its fields, or one it has.  A file has few layouts, so this is decided once
    # per layout, and most rules (a date rule, an ISBN rule …) skip most entries uncalled.
    by_layout: dict[tuple[str, ...], list] = {}
    shared: dict = {}           # equal name lists and dates, one object for the run
    for ctx in files:
        for entry in progress.each(ctx.entries, f"linting {os.path.basename(ctx.path)}"):
            seg, ref = entry.segment, entry.ref
            if seg is None or type(ref) is not EntryReference or ref.mapped:
                funcs = every       # a record mapped (perhaps changed) before lint: every rule
            else:
                names = seg.names
                funcs = by_layout.get(names)
                if funcs is None:
                    have = set(lower_all(names))
                    funcs = by_layout[names] = [r.func for r in entry_rules
                                                if not r.fields or not r.fields.isdisjoint(have)]
            for func in funcs:
                extend(func(entry, settings))
            entry.keep_for_run(shared)     # the run-wide rules need a few variables, not the record
    # (returning frees the index of shared values, a tuple per distinct name, for the
    # run-wide rules to reuse: what it shares stays in the kept records)


def lint_contexts(libraries: list[tuple[str, Library]]) -> list[FileContext]:
    """The entries lint sees in each library, inherited fields filled in."""
    files = [build_file_context(path, library) for path, library in libraries]
    _fill_inherited(files)
    return files


def lint_paths(paths: list[str], settings: LintSettings, from_format: str | None = None,
               link_results: list | None = None) -> LintResult:
    with gc_paused():
        return lint_libraries([(p, read_file(p, from_format)) for p in paths], settings, link_results)


def _suppressions(ctx: FileContext):
    if ctx.document is None:
        return
    previous_text = ""
    for seg in ctx.document.segments:
        if seg.kind == "entry":
            lines = previous_text.rstrip("\n\r ").splitlines()
            codes: list[str] | None = None
            line_no = seg.line
            for back, text in enumerate(reversed(lines)):
                m = _NOQA.match(text)
                if not m:
                    break
                found = [c.upper() for c in re.split(r"[,\s]+", m.group("codes") or "") if c]
                codes = (codes or []) + found if found or codes else []
                line_no = seg.line - back - 1
            if codes is not None:
                yield Suppression(ctx.path, line_no, seg.key, codes)
            previous_text = ""
        else:
            previous_text += seg.raw


def _fill_inherited(files: list[FileContext]) -> None:
    """Fields an entry gets from its ``crossref``/``xdata`` parents, by biblatex's rules
    (:mod:`polybib.formats.bibtex.inheritance`: a periodical's title is an article's
    journaltitle, a book's a chapter's booktitle, nested parents first)."""
    by_key = {e.key.lower(): e for ctx in files for e in ctx.entries}
    done: dict[int, list[tuple[str, str]]] = {}

    def effective(entry, active: frozenset) -> list[tuple[str, str]]:
        if id(entry) in done:
            return done[id(entry)]
        fields = [(name, "") for name in entry.values]
        if entry.key.lower() in active:        # a cycle: what the entry has itself
            return fields
        active = active | {entry.key.lower()}
        for target in (entry.value("xdata") or "").split(","):
            parent = by_key.get(target.strip().lower())
            if parent is not None and parent is not entry:
                fields += xdata_fields((n for n, _ in fields), effective(parent, active))
        target = (entry.value("crossref") or "").split(",")[0].strip().lower()
        parent = by_key.get(target)
        if parent is not None and parent is not entry:
            fields += inherit_fields(entry.entry_type, (n for n, _ in fields), parent.entry_type,
                                     effective(parent, active))
        done[id(entry)] = fields
        return fields

    for ctx in files:
        for entry in ctx.entries:
            if entry.has("crossref") or entry.has("xdata"):
                entry.inherited = {name for name, _ in effective(entry, frozenset())
                                   if name not in entry.values}
    # ``effective`` calls itself, so it and all it holds (an index of every key) form a
    # cycle, which lint's paused collector would keep for the whole run: break it.
    del effective
