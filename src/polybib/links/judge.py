"""From what the network said to a verdict for one link of one record.

The rules, in order: not asked (skipped, refused, offline) → what went wrong without an
answer (timeout, DNS, no route…) → the HTTP status (401/403/429/451 are bot walls and
logins: *blocked*, not dead; 404/410 dead; 5xx after retries unreachable) → for a page
that answered 2xx: a soft-404, then whether it describes the record's work → redirects.

A redirect chain makes a link *redirected* only when its first hop is permanent (301,
308): then the record's URL is out of date, and the fix is the end of the leading run of
permanent hops.  A temporary redirect (302, 303, 307; doi.org uses them) is the site's
business and the link is *ok*.
"""
from __future__ import annotations

from ..model import Reference
from . import match
from .model import (BLOCKED, DEAD, MISMATCH, OK, REDIRECTED, SKIPPED, SOFT_404, TIMEOUT, UNREACHABLE,
                    Link, LinkResult, Observation)

PERMANENT = (301, 308)
BLOCKING = (401, 403, 407, 429, 451, 999)

_ERROR_STATUS = {
    "timeout": TIMEOUT,
    "dns": DEAD,
    "dns-temporary": UNREACHABLE,
    "no-route": UNREACHABLE,
    "network-down": UNREACHABLE,
    "refused": UNREACHABLE,
    "connection": UNREACHABLE,
    "tls": UNREACHABLE,
    "redirect-loop": DEAD,
    "too-many-redirects": DEAD,
    "invalid": DEAD,
    "not-registered": DEAD,
    "unsupported": SKIPPED,
    "internal": UNREACHABLE,
}


def permanent_target(obs: Observation) -> str:
    """Where the leading permanent redirects lead, or ``""`` if the first hop is temporary."""
    target = ""
    for hop in obs.hops:
        if hop.status not in PERMANENT:
            break
        target = hop.location
    return target


def judge(link: Link, obs: Observation, ref: Reference | None, display_url: str | None = None) -> LinkResult:
    result = LinkResult(entry=link.entry, field=link.field, url=display_url or link.url, status=OK,
                        http_status=obs.http_status, final_url=obs.final_url, file=link.file,
                        line=link.line, kind=link.kind, hops=list(obs.hops), cached=obs.from_cache)
    notes: list[str] = []
    if obs.outcome in ("refused", "offline", "unsupported", "network-down"):
        result.status, result.detail = SKIPPED, obs.detail
        return result
    if obs.outcome == "error":
        result.status = _ERROR_STATUS.get(obs.error, UNREACHABLE)
        result.detail = obs.detail
        result.suggestion = obs.archive_url
        if obs.archive_url:
            result.detail += f"; archived copy: {obs.archive_url}"
        return result
    status = obs.http_status or 0
    if obs.kind == "doi":
        return _judge_doi(result, obs, ref)
    if 200 <= status < 300:
        cmp = match.compare(ref, obs.works) if ref is not None else None
        # a page that shows the record's own title is not a "not found" page, whatever
        # its wording ("Not Found: a history of lost things")
        if obs.soft404 and not (cmp is not None and cmp.verdict == "match"):
            result.status, result.detail = SOFT_404, f"HTTP {status}, but {obs.soft404}"
            result.suggestion = obs.archive_url
            if obs.archive_url:
                result.detail += f"; archived copy: {obs.archive_url}"
            return result
        if cmp is not None:
            result.evidence = cmp.evidence()
            if cmp.verdict == "mismatch":
                result.status = MISMATCH
                result.detail = "the page describes another work: " + "; ".join(cmp.reasons)
                return result
            if cmp.verdict == "match":
                notes.append(f"the page describes this work ({cmp.source})")
            notes.extend(cmp.reasons)
        elif obs.content_type and obs.content_type not in ("text/html", "application/xhtml+xml"):
            size = f", {obs.content_length:,} bytes" if obs.content_length is not None else ""
            notes.append(f"{obs.content_type}{size} (body not downloaded)")
        fixed = permanent_target(obs)
        if fixed:
            result.status, result.suggestion = REDIRECTED, fixed
            notes.insert(0, f"permanently moved ({obs.hops[0].status}) to {fixed}: update the URL")
        elif obs.hops:
            notes.insert(0, f"temporary redirect to {obs.final_url}")
        if obs.detail:
            notes.append(obs.detail)
        result.detail = "; ".join(notes)
        return result
    if status in BLOCKING:
        result.status = BLOCKED
        result.detail = f"HTTP {status}: the site refuses automated access (a login or bot wall)"
    elif status in (404, 410):
        result.status = DEAD
        result.detail = f"HTTP {status} {'Not Found' if status == 404 else 'Gone'}"
    elif 300 <= status < 400:
        result.status, result.detail = DEAD, obs.detail or f"HTTP {status}"
    elif 400 <= status < 500:
        result.status, result.detail = DEAD, f"HTTP {status}"
    else:
        result.status, result.detail = UNREACHABLE, f"HTTP {status}: server error"
    if obs.detail and obs.detail not in result.detail:
        result.detail += f"; {obs.detail}"
    if obs.hops:
        result.detail += f" (after {len(obs.hops)} redirect{'s' if len(obs.hops) > 1 else ''})"
    if obs.archive_url:
        result.suggestion = obs.archive_url
        result.detail += f"; archived copy: {obs.archive_url}"
    return result


def _judge_doi(result: LinkResult, obs: Observation, ref: Reference | None) -> LinkResult:
    status = obs.http_status or 0
    if status != 200:
        result.status = BLOCKED if status in BLOCKING else UNREACHABLE
        result.detail = obs.detail or f"handle service answered HTTP {status}"
        return result
    result.detail = obs.detail
    cmp = match.compare(ref, obs.works) if ref is not None else None
    if cmp is not None:
        result.evidence = cmp.evidence()
        if cmp.verdict == "mismatch":
            result.status = MISMATCH
            result.detail = "the DOI's metadata describes another work: " + "; ".join(cmp.reasons)
            return result
        extra = ["its metadata agrees with the record"] if cmp.verdict == "match" else []
        result.detail = "; ".join([obs.detail] + extra + cmp.reasons)
    return result
