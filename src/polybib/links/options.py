"""Every knob of link checking in one place, with defaults that are polite and safe.

The defaults are for checking someone else's file in CI: private addresses refused, a
few connections per host, bounded waits and bounded reads.  Tests shrink the timeouts and
point the service URLs (DOI handles, content negotiation, Wayback) at a local server.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import __version__

DEFAULT_USER_AGENT = (f"polybib/{__version__} (bibliography link checker; "
                      "+https://pypi.org/project/polybib/)")

#: Resolver hook: ``resolver(host, port) -> [ip, ...]``; raises ``socket.gaierror``.
Resolver = Callable[[str, int], list]


@dataclass
class CheckOptions:
    # Concurrency and politeness.
    concurrency: int = 16            # worker threads (one Session each, over shared connection pools)
    per_host: int = 2                # requests in flight, and connections open, to one host (host:port)
    host_delay: float = 0.0          # seconds between the starts of two requests to one host
    # Time.
    connect_timeout: float = 10.0    # connecting alone (never more than read_timeout)
    read_timeout: float = 20.0       # one request's whole time: connect, TLS, headers, body (--timeout)
    retries: int = 2                 # extra attempts on 408/429/5xx and connection errors
    backoff: float = 0.5             # first backoff; doubles on every attempt
    backoff_max: float = 8.0
    retry_after_max: float = 30.0    # a longer Retry-After is not waited for: the link is blocked
    # What is fetched.
    method: str = "head"             # head: HEAD when only the status is wanted, GET straight away for a
                                     # page that is read (and when HEAD is refused); get: GET only
    max_redirects: int = 10
    max_body_kib: int = 512          # at most this much of an HTML page is read
    content: bool = True             # read landing pages: soft-404 detection, metadata comparison
    probe_soft404: bool = True       # ask for a missing sibling to see whether the site fakes 200s
    user_agent: str = DEFAULT_USER_AGENT
    # Safety.
    allow_private: bool = False      # allow private, loopback, link-local … addresses
    allow_hosts: tuple[str, ...] = ()  # host names trusted whatever they resolve to
    resolver: Resolver | None = None   # DNS hook (tests); default socket.getaddrinfo
    # Which links.
    exclude: tuple[str, ...] = ()    # regular expressions; a matching URL is skipped
    check_doi: bool = True
    # Services.
    doi_base: str = "https://doi.org/"           # handle resolution: {doi_base}api/handles/{doi}
    doi_meta_base: str = "https://doi.org/"      # content negotiation: {doi_meta_base}{doi}
    wayback_base: str | None = "https://archive.org/wayback/available"  # None: no suggestions
    # Cache.
    cache_path: str | None = None    # SQLite file; None: no cache
    max_age: float = 86400.0         # seconds a cached success stays a fact
    offline: bool = False            # use the cache only
    # Network-down detection (links.network): host names resolved when lookups keep failing.
    canary_hosts: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.method not in ("head", "get"):
            raise ValueError(f"method must be 'head' or 'get', not {self.method!r}")
        self.concurrency = max(1, int(self.concurrency))
        self.per_host = max(1, int(self.per_host))
        self.allow_hosts = tuple(h.lower().rstrip(".") for h in self.allow_hosts)
        self.exclude = tuple(self.exclude)


def parse_duration(value) -> float:
    """Seconds from ``3600``, ``"90s"``, ``"30m"``, ``"12h"``, ``"7d"`` or ``"2w"``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except ValueError:
        raise ValueError(f"not a duration: {value!r} (use e.g. 3600, 30m, 12h, 7d)") from None


def default_cache_path() -> str:
    from .cache import default_path
    return default_path(".")


def options_from_config(table: dict, **overrides) -> CheckOptions:
    """CheckOptions from the ``[check]`` table of polybib.toml / pyproject.toml, then
    ``overrides`` (command-line values; None means "not given").  Unlike a bare
    ``CheckOptions()``, the cache is on (in ``.polybib/``) unless ``cache = false``."""
    values: dict = {}
    if "timeout" in table:
        values["read_timeout"] = float(table["timeout"])
        values["connect_timeout"] = min(10.0, float(table["timeout"]))
    simple = {"retries": "retries", "concurrency": "concurrency", "per-host": "per_host",
              "delay": "host_delay", "allow-private": "allow_private", "doi-base": "doi_base"}
    for key, name in simple.items():
        if key in table:
            values[name] = table[key]
    if "doi-base" in table:
        values["doi_meta_base"] = table["doi-base"]
    if "exclude" in table:
        exclude = table["exclude"]
        values["exclude"] = tuple([exclude] if isinstance(exclude, str) else exclude)
    if "max-age" in table:
        values["max_age"] = parse_duration(table["max-age"])
    cache = table.get("cache", True)
    values["cache_path"] = None if cache is False else default_cache_path() if cache is True else str(cache)
    if "archive" in table:
        archive = table["archive"]
        if archive is False:
            values["wayback_base"] = None
        elif isinstance(archive, str):
            values["wayback_base"] = archive
    values.update({k: v for k, v in overrides.items() if v is not None})
    return CheckOptions(**values)
