"""``translit`` to .bib romanizes plain entries field by field (translit.bibentries), not
through their records: the output must be the very bytes the record way writes."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.formats.bibtex import mapping, writer
from polybib.translit import romanize_library
from polybib.translit.bibentries import rewrite_entry
from polybib.translit.record import Romanizer

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bib-corpus"
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

BIB = """% kept
@article{plain,
  author = {Газуль, С. М. and Иванов, И. И. and others},
  title = {Бизнес-облака},
  subtitle = {Очерки},
  journaltitle = {Вопросы экономики},
  number = {№ 3},
  date = {2011},
  pages = {134--135},
  langid = {russian},
}

@Book(plainbook,
  author    = {Щербаков, Ю. Е.},
  title     = {Облака \\emph{и} {ЕАЭС}},
  location  = {Москва},
  publisher = {Изд-во СПбГУЭФ},
  pagetotal = {320 с.},
  year      = 2019)

@book{latin, author = {Smith, J.}, title = {Energy}, date = {2020}}

@book{gostlist,
  author = {Иванов, И. И.},
  title = {Облака},
  location = {Москва and Киев},
  date = {2019/},
}

@article{withmonth, author = {Юрьев, А.}, title = {Щука}, journal = {Вестник}, year = {1999}, month = jan}

@thesis{thesis, author = {Ёлкин, П.}, title = {Съезд}, institution = {МГУ}, type = {Дисс.}, note = {Дисс.}}

@article{ukrainian, author = {Знам'янка, Ї.}, title = {Їжак}, langid = {ukrainian}}

@article{twojournals, author = {Юрьев, А.}, title = {Щука}, journal = {Вестник}, journaltitle = {Вестник}}

@article{{bad key}, author = {Юрьев, А.}, title = {Щука}}

@inproceedings{jabref,
 address = {Москва},
 author = {Рыбаков, Юрий Петрович and Ющенко, Леонид Павлович},
 booktitle = {Тезисы докладов},
 institution = {Институт ядерных исследований},
 language = {russian},
 location = {Москва},
 mendeley-tags = {ВАК},
 publisher = {Наука},
 timestamp = {2020-03-28},
 title = {Исследование солитонов},
 year = {1997}
}

@article{origyearrange, author = {Юрьев, А.}, title = {Щука}, origyear = {1978/1980}}
"""


def both_ways(data: bytes, scheme: str, **options) -> tuple[bytes, bytes, dict, list, list]:
    """The .bib written the record way and the field-by-field way, the rewrites made,
    and each way's diagnostics."""
    slow = romanize_library(bibtex.read(data, "refs.bib"), scheme, in_place=True, **options)
    rewrites: dict = {}
    fast = romanize_library(bibtex.read(data, "refs.bib"), scheme, in_place=True,
                            bib_rewrites=rewrites, **options)
    return (writer.write_library(slow), writer.write_library(fast, rewrites=rewrites), rewrites,
            [str(d) for d in slow.diagnostics], [str(d) for d in fast.diagnostics])


@pytest.mark.parametrize("scheme", ["iso9", "bgn-pcgn", "ala-lc", "bsi", "national", "wikipedia",
                                    "gost-7.79-b", "icao", "telegram"])
def test_the_plain_entries_are_written_as_the_record_way_writes_them(scheme):
    slow, fast, rewrites, slow_notes, fast_notes = both_ways(BIB.encode("utf-8"), scheme)
    assert fast == slow
    assert fast_notes == slow_notes
    # plain, plainbook, withmonth, ukrainian, twojournals, jabref
    assert len(rewrites) == 6


@pytest.mark.parametrize("options", [{"references": False}, {"references": True},
                                     {"fields": "names,titles"}, {"fields": "note,extras"},
                                     {"language": "uk"}])
def test_options_give_the_same_bytes_both_ways(options):
    slow, fast, _, slow_notes, fast_notes = both_ways(BIB.encode("utf-8"), "bsi", **options)
    assert fast == slow
    assert fast_notes == slow_notes


def test_the_plain_entries_are_not_mapped_and_the_others_are(monkeypatch):
    calls = []
    original = mapping.entry_to_reference
    monkeypatch.setattr(mapping, "entry_to_reference",
                        lambda *a, **k: calls.append(a[1]) or original(*a, **k))
    rewrites: dict = {}
    library = romanize_library(bibtex.read(BIB.encode("utf-8"), "refs.bib"), "iso9",
                               in_place=True, bib_rewrites=rewrites)
    out = writer.write_library(library, rewrites=rewrites).decode("utf-8")
    assert not {"plain", "plainbook", "ukrainian", "latin", "withmonth", "twojournals",
                "jabref"} & set(calls)
    assert {"gostlist", "thesis", "origyearrange"} <= set(calls)
    assert "  author = {Gazulʹ, S. M. and Ivanov, I. I. and others},\n  title = {Biznes-oblaka}," in out
    assert "  location  = {Moskva},\n" in out and "  year      = 2019,\n)" in out
    assert "@book{latin, author = {Smith, J.}" in out       # nothing changed: as it was


def test_a_value_the_scheme_empties_goes_the_record_way():
    """A title of one hard sign is nothing in a scheme that drops it: the record way then
    drops the field, so the entry is not rewritten field by field."""
    romanizer = Romanizer("wikipedia")
    if romanizer.text("Ъ", "ru"):
        pytest.skip("the scheme keeps the hard sign")
    data = "@article{a, author = {Юрьев, А.}, title = {Ъ}}\n".encode("utf-8")
    doc = bibtex.read(data, "refs.bib").documents[0]
    assert rewrite_entry(doc.entries()[0], romanizer) is None
    slow, fast, rewrites, _, _ = both_ways(data, "wikipedia")
    assert fast == slow and not rewrites


@pytest.mark.parametrize("name", ["personal-publications-ru.bib", "biblatex-gost-examples.bib",
                                  "pybtex-cyrillic.bib", "biblatex-examples.bib",
                                  "odd/others__orcid-russian-citations.bib"])
def test_corpus_files_give_the_same_bytes_both_ways(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("shared corpus not present")
    data = path.read_bytes()
    for scheme in ("iso9", "bgn-pcgn", "bsi"):
        slow, fast, _, slow_notes, fast_notes = both_ways(data, scheme)
        assert fast == slow, (name, scheme)
        assert fast_notes == slow_notes


@pytest.mark.parametrize("plain", [False, True])
def test_the_benchmarks_records_give_the_same_bytes_both_ways(plain):
    sys.path.insert(0, os.fspath(BENCHMARKS))
    try:
        from bench_translit_command import russian_bib
    finally:
        sys.path.remove(os.fspath(BENCHMARKS))
    data = russian_bib(80_000, seed=11, plain=plain).encode("utf-8")
    entries = data.count(b"\n@") + 1
    for scheme in ("iso9", "bgn-pcgn"):
        slow, fast, rewrites, _, _ = both_ways(data, scheme)
        assert fast == slow
        if plain:
            assert len(rewrites) == entries             # every plain record is plain
        else:       # theses and two-place lists go the record way; the rest is plain
            assert 0.8 * entries < len(rewrites) < entries


def test_a_code_page_file_and_the_streamed_writer_give_the_same_bytes_both_ways():
    """A cp1251 .bib is written whole (not streamed), with the rewrites too; a UTF-8 one
    streamed gives the bytes ``write_library`` gives."""
    import io

    text = ("@book{a, author = {Щукин, А.}, title = {Щука}, year = {2000}}\n\n"
            "@article{b, author = {Юрьев, Б.}, title = {Съезд}, journal = {Вестник}}\n")
    slow, fast, rewrites, _, _ = both_ways(text.encode("cp1251"), "iso9")
    assert fast == slow and len(rewrites) == 2
    rewrites = {}
    library = romanize_library(bibtex.read(BIB.encode("utf-8"), "refs.bib"), "iso9",
                               in_place=True, bib_rewrites=rewrites)
    streamed = io.BytesIO()
    writer.stream_library(library, streamed, rewrites=rewrites)
    assert streamed.getvalue() == writer.write_library(library, rewrites=rewrites)
