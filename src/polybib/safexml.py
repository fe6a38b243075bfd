"""XML and zip members from files anyone can send (.docx lists, users' .csl styles), read safely.

A byte-pattern guard in front of a stock parser is not enough: a DOCTYPE can sit after a
long comment or be written in UTF-16, and a small zip can inflate to gigabytes.  So:

- :func:`parse_xml` parses with defusedxml, which refuses any DTD, entity declaration and
  external reference wherever and in whatever encoding they appear, and refuses input over a
  size limit before parsing it;
- :func:`parse_xml_lxml` is the same check followed by an lxml parse with entity
  resolution, DTD loading and network access off, for code that needs lxml elements
  (citeproc-py styles);
- :func:`read_zip_member` reads one member of a zip archive with a cap on the bytes it
  inflates (whatever the archive's directory claims), and turns every way an archive can be
  broken — corrupt, truncated, encrypted, compressed with a method Python cannot inflate
  (deflate64) — into one :class:`~polybib.errors.InputError`.

Every failure is an InputError (exit 2, one line), never a traceback.
"""
from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as defused_et
from defusedxml import DefusedXmlException

from .errors import InputError

#: Largest XML document read (bytes).  A .docx reference list's document.xml is well
#: under a megabyte per hundred pages; a style is tens of kilobytes.
MAX_XML_BYTES = 32 * 1024 * 1024
#: Largest zip member inflated (bytes).
MAX_MEMBER_BYTES = MAX_XML_BYTES
_CHUNK = 1 << 16
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate", zipfile.ZIP_BZIP2: "bzip2",
            zipfile.ZIP_LZMA: "lzma"}


def parse_xml(data: bytes, filename: str, *, max_bytes: int = MAX_XML_BYTES) -> Element:
    """The root element of ``data``; DTDs, entities and external references are refused."""
    if len(data) > max_bytes:
        raise InputError(f"XML of {len(data):,} bytes is over the limit of {max_bytes:,}", file=filename)
    try:
        return defused_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"refusing XML with a DOCTYPE, entity or external reference ({type(exc).__name__})",
                         file=filename) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        raise InputError(f"not well-formed XML: {exc}", file=filename, line=line) from None
    except (ValueError, LookupError) as exc:           # unknown encoding, bad character data
        raise InputError(f"not readable XML: {exc}", file=filename) from None


def parse_xml_lxml(data: bytes, filename: str, *, max_bytes: int = MAX_XML_BYTES):
    """``data`` as an lxml element tree root, after the same refusal as :func:`parse_xml`.

    The lxml parser itself is hardened too (no entity resolution, no DTD, no network,
    no huge trees), so the two checks do not depend on each other.
    """
    from lxml import etree

    parse_xml(data, filename, max_bytes=max_bytes)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, dtd_validation=False,
                             no_network=True, huge_tree=False, remove_comments=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML: {exc}", file=filename, line=exc.lineno or 0) from None


def read_zip_member(data: bytes, member: str, filename: str, *, max_bytes: int = MAX_MEMBER_BYTES) -> bytes:
    """The inflated bytes of ``member`` of the zip archive ``data``, at most ``max_bytes``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(member)
            except KeyError:
                raise InputError(f"the archive has no {member}", file=filename) from None
            if info.flag_bits & 0x1:
                raise InputError(f"{member} is encrypted (password-protected document)", file=filename)
            if info.compress_type not in _METHODS:
                raise InputError(f"{member} is compressed with zip method {info.compress_type} "
                                 f"(deflate64 is 9), which cannot be read; save the file again "
                                 f"without it", file=filename)
            if info.file_size > max_bytes:
                raise InputError(f"{member} would inflate to {info.file_size:,} bytes, over the limit "
                                 f"of {max_bytes:,}", file=filename)
            return _read_capped(archive, info, max_bytes, filename)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
            NotImplementedError, RuntimeError, ValueError) as exc:
        raise InputError(f"not a readable zip archive: {exc}", file=filename) from None


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int, filename: str) -> bytes:
    """Inflate chunk by chunk and stop past the cap: the directory's sizes may lie."""
    out = bytearray()
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                return bytes(out)
            out += chunk
            if len(out) > max_bytes:
                raise InputError(f"{info.filename} inflates to more than {max_bytes:,} bytes", file=filename)
