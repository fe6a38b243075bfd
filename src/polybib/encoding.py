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

import re

from .errors import InputError
from .model import Diagnostic

#: (mark, codec, name) — UTF-32 first: FF FE 00 00 also starts with UTF-16-LE's FF FE.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32BE"),
    (b"\xff\xfe", "utf-16-le", "UTF-16LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
)
#: How much of the start of a file the BOM-less UTF-16/32 guess looks at.
_SNIFF = 4096
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_text(data: bytes, filename: str, diagnostics: list[Diagnostic], why: str = "") -> str:
    """The text of ``data``; warnings go to ``diagnostics``, unreadable input raises InputError.

    ``why`` is added to the cp1251 warning (for example "JSON must be UTF-8").
    """
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            return _checked(_decode_strict(data[len(mark):], codec, name, filename), filename)
    guessed = _bomless_wide(data)
    if guessed:
        codec, name = guessed
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
        diagnostics.append(Diagnostic(filename, line, f"not valid UTF-8{note}; read as cp1251",
                                      "warning", code="encoding"))
        return data.decode("cp1251", errors="replace")


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


def _bomless_wide(data: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without a BOM, told by where its NUL bytes fall; None for anything else.

    Latin, digits and punctuation, which every reference list is full of, have a zero high
    byte in UTF-16 and three zero bytes in UTF-32; a text in 8-bit encodings has no NULs.
    """
    head = data[:_SNIFF]
    if len(head) < 4 or b"\x00" not in head:
        return None
    if len(head) % 4 == 0:
        words = [head[i:i + 4] for i in range(0, len(head), 4)]
        if sum(w[1:] == b"\x00\x00\x00" for w in words) > len(words) // 2 and all(w[3] == 0 for w in words):
            return "utf-32-le", "UTF-32LE"
        if sum(w[:3] == b"\x00\x00\x00" for w in words) > len(words) // 2 and all(w[0] == 0 for w in words):
            return "utf-32-be", "UTF-32BE"
    if len(head) % 2:
        head = head[:-1]
    half = len(head) // 2
    odd_zero = head[1::2].count(0)
    even_zero = head[0::2].count(0)
    if odd_zero > half * 0.3 and even_zero == 0:
        return "utf-16-le", "UTF-16LE"
    if even_zero > half * 0.3 and odd_zero == 0:
        return "utf-16-be", "UTF-16BE"
    return None


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every unpaired surrogate replaced by U+FFFD, and how many there were.

    Python keeps ``"\\ud800"`` from a JSON escape as a str that no codec can encode: left in,
    every writer fails on it.
    """
    if not _LONE_SURROGATE.search(text):
        return text, 0
    return _LONE_SURROGATE.subn("\ufffd", text)
