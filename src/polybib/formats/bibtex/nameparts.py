"""One BibTeX name into its four parts (First, von, Last, Jr), by BibTeX's rules.

Why here and not bibtexparser's ``parse_single_name_into_parts``: importing that function
imports bibtexparser whole, its middlewares and pylatexenc with it (a third of a one-entry
lint's start-up and over a megabyte of every large lint, issues 12 and 18.4), for a
function of a few dozen lines.  This one gives the same parts, non-strict mode's repairs
included (tests/formats/test_bibtex_nameparts.py compares the two on every name of the
corpus and on generated names).

The rules (BibTeX's, as "Tame the BeaST" states them):

* Words are separated by white space, ``~`` and commas at brace depth 0; commas divide
  the name into at most three sections (later commas are ignored).  A word keeps its
  braces; an unclosed brace is closed at the end, an unmatched ``}`` gets a ``{`` put at
  the start of its word.
* A word's case is that of its first letter at depth 0, or of the first letter of a
  "special character" (a group that starts with a backslash: ``{\\'E}``); letters in other
  groups do not count.  A word without one is caseless.
* ``First von Last``: von runs from the first to the last lower-case word, never taking
  the last word; without lower-case words Last is the last word.  Two words are First
  and Last.
* ``von Last, First`` and ``von Last, Jr, First``: in the first section von runs to the
  last lower-case word before its last word.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_SPACE = frozenset(" ~\r\n\t")
UPPER, LOWER, CASELESS = 1, 0, -1


@dataclass
class NameParts:
    first: list[str] = field(default_factory=list)
    von: list[str] = field(default_factory=list)
    last: list[str] = field(default_factory=list)
    jr: list[str] = field(default_factory=list)


def _letter_case(ch: str) -> int:
    return UPPER if ch.isupper() else LOWER


def _sections(name: str) -> list[list[tuple[str, int]]]:
    """The words of ``name`` with their cases, by comma-separated section (at most three)."""
    sections: list[list[tuple[str, int]]] = [[]]
    word: list[str] = []
    case = CASELESS
    depth = 0
    first_in_group = False     # the next character is the first inside a group
    in_command = True          # inside a group: still reading the command name that opened it
    special = None             # inside a group: whether it is a special character
    i, n = 0, len(name)

    def end_word():
        nonlocal word, case, in_command, special
        if word:
            sections[-1].append(("".join(word), case))
            word, case = [], CASELESS
            in_command, special = False, False

    while i < n:
        ch = name[i]
        i += 1
        if ch == "\\":
            if i < n and name[i] not in _SPACE:
                escaped = name[i]
                i += 1
                if first_in_group:
                    first_in_group = False
                    in_command, special = escaped.isalpha(), True
                elif case == CASELESS and escaped.isalpha():
                    case = _letter_case(escaped)
                word += (ch, escaped)
                continue
            # a backslash before white space is kept and the space read as usual; one at
            # the very end is kept and then read as an ordinary character too, so it is
            # doubled (bibtexparser's non-strict reading, which the records must agree with)
            word.append(ch)
            if i < n:
                ch = name[i]
                i += 1
        if ch == "{":
            depth += 1
            word.append(ch)
            first_in_group, in_command, special = True, False, False
            continue
        first_in_group = False
        if ch == "}":
            if depth:
                depth -= 1
            else:
                word.insert(0, "{")
            in_command, special = False, False
            word.append(ch)
            continue
        if depth:
            if in_command:
                if not ch.isalpha():
                    in_command = False
            elif special and case == CASELESS and ch.isalpha():
                case = _letter_case(ch)
            word.append(ch)
            continue
        if ch == "," or ch in _SPACE:
            end_word()
            if ch == "," and len(sections) < 3:
                sections.append([])
            continue
        word.append(ch)
        if case == CASELESS and ch.isalpha():
            case = _letter_case(ch)
    if depth:
        word.extend("}" * depth)
    if word:
        sections[-1].append(("".join(word), case))
    if not sections[-1]:
        sections.pop()
    return sections


def split_name(name: str) -> NameParts:
    """The parts of one BibTeX name (non-strict: malformed names are repaired, never refused)."""
    sections = _sections(name)
    parts = NameParts()
    if not any(sections):
        return parts
    if len(sections) == 1:
        words = [w for w, _ in sections[0]]
        cases = [c for _, c in sections[0]]
        if len(words) == 1:
            parts.last = words
        elif len(words) == 2:
            parts.first, parts.last = words[:1], words[1:]
        elif LOWER in cases:
            start = cases.index(LOWER)
            end = len(cases) - 1 - cases[::-1].index(LOWER)     # the last lower-case word
            end = min(end, len(words) - 2)                        # Last keeps one word
            parts.first, parts.von, parts.last = words[:start], words[start:end + 1], words[end + 1:]
        else:
            parts.first, parts.last = words[:-1], words[-1:]
        return parts
    parts.first = [w for w, _ in sections[-1]]
    if len(sections) == 3:
        parts.jr = [w for w, _ in sections[1]]
    words = [w for w, _ in sections[0]]
    cases = [c for _, c in sections[0]]
    if len(words) == 1 or LOWER not in cases:
        parts.last = words
    else:
        before_last = cases[:-1]
        split = len(before_last) - before_last[::-1].index(LOWER) if LOWER in before_last else 0
        parts.von, parts.last = words[:split], words[split:]
    return parts
