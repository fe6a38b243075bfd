"""A JSON array, one object per finding (code, name, severity, file, line, entry, field,
message, fix)."""
from __future__ import annotations

import json


def render(result, color: bool = False) -> str:
    return "".join(pieces(result, color))


def pieces(result, color: bool = False):
    """The array as ``json.dumps(…, indent=2)`` writes it, made one finding at a time.

    Why: a large file has tens of thousands of findings, and the dicts of all of them at
    once took more memory than the rest of the report (issue 12); so did the report as
    one string.  Each object is dumped alone and indented one level more; a JSON string
    never holds a raw line break, so every line break in it is one of the layout's.
    """
    if not result.findings:
        yield "[]\n"
        return
    texts = {ctx.path: ctx.text for ctx in result.files}
    separator = "[\n  "
    for f in result.findings:
        yield separator + json.dumps(f.as_dict(texts.get(f.file, "")), ensure_ascii=False,
                                     indent=2).replace("\n", "\n  ")
        separator = ",\n  "
    yield "\n]\n"
