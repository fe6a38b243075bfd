"""What real BibTeX reads from a ``.bib`` file: every entry's key, type and fields.

A tiny ``.bst`` written on the fly declares every field name that appears in the file and
prints each entry's fields between markers no value can contain; the ``@preamble`` text
that BibTeX would copy into the ``.bbl`` is printed too.  Tests compare this with what
polybib reads from the same bytes: if the two disagree, a value escaped its field.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_FIELD_NAME = re.compile(r"([A-Za-z][A-Za-z0-9_.:+-]*)\s*=")
_ENTRY_TYPE = re.compile(r"@\s*([A-Za-z]+)\s*[{(]")
_MARK = re.compile(r"@@([ETFVP])@@")


@dataclass
class BibtexEntry:
    key: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class BibtexView:
    entries: list[BibtexEntry]
    preamble: str
    log: str


#: Words a ``.bst`` file gives a meaning of its own: no field or entry type may take them.
_RESERVED = {"entry", "execute", "function", "integers", "iterate", "macro", "read", "reverse", "sort",
             "strings", "dumpf", "finish", "default.type"}


def _bst(names: list[str], types: list[str]) -> str:
    dumps = " ".join(f'"{n}" {n} dumpf' for n in names)
    per_type = "\n".join(f"FUNCTION {{{t}}} {{ default.type }}" for t in types)
    return f"""ENTRY {{ {' '.join(names)} }} {{}} {{}}
READ
FUNCTION {{dumpf}} {{ duplicate$ missing$ {{ pop$ pop$ }}
  {{ swap$ "@@F@@" swap$ * "@@V@@" * swap$ * write$ newline$ }} if$ }}
FUNCTION {{default.type}} {{ "@@E@@" cite$ * "@@T@@" * type$ * write$ newline$ {dumps} }}
{per_type}
ITERATE {{call.type$}}
FUNCTION {{finish}} {{ "@@P@@" preamble$ * write$ newline$ }}
EXECUTE {{finish}}
"""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def bibtex_view(data: bytes) -> BibtexView:
    """Run BibTeX on ``data`` with the dumping style and parse what it printed."""
    if not shutil.which("bibtex"):
        raise RuntimeError("bibtex is not installed (Debian: texlive-binaries)")
    text = data.decode("utf-8", "replace")
    names = sorted({m.group(1).lower() for m in _FIELD_NAME.finditer(text)} - _RESERVED - {"crossref"})
    types = sorted({m.group(1).lower() for m in _ENTRY_TYPE.finditer(text)}
                   - _RESERVED - {"string", "preamble", "comment"} - set(names))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in.bib").write_bytes(data)
        (folder / "dump.bst").write_text(_bst(names or ["title"], types), encoding="ascii")
        (folder / "in.aux").write_text("\\citation{*}\n\\bibdata{in}\n\\bibstyle{dump}\n", encoding="ascii")
        done = subprocess.run(["bibtex", "-terse", "in"], cwd=folder, capture_output=True, timeout=60)
        bbl = (folder / "in.bbl").read_bytes().decode("utf-8", "replace") if (folder / "in.bbl").exists() else ""
        log = done.stdout.decode("utf-8", "replace")
    entries: list[BibtexEntry] = []
    preamble = ""
    parts = _MARK.split(bbl)
    current_field = ""
    for i in range(1, len(parts), 2):
        mark, text = parts[i], parts[i + 1]
        if mark == "E":
            entries.append(BibtexEntry(_collapse(text), ""))
        elif mark == "T":
            entries[-1].type = _collapse(text)
        elif mark == "F":
            current_field = _collapse(text)
        elif mark == "V":
            entries[-1].fields[current_field] = _collapse(text)
        elif mark == "P":
            preamble = _collapse(text)
    return BibtexView(entries, preamble, log)
