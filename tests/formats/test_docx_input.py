"""A .docx reference list is read safely: hostile or broken archives are one InputError."""
from __future__ import annotations

import io
import zipfile

import pytest

from polybib.errors import InputError
from polybib.formats import text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REFS = ["Газуль С.М. Бизнес и облака // Вестник. — 2011. — С. 134-135.",
        "Smith J. Clouds and business. London: Routledge, 2019. 200 p."]


def document_xml(paragraphs=REFS, prolog: str = "") -> str:
    body = "".join(f'<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>{p}</w:t></w:r></w:p>' for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def docx(xml: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def patch_member(data: bytes, *, flags: int | None = None, method: int | None = None) -> bytes:
    """Set the general-purpose flags or the compression method of word/document.xml in both
    its local header and the central directory (what an encrypting or deflate64 tool writes)."""
    out = bytearray(data)
    name = b"word/document.xml"
    for signature, flag_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            if out[start + name_at:start + name_at + len(name)] == name:
                if flags is not None:
                    out[start + flag_at:start + flag_at + 2] = flags.to_bytes(2, "little")
                if method is not None:
                    out[start + method_at:start + method_at + 2] = method.to_bytes(2, "little")
            start += 4
    return bytes(out)


def test_a_plain_docx_list_is_read():
    lib = text.read(docx(document_xml().encode()), "refs.docx")
    assert len(lib) == 2
    assert lib[0]["title"].startswith("Бизнес и облака")


def test_a_doctype_after_a_long_comment_is_refused():
    xml = document_xml(prolog="<!--" + "x" * 5000 + '--><!DOCTYPE d [<!ENTITY e "boom">]>')
    with pytest.raises(InputError, match="DOCTYPE"):
        text.read(docx(xml.encode()), "comment.docx")


def test_a_doctype_in_a_utf16_document_is_refused():
    xml = document_xml(prolog='<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(REFS[1], "&b;")
    with pytest.raises(InputError, match="DOCTYPE"):
        text.read(docx(xml.encode("utf-16")), "wide.docx")


def test_a_zip_bomb_is_refused_before_it_inflates_into_memory():
    # 40 MB of text inflated from about 40 KB: over the 32 MB cap
    xml = document_xml().replace("</w:body>", "<w:p><w:r><w:t>" + " " * 40_000_000 + "</w:t></w:r></w:p></w:body>")
    bomb = docx(xml.encode())
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="inflate"):
        text.read(bomb, "bomb.docx")


def test_the_inflate_cap_holds_even_when_the_directory_is_not_consulted():
    from polybib.safexml import read_zip_member

    data = docx(document_xml().encode())
    with pytest.raises(InputError, match="limit|more than"):
        read_zip_member(data, "word/document.xml", "small.docx", max_bytes=100)


@pytest.mark.parametrize("broken, message", [
    (lambda d: d[:len(d) // 2], "zip"),
    (lambda d: d.replace(b"PK\x03\x04", b"PK\x03\x05", 1)[:200] + b"PK" + b"\x00" * 40, "zip"),
    (lambda d: patch_member(d, flags=0x1), "encrypted"),
    (lambda d: patch_member(d, method=9), "deflate64"),
    (lambda d: docx(b"<w:document><w:body><w:p>"), "well-formed"),
    (lambda d: docx(b"\x00\x01garbage"), "XML"),
])
def test_broken_encrypted_or_deflate64_archives_are_one_input_error(broken, message):
    data = broken(docx(document_xml().encode()))
    with pytest.raises(InputError, match=message) as caught:
        text.read(data, "broken.docx")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("broken.docx")


def test_a_docx_without_a_document_is_an_input_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("other.xml", "<a/>")
    with pytest.raises(InputError, match="word/document.xml"):
        text.read(buffer.getvalue(), "empty.docx")


def test_the_lxml_variant_refuses_entities_and_gives_lxml_elements():
    from polybib.safexml import parse_xml, parse_xml_lxml

    root = parse_xml_lxml(b'<style xmlns="http://purl.org/net/xbiblio/csl"><info/></style>', "s.csl")
    assert root.tag.endswith("style") and hasattr(root, "getroottree")
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_xml_lxml(b'<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><s>&x;</s>', "evil.csl")
    with pytest.raises(InputError, match="over the limit"):
        parse_xml(b"<a>" + b"x" * 200 + b"</a>", "big.xml", max_bytes=100)


def test_a_docx_without_any_text_is_an_error_not_an_empty_success():
    lib = text.read(docx(document_xml(paragraphs=[]).encode()), "blank.docx")
    assert len(lib) == 0 and [d.code for d in lib.errors] == ["empty"]
