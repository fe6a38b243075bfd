"""``[render]`` and ``[translit]`` of polybib.toml / pyproject.toml are applied (the command
line still wins), their values are checked with the file and key named, and an unknown CSL
locale is an error instead of a silent mix of terms."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

BIB = """@article{gazul2011biznes,
  author = {Газуль, С. М.},
  title = {Бизнес и облака},
  journaltitle = {Информационные технологии в бизнесе},
  date = {2011}, pages = {134--135}, langid = {russian},
}
@article{li2007national,
  author = {Li, Lifan},
  title = {National energy security},
  journaltitle = {Central Asia and the Caucasus},
  date = {2007}, number = {1}, pages = {110--120}, langid = {english},
}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return tmp_path


def _config(folder: Path, text: str, name: str = "polybib.toml") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_render_table_sets_style_format_script_and_scheme(project, run_cli):
    plain = run_cli("render", "refs.bib")[1].decode()
    _config(project, '[render]\nstyle = "gost"\nformat = "html"\nscript = "translit"\nscheme = "iso9"\n')
    code, out, err = run_cli("render", "refs.bib")
    text = out.decode()
    assert code == 0, err
    assert text != plain
    assert "<" in text and "Gazulʹ" in text and "Biznes i oblaka" in text    # html, romanized with ISO 9
    assert "Газуль" not in text


def test_the_command_line_wins_over_the_table(project, run_cli):
    _config(project, '[render]\nstyle = "gost"\nscript = "translit"\n')
    code, out, _ = run_cli("render", "refs.bib", "--style", "apa", "--script", "original")
    assert code == 0
    assert "Газуль, С. М. (2011)" in out.decode()


def test_render_table_under_tool_polybib_in_pyproject(project, run_cli):
    _config(project, '[project]\nname = "paper"\n[tool.polybib.render]\nstyle = "gost"\n', "pyproject.toml")
    code, out, _ = run_cli("render", "refs.bib")
    assert code == 0 and out.decode().startswith("1. Газуль С. М. Бизнес и облака")


def test_render_table_locale_sets_the_terms(project, run_cli):
    _config(project, '[render]\nstyle = "gost"\nlocale = "en-US"\n')
    text = run_cli("render", "refs.bib")[1].decode()
    assert "P. 134–135" in text and "С. 134" not in text


def test_a_csl_file_in_the_table_is_found_beside_the_configuration(project, run_cli, monkeypatch):
    from polybib.render import styles
    (project / "styles").mkdir()
    (project / "styles" / "mine.csl").write_bytes(Path(styles.resolve("apa").path).read_bytes())
    _config(project, '[render]\nstyle = "styles/mine.csl"\n')
    sub = project / "chapters"
    sub.mkdir()
    monkeypatch.chdir(sub)
    code, out, err = run_cli("render", "../refs.bib")
    assert code == 0, err
    assert "Газуль, С. М. (2011)" in out.decode()


@pytest.mark.parametrize("table, message", [
    ('[render]\nscript = "klingon"\n', "[render] script: unknown script mode 'klingon'"),
    ('[render]\nscheme = "klingon"\n', "[render] scheme: unknown transliteration scheme 'klingon'"),
    ('[render]\nstyle = "no-such-style-anywhere"\n', "[render] style:"),
    ('[render]\nlocale = "xx-YY"\n', "[render] locale: unknown CSL locale 'xx-YY'"),
    ('[render]\nformat = "docx"\n', "[render] format: unknown format 'docx'"),
    ('[render]\nstyle = 3\n', "[render] style must be a string, not 3"),
])
def test_a_bad_render_value_is_a_configuration_error_naming_file_and_key(project, run_cli, table, message):
    _config(project, table)
    code, out, err = run_cli("render", "refs.bib")
    assert code == 2 and out == b""
    assert "polybib.toml" in err and message in err


def test_translit_table_sets_scheme_and_fields(project, run_cli):
    _config(project, '[translit]\nscheme = "iso9"\nfields = ["author"]\n')
    code, out, err = run_cli("translit", "refs.bib", "--to", "bibtex")
    text = out.decode()
    assert code == 0, err
    assert "Gazulʹ" in text               # author romanized with ISO 9 …
    assert "Бизнес и облака" in text      # … and the title left alone (fields = author)
    assert run_cli("translit", "--text", "Щука")[1].decode() == "Ŝuka\n"


def test_translit_command_line_wins(project, run_cli):
    _config(project, '[translit]\nscheme = "iso9"\n')
    assert run_cli("translit", "--text", "Щука", "--scheme", "bgn-pcgn")[1].decode() == "Shchuka\n"


@pytest.mark.parametrize("table, message", [
    ('[translit]\nscheme = "klingon"\n', "[translit] scheme: unknown transliteration scheme"),
    ('[translit]\nscheme = "iso9"\nfields = ["colour"]\n', "[translit] fields:"),
    ('[translit]\nfields = [1, 2]\n', "[translit] fields must be a string or a list of strings"),
])
def test_a_bad_translit_value_is_a_configuration_error(project, run_cli, table, message):
    _config(project, table)
    code, _, err = run_cli("translit", "refs.bib")
    assert code == 2 and "polybib.toml" in err and message in err


@pytest.mark.parametrize("locale", ["xx-YY", "english", "ru_RU"])
def test_an_unknown_locale_on_the_command_line_is_an_error(project, run_cli, locale):
    code, out, err = run_cli("render", "refs.bib", "--style", "gost", "--locale", locale)
    assert code == 2 and out == b""
    assert f"unknown CSL locale {locale!r}" in err


def test_an_unknown_locale_is_an_error_in_the_library_too():
    from polybib import read
    from polybib.errors import UsageError
    from polybib.render import render
    refs = read(BIB.encode(), "bibtex")
    with pytest.raises(UsageError, match="unknown CSL locale 'xx-YY'"):
        render(refs, "apa", locale="xx-YY")


@pytest.mark.parametrize("locale", ["ru-RU", "ru", "en-GB", "de-AT"])
def test_known_locales_and_bare_languages_are_accepted(project, run_cli, locale):
    code, out, err = run_cli("render", "refs.bib", "--style", "gost", "--locale", locale)
    assert code == 0, err
    assert out


def test_an_unknown_locale_in_build_is_an_error(project, run_cli):
    code, _, err = run_cli("build", "refs.bib", "-o", "out", "--offline", "-q", "--locale", "xx-YY")
    assert code == 2 and "unknown CSL locale 'xx-YY'" in err
    assert not (project / "out" / "index.html").exists()
