"""The connections of one check run: a single set of per-host pools shared by every
worker, each new connection going through the AddressGuard.

requests → urllib3 pool manager → connection pool → connection.  We swap in connection
classes whose ``_new_conn`` asks the guard (resolve, check, connect to the checked
address), so the check holds at connect time even if DNS changes its answer between the
per-hop check and the connect.  urllib3's own retries and redirects are off: the checker
does both by hand so that each attempt and each hop is seen, recorded and checked.

Per-host politeness covers connections, not only requests: a host never sees more open
connections than ``per_host``.  So there is one pool manager for the whole run (not one
per worker thread, which gave one host a connection per worker), and each host's pool is
*blocking* with ``per_host`` places: a connection is made only in a free place, and the
:class:`~polybib.links.limits.HostLimiter` (at most ``per_host`` requests in flight per
``host:port``) keeps a place free for every request it lets start.  A host's pool is
never thrown away during a run (a new pool beside one still in use would double its
connections); hosts not used lately only get their idle connections closed, so a file
citing thousands of sites does not hold thousands of sockets.
"""
from __future__ import annotations

import queue
import threading
from collections import OrderedDict

import requests
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from .deadline import watch_socket
from .safety import AddressGuard


class _Guarded:
    """Connection behaviour shared by HTTP and HTTPS: connect through the guard, and put
    every socket, new or reused, under the running request's deadline."""

    def __init__(self, *args, guard: AddressGuard, **kwargs):
        self._guard = guard
        super().__init__(*args, **kwargs)

    def _new_conn(self):
        sock = self._guard.connect(self)
        watch_socket(sock)          # from here on: TLS handshake, headers, body
        return sock

    def request(self, *args, **kwargs):
        if self.sock is not None:   # a kept-alive connection, or one connected for TLS
            watch_socket(self.sock)
        return super().request(*args, **kwargs)


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _BoundedWait:
    """A pool whose places are all taken waits this long for one, then fails (the limiter
    should make that impossible; this keeps a bug from hanging a worker for ever)."""

    pool_wait: float = 60.0

    def _get_conn(self, timeout=None):
        return super()._get_conn(timeout=self.pool_wait if timeout is None else timeout)


class _GuardedHTTPPool(_BoundedWait, HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(_BoundedWait, HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


def _close_idle(pool: HTTPConnectionPool) -> int:
    """Close the connections waiting in ``pool`` (not the ones in use); its places stay."""
    places = pool.pool
    if places is None:
        return 0
    closed = 0
    taken = []
    while True:
        try:
            taken.append(places.get(block=False))
        except queue.Empty:
            break
    for conn in taken:
        if conn is not None:
            conn.close()
            closed += 1
        places.put(None, block=False)
    return closed


class _HostPools(PoolManager):
    """One blocking pool of ``maxsize`` places per scheme, host and port, kept for the
    whole run; the idle connections of all but the ``keep_idle`` hosts used last are
    closed."""

    def __init__(self, guard: AddressGuard, keep_idle: int = 256, pool_wait: float = 60.0, **kwargs):
        super().__init__(**kwargs)
        self._guard = guard
        self._keep_idle = max(1, keep_idle)
        self._pool_wait = pool_wait
        self._lock = threading.Lock()
        self._all: dict = {}
        self._recent: "OrderedDict[object, HTTPConnectionPool]" = OrderedDict()
        self.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}

    def _new_pool(self, scheme, host, port, request_context=None):
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.conn_kw["guard"] = self._guard   # handed to every connection the pool makes
        pool.pool_wait = self._pool_wait
        return pool

    def connection_from_pool_key(self, pool_key, request_context):
        with self._lock:
            pool = self._all.get(pool_key)
            if pool is None:
                pool = self._new_pool(request_context["scheme"], request_context["host"],
                                      request_context["port"], request_context=request_context)
                self._all[pool_key] = pool
            self._recent[pool_key] = pool
            self._recent.move_to_end(pool_key)
            while len(self._recent) > self._keep_idle:
                _key, old = self._recent.popitem(last=False)
                _close_idle(old)
        return pool

    def clear(self) -> None:
        with self._lock:
            pools = list(self._all.values())
            self._all.clear()
            self._recent.clear()
        for pool in pools:
            pool.close()


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter that never retries by itself, connects only where allowed and opens
    at most ``per_host`` connections to one host, however many threads share it."""

    def __init__(self, guard: AddressGuard, per_host: int = 2, keep_idle: int = 256, pool_wait: float = 60.0):
        self._guard = guard
        self._keep_idle = keep_idle
        self._pool_wait = pool_wait
        super().__init__(pool_connections=keep_idle, pool_maxsize=max(1, per_host), pool_block=True,
                         max_retries=Retry(total=0, connect=0, read=0, redirect=False, status=0,
                                           raise_on_redirect=False, raise_on_status=False))

    def init_poolmanager(self, connections, maxsize, block=True, **pool_kwargs):
        self.poolmanager = _HostPools(self._guard, keep_idle=self._keep_idle, pool_wait=self._pool_wait,
                                      num_pools=connections, maxsize=maxsize, block=True, **pool_kwargs)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # pragma: no cover - proxies are off
        raise requests.exceptions.InvalidURL("proxies are not used by the link checker")


class Transport:
    """The connections of one run: one :class:`GuardedAdapter` behind every worker's
    Session.  Sessions stay per worker (their cookies belong to the target being
    checked); only the pools are shared.  :meth:`close` once, when the workers are done."""

    def __init__(self, guard: AddressGuard, user_agent: str, per_host: int = 2, pool_wait: float = 60.0):
        self.user_agent = user_agent
        self.adapter = GuardedAdapter(guard, per_host=per_host, pool_wait=pool_wait)

    def session(self) -> requests.Session:
        return make_session(self.adapter, self.user_agent)

    def close(self) -> None:
        self.adapter.close()


def make_session(adapter: GuardedAdapter, user_agent: str) -> requests.Session:
    """A Session for one worker thread over a shared adapter: our User-Agent, no env proxies.
    Do not ``close()`` it: that would close the adapter under the other workers.

    ``trust_env`` is off so that ``HTTP_PROXY`` or ``.netrc`` from the CI machine neither
    sends requests elsewhere nor leaks credentials to the sites being checked.
    """
    session = requests.Session()
    session.trust_env = False
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({
        "User-Agent": user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "en;q=0.9, ru;q=0.8, *;q=0.5",
    })
    return session
