"""Fuzz: every reader takes hostile bytes without a traceback and loses nothing silently.

A reader may refuse a whole file with a :class:`~polybib.errors.PolybibError` (a one-line
message, exit 2), or read it: then every record it was given is either a reference or a
diagnostic that points at its line, and a ``.bib`` file written back unchanged is the same
bytes.
"""
from __future__ import annotations

import json

from hypothesis import given, strategies as st

import polybib
from polybib.errors import PolybibError

from .budget import fuzz
from .hostile import PIECES, csl_item, hostile_text, render_ris, ris_record

_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1251", "latin-1"]


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def _read(data: bytes, fmt: str):
    try:
        return polybib.read(data, fmt, filename=f"fuzz.{fmt}")
    except PolybibError as exc:
        assert "\n" not in exc.message, exc.message
        return None


_bib_entry = st.builds(lambda kind, key, fields: f"@{kind}{{{key},\n" + "".join(
    f"  {name} = {{{value}}},\n" for name, value in fields) + "}\n",
    st.sampled_from(["article", "book", "misc", "string", "preamble", "comment", "inproceedings", "x"]),
    hostile_text, st.lists(st.tuples(st.sampled_from(["title", "author", "year", "url", "note", "crossref"]),
                                     hostile_text), max_size=4))
bib_text = st.lists(st.one_of(_bib_entry, st.sampled_from(PIECES), hostile_text), max_size=8).map("".join)


@fuzz()
@given(bib_text, st.sampled_from(_ENCODINGS))
def test_bib_reader_keeps_every_byte(text, encoding):
    data = _encode(text, encoding)
    lib = _read(data, "bibtex")
    if lib is not None:
        assert polybib.write(lib, "bibtex") == data
        for ref in lib:                       # every lazily mapped record can be used
            ref.content()


@fuzz()
@given(st.one_of(
    st.lists(csl_item(), max_size=4).map(json.dumps),
    st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(), hostile_text),
                 lambda inner: st.one_of(st.lists(inner, max_size=3),
                                         st.dictionaries(hostile_text, inner, max_size=3)),
                 max_leaves=20).map(lambda v: json.dumps(v, allow_nan=True)),
    st.integers(1, 5000).map(lambda depth: "[" * depth + "]" * depth),
), st.sampled_from(_ENCODINGS[:4]))
def test_csljson_reader_accounts_for_every_item(text, encoding):
    data = _encode(text, encoding)
    lib = _read(data, "csljson")
    if lib is None:
        return
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):
        items = None
    if isinstance(items, list):
        objects = sum(isinstance(item, dict) for item in items)
        assert len(lib) + len([d for d in lib.diagnostics if d.severity == "error"]) >= objects
    for fmt in ("csljson", "ris", "bibtex"):          # what was read can be written
        polybib.write(lib, fmt)


@fuzz()
@given(st.lists(ris_record(), min_size=1, max_size=4), st.sampled_from(_ENCODINGS), st.booleans())
def test_ris_reader_accounts_for_every_record(records, encoding, nbsp):
    text = render_ris(records)
    if nbsp:
        text = text.replace("TY  - ", "TY \u00a0- ", 1)
    lib = _read(_encode(text, encoding), "ris")
    if lib is None:
        return
    starts = sum(1 for line in text.splitlines() if line.startswith(("TY  -", "TY \u00a0-")))
    refused = any(d.severity == "error" and d.code == "encoding" for d in lib.diagnostics)
    assert refused or len(lib) + len(lib.diagnostics) >= starts
    for fmt in ("csljson", "ris", "bibtex"):
        polybib.write(lib, fmt)


_numbered = st.lists(st.tuples(st.integers(0, 40), hostile_text), min_size=1, max_size=8).map(
    lambda rows: "\n".join(f"{n}. {text}" if n else text for n, text in rows))


@fuzz()
@given(st.one_of(_numbered, st.lists(hostile_text, max_size=8).map("\n".join)), st.sampled_from(_ENCODINGS))
def test_text_reader_keeps_every_line(text, encoding):
    data = _encode(text, encoding)
    lib = _read(data, "text")
    if lib is None:
        return
    decoded = data.decode(encoding, "replace") if encoding.startswith("utf") else text
    kept = " ".join(ref.source.text for ref in lib) + " " + " ".join(d.message for d in lib.diagnostics)
    kept = " ".join(kept.split())
    guessed = any(d.code == "encoding" for d in lib.diagnostics)   # said: read in another encoding
    for line in decoded.splitlines():
        word = max(line.split(), key=len, default="")
        if len(word) >= 4 and word.isalpha() and encoding not in ("cp1251", "latin-1") and not guessed:
            assert word in kept, (word, kept[:500])
    for fmt in ("csljson", "ris", "bibtex"):
        polybib.write(lib, fmt)
