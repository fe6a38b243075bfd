"""Which encoding a ``.bib`` file is in, and its text; and the same bytes back from text.

Why a module of its own: Windows tools write UTF-16 with a byte-order mark, Russian ones
cp1251, old European ones Latin-1 or cp1252, and a file read in the wrong one comes out
as zero entries (UTF-16 read as UTF-8 is a NUL between every letter) or as mojibake.  So
the bytes are looked at in this order:

1. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE;
2. NUL bytes without a mark: UTF-16/32 when the NULs fall where ASCII text in those
   encodings has them, otherwise not a text file at all (an :class:`InputError`, never
   an empty "all clear");
3. valid UTF-8;
4. else the code page the first lines declare (Emacs ``-*- coding: latin-9 -*-``), or
   cp1251 when high bytes come in runs (Cyrillic words),
   cp1252 when it has the typographic quotes and dashes of 0x80–0x9F, else Latin-1,
   with a warning that names the encoding and the line of the first non-UTF-8 byte.

The encoding is kept: ``encode_text`` gives the file's own encoding (and its byte-order
mark) back, so an unchanged file is written byte for byte and a fixed one stays in the
encoding it was announced in.  (Only a character the code page lacks makes the whole file
UTF-8, and the read announcement says so.)
"""
from __future__ import annotations

import codecs
import re

from ...encoding import BOMS, detect_bom, shown, wide_without_bom
from ...errors import InputError
from ...model import Diagnostic

_BOM_OF = {name: bom for bom, name in BOMS}
#: What a sample of text may hold of C0 control characters other than tab, newlines and
#: form feed before it is taken for binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 65536


def decode_bytes(data: bytes, file: str, diagnostics: list[Diagnostic]) -> tuple[str, str, bool]:
    """Text, encoding and BOM flag of a ``.bib`` file; anything but UTF-8 is announced.

    Raises :class:`InputError` for data that is not text in any encoding polybib reads
    (a binary file must not read as an empty bibliography).
    """
    encoding, skip = detect_bom(data)
    if encoding:
        text = _decode_or_report(data[skip:], encoding, file, diagnostics)
        if encoding != "utf-8":
            diagnostics.append(Diagnostic(file, 1, f"encoded in {shown(encoding)} (byte-order mark); "
                                          f"read as such, and kept in {shown(encoding)} when this "
                                          ".bib is written back", "info", code="encoding"))
        _refuse_binary(text, file)
        return text, encoding, True
    if b"\x00" in data:
        encoding = wide_without_bom(data)
        if not encoding:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            raise InputError("not a text file: NUL bytes (binary data?) and no byte-order mark "
                             "of UTF-16 or UTF-32", file=file, line=line)
        text = _decode_or_report(data, encoding, file, diagnostics)
        diagnostics.append(Diagnostic(file, 1, f"encoded in {shown(encoding)} without a byte-order "
                                      f"mark; read as such, and kept in {shown(encoding)} when this "
                                      ".bib is written back", "warning", code="encoding"))
        _refuse_binary(text, file)
        return text, encoding, False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    else:
        _refuse_binary(text, file)
        return text, "utf-8", False
    encoding = _declared(data) or _code_page(data)
    text = data.decode(encoding, errors="replace")
    _refuse_binary(text, file)
    diagnostics.append(Diagnostic(file, line, f"not valid UTF-8 (first non-UTF-8 byte on this line); "
                                  f"read as {encoding}, and kept in {encoding} when this .bib is "
                                  f"written back (UTF-8 only if a change needs a character {encoding} "
                                  "lacks)", "warning", code="encoding"))
    return text, encoding, False


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    """``text`` in a file's own encoding, with its own byte-order mark when it had one;
    UTF-8 (with a UTF-8 mark if the file had a mark) when the encoding cannot hold it."""
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        encoding, data = "utf-8", text.encode("utf-8")
    return (_BOM_OF.get(encoding, b"") + data) if bom else data


def _decode_or_report(data: bytes, encoding: str, file: str, diagnostics: list[Diagnostic]) -> str:
    """Strictly if possible; else with replacement characters and an error at the first
    bad byte (the file's bytes are still written back as they were when unchanged)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        line = text.count("\n", 0, len(data[:exc.start].decode(encoding, errors="replace"))) + 1
        diagnostics.append(Diagnostic(file, line, f"not valid {shown(encoding)} from this line on; "
                                      "undecodable bytes read as U+FFFD", "error", code="encoding"))
        return text


def _refuse_binary(text: str, file: str) -> None:
    """Raise when decoded text is full of control characters: an image, an archive, a PDF."""
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > max(8, len(sample) // 100):
        at = _CONTROL.search(text)
        raise InputError(f"not a text file: {controls} control characters in the first "
                         f"{len(sample)} (binary data?)", file=file, line=text.count("\n", 0, at.start()) + 1)


#: An Emacs or Vim coding declaration on the first two lines (``-*- coding: latin-9 -*-``).
_CODING = re.compile(rb"coding[:=][ \t]*([-\w.]+)")


def _declared(data: bytes) -> str:
    """The encoding the file's first lines declare, if Python knows it and it decodes the
    file; ``latin-9-unix`` is ``latin-9``, i.e. ISO 8859-15."""
    head = b"\n".join(data.split(b"\n", 2)[:2])
    m = _CODING.search(head)
    if not m:
        return ""
    name = re.sub(r"-(?:unix|dos|mac)$", "", m.group(1).decode("ascii", "replace").lower())
    for candidate in (name, name.replace("-", "")):        # Emacs's latin-2 is Python's latin2
        try:
            found = codecs.lookup(candidate).name
            data.decode(found)
        except (LookupError, UnicodeDecodeError):
            continue
        return found
    return ""


def _code_page(data: bytes) -> str:
    """cp1251 for Cyrillic (high bytes in runs: words), cp1252 for Windows typography in
    0x80–0x9F (quotes, dashes), else Latin-1."""
    high = re.findall(rb"[\x80-\xff]+", data)
    in_runs = sum(len(r) for r in high if len(r) >= 3)
    if in_runs > 0 and in_runs >= sum(len(r) for r in high) // 2:
        return "cp1251"
    if re.search(rb"[\x80-\x9f]", data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return "latin-1"
