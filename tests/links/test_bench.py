"""The benchmark stays runnable: a tiny run of it, with its own per-host accounting."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_links.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_links", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_the_benchmark_runs_the_commands_default_mode(tmp_path):
    bench = load_bench()
    config = tmp_path / "polybib.toml"
    config.write_text("", encoding="utf-8")
    options = bench.command_options(tmp_path / "refs.bib", config, [])
    assert options.content and options.method == "head" and options.probe_soft404
    assert options.allow_private and options.cache_path is None


def test_a_small_benchmark_run_stays_within_the_per_host_limit_for_requests_and_connections():
    bench = load_bench()
    servers = bench.Servers(hosts=3, latency=0.005)
    try:
        for mode, flags in bench.MODES.items():
            row = bench.run_once(servers, urls=60, concurrency=4, per_host=2, latency=0.005, flags=flags)
            assert row["not_ok"] == 0, row["first_problem"]
            assert 1 <= row["peak"] <= 2, mode
            # 4 workers, 3 hosts: one pool per worker gave a host up to 4 connections
            assert 1 <= row["peak_connections"] <= 2, mode
            assert row["connections"] <= 3 * 2, mode      # reused, never more than the places
            assert row["requests"] == 60, mode            # one request per URL in either mode
    finally:
        servers.close()
