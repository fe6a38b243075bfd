"""``polybib train``: rebuild the free-text parser's CRF model from labelled references."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError

EXAMPLES = """\
examples:
  polybib train                                  rebuild the shipped model (same bytes every time)
  polybib train my-corrected.jsonl -o my.crfsuite
                                                 … adapted to your own corrected references
  polybib import refs.txt --model my.crfsuite    parse with it

LABELLED files are JSONL, one {"text": REFERENCE, "gold": CSL-JSON item} per line (the shape
of parse-dev.jsonl and of what the review app exports), or AnyStyle-style XML.  The
project's own sets (the dev set, AnyStyle's core.xml, the labelled work set) and synthetic
references rendered through polybib's styles are always included unless --only-given; files
whose name says "heldout" are refused (they are for measuring).

exit codes: 0 trained; 2 usage or input error (a missing or malformed file: FILE:LINE).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="rebuild the free-text parser's model from labelled references",
                       description="Train the CRF sequence labeller that parses free-text references.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("labelled", nargs="*", metavar="LABELLED", help="labelled references (JSONL or XML)")
    p.add_argument("-o", "--output", metavar="MODEL", help="where to write the model "
                   "(default: the shipped model, polybib/data/refparse.crfsuite)")
    p.add_argument("--synthetic", type=int, default=None, metavar="N",
                   help="synthetic references to add (default: the shipped model's count)")
    p.add_argument("--only-given", action="store_true", help="train on the given files (and synthetic) only")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..training.train import train_model
    for path in args.labelled:
        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
    try:
        report = train_model(args.labelled, args.output, synthetic_count=args.synthetic,
                             shipped_sets=not args.only_given)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    if not args.quiet:
        print(f"trained on {report.sequences} references ({report.tokens} tokens) in {report.seconds:.1f} s; "
              f"model {report.size / 1e6:.2f} MB", file=sys.stderr)
    return 0
