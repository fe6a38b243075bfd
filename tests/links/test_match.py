"""Same work or another: titles, authors and years, across scripts and schemes."""
from __future__ import annotations

import pytest

from polybib.links import Link, check_links
from polybib.links.match import compare, title_score
from polybib.links.model import Work
from polybib.model import Date, Name, Reference

RU = Reference(id="ru", fields={"title": "Экономическая история России: новые подходы",
                                "author": [Name("Щукин", "Ю. И.")], "issued": Date([[2019]])})


@pytest.mark.parametrize("page_title", [
    "Экономическая история России",                      # Cyrillic, subtitle dropped
    "Ekonomicheskaya istoriya Rossii",                   # Wikipedia / BGN
    "Èkonomičeskaâ istoriâ Rossii: novye podhody",       # ISO 9 / GOST 7.79 A
    "Ekonomicheskaia istoriia Rossii",                   # ICAO / LC without diacritics
    "EKONOMICHESKAYA ISTORIYA ROSSII",
])
def test_cyrillic_and_transliterated_titles_match(page_title):
    assert title_score(RU["title"], page_title) >= 0.7


def test_another_title_does_not():
    assert title_score(RU["title"], "Quantum transport in graphene") == 0


@pytest.mark.parametrize("authors", [["Щукин, Юрий"], ["Shchukin, Yu."], ["Ŝukin, Û. I."], ["Yuri Shchukin"]])
def test_authors_match_in_any_script(authors):
    cmp = compare(RU, [Work("citation", True, ["Ekonomicheskaya istoriya Rossii"], authors, [2019])])
    assert (cmp.verdict, cmp.authors, cmp.year) == ("match", True, True)


def test_a_different_title_is_a_mismatch_with_reasons():
    cmp = compare(RU, [Work("citation", True, ["Quantum transport in graphene"], ["Smith, J."], [2015])])
    assert cmp.verdict == "mismatch"
    assert any("Quantum transport" in r for r in cmp.reasons)


def test_a_similar_title_by_other_authors_is_a_mismatch():
    cmp = compare(RU, [Work("citation", True, ["Экономическая история"], ["Петров, П."], [2001])])
    assert cmp.verdict == "mismatch"


def test_the_same_title_and_year_by_unlisted_authors_is_only_noted():
    cmp = compare(RU, [Work("citation", True, ["Экономическая история России"], ["Петров, П."], [2019])])
    assert cmp.verdict == "match" and cmp.authors is False and cmp.reasons


def test_a_year_off_by_one_agrees_more_is_noted():
    near = compare(RU, [Work("citation", True, [RU["title"]], ["Щукин, Ю."], [2020])])
    far = compare(RU, [Work("citation", True, [RU["title"]], ["Щукин, Ю."], [2009])])
    assert (near.verdict, near.year) == ("match", True)
    assert (far.verdict, far.year) == ("match", False) and "2009" in far.reasons[-1]


def test_a_page_title_alone_never_makes_a_mismatch():
    cmp = compare(RU, [Work("title", False, ["Welcome to our journal"])])
    assert cmp.verdict == "unknown"
    confirm = compare(RU, [Work("title", False, ["Экономическая история России: новые подходы | Вестник"])])
    assert confirm.verdict == "match"


def test_the_declared_doi_decides():
    ref = Reference(id="x", fields={"title": "Anything", "DOI": "10.1/abc"})
    assert compare(ref, [Work("citation", True, ["Something else"], doi="10.1/ABC")]).verdict == "match"
    assert compare(ref, [Work("citation", True, ["Anything"], doi="10.1/other")]).verdict == "mismatch"


def test_a_record_without_title_or_authors_is_not_compared():
    assert compare(Reference(id="x", fields={"URL": "http://a/"}), [Work("citation", True, ["T"])]) is None


@pytest.mark.parametrize("path, ref, status", [
    ("/article-ru", RU, "ok"),
    ("/article-translit", RU, "ok"),
    ("/article-other", RU, "mismatch"),
    ("/dc-article", Reference(id="dc", fields={"title": "Digital economy and law",
                                               "author": [Name("Ivanova", "A.")], "issued": Date([[2020]])}), "ok"),
    ("/dc-article", Reference(id="dc", fields={"title": "Цифровая экономика и право",
                                               "author": [Name("Иванова", "А.")]}), "ok"),
    ("/jsonld-article", Reference(id="j", fields={"title": "Deep learning for bibliographies",
                                                  "author": [Name("Petrova", "A.")]}), "ok"),
    ("/jsonld-other", Reference(id="j", fields={"title": "Deep learning for bibliographies",
                                                "author": [Name("Petrova", "A.")]}), "mismatch"),
])
def test_landing_pages_against_records(server, options, path, ref, status):
    [result] = check_links([Link(server.url(path), "url", ref.id)], [ref], options())
    assert result.status == status, result.detail
    assert result.evidence["source"] in ("citation", "dublin-core", "json-ld")


def test_the_mismatch_detail_shows_both_titles(server, options):
    [result] = check_links([Link(server.url("/article-other"), "url", "ru")], [RU], options())
    assert "Quantum transport in graphene nanoribbons" in result.detail
    assert RU["title"] in result.detail
