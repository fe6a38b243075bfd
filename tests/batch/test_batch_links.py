"""Link checking in a batch: the per-host limit holds across all workers, the cache is
shared by them, and the address policy holds on every worker.  Servers: 127.0.0.1 only."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from polybib.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>{t}</title>"
        "<meta name='citation_title' content='{t}'></head><body><h1>{t}</h1></body></html>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _answer(self, body: bool) -> None:
        """Answer after 50 ms.  The request counts as in flight until just before the
        answer is sent: once the client has it, it may send its next request at once,
        before this thread would get to count the request as done (a false overlap)."""
        server = self.server
        with server.lock:
            server.inflight += 1
            server.peak = max(server.peak, server.inflight)
            server.hits += 1
        try:
            time.sleep(0.05)
            if self.path.startswith("/paper/"):
                status, data = 200, PAGE.format(t=f"Paper number {self.path.rsplit('/', 1)[1]}").encode()
            else:
                status, data = 404, b"<html><head><title>Not found</title></head><body>no such page</body></html>"
        finally:
            with server.lock:
                server.inflight -= 1
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)


class Host(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.inflight = self.peak = self.hits = 0
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()


@pytest.fixture
def hosts():
    servers = [Host() for _ in range(3)]
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def linked(tmp_path, hosts):
    """60 records, each host's links spread over every partition."""
    path = tmp_path / "linked.jsonl"
    items = [{"id": f"paper{n}", "type": "article-journal", "title": f"Paper number {n}",
              "URL": f"http://127.0.0.1:{hosts[n % 3].server_address[1]}/paper/{n}"} for n in range(60)]
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def _batch(linked, out, cache, *flags: str) -> int:
    return main(["batch", str(linked), "-o", str(out), "--stages", "import,keys,check", "--workers", "2",
                 "--partition-mb", "0.001", "--per-host", "1", "--retries", "0", "--timeout", "10",
                 "--no-archive", "--cache", str(cache), "-q", *flags])


def _results(out) -> list[dict]:
    return [json.loads(line) for path in sorted(out.glob("part-*.links.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_request_at_a_time_per_host_across_workers_and_a_shared_cache(linked, hosts, tmp_path, capsys):
    cache = tmp_path / "links.sqlite3"
    assert _batch(linked, tmp_path / "out", cache, "--allow-private") == 0
    capsys.readouterr()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["partitions"]) >= 6              # every host's links in many partitions
    results = _results(tmp_path / "out")
    assert sorted(r["entry"] for r in results) == sorted(f"paper{n}" for n in range(60))
    assert {r["status"] for r in results} == {"ok"}
    assert all(r["file"] == str(linked) and r["line"] == int(r["entry"][5:]) + 1 for r in results)
    assert [server.peak for server in hosts] == [1, 1, 1]     # --per-host 1, whichever worker asked
    assert all(server.hits >= 20 for server in hosts)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["links"] == {"ok": 60}
    # a second run, on other workers, finds every answer in the shared cache
    before = [server.hits for server in hosts]
    assert _batch(linked, tmp_path / "again", cache, "--allow-private") == 0
    assert [server.hits for server in hosts] == before
    assert {r["status"] for r in _results(tmp_path / "again")} == {"ok"}


def test_the_address_policy_holds_on_every_worker(linked, hosts, tmp_path, capsys):
    assert _batch(linked, tmp_path / "out", tmp_path / "c.sqlite3") == 0      # no --allow-private
    capsys.readouterr()
    results = _results(tmp_path / "out")
    assert len(results) == 60 and {r["status"] for r in results} == {"skipped"}
    assert all("loopback address (refused" in r["detail"] for r in results)
    assert [server.hits for server in hosts] == [0, 0, 0]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["links"] == {"skipped": 60} and len(summary["workers"]) == 2
