"""``polybib build``: the whole job, from a raw reference list to everything a paper needs.

    import → keys → transliterate → check links → write data → lint → render → summary

Each stage is a library call of its own module; this one only orders them, names the
output files and reports progress.  Nothing here is specific to one input format.
"""
from __future__ import annotations

import json
from urllib.parse import quote
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import formats
from .fileio import write_atomic
from .keys import ensure_keys
from .model import Diagnostic, Library

DEFAULT_STYLES = ["gost-r-7-0-5-2008-numeric", "apa", "ieee"]
DEFAULT_SCHEME = "bgn-pcgn"

Progress = Callable[[str], None]


#: The bibliography files a build writes per style, by render format.
BIBLIOGRAPHY_FORMATS = ("text", "html", "markdown", "latex")


@dataclass
class BuildOptions:
    styles: list[str] = field(default_factory=lambda: list(DEFAULT_STYLES))
    scheme: str = DEFAULT_SCHEME
    offline: bool = False
    links: bool = True
    locale: str | None = None
    from_format: str | None = None
    #: the bibliography files written per style (render formats)
    formats: list[str] = field(default_factory=lambda: list(BIBLIOGRAPHY_FORMATS))


@dataclass
class BuildResult:
    outdir: Path
    library: Library
    written: list[Path] = field(default_factory=list)
    findings: list = field(default_factory=list)
    link_results: list = field(default_factory=list)
    renderings: dict[str, list[str]] = field(default_factory=dict)   # style → text per record
    diagnostics: list[Diagnostic] = field(default_factory=list)
    romanized: Library | None = None          # the records romanized with ``scheme``
    scheme: str = ""
    inputs: list[str] = field(default_factory=list)


def import_inputs(inputs: list[str], from_format: str | None = None) -> Library:
    """Read every input (free-text lists as well as .bib/.json/.ris) into one Library."""
    library = Library()
    for path in inputs:
        fmt = from_format
        if fmt is None and Path(path).suffix.lower() in (".txt", ".md", ".text", ".docx"):
            fmt = "text"
        library.extend(formats.read(path, fmt))
    return library


def classic_bibtex_library(library: Library, scheme: str) -> Library:
    """The records as pdfLaTeX + classic BibTeX can take them: every field in Latin letters.

    BibTeX reads bytes and pdfLaTeX stops at a Cyrillic letter it has no font for
    (``Unicode character д``), so this copy romanizes every text field, not only the ones
    a romanized bibliography shows: notes, abstracts, keywords and the biblatex fields kept
    in ``extra`` too; a URL with non-ASCII letters is percent-encoded (``\\url`` takes
    ASCII only).  It is written afresh (no source document), so nothing is kept raw.
    """
    from .translit import Romanizer, has_cyrillic, romanize_library
    from .translit.record import DEFAULT_FIELDS, OTHER_TEXT_FIELDS

    romanized = romanize_library(library, scheme, fields=DEFAULT_FIELDS + OTHER_TEXT_FIELDS)
    romanized.documents = []
    romanizer = Romanizer(scheme)
    for ref in romanized:
        for key, value in ref.extra.items():
            if isinstance(value, str) and has_cyrillic(value):
                ref.extra[key] = romanizer.text(value, ref.language)
        for variable in ("URL", "DOI"):
            value = ref.fields.get(variable)
            if isinstance(value, str) and not value.isascii():
                ref.fields[variable] = quote(value, safe=_URL_SAFE)
    return romanized


#: What percent-encoding leaves alone in a URL: its reserved and unreserved ASCII characters.
_URL_SAFE = "".join(chr(c) for c in range(33, 127) if chr(c) not in '"<>\\^`{|}')


class Builder:
    """One build: holds the library and the output folder while the stages run."""

    def __init__(self, inputs: list[str], outdir: str | Path, options: BuildOptions,
                 progress: Progress | None = None):
        self.inputs = inputs
        self.outdir = Path(outdir)
        self.options = options
        self.progress = progress or (lambda message: None)

    def write(self, name: str, data: bytes | str) -> Path:
        # one file in outdir, whatever a style given as a path (``x/../../y.csl``) adds
        name = name.replace("/", "_").replace("\\", "_")
        path = self.outdir / name
        write_atomic(path, data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data)
        self.result.written.append(path)
        return path

    def run(self) -> BuildResult:
        self.outdir.mkdir(parents=True, exist_ok=True)
        self.progress(f"importing {', '.join(self.inputs)}")
        library = import_inputs(self.inputs, self.options.from_format)
        ensure_keys(library)
        self.result = BuildResult(self.outdir, library, diagnostics=list(library.diagnostics),
                                  inputs=list(self.inputs))
        self.write_data(library)
        self.check_links(library)
        self.lint()
        self.render(library)
        self.summary()
        return self.result

    def write_data(self, library: Library) -> None:
        from .translit import romanize_library

        self.progress("writing BibLaTeX, CSL-JSON and RIS")
        self.bib_path = self.write("references.bib", formats.write(library, "bibtex"))
        self.write("references.json", formats.write(library, "csljson"))
        self.write("references.ris", formats.write(library, "ris"))
        self.progress(f"transliterating ({self.options.scheme})")
        romanized = romanize_library(library, self.options.scheme)
        self.result.romanized, self.result.scheme = romanized, self.options.scheme
        self.result.diagnostics.extend(d for d in romanized.diagnostics if d.code == "translit-fallback")
        self.write(f"references-{self.options.scheme}.json", formats.write(romanized, "csljson"))
        classic = classic_bibtex_library(library, self.options.scheme)
        self.write("references-bibtex.bib", formats.write(classic, "bibtex", dialect="bibtex", ascii=True))

    def check_links(self, library: Library) -> None:
        if not self.options.links:
            return
        from .config import load_config
        from .links import check_library
        from .links.options import options_from_config

        options = options_from_config(load_config().table("check"))
        options.offline = options.offline or self.options.offline
        self.progress("checking links" + (" (offline: cache only)" if options.offline else ""))
        results = check_library(library, options)
        self.result.link_results = results
        self.write("links.json", json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2) + "\n")

    def lint(self) -> None:
        from .lint import LintSettings, lint_paths
        from .lint.reporters import render as report
        from .config import load_config

        self.progress("linting")
        settings = LintSettings.from_config(load_config())
        result = lint_paths([str(self.bib_path)], settings)
        self.result.findings = result.findings
        self.write("lint.json", report("json", result))
        self.write("lint.sarif", report("sarif", result))
        self.write("lint.txt", report("human", result))

    def render(self, library: Library) -> None:
        from .render import render
        from .render.output import html_page

        for style in self.options.styles:
            self.progress(f"rendering {style}")
            rendered = render(library, style, format="text", locale=self.options.locale)
            self.result.renderings[style] = {e.id: s for e, s in zip(rendered.entries, rendered.strings("text"))}
            wanted = self.options.formats
            for fmt, ext in (("text", "txt"), ("markdown", "md")):
                if fmt in wanted:
                    self.write(f"bibliography-{style}.{ext}", rendered.text(fmt))
            if "html" in wanted:
                self.write(f"bibliography-{style}.html", html_page(rendered.text("html"), f"Bibliography: {style}"))
            if "latex" in wanted:
                latex = render(library, style, format="latex", locale=self.options.locale)
                self.write(f"bibliography-{style}.tex", latex.text())

    def summary(self) -> None:
        from .summary import summary_pages

        self.progress("writing the summary pages")
        pages = summary_pages(self.result)
        for name, page in pages.items():
            self.write(name, page)
        for old in self.outdir.glob("records-[0-9][0-9][0-9][0-9].html"):
            if old.name not in pages:       # a page of an earlier, longer build: no longer linked
                old.unlink()


def build(inputs: list[str], outdir: str | Path, options: BuildOptions | None = None,
          progress: Progress | None = None) -> BuildResult:
    return Builder(inputs, outdir, options or BuildOptions(), progress).run()
