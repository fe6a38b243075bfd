"""``--dialect bibtex`` writes the names classic .bst styles know (#13.3): ``journal``, ``address``,
``school``, ``year``+``month``, where the biblatex names stood, and never ``journaltitle`` or
``location`` (plain.bst would print no journal); ``--ascii`` output is ASCII through and through."""
from __future__ import annotations

from polybib.formats import bibtex

BIBLATEX = """@article{a,
  journaltitle = {J {\\"o}},
  date = {2019-02},
  location = {Berlin},
  title = {T},
}

@thesis{t,
  title = {Диссертация},
  institution = {МГУ},
  date = {2001},
  type = {PhD thesis},
}

@inproceedings{g,
  title = {Bizness},
  booktitle = {Sbornik «Informatsionnyye tekhnologii»},
  date = {2011},
}
"""


def test_classic_names_stand_where_the_biblatex_names_stood():
    out = bibtex.write(bibtex.read(BIBLATEX.encode(), "in.bib"), dialect="bibtex").decode()
    assert out.split("\n\n")[0] == ("@article{a,\n  journal = {J {\\\"o}},\n  year = {2019},\n  month = {2},\n"
                                    "  address = {Berlin},\n  title = {T},\n}")
    assert "@phdthesis{t," in out and "school = {МГУ}" in out and "institution" not in out


def test_ascii_classic_output_is_ascii():
    first = bibtex.read(BIBLATEX.encode(), "in.bib")
    del first.references[1]                           # Cyrillic: romanize it first (translit)
    out = bibtex.write(first, dialect="bibtex", ascii=True)
    assert out.isascii(), out.decode()
    assert "booktitle = {Sbornik ``Informatsionnyye tekhnologii''}" in out.decode()


def test_the_default_dialect_keeps_the_entrys_own_names():
    lib = bibtex.read(BIBLATEX.encode(), "in.bib")
    lib[0]["title"] = "New"
    out = bibtex.write(lib).decode()
    assert "journaltitle = {J {\\\"o}}" in out and "date = {2019-02}" in out and "location = {Berlin}" in out
