"""``convert`` (and ``translit``) write ``.bib`` piece by piece (``stream_library``): the
same bytes as ``write_library`` in every dialect, for unchanged, changed and added records,
in UTF-8 and in the code pages that are written whole."""
from __future__ import annotations

import io

import pytest

from polybib import formats
from polybib.cli import main
from polybib.formats.bibtex import writer
from polybib.model import Reference

from .test_bibtex_reader_writer import CORPUS

SAMPLE = CORPUS[::9]
OPTIONS = [{}, {"dialect": "biblatex"}, {"dialect": "bibtex"}, {"dialect": "bibtex", "ascii": True}]


def streamed(library, **options) -> bytes:
    handle = io.BytesIO()
    writer.stream_library(library, handle, **options)
    return handle.getvalue()


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(map(str, o.values())) or "kept")
def test_streamed_is_what_the_writer_writes(path, options):
    assert streamed(formats.read(str(path)), **options) == \
        writer.write_library(formats.read(str(path)), **options)


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.name)
def test_changed_and_added_records(path):
    def changed():
        library = formats.read(str(path))
        for ref in library.references[::3]:
            ref.fields["note"] = "змінено {x}"
        library.references.append(Reference("new", "book", {"title": "Новая книга"}))
        return library
    assert streamed(changed()) == writer.write_library(changed())


def test_unchanged_file_streams_its_own_bytes_with_its_mark():
    data = "\ufeff@book{a,\n  title = {Книга},\n}\n".encode("utf-8")
    assert streamed(formats.read(data, "bibtex")) == data


def test_a_code_page_file_is_written_whole_as_before():
    """cp1251 stays cp1251, unless a change needs a character it lacks: then all is UTF-8."""
    data = "@book{a,\n  title = {Книга},\n}\n".encode("cp1251")

    def changed(note: str):
        library = formats.read(data, "bibtex")
        library.references[0].fields["note"] = note
        return library
    for note, encoding in (("Заметка", "cp1251"), ("\u1e9e not in cp1251", "utf-8")):
        expected = writer.write_library(changed(note))
        assert streamed(changed(note)) == expected
        assert "Книга" in expected.decode(encoding)


def test_convert_writes_the_streamed_bytes(tmp_path):
    out = tmp_path / "out.bib"
    main(["convert", str(CORPUS[0]), "--dialect", "bibtex", "-o", str(out), "-q"])
    assert out.read_bytes() == writer.write_library(formats.read(str(CORPUS[0])), "bibtex")


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    from polybib.cli import convert

    out = tmp_path / "out.bib"
    out.write_bytes(b"old")
    real = writer._rewrite_entry
    calls = []

    def broken(*args, **kw):
        calls.append(1)
        if len(calls) > 3:
            raise RuntimeError("disk full")
        return real(*args, **kw)
    monkeypatch.setattr(writer, "_rewrite_entry", broken)
    monkeypatch.setattr(writer, "_BATCH", 10)
    with pytest.raises(RuntimeError):
        convert.write_library(str(out), formats.read(str(CORPUS[0])), "bibtex", dialect="bibtex")
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.bib"]


def test_an_unmapped_record_given_new_fields_is_written_with_them():
    """The shortcut for records nobody mapped (written as their entries say) must not
    take a record whose fields were assigned without mapping for an unchanged one."""
    data = "@book{a,\n  title = {Old},\n  year = 2001,\n}\n".encode("utf-8")
    library = formats.read(data, "bibtex")
    ref = library.references[0]
    ref.fields = {"title": "New"}
    ref.type = "book"
    assert b"title = {New}" in writer.write_library(library, "bibtex")
    assert b"Old" not in writer.write_library(library, "bibtex")
