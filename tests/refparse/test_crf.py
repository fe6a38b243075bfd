"""The learned labeller: tokens and features, alignment of gold fields, spans, the shipped
model, the hybrid record, `polybib train` (deterministic) and `polybib import --model`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from polybib.model import CSL_TYPES
from polybib.refparse import labeller, parse_reference
from polybib.refparse.align import align
from polybib.refparse.spans import spans, value
from polybib.refparse.tokens import token_features, tokenize


def test_tokens_keep_offsets_and_slashes():
    text = "Иванов И. И. Экспозиции// Вестник. -М., 2007.-229 с."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:6] == ["Иванов", "И", ".", "И", ".", "Экспозиции"]
    assert "//" in [t.text for t in tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_features_know_kazakh_and_ukrainian_letters_and_markers():
    tokens = tokenize("Әбдіров Қ. Ж. Білім. Київ : Либідь, 2019. С. 5")
    feats = token_features(tokens)
    assert "kk" in feats[0] and "kk" in feats[1]
    kyiv = [t.text for t in tokens].index("Київ")
    assert "uk" in feats[kyiv] and "place" in feats[kyiv]
    assert "mk=page" in feats[[t.text for t in tokens].index("С")]


def test_align_places_names_as_one_run_and_numbers_after_their_markers():
    text = "Зуев, Г. Ф. Данных сети / Г. Ф. Зуев, Л. Бирюков // Педагогика. – 1979. – Т. 3, № 3. – С. 4–21."
    gold = {"author": [{"family": "Зуев", "given": "Г. Ф."}, {"family": "Бирюков", "given": "Л."}],
            "title": "Данных сети", "container-title": "Педагогика", "issued": {"date-parts": [[1979]]},
            "volume": "3", "issue": "3", "page": "4-21"}
    tokens = tokenize(text)
    labels = align(tokens, gold)
    words = [t.text for t in tokens]
    assert labels[:5] == ["author"] * 5 and labels[words.index("Данных")] == "title"
    assert labels[words.index("/") + 1] == "O"          # the repeated statement is not the list
    three = [i for i, w in enumerate(words) if w == "3"]
    assert [labels[i] for i in three] == ["volume", "issue"]
    assert labels[words.index("4")] == "page" and labels[words.index("С")] == "O"


def test_span_values_go_through_the_normalisers():
    text = "Т. 12, № 3. С. 134–135. — М."
    tokens = tokenize(text)
    labels = ["O", "O", "volume", "O", "O", "issue", "O", "page", "page", "page", "page", "page", "O", "O",
              "publisher-place", "publisher-place"]
    found = {s.label: s.text for s in spans(text, tokens, labels[:len(tokens)])}
    assert value("page", found["page"]) == "134-135"
    assert value("publisher-place", "М.") == "Москва"
    names, etal = value("editor", "под ред. А. Б. Соколова")
    assert names and etal is False


needs_model = pytest.mark.skipif(labeller.tagger() is None, reason="no CRF model or python-crfsuite")


@needs_model
def test_shipped_model_loads_and_labels():
    assert labeller.SHIPPED.is_file() and labeller.SHIPPED.stat().st_size < 25e6
    ref = parse_reference("Петров А. В. Очерки истории // Вопросы истории.-2007.-№ 3.-С. 5-12.")
    assert ref["container-title"] == "Вопросы истории"
    assert ref["page"] == "5-12" and ref["issue"] == "3"
    assert ref.type in CSL_TYPES and ref.type != "document"
    assert all(0 <= c <= 1 for c in ref.confidence.values())


@needs_model
def test_type_is_always_a_csl_type_never_document():
    for text in ("Something odd without structure", "Kim J. Lecture notes. 1999.", "%%%"):
        assert parse_reference(text).type in CSL_TYPES
        assert parse_reference(text).type != "document"


@needs_model
def test_low_confidence_fields_are_flagged_and_reported(tmp_path):
    from polybib.refparse import parse_list
    from polybib.refparse.splitter import low_confidence_fields
    text = "Qwerty zxcvb, 77 uiop asdf. Lkjh, mnbv 12: 4 poiu; yt 9 rewq.\n"
    lib = parse_list(text, "refs.txt")
    ref = lib.references[0]
    unsure = low_confidence_fields(ref)
    for field in unsure:
        assert ref.confidence[field] < 0.5
    if unsure:
        assert any(d.code == "low-confidence" and d.line == 1 and d.file == "refs.txt" for d in lib.diagnostics)


def test_cli_import_does_not_load_crfsuite_at_start_up():
    code = "import sys, polybib.cli; import polybib.refparse; print('pycrfsuite' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_import_with_a_missing_model_is_a_usage_error(run_cli, tmp_path):
    refs = tmp_path / "refs.txt"
    refs.write_text("Петров А. В. Очерки. М., 2007.\n", encoding="utf-8")
    code, _, err = run_cli("import", str(refs), "--model", str(tmp_path / "nope.crfsuite"))
    assert code == 2 and "nope.crfsuite" in err
    labeller.use_model(None)


def test_train_refuses_held_out_sets(run_cli, tmp_path):
    held = tmp_path / "wave2-heldout.jsonl"
    held.write_text('{"text": "A. B. 2000.", "gold": {"title": "B"}}\n', encoding="utf-8")
    code, _, err = run_cli("train", str(held), "--only-given", "--synthetic", "0", "-o", str(tmp_path / "m"))
    assert code == 2 and "held-out" in err


def test_train_is_deterministic_and_import_uses_the_model(tmp_path):
    pytest.importorskip("pycrfsuite")
    labelled = tmp_path / "mine.jsonl"
    rows = [{"text": "Иванов И. И. Теория игр. — М. : Наука, 1999. — 230 с.",
             "gold": {"type": "book", "author": [{"family": "Иванов", "given": "И. И."}], "title": "Теория игр",
                      "publisher-place": "Москва", "publisher": "Наука", "issued": {"date-parts": [[1999]]},
                      "number-of-pages": "230"}}]
    labelled.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    models = []
    for name in ("a.crfsuite", "b.crfsuite"):
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "polybib", "train", str(labelled), "--only-given",
                               "--synthetic", "150", "-o", str(out), "-q"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        models.append(out.read_bytes())
    assert models[0] == models[1] and len(models[0]) > 1000
    refs = tmp_path / "refs.txt"
    refs.write_text(rows[0]["text"] + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "polybib", "import", str(refs), "--to", "csljson",
                           "--model", str(tmp_path / "a.crfsuite"), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    item = json.loads(done.stdout)[0]
    assert item["title"] == "Теория игр" and item["type"] in CSL_TYPES


def test_synthetic_references_are_the_same_on_every_call_and_carry_their_gold():
    from polybib.training import synthetic
    first = list(synthetic.references(60))
    assert first == list(synthetic.references(60))
    assert len(first) == 60 and all(text and gold.get("title") or gold.get("container-title") for text, gold in first)


def test_templated_shapes_spell_their_gold_fields():
    import random

    from polybib.training import synthetic
    rng = random.Random(7)
    for _ in range(30):
        text, gold = synthetic.templated(rng)
        labels = align(tokenize(text), gold)
        assert sum(label != "O" for label in labels) >= 3, text


def test_kazakh_and_belarusian_names_and_russian_locale_connectors():
    from polybib.refparse.names import parse_names
    names, _, _ = parse_names("Қ.Қ. Байсарина, Б. Токешкадиров, и А.Б. Бақытжанова")
    assert [n.family for n in names] == ["Байсарина", "Токешкадиров", "Бақытжанова"]
    assert parse_names("Котаў, А. І.")[0][0].family == "Котаў"
    assert parse_names("Тұрсынова МА")[0][0].given == "М. А."


def test_access_dates_of_journal_site_exports():
    from polybib.refparse.anchors import take_anchors
    rest, found = take_anchors("Вестник, 162(4). доступно на: https://x.org/c (просмотрено: 22 июль 2024).")
    assert found.accessed.parts == [[2024, 7, 22]] and found.url == "https://x.org/c"
    assert "доступно" not in rest
    _, found = take_anchors("Назва. URL: https://x.org (дата звернення: 12.03.2021).")
    assert found.accessed.parts == [[2021, 3, 12]]
