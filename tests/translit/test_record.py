"""Romanizing records field by field: the seed's records as a person would write them."""
from __future__ import annotations

import pytest

from polybib.errors import UsageError
from polybib.formats import bibtex
from polybib.model import Date, Library, Name, Reference, Source
from polybib.translit import (add_romanized, format_names, parse_names, resolve_fields,
                              romanize_library, romanize_reference, romanized_values)


def gazul() -> Reference:
    return Reference(id="gazul2011biznes", type="paper-conference", fields={
        "language": "ru",
        "author": [Name(family="Газуль", given="С. М.")],
        "title": "Бизнес и облака",
        "container-title": "Сборник материалов 7-й международной научной конференции "
                           "«Информационные технологии в бизнесе»",
        "publisher-place": "СПб.",
        "publisher": "Изд-во СПбГУЭФ",
        "issued": Date(parts=[[2011]]),
        "page": "134-135",
    })


def matvienko() -> Reference:
    return Reference(id="matvienko2019analiz", type="article-journal", fields={
        "language": "ru",
        "author": [Name(family="Матвиенко", given="Ю. Е.")],
        "title": "Анализ развития железнодорожного транспорта в ЕАЭС",
        "container-title": "Международный студенческий научный вестник",
        "issued": Date(parts=[[2019]]), "issue": "1",
        "URL": "http://www.eduherald.ru/ru/article/view?id=19537",
    })


def kizekova() -> Reference:
    return Reference(id="kizekova2014future", type="article-journal", fields={
        "language": "en",
        "author": [Name(family="Kizekova", given="A."), Name(family="Ho", given="T. E. B.")],
        "title": "The future of the shanghai cooperation organization in sino-russian interactions",
        "container-title": "Известия Иркутского государственного университета. "
                           "Серия: Политология. Религиоведение",
        "issued": Date(parts=[[2014]]), "volume": "7", "page": "108-115",
    })


def test_seed_names_in_bgn_pcgn():
    assert romanize_reference(gazul(), "bgn-pcgn")["author"][0].display() == "Gazul’, S. M."
    # BGN/PCGN writes е as ye at the start of a word, and an initial is a word
    assert romanize_reference(matvienko(), "bgn-pcgn")["author"][0].display() == "Matviyenko, Yu. Ye."


@pytest.mark.parametrize("scheme,expected", [
    ("ala-lc-ascii", "Matvienko, Iu. E."), ("ala-lc", "Matvienko, I͡u. E."),
    ("bsi", "Matvienko, Yu. E."), ("icao", "Matvienko, Iu. E."), ("iso9", "Matvienko, Û. E."),
    ("gost-7.79-b", "Matvienko, Yu. E."), ("scientific", "Matvienko, Ju. E."),
])
def test_initials_stay_initials_in_each_scheme(scheme, expected):
    assert romanize_reference(matvienko(), scheme)["author"][0].display() == expected


def test_initials_without_spaces():
    ref = Reference(fields={"author": [Name(family="Щукин", given="Ю.Е.")], "language": "ru"})
    assert romanize_reference(ref, "bgn-pcgn")["author"][0].given == "Yu.Ye."
    assert romanize_reference(ref, "ala-lc-ascii")["author"][0].given == "Iu.E."


def test_seed_record_in_the_references_convention():
    out = romanize_reference(gazul(), "bgn-pcgn")
    assert out["title"] == "Biznes i oblaka"
    assert out["container-title"] == ("Sbornik materialov 7-y mezhdunarodnoy nauchnoy konferentsii "
                                      "«Informatsionnyye tekhnologii v biznese»")
    assert out["publisher-place"] == "St. Petersburg"
    assert out["publisher"] == "SPbGUEF Publ."
    assert out["page"] == "134-135" and out["issued"] == Date(parts=[[2011]])
    assert out.extra["translit.scheme"] == "bgn-pcgn"


@pytest.mark.parametrize("place,expected", [
    ("Москва", "Moscow"), ("М.", "Moscow"), ("Санкт-Петербург", "St. Petersburg"),
    ("С.-Петербург", "St. Petersburg"), ("М. ; Л.", "Moscow; Leningrad"),
    ("Ростов н/Д", "Rostov-on-Don"), ("Київ", "Kyiv"), ("Екатеринбург", "Yekaterinburg"),
    ("Новочеркасск", "Novocherkassk"), ("Берлин", "Berlin"), ("Berlin", "Berlin"),
])
def test_places(place, expected):
    ref = Reference(fields={"publisher-place": place, "language": "ru"})
    assert romanize_reference(ref, "bgn-pcgn")["publisher-place"] == expected


@pytest.mark.parametrize("publisher,expected", [
    ("Изд-во СПбГУЭФ", "SPbGUEF Publ."), ("Изд-во «Наука»", "Nauka Publ."),
    ("Издательство МГУ", "MGU Publ."), ("Наука", "Nauka"), ("ИД «Дело»", "Delo Publ."),
    ("Springer", "Springer"),
])
def test_publishers(publisher, expected):
    ref = Reference(fields={"publisher": publisher, "language": "ru"})
    assert romanize_reference(ref, "bsi")["publisher"] == expected


def test_catalogue_schemes_leave_places_as_they_are_unless_asked():
    ref = gazul()
    assert romanize_reference(ref, "iso9")["publisher-place"] == "SPb."
    assert romanize_reference(ref, "iso9")["publisher"] == "Izd-vo SPbGUÈF"
    assert romanize_reference(ref, "iso9", references=True)["publisher-place"] == "St. Petersburg"
    assert romanize_reference(ref, "bgn-pcgn", references=False)["publisher"] == "Izd-vo SPbGUEF"


def test_latin_text_passes_through_and_cyrillic_beside_it_is_romanized():
    out = romanize_reference(kizekova(), "bgn-pcgn")
    assert out["title"] == kizekova()["title"]
    assert out["author"] == kizekova()["author"]
    assert out["container-title"] == ("Izvestiya Irkutskogo gosudarstvennogo universiteta. "
                                      "Seriya: Politologiya. Religiovedeniye")


def test_the_record_language_decides_the_table():
    uk = Reference(fields={"language": "uk", "title": "Київ і Харків",
                           "author": [Name(family="Шевченко", given="Тарас Григорович")]})
    out = romanize_reference(uk, "national")
    assert out["title"] == "Kyiv i Kharkiv"
    assert out["author"][0].given == "Taras Hryhorovych"          # Ukrainian и is y
    ru = Reference(fields={"language": "ru", "author": [Name(family="Шевченко", given="Григорий")]})
    assert romanize_reference(ru, "national")["author"][0].given == "Grigorii"
    bg = Reference(fields={"language": "bg", "title": "Щастие в България"})
    assert romanize_reference(bg, "national")["title"] == "Shtastie v Bulgaria"


def test_no_language_means_russian_unless_the_letters_say_otherwise():
    ref = Reference(fields={"title": "Щука", "container-title": "Вісник Київського університету"})
    out = romanize_reference(ref, "national")
    assert out["title"] == "Shchuka"
    assert out["container-title"] == "Visnyk Kyivskoho universytetu"


def test_missing_language_table_falls_back_to_national_with_a_warning():
    lib = Library([Reference(id="k", fields={"language": "uk", "title": "Київ"},
                             source=Source(file="refs.bib", line=3))])
    out = romanize_library(lib, "bsi")
    assert out[0]["title"] == "Kyiv"
    assert [d.code for d in out.diagnostics] == ["translit-fallback"]
    assert out.diagnostics[0].line == 3 and "bsi" in out.diagnostics[0].message
    with pytest.raises(UsageError):
        romanize_reference(lib[0], "bsi", fallback=None)


def test_original_is_not_mutated():
    ref = gazul()
    before = ref.content()
    romanize_reference(ref, "bgn-pcgn")
    add_romanized(ref, "bgn-pcgn")
    romanize_library(Library([ref]), "bgn-pcgn")
    assert ref.content() == before


def test_add_mode_keeps_the_original_and_puts_romanized_values_in_extra():
    out = add_romanized(gazul(), "bgn-pcgn")
    assert out["title"] == "Бизнес и облака"
    assert out.extra["translit.title"] == "Biznes i oblaka"
    assert out.extra["translit.author"] == "Gazul’, S. M."
    assert out.extra["translit.publisher-place"] == "St. Petersburg"
    assert out.extra["translit.scheme"] == "bgn-pcgn"
    assert parse_names(out.extra["translit.author"]) == [Name(family="Gazul’", given="S. M.")]


def test_romanized_values_keep_structure():
    values = romanized_values(gazul(), "bgn-pcgn", fields="author,title")
    assert values == {"author": [Name(family="Gazul’", given="S. M.")], "title": "Biznes i oblaka"}


def test_names_as_text_round_trip():
    names = [Name(family="Gazul’", given="S. M."), Name(literal="Ministry of Health and Welfare"),
             Name(family="Tolstoy", given="Lev", suffix="Jr")]
    assert parse_names(format_names(names)) == names


def test_fields_and_groups():
    assert resolve_fields("author,title") == ("author", "title")
    assert "publisher-place" in resolve_fields(["places"])
    with pytest.raises(UsageError, match="unknown field 'bogus'"):
        resolve_fields("title,bogus")


def test_fields_limit_what_changes():
    out = romanize_reference(gazul(), "bgn-pcgn", fields=["title"])
    assert out["title"] == "Biznes i oblaka" and out["author"][0].family == "Газуль"


BIB = """% my refs
@string{spb = {СПб.}}

@book{gazul,
  author    = {Газуль, С. М.},
  title     = {Бизнес и облака},
  location  = spb,
  publisher = {Изд-во СПбГУЭФ},
  year      = 2011,
  langid    = {russian},
}

@article{smith,
  author = {Smith, John},
  title  = {{NASA} and the Moon},
  year   = 2001,
}
"""


def test_a_romanized_bib_keeps_its_layout_and_untouched_entries():
    lib = bibtex.read(BIB.encode(), "refs.bib")
    out = bibtex.write(romanize_library(lib, "bgn-pcgn")).decode()
    assert out.startswith("% my refs\n@string{spb = {СПб.}}\n")
    assert "author    = {Gazul’, S. M.}," in out
    assert "title     = {Biznes i oblaka}," in out
    assert "publisher = {SPbGUEF Publ.}," in out
    assert "location  = {St. Petersburg}," in out
    assert BIB[BIB.index("@article"):] in out                  # the Latin entry is byte-identical
    assert bibtex.write(lib).decode() == BIB                   # the original library is intact


def test_a_default_language_for_records_without_one():
    ref = Reference(fields={"title": "Щит"})
    assert romanize_reference(ref, "national")["title"] == "Shchit"
    assert romanize_reference(ref, "national", language="bulgarian")["title"] == "Shtit"
    ref["language"] = "ru"
    assert romanize_reference(ref, "national", language="bg")["title"] == "Shchit"
    with pytest.raises(UsageError):
        romanize_reference(ref, "national", language="klingon")


def test_details_and_biblatex_extras_are_romanized_too():
    lib = bibtex.read("""@book{k,
  author = {Кожев, А.},
  title = {Атеизм},
  subtitle = {И другие работы},
  commentator = {Иванов, И. И. and {Институт философии}},
  volume = {Т. 3},
  edition = {2-е изд.},
  langid = {russian},
}
""".encode(), "k.bib")
    out = romanize_library(lib, "bsi")[0]
    assert out.extra["biblatex.subtitle"] == "I drugie raboty"
    assert out.extra["biblatex.commentator"] == "Ivanov, I. I. and {Institut filosofii}"
    assert out["volume"] == "T. 3" and out["edition"] == "2-e izd."
    assert lib[0].extra["biblatex.subtitle"] == "И другие работы"
