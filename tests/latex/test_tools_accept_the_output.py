"""Every file polybib writes for a tool is accepted by that tool (#13.3).

* The build's classic ``references-bibtex.bib`` of the seed and the 53 dev-set references
  compiles under pdfLaTeX + BibTeX with plain.bst: no letter pdfLaTeX cannot set (a Cyrillic
  ``note`` used to stop it with ``Unicode character д``), and journals printed.
* ``convert --dialect bibtex`` of a biblatex file writes ``journal`` and ``address``, so
  plain.bst prints journal names and places (it knows no ``journaltitle``/``location``).
* BibLaTeX output of the same references and of a law compiles under biber +
  biblatex-gost with no "No driver for" warning (biblatex-gost has no ``@legislation`` or
  ``@standard`` driver), and a thesis's degree is printed once, not as ``type`` and again
  as ``note``.

The TeX tools are installed by .ci/run; a missing tool fails these tests, never skips them.
"""
from __future__ import annotations

import pytest

import json
import re
import shutil
import subprocess
from pathlib import Path

from ..conftest import DATA
from .test_papers_compile import REPO, _compile

CLASSIC_PAPER = ("\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n"
                 "\\bibliography{%s}\n\\end{document}\n")

GOST_PAPER = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage[russian,english]{babel}
\usepackage{csquotes}
\usepackage[backend=biber,style=gost-numeric,language=auto,autolang=other]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""

LAW = [{"id": "law149", "type": "legislation", "language": "ru",
        "title": "Об информации, информационных технологиях и о защите информации",
        "genre": "Федеральный закон от 27.07.2006 № 149-ФЗ", "issued": {"date-parts": [[2006, 7, 27]]}}]


def _require(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    assert not missing, f"TeX tools missing (install them as .ci/run does): {', '.join(missing)}"


def _dev_list(folder: Path) -> Path:
    """The dev set's references, one a line, as a free-text list."""
    lines = [json.loads(line)["text"].replace("\n", " ") for line in
             (DATA / "parse-dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = folder / "dev.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _pdf_text(folder: Path, name: str) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", f"{name}.pdf", "-"], cwd=folder,
                          capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub(r"-\n(?=\w)", "", text).split())


def _classic_compile(folder: Path, bib: str) -> tuple[str, str]:
    """pdfLaTeX + BibTeX + pdfLaTeX ×2 with plain.bst: (PDF text, BibTeX's log)."""
    (folder / "paper.tex").write_text(CLASSIC_PAPER % bib, encoding="utf-8")
    for step in (["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper"], ["bibtex", "paper"],
                 ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper"],
                 ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper"]):
        done = subprocess.run(step, cwd=folder, capture_output=True, text=True, timeout=300,
                              encoding="utf-8", errors="replace")
        assert done.returncode == 0, f"{' '.join(step)} failed:\n{done.stdout[-3000:]}"
    return _pdf_text(folder, "paper"), (folder / "paper.blg").read_text(encoding="utf-8", errors="replace")


@pytest.mark.latex
def test_the_builds_classic_bibtex_file_of_the_dev_set_compiles_with_pdflatex_and_prints_journals(tmp_path, run_cli):
    _require("pdflatex", "bibtex", "pdftotext")
    out = tmp_path / "build"
    code, _, err = run_cli("build", str(REPO / "refs" / "seed.txt"), str(_dev_list(tmp_path)), "-o", str(out),
                           "--offline", "-q", "--styles", "apa")
    assert code in (0, 1), err
    data = (out / "references-bibtex.bib").read_bytes()
    assert data.isascii(), [line for line in data.decode().splitlines() if not line.isascii()][:5]
    (tmp_path / "references-bibtex.bib").write_bytes(data)
    text, blg = _classic_compile(tmp_path, "references-bibtex")
    assert "empty journal" not in blg
    for journal in ("Mezhdunarodnyy studencheskiy nauchnyy vestnik", "Central Asia and the Caucasus",
                    "European Journal of Law and Political Sciences"):
        assert journal in text, f"{journal!r} not printed: {text[:1500]}"
    assert "Utverzhden i vveden v deystviye" in text          # the note, romanized


@pytest.mark.latex
def test_convert_to_classic_bibtex_writes_journal_and_address_that_plain_bst_prints(tmp_path, run_cli):
    _require("pdflatex", "bibtex", "pdftotext")
    seed = tmp_path / "seed.bib"
    assert run_cli("import", str(REPO / "refs" / "seed.txt"), "-o", str(seed))[0] == 0
    latin = tmp_path / "latin.bib"
    assert run_cli("translit", str(seed), "--scheme", "bgn-pcgn", "-o", str(latin))[0] == 0
    assert "journaltitle = " in latin.read_text(encoding="utf-8")         # biblatex in …
    classic = tmp_path / "classic.bib"
    code, _, err = run_cli("convert", str(latin), "--dialect", "bibtex", "--ascii", "-o", str(classic))
    assert code == 0, err
    written = classic.read_text(encoding="utf-8")
    assert "journaltitle" not in written and "location" not in written and "journal = " in written
    text, blg = _classic_compile(tmp_path, "classic")
    assert "empty journal" not in blg, blg
    assert "Mezhdunarodnyy studencheskiy nauchnyy vestnik" in text and "Central Asia and the Caucasus" in text
    assert "St. Petersburg" in text


@pytest.mark.latex
@pytest.mark.biber
def test_biblatex_output_compiles_with_biblatex_gost_with_a_driver_for_every_entry_and_each_field_once(
        tmp_path, run_cli):
    _require("xelatex", "biber", "pdftotext")
    law = tmp_path / "law.json"
    law.write_text(json.dumps(LAW, ensure_ascii=False), encoding="utf-8")
    bib = tmp_path / "refs.bib"
    code, _, err = run_cli("import", str(_dev_list(tmp_path)), "-o", str(tmp_path / "dev.bib"))
    assert code in (0, 1), err
    code, _, err = run_cli("convert", str(tmp_path / "dev.bib"), str(law), "-o", str(bib))
    assert code == 0, err
    (tmp_path / "paper.tex").write_text(GOST_PAPER, encoding="utf-8")
    text = _compile(tmp_path, "paper")
    log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
    assert "No driver for" not in log, re.findall(r"No driver for '[^']*'", log)
    assert "Об информации, информационных технологиях" in text and "149-ФЗ" in text
    assert text.count("PhD thesis") == 1, "the thesis's degree is printed more than once"
    for journal in ("Международный студенческий научный вестник", "International Journal of Open Information"):
        assert journal in text
