"""A .bib file in any encoding that Windows, Russian or old European tools write is read
whole, its encoding is announced truthfully and kept on writing, and lint says it; a
binary file is an input error, never an empty "all clear" (issues #13.4 and #12.8)."""
from __future__ import annotations

import codecs

import pytest

from polybib.errors import InputError
from polybib.formats import bibtex

from ..conftest import DATA

TEXT = ("% Bibliographie\n"
        "@book{muller2001,\n"
        "  author = {Müller, Jürgen},\n"
        "  title = {Études sur la forêt},\n"
        "  date = {2001},\n"
        "  langid = {french},\n"
        "}\n"
        "@book{gazul2011,\n"
        "  author = {Газуль, С. М.},\n"
        "  title = {Бизнес и облака},\n"
        "  date = {2011},\n"
        "  langid = {russian},\n"
        "}\n")
LATIN = TEXT.split("@book{gazul2011")[0]

UNICODE_FORMS = {
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-32-le with BOM": codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    "utf-32-be with BOM": codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    "utf-16-le without BOM": TEXT.encode("utf-16-le"),
    "utf-16-be without BOM": TEXT.encode("utf-16-be"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
}


def _titles(library) -> list[str]:
    return [r.get("title") for r in library.references]


@pytest.mark.parametrize("form", sorted(UNICODE_FORMS))
def test_utf16_and_utf32_files_read_every_entry_and_write_back_the_same_bytes(form):
    data = UNICODE_FORMS[form]
    library = bibtex.read(data, "refs.bib")
    assert _titles(library) == ["Études sur la forêt", "Бизнес и облака"]
    assert not [d for d in library.diagnostics if d.severity == "error"]
    assert bibtex.write(library) == data                      # unchanged: byte for byte
    library.references[0]["title"] = "Études sur la forêt, II"
    changed = bibtex.write(library)
    # changed: still the same encoding and byte-order mark, so still readable as before
    assert _titles(bibtex.read(changed, "refs.bib")) == ["Études sur la forêt, II", "Бизнес и облака"]
    assert changed[:4] == data[:4] or form.endswith("without BOM") and changed[:2] == data[:2]


def test_a_latin1_file_is_kept_in_latin1_as_announced():
    data = LATIN.encode("latin-1")
    library = bibtex.read(data, "refs.bib")
    (note,) = [d for d in library.diagnostics if d.code == "encoding"]
    assert note.line == 3 and "read as latin-1, and kept in latin-1 when this .bib is written back" in note.message
    assert "as UTF-8" not in note.message
    assert bibtex.write(library) == data
    library.references[0]["title"] = "Études nouvelles"
    written = bibtex.write(library)
    assert written == data.replace("Études sur la forêt".encode("latin-1"), "Études nouvelles".encode("latin-1"))


def test_cp1252_typography_and_cp1251_cyrillic_are_told_apart():
    quotes = "@book{k, title = {“Quoted” – and more}, date = {2001}}\n"
    library = bibtex.read(quotes.encode("cp1252"), "q.bib")
    assert library.documents[0].encoding == "cp1252" and _titles(library) == ["“Quoted” – and more"]
    cyrillic = "@book{k, title = {Бизнес и облака}, date = {2011}}\n"
    library = bibtex.read(cyrillic.encode("cp1251"), "c.bib")
    assert library.documents[0].encoding == "cp1251" and _titles(library) == ["Бизнес и облака"]


@pytest.mark.parametrize("name, title", [("biber__encoding1.bib", "Šome title"),
                                         ("biber__encoding3.bib", "Söme title"),
                                         ("biber__encoding4.bib", "Żome title")])
def test_an_emacs_coding_line_names_the_encoding(name, title):
    """biber's test files say ``-*- coding: latin-9-unix -*-``; Latin-1 would misread Š."""
    data = (DATA / "bib-corpus" / "odd" / name).read_bytes()
    library = bibtex.read(data, name)
    assert _titles(library) == [title]
    assert bibtex.write(library) == data


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,                                           # NULs anywhere
    b"\x89PNG\r\n\x1a\n" + bytes([7, 1, 2, 3, 4, 5, 6, 14, 15, 16]) * 20,   # control characters
], ids=["nul-bytes", "control-characters"])
def test_a_binary_file_is_an_input_error_not_an_empty_bibliography(data):
    with pytest.raises(InputError, match="not a text file"):
        bibtex.read(data, "image.bib")


def test_lint_names_the_encoding_and_refuses_binary_files(tmp_path, run_cli):
    latin = tmp_path / "latin.bib"
    latin.write_bytes(LATIN.encode("latin-1"))
    code, out, err = run_cli("lint", "--select", "S008", str(latin))
    assert code == 1 and b"S008" in out and b"latin-1" in out
    wide = tmp_path / "wide.bib"
    wide.write_bytes(UNICODE_FORMS["utf-16-le with BOM"])
    code, out, err = run_cli("lint", "--select", "S,V", str(wide))
    assert code == 1 and b"UTF-16LE" in out             # said in the report
    code, out, err = run_cli("lint", "--select", "S003", str(wide))
    assert code == 0 and b"All clear: 2 entries" in out
    binary = tmp_path / "binary.bib"
    binary.write_bytes(bytes(range(256)) * 8)
    code, out, err = run_cli("lint", str(binary))
    assert code == 2 and "not a text file" in err and b"All clear" not in out


def test_lint_fix_keeps_a_utf16_file_utf16(tmp_path, run_cli):
    path = tmp_path / "wide.bib"
    path.write_bytes(codecs.BOM_UTF16_LE + TEXT.replace("date = {2011}", "date = {2011}, pages = {1-2}")
                     .encode("utf-16-le"))
    code, out, err = run_cli("lint", "--fix", "--select", "V003", str(path))
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    assert "pages = {1--2}" in data[2:].decode("utf-16-le")
