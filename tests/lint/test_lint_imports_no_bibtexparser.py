"""``polybib lint`` of an ordinary .bib does not import bibtexparser (nor pylatexenc).

Why: importing bibtexparser brings its whole middleware stack and pylatexenc, about a
third of a one-entry lint's start-up (issue 18.4) and megabytes of a large file's peak
(issue 12); the project's own scanner reads such files, and the name splitter is needed
only for names that are not ``Family, Given``.
"""
from __future__ import annotations

import subprocess
import sys

PROBE = """\
import sys
from polybib.cli import main
code = main(["lint", sys.argv[1], "-o", sys.argv[2]])
print(code, "bibtexparser" in sys.modules, "pylatexenc" in sys.modules)
"""


def _imports(tmp_path, text):
    bib = tmp_path / "one.bib"
    bib.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(bib), str(tmp_path / "out.txt")],
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_plain_entry_is_linted_without_bibtexparser(tmp_path):
    code, bibtexparser, pylatexenc = _imports(tmp_path, (
        "@article{gazul2011,\n  author = {Газуль, С. М. and Кизекова, А. Ж.},\n"
        "  title = {Бизнес-облака},\n  journaltitle = {Вестник},\n  date = {2011},\n"
        "  langid = {russian},\n}\n"))
    assert code == "0"
    assert (bibtexparser, pylatexenc) == ("False", "False")


def test_names_for_bibtex_rules_do_not_need_it_either(tmp_path):
    """``von Last, First`` and LaTeX in names need BibTeX's name rules, which polybib has
    itself (formats/bibtex/nameparts.py)."""
    code, bibtexparser, pylatexenc = _imports(tmp_path, (
        "@book{berg2001,\n  author = {van der Berg, Jan and Garc{\\'\\i}a, L. and Donald E. Knuth},\n"
        "  title = {Book},\n  date = {2001},\n  langid = {english},\n}\n"))
    assert code == "0"
    assert (bibtexparser, pylatexenc) == ("False", "False")
