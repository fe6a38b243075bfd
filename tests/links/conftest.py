"""Fixtures for the link checker: a local HTTP server, a DNS stand-in, fast options.

No test talks to anything but the 127.0.0.1 server started here: host names go through
``FakeDNS`` (never the system resolver), the service bases (DOI handles, content
negotiation, Wayback) point at the local server, and timeouts are small so the suite is
quick.
"""
from __future__ import annotations

import socket

import pytest

from polybib.links import CheckOptions

from .server import LocalServer


class FakeDNS:
    """A resolver hook: names map to addresses; anything else does not exist."""

    def __init__(self, names: dict[str, list[str]] | None = None, fail: int | None = None):
        self.names = dict(names or {})
        self.fail = fail               # an EAI_* code to fail every lookup with
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        if self.fail is not None:
            raise socket.gaierror(self.fail, "Temporary failure in name resolution"
                                  if self.fail == socket.EAI_AGAIN else "Name or service not known")
        if host in self.names:
            answer = self.names[host]
            return answer() if callable(answer) else list(answer)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.fixture(scope="module")
def server():
    # per module, not per session: a server thread polling on after the link tests
    # would run (and free objects) under every later test of the session
    srv = LocalServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def dns():
    return FakeDNS({"localhost": ["127.0.0.1"]})


@pytest.fixture
def options(server, dns):
    """Build CheckOptions for the local server: fast, private addresses allowed (the
    server is on 127.0.0.1), every service on the server, DNS faked."""

    def make(**overrides) -> CheckOptions:
        values = dict(
            allow_private=True, resolver=dns, connect_timeout=0.5, read_timeout=0.5, retries=1,
            backoff=0.01, backoff_max=0.05, retry_after_max=2.0, concurrency=8, per_host=4,
            doi_base=server.url("/"), doi_meta_base=server.url("/"), wayback_base=None,
            canary_hosts=("canary.test",),
        )
        values.update(overrides)
        return CheckOptions(**values)

    return make
