"""A JSON array, one object per finding (code, name, severity, file, line, entry, field,
message, fix)."""
from __future__ import annotations

import json


def render(result, color: bool = False) -> str:
    texts = {ctx.path: ctx.text for ctx in result.files}
    return json.dumps([f.as_dict(texts.get(f.file, "")) for f in result.findings],
                      ensure_ascii=False, indent=2) + "\n"
