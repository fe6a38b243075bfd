"""Macro output memoized on the reference fields the macro actually read.

Rendering a long list calls the same macros (authors, publisher, container, edition …)
three times per item (sort key, citation for disambiguation, entry), and neighbouring
items often share those values.  A macro's output is a pure function of

* the macro element and the element it is rendered for (``context``; a cs:text or
  cs:layout context counts only through its layout: which name options, which
  ``repressed`` table),
* the reference fields it reads — tracked dynamically, not guessed from the style: an
  item's rendering reads the same fields in the same order as long as the fields it has
  read so far have the same values, so a second item that agrees on every field the
  first one read (presence included) takes the same path and yields the same output,
* the non-item state it consults: whether it renders a sort key (a date is then
  digits, :meth:`.fixes.Date._sort_key`), ``sort_options`` and the disambiguation request
  (how many names, how much of each given name: only when the macro renders names), a
  pending implicit year-suffix, and the layout's ``repressed`` table (those of the
  macro's variables already used by a substitution, ``_ys``, and — with names — whether
  ``_first_names`` is set and the position of the next name list, ``_nameset``).

The memo for one such key is a decision tree over the fields in the order they were
first read, so a lookup reads one field per level and stops at the first difference.
It holds at most ``_MAX_ENTRIES`` results (then starts afresh); :func:`clear` empties it.

Everything else a macro can depend on — the citation number, a locator, a citation
position, disambiguation — lives outside the reference, so macros whose subtree (called
macros included) mentions any of it are not cached (:func:`info`), except while cites
are rendered for disambiguation (``scan`` set by the engine): those cites have no
locator, no position and the same number, and the disambiguation request is part of
the key.

A hit replays the macro's side effects exactly: the variables it called and rendered
(CSL group suppression, :mod:`.fixes` frames), what it added to ``repressed``
(substitution, first names, year-suffix, name-list position), the name lists it reported
to a disambiguation probe, and the fields it read (so an enclosing cached macro's key
stays complete).  Output values are citeproc-py strings, which are never modified in
place, so sharing one between entries is safe.
"""
from __future__ import annotations

import threading

from citeproc import model as m

_state = threading.local()
MISSING = object()
_UNKNOWN = object()
#: Marks a read that only asked whether a field is there: ``(PRESENT, field)``.
PRESENT = "?"

#: Attribute values that make a macro depend on the cite rather than the reference.
_UNCACHEABLE = ("citation-number", "locator", "position", "first-reference-note-number",
                "citation-label", "disambiguate")
#: cs:if / cs:else-if tests on the cite, not the reference.
_UNCACHEABLE_TESTS = ("disambiguate", "position", "locator")
_MAX_ENTRIES = 200_000

_store: dict = {}
_size = [0]
_cacheable: dict = {}
_contexts: dict = {}      # context element → (its layout, what stands for it in keys)
_useful: dict = {}        # (macro, context, scan, sorting) → [hits, misses, bypassed, …] (_use)
#: A macro is no longer memoized (for that context and use) once it missed this often
#: with fewer than one hit in ``_HIT_RATIO`` lookups: on a list of distinct records the
#: author or title macro of each entry is new, and recording and storing its reads costs
#: more than rendering it again.  Output is the same either way.
_TRIAL = 48
_HIT_RATIO = 6


def _frames():
    stack = getattr(_state, "reads", None)
    if stack is None:
        stack = _state.reads = []
    return stack


class _Reads(dict):
    """The fields a macro read, in the order first read (the order is what makes the
    lookup tree valid: the next field read depends only on the ones read before).  A
    dict keeps first-insertion order, so noting a read is one store."""

    __slots__ = ()

    def extend(self, keys) -> None:
        for key in keys:
            self[key] = None


def note_read(key) -> None:
    """Called on every field access while a macro is tracked (engine._Reference does the
    same inline)."""
    stack = _state.__dict__.get("reads")
    if stack:
        stack[-1][key] = None


def freeze(value):
    """A hashable stand-in for a reference value, equal only for equal values of the
    same types (markup pieces keep their class, so ``NoCase`` ≠ ``String``)."""
    if value is MISSING or value is None:
        return value
    if isinstance(value, str):
        return (type(value), str.__str__(value))
    if isinstance(value, dict):
        return (type(value), tuple(sorted((k, freeze(v)) for k, v in dict.items(value))))
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(freeze(v) for v in value))
    if isinstance(value, (int, float, bool)):
        return (type(value), value)
    raise TypeError(f"cannot freeze {type(value).__name__}")


_CSL = "{http://purl.org/net/xbiblio/csl}"
_NAMES_TAGS = (_CSL + "names", _CSL + "name")
_CONTEXT_TAGS = (_CSL + "text", _CSL + "layout")


def info(macro) -> tuple[bool, bool, frozenset]:
    """``(cacheable, uses_names, variables)`` for ``macro`` and every macro it calls.

    Cacheable: depends on the reference only (no citation number, locator, position,
    disambiguation).  Uses names: renders a cs:names — only then can ``sort_options``,
    the disambiguation request or ``repressed["_first_names"]``/``["_nameset"]`` matter, so
    without names they are left out of the key (the sort key and the entry then share
    the rendering of, say, the title macro).  Variables: every variable an element in
    it names — the only ones whose suppression (``repressed["*"]``, set by a
    substitution) it can notice, since elements check their own variables."""
    known = _cacheable.get(macro)
    if known is not None:
        return known
    _cacheable[macro] = (False, True, frozenset())  # recursion guard
    ok, names, variables = True, False, set()
    for element in macro.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _NAMES_TAGS:
            names = True
        variables.update((element.get("variable") or "").split())
        for name, value in element.attrib.items():
            if name in _UNCACHEABLE_TESTS or any(token in value.split() for token in _UNCACHEABLE):
                ok = False
        called = element.get("macro")
        if called:
            try:
                sub_ok, sub_names, sub_variables = info(macro.get_macro(called))
            except IndexError:
                sub_ok, sub_names, sub_variables = False, True, frozenset()
            ok = ok and sub_ok
            names = names or sub_names
            variables.update(sub_variables)
    _cacheable[macro] = (ok, names, frozenset(variables))
    return _cacheable[macro]


def cacheable(macro) -> bool:
    """Whether ``macro`` (and every macro it calls) depends on the reference only."""
    return info(macro)[0]


def _repressed_key(repressed: dict, names: bool, variables: frozenset) -> tuple:
    # ``_first_names`` is only tested for presence, and only by cs:names (fixes.Names);
    # of "*" only the macro's own variables can matter (and none, like an absent "*")
    out = []
    for k, v in repressed.items():
        if k == "*":
            v = variables.intersection(v)
            if v:
                out.append((k, frozenset(v)))
        elif k == "_first_names":
            if names:
                out.append((k, True))
        elif k == "_nameset":
            if names:
                out.append((k, v))
        else:
            out.append((k, frozenset(v) if isinstance(v, (set, list)) else v))
    out.sort()
    return tuple(out)


def _delta(before: dict, after: dict) -> tuple:
    out = []
    for k, v in after.items():
        if k == "*":
            added = frozenset(v) - frozenset(before.get("*", ()))
            if added:
                out.append((k, added))
        elif k not in before or (before[k] != v if type(v) is int else before[k] is not v):
            if isinstance(v, (set, list, dict)):
                raise TypeError("mutable repressed value")
            out.append((k, v))
    if any(k not in after for k in before):
        raise TypeError("repressed entry removed")
    return tuple(out)


def _use(use, macro, context, scan, fx) -> list:
    """The record of one use of a macro (:data:`_useful`): [hits, misses, bypassed (too
    few hits), never memoized (depends on the cite outside disambiguation, or the
    context has no layout), (cacheable, uses names, variables, layout, key context)]."""
    ok, names, variables = _cacheable.get(macro) or info(macro)
    never = not ok and not scan
    layout = key_context = None
    if not never:
        found = _contexts.get(context)
        if found is None:
            try:
                layout = fx._layout(context)
            except IndexError:
                never = True
            else:
                # a cs:text or cs:layout context matters only through its layout (the
                # repressed table; the citation or bibliography for name options): neither
                # has the cs:date-part children a date context lends its parts
                found = _contexts[context] = (layout, layout if context.tag in _CONTEXT_TAGS else context)
        if found is not None:
            layout, key_context = found
    record = _useful[use] = [0, 0, False, never, (ok, names, variables, layout, key_context)]
    return record


def render(macro, item, context, sort_options, original, frames_module):
    """``original(item, context, sort_options)`` memoized as described above."""
    fx = frames_module
    if context is None:
        return original(item, context, sort_options)
    fstate = fx._state.__dict__
    scan = fstate.get("scan")
    use = (macro, context, scan, not sort_options)
    useful = _useful.get(use)
    if useful is None:
        useful = _use(use, macro, context, scan, fx)
    if useful[2] or useful[3]:
        return original(item, context, sort_options)
    reference = item.reference
    if getattr(type(reference), "frozen", None) is None:
        return original(item, context, sort_options)
    frozen = reference.frozen
    ok, names, variables, layout, key_context = useful[4]
    repressed = layout.repressed
    # a macro that depends on the cite, rendered while disambiguating (no locator, no
    # position, number 1: the same for every cite), is keyed on the whole request
    request = fstate.get("disambig") if names or not ok else None
    try:
        key = (macro, key_context, ok,
               tuple(sorted(sort_options.items())) if sort_options and names else bool(sort_options),
               request,
               fstate.get("year_suffix"),
               _repressed_key(repressed, names, variables) if repressed else ())
        # the store is a decision tree per key: [field, {value: subtree}] nodes, read
        # in the order the macro first read them, down to a tuple leaf (the result)
        node = _store.get(key)
    except TypeError:
        return original(item, context, sort_options)
    if node is not None:
        known = reference.__dict__.get("_frozen") or {}
        try:
            while type(node) is list:
                field, branches = node
                value = known.get(field, _UNKNOWN)
                if value is _UNKNOWN:
                    value = frozen(field)
                node = branches.get(value)
        except TypeError:
            node = None
    if node is not None:
        useful[0] += 1
        return _replay(node, layout, fx)
    useful[1] += 1
    if useful[1] >= _TRIAL and useful[0] * _HIT_RATIO < useful[0] + useful[1]:
        useful[2] = True
    # miss: render, watching reads, frames and repressed
    before = {k: (set(v) if isinstance(v, (set, list)) else v) for k, v in repressed.items()}
    probes = fstate.get("probe")
    probed = len(probes) if probes is not None else 0
    stack = _frames()
    stack.append(_Reads())
    fx._push()
    try:
        result = original(item, context, sort_options)
    finally:
        frame = fx._pop()
        read = stack.pop()
    reads = tuple(read)
    if stack:
        stack[-1].extend(reads)
    outer = getattr(fx._state, "frames", None)
    if outer:
        outer[-1].called.update(frame.called)
        outer[-1].rendered.update(frame.rendered)
    if layout.repressed is not repressed:
        return result
    try:
        delta = _delta(before, repressed)
        known = reference.__dict__.get("_frozen") or {}
        values = [known[name] if name in known else frozen(name) for name in reads]
    except TypeError:
        return result
    if _size[0] >= _MAX_ENTRIES:
        _store.clear()
        _size[0] = 0
    met = tuple(probes[probed:]) if probes is not None else ()
    if names and probes is None and request is not None:
        return result               # what it met went unrecorded: do not keep it
    leaf = (result, frozenset(frame.called), frozenset(frame.rendered), delta, reads, met)
    _insert(key, reads, values, leaf)
    return result


def _insert(key, reads, values, leaf) -> None:
    parent, slot, node = _store, key, _store.get(key)
    for field, value in zip(reads, values):
        if node is None:
            node = [field, {}]
            parent[slot] = node
        elif type(node) is not list or node[0] != field:
            return                      # cannot happen for a deterministic macro; skip
        parent, slot, node = node[1], value, node[1].get(value)
    if node is None:
        parent[slot] = leaf
        _size[0] += 1


def _replay(entry, layout, fx):
    result, called, rendered, delta, reads, met = entry
    stack = getattr(_state, "reads", None)
    if stack:
        stack[-1].extend(reads)
    outer = getattr(fx._state, "frames", None)
    if outer:
        outer[-1].called.update(called)
        outer[-1].rendered.update(rendered)
    if met:
        probes = fx._state.__dict__.get("probe")
        if probes is not None:
            probes.extend(met)
    repressed = layout.repressed
    for k, v in delta:
        if k == "*":
            repressed.setdefault("*", set()).update(v)
        else:
            repressed[k] = v
    return result


def clear() -> None:
    """Forget every memoized output (tests; styles edited in place)."""
    _store.clear()
    _size[0] = 0
    _useful.clear()


class Macro(m.Macro):
    """cs:macro whose output is memoized by :func:`render`."""

    def render(self, item, context=None, sort_options=None):
        return render(self, item, context, sort_options, self._render, _fixes())

    def _render(self, item, context, sort_options):
        return m.Macro.render(self, item, context=context, sort_options=sort_options)


_FIXES: list = []


def _fixes():
    if not _FIXES:
        from . import fixes
        _FIXES.append(fixes)
    return _FIXES[0]
