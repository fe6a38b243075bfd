"""A reader of ``.bib`` that counts braces the way BibTeX does: every ``{`` and ``}``
counts, backslash or not (BibTeX's ``scan_balanced_braces``).  Tests compare what it
finds with what polybib's reader finds in the same text: the two must agree.
"""
from __future__ import annotations

import re

_NAME = re.compile(r"[^\s\"#%'(),={}]+")


def entries(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(type, key, {field: value body}) of every ``@`` block, in order, as BibTeX sees them
    (``@comment`` skipped; ``@preamble`` and ``@string`` listed with key '')."""
    out = []
    i = 0
    while True:
        i = text.find("@", i)
        if i < 0:
            return out
        m = re.compile(r"@\s*([A-Za-z]+)\s*([{(])").match(text, i)
        if not m:
            i += 1
            continue
        kind = m.group(1).lower()
        i = m.end()
        if kind == "comment":
            continue
        if kind in ("preamble", "string"):
            j, _ = _value(text, i)
            out.append((kind, "", {}))
            i = j
            continue
        key_end = re.compile(r"[,\s}]").search(text, i)
        key = text[i:key_end.start()].strip() if key_end else text[i:]
        i = key_end.start() if key_end else len(text)
        fields: dict[str, str] = {}
        while i < len(text):
            i = _skip(text, i)
            if i >= len(text) or text[i] in "})":
                i += 1
                break
            if text[i] == ",":
                i += 1
                continue
            name = _NAME.match(text, i)
            if not name:
                break                       # BibTeX would complain and skip to the next @
            i = _skip(text, name.end())
            if i >= len(text) or text[i] != "=":
                break
            i, value = _value(text, _skip(text, i + 1))
            fields.setdefault(name.group().lower(), value)
        out.append((kind, key, fields))


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _value(text: str, i: int) -> tuple[int, str]:
    """The end of the value at ``i`` and its body, braces counted as BibTeX counts them."""
    if i < len(text) and text[i] in "{(":
        depth = 0
        for j in range(i, len(text)):
            if text[j] == "{" or (j == i and text[j] == "("):
                depth += 1
            elif text[j] == "}" or (depth == 1 and text[i] == "(" and text[j] == ")"):
                depth -= 1
                if depth == 0:
                    return j + 1, text[i + 1:j]
        return len(text), text[i + 1:]
    if i < len(text) and text[i] == '"':
        depth = 0
        for j in range(i + 1, len(text)):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
            elif text[j] == '"' and depth == 0:
                return j + 1, text[i + 1:j]
        return len(text), text[i + 1:]
    m = re.compile(r"[^\s,})]*").match(text, i)
    return m.end(), m.group()
