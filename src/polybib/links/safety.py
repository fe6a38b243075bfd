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


def address_problem(address: str) -> str:
    """Why ``address`` is not a public unicast address, or ``""`` when it is."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "malformed"
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
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
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return ""


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

    def __init__(self, allow_private: bool = False, allow_hosts=(), resolver=None):
        self.allow_private = allow_private
        self.allow_hosts = {h.lower().rstrip(".") for h in allow_hosts}
        self.resolver = resolver or system_resolver
        self._lock = threading.Lock()
        #: whether any host name resolved at all (tells "network down" from "no such host")
        self.resolved_any = False

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
