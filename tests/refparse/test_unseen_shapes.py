"""Shapes of references the parser met on lists it was not tuned on (issue #14, second round):
each test is what a user importing such a list would check in the record."""
from __future__ import annotations

import pytest

from polybib.refparse import parse_reference


def families(ref, role="author"):
    return [n.family or n.literal for n in ref.fields.get(role, [])]


def test_last_author_after_a_locale_and_is_an_author_not_the_title():
    ref = parse_reference("Иванов И. И., Петров П. П., и Сидоров С. С. «Проблемы права». "
                          "Вестник КазНУ 73, no. 1 (2018): 450–459.")
    assert families(ref) == ["Иванов", "Петров", "Сидоров"]
    assert ref.fields["title"] == "Проблемы права"
    ref = parse_reference("Коваль, В.П., Данніков, О.В. та Ямчинська, А.С., 2009. Розвиток ринку. "
                          "Економічний вісник, 6, с.294-301.")
    assert families(ref) == ["Коваль", "Данніков", "Ямчинська"]


def test_an_organisation_is_one_literal_author():
    ref = parse_reference("PHP Group. PHP Manual. URL: https://www.php.net/manual/en/ (дата звернення: 17.05.2026).")
    assert [n.literal for n in ref.fields["author"]] == ["PHP Group"]
    assert ref.fields["title"] == "PHP Manual"
    ref = parse_reference("National Institute of Standards and Technology (NIST). (1993). Integration Definition "
                          "for Function Modeling. Federal Information Processing Standards Publication 183.")
    assert [n.literal for n in ref.fields["author"]] == ["National Institute of Standards and Technology (NIST)"]
    assert ref.type == "standard" and ref.fields["number"] == "183"


def test_a_journal_without_an_article_title_is_the_container():
    ref = parse_reference("R. Z. Valiev, R. R. Mulukov, V. V. Ovchinnikov, et al., Metallofizika, 12, No. 5, "
                          "124-126 (1990).")
    assert "title" not in ref.fields
    assert ref.fields["container-title"] == "Metallofizika"
    assert (ref.fields["volume"], ref.fields["issue"], ref.fields["page"]) == ("12", "5", "124-126")
    assert ref.fields["language"] == "ru"          # a Soviet journal, romanized


def test_a_russian_article_in_a_ukrainian_journal_is_russian():
    ref = parse_reference("Иванов И. И. Проблемы развития малых городов и сёл // Вісник Київського університету. "
                          "2010. № 3. С. 5–9.")
    assert ref.fields["language"] == "ru"
    ref = parse_reference("Іваненко І. І. Проблеми розвитку малих міст // Вісник Київського університету. "
                          "2010. № 3. С. 5–9.")
    assert ref.fields["language"] == "uk"


@pytest.mark.parametrize("text, language", [
    ('Klimishin I.A. "Calendar and Chronology". Moscow, Nauka, 1985, pp. 82-85.', "ru"),
    ("Руководство по Material Design [Электронный ресурс]. – Режим доступа: https://m3.material.io/.", "ru"),
    ("MDN HTTP Methods. - [Електронний   ресурс]. - Режим   доступу: https://developer.mozilla.org/. - "
     "Назва з екрана.", "en"),
])
def test_language_of_translated_and_mixed_titles(text, language):
    assert parse_reference(text).fields["language"] == language


def test_an_act_number_read_as_an_issue_is_the_number():
    ref = parse_reference("Жасанды интеллектіні дамытудың 2024–2029 жылдарға арналған тұжырымдамасы. – ҚР "
                          "Үкіметінің 2024 жылғы 24 шілдедегі № 592 қаулысымен бекітілген.")
    assert ref.fields.get("number") == "592" and "issue" not in ref.fields
    assert ref.type in ("legislation", "regulation")


def test_an_issue_that_repeats_the_year_is_dropped():
    ref = parse_reference('Петренко, Олена. "Українська фонетична система." Науковий вісник Ужгородського '
                          "університету. Серія: Філологія 27 (2012): 51–58.")
    assert "issue" not in ref.fields
    assert ref.fields["issued"].parts[0][0] == 2012


def test_a_dstu_article_without_double_slash_has_its_journal():
    ref = parse_reference("Мельник В. О. Порівняльний аналіз платформ для створення інтернет-магазинів. "
                          "Інформаційні технології та комп'ютерна інженерія. 2023. № 2. С. 112–120.")
    assert ref.fields["title"] == "Порівняльний аналіз платформ для створення інтернет-магазинів"
    assert ref.fields["container-title"] == "Інформаційні технології та комп'ютерна інженерія"
    assert ref.type == "article-journal"


@pytest.mark.parametrize("text, kind", [
    ("Филиппов, А. Белая Русь : [звукозапись] / А. Филиппов. – Мн. : Ковчег, 2024. – 1 CD-ROM.", "song"),
    ("Грачыха, Т. А. [Рэцэнзія] / Т. А. Грачыха // Весн. Віцеб. дзярж. ун-та. – 2013. – № 1. – С. 127–128. – "
     "Рэц. на кн.: ...", "review"),
    ("Newman S. Building Microservices (2nd Edition). O'Reilly Media, 2021. С. 3.", "book"),
])
def test_types_named_by_markers(text, kind):
    assert parse_reference(text).type == kind


def test_a_page_count_after_the_number_is_not_a_page():
    ref = parse_reference("Varov E.M. Issledovanie svoystv ozimoy pshenitsy [Study of winter wheat]. "
                          "Moscow: Nauka, 1987, 156 p.")
    assert ref.fields.get("number-of-pages") == "156" and "page" not in ref.fields
