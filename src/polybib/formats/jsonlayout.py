"""JSON text laid out exactly as ``json.dumps(value, ensure_ascii=False, indent=2)``, faster.

With ``indent``, the standard library encodes in pure Python through nested generators,
which made writing CSL-JSON a fifth of ``polybib translit``.  This encoder builds the same
text in one recursive pass, with the C string escaper; it covers the types JSON data
holds (dict with str keys, list, tuple, str, int, float, bool, None) and hands anything
else back to ``json.dumps``.  ``tests/formats/test_jsonlayout.py`` compares the two on
generated values.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring    # the C escaper when available (not ASCII-escaped)
from typing import Any


class _Unusual(Exception):
    """A value this encoder does not lay out itself (``json.dumps`` does)."""


def dumps_indented(value: Any, level: int = 0, indent: str = "  ") -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=len(indent))`` lays it
    out when nested ``level`` deep (the first line not indented, the others by ``level``
    more indents), so an array can be written one element at a time."""
    out: list[str] = []
    try:
        _encode(value, out, "\n" + indent * level, indent)
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return text.replace("\n", "\n" + indent * level) if level else text
    return "".join(out)


def _encode(value: Any, out: list[str], newline: str, indent: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + indent
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            _encode(item, out, inner, indent)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + indent
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _encode(item, out, inner, indent)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(json.dumps(value))       # NaN, Infinity as json writes them
    else:
        raise _Unusual
