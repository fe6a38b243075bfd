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


def read_tex(path: Path, citations: Citations | None = None, seen: set[Path] | None = None) -> Citations:
    citations = citations or Citations()
    seen = seen or set()
    path = path.resolve()
    if path in seen:
        return citations
    seen.add(path)
    try:
        text = strip_comments(path.read_text(encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
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
    citations.root = citations.root or path.parent
    for m in _INPUT.finditer(text):
        name = m.group(1).strip()
        if "#" in name or "\\" in name:      # a macro's parameter or a computed name: unknowable
            continue
        child = _find_input(name, citations.root, path.parent)
        if child is None:
            citations.missing_inputs.append((str(path), _line_of(text, m.start()), name))
        else:
            read_tex(child, citations, seen)
    return citations


def _find_input(name: str, root: Path, here: Path) -> Path | None:
    """The file ``\\input{name}`` reads: ``name.tex`` or ``name`` as written, relative to
    the main file's folder, else to the including file's (the ``import``/``subfiles`` way)."""
    tried = [name] if name.endswith(".tex") else [name + ".tex", name]
    for folder in dict.fromkeys((root, here)):
        for candidate in tried:
            if (folder / candidate).is_file():
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
