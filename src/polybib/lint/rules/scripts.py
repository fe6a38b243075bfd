"""L: scripts and languages — look-alike letters, langid, transliteration schemes, keys."""
from __future__ import annotations

import re
from collections import Counter

from ...formats.bibtex.mapping import langid_to_code
from ...formats.bibtex.names import AND_SEPARATOR
from ...script import (_CYRILLIC_LETTERS, CYR_TO_LAT, LAT_TO_CYR, MixedWord, dominant_script, guess_language, letter_script,
                       mixed_script_words, script_counts)
from ..context import EntryView, RunContext, finding
from ..findings import Edit, Fix
from ..registry import rule

#: Fields whose text is checked for look-alike letters.
TEXT_FIELDS = ("author", "editor", "title", "subtitle", "journaltitle", "journal", "booktitle",
               "publisher", "location", "address", "series", "institution", "school")
CSL_TEXT = ("title", "container-title", "publisher", "publisher-place", "collection-title")

LANGID_FOR = {"ru": "russian", "uk": "ukrainian", "be": "belarusian", "kk": "kazakh",
              "sr": "serbian", "en": "english"}


def _names_text(entry: EntryView, variable: str) -> str:
    return " ".join(n.literal or f"{n.family} {n.given}" for n in entry.record.get(variable, []) or [])


@rule("L001", "mixed-script-word", "error", fix="unsafe", fields=TEXT_FIELDS)
def mixed_script_word(entry: EntryView, config=None):
    """A word mixes Cyrillic and Latin letters that look alike (``Но`` typed for ``Ho``).

    Why: the word looks right but sorts, searches, hyphenates and transliterates wrong,
    and duplicate detection misses it; it comes from switching keyboard layouts.
    Example: ``author = {Kizekova, A. and Но, Т. Е. В.}`` (Cyrillic Н, о, Т, Е, В).
    Use instead: ``Ho, T. E. B.`` typed in one script.  The fix rewrites the word in the
    script of most of its letters (or of the text around it): review it.
    """
    if entry.is_bib:
        values = entry.values       # (once: the property is asked for on every entry)
        for name in TEXT_FIELDS:
            value = values.get(name)
            # no Cyrillic letter (an ASCII value has none: asked first, at C speed), so
            # nothing is mixed; removing the "and"s between names removes no Cyrillic letter
            if not value or value.isascii() or not _CYR.search(value):
                continue
            probe = AND_SEPARATOR.sub(" ", value) if name in ("author", "editor") else value
            if not _LAT.search(probe):
                continue   # one script only (the "and"s between names aside): nothing is mixed
            if name in ("author", "editor"):
                words = _lookalike_names(entry, name, value)
            else:
                words = [w for w in mixed_script_words(value, dominant_script(value, 0.8))
                         if not _latin_part_of_russian_compound(w)]
            span = entry.span(name) if words else None
            if not span:
                continue
            body = span.value
            repaired = body
            for w in sorted(words, key=lambda w: w.start, reverse=True):
                if w.repaired:
                    repaired = repaired[:w.start] + w.repaired + repaired[w.end:]
            fix = Fix(f"retype {', '.join(w.word for w in words)} in one script", False,
                      [span.replace_value(repaired)]) if repaired != body and span.raw.strip()[0] in "{\"" else None
            listed = ", ".join(f"'{w.word}'" + (f" → '{w.repaired}'" if w.repaired else "") for w in words)
            yield finding(mixed_script_word, entry, f"{name} of '{entry.key}' has words typed in two "
                          f"scripts: {listed}", name, fix)
        return
    for repair in entry.record.source.repairs:     # what the free-text parser already retyped
        repaired = finding(mixed_script_word, entry, f"'{entry.key}': the source text had a word in "
                           f"look-alike letters, repaired on import: {repair}")
        repaired.severity = "info"             # already fixed in the record: tell, don't fail
        yield repaired
    for variable in CSL_TEXT:
        value = entry.record.get(variable)
        if isinstance(value, str):
            words = [w for w in mixed_script_words(value, dominant_script(value, 0.8))
                     if not _latin_part_of_russian_compound(w)]
            if words:
                yield finding(mixed_script_word, entry, f"{variable} of '{entry.key}' has words typed "
                              f"in two scripts: {', '.join(w.word for w in words)}", variable)


_COMPOUND_PARTS = re.compile(r"[-'’]")


def _latin_part_of_russian_compound(word: MixedWord) -> bool:
    """A hyphenated compound whose Latin parts are Latin on purpose: ``X-я``, ``pH-метр``,
    ``B-сплайны``, ``IT-отрасль``, ``Wi-Fi-сеть``.

    Why: Cyrillic text uses Latin letters for symbols, units and names, joined to Russian
    words with a hyphen; each part is in one script, and retyping the Latin part in
    Cyrillic (``рН-метр``) changes the data.  A slip is a word whose letters mix inside one
    part (``антолоrия``), or a Cyrillic part inside a Latin word (``А-cad``).
    """
    if word.target != "cyrillic":
        return False
    parts = [p for p in _COMPOUND_PARTS.split(word.word) if p]
    if len(parts) < 2:
        return False
    cyr_parts = lat_parts = 0
    for part in parts:
        cyr, lat = script_counts(part)
        if cyr and lat:
            return False            # a part mixes scripts: a typing slip
        cyr_parts += bool(cyr)
        lat_parts += bool(lat)
    return bool(cyr_parts and lat_parts)


def _lookalike_names(entry: EntryView, name: str, value: str) -> list[MixedWord]:
    """Mixed words of a name list, and whole names typed in look-alikes of the other script
    than the list's other names (``Kizekova, A. and Но, Т. Е. В.``), initials included."""
    words = mixed_script_words(value, "")
    # Only a person whose family name is all look-alikes of one script can be retyped; the
    # context script (which maps every name of the list) is worked out only when one is.
    persons = [(m, family) for m in _PERSON.finditer(value)
               for family in (m.group(1).split(",")[0],)
               if _all_lookalike(family, "latin") or _all_lookalike(family, "cyrillic")]
    if not persons:
        return words
    context = _context_script(entry, name, value)
    if not context:
        return words
    taken = {(w.start, w.end) for w in words}
    table = CYR_TO_LAT if context == "latin" else LAT_TO_CYR
    for m, family in persons:
        person = m.group(1)
        if not _all_lookalike(family, context):
            continue
        for w in re.finditer(r"[^\W\d_]+", person):
            span = (m.start(1) + w.start(), m.start(1) + w.end())
            if span in taken or letter_script(w.group(0)[0]) == context:
                continue
            converted = "".join(table.get(c, c) for c in w.group(0))
            words.append(MixedWord(w.group(0), span[0], span[1], context, converted))
    return words


_PERSON = re.compile(r"(?:^|(?<=\sand\s))(.+?)(?=\s+and\s+|$)")


def _context_script(entry: EntryView, name: str, value: str) -> str:
    """The script a look-alike word should be in: that of the other names in a name list
    (a Latin co-author list makes ``Но`` Latin), else of the field's own text."""
    if name in ("author", "editor"):
        names = [n for n in entry.record.get(name, []) or []]
        scripts = [dominant_script(n.family or n.literal) for n in names]
        real = [s for s, n in zip(scripts, names)
                if s and not _all_lookalike(n.family or n.literal, "latin")
                and not _all_lookalike(n.family or n.literal, "cyrillic")]
        if real:
            return Counter(real).most_common(1)[0][0]
    return dominant_script(value)


def _all_lookalike(text: str, context: str = "latin") -> bool:
    """Whether every letter of ``text`` not in the ``context`` script has a look-alike in it."""
    table = CYR_TO_LAT if context == "latin" else LAT_TO_CYR
    foreign = _foreign_letters(text, context)
    return bool(foreign) and all(c in table for c in foreign)


def _foreign_letters(text: str, context: str) -> list[str]:
    """The letters of ``text`` in the script other than ``context`` (as ``letter_script``
    sees them), found by regex instead of one ``letter_script`` call per character.

    Why: L001 asks this for every name of every author list that has both scripts, which
    made it one of the slowest rules.  Cyrillic is exactly ``_CYRILLIC_LETTERS``'s ranges;
    a Latin letter is any ASCII letter, and only non-ASCII leftovers need the slow test.
    """
    if context == "latin":
        return [c for c in _CYRILLIC_LETTERS.findall(text) if c.isalpha()]
    rest = _CYRILLIC_LETTERS.sub("", text) if not text.isascii() else text
    if rest.isascii():
        return [c for c in rest if c.isalpha()]
    return [c for c in rest if c.isalpha() and letter_script(c) == "latin"]


def _entry_text(entry: EntryView) -> str:
    ref = entry.record
    return " ".join(str(ref.get(v, "")) for v in ("title", "container-title")) + " " + _names_text(entry, "author")


@rule("L002", "missing-langid", "warning", fix="unsafe")
def missing_langid(entry: EntryView, config=None):
    """A BibLaTeX entry has no ``langid``.

    Why: biblatex/polyglossia hyphenate and choose terms (``Т.`` vs ``Vol.``, ``и др.`` vs
    ``et al.``) by ``langid``; without it a Russian record is set with English rules and
    a GOST style cannot tell which terms to use.
    Example: ``@book{k, title = {Бизнес и облака}}``.
    Use instead: ``langid = {russian}``.  The fix adds the language the text's letters
    show (review it: Latin text is assumed English).
    """
    if not entry.is_bib or entry.entry_type in ("xdata", "set") or "langid" in entry.values \
            or "langid" in entry.inherited:
        return
    code = guess_language(_entry_text(entry))
    langid = LANGID_FOR.get(code)
    fix = None
    last = entry.last_field_end() if langid and entry.segment is not None else None
    if last is not None:
        indent = re.search(r"\n([ \t]+)\S", entry.segment.raw)
        pad = indent.group(1) if indent else "  "
        rest = entry.segment.raw[last - entry.segment.offset:]
        comma = "" if rest.lstrip().startswith(",") else ","
        if comma:
            fix = Fix(f"add langid = {{{langid}}}", False,
                      [Edit(last, last, f",\n{pad}langid = {{{langid}}}")])
        else:
            after = last + rest.index(",") + 1
            fix = Fix(f"add langid = {{{langid}}}", False, [Edit(after, after, f"\n{pad}langid = {{{langid}}},")])
    suggestion = f" (the text looks {langid})" if langid else ""
    yield finding(missing_langid, entry, f"'{entry.key}' has no langid{suggestion}", None, fix)


@rule("L003", "wrong-langid", "warning", fields=("langid", "language"))
def wrong_langid(entry: EntryView, config=None):
    """``langid`` contradicts the script of the title.

    Why: hyphenation patterns and localisation terms of the wrong language are used, and
    a GOST list sorts and labels the record wrongly.
    Example: ``langid = {english}`` on ``title = {Анализ развития…}``; ``langid = {russian}``
    on a title without a single Cyrillic letter; ``russian`` on Ukrainian text (і, ї, є).
    Use instead: the language the title is written in.
    """
    value = entry.value("langid") if entry.is_bib else None
    code = langid_to_code(value.strip()) if value else entry.record.language
    if not code:
        return
    title = str(entry.record.get("title", ""))
    cyr, lat = script_counts(title)
    base = code.split("-")[0]
    problem = ""
    if base == "en" and cyr > lat:
        problem = "the title is Cyrillic"
    elif base in ("ru", "uk", "be", "bg", "sr", "mk", "kk") and lat and not cyr and \
            _ENGLISH_WORDS.search(title) and not script_counts(_entry_text(entry))[0]:
        problem = "the title is English"   # (a romanized Russian title has no "the", "of" …)
    elif base == "ru" and cyr and cyr >= lat and _cyrillic_language(title) == "uk":
        problem = "the title has Ukrainian letters"   # (guess_language's answer, counts known)
    if problem:
        field_name = "langid" if "langid" in entry.values else "language"
        yield finding(wrong_langid, entry, f"langid of '{entry.key}' is '{value or code}' but {problem}", field_name)


def _cyrillic_language(text: str) -> str:
    """What :func:`guess_language` answers for text with at least as many Cyrillic letters
    as Latin ones, asked without counting them again (L003 has the counts at hand)."""
    global _cyrillic_guess
    if _cyrillic_guess is None:     # imported on first use (start-up), as script.py does
        from ...translit.languages import guess_language as _cyrillic_guess
    return _cyrillic_guess(text)


_cyrillic_guess = None


_CYR = re.compile("[\u0400-\u04ff]")
_LAT = re.compile("[A-Za-z]")
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|for|with|from|in|on|between|towards?)\b", re.I)

# Markers of romanization families in Latin text of Russian-language records.
_SCHEME_MARKERS = {
    "ISO 9 / scientific (diacritics)": re.compile(r"[čšžŝëʹʺěǎ]", re.I),
    "ALA-LC without diacritics (iu, ia, ĭ)": re.compile(r"\w(?:iu|ia)\b|\bi[ua]\w", re.I),
    "BGN/PCGN or BSI (yu, ya, kh)": re.compile(r"(?:yu|ya|kh|zh|shch)", re.I),
    "German-style (ch for х, sch, w)": re.compile(r"(?:sch|tsch|ow\b|ew\b)", re.I),
    "Polish-style (cz, sz, rz)": re.compile(r"(?:cz|sz|rz)", re.I),
}


@rule("L004", "mixed-translit-schemes", "info", scope="run")
def mixed_translit_schemes(run: RunContext):
    """Romanized Russian names in one file follow different transliteration schemes.

    Why: the same author appears as ``Matvienko``, ``Matviyenko`` and ``Matvijenko`` and
    is counted, sorted and cited as three people; journals ask for one scheme.
    Example: ``Iur'ev`` (ALA-LC) and ``Yuryev`` (BGN/PCGN) in one reference list.
    Use instead: one scheme throughout (``polybib translit --scheme bgn-pcgn``).
    Only records whose langid is Russian and whose names are in Latin letters are looked at.
    """
    for ctx in run.files:
        seen: dict[str, tuple] = {}
        for entry in ctx.entries:
            if entry.run_get("language", "").split("-")[0] != "ru":
                continue
            for n in entry.run_get("author", []) or []:
                family = n.family
                # (a Cyrillic letter in it: one search, not a count of each script, which
                # this asked of every name of every Russian record)
                if not family or (not family.isascii() and _CYRILLIC_LETTERS.search(family)):
                    continue
                for scheme, marker in _SCHEME_MARKERS.items():
                    if marker.search(family) and scheme not in seen:
                        seen[scheme] = (entry, family)
        if len(seen) > 1:
            (first_scheme, (e1, f1)), (second_scheme, (e2, f2)) = list(seen.items())[:2]
            yield finding(mixed_translit_schemes, e2,
                          f"romanized names follow more than one scheme: '{f1}' ({first_scheme}, "
                          f"entry '{e1.key}') and '{f2}' ({second_scheme})", "author")


@rule("L005", "non-ascii-key", "error")
def non_ascii_key(entry: EntryView, config=None):
    """The citation key has non-ASCII characters (often Cyrillic).

    Why: classic BibTeX and many editors, journals' submission systems and ``\\cite``
    completion break on them; a Cyrillic ``с`` in a Latin-looking key makes ``\\cite``
    fail with no visible difference.
    Example: ``@book{Газуль2011, …}``, ``@book{smith2020с, …}`` (Cyrillic с).
    Use instead: an ASCII key, e.g. ``gazul2011biznes`` (polybib generates them).
    """
    if entry.key and not entry.key.isascii():
        yield finding(non_ascii_key, entry, f"citation key '{entry.key}' is not ASCII")
