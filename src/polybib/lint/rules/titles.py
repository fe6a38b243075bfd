"""T: titles — case protection, all-caps titles, trailing punctuation."""
from __future__ import annotations

import re

from ...formats.bibtex.mapping import langid_to_code
from ..context import EntryView, finding
from ..findings import Fix
from ..registry import rule

TITLE_FIELDS = ("title", "subtitle", "booktitle", "maintitle")
# A word BibTeX styles would lower-case wrongly: an acronym (two or more capitals, maybe with
# digits: ЕАЭС, NASA, COVID-19), a word with a capital inside (iPhone, McDonald), or a
# hyphenated proper adjective (Sino-Russian).
_PROTECT = re.compile(
    r"(?<![\w{\\])("
    r"[A-ZА-ЯЁІЇЄҐ]{2,}[0-9]*(?:-[A-ZА-ЯЁ0-9]+)*"
    r"|[a-zа-яё]+[A-ZА-ЯЁ]\w*"
    r"|[A-ZА-ЯЁ][a-zа-яё]*[A-ZА-ЯЁ]\w*"
    r"|[A-Z][a-z]+-[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
    r")(?![\w}])")
_ROMAN = re.compile(r"^[IVXLC]+$")


def _case_changed(entry: EntryView) -> bool:
    """Whether a style may re-case this entry's title: biblatex sentence-cases only
    English entries; classic BibTeX styles (no langid) re-case everything."""
    langid = entry.value("langid")
    if langid is None:
        return True
    return langid_to_code(langid.strip()).split("-")[0] == "en"


def _unprotected_words(value: str) -> list[re.Match]:
    """Words at brace depth 0 that a style would lower-case."""
    found = []
    depth_at = []
    depth = 0
    for i, ch in enumerate(value):
        depth_at.append(depth)
        if ch == "{" and (i == 0 or value[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and (i == 0 or value[i - 1] != "\\"):
            depth = max(0, depth - 1)
    sentence_case = _is_sentence_case(value)
    for m in _PROTECT.finditer(value):
        word = m.group(1)
        if depth_at[m.start()] or _ROMAN.match(word):
            continue
        if _CAPITALISED_COMPOUND.match(word) and not (sentence_case and m.start() > 0):
            continue   # "Higher-Dimensional" in a title-cased title is just title case
        found.append(m)
    return found


_CAPITALISED_COMPOUND = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$")


def _is_sentence_case(value: str) -> bool:
    """Most longer words after the first start in lower case: then a capital inside the
    title marks a proper noun, not title case."""
    words = re.findall(r"[^\W\d_][\w-]{3,}", value)[1:]
    if len(words) < 2:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.5


@rule("T001", "unprotected-case", "warning", fix="safe", fields=TITLE_FIELDS)
def unprotected_case(entry: EntryView, config=None):
    """An acronym or proper noun in a title is not protected with braces.

    Why: BibTeX styles (and biblatex for English entries) lower-case titles, turning
    ``ЕАЭС`` into ``еаэс`` and ``Sino-Russian`` into ``sino-russian``.
    Example: ``title = {Анализ развития транспорта в ЕАЭС}`` with no ``langid``.
    Use instead: ``title = {Анализ развития транспорта в {ЕАЭС}}``.  Entries whose
    ``langid`` is not English are left alone: biblatex does not re-case them.
    """
    if not entry.is_bib or not _case_changed(entry):
        return
    values = entry.values
    for name in TITLE_FIELDS:
        if name not in values or not _PROTECT.search(values[name]):
            continue
        words = _unprotected_words(values[name])
        span = entry.span(name) if words else None
        if not span or span.raw.strip()[:1] not in "{\"" or "#" in span.raw:
            continue
        body = span.value
        for m in reversed(words):
            body = body[:m.start()] + "{" + m.group(1) + "}" + body[m.end():]
        listed = ", ".join(m.group(1) for m in words)
        yield finding(unprotected_case, entry, f"{name} of '{entry.key}': protect {listed} from "
                      f"lower-casing with braces", name,
                      Fix(f"brace {listed}", True, [span.replace_value(body)]))


_TAG = re.compile(r"<[^>]+>")


@rule("T002", "all-caps-title", "warning", fields=("title",))
def all_caps_title(entry: EntryView, config=None):
    """The whole title is in capitals.

    Why: it is how the title was printed on a cover or copied from a database, not how
    references give it; styles cannot re-case it and it shouts in the list.
    Example: ``title = {THE FUTURE OF THE SHANGHAI COOPERATION ORGANIZATION}``.
    Use instead: ``title = {The Future of the {Shanghai Cooperation Organization}}``.
    """
    title = entry.record.get("title")
    if not isinstance(title, str):
        return
    text = _TAG.sub("", title) if "<" in title else title
    if not text.isupper():      # a lower-case (or no) cased letter: cannot be all capitals
        return
    letters = [c for c in text if c.isalpha()]
    words = re.findall(r"\w{2,}", title)
    if len(letters) >= 12 and len(words) >= 3 and all(c.isupper() for c in letters):
        yield finding(all_caps_title, entry, f"title of '{entry.key}' is all capitals", "title")


#: Words that are abbreviated with a period at the end of a title (and so keep it):
#: company forms, "et al.", "etc.", and GOST's abbreviations.  Compared without case.
_ABBREVIATIONS = frozenset("""
    inc ltd corp co bros plc llc gmbh ag sa etc al ed eds vol vols no nos pp repr rev
    univ dept intl assn jr sr st dr mr mrs ms prof vs cf ca approx
    изд доп испр перераб т тт ч вып гг вв др пр см стр им акад ин-т ун-т сб
""".split())
#: The last word of a title before its final period: what follows a space, a tie (``~``),
#: a brace, a parenthesis or a slash.  Internal periods and hyphens stay in the word
#: (``U.S.A``, ``ин-т``).
_LAST_WORD = re.compile(r"(?:^|[\s~{}()\[\]/\\])([^\s~{}()\[\]/\\]*)\.$")


def _ends_with_abbreviation(stripped: str) -> bool:
    """Whether a title's final period belongs to an abbreviation and must stay.

    Why: ``Россия в XX~в.``, ``Сочинения в 4-х~т.``, ``Acme Inc.``, ``U.S.A.`` end in an
    abbreviation's period, not in punctuation the style doubles; dropping it loses data.
    An abbreviation here is: a word tied to what precedes it with ``~`` (a GOST habit for
    ``в.``, ``т.``, ``с.``), a word with a period inside (``U.S.A.``, ``т.д.``), a word of
    at most three letters (``в.``, ``гг.``, ``Nm.``: short words are abbreviations too often
    to decide), a known abbreviation, or anything ending in ``..``.  A period right after a
    brace, digit or parenthesis (``{GaN}.``, ``Si(111).``) ends the title, not a word.
    """
    if stripped.endswith(".."):
        return True
    if len(stripped) < 2 or not stripped[-2].isalpha():
        return False        # after a brace, a digit or a parenthesis: "{GaN}.", "(111)."
    m = _LAST_WORD.search(stripped)
    if m is None:
        return False
    word = m.group(1)
    if m.start(1) > 0 and stripped[m.start(1) - 1] == "~":
        return True
    if "." in word:
        return True
    letters = "".join(c for c in word if c.isalpha())
    if letters and len(letters) <= 3:
        return True
    tail = word.rsplit("-", 1)[-1]
    return word.casefold() in _ABBREVIATIONS or tail.casefold() in _ABBREVIATIONS


@rule("T003", "title-trailing-punctuation", "warning", fix="safe",
      fields=("title", "booktitle"))
def title_trailing_punctuation(entry: EntryView, config=None):
    """A title ends with a period, comma, colon or semicolon.

    Why: the style adds its own punctuation after the title, printing ``облака.. //``
    or ``cooperation.,``.
    Example: ``title = {Бизнес и облака.}``.
    Use instead: ``title = {Бизнес и облака}`` (``?``, ``!`` and ``…`` are kept, and so
    is the period of an abbreviation: ``XX~в.``, ``Inc.``, ``U.S.A.``).  The fix removes
    exactly one mark.
    """
    values = entry.values
    for name in ("title", "booktitle"):   # (abbreviated journal titles end in '.' rightly)
        if name in values and values[name].rstrip().endswith((".", ",", ";", ":")):
            span = entry.span(name)
            value = span.value
            stripped = value.rstrip()
            mark = stripped[-1]
            if mark == "." and _ends_with_abbreviation(stripped):
                continue
            if span.raw.strip()[:1] in "{\"" and "#" not in span.raw:
                fixed = stripped[:-1].rstrip()
                yield finding(title_trailing_punctuation, entry, f"{name} of '{entry.key}' ends with "
                              f"'{mark}'", name, Fix(f"drop the trailing '{mark}'", True,
                                                     [span.replace_value(fixed)]))
        elif not entry.is_bib and name == "title":
            title = entry.record.get("title")
            if isinstance(title, str) and title.rstrip().endswith((".", ",", ";", ":")) \
                    and not (title.rstrip().endswith(".") and _ends_with_abbreviation(title.rstrip())):
                yield finding(title_trailing_punctuation, entry, f"title of '{entry.key}' ends with "
                              f"'{title.rstrip()[-1]}'", "title")
