"""Which ``.bib`` field carries a CSL variable: by entry type, by dialect, and as the file had it.

Several BibTeX fields fill one CSL variable (``journal``/``journaltitle``/``booktitle`` →
``container-title``; ``address``/``location``; ``publisher``/``institution``/``school``/
``organization``; ``number``/``issue``; ``year``+``month``/``date``; ``howpublished``/
``medium``; ``annote``/``annotation``; ``language``/``langid``).  Writing a record from scratch
needs a default name per variable, which depends on the entry type (a ``@book``'s
container is a ``booktitle``, an article's a ``journaltitle``; a thesis's publisher is its
``institution``) and on the dialect (classic BibTeX styles know ``journal`` and
``address``, not ``journaltitle`` and ``location``).

A record read from a ``.bib`` file also remembers the name its file used wherever that
is not the biblatex default: ``extra["polybib.bibtex-field.<variable>"] = "<field>"``.
CSL-JSON carries it in ``custom`` like every other extra, so ``bib → CSL-JSON → bib``
gives back the file's own field names.  The remembered name is used when the target
dialect reads it: in biblatex always (biber takes ``journal``, ``address``, ``year`` as
aliases), in classic BibTeX unless it is a biblatex-only name (``--dialect bibtex``
writes ``journal`` even for a file that had ``journaltitle``: plain.bst prints no
``journaltitle``).
"""
from __future__ import annotations

#: ``extra`` key prefix for a field name remembered from the source file.
SPELLING = "polybib.bibtex-field."

#: Names classic ``.bst`` styles do not know, written only for biblatex.
BIBLATEX_ONLY = frozenset({"journaltitle", "location", "date", "urldate", "annotation",
                           "origdate", "eventdate", "langid", "shortjournal", "eventtitle",
                           "venue", "titleaddon", "pagetotal", "origlocation", "origpublisher",
                           "origtitle", "medium"})

#: CSL types whose container is a book (``booktitle``), not a journal.
BOOK_CONTAINER_TYPES = frozenset({
    "book", "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry",
    "report", "thesis", "pamphlet", "manuscript", "classic", "collection"})


#: Fields that fill a variable another field name can fill too: only these are remembered.
HAVE_ALTERNATIVES = frozenset({
    "journal", "journaltitle", "booktitle", "address", "location", "publisher", "institution",
    "school", "organization", "number", "issue", "annote", "annotation", "howpublished",
    "medium", "year", "date", "origdate", "origyear", "langid", "language"})


def accepted(name: str, dialect: str | None) -> bool:
    """Whether a remembered field name may be written in ``dialect`` (None: the file's own).

    biber reads the classic names (``journal``, ``address``, ``year`` …) as aliases, so
    biblatex output keeps them; classic ``.bst`` styles ignore biblatex's own names."""
    return dialect != "bibtex" or name not in BIBLATEX_ONLY


def candidates(variable: str, csl_type: str, classic: bool) -> tuple[str, ...]:
    """The field names that can carry ``variable``, the default first."""
    if variable == "container-title":
        if csl_type in BOOK_CONTAINER_TYPES:
            return ("booktitle", "journal", "journaltitle") if classic else ("booktitle", "journaltitle", "journal")
        return ("journal", "journaltitle", "booktitle") if classic else ("journaltitle", "journal", "booktitle")
    if variable == "publisher-place":
        return ("address", "location") if classic else ("location", "address")
    if variable == "publisher":
        if csl_type == "thesis":
            return ("school", "institution", "publisher") if classic else ("institution", "school", "publisher")
        if csl_type == "report":
            return ("institution", "publisher", "organization")
        return ("publisher", "organization", "institution", "school")
    if variable in ("issue", "number", "collection-number"):
        return ("number", "issue")
    if variable == "annote":
        return ("annote", "annotation") if classic else ("annotation", "annote")
    if variable == "medium":
        return ("howpublished", "medium")
    if variable == "issued":
        return ("year", "date") if classic else ("date", "year")
    if variable == "original-date":
        return ("origdate", "origyear")
    if variable == "language":
        return ("langid", "language")
    return ()


def default_name(variable: str, csl_type: str) -> str:
    """The name a biblatex entry written from scratch uses for ``variable`` ('' if fixed)."""
    names = candidates(variable, csl_type, classic=False)
    return names[0] if names else ""


def remember(extra: dict, claimed: list[tuple[str, str]], csl_type: str) -> None:
    """Keep the field names that filled variables where they are not the biblatex default."""
    for field, variable in claimed:
        default = default_name(variable, csl_type)
        if default and field != default:
            extra[SPELLING + variable] = field


def chosen(extra: dict, variable: str, csl_type: str, dialect: str | None) -> tuple[str, ...]:
    """Candidate names for ``variable`` in the order the writer should try them."""
    names = candidates(variable, csl_type, classic=dialect == "bibtex")
    kept = extra.get(SPELLING + variable)
    if kept and accepted(kept, dialect):
        return (kept,) + tuple(n for n in names if n != kept)
    return names
