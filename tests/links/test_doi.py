"""DOIs: syntax, registration at a (fake) doi.org handle service, content negotiation."""
from __future__ import annotations

import pytest

from polybib.links import Link, check_links
from polybib.links.collect import normalise_doi
from polybib.links.doi import display_url, doi_path, work_from_csl
from polybib.model import Date, Name, Reference

RECORD = Reference(id="petrova2021", fields={
    "title": "Deep learning for bibliographies", "author": [Name("Petrova", "Anna")],
    "issued": Date([[2021]]), "DOI": "10.1234/good"})
RU = Reference(id="shchukin2019", fields={
    "title": "Экономическая история России", "author": [Name("Щукин", "Ю.")], "issued": Date([[2019]])})


def check(options, doi, ref=RECORD, **opts):
    [result] = check_links([Link("doi:" + doi, "doi", ref.id, kind="doi")], [ref], options(**opts))
    return result


def test_a_registered_doi_whose_metadata_agrees_is_ok(server, options):
    result = check(options, "10.1234/good")
    assert result.status == "ok"
    assert result.url == server.url("/10.1234/good")
    assert result.final_url == server.url("/landing/10.1234/good")
    assert "agrees" in result.detail
    assert result.evidence["title_score"] == 1.0


def test_content_negotiation_asks_for_csl_json(server, options):
    check(options, "10.1234/good")
    accepts = [h.get("Accept") for m, p, h in server.headers_seen if p == "/10.1234/good"]
    assert "application/vnd.citationstyles.csl+json" in accepts


def test_a_doi_of_another_work_is_a_mismatch(options):
    result = check(options, "10.1234/other")
    assert result.status == "mismatch"
    assert "Cooking with cast iron pans" in result.detail


def test_a_transliterated_doi_record_matches_a_cyrillic_record(options):
    assert check(options, "10.1234/ru", ref=RU).status == "ok"


def test_an_unregistered_doi_is_dead(options):
    result = check(options, "10.1234/missing")
    assert (result.status, result.http_status) == ("dead", 404)
    assert "not registered" in result.detail


def test_a_doi_without_metadata_is_still_ok(options):
    result = check(options, "10.1234/nometa")
    assert result.status == "ok"
    assert "no metadata" in result.detail


@pytest.mark.parametrize("bad", ["11.1234/x", "10.12/x", "doi", "10.1234"])
def test_a_malformed_doi_is_dead_without_asking(server, options, bad):
    before = sum(server.hits.values())
    result = check(options, bad)
    assert result.status == "dead"
    assert "not a DOI" in result.detail
    assert sum(server.hits.values()) == before


@pytest.mark.parametrize("text, doi", [
    ("10.1234/ABC", "10.1234/ABC"), ("doi:10.1234/abc", "10.1234/abc"), ("DOI: 10.1234/abc", "10.1234/abc"),
    ("https://doi.org/10.1234/abc", "10.1234/abc"), ("http://dx.doi.org/10.1234/a%2Fb", "10.1234/a/b"),
])
def test_doi_spellings_are_normalised(text, doi):
    assert normalise_doi(text) == doi


def test_reserved_characters_are_escaped_in_the_request():
    sici = "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P"
    assert doi_path(sici) == "10.1002/(SICI)1096-987X(199803)19:4%3C377::AID-JCC1%3E3.0.CO;2-P"
    assert display_url("10.1/a#b") == "https://doi.org/10.1/a%23b"


def test_one_doi_in_doi_and_eprint_is_asked_once(server, options):
    before = server.hits[("GET", "/api/handles/10.1234/good")]
    links = [Link("doi:10.1234/good", "doi", "a", kind="doi"), Link("doi:10.1234/GOOD", "eprint", "a", kind="doi")]
    results = check_links(links, [RECORD], options())
    assert [r.status for r in results] == ["ok", "ok"]
    assert server.hits[("GET", "/api/handles/10.1234/good")] == before + 1


def test_csl_items_become_works():
    work = work_from_csl({"title": ["A title"], "author": [{"family": "Doe", "given": "J."}, {"literal": "ACME"}],
                          "issued": {"date-parts": [["2020", 1]]}, "DOI": "10.1/x"})
    assert (work.titles, work.authors, work.years, work.doi) == (["A title"], ["Doe, J.", "ACME"], [2020], "10.1/x")
