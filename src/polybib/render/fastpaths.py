"""Fast paths for the steps citeproc-py repeats on every element of every entry.

citeproc-py recomputes, for each element it renders, things that never change once a
style is parsed: which formatting wrappers an element applies (five attribute lookups and
five formatter lookups per ``format`` call), its prefix and suffix, a name option
resolved through the enclosing citation or bibliography, a macro found by name, a child
element found by name (``style.bibliography``, ``names.name``).  On a list of distinct
records no memo can save these (they are paid per element rendered), and together they
are a sixth of rendering.  :class:`FastElement` answers each once per element and keeps
the answer; :mod:`.engine` mixes the fast paths into its element classes, ahead of
citeproc-py's and :mod:`.fixes`' classes, each only where the class still uses
citeproc-py's own method (:func:`mixins_for`).  Also: a cs:choose or a parent's list of
children and a cs:if's tested variables, read once.

Every method returns exactly what citeproc-py's own returns (same values, same string
types — ``String``, ``MixedString``, formatter tags — since later steps look at types);
anything unusual (an unknown formatting value, sort options overriding a name option)
takes citeproc-py's path unchanged.
"""
from __future__ import annotations

from citeproc import model as m
from citeproc.source import VariableError
from citeproc.string import join, normalize_seam

_FORMATS: dict = {}     # element → tuple of formatter wrappers, or None (citeproc-py's path)
_AFFIXES: dict = {}     # element → (prefix, suffix)
_OPTIONS: dict = {}     # (name element, option, context) → resolved value
_MACROS: dict = {}      # (element, macro name) → cs:macro
_CHILDREN: dict = {}    # (element, name) → its first cs:<name> child
_ABSENT: dict = {}      # (element, name) → its number of children when it had no cs:<name>
_KIDS: dict = {}        # element → its children, each with "is a cs:choose" (render_children)
_BRANCHES: dict = {}    # cs:choose → its branches, each with "can say whether taken"
_TESTED: dict = {}      # cs:if → the variables its ``variable`` test names
_SUBSTITUTE: dict = {}  # cs:names → its cs:substitute child, or None

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


class FastFormat:
    """``Formatted.format`` with the element's wrappers looked up once."""

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


class FastWrap:
    """``Affixed.wrap`` with prefix and suffix read once."""

    __slots__ = ()

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


class FastLookups:
    """Child elements and macros found by name once."""

    __slots__ = ()

    def __getattr__(self, name):
        # citeproc-py's ``style.bibliography``, ``names.name`` …: the first child of
        # that name, searched for on every access.  A child found is kept; a child not
        # found is known absent only while the element has as many children as when
        # it was looked for (one may be added later, as fixes does for a cs:names
        # without cs:name) — a cs:names without cs:label asked for its label in every
        # entry no longer searches its children each time
        key = (self, name)
        child = _CHILDREN.get(key)
        if child is None:
            count = len(self)
            if _ABSENT.get(key) == count:
                return None
            child = self.find("cs:" + name, self.nsmap)
            if child is not None:
                _CHILDREN[key] = child
            else:
                _ABSENT[key] = count
        return child

    def get_macro(self, name):
        key = (self, name)
        macro = _MACROS.get(key)
        if macro is None:
            macro = _MACROS[key] = self.get_root().xpath_search(f"cs:macro[@name='{name}'][1]")[0]
        return macro


class FastChildren:
    """``Parent.render_children`` over the element's children listed once (with which
    of them are cs:choose), instead of asking lxml for each child on every call."""

    __slots__ = ()

    def render_children(self, item, delimiter="", **kwargs):
        children = _KIDS.get(self)
        if children is None or len(children) != len(self):     # a child was added
            children = _KIDS[self] = tuple((child, isinstance(child, m.Choose))
                                           for child in self.iterchildren())
        output = []
        for child, choose in children:
            try:
                if choose:
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
                if text is not None:
                    output.append(text)
            except VariableError:
                pass
        if output:
            return join(output, delimiter)
        return None


class FastChoose:
    """``Choose.render`` without building the list of branches on every call."""

    __slots__ = ()

    def render(self, item, context=None, delimiter="", **kwargs):
        branches = _BRANCHES.get(self)
        if branches is None or len(branches) != len(self):
            branches = _BRANCHES[self] = tuple((child, getattr(type(child), "fast_condition", False))
                                               for child in self.iterchildren())
        for child, ask in branches:
            # a branch that can say whether it is taken (hotpaths.FastIf) is asked,
            # not rendered to raise ConditionFailed: the same branch is taken
            if ask and not child.passes(item, context):
                continue
            try:
                if ask:
                    return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
                return child.render(item, context=context, delimiter=delimiter, **kwargs)
            except m.ConditionFailed:
                continue
        return None


class FastIfVariable:
    """``If._variable`` (the ``variable`` test) with the attribute split once."""

    __slots__ = ()

    def _variable(self, item):
        variables = _TESTED.get(self)
        if variables is None:
            variables = _TESTED[self] = tuple(v.replace("-", "_") for v in self.get("variable").split())
        reference = item.reference
        return [("locator" in item) if variable == "locator" else (variable in reference)
                for variable in variables]


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


class FastSubstitute:
    """``Names.substitute`` (the cs:substitute child) found once: citeproc-py looks for it
    in every entry whose names are missing, and raises and catches an IndexError for
    each cs:names that has none."""

    __slots__ = ()

    def substitute(self):
        try:
            return _SUBSTITUTE[self]
        except KeyError:
            found = _SUBSTITUTE[self] = m.Names.substitute(self)
            return found


#: (mixin, the citeproc-py method it replaces): a mixin is used for a class only where
#: that class still inherits citeproc-py's own method — where :mod:`.fixes` corrects
#: the method, its correction runs, never a fast copy of the uncorrected one.
_MIXINS = (
    (FastFormat, "format", m.Formatted.format),
    (FastWrap, "wrap", m.Affixed.wrap),
    (FastLookups, "__getattr__", m.SomewhatObjectifiedElement.__getattr__),
    (FastLookups, "get_macro", m.CitationStylesElement.get_macro),
    (FastChildren, "render_children", m.Parent.render_children),
    (FastChoose, "render", m.Choose.render),
    (FastIfVariable, "_variable", m.If._variable),
    (FastName, "get_option", m.Name.get_option),
    (FastSubstitute, "substitute", m.Names.substitute),
)


def mixins_for(cls) -> tuple:
    """The fast-path mixins for element class ``cls`` (see :data:`_MIXINS`)."""
    out = []
    for mixin, method, original in _MIXINS:
        if getattr(cls, method, None) is original and mixin not in out:
            # every method the mixin defines must still be citeproc-py's in cls
            if all(getattr(cls, name, None) is orig for mix, name, orig in _MIXINS if mix is mixin):
                out.append(mixin)
    return tuple(out)


def clear() -> None:
    """Forget every cached answer (styles edited in place; tests)."""
    for cache in (_FORMATS, _AFFIXES, _OPTIONS, _MACROS, _CHILDREN, _ABSENT, _KIDS, _BRANCHES, _TESTED,
                  _SUBSTITUTE):
        cache.clear()
