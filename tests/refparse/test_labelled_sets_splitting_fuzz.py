"""The parser on polybib's own labelled sets, list splitting, and fuzzed input."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from polybib.refparse import parse_list, parse_reference, split_references

from ..conftest import SHARED

HERE = Path(__file__).parent / "data"


@pytest.mark.parametrize("name, minimum", [("heldout.jsonl", 0.97), ("unseen.jsonl", 0.95),
                                           ("unseen2.jsonl", 0.95), ("categories-tune.jsonl", 0.97),
                                           ("categories-heldout.jsonl", 0.97),
                                           ("categories-unseen.jsonl", 0.90)])
def test_own_labelled_sets(name, minimum):
    """Each set was scored once before any tuning on it (heldout 0.923, unseen 0.871,
    unseen2 — laws, patents, reports, GOST 7.0.100, References, APA chapters — 0.813,
    categories-tune 0.877, categories-heldout 0.975, categories-unseen 0.916), then tuned
    on — except categories-unseen, which is kept unseen: it measures generalisation."""
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score_parse.py"), str(HERE / name),
                           "--cmd", f"{sys.executable} -m polybib import --from text --to csljson",
                           "--min", str(minimum)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]


def test_numbered_list_with_wrapped_lines_and_hyphenation():
    text = ("Список литературы\n\n"
            "1. Газуль С.М. Бизнес и облака // Сборник материалов. — СПб.: Изд-во СПбГУЭФ, — 2011. — С. 134-\n"
            "   135.\n"
            "2. Матвиенко Ю.Е. Анализ развития железнодорожного транс-\n"
            "портa в ЕАЭС // Вестник. — 2019. — № 1.\n"
            "[3] Holland, J. H. (1992). Genetic algorithms. Scientific American, 267(1), 66-72\n")
    refs, skipped = split_references(text)
    assert [n for n, _ in refs] == [3, 5, 7]
    assert "транспортa" in refs[1][1] and "134- 135" not in refs[0][1]
    assert skipped == [(1, "Список литературы")]


def test_blank_line_paragraphs_and_bullets():
    refs, _ = split_references("Smith, J. (2001). A title. Journal, 1(2), 3-4.\n\n"
                               "Doe, J. (2002). Another\ntitle. Journal, 2(3), 4-5.\n")
    assert len(refs) == 2 and refs[1][1].endswith("4-5.")
    refs, _ = split_references("- First ref. 2001.\n- Second ref. 2002.\n* Third ref. 2003.\n")
    assert [t for _, t in refs] == ["First ref. 2001.", "Second ref. 2002.", "Third ref. 2003."]


def test_etal_is_recorded_not_invented():
    ref = parse_reference("Велиева, Т.Р. Аппарат алгебры / Т.Р. Велиева, М.Н. Геворкян и др. // Журнал. – 2023. – № 1.")
    assert [n.family for n in ref["author"]] == ["Велиева", "Геворкян"]
    assert ref.extra["polybib.etal.author"] == "true"


def test_lookalike_repair_is_recorded_in_the_source():
    ref = parse_reference("Kizekova A., Но Т.Е.В. The future. Journal. 2014. Т. 7. С. 108-115.")
    assert ref["author"][1].family == "Ho"
    assert ref.source.repairs == ["Но Т.Е.В. → Ho T.E.B."]


def test_unclaimed_text_goes_to_note_and_lowers_confidence():
    lib = parse_list("Газуль С.М. Бизнес и облака // Сборник. — 2011. — загадочный хвост без смысла. — С. 1-2.\n", "x.txt")
    ref = lib[0]
    assert "загадочный хвост без смысла" in ref["note"]
    assert ref.confidence["title"] < 0.9
    assert any(d.code == "low-confidence" and d.line == 1 for d in lib.diagnostics)


def test_docx_reference_list_is_read(run_cli, tmp_path):
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in [
        "References", "1. Holland, J. H. (1992). Genetic algorithms. Scientific American, 267(1), 66-72",
        "2. Демидов Н. Аспекты // Журнал. — 2026. — Т. 14, № 5. — С. 110–123."])
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    path = tmp_path / "refs.docx"
    path.write_bytes(buffer.getvalue())
    import json
    items = json.loads(run_cli("import", str(path), "--to", "csljson")[1])
    assert [i["title"] for i in items] == ["Genetic algorithms", "Аспекты"]
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    path.write_bytes(evil.getvalue())
    assert run_cli("import", str(path))[0] == 2


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_random_unicode_never_crashes_and_gives_one_record(text):
    ref = parse_reference(text)
    assert ref.source.text == text
    assert isinstance(ref.fields, dict)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                        max_size=120).filter(lambda s: s.strip()), min_size=1, max_size=20))
def test_one_record_per_line(lines):
    lines = [" ".join(l.split()) for l in lines]
    lines = [l for l in lines if l and not l[0] in "-*•–0123456789[" ]
    lib = parse_list("\n".join(lines), "fuzz.txt")
    assert len(lib) == len([l for l in lines if l.strip()]) or any(
        l.lower().startswith(("references", "bibliography", "литература", "список")) for l in lines)


@pytest.mark.parametrize("text", ["." * 5000, "// — // — :: ;; //" * 300, "С. Т. № " * 2000,
                                  "1. " * 3000, "(" * 1000 + ")" * 1000, "a" * 200000,
                                  "A. " * 6000, "Translated by A" + ". B" * 4000, "Smith, J., " * 1500,
                                  "John Smith and " * 1000 + ".", "Иванов И. И., " * 1500, "Word. " * 5000])
def test_pathological_input(text):
    """Huge or repetitive lines parse in well under a second: no rule is quadratic."""
    import time
    start = time.perf_counter()
    ref = parse_reference(text)
    assert ref is not None
    assert time.perf_counter() - start < 2.0
