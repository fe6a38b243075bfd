"""The cache remembers successes for a while, never failures, and serves --offline."""
from __future__ import annotations

import time
import uuid

from polybib.links import Link, check_links
from polybib.links.cache import LinkCache
from polybib.links.model import Observation


def run(server, options, paths, **opts):
    links = [Link(server.url(p), "url", f"k{i}") for i, p in enumerate(paths)]
    return check_links(links, [], options(**opts))


def hits(server, path):
    return server.hits[("HEAD", path)] + server.hits[("GET", path)]


def test_a_success_is_cached_and_served_without_asking_again(server, options, tmp_path):
    path = "/ok?k=" + uuid.uuid4().hex
    cache = str(tmp_path / "c.sqlite3")
    [first] = run(server, options, [path], cache_path=cache)
    n = hits(server, "/ok")
    [second] = run(server, options, [path], cache_path=cache)
    assert (first.status, first.cached) == ("ok", False)
    assert (second.status, second.cached) == ("ok", True)
    assert second.final_url == first.final_url
    assert hits(server, "/ok") == n


def test_failures_are_not_cached(server, options, tmp_path):
    cache = str(tmp_path / "c.sqlite3")
    for _ in range(2):
        before = hits(server, "/404")
        [result] = run(server, options, ["/404"], cache_path=cache)
        assert result.status == "dead" and not result.cached
        assert hits(server, "/404") > before
    with LinkCache(cache) as db:
        assert len(db) == 0


def test_soft_404s_and_timeouts_are_not_cached(server, options, tmp_path):
    cache = str(tmp_path / "c.sqlite3")
    results = run(server, options, ["/soft404-ru", "/slow?s=1"], cache_path=cache, read_timeout=0.2, retries=0)
    assert [r.status for r in results] == ["soft-404", "timeout"]
    with LinkCache(cache) as db:
        assert len(db) == 0


def test_an_old_entry_is_a_miss(server, options, tmp_path):
    path = "/ok?k=" + uuid.uuid4().hex
    cache = str(tmp_path / "c.sqlite3")
    run(server, options, [path], cache_path=cache)
    with LinkCache(cache, max_age=3600) as db:
        key = next(iter(db._db.execute("SELECT key FROM observations")))[0]
        assert db.get(key) is not None
        assert db.get(key, now=time.time() + 3601) is None
    n = hits(server, "/ok")
    time.sleep(0.05)
    [again] = run(server, options, [path], cache_path=cache, max_age=0.01)
    assert not again.cached and hits(server, "/ok") > n


def test_a_success_that_turns_into_a_failure_is_forgotten(tmp_path):
    with LinkCache(tmp_path / "c.sqlite3") as db:
        db.put("k", Observation("http://x/", http_status=200, checked_at=time.time()))
        assert db.get("k") is not None
        assert db.put("k", Observation("http://x/", http_status=404)) is False
        assert db.get("k") is None


def test_offline_uses_the_cache_only(server, options, tmp_path):
    cached_path = "/ok?k=" + uuid.uuid4().hex
    cache = str(tmp_path / "c.sqlite3")
    run(server, options, [cached_path], cache_path=cache)
    before = sum(server.hits.values())
    results = run(server, options, [cached_path, "/text?k=new"], cache_path=cache, offline=True)
    assert [(r.status, r.cached) for r in results] == [("ok", True), ("skipped", False)]
    assert "offline" in results[1].detail
    assert sum(server.hits.values()) == before


def test_entries_made_with_private_addresses_allowed_do_not_serve_a_strict_run(server, options, tmp_path):
    path = "/ok?k=" + uuid.uuid4().hex
    cache = str(tmp_path / "c.sqlite3")
    run(server, options, [path], cache_path=cache, allow_private=True)
    [strict] = run(server, options, [path], cache_path=cache, allow_private=False)
    assert strict.status == "skipped" and not strict.cached


def test_the_default_folder_is_ignored_by_git(tmp_path):
    from polybib.links.cache import default_path
    path = default_path(tmp_path)
    LinkCache(path).close()
    assert (tmp_path / ".polybib" / ".gitignore").read_text() == "*\n"


def test_a_cached_page_is_judged_again_against_an_edited_record(server, options, tmp_path):
    from polybib.model import Date, Name, Reference
    url = server.url("/article-ru") + "?k=" + uuid.uuid4().hex
    cache = str(tmp_path / "c.sqlite3")
    good = Reference(id="a", fields={"title": "Экономическая история России", "author": [Name("Щукин", "Ю.")],
                                     "issued": Date([[2019]])})
    wrong = Reference(id="a", fields={"title": "Теория струн и квантовая гравитация",
                                      "author": [Name("Петров", "П.")], "issued": Date([[2001]])})
    [first] = check_links([Link(url, "url", "a")], [good], options(cache_path=cache))
    [second] = check_links([Link(url, "url", "a")], [wrong], options(cache_path=cache))
    assert (first.status, second.status, second.cached) == ("ok", "mismatch", True)
