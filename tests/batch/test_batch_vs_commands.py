"""``polybib batch`` on a LocalCluster of two worker processes gives, record by record, what
the single-process commands give on the same input: import (records, keys, reader
diagnostics at FILE:LINE), translit and lint."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from polybib.cli import main

from .conftest import batch_diagnostics, batch_records

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _single(*args: str) -> int:
    return main(list(args))


@pytest.fixture
def batch_run(mixed_inputs, tmp_path, capsys):
    i = mixed_inputs
    out = tmp_path / "out"
    code = main(["batch", str(i["plain"]), str(i["numbered"]), str(i["refs"].with_suffix(".bib")),
                 str(i["refs"].with_suffix(".ris")), str(i["items"]), "-o", str(out), "--workers", "2",
                 "--partition-mb", "0.004", "--stages", "import,keys,translit,lint", "-q"])
    capsys.readouterr()
    return code, out


def test_records_keys_and_diagnostics_equal_polybib_import(batch_run, mixed_inputs, tmp_path, capsys):
    code, out = batch_run
    i = mixed_inputs
    files = [str(i["plain"]), str(i["numbered"]), str(i["refs"].with_suffix(".bib")), str(i["refs"].with_suffix(".ris"))]
    single = tmp_path / "single.json"
    _single("import", *files, "--to", "csljson", "-o", str(single))
    expected_diagnostics = sorted(line for line in capsys.readouterr().err.splitlines() if line)
    expected = json.loads(single.read_text(encoding="utf-8"))
    records = batch_records(out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    cut = {s["path"] for p in manifest["partitions"] for s in p["slices"] if s["start"] > 0}
    assert len(manifest["partitions"]) >= 8 and set(files) <= cut      # every file was cut
    assert manifest["complete"] and len(manifest["done"]) == len(manifest["partitions"])
    assert len(records) == len(expected) + 30
    for mine, theirs in zip(records, expected):
        assert mine == theirs
    assert [r["id"] for r in records[len(expected):]] == [f"item{n}" for n in range(400, 430)]
    assert len({r["id"].lower() for r in records}) == len(records)      # keys unique across partitions
    rows = batch_diagnostics(out)
    reader = sorted(f"{r['where']}: {r['severity']}: {r['message']}" for r in rows
                    if not r["code"][:1].isupper() and not r["file"].endswith(".jsonl"))
    assert reader == expected_diagnostics
    assert any(":41: " in line and "plain.txt" in line for line in reader)     # '!!! ---' at its own line
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["records"] == len(records) and len(summary["workers"]) == 2
    assert code == 1                      # the broken entry, the unparsable line, the bad JSON line


def test_jsonl_lines_read_as_csl_json_items(batch_run, mixed_inputs):
    _code, out = batch_run
    items = [json.loads(line) for line in mixed_inputs["items"].read_text(encoding="utf-8").splitlines()[:-1]]
    records = batch_records(out)[-30:]
    assert [(r["id"], r["title"], r["author"]) for r in records] == [(t["id"], t["title"], t["author"]) for t in items]
    bad = [r for r in batch_diagnostics(out) if r["file"].endswith("items.jsonl") and r["code"] == "parse"]
    assert [(r["line"], r["severity"]) for r in bad] == [(31, "error")] and "{not json" in bad[0]["message"]


def test_romanized_records_equal_polybib_translit(batch_run, tmp_path):
    _code, out = batch_run
    imported = tmp_path / "batch.json"
    imported.write_text(json.dumps(batch_records(out), ensure_ascii=False), encoding="utf-8")
    single = tmp_path / "romanized.json"
    assert _single("translit", str(imported), "--scheme", "bgn-pcgn", "-o", str(single), "-q") in (0, 1)
    expected = json.loads(single.read_text(encoding="utf-8"))
    romanized = batch_records(out, ".bgn-pcgn.jsonl")
    assert len(romanized) == len(expected)
    for mine, theirs in zip(romanized, expected):
        assert mine == theirs


def test_lint_findings_per_entry_equal_polybib_lint(batch_run, mixed_inputs, tmp_path):
    _code, out = batch_run
    bib = mixed_inputs["refs"].with_suffix(".bib")
    report = tmp_path / "lint.json"
    _single("lint", str(bib), "--format", "json", "-o", str(report))
    from polybib.lint.registry import RULES
    entry_codes = {code for code, rule in RULES.items() if rule.scope == "entry" and code != "P001"}
    expected = Counter((f["code"], f["line"], f["message"]) for f in json.loads(report.read_text(encoding="utf-8"))
                       if f["code"] in entry_codes)
    mine = Counter((r["code"], r["line"], r["message"]) for r in batch_diagnostics(out)
                   if r["file"] == str(bib) and r["code"] in entry_codes)
    assert expected and mine == expected
    # the noqa comments above the entries travel with them into their partitions: each
    # one is found, and reported unused (no V003 here) exactly as polybib lint reports it
    unused = Counter(f["line"] for f in json.loads(report.read_text(encoding="utf-8")) if f["code"] == "P001")
    assert len(unused) == 30
    assert Counter(r["line"] for r in batch_diagnostics(out) if r["code"] == "P001") == unused
