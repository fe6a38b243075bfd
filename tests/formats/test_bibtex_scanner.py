"""The fast block scanner gives exactly bibtexparser's Splitter blocks, or defers to it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polybib.formats.bibtex import scanner
from polybib.formats.bibtex.document import decode_bytes

from .test_bibtex_reader_writer import CORPUS


def _text(path) -> str:
    return decode_bytes(path.read_bytes(), str(path), [])[0]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_same_blocks_as_bibtexparser_on_the_corpus(path):
    text = _text(path)
    fast = scanner.fast_split(text)
    if fast is not None:
        assert fast == scanner.splitter_blocks(text)


def test_the_fast_path_reads_nearly_every_corpus_file():
    deferred = [p.name for p in CORPUS if scanner.fast_split(_text(p)) is None]
    # the six deferred files use (...)-delimited blocks or have a block broken by another
    assert len(deferred) <= 6, deferred


TRICKY = [
    '@article{k, title = {A {B {C {D}}} e}, year = 2020}',          # deeper than the fast pattern
    '@article{k, title = "a {"} b", note = "x,y"}',                 # literal quote in quotes
    '@article{k, title = "abc{", year = 1}',                        # "{" before a closing quote
    '@article{k, title = {LeQua @ {CLEF}}, note = {mail@example.org}}',
    '@article{k, title = {a \\{ b}, note = a # " and " # b}',       # escaped brace, concatenation
    '@article{k, title = {a\\\\}, b = {c}}',                        # brace after backslashes
    '@article{k,\n  title = {unclosed,\n@book{b, title = {ok}}\n',  # aborted by a new block
    '@article{k, title = {x} junk, year = 1}',
    '@article{k, title = {x}, dangling }',
    '@misc{keyonly}\n@misc{}',
    '@comment{a {nested} comment}\n% text\n@preamble{"\\newcommand{\\x}{y}"}',
    '@string{j = "Journal"}\n@article{k, journal = j # {, } # 2}',
    '@article(k, title = {paren})',
    '@article{k, a = 1, a = 2, B = 3, b = 4}',                      # duplicate field names
    '@ARTICLE  {k, title = {t}}',
    'free text @ not a block\n@article{k, title={t},}  trailing text',
    '@article{k,\u00a0title\u00a0=\u00a0{nbsp}\u2003,}',
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text(text):
    assert scanner.split(text) == scanner.splitter_blocks(text)
    fast = scanner.fast_split(text)
    if fast is not None:
        assert fast == scanner.splitter_blocks(text)


def test_raw_text_and_offsets_reproduce_the_file():
    text = "% head\n@article{k, title = {t}}\n\n@book{b,\n  title = {u},\n}\ntail\n"
    blocks = scanner.fast_split(text)
    assert blocks is not None
    assert [b.kind for b in blocks] == ["text", "entry", "entry", "text"]
    for block in blocks:
        assert text[block.start:block.start + len(block.raw)] == block.raw
    assert blocks[2].fields == [("title", "{u}")]


_PIECES = st.sampled_from([
    "@article{", "@book {", "@string{", "@comment{", "@preamble{", "@misc(", "\n@", "@",
    "key", ",", " = ", "=", "{", "}", '"', "\\", "\\{", '{"}', "#", " # ", "\n", "  ", "\t",
    "title", "Газуль", "2020", "a,b", "%", "(", ")", "\u00a0", "x@y", "@ {", "jan",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_fuzzed_text_gives_the_splitters_blocks(text):
    fast = scanner.fast_split(text)
    if fast is not None:
        assert fast == scanner.splitter_blocks(text)


_VALUE_CHARS = list('ab {}",=\\@#\nЖ\t(),') + ['{"}', "@x{", "\n@y{", "\\\\", "\\{", '\\"', "\u00a0"]


@st.composite
def _entries(draw):
    """Blocks with fields whose names, values, delimiters and separators may be broken."""
    def pick(options):
        return draw(st.sampled_from(options))
    parts = [pick(["@article{", "@Book {", "@misc{", "@string{", "@comment{", "@preamble{"]),
             pick(["k", "k ", "", "a b", "x\n"]), pick([",", ", ", "\n,", ""])]
    for _ in range(draw(st.integers(0, 4))):
        opening, closing = pick([("{", "}"), ('"', '"'), ("", "")])
        value = "".join(draw(st.lists(st.sampled_from(_VALUE_CHARS), max_size=10)))
        parts.append(pick(["\n  ", "", " "]) + pick(["title", "year", "t i"])
                     + pick([" = ", "=", "\n=\n"]) + opening + value + closing
                     + pick([",", ", ", "\n", " # x,", ""]))
    parts.append(pick(["}", "\n}", "", ",}"]))
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(st.lists(_entries(), min_size=1, max_size=3), st.sampled_from(["", "% c\n", "junk "]))
def test_fuzzed_entries_give_the_splitters_blocks(entries, between):
    text = between.join(entries)
    fast = scanner.fast_split(text)
    if fast is not None:
        assert fast == scanner.splitter_blocks(text)


@pytest.mark.parametrize("path", [p for p in CORPUS if p.parent.name != "odd"] + CORPUS[::20],
                         ids=lambda p: p.name)
def test_recorded_field_offsets_match_the_fields_found_by_searching(path):
    from polybib.formats import bibtex
    from polybib.formats.bibtex.document import Segment
    from polybib.lint.context import locate_fields

    doc = bibtex.read(path.read_bytes(), str(path)).documents[0]
    lines = doc.lines
    for seg in doc.entries():
        if seg.field_offsets is None:
            continue
        recorded = locate_fields(seg, lines)
        searched = locate_fields(Segment("entry", seg.raw, seg.line, seg.offset, seg.key, seg.entry_type,
                                         seg.fields), lines)     # the same entry, places unknown
        assert {k: recorded[k] for k in searched} == searched, seg.key
        assert set(recorded) == {name.lower() for name, _, _ in seg.fields}
