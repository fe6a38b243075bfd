"""Root causes fixed for the CSL processor test suite, each checked on fixtures of the suite
(read where they lie, ``../shared/data/csl-test-suite/humans``) and on small direct cases.

The fixtures are run through ``benchmarks/csl_suite.py``'s polybib runner, the same code
that measures the pass rate; each names the root cause it stands for.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO


def _suite():
    spec = importlib.util.spec_from_file_location("csl_suite", REPO / "benchmarks" / "csl_suite.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("csl_suite", module)
    spec.loader.exec_module(module)
    return module


SUITE = _suite()

#: fixture → the root cause it represents
FIXTURES = {
    # cite grouping and collapsing (collapse.py)
    "collapse_YearSuffixCollapse.txt": "year-suffix-ranged, year-suffix-delimiter",
    "collapse_YearSuffixCollapseNoYearSuffixDelimiter.txt": "year-suffix delimiter defaults",
    "collapse_TrailingDelimiter.txt": "after-collapse-delimiter",
    "collapse_CitationNumberRangesMixed2.txt": "citation-number ranges",
    "collapse_NumericDuplicate2.txt": "citation-number ranges with a repeated number",
    "bugreports_DisambiguationAddNames.txt": "collapse=year with names in a macro (memo)",
    "name_CiteGroupDelimiterWithYearCollapse.txt": "cite-group-delimiter",
    "sort_WithAndInOneEntry.txt": "grouping after cs:sort",
    "name_CiteGroupDelimiterWithYearSuffixCollapse2.txt": "only adjacent cites group, cluster order kept",
    # CITATIONS as a document (benchmark runner through Processor.citations)
    "integration_YearSuffixOnOffOn.txt": "a citation replaced by its citationID",
    "collapse_CitationNumberRangesInsert.txt": "citations inserted before/after",
    # a term beginning a note citation is capitalized
    "position_IbidWithLocator.txt": "ibid. → Ibid.",
    "bugreports_CapsAfterOneWordPrefix.txt": "prefix ending a sentence",
    "position_IbidWithPrefixFullStop.txt": "a prefix ending a quoted sentence; its full stop replaces the delimiter",
    # a cite's prefix beginning with punctuation replaces the layout delimiter
    "magic_SuppressLayoutDelimiterIfPrefixComma.txt": ", cited in",
    # sort keys without the year-suffix
    "bugreports_CollapseFailure.txt": "1965a, 1965b before 1970",
    # citation-label made by the default trigraph, year-suffix after it
    "disambiguate_Trigraph.txt": "Aalt02a",
    "disambiguate_CitationLabelInData.txt": "a label in the data kept",
    "magic_CitationLabelInCitation.txt": "two names: RoNo78",
    # flip-flop formatting in HTML
    "flipflop_ItalicsFlipped.txt": "italic in italic upright",
    "flipflop_SmallCaps.txt": "small caps in small caps normal",
    # CSL display divisions in HTML
    "display_AuthorAsHeading.txt": "block, left-margin, right-inline",
    "bugreports_SmallCapsEscape.txt": "the layout suffix inside the last division",
    # title case of compounds
    "textcase_TitleWithEmDash.txt": "em dash parts",
    "textcase_NonEnglishChars.txt": "a Greek part in a hyphenated word",
    "textcase_SentenceCapitalization.txt": "sentence case lowers Title Case words",
    # Unicode superscripts in HTML
    "magic_SuperscriptChars.txt": "superscript characters as <sup>",
    # name particles typed in family/given
    "name_ParseNames.txt": "particles split for sorting",
    "bugreports_parseName.txt": "a quoted family is literal",
    "name_HyphenatedNonDroppingParticle1.txt": "a hyphen-attached particle",
    "disambiguate_PrimaryNameWithParticle.txt": "a particle distinguishes family names",
    # delimiter-precedes-last / -et-al="after-inverted-name"
    "name_AfterInvertedName.txt": "APPLEBY, Aloysius, and Bobby BROWN",
    # suffix after a comma in given, comma-suffix
    "magic_NameSuffixWithComma.txt": "given \"John,! Jr.\" → John Doe, Jr.",
    "name_ArticularWithComma.txt": "comma-suffix",
    # locators trimmed, spaced range hyphens an en dash
    "locator_SimpleLocators.txt": "100 - 103 → 100–103",
    "locator_WithLeadingSpace.txt": "a locator's leading space",
    # "1 & 2" is plural (values are escaped on the way in)
    "bugreports_ContextualPluralWithMainItemFields.txt": "plural with an ampersand",
    # straight quotes in a cite's prefix or suffix
    "affix_CommaAfterQuote.txt": "quotes in a prefix",
    "label_EditorTranslator2.txt": "quotes in a suffix",
    # subsequent-author-substitute compares names without their role label
    "sort_SeparateAuthorsAndOthers.txt": "--- ed.",
    "sort_DropNameLabelInSort.txt": "editor then author",
    "name_SubstitutePartialEach.txt": "partial-each on a substituted title",
    # punctuation at seams
    "punctuation_FullMontyPlain.txt": "the punctuation table",
    # seasons
    "date_SeasonRange3.txt": "a season range",
    "date_VariousInvalidDates.txt": "months 13-24 as seasons",
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_passes(name):
    path = SUITE.SUITE / name
    if not path.is_file():
        pytest.fail(f"CSL test-suite fixture not found: {path} (set POLYBIB_SHARED)")
    fixture = SUITE.parse(path)
    assert SUITE.supported(fixture)
    got = SUITE.normalize(SUITE.run_polybib(fixture))
    assert got == SUITE.expected_text(fixture), FIXTURES[name]


def test_split_is_stable_and_about_a_third_held_out():
    names = sorted(p.name for p in SUITE.SUITE.glob("*.txt"))
    held = [n for n in names if SUITE.part_of(n) == "held"]
    assert 0.28 < len(held) / len(names) < 0.38
    assert SUITE.part_of("collapse_YearSuffixCollapse.txt") == SUITE.part_of("collapse_YearSuffixCollapse.txt")
    # every category of more than a few fixtures has fixtures on both sides
    categories = {n.split("_", 1)[0] for n in names}
    big = [c for c in categories if sum(n.startswith(c + "_") for n in names) >= 10]
    for category in big:
        parts = {SUITE.part_of(n) for n in names if n.startswith(category + "_")}
        assert parts == {"work", "held"}, category


def test_document_clusters_follow_the_last_call():
    steps = [[{"citationID": "A", "citationItems": [{"id": "1"}]}, [], []],
             [{"citationID": "B", "citationItems": [{"id": "2"}]}, [["A", 1]], []],
             [{"citationID": "A", "citationItems": [{"id": "3"}]}, [], [["B", 2]]]]
    assert SUITE.document_clusters(steps) == [[{"id": "3"}], [{"id": "2"}]]


# ------------------------------------------------------------------ direct cases

def test_seams_keep_the_stronger_mark():
    from citeproc.string import String

    from polybib.render import seams
    assert str(seams.join([String("Why?"), String(". Then")], "")) == "Why? Then"
    assert str(seams.join([String("colon:"), String("! Wow")], "")) == "colon! Wow"
    assert str(seams.join([String("a,"), String(". b")], "")) == "a,. b"
    assert str(seams.join([String("a."), String("b")], ". ")) == "a. b"


def test_name_particles_split_as_citeproc_js_parses():
    from polybib.render.nameparse import parse
    assert parse({"family": "van der Vlist", "given": "Eric"}) == {
        "family": "Vlist", "non-dropping-particle": "van der", "given": "Eric"}
    assert parse({"family": "d'Aubignac"})["non-dropping-particle"] == "d'"
    assert parse({"family": "Humboldt", "given": "Alexander von"})["dropping-particle"] == "von"
    assert parse({"family": '"Van Dyke"'}) == {"family": "Van Dyke"}
    assert parse({"family": "Van Four"}) == {"family": "Van Four"}        # capitalized: a name
    assert parse({"family": "Smith", "given": "Anna Maria"}) == {"family": "Smith", "given": "Anna Maria"}
    assert parse({"family": "Doe", "given": "John,! Jr."}) == {
        "family": "Doe", "given": "John", "suffix": "Jr.", "comma-suffix": True}
    kept = {"family": "Gogh", "non-dropping-particle": "van"}
    assert parse(kept) is kept


def test_html_flip_flop_and_superscripts():
    from polybib.render import output
    assert output.to_html("<i>My <i>Amazing</i> Title</i>") == \
        '<i>My <span style="font-style:normal;">Amazing</span> Title</i>'
    assert output.to_html("2ᵉ") == "2<sup>e</sup>"
    assert output.to_text("2ᵉ") == "2ᵉ"
    block = '<div class="csl-block">Doe</div><div class="csl-right-inline">Title</div>.'
    assert output.to_html(block) == '<div class="csl-block">Doe</div><div class="csl-right-inline">Title.</div>'
    assert output.to_text(block) == "DoeTitle."


def test_citation_label_trigraph():
    from polybib.render.citelabel import label
    year = {"issued": {"date-parts": [[1978]]}}
    assert label({"author": [{"family": "Aalto"}], **year}) == "Aalt78"
    assert label({"author": [{"family": "Roe"}, {"family": "Noakes"}], **year}) == "RoNo78"
    assert label({"author": [{"family": "Roe"}, {"family": "Noakes"}, {"family": "Cole"}], **year}) == "RoNC78"
    assert label({"author": [{"family": f} for f in "Ab Cd Ef Gh Ij".split()], **year}) == "ACEG78"
    assert label({"editor": [{"family": "van Dyke"}]}) == "Dyke"
    assert label({"title": "No names"}) == ""
