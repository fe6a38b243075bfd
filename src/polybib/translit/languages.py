"""Which language's table a piece of Cyrillic text needs.

The same letter is romanized differently per language (Russian ``и`` is ``i``, Ukrainian
``и`` is ``y``; Bulgarian ``щ`` is ``sht``), so the table is chosen per record from its
``language`` field.  Records often have no language, or one that does not match a field
(an English-language article by a Ukrainian author; a Russian book published in Kyiv), so
a field's own letters may overrule it: a letter only Ukrainian has (``є ї і ґ``) cannot be
Russian.  Without any clue, Cyrillic text is Russian, the most common case by far.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: Languages polybib has tables for, in the order ``--list`` shows them.
LANGUAGES = {
    "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian",
    "sr": "Serbian", "mk": "Macedonian", "kk": "Kazakh",
}

#: The letters of each alphabet (lower case).
ALPHABETS = {
    "ru": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": set("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "bg": set("абвгдежзийклмнопрстуфхцчшщъьюя"),
    "sr": set("абвгдђежзијклљмнњопрстћуфхцчџш"),
    "mk": set("абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
    "kk": set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"),
}

#: Codes and names found in the wild (BibTeX ``langid``, ISO 639-2/3, locales) → ours.
_ALIASES = {
    "russian": "ru", "rus": "ru", "ukrainian": "uk", "ukr": "uk", "belarusian": "be",
    "belorussian": "be", "byelorussian": "be", "bel": "be", "bulgarian": "bg", "bul": "bg",
    "serbian": "sr", "srp": "sr", "serbianc": "sr", "macedonian": "mk", "mkd": "mk", "mac": "mk",
    "kazakh": "kk", "kaz": "kk",
}

_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=256)     # a few distinct codes, asked for once per value romanized
def normalize_language(code: str | None) -> str:
    """``ru-RU``, ``rus``, ``russian``, ``sr-Cyrl`` → ``ru``/``sr``; '' for anything else."""
    if not code:
        return ""
    low = code.strip().lower().replace("_", "-")
    base = low.split("-")[0]
    if base in LANGUAGES:
        return base
    return _ALIASES.get(base, _ALIASES.get(low, ""))


_CYRILLIC = re.compile("[\u0400-\u04ff]")


_BEYOND_RUSSIAN = re.compile("[\u0400\u0402-\u040f\u0450\u0452-\u04ff]")


def guess_language(text: str) -> str:
    """The Cyrillic language ``text``'s letters point to; ``ru`` when nothing decides."""
    if _BEYOND_RUSSIAN.search(text) is None:   # only а–я and ё (the usual case, found fast)
        return "ru" if _CYRILLIC.search(text) else ""
    letters = set(_CYRILLIC.findall(text.lower()))   # regex: much faster than a per-char test
    if not letters:
        return ""
    if letters & set("әғқңөұүһ"):
        return "kk"
    if letters & set("ѓќѕ"):
        return "mk"
    if letters & set("ђћ"):
        return "sr"
    if letters & set("јљњџ"):
        return "sr" if not letters & set("ыэъ") else "ru"
    if "ў" in letters:
        return "be"
    if letters & set("єїґ"):
        return "uk"
    if "і" in letters:
        return "be" if letters & set("ыэё") else "uk"
    return "ru"


def _outside(alphabet: set[str]) -> "re.Pattern[str]":
    """A pattern that finds a lower-case Cyrillic letter not in ``alphabet``: one C-speed
    search, where collecting the text's letters into a set would build a set per value."""
    others = "".join(re.escape(chr(c)) for c in range(0x400, 0x500) if chr(c) not in alphabet)
    return re.compile(f"[{others}]")


#: By language: a Cyrillic letter its alphabet lacks.
_OUTSIDE = {lang: _outside(alphabet) for lang, alphabet in ALPHABETS.items()}


def language_for(text: str, record_language: str | None = None) -> str:
    """The table language for ``text`` in a record of ``record_language``.

    The record's language wins when it is one of ours and its alphabet covers the text's
    letters; otherwise the letters decide (:func:`guess_language`).
    """
    lang = normalize_language(record_language)
    if lang:
        lower = text.lower()
        if _OUTSIDE[lang].search(lower) is None:            # every letter is the language's
            return lang
        letters = set(_CYRILLIC.findall(lower))
        guessed = guess_language(text)
        if guessed and letters <= ALPHABETS[guessed]:
            return guessed
        return lang
    return guess_language(text) or "ru"
