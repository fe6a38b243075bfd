"""The one engine every scheme runs on: a table of letters plus context rules, applied word by word.

Why our own engine rather than calling ``iuliia`` directly:

* one rule format for all languages.  Russian tables come from iuliia's published scheme
  definitions (see :mod:`.iuliia_tables`), the Ukrainian, Belarusian, Bulgarian, Serbian,
  Macedonian and Kazakh tables are ours (:mod:`.tables`), and all of them need the same
  context rules (word-initial ``є`` → ``ye``, ``зг`` → ``zgh``, word-final ``-ия`` → ``ia``);
* case done right.  iuliia capitalises a multi-letter output even inside an all-caps word
  (``ЩУКА`` → ``ShchUKA``); here an upper-case letter is written in capitals when its
  neighbour is a capital too (``SHCHUKA``), and title-cased otherwise (``Shchuka``, ``Yu.``);
* words as a reader sees them: input is normalised to NFC (a decomposed ``й`` is one
  letter), a combining stress mark stays on its letter without breaking the word, and
  in Ukrainian and Belarusian an apostrophe belongs to the word (``Знам'янка`` →
  ``Znamianka``, not ``Znamyanka``);
* speed: a word is translated once and cached, so running text costs a dictionary look-up
  per word (see ``benchmarks/bench_translit.py``).

The rule format is iuliia's, so its scheme files load unchanged:

``mapping``
    letter → output (lower case; upper case is derived).
``prev``
    two letters ``xy`` → output for ``y`` when it follows ``x``; a single letter ``y`` is
    the rule for ``y`` at the start of a word.
``next``
    ``xy`` → output for ``x`` when ``y`` follows; a single letter ``x`` is the rule for ``x``
    at the end of a word.
``ending``
    word ending → output, for words longer than the ending (the rest of the word is
    translated on its own, as iuliia does).
``exceptions``
    whole words with a fixed romanization (``България`` → ``Bulgaria``).

Rules are tried in that order: exceptions, ending, prev, next, mapping.  A Cyrillic letter
the table does not know is written as ISO 9 writes it (``fallback``), so no Cyrillic
survives a transliteration; any other character is kept as it is.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Mapping

#: Cyrillic blocks: Cyrillic, Cyrillic Supplement, Extended-C, Extended-B.
CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f"
_HAS_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_MARKS = "\u0300-\u036f"
#: Apostrophes that belong inside Ukrainian and Belarusian words.
APOSTROPHES = "'\u2019\u02bc"

_WORD = re.compile(rf"[\w{_MARKS}]+")
_MARK = re.compile(f"[{_MARKS}]")
_WORD_WITH_APOSTROPHES = re.compile(rf"[\w{_MARKS}]+(?:[{APOSTROPHES}][\w{_MARKS}]+)*")

#: Words cached per table before the cache is emptied (bounded memory on huge inputs).
CACHE_LIMIT = 200_000


def has_cyrillic(text: str) -> bool:
    return _HAS_CYRILLIC.search(text) is not None


def _is_mark(ch: str) -> bool:
    return "\u0300" <= ch <= "\u036f"


def _title(text: str) -> str:
    """Upper-case the first character only: ``shch`` → ``Shch``, ``i͡u`` → ``I͡u``."""
    return text[:1].upper() + text[1:]


class Table:
    """A compiled transliteration table for one language in one scheme.

    Call it on text: ``Table(...)("Щука")`` → ``"Shchuka"``.  Tables are immutable once
    built and safe to share; the word cache is an implementation detail.
    """

    def __init__(self, mapping: Mapping[str, str], *, prev: Mapping[str, str] | None = None,
                 next: Mapping[str, str] | None = None, ending: Mapping[str, str] | None = None,
                 exceptions: Mapping[str, str] | None = None, apostrophes: bool = False,
                 fallback: Mapping[str, str] | None = None, name: str = ""):
        self.name = name
        self.map = {k.lower(): v for k, v in mapping.items()}
        if fallback:
            for key, value in fallback.items():
                self.map.setdefault(key.lower(), value)
        self.prev = {k.lower(): v for k, v in (prev or {}).items()}
        self.next = {k.lower(): v for k, v in (next or {}).items()}
        self.ending = {k.lower(): v for k, v in (ending or {}).items()}
        self.ending_lengths = sorted({len(k) for k in self.ending}, reverse=True)
        self.exceptions = {unicodedata.normalize("NFC", k).lower(): v.lower()
                           for k, v in (exceptions or {}).items()}
        self.apostrophes = apostrophes
        self._word_re = _WORD_WITH_APOSTROPHES if apostrophes else _WORD
        self._cache: dict[str, str] = {}
        # Letters some context rule looks at: a word without them, in lower case after its
        # first letter, is translated by str.translate in one C call (the fast path).
        self._context = frozenset({k[-1] for k in self.prev} | {k[0] for k in self.next})
        self._translate = {}
        for key, value in self.map.items():
            if len(key) == 1:
                self._translate[ord(key)] = value
                upper = key.upper()
                if len(upper) == 1 and upper != key:
                    self._translate[ord(upper)] = value.upper() if len(value) == 1 else _title(value)

    # ------------------------------------------------------------------ text

    def __call__(self, text: str) -> str:
        """``text`` romanized; text without Cyrillic letters comes back untouched."""
        if not text or not _HAS_CYRILLIC.search(text):
            return text
        return self._word_re.sub(self._word_match, text)

    def _word_match(self, match: re.Match) -> str:
        word = match.group(0)
        cached = self._cache.get(word)
        if cached is None:
            if _HAS_CYRILLIC.search(word):
                cached = unicodedata.normalize("NFC", self.word(unicodedata.normalize("NFC", word)))
            else:
                cached = word
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = cached
        return cached

    # ------------------------------------------------------------------ one word

    def word(self, word: str) -> str:
        """One word (NFC, no spaces) romanized."""
        lower = word.lower()
        if len(lower) != len(word):     # a letter whose lower case is two characters (İ)
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in word)
        if self.exceptions:
            fixed = self.exceptions.get(lower)
            if fixed is not None:
                return _like_case(fixed, word)
        for size in self.ending_lengths:
            if len(word) > size:
                out = self.ending.get(lower[-size:])
                if out is not None:
                    return self.letters(word[:-size], lower[:-size]) + _like_case(out, word[-size:])
        if word[1:] == lower[1:] and not self._context.intersection(lower) \
                and not _MARK.search(word):
            return word.translate(self._translate)
        return self.letters(word, lower)

    def letters(self, word: str, lower: str) -> str:
        """Letter-by-letter translation with the prev/next rules and case handling."""
        if _MARK.search(word):
            return self._letters_with_marks(word, lower)
        out = []
        n = len(word)
        prev_map, next_map, char_map, context = self.prev, self.next, self.map, self._context
        for i in range(n):
            cur = lower[i]
            piece = None
            if cur in context:
                if prev_map:
                    piece = prev_map.get((lower[i - 1] if i else "") + cur)
                if piece is None and next_map:
                    piece = next_map.get(cur + (lower[i + 1] if i + 1 < n else ""))
            if piece is None:
                piece = char_map.get(cur)
                if piece is None:
                    out.append(word[i])
                    continue
            original = word[i]
            if original != cur and piece:
                piece = self._cased(piece, word, i)
            out.append(piece)
        return "".join(out)

    @staticmethod
    def _cased(piece: str, word: str, i: int) -> str:
        """Upper-case output for the capital at ``word[i]``: all capitals when a neighbour
        is a capital (``ЩУКА`` → ``SHCHUKA``), else title case (``Щука`` → ``Shchuka``)."""
        if len(piece) == 1:
            return piece.upper()
        neighbour = _cased_letter(word[i + 1:]) or _cased_letter(reversed(word[:i]))
        if neighbour.isupper():
            return piece.upper()
        return _title(piece)

    def _letters_with_marks(self, word: str, lower: str) -> str:
        """As :meth:`letters`, for a word carrying combining marks (stress accents): the
        marks ride on their letter's output and are invisible to the context rules."""
        bases: list[tuple[str, str, str]] = []     # (original, lower, marks)
        for orig, low in zip(word, lower):
            if _is_mark(orig) and bases:
                o, l, m = bases[-1]
                bases[-1] = (o, l, m + orig)
            else:
                bases.append((orig, low, ""))
        plain = "".join(b[0] for b in bases)
        plain_lower = "".join(b[1] for b in bases)
        out = []
        for i, (orig, low, marks) in enumerate(bases):
            piece = self.letters_at(plain, plain_lower, i)
            out.append(piece + marks)
        return "".join(out)

    def letters_at(self, word: str, lower: str, i: int) -> str:
        n = len(word)
        cur = lower[i]
        piece = self.prev.get((lower[i - 1] if i else "") + cur) if self.prev else None
        if piece is None and self.next:
            piece = self.next.get(cur + (lower[i + 1] if i + 1 < n else ""))
        if piece is None:
            piece = self.map.get(cur)
            if piece is None:
                return word[i]
        if word[i] != cur and piece:
            piece = self._cased(piece, word, i)
        return piece

    def __repr__(self) -> str:
        return f"Table({self.name!r})"


def _cased_letter(chars) -> str:
    """The first character of ``chars`` that has a case ('' if none): apostrophes, digits
    and marks between letters do not decide whether a word is in capitals."""
    for c in chars:
        if c.isupper() or c.islower():
            return c
    return ""


def _like_case(out: str, source: str) -> str:
    """``out`` in the case pattern of ``source``: ``ИЯ`` → ``IA``, ``Ия`` → ``Ia``."""
    letters = [c for c in source if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return out.upper()
    if letters and letters[0].isupper():
        return _title(out)
    return out
