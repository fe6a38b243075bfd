"""CSL ``text-case`` done as the specification says, and only where it applies.

citeproc-py's own case transforms split a value into words and join them back with single
spaces, so they drop markup boundaries and spacing, and they title-case any item whose
language is unset.  Here a value's pieces (citeproc ``String``/``NoCase``/:class:`Tag`)
keep their spacing; ``nocase`` pieces and tags are never changed; and title case — an
English orthographic convention — is applied only to English items (see
``fixes._is_english`` for which variables), and never to a word written in a non-Latin
script (a Cyrillic container title inside an English record stays as typed: ``Известия
Иркутского государственного университета``, not ``… Государственного Университета``, as
the Chicago Manual's rule for titles in other languages says; citeproc-js title-cases it).
"""
from __future__ import annotations

import re
import unicodedata

from citeproc.string import MixedString, NoCase, String

from .markup import Tag

#: The stop words title case leaves in lower case: citeproc-js's one-word list (1.4.61), the
#: CSL 1.0.2 specification's with "about", "above", "ca", "de", "von", "van", "et", "al"
#: added and "according", "ahead", "thru", "worth" (capitalized by citeproc-js) left out;
#: its phrases ("according to") never match, as it tests one word at a time.
STOP_WORDS = frozenset(
    "a about above across afore after against al along alongside amid amidst among amongst "
    "an and anenst apropos apud around as aside astride at athwart atop barring before behind "
    "below beneath beside besides between beyond but by c ca circa de despite down during et "
    "except for forenenst from given in inside into lest like modulo near next "
    "notwithstanding nor of off on onto or out over per plus pro qua sans since so than the "
    "through throughout thruout till to toward towards under underneath until unto up upon "
    "van versus via vis-à-vis von vs. v. vs v with within without yet".split())

#: what citeproc-js's title case splits a value into pieces at (quotes, apostrophes,
#: hyphens, dashes, slash, period, comma, semicolon, ?, !, colon, brackets; \ue000-\ue002
#: are the quote markers of :mod:`.quotes`)
_PIECE_BREAK = re.compile("[\u2018\u2019\u201c\u201d\"'\\-\u2013\u2014/.,;?!:\\[\\]()\ue000-\ue002]")

_WORD = re.compile(r"(\s+)")
_APOSTROPHE = re.compile("['\u2019]")
_COMPOUND = re.compile("([-\u2013\u2014])")
_LETTERS = re.compile(r"[^\W\d_]", re.U)
#: a slash, or a period followed by a letter or digit, inside a word (title case)
_SUBWORD = re.compile(r"(/|\.(?=\w))", re.U)


def _pieces(text) -> list:
    if isinstance(text, MixedString):
        return list(text)
    return [text]


def _rebuild(pieces: list):
    pieces = [p for p in pieces if str(p) != ""]
    if not pieces:
        return String("")
    if len(pieces) == 1:
        return pieces[0]
    return MixedString(pieces)


def _latin_only(word: str) -> bool:
    for ch in word:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


_ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")


def _cap_first(word: str) -> str:
    """Upper-case the first letter when the word starts with one (after opening
    punctuation): "8th" and "&amp;" stay as they are."""
    i = 0
    while i < len(word) and word[i] in "\"'“‘([{«¡¿\ue000":     # \ue000: a quote marker (.quotes)
        i += 1
    if i < len(word) and word[i].isalpha():
        return word[:i] + word[i].upper() + word[i + 1:]
    return word


#: markup whose text title case leaves alone, as citeproc-js (``4<sup>ème</sup>``)
_UNCASED_TAG = re.compile(r"<(/?)(sup|sub|sc)>|<(/?)span\b[^>]*small-caps[^>]*>", re.I)


def _map_words(text, func, skip_tagged: bool = False):
    """Apply ``func(word, index, first_in_value, after_colon, is_last)`` to caseable words
    (``skip_tagged``: not to those inside superscript, subscript or small caps)."""
    pieces = _pieces(text)
    # collect (piece index, token index, token) of caseable words, to know first/last
    tokenized = []
    words = []
    tagged = set()
    open_tags: list[bool] = []      # per open tag: does it keep its text uncased
    for pi, piece in enumerate(pieces):
        if isinstance(piece, Tag):
            tokenized.append(None)
            if skip_tagged:
                tag = str(piece)
                if tag.startswith("</"):
                    if open_tags:
                        open_tags.pop()
                elif not tag.endswith("/>"):
                    open_tags.append(bool(_UNCASED_TAG.match(tag)))
            continue
        if any(open_tags):
            tagged.add(pi)
        tokens = _WORD.split(str(piece))
        tokenized.append(tokens)
        for ti, tok in enumerate(tokens):
            if tok and not tok.isspace():
                words.append((pi, ti, tok))
    prev_text = ""
    for wi, (pi, ti, tok) in enumerate(words):
        piece = pieces[pi]
        if not isinstance(piece, NoCase) and pi not in tagged:
            after_colon = prev_text.rstrip().endswith((":", "?", "!")) if wi else False
            tokenized[pi][ti] = func(tok, wi, wi == 0, after_colon, wi == len(words) - 1)
        prev_text = tok
    out = []
    for pi, piece in enumerate(pieces):
        if tokenized[pi] is None:
            out.append(piece)
        else:
            out.append(type(piece)("".join(tokenized[pi])))
    return _rebuild(out)


def _all_upper(text) -> bool:
    letters = [ch for p in _pieces(text) if not isinstance(p, (Tag, NoCase)) for ch in str(p) if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def apply(text_case: str | None, text, english: bool = True):
    """``text`` with CSL ``text_case`` applied (``None`` or unknown: unchanged)."""
    if not text_case or text is None or str(text) == "":
        return text
    if text_case == "lowercase":
        return _rebuild([p if isinstance(p, NoCase) else type(p)(str(p).lower()) for p in _pieces(text)])
    if text_case == "uppercase":
        return _rebuild([p if isinstance(p, NoCase) else type(p)(str(p).upper()) for p in _pieces(text)])
    if text_case == "capitalize-first":
        done = [False]

        def first(word, i, *_):
            # the value's first word only: "3. durchges. A." stays (citeproc-js)
            if not done[0] and re.search(r"[^\W_]", word):
                done[0] = True
                return _cap_first(word) if word.islower() or not any(c.isupper() for c in word) else word
            return word
        return _map_words(text, first)
    if text_case == "capitalize-all":
        return _map_words(text, lambda w, *_: _cap_first(w) if w.islower() else w)
    if text_case == "sentence":
        if _all_upper(text):
            text = _rebuild([p if isinstance(p, NoCase) else type(p)(str(p).lower()) for p in _pieces(text)])
        # words written with a capital only (Title Case) are lowered, as citeproc-js does;
        # acronyms and mixed case ("NASA", "iPhone") and nocase spans stay as typed
        def sentence(word, i, first, *_):
            if first:
                return _cap_first(word) if word.islower() else word
            letters = [c for c in word if c.isalpha()]
            if len(letters) > 1 and letters[0].isupper() and all(c.islower() for c in letters[1:]):
                return word.lower()
            return word
        return _map_words(text, sentence)
    if text_case == "title":
        if not english:
            return text
        broken = [False]        # has the value had a piece break (_PIECE_BREAK) yet

        def title(word, i, first, after_colon, last):
            opening = not broken[0]
            broken[0] = broken[0] or bool(_PIECE_BREAK.search(word))
            if _ENTITY.fullmatch(word):
                return word
            split = _SUBWORD.split(word)
            if len(split) > 1:
                # "Encoding/decoding", "v.98": each part a word of its own, as
                # citeproc-js splits words at a slash or a period inside them
                n = len(split) - 1
                return "".join(part if k % 2 else title_word(part, first and k == 0, after_colon and k == 0,
                                                            last and k == n, opening and k == 0)
                               for k, part in enumerate(split))
            return title_word(word, first, after_colon, last, opening)

        def title_word(word, first, after_colon, last, opening):
            if not word:
                return word
            # the parts of a compound (hyphen, en dash, em dash) are words of their own,
            # each cased by its own script: "β-Carotine", "Scientist–Practitioner",
            # "Traits—Self-Esteem" (CSL 1.0.2 title case, as citeproc-js)
            parts = _COMPOUND.split(word)
            out = []
            for k, part in enumerate(parts):
                if k % 2 or not part.islower() or not _latin_only(part):
                    out.append(part)
                    continue
                bare = part.strip("\"'“”‘’([{.,;:!?)]}\ue000\ue001\ue002")
                stop = bare in STOP_WORDS
                # as citeproc-js: a compound's first part is capitalized even when a stop
                # word ("So-Called", "Out-of-Print") in the opening piece, later
                # stop-word parts are not; a
                # one-letter word is left as typed unless it opens the title ("(a)", "y")
                if len(_APOSTROPHE.split(bare, 1)[0]) == 1 and not (k == 0 and (first or after_colon)):
                    # a one-letter part, or one letter before an apostrophe, is left as
                    # typed ("etched r-plane", "x-ray", "l’histoire"), except
                    # before a hyphen in the value's opening piece (no quote, dash or
                    # punctuation before it), which citeproc-js capitalizes
                    opens = (k == 0 and opening and len(parts) > 1 and parts[1] == "-"
                             and not _PIECE_BREAK.search(part))
                    out.append(_cap_first(part) if opens else part)
                elif stop and (k > 0 or (len(parts) == 1 and not (first or after_colon or last))
                               or (len(parts) > 1 and not opening and not (first or after_colon))):
                    # a compound's stop-word first part is capitalized only in the
                    # value's opening piece: once a hyphen, quote or punctuation has come
                    # before, citeproc-js leaves it ("Room-Temperature near-Infrared")
                    out.append(part)
                else:
                    out.append(_cap_first(part))
            return "".join(out)
        return _map_words(text, title, skip_tagged=True)
    return text


#: what citeproc-js splits a number variable's value into a list at (``&``, escaped or not,
#: ``and``, ``;``, ``,``, hyphens and en dashes), each element then cased on its own
_NUMBER_JOINER = re.compile(r"(\s*&(?:amp;)?\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[-\u2013]+\s*)")
#: a list element that begins and ends with a Latin letter: "&" after it loses its spaces
ASCII_WORD = re.compile(r"[A-Za-z](?:.*[A-Za-z])?\Z", re.S)


def number_list(text_case: str | None, text, english: bool = True):
    """``text``, the value of a number variable (edition, volume, …) that is no number,
    cased as citeproc-js does: as a list split at its joiners, each element cased on its own
    (``изд. 2-е, стереотипное`` → ``Изд. 2-Е, Стереотипное`` with ``capitalize-first``); a
    hyphen joiner loses its spaces, and ``&`` after an element that begins and ends with a
    Latin letter too."""
    parts = _NUMBER_JOINER.split(str(text))
    if len(parts) == 1:
        return apply(text_case, text, english)
    out = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            out.append(str(apply(text_case, String(part), english)) if part else part)
        elif part.strip() in ("&", "&amp;"):
            amp = part.strip()
            out.append(amp if ASCII_WORD.match(parts[k - 1]) else f" {amp} ")
        else:
            out.append(re.sub(r"\s*-\s*", "-", part, count=1))
    return String("".join(out))
