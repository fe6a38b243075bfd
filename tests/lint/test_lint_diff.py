"""``polybib lint --diff``: a unified diff that ``patch`` would apply to get exactly what
``--fix`` writes, the same text difflib gives, and made stretch by stretch between lines
both sides share once (issue 18.6: a 20,000-entry file with ~2,400 changes took over 40
minutes through difflib on the whole file).  Speed is measured by benchmarks/bench_lint.py
``--diff``, not here."""
from __future__ import annotations

import difflib
import functools
import re
import shutil
import sys
from pathlib import Path

import pytest

from polybib.lint import LintSettings, lint_paths
from polybib.lint.fixer import fix_files
from polybib.lint.linediff import unified_diff

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$")


def patched(original: list[str], diff: str) -> list[str]:
    """``original`` with a unified diff applied, checking every context and removed line
    against it (a small ``patch``: hunks in order, no fuzz)."""
    lines = diff.splitlines(keepends=True)
    assert lines[0].startswith("--- a/") and lines[1].startswith("+++ b/")
    out: list[str] = []
    pos, k = 0, 2
    while k < len(lines):
        m = HUNK.match(lines[k])
        assert m, f"not a hunk header: {lines[k]!r}"
        start, count = int(m.group(1)), int(m.group(2) or 1)
        new_start, new_count = int(m.group(3)), int(m.group(4) or 1)
        at = start - 1 if count else start
        assert at >= pos, "hunks out of order or overlapping"
        out.extend(original[pos:at])
        pos = at
        assert (new_start - 1 if new_count else new_start) == len(out), "new side's start is wrong"
        k += 1
        old_seen = new_seen = 0
        while k < len(lines) and not lines[k].startswith("@@ "):
            tag, text = lines[k][0], lines[k][1:]
            if tag in " -":
                assert original[pos] == text, f"line {pos + 1} is not {text!r}"
                pos += 1
                old_seen += 1
            if tag in " +":
                out.append(text)
                new_seen += 1
            k += 1
        assert (old_seen, new_seen) == (count, new_count), "hunk counts do not match its lines"
    out.extend(original[pos:])
    return out


@functools.lru_cache(maxsize=None)
def outcomes(path: Path):
    """What --fix --unsafe-fixes would change in ``path`` (made once for both corpus tests)."""
    settings = LintSettings()
    return fix_files(lint_paths([str(path)], settings), settings, unsafe=True)


def corpus_files(shared_data: Path) -> list[Path]:
    return sorted((shared_data / "bib-corpus").rglob("*.bib"))


def test_diff_applies_to_the_fixed_text_on_the_corpus(shared_data):
    checked = 0
    for path in corpus_files(shared_data):
        for outcome in outcomes(path):
            if outcome.fixed == outcome.original:
                continue
            a = outcome.original.splitlines(keepends=True)
            b = outcome.fixed.splitlines(keepends=True)
            if not (a and b and a[-1].endswith("\n") and b[-1].endswith("\n")):
                continue            # (a unified diff has no room for a missing last newline)
            assert patched(a, outcome.diff()) == b, path.name
            checked += 1
    assert checked > 100


def test_diff_is_difflibs_where_difflib_matches_every_line(shared_data):
    """Below 200 lines difflib's matcher treats no line as junk and finds the minimal
    diff; there both give the same bytes.  (On larger files difflib ignores lines as
    common as ``}``, and its hunks can then rewrite a closing brace and blank line that
    did not change; ours keep them as context.)"""
    compared = 0
    for path in corpus_files(shared_data):
        for outcome in outcomes(path):
            a = outcome.original.splitlines(keepends=True)
            b = outcome.fixed.splitlines(keepends=True)
            if a == b or len(b) >= 200:
                continue
            expected = "".join(difflib.unified_diff(a, b, fromfile="a/x.bib", tofile="b/x.bib"))
            assert unified_diff(a, b, "a/x.bib", "b/x.bib") == expected, path.name
            compared += 1
    assert compared > 100


def test_diff_keeps_unchanged_braces_as_context():
    a = [line for i in range(60) for line in
         (f"@misc{{k{i},\n", f"  title = {{T{i}}},\n", "  date = {2010}\n", "}\n", "\n")]
    b = list(a)
    for i in (10, 11):          # two neighbouring entries gain a field
        at = b.index(f"@misc{{k{i},\n") + 2
        b[at:at + 1] = ["  date = {2010},\n", "  langid = {english}\n"]
    diff = unified_diff(a, b, "a/x.bib", "b/x.bib")
    assert "-}\n" not in diff and "+}\n" not in diff
    assert diff.count("+  langid = {english}\n") == 2
    assert patched(a, diff) == b


def test_diff_of_a_large_file_is_what_fix_writes(tmp_path, run_cli):
    """Thousands of entries, hundreds of changes (every entry without langid gets one, an
    unsafe fix): the diff printed by the command, applied, gives the file --fix writes."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from bench_bibtex import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path / "big.bib"
    path.write_text(generate(3000, seed=11), encoding="utf-8")
    original = path.read_text(encoding="utf-8").splitlines(keepends=True)
    code, out, _ = run_cli("lint", str(path), "--diff", "--unsafe-fixes")
    assert code == 1
    diff = out.decode("utf-8")
    assert diff.count("\n@@ ") >= 100
    fixed = tmp_path / "fixed.bib"
    shutil.copyfile(path, fixed)
    run_cli("lint", str(fixed), "--fix", "--unsafe-fixes", "-q")
    expected = fixed.read_text(encoding="utf-8").splitlines(keepends=True)
    assert expected != original
    header = f"--- a/{str(path).lstrip('/')}\n+++ b/{str(path).lstrip('/')}\n"
    assert diff.startswith(header)
    assert patched(original, diff) == expected


@pytest.mark.parametrize("a, b", [
    (["x\n"], ["y\n"]),
    (["x\n", "y\n"], []),
    ([], ["x\n"]),
    (["a\n", "b\n", "a\n", "b\n"], ["b\n", "a\n", "b\n", "a\n"]),     # no line once in each
])
def test_small_cases_match_difflib(a, b):
    expected = "".join(difflib.unified_diff(a, b, fromfile="a/f", tofile="b/f"))
    assert unified_diff(a, b, "a/f", "b/f") == expected


def test_lines_that_moved_are_one_anchor_at_most():
    """Lines once in each side but in another order cannot all be anchors: the chain kept
    is increasing on both sides, and the diff still gives the other side."""
    a = ["u\n", "v\n", "w\n", "x\n"]
    b = ["w\n", "x\n", "v\n", "u\n"]
    diff = unified_diff(a, b, "a/f", "b/f")
    assert patched(a, diff) == b
    assert sum(line.startswith(" ") for line in diff.splitlines()) == 2     # w and x kept
