"""N: person names — commas, et al., initials, one person spelled two ways."""
from __future__ import annotations

import re
from collections import defaultdict

from ...formats.bibtex.names import split_names
from ..context import EntryView, RunContext, finding
from ..findings import Fix
from ..registry import rule

NAME_FIELDS = ("author", "editor", "translator", "bookauthor")
_INITIALS = r"(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яё]?\.\s*-?\s*){1,3}"
_ONLY_INITIALS = re.compile(rf"^{_INITIALS}$")
_FAMILY_THEN_INITIALS = re.compile(rf"^(?P<family>[^\s,{{}}]+(?:-[^\s,{{}}]+)?)\s+(?P<initials>{_INITIALS})$")
_ETAL = re.compile(r"^(?:и\s+др\.?|и\s+другие|et\s+al\.?|u\.\s*a\.|і\s+ін\.?)$", re.I)
_AND_SPLIT = re.compile(r"\sand\s", re.I)
_ETAL_ANYWHERE = re.compile(r"(?:^|\sand\s+)(?:и\s+др|и\s+другие|et\s+al|u\.\s*a|і\s+ін)", re.I)
_GLUED = re.compile(r"([A-ZА-ЯЁІЇЄҐ][a-zа-яё]?\.)(?=[A-ZА-ЯЁІЇЄҐ])")


def _replace_names(value: str, change) -> tuple[str, list[str]]:
    """``value`` with each name replaced by ``change(name)`` (None: kept), in place.

    Why: a fix must change the names it fixes and nothing else: rebuilding the list with
    ``" and ".join`` also rewrote the spacing and line breaks between names.  Returns the
    new value and the names that changed.
    """
    out, pos, changed = [], 0, []
    for name in split_names(value):
        at = value.find(name, pos)
        if at < 0:              # cannot happen (split_names returns pieces of value in order)
            return value, []
        new = change(name)
        out.append(value[pos:at])
        out.append(name if new is None else new)
        if new is not None and new != name:
            changed.append(name)
        pos = at + len(name)
    out.append(value[pos:])
    return "".join(out), changed


def _space_initials(initials: str) -> str:
    return re.sub(r"\.\s*(?=\S)", ". ", initials.strip()).replace(". -", ".-")


@rule("N001", "name-without-comma", "error", fix="safe", fields=NAME_FIELDS)
def name_without_comma(entry: EntryView, config=None):
    """A name is written ``Family I. O.`` without a comma, so BibTeX reads the initials
    as the family name.

    Why: ``Газуль С.М.`` becomes family name ``С.М.`` and given name ``Газуль``: the
    reference prints ``Г. С.М.`` and sorts under С.
    Example: ``author = {Газуль С.М. and Матвиенко Ю.Е.}``.
    Use instead: ``author = {Газуль, С. М. and Матвиенко, Ю. Е.}``.
    """
    values = entry.values       # (in the entry pass: what entry.value reads, asked for once)
    for name in NAME_FIELDS:
        value = values.get(name)
        if not value or value.count(",") >= len(_AND_SPLIT.findall(value)) + 1:
            continue   # a comma for every name: nothing to fix (cheap test, runs on every entry)
        span = entry.span(name)
        if not span or span.raw.strip()[:1] not in "{\"" or "#" in span.raw:
            continue
        def with_comma(part: str) -> str | None:
            m = _FAMILY_THEN_INITIALS.match(part)
            if m and "," not in part:
                return f"{m.group('family')}, {_space_initials(m.group('initials'))}"
            return None

        body, bad = _replace_names(span.value, with_comma)
        if bad:
            yield finding(name_without_comma, entry, f"{name} of '{entry.key}': "
                          f"{', '.join(repr(b) for b in bad)} read as family name + given name "
                          f"the wrong way round; write 'Family, I. O.'", name,
                          Fix(f"write {name} = {{{body}}}", True, [span.replace_value(body)]))


@rule("N002", "etal-as-name", "error", fix="safe", fields=NAME_FIELDS)
def etal_as_name(entry: EntryView, config=None):
    """``и др.``/``et al.`` is written as if it were a person's name.

    Why: BibTeX makes a person called ``др.`` (given name ``и``) and prints it among the
    authors; the style's own ``et al.``/``и др.`` cannot be applied.
    Example: ``author = {Иванов, И. И. and и др.}``.
    Use instead: ``author = {Иванов, И. И. and others}``.
    """
    values = entry.values       # (in the entry pass: what entry.value reads, asked for once)
    for name in NAME_FIELDS:
        value = values.get(name)
        if not value or not _ETAL_ANYWHERE.search(value):
            continue
        span = entry.span(name)
        if not span or span.raw.strip()[:1] not in "{\"" or "#" in span.raw:
            continue
        body, etal = _replace_names(span.value, lambda p: "others" if _ETAL.match(p) else None)
        if etal:
            yield finding(etal_as_name, entry, f"{name} of '{entry.key}' lists 'et al.' as a name; "
                          "write 'and others'", name, Fix(f"write {name} = {{{body}}}", True,
                                                            [span.replace_value(body)]))


@rule("N003", "initials-without-spaces", "warning", fix="safe", fields=NAME_FIELDS)
def initials_without_spaces(entry: EntryView, config=None):
    """Initials are run together (``С.М.``) instead of spaced (``С. М.``).

    Why: biber takes ``С.М.`` for one given name and abbreviates it to ``С.``, losing the
    patronymic initial; GOST and most styles print spaced initials.
    Example: ``author = {Газуль, С.М.}``.
    Use instead: ``author = {Газуль, С. М.}``.
    """
    values = entry.values       # (in the entry pass: what entry.value reads, asked for once)
    for name in NAME_FIELDS:
        value = values.get(name)
        if not value or not _GLUED.search(value):
            continue
        span = entry.span(name)
        if not span or span.raw.strip()[:1] not in "{\"" or "#" in span.raw:
            continue
        def spaced(part: str) -> str | None:
            family, comma, given = part.partition(",")
            return family + "," + _GLUED.sub(r"\1 ", given) if comma and _GLUED.search(given) else None

        body, changed = _replace_names(span.value, spaced)
        if changed:
            yield finding(initials_without_spaces, entry, f"{name} of '{entry.key}' has initials "
                          "without spaces", name, Fix(f"write {name} = {{{body}}}", True,
                                                      [span.replace_value(body)]))


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е").replace(" ", "")


@rule("N004", "inconsistent-name", "info", scope="run")
def inconsistent_name(run: RunContext):
    """One person's name is written in two ways across the file.

    Why: styles and indexes treat the variants as different people (``Иванов И. И.`` and
    ``Иванов Иван Иванович``; ``Фёдоров`` and ``Федоров``), breaking sorting, ``ibid.``
    and name disambiguation.
    Example: ``Матвиенко, Ю. Е.`` in one entry and ``Матвиенко, Юрий`` in another.
    Use instead: one spelling everywhere.
    """
    # (folded family name, first letter of the given name) → each distinct (family, given)
    # in the order first met, with the entry that first has it.  Only the few groups with
    # two names or more are then turned into written forms: making the forms of every
    # name of a large file at once was the peak of lint's memory (issue 12).
    groups: dict[tuple[str, str], dict[tuple[str, str], EntryView]] = defaultdict(dict)
    group_of: dict[tuple[str, str], tuple[str, str] | None] = {}   # the same name recurs
    for entry in run.entries():
        for variable in ("author", "editor"):
            for n in entry.run_get(variable, []) or []:
                if n.literal or not n.family or not n.given:
                    continue
                name = (n.family, n.given)
                group = group_of.get(name, _ABSENT)
                if group is _ABSENT:
                    first = _first_given_word(n.given)
                    group = group_of[name] = (_fold(n.family), first[:1]) if first else None
                if group is not None:
                    groups[group].setdefault(name, entry)
    del group_of
    for names in groups.values():
        if len(names) < 2:
            continue
        # each distinct written form, once, with the entry that first has it
        forms: dict[str, tuple[list[str], EntryView]] = {}
        for (family, given), entry in names.items():
            forms.setdefault(" ".join(f"{family}, {given}".split()), (_given_words(given), entry))
        if len(forms) < 2:
            continue
        items = list(forms.items())
        # each form without spaces and dots, once per form rather than once per pair
        bare = [_SPACES_DOTS.sub("", shown) for shown, _ in items]
        # Two given names can only be compatible when the first letters of their words
        # agree as far as both go, so each form is compared only with the earlier forms
        # whose letters are a prefix of its own or extend it (a large file has dozens of
        # forms per family name and initial: comparing every pair was quadratic).
        exact: dict[tuple, list[int]] = defaultdict(list)      # letters → forms
        extending: dict[tuple, list[int]] = defaultdict(list)  # proper prefix → longer forms
        for i, (shown, (words, entry)) in enumerate(items):
            letters = tuple(w[:1] for w in words)
            candidates = [j for k in range(len(letters) + 1) for j in exact.get(letters[:k], ())]
            candidates += extending.get(letters, ())
            for j in sorted(candidates):
                first, (first_words, first_entry) = items[j]
                if bare[j] != bare[i] and _compatible(first_words, words):
                    yield finding(inconsistent_name, entry, f"'{shown}' here, '{first}' in "
                                  f"'{first_entry.key}': the same person?", "author")
                    break
            exact[letters].append(i)
            for k in range(len(letters)):
                extending[letters[:k]].append(i)


_SPACES_DOTS = re.compile(r"[\s.]")
_GIVEN_SPLIT = re.compile(r"[\s\-]+")


_ABSENT = object()


def _first_given_word(given: str) -> str:
    """``_given_words(given)[0]`` ('' when there is none), without folding the others."""
    for w in _GIVEN_SPLIT.split(given.replace(".", ". ")):
        if w:
            return _fold(w)
    return ""


def _given_words(given: str) -> list[str]:
    """Folded words of a given name; initials keep their dot (``и.``) to tell them apart."""
    return [_fold(w) for w in _GIVEN_SPLIT.split(given.replace(".", ". ")) if w]


def _compatible(words_a: list[str], words_b: list[str]) -> bool:
    """Given names that may be the same person's: word by word, an initial matches any word
    with that first letter, two full words must be equal (Ali ≠ Abdullah)."""
    for x, y in zip(words_a, words_b):
        full_x = not x.endswith(".") and len(x) > 1
        full_y = not y.endswith(".") and len(y) > 1
        if full_x and full_y:
            if x != y:
                return False
        elif x[:1] != y[:1]:
            return False
    return True
