"""A romanized .bib leaves no Cyrillic in the copies of a variable's text that the reader
keeps outside the variable (translit.companions), and touches no field it need not."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.formats.bibtex import writer
from polybib.translit import romanize_library

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bib-corpus"
CYRILLIC = re.compile("[\u0400-\u04ff]")


def both_ways(data: bytes, scheme: str, **options) -> tuple[str, str]:
    """The .bib written the record way and the field-by-field way."""
    slow = romanize_library(bibtex.read(data, "refs.bib"), scheme, in_place=True, **options)
    rewrites: dict = {}
    fast = romanize_library(bibtex.read(data, "refs.bib"), scheme, in_place=True,
                            bib_rewrites=rewrites, **options)
    return (writer.write_library(slow).decode("utf-8"),
            writer.write_library(fast, rewrites=rewrites).decode("utf-8"))


JABREF = """@inproceedings{jabref,
 address = {Москва},
 author = {Рыбаков, Юрий Петрович},
 booktitle = {Тезисы докладов},
 language = {russian},
 location = {Москва},
 title = {Исследование солитонов},
 year = {1997}
}

@article{twojournals, author = {Юрьев, А.}, title = {Щука}, journal = {Вестник МГУ},
  journaltitle = {Вестник МГУ}, address = {Санкт-Петербург}, location = {Санкт-Петербург}}

@book{gostlist, author = {Иванов, И. И.}, title = {Облака}, location = {Москва and Киев},
  publisher = {Наука and {Мир and Дом}}, date = {2019/}}

@article{aliaslist, author = {Юрьев, А.}, title = {Щука}, location = {Москва and Киев},
  address = {Москва and Киев}}
"""


@pytest.mark.parametrize("scheme", ["iso9", "bgn-pcgn", "ala-lc", "bsi"])
def test_both_alias_fields_are_romanized_both_ways(scheme):
    slow, fast = both_ways(JABREF.encode("utf-8"), scheme)
    assert fast == slow
    for field in ("address", "location", "journal", "journaltitle", "booktitle"):
        for value in re.findall(rf"\b{field} = \{{(.*)\}},?$", slow, re.M):
            assert not CYRILLIC.search(value), (field, value)


def test_an_alias_field_is_romanized_as_its_variable():
    """With the References convention the alias says what the variable says."""
    slow, _ = both_ways(JABREF.encode("utf-8"), "bgn-pcgn")
    assert " address = {Moscow},\n" in slow and " location = {Moscow},\n" in slow
    assert "journal = {Vestnik MGU}" in slow and "journaltitle = {Vestnik MGU}" in slow
    assert "address = {St. Petersburg}" in slow and "location = {St. Petersburg}" in slow


def test_a_gost_list_stays_a_list_item_by_item():
    slow, fast = both_ways(JABREF.encode("utf-8"), "iso9")
    assert fast == slow
    assert "location = {Moskva and Kiev}" in slow
    assert "publisher = {Nauka and {Mir and Dom}}" in slow
    assert "date = {2019/}" in slow
    assert "Moskva; Kiev" not in slow
    # an alias that is a list too: item by item
    assert slow.count("= {Moskva and Kiev}") == 3


def test_a_gost_list_with_the_references_convention():
    slow, _ = both_ways(JABREF.encode("utf-8"), "bgn-pcgn")
    assert "location = {Moscow and Kyiv}" in slow


def test_only_the_chosen_variables_companions_change():
    slow, fast = both_ways(JABREF.encode("utf-8"), "iso9", fields="titles")
    assert fast == slow
    assert "journal = {Vestnik MGU}" in slow and "address = {Санкт-Петербург}" in slow
    assert "location = {Москва and Киев}" in slow


def test_a_field_translit_need_not_touch_is_written_as_it_was():
    data = ("@article{r, author = {Юрьев, А.}, title = {Щука},\n"
            "  origyear = {1978/1980}, note = {x}}\n").encode("utf-8")
    slow, fast = both_ways(data, "iso9")
    assert fast == slow
    assert "origyear = {1978/1980}" in slow and "origdate" not in slow


def test_the_jabref_corpus_file_keeps_no_cyrillic_in_its_place_and_journal_fields():
    path = CORPUS / "personal-publications-ru.bib"
    if not path.exists():
        pytest.skip("shared corpus not present")
    slow, fast = both_ways(path.read_bytes(), "iso9")
    assert fast == slow
    left = [line for line in slow.splitlines()
            if re.match(r"\s*(address|location|journal|journaltitle)\s*=", line)
            and CYRILLIC.search(line)]
    assert not left, left[:5]


def test_text_the_reader_moved_to_the_gost_layer_is_romanized_as_its_field():
    """An ``organization`` beside a publisher and an ``addendum`` are read into
    ``polybib.gost.*``; they are among the extras translit romanizes."""
    data = ("@book{o, author = {Юрьев, А.}, title = {Щука}, publisher = {Наука},\n"
            "  organization = {РУДН}, addendum = {Пер. с англ.}, date = {2001}}\n").encode("utf-8")
    slow, fast = both_ways(data, "iso9")
    assert fast == slow
    assert "organization = {RUDN}" in slow and "addendum = {Per. s angl.}" in slow
    slow, _ = both_ways(data, "iso9", fields="titles")
    assert "organization = {РУДН}" in slow and "addendum = {Пер. с англ.}" in slow


@pytest.mark.parametrize("listed", ["Москва and Киев", "Наука and {<span class=\"nocase\">Мир and Дом</span>}",
                                    "{Ростов and Дон} and Москва", "Москва"])
def test_the_gost_list_is_split_as_the_renderer_splits_it(listed):
    from polybib.render.gost import join_list, split_list
    from polybib.translit.companions import _split_list

    assert _split_list(listed) == split_list(listed)
    assert join_list(_split_list(listed)) == join_list(split_list(listed))


def test_the_variables_with_companions_are_those_of_the_mapping():
    from polybib.translit import companions, record

    aliases, _ = companions.tables()
    assert record._COMPANION_VARIABLES == frozenset(aliases) | frozenset(companions.GOST_LISTS)
