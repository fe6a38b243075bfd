"""The ``polybib`` command: argument parsing and exit codes, nothing else.

Each subcommand lives in its own module under ``polybib.cli`` with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``; listing the module in ``COMMANDS``
is all it takes to join.  Library code never prints or exits: it returns data or raises
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

#: Commands whose module name differs from the command ("import" is a Python keyword).
MODULES = {"import": "importcmd"}
COMMANDS = ["build", "convert", "import", "lint", "rules", "cite", "translit", "check", "render"]

EPILOG = """\
exit codes:
  0  success
  1  the job ran, but found problems (unparseable input blocks, lint findings, dead links)
  2  usage, configuration, input or output error (one line: FILE:LINE: message)
  3  internal error: a bug in polybib (please report it)
  130 interrupted

Run 'polybib COMMAND --help' for the options and examples of each command.
"""


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{MODULES.get(name, name)}")
        module.add_parser(sub)
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
    parser = build_parser()
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

