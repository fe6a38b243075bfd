"""One deadline per request, covering connect, TLS, headers and body.

Socket timeouts bound each *wait*, not a request: a server that sends one byte every half
second never lets a single ``recv`` time out, and held a 2-second check for 102 seconds
(slow-loris).  So every request runs on a :class:`Clock`; the connection classes
(:mod:`.transport`) hand the clock the request's socket as soon as it exists, and one
watchdog thread shuts those sockets down when the clock runs out.  ``shutdown`` wakes the
request's blocked ``recv`` at once, wherever it is (TLS handshake, status line, headers,
body), and the request fails with a connection error that the fetcher, seeing
:attr:`Clock.expired`, reports as a timeout.

The watchdog shuts down a *duplicate* of the socket's file descriptor, owned by the clock
and closed when the request ends: it can never touch a descriptor number that was closed
and reused by another connection meanwhile.  It shuts the socket down, never closes it:
closing belongs to the thread using it.
"""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

_current = threading.local()


class Clock:
    """The deadline of one request and the sockets it has used so far."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._done = False
        self._lock = threading.Lock()
        self._socks: list[socket.socket] = []

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def watch(self, sock) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has passed)."""
        try:
            dup = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except (OSError, ValueError):
            return                      # already closed: nothing left to interrupt
        with self._lock:
            if self._done:
                dup.close()
                return
            self._socks.append(dup)
            expired = self.expired
        if expired:
            _shutdown(dup)

    def expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            socks = list(self._socks)
        for dup in socks:
            _shutdown(dup)

    def finish(self) -> None:
        with self._lock:
            self._done = True
            socks, self._socks = self._socks, []
        for dup in socks:
            dup.close()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class Watchdog:
    """One thread that expires the clocks of running requests; it starts with the first
    request and stops when none has been running for a while, or at :meth:`close`."""

    IDLE_EXIT = 2.0

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._clocks: set[Clock] = set()
        self._thread: threading.Thread | None = None
        self._wake_at = float("inf")      # when the thread wakes next by itself
        self._closing = False

    @contextmanager
    def request(self, seconds: float) -> Iterator[Clock]:
        """Run one request on a clock of ``seconds``; its sockets are watched meanwhile."""
        clock = Clock(seconds)
        with self._cond:
            self._closing = False
            self._clocks.add(clock)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="polybib-link-deadlines", daemon=True)
                self._thread.start()
            elif clock.deadline < self._wake_at:
                self._cond.notify()       # rarely: clocks of one run mostly end in start order
        previous = getattr(_current, "clock", None)
        _current.clock = clock
        try:
            yield clock
        finally:
            _current.clock = previous
            with self._cond:
                self._clocks.discard(clock)
            clock.finish()

    def close(self) -> None:
        """Let the thread end now if no request is running (a new request starts it again)."""
        with self._cond:
            self._closing = True
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            idle_since = None
            while True:
                now = time.monotonic()
                due = [c for c in self._clocks if c.deadline <= now]
                for clock in due:
                    self._clocks.discard(clock)
                if due:
                    self._cond.release()
                    try:
                        for clock in due:
                            clock.expire()
                    finally:
                        self._cond.acquire()
                    continue
                if self._clocks:
                    idle_since = None
                    self._wake_at = min(c.deadline for c in self._clocks)
                    self._cond.wait(self._wake_at - now)
                    continue
                if self._closing or (idle_since is not None and now - idle_since >= self.IDLE_EXIT):
                    self._thread = None
                    self._wake_at = float("inf")
                    return
                if idle_since is None:
                    idle_since = now
                self._wake_at = now + self.IDLE_EXIT
                self._cond.wait(self.IDLE_EXIT)


def watch_socket(sock) -> None:
    """Put ``sock`` under the deadline of the request running on this thread, if any (the
    connection classes call this for every socket they connect or reuse)."""
    clock = getattr(_current, "clock", None)
    if clock is not None and sock is not None:
        clock.watch(sock)


def current_clock() -> Clock | None:
    return getattr(_current, "clock", None)
