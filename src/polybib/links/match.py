"""Does a landing page (or a DOI's metadata) describe the same work as the record?

Titles are compared as sets of words, not as strings: pages add site names, drop
subtitles and change case.  A Russian record may meet its page in Cyrillic or
transliterated (``Экономическая история`` / ``Ekonomicheskaya istoriya`` /
``Èkonomičeskaâ istoriâ``), and the two sides may use different schemes, so both sides
are transliterated with several schemes and folded to a skeleton (diacritics gone,
``shch``/``šč``/``ŝ`` → ``s``, ``ya``/``ia``/``â`` → ``a`` …) before comparing; the best
scheme wins.  Transliteration comes from ``polybib.translit`` when that module offers a
``transliterate(text, scheme)`` function, else from iuliia directly.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Reference
from .model import Work

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_TAGS = re.compile(r"<[^>]+>")
STOPWORDS = {
    "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "by", "at", "from", "as", "or",
    "und", "der", "die", "das", "des", "le", "la", "les", "de", "du", "et",
    "и", "в", "во", "на", "о", "об", "с", "со", "к", "по", "для", "из", "от", "при", "а", "или",
    "i", "v", "vo", "na", "o", "ob", "s", "so", "k", "po", "dlia", "dlya", "iz", "ot", "pri",
}
#: Skeleton folds, in order: what different romanisations of one Cyrillic letter share.
_FOLDS = [("shch", "s"), ("sch", "s"), ("sh", "s"), ("sc", "s"), ("ch", "c"), ("zh", "z"),
          ("kh", "h"), ("tch", "c"), ("ts", "c"), ("tc", "c"), ("tz", "c"), ("y", "i"), ("j", "i"),
          ("ia", "a"), ("iu", "u"), ("io", "o"), ("ie", "e"), ("ii", "i")]
#: Schemes tried on Cyrillic text (polybib.translit ids), and iuliia's names for them.
SCHEMES = ("wikipedia", "bgn-pcgn", "iso9", "scientific", "ala-lc", "icao", "bsi")
_IULIIA = {"wikipedia": "WIKIPEDIA", "bgn-pcgn": "BGN_PCGN", "iso9": "GOST_779",
           "scientific": "SCIENTIFIC", "ala-lc": "ALA_LC", "icao": "ICAO_DOC_9303", "bsi": "MVD_782"}


def _translit_function():
    """``polybib.translit.transliterate(text, scheme)`` (it knows Ukrainian, Belarusian …
    as well) when it is there, else iuliia's Russian schemes."""
    try:
        from .. import translit  # type: ignore[attr-defined]
        fn = getattr(translit, "transliterate", None)
        if callable(fn):
            for scheme in SCHEMES:
                fn("тест", scheme)
            return fn
    except Exception:
        pass
    import iuliia

    def via_iuliia(text: str, scheme: str) -> str:
        return getattr(iuliia, _IULIIA[scheme]).translate(text)
    return via_iuliia


_TRANSLIT = None


def _translit(text: str, scheme: str) -> str:
    global _TRANSLIT
    if _TRANSLIT is None:
        _TRANSLIT = _translit_function()
    try:
        return _TRANSLIT(text, scheme)
    except Exception:
        return text


_COMBINING: dict[int, None] | None = None


def _drop_combining(text: str) -> str:
    """``text`` without combining marks (``unicodedata.combining``), at C speed: a
    translation table of the Basic Multilingual Plane's marks, built on first use."""
    global _COMBINING
    if _COMBINING is None:
        _COMBINING = {cp: None for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))}
    if max(text, default="\0") > "\uffff":          # marks beyond the BMP: rare, done slowly
        return "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_COMBINING)


def _plain(text: str) -> str:
    """Lower case, no markup, no diacritics, ё → е, NFC in."""
    text = _TAGS.sub(" ", text)
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    if text.isascii():
        return text
    return _drop_combining(unicodedata.normalize("NFKD", text))


_REPEATS = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """What different romanisations of a word share.  Works on several words separated
    by spaces at once, exactly as on each of them (no fold spans a space)."""
    for old, new in _FOLDS:
        if old in word:
            word = word.replace(old, new)
    return _REPEATS.sub(r"\1", word)


def _skeletons(words: list[str]) -> frozenset:
    return frozenset(skeleton(" ".join(words)).split()) if words else frozenset()


@lru_cache(maxsize=4096)
def token_variants(text: str) -> tuple[frozenset, ...]:
    """Word sets of ``text``: as written, then per transliteration scheme, skeletonised."""
    base = _plain(text)
    variants = [base]
    if _CYRILLIC.search(base):
        variants = [_plain(_translit(base, s)) for s in SCHEMES]
    out = []
    for v in variants:
        words = [w for w in re.findall(r"\w+", v.replace("ʹ", "").replace("ʺ", "").replace("’", "")
                                                 .replace("'", "")) if w not in STOPWORDS]
        out.append(_skeletons([w for w in words if len(w) > 1 or w.isdigit()]))
    if _CYRILLIC.search(base):
        raw = frozenset(w for w in re.findall(r"\w+", base) if w not in STOPWORDS)
        out.append(raw)
    return tuple(out)


@lru_cache(maxsize=4096)
def plain_words(text: str) -> frozenset:
    """The words of ``text`` as written (no transliteration), skeletonised: a title met in
    its own script is settled with these, without seven transliterations per side."""
    words = [w for w in re.findall(r"\w+", _plain(text).replace("ʹ", "").replace("ʺ", "").replace("’", "")
                                   .replace("'", "")) if w not in STOPWORDS]
    return _skeletons([w for w in words if len(w) > 1 or w.isdigit()])


def _overlap(a: frozenset, b: frozenset, contained: bool) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / len(a) if contained else inter / min(len(a), len(b))


def title_score(record_title: str, page_title: str, contained: bool = False) -> float:
    """Word overlap in [0, 1], best over schemes.  ``contained``: how much of the record's
    title the page shows (for ``<title>`` tags that add a site name); otherwise the overlap
    coefficient (a dropped subtitle on either side still scores 1)."""
    best = _overlap(plain_words(record_title), plain_words(page_title), contained)
    if best >= 1.0:          # the same words in the same script: no scheme can do better
        return best
    for a, b in zip(token_variants(record_title), token_variants(page_title)):
        if not a or not b:
            continue
        # pair each variant of one side with the same scheme's variant of the other; a
        # Latin side has identical variants, so this also pairs Cyrillic with Latin
        inter = len(a & b)
        score = inter / len(a) if contained else inter / min(len(a), len(b))
        best = max(best, score)
    ra, pb = token_variants(record_title), token_variants(page_title)
    if len(ra) != len(pb):  # one side Cyrillic, the other not: compare every pairing
        for a in ra:
            for b in pb:
                if a and b:
                    inter = len(a & b)
                    best = max(best, inter / len(a) if contained else inter / min(len(a), len(b)))
    return best


def _family_names(ref: Reference) -> list[str]:
    names = []
    for name in ref.get("author") or ref.get("editor") or []:
        family = getattr(name, "family", "") or ""
        if not family:
            literal = getattr(name, "literal", "") or ""
            family = literal.split(",")[0].split()[0] if literal.split() else ""
        if family:
            names.append(family)
    return names


def _author_found(family: str, page_authors: list[str]) -> bool:
    plain = plain_words(family)
    if plain and any(plain <= plain_words(author) for author in page_authors):
        return True          # written alike: no transliteration needed
    fam_variants = token_variants(family)
    for author in page_authors:
        for fv in fam_variants:
            for av in token_variants(author):
                if fv and fv <= av:
                    return True
    return False


@dataclass
class Comparison:
    verdict: str                     # match | mismatch | unknown
    source: str = ""
    title: float | None = None
    authors: bool | None = None
    year: bool | None = None
    doi: bool | None = None
    reasons: list[str] = field(default_factory=list)
    page_title: str = ""

    def evidence(self) -> dict:
        return {"source": self.source, "title_score": None if self.title is None else round(self.title, 2),
                "authors_agree": self.authors, "year_agrees": self.year, "doi_agrees": self.doi,
                "page_title": self.page_title}


def _norm_doi(doi: str) -> str:
    doi = doi.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if doi.startswith(prefix):
            doi = doi[len(prefix):]
    return doi


def compare_work(ref: Reference, work: Work) -> Comparison:
    """Judge one declared work against the record."""
    title = ref.get("title") if isinstance(ref.get("title"), str) else ""
    alt_titles = [t for t in (ref.get("title-short"), ref.get("original-title"),
                              ref.extra.get("biblatex.usera"), ref.extra.get("biblatex.titleaddon"))
                  if isinstance(t, str) and t]
    cmp = Comparison("unknown", work.source, page_title=(work.titles or [""])[0])
    record_doi = _norm_doi(ref.get("DOI") or "") if isinstance(ref.get("DOI"), str) else ""
    # a DOI's own metadata names the DOI that was asked for: that agreement proves nothing
    if record_doi and work.doi and work.source != "doi-metadata":
        cmp.doi = _norm_doi(work.doi) == record_doi
    if title and work.titles:
        scores = [title_score(t, p, contained=not work.strong) for t in [title] + alt_titles for p in work.titles]
        cmp.title = max(scores)
    families = _family_names(ref)
    if families and work.authors:
        found = [f for f in families[:5] if _author_found(f, work.authors)]
        cmp.authors = bool(found)
    year = getattr(ref.get("issued"), "year", None)
    if year and work.years:
        cmp.year = any(abs(year - y) <= 1 for y in work.years)

    if not work.strong:
        if cmp.title is not None and cmp.title >= 0.6:
            cmp.verdict = "match"
            cmp.reasons.append(f"the page title shows the record's title ({cmp.title:.0%} of its words)")
        return cmp
    if cmp.doi is True:
        cmp.verdict = "match"
        cmp.reasons.append("the page declares the record's DOI")
        return cmp
    if cmp.doi is False:
        cmp.verdict = "mismatch"
        cmp.reasons.append(f"the page declares DOI {work.doi}, the record has {ref.get('DOI')}")
        return cmp
    if cmp.title is not None:
        if cmp.title >= 0.7:
            cmp.verdict = "match"
        elif cmp.title < 0.35 and len(token_variants(title)[0]) >= 2:
            cmp.verdict = "mismatch"
            cmp.reasons.append(f"title «{cmp.page_title}» ({work.source}) is not the record's «{title}»")
    if cmp.authors is False and cmp.verdict != "mismatch":
        if cmp.verdict == "match" and cmp.year is not False:
            cmp.reasons.append(f"none of the record's authors is among {', '.join(work.authors[:3])}")
        else:
            cmp.verdict = "mismatch"
            cmp.reasons.append(f"authors {', '.join(work.authors[:3])} ({work.source}) are not the record's")
    if cmp.authors and cmp.verdict == "unknown" and (cmp.title or 0) >= 0.5:
        cmp.verdict = "match"
    if cmp.year is False:
        cmp.reasons.append(f"year {', '.join(map(str, work.years))} on the page, {year} in the record")
    return cmp


_RANK = {"match": 2, "unknown": 1, "mismatch": 0}


def compare(ref: Reference, works: list[Work]) -> Comparison | None:
    """The best agreement between the record and what the page declares.

    Strong declarations decide; a ``<title>`` can only confirm.  None when there is
    nothing to compare (no title in the record, no declarations on the page).
    """
    if not works or not (ref.get("title") or ref.get("author")):
        return None
    strong = [compare_work(ref, w) for w in works if w.strong]
    if strong:
        return max(strong, key=lambda c: (_RANK[c.verdict], c.title or 0))
    weak = [compare_work(ref, w) for w in works]
    return max(weak, key=lambda c: (_RANK[c.verdict], c.title or 0))
