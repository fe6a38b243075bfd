"""``polybib batch``: the pipeline over many files and millions of references, on Dask.

Dask is imported only when a batch runs (``polybib --help`` and ``lint`` never load it).
"""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import UsageError

EXAMPLES = """\
examples:
  polybib batch 'lists/*.txt' export.bib -o out/                      import + keys, 2 local workers
  polybib batch refs/*.bib -o out/ --stages import,keys,translit,lint --workers 4
  polybib batch big.jsonl -o out/ --stages import,keys,check --per-host 2
  polybib batch 'lists/**/*.txt' -o /shared/out --scheduler tcp://10.0.0.5:8786

With no --scheduler a LocalCluster of --workers processes (one thread each) runs on this
machine; its dashboard address is printed.  With --scheduler the batch runs on that cluster
(start one with `dask scheduler` and `dask worker tcp://HOST:8786` on each machine); the
inputs and OUTDIR must then be at the same paths on every worker (a shared file system).

Inputs (files or quoted globs): text lists (.txt, .md, .docx), .bib, CSL-JSON (.json), RIS,
JSON Lines of CSL-JSON items (.jsonl).  They are cut into partitions of about
--partition-mb, where records start, so one large file keeps every worker busy.

writes into OUTDIR:
  part-NNNNN.jsonl            the records as CSL-JSON Lines (one item per line)
  part-NNNNN.bib              the records as BibLaTeX (entries read from .bib as written)
  part-NNNNN.SCHEME.jsonl     romanized records (stage translit)
  part-NNNNN.links.jsonl      one link result per line (stage check)
  part-NNNNN.STYLE.txt        the records rendered in each style (stage render)
  part-NNNNN.diagnostics.jsonl  reader warnings, lint findings, failed links: FILE:LINE each
  manifest.json               the plan and the partitions written (a rerun skips them)
  summary.json                counts per type, language, lint code, link status; CPU, memory

exit codes: 0 done; 1 done, but an input had an unreadable block, a lint error was found or
a link failed; 2 usage or input error; 130 interrupted (rerun to resume).
"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="the pipeline over millions of references, on a Dask cluster",
                       description="Import, key, romanize, lint, check and render many reference "
                                   "files in parallel on Dask, partition by partition.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or glob patterns")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="folder to write into")
    p.add_argument("--stages", default="import,keys",
                   help="comma-separated: import,keys,translit,lint,check,render (default: import,keys)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://HOST:8786)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="worker processes of the local cluster (default 2; ignored with --scheduler)")
    p.add_argument("--partition-mb", type=float, default=4.0, metavar="MB",
                   help="input bytes per partition (default 4)")
    p.add_argument("--scheme", help="transliteration scheme for stage translit (default [translit] "
                                    "scheme, else bgn-pcgn)")
    p.add_argument("--styles", help="comma-separated styles for stage render (default gost-r-7-0-5-2008-numeric)")
    p.add_argument("--locale", help="locale for rendering")
    c = p.add_argument_group("links (stage check; as polybib check)")
    c.add_argument("--per-host", type=int, metavar="N", help="requests in flight per host, across all workers (default 2)")
    c.add_argument("--concurrency", type=int, metavar="N", help="requests in flight per worker (default 16)")
    c.add_argument("--timeout", type=float, metavar="SECONDS", help="longest one request may take (default 20)")
    c.add_argument("--retries", type=int, metavar="N", help="extra attempts (default 2)")
    c.add_argument("--delay", type=float, metavar="SECONDS", help="pause between requests to one host")
    c.add_argument("--allow-private", action="store_true", default=None,
                   help="allow private, loopback and link-local addresses (never on untrusted input)")
    c.add_argument("--exclude", action="append", metavar="REGEX", default=None, help="skip matching URLs")
    c.add_argument("--doi-base", metavar="URL", help="DOI handle service (default https://doi.org/)")
    c.add_argument("--no-archive", action="store_true", help="no archived-copy suggestions")
    c.add_argument("--cache", metavar="FILE", help="SQLite link cache shared by the workers "
                                                   "(default OUTDIR/links.sqlite3)")
    c.add_argument("--offline", action="store_true", help="links from the cache only")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, no messages")
    p.set_defaults(run=run)


def _stages(value: str) -> tuple[str, ...]:
    from ..batch.stages import STAGES

    chosen = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in STAGES]
    if unknown:
        raise UsageError(f"unknown stage {', '.join(map(repr, unknown))}; stages: {', '.join(STAGES)}")
    if "import" not in chosen:
        chosen.insert(0, "import")          # every other stage works on imported records
    return tuple(s for s in STAGES if s in chosen)


def _check_options(args: argparse.Namespace):
    """The options ``polybib check`` would build from the same flags and ``[check]``."""
    from .check import build_options

    defaults = dict(config=None, connect_timeout=None, max_redirects=None, max_body=None,
                    allow_host=None, user_agent=None, doi_meta_base=None, wayback_base=None,
                    no_cache=False, max_age=None, method=None, no_doi=False, no_content=False,
                    no_probe=False)
    namespace = argparse.Namespace(**{**defaults, **vars(args)})
    if namespace.cache is None:
        namespace.cache = os.path.join(os.path.abspath(args.output), "links.sqlite3")
    options = build_options(namespace)
    if options.cache_path:
        options.cache_path = os.path.abspath(options.cache_path)   # the same file for every worker
    return options


def run(args: argparse.Namespace) -> int:
    from .. import progress
    from ..batch import Settings, run_batch
    from ..config import load_config

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.partition_mb <= 0:
        raise UsageError("--partition-mb must be more than 0")
    stages = _stages(args.stages)
    config = load_config()
    settings = Settings(args.output, stages=stages)
    if "translit" in stages:
        from .. import translit
        settings.scheme = translit.get_scheme(args.scheme or config.table("translit").get("scheme")
                                              or settings.scheme).id
    if "render" in stages:
        styles = args.styles.split(",") if args.styles else list(settings.styles)
        settings.styles = tuple(s.strip() for s in styles if s.strip())
        settings.locale = args.locale
    if "check" in stages:
        settings.check_options = _check_options(args)
    if "lint" in stages:
        from ..lint import LintSettings
        settings.lint_settings = LintSettings.from_config(config)

    def say(message: str) -> None:
        if not args.quiet:
            print(f"polybib: {message}", file=sys.stderr, flush=True)

    with progress.shown(args.quiet):
        result = run_batch(args.inputs, args.output, settings, scheduler=args.scheduler,
                           workers=args.workers, partition_bytes=int(args.partition_mb * 2**20), say=say)
    summary = result.summary
    diagnostics = summary.get("diagnostics", {})
    errors = sum(n for key, n in diagnostics.items() if key.startswith("error:"))
    say(f"{result.records} records in {result.partitions} partition(s) written to {result.outdir}/ "
        f"({result.skipped} from an earlier run); {errors} error(s), see part-*.diagnostics.jsonl "
        f"and summary.json")
    return 1 if errors else 0
