"""Writing ``.bib`` from CSL-JSON, RIS and free text: whatever the records hold, BibTeX
(counting braces its own way) and polybib read the written file back as the same entries
and fields, and nothing in a value runs as LaTeX (issue #12, items 1, 2, 3, 9, 10, 13)."""
from __future__ import annotations

import json
import re

import pytest

from polybib import latex
from polybib.formats import bibtex, csljson, ris, text
from polybib.model import Date, Library, Reference, Source

from . import bibtex_counting, hostile_inputs as H


def _bib(library) -> str:
    library.documents.clear()
    return bibtex.write(library).decode("utf-8")


def _agree(bib: str) -> list[tuple[str, str, dict[str, str]]]:
    """The entries BibTeX sees, after checking polybib's reader sees the same."""
    seen = bibtex_counting.entries(bib)
    assert all(kind not in ("preamble", "string") for kind, _, _ in seen), bib
    back = bibtex.read(bib.encode(), "out.bib")
    assert not [d for d in back.diagnostics if d.severity == "error"], back.diagnostics
    ours = [(seg.entry_type.lower(), seg.key, {n.lower(): v for n, _, v in seg.fields})
            for seg in back.documents[0].entries()]
    assert ours == seen
    return seen


@pytest.fixture(scope="module")
def from_csl():
    lib = csljson.read(H.csl_json(), "hostile.json")
    return lib, _bib(lib)


def test_item1_hostile_key_is_replaced_and_plants_no_preamble(from_csl):
    lib, bib = from_csl
    assert not re.search(r"(?im)^\s*@\s*preamble", bib)
    seen = _agree(bib)
    assert len(seen) == len(lib)                     # one entry per record, nothing planted
    keys = [key for _, key, _ in seen]
    assert all(re.fullmatch(r"[A-Za-z0-9_:.+/-]+", k) for k in keys), keys
    assert keys[0] == "key2001"               # the project's own key for it


def test_item1_verbatim_fields_langid_and_custom_names_stay_inside_their_entry(from_csl):
    _, bib = from_csl
    seen = {key: fields for _, key, fields in _agree(bib)}
    url = seen["url"]
    assert url["url"] == "http://example.org/%7D%0A@preamble%7B%22%5Cinput%7Bsecret.tex%7D%5Cimmediate%5Cwrite18%7Btouch%20pwned%7D%22%7D%5C"
    assert url["doi"] == "10.1/x%7D%5C"
    assert "note" not in url and set(url) == {"title", "url", "doi", "urldate", "langid"}
    assert latex.decode(url["urldate"]) == "2019}, note = {" + H.LATEX_RUN + "}"
    assert latex.decode(url["langid"]) == "x}\\input{secret.tex}"
    custom = seen["custom"]
    assert set(custom) == {"title", "x1preambleinputsecret.teximmediatewrite18touchpwnedy", "usera", "userb"}
    assert custom["userb"] == "\\emph{harmless}"      # harmless LaTeX in custom stays LaTeX
    assert "\\input" not in custom["usera"]


def test_item1_ris_id_and_ur_cannot_leave_the_entry():
    lib = ris.read(H.RIS.encode(), "hostile.ris")
    bib = _bib(lib)
    seen = _agree(bib)
    assert len(seen) == 3
    assert seen[0][1] == "ris2010"
    assert seen[1][2]["url"] == "http://example.org/a%7Db%5C"


def test_item2_an_unbalanced_brace_cannot_inject_a_field_or_lose_the_year(from_csl):
    _, bib = from_csl
    fields = {key: f for _, key, f in _agree(bib)}["brace"]
    assert set(fields) == {"title", "date"} and fields["date"] == "2002"
    assert "\\}" not in fields["title"]             # BibTeX counts that brace: never written
    assert latex.decode(fields["title"]) == H.VALUE_ESCAPE


@pytest.mark.parametrize("source", ["csljson", "ris", "text"])
def test_item3_latex_commands_in_other_formats_are_text(source):
    if source == "csljson":
        lib = csljson.read(json.dumps([{"id": "a", "type": "book", "title": H.LATEX_RUN}]).encode(), "a.json")
    elif source == "ris":
        lib = ris.read(f"TY  - BOOK\nID  - a\nTI  - {H.LATEX_RUN}\nER  - \n".encode(), "a.ris")
    else:
        lib = text.read(f"Иванов И. И. {H.LATEX_RUN}. — М. : Наука, 2001. — 100 с.\n".encode(), "a.txt")
    bib = _bib(lib)
    assert "\\input" not in bib, bib
    assert "\\textbackslash{}input\\textbraceleft{}secret.tex\\textbraceright{}" in bib
    back = bibtex.read(bib.encode(), "b.bib")
    assert any(H.LATEX_RUN in str(v) for v in back[0].fields.values()), back[0].fields


def test_item3_names_from_csl_json_are_text_too(from_csl):
    _, bib = from_csl
    author = {key: f for _, key, f in _agree(bib)}["latex"]["author"]
    assert "\\input" not in author and latex.decode(author).startswith(H.LATEX_RUN)


def test_item9_a_trailing_backslash_does_not_swallow_the_next_entry(from_csl):
    _, bib = from_csl
    seen = {key: f for _, key, f in _agree(bib)}
    assert latex.decode(seen["backslash"]["title"]) == H.TRAILING_BACKSLASH
    assert seen["backslash"]["date"] == "2004"
    assert seen["after"]["title"] == "The entry after"


def test_item9_a_changed_bib_field_ending_in_a_backslash_is_written_safely():
    lib = bibtex.read(b"@book{a, title = {T}, year = 2001}\n\n@book{b, title = {U}, year = 2002}\n", "a.bib")
    lib[0]["title"] = "ends\\"
    bib = bibtex.write(lib).decode()
    seen = _agree(bib)
    assert [k for _, k, _ in seen] == ["a", "b"] and seen[1][2]["title"] == "{U}"[1:-1]
    assert bibtex.read(bib.encode(), "b.bib")[0]["title"] == "ends\\"


def test_item10_records_without_ids_get_the_projects_keys_unique(from_csl):
    _, bib = from_csl
    keys = [key for _, key, _ in _agree(bib)]
    assert "" not in keys
    assert keys[-2:] == ["matvienko2019analiz", "matvienko2019analiza"]
    lib = ris.read(H.RIS.encode(), "hostile.ris")
    assert [k for _, k, _ in _agree(_bib(lib))][-1] == "matvienko2019identifikatora"


def test_item10_convert_cli_writes_no_empty_key(run_cli, tmp_path):
    src = tmp_path / "scopus.ris"
    src.write_text("TY  - JOUR\nAU  - Smith, J.\nTI  - The first study\nPY  - 2020\nER  - \n\n"
                   "TY  - JOUR\nAU  - Smith, J.\nTI  - The first study\nPY  - 2020\nER  - \n", encoding="utf-8")
    out = tmp_path / "out.bib"
    assert run_cli("convert", str(src), "-o", str(out))[0] == 0
    written = out.read_text(encoding="utf-8")
    assert "{," not in written
    assert re.findall(r"@article\{([^,]*),", written) == ["smith2020first", "smith2020firsta"]


def test_a_bib_entry_keeps_its_key_and_a_new_record_avoids_it():
    lib = bibtex.read(b"@book{Dobrovol'skii_1963, title = {T}}\n", "a.bib")
    lib.references.append(Reference(id="dobrovol'skii_1963", type="book", fields={"title": "U"},
                                    source=Source(format="csljson")))
    bib = bibtex.write(lib).decode()
    keys = [k for _, k, _ in _agree(bib)]
    assert keys[0] == "Dobrovol'skii_1963" and keys[1].lower() != keys[0].lower() and keys[1]


# ---------------------------------------------------------------- item 13: LaTeX kept

#: A .bib title and what CSL-JSON holds for it: protective braces as nocase spans, braces
#: that delimit undecoded LaTeX kept with it.
LATEX_TITLES = {
    r"{{\BibTeX}ing}": '<span class="nocase">{\\BibTeX}ing</span>',
    r"A {\BibTeX} Guide": 'A <span class="nocase">\\BibTeX</span> Guide',
    r"{\textsubscript{x}Se} films": '<span class="nocase"><sub>x</sub>Se</span> films',
    r"{Bi\textsubscript{2}Se\textsubscript{3}}": '<span class="nocase">Bi<sub>2</sub>Se<sub>3</sub></span>',
}


@pytest.mark.parametrize("title", LATEX_TITLES)
def test_item13_a_changed_bib_title_keeps_its_latex(title):
    lib = bibtex.read(("@article{k, title = {%s}, year = 2001}\n" % title).encode(), "k.bib")
    lib[0]["title"] += "!"                          # changed: written from the model
    out = bibtex.write(lib, dialect="bibtex").decode()
    assert "title = {%s!}" % title in out, out


@pytest.mark.parametrize("title", LATEX_TITLES)
def test_item13_bib_to_csljson_to_bib_keeps_the_structure(title):
    first = bibtex.read(("@article{k, title = {%s}, year = 2001}\n" % title).encode(), "k.bib")
    item = json.loads(csljson.write(Library(list(first.references))))[0]
    assert item["title"] == LATEX_TITLES[title]
    back = bibtex.read(bibtex.write(Library(list(csljson.read(json.dumps([item]).encode(), "k.json")))),
                       "back.bib")
    assert back[0]["title"] == first[0]["title"]


def test_item13_protective_braces_around_a_subscript_survive():
    ref = bibtex.read(rb"@article{k, title = {{\textsubscript{x}Se} films}}", "k.bib")[0]
    assert ref["title"] == '<span class="nocase"><sub>x</sub>Se</span> films'
    assert latex.decode(r"{{\BibTeX}ing}") == '<span class="nocase">{\\BibTeX}ing</span>'
    assert latex.decode(r"A {\BibTeX} Guide") == 'A <span class="nocase">\\BibTeX</span> Guide'


# ---------------------------------------------------------------- crashes

def test_five_hundred_nested_braces_read_map_and_write(run_cli, tmp_path):
    value = "{" * 500 + "deep" + "}" * 500
    data = ("@article{deep, title = {%s}, year = 2001}\n" % value).encode()
    lib = bibtex.read(data, "deep.bib")
    assert "deep" in lib[0]["title"]
    assert bibtex.write(lib) == data
    lib.documents.clear()
    again = bibtex.read(bibtex.write(lib, dialect="biblatex"), "again.bib")
    assert again[0]["title"] == lib[0]["title"]
    path = tmp_path / "deep.bib"
    path.write_bytes(data)
    for command in (["lint", str(path)], ["convert", str(path), "-o", str(tmp_path / "d.json")]):
        code, _, err = run_cli(*command)
        assert code in (0, 1), (command, err)
        assert "RecursionError" not in err


def test_csl_dates_with_parts_are_iso():
    ref = Reference(id="d", type="webpage", fields={"title": "W", "accessed": Date(parts=[[2019, 2, 11]])},
                    source=Source(format="csljson"))
    assert "urldate = {2019-02-11}" in bibtex.write(Library([ref])).decode()


def test_item3_text_escaped_once_does_not_become_latex_when_the_bib_is_edited():
    """CSL-JSON → .bib writes ``\\input`` as text; reading that .bib, changing the field and
    writing it again must not turn it into the command."""
    lib = csljson.read(json.dumps([{"id": "a", "type": "book", "title": H.LATEX_RUN,
                                    "note": "50% off"}]).encode(), "a.json")
    first = _bib(lib)
    again = bibtex.read(first.encode(), "a.bib")
    assert again[0]["title"] == H.LATEX_RUN
    again[0]["title"] += " (2nd ed.)"
    again[0]["note"] += "!"
    out = bibtex.write(again).decode()
    assert "\\input" not in out and "\\textbackslash{}input" in out
    assert bibtex.read(out.encode(), "b.bib")[0]["title"] == H.LATEX_RUN + " (2nd ed.)"


def test_a_changed_bib_title_keeps_harmless_user_macros():
    lib = bibtex.read(rb"@book{a, title = {\noopsort{b}The \mkbibacro{NASA} book}}", "a.bib")
    lib[0]["title"] += "!"
    assert r"title = {\noopsort{b}The \mkbibacro{NASA} book!}" in bibtex.write(lib).decode()
