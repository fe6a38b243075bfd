"""Fuzz: rendering never takes a list down, and the command line never shows a traceback.

Every record renders as an entry in every style and output format, with no literal
``None``; a crash in a command is an internal error with its own exit code, never the
code for findings.
"""
from __future__ import annotations

import json

from hypothesis import given, strategies as st

import polybib
from polybib.render import render

from .budget import fuzz
from .hostile import csl_item, hostile_text, render_ris, ris_record

STYLES = ["apa", "gost-r-7-0-5-2008-numeric", "gost-r-7-0-5-2008", "gost-r-7-0-100-2018", "ieee",
          "chicago-author-date", "harvard-cite-them-right", "modern-language-association",
          "nlm-citation-sequence", "references-romanized"]


@fuzz(0.25)
@given(st.lists(csl_item(), min_size=1, max_size=3), st.sampled_from(STYLES),
       st.sampled_from(["text", "html", "latex", "markdown"]))
def test_every_record_renders_in_every_style(items, style, fmt):
    lib = polybib.read(json.dumps(items).encode(), "csljson")
    rendered = render(lib, style, format=fmt)
    assert len(rendered.entries) == len(lib)
    text = rendered.text()
    assert "None" not in text or "None" in json.dumps(items), text


@fuzz(0.25)
@given(st.sampled_from(["json", "ris", "txt", "bib"]), st.lists(csl_item(), min_size=1, max_size=3),
       st.lists(ris_record(), min_size=1, max_size=3), hostile_text,
       st.sampled_from([["convert", "--to", "bibtex"], ["convert", "--to", "ris"], ["lint"],
                        ["render", "--style", "apa"], ["translit", "--scheme", "bgn-pcgn"], ["import"]]))
def test_commands_exit_with_a_documented_code(tmp_path_factory, kind, items, records, text, command):
    folder = tmp_path_factory.mktemp("cli")
    path = folder / f"in.{kind}"
    body = {"json": json.dumps(items), "ris": render_ris(records), "txt": text,
            "bib": "@article{k, title = {" + text + "}}\n"}[kind]
    path.write_bytes(body.encode("utf-8", "surrogatepass"))
    from polybib.cli import main
    args = [command[0], str(path), *command[1:]]
    if command[0] in ("convert", "translit", "render", "import"):
        args += ["-o", str(folder / "out")]
    code = main(args)
    assert code in (0, 1, 2), code
