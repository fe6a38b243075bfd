"""RIS in and out of the one model: eLIBRARY, Scopus and Zotero exports as users have them."""
from __future__ import annotations

import json

import pytest

from polybib import formats
from polybib.formats import csljson, ris
from polybib.model import Date, Library, Name, Reference


def fresh(library: Library) -> Library:
    """The same records without the file they came from, so the writer serialises them anew."""
    return Library(list(library.references))


def tags_of(data: bytes) -> list[str]:
    return [line[:2] for line in data.decode("utf-8").splitlines() if line.strip()]


# As eLIBRARY exports a selection: BOM, CRLF, "Фамилия И.О." without a comma, upper-case
# titles, the language as a Russian word, a wrapped abstract, a blank line between records.
ELIBRARY = ("\ufeff" + "\r\n".join([
    "TY  - JOUR",                                                          # 1
    "T1  - АНАЛИЗ РАЗВИТИЯ ЖЕЛЕЗНОДОРОЖНОГО ТРАНСПОРТА В ЕАЭС",
    "AU  - Матвиенко Ю.Е.",
    "JO  - Международный студенческий научный вестник",
    "PY  - 2019",
    "IS  - 1",
    "SP  - 12",
    "EP  - 15",
    "SN  - 2409-529X",
    "UR  - https://elibrary.ru/item.asp?id=37040506",                     # 10
    "LA  - русский",
    "AB  - В статье рассмотрены тенденции развития железнодорожного транспорта",
    "      в странах Евразийского экономического союза.",
    "KW  - ЖЕЛЕЗНОДОРОЖНЫЙ ТРАНСПОРТ",
    "KW  - ЕАЭС",
    "ER  - ",
    "",
    "TY  - CONF",                                                          # 18
    "T1  - Бизнес и облака",
    "AU  - Газуль С.М.",                                                   # 20
    "T2  - Информационные технологии в бизнесе: сборник материалов 7-й международной научной конференции",
    "CY  - Санкт-Петербург",
    "PB  - Изд-во СПбГУЭФ",
    "PY  - 2011",
    "SP  - 134-135",
    "LA  - русский",
    "ER  - ",
    "",
    "TY  - BOOK",                                                          # 29
    "T1  - Теория вероятностей",                                          # 30
    "AU  - Иванов И.И.",
    "AU  - Петров П.П.",
    "CY  - М.",
    "PB  - Наука",
    "PY  - 2020",
    "SN  - 978-5-02-037554-3",
    "SP  - 256",
    "ER  - ",
    "",
])).encode("utf-8")


def test_an_elibrary_export_reads_into_the_right_fields():
    lib = ris.read(ELIBRARY, "elibrary.ris")
    assert lib.diagnostics == []
    article, paper, book = lib
    assert article.type == "article-journal" and article.source.line == 1
    assert article["title"] == "АНАЛИЗ РАЗВИТИЯ ЖЕЛЕЗНОДОРОЖНОГО ТРАНСПОРТА В ЕАЭС"
    assert article["author"] == [Name(family="Матвиенко", given="Ю.Е.")]
    assert article["container-title"] == "Международный студенческий научный вестник"
    assert article["issued"] == Date(parts=[[2019]])
    assert (article["issue"], article["page"], article["ISSN"]) == ("1", "12-15", "2409-529X")
    assert article["URL"] == "https://elibrary.ru/item.asp?id=37040506"
    assert article.language == "ru" and article.extra["ris.LA"] == "русский"
    assert article["abstract"] == ("В статье рассмотрены тенденции развития железнодорожного транспорта "
                                   "в странах Евразийского экономического союза.")
    assert article["keyword"] == "ЖЕЛЕЗНОДОРОЖНЫЙ ТРАНСПОРТ, ЕАЭС"
    assert paper.type == "paper-conference" and paper.source.line == 18
    assert paper["publisher-place"] == "Санкт-Петербург" and paper["publisher"] == "Изд-во СПбГУЭФ"
    assert paper["page"] == "134-135" and paper["author"] == [Name(family="Газуль", given="С.М.")]
    assert book.type == "book" and book["ISBN"] == "978-5-02-037554-3"
    assert [n.family for n in book["author"]] == ["Иванов", "Петров"]
    assert all(r.id == "" and r.source.format == "ris" for r in lib)


def test_an_unchanged_file_is_written_back_byte_for_byte():
    lib = ris.read(ELIBRARY, "elibrary.ris")
    assert ris.write(lib) == ELIBRARY
    assert formats.write(lib, "ris") == ELIBRARY


def test_a_changed_file_is_written_anew():
    lib = ris.read(ELIBRARY, "elibrary.ris")
    lib[0]["volume"] = "3"
    out = ris.write(lib)
    assert out != ELIBRARY and "VL  - 3" in out.decode()


# One record with every tag the reader maps, in the writer's canonical spelling.
EVERY_MAPPED_TAG = """TY  - CHAP
ID  - berg2019
AU  - van der Berg, Jan
AU  - King, Martin Luther, Jr.
AU  - Российская академия наук
A2  - Газуль, С. М.
A3  - Ho, T. E. B.
A4  - La Fontaine, Jean de
TI  - Влияние облаков
ST  - Влияние
T2  - Сборник статей
J2  - Сб. ст.
T3  - Труды института
PY  - 2019
DA  - 2019/02/11/
VL  - 7
IS  - 1 (43)
SP  - 108
EP  - 115
ET  - 2-е изд.
NV  - 3
PB  - Наука
CY  - Москва
SN  - 978-0-306-40615-7
SN  - 0869-5652
DO  - 10.1000/xyz123
UR  - http://www.eduherald.ru/ru/article/view?id=19537
Y2  - 2020/03/04/
LA  - ru
KW  - транспорт
KW  - ЕАЭС
AB  - Аннотация.
M3  - Глава
AN  - 42
SE  - 3
CN  - QA76
N1  - EDN: ABCDEF
M1  - 7
C1  - custom one
L1  - http://example.org/full.pdf
ER  -
"""


def test_every_mapped_tag_survives_a_round_trip_through_the_model():
    lib = ris.read(EVERY_MAPPED_TAG.encode(), "all.ris")
    assert lib.diagnostics == []
    ref = lib[0]
    assert ref.type == "chapter" and ref.id == "berg2019"
    assert ref["author"][0] == Name(family="Berg", given="Jan", non_dropping_particle="van der")
    assert ref["author"][1].suffix == "Jr." and ref["author"][2] == Name(literal="Российская академия наук")
    assert ref["translator"] == [Name(family="La Fontaine", given="Jean", dropping_particle="de")]
    assert ref["issued"] == Date(parts=[[2019, 2, 11]]) and ref["accessed"] == Date(parts=[[2020, 3, 4]])
    assert (ref["ISBN"], ref["ISSN"], ref["page"]) == ("978-0-306-40615-7", "0869-5652", "108-115")
    assert ref.extra == {"ris.M1": "7", "ris.C1": "custom one", "ris.L1": "http://example.org/full.pdf"}
    written = ris.write(fresh(lib))
    assert written.decode() == EVERY_MAPPED_TAG          # the canonical layout is this one
    again = ris.read(written, "again.ris")[0]
    assert (again.type, again.id, again.fields, again.extra) == (ref.type, ref.id, ref.fields, ref.extra)


def test_tag_synonyms_are_read_and_written_in_one_spelling():
    text = "TY  - JOUR\nA1  - Li, Lifan\nT1  - National energy\nJF  - Central Asia\nJA  - CA&C\n" \
           "Y1  - 2007///\nN2  - Abstract.\nER  -\n"
    ref = ris.read(text.encode(), "syn.ris")[0]
    assert ref["author"] == [Name(family="Li", given="Lifan")] and ref["container-title-short"] == "CA&C"
    assert ref["title"] == "National energy" and ref["abstract"] == "Abstract."
    assert ref["issued"] == Date(parts=[[2007]])
    assert tags_of(ris.write(fresh(Library([ref])))) == ["TY", "AU", "TI", "T2", "J2", "PY", "AB", "ER"]


@pytest.mark.parametrize("ty, csl_type", [("EBOOK", "book"), ("ECHAP", "chapter"), ("CONF", "paper-conference"),
                                          ("MPCT", "motion_picture"), ("LEGAL", "legislation")])
def test_a_ris_type_that_maps_onto_a_shared_csl_type_is_written_back_as_it_was(ty, csl_type):
    lib = ris.read(f"TY  - {ty}\nTI  - T\nER  -\n".encode(), "t.ris")
    assert lib[0].type == csl_type and lib.diagnostics == []
    assert ris.write(fresh(lib)).startswith(f"TY  - {ty}\n".encode())
    lib[0].type = "report"                                 # once the type changes, the TY follows
    assert ris.write(fresh(lib)).startswith(b"TY  - RPRT\n")


def test_an_unknown_ris_type_is_kept_and_warned_about():
    lib = ris.read(b"TY  - XYZZY\nTI  - T\nER  -\n", "u.ris")
    assert lib[0].type == "document"
    assert [(d.line, d.severity) for d in lib.diagnostics] == [(1, "warning")]
    assert ris.write(fresh(lib)).startswith(b"TY  - XYZZY\n")


@pytest.mark.parametrize("text, name", [
    ("Газуль, С. М.", Name(family="Газуль", given="С. М.")),
    ("Газуль С.М.", Name(family="Газуль", given="С.М.")),
    ("С. М. Газуль", Name(family="Газуль", given="С. М.")),
    ("Matvienko Yu.E.", Name(family="Matvienko", given="Yu.E.")),
    ("Smith, John, III", Name(family="Smith", given="John", suffix="III")),
    ("Aristotle,", Name(family="Aristotle")),
    ("Министерство образования и науки РФ", Name(literal="Министерство образования и науки РФ")),
    ("IBM Co.", Name(literal="IBM Co.")),
])
def test_names_are_read_the_way_exporters_write_them(text, name):
    assert ris.parse_name(text) == name


@pytest.mark.parametrize("value, variable", [
    ("2409-529X", "ISSN"), ("0869-5652 (Print)", "ISSN"), ("978-5-02-037554-3", "ISBN"),
    ("0-306-40615-2", "ISBN"), ("ISBN 978-0-306-40615-7", "ISBN"), ("1234-5678", "ISSN"),
    ("CODEN ABCDE", None),
])
def test_sn_is_told_apart_into_isbn_and_issn(value, variable):
    assert ris.identifier_variable(value) == variable


def test_a_second_standard_number_and_further_links_are_kept():
    text = "TY  - BOOK\nSN  - 978-5-02-037554-3\nSN  - 978-0-306-40615-7\nSN  - CODEN ABCDE\n" \
           "UR  - http://a.example\nUR  - http://b.example\nL1  - http://c.example/f.pdf\nER  -\n"
    ref = ris.read(text.encode(), "sn.ris")[0]
    assert ref["ISBN"] == "978-5-02-037554-3" and ref["URL"] == "http://a.example"
    assert ref.extra == {"ris.SN": "978-0-306-40615-7\nCODEN ABCDE", "ris.UR": "http://b.example",
                         "ris.L1": "http://c.example/f.pdf"}
    again = ris.read(ris.write(fresh(Library([ref]))), "again.ris")[0]
    assert again.fields == ref.fields and again.extra == ref.extra


def test_dates_in_every_spelling():
    text = "TY  - JOUR\nPY  - 2019///Spring\nDA  - 2019/02/11/\nY2  - 2020-03-04 10:11:12\nER  -\n"
    ref = ris.read(text.encode(), "d.ris")[0]
    assert ref["issued"] == Date(parts=[[2019, 2, 11]]) and ref["accessed"] == Date(parts=[[2020, 3, 4]])
    out = ris.write(fresh(Library([ref]))).decode()
    assert "PY  - 2019///Spring\n" in out and "Y2  - 2020-03-04 10:11:12\n" in out   # nothing lost
    assert out.count("PY  -") == 1
    assert ris.read_ris_date("2019/02//") == (Date(parts=[[2019, 2]]), "")
    assert ris.read_ris_date("n.d.")[0] == Date(literal="n.d.")


def test_dates_that_disagree_are_kept_and_warned_about():
    text = "TY  - JOUR\nTI  - T\nPY  - 2019\nDA  - 2018/05/01/\nER  -\n"
    lib = ris.read(text.encode(), "d.ris")
    assert lib[0]["issued"] == Date(parts=[[2018, 5, 1]]) and lib[0].extra == {"ris.PY": "2019"}
    assert [(d.line, d.severity) for d in lib.diagnostics] == [(3, "warning")]


def test_broken_records_are_reported_with_their_lines_and_the_rest_is_read():
    text = "\n".join([
        "Exported from somewhere",           # 1: before any record
        "AU  - Orphan, A.",                  # 2: a tag before TY
        "TY  - JOUR",                        # 3: record without ER
        "TI  - First",
        "T1- broken tag line",               # 5: malformed, kept
        "TY  - BOOK",                        # 6
        "TI  - Second",
        "ER  - ",
        "ER  - ",                            # 9: ER without TY
        "TY  - JOUR",                        # 10: last record, no ER
        "TI  - Third",
    ]) + "\n"
    lib = ris.read(text.encode(), "broken.ris")
    assert [r["title"] for r in lib] == ["First", "Second", "Third"]
    assert [r.source.line for r in lib] == [3, 6, 10]
    assert [(d.line, d.severity) for d in lib.diagnostics] == [
        (1, "error"), (2, "error"), (3, "warning"), (5, "warning"), (9, "warning"), (10, "warning")]
    assert all(d.file == "broken.ris" for d in lib.diagnostics)
    assert "Exported from somewhere" in lib.diagnostics[0].message          # not dropped silently
    assert "Orphan, A." in lib.diagnostics[1].message
    assert lib[0].extra["ris.unparsed"] == "T1- broken tag line"


@pytest.mark.parametrize("data", [b"", b"\n\n", b"ER  -\n", b"TY  -", b"\x00\xff\xfe", b"TY  - \nER  -\n",
                                  b"TY  - JOUR\nSP  - \nPY  - 20x9\nER  -\n"])
def test_garbage_never_crashes(data):
    lib = ris.read(data, "g.ris")
    assert isinstance(lib, Library)
    ris.write(fresh(lib))


def test_cp1251_crlf_and_single_space_tags():
    data = "TY - JOUR\r\nAU - Газуль, С. М.\r\nTI - Бизнес\r\n  и облака\r\nER - \r\n".encode("cp1251")
    lib = ris.read(data, "win.ris")
    assert lib[0]["title"] == "Бизнес и облака" and lib[0]["author"] == [Name(family="Газуль", given="С. М.")]
    assert [(d.code, d.severity, d.line) for d in lib.diagnostics] == [("encoding", "warning", 2)]
    assert ris.write(lib) == data                          # and the original bytes come back


def test_utf16_and_old_mac_line_ends():
    lib = ris.read("TY  - BOOK\rTI  - Т\rER  -\r".encode("utf-16"), "u16.ris")
    assert lib[0]["title"] == "Т" and lib.diagnostics == []


def test_the_writer_can_use_crlf():
    ref = Reference(type="book", fields={"title": "T"})
    assert ris.write(Library([ref]), newline="\r\n") == b"TY  - BOOK\r\nTI  - T\r\nER  -\r\n"
    assert ris.write(Library()) == b""


def test_the_seed_goes_through_ris_and_back_to_csljson(shared_data):
    data = (shared_data / "seed-expected.csl.json").read_bytes()
    via_ris = ris.read(ris.write(fresh(csljson.read(data, "seed.json"))), "seed.ris")
    assert via_ris.diagnostics == []
    assert json.loads(csljson.write(fresh(via_ris))) == json.loads(data)
