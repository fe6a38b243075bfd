"""Servers that answer in ways no honest server does, and one check that each is judged
in bounded time and memory without a traceback (#12).

A raw socket server on 127.0.0.1 plays each part from a canned byte string: a gzip bomb,
a thousand headers, a header line of a megabyte, a status code that is not one, a chunk
size beyond any integer, a negative Content-Length, a redirect to itself through every
spelling of its own address.
"""
from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc

import pytest

from polybib.links import Link, check_links

_BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), 9)      # ~64 KB on the wire, 64 MB inflated


def _answers(port: int) -> dict[str, bytes]:
    html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    return {
        "/bomb": html + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(_BOMB) + _BOMB,
        "/headers": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(2000)) + b"\r\nok",
        "/longheader": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * (1 << 20) + b"\r\n\r\nok",
        "/status": b"HTTP/1.1 99999999999999999999 Nope\r\nContent-Length: 0\r\n\r\n",
        "/garbage": b"\x00\xff\x1b[31mnot http at all\r\n\r\n",
        "/chunk": html + b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\nabc",
        "/negative": html + b"Content-Length: -5\r\n\r\n<html></html>",
        "/twolengths": html + b"Content-Length: 5\r\nContent-Length: 50\r\n\r\n<html></html>",
        "/selfv6": b"HTTP/1.1 302 Found\r\nLocation: http://[::ffff:127.0.0.1]:%d/landed\r\n"
                   b"Content-Length: 0\r\n\r\n" % port,
        "/selfdec": b"HTTP/1.1 302 Found\r\nLocation: http://2130706433:%d/landed\r\n"
                    b"Content-Length: 0\r\n\r\n" % port,
        "/selfuser": b"HTTP/1.1 302 Found\r\nLocation: http://example.org@127.0.0.1:%d/landed\r\n"
                     b"Content-Length: 0\r\n\r\n" % port,
        "/selfnat64": b"HTTP/1.1 302 Found\r\nLocation: http://[64:ff9b::7f00:1]:%d/landed\r\n"
                      b"Content-Length: 0\r\n\r\n" % port,
        "/selfctl": b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1\t:%d/landed\r\n"
                    b"Content-Length: 0\r\n\r\n" % port,
    }


class CannedServer:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sock.settimeout(0.2)
        self.paths: list[str] = []
        self.stopped = threading.Event()
        self.answers = _answers(self.port)
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://trusted.test:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode("latin-1")
            self.paths.append(path)
            conn.sendall(self.answers.get(path, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
            conn.shutdown(socket.SHUT_WR)
            time.sleep(0.2)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def canned():
    srv = CannedServer()
    yield srv
    srv.close()


def _check(options, url: str, **extra):
    # the server's name is allowed by name only: every other spelling of 127.0.0.1 must
    # still be refused (allow_private off)
    opts = options(allow_private=False, allow_hosts=("trusted.test",), retries=0, read_timeout=2.0,
                   connect_timeout=1.0, **extra)
    opts.resolver.names["trusted.test"] = ["127.0.0.1"]
    opts.resolver.names["2130706433"] = ["127.0.0.1"]          # as the OS resolver reads it
    return check_links([Link(url, "url", "key")], [], opts)


@pytest.mark.parametrize("path", ["/bomb", "/headers", "/longheader", "/status", "/garbage", "/chunk",
                                  "/negative", "/twolengths"])
def test_a_malformed_answer_is_judged_in_bounded_time_and_memory(canned, options, path):
    tracemalloc.start()
    start = time.monotonic()
    try:
        [result] = _check(options, canned.url(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - start < 8
    assert peak < 40 * 1024 * 1024, f"{path}: {peak:,} bytes"
    assert result.status, result
    assert "\x1b" not in (result.detail or "")


@pytest.mark.parametrize("path", ["/selfv6", "/selfdec", "/selfuser", "/selfnat64", "/selfctl"])
def test_a_redirect_to_another_spelling_of_loopback_is_refused_before_connecting(canned, options, path):
    [result] = _check(options, canned.url(path))
    assert canned.paths == [path]                 # /landed never arrived
    assert result.status != "ok" or result.final_url is None or "landed" not in (result.final_url or "")


def test_a_server_that_breaks_http_is_not_reported_as_an_invalid_url(canned, options):
    [result] = _check(options, canned.url("/twolengths"))
    assert result.status != "dead" and "not a valid URL" not in result.detail
    assert "not valid HTTP" in result.detail


def test_a_check_report_line_escapes_what_servers_and_files_put_in_it():
    """A landing page's title (a detail), a key and a URL from the file reached the
    terminal and the CI log raw in ``check``'s text report."""
    from polybib.links.model import LinkResult
    from polybib.links.report import to_text
    r = LinkResult("k\x1b[31m", "url", "http://x.org/\x1b[2J", "another-work",
                   detail="the page is 'T\n::error file=a.py::pwned \x1b]0;title\x07 ##vso[task.complete]'",
                   file="in/\udcff.bib", line=3)
    text = to_text([r])
    assert "\x1b" not in text and "\x07" not in text and "##vso[" not in text
    assert all(not line.startswith("::") for line in text.splitlines())
    text.encode("utf-8")


def test_check_of_a_file_whose_name_is_not_utf8_reports(tmp_path):
    import os
    import subprocess
    import sys
    name = os.fsdecode(b"\xffrefs.bib")
    # 127.0.0.1 without --allow-private: refused by the policy, nothing is sent
    (tmp_path / name).write_text("@misc{k, title = {T}, url = {http://127.0.0.1:9/x}}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "polybib", "check", name, "--no-cache", "-a"],
                          cwd=tmp_path, capture_output=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"internal error" not in proc.stderr and b"\\xff" in proc.stdout
