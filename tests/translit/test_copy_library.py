"""``polybib translit`` copies the library it romanizes without deep-copying it."""
from __future__ import annotations

from polybib import formats
from polybib.formats import bibtex
from polybib.translit import romanize_library
from polybib.translit.record import copy_library

BIB = """% a comment that must survive
@string{vopr = "Вопросы экономики"}

@article{gazul2011,
  author = {Газуль, С. М.},
  title = {Бизнес-облака},
  journaltitle = vopr,
  date = {2011},
  langid = {russian},
}

@book{smith2020, author = {Smith, J.}, title = {Energy}, date = {2020}}
"""


def read():
    return bibtex.read(BIB.encode("utf-8"), "refs.bib")


def test_the_copy_is_independent_and_keeps_the_document():
    library = read()
    twin = copy_library(library)
    twin.references[0]["title"] = "Другое"
    assert formats.write(library, "bibtex") == BIB.encode("utf-8")
    out = formats.write(twin, "bibtex").decode("utf-8")
    assert "title = {Другое}" in out and out.startswith("% a comment that must survive")
    assert "smith2020, author = {Smith, J.}" in out          # untouched entries as written


def test_records_nobody_read_are_not_mapped_to_be_copied():
    library = read()
    twin = copy_library(library)
    assert not any(ref.mapped for ref in library) and not any(ref.mapped for ref in twin)
    assert twin.documents[0].entries()[0].ref is twin.references[0]   # linked to the copy's record
    assert twin.references[0] is not library.references[0]


def test_changes_made_before_the_copy_are_copied():
    library = read()
    library.references[1]["title"] = "Energy security"
    twin = copy_library(library)
    assert twin.references[1]["title"] == "Energy security"
    twin.references[1]["title"] = "Changed"
    assert library.references[1]["title"] == "Energy security"


def test_romanized_copy_leaves_the_original_as_read():
    library = read()
    out = romanize_library(library, "iso9")
    assert out.references[0]["title"] == "Biznes-oblaka"
    assert library.references[0]["title"] == "Бизнес-облака"
    assert formats.write(library, "bibtex") == BIB.encode("utf-8")
