"""BibTeX/BibLaTeX: lossless round trips, both dialects, LaTeX, names, broken input."""
from __future__ import annotations

from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.model import Date, Name, Reference

from ..conftest import DATA

CORPUS = sorted((DATA / "bib-corpus").rglob("*.bib"))
assert CORPUS, f"no .bib corpus at {DATA / 'bib-corpus'}: set POLYBIB_SHARED"


def read(text: str, name: str = "test.bib"):
    return bibtex.read(text.encode("utf-8"), name)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_file_round_trips_byte_for_byte(path: Path):
    data = path.read_bytes()
    assert bibtex.write(bibtex.read(data, str(path))) == data


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_rewriting_every_entry_in_biblatex_keeps_every_record(path: Path):
    data = path.read_bytes()
    first = bibtex.read(data, str(path))
    again = bibtex.read(bibtex.write(first, dialect="biblatex"), str(path))
    assert [r.id for r in again] == [r.id for r in first]
    for before, after in zip(first, again):
        assert after.type == before.type, before.id
        assert after.fields == before.fields, before.id
        # the field names become biblatex's own (year → date), so their memory changes
        assert _without_spellings(after.extra) == _without_spellings(before.extra), before.id


def _without_spellings(extra: dict) -> dict:
    return {k: v for k, v in extra.items() if not k.startswith("polybib.bibtex-field.")}


def test_corpus_has_the_odd_files_it_promises():
    assert len(list((DATA / "bib-corpus" / "odd").glob("*.bib"))) == 237


def test_both_dialects_map_to_the_same_record():
    classic = read("""@article{a, journal = {J}, address = {Москва}, year = 2019, month = feb,
                      number = {3}}
                      @phdthesis{t, school = {МГУ}, year = {2001}}""")
    modern = read("""@article{a, journaltitle = {J}, location = {Москва}, date = {2019-02}, number = {3}}
                     @thesis{t, institution = {МГУ}, date = {2001}}""")
    for a, b in zip(classic, modern):
        assert a.fields == b.fields
    art = modern[0]
    assert art["container-title"] == "J"
    assert art["publisher-place"] == "Москва"
    assert art["issued"] == Date(parts=[[2019, 2]])
    assert art["issue"] == "3"
    assert modern[1]["publisher"] == "МГУ" and modern[1].type == "thesis"


def test_new_entries_are_written_in_biblatex_by_default_and_classic_on_request():
    ref = Reference(id="gazul2011biznes", type="paper-conference", fields={
        "author": [Name(family="Газуль", given="С. М.")], "title": "Бизнес и облака",
        "container-title": "Сборник материалов", "publisher-place": "Санкт-Петербург",
        "publisher": "Изд-во СПбГУЭФ", "issued": Date(parts=[[2011, 3]]), "page": "134-135",
        "language": "ru", "accessed": Date(parts=[[2019, 2, 11]])})
    from polybib.model import Library
    modern = bibtex.write(Library([ref])).decode()
    assert "@inproceedings{gazul2011biznes," in modern
    assert "author = {Газуль, С. М.}" in modern
    assert "location = {Санкт-Петербург}" in modern
    assert "date = {2011-03}" in modern and "urldate = {2019-02-11}" in modern
    assert "pages = {134--135}" in modern and "langid = {russian}" in modern
    assert "\\cyr" not in modern
    classic = bibtex.write(Library([ref]), dialect="bibtex").decode()
    assert "address = {Санкт-Петербург}" in classic
    assert "year = {2011}" in classic and "month = {3}" in classic
    assert read(modern)[0].fields == read(classic)[0].fields == ref.fields


def test_latex_accents_decode_and_protective_braces_survive():
    ref = read(r"""@book{k, author = {M{\"u}ller, J{\"o}rg and \v{C}apek, Karel},
                   title = {The {NASA} Mission to {\"O}sterreich}}""")[0]
    assert ref["author"] == [Name(family="Müller", given="Jörg"), Name(family="Čapek", given="Karel")]
    assert ref["title"] == 'The <span class="nocase">NASA</span> Mission to Österreich'
    ref["title"] = ref["title"] + "!"
    from polybib.model import Library
    out = bibtex.write(Library([ref], documents=[])).decode()
    assert "title = {The {NASA} Mission to Österreich!}" in out


def test_names_are_split_into_parts():
    ref = read("""@book{k, author = {Газуль, С. М. and van der Berg, J. and {Российская академия наук}
                   and others}}""")[0]
    assert ref["author"] == [
        Name(family="Газуль", given="С. М."),
        Name(family="Berg", given="J.", non_dropping_particle="van der"),
        Name(literal="Российская академия наук"),
    ]
    assert ref.extra["polybib.etal.author"] == "true"
    from polybib.model import Library
    assert "and others}" in bibtex.write(Library([ref])).decode()


def test_urls_escaped_for_latex_are_unescaped():
    ref = read(r"@misc{k, url = {http://example.org/a\_b\%20c}, doi = {10.1000/x\_y}}")[0]
    assert ref["URL"] == "http://example.org/a_b%20c"
    assert ref["DOI"] == "10.1000/x_y"


def test_string_macros_and_concatenation_are_resolved():
    lib = read("""@string{jgr = "J. Geophys. Res."}
                  @article{k, journal = jgr, title = "A" # { and } # "B", month = jan, year = 1999}
                  @article{m, journal = nosuch, year = 2000}""")
    assert lib[0]["container-title"] == "J. Geophys. Res."
    assert lib[0]["title"] == "A and B"
    assert lib[0]["issued"] == Date(parts=[[1999, 1]])
    assert lib[1]["container-title"] == "nosuch"
    assert [(d.line, d.code) for d in lib.diagnostics] == [(3, "undefined-string")]


def test_unknown_fields_are_kept_verbatim():
    ref = read(r"@book{k, title = {T}, usera = {\emph{x} {y}}, _related = {z}}")[0]
    assert ref.extra["biblatex.usera"] == r"\emph{x} {y}"
    assert ref.extra["biblatex._related"] == "z"
    ref["title"] = "U"
    from polybib.model import Library
    out = bibtex.write(Library([ref])).decode()
    assert r"usera = {\emph{x} {y}}" in out and "_related = {z}" in out


BROKEN = """@article{good1, title = {First}, year = 2001}

@article{dup, title = {One}}
@article{DUP, title = {Two}}

@article{broken, title = {Unclosed, year = 2003

@book{good2, title = {After the break}, year = 2004}
"""


def test_broken_input_is_reported_with_lines_and_nothing_is_lost():
    lib = read(BROKEN, "broken.bib")
    messages = [str(d) for d in lib.diagnostics]
    assert any(m.startswith("broken.bib:4: error: duplicate key 'DUP'") for m in messages), messages
    assert any(m.startswith("broken.bib:6: error: unparseable block") for m in messages), messages
    assert {"good1", "good2", "dup", "DUP"} <= {r.id for r in lib}
    assert bibtex.write(lib) == BROKEN.encode()


def test_a_file_that_is_not_utf8_is_read_with_a_warning_and_kept():
    data = "@book{k, title = {Заглавие}, author = {Иванов, И. И.}}\n".encode("cp1251")
    lib = bibtex.read(data, "legacy.bib")
    assert lib[0]["title"] == "Заглавие"
    assert lib.diagnostics[0].severity == "warning" and "cp1251" in lib.diagnostics[0].message
    assert bibtex.write(lib) == data


def test_changing_one_entry_leaves_the_rest_of_the_file_untouched():
    text = """% my refs
@string{x = "X"}

@Article{first,
  author    = {Doe, Jane},
  journal   = x,
  title     = {Old title},
  year      = 2001,
}

@book{second, title = {Untouched}}
"""
    lib = read(text)
    lib[0]["title"] = "New title"
    out = bibtex.write(lib).decode()
    assert out == text.replace("{Old title}", "{New title}")


def test_crlf_and_bom_are_kept():
    data = b"\xef\xbb\xbf@book{a,\r\n  title = {T},\r\n}\r\n"
    lib = bibtex.read(data, "win.bib")
    assert bibtex.write(lib) == data
    lib[0]["title"] = "U"
    assert bibtex.write(lib) == b"\xef\xbb\xbf@book{a,\r\n  title = {U},\r\n}\r\n"


def test_entries_removed_from_the_library_are_not_written():
    lib = read("@book{a, title = {A}}\n\n@book{b, title = {B}}\n")
    del lib.references[0]
    assert bibtex.write(lib).decode() == "\n\n@book{b, title = {B}}\n"
