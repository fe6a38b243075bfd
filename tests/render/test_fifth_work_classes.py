"""One test per bug class found on the fifth differential set's work part (issue #15),
each expectation taken from citeproc-js: a range of years takes its era once, after the
range; a given-name word becomes an initial only when citeproc-js cuts it (its capitals:
not Kazakh Қ or Ukrainian Ґ, but caseless Arabic); is-numeric takes slashed numbers
("2016/679") and no comma without a space after it ("D558,757"); a bibliography entry's
names are weighed by the name registry as it grows while the entries render.

Every case is (style, CSL-JSON items, expected texts of the whole bibliography in order);
``test_polybib_renders`` checks polybib without node, ``test_expectation_is_citeproc_js``
that the expectation is what citeproc-js prints.
"""
from __future__ import annotations

import pytest

from polybib.render import render_items

from . import differential


def _book(id_, family, issued, given=None, **fields):
    name = {"family": family, "given": given} if given else {"family": family}
    item = {"id": id_, "type": "book", "title": id_.upper(), "author": [name], "issued": {"date-parts": issued}}
    item.update(fields)
    return item


CASES = {
    # citeproc-js prints neither end's era and the first end's after the range ("AD"
    # below 500 only); polybib gave each end its own ("800 BC–700 BC", "150 AD–160")
    "era: a range of years takes its era once, after the range": (
        "chicago-author-date",
        [_book("a", "Homer", [[-800], [-700]], title="Iliad"),
         _book("b", "Ptolemy", [[150], [160]], title="Almagest"),
         _book("c", "Caesar", [[-50], [20]], title="Commentaries"),
         _book("d", "Dante", [[600], [700]], title="Vita"),
         _book("e", "Eco", [[-50, 3], [-50, 5]], title="Rose")],
        ['Caesar. 50–20 BC. Commentaries.', 'Dante. 600–700. Vita.', 'Eco. 50 BC. Rose.',
         'Homer. 800–700 BC. Iliad.', 'Ptolemy. 150–160 AD. Almagest.']),
    "era: a range of years in GOST (the term as the locale writes it)": (
        "gost-r-7-0-5-2008-numeric",
        [_book("a", "Homer", [[-800], [-700]], title="Iliad"),
         _book("b", "Ptolemy", [[150], [160]], title="Almagest")],
        ['1. Homer. Iliad. 800–700до н. э.', '2. Ptolemy. Almagest. 150–160н. э.']),
    # citeproc-js cuts a word to its initial only when it opens with a capital of its
    # list (Latin to U+017F, Cyrillic А–Я and Ѐ–Џ, Greek, Hebrew, Arabic, Thai); Kazakh
    # Қ, Ukrainian Ґ and Romanian Ș words stay whole; caseless Arabic is cut
    "initials: only the capitals citeproc-js cuts": (
        "apa",
        [_book("a", "Сәрсенбаев", [[2011]], "Ерлан Қайратұлы"),
         _book("b", "Әуезов", [[1956]], "Мұхтар Омарханұлы"),
         _book("c", "محفوظ", [[1957]], "نجيب"),
         _book("d", "Гончар", [[2001]], "Ґрета Ігорівна"),
         _book("e", "Popescu", [[2002]], "Ștefan Ion")],
        ['Popescu, Ștefan I. (2002). E.', 'Әуезов, М. О. (1956). B.', 'Гончар, Ґрета І. (2001). D.',
         'Сәрсенбаев, Е. Қайратұлы. (2011). A.', 'محفوظ, ن. (1957). C.']),
    # MLA labels a number only when it is numeric: "2016/679" and "12/2019" are (digits
    # joined by slashes), "D558,757" and "558,757" are not (a comma joins numbers only
    # with a space after it)
    "is-numeric: slashed numbers, and no comma without a space": (
        "modern-language-association",
        [{"id": "a", "type": "regulation", "title": "General Data Protection Regulation", "number": "2016/679",
          "issued": {"date-parts": [[2016, 4, 27]]}},
         {"id": "b", "type": "report", "title": "Flood risk", "number": "12/2019", "publisher": "EEA",
          "issued": {"date-parts": [[2019]]}},
         {"id": "c", "type": "patent", "title": "Electronic device", "number": "D558,757",
          "author": [{"family": "Jobs", "given": "Steven P."}], "issued": {"date-parts": [[2008, 1, 1]]}},
         {"id": "d", "type": "report", "title": "Survey", "number": "558,757", "issued": {"date-parts": [[2010]]}}],
        ['Flood Risk. no. 12/2019, EEA, 2019.', 'General Data Protection Regulation. no. 2016/679, 27 Apr. 2016.',
         'Jobs, Steven P. Electronic Device. D558,757, 1 Jan. 2008.', 'Survey. 558,757, 2010.']),
    # citeproc-js registers the names a bibliography entry renders as it renders them and
    # weighs each against the registry as it stands (primary-name: a list's first name,
    # over the whole list): an editor whose family name another entry has with a given
    # name of the same initials is printed in full and as typed ("Dmitry S"); as the
    # second editor he is not weighed (normalized "Dmitry S.")
    "names: a bibliography entry's names weighed by the growing registry (primary-name)": (
        "chicago-author-date",
        [{"id": "a", "type": "chapter", "title": "Skin cancer", "author": [{"family": "Demidova", "given": "Anastasiya"}],
          "editor": [{"family": "Kulyabov", "given": "Dmitry S"}, {"family": "Samouylov", "given": "Konstantin E"}],
          "container-title": "Workshop", "issued": {"date-parts": [[2020]]}},
         {"id": "b", "type": "book", "title": "Julia", "author": [{"family": "Kulyabov", "given": "Dmitry Sergeevich"}],
          "issued": {"date-parts": [[2017]]}},
         {"id": "c", "type": "chapter", "title": "Queues", "author": [{"family": "Abbott", "given": "Laura"}],
          "editor": [{"family": "Zed", "given": "Anna"}, {"family": "Kulyabov", "given": "Dmitry S"}],
          "container-title": "Workshop", "issued": {"date-parts": [[2021]]}}],
        ['Abbott, Laura. 2021. “Queues.” In Workshop, edited by Anna Zed and Dmitry S. Kulyabov.',
         'Demidova, Anastasiya. 2020. “Skin Cancer.” In Workshop, edited by Dmitry S Kulyabov and Konstantin E. Samouylov.',
         'Kulyabov, Dmitry Sergeevich. 2017. Julia.']),
    # by-cite: over the entry's own names, in the order rendered: the author is weighed
    # before the editor of the same family and initials is registered (initials), the
    # editor after (in full)
    "names: a bibliography entry's names weighed by the growing registry (by-cite)": (
        "harvard-cite-them-right",
        [{"id": "a", "type": "paper-conference", "title": "Support for parallel computing",
          "author": [{"family": "Kulyabov", "given": "Dmitry Sergeevich"}, {"family": "Gevorkyan", "given": "Migran"}],
          "editor": [{"family": "Kulyabov", "given": "Dmitry S."}, {"family": "Samouilov", "given": "Konstantin E."}],
          "container-title": "Proceedings", "issued": {"date-parts": [[2017]]}},
         {"id": "b", "type": "book", "title": "Other", "author": [{"family": "Gevorkyan", "given": "Migran"}],
          "editor": [{"family": "Samouilov", "given": "Konstantin E."}], "issued": {"date-parts": [[2018]]}}],
        ['Gevorkyan, M. (2018) Other. Edited by K.E. Samouilov.',
         'Kulyabov, D.S. and Gevorkyan, M. (2017) “Support for parallel computing,” in Dmitry S. Kulyabov and '
         'K.E. Samouilov (eds.) Proceedings.']),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_polybib_renders(name):
    style, items, expected = CASES[name]
    assert differential.entry_texts(render_items(items, style)) == expected


@pytest.mark.citeproc_js
@pytest.mark.parametrize("name", sorted(CASES))
def test_expectation_is_citeproc_js(name):
    style, items, expected = CASES[name]
    assert differential.citeproc_js_texts(style, items) == expected
