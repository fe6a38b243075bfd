"""Corrections are typed edits: labelled spans move text between fields, names stay names,
dates stay dates, and a bad edit changes nothing."""
from __future__ import annotations

import json

import pytest

from polybib.formats import csljson
from polybib.model import Date, Name
from polybib.review.records import EditError, ReviewRecord


def _record(seeded, index):
    return seeded.records[index]


def test_labelling_a_selection_moves_it_out_of_the_field_that_held_it(seeded):
    record = _record(seeded, 3)
    start = record.text.index("Серия")
    end = record.text.index("Религиоведение") + len("Религиоведение. ")   # spaces and the stop are trimmed
    record.label(start, end, "collection-title")
    fields = record.ref.fields
    assert fields["container-title"] == "Известия Иркутского государственного университета"
    assert fields["collection-title"] == "Серия: Политология. Религиоведение"
    assert record.corrected and record.history
    view = record.view(3)
    coloured = {record.text[s:e]: f for s, e, f in view["spans"]}
    assert coloured["Серия: Политология. Религиоведение"] == "collection-title"
    assert coloured["Известия Иркутского государственного университета"] == "container-title"


def test_a_selection_labelled_as_names_is_parsed_into_names(seeded):
    record = _record(seeded, 0)
    start = record.text.index("Газуль")
    record.label(start, start + len("Газуль С.М."), "editor")
    assert record.ref.fields["editor"] == [Name("Газуль", "С. М.")]
    assert "author" not in record.ref.fields          # the whole author list was that text


def test_a_selection_labelled_as_a_date_is_a_date(seeded):
    record = _record(seeded, 1)
    start = record.text.index("11.02.2019")
    record.label(start, start + 10, "accessed")
    assert record.ref.fields["accessed"] == Date([[2019, 2, 11]])


def test_text_of_no_field_is_taken_out(seeded):
    record = _record(seeded, 2)
    start = record.text.index("1 (43)")
    record.label(start, start + len("1 (43)"), "")
    assert "issue" not in record.ref.fields


def test_names_dates_and_types_are_edited_as_such(seeded):
    record = _record(seeded, 4)
    record.set_field("author", [{"family": "Cheng", "given": "Zhijie"}, {"family": "Wang", "given": "Wan"},
                                {"literal": "Институт <b>"}])
    assert record.ref.fields["author"] == [Name("Cheng", "Zhijie"), Name("Wang", "Wan"), Name(literal="Институт <b>")]
    record.set_field("issued", {"text": "2015-03"})
    assert record.ref.fields["issued"] == Date([[2015, 3]])
    record.set_type("chapter")
    assert record.ref.type == "chapter"
    record.set_field("page", "")
    assert "page" not in record.ref.fields


@pytest.mark.parametrize("edit", [
    lambda r: r.set_field("nonsense", "x"),
    lambda r: r.set_field("author", "Smith"),
    lambda r: r.set_field("author", ["Smith"]),
    lambda r: r.set_field("title", {"a": 1}),
    lambda r: r.set_type("novel"),
    lambda r: r.label(5, 2, "title"),
    lambda r: r.label(0, 10**6, "title"),
    lambda r: r.label(0, 3, "<script>"),
])
def test_a_bad_edit_is_refused(seeded, edit):
    record = _record(seeded, 0)
    before = record.as_dict()
    with pytest.raises(EditError):
        edit(record)
    assert record.as_dict() == before


def test_uncertain_fields_come_from_the_learned_parsers_custom_key_and_are_listed_first():
    item = {"id": "a", "type": "book", "title": "T", "publisher": "P", "issued": {"date-parts": [[2001]]},
            "custom": {"polybib.low-confidence-fields": ["publisher", "issued"], "biblatex.usera": "x"}}
    ref = csljson.read(json.dumps([item]).encode(), "a.json").references[0]
    record = ReviewRecord.from_reference(ref)
    assert record.uncertain == ["publisher", "issued"]
    view = record.view(0)
    assert [f["name"] for f in view["fields"][:2]] == ["issued", "publisher"] or \
        {f["name"] for f in view["fields"][:2]} == {"publisher", "issued"}
    assert all(f["uncertain"] for f in view["fields"][:2]) and not view["fields"][2]["uncertain"]
    record.set_field("publisher", "Наука")
    assert record.uncertain == ["issued"]
    # the key is bookkeeping: not written back with the record
    assert "low-confidence" not in json.dumps(record.as_dict()["item"])


def test_without_the_key_no_field_is_uncertain(seeded):
    assert all(not r.uncertain for r in seeded.records)


def test_a_string_key_from_a_parser_is_read_too():
    from polybib.model import Reference
    ref = Reference("k", "book", {"title": "T"}, extra={"polybib.low-confidence-fields": "title, publisher"})
    assert ReviewRecord.from_reference(ref).uncertain == ["title", "publisher"]


def test_the_labelled_reference_has_the_dev_sets_shape(seeded):
    record = _record(seeded, 1)
    record.set_field("issue", "1")
    row = record.labelled()
    assert set(row) == {"text", "source", "gold"}
    assert row["text"] == record.text
    assert "id" not in row["gold"] and row["gold"]["type"] == "article-journal"
    assert row["gold"]["author"] == [{"family": "Матвиенко", "given": "Ю. Е."}]
    assert row["gold"]["accessed"] == {"date-parts": [[2019, 2, 11]]}


def test_undo_puts_back_the_record_as_it_was(seeded):
    before = seeded.records[2].as_dict()
    seeded.remember(2, before)
    seeded.records[2].set_field("title", "Другое")
    assert seeded.undo() == 2
    assert seeded.records[2].as_dict() == before
    assert seeded.undo() is None


def test_the_parsers_low_confidence_mark_is_shown_until_a_person_corrects_the_record(state_path):
    from polybib.review.session import ReviewSession
    session = ReviewSession(state_path)
    session.add_text("1. Something odd without any structure at all here\n")
    record = session.records[0]
    assert record.view(0)["low_confidence"]
    record.set_type("book")
    assert not record.view(0)["low_confidence"]
    assert b"low-confidence" not in session.export("json")[0]
