"""requests sessions whose every new connection goes through the AddressGuard.

requests → urllib3 pool manager → connection pool → connection.  We swap in connection
classes whose ``_new_conn`` asks the guard (resolve, check, connect to the checked
address), so the check holds at connect time even if DNS changes its answer between the
per-hop check and the connect.  urllib3's own retries and redirects are off: the checker
does both by hand so that each attempt and each hop is seen, recorded and checked.
"""
from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from .safety import AddressGuard


class _GuardedHTTPConnection(HTTPConnection):
    def __init__(self, *args, guard: AddressGuard, **kwargs):
        self._guard = guard
        super().__init__(*args, **kwargs)

    def _new_conn(self):
        return self._guard.connect(self)


class _GuardedHTTPSConnection(HTTPSConnection):
    def __init__(self, *args, guard: AddressGuard, **kwargs):
        self._guard = guard
        super().__init__(*args, **kwargs)

    def _new_conn(self):
        return self._guard.connect(self)


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedPoolManager(PoolManager):
    def __init__(self, guard: AddressGuard, **kwargs):
        super().__init__(**kwargs)
        self._guard = guard
        self.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}

    def _new_pool(self, scheme, host, port, request_context=None):
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.conn_kw["guard"] = self._guard   # handed to every connection the pool makes
        return pool


class GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter that never retries by itself and connects only where allowed."""

    def __init__(self, guard: AddressGuard, pools: int = 256, maxsize: int = 4):
        self._guard = guard
        super().__init__(pool_connections=pools, pool_maxsize=maxsize,
                         max_retries=Retry(total=0, connect=0, read=0, redirect=False, status=0,
                                           raise_on_redirect=False, raise_on_status=False))

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):
        self.poolmanager = _GuardedPoolManager(self._guard, num_pools=connections, maxsize=maxsize,
                                               block=block, **pool_kwargs)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # pragma: no cover - proxies are off
        raise requests.exceptions.InvalidURL("proxies are not used by the link checker")


def make_session(guard: AddressGuard, user_agent: str, per_host: int = 2) -> requests.Session:
    """A Session for one worker thread: guarded adapters, our User-Agent, no env proxies.

    ``trust_env`` is off so that ``HTTP_PROXY`` or ``.netrc`` from the CI machine neither
    sends requests elsewhere nor leaks credentials to the sites being checked.
    """
    session = requests.Session()
    session.trust_env = False
    adapter = GuardedAdapter(guard, maxsize=max(1, per_host))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({
        "User-Agent": user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
        "Accept-Language": "en;q=0.9, ru;q=0.8, *;q=0.5",
    })
    return session
