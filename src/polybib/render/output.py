"""Rendered entries written as plain text, HTML, Markdown, LaTeX or RTF.

Every writer starts from the same tree (:func:`.markup.parse`) of an entry's markup, so
escaping is done once per format and in one place: HTML escapes ``& < >``; Markdown
escapes its emphasis and link characters; LaTeX escapes its ten special characters and
puts URLs in ``\\url``; RTF escapes ``\\ { }`` and writes non-ASCII as ``\\uN?``.

A left-margin field (the citation number of a numeric style) is kept apart: a space after
it in text and Markdown, a ``csl-left-margin`` block in HTML (as citeproc-js writes it), a
tab in RTF, and the ``\\bibitem`` label in LaTeX.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Callable, Sequence

from .engine import Entry
from .markup import Node, parse

FORMATS = ("text", "html", "markdown", "latex", "rtf")


def _with_urls(text: str, plain: Callable[[str], str], url: Callable[[str], str]) -> str:
    """``text`` with its URLs (``_URL``, the LaTeX writer's pattern) written by ``url``
    (a link in HTML, an autolink in Markdown) and everything else by ``plain``."""
    out = []
    pos = 0
    for match in _URL.finditer(text):
        out.append(plain(text[pos:match.start()]))
        out.append(url(match.group()))
        pos = match.end()
    out.append(plain(text[pos:]))
    return "".join(out)


def _walk(node: Node, text: Callable[[str], str], wrap: Callable[[str, str], str]) -> str:
    if node.kind == "text":
        return text(node.text)
    inner = "".join(_walk(child, text, wrap) for child in node.children)
    return wrap(node.kind, inner) if node.kind != "root" else inner


# ------------------------------------------------------------------ text

def to_text(markup: str) -> str:
    return _walk(parse(markup), lambda t: t, lambda kind, inner: inner)


# ------------------------------------------------------------------ HTML

_HTML_TAGS = {"i": ("<i>", "</i>"), "b": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"),
              "sub": ("<sub>", "</sub>"), "u": ('<span style="text-decoration:underline;">', "</span>"),
              "sc": ('<span style="font-variant:small-caps;">', "</span>")}


def _superscripts() -> dict[str, str]:
    """Unicode superscript characters (decomposition ``<super>``, in the blocks that have
    them) and what they are superscripts of: ``ª`` → ``a``, ``²`` → ``2``, ``™`` → ``TM``."""
    out = {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}
    for first, last in ((0xA0, 0xFF), (0x2B0, 0x2FF), (0x1D2C, 0x1DBF), (0x2070, 0x209F),
                        (0x2100, 0x214F), (0x3190, 0x319F), (0xA69C, 0xA69D), (0xA770, 0xA770),
                        (0xA7F8, 0xA7F9), (0xAB5C, 0xAB5F)):
        for code in range(first, last + 1):
            parts = unicodedata.decomposition(chr(code)).split()
            if parts and parts[0] == "<super>":
                out[chr(code)] = "".join(chr(int(p, 16)) for p in parts[1:])
    return out


_SUPERSCRIPT = _superscripts()
_SUPERSCRIPT_CHARS = re.compile("[" + re.escape("".join(_SUPERSCRIPT)) + "]")


def _html_plain(text: str) -> str:
    """Text for HTML: escaped, and a superscript character written as the character in
    ``<sup>`` (``2ᵉ`` → ``2<sup>e</sup>``), as citeproc-js writes HTML: fonts without
    the superscript glyphs still show it."""
    text = html.escape(text, quote=False)
    if _SUPERSCRIPT_CHARS.search(text):
        text = _SUPERSCRIPT_CHARS.sub(lambda m: "<sup>" + html.escape(_SUPERSCRIPT[m.group()]) + "</sup>", text)
    return text


def _html_text(text: str) -> str:
    return _with_urls(text, _html_plain,
                      lambda u: f'<a href="{html.escape(u, quote=True)}">{html.escape(u, quote=False)}</a>')


#: CSL 1.0.2 "Formatting", flip-flopping: italics, bold or small caps inside the same
#: formatting are set back to normal (``<i>My <i>Amazing</i> Title</i>`` prints "Amazing"
#: upright), and the same formatting inside that is italic again, as citeproc-js writes it.
_HTML_NORMAL = {"i": '<span style="font-style:normal;">', "b": '<span style="font-weight:normal;">',
                "sc": '<span style="font-variant:normal;">'}


def to_html(markup: str) -> str:
    def walk(node: Node, active: frozenset) -> str:
        if node.kind == "text":
            return _html_text(node.text)
        kind = node.kind
        if kind in _HTML_NORMAL:
            if kind in active:
                inner = "".join(walk(child, active - {kind}) for child in node.children)
                return _HTML_NORMAL[kind] + inner + "</span>"
            inner = "".join(walk(child, active | {kind}) for child in node.children)
        else:
            inner = "".join(walk(child, active) for child in node.children)
        if kind == "root":
            return inner
        if kind.startswith("csl-"):
            return f'<div class="{kind}">{inner}</div>' if inner.strip() else ""
        open_, close = _HTML_TAGS.get(kind, ("", ""))
        return open_ + inner + close
    return walk(_suffix_into_display(parse(markup)), frozenset())


def _suffix_into_display(root: Node) -> Node:
    """Punctuation that follows the last display division (the layout's suffix) goes
    inside it, as citeproc-js writes it: ``<div class="csl-right-inline">Title.</div>``."""
    children = root.children
    if (len(children) >= 2 and children[-1].kind == "text" and children[-2].kind.startswith("csl-")
            and children[-1].text.strip() and not any(ch.isalnum() for ch in children[-1].text)):
        children[-2].children.append(children.pop())
    return root


#: The standalone page's style sheet: readable measure, a number beside its entry (not on
#: a line of its own: citeproc's margin and body are two block divs), hanging indents for
#: author-date lists, long URLs wrapped.  Inline, so the page needs nothing from outside.
HTML_CSS = """\
body { font: 17px/1.55 Georgia, "DejaVu Serif", "Times New Roman", serif; max-width: 48em;
       margin: 2em auto; padding: 0 1em; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.3em; font-weight: normal; color: #555; }
.csl-entry { margin: 0 0 .7em; padding-left: 2em; text-indent: -2em; }
.csl-entry:has(> .csl-left-margin) { display: flex; gap: .6em; padding-left: 0; text-indent: 0; }
.csl-left-margin { flex: none; min-width: 2.4em; text-align: right; }
.csl-right-inline { flex: 1; min-width: 0; }
a { color: #0645ad; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #161616; } a { color: #8ab4f8; } }
"""


def html_page(fragment: str, title: str, lang: str = "und") -> str:
    """A standalone HTML page around a ``csl-bib-body`` fragment: doctype, UTF-8 charset,
    language, title, the inline style sheet; no script and no external resource."""
    return ("<!DOCTYPE html>\n"
            f'<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title, quote=False)}</title>\n<style>\n{HTML_CSS}</style>\n</head>\n"
            f"<body>\n<h1>{html.escape(title, quote=False)}</h1>\n{fragment}</body>\n</html>\n")


# ------------------------------------------------------------------ Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def to_markdown(markup: str) -> str:
    def wrap(kind, inner):
        if not inner.strip():
            return inner
        if kind == "i":
            return f"*{inner}*"
        if kind == "b":
            return f"**{inner}**"
        if kind in ("sup", "sub"):
            return f"<{kind}>{inner}</{kind}>"
        return inner
    # a URL is an autolink <…>: escaping its _ or * would put backslashes into the link
    return _walk(parse(markup), lambda t: _with_urls(t, lambda p: _MD_SPECIAL.sub(r"\\\1", p),
                                                     lambda u: f"<{u}>"), wrap)


# ------------------------------------------------------------------ LaTeX

_LATEX_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}", "<": r"\textless{}", ">": r"\textgreater{}",
                  "\u00a0": "~", "–": "--", "—": "---"}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX_ESCAPES))
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+[^\s<>\".,;:)\]]")
_LATEX_TAGS = {"i": r"\textit", "b": r"\textbf", "sup": r"\textsuperscript",
               "sub": r"\textsubscript", "sc": r"\textsc", "u": r"\underline"}


#: Characters written as ``%XX`` in a ``\\url``: those RFC 3986 does not allow in a URL
#: anyway and that ``\\url`` cannot take as they are (an unbalanced ``}`` ends it, TeX reads
#: ``^^5c`` as a backslash).
_URL_UNSAFE = re.compile(r"[\\{}^`\"<>|]")


def latex_escape(text: str, in_argument: bool = False) -> str:
    """Text as LaTeX; URLs as ``\\url{…}``, written verbatim (``%20`` stays ``%20``, which
    ``\\url`` prints as it is and ``\\%`` would not).  ``in_argument``: the text is inside
    another command's argument (``\\textit{…}``), where TeX has read ``%`` and ``#`` before
    ``\\url`` could, so a URL there is written as escaped text instead."""
    out = []
    pos = 0
    for match in _URL.finditer(text):
        out.append(_LATEX_RE.sub(lambda m: _LATEX_ESCAPES[m.group()], text[pos:match.start()]))
        url = _URL_UNSAFE.sub(lambda m: "%%%02X" % ord(m.group()), match.group())
        if in_argument:
            out.append(_LATEX_RE.sub(lambda m: _LATEX_ESCAPES[m.group()], url))
        else:
            out.append(r"\url{" + url + "}")
        pos = match.end()
    out.append(_LATEX_RE.sub(lambda m: _LATEX_ESCAPES[m.group()], text[pos:]))
    return "".join(out)


def to_latex(markup: str) -> str:
    def walk(node: Node, depth: int) -> str:
        if node.kind == "text":
            return latex_escape(node.text, in_argument=depth > 0)
        command = _LATEX_TAGS.get(node.kind)
        inner = "".join(walk(child, depth + (1 if command else 0)) for child in node.children)
        return f"{command}{{{inner}}}" if command and inner else inner
    return walk(parse(markup), 0)


# ------------------------------------------------------------------ RTF

def rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\tab ")
        elif code < 128:
            out.append(ch)
        else:
            for unit in _utf16_units(ch):
                out.append(f"\\u{unit if unit < 32768 else unit - 65536}?")
    return "".join(out)


def _utf16_units(ch: str) -> list[int]:
    data = ch.encode("utf-16-le")
    return [int.from_bytes(data[i:i + 2], "little") for i in range(0, len(data), 2)]


_RTF_TAGS = {"i": r"\i", "b": r"\b", "sup": r"\super", "sub": r"\sub", "sc": r"\scaps", "u": r"\ul"}


def to_rtf(markup: str) -> str:
    def wrap(kind, inner):
        command = _RTF_TAGS.get(kind)
        return "{" + command + " " + inner + "}" if command else inner
    return _walk(parse(markup), rtf_escape, wrap)


# ------------------------------------------------------------------ whole lists

#: Line breaks and other controls a value brought in (a DOI ending in ``\n::error …``, a
#: title with an ESC sequence).  An entry is one line, as LaTeX and HTML would set it:
#: breaks become spaces and the rest is dropped, so no value can start a line of its own in
#: a CI log (where ``::`` starts a workflow command) or drive a terminal.
_BREAKS = re.compile("[\t\n\v\f\r\x85\u2028\u2029]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


def entry_text(entry: Entry, fmt: str = "text") -> str:
    """One entry in ``fmt``, margin included (text, markdown) or kept apart (html, rtf)."""
    convert = {"text": to_text, "html": to_html, "markdown": to_markdown, "latex": to_latex,
               "rtf": to_rtf}[fmt]
    body = _one_line(convert(entry.body))
    if not entry.margin:
        return body
    margin = _one_line(convert(entry.margin))
    if fmt == "html":
        return f'<div class="csl-left-margin">{margin}</div><div class="csl-right-inline">{body}</div>'
    if fmt == "rtf":
        return margin + "\\tab " + body
    return margin + " " + body


def _latex_label(margin: str) -> str:
    return re.sub(r"^[\[(]?(.*?)[\].)]?$", r"\1", margin.strip())


def bibliography(entries: Sequence[Entry], fmt: str = "text",
                 labels: dict[str, str] | None = None) -> str:
    """The whole list in ``fmt``; ``labels`` (id → label) are LaTeX ``\\bibitem`` labels
    for author-date styles."""
    if fmt == "text":
        return "".join(entry_text(e, "text") + "\n" for e in entries)
    if fmt == "markdown":
        return "\n".join(entry_text(e, "markdown") + "\n" for e in entries)
    if fmt == "html":
        rows = "".join(f'  <div class="csl-entry">{entry_text(e, "html")}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{rows}</div>\n'
    if fmt == "latex":
        numeric = any(e.margin for e in entries)
        widest = max((_latex_label(to_text(e.margin)) for e in entries), key=len, default="") if numeric else ""
        lines = [r"\begin{thebibliography}{" + latex_escape(widest or "") + "}"]
        if not numeric:
            lines.append(r"\makeatletter\renewcommand\@biblabel[1]{}\makeatother")
        for e in entries:
            key = re.sub(r"[\\{}%#,~\s]", "", e.id) or "item"
            if e.margin:
                label = "[" + latex_escape(_latex_label(_one_line(to_text(e.margin)))) + "]"
            elif labels and labels.get(e.id):
                label = "[" + latex_escape(_one_line(labels[e.id])).replace("]", "{]}") + "]"
            else:
                label = ""
            lines.append(rf"\bibitem{label}{{{key}}}")
            lines.append(_one_line(to_latex(e.body)))
            lines.append("")
        lines.append(r"\end{thebibliography}")
        return "\n".join(lines) + "\n"
    if fmt == "rtf":
        rows = "".join(r"{\pard\sa120 " + entry_text(e, "rtf") + r"\par}" + "\n" for e in entries)
        return r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}" + "\n" + rows + "}\n"
    raise ValueError(f"unknown output format {fmt!r}; formats: {', '.join(FORMATS)}")


def inline(markup: str, fmt: str = "text") -> str:
    """A citation (or any markup) in ``fmt``, without list wrapping."""
    return _one_line({"text": to_text, "html": to_html, "markdown": to_markdown, "latex": to_latex,
                      "rtf": to_rtf}[fmt](markup))
