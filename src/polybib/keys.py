"""ASCII citation keys: ``gazul2011biznes`` from ``Газуль, С. М. (2011) Бизнес и облака``.

A key is family name + year + first significant word of the title, in lower-case ASCII
letters and digits only, because keys travel through BibTeX, LaTeX ``\\cite``, file names
and URLs, none of which take Cyrillic or accents safely.  The parts:

* the **family name** of the first author (then editor, translator, …: the first name
  variable that has a name); an organisation (``literal``) gives its first significant
  word; no name at all gives the title's first significant word again;
* the **year** of ``issued`` (nothing when there is none);
* the **first significant word of the title**: stop words are skipped (Russian,
  Ukrainian, Belarusian, Bulgarian and English articles, prepositions, conjunctions:
  ``в на и о об к по the a an of on …``).

Cyrillic is romanized with the ``bsi`` table (the References table of Russian journals,
no context rules: ``Матвиенко`` → ``matvienko``), other languages with their national
table; accents are then stripped and every character that is not ``a-z0-9`` dropped.

Keys written to ``.bib`` (:func:`bibtex_keys`) are also made safe: an id taken from
CSL-JSON or RIS is kept only when it is made of ``A-Z a-z 0-9 _ - : . + /``, an entry
read from ``.bib`` keeps any key BibTeX and biber read as one; any other id, and a missing
one, is replaced by the key made here, because a key is written outside braces, where
``}`` or a line break would end the entry and start another.

Keys are deduplicated across a library case-insensitively: the first record keeps the
bare key, the next ones get ``a``, ``b``, … ``z``, ``aa`` … in library order, so keys are
stable: the same records in the same order give the same keys, and appending records never
changes the keys of those before them.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

from .model import Library, NAME_VARIABLES, Name, Reference

#: Words that never make a key: articles, prepositions, conjunctions, particles.
STOP_WORDS = frozenset("""
    a an the of on in at to for from by with and or but as is are be into about over under
    via vs versus its it this that these those not no de la le les des du der die das und
    в во на и о об обо к ко по с со у из за от до для при про над под без через или а но
    же ли бы не ни как что это то эти его ее её их том тех также который которые
    у і й та до від на про для з із зі за під над як що це
    ў і ды па ад да з са
    във за на от по при с със и или към
""".split())

_STRIP = {"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "Æ": "ae",
          "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "Þ": "th",
          "ð": "d", "Ð": "d", "ŋ": "ng"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")

@functools.lru_cache(maxsize=None)
def _romanizer():
    """The key romanizer, made on first use: importing the transliteration tables costs
    start-up time that commands writing no new key (``lint``) should not pay."""
    from .translit import Romanizer
    return Romanizer("bsi", fallback="national")


def ascii_fold(text: str, language: str | None = None) -> str:
    """Lower-case ``[a-z0-9]`` only: Cyrillic romanized (in the table of ``language`` when
    it is a Cyrillic one), accents stripped, the rest dropped."""
    from .translit import has_cyrillic
    if has_cyrillic(text):
        text = _romanizer().text(text, language)
    text = "".join(_STRIP.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.lower())


def first_significant_word(text: str, language: str | None = None) -> str:
    """The first word of ``text`` that is not a stop word, ASCII-folded ('' if none)."""
    text = _TAG.sub(" ", text or "")
    fallback = ""
    for word in _WORD.findall(text):
        folded = ascii_fold(word, language)
        if not folded:
            continue
        if word.lower() in STOP_WORDS or word.isdigit():
            fallback = fallback or folded
            continue
        return folded
    return fallback


def _first_name(ref: Reference) -> Name | None:
    for variable in ("author", "editor", "translator", "compiler", "container-author",
                     *NAME_VARIABLES):
        for name in ref.get(variable) or []:
            if isinstance(name, Name) and not name.is_empty():
                return name
    return None


def _name_part(ref: Reference) -> str:
    name = _first_name(ref)
    if name is None:
        return ""
    if name.family:
        return ascii_fold(name.family, ref.language)
    if name.literal:
        return first_significant_word(name.literal, ref.language)
    return ascii_fold(name.given, ref.language)


def citation_key(ref: Reference) -> str:
    """The base key of one record (before deduplication): ``gazul2011biznes``."""
    title = ref.get("title") or ref.get("container-title") or ""
    word = first_significant_word(title if isinstance(title, str) else "", ref.language)
    name = _name_part(ref)
    issued = ref.get("issued")
    year = getattr(issued, "year", None)
    year_text = str(year) if isinstance(year, int) and year >= 0 else ""
    key = (name or word) + year_text + (word if name else "")
    return key or "ref"


def _suffix(n: int) -> str:
    """0 → '', 1 → 'a', 26 → 'z', 27 → 'aa' …"""
    out = ""
    while n > 0:
        n -= 1
        out = chr(ord("a") + n % 26) + out
        n //= 26
    return out


def assign_keys(refs: Iterable[Reference]) -> list[str]:
    """Unique keys for ``refs`` in order (case-insensitively unique, ``a``/``b`` suffixes)."""
    return dedupe_keys([citation_key(r) for r in refs])


def dedupe_keys(bases: Iterable[str]) -> list[str]:
    """The base keys made unique in order: the first keeps its key, the next ones get
    ``a``, ``b`` … (case-insensitively).  Keys as data, so a run that holds no records
    (``polybib batch``: the records live on the workers) deduplicates them all the same."""
    taken: set[str] = set()
    tried: dict[str, int] = {}
    return [_unique(base, taken, tried) for base in bases]


def _unique(base: str, taken: set[str], tried: dict[str, int]) -> str:
    """``base`` or ``base`` + the first free suffix, now taken.  ``tried`` remembers per
    base how far the suffixes are known to be taken (``taken`` only grows), so n copies of
    one key cost n steps, not n²/2: 20,000 lines of the same reference took 5 minutes."""
    low = base.lower()
    n = tried.get(low, 0)
    key = base + _suffix(n)
    while key.lower() in taken:
        n += 1
        key = base + _suffix(n)
    tried[low] = n
    taken.add(key.lower())
    return key


#: A key written as it is: anything but white space, control and invisible formatting
#: characters, and what ends or splits a key for BibTeX, biber, bibtexparser, or LaTeX
#: reading it back from ``.aux`` and ``.bbl`` (``, { } ( ) " # % = \\ @ ~``).  Keys that
#: other tools made (``Dobrovol'skii_1963``, ADS's ``2004A&A...424..927C``, ``testŠ``)
#: pass; one that could leave its entry (``k}\n@preamble{…``) does not.
SAFE_KEY = re.compile(r"[^\s,{}()\"#%=\\@~\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+")


def is_safe_key(key: str) -> bool:
    """Whether ``key`` can be written as an entry's key as it is."""
    return bool(key) and bool(SAFE_KEY.fullmatch(key))


def bibtex_keys(refs: Iterable[Reference], fixed: Iterable[str] = ()) -> list[str]:
    """Keys to write ``refs`` under, unique (case-insensitively) among themselves and
    ``fixed`` (the keys of entries written as they were read).  A safe id is kept; a
    missing or unsafe one becomes :func:`citation_key`; a repeated one gets ``a``, ``b`` …
    """
    taken = {key.lower() for key in fixed}
    tried: dict[str, int] = {}
    return [_unique(ref.id if is_safe_key(ref.id or "") else citation_key(ref), taken, tried) for ref in refs]


def with_citation_keys(refs: Iterable[Reference]) -> list[Reference]:
    """Copies of ``refs`` with their ``id`` set to :func:`assign_keys`' keys."""
    refs = list(refs)
    out = []
    for ref, key in zip(refs, assign_keys(refs)):
        copy = ref.copy()
        copy.id = key
        out.append(copy)
    return out


def ensure_keys(library: Library) -> None:
    """ASCII citation keys for records that have none, unique across the library."""
    ids = [r.id for r in library]
    if not any(needs_key(i) for i in ids):
        return
    keys = completed_keys(ids, [citation_key(r) for r in library.references])
    for ref, key in zip(library.references, keys):
        ref.id = key


def needs_key(key: str) -> bool:
    """Whether a record with id ``key`` gets a made key (none, or not ASCII)."""
    return not key or not key.isascii()


def completed_keys(ids: list[str], bases: list[str]) -> list[str]:
    """:func:`ensure_keys` on keys as data: ``ids`` as read, ``bases`` the
    :func:`citation_key` of every record, in library order.  A record whose id is a
    usable ASCII key keeps it; the others get their deduplicated key, with ``2``, ``3`` …
    when a kept id already has it."""
    taken = {i.lower() for i in ids if not needs_key(i)}
    out = []
    for ident, key in zip(ids, dedupe_keys(bases)):
        if not needs_key(ident):
            out.append(ident)
            continue
        candidate, n = key, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{key}{n}"
        taken.add(candidate.lower())
        out.append(candidate)
    return out
