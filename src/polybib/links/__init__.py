"""Checking references against their URLs and DOIs.

The pipeline, one module per step (as lychee splits it)::

    extract   records → links (URL, DOI, eprint, URLs in note/howpublished), with file:line
    collect   links → unique targets (normalised, excluded ones skipped)
    http/doi  target → Observation (status, redirect hops, landing-page metadata)
              through safety (address policy on every hop and connect), limits
              (per-host slots, scheduler), retry (backoff, Retry-After), transport
              (guarded, per-host-bounded connection pools shared by the workers),
              deadline (one deadline per request), network (stop once the network
              is known to be down), landing (HTML metadata), soft404, archive
    cache     successful observations in SQLite, with a max age
    judge     Observation + record → LinkResult (match: is it the same work?)
    report    text and JSON

Use::

    from polybib.links import check_library, CheckOptions
    results = check_library(polybib.read("refs.bib"), CheckOptions(cache_path=".polybib/links.sqlite3"))
    for r in results:
        if r.failed:
            print(r.file, r.line, r.entry, r.field, r.url, r.status, r.detail)
"""
from .extract import extract_links
from .model import FAILURES, STATUSES, Hop, Link, LinkResult, Observation, Work
from .options import CheckOptions, options_from_config
from .runner import check_library, check_links, check_paths

__all__ = ["check_library", "check_links", "check_paths", "options_from_config", "extract_links", "CheckOptions", "Link", "LinkResult",
           "Observation", "Hop", "Work", "STATUSES", "FAILURES"]
