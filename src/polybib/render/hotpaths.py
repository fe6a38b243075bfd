"""Fast copies of the hottest corrected methods of :mod:`.fixes`, guarded by fingerprints.

On a list of distinct records the time goes into the per-element steps every entry
repeats about two hundred times: a cs:if/cs:else-if testing its conditions, a cs:text
rendering a macro, a variable or a term, a cs:group joining its children.  The corrected
methods in :mod:`.fixes` ask lxml for the same attributes on every call (``"macro" in
self.attrib`` builds an attribute proxy each time; a cs:if looks for seven attributes),
and go through two or three Python calls where one does.  Each class here does exactly
what the method it replaces does — same calls in the same order (the reference reads
:mod:`.memo` keys on included), same values and string types — with what never changes
once a style is parsed (which attributes an element has, its text-case, its macro, its
children, its cs:name-part children) read once per element.  Besides: a cs:if answers
:meth:`FastIf.passes` (asked by :class:`.fastpaths.FastChoose`) instead of raising
``ConditionFailed`` for each branch not taken; a cs:if that tests the item type only is
decided once per type; fixes' frame bookkeeping (``_push``/``_pop``/``_empty``/``_merge``)
is done inline.

A fast copy is only as good as its agreement with the method it copies, and
:mod:`.fixes` is corrected while rendering gets faster.  So each copy names the methods
it stands for with a fingerprint of their code (:func:`fingerprint`: bytecode, constants
and names, not line numbers); :func:`mixins_for` uses a copy only while every
fingerprint still matches, otherwise the corrected method runs as written and
``tests/render/test_hotpaths.py`` says which copy to bring up to date.  Styles whose
elements change attributes while rendering (fixes.Names sets ``variable`` on a cs:names
for a moment) are never read through these caches: only cs:if, cs:else-if, cs:text,
cs:group and cs:name children and attributes are cached, and nothing sets those.
"""
from __future__ import annotations

try:                    # the same digest without loading OpenSSL's whole hashlib (start-up time)
    from _sha1 import sha1 as _sha1
except ImportError:     # pragma: no cover - a Python built without its own SHA-1
    from hashlib import sha1 as _sha1

from citeproc import model as m
from citeproc.source import VariableError
from citeproc.string import String

from . import casing, display, fixes

_IF: dict = {}      # cs:if / cs:else-if → (tests, position, disambiguate, match)
_TYPES: dict = {}   # cs:if → its type names, lowered
_BY_TYPE: dict = {}  # (cs:if testing the type only, item type) → whether it is taken
_TEXT: dict = {}    # cs:text → (kind, name, display block?, case, strip, quotes, number variable)
_GROUP: dict = {}   # cs:group → (delimiter, children with "is a cs:choose")
_NAME_PARTS: dict = {}  # cs:name → (its number of children, its cs:name-part children)

_IF_TESTS = (("type", "_type"), ("variable", "_variable"), ("is-numeric", "_is_numeric"),
             ("is-uncertain-date", "_is_uncertain_date"), ("locator", "_locator"))


def fingerprint(function) -> str:
    """A digest of ``function``'s code that changes when its behaviour can (bytecode,
    constants, names), not when lines move."""
    digest = _sha1()

    def feed(code):
        digest.update(code.co_code)
        digest.update(repr(code.co_names).encode())
        digest.update(repr(code.co_varnames).encode())
        digest.update(repr(code.co_freevars).encode())
        for const in code.co_consts:
            if hasattr(const, "co_code"):
                feed(const)
            else:
                digest.update(repr(const).encode())

    feed(function.__code__)
    return digest.hexdigest()[:12]


class FastIf:
    """``fixes.If.render`` and ``fixes.If._type`` with the tests the element asks for
    found once."""

    __slots__ = ()
    #: :class:`.fastpaths.FastChoose` asks :meth:`passes` instead of catching the
    #: ``ConditionFailed`` of every branch not taken
    fast_condition = True

    def render(self, item, context=None, delimiter="", **kwargs):
        if not self.passes(item, context):
            raise m.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def passes(self, item, context=None) -> bool:
        """Whether the branch is taken: fixes.If.render's tests, in its order."""
        plan = _IF.get(self)
        if plan is None:
            attrib = self.attrib
            tests = tuple(getattr(type(self), method) for attribute, method in _IF_TESTS if attribute in attrib)
            plan = _IF[self] = (tests, "position" in attrib, "disambiguate" in attrib, self.get("match"),
                                tests == (FastIf._type,) and "position" not in attrib
                                and "disambiguate" not in attrib)
        tests, position, disambiguate, match, by_type = plan
        if by_type:
            # a test of the item type only: its outcome per type, worked out once
            item_type = item.reference.type
            key = (self, item_type)
            try:
                return _BY_TYPE[key]
            except KeyError:
                passed = _BY_TYPE[key] = _outcome(match, FastIf._type(self, item))
                return passed
        results = []
        for test in tests:
            results += test(self, item)
        if position:
            results += self._position(item, context)
        if disambiguate:
            request = getattr(fixes._state, "disambig", None)
            results.append(request is not None and request.condition)
        return _outcome(match, results)

    def _type(self, item):
        types = _TYPES.get(self)
        if types is None:
            types = _TYPES[self] = tuple(typ.lower() for typ in self.get("type").split())
        item_type = item.reference.type
        return [typ == item_type for typ in types]


def _outcome(match, results) -> bool:
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


_MACRO, _VARIABLE, _TERM, _VALUE, _NONE = range(5)


def _text_plan(element):
    attrib = element.attrib
    if "macro" in attrib:               # fixes.Text.process tests it first
        kind, name = _MACRO, element.get("macro")
    elif "variable" in attrib:          # then citeproc-py's order
        kind, name = _VARIABLE, None
    elif "term" in attrib:
        kind, name = _TERM, None
    elif "value" in attrib:
        kind, name = _VALUE, element.get("value")
    else:
        kind, name = _NONE, None
    plan = (kind, name, "term" in attrib, element.get("display") in display.KINDS,
            element.get("text-case"), element.get("strip-periods", "false").lower() == "true",
            element.get("quotes", "false").lower() == "true",
            element.get("variable") in fixes.NUMBER_VARIABLES)
    _TEXT[element] = plan
    return plan


class FastText:
    """``fixes.Text.render`` / ``process`` / ``markup`` (and citeproc-py's
    ``Text.render`` and ``Text.process`` they call) with the element's attributes read
    once."""

    __slots__ = ()

    def render(self, *args, **kwargs):
        plan = _TEXT.get(self) or _text_plan(self)
        text, language = self.process(*args, **kwargs)
        output = self.markup(text, language)
        if plan[3]:
            return display.wrap(self, output, kwargs)
        return output

    def process(self, item, context=None, **kwargs):
        plan = _TEXT.get(self) or _text_plan(self)
        kind = plan[0]
        if kind == _MACRO:
            macro = self.get_macro(plan[1])
            state = fixes._state.__dict__
            state.setdefault("frames", []).append(fixes._Frame())          # fixes._push
            try:
                text = macro.render(item, context=context if context is not None else self, **kwargs)
            finally:
                frame = fixes._state.frames.pop()                           # fixes._pop
            if text is not None and frame.called and not frame.rendered:    # fixes._empty
                text = None
            outer = state.get("frames")                                     # fixes._merge
            if outer:
                outer[-1].called.update(frame.called)
                if text is not None:
                    rendered = outer[-1].rendered
                    rendered.update(frame.rendered)
                    rendered.add("<group>")
            return text, fixes._is_english(self, item)
        # citeproc-py's Text.process: the item's language read (and the read noted),
        # though only fixes' English test is used
        if context is None:
            context = self
        try:
            item.reference.language[:2]
        except VariableError:
            pass
        if kind == _VARIABLE:
            text = self._variable(item, context)
        elif kind == _TERM:
            text = self._term(item)
        elif kind == _VALUE:
            text = String(self.preformat(plan[1]))
        else:       # no content attribute: citeproc-py's own failure
            return m.Text.process(self, item, context, **kwargs)
        if text and plan[2] and fixes._state.__dict__.get("terms") is not None:
            fixes._state.terms.append(str(text))
        return text, fixes._is_english(self, item)

    def markup(self, text, english):
        if text:
            plan = _TEXT.get(self) or _text_plan(self)
            case = plan[4]
            if plan[5]:
                text = text.replace(".", "")
            if case == "capitalize-first" and plan[7] and type(text) is String:
                text = casing.number_list(case, text, english)
            else:
                text = casing.apply(case, text, english)
            text = self.format(text)
            if plan[6]:
                text = self.quote(text)
            return self.wrap(text)
        return None


class FastGroup:
    """``fixes.Group.render`` / ``process`` / ``join`` with the delimiter and the list
    of children read once."""

    __slots__ = ()

    def render(self, *args, **kwargs):
        # citeproc-py's CitationStylesElement.render, then fixes' display
        output = self.markup(self.process(*args, **kwargs))
        if _GROUP[self][2]:
            return display.wrap(self, output, kwargs)
        return output

    def process(self, item, context=None, **kwargs):
        plan = _GROUP.get(self)
        if plan is None or len(plan[1]) != len(self):
            plan = _GROUP[self] = (self.get("delimiter", ""),
                                   tuple((child, isinstance(child, m.Choose)) for child in self.iterchildren()),
                                   self.get("display") in display.KINDS)
        delimiter, children, _display = plan
        output = []
        state = fixes._state.__dict__
        state.setdefault("frames", []).append(fixes._Frame())              # fixes._push
        try:
            for child, choose in children:
                try:
                    if choose:
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    text = None
                if text is not None:
                    output.append(text)
        finally:
            frame = fixes._state.frames.pop()                               # fixes._pop
        outer = state.get("frames")
        if output and not (frame.called and not frame.rendered):           # fixes._empty
            if outer:                                                       # fixes._merge
                outer[-1].called.update(frame.called)
                rendered = outer[-1].rendered
                rendered.update(frame.rendered)
                rendered.add("<group>")
            return fixes.seams.join(output, delimiter)
        if outer:                                                           # fixes._merge, not kept
            outer[-1].called.update(frame.called)
        raise VariableError


class FastNameParts:
    """``fixes.Name._parts`` with the cs:name-part children listed once (lxml's
    ``findall`` parses its path on every call: a few microseconds per name)."""

    __slots__ = ()

    def _parts(self, given, family):
        found = _NAME_PARTS.get(self)
        if found is None or found[0] != len(self):
            found = _NAME_PARTS[self] = (len(self), tuple(self.findall("cs:name-part", self.nsmap)))
        for part in found[1]:
            given, family = part.format_part(given, family)
        return given, family


#: (mixin, {method: (the class whose method it copies, fingerprint)}): the copy is used
#: for a class only while the class's methods are those very functions with those very
#: fingerprints.
_COPIES = (
    (FastIf, {"render": (fixes.If, "render", "2d6d1ae250d4"),
              "_type": (fixes.If, "_type", "1ad1e80db061")}),
    (FastText, {"render": (fixes.Text, "render", "8e6b80de439c"),
                "process": (fixes.Text, "process", "55f4c8474904"),
                "markup": (fixes.Text, "markup", "992791265b8d"),
                "quote": (fixes.Text, "quote", "d72b82539268"),
                "strip_periods": (m.StrippedPeriods, "strip_periods", "f6fdb6edfa9b")}),
    (FastGroup, {"render": (fixes.Group, "render", "8e6b80de439c"),
                 "process": (fixes.Group, "process", "d1489d382c67"),
                 "join": (fixes.Group, "join", "8b90be1b30a2")}),
    (FastNameParts, {"_parts": (fixes.Name, "_parts", "97355b1288a1")}),
)
#: citeproc-py and polybib functions the copies inline, with their fingerprints
_INLINED = (
    (m.Text, "render", "b3199ef0d8ca"),
    (m.Text, "process", "608456ac7cf4"),
    (m.CitationStylesElement, "render", "a615c69f5d9c"),
    (display, "wrap", "eb11b538d45a"),
    (fixes, "_push", "77dde46c8338"),
    (fixes, "_pop", "05574ee7fa4f"),
    (fixes, "_empty", "a6418269c72f"),
    (fixes, "_merge", "b0bb0b59b239"),
    (fixes._Frame, "__init__", "b4d1b0eed125"),
)


def stale() -> list[str]:
    """The copied or inlined functions whose code changed since their copy was written
    (``Class.method: fingerprint now``); while one is stale its copy is not used."""
    out = []
    for _mixin, methods in _COPIES:
        for owner, name, expected in methods.values():
            now = fingerprint(getattr(owner, name))
            if now != expected:
                out.append(f"{owner.__name__}.{name}: {now}")
    for owner, name, expected in _INLINED:
        now = fingerprint(getattr(owner, name))
        if now != expected:
            out.append(f"{owner.__name__}.{name}: {now}")
    return out


def mixins_for(cls) -> tuple:
    """The fast copies usable for element class ``cls``: every method a copy replaces is
    still, in ``cls``, the function it was copied from, with the same fingerprint."""
    inlined_ok = all(fingerprint(getattr(owner, name)) == expected for owner, name, expected in _INLINED)
    out = []
    for mixin, methods in _COPIES:
        if not inlined_ok:
            break
        if all(getattr(cls, method, None) is getattr(owner, name)
               and fingerprint(getattr(owner, name)) == expected
               for method, (owner, name, expected) in methods.items()):
            out.append(mixin)
    return tuple(out)


def clear() -> None:
    """Forget every cached plan (styles edited in place; tests)."""
    for cache in (_IF, _TYPES, _BY_TYPE, _TEXT, _GROUP, _NAME_PARTS):
        cache.clear()
