"""polybib's BibTeX name splitter gives bibtexparser's parts for every name.

``formats/bibtex/nameparts.split_name`` replaces bibtexparser's
``parse_single_name_into_parts(name, strict=False)`` so that reading a .bib file does not
import bibtexparser; records must not change with it.  Compared on every name of the
corpus, on the names of generated files, and on random strings made of the characters
that matter (braces, backslashes, commas, spaces, ties, cases).
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from bibtexparser.middlewares.names import parse_single_name_into_parts

from polybib.formats import bibtex
from polybib.formats.bibtex.names import split_names
from polybib.formats.bibtex.nameparts import split_name

CORPUS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bib-corpus").resolve()
NAME_FIELDS = ("author", "editor", "translator", "bookauthor")


def _same(name: str) -> None:
    want = parse_single_name_into_parts(name, strict=False)
    got = split_name(name)
    assert (got.first, got.von, got.last, got.jr) == (want.first, want.von, want.last, want.jr), name


def _corpus_names():
    names = set()
    for path in sorted(CORPUS.rglob("*.bib")):
        library = bibtex.read(path.read_bytes(), str(path))
        for doc in library.documents:
            for seg in doc.entries():
                for field, value in seg.values():
                    if field.lower() in NAME_FIELDS:
                        names.update(split_names(value))
    return sorted(names)


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_every_corpus_name():
    names = _corpus_names()
    assert len(names) > 1000
    for name in names:
        _same(name)


@pytest.mark.parametrize("name", [
    "Donald E. Knuth", "Brinch Hansen, Per", "Beeblebrox, IV, Zaphod", "Ludwig van Beethoven",
    "van der Berg, Jan", "Jean de La Fontaine", "de la Vallée Poussin, Charles Louis",
    "{Barnes and Noble}", "Garc{\\'\\i}a, L.", "{\\'E}mile Zola", "{\\relax Ch}ristopher Smith",
    "Smith, John,", "a, b, c, d, e", "Smith}, John", "{Smith, John", "John \\ Smith", "Smith\\",
    "Smith, \\", "~Smith~John~", "", "   ", ",", ", John", "Smith, , John", "von Smith",
    "Ch. de {la} Roche", "{von} Smith, J.", "\\v{S}tefan Banach", "jean-paul sartre",
    "Газуль, С. М.", "ван Дейк, Т.", "Лев Николаевич Толстой", "{\\relax} x y",
])
def test_examples(name):
    _same(name)


def test_random_names():
    rng = random.Random(20261205)
    alphabet = ["a", "B", "c", "D", " ", " ", ",", "{", "}", "\\", "~", "'", "é", "Ж", "ж", "1", "\t", "-"]
    for _ in range(30000):
        _same("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))))
