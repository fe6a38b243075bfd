"""No record can take a list down (issue #15): a record the style fails on gets a fallback
entry naming it and the reason, a FILE:LINE diagnostic, and ``polybib render`` exits 1;
every other entry is rendered as usual.

The failure is provoked by making one element class of the processor raise for one
record only (any bug of the processor for a record looks like that to the list)."""
from __future__ import annotations

import pytest

from polybib.render import fixes, memo, render, render_items

BIB = """@book{good1,
  author = {Smith, John},
  title = {A Good Book},
  publisher = {Press},
  year = {2001},
}

@book{broken,
  author = {Roe, Ann},
  title = {The Poisoned Record},
  publisher = {Press},
  year = {2002},
}

@book{good2,
  author = {Brown, Tom},
  title = {Another Good Book},
  publisher = {Press},
  year = {2003},
}
"""


@pytest.fixture
def poisoned(monkeypatch):
    """Rendering the title "The Poisoned Record" raises a TypeError, in entries and in
    sorting alike."""
    original = fixes.Text._variable

    def explode(self, item, context):
        if "Poisoned" in str(item.reference.get("title", "")):
            raise TypeError("simulated processor bug")
        return original(self, item, context)

    monkeypatch.setattr(fixes.Text, "_variable", explode)
    memo.clear()            # macro output memoized by other tests would skip the bug
    yield
    memo.clear()


ITEMS = [{"id": key, "type": "book", "title": title, "publisher": "Press",
          "author": [{"family": family, "given": "A"}], "issued": {"date-parts": [[year]]}}
         for key, title, family, year in (("good1", "A Good Book", "Smith", 2001),
                                          ("broken", "The Poisoned Record", "Roe", 2002),
                                          ("good2", "Another Good Book", "Brown", 2003))]


@pytest.mark.parametrize("style", ["apa", "ieee", "gost-r-7-0-5-2008", "chicago-author-date"])
def test_other_entries_are_rendered(poisoned, style):
    entries = {e.id: e for e in render_items(ITEMS, style)}
    assert set(entries) == {"good1", "broken", "good2"}
    assert entries["good1"].error is None and "Good Book" in entries["good1"].body
    assert entries["good2"].error is None and "Another Good Book" in entries["good2"].body
    assert entries["broken"].error == "TypeError: simulated processor bug"
    assert "not rendered: broken: TypeError: simulated processor bug" in entries["broken"].body
    assert "Roe A. The Poisoned Record. 2002" in entries["broken"].body


def test_fallback_without_failure_is_absent():
    assert all(e.error is None for e in render_items(ITEMS, "apa"))


def test_render_reports_file_and_line(poisoned, tmp_path):
    from polybib import formats
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    rendered = render(formats.read(str(path)), "apa")
    assert len(rendered) == 3
    [diag] = rendered.diagnostics
    assert diag.file == str(path) and diag.line == 8
    assert "broken" in diag.message and "TypeError" in diag.message


def test_cli_exits_1_with_every_entry(poisoned, tmp_path, capsys):
    from polybib.cli import main
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["render", str(path), "--style", "apa", "-o", str(out), "-q"]) == 1
    text = out.read_text(encoding="utf-8")
    assert "A Good Book" in text and "Another Good Book" in text and "not rendered: broken" in text
    err = capsys.readouterr().err
    assert f"{path}:8:" in err and "not rendered in style" in err
