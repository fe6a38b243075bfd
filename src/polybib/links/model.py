"""The data that flows through link checking: links, observations and results.

Checking is split in two on purpose.  An :class:`Observation` is what the network said
about one unique URL or DOI (status, redirect hops, what the landing page declares); it
knows nothing about records, so one fetch serves every record that cites the URL, and it
is what the cache stores.  A :class:`LinkResult` is the verdict for one link of one
record: the observation judged against that record (does the page describe this work?).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# Statuses of a LinkResult, as the JSON output spells them.
OK = "ok"
REDIRECTED = "redirected"
DEAD = "dead"
SOFT_404 = "soft-404"
MISMATCH = "mismatch"
BLOCKED = "blocked"
TIMEOUT = "timeout"
UNREACHABLE = "unreachable"
SKIPPED = "skipped"

STATUSES = (OK, REDIRECTED, DEAD, SOFT_404, MISMATCH, BLOCKED, TIMEOUT, UNREACHABLE, SKIPPED)
#: How a link lost to a down network is reported (status ``skipped``): not checked, and
#: certainly not dead.  :func:`network_unavailable` recognises it.
NOT_CHECKED_NETWORK = "not checked: the network is unavailable"
#: Statuses that make ``polybib check`` exit 1 by default.  A permanent redirect is a
#: fixable finding, not a failure; a skipped link was not checked at all.
FAILURES = (DEAD, SOFT_404, MISMATCH, BLOCKED, TIMEOUT, UNREACHABLE)


@dataclass(frozen=True)
class Link:
    """One URL or DOI as a record carries it, with where it was found.

    ``url`` is what gets checked (unescaped, ``\\url{}`` removed; ``doi:10.…`` for DOIs),
    ``text`` the spelling in the file, ``field`` the source format's field name.
    """

    url: str
    field: str
    entry: str
    file: str = "<memory>"
    line: int = 0
    kind: str = "http"          # http | doi | other (an unsupported scheme or eprint type)
    text: str = ""
    index: int = 0              # position of the record in the library: which record to judge against


@dataclass
class Hop:
    """One step of a redirect chain: ``url`` answered ``status`` pointing at ``location``."""

    url: str
    status: int
    location: str


@dataclass
class Work:
    """What a landing page or a DOI's metadata says the work is.

    ``strong`` sources (Highwire ``citation_*``, Dublin Core, schema.org JSON-LD, CSL from
    content negotiation) are declarations about a work; a ``<title>`` is only a hint and is
    never enough to call a link a mismatch.
    """

    source: str
    strong: bool
    titles: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    doi: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "Work":
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@dataclass
class Observation:
    """What the network said about one target (a URL or a DOI), independent of records.

    ``outcome`` is ``response`` (an HTTP answer came back; see ``http_status``), ``error``
    (``error`` names the kind: timeout, dns, dns-temporary, refused, no-route, tls,
    connection, redirect-loop, too-many-redirects, retry-after, invalid, not-registered),
    ``refused`` (the address policy said no), ``offline`` (not in the cache),
    ``network-down`` (not checked: the network was known to be down) or ``unsupported``
    (a scheme we do not follow).
    """

    target: str
    kind: str = "http"
    outcome: str = "response"
    http_status: int | None = None
    final_url: str | None = None
    hops: list[Hop] = field(default_factory=list)
    error: str = ""
    detail: str = ""
    content_type: str = ""
    content_length: int | None = None
    bytes_read: int = 0
    truncated: bool = False
    attempts: int = 1
    soft404: str = ""            # why the page looks like a "not found" page, if it does
    works: list[Work] = field(default_factory=list)
    page_title: str = ""
    resolved_url: str = ""       # DOI: where the handle points
    checked_at: float = 0.0
    from_cache: bool = False
    archive_url: str = ""        # a Wayback snapshot, looked up for dead links only

    @property
    def cacheable(self) -> bool:
        """Only successes are facts: a failure may be transient, so it is checked again."""
        return (self.outcome == "response" and self.http_status is not None
                and 200 <= self.http_status < 300 and not self.soft404)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("from_cache", None)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Observation":
        known = {f.name for f in fields(cls)}
        obs = cls(**{k: v for k, v in data.items() if k in known and k not in ("hops", "works")})
        obs.hops = [Hop(**h) for h in data.get("hops", [])]
        obs.works = [Work.from_dict(w) for w in data.get("works", [])]
        return obs


@dataclass
class LinkResult:
    """The verdict for one link of one record, with the evidence behind it.

    ``suggestion`` is a URL to use instead when there is one: the target of a permanent
    redirect, or an archived copy of a dead page.
    """

    entry: str
    field: str
    url: str
    status: str
    http_status: int | None = None
    final_url: str | None = None
    detail: str = ""
    file: str = "<memory>"
    line: int = 0
    kind: str = "http"
    hops: list[Hop] = field(default_factory=list)
    suggestion: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    cached: bool = False

    @property
    def failed(self) -> bool:
        return self.status in FAILURES

    @property
    def network_unavailable(self) -> bool:
        """Not checked because the network was down (see :mod:`polybib.links.network`)."""
        return self.status == SKIPPED and self.detail.startswith(NOT_CHECKED_NETWORK)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (hops as dicts), ready for ``json.dumps``."""
        return asdict(self)

    as_dict = to_dict
