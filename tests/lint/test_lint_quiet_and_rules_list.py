"""``polybib lint -q`` prints findings only; ``polybib rules`` shows whole, plain summaries
(issue #13.12)."""
from __future__ import annotations

import re

from polybib.lint import all_rules

BAD = "@book{k, author={X, Y.}, title={T}, date={2019-02-30}, pages={1-2}, langid={english}}\n"
CLEAN = "@book{k, author={X, Y.}, title={T}, date={2000}, langid={english}}\n"


def test_quiet_lint_prints_the_findings_and_nothing_else(run_cli, tmp_path):
    bad = tmp_path / "bad.bib"
    bad.write_text(BAD, encoding="utf-8")
    code, out, err = run_cli("lint", "-q", str(bad))
    text = out.decode()
    assert code == 1 and "V001" in text and "Found" not in text and "fixable" not in text
    clean = tmp_path / "clean.bib"
    clean.write_text(CLEAN, encoding="utf-8")
    code, out, err = run_cli("lint", "--quiet", str(clean))
    assert code == 0 and out == b"" and err == ""


def test_quiet_fix_does_not_count_the_fixes(run_cli, tmp_path):
    bad = tmp_path / "bad.bib"
    bad.write_text(BAD, encoding="utf-8")
    code, out, err = run_cli("lint", "-q", "--fix", str(bad))
    assert "fixed" not in err and "pages={1--2}" in bad.read_text(encoding="utf-8")


def test_rules_list_shows_each_summary_whole_and_without_rst_marks(run_cli):
    code, out, _ = run_cli("rules")
    listing = out.decode()
    assert code == 0 and "``" not in listing
    for r in all_rules():
        first_paragraph = " ".join(r.doc.split("\n\n")[0].split())
        plain = re.sub(r"``(.+?)``", r"'\1'", first_paragraph)
        assert plain in listing, r.code
        assert plain.endswith((".", ")")), r.code
    assert ("even when one is in Cyrillic and the other transliterated." in listing)   # D002, once cut
