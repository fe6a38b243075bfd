"""``render --format latex``: a URL is written so that LaTeX prints it as it is, whatever
characters it holds (issue #12: a ``}`` broke the document, ``%20`` printed as ``\\%20``).
Compiled with XeLaTeX; a missing tool fails this test, never skips it."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from polybib.render import output
from polybib.render.engine import Entry

URLS = "See http://example.org/a%20b}c?q=1#frag and <i>also http://example.org/x%41y</i>."

DOCUMENT = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage{url}
\begin{document}
%s
\end{document}
"""


def test_urls_in_latex_output_are_verbatim_and_cannot_close_a_group():
    text = output.bibliography([Entry("k", URLS)], "latex")
    assert r"\url{http://example.org/a%20b%7Dc?q=1#frag}" in text
    assert r"\%20" not in text
    assert r"\textit{also http://example.org/x\%41y}" in text   # inside an argument: escaped text


@pytest.mark.latex
def test_latex_output_with_hostile_urls_compiles_and_prints_them(tmp_path: Path):
    assert shutil.which("xelatex") and shutil.which("pdftotext"), "TeX tools missing (.ci/run installs them)"
    body = output.bibliography([Entry("k", URLS), Entry("m", "Next entry http://example.org/{}\\")], "latex")
    (tmp_path / "doc.tex").write_text(DOCUMENT % body, encoding="utf-8")
    done = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], cwd=tmp_path,
                          capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "http://example.org/a%20b%7Dc?q=1#frag" in flat
    assert "http://example.org/x%41y" in flat
    assert "\\%" not in flat
    assert "Nextentry" in flat and "http://example.org/%7B%7D%5C" in flat
