"""Per record, not per list: which script, which terms, which additions.

A list mixes languages, so each record is prepared on its own before the CSL processor
sees it:

* ``--script original`` keeps the record as typed.  With a style whose options say
  ``per-record-locale`` (the GOST styles), the record is rendered with the terms of its
  own language: an English record in a Russian GOST list gets ``Vol.``, ``No.``, ``P.``,
  not ``Т.``, ``№``, ``С.``.
* ``--script translit`` romanizes a record written in Cyrillic (scheme chosen by the user)
  and renders it with English terms; Latin records are untouched.
* ``--script translit+translation`` does the same and adds the record's title translation
  in brackets after the romanized title: ``Biznes i oblaka [Business and clouds]``.  The
  translation is data, never computed: ``Reference.extra["polybib.title-translation"]``.
* With a style whose options say ``in-russ`` (the romanized References style), a
  romanized record ends with its original language: ``(In Russ.)``.

Transliteration is reached through one seam, :func:`romanize`, so the rendering layer
depends on a single function of :mod:`polybib.translit`.
"""
from __future__ import annotations

import functools
import re

from ..model import Reference

SCRIPTS = ("original", "translit", "translit+translation")
TRANSLATION_KEY = "polybib.title-translation"
DEFAULT_SCHEME = "bgn-pcgn"

#: CSL locale for a record's language when it gets its own terms.
LANGUAGE_LOCALES = {"ru": "ru-RU", "en": "en-US", "uk": "uk-UA", "be": "ru-RU", "de": "de-DE",
                    "fr": "fr-FR", "bg": "bg-BG", "kk": "ru-RU", "sr": "sr-RS"}
#: The note a References list puts after a romanized record, by original language.
IN_LANGUAGE = {"ru": "(In Russ.)", "uk": "(In Ukr.)", "be": "(In Belarus.)", "bg": "(In Bulg.)",
               "kk": "(In Kazakh)", "sr": "(In Serb.)", "mk": "(In Maced.)"}
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LANGUAGE_NAMES = {"russian": "ru", "english": "en", "ukrainian": "uk", "belarusian": "be",
                   "german": "de", "ngerman": "de", "french": "fr", "bulgarian": "bg",
                   "kazakh": "kk", "serbian": "sr", "macedonian": "mk"}


def romanize(ref: Reference, scheme: str) -> Reference:
    """The seam to :mod:`polybib.translit`: a romanized copy of ``ref``."""
    from ..translit import romanize_reference

    return romanize_reference(ref, scheme)


def language_code(ref: Reference) -> str:
    """The record's language as a two-letter code; Cyrillic text without one is Russian."""
    raw = (ref.language or "").strip().lower()
    code = _LANGUAGE_NAMES.get(raw, raw.split("-")[0].split("_")[0])
    if not code and any(_CYRILLIC.search(v) for v in _text_values(ref)):
        return "ru"
    return code


def _text_values(ref: Reference):
    for key in ("title", "container-title", "publisher"):
        value = ref.fields.get(key)
        if isinstance(value, str):
            yield value
    for name in ref.fields.get("author", []) or []:
        yield getattr(name, "family", "") or getattr(name, "literal", "")


def needs_romanizing(ref: Reference) -> bool:
    for value in ref.fields.values():
        if isinstance(value, str) and _CYRILLIC.search(value):
            return True
        if isinstance(value, list):
            for name in value:
                for part in ("family", "given", "literal"):
                    if _CYRILLIC.search(getattr(name, part, "") or ""):
                        return True
    return False


class Prepared:
    """A record ready for the processor, with how to render and finish it."""

    __slots__ = ("ref", "locale", "suffix")

    def __init__(self, ref: Reference, locale: str | None, suffix: str = ""):
        self.ref = ref
        self.locale = locale
        self.suffix = suffix


@functools.lru_cache(maxsize=8)
def _scheme_ok(scheme: str) -> str:
    from ..translit import get_scheme

    return get_scheme(scheme).id


def prepare(ref: Reference, *, script: str = "original", scheme: str | None = None,
            per_record_locale: bool = False, in_russ: bool = False,
            list_locale: str | None = None) -> Prepared:
    """How ``ref`` goes into a list rendered with ``script`` (see module doc)."""
    language = language_code(ref)
    if script != "original" and needs_romanizing(ref):
        out = romanize(ref, _scheme_ok(scheme or DEFAULT_SCHEME))
        if not out.language and language:
            out.fields["language"] = language
        translation = ref.extra.get(TRANSLATION_KEY, "").strip()
        if script == "translit+translation" and translation and out.fields.get("title"):
            out.fields["title"] = f"{out.fields['title']} [{translation}]"
        suffix = IN_LANGUAGE.get(language, "") if in_russ else ""
        english = "en-US" if not list_locale or not list_locale.startswith("en") else list_locale
        return Prepared(out, english, suffix)
    locale = None
    if per_record_locale and language:
        locale = LANGUAGE_LOCALES.get(language)
    return Prepared(ref, locale)
