"""Per-host politeness and the scheduler that keeps every worker busy within it.

A per-host semaphore alone wastes the global pool: if the next 100 links all go to one
journal, every worker blocks on that host's semaphore while the other hosts sit idle.
So workers do not take links in file order; they ask the :class:`Scheduler` for a target
whose host has a free slot *now* (round robin over hosts), and the slot is reserved in
the same step.  Later requests of the same target (redirect hops, retries, the GET after
a HEAD) take slots through :meth:`HostLimiter.slot`, which waits when the host is full.

Limits count requests in flight per ``host:port``; ``host_delay`` spaces the starts of
requests to one host; :meth:`HostLimiter.pause` holds a host back after a ``Retry-After``.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from contextlib import contextmanager
from typing import Any, Iterator


class HostLimiter:
    def __init__(self, per_host: int, delay: float = 0.0):
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self.cond = threading.Condition()
        self._active: dict[str, int] = {}
        self._next_start: dict[str, float] = {}
        self._local = threading.local()      # the slot a worker got from the scheduler
        self.max_seen: dict[str, int] = {}   # the most requests in flight per host (for tests)

    # -- called with self.cond held ------------------------------------------------------
    def _wait_for(self, host: str, now: float) -> float | None:
        """0 when a request to ``host`` may start now; seconds to wait for a delay or pause;
        None when the host is full (wait for a release)."""
        if self._active.get(host, 0) >= self.per_host:
            return None
        return max(0.0, self._next_start.get(host, 0.0) - now)

    def _take(self, host: str, now: float) -> None:
        count = self._active.get(host, 0) + 1
        self._active[host] = count
        if count > self.max_seen.get(host, 0):
            self.max_seen[host] = count
        if self.delay:
            self._next_start[host] = max(self._next_start.get(host, 0.0), now) + self.delay

    # -- public ----------------------------------------------------------------------------
    def acquire(self, host: str) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                wait = self._wait_for(host, now)
                if wait == 0:
                    self._take(host, now)
                    return
                self.cond.wait(timeout=wait if wait is not None else 1.0)

    def release(self, host: str) -> None:
        with self.cond:
            self._active[host] = self._active.get(host, 1) - 1
            self.cond.notify_all()

    def pause(self, host: str, seconds: float) -> None:
        """No new request to ``host`` for ``seconds`` (a server asked us to wait)."""
        with self.cond:
            until = time.monotonic() + seconds
            if until > self._next_start.get(host, 0.0):
                self._next_start[host] = until

    def hold_reserved(self, host: str) -> None:
        """Mark a slot the scheduler reserved for this thread, to be used by its first request."""
        self._local.reserved = host

    def drop_reserved(self) -> None:
        """Give back a reserved slot nobody used (the target needed no request)."""
        host = getattr(self._local, "reserved", None)
        if host is not None:
            self._local.reserved = None
            self.release(host)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s slots for the duration of one request."""
        if getattr(self._local, "reserved", None) == host:
            self._local.reserved = None
        else:
            self.drop_reserved()
            self.acquire(host)
        try:
            yield
        finally:
            self.release(host)


class Scheduler:
    """Hands out ``(host, item)`` pairs whose host has room, round robin over hosts."""

    def __init__(self, limiter: HostLimiter, items: list[tuple[str, Any]]):
        self.limiter = limiter
        self._queues: "OrderedDict[str, deque]" = OrderedDict()
        for host, item in items:
            self._queues.setdefault(host, deque()).append(item)

    def next(self) -> tuple[str, Any] | None:
        lim = self.limiter
        with lim.cond:
            while True:
                if not self._queues:
                    return None
                now = time.monotonic()
                soonest: float | None = None
                for host in self._queues:     # we return right after changing the dict
                    wait = lim._wait_for(host, now)
                    if wait == 0:
                        queue = self._queues[host]
                        item = queue.popleft()
                        if queue:
                            self._queues.move_to_end(host)   # round robin
                        else:
                            del self._queues[host]
                        lim._take(host, now)
                        lim.hold_reserved(host)
                        return host, item
                    if wait is not None and (soonest is None or wait < soonest):
                        soonest = wait
                lim.cond.wait(timeout=soonest if soonest is not None else 1.0)
