"""An archived copy for a dead link, as a suggestion (never needed for a verdict).

The Wayback Machine's availability API answers ``{"archived_snapshots": {"closest":
{"available": true, "url": …, "timestamp": …}}}`` for the snapshot nearest to a date; we
ask only for links that are dead, and a failure here changes nothing but the suggestion.
"""
from __future__ import annotations

import json
from urllib.parse import quote

import requests


def wayback_url(fetcher, session: requests.Session, url: str, base: str) -> str:
    """The closest archived snapshot of ``url``, or ``""``."""
    api = f"{base}{'&' if '?' in base else '?'}url={quote(url, safe='')}"
    walk = fetcher.walk(session, api, read="json", method="GET", headers={"Accept": "application/json"})
    if walk.obs.http_status != 200:
        return ""
    try:
        data = json.loads(walk.body.decode("utf-8", "replace"))
        closest = data["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError):
        return ""
    if isinstance(closest, dict) and closest.get("available", True) and closest.get("url"):
        return str(closest["url"])
    return ""
