"""Cite grouping and cite collapsing in citations, as CSL 1.0.2 specifies them.

citeproc-py joins the cites of a citation with the layout delimiter and nothing else, so
``(Smith 2018; Smith 2020b)`` where the style asks for ``(Smith 2018, 2020b)``.  The
specification ("Citation-specific Options", *Cite Grouping* and *Cite Collapsing*):

* **Cite grouping** (``cite-group-delimiter`` or any ``collapse``): adjacent cites whose
  rendered names are the same form a group; cites of a group are joined with
  ``cite-group-delimiter`` (default ``", "``).  Only adjacent cites are grouped: a style
  without cs:sort keeps the order the author gave (as citeproc-js does).
* ``collapse="year"``: in a group, the names are printed once (``Doe 2000, 2001``).
* ``collapse="year-suffix"``: also the year, where cites share it, is printed once and
  only the year-suffixes follow, joined with ``year-suffix-delimiter`` (default: the layout
  delimiter): ``Doe 2000a, b``; ``"year-suffix-ranged"`` writes three or more
  consecutive suffixes as a range, ``Doe 2000a–c``.
* ``collapse="citation-number"``: three or more consecutive citation numbers become a
  range, ``[1]–[3]``.
* ``after-collapse-delimiter`` (default: the layout delimiter) follows a collapsed group.

A cite with a prefix or suffix of its own, or (for suffixes and number ranges) with a
locator, stays whole, as citeproc-js keeps it.  The cites are rendered by
:class:`.fixes.Layout`; this module only decides what of each is shown and the delimiters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from citeproc import model as m
from citeproc.string import String

EN_DASH = "\u2013"


@dataclass
class Cite:
    """One rendered cite: ``text`` is the citeproc-py string of the whole cite, ``names``
    the markup of its first rendered cs:names ("" when it has none)."""

    item: Any
    text: Any
    names: str

    @property
    def number(self) -> int | None:
        return getattr(self.item, "number", None)

    @property
    def letter(self) -> str:
        """The work's year-suffix ("" when it has none)."""
        ref = getattr(self.item, "reference", None)
        value = ref.get("year_suffix") if ref is not None else None
        return str(value) if value else ""

    @property
    def affixed(self) -> bool:
        return bool(self.item.get("prefix") or self.item.get("suffix"))

    @property
    def located(self) -> bool:
        return bool(self.item.get("locator"))


def _own_punctuation(cite: Cite) -> bool:
    """A cite whose prefix begins with punctuation (``", cited in "``) takes the place of
    the layout delimiter before it, as citeproc-js lets it."""
    prefix = str(cite.item.get("prefix", "") or "")
    return prefix[:1] in (",", ";", ".", ":")


def _join(pieces: list[tuple[str, Any]]):
    """``pieces`` (delimiter before, text) joined the way citeproc-py joins: no doubled
    space or punctuation at a seam."""
    output = pieces[0][1]
    for delimiter, text in pieces[1:]:
        output = output + m.normalize_seam(output, delimiter)
        output = output + m.normalize_seam(output, text)
    return output


def _number_pieces(cites: list[Cite], delimiter: str, after: str) -> list[tuple[str, Any]]:
    """collapse="citation-number": runs of three or more consecutive numbers as ranges."""
    runs: list[list[Cite]] = []
    for cite in cites:
        last = runs[-1][-1] if runs else None
        if (last is not None and not cite.affixed and not cite.located and not last.affixed
                and not last.located and cite.number and last.number and cite.number == last.number + 1):
            runs[-1].append(cite)
        else:
            runs.append([cite])
    pieces: list[tuple[str, Any]] = []
    previous_ranged = False
    for run in runs:
        lead = after if previous_ranged else delimiter
        if len(run) >= 3:
            pieces.append((lead, run[0].text + EN_DASH + run[-1].text))
            previous_ranged = True
        else:
            for i, cite in enumerate(run):
                pieces.append((lead if i == 0 else delimiter, cite.text))
            previous_ranged = False
    return pieces


def _suffix_base(rest: str, letter: str) -> str | None:
    """The text of a names-free cite without its trailing year-suffix, or None when the
    suffix does not end it (then the cite is shown whole)."""
    if letter and rest.endswith(letter) and len(rest) > len(letter):
        return rest[:-len(letter)]
    return None


def _group_pieces(group: list[Cite], rests: list[Any], collapse: str | None,
                  group_delimiter: str, suffix_delimiter: str,
                  after_locator: str | None) -> list[tuple[str, Any]]:
    """The pieces of one group of cites with the same names (the first piece's
    delimiter is filled in by the caller)."""
    if collapse not in ("year", "year-suffix", "year-suffix-ranged"):
        return [("" if i == 0 else group_delimiter, cite.text) for i, cite in enumerate(group)]
    # chains of cites sharing names and year: [head, follower, ...]; a head shows its
    # cite (whole for the group's first, else without names), a follower only its suffix
    chains: list[list[int]] = []
    for i, cite in enumerate(group):
        if collapse != "year" and i > 0 and chains:
            prev = group[chains[-1][-1]]
            base = _suffix_base(str(rests[i]), cite.letter)
            prev_base = _suffix_base(str(rests[chains[-1][-1]]), prev.letter)
            if (base is not None and base == prev_base and not cite.located and not prev.located
                    and not cite.affixed):
                chains[-1].append(i)
                continue
        chains.append([i])
    pieces: list[tuple[str, Any]] = []
    for n, chain in enumerate(chains):
        head = chain[0]
        shown = group[head].text if head == 0 else rests[head]
        if n == 0:
            lead = ""
        elif after_locator is not None and group[chains[n - 1][-1]].located:
            lead = after_locator
        else:
            lead = group_delimiter
        runs: list[list[int]] = []
        for i in chain:
            if (collapse == "year-suffix-ranged" and runs and len(group[i].letter) == 1
                    and len(group[runs[-1][-1]].letter) == 1
                    and ord(group[i].letter) == ord(group[runs[-1][-1]].letter) + 1):
                runs[-1].append(i)
            else:
                runs.append([i])
        for r, run in enumerate(runs):
            first = shown if run[0] == head else String(group[run[0]].letter)
            delimiter = lead if r == 0 else suffix_delimiter
            if len(run) >= 3:
                pieces.append((delimiter, first + EN_DASH + String(group[run[-1]].letter)))
            else:
                pieces.append((delimiter, first))
                pieces.extend((suffix_delimiter, String(group[i].letter)) for i in run[1:])
    return pieces


def arrange(layout, cites: list[Cite], without_names: Callable[[Any], Any]):
    """The cites of one citation joined as the style's grouping and collapsing ask, or
    None when the style asks for neither (the caller joins them as before).
    ``without_names(item)`` renders a cite with its first cs:names suppressed."""
    citation = layout.getparent()
    collapse = citation.get("collapse")
    group_delimiter = citation.get("cite-group-delimiter")
    delimiter = layout.get("delimiter", "")
    if (not collapse and group_delimiter is None) or not cites:
        if any(_own_punctuation(cite) for cite in cites[1:]):
            return _join([("" if _own_punctuation(cite) else delimiter, cite.text) for cite in cites])
        return None
    after = citation.get("after-collapse-delimiter", delimiter)
    if collapse == "citation-number":
        return _join(_number_pieces(cites, delimiter, after))
    # year-suffix-delimiter: the cite-group-delimiter where the style sets one (as
    # citeproc-js), else the layout delimiter (CSL 1.0.2)
    suffix_delimiter = citation.get("year-suffix-delimiter", group_delimiter if group_delimiter is not None
                                    else delimiter)
    if group_delimiter is None:
        # citeproc-js: ", " when only names collapse; where years collapse too, the cites
        # of different years stand apart like the layout's cites
        group_delimiter = ", " if collapse == "year" else delimiter
    groups: list[list[Cite]] = []
    for cite in cites:
        if (groups and cite.names and cite.names == groups[-1][-1].names and not cite.affixed):
            groups[-1].append(cite)
        else:
            groups.append([cite])
    pieces: list[tuple[str, Any]] = []
    for n, group in enumerate(groups):
        if len(group) == 1:
            shown = [("", group[0].text)]
        else:
            rests = [None] + [without_names(cite.item) for cite in group[1:]]
            if any(rest is None for rest in rests[1:]):
                shown = [("", cite.text) for cite in group]
                shown[1:] = [(group_delimiter, text) for _, text in shown[1:]]
            else:
                rests[0] = without_names(group[0].item) if collapse != "year" else group[0].text
                if rests[0] is None:
                    rests[0] = group[0].text
                shown = _group_pieces(group, rests, collapse, group_delimiter, suffix_delimiter,
                                      citation.get("after-collapse-delimiter"))
        lead = delimiter if n == 0 or len(groups[n - 1]) == 1 else after
        if _own_punctuation(group[0]):
            lead = ""
        shown[0] = (lead, shown[0][1])
        pieces.extend(shown)
    return _join(pieces)


def join_one(output, delimiter: str, text):
    """``text`` appended to a joined citation after ``delimiter``."""
    return _join([("", output), (delimiter, text)])


_SENTENCE_END = re.compile(r"\S\s+\S.*[.!?][”’\"'\ue001\ue002]*\s*$", re.S)


def starts_sentence(position: int, prefix: str) -> bool:
    """Whether a cite of a note style begins a sentence: the first cite of its citation
    without a prefix, or one whose prefix of two or more words ends a sentence ("Caps
    after. "; a single word with a period, "Cf.", is taken for an abbreviation), as
    citeproc-js decides."""
    if prefix:
        return bool(_SENTENCE_END.search(prefix.strip() + " ")) and " " in prefix.strip()
    return position == 0


def capitalize_term(output, terms: list[str]):
    """``output`` with its first letter capitalized when it begins with a term (CSL 1.0.2,
    "Terms": a term at the start of a note citation is capitalized, ``ibid.`` → ``Ibid.``);
    variables are left as they are."""
    text = re.sub(r"^(?:<[^>]+>)+", "", str(output))
    if any(term and text.startswith(re.sub(r"^(?:<[^>]+>)+", "", term)) for term in terms):
        if text[:1].islower():
            return output.capitalize_first()
    return output
