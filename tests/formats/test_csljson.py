"""CSL-JSON in and out of the one model: what Zotero and pandoc users would check."""
from __future__ import annotations

import json

import pytest

from polybib import formats
from polybib.formats import csljson
from polybib.model import Date, Library, Name, Reference


def fresh(library: Library) -> Library:
    """The same records without the file they came from, so the writer serialises them anew."""
    return Library(list(library.references))


def rewrite(data: bytes) -> list:
    """Read, then write from the model (not the remembered bytes), as parsed JSON."""
    return json.loads(csljson.write(fresh(csljson.read(data, "in.json"))))


# A Zotero/Better BibTeX-style export that uses a bit of everything CSL-JSON has.
RICH_ITEM = {
    "id": "berg2019vliyanie",
    "type": "article-journal",
    "citation-key": "berg2019vliyanie",
    "system_id": 12,
    "language": "ru",
    "author": [
        {"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"},
        {"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "Российская академия наук"},
    ],
    "editor": [{"family": "Газуль", "given": "С. М."}],
    "translator": [{"family": "Ho", "given": "T. E. B."}],
    "title": "Влияние <i>E. coli</i> на H<sub>2</sub>O в <span class=\"nocase\">iPhone</span>",
    "title-short": "Влияние",
    "container-title": "Известия РАН",
    "container-title-short": "Изв. РАН",
    "collection-title": "Серия: Политология",
    "publisher": "Наука",
    "publisher-place": "Москва",
    "volume": "7",
    "issue": "1 (43)",
    "page": "108-115",
    "number-of-pages": "8",
    "edition": "2",
    "issued": {"date-parts": [[2019, 2, 11]]},
    "accessed": {"date-parts": [[2020, 3, 4]]},
    "original-date": {"date-parts": [[2011], [2012]], "circa": True},
    "event-date": {"date-parts": [[1999]], "season": 2},
    "submitted": {"literal": "в печати"},
    "DOI": "10.1000/xyz123",
    "ISSN": "0869-5652",
    "URL": "http://www.eduherald.ru/ru/article/view?id=19537",
    "abstract": "Первая строка.",
    "keyword": "транспорт, ЕАЭС",
    "note": "EDN: ABCDEF",
    "custom": {"biblatex.usera": "[Influence of E. coli]", "biblatex.langidopts": "spelling=old"},
}


def test_the_seed_reads_and_writes_back_equal(shared_data):
    data = (shared_data / "seed-expected.csl.json").read_bytes()
    lib = csljson.read(data, "seed-expected.csl.json")
    assert len(lib) == 5 and lib.diagnostics == []
    gazul = lib.by_id("gazul2011biznes")
    assert gazul.type == "paper-conference" and gazul.language == "ru"
    assert gazul["author"] == [Name(family="Газуль", given="С. М.")]
    assert gazul["issued"] == Date(parts=[[2011]]) and gazul["page"] == "134-135"
    assert lib.by_id("matvienko2019analiz")["accessed"] == Date(parts=[[2019, 2, 11]])
    assert [r.source.line for r in lib] == [2, 14, 26, 37, 48]
    assert csljson.write(lib) == data                         # unchanged: the very bytes
    assert json.loads(csljson.write(fresh(lib))) == json.loads(data)


def test_every_variable_survives_a_round_trip_through_the_model():
    assert rewrite(json.dumps([RICH_ITEM]).encode()) == [RICH_ITEM]


def test_rich_text_markup_passes_through_untouched():
    ref = csljson.read(json.dumps([RICH_ITEM]).encode(), "x.json")[0]
    assert ref["title"] == RICH_ITEM["title"]


def test_names_dates_and_extras_land_in_the_model():
    ref = csljson.read(json.dumps([RICH_ITEM], ensure_ascii=False).encode(), "x.json")[0]
    assert ref["author"][0] == Name(family="Berg", given="Jan", non_dropping_particle="van der")
    assert ref["author"][1].dropping_particle == "de"
    assert ref["author"][3] == Name(literal="Российская академия наук")
    assert ref["original-date"] == Date(parts=[[2011], [2012]], circa=True)
    assert ref["event-date"].season == 2 and ref["submitted"] == Date(literal="в печати")
    assert ref.extra["biblatex.usera"] == "[Influence of E. coli]"
    assert json.loads(ref.extra["csl.citation-key"]) == "berg2019vliyanie"
    assert json.loads(ref.extra["csl.system_id"]) == 12


def test_numbers_become_strings_and_numeric_date_parts_become_numbers():
    item = {"id": 7, "type": "book", "volume": 3, "page": 12, "issued": {"date-parts": [["2019", "2", ""]]}}
    ref = csljson.read(json.dumps(item).encode(), "n.json")[0]
    assert ref.id == "7" and ref["volume"] == "3" and ref["page"] == "12"
    assert ref["issued"] == Date(parts=[[2019, 2]])


def test_raw_dates_and_string_dates_are_read():
    items = [{"id": "a", "type": "book", "issued": {"raw": "2019-02-11"}},
             {"id": "b", "type": "book", "issued": "2011/2012"}]
    a, b = csljson.read(json.dumps(items).encode(), "d.json")
    assert a["issued"] == Date(parts=[[2019, 2, 11]])
    assert b["issued"] == Date(parts=[[2011], [2012]])


def test_a_biblatex_field_csl_cannot_hold_goes_through_custom_and_comes_back():
    from polybib.formats import bibtex

    bib = "@book{gazul2011,\n  author = {Газуль, С. М.},\n  title = {Бизнес и облака},\n" \
          "  date = {2011},\n  usera = {Business and clouds},\n}\n"
    first = bibtex.read(bib.encode(), "in.bib")
    as_json = csljson.write(fresh(first))
    assert json.loads(as_json)[0]["custom"] == {"biblatex.usera": "Business and clouds"}
    back = bibtex.read(bibtex.write(fresh(csljson.read(as_json, "via.json"))), "back.bib")
    assert back[0].extra == first[0].extra and back[0].fields == first[0].fields


def test_a_single_item_and_an_items_wrapper_are_read_with_their_lines():
    single = b'\n\n{"id": "s", "type": "book", "author": [{"family": "A"}]}'
    lib = csljson.read(single, "one.json")
    assert [(r.id, r.source.line) for r in lib] == [("s", 3)]
    wrapped = b'{"note": "[not the array]",\n "items": [\n  {"id": "a", "type": "book"},\n\n' \
              b'  {"id": "b", "type": "book"}\n ]}'
    lib = csljson.read(wrapped, "wrapped.json")
    assert [(r.id, r.source.line) for r in lib] == [("a", 3), ("b", 5)]


def test_broken_json_is_one_diagnostic_with_its_line_and_no_crash():
    data = b'[\n  {"id": "a", "type": "book"},\n  {"id": "b", "type": "book",}\n]\n'
    lib = csljson.read(data, "broken.json")
    assert len(lib) == 0
    [diag] = lib.diagnostics
    assert (diag.file, diag.line, diag.severity) == ("broken.json", 3, "error")
    assert "broken.json:3" in str(diag)


@pytest.mark.parametrize("data", [b"", b"   ", b"[", b"nul", b'{"id": "a"} trailing', b"\xff\xfe\x00"])
def test_garbage_never_crashes(data):
    lib = csljson.read(data, "g.json")
    assert isinstance(lib, Library)


def test_items_that_are_not_objects_are_reported_and_the_rest_read():
    data = b'[\n  {"id": "a", "type": "book"},\n  "stray string",\n  [1, 2],\n  {"id": "d", "type": "book"}\n]'
    lib = csljson.read(data, "mixed.json")
    assert [(r.id, r.source.line) for r in lib] == [("a", 2), ("d", 5)]
    assert [(d.line, d.severity) for d in lib.diagnostics] == [(3, "error"), (4, "error")]
    assert "stray string" in lib.diagnostics[0].message


def test_a_top_level_scalar_is_reported():
    lib = csljson.read(b'"references"', "s.json")
    assert len(lib) == 0 and lib.diagnostics[0].line == 1


def test_unknown_types_are_kept_and_warned_about():
    data = b'[\n {"id": "a", "type": "journal-article", "title": "T"}\n]'
    lib = csljson.read(data, "t.json")
    assert lib[0].type == "journal-article"
    assert [(d.line, d.severity) for d in lib.diagnostics] == [(2, "warning")]
    assert "journal-article" in lib.diagnostics[0].message
    assert rewrite(data)[0]["type"] == "journal-article"


def test_duplicate_ids_and_missing_types_are_warned_about():
    data = b'[\n {"id": "a", "type": "book"},\n {"id": "a"}\n]'
    lib = csljson.read(data, "dup.json")
    assert len(lib) == 2 and lib[1].type == "document"
    messages = [(d.line, d.message) for d in lib.diagnostics]
    assert any(line == 3 and "duplicate id 'a'" in m for line, m in messages)
    assert any(line == 3 and "no type" in m for line, m in messages)


def test_malformed_names_and_dates_are_warned_about_and_their_text_kept():
    item = {"id": "a", "type": "book",
            "author": [{"family": "Smith", "given": "J.", "parse-names": True}, 42],
            "editor": "Организация",
            "issued": {"date-parts": [["spring 2019"]]}}
    lib = csljson.read(json.dumps(item).encode(), "m.json")
    ref = lib[0]
    assert ref["author"] == [Name(family="Smith", given="J.")]
    assert ref["editor"] == [Name(literal="Организация")]
    assert ref["issued"].literal and "spring 2019" in ref["issued"].literal
    assert len(lib.diagnostics) == 4 and all(d.severity == "warning" for d in lib.diagnostics)
    assert any("42" in d.message for d in lib.diagnostics)


def test_values_the_model_cannot_hold_are_kept_typed():
    item = {"id": "a", "type": "book", "ISBN": ["978-0-306-40615-7", "0-306-40615-2"],
            "custom": {"biblatex.usera": "x", "count": 5}, "categories": ["a", "b"]}
    assert rewrite(json.dumps(item).encode()) == [item]


def test_bom_and_cp1251_are_read():
    item = '[{"id": "a", "type": "book", "title": "Заглавие"}]'
    lib = csljson.read(b"\xef\xbb\xbf" + item.encode(), "bom.json")
    assert lib[0]["title"] == "Заглавие" and lib.diagnostics == []
    lib = csljson.read(item.encode("cp1251"), "win.json")
    assert lib[0]["title"] == "Заглавие"
    assert [(d.code, d.severity) for d in lib.diagnostics] == [("encoding", "warning")]


def test_the_writer_output_is_readable_utf8_json_with_id_and_type_first():
    ref = Reference(id="k", type="book", fields={"title": "Заглавие", "author": [Name(family="Газуль")],
                                                   "issued": Date(parts=[[2011]])})
    out = csljson.write(Library([ref]))
    assert out.endswith(b"]\n") and "Заглавие".encode() in out       # not \u-escaped
    assert out.startswith(b'[\n  {\n    "id": "k",\n    "type": "book",')
    assert json.loads(out) == [{"id": "k", "type": "book", "author": [{"family": "Газуль"}],
                                "title": "Заглавие", "issued": {"date-parts": [[2011]]}}]
    assert csljson.write(Library()) == b"[]\n"


def test_a_changed_library_is_written_anew():
    data = b'[{"id": "a", "type": "book", "title": "Old"}]'
    lib = csljson.read(data, "c.json")
    lib[0]["title"] = "New"
    assert json.loads(csljson.write(lib))[0]["title"] == "New"


def test_the_registry_reads_and_writes_csljson():
    data = json.dumps([RICH_ITEM]).encode()
    lib = formats.read(data, "csl-json", filename="r.json")
    assert lib[0].source.format == "csljson" and lib[0].source.file == "r.json"
    assert formats.write(lib, "csljson") == data
