"""How fast does ``polybib check`` check links, against what its limits allow?

Starts 50 local HTTP servers (one port each, in a separate process so that serving does
not compete with the checker for the GIL), each adding 20 ms of latency to every request
and counting the requests it has in flight.  Then checks 5,000 URLs spread over them and
reports:

* URLs per second;
* the bound the concurrency settings allow: ``min(concurrency, hosts × per_host) / latency``
  (no checker can beat it: every request holds a slot for at least the latency), and the
  ratio of the measured rate to it;
* the most requests any host had in flight at once (the servers count it), which must
  never exceed ``per_host``.

Targets: ≥ 500 URLs/s and ≥ 70 % of the bound.  All traffic stays on 127.0.0.1.

Two rows: *status* (HEAD only, as with ``--no-content``) and *pages* (each page read
with GET, its ``citation_*`` metadata parsed and compared with its record).

    python benchmarks/bench_links.py                     # the default run: both rows
    python benchmarks/bench_links.py --status-only
    python benchmarks/bench_links.py --concurrency 32 --per-host 2 --urls 5000
    python benchmarks/bench_links.py --hosts 8 --concurrency 32   # per-host limit binds
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Item {n}</title>"
        "<meta name='citation_title' content='Benchmark item number {n}'>"
        "<meta name='citation_author' content='Petrova, Anna'>"
        "<meta name='citation_publication_date' content='2020'></head>"
        "<body><h1>Benchmark item number {n}</h1><p>{filler}</p></body></html>")


# -- the servers (run in a child process) --------------------------------------------------
def serve(hosts: int, latency: float) -> None:
    """Serve ``hosts`` ports; print them as JSON; answer ``stats`` on stdin with counters."""
    inflight: dict[int, int] = {}
    peak: dict[int, int] = {}
    totals = {"requests": 0, "connections": 0}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int) -> None:
        totals["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
                method, target, _ = request_line.split(" ", 2)
                totals["requests"] += 1
                inflight[port] += 1
                peak[port] = max(peak[port], inflight[port])
                try:
                    await asyncio.sleep(latency)
                    n = target.rsplit("/", 1)[-1]
                    body = PAGE.format(n=n, filler="x" * 200).encode()
                    headers = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                               f"Content-Length: {len(body)}\r\n\r\n").encode()
                    writer.write(headers if method == "HEAD" else headers + body)
                    await writer.drain()
                finally:
                    inflight[port] -= 1
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        ports = []
        for _ in range(hosts):
            holder: dict = {}
            server = await asyncio.start_server(lambda r, w, h=holder: handle(r, w, h["port"]),
                                                "127.0.0.1", 0, backlog=1024)
            port = server.sockets[0].getsockname()[1]
            holder["port"] = port
            inflight[port] = peak[port] = 0
            ports.append(port)
        print(json.dumps({"ports": ports}), flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if line.strip() == "stats":
                print(json.dumps({"peak": max(peak.values()), **totals}), flush=True)
            elif line.strip() == "reset":
                for p in peak:
                    peak[p] = 0
                totals["requests"] = totals["connections"] = 0
                print("{}", flush=True)
            else:
                sys.stdout.flush()
                os._exit(0)     # no orderly shutdown: nothing to save, and no cancellation noise

    asyncio.run(main())


# -- the checker (this process) ---------------------------------------------------------------
class Servers:
    def __init__(self, hosts: int, latency: float):
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", str(hosts), "--latency", str(latency)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ports = json.loads(self.proc.stdout.readline())["ports"]

    def ask(self, command: str) -> dict:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


def run_once(servers: Servers, urls: int, concurrency: int, per_host: int, latency: float,
             pages: bool) -> dict:
    from polybib.links import CheckOptions, Link, check_links
    from polybib.model import Date, Name, Reference

    ports = servers.ports
    per = urls // len(ports)
    links, refs = [], []
    # Links grouped by host, as a .bib file groups a journal's articles: the worst order for
    # a checker that takes links in file order and blocks on a full host.
    for h, port in enumerate(ports):
        for i in range(per):
            n = h * per + i
            links.append(Link(f"http://127.0.0.1:{port}/item/{n}", "url", f"key{n}", index=n))
            refs.append(Reference(id=f"key{n}", fields={"title": f"Benchmark item number {n}",
                                                        "author": [Name("Petrova", "A.")],
                                                        "issued": Date([[2020]])}))
    options = CheckOptions(concurrency=concurrency, per_host=per_host, allow_private=True,
                           content=pages, method="get" if pages else "head", retries=0,
                           wayback_base=None, connect_timeout=5, read_timeout=10)
    servers.ask("reset")
    start = time.perf_counter()
    results = check_links(links, refs, options)
    elapsed = time.perf_counter() - start
    stats = servers.ask("stats")
    bad = [r for r in results if r.status != "ok"]
    bound = min(concurrency, len(ports) * per_host) / latency
    return {"urls": len(links), "seconds": elapsed, "rate": len(links) / elapsed, "bound": bound,
            "ratio": len(links) / elapsed / bound, "peak": stats["peak"], "requests": stats["requests"],
            "connections": stats["connections"], "not_ok": len(bad),
            "first_problem": (bad[0].status + ": " + bad[0].detail) if bad else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--urls", type=int, default=5000)
    parser.add_argument("--latency", type=float, default=0.020, help="seconds added to every request")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--status-only", action="store_true",
                        help="only the status row (do not read pages)")
    parser.add_argument("--serve", type=int, metavar="HOSTS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.latency)
        return 0
    servers = Servers(args.hosts, args.latency)
    try:
        modes = [False] if args.status_only else [False, True]
        rows = [(pages, run_once(servers, args.urls, args.concurrency, args.per_host, args.latency, pages))
                for pages in modes]
    finally:
        servers.close()
    print(f"{args.urls} URLs over {args.hosts} local hosts, {args.latency * 1000:.0f} ms latency, "
          f"concurrency {args.concurrency}, per host {args.per_host}, {os.cpu_count()} CPUs")
    print(f"{'mode':<22}{'seconds':>8}{'URLs/s':>9}{'bound/s':>9}{'ratio':>7}{'peak/host':>10}"
          f"{'requests':>9}{'conns':>7}{'not ok':>7}")
    ok = True
    for pages, r in rows:
        mode = "pages (GET + judge)" if pages else "status (HEAD)"
        print(f"{mode:<22}{r['seconds']:>8.2f}{r['rate']:>9.0f}{r['bound']:>9.0f}{r['ratio']:>7.0%}"
              f"{r['peak']:>10}{r['requests']:>9}{r['connections']:>7}{r['not_ok']:>7}")
        if r["first_problem"]:
            print("  first problem:", r["first_problem"])
        ok &= r["rate"] >= 500 and r["ratio"] >= 0.70 and r["peak"] <= args.per_host and not r["not_ok"]
    print("targets (≥ 500 URLs/s, ≥ 70 % of the bound, peak ≤ per host, all ok):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
