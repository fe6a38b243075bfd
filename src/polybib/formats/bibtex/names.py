"""Name lists in BibTeX (``Газуль, С. М. and van der Berg, J. and others``) ⇄ model Names.

Splitting follows BibTeX's own rules (``and`` at brace depth 0; ``von Last, Jr, First``
by :mod:`.nameparts`, bibtexparser's parts without importing bibtexparser); a name wholly
in braces is an organisation and becomes a literal.  ``and others`` is recorded as "et al.", never invented as a person.
"""
from __future__ import annotations

import contextlib
import re

from ... import latex
from ...model import Name
from .nameparts import split_name


def _text(parts: list[str]) -> str:
    return latex.decode(" ".join(parts), markup=False).strip()


def _plain(text: str) -> str:
    return latex.decode(text, markup=False).strip()


_SIMPLE = re.compile(r"^([^\s,{}\\][^,{}\\]*),\s*([^,{}\\]*)$")


#: The parts of names already read, by their text, while a caller asks for it
#: (:func:`names_remembered`): a file names the same people again and again (20,000
#: generated entries have 48,000 names, 7,000 distinct), and reading a name (LaTeX
#: decoding, BibTeX's rules) costs more than building it from its parts.  A new Name is
#: made every time (records may change theirs).  Off by default: a conversion reads each
#: record once and would only hold the cache; bounded, emptied when full.
_READ: dict[str, tuple[str, str, str, str, str, str]] | None = None
_READ_LIMIT = 1 << 16


@contextlib.contextmanager
def names_remembered():
    """Within the block, each distinct name text is read once (lint's entry pass); the
    cache is dropped at its end.  Nested blocks share the outermost one's cache."""
    global _READ
    outer = _READ
    if outer is None:
        _READ = {}
    try:
        yield
    finally:
        if outer is None:
            _READ = None


def parse_bibtex_name(raw: str) -> Name:
    cache = _READ
    if cache is None:
        return _parse_bibtex_name(raw)
    parts = cache.get(raw)
    if parts is None:
        name = _parse_bibtex_name(raw)
        if len(cache) >= _READ_LIMIT:
            cache.clear()
        cache[raw] = (name.family, name.given, name.non_dropping_particle, name.dropping_particle,
                      name.suffix, name.literal)
        return name
    return Name(*parts)


def _parse_bibtex_name(raw: str) -> Name:
    raw = raw.strip()
    simple = _SIMPLE.match(raw)
    if simple and simple.group(1)[0].isupper() and " " not in simple.group(1).strip():
        # "Family, Given" with nothing for BibTeX's rules to decide: the common case, fast
        return Name(family=_plain(simple.group(1)), given=_plain(simple.group(2)))
    if raw.startswith("{") and raw.endswith("}") and latex.braces_balanced(raw[1:-1]):
        return Name(literal=latex.decode(raw[1:-1], markup=False).strip())
    parts = split_name(raw)
    name = Name(family=_text(parts.last), given=_text(parts.first),
                non_dropping_particle=_text(parts.von), suffix=_text(parts.jr))
    if not name.family and not name.given:
        name = Name(literal=latex.decode(raw, markup=False).strip())
    return name


_AND = re.compile(r"\sand\s", re.I)
#: The word "and" between two names, with the white space around it.
AND_SEPARATOR = re.compile(r"\s+and\s+", re.I)


def split_names(value: str) -> list[str]:
    """Split on the word ``and`` outside braces, as BibTeX does.

    (bibtexparser's own splitter drops a ``\\v`` accent after ``and``, so it is not used.)
    """
    if not _AND.search(value):
        return [value.strip()] if value.strip() else []
    if "{" not in value:
        return [name.strip() for name in AND_SEPARATOR.split(value) if name.strip()]
    # Walked by the marks that matter, found at C speed: a backslash with the character
    # it escapes, a brace, and an "and" between white space that starts at a space, tab or
    # line break (where BibTeX's walk, character by character, would try one).  An "and"
    # inside braces is no separator; nothing in one can be a brace or a backslash, so
    # skipping it whole is what the walk does.
    names: list[str] = []
    depth = 0
    start = 0
    for m in _SPLIT_MARK.finditer(value):
        mark = m.group()
        if mark == "{":
            depth += 1
        elif mark == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and mark[0] != "\\":
            names.append(value[start:m.start()])
            start = m.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


#: The marks :func:`split_names` walks by (see there).
_SPLIT_MARK = re.compile(r"\\.|[{}]|[ \t\r\n]\s*and\s+", re.I | re.S)


def parse_bibtex_names(value: str) -> tuple[list[Name], bool]:
    """The names of a name list, and whether it ended in ``and others``."""
    names: list[Name] = []
    etal = False
    for raw in split_names(value):
        if raw.strip().lower() == "others":
            etal = True
            continue
        if raw.strip():
            names.append(parse_bibtex_name(raw))
    return names, etal


def _protect(text: str, ascii: bool) -> str:
    body = latex.encode(text, ascii)
    if "," in body or " and " in f" {body} ".lower():
        return "{" + body + "}"
    return body


def format_bibtex_name(name: Name, ascii: bool = False) -> str:
    """``von Last, Jr, First``; the family name is braced when BibTeX would split it
    otherwise (``{Vázques de Parga}, Luis``)."""
    text = _format(name, ascii, brace_family=False)
    if name.literal or parse_bibtex_name(text) == name:
        return text
    return _format(name, ascii, brace_family=True)


def _format(name: Name, ascii: bool, brace_family: bool) -> str:
    if name.literal:
        return "{" + latex.encode(name.literal, ascii) + "}"
    family = "{" + latex.encode(name.family, ascii) + "}" if brace_family else _protect(name.family, ascii)
    if name.non_dropping_particle:
        family = latex.encode(name.non_dropping_particle, ascii) + " " + family
    if name.dropping_particle:
        family = latex.encode(name.dropping_particle, ascii) + " " + family
    parts = [family]
    if name.suffix:
        parts.append(_protect(name.suffix, ascii))
    if name.given:
        parts.append(_protect(name.given, ascii))
    elif name.suffix:
        parts.append("")
    return ", ".join(parts)


def format_bibtex_names(names: list[Name], etal: bool = False, ascii: bool = False) -> str:
    items = [format_bibtex_name(n, ascii) for n in names]
    if etal:
        items.append("others")
    return " and ".join(items)
