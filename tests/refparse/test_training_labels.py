"""What the CRF is taught: gold fields found in the text with the right extent (editions with
their marker, editors after their role word, standards' numbers before the year), the
features of names after a slash, and the synthetic generator's DSTU and perturbation shapes."""
from __future__ import annotations

import random

from polybib.refparse.align import align
from polybib.refparse.spans import value
from polybib.refparse.tokens import token_features, tokenize
from polybib.training import synthetic


def labelled(text: str, gold: dict) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return [(t.text, label) for t, label in zip(tokens, align(tokens, gold)) if label != "O"]


def test_edition_is_labelled_with_its_marker():
    assert labelled("Sommerville I. Software Engineering. 10th ed. Boston : Pearson, 2015.", {"edition": "10"}) == \
        [("10th", "edition"), ("ed", "edition")]
    assert [w for w, _ in labelled("Культурология. – 2-е изд. – Минск, 2004.", {"edition": "2"})] == \
        ["2", "-", "е", "изд"]
    assert [w for w, _ in labelled("Пирлинг П. О. Из Смутного времени. Изд. 2. 2016.", {"edition": "2"})] == \
        ["Изд", ".", "2"]


def test_editor_is_the_name_after_the_role_word_not_the_same_author():
    got = labelled("Дайнеко, А.Е. Экономика / А.Е. Дайнеко ; под ред. А.Е. Дайнеко. – Минск, 2004.",
                   {"author": [{"family": "Дайнеко", "given": "А.Е."}],
                    "editor": [{"family": "Дайнеко", "given": "А.Е."}]})
    editor = [w for w, label in got if label == "editor"]
    assert editor == ["А", ".", "Е", ".", "Дайнеко"]
    words = [w for w, _ in got]
    assert words[0] == "Дайнеко"


def test_standard_number_is_placed_before_its_year():
    got = labelled("ДСТУ 3008:2015. Звіти у сфері науки і техніки. Київ, 2015. 26 с.",
                   {"number": "ДСТУ 3008:2015", "issued": {"date-parts": [[2015]]}})
    assert got[:4] == [("ДСТУ", "number"), ("3008", "number"), (":", "number"), ("2015", "number")]
    assert ("2015", "issued") in got


def test_role_words_leave_editor_spans():
    for text in ("под общ. ред. С. В. Лапиной", "редкол.: А. П. Горкин [и др.]", "Ed. A. I. Potekaev",
                 "сост. А. В. Филипович", "М. Касцюк (гал. рэд.) [і інш.]", "жалпы ред. Т. Жанұзақов"):
        names, _ = value("editor", text)
        assert len(names) == 1 and names[0].family and not names[0].literal, text


def test_names_after_a_slash_know_whether_a_heading_named_the_author():
    tokens = tokenize("Софья Палеолог / Татьяна Матасова. - Москва, 2017.")
    feats = token_features(tokens, ["title", "title"] + ["O"] * (len(tokens) - 2))
    assert "resp|nh" in feats[[t.text for t in tokens].index("Матасова")]
    feats = token_features(tokens, ["author", "author"] + ["O"] * (len(tokens) - 2))
    assert "resp|h" in feats[[t.text for t in tokens].index("Матасова")]


def test_dstu_templates_and_city_abbreviations():
    rng = random.Random(3)
    text, gold = synthetic._dstu_part(rng, "dstu-article")
    assert gold["container-title"] in text and gold["title"] in text
    shapes = [synthetic.perturb("Иванов И. Заглавие. – Москва : Наука, 2001. – 240 с.", random.Random(s))
              for s in range(40)]
    assert any("– М. : Наука" in s for s in shapes)
    tokens = tokenize("Иванов И. Заглавие. – М. : Наука, 2001.")
    assert ("М", "publisher-place") in [(t.text, lab) for t, lab in zip(tokens, align(tokens, {"publisher-place": "Москва"}))]


def test_synthetic_references_are_reproducible():
    first = list(synthetic.references(30))
    assert first == list(synthetic.references(30))
