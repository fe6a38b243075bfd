"""References written to GB/T 7714 (Chinese lists): ``作者. 题名[J]. 刊名, 年, 卷(期): 页码.``

Why a module of its own: a Chinese reference has no spaces between words, so the token CRF
sees a whole title as one token and the GOST and English rules read the whole reference as one
title.  But GB/T 7714 marks every record with its type code in brackets after the title
(``[J]`` journal, ``[M]`` book, ``[D]`` thesis, ``[C]``/``[A]`` a paper in a collection,
``[R]`` report, ``[S]`` standard, ``[P]`` patent, ``[N]`` newspaper, ``[EB/OL]`` web page …),
and the areas after it have one fixed shape per type; so the code decides the type and the
shape, exactly, for Chinese references and for English ones written the same way
(``LECUN Y, BENGIO Y. Deep learning[J]. Nature, 2015, 521(7553): 436-444.``).  Full-width
punctuation (``，：（）［］．``) is read as its ASCII twin.  Chinese names are kept whole, as
literals (``张三``): GB/T prints them family name first with no separator.
"""
from __future__ import annotations

import re

from ..model import Date, Name, Reference, Source

#: The type code right after the title (``/OL``: online).
CODE = re.compile(r"\[\s*(J|M|D|C|A|N|R|S|P|G|Z|K|EB|DB|CP|DS|CM|DT)(?:\s*/\s*(?:OL|CD|MT|DK))?\s*\]")
_TYPES = {"J": "article-journal", "M": "book", "D": "thesis", "C": "paper-conference", "A": "chapter",
          "N": "article-newspaper", "R": "report", "S": "standard", "P": "patent", "G": "book", "Z": "book",
          "K": "book", "EB": "webpage", "DB": "dataset", "DS": "dataset", "CP": "software", "CM": "map",
          "DT": "dataset"}
_FULL_WIDTH = str.maketrans({"，": ", ", "：": ": ", "；": "; ", "（": "(", "）": ")", "［": "[", "］": "]",
                             "．": ". ", "。": ". ", "、": ", ", "—": "-", "–": "-", "～": "-", "〜": "-"})
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_URL = re.compile(r"https?://\S+|www\.\S+")
_DOI = re.compile(r"(?:DOI\s*[:：]?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)", re.I)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_ETAL = re.compile(r"(?:,\s*)?(?:等|et\s+al\.?)\s*$", re.I)
#: "出版地: 出版者, 年: 页码" (also "Place: Publisher, Year" and "保存地: 保存单位, 年").
_IMPRINT = re.compile(rf"^(?:(?P<place>[^:.,]{{1,40}}?)\s*:\s*)?(?P<publisher>[^:]+?),\s*(?P<year>{_YEAR})[a-z]?"
                      rf"(?:\s*[:,]\s*(?P<page>[\dA-Za-z]+(?:\s*-\s*[\dA-Za-z]+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*))?\s*\.?$")
#: "刊名, 年, 卷(期): 页码" and "Journal, 2015, 521(7553): 436-444".
_JOURNAL = re.compile(rf"^(?P<container>.+?),\s*(?P<year>{_YEAR})[a-z]?(?:\s*,\s*(?P<volume>[^(:,]+?))?"
                      rf"\s*(?:\((?P<issue>[^)]+)\))?(?:\s*:\s*(?P<page>[\dA-Za-z]+(?:\s*-\s*[\dA-Za-z]+)?))?\s*\.?$")
_STANDARD = re.compile(r"^((?:GB|GB/T|GB/Z|GBZ|JGJ|JB/T|YY/T|ISO|IEC|HJ|DB\d*/T)\s*[\d.]+\s*-\s*\d{4})\s*,?\s*")
_PATENT_NUMBER = re.compile(r"(?:CN|US|EP|JP|WO|KR|DE|GB)\s?\d{5,}(?:\.\d)?\s?[A-Z]?\d?")


def looks_like(text: str) -> bool:
    """A GB/T 7714 reference: a type code after something, and Chinese, Japanese or Korean in
    it or the code followed by the areas (``[J]. ``, ``[C]//``, ``[EB/OL]``)."""
    m = CODE.search(text)
    if not m or m.start() < 2:
        return False
    return bool(_HAN.search(text) or _KANA.search(text) or _HANGUL.search(text)
                or re.match(r"\s*(?:\.|//|\s*$)", text[m.end():]))


def _names(text: str) -> tuple[list[Name], bool]:
    from .names import parse_names
    text = text.strip(" ,.;")
    etal = bool(_ETAL.search(text))
    text = _ETAL.sub("", text).strip(" ,.;")
    if not text:
        return [], etal
    if _HAN.search(text) or _KANA.search(text) or _HANGUL.search(text):
        parts = [p.strip() for p in re.split(r"\s*[,;]\s*", text) if p.strip()]
        return [Name(literal=p) for p in parts], etal
    names = []
    for part in (p.strip() for p in re.split(r"\s*[,;]\s*", text) if p.strip()):
        m = re.fullmatch(r"([A-Za-z][A-Za-z'’-]+(?:\s+[A-Za-z][a-z'’-]+)*)\s+([A-Z](?:[A-Z]{0,2}|(?:\s?[A-Z])*|-[A-Z]))\.?", part)
        if m:                       # "LECUN Y", "Smith J R": family name, then initials without dots
            family = m.group(1)
            if family.isupper():
                family = family.title()
            given = " ".join(f"{c}." for c in re.sub(r"[\s-]", "", m.group(2)))
            names.append(Name(family=family, given=given))
        else:
            got, more_etal, _ = parse_names(part)
            names.extend(got)
            etal = etal or more_etal
    return names, etal


def _split_names(head: str) -> tuple[str, str]:
    """``作者. 题名`` → (names, title); no names when the part before the first full stop does
    not read as a list of names (a title that holds a full stop)."""
    m = re.match(r"^(.{1,200}?)\.\s*(?=\S)", head)
    if not m:
        return "", head
    names = m.group(1)
    pieces = [p.strip() for p in re.split(r"\s*[,;]\s*", _ETAL.sub("", names)) if p.strip()]
    if not pieces:
        return "", head
    for p in pieces:
        if _HAN.search(p) and len(p) > 6:
            return "", head         # a Chinese name has two to four characters (six for a transliterated one)
        if not _HAN.search(p) and (len(p.split()) > 4 or not re.match(r"[A-Z]", p)):
            return "", head
    return names, head[m.end():]


def parse(text: str, source: Source | None = None) -> Reference | None:
    """The record of a GB/T 7714 reference, or None when ``text`` is not one."""
    if not looks_like(text):
        return None
    t = " ".join(text.translate(_FULL_WIDTH).split())
    m = CODE.search(t)
    if not m:
        return None
    code = m.group(1)
    ref = Reference(source=source or Source(format="text"))
    f = ref.fields
    url = _URL.search(t)
    if url:
        f["URL"] = url.group(0).rstrip(".,;")
        t = (t[:url.start()] + t[url.end():]).strip()
    doi = _DOI.search(t)
    if doi:
        f["DOI"] = doi.group(1).rstrip(".,;")
        t = (t[:doi.start()] + t[doi.end():]).strip(" .")
    m = CODE.search(t)
    head, tail = t[:m.start()].strip(), t[m.end():].strip()
    kind = _TYPES.get(code, "book")
    standard = _STANDARD.match(head)
    if standard:
        f["number"] = standard.group(1)
        head = head[standard.end():]
        names_text = ""
    else:
        names_text, head = _split_names(head)
    if names_text:
        names, etal = _names(names_text)
        if names:
            f["author"] = names
        if etal:
            ref.extra["polybib.etal.author"] = "true"
    title = head.strip(" .")
    if kind == "patent":
        number = _PATENT_NUMBER.search(title)
        if number:
            f["number"] = number.group(0).strip()
            title = title[:number.start()].rstrip(" :,")
            title = re.sub(r"\s*:\s*[^:]{1,12}$", "", title) if ":" in title else title   # "专利名: 中国"
    f["title"] = title
    tail = re.sub(r"^\.\s*", "", tail)
    if tail.startswith("//"):           # [C]//编者. 论文集名. 出版地: 出版者, 年: 页码
        tail = tail[2:].strip()
        pieces = [p.strip() for p in re.split(r"\.\s+(?=\S)", tail) if p.strip()]
        imprint = _IMPRINT.match(pieces[-1]) if pieces else None
        if imprint:
            _imprint(f, imprint)
            pieces = pieces[:-1]
        if len(pieces) >= 2:
            editors = re.sub(r"[,\s]*(?:主编|编|eds?|编著)\.?$", "", pieces[0], flags=re.I)
            names, _ = _names(editors)
            if names:
                f["editor"] = names
            pieces = pieces[1:]
        if pieces:
            f["container-title"] = ". ".join(pieces).strip(" .")
        if kind == "article-journal":
            kind = "chapter"
    elif kind in ("article-journal", "article-newspaper"):
        j = _JOURNAL.match(tail)
        if j:
            f["container-title"] = j.group("container").strip(" .")
            f["issued"] = Date(parts=[[int(j.group("year"))]])
            if j.group("volume"):
                f["volume"] = j.group("volume").strip()
            if j.group("issue"):
                f["issue"] = j.group("issue").strip()
            if j.group("page"):
                f["page"] = re.sub(r"\s*-\s*", "-", j.group("page"))
        else:
            paper = re.match(r"^(?P<container>.+?),\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*(?:\((?P<page>[^)]+)\))?", tail)
            if paper:                   # 人民日报, 2019-03-12(5)
                f["container-title"] = paper.group("container").strip(" .")
                f["issued"] = Date(parts=[[int(paper.group(k)) for k in ("y", "m", "d")]])
                if paper.group("page"):
                    f["page"] = paper.group("page").strip()
            elif tail:
                f["container-title"] = tail.split(",")[0].strip(" .")
    else:
        dated = re.search(r"\((\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\)\s*\[(\d{4})-(\d{1,2})-(\d{1,2})\]", tail)
        if dated:                       # [EB/OL]. (2020-05-01)[2021-03-02].
            parts = [int(p) for p in dated.groups()[:3] if p]
            f["issued"] = Date(parts=[parts])
            f["accessed"] = Date(parts=[[int(p) for p in dated.groups()[3:]]])
            tail = (tail[:dated.start()] + tail[dated.end():]).strip(" .")
        else:
            cited = re.search(r"\[(\d{4})-(\d{1,2})-(\d{1,2})\]", tail)
            if cited:
                f["accessed"] = Date(parts=[[int(p) for p in cited.groups()]])
                tail = (tail[:cited.start()] + tail[cited.end():]).strip(" .")
        pieces = [p.strip() for p in re.split(r"\.\s+(?=\S)", tail) if p.strip()]
        imprint = _IMPRINT.match(pieces[-1]) if pieces else None
        if imprint and (imprint.group("place") or kind != "webpage"):
            _imprint(f, imprint)
            pieces = pieces[:-1]
        for piece in pieces:
            edition = re.match(r"^(?:第)?\s*(\d+)\s*(?:版|th|nd|rd|st)\b\.?\s*(?:ed)?", piece)
            if edition:
                f["edition"] = edition.group(1)
        if "issued" not in f:
            year = re.search(rf"(?<!\d){_YEAR}(?!\d)", tail)
            if year:
                f["issued"] = Date(parts=[[int(year.group(0))]])
    if kind == "thesis" and "publisher" in f:
        pass                            # 保存单位 (the university) is the thesis's publisher in CSL
    ref.type = kind
    sample = f"{f.get('title', '')} {f.get('container-title', '')}"
    ref.fields["language"] = ("zh" if _HAN.search(sample) and not _KANA.search(sample) else
                              "ja" if _KANA.search(sample) else "ko" if _HANGUL.search(sample) else "en")
    ref.confidence = {k: 0.9 for k in ref.fields}
    return ref


def _imprint(fields: dict, m: re.Match) -> None:
    if m.group("place"):
        fields["publisher-place"] = m.group("place").strip(" .")
    fields["publisher"] = m.group("publisher").strip(" .")
    fields["issued"] = Date(parts=[[int(m.group("year"))]])
    if m.group("page"):
        fields["page"] = re.sub(r"\s*-\s*", "-", m.group("page"))
