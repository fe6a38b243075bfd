"""Which keys a LaTeX paper cites, read from its ``.tex`` sources or its ``.aux`` file.

A ``.tex`` file is read with its comments removed and its ``\\input``/``\\include`` files
followed; every citation command of LaTeX, natbib and biblatex is recognised (``\\cite``,
``\\citep``, ``\\parencite``, ``\\textcite``, ``\\autocite``, ``\\footcite``, starred forms,
optional arguments, multicite ``\\cites{a}{b}``, ``\\nocite``).  An ``.aux`` file gives
``\\citation{…}`` (BibTeX) and ``\\abx@aux@cite{…}{…}`` (biblatex).  The bibliography files
named by ``\\addbibresource`` or ``\\bibliography`` are found too.

An ``\\input``/``\\include`` whose file does not exist is recorded in
:attr:`Citations.missing_inputs` with its file and line: the keys cited in it cannot be
known, so the check is incomplete and must say so.  Names are looked up as LaTeX does,
relative to the folder of the main file (where LaTeX runs), and beside the including file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

_CITE = re.compile(
    r"\\(?P<cmd>[A-Za-z]*cite[A-Za-z]*|nocite)\*?"     # \cite, \citep, \parencite, \Textcite, \cites …
    r"(?P<opts>(?:\s*\[[^\]]*\])*)\s*"
    r"(?P<args>(?:\{[^{}]*\}\s*(?:\([^)]*\)\s*)?(?:\[[^\]]*\]\s*)*)+)")
_ARG = re.compile(r"\{([^{}]*)\}")
_INPUT = re.compile(r"\\(?:input|include|subfile)\s*\{([^{}]+)\}")
_BIBRESOURCE = re.compile(r"\\addbibresource(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
_BIBLIOGRAPHY = re.compile(r"\\bibliography\s*\{([^{}]+)\}")
_AUX_CITATION = re.compile(r"\\citation\{([^{}]*)\}")
_AUX_BIBLATEX = re.compile(r"\\abx@aux@cite\{(?:[^{}]*)\}\{([^{}]*)\}|\\abx@aux@cite\{([^{}]*)\}")
_AUX_BIBDATA = re.compile(r"\\bibdata\{([^{}]*)\}")
# commands named like citations that are not: \citestyle, \citesetup …
_NOT_CITATIONS = {"citestyle", "citesetup", "citeauthorfont", "citename", "citefield", "citelist",
                  "citedef"}


@dataclass
class Citations:
    keys: list[str] = field(default_factory=list)        # in order of first citation
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)   # key → (file, line) first cited
    all_keys: bool = False                               # \nocite{*}
    bib_files: list[Path] = field(default_factory=list)
    #: \input/\include files not found: (including file, line, the name as written)
    missing_inputs: list[tuple[str, int, str]] = field(default_factory=list)
    root: Path | None = None                             # the main file's folder

    def add(self, key: str, file: str, line: int) -> None:
        key = key.strip()
        if not key:
            return
        if key == "*":
            self.all_keys = True
            return
        if key not in self.lines:
            self.keys.append(key)
            self.lines[key] = (file, line)


def strip_comments(text: str) -> str:
    """Remove ``%`` comments (not ``\\%``), keeping line breaks so line numbers stay right."""
    return re.sub(r"(?<!\\)%[^\n]*", "", text)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


#: Deepest ``\\input`` nesting followed; LaTeX's own limit is far lower in practice
#: (TeX's input stack holds some hundreds of files), so a deeper chain is an error.
MAX_INPUT_DEPTH = 100


def _read_source(path: Path, named_at: tuple[str, int] | None) -> str:
    """The text of one source file; an unreadable one is an InputError at the line that
    named it (or at the file itself, for the paper)."""
    file, line = named_at if named_at else (str(path), 0)
    what = f"\\input file {path}: " if named_at else ""
    if path.is_dir():
        raise InputError(f"{what}is a directory, not a file", file=file, line=line)
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{what}no such file", file=file, line=line) from None
    except OSError as exc:
        raise InputError(f"{what}cannot read: {exc.strerror}", file=file, line=line) from None


def read_tex(path: Path, citations: Citations | None = None, seen: set[Path] | None = None) -> Citations:
    """The citations of a paper and of every file it ``\\input``s, in reading order.

    Files are followed without recursion: a chain deeper than :data:`MAX_INPUT_DEPTH` or
    a file that (indirectly) inputs itself is an :class:`InputError` at the ``FILE:LINE``
    of the offending ``\\input``; a file input twice from different places is read once."""
    citations = citations or Citations()
    seen = seen if seen is not None else set()
    citations.root = citations.root or path.resolve().parent
    # (file, chain of (file, line) that led here, where the parent named it)
    stack: list[tuple[Path, tuple[Path, ...], tuple[str, int] | None]] = [(path.resolve(), (), None)]
    while stack:
        current, chain, named_at = stack.pop()
        if current in chain:
            loop = " -> ".join(str(p) for p in chain[chain.index(current):] + (current,))
            raise InputError(f"\\input cycle: {loop}", file=named_at[0], line=named_at[1])
        if len(chain) > MAX_INPUT_DEPTH:
            raise InputError(f"\\input files nested more than {MAX_INPUT_DEPTH} deep",
                             file=named_at[0], line=named_at[1])
        if current in seen:
            continue
        seen.add(current)
        text = strip_comments(_read_source(current, named_at))
        children = _scan(current, text, citations)
        for child, line in reversed(children):
            stack.append((child.resolve(), chain + (current,), (str(current), line)))
    return citations


def _scan(path: Path, text: str, citations: Citations) -> list[tuple[Path, int]]:
    """Record the citations and bibliographies of one file; return the files it inputs
    with the line of each ``\\input``."""
    for m in _CITE.finditer(text):
        if m.group("cmd") in _NOT_CITATIONS:
            continue
        line = _line_of(text, m.start())
        for arg in _ARG.findall(m.group("args")):
            for key in arg.split(","):
                citations.add(key, str(path), line)
    for m in _BIBRESOURCE.finditer(text):
        citations.bib_files.append((path.parent / m.group(1).strip()))
    for m in _BIBLIOGRAPHY.finditer(text):
        for name in m.group(1).split(","):
            name = name.strip()
            citations.bib_files.append(path.parent / (name if name.endswith(".bib") else name + ".bib"))
    children = []
    for m in _INPUT.finditer(text):
        name = m.group(1).strip()
        if "#" in name or "\\" in name:      # a macro's parameter or a computed name: unknowable
            continue
        child = _find_input(name, citations.root or path.parent, path.parent)
        if child is None:
            citations.missing_inputs.append((str(path), _line_of(text, m.start()), name))
        else:
            children.append((child, _line_of(text, m.start())))
    return children


def _find_input(name: str, root: Path, here: Path) -> Path | None:
    """The file ``\\input{name}`` reads: ``name.tex`` or ``name`` as written, relative to
    the main file's folder, else to the including file's (the ``import``/``subfiles`` way)."""
    tried = [name] if name.endswith(".tex") else [name + ".tex", name]
    for folder in dict.fromkeys((root, here)):
        for candidate in tried:
            if (folder / candidate).exists():      # a directory is reported when read
                return folder / candidate
    return None


def read_aux(path: Path) -> Citations:
    citations = Citations()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    for m in _AUX_CITATION.finditer(text):
        for key in m.group(1).split(","):
            citations.add(key, str(path), _line_of(text, m.start()))
    for m in _AUX_BIBLATEX.finditer(text):
        citations.add(m.group(1) or m.group(2) or "", str(path), _line_of(text, m.start()))
    for m in _AUX_BIBDATA.finditer(text):
        for name in m.group(1).split(","):
            name = name.strip()
            citations.bib_files.append(path.parent / (name if name.endswith(".bib") else name + ".bib"))
    return citations


def read_paper(path: str | Path) -> Citations:
    path = Path(path)
    return read_aux(path) if path.suffix == ".aux" else read_tex(path)
