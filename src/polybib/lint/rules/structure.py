"""S: the structure of a .bib file — keys, blocks, entry types, required fields, macros."""
from __future__ import annotations

from functools import lru_cache

from ...formats.bibtex.mapping import TYPE_TO_CSL
from ..context import EntryView, RunContext, finding
from ..findings import Finding
from ..registry import rule

#: biblatex's required fields per entry type; "a|b" means either will do.
REQUIRED = {
    "article": ["author", "title", "journaltitle|journal", "date|year"],
    "book": ["author|editor", "title", "date|year"],
    "mvbook": ["author|editor", "title", "date|year"],
    "inbook": ["author", "title", "booktitle", "date|year"],
    "bookinbook": ["author", "title", "booktitle", "date|year"],
    "suppbook": ["author", "title", "booktitle", "date|year"],
    "booklet": ["author|editor", "title", "date|year"],
    "collection": ["editor", "title", "date|year"],
    "mvcollection": ["editor", "title", "date|year"],
    "incollection": ["author", "title", "booktitle", "date|year"],
    "suppcollection": ["author", "title", "booktitle", "date|year"],
    "manual": ["author|editor", "title", "date|year"],
    "misc": ["author|editor", "title", "date|year"],
    "online": ["author|editor", "title", "date|year|urldate", "url|doi|eprint"],
    "patent": ["author", "title", "number", "date|year"],
    "periodical": ["editor", "title", "date|year"],
    "proceedings": ["title", "date|year"],
    "mvproceedings": ["title", "date|year"],
    "inproceedings": ["author", "title", "booktitle", "date|year"],
    "reference": ["editor", "title", "date|year"],
    "mvreference": ["editor", "title", "date|year"],
    "inreference": ["author", "title", "booktitle", "date|year"],
    "report": ["author", "title", "type", "institution", "date|year"],
    "techreport": ["author", "title", "institution", "date|year"],
    "thesis": ["author", "title", "type", "institution|school", "date|year"],
    "phdthesis": ["author", "title", "school|institution", "date|year"],
    "mastersthesis": ["author", "title", "school|institution", "date|year"],
    "unpublished": ["author", "title", "date|year"],
    "software": ["author|editor", "title", "date|year"],
    "dataset": ["author|editor", "title", "date|year"],
}
#: Entry types that are containers of data, not works (no required fields of their own).
DATA_TYPES = {"xdata", "set"}


@rule("S001", "duplicate-key", "error", scope="run")
def duplicate_key(run: RunContext):
    """Two entries share a citation key (BibTeX compares keys without case).

    Why: BibTeX and biber keep only one of them, so one work silently disappears from
    the bibliography and every citation of the other points at the wrong work.
    Example: ``@book{Ivanov2001, …}`` and ``@article{ivanov2001, …}``.
    Use instead: distinct keys, e.g. ``ivanov2001a`` and ``ivanov2001b``.
    """
    first: dict[str, EntryView] = {}
    for entry in run.entries():
        folded = entry.key.lower()
        if not folded:
            continue
        if folded in first:
            other = first[folded]
            where = f"line {other.line}" if other.file == entry.file else f"{other.file}:{other.line}"
            yield finding(duplicate_key, entry, f"key '{entry.key}' is already used by the entry at {where}")
        else:
            first[folded] = entry


@rule("S002", "unparseable-block", "error", scope="run")
def unparseable_block(run: RunContext):
    """A block of the file could not be parsed; it is kept verbatim but not read.

    Why: BibTeX skips such a block (often with every entry after it until the braces
    balance), so references go missing without a word.
    Example: ``@article{key, title = {Unclosed, year = 2003`` (a brace never closed).
    Use instead: balance the braces and quotes; give every field a value and a comma.
    """
    for ctx in run.files:
        for diag in ctx.library.diagnostics:
            if diag.code == "parse" and diag.severity == "error":
                yield Finding(unparseable_block.rule.code, unparseable_block.rule.name, "error",
                              ctx.path, diag.line, diag.message)


@lru_cache(maxsize=None)
def _alternatives(required: str) -> tuple[str, ...]:
    """``journaltitle|journal`` → its field names (asked for every entry)."""
    return tuple(required.split("|"))


@rule("S003", "missing-required-field", "warning")
def missing_required_field(entry: EntryView, config=None):
    """An entry lacks a field its type requires (biblatex's data model).

    Why: styles print an incomplete reference, or biber warns and a GOST style leaves
    the area out; reviewers notice.
    Example: ``@article{k, author = {…}, title = {…}}`` has no journal and no date.
    Use instead: add the field (``journaltitle``, ``date``), or a more fitting type.
    Fields inherited through ``crossref``/``xdata`` count as present, under the names
    biblatex gives them (a periodical's title is an article's journaltitle); a volume or a
    chapter of a multi-volume work that inherits only its ``maintitle`` is not missing a
    title or booktitle (biblatex prints the main title and the volume).
    """
    if not entry.entry_type or entry.entry_type in DATA_TYPES:
        return
    required = (getattr(config, "required_fields", None) or {}).get(entry.entry_type) \
        or REQUIRED.get(entry.entry_type)
    if not required:
        return
    values, inherited = entry.values, entry.inherited
    for alternatives in required:
        names = _alternatives(alternatives)
        for n in names:             # (a loop, not any() over a generator: every entry asks)
            if n in values or n in inherited:
                break
        else:
            if "maintitle" in inherited and not {"title", "booktitle"}.isdisjoint(names):
                continue
            yield finding(missing_required_field, entry,
                          f"@{entry.entry_type} '{entry.key}' has no {' or '.join(names)}")


@rule("S004", "unknown-entry-type", "warning")
def unknown_entry_type(entry: EntryView, config=None):
    """The entry type is neither BibTeX's nor biblatex's.

    Why: styles fall back to ``@misc`` (or drop the entry) and its fields are not printed
    as intended.
    Example: ``@webpage{…}``, ``@jurnal{…}``.
    Use instead: a standard type, e.g. ``@online`` for a web page, ``@article``.
    """
    if entry.entry_type and entry.entry_type not in TYPE_TO_CSL and entry.entry_type not in DATA_TYPES:
        yield finding(unknown_entry_type, entry, f"unknown entry type '@{entry.entry_type}' in '{entry.key}'")


@rule("S005", "undefined-string", "error", scope="run")
def undefined_string(run: RunContext):
    """A field uses an ``@string`` macro that the file never defines.

    Why: BibTeX prints nothing for it (and warns), so a journal name or month vanishes.
    Example: ``journal = jgr`` without ``@string{jgr = "J. Geophys. Res."}``.
    Use instead: define the macro, or write the value in braces: ``journal = {JGR}``.
    """
    for ctx in run.files:
        for diag in ctx.library.diagnostics:
            if diag.code == "undefined-string":
                yield Finding(undefined_string.rule.code, undefined_string.rule.name, "error",
                              ctx.path, diag.line, diag.message)


@rule("S006", "missing-crossref", "error", scope="run")
def missing_crossref(run: RunContext):
    """``crossref``, ``xref``, ``xdata`` or ``related`` names a key that no entry has.

    Why: the inherited fields (booktitle, editor, publisher …) are missing from the
    child entry, and biber reports an error.
    Example: ``crossref = {proc2019}`` with no ``@proceedings{proc2019, …}``.
    Use instead: add the parent entry or remove the reference to it.
    """
    # (a key already in lower case is taken as it is: a lower-cased copy of every key
    # of a large file was a peak of lint's memory)
    keys = {k if k.islower() else k.lower() for k in (e.key for e in run.entries())}
    for entry in run.entries():
        if not entry.may_link():
            continue        # (most entries: none of the four fields)
        for name in ("crossref", "xref", "xdata", "related"):
            value = entry.value(name)
            if value is None:
                value = entry.run_ref.extra.get("biblatex." + name)
            if not value:
                continue
            for target in (t.strip() for t in value.split(",")):
                if target and target.lower() not in keys:
                    yield finding(missing_crossref, entry,
                                  f"{name} of '{entry.key}' names '{target}', which no entry has", name)


@rule("S007", "duplicate-field", "warning", scope="run")
def duplicate_field(run: RunContext):
    """A field is given twice in one entry.

    Why: BibTeX and biber use one of them (biber the first) and ignore the other, so an
    edit to the second copy silently has no effect.
    Example: ``@book{k, year = {2001}, title = {…}, year = {2002}}``.
    Use instead: one field with the right value.
    """
    for ctx in run.files:
        for diag in ctx.library.diagnostics:
            if diag.code == "duplicate-field":
                yield Finding(duplicate_field.rule.code, duplicate_field.rule.name, "warning",
                              ctx.path, diag.line, diag.message)


@rule("S008", "not-utf8", "warning", scope="run")
def not_utf8(run: RunContext):
    """The file is not in UTF-8: another code page (cp1251, Latin-1, cp1252) or UTF-16/32.

    Why: biber and biblatex read UTF-8 unless told otherwise (``--input-encoding``), so a
    cp1251 or Latin-1 file prints as mojibake, and editors guess its encoding each their
    own way.  polybib reads the file in the encoding named in the message and writes it
    back in that encoding (``--fix`` included); bytes it could not decode are errors.
    Example: a list saved as cp1251 by an old Windows program, or as UTF-16 by Word.
    Use instead: UTF-8, e.g. ``iconv -f cp1251 -t utf-8 refs.bib > refs-utf8.bib``.
    """
    for ctx in run.files:
        doc = ctx.document
        notes = [d for d in ctx.library.diagnostics if d.code == "encoding"]
        if doc is not None and doc.encoding != "utf-8":
            line = notes[0].line if notes else 1
            detail = f": {notes[0].message}" if notes else ""
            yield Finding(not_utf8.rule.code, not_utf8.rule.name, not_utf8.rule.severity, ctx.path,
                          line, f"the file is {doc.encoding}, not UTF-8{detail}")
        for diag in notes:
            if diag.severity == "error":
                yield Finding(not_utf8.rule.code, not_utf8.rule.name, "error", ctx.path, diag.line,
                              diag.message)
