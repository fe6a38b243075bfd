"""Reference lists and citations in CSL styles, faithfully, fast, in any script.

The pieces, one small module per job:

- :mod:`.styles` — style names, aliases (``styles/aliases.toml``), the project's styles;
- :mod:`.engine` — the citeproc-py adapter: compiled styles and locales cached;
- :mod:`.fixes` — where citeproc-py departs from the CSL specification, the corrections;
- :mod:`.casing`, :mod:`.sorting` — text case and alphabetical order done per language;
- :mod:`.multilingual` — per-record script, terms, translation, ``(In Russ.)``;
- :mod:`.output` — text, HTML, Markdown, LaTeX ``thebibliography``, RTF;
- :mod:`.citations` — citation markers in Markdown, text and LaTeX documents;
- :mod:`.api` — :func:`render`, :func:`render_items`.

Quick use::

    from polybib import formats, render
    lib = formats.read("refs.bib")
    print(render.render(lib, "gost", format="text").text())
    render.render(lib, "references", script="translit+translation", scheme="bgn-pcgn")
"""
from __future__ import annotations

from .api import Rendered, render, render_items
from .engine import Entry, Processor
from .styles import StyleInfo, list_styles, resolve

#: Imported when first asked for (``render.citations``, ``render_document``): a reference
#: list never needs the document machinery, and its regular expressions cost start-up time.
_LAZY = {"citations": None, "render_document": "render_document", "RenderedDocument": "RenderedDocument"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    citations = importlib.import_module(f"{__name__}.citations")   # sets the attribute: asked once
    return citations if _LAZY[name] is None else getattr(citations, _LAZY[name])


__all__ = ["render", "render_items", "render_document", "Rendered", "RenderedDocument",
           "Entry", "Processor", "StyleInfo", "resolve", "list_styles"]
