"""Person names as reference lists print them, in every order and script.

``Газуль С.М.``, ``Газуль, С. М.``, ``С. М. Газуль``, ``Sherstnev, P.A.``, ``Chalov SR``,
``Tanabe, Ryoji``, ``Lifan Li`` and ``Wang Wan`` (Chinese names in either order: a list of
common Chinese surnames decides), ``и др.``/``et al.`` (recorded, not a person), and Latin
names typed with Cyrillic look-alikes (``Но Т.Е.В.`` → ``Ho T. E. B.``).
"""
from __future__ import annotations

import re

from ..model import Name
from ..script import CYR_TO_LAT, script_counts

UPPER = "A-ZА-ЯЁІЇЄҐ"
LOWER = "a-zа-яёіїєґ'’ßäöüéèáíóúçñšžčćł"
INITIAL = rf"(?:Yu|Ya|Ye|Yo|Ju|Ja|Je|Jo|Ch|Sh|Zh|Ts|Kh|Th|Ph|Sch|Дж|[{UPPER}])\."   # "С.", "Yu.", "Ch."
INITIALS = rf"(?:{INITIAL}\s?-?\s?){{1,4}}"
FAMILY = rf"[{UPPER}][{LOWER}]+(?:[-‐][{UPPER}]?[{LOWER}]+)*"
PARTICLE = r"(?:van der|van den|van|von der|von|de la|de|del|della|da|di|du|le|la|dos|das|ter|ten|al|el|bin|ibn)"

# Common Chinese surnames (pinyin), most common first: in a two-word name the more common
# surname is the family name (Wang Wan → Wang; Tao Tian → Tian; Lifan Li → Li).
CHINESE_SURNAMES_BY_RANK = list(dict.fromkeys("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
xie song tang xu han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding ren shen yao jin fu zhong cui tan lu fan wan qiu jia qin xue yan hou lei bai long duan
hao kong shao shi mao chang wan gu lai wu kang he yin qian niu hong gong fang tao qi mo xiong
""".split()))
CHINESE_SURNAMES = set(CHINESE_SURNAMES_BY_RANK)
_RANK = {name: i for i, name in enumerate(CHINESE_SURNAMES_BY_RANK)}

_ETAL = re.compile(r"^(?:\[?\s*(?:и\s+др\.?|и\s+другие|et\s+al\.?|і\s+ін\.?|u\.\s*a\.)\s*\]?)$", re.I)
_TRAILING_ETAL = re.compile(r"[,\s]*(?:\[\s*и\s+др\.?\s*\]|\bи\s+др\.?|\bet\s+al\.?|\bи\s+другие)\s*$", re.I)
_SPLIT = re.compile(r"\s*,\s*(?:&|and)\s+|\s*;\s*|\s*,\s+(?=\S)|\s+(?:and|&|и)\s+")


def space_initials(text: str) -> str:
    """``С.М.`` → ``С. М.``; ``A.G.B.`` → ``A. G. B.``; hyphenated ``Ж.-П.`` kept."""
    return re.sub(r"\.\s*(?=[^\s.\-])", ". ", text.strip()).strip()


def is_etal(text: str) -> bool:
    return bool(_ETAL.match(text.strip()))


def repair_lookalikes(text: str, context: str) -> tuple[str, bool]:
    """A name typed in Cyrillic look-alikes of Latin letters, in a Latin list, made Latin."""
    if context != "latin":
        return text, False
    letters = [c for c in text if c.isalpha()]
    cyr, lat = script_counts(text)
    if cyr and letters and all(c in CYR_TO_LAT or c.isascii() for c in letters):
        return "".join(CYR_TO_LAT.get(c, c) for c in text), True
    return text, False


def parse_name(text: str) -> Name | None:
    """One name in any of the usual orders; None when ``text`` is not a name."""
    t = text.strip().strip(",;").strip()
    if not t:
        return None
    # Family, Initials  |  Family, Given names
    m = re.fullmatch(rf"({PARTICLE}\s+)?({FAMILY}(?:\s{FAMILY})?),\s*({INITIALS}|[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]*\.?)*)", t)
    if m:
        return Name(family=m.group(2), given=space_initials(m.group(3)),
                    non_dropping_particle=(m.group(1) or "").strip())
    # Family Initials (GOST): Газуль С.М., Velasquez A.
    m = re.fullmatch(rf"({PARTICLE}\s+)?({FAMILY})\s+({INITIALS})", t)
    if m:
        return Name(family=m.group(2), given=space_initials(m.group(3)),
                    non_dropping_particle=(m.group(1) or "").strip())
    # Initials Family: А. В. Рахманов, J. D. Villasenor
    m = re.fullmatch(rf"({INITIALS})\s*({PARTICLE}\s+)?({FAMILY})", t)
    if m:
        return Name(family=m.group(3), given=space_initials(m.group(1)),
                    non_dropping_particle=(m.group(2) or "").strip())
    # Vancouver: Chalov SR
    m = re.fullmatch(rf"({FAMILY})\s+([{UPPER}]{{1,3}})", t)
    if m:
        return Name(family=m.group(1), given=" ".join(f"{c}." for c in m.group(2)))
    # Two full words: Lifan Li, Wang Wan, Tao Tian, Ryoji Tanabe
    m = re.fullmatch(rf"({FAMILY})\s+({FAMILY})", t)
    if m:
        first, second = m.group(1), m.group(2)
        rank_first = _RANK.get(first.lower(), len(_RANK))
        rank_second = _RANK.get(second.lower(), len(_RANK))
        if rank_first < rank_second:
            return Name(family=first, given=second)
        return Name(family=second, given=first)
    return None


def split_people(text: str) -> list[str]:
    """Split a name list on ``;``, ``,`` (between names), ``and``, ``&``, ``и``.

    ``Sherstnev, P.A.; Kozhin, K.D.`` and ``Niehaus, J., Banzhaf, W.`` both put a comma
    inside each name: a part that is only initials joins the part before it.
    """
    parts = [p for p in _SPLIT.split(text.strip().strip(",;")) if p and p.strip()]
    joined: list[str] = []
    for part in parts:
        stripped = part.strip()
        if joined and (re.fullmatch(rf"\s*{INITIALS}\s*", stripped) or
                       (re.fullmatch(rf"[{UPPER}][{LOWER}]+", stripped) and "," not in joined[-1]
                        and " " not in joined[-1].strip() and not is_etal(stripped))):
            joined[-1] = f"{joined[-1]}, {stripped}"
        else:
            joined.append(stripped)
    return joined


def parse_names(text: str) -> tuple[list[Name], bool, list[str]]:
    """Names of a list, whether it ended in "et al.", and the repairs made."""
    names: list[Name] = []
    repairs: list[str] = []
    trailing = _TRAILING_ETAL.search(text)
    etal = bool(trailing)
    if trailing:
        text = text[:trailing.start()]
    pieces = split_people(text)
    latin = sum(1 for p in pieces if script_counts(p)[1] > script_counts(p)[0])
    cyrillic = len(pieces) - latin
    context = "latin" if latin > 0 and latin >= cyrillic else ""
    for piece in pieces:
        if is_etal(piece):
            etal = True
            continue
        fixed, repaired = repair_lookalikes(piece, context)
        if repaired:
            repairs.append(f"{piece} → {fixed}")
        name = parse_name(fixed)
        if name is None:
            name = Name(literal=fixed.strip(" .,"))
        names.append(name)
    return names, etal, repairs


# One name at the start of the remaining text, in each order a reference list prints.
_NAME_AT = [re.compile(p) for p in (
    rf"(?:{PARTICLE}\s+)?{FAMILY},\s*{INITIALS}",
    rf"{FAMILY},\s*[{UPPER}][{LOWER}]+(?=\s*(?:[,;&.]|\band\b))",
    rf"(?:{PARTICLE}\s+)?{FAMILY}\s+{INITIALS}",
    rf"{INITIALS}\s*(?:{PARTICLE}\s+)?{FAMILY}(?![{LOWER}])",
    rf"{FAMILY}\s+[{UPPER}]{{1,3}}(?=\s*[,.;])",
    rf"{FAMILY}\s+{FAMILY}(?=\s*[,.;]|\s+and\s)",
)]
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*&|,\s*and\b|[,;&]|\band\b|\bи\b)\s*")
_ETAL_AT = re.compile(r"\s*,?\s*(?:\[\s*и\s+др\.?\s*\]|и\s+др\.|et\s+al\.?|и\s+другие)")


def _name_at(text: str, pos: int) -> int:
    """End of a name starting at ``pos``, or -1."""
    for i, pattern in enumerate(_NAME_AT):
        m = pattern.match(text, pos)
        if not m:
            continue
        if i == 5:   # two full words: only a Chinese name in either order (else a title's start)
            words = m.group(0).lower().split()
            if not any(w in CHINESE_SURNAMES for w in words):
                continue
        return m.end()
    return -1


def leading_names(text: str) -> tuple[str, str]:
    """Split ``text`` into the name list it starts with (possibly empty) and the rest."""
    pos = _name_at(text, 0)
    if pos < 0:
        return "", text
    end = pos
    while True:
        sep = _NAME_SEPARATOR.match(text, end)
        if not sep:
            break
        nxt = _name_at(text, sep.end())
        if nxt < 0:
            break
        end = nxt
    etal = _ETAL_AT.match(text, end)
    if etal:
        end = etal.end()
    return text[:end], text[end:]
