"""Regression tests for what the fuzz suite (tests/fuzz) found, each as the smallest input."""
from __future__ import annotations

import json

import polybib


def test_a_bib_with_undecodable_utf8_bytes_round_trips_byte_for_byte():
    data = b"\xef\xbb\xbf@article{\xed\xa0\x80,\n}\n"          # a BOM, then a UTF-16 surrogate in UTF-8
    lib = polybib.read(data, "bibtex")
    assert any(d.code == "encoding" for d in lib.diagnostics)
    assert polybib.write(lib, "bibtex") == data


def test_blank_name_parts_are_no_name_and_spaces_in_names_are_layout():
    items = [{"id": "a", "type": "book", "editor": [{"family": "", "given": " "}, {"given": "{  ", "family": "X"}]}]
    lib = polybib.read(json.dumps(items).encode(), "csljson")
    assert [(n.family, n.given) for n in lib[0]["editor"]] == [("X", "{")]
    back = polybib.read(polybib.write(lib, "bibtex"), "bibtex")
    assert [(n.family, n.given) for n in back[0]["editor"]] == [("X", "{")]


def test_a_backslash_in_a_given_name_comes_back_as_it_went():
    items = [{"id": "a", "type": "book", "editor": [{"given": "\\,"}]}]
    lib = polybib.read(json.dumps(items).encode(), "csljson")
    back = polybib.read(polybib.write(lib, "bibtex"), "bibtex")
    assert back[0]["editor"][0].given == "\\,"
