"""A corrupt link cache is treated as empty with a warning, never a crash (#12)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


def _garbage(path: Path, header: bytes = b"") -> bytes:
    data = header + os.urandom(4096)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("header", [b"", b"SQLite format 3\x00"])
def test_corrupt_cache_is_empty_with_a_warning_and_left_alone(tmp_path, header):
    from polybib.links.cache import LinkCache
    from polybib.links.model import Observation

    path = tmp_path / "links.sqlite3"
    data = _garbage(path, header)
    with pytest.warns(UserWarning, match="link cache is not a readable SQLite database"):
        cache = LinkCache(path)
    with cache:
        assert len(cache) == 0 and cache.get("https://example.org/") is None
        obs = Observation("https://example.org/", "http", http_status=200)
        cache.put("k", obs)                        # works for the rest of the run
        assert len(cache) == (1 if obs.cacheable else 0)
    assert path.read_bytes() == data               # not ours to delete


def test_check_with_a_corrupt_cache_runs_and_warns(run_cli, tmp_path):
    bib = tmp_path / "u.bib"
    bib.write_text("@misc{u, title={T}, url={http://127.0.0.1:9/x}, date={2020}}\n", encoding="utf-8")
    cache = tmp_path / "bad.sqlite3"
    _garbage(cache)
    code, out, err = run_cli("check", str(bib), "--offline", "--cache", str(cache))
    assert code == 0
    assert f"polybib: warning: {cache}: link cache is not a readable SQLite database" in err
    assert b"skipped" in out
