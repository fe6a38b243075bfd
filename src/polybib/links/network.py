"""Telling "the network is down" from "these links are dead", while the run goes on.

Without a network every link fails the same way (no name resolves, or no route to any
address), and trying each one costs its retries and backoff: 86 s for 276 links, over ten
minutes for 18,000.  So the run watches its own failures: once a few targets in a row
have failed at the network level with no HTTP answer in between, and either every one of
them had no route or not even the canary names (doi.org by default) resolve, the network
is known to be down.  Workers then stop taking targets, retries stop, and every link
lost to it — the ones that failed that way and the ones never tried — is reported as not
checked because the network is unavailable, never as dead.

Any HTTP answer (whatever its status) resets the count; so does a name that resolves,
for DNS failures (a name that does not resolve while others do is a dead host).
"""
from __future__ import annotations

import threading
from urllib.parse import urlsplit

from .model import NOT_CHECKED_NETWORK, Observation

#: Observation errors that say nothing about the link when the network itself is down.
NETWORK_ERRORS = ("dns", "dns-temporary", "no-route")
_DNS_ERRORS = ("dns", "dns-temporary")


def _host(obs: Observation) -> str:
    return "doi" if obs.kind == "doi" else (urlsplit(obs.target).hostname or obs.target)


class NetworkMonitor:
    """Counts network-level failures since the last sign of a working network."""

    def __init__(self, resolver, canary_hosts: tuple[str, ...], threshold: int = 3):
        self.resolver = resolver
        self.canary_hosts = canary_hosts
        self.threshold = max(1, threshold)
        self.down = threading.Event()
        self.reason = ""
        self.answered_any = False
        self._lock = threading.Lock()
        self._dns: list[Observation] = []      # failed lookups since the last answer/resolution
        self._route: list[Observation] = []    # no route to the host since the last answer
        self._lost: list[Observation] = []     # every observation lost to the down network
        self._checking = False

    # -- signs of life ----------------------------------------------------------------------
    def answered(self) -> None:
        """An HTTP answer came back: the network works."""
        if self.answered_any and not self._dns and not self._route:
            return                               # the common case, without the lock
        with self._lock:
            self.answered_any = True
            self._dns.clear()
            self._route.clear()

    def resolved(self) -> None:
        """A host name resolved: DNS works (a failed lookup elsewhere is a dead host)."""
        if self._dns:
            with self._lock:
                self._dns.clear()

    # -- failures -----------------------------------------------------------------------------
    def failed(self, obs: Observation) -> None:
        """Note a target's observation; decides whether the network is down."""
        if obs.outcome != "error" or obs.error not in NETWORK_ERRORS:
            return
        with self._lock:
            if self.down.is_set():
                self._lost.append(obs)
                return
            (self._dns if obs.error in _DNS_ERRORS else self._route).append(obs)
            if len(self._dns) + len(self._route) < self.threshold or self._checking:
                return
            route_hosts = {_host(o) for o in self._route}
            if len(route_hosts) >= self.threshold:      # one IPv6-only host is not the network
                self._declare(f"no route to any of {len(route_hosts)} hosts")
                return
            self._checking = True
        try:
            alive = self._canary_resolves()
        finally:
            with self._lock:
                self._checking = False
                if alive:
                    self._dns.clear()
                elif not self.down.is_set() and len(self._dns) + len(self._route) >= self.threshold:
                    names = ", ".join(self.canary_hosts)
                    self._declare(f"no host name resolves, not even {names}")

    def _canary_resolves(self) -> bool:
        for host in self.canary_hosts:
            try:
                if self.resolver(host, 443):
                    return True
            except OSError:
                continue
        return False

    def _declare(self, reason: str) -> None:
        """With the lock held: the network is down; the current streak was lost to it."""
        self.reason = reason
        self._lost.extend(self._dns + self._route)
        self._dns.clear()
        self._route.clear()
        self.down.set()

    # -- the report -----------------------------------------------------------------------------
    def detail(self) -> str:
        return f"{NOT_CHECKED_NETWORK} ({self.reason})"

    def mark_lost(self) -> list[Observation]:
        """Turn the failures lost to the down network into "not checked"; returns them."""
        with self._lock:
            lost, self._lost = self._lost, []
        for obs in lost:
            obs.detail = f"{self.detail()}; the attempt failed with: {obs.detail}"
            obs.outcome = "network-down"
        return lost

    def not_tried(self, target: str, kind: str) -> Observation:
        return Observation(target, kind, outcome="network-down",
                           detail=f"{self.detail()}; stopped trying before this link")
