"""One test per bug class found on the third differential set's work part (issue #15),
each expectation taken from citeproc-js.

Every case is (style, CSL-JSON items, expected texts of the whole bibliography in order).
``test_polybib_renders`` checks polybib without node; ``test_expectation_is_citeproc_js``
checks that the expectation is what citeproc-js prints, so the table cannot drift from
the processor it stands for.
"""
from __future__ import annotations

import pytest

from polybib.render import output, render_items

from . import differential


def _book(id_, title, **fields):
    item = {"id": id_, "type": "book", "title": title, "publisher": "G", "issued": {"date-parts": [[2000]]}}
    item.update(fields)
    return item


def _n(family, given):
    return {"family": family, "given": given}


_W = [_n("Westfahl", "Gary")]

CASES = {
    # MLA ———: the names printed are compared, not the list's text: "Xu, A., et al." repeats
    # "Xu, A." of a list cut to the same first name; MLA's editors (cs:substitute children
    # after its "guest" names, which have a cs:name of their own) are neither replaced nor
    # compared with, so the next author entry is compared with the one before
    "mla lists cut to different names": (
        "modern-language-association",
        [_book("a", "A1", author=[_n("Xu", "A"), _n("Yu", "B"), _n("Zu", "C")]),
         _book("b", "A2", author=[_n("Xu", "A"), _n("Wu", "B"), _n("Zu", "C"), _n("Vu", "D")]),
         _book("c", "A3", author=[_n("Xu", "A")])],
        ["Xu, A., B. Yu, et al. A1. G, 2000.", "Xu, A., B. Wu, et al. A2. G, 2000.", "Xu, A. A3. G, 2000."]),
    "mla repeat after et al., lists cut to the same names": (
        "modern-language-association",
        [_book("a", "A1", author=[_n("Xu", "A"), _n("Yu", "B"), _n("Zu", "C")]),
         _book("b", "A2", author=[_n("Xu", "A"), _n("Yu", "B"), _n("Zu", "C"), _n("Vu", "D")]),
         _book("c", "A3", author=[_n("Xu", "A"), _n("Yu", "B")])],
        ["Xu, A., B. Yu, and C. Zu. A1. G, 2000.", "———. A2. G, 2000.", "Xu, A., and B. Yu. A3. G, 2000."]),
    "mla editors are neither replaced nor compared with": (
        "modern-language-association",
        [_book("a", "A1", author=_W), _book("b", "A2", editor=_W), _book("c", "A3", author=_W),
         _book("d", "A4", editor=_W), _book("e", "A5", editor=_W)],
        ["Westfahl, Gary. A1. G, 2000.", "Westfahl, Gary, editor. A2. G, 2000.", "———. A3. G, 2000.",
         "Westfahl, Gary, editor. A4. G, 2000.", "Westfahl, Gary, editor. A5. G, 2000."]),
    "mla names without a label repeat (guest, corporate)": (
        "modern-language-association",
        [_book("c", "B1", type="song", guest=[_n("Todd", "T")]),
         _book("d", "B2", type="song", guest=[_n("Todd", "T")]),
         _book("i", "C1", author=[{"literal": "World Bank"}]), _book("j", "C2", author=[{"literal": "World Bank"}])],
        ["Todd, T. B1. G, 2000.", "———. B2. G, 2000.", "World Bank. C1. G, 2000.", "———. C2. G, 2000."]),
    # given names with hyphens: initials keep their hyphen where names are initialized
    # (APA) and lose it where they are only normalized (Chicago, MLA: initialize="false");
    # a hyphen before a lower-case letter makes one word, initialized whole
    "hyphenated given names, chicago": (
        "chicago-author-date",
        [_book("a", "T1", author=[_n("Aa", "J.-D.")]), _book("b", "T2", author=[_n("Bb", "Joon-ho")]),
         _book("c", "T3", author=[_n("Cc", "Jean-Daniel")]), _book("d", "T4", author=[_n("Dd", "F.-W.")]),
         _book("e", "T5", author=[_n("Ee", "S.-J.")])],
        ["Aa, J. D. 2000. T1. G.", "Bb, Joon-ho. 2000. T2. G.", "Cc, Jean-Daniel. 2000. T3. G.",
         "Dd, F. W. 2000. T4. G.", "Ee, S. J. 2000. T5. G."]),
    "hyphenated given names, apa": (
        "apa",
        [_book("a", "T1", author=[_n("Aa", "J.-D.")]), _book("b", "T2", author=[_n("Bb", "Joon-ho")]),
         _book("c", "T3", author=[_n("Cc", "Jean-Daniel")]), _book("d", "T4", author=[_n("Dd", "Kim-Lee Ann")])],
        ["Aa, J.-D. (2000). T1. G.", "Bb, J. (2000). T2. G.", "Cc, J.-D. (2000). T3. G.",
         "Dd, K.-L. A. (2000). T4. G."]),
    # a given-name word led by punctuation is kept whole, apart from the initials before it
    "given-name word led by punctuation": (
        "apa", [_book("a", "T", editor=[_n("Malik", "J./Rüpke"), _n("J./Wobbe", "T.")])],
        ["Malik, J. /Rüpke, & J./Wobbe, T. (Eds.). (2000). T. G."]),
    # title case: a slash or an inner period splits words; superscripts are not cased
    "title case splits at slash and inner period, leaves superscripts": (
        "chicago-author-date",
        [{"id": f"t{i}", "type": "article-journal", "title": t, "container-title": "J",
          "author": [_n(f"Z{i}", "A")], "issued": {"date-parts": [[2000]]}}
         for i, t in enumerate(["Encoding/decoding", "pandas-dev/pandas: Pandas", "Studies in logic ; v.98",
                                "Actes du 4<sup>ème</sup> congrès", "input/output and/or stuff",
                                "the ph.d. thesis"])],
        ["Z0, A. 2000. “Encoding/Decoding.” J.", "Z1, A. 2000. “Pandas-Dev/Pandas: Pandas.” J.",
         "Z2, A. 2000. “Studies in Logic ; v.98.” J.", "Z3, A. 2000. “Actes Du 4ème Congrès.” J.",
         "Z4, A. 2000. “Input/Output and/or Stuff.” J.", "Z5, A. 2000. “The Ph.d. Thesis.” J."]),
    # an edition typed as a number joined to a word ("4-е", Russian style) is a number and
    # more than one to citeproc-js; a number with a Cyrillic letter glued on ("4е") is text
    "edition number joined to a word": (
        "apa",
        [_book(f"e{i}", "T", author=[_n(f"Z{i}", "A")], edition=e)
         for i, e in enumerate(["4-е", "2-е изд.", "3-е, перераб.", "2nd", "2-3", "4е"])],
        ["Z0, A. (2000). T (4th-е eds.). G.", "Z1, A. (2000). T (2nd-е изд. eds.). G.",
         "Z2, A. (2000). T (3rd-е, перераб. eds.). G.", "Z3, A. (2000). T (2nd ed.). G.",
         "Z4, A. (2000). T (2nd–3rd eds.). G.", "Z5, A. (2000). T (4е). G."]),
    # typed guillemets nested in typed guillemets take the locale's inner quotes (Russian)
    "nested typed guillemets, russian": (
        "gost-r-7-0-5-2008",
        [{"id": "q0", "type": "article-journal", "author": [_n("Y", "A")], "container-title": "J",
          "title": "Материалы «Станкин» и «Центра «Станкин» – ИММ» конференции",
          "issued": {"date-parts": [[2000]]}, "language": "ru"},
         {"id": "q1", "type": "article-journal", "author": [_n("Z", "A")], "container-title": "J",
          "title": "Plain «word» here", "issued": {"date-parts": [[2000]]}, "language": "ru"}],
        ["1. Y A. Материалы «Станкин» и «Центра „Станкин“ – ИММ» конференции // J. 2000.",
         "2. Z A. Plain «word» here // J. 2000."]),
    # capitalize-first: the value's first word only, even when it is a number
    "capitalize-first leaves a value led by a number": (
        "chicago-author-date",
        [_book("e0", "T", author=[_n("Z0", "A")], edition="3. durchges. A."),
         _book("e1", "T", author=[_n("Z1", "A")], edition="ninth Dover printing")],
        ["Z0, A. 2000. T. 3. durchges. A. G.", "Z1, A. 2000. T. Ninth Dover printing. G."]),
    # without initialize-with-hyphen a hyphen is a space before initializing ("S jin")
    "hyphen before lower case, nlm": (
        "nlm-citation-sequence", [_book("s", "T", author=[_n("Kim", "Soo-jin")])],
        ["1. Kim S jin. T. G; 2000."]),
    # a literal cs:text value="." keeps apart: not moved into quotes, not dropped as doubled
    "literal period after a quoted title, ieee": (
        "ieee",
        [{"id": f"t{i}", "type": "article-journal", "title": t, "author": [_n(f"Z{i}", "A")]}
         for i, t in enumerate(["Ends with period.", "Ends with question?", "Plain"])]
        + [{"id": "u", "type": "article-journal", "title": "Plain", "container-title": "J",
            "author": [_n("Z9", "A")]}],
        ["[1] A. Z0, “Ends with period.”.", "[2] A. Z1, “Ends with question?”.", "[3] A. Z2, “Plain”.",
         "[4] A. Z9, “Plain,” J."]),
    # initials without periods (NLM) take the suffix's periods off too
    "suffix without periods where initials have none": (
        "nlm-citation-sequence",
        [_book("a", "T", author=[{"family": "Gates", "given": "Henry Louis", "suffix": "Jr."},
                                 {"family": "Brown", "given": "E.", "suffix": "III"}]),
         _book("b", "T2", author=[{"family": "King", "given": "M. L.", "suffix": "Jr."}])],
        ["1. Gates HL Jr, Brown E III. T. G; 2000.", "2. King ML Jr. T2. G; 2000."]),
    # a number variable with markup is no number to is-numeric (no "vol." label)
    "number with markup is text": (
        "modern-language-association",
        [{"id": "a", "type": "article-journal", "title": "T", "container-title": "J",
          "volume": '<span class="nocase">143</span>', "author": [_n("F", "D")],
          "issued": {"date-parts": [[2018]]}}],
        ["F, D. “T.” J, 143, 2018."]),
}


def _texts(entries):
    return [differential.normalize(output.entry_text(e, "text")) for e in entries]


@pytest.mark.parametrize("name", sorted(CASES))
def test_polybib_renders(name):
    style, items, expected = CASES[name]
    assert _texts(render_items(items, style)) == expected


@pytest.mark.citeproc_js
@pytest.mark.parametrize("name", sorted(CASES))
def test_expectation_is_citeproc_js(name):
    style, items, expected = CASES[name]
    from polybib.render import styles
    result = differential.citeproc_js([{"style": styles.resolve(style).path, "locale": None,
                                        "items": items}])[0]
    assert result["error"] is None
    assert [differential.normalize(e["text"]) for e in result["entries"]] == expected
