"""``polybib.gost.*``: what GOST prints and CSL cannot hold, carried through BibLaTeX (the
way biblatex-gost names it) and CSL-JSON (``custom``) without loss, and printed."""
from __future__ import annotations

import json

from polybib import formats
from polybib.model import Library
from polybib.render import api
from polybib.render.gost import join_list, split_list
from polybib.render.markup import plain

BIB = r"""@book{law131,
  title = {Об общих принципах организации местного самоуправления в Российской Федерации},
  titleaddon = {Федеральный закон № 131-ФЗ},
  location = {Москва and Санкт-Петербург},
  publisher = {Проспект and Кодекс},
  organization = {Государственная дума},
  date = {2017},
  pagetotal = {158},
  contenttype = {Текст : непосредственный},
  addendum = {Библиогр.: с. 150--158},
  langid = {russian},
}

@online{rsl,
  title = {Российская государственная библиотека},
  titleaddon = {официальный сайт},
  location = {Москва},
  date = {1999/},
  url = {https://www.rsl.ru},
  urldate = {2019-02-09},
  langid = {russian},
}

@incollection{gindin,
  author = {Гиндин, С. И.},
  title = {Стихотворный размер и мир поэта},
  booktitle = {Русский стих},
  booktitleaddon = {метрика, ритмика, рифма, строфика},
  editor = {Гаспаров, М. Л.},
  gosteditorterm = {ответственный редактор},
  location = {Москва},
  publisher = {РГГУ},
  date = {1996},
  pages = {77--89},
  langid = {russian},
}
"""


def _read_bib(text: str) -> Library:
    return formats.read(text.encode("utf-8"), "bibtex")


def _entry(ref, style="gost-r-7-0-100-2018") -> str:
    return plain(api.render([ref], style, sort="input").entries[0].body)


def test_biblatex_gost_fields_are_read_into_the_model():
    law, site, chapter = _read_bib(BIB)
    assert law.extra["polybib.gost.location"] == "Москва and Санкт-Петербург"
    assert law.extra["polybib.gost.publisher"] == "Проспект and Кодекс"
    assert law.fields["publisher-place"] == "Москва; Санкт-Петербург"     # other styles
    assert law.extra["polybib.gost.organization"] == "Государственная дума"
    assert law.extra["polybib.gost.content-type"] == "Текст : непосредственный"
    assert law.extra["polybib.gost.note"] == "Библиогр.: с. 150–158"
    assert site.fields["issued"].parts == [[1999]] and site.extra["polybib.gost.open-range"] == "true"
    assert chapter.extra["polybib.gost.host-info"] == "метрика, ритмика, рифма, строфика"
    assert chapter.extra["polybib.gost.editor-term"] == "ответственный редактор"


def test_the_gost_styles_print_them():
    law, site, chapter = _read_bib(BIB)
    assert _entry(law) == (
        "Об общих принципах организации местного самоуправления в Российской Федерации : "
        "Федеральный закон № 131-ФЗ / Государственная дума. – Москва : Проспект ; "
        "Санкт-Петербург : Кодекс, 2017. – 158 с. – Библиогр.: с. 150–158. – Текст : непосредственный.")
    assert "Москва, 1999 – . – URL: https://www.rsl.ru (дата обращения: 09.02.2019). – Текст : электронный." in _entry(site)
    assert "// Русский стих : метрика, ритмика, рифма, строфика / ответственный редактор М. Л. Гаспаров." in _entry(chapter)


def test_biblatex_round_trip_gives_the_same_fields():
    library = _read_bib(BIB)
    for ref in library:
        ref.source.format = ""                  # re-serialise from the model, not the bytes
    again = _read_bib(formats.write(library, "bibtex", dialect="biblatex").decode("utf-8"))
    for before, after in zip(library, again):
        gost = {k: v for k, v in before.extra.items() if k.startswith("polybib.gost.")}
        assert gost and gost == {k: v for k, v in after.extra.items() if k.startswith("polybib.gost.")}
        assert before.fields == after.fields


def test_biblatex_output_names_the_fields_as_biblatex_gost_does():
    text = formats.write(_read_bib(BIB), "bibtex", dialect="biblatex").decode("utf-8")
    for line in ("location = {Москва and Санкт-Петербург}", "publisher = {Проспект and Кодекс}",
                 "organization = {Государственная дума}", "date = {1999/}",
                 "contenttype = {Текст : непосредственный}", "booktitleaddon = {метрика"):
        assert line in text


def test_csl_json_round_trip_keeps_them_in_custom():
    library = _read_bib(BIB)
    data = formats.write(library, "csljson")
    items = json.loads(data)
    assert items[0]["custom"]["polybib.gost.publisher"] == "Проспект and Кодекс"
    again = formats.read(data, "csljson")
    for before, after in zip(library, again):
        assert {k: v for k, v in before.extra.items() if k.startswith("polybib.gost.")} == \
               {k: v for k, v in after.extra.items() if k.startswith("polybib.gost.")}
    # and back to .bib from CSL-JSON: the same biblatex-gost fields
    text = formats.write(again, "bibtex", dialect="biblatex").decode("utf-8")
    assert "publisher = {Проспект and Кодекс}" in text and "date = {1999/}" in text


def test_list_syntax_braces_an_item_holding_and():
    items = ["Ростов and Дон", "Москва"]
    assert split_list(join_list(items)) == items
