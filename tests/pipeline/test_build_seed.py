"""polybib build on the seed: every output written, and the summary page shows the records
in a real browser (headless Chromium, installed by .ci/run)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from polybib.formats import bibtex

REPO = Path(__file__).resolve().parents[2]
KEYS = ["gazul2011biznes", "matvienko2019analiz", "li2007national", "kizekova2014future", "wang2015sino"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    from polybib.cli import main
    code = main(["build", str(REPO / "refs" / "seed.txt"), "-o", str(out), "--offline", "-q"])
    assert code == 0
    return out


def test_build_writes_every_output(built):
    for name in ["references.bib", "references-bibtex.bib", "references.json", "references.ris",
                 "references-bgn-pcgn.json", "lint.json", "lint.sarif", "lint.txt", "links.json", "index.html",
                 "bibliography-apa.txt", "bibliography-apa.html", "bibliography-apa.tex",
                 "bibliography-gost-r-7-0-5-2008-numeric.txt", "bibliography-ieee.md"]:
        assert (built / name).is_file(), name
    assert [r.id for r in bibtex.read((built / "references.bib").read_bytes(), "r.bib")] == KEYS
    assert [i["id"] for i in json.loads((built / "references.json").read_text(encoding="utf-8"))] == KEYS
    classic = (built / "references-bibtex.bib").read_text(encoding="utf-8")
    assert classic.isascii() and "Matviyenko, Yu. Ye." in classic and "journal = {" in classic
    gost = (built / "bibliography-gost-r-7-0-5-2008-numeric.txt").read_text(encoding="utf-8")
    assert "Газуль С. М. Бизнес и облака" in gost and gost.count("\n") >= 4
    links = json.loads((built / "links.json").read_text(encoding="utf-8"))
    assert [l["entry"] for l in links] == ["matvienko2019analiz"]
    assert links[0]["status"] == "skipped"         # --offline: nothing cached, nothing fetched


def test_summary_page_escapes_and_lists_every_record(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    for key in KEYS:
        assert f'<span class="key">{key}</span>' in page
    assert "&lt;http://www.eduherald.ru" in page        # source text with <…> is escaped


@pytest.mark.chromium
def test_summary_page_renders_in_headless_chromium(built, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    shot = tmp_path / "summary.png"
    dump = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                           "--no-first-run", "--disable-background-networking", "--disable-component-update",
                           "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                           (built / "index.html").as_uri()], capture_output=True, text=True, timeout=120)
    assert dump.returncode == 0, dump.stderr[-2000:]
    for key in KEYS:
        assert key in dump.stdout                    # the DOM the browser built shows every record
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile2'}", f"--screenshot={shot}", "--window-size=1280,2400",
                    (built / "index.html").as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 50_000              # a real page was painted, not a blank one
