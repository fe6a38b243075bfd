"""``[import] to`` and ``[build] formats`` are applied too (the command line first)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "refs" / "seed.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_import_table_sets_the_output_format(project, run_cli):
    (project / "polybib.toml").write_text('[import]\nto = "bibtex"\n', encoding="utf-8")
    code, out, _ = run_cli("import", str(SEED), "-q")
    assert code == 0 and out.decode().lstrip().startswith("@")          # BibLaTeX, not CSL-JSON
    code, out, _ = run_cli("import", str(SEED), "-q", "--to", "ris")
    assert out.decode().startswith("TY  - ")
    code, out, _ = run_cli("import", str(SEED), "-q", "-o", "refs.json")
    assert code == 0 and (project / "refs.json").read_text(encoding="utf-8").lstrip().startswith("[")


def test_an_unknown_import_format_in_the_table_is_an_error(project, run_cli):
    (project / "polybib.toml").write_text('[import]\nto = "docx"\n', encoding="utf-8")
    code, _, err = run_cli("import", str(SEED), "-q")
    assert code == 2 and "polybib.toml" in err and "[import] to:" in err


def test_build_table_formats_chooses_the_bibliography_files(project, run_cli):
    (project / "polybib.toml").write_text('[build]\nstyles = ["apa"]\nformats = ["text", "latex"]\n',
                                          encoding="utf-8")
    code, _, err = run_cli("build", str(SEED), "-o", "out", "--offline", "-q")
    assert code == 0, err
    written = sorted(p.name for p in (project / "out").glob("bibliography-*"))
    assert written == ["bibliography-apa.tex", "bibliography-apa.txt"]
    code, _, _ = run_cli("build", str(SEED), "-o", "out2", "--offline", "-q", "--formats", "html")
    assert sorted(p.name for p in (project / "out2").glob("bibliography-*")) == ["bibliography-apa.html"]


def test_an_unknown_build_format_is_an_error(project, run_cli):
    (project / "polybib.toml").write_text('[build]\nformats = ["pdf"]\n', encoding="utf-8")
    code, _, err = run_cli("build", str(SEED), "-o", "out", "--offline", "-q")
    assert code == 2 and "[build] formats: unknown bibliography format 'pdf'" in err
