"""Reporters turn a LintResult into text for people or machines; one module each.

Each module exposes ``render(result, *, color: bool) -> str``.
"""
from __future__ import annotations

import importlib

from ...errors import UsageError

REPORTERS = {
    "human": "human", "full": "human", "concise": "concise", "json": "jsonout",
    "sarif": "sarif", "github": "github", "junit": "junit",
}


def render(name: str, result, color: bool = False) -> str:
    try:
        module = REPORTERS[name]
    except KeyError:
        raise UsageError(f"unknown output format {name!r}; known: {', '.join(sorted(set(REPORTERS)))}") from None
    return importlib.import_module(f"{__name__}.{module}").render(result, color=color)
