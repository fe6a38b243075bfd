"""The HTTP checker: one URL → an Observation, done the way a careful browser would.

* Redirects are followed by hand (``allow_redirects=False``): every hop is recorded, the
  chain is bounded, loops are caught, and each new host is checked by the AddressGuard
  before a request goes to it.
* One request per URL where one will do: when the landing page is going to be read
  (the default), GET straight away, since HEAD then GET is two round trips for every
  page; HEAD when only the status is wanted (``--no-content``, or a URL naming a file
  such as ``.pdf``).  After a HEAD, GET when HEAD is refused (405/501/403, or any other
  4xx that a GET should confirm before a link is called dead) or when the answer turns
  out to be an HTML page that is to be read.  Hosts that refuse HEAD are remembered and
  asked with GET directly.
* Bodies are streamed and read only as far as needed: at most ``max_body_kib`` of an
  HTML page, nothing of a PDF (a 5 GB file costs one response header).
* One deadline per request (``read_timeout``) covers connect, TLS, headers and body
  (:mod:`.deadline`): a server dripping bytes cannot hold a check longer.
* Retries with backoff on 408/429/5xx and connection errors; ``Retry-After`` honoured
  up to a bound (and the whole host paused meanwhile).
* Per-host slots are held for exactly one request at a time, body included.
"""
from __future__ import annotations

import errno
import socket
import threading
import time
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit

import requests
from requests.cookies import extract_cookies_to_jar, get_cookie_header
from requests.models import PreparedRequest
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import ConnectTimeoutError, HTTPError as Urllib3Error, NewConnectionError, ReadTimeoutError
from urllib3.exceptions import InvalidHeader as _BadResponseHeader

from ..printable import escape_controls
from .collect import host_key, normalise_url
from .deadline import Watchdog
from .landing import Page, decode_html, parse_html
from .limits import HostLimiter
from .model import Hop, Observation
from .network import NetworkMonitor
from .options import CheckOptions
from .retry import backoff_delay, is_retryable_status, parse_retry_after
from .safety import AddressGuard, AddressRefused
from . import soft404

#: HEAD answers that mean "ask me with GET" rather than "this link is broken".
HEAD_REFUSED = (403, 405, 501)
#: 4xx answers to HEAD that are not confirmed with GET (they are about us, not the link).
_HEAD_FINAL_4XX = (401, 407, 408, 429)
_SMALL_BODY = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")
#: URL endings that name a file, not a page: HEAD first even when pages are read.
_FILE_ENDINGS = (".pdf", ".djvu", ".djv", ".ps", ".eps", ".doc", ".docx", ".odt", ".rtf", ".epub",
                 ".ppt", ".pptx", ".xls", ".xlsx", ".ods", ".csv", ".zip", ".gz", ".tgz", ".bz2",
                 ".xz", ".7z", ".rar", ".tar", ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff",
                 ".svg", ".mp3", ".mp4", ".avi", ".mkv", ".webm", ".iso", ".bin", ".exe", ".dmg")


def names_a_file(url: str) -> bool:
    """Whether the URL's path ends like a downloadable file (``…/paper.pdf``)."""
    return urlsplit(url).path.lower().endswith(_FILE_ENDINGS)

_DNS_MISSING = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)}
_DNS_TEMPORARY = {getattr(socket, n) for n in ("EAI_AGAIN", "EAI_FAIL") if hasattr(socket, n)}
_NO_ROUTE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


class FetchError(Exception):
    """A request that got no HTTP answer: ``kind`` for the verdict, ``retryable`` for us."""

    def __init__(self, kind: str, detail: str, retryable: bool = False):
        self.kind, self.detail, self.retryable = kind, detail, retryable
        super().__init__(detail)


@dataclass
class Reply:
    status: int
    headers: CaseInsensitiveDict
    url: str
    body: bytes = b""
    truncated: bool = False
    attempts: int = 1
    note: str = ""

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("Content-Type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip('"') or None
        return None

    @property
    def content_length(self) -> int | None:
        try:
            return int(self.headers.get("Content-Length", ""))
        except ValueError:
            return None


@dataclass
class Walk:
    """The end of a redirect chain: the observation and, for HTML, the parsed page."""

    obs: Observation
    page: Page | None = None
    body: bytes = b""
    reply: Reply | None = None


def _root_causes(exc: BaseException):
    """The chain of causes of a requests/urllib3 exception, outermost first."""
    seen = set()
    stack = [exc]
    while stack:
        e = stack.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack.extend([getattr(e, "reason", None), e.__cause__, e.__context__])
        stack.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))


def classify_error(exc: BaseException) -> FetchError:
    """What went wrong, in the checker's words, and whether another try may help."""
    for cause in _root_causes(exc):
        if isinstance(cause, AddressRefused):
            raise cause
        if isinstance(cause, socket.gaierror):
            if cause.errno in _DNS_TEMPORARY:
                return FetchError("dns-temporary", f"DNS lookup failed for now: {cause.strerror or cause}", True)
            return FetchError("dns", f"DNS: no such host ({cause.strerror or cause})")
    causes = list(_root_causes(exc))
    for cause in causes:
        if isinstance(cause, OSError) and cause.errno in _NO_ROUTE:
            return FetchError("no-route", f"no route to the host ({cause.strerror})", True)
        if isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED:
            return FetchError("refused", "connection refused", True)
    # urllib3's NewConnectionError subclasses ConnectTimeoutError: only a real timeout counts
    if any(isinstance(c, (requests.exceptions.ConnectTimeout, ConnectTimeoutError))
           and not isinstance(c, NewConnectionError) for c in causes):
        return FetchError("timeout", "connect timed out", True)
    if any(isinstance(c, (requests.exceptions.ReadTimeout, ReadTimeoutError, socket.timeout)) for c in causes):
        return FetchError("timeout", "no answer within the read timeout", True)
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError("tls", f"TLS: {_short(exc)}")
    # the server's answer broke HTTP (two Content-Lengths, a thousand headers, a status
    # line that is not one): the server's fault, never the URL's ("not a valid URL")
    bad = next((c for c in causes if isinstance(c, (_BadResponseHeader, HTTPException))), None)
    if bad is not None:
        return FetchError("connection", f"the server's answer is not valid HTTP: {_short(bad)}")
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return FetchError("invalid", f"not a valid URL: {_short(exc)}")
    return FetchError("connection", f"connection failed: {_short(exc)}", True)


def _prepare(session: requests.Session, method: str, url: str, headers: dict | None) -> PreparedRequest:
    """``session.prepare_request`` without the parts we never use (auth, bodies, params,
    env merging) and without re-parsing a URL that ``normalise_url`` already prepared:
    a quarter of requests' CPU time per request, which is what bounds a checker on few
    cores.  Session cookies are still sent (publishers set one and redirect to check it)."""
    prep = PreparedRequest()
    prep.method = method
    prep.url = url
    merged = CaseInsensitiveDict(session.headers)
    if headers:
        merged.update(headers)
    prep.headers = merged
    prep.body = None
    prep.hooks = {"response": []}
    jar = session.cookies
    prep._cookies = jar
    if len(jar):
        cookie = get_cookie_header(jar, prep)
        if cookie:
            prep.headers["Cookie"] = cookie
    return prep


def _location(value: str) -> str:
    """A Location header as its sender meant it: http.client decodes headers as Latin-1,
    but servers send UTF-8 (Cyrillic paths), as requests also assumes."""
    value = value.strip()
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _short(exc: BaseException) -> str:
    """An exception's text for a detail: bytes from the server (a status line of ESC
    sequences) shown escaped, at most 200 characters."""
    text = escape_controls(exc)
    return text if len(text) <= 200 else text[:197] + "…"


class Fetcher:
    """Makes the requests of a run; shared by all workers (sessions are per worker)."""

    def __init__(self, options: CheckOptions, guard: AddressGuard, limiter: HostLimiter,
                 network: NetworkMonitor | None = None):
        self.options = options
        self.guard = guard
        self.limiter = limiter
        self.network = network         # told of every answer; stops retries once the network is down
        self._lock = threading.Lock()
        self._head_refused: set[str] = set()
        self._probes: dict[str, Walk] = {}
        self._probing: dict[str, threading.Event] = {}
        self.got_response = False     # any HTTP answer at all (the network works)
        self.watchdog = Watchdog()     # the per-request deadlines

    # -- one request, with retries -----------------------------------------------------
    def exchange(self, session: requests.Session, method: str, url: str, read: str,
                 headers: dict | None = None) -> Reply:
        """One request (and its retries).  ``read``: ``html`` (read an HTML body), ``json``
        (read any body), ``none`` (read nothing but a small body, to keep the connection)."""
        o = self.options
        host = host_key(url)
        attempt = 0
        while True:
            try:
                reply = self._once(session, method, url, read, headers, host)
            except FetchError as err:
                if err.retryable and attempt < o.retries and not self._network_down():
                    time.sleep(backoff_delay(attempt, o.backoff, o.backoff_max))
                    attempt += 1
                    continue
                err.detail += f" (after {attempt + 1} attempts)" if attempt else ""
                raise
            reply.attempts = attempt + 1
            self.got_response = True
            if self.network is not None:
                self.network.answered()
            if not is_retryable_status(reply.status):
                return reply
            wait = parse_retry_after(reply.headers.get("Retry-After"))
            if wait is not None and wait > o.retry_after_max:
                reply.note = (f"the server asks to retry after {wait:.0f} s, "
                              f"longer than the {o.retry_after_max:g} s polybib waits")
                return reply
            if attempt >= o.retries:
                if attempt:
                    reply.note = f"still {reply.status} after {attempt + 1} attempts"
                return reply
            if wait is not None:
                self.limiter.pause(host, wait)   # the next slot for this host waits it out
            else:
                time.sleep(backoff_delay(attempt, o.backoff, o.backoff_max))
            attempt += 1

    def _network_down(self) -> bool:
        return self.network is not None and self.network.down.is_set()

    def _once(self, session, method, url, read, headers, host) -> Reply:
        o = self.options
        total = o.read_timeout
        # one deadline for the whole request (connect, TLS, headers, body): socket timeouts
        # alone bound each wait, and a server dripping a byte at a time never trips them
        with self.limiter.slot(host), self.watchdog.request(total) as clock:
            try:
                prep = _prepare(session, method, url, headers)
                # the adapter, not Session.send: with allow_redirects=False, Session.send
                # reads a redirect's whole body (to prepare ``Response.next``) — unbounded
                resp = session.get_adapter(url).send(prep, stream=True, verify=True, cert=None, proxies={},
                                                     timeout=(min(o.connect_timeout, total), total))
                extract_cookies_to_jar(session.cookies, prep, resp.raw)
            except AddressRefused:
                raise
            except (requests.exceptions.RequestException, Urllib3Error, OSError) as exc:
                if clock.expired:
                    raise FetchError("timeout", f"no complete answer within {total:g} s "
                                                "(the server sends too slowly or not at all)", True) from exc
                raise classify_error(exc) from exc
            try:
                reply = Reply(resp.status_code, resp.headers, url)
                ctype = reply.content_type
                # a redirect's body is nobody's page: drained when small, never read
                wants = ((read == "json" or (read == "html" and ctype in _HTML_TYPES)) and method != "HEAD"
                         and not 300 <= reply.status < 400)
                length = reply.content_length
                if wants:
                    reply.body, reply.truncated = self._read(resp, o.max_body_kib * 1024, clock)
                    if clock.expired:
                        reply.note = (f"the page arrived too slowly: judged on the first {len(reply.body):,} "
                                      f"bytes, read in {total:g} s")
                elif method == "HEAD" or (length is not None and length <= _SMALL_BODY):
                    self._read(resp, _SMALL_BODY, clock)    # drain, so the connection can be reused
                return reply
            finally:
                resp.close()

    @staticmethod
    def _read(resp: requests.Response, limit: int, clock) -> tuple[bytes, bool]:
        """At most ``limit`` bytes of the body, as they arrive, until the request's clock
        runs out; True when there was more (not read)."""
        raw = resp.raw
        chunks: list[bytes] = []
        total = 0
        try:
            while total < limit:
                if clock.expired:
                    return b"".join(chunks), True
                data = raw.read1(min(65536, limit - total), decode_content=True)
                if not data:
                    return b"".join(chunks), False
                chunks.append(data)
                total += len(data)
        except (requests.exceptions.RequestException, Urllib3Error, OSError, HTTPException):
            return b"".join(chunks), True
        return b"".join(chunks)[:limit], True

    # -- a redirect chain ------------------------------------------------------------------
    def walk(self, session: requests.Session, start: str, *, read: str = "html",
             method: str | None = None, headers: dict | None = None, normalised: bool = False) -> Walk:
        """Follow ``start`` to its end, checking every hop; never raises for network trouble.
        ``normalised``: ``start`` came through ``normalise_url`` already."""
        o = self.options
        obs = Observation(target=start, kind="http")
        url = start
        if not normalised:
            try:
                url = normalise_url(start)
            except Exception as exc:   # requests raises several types for malformed URLs
                obs.outcome, obs.error, obs.detail = "error", "invalid", f"not a valid URL: {exc}"
                return Walk(obs)
        want_page = read == "html" and o.content
        if method is None:
            method = "GET" if (o.method == "get" or (want_page and not names_a_file(url))
                               or host_key(url) in self._head_refused) else "HEAD"
        # a loop is the same URL with the same cookies: publishers send a browser away to
        # set a cookie and back to the same URL, which then answers
        def state(u: str) -> tuple:
            return (u, tuple(sorted((c.name, c.value or "") for c in session.cookies)))

        seen = {state(url)}
        attempts = 0
        while True:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                obs.outcome, obs.error = "error", "unsupported"
                obs.detail = f"redirected to {url}, which is not an http(s) URL"
                break
            port = parts.port or (443 if parts.scheme == "https" else 80)
            try:
                self.guard.addresses(parts.hostname, port)
            except socket.gaierror as exc:
                err = classify_error(exc)
                if err.kind != "dns-temporary":   # a temporary failure: the request retries it
                    obs.outcome, obs.error, obs.detail = "error", err.kind, err.detail
                    break
            except AddressRefused as exc:
                self._refused(obs, url, exc)
                break
            try:
                reply = self.exchange(session, method, url,
                                      read if want_page or read != "html" else "none", headers)
            except AddressRefused as exc:
                self._refused(obs, url, exc)
                break
            except FetchError as err:
                obs.outcome, obs.error, obs.detail = "error", err.kind, err.detail
                break
            attempts += reply.attempts
            status = reply.status
            if method == "HEAD" and (status in HEAD_REFUSED or
                                     (400 <= status < 500 and status not in _HEAD_FINAL_4XX)):
                if status in (405, 501):
                    with self._lock:
                        self._head_refused.add(host_key(url))
                method = "GET"
                continue
            if 300 <= status < 400 and status != 304:
                location = _location(reply.headers.get("Location", ""))
                if not location:
                    obs.http_status, obs.final_url = status, url
                    obs.detail = f"HTTP {status} redirect without a Location"
                    break
                try:
                    nxt = normalise_url(urljoin(url, location))
                except Exception:
                    obs.http_status, obs.final_url = status, url
                    obs.outcome, obs.error = "error", "invalid"
                    obs.detail = f"HTTP {status} redirect to an invalid URL {location!r}"
                    break
                obs.hops.append(Hop(url, status, nxt))
                key = state(nxt)
                if key in seen:
                    obs.outcome, obs.error = "error", "redirect-loop"
                    obs.detail = "redirect loop: " + " → ".join([h.url for h in obs.hops] + [nxt])
                    break
                if len(obs.hops) > o.max_redirects:
                    obs.outcome, obs.error = "error", "too-many-redirects"
                    obs.detail = f"more than {o.max_redirects} redirects"
                    break
                seen.add(key)
                url = nxt
                continue
            if (method == "HEAD" and want_page and 200 <= status < 300
                    and reply.content_type in _HTML_TYPES):
                method = "GET"        # the page itself is needed: soft-404s, metadata
                continue
            obs.http_status, obs.final_url = status, url
            obs.content_type, obs.content_length = reply.content_type, reply.content_length
            obs.bytes_read, obs.truncated = len(reply.body), reply.truncated
            obs.detail = reply.note
            walk = Walk(obs, reply=reply, body=reply.body)
            if want_page and reply.body and reply.content_type in _HTML_TYPES:
                walk.page = parse_html(decode_html(reply.body, reply.charset))
            obs.attempts = max(1, attempts)
            return walk
        obs.attempts = max(1, attempts)
        if obs.final_url is None and obs.hops:
            obs.final_url = obs.hops[-1].location
        return Walk(obs)

    @staticmethod
    def _refused(obs: Observation, url: str, exc: AddressRefused) -> None:
        obs.outcome, obs.error = "refused", "refused-address"
        where = "redirected to" if obs.hops else "the URL points at"
        what = (f"{exc.address} is a {exc.reason} address" if exc.host == exc.address
                else f"{exc.host} resolves to {exc.address}, a {exc.reason} address")
        obs.detail = f"{where} {url}: {what} (refused; --allow-private checks it)"

    # -- a URL, judged as a page ---------------------------------------------------------
    def check_url(self, session: requests.Session, url: str) -> Observation:
        walk = self.walk(session, url, normalised=True)
        obs = walk.obs
        obs.target = url
        page = walk.page
        if page is None or obs.http_status is None or not 200 <= obs.http_status < 300:
            return obs
        works = page.works()
        obs.works = works
        obs.page_title = page.title
        if any(w.strong for w in works):
            return obs
        signal = soft404.redirect_signal(url, obs.final_url or url) or soft404.phrase_signal(page)
        if not signal and self.options.probe_soft404:
            signal = self.probe(session, obs.final_url or url, page)
        obs.soft404 = signal
        return obs

    def probe(self, session: requests.Session, url: str, page: Page) -> str:
        """Ask for a missing sibling; a site that serves our page for it proves nothing."""
        key = soft404.probe_key(url)
        with self._lock:
            known = self._probes.get(key)
            event = self._probing.get(key)
            mine = known is None and event is None
            if mine:
                event = self._probing[key] = threading.Event()
        if mine:
            try:
                known = self.walk(session, soft404.probe_url(url), method="GET")
                with self._lock:
                    self._probes[key] = known
            finally:
                event.set()
        elif known is None:
            event.wait(self.options.connect_timeout + 2 * self.options.read_timeout)
            with self._lock:
                known = self._probes.get(key)
            if known is None:
                return ""
        pobs = known.obs
        if pobs.http_status is None or not 200 <= pobs.http_status < 300:
            return ""
        if pobs.final_url == url or (known.page is not None and soft404.same_page(page, known.page)):
            return f"the site answers a URL that cannot exist ({pobs.target}) with this same page"
        return ""
