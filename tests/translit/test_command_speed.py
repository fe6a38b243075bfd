"""What issue 18.5's speed-ups of ``polybib translit`` must not change, and the work they
save (the speed itself is measured by ``benchmarks/bench_translit_command.py``)."""
from __future__ import annotations

import random

import pytest

from polybib import formats, latex
from polybib.formats import bibtex
from polybib.formats.bibtex import mapping, names as bibnames, writer
from polybib.model import Name
from polybib.translit import Romanizer, romanize_library
from polybib.translit.languages import _CYRILLIC, ALPHABETS, guess_language, language_for

BIB = """% kept
@article{gazul2011,
  author = {Газуль, С. М. and Иванов, И. И.},
  title = {Бизнес-облака},
  journaltitle = {Вопросы экономики},
  date = {2011},
  langid = {russian},
}

@book{smith2020, author = {Smith, J.}, title = {Energy}, date = {2020}}

@book{petrov2019,
  author = {Иванов, И. И.},
  title = {Облака},
  location = {Москва},
  date = {2019},
}
"""


def read():
    return bibtex.read(BIB.encode("utf-8"), "refs.bib")


def test_in_place_romanizes_the_library_it_is_given():
    library = read()
    copied = romanize_library(read(), "iso9")
    same = romanize_library(library, "iso9", in_place=True)
    assert same is library
    assert formats.write(same, "bibtex") == formats.write(copied, "bibtex")
    assert "Gazulʹ, S. M." in formats.write(same, "bibtex").decode("utf-8")


def test_the_copy_stays_the_default():
    library = read()
    romanize_library(library, "iso9")
    assert formats.write(library, "bibtex") == BIB.encode("utf-8")


def test_keys_come_from_the_records_as_read_even_with_a_scheme(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    out = tmp_path / "out.bib"
    code, _, _ = run_cli("translit", str(src), "--keys", "--scheme", "bgn-pcgn", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert code == 0 and "@article{gazul2011biznes," in text and "Gazul’, S. M." in text


def test_a_remembered_value_still_reports_its_fallback_each_time():
    """A repeated value is romanized once; one that needs another scheme's table is not
    remembered, so every record that has it gets its warning."""
    romanizer = Romanizer("bsi")
    first = romanizer.text("Київ", "uk")
    notes = list(romanizer.notes)
    romanizer.notes.clear()
    assert romanizer.text("Київ", "uk") == first and romanizer.notes == notes and notes


def test_a_remembered_value_depends_on_the_record_language():
    romanizer = Romanizer("national")
    assert romanizer.text("Гора", "ru") == "Gora"
    assert romanizer.text("Гора", "uk") == "Hora"
    assert romanizer.text("Гора", "ru") == "Gora"


def _language_by_sets(text: str, lang: str) -> str:
    """``language_for`` as it was: the text's letters as a set, against the alphabet."""
    letters = set(_CYRILLIC.findall(text.lower()))
    if letters <= ALPHABETS[lang]:
        return lang
    guessed = guess_language(text)
    if guessed and letters <= ALPHABETS[guessed]:
        return guessed
    return lang


def test_language_for_agrees_with_the_alphabets_letter_by_letter():
    for lang in ALPHABETS:
        for code in range(0x400, 0x500):
            for text in (chr(code), "Слово" + chr(code), chr(code).upper() + "ab"):
                assert language_for(text, lang) == _language_by_sets(text, lang), (lang, hex(code))


def test_plain_text_is_encoded_as_it_is_in_both_modes():
    rng = random.Random(5)
    alphabet = "Щука ab-.,'`\\{}$&%#_^~\u00a0\n\t<@0"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for flag in (False, True):
            expected = latex._encode_checked(text, flag)
            assert latex.encode(text, latex=flag) == expected
            assert latex.is_safe_value(expected)


@pytest.mark.parametrize("from_bibtex", [False, True])
@pytest.mark.parametrize("ascii", [False, True])
def test_remembered_name_texts_are_the_formatted_names(from_bibtex, ascii):
    people = [Name(family="Газуль", given="С. М."), Name(family="van der Berg", given="J."),
              Name(literal="ООО {Рога} & Копыта"), Name(family="Smith, Jr", given="\\'Eve"),
              Name(family="Łukasz", non_dropping_particle="de", suffix="III")]
    with latex.source_is_latex(from_bibtex):
        expected = bibnames.format_bibtex_names(people, True, ascii)
        assert mapping._name_list(people, True, ascii, from_bibtex) == expected
        assert mapping._name_list(people, True, ascii, from_bibtex) == expected   # remembered


def test_the_writer_maps_a_changed_entrys_original_once(monkeypatch):
    """The change test and the rewrite of a changed entry share one mapping of the entry
    (the romanizer read every record, so each is tested for change: once); an entry the
    romanizer changed is not mapped again at all (its mapping as read was kept)."""
    library = romanize_library(read(), "iso9", in_place=True)
    calls = []
    original = mapping.entry_to_reference
    monkeypatch.setattr(mapping, "entry_to_reference",
                        lambda *a, **k: calls.append(a[1]) or original(*a, **k))
    out = writer.write_library(library).decode("utf-8")
    assert sorted(calls) == ["smith2020"]
    assert out.startswith("% kept\n@article{gazul2011,\n  author = {Gazulʹ, S. M. and Ivanov, I. I.},")
