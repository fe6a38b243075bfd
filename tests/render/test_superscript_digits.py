"""Superscript digits are not numbers: rendering ``title = {²}`` in APA and pages
``²1--2`` in MLA used to crash in int() (#12)."""
from __future__ import annotations

BIB = ("@article{a,\n  author = {Smith, John},\n  title = {²},\n  journaltitle = {J},\n"
       "  date = {2020},\n  pages = {²1--2},\n  langid = {english},\n}\n"
       "@article{b,\n  author = {Smith, John},\n  title = {10},\n  journaltitle = {J},\n"
       "  date = {2020},\n  pages = {321--28},\n  langid = {english},\n}\n")


def test_apa_and_mla_render_superscript_digits_as_text(run_cli, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    code, out, err = run_cli("render", str(path), "--style", "apa")
    assert code == 0, err
    assert "Smith, J. (2020b). ². J, ²1–2." in out.decode()
    code, out, err = run_cli("render", str(path), "--style", "mla")
    assert code == 0, err
    text = out.decode()
    assert "pp. ²1–2." in text and "pp. 321–28." in text     # real ranges still abbreviated


def test_sort_keys_and_page_ranges_take_only_decimal_digits():
    from polybib.render.fixes import page_last
    from polybib.render.sorting import sort_key_for
    assert sort_key_for("²")[0] == 1 and sort_key_for("12") == (0, 12)
    assert page_last("²1", "2", "minimal") == "2"
    assert page_last("321", "28", "minimal") == "8"
