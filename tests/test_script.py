"""Script counting and language guessing: the fast paths agree with the plain definitions."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from polybib import script
from polybib.translit import languages

_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

#: Every range the counting distinguishes, with neighbours on both sides.
_ALPHABET = "".join(chr(c) for c in [*range(0x20, 0x7f), *range(0xa0, 0x600), *range(0x1c70, 0x1cc0),
                                     *range(0x1df0, 0x1f10), *range(0xa630, 0xa6c0)])


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_script_counts_are_the_letters_of_each_script(text):
    assert script.script_counts(text) == (len(_CYRILLIC.findall(text)), len(_LATIN.findall(text)))


def test_script_counts_examples():
    assert script.script_counts("Анализ ЕАЭС and IEEE") == (10, 7)
    assert script.script_counts("Müller, Ёлкин") == (5, 6)
    assert script.script_counts("12 — №") == (0, 0)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="".join(chr(c) for c in range(0x3f0, 0x500)) + " abc", max_size=10))
def test_guess_language_fast_path_agrees_with_the_letter_sets(text):
    letters = set(re.findall("[\u0400-\u04ff]", text.lower()))
    guessed = languages.guess_language(text)
    if letters and letters <= set("абвгдежзийклмнопрстуфхцчшщъыьэюяё"):
        assert guessed == "ru"
    if not letters:
        assert guessed == ""


def test_guess_language_examples():
    assert languages.guess_language("Бізнес і хмари") == "uk"
    assert languages.guess_language("Анализ развития") == "ru"
    assert languages.guess_language("ЁЛКА") == "ru"
    assert languages.guess_language("Economy") == ""


# LaTeX decoding takes runs of plain text whole; that shortcut must not change a thing.
from polybib import latex  # noqa: E402

_LATEX_PIECES = ["a", "Ж", " ", "  ", "\n", "\t", "-", "--", "---", "'", "''", "`", "``", "~",
                 "{", "}", "\\", '\\"', "\\v", "\\emph{", "\\ss", "$", "x$y$", "\\&", "é"]


def _decode_char_by_char(text: str, markup: bool) -> str:
    """The decoder with the plain-run shortcut switched off."""
    original = latex._PLAIN_RUN
    latex._PLAIN_RUN = type("NoMatch", (), {"match": staticmethod(lambda s, i: None)})
    try:
        return latex._Decoder(text, markup).run()
    finally:
        latex._PLAIN_RUN = original


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_LATEX_PIECES), max_size=20).map("".join), st.booleans())
def test_latex_decoding_of_plain_runs_is_unchanged(text, markup):
    assert latex._Decoder(text, markup).run() == _decode_char_by_char(text, markup)
