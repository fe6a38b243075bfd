"""``polybib cite``: the keys a paper cites, those its .bib lacks, those it never cites."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import formats
from ..errors import UsageError
from ..fileio import write_output
from ..latex_cite import read_paper
from ..model import Library
from ..printable import safe_lines

EXAMPLES = """\
examples:
  polybib cite paper.tex                       cited, missing and unused keys
  polybib cite paper.aux --bib refs.bib        from the .aux file after a LaTeX run
  polybib cite paper.tex --subset -o paper.bib only the cited records, for submission
  polybib cite paper.tex --format json

The .bib files are those the paper names (\\addbibresource, \\bibliography), or --bib.
A key cited in another case than the .bib spells it is a problem, like a missing one:
biber compares keys case-sensitively and will not find it (BibTeX stops with a "case
mismatch" error).  An \\input or \\include whose file does not exist is a problem too: the
keys cited in it cannot be checked.  Records a cited record needs (crossref, xdata)
are kept in the subset.

exit codes: 0 every cited key is in the .bib as cited; 1 some cited key is missing or
differs in case, or an included file is missing; 2 usage or input error.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cite", help="cited, missing and unused keys of a LaTeX paper; cited subset",
                       description="Compare the keys a LaTeX paper cites with its .bib files.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paper", metavar="PAPER", help="the paper's .tex (\\input files followed) or .aux file")
    p.add_argument("--bib", action="append", metavar="FILE", help="bibliography file(s) (default: as the paper names them)")
    p.add_argument("--subset", action="store_true", help="write only the cited records (use with -o)")
    p.add_argument("-o", "--output", default="-", help="where --subset writes (default: standard output)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="report format")
    p.set_defaults(run=run)


def _needed(library: Library, cited: set[str]) -> set[str]:
    """Cited keys plus the crossref/xdata parents they inherit from (lower-cased)."""
    by_key = {r.id.lower(): r for r in library}
    needed = set(cited)
    queue = list(cited)
    while queue:
        ref = by_key.get(queue.pop())
        if ref is None:
            continue
        for name in ("crossref", "xdata"):
            for parent in ref.extra.get("biblatex." + name, "").split(","):
                parent = parent.strip().lower()
                if parent and parent not in needed:
                    needed.add(parent)
                    queue.append(parent)
    return needed


def run(args: argparse.Namespace) -> int:
    citations = read_paper(args.paper)
    bib_paths = [Path(b) for b in args.bib] if args.bib else citations.bib_files
    if not bib_paths:
        raise UsageError("the paper names no bibliography file (\\addbibresource or \\bibliography): "
                         "give --bib FILE")
    library = Library()
    for path in bib_paths:
        library.extend(formats.read(str(path)))
    spelled = {r.id.lower(): r.id for r in library}
    cited_lower = {k.lower() for k in citations.keys}
    missing = [k for k in citations.keys if k.lower() not in spelled]
    case_differs = [(k, spelled[k.lower()]) for k in citations.keys
                    if k.lower() in spelled and spelled[k.lower()] != k]
    unused = [] if citations.all_keys else [r.id for r in library if r.id.lower() not in _needed(library, cited_lower)]
    if args.subset:
        keep = {r.id.lower() for r in library} if citations.all_keys else _needed(library, cited_lower)
        subset = Library([r for r in library if r.id.lower() in keep], [], library.documents)
        write_output(args.output, formats.write(subset, "bibtex"))
    report = {
        "paper": args.paper, "bib": [str(p) for p in bib_paths], "cited": citations.keys,
        "missing": [{"key": k, "file": citations.lines[k][0], "line": citations.lines[k][1]} for k in missing],
        "unused": unused,
        "case_differs": [{"cited": a, "bib": b, "file": citations.lines[a][0], "line": citations.lines[a][1]}
                         for a, b in case_differs],
        "missing_inputs": [{"file": f, "line": line, "name": name} for f, line, name in citations.missing_inputs],
        "nocite_all": citations.all_keys,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n" if args.format == "json" else safe_lines(_text(report))
    if args.subset and args.output == "-":
        import sys
        sys.stderr.write(text)
    else:
        print(text, end="")
    return 1 if missing or case_differs or citations.missing_inputs else 0


def _text(report: dict) -> str:
    lines = [f"{len(report['cited'])} cited key(s) in {report['paper']}; bibliography: {', '.join(report['bib'])}"]
    for m in report["missing"]:
        lines.append(f"{m['file']}:{m['line']}: missing: '{m['key']}' is cited but not in the bibliography")
    for c in report["case_differs"]:
        lines.append(f"{c['file']}:{c['line']}: case: '{c['cited']}' is cited, the bibliography spells it "
                     f"'{c['bib']}': biber will not find it (keys are case-sensitive); cite it as '{c['bib']}'")
    for i in report["missing_inputs"]:
        lines.append(f"{i['file']}:{i['line']}: missing file: '{i['name']}' is included but does not exist; "
                     f"the keys cited in it are not checked")
    if report["unused"]:
        lines.append(f"unused: {len(report['unused'])} record(s) never cited: {', '.join(report['unused'])}")
    if report["nocite_all"]:
        lines.append("\\nocite{*}: every record is cited")
    if not (report["missing"] or report["unused"] or report["case_differs"] or report["missing_inputs"]):
        lines.append("every cited key is in the bibliography, and every record is cited")
    return "\n".join(lines) + "\n"
