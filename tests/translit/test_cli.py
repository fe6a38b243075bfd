"""``polybib translit``: text, files, keys, the scheme list, and errors with exit code 2."""
from __future__ import annotations

import json

import pytest

from .test_record import BIB


def test_text(run_cli):
    code, out, _ = run_cli("translit", "--text", "Матвиенко Ю. Е.", "--scheme", "BGN-PCGN")
    assert code == 0 and out.decode() == "Matviyenko Yu. Ye.\n"


def test_text_with_language(run_cli):
    code, out, _ = run_cli("translit", "--text", "Знам'янка", "--scheme", "national", "--lang", "uk")
    assert out.decode() == "Znamianka\n"


def test_text_reverse_and_latex(run_cli):
    assert run_cli("translit", "--text", "Ŝuka", "--reverse")[1].decode() == "Щука\n"
    assert run_cli("translit", "--text", "Щука", "--scheme", "iso9", "--latex")[1].decode() == \
        "{\\^{S}}uka\n"


def test_unknown_scheme_exits_2_listing_known_ids(run_cli):
    code, out, err = run_cli("translit", "--text", "Щука", "--scheme", "klingon")
    assert code == 2 and out == b""
    assert "unknown transliteration scheme 'klingon'" in err
    assert "iso9" in err and "bgn-pcgn" in err and "national" in err


def test_unknown_language_exits_2(run_cli):
    code, _, err = run_cli("translit", "--text", "Щука", "--scheme", "iso9", "--lang", "xx")
    assert code == 2 and "xx" in err


def test_list(run_cli):
    code, out, _ = run_cli("translit", "--list")
    text = out.decode()
    assert code == 0
    for name in ("iso9", "gost-7.79-a", "gost-7.79-b", "bgn-pcgn", "ala-lc", "ala-lc-ascii",
                 "bs-2979", "bsi", "icao", "scientific", "national", "wikipedia",
                 "ISO 9:1995", "languages: ru uk be bg sr mk kk"):
        assert name in text, name


def test_nothing_to_do_is_a_usage_error(run_cli):
    assert run_cli("translit")[0] == 2
    assert run_cli("translit", "x.bib")[0] == 2          # no --scheme


def test_file_to_romanized_bib(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    out = tmp_path / "latin.bib"
    code, _, err = run_cli("translit", str(src), "--scheme", "bgn-pcgn", "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Gazul’, S. M." in text and "St. Petersburg" in text and "% my refs" in text
    assert src.read_text(encoding="utf-8") == BIB


def test_file_to_stdout_keeps_the_input_format(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code, out, _ = run_cli("translit", str(src), "--scheme", "iso9", "--fields", "title")
    assert code == 0
    assert "title     = {Biznes i oblaka}," in out.decode()
    assert "Газуль" in out.decode()


def test_unknown_field_exits_2(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code, _, err = run_cli("translit", str(src), "--scheme", "iso9", "--fields", "bogus")
    assert code == 2 and "bogus" in err


def test_keys(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code, out, _ = run_cli("translit", str(src), "--keys")
    text = out.decode()
    assert code == 0
    assert "@book{gazul2011biznes," in text and "@article{smith2001nasa," in text


def test_add_to_bibtex_warns_that_bibtex_cannot_hold_it(run_cli, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code, _, err = run_cli("translit", str(src), "--scheme", "bsi", "--add")
    assert code == 0 and "BibTeX has no field for romanized values" in err


def test_csljson_output_when_the_writer_is_there(run_cli, tmp_path):
    pytest.importorskip("polybib.formats.csljson")
    src = tmp_path / "refs.bib"
    src.write_text(BIB, encoding="utf-8")
    code, out, err = run_cli("translit", str(src), "--scheme", "bgn-pcgn", "--to", "csljson")
    assert code == 0, err
    items = json.loads(out)
    assert items[0]["author"][0]["family"] == "Gazul’"
