"""The rule registry: every rule is a function with a code, a name, a severity and a doc.

A rule's docstring is its documentation (``polybib rule CODE`` prints it) and must say
what it does, why it matters, an example and what to use instead.  ``scope`` says what
the function is called with: one entry at a time, or the whole run (for rules that
compare entries, such as duplicates).
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .findings import Finding


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    scope: str            # "entry" | "run"
    fix: str              # "" | "safe" | "unsafe"
    func: Callable[..., Iterable[Finding]]
    default: bool = True  # selected when the configuration says nothing
    #: For an entry rule: the fields (lower case) of which a .bib entry must have one of
    #: its own for the rule to find anything; the engine does not call the rule on
    #: entries that have none of them.  Empty: called on every entry.
    fields: frozenset = frozenset()

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        """The doc's first paragraph on one line, as plain text: ``polybib rules`` shows it
        (the first line alone stopped mid-sentence where the docstring wraps, and the
        reStructuredText ````code```` marks showed as they are)."""
        if not self.doc:
            return self.name
        paragraph = " ".join(self.doc.split("\n\n", 1)[0].split())
        return _LITERAL.sub(r"'\1'", paragraph)


#: A reStructuredText inline literal, ``like this``.
_LITERAL = re.compile(r"``(.+?)``")


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: str = "warning", scope: str = "entry", fix: str = "",
         default: bool = True, fields: Iterable[str] = ()):
    """Register the decorated function as lint rule ``code``.  ``fields``: see
    :attr:`Rule.fields` (a rule that can only find something in a field it reads says
    which, so that entries without them are not handed to it)."""
    def register(func):
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, severity, scope, fix, func, default, frozenset(fields))
        func.rule = RULES[code]
        return func
    return register


def all_rules() -> list[Rule]:
    from . import rules  # noqa: F401  (importing the package registers every rule)
    return sorted(RULES.values(), key=lambda r: r.code)


def find_rule(code_or_name: str) -> Rule | None:
    for r in all_rules():
        if code_or_name.upper() == r.code or code_or_name.lower() == r.name:
            return r
    return None
