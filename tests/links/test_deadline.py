"""A slow-loris server cannot hold a link check: one deadline per request covers connect,
headers and body (socket timeouts alone bound each wait, and a drip never trips them).

The drip server is on 127.0.0.1 and gives up by itself after ``DRIP_FOR`` seconds, so
every test here ends in a few seconds whatever the checker does.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest

from polybib.links import Link, check_links
from polybib.links.deadline import Watchdog

DRIP_FOR = 6.0          # the server's own bound
DRIP_EVERY = 0.1        # one byte this often: every recv returns long before a timeout
TIMEOUT = 1.0           # the checker's --timeout in these tests

PAGE_HEAD = (b"<!doctype html><html><head><meta charset='utf-8'><title>Dripping page</title>"
             b"<meta name='citation_title' content='Slow servers and their readers'></head><body>")


class DripServer:
    """Answers every request slowly, one byte at a time: in the status line and headers
    (``/headers``), in the body after quick headers (``/body``), or not at all
    (``/silent``)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sock.settimeout(0.2)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        end = time.monotonic() + DRIP_FOR
        try:
            conn.settimeout(DRIP_FOR)
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode("ascii")
            if path.startswith("/headers"):
                first, drip = b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 10000
            elif path.startswith("/body"):
                first = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                         b"Content-Length: 100000\r\n\r\n" + PAGE_HEAD)
                drip = b"x" * 100000
            else:
                first, drip = b"", b""
            conn.sendall(first)
            for i in range(len(drip)):
                if time.monotonic() > end or self.stopped.is_set():
                    return
                conn.sendall(drip[i:i + 1])
                time.sleep(DRIP_EVERY)
            while not drip and time.monotonic() < end and not self.stopped.is_set():
                time.sleep(DRIP_EVERY)        # silent: holds the connection, says nothing
        except OSError:
            pass                              # the checker hung up: what it should do
        finally:
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def drip():
    srv = DripServer()
    yield srv
    srv.close()


def check_timed(options, url: str, **opts):
    start = time.monotonic()
    [result] = check_links([Link(url, "url", "key")], [], options(read_timeout=TIMEOUT, connect_timeout=TIMEOUT,
                                                                  retries=0, **opts))
    return result, time.monotonic() - start


def test_dripping_headers_time_out_at_the_deadline(drip, options):
    result, took = check_timed(options, drip.url("/headers"))
    assert result.status == "timeout"
    assert "within 1 s" in result.detail
    assert took < TIMEOUT + 1.5          # was: as long as the server kept dripping


def test_a_dripping_body_is_judged_on_what_arrived_by_the_deadline(drip, options):
    result, took = check_timed(options, drip.url("/body"))
    assert result.status == "ok"              # the status line and headers came in time
    assert "arrived too slowly" in result.detail
    assert took < TIMEOUT + 1.5


def test_a_silent_server_times_out_at_the_deadline(drip, options):
    result, took = check_timed(options, drip.url("/silent"))
    assert result.status == "timeout"
    assert took < TIMEOUT + 1.5


def test_the_deadline_covers_all_attempts_one_by_one(drip, options):
    start = time.monotonic()
    [result] = check_links([Link(drip.url("/headers"), "url", "key")], [],
                           options(read_timeout=0.5, connect_timeout=0.5, retries=1, backoff=0.01))
    assert result.status == "timeout" and "after 2 attempts" in result.detail
    assert time.monotonic() - start < 2 * 0.5 + 1.5


def test_a_request_that_finishes_in_time_is_left_alone():
    a, b = socket.socketpair()
    try:
        watchdog = Watchdog()
        with watchdog.request(0.3) as clock:
            clock.watch(a)
        watchdog.close()
        time.sleep(0.5)
        assert not clock.expired
        b.sendall(b"still open")
        assert a.recv(16) == b"still open"       # the socket was never shut down
    finally:
        a.close()
        b.close()


def test_an_expired_clock_shuts_the_socket_down_and_wakes_a_blocked_read():
    a, b = socket.socketpair()
    try:
        watchdog = Watchdog()
        with watchdog.request(0.3) as clock:
            clock.watch(a)
            a.settimeout(5)
            start = time.monotonic()
            assert a.recv(16) == b""                # woken by the shutdown, not the timeout
            assert time.monotonic() - start < 2
        watchdog.close()
        assert clock.expired
    finally:
        a.close()
        b.close()


def test_the_watchdog_thread_ends_with_the_run(server, options):
    check_links([Link(server.url("/ok"), "url", "key")], [], options())
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline and any(t.name == "polybib-link-deadlines" for t in threading.enumerate()):
        time.sleep(0.01)
    assert not any(t.name == "polybib-link-deadlines" for t in threading.enumerate())
