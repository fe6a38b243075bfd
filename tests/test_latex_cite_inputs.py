"""``\\input`` chains: bounded depth, cycles and directories reported at FILE:LINE (#12)."""
from __future__ import annotations

from pathlib import Path

import pytest

from polybib.errors import PolybibError
from polybib.latex_cite import read_paper


def _chain(tmp_path: Path, length: int) -> Path:
    for i in range(length):
        (tmp_path / f"f{i}.tex").write_text(f"\\cite{{k{i}}}\n\\input{{f{i + 1}}}\n", encoding="utf-8")
    (tmp_path / f"f{length}.tex").write_text("\\cite{last}\n", encoding="utf-8")
    return tmp_path / "f0.tex"


def test_a_chain_of_1500_inputs_is_an_error_at_file_line(run_cli, tmp_path):
    paper = _chain(tmp_path, 1500)
    code, _, err = run_cli("cite", str(paper), "--bib", str(tmp_path / "x.bib"))
    assert code == 2
    assert err.count("\n") == 1 and "nested more than" in err
    assert ".tex:2: " in err                      # the line of the \input too deep


def test_a_short_chain_is_followed(tmp_path):
    citations = read_paper(_chain(tmp_path, 20))
    assert citations.keys[:2] == ["k0", "k1"] and citations.keys[-1] == "last"


def test_an_input_cycle_names_the_loop_and_the_line(run_cli, tmp_path):
    (tmp_path / "a.tex").write_text("\\cite{x}\n\n\\input{b}\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\cite{y}\n\\input{a.tex}\n", encoding="utf-8")
    with pytest.raises(PolybibError) as caught:
        read_paper(tmp_path / "a.tex")
    assert caught.value.line == 2 and caught.value.file.endswith("b.tex")
    assert "cycle" in caught.value.message and "a.tex -> " in caught.value.message
    code, _, err = run_cli("cite", str(tmp_path / "a.tex"), "--bib", str(tmp_path / "x.bib"))
    assert code == 2 and f"{(tmp_path / 'b.tex').resolve()}:2: \\input cycle" in err


def test_input_of_a_directory_is_an_error_at_file_line(run_cli, tmp_path):
    (tmp_path / "chapters.tex").mkdir()
    (tmp_path / "sections").mkdir()
    for name in ("chapters", "sections"):
        (tmp_path / "paper.tex").write_text(f"\\cite{{x}}\n\\input{{{name}}}\n", encoding="utf-8")
        code, _, err = run_cli("cite", str(tmp_path / "paper.tex"), "--bib", str(tmp_path / "x.bib"))
        assert code == 2, err
        assert "paper.tex:2: \\input file" in err and "is a directory" in err
        assert err.count("\n") == 1


def test_a_file_input_twice_is_read_once(tmp_path):
    (tmp_path / "a.tex").write_text("\\input{c}\n\\input{b}\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\input{c}\n\\cite{y}\n", encoding="utf-8")
    (tmp_path / "c.tex").write_text("\\cite{z}\n", encoding="utf-8")
    assert read_paper(tmp_path / "a.tex").keys == ["z", "y"]
