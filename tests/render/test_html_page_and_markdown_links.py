"""``render --format html`` is a page a browser shows properly (charset, CSS, the number
beside its entry, linked URLs; a bare fragment on request), Markdown URLs stay links, and
``render --document`` neither repeats the author's References heading nor takes Markdown
links for citations."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

BIB = r"""@article{gazul2011biznes,
  author = {Газуль, С. М.},
  title = {Бизнес и облака <script>alert(1)</script>},
  journaltitle = {Вестник},
  date = {2011}, pages = {134--135}, langid = {russian},
  url = {http://example.org/a_b?x=1&y=*2*},
}
@article{li2007national,
  author = {Li, Lifan},
  title = {National energy security},
  journaltitle = {Central Asia and the Caucasus},
  date = {2007}, number = {1}, pages = {110--120}, langid = {english},
}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_html_is_a_standalone_page_with_charset_css_and_links(bib, run_cli):
    code, out, err = run_cli("render", str(bib), "--style", "ieee", "--format", "html")
    page = out.decode()
    assert code == 0, err
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<style>" in page and ".csl-left-margin" in page and "<title>" in page
    assert '<a href="http://example.org/a_b?x=1&amp;y=*2*">http://example.org/a_b?x=1&amp;y=*2*</a>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    # nothing fetched from elsewhere: no stylesheet link, no source, no CSS import
    assert not re.search(r"<link|\bsrc=|@import|url\(", page)


def test_html_fragment_on_request(bib, run_cli):
    code, out, _ = run_cli("render", str(bib), "--style", "ieee", "--format", "html", "--fragment")
    text = out.decode()
    assert code == 0
    assert text.startswith('<div class="csl-bib-body">') and "<html" not in text and "<style" not in text
    assert '<a href="http://example.org/a_b?x=1&amp;y=*2*">' in text


@pytest.mark.chromium
def test_the_number_stands_beside_its_entry_in_chromium(bib, run_cli, tmp_path):
    """Measured in the browser: the margin (``[1]``) and the entry's first line share a line."""
    page = run_cli("render", str(bib), "--style", "ieee", "--format", "html")[1].decode()
    probe = ("<script>const e=document.querySelector('.csl-entry');"
             "const m=e.querySelector('.csl-left-margin').getBoundingClientRect();"
             "const b=e.querySelector('.csl-right-inline').getBoundingClientRect();"
             "document.body.dataset.probe=[Math.round(m.top),Math.round(b.top),Math.round(m.right),"
             "Math.round(b.left)].join(',');</script>")
    test_page = tmp_path / "probe.html"
    test_page.write_text(page.replace("</body>", probe + "</body>"), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    dump = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", test_page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    found = re.search(r'data-probe="(-?\d+),(-?\d+),(-?\d+),(-?\d+)"', dump.stdout)
    assert found, dump.stdout[-2000:] + dump.stderr[-2000:]
    margin_top, body_top, margin_right, body_left = map(int, found.groups())
    assert abs(margin_top - body_top) <= 2          # same line
    assert margin_right <= body_left                # number left of the text, not over it


def test_markdown_urls_are_autolinks_not_escaped(bib, run_cli):
    text = run_cli("render", str(bib), "--style", "ieee", "--format", "markdown")[1].decode()
    assert "<http://example.org/a_b?x=1&y=*2*>" in text
    assert "a\\_b" not in text


DOC = """# Paper

As shown [@gazul2011biznes], see [the site](http://example.org/[1]) and [the docs][1],
or write to [the editor a@b.org](mailto:a@b.org). ![figure 2](fig.png)

## References

[1]: http://example.org/docs
"""


def test_document_keeps_the_authors_heading_and_markdown_links(bib, run_cli, tmp_path):
    doc = tmp_path / "paper.md"
    doc.write_text(DOC, encoding="utf-8")
    code, out, err = run_cli("render", str(bib), "--style", "apa", "--document", str(doc))
    text = out.decode()
    assert code == 0, err
    assert text.count("References") == 1
    assert "(Газуль, 2011)" in text
    assert "[the site](http://example.org/[1])" in text and "[the docs][1]" in text
    assert "[the editor a@b.org](mailto:a@b.org)" in text and "![figure 2](fig.png)" in text
    assert "[1]: http://example.org/docs" in text
    heading = text.index("## References")
    assert text.index("Газуль, С. М. (2011)") > heading       # the list under the heading


@pytest.mark.parametrize("heading", ["## References", "References\n----------", "## Список литературы"])
def test_the_list_goes_under_a_heading_the_author_wrote(bib, run_cli, tmp_path, heading):
    doc = tmp_path / "paper.md"
    doc.write_text(f"Text [@li2007national].\n\n{heading}\n", encoding="utf-8")
    text = run_cli("render", str(bib), "--style", "apa", "--document", str(doc))[1].decode()
    title = heading.splitlines()[0].lstrip("# ")
    assert text.count(title) == 1 and "Список литературы" not in text.replace(title, "") \
        and "References" not in text.replace(title, "")
    assert text.index("Li, L. (2007)") > text.index(title)


def test_a_text_document_with_its_own_heading_gets_no_second_one(bib, run_cli, tmp_path):
    doc = tmp_path / "paper.txt"
    doc.write_text("Text [@li2007national].\n\nReferences:\n", encoding="utf-8")
    text = run_cli("render", str(bib), "--style", "apa", "--document", str(doc))[1].decode()
    assert text.count("References") == 1 and text.rstrip().endswith("110–120.")


def test_a_document_without_a_heading_still_gets_one(bib, run_cli, tmp_path):
    doc = tmp_path / "paper.md"
    doc.write_text("Text [@li2007national].\n", encoding="utf-8")
    text = run_cli("render", str(bib), "--style", "apa", "--document", str(doc))[1].decode()
    assert "\n## References\n" in text
