"""The default rules on biblatex's and biblatex-gost's example files: every finding is a
true problem or is accepted here with its reason.  A change in these counts means a rule
changed behaviour: look at the new findings before updating the table."""
from __future__ import annotations

from collections import Counter

import pytest

from polybib.lint import LintSettings, lint_paths

from ..conftest import DATA

ACCEPTED = {
    "biblatex-examples.bib": {
        "D002": (4, "the file's '*:related' and 'baez/online' entries restate works on purpose "
                    "(to show biblatex's related-entry feature): true duplicates"),
        "L002": (11, "entries without langid: true for multilingual work (biblatex's own examples "
                     "predate langid on every entry)"),
        "S003": (4, "@manual/@online/@periodical/@book without author or editor: biblatex's data "
                    "model requires one"),
        "T001": (1, "CTAN unbraced in an entry without langid: BibTeX styles lower-case it"),
        "V003": (29, "page ranges with a single hyphen: true"),
    },
    "biblatex-gost-examples.bib": {
        "D002": (9, "'*h' twins of patents and re-editions with the same title and year: duplicates "
                    "by design of the example file"),
        "L001": (5, "'А-cad' (Cyrillic А), 'антолоrия' (Latin r), Latin initials 'A. B.', 'H.' in "
                    "Cyrillic names: true typing slips"),
        "L002": (2, "no langid: true"),
        "N001": (2, "'Сартр Ж. П.', 'Перцева А. В.' without a comma: true"),
        "N003": (5, "run-together initials ('А.А.'): true, biber loses the second initial"),
        "N004": (24, "the same person given with initials in one entry and full names in another "
                     "(Гуссерль, Э. / Гуссерль, Эдмунд), or spelt two ways (Готлоб/Готтлоб): "
                     "true, reported as info"),
        "S003": (69, "collections typed @book without author or editor, articles without a date "
                     "and the like: biblatex's data model requires these fields (articles whose "
                     "@periodical parent gives their journaltitle are complete)"),
        "S007": (10, "fields repeated inside one entry: true, one copy is ignored"),
        "T001": (4, "Merleau-Ponty, NY, Anti-Foundation, SEAR unbraced in sentence-case titles "
                    "without langid: true"),
        "T003": (1, "a title ending in '.': true ('Сочинения в 4-х~т.' ends in an abbreviation "
                    "and keeps its period)"),
        "V001": (4, "year = {2005/1}, year = {cop. 2002}: not dates biber can parse"),
        "V003": (144, "page ranges with a single hyphen: true"),
        "V004": (15, "volume = {№ 1}… (issue marker in volume) and volume = {Т. 3~(1)}: true"),
        "V006": (1, "doi given as a dx.doi.org URL: true"),
        "V007": (8, "ISBNs with wrong check digits: true (verified with python-stdnum)"),
        "V009": (8, "URLs without urldate: true for GOST, which requires the access date"),
    },
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_every_finding_is_a_true_problem_or_accepted(name):
    result = lint_paths([str(DATA / "bib-corpus" / name)], LintSettings())
    counts = dict(Counter(f.code for f in result.findings))
    assert counts == {code: n for code, (n, _reason) in ACCEPTED[name].items()}


def test_correct_cyrillic_files_produce_no_script_false_alarms():
    """pybtex's Cyrillic test file is small and correct: nothing about scripts may fire."""
    result = lint_paths([str(DATA / "bib-corpus" / "pybtex-cyrillic.bib")], LintSettings())
    assert not [f for f in result.findings if f.code.startswith("L0") and f.code != "L002"]
