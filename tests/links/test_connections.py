"""Per-host politeness holds for connections too, not only for requests in flight."""
from __future__ import annotations

import time

import pytest

from polybib.links import Link, check_links

from .server import LocalServer


@pytest.fixture
def hosts():
    """Three servers of their own (three hosts to the checker, whose unit is host:port),
    so that no other test's connections are counted."""
    servers = [LocalServer().start() for _ in range(3)]
    yield servers
    for srv in servers:
        srv.stop()


@pytest.mark.parametrize("content", [True, False])
def test_a_host_never_sees_more_connections_than_its_limit(hosts, options, content):
    # 4 workers over 3 hosts with a limit of 2 each (6 slots, so a worker moves on to
    # whichever host has room): with a connection pool per worker, every worker that had
    # checked a host kept a connection to it open (4 a host) while only 2 requests were
    # ever in flight
    links = [Link(srv.url(f"/concurrent/{i}"), "url", f"k{i}") for i in range(30) for srv in hosts]
    results = check_links(links, [], options(per_host=2, concurrency=4, content=content))
    assert {r.status for r in results} == {"ok"}
    for srv in hosts:
        assert srv.peak["concurrent"] == 2
        assert 1 <= srv.peak_connections <= 2
        assert srv.connections <= 2          # kept alive and reused by whichever worker


def test_connections_are_closed_when_the_run_ends(hosts, options):
    links = [Link(srv.url(f"/concurrent/{i}"), "url", f"k{i}") for i in range(4) for srv in hosts]
    check_links(links, [], options(per_host=2, concurrency=4))
    deadline = time.monotonic() + 2
    while any(srv.open_connections for srv in hosts) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [srv.open_connections for srv in hosts] == [0, 0, 0]


def test_idle_connections_of_hosts_not_used_lately_are_closed(hosts):
    """A file citing thousands of sites must not hold thousands of idle sockets."""
    from polybib.links.safety import AddressGuard
    from polybib.links.transport import GuardedAdapter, make_session

    adapter = GuardedAdapter(AddressGuard(allow_private=True), per_host=2, keep_idle=2)
    session = make_session(adapter, "polybib-test")
    try:
        for srv in hosts:
            assert session.get(srv.url("/ok"), timeout=2).status_code == 200
        deadline = time.monotonic() + 2
        while hosts[0].open_connections and time.monotonic() < deadline:
            time.sleep(0.02)
        # the first host was used longest ago: its idle connection is closed, the others kept
        assert [srv.open_connections for srv in hosts] == [0, 1, 1]
        assert session.get(hosts[0].url("/ok"), timeout=2).status_code == 200   # and it still works
    finally:
        adapter.close()
