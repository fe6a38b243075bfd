"""A reference → tokens with offsets, and each token's features for the sequence labeller.

Why tokens and not characters: a field boundary in a reference always falls between a word and
a punctuation mark, and a CRF over ~30 tokens labels a reference in well under a millisecond.
Offsets are kept so that a labelled span is cut out of the text exactly as it was written.

Features say what a person reading a list would look at: the word itself, its shape and
script, which alphabet's own letters it has (Kazakh ә ғ қ ң ө ұ ү һ, Ukrainian і ї є ґ,
Belarusian ў), the punctuation around it, where it is in the reference, whether it is a
known city (or its abbreviation ``М.``), a publisher's or a journal's word, a GOST marker
(``С.``, ``Т.``, ``№``, ``Вып.``, ``//``, `` – ``), and which field the rule parser gave it
(the rules are the model's helpers: where they are right the model learns to follow them), and
whether names after `` / `` follow a heading that already named the author (then they repeat
it) or not (then they are the authors).  Features of sentence starts and of the area a token
is in were tried and dropped: on work splits they cost 0.006–0.012 micro F1.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"//|\.\.\.|[^\W_]+(?:['’][^\W_]+)?|\S", re.U)

_KAZAKH = set("әғқңөұүһӘҒҚҢӨҰҮҺ")
_UKRAINIAN = set("іїєґІЇЄҐ")
_BELARUSIAN = set("ўЎ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

#: Words that introduce or mark a field (lower case, without the dot).
MARKERS = {
    "с": "page", "c": "page", "сс": "page", "p": "page", "pp": "page", "s": "page", "стр": "page",
    "т": "volume", "том": "volume", "vol": "volume", "v": "volume", "bd": "volume", "tom": "volume",
    "№": "issue", "no": "issue", "nr": "issue", "iss": "issue", "вып": "issue", "issue": "issue", "n": "issue",
    "ч": "part", "pt": "part", "part": "part",
    "изд": "edition", "ed": "edition", "edn": "edition", "вид": "edition", "басылым": "edition",
    "ред": "role", "eds": "role", "сост": "role", "пер": "role", "под": "role", "за": "role", "hrsg": "role",
    "trans": "role", "edited": "role", "translated": "role", "упоряд": "role", "құраст": "role",
    "in": "in", "в": "in", "у": "in", "im": "in",
    "дис": "thesis", "автореф": "thesis", "канд": "thesis", "д-ра": "thesis", "thesis": "thesis",
    "dissertation": "thesis", "phd": "thesis",
    "url": "url", "режим": "url", "доступа": "url", "retrieved": "url", "available": "url",
    "doi": "doi", "isbn": "isbn", "issn": "isbn", "edn": "isbn",
    "электронный": "medium", "ресурс": "medium", "текст": "medium", "электрон": "medium",
    "непосредственный": "medium", "online": "medium",
    "publ": "publisher", "press": "publisher", "изд-во": "publisher", "издательство": "publisher",
    "verlag": "publisher", "publishing": "publisher", "publishers": "publisher", "university": "publisher",
    "конф": "conference", "конференции": "conference", "conference": "conference", "proceedings": "conference",
    "proc": "conference", "материалы": "conference", "сб": "conference", "сборник": "conference",
    "тр": "conference", "труды": "conference", "symposium": "conference", "workshop": "conference",
    "journal": "journal", "журнал": "journal", "вестник": "journal", "известия": "journal", "j": "journal",
    "review": "journal", "вісник": "journal", "хабаршысы": "journal", "vestnik": "journal", "zhurnal": "journal",
    "bulletin": "journal", "transactions": "journal", "letters": "journal", "acta": "journal",
    "вопросы": "journal", "проблемы": "journal", "annals": "journal", "квартал": "journal",
    "закон": "law", "кодекс": "law", "федер": "law", "федеральный": "law", "постановление": "law",
    "указ": "law", "приказ": "law", "гост": "standard", "дсту": "standard", "iso": "standard",
    "стандарт": "standard", "пат": "patent", "патент": "patent", "patent": "patent",
    "и": "and", "and": "and", "та": "and", "і": "and", "et": "and", "al": "and", "др": "and", "ін": "and",
    "accessed": "accessed", "обращения": "accessed", "звернення": "accessed", "cited": "accessed",
    "russ": "lang", "russian": "lang", "ukrainian": "lang", "engl": "lang", "kazakh": "lang",
    "монография": "genre", "учебник": "genre", "пособие": "genre", "посіб": "genre", "навч": "genre",
    "учеб": "genre", "монографія": "genre", "оқулық": "genre",
}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def fold(word: str) -> str:
    """A word as matching compares it: lower case, ё as е."""
    low = word.lower().replace("ё", "е")
    return low.replace("’", "'") if len(low) > 1 else low      # "комп’ютерна"; a closing quote stays one


def _shape(w: str) -> str:
    if w.isdigit():
        return "d4" if len(w) == 4 else "d" if len(w) < 4 else "dd"
    if not w[0].isalnum():
        return "p"
    if w.isupper():
        return "X" if len(w) == 1 else "XX"
    if w[0].isupper():
        return "Xx"
    if any(c.isdigit() for c in w):
        return "xd"
    return "x"


_SCRIPTS: dict[str, str] = {}


def _script(w: str) -> str:
    """The word's script; remembered per word (most words of a list recur)."""
    got = _SCRIPTS.get(w)
    if got is None:
        if len(_SCRIPTS) > 100_000:
            _SCRIPTS.clear()
        got = _SCRIPTS[w] = _script_of(w)
    return got


def _script_of(w: str) -> str:
    cyr = bool(_CYRILLIC.search(w))
    lat = bool(_LATIN.search(w))
    if cyr and lat:
        return "mix"
    return "cyr" if cyr else "lat" if lat else "dig" if w[:1].isdigit() else "oth"


_PLACES: set[str] | None = None
_PUBLISHERS = {"наука", "питер", "юрайт", "инфра-м", "проспект", "статут", "финансы", "просвещение",
               "дрофа", "эксмо", "аст", "логос", "кнорус", "альпина", "вильямс", "лань", "academia", "юнити",
               "юнити-дана", "springer", "wiley", "elsevier", "routledge", "pearson", "sage", "oxford",
               "cambridge", "mit", "mcgraw-hill", "palgrave", "macmillan", "penguin", "academic", "taylor",
               "francis", "nauka", "finansy", "statistika", "mir", "prospekt", "yurait", "knorus", "infra-m",
               "наукова", "думка", "либідь", "кондор", "центр", "літератури", "мектеп", "атамұра", "білім",
               "қазақ", "университеті", "университет", "изд", "издательский", "дом", "норма", "гардарики"}


#: Regional centres of Ukraine, Belarus, Russia and Kazakhstan, and other cities of the region's
#: lists (their words, as ``fold`` writes them): where a list gives a place and no publisher.
_MORE_CITIES = """
херсон чернівці тернопіль житомир полтава суми вінниця черкаси запоріжжя миколаїв луцьк рівне ужгород івано
франківськ хмельницький переяслав кропивницький чернігів кременчук умань ніжин дрогобич острог мелітополь
гомель гродно брест витебск могилев гродна віцебск магілёў брэст мінск
астрахань барнаул владивосток волгоград красноярск тюмень ижевск ульяновск ярославль тула киров курск белгород
сочи ставрополь махачкала хабаровск оренбург пенза липецк кемерово набережные челны тверь иваново брянск
архангельск мурманск калининград петрозаводск сыктывкар якутск чита улан удэ нальчик владикавказ майкоп
элиста абакан ханты мансийск сургут тольятти магнитогорск челябинск обнинск дубна пущино черноголовка троицк
саратов смоленск вологда кострома рязань владимир калуга орел тамбов чебоксары йошкар ола саранск уфа
павлодар усть каменогорск семей актобе атырау тараз костанай петропавловск кокшетау актау кызылорда
талдыкорган туркестан уральск өскемен ақтөбе орал тараз шымкент қарағанды
ташкент бишкек баку тбилиси ереван кишинев рига вильнюс таллин варшава прага
kherson chernivtsi ternopil zhytomyr poltava sumy vinnytsia cherkasy zaporizhzhia mykolaiv lutsk rivne uzhhorod
gomel grodno brest vitebsk mogilev dubna tomsk perm samara saratov ufa omsk krasnoyarsk irkutsk vladivostok
pavlodar karaganda shymkent aktobe
"""


def _places() -> set[str]:
    global _PLACES
    if _PLACES is None:
        from .parser import KNOWN_PLACES, CITIES
        words: set[str] = set(CITIES)
        for place in KNOWN_PLACES:
            words.update(fold(w) for w in TOKEN.findall(place) if w.isalpha())
        words.update({"київ", "харків", "львів", "одеса", "дніпро", "алматы", "астана", "нур-султан",
                      "алма-ата", "караганда", "шымкент", "минск", "мінск", "новосибирск", "казань", "екатеринбург",
                      "томск", "самара", "уфа", "пермь", "воронеж", "ростов", "краснодар", "иркутск", "омск",
                      "almaty", "astana", "kyiv", "kiev", "kharkiv", "lviv", "minsk", "novosibirsk", "kazan"})
        words.update(_MORE_CITIES.split())
        _PLACES = words
    return _PLACES


def token_features(tokens: list[Token], rule_labels: list[str] | None = None) -> list[list[str]]:
    """One list of feature strings per token (crfsuite's ItemSequence takes them as is).

    Written for speed (it is most of the labeller's time): per-token values are computed once
    and the neighbours' features are copied from them."""
    n = len(tokens)
    places = _places()
    words = [t.text for t in tokens]
    low = [fold(w) for w in words]
    shapes = [_shape(w) for w in words]
    keys: list[list[str]] = []          # what the neighbours see of a token besides its word
    base: list[list[str]] = []
    host = resp = depth = 0
    heading = "h" if rule_labels and rule_labels[0] in ("author", "editor") else "nh"
    seen_year = False
    scale = 8 / max(n, 1)
    for i, w in enumerate(words):
        lw = low[i]
        f = ["b", "w=" + lw, "sh=" + shapes[i], "pos=" + str(int(i * scale))]
        key: list[str] = []
        if i < 3:
            f.append("first=" + str(i))
        if i >= n - 3:
            f.append("last=" + str(n - 1 - i))
        if w[0].isalnum():
            f.append("sc=" + _script(w))
            if len(lw) > 3:
                f.append("suf=" + lw[-3:])
                f.append("pre=" + lw[:3])
            if not w.isascii():
                chars = set(w)
                if chars & _KAZAKH:
                    f.append("kk")
                if chars & _UKRAINIAN:
                    f.append("uk")
                if chars & _BELARUSIAN:
                    f.append("be")
            if lw in places:
                f.append("place")
                key.append("place")
            if lw in _PUBLISHERS:
                f.append("publ")
            marker = MARKERS.get(lw)
            if marker:
                f.append("mk=" + marker)
                key.append("mk=" + marker)
            if w.isdigit():
                v = int(w) if len(w) < 6 else 0
                if len(w) == 4 and 1500 <= v <= 2039:
                    f.append("year")
                    key.append("year")
                    if seen_year:
                        f.append("year2")
                    seen_year = True
                f.append("num=" + ("s" if v < 20 else "m" if v < 200 else "l"))
            elif len(w) == 1 and w.isupper():
                if i + 1 < n and words[i + 1] == ".":
                    f.append("initial")
                    key.append("initial")
            if len(w) > 1 and w.isupper():
                f.append("caps")
        else:
            f.append("sc=p")
            if w == "№":
                f.append("mk=issue")
                key.append("mk=issue")
            elif w in "([":
                depth += 1
            elif w in ")]" and depth:
                depth -= 1
            elif w == "//":
                host += 1
            elif w == "/" and i + 1 < n and tokens[i + 1].start > tokens[i].end:
                resp += 1
        if host:
            f.append("host")
        if resp:
            # names after " / " are the authors when no heading names the work's author
            # ("Софья Палеолог / Татьяна Матасова"), a repeat of them when one does
            f.append("resp")
            f.append("resp|" + heading)
        if depth:
            f.append("paren")
        prev_gap = i > 0 and tokens[i].start > tokens[i - 1].end
        next_gap = i + 1 < n and tokens[i + 1].start > tokens[i].end
        f.append("gap=" + ("1" if prev_gap else "0") + ("1" if next_gap else "0"))
        if prev_gap and next_gap and w in "–—-":
            f.append("areadash")
        if rule_labels is not None:
            f.append("rl=" + rule_labels[i])
        base.append(f)
        keys.append(key)
    short = [w if len(w) < 12 else w[:4] + "~" for w in low]
    for i in range(n):
        f = base[i]
        if i >= 2:
            f.append("-2w=" + short[i - 2])
        else:
            f.append("-2BOS")
        if i >= 1:
            j = i - 1
            f.append("-1w=" + short[j])
            f.append("-1sh=" + shapes[j])
            if rule_labels is not None:
                f.append("-1rl=" + rule_labels[j])
            f.extend(["-1" + k for k in keys[j]])
        else:
            f.append("-1BOS")
        if i + 1 < n:
            j = i + 1
            f.append("1w=" + short[j])
            f.append("1sh=" + shapes[j])
            if rule_labels is not None:
                f.append("1rl=" + rule_labels[j])
            f.extend(["1" + k for k in keys[j]])
        else:
            f.append("1EOS")
        if i + 2 < n:
            f.append("2w=" + short[i + 2])
        else:
            f.append("2EOS")
    return base
