"""The benchmark stays runnable: a tiny run of it, with its own per-host accounting."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_links.py"


def test_a_small_benchmark_run_checks_everything_within_the_per_host_limit():
    spec = importlib.util.spec_from_file_location("bench_links", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    servers = bench.Servers(hosts=3, latency=0.005)
    try:
        for pages in (False, True):
            row = bench.run_once(servers, urls=60, concurrency=6, per_host=2, latency=0.005, pages=pages)
            assert row["not_ok"] == 0, row["first_problem"]
            assert 1 <= row["peak"] <= 2
            assert row["requests"] == 60          # one request per URL: HEAD, or GET with --pages
            assert row["connections"] <= 6 * 3    # reused, at most one per worker and host
    finally:
        servers.close()
