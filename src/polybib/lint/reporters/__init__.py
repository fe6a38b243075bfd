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


def _module(name: str):
    try:
        module = REPORTERS[name]
    except KeyError:
        raise UsageError(f"unknown output format {name!r}; known: {', '.join(sorted(set(REPORTERS)))}") from None
    return importlib.import_module(f"{__name__}.{module}")


def render(name: str, result, color: bool = False) -> str:
    return _module(name).render(result, color=color)


def pieces(name: str, result, color: bool = False):
    """The report as consecutive pieces of text (joined, exactly :func:`render`'s), for a
    caller that writes it as it is made: a reporter that can make it piece by piece does
    (``pieces`` in its module), the others give it whole."""
    module = _module(name)
    if hasattr(module, "pieces"):
        return module.pieces(result, color=color)
    return iter([module.render(result, color=color)])
