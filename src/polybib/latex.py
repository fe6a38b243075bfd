"""LaTeX in BibTeX values ⇄ the model's Unicode text with CSL rich-text markup.

Decoding turns accent commands (``{\\"o}``, ``\\v{c}``, ``\\ss``), escaped specials
(``\\&``, ``\\%``) and typographic ligatures (``--``, ``~``) into Unicode, and protective
braces (``{NASA}``) into ``<span class="nocase">NASA</span>``, which is how CSL-JSON marks
text a style must not re-case.  ``\\emph``/``\\textit``/``\\textbf``/``\\textsuperscript``…
become ``<i>``/``<b>``/``<sup>``.

What we do not understand stays as LaTeX in the text (``\\LaTeX``, ``$x^2$``,
``\\foo{bar}``), with the braces that delimit it (``{\\BibTeX}ing`` is not
``\\BibTeXing``).  A group holding exactly one accent or letter command (``{\\"o}``) is a
character; any other group is protection (``{\\textsubscript{x}Se}`` → a nocase span).
Nesting deeper than :data:`MAX_NESTING` is read without recursion.

Encoding depends on where the text came from.  For a record read from ``.bib`` (see
:func:`source_is_latex`) the LaTeX kept in the text passes through, so an unknown macro
survives a round trip.  For CSL-JSON, RIS and free text a backslash is a character: every
character LaTeX or BibTeX would read as markup is written as the character it is
(``\\`` → ``\\textbackslash{}``, ``{`` → ``\\textbraceleft{}``, ``--`` → ``-{}-``), and
decoding gives the text back.  Either way the result is safe between braces
(:func:`is_safe_value`): BibTeX, which counts every brace, and polybib's reader, which
skips ``\\{``, end the value at the same place, and it never ends in a backslash.

Encoding for UTF-8 output escapes only what LaTeX needs escaped; ``ascii=True`` also turns
accented Latin letters into accent commands for classic BibTeX, and never writes
``{\\cyra}``-style macros.
"""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

# Accent commands → combining characters.
_ACCENTS = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", "u": "\u0306",
    ".": "\u0307", '"': "\u0308", "r": "\u030a", "H": "\u030b", "v": "\u030c", "d": "\u0323",
    "c": "\u0327", "k": "\u0328", "b": "\u0331", "t": "\u0361",
}

# Letter-like macros and symbols.
#: What ``\\textbackslash`` decodes to while a value is read: a backslash that is text, told
#: apart from the backslash of LaTeX kept undecoded (a group around ``\\textbackslash{},``
#: protects text, one around ``\\BibTeX`` delimits a command); made a backslash at the end.
_DECODED_BACKSLASH = "\ufdd0"   # a Unicode noncharacter: never in interchanged text

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
    "textasciitilde": "~", "textbackslash": _DECODED_BACKSLASH, "textunderscore": "_", "textbar": "|",
    "textless": "<", "textgreater": ">", "textperiodcentered": "·",
    "textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^",
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


#: Past this many nested groups and commands the decoder stops recursing: deeper braces
#: are dropped as redundant protection, a deeper macro argument is kept as written, so
#: that a value of a thousand nested braces cannot exhaust Python's stack.
MAX_NESTING = 100


class _Decoder:
    """A small recursive-descent reader of the LaTeX found in bibliography values."""

    def __init__(self, text: str, markup: bool):
        self.s = text
        self.i = 0
        self.markup = markup
        self.level = 0          # groups and commands being read, to bound the recursion
        #: start → (text, end) of each command read: special_character reads ahead and
        #: backs off, and without this nested groups would be read again at every level
        self.commands_read: dict[int, tuple[str, int]] = {}

    def run(self, depth: int = 0, in_nocase: bool = False) -> str:
        self.level += 1                  # no try/finally: a decoder is not reused after an error
        text = self._run(depth, in_nocase)
        self.level -= 1
        return text

    def _run(self, depth: int, in_nocase: bool) -> str:
        out: list[str] = []
        flat = 0
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
            elif c == "{" and self.level >= MAX_NESTING:
                flat += 1                    # too deep to recurse: protection inside
                self.i += 1                  # protection, dropped as a nested group's is
            elif c == "{":
                out.append(self.group(depth, in_nocase))
            elif c == "}" and flat:
                flat -= 1
                self.i += 1
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
        if self.level >= MAX_NESTING:
            return self.raw_group()
        start = self.i
        self.i += 1
        if self.s.startswith("\\", self.i):
            char = self.special_character(in_nocase)
            if char is not None:
                return char
        inner = self.run(depth + 1, True)
        closed = self.i < len(self.s)
        self.i += 1 if closed else 0
        if not closed:
            return self.s[start:start + 1] + inner
        if not inner:
            return inner
        if in_nocase or not self.markup:
            # braces that delimit kept LaTeX ({\BibTeX}ing) are part of it: dropping them
            # would make another macro (\BibTeXing)
            return "{" + inner + "}" if "\\" in inner else inner
        return f"{_NOCASE_OPEN}{inner}</span>"

    def special_character(self, in_nocase: bool) -> str | None:
        """``{\\"o}``, ``{\\v c}``, ``{\\ss}``: a group holding exactly one command that
        decodes to text is a character, not protection (BibTeX's "special character").
        None, with nothing consumed, for any other group that starts with a backslash
        (``{\\textsubscript{x}Se}`` protects, ``{\\BibTeX}`` keeps its braces)."""
        save = self.i
        text = self.command(in_nocase)
        j = self.i
        while j < len(self.s) and self.s[j] == " ":
            j += 1
        if text and "\\" not in text and self.s.startswith("}", j):
            self.i = j + 1
            return text
        self.i = save
        return None

    def raw_group(self) -> str:
        """The braced group at ``i`` as written (past :data:`MAX_NESTING`: kept as LaTeX)."""
        start = self.i
        end = _group_end(self.s, start)
        self.i = len(self.s) if end < 0 else end + 1
        return self.s[start:self.i]

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
            if self.level >= MAX_NESTING:
                return self.raw_group()
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
        start = self.i
        known = self.commands_read.get(start)
        if known is not None:            # read before, by special_character's look-ahead
            self.i = known[1]
            return known[0]
        self.level += 1
        text = self._command(in_nocase)
        self.level -= 1
        self.commands_read[start] = (text, self.i)
        return text

    def _command(self, in_nocase: bool) -> str:
        s = self.s
        start = self.i
        j = self.i + 1
        if j >= len(s):
            self.i = j
            return "\\"
        if self.level >= MAX_NESTING:          # too deep: the command stays as written
            j += 1
            while s[j - 1].isalpha() and j < len(s) and s[j].isalpha():
                j += 1
            self.i = j
            return s[start:j]
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
        end = _group_end(s, i)
        if end < 0:
            return i
        i = end + 1
    return i


def _group_end(s: str, i: int) -> int:
    """Where the ``{…}`` or ``[…]`` group that opens at ``i`` closes (its nested groups of
    the same kind counted, a backslash's next character skipped), or -1 when it does not."""
    opening = s[i]
    closing = "]" if opening == "[" else "}"
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def harmless_commands() -> list[str]:
    """The commands the decoder reads as characters or markup (accents, letters, ``\\emph``):
    commands that only typeset text."""
    return [name for name in (*_ACCENTS, *_SYMBOLS, *_MARKUP) if name.isalpha()]


def decode(text: str, markup: bool = True) -> str:
    """LaTeX → Unicode.  With ``markup`` protective braces become nocase spans, else vanish."""
    if "\\" not in text and "{" not in text and "~" not in text and "--" not in text \
            and "$" not in text and "``" not in text and "''" not in text and "\n" not in text:
        return text
    return _Decoder(text, markup).run().replace(_DECODED_BACKSLASH, "\\")


#: Characters LaTeX would read as markup, written as the characters they are.  Braces and
#: backslash are written as commands, never as ``\\{`` ``\\}``: BibTeX counts a brace
#: whether or not a backslash precedes it, and a value ending in ``\\`` escapes its own
#: closing brace for every reader that does not (polybib's, bibtexparser's).
_TEXT_ESCAPES = {
    "\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}",
    "$": "\\$", "&": "\\&", "%": "\\%", "#": "\\#", "_": "\\_",
    "^": "\\textasciicircum{}", "~": "\\textasciitilde{}", "\u00a0": "~",
}
#: Pairs LaTeX sets as one glyph (``--`` is an en dash): the second is kept apart by ``{}``.
_LIGATURE_STARTS = {"-": "-", "`": "`", "'": "'"}
_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)
_MATH = re.compile(r"\$[^$]+\$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_source_is_latex: ContextVar[bool] = ContextVar("polybib_source_is_latex", default=False)


@contextmanager
def source_is_latex(flag: bool) -> Iterator[None]:
    """Within this block :func:`encode` (called without ``latex=``) treats backslash
    commands, braces and ``$…$`` in the text as LaTeX: for records read from ``.bib``,
    whose undecoded LaTeX (``\\BibTeX``) the model keeps.  Elsewhere (CSL-JSON, RIS,
    free text) a backslash is a character, and so is every brace."""
    token = _source_is_latex.set(flag)
    try:
        yield
    finally:
        _source_is_latex.reset(token)


def source_is_latex_now() -> bool:
    """Whether the text being written came from ``.bib`` (see :func:`source_is_latex`)."""
    return _source_is_latex.get()


def encode(text: str, ascii: bool = False, latex: bool | None = None) -> str:
    """Unicode model text → a BibTeX value body (without the enclosing braces).

    The result is always safe between braces: BibTeX (which counts every brace), biber
    and polybib's reader (which skip ``\\{``) end the value at the same place, and it
    never ends in a backslash.  ``latex`` (default: :func:`source_is_latex`) says the text
    came from ``.bib``: its backslash commands, braces and math pass through when that is
    safe; otherwise, and for text from any other source, every character is written as
    itself (``\\`` → ``\\textbackslash{}``), so that decoding gives the text back.
    """
    if _NEEDS_ENCODING.search(text) is None:
        # the usual value: nothing to escape in either mode, and nothing that could make
        # it unsafe (no brace, backslash, caret or line break), so both modes give it back
        result = text
    else:
        result = _encode_checked(text, _source_is_latex.get() if latex is None else latex)
    if ascii and not result.isascii():
        from .translit.latex import to_latex_ascii   # knows every scheme's letters
        converted = to_latex_ascii(result, escape=False)
        if is_safe_value(converted):
            result = converted
    return result


def _encode_checked(text: str, latex: bool) -> str:
    """:func:`encode` without the ASCII step, for text that needs some encoding."""
    result = None
    if latex:
        result = _encode(text, True)
        if not is_safe_value(result) or runs_code(result):
            result = None
    if result is None:
        result = _encode(text, False)
    return result


#: Text with none of these is written as it is, in either mode.
_NEEDS_ENCODING = re.compile(r"[\\{}$&%#_^~\u00a0\r\n\t<\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|--|``|''|  ")


#: TeX and LaTeX commands that read or write files, run programs, or define or rename
#: commands: never typesetting.  The model cannot tell ``\\input`` the LaTeX of a .bib
#: from ``\\input`` decoded from ``\\textbackslash{}input`` (text written from CSL-JSON),
#: so a .bib value whose changed text holds one of these is written as text, and text
#: escaped once cannot become code by being read back, edited and written again.
_CODE_COMMANDS = frozenset("""
    input include includeonly InputIfFileExists IfFileExists endinput openin openout read
    readline write immediate closein closeout newwrite newread special pdfobj pdfliteral
    directlua latelua luaexec luadirect ShellEscape shellescape write18 def edef gdef xdef
    let futurelet newcommand renewcommand providecommand DeclareRobustCommand
    DeclareTextCommand newenvironment renewenvironment csname endcsname expandafter
    noexpand catcode lccode uccode mathcode scantokens detokenize string meaning lowercase
    uppercase makeatletter makeatother usepackage RequirePackage documentclass
    begin end everypar everyeof everyhbox everyvbox everymath everydisplay everyjob
    afterassignment aftergroup jobname typein typeout message errmessage show showthe
    batchmode nonstopmode scrollmode errorstopmode dump shipout output loop repeat
    pdfshellescape pdffiledump pdfmdfivesum filemoddate pdffilemoddate
""".split())
_CONTROL_WORD = re.compile(r"\\([A-Za-z@]+)")


def runs_code(body: str) -> bool:
    """Whether LaTeX ``body`` uses a command in :data:`_CODE_COMMANDS`, an internal
    (``@``) command, or TeX's ``^^`` character notation (``^^5c`` is a backslash)."""
    if "^^" in body:
        return True
    return any(name in _CODE_COMMANDS or "@" in name for name in _CONTROL_WORD.findall(body))


def _encode(text: str, latex: bool) -> str:
    if _NEEDS_ENCODING.search(text) is None:
        return text
    text = _CONTROL.sub("", text)
    text = _markup_to_latex(text, latex)
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\x00":                     # markup turned into LaTeX by _markup_to_latex
            end = text.index("\x01", i)
            out.append(text[i + 1:end])
            i = end + 1
            continue
        if latex and c == "\\":
            m = _COMMAND.match(text, i)
            if m and m.group() not in ("\\\n", "\\\r", "\\\t"):
                # an unknown command's arguments were kept as LaTeX by the decoder
                # (``\\citep[s.~3]{key}``): they go back as they came
                end = _end_of_arguments(text, m.end()) if m.group()[1:].isalpha() else m.end()
                out.append(text[i:end])
                i = end
                continue
        if latex and c == "$":
            m = _MATH.match(text, i)
            if m:
                out.append(m.group())
                i = m.end()
                continue
        if latex and c in "{}":
            out.append(c)
        elif c in _TEXT_ESCAPES:
            out.append(_TEXT_ESCAPES[c])
        elif c in "\r\n\t":
            # BibTeX reads a line break as a space; written as one, no line of the value
            # can start with "@" (which bibtexparser takes for a new entry)
            out.append(" " if not out or not out[-1].endswith(" ") else "\\ ")
        elif c == " " and out and out[-1].endswith(" "):
            out.append("\\ ")                # a second space: BibTeX would merge it
        elif c in _LIGATURE_STARTS and i + 1 < n and text[i + 1] == c:
            out.append(c + "{}")
        else:
            out.append(c)
        i += 1
    return "".join(out)


_BRACE = re.compile(r"[{}]")
_LINE_STARTING_AT = re.compile(r"\n[ \t]*@")


def is_safe_value(body: str) -> bool:
    """Whether ``body`` between braces ends where it should for every reader: balanced
    and never closing below zero both counting every brace (BibTeX, biber) and counting
    only braces not preceded by a backslash (bibtexparser, polybib); not ending in a
    backslash; no line starting with ``@``."""
    if body.endswith("\\") or ("\n" in body and _LINE_STARTING_AT.search(body)):
        return False
    every = unescaped = 0
    for m in _BRACE.finditer(body):
        step = 1 if m.group() == "{" else -1
        every += step
        if m.start() == 0 or body[m.start() - 1] != "\\":
            unescaped += step
        if every < 0 or unescaped < 0:
            return False
    return every == 0 and unescaped == 0


def _markup_to_latex(text: str, latex: bool = True) -> str:
    """CSL rich-text tags → LaTeX, each marked ``\\x00…\\x01`` so the encoder passes it
    through; a tag left open is closed at the end, a stray closing tag is text."""
    if "<" not in text:
        return text
    stack: list[str] = []

    def replace(m: re.Match) -> str:
        tag = m.group(0)
        if tag.startswith("</"):
            if not stack:
                return tag
            stack.pop()
            return "\x00}\x01"
        stack.append(tag)
        return "\x00" + _TAG_TO_LATEX[tag] + "\x01"

    text = _TAG_RE.sub(replace, text.replace("\x00", "").replace("\x01", ""))
    return text + "\x00}\x01" * len(stack)


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
