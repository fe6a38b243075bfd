"""Untrusted files must not make the checker reach into private networks.

The local server is on 127.0.0.1, which is exactly what the checker must refuse without
``allow_private``; a "public" host is simulated with the DNS hook plus ``allow_hosts``
(a name trusted whatever it resolves to), so nothing ever leaves the machine.
"""
from __future__ import annotations

import socket

import pytest

from polybib.links import Link, check_links
from polybib.links.safety import AddressGuard, AddressRefused, address_problem, system_resolver


@pytest.mark.parametrize("address, problem", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
    ("100.64.0.1", "non-public"), ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
    ("fc00::1", "private"),
    ("93.184.215.14", ""), ("2606:4700::1111", ""),
])
def test_address_classes(address, problem):
    assert address_problem(address) == problem


# IPv6 addresses that carry an IPv4 address lead to it (through a relay, a NAT64 gateway
# or a local Teredo client), so they are judged by it; deprecated and local-only blocks are
# refused outright.  Pure policy: nothing here is connected to.
@pytest.mark.parametrize("address, problem", [
    ("2002:7f00:1::", "loopback (via 6to4 127.0.0.1)"),
    ("2002:a00:1::1", "private (via 6to4 10.0.0.1)"),
    ("2002:a9fe:a9fe::", "link-local (via 6to4 169.254.169.254)"),
    ("2002:c0a8:101::", "private (via 6to4 192.168.1.1)"),
    ("64:ff9b::7f00:1", "loopback (via NAT64 127.0.0.1)"),
    ("64:ff9b::a9fe:a9fe", "link-local (via NAT64 169.254.169.254)"),
    ("64:ff9b::ac10:1", "private (via NAT64 172.16.0.1)"),
    ("64:ff9b:1::a00:1", "non-public (local-use NAT64)"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "private (via Teredo 192.0.2.45)"),
    ("2001:0:7f00:1:0:f227:62c4:f1f1", "loopback (via Teredo 127.0.0.1)"),
    ("::ffff:169.254.169.254", "link-local"),
    ("::127.0.0.1", "reserved (deprecated IPv4-compatible)"),
    ("::93.184.215.14", "reserved (deprecated IPv4-compatible)"),
    ("::ffff:0:7f00:1", "reserved"),                     # IPv4-translated (SIIT)
    ("fec0::1", "site-local"), ("feff::1", "site-local"),
    ("fd12:3456::1", "private"),
    ("ff05::1", "multicast"), ("ff0e::1", "multicast"),
    ("::", "unspecified"), ("fe80::1%eth0", "link-local"),
    ("2001:db8::1", "documentation"), ("3fff::1", "documentation"),
    ("100::1", "reserved (discard-only)"), ("5f00::1", "reserved"), ("4000::1", "reserved"),
    # carriers of public IPv4 addresses are public: DNS64 answers like these on IPv6-only CI
    ("64:ff9b::5db8:d70e", ""), ("2002:5db8:d70e::1", ""), ("::ffff:93.184.215.14", ""),
    ("2a00:1450:4001:830::200e", ""),
])
def test_ipv6_address_classes(address, problem):
    assert address_problem(address) == problem


@pytest.mark.parametrize("address", ["2002:7f00:1::", "fec0::1", "64:ff9b::a00:1", "::127.0.0.1"])
def test_a_name_resolving_to_an_ipv6_carrier_of_a_private_address_is_refused(address):
    guard = AddressGuard(resolver=lambda host, port: [address])     # checked, never connected to
    with pytest.raises(AddressRefused) as info:
        guard.addresses("tunnel.test", 443)
    assert info.value.address == address


def test_numeric_spellings_of_loopback_are_caught_after_resolution():
    guard = AddressGuard(resolver=system_resolver)    # getaddrinfo of a number: no DNS traffic
    with pytest.raises(AddressRefused):
        guard.addresses("2130706433", 80)              # 127.0.0.1 as one decimal number


def test_a_name_is_refused_if_any_of_its_addresses_is_private():
    guard = AddressGuard(resolver=lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(AddressRefused) as info:
        guard.addresses("mixed.test", 443)
    assert info.value.address == "10.0.0.7"


def check(server, options, url, **opts):
    [result] = check_links([Link(url, "url", "key")], [], options(**opts))
    return result


def test_loopback_is_refused_without_allow_private_and_nothing_is_sent(server, options):
    before = sum(server.hits.values())
    result = check(server, options, server.url("/ok"), allow_private=False)
    assert result.status == "skipped"
    assert "loopback" in result.detail and "--allow-private" in result.detail
    assert sum(server.hits.values()) == before


def test_loopback_is_checked_with_allow_private(server, options):
    assert check(server, options, server.url("/ok"), allow_private=True).status == "ok"


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                                 "http://[::1]:9/", "http://[::ffff:127.0.0.1]:9/", "http://0.0.0.0:9/"])
def test_private_literals_are_refused_before_any_connection(server, options, url):
    result = check(server, options, url, allow_private=False)
    assert result.status == "skipped"
    assert "refused" in result.detail


def test_a_name_resolving_to_a_private_address_is_refused(server, options, dns):
    dns.names["intranet.test"] = ["10.0.0.5"]
    result = check(server, options, "http://intranet.test/wiki", allow_private=False)
    assert result.status == "skipped"
    assert "intranet.test resolves to 10.0.0.5, a private address" in result.detail


def test_a_redirect_from_a_public_host_into_loopback_is_refused(server, options, dns):
    dns.names["public.test"] = ["127.0.0.1"]
    start = f"http://public.test:{server.port}/redirect-to?url=" + server.url("/ok")
    before = server.hits[("GET", "/ok")] + server.hits[("HEAD", "/ok")]
    result = check(server, options, start, allow_private=False, allow_hosts=("public.test",))
    assert result.status == "skipped"
    assert result.detail.startswith("redirected to " + server.url("/ok"))
    assert "loopback" in result.detail
    assert [h.status for h in result.hops] == [302]
    assert server.hits[("GET", "/ok")] + server.hits[("HEAD", "/ok")] == before


def test_a_redirect_to_a_name_that_resolves_privately_is_refused(server, options, dns):
    dns.names["public.test"] = ["127.0.0.1"]
    dns.names["internal.test"] = ["192.168.0.10"]
    start = f"http://public.test:{server.port}/redirect-to?url=http://internal.test/admin"
    result = check(server, options, start, allow_private=False, allow_hosts=("public.test",))
    assert result.status == "skipped"
    assert "internal.test resolves to 192.168.0.10" in result.detail


def test_the_trusted_public_host_itself_is_checked(server, options, dns):
    dns.names["public.test"] = ["127.0.0.1"]
    result = check(server, options, f"http://public.test:{server.port}/ok", allow_private=False,
                   allow_hosts=("public.test",))
    assert result.status == "ok"


def test_dns_rebinding_between_check_and_connect_is_refused_at_connect_time(server, options, dns):
    answers = iter([["93.184.215.14"]])     # first lookup: public; every later one: loopback

    def rebinding() -> list[str]:
        return next(answers, ["127.0.0.1"])

    dns.names["rebind.test"] = rebinding
    before = sum(server.hits.values())
    result = check(server, options, f"http://rebind.test:{server.port}/ok", allow_private=False)
    assert result.status == "skipped"
    assert "127.0.0.1" in result.detail and "loopback" in result.detail
    assert dns.calls.count("rebind.test") == 2        # once per hop check, once at connect
    assert sum(server.hits.values()) == before


def test_redirects_to_other_schemes_are_not_followed(server, options):
    result = check(server, options, server.url("/redirect-to?url=file:///etc/passwd"))
    assert result.status == "skipped"
    assert "not an http(s) URL" in result.detail


@pytest.mark.parametrize("url", ["ftp://example.org/file.pdf", "file:///etc/passwd", "mailto:someone@example.org",
                                 "gopher://example.org/"])
def test_only_http_https_and_doi_are_followed(server, options, url):
    [result] = check_links([Link(url, "url", "key", kind="other")], [], options())
    assert result.status == "skipped"
    assert "only http, https and doi" in result.detail


def test_environment_proxies_are_ignored(server, options, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    monkeypatch.setenv("http_proxy", "http://10.9.9.9:3128")
    assert check(server, options, server.url("/ok")).status == "ok"


def test_the_guard_reports_dns_failure_as_gaierror():
    guard = AddressGuard(resolver=lambda h, p: (_ for _ in ()).throw(socket.gaierror(socket.EAI_NONAME, "x")))
    with pytest.raises(socket.gaierror):
        guard.addresses("nowhere.test", 80)
