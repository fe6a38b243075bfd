"""CSL-JSON and RIS through the one model, and BibTeX → CSL-JSON → BibTeX without loss."""
from __future__ import annotations

import json

import pytest

from polybib.formats import bibtex, csljson, ris
from polybib.model import Date, Name

from ..conftest import DATA


def test_seed_expected_reads_and_writes_back_equal():
    data = (DATA / "seed-expected.csl.json").read_bytes()
    lib = csljson.read(data, "seed.json")
    assert len(lib) == 5 and not lib.diagnostics
    assert lib[0]["author"] == [Name(family="Газуль", given="С. М.")]
    assert lib[1]["accessed"] == Date(parts=[[2019, 2, 11]])
    assert csljson.write(lib) == data                      # unchanged: the same bytes
    lib[0]["title"] = "Бизнес и облака"                      # same value, new object: still equal
    lib.documents.clear()
    assert json.loads(csljson.write(lib)) == json.loads(data)


def test_unknown_keys_and_custom_survive():
    item = [{"id": "k", "type": "book", "title": "T", "citation-key": "k2000",
             "custom": {"biblatex.usera": "x"}, "issued": {"date-parts": [["2000", "3"]]}}]
    lib = csljson.read(json.dumps(item).encode(), "z.json")
    assert lib[0].extra == {"csl.citation-key": '"k2000"', "biblatex.usera": "x"}
    assert lib[0]["issued"] == Date(parts=[[2000, 3]])
    lib.documents.clear()
    out = json.loads(csljson.write(lib))[0]
    assert out["citation-key"] == "k2000" and out["custom"] == {"biblatex.usera": "x"}


def test_broken_json_is_reported_with_its_line():
    lib = csljson.read(b'[\n {"id": "a", "type": "book"},\n {"id": "b",, }\n]', "bad.json")
    assert len(lib) == 0
    assert lib.diagnostics[0].line == 3 and lib.diagnostics[0].file == "bad.json"


def test_item_lines_and_non_objects():
    lib = csljson.read(b'[\n  {"id": "a", "type": "book"},\n  42,\n  {"id": "c", "type": "book"}\n]', "x.json")
    assert [r.id for r in lib] == ["a", "c"]
    assert [r.source.line for r in lib] == [2, 4]
    assert lib.diagnostics[0].line == 3


@pytest.mark.parametrize("name", ["biblatex-examples.bib", "biblatex-gost-examples.bib"])
def test_bib_to_csljson_to_bib_keeps_every_mapped_field(name):
    """Every field comes back: mapped ones through CSL variables, the rest through CSL-JSON's
    ``custom`` object.  Not representable, by design: the LaTeX *spelling* of a mapped text
    field ({\\"o} is read as ö and written back as ö) and the order and layout of fields: the
    values are equal.  (Field names come back too: test_bib_to_csljson_to_bib_field_names.)"""
    data = (DATA / "bib-corpus" / name).read_bytes()
    first = bibtex.read(data, name)
    via_json = csljson.read(csljson.write(_fresh(first)), "via.json")
    back = bibtex.read(bibtex.write(_fresh(via_json)), "back.bib")
    assert [r.id for r in back] == [r.id for r in first]
    for before, after in zip(first, back):
        assert after.type == before.type, before.id
        assert _spaced(after.fields) == _spaced(before.fields), before.id
        assert after.extra == before.extra, before.id


def _spaced(value):
    """``value`` with every run of white space in its texts one space: a line break inside
    a .bib value is layout (BibTeX reads it as a space), and the writer writes it as one."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {k: _spaced(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_spaced(v) for v in value]
    return value


def _fresh(library):
    """The same records without the source document, so writers serialise them anew."""
    from polybib.model import Library
    return Library(list(library.references))


ELIBRARY_RIS = """TY  - JOUR
AU  - Матвиенко, Ю. Е.
TI  - Анализ развития железнодорожного транспорта в ЕАЭС
T2  - Международный студенческий научный вестник
PY  - 2019
IS  - 1
SP  - 12
EP  - 15
SN  - 2409-529X
UR  - http://www.eduherald.ru/ru/article/view?id=19537
LA  - ru
KW  - транспорт
KW  - ЕАЭС
ER  -

TY  - BOOK
AU  - Газуль, С. М.
TI  - Бизнес и облака: очень длинное
      заглавие с продолжением
PB  - Изд-во СПбГУЭФ
CY  - Санкт-Петербург
PY  - 2011///
SN  - 978-5-02-037554-3
M1  - 7
ER  -
"""


def test_elibrary_ris_reads_into_the_right_fields():
    lib = ris.read(ELIBRARY_RIS.encode(), "elib.ris")
    art, book = lib
    assert art.type == "article-journal" and art["author"] == [Name(family="Матвиенко", given="Ю. Е.")]
    assert art["container-title"] == "Международный студенческий научный вестник"
    assert art["page"] == "12-15" and art["issue"] == "1" and art["ISSN"] == "2409-529X"
    assert art["keyword"] == "транспорт, ЕАЭС" and art["issued"] == Date(parts=[[2019]])
    assert book["title"] == "Бизнес и облака: очень длинное заглавие с продолжением"
    assert book["ISBN"] == "978-5-02-037554-3" and book.extra["ris.M1"] == "7"
    assert (art.source.line, book.source.line) == (1, 16)


def test_ris_round_trips():
    lib = ris.read(ELIBRARY_RIS.encode(), "elib.ris")
    assert ris.write(lib) == ELIBRARY_RIS.encode()
    lib.documents.clear()
    again = ris.read(ris.write(lib), "again.ris")
    for a, b in zip(lib, again):
        assert a.fields == b.fields and a.type == b.type and a.extra == b.extra


def test_broken_ris_is_reported_and_the_rest_is_read():
    text = "AU  - Orphan, A.\nTY  - JOUR\nTI  - One\nthis is not ris\n\nTY  - BOOK\nTI  - Two\nER  -\n"
    lib = ris.read(text.encode(), "b.ris")
    assert [r["title"] for r in lib] == ["One this is not ris", "Two"]
    assert [(d.line, d.severity) for d in lib.diagnostics] == [(1, "error"), (2, "warning")]


def test_cp1251_crlf_and_bom():
    data = "TY  - BOOK\r\nTI  - Заглавие\r\nER  - \r\n".encode("cp1251")
    lib = ris.read(data, "win.ris")
    assert lib[0]["title"] == "Заглавие" and lib.diagnostics[0].code == "encoding"
    lib = ris.read(b"\xef\xbb\xbf" + "TY  - BOOK\r\nTI  - Т\r\nER  -\r\n".encode(), "bom.ris")
    assert lib[0]["title"] == "Т"


def test_convert_cli_between_all_three(run_cli, tmp_path):
    src = tmp_path / "in.ris"
    src.write_text(ELIBRARY_RIS, encoding="utf-8")
    assert run_cli("convert", str(src), "-o", str(tmp_path / "out.bib"))[0] == 0
    text = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert "author = {Матвиенко, Ю. Е.}" in text and "pages = {12--15}" in text
    code, out, _ = run_cli("convert", str(tmp_path / "out.bib"), "--to", "csljson")
    items = json.loads(out)
    assert items[1]["title"] == "Бизнес и облака: очень длинное заглавие с продолжением"
    assert run_cli("convert", "-", "-o", str(tmp_path / "x.json"))[0] == 2      # stdin needs --from
