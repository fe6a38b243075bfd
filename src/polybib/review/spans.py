"""Where each field of a record lies in the reference's original text.

The review page colours every token of the original text by the field it became, so the
user sees at a glance what the parser took for a title and what for a journal.  The
parser does not say where it found a value (the rule parser rewrites text: ``СПб.`` →
``Санкт-Петербург``, ``Но Т.Е.В.`` → ``Ho T. E. B.``, ``134–135`` → ``134-135``), and a
learned labeller may or may not keep its token labels, so this module finds the values
again, independently of how they were made:

* the text and each value are *folded* the same way — lower case, Cyrillic letters that
  look like Latin ones read as Latin, every dash a hyphen, every quote ``"``, white space
  dropped — and a value is looked up in the folded text, then mapped back to the original
  offsets;
* longer values claim their place first (a title before the year inside it), and a value
  never takes text another value already holds; a short value (``7``, ``1``) must stand as
  a word of its own, so the ``7`` of ``7-й`` is not a volume;
* names are found part by part (family, then given names), dates in the forms a list
  prints them (``2019``, ``11.02.2019``, ``2019-02-11``);
* spans the user labelled by hand come first and are kept as given.

A value that cannot be found (an expanded abbreviation, a language code) is simply not
coloured: the fields list shows it as "not in the text".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..model import Date, Name

#: Cyrillic letters read as the Latin letters they look like (lower case).
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԛ": "q", "ԝ": "w", "һ": "h",
})
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTES = "«»“”„‟\"'’‘‚"
#: Variables never looked for in the text: they are codes, not printed words.
SKIPPED = frozenset({"language", "type", "id", "citation-key", "source"})


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is (part of) the value of ``field``; ``user`` when labelled by hand."""

    start: int
    end: int
    field: str
    user: bool = False

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "field": self.field, "user": self.user}


#: One table for all of it (after lower-casing): dashes, quotes, look-alike letters.
_FOLD = str.maketrans({**{d: "-" for d in _DASHES}, **{q: '"' for q in _QUOTES},
                       **{chr(k): v for k, v in _LOOKALIKES.items()}})
_SPACE = re.compile(r"\s+")


def _fold_char(ch: str) -> str:
    return ch.lower().translate(_FOLD)


class FoldedText:
    """The folded text and, for each folded character, its offset in the original."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower().translate(_FOLD)
        if len(low) == len(text):                 # the usual case: one character each
            where = [i for i, ch in enumerate(low) if not ch.isspace()]
            self.folded = "".join([low[i] for i in where])
            self.where = where
            return
        chars: list[str] = []
        where = []
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            for piece in _fold_char(ch):          # a letter that lower-cases to two (İ → i̇)
                chars.append(piece)
                where.append(i)
        self.folded = "".join(chars)
        self.where = where

    def occurrences(self, value: str) -> Iterable[tuple[int, int]]:
        """Original (start, end) of every place ``value`` occurs, left to right."""
        needle = fold(value)
        if not needle:
            return
        pos = self.folded.find(needle)
        while pos >= 0:
            start = self.where[pos]
            end = self.where[pos + len(needle) - 1] + 1
            yield start, end
            pos = self.folded.find(needle, pos + 1)


@functools.lru_cache(maxsize=1 << 16)
def fold(value: str) -> str:
    """``value`` as it is compared: lower case, one dash, one quote, look-alikes as Latin,
    no white space (cached: a list repeats its names, journals and years)."""
    return _SPACE.sub("", value.lower().translate(_FOLD))


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Neither glued to a letter or digit nor joined to one by a hyphen (``7-й``, ``1-2``)."""
    def joined(at: int, step: int) -> bool:
        if not 0 <= at < len(text):
            return False
        if text[at].isalnum():
            return True
        return text[at] in "-" + _DASHES and 0 <= at + step < len(text) and text[at + step].isalnum()
    return not joined(start - 1, -1) and not joined(end, 1)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def date_forms(date: Date) -> list[str]:
    """How a list may print ``date``: the literal, ``dd.mm.yyyy``, ISO, the year alone."""
    if not date.parts:
        return [date.literal] if date.literal else []
    forms = []
    first = date.parts[0]
    if len(first) >= 3:
        y, m, d = first[:3]
        forms += [f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}"]
    if len(first) >= 2:
        forms += [f"{first[1]:02d}.{first[0]}", f"{first[0]}-{first[1]:02d}"]
    if len(date.parts) > 1 and date.parts[1]:
        forms += [f"{first[0]}-{date.parts[1][0]}", f"{first[0]}/{date.parts[1][0]}"]
    forms.append(str(first[0]))
    return forms


def value_pieces(value: Any) -> list[list[str]]:
    """The pieces of a field's value to find, each a list of alternatives (first found wins)."""
    if isinstance(value, Date):
        forms = date_forms(value)
        return [forms] if forms else []
    if isinstance(value, list):
        pieces: list[list[str]] = []
        for name in value:
            if not isinstance(name, Name):
                continue
            if name.literal:
                pieces.append([name.literal])
                continue
            family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
            if family:
                pieces.append([family])
            if name.given:
                pieces.append([name.given, name.given.replace(" ", "")])
            if name.dropping_particle:
                pieces.append([name.dropping_particle])
        return pieces
    if isinstance(value, str) and value.strip():
        plain = re.sub(r"<[^>]+>", "", value)        # CSL rich-text markup is not printed
        alternatives = [plain]
        if "-" in plain:
            alternatives.append(plain.replace("-", "--"))
        return [alternatives]
    return []


def locate(text: str, fields: dict[str, Any], user_spans: Iterable[Span] = ()) -> list[Span]:
    """The spans of ``fields``' values in ``text``, user spans first, sorted by start."""
    spans = [s for s in user_spans if 0 <= s.start < s.end <= len(text)]
    taken = [(s.start, s.end) for s in spans]
    if not text:
        return spans
    folded = FoldedText(text)
    wanted: list[tuple[int, str, list[str]]] = []
    for name, value in fields.items():
        if name in SKIPPED:
            continue
        for alternatives in value_pieces(value):
            wanted.append((max(len(fold(a)) for a in alternatives), name, alternatives))
    wanted.sort(key=lambda w: -w[0])             # longest first: a title before its numbers
    for _, name, alternatives in wanted:
        place = _place(folded, alternatives, taken)
        if place:
            taken.append(place)
            spans.append(Span(place[0], place[1], name))
    spans.sort(key=lambda s: s.start)
    return spans


def _place(folded: FoldedText, alternatives: list[str], taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    for value in alternatives:
        short = len(fold(value)) < 6
        for start, end in folded.occurrences(value):
            if not _free(taken, start, end):
                continue
            if short and not _stands_alone(folded.text, start, end):
                continue
            return start, end
    return None
