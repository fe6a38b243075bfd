"""Which addresses a link checker may connect to, decided on every hop and every connect.

Link checking runs in CI on files anyone can send; a URL (or a redirect) pointing at
``127.0.0.1``, ``10.0.0.5`` or ``169.254.169.254`` (cloud metadata) would make the CI
machine attack its own network.  So every host name is resolved, every address checked,
and the connection is made to exactly the addresses that passed (no second lookup between
the check and the connect that a rebinding DNS server could answer differently).

The resolver is a hook so that tests can make a name resolve to anything without DNS.
"""
from __future__ import annotations

import ipaddress
import socket
import threading

from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as _u3conn


class AddressRefused(Exception):
    """A host resolves to an address the policy refuses (not an OSError: it must not be
    retried or wrapped into a connection error by urllib3 or requests)."""

    def __init__(self, host: str, address: str, reason: str):
        self.host, self.address, self.reason = host, address, reason
        super().__init__(f"{host} resolves to {address}, a {reason} address")


#: IPv6 blocks judged by what they are, before any embedded IPv4 address is looked at.
#: Python's own flags for these changed between versions (3.11 calls ``fec0::1`` and
#: ``2002:7f00:1::`` global), so the policy names them itself.
_V6_BLOCKS = [(ipaddress.ip_network(net), reason) for net, reason in (
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("64:ff9b:1::/48", "non-public (local-use NAT64)"),
    ("100::/64", "reserved (discard-only)"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("fc00::/7", "private"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)]
_V4_COMPATIBLE = ipaddress.ip_network("::/96")       # ::a.b.c.d, deprecated (RFC 4291)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")        # well-known NAT64 prefix (RFC 6052)
_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")


#: IPv4 blocks the policy names itself for the same reason: Python before 3.11.10/3.12.4
#: calls most of 192.0.0.0/24 (IETF protocol assignments, "not globally reachable" in
#: IANA's registry; 192.0.0.8 is the IPv4 dummy address) global.  Its two globally
#: reachable anycast addresses (.9 PCP, .10 TURN) stay allowed.
_V4_BLOCKS = [(ipaddress.ip_network(net), reason) for net, reason in (
    ("192.0.0.0/24", "non-public (IETF protocol assignments)"),
)]
_V4_GLOBAL = {ipaddress.ip_address("192.0.0.9"), ipaddress.ip_address("192.0.0.10")}


def _v4_problem(ip: ipaddress.IPv4Address) -> str:
    for net, reason in _V4_BLOCKS:
        if ip in net and ip not in _V4_GLOBAL:
            return reason
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_reserved:
        return "reserved"
    return _private_or_non_public(ip)


def _private_or_non_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """The last checks of either family, once the special ranges are ruled out."""
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return ""


def _embedded_v4(ip: ipaddress.IPv6Address) -> tuple[str, list[ipaddress.IPv4Address]] | None:
    """The IPv4 addresses an IPv6 address carries and delivers to, with the mechanism's
    name: traffic to these ends up at the IPv4 address (a relay, a NAT64 gateway, or a
    Teredo client of this very machine), so they are judged by it."""
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", [ip.ipv4_mapped]
    if ip in _NAT64:
        return "NAT64", [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    if ip.sixtofour is not None:
        return "6to4", [ip.sixtofour]
    if ip.teredo is not None:
        return "Teredo", list(ip.teredo)
    return None


def _v6_problem(ip: ipaddress.IPv6Address) -> str:
    for net, reason in _V6_BLOCKS:
        if ip in net:
            return reason
    embedded = _embedded_v4(ip)
    if embedded is not None:
        mechanism, v4s = embedded
        for v4 in v4s:
            problem = _v4_problem(v4)
            if problem:
                # a mapped address is the IPv4 address itself, as the OS treats it
                return problem if mechanism == "IPv4-mapped" else f"{problem} (via {mechanism} {v4})"
        return ""
    if ip in _V4_COMPATIBLE:
        return "reserved (deprecated IPv4-compatible)"
    if ip not in _GLOBAL_UNICAST or ip.is_reserved:
        return "reserved"
    return _private_or_non_public(ip)


def address_problem(address: str) -> str:
    """Why ``address`` is not a public unicast address, or ``""`` when it is.

    IPv6 addresses that carry an IPv4 address (IPv4-mapped, NAT64 ``64:ff9b::/96``, 6to4
    ``2002::/16``, Teredo ``2001::/32``) are judged by the IPv4 address they lead to;
    IPv4-compatible ``::a.b.c.d``, site-local ``fec0::/10``, unique-local ``fc00::/7``,
    documentation and everything outside ``2000::/3`` are refused outright.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "malformed"
    if isinstance(ip, ipaddress.IPv6Address):
        return _v6_problem(ip)
    return _v4_problem(ip)


def system_resolver(host: str, port: int) -> list[str]:
    """Addresses of ``host`` from the operating system, in its preferred order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(sockaddr[0])
    return seen


class AddressGuard:
    """Resolve, check and connect: the one place that decides where sockets may go."""

    def __init__(self, allow_private: bool = False, allow_hosts=(), resolver=None, on_resolved=None):
        self.allow_private = allow_private
        self.allow_hosts = {h.lower().rstrip(".") for h in allow_hosts}
        self.resolver = resolver or system_resolver
        self._lock = threading.Lock()
        #: whether any host name resolved at all (tells "network down" from "no such host")
        self.resolved_any = False
        #: called after every successful lookup (the network monitor's sign of working DNS)
        self.on_resolved = on_resolved

    def addresses(self, host: str, port: int) -> list[str]:
        """The checked addresses of ``host``; raises AddressRefused or socket.gaierror."""
        host = host.strip("[]").rstrip(".").lower()
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            found = [host]
        except ValueError:
            found = list(self.resolver(host, port))
            if not found:
                raise socket.gaierror(socket.EAI_NONAME, "no addresses")
            with self._lock:
                self.resolved_any = True
            if self.on_resolved is not None:
                self.on_resolved()
        if self.allow_private or host in self.allow_hosts:
            return found
        for address in found:
            reason = address_problem(address)
            if reason:
                raise AddressRefused(host, address, reason)
        return found

    def connect(self, conn) -> socket.socket:
        """urllib3's ``_new_conn`` with the check at connect time, raising its exceptions."""
        host, port = conn._dns_host, conn.port
        try:
            addresses = self.addresses(host, port)
        except socket.gaierror as exc:
            raise NameResolutionError(conn.host, conn, exc) from exc
        last: OSError | None = None
        for address in addresses:
            try:
                return _u3conn.create_connection((address, port), conn.timeout,
                                                 source_address=conn.source_address,
                                                 socket_options=conn.socket_options)
            except socket.timeout as exc:
                raise ConnectTimeoutError(
                    conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})") from exc
            except OSError as exc:
                last = exc
        raise NewConnectionError(conn, f"Failed to establish a new connection: {last}") from last
