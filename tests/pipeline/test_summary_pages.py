"""The build's pages: a summary first (counts, findings, links, repairs, low confidence,
reader warnings, every file written), navigation, and per record its romanized form, its
repairs and warnings; a long build split into pages; everything from the data escaped and
nothing loaded from elsewhere."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from polybib.links.model import LinkResult
from polybib.lint.findings import Finding
from polybib.model import Diagnostic, Library, Name, Reference, Source
from polybib.pipeline import BuildResult
from polybib.summary import PAGE_SIZE, summary_pages

REPO = Path(__file__).resolve().parents[2]
EXTERNAL = re.compile(r"<script|<link|<img|<iframe|\bsrc=|@import|url\(", re.I)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    from polybib.cli import main
    assert main(["build", str(REPO / "refs" / "seed.txt"), "-o", str(out), "--offline", "-q"]) == 0
    return out


def test_the_summary_comes_first_with_counts_repairs_and_every_file(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    summary = page[:page.index('id="records"')]
    assert '<nav class="top">' in page
    for section in ("summary", "findings", "links", "repairs", "confidence", "warnings", "files"):
        assert f'<section id="{section}"' in summary
    assert "<b>5</b>records" in summary and "look-alike repairs" in summary
    assert "Но Т.Е.В. → Ho T.E.B." in summary                 # the repair, recorded and now shown
    for path in built.iterdir():                              # a link to every file the build wrote
        assert f'href="{path.name}"' in summary, path.name
    assert not EXTERNAL.search(page)


def test_each_record_shows_its_romanized_form_and_repairs(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    cards = page[page.index('id="records"'):]
    matvienko = cards[cards.index("matvienko2019analiz"):cards.index("li2007national")]
    assert "romanized (bgn-pcgn)" in matvienko and "Matviyenko, Yu. Ye." in matvienko
    assert "Analiz razvitiya zheleznodorozhnogo transporta" in matvienko
    assert '<a href="http://www.eduherald.ru/ru/article/view?id=19537">' in matvienko
    kizekova = cards[cards.index("kizekova2014future"):cards.index("wang2015sino")]
    assert "repair</span>Но Т.Е.В. → Ho T.E.B." in kizekova


def test_the_bibliography_html_files_are_pages(built):
    page = (built / "bibliography-apa.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and "<style>" in page


HOSTILE = '<script>alert("x")</script> & "quotes"'


def _result(tmp_path: Path, n: int) -> BuildResult:
    refs, findings, links, diagnostics = [], [], [], []
    for i in range(n):
        key = f'k{i}"<em>'
        ref = Reference(key, "article-journal",
                        {"title": f"Title {i} {HOSTILE}", "author": [Name(family=f"Фамилия{i}", given="И.")],
                         "issued": "2020", "URL": f"https://example.org/{i}?a=1&b=<2>"},
                        source=Source("refs.txt", i + 1, f"Source text {i} <http://example.org/{i}>", "text"))
        if i % 100 == 7:
            ref.source.repairs.append(f"Но{i} → Ho{i}")
        if i % 100 == 8:
            ref.confidence = {"title": 0.3, "issued": 0.5, "author": 0.9}
            ref.extra["polybib.low-confidence"] = "0.45"
        refs.append(ref)
        if i % 50 == 3:
            findings.append(Finding("V003", "bad-thing", "error", "references.bib", i, f"broken {HOSTILE}", key))
        if i % 100 == 9:
            links.append(LinkResult(key, "URL", f"https://example.org/{i}?a=1&b=<2>", "dead", detail="404"))
        if i % 100 == 11:
            diagnostics.append(Diagnostic("refs.txt", i + 1, f"unparsed tail {HOSTILE}", "warning"))
    romanized = Library([Reference(r.id, r.type, {**r.fields, "author": [Name(family=f"Familiya{i}", given="I.")]})
                         for i, r in enumerate(refs)])
    written = []
    for name in ("references.bib", "lint.txt", "bibliography-apa.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        written.append(tmp_path / name)
    return BuildResult(tmp_path, Library(refs), written, findings, links,
                       {"apa": {r.id: f"Rendered {HOSTILE} {r.id}" for r in refs}}, diagnostics,
                       romanized=romanized, scheme="bgn-pcgn", inputs=["refs.txt"])


def test_a_long_build_is_split_into_pages_and_the_summary_links_each_record_to_its_card(tmp_path):
    n = PAGE_SIZE * 2 + 100
    pages = summary_pages(_result(tmp_path, n))
    assert sorted(pages) == ["index.html", "records-0001.html", "records-0002.html", "records-0003.html"]
    cards = {}
    for name, page in pages.items():
        for anchor in re.findall(r'<section class="record" id="(r\d+)"', page):
            assert anchor not in cards
            cards[anchor] = name
    assert len(cards) == n                                          # each record once
    assert not re.search(r'<section class="record"', pages["index.html"])
    index = pages["index.html"]
    targets = re.findall(r'href="(records-\d+\.html)#(r\d+)"', index)
    assert targets and all(cards[anchor] == page for page, anchor in targets)
    assert 'href="records-0003.html#r508"' in index               # the repair of the 508th record
    assert "Но507 → Ho507" in index and "title 0.30" in index and "record 0.45" in index
    assert "unparsed tail" in index and "https://example.org/9?a=1&amp;b=&lt;2&gt;" in index
    for page in pages.values():
        assert len(page.encode()) < 5_000_000
        assert 'rel="next"' in page or 'rel="prev"' in page or page is index


def test_everything_from_the_data_is_escaped(tmp_path):
    """Keys, titles, messages, URLs, renderings and source text carry markup; none of it
    may reach the page as markup (the pages have no script and no <em> of their own)."""
    for page in summary_pages(_result(tmp_path, PAGE_SIZE + 50)).values():
        assert "<script" not in page and "<em>" not in page and 'alert("x")' not in page
        assert not EXTERNAL.search(page)
    card = summary_pages(_result(tmp_path, 3))["index.html"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in card
    assert '<span class="key">k0&quot;&lt;em&gt;</span>' in card
    assert 'href="https://example.org/0?a=1&amp;b=&lt;2&gt;"' in card
    assert "Source text 0 &lt;http://example.org/0&gt;" in card
    assert "Familiya0, I." in card and "romanized (bgn-pcgn)" in card


@pytest.mark.chromium
def test_a_person_sees_the_summary_and_can_page_through_the_records(tmp_path):
    pages = summary_pages(_result(tmp_path, PAGE_SIZE + 10))
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    dump = subprocess.run(common + [f"--user-data-dir={tmp_path / 'p1'}", "--dump-dom",
                                    (tmp_path / "index.html").as_uri()], capture_output=True, text=True, timeout=120)
    assert "Lint findings" in dump.stdout and "look-alike repairs" in dump.stdout
    assert 'href="records-0002.html"' in dump.stdout
    second = subprocess.run(common + [f"--user-data-dir={tmp_path / 'p2'}", "--dump-dom",
                                      (tmp_path / "records-0002.html").as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert f'id="r{PAGE_SIZE + 1}"' in second.stdout and 'rel="prev"' in second.stdout
    shot = tmp_path / "index.png"
    subprocess.run(common + [f"--user-data-dir={tmp_path / 'p3'}", f"--screenshot={shot}", "--window-size=1280,1600",
                             (tmp_path / "index.html").as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 50_000


def test_pages_of_an_earlier_longer_build_are_removed(tmp_path, run_cli):
    out = tmp_path / "out"
    out.mkdir()
    (out / "records-0007.html").write_text("old", encoding="utf-8")
    (out / "notes.html").write_text("mine", encoding="utf-8")
    code, _, err = run_cli("build", str(REPO / "refs" / "seed.txt"), "-o", str(out), "--offline", "-q")
    assert code == 0, err
    assert not (out / "records-0007.html").exists() and (out / "notes.html").read_text() == "mine"
