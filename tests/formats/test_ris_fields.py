"""RIS maps every field it can and says which it drops; records never merge silently."""
from __future__ import annotations

import re
from pathlib import Path

from polybib import formats
from polybib.formats import csljson, ris
from polybib.formats.bibtex import read as read_bib

GOST = Path(__file__).resolve().parents[3] / "shared" / "data" / "bib-corpus" / "biblatex-gost-examples.bib"


def entry(key: str) -> bytes:
    """One entry of the biblatex-gost examples, as its own .bib."""
    text = GOST.read_text(encoding="utf-8")
    start = text.index("{" + key + ",")
    start = text.rindex("@", 0, start)
    end = text.index("\n}\n", start) + 3
    return text[start:end].encode()


def through_ris(library):
    library.documents.clear()
    data = ris.write(library)
    return data.decode(), ris.read(data, "back.ris")


def test_a_ty_line_with_a_no_break_space_starts_a_record_and_both_are_reported():
    data = ("TY  - JOUR\nTI  - First\nAU  - Smith, J.\n"
            "TY\u00a0 - BOOK\nTI  - Second\nER  - \n").encode()
    lib = ris.read(data, "nbsp.ris")
    assert [(r.type, r["title"]) for r in lib] == [("article-journal", "First"), ("book", "Second")]
    messages = {(d.line, d.message.split(";")[0]) for d in lib.diagnostics}
    assert (1, "record has no ER line") in messages
    assert any(d.line == 4 and "no-break" in d.message for d in lib.diagnostics)


def test_pagetotal_survives_polybibs_own_round_trip_through_ris():
    lib = read_bib(entry("ricoeur:ki2002"), "gost.bib")
    assert lib[0]["number-of-pages"] == "624"
    text, back = through_ris(lib)
    assert "SP  - 624" in text
    assert back[0]["number-of-pages"] == "624" and "page" not in back[0].fields
    bib_again = formats.write(back, "bibtex").decode()
    assert re.search(r"pagetotal\s*=\s*\{624\}", bib_again)


def test_subtitle_and_origdate_of_the_gost_examples_are_written():
    lib = read_bib(entry("ricoeur:ki2002") + entry("ajdukiewicz:pti"), "gost.bib")
    text, back = through_ris(lib)
    assert "TI  - Конфликт интерпретаций: Очерки о герменевтике" in text
    assert back[0]["title"] == "Конфликт интерпретаций: Очерки о герменевтике"
    assert back[1]["original-date"].parts == [[1937]]
    assert back[0]["original-date"].parts == [[1969]]


def test_a_zotero_thesis_page_count_is_the_number_of_pages():
    data = b"TY  - THES\nTI  - A thesis\nAU  - Doe, Jane\nPB  - MIT\nSP  - 245\nPY  - 2019\nER  - \n"
    [ref] = ris.read(data, "zotero.ris")
    assert ref["number-of-pages"] == "245" and "page" not in ref.fields
    [article] = ris.read(b"TY  - JOUR\nTI  - An article\nSP  - 245\nER  - \n", "a.ris")
    assert article["page"] == "245"


def test_an_issn_with_its_suffix_is_the_number_and_the_spelling_is_written_back():
    data = b"TY  - JOUR\nTI  - T\nSN  - 1234-5679 (ISSN)\nER  - \n"
    [ref] = ris.read(data, "scopus.ris")
    assert ref["ISSN"] == "1234-5679"
    item = csljson.reference_to_item(ref)
    assert item["ISSN"] == "1234-5679"
    text = ris.write(_library(ref)).decode()          # written record by record, not the file's bytes
    assert text.count("SN  -") == 1 and "SN  - 1234-5679 (ISSN)" in text


def _library(*refs):
    from polybib.model import Library
    return Library(references=list(refs))


def test_variables_without_a_ris_tag_travel_as_n1_lines_and_come_back():
    item = {"id": "c", "type": "paper-conference", "title": "Talk", "event-title": "RuSSIR 2019",
            "event-place": "Kazan", "original-date": {"date-parts": [[1990, 5]]}, "collection-number": "12",
            "note": "An ordinary note"}
    lib = csljson.read(csljson.write(_library(csljson.item_to_reference(item))), "c.json")
    text, back = through_ris(lib)
    assert "N1  - event-title: RuSSIR 2019" in text
    [ref] = back
    assert ref["event-title"] == "RuSSIR 2019" and ref["event-place"] == "Kazan"
    assert ref["collection-number"] == "12" and ref["original-date"].parts == [[1990, 5]]
    assert ref["note"] == "An ordinary note"
    assert not [d for d in lib.diagnostics if d.code == "dropped-field"]


def test_every_field_the_writer_drops_is_reported_with_the_record():
    item = {"id": "s", "type": "song", "title": "Song", "composer": [{"family": "Glinka"}],
            "issued": {"date-parts": [[1836], [1842]]}, "citation-key": "glinka",
            "custom": {"biblatex.usera": "x"}}
    lib = csljson.read(csljson.write(_library(csljson.item_to_reference(item))), "s.json")
    lib.documents.clear()
    ris.write(lib)
    [dropped] = [d for d in lib.diagnostics if d.code == "dropped-field"]
    assert (dropped.file, dropped.line, dropped.severity) == ("s.json", 2, "warning")
    for name in ("composer", "issued (end of the range)", "csl.citation-key", "biblatex.usera"):
        assert name in dropped.message
    ris.write(lib)
    assert len([d for d in lib.diagnostics if d.code == "dropped-field"]) == 1


def test_a_title_translation_is_tt():
    lib = read_bib(b"@article{a, title={\xd0\x9e\xd0\xb1\xd0\xbb\xd0\xb0\xd0\xba\xd0\xb0},"
                   b" titletranslation={Clouds}, langid={russian}}", "t.bib")
    text, back = through_ris(lib)
    assert "TT  - Clouds" in text
    assert back[0].extra["polybib.title-translation"] == "Clouds"
