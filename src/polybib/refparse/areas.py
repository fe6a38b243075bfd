"""The small pieces at the end of a reference: year, volume, issue, pages, imprint, edition.

GOST prints them as areas (``— 2019. — Т. 7, № 1. — С. 12–15``), English styles as commas
(``vol. 52, no. 8, pp. 1242–1247, Aug. 2004``) or compact forms (``2023;27(1):92-110``,
``267(1), 66-72``).  Each function recognises one kind and says what it found, so the
structure parsers can peel pieces off in any order.
"""
from __future__ import annotations

import re

from ..dates import month_number

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_RANGE = r"[A-ZА-ЯS]?\d+(?:\s*[-–—‒]\s*[A-ZА-ЯS]?\d+)?"
PATTERNS = [
    ("page", re.compile(rf"^(?:[СC]{{1,2}}\.|Сс\.|сс?\.|[Pp]{{1,2}}\.|pp\.?|Pp\.|стр\.|S\.|pages?|[Ss]s\.)\s*({_RANGE})\.?$")),
    ("number-of-pages", re.compile(r"^(\d+)\s*(?:с|сс|стр|p|pp|pages|S|л|б)\.?(?:\s*:\s*ил\.)?$")),
    ("volume", re.compile(r"^(?:Т\.|Том|[Vv]ol\.?|[Vv]olume|v\.)\s*(\S+(?:\s*\(\d+\))?)\.?$")),
    ("issue", re.compile(r"^(?:№\.?|[Nn]o\.?|N(?=\s*\d)|Nr\.|Iss\.|[Ii]ssue|[Вв]ып\.|[Вв]ыпуск|[Вв]ип\.|[Вв]ипуск|[Шш]ығ\.)\s*(.+?)\.?$")),
    ("part", re.compile(r"^(?:Ч\.|Part|Pt\.)\s*(\S+?)\.?$")),
    ("year", re.compile(rf"^\(?({YEAR})[a-z]?\)?\.?$")),
    ("edition", re.compile(r"^(\d+-е(?:\s*изд\.?)?(?:,\s*[^.]+)?|\d+(?:st|nd|rd|th)\s+ed\.?|[Ии]зд\.\s*\d+(?:-е)?|"
                           r"\d+-(?:ге|тє|є|е)\s+(?:вид|выд)\.?(?:,\s*[^.]+)?|[ВвИи]ид\.\s*\d+(?:-(?:ге|тє|є|е))?)\.?$")),
]
_MONTH_YEAR = re.compile(rf"^(?:\d{{1,2}}\s+(?=[A-Za-zА-Яа-я]))?(?:[A-Za-zА-Яа-я]{{3,9}}\.?\s+)?(?:\d{{1,2}}[-–]?\d{{0,2}},?\s+)?({YEAR})\.?$")
_COMPACT = [
    # 2023;27(1):92-110   2015;9:12-20
    re.compile(rf"^({YEAR})\s*;\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^)]+)\))?\s*:\s*(?P<page>{_RANGE})\.?$"),
    # 267(1), 66-72    27(1):92-110    51, 173–180
    re.compile(rf"^(?P<volume>\d+)\s*\((?P<issue>[^)]+)\)\s*[,:]?\s*(?P<page>{_RANGE})\.?$"),
    # 17 416-429   (volume pages)
    re.compile(r"^(?P<volume>\d+)\s+(?P<page>\d+\s*[-–]\s*\d+)\.?$"),
    # 9:1735-80   (volume:pages)
    re.compile(rf"^(?P<volume>\d+)\s*:\s*(?P<page>{_RANGE})\.?$"),
    re.compile(r"^(?P<volume>\d+)\s*\((?P<issue>[^)]+)\)\.?$"),
]
_IMPRINT = re.compile(r"^(?P<place>[^:]{2,60}?)\s*:\s*(?P<publisher>[^:]+?)\s*(?:[,;]\s*(?P<year>\d{4}))?\.?$")


def normalize_pages(text: str) -> str:
    return re.sub(r"\s*[-–—‒]\s*", "-", text.strip())


def classify(piece: str, bare_pages: bool = False) -> dict[str, str] | None:
    """What one piece is (``{"volume": "7"}``), or None when it is none of these.

    ``bare_pages``: in English styles a bare range (``66-72``) is a page range."""
    p = piece.strip().strip(",;").strip()
    if not p:
        return {}
    if bare_pages and re.fullmatch(r"[A-Z]?\d+\s*[-–—]\s*[A-Z]?\d+\.?", p):
        return {"page": normalize_pages(p.rstrip("."))}
    for name, pattern in PATTERNS:
        m = pattern.match(p)
        if m:
            value = m.group(1).strip()
            if name == "page":
                value = normalize_pages(value)
            return {name: value}
    for pattern in _COMPACT:
        m = pattern.match(p)
        if m:
            found = {k: v for k, v in m.groupdict().items() if v}
            if pattern is _COMPACT[0]:
                found["year"] = m.group(1)
            if "page" in found:
                found["page"] = normalize_pages(found["page"])
            return found
    m = _MONTH_YEAR.match(p)
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+", p)
    if m and (not words or month_number(words[0]) is not None):
        return {"year": m.group(1)}
    return None


def imprint(piece: str) -> dict[str, str] | None:
    """``Москва : Наука, 2003`` / ``СПб.: Изд-во СПбГУЭФ`` / ``Berlin: Springer``."""
    m = _IMPRINT.match(piece.strip().rstrip(",").strip())
    if not m:
        return None
    place, publisher = m.group("place").strip(), m.group("publisher").strip().rstrip(",").strip()
    if len(place.split()) > 4 or re.search(r"\d", place) or not publisher:
        return None
    found = {"publisher-place": place, "publisher": publisher}
    if m.group("year"):
        found["year"] = m.group("year")
    return found


# A dash after a full stop always separates areas; a bare spaced dash only where an area
# plainly starts after it (a year, "С. 5", "М. :", "URL") or a number ends before it — so
# "Information and documentation — Guidelines for …" stays one title.
_AREA_START = (r"(?=\d|[СТCPSЧ]\.|[Сс]с\.|№|Вып\.|Vol\.|No\.|URL|Режим|ISBN|DOI|EDN|Текст|\[|"
               r"[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ]?[\w.-]+)?\s*[:,]\s|[A-ZА-ЯЁ][\w-]*\.?\s*$|"
               r"\d+-е\s+изд|[Ии]зд\.|[A-ZА-ЯЁ][а-яё]+\s*:)")
AREA_SEPARATOR = re.compile(rf"\.\s+-\s+|\.\s*[–—]\s*|\s+[–—]\s+{_AREA_START}|(?<=\d)\s+[–—]\s+")


def split_areas(text: str) -> list[str]:
    """GOST areas: separated by ``. — ``, ``. – ``, ``. - `` or a spaced dash."""
    parts = AREA_SEPARATOR.split(text)
    return [p.strip() for p in parts if p and p.strip(" .,;")]


_MARKER_END = re.compile(r"(?:^|\s)(?:[СCТTPpSЧ]|Сс|сс|Vol|vol|No|no|Nr|pp|Вып|вып|Iss|Pt|v|№|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$")


def split_details(text: str) -> list[str]:
    """Pieces of a detail area: ``Т. 16, № 4`` → [``Т. 16``, ``№ 4``]; ``2014. Т. 7. С. 1-5``
    → [``2014``, ``Т. 7``, ``С. 1-5``] (a dot after a marker such as ``С.`` does not split)."""
    pieces: list[str] = []
    for part in re.split(r",\s+|;\s+|\.\s+", text):
        if pieces and _MARKER_END.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]}. {part}"
        elif part.strip(" .,"):
            pieces.append(part.strip())
    return [p.strip() for p in pieces if p.strip(" .,")]
