"""Landing pages: what they declare, and when they are really "not found" pages."""
from __future__ import annotations

import pytest

from polybib.links.landing import decode_html, parse_html, works_from_page
from polybib.links.soft404 import phrase_signal, probe_key, probe_url, redirect_signal, same_page

from .server import ARTICLE_RU, DC_ARTICLE, JSONLD_ARTICLE, SOFT404_EN, SOFT404_RU


def test_highwire_citation_tags():
    [citation, weak] = works_from_page(parse_html(ARTICLE_RU))
    assert citation.source == "citation" and citation.strong
    assert citation.titles == ["Экономическая история России: новые подходы"]
    assert citation.authors == ["Щукин, Юрий Ильич", "Ёлкин, П. А."]
    assert citation.years == [2019]
    assert not weak.strong and "Экономическая история России — Вестник" in weak.titles


def test_dublin_core_as_ojs_writes_it_in_cp1251():
    body = DC_ARTICLE.encode("cp1251")
    page = parse_html(decode_html(body, "windows-1251"))
    [dc, _title] = works_from_page(page)
    assert dc.source == "dublin-core"
    assert dc.titles == ["Цифровая экономика и право", "Digital economy and law"]
    assert dc.authors == ["Иванова Анна Петровна"] and dc.years == [2020]


def test_the_charset_is_found_in_the_page_when_the_header_has_none():
    body = DC_ARTICLE.encode("cp1251")
    assert "Цифровая" in decode_html(body, None)
    assert "Цифровая" in decode_html(body.replace(b"windows-1251", b""), None)   # cp1251 fallback


def test_json_ld_graph_yields_the_article_not_the_website():
    works = works_from_page(parse_html(JSONLD_ARTICLE))
    strong = [w for w in works if w.strong]
    assert [(w.source, w.titles, w.authors, w.years) for w in strong] == [
        ("json-ld", ["Deep learning for bibliographies"], ["Petrova, Anna"], [2021])]


def test_broken_json_ld_and_broken_html_do_not_break_parsing():
    page = parse_html('<html><head><title>T</title><script type="application/ld+json">{"@type": </script>'
                      '<meta name="citation_title" content="Ok"><p>unclosed <b>bold')
    assert page.title == "T" and [w.titles for w in works_from_page(page) if w.strong] == [["Ok"]]


@pytest.mark.parametrize("html, phrase", [
    (SOFT404_RU, "страница не найдена"),
    (SOFT404_EN, "could not be found on this server"),
    ("<title>404 — Example</title>", "404"),
    ("<title>Ошибка 404</title>", "ошибка 404"),
    ("<title>Ok</title><h1>Страница не существует</h1>", "страница не существует"),
    ("<title>Главная</title><p>Запрашиваемая страница не найдена</p>", "страница не найдена"),
])
def test_not_found_phrases_in_english_and_russian(html, phrase):
    assert phrase in phrase_signal(parse_html(html))


@pytest.mark.parametrize("html", [
    "<title>Economic history of Russia, 1404–1917</title>",
    "<title>Room 4040</title><p>Some text about found objects.</p>",
    "<title>Статья</title><p>Найдены новые данные о 404 образцах</p>",
])
def test_ordinary_pages_are_not_soft_404s(html):
    assert phrase_signal(parse_html(html)) == ""


def test_redirect_signals():
    assert "home page" in redirect_signal("http://a.org/articles/17", "http://a.org/")
    assert "error page" in redirect_signal("http://a.org/articles/17", "http://a.org/errors/404.html")
    assert redirect_signal("http://a.org/", "https://a.org/") == ""
    assert redirect_signal("http://a.org/x", "https://a.org/x/") == ""


def test_the_probe_is_a_sibling_that_cannot_exist():
    url = probe_url("https://a.org/journal/article/view/17?x=1")
    assert url.startswith("https://a.org/journal/article/view/polybib-missing-")
    assert probe_key(url) == probe_key("https://a.org/journal/article/view/99")


def test_same_page_compares_title_and_text():
    a = parse_html("<title>Library</title><p>Search our catalogue</p>")
    b = parse_html("<title>Library</title><p>Search our catalogue</p>")
    c = parse_html("<title>Library</title><p>A real article about bees, with an abstract</p>")
    assert same_page(a, b) and not same_page(a, c)


def test_declarations_anywhere_in_the_page_are_kept_when_the_head_already_declares():
    body_jsonld = ('<script type="application/ld+json">{"@type": "ScholarlyArticle", '
                   '"headline": "Second declaration", "datePublished": "2019"}</script>')
    page = parse_html(ARTICLE_RU.replace("</body>", body_jsonld + "<meta name='citation_author' "
                                         "content='Петров, И.'></body>"))
    sources = [w.source for w in works_from_page(page)]
    assert sources[:2] == ["citation", "json-ld"]
    assert "Петров, И." in works_from_page(page)[0].authors


def test_a_page_that_declares_nothing_is_read_into_its_body():
    page = parse_html(SOFT404_RU)
    assert page.h1 == "Ошибка" and "не найдена" in page.text
