"""A machine without network must not call every link dead, nor try every one of them.

"No network" is simulated, never real: a resolver hook that fails every lookup as an
absent DNS server does, or a connect function that fails as a machine without a route
does.  Nothing here sends a packet anywhere.
"""
from __future__ import annotations

import errno
import socket

import pytest

from polybib.cli import main
from polybib.links import Link, check_links
from polybib.links.safety import AddressGuard

from .conftest import FakeDNS


def links(*urls):
    return [Link(u, "url", f"k{i}") for i, u in enumerate(urls)]


def journals(n: int) -> list[Link]:
    """``n`` links, each on a host of its own (so that no host limit slows anything)."""
    return links(*[f"http://journal-{i}.test/article/{i}" for i in range(n)])


def hosts_tried(dns: FakeDNS) -> set[str]:
    return {h for h in dns.calls if h.startswith("journal-")}


def test_when_every_lookup_fails_the_network_is_down_not_the_links(options):
    down = FakeDNS(fail=socket.EAI_NONAME)
    results = check_links(links("http://journal-a.test/1", "http://journal-b.test/2"), [],
                          options(resolver=down, retries=0))
    assert [r.status for r in results] == ["skipped", "skipped"]
    assert all(r.network_unavailable for r in results)
    assert all("not checked: the network is unavailable" in r.detail for r in results)
    assert "canary.test" in down.calls


@pytest.mark.parametrize("failure", [socket.EAI_AGAIN, socket.EAI_NONAME])
def test_once_the_network_is_known_to_be_down_the_other_links_are_not_tried(options, failure):
    down = FakeDNS(fail=failure)
    results = check_links(journals(60), [], options(resolver=down, retries=2, concurrency=4))
    assert {r.status for r in results} == {"skipped"}          # never dead, never a failure
    assert all(r.network_unavailable for r in results)
    # three failures decide it; the workers' requests in flight end; nothing more is tried
    assert len(hosts_tried(down)) <= 3 + 4
    not_tried = [r for r in results if "stopped trying before this link" in r.detail]
    assert len(not_tried) >= 60 - 7


def test_a_machine_without_a_route_stops_trying_too(options, dns, monkeypatch):
    """DNS answers (from a cache), but no address can be reached: ENETUNREACH."""
    connects: list[tuple] = []

    def no_route(address, *args, **kwargs):
        connects.append(address)
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr("polybib.links.safety._u3conn.create_connection", no_route)
    for i in range(60):
        dns.names[f"journal-{i}.test"] = ["127.0.0.1"]     # and were the stand-in missed: still local
    results = check_links(journals(60), [], options(resolver=dns, retries=2, concurrency=4))
    assert {r.status for r in results} == {"skipped"}
    assert all(r.network_unavailable for r in results)
    assert "no route" in results[-1].detail
    assert len(hosts_tried(dns)) <= 3 + 4
    assert len(connects) <= (3 + 4) * 3


def test_missing_hosts_are_dead_while_the_canary_resolves(options, dns):
    dns.names["canary.test"] = ["93.184.215.14"]     # resolved, never connected to
    results = check_links(journals(8), [], options(resolver=dns, retries=0, concurrency=2))
    assert {r.status for r in results} == {"dead"}
    assert len(hosts_tried(dns)) == 8


def test_a_temporary_dns_failure_is_unreachable_and_retried(options):
    def flaky(host: str, port: int) -> list[str]:
        if host == "canary.test":
            return ["93.184.215.14"]                 # DNS works; this one name is failing
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return flaky(host, port)

    [result] = check_links(links("http://journal-a.test/1"), [], options(resolver=resolver, retries=2))
    assert result.status == "unreachable"
    assert calls.count("journal-a.test") >= 3


def test_a_missing_host_is_dead_when_other_hosts_answer(server, options):
    results = check_links(links(server.url("/ok"), "http://no-such-journal.test/article"), [], options())
    assert [r.status for r in results] == ["ok", "dead"]
    assert "no such host" in results[1].detail


def test_a_missing_host_is_dead_when_the_canary_resolves(options, dns):
    dns.names["canary.test"] = ["93.184.215.14"]      # resolved, never connected to
    [result] = check_links(links("http://no-such-journal.test/article"), [], options(resolver=dns))
    assert result.status == "dead"


def test_the_check_command_says_the_network_is_down(tmp_path, monkeypatch, capsys):
    calls: list[str] = []

    def no_dns(host: str, port: int) -> list[str]:
        calls.append(host)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr("polybib.links.safety.system_resolver", no_dns)
    monkeypatch.chdir(tmp_path)
    bib = tmp_path / "refs.bib"
    bib.write_text("".join(f"@online{{k{i}, title = {{Page {i}}}, url = {{https://journal-{i}.example/a/{i}}}}}\n"
                           for i in range(40)), encoding="utf-8")
    code = main(["check", str(bib), "--no-cache", "--retries", "1", "--concurrency", "4", "-q"])
    out, err = capsys.readouterr()
    assert "the network seems down" in err and "not checked" in err
    assert "40 skipped" in out and "dead" not in out
    assert code == 0                     # nothing failed: nothing could be checked
    assert len({h for h in calls if h.startswith("journal-")}) <= 3 + 4


def test_the_guard_tells_the_monitor_of_working_dns():
    seen = []
    guard = AddressGuard(resolver=lambda h, p: ["93.184.215.14"], on_resolved=lambda: seen.append(1))
    guard.addresses("journal.test", 443)                 # resolved, never connected to
    assert seen == [1]


def test_build_stops_trying_links_when_the_network_is_down(tmp_path, monkeypatch, capsys):
    import json

    calls: list[str] = []

    def no_dns(host: str, port: int) -> list[str]:
        calls.append(host)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr("polybib.links.safety.system_resolver", no_dns)
    monkeypatch.chdir(tmp_path)
    bib = tmp_path / "refs.bib"
    bib.write_text("".join(f"@online{{k{i}, author = {{Petrova, Anna}}, title = {{Page {i}}}, year = {{2020}}, "
                           f"url = {{https://journal-{i}.example/a/{i}}}}}\n" for i in range(40)), encoding="utf-8")
    assert main(["build", str(bib), "-o", str(tmp_path / "out")]) == 0
    assert "the network seems down" in capsys.readouterr().err
    results = json.loads((tmp_path / "out" / "links.json").read_text(encoding="utf-8"))
    assert {r["status"] for r in results} == {"skipped"}
    assert all(r["detail"].startswith("not checked: the network is unavailable") for r in results)
    assert len({h for h in calls if h.startswith("journal-")}) <= 3 + 16     # the default concurrency
