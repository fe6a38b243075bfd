"""How fast does ``polybib check`` check links in the mode it runs by default, and does
any host see more connections than its limit?

Starts 50 local HTTP servers (one port on 127.0.0.1 each: 50 hosts to the checker, whose
unit is ``host:port``), in a separate process so that serving does not compete with the
checker for the GIL.  Each adds 20 ms of latency to every request and counts, per port,
the requests in flight and the TCP connections open at once.  Then 5,000 distinct
records, each with its own landing page, are checked with the options the ``check``
command builds from its command line (its own parser and ``build_options``, only
``--allow-private`` so that loopback may be checked, and ``--no-cache`` so that every URL
is fetched), and it reports:

* URLs per second;
* the bound the concurrency settings allow: ``min(concurrency, hosts × per_host) / latency``
  (no checker can beat it: every URL costs at least one request, which holds a slot for
  at least the latency), and the ratio of the measured rate to it;
* the most requests and the most connections any one host had at once (the servers
  count them), which must never exceed ``--per-host``;
* requests and connections in all;
* the checker's CPU time per URL (all its threads): at the bound, ``cpu × bound`` is
  the share of a core the checker needs, so on a busy machine this says why a row falls
  short of the bound.

Rows: *default* (``polybib check FILE``: landing pages read and compared with their
records) and *--no-content* (status codes only).  Targets: in every row no host above its
limit, every link ok; in the default row ≥ 70 % of the bound.  All traffic stays on
127.0.0.1.

    python benchmarks/bench_links.py                     # both rows
    python benchmarks/bench_links.py --modes default
    python benchmarks/bench_links.py --concurrency 32 --per-host 2 --urls 5000
    python benchmarks/bench_links.py --hosts 8 --concurrency 32   # the per-host limit binds
"""
from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

#: Command-line flags of each row, after ``polybib check FILE --allow-private --no-cache``.
MODES = {"default": [], "no-content": ["--no-content"]}

# Records are built from these so that each is distinct (titles, people, years, journals)
# and half of them are Cyrillic, as in the reference lists polybib is for.
_TOPICS_RU = ["Экономическая история", "Цифровая экономика", "Право собственности", "Городская среда",
              "Региональная политика", "Социальная мобильность", "Лингвистика текста", "Историография"]
_PLACES_RU = ["России", "Сибири", "Поволжья", "Урала", "Дальнего Востока", "Кавказа", "Севера"]
_TOPICS_EN = ["Quantum transport", "Graph algorithms", "Soil microbiology", "Bayesian inference",
              "Urban heat islands", "Protein folding", "Labour markets", "Medieval trade"]
_PLACES_EN = ["in graphene", "for sparse data", "in boreal forests", "under uncertainty",
              "in northern cities", "at scale", "after 1990"]
_FAMILIES_RU = ["Петрова", "Щукин", "Ёлкин", "Иванова", "Соколов", "Кузнецова", "Морозов", "Волкова"]
_GIVEN_RU = ["Анна", "Юрий", "Пётр", "Мария", "Илья", "Ольга", "Сергей"]
_FAMILIES_EN = ["Smith", "Garcia", "Okafor", "Nguyen", "Müller", "Rossi", "Tanaka", "Brown"]
_GIVEN_EN = ["John", "Maria", "Chidi", "Linh", "Jonas", "Giulia", "Kenji"]


def record(n: int) -> dict:
    """The metadata of record ``n``: both the .bib entry and its landing page say this."""
    ru = n % 2 == 0
    topics, places = (_TOPICS_RU, _PLACES_RU) if ru else (_TOPICS_EN, _PLACES_EN)
    families, given = (_FAMILIES_RU, _GIVEN_RU) if ru else (_FAMILIES_EN, _GIVEN_EN)
    title = f"{topics[n % len(topics)]} {places[(n // 8) % len(places)]}: " + \
            (f"исследование {n}" if ru else f"study {n}")
    authors = [(families[(n + k) % len(families)], given[(n * 3 + k) % len(given)]) for k in range(1 + n % 3)]
    return {"title": title, "authors": authors, "year": 1995 + n % 30}


def page(n: int) -> bytes:
    r = record(n)
    metas = [f"<meta name='citation_title' content='{html.escape(r['title'], quote=True)}'>"]
    metas += [f"<meta name='citation_author' content='{html.escape(f + ', ' + g, quote=True)}'>"
              for f, g in r["authors"]]
    metas.append(f"<meta name='citation_publication_date' content='{r['year']}'>")
    body = " ".join(f"Paragraph {k} of the abstract of item {n}." for k in range(12))
    return ("<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{html.escape(r['title'])} | Journal {n % 50}</title>{''.join(metas)}</head>"
            f"<body><h1>{html.escape(r['title'])}</h1><p>{body}</p></body></html>").encode("utf-8")


def bib_entry(n: int, url: str) -> str:
    r = record(n)
    authors = " and ".join(f"{f}, {g}" for f, g in r["authors"])
    return (f"@article{{item{n},\n  author = {{{authors}}},\n  title = {{{r['title']}}},\n"
            f"  journal = {{Journal {n % 50}}},\n  year = {{{r['year']}}},\n  url = {{{url}}}\n}}\n")


# -- the servers (run in a child process) --------------------------------------------------
def serve(hosts: int, latency: float) -> None:
    """Serve ``hosts`` ports; print them as JSON; answer ``stats`` on stdin with counters."""
    inflight: dict[int, int] = {}
    peak: dict[int, int] = {}
    conns: dict[int, int] = {}
    peak_conns: dict[int, int] = {}
    totals = {"requests": 0, "connections": 0}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int) -> None:
        totals["connections"] += 1
        conns[port] += 1
        peak_conns[port] = max(peak_conns[port], conns[port])
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
                    last = target.rsplit("/", 1)[-1]
                    if last.isdigit():
                        status, body = "200 OK", page(int(last))
                    else:
                        status, body = "404 Not Found", b"<html><title>Not found</title></html>"
                    headers = (f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
                               f"Content-Length: {len(body)}\r\n\r\n").encode()
                    writer.write(headers if method == "HEAD" else headers + body)
                    await writer.drain()
                finally:
                    inflight[port] -= 1
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            conns[port] -= 1
            writer.close()

    async def main() -> None:
        ports = []
        for _ in range(hosts):
            holder: dict = {}
            server = await asyncio.start_server(lambda r, w, h=holder: handle(r, w, h["port"]),
                                                "127.0.0.1", 0, backlog=1024)
            port = server.sockets[0].getsockname()[1]
            holder["port"] = port
            inflight[port] = peak[port] = conns[port] = peak_conns[port] = 0
            ports.append(port)
        print(json.dumps({"ports": ports}), flush=True)
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if line.strip() == "stats":
                print(json.dumps({"peak": max(peak.values()), "peak_connections": max(peak_conns.values()),
                                  **totals}), flush=True)
            elif line.strip() == "reset":
                for p in peak:
                    peak[p] = 0
                    peak_conns[p] = conns[p]
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


def write_bib(folder: Path, ports: list[int], urls: int) -> Path:
    """``urls`` records, grouped by host as a .bib file groups a journal's articles: the
    worst order for a checker that takes links in file order and blocks on a full host."""
    per = urls // len(ports)
    entries = []
    for h, port in enumerate(ports):
        for i in range(per):
            n = h * per + i
            entries.append(bib_entry(n, f"http://127.0.0.1:{port}/article/view/{n}"))
    path = folder / "bench.bib"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def command_options(bib: Path, config: Path, flags: list[str]):
    """The CheckOptions ``polybib check`` builds for this command line."""
    from polybib.cli import build_parser
    from polybib.cli.check import build_options

    argv = ["check", str(bib), "--config", str(config), "--allow-private", "--no-cache", *flags]
    return build_options(build_parser().parse_args(argv))


def run_once(servers: Servers, urls: int, concurrency: int, per_host: int, latency: float,
             flags: list[str]) -> dict:
    import polybib
    from polybib.links import check_library

    with tempfile.TemporaryDirectory(prefix="bench-links-") as tmp:
        folder = Path(tmp)
        config = folder / "polybib.toml"
        config.write_text("", encoding="utf-8")      # not the nearest project's settings
        bib = write_bib(folder, servers.ports, urls)
        options = command_options(bib, config, ["--concurrency", str(concurrency),
                                                "--per-host", str(per_host), *flags])
        library = polybib.read(str(bib))
    servers.ask("reset")
    cpu = time.process_time()
    start = time.perf_counter()
    results = check_library(library, options)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    stats = servers.ask("stats")
    bad = [r for r in results if r.status != "ok"]
    bound = min(concurrency, len(servers.ports) * per_host) / latency
    return {"urls": len(results), "seconds": elapsed, "rate": len(results) / elapsed, "bound": bound,
            "ratio": len(results) / elapsed / bound, "peak": stats["peak"],
            "peak_connections": stats["peak_connections"], "requests": stats["requests"],
            "connections": stats["connections"], "not_ok": len(bad), "cpu_ms": cpu / len(results) * 1000,
            "first_problem": (bad[0].status + ": " + bad[0].detail) if bad else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--urls", type=int, default=5000)
    parser.add_argument("--latency", type=float, default=0.020, help="seconds added to every request")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--modes", default=",".join(MODES), help=f"rows to run, of {', '.join(MODES)}")
    parser.add_argument("--serve", type=int, metavar="HOSTS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.latency)
        return 0
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode {', '.join(unknown)} (modes: {', '.join(MODES)})")
    servers = Servers(args.hosts, args.latency)
    try:
        rows = [(mode, run_once(servers, args.urls, args.concurrency, args.per_host, args.latency, MODES[mode]))
                for mode in modes]
    finally:
        servers.close()
    print(f"{args.urls} URLs over {args.hosts} local hosts, {args.latency * 1000:.0f} ms latency, "
          f"concurrency {args.concurrency}, per host {args.per_host}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'mode':<13}{'seconds':>8}{'URLs/s':>8}{'bound/s':>8}{'ratio':>7}{'req/host':>9}"
          f"{'conn/host':>10}{'requests':>9}{'conns':>7}{'not ok':>7}{'cpu ms/URL':>11}")
    ok = True
    for mode, r in rows:
        print(f"{mode:<13}{r['seconds']:>8.2f}{r['rate']:>8.0f}{r['bound']:>8.0f}{r['ratio']:>7.0%}"
              f"{r['peak']:>9}{r['peak_connections']:>10}{r['requests']:>9}{r['connections']:>7}{r['not_ok']:>7}"
              f"{r['cpu_ms']:>11.2f}")
        if r["first_problem"]:
            print("  first problem:", r["first_problem"])
        ok &= r["peak"] <= args.per_host and r["peak_connections"] <= args.per_host and not r["not_ok"]
        if mode == "default":
            ok &= r["ratio"] >= 0.70
    print("targets (no host above its limit, all ok; default mode ≥ 70 % of the bound):",
          "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
