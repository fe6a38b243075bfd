"""What a landing page says about the work it shows.

Publishers declare bibliographic metadata for Google Scholar and Zotero: Highwire
``citation_*`` tags, Dublin Core ``DC.*`` (OJS journals, many of them Russian, publish
both, with ``DC.Title.Alternative`` carrying the English title) and schema.org JSON-LD.
The ``<title>`` and ``og:title`` are kept as weak hints.  Pages are parsed with the
standard library's tolerant ``html.parser`` (no dependency, and broken HTML is normal on
the web); only the first part of a page is ever read.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .model import Work

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: JSON-LD types that describe a work (not the website, the publisher or a breadcrumb).
WORK_TYPES = {"scholarlyarticle", "article", "newsarticle", "blogposting", "book", "chapter",
              "creativework", "report", "thesis", "techarticle", "dataset", "publicationissue",
              "periodical", "medicalscholarlyarticle", "collection", "webpage", "itempage"}
_WEAK_TYPES = {"webpage", "itempage", "creativework"}


@dataclass
class Page:
    """The parts of an HTML page the checker looks at."""

    title: str = ""
    h1: str = ""
    text: str = ""                                   # the start of the visible text
    meta: list[tuple[str, str]] = field(default_factory=list)   # (name lower-cased, content)
    jsonld: list = field(default_factory=list)
    canonical: str = ""

    def works(self) -> list[Work]:
        return works_from_page(self)


class _Parser(HTMLParser):
    TEXT_LIMIT = 4000

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in: list[str] = []
        self._script_type = ""
        self._buf: list[str] = []
        self._text: list[str] = []
        self._text_len = 0

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = a.get("name") or a.get("property") or a.get("itemprop") or ""
            if name and "content" in a:
                self.page.meta.append((name.strip().lower(), a["content"].strip()))
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.page.canonical = self.page.canonical or a.get("href", "")
        elif tag in ("title", "h1", "script", "style", "noscript", "template"):
            self._in.append(tag)
            self._buf = []
            if tag == "script":
                self._script_type = a.get("type", "").lower()

    def handle_endtag(self, tag):
        if not self._in or self._in[-1] != tag:
            return
        self._in.pop()
        text = "".join(self._buf)
        if tag == "title" and not self.page.title:
            self.page.title = _squash(text)
        elif tag == "h1" and not self.page.h1:
            self.page.h1 = _squash(text)
        elif tag == "script" and "ld+json" in self._script_type:
            self.page.jsonld.extend(_load_jsonld(text))

    def handle_data(self, data):
        if self._in:
            if self._in[-1] in ("title", "h1", "script"):
                self._buf.append(data)
            if self._in[-1] != "h1":
                return
        if self._text_len < self.TEXT_LIMIT and data.strip():
            self._text.append(data)
            self._text_len += len(data)

    def close(self):
        super().close()
        self.page.text = _squash(" ".join(self._text))[: self.TEXT_LIMIT]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _load_jsonld(text: str) -> list:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return data if isinstance(data, list) else [data]


def decode_html(body: bytes, header_charset: str | None) -> str:
    """Bytes to text: the header's charset, else ``<meta charset>``, else UTF-8, else cp1251
    (the commonest legacy encoding on Russian sites)."""
    candidates = []
    if header_charset:
        candidates.append(header_charset)
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1251"]
    for charset in candidates:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", "replace")


_HEAD_END = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)
_DECLARES = re.compile(r"<meta\b|ld\+json", re.IGNORECASE)


def parse_html(text: str) -> Page:
    """The parts of a page the checker looks at.

    A page whose ``<head>`` declares its work (citation_*, Dublin Core, JSON-LD) and
    whose body declares nothing more is parsed only up to the end of the head: the first
    heading and the body text matter only to pages that declare nothing (soft-404
    signals, weak titles), and ``html.parser`` over half a megabyte of body is the most
    expensive step of checking a link."""
    end = _HEAD_END.search(text)
    if end is not None and not _DECLARES.search(text, end.start()):
        head = _parse(text[:end.start()])
        if any(w.strong for w in head.works()):
            return head
    return _parse(text)


def _parse(text: str) -> Page:
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
    except Exception:   # html.parser is tolerant, but a truncated page can still trip it
        pass
    return parser.page


def _years(values) -> list[int]:
    years: list[int] = []
    for value in values:
        m = _YEAR_RE.search(str(value))
        if m and int(m.group(1)) not in years:
            years.append(int(m.group(1)))
    return years


def _split_authors(value: str) -> list[str]:
    return [a.strip() for a in re.split(r"\s*;\s*", value) if a.strip()]


def works_from_page(page: Page) -> list[Work]:
    """The works a page declares, strongest sources first."""
    works: list[Work] = []
    meta = page.meta

    def values(*names: str, prefix: str = "") -> list[str]:
        out = []
        for name, content in meta:
            if content and (name in names or (prefix and name.startswith(prefix))):
                out.append(content)
        return out

    citation = Work("citation", True,
                    titles=values("citation_title"),
                    authors=values("citation_author") + [a for v in values("citation_authors") for a in _split_authors(v)],
                    years=_years(values("citation_publication_date", "citation_date", "citation_online_date",
                                        "citation_year", "citation_cover_date")),
                    doi=(values("citation_doi") or [""])[0])
    if citation.titles:
        works.append(citation)
    dc = Work("dublin-core", True,
              titles=values("dc.title", "dcterms.title", "dc.title.alternative", "dcterms.alternative"),
              authors=values(prefix="dc.creator") + values("dcterms.creator"),
              years=_years(values("dc.date", "dcterms.issued", "dcterms.date", "dcterms.created",
                                  prefix="dc.date")),
              doi=next((v for n, v in meta if n in ("dc.identifier.doi",) or
                        (n == "dc.identifier" and v.startswith("10."))), ""))
    if dc.titles:
        works.append(dc)
    for item in _jsonld_items(page.jsonld):
        work = _jsonld_work(item)
        if work is not None:
            works.append(work)
    weak_titles = values("og:title", "twitter:title") + [t for t in (page.title, page.h1) if t]
    if weak_titles:
        works.append(Work("title", False, titles=weak_titles))
    return works


def _jsonld_items(data) -> list[dict]:
    """Every object in JSON-LD data, through lists and ``@graph``, breadth first."""
    out: list[dict] = []
    queue = list(data)
    while queue and len(out) < 50:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph)
            main = item.get("mainEntity")
            if isinstance(main, (dict, list)):
                queue.append(main)
    return out


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        if value.get("name"):
            return _names(value["name"])
        parts = [value.get("familyName"), value.get("givenName")]
        joined = ", ".join(p for p in parts if isinstance(p, str) and p)
        return [joined] if joined else []
    return []


def _jsonld_work(item: dict) -> Work | None:
    kinds = item.get("@type")
    kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
    low = {str(k).lower() for k in kinds}
    if not low & WORK_TYPES:
        return None
    titles = [t for key in ("name", "headline", "alternativeHeadline", "alternateName")
              for t in _names(item.get(key))]
    if not titles:
        return None
    strong = bool(low - _WEAK_TYPES)
    doi = ""
    ident = item.get("identifier") or item.get("sameAs") or ""
    for v in (ident if isinstance(ident, list) else [ident]):
        v = v.get("value", "") if isinstance(v, dict) else v
        if isinstance(v, str) and "10." in v:
            doi = v[v.index("10."):]
            break
    return Work("json-ld", strong, titles=titles,
                authors=_names(item.get("author")) + _names(item.get("creator")),
                years=_years([item.get(k) for k in ("datePublished", "dateCreated", "copyrightYear")
                              if item.get(k)]),
                doi=doi)
