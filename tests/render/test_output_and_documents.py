"""Output formats (escaping), citations in documents, the CLI and multilingual modes."""
from __future__ import annotations

from polybib import formats, render
from polybib.cli import main
from polybib.model import Name, Reference
from polybib.render import output
from polybib.render.engine import Entry


def _ref(id_, title, **fields):
    return Reference(id=id_, type="book", fields={"title": title, "language": "en", **fields})


def test_latex_thebibliography_escapes_special_characters():
    entry = Entry("k_1", "<i>R&amp;D</i> 50% of $5 #1 a_b {x} ~ ^ \\ – http://x.org/a_b%20c")
    text = output.bibliography([entry], "latex")
    assert text.startswith("\\begin{thebibliography}{}")
    assert "\\textit{R\\&D} 50\\% of \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} " \
           "\\textbackslash{} -- \\url{http://x.org/a_b%20c}" in text
    assert "\\bibitem{k_1}" in text
    assert text.rstrip().endswith("\\end{thebibliography}")


def test_latex_numeric_labels_come_from_the_margin():
    text = output.bibliography([Entry("a", "Body", "[1]"), Entry("b", "Body", "[10]")], "latex")
    assert "\\begin{thebibliography}{10}" in text and "\\bibitem[1]{a}" in text


def test_html_is_escaped_and_keeps_the_left_margin_apart():
    text = output.bibliography([Entry("a", "A &lt;b&gt; &amp; <i>c</i>", "1.")], "html")
    assert '<div class="csl-left-margin">1.</div><div class="csl-right-inline">A &lt;b&gt; &amp; <i>c</i></div>' in text


def test_rich_text_in_a_title_is_markup_and_ampersands_are_text():
    ref = _ref("a", "Fish & <i>Chips</i> <span class=\"nocase\">iPhone</span>",
               author=[Name(family="Roe", given="A.")])
    html = render.render([ref], "apa", format="html").text()
    assert "Fish &amp; Chips iPhone" not in html
    assert "<i>Fish &amp; <i>Chips</i> iPhone</i>" in html
    assert "Fish & *Chips* iPhone" in render.render([ref], "apa", format="markdown").text()


def test_markdown_and_rtf_writers():
    entry = Entry("a", "<i>Т*</i> x_y", "[1]")
    assert output.entry_text(entry, "markdown") == "\\[1\\] *Т\\** x\\_y"
    assert output.entry_text(entry, "rtf") == "[1]\\tab {\\i \\u1058?*} x_y"


def test_document_citations_markdown_numeric_and_latex(shared_data):
    lib = formats.read(str(shared_data / "seed-expected.csl.json"))
    md = render.render_document("See [@li2007national, p. 112]; also [2].\n\n<!-- bibliography -->\n",
                                lib.references, "ieee", kind="markdown")
    assert md.text.startswith("See \\[1, p. 112\\]; also \\[2\\].")
    assert "\\[1\\] L. Li," in md.text and "\\[2\\] Ю. Е. Матвиенко," in md.text
    assert md.cited == ["li2007national", "matvienko2019analiz"] and md.missing == []
    apa = render.render_document("As shown [@wang2015sino; @nobody].", lib.references, "apa", kind="text")
    assert apa.text.startswith("As shown (Wang & Cheng, 2015; nobody?).")
    assert apa.missing == ["nobody"]
    tex = render.render_document("\\begin{document}\\cite[p.~5]{gazul2011biznes}\\bibliography{r}\\end{document}",
                                 lib.references, "gost-2018", kind="latex")
    assert tex.text.startswith("\\begin{document}[1, С. 5]\\begin{thebibliography}{1}")
    assert "\\bibitem[1]{gazul2011biznes}" in tex.text


def test_english_record_in_a_gost_list_keeps_english_terms(shared_data):
    lib = formats.read(str(shared_data / "seed-expected.csl.json"))
    lines = render.render(lib, "gost").strings()
    assert lines[2].endswith("2007. No. 1 (43). P. 110–120.")
    # ...but the host area takes the host document's terms (issue 15.11): a Russian journal
    assert lines[3].endswith("2014. Т. 7. С. 108–115.")
    assert lines[0].endswith("2011. С. 134–135.")


def test_gost_sort_puts_cyrillic_first(shared_data):
    lib = formats.read(str(shared_data / "seed-expected.csl.json"))
    ids = [e.id for e in render.render(lib, "gost-2018", sort="gost").entries]
    assert ids == ["gazul2011biznes", "matvienko2019analiz", "kizekova2014future", "li2007national",
                   "wang2015sino"]


def test_cli_render(tmp_path, capsys, shared_data):
    out = tmp_path / "refs.tex"
    code = main(["render", str(shared_data / "seed-expected.csl.json"), "--style", "references",
                 "--format", "latex", "-o", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "Gazul’ S.M. Biznes i oblaka." in text and "(In Russ.)" in text
    assert main(["render", str(shared_data / "seed-expected.csl.json"), "--style", "nope"]) == 2
    assert "unknown style" in capsys.readouterr().err
    assert main(["render", "--list-styles"]) == 0
    assert "vancouver" in capsys.readouterr().out


def test_any_csl_file_by_path(tmp_path, shared_data):
    style = render.resolve("ieee").path
    copy = tmp_path / "my-journal.csl"
    copy.write_bytes(open(style, "rb").read())
    lib = formats.read(str(shared_data / "seed-expected.csl.json"))
    assert render.render(lib, str(copy)).strings() == render.render(lib, "ieee").strings()
