"""Duplicates across partitions: ``polybib batch --stages lint`` reports a work listed in
two partitions (or two files) exactly as one ``polybib lint`` of every input reports it:
the same entries, lines and first keys."""
from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from polybib.cli import main

from .conftest import batch_diagnostics, bib_entry

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DUPLICATE_CODES = {"D001", "D002"}


def _with_doi(entry: str, doi: str) -> str:
    return entry.replace("\n}\n", f"\n  doi = {{{doi}}},\n}}\n", 1)


@pytest.fixture
def inputs(tmp_path):
    """Two .bib files cut into several partitions each; DOIs and works repeated far apart
    (the first and the last partition), within one file and across the two, and a text
    list repeating a .bib entry's work in Cyrillic."""
    rng = random.Random(11)
    folder = tmp_path / "in"
    folder.mkdir()
    first = [bib_entry(i, rng) for i in range(0, 60)]
    second = [bib_entry(i, rng) for i in range(100, 160)]
    first[2] = _with_doi(first[2], "10.1000/shared.1")
    first[57] = _with_doi(first[57], "https://doi.org/10.1000/SHARED.1")       # same DOI, last partition
    second[40] = _with_doi(second[40], "doi:10.1000/shared.1")                  # and in the other file
    # the same book (title, first author, year) in both files, under other keys
    twin = first[4].replace("@book{book4,", "@book{twin4,")
    second.insert(50, twin)
    second.insert(55, twin.replace("@book{twin4,", "@book{twin4b,"))
    (folder / "a.bib").write_text("".join(first), encoding="utf-8")
    (folder / "b.bib").write_text("".join(second), encoding="utf-8")
    (folder / "list.txt").write_text(
        "Matvienko Yu.E. Analiz razvitiya transporta regiona. Moscow: Nauka, 2019. 240 p.\n"
        "Smith J. Water policy in Central Asia. Energy Policy. 2010;12(2):1-12.\n"
        "Матвиенко Ю.Е. Анализ развития транспорта региона. — М. : Наука, 2019. — 240 с.\n",
        encoding="utf-8")
    return [folder / "a.bib", folder / "b.bib", folder / "list.txt"]


def test_duplicates_across_partitions_equal_polybib_lint(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    main(["batch", *map(str, inputs), "-o", str(out), "--workers", "2", "--partition-mb", "0.004",
          "--stages", "import,keys,lint", "-q"])
    report = tmp_path / "lint.json"
    main(["lint", *map(str, inputs), "--format", "json", "-o", str(report)])
    capsys.readouterr()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["partitions"]) >= 6
    expected = Counter((f["code"], f["file"], f["line"], f["message"])
                       for f in json.loads(report.read_text(encoding="utf-8")) if f["code"] in DUPLICATE_CODES)
    mine = Counter((r["code"], r["file"], r["line"], r["message"]) for r in batch_diagnostics(out)
                   if r["code"] in DUPLICATE_CODES)
    # what the inputs hold: the DOI twice more, the book twice more, the Cyrillic twin
    assert sum(1 for code, *_ in expected.elements() if code == "D001") == 2
    assert sum(1 for code, *_ in expected.elements() if code == "D002") >= 3
    assert mine == expected


def test_a_resumed_run_still_sees_the_finished_partitions_works(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["batch", *map(str, inputs), "-o", str(out), "--workers", "2", "--partition-mb", "0.004",
            "--stages", "import,keys,lint", "-q"]
    main(args)
    first = Counter((r["code"], r["line"], r["message"]) for r in batch_diagnostics(out) if r["code"] in DUPLICATE_CODES)
    # forget the last partitions, as if the run had been interrupted before them
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    last = sorted(manifest["done"])[-2:]
    for name in last:
        (out / f"{name}.diagnostics.jsonl").unlink()
    main(args)
    capsys.readouterr()
    again = Counter((r["code"], r["line"], r["message"]) for r in batch_diagnostics(out) if r["code"] in DUPLICATE_CODES)
    assert first and again == first
