"""Variables carried in a CSL-JSON ``note``, read the way citeproc-js and Zotero read them.

Zotero has no field for many CSL variables, so its users (and its CSL-JSON export) put
them in ``note``/Extra as ``key: value`` lines (``original-date: 1905``, ``DOI: …``) or
inline as ``{:key:value}``.  citeproc-js reads such lines as variables and removes them
from the note; a processor that does not prints and sorts the record differently (a style
that sorts by ``note`` puts it elsewhere, ``original-date`` goes missing).

:func:`apply` does the same on a copy of an item: a line is ``key: value`` when ``key`` is
lower-case letters, ``-`` and ``_`` or all capitals (``DOI``, ``PMID``); a variable the
item already has is kept; dates are read from ISO-like text; a name is ``family || given``
or a literal; ``type:`` changes the type.  Reading stops at the first other line (a first
line of plain text is skipped, as citeproc-js does).
"""
from __future__ import annotations

import re

from ..model import DATE_VARIABLES, NAME_VARIABLES

_FIELD = re.compile(r"^([-_a-z]+|[A-Z]+):\s*([^}]+)$")
_INLINE = re.compile(r"\{:(?:[-_a-z]+|[A-Z]+):[^}]+\}")
_DATE = re.compile(r"^(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")


def _date(text: str) -> dict:
    """``1916``, ``1916-05``, ``1916-05-03``, a range ``A/B``; anything else literal."""
    parts = []
    for piece in text.split("/") if text.count("/") == 1 else [text]:
        match = _DATE.match(piece.strip())
        if not match:
            return {"raw": text}
        parts.append([int(g) for g in match.groups() if g])
    return {"date-parts": parts}


def _inline_to_lines(note: str) -> str:
    """``{:key:value}`` pieces each on a line of their own (when nothing but other
    fields precede them on the note's first lines), as citeproc-js normalises them."""
    lines = note.split("\n")
    for i, line in enumerate(lines):
        found = _INLINE.findall(line)
        if not found:
            continue
        rest = _INLINE.split(line)
        out = []
        for j, field in enumerate(found):
            before = rest[j]
            out.append(before)
            if before.strip() and (i > 0 or j > 0) and not _FIELD.match(before):
                out.append(field)
                out.extend(x for pair in zip(rest[j + 1:], found[j + 1:] + [""]) for x in pair)
                break
            out.append("\n" + field[2:-1].strip() + "\n")
        else:
            out.append(rest[-1])
        lines[i] = "".join(out)
    return "\n".join(lines)


def apply(item: dict) -> dict:
    """``item`` with the variables of its note's ``key: value`` lines (a new dict when
    anything changes, else ``item`` itself)."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    lines = _inline_to_lines(note).split("\n")
    out = dict(item)
    names: dict[str, list] = {}
    changed = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _FIELD.match(line)
        if not match:
            if i == 0:
                continue
            break
        key, value = match.group(1), match.group(2).strip()
        base = key[4:] if key.startswith("alt-") else key
        if key == "type":
            out["type"] = value
        elif base in DATE_VARIABLES:
            if out.get(key):
                continue
            out[key] = _date(value)
        elif not out.get(key):
            if base in NAME_VARIABLES:
                parts = re.split(r"\s*\|\|\s*", value)
                if len(parts) == 1:
                    names.setdefault(key, []).append({"literal": parts[0]})
                elif len(parts) == 2:
                    names.setdefault(key, []).append({"family": parts[0], "given": parts[1]})
            else:
                out[key] = value
        else:
            continue
        lines[i] = ""
        changed = True
    if not changed:
        return item
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    if not out["note"]:
        del out["note"]
    return out
