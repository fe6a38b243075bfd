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
    # "²1" is no number to citeproc-js: no range, the hyphen as typed, one page
    assert "Smith, J. (2020b). ². J, ²1-2." in out.decode()
    code, out, err = run_cli("render", str(path), "--style", "mla")
    assert code == 0, err
    text = out.decode()
    assert "p. ²1-2." in text and "pp. 321–28." in text     # real ranges still abbreviated


def test_sort_keys_and_page_ranges_take_only_decimal_digits():
    from polybib.render.fixes import page_last
    from polybib.render.sorting import sort_key_for
    assert sort_key_for("²")[0] == 1 and sort_key_for("12") == (0, 12)
    assert page_last("²1", "2", "minimal") == "2"
    assert page_last("321", "28", "minimal") == "8"


def test_a_date_range_within_one_year_renders_in_every_style(run_cli, tmp_path):
    """A style's own cs:date reached through a macro called by cs:text crashed on a range
    (citeproc-py joined with the cs:text); in APA the shared year was dropped too."""
    path = tmp_path / "range.bib"
    path.write_text("@article{r, author={Иванов, И. И.}, title={Статья}, journaltitle={Журнал}, "
                    "date={2020-01/2020-03}, langid={russian}}\n", encoding="utf-8")
    for style in ("references", "gost-2018", "apa", "ieee"):
        code, out, err = run_cli("render", str(path), "--style", style)
        assert code == 0, (style, err)
        assert "Статья" in out.decode() or "Stat" in out.decode()
    code, out, _ = run_cli("render", str(path), "--style", "apa")
    assert out.decode().strip() == "Иванов, И. И. (2020). Статья. Журнал."
