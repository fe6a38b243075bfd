"""The programs outside Python that some tests drive, and what to do when one is missing.

A test that needs one carries its marker (``@pytest.mark.latex``, ``biber``, ``chromium``,
``citeproc_js``).  On a developer's machine a missing tool skips the test with a reason
that names the install command, so the README's test command passes on a fresh machine
and says what it did not check.  In CI (``CI=true``, set by ``.ci/run`` and by GitHub
Actions) a missing tool FAILS the test: CI installs everything, so nothing there may be
skipped quietly.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
CITEPROC_JS = REPO / "tests" / "render" / "js" / "node_modules" / "citeproc"


def _commands(*names: str) -> Callable[[], list[str]]:
    return lambda: [name for name in names if shutil.which(name) is None]


def _tex_file(name: str, package: str) -> Callable[[], list[str]]:
    """A TeX file found by kpsewhich (a LaTeX package such as biblatex-gost)."""
    def missing() -> list[str]:
        if shutil.which("kpsewhich") is None:
            return [f"{package} (kpsewhich not found)"]
        done = subprocess.run(["kpsewhich", name], capture_output=True, text=True, timeout=60)
        return [] if done.returncode == 0 and done.stdout.strip() else [package]
    return missing


def _all(*checks: Callable[[], list[str]]) -> Callable[[], list[str]]:
    return lambda: [name for check in checks for name in check()]


def _chromium() -> list[str]:
    return [] if (shutil.which("chromium") or shutil.which("chromium-browser")) else ["chromium"]


def _citeproc_js() -> list[str]:
    missing = _commands("node")()
    if not CITEPROC_JS.is_dir():
        missing.append("citeproc-js (tests/render/js/node_modules)")
    return missing


@dataclass(frozen=True)
class Tool:
    marker: str
    what: str                          # what the tests marked with it do
    missing: Callable[[], list[str]]   # the programs or packages not found here
    install: str                       # the command that installs them


TOOLS: dict[str, Tool] = {tool.marker: tool for tool in [
    Tool("latex", "compiles papers with XeLaTeX and pdfLaTeX + BibTeX and reads the PDF",
         _commands("xelatex", "pdflatex", "bibtex", "pdftotext"),
         "sudo apt-get install texlive-latex-base texlive-xetex texlive-lang-cyrillic "
         "texlive-fonts-recommended lmodern fonts-dejavu-core poppler-utils"),
    Tool("biber", "runs biber with biblatex-gost",
         _all(_commands("biber"), _tex_file("gost-numeric.bbx", "biblatex-gost")),
         "sudo apt-get install biber texlive-bibtex-extra"),
    Tool("chromium", "opens the build's HTML pages in headless Chromium",
         _chromium, "sudo apt-get install chromium"),
    Tool("citeproc_js", "compares rendering with citeproc-js",
         _citeproc_js, "(cd tests/render/js && npm ci) after sudo apt-get install nodejs npm"),
]}


def in_ci(environ=os.environ) -> bool:
    """CI=true (GitHub Actions, .ci/run) or CI=1: every tool must be present."""
    return environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


_found: dict[str, list[str]] = {}


def missing(marker: str) -> list[str]:
    """What marker's tests need that is not installed here (checked once per session)."""
    if marker not in _found:
        _found[marker] = TOOLS[marker].missing()
    return _found[marker]


def reason(marker: str, absent: list[str]) -> str:
    tool = TOOLS[marker]
    return (f"needs {', '.join(absent)} (this test {tool.what}); install: {tool.install}")
