"""``polybib lint``: the rules over .bib files (and any readable reference file), for CI."""
from __future__ import annotations

import argparse
import os
import stat
import sys

from .. import progress
from ..config import load_config
from ..errors import UsageError
from ..fileio import open_output, write_pieces
from ..lint import LintSettings, all_rules, lint_paths
from ..lint.findings import SEVERITIES, severity_rank
from ..lint.reporters import REPORTERS, pieces
from ..lint.reporters.human import summary
from ..printable import safe_line

EXAMPLES = """\
examples:
  polybib lint refs.bib                          findings with the source line and a caret
  polybib lint refs.bib --fix                    apply safe fixes (atomic, only the spans fixed;
                                                 encoding, mode, owner and symlinks kept;
                                                 hard-linked files are left alone, and said so)
  polybib lint refs.bib --diff                   show what --fix would change
  polybib lint refs.bib --select V,N --ignore V009
  polybib lint refs.bib --format sarif -o polybib.sarif     for GitHub code scanning
  polybib lint refs.bib --format github          annotations in a GitHub Actions log
  polybib lint refs.bib --links                  also check URLs and DOIs (cached)
  polybib lint -q refs.bib                       findings only (nothing at all when clean)

configuration: [tool.polybib.lint] in pyproject.toml or [lint] in polybib.toml:
  select = ["S", "V", "L", "N", "T", "D"]   ignore = ["V009"]   fail-on = "warning"
  per-file-ignores = {"legacy/*.bib" = ["T001"]}   severity = {V003 = "error"}
  required-fields = {online = ["title", "url", "urldate"]}   links = false
suppress for one entry with a comment on the line(s) right above it:
  % polybib: noqa V003, N001

exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on;
2 usage, configuration or input error.  Run 'polybib rules' for every rule.
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lint", help="check references against rules, with fixes and CI reports",
                       description="Lint .bib files and reference lists: rules with codes, "
                                   "safe fixes, machine-readable reports.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="FILE", help="files to lint (.bib, .json, .ris, .txt)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="input format, if not by extension")
    p.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes to skip")
    p.add_argument("--extend-select", metavar="CODES", help="add rules to the configured selection")
    p.add_argument("--format", dest="output_format", choices=sorted(set(REPORTERS)),
                   help="report format (default: human on a terminal and in CI)")
    p.add_argument("-o", "--output", default="-", help="write the report to a file (atomically)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the changes --fix would make; change nothing")
    p.add_argument("--fail-on", choices=list(SEVERITIES) + ["never"],
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--links", action="store_true", help="also run the link rules (K): checks URLs and DOIs")
    p.add_argument("--offline", action="store_true", help="with --links: use cached link results only")
    p.add_argument("--config", metavar="PATH", help="configuration file (default: nearest polybib.toml "
                                                    "or pyproject.toml with [tool.polybib])")
    p.add_argument("--no-color", action="store_true", help="no colours (also: NO_COLOR=1)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print the findings only: no progress bar, no summary, no 'All clear', "
                   "no count of fixes")
    p.set_defaults(run=run)


def _split(value: str | None) -> list[str]:
    return [v.strip().upper() for v in (value or "").split(",") if v.strip()]


def settings_from(args: argparse.Namespace) -> LintSettings:
    settings = LintSettings.from_config(load_config(args.config))
    if args.select:
        settings.select = _split(args.select)
    if args.ignore:
        settings.ignore += _split(args.ignore)
    if args.extend_select:
        settings.extend_select += _split(args.extend_select)
    if args.fail_on:
        settings.fail_on = args.fail_on
    if args.links:
        settings.links = True
    every = {r.code for r in all_rules()}
    for code in settings.select + settings.ignore + settings.extend_select:
        if code != "ALL" and not any(c.startswith(code) for c in every):
            raise UsageError(f"no rule code starts with '{code}' (see 'polybib rules')")
    return settings


def _link_results(args, settings: LintSettings) -> list:
    if not settings.links:
        return []
    from ..links import check_paths  # the link checker, with its cache
    return check_paths(args.inputs, offline=args.offline, from_format=args.from_format)


def _without_summary(report: str, result) -> str:
    """The human report without its closing summary line (``-q``); machine formats have none."""
    tail = summary(result) + "\n"
    if not report.endswith(tail):
        return report
    return report[:-len(tail)].rstrip("\n") + "\n" if result.findings else ""


def _without_summary_pieces(parts, result):
    """:func:`_without_summary` of the report given in pieces (only the last two are
    held back: the summary is the last)."""
    held: list[str] = []
    for piece in parts:
        held.append(piece)
        if len(held) > 2:
            yield held.pop(0)
    text = "".join(held)
    tail = summary(result) + "\n"
    if not text.endswith(tail):
        yield text
    elif result.findings:
        yield text[:-len(tail)].rstrip("\n") + "\n"


def run(args: argparse.Namespace) -> int:
    with progress.shown(args.quiet):
        return _run(args)


def _refuse_unfixable(paths: list[str]) -> None:
    """--fix writes each file back and reads it again: standard input was written to a
    file named '-', and a named pipe hung the second read for ever (#12)."""
    for path in paths:
        if path == "-":
            raise UsageError("--fix cannot write back to standard input; use --diff, or give the file")
        try:
            mode = os.stat(path).st_mode
        except OSError:
            continue                        # reported by the reader, as without --fix
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise UsageError("--fix needs a regular file, not a pipe or a device; use --diff", file=path)


def _run(args: argparse.Namespace) -> int:
    if args.fix:
        _refuse_unfixable(args.inputs)
    settings = settings_from(args)
    links = _link_results(args, settings)
    result = lint_paths(args.inputs, settings, args.from_format, links)
    if args.fix or args.diff:
        from ..lint.fixer import fix_files, write_fixes     # (only then: start-up, issue 18.4)
        outcomes = fix_files(result, settings, unsafe=args.unsafe_fixes)
        for outcome in outcomes:
            for finding, why in outcome.refused:
                print(safe_line(f"polybib: {finding.file}:{finding.line}: {finding.code} fix not "
                                f"applied: {why}"), file=sys.stderr)
        changed = [o for o in outcomes if o.fixed != o.original]
        if args.diff:
            sys.stdout.write("".join(o.diff() for o in changed))
            return 1 if changed else 0
        skipped = write_fixes(changed, result)
        for path, why in skipped:
            print(safe_line(f"polybib: {path}: {why}"), file=sys.stderr)
        written = [o for o in changed if o.path not in {p for p, _ in skipped}]
        fixed = sum(len(o.applied) for o in written)
        if fixed and not args.quiet:
            print(f"polybib: fixed {fixed} finding(s) in {len(written)} file(s)", file=sys.stderr)
        result = lint_paths(args.inputs, settings, args.from_format, links)
    fmt = args.output_format or "human"
    color = (fmt == "human" and args.output == "-" and sys.stdout.isatty()
             and not os.environ.get("NO_COLOR") and not args.no_color)
    parts = pieces(fmt, result, color=color)
    if args.quiet:
        parts = _without_summary_pieces(parts, result)
    with open_output(args.output) as handle:    # written as made: never whole (issue 12)
        write_pieces(handle, parts)
    if settings.fail_on == "never":
        return 0
    threshold = severity_rank(settings.fail_on)
    return 1 if any(severity_rank(f.severity) >= threshold for f in result.findings) else 0
