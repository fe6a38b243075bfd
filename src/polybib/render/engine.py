"""The citeproc-py adapter: compiled styles and locales cached, items in, entries out.

A style is parsed once per (file, modification time, locale) with polybib's element
classes (:mod:`.fixes`) and kept; system locales are parsed once per process and shared.
Style and locale files are not validated against the CSL schema at render time (it costs
more than rendering a hundred entries; ``polybib render --validate`` can ask for it).

:class:`Processor` renders CSL-JSON items: a bibliography as :class:`Entry` objects
(left margin and body, in citeproc-py's HTML markup with escaped text — :mod:`.output`
turns that into the requested format), and citations.  Items are converted to
citeproc-py's reference objects directly (not through ``CiteProcJSON``, which does not
know every CSL name variable and warns about every unknown key).  Both the bibliography
and the citations are disambiguated first (:mod:`.disambiguation`): year-suffixes, names
added and given names expanded where cites would otherwise render alike.
"""
from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from citeproc import LOCALES_PATH
from citeproc import model as citeproc_model
from citeproc.formatter import html as html_formatter
from citeproc.source import Citation, CitationItem, Date, DateRange, LiteralDate, Locator
from citeproc.source import Name as CiteprocName
from citeproc.source import Reference as CiteprocReference
from citeproc.source import VariableError
from citeproc.string import String
from lxml import etree

from .. import progress
from ..errors import UsageError
from ..gcpause import gc_paused
from ..model import DATE_VARIABLES, NAME_VARIABLES
from . import (bibnames, citelabel, compiled, disambiguation, fastpaths, fixes, hotpaths, locale_fixes, markup,
               memo, nameparse, notefields, quotes)

CSL_NS = "http://purl.org/net/xbiblio/csl"
_lock = threading.RLock()


# ------------------------------------------------------------------ parsing

_XPATH: dict = {}
_ROOTS: dict = {}
_TERMS: dict = {}       # (style root, term name, form, arguments) → the term element


_FORM_FALLBACK = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None}


class _CachedLookups(citeproc_model.CitationStylesElement):
    """Element base: XPath answers cached per element and expression.

    citeproc-py asks XPath for the same things on every item (the enclosing layout, the
    bibliography for name options, a macro by name, locale terms); a compiled style never
    changes, so each answer is computed once.  A third of bare citeproc-py's time goes
    there."""

    def xpath_search(self, expression):
        key = (self, expression)
        found = _XPATH.get(key)
        if found is None:
            found = _XPATH[key] = self.xpath(expression, namespaces=self.nsmap)
        return found

    def get_root(self):
        """The element's root, looked up once: citeproc-py asks for it (through
        ``getroottree()``) on every formatting step, and a parsed style's elements
        never move to another tree."""
        root = _ROOTS.get(self)
        if root is None:
            root = _ROOTS[self] = self.getroottree().getroot()
        return root

    def get_term(self, name, form=None, *args, **kwargs):
        """A term from the first locale that has it in ``form``, else in the form CSL
        falls back to (verb-short → verb → long, symbol → short → long); citeproc-py
        looks up only the form asked for, so ``<label form="verb-short">`` of
        ``reviewed-author`` printed nothing where locales have only its ``verb`` form."""
        if isinstance(self, citeproc_model.Locale):
            return citeproc_model.Locale.get_term(self, name, form, *args, **kwargs)
        # the answer depends on the element's root (its locales) only, and a compiled
        # style's locales never change: looked up once per root and question
        key = (self.get_root(), name, form, args, tuple(kwargs.items()))
        try:
            return _TERMS[key]
        except KeyError:
            pass
        except TypeError:           # an unhashable argument: not kept
            return self._get_term(name, form, *args, **kwargs)
        term = _TERMS[key] = self._get_term(name, form, *args, **kwargs)
        return term

    def _get_term(self, name, form=None, *args, **kwargs):
        term = super().get_term(name, form, *args, **kwargs)
        if term is None and form in _FORM_FALLBACK and not isinstance(self.get_root(), citeproc_model.Locale):
            return self.get_term(name, _FORM_FALLBACK[form], *args, **kwargs)
        return term

    def get_formatter(self):
        # citeproc-py's own logic (a locale formats for the style using it), on the
        # cached root
        root = self.get_root()
        if isinstance(root, citeproc_model.Locale):
            return root.style.formatter
        return root.formatter


def _cached_class(cls):
    if cls is citeproc_model.CitationStylesElement:
        return type("CitationStylesElement", (*fastpaths.mixins_for(cls), _CachedLookups), {"__module__": __name__})
    return compiled.upgrade(type(cls.__name__, (_CachedLookups, *hotpaths.mixins_for(cls),
                                                *fastpaths.mixins_for(cls), cls), {"__module__": __name__}))


@functools.lru_cache(maxsize=1)
def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = _cached_class(citeproc_model.CitationStylesElement)
    classes = {cls.__name__.replace("_", "-").lower(): cls
               for cls in citeproc_model.CitationStylesElement.__subclasses__()
               if cls is not _CachedLookups}
    classes.update(fixes.OVERRIDES)
    for name, cls in classes.items():
        namespace[name] = _cached_class(cls)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


@functools.lru_cache(maxsize=None)
def system_locale(name: str):
    """The root of citeproc-py's ``locales-<name>.xml``, parsed once per process."""
    path = os.path.join(LOCALES_PATH, f"locales-{name}.xml")
    if not os.path.exists(path):
        raise UsageError(f"no CSL locale {name!r}")
    root = etree.parse(path, _parser()).getroot()
    locale_fixes.apply(name, root)      # terms citeproc-py's files have wrong (uk-UA)
    return root


def check_locale(name: str) -> str:
    """``name`` when CSL has terms for it: a locale file of its own (``ru-RU``, ``de-AT``) or
    of its language's primary dialect (``ru`` → ``ru-RU``).  Anything else would silently
    render with the style's terms mixed with en-US ones, so it is a usage error that names
    the nearest locales."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    if name in LANGUAGE_NAMES or name.split("-")[0] in PRIMARY_DIALECTS:
        return name
    import difflib

    near = difflib.get_close_matches(name, sorted(LANGUAGE_NAMES), n=4, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UsageError(f"unknown CSL locale {name!r}: use a language tag such as ru-RU, en-GB, de-DE{hint}")


def _add_terms(root, terms: tuple) -> None:
    """Put polybib's term overrides (``(lang, name, form, text)``) first in the style's
    in-style locale for ``lang``, so they win over the style's and the locale file's."""
    for lang, name, form, text in terms:
        found = root.xpath_search(f'./cs:locale[@xml:lang="{lang}"]')
        if found:
            locale = found[0]
        else:
            locale = etree.Element(f"{{{CSL_NS}}}locale")
            locale.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
            root.insert(1, locale)
        container = locale.find(f"{{{CSL_NS}}}terms")
        if container is None:
            container = etree.SubElement(locale, f"{{{CSL_NS}}}terms")
        term = etree.Element(f"{{{CSL_NS}}}term")
        term.set("name", name)
        if form:
            term.set("form", form)
        term.text = text
        container.insert(0, term)


class CompiledStyle:
    """One parsed style bound to one output locale."""

    def __init__(self, path: str, locale: str | None, terms: tuple = ()):
        tree = etree.parse(path, _parser())
        self.root = tree.getroot()
        _add_terms(self.root, terms)
        self.path = path
        self.locale = locale or self.root.get("default-locale") or "en-US"
        self.root.set_locale_list(self.locale, validate=False)
        self.root.formatter = html_formatter
        bib = self.root.bibliography
        self.has_bibliography = bib is not None
        self.second_field_align = bib.get("second-field-align") if bib is not None else None
        self.numeric = self.root.xpath_search('.//cs:text[@variable="citation-number"]') != []
        self.piq = (self.root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"
        self.style_class = self.root.get("class", "in-text")
        self.disambiguation = disambiguation.Options.of(self.root)
        term = lambda name, default: str(self.root.get_single_term(name) or default)  # noqa: E731
        self.quotes = ((term("open-quote", "“"), term("close-quote", "”")),
                       (term("open-inner-quote", "‘"), term("close-inner-quote", "’")))

    def finish(self, text: str) -> str:
        """Rendered markup made final: punctuation and quotation marks (see :func:`tidy`)."""
        return quotes.resolve(tidy(text, self.piq), *self.quotes)


@functools.lru_cache(maxsize=64)
def _compiled(path: str, mtime: float, locale: str | None, terms: tuple) -> CompiledStyle:
    return CompiledStyle(path, locale, terms)


def compile_style(path: str, locale: str | None = None, terms: tuple = ()) -> CompiledStyle:
    """The style at ``path`` for ``locale`` (its default locale when None), with term
    overrides ``terms`` (``(lang, name, form, text)`` tuples), cached."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError as exc:
        raise UsageError(f"cannot read style {path}: {exc.strerror}") from None
    try:
        return _compiled(path, mtime, locale, tuple(terms))
    except etree.XMLSyntaxError as exc:
        raise UsageError(f"{path}: not a CSL style: {exc}") from None


# ------------------------------------------------------------------ items

_MEMO_STATE = memo._state     # memo's per-thread state: its stack of macros being tracked
_NOT_FROZEN = object()


class _Reference(CiteprocReference):
    """citeproc-py's reference without its key check (which knows 11 name variables).

    Every field access is reported to :mod:`.memo`, which keys memoized macro output on
    the fields a macro actually read; :meth:`frozen` gives those fields' values in
    hashable form, cached until the field is set again."""

    def __init__(self, key: str, type_: str, data: dict):
        dict.__init__(self)
        self.update(data)
        self["key"] = key
        self["type"] = type_

    def __setitem__(self, key, value):
        self.__dict__.pop("_frozen", None)
        dict.__setitem__(self, key, value)

    # Variables are stored with "_" (citeproc-py's spelling); citeproc-py asks for name
    # variables as the style spells them ("container-author"), so a key with "-" is read
    # as its "_" twin, or no variable with a hyphen in its name would ever print.

    # memo.note_read inlined (these run ~200 times per entry): the read is noted only
    # while a memoized macro is being rendered
    def __getitem__(self, key):
        if "-" in key:
            key = key.replace("-", "_")
        reads = _MEMO_STATE.__dict__.get("reads")
        if reads:
            reads[-1][key] = None
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            raise VariableError from None

    def get(self, key, default=None):
        if "-" in key:
            key = key.replace("-", "_")
        reads = _MEMO_STATE.__dict__.get("reads")
        if reads:
            reads[-1][key] = None
        return dict.get(self, key, default)

    def __contains__(self, key):
        if "-" in key:
            key = key.replace("-", "_")
        reads = _MEMO_STATE.__dict__.get("reads")
        if reads:
            reads[-1][(memo.PRESENT, key)] = None     # only presence was asked for
        return dict.__contains__(self, key)

    def frozen(self, key):
        """The value of field ``key`` in hashable form (``(memo.PRESENT, field)``: only
        whether the field is there)."""
        cache = self.__dict__.get("_frozen")
        if cache is None:
            cache = self.__dict__["_frozen"] = {}
        value = cache.get(key, _NOT_FROZEN)
        if value is not _NOT_FROZEN:
            return value
        if type(key) is tuple:
            value = cache[key] = dict.__contains__(self, key[1])
        else:
            value = cache[key] = memo.freeze(dict.get(self, key, memo.MISSING))
        return value


_NAMES = frozenset(v.replace("-", "_") for v in NAME_VARIABLES)
_DATES = frozenset(v.replace("-", "_") for v in DATE_VARIABLES) | {"container"}
#: values printed as typed: identifiers and links, whose quotes are no markup
_VERBATIM = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "call_number", "citation_key"})
_NAME_KEYS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix")


def _name(data: dict) -> CiteprocName:
    data = nameparse.parse(data)        # particles typed in family/given (.nameparse)
    if data.get("literal"):
        return CiteprocName(literal=markup.escape(str(data["literal"])))
    parts = {k: markup.escape(str(data[k])) for k in _NAME_KEYS if data.get(k)}
    if not parts:
        return CiteprocName(literal="")
    if data.get("comma-suffix") and parts.get("suffix"):
        return _CommaSuffixName(**parts)
    return CiteprocName(**parts)


class _CommaSuffixName(CiteprocName):
    """A name whose suffix is printed after a comma (CSL-JSON ``comma-suffix``: "John
    Doe, Jr."); a class of its own, so memoized macros (:mod:`.memo`) tell it apart."""

    comma_suffix = True


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _single(parts: Sequence) -> dict | None:
    out = {}
    for key, value in zip(("year", "month", "day"), parts):
        number = _int(value)
        if number is None or (key != "year" and number == 0):
            break
        if key == "month" and not 1 <= number <= 12:
            # CSL-JSON months 13–24 are the seasons (13/21 spring … 16/24 winter), as
            # citeproc-js reads them; another number is no month
            if 13 <= number <= 24:
                out["season"] = (number - 13) % 4 + 1
            break
        out[key] = number
    return out if "year" in out else None


def _date(data: Any):
    if isinstance(data, str):
        return LiteralDate(markup.escape(data))
    if not isinstance(data, dict):
        return None
    circa = bool(data.get("circa"))
    ranges = [_single(p) for p in data.get("date-parts") or [] if p]
    ranges = [r for r in ranges if r]
    season = _int(data.get("season"))
    if ranges:
        if season and "month" not in ranges[0]:
            ranges[0]["season"] = season
        if len(ranges) == 1:
            return Date(circa=circa, **ranges[0])
        return DateRange(begin=Date(**ranges[0]), end=Date(**ranges[1]), circa=circa)
    if data.get("literal"):
        return LiteralDate(markup.escape(str(data["literal"])), circa=circa)
    if data.get("raw"):
        year = re.match(r"^\s*(\d{4})", str(data["raw"]))
        if year:
            return Date(circa=circa, year=int(year.group(1)))
        return LiteralDate(markup.escape(str(data["raw"])), circa=circa)
    return None


def to_citeproc_reference(item: dict) -> _Reference:
    """A CSL-JSON item as citeproc-py's reference object (values escaped, see markup);
    variables in the note's ``key: value`` lines are read as citeproc-js reads them."""
    item = citelabel.apply(notefields.apply(item))
    data: dict[str, Any] = {}
    for key, value in item.items():
        if key in ("id", "type") or value is None:
            continue
        pkey = key.replace("-", "_")
        if pkey == "shortTitle":
            pkey = "title_short"
        if pkey in _NAMES:
            if isinstance(value, list):
                data[pkey] = [_name(v) for v in value if isinstance(v, dict)]
        elif pkey in _DATES:
            date = _date(value)
            if date is not None:
                data[pkey] = date
        elif pkey == "language":
            data[pkey] = str(value)
        elif isinstance(value, (str, int, float)):
            if str(value) != "":
                text = str(value) if pkey in _VERBATIM else quotes.mark(str(value))
                data[pkey] = markup.rich_text(text)
    return _Reference(str(item.get("id", "")).lower(), item.get("type", "document"), data)


class _Item(CitationItem):
    """A cited item bound to its reference and number (no list scans)."""

    def __init__(self, key: str, reference, number: int, **options):
        dict.__init__(self)
        self.update(options)
        dict.__setitem__(self, "key", key)
        # plain instance attributes (read ~150 times per entry; a property costs 3x)
        object.__setattr__(self, "reference", reference)
        object.__setattr__(self, "number", number)

    reference = number = None       # non-data: the instance's own values win

    def get_field(self, field):
        value = self.reference.get(field)
        return None if value is None else str(value)


class _Citation(Citation):
    def __init__(self, cites, numbers: dict[str, int], requests: dict | None = None):
        for cite in cites:
            dict.__setitem__(cite, "citation", self)
        dict.__init__(self)
        dict.__setitem__(self, "cites", cites)
        dict.__setitem__(self, "numbers", numbers)
        dict.__setitem__(self, "requests", requests)


# ------------------------------------------------------------------ rendering

class _Failed(Exception):
    """A record already known not to render (its reading, sorting or disambiguation failed)."""


def _why(exc: BaseException) -> str:
    """An exception as one line: its type and message."""
    if isinstance(exc, _Failed):
        return str(exc)
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def fallback(item: dict, error: str) -> str:
    """The entry of a record the style could not render: its first name, title, year and
    id as they are, then the reason, so that the list stays whole and the gap is plain."""
    names = item.get("author") or item.get("editor") or []
    first = names[0] if isinstance(names, list) and names and isinstance(names[0], dict) else {}
    who = str(first.get("literal") or " ".join(str(first[k]) for k in ("family", "given") if first.get(k)))
    issued = item.get("issued")
    year = ""
    if isinstance(issued, dict) and issued.get("date-parts"):
        try:
            year = str(issued["date-parts"][0][0])
        except (IndexError, TypeError, KeyError):
            year = ""
    parts = [p for p in (who, markup.plain(str(item.get("title") or "")), year) if p]
    text = ". ".join(parts)
    reason = f"[not rendered: {item.get('id', '?')}: {error}]"
    return markup.escape(f"{text}. {reason}" if text else reason)


@dataclass
class Entry:
    """One rendered bibliography entry in HTML-ish markup (escaped text, <i> <b> …)."""

    id: str
    body: str
    margin: str = ""
    #: why the record could not be rendered in the style (the body is then a fallback)
    error: str | None = None

    @property
    def markup(self) -> str:
        return f"{self.margin} {self.body}" if self.margin else self.body


_QUOTE_PUNCT = re.compile(r"(’?”)((?:</[a-z]+>)*)([.,])")
_MARKER_PUNCT = re.compile(f"(’?[{quotes.CLOSE}{quotes.CLOSE_FIXED}]+)((?:</[a-z]+>)*)([.,])")


def _into_quotes(match) -> str:
    closes = match.group(1)
    if quotes.CLOSE_FIXED in closes:        # the value's own punctuation stays where it is
        return match.group(0)
    if closes.startswith("’") and not quotes.closes_single(match.string, match.start()):
        # an apostrophe ending the value ("The Writers’") is no quote to move into
        return "’" + match.group(3) + closes[1:] + match.group(2)
    return match.group(3) + closes + match.group(2)
_DOUBLE_PUNCT = re.compile(r"([.?!])((?:</[a-z]+>)*)\.(?!\.)")
_SPACE_BEFORE_PUNCT = re.compile(r" +([.,;:])(?= |$)")


def tidy(text: str, piq: bool) -> str:
    """Punctuation the CSL specification asks for and citeproc-py does not do: a period
    or comma moved inside closing quotes where the locale says ``punctuation-in-quote``,
    and a period dropped after a ``?``/``!``/``.`` it would double."""
    if not text:
        return text
    if piq:
        if quotes.CLOSE in text:
            text = _MARKER_PUNCT.sub(_into_quotes, text)
        text = _QUOTE_PUNCT.sub(quotes.into_double, text)
        if "‘" in text:
            text = quotes.SINGLE_PUNCT.sub(quotes.into_single, text)
    text = _DOUBLE_PUNCT.sub(lambda m: m.group(1) + m.group(2), text)
    return text.replace(" \u00a0", "\u00a0")


def _suffix_letters(k: int) -> str:
    """0 → a, 25 → z, 26 → aa (as citeproc-js counts)."""
    out = ""
    k += 1
    while k:
        k, rest = divmod(k - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _sort_element(parent):
    """The cs:sort child (``parent.sort`` is a method on cs:bibliography)."""
    return parent.find(f"{{{CSL_NS}}}sort")


class Processor:
    """Renders items with one style; per-item locales give per-item terms."""

    def __init__(self, style_path: str, locale: str | None = None, terms: tuple = ()):
        self.style_path = style_path
        self.terms = tuple(terms)
        if locale:
            check_locale(locale)
        self.default = compile_style(style_path, locale, self.terms)
        self.locale = self.default.locale

    @property
    def _name(self) -> str:
        """The style's file name without .csl, for progress bars."""
        return os.path.splitext(os.path.basename(self.style_path))[0]

    def style_for(self, locale: str | None) -> CompiledStyle:
        if not locale or locale == self.locale:
            return self.default
        return compile_style(self.style_path, locale, self.terms)

    # -- sorting

    def order(self, refs: list[_Reference], locales: list[str | None] | None = None,
              sort: str | None = None) -> list[int]:
        """Indexes of ``refs`` in bibliography order (the style's cs:sort, or ``sort``:
        "none" keeps input order)."""
        indexes = list(range(len(refs)))
        bib = self.default.root.bibliography
        if sort == "none" or bib is None or _sort_element(bib) is None:
            return indexes
        numbers = {ref["key"]: i + 1 for i, ref in enumerate(refs)}
        locale_of = [(locales[i] if locales else None) or None for i in indexes]

        def column(position: int, wanted: list[int]) -> list:
            # key ``position`` of the records ``wanted``, each with its locale's style
            # (fixes.sort_items asks a later key only for records tied before it)
            values = {}
            groups: dict[str | None, list[int]] = {}
            for i in wanted:
                groups.setdefault(locale_of[i], []).append(i)
            for locale, members in groups.items():
                style = self.style_for(locale)
                sort_el = _sort_element(style.root.bibliography)
                key = sort_el.findall("cs:key", sort_el.nsmap)[position]
                items = [_Item(refs[i]["key"], refs[i], numbers[refs[i]["key"]]) for i in members]
                values.update(zip(members, key.sort_keys(items, style.root.bibliography.layout)))
                progress.advance(len(members) if position == 0 else 0)
            return [values[i] for i in wanted]

        with _lock, progress.task(f"{self._name}: sorting", len(refs)):
            sort_el = _sort_element(bib)
            proxies = [_Item(refs[i]["key"], refs[i], i + 1) for i in indexes]
            ordered = fixes.sort_items(sort_el, proxies, self.default.root.bibliography.layout,
                                       self.locale, column)
        return [p.number - 1 for p in ordered]

    # -- disambiguation

    def disambiguate(self, refs: list[_Reference], order: list[int],
                     ids: list[str] | None = None, met: list | None = None) -> dict[int, disambiguation.Outcome]:
        """Disambiguate the cites of ``refs`` (see :mod:`.disambiguation`); ``order`` is
        their bibliography order, which year-suffixes follow.  Sets each work's
        ``year_suffix`` and returns the outcome per index of the works it changes."""
        options = self.default.disambiguation
        for ref in refs:
            dict.pop(ref, "year_suffix", None)
        if not options.active:
            return {}
        ids = ids if ids is not None else [ref["key"] for ref in refs]
        def scan(index, request):
            progress.advance()
            return self._scan(refs[index], request)

        with progress.task(f"{self._name}: disambiguating", unit="cites"):
            outcomes = disambiguation.resolve(len(refs), ids, order, options, scan, met)
        for index, outcome in outcomes.items():
            if outcome.suffix is not None:
                refs[index]["year_suffix"] = String(_suffix_letters(outcome.suffix))
        return outcomes

    def _scan(self, ref: _Reference, request) -> tuple[str, list]:
        """The text of ``ref``'s cite rendered with ``request``, and the name lists met."""
        with _lock:
            citation_el = self.default.root.citation
            citation_el.cites = []
            layout = citation_el.layout
            layout.repressed = {}
            fixes._state.disambig = request
            fixes._state.probe = probes = []
            fixes._state.scan = True
            try:
                # what Layout.render_citation does for a single cite, without its
                # sorting and bookkeeping
                output = layout.render_children(_Item(ref["key"], ref, 1))
            except VariableError:
                output = None
            finally:
                fixes._state.disambig = None
                fixes._state.probe = None
                fixes._state.scan = False
            text = str(layout.format(layout.wrap(layout.join([output] if output is not None else []))))
        if "<" in text or "&" in text:
            text = markup.plain(text)
        return text, probes

    def _requests(self, outcomes: dict, mode: str) -> dict[int, disambiguation.Request]:
        """Per work index, what its rendering in ``mode`` is asked to show."""
        out = {}
        for index, outcome in outcomes.items():
            request = outcome.request(mode, self.default.disambiguation)
            if request is not None:
                out[index] = request
        return out

    # -- bibliography

    def bibliography(self, items: list[dict], locales: list[str | None] | None = None,
                     sort: str | None = None) -> list[Entry]:
        with gc_paused():
            return self._bibliography(items, locales, sort)

    def _safe_references(self, items: list[dict], failed: dict[int, str]) -> list[_Reference]:
        """Each item as a reference; one that cannot be read becomes an empty one,
        its error kept in ``failed`` (by index)."""
        refs = []
        for index, item in enumerate(items):
            try:
                refs.append(to_citeproc_reference(item))
            except Exception as exc:        # one bad record must not take the list down
                failed[index] = _why(exc)
                refs.append(_Reference(str(item.get("id", index)).lower(), "document", {}))
        return refs

    def _safe_order(self, refs, locales, sort, failed: dict[int, str]) -> list[int]:
        """The bibliography order; when sorting fails, the records it fails on (each
        tried alone) go last, the others are sorted as usual."""
        try:
            return self.order(refs, locales, sort)
        except Exception:
            pass
        good = []
        for index, ref in enumerate(refs):
            try:
                self.order([ref], [locales[index]] if locales else None, sort)
                good.append(index)
            except Exception as exc:
                failed.setdefault(index, _why(exc))
        try:
            ordered = self.order([refs[i] for i in good], [locales[i] for i in good] if locales else None, sort)
            ordered = [good[i] for i in ordered]
        except Exception:
            ordered = good
        return ordered + [i for i in range(len(refs)) if i not in set(good)]

    def _safe_disambiguate(self, refs, order, ids, failed: dict[int, str], met: list | None = None) -> dict:
        """Disambiguation; when it fails, it is done without the records it fails on
        (``met``, each work's cite name lists, is then left empty)."""
        try:
            return self.disambiguate(refs, order, ids, met)
        except Exception:
            if met is not None:
                met.clear()
        for index, ref in enumerate(refs):
            try:
                self.disambiguate([ref], [0], [ids[index]])
            except Exception as exc:
                failed.setdefault(index, _why(exc))
        keep = [i for i in range(len(refs)) if i not in failed]
        position = {i: n for n, i in enumerate(keep)}
        try:
            sub = self.disambiguate([refs[i] for i in keep], [position[i] for i in order if i in position],
                                    [ids[i] for i in keep])
        except Exception:
            return {}
        return {keep[n]: outcome for n, outcome in sub.items()}

    def _bibliography(self, items: list[dict], locales: list[str | None] | None,
                      sort: str | None) -> list[Entry]:
        failed: dict[int, str] = {}
        refs = self._safe_references(items, failed)
        order = self._safe_order(refs, locales, sort, failed)
        met: list = []
        outcomes = self._safe_disambiguate(refs, order, [str(item.get("id", "")) for item in items], failed, met)
        requests = self._requests(outcomes, disambiguation.BIBLIOGRAPHY)
        live = bibnames.LiveNames.of(self.default.disambiguation, refs, met)
        entries = []
        substitute = self.default.root.bibliography.get("subsequent-author-substitute") \
            if self.default.has_bibliography else None
        previous = None
        with _lock:
            for number, index in progress.each(enumerate(order, start=1), f"{self._name}: rendering",
                                               len(order)):
                style = self.style_for(locales[index] if locales else None)
                if not style.has_bibliography:
                    raise UsageError(f"style {os.path.basename(self.style_path)} has no bibliography")
                layout = style.root.bibliography.layout
                ref = refs[index]
                item = _Item(ref["key"], ref, number)
                fixes._state.disambig = requests.get(index)
                if live is not None:
                    fixes._state.disambig = live.request(index, fixes._state.disambig)
                try:
                    if index in failed:
                        raise _Failed(failed[index])
                    margin, body = layout.render_entry(item)
                except VariableError:
                    margin, body = "", None
                except Exception as exc:    # this record only: a fallback entry, the list goes on
                    error = failed.get(index) or _why(exc)
                    body = fallback(items[index], error)
                    entries.append(Entry(str(items[index].get("id", "")),
                                         f"{number}. {body}" if style.numeric else body, "", error))
                    previous = None
                    continue
                finally:
                    fixes._state.disambig = None
                if substitute is not None and body is not None:
                    # the names are compared and replaced without their role label
                    # ("Doe, John" of "Doe, John, ed."), as CSL 1.0.2 and citeproc-js do;
                    # a complete match is replaced whole by every rule (the partial rules'
                    # name-by-name matches are not done)
                    first = layout.first_names()
                    names = getattr(first, "names_only", None) or first
                    # compared: the names printed (without "and", "et al."); names from
                    # cs:substitute (key None) are neither replaced nor compared with
                    key = getattr(first, "key", (names,)) if names else None
                    body = str(body)
                    if key is not None and key == previous:
                        # a names list ending in "." shared that period with the delimiter
                        target = names[:-1] if names.endswith(".") and names[:-1] in body else names
                        replacement = markup.escape(substitute) + ("." if target != names else "")
                        body = body.replace(target, replacement, 1)
                    if key is not None or not names:
                        previous = key
                entries.append(Entry(str(items[index].get("id", "")), style.finish(str(body or "")),
                                     str(margin or "")))
        return entries

    # -- citations

    def citations(self, items: list[dict], clusters: Iterable[list[dict]],
                  numbers: dict[str, int] | None = None) -> list[str]:
        """Each cluster (a list of ``{"id", "locator", "label", "prefix", "suffix"}``)
        rendered as the style's in-text citation.  ``numbers`` gives citation numbers
        by id (the bibliography order); by default the order of first citation."""
        with gc_paused():
            return self._citations(items, clusters, numbers)

    def _citations(self, items: list[dict], clusters: Iterable[list[dict]],
                   numbers: dict[str, int] | None) -> list[str]:
        listed = [to_citeproc_reference(item) for item in items]
        refs = {ref["key"]: ref for ref in listed}
        clusters = [list(cluster) for cluster in clusters]
        if numbers is None:
            numbers = {}
            for cluster in clusters:
                for cite in cluster:
                    key = str(cite["id"]).lower()
                    if key in refs and key not in numbers:
                        numbers[key] = len(numbers) + 1
            order = self.order(listed)
        else:
            numbers = {str(k).lower(): v for k, v in numbers.items()}
            order = sorted(range(len(listed)), key=lambda i: numbers.get(listed[i]["key"], len(listed) + i))
        outcomes = self.disambiguate(listed, order, [str(item.get("id", "")) for item in items])
        requests = {listed[i]["key"]: r for i, r in self._requests(outcomes, disambiguation.CITATION).items()}
        style = self.default
        out = []
        with _lock:
            citation_el = style.root.citation
            citation_el.cites = []
            for cluster in clusters:
                cites = []
                for cite in cluster:
                    key = str(cite["id"]).lower()
                    options = {}
                    if cite.get("locator"):
                        options["locator"] = Locator(cite.get("label", "page"), str(cite["locator"]))
                    for extra in ("prefix", "suffix"):
                        if cite.get(extra):
                            # straight quotes in a cite's affix are quotes too (.quotes)
                            options[extra] = markup.escape(quotes.mark(cite[extra]))
                    cites.append(_Item(key, refs.get(key), numbers.get(key, 0), **options))
                citation = _Citation(cites, numbers, requests)
                text = style.root.citation.layout.render_citation(citation, lambda c: None)
                out.append(style.finish(str(text)))
        return out
