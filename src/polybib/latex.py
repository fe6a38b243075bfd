"""LaTeX in BibTeX values ⇄ the model's Unicode text with CSL rich-text markup.

Decoding turns accent commands (``{\\"o}``, ``\\v{c}``, ``\\ss``), escaped specials
(``\\&``, ``\\%``) and typographic ligatures (``--``, ``~``) into Unicode, and protective
braces (``{NASA}``) into ``<span class="nocase">NASA</span>``, which is how CSL-JSON marks
text a style must not re-case.  ``\\emph``/``\\textit``/``\\textbf``/``\\textsuperscript``…
become ``<i>``/``<b>``/``<sup>``.

What we do not understand stays as LaTeX in the text (``\\LaTeX``, ``$x^2$``,
``\\foo{bar}``): the encoder passes backslash commands, math and balanced braces through
unchanged, so an unknown macro survives a round trip instead of being mangled or lost.

Encoding for UTF-8 output escapes only what LaTeX needs escaped; ``ascii=True`` also turns
accented Latin letters into accent commands for classic BibTeX, and never writes
``{\\cyra}``-style macros.
"""
from __future__ import annotations

import re
import unicodedata

# Accent commands → combining characters.
_ACCENTS = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", "u": "\u0306",
    ".": "\u0307", '"': "\u0308", "r": "\u030a", "H": "\u030b", "v": "\u030c", "d": "\u0323",
    "c": "\u0327", "k": "\u0328", "b": "\u0331", "t": "\u0361",
}

# Letter-like macros and symbols.
_SYMBOLS = {
    "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
    "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»", "textellipsis": "…",
    "ldots": "…", "dots": "…", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
    "pounds": "£", "textregistered": "®", "texttrademark": "™", "textdegree": "°",
    "textnumero": "№", "textsection": "§", "textbullet": "•", "textdagger": "†",
    "textasciitilde": "~", "textbackslash": "\\", "textunderscore": "_", "textbar": "|",
    "textless": "<", "textgreater": ">", "textperiodcentered": "·",
}
_ESCAPED = {"&": "&", "%": "%", "#": "#", "_": "_", "$": "$", " ": " ", ",": "\u2009",
            "-": "\u00ad", "/": "", "@": ""}
_MARKUP = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"),
    "mkbibemph": ("<i>", "</i>"), "textbf": ("<b>", "</b>"), "mkbibbold": ("<b>", "</b>"),
    "textsuperscript": ("<sup>", "</sup>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textup": ("", ""), "textnormal": ("", ""), "textrm": ("", ""),
    "mbox": ("", ""), "hbox": ("", ""), "url": ("", ""), "nolinkurl": ("", ""),
}
_NOCASE_OPEN = '<span class="nocase">'
#: ``<i>`` is written ``\\emph``, as ``.bib`` files write it: inside a title that a style
#: sets in italics, ``\\emph`` turns back to upright, where ``\\textit`` would vanish.
_TAG_TO_LATEX = {
    "<i>": "\\emph{", "<b>": "\\textbf{", "<sup>": "\\textsuperscript{",
    "<sub>": "\\textsubscript{", '<span style="font-variant:small-caps;">': "\\textsc{",
    _NOCASE_OPEN: "{",
}
_TAG_RE = re.compile(r'<(?:i|b|sup|sub)>|</(?:i|b|sup|sub|span)>|<span class="nocase">|'
                     r'<span style="font-variant:small-caps;">')


#: Characters that stand for themselves: all but the ones ``_Decoder.run`` interprets
#: (a single space is itself; a run of white space becomes one space).
_PLAIN_RUN = re.compile(r"(?:[^\\{}$~\-`'\r\n\t ]|-(?!-)|`(?!`)|'(?!')| (?![\r\n\t ]))+")


class _Decoder:
    """A small recursive-descent reader of the LaTeX found in bibliography values."""

    def __init__(self, text: str, markup: bool):
        self.s = text
        self.i = 0
        self.markup = markup

    def run(self, depth: int = 0, in_nocase: bool = False) -> str:
        out: list[str] = []
        s = self.s
        plain = _PLAIN_RUN.match
        while self.i < len(s):
            m = plain(s, self.i)
            if m is not None:               # text that decodes to itself, taken whole
                out.append(m.group())
                self.i = m.end()
                if self.i >= len(s):
                    break
            c = s[self.i]
            if c == "\\":
                out.append(self.command(in_nocase))
            elif c == "{":
                out.append(self.group(depth, in_nocase))
            elif c == "}":
                if depth:
                    return "".join(out)
                out.append("}")      # stray closing brace: keep it
                self.i += 1
            elif c == "$":
                out.append(self.math())
            elif c == "~":
                out.append("\u00a0")
                self.i += 1
            elif c == "-" and s.startswith("---", self.i):
                out.append("—")
                self.i += 3
            elif c == "-" and s.startswith("--", self.i):
                out.append("–")
                self.i += 2
            elif c == "`" and s.startswith("``", self.i):
                out.append("“")
                self.i += 2
            elif c == "'" and s.startswith("''", self.i):
                out.append("”")
                self.i += 2
            elif c in "\r\n\t ":
                j = self.i
                while j < len(s) and s[j] in "\r\n\t ":
                    j += 1
                out.append(" ")
                self.i = j
            else:
                out.append(c)
                self.i += 1
        return "".join(out)

    def math(self) -> str:
        end = self.s.find("$", self.i + 1)
        if end < 0:
            self.i += 1
            return "$"
        text = self.s[self.i:end + 1]
        self.i = end + 1
        return text

    def group(self, depth: int, in_nocase: bool) -> str:
        start = self.i
        self.i += 1
        special = self.s.startswith("\\", self.i)   # {\"o}, {\v c}, {\ss}: a character, not protection
        inner = self.run(depth + 1, in_nocase or not special)
        closed = self.i < len(self.s)
        self.i += 1 if closed else 0
        if not closed:
            return self.s[start:start + 1] + inner
        if special or in_nocase or not self.markup or not inner:
            return inner
        return f"{_NOCASE_OPEN}{inner}</span>"

    def argument(self, in_nocase: bool) -> str | None:
        """The next macro argument: a braced group's text, or a single character."""
        s = self.s
        j = self.i
        while j < len(s) and s[j] == " ":
            j += 1
        if j >= len(s):
            return None
        self.i = j
        if s[j] == "{":
            self.i += 1
            inner = self.run(1, True)
            if self.i < len(s):
                self.i += 1
            return inner
        if s[j] == "\\":
            return self.command(in_nocase)
        self.i += 1
        return s[j]

    def command(self, in_nocase: bool) -> str:
        s = self.s
        start = self.i
        j = self.i + 1
        if j >= len(s):
            self.i = j
            return "\\"
        if not s[j].isalpha():
            ch = s[j]
            self.i = j + 1
            if ch in _ACCENTS:
                return self.accent(ch, start, in_nocase)
            if ch in _ESCAPED:
                return _ESCAPED[ch]
            return s[start:self.i]          # \{ \} \\ and others stay LaTeX
        while j < len(s) and s[j].isalpha():
            j += 1
        name = s[start + 1:j]
        self.i = j
        if name in _ACCENTS:
            return self.accent(name, start, in_nocase)
        if name in _SYMBOLS:
            if self.i < len(s) and s[self.i] == " ":
                self.i += 1                  # "\ss x": the space ends the macro name
            elif s.startswith("{}", self.i):
                self.i += 2
            return _SYMBOLS[name]
        if name in _MARKUP and s[self.i:self.i + 1] in ("{", " "):
            arg = self.argument(in_nocase)
            if arg is None:
                return s[start:self.i]
            opening, closing = _MARKUP[name]
            return f"{opening}{arg}{closing}" if self.markup else arg
        if s.startswith("{}", self.i):
            self.i += 2                      # \LaTeX{}: keep the empty group that ends it
        else:
            self.i = _end_of_arguments(s, self.i)   # \cite[p.~3]{key}: its arguments too
        return s[start:self.i]               # unknown macro: kept as LaTeX

    def accent(self, cmd: str, start: int, in_nocase: bool) -> str:
        arg = self.argument(in_nocase)
        if not arg:
            return self.s[start:self.i]
        if arg in ("ı", "ȷ"):
            arg = "i" if arg == "ı" else "j"
        if cmd == "t" and len(arg) == 2:
            return unicodedata.normalize("NFC", arg[0] + _ACCENTS["t"] + arg[1])
        return unicodedata.normalize("NFC", arg[0] + _ACCENTS[cmd]) + arg[1:]


def _end_of_arguments(s: str, i: int) -> int:
    """Where the ``[…]`` and ``{…}`` arguments that directly follow a macro end.

    An unknown macro's arguments are LaTeX, not text: ``\\cite{x}`` must stay ``\\cite{x}``
    (its braces are not a protected ``<span class="nocase">x</span>``), and a key or a
    label must not be decoded (``\\ref{fig--1}`` keeps its ``--``).  Unbalanced arguments
    are left to the text reader.
    """
    while i < len(s) and s[i] in "[{":
        close = "]" if s[i] == "[" else "}"
        depth, j = 0, i
        while j < len(s):
            c = s[j]
            if c == "\\":
                j += 2
                continue
            if c == s[i]:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= len(s):
            return i
        i = j + 1
    return i


def decode(text: str, markup: bool = True) -> str:
    """LaTeX → Unicode.  With ``markup`` protective braces become nocase spans, else vanish."""
    if "\\" not in text and "{" not in text and "~" not in text and "--" not in text \
            and "$" not in text and "``" not in text and "''" not in text and "\n" not in text:
        return text
    return _Decoder(text, markup).run()


_SPECIALS_UTF8 = {"&": "\\&", "%": "\\%", "#": "\\#", "_": "\\_", "\u00a0": "~"}


def encode(text: str, ascii: bool = False) -> str:
    """Unicode model text → a BibTeX value body (without the enclosing braces).

    LaTeX commands, math and braces already in the text pass through.  If the braces do
    not balance, they are escaped so that the value cannot break the file.
    """
    text = _markup_to_latex(text)
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            m = re.match(r"\\(?:[A-Za-z]+|.)", text[i:])
            out.append(m.group(0) if m else "\\")
            i += len(m.group(0)) if m else 1
            continue
        if c == "$":
            end = text.find("$", i + 1)
            if end > i + 1:
                out.append(text[i:end + 1])
                i = end + 1
                continue
            out.append("\\$")
        elif c in _SPECIALS_UTF8:
            out.append(_SPECIALS_UTF8[c])
        else:
            out.append(c)
        i += 1
    result = "".join(out)
    if not braces_balanced(result):
        result = re.sub(r"(?<!\\)([{}])", r"\\\1", result)
    if ascii and not result.isascii():
        from .translit.latex import to_latex_ascii   # knows every scheme's letters
        result = to_latex_ascii(result, escape=False)
    return result


def _markup_to_latex(text: str) -> str:
    if "<" not in text:
        return text
    stack: list[str] = []

    def replace(m: re.Match) -> str:
        tag = m.group(0)
        if tag.startswith("</"):
            return "}" if stack and stack.pop() else tag
        stack.append(tag)
        return _TAG_TO_LATEX[tag]

    return _TAG_RE.sub(replace, text)


def braces_balanced(text: str) -> bool:
    depth = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0
