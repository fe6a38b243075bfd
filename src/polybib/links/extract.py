"""Find every URL and DOI a record carries, with the file and line it came from.

Links live in ``URL`` and ``DOI``, in biblatex ``eprint`` (+ ``eprinttype``), and inside
free text: ``note`` and ``howpublished`` (``\\url{…}``, ``\\href{…}{…}`` or bare, often
GOST-style ``URL: … (дата обращения: …)``).  Free text is read from the BibTeX source
when the library still has it, because the decoded text has already turned LaTeX ``~``
into a no-break space and ``--`` into a dash, which would corrupt a URL; LaTeX escapes
(``a\\_b\\%20c``) are undone here, as the BibTeX reader does for ``url`` and ``doi``.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Library, Reference
from .model import Link

#: biblatex eprint types we can turn into a URL (``{id}`` is the eprint value).
EPRINT_URLS = {
    "arxiv": "https://arxiv.org/abs/{id}",
    "jstor": "https://www.jstor.org/stable/{id}",
    "googlebooks": "https://books.google.com/books?id={id}",
    "pubmed": "https://pubmed.ncbi.nlm.nih.gov/{id}/",
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/{id}/",
    "pmcid": "https://www.ncbi.nlm.nih.gov/pmc/articles/{id}/",
    "hdl": "https://hdl.handle.net/{id}",
    "handle": "https://hdl.handle.net/{id}",
}

# A URL in LaTeX source: escapes such as \_ \% \~{} belong to it; braces and spaces end it.
_ESCAPE = r"\\[_%&#$~{}](?:\{\})?|\\textasciitilde(?:\{\})?|\\textunderscore(?:\{\})?"
_URL_RE = re.compile(r"https?://(?:" + _ESCAPE + r"|[^\s<>\"{}\\|^`])+", re.IGNORECASE)
_WRAPPED_RE = re.compile(r"\\(?:url|href|nolinkurl)\s*\{((?:[^{}]|\{\})*)\}", re.IGNORECASE)
_DOI_TEXT_RE = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s{}\"<>]+)", re.IGNORECASE)
_UNESCAPES = [("\\textasciitilde{}", "~"), ("\\textasciitilde", "~"), ("\\textunderscore{}", "_"),
              ("\\textunderscore", "_"), ("\\~{}", "~")]
_TRAILING = ".,;:!?'\"»”’)]"

#: Fields scanned as free text, by their CSL name (and what BibTeX calls them).
TEXT_FIELDS = {"note": "note", "medium": "howpublished", "annote": "annotation"}
#: CSL variable → BibTeX field, for naming fields as a .bib user knows them.
BIBTEX_NAMES = {"URL": "url", "DOI": "doi", "note": "note", "medium": "howpublished",
                "annote": "annotation"}


def unescape_url(text: str) -> str:
    """``a\\_b\\%20c`` → ``a_b%20c``; ``\\~{}``/``\\textasciitilde`` → ``~``; stray braces go."""
    for old, new in _UNESCAPES:
        text = text.replace(old, new)
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "_%&#$~{}":
            out.append(text[i + 1])
            i += 2
            continue
        if c not in "{}":
            out.append(c)
        i += 1
    return "".join(out).strip()


def _trim(url: str) -> str:
    """Drop sentence punctuation after a URL, keeping balanced parentheses (Wikipedia)."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        if url[-1] == "]" and url.count("[") >= url.count("]"):
            break
        url = url[:-1]
    return url


def urls_in_text(text: str) -> list[tuple[str, str]]:
    """Every http(s) URL in a LaTeX value as ``(url, spelling)``, in order, without repeats."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []

    def add(spelling: str, start: int, end: int) -> None:
        url = _trim(unescape_url(spelling))
        if not re.match(r"https?://[^/\s]", url, re.IGNORECASE):
            return
        spans.append((start, end))
        if url not in seen:
            seen.add(url)
            found.append((url, spelling))

    for m in _WRAPPED_RE.finditer(text):
        add(m.group(1).strip(), m.start(), m.end())
    for m in _URL_RE.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        add(m.group(0), m.start(), m.end())
    return found


def dois_in_text(text: str) -> list[str]:
    """``doi:10.…`` mentions in free text (bare ``https://doi.org/…`` are URLs already)."""
    return [_trim(unescape_url(m.group(1))) for m in _DOI_TEXT_RE.finditer(text)]


def _decoded_for_search(text: str) -> str:
    """Undo what LaTeX decoding did to URL characters, when only decoded text is left."""
    return text.replace("\u00a0", "~").replace("\u2014", "---").replace("\u2013", "--")


class _SourceIndex:
    """Raw BibTeX values and field lines, found through the library's kept documents.

    Works with any document that has ``segments`` whose entries carry ``ref``, ``raw``,
    ``line`` and ``fields`` as ``(name, raw, resolved)``; anything else is ignored and the
    record's own line is used.
    """

    def __init__(self, library: Library | None):
        self._segments: dict[int, object] = {}
        for doc in getattr(library, "documents", None) or ():
            for seg in getattr(doc, "segments", None) or ():
                ref = getattr(seg, "ref", None)
                if ref is not None:
                    self._segments[id(ref)] = seg

    def raw_value(self, ref: Reference, bib_field: str) -> str | None:
        seg = self._segments.get(id(ref))
        for item in getattr(seg, "fields", None) or ():
            try:
                name, _raw, resolved = item
            except (TypeError, ValueError):
                return None
            if name.lower() == bib_field:
                return resolved
        return None

    def line_of(self, ref: Reference, bib_field: str, spelling: str = "") -> int:
        seg = self._segments.get(id(ref))
        raw = getattr(seg, "raw", None)
        base = getattr(seg, "line", 0) or ref.source.line
        if not isinstance(raw, str):
            return ref.source.line
        m = re.search(r"[,{(]\s*" + re.escape(bib_field) + r"\s*=", raw, re.IGNORECASE)
        if not m:
            return base
        offset = m.start()
        if spelling:
            at = raw.find(spelling, m.end())
            if at >= 0:
                offset = at
        else:
            offset = m.end()
        return base + raw.count("\n", 0, offset)


def _name(ref: Reference, variable: str) -> str:
    if ref.source.format == "bibtex":
        return BIBTEX_NAMES.get(variable, variable)
    return variable


def links_of(ref: Reference, index: int = 0, source: _SourceIndex | None = None) -> Iterator[Link]:
    """The links of one record: URL, DOI, eprint, then free text (``extract_links`` puts
    them in file order when lines are known)."""
    source = source or _SourceIndex(None)
    file = ref.source.file
    key = ref.id

    def make(url: str, variable: str, kind: str, spelling: str = "", bib_field: str = "") -> Link:
        bib_field = bib_field or BIBTEX_NAMES.get(variable, variable)
        line = source.line_of(ref, bib_field, spelling)
        return Link(url=url, field=_name(ref, variable) if not bib_field.startswith("eprint") else "eprint",
                    entry=key, file=file, line=line, kind=kind, text=spelling or url, index=index)

    url = ref.get("URL")
    if isinstance(url, str) and url.strip():
        value = url.strip()
        inner = _WRAPPED_RE.fullmatch(value)
        if inner:
            value = inner.group(1)
        value = unescape_url(value)
        parts = value.split()
        for part in parts or [value]:
            yield make(part, "URL", "http" if re.match(r"https?://", part, re.I) else "other")
    doi = ref.get("DOI")
    if isinstance(doi, str) and doi.strip():
        yield make("doi:" + unescape_url(doi.strip()), "DOI", "doi", doi.strip())
    eprint = ref.extra.get("biblatex.eprint", "").strip()
    if eprint:
        etype = (ref.extra.get("biblatex.eprinttype") or ref.extra.get("biblatex.archiveprefix") or "").strip().lower()
        eid = unescape_url(eprint)
        if etype == "arxiv" and eid.lower().startswith("arxiv:"):
            eid = eid[6:]
        if re.match(r"https?://", eid, re.I):
            yield make(eid, "eprint", "http", eprint, "eprint")
        elif etype == "doi":
            yield make("doi:" + eid, "eprint", "doi", eprint, "eprint")
        elif etype in EPRINT_URLS:
            yield make(EPRINT_URLS[etype].format(id=eid), "eprint", "http", eprint, "eprint")
        else:
            yield make(f"{etype or 'eprint'}:{eid}", "eprint", "other", eprint, "eprint")
    for variable, bib_field in TEXT_FIELDS.items():
        raw = source.raw_value(ref, bib_field)
        if raw is None and variable == "medium":
            raw = ref.extra.get("biblatex.howpublished")
        if raw is None:
            raw = ref.extra.get("biblatex." + bib_field)
        if raw is None:
            value = ref.get(variable)
            if not isinstance(value, str):
                continue
            raw = _decoded_for_search(value)
        for found, spelling in urls_in_text(raw):
            yield make(found, variable, "http", spelling, bib_field)
        for found in dois_in_text(raw):
            yield make("doi:" + found, variable, "doi", found, bib_field)


def extract_links(references: Iterable[Reference] | Library) -> list[Link]:
    """Every link of every record, in library order (duplicates kept: one per place)."""
    library = references if isinstance(references, Library) else None
    source = _SourceIndex(library)
    links: list[Link] = []
    for i, ref in enumerate(references):
        links.extend(sorted(links_of(ref, i, source), key=lambda link: link.line))  # as in the file
    return links
