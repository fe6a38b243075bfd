"""The registry of file formats: each one reads bytes into a Library and writes one back.

A format is registered once, with its name, aliases and file extensions; the CLI and the
Python API find readers and writers here, so adding a format touches no other module.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import UsageError
from ..model import Library


@dataclass(frozen=True)
class Format:
    name: str
    module: str                      # polybib.formats.<module> holds read() and write()
    extensions: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    description: str = ""
    can_read: bool = True
    can_write: bool = True

    @property
    def reader(self) -> Callable[..., Library]:
        return importlib.import_module(f"{__name__}.{self.module}").read

    @property
    def writer(self) -> Callable[..., bytes]:
        return importlib.import_module(f"{__name__}.{self.module}").write


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> None:
    for name in (fmt.name, *fmt.aliases):
        FORMATS[name] = fmt


register(Format("bibtex", "bibtex", (".bib", ".bibtex"), ("biblatex", "bib"),
                "BibTeX/BibLaTeX (.bib); biblatex dialect by default, classic with --dialect bibtex"))
register(Format("csljson", "csljson", (".json", ".csl.json", ".csljson"), ("csl-json", "csl", "json"),
                "CSL-JSON, as Zotero and pandoc exchange it"))
register(Format("ris", "ris", (".ris",), (), "RIS, as eLIBRARY, Scopus and Zotero export it"))
register(Format("text", "text", (".txt", ".md", ".markdown", ".docx"), ("txt", "plain"),
                "a free-text reference list (GOST, APA, IEEE … one reference per line or numbered)",
                can_write=False))


def get_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        known = ", ".join(sorted({f.name for f in FORMATS.values()}))
        raise UsageError(f"unknown format {name!r}; known formats: {known}") from None


def format_for_path(path: str, default: str | None = None) -> Format:
    """The format a file name's extension names (``refs.csl.json`` → csljson)."""
    lower = Path(path).name.lower()
    best: Format | None = None
    best_len = 0
    for fmt in FORMATS.values():
        for ext in fmt.extensions:
            if lower.endswith(ext) and len(ext) > best_len:
                best, best_len = fmt, len(ext)
    if best is not None:
        return best
    if default:
        return get_format(default)
    raise UsageError(f"cannot tell the format of {path!r} from its extension; give --from/--to")


def read(path_or_data: str | bytes | Path, fmt: str | None = None, *, filename: str | None = None) -> Library:
    """Read a file (by path) or data (bytes, or text as the README shows it: give ``fmt``)
    into a Library.

    A ``str`` is data, not a path, when ``fmt`` is given and the string is text no path
    is: it has a line break, or it starts as that format's data does (``@`` for BibTeX,
    ``[``/``{`` for CSL-JSON, a ``TY  -`` tag for RIS).  Anything else is a path, so a
    mistyped file name is still reported as a missing file.
    """
    from ..fileio import read_bytes

    if isinstance(path_or_data, (bytes, bytearray)):
        if not fmt:
            raise UsageError("reading bytes needs a format name")
        return get_format(fmt).reader(bytes(path_or_data), filename or "<memory>")
    if isinstance(path_or_data, str) and fmt and _is_data(path_or_data, get_format(fmt)):
        return get_format(fmt).reader(path_or_data.encode("utf-8"), filename or "<memory>")
    path = str(path_or_data)
    chosen = get_format(fmt) if fmt else format_for_path(path)
    return chosen.reader(read_bytes(path), filename or ("<stdin>" if path == "-" else path))


#: How each format's data starts (after white space and a BOM), where a path cannot.
_DATA_STARTS = {"bibtex": ("@", "%"), "csljson": ("[", "{"), "ris": ("TY  -", "TY -")}


def _is_data(text: str, fmt: Format) -> bool:
    if "\n" in text or "\r" in text:
        return True
    return text.lstrip("\ufeff \t").startswith(_DATA_STARTS.get(fmt.name, ()))


def write(library: Library, fmt: str, **options) -> bytes:
    """Serialise a Library in the named format.

    Formats without ``crossref``/``xdata`` links (CSL-JSON, RIS) get each record with
    what it inherits filled in, as biber would; a ``.bib`` keeps its links as written.
    """
    chosen = get_format(fmt)
    if chosen.name != "bibtex":
        from .bibtex.inheritance import resolve_library
        library = resolve_library(library)
    return chosen.writer(library, **options)
