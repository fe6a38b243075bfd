"""A unified diff of a file and its fixed text, in time about linear in the file.

Why not ``difflib.unified_diff`` on the whole file: its matcher looks for the longest
common run of lines, then recurses on both sides of it, and a large ``.bib`` file repeats
the same lines (``}``, blank lines, ``langid = {russian},``) thousands of times, so
``polybib lint --diff`` with ~2,400 changes in 20,000 entries ran for more than 40 minutes.

Fixes change lines inside entries and never add, drop or reorder entries, so the two
texts share many lines that occur once in each (an entry's ``@book{key,`` line, a title):
those in the same order in both are anchors, and only the short stretches between two
anchors are compared, each by :class:`difflib.SequenceMatcher` (a stretch is about one
entry).  The output is what ``diff -u`` and ``difflib.unified_diff`` print: the same
headers, hunks with three lines of context, ``@@ -start,count +start,count @@`` ranges.
Each stretch is difflib's answer for that stretch; tests/lint/test_lint_diff.py compares the
whole with difflib's on the corpus.
"""
from __future__ import annotations

import bisect
import difflib
from collections import Counter

CONTEXT = 3


def unified_diff(a: list[str], b: list[str], fromfile: str, tofile: str, n: int = CONTEXT) -> str:
    """The unified diff of line lists ``a`` and ``b`` (lines with their line ends), as one
    string; "" when they are equal."""
    if a == b:
        return ""
    matcher = _Opcodes(_opcodes(a, b), a, b)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(n):
        if not out:
            out.append(f"--- {fromfile}\n")
            out.append(f"+++ {tofile}\n")
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                out.extend("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                out.extend("+" + line for line in b[j1:j2])
    return "".join(out)


def _range(start: int, stop: int) -> str:
    """A hunk's side as unified diffs write it: 1-based start, then the count unless it
    is 1; an empty side names the line before it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    if length == 0:
        return f"{start},0"
    return f"{start + 1},{length}"


class _Opcodes(difflib.SequenceMatcher):
    """A matcher whose opcodes are given (difflib's grouping into hunks is reused)."""

    def __init__(self, opcodes: list[tuple], a: list[str], b: list[str]):
        super().__init__(None, a, b, autojunk=False)
        self._given = opcodes

    def get_opcodes(self):
        return self._given


def _opcodes(a: list[str], b: list[str]) -> list[tuple]:
    """difflib-style opcodes over the whole of ``a`` and ``b``, stretch by stretch between
    anchors; adjacent runs of equal lines merged."""
    ops: list[list] = []

    def add(tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        if i1 == i2 and j1 == j2:
            return
        if ops and ops[-1][0] == tag == "equal":
            ops[-1][2], ops[-1][4] = i2, j2
        else:
            ops.append([tag, i1, i2, j1, j2])

    i = j = 0
    for ai, bj in _anchors(a, b) + [(len(a), len(b))]:
        _stretch(a, b, i, ai, j, bj, add)
        if ai < len(a):
            add("equal", ai, ai + 1, bj, bj + 1)
        i, j = ai + 1, bj + 1
    return [tuple(op) for op in ops]


def _stretch(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int, add) -> None:
    """The opcodes of ``a[i1:i2]`` against ``b[j1:j2]``: equal ends trimmed, the rest
    compared by difflib."""
    while i1 < i2 and j1 < j2 and a[i1] == b[j1]:
        add("equal", i1, i1 + 1, j1, j1 + 1)
        i1, j1 = i1 + 1, j1 + 1
    tail = 0
    while i2 - tail > i1 and j2 - tail > j1 and a[i2 - tail - 1] == b[j2 - tail - 1]:
        tail += 1
    mid_i, mid_j = i2 - tail, j2 - tail
    if i1 < mid_i or j1 < mid_j:
        if i1 == mid_i:
            add("insert", i1, i1, j1, mid_j)
        elif j1 == mid_j:
            add("delete", i1, mid_i, j1, j1)
        else:
            matcher = difflib.SequenceMatcher(None, a[i1:mid_i], b[j1:mid_j])
            for tag, x1, x2, y1, y2 in matcher.get_opcodes():
                add(tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2)
    if tail:
        add("equal", mid_i, i2, mid_j, j2)


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) with ``a[i] == b[j]``, a line that occurs once in each, increasing in
    both: the longest such chain (patience sorting), so that no anchor crosses another."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [(i, where_b[line]) for i, line in enumerate(a)
             if count_a[line] == 1 and line in where_b]
    # the longest chain of pairs increasing in j (pairs are already increasing in i)
    tails: list[int] = []          # tails[k]: smallest j ending a chain of length k+1
    tail_at: list[int] = []        # index in pairs of that chain's last pair
    before = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[at], tail_at[at] = j, k
        before[k] = tail_at[at - 1] if at else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    chain.reverse()
    return chain
