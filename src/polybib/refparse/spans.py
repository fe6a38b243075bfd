"""Token labels → field spans → field values, through the parser's own normalisers.

A span is a run of tokens with one label; its text is cut from the reference exactly as
written (offsets), then made a value the way the rules make theirs: names through
``names.parse_names``, years and page ranges through ``areas``, places through
``parser.expand_city``, markers (``Т.``, ``№``, ``С.``, ``vol.``, ``pp.``) stripped from numbers.
Only the first span of a label is a field; later ones are returned as leftovers (kept in
``note`` by the caller, nothing is dropped).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Date
from .areas import YEAR, normalize_pages
from .names import parse_names
from .tokens import Token


@dataclass(slots=True)
class Span:
    label: str
    start: int          # first token
    end: int            # last token + 1
    text: str
    confidence: float


def spans(text: str, tokens: list[Token], labels: list[str], marginals: list[float] | None = None) -> list[Span]:
    out: list[Span] = []
    i, n = 0, len(tokens)
    while i < n:
        label = labels[i]
        j = i + 1
        while j < n and labels[j] == label:
            j += 1
        if label != "O":
            conf = min(marginals[i:j]) if marginals else 1.0
            end = tokens[j - 1].end
            k = j
            while k < n and labels[k] == "O":
                # «Вестник НАН РК» keeps its closing mark, "(1919–1993 рр.)" its dot and bracket
                if _opened(text[tokens[i].start:end], tokens[k].text):
                    end = tokens[k].end
                    k += 1
                elif (tokens[k].text == "." and k + 1 < n and labels[k + 1] == "O"
                      and _opened(text[tokens[i].start:end], tokens[k + 1].text)):
                    end = tokens[k + 1].end
                    k += 2
                else:
                    break
            if k > j:
                pass
            elif (j < n and tokens[j].text == "." and label in ("author", "editor", "translator")
                  and len(tokens[j - 1].text) <= 2 and tokens[j - 1].text[0].isupper()):
                end = tokens[j].end            # "Robinson T. E." keeps its last initial's dot
            out.append(Span(label, i, j, text[tokens[i].start:end], conf))
        i = j
    return out


_PAIRS = {"»": "«", ")": "(", "]": "[", "”": "“", '"': '"', "“": "„"}


def _opened(span: str, closer: str) -> bool:
    """Whether ``span`` opened a bracket or quote that ``closer`` (the next token) closes."""
    opener = _PAIRS.get(closer)
    if opener is None:
        return False
    if opener == closer:
        return span.count(opener) % 2 == 1
    return span.count(opener) > span.count(closer)


_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
_NUMBER_MARKER = re.compile(r"^(?:[Pp]ages?\b|[ТTтt]\.|Том|[Vv]olume|Vol\.?|vol\.?|[Vv]\.|Bd\.|№\.?|[Nn]o\.?|N(?=\s*\d)|Nr\.?|"
                            r"Iss\.?|Issue|Вып\.|вып\.|[Сс]\.|[Сс]с\.|[Pp][Pp]?\.|[PpSs]\.|стр\.)\s*")
_STRIP = " ,;:/.([)]"


def _number(text: str) -> str:
    t = text.strip(" ,;:/").lstrip("–—- ")        # "– PP. 012–031": the area's dash is not the page's
    t = _NUMBER_MARKER.sub("", t)
    t = re.sub(r"(?<=\d)\s*(?:pp?|S|с|стр|pages)\.?$", "", t)
    t = t.strip(" ,;:/()[]")
    return t.rstrip(".") if not t.endswith("..") else t


def _clean(text: str) -> str:
    t = re.sub(r"\s+", " ", text).strip(" ,;:/")
    t = re.sub(r"\s+[–—-]+$", "", t)          # "… - uWeb –": an area dash, not the title's
    if t.startswith("[") and t.endswith("]") and t.count("[") == 1:
        t = t[1:-1]                            # "[Рэцэнзія]": a title supplied in brackets
    for quote, opener in (('"', '"'), ("”", "“"), ("»", "«")):
        at = t.find(quote)
        if 0 < at < len(t) - 1 and opener not in t[:at] and (quote != '"' or t.count('"') == 1) \
                and len(re.findall(r"\w+", t[at:])) <= 2:
            t = t[:at].rstrip(" ,;:.")         # 'HOG Descriptor," Documentation': the quote closed the title
    if t.endswith(".") and not t.endswith(".."):
        t = t[:-1]
    # a bracket opened inside the span but closed outside it (or the other way) is not kept
    if t.startswith(("(", "[")) and not any(c in t for c in ")]"):
        t = t[1:]
    if t.endswith((")", "]")) and not any(c in t for c in "(["):
        t = t[:-1]
    if t.startswith(("«", "“", '"')) and t.count(t[0]) + t.count("»") + t.count("”") == 1:
        t = t[1:]
    if t.endswith(("»", "”", '"')) and sum(t.count(c) for c in "«“\"") == 0:
        t = t[:-1]
    return t.strip(" ,;:/")


#: Words that say who the names are, before them ("под общ. ред.", "за заг. ред.", "отв. ред.",
#: "редкол.:", "сост.", "жалпы ред.", "Ed.", "edited by") and after them ("(eds.)", "(гал. рэд.)", "Ed.").
_ROLE_BEFORE = re.compile(r"^(?:(?:(?:под|за|пад)\s+(?:общ\.|заг\.|науч\.|агул\.|ред\.)?\s*ред(?:акцией|акцією|акцыяй)?\.?|"
                          r"(?:отв|гл|науч|гал)\.\s*ред\.|ответственный редактор|главный редактор|жалпы\s+ред\.|"
                          r"ред(?:кол|\.\s*кол)?\.?\s*:|рэдкал\.?\s*:|редколлегия\s*:|сост\.|укл(?:ад)?\.|упоряд\.|"
                          r"құраст\.|пер\.(?:\s*с\s+\w+\.)?|[Ee]ds?\.|[Ee]d(?:ited)?\s+by|[Tt]rans(?:lated)?\.?(?:\s+by)?|"
                          r"In:?|В:|У:)\s*)+")
_ROLE_INSIDE = re.compile(r"\s*\((?:eds?|Eds?|ред|Hrsg|Hg|гал\.\s*рэд|гл\.\s*ред|отв\.\s*ред)\.?\)(?=\s*[\[(])")
_ROLE_AFTER = re.compile(r"(?:[\s,]*\((?:eds?|Eds?|ред|Hrsg|Hg|гал\.\s*рэд|гл\.\s*ред|отв\.\s*ред)\.?\)|"
                         r"[\s,]+(?:[Ee]ds?|ред)\.?)[\s.,]*$")


def value(label: str, text: str):
    """The field value of one span's text, or None when the span holds none."""
    from .parser import expand_city
    if label in ("author", "editor", "translator"):
        t = _ROLE_BEFORE.sub("", text.strip())
        t = _ROLE_AFTER.sub("", _ROLE_INSIDE.sub("", t))
        t = t.strip(" ,;:/")
        while t.endswith(("[", "(")):          # "А. П. Горкин [и др.]": the bracket is the et al.'s
            t = t[:-1].rstrip(" ,;:/")
        names, etal, _ = parse_names(t)
        return (names, etal) if names else None
    if label == "issued":
        m = _YEAR.search(text)
        return Date(parts=[[int(m.group(0))]]) if m else None
    if label == "page":
        t = _number(text)
        return normalize_pages(t) if re.search(r"\d|[IVXLC]", t) else None
    if label == "number-of-pages":
        m = re.search(r"\d+", text)
        return m.group(0) if m else None
    if label in ("volume", "issue"):
        t = _number(text)
        return t or None
    if label == "number":
        t = re.sub(r"^(?:№|[Nn]o\.?)\s*", "", text.strip(" ,;:/")).rstrip(".")
        return t or None
    if label == "publisher-place":
        t = _clean(text)
        return expand_city(t) if t else None
    t = _clean(text)
    return t or None
