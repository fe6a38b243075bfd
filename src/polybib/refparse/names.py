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

UPPER = "A-ZА-ЯЁІЇЄҐЎӘҒҚҢӨҰҮҺ"                          # Ukrainian, Belarusian and Kazakh letters too
LOWER = "a-zа-яёіїєґўәғқңөұүһ'’ßäöüéèáíóúçñšžčćł"
INITIAL = rf"(?:Yu|Ya|Ye|Yo|Ju|Ja|Je|Jo|Ch|Sh|Zh|Ts|Kh|Th|Ph|Sch|Дж|[{UPPER}])\."   # "С.", "Yu.", "Ch."
#: The last initial may lack its full stop before a comma ("Apahayev, N.Zh, и D.Z. Kopbayev").
INITIALS = rf"(?:{INITIAL}\s?-?\s?){{1,4}}(?:(?<=\.)(?:Yu|Ya|Ye|Zh|Kh|Ch|Sh|Ts|[{UPPER}])(?=,|\s*$))?"
# "LeCun", "McCarthy", "O'Brien", "DiCaprio", "Салтыков-Щедрин": a capital may follow a short prefix
FAMILY = rf"(?:O['’]|D['’]|Mc|Mac|Le|La|De|Di|Du|Van|Von)?[{UPPER}][{LOWER}]+(?:[-‐][{UPPER}]?[{LOWER}]+)*"
CAPS_FAMILY = rf"[{UPPER}]{{2,}}(?:[-‐][{UPPER}]{{2,}})?"          # "BESSA, Marcelo" (ABNT, some French styles)
PARTICLE = (r"(?:[vV]an der|[vV]an den|[vV]an de|[vV]an|[vV]on der|[vV]on|[dD]e la|[dD]e|[dD]el|[dD]ella|[dD]a|[dD]i|"
            r"[dD]u|le|la|[dD]os|[dD]as|ter|ten|al|el|bin|ibn)")

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

_ETAL = re.compile(r"^(?:\[?\s*(?:и\s+др\.?|и\s+другие|et\s+al\.?|і\s+ін\.?|і\s+інш\.?|та\s+ін\.?|u\.\s*a\.)\s*\]?)$", re.I)
_TRAILING_ETAL = re.compile(r"[,\s]*(?:\[\s*(?:и\s+др|та\s+ін|і\s+ін|і\s+інш)\.?\s*\]|\bі\s+інш\.?|\bи\s+др\.?|\bet\s+al\.?|\bи\s+другие|"
                            r"\bта\s+ін\.?|\bі\s+ін\.?|\bжәне\s+т\.\s*б\.?)\s*$", re.I)
_SPLIT = re.compile(r"\s*[,;]\s*(?:&|and|и|та|і|және)\s+|\s*;\s*|\s*,\s+(?=\S)|\s+(?:and|&|и|та|және)\s+")
_SUFFIX = re.compile(r"\s*,?\s*\b(?:(?:Jr|Sr|Jun|Sen)\.?(?=[\s,.;(:]|$)|(?:II|III|IV)(?=\s*[,;(]))")


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


def _with_particle(particle: str | None, family: str) -> str:
    """``van der`` + ``Aalst`` → ``van der Aalst``: the particle stays in the family name, as
    Zotero and most CSL-JSON exports keep it (a CSL processor still sorts and demotes it)."""
    return f"{particle.strip()} {family}" if particle else family


#: Common given names (Russian, Ukrainian, Kazakh — romanized and Cyrillic — and English): in a
#: two-word name the one that is a given name is not the family name ("Anikin Dmitry").
GIVEN_NAMES = set("""
aleksandr alexander alexandr aleksei alexey alexei andrei andrey anatoly anatolii anna anastasia boris dmitry dmitrii
dmitri evgeny evgenii yevgeny elena ekaterina yekaterina galina georgy igor ilya irina ivan konstantin larisa lyudmila
maria mariya marina maxim mikhail natalia nataliya natalya nikolai nikolay oleg olga pavel petr pyotr roman sergei
sergey svetlana tatiana tatyana valentina valery valerii vasily victor viktor vladimir vladislav yuri yury yulia
yuliya oleksandr oleksii andrii mykola mykhailo volodymyr yurii serhii vasyl taras olena oksana iryna nataliia
askar asel aigerim nurlan serik bolat marat dinara gulnara aidar yerlan erlan daniyar zhanna saule
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark paul
steven andrew kenneth george edward brian kevin jason jeffrey ryan jacob gary nicholas eric stephen jonathan larry
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret sandra emily laura
peter hans klaus wolfgang jean pierre marie francois giovanni marco luca carlos jose juan antonio walter
александр алексей андрей анатолий анна анастасия борис дмитрий евгений елена екатерина галина георгий игорь илья
ирина иван константин лариса людмила мария марина максим михаил наталья наталия николай олег ольга павел петр
пётр роман сергей светлана татьяна валентина валерий василий виктор владимир владислав юрий юлия
олександр олексій андрій микола михайло володимир сергій василь тарас олена оксана ірина наталія
""".split())


def parse_name(text: str) -> Name | None:
    """One name in any of the usual orders; None when ``text`` is not a name."""
    t = text.strip().strip(",;").strip()
    if not t:
        return None
    suffix = re.search(r",?\s*\b(Jr|Sr|II|III|IV|Jun|Sen)\.?$", t)
    if suffix and suffix.start() > 0:
        name = parse_name(t[:suffix.start()])
        if name is not None:
            name.suffix = suffix.group(1) + ("." if suffix.group(1) in ("Jr", "Sr", "Jun", "Sen") else "")
        return name
    # Family, Initials  |  Family, Given names
    m = re.fullmatch(rf"({PARTICLE}\s+)?({FAMILY}(?:\s{FAMILY})?),\s*({INITIALS}|[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]*\.?)*)", t)
    if m:
        return Name(family=_with_particle(m.group(1), m.group(2)), given=space_initials(m.group(3)))
    m = re.fullmatch(rf"({CAPS_FAMILY}),\s*([{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+|\s[{UPPER}]\.)*)", t)
    if m:
        return Name(family=m.group(1), given=m.group(2))
    # Given-first with a middle initial: Alberto O. Mendelzon, W. Bruce Croft, Allen J. Knight
    m = re.fullmatch(rf"((?:[{UPPER}][{LOWER}]+\s)?(?:[{UPPER}]\.\s?)+(?:[{UPPER}][{LOWER}]+\s)?)({PARTICLE}\s+)?({FAMILY})", t)
    if m and not re.fullmatch(rf"{INITIALS}\s*", m.group(1)) \
            and not re.fullmatch(rf"{FAMILY}\s+{INITIALS}", t):     # "Vilenkin N.Ya": "Ya" is an initial
        return Name(family=_with_particle(m.group(2), m.group(3)), given=space_initials(m.group(1)))
    # Given-first with a middle initial and no dot (ACM, IEEE exports): Yu A Malkov, David G Lowe
    m = re.fullmatch(rf"([{UPPER}][{LOWER}]+(?:\s[{UPPER}]){{1,2}})\s({PARTICLE}\s+)?({FAMILY})", t)
    if m:
        return Name(family=_with_particle(m.group(2), m.group(3)), given=m.group(1))
    m = re.fullmatch(rf"({CAPS_FAMILY}(?:\s{CAPS_FAMILY})?),?\s+({INITIALS})", t)
    if m:
        return Name(family=m.group(1), given=space_initials(m.group(2)))
    m = re.fullmatch(rf"({INITIALS})\s*({CAPS_FAMILY})", t)
    if m:
        return Name(family=m.group(2), given=space_initials(m.group(1)))
    m = re.fullmatch(rf"({CAPS_FAMILY})\s+([{UPPER}][{LOWER}]+)", t)
    if m:
        return Name(family=m.group(1), given=m.group(2))
    # Family Initials (GOST): Газуль С.М., Velasquez A.
    m = re.fullmatch(rf"({PARTICLE}\s+)?({FAMILY})\s+({INITIALS})", t)
    if m:
        given = space_initials(m.group(3))
        if re.search(r"\.\s?\w{1,2}$", given):
            given += "."                            # "N.Ya" at a span's end: the last initial's dot
        return Name(family=_with_particle(m.group(1), m.group(2)), given=given)
    # Initials Family: А. В. Рахманов, J. D. Villasenor
    m = re.fullmatch(rf"({INITIALS})\s*({PARTICLE}\s+)?({FAMILY})", t)
    if m:
        return Name(family=_with_particle(m.group(2), m.group(3)), given=space_initials(m.group(1)))
    # Vancouver: Chalov SR, Tao SS-H
    m = re.fullmatch(rf"({FAMILY})\s+([{UPPER}]{{1,3}}(?:-[{UPPER}])?)", t)
    if m:
        return Name(family=m.group(1), given=" ".join(f"{c}." for c in m.group(2) if c != "-"))
    # Given-first, three words: Edward Robeson Taylor
    m = re.fullmatch(rf"((?:[{UPPER}][{LOWER}]+\s){{2}})({PARTICLE}\s+)?({FAMILY})", t)
    if m:
        return Name(family=_with_particle(m.group(2), m.group(3)), given=m.group(1).strip())
    # Two full words: Lifan Li, Wang Wan, Tao Tian, Ryoji Tanabe
    m = re.fullmatch(rf"({FAMILY})\s+({FAMILY})", t)
    if m:
        first, second = m.group(1), m.group(2)
        rank_first = _RANK.get(first.lower(), len(_RANK))
        rank_second = _RANK.get(second.lower(), len(_RANK))
        if rank_first < rank_second:
            return Name(family=first, given=second)
        if second.lower() in GIVEN_NAMES and first.lower() not in GIVEN_NAMES:
            return Name(family=first, given=second)      # "Anikin Dmitry": family name first
        return Name(family=second, given=first)
    return None


def split_people(text: str) -> list[str]:
    """Split a name list on ``;``, ``,`` (between names), ``and``, ``&``, ``и``.

    ``Sherstnev, P.A.; Kozhin, K.D.`` and ``Niehaus, J., Banzhaf, W.`` both put a comma
    inside each name: a part that is only initials joins the part before it.
    """
    text = re.sub(rf"(?<=[{LOWER}.]),(?=[{UPPER}])", ", ", text)    # "І.Р.Бурлыка,Л.Ц.Выгонная": no space
    parts = [p for p in _SPLIT.split(text.strip().strip(",;")) if p and p.strip()]
    joined: list[str] = []
    for part in parts:
        stripped = part.strip()
        if joined and re.fullmatch(r"(?:Jr|Sr|II|III|IV|Jun|Sen)\.?", stripped):
            joined[-1] = f"{joined[-1]}, {stripped}"
        elif joined and (re.fullmatch(rf"\s*{INITIALS}\s*", stripped) or re.fullmatch(CAPS_FAMILY, joined[-1]) or
                       (re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:\s[{UPPER}]\.)*", stripped) and "," not in joined[-1]
                        and " " not in joined[-1].strip() and not is_etal(stripped))):
            joined[-1] = f"{joined[-1]}, {stripped}"
        else:
            joined.append(stripped)
    return joined


#: Words that make a name an organisation's ("Microsoft Learn", "PHP Group", "Kotlin Documentation",
#: "National Institute of Standards and Technology (NIST)", "Компания Postgres Professional"):
#: such a name is one literal, never a family and a given name, and its "and" splits nothing.
ORGANISATION = re.compile(
    r"\b(?:Group|Learn|Documentation|Docs|Foundation|Project|Team|Community|Consortium|Company|Corporation|Corp|"
    r"Inc|Ltd|LLC|GmbH|Institute|University|Association|Society|Agency|Organi[sz]ation|Council|Committee|Ministry|"
    r"Department|Office|Bureau|Academy|Alliance|Initiative|Developers|Technologies|Microsoft|Google|Oracle|Mozilla|"
    r"Компания|Корпорация|Министерство|Институт|Университет|Ассоциация|Агентство|Служба|Фонд|Комитет|"
    r"Міністерство|Інститут|Університет|Асоціація|Агентство|Комітет|Компанія)\b")


def is_organisation(text: str) -> bool:
    """A name list that is one organisation's name: an organisation word and no initials."""
    return bool(ORGANISATION.search(text)) and not re.search(rf"(?:^|[\s,])(?:{INITIAL}\s?)+(?:$|[\s,])", text)


def parse_names(text: str) -> tuple[list[Name], bool, list[str]]:
    """Names of a list, whether it ended in "et al.", and the repairs made."""
    names: list[Name] = []
    repairs: list[str] = []
    trailing = _TRAILING_ETAL.search(text)
    etal = bool(trailing)
    if trailing:
        text = text[:trailing.start()]
    if is_organisation(text):
        return [Name(literal=text.strip(" .,;:"))], etal, repairs
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
    rf"{FAMILY},\s*[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+)?(?:(?:\s?[{UPPER}]\.)+(?=[\s,])|(?=\s*(?:[,;&.(:]|\band\b)|\s+\d{{4}}))",
    rf"{CAPS_FAMILY},\s*[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+|\s[{UPPER}]\.)*(?=\s*[,;&.]|\s+and\b)",
    rf"(?:{PARTICLE}\s+)?{FAMILY}\s+{INITIALS}",
    rf"{INITIALS}\s*(?:{PARTICLE}\s+)?{FAMILY}(?![{LOWER}])",
    rf"{FAMILY}\s+[{UPPER}]{{1,3}}(?:-[{UPPER}])?(?=\s*[,.;(&:]|\s+and\b)",
    rf"{CAPS_FAMILY}(?:\s{CAPS_FAMILY})?,?\s+{INITIALS}",               # COTTA RAMOSINO L.
    rf"{INITIALS}\s*{CAPS_FAMILY}(?![{LOWER}{UPPER}])",                  # A. BERTRAND
    rf"{CAPS_FAMILY}\s+[{UPPER}][{LOWER}]+(?=\s*[,;])",                 # ACKET Claude,
    rf"{FAMILY}\s+{FAMILY}(?=\s*[,.;]|\s+and\s)",
)]
_FAMILY_INITIALS = 3           # the index of "Family I." in _NAME_AT
_VANCOUVER = 5                 # … and of "Family IJ"
#: Between two names: "," ";" "&" "and", and the locale words of Russian, Ukrainian and Kazakh
#: journal sites' exports, after a comma or not ("…, Токтобаев Б.Т., и Карабалаева С.Б.",
#: "Данніков, О.В. та Ямчинська, А.С.").
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;]\s*&|[,;]\s*(?:and|и|та|і|және)\b|[,;&]|\band\b|\bи\b|\bта\b|\bжәне\b)\s*")
_ETAL_AT = re.compile(r"\s*,?\s*(?:\[\s*(?:и\s+др|та\s+ін|і\s+ін)\.?\s*\]|и\s+др\.|та\s+ін\.|і\s+ін\.|et\s+al\.?|и\s+другие)")


#: A family name right after "Allen J." (then the initials were given names, not a family's).
_FAMILY_AFTER_INITIALS = re.compile(rf"\.?\s?{FAMILY}(?=[.,]\s|\s+and\s)")

def _name_at(text: str, pos: int) -> int:
    """End of a name starting at ``pos``, or -1."""
    for i, pattern in enumerate(_NAME_AT):
        m = pattern.match(text, pos)
        if not m:
            continue
        if i == len(_NAME_AT) - 1:   # two full words: only a Chinese name in either order (else a title's start)
            words = m.group(0).lower().split()
            if not any(w in CHINESE_SURNAMES for w in words):
                continue
        if i in (_FAMILY_INITIALS, _VANCOUVER) and _FAMILY_AFTER_INITIALS.match(text, m.end()) \
                and not re.search(r"[А-ЯЁа-яё]", m.group(0)):
            continue            # "Allen J. Knight." is given-first, not "Allen J." + a title "Knight."
        return m.end()
    return -1


# Given-first names (``Howard Turtle and W. Bruce Croft.``): only as a whole list that ends
# the sentence, with two names or more or a middle initial — else a title's first words.
_NATURAL = rf"(?:(?:[{UPPER}][{LOWER}]+|[{UPPER}]\.)\s?){{1,3}}(?:{PARTICLE}\s+)?{FAMILY}"
_NATURAL_LIST = re.compile(rf"({_NATURAL}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NATURAL})*)(?=\.\s+\S|,\s)")


_GIVEN_FIRST = re.compile(rf"(?:[{UPPER}][{LOWER}]+\s)?(?:[{UPPER}]\.\s?)+(?:[{UPPER}][{LOWER}]+\s)?(?:{PARTICLE}\s+)?{FAMILY}"
                          rf"(?=[.,]\s|\s+and\s|\.?$)")


_MLA_FIRST = re.compile(rf"{FAMILY},\s*[{UPPER}][{LOWER}]+(?:\s[{UPPER}][{LOWER}]+)?(?:\s[{UPPER}]\.)?,")
_FULL_GIVEN_FIRST = re.compile(rf"(?:[{UPPER}][{LOWER}]+\s){{1,2}}(?:[{UPPER}]\.\s)?(?:{PARTICLE}\s+)?{FAMILY}(?=[.,]\s|\s+and\s)")


def _natural_list(text: str) -> int:
    m = _NATURAL_LIST.match(text)
    if not m:
        return -1
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", m.group(1))
    if len(names) >= 2 or re.search(rf"(?:^|\s)[{UPPER}]\.", m.group(1)):
        return m.end()
    return -1


_GERMAN_NAME = re.compile(rf"(?:[{UPPER}][{LOWER}]+\s){{1,2}}{FAMILY}(?=:\s)")    # "Wolfgang Jantzen: Isolation"


def leading_names(text: str) -> tuple[str, str]:
    """Split ``text`` into the name list it starts with (possibly empty) and the rest."""
    pos = _name_at(text, 0)
    if pos < 0:
        end = _natural_list(text)
        if end < 0:
            german = _GERMAN_NAME.match(text)
            end = german.end() if german else -1
        return (text[:end], text[end:]) if end > 0 else ("", text)
    end = pos
    while True:
        suffix = _SUFFIX.match(text, end)
        if suffix:
            end = suffix.end()                                   # "Pettingill, O. S., Jr."
        sep = _NAME_SEPARATOR.match(text, end)
        if not sep:
            break
        nxt = _name_at(text, sep.end())
        if nxt < 0:
            given_first = _GIVEN_FIRST.match(text, sep.end())    # "Jinxin Lin and Alberto O. Mendelzon"
            if not given_first and (_MLA_FIRST.match(text) or re.search(r"and|&", sep.group(0))):
                given_first = _FULL_GIVEN_FIRST.match(text, sep.end())   # "Geller, Anne Ellen, Michele Eodice, …",
            nxt = given_first.end() if given_first else -1          # "Marx, Karl and Friedrich Engels"
        if nxt < 0:
            break
        end = nxt
    etal = _ETAL_AT.match(text, end)
    if etal:
        end = etal.end()
    return text[:end], text[end:]
