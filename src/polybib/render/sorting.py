"""Sort keys that follow a language's alphabet, never Unicode code points.

citeproc-py compares lower-cased strings by code point, which puts ``Ё`` after ``я``,
every accented Latin letter after ``z``, and Latin before Cyrillic in every list.  A GOST
list (GOST R 7.0.5-2008, 7.0.100-2018) wants Cyrillic records first, then Latin ones,
each in its own alphabet, with ``Ё`` sorted as ``Е``; an English list wants Latin first.

:func:`collation_key` builds a key in the spirit of the Unicode Collation Algorithm, with
three levels: the primary level is the letter of the alphabet (script groups ordered by
the locale, accents and case ignored, punctuation ignored), the secondary level the
accents (``е`` before ``ё``, ``e`` before ``é``), the tertiary level the case.  It is pure
Python and locale tables are tiny, so there is no ICU dependency.

Name lists in sort keys keep their words apart with :data:`WORD_BREAK`, which sorts
before every letter and digit: a surname comes before a longer one that begins with it
(``Quine, W.`` before ``Quinet, A.``; letter by letter, ``quinew`` would follow ``quineta``).
"""
from __future__ import annotations

import functools
import unicodedata

# Cyrillic alphabets merged in one order: Russian, with the letters of Ukrainian,
# Belarusian, Bulgarian, Serbian, Macedonian and Kazakh inserted where those languages put them.
_CYRILLIC = ("а ә б в г ґ ғ д ђ ѓ е є ж з ѕ и і ї й ј к қ л љ м н ң њ о ө п р с т ћ ќ у ў ұ ү ф х һ "
             "ц ч џ ш щ ъ ы ь э ю я").split()
# Letters sorted as another letter plus an accent (secondary difference).
_CYRILLIC_FOLD = {"ё": ("е", 1), "й": ("й", 0)}

_DIGITS, _LATIN, _GREEK, _CYRL, _OTHER, _SYMBOL = range(6)
#: Script order per language: Cyrillic first for the languages written in it.
_CYRILLIC_FIRST = {"ru", "uk", "be", "bg", "sr", "mk", "kk"}


def script_order(locale: str | None) -> dict[int, int]:
    lang = (locale or "en").split("-")[0].lower()
    if lang in _CYRILLIC_FIRST:
        order = [_SYMBOL, _DIGITS, _CYRL, _LATIN, _GREEK, _OTHER]
    else:
        order = [_SYMBOL, _DIGITS, _LATIN, _GREEK, _CYRL, _OTHER]
    return {group: rank for rank, group in enumerate(order)}


#: Word boundary inside a sort key (see the module doc); never part of a value.
WORD_BREAK = "\x1f"
_BREAK_WEIGHT = (-1, 0)

_CYR_INDEX = {letter: i for i, letter in enumerate(_CYRILLIC)}
_LATIN_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                  "ł": "l", "ı": "i"}


@functools.lru_cache(maxsize=4096)
def _char_weights(ch: str) -> tuple[tuple[int, int], ...] | None:
    """(group, primary) weights of one lower-case character; None when it is ignorable
    (spaces and punctuation; a symbol such as ``↑`` or ``+`` is not, and sorts before
    digits and letters, as in the Unicode collation citeproc-js uses)."""
    if ch.isdigit():
        return ((_DIGITS, int(unicodedata.digit(ch, 0))),)
    if not ch.isalpha():
        if unicodedata.category(ch).startswith("S"):
            return ((_SYMBOL, ord(ch)),)
        return None
    if ch in _CYRILLIC_FOLD:
        ch = _CYRILLIC_FOLD[ch][0]
    if ch in _CYR_INDEX:
        return ((_CYRL, _CYR_INDEX[ch]),)
    if ch in _LATIN_SPECIAL:
        return tuple((_LATIN, ord(c)) for c in _LATIN_SPECIAL[ch])
    base = unicodedata.normalize("NFD", ch)[0]
    if "a" <= base <= "z":
        return ((_LATIN, ord(base)),)
    if base in _CYR_INDEX:
        return ((_CYRL, _CYR_INDEX[base]),)
    name = unicodedata.name(ch, "")
    if name.startswith("GREEK"):
        return ((_GREEK, ord(base)),)
    if name.startswith("CYRILLIC"):
        return ((_CYRL, 1000 + ord(ch)),)
    return ((_OTHER, _east_asian_rank(ch) * 0x110000 + ord(ch)),)


def _east_asian_rank(ch: str) -> int:
    """Hangul, then kana, then Han, as the Unicode collation orders those scripts (and
    citeproc-js, through the platform's collator, sorts them): 김 before カ before 王."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return 0
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return 1
    return 2


def _secondary(ch: str) -> int:
    if ch in _CYRILLIC_FOLD:
        return _CYRILLIC_FOLD[ch][1]
    decomposed = unicodedata.normalize("NFD", ch)
    return sum(ord(c) for c in decomposed[1:]) if len(decomposed) > 1 else 0


_IGNORED = object()
_BREAK = object()
_TABLES: dict = {}      # locale → (script order, {character: its weights})


def _table(locale: str | None):
    found = _TABLES.get(locale)
    if found is None:
        found = _TABLES[locale] = (script_order(locale), {WORD_BREAK: _BREAK})
    return found


def _char_entry(ch: str, order: dict):
    """What one character adds to a key: (primary weights, secondary, tertiary), or
    _IGNORED."""
    lower = ch.lower()
    weights = _char_weights(lower)
    if weights is None:
        return _IGNORED
    return (tuple((order[group], weight) for group, weight in weights), _secondary(lower),
            0 if ch == lower else 1)


@functools.lru_cache(maxsize=65536)
def collation_key(text: str, locale: str | None = None) -> tuple:
    """A key that sorts ``text`` as a reader of ``locale`` expects (see module doc).
    Each character's weights are worked out once per locale."""
    order, table = _table(locale)
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for ch in unicodedata.normalize("NFC", text):
        entry = table.get(ch)
        if entry is None:
            entry = table[ch] = _char_entry(ch, order)
        if entry is _IGNORED:
            continue
        if entry is _BREAK:
            primary.append(_BREAK_WEIGHT)
            continue
        weights, second, third = entry
        primary.extend(weights)
        secondary.append(second)
        tertiary.append(third)
    return (tuple(primary), tuple(secondary), tuple(tertiary), text)


def sort_key_for(value, locale: str | None = None):
    """A comparable key for a CSL sort key value: numbers as numbers, text collated.

    Values that collate alike are equal, whatever their spelling (punctuation, quotes,
    markup, accents, case — citeproc-js compares at the base level only): the next cs:key
    decides between them, not the raw text ("César, A Great Title" before "Cesar, An
    Amazing Title")."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return (0, value)
    text = str(value)
    stripped = text.strip()
    if stripped.isdecimal():
        return (0, int(stripped))
    return (1, collation_key(word_broken(text), locale)[:1])


def word_broken(text: str) -> str:
    """A key's words kept apart as citeproc-js keeps them: every space is a
    :data:`WORD_BREAK` and one ends the key, so a word sorts before a longer one that
    begins with it in any key, not only a name's ("Data sets" before "Database",
    "Session Based Blah" before "SessionBasedBlah"), though spaces are no letters."""
    if not text:
        return text
    text = text.replace(" ", WORD_BREAK)
    return text if text.endswith(WORD_BREAK) else text + WORD_BREAK
