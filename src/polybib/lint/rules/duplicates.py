"""D: the same work twice — by DOI, or by title, first author and year, across scripts."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..context import EntryView, RunContext, finding
from ..registry import rule


# A plain romanization for comparison keys only (the folding below absorbs the differences
# between this and whatever scheme the twin record used).
_ROMAN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u",
})
_DIACRITICS = {"č": "ch", "š": "sh", "ž": "zh", "ŝ": "shch", "ë": "e", "è": "e", "ê": "e",
               "û": "yu", "â": "ya", "ǎ": "a", "ĭ": "i", "ʹ": "", "ʺ": "", "’": "", "'": "",
               "ŭ": "u", "ė": "e", "ô": "o", "ě": "e"}

#: Both in one table: one pass over the text (the romanization never outputs a key of
#: _DIACRITICS, so applying them together is applying them in turn).
_ROMAN_AND_DIACRITICS = {**_ROMAN, **str.maketrans(_DIACRITICS)}


@lru_cache(maxsize=65536)
def _ascii_fold(text: str) -> str:
    """A script-blind comparison key, so that a Cyrillic record and its transliterated twin
    (in any of the usual schemes) compare equal: Cyrillic is romanized, then the letters
    on which schemes disagree (ye/e, yu/iu/u, ts/c, kh/h, doubled vowels) are folded."""
    text = _MARKUP.sub("", text).casefold()
    if text.isascii():
        text = text.replace("'", "")   # the only ASCII key of _DIACRITICS; NFKD changes nothing
    else:
        text = text.translate(_ROMAN_AND_DIACRITICS)
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text)
            text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ch", "\x01").replace("tc", "ts").replace("c", "ts").replace("\x01", "ch")
    text = text.replace("kh", "h").replace("x", "h")
    text = text.replace("y", "").replace("j", "")
    text = _DOUBLED.sub("", text)
    text = text.replace("iu", "u").replace("ia", "a")
    return _NOT_ALNUM.sub("", text)


#: The same folding, not cached: titles rarely recur, and caching every one of them held
#: a large file's titles folded twice over for the whole run.
_fold_whole = _ascii_fold.__wrapped__


def _fold_title(text: str) -> str:
    """:func:`_ascii_fold` of a title, folded word by word (each word's fold cached).

    Why: titles rarely recur but their words do, and folding every title letter by letter
    was a third of D002.  Every step of the folding either changes one character at a
    time or replaces letters that stand next to each other, and white space is kept
    until the last step removes it, so no step reaches across it: the title's fold is
    its words' folds joined.  Only ``<…>`` markup can span words: such a title is
    folded whole.
    """
    if "<" in text:
        return _fold_whole(text)
    return "".join([_ascii_fold(word) for word in text.split()])


# Compiled once: _ascii_fold runs on every entry's first author (D002), and ``re.sub`` with
# a pattern string pays a cache lookup on each call.
_MARKUP = re.compile(r"<[^>]+>|[{}\\]")
_DOUBLED = re.compile(r"(?<=([a-z]))\1+")     # the repeats after a letter (no template to expand)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _year_and_author(entry: EntryView) -> tuple | None:
    get = entry.run_get
    names = get("author") or get("editor") or []
    if not names or not entry.run_is_text("title"):
        return None
    issued = get("issued")
    year = issued.year if issued else None
    return (_ascii_fold(names[0].family or names[0].literal), year)


@rule("D001", "duplicate-doi", "warning", scope="run")
def duplicate_doi(run: RunContext):
    """Two entries have the same DOI.

    Why: the same work is listed twice under two keys and cited inconsistently.
    Example: ``@article{li2007, doi = {10.1/x}}`` and ``@article{li2007national, doi = {10.1/X}}``.
    Use instead: keep one entry and point every citation at its key.  polybib never
    merges entries by itself.
    """
    seen: dict[str, str] = dict(run.earlier.get("D001", ()))     # DOI -> key of its first entry
    for entry in run.entries():
        norm = doi_signature(entry)
        if norm is None:
            continue
        if norm in seen:
            yield finding(duplicate_doi, entry, f"'{entry.key}' has the same DOI as "
                          f"'{seen[norm]}' ({norm})", "doi")
        else:
            seen[norm] = entry.key


def doi_signature(entry: EntryView) -> str | None:
    """The DOI two entries share when D001 calls them the same work (case, resolver
    prefix and ``doi:`` aside)."""
    doi = entry.run_get("DOI")
    if not doi:
        return None
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I).lower()


@rule("D002", "duplicate-work", "warning", scope="run")
def duplicate_work(run: RunContext):
    """Two entries describe the same work: same title, first author and year, even when
    one is in Cyrillic and the other transliterated.

    Why: the reference list counts one work twice; reviewers notice, and citation
    counts and numbering go wrong.
    Example: ``Матвиенко, Ю. Е. Анализ развития… 2019`` and ``Matvienko, Yu. E. Analiz
    razvitiya… 2019``.
    Use instead: keep one entry (with the translation or transliteration as data of that
    entry).  polybib never merges entries by itself.
    """
    # Group by first author and year first (cheap); fold titles only where a group has two,
    # or where records linted before this run (earlier batch partitions) share the group.
    earlier = run.earlier.get("D002", {})
    groups: dict[tuple, list[EntryView]] = {}
    for entry in run.entries():
        if entry.entry_type in ("xdata", "set"):
            continue
        key = _year_and_author(entry)
        if key is not None:
            groups.setdefault(key, []).append(entry)
    for group, entries in groups.items():
        before = earlier.get(group, {})
        if len(entries) < 2 and not before:
            continue
        seen: dict = dict(before)               # title key -> key of its first entry
        for entry in entries:
            title = _title_key(entry)
            if title in seen and seen[title] != entry.key:
                yield finding(duplicate_work, entry, f"'{entry.key}' looks like the same work as "
                              f"'{seen[title]}' (title, first author and year agree)", "title")
            else:
                seen.setdefault(title, entry.key)


def work_signature(entry: EntryView) -> tuple | None:
    """(first author and year, title key): what two entries share when D002 calls them
    the same work; None for entries D002 does not compare."""
    if entry.entry_type in ("xdata", "set"):
        return None
    group = _year_and_author(entry)
    return None if group is None else (group, _title_key(entry))


def _title_key(entry: EntryView):
    title = _fold_title(entry.run_get("title"))
    return _short_title_key(entry) if len(title) < 8 else title


_SHORT_TITLE_DETAILS = ("container-title", "volume", "issue", "page", "publisher", "edition")


def _short_title_key(entry: EntryView) -> tuple:
    """What two entries with a short title (``Poems``, ``Стихи``, ``Reply``) must share to
    be the same work: the title as written (case and spacing aside, no folding across
    scripts), the type and every detail either gives.

    Why: a short folded title matches unrelated works by one author in one year, so they
    used to be skipped, and exact duplicates with short titles went unreported.
    """
    ref = entry.run_ref
    title = " ".join(_MARKUP.sub("", ref["title"]).casefold().split())
    return ("short", title, ref.type) + tuple(str(v or "") for v in entry.record_values(_SHORT_TITLE_DETAILS))
