"""CSL-JSON that crashed the reader or every writer: now diagnostics with file and line, the
record kept where there is one, and nothing a writer cannot encode."""
from __future__ import annotations

import pytest

from polybib import formats
from polybib.dates import date_from_parts, month_number
from polybib.formats import csljson


def read_and_write_everywhere(data: bytes):
    lib = csljson.read(data, "hostile.json")
    lib.documents.clear()                 # force the writers to serialise the records
    for fmt in ("csljson", "ris", "bibtex"):
        formats.write(lib, fmt).decode("utf-8")
    return lib


def test_nesting_deeper_than_the_json_parser_goes_is_an_error_at_its_line():
    data = b'[\n{"id": "a", "type": "book",\n"note": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n]"
    lib = read_and_write_everywhere(data)
    [error] = lib.errors
    assert (error.file, error.line) == ("hostile.json", 3) and "nested too deeply" in error.message


def test_huge_integers_are_kept_as_text_with_a_warning():
    digits = "9" * 5000
    data = f'[\n{{"id": {digits}, "type": "book", "volume": {digits}, "title": "T"}}\n]'.encode()
    lib = read_and_write_everywhere(data)
    [ref] = lib
    assert ref.id == digits and ref["volume"] == digits and ref["title"] == "T"
    [warning] = lib.diagnostics
    assert warning.line == 2 and "100 digits" in warning.message


@pytest.mark.parametrize("parts", ["[[Infinity]]", "[[-Infinity, 2]]", "[[NaN]]", "[[1e400]]",
                                   "[[99999999999999999999]]", '[["2019", "²"]]', "[[2019, 13000]]"])
def test_impossible_date_parts_are_a_warning_and_the_record_is_kept(parts):
    data = f'[\n{{"id": "a", "type": "book", "title": "T",\n "issued": {{"date-parts": {parts}}}}}\n]'.encode()
    lib = read_and_write_everywhere(data)
    [ref] = lib
    assert ref["title"] == "T" and not ref["issued"].parts and ref["issued"].literal
    assert any("date-parts" in d.message and d.line == 2 for d in lib.diagnostics)
    assert not lib.errors


@pytest.mark.parametrize("season", ['"²"', "99", '"13"'])
def test_an_unreadable_season_is_kept_as_the_literal(season):
    lib = read_and_write_everywhere(f'[{{"id": "a", "type": "book", "issued": {{"date-parts": [[2019]], '
                                    f'"season": {season}}}}}]'.encode())
    assert lib[0]["issued"].season is None and lib[0]["issued"].literal
    assert any("season" in d.message for d in lib.diagnostics)


def test_superscript_digits_are_not_months_or_days():
    assert month_number("²") is None
    assert date_from_parts("2019", "2", "²").parts == [[2019, 2]]


def test_lone_surrogates_are_replaced_and_reported_so_every_writer_works():
    data = (b'[\n{"id": "a\\ud800", "type": "book", "title": "x\\udc00y",\n'
            b' "author": [{"family": "\\ud83d"}], "custom": {"k\\udfff": ["\\ud800"]}},\n'
            b'{"id": "b", "type": "book", "title": "pair \\ud83d\\ude00 kept"}\n]')
    lib = read_and_write_everywhere(data)
    assert [r.id for r in lib] == ["a\ufffd", "b"]
    assert lib[0]["title"] == "x\ufffdy" and lib[0]["author"][0].family == "\ufffd"
    assert lib[1]["title"] == "pair 😀 kept"
    [warning] = [d for d in lib.diagnostics if d.code == "encoding"]
    assert warning.line == 2 and warning.message.startswith("5 unpaired surrogate")
    assert all("\ud800" not in str(d) for d in lib.diagnostics)


def test_a_lone_surrogate_in_an_item_that_is_not_an_object_does_not_reach_the_message():
    lib = csljson.read(b'["\\ud800"]', "s.json")
    [error] = lib.errors
    str(error).encode("utf-8")
