"""``split_names`` finds the separators by regular expression (a backslash with what it
escapes, a brace, an "and" between white space) instead of walking the value character by
character: it must split every value exactly where the walk, BibTeX's reading, splits it.

Checked against the walk itself (kept here as the reference) on random values made of the
characters that decide a split, and on hand-made cases.
"""
from __future__ import annotations

import random

from polybib.formats.bibtex.names import AND_SEPARATOR, split_names


def walk(value: str) -> list[str]:
    """The character-by-character walk split_names used to do (the reference)."""
    if not AND_SEPARATOR.search(value) and not __import__("re").search(r"\sand\s", value, 2):
        return [value.strip()] if value.strip() else []
    names, depth, start, i, n = [], 0, 0, 0, len(value)
    while i < n:
        c = value[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and c in " \t\r\n":
            m = AND_SEPARATOR.match(value, i)
            if m:
                names.append(value[start:i])
                i = m.end()
                start = i
                continue
        i += 1
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


CASES = [
    "Garc{\\'\\i}a, L. and Nguyen, M.",
    "{Barnes and Noble} and Smith, J.",
    "{Barnes and Noble, Inc.} and {Acme} AND Doe, J.",
    "a\\ and b {and} c",                 # an escaped space starts no separator
    "a\\  and b",                        # … but the space after it does
    "x{ and }y and z",
    "}} and {{ and } and",
    "a \u00a0and b and\u00a0c and {d}",  # a no-break space starts none either
    "A {\\\"o} and\nB and\tC",
    "and {x} and",
    "a and\\",
]


def test_hand_made_values_split_as_the_walk_splits_them():
    for value in CASES:
        assert split_names(value) == walk(value), value


def test_random_values_split_as_the_walk_splits_them():
    rng = random.Random(18)
    alphabet = [" ", " ", "\t", "\n", "\u00a0", "a", "n", "d", "A", "N", "D", "{", "}", "\\", "x", ",",
                " and ", " AND ", "{", "}"]
    for _ in range(40000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        if "{" in value:
            assert split_names(value) == walk(value), repr(value)
