"""Errors are one line with FILE:LINE and exit 2; a bug is an internal error, exit 3;
an unknown option shows its subcommand's usage (#12, #13.12)."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_an_unexpected_exception_is_an_internal_error_with_exit_3(run_cli, monkeypatch, tmp_path):
    import polybib.cli.convert as convert

    def boom(*args, **kwargs):
        raise ValueError("something\nbroke")
    monkeypatch.setattr(convert, "run", boom)
    code, _, err = run_cli("convert", str(tmp_path / "a.bib"))
    assert code == 3
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("polybib: internal error: ValueError: something\\nbroke at ")
    assert "please report it" in lines[0]


def test_internal_error_exit_code_is_documented():
    from polybib.cli import build_parser
    assert "3  internal error" in build_parser().format_help()


def test_an_input_error_is_one_line_with_file_line_and_exit_2(run_cli, tmp_path):
    paper = tmp_path / "p.tex"
    paper.write_text("\\cite{a}\n\\input{sub}\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    code, _, err = run_cli("cite", str(paper), "--bib", "x.bib")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"polybib: {paper.resolve()}:2: ")


def test_error_messages_cannot_span_lines():
    from polybib.errors import InputError
    text = str(InputError("bad value 'a\nb'", file="x.bib", line=3, source_line="  a = {x}", column=3))
    assert text == "x.bib:3: bad value 'a\\nb'"


@pytest.mark.parametrize("command", ["convert", "lint", "render"])
def test_unknown_option_prints_the_subcommands_usage(command):
    proc = subprocess.run([sys.executable, "-m", "polybib", command, "x.bib", "--no-such-option"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert f"usage: polybib {command} " in proc.stderr
    assert f"polybib {command}: error: unrecognized arguments: --no-such-option" in proc.stderr
