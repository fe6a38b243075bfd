"""polybib cite: cited, missing and unused keys of a LaTeX paper, and the cited subset."""
from __future__ import annotations

import json

from polybib.formats import bibtex

BIB = """% refs for the paper
@string{vest = "Вестник"}

@article{gazul2011biznes, author = {Газуль, С. М.}, title = {Бизнес и облака}, journaltitle = vest, date = {2011}}

@inproceedings{child, author = {Li, Lifan}, title = {National energy security}, crossref = {proc}}

@proceedings{proc, title = {Proceedings}, date = {2007}}

@book{never, author = {Wang, Wan}, title = {Never cited}, date = {2015}}
"""

PAPER = r"""\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
As shown \parencite[see][12]{gazul2011biznes}, and \textcite{child}.
% \cite{commented-out}
Also \cites{Gazul2011biznes}{missing2020}.
\input{section}
\printbibliography
\end{document}
"""


def write_paper(tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.tex").write_text(PAPER, encoding="utf-8")
    (tmp_path / "section.tex").write_text("More in \\cite{alsomissing}.\n", encoding="utf-8")
    return tmp_path / "paper.tex"


def test_missing_and_unused_keys_are_reported(run_cli, tmp_path):
    paper = write_paper(tmp_path)
    code, out, _ = run_cli("cite", str(paper), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["cited"] == ["gazul2011biznes", "child", "Gazul2011biznes", "missing2020", "alsomissing"]
    assert [(m["key"], m["line"]) for m in report["missing"]] == [("missing2020", 7), ("alsomissing", 1)]
    assert report["unused"] == ["never"]                 # proc is needed by child's crossref
    assert report["case_differs"] == [{"cited": "Gazul2011biznes", "bib": "gazul2011biznes",
                                       "file": str(paper.resolve()), "line": 7}]


def test_all_cited_exits_0(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    paper = tmp_path / "p.tex"
    paper.write_text("\\bibliography{refs}\n\\cite{gazul2011biznes,child}\\nocite{never}\n", encoding="utf-8")
    code, out, _ = run_cli("cite", str(paper))
    assert code == 0 and b"every cited key is in the bibliography" in out


def test_aux_files_from_bibtex_and_biblatex(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    aux = tmp_path / "paper.aux"
    aux.write_text("\\citation{gazul2011biznes,child}\n\\abx@aux@cite{0}{never}\n\\bibdata{refs}\n",
                   encoding="utf-8")
    report = json.loads(run_cli("cite", str(aux), "--format", "json")[1])
    assert report["cited"] == ["gazul2011biznes", "child", "never"] and report["unused"] == []


def test_subset_keeps_cited_records_and_their_parents(run_cli, tmp_path):
    paper = write_paper(tmp_path)
    out_bib = tmp_path / "paper.bib"
    run_cli("cite", str(paper), "--subset", "-o", str(out_bib))
    subset = bibtex.read(out_bib.read_bytes(), str(out_bib))
    assert [r.id for r in subset] == ["gazul2011biznes", "child", "proc"]
    text = out_bib.read_text(encoding="utf-8")
    assert '@string{vest = "Вестник"}' in text and "never" not in text


def test_a_key_cited_in_another_case_is_a_problem_not_ok(run_cli, tmp_path):
    """biber matches keys case-sensitively: \\cite{Gazul2011biznes} finds no gazul2011biznes."""
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    paper = tmp_path / "p.tex"
    paper.write_text("\\bibliography{refs}\n\\nocite{child,never}\nSee \\cite{Gazul2011biznes}.\n", encoding="utf-8")
    code, out, _ = run_cli("cite", str(paper))
    text = out.decode()
    assert code == 1
    assert "every cited key is in the bibliography" not in text
    assert f"{paper}:3: case: 'Gazul2011biznes' is cited, the bibliography spells it 'gazul2011biznes'" in text
    report = json.loads(run_cli("cite", str(paper), "--format", "json")[1])
    assert report["case_differs"] == [{"cited": "Gazul2011biznes", "bib": "gazul2011biznes",
                                       "file": str(paper), "line": 3}]


def test_an_included_file_that_does_not_exist_is_reported(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    paper = tmp_path / "p.tex"
    paper.write_text("\\bibliography{refs}\n\\nocite{gazul2011biznes,child,never}\n\\include{chapter2}\n"
                     "\\input{tables/summary}\n", encoding="utf-8")
    code, out, _ = run_cli("cite", str(paper))
    text = out.decode()
    assert code == 1
    assert f"{paper}:3: missing file: 'chapter2' is included but does not exist" in text
    assert f"{paper}:4: missing file: 'tables/summary'" in text
    assert "every cited key is in the bibliography" not in text
    report = json.loads(run_cli("cite", str(paper), "--format", "json")[1])
    assert report["missing_inputs"] == [{"file": str(paper), "line": 3, "name": "chapter2"},
                                        {"file": str(paper), "line": 4, "name": "tables/summary"}]


def test_inputs_are_found_where_latex_finds_them(run_cli, tmp_path):
    """Relative to the main file's folder (where LaTeX runs), also from a nested file, and
    with an extension other than .tex; a macro's #1 is not a file name."""
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.tex").write_text("\\input{chapters/two}\n\\cite{child}\n", encoding="utf-8")
    (tmp_path / "chapters" / "two.tex").write_text("\\cite{never}\n\\input{table.tikz}\n", encoding="utf-8")
    (tmp_path / "table.tikz").write_text("\\cite{gazul2011biznes}\n", encoding="utf-8")
    paper = tmp_path / "p.tex"
    paper.write_text("\\newcommand{\\chap}[1]{\\include{#1}}\n\\bibliography{refs}\n\\include{chapters/one}\n",
                     encoding="utf-8")
    code, out, _ = run_cli("cite", str(paper), "--format", "json")
    report = json.loads(out)
    assert report["missing_inputs"] == []
    assert sorted(report["cited"]) == ["child", "gazul2011biznes", "never"]
    assert code == 0
