"""Each citeproc-py departure from the CSL specification that polybib corrects, shown
on bare citeproc-py (where it still happens) and on polybib's rendering layer."""
from __future__ import annotations

import warnings

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from polybib.render import output, render_items, resolve
from polybib.render.fixes import page_last
from polybib.render.sorting import collation_key


def bare(items, style):
    """Bare citeproc-py: what it renders for ``items`` (plain text entries)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        csl = CitationStylesStyle(resolve(style).path, validate=False)
        bib = CitationStylesBibliography(csl, source, formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        bib.sort()
        return [str(e) for e in bib.bibliography()]


def ours(items, style, **kw):
    return [output.entry_text(e, "text") for e in render_items(items, style, **kw)]


GAZUL = {"id": "gazul", "type": "book", "language": "ru", "title": "Бизнес и облака",
         "author": [{"family": "Газуль", "given": "С. М."}], "issued": {"date-parts": [[2011]]}}


def test_left_margin_number_is_followed_by_a_space():
    assert bare([GAZUL], "gost-r-7-0-5-2008-numeric")[0].startswith("1.Газуль")
    assert ours([GAZUL], "gost-r-7-0-5-2008-numeric")[0].startswith("1. Газуль С. М.")


def test_title_case_is_not_applied_to_non_english_titles():
    item = {"id": "a", "type": "article-journal", "title": "бизнес и облака",
            "container-title": "вестник", "author": [{"family": "Газуль", "given": "С."}],
            "issued": {"date-parts": [[2011]]}}
    # no language: citeproc-py treats the item as English and title-cases Cyrillic words
    assert "“Бизнес И Облака”" in bare([item], "chicago-author-date")[0]
    assert "“бизнес и облака.”" in ours([item], "chicago-author-date")[0]
    english = dict(item, id="b", title="the future of cooperation", language="en")
    assert "“The Future of Cooperation.”" in ours([english], "chicago-author-date")[0]
    russian = dict(item, id="c", title="the future", language="ru")
    assert "“the future.”" in ours([russian], "chicago-author-date")[0]


def test_sorting_follows_the_alphabet_not_code_points():
    names = ["Ёлкин", "Жуков", "Ершов", "Adams", "Émile", "Zed", "Яковлев"]
    items = [{"id": n, "type": "book", "title": "T", "author": [{"family": n, "given": "A."}]}
             for n in names]
    # citeproc-py: Latin before Cyrillic, É after Z, Ё after Я (code points)
    plain_order = [e.split(",")[0] for e in bare(items, "apa")]
    assert plain_order.index("Émile") > plain_order.index("Zed")
    assert plain_order.index("Ёлкин") > plain_order.index("Яковлев")
    order = [e.split(",")[0] for e in ours(items, "apa")]
    assert order == ["Adams", "Émile", "Zed", "Ёлкин", "Ершов", "Жуков", "Яковлев"]
    # a GOST list: Cyrillic first, Ё sorted with Е (Ёлкин before Ершов: л before р)
    assert sorted(names, key=lambda n: collation_key(n, "ru")) == \
        ["Ёлкин", "Ершов", "Жуков", "Яковлев", "Adams", "Émile", "Zed"]
    assert collation_key("Елкин", "ru") < collation_key("Ёлкин", "ru") < collation_key("Ершов", "ru")


def test_unknown_name_variables_do_not_crash():
    film = {"id": "f", "type": "motion_picture", "title": "Сталкер", "language": "ru",
            "director": [{"family": "Тарковский", "given": "Андрей"}],
            "compiler": [{"family": "Иванов", "given": "И."}], "issued": {"date-parts": [[1979]]}}
    with pytest.raises(Exception):
        bare([film], "apa")
    assert ours([film], "apa") == [
        "Тарковский, А. (Director). (1979). Сталкер (И. Иванов, Compiler) [Video recording]."]


def test_a_title_standing_in_for_the_author_is_not_repeated():
    item = {"id": "t", "type": "book", "title": "Anonymous Work", "publisher": "Press",
            "issued": {"date-parts": [[2001]]}, "language": "en"}
    assert bare([item], "modern-language-association")[0].count("Anonymous Work") == 2
    assert ours([item], "modern-language-association") == ["Anonymous Work. Press, 2001."]


@pytest.mark.parametrize("style,expected", [
    ("chicago-author-date", "Li, Lifan. 2007."),
    ("modern-language-association", "Li, Lifan."),
])
def test_full_given_names_where_the_style_says_initialize_false(style, expected):
    item = {"id": "li", "type": "book", "title": "Energy", "language": "en",
            "author": [{"family": "Li", "given": "Lifan"}], "issued": {"date-parts": [[2007]]}}
    assert bare([item], style)[0].startswith("Li, L.")
    assert ours([item], style)[0].startswith(expected)


def test_romanized_two_letter_initials_are_kept():
    item = {"id": "m", "type": "book", "title": "Analiz", "language": "ru",
            "author": [{"family": "Matviyenko", "given": "Yu. Ye."}], "issued": {"date-parts": [[2019]]}}
    assert bare([item], "apa")[0].startswith("Matviyenko, Y. Y.")
    assert ours([item], "apa")[0].startswith("Matviyenko, Yu. Ye.")


def test_page_range_formats_follow_the_specification():
    assert page_last("1", "23", "minimal-two") == "23"        # citeproc-py: "3"
    assert page_last("42", "45", "minimal") == "5"
    assert page_last("321", "328", "minimal-two") == "28"
    assert page_last("321", "28", "expanded") == "328"
    assert page_last("1496", "1504", "chicago") == "1504"
    assert page_last("71", "72", "chicago") == "72"
    assert page_last("107", "108", "chicago") == "8"


def test_hyphenated_number_variables_are_found():
    # citeproc-py's cs:number looks up "number-of-volumes" with the hyphen and finds nothing
    item = {"id": "b", "type": "book", "title": "Works", "language": "en", "number-of-volumes": "3",
            "author": [{"family": "Doe", "given": "J."}], "issued": {"date-parts": [[2006]]}}
    assert bare([item], "apa") == ["Doe, J. (2006). Works."]
    assert ours([item], "apa") == ["Doe, J. (2006). Works (Vols. 1–3)."]


def test_year_suffixes_tell_same_author_same_year_works_apart():
    base = {"type": "book", "language": "en", "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": [[2010]]}}
    items = [dict(base, id="a", title="Alpha"), dict(base, id="b", title="Beta")]
    assert ours(items, "apa") == ["Doe, J. (2010a). Alpha.", "Doe, J. (2010b). Beta."]


def test_punctuation_goes_inside_quotes_in_english():
    item = {"id": "q", "type": "article-journal", "title": "A title", "container-title": "J",
            "language": "en", "author": [{"family": "Roe", "given": "R."}], "issued": {"date-parts": [[2000]]}}
    assert "“A Title.”" in ours([item], "modern-language-association")[0]
