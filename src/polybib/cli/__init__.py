"""The ``polybib`` command: argument parsing and exit codes, nothing else.

Each subcommand lives in its own module under ``polybib.cli`` with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``; listing the module in ``COMMANDS``
is all it takes to join.  Library code never prints or exits: it returns data or raises
:class:`polybib.errors.PolybibError`, which this module turns into a message and an exit
code.

Exit codes: 0 success; 1 the job ran but found problems (unreadable blocks, findings,
dead links); 2 usage, configuration or input error; 130 interrupted.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import PolybibError

#: Commands whose module name differs from the command ("import" is a Python keyword).
MODULES = {"import": "importcmd"}
COMMANDS = ["build", "convert", "import", "lint", "rules", "cite", "translit", "check", "render"]

EPILOG = """\
exit codes:
  0  success
  1  the job ran, but found problems (unparseable input blocks, lint findings, dead links)
  2  usage, configuration or input error
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except PolybibError as exc:
        print(f"polybib: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("polybib: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
