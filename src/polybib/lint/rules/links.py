"""K: links (opt-in with ``--links`` or ``links = true``): the link checker's results as findings.

These rules read the results of :mod:`polybib.links` (cached, so a CI run re-checks only
what is new or stale); they never fetch anything themselves.
"""
from __future__ import annotations

from ..findings import Finding, Fix
from ..context import RunContext
from ..registry import rule


def _results(run: RunContext, statuses: tuple[str, ...]):
    for result in run.link_results:
        if result.status in statuses:
            yield result


def _finding(rule_func, result, message: str, fix: Fix | None = None) -> Finding:
    r = rule_func.rule
    return Finding(r.code, r.name, r.severity, result.file, result.line or 1, message,
                   entry=result.entry or None, field=result.field or None, fix=fix)


@rule("K001", "dead-link", "error", scope="run", default=False)
def dead_link(run: RunContext):
    """A URL or DOI leads nowhere: 404/410, no such host, or a DOI the registry does not know.

    Why: readers cannot reach the work; editors reject references with dead links.
    Example: ``url = {http://www.eduherald.ru/ru/article/view?id=19537}`` answering 404.
    Use instead: the work's current address, its DOI, or an archived copy (the message
    names one when the Wayback Machine has it).
    """
    for result in _results(run, ("dead",)):
        yield _finding(dead_link, result, f"{result.field} of '{result.entry}' is dead: {result.url} "
                       f"({result.detail})")


@rule("K002", "redirected-link", "warning", scope="run", default=False, fix="safe")
def redirected_link(run: RunContext):
    """A URL is permanently redirected (301/308) to another address.

    Why: the old address may stop redirecting; the final one is what the reference
    should give.
    Example: ``http://example.org/a`` → ``https://example.org/a``.
    Use instead: the final URL (the safe fix writes it).
    """
    entries = {(e.file, e.key): e for e in run.entries()}
    for result in _results(run, ("redirected",)):
        yield _finding(redirected_link, result, f"{result.field} of '{result.entry}' redirects "
                       f"permanently: {result.url} → {result.final_url}", _new_url(entries, result))


def _new_url(entries: dict, result) -> Fix | None:
    """Write the final URL into the ``url`` field, when that field holds exactly the URL checked."""
    entry = entries.get((result.file, result.entry or ""))
    if entry is None or not result.final_url or (result.field or "").lower() != "url" \
            or (entry.value("url") or "").strip() != result.url:
        return None
    span = entry.span("url")
    return Fix(f"write url = {{{result.final_url}}}", True, [span.replace_value(result.final_url)]) if span else None


@rule("K003", "soft-404", "error", scope="run", default=False)
def soft_404(run: RunContext):
    """A URL answers 200 with a "page not found" page (or sends you to the home page).

    Why: a status-code checker calls it alive; a reader finds nothing.
    Example: a journal site answering «Страница не найдена» with status 200.
    Use instead: the work's real address, its DOI, or an archived copy.
    """
    for result in _results(run, ("soft-404",)):
        yield _finding(soft_404, result, f"{result.field} of '{result.entry}' is a soft 404: "
                       f"{result.url} ({result.detail})")


@rule("K004", "link-mismatch", "warning", scope="run", default=False)
def link_mismatch(run: RunContext):
    """The page a URL or DOI leads to describes another work.

    Why: a copy-paste slip sends readers to the wrong article; the page's metadata
    (``citation_title``, Dublin Core, schema.org) disagrees with the record.
    Example: a record for «Бизнес и облака» whose URL shows "Cloud pricing models".
    Use instead: the URL or DOI of this work.
    """
    for result in _results(run, ("mismatch",)):
        yield _finding(link_mismatch, result, f"{result.field} of '{result.entry}' leads to another "
                       f"work: {result.url} ({result.detail})")
