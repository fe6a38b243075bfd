"""The span finder puts every field where it stands in the original text, whoever parsed it."""
from __future__ import annotations

from polybib.model import Date, Name
from polybib.review.spans import FoldedText, Span, fold, locate

SEED4 = ("Kizekova A., Но Т.Е.В. The future of the shanghai cooperation organization in sino-russian "
         "interactions. Известия Иркутского государственного университета. Серия: Политология. "
         "Религиоведение. 2014. Т. 7. С. 108-115.")


def _found(text, fields, user=()):
    return [(text[s.start:s.end], s.field) for s in locate(text, fields, user)]


def test_values_rewritten_by_the_parser_are_found_in_the_text_as_printed():
    fields = {"author": [Name("Kizekova", "A."), Name("Ho", "T. E. B.")],   # Latin for the look-alikes
              "page": "108–115", "issued": Date([[2014]]), "volume": "7"}
    found = _found(SEED4, fields)
    assert ("Но", "author") in found and ("Т.Е.В.", "author") in found
    assert ("108-115", "page") in found
    assert ("2014", "issued") in found and ("7", "volume") in found


def test_a_short_number_must_stand_as_a_word():
    text = "Сборник 7-й конференции. 2011. Т. 7. С. 5."
    found = _found(text, {"volume": "7", "issued": Date([[2011]])})
    spans = [s for s in locate(text, {"volume": "7"}) if s.field == "volume"]
    assert ("7", "volume") in found
    assert spans[0].start == text.index("Т. 7") + 3             # not the 7 of 7-й


def test_longer_values_claim_their_place_first():
    text = "Матвиенко Ю.Е. Анализ // Вестник. — 2019. — № 1. (дата обращения: 11.02.2019)."
    found = _found(text, {"issued": Date([[2019]]), "accessed": Date([[2019, 2, 11]]), "issue": "1"})
    assert ("11.02.2019", "accessed") in found
    issued = [s for s in locate(text, {"issued": Date([[2019]]), "accessed": Date([[2019, 2, 11]])}) if s.field == "issued"]
    assert issued[0].start == text.index("2019")


def test_user_spans_win_and_codes_are_not_looked_for():
    text = "Smith J. Title. Journal. 2020."
    user = [Span(text.index("Journal"), text.index("Journal") + 7, "publisher", True)]
    found = _found(text, {"container-title": "Journal", "language": "en"}, user)
    assert found == [("Journal", "publisher")]


def test_folding_maps_back_to_the_original_offsets():
    text = "Ho  T.Е.В. — «Бизнес»  İstanbul"
    folded = FoldedText(text)
    assert folded.folded == fold(text)
    for start, end in folded.occurrences("т. е. в."):
        assert text[start:end] == "T.Е.В."
    (place,) = list(folded.occurrences('-"бизнес"'))
    assert text[place[0]:place[1]] == "— «Бизнес»"
    (place,) = list(folded.occurrences("İstanbul"))            # İ lower-cases to two characters
    assert text[place[0]:place[1]] == "İstanbul"
