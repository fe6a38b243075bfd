"""The "References" convention: places and publishers as English-language journals want them.

Russian-language journals publish a second, romanized reference list ("References") for
Scopus and Web of Science, and their author guidelines agree on two things beyond the
letters: the place of publication is given in its English form where one exists and
spelled out (``М.`` → ``Moscow``, ``СПб.`` → ``St. Petersburg``), and a publishing house
is named with ``Publ.`` instead of ``Изд-во`` (``Изд-во СПбГУЭФ`` → ``SPbGUEF Publ.``).
Library catalogues (ALA-LC, ISO 9) do neither, so whether to apply this is the caller's
choice; each scheme has a default (:attr:`polybib.translit.registry.Scheme.references`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .tables.places import EXONYMS, PUBLISHER_WORDS


def place_key(text: str) -> str:
    """What two spellings of a place share: lower case, ``ё`` = ``е``, no spaces."""
    return re.sub(r"\s+", "", text.lower().replace("ё", "е"))


@lru_cache(maxsize=None)
def _exonyms() -> dict[str, str]:
    return {place_key(form): english for english, forms in EXONYMS.items() for form in forms}


def english_place(text: str) -> str | None:
    """The English form of one place name, or None when it has none here."""
    return _exonyms().get(place_key(text.strip()))


def romanize_place(value: str, romanize: Callable[[str], str]) -> str:
    """A place field: each place (``М. ; Л.``, ``Москва; Берлин``) in English or romanized."""
    parts = re.split(r"(\s*;\s*)", value)
    out = []
    for i, part in enumerate(parts):
        if i % 2:                                   # a separator
            out.append("; ")
            continue
        english = english_place(part)
        out.append(english if english is not None else romanize(part))
    return "".join(out)


_QUOTES = re.compile(r"[«»\"“”„]")


@lru_cache(maxsize=None)
def _publisher_word() -> re.Pattern:
    words = sorted(PUBLISHER_WORDS, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def romanize_publisher(value: str, romanize: Callable[[str], str]) -> str:
    """A publisher: ``Изд-во СПбГУЭФ`` → ``SPbGUEF Publ.``, ``Изд-во «Наука»`` →
    ``Nauka Publ.``; a name without such a word is only romanized (``Наука`` → ``Nauka``)."""
    parts = re.split(r"(\s*;\s*)", value)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append("; ")
            continue
        if _publisher_word().search(part):
            name = _publisher_word().sub(" ", part)
            name = _QUOTES.sub("", name)
            name = re.sub(r"\s+", " ", name).strip(" ,.:")
            text = romanize(name)
            out.append(f"{text} Publ." if text else "Publ.")
        else:
            out.append(romanize(part))
    return "".join(out)
