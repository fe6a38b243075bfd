"""Disambiguation of cites (CSL 1.0.2, "Disambiguation"), the way citeproc-js does it.

A cite is ambiguous when another work's cite renders the same text.  Works are first
grouped by the text of their cite (one rendering each, so the cost is linear in the
number of works); only works sharing a text are worked on further, group by group, with
the methods the style enables, in the specification's order:

1. ``disambiguate-add-givenname``, expanding names: with
   ``givenname-disambiguation-rule="by-cite"`` (the default) the given names of the names
   shown in ambiguous cites, one step at a time (initials, then the full given name).
   The other rules disambiguate *names* over the whole list, in every cite: a name whose
   family name another cite's name shares gets its initials (``all-names``,
   ``primary-name``: its full given name when the initials are shared too);
   ``primary-*`` only the first name of a list, ``*-with-initials`` never more than
   initials;
2. ``disambiguate-add-names``: names hidden by et-al abbreviation are shown, one more at a
   time.  With both, the steps interleave as the specification and citeproc-js have it:
   the given name of the last name shown is expanded, then one more name is shown;
3. ``disambiguate="true"`` conditions in the citation layout are taken;
4. ``disambiguate-add-year-suffix``: the works still alike get ``a``, ``b`` … in
   bibliography order.

How a group is worked through follows citeproc-js, so that both processors add the same
names (its results are those users of Zotero and Mendeley see).  The works of a group are
taken in one list, ordered by their number of names and id.  At every step the cite of
the list's first work is compared with the others': a first work alike no other leaves
the list with the configuration reached so far; a lone other work that differs from
the rest leaves likewise; when fewer works are alike the first one than at the step
before, the others form a list of their own, taken up later.  The configuration a work
leaves with holds only the steps that told works apart, so a work's name list grows no
longer than that.  A step that tells nothing apart, once every name is shown and
expanded, passes the list to the next method.

The outcome per work is kept by the caller: the in-text citation renders with it, and
so does the bibliography entry ("detail that distinguishes cites … must be shown in the
corresponding bibliography entries", says the specification): the names added (when the
style enables both name methods, as citeproc-js has it; a name list longer than the
bibliography's ``et-al-use-first`` then shows as many names as the citation) and the
given names expanded, so a reader finds the entry the citation points to.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

SCAN, CITATION, BIBLIOGRAPHY = "scan", "citation", "bibliography"
_FULL = 2            # given-name levels: 0 none, 1 initials, 2 the full given name


class Request(NamedTuple):
    """What one rendering of a cite or entry is asked to show (read by
    :class:`.fixes.Name` and the ``disambiguate`` condition; part of memo keys).

    ``names``: per name list (in rendering order), how many names to show (0: as the
    style says); ``givens``: per name list, the given-name level of each name by
    index.  ``mode``: ``scan`` renders a cite while disambiguating (``names`` applies
    as such), ``citation`` and ``bibliography`` render the result (``names`` applies
    when it is more than the context's ``et-al-use-first`` and the list is long enough
    to be abbreviated)."""

    mode: str
    names: tuple = ()
    givens: tuple = ()
    condition: bool = False
    initials_rule: bool = False
    #: (family, non-dropping particle, given) of the names a bibliography entry prints
    #: with the full given name as typed (:mod:`.bibnames`; under ``primary-*`` rules
    #: only as the first name of a list)
    full: frozenset = frozenset()
    primary_only: bool = False

    def shown(self, position: int, count: int, default: int, use_first: int, et_al_min: int,
              use_last: bool) -> int:
        """How many of ``count`` names list ``position`` shows (``default``: the
        style's own answer)."""
        wanted = self.names[position] if position < len(self.names) else 0
        if not wanted or not et_al_min:
            return default
        if self.mode == SCAN:
            return min(wanted, count)
        if wanted <= use_first or count < et_al_min:
            return default
        shown = min(wanted, count)
        if use_last and shown > et_al_min - 2:
            shown = et_al_min - 2
        return shown

    def levels(self, position: int) -> tuple:
        return self.givens[position] if position < len(self.givens) else ()


@dataclass
class Outcome:
    """A work's disambiguation: per name list the names shown (0: as the style says)
    and the given-name levels; whether ``disambiguate`` conditions hold; its
    year-suffix (0 → a), or None."""

    names: list = field(default_factory=list)
    givens: list = field(default_factory=list)
    condition: bool = False
    suffix: int | None = None

    def request(self, mode: str, options: "Options") -> Request | None:
        """The request rendering this work in ``mode``; None when it changes nothing."""
        names = tuple(self.names) if (mode != BIBLIOGRAPHY or options.carries_names) else ()
        givens = tuple(tuple(g) for g in self.givens) if (mode != BIBLIOGRAPHY or options.add_givenname) else ()
        names_floor, level_floor = (options.bib_use_first, options.bib_level) if mode == BIBLIOGRAPHY else (1, 0)
        if not any(n > names_floor for n in names):
            names = ()
        if not any(level > level_floor for g in givens for level in g):
            givens = ()
        if not names and not givens and not self.condition:
            return None
        return Request(mode, names, givens, self.condition, options.initials_rule)


@dataclass(frozen=True)
class Options:
    add_names: bool = False
    add_givenname: bool = False
    rule: str = "by-cite"
    year_suffix: bool = False
    condition: bool = False          # the citation layout has a disambiguate test
    # in the bibliography: the fewest names any of its name lists shows before "et al."
    # and the least given name any shows (so outcomes below both change nothing there)
    bib_use_first: int = 0
    bib_level: int = 0

    @classmethod
    def of(cls, root) -> "Options":
        citation = root.citation
        if citation is None:
            return cls()

        def flag(name: str) -> bool:
            return (citation.get(name) or "false").lower() == "true"

        condition = next(_reached(root, citation, './/cs:if[@disambiguate] | .//cs:else-if[@disambiguate]'), None) is not None
        use_first, level = 0, 0
        bib = root.bibliography
        if bib is not None:
            names = list(_reached(root, bib.layout, ".//cs:name"))
            firsts = [int(n.get("et-al-use-first") or bib.get_option("et-al-use-first") or 1) for n in names]
            use_first = min(firsts, default=0)
            levels = []
            for n in names:
                form = n.get("form") or bib.get_option("name-form")
                initials = n.get("initialize-with") or bib.get_option("initialize-with")
                levels.append(0 if form == "short" else (1 if initials is not None else 2))
            level = min(levels, default=0)
        return cls(flag("disambiguate-add-names"), flag("disambiguate-add-givenname"),
                   citation.get("givenname-disambiguation-rule") or "by-cite",
                   flag("disambiguate-add-year-suffix"), condition, use_first, level)

    @property
    def active(self) -> bool:
        return self.add_names or self.add_givenname or self.year_suffix or self.condition

    @property
    def by_cite(self) -> bool:
        """Given names expanded step by step in ambiguous cites."""
        return self.add_givenname and self.rule == "by-cite"

    @property
    def global_names(self) -> bool:
        """Names disambiguated over the whole list (the other rules)."""
        return self.add_givenname and self.rule != "by-cite"

    @property
    def initials_rule(self) -> bool:
        return self.global_names and self.rule.endswith("-with-initials")

    @property
    def carries_names(self) -> bool:
        # citeproc-js hands the bibliography the citation's name counts only when it
        # hands it the given-name levels too
        return self.add_names and self.add_givenname

    def modes(self) -> list[str]:
        out = []
        if self.add_names or self.by_cite:
            out.append("names")
        if self.condition:
            out.append("condition")
        if self.year_suffix:
            out.append("years")
        return out


def _reached(root, element, expression: str):
    """The elements matching ``expression`` in ``element`` and in every macro it calls,
    directly or not."""
    seen: set = set()
    todo = [element]
    while todo:
        current = todo.pop()
        yield from current.xpath_search(expression)
        for call in current.xpath_search(".//cs:text[@macro]"):
            name = call.get("macro")
            if name not in seen:
                seen.add(name)
                todo.extend(root.xpath_search(f'./cs:macro[@name="{name}"]'))


class Probe(NamedTuple):
    """A name list met while rendering a cite: its position, how many names it has and
    shows, and each name's parts (given, family, dropping and non-dropping particle,
    suffix; a literal name as family)."""

    position: int
    count: int
    shown: int
    names: tuple


# ------------------------------------------------------------------ names over the list

def _stripped(text) -> str:
    return " ".join(str(text or "").replace(".", " ").split())


def _family_key(family, rest) -> str:
    """The family name with its non-dropping particle (``rest`` is the probe's parts
    after the family): "dos Smith" and "Smith" are different names to citeproc-js."""
    particle = rest[1] if len(rest) > 1 else ""
    return _stripped(f"{particle or ''} {family or ''}")


def _initials_key(given: str) -> str:
    return " ".join(w[0] for w in given.replace("-", " ").split() if w)


class NameRegistry:
    """The names of every cite, for the rules that disambiguate names over the whole
    list: per family name, the distinct initials and, per initials, the distinct given
    names."""

    def __init__(self, rule: str):
        self.rule = rule
        self.families: dict[str, dict[str, set]] = {}

    def add(self, probes) -> None:
        primary = self.rule.startswith("primary-")
        for probe in probes:
            for index, (given, family, *rest) in enumerate(probe.names):
                if primary and index > 0:
                    break
                key = _family_key(family, rest)
                if not key:
                    continue
                given = _stripped(given)
                self.families.setdefault(key, {}).setdefault(_initials_key(given), set()).add(given)

    def level(self, family, given, index: int, particle: str = "") -> int:
        """The level a name needs (0 when its family name is nobody else's)."""
        if self.rule.startswith("primary-") and index > 0:
            return 0
        initials = self.families.get(_family_key(family, (None, particle)))
        if not initials:
            return 0
        given = _stripped(given)
        if self.rule.endswith("-with-initials"):
            return 1 if len(initials) > 1 else 0
        level = 1 if len(initials) > 1 else 0
        if len(initials.get(_initials_key(given), ())) > 1:
            level = _FULL
        return level

    def levels(self, probes) -> list[list[int]]:
        out: list[list[int]] = []
        for probe in probes:
            while len(out) <= probe.position:
                out.append([])
            out[probe.position] = [self.level(n[1], n[0], i, n[3] if len(n) > 3 else "") for i, n in enumerate(probe.names)]
        return out


# ------------------------------------------------------------------ one group

@dataclass
class _Work:
    index: int
    id: str
    probes: list            # Probe per name list, by position
    own_givens: list        # levels the name registry gives (other rules than by-cite)

    @property
    def counts(self) -> list[int]:
        return [p.count for p in self.probes]

    @property
    def signature(self) -> tuple:
        """Everything the names of the cite are rendered from."""
        return tuple(p.names for p in self.probes), tuple(tuple(g) for g in self.own_givens)


class _Config:
    """Names shown per list and given-name levels: the forward-only cursor of a group,
    or the steps kept (those that told works apart)."""

    def __init__(self, names: list[int], givens: list[list[int]]):
        self.names = list(names)
        self.givens = [list(g) for g in givens]
        self.condition = False

    def copy(self) -> "_Config":
        out = _Config(self.names, self.givens)
        out.condition = self.condition
        return out


Render = Callable[[int, Request], "tuple[str, list]"]


class _Group:
    """Works whose cites render alike, disambiguated together (see the module doc)."""

    def __init__(self, works: list[_Work], options: Options, render: Render,
                 outcomes: dict[int, Outcome], order_of: dict[int, int]):
        self.options = options
        self.render = render
        self.outcomes = outcomes
        self.order_of = order_of
        self.modes = options.modes()
        self.mode = 0
        self.works = sorted(works, key=lambda w: (",".join(str(c) for c in w.counts), w.id))
        first = self.works[0]
        self.names_max = first.counts[0] if first.counts else None
        lists = min(len(w.probes) for w in works)
        self.lists_max = len(works[-1].probes) - 1
        names = [max(w.probes[p].shown for w in works) for p in range(lists)]
        givens = [[0] * max(w.probes[p].count for w in works) for p in range(lists)]
        self.cursor = _Config(names, givens)
        self.best = self.cursor.copy()
        self.fresh = True
        self.texts: dict = {}   # (work, request) → text: a list is scanned again unchanged
        self.list = 0           # name list being extended
        self.name = 0           # the name in it whose given name is expanded

    # -- rendering

    def _scan(self, works: list[_Work]) -> tuple[list[_Work], list[_Work], list[str]]:
        """Render every work at the cursor; the works alike the first one (first
        included) and the others.  As in citeproc-js, a work with fewer names lowers the
        cursor's count for the works rendered after it.

        Works whose cites rendered alike and whose names are the same cannot come apart
        by showing names: they are not rendered again in the names method."""
        names = self.cursor.names
        if self.modes[self.mode] == "names" and len({w.signature for w in works}) == 1:
            for work in works:
                for position, probe in enumerate(work.probes[:len(names)]):
                    names[position] = min(names[position], probe.count)
            return list(works), [], [""] * len(works)
        texts = []
        for work in works:
            for position, probe in enumerate(work.probes[:len(names)]):
                names[position] = min(names[position], probe.count)
            if self.options.by_cite:
                givens = tuple(tuple(g) for g in self.cursor.givens)
            else:
                givens = tuple(tuple(g) for g in work.own_givens)
            request = Request(SCAN, tuple(names), givens, self.cursor.condition, self.options.initials_rule)
            key = (work.index, request)
            text = self.texts.get(key)
            if text is None:
                text = self.texts[key] = self.render(work.index, request)[0]
            texts.append(text)
        partners = [w for w, t in zip(works, texts) if t == texts[0]]
        others = [w for w, t in zip(works, texts) if t != texts[0]]
        return partners, others, texts

    # -- one step forward

    def _advance(self) -> bool:
        """Move the cursor one step in the current method; True when the names method
        has nothing left to try."""
        if self.fresh:
            self.fresh = False
            return False
        mode = self.modes[self.mode]
        if mode == "condition":
            self.cursor.condition = self.best.condition = True
            return False
        if mode != "names":
            return False
        cursor, by_cite = self.cursor, self.options.by_cite
        levels = cursor.givens[self.list] if self.list < len(cursor.givens) else []
        next_name = not by_cite
        if by_cite:
            if self.name < len(levels) and levels[self.name] < _FULL:
                levels[self.name] += 1
            else:
                next_name = True
        next_list = False
        if next_name:
            if self.options.add_names and self.names_max is not None and self.name < self.names_max:
                cursor.names[self.list] += 1
                self.name += 1
            else:
                next_list = True
        if next_list and self.list < self.lists_max and self.list + 1 < len(cursor.names):
            self.list += 1
            cursor.names[self.list] = 1
            self.name = 0
        levels = cursor.givens[self.list] if self.list < len(cursor.givens) else []
        return (self.list >= self.lists_max
                and (not self.options.add_names or self.names_max is None or self.name == self.names_max)
                and (not by_cite or self.name >= len(levels) or levels[self.name] == _FULL))

    def _keep_step(self) -> None:
        """The step just made told works apart: keep it."""
        best, cursor = self.best, self.cursor
        if self.list < len(cursor.names):
            while len(best.names) <= self.list:
                best.names.append(0)
            best.names[self.list] = cursor.names[self.list]
        if self.options.by_cite and self.list < len(cursor.givens) and self.name < len(cursor.givens[self.list]):
            while len(best.givens) <= self.list:
                best.givens.append([])
            row = best.givens[self.list]
            while len(row) <= self.name:
                row.append(0)
            row[self.name] = cursor.givens[self.list][self.name]

    def _settle(self, works, suffix: int | None = None) -> None:
        for work in works:
            self.outcomes[work.index] = Outcome(list(self.best.names),
                                                [list(g) for g in self.best.givens],
                                                self.best.condition, suffix)

    # -- the methods

    def run(self) -> None:
        pending = deque([self.works])
        while pending:
            current = pending[0]
            self.list = self.name = 0
            before, now = 1, 0
            while current:
                maxed = self._advance()
                partners, others, texts = self._scan(current)
                before, now = now, len(partners) - 1
                mode = self.modes[self.mode]
                if mode == "names":
                    current = self._names(current, partners, others, before, now, maxed, pending)
                elif mode == "condition":
                    current = self._condition(current, partners, others, now)
                else:
                    self._years(current, texts)
                    current = []
                if maxed and self.mode < len(self.modes) - 1:
                    self.mode += 1
            pending.popleft()

    def _names(self, current, partners, others, before, now, maxed, pending):
        first = partners[0]
        if now == 0 and len(others) == 1:
            self._keep_step()
            self._settle([first, others[0]])
            return []
        if now == 0:
            self._keep_step()
            self._settle([first])
            if others:
                self.fresh = True
            return others
        if len(others) == 1:
            self._keep_step()
            self._settle(others)
            return partners
        if now < before:
            self._keep_step()
            pending.append(others)
            return partners
        if not maxed:
            return current
        if self.mode == len(self.modes) - 1:
            self._settle(partners)             # nothing left to try: they stay alike
            return others
        pending.append(partners)
        return others

    def _condition(self, current, partners, others, now):
        self._settle(current)
        if (now == 0 and len(others) < 2) or self.mode == len(self.modes) - 1:
            return []
        self.mode = len(self.modes) - 1        # on to year-suffixes, same works
        return current

    def _years(self, current, texts) -> None:
        """A year-suffix for every work whose cite another work of the list shares,
        counted in bibliography order within each set of alike cites."""
        alike: dict[str, list[_Work]] = {}
        for work, text in zip(current, texts):
            alike.setdefault(text, []).append(work)
        for works in alike.values():
            if len(works) < 2:
                continue
            works.sort(key=lambda w: self.order_of[w.index])
            for number, work in enumerate(works):
                self._settle([work], number)


# ------------------------------------------------------------------ all groups

def resolve(count: int, ids: list[str], order: list[int], options: Options,
            render: Render, lists_met: list | None = None) -> dict[int, Outcome]:
    """Disambiguate works ``0 … count-1`` (``ids`` for tie-breaks, ``order`` their
    bibliography order) with ``render(index, request) -> (text, probes)``, the text of
    a work's cite and the name lists met.  Returns the outcome per work index, for the
    works it changes; ``lists_met``, when given, receives each work's name lists met."""
    outcomes: dict[int, Outcome] = {}
    if not options.active:
        return outcomes
    # with a rule over the whole list, most cites end up with the given names the rule
    # gives at most (in a real list nearly every family name has other initials), so
    # the first rendering already asks for those: only cites that need other levels are
    # rendered again.  Given-name levels change how names print, never which name lists
    # a cite meets, so the name lists met are the same either way.
    guess = _guessed_levels(options) if options.global_names else ()
    base = Request(SCAN, givens=guess, initials_rule=options.initials_rule)
    texts: list[str] = []
    probes: list[list] = []
    for index in range(count):
        text, met = render(index, base)
        texts.append(text)
        probes.append(_by_position(met))
    own: list[list] = [[] for _ in range(count)]
    if options.global_names:
        registry = NameRegistry(options.rule)
        for met in probes:
            registry.add(met)
        for index in range(count):
            levels = registry.levels(probes[index])
            needed = any(any(row) for row in levels)
            if needed:
                own[index] = levels
                outcomes[index] = Outcome([], [list(r) for r in levels])
            if _same_levels(levels, guess):
                continue                # rendered as it needs already
            givens = tuple(tuple(r) for r in levels) if needed else ()
            text, met = render(index, Request(SCAN, givens=givens, initials_rule=options.initials_rule))
            texts[index] = text
            probes[index] = _by_position(met)
    if lists_met is not None:
        lists_met.extend(probes)
    groups: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        groups.setdefault(text, []).append(index)
    order_of = {index: rank for rank, index in enumerate(order)}
    for members in groups.values():
        if len(members) < 2:
            continue
        works = [_Work(i, ids[i], probes[i], own[i]) for i in members]
        _Group(works, options, render, outcomes, order_of).run()
        for i in members:
            if own[i] and i in outcomes:
                found = outcomes[i]
                found.givens = _merged(found.givens, own[i])
    return outcomes


_GUESSED_LISTS, _GUESSED_NAMES = 8, 16


def _guessed_levels(options: Options) -> tuple:
    """The given-name levels most cites get under a rule over the whole list: the
    initials (the full name needs initials shared too, which is rarer), of the first
    name of each list (``primary-*``) or of every name (``all-*``)."""
    names = 1 if options.rule.startswith("primary-") else _GUESSED_NAMES
    return ((1,) * names,) * _GUESSED_LISTS


def _same_levels(levels: list, guess: tuple) -> bool:
    """Whether a rendering asked for ``guess`` shows every name met at ``levels``
    (a level not given is 0; names and lists not met do not matter)."""
    for position, row in enumerate(levels):
        asked = guess[position] if position < len(guess) else ()
        for index, level in enumerate(row):
            if level != (asked[index] if index < len(asked) else 0):
                return False
    return True


def _by_position(met) -> list:
    out: dict[int, Probe] = {}
    for probe in met:
        out.setdefault(probe.position, probe)
    return [out[p] for p in sorted(out)]


def _merged(a: list, b: list) -> list:
    rows = max(len(a), len(b))
    out = []
    for r in range(rows):
        x = a[r] if r < len(a) else []
        y = b[r] if r < len(b) else []
        out.append([max(x[i] if i < len(x) else 0, y[i] if i < len(y) else 0)
                    for i in range(max(len(x), len(y)))])
    return out
