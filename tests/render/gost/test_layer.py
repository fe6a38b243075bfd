"""The native GOST layer inside a whole render: languages, scripts, formats, failures."""
from __future__ import annotations

import pytest

from polybib.errors import PolybibWarning
from polybib.formats.csljson import item_to_reference
from polybib.render import api, gost
from polybib.render.markup import plain


def _ref(**item):
    item.setdefault("id", "x")
    return item_to_reference(item)


def _one(ref, style="gost-r-7-0-100-2018", **options) -> str:
    return plain(api.render([ref], style, sort="input", **options).entries[0].body)


UKRAINIAN = dict(type="book", author=[{"family": "Шевченко", "given": "Тарас"}], title="Кобзар",
                 edition="3", **{"publisher-place": "Київ", "publisher": "Дніпро", "number-of-pages": "736"},
                 issued={"date-parts": [[1985]]}, language="uk")


def test_ukrainian_record_gets_gost_terms_not_citeproc_uk_locale_ones():
    for style in ("gost-r-7-0-100-2018", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008"):
        text = _one(_ref(**UKRAINIAN), style)
        assert "736 с." in text and "3-е изд." in text and "зе ред." not in text and "736 С." not in text
    article = _ref(type="article-journal", title="Стаття", author=[{"family": "Іваненко", "given": "І."}],
                   **{"container-title": "Український історичний журнал"}, page="44-78",
                   issued={"date-parts": [[2001]]}, language="uk")
    assert _one(article, "gost").endswith("2001. С. 44–78.")


def test_four_authors_heading_rule_both_editions():
    four = _ref(type="book", title="Заглавие", issued={"date-parts": [[2020]]}, language="ru",
                author=[{"family": f"Автор{i}", "given": "А. А."} for i in range(4)])
    assert _one(four).startswith("Заглавие / А. А. Автор0, А. А. Автор1, А. А. Автор2, А. А. Автор3.")
    assert _one(four, "gost").startswith("Заглавие / А. А. Автор0 [и др.].")
    three = _ref(type="book", title="Заглавие", issued={"date-parts": [[2020]]}, language="ru",
                 author=[{"family": f"Автор{i}", "given": "А. А."} for i in range(3)])
    assert _one(three).startswith("Автор0, А. А. Заглавие / А. А. Автор0, А. А. Автор1, А. А. Автор2.")
    assert _one(three, "gost").startswith("Автор0 А. А., Автор1 А. А., Автор2 А. А. Заглавие.")


def test_explicit_locale_gives_every_part_its_terms():
    article = _ref(type="article-journal", title="Статья", **{"container-title": "Журнал"},
                   page="1-2", issued={"date-parts": [[2001]]}, language="ru")
    assert _one(article, "gost", locale="en-US").endswith("2001. P. 1–2.")
    assert _one(article, "gost").endswith("2001. С. 1–2.")


def test_html_output_is_escaped():
    book = _ref(type="book", title="Steve Jobs", author=[{"family": "Isaacson", "given": "W."}],
                **{"publisher-place": "New York", "publisher": "Simon & Schuster"},
                issued={"date-parts": [[2011]]}, language="en")
    html = api.render([book], "gost-r-7-0-100-2018", format="html").text()
    assert "Simon &amp; Schuster" in html and "Simon & Schuster" not in html


@pytest.mark.parametrize("style", ["gost-r-7-0-100-2018", "gost-r-7-0-5-2008"])
def test_text_that_only_looks_like_a_tag_is_kept(style):
    """Only CSL-JSON's rich-text tags are markup; ``<script>…`` or ``a < b > c`` in a title
    is text the record holds, printed (escaped in HTML) as the CSL styles print it."""
    book = _ref(type="book", title="Why <script>x</script> and 2 < 3 > 1 <i>matter</i>",
                publisher="P", issued={"date-parts": [[2000]]})
    text = api.render([book], style, format="text").text()
    assert "Why <script>x</script> and 2 < 3 > 1 matter" in text
    html = api.render([book], style, format="html").text()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html


def test_styles_without_the_option_are_untouched():
    book = _ref(**UKRAINIAN)
    assert "Текст : непосредственный" not in _one(book, "apa")


def test_a_failing_record_keeps_its_csl_entry_and_warns(monkeypatch):
    good = _ref(type="book", title="Хорошая", issued={"date-parts": [[2000]]}, language="ru", id="good")
    bad = _ref(type="book", title="Плохая", issued={"date-parts": [[2000]]}, language="ru", id="bad")
    real = gost.Describer.describe

    def describe(self, ref, locale=None):
        if ref.id == "bad":
            raise ValueError("boom")
        return real(self, ref, locale)

    monkeypatch.setattr(gost.Describer, "describe", describe)
    with pytest.warns(PolybibWarning, match="bad: the GOST description failed"):
        out = api.render([good, bad], "gost-r-7-0-100-2018", sort="input")
    texts = [plain(e.body) for e in out.entries]
    assert texts[0].endswith("Текст : непосредственный.") and "Плохая" in texts[1]


def test_unknown_edition_is_refused():
    with pytest.raises(ValueError):
        gost.Describer("7.1")


PATENT = dict(type="patent", title="Приемопередающее устройство", number="2187888", authority="Рос. Федерация",
              custom={"polybib.gost.application": "2000131736/09"}, submitted={"date-parts": [[2000, 12, 18]]},
              issued={"date-parts": [[2002, 8, 20]]}, issue="23", language="ru",
              **{"number-of-pages": "3"})


def test_patent_number_country_application_and_dates_in_both_editions():
    old = _one(_ref(**PATENT), "gost")
    assert old == ("Приемопередающее устройство : пат. 2187888 Рос. Федерация. № 2000131736/09 ; "
                   "заявл. 18.12.00 ; опубл. 20.08.02, Бюл. № 23. 3 с.")
    new = _one(_ref(**dict(PATENT, authority="Российская Федерация")))
    assert new == ("Приемопередающее устройство : патент № 2187888 Российская Федерация. – № 2000131736/09 ; "
                   "заявл. 18.12.2000 ; опубл. 20.08.2002, Бюл. № 23. – 3 с. – Текст : непосредственный.")
    # a patent without its dates keeps the ordinary imprint year
    bare = _one(_ref(type="patent", title="Устройство", number="1", issued={"date-parts": [[2002]]},
                     language="ru"), "gost")
    assert bare == "Устройство : пат. 1. 2002."


def test_numbered_issue_of_a_collection_is_vyp_in_the_host_area():
    chapter = _ref(type="chapter", title="Статья", author=[{"family": "Иванов", "given": "И. И."}],
                   **{"container-title": "Труды", "publisher-place": "Томск"}, issued={"date-parts": [[2004]]},
                   issue="2", page="10-16", language="ru")
    assert _one(chapter, "gost").endswith("// Труды. Томск, 2004. Вып. 2. С. 10–16.")
    assert "Томск, 2004. – Вып. 2. – С. 10–16." in _one(chapter)


def test_patent_application_number_travels_through_biblatex():
    from polybib import formats
    lib = formats.read(b"@patent{p, title = {T}, number = {1}, gostapplication = {2000131736/09}, date = {2002}}",
                       "bibtex")
    (ref,) = list(lib)
    assert ref.extra["polybib.gost.application"] == "2000131736/09"
    text = formats.write(lib, "bibtex", dialect="biblatex").decode("utf-8")
    assert "gostapplication = {2000131736/09}" in text


def test_author_list_ending_in_and_others_is_described_under_its_title():
    from polybib import formats
    lib = formats.read("@book{g, author = {Дружинин, А. Г. and Иванов, И. И. and others}, "
                       "title = {Моделирование}, location = {Шахты}, date = {2006}, langid = {russian}}"
                       .encode("utf-8"), "bibtex")
    (ref,) = list(lib)
    assert _one(ref, "gost") == "Моделирование / А. Г. Дружинин [и др.]. Шахты, 2006."
    assert _one(ref).startswith("Моделирование / А. Г. Дружинин, И. И. Иванов [и др.]. – Шахты, 2006.")
    # without "others" the same two authors head the entry
    (plain_ref,) = list(formats.read("@book{g, author = {Дружинин, А. Г. and Иванов, И. И.}, title = {Моделирование}, "
                                     "location = {Шахты}, date = {2006}, langid = {russian}}".encode("utf-8"), "bibtex"))
    assert _one(plain_ref, "gost").startswith("Дружинин А. Г., Иванов И. И. Моделирование.")


def test_editors_and_translators_after_genitive_terms_are_declined():
    """A record holds names in the nominative; ``под редакцией``/``перевод`` govern the
    genitive, as the title page and the standard word it (``под общей редакцией Г. В. Осипова``)."""
    book = _ref(type="book", title="Энциклопедия", issued={"date-parts": [[1998]]}, language="ru",
                editor=[{"family": "Осипов", "given": "Г. В."}, {"family": "Лобачевская", "given": "А. А."}],
                translator=[{"family": "Медведева", "given": "О. Р."}, {"family": "Римский-Корсаков", "given": "Н."}],
                custom={"polybib.gost.editor-term": "под общей редакцией",
                        "polybib.gost.translator-term": "перевод с польского"})
    text = _one(book)
    assert ("/ под общей редакцией Г. В. Осипова, А. А. Лобачевской ; "
            "перевод с польского О. Р. Медведевой, Н. Римского-Корсакова.") in text
    for key in ("polybib.gost.editor-term", "polybib.gost.translator-term"):
        del book.extra[key]                         # the default terms govern the genitive too
    assert "/ под редакцией Г. В. Осипова, А. А. Лобачевской ; перевод О. Р. Медведевой" in _one(book)
    assert "/ под ред. Г. В. Осипова, А. А. Лобачевской ; пер. О. Р. Медведевой" in _one(book, "gost")


def test_nominative_terms_and_undeclinable_names_stay_as_written():
    book = _ref(type="book", title="Сборник", issued={"date-parts": [[1996]]}, language="ru",
                editor=[{"family": "Гаспаров", "given": "М. Л."}, {"family": "Мигонь", "given": "К."},
                        {"family": "Smith", "given": "J."}, {"literal": "коллектива авторов"}],
                custom={"polybib.gost.editor-term": "ответственный редактор"})
    assert "/ ответственный редактор М. Л. Гаспаров, К. Мигонь, J. Smith, коллектива авторов." in _one(book)
    book.extra["polybib.gost.editor-term"] = "под редакцией"
    # gender-dependent (Мигонь) and Latin-script names are not guessed; a literal is the user's own form
    assert "/ под редакцией М. Л. Гаспарова, К. Мигонь, J. Smith, коллектива авторов." in _one(book)


def test_host_responsibility_is_printed_after_the_host_authors():
    chapter = _ref(type="chapter", title="Глава", issued={"date-parts": [[2007]]}, language="ru",
                   **{"container-title": "Наука о книге", "container-author": [{"family": "Мигонь", "given": "К."}]},
                   custom={"polybib.gost.host-info": "очерк проблематики",
                           "polybib.gost.host-responsibility": "перевод с польского О. Р. Медведевой [и др.]"})
    assert ("// Наука о книге : очерк проблематики / К. Мигонь ; "
            "перевод с польского О. Р. Медведевой [и др.]. – 2007.") in _one(chapter)


def test_host_responsibility_travels_through_biblatex():
    from polybib import formats
    bib = ("@incollection{c, title = {Глава}, booktitle = {Наука о книге}, date = {2007}, "
           "gosthostresponsibility = {перевод с польского О. Р. Медведевой [и др.]}}")
    lib = formats.read(bib.encode("utf-8"), "bibtex")
    (ref,) = list(lib)
    assert ref.extra["polybib.gost.host-responsibility"] == "перевод с польского О. Р. Медведевой [и др.]"
    text = formats.write(lib, "bibtex", dialect="biblatex").decode("utf-8")
    assert "gosthostresponsibility = {перевод с польского О. Р. Медведевой [и др.]}" in text
