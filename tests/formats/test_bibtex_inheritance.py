"""``crossref`` and ``xdata`` are resolved for CSL-JSON, RIS and rendering as biber resolves
them, and the ``.bib`` round trip never sees it (issue #13.5)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from polybib import formats, render
from polybib.formats import bibtex
from polybib.formats.bibtex.inheritance import _links, _Resolver, resolve_references

from ..conftest import DATA

CHAPTER = """\
@incollection{chapter,
  author = {Smith, John},
  title = {A Chapter},
  pages = {10--20},
  crossref = {book},
}
@collection{book,
  editor = {Doe, Jane},
  title = {The Book},
  shorttitle = {Book},
  publisher = {Acme Press},
  location = {London},
  date = {2001},
}
"""


def _items(text: str) -> dict[str, dict]:
    data = formats.write(bibtex.read(text.encode(), "refs.bib"), "csljson")
    return {item["id"]: item for item in json.loads(data)}


def test_a_chapter_gets_its_books_title_editors_publisher_and_year_in_csl_json():
    chapter = _items(CHAPTER)["chapter"]
    assert chapter["title"] == "A Chapter"                      # its own title stays
    assert chapter["container-title"] == "The Book"             # the book's title → booktitle
    assert chapter["publisher"] == "Acme Press" and chapter["publisher-place"] == "London"
    assert chapter["issued"] == {"date-parts": [[2001]]}
    assert chapter["editor"] == [{"family": "Doe", "given": "Jane"}]
    assert "title-short" not in chapter                         # shorttitle is never inherited


def test_a_rendered_chapter_names_its_book_publisher_and_year():
    """APA printed "(n.d.)" and no book for a crossref'd chapter."""
    library = bibtex.read(CHAPTER.encode(), "refs.bib")
    text = render.render(library.references, "apa", format="text").text()
    line = next(l for l in text.splitlines() if l.startswith("Smith"))
    assert "n.d." not in line and "(2001)" in line and "The Book" in line and "Acme Press" in line


def test_the_bib_round_trip_is_untouched():
    library = bibtex.read(CHAPTER.encode(), "refs.bib")
    formats.write(library, "csljson")
    render.render(library.references, "apa")
    assert formats.write(library, "bibtex") == CHAPTER.encode()


def test_type_pairs_rename_titles_as_biblatex_declares():
    text = """\
@article{art, author = {Roe, R.}, title = {An Article}, crossref = {jnl}}
@periodical{jnl, title = {Journal of Things}, volume = {3}, date = {1999}}
@book{vol2, author = {Tolstoy, L.}, title = {Volume Two}, crossref = {works}}
@mvbook{works, author = {Tolstoy, L.}, title = {Collected Works}, publisher = {Nauka}, date = {1980}}
@inbook{part, title = {A Part}, crossref = {vol2}}
"""
    refs = {r.id: r for r in resolve_references(bibtex.read(text.encode(), "t.bib").references)}
    assert refs["art"]["container-title"] == "Journal of Things" and refs["art"]["title"] == "An Article"
    assert refs["art"]["volume"] == "3"
    # a volume of a multi-volume work: the work's title is its maintitle, not its title
    assert refs["vol2"]["title"] == "Volume Two"
    assert refs["vol2"].extra["biblatex.maintitle"] == "Collected Works"
    assert refs["vol2"]["publisher"] == "Nauka"
    # nested: the part inherits the book (title → booktitle) and through it the work
    assert refs["part"]["container-title"] == "Volume Two"
    assert refs["part"]["author"][0].family == "Tolstoy"      # book's author → author and bookauthor
    assert refs["part"]["issued"].parts == [[1980]]


def test_xdata_gives_fields_verbatim_and_cycles_stop():
    text = """\
@xdata{pub, publisher = {Nauka}, location = {Moscow}, langid = {russian}}
@book{a, author = {Ivanov, I.}, title = {A}, date = {2000}, xdata = {pub}, location = {Leningrad}}
@book{b, title = {B}, crossref = {c}}
@book{c, title = {C}, crossref = {b}, date = {2001}}
"""
    refs = {r.id: r for r in resolve_references(bibtex.read(text.encode(), "t.bib").references,
                                                drop_data_entries=True)}
    assert "pub" not in refs                                    # data, not a work
    assert refs["a"]["publisher"] == "Nauka" and refs["a"]["publisher-place"] == "Leningrad"
    assert refs["a"].language == "ru"
    assert refs["b"]["issued"].parts == [[2001]] and refs["b"]["title"] == "B"


TEX = r"""\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""
#: bbl fields biber makes itself (hashes, labels, sorting), and link fields.
GENERATED = {"labelnamesource", "labeltitlesource", "sortinit", "sortinithash", "extradate",
             "labelyear", "labelmonth", "labelday", "labeldatesource", "extraname", "crossref",
             "xref", "xdata", "ids", "urlraw", "options"}
DATE_PART = re.compile(r"(|orig|url|event)(year|month|day|dateera|endyear|endmonth|endday|"
                       r"enddateera|dateunspecified|season|endseason)")
ALIASES = {"journal": "journaltitle", "address": "location", "school": "institution",
           "annote": "annotation", "hyphenation": "langid"}
COMPARED_VALUES = ("booktitle", "booksubtitle", "maintitle", "mainsubtitle", "journaltitle",
                   "edition", "series", "volume", "volumes", "pagetotal", "isbn")


def _name(field: str) -> str:
    field = field.lower()
    m = DATE_PART.fullmatch(field)
    return m.group(1) + "date" if m else ALIASES.get(field, field)


def _bbl(text: str) -> dict[str, tuple[set[str], dict[str, str]]]:
    entries = {}
    for m in re.finditer(r"\\entry\{([^}]*)\}\{[^}]*\}\{[^}]*\}(.*?)\\endentry", text, re.S):
        body = m.group(2)
        names = {_name(n) for n in re.findall(r"\\(?:field|list|name|range|verb)\{([a-z]+)\}", body)}
        values = {f: " ".join(v.split()) for f, v in
                  re.findall(r"^\s*\\field\{([a-z]+)\}\{(.*)\}\s*$", body, re.M)}
        entries[m.group(1).lower()] = (names - GENERATED, values)
    return entries


@pytest.mark.latex
@pytest.mark.biber
def test_inheritance_agrees_with_biber_on_the_biblatex_gost_examples(tmp_path):
    """A differential test: biber resolves the 277 crossrefs of biblatex-gost's examples in
    a real LaTeX run; every inherited field (of those biblatex's data model knows) and the
    value of every inherited title, volume, edition, series and ISBN must be polybib's."""
    missing = [t for t in ("pdflatex", "biber") if shutil.which(t) is None]
    assert not missing, f"{missing} missing (.ci/run installs them)"
    source = DATA / "bib-corpus" / "biblatex-gost-examples.bib"
    (tmp_path / "refs.bib").write_bytes(source.read_bytes())
    (tmp_path / "doc.tex").write_text(TEX, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "-draftmode", "doc.tex"], cwd=tmp_path,
                   capture_output=True, timeout=300)
    done = subprocess.run(["biber", "doc"], cwd=tmp_path, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stdout.decode(errors="replace")[-2000:]
    theirs = _bbl((tmp_path / "doc.bbl").read_text(encoding="utf-8"))
    known = set().union(*(names for names, _ in theirs.values())) - GENERATED
    library = bibtex.read(source.read_bytes(), source.name)
    resolver = _Resolver(library.references)
    children, compared, problems = 0, 0, []
    for ref in library.references:
        if not _links(ref) or ref.id.lower() not in theirs:
            continue
        children += 1
        own_fields = [name.lower() for name, _raw, _value in ref.__dict__["_segment"].fields]
        own = {_name(n) for n in own_fields}
        effective = resolver.fields(ref)
        mine = ({_name(n) for n, _ in effective} - own) & known
        names, values = theirs[ref.id.lower()]
        biber = (names - own) & known
        if mine != biber:
            problems.append(f"{ref.id}: polybib only {sorted(mine - biber)}, biber only {sorted(biber - mine)}")
        first = dict(reversed(effective))
        for field in COMPARED_VALUES:
            if field not in own_fields and field in first and field in values:
                compared += 1
                if " ".join(first[field].split()) != values[field]:
                    problems.append(f"{ref.id}: {field} {first[field]!r}, biber {values[field]!r}")
    assert children >= 270 and compared >= 600
    assert problems == []
