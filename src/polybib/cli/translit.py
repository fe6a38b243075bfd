"""``polybib translit``: romanize reference files or text, list the schemes, make ASCII keys."""
from __future__ import annotations

import argparse
import sys
import textwrap

from .. import formats, translit
from ..errors import UsageError
from ..keys import assign_keys
from ..translit.record import copy_library
from .common import print_diagnostics
from .convert import read_inputs, write_library

EXAMPLES = """\
examples:
  polybib translit refs.bib --scheme bgn-pcgn -o refs-latin.bib
                                   a romanized copy (names, titles, places, publishers)
  polybib translit refs.json --scheme iso9 --add -o refs-multi.json
                                   keep the Cyrillic, add translit.<variable> values
  polybib translit refs.bib --scheme bsi --fields author,title
                                   only these fields (groups: names, titles, places,
                                   publishers, details, extras)
  polybib translit refs.bib --keys -o refs.bib
                                   ASCII citation keys: gazul2011biznes
  polybib translit --text "Матвиенко Ю. Е." --scheme bgn-pcgn      → Matviyenko Yu. Ye.
  polybib translit --text "Знам'янка" --scheme national --lang uk  → Znamianka
  polybib translit --text "Ŝuka" --reverse                          → Щука (ISO 9 back)
  polybib translit --text "Щука" --scheme iso9 --latex              → {\\^{S}}uka
  polybib translit --list          schemes: ids, aliases, standards, languages

Scheme ids are case-insensitive: iso9 (= gost-7.79-a), gost-7.79-b, bgn-pcgn (and
bgn-pcgn-interpunct, with the optional t·s, sh·ch), ala-lc, ala-lc-ascii, bs-2979, bsi,
icao, scientific, national, and iuliia's further Russian schemes (wikipedia, mosmetro,
telegram …; see --list).  Each record's language picks the
table (ru uk be bg sr mk kk; Cyrillic without a language is Russian); Latin text is left
alone.  Places and publishers follow the References convention (Москва → Moscow,
Изд-во → Publ.) with bgn-pcgn, bsi, icao, ala-lc-ascii and national, unless
--no-references; --references turns it on for the others.

exit codes: 0 done; 1 done, but some input had problems (reported on stderr);
2 usage or input error (an unknown scheme lists the known ones).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translit", help="romanize Cyrillic references (ISO 9, BGN/PCGN, ALA-LC, …)",
                       description="Romanize Cyrillic bibliographic data field by field, with the "
                       "scheme a journal, library or catalogue asks for.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="FILE", help="reference files ('-' for standard input)")
    p.add_argument("-s", "--scheme", metavar="NAME",
                   help="scheme id or alias (see --list; default: [translit] scheme)")
    p.add_argument("--text", metavar="TEXT", help="romanize this text and print it")
    p.add_argument("--lang", metavar="LANG",
                   help="language of --text, or of records that name none: ru uk be bg sr mk "
                        "kk (default: from the letters, else Russian)")
    p.add_argument("--list", action="store_true", help="list the schemes and exit")
    p.add_argument("--fields", metavar="F,F…",
                   help="CSL variables or groups to romanize: names, titles, places, publishers, "
                        "details (volume, edition …), extras (biblatex subtitle, editora …); "
                        "default: [translit] fields, else all of them")
    p.add_argument("--add", action="store_true",
                   help="keep the original script; add romanized values as translit.<variable>")
    p.add_argument("--references", action=argparse.BooleanOptionalAction, default=None,
                   help="English place names and 'Publ.' (default: as the scheme says)")
    p.add_argument("--keys", action="store_true", help="replace citation keys by ASCII keys")
    p.add_argument("--reverse", action="store_true", help="with --text: ISO 9 Latin back to Cyrillic")
    p.add_argument("--latex", action="store_true", help="with --text: print ASCII LaTeX (classic BibTeX)")
    p.add_argument("-o", "--output", default="-", metavar="OUT",
                   help="output file (default: standard output); written atomically")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format (default: by extension)")
    p.add_argument("--to", dest="to_format", metavar="FORMAT",
                   help="output format (default: by OUT's extension, else the input's format)")
    p.add_argument("--config", metavar="FILE",
                   help="configuration file (default: the nearest polybib.toml or pyproject.toml)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings")
    p.set_defaults(run=run)


def apply_config(args: argparse.Namespace) -> None:
    """``--scheme`` and ``--fields`` not given: take them from ``[translit]`` of the
    configuration (an unknown scheme or field there is an error naming the file and key)."""
    from ..config import load_config

    config = load_config(args.config)
    if args.scheme is None:
        args.scheme = config.setting("translit", "scheme", translit.get_scheme)
    if args.fields is None:
        fields = config.setting("translit", "fields", translit.resolve_fields)
        args.fields = ",".join(fields) if isinstance(fields, list) else fields


def run(args: argparse.Namespace) -> int:
    from .. import progress

    with progress.shown(args.quiet):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.list:
        sys.stdout.write(list_schemes())
        return 0
    apply_config(args)
    if args.text is not None:
        if args.inputs:
            raise UsageError("give either FILE arguments or --text, not both")
        return _run_text(args)
    if not args.inputs:
        raise UsageError("nothing to do: give FILE arguments, --text TEXT or --list")
    if not args.scheme and not args.keys:
        raise UsageError("--scheme NAME is required (see polybib translit --list)")
    from ..gcpause import gc_paused

    # reading, romanizing and writing a file make millions of objects and hardly a cycle:
    # the cyclic collector would rescan them again and again (see gcpause)
    with gc_paused():
        return _run_files(args)


def _run_text(args: argparse.Namespace) -> int:
    if args.reverse:
        out = translit.iso9_to_cyrillic(args.text)
    else:
        if not args.scheme:
            raise UsageError("--scheme NAME is required (see polybib translit --list)")
        out = translit.transliterate(args.text, args.scheme, args.lang)
    if args.latex:
        out = translit.to_latex_ascii(out)
    sys.stdout.write(out + "\n")
    return 0


def _run_files(args: argparse.Namespace) -> int:
    scheme = translit.get_scheme(args.scheme) if args.scheme else None   # fail before reading
    fields = translit.resolve_fields(args.fields) if args.fields else None
    target = _output_format(args)
    library = read_inputs(args.inputs, args.from_format)
    result = library
    # .bib output: plain entries are romanized field by field, not through their records
    # (translit.bibentries); what they become goes to the writer, by entry
    rewrites = {} if target == "bibtex" and not args.keys and not args.add else None
    if scheme is not None:
        # --keys makes the keys from the records as read, so it needs them kept apart
        result = translit.romanize_library(library, scheme, mode="add" if args.add else "replace",
                                           in_place=not args.keys, fields=fields,
                                           keep_originals=target == "bibtex",
                                           bib_rewrites=rewrites,
                                           references=args.references, language=args.lang)
    if args.keys:
        if result is library:
            result = copy_library(library)
        # keys come from the records as read, as `import` makes them: a key is romanized
        # with its own table, not with the scheme chosen for the fields
        for ref, key in zip(result.references, assign_keys(library.references)):
            ref.id = key
    if args.add and target == "bibtex" and not args.quiet:
        print("polybib: warning: BibTeX has no field for romanized values; the translit.* "
              "values are not written (write CSL-JSON, or drop --add for a romanized copy)",
              file=sys.stderr)
    if rewrites:
        from ..fileio import open_output
        from ..formats.bibtex.writer import stream_library

        with open_output(args.output) as handle:
            stream_library(result, handle, rewrites=rewrites)
    else:
        write_library(args.output, result, target)
    print_diagnostics(result.diagnostics, quiet=args.quiet)
    return 1 if result.errors else 0


def _output_format(args: argparse.Namespace) -> str:
    if args.to_format:
        name = formats.get_format(args.to_format).name
    elif args.output != "-":
        name = formats.format_for_path(args.output).name
    elif args.from_format:
        name = formats.get_format(args.from_format).name
    else:
        first = next((p for p in args.inputs if p != "-"), None)
        name = formats.format_for_path(first).name if first else "csljson"
    if not formats.get_format(name).can_write:
        raise UsageError(f"polybib cannot write {name}")
    return name


def list_schemes(width: int = 92) -> str:
    """The ``--list`` table: id, standard, languages, aliases; iuliia's extras after."""
    schemes = translit.all_schemes()
    column = max(len(s.id) for s in schemes) + 2
    indent = " " * (column + 2)
    rows = []
    for group, members in (("schemes", translit.main_schemes()),
                           ("further Russian schemes (from iuliia)", [s for s in schemes if s.extra])):
        rows.append(f"{group}:")
        for s in members:
            aliases = ", ".join(a for a in s.aliases if a != s.id)
            flags = [w for w, on in (("ascii", s.ascii), ("reversible", s.reversible),
                                     ("References convention", s.references)) if on]
            details = [f"languages: {' '.join(s.languages)}"]
            if aliases:
                details.append(f"aliases: {aliases}")
            details += flags
            lines = [s.title, "; ".join(details)]
            if s.description and not s.extra:
                lines.append(s.description)
            first = True
            for line in lines:
                for piece in textwrap.wrap(line, width - len(indent)) or [""]:
                    rows.append(f"  {s.id:<{column}}{piece}" if first else indent + piece)
                    first = False
        rows.append("")
    return "\n".join(rows)
