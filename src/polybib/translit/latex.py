"""Romanized text as plain-ASCII LaTeX, for classic BibTeX and 8-bit LaTeX.

Classic BibTeX (and pdfLaTeX without ``inputenc`` support for the letter) breaks on
``ŝ``, ``ʹ`` or a tie bar.  :func:`to_latex_ascii` writes every letter that polybib's
schemes produce as a LaTeX accent command on an ASCII letter, braced the way BibTeX
needs it to sort and change case correctly (``{\\v{c}}``):

* accents: ``č`` → ``{\\v{c}}``, ``ŝ`` → ``{\\^{s}}``, ``ë`` → ``{\\"{e}}``, ``ĭ`` →
  ``{\\u{\\i}}`` (dotless i under an accent), ``ǰ`` → ``{\\v{\\j}}``, ``ė`` → ``{\\.{e}}``,
  ``a̋`` → ``{\\H{a}}``, ``ḥ`` → ``{\\d{h}}``, ``ķ`` → ``{\\c{k}}``, ``ȳ`` → ``{\\={y}}``;
* tie bars of ALA-LC (``t͡s``, ``i͡a``, ``I͡U``) → ``{\\t{ts}}``, ``{\\t{ia}}``, ``{\\t{IU}}``;
* ISO 9's soft and hard signs ``ʹ`` ``ʺ`` → ``{$'$}`` ``{$''$}`` (primes; this is what
  AMS's ``\\cprime``/``\\cdprime`` expand to, without needing their definitions);
* BGN/PCGN's ``’`` ``”`` → ``'`` ``''``, its interpunct ``·`` → ``{$\\cdot$}``;
* ``đ`` → ``{\\dj}``, which needs T1 font encoding (``\\usepackage[T1]{fontenc}``), the
  only such letter (Serbian/ISO 9 ``ђ``);
* LaTeX's special characters (``& % # _ $ { } ~ ^ \\``) are escaped, so plain text is
  safe, and so is the backtick of GOST 7.79 System B (``ъ`` → ````` ``), which LaTeX would
  otherwise set as an opening quote.

Characters no scheme produces and that have no LaTeX spelling here are left as they are.
"""
from __future__ import annotations

import re
import unicodedata

#: Combining mark → LaTeX accent command.
_ACCENT = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=",
    "\u0306": "u", "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H",
    "\u030c": "v", "\u0323": "d", "\u0326": "c", "\u0327": "c", "\u0328": "k",
    "\u0331": "b", "\u0332": "b",
}
_SYMBOL = {
    "\u02b9": "{$'$}", "\u02ba": "{$''$}", "\u2019": "'", "\u201d": "''", "\u2018": "`",
    "\u201c": "``", "\u02bc": "'", "\u00b7": "{$\\cdot$}", "\u2021": "{\\ddag}",
    "đ": "{\\dj}", "Đ": "{\\DJ}", "æ": "{\\ae}", "Æ": "{\\AE}", "ø": "{\\o}", "Ø": "{\\O}",
    "ł": "{\\l}", "Ł": "{\\L}", "ß": "{\\ss}", "œ": "{\\oe}", "Œ": "{\\OE}",
    # quotes as LaTeX's own ``…'': \guillemotleft and \quotedblbase exist only in T1 fonts,
    # and a .bst journal's preamble is not ours to know
    "«": "``", "»": "''", "–": "--", "—": "---",
    "„": "``", "…": "{\\ldots}", "№": "No.", "\u00a0": "~",
}
_SPECIAL = {
    "&": "\\&", "%": "\\%", "#": "\\#", "_": "\\_", "$": "\\$", "{": "\\{", "}": "\\}",
    "~": "{\\textasciitilde}", "^": "{\\textasciicircum}", "\\": "{\\textbackslash}",
    # GOST 7.79 B writes backticks (ъ ``, ь `); in LaTeX `` would be an opening quote
    "`": "{\\textasciigrave}",
}
_TIE = re.compile(r"(\w)\u0361(\w)")


def to_latex_ascii(text: str, escape: bool = True) -> str:
    """``text`` as ASCII LaTeX; ``escape=False`` leaves ``& % # _ $ { } ~ ^ \\`` alone
    (for text that is LaTeX already)."""
    text = unicodedata.normalize("NFC", text)
    text = _TIE.sub(lambda m: "\x00" + m.group(1) + m.group(2) + "\x01", text)
    out: list[str] = []
    for match in _CLUSTER.finditer(text):
        cluster = match.group(0)
        if cluster == "\x00":
            out.append("{\\t{")
        elif cluster == "\x01":
            out.append("}}")
        elif cluster.isascii() and len(cluster) == 1:
            out.append(_SPECIAL.get(cluster, cluster) if escape else cluster)
        elif cluster in _SYMBOL:
            out.append(_SYMBOL[cluster])
        else:
            out.append(_letter(cluster))
    return "".join(out)


#: One character with the combining marks that follow it (the tie bar is handled apart).
_CLUSTER = re.compile("[\x00\x01]|.[\u0300-\u0360\u0362-\u036f]*|[\u0300-\u036f]", re.S)
#: Marks drawn under the letter: a dotted i keeps its dot under them.
_BELOW = set("\u0323\u0326\u0327\u0328\u0331\u0332")


def _letter(cluster: str) -> str:
    decomposed = unicodedata.normalize("NFD", cluster)
    base, marks = decomposed[0], decomposed[1:]
    if not marks:
        return "" if base in _ACCENT else cluster      # a stray combining mark is dropped
    if not base.isascii() or any(m not in _ACCENT for m in marks):
        return cluster
    above = any(m not in _BELOW for m in marks)
    body = "\\i" if base == "i" and above else "\\j" if base == "j" and above else base
    for mark in marks:
        body = f"\\{_ACCENT[mark]}{{{body}}}"
    return "{" + body + "}"
