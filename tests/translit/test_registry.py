"""Scheme ids, aliases, languages, and what each scheme promises about its output."""
from __future__ import annotations

import pytest

from polybib.errors import UsageError
from polybib.translit import all_schemes, get_scheme, main_schemes, transliterate
from polybib.translit.languages import ALPHABETS, language_for, normalize_language

REQUIRED = ["iso9", "gost-7.79-a", "gost-7.79-b", "bgn-pcgn", "ala-lc", "ala-lc-ascii",
            "bs-2979", "bsi", "icao", "scientific", "national"]


@pytest.mark.parametrize("name", REQUIRED)
def test_required_ids_exist_in_any_case(name):
    assert get_scheme(name) is get_scheme(name.upper()) is get_scheme(f" {name.title()} ")


def test_gost_a_is_iso9():
    assert get_scheme("GOST-7.79-A") is get_scheme("iso9")


def test_unknown_scheme_lists_the_known_ids():
    with pytest.raises(UsageError) as err:
        get_scheme("klingon")
    message = str(err.value)
    assert "klingon" in message
    for name in ("iso9", "bgn-pcgn", "ala-lc-ascii", "bsi", "national"):
        assert name in message
    assert err.value.exit_code == 2


def test_missing_language_table_says_which_schemes_have_one():
    with pytest.raises(UsageError, match="schemes for uk: iso9, bgn-pcgn, bgn-pcgn-interpunct, national"):
        transliterate("Київ", "bsi", "uk")


def test_iso9_and_national_cover_every_language():
    for name in ("iso9", "national", "bgn-pcgn", "bgn-pcgn-interpunct"):
        assert get_scheme(name).languages == ["ru", "uk", "be", "bg", "sr", "mk", "kk"]


def test_every_scheme_has_a_russian_table():
    assert all("ru" in s.tables for s in all_schemes())


ASCII_CASES = [(s.id, lang) for s in main_schemes() if s.ascii for lang in s.languages]


@pytest.mark.parametrize("scheme,lang", ASCII_CASES)
def test_ascii_schemes_write_ascii_for_every_letter(scheme, lang):
    letters = "".join(sorted(ALPHABETS[lang]))
    text = f"{letters} {letters.upper()} {letters.title()}"
    assert transliterate(text, scheme, lang).isascii()


NO_CYRILLIC = [(s.id, lang) for s in all_schemes() for lang in s.languages]


@pytest.mark.parametrize("scheme,lang", NO_CYRILLIC)
def test_no_cyrillic_survives(scheme, lang):
    letters = "".join(sorted(set().union(*ALPHABETS.values())))
    out = transliterate(f"{letters} {letters.upper()}", scheme, lang)
    assert not any("\u0400" <= c <= "\u04ff" for c in out), out


@pytest.mark.parametrize("code,expected", [("ru", "ru"), ("ru-RU", "ru"), ("russian", "ru"),
                                           ("ukr", "uk"), ("uk_UA", "uk"), ("sr-Cyrl", "sr"),
                                           ("Macedonian", "mk"), ("en", ""), ("", "")])
def test_language_codes(code, expected):
    assert normalize_language(code) == expected


def test_letters_overrule_a_record_language_that_cannot_spell_them():
    assert language_for("Київ", "ru") == "uk"
    assert language_for("Москва", "uk") == "uk"       # Ukrainian can spell it: keep
    assert language_for("Москва", "en") == "ru"
    assert language_for("Москва", None) == "ru"
    assert language_for("Шымкент Қазақстан", "ru") == "kk"
