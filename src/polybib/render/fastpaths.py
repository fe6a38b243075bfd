"""Fast paths for the steps citeproc-py repeats on every element of every entry.

citeproc-py recomputes, for each element it renders, things that never change once a
style is parsed: which formatting wrappers an element applies (five attribute lookups and
five formatter lookups per ``format`` call), its prefix and suffix, a name option
resolved through the enclosing citation or bibliography, a macro found by name, a child
element found by name (``style.bibliography``, ``names.name``).  On a list of distinct
records no memo can save these (they are paid per element rendered), and together they
are a sixth of rendering.  :class:`FastElement` answers each once per element and keeps
the answer; the element base class of :mod:`.engine` mixes it in, ahead of
citeproc-py's and :mod:`.fixes`' classes.

Every method returns exactly what citeproc-py's own returns (same values, same string
types — ``String``, ``MixedString``, formatter tags — since later steps look at types);
anything unusual (an unknown formatting value, sort options overriding a name option)
takes citeproc-py's path unchanged.
"""
from __future__ import annotations

from citeproc import model as m
from citeproc.string import normalize_seam

_FORMATS: dict = {}     # element → tuple of formatter wrappers, or None (citeproc-py's path)
_AFFIXES: dict = {}     # element → (prefix, suffix)
_OPTIONS: dict = {}     # (name element, option, context) → resolved value
_MACROS: dict = {}      # (element, macro name) → cs:macro
_CHILDREN: dict = {}    # (element, name) → its first cs:<name> child

#: (attribute, its default, {value: formatter class name}) in citeproc-py's order of
#: application (font-style, font-variant, font-weight, text-decoration, vertical-align).
_FORMATTING = (
    ("font-style", "normal", {"italic": "Italic", "oblique": "Oblique"}),
    ("font-variant", "normal", {"small-caps": "SmallCaps"}),
    ("font-weight", "normal", {"bold": "Bold", "light": "Light"}),
    ("text-decoration", "none", {"underline": "Underline"}),
    ("vertical-align", "baseline", {"sup": "Superscript", "sub": "Subscript"}),
)
_SLOW = object()


def _wrappers(element):
    """The formatter classes ``element.format`` applies, in order, or ``_SLOW`` when an
    attribute has a value citeproc-py does not know (its own code then decides)."""
    formatter = element.get_formatter()
    out = []
    for attribute, default, known in _FORMATTING:
        value = element.get(attribute, default)
        if value == default:
            continue
        name = known.get(value)
        if name is None:
            return _SLOW
        out.append(getattr(formatter, name))
    return tuple(out)


class FastElement:
    """Per-element answers cached (see the module docstring)."""

    __slots__ = ()

    def format(self, string):
        wrappers = _FORMATS.get(self)
        if wrappers is None:
            wrappers = _FORMATS[self] = _wrappers(self)
        if wrappers is _SLOW:
            return m.Formatted.format(self, string)
        if isinstance(string, (int, float)):
            string = str(string)
        for wrapper in wrappers:
            string = wrapper(string)
        return string

    def wrap(self, string):
        if string is None:
            return None
        affixes = _AFFIXES.get(self)
        if affixes is None:
            affixes = _AFFIXES[self] = (self.get("prefix", ""), self.get("suffix", ""))
        prefix, suffix = affixes
        if not prefix and not suffix:
            # normalize_seam("", s) is s and normalize_seam(t, "") is "": what
            # citeproc-py's concatenations leave (types included)
            return ("" + string) + ""
        string = normalize_seam(prefix, string)
        text = prefix + string
        return text + normalize_seam(text, suffix)

    def __getattr__(self, name):
        # citeproc-py's ``element.layout``, ``.sort``, ``.name`` …: the first child of
        # that name, found by an XPath-like search on every access
        # (kept only when found: a missing child may be added later, as fixes does
        # for a cs:names without cs:name)
        key = (self, name)
        child = _CHILDREN.get(key)
        if child is None:
            child = self.find("cs:" + name, self.nsmap)
            if child is not None:
                _CHILDREN[key] = child
        return child

    def get_macro(self, name):
        key = (self, name)
        macro = _MACROS.get(key)
        if macro is None:
            macro = _MACROS[key] = self.get_root().xpath_search(f"cs:macro[@name='{name}'][1]")[0]
        return macro


class FastName:
    """cs:name options resolved once per (element, option, context) — citeproc-py walks
    to the enclosing citation or bibliography and its style for every option of every
    name list.  Options given as ``sort_options`` (a cs:key's) are not cached."""

    __slots__ = ()

    def get_option(self, name, context=None, sort_options=None):
        if sort_options and name in sort_options:
            return m.Name.get_option(self, name, context, sort_options)
        key = (self, name, context)
        try:
            return _OPTIONS[key]
        except KeyError:
            value = _OPTIONS[key] = m.Name.get_option(self, name, context, None)
            return value


def clear() -> None:
    """Forget every cached answer (styles edited in place; tests)."""
    for cache in (_FORMATS, _AFFIXES, _OPTIONS, _MACROS, _CHILDREN):
        cache.clear()
