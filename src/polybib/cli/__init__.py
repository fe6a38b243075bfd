"""The ``polybib`` command: argument parsing and exit codes, nothing else.

Each subcommand lives in its own module under ``polybib.cli`` with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``; a row in ``COMMANDS`` (command,
module, one-line summary) is all it takes to join.  Only the module of the command being
run is imported: importing every command (the render engine among them) was 40 % of a
one-entry ``polybib lint``.  The others appear in ``polybib --help`` from their row
alone; a test checks each summary against the module's own.  Library code never prints or exits: it returns data or raises
:class:`polybib.errors.PolybibError`, which this module turns into a message and an exit
code.

Exit codes: 0 success; 1 the job ran but found problems (unreadable blocks, findings,
dead links); 2 usage, configuration, input or output error; 3 internal error (a bug in
polybib: an unexpected exception, reported in one line with a request to report it);
130 interrupted.  Every error is one line on stderr, ``polybib: FILE:LINE: message``.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import warnings

from ..errors import INTERNAL_EXIT, PolybibError, PolybibWarning
from ..printable import safe_line

#: (command, module under polybib.cli, the one-line summary its add_parser gives), in the
#: order ``--help`` lists them.  A module may register several commands ("rules", "rule").
COMMANDS: list[tuple[str, str, str]] = [
    ("build", "build", "import, check, lint and render a reference list in one go"),
    ("convert", "convert", "convert between BibTeX/BibLaTeX, CSL-JSON and RIS"),
    ("import", "importcmd", "parse free-text reference lists into BibLaTeX, CSL-JSON or RIS"),
    ("lint", "lint", "check references against rules, with fixes and CI reports"),
    ("rules", "rules", "list the lint rules"),
    ("rule", "rules", "explain one lint rule"),
    ("cite", "cite", "cited, missing and unused keys of a LaTeX paper; cited subset"),
    ("translit", "translit", "romanize Cyrillic references (ISO 9, BGN/PCGN, ALA-LC, …)"),
    ("check", "check", "check URLs and DOIs: dead, moved, soft-404, another work"),
    ("render", "render", "reference lists and citations in a CSL style (GOST, APA, …)"),
    ("batch", "batch", "the pipeline over millions of references, on a Dask cluster"),
    ("review", "review", "review and correct parsed references in the browser"),
    ("train", "train", "rebuild the free-text parser's model from labelled references"),
]

EPILOG = """\
exit codes:
  0  success
  1  the job ran, but found problems (unparseable input blocks, lint findings, dead links)
  2  usage, configuration, input or output error (one line: FILE:LINE: message)
  3  internal error: a bug in polybib (please report it)
  130 interrupted

Run 'polybib COMMAND --help' for the options and examples of each command.
"""


def _command_in(argv: list[str]) -> str | None:
    """The subcommand named in ``argv``: its first word that is not an option (the
    top-level options, ``-h`` and ``--version``, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


class _Subcommands:
    """Registers the commands' parsers: the real one (its module imported) for the
    commands in ``wanted``, a summary-only placeholder for the rest."""

    def __init__(self, sub: argparse._SubParsersAction, wanted: set[str] | None):
        self.sub, self.wanted = sub, wanted
        self.loaded: set[str] = set()

    def add(self, name: str, module: str, summary: str) -> None:
        if self.wanted is not None and name not in self.wanted:
            self.sub.add_parser(name, help=summary, add_help=False)
        elif module not in self.loaded:      # its add_parser registers all of its commands
            self.loaded.add(module)
            importlib.import_module(f"{__name__}.{module}").add_parser(self.sub)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The ``polybib`` parser.  Given ``argv``, only the command it names is loaded in
    full (the others are listed in ``--help`` by their summary); without, every one is."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="polybib",
        description="Bibliographies that mix scripts and languages: convert, parse, "
        "transliterate, check, lint and render references.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"polybib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = None
    if argv is not None:
        command = _command_in(argv)
        # a module registers its commands together: load every command of the named one's
        wanted = {name for name, module, _ in COMMANDS
                  if any(c == command and m == module for c, m, _ in COMMANDS)}
    subcommands = _Subcommands(sub, wanted)
    for name, module, summary in COMMANDS:
        subcommands.add(name, module, summary)
    return parser


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is reported with the usage of the subcommand it
    was given to, not the top-level usage."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        sub = _subparser(parser, getattr(args, "command", None))
        (sub or parser).error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _subparser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return None


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        # run as the program (console script, ``python -m polybib``): the process ends
        # when this returns
        try:
            return _main(sys.argv[1:])
        finally:
            _skip_final_collection()
    return _main(argv)


def _skip_final_collection() -> None:
    """Move every live object out of the collector's reach before the process exits.

    At exit CPython runs a full cyclic collection over everything still alive; after
    rendering a long list that is the style's element tree, the references and the
    render memo (0.05-0.08 s of 1.4 s for 1,000 APA entries, ``benchmarks/bench_render.py``),
    spent finding no garbage worth freeing in a process about to end.  Objects are still
    released and ``atexit`` handlers and buffers run as usual; only callers of
    :func:`main` with ``argv=None`` (the program itself) get this, not code that calls
    ``main([...])`` and lives on."""
    import gc

    gc.freeze()


def _main(argv: list[str]) -> int:
    parser = build_parser(argv)
    args = parse_args(parser, argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", PolybibWarning)
            shown = warnings.showwarning

            def show(message, category, *rest, **kw):
                if issubclass(category, PolybibWarning):
                    print(f"polybib: warning: {safe_line(message)}", file=sys.stderr)
                else:
                    shown(message, category, *rest, **kw)
            warnings.showwarning = show
            return args.run(args)
    except PolybibError as exc:
        print(f"polybib: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("polybib: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if exc.filename is None:
            return _internal_error(exc)
        # the system refused a file (permissions, a full disk): the user's to fix, not a bug
        print(f"polybib: {safe_line(f'{exc.filename}: {exc.strerror or exc}')}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into a message
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """A bug: one line naming the exception and where it was raised, and what to do."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    print(f"polybib: internal error: {safe_line(f'{type(exc).__name__}: {exc}')}{where}; "
          f"this is a bug in polybib, please report it with the command and its input "
          f"(POLYBIB_TRACEBACK=1 shows the traceback)", file=sys.stderr)
    if os.environ.get("POLYBIB_TRACEBACK"):
        traceback.print_exception(exc, file=sys.stderr)
    return INTERNAL_EXIT

