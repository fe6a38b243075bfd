"""ISO 9:1995 (GOST 7.79 A): one table for every Cyrillic alphabet, and reversible.

Round trips are checked letter by letter, lower and upper case, for every letter of the
Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian and Kazakh alphabets, then
on random text.
"""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from polybib.translit import iso9_to_cyrillic, transliterate
from polybib.translit.iuliia_tables import definition
from polybib.translit.languages import ALPHABETS
from polybib.translit.tables import iso9

LETTERS = sorted((lang, letter) for lang, alphabet in ALPHABETS.items() for letter in alphabet)


@pytest.mark.parametrize("lang,letter", LETTERS, ids=[f"{l}-{c}" for l, c in LETTERS])
def test_lower_case_letter_round_trips(lang, letter):
    latin = transliterate(letter, "iso9", lang)
    assert latin != letter and not any("\u0400" <= c <= "\u04ff" for c in latin)
    assert iso9_to_cyrillic(latin) == letter


@pytest.mark.parametrize("lang,letter", LETTERS, ids=[f"{l}-{c.upper()}" for l, c in LETTERS])
def test_upper_case_letter_round_trips(lang, letter):
    upper = letter.upper()
    word = f"А{upper}А"          # ʺ and ʹ have no case: their case comes from the word
    assert iso9_to_cyrillic(transliterate(word, "iso9", lang)) == word
    if letter not in "ъь":
        assert iso9_to_cyrillic(transliterate(upper, "iso9", lang)) == upper


def test_every_latin_letter_of_the_table_is_distinct():
    outputs = [unicodedata.normalize("NFC", v) for v in iso9.MAPPING.values()]
    assert len(outputs) == len(set(outputs))
    uppers = [unicodedata.normalize("NFC", v.upper()) for k, v in iso9.MAPPING.items() if k != "ӏ"]
    assert len(uppers) == len(set(uppers))


def test_russian_letters_agree_with_iuliia_gost_779():
    nfc = lambda t: unicodedata.normalize("NFC", t)  # noqa: E731  (iuliia writes some decomposed)
    for cyr, lat in definition("gost_779")["mapping"].items():
        assert nfc(iso9.MAPPING[cyr]) == nfc(lat), cyr


EXAMPLES = [
    # the example of the ISO 9 article: the first line of the anthem of Russia
    ("ru", "Россия — священная наша держава, Россия — любимая наша страна.",
     "Rossiâ — svâŝennaâ naša deržava, Rossiâ — lûbimaâ naša strana."),
    ("ru", "Съешь ещё этих мягких французских булок", "Sʺešʹ eŝë ètih mâgkih francuzskih bulok"),
    ("uk", "Київ, Ґалаґан, Єнакієве, м'ята", "Kiïv, G̀alag̀an, Ênakìêve, m'âta"),
    ("be", "Магілёў, Беларусь", "Magìlëŭ, Belarusʹ"),
    ("bg", "Щастливец, България", "Ŝastlivec, Bʺlgariâ"),
    ("sr", "Ђорђе Ћоровић, Љубљана, Џеп", "Đorđe Ćorović, L̂ubl̂ana, D̂ep"),
    ("mk", "Ѓорѓи, Ќосе, Ѕвезда, Јабука", "Ǵorǵi, Ḱose, Ẑvezda, J̌abuka"),
    ("kk", "Қазақстан, Өскемен, Әуезов, Ұлытау, Үшқоңыр, Һ",
     "Ķazaķstan, Ôskemen, A̋uezov, U̇lytau, Ùšķoņyr, Ḥ"),
]


@pytest.mark.parametrize("lang,cyrillic,latin", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_and_back(lang, cyrillic, latin):
    assert transliterate(cyrillic, "iso9", lang) == unicodedata.normalize("NFC", latin)
    assert iso9_to_cyrillic(latin) == cyrillic


def test_hard_and_soft_signs_take_the_case_of_their_word():
    assert iso9_to_cyrillic("OBʺEKT obʺekt PODʺËM") == "ОБЪЕКТ объект ПОДЪЁМ"
    assert iso9_to_cyrillic(transliterate("ДЬЯК дьяк", "iso9")) == "ДЬЯК дьяк"


def test_decomposed_input_is_matched_as_letters():
    assert iso9_to_cyrillic(unicodedata.normalize("NFD", "Ŝuka ǰ u̇")) == "Щука ј ұ"


ALL_LETTERS = "".join(sorted(set().union(*ALPHABETS.values())))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALL_LETTERS + ALL_LETTERS.upper() + " ,.-", max_size=40))
def test_random_cyrillic_text_round_trips(text):
    # a lone ъ/ь between capitals and lower case letters has no case of its own to keep
    latin = transliterate(text, "iso9", "ru")
    back = iso9_to_cyrillic(latin)
    assert back.lower() == text.lower()
    assert [c for c in back if c not in "ъьЪЬ"] == [c for c in text if c not in "ъьЪЬ"]
