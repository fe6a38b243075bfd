"""``convert`` (and ``translit``) write CSL-JSON and RIS record by record: the same bytes
as the formats' own writers, whatever the inputs."""
from __future__ import annotations

import pytest

from polybib import formats
from polybib.cli import main

from .test_bibtex_reader_writer import CORPUS

SAMPLE = CORPUS[::15]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
@pytest.mark.parametrize("target", ["csljson", "ris"])
def test_converted_file_is_what_the_writer_writes(path, target, tmp_path):
    out = tmp_path / ("out.json" if target == "csljson" else "out.ris")
    main(["convert", str(path), "-o", str(out), "-q"])
    assert out.read_bytes() == formats.write(formats.read(str(path)), target)


def test_several_inputs_and_formats_into_one_file(tmp_path):
    bib, ris = CORPUS[0], tmp_path / "in.ris"
    ris.write_bytes(formats.write(formats.read(str(CORPUS[1])), "ris"))
    out = tmp_path / "all.json"
    main(["convert", str(bib), str(ris), "-o", str(out), "-q"])
    library = formats.read(str(bib))
    library.extend(formats.read(str(ris)))
    assert out.read_bytes() == formats.write(library, "csljson")


def test_an_unchanged_csljson_file_comes_back_as_it_was(tmp_path):
    source = tmp_path / "in.json"
    source.write_bytes(b'[{"id": "a", "type": "book", "title": "\\u0422\\u0435\\u0441\\u0442"}]')
    out = tmp_path / "out.json"
    main(["convert", str(source), "-o", str(out)])
    assert out.read_bytes() == source.read_bytes()


def test_an_empty_library(tmp_path):
    empty = tmp_path / "empty.bib"
    empty.write_text("% nothing here\n", encoding="utf-8")
    for name, target in (("e.json", "csljson"), ("e.ris", "ris")):
        main(["convert", str(empty), "-o", str(tmp_path / name)])
        assert (tmp_path / name).read_bytes() == formats.write(formats.read(str(empty)), target)


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    from polybib.cli import convert

    out = tmp_path / "out.json"
    out.write_bytes(b"old")

    def broken(library, handle, forget):
        handle.write(b"[\n  half")
        raise RuntimeError("disk full")
    monkeypatch.setitem(convert.STREAMED, "csljson", broken)
    with pytest.raises(RuntimeError):
        convert.write_library(str(out), formats.read(str(CORPUS[0])), "csljson")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
