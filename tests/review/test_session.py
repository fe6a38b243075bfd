"""A session keeps its work on disk (atomically) and reads inputs as the CLI does."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest

from polybib.review.session import ReviewSession, SessionError, state_path_for

from .conftest import REPO, SEED


def test_work_survives_a_new_session_on_the_same_file(seeded, state_path):
    record = seeded.records[3]
    record.set_field("volume", "Т. 7")
    seeded.save()
    again = ReviewSession.open([], state_path)
    assert [r.ref.id for r in again.records] == [r.ref.id for r in seeded.records]
    assert again.records[3].ref.fields["volume"] == "Т. 7"
    assert again.records[3].corrected and again.records[3].text == record.text


def test_the_state_file_is_replaced_atomically(seeded, state_path):
    seeded.save()
    leftovers = [p.name for p in state_path.parent.iterdir() if p != state_path]
    assert leftovers == []
    json.loads(state_path.read_text(encoding="utf-8"))


def test_a_review_of_files_is_saved_beside_the_first_one(tmp_path):
    listing = tmp_path / "refs.txt"
    listing.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    session = ReviewSession.open([str(listing)])
    assert session.path == tmp_path / "refs.txt.polybib-review.json" == state_path_for([str(listing)])
    assert len(session.records) == 5 and session.path.is_file()
    session.records[0].set_type("book")
    session.save()
    assert ReviewSession.open([str(listing)]).records[0].ref.type == "book"   # not parsed afresh


def test_a_read_only_folder_sends_the_work_to_the_user_data_folder(tmp_path, monkeypatch):
    import os
    monkeypatch.setenv("POLYBIB_REVIEW_DIR", str(tmp_path / "data"))
    folder = tmp_path / "ro"
    folder.mkdir()
    listing = folder / "refs.txt"
    listing.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    path = state_path_for([str(listing)])
    assert path.parent == tmp_path / "data" and path.name.startswith("refs.txt-")
    assert path != state_path_for([str(tmp_path / "refs.txt")])


def test_without_files_the_user_data_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("POLYBIB_REVIEW_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert state_path_for([]) == tmp_path / "polybib" / "review" / "session.json"
    monkeypatch.setenv("POLYBIB_REVIEW_DIR", str(tmp_path / "mine"))
    assert state_path_for([]) == tmp_path / "mine" / "session.json"


def test_uploads_are_read_by_polybibs_readers(state_path):
    session = ReviewSession(state_path)
    assert session.add_upload("refs.bib", "@article{k, title={Заголовок}, date={2001}}".encode("cp1251")) == 1
    assert session.records[0].ref.fields["title"] == "Заголовок"          # cp1251 detected
    ris = b"TY  - JOUR\nTI  - A title\nPY  - 2003\nER  - \n"
    assert session.add_upload("x.ris", ris) == 1
    assert session.add_upload("x.json", b'[{"id": "j", "type": "book", "title": "B"}]') == 1
    assert session.add_upload("x.md", "- Газуль С.М. Бизнес и облака. — 2011.\n".encode()) == 1
    assert len({r.ref.id for r in session.records}) == 4                  # keys unique across uploads


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_a_docx_list_is_read_paragraph_by_paragraph(state_path):
    from xml.sax.saxutils import escape
    paragraphs = "".join(f"<w:p><w:r><w:t>{escape(line.split('. ', 1)[1])}</w:t></w:r></w:p>"
                         for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    document = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
                '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                f'{paragraphs}</w:body></w:document>').encode("utf-8")
    session = ReviewSession(state_path)
    assert session.add_upload("seed.docx", _docx(document)) == 5
    assert session.records[0].text.startswith("Газуль С.М. Бизнес и облака")


def test_a_hostile_docx_is_refused_as_the_cli_refuses_it(state_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    session = ReviewSession(state_path)
    with pytest.raises(SessionError):
        session.add_upload("bomb.docx", _docx(bomb))
    with pytest.raises(SessionError):
        session.add_upload("broken.docx", b"PK\x03\x04 not a zip")
    assert session.records == []


def test_unknown_extensions_and_empty_text_are_refused(state_path):
    session = ReviewSession(state_path)
    with pytest.raises(SessionError, match="cannot read .exe"):
        session.add_upload("../../evil.exe", b"MZ")
    with pytest.raises(SessionError):
        session.add_text("   \n")


def test_exports_are_polybibs_writers_output(seeded):
    from polybib import formats
    data, media, name = seeded.export("bib")
    assert name == "references.bib" and data.startswith(b"@")
    assert len(formats.read(data, "bibtex").references) == 5
    assert len(formats.read(seeded.export("json")[0], "csljson").references) == 5
    assert len(formats.read(seeded.export("ris")[0], "ris").references) == 5
    assert seeded.export("jsonl")[0] == b""                              # nothing corrected yet
    seeded.records[2].reviewed = True
    assert len(seeded.export("jsonl")[0].splitlines()) == 1
    with pytest.raises(SessionError):
        seeded.export("exe")


def test_the_corrections_score_perfectly_against_the_corrected_list_with_the_shared_scorer(seeded, tmp_path):
    """The corrections JSONL is in the dev set's conventions: the shared scorer reads it,
    and scoring the exported CSL-JSON against it finds every field."""
    from tests.conftest import SHARED
    scorer = SHARED / "tools" / "score_parse.py"
    if not scorer.is_file():
        pytest.fail(f"shared scorer not found at {scorer}: set POLYBIB_SHARED")
    for record in seeded.records:
        record.reviewed = True
    seeded.records[3].label(seeded.records[3].text.index("Серия"), seeded.records[3].text.index(" 2014"), "collection-title")
    gold = tmp_path / "corrections.jsonl"
    gold.write_bytes(seeded.export("jsonl")[0])
    pred = tmp_path / "pred.json"
    pred.write_bytes(seeded.export("json")[0])
    done = subprocess.run([sys.executable, str(scorer), str(gold), "--pred", str(pred), "--min", "1.0"],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_corrections_are_training_examples(seeded, tmp_path):
    """``polybib train`` reads corrections with ``training.corpus.jsonl_rows``."""
    from polybib.training import corpus

    for record in seeded.records:
        record.reviewed = True
    path = tmp_path / "corrections.jsonl"
    path.write_bytes(seeded.export("jsonl")[0])
    rows = list(corpus.jsonl_rows(path))
    assert len(rows) == 5
    assert any(corpus.example(text, gold) is not None for text, gold in rows)


def test_polybib_train_accepts_the_corrections(seeded, tmp_path, run_cli):
    """The loop of the design notes: review → corrections JSONL → ``polybib train``."""
    record = seeded.records[3]
    record.label(record.text.index("Серия"), record.text.index(" 2014"), "collection-title")
    for other in seeded.records:
        other.reviewed = True
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_bytes(seeded.export("jsonl")[0])
    model = tmp_path / "model.crfsuite"
    code, _, err = run_cli("train", str(corrections), "--only-given", "--synthetic", "0", "-o", str(model))
    assert code == 0, err
    assert model.stat().st_size > 0
