"""Citations in documents: in-text markers rendered in the style, and the list of cited works.

Three kinds of marker are recognised:

* Markdown or plain text, pandoc's syntax: ``[@key]``, ``[@a; @b]``, ``[see @key, p. 5]``
  (prefix, key, locator with its label);
* numeric markers already in a text, ``[1]``, ``[1, 3]``, ``[2-4]``: number *n* is the
  *n*-th record of the input (as a typed reference list numbers them);
* LaTeX: ``\\cite{a,b}``, ``\\cite[p.~5]{a}``, ``\\parencite``, ``\\citep`` … (one
  optional argument is the locator, two are prefix and locator, as in natbib/biblatex).

Each marker is replaced by the style's citation; the list of cited works follows, in
citation order or sorted as the style sorts, in place of a ``<!-- bibliography -->`` line,
a ``\\bibliography{…}``/``\\printbibliography`` command, or at the end (in LaTeX, before
``\\end{document}``).  Numbers in numeric styles are the positions in that list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import UsageError
from ..model import Reference
from . import api, multilingual, output
from .cslitem import to_csl_item
from .engine import Processor
from .styles import resolve

_PANDOC = re.compile(r"\[((?:[^\[\]]*?)@[\w:.#$%&\-+?<>~/]+(?:[^\[\]]*))\]")
_PANDOC_ITEM = re.compile(r"^(?P<prefix>(?:.*?[\s-])?)@(?P<key>[\w:.#$%&\-+?<>~/]*[\w])(?P<rest>.*)$", re.S)
_NUMERIC = re.compile(r"\[(\d+(?:\s*[-–,]\s*\d+)*)\]")
_LATEX = re.compile(r"\\(?:[a-zA-Z]*cite[a-zA-Z]*)\*?(?:\s*\[([^\]]*)\])?(?:\s*\[([^\]]*)\])?\s*\{([^{}]+)\}")
_LATEX_BIB = re.compile(r"\\(?:bibliography\{[^{}]*\}|printbibliography(?:\[[^\]]*\])?)")
_PLACEHOLDER = re.compile(r"^[ \t]*<!--\s*(?:bibliography|references)\s*-->[ \t]*$"
                          r"|^:::+[ \t]*\{#refs\}[ \t]*\n:::+[ \t]*$", re.M | re.I)     # pandoc's refs div
#: A heading the author already wrote for the list (Markdown ATX or setext, or a line of its
#: own in text): the list goes under it instead of under a second heading.
_HEADING_WORDS = (r"(?:references|bibliography|works\s+cited|literature(?:\s+cited)?|sources|"
                  r"список\s+(?:использованной\s+|цитируемой\s+)?литературы|"
                  r"список\s+использованных\s+источников|литература|библиография|источники)")
_MD_HEADING = re.compile(rf"^[ \t]{{0,3}}#{{1,6}}[ \t]+{_HEADING_WORDS}[ \t]*:?[ \t]*#*[ \t]*$"
                         rf"|^{_HEADING_WORDS}[ \t]*:?[ \t]*\n(?:=+|-+)[ \t]*$", re.M | re.I)
_TEXT_HEADING = re.compile(rf"^[ \t]*{_HEADING_WORDS}[ \t]*:?[ \t]*$", re.M | re.I)
_LABELS = [(re.compile(r"^(?:pp?\.|pages?|[сС]\.)\s*", re.I), "page"),
           (re.compile(r"^(?:ch(?:ap)?\.|chapter|гл\.)\s*", re.I), "chapter"),
           (re.compile(r"^(?:vols?\.|volume|[тТ]\.)\s*", re.I), "volume"),
           (re.compile(r"^(?:§|sec(?:t)?\.|section)\s*", re.I), "section"),
           (re.compile(r"^(?:fig\.|figure)\s*", re.I), "figure"),
           (re.compile(r"^(?:no\.|№)\s*", re.I), "issue")]


@dataclass
class Cite:
    key: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""


@dataclass
class Marker:
    start: int
    end: int
    cites: list[Cite] = field(default_factory=list)


def _locator(text: str) -> tuple[str, str, str]:
    """(locator, label, suffix) from the text after a key: ``, p. 5`` → ("5", "page", "")."""
    text = text.strip().lstrip(",").strip()
    if not text:
        return "", "page", ""
    for pattern, label in _LABELS:
        found = pattern.match(text)
        if found:
            return text[found.end():].replace("~", " ").strip(), label, ""
    if re.match(r"^\d", text):
        return text, "page", ""
    return "", "page", text


#: Where brackets are not citations: a link's destination ``](…)``, an autolink ``<http…>``,
#: inline code and fenced code blocks.
_NOT_PROSE = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<[a-z][a-z0-9+.-]*:[^\s<>]*>|`[^`\n]+`"
                        r"|^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.M | re.S | re.I)


def _is_link(text: str, start: int, end: int) -> bool:
    """A bracket span that is part of a Markdown link, not a citation: ``[text](url)``,
    ``[text][1]`` (both brackets), ``![image](…)``, a ``[1]: url`` definition."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start else ""
    line_start = start == 0 or text[start - 1] == "\n"
    return after in ("(", "[") or before in ("]", "!") or (line_start and after == ":")


def find_markers(text: str, kind: str, refs: list[Reference]) -> list[Marker]:
    """The citation markers of a document of ``kind`` ("markdown", "text" or "latex");
    brackets that belong to a Markdown link are left alone."""
    markers: list[Marker] = []
    if kind == "latex":
        for m in _LATEX.finditer(text):
            first, second, keys = m.group(1), m.group(2), m.group(3)
            prefix, loc = ("", first) if second is None else (first, second)
            cites = [Cite(k.strip()) for k in keys.split(",") if k.strip()]
            if cites and (loc or prefix):
                locator, label, suffix = _locator(loc or "")
                cites[-1].locator, cites[-1].label, cites[-1].suffix = locator, label, suffix
                cites[0].prefix = (prefix or "").replace("~", " ")
            markers.append(Marker(m.start(), m.end(), cites))
        return markers
    protected = [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)]

    def skip(start: int, end: int) -> bool:
        return _is_link(text, start, end) or any(s <= start < e for s, e in protected)

    for m in _PANDOC.finditer(text):
        if skip(m.start(), m.end()):
            continue
        cites = []
        for part in m.group(1).split(";"):
            found = _PANDOC_ITEM.match(part.strip())
            if not found:
                continue
            locator, label, suffix = _locator(found.group("rest"))
            cites.append(Cite(found.group("key"), locator, label, found.group("prefix").strip(), suffix))
        if cites:
            markers.append(Marker(m.start(), m.end(), cites))
    taken = [(mk.start, mk.end) for mk in markers]
    for m in _NUMERIC.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or skip(m.start(), m.end()):
            continue
        numbers: list[int] = []
        for chunk in re.split(r"\s*,\s*", m.group(1)):
            bounds = re.split(r"\s*[-–]\s*", chunk)
            if len(bounds) == 2:
                numbers.extend(range(int(bounds[0]), int(bounds[1]) + 1))
            else:
                numbers.append(int(bounds[0]))
        if numbers and all(1 <= n <= len(refs) for n in numbers):
            markers.append(Marker(m.start(), m.end(), [Cite(refs[n - 1].id) for n in numbers]))
    markers.sort(key=lambda mk: mk.start)
    return markers


def document_kind(path: str | None, text: str) -> str:
    if path and path.lower().endswith((".tex", ".ltx")):
        return "latex"
    if path and path.lower().endswith((".md", ".markdown")):
        return "markdown"
    if re.search(r"\\(?:documentclass|begin\{document\}|cite\{)", text):
        return "latex"
    return "text"


@dataclass
class RenderedDocument:
    text: str
    cited: list[str]
    missing: list[str]


def render_document(text: str, records: list[Reference], style: str = "apa", *,
                    kind: str | None = None, format: str | None = None, locale: str | None = None,
                    script: str | None = None, scheme: str | None = None) -> RenderedDocument:
    """``text`` with its citation markers rendered in ``style`` and the cited works listed."""
    kind = kind or document_kind(None, text)
    fmt = format or {"latex": "latex", "markdown": "markdown"}.get(kind, "text")
    info = resolve(style)
    script = script or info.default_script
    markers = find_markers(text, kind, records)
    by_key = {r.id.lower(): r for r in records}
    cited: list[Reference] = []
    seen: set[str] = set()
    missing: list[str] = []
    for marker in markers:
        for cite in marker.cites:
            key = cite.key.lower()
            if key in by_key and key not in seen:
                seen.add(key)
                cited.append(by_key[key])
            elif key not in by_key and cite.key not in missing:
                missing.append(cite.key)
    rendered = api.render(cited, style, format=fmt, locale=locale, script=script, scheme=scheme,
                          sort="style")
    numbers = {e.id.lower(): i for i, e in enumerate(rendered.entries, start=1)}
    processor = Processor(info.path, locale, info.terms)
    prepared = [multilingual.prepare(r, script=script, scheme=scheme or info.default_scheme,
                                     list_locale=processor.locale) for r in cited]
    items = [to_csl_item(p.ref) for p in prepared]
    clusters = [[{"id": c.key, "locator": c.locator, "label": c.label, "prefix": c.prefix,
                  "suffix": c.suffix} for c in marker.cites] for marker in markers]
    texts = processor.citations(items, clusters, numbers) if processor.default.root.citation is not None else []
    out = []
    pos = 0
    for marker, citation in zip(markers, texts):
        out.append(text[pos:marker.start])
        out.append(output.inline(citation, fmt))
        pos = marker.end
    out.append(text[pos:])
    body = "".join(out)
    listing = rendered.text()
    return RenderedDocument(_place(body, listing, kind, locale or processor.locale), [r.id for r in cited], missing)


def _place(body: str, listing: str, kind: str, locale: str) -> str:
    if kind == "latex":
        if _LATEX_BIB.search(body):
            return _LATEX_BIB.sub(lambda _m: listing, body, count=1)
        end = body.rfind("\\end{document}")
        if end >= 0:
            return body[:end] + listing + "\n" + body[end:]
        return body.rstrip("\n") + "\n\n" + listing
    if _PLACEHOLDER.search(body):
        return _PLACEHOLDER.sub(lambda _m: listing.rstrip("\n"), body, count=1)
    written = list((_MD_HEADING if kind == "markdown" else _TEXT_HEADING).finditer(body))
    if written:                     # the author's own heading: the list goes right under it
        end = written[-1].end()
        rest = body[end:].lstrip("\n")
        return body[:end] + "\n\n" + listing + ("\n" + rest if rest else "")
    heading = "Список литературы" if locale.startswith("ru") else "References"
    if kind == "markdown":
        return body.rstrip("\n") + f"\n\n## {heading}\n\n" + listing
    return body.rstrip("\n") + f"\n\n{heading}\n\n" + listing


__all__ = ["render_document", "find_markers", "document_kind", "RenderedDocument", "UsageError"]
