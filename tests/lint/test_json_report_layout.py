"""The JSON report, made one finding at a time, is exactly what ``json.dumps(indent=2)``
of the whole list gives (tools diff these reports, so the bytes matter)."""
from __future__ import annotations

import json

from polybib.lint import LintSettings, lint_paths
from polybib.lint.reporters import render

BIB = r"""@book{ivanov2001,
  author = {Иванов, Иван Иванович},
  title = {Книга «о» "кавычках" \textbf{и} переносах},
  year = {2001},
  isbn = {978-5-02-086748-6},
  pages = {12-15},
}
@article{ivanov2001,
  author = {Ivanov, I. I.},
  title = {A title},
  journal = {J},
  year = {20O1},
  doi = {10.1/x},
}
"""


def test_json_report_matches_dumping_the_whole_list(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    result = lint_paths([str(path)], LintSettings())
    assert len(result.findings) >= 3
    text = path.read_text(encoding="utf-8")
    expected = json.dumps([f.as_dict(text) for f in result.findings], ensure_ascii=False, indent=2) + "\n"
    assert render("json", result) == expected
    assert any(f.fix for f in result.findings)          # nested objects laid out as well


def test_json_report_of_no_findings_is_an_empty_array(tmp_path):
    path = tmp_path / "clean.bib"
    path.write_text("", encoding="utf-8")
    assert render("json", lint_paths([str(path)], LintSettings())) == "[]\n"
