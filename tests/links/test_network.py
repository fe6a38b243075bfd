"""A machine without network must not call every link dead."""
from __future__ import annotations

import socket

from polybib.links import Link, check_links

from .conftest import FakeDNS


def links(*urls):
    return [Link(u, "url", f"k{i}") for i, u in enumerate(urls)]


def test_when_every_lookup_fails_the_network_is_down_not_the_links(options):
    down = FakeDNS(fail=socket.EAI_NONAME)
    results = check_links(links("http://journal-a.test/1", "http://journal-b.test/2"), [],
                          options(resolver=down, retries=0))
    assert [r.status for r in results] == ["unreachable", "unreachable"]
    assert all("network seems down" in r.detail for r in results)
    assert "canary.test" in down.calls


def test_a_temporary_dns_failure_is_unreachable_and_retried(options):
    down = FakeDNS(fail=socket.EAI_AGAIN)
    [result] = check_links(links("http://journal-a.test/1"), [], options(resolver=down, retries=2))
    assert result.status == "unreachable"
    assert down.calls.count("journal-a.test") >= 3


def test_a_missing_host_is_dead_when_other_hosts_answer(server, options):
    results = check_links(links(server.url("/ok"), "http://no-such-journal.test/article"), [], options())
    assert [r.status for r in results] == ["ok", "dead"]
    assert "no such host" in results[1].detail


def test_a_missing_host_is_dead_when_the_canary_resolves(options, dns):
    dns.names["canary.test"] = ["93.184.215.14"]      # resolved, never connected to
    [result] = check_links(links("http://no-such-journal.test/article"), [], options(resolver=dns))
    assert result.status == "dead"
