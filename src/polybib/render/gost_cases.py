"""The genitive of a Russian surname, for GOST's ``под редакцией Г. В. Осипова``.

Why: GOST transcribes a statement of responsibility as the title page words it, and the
words ``под редакцией``, ``под ред.``, ``перевод с английского``, ``пер. с нем.`` govern
the genitive: a record's editor ``Осипов, Г. В.`` is printed ``под общей редакцией
Г. В. Осипова``, a translator ``Медведева, О. Р.`` ``перевод с польского О. Р. Медведевой``.
A record keeps a name in the nominative (as every other style prints it), so the GOST layer
declines it where the term asks for it.

Only surnames whose ending tells both the declension and the gender are declined (``-ов``,
``-ин``, ``-ова``, ``-ина``, ``-ский``, ``-ская``, ``-ой``, ``-ый`` …); any other (``Шмидт``,
``Мигонь``, ``Глинка``, ``Черных``, a Latin-script name) is printed as written, since its
genitive depends on a gender the record does not state.  A name written as a ``literal``
is never touched: that is how a user gives a form the rules cannot know.
"""
from __future__ import annotations

import re

#: (nominative ending, genitive ending), longest first; the first that matches is used
#: (``-ский``/``-цкий`` decline as ``-кий``, ``-ская`` as ``-ая``)
_ENDINGS = (
    ("ова", "овой"), ("ева", "евой"), ("ёва", "ёвой"), ("ина", "иной"), ("ына", "ыной"),
    ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"),
    ("кий", "кого"), ("гий", "гого"), ("хий", "хого"),
    ("ая", "ой"), ("ой", "ого"), ("ый", "ого"),
)
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]+$")
_GOVERNS_GENITIVE = re.compile(r"^\s*(?:под\s|перевод(?!чик)|пер\.|в\s+пер)", re.IGNORECASE)


def governs_genitive(term: str) -> bool:
    """True for ``под редакцией``, ``под общ. ред.``, ``перевод с английского``, ``пер.``;
    false for nominative terms (``ответственный редактор``, ``составитель``, ``переводчик``)."""
    return bool(_GOVERNS_GENITIVE.match(term or ""))


def _decline_word(word: str) -> str:
    if len(word) < 3 or not _CYRILLIC_WORD.match(word):
        return word
    lower = word.lower()
    for nominative, genitive in _ENDINGS:
        if lower.endswith(nominative) and len(lower) > len(nominative):
            ending = genitive.upper() if word.isupper() else genitive
            return word[: len(word) - len(nominative)] + ending
    return word


def genitive(surname: str) -> str:
    """``Осипов`` → ``Осипова``, ``Медведева`` → ``Медведевой``, ``Римский-Корсаков`` →
    ``Римского-Корсакова``; a surname the rules cannot decline safely is returned as is."""
    return "-".join(_decline_word(part) for part in surname.split("-"))
