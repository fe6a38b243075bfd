"""``polybib check``: reports, JSON schema, exit codes, cache and --offline."""
from __future__ import annotations

import json
import re

import pytest

from polybib.links.model import STATUSES

NET = ("--allow-private", "--no-archive", "--timeout", "0.5", "--connect-timeout", "0.5",
       "--retries", "0")


@pytest.fixture
def bib(tmp_path, server, monkeypatch):
    """Write a .bib whose links go to the local server; work in tmp_path (for .polybib/)."""
    monkeypatch.chdir(tmp_path)

    def write(*entries: str) -> str:
        path = tmp_path / "refs.bib"
        path.write_text("\n".join(entries).replace("{{server}}", server.url("")), encoding="utf-8")
        return str(path)

    return write


GOOD = """@article{good,
  title = {Экономическая история России: новые подходы},
  author = {Щукин, Юрий},
  date = {2019},
  url = {{{server}}/article-ru},
}"""
DEAD = """@online{dead,
  title = {Gone},
  url = {{{server}}/404},
}"""
MOVED = """@online{moved,
  title = {Moved},
  note = {URL: \\url{{{server}}/r301} (дата обращения: 01.02.2020)},
}"""


def test_all_fine_exits_0(run_cli, bib, server):
    code, out, err = run_cli("check", bib(GOOD), *NET, "--doi-base", server.url("/"), "--no-cache")
    assert code == 0, out
    assert out.decode().strip() == "1 link checked: 1 ok"


def test_a_dead_link_exits_1_and_is_reported_at_its_line(run_cli, bib):
    path = bib(GOOD, DEAD)
    code, out, _ = run_cli("check", path, *NET, "--no-cache")
    text = out.decode()
    assert code == 1
    assert re.search(rf"^{re.escape(path)}:9: dead: dead url http://127\.0\.0\.1:\d+/404", text, re.M)
    assert text.splitlines()[-1] == "2 links checked: 1 ok, 1 dead"


def test_a_permanent_redirect_is_reported_but_does_not_fail(run_cli, bib, server):
    code, out, _ = run_cli("check", bib(MOVED), *NET, "--no-cache")
    text = out.decode()
    assert code == 0
    assert f":3: redirected: moved note {server.url('/r301')}" in text
    assert server.url("/ok") in text


def test_fail_on_chooses_what_fails(run_cli, bib):
    path = bib(DEAD)
    assert run_cli("check", path, *NET, "--no-cache", "--fail-on", "none")[0] == 0
    assert run_cli("check", path, *NET, "--no-cache", "--fail-on", "mismatch")[0] == 0
    assert run_cli("check", path, *NET, "--no-cache", "--fail-on", "dead")[0] == 1


def test_json_output_has_one_object_per_link_with_the_documented_keys(run_cli, bib, server):
    code, out, _ = run_cli("check", bib(GOOD, DEAD, MOVED), *NET, "--no-cache", "--format", "json")
    items = json.loads(out)
    assert code == 1
    assert [(i["entry"], i["field"], i["status"]) for i in items] == [
        ("good", "url", "ok"), ("dead", "url", "dead"), ("moved", "note", "redirected")]
    for item in items:
        assert {"entry", "field", "url", "status", "http_status", "final_url", "detail"} <= set(item)
        assert item["status"] in STATUSES
        assert isinstance(item["entry"], str) and isinstance(item["url"], str)
        assert item["http_status"] is None or isinstance(item["http_status"], int)
        assert item["final_url"] is None or isinstance(item["final_url"], str)
        assert isinstance(item["detail"], str) and isinstance(item["line"], int)
    moved = items[2]
    assert moved["hops"] == [{"url": server.url("/r301"), "status": 301, "location": server.url("/ok")}]
    assert moved["suggestion"] == server.url("/ok")
    assert items[0]["evidence"]["source"] == "citation"


def test_loopback_links_are_skipped_without_allow_private(run_cli, bib):
    code, out, _ = run_cli("check", bib(DEAD), "--no-archive", "--no-cache", "--format", "json")
    [item] = json.loads(out)
    assert code == 0
    assert item["status"] == "skipped" and "loopback" in item["detail"]


def test_offline_uses_what_the_last_run_cached(run_cli, bib, server, tmp_path):
    path = bib(GOOD, DEAD)
    assert run_cli("check", path, *NET)[0] == 1                      # default cache: .polybib/
    assert (tmp_path / ".polybib" / "links.sqlite3").is_file()
    before = sum(server.hits.values())
    code, out, _ = run_cli("check", path, "--offline", "--format", "json", "--allow-private")
    items = json.loads(out)
    assert [(i["status"], i["cached"]) for i in items] == [("ok", True), ("skipped", False)]
    assert sum(server.hits.values()) == before
    assert code == 0


def test_a_given_cache_path_and_max_age(run_cli, bib, tmp_path):
    path = bib(GOOD)
    cache = tmp_path / "elsewhere" / "c.sqlite3"
    run_cli("check", path, *NET, "--cache", str(cache))
    code, out, _ = run_cli("check", path, *NET, "--cache", str(cache), "--format", "json", "--max-age", "1h")
    assert json.loads(out)[0]["cached"] is True
    code, out, _ = run_cli("check", path, *NET, "--cache", str(cache), "--format", "json", "--max-age", "0")
    assert json.loads(out)[0]["cached"] is False


@pytest.mark.parametrize("args, message", [
    (("missing.bib",), "missing.bib"),
    (("{bib}", "--fail-on", "deadish"), "unknown status"),
    (("{bib}", "--max-age", "soon"), "not a duration"),
    (("{bib}", "--offline", "--no-cache"), "--offline needs the cache"),
    (("{bib}", "--exclude", "("), "not a regular expression"),
    (("{bib}", "--concurrency", "0"), "at least 1"),
])
def test_usage_and_input_errors_exit_2(run_cli, bib, args, message):
    path = bib(GOOD)
    code, _, err = run_cli("check", *[a.replace("{bib}", path) for a in args])
    assert code == 2
    assert message in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(run_cli, bib):
    _, _, err = run_cli("check", bib(GOOD, DEAD), *NET, "--no-cache")
    assert "\r" not in err and "links" not in err


def test_progress_bar_on_a_terminal():
    import io
    from polybib.links.report import ProgressBar
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True, width=10)
    bar(1, 4)
    bar(4, 4)
    assert "\r[" in stream.getvalue() and "4/4 links" in stream.getvalue()


def test_exclude_skips(run_cli, bib):
    code, out, _ = run_cli("check", bib(DEAD), *NET, "--no-cache", "--exclude", "/404$", "--format", "json")
    assert code == 0 and json.loads(out)[0]["status"] == "skipped"


def test_check_is_a_command_with_examples_and_exit_codes(run_cli):
    from polybib.cli import build_parser
    text = build_parser().format_help()
    assert "check" in text
    sub = build_parser()._subparsers._group_actions[0].choices["check"]
    epilog = sub.format_help()
    assert "examples:" in epilog and "exit codes:" in epilog and "--allow-private" in epilog


def test_config_table_sets_defaults(run_cli, bib, tmp_path):
    path = bib(DEAD)
    (tmp_path / "polybib.toml").write_text('[check]\nexclude = ["/404$"]\ncache = false\n', encoding="utf-8")
    code, out, _ = run_cli("check", path, *NET, "--format", "json")
    assert code == 0 and json.loads(out)[0]["status"] == "skipped"
    assert not (tmp_path / ".polybib").exists()


def test_check_paths_is_the_library_entry_for_the_lint(bib, server, tmp_path):
    from polybib.links import CheckOptions, check_paths
    path = bib(GOOD, DEAD)
    results = check_paths([path], options=CheckOptions(allow_private=True, wayback_base=None, retries=0))
    assert [(r.entry, r.status, r.file, r.line) for r in results] == [
        ("good", "ok", path, 5), ("dead", "dead", path, 9)]
