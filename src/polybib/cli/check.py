"""``polybib check``: check every URL and DOI of reference files against the web."""
from __future__ import annotations

import argparse
import sys

from ..errors import UsageError
from ..fileio import write_output
from .common import print_diagnostics

EXAMPLES = """\
examples:
  polybib check refs.bib                       text report of every link that is not ok
  polybib check refs.bib --format json -o links.json
  polybib check a.bib b.json --exclude 'jstor\\.org' --exclude '^http://localhost'
  polybib check refs.bib --offline             only what the cache knows (no network)
  polybib check refs.bib --no-content          status codes only: no landing-page reading
  polybib check refs.bib --concurrency 32 --per-host 4 --timeout 10

Each link gets one status:
  ok           alive, and the landing page (or DOI metadata) agrees with the record
  redirected   permanently moved (301/308): the new URL is suggested
  dead         404/410, no such host, unregistered DOI, redirect loop
  soft-404     answers 200 with a "not found" page (English or Russian), or sends you
               to the home page, or the site answers any URL with the same page
  mismatch     the landing page's citation_*/Dublin Core/JSON-LD metadata (or the DOI's)
               describes another work (Cyrillic and transliterated titles both match)
  blocked      401/403/429: a login or bot wall, not evidence that the link is dead
  timeout      no answer in time, after retries
  unreachable  connection refused, server errors, TLS failures
  skipped      not checked: excluded, an unsupported scheme, a private address, offline
               and uncached, or the network is down (checking stops once it is known)

Safety: links and redirects into private, loopback, link-local and other non-public
addresses are refused (skipped) unless --allow-private; only http, https and DOIs are
followed.  Successful answers are cached in .polybib/links.sqlite3 for --max-age;
failures are never cached.  Settings can also live in [check] of polybib.toml or
[tool.polybib.check] of pyproject.toml.

exit codes:
  0  every link is ok, redirected or skipped
  1  some link failed (dead, soft-404, mismatch, blocked, timeout, unreachable; see
     --fail-on), or an input file had unreadable blocks
  2  usage, configuration or input error (unknown format, missing file)
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check URLs and DOIs: dead, moved, soft-404, another work",
                       description="Check every URL and DOI of the references (url, doi, eprint, and "
                                   "URLs in note/howpublished) against the web, and say whether each "
                                   "still leads to the work the record describes.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="FILE", help="reference files ('-' for standard input)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT",
                   help="input format: bibtex, csljson, ris (default: by extension)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="report format (default: text)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="write the report here (default: stdout)")
    p.add_argument("-a", "--all", action="store_true", help="text report: list ok links too")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no input warnings")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest "
                                                    "polybib.toml or pyproject.toml)")
    g = p.add_argument_group("what is checked")
    g.add_argument("--exclude", action="append", metavar="REGEX", default=None,
                   help="skip URLs matching this regular expression (repeatable)")
    g.add_argument("--no-doi", action="store_true", help="do not check DOIs")
    g.add_argument("--no-content", action="store_true",
                   help="status codes only: do not read landing pages (no soft-404 or metadata checks)")
    g.add_argument("--no-probe", action="store_true",
                   help="do not ask for a missing sibling URL to detect sites that fake 200s")
    g.add_argument("--method", choices=["head", "get"], default=None,
                   help="head (default): one request per link where one will do: HEAD when only the "
                        "status is wanted (--no-content, or a .pdf), GET for a page that is read; get: GET only")
    g.add_argument("--fail-on", metavar="STATUSES", default=None,
                   help="comma-separated statuses that make the exit code 1 "
                        "(default: dead,soft-404,mismatch,blocked,timeout,unreachable)")
    n = p.add_argument_group("network")
    n.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="the longest one request may take, connect to last byte (default 20)")
    n.add_argument("--connect-timeout", type=float, metavar="SECONDS", help="connect timeout (default 10)")
    n.add_argument("--retries", type=int, metavar="N", help="extra attempts on 408/429/5xx/connection errors (default 2)")
    n.add_argument("--concurrency", type=int, metavar="N", help="requests in flight overall (default 16)")
    n.add_argument("--per-host", type=int, metavar="N", help="requests in flight per host (default 2)")
    n.add_argument("--delay", type=float, metavar="SECONDS", help="pause between requests to one host (default 0)")
    n.add_argument("--max-redirects", type=int, metavar="N", help="longest redirect chain followed (default 10)")
    n.add_argument("--max-body", type=int, metavar="KIB", help="most of a page read, in KiB (default 512)")
    n.add_argument("--allow-private", action="store_true", default=None,
                   help="allow private, loopback and link-local addresses (never on untrusted input)")
    n.add_argument("--allow-host", action="append", metavar="HOST", default=None,
                   help="trust this host name whatever it resolves to (repeatable)")
    n.add_argument("--user-agent", metavar="TEXT", help="User-Agent header (default names polybib)")
    s = p.add_argument_group("services")
    s.add_argument("--doi-base", metavar="URL", help="DOI handle service (default https://doi.org/)")
    s.add_argument("--doi-meta-base", metavar="URL", help="DOI content negotiation (default: --doi-base)")
    s.add_argument("--wayback-base", metavar="URL",
                   help="Wayback availability API (default https://archive.org/wayback/available)")
    s.add_argument("--no-archive", action="store_true", help="do not look up archived copies of dead links")
    c = p.add_argument_group("cache")
    c.add_argument("--cache", metavar="FILE", help="SQLite cache file (default .polybib/links.sqlite3)")
    c.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    c.add_argument("--max-age", metavar="DURATION", help="how long a cached success stays true: 3600, 30m, 12h, 7d (default 1d)")
    c.add_argument("--offline", action="store_true", help="use the cache only; uncached links are skipped")
    p.set_defaults(run=run)


def build_options(args: argparse.Namespace):
    from ..config import load_config
    from ..links.options import options_from_config, parse_duration

    table = load_config(args.config).table("check")
    try:
        max_age = parse_duration(args.max_age) if args.max_age is not None else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    overrides = dict(
        read_timeout=args.timeout, connect_timeout=args.connect_timeout, retries=args.retries,
        concurrency=args.concurrency, per_host=args.per_host, host_delay=args.delay,
        max_redirects=args.max_redirects, max_body_kib=args.max_body, allow_private=args.allow_private,
        user_agent=args.user_agent, doi_base=args.doi_base,
        doi_meta_base=args.doi_meta_base or args.doi_base, wayback_base=args.wayback_base,
        cache_path=args.cache, max_age=max_age, method=args.method,
        exclude=tuple(args.exclude) if args.exclude else None,
        allow_hosts=tuple(args.allow_host) if args.allow_host else None,
    )
    for name in ("retries", "concurrency", "per_host", "max_redirects", "max_body_kib"):
        value = overrides[name]
        if value is not None and value < (0 if name == "retries" else 1):
            raise UsageError(f"--{name.replace('_kib', '').replace('_', '-')} must be "
                             f"{'0 or more' if name == 'retries' else 'at least 1'}")
    for name in ("read_timeout", "connect_timeout"):
        if overrides[name] is not None and overrides[name] <= 0:
            raise UsageError("timeouts must be more than 0 seconds")
    try:
        options = options_from_config(table, **overrides)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"bad [check] setting: {exc}") from None
    if args.no_cache:
        options.cache_path = None
    if args.no_archive:
        options.wayback_base = None
    if args.no_doi:
        options.check_doi = False
    if args.no_content:
        options.content = False
    if args.no_probe:
        options.probe_soft404 = False
    options.offline = args.offline
    if options.offline and options.cache_path is None:
        raise UsageError("--offline needs the cache (drop --no-cache)")
    import re
    for pattern in options.exclude:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UsageError(f"--exclude {pattern!r} is not a regular expression: {exc}") from None
    return options


def fail_statuses(value: str | None) -> set[str]:
    from ..links.model import FAILURES, STATUSES

    if value is None:
        return set(FAILURES)
    chosen = {v.strip() for v in value.split(",") if v.strip()}
    unknown = chosen - set(STATUSES) - {"none"}
    if unknown:
        raise UsageError(f"--fail-on: unknown status {', '.join(sorted(unknown))} "
                         f"(statuses: {', '.join(STATUSES)})")
    return chosen - {"none"}


def run(args: argparse.Namespace) -> int:
    from ..links import check_library
    from ..links.report import ProgressBar, network_note, to_json, to_text
    from .convert import read_inputs

    failing = fail_statuses(args.fail_on)
    options = build_options(args)
    library = read_inputs(args.inputs, args.from_format)
    print_diagnostics(library.diagnostics, quiet=args.quiet)
    progress = ProgressBar(sys.stderr, enabled=False if args.quiet else None)
    results = check_library(library, options, progress)
    note = network_note(results)
    if note:
        print(f"polybib check: {note}", file=sys.stderr)
    report = to_json(results) if args.format == "json" else to_text(results, show_ok=args.all)
    write_output(args.output, report.encode("utf-8", "backslashreplace"))   # a non-UTF-8 file name
    if any(r.status in failing for r in results) or library.errors:
        return 1
    return 0
