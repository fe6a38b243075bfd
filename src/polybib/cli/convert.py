"""``polybib convert``: any supported format to any other, through the one model."""
from __future__ import annotations

import argparse

from .. import formats, progress
from ..errors import UsageError
from ..fileio import open_output, write_output
from ..formats._document import unchanged_original
from ..formats.jsonlayout import dumps_indented
from ..formats.bibtex.lazy import EntryReference
from ..model import Library
from .common import print_diagnostics

EXAMPLES = """\
examples:
  polybib convert refs.bib -o refs.json            BibTeX → CSL-JSON (formats by extension)
  polybib convert export.ris -o refs.bib           RIS (eLIBRARY, Scopus, Zotero) → BibLaTeX
  polybib convert a.bib b.json -o all.bib          several inputs into one file
  polybib convert refs.bib --to bibtex --dialect bibtex -o classic.bib
  cat refs.json | polybib convert - --from csljson --to ris

Reading and writing an unchanged .bib gives the same bytes back: comments, @string,
@preamble, field order and blocks that could not be parsed are all kept.

exit codes: 0 converted cleanly; 1 converted, but some input had problems (reported on
stderr as FILE:LINE: message, the blocks kept verbatim); 2 usage or input error.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("convert", help="convert between BibTeX/BibLaTeX, CSL-JSON and RIS",
                       description="Convert reference files between formats without losing data.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="IN", help="input files ('-' for standard input)")
    p.add_argument("-o", "--output", default="-", metavar="OUT",
                   help="output file (default: standard output); written atomically")
    p.add_argument("--from", dest="from_format", metavar="FORMAT",
                   help="input format: bibtex, csljson, ris (default: by extension)")
    p.add_argument("--to", dest="to_format", metavar="FORMAT",
                   help="output format (default: by the output's extension; csljson on stdout)")
    p.add_argument("--dialect", choices=["biblatex", "bibtex"],
                   help="BibTeX output dialect; given, every entry is rewritten in it "
                        "(default: keep read entries as they are, new ones in biblatex)")
    p.add_argument("--ascii", action="store_true",
                   help="BibTeX output in ASCII with LaTeX escapes for accented Latin letters")
    p.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    p.set_defaults(run=run)


def read_inputs(paths: list[str], from_format: str | None) -> Library:
    """Read every input into one Library (the shared first step of several commands)."""
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    library = Library()
    for path in paths:
        if path == "-" and not from_format:
            raise UsageError("reading standard input needs --from FORMAT")
        library.extend(formats.read(path, from_format))
    return library


def output_format(output: str, to_format: str | None) -> str:
    if to_format:
        return formats.get_format(to_format).name
    if output == "-":
        return "csljson"
    return formats.format_for_path(output).name


def run(args: argparse.Namespace) -> int:
    with progress.shown(args.quiet):        # a bar for long conversions, on a terminal only
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    target = output_format(args.output, args.to_format)
    if not formats.get_format(target).can_write:
        raise UsageError(f"polybib cannot write {target}")
    library = read_inputs(args.inputs, args.from_format)
    options = {}
    if target == "bibtex":
        options = {"dialect": args.dialect, "ascii": args.ascii}
    write_library(args.output, library, target, forget=True, **options)
    print_diagnostics(library.diagnostics, quiet=args.quiet)
    return 1 if library.errors else 0


# Writing CSL-JSON or RIS record by record.  A record read from a .bib file is mapped into
# the model when first read and forgotten once written, so a conversion holds the file
# and one record's model at a time, not every record's model, its CSL item or RIS lines
# and the whole output besides (which made a conversion peak at 45 times the input).
# The bytes are exactly those of the format's own ``write``: tests compare the two.

def write_library(output: str, library: Library, target: str, forget: bool = False, **options) -> None:
    """``library`` in format ``target`` to ``output`` (atomically; ``-``: standard output),
    CSL-JSON and RIS record by record.  ``forget``: the caller changed no record and needs
    none after (see :func:`_forget`)."""
    if target in STREAMED and unchanged_original(library, target) is None:
        with open_output(output) as handle:
            STREAMED[target](library, handle, forget)
    elif target == "bibtex":        # entry by entry too (formats.bibtex.writer.stream_library)
        from ..formats.bibtex.writer import stream_library
        with open_output(output) as handle:
            stream_library(library, handle, forget=forget, **options)
    else:
        if target == "bibtex":
            options["forget"] = forget
        write_output(output, formats.write(library, target, **options))


def _forget(ref) -> None:
    """Done with ``ref``: a record mapped from a .bib entry is forgotten (mapped again if
    ever read again); only for records nothing changed."""
    if type(ref) is EntryReference:
        ref.unmap()


def stream_csljson(library: Library, handle, forget: bool = True) -> None:
    """As ``formats.csljson.write``: a JSON array of items indented by 2, then a newline.
    ``forget``: forget each .bib record's model once written (see :func:`_forget`)."""
    from ..formats.csljson import reference_to_item

    if not library.references:
        handle.write(b"[]\n")
        return
    separator = b"[\n  "
    for ref in progress.each(library.references, "writing CSL-JSON"):
        handle.write(separator + dumps_indented(reference_to_item(ref), 1).encode("utf-8"))
        separator = b",\n  "
        if forget:
            _forget(ref)
    handle.write(b"\n]\n")


def stream_ris(library: Library, handle, forget: bool = True, newline: str = "\n") -> None:
    """As ``formats.ris.write``: records separated by a blank line, ending in a newline."""
    from ..formats.ris import record_lines

    separator = b""
    for ref in progress.each(library.references, "writing RIS"):
        handle.write(separator + newline.join(record_lines(ref)).encode("utf-8"))
        separator = (newline * 2).encode()
        if forget:
            _forget(ref)
    if library.references:
        handle.write(newline.encode())


STREAMED = {"csljson": stream_csljson, "ris": stream_ris}
