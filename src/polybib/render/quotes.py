"""Straight quotes typed in a field, printed as the locale's quotation marks.

A user types ``The "new" economics``; citeproc-js prints ``The “new” economics`` (and
``«new»`` with a Russian style), and inside a title the style puts in quotes, the inner
pair: ``“The ‘new’ economics.”``.  So quotes are markup, not text: :func:`mark` turns each
paired straight quote of a value into a marker, the style's ``quotes="true"`` adds the same
markers (see :mod:`.fixes`), and :func:`resolve` prints every marker by its nesting depth
with the style's locale terms (outer, inner, outer …) once the entry is done.

As in citeproc-js: a ``"`` is a quote only when it pairs (an odd one stays as typed); a
``'`` opens a quote at the start of a word and closes it before a non-letter, and is an
apostrophe (``’``) otherwise; typographic quotes typed by the user stay as typed.  A closing
quote that the value itself follows by ``.`` or ``,`` keeps that punctuation outside
(``punctuation-in-quote`` moves only the style's punctuation).
"""
from __future__ import annotations

import re

OPEN = "\ue000"
CLOSE = "\ue001"
#: a closing quote the value itself follows with punctuation: never moved past
CLOSE_FIXED = "\ue002"
MARKERS = OPEN + CLOSE + CLOSE_FIXED
#: before a literal ``cs:text value="."`` (or ","): citeproc-js moves no punctuation of a
#: literal into quotes nor drops it as doubled (IEEE: ``“Why?”.``); removed by :func:`resolve`
LITERAL = "\ue003"

_OPENERS = " \t\n([{/–—-" + OPEN + "“‘«"


def _opens(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1] in _OPENERS) and i + 1 < len(text) and not text[i + 1].isspace()


_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^<>]*>")


def _inert(text: str) -> set[int]:
    """Positions that are no text for quotes: inside markup tags, and inside
    ``<span class="nocase">`` (citeproc-js leaves quotes there as typed)."""
    out: set[int] = set()
    spans: list[bool] = []          # per open span: is it nocase
    nocase_from = None
    for match in _TAG.finditer(text):
        out.update(range(match.start(), match.end()))
        if match.group(2).lower() != "span":
            continue
        if not match.group(1):
            nocase = "nocase" in match.group(0)
            spans.append(nocase)
            if nocase and nocase_from is None:
                nocase_from = match.end()
        elif spans:
            if spans.pop() and nocase_from is not None and not any(spans):
                out.update(range(nocase_from, match.start()))
                nocase_from = None
    return out


#: a typed ‘…’ pair closed before the value's own period or comma
_TYPED_SINGLE_PUNCT = re.compile("(‘[^‘’]*(?:’[^\\W\\d_][^‘’]*)*’)(?=[.,])")


def mark(text: str) -> str:
    """``text`` with its paired straight quotes as markers (unchanged without any); a
    typed ‘…’ pair the value follows with its own period or comma gets :data:`LITERAL`
    after it, so that ``punctuation-in-quote`` moves only the style's punctuation into
    it (``‘fine’, the`` stays; ``‘Problematic’`` + the entry's period is ``‘Problematic.’``)."""
    if "‘" in text and "’" in text:
        text = _TYPED_SINGLE_PUNCT.sub(lambda m: m.group(1) + LITERAL, text)
    if '"' not in text and "'" not in text:
        return text
    out = list(text)
    stack: list[tuple[str, int]] = []       # (quote char, index) of open quotes
    skip = _inert(text) if "<" in text else ()
    for i, ch in enumerate(text):
        if ch not in "\"'" or i in skip:
            continue
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if stack and stack[-1][0] == ch and (i > 0 and not text[i - 1].isspace()) \
                and not nxt.isalnum():
            _, start = stack.pop()
            out[start] = OPEN
            out[i] = CLOSE_FIXED if nxt and nxt in ".," else CLOSE
            continue
        if _opens(text, i) and (ch == '"' or nxt.isalnum()):
            stack.append((ch, i))
            continue
        if ch == "'" and not (i > 0 and text[i - 1].isalpha()):
            out[i] = "’"         # an apostrophe not after a letter ('10); after one, escape does it
    for ch, start in stack:
        if ch == "'":
            out[start] = "’"
    return "".join(out)


def resolve(text: str, outer: tuple[str, str], inner: tuple[str, str]) -> str:
    """Markers printed as quotation marks by depth: outer pair, inner pair, outer …

    Where the locale's outer quotes are guillemets, typed ``«…»`` count as quotes too, so
    one nested in another is printed with the inner pair (``«Центра „Станкин“»``), as
    citeproc-js reads the locale's quotation marks typed in a value; only when they pair."""
    if LITERAL in text:
        text = text.replace(LITERAL, "")
    typed = outer == ("«", "»") and "«" in text and text.count("«") == text.count("»")
    if not typed and not any(m in text for m in MARKERS):
        return text
    out = []
    depth = 0
    for ch in text:
        if typed and ch == "«":
            ch = OPEN
        elif typed and ch == "»":
            ch = CLOSE
        if ch == OPEN:
            out.append(outer[0] if depth % 2 == 0 else inner[0])
            depth += 1
        elif ch == CLOSE or ch == CLOSE_FIXED:
            depth = max(depth - 1, 0)
            out.append(outer[1] if depth % 2 == 0 else inner[1])
        else:
            out.append(ch)
    return "".join(out)


#: a single closing quote typed in a value (‘Problematic’) before a period or comma
SINGLE_PUNCT = re.compile(r"’((?:</[a-z]+>)*)([.,])")


def into_double(match) -> str:
    """A period or comma moved inside closing quotes; a ’ before the ” goes with it only
    when it closes a typed ‘ (“… ‘Bar.’”), not as an apostrophe (“The Writers’.”)."""
    closes = match.group(1)
    if len(closes) > 1 and not closes_single(match.string, match.start()):
        return "’" + match.group(3) + closes[1:] + match.group(2)
    return match.group(3) + closes + match.group(2)


def closes_single(text: str, end: int) -> bool:
    """Whether a ’ at ``end`` closes a ‘ opened before it (no closing ’ between)."""
    opened = text.rfind("‘", 0, end)
    return opened >= 0 and not re.search(r"’(?![^\W\d_])", text[opened + 1:end])


def into_single(match) -> str:
    """A period or comma moved inside a typed ‘…’ pair as citeproc-js moves it, when the
    ’ closes a ‘ opened before it (no other closing ’ between): an apostrophe
    ("the writers’.") is no quote and keeps the mark outside."""
    if not closes_single(match.string, match.start()):
        return match.group(0)
    return match.group(2) + "’" + match.group(1)
