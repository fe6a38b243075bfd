"""A style's layout compiled once into plain Python closures.

citeproc-py renders an entry by walking the style's element tree: each cs:text, cs:group,
cs:choose and macro call is a method call on an lxml element that first looks up what it
is (:mod:`.hotpaths` and :mod:`.fastpaths` keep those answers in dictionaries keyed by
element), then calls its children through two or three more methods (``render`` →
``process`` → ``markup`` → ``format``/``wrap``; a macro call goes ``Macro.render`` →
:func:`.memo.render` → ``Macro._render`` → citeproc-py's ``Macro.render`` →
``render_children``).  On a list of distinct records those steps are most of the time:
an APA entry takes about ninety of them.

Here each structural element — the children of a cs:layout, cs:macro, cs:if, cs:else-if
and cs:else, a cs:group, a cs:choose, a cs:text (macro call, variable, term or value) —
becomes one closure holding everything that never changes once the style is parsed: its
attributes, its formatting wrappers and affixes, its macro and the macro's compiled body,
its children's closures.  Rendering an entry calls one closure per element.  What the
closures leave to the elements themselves (cs:names, cs:date, cs:number, cs:label, a
cs:text's variable and term lookups, a cs:if's conditions, :mod:`.memo`) is called as
before, so every correction in :mod:`.fixes` and every memo rule applies unchanged.

Each closure does exactly what the methods it replaces do (same calls in the same
order, same values and string types), and those methods are fingerprinted as in
:mod:`.hotpaths`: a closure is built only for an element whose class still uses the
method copied, and only while every copied or inlined method has the fingerprint it had
when copied (:func:`stale`, checked by ``tests/render/test_compiled.py``).  Anything
else — an element of another class, an unusual call (keyword arguments other than
``context`` and ``sort_options``) — renders through the element's own methods.

A closure passes its children the keyword arguments the method it replaces would pass,
as a dictionary shared by the children (never modified; a child rendered through its own
method gets a copy, as Python's ``**`` gives one).  Element trees are taken as fixed once
rendering starts; the one element that gains a child while rendering (a cs:names, given
an empty cs:name by :mod:`.fixes`) is rendered by its own methods.  :func:`clear`
forgets every closure (styles edited in place; tests).
"""
from __future__ import annotations

from citeproc import model as m
from citeproc.source import VariableError
from citeproc.string import String, join, normalize_seam

from . import casing, display, fastpaths, fixes, hotpaths, memo

_CHILDREN: dict = {}    # parent element → its children's compiled renderer (or _SLOW)
_NODES: dict = {}       # cs:text, cs:group, cs:choose → its compiled renderer (or _SLOW)
_SLOW = object()
#: keyword arguments a compiled renderer takes; any other goes through the element
_PLAIN = frozenset({"context", "sort_options"})

# how a parent calls a child: a closure with (item, kw); a cs:choose closure with
# (item, kw, delimiter); an element's own render with (item, **kw), a cs:choose's own
# render with (item, delimiter=…, **kw)
_NODE, _CHOOSE, _LEAF, _CHOOSE_LEAF = range(4)


class _Uncompilable(Exception):
    """An element the compiler leaves to its own methods (a parent with such a child
    keeps its own ``render_children``)."""


# ------------------------------------------------------------------ guards

#: (owner, name, fingerprint) of every method whose behaviour a closure copies or inlines
_COPIED = (
    (fastpaths.FastChildren, "render_children", "2f8c844cca6e"),
    (fastpaths.FastChoose, "render", "1cebd9b22b3a"),
    (fastpaths.FastFormat, "format", "8abcd29f9e72"),
    (fastpaths.FastWrap, "wrap", "61777d256be4"),
    (hotpaths.FastText, "render", "e91dec8f96d2"),
    (hotpaths.FastText, "process", "7e876955fd14"),
    (hotpaths.FastText, "markup", "b6604a831808"),
    (hotpaths.FastGroup, "render", "6070123a103a"),
    (hotpaths.FastGroup, "process", "697ef48957aa"),
    (memo.Macro, "render", "8b6867f10ef2"),
    (memo.Macro, "_render", "1905765e3a00"),
    (m.Macro, "render", "68e09a5318f4"),
    (m.Else, "render", "74af544bd7db"),
    (hotpaths.FastIf, "passes", "4d7d3f4858e3"),
    (hotpaths, "_outcome", "1da6020fe9f3"),
    (fastpaths.FastIfVariable, "_variable", "34ab0f3c8902"),
    (m.Group, "markup", "0f0517312b8b"),
    (casing, "apply", "1323d3e12602"),
    (fixes, "_is_english", "f3701aaa60c2"),
    (fixes.Names, "process", "7339bd84f702"),
    (fixes.Names, "_process", "7312fba32c13"),
    (m.Names, "process", "668992b9cc59"),
    (m.CitationStylesElement, "render", "a615c69f5d9c"),
    (fixes, "_called", "8058983d16aa"),
    (fixes, "_repressed", "146fa3218d5b"),
    (fixes, "_layout", "dcbd80c66a05"),
    (fixes, "_shorthand_of", "52249a9fef98"),
    (fixes, "_ensure_name", "1f6d5ae4dc8e"),
)


def _reference_methods() -> tuple:
    """The reference's field lookups inlined where the reference is engine's (engine
    imports this module, so they are named once it is loaded)."""
    from citeproc.source import CustomDict

    from . import engine
    return ((engine._Reference, "__contains__", "060396e840a7"),
            (engine._Reference, "__getitem__", "2fe631851143"),
            (CustomDict, "__getattr__", "be8be18ab154"))


def stale() -> list[str]:
    """The copied or inlined methods whose code changed since the closures were written
    (``Owner.method: fingerprint now``); while one is stale nothing is compiled."""
    out = []
    for owner, name, expected in (*_COPIED, *_reference_methods()):
        now = hotpaths.fingerprint(getattr(owner, name))
        if now != expected:
            out.append(f"{getattr(owner, '__name__', owner)}.{name}: {now}")
    return out


_FRESH: list = []


def _fresh() -> bool:
    if not _FRESH:
        _FRESH.append(not stale())
    return _FRESH[0]


def _uses(cls, mixin, *names) -> bool:
    return all(getattr(cls, name, None) is getattr(mixin, name) for name in names)


def _plain_children(cls) -> bool:
    """Whether ``cls`` renders its children with fastpaths' copy (compiled or not)."""
    return getattr(cls, "render_children", None) in (fastpaths.FastChildren.render_children,
                                                    CompiledChildren.render_children)


# ------------------------------------------------------------------ compiling

def _child(element):
    """``(how, renderer)`` for one child element."""
    cls = type(element)
    if isinstance(element, m.Choose):
        if getattr(cls, "render", None) in (fastpaths.FastChoose.render, CompiledChoose.render):
            made = _NODES.get(element)
            if made is None:
                try:
                    made = _NODES[element] = _choose(element)
                except _Uncompilable:
                    made = _NODES[element] = _SLOW
            if made is not _SLOW:
                return _CHOOSE, made
        return _CHOOSE_LEAF, element
    made = node(element)
    if made is not None:
        return _NODE, made
    if isinstance(element, m.Names):
        made = _names(element)
        if made is not None:
            return _NODE, made
    if getattr(element, "render", None) is None:      # not a CSL element (a processing instruction)
        raise _Uncompilable
    return _LEAF, element


def _is_text(cls) -> bool:
    return (getattr(cls, "render", None) in (hotpaths.FastText.render, CompiledNode.render)
            and _uses(cls, hotpaths.FastText, "process", "markup"))


def _is_group(cls) -> bool:
    return (getattr(cls, "render", None) in (hotpaths.FastGroup.render, CompiledNode.render)
            and _uses(cls, hotpaths.FastGroup, "process") and getattr(cls, "markup", None) is m.Group.markup)


def node(element):
    """The compiled ``render`` of a cs:text or cs:group: ``fn(item, kw)``, or None when
    ``element`` is left to its own methods."""
    made = _NODES.get(element)
    if made is None:
        made = _SLOW
        if _fresh():
            cls = type(element)
            _NODES[element] = _SLOW                 # while its children are compiled
            try:
                if _is_text(cls):
                    made = _text(element) or _SLOW
                elif _is_group(cls):
                    made = _group(element)
            except _Uncompilable:
                made = _SLOW
        _NODES[element] = made
    return None if made is _SLOW else made


def _kids(parent) -> tuple:
    return tuple(_child(child) for child in parent.iterchildren())


def children(parent):
    """The compiled ``render_children`` of ``parent``: ``fn(item, delimiter, kw)``, or
    None when ``parent`` is left to its own methods."""
    fn = _CHILDREN.get(parent)
    if fn is None:
        if not _fresh():
            fn = _SLOW
        else:
            _CHILDREN[parent] = _SLOW           # a macro calling itself: its own methods
            try:
                fn = _children(_kids(parent))
            except _Uncompilable:
                fn = _SLOW
        _CHILDREN[parent] = fn
    return None if fn is _SLOW else fn


def _children(kids):
    """fastpaths.FastChildren.render_children over compiled children."""
    def render_children(item, delimiter, kw):
        output = []
        for how, fn in kids:
            try:
                if how == _NODE:
                    text = fn(item, kw)
                elif how == _LEAF:
                    text = fn.render(item, **kw)
                elif how == _CHOOSE:
                    text = fn(item, kw, delimiter)
                else:
                    text = fn.render(item, delimiter=delimiter, **kw)
                if text is not None:
                    output.append(text)
            except VariableError:
                pass
        if output:
            return join(output, delimiter)
        return None
    return render_children


def _own_children(parent):
    """The compiled children of ``parent``, or its own ``render_children`` in the same
    calling convention."""
    fn = children(parent)
    if fn is None:
        def fn(item, delimiter, kw):
            return parent.render_children(item, delimiter=delimiter, **kw)
    return fn


def _formatting(element):
    """(wrappers or None, prefix, suffix, affixed): what FastFormat.format and
    FastWrap.wrap would look up; None wrappers: call the element's own format, and
    ``affixed`` None: its own wrap (looked up at each call, as every element method the
    closures call: a method replaced later, as tests do, is the one called)."""
    cls = type(element)
    wrappers = None
    if _uses(cls, fastpaths.FastFormat, "format"):
        found = fastpaths._wrappers(element)
        if found is not fastpaths._SLOW:
            wrappers = found
    affixed = None
    prefix = suffix = ""
    if _uses(cls, fastpaths.FastWrap, "wrap"):
        prefix, suffix = element.get("prefix", ""), element.get("suffix", "")
        affixed = bool(prefix or suffix)
    return wrappers, prefix, suffix, affixed


def _text(element):
    """hotpaths.FastText.render (process and markup inlined) for one cs:text; None for a
    cs:text without content attribute or with an undefined macro (its own methods then
    say so, as before)."""
    kind, name, has_term, block, case, strip, quoted, number_variable = \
        hotpaths._TEXT.get(element) or hotpaths._text_plan(element)
    wrappers, prefix, suffix, affixed = _formatting(element)
    # fixes._is_english answers True without reading anything for a variable it does
    # not hold to the item's language
    always_english = element.get("variable") not in fixes._LANGUAGE_CASED
    state = fixes._state

    def markup(text, english, kw):
        # FastText.markup, FastFormat.format and FastWrap.wrap
        if text:
            if strip:
                text = text.replace(".", "")
            if case:
                if case == "capitalize-first" and number_variable and type(text) is String:
                    text = casing.number_list(case, text, english)
                else:
                    text = casing.apply(case, text, english)
            if wrappers is None:
                text = element.format(text)
            else:
                if isinstance(text, (int, float)):
                    text = str(text)
                for wrapper in wrappers:
                    text = wrapper(text)
            if quoted:
                text = element.quote(text)
            if affixed is None:
                output = element.wrap(text)
            elif text is None:
                output = None
            elif not affixed:
                output = ("" + text) + ""
            else:
                text = normalize_seam(prefix, text)
                text = prefix + text
                output = text + normalize_seam(text, suffix)
        else:
            output = None
        if block:
            return display.wrap(element, output, kw)
        return output

    if kind == hotpaths._MACRO:
        try:
            macro = element.get_macro(name)
        except IndexError:
            return None
        macro_class = type(macro)
        if not (macro_class.render is memo.Macro.render and macro_class._render is memo.Macro._render
                and _plain_children(macro_class)):
            return None
        cell = []               # the macro's compiled children, made on first use

        def body(item, context, sort_options):
            # memo.Macro._render → citeproc-py's Macro.render → render_children
            if not cell:
                cell.append(_own_children(macro))
            return cell[0](item, "", {"context": context, "sort_options": sort_options})

        memo_module = memo

        def render_macro(item, kw):
            context = kw.get("context")
            frames = state.__dict__.setdefault("frames", [])
            frames.append(fixes._Frame())                                     # fixes._push
            try:
                text = memo_module.render(macro, item, context if context is not None else element,
                                          kw.get("sort_options"), body, fixes)
            finally:
                frame = state.frames.pop()                                   # fixes._pop
            if text is not None and frame.called and not frame.rendered:     # fixes._empty
                text = None
            outer = state.__dict__.get("frames")                             # fixes._merge
            if outer:
                outer[-1].called.update(frame.called)
                if text is not None:
                    rendered = outer[-1].rendered
                    rendered.update(frame.rendered)
                    rendered.add("<group>")
            english = True if always_english else fixes._is_english(element, item)
            if not text and not block:
                return None                 # markup of nothing
            return markup(text, english, kw)
        return render_macro

    if kind == hotpaths._NONE:
        return None
    variable = kind == hotpaths._VARIABLE
    term = kind == hotpaths._TERM
    value = element.preformat(name) if kind == hotpaths._VALUE else None
    reference_class, memo_state, _present, _contains = _reference_inlines()
    get = dict.get

    def render_text(item, kw):
        context = kw.get("context")
        if context is None:
            context = element
        reference = item.reference
        if type(reference) is reference_class:
            # engine._Reference.__getitem__ inlined: the read noted for memo
            reads = memo_state.__dict__.get("reads")
            if reads:
                reads[-1]["language"] = None
            language = get(reference, "language", _SLOW)
            if language is not _SLOW:
                language[:2]
        else:
            try:
                reference.language[:2]      # citeproc-py's Text.process reads it (noted by memo)
            except VariableError:
                pass
        if variable:
            text = element._variable(item, context)
        elif term:
            text = element._term(item)
        else:
            text = String(value)
        if text and has_term and state.__dict__.get("terms") is not None:
            state.terms.append(str(text))
        english = True if always_english else fixes._is_english(element, item)
        if not text and not block:
            return None                     # markup of nothing
        return markup(text, english, kw)
    return render_text


def _group(element):
    """hotpaths.FastGroup.render (process, citeproc-py's Group.markup, format and wrap
    inlined) for one cs:group."""
    delimiter = element.get("delimiter", "")
    block = element.get("display") in display.KINDS
    kids = _kids(element)
    wrappers, prefix, suffix, affixed = _formatting(element)
    state = fixes._state

    def render_group(item, given):
        # the children are given context=context
        kw = given if "context" in given else {**given, "context": None}
        output = []
        frames = state.__dict__.setdefault("frames", [])
        frames.append(fixes._Frame())                                         # fixes._push
        try:
            for how, fn in kids:
                try:
                    if how == _NODE:
                        text = fn(item, kw)
                    elif how == _LEAF:
                        text = fn.render(item, **kw)
                    elif how == _CHOOSE:
                        text = fn(item, kw, delimiter)
                    else:
                        text = fn.render(item, delimiter=delimiter, **kw)
                except VariableError:
                    text = None
                if text is not None:
                    output.append(text)
        finally:
            frame = state.frames.pop()                                       # fixes._pop
        outer = state.__dict__.get("frames")
        if output and not (frame.called and not frame.rendered):            # fixes._empty
            if outer:                                                        # fixes._merge
                outer[-1].called.update(frame.called)
                rendered = outer[-1].rendered
                rendered.update(frame.rendered)
                rendered.add("<group>")
            text = fixes.seams.join(output, delimiter)
            # citeproc-py's Group.markup: wrap(format(text)) when there is text
            if text:
                if wrappers is None:
                    text = element.format(text)
                else:
                    if isinstance(text, (int, float)):
                        text = str(text)
                    for wrapper in wrappers:
                        text = wrapper(text)
                if affixed is None:
                    text = element.wrap(text)
                elif text is None:
                    pass
                elif not affixed:
                    text = ("" + text) + ""
                else:
                    text = normalize_seam(prefix, text)
                    text = prefix + text
                    text = text + normalize_seam(text, suffix)
            else:
                text = None
            if block:
                return display.wrap(element, text, given)
            return text
        if outer:                                                            # fixes._merge, not kept
            outer[-1].called.update(frame.called)
        raise VariableError

    return render_group


_TYPE, _VARIABLES, _ASK, _ALWAYS, _OWN = range(5)


def _condition(child):
    """How a cs:if / cs:else-if that can say whether it is taken is asked: (_TYPE, None)
    when it tests the item type only (its outcome per type kept by hotpaths),
    (_VARIABLES, (variables, match)) when it tests variables only, else (_ASK, passes)."""
    if type(child).passes is not hotpaths.FastIf.passes:
        return _ASK, None
    # hotpaths.FastIf.passes' plan
    attrib = child.attrib
    tests = tuple(getattr(type(child), method) for attribute, method in hotpaths._IF_TESTS if attribute in attrib)
    plain = "position" not in attrib and "disambiguate" not in attrib
    if plain and tests == (hotpaths.FastIf._type,):
        return _TYPE, None
    if plain and tests == (fastpaths.FastIfVariable._variable,):
        variables = tuple(v.replace("-", "_") for v in child.get("variable").split())
        return _VARIABLES, (variables, child.get("match"))
    return _ASK, None


def _reference_inlines():
    from . import engine
    return engine._Reference, memo._state, memo.PRESENT, dict.__contains__


def _names(element):
    """A cs:names whose variables the item mostly lacks: when none of them is there, what
    fixes.Names.process and citeproc-py's Names.process do (called noted, presence reads
    noted, name lists reset) is done here and nothing is rendered, without raising and
    catching two exceptions; otherwise the element renders itself.  None when the
    element is not such a cs:names (a cs:substitute child, other methods, editor and
    translator tested together)."""
    cls = type(element)
    if not (getattr(cls, "render", None) is m.CitationStylesElement.render
            and getattr(cls, "process", None) is fixes.Names.process
            and getattr(cls, "_process", None) is fixes.Names._process
            and element.substitute() is None):
        return None
    roles = tuple(element.get("variable", "").split())
    if not roles or set(roles) == {"editor", "translator"}:
        return None
    keys = tuple(role.replace("-", "_") for role in roles)
    reads_keys = tuple((memo.PRESENT, key) for key in keys)
    names_context = fixes._shorthand_of(element)
    target = names_context if names_context is not None else element
    named = fixes._NAMED
    state = fixes._state
    layout_of = fixes._layout
    reference_class, memo_state, _present, contains = _reference_inlines()

    def render_names(item, kw):
        reference = item.reference
        if (type(reference) is not reference_class or target not in named
                or state.__dict__.get("suppress_names")):
            return element.render(item, **kw)
        for key in keys:
            if contains(reference, key):
                return element.render(item, **kw)
        context = kw.get("context")
        repressed = layout_of(context if context is not None else element).repressed.get("*", ())
        if repressed:
            for role in roles:
                if role in repressed:
                    return element.render(item, **kw)
        frames = state.__dict__.get("frames")
        if frames:                                          # fixes._called
            called = frames[-1].called
            for role in roles:
                called.add(role)
        # fixes.Names._process, citeproc-py's Names.process: each role asked for
        reads = memo_state.__dict__.get("reads")
        if reads:
            top = reads[-1]
            for read in reads_keys:
                top[read] = None
        state.name_lists = None
        state.__dict__.pop("text_substituted", None)
        return None                 # VariableError: the parent leaves it out
    return render_names


def _choose(element):
    """fastpaths.FastChoose.render for one cs:choose: ``fn(item, kw, delimiter)``, with
    hotpaths.FastIf.passes inlined for branches testing the item type or variables only;
    the leading branches testing the type only are decided once per type."""
    branches = []
    for child in element.iterchildren():
        cls = type(child)
        if getattr(cls, "fast_condition", False) and _plain_children(cls):
            mode, data = _condition(child)
            branches.append((mode, child, data, _own_children(child), None))
        elif getattr(cls, "render", None) is m.Else.render and _plain_children(cls):
            # citeproc-py's Else.render: its render_children with the same arguments
            branches.append((_ALWAYS, child, None, _own_children(child), None))
        else:
            if getattr(child, "render", None) is None:
                raise _Uncompilable
            branches.append((_OWN, child, None, None, True))
    branches = tuple(branches)
    count = len(branches)
    leading = bool(branches) and branches[0][0] == _TYPE
    starts: dict = {}       # item type → index of the first branch not known to fail
    by_type = hotpaths._BY_TYPE
    condition_failed = m.ConditionFailed
    reference_class, memo_state, present, contains = _reference_inlines()

    def taken(child, item, context, item_type):
        passed = by_type.get((child, item_type))
        if passed is None:
            passed = child.passes(item, context)        # works it out, and keeps it
        return passed

    def first(item, context, item_type):
        for index in range(count):
            mode, child = branches[index][:2]
            if mode != _TYPE or taken(child, item, context, item_type):
                return index
        return count

    def render_choose(item, kw, delimiter):
        context = kw.get("context")
        if "context" not in kw:
            kw = {**kw, "context": None}        # the branch is given context=context
        index = 0
        item_type = None
        if leading:
            # each type test reads the type (memo notes the read): read once, since
            # nothing else is read between the leading tests
            item_type = item.reference.type
            index = starts.get(item_type)
            if index is None:
                index = starts[item_type] = first(item, context, item_type)
        while index < count:
            mode, child, data, render_children, own = branches[index]
            index += 1
            if mode == _TYPE:
                if item_type is None:
                    item_type = item.reference.type
                if not taken(child, item, context, item_type):
                    continue
            elif mode == _VARIABLES:
                variables, match = data
                reference = item.reference
                found = 0
                if type(reference) is reference_class:
                    # engine._Reference.__contains__ inlined: the read noted for memo
                    reads = memo_state.__dict__.get("reads")
                    top = reads[-1] if reads else None
                    for variable in variables:      # every one asked (memo notes each)
                        if variable == "locator":
                            if "locator" in item:
                                found += 1
                        else:
                            if top is not None:
                                top[(present, variable)] = None
                            if contains(reference, variable):
                                found += 1
                else:
                    for variable in variables:
                        if (("locator" in item) if variable == "locator" else (variable in reference)):
                            found += 1
                if match == "any":
                    if not found:
                        continue
                elif match == "none":
                    if found:
                        continue
                elif found != len(variables):
                    continue
            elif mode == _ASK:
                if not child.passes(item, context):
                    continue
            try:
                if own is None:
                    return render_children(item, delimiter, kw)
                return child.render(item, delimiter=delimiter, **kw)
            except condition_failed:
                continue
        return None
    return render_choose


class CompiledChildren:
    """``render_children`` through the compiled children (see the module's docstring)."""

    __slots__ = ()

    def render_children(self, item, delimiter="", **kwargs):
        fn = _CHILDREN.get(self)
        if fn is None:
            fn = children(self) or _SLOW
        if fn is _SLOW or (kwargs and not kwargs.keys() <= _PLAIN):
            return fastpaths.FastChildren.render_children(self, item, delimiter, **kwargs)
        return fn(item, delimiter, kwargs)


class CompiledNode:
    """A cs:text's or cs:group's ``render`` through its closure, whoever calls it (a
    cs:substitute renders its children so)."""

    __slots__ = ()

    def render(self, *args, **kwargs):
        made = _NODES.get(self)
        if made is None:
            made = node(self) or _SLOW
        if made is _SLOW or len(args) != 1 or (kwargs and not kwargs.keys() <= _PLAIN):
            return _OWN_RENDER[type(self)](self, *args, **kwargs)
        return made(args[0], kwargs)


class CompiledChoose:
    """A cs:choose's ``render`` through its closure."""

    __slots__ = ()

    def render(self, item, context=None, delimiter="", **kwargs):
        made = _NODES.get(self)
        if made is None:
            try:
                made = _NODES[self] = _choose(self)
            except _Uncompilable:
                made = _NODES[self] = _SLOW
        if made is _SLOW or (kwargs and not kwargs.keys() <= _PLAIN):
            return fastpaths.FastChoose.render(self, item, context=context, delimiter=delimiter, **kwargs)
        return made(item, {"context": context, **kwargs}, delimiter)


_PARENTS = (m.Layout, m.Macro, m.If, m.Else)
_OWN_RENDER: dict = {}      # upgraded class → the render it had


def upgrade(cls):
    """``cls`` with compiled rendering where it renders with the copied methods: its
    children (cs:layout, cs:macro, cs:if, cs:else-if, cs:else), itself (cs:text,
    cs:group, cs:choose); else ``cls``."""
    if not _fresh():
        return cls
    mixins = []
    if issubclass(cls, _PARENTS) and _uses(cls, fastpaths.FastChildren, "render_children"):
        mixins.append(CompiledChildren)
    if _is_text(cls) or _is_group(cls):
        mixins.append(CompiledNode)
    elif issubclass(cls, m.Choose) and _uses(cls, fastpaths.FastChoose, "render"):
        mixins.append(CompiledChoose)
    if not mixins:
        return cls
    made = type(cls.__name__, (*mixins, cls), {"__module__": cls.__module__})
    if CompiledNode in mixins:
        _OWN_RENDER[made] = cls.render
    return made


def clear() -> None:
    """Forget every compiled renderer (styles edited in place; tests)."""
    _CHILDREN.clear()
    _NODES.clear()
    _FRESH.clear()
