"""CSL-JSON rich text in, citeproc-py strings out; and the entry markup read back as a tree.

citeproc-py renders with its HTML formatter, which escapes terms but passes variable
values through untouched: a ``&`` in a title would come out raw and an ``<i>`` in a title
would be escaped by nobody.  So values are escaped here, once, on the way in, keeping the
CSL-JSON rich-text tags (``<i> <b> <sup> <sub> <span class="nocase">``, small caps) as
markup.  Tags travel as :class:`Tag` pieces, which case transforms never touch, and
``nocase`` spans as citeproc's ``NoCase``.

On the way out, :func:`parse` turns an entry's markup into a small tree
(:class:`Node`), which :mod:`.output` writes as text, HTML, Markdown, LaTeX or RTF.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from citeproc.string import MixedString, NoCase, String


class Tag(NoCase):
    """A piece of markup inside a value: never cased, not a word."""


_TOKEN = re.compile(r"<(/?)(i|b|sup|sub|span|sc)(\s[^<>]*)?>", re.I)
_NOCASE = re.compile(r'class\s*=\s*"nocase"', re.I)
_SMALLCAPS = re.compile(r"small-caps", re.I)


_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")
#: an apostrophe after a letter that closes markup: ``<i>Dasein</i>'s``, or a nocase span
_APOSTROPHE_AFTER_TAG = re.compile(r"(?<=[^\W\d_])((?:</(?:i|b|sup|sub|span|sc)>)+)'", re.I)


def escape(text: str) -> str:
    """Text escaped for the HTML formatter, with a typewriter apostrophe after a letter
    made typographic (``O'Meara`` → ``O’Meara``), as citeproc-js does."""
    if "'" in text:             # (the pattern needs one: most values are left as they are)
        text = _APOSTROPHE.sub("’", text)
    elif type(text) is str and "&" not in text and "<" not in text and ">" not in text:
        return text             # what html.escape would give back (most values: a copy)
    return html.escape(text, quote=False)


def rich_text(value: str) -> MixedString | String:
    """A CSL-JSON string value as citeproc-py pieces, escaped for the HTML formatter."""
    value = str(value)
    if "'" in value:
        value = _APOSTROPHE_AFTER_TAG.sub(lambda m: m.group(1) + "’", value)
    if "<" not in value:
        return String(escape(value))
    pieces: list[String] = []
    stack: list[str] = []            # open span kinds, to pair closing </span>
    nocase_depth = 0
    pos = 0
    for match in _TOKEN.finditer(value):
        if match.start() > pos:
            text = escape(value[pos:match.start()])
            pieces.append(NoCase(text) if nocase_depth else String(text))
        pos = match.end()
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3) or ""
        if name == "span":
            if not closing:
                kind = "nocase" if _NOCASE.search(attrs) else ("sc" if _SMALLCAPS.search(attrs) else "span")
                stack.append(kind)
                if kind == "nocase":
                    nocase_depth += 1
                elif kind == "sc":
                    pieces.append(Tag('<span style="font-variant:small-caps;">'))
                continue
            kind = stack.pop() if stack else "span"
            if kind == "nocase":
                nocase_depth -= 1
            elif kind == "sc":
                pieces.append(Tag("</span>"))
            continue
        if name == "sc":
            pieces.append(Tag("</span>" if closing else '<span style="font-variant:small-caps;">'))
            continue
        pieces.append(Tag(f"<{closing}{name}>"))
    if pos < len(value):
        text = escape(value[pos:])
        pieces.append(NoCase(text) if nocase_depth else String(text))
    if len(pieces) == 1 and type(pieces[0]) is String:
        return pieces[0]
    return MixedString(pieces)


# ------------------------------------------------------------------ reading output back

@dataclass
class Node:
    """``kind`` is "text" (with ``text``) or a style: i b sup sub sc u root margin body, or
    a display division: csl-block csl-left-margin csl-right-inline csl-indent."""

    kind: str
    text: str = ""
    children: list["Node"] = field(default_factory=list)


_OUT_TOKEN = re.compile(r"<(/?)([a-z]+)([^<>]*)>")
_KINDS = {"i": "i", "em": "i", "b": "b", "strong": "b", "sup": "sup", "sub": "sub", "u": "u",
          "l": "span"}


_DISPLAY = re.compile(r'class="(csl-(?:block|left-margin|right-inline|indent))"')


def parse(markup: str) -> Node:
    """The entry markup (citeproc-py's HTML formatter plus escaped text) as a tree."""
    root = Node("root")
    stack = [root]
    pos = 0
    for match in _OUT_TOKEN.finditer(markup):
        if match.start() > pos:
            stack[-1].children.append(Node("text", html.unescape(markup[pos:match.start()])))
        pos = match.end()
        closing, name, attrs = match.groups()
        if closing:
            if len(stack) > 1:
                stack.pop()
            continue
        kind = _KINDS.get(name, "span")
        if name == "div":
            # a CSL display division (.display): "csl-block", "csl-left-margin", …
            found = _DISPLAY.search(attrs)
            kind = found.group(1) if found else "span"
        elif name == "span" and "small-caps" in attrs:
            kind = "sc"
        elif name == "span" and "text-decoration:underline" in attrs:
            kind = "u"
        node = Node(kind)
        stack[-1].children.append(node)
        stack.append(node)
    if pos < len(markup):
        stack[-1].children.append(Node("text", html.unescape(markup[pos:])))
    return root


def value_text(value: str) -> str:
    """A CSL-JSON value's text without its rich-text tags (``<i>``, ``<span class="nocase">``
    …).  Anything else that looks like a tag (``<script>``, ``<img …>``, ``2 < 3 > 1``) is
    text the record holds, kept as it is."""
    return html.unescape(_TOKEN.sub("", value)) if "<" in value or "&" in value else value


def plain(markup: str) -> str:
    """The text of ``markup`` without any formatting (sort keys, comparisons)."""
    return html.unescape(_OUT_TOKEN.sub("", markup))
