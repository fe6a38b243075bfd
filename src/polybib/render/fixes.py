"""Where citeproc-py departs from the CSL specification, the corrected element classes.

citeproc-py builds a style as a tree of lxml elements whose Python classes do the work.
:mod:`.engine` parses styles with its own class lookup, so each fix here is a subclass of
the citeproc-py element it corrects, used only by polybib's parser: citeproc-py itself is
left untouched (bare citeproc-py stays measurable side by side).  The departures fixed:

* **Left-margin citation number** (``second-field-align``): citeproc-py glues the number
  to the entry (``[1]С. М.``); :class:`Layout` keeps the first field apart, as
  citeproc-js does, and the output writers put a space (text), a tab (RTF) or a
  ``csl-left-margin`` block (HTML) between.
* **Text case**: title case only for English items and never on non-Latin words;
  spacing and markup kept (:mod:`.casing`).
* **Sorting**: by alphabet, not by code point (:mod:`.sorting`).
* **Name variables citeproc-py does not know** (``director``, ``compiler``, ``chair`` …):
  handled like the others in rendering and sorting instead of crashing.
* **Substitution**: every variable rendered by a ``cs:substitute`` branch is suppressed in
  the rest of the entry, also when the branch is a macro (the title that stood in for a
  missing author is not repeated).
* **initialize="false"**: full given names are kept (Chicago, MLA); only existing initials
  take the ``initialize-with`` punctuation.
* **Citation numbers and lookups in constant time** (citeproc-py does ``list.index`` per
  item, quadratic on long lists).
* **Disambiguation** (:mod:`.disambiguation`; citeproc-py does none): :class:`Name`
  shows as many names and as much of each given name as the cite's or entry's request
  says, and the ``disambiguate`` condition holds only for cites that need it (citeproc-py
  took every ``<if disambiguate="true">``).
* **Shorthand cs:names** (no cs:name child) anywhere inside cs:substitute, also within a
  cs:choose, inherit the name options and label of the enclosing cs:names; a cs:names
  without cs:name elsewhere gets polybib's :class:`Name`, not citeproc-py's.
* **Name sort keys**: the names only (no "et al.", "and" or role label), word by word
  (``Quine`` before ``Quinet``).
* **Literal dates** ("1991/") stand where the year would: a cs:date showing only month or
  day shows nothing of them.
* **is-numeric** takes a number in brackets ("399, [1]": a page count with an unnumbered
  page).
"""
from __future__ import annotations

import re
import threading

from citeproc import model as m
from citeproc.source import DateRange, LiteralDate, VariableError
from citeproc.string import MixedString, NoCase, String
from lxml import etree

from ..model import NAME_VARIABLES
from . import casing, collapse, display, quotes, seams
from .disambiguation import Probe as _Probe
from .memo import Macro
from .sorting import WORD_BREAK, sort_key_for

#: a letter of a script whose names are written "given family" or "family, given"
#: (citeproc-js's ROMANESQUE_REGEXP: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai)
_ROMANESQUE = re.compile("[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f"
                         "\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u0218-\u021b]")
_NAME_VARS = frozenset(v.replace("-", "_") for v in NAME_VARIABLES)
_state = threading.local()


def _layout(element):
    """The cs:layout an element renders in (cached: citeproc-py asks XPath every time)."""
    cache = _state.__dict__.setdefault("layouts", {})
    layout = cache.get(element)
    if layout is None:
        layout = element.get_layout()
        cache[element] = layout
    return layout


def _repressed(context, variable: str) -> bool:
    return variable in _layout(context).repressed.get("*", ())


class _Frame:
    __slots__ = ("called", "rendered")

    def __init__(self):
        self.called: set = set()
        self.rendered: set = set()


def _record(variable: str) -> None:
    """Note a rendered variable in the innermost frame (a group, a macro call or a
    substitute branch being rendered), so it can tell which variables its output used."""
    frames = getattr(_state, "frames", None)
    if frames:
        frames[-1].rendered.add(variable)
        frames[-1].called.add(variable)


def _called(variable: str) -> None:
    """Note that a variable was asked for (rendered or not) in the innermost frame."""
    frames = getattr(_state, "frames", None)
    if frames:
        frames[-1].called.add(variable)


def _push() -> None:
    _state.__dict__.setdefault("frames", []).append(_Frame())


def _pop() -> _Frame:
    return _state.frames.pop()


def _merge(frame: _Frame, kept: bool = True) -> None:
    """Fold a finished group's (or macro's) frame into the enclosing one, the way
    citeproc-js does: a kept group counts as rendered content for its parent even when
    it holds only terms ("[Online]"); a suppressed one passes on only the variables it
    called, so a parent holding it and terms is suppressed too."""
    frames = getattr(_state, "frames", None)
    if not frames:
        return
    frames[-1].called.update(frame.called)
    if kept:
        frames[-1].rendered.update(frame.rendered)
        frames[-1].rendered.add("<group>")


def _empty(frame: _Frame) -> bool:
    """CSL group rule, evaluated on what was actually rendered (citeproc-py counts the
    variables of untaken cs:choose branches too): some variable called, none rendered."""
    return bool(frame.called) and not frame.rendered


# ------------------------------------------------------------------ numbers

#: a roman numeral (front matter pages "iii–xv"): a number to CSL, as to citeproc-js
_ROMAN = r"(?=[ivxlcdm]|[IVXLCDM])(?:m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![^\W\d_])"
_ARABIC = r"[^\W\d_]*\d+[^\W\d_]*"
#: a number in a range or list: roman numerals too (pages "iii–xv"); is-numeric takes
#: arabic numbers only ("Vol. XIV" is no number to citeproc-js)
_NUM = rf"(?:{_ARABIC}|{_ROMAN})"
_RANGE = re.compile(rf"^\s*({_NUM})\s*[-–—]\s*({_NUM})\s*$")
# a number may stand in brackets: "399, [1]" (399 pages and one unnumbered, as Russian
# catalogues write it)
# is-numeric takes Latin affixes only ("2nd"; "4е" with a Cyrillic "е" is text to citeproc-js)
_ARABIC_LATIN = r"[A-Za-z]*\d+[A-Za-z]*"
_BRACKETED = rf"(?:{_ARABIC_LATIN}|\[{_ARABIC_LATIN}\])"
#: a number joined by a hyphen to a word ("4-е", "2-е изд."): a number to citeproc-js, and
#: more than one ("4th-е eds."); only the number takes the ordinal form
_NUMBER_HYPHEN_WORD = re.compile(r"^\s*(\d+)(-[^\W\d_].*)$", re.S)
#: a comma joins numbers only with a space after it: "558,757" is one token to citeproc-js,
#: and no number ("D558,757": a design patent's number takes no "no." label)
_NUMERIC = re.compile(rf"^\s*{_BRACKETED}(?:\s*(?:[-–—&]|,(?=\s)|and)\s*{_BRACKETED})*\s*$")
#: numbers joined by slashes ("2016/679", "12/2019"): a number to citeproc-js (as a
#: regulation's or a series' number), letters anywhere make it text ("2016/679/EU")
_SLASHED = re.compile(r"^\s*\d+(?:/\d+)+\s*$")
#: (a number inside a larger token does not count: "05006.1-4" is article 05006, pages
#: 1-4, one locator to citeproc-js, labelled "p.")
#: a comma joins numbers only with a space after it ("1, 2"); citeproc-js reads "1,2" as
#: one number
_MULTIPLE = re.compile(rf"(?<![\w.]){_NUM}(?:\s*(?:[-–—&]|,(?=\s)|and\b|et\b|und\b|и\b)\s*)+{_NUM}(?![\w.])")
_LOCATOR_RANGE = re.compile(r"(?<=\d)\s*[-\u2013]\s*(?=\w)")
NUMBER_VARIABLES = frozenset({
    "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
    "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
    "part-number", "printing-number", "section", "supplement-number", "version", "volume"})


def is_numeric(value) -> bool:
    """CSL is-numeric: numbers with affixes, and lists or ranges of them ("2-4", "1, 3",
    "399, [1]")."""
    if isinstance(value, NoCase) or (isinstance(value, MixedString)
                                     and any(isinstance(piece, NoCase) for piece in value)):
        return False        # a value with markup ("<span class="nocase">143</span>") is text
    value = str(value).replace("&amp;", "&")      # escaped on the way in
    return bool(_NUMERIC.match(value) or _NUMBER_HYPHEN_WORD.match(value) or _SLASHED.match(value))


def is_plural(value) -> bool:
    """More than one number: a range or a list ("1-3", "2, 5"), not "3(77)" nor "55/56"."""
    # reference values are HTML-escaped on the way in (.markup): "1 &amp; 2" is "1 & 2"
    value = str(value).replace("&amp;", "&")
    return bool(_MULTIPLE.search(value) or _NUMBER_HYPHEN_WORD.match(value))


def _expand(first: str, last: str) -> str:
    """An abbreviated second number written out: 321-28 → 328."""
    if first.isdecimal() and last.isdecimal() and len(last) < len(first):
        return first[:len(first) - len(last)] + last
    return last


_PREFIXED = re.compile(r"([^\W\d_]+)(\d+)")


def page_last(first: str, last: str, fmt: str | None) -> str:
    """The second number of a page range in CSL ``page-range-format`` ``fmt``; numbers
    with the same letter prefix (``S12–S18``, ``A1–A4``) are shortened as numbers, the
    prefix then left off the second (``S12–18``), as citeproc-js does."""
    if fmt and fmt != "expanded" and not (first.isdecimal() and last.isdecimal()):
        a, b = _PREFIXED.fullmatch(first), _PREFIXED.fullmatch(last)
        if a and b and a.group(1) == b.group(1) and a.group(1):
            return page_last(a.group(2), b.group(2), fmt)
    if not fmt or not (first.isdecimal() and last.isdecimal()):
        return last
    last = _expand(first, last)
    if not fmt or fmt == "expanded" or len(first) != len(last) or int(last) <= int(first):
        return last
    common = 0
    while common < len(first) - 1 and first[common] == last[common]:
        common += 1
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        if fmt != "chicago-16" and len(first) == 4 and len(first) - common >= 3:
            return last
        fmt = "minimal" if number % 100 < 10 else "minimal-two"
    if fmt == "minimal":
        return last[common:]
    if fmt == "minimal-two":
        return last[min(common, len(last) - 2):]
    return last


#: the joiners of a list of numbers ("1, 2", "1 & 2"; the value's "&" may be escaped)
_NUMBER_LIST = re.compile(r"(\s*(?:,|&amp;|&)\s*)")


_AMPERSAND = re.compile(r"(\s*&(?:amp;)?\s*)")


def _ampersand(joiner: str, before: str) -> str:
    """A number variable's "&" joiner as citeproc-js prints it: without spaces after an
    element that begins and ends with a Latin letter ("A&B"), else spaced ("1 & 2")."""
    amp = joiner.strip()
    return amp if casing.ASCII_WORD.match(before) else f" {amp} "


def _ampersands(text: str) -> str:
    """Every "&" joiner of a number variable's value as :func:`_ampersand`."""
    parts = _AMPERSAND.split(text)
    return "".join(_ampersand(part, parts[k - 1]) if k % 2 else part for k, part in enumerate(parts))


#: citeproc-js's split of a page number into a letter prefix and the number
#: ("LL16" is LL and 16, "S12" S and 12, "04" no prefix and 04)
_PAGE_PARTICLE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
#: a page value's own label, which citeproc-js drops for the style's ("pp. 3-7")
_PAGE_LABEL = re.compile(r"^\s*pp?\.\s*(?=\S)")
_PAGE_ROMAN = re.compile(r"^[ivxlcmIVXLCM]+$")


def _without_page_label(text: str) -> str:
    """A page value without a "p." or "pp." typed before it: citeproc-js reads it as the
    value's label and prints the style's label alone ("pp. 3–7", not "pp. pp. 3-7")."""
    return _PAGE_LABEL.sub("", text) if "p" in text[:4] else text


_DIGIT_CAPITAL = re.compile(r"\d[A-Z]")
_DIGIT = re.compile(r"\d")
_PAGE_LIST = re.compile(r"\s*(?:&|,\s+|;\s+|\band\b)\s*")
_OPEN_PAGE_RANGE = re.compile(r"[0-9]*[a-zA-Z]*[0-9]+[a-zA-Z]*\s*-")
_LOWER_ROMAN = re.compile(r"[ixv]+")


def _page_as_typed(part: str) -> bool:
    """Whether citeproc-js leaves the hyphens of a page range as typed: its ends carry
    different letter prefixes ("LL16-04", "S1-10", "A1-B4"), an end is no number
    ("n/a-n/a", "No Pagination Specified-…"), an end is a number with a point or colon
    in it ("1.5-2.5", "5:1-5:7"), the range is open ("123-") or has more than two ends
    ("C3-31-C3-31").  Only a range of two numbers (or two roman numerals) of the same
    prefix gets the dash."""
    text = part.strip()
    if "-" not in text or "--" in text:
        return False
    ends = [end.strip() for end in text.split("-")]
    if len(ends) != 2:
        return True
    first, last = ends
    if not first or not last:
        return bool(first)         # an open range "123-"; "-12" is no range to keep
    a, b = _PAGE_PARTICLE.match(first), _PAGE_PARTICLE.match(last)
    if a and b:
        # an upper-case letter after the number ("123A-125A") makes no range either
        return ((a.group(1) or "") != (b.group(1) or "")
                or bool(_DIGIT_CAPITAL.search(first + " " + last)))
    if _PAGE_ROMAN.match(first) and _PAGE_ROMAN.match(last):
        return False
    if not _DIGIT.match(first) or not _DIGIT.match(last):
        return not (a or _PAGE_ROMAN.match(first)) or not (b or _PAGE_ROMAN.match(last))
    return not b        # "05006.1-4" gets the dash, "1.5-2.5" and "5:1-5:7" do not


def page_is_plural(value) -> bool:
    """Whether citeproc-js labels a page value as more than one page: an open range
    ("123-") is; a range it keeps as typed because an end is no plain number
    ("5:1-5:7", "n/a-n/a"), an upper-case roman range ("IV-VII") and a list without a
    space after its comma ("1,2") are not."""
    text = _without_page_label(str(value).replace("&amp;", "&")).strip()
    parts = [p for p in _PAGE_LIST.split(text) if p]
    if len(parts) > 1:
        return True
    if _OPEN_PAGE_RANGE.fullmatch(text):
        return True
    if "-" in text and "--" not in text:
        ends = [end.strip() for end in text.split("-")]
        first = ends[0]
        if len(ends) == 2 and not _PAGE_PARTICLE.match(first) and not _LOWER_ROMAN.fullmatch(first):
            return False
    return is_plural(text)


class _Numbers:
    """CSL number handling: ranges get an en dash (or the page-range-delimiter term) only
    when both ends are numbers, and page ranges follow page-range-format exactly."""

    def _process(self, value, variable):
        is_page = variable.startswith("page")
        delimiter = (self.get_single_term(name="page-range-delimiter") if is_page else None) or "–"
        fmt = self.get_root().get_option("page-range-format") if variable == "page" else None

        def one(part: str) -> str:
            if is_page and _page_as_typed(part):
                return part.strip()
            found = _RANGE.match(part)
            joined = None if found or is_page else _NUMBER_HYPHEN_WORD.match(part)
            if joined:
                return f"{self.format_number(joined.group(1))}{joined.group(2).rstrip()}"
            if not found:
                if is_page and not fmt and "-" in part:
                    # no range of numbers ("05006.1-4"), yet citeproc-js puts the dash
                    # of a style without page-range-format in its hyphens; a run of
                    # hyphens ("3--52", TeX's dash) it leaves as typed
                    return re.sub(r"(?<!-)-(?!-)", delimiter, part.strip())
                return self.format_number(part.strip())
            first, last = found.groups()
            if variable == "page-first":
                return self.format_number(first)
            last = page_last(first, last, fmt) if variable == "page" else last
            return f"{self.format_number(first)}{delimiter}{self.format_number(last)}"

        text = str(value)
        if is_page:
            text = _without_page_label(text)
        if variable == "page-first":
            found = re.match(rf"\s*({_NUM})", text)
            return found.group(1) if found else text
        if not re.search(r"[-–—,&]", text):
            return self.format_number(text.strip()) if text.strip().isdecimal() else text
        out = []
        chunks = _NUMBER_LIST.split(text)
        for k, chunk in enumerate(chunks):
            if not _NUMBER_LIST.fullmatch(chunk or " "):
                out.append(one(chunk))
            elif "&" in chunk:
                out.append(_ampersand(chunk, chunks[k - 1]))
            else:
                out.append(chunk)
        if all(type(piece) is str for piece in out):
            return "".join(out)
        # an ordinal is markup (MixedString): "1 & 2" as an edition is "1st & 2nd"
        return MixedString([piece if isinstance(piece, (String, MixedString)) else String(piece)
                            for piece in out if piece])


#: the variables whose title case is left to the item's language: citeproc-js's
#: ``MULTI_FIELDS`` and the other titles (the CSL test suite's
#: textcase_TitleCaseWithVolumeTitle, citeproc-js issue 251, fixed after the 1.4.61 the
#: differential runs); every other text — edition, section, a macro's or a term's output —
#: is title-cased whatever the language, as citeproc-js does
_LANGUAGE_CASED = frozenset((
    "event", "publisher", "publisher-place", "event-place", "title", "container-title",
    "collection-title", "authority", "genre", "title-short", "medium", "country", "jurisdiction",
    "archive", "archive-place", "event-title", "original-title", "part-title", "reviewed-title",
    "volume-title"))


def _is_english(element, item) -> bool:
    """Whether ``text-case="title"`` applies to what ``element`` renders for ``item``.

    CSL 1.0.2: with an English (or no) default locale, items are English unless their
    language says otherwise; with a non-English default, only items marked English are.
    Only the variables of :data:`_LANGUAGE_CASED` are held to that: a macro's output, or
    a German record's edition, under ``text-case="title"`` is title-cased, as citeproc-js
    does."""
    if element.get("variable") not in _LANGUAGE_CASED:
        return True
    language = item.reference.get("language")       # no VariableError raised and caught
    language = "" if language is None else str(language)
    if language:
        return language.lower().startswith("en")
    root = element.get_root()
    english = _ENGLISH_DEFAULT.get(root)
    if english is None:
        default = root.get("default-locale", "en") or "en"
        english = _ENGLISH_DEFAULT[root] = default.lower().startswith("en")
    return english


_ENGLISH_DEFAULT: dict = {}     # style root → whether its default locale is English


class Text(_Numbers, m.Text):
    def render(self, *args, **kwargs):
        return display.wrap(self, super().render(*args, **kwargs), kwargs)     # CSL display

    def process(self, item, context=None, **kwargs):
        if "macro" in self.attrib:
            # citeproc-js treats a macro call like a group: when the macro calls variables
            # and none of them rendered, its terms and literals are not output either
            macro = self.get_macro(self.get("macro"))
            _push()
            try:
                text = macro.render(item, context=context if context is not None else self, **kwargs)
            finally:
                frame = _pop()
            if text is not None and _empty(frame):
                text = None
            _merge(frame, kept=text is not None)
            return text, _is_english(self, item)
        text, _language = super().process(item, context=context, **kwargs)
        if text and "term" in self.attrib and _state.__dict__.get("terms") is not None:
            _state.terms.append(str(text))      # for collapse.capitalize_term
        return text, _is_english(self, item)

    def quote(self, string):
        """``quotes="true"``: the text between quote markers, printed by nesting depth
        with the locale's terms once the entry is done (:mod:`.quotes`); typographic
        quotes typed inside become the inner pair, as citeproc-js does."""
        if self.get("quotes", "false").lower() != "true":
            return string
        open_q, close_q = self.get_single_term(name="open-quote"), self.get_single_term(name="close-quote")
        inner_open = self.get_single_term(name="open-inner-quote")
        inner_close = self.get_single_term(name="close-inner-quote")
        text = str(string)
        if open_q and inner_open:
            # typed quotes inside a quoted title become inner quotes: “… ‘The Visible’”
            text = text.replace(str(open_q), str(inner_open)).replace(str(close_q), str(inner_close))
        return String(quotes.OPEN + text + quotes.CLOSE)

    def markup(self, text, english):
        if text:
            case = self.get("text-case")
            text = self.strip_periods(text)
            if case == "capitalize-first" and self.get("variable") in NUMBER_VARIABLES \
                    and type(text) is String:
                # a number variable is a list to citeproc-js: each item capitalized
                # ("Ninth Dover printing, Tenth GPO printing", "Изд. 2-Е, Стереотипное")
                text = casing.number_list(case, text, english)
            else:
                text = casing.apply(case, text, english)
            return self.wrap(self.quote(self.format(text)))
        return None

    def _variable(self, item, context):
        variable = self.get("variable")
        if variable not in self.generated_variables:
            _called(variable)
        if _repressed(context, variable):
            return None
        if self.get("form") == "short":
            short = variable + "-short"
            if short.replace("-", "_") in item.reference:
                variable = short
        if variable.startswith("page"):
            text = self._process(item.reference.page, variable)
        elif variable in NUMBER_VARIABLES and variable != "citation-number" and variable != "locator":
            value = item.reference[variable.replace("-", "_")]
            if re.search(r"[-–—]", str(value)):
                text = String(self._process(value, variable))
            elif "&" in str(value) and type(value) in (str, String):
                text = String(_ampersands(str(value)))
            else:
                text = value
        elif variable == "citation-number":
            text = item.number
        elif variable == "locator":
            en_dash = self.unicode_character("EN DASH")
            # the locator as typed, trimmed, a range's hyphen an en dash without the
            # spaces around it ("100 - 103" → "100–103", as citeproc-js)
            text = _LOCATOR_RANGE.sub(en_dash, str(item.locator.identifier).strip()).replace("-", en_dash)
        else:
            text = item.reference[variable.replace("-", "_")]
        if variable == "citation-label" and text is not None:
            # the year-suffix follows the label where the style prints none itself
            # (citeproc-js; the label stands for author and year, .citelabel)
            suffix = _implicit_year_suffix(self, item, context)
            if suffix:
                text = String(str(text) + suffix)
                try:
                    _layout(context if context is not None else self).repressed["_ys"] = True
                except IndexError:
                    pass
        if text is not None and str(text) != "":
            _record(variable)
        return text


class Number(_Numbers, m.Number):
    def process(self, item, context=None, **kwargs):
        variable = self.get("variable")
        _called(variable)
        if _repressed(context if context is not None else self, variable):
            return None
        if variable == "locator":
            try:
                variable, value = item.locator.label, item.locator.identifier
            except (KeyError, VariableError):
                return None
        elif variable == "page-first":
            value = item.reference.page
        else:
            # citeproc-py looks up "number-of-pages" with the hyphen and never finds it
            value = item.reference[variable.replace("-", "_")]
        text = self._process(value, variable)
        if text:
            _record(variable)
        return text

    def markup(self, text):
        if text:
            return self.wrap(self.format(casing.apply(self.get("text-case"), self.strip_periods(text))))
        return None


class Label(m.Label):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        if kwargs.get("sort_options") and self.getparent().tag == _NAMES_TAG:
            return None             # a name list sorts by its names ("eds." aside)
        return super().process(item, variable, plural, context, **kwargs)

    def _is_plural(self, item):
        variable = self.get("variable")
        if variable == "locator":
            value = item.locator.identifier
        else:
            try:
                value = item.reference[variable.replace("-", "_")]
            except VariableError:
                return False
        if variable.startswith("number-of"):
            try:
                return int(str(value).strip()) > 1
            except ValueError:
                return is_plural(value)
        if variable == "page":
            return page_is_plural(value)
        return is_plural(value)

    def markup(self, text):
        if text:
            return self.wrap(self.format(casing.apply(self.get("text-case"), self.strip_periods(text))))
        return None


class Date_Part(m.Date_Part):
    def process(self, date, context=None):
        # citeproc-py copies the calling style's date-part attributes into the locale's
        # date-part for good; locales are shared between styles here, so undo that
        saved = dict(self.attrib)
        try:
            text = super().process(date, context)
            if self.get("name") == "year" and text and self.get("form", "long") == "long" \
                    and date.year < 1000:
                text = _year_era(date.year, str(text))
        finally:
            if dict(self.attrib) != saved:
                self.attrib.clear()
                self.attrib.update(saved)
        pending = getattr(_state, "year_suffix", None)
        if pending and self.get("name") == "year" and text:
            _state.year_suffix = None
            text = str(text) + pending
        return text

    def markup(self, text):
        if text:
            return self.wrap(self.format(casing.apply(self.get("text-case"), self.strip_periods(String(text)))))
        return None


def _year_era(year: int, text: str) -> str:
    """A year with its era as citeproc-js prints it: "AD" only below 500 (citeproc-py: below
    1000); in a range of years (``_state.range_era`` a list while one is rendered) neither
    end takes one, the first end's era is kept there to follow the range: "800–700 BC",
    "150–160 AD"."""
    digits = str(abs(year))
    era = text[len(digits):] if year < 500 and text.startswith(digits) else ""
    pending = getattr(_state, "range_era", None)
    if pending is None:
        return digits + era
    if not getattr(_state, "range_end", False):
        pending.append(era)
    return digits


def _implicit_year_suffix(element, item, context=None) -> str | None:
    """The year-suffix to append to the first issued year, when the style never renders
    the ``year-suffix`` variable itself (CSL: it then follows the first issued date)."""
    suffix = item.reference.get("year_suffix")
    if not suffix:
        return None
    root = element.get_root()
    explicit = getattr(root, "polybib_explicit_ys", None)
    if explicit is None:
        explicit = bool(root.xpath_search('.//cs:text[@variable="year-suffix"]'))
        root.polybib_explicit_ys = explicit
    if explicit:
        return None
    try:
        layout = _layout(context if context is not None else element)
    except IndexError:
        return str(suffix)
    if layout.repressed.get("_ys"):
        return None
    return str(suffix)


def _date_value(date, name):
    try:
        return getattr(date, name)
    except (AttributeError, KeyError, VariableError):
        if name == "month":
            # a season stands in the month's place (CSL 1.0.2 "Seasons"): "Spring–Summer 1999"
            return _date_value(date, "season")
        return None


_RANGE_TRAIL = re.compile(r"[\s,;:]+$")
_RANGE_LEAD = re.compile(r"^[\s,;:]+")


class Date(m.Date):
    def render_date_range(self, date_range, show_parts=None, context=None):
        """A date range as CSL and citeproc-js print it: the parts both ends share once,
        in the date's own order, and the differing run of parts of each end joined by
        the range delimiter of the largest part that differs (``2019 Jan–Mar``,
        ``November 2–6, 2020``).  citeproc-py put the shared parts after the range
        (``Jan–Mar2019``), lost the year where only it was shown, and took a style's own
        cs:date for the caller's context (which cannot join: a TypeError for the list)."""
        if context is None or not self.is_locale_date():
            context = self
        begin, end = date_range.begin, date_range.end
        if end is None or end.is_nil():
            return super().render_date_range(date_range, show_parts, context)
        shown = list(show_parts) if show_parts else ["year", "month", "day"]
        parts = [p for p in self.iterchildren() if p.get("name") in shown]
        names = [p.get("name") for p in parts]
        differ = [i for i, name in enumerate(names) if _date_value(begin, name) != _date_value(end, name)]
        if not differ:
            return self.render_single_date(begin, show_parts, context)

        def render(part, date):
            try:
                text = part.render(date, context)
            except VariableError:
                return None
            return None if text is None or str(text) == "" else str(text)

        def join(texts):
            texts = [t for t in texts if t]
            if not texts:
                return ""
            if self.is_locale_date() and self.get("delimiter") is None:
                return str(context.join(texts))
            return str(self.join(texts))

        largest = next(n for n in ("year", "month", "day") if n in {names[i] for i in differ})
        # the range repeats every part below the largest that differs, equal or not
        # ("May 3–June 3, 2004"; "December 10, 1998–December 12, 2004"), as citeproc-js
        covered = {"year": ("year", "month", "day"), "month": ("month", "day"), "day": ("day",)}[largest]
        spanned = [i for i, name in enumerate(names) if name in covered]
        lo, hi = spanned[0], spanned[-1]
        delimiter = None
        for holder in (context, self):
            found = holder.find(f"{{{_CSL}}}date-part[@name='{largest}']")
            if found is not None and found.get("range-delimiter") is not None:
                delimiter = found.get("range-delimiter")
                break
        if delimiter is None:
            delimiter = self.unicode_character("EN DASH")
        era = _state.range_era = [] if largest == "year" else None
        try:
            first = _RANGE_TRAIL.sub("", join(render(p, begin) for p in parts[lo:hi + 1]))
            _state.range_end = True
            last = _RANGE_LEAD.sub("", join(render(p, end) for p in parts[lo:hi + 1]))
        finally:
            _state.range_end = False
            _state.range_era = None
        if not first and not last:
            return None
        middle = f"{first}{delimiter}{last}" if first and last else (first or last)
        if era:
            middle += era[0]
        texts = [render(p, begin) for p in parts[:lo]] + [middle] + [render(p, end) for p in parts[hi + 1:]]
        return join(texts) or None

    def render_single_date(self, date, show_parts=None, context=None):
        # citeproc-py joins a localized date's parts with the calling cs:date's delimiter;
        # the delimiter belongs to the locale's cs:date ("2019 Feb 11" in Vancouver)
        if context is not None and context is not self:
            parts = self.parts(date, show_parts, context)
        else:
            parts = self.parts(date, show_parts)
        if not parts:
            return None
        if self.is_locale_date() and self.get("delimiter") is None and context is not None:
            return context.join(parts)
        return self.join(parts)

    def _sort_key(self, date, show_parts) -> str | None:
        """The date in a macro's sort key as citeproc-js writes it: digits that sort as
        the date (``1`` and the year, month, day, then the same for a range's end, zeros
        for the parts the cs:date does not show: ``119811123100000000``), not its
        display; a date given as text, or none, is nothing."""
        if date is None or isinstance(date, LiteralDate):
            return None
        if self.is_locale_date():
            shown = list(show_parts or ("year", "month", "day"))
        elif self.get("form") is not None:
            shown = (self.get("date-parts") or "year-month-day").split("-")
        else:
            shown = [part.get("name") for part in self.iterchildren()] or ["year", "month", "day"]
        begin, end = (date.begin, date.get("end")) if isinstance(date, DateRange) else (date, None)
        out = []
        for one in (begin, end):
            try:
                year = int(one.year) if one is not None and one.get("year") is not None else 0
            except (TypeError, ValueError):
                year = 0
            if one is begin and not year:
                return None
            out.append(f"0{9999 + year:04d}" if year < 0 else f"1{year:04d}")
            for part in ("month", "day"):
                value = one.get(part, 0) if one is not None and part in shown else 0
                try:
                    out.append(f"{int(value):02d}")
                except (TypeError, ValueError):
                    out.append("00")
        return "".join(out)

    def _shows_year(self, show_parts) -> bool:
        if self.is_locale_date():
            return "year" in (show_parts or ("year",))
        if self.get("form") is not None:
            return "year" in (self.get("date-parts") or "year-month-day").split("-")
        return any(part.get("name") == "year" for part in self.iterchildren())

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        name = variable or self.get("variable")
        if name:
            _called(name)
        if name and not self.is_locale_date() and _repressed(context if context is not None else self, name):
            return None
        if name and kwargs.get("sort_options"):
            key = self._sort_key(item.reference.get(name.replace("-", "_")), show_parts)
            if key:
                _record(name)
            return key
        if name and isinstance(item.reference.get(name.replace("-", "_")), LiteralDate) \
                and not self._shows_year(show_parts):
            # a date given as text stands where its year would: a cs:date showing only
            # the month or day shows nothing of it
            return None
        implicit = name == "issued" and not self.is_locale_date() and _implicit_year_suffix(self, item, context)
        if implicit:
            _state.year_suffix = implicit
        try:
            text = super().process(item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            if implicit:
                if getattr(_state, "year_suffix", None) is None:
                    try:
                        _layout(context if context is not None else self).repressed["_ys"] = True
                    except IndexError:
                        pass
                _state.year_suffix = None
        if text and name:
            _record(name)
        return text


_CSL = "http://purl.org/net/xbiblio/csl"
_NAMES_TAG = "{http://purl.org/net/xbiblio/csl}names"
_NAME_TAG = "{http://purl.org/net/xbiblio/csl}name"
_SHORTHAND: dict = {}


def _shorthand_of(names):
    """The cs:names whose cs:name (and label) a shorthand cs:names — one without a
    cs:name, anywhere inside a cs:substitute, also within a cs:choose — inherits."""
    try:
        return _SHORTHAND[names]
    except KeyError:
        found = None
        if names.name is None:
            hits = names.xpath_search("ancestor::cs:substitute[1]/parent::cs:names[1]")
            found = hits[0] if hits else None
        _SHORTHAND[names] = found
        return found


_NAMED: set = set()


def _ensure_name(names) -> None:
    """Give a cs:names without cs:name an empty one, made by the style's own parser (so
    of polybib's :class:`Name`): citeproc-py would insert its own class, which renders
    with none of the corrections here."""
    if names in _NAMED:      # a cs:name child, once there, stays (fastpaths: speed)
        return
    if names.find(_NAME_TAG) is not None:
        _NAMED.add(names)
    else:
        name = etree.SubElement(names, _NAME_TAG)
        names.remove(name)
        names.insert(0, name)


class FirstNames(str):
    """The first names output of an entry, with ``names_only``: the cs:name text in it
    (no role label), which subsequent-author-substitute replaces, and ``key``: what it
    compares — the names printed, without "and" or "et al." (citeproc-js: "Doe, J., et
    al." repeats "Doe, J." when the list is cut to that name), or None for names that
    citeproc-js neither replaces nor compares with: those of a cs:substitute child after
    one with a cs:name of its own (MLA's editors, after its ``guest``), and a macro's or a
    cs:choose's text (a title, an authority) standing in for names."""

    def __new__(cls, text: str, names_only: str = "", silent: bool = False):
        self = super().__new__(cls, text)
        self.names_only = names_only if names_only and names_only in text else text
        key = getattr(names_only, "key", None) if self.names_only is names_only else None
        self.key = None if silent else (key or (self.names_only,))
        return self


class _NameList(str):
    """A name list's text with ``key``: each name as printed (:class:`FirstNames`)."""

    def __new__(cls, text: str, key: tuple):
        self = super().__new__(cls, text)
        self.key = key
        return self


class Names(m.Names):
    def process(self, item, names_context=None, context=None, **kwargs):
        if _state.__dict__.get("suppress_names") and not kwargs.get("sort_options"):
            # a collapsed cite (:mod:`.collapse`): its first names are left out
            try:
                repressed = _layout(context if context is not None else self).repressed
            except IndexError:
                repressed = None
            if repressed is not None and "_first_names" not in repressed:
                repressed["_first_names"] = ""
                return None
        if names_context is None:
            names_context = _shorthand_of(self)
        _ensure_name(names_context if names_context is not None else self)
        ctx = context if context is not None else self
        variables = self.get("variable", "").split()
        for variable in variables:
            _called(variable)
        live = [v for v in variables if not _repressed(ctx, v)]
        if len(live) != len(variables):
            if not live:
                raise VariableError
            saved = self.get("variable")
            self.set("variable", " ".join(live))
            try:
                return self._process(item, names_context, context, **kwargs)
            finally:
                self.set("variable", saved)
        return self._process(item, names_context, context, **kwargs)

    def _process(self, item, names_context, context, **kwargs):
        lists = _state.name_lists = []
        _state.text_substituted = False
        try:
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            _state.name_lists = None
            text_substituted = _state.__dict__.pop("text_substituted", False)
        if text and not kwargs.get("sort_options"):
            try:
                repressed = _layout(context if context is not None else self).repressed
            except IndexError:
                repressed = None
            if repressed is not None and "_first_names" not in repressed:
                # what subsequent-author-substitute compares and replaces: the names
                # (without their label, CSL 1.0.2) where a cs:name rendered them
                repressed["_first_names"] = FirstNames(str(self.markup(text) or ""), lists[0] if lists else "",
                                                       bool(_state.__dict__.get("silent_names"))
                                                       or text_substituted)
        if text:
            for variable in self.get("variable", "").split():
                if variable.replace("-", "_") in item.reference:
                    _record(variable)
        return text


#: a word of a given name: from a letter or digit to the next space, period or hyphen, as
#: citeproc-js splits them ("L[eslie]" is one word, initial "L."); a word led by other
#: punctuation ("J./Rüpke") is kept whole, as citeproc-js keeps it
_TOKEN = re.compile(r"([^\W_][^\s.\-]*|[^\w\s.\-][^\s.\-]*)(\.?)", re.U)


_SPACES = re.compile(r"\s+")


#: the capitals citeproc-js cuts a given name to (its NAME_INITIAL_REGEXP): Latin to
#: U+017F, Cyrillic to Я (not Ґ, nor Kazakh Қ, Ә, Ұ: such a word stays whole), Greek,
#: Hebrew, Arabic and Thai (caseless: their words are initialized too)
_NAME_INITIAL = re.compile("[A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff"
                           "\u0600-\u06ff\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6"
                           "\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03fd-\u03ff]")


def _takes_initial(letter: str) -> bool:
    """Whether a given-name word starting with ``letter`` becomes an initial (citeproc-js:
    a capital of :data:`_NAME_INITIAL`, or a letter of a caseless script there)."""
    return "A" <= letter <= "Z" or (_NAME_INITIAL.match(letter) is not None and letter == letter.upper())


def _initials(part: str, mark: str, keep_words: bool) -> str:
    """One hyphen-free part of a given name with initials punctuated by ``mark``.

    A token already followed by a period is an initial and is kept whole: the
    romanized initials of a Cyrillic name are often two letters (``Ю. Е.`` →
    ``Yu. Ye.``), and citeproc-py would cut them to ``Y. Y.``.  A full word becomes its
    first letter, unless ``keep_words`` (initialize="false").  Lower-case words
    (particles) stay as they are."""
    out = []
    for match in _TOKEN.finditer(part):
        word, dot = match.groups()
        if word[0].isalpha() and (dot or (len(word) == 1 and word.isupper())):
            out.append(word + mark)
        elif keep_words or not _takes_initial(word[0]):
            # a particle or other word inside the given name ("Jean le Rond", "И. 3."):
            # apart from its neighbours whatever the initials' punctuation, as citeproc-js
            if out and not out[-1].endswith(" "):
                out[-1] += " "
            out.append(word + dot + " ")
        else:
            out.append(word[0] + mark)
    return _SPACES.sub(" ", "".join(out)).strip() if mark.endswith(" ") or keep_words \
        else "".join(out).strip()


#: a hyphen after an initial ("J.-D.", "J-D") and a word's hyphen before a lower-case
#: ASCII letter ("Joon-ho"), which citeproc-js treats apart (:meth:`Name.initialize`)
_HYPHEN_AFTER_INITIAL = re.compile(r"((?:^|(?<=[\s.\-]))[^\W\d_]\.|(?:^|(?<=[\s.\-]))[^\W\d_](?=\s*-))\s*-\s*(?![a-z])", re.U)
_HYPHEN_LOWER = re.compile(r"(?<=[^\W\d_]{2})-(?=[a-z][^\W\d_]*(?:\s|$))", re.U)

#: Word boundary in the sort key of a name list (for ``Quine`` before ``Quinet``):
#: :func:`.sorting.collation_key` weighs it below every letter and digit.
NAME_SORT_SEPARATOR = WORD_BREAK
_SPACE_OUTSIDE_TAGS = re.compile(r" (?![^<>]*>)")


def _particle_join(*parts) -> str:
    """Name parts joined by spaces, except after a particle ending in an apostrophe
    (``d’Alembert``, ``dell’Acqua``), as citeproc-js joins them."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not out.endswith(("’", "'", "-")):
            out += " "
        out += str(part)
    return out


def _in_full(full: frozenset, name, number: int, request) -> bool:
    """Whether the bibliography prints ``name`` (``number`` in its list) with its full
    given name as typed (:mod:`.bibnames`)."""
    if number > 0 and request.primary_only:
        return False
    given, family, _dropping, particle, _suffix = name.parts()
    return (str(family or ""), str(particle or ""), str(given or "")) in full


def _nameset_position(context, element, names: bool) -> int:
    """The position of the name list being rendered among those of the cite or entry
    (0 for the first one with names), counted in the layout's ``repressed`` table so
    that memoized macros replay it (:mod:`.memo`)."""
    try:
        repressed = _layout(context if context is not None else element).repressed
    except IndexError:
        return 0
    position = repressed.get("_nameset", 0)
    if names:
        repressed["_nameset"] = position + 1
    return position


class Name(m.Name):
    """cs:name with the disambiguation a cite or entry asks for (:mod:`.disambiguation`):
    how many names a list shows, and per name how much of the given name (0: none,
    1: initials, 2: in full); and in sort keys, names without "et al." or "and", their
    words kept apart (a surname sorts before a longer one it begins)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        def option(name):
            return self.get_option(name, context, sort_options)

        form = option("form")
        if form == "count":
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        names = item.reference.get(variable) or []
        request = None if sort_options else getattr(_state, "disambig", None)
        position = _nameset_position(context, self, bool(names)) if request is not None else 0
        count = len(names)
        et_al_min = option("et-al-min")
        use_first = option("et-al-use-first")
        use_last = option("et-al-use-last") and use_first <= et_al_min - 2
        shown = use_first if count > 1 and et_al_min and count >= et_al_min else count
        levels = ()
        if request is not None:
            shown = request.shown(position, count, shown, use_first, et_al_min, use_last)
            levels = request.levels(position)
            probes = getattr(_state, "probe", None)
            if probes is not None and names:
                probes.append(_Probe(position, count, shown,
                                     tuple(tuple(str(part or "") for part in n.parts()) for n in names)))
        truncated = shown < count
        if truncated:
            chosen = list(enumerate(names[:shown]))
            if use_last:
                chosen.append((count - 1, names[-1]))
        else:
            chosen = list(enumerate(names))

        initialize_with = option("initialize-with")
        if initialize_with is None and request is not None and request.initials_rule:
            initialize_with = ""
        default = 0 if form == "short" else (1 if option("initialize-with") is not None else 2)
        order = option("name-as-sort-order")
        separator = option("sort-separator")
        demote = option("demote-non-dropping-particle")
        output = []
        full = request.full if request is not None else None
        for i, name in chosen:
            level = max(default, levels[i] if i < len(levels) else 0)
            if full and _in_full(full, name, i, request):
                level = 2
            output.append(self._one(name, level, i == 0, order, separator, demote, initialize_with, context))
        if sort_options:
            text = self.join(output, option("delimiter"))
            if not text:
                return text
            return String(_SPACE_OUTSIDE_TAGS.sub(NAME_SORT_SEPARATOR, str(text)) + NAME_SORT_SEPARATOR)
        text = self._joined(output, truncated, use_last, option)
        lists = _state.__dict__.get("name_lists")
        if lists is not None and text:
            lists.append(_NameList(str(self.markup(text) or ""), tuple(str(n) for n in output)))
        return text

    def _one(self, name, level, first, order, separator, demote, initialize_with, context):
        """One name with its given name at ``level`` (0 only in the short form)."""
        given, family, dropping, non_dropping, suffix = name.parts()
        if given and family and not _ROMANESQUE.search(f"{family}{given}"):
            # Han, kana, Hangul: family name then given name, nothing between, never
            # initialized or inverted (王小明), as citeproc-js prints them
            if level == 0:
                return self._parts(given, family)[1]
            given, family = self._parts(given, family)
            return f"{family}{given}"
        if level == 0:
            family = _particle_join(non_dropping, family)
            return self._parts(given, family)[1]
        if level == 1 and given is not None and initialize_with is not None:
            given = self.initialize(given, initialize_with, context)
        if suffix and initialize_with is not None and "." not in initialize_with and level == 1:
            # initials without periods take the suffix's off too ("Gates HL Jr"), as citeproc-js
            suffix = suffix.replace(".", "")
        if order == "all" or (order == "first" and first):
            if demote in ("never", "sort-only"):
                family = _particle_join(non_dropping, family)
                given = " ".join(n for n in (given, dropping) if n)
            else:
                given = " ".join(n for n in (given, dropping, non_dropping) if n)
            given, family = self._parts(given, family)
            return separator.join(n for n in (family, given, suffix) if n)
        family = _particle_join(dropping, non_dropping, family)
        given, family = self._parts(given, family)
        text = " ".join(n for n in (given, family) if n)
        if suffix:
            # CSL-JSON "comma-suffix": the suffix after a comma ("John Doe, Jr.")
            text += (", " if getattr(type(name), "comma_suffix", False) else " ") + suffix
        return text

    def _parts(self, given, family):
        for part in self.findall("cs:name-part", self.nsmap):
            given, family = part.format_part(given, family)
        return given, family

    @staticmethod
    def _inverted(index: int, option) -> bool:
        """Whether the name at ``index`` is printed inverted ("Doe, John"): CSL 1.0.2
        ``after-inverted-name`` puts the delimiter before "and"/"et al." only then."""
        order = option("name-as-sort-order")
        return order == "all" or (order == "first" and index == 0)

    def _joined(self, output, truncated, use_last, option):
        """The names joined with the delimiter, "and" and "et al." as the options say."""
        delimiter = option("delimiter")
        et_al = self.et_al() if truncated else None
        if et_al:
            if use_last:
                output[-1] = self.unicode_character("horizontal ellipsis") + " " + output[-1]
                return self.join(output, delimiter)
            precedes = option("delimiter-precedes-et-al")
            if precedes == "always" or (precedes == "contextual" and len(output) >= 2) \
                    or (precedes == "after-inverted-name" and self._inverted(len(output) - 1, option)):
                return self.join(output + [et_al], delimiter)
            return self.join(output, delimiter) + " " + et_al
        and_ = option("and")
        if and_ is not None and len(output) > 1:
            term = self.get_single_term(name="and") if and_ == "text" else self.preformat("&")
            text = self.join(output[:-1], ", ")
            precedes = option("delimiter-precedes-last")
            if precedes == "always" or (precedes == "contextual" and len(output) > 2) \
                    or (precedes == "after-inverted-name" and self._inverted(len(output) - 2, option)):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            return text + "{} ".format(term) + output[-1]
        return self.join(output, delimiter)

    def initialize(self, given, mark, context):
        keep_words = self.get("initialize", "true").lower() == "false"
        hyphen = self.get_option("initialize-with-hyphen", context)
        if not isinstance(given, str) or not isinstance(mark, str):
            return _initialized(given, mark, keep_words, hyphen)
        # a pure function of these four: a given name met again (a common first name, the
        # same author in the sort key, the cite and the entry) is initialized once
        key = (given, mark, keep_words, hyphen)
        found = _INITIALIZED.get(key)
        if found is None:
            if len(_INITIALIZED) >= _MAX_INITIALIZED:
                _INITIALIZED.clear()
            found = _INITIALIZED[key] = _initialized(given, mark, keep_words, hyphen)
        return found


#: given name, mark, initialize="false"?, initialize-with-hyphen → initials (:meth:`Name.initialize`)
_INITIALIZED: dict = {}
_MAX_INITIALIZED = 100_000


def _initialized(given, mark, keep_words, hyphen) -> str:
    """``given`` initialized as :meth:`Name.initialize` says."""
    if keep_words:
        # only existing initials are punctuated; a hyphen after one is dropped
        # ("J.-D." → "J. D."), as citeproc-js's normalizing does
        given = _HYPHEN_AFTER_INITIAL.sub(r"\1 ", given)
    if not keep_words and hyphen:
        # a hyphen before a lower-case letter joins one word, initialized whole
        # ("Joon-ho" → "J."), as citeproc-js does (without initialize-with-hyphen
        # the hyphen is a space first: "S jin")
        given = _HYPHEN_LOWER.sub("", given)
    if hyphen:
        parts = given.split("-")
        joiner = "-"
    else:
        parts, joiner = [given.replace("-", " ")], " "
    return joiner.join(_initials(p, mark, keep_words) for p in parts if p.strip())


class Group(m.Group):
    def render(self, *args, **kwargs):
        return display.wrap(self, super().render(*args, **kwargs), kwargs)     # CSL display

    def join(self, strings, default_delimiter=""):
        """Children joined with the punctuation table of :mod:`.seams` at each seam."""
        return seams.join(strings, self.get("delimiter", default_delimiter))

    def process(self, item, context=None, **kwargs):
        output = []
        delimiter = self.get("delimiter", "")
        _push()
        try:
            for child in self.iterchildren():
                try:
                    if isinstance(child, m.Choose):
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    text = None
                if text is not None:
                    output.append(text)
        finally:
            frame = _pop()
        if output and not _empty(frame):
            _merge(frame)
            return self.join(output)
        _merge(frame, kept=False)
        raise VariableError


class If(m.If):
    def render(self, item, context=None, delimiter="", **kwargs):
        # citeproc-py's conditions plus ``disambiguate``, which it ignores (an
        # ``<if disambiguate="true">`` alone was always taken)
        results = []
        for attribute, test in (("type", self._type), ("variable", self._variable),
                                ("is-numeric", self._is_numeric),
                                ("is-uncertain-date", self._is_uncertain_date),
                                ("locator", self._locator)):
            if attribute in self.attrib:
                results += test(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        if "disambiguate" in self.attrib:
            request = getattr(_state, "disambig", None)
            results.append(request is not None and request.condition)
        match = self.get("match")
        if match == "any":
            passed = any(results)
        elif match == "none":
            passed = not any(results)
        else:
            passed = all(results)
        if not passed:
            raise m.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _type(self, item):
        # citeproc-py's test, with the item type read once instead of once per listed type
        item_type = item.reference.type
        return [typ.lower() == item_type for typ in self.get("type").split()]

    def _is_numeric(self, item):
        out = []
        for variable in self.get("is-numeric").split():
            if variable == "locator":
                # the cite's locator, not a reference field (APA labels "Chapter 3" by it)
                locator = item.get("locator") if "locator" in item else None
                value = getattr(locator, "identifier", None)
            else:
                value = item.reference.get(variable.replace("-", "_"))
            out.append(value is not None and is_numeric(value))
        return out


class Else_If(If):
    pass


class Substitute(m.Substitute):
    def render(self, item, context=None, **kwargs):
        own_name_seen = False
        for child in self.getchildren():
            _push()
            silent = _state.__dict__.get("silent_names", False)
            _state.silent_names = silent or own_name_seen
            try:
                if isinstance(child, m.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    if isinstance(child, m.Names):
                        # later children's names take no part in subsequent-author-substitute
                        own_name_seen = True
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                _state.silent_names = silent
                frame = _pop()
            if text:
                # a macro's or a cs:choose's text standing in for the names (MLA's title,
                # a standard's authority): no names for subsequent-author-substitute to
                # compare or replace, as citeproc-js; a cs:text variable's value is
                _state.text_substituted = not isinstance(child, m.Names) and child.get("variable") is None
                _merge(frame, kept=False)
                _state.frames[-1].rendered.update(frame.rendered) if getattr(_state, "frames", None) else None
                layout = _layout(context if context is not None else self)
                layout.repressed.setdefault("*", set()).update(frame.rendered)
                return text
        return None


def _date_sort_key(date):
    """A date as a number that sorts it: a range by its start, then its end, among single
    dates (citeproc-py's keys were digit strings for a date, which sort as numbers, and
    text for a range, which sorted after every number)."""
    if date is None:
        return None
    if isinstance(date, LiteralDate):
        return str(date.text)
    try:
        if isinstance(date, DateRange):
            begin = int(date.begin.sort_key())
            end = date.get("end")
            return begin * 10**9 + (int(end.sort_key()) if end is not None and not end.is_nil() else 0)
        return int(date.sort_key()) * 10**9
    except (TypeError, ValueError, AttributeError):
        return None


class Key(m.Key):
    def sort_keys(self, items, context):
        variable = (self.get("variable") or "").replace("-", "_")
        if variable and variable in _NAME_VARS:
            return [self._format_name(item, variable) for item in items]
        if variable and variable not in m.NAMES and variable not in m.DATES and variable not in m.NUMBERS \
                and variable != "citation_number":
            out = []
            for item in items:
                value = item.reference.get(variable)
                out.append(None if value is None else str(value))
            return out
        if variable in m.DATES:
            return [_date_sort_key(item.reference.get(variable)) for item in items]
        keys = super().sort_keys(items, context)
        if "macro" in self.attrib:
            # a sort key is compared without the year-suffix a date took (CSL 1.0.2
            # "Sorting": keys come before disambiguation; "1965a" would sort after "1970")
            for i, item in enumerate(items):
                suffix = item.reference.get("year_suffix")
                if suffix and keys[i] is not None and str(suffix) in str(keys[i]):
                    keys[i] = re.sub(rf"(?<=\d){re.escape(str(suffix))}(?!\w)", "", str(keys[i]), count=1)
        return keys

    def _format_name(self, item, variable):
        """A name variable as a sort key: each name family first, words kept apart (see
        :data:`.sorting.WORD_BREAK`)."""
        names = item.reference.get(variable)
        if names is None:
            return None
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort").lower()
        words = []
        for name in names:
            given, family, dropping, non_dropping, suffix = name.parts()
            if demote in ("sort-only", "display-and-sort"):
                parts = (family, given, dropping, non_dropping, suffix)
            else:
                parts = (non_dropping, family, given, dropping, suffix)
            words.extend(w for part in parts if part for w in str(part).split())
        return WORD_BREAK.join(words) + WORD_BREAK if words else None


class Sort(m.Sort):
    def sort(self, items, context):
        locale = getattr(context.get_root(), "polybib_locale", None)
        return sort_items(self, items, context, locale)


def sort_items(sort_element, items, context, locale, keys=None):
    """``items`` ordered by the cs:key children, each value collated for ``locale``.

    ``keys``: per item the list of its key values, or a function ``(position, indexes)``
    giving key ``position``'s values for the items at ``indexes``; by default the cs:key
    children's.  Given a function, a key after the first is computed only for the items
    that tie with another on every key before it: the others' places are settled
    without it (in a real list most items differ by author, so the title and date
    macros are rendered for a few items, not all)."""
    directions = [k.get("sort", "ascending").lower() == "descending"
                  for k in sort_element.findall("cs:key", sort_element.nsmap)]
    if keys is None:
        elements = sort_element.findall("cs:key", sort_element.nsmap)

        def keys(position, indexes):
            return elements[position].sort_keys([items[i] for i in indexes], context)
    if callable(keys):
        rows = _lazy_rows(keys, len(items), len(directions), locale)
    else:
        rows = [(index, [_collated(v, locale) for v in keys[index]]) for index in range(len(items))]
    import functools

    def compare(a, b):
        for position, descending in enumerate(directions):
            left, right = a[1][position], b[1][position]
            if left is None and right is None:
                continue
            if left is None:
                return 1
            if right is None:
                return -1
            if left != right:
                try:
                    result = -1 if left < right else 1
                except TypeError:
                    result = -1 if left[0] < right[0] else 1
                return -result if descending else result
        return a[0] - b[0]
    rows.sort(key=functools.cmp_to_key(compare))
    return [items[index] for index, _ in rows]


def _collated(value, locale):
    """A key value as :func:`sort_items` compares it."""
    from .markup import plain

    if isinstance(value, (str, list)) and not isinstance(value, int):
        value = plain(str(value))
    return sort_key_for(value, locale)


def _lazy_rows(column, count: int, width: int, locale) -> list:
    """(index, collated key values) per item, key ``p`` computed (``column(p, indexes)``)
    only for the items equal to another on keys ``0 … p-1``; the rest stay None, never
    compared: ``compare`` decides between two items at their first unequal key.  A lone
    item gets every key (sorted alone, a record shows whether its keys can be made)."""
    rows = [(index, [None] * width) for index in range(count)]
    ties = [list(range(count))] if count else []
    for position in range(width):
        if not ties:
            break
        needed = sorted(i for group in ties for i in group)
        values = dict(zip(needed, column(position, needed)))
        following = []
        for group in ties:
            alike: dict = {}
            for index in group:
                value = rows[index][1][position] = _collated(values[index], locale)
                alike.setdefault(value, []).append(index)
            following.extend(members for members in alike.values() if len(members) > 1 or count == 1)
        ties = following
    return rows


def item_sort_keys(sort_element, items, context):
    """Per item, the list of its cs:key values (rendered macros or variables)."""
    columns = [key.sort_keys(items, context) for key in sort_element.findall("cs:key", sort_element.nsmap)]
    return [[column[i] for column in columns] for i in range(len(items))]


class Layout(m.Layout):
    def render_citation(self, citation, callback):
        """A cluster's cites in the order given, sorted only by the style's cs:sort
        (stable), rendered and grouped and collapsed as cs:citation asks
        (:mod:`.collapse`): ``(Smith, 2018, 2020b)``, ``[1]–[3]``."""
        numbers = citation.numbers
        good = [cite for cite in citation.cites if cite.key in numbers]
        bad = [cite for cite in citation.cites if cite.key not in numbers]
        sort = self.getparent().find("cs:sort", self.nsmap)
        if sort is not None and len(good) > 1:
            # one cite needs no ordering (its sort keys would be rendered for nothing;
            # sort_items is stable and renders them without side effects that outlive
            # the per-cite ``repressed`` reset below)
            good = sort.sort(good, self)
        out = []
        rendered = []
        requests = dict.get(citation, "requests")
        note = self.get_root().get("class") == "note"
        for position, item in enumerate(good):
            self.repressed = {}
            prefix = item.get("prefix", "")
            suffix = item.get("suffix", "")
            _state.terms = [] if note else None
            if requests is not None:
                # the disambiguation of this cite (:mod:`.disambiguation`)
                _state.disambig = requests.get(item.key)
            try:
                output = self.render_children(item)
            except VariableError:
                output = None
            finally:
                if requests is not None:
                    _state.disambig = None
                terms, _state.terms = _state.terms, None
            if output is not None and terms and collapse.starts_sentence(position, prefix):
                output = collapse.capitalize_term(output, terms)
            if output is not None:
                out.append(prefix + output + suffix)
                rendered.append(collapse.Cite(item, out[-1], self.repressed.get("_first_names", "")))
                self.getparent().cites.append(item)
        # cite grouping and collapsing (CSL 1.0.2 "Cite Grouping", "Cite Collapsing")
        joined = collapse.arrange(self, rendered, lambda item: self._without_names(item, requests))
        for item in bad:
            value = callback(item) if callback else None
            out.append(value or "{}?".format(item.key))
            if joined is not None:
                joined = collapse.join_one(joined, self.get("delimiter", ""), out[-1])
        return self.format(self.wrap(joined if joined is not None else self.join(out)))

    def _without_names(self, item, requests):
        """``item``'s cite with its first cs:names (or what substitutes for it) left
        out, as collapsed cites show it; None when nothing is left."""
        # the flag also stands in ``repressed``, which keys memoized macros (:mod:`.memo`)
        self.repressed = {"_suppress_names": True}
        _state.suppress_names = True
        if requests is not None:
            _state.disambig = requests.get(item.key)
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        finally:
            _state.suppress_names = False
            _state.disambig = None
        if output is None:
            return None
        return output + item.get("suffix", "")

    def render_entry(self, item):
        """One bibliography entry as (left margin, body); margin is "" without
        second-field-align."""
        self.repressed = {}
        align = self.getparent().get("second-field-align")
        if not align:
            text = self.render_children(item)
            return "", (self.format(self.wrap(text)) if text is not None else None)
        return self._render_aligned(item)

    def first_names(self) -> str:
        """The first names output of the entry just rendered ("" if none)."""
        return self.repressed.get("_first_names", "")

    def _render_aligned(self, item):
        outputs = []
        for child in self.iterchildren():
            try:
                if isinstance(child, m.Choose):
                    text = child.render(item)
                else:
                    text = child.render(item)
            except VariableError:
                text = None
            if text is not None:
                outputs.append(text)
        if not outputs:
            return "", None
        if len(outputs) == 1:
            return "", self.format(self.wrap(outputs[0]))
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        margin = prefix + str(outputs[0])
        body = m.join(outputs[1:], self.get("delimiter", ""))
        body = body + m.normalize_seam(body, suffix) if suffix else body
        return str(self.format(String(margin))), str(self.format(body))


_TEXT_TAG = "{http://purl.org/net/xbiblio/csl}text"


def _mark_literals(style) -> None:
    """A literal ``cs:text value="."`` (or ",") marked :data:`.quotes.LITERAL` in the style
    tree, once: citeproc-js moves no punctuation of a literal into quotes nor drops it as
    doubled (IEEE: ``“Why?”.``); :func:`.quotes.resolve` removes the mark."""
    for text in style.iter(_TEXT_TAG):
        value = text.get("value")
        if value in (".", ",") and not text.get("prefix"):
            text.set("value", quotes.LITERAL + value)


class Style(m.Style):
    def set_locale_list(self, output_locale, validate=True):
        from .engine import system_locale

        _mark_literals(self)        # here: run once per parsed style, before any rendering

        self.locales = []
        added = set()

        def in_style(lang):
            expr = ('./cs:locale[@xml:lang="{}"]'.format(lang) if lang else './cs:locale[not(@xml:lang)]')
            for found in self.xpath_search(expr)[:1]:
                self.locales.append(found)

        def system(name):
            if name not in added:
                self.locales.append(system_locale(name))
                added.add(name)

        in_style(output_locale)
        language = output_locale.split("-")[0]
        in_style(language)
        in_style(None)
        if output_locale in m.LANGUAGE_NAMES:
            system(output_locale)
        if language in m.PRIMARY_DIALECTS:
            system(m.PRIMARY_DIALECTS[language])
        system("en-US")
        for locale in self.locales:
            locale.style = self
        self.polybib_locale = output_locale


#: Element name → corrected class, used by :mod:`.engine`'s parser.
OVERRIDES = {cls.__name__.replace("_", "-").lower(): cls
             for cls in (Text, Number, Label, Date_Part, Date, Names, Name, Substitute, Key,
                         Sort, Layout, Style, If, Else_If, Group, Macro)}
