"""From links to check targets: normalise, drop the excluded, check each target once.

A library cites the same URL or DOI many times (a journal's home page, a DOI in both
``doi`` and ``url``); the network is asked once per :class:`Target` and the answer is
judged against each record that carries it.  Normalising the way requests will send the
URL (IDNA host, percent-encoded path) makes ``http://Example.org/a#x`` and
``http://example.org/a`` one target, and gives the host key that per-host limits use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from requests.models import PreparedRequest

from .model import Link

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|info:doi/)", re.IGNORECASE)


@dataclass
class Target:
    """One thing to ask the network about, and every link that asked for it."""

    key: str                  # ``http:<normalised url>`` or ``doi:<lower-cased doi>``
    kind: str                 # http | doi
    value: str                # the URL to fetch, or the DOI
    host: str = ""            # host:port of the first request (for scheduling)
    links: list[Link] = field(default_factory=list)
    skip_reason: str = ""     # set when the target is not checked at all


def normalise_doi(text: str) -> str:
    """``doi:10.1/X``, ``https://doi.org/10.1/X`` → ``10.1/X`` (URL-decoded, trimmed)."""
    text = _DOI_PREFIX.sub("", text.strip())
    if "%" in text:
        text = unquote(text)
    return text.strip().rstrip(".")


def normalise_url(url: str) -> str:
    """The URL as requests will send it, without the fragment (never sent to servers)."""
    prepared = PreparedRequest()
    prepared.prepare_url(url, None)
    parts = urlsplit(prepared.url)
    netloc = parts.netloc.lower()
    if parts.scheme == "http" and netloc.endswith(":80"):
        netloc = netloc[:-3]
    elif parts.scheme == "https" and netloc.endswith(":443"):
        netloc = netloc[:-4]
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def host_key(url: str) -> str:
    """``host:port`` of a URL: the unit of per-host limits and delays."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = (parts.hostname or "").lower()
    return f"{host}:{port}"


def collect(links: list[Link], exclude: tuple[str, ...] = (), check_doi: bool = True,
            doi_base: str = "https://doi.org/") -> list[Target]:
    """Group links into targets in first-seen order; excluded or unsupported ones are
    targets too (with ``skip_reason``) so that every link still gets a result."""
    patterns = [re.compile(p) for p in exclude]
    targets: dict[str, Target] = {}
    order: list[Target] = []

    def add(key: str, kind: str, value: str, link: Link, host: str = "", skip: str = "") -> None:
        target = targets.get(key)
        if target is None:
            target = targets[key] = Target(key, kind, value, host, skip_reason=skip)
            order.append(target)
        target.links.append(link)

    for link in links:
        hit = next((p.pattern for p in patterns if p.search(link.url)), None)
        if link.kind == "doi":
            doi = normalise_doi(link.url)
            if hit:
                add("skip:" + link.url, "doi", doi, link, skip=f"excluded by pattern {hit!r}")
            elif not check_doi:
                add("skip:" + link.url, "doi", doi, link, skip="DOI checking is off")
            else:
                add("doi:" + doi.lower(), "doi", doi, link, host_key(doi_base))
            continue
        if link.kind != "http":
            scheme = link.url.split(":", 1)[0] if ":" in link.url else ""
            add("skip:" + link.url, "other", link.url, link,
                skip=f"'{scheme}:' links are not checked (only http, https and doi)" if scheme
                else "not a URL")
            continue
        if hit:
            add("skip:" + link.url, "http", link.url, link, skip=f"excluded by pattern {hit!r}")
            continue
        try:
            url = normalise_url(link.url)
            if not urlsplit(url).hostname:
                raise ValueError("no host")
        except Exception as exc:  # requests raises several types for malformed URLs
            add("invalid:" + link.url, "invalid", link.url, link, skip=f"not a valid URL: {exc}")
            continue
        add("http:" + url, "http", url, link, host_key(url))
    return order
