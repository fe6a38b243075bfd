"""``polybib import``: free-text reference lists (and any readable file) into structured data."""
from __future__ import annotations

import argparse

from .. import formats, progress
from ..errors import UsageError
from ..fileio import write_output
from ..keys import ensure_keys
from .common import print_diagnostics
from .convert import read_inputs

EXAMPLES = """\
examples:
  polybib import refs/seed.txt --to csljson              a reference list as CSL-JSON
  polybib import refs/seed.txt -o refs/seed.bib          … as BibLaTeX (format by extension)
  polybib import thesis-refs.docx -o refs.ris            a .docx reference list as RIS
  pbpaste | polybib import - --to bibtex                  from standard input
  polybib import refs.txt --model my.crfsuite            with a model from polybib train

The list may be numbered (1. [1] 1)), bulleted, one reference per line, or paragraphs
separated by blank lines; wrapped lines are joined and hyphenation undone.  GOST 7.1-2003,
7.0.5-2008 and 7.0.100-2018 records, romanized "References" and the usual English styles
(APA, Vancouver, IEEE, Chicago, Harvard, MLA) are read.  With one reference per input line,
the output has exactly one record per line, in order.  Text no field claims is kept in the
record's note and reported; low-confidence records are reported on stderr (FILE:LINE: warning)
and flagged in the output (custom "polybib.low-confidence" in CSL-JSON); fields the model is
unsure of are listed in custom "polybib.low-confidence-fields" and reported the same way.

exit codes: 0 imported (warnings included); 1 imported, but some reference could not be
parsed at all (no letters or digits: kept in note, reported as an error); 2 usage or input
error (unreadable file, unknown format, a .docx with a DOCTYPE).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="parse free-text reference lists into BibLaTeX, CSL-JSON or RIS",
                       description="Parse reference lists (text, Markdown, .docx) into structured records.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="FILE", help="reference lists ('-' for standard input)")
    p.add_argument("--from", dest="from_format", default=None, metavar="FORMAT",
                   help="input format (default: text, or by extension for .bib/.json/.ris)")
    p.add_argument("--to", dest="to_format", metavar="FORMAT", help="bibtex, csljson or ris "
                   "(default: by the output's extension, else [import] to, else csljson)")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("-q", "--quiet", action="store_true", help="report errors only")
    p.add_argument("--model", metavar="MODEL", help="parse with this CRF model (from polybib train) "
                   "instead of the shipped one")
    p.set_defaults(run=run)


def _configured_format(args: argparse.Namespace) -> str:
    """No --to: the output's extension, else ``[import] to`` of the configuration, else CSL-JSON."""
    from ..config import load_config

    configured = load_config().setting("import", "to", formats.get_format)
    if args.output != "-":
        try:
            return formats.format_for_path(args.output).name
        except UsageError:
            if not configured:
                raise
    return formats.get_format(configured).name if configured else "csljson"


def run(args: argparse.Namespace) -> int:
    with progress.shown(args.quiet):        # a bar for long lists, on a terminal only
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if getattr(args, "model", None):
        from pathlib import Path
        from ..refparse import labeller
        if not Path(args.model).is_file():
            raise UsageError(f"{args.model}: no such model")
        labeller.use_model(args.model)
    from_format = args.from_format
    if from_format is None and all(p == "-" or formats.format_for_path(p, "text").name == "text"
                                   for p in args.inputs):
        from_format = "text"
    library = read_inputs(args.inputs, from_format)
    ensure_keys(library)
    target = args.to_format or _configured_format(args)
    if not formats.get_format(target).can_write:
        raise UsageError(f"cannot write {target}: use --to bibtex, csljson or ris")
    write_output(args.output, formats.write(library, target))
    print_diagnostics(library.diagnostics, quiet=args.quiet)
    return 1 if library.errors else 0
