"""ASCII citation keys: the seed's keys, stop words, deduplication, and a real corpus."""
from __future__ import annotations

import re

import pytest

from polybib.keys import assign_keys, citation_key, first_significant_word, with_citation_keys
from polybib.model import Date, Name, Reference

from ..conftest import DATA
from .test_record import gazul, kizekova, matvienko


def ref(title="", year=None, **names) -> Reference:
    fields = {"title": title}
    if year is not None:
        fields["issued"] = Date(parts=[[year]])
    fields.update(names)
    return Reference(fields=fields)


def test_seed_keys():
    li = ref("National energy security and sino-russian-kazakh-japan energy cooperation", 2007,
             author=[Name(family="Li", given="Lifan")])
    wang = ref("Sino-russian transboundary water cooperation regarding heilongjiang river", 2015,
               author=[Name(family="Wang", given="Wan"), Name(family="Cheng", given="Zhijie")])
    assert [citation_key(r) for r in (gazul(), matvienko(), li, kizekova(), wang)] == [
        "gazul2011biznes", "matvienko2019analiz", "li2007national", "kizekova2014future",
        "wang2015sino"]


@pytest.mark.parametrize("title,word", [
    ("В поисках утраченного времени", "poiskakh"), ("О природе вещей", "prirode"),
    ("На дне", "dne"), ("The Art of Computer Programming", "art"), ("A survey", "survey"),
    ("Об итогах и перспективах", "itogakh"), ("К вопросу о методе", "voprosu"),
    ("По ту сторону", "tu"), ("Ёлка", "elka"), ("Über die Natur", "uber"),
    ("<i>Война</i> и мир", "voina"), ("1984", "1984"), ("", ""),
])
def test_first_significant_word(title, word):
    assert first_significant_word(title) == word


def test_organisation_and_no_author():
    assert citation_key(ref("Отчёт о работе", 2020, author=[Name(literal="Министерство финансов")])) \
        == "ministerstvo2020otchet"
    assert citation_key(ref("Стратегия развития", 2019)) == "strategiya2019"
    assert citation_key(Reference()) == "ref"


def test_other_languages_use_their_tables_and_accents_are_stripped():
    uk = ref("Історія України", 2001, author=[Name(family="Грушевський", given="М.")], language="uk")
    assert citation_key(uk) == "hrushevskyi2001istoriia"
    assert citation_key(ref("Ökonomie", 1999, author=[Name(family="Müller-Łęcki")])) \
        == "mullerlecki1999okonomie"


def test_duplicates_get_suffixes_case_insensitively_and_stably():
    a = ref("Бизнес", 2011, author=[Name(family="Газуль")])
    b = ref("бизнес", 2011, author=[Name(family="ГАЗУЛЬ")])
    keys = assign_keys([a, a, b, a])
    assert keys == ["gazul2011biznes", "gazul2011biznesa", "gazul2011biznesb", "gazul2011biznesc"]
    assert assign_keys([a, a, b, a]) == keys
    assert assign_keys([a, a, b, a, ref("Other", 2020)])[:4] == keys   # appending changes nothing


def test_many_duplicates_run_past_z():
    keys = assign_keys([ref("Same", 2000)] * 30)
    assert len(set(keys)) == 30 and keys[27] == "same2000aa"


def test_with_citation_keys_copies():
    refs = [gazul(), gazul()]
    out = with_citation_keys(refs)
    assert [r.id for r in out] == ["gazul2011biznes", "gazul2011biznesa"]
    assert refs[1].id == "gazul2011biznes"


def test_keys_are_ascii_and_unique_over_the_biblatex_gost_examples():
    """Reads the file with polybib's BibTeX reader (polybib.formats.read)."""
    from polybib import formats

    library = formats.read(str(DATA / "bib-corpus" / "biblatex-gost-examples.bib"))
    assert len(library) > 700
    keys = assign_keys(library)
    assert len(keys) == len(library)
    assert all(re.fullmatch(r"[a-z0-9]+", k) for k in keys)
    assert len({k.lower() for k in keys}) == len(keys)
    assert sum(k != "ref" for k in keys) > 0.95 * len(keys)
