"""Bytes of an input file → text, the same way for every text format polybib reads.

Exporters write UTF-8 (with or without a BOM), Windows tools UTF-16 (Word's "Unicode
text", with a BOM, sometimes without), a few UTF-32, and Russian tools still cp1251.  Every
reader that takes text (CSL-JSON, RIS, free-text lists) decodes through :func:`decode_text`,
so a UTF-16 file is read as UTF-16 everywhere instead of falling through to cp1251 and
coming out as garbage records with exit 0.

The rules, in order:

1. a byte-order mark decides (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32-LE's);
   bytes that do not decode under the mark they carry are an :class:`InputError`;
2. without a BOM, the pattern of NUL bytes of UTF-16/32 text (every other byte zero for
   Latin text) is recognised, read as such and said in a warning;
3. UTF-8;
4. otherwise cp1251, with a warning at the first byte that is not UTF-8 (reading it as
   cp1251 keeps every Cyrillic letter, where replacing would lose them).

Text that still holds NUL characters is not a text file: an :class:`InputError`, not an
empty or garbage result.  :func:`replace_lone_surrogates` is for formats whose escapes can
produce half a surrogate pair (JSON's ``\\ud800``): such a string cannot be written in any
encoding, so it must not reach a writer.
"""
from __future__ import annotations

import codecs
import re

from .errors import InputError
from .model import Diagnostic

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: How much of the start of a file the BOM-less UTF-16/32 guess looks at.
_SNIFF = 65536
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_text(data: bytes, filename: str, diagnostics: list[Diagnostic], why: str = "") -> str:
    """The text of ``data``; warnings go to ``diagnostics``, unreadable input raises InputError.

    ``why`` is added to the cp1251 warning (for example "JSON must be UTF-8").
    """
    codec, skip = detect_bom(data)
    if codec:
        return _checked(_decode_strict(data[skip:], codec, shown(codec), filename), filename)
    codec = wide_without_bom(data)
    if codec:
        name = shown(codec)
        text = _decode_strict(data, codec, name, filename)
        diagnostics.append(Diagnostic(filename, 1, f"no byte-order mark, but the NUL bytes are those of "
                                      f"{name}: read as {name}", "warning", code="encoding"))
        return _checked(text, filename)
    try:
        return _checked(data.decode("utf-8"), filename)
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise InputError("not a text file (NUL bytes, and not UTF-8, UTF-16 or UTF-32)",
                             file=filename) from None
        line = data.count(b"\n", 0, exc.start) + 1
        note = f" ({why})" if why else ""
        damaged = _mostly_utf8(data)
        if damaged is not None:
            diagnostics.append(Diagnostic(filename, line, f"not valid UTF-8{note} at {damaged[1]} "
                                          "place(s), the first on this line; read as UTF-8, with "
                                          "U+FFFD for the bytes that are not", "warning", code="encoding"))
            return damaged[0]
        diagnostics.append(Diagnostic(filename, line, f"not valid UTF-8{note}; read as cp1251",
                                      "warning", code="encoding"))
        return data.decode("cp1251", errors="replace")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few damaged bytes (a stray byte pasted in, a cut character), as
    text with U+FFFD in their place and how many there are; None for text in another
    encoding.  A cp1251 or Latin-1 file almost never holds a valid UTF-8 sequence, while a
    damaged UTF-8 file is full of them: read whole as cp1251 it would turn every Cyrillic
    letter into two wrong ones."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    letters = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    return (text, bad) if letters >= 4 * bad else None


def decode_or_report(data: bytes, filename: str, diagnostics: list[Diagnostic], why: str = "") -> str | None:
    """:func:`decode_text` for readers that never raise: an unreadable file becomes one
    error diagnostic (with its line when known) and None."""
    try:
        return decode_text(data, filename, diagnostics, why)
    except InputError as exc:
        diagnostics.append(Diagnostic(filename, exc.line or 1, exc.message, "error", code="encoding"))
        return None


def _decode_strict(data: bytes, codec: str, name: str, filename: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {name} (byte {exc.start + 1} of the text: {exc.reason}), "
                         f"though it looks like {name}", file=filename) from None


def _checked(text: str, filename: str) -> str:
    position = text.find("\x00")
    if position >= 0:
        line = text.count("\n", 0, position) + 1
        raise InputError("not a text file: it holds NUL characters", file=filename, line=line)
    return text


def detect_bom(data: bytes) -> tuple[str, int]:
    """The codec a byte-order mark announces and the mark's length; ("", 0) without one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return "", 0


def wide_without_bom(data: bytes) -> str:
    """UTF-16/32 without a BOM, told by where the NULs of ASCII characters fall; "" when
    they fall nowhere in particular (binary data, or no NULs at all).

    Latin, digits and punctuation, which every reference list is full of, have a zero high
    byte in UTF-16 and three zero bytes in UTF-32; a text in 8-bit encodings has no NULs.
    """
    if b"\x00" not in data[:_SNIFF]:
        return ""
    sample = data[:_SNIFF]
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(data) % width:
            continue
        n = len(sample) // width
        if not n:
            continue
        units = [sample[i * width:(i + 1) * width] for i in range(n)]
        # ASCII in LE: the first byte is the character, the rest NUL; in BE the reverse
        le = sum(1 for u in units if u[0] and not any(u[1:]))
        be = sum(1 for u in units if u[-1] and not any(u[:-1]))
        for count, name in ((le, names[0]), (be, names[1])):
            if count >= 0.6 * n:
                try:
                    data.decode(name)
                except UnicodeDecodeError:
                    continue
                return name
    return _utf16_by_parity(data, sample)


def _utf16_by_parity(data: bytes, sample: bytes) -> str:
    """UTF-16 told by which side its NUL bytes fall on, for text that is mostly not ASCII
    (a Russian list saved as Windows "Unicode text" is 60 % Cyrillic, whose units have no
    NUL byte at all): in UTF-16LE the zero bytes of its spaces, digits and punctuation are
    all at odd offsets, in binary data they fall anywhere.  A character whose low byte is
    zero (一 U+4E00) puts a few on the other side."""
    if len(data) % 2:
        return ""
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 4 and other * 20 <= zeros:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return name
    return ""


def shown(codec: str) -> str:
    """A codec's name as people write it: ``utf-16-le`` → ``UTF-16LE``."""
    return codec.upper().replace("-LE", "LE").replace("-BE", "BE")


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every unpaired surrogate replaced by U+FFFD, and how many there were.

    Python keeps ``"\\ud800"`` from a JSON escape as a str that no codec can encode: left in,
    every writer fails on it.
    """
    if not _LONE_SURROGATE.search(text):
        return text, 0
    return _LONE_SURROGATE.subn("\ufffd", text)
