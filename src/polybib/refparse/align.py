"""Field values → the tokens of a reference that spell them (one label per token).

Used twice: to turn labelled references (``{"text", "gold"}``, AnyStyle's spans, rendered
synthetic records) into token labels for training, and at run time to turn the rule parser's
fields into the ``rl=`` feature of each token.  Matching is by words (punctuation between them
is ignored), so ``173-180`` finds ``173–180`` and ``Program Comput Soft`` its own words; names
are found by family name (a prefix, as ``под ред. Соколова`` spells ``Соколов``) and their
initials nearby; a short number is placed after the marker its field expects (``Т. 3``, ``№ 3``).
"""
from __future__ import annotations

import re

from .tokens import MARKERS, Token, fold

#: Labels in the order they are placed: names first, long strings, then the short numbers
#: (which could otherwise be found inside a title); a standard's or law's number before the
#: year, which it often holds (``ДСТУ 3008:2015``).
LABELS = ("author", "editor", "translator", "title", "container-title", "collection-title", "publisher",
          "publisher-place", "genre", "edition", "number", "issued", "volume", "issue", "page",
          "number-of-pages")
NAME_LABELS = ("author", "editor", "translator")
_WANT_MARKER = {"volume": ("volume",), "issue": ("issue",), "number": ("issue",), "page": ("page",),
                "edition": ("edition",)}
_ABBREVIATIONS = {"москва": ["м"], "санкт-петербург": ["спб", "с.-пб"], "ленинград": ["л"], "киев": ["к"],
                  "минск": ["мн"], "moscow": ["m"], "saint petersburg": ["spb", "st. petersburg"],
                  "ростов-на-дону": ["ростов н/д"], "нижний новгород": ["н. новгород"], "харьков": ["х"]}

#: The same, keyed by the city's words as ``_words`` splits them ("санкт петербург"): a
#: hyphenated name is two words, so looking up "санкт-петербург" itself never matched.
_ABBREVIATED = {" ".join(fold(w) for w in re.findall(r"[^\W_]+", city)): abbrs
                for city, abbrs in _ABBREVIATIONS.items()}


_ROLE_WORDS = {"ред", "редкол", "редактор", "редакцией", "редакцією", "сост", "упоряд", "уклад", "ed", "eds", "edited",
               "editor", "editors", "hrsg", "hg", "пер", "trans", "translated", "құраст", "ответственный", "отв"}
_EDITION_WORDS = {"изд", "издание", "вид", "видання", "выд", "выданне", "басылым", "басылымы", "ed", "edn", "edition",
                  "aufl", "auflage", "éd", "édition", "wyd", "wydanie"}
_ORDINAL_ENDINGS = {"", "st", "nd", "rd", "th", "е", "ге", "тє", "є", "е", "ое", "ее", "я", "и", "ше", "те", "це"}
_CONNECTORS = {"and", "und", "et", "al", "von", "van", "der", "den", "del", "della", "les"}


def _words(text: str) -> list[str]:
    from .tokens import TOKEN
    return [fold(w) for w in TOKEN.findall(text) if w[0].isalnum()]


class Aligner:
    """The word tokens of one reference and which of them are taken."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.labels = ["O"] * len(tokens)
        self.word_index = [i for i, t in enumerate(tokens) if t.text[0].isalnum()]
        self.words = [fold(tokens[i].text) for i in self.word_index]

    def _free(self, a: int, b: int) -> bool:
        return all(self.labels[k] == "O" for k in range(self.word_index[a], self.word_index[b] + 1))

    def _occurrences(self, seq: list[str]) -> list[int]:
        n, m = len(self.words), len(seq)
        out = []
        for s in range(n - m + 1):
            if self.words[s] == seq[0] and self.words[s:s + m] == seq and self._free(s, s + m - 1):
                out.append(s)
        return out

    def _mark(self, label: str, a: int, b: int) -> None:
        for k in range(self.word_index[a], self.word_index[b] + 1):
            self.labels[k] = label

    def _marker_before(self, s: int) -> str:
        k = self.word_index[s] - 1
        while k >= 0 and not self.tokens[k].text[0].isalnum() and self.tokens[k].text != "№":
            k -= 1
        return MARKERS.get(fold(self.tokens[k].text), "") if k >= 0 else ""

    def place_string(self, label: str, value: str) -> bool:
        seq = _words(value)
        if not seq:
            return False
        occ = self._occurrences(seq)
        if not occ and label == "publisher-place":
            for abbr in _ABBREVIATED.get(" ".join(seq), []):
                occ = self._occurrences(_words(abbr))
                if occ:
                    seq = _words(abbr)
                    break
        if not occ and label == "page" and len(seq) == 2 and seq[0].isdigit():
            # "489-498" printed with its last page cut short (Vancouver "489-98", "1538-49")
            occ = [k for k in self._occurrences(seq[:1])
                   if k + 1 < len(self.words) and self.words[k + 1].isdigit() and seq[1].endswith(self.words[k + 1])
                   and self._free(k + 1, k + 1)]
        if not occ:
            return False
        best = occ[0]
        wanted = _WANT_MARKER.get(label)
        if wanted and len(occ) > 1:
            for s in occ:
                if self._marker_before(s) in wanted:
                    best = s
                    break
        self._mark(label, best, best + len(seq) - 1)
        return True

    def place_edition(self, value: str) -> bool:
        """An edition is labelled with its marker, as a list prints it (``2-е изд.``, ``10th ed.``,
        ``Изд. 2``, ``2-ге вид.``): a bare ``2`` from a record finds ``2nd`` and ``2-е`` too."""
        seq = _words(value)
        if not seq:
            return False
        occ = self._occurrences(seq)
        if not occ and len(seq) == 1 and seq[0].isdigit():
            n = seq[0]
            occ = [k for k, w in enumerate(self.words)
                   if w.startswith(n) and w[len(n):] in _ORDINAL_ENDINGS and self._free(k, k)]
            seq = [n]
        if not occ:
            return False
        best = occ[0]
        for s in occ:
            if self._edition_marker_near(s, s + len(seq) - 1):
                best = s
                break
        a, b = best, best + len(seq) - 1
        while b + 1 < len(self.words) and b + 1 - best <= 3 and self._free(b + 1, b + 1) and \
                (self.words[b + 1] in _ORDINAL_ENDINGS or self.words[b + 1] in _EDITION_WORDS):
            b += 1
            if self.words[b] in _EDITION_WORDS:
                break
        if a > 0 and self.words[a - 1] in _EDITION_WORDS and self._free(a - 1, a - 1):
            a -= 1
        self._mark("edition", a, b)
        return True

    def _edition_marker_near(self, a: int, b: int) -> bool:
        around = self.words[max(0, a - 1):a] + self.words[b + 1:b + 4]
        return any(w in _EDITION_WORDS for w in around)

    def place_names(self, label: str, names: list[dict]) -> bool:
        """The run of names that spells the list: the first name where it first occurs, each
        next one close after the previous (a name far away, as in GOST's repeated statement
        of responsibility ``Title / A. B. Family``, is not part of this run)."""
        found: list[int] = []
        after = 0
        for name in names:
            family = _words(name.get("family") or name.get("literal") or "")
            if not family:
                continue
            if not found and label in ("editor", "translator"):
                after = self._after_role(family)
            pos = self._find_family(family, after, limit=None if not found else after + 8)
            if pos is None:
                continue
            if found and not self._names_between(after, pos, _words(name.get("given", ""))):
                continue
            here = list(range(pos, pos + len(family)))
            for g in _words(name.get("given", "")):
                best = None
                for k in range(max(0, pos - 5), min(len(self.words), pos + len(family) + 5)):
                    if self.words[k] == g and k not in here and k not in found and self._free(k, k):
                        if best is None or abs(k - pos) < abs(best - pos):
                            best = k
                if best is not None:
                    here.append(best)
            found.extend(here)
            after = max(found) + 1
        if not found:
            return False
        a, b = min(found), max(found)
        if not self._free(a, b):
            return False
        # "и др." / "et al." right after the list belongs to it
        while b + 1 < len(self.words) and self.words[b + 1] in ("и", "др", "et", "al", "та", "ін", "others", "u", "a"):
            if self.words[b + 1] in ("и", "та", "u") and (b + 2 >= len(self.words)
                                                          or self.words[b + 2] not in ("др", "ін", "a")):
                break
            if not self._free(b + 1, b + 1):
                break
            b += 1
        self._mark(label, a, b)
        return True

    def _after_role(self, family: list[str]) -> int:
        """Where an editor's or translator's list starts: at the occurrence of its first family
        name that a role word (``под ред.``, ``редкол.:``, ``Ed.``, ``сост.``) comes just before,
        not the same person's name in the author list (``Дайнеко А. Е. … ; под ред. А. Е. Дайнеко``)."""
        start = 0
        while True:
            pos = self._find_family(family, start, limit=len(self.words))
            if pos is None:
                return 0
            if any(self.words[k] in _ROLE_WORDS for k in range(max(0, pos - 5), pos)):
                return pos
            start = pos + 1

    def _names_between(self, a: int, b: int, given: list[str]) -> bool:
        """Only initials, given names and connectors between two names of one list."""
        for k in range(a, b):
            w = self.words[k]
            if len(w) > 2 and w not in given and w not in _CONNECTORS:
                return False
        return True

    def _find_family(self, family: list[str], after: int, limit: int | None = None) -> int | None:
        for start in ((after,) if limit is not None else (after, 0)):
            stop = len(self.words) - len(family) + 1
            for s in range(start, min(stop, limit) if limit is not None else stop):
                if not self._free(s, s + len(family) - 1):
                    continue
                ok = True
                for j, part in enumerate(family):
                    w = self.words[s + j]
                    stem = part[:max(3, len(part) - 3)]
                    if not (w == part or (len(part) > 3 and w.startswith(stem) and len(w) <= len(part) + 3)):
                        ok = False
                        break
                if ok:
                    return s
        return None


def align(tokens: list[Token], item: dict) -> list[str]:
    """Token labels for a CSL-JSON item (names as dicts, dates with ``date-parts``)."""
    al = Aligner(tokens)
    for label in LABELS:
        value = item.get(label)
        if value in (None, "", []):
            continue
        if label in NAME_LABELS:
            if isinstance(value, list):
                al.place_names(label, value)
            elif isinstance(value, str):       # a span's own text (AnyStyle's labels)
                al.place_string(label, value)
        elif label == "edition":
            al.place_edition(str(value))
        elif label == "issued":
            parts = value.get("date-parts") if isinstance(value, dict) else None
            if parts and parts[0]:
                al.place_string("issued", str(parts[0][0]))
        else:
            al.place_string(label, str(value))
    return al.labels
