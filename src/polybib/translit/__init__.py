"""Romanization of Cyrillic bibliographic data: every scheme journals and libraries ask for.

The pieces, one small module per job:

- :mod:`.engine` — the table-driven engine all schemes run on (context rules, case, NFC);
- :mod:`.tables` — the tables as data (ISO 9, Ukrainian, Belarusian, Bulgarian, Serbian,
  Macedonian, Kazakh, the Russian "BSI" table); :mod:`.iuliia_tables` — iuliia's Russian
  schemes with its faults fixed;
- :mod:`.registry` — scheme ids, aliases, standard names, a table per language;
- :mod:`.languages` — which language's table a text needs;
- :mod:`.record` — field-by-field romanization of a :class:`~polybib.model.Reference`;
- :mod:`.conventions` — the References convention (``Москва`` → ``Moscow``, ``Publ.``);
- :mod:`.reverse` — ISO 9 back to Cyrillic; :mod:`.latex` — ASCII LaTeX for classic BibTeX.

Quick use::

    from polybib import translit
    translit.transliterate("Щука", "bgn-pcgn")                # 'Shchuka'
    translit.transliterate("Знам'янка", "national", "uk")     # 'Znamianka'
    translit.iso9_to_cyrillic("Ŝuka")                          # 'Щука'
    translit.romanize_reference(ref, "bgn-pcgn")              # a romanized copy
"""
from __future__ import annotations

from .engine import Table, has_cyrillic
from .languages import LANGUAGES, guess_language, language_for, normalize_language
from .latex import to_latex_ascii
from .record import (DEFAULT_FIELDS, FIELD_GROUPS, Romanizer, add_romanized, format_names,
                     parse_names, romanize_library, romanize_reference, romanized_values,
                     resolve_fields)
from .registry import Scheme, all_schemes, get_scheme, main_schemes
from .reverse import back_transliterate, iso9_to_cyrillic


def transliterate(text: str, scheme: "str | Scheme" = "iso9", lang: str | None = None) -> str:
    """``text`` romanized with ``scheme`` in the table for ``lang``.

    ``lang`` (``ru``, ``uk``, ``be``, ``bg``, ``sr``, ``mk``, ``kk``, or a name such as
    ``ukrainian``) defaults to the language the letters point to, Russian when nothing
    decides.  Latin text comes back unchanged.  An unknown scheme, or a scheme without a
    table for the language, raises :class:`polybib.errors.UsageError`.
    """
    chosen = get_scheme(scheme)
    if not text or not has_cyrillic(text):
        return text
    language = normalize_language(lang) if lang else ""
    if lang and not language:
        from ..errors import UsageError
        raise UsageError(f"no transliteration tables for language {lang!r}; "
                         f"languages: {', '.join(LANGUAGES)}")
    return chosen.table(language or language_for(text))(text)


__all__ = [
    "transliterate", "get_scheme", "all_schemes", "main_schemes", "Scheme", "Table",
    "iso9_to_cyrillic", "back_transliterate", "to_latex_ascii", "romanize_reference",
    "add_romanized", "romanize_library", "romanized_values", "Romanizer", "resolve_fields",
    "format_names", "parse_names", "DEFAULT_FIELDS", "FIELD_GROUPS", "LANGUAGES",
    "guess_language", "language_for", "normalize_language", "has_cyrillic",
]
