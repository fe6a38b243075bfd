"""Lint maps a record of its own from the fields its rules read (context.RECORD_FIELDS)
while an entry is linted: every variable the rules read must come out as the whole
record's, and the file's own record must stay unmapped.

Checked on every entry of the corpus, of a generated file and of hand-made corner cases:
``EntryView.record`` (lint.record.LintRecord) against the record mapped from all the
fields, variable by variable (``RECORD_VARIABLES``), with its type and the extras the
run-wide rules keep, and what the entry keeps for those rules (``RUN_VARIABLES``).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.formats.bibtex import mapping
from polybib.lint.context import RECORD_VARIABLES, RUN_EXTRA, RUN_VARIABLES, build_file_context
from polybib.model import Source

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bib-corpus"
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _files():
    return sorted(CORPUS.resolve().rglob("*.bib")) if CORPUS.exists() else []


def _check(library, where: str) -> int:
    """Each entry's lint record (``EntryView.record``) against the whole mapping."""
    source = Source(format="bibtex")
    checked = 0
    for view in build_file_context(where, library).entries:
        seg = view.segment
        whole = mapping.entry_to_reference(seg.entry_type, seg.key, seg.values(), source)
        part = view.record
        assert part is not view.ref, (where, seg.key)          # lint's own, not the file's
        assert part.type == whole.type, (where, seg.key)
        for variable in RECORD_VARIABLES:
            assert part.fields.get(variable) == whole.fields.get(variable), (where, seg.key, variable)
        for name in RUN_EXTRA:
            assert part.extra.get(name) == whole.extra.get(name), (where, seg.key, name)
        view.keep_for_run({})
        assert not view.ref.mapped                 # the file's record was never mapped
        for variable in RUN_VARIABLES:             # what the run-wide rules read afterwards
            kept, mapped = view.run_get(variable), whole.fields.get(variable)
            if variable == "issued":               # (a date is kept as its year)
                kept, mapped = kept and kept.year, mapped and mapped.year
            elif isinstance(mapped, list):
                kept = list(kept)
            assert kept == mapped, (where, seg.key, variable)
        assert view.run_ref.type == whole.type, (where, seg.key)
        checked += 1
    return checked


@pytest.mark.skipif(not _files(), reason="the shared corpus is not here")
def test_every_corpus_entry_maps_the_same_variables():
    checked = 0
    for path in _files():
        checked += _check(bibtex.read(path.read_bytes(), str(path)), path.name)
    assert checked > 1000


def test_generated_entries_map_the_same_variables():
    sys.path.insert(0, str(BENCHMARKS))
    from bench_bibtex import generate
    assert _check(bibtex.read(generate(3000).encode(), "generated.bib"), "generated") == 3000


def test_the_rules_read_only_those_variables():
    """Every variable a rule reads by name through ``ref.get("…")`` / ``ref["…"]`` is in
    the list (a rule that reads another must add its fields to RECORD_FIELDS)."""
    import re

    rules = Path(__file__).resolve().parents[2] / "src" / "polybib" / "lint" / "rules"
    read = set()
    for path in rules.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"ref\.get\(\s*\"([^\"]+)\"", text))
        read |= set(re.findall(r"ref\[\"([^\"]+)\"\]", text))
    assert read and read <= set(RECORD_VARIABLES), read - set(RECORD_VARIABLES)


#: Entries where the claim order, an empty value or a field that another one overrides
#: decides a variable (lint.record makes each variable by the mapping's rules: these are
#: the rules' corners).
EDGE_CASES = r"""
@article{a1, journal = {J1}, journaltitle = {JT}, booktitle = {BT}, number = {3}, issue = {4}}
@article{a2, booktitle = {BT}, journaltitle = {}, journal = {{}}, issue = {7}}
@book{a3, number = {5}, issue = {6}, year = {2001}, month = {feb}, day = {3}}
@book{a4, date = {}, year = {1999}, langid = {}, language = {russian}}
@book{a5, year = {1999}, date = {2000/}, language = {russian}}
@book{a6, date = {{2000}/..}, language = {Russian}, langid = {english}}
@book{a7, date = {circa 1900}, language = {ru}}
@book{a8, year = {1984--1985}, month = {March}, language = {klingon}}
@misc{a9, entrysubtype = {legislation}, number = {12}, author = {others}, editor = {}}
@misc{a10, entrysubtype = { standard }, doi = {10.1/a\_b }, url = { }, isbn = {}, issn = {x}}
@inproceedings{a11, booktitle = {Proc. {and} more}, urldate = {}, title = {{}}, volume = {\emph{}}}
@online{a12, urldate = {11.02.2019}, year = {}, month = {13}, crossref = {a1}, xdata = {}}
@article{a13, title = {A}, TITLE = {B}, Journal = {J}, journal = {K}, related = {a2}, xref = {a3}}
@periodical{a14, issue = {2}, date = {2019-02-30}, langid = { russian }}
"""


def test_edge_cases_map_the_same_variables():
    assert _check(bibtex.read(EDGE_CASES.encode(), "edge.bib"), "edge") == 14
