"""Hostile records written to ``.bib`` by polybib, read by the real tools: BibTeX (with
``plain.bst``) and biber (with biblatex) find the same entries and fields polybib wrote,
nothing planted runs (the secret file's word never reaches the PDF), and LaTeX compiles
(issue #12: the writer rule, items 1, 2, 3, 9, 10).

The TeX tools are installed by .ci/run; a missing tool fails this test, never skips it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from polybib import latex
from polybib.formats import bibtex, csljson, ris
from polybib.model import Library

from ..formats import hostile_inputs as H
from ..formats.bibtex_counting import entries

TOOLS = ("xelatex", "bibtex", "biber", "pdftotext")

BIBTEX_PAPER = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\begin{document}
Hostile records.\nocite{*}
\bibliographystyle{plain}
\bibliography{hostile}
\end{document}
"""

BIBER_PAPER = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage[backend=biber,style=numeric]{biblatex}
\addbibresource{hostile.bib}
\begin{document}
Hostile records.\nocite{*}
\printbibliography
\end{document}
"""


def _library() -> Library:
    refs = list(csljson.read(H.csl_json(), "hostile.json")) + list(ris.read(H.RIS.encode(), "hostile.ris"))
    return Library(refs)


def _run(step: list[str], folder: Path, ok=(0,)) -> subprocess.CompletedProcess:
    done = subprocess.run(step, cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode in ok, f"{' '.join(step)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    return done


def _pdf_text(folder: Path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "paper.pdf", "-"], cwd=folder,
                          capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    assert not missing, f"TeX tools missing (install them as .ci/run does): {', '.join(missing)}"
    (tmp_path / H.SECRET_FILE).write_text(H.SECRET_WORD + "\n", encoding="utf-8")
    return tmp_path


def _bbl_blocks(bbl: str, opener: str) -> dict[str, str]:
    """Each entry's text in a .bbl, by key."""
    parts = re.split(r"(?=" + re.escape(opener) + r")", bbl)
    out = {}
    for part in parts[1:]:
        m = re.match(re.escape(opener) + r"(?:\[[^\]]*\])?\{([^}]*)\}", part)
        out[m.group(1)] = part
    return out


@pytest.mark.latex
def test_bibtex_reads_what_polybib_wrote(folder: Path):
    data = bibtex.write(_library(), dialect="bibtex")
    (folder / "hostile.bib").write_bytes(data)
    written = entries(data.decode())
    polybib_keys = [r.id for r in bibtex.read(data, "hostile.bib")]
    assert [key for _, key, _ in written] == polybib_keys and len(polybib_keys) == 12
    (folder / "paper.tex").write_text(BIBTEX_PAPER, encoding="utf-8")
    xelatex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "paper"]
    _run(xelatex, folder)
    _run(["bibtex", "paper"], folder, ok=(0, 1))            # 1: warnings (plain's missing fields)
    blg = (folder / "paper.blg").read_text(encoding="utf-8", errors="replace")
    assert "error message" not in blg, blg
    bbl = (folder / "paper.bbl").read_text(encoding="utf-8")
    head = bbl.split("\\begin{thebibliography}")[0]
    assert "input" not in head and "write18" not in head     # no @preamble reached the .bbl
    items = _bbl_blocks(bbl, "\\bibitem")
    assert sorted(items) == sorted(polybib_keys)
    brace = items["brace"]
    assert "2002" in brace and brace.count("injected") == 1  # the year stayed, nothing injected
    assert "2004" in items["backslash"] and "The entry after" in items["after"].replace("\n", " ")
    assert "\\input{" not in bbl
    for step in (xelatex, xelatex):
        _run(step, folder)
    text = _pdf_text(folder)
    assert H.SECRET_WORD not in text
    assert "\\input{secret.tex}" in text                       # shown as the text it is
    assert not (folder / "pwned").exists()


@pytest.mark.latex
@pytest.mark.biber
def test_biber_reads_what_polybib_wrote(folder: Path):
    data = bibtex.write(_library())
    (folder / "hostile.bib").write_bytes(data)
    polybib = {seg.key: {n.lower(): v for n, _, v in seg.fields}
               for seg in bibtex.read(data, "hostile.bib").documents[0].entries()}
    assert len(polybib) == 12
    (folder / "paper.tex").write_text(BIBER_PAPER, encoding="utf-8")
    xelatex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "paper"]
    _run(xelatex, folder)
    _run(["biber", "paper"], folder)
    blg = (folder / "paper.blg").read_text(encoding="utf-8", errors="replace")
    assert "ERROR" not in blg, blg
    bbl = (folder / "paper.bbl").read_text(encoding="utf-8")
    entries_ = _bbl_blocks(bbl, "\\entry")
    assert sorted(entries_) == sorted(polybib)
    for key, block in entries_.items():
        fields = dict(re.findall(r"\\field\{(\w+)\}\{(.*)\}\n", block))
        if "title" in polybib[key]:                         # biber's title is polybib's title
            assert fields.get("title") == polybib[key]["title"], (key, block)
        assert "note" not in fields and "junk" not in fields, (key, block)
    assert "\\field{year}{2002}" in entries_["brace"]
    assert re.search(r"\\verb\{url\}\n\s*\\verb http://example.org/%7D%0A@preamble", entries_["url"])
    assert "\\input{" not in bbl
    for step in (xelatex, xelatex):
        _run(step, folder)
    text = _pdf_text(folder)
    assert H.SECRET_WORD not in text
    assert "\\input{secret.tex}" in text
    assert latex.decode(polybib["backslash"]["title"]) == H.TRAILING_BACKSLASH
