"""``polybib review``: correct parsed references in the browser (a local web app)."""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError

EXAMPLES = """\
examples:
  polybib review                     paste a list or upload a file in the page
  polybib review refs/seed.txt       review a free-text list (work saved beside it as
                                     refs/seed.txt.polybib-review.json)
  polybib review refs.bib --port 8765 --no-browser

A review started on files is saved beside the first one (or, when its folder is not
writable, in the user data folder) and resumed from there next time; delete the
.polybib-review.json file to start afresh from the input.

The page shows each reference's original text coloured by field, its fields (uncertain
ones first), renderings in a chosen style, romanization in a chosen scheme, lint findings
with one-click safe fixes, and link status from the link cache.  Correct a field by
selecting its text and pressing its key (a author, t title, c container …), or edit it.
Export .bib, CSL-JSON, RIS, and the corrections as labelled JSONL for 'polybib train'.

The server listens on 127.0.0.1 only, answers only to its own Host, and needs the
session token the page carries.  Work without input files is saved in
$POLYBIB_REVIEW_DIR (default $XDG_DATA_HOME/polybib/review).  Stop it with Ctrl-C.

exit codes: 0 stopped; 2 usage or input error (a file that cannot be read, a port in use).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="review and correct parsed references in the browser",
                       description="Start a local web app to review parsed references, correct "
                       "them, and export the result and the corrections.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="reference lists to review (.txt .md .docx .bib .json .ris)")
    p.add_argument("--port", type=int, default=0, metavar="N", help="port on 127.0.0.1 (default: a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open the browser")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..review.server import serve
    from ..review.session import ReviewSession

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a port is 0 to 65535")
    session = ReviewSession.open(args.inputs)
    if session.resumed:
        print(f"polybib review: resuming the saved review {session.path} "
              f"(delete it to start afresh from the input)", file=sys.stderr)
    else:
        for message in session.messages:
            print(f"polybib: {message}", file=sys.stderr)
    try:
        serve(session, args.port, open_browser=not args.no_browser,
              announce=lambda url: print(f"polybib review: {url} (Ctrl-C stops; work saved in {session.path})",
                                         file=sys.stderr, flush=True))
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}") from None
    return 0
