"""The registry of romanization schemes: ids, aliases, standard names, and a table per language.

The same shape as the format registry (:mod:`polybib.formats`): a scheme is registered
once with its id and aliases; the CLI and the API look schemes up here, case-insensitively,
so adding a scheme touches no other module.  A scheme has one table per language it
defines (``bgn-pcgn`` has Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian
and Kazakh tables; ``bsi`` only Russian).  Tables are compiled on first use.

Table references are strings: ``iuliia:<name>`` (a Russian scheme from iuliia, see
:mod:`.iuliia_tables`) or ``<module>:<NAME>`` (a dict in :mod:`.tables.<module>`).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache

from ..errors import UsageError
from . import iuliia_tables
from .engine import Table
from .languages import LANGUAGES, normalize_language
from .tables import iso9 as _iso9


@dataclass(frozen=True)
class Scheme:
    id: str
    title: str                          # the standard's name, as --list prints it
    tables: dict[str, str]              # language → table reference
    aliases: tuple[str, ...] = ()
    description: str = ""
    ascii: bool = False                 # output is plain ASCII (for the scheme's own letters)
    reversible: bool = False
    #: Apply the References conventions (exonyms, "Publ.") by default with this scheme.
    references: bool = False
    extra: bool = False                 # one of iuliia's further schemes (listed after the main ones)

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.tables]

    def table(self, lang: str) -> Table:
        """The compiled table for ``lang``; :class:`UsageError` when the scheme has none."""
        code = normalize_language(lang) or "ru"
        ref = self.tables.get(code)
        if ref is None:
            offering = ", ".join(s.id for s in main_schemes() if code in s.tables)
            raise UsageError(f"scheme {self.id!r} has no table for {LANGUAGES.get(code, code)} "
                             f"({code}); schemes for {code}: {offering}")
        return compile_table(ref)

    def has(self, lang: str) -> bool:
        return (normalize_language(lang) or "ru") in self.tables


SCHEMES: dict[str, Scheme] = {}
_ORDER: list[Scheme] = []


def register(scheme: Scheme) -> None:
    for name in (scheme.id, *scheme.aliases):
        key = name.lower()
        if key in SCHEMES and SCHEMES[key] is not scheme:
            raise ValueError(f"scheme id {name!r} registered twice")
        SCHEMES[key] = scheme
    _ORDER.append(scheme)


def get_scheme(name: "str | Scheme") -> Scheme:
    """The scheme called ``name`` (id or alias, any case); :class:`UsageError` listing the
    known ids otherwise."""
    if isinstance(name, Scheme):
        return name
    try:
        return SCHEMES[name.strip().lower()]
    except (KeyError, AttributeError):
        known = ", ".join(s.id for s in _ORDER)
        raise UsageError(f"unknown transliteration scheme {name!r}; known schemes: {known}") from None


def all_schemes() -> list[Scheme]:
    return list(_ORDER)


def main_schemes() -> list[Scheme]:
    return [s for s in _ORDER if not s.extra]


@lru_cache(maxsize=None)
def iso9_fallback() -> dict[str, str]:
    """ISO 9 for every Cyrillic letter: what a table writes for a letter it lacks."""
    return dict(_iso9.MAPPING)


@lru_cache(maxsize=None)
def compile_table(ref: str) -> Table:
    source, _, name = ref.partition(":")
    if source == "iuliia":
        return iuliia_tables.table(name, fallback=iso9_fallback())
    data = getattr(importlib.import_module(f"{__package__}.tables.{source}"), name)
    return Table(data["mapping"], prev=data.get("prev"), next=data.get("next"),
                 ending=data.get("ending"), exceptions=data.get("exceptions"),
                 apostrophes=data.get("apostrophes", False), fallback=iso9_fallback(), name=ref)


def table_source(ref: str) -> str:
    """The standard a table reference transcribes (for ``--list`` and docs)."""
    source, _, name = ref.partition(":")
    if source == "iuliia":
        return f"iuliia {name}: {iuliia_tables.definition(name).get('description', '')}"
    data = getattr(importlib.import_module(f"{__package__}.tables.{source}"), name)
    return data.get("source", data.get("name", ref))


# --------------------------------------------------------------------------- the schemes

_ALL = tuple(LANGUAGES)
_ISO9 = {lang: "iso9:TABLE" for lang in _ALL}
_ISO9["ru"] = "iuliia:gost_779"
_NATIONAL = {
    "ru": "iuliia:icao_doc_9303",
    "uk": "ukrainian:NATIONAL",
    "be": "belarusian:NATIONAL",
    "bg": "bulgarian:STREAMLINED",
    "sr": "serbian:GAJ",
    "mk": "macedonian:OFFICIAL",
    "kk": "kazakh:BGN_PCGN",
}

register(Scheme(
    "iso9", "ISO 9:1995 = GOST 7.79-2000 System A", _ISO9,
    aliases=("gost-7.79-a", "gost-779-a", "gost-7.79", "iso-9", "iso9-1995", "iso-9-1995"),
    description="one letter for one letter, with diacritics; the only reversible scheme",
    reversible=True))
register(Scheme(
    "gost-7.79-b", "GOST 7.79-2000 System B", {"ru": "iuliia:gost_779_alt"},
    aliases=("gost-779-b", "gost-7.79-2000-b"),
    description="ASCII with backticks (shh, y`, e`); Russian bibliographic transliteration",
    ascii=True))
_BGN = {"ru": "iuliia:bgn_pcgn_alt", "uk": "ukrainian:NATIONAL", "be": "belarusian:BGN_PCGN",
        "bg": "bulgarian:STREAMLINED", "sr": "serbian:GAJ", "mk": "macedonian:BGN_PCGN",
        "kk": "kazakh:BGN_PCGN"}
register(Scheme(
    "bgn-pcgn", "BGN/PCGN (US Board on Geographic Names / UK PCGN)", _BGN,
    aliases=("bgn", "pcgn", "bgn/pcgn"),
    description="Russian 1947, Ukrainian 2019 (= national), Belarusian 1979, Bulgarian 2013 "
                "(= streamlined), Serbian (Gaj), Macedonian 2013, Kazakh 1979; without the "
                "optional interpunct (Sovetskiy, not Sovet·skiy)",
    references=True))
register(Scheme(
    "bgn-pcgn-interpunct", "BGN/PCGN with its optional interpunct (t·s, sh·ch, y·a, z·h)",
    {**_BGN, "ru": "iuliia:bgn_pcgn", "be": "belarusian:BGN_PCGN_INTERPUNCT"},
    aliases=("bgn-pcgn-strict",),
    description="BGN/PCGN as gazetteers print it: the interpunct keeps тс, шч, зг … apart "
                "from the digraphs ц, щ, ж …",
    references=True))
register(Scheme(
    "ala-lc", "ALA-LC Romanization Tables (Library of Congress), with diacritics",
    {"ru": "iuliia:ala_lc"}, aliases=("alalc", "lc"),
    description="library catalogues: tie bars (t͡s, i͡u, i͡a), ĭ, ė, ʹ, ʺ"))
register(Scheme(
    "ala-lc-ascii", "ALA-LC without diacritics (common in English-language references)",
    {"ru": "iuliia:ala_lc_alt"}, aliases=("alalc-ascii", "lc-ascii", "ala-lc-alt"),
    description="ALA-LC with the diacritics dropped: iu, ia, ts, ' and \"",
    ascii=True, references=True))
register(Scheme(
    "bs-2979", "BS 2979:1958 (British Standards Institution)", {"ru": "iuliia:bs_2979"},
    aliases=("bs2979",), description="Oxford/British Library: ĭ, ȳ, é, ʹ, ʺ"))
register(Scheme(
    "bsi", "\"BSI\" ASCII table of Russian journals' References (translit.ru/translit.net)",
    {"ru": "russian:BSI"}, aliases=("references", "translit-net", "translit-bsi"),
    description="plain ASCII, no context rules: zh kh ts ch sh shch, й i, ь ', ъ ''",
    ascii=True, references=True))
register(Scheme(
    "icao", "ICAO Doc 9303 (machine-readable travel documents; Russian passports since 2014)",
    {"ru": "iuliia:icao_doc_9303"}, aliases=("icao-9303", "icao-doc-9303", "passport"),
    description="ASCII: iu, ia, ie for ъ, ь dropped", ascii=True, references=True))
register(Scheme(
    "scientific", "Scientific (scholarly) transliteration", {"ru": "iuliia:scientific"},
    aliases=("scholarly",), description="linguists' system: ž, č, š, šč, x, ju, ja, ʹ, ʺ"))
register(Scheme(
    "national", "Each language's own official system", _NATIONAL,
    aliases=("official",),
    description="ru: ICAO 9303 (passports); uk: CMU 2010; be: 2007 Instruction; bg: "
                "Transliteration Act 2009; sr: Gaj's alphabet; mk: official digraphs; "
                "kk: BGN/PCGN 1979 (no national system)",
    references=True))

#: iuliia's further Russian schemes, under ids of their own, with ascii flags as they are.
_IULIIA_EXTRA = {
    "bs_2979_alt": ("bs-2979-ascii", "BS 2979:1958, simplified"),
    "gost_16876": ("gost-16876", "GOST 16876-71 (1983), with diacritics"),
    "gost_16876_alt": ("gost-16876-alt", "GOST 16876-71 (1983), System 2"),
    "gost_52290": ("gost-52290", "GOST R 52290-2004 (road signs)"),
    "gost_52535": ("gost-52535", "GOST R 52535.1-2006 (ID cards)"),
    "gost_7034": ("gost-7.0.34", "GOST R 7.0.34-2014 (simplified bibliographic)"),
    "iso_9_1954": ("iso9-1954", "ISO/R 9:1954"),
    "iso_9_1968": ("iso9-1968", "ISO/R 9:1968"),
    "iso_9_1968_alt": ("iso9-1968-alt", "ISO/R 9:1968, simplified"),
    "mosmetro": ("mosmetro", "Moscow Metro map (2017)"),
    "mvd_310": ("mvd-310", "MVD order 310 (1997), passports"),
    "mvd_310_fr": ("mvd-310-fr", "MVD order 310 (1997), French"),
    "mvd_782": ("mvd-782", "MVD order 782 (2000), passports"),
    "telegram": ("telegram", "Telegram's transliteration"),
    "ungegn_1987": ("ungegn-1987", "UNGEGN 1987 V/18"),
    "wikipedia": ("wikipedia", "English Wikipedia's system (BGN/PCGN, simplified)"),
    "yandex_maps": ("yandex-maps", "Yandex.Maps"),
    "yandex_money": ("yandex-money", "Yandex.Money (bank cards)"),
}
for _name, (_id, _title) in _IULIIA_EXTRA.items():
    register(Scheme(_id, _title, {"ru": f"iuliia:{_name}"}, aliases=(_name,),
                    description="from iuliia", extra=True))
