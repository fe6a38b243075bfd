"""The review app: routes, static files, and the guards every request passes.

The app edits files on the user's machine, so any web page the user has open elsewhere
must not be able to drive it.  The guards, outermost first (a pure ASGI layer, so nothing
reaches a handler without passing them):

* **Host check** against DNS rebinding: a request is served only when its ``Host`` is the
  address the server listens on (``127.0.0.1:PORT`` or ``localhost:PORT``); a hostile
  page whose name was re-pointed at 127.0.0.1 sends its own name and gets 421.
* **Per-session token** against cross-site requests: every ``/api/`` request must carry
  the token in the ``X-Polybib-Token`` header.  The token is random per server start and
  is only in the page the app serves; another site can neither read it (no CORS) nor send
  a custom header cross-site without a preflight the app never grants.  A request whose
  ``Origin`` is another site is refused as well.
* **Size limits**: a body larger than the limit (16 MiB for uploads, 1 MiB otherwise) is
  refused with 413, counted as it streams in, whatever ``Content-Length`` says.
* **Headers on every answer**: a strict Content-Security-Policy (scripts, styles, fonts
  and connections from the app itself only; no inline script or style, no frames, no
  forms to elsewhere), ``nosniff``, no referrer, ``no-store``.

The page builds everything with ``textContent`` (never ``innerHTML`` with data), so a
title that contains ``<script>`` is shown as text.
"""
from __future__ import annotations

import hmac
import html
import secrets
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .session import ReviewSession
from .views import Views

TOKEN_HEADER = "x-polybib-token"
UPLOAD_LIMIT = 16 * 2**20
BODY_LIMIT = 2**20

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def static_dir() -> Path:
    return Path(str(resources.files("polybib.review") / "static"))


class Guard:
    """The ASGI layer that checks Host, Origin, token and body size, and adds the
    security headers to every response."""

    def __init__(self, app, hosts: set[str], token: str):
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.origins = {f"http://{h}" for h in self.hosts}
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

        async def send_secured(message):
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", [])
                        if k.lower() not in {h for h, _ in SECURITY_HEADERS}]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        refusal = self._refusal(scope, headers)
        if refusal:
            status, text = refusal
            return await PlainTextResponse(text, status_code=status)(scope, receive, send_secured)
        limit = UPLOAD_LIMIT if scope["path"] == "/api/upload" else BODY_LIMIT
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return await PlainTextResponse(f"too large: at most {limit} bytes",
                                           status_code=413)(scope, receive, send_secured)
        # the body is read here, counted as it streams in, and handed on whole
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return                                   # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                return await PlainTextResponse(f"too large: at most {limit} bytes",
                                               status_code=413)(scope, receive, send_secured)
        delivered = False

        async def replay():
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send_secured)

    def _refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return 421, "unknown Host: this server answers only to its own address"
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            return 403, "cross-origin request refused"
        if headers.get("sec-fetch-site") == "cross-site":
            return 403, "cross-site request refused"
        if scope["path"].startswith("/api/"):
            given = headers.get(TOKEN_HEADER, "")
            if not given or not hmac.compare_digest(given.encode("latin-1"), self.token.encode()):
                return 403, "missing or wrong session token"
        return None


def create_app(session: ReviewSession, port: int, token: str | None = None) -> Guard:
    """The ASGI app for ``session``, answering to ``127.0.0.1:port`` and ``localhost:port``."""
    token = token or secrets.token_urlsafe(32)
    views = Views(session)
    page = (static_dir() / "index.html").read_text(encoding="utf-8")
    page = page.replace("{{TOKEN}}", html.escape(token, quote=True))

    def index(request):
        return HTMLResponse(page)

    routes = [
        Route("/", index),
        Route("/api/meta", views.meta),
        Route("/api/records", views.records),
        Route("/api/records/{index:int}", views.record),
        Route("/api/records/{index:int}/details", views.details),
        Route("/api/records/{index:int}/field", views.set_field, methods=["POST"]),
        Route("/api/records/{index:int}/type", views.set_type, methods=["POST"]),
        Route("/api/records/{index:int}/label", views.label, methods=["POST"]),
        Route("/api/records/{index:int}/fix", views.fix, methods=["POST"]),
        Route("/api/records/{index:int}/reviewed", views.reviewed, methods=["POST"]),
        Route("/api/records/{index:int}/links", views.check_links, methods=["POST"]),
        Route("/api/undo", views.undo, methods=["POST"]),
        Route("/api/import", views.import_text, methods=["POST"]),
        Route("/api/upload", views.upload, methods=["POST"]),
        Route("/api/clear", views.clear, methods=["POST"]),
        Route("/api/export/{kind}", views.export),
        Mount("/static", StaticFiles(directory=static_dir()), name="static"),
    ]
    app = Starlette(routes=routes)
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    guard = Guard(app, hosts, token)
    guard.token = token
    return guard
