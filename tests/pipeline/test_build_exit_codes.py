"""polybib build exits 1 when a link failed, as polybib check does and the README says;
0 when every link is fine or was skipped offline."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):       # noqa: N802 (http.server's name)
        ok = self.path.startswith("/ok")
        body = (b"<html><head><title>Alive page</title></head><body>alive</body></html>" if ok
                else b"not here")
        self.send_response(200 if ok else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _project(tmp_path, monkeypatch, url: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "polybib.toml").write_text("[check]\nallow-private = true\nretries = 0\ntimeout = 5\n"
                                           "concurrency = 1\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@online{page2020,\n  author = {Roe, Ann},\n  title = {A page},\n  date = {2020},\n"
        f"  url = {{{url}}},\n  urldate = {{2020-01-01}},\n  langid = {{english}},\n}}\n", encoding="utf-8")


def test_a_dead_link_makes_build_exit_1(tmp_path, monkeypatch, run_cli, server):
    _project(tmp_path, monkeypatch, f"{server}/missing")
    code, _, err = run_cli("build", "refs.bib", "-o", "out", "--styles", "apa")
    assert code == 1, err
    assert "1 link(s) failed" in err and "links.json" in err


def test_offline_skipped_links_are_no_failure(tmp_path, monkeypatch, run_cli, server):
    _project(tmp_path, monkeypatch, f"{server}/missing")
    code, _, err = run_cli("build", "refs.bib", "-o", "out", "--styles", "apa", "--offline")
    assert code == 0, err
