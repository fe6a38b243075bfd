"""Every kind of answer a server can give gets its right status, with its evidence."""
from __future__ import annotations

import time
import uuid

import pytest

from polybib.links import Link, check_links
from polybib.model import Date, Name, Reference


def check_one(server, options, path: str, ref: Reference | None = None, **opts):
    link = Link(server.url(path), "url", "key", index=0)
    [result] = check_links([link], [ref] if ref else [], options(**opts))
    return result


def unique(path: str) -> str:
    return f"{path}?k={uuid.uuid4().hex}"


@pytest.mark.parametrize("path, status, http_status", [
    ("/ok", "ok", 200),
    ("/text", "ok", 200),
    ("/404", "dead", 404),
    ("/410", "dead", 410),
    ("/403", "blocked", 403),
    ("/429-long", "blocked", 429),
    ("/503-always", "unreachable", 503),
    ("/head405", "ok", 200),
    ("/head501", "ok", 200),
    ("/head403", "ok", 200),
    ("/head404-get200", "ok", 200),
    ("/huge.pdf", "ok", 200),
    ("/soft404-ru", "soft-404", 200),
    ("/soft404-en", "soft-404", 200),
    ("/catchall/articles/17", "soft-404", 200),
    ("/gone-home", "soft-404", 200),
    ("/loop-a", "dead", None),
    ("/endless/0", "dead", None),
])
def test_each_endpoint_gets_its_status(server, options, path, status, http_status):
    result = check_one(server, options, path)
    assert (result.status, result.http_status) == (status, http_status), result.detail


@pytest.mark.parametrize("code, status", [(301, "redirected"), (308, "redirected"),
                                          (302, "ok"), (303, "ok"), (307, "ok")])
def test_a_permanent_redirect_is_a_fixable_finding_a_temporary_one_is_not(server, options, code, status):
    result = check_one(server, options, f"/r{code}")
    assert result.status == status
    assert result.final_url == server.url("/ok")
    assert [(h.status, h.location) for h in result.hops] == [(code, server.url("/ok"))]
    if status == "redirected":
        assert result.suggestion == server.url("/ok")
        assert "update the URL" in result.detail


def test_a_redirect_chain_is_recorded_hop_by_hop_and_the_fix_stops_at_the_first_temporary_hop(server, options):
    result = check_one(server, options, "/chain")
    assert [h.status for h in result.hops] == [301, 302, 307]
    assert [h.url for h in result.hops] == [server.url(p) for p in ("/chain", "/chain2", "/chain3")]
    assert result.final_url == server.url("/ok")
    assert result.status == "redirected"
    assert result.suggestion == server.url("/chain2")


def test_a_temporary_redirect_to_a_permanent_one_leaves_the_record_alone(server, options):
    result = check_one(server, options, "/temp-then-perm")
    assert result.status == "ok"
    assert [h.status for h in result.hops] == [302, 308]


def test_a_redirect_loop_is_caught_and_shown(server, options):
    result = check_one(server, options, "/loop-a")
    assert result.status == "dead"
    assert "redirect loop" in result.detail
    assert len(result.hops) == 2


def test_a_cookie_check_redirecting_back_to_the_same_url_is_not_a_loop(server, options):
    result = check_one(server, options, "/cookie-gate")
    assert result.status == "ok", result.detail
    assert [h.status for h in result.hops] == [302, 302]
    assert result.final_url == server.url("/cookie-gate")


@pytest.mark.parametrize("method", ["head", "get"])
def test_the_body_of_a_redirect_is_never_read_in_full(server, options, method):
    before = server.bytes_sent["/redirect-huge"]
    start = time.monotonic()
    result = check_one(server, options, "/redirect-huge", method=method)
    assert result.status == "ok" and result.final_url == server.url("/ok")
    assert time.monotonic() - start < 3
    time.sleep(0.2)
    assert server.bytes_sent["/redirect-huge"] - before < 32 * 1024 ** 2


def test_redirect_chains_are_bounded(server, options):
    result = check_one(server, options, "/endless/0", max_redirects=3)
    assert result.status == "dead"
    assert "more than 3 redirects" in result.detail
    assert len(result.hops) == 4


def test_head_refused_is_asked_again_with_get(server, options):
    before_head = server.hits[("HEAD", "/head405")]
    before_get = server.hits[("GET", "/head405")]
    assert check_one(server, options, "/head405", content=False).status == "ok"
    assert server.hits[("HEAD", "/head405")] == before_head + 1
    assert server.hits[("GET", "/head405")] == before_get + 1


def test_a_404_on_head_is_confirmed_with_get_before_the_link_is_called_dead(server, options):
    assert check_one(server, options, "/head404-get200").status == "ok"
    before = server.hits[("GET", "/404")]
    assert check_one(server, options, "/404").status == "dead"
    assert server.hits[("GET", "/404")] == before + 1


def test_503_then_200_is_retried_and_ok(server, options):
    path = unique("/503-then-200")
    result = check_one(server, options, path)
    assert result.status == "ok"
    assert server.hits[("HEAD", "/503-then-200")] + server.hits[("GET", "/503-then-200")] >= 2


def test_503_is_not_retried_without_retries(server, options):
    result = check_one(server, options, unique("/503-then-200"), retries=0)
    assert result.status == "unreachable"
    assert result.http_status == 503


def test_retry_after_is_honoured(server, options):
    start = time.monotonic()
    result = check_one(server, options, unique("/429-once"), retry_after_max=5)
    assert result.status == "ok"
    assert time.monotonic() - start >= 0.9      # the server asked for 1 s


def test_a_retry_after_beyond_the_bound_is_not_waited_for(server, options):
    start = time.monotonic()
    result = check_one(server, options, "/429-long", retries=3, retry_after_max=2)
    assert time.monotonic() - start < 1.5
    assert result.status == "blocked"
    assert "3600" in result.detail


def test_a_slow_server_times_out(server, options):
    start = time.monotonic()
    result = check_one(server, options, "/slow?s=2", read_timeout=0.3, retries=1)
    assert result.status == "timeout"
    assert "2 attempts" in result.detail
    assert time.monotonic() - start < 2.0


def test_a_huge_html_page_is_read_only_up_to_the_bound(server, options):
    before = server.bytes_sent["/huge.html"]
    result = check_one(server, options, "/huge.html", max_body_kib=64)
    assert result.status == "ok"
    time.sleep(0.2)   # let the server notice the closed connection
    sent = server.bytes_sent["/huge.html"] - before
    assert 0 < sent < 32 * 1024 ** 2, sent     # of a 1 GiB body: 64 KiB plus socket buffers


def test_a_huge_pdf_is_never_downloaded(server, options):
    before_get = server.hits[("GET", "/huge.pdf")]
    result = check_one(server, options, "/huge.pdf")
    assert result.status == "ok"
    assert server.hits[("GET", "/huge.pdf")] == before_get
    assert "application/pdf" in result.detail and "not downloaded" in result.detail


def test_get_mode_streams_a_pdf_without_reading_it(server, options):
    before = server.bytes_sent["/huge.pdf"]
    result = check_one(server, options, "/huge.pdf", method="get")
    assert result.status == "ok"
    time.sleep(0.2)
    assert server.bytes_sent["/huge.pdf"] - before < 32 * 1024 ** 2


def test_requests_name_polybib_in_the_user_agent(server, options):
    check_one(server, options, "/ok")
    agents = [h.get("User-Agent", "") for _m, path, h in server.headers_seen if path == "/ok"]
    assert agents and all(a.startswith("polybib/") for a in agents)


def test_the_per_host_limit_is_never_exceeded(server, options):
    links = [Link(server.url(f"/concurrent/{i}"), "url", f"k{i}") for i in range(24)]
    server.peak["concurrent"] = 0
    results = check_links(links, [], options(per_host=3, concurrency=12, content=False))
    assert {r.status for r in results} == {"ok"}
    assert 1 < server.peak["concurrent"] <= 3


def test_a_dead_link_gets_an_archived_copy_suggested(server, options):
    result = check_one(server, options, "/404", wayback_base=server.url("/wayback/available"))
    assert result.status == "dead"
    assert result.suggestion == "http://web.archive.org/web/20150101000000/" + server.url("/404")
    assert "archived copy" in result.detail


def test_a_live_link_gets_no_archive_lookup(server, options):
    before = server.hits[("GET", "/wayback/available")]
    assert check_one(server, options, "/ok", wayback_base=server.url("/wayback/available")).suggestion == ""
    assert server.hits[("GET", "/wayback/available")] == before


def test_one_url_cited_by_two_records_is_fetched_once_and_judged_for_each(server, options):
    ru = Reference(id="ru", fields={"title": "Экономическая история России: новые подходы",
                                    "author": [Name("Щукин", "Ю. И.")], "issued": Date([[2019]])})
    other = Reference(id="other", fields={"title": "Something else entirely", "author": [Name("Doe", "J.")]})
    url = server.url("/article-ru") + "?k=" + uuid.uuid4().hex
    before = server.hits[("GET", "/article-ru")]
    results = check_links([Link(url, "url", "ru", index=0), Link(url + "#frag", "url", "other", index=1)],
                          [ru, other], options())
    assert [r.status for r in results] == ["ok", "mismatch"]
    assert server.hits[("GET", "/article-ru")] == before + 1


def test_connection_refused_is_unreachable_not_dead(server, options):
    import socket
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()        # nothing listens there now
    [result] = check_links([Link(f"http://127.0.0.1:{port}/x", "url", "k")], [], options(retries=0))
    assert result.status == "unreachable"
    assert "refused" in result.detail


def test_a_page_showing_the_records_title_is_not_a_soft_404_whatever_its_words(server, options):
    book = Reference(id="b", fields={"title": "Not Found: A History of Lost Things"})
    assert check_one(server, options, "/not-found-book").status == "soft-404"
    assert check_one(server, options, "/not-found-book", ref=book).status == "ok"


def hits(server, path: str) -> tuple[int, int]:
    return server.hits[("HEAD", path)], server.hits[("GET", path)]


def test_a_page_that_is_read_costs_one_get_and_no_head(server, options):
    """HEAD then GET was two round trips for every landing page in the default mode."""
    head, get = hits(server, "/article-ru")
    assert check_one(server, options, "/article-ru").status == "ok"
    assert hits(server, "/article-ru") == (head, get + 1)


def test_status_only_checks_cost_one_head(server, options):
    head, get = hits(server, "/article-ru")
    assert check_one(server, options, "/article-ru", content=False).status == "ok"
    assert hits(server, "/article-ru") == (head + 1, get)
