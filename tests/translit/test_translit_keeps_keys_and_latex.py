"""``polybib translit`` agrees with ``import`` on keys and leaves LaTeX it need not touch (#13.12).

* ``translit --scheme S --keys`` gives every record the key ``import`` gives it (keys are
  romanized with their own table, not with the scheme chosen for the fields: the seed's
  ``Матвиенко`` is ``matvienko2019analiz`` both ways, not ``matviyenko…`` after BGN/PCGN);
* ``\\emph`` stays ``\\emph`` (not ``\\textit``), ``\\cite{x}`` stays ``\\cite{x}`` (not
  ``\\cite<span class="nocase">x</span>``, in the record or in any output).
"""
from __future__ import annotations

import json

import pytest

from polybib import latex
from polybib.formats import bibtex, csljson
from polybib.model import Library

from ..conftest import DATA, REPO


def _keys(path) -> list[str]:
    return [r.id for r in bibtex.read(path.read_bytes(), str(path))]


@pytest.mark.parametrize("source", ["seed", "dev"])
@pytest.mark.parametrize("scheme", ["bgn-pcgn", "iso9", "ala-lc"])
def test_translit_keys_are_the_keys_import_makes(source, scheme, tmp_path, run_cli):
    if source == "seed":
        text = REPO / "refs" / "seed.txt"
    else:
        text = tmp_path / "dev.txt"
        text.write_text("\n".join(json.loads(line)["text"].replace("\n", " ") for line in
                                  (DATA / "parse-dev.jsonl").read_text(encoding="utf-8").splitlines()
                                  if line.strip()) + "\n", encoding="utf-8")
    imported = tmp_path / "imported.bib"
    assert run_cli("import", str(text), "-o", str(imported))[0] in (0, 1)
    romanized = tmp_path / "romanized.bib"
    code, _, err = run_cli("translit", str(imported), "--scheme", scheme, "--keys", "-o", str(romanized))
    assert code == 0, err
    assert _keys(romanized) == _keys(imported)


BIB = r"""@article{ivanov2000knige,
  author = {Иванов, И. И.},
  title = {О \emph{книге} как источнике, см. \cite{petrov1999} и \citep[с.~3]{sidorov2001}},
  journaltitle = {Вестник},
  date = {2000},
  langid = {russian},
}
"""


def test_translit_keeps_emph_and_cite(tmp_path, run_cli):
    src = tmp_path / "in.bib"
    src.write_text(BIB, encoding="utf-8")
    code, out, err = run_cli("translit", str(src), "--scheme", "bgn-pcgn")
    assert code == 0, err
    assert "title = {O \\emph{knige} kak istochnike, sm. \\cite{petrov1999} i " \
           "\\citep[s.~3]{sidorov2001}}," in out.decode()


def test_translit_keeps_a_files_textit(tmp_path, run_cli):
    src = tmp_path / "in.bib"
    src.write_text(BIB.replace("\\emph", "\\textit"), encoding="utf-8")
    code, out, err = run_cli("translit", str(src), "--scheme", "bgn-pcgn")
    assert code == 0, err
    assert "title = {O \\textit{knige} kak" in out.decode()


def test_a_cite_in_a_title_is_latex_in_the_record_and_in_csl_json():
    ref = bibtex.read(BIB.encode(), "in.bib")[0]
    assert "\\cite{petrov1999}" in ref["title"] and "\\citep[с.~3]{sidorov2001}" in ref["title"]
    assert "nocase" not in ref["title"]
    assert "\\cite{petrov1999}" in json.loads(csljson.write(Library([ref])))[0]["title"]


@pytest.mark.parametrize("text", [r"\cite{x}", r"\ref{fig--1}", r"\citep[p.~3]{a,b}", r"\href{http://a.b/c}{d}",
                                  r"\LaTeX{}", r"\foo"])
def test_unknown_macros_keep_their_arguments_as_latex(text):
    assert latex.decode(text) == text
    assert latex.encode(latex.decode(text), latex=True) == text      # read from a .bib: LaTeX


def test_italics_are_written_as_emph():
    assert latex.encode("<i>Hamlet</i> revisited") == "\\emph{Hamlet} revisited"
    assert latex.encode(latex.decode("\\textit{x}")) == "\\emph{x}"
