"""``polybib rules`` and ``polybib rule CODE``: the lint rules' documentation."""
from __future__ import annotations

import argparse

from ..errors import UsageError
from ..lint import all_rules, find_rule


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="list the lint rules",
                       description="List every lint rule: code, name, severity, fix, summary.",
                       epilog="example:\n  polybib rules\n  polybib rule N001",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(run=run_list)
    q = sub.add_parser("rule", help="explain one lint rule",
                       description="Print what a rule does, why it matters, an example and what "
                                   "to use instead.",
                       epilog="example:\n  polybib rule N001\n  polybib rule page-range-hyphen",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("code", metavar="CODE", help="rule code or name")
    q.set_defaults(run=run_one)


def run_list(args: argparse.Namespace) -> int:
    for r in all_rules():
        fix = f" fix:{r.fix}" if r.fix else ""
        opt = "" if r.default else " (opt-in)"
        print(f"{r.code}  {r.name:28} {r.severity:8}{fix:12}{opt} {r.summary}")
    return 0


def run_one(args: argparse.Namespace) -> int:
    r = find_rule(args.code)
    if r is None:
        raise UsageError(f"no rule {args.code!r} (see 'polybib rules')")
    print(f"{r.code} {r.name} ({r.severity}{', fix: ' + r.fix if r.fix else ''}"
          f"{', opt-in' if not r.default else ''})\n")
    print(r.doc)
    return 0
