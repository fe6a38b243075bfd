"""High-precision anchors, taken out of a reference before its structure is read.

URLs (with ``URL:``/``Режим доступа:`` and ``<…>``), access dates (``дата обращения``),
DOIs, ISBN/ISSN, EDN, ``[Электронный ресурс]``, ``Текст : электронный``, ``(In Russ.)``:
each is unambiguous, and each contains characters (``//``, ``.``, ``:``) that would confuse
the area separators if left in place.  What an anchor removes is recorded, never lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import parse_date
from ..model import Date

_URL = re.compile(r"<?\b(?:https?|ftp)://[^\s<>\"]+[^\s<>\".,;:)\]]>?", re.I)
_URL_LABEL = re.compile(r"(?:URL|Режим доступа|Available(?: at| from)?|Retrieved from|Access mode)\s*:?\s*$", re.I)
_ACCESS = re.compile(
    r"\(?\s*(?:дата обращения|дата доступа|accessed(?: on)?|access(?:ed)? date|date of access|"
    r"retrieved(?: on)?)\s*:?\s*(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}|[^)]{4,40}?\d{4})\s*\)?", re.I)
_DOI = re.compile(r"(?:\bDOI\s*:?\s*|\bdoi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s,;<>\"]+[^\s.,;<>\")\]])", re.I)
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*((?:97[89][\s-]?)?\d{1,5}[\s-]?\d{1,7}[\s-]?\d{1,7}[\s-]?[\dXx])\b")
_ISSN = re.compile(r"\bISSN\s*:?\s*(\d{4}-?\d{3}[\dXx])\b")
_EDN = re.compile(r"\bEDN\s*:?\s*([A-Z]{6})\b")
_ELECTRONIC = re.compile(r"\[\s*(?:Электронный ресурс|Electronic resource|Текст|Text)\s*\]|"
                         r"[.:]?\s*[-–—]?\s*Текст\s*:\s*(?:электронный|непосредственный)", re.I)
_IN_RUSS = re.compile(r"\(\s*(?:In|На)\s+(Russ(?:ian)?|Ukr(?:ainian)?|Bel(?:arusian)?)\.?\s*\)|"
                      r"\bIn (Russian|Ukrainian)\.?\s*$")
_LANG_CODES = {"russ": "ru", "russian": "ru", "ukr": "uk", "ukrainian": "uk", "bel": "be", "belarusian": "be"}


@dataclass
class Anchors:
    url: str = ""
    urls: list[str] = field(default_factory=list)
    accessed: Date | None = None
    doi: str = ""
    isbn: str = ""
    issn: str = ""
    edn: str = ""
    electronic: bool = False
    language: str = ""           # from "(In Russ.)"


def _cut(text: str, m: re.Match) -> str:
    return text[:m.start()] + " " + text[m.end():]


def take_anchors(text: str) -> tuple[str, Anchors]:
    """The text without its anchors, and the anchors."""
    found = Anchors()
    m = _ACCESS.search(text)
    if m:
        found.accessed = parse_date(m.group(1).replace("/", "."))
        text = _cut(text, m)
    for m in list(_DOI.finditer(text))[:1]:
        found.doi = m.group(1)
        text = _cut(text, m)
    for m in reversed(list(_URL.finditer(text))):
        url = m.group(0).strip("<>")
        found.urls.insert(0, url)
        before = text[:m.start()]
        label = _URL_LABEL.search(before)
        start = label.start() if label else m.start()
        text = text[:start] + " " + text[m.end():]
    if found.urls:
        found.url = found.urls[0]
    m = _ISBN.search(text)
    if m:
        found.isbn = re.sub(r"\s", "-", m.group(1))
        text = _cut(text, m)
    m = _ISSN.search(text)
    if m:
        found.issn = m.group(1)
        text = _cut(text, m)
    m = _EDN.search(text)
    if m:
        found.edn = m.group(1)
        text = _cut(text, m)
    if _ELECTRONIC.search(text):
        found.electronic = True
        text = _ELECTRONIC.sub(" ", text)
    m = _IN_RUSS.search(text)
    if m:
        found.language = _LANG_CODES.get((m.group(1) or m.group(2) or "russian").lower().rstrip("."), "ru")
        text = _cut(text, m)
    return _tidy(text), found


def _tidy(text: str) -> str:
    """Collapse what the cuts left behind: doubled separators, empty areas, stray ``;``."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?:\s*[.;,]\s*)?(\s[-–—]\s*)(?=(?:[.;,]?\s*[-–—]\s)|[.;,\s]*$)", " ", text)
    text = re.sub(r"\s*\.\s*;\s*(?=$|[-–—])", ". ", text)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    text = re.sub(r"([.,;])\1+", r"\1", text)
    return text.strip(" ;,–—-").strip()
