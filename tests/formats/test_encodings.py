"""Every text reader (CSL-JSON, RIS, text lists) decodes UTF-8/16/32 by BOM, recognises BOM-less
UTF-16, and never turns a misread file into garbage or an empty result without an error."""
from __future__ import annotations

import json

import pytest

from polybib.errors import InputError
from polybib.formats import csljson, ris, text

LIST = ("1. Газуль С.М. Бизнес и облака // Вестник экономики. — 2011. — № 3. — С. 134-135.\n"
        "2. Smith, J. (2019). Clouds and business. London: Routledge.\n")
RIS = "TY  - JOUR\nAU  - Газуль, С.М.\nTI  - Бизнес и облака\nPY  - 2011\nER  - \n"
JSON = json.dumps([{"id": "g", "type": "book", "title": "Бизнес и облака"}], ensure_ascii=False)
BOMS = {"utf-8-sig": b"", "utf-16": b"", "utf-32": b"", "utf-16-be": b"\xfe\xff",
        "utf-16-le": b"\xff\xfe", "utf-32-be": b"\x00\x00\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}


def encode(content: str, codec: str) -> bytes:
    return BOMS[codec] + content.encode(codec)


@pytest.mark.parametrize("codec", BOMS)
def test_a_text_list_with_any_unicode_bom_is_read_as_its_references(codec):
    lib = text.read(encode(LIST, codec), "refs.txt")
    assert [r["title"] for r in lib] == ["Бизнес и облака", "Clouds and business"]
    assert not lib.errors and not [d for d in lib.diagnostics if d.code == "encoding"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_text_list_in_utf16_without_bom_is_recognised_and_said(codec):
    lib = text.read(LIST.encode(codec), "refs.txt")
    assert [r["title"] for r in lib] == ["Бизнес и облака", "Clouds and business"]
    [warning] = [d for d in lib.diagnostics if d.code == "encoding"]
    assert "UTF-16" in warning.message and warning.severity == "warning"


@pytest.mark.parametrize("codec", BOMS)
def test_a_ris_file_with_any_unicode_bom_is_read(codec):
    lib = ris.read(encode(RIS, codec), "e.ris")
    assert [r["title"] for r in lib] == ["Бизнес и облака"]
    assert lib[0]["author"][0].family == "Газуль"
    assert not lib.errors


@pytest.mark.parametrize("codec", BOMS)
def test_a_csl_json_file_with_any_unicode_bom_is_read(codec):
    lib = csljson.read(encode(JSON, codec), "z.json")
    assert [r["title"] for r in lib] == ["Бизнес и облака"]
    assert not lib.diagnostics


def test_cp1251_is_still_read_with_a_warning_at_the_first_bad_line():
    lib = text.read(("Smith, J. (2019). Clouds. London: Routledge.\n" + LIST.split("\n")[0][3:] + "\n").encode("cp1251"), "r.txt")
    assert lib[1]["title"] == "Бизнес и облака"
    [warning] = [d for d in lib.diagnostics if d.code == "encoding"]
    assert warning.line == 2 and "cp1251" in warning.message


def test_a_binary_file_is_an_input_error_not_garbage_records():
    with pytest.raises(InputError, match="not a text file"):
        text.read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xd8", "image.txt")


def test_bytes_that_contradict_their_bom_are_an_error_not_an_empty_result():
    broken = b"\xff\xfe" + "1. Smith J. Clouds. 2019.".encode("utf-16-le") + b"\x00\xd8"  # half a pair
    with pytest.raises(InputError, match="UTF-16LE"):
        text.read(broken, "broken.txt")
    lib = ris.read(b"\xff\xfe" + RIS.encode("utf-16-le") + b"\x00\xd8", "broken.ris")
    assert len(lib) == 0 and lib.errors and "UTF-16LE" in lib.errors[0].message


def test_a_list_that_yields_no_reference_is_an_error():
    lib = text.read("References\n\nСписок литературы\n".encode(), "headings.txt")
    assert len(lib) == 0
    assert [d.code for d in lib.errors] == ["empty"]


def test_utf8_with_one_damaged_byte_is_read_as_utf8_not_as_cp1251():
    """A stray byte in a UTF-8 list costs that one place (U+FFFD), not every Cyrillic
    letter of the file (read whole as cp1251, each would become two wrong ones)."""
    good = ("1. Газуль С.М. Бизнес и облака // Сборник. — СПб., 2011. — С. 134-135.\n"
            "2. Матвиенко Ю.Е. Анализ развития // Вестник. — 2019. — № 1.\n").encode("utf-8")
    cut = good.index("Сборник".encode("utf-8"))
    lib = text.read(good[:cut] + b"\xff" + good[cut:], "list.txt")
    assert [r.get("title") for r in lib] == ["Бизнес и облака", "Анализ развития"]
    assert any(d.code == "encoding" and "read as UTF-8" in d.message and d.line == 1 for d in lib.diagnostics)
    cp1251 = text.read(good.decode("utf-8").encode("cp1251"), "list.txt")
    assert [r.get("title") for r in cp1251] == ["Бизнес и облака", "Анализ развития"]
    assert any("read as cp1251" in d.message for d in cp1251.diagnostics)
