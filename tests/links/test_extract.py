"""Every URL and DOI of a record is found, unescaped, and placed at its line."""
from __future__ import annotations

import pytest

import polybib
from polybib.links import extract_links
from polybib.links.collect import collect, host_key, normalise_url
from polybib.links.extract import unescape_url, urls_in_text
from polybib.model import Reference

BIB = r"""% a comment line
@misc{gost,
  title        = {Экономика},
  howpublished = {URL: \url{http://example.ru/a\_b\%20c} (дата обращения: 01.02.2020)},
  note         = {See http://en.example.org/wiki/Page_(disambiguation). Also
                  doi:10.1234/abc.},
}

@article{eprints,
  title      = {x},
  eprinttype = {arxiv},
  eprint     = {arXiv:1234.5678},
}

@online{tilde,
  title = {y},
  url   = {http://example.org/~user/a\_b},
  doi   = {https://doi.org/10.5555/XYZ},
}

@misc{ftp,
  url = {ftp://example.org/file},
}

@misc{two,
  note = {\href{https://example.com/x?a=1&b=2}{the data} and <https://example.com/y>; also
          https://example.com/z, and \url{https://example.com/x?a=1&b=2} again},
}

@book{jstor, title = {z}, eprinttype = {jstor}, eprint = {4106441}}
@book{unknown, title = {w}, eprinttype = {cinii}, eprint = {BA12345}}
"""


@pytest.fixture
def links(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return extract_links(polybib.read(str(path)))


def by_entry(links, key):
    return [(l.field, l.kind, l.url, l.line) for l in links if l.entry == key]


def test_urls_in_howpublished_and_note_are_found_and_unescaped(links):
    assert by_entry(links, "gost") == [
        ("howpublished", "http", "http://example.ru/a_b%20c", 4),
        ("note", "http", "http://en.example.org/wiki/Page_(disambiguation)", 5),
        ("note", "doi", "doi:10.1234/abc", 6),
    ]


def test_eprints_become_their_archive_urls(links):
    assert by_entry(links, "eprints") == [("eprint", "http", "https://arxiv.org/abs/1234.5678", 12)]
    assert by_entry(links, "jstor")[0][2] == "https://www.jstor.org/stable/4106441"
    assert by_entry(links, "unknown")[0][1:3] == ("other", "cinii:BA12345")


def test_url_and_doi_fields(links):
    assert by_entry(links, "tilde") == [
        ("url", "http", "http://example.org/~user/a_b", 17),
        ("doi", "doi", "doi:https://doi.org/10.5555/XYZ", 18),
    ]


def test_other_schemes_are_kept_to_be_reported_as_skipped(links):
    assert by_entry(links, "ftp") == [("url", "other", "ftp://example.org/file", 22)]


def test_several_urls_in_one_note_each_once(links):
    urls = [u for _f, _k, u, _l in by_entry(links, "two")]
    assert urls == ["https://example.com/x?a=1&b=2", "https://example.com/y", "https://example.com/z"]


def test_lines_point_at_the_field_even_in_a_long_note(links):
    lines = {u: l for _f, _k, u, l in by_entry(links, "two")}
    assert lines["https://example.com/x?a=1&b=2"] == 26
    assert lines["https://example.com/z"] == 27


@pytest.mark.parametrize("escaped, url", [
    (r"http://a.org/a\_b\%20c", "http://a.org/a_b%20c"),
    (r"http://a.org/\~{}user", "http://a.org/~user"),
    (r"http://a.org/\textasciitilde{}user", "http://a.org/~user"),
    (r"http://a.org/x\#frag", "http://a.org/x#frag"),
    (r"http://a.org/q?a=1\&b=2", "http://a.org/q?a=1&b=2"),
    (r"http://a.org/{A}bc", "http://a.org/Abc"),
])
def test_latex_escapes_are_undone(escaped, url):
    assert unescape_url(escaped) == url


@pytest.mark.parametrize("text, urls", [
    ("(see http://a.org/x).", ["http://a.org/x"]),
    ("«http://a.org/x»", ["http://a.org/x"]),
    ("URL: https://a.org/путь/страница (дата обращения: 12.03.2020)", ["https://a.org/путь/страница"]),
    ("http://a.org/x, http://b.org/y;", ["http://a.org/x", "http://b.org/y"]),
    ("no url here, only www.example.org", []),
])
def test_urls_in_running_text(text, urls):
    assert [u for u, _ in urls_in_text(text)] == urls


def test_decoded_text_is_searched_when_the_source_is_gone():
    ref = Reference(id="k", fields={"note": "see http://a.org/\u00a0user/x\u2013y here"})
    [link] = extract_links([ref])
    assert link.url == "http://a.org/~user/x--y"


def test_csl_records_name_fields_as_csl_does():
    ref = Reference(id="k", fields={"URL": "https://a.org/", "DOI": "10.1/x"})
    assert [(l.field, l.kind) for l in extract_links([ref])] == [("URL", "http"), ("DOI", "doi")]


def test_normalised_urls_share_a_target():
    assert normalise_url("HTTP://Example.ORG:80/a b#frag") == "http://example.org/a%20b"
    assert normalise_url("https://xn--e1afmkfd.xn--p1ai") == "https://xn--e1afmkfd.xn--p1ai/"
    assert normalise_url("https://пример.рф/путь") == "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C"
    assert host_key("https://example.org/x") == "example.org:443"


def test_collect_dedupes_and_excludes():
    from polybib.links import Link
    links = [Link("http://a.org/x#1", "url", "a"), Link("http://A.org/x", "url", "b"),
             Link("http://skip.me/x", "url", "c"), Link("doi:10.1/X", "doi", "d", kind="doi"),
             Link("https://doi.org/10.1/x", "note", "e", kind="doi")]
    targets = collect(links, exclude=(r"skip\.me",))
    assert [(t.kind, len(t.links), bool(t.skip_reason)) for t in targets] == [
        ("http", 2, False), ("http", 1, True), ("doi", 2, False)]
