"""Control characters from input never reach a terminal or a CI log raw (#12.4)."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from polybib.printable import escape_controls, safe_line

ESC_TITLE = "Esc \x1b[31mred\x1b[0m title"
INJECTED_DOI = "10.1/x\n::error file=x.py,line=1::pwned"


def _bib(tmp_path: Path) -> Path:
    path = tmp_path / "inj.bib"
    path.write_text("@article{b,\n  author = {Smith, John},\n"
                    f"  title = {{{ESC_TITLE}}},\n  journaltitle = {{J\x1b]0;t\x07}},\n"
                    "  date = {20\x1b[31m20},\n  pages = {1-\x1b[31m2},\n  month = {\x1b[31m},\n"
                    f"  doi = {{{INJECTED_DOI}}},\n  volume = {{x\x1b[2J}},\n}}\n",
                    encoding="utf-8")
    return path


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::error file=x.py"), line


def test_escape_controls_shows_them_and_keeps_cyrillic_and_tabs():
    assert escape_controls("Бизнес\x1b[2J\r\n\t\u202eend") == "Бизнес\\x1b[2J\\r\\n\t\\u202eend"
    assert safe_line("::error ::x") == "\\x3a:error ::x"


@pytest.mark.parametrize("fmt", ["human", "concise", "junit"])
def test_lint_reports_for_people_escape_controls(run_cli, tmp_path, fmt):
    code, out, err = run_cli("lint", str(_bib(tmp_path)), "--format", fmt, "--select", "ALL")
    assert code == 1
    text = out.decode("utf-8")
    _no_raw_controls(text)
    assert "\\x1b[" in text          # shown, escaped, not dropped


def test_github_annotations_cannot_be_injected(run_cli, tmp_path):
    code, out, _ = run_cli("lint", str(_bib(tmp_path)), "--format", "github", "--select", "ALL")
    lines = out.decode("utf-8").splitlines()
    assert lines and all(line.startswith(("::error file=", "::warning file=", "::notice file="))
                         for line in lines)
    assert not any("file=x.py" in line.split("::")[1] for line in lines)
    _no_raw_controls("\n".join(lines))


def test_convert_diagnostics_escape_controls(run_cli, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("Smith J. Title // Journal. 2020. Vol. 1. P. 1-2. DOI: 10.1/x\x1b]0;pwned\x07\n",
                      encoding="utf-8")
    code, _, err = run_cli("convert", str(source), "-o", str(tmp_path / "out.json"))
    assert "\\x1b]0;pwned\\x07" in err
    _no_raw_controls(err)


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "latex", "rtf"])
@pytest.mark.parametrize("style", ["apa", "gost-r-7-0-100-2018"])
def test_a_rendered_entry_is_one_line_without_controls(tmp_path, fmt, style):
    """A bibliography printed into a CI log (stdout is a pipe there, not a terminal) or
    written to a file: a DOI's line break is a space, as LaTeX and HTML would set it, so
    it cannot start a ``::error`` line, and an ESC is dropped."""
    bib = _bib(tmp_path)
    piped = subprocess.run([sys.executable, "-m", "polybib", "render", str(bib), "-s", style, "-f", fmt],
                           capture_output=True, text=True, encoding="utf-8")
    assert piped.returncode in (0, 1), piped.stderr
    _no_raw_controls(piped.stdout)
    assert "::error file=x.py" in piped.stdout          # the text is kept, on the entry's line
    out_file = tmp_path / "out.txt"
    subprocess.run([sys.executable, "-m", "polybib", "render", str(bib), "-s", style, "-f", fmt,
                    "-o", str(out_file)], capture_output=True)
    assert out_file.read_text("utf-8") == piped.stdout


def test_render_escapes_on_a_terminal(tmp_path):
    bib = _bib(tmp_path)

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "polybib", "render", str(bib)],
                            stdout=follower, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert "[31mred" in shown
    assert "\x1b" not in shown
