"""What may go between the braces of a ``.bib`` file, beyond ordinary text.

:func:`polybib.latex.encode` makes text safe.  This module does the same for the parts of an
entry that are not text: field names, verbatim fields (``url``, ``doi``), ``langid`` and the
LaTeX of ``biblatex.*`` extras.  The rule is the one :func:`polybib.latex.is_safe_value`
checks: BibTeX, biber and polybib's own reader must end every value at the same place, and
LaTeX must not run a command that the record's source did not write as LaTeX.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from ... import latex

#: A field name BibTeX and biber both read as one name (no white space, no ``"#%'(),={}``,
#: not starting with a digit); ``@`` and ``\\`` are refused too, for polybib's reader.
_FIELD_NAME = re.compile(r"[^\s\"#%'(),={}@\\]+")
_BAD_IN_NAME = re.compile(r"[\s\"#%'(),={}@\\]")


def field_name(name: str) -> str:
    """``name`` with what cannot stand in a field name removed ('' when nothing is left)."""
    if _FIELD_NAME.fullmatch(name) and not name[0].isdigit():
        return name
    cleaned = _BAD_IN_NAME.sub("", name).lstrip("0123456789")
    return "".join(c for c in cleaned if c.isprintable())


#: Characters written as ``%XX`` in a URL: those RFC 3986 does not allow in one (space,
#: ``" < > \\ ^ ` { | }``), which are also those that could end a BibTeX value or make TeX
#: read a command (``^^5c`` is a backslash to TeX), and control characters.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}\s]")
#: In a DOI, PMID or PMCID ``<``, ``>``, ``"`` and ``|`` are legitimate characters
#: (``10.1002/(SICI)…<693::AID-ASI4>3.0.CO;2-O``) and harmless inside biblatex's verbatim
#: fields; only what breaks the value or TeX's reading is encoded.
_ID_UNSAFE = re.compile(r"[\x00-\x20\x7f\\^`{}\s]")


#: What a value may never hold as it is, however balanced: control characters other than
#: tab and line breaks, a line that starts with ``@`` (a new entry to bibtexparser), and
#: TeX's ``^^`` notation.
_NEVER_AS_IS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\r\n][ \t]*@|\^\^")


def _as_is(value: str) -> bool:
    """Whether every reader ends ``value`` at the same place when it is written as it is."""
    return latex.is_safe_value(value) and not _NEVER_AS_IS.search(value)


def verbatim(field: str, value: str, dialect: str | None = "biblatex") -> str:
    """A verbatim field's body.  A value every reader ends at the same place (balanced
    braces counted both ways, no trailing backslash, no control characters) is written as
    it is, so a URL or DOI read from a ``.bib`` comes back unchanged; otherwise the
    characters that could break out of it are percent-encoded, as a URL (and a DOI
    resolver) reads them back."""
    value = value.strip()
    # biblatex reads these fields verbatim; classic BibTeX styles print them as LaTeX
    # (plainnat's \doi{…}), where a backslash from CSL-JSON, RIS or text, a character
    # there, would run as a command: it is encoded (%5C)
    if _as_is(value) and ("\\" not in value or dialect != "bibtex" or latex.source_is_latex_now()):
        return value
    unsafe = _URL_UNSAFE if field == "url" else _ID_UNSAFE
    return unsafe.sub(lambda m: quote(m.group(), safe=""), value)


def date_literal(text: str) -> str:
    """A date field's body for a date that is not a date (``[1487~/1490]``, ``n.d.``,
    ``{\\noopsort{1973b}}1973``).  The reader takes a date field back without decoding
    LaTeX (``~`` is EDTF's "circa"), so the literal goes back as it is when it is safe and
    runs no code (:func:`polybib.latex.runs_code`); otherwise it is escaped as text."""
    # from another source a backslash is a character: only .bib's own LaTeX passes
    if _as_is(text) and not latex.runs_code(text) and ("\\" not in text or latex.source_is_latex_now()):
        return text
    return latex.encode(text, latex=False)


_LANGID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def langid(value: str) -> str:
    """A ``langid``/``language`` value: a babel or polyglossia name passes as it is; any
    other text is escaped as text."""
    value = value.strip()
    return value if _LANGID.fullmatch(value) else latex.encode(value, latex=False)


#: Commands that only typeset text: accents, letters, markup, biblatex's punctuation and
#: formatting macros, logos.  A ``biblatex.*`` extra from a source other than ``.bib``
#: (CSL-JSON's ``custom``) keeps its LaTeX only when it uses nothing else; ``\\input``,
#: ``\\write``, ``\\def``, ``\\csname`` and the rest make it text.
_HARMLESS_COMMANDS = frozenset(latex.harmless_commands()) | frozenset("""
    LaTeX LaTeXe TeX BibTeX XeTeX XeLaTeX LuaTeX LuaLaTeX ConTeXt AmSTeX AmS
    mkbibquote mkbibemph mkbibitalic mkbibbold mkbibacro mkbibparens mkbibbrackets
    mkbibsuperscript mkbibsubscript mkbibordinal mkbibnamefamily mkbibnamegiven
    bibstring bibrangedash bibdatedash adddot addcomma addcolon addsemicolon addperiod
    addspace addnbspace addthinspace addabbrvspace addslash isdot nopp pno ppno psq psqq
    textins textelp textbf textit textsl textsc textup textmd textrm textsf texttt
    textnormal textsuperscript textsubscript emph em it bf sc rm sf tt up normalfont
    enquote mbox hbox url nolinkurl path noopsort relax space nobreakspace thinspace
    enspace quad qquad ldots dots cdot times pm mp alpha beta gamma delta epsilon mu pi
    sigma omega Alpha Beta Gamma Delta Omega ensuremath protect autocap midsentence
    bibsentence singleletter printfirst vphantom hphantom phantom mkbibnamelast
    mkbibnamefirst nohyphenation textnohyphenation
""".split())
_CONTROL_WORD = re.compile(r"\\([A-Za-z@]+|.)", re.S)


def harmless_latex(value: str) -> bool:
    """Whether ``value`` is LaTeX that only typesets text, safe between braces."""
    if "^^" in value or not latex.is_safe_value(value):
        return False
    for m in _CONTROL_WORD.finditer(value):
        name = m.group(1)
        symbol = len(name) == 1 and not name.isalpha() and name != "@"   # \" \' \& \\
        if not symbol and name not in _HARMLESS_COMMANDS:
            return False
    return True


def extra_value(value: str, from_bibtex: bool) -> str:
    """The body of a ``biblatex.*`` extra, which holds LaTeX.  From ``.bib`` it is the
    file's own text and passes whenever it is safe between braces; from another source it
    passes only when its commands are harmless (:func:`harmless_latex`).  Otherwise it
    is written as text."""
    if latex.is_safe_value(value) if from_bibtex else harmless_latex(value):
        return value
    return latex.encode(value, latex=False)
