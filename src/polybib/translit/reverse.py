"""ISO 9 back-transliteration: Latin text romanized with ISO 9 → Cyrillic.

ISO 9:1995 gives every Cyrillic letter its own Latin letter, so the inverse is a table
too; this is what lets a catalogue record romanized with GOST 7.79 System A be restored.
Two things need care:

* some ISO 9 letters are a base letter plus a combining mark that Unicode does not
  precompose (``a̋``, ``u̇``, ``J̌``); the input is normalised to NFC and matched longest
  first, so ``u̇`` is ``ұ`` and not ``у`` followed by a stray dot;
* ``ʹ`` and ``ʺ`` (soft and hard sign) have no case; inside an all-capitals word they
  become ``Ь``/``Ъ``, elsewhere ``ь``/``ъ``.

Every Latin letter with an ISO 9 inverse is converted, so an English word inside the text
comes back as Cyrillic letters too: use this only on text that was romanized with ISO 9.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .tables import iso9

_CASELESS = {"ʹ": "ь", "ʺ": "ъ"}


@lru_cache(maxsize=None)
def _inverse() -> tuple[dict[str, str], re.Pattern]:
    table: dict[str, str] = {}
    for cyr, lat in iso9.MAPPING.items():
        lower = unicodedata.normalize("NFC", lat)
        upper = unicodedata.normalize("NFC", lat.upper())
        for latin, cyrillic in ((lower, cyr), (upper, cyr.upper())):
            if latin in table and table[latin] != cyrillic and latin not in _CASELESS and latin != "‡":
                raise ValueError(f"ISO 9 table is not reversible: {latin!r} is "
                                 f"{table[latin]!r} and {cyrillic!r}")
            table.setdefault(latin, cyrillic)
    table["‡"] = "Ӏ"
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return table, pattern


def iso9_to_cyrillic(text: str) -> str:
    """Latin text romanized with ISO 9 (GOST 7.79 A) back to Cyrillic."""
    table, pattern = _inverse()
    text = unicodedata.normalize("NFC", text)

    def replace(match: re.Match) -> str:
        latin = match.group(0)
        if latin in _CASELESS:
            return _CASELESS[latin].upper() if _in_capitals(text, match.start(), match.end()) \
                else _CASELESS[latin]
        return table[latin]

    return pattern.sub(replace, text)


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Is the sign at ``text[start:end]`` inside a word written in capitals?"""
    before = next((c for c in reversed(text[:start]) if c.isalpha() or c.isspace()), "")
    after = next((c for c in text[end:] if c.isalpha() or c.isspace()), "")
    cased = [c for c in (before, after) if c.isalpha()]
    return bool(cased) and all(c.isupper() for c in cased)


back_transliterate = iso9_to_cyrillic
