"""``polybib build``: a raw reference list in, everything a paper needs out."""
from __future__ import annotations

import argparse
import sys

from .. import progress
from ..config import load_config
from ..errors import UsageError
from ..links.report import network_note
from ..pipeline import BIBLIOGRAPHY_FORMATS, DEFAULT_SCHEME, DEFAULT_STYLES, BuildOptions, build
from .common import print_diagnostics

EXAMPLES = f"""\
examples:
  polybib build refs/seed.txt -o build/
  polybib build refs.bib more.ris -o out/ --styles apa,gost-r-7-0-5-2008-numeric --scheme iso9
  polybib build refs.txt -o out/ --offline          no network: links from the cache only

writes into OUTDIR:
  references.bib             BibLaTeX, UTF-8, langid on every entry (biber)
  references-bibtex.bib      classic BibTeX: romanized, ASCII with LaTeX escapes (.bst styles)
  references.json / .ris     CSL-JSON (Zotero, pandoc) and RIS
  references-SCHEME.json     the records romanized with the scheme
  bibliography-STYLE.txt/.html/.tex/.md   the list rendered in each style (--formats)
  lint.txt / lint.json / lint.sarif       lint findings; links.json: link statuses
  index.html                 the summary (counts, findings, failed links, look-alike repairs,
                             low-confidence fields, reader warnings, every file written),
                             then one card per record: fields, romanized form, repairs,
                             warnings, links, renderings
  records-NNNN.html          the cards of a long build, 250 a page (index.html links them)

defaults: styles {', '.join(DEFAULT_STYLES)}; scheme {DEFAULT_SCHEME}; configure them (and
formats, locale, offline) in [build] of polybib.toml or [tool.polybib.build] of pyproject.toml.
On a terminal each stage shows a progress bar on standard error (none with -q).

exit codes: 0 built; 1 built, but some input could not be read, a lint error was found or
a link failed (as polybib check counts failures; --offline skips links, which is no
failure); 2 usage, configuration or input error.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="import, check, lint and render a reference list in one go",
                       description="Turn reference lists into .bib, CSL-JSON, RIS, rendered "
                                   "bibliographies, lint and link reports and a summary page.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="reference lists or files (.txt, .md, .bib, .json, .ris)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder to write into")
    p.add_argument("--styles", help="comma-separated citation styles")
    p.add_argument("--scheme", help="transliteration scheme for romanized output")
    p.add_argument("--formats", help="comma-separated bibliography files to write per style: "
                                     f"{', '.join(BIBLIOGRAPHY_FORMATS)} (default: all)")
    p.add_argument("--locale", help="locale for rendering (default: the style's)")
    p.add_argument("--offline", action="store_true", help="do not touch the network (links: cache only)")
    p.add_argument("--no-links", action="store_true", help="skip link checking")
    p.add_argument("--from", dest="from_format", help="input format, if not by extension")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, no warnings")
    p.set_defaults(run=run)


def _formats(value: str | list[str]) -> list[str]:
    chosen = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    unknown = [v for v in chosen if v not in BIBLIOGRAPHY_FORMATS]
    if unknown:
        raise UsageError(f"unknown bibliography format {', '.join(map(repr, unknown))}; "
                         f"formats: {', '.join(BIBLIOGRAPHY_FORMATS)}")
    return chosen


def run(args: argparse.Namespace) -> int:
    config = load_config()
    table = config.table("build")
    styles = args.styles.split(",") if args.styles else table.get("styles", DEFAULT_STYLES)
    formats = _formats(args.formats) if args.formats else \
        _formats(config.setting("build", "formats", _formats) or list(BIBLIOGRAPHY_FORMATS))
    options = BuildOptions(
        styles=[s.strip() for s in styles if s.strip()],
        scheme=args.scheme or table.get("scheme", DEFAULT_SCHEME),
        offline=args.offline or bool(table.get("offline", False)),
        links=not args.no_links,
        locale=args.locale or table.get("locale"),
        from_format=args.from_format,
        formats=formats,
    )
    if options.locale:
        from ..render.engine import check_locale
        check_locale(options.locale)          # an unknown locale fails before anything is written
    with progress.shown(args.quiet):       # stage lines and bars on a terminal only
        result = build(args.inputs, args.output, options, lambda message: progress.note(f"polybib: {message}…"))
    print_diagnostics(result.diagnostics, quiet=args.quiet)
    if not args.quiet:
        print(f"polybib: wrote {len(result.written)} files to {result.outdir}/ "
              f"({len(result.library)} records, {len(result.findings)} lint findings); "
              f"open {result.outdir}/index.html", file=sys.stderr)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    lint_errors = [f for f in result.findings if f.severity == "error"]
    note = network_note(result.link_results)
    if note and not args.quiet:
        print(f"polybib: {note}", file=sys.stderr)
    failed_links = [r for r in result.link_results if r.failed]
    if failed_links and not args.quiet:
        print(f"polybib: {len(failed_links)} link(s) failed (dead, soft 404, mismatch, blocked, timeout or "
              f"unreachable): see {result.outdir}/links.json", file=sys.stderr)
    return 1 if errors or lint_errors or failed_links else 0
