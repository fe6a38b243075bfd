"""The DOI checker: syntax, registration at the handle service, metadata by negotiation.

A DOI is alive when the handle system knows it: ``{doi_base}api/handles/{doi}`` answers
JSON with ``responseCode`` 1 and the URL it resolves to, or 404 with ``responseCode`` 100
for a DOI nobody registered.  Asking the handle service (instead of following
``https://doi.org/{doi}`` to the publisher) gives a definitive answer without meeting
the publisher's bot wall.  What the DOI describes comes from content negotiation
(``Accept: application/vnd.citationstyles.csl+json`` on ``{doi_meta_base}{doi}``, which
doi.org redirects to the registration agency), and is compared with the record.
"""
from __future__ import annotations

import json
from urllib.parse import quote

import requests

from .collect import DOI_RE
from .model import Observation, Work

CSL_JSON = "application/vnd.citationstyles.csl+json"


def doi_path(doi: str) -> str:
    """The DOI as a URL path: reserved characters (``#``, ``?``, ``%``, space) escaped."""
    return quote(doi, safe="/:;()[]=+,!*'@$-._~")


def display_url(doi: str, base: str = "https://doi.org/") -> str:
    return base.rstrip("/") + "/" + doi_path(doi)


def work_from_csl(item: dict) -> Work | None:
    """A Work from a CSL-JSON item (as Crossref, DataCite and mEDRA negotiate it)."""
    if not isinstance(item, dict):
        return None
    titles = []
    for key in ("title", "original-title", "short-title", "container-title-short"):
        value = item.get(key)
        for v in (value if isinstance(value, list) else [value]):
            if isinstance(v, str) and v and key != "container-title-short":
                titles.append(v)
    authors = []
    for name in item.get("author") or []:
        if isinstance(name, dict):
            text = ", ".join(p for p in (name.get("family"), name.get("given")) if p) or name.get("literal", "")
            if text:
                authors.append(text)
    years = []
    for key in ("issued", "published-print", "published-online", "created"):
        parts = (item.get(key) or {}).get("date-parts") if isinstance(item.get(key), dict) else None
        if parts and parts[0] and parts[0][0]:
            try:
                year = int(parts[0][0])
            except (TypeError, ValueError):
                continue
            if year not in years:
                years.append(year)
    return Work("doi-metadata", True, titles=titles, authors=authors, years=years,
                doi=item.get("DOI", "") if isinstance(item.get("DOI"), str) else "")


def check_doi(fetcher, session: requests.Session, doi: str) -> Observation:
    """Registration and metadata of one DOI (already normalised by ``collect``)."""
    o = fetcher.options
    target = "doi:" + doi
    obs = Observation(target=target, kind="doi", final_url=None)
    if not DOI_RE.match(doi):
        obs.outcome, obs.error = "error", "invalid"
        obs.detail = f"not a DOI: {doi!r} (a DOI looks like 10.1234/suffix)"
        return obs
    handle_url = o.doi_base.rstrip("/") + "/api/handles/" + doi_path(doi)
    walk = fetcher.walk(session, handle_url, read="json", method="GET",
                        headers={"Accept": "application/json"})
    hobs = walk.obs
    obs.hops, obs.attempts = hobs.hops, hobs.attempts
    if hobs.outcome != "response":
        obs.outcome, obs.error, obs.detail = hobs.outcome, hobs.error, "handle service: " + hobs.detail
        return obs
    obs.http_status = hobs.http_status
    data = _json(walk.body)
    code = data.get("responseCode") if isinstance(data, dict) else None
    if hobs.http_status == 404 or code in (100, 200):
        obs.outcome, obs.error = "error", "not-registered"
        obs.detail = f"the DOI is not registered (handle service: HTTP {hobs.http_status}" + (
            f", responseCode {code})" if code is not None else ")")
        return obs
    if hobs.http_status != 200 or code != 1:
        obs.detail = f"handle service answered HTTP {hobs.http_status}" + (hobs.detail and f"; {hobs.detail}")
        return obs
    for value in data.get("values") or []:
        if isinstance(value, dict) and value.get("type") == "URL":
            inner = value.get("data") or {}
            obs.resolved_url = inner.get("value", "") if isinstance(inner, dict) else ""
            break
    obs.final_url = obs.resolved_url or None
    obs.detail = f"registered; resolves to {obs.resolved_url}" if obs.resolved_url else "registered"
    if o.content and o.doi_meta_base:
        meta = fetcher.walk(session, o.doi_meta_base.rstrip("/") + "/" + doi_path(doi), read="json",
                            method="GET", headers={"Accept": CSL_JSON})
        if meta.obs.http_status == 200:
            work = work_from_csl(_json(meta.body))
            if work is not None and work.titles:
                obs.works = [work]
                obs.page_title = work.titles[0]
        elif meta.obs.outcome == "response":
            obs.detail += f"; no metadata by content negotiation (HTTP {meta.obs.http_status})"
        else:
            obs.detail += f"; no metadata by content negotiation ({meta.obs.detail})"
    return obs


def _json(body: bytes):
    try:
        return json.loads(body.decode("utf-8", "replace")) if body else {}
    except ValueError:
        return {}
