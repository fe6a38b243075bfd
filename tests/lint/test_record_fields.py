"""Lint maps a record of its own from the fields its rules read (context.RECORD_FIELDS)
while an entry is linted: every variable the rules read must come out as the whole
record's, and the file's own record must stay unmapped.

Checked on every entry of the corpus and of a generated file: ``EntryView.record``
against the record mapped from all the fields, variable by variable
(``RECORD_VARIABLES``), with its type and the extras the run-wide rules keep.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from polybib.formats import bibtex
from polybib.formats.bibtex import mapping
from polybib.lint.context import RECORD_VARIABLES, RUN_EXTRA, build_file_context
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
