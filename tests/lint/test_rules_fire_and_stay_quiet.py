"""Every rule has a case that fires and a case that must not (correct Cyrillic included)."""
from __future__ import annotations

import datetime as dt

import pytest

from polybib.formats import bibtex
from polybib.lint import LintSettings, all_rules, lint_libraries

CLEAN_RU = """@article{matvienko2019analiz,
  author = {Матвиенко, Ю. Е.},
  title = {Анализ развития железнодорожного транспорта в {ЕАЭС}},
  journaltitle = {Международный студенческий научный вестник},
  date = {2019},
  number = {1},
  pages = {12--15},
  url = {http://www.eduherald.ru/ru/article/view?id=19537},
  urldate = {2019-02-11},
  langid = {russian},
}
"""

# rule code → (a .bib that must fire it, a .bib that must not)
CASES = {
    "S001": ("@book{a, author={X, Y.}, title={T}, date={2000}, langid={english}}\n"
             "@book{A, author={Z, Y.}, title={U}, date={2001}, langid={english}}",
             "@book{a, author={X, Y.}, title={T}, date={2000}, langid={english}}\n"
             "@book{b, author={Z, Y.}, title={U}, date={2001}, langid={english}}"),
    "S002": ("@book{a, title = {Unclosed, year = 2003\n\n@book{b, title={B}}", CLEAN_RU),
    "S003": ("@article{a, author={Иванов, И. И.}, title={Заглавие}, langid={russian}}", CLEAN_RU),
    "S004": ("@jurnal{a, author={Иванов, И. И.}, title={Заглавие}, date={2000}, langid={russian}}", CLEAN_RU),
    "S005": ("@article{a, author={X, Y.}, title={T}, journal=nosuch, date={2000}, langid={english}}",
             "@string{jgr={J. Geophys. Res.}}\n"
             "@article{a, author={X, Y.}, title={T}, journal=jgr, date={2000}, langid={english}}"),
    "S006": ("@inproceedings{a, author={X, Y.}, title={T}, crossref={proc}, langid={english}}",
             "@inproceedings{a, author={X, Y.}, title={T}, crossref={proc}, langid={english}}\n"
             "@proceedings{proc, title={Proceedings}, date={2001}, langid={english}}"),
    "S007": ("@book{a, author={X, Y.}, title={T}, date={2000}, date={2001}, langid={english}}", CLEAN_RU),
    "V001": ("@online{a, author={X, Y.}, title={T}, url={http://e.org}, urldate={11.02.2019}, date={2019}, langid={english}}",
             CLEAN_RU),
    "V002": ("@book{a, author={X, Y.}, title={T}, year={2000}, month={February}, langid={english}}",
             "@book{a, author={X, Y.}, title={T}, year={2000}, month=feb, langid={english}}"),
    "V003": ("@article{a, author={Газуль, С. М.}, title={Бизнес}, journaltitle={Ж}, date={2011}, pages={134-135}, langid={russian}}",
             CLEAN_RU),
    "V004": ("@article{a, author={Газуль, С. М.}, title={Бизнес}, journaltitle={Ж}, date={2011}, volume={Т. 7}, number={№ 1}, langid={russian}}",
             CLEAN_RU),
    "V005": ("@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={10.1000}, langid={english}}",
             "@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={10.1000/xyz}, langid={english}}"),
    "V006": ("@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={https://doi.org/10.1000/xyz}, langid={english}}",
             "@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={10.1000/xyz}, langid={english}}"),
    "V007": ("@book{a, author={Газуль, С. М.}, title={Бизнес}, date={2011}, isbn={978-5-02-037554-4}, langid={russian}}",
             "@book{a, author={Газуль, С. М.}, title={Бизнес}, date={2011}, isbn={978-5-02-037554-3}, langid={russian}}"),
    "V008": ("@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, issn={0378-5956}, langid={english}}",
             "@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, issn={0378-5955}, langid={english}}"),
    "V009": ("@online{a, author={X, Y.}, title={T}, date={2000}, url={http://e.org}, langid={english}}", CLEAN_RU),
    "V010": ("@online{a, author={X, Y.}, title={T}, date={2000}, url={http://e.org}, urldate={2091-02-11}, langid={english}}",
             CLEAN_RU),
    "L001": ("@article{a, author={Kizekova, A. and Но, Т. Е. В.}, title={The future}, journal={J}, date={2014}, langid={english}}",
             "@article{a, author={Kizekova, A. and Ho, T. E. B.}, title={The future}, journal={J}, date={2014}, langid={english}}\n"
             + CLEAN_RU),
    "L002": ("@book{a, author={Газуль, С. М.}, title={Бизнес и облака}, date={2011}}", CLEAN_RU),
    "L003": ("@book{a, author={Газуль, С. М.}, title={Бизнес и облака}, date={2011}, langid={english}}", CLEAN_RU),
    "L004": ("@book{a, author={Iur'ev, A.}, title={Kniga}, date={2011}, langid={russian}}\n"
             "@book{b, author={Yuryev, B.}, title={Drugaya kniga}, date={2012}, langid={russian}}",
             "@book{a, author={Yuryev, A.}, title={Kniga}, date={2011}, langid={russian}}\n"
             "@book{b, author={Yakovlev, B.}, title={Drugaya kniga}, date={2012}, langid={russian}}"),
    "L005": ("@book{Газуль2011, author={Газуль, С. М.}, title={Бизнес}, date={2011}, langid={russian}}", CLEAN_RU),
    "N001": ("@book{a, author={Газуль С.М.}, title={Бизнес}, date={2011}, langid={russian}}", CLEAN_RU),
    "N002": ("@book{a, author={Газуль, С. М. and и др.}, title={Бизнес}, date={2011}, langid={russian}}",
             "@book{a, author={Газуль, С. М. and others}, title={Бизнес}, date={2011}, langid={russian}}"),
    "N003": ("@book{a, author={Газуль, С.М.}, title={Бизнес}, date={2011}, langid={russian}}", CLEAN_RU),
    "N004": ("@book{a, author={Фёдоров, И. И.}, title={Бизнес}, date={2011}, langid={russian}}\n"
             "@book{b, author={Федоров, Иван Иванович}, title={Облака}, date={2012}, langid={russian}}",
             "@book{a, author={Иванов, И. А.}, title={Бизнес}, date={2011}, langid={russian}}\n"
             "@book{b, author={Иванов, И. Б.}, title={Облака}, date={2012}, langid={russian}}"),
    "T001": ("@book{a, author={X, Y.}, title={The future of the SCO in Sino-Russian relations}, date={2000}}",
             "@book{a, author={X, Y.}, title={The future of the {SCO} in {Sino-Russian} relations}, date={2000}}\n"
             "@book{b, author={Матвиенко, Ю. Е.}, title={Транспорт ЕАЭС}, date={2019}, langid={russian}}"),
    "T002": ("@book{a, author={X, Y.}, title={THE FUTURE OF THE SHANGHAI COOPERATION ORGANIZATION}, date={2000}, langid={english}}",
             "@book{a, author={X, Y.}, title={The Future of the {Shanghai Cooperation Organization}}, date={2000}, langid={english}}"),
    "T003": ("@book{a, author={Газуль, С. М.}, title={Бизнес и облака.}, date={2011}, langid={russian}}", CLEAN_RU),
    "D001": ("@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={10.1/x}, langid={english}}\n"
             "@article{b, author={Z, Y.}, title={U}, journal={J}, date={2000}, doi={10.1/X}, langid={english}}",
             "@article{a, author={X, Y.}, title={T}, journal={J}, date={2000}, doi={10.1/x}, langid={english}}\n"
             "@article{b, author={Z, Y.}, title={U}, journal={J}, date={2000}, doi={10.1/y}, langid={english}}"),
    "D002": (CLEAN_RU + "@article{b, author={Matvienko, Yu. E.}, title={Analiz razvitiya zheleznodorozhnogo "
             "transporta v EAES}, journaltitle={Mezhdunarodnyi studencheskii nauchnyi vestnik}, date={2019}, "
             "langid={russian}}",
             CLEAN_RU + "@article{b, author={Matvienko, Yu. E.}, title={Analiz razvitiya zheleznodorozhnogo "
             "transporta v EAES}, journaltitle={Vestnik}, date={2020}, langid={russian}}"),
    "S008": ("@book{a, author={Müller, J.}, title={Études}, date={2001}, langid={french}}".encode("latin-1"),
             CLEAN_RU.encode("utf-8-sig")),
    "P001": ("% polybib: noqa V003\n" + CLEAN_RU, "% polybib: noqa V003\n" + CLEAN_RU.replace("12--15", "12-15")),
}

SETTINGS = LintSettings(select=["ALL"], today=dt.date(2026, 11, 28))


def codes_for(text: str | bytes, settings: LintSettings = SETTINGS) -> list[str]:
    library = bibtex.read(text.encode("utf-8") if isinstance(text, str) else text, "case.bib")
    return [f.code for f in lint_libraries([("case.bib", library)], settings).findings]


def test_every_offline_rule_has_a_case():
    offline = {r.code for r in all_rules() if not r.code.startswith("K")}
    assert offline == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_on_its_bad_case(code):
    bad, _ = CASES[code]
    assert code in codes_for(bad)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_stays_quiet_on_its_good_case(code):
    _, good = CASES[code]
    assert code not in codes_for(good)


def test_correct_cyrillic_record_fires_nothing():
    assert codes_for(CLEAN_RU) == []


def test_every_rule_is_documented():
    for r in all_rules():
        doc = r.doc
        assert r.code[0] in "SVLNTDKP" and r.code[1:].isdigit(), r.code
        assert r.name == r.name.lower() and " " not in r.name, r.name
        assert "Why:" in doc and "Example:" in doc and "Use instead:" in doc, r.code


def test_inconsistent_name_names_the_first_earlier_form_that_may_be_the_same_person():
    text = ("@book{a, author={Матвиенко, Ю. Б.}, title={Один}, date={2011}, langid={russian}}\n"
            "@book{b, author={Матвиенко, Ю. А.}, title={Два}, date={2012}, langid={russian}}\n"
            "@book{c, author={Матвиенко, Юрий}, title={Три}, date={2013}, langid={russian}}\n"
            "@book{d, author={Матвиенко, Юрий Алексеевич}, title={Четыре}, date={2014}, langid={russian}}\n")
    library = bibtex.read(text.encode(), "n.bib")
    found = [f for f in lint_libraries([("n.bib", library)], LintSettings()).findings if f.code == "N004"]
    assert [(f.entry, f.message) for f in found] == [
        ("c", "'Матвиенко, Юрий' here, 'Матвиенко, Ю. Б.' in 'a': the same person?"),
        ("d", "'Матвиенко, Юрий Алексеевич' here, 'Матвиенко, Ю. А.' in 'b': the same person?"),
    ]


def test_latin_symbols_joined_to_russian_words_are_not_typing_slips():
    """#13.2: ``X-я``, ``pH-метр``, ``B-сплайны`` are written so on purpose (L001 called them
    errors and offered to retype the Latin letters in Cyrillic); a letter of the other
    script inside one part of a word is still a slip."""
    good = ("@book{a, author={Петров, П.}, title={X-я модель: pH-метр и B-сплайны в IT-отрасли},"
            " date={2019}, langid={russian}}")
    assert "L001" not in codes_for(good)
    bad = ("@book{a, author={Петров, П.}, title={Онтолоrия и pH-метр}, date={2019}, langid={russian}}")
    library = bibtex.read(bad.encode(), "l.bib")
    found = [f for f in lint_libraries([("l.bib", library)], LintSettings()).findings if f.code == "L001"]
    assert len(found) == 1 and "'Онтолоrия'" in found[0].message and "pH-метр" not in found[0].message


def test_an_impossible_day_is_a_malformed_date():
    """#13.12: ``2019-02-30`` has the ISO shape but no such day; biber drops it."""
    entry = "@book{a, author={X, Y.}, title={T}, date={%s}, langid={english}}"
    assert "V001" in codes_for(entry % "2019-02-30")
    assert "V001" in codes_for(entry % "2019-04-31/2019-05-02")
    assert "V001" not in codes_for(entry % "2020-02-29")      # a leap day is a day


def test_exact_duplicates_with_short_titles_are_found():
    """#13.12: a short title (``Poems``) was never compared; an exact twin is a duplicate,
    while two works with one short title but other details are not."""
    twin = ("@article{%s, author={Brodsky, J.}, title={Poems}, journaltitle={Novy Mir},"
            " volume={12}, pages={3--9}, date={1987}, langid={english}}\n")
    assert "D002" in codes_for(twin % "a" + twin % "b")
    other = twin.replace("3--9", "40--44")
    assert "D002" not in codes_for(twin % "a" + other % "b")


def test_fields_inherited_under_biblatex_names_count_as_present():
    """A periodical's title is its article's journaltitle (S003 asked for one), and a
    volume of a multi-volume work may have only the work's title (as its maintitle)."""
    text = ("@article{a, author={X, Y.}, title={T}, crossref={j}, langid={english}}\n"
            "@periodical{j, editor={E, F.}, title={Journal}, date={2000}, langid={english}}\n"
            "@book{v1, author={X, Y.}, volume={1}, crossref={works}, langid={english}}\n"
            "@mvbook{works, author={X, Y.}, title={Works}, date={1990}, langid={english}}\n")
    assert "S003" not in codes_for(text)
    assert "S003" in codes_for(text.replace("title={Journal}, ", ""))
