"""End to end: a small paper citing the seed's records compiles with XeLaTeX + biber, with
biblatex-gost and with a standard biblatex style, and its PDF shows every reference in the
right script with no undefined citations.

The TeX tools are installed by .ci/run.  Each test carries the marker of the tools it runs
(``latex``, ``biber``): outside CI a missing tool skips it with the install command; in CI
(CI=true) a missing tool fails it.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from polybib.formats import bibtex

REPO = Path(__file__).resolve().parents[2]

PAPER = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage[russian,english]{babel}
\usepackage{csquotes}
\usepackage[backend=biber,style=%(style)s,language=auto,autolang=other]{biblatex}
\addbibresource{seed.bib}
\begin{document}
Relations between the two countries are discussed in %(cites)s.
\printbibliography
\end{document}
"""

# What each record must show in the PDF, in its own script.
EXPECTED = ["Бизнес и облака", "Анализ развития железнодорожного транспорта",
            "National energy security", "The future of the shanghai cooperation",
            "Sino-russian transboundary water cooperation", "Газуль", "Матвиенко", "Kizekova"]


def _seed_bib(tmp_path: Path, run_cli) -> Path:
    out = tmp_path / "seed.bib"
    code, _, err = run_cli("import", str(REPO / "refs" / "seed.txt"), "-o", str(out))
    assert code == 0, err
    return out


def _compile(folder: Path, name: str) -> str:
    for step in (["xelatex", "-interaction=nonstopmode", "-halt-on-error", name],
                 ["biber", name], ["xelatex", "-interaction=nonstopmode", "-halt-on-error", name],
                 ["xelatex", "-interaction=nonstopmode", "-halt-on-error", name]):
        done = subprocess.run(step, cwd=folder, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{' '.join(step)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", f"{name}.pdf", "-"], cwd=folder,
                          capture_output=True, text=True, check=True).stdout
    text = re.sub(r"-\n(?=\w)", "", text)          # words hyphenated across lines
    return " ".join(text.split())


@pytest.mark.latex
@pytest.mark.biber
@pytest.mark.parametrize("style", ["gost-numeric", "numeric"])
def test_paper_citing_the_seed_compiles_and_shows_every_reference(style, tmp_path, run_cli):
    bib = _seed_bib(tmp_path, run_cli)
    keys = [r.id for r in bibtex.read(bib.read_bytes(), str(bib))]
    assert len(keys) == 5
    cites = ", ".join(f"\\cite{{{k}}}" for k in keys)
    (tmp_path / "paper.tex").write_text(PAPER % {"style": style, "cites": cites}, encoding="utf-8")
    text = _compile(tmp_path, "paper")
    assert "??" not in text, "undefined citations"
    assert "[1]" in text and "[5]" in text
    for phrase in EXPECTED:
        assert phrase.lower() in text.lower(), f"{phrase!r} not in the PDF: {text[:2000]}"
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "Citation" not in log or "undefined" not in log


THEBIB_PAPER = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage[russian,english]{babel}
\usepackage{url}
\begin{document}
See %(cites)s.
\input{refs.tex}
\end{document}
"""

TRICKY = """@article{tricky,
  author = {Smith, J.},
  title = {Costs of R\\&D: 100\\% growth, \\$5 \\#1 a\\_b {x} and ~ tildes},
  journaltitle = {Journal of {AT\\&T} \\& Co},
  date = {2020}, volume = {3}, pages = {1--2}, langid = {english},
}
"""


@pytest.mark.latex
def test_render_latex_thebibliography_compiles_as_is(tmp_path, run_cli):
    bib = _seed_bib(tmp_path, run_cli)
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + TRICKY, encoding="utf-8")
    code, out, err = run_cli("render", str(bib), "--style", "gost", "--format", "latex")
    assert code == 0, err
    (tmp_path / "refs.tex").write_bytes(out)
    keys = [r.id for r in bibtex.read(bib.read_bytes(), str(bib))]
    (tmp_path / "paper.tex").write_text(THEBIB_PAPER % {"cites": ", ".join(f"\\cite{{{k}}}" for k in keys)},
                                        encoding="utf-8")
    for _ in range(2):
        done = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "paper"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "paper.pdf", "-"], cwd=tmp_path, capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(re.sub(r"-\n(?=\w)", "", text).split())
    assert "??" not in text
    assert "Бизнес и облака" in text and "R&D: 100% growth, $5 #1 a_b" in text


@pytest.mark.latex
def test_classic_bibtex_variant_compiles_with_a_bst_style(tmp_path, run_cli):
    """The build's references-bibtex.bib is for journals that still use .bst styles:
    pdfLaTeX + BibTeX (plain.bst) must take it as is, romanized, with no undefined citation."""
    out = tmp_path / "build"
    code, _, err = run_cli("build", str(REPO / "refs" / "seed.txt"), "-o", str(out), "--offline", "-q",
                           "--styles", "apa")
    assert code == 0, err
    (tmp_path / "references-bibtex.bib").write_bytes((out / "references-bibtex.bib").read_bytes())
    (tmp_path / "paper.tex").write_text("\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n"
                                        "\\bibliographystyle{plain}\n\\bibliography{references-bibtex}\n"
                                        "\\end{document}\n", encoding="utf-8")
    for step in (["pdflatex", "-interaction=nonstopmode", "paper"], ["bibtex", "paper"],
                 ["pdflatex", "-interaction=nonstopmode", "paper"], ["pdflatex", "-interaction=nonstopmode", "paper"]):
        done = subprocess.run(step, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{step[0]}: {done.stdout[-2000:]}"
    text = subprocess.run(["pdftotext", "paper.pdf", "-"], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(re.sub(r"-\n(?=\w)", "", text).split())
    assert "Biznes i oblaka" in text and "Matviyenko" in text and "Kizekova" in text and "??" not in text
