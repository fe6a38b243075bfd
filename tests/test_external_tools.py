"""The markers for tests that need a program outside Python: skipped with the install
command on a developer's machine, failed in CI, run when the program is there."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests import external_tools

pytest_plugins = ["pytester"]

SUITE = """
import pytest

@pytest.mark.chromium
def test_needs_a_browser():
    pass

def test_needs_nothing():
    pass
"""


@pytest.fixture
def suite(pytester, monkeypatch, tmp_path):
    """A two-test suite using the real hooks from tests/conftest.py, with PATH limited to
    one folder (so only what the test puts there is installed) and no cached look-ups."""
    pytester.makeconftest("from tests.conftest import pytest_configure, pytest_runtest_setup\n")
    pytester.makepyfile(test_suite=SUITE)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(external_tools, "_found", {})
    return bin_dir


def test_a_missing_tool_skips_with_the_install_command_outside_ci(pytester, suite):
    result = pytester.runpytest_inprocess("-rs")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(["*SKIPPED*needs chromium*install: sudo apt-get install chromium*"])


def test_a_missing_tool_fails_in_ci(pytester, suite, monkeypatch):
    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1, errors=1)         # failed in setup, before any fixture
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*CI=true and a tool is missing: needs chromium*sudo apt-get install chromium*"])


def test_a_present_tool_runs_the_test(pytester, suite, monkeypatch):
    browser = suite / "chromium"
    browser.write_text("#!/bin/sh\nexit 0\n")
    browser.chmod(0o755)
    monkeypatch.setenv("CI", "true")
    pytester.runpytest_inprocess().assert_outcomes(passed=2)


@pytest.mark.parametrize("value, ci", [("true", True), ("1", True), ("TRUE", True), ("", False),
                                       ("false", False), ("0", False)])
def test_what_counts_as_ci(value, ci):
    assert external_tools.in_ci({"CI": value}) is ci


#: The programs that need a marker, and the marker each one needs.
PROGRAMS = {"xelatex": "latex", "pdflatex": "latex", "bibtex": "latex", "biber": "biber", "chromium": "chromium"}


def _programs_run(function: ast.FunctionDef) -> tuple[set[str], set[str]]:
    """The programs a function runs itself (a command list's first word, or what it asks
    ``shutil.which`` for), and the names of the functions it calls."""
    words, calls = set(), set()
    for n in (n for stmt in function.body for n in ast.walk(stmt)):
        if isinstance(n, ast.List) and n.elts and isinstance(n.elts[0], ast.Constant):
            words.add(n.elts[0].value)
        elif isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "which" and n.args \
                and isinstance(n.args[0], ast.Constant):
            words.add(n.args[0].value)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            calls.add(n.func.id)
    return {w for w in words if w in PROGRAMS}, calls


def test_every_test_that_runs_an_external_program_carries_its_marker():
    """A new test that runs xelatex, biber or chromium (or uses the citeproc-js report)
    without the marker would fail on a fresh machine instead of skipping.  Programs run by
    a helper function (of any module under tests/, called by name) count for the test."""
    functions: dict[str, dict[Path, tuple[set[str], set[str]]]] = {}   # name -> module -> its body's
    outside: dict[Path, set[str]] = {}      # names a module imports from outside tests/
    tests: list[tuple[Path, ast.FunctionDef]] = []
    for path in Path(__file__).parent.rglob("*.py"):
        if path.name == "test_external_tools.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        outside[path] = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                         and not n.level and not (n.module or "").startswith("tests") for a in n.names}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                functions.setdefault(node.name, {})[path] = _programs_run(node)
                if node.name.startswith("test_") and path.name.startswith("test_"):
                    tests.append((path, node))

    def programs(name: str, caller: Path, seen: set[str]) -> set[str]:
        """What calling ``name`` from module ``caller`` runs: the caller's own function of
        that name, else a test helper of that name elsewhere (a fixture, an imported
        helper); never a name the caller imports from outside tests/ (``polybib.cli.main``
        is not a test module's ``main``)."""
        if name in seen or name not in functions or name in outside.get(caller, ()):
            return set()
        seen.add(name)
        defined = functions[name]
        found = set()
        for path, (own, calls) in ([(caller, defined[caller])] if caller in defined else defined.items()):
            found |= own.union(*(programs(call, path, seen) for call in calls))
        return found

    unmarked = []
    for path, node in tests:
        marks = {n.attr for dec in node.decorator_list for n in ast.walk(dec) if isinstance(n, ast.Attribute)}
        needed = {PROGRAMS[w] for w in programs(node.name, path, set())}
        if "report" in {a.arg for a in node.args.args} and path.name == "test_differential.py":
            needed.add("citeproc_js")
        unmarked += [f"{path.name}::{node.name} needs @pytest.mark.{m}" for m in sorted(needed - marks)]
    assert not unmarked, "\n".join(unmarked)
