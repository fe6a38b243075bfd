"""A real HTTP server on 127.0.0.1 with one endpoint per case the link checker must judge.

It runs in a thread of the test process (ThreadingHTTPServer, port 0) and counts what it
sees — hits per method and path, requests in flight, bytes sent of the huge bodies — so
tests can assert on the checker's behaviour, not only on its verdicts.
"""
from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARTICLE_RU = """<!doctype html><html><head><meta charset="utf-8">
<title>Экономическая история России — Вестник</title>
<meta name="citation_title" content="Экономическая история России: новые подходы">
<meta name="citation_author" content="Щукин, Юрий Ильич">
<meta name="citation_author" content="Ёлкин, П. А.">
<meta name="citation_publication_date" content="2019/05/12">
<meta name="citation_journal_title" content="Вестник экономики">
</head><body><h1>Экономическая история России</h1><p>Аннотация…</p></body></html>"""

ARTICLE_TRANSLIT = """<!doctype html><html><head><meta charset="utf-8">
<title>Ekonomicheskaya istoriya Rossii</title>
<meta name="citation_title" content="Ekonomicheskaya istoriya Rossii: novye podkhody">
<meta name="citation_author" content="Shchukin, Yu. I.">
<meta name="citation_publication_date" content="2019">
</head><body><h1>Ekonomicheskaya istoriya Rossii</h1></body></html>"""

ARTICLE_OTHER = """<!doctype html><html><head><meta charset="utf-8">
<title>Journal of Physics</title>
<meta name="citation_title" content="Quantum transport in graphene nanoribbons">
<meta name="citation_author" content="Smith, John">
<meta name="citation_publication_date" content="2015">
</head><body><h1>Quantum transport in graphene nanoribbons</h1></body></html>"""

# OJS publishes Dublin Core, in cp1251 on older Russian installations.
DC_ARTICLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Просмотр статьи</title>
<meta name="DC.Title" content="Цифровая экономика и право">
<meta name="DC.Title.Alternative" xml:lang="en" content="Digital economy and law">
<meta name="DC.Creator.PersonalName" content="Иванова Анна Петровна">
<meta name="DC.Date.issued" scheme="ISO8601" content="2020-03-01">
</head><body><p>Статья</p></body></html>"""

JSONLD_ARTICLE = """<html><head><title>Article</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example Journal"},
  {"@type": "ScholarlyArticle", "headline": "Deep learning for bibliographies",
   "author": [{"@type": "Person", "givenName": "Anna", "familyName": "Petrova"}],
   "datePublished": "2021-02-03"}]}
</script></head><body>x</body></html>"""

JSONLD_OTHER = JSONLD_ARTICLE.replace("Deep learning for bibliographies", "Cooking with cast iron pans") \
    .replace("Petrova", "Baker").replace("2021", "2011")

SOFT404_RU = """<html><head><meta charset="utf-8"><title>Страница не найдена — Институт</title></head>
<body><h1>Ошибка</h1><p>Запрашиваемая страница не найдена. Вернитесь на главную.</p></body></html>"""
SOFT404_EN = """<html><head><title>Example University</title></head>
<body><h1>Sorry!</h1><p>The page you requested could not be found on this server.</p></body></html>"""
CATCHALL = """<html><head><title>Welcome to the Library</title></head>
<body><p>Search our catalogue of books and journals.</p></body></html>"""
HOME = """<html><head><title>Home</title></head><body><p>Welcome home.</p></body></html>"""
PLAIN_PAGE = """<html><head><title>A plain page about economics</title></head>
<body><p>Some text that is not a not-found page.</p></body></html>"""

CSL = {
    "10.1234/good": {"type": "article-journal", "DOI": "10.1234/good",
                     "title": "Deep learning for bibliographies",
                     "author": [{"family": "Petrova", "given": "Anna"}],
                     "issued": {"date-parts": [[2021, 2]]}},
    "10.1234/other": {"type": "article-journal", "DOI": "10.1234/other",
                      "title": "Cooking with cast iron pans",
                      "author": [{"family": "Baker", "given": "Bob"}],
                      "issued": {"date-parts": [[2011]]}},
    "10.1234/ru": {"type": "article-journal", "DOI": "10.1234/ru",
                   "title": "Ekonomicheskaya istoriya Rossii",
                   "author": [{"family": "Shchukin", "given": "Yu."}],
                   "issued": {"date-parts": [[2019]]}},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "LocalServer"

    def log_message(self, *args):  # quiet
        pass

    # -- plumbing --------------------------------------------------------------------------
    def send(self, status: int, body: bytes | str = b"", ctype: str = "text/html; charset=utf-8",
             headers: dict | None = None, charset: str = "utf-8") -> None:
        if isinstance(body, str):
            body = body.encode(charset)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, status: int, location: str) -> None:
        self.send(status, f"<a href='{location}'>moved</a>", headers={"Location": location})

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def do_HEAD(self):
        self.dispatch()

    def do_GET(self):
        self.dispatch()

    def dispatch(self):
        srv = self.server
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        with srv.lock:
            srv.hits[(self.command, path)] += 1
            segment = path.split("/")[1]
            srv.inflight[segment] += 1
            srv.peak[segment] = max(srv.peak[segment], srv.inflight[segment])
            srv.headers_seen.append((self.command, path, dict(self.headers)))
        try:
            self.route(path, query)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with srv.lock:
                srv.inflight[segment] -= 1

    def once(self, key: str) -> int:
        """How many times this key was seen before (per test: tests pass ?k=unique)."""
        with self.server.lock:
            n = self.server.counters[key]
            self.server.counters[key] += 1
        return n

    # -- the endpoints ---------------------------------------------------------------------
    def route(self, path: str, query: dict) -> None:
        key = query.get("k", [""])[0]
        if path in ("/", "/index.html"):
            return self.send(200, HOME)
        if path == "/ok":
            return self.send(200, PLAIN_PAGE)
        if path == "/text":
            return self.send(200, "just text", "text/plain")
        if path in ("/r301", "/r302", "/r303", "/r307", "/r308"):
            return self.redirect(int(path[2:]), "/ok")
        if path == "/chain":          # 301 → 302 → 307 → 200
            return self.redirect(301, "/chain2")
        if path == "/chain2":
            return self.redirect(302, self.url("/chain3"))
        if path == "/chain3":
            return self.redirect(307, "/ok")
        if path == "/temp-then-perm":
            return self.redirect(302, "/r308")
        if path == "/cookie-gate":      # a publisher's cookie check: away, set a cookie, back
            if "gate=1" in self.headers.get("Cookie", ""):
                return self.send(200, PLAIN_PAGE)
            return self.redirect(302, "/cookie-set")
        if path == "/cookie-set":
            return self.send(302, "", headers={"Location": "/cookie-gate", "Set-Cookie": "gate=1; Path=/"})
        if path == "/redirect-huge":    # a redirect with an endless body: never read it
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
            self.close_connection = True
            if self.command == "HEAD":
                return
            sent = 0
            try:
                while sent < 1024 ** 3:
                    self.wfile.write(b"x" * 65536)
                    sent += 65536
            finally:
                with self.server.lock:
                    self.server.bytes_sent[path] += sent
            return
        if path == "/loop-a":
            return self.redirect(302, "/loop-b")
        if path == "/loop-b":
            return self.redirect(302, "/loop-a")
        if path.startswith("/endless/"):
            n = int(path.rsplit("/", 1)[1])
            return self.redirect(302, f"/endless/{n + 1}")
        if path == "/404":
            return self.send(404, "<title>Not Found</title>")
        if path == "/410":
            return self.send(410, "<title>Gone</title>")
        if path == "/403":
            return self.send(403, "<title>Forbidden</title>")
        if path == "/head404-get200":
            return self.send(404 if self.command == "HEAD" else 200, PLAIN_PAGE)
        if path == "/429-once":
            if self.once("429-once" + key) == 0:
                return self.send(429, "slow down", headers={"Retry-After": "1"})
            return self.send(200, PLAIN_PAGE)
        if path == "/429-long":
            return self.send(429, "slow down", headers={"Retry-After": "3600"})
        if path == "/503-then-200":
            if self.once("503" + key) == 0:
                return self.send(503, "busy")
            return self.send(200, PLAIN_PAGE)
        if path == "/503-always":
            return self.send(503, "down")
        if path == "/slow":
            time.sleep(float(query.get("s", ["3"])[0]))
            return self.send(200, PLAIN_PAGE)
        if path == "/head405":
            if self.command == "HEAD":
                return self.send(405, "", headers={"Allow": "GET"})
            return self.send(200, PLAIN_PAGE)
        if path == "/head403":
            if self.command == "HEAD":
                return self.send(403, "")
            return self.send(200, PLAIN_PAGE)
        if path == "/not-found-book":      # a real page whose title contains "Not Found"
            return self.send(200, "<title>Not Found: A History of Lost Things</title><p>A book.</p>")
        if path == "/head501":
            if self.command == "HEAD":
                return self.send(501, "")
            return self.send(200, PLAIN_PAGE)
        if path == "/soft404-ru":
            return self.send(200, SOFT404_RU)
        if path == "/soft404-en":
            return self.send(200, SOFT404_EN)
        if path.startswith("/catchall/"):
            return self.send(200, CATCHALL)
        if path == "/gone-home":
            return self.redirect(302, "/")
        if path == "/huge.html":
            return self.stream("text/html; charset=utf-8", b"<html><head><title>Big</title></head><body>",
                               b"<p>" + b"x" * 8000 + b"</p>\n")
        if path == "/huge.pdf":
            return self.stream("application/pdf", b"%PDF-1.7\n", b"\0" * 65536, length=5 * 1024 ** 3)
        if path == "/article-ru":
            return self.send(200, ARTICLE_RU)
        if path == "/article-translit":
            return self.send(200, ARTICLE_TRANSLIT)
        if path == "/article-other":
            return self.send(200, ARTICLE_OTHER)
        if path == "/dc-article":
            return self.send(200, DC_ARTICLE, "text/html; charset=windows-1251", charset="cp1251")
        if path == "/jsonld-article":
            return self.send(200, JSONLD_ARTICLE)
        if path == "/jsonld-other":
            return self.send(200, JSONLD_OTHER)
        if path.startswith("/concurrent"):
            time.sleep(0.05)
            return self.send(200, "ok", "text/plain")
        if path == "/redirect-to":
            return self.redirect(302, query["url"][0])
        if path.startswith("/api/handles/"):
            doi = path[len("/api/handles/"):]
            if doi in CSL or doi == "10.1234/nometa":
                body = {"responseCode": 1, "handle": doi, "values": [
                    {"index": 1, "type": "URL", "data": {"format": "string", "value": self.url(f"/landing/{doi}")}}]}
                return self.send(200, json.dumps(body), "application/json")
            return self.send(404, json.dumps({"responseCode": 100, "handle": doi}), "application/json")
        if path.startswith("/10."):
            doi = path[1:]
            if "citationstyles" in self.headers.get("Accept", "") and doi in CSL:
                return self.redirect(303, f"/cn/{doi}")      # as doi.org sends it to the agency
            return self.send(406, "not acceptable", "text/plain")
        if path.startswith("/cn/"):
            return self.send(200, json.dumps(CSL[path[4:]]), "application/vnd.citationstyles.csl+json")
        if path == "/wayback/available":
            target = query.get("url", [""])[0]
            body = {"url": target, "archived_snapshots": {"closest": {
                "available": True, "status": "200", "timestamp": "20150101000000",
                "url": f"http://web.archive.org/web/20150101000000/{target}"}}}
            return self.send(200, json.dumps(body), "application/json")
        return self.send(404, "<title>Not Found</title>")

    def stream(self, ctype: str, head: bytes, chunk: bytes, length: int | None = None) -> None:
        """A body of (nearly) unbounded size, written until the client goes away."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        self.close_connection = True
        sent = 0
        try:
            self.wfile.write(head)
            sent += len(head)
            while sent < 1024 ** 3:
                self.wfile.write(chunk)
                sent += len(chunk)
        finally:
            with self.server.lock:
                self.server.bytes_sent[self.path] += sent


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.hits: Counter = Counter()
        self.counters: Counter = Counter()
        self.inflight: Counter = Counter()
        self.peak: Counter = Counter()     # most requests in flight at once, per first path segment
        self.bytes_sent: Counter = Counter()
        self.headers_seen: list = []
        self.connections = 0               # TCP connections accepted
        self.open_connections = 0          # open now (a handler thread serves each)
        self.peak_connections = 0          # most open at once
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def process_request_thread(self, request, client_address):
        with self.lock:
            self.connections += 1
            self.open_connections += 1
            self.peak_connections = max(self.peak_connections, self.open_connections)
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.lock:
                self.open_connections -= 1

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> "LocalServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
