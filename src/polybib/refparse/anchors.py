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
_URL_LABEL = re.compile(r"(?:URL|Режим доступа|Режим доступу|Available(?: at| from)?|Retrieved from|Access mode|"
                        r"доступно на|доступно по|доступно з|доступний у|извлечено от|вилучено з|просмотрено|"
                        r"Електронний ресурс|Электронный ресурс|Online|Internet|Web)\s*:?\s*$", re.I)
#: How far before a URL its label (``Режим доступа:``) is looked for: the longest label and
#: its spaces fit in it many times over.
_LABEL_WINDOW = 64
_ACCESS = re.compile(
    r"[(\[]?\s*(?:дата обращения|дата доступа|дата звернення|дата звернення до ресурсу|accessed(?: on)?|"
    r"access(?:ed)? date|date of access|retrieved(?: on)?|cited|просмотрено|цитируется по|переглянуто|"
    r"извлечено|вилучено|қаралған күні|қаралды|viewed(?: on)?)\s*:?\s*(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{4}\s+[A-Za-z]{3,9}\.?\s+\d{1,2}|[^)\]]{4,40}?\d{4})(?:\s*(?:г|р)\.)?\s*[)\]]?", re.I)
_MONTHS = {m: i for i, names in enumerate([
    ("jan", "янв"), ("feb", "фев"), ("mar", "мар"), ("apr", "апр"), ("may", "мая", "май"), ("jun", "июн"),
    ("jul", "июл"), ("aug", "авг"), ("sep", "сен"), ("oct", "окт"), ("nov", "ноя"), ("dec", "дек")], 1)
    for m in names}
# Ukrainian and Kazakh month names (journal sites' exports print them in access dates)
_MONTHS.update({m: i for i, names in enumerate([
    ("січ", "қаң"), ("лют", "ақп"), ("бер", "нау"), ("кві", "сәу"), ("тра", "мам"), ("чер", "мау"),
    ("лип", "шіл"), ("сер", "там"), ("вер", "қыр"), ("жов", "қаз"), ("лис", "қар"), ("гру", "жел")], 1)
    for m in names})
_DOI = re.compile(r"(?:\bDOI\s*:?\s*|\bdoi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s,;<>\"]+[^\s.,;<>\")\]])", re.I)
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*((?:97[89][\s-]?)?\d{1,5}[\s-]?\d{1,7}[\s-]?\d{1,7}[\s-]?[\dXx])\b")
_ISSN = re.compile(r"\bISSN\s*:?\s*(\d{4}-?\d{3}[\dXx])\b")
_EDN = re.compile(r"\bEDN\s*:?\s*([A-Z]{6})\b")
_ELECTRONIC = re.compile(r"\[\s*(?:Электронный ресурс|Electronic resource|Текст|Text|Internet|Online|"
                         r"Интернет|Електронний ресурс)\s*\]|"
                         r"[.:]?\s*(?:[-–—]\s*)?Текст\s*:\s*(?:электронный|непосредственный)", re.I)
#: "(In Russ.)", "[in Russian]", "(Russian)", "[In Ukrainian]", "(In Kazakh)": romanized References
#: say the original's language this way, anywhere in the reference.
_IN_RUSS = re.compile(r"[(\[]\s*(?:[Ii]n\s+|На\s+)?(Russ(?:ian)?|Ukr(?:ainian)?|Bel(?:arusian)?|Kaz(?:akh)?)\.?\s*[)\]]|"
                      r"\bIn (Russian|Ukrainian|Kazakh)\.?\s*$")
_LANG_CODES = {"russ": "ru", "russian": "ru", "ukr": "uk", "ukrainian": "uk", "bel": "be", "belarusian": "be",
               "kaz": "kk", "kazakh": "kk"}


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


def access_date(text: str) -> Date:
    """``12.04.2023``, ``2023-04-12``, ``2023 Mar 1`` (Vancouver), ``1 March 2023``,
    ``March 1, 2023``, ``1 марта 2023 г.``: a full date when the month can be read."""
    text = text.strip().rstrip(".")
    date = parse_date(text.replace("/", "."))
    if date.parts:
        return date
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    month = next((n for w in re.findall(r"[^\W\d]{3,}", text) for k, n in _MONTHS.items()
                  if w.lower().startswith(k)), None)
    if year and month:
        rest = text[:year.start()] + " " + text[year.end():]
        day = re.search(r"\b(\d{1,2})\b", rest)
        parts = [int(year.group(1)), month] + ([int(day.group(1))] if day and 0 < int(day.group(1)) <= 31 else [])
        return Date(parts=[parts])
    return date


def _cut(text: str, m: re.Match) -> str:
    r"""Cut out a match, leaving one space: runs of spaces left by cuts would make the
    ``\s*`` of later patterns try every split of the run."""
    return _join(text[:m.start()], text[m.end():])


def _join(left: str, right: str) -> str:
    return left.rstrip() + " " + right.lstrip()


def take_anchors(text: str) -> tuple[str, Anchors]:
    """The text without its anchors, and the anchors."""
    found = Anchors()
    m = _ACCESS.search(text)
    if m:
        found.accessed = access_date(m.group(1))
        text = _cut(text, m)
    for m in list(_DOI.finditer(text))[:1]:
        found.doi = m.group(1)
        text = _cut(text, m)
    text = _take_urls(text, found.urls)
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


def _take_urls(text: str, urls: list[str]) -> str:
    """The text without its URLs (and the labels just before them), which go to ``urls``.

    One pass, left to right: the label is looked for only in a short window before each
    URL and the remaining pieces are joined once, so the cost stays linear in the length of
    the text however many URLs it holds (a pasted list on one line may hold thousands).
    """
    pieces: list[str] = []
    position = 0
    for m in _URL.finditer(text):
        urls.append(m.group(0).strip("<>"))
        window_start = max(position, m.start() - _LABEL_WINDOW)
        label = _URL_LABEL.search(text, window_start, m.start())
        start = label.start() if label else m.start()
        pieces.append(text[position:start].strip())
        position = m.end()
    if not urls:
        return text
    pieces.append(text[position:].strip())
    return " ".join(piece for piece in pieces if piece)


def _tidy(text: str) -> str:
    """Collapse what the cuts left behind: doubled separators, empty areas, stray ``;``."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?:\s*[.;,]\s*)?(\s[-–—]\s*)(?=(?:[.;,]?\s*[-–—]\s)|[.;,\s]*$)", " ", text)
    text = re.sub(r"\s*\.\s*;\s*(?=$|[-–—])", ". ", text)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    text = re.sub(r"([.,;])\1+", r"\1", text)
    return text.strip(" ;,–—-").strip()
