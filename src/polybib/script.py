"""Scripts and languages of short bibliographic text: look-alike letters, script, language.

Reference lists typed on Russian keyboards contain Latin words with Cyrillic look-alike
letters (``Но Т.Е.В.`` is ``Ho T.E.B.``) and the reverse.  Such a word breaks sorting,
searching, transliteration and deduplication, so it is found and repaired here, once,
for the parser and the linter alike.
"""
from __future__ import annotations

import re
import unicodedata

#: Cyrillic letters whose glyphs are indistinguishable from Latin ones, and back.
CYR_TO_LAT = dict(zip("АВЕКМНОРСТУХаеорсхуіІјЈѕЅ", "ABEKMHOPCTYXaeopcxyiIjJsS"))
LAT_TO_CYR = {lat: cyr for cyr, lat in CYR_TO_LAT.items() if cyr not in "іІјЈѕЅ"}

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")



def letter_script(ch: str) -> str:
    """'cyrillic', 'latin' or '' for one character."""
    if "\u0400" <= ch <= "\u052f" or "\u1c80" <= ch <= "\u1c8f" or "\ua640" <= ch <= "\ua69f":
        return "cyrillic"
    if ch.isascii():
        return "latin" if ch.isalpha() else ""
    if ch.isalpha():
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            return "latin"
    return ""


_CYRILLIC_LETTERS = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def script_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) in ``text``.

    This runs on nearly every field of every entry in lint, so the usual texts are
    counted on their UTF-8 bytes: an ASCII letter is one byte, and a letter of U+0400–
    U+04FF is the only character whose first byte is D0–D3.  Text holding any of the
    rarer letters of either script (Latin-1 and Latin Extended letters, Cyrillic
    Supplement and Extended) is counted by the regular expressions.
    """
    data = text.encode()
    latin = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    if text.isascii():
        return 0, latin
    if _RARE_LETTER_BYTES.search(data):
        return len(_CYRILLIC_LETTERS.findall(text)), len(_LATIN_LETTERS.findall(text))
    return data.count(b"\xd0") + data.count(b"\xd1") + data.count(b"\xd2") + data.count(b"\xd3"), latin


_ASCII_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123))
#: First bytes of U+00C0–U+024F and U+0500–U+053F; first two of U+1C80–U+1CBF,
#: U+1E00–U+1EFF and U+A640–U+A6BF.
_RARE_LETTER_BYTES = re.compile(rb"[\xc3-\xc9\xd4]|\xe1[\xb2\xb8-\xbb]|\xea[\x99\x9a]")


def dominant_script(text: str, share: float = 0.5) -> str:
    """The script of most letters ('' when neither has more than ``share`` of them);
    LaTeX command names are not text and are not counted."""
    cyr, lat = script_counts(_LATEX_COMMAND.sub(" ", text) if "\\" in text else text)
    if not cyr and not lat:
        return ""
    if cyr >= lat:
        return "cyrillic" if cyr / (cyr + lat) >= share else ""
    return "latin" if lat / (cyr + lat) >= share else ""


_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\{[a-z]+\})?")


class MixedWord:
    """A word that mixes Cyrillic and Latin letters, and its repair when one is certain."""

    __slots__ = ("word", "start", "end", "target", "repaired")

    def __init__(self, word: str, start: int, end: int, target: str, repaired: str | None):
        self.word, self.start, self.end, self.target, self.repaired = word, start, end, target, repaired

    def __repr__(self) -> str:
        return f"MixedWord({self.word!r} → {self.repaired!r}, {self.target})"


def _one_script(part: str) -> bool:
    cyr, lat = script_counts(part)
    return not (cyr and lat)


def _convert(word: str, table: dict[str, str]) -> str | None:
    out = []
    for ch in word:
        kind = letter_script(ch)
        if kind and kind != ("latin" if table is CYR_TO_LAT else "cyrillic"):
            if ch not in table:
                return None
            out.append(table[ch])
        else:
            out.append(ch)
    return "".join(out)


def mixed_script_words(text: str, context_script: str = "") -> list[MixedWord]:
    """Words typed in two scripts, plus whole words of look-alikes in the other script.

    A word with letters of both scripts is repaired towards the script of most of its
    letters.  A word made only of Cyrillic look-alikes (``Но``) is Latin when the text
    around it is Latin (``context_script``), and the reverse; otherwise it is left alone.
    """
    found: list[MixedWord] = []
    has_cyr = _CYRILLIC_LETTERS.search(text) is not None
    has_lat = _LATIN_LETTERS.search(text) is not None
    if not (has_cyr and has_lat):
        # one script only: a word can only be wrong as a whole, against the context
        if not context_script or (context_script == "latin") == has_lat:
            return found
    for m in _WORD.finditer(text):
        word = m.group(0)
        # Cheap skips (this runs on every two-script field of a file): without a context
        # only a word with letters of both scripts is found, and an all-ASCII word can only
        # be wrong against a Cyrillic context.
        if word.isascii():
            if context_script != "cyrillic":
                continue
        elif not context_script and not _LATIN_LETTERS.search(word):
            continue
        cyr, lat = script_counts(word)
        parts = re.split(r"[-'’]", word)
        if cyr and lat and len(parts) > 1 and all(_one_script(p) for p in parts):
            # a compound of single-script parts (онтология-IV, Daseinanalitik'е): only a part
            # made wholly of look-alikes of the main script is a typing slip (А-cad)
            target = "latin" if lat > cyr else "cyrillic"
            table = CYR_TO_LAT if target == "latin" else LAT_TO_CYR
            foreign = [p for p in parts if letter_script(p[0]) != target]
            if all(_convert(p, table) is not None for p in foreign):
                found.append(MixedWord(word, m.start(), m.end(), target, _convert(word, table)))
            continue
        if cyr and lat:
            target = "latin" if lat > cyr else "cyrillic"
            if lat == cyr:
                target = context_script or "latin"
            table = CYR_TO_LAT if target == "latin" else LAT_TO_CYR
            found.append(MixedWord(word, m.start(), m.end(), target, _convert(word, table)))
        elif len(word) < 2:
            continue   # a lone letter (В, Т, О) is an abbreviation or a word of its own script
        elif context_script == "latin" and cyr and all(ch in CYR_TO_LAT for ch in word if ch.isalpha()):
            found.append(MixedWord(word, m.start(), m.end(), "latin", _convert(word, CYR_TO_LAT)))
        elif context_script == "cyrillic" and lat and len(word) > 1 and \
                all(ch in LAT_TO_CYR for ch in word if ch.isalpha()) and not word.isupper():
            found.append(MixedWord(word, m.start(), m.end(), "cyrillic", _convert(word, LAT_TO_CYR)))
    return found


def repair_mixed_script(text: str, context_script: str = "") -> tuple[str, list[MixedWord]]:
    """``text`` with every certain repair applied, and the list of what was repaired."""
    words = [w for w in mixed_script_words(text, context_script) if w.repaired]
    if not words:
        return text, []
    out = []
    pos = 0
    for w in words:
        out.append(text[pos:w.start])
        out.append(w.repaired)
        pos = w.end
    out.append(text[pos:])
    return "".join(out), words


def guess_language(text: str) -> str:
    """A BCP-47 code from the letters alone: 'ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'en', or ''.

    Only what the alphabet proves: Cyrillic text is Russian unless letters specific to
    another language appear (the transliteration tables' alphabets decide); Latin text is
    reported as English only when it is plain ASCII, since accents point to other
    languages we do not guess at.
    """
    cyr, lat = script_counts(text)
    if not cyr and not lat:
        return ""
    if cyr >= lat:
        from .translit.languages import guess_language as cyrillic_language
        return cyrillic_language(text) or "ru"
    # every letter ASCII; checked on the non-ASCII characters alone (this runs per entry in lint)
    if text.isascii() or not any(ch.isalpha() for ch in _NON_ASCII.findall(text)):
        return "en"
    return ""


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
