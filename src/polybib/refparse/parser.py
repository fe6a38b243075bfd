"""One reference string → one Reference, by rules.

Rules, not a learned model: GOST records are regular enough that rules place every area, and
rules can be read, tested and fixed one case at a time; the English styles are handled by
the same pieces (names, details, imprints) in comma and sentence layouts, measured on
AnyStyle's labelled set (benchmarks/score_sets.py) so that they generalise.

Order of work: anchors out (URL, DOI, access date …); a standard's number; the leading name
list (or an organisation before ``(2016).``, or ``———.``); ``(ed.)``; an author–date year
right after it; a quoted title (IEEE, MLA); then the GOST structure — title area up to
`` / `` (responsibility) and ``//`` (the host item), areas split on ``. — `` — or, for
references with neither, sentences split on ``. ``; finally the pieces at the right-hand
end (year, ``Т.``, ``№``, ``С.``, ``vol.``, ``pp.``, imprint) are classified one by one.
Whatever no field claims goes to ``note`` and lowers the record's confidence.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Date, Name, Reference, Source
from . import areas, hybrid, labeller
from .anchors import take_anchors
from . import gbt7714
from .classify import THESIS_MARKS, guess_language, guess_type
from .names import parse_names, leading_names

CITIES = {
    "м": "Москва", "m": "Moscow", "спб": "Санкт-Петербург", "с.-пб": "Санкт-Петербург",
    "л": "Ленинград", "к": "Киев", "мн": "Минск", "н. новгород": "Нижний Новгород",
    "ростов н/д": "Ростов-на-Дону", "екб": "Екатеринбург", "х": "Харьков", "свердловск": "Свердловск",
}
_NUMBERING = re.compile(r"^\s*(?:\[\d+\]|\d+[.)]|[-*•–—]\s)\s*")
#: APA's "no date" (and its Russian and Ukrainian forms) standing where the year would.
_NO_DATE = r"(?:n\.\s?d\.|б\.\s?г\.|б\.\s?р\.)"
_QUOTED = re.compile(r'^(?:["“«„](?P<title>.+?)[,.]?["”»“]|[\'‘](?P<single>.+?)[,.]?[\'’](?=[\s,.]))\s*[,.]?\s*')
_ROLE_PHRASE = re.compile(
    r"(?:\bпер\.|\bперевод)\s*(?:с\s+[а-яё]+\.?)?|\bпод\s+(?:общ(?:ей)?\.?\s*|науч(?:ной)?\.?\s*)?ред(?:акцией|\.)?|"
    r"\b(?:за|пад)\s+(?:заг\.\s*|загальною\s+|наук\.\s*|науковою\s+|агул\.\s*|агульнай\s+)?ред(?:акцією|акцыяй|\.)?|"
    r"\bсклад\.|\bжалпы\s+ред\.|\bвідп\.\s*ред\.|"
    r"\bупоряд\.|\bуклад\.|\bқұраст\.|\bрэд(?:кал)?\.\s*:?|\bредкол\.\s*:?|\((?:гал|гл|отв)\.\s*р[эе]д\.\)|"
    r"\b(?:ответственный|главный|научный)\s+редактор\b|\bредактор\b|"
    r"\b(?:доктор|кандидат|д-р|канд\.)\s+[а-яё]+(?:\.|\s)\s*наук\b|"
    r"\b(?:науч|отв|гл)\.\s*ред\.|\bред(?:\.|\b)(?:-сост\.)?|\bсост(?:\.|\b)|\bпер\b|\bвступ\.\s*ст\.|\bкоммент\.|"
    r"\(\s*eds?\.?\s*\)|\beds?\.(?=\s)|\bedited by\b|\btranslated by\b|\btrans\.|\bEds?\.", re.I)
_GENITIVE = [("ского", "ский"), ("цкого", "цкий"), ("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"),
             ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"), ("ого", "ой"),
             ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын")]


def nominative(family: str) -> str:
    """A Russian surname after ``под ред.`` is in the genitive: ``Соколова`` → ``Соколов``,
    ``Петровой`` → ``Петрова``, ``Достоевского`` → ``Достоевский``.  Others are left alone."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё-]+", family):
        return family
    for ending, replacement in _GENITIVE:
        if family.endswith(ending) and len(family) > len(ending) + 1:
            return family[:-len(ending)] + replacement
    return family


_RESP_ROLE = re.compile(r"\b(?:ред|под\s+ред|сост|пер|науч\.\s*ред|отв\.\s*ред|eds?|edited by|trans|редкол|рэдкал|рэд|"
                        r"упоряд|уклад|құраст|склад|редактор|редакцией|редакцією)\b\.?", re.I)
#: Roles that make an editor in CSL (a compiler, "сост.", is one too); the others are translators.
_EDITOR_ROLE = re.compile(r"ред|рэд|\bed|сост|упоряд|уклад|құраст|\bсклад\.", re.I)
_STANDARD_NUMBER = re.compile(r"^((?:ГОСТ|ISO|IEC|ОСТ|СТО|СНиП|СП|DIN|EN|ANSI|BS|IEEE Std)(?:\s+[A-ZА-ЯЁ]{1,3})*"
                              r"(?:/[A-Z]{2,4})?\s+[\d.\-–:/]+\d)\.?\s+(?:[-–—]\s+)?")
_PATENT_HEAD = re.compile(r"^(?:Пат\.|Патент|Patent)\s*(?P<number>[\d\s]+\d)\s*[^.]*?(?:МПК|IPC|Int\.\s*Cl\.)[^.]*(?:\.\d+)*[^.]*\.\s*")
_CONFERENCE_PLACE_DATE = re.compile(r",\s*[A-ZА-ЯЁ][\w-]+(?:,\s*[A-ZА-ЯЁ][\w-]+)?,\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
                                    r"\s+[A-Za-zА-Яа-яё]+\.?\s+\d{4}(?:\s*(?:года?|г\.))?\s*$")
_JOURNAL_WORDS = re.compile(r"journal|review|studies|transactions|bulletin|quarterly|letters|annals|"
                            r"proceedings|vestnik|zhurnal|izvestiya|voprosy", re.I)
_PUBLISHER_WORDS = re.compile(r"\b(?:Press|Publishers?|Publishing|Publ\.|Verlag|Books|Springer|Wiley|Elsevier|"
                              r"Routledge|Palgrave|Macmillan|Penguin|Pearson|McGraw|O['’]Reilly|MIT|ACM|IEEE|"
                              r"Media|Packt|Apress|Manning|Addison-Wesley|Prentice|Cengage|Sage|CRC)\b")
_PLACE_LIKE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z]{2,3}")
_CONFERENCE_WORDS = re.compile(r"conference|symposium|congress|workshop|proceedings|\bProc\.|\bConf\.", re.I)
_LAW_INFO = re.compile(r"^(?:федеральный закон|федер\.\s*закон|фед\.\s*закон|закон|кодекс|постановление|указ|"
                       r"приказ|распоряжение|федеральный конституционный закон|решение|письмо|"
                       r"Закон України|Постанова|Наказ)\b", re.I)

_REPORT_INFO = re.compile(r"отч[её]т о НИР|отч[её]т о научно-исследовательской|technical report", re.I)
_GOST_MARKS = re.compile(r"(?:^|\s)(?:[СТ]\.\s*\d|№|Вып\.)")


_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2212"), "-")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u00ad", "")
    text = text.translate(_HYPHENS)           # ‐ ‑ ‒ − are hyphens; – and — stay (GOST separators)
    text = re.sub(r"\s+", " ", text).strip()
    text = _strip_emphasis(text)
    return _NUMBERING.sub("", text, count=1)


_EMPHASIS_OPEN = re.compile(r"(?<![\w*])[*_]{1,2}(?=\S)")
_EMPHASIS_CLOSE = re.compile(r"(?<=\S)[*_]{1,2}(?![\w*])")


def _strip_emphasis(text: str) -> str:
    """Markdown ``*emphasis*`` and ``__strong__`` → their text.

    Openers and closers are each found in one pass and paired left to right (an opener
    with the first closer after its first character), as a lazy ``(.+?)`` between them
    would pair them in ordinary text (runs of mixed markers like ``_**`` may pair
    differently), but without rescanning the rest of the line from every unmatched
    opener, which made a long line with stray ``*`` or ``_`` quadratic.
    """
    if "*" not in text and "_" not in text:
        return text
    closers = [(m.start(), m.end()) for m in _EMPHASIS_CLOSE.finditer(text)]
    pieces: list[str] = []
    position = 0
    c = 0
    for opener in _EMPHASIS_OPEN.finditer(text):
        if opener.start() < position:
            continue
        while c < len(closers) and closers[c][0] < opener.end() + 1:
            c += 1
        if c == len(closers):
            break
        close_start, close_end = closers[c]
        pieces.append(text[position:opener.start()])
        pieces.append(text[opener.end():close_start])
        position = close_end
        c += 1
    pieces.append(text[position:])
    return "".join(pieces)


def expand_city(place: str) -> str:
    key = place.strip().rstrip(".").lower()
    return CITIES.get(key, place.strip())


def _known_places() -> set[str]:
    """Every spelling of the publishing cities the transliteration tables know."""
    from ..translit.tables.places import EXONYMS
    known = {english.lower() for english in EXONYMS}
    for spellings in EXONYMS.values():
        known.update(s.lower().rstrip(".") for s in spellings)
    known.update(k for k in CITIES)
    known.update({"london", "new york", "oxford", "cambridge", "berlin", "paris", "boston", "amsterdam",
                  "heidelberg", "vienna", "wien", "leipzig", "chicago", "princeton", "tokyo", "beijing"})
    return known


KNOWN_PLACES = _known_places() | {
    "geneva", "washington", "washington, dc", "san francisco", "los angeles", "philadelphia", "toronto",
    "sydney", "melbourne", "singapore", "new delhi", "hoboken", "thousand oaks", "upper saddle river",
    "cham", "dordrecht", "basel", "zurich", "stuttgart", "munich", "münchen", "hamburg", "warsaw",
    "prague", "madrid", "rome", "milan", "stockholm", "copenhagen", "helsinki", "brussels", "bern",
    "edinburgh", "manchester", "berkeley", "stanford", "new haven", "baltimore", "ithaca", "durham",
    "minneapolis", "seattle", "austin", "ann arbor", "abingdon", "harlow", "reading", "norwood",
    "amsterdam", "new jersey", "hershey", "shanghai", "hong kong", "seoul", "kyiv", "lviv", "kharkiv",
    "львів", "київ", "харків", "одеса", "дніпро", "минск", "алматы", "ташкент", "бишкек"}


def is_place(text: str) -> bool:
    """A publishing city: known (``СПб.``, ``Geneva``), or ``City, ST`` (``Cambridge, MA``)."""
    t = text.strip().rstrip(".").strip().lower()
    if t in KNOWN_PLACES or t.replace(" ", "") in KNOWN_PLACES:
        return True
    first = re.split(r",\s*", t)[0]
    return first in KNOWN_PLACES and bool(re.fullmatch(r"[^,]+(?:,\s*[a-z .]{2,20}){1,2}", t))


class _Record:
    """Fields being collected, with the pieces nobody claimed."""

    def __init__(self):
        self.fields: dict = {}
        self.unclaimed: list[str] = []   # text no rule could place: lowers the confidence
        self.kept: list[str] = []        # text recognised but without a CSL variable (EDN, "дис. …")
        self.etal: list[str] = []
        self.repairs: list[str] = []
        # what the text said about the kind of record, for type and language guessing
        self.electronic = False        # [Электронный ресурс], Текст : электронный
        self.in_language = ""          # (In Russ.), (In Ukr.)
        self.thesis = False
        self.chapter = False           # "In: editors (eds) Book"
        self.patent = False
        self.translation = ""          # References: "Title [English translation]"
        self.same_author = False       # "———." at the start
        self.names_comma = False       # the names ended with a comma: "Snyder, D., Title, Journal, …"
        self.author_date = False       # a year right after the names (APA, Harvard, Chicago)
        self.report = False            # "Technical report, …"
        self.law = False               # "… : федер. закон от …", "Гражданский кодекс РФ"
        self.body = ""                 # the text without its anchors: what the CRF labels

    def claim(self, variable: str, value) -> bool:
        if value in (None, "", []) or variable in self.fields:
            return False
        self.fields[variable] = value
        return True

    def names(self, variable: str, text: str) -> None:
        names, etal, repairs = parse_names(text)
        if names:
            self.claim(variable, names)
        if etal:
            self.etal.append(variable)
        self.repairs.extend(repairs)


def parse_reference(text: str, source: Source | None = None) -> Reference:
    """Parse one reference: the rules, then the CRF over what they found (``hybrid``) when
    the model is there.  Never raises: a string it cannot read becomes a note."""
    original = text
    source = source or Source(format="text")
    source.text = original
    if "[" in text:
        try:
            chinese = gbt7714.parse(text, source)      # "作者. 题名[J]. 刊名, 年, 卷(期): 页码."
        except Exception:    # a bug there must not lose the reference: the general parser reads it
            chinese = None
        if chinese is not None:
            return chinese
    rec = _Record()
    try:
        _parse_into(rec, normalize(text))
    except Exception as exc:  # a parser bug must not lose the reference
        rec.unclaimed.append(f"(parser error: {exc}) {original}")
    ref = _finish(rec, original, source)
    if rec.body and labeller.tagger() is not None:
        try:
            return hybrid.combine(ref, rec, original)
        except Exception:     # a labeller bug must not lose the reference: the rules' record stands
            return ref
    return ref


def parse_by_rules(text: str, source: Source | None = None) -> tuple[Reference, "_Record"]:
    """The rules' record alone, and what they noticed (training uses both)."""
    source = source or Source(format="text")
    source.text = text
    rec = _Record()
    try:
        _parse_into(rec, normalize(text))
    except Exception as exc:
        rec.unclaimed.append(f"(parser error: {exc}) {text}")
    return _finish(rec, text, source), rec


def _parse_into(rec: _Record, text: str) -> None:
    text, anchors = take_anchors(text)
    rec.body = text
    if anchors.url:
        rec.claim("URL", anchors.url)
    rec.kept.extend(anchors.urls[1:])       # a second link (a mirror, a PDF) has no variable: kept in note
    if anchors.accessed:
        rec.claim("accessed", anchors.accessed)
    rec.claim("DOI", anchors.doi)
    rec.claim("ISBN", anchors.isbn)
    rec.claim("ISSN", anchors.issn)
    if anchors.edn:
        rec.kept.append(f"EDN {anchors.edn}")
    rec.electronic = anchors.electronic
    rec.in_language = anchors.language

    patent = _PATENT_HEAD.match(text)
    if patent:
        rec.claim("number", patent.group("number"))
        published = re.search(r"опубл\.\s*(\d{1,2}\.\d{1,2}\.(\d{4}))", text)
        if published:
            rec.claim("issued", Date(parts=[[int(published.group(2))]]))
        rec.patent = True
        text = text[patent.end():]
    standard = _STANDARD_NUMBER.match(text)
    if standard:
        rec.claim("number", standard.group(1))      # "ISO 690:2010. Information …", "ГОСТ 7.1–2003. …"
        text = text[standard.end():]
    same_author = re.match(r"^(?:[-—–_]{2,}|[-—–]\s?[-—–]\s?[-—–])\s*[.,]?\s*", text)
    if same_author:
        rec.same_author = True       # "———. 1820. Title": the previous reference's authors
        text = text[same_author.end():]
    names_text, rest = leading_names(text) if not standard else ("", text)
    if names_text and re.match(r"\s+(?!(?:and|et|und|u|и|та|і|й|және|в\s+соавт)\b)[a-zа-яёіїєґўәғқңөұүһ]", rest):
        names_text, rest = "", text      # "П. Я. Чаадаев в русской культуре …": a title that begins with a name
    if not names_text and not standard:
        corporate = re.match(rf"^((?![\d\W])[^().]{{1,119}}?)\.?\s*\((?:({areas.YEAR})[a-z]?(?:,\s*[^()]{{1,30}})?|{_NO_DATE})\)"
                             rf"\s*[.,:]\s*", text)      # "D7 Networks. (n.d.).", "XE. (2025, December 18)."
        if not corporate:                   # "INSEE, 2009, Le commerce en France, Paris, INSEE."
            corporate = re.match(rf"^((?:[A-ZА-ЯЁ]{{2,}}|[^().\d,]*\b(?:{_ORGANISATION.pattern[5:-3]})\b[^().\d,]*))"
                                 rf",\s*({areas.YEAR}),\s*", text)
        if corporate and len(corporate.group(1).split()) <= 12:
            rec.claim("author", [Name(literal=corporate.group(1).strip(" ,"))])   # "American … Association. (1985)."
            if corporate.group(2):
                rec.claim("issued", Date(parts=[[int(corporate.group(2))]]))
            rec.author_date = True
            text = text[corporate.end():]
            names_text, rest = "", text
    if names_text:
        rec.names("author", names_text)
    rec.names_comma = rest.lstrip().startswith(",")
    editors = re.match(r"^[\s,]*(?:\((?:eds?|Eds?|Hrsg|Hgg?|ред|dir|éd|coord)\.?\)|(?:eds?|Eds?|editors?|Hrsg|Hgg?)\.?(?=[\s.,:]))"
                       r"[\s.,:]*", rest)
    if editors and "author" in rec.fields:
        rec.fields["editor"] = rec.fields.pop("author")      # "Piveteau, J. (ed.). 1954. …": a book's editors
        rest = rest[editors.end():]
    rest = rest.lstrip(" .,:;")
    m = re.match(rf"^\(({areas.YEAR})[a-z]?(?:,\s*[^()]{{1,30}})?\)\s*[.;,:]?\s*|"
                 rf"^({areas.YEAR})[a-z]?(?:\s*\[\d{{4}}\])?(?:\s*[.;,:]\s*|\s+(?=[A-ZА-ЯЁ\"“‘«]))|"
                 rf"^\({_NO_DATE}\)\s*[.;,:]?\s*", rest)
    if names_text and m:
        if m.group(1) or m.group(2):        # "(n.d.)": the date's place, with no date in it
            rec.claim("issued", Date(parts=[[int(m.group(1) or m.group(2))]]))
        rec.author_date = True
        rest = rest[m.end():]
    quoted = _QUOTED.match(rest)
    if quoted:
        rec.claim("title", (quoted.group("title") or quoted.group("single")).strip())
        _english_tail(rec, rest[quoted.end():], commas=True)
        return
    host = re.search(r"\s//\s?|(?<=[^\s/:])/\s(?=[A-ZА-ЯЁ])", rest)     # Google Scholar's "title //Journal"
    if host:
        head, tail = rest[:host.start()], rest[host.end():]
    else:
        head, tail = rest, ""
    gost = bool(host) or bool(areas.AREA_SEPARATOR.search(rest)) or " / " in head
    if gost:
        _gost(rec, head, tail)
    else:
        _sentences(rec, rest)


# ---------------------------------------------------------------- GOST

def _gost(rec: _Record, head: str, tail: str) -> None:
    head_areas = areas.split_areas(head)
    title_area = head_areas[0] if head_areas else head
    _title_area(rec, title_area)
    if tail:
        tail_areas = areas.split_areas(tail)
        if tail_areas:
            container = tail_areas[0]
            container, details = _split_container_details(container)
            container, _, container_resp = container.partition(" / ")
            if container_resp:
                _responsibility(rec, container_resp)     # "… : монография / под ред. А. Б. Соколова"
            container = _CONFERENCE_PLACE_DATE.sub("", container)
            rec.claim("container-title", _clean(container))
            rest = head_areas[1:] + ([details] if details else []) + tail_areas[1:]
        else:
            rest = head_areas[1:]
    else:
        rest = head_areas[1:]
    for area in rest:
        _detail_area(rec, area)


def _split_container_details(text: str) -> tuple[str, str]:
    """``Central Asia and the Caucasus. 2007. № 1 (43). С. 110-120`` → container, details."""
    m = re.search(rf"\.\s+(?=(?:{areas.YEAR}\b|Т\.\s*\d|№|Vol\.|No\.|[СC]\.\s*\d))", text)
    if m:
        return text[:m.start()], text[m.end():]
    return text, ""


def _title_area(rec: _Record, area: str) -> None:
    title, _, resp = area.partition(" / ")
    if not resp:
        m = re.search(r"\s/(?=\s*\S)", title)
        if m:
            title, resp = title[:m.start()], title[m.end():]
    standard = _STANDARD_NUMBER.match(title)
    if standard:
        rec.claim("number", standard.group(1))
        title = title[standard.end():]
    volume = re.search(r"(?:\.\s*(?:Т\.|Том|Vol\.|Кн\.|Book)\s*(\d+|[IVXLC]+(?:\s*[–-]\s*[IVXLC]+)?)|[.,]\s*(\d+)-(?:том|т\.))"
                       r"(?:\s*[.:]\s*(.+))?\s*$", title)
    if volume:
        # "… наукам. Т. 1 / С.И. Макаренко"; Kazakh "Шығыс шайырлары, 3-том"
        rec.claim("volume", volume.group(1) or volume.group(2))
        if volume.group(3):
            rec.claim("volume-title", _clean(volume.group(3)))   # "Т. 1. Основные алгоритмы"
        title = title[:volume.start()]
    edition = re.search(r",\s*(\d+(?:st|nd|rd|th)\s+(?:ed\.?|[Ee]dition))\s*$", title)
    if edition:
        rec.claim("edition", edition.group(1))      # "Flask Web Development, 2nd Edition. – O’Reilly Media"
        title = title[:edition.start()]
    parts = re.split(r"\s:\s", title, maxsplit=1)
    rec.claim("title", _clean(parts[0]))
    if len(parts) > 1:
        _other_title_info(rec, parts[1])
    if resp:
        _responsibility(rec, resp)


def _other_title_info(rec: _Record, text: str) -> None:
    text = _clean(text)
    if THESIS_MARKS.search(text):
        rec.claim("genre", text)
        rec.thesis = True
        rec.kept.append(text)
        return
    if _LAW_INFO.search(text) or _REPORT_INFO.search(text):
        rec.claim("genre", text)                  # "Федеральный закон от …", "отчет о НИР"
        rec.law = rec.law or bool(_LAW_INFO.search(text))
        rec.kept.append(text)
        return
    volumes = re.match(r"^(?:in|в)\s+(\d+)\s*(?:т|ч|кн|vols?)\.?\s*", text, re.I)
    part = re.search(r"(?:^|\.\s*)(Т|Ч|Кн|Vol|Part|Pt)\.?\s*(\d+)(?:\s*[.:]\s*(.+))?$", text)
    if volumes or part:
        if volumes:
            rec.claim("number-of-volumes", volumes.group(1))      # "в 3 т.", "in 2 vols."
        if part:
            kind = "part" if part.group(1) in ("Ч", "Part", "Pt") else "volume"
            rec.claim("part-number" if kind == "part" else "volume", part.group(2))  # "Ч. 2", "Т. 1"
            if part.group(3):
                rec.claim(f"{kind}-title", _clean(part.group(3)))  # "Ч. 2. Электричество"
        return
    if re.match(r"^(?:учеб|монограф|сб\.|сборник|материалы|справочник|учебн|пособие|практикум|"
                r"хрестоматия|словарь|энциклопедия|курс лекций|официальный сайт|сайт|портал|"
                r"электронный журнал|база данных|стат\.\s*сб|статистический сборник|"
                r"\[?сайт\]?|поисковая система|информационная система)", text, re.I):
        rec.claim("genre", text)
        return
    rec.claim("collection-title", text)


def _responsibility(rec: _Record, text: str) -> None:
    for group in re.split(r"\s*;\s*", text):
        group = group.strip(" ,")
        if group.endswith(".") and not re.search(r"(?:^|[\s.])[A-ZА-ЯЁ]\.$", group):
            group = group[:-1].strip()
        if not group:
            continue
        if _RESP_ROLE.search(group):
            role = "editor" if _EDITOR_ROLE.search(group) else "translator"
            names = _ROLE_PHRASE.sub(" ", group).strip(" .,:")
            if role == "translator" or re.search(r"\bпер\.|перевод", group):
                rec.kept.append(group)
            if names:
                before = len(rec.fields.get(role, []))
                rec.names(role, names)
                if re.search(r"под\s+(?:\w+\.?\s+)?ред|\bпер\.", group) and role in rec.fields and not before:
                    for name in rec.fields[role]:         # "под ред. А. Б. Соколова" → Соколов
                        name.family = nominative(name.family)
        elif "author" not in rec.fields:
            names, _, _ = parse_names(group)
            if any(not n.literal for n in names):
                rec.names("author", group)
            else:
                rec.unclaimed.append(group)     # "Утвержден … Приказом …": not people
        else:
            names, etal, _ = parse_names(group)
            lead = rec.fields["author"]
            if len(names) > len(lead) and names[0].family == lead[0].family:
                rec.fields["author"] = names     # "Ландау Л. Д. … / Л. Д. Ландау, Е. М. Лифшиц"
            if etal and "author" not in rec.etal:
                rec.etal.append("author")


def _detail_area(rec: _Record, area: str) -> None:
    area = area.strip().strip(" .;,")
    if not area:
        return
    series = re.fullmatch(r"\((.+?)(?:[;,]\s*(?:No\.|№|вып\.|vol\.)\s*(\S+?))?\)", area, re.I)
    if series:
        rec.claim("collection-title", series.group(1).strip())
        if series.group(2):
            rec.claim("collection-number", series.group(2))
        return
    place_year = re.fullmatch(rf"([^,:\d]{{1,40}}),\s*({areas.YEAR})\.?", area)
    if place_year and is_place(place_year.group(1)):
        rec.claim("publisher-place", expand_city(place_year.group(1)))      # "— Москва, 2015"
        rec.claim("issued", Date(parts=[[int(place_year.group(2))]]))
        return
    found = areas.imprint(area)
    if found:
        rec.claim("publisher-place", expand_city(found["publisher-place"]))
        rec.claim("publisher", found["publisher"])
        if "year" in found:
            rec.claim("issued", Date(parts=[[int(found["year"])]]))
        return
    if rec.patent and re.search(r"заявл\.|опубл\.|Бюл\.", area):
        rec.kept.append(area)               # application number and dates of a patent
        return
    pieces = areas.split_details(area)
    leftovers = []
    for piece in pieces:
        found = areas.classify(piece)
        if found is None and _bare_volume(rec, piece):
            found = {"volume": piece.strip(" .")}   # "// Sci. Sinica. 1966. 15. P. 749–762"
        if found is None:
            leftovers.append(piece)
            continue
        _apply(rec, found)
    if leftovers:
        text = ", ".join(leftovers)
        with_year = re.fullmatch(rf"(.+?),\s*{areas.YEAR}\.?", area)
        if with_year and "publisher" not in rec.fields and re.match(r"[A-ZА-ЯЁ]", with_year.group(1)):
            rec.claim("publisher", with_year.group(1).strip())   # "— IEEE, 2023", "— Dept; Univ., 2013"
        elif re.fullmatch(r"[A-ZА-ЯЁ][\w .&'’\"«»-]{1,80}", text) and "publisher" not in rec.fields \
                and ("container-title" in rec.fields or _PUBLISHER_WORDS.search(text)) \
                and not rec.fields.get("publisher-place"):
            rec.claim("publisher", text)      # "— IEEE", a book's "— Packt Publishing — 2016"
        else:
            rec.unclaimed.append(text)


def _bare_volume(rec: _Record, piece: str) -> bool:
    """A bare number in an article's details, after its year, is the volume: Latin and Soviet
    lists print ``// Ann. Probab. 1985. 13. N 2. P. 469`` and ``– 1976. – 15. – №. 3.``."""
    return bool(re.fullmatch(r"\d{1,4}\.?", piece.strip())) and not re.fullmatch(rf"{areas.YEAR}\.?", piece.strip()) \
        and "container-title" in rec.fields and "volume" not in rec.fields and "issued" in rec.fields


def _apply(rec: _Record, found: dict[str, str]) -> None:
    for key, value in found.items():
        if key == "year":
            rec.claim("issued", Date(parts=[[int(value)]]))
        elif key == "part":
            rec.claim("part-number", value)
        else:
            rec.claim(key, value)


# ---------------------------------------------------------------- sentences (no GOST marks)

def _sentences(rec: _Record, text: str) -> None:
    """``Title. Container. 2014. Т. 7. С. 108-115`` and the English author–title styles."""
    sentences = _split_sentences(text)
    if not sentences:
        return
    tail_start = len(sentences)
    # peel detail pieces off the right
    while tail_start > 1:
        candidate = sentences[tail_start - 1]
        if all(areas.classify(p, bare_pages=True) is not None for p in areas.split_details(candidate)):
            tail_start -= 1
        else:
            break
    body, tail = sentences[:tail_start], sentences[tail_start:]
    if "author" not in rec.fields and len(body) > 1 and (re.fullmatch(r"[A-ZА-ЯЁ][\w&.-]{1,40}", body[0])
                                                         or is_organisation(body[0])):
        rec.claim("author", [Name(literal=body[0])])     # "Kaggle. Titanic: …": an organisation
        body = body[1:]
    if "title" not in rec.fields and body and _journal_then_numbers(rec, body[0]):
        body = body[1:]                                   # "Names, Journal., 3(10), 22-26 (2006)": no title
    if "title" not in rec.fields and len(body) == 1 and not tail and rec.names_comma and _comma_style(rec, body[0]):
        return
    if "title" not in rec.fields and body and not (len(body) > 1 and not tail and rec.electronic):
        _claim_title(rec, body[0])
        body = body[1:]
    roles = [s for s in body[1:] if _ROLE_SENTENCE.match(s)] if "title" not in rec.fields else \
        [s for s in body if _ROLE_SENTENCE.match(s)]
    for s in roles:
        role = _ROLE_SENTENCE.match(s)
        variable = "translator" if re.match(r"Tr|Üb|Ub|Пер", role.group(1)) else "editor"
        rec.names(variable, re.split(r";\s*", role.group(2))[0])      # "Translated by Edward R. Taylor"
    body = [s for s in body if s not in roles]
    editions = [s for s in body if re.fullmatch(r"\d+(?:st|nd|rd|th)\s+(?:ed|edn|edition)\.?|\d+-е\s+изд\.?.*|"
                                                 r"(?:Rev|Revised|Updated)\.?\s+ed\.?", s.strip(), re.I)]
    for s in editions:
        rec.claim("edition", s.strip())                  # "Handbook. 2nd ed. London: Routledge; 2010"
    body = [s for s in body if s not in editions]
    if body and len(body) > 1 and not tail and rec.electronic:
        rec.claim("title", _clean(". ".join(body)))     # a web page: the whole text is its title
        body = []
    if body and _GOST_MARKS.search(" ".join(tail)):
        # GOST marks without GOST separators (Т. 7. С. 108-115): the container is everything
        # between the title and the details, dots included ("Известия … Серия: Политология")
        rec.claim("container-title", _clean(". ".join(body)))
    elif body and len(body) == 1 and _imprint_sentence(rec, body[0]):
        pass                                              # "New York: American Elsevier", "Wiley, New York"
    elif body and rec.author_date and len(body) == 1 and not tail and not re.search(r"\d", body[0]) \
            and not _JOURNAL_WORDS.search(body[0]) and len(body[0].split()) <= 6:
        rec.claim("publisher", _clean(body[0]))          # APA book: "(2000). Title. Simon & Schuster."
    elif body and tail and len(body) > 1 and all(_ABBREVIATED.fullmatch(s) for s in body[1:]):
        rec.claim("container-title", _clean(". ".join(body)))   # "Syst. Bot. 7: 249–268"
    elif body:
        _english_tail(rec, ". ".join(body))
    for piece in tail:
        for p in areas.split_details(piece):
            found = areas.classify(p, bare_pages=True)
            if found:
                _apply(rec, found)


_ORGANISATION = re.compile(
    r"\b(?:Organi[sz]ation|Association|Society|Institute|Ministry|Department|Agency|Bureau|Commission|"
    r"Council|Foundation|Bank|Office|Committee|Union|Centre|Center|Consortium|Corporation|Inc|Ltd|GmbH|"
    r"Министерство|Минобрнауки|Минфин|Минэкономразвития|Минздрав|Минпросвещения|Росстат|Роспатент|Росстандарт|"
    r"Федеральная служба|Банк России|Правительство|Агентство|Комитет|Департамент|Администрация|"
    r"WHO|OECD|UNESCO|UNICEF|IMF|ВОЗ|ООН|ЮНЕСКО)\b")
_MINOR_WORDS = {"of", "and", "for", "the", "on", "in", "&", "de", "des", "la", "le", "der", "für", "und"}


def is_organisation(text: str) -> bool:
    """``World Health Organization``, ``Bank of Russia``, ``Минобрнауки России``: a short name
    with an organisation word, Title Case when Latin (so "Bank lending in crises" is a title)."""
    words = text.split()
    if not 1 <= len(words) <= 7 or re.search(r"\d", text) or not _ORGANISATION.search(text):
        return False
    if re.search(r"[A-Za-z]", text):
        return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)
    return True


_ROLE_SENTENCE = re.compile(r"^(Translated|Trans\.|Edited|Ed\.|Eds\.|Übersetzt|Ubersetzt|Herausgegeben|Hrsg\.)\s*"
                            r"(?:by|von|v\.)?\s+([A-Z][^.]*(?:\.\s?[A-Z][^.]*)*?)$")
_ABBREVIATED = re.compile(r"[A-Z][\w&-]{0,11}(?:,?\s[\w&-]{1,12}){0,3}")


def _imprint_sentence(rec: _Record, sentence: str) -> bool:
    """A sentence that is only an imprint: ``New York: Wiley, 1994``, ``Cambridge, Mass.: MIT
    Press``, ``Hillsdale, NJ: L. Erlbaum``, ``Wiley, New York``."""
    s = sentence.strip(" .")
    m = re.fullmatch(rf"(?P<place>[^:;\d]{{2,50}}?)\s*:\s*(?P<publisher>[^:;\d]{{2,80}}?)(?:[,;]\s*(?P<year>{areas.YEAR}))?", s)
    if m and (is_place(m.group("place")) or re.fullmatch(r"[A-Z][\w .'-]+(?:,\s*[A-Z][\w.]+\.?){0,2}", m.group("place"))) \
            and len(m.group("place").split()) <= 5:
        rec.claim("publisher-place", expand_city(m.group("place").strip()))
        rec.claim("publisher", _clean(m.group("publisher")))
        if m.group("year"):
            rec.claim("issued", Date(parts=[[int(m.group("year"))]]))
        return True
    m = re.fullmatch(rf"(?P<publisher>[^,:;\d]{{2,80}}?),\s*(?P<place>[^:;\d]{{2,40}}?)(?:,\s*(?P<year>{areas.YEAR}))?", s)
    if m and is_place(m.group("place")) and not is_place(m.group("publisher")):
        rec.claim("publisher-place", m.group("place").strip())
        rec.claim("publisher", _clean(m.group("publisher")))
        if m.group("year"):
            rec.claim("issued", Date(parts=[[int(m.group("year"))]]))
        return True
    return False


def _comma_style(rec: _Record, text: str) -> bool:
    """``Snyder, D., The Chicxulub seismic experiment, NERC News, v. 12, pp. 24-25, 1996``:
    names, title and host all separated by commas — the title is the first piece."""
    pieces = re.split(r",\s+", text)
    if len(pieces) < 3 or not any(areas.classify(p, bare_pages=True) for p in pieces[2:]):
        return False
    _claim_title(rec, pieces[0])
    _english_tail(rec, ", ".join(pieces[1:]), commas=True)
    return True


def _journal_then_numbers(rec: _Record, text: str) -> bool:
    """``Bulletin of … University., 3(10), 22-26 (2006)``: a journal and its numbers, no title."""
    pieces = [p.strip() for p in re.split(r",\s+", text)]
    if len(pieces) < 2 or not _JOURNAL_WORDS.search(pieces[0]):
        return False
    found: dict = {}
    for p in pieces[1:]:
        year = re.search(rf"\s*\(({areas.YEAR})\)$", p)
        if year:
            found["year"] = year.group(1)
            p = p[:year.start()]
        got = areas.classify(p, bare_pages=True) if p else {}
        if got is None:
            return False
        found.update(got)
    if not found:
        return False
    rec.claim("container-title", _clean(pieces[0]))
    _apply(rec, found)
    return True


_THESIS_NOTE = re.compile(r"\s*[(\[]((?:Unpublished\s+)?(?:Doctoral dissertation|Ph\.?\s?D\.?\s+(?:dissertation|thesis)|"
                          r"Master['’]?s thesis|Doctoral thesis|Diploma thesis))(?:,\s*([^)\]]+))?[)\]]\s*$", re.I)


def _claim_title(rec: _Record, text: str) -> None:
    """A title with what English styles and References put after it: ``[English
    translation]``, ``(3rd ed.)``."""
    thesis = _THESIS_NOTE.search(text)
    if thesis:
        rec.thesis = True                                 # "(Doctoral dissertation, Stanford University)"
        rec.claim("genre", thesis.group(1))
        if thesis.group(2):
            rec.claim("publisher", thesis.group(2).strip())
        text = text[:thesis.start()]
    translation = _final_bracket(text)
    if translation is not None:
        rec.translation, text = translation[1], translation[0]
    edition = re.search(r"\s*(?:\((\d+(?:st|nd|rd|th)\s+ed\.?|[A-Z][a-z]+ ed\.)\)|"
                        r",\s*(\d+(?:st|nd|rd|th)\s+(?:ed\.?|[Ee]dition)))\s*$", text)   # ", 3rd Edition"
    if edition:
        rec.claim("edition", edition.group(1) or edition.group(2))
        text = text[:edition.start()]
    rec.claim("title", _clean(text))


def _final_bracket(text: str) -> tuple[str, str] | None:
    """``Title [Translation]`` → (``Title``, ``Translation``): the bracket that ends the text,
    with at least 3 characters and no ``]`` inside; None when there is none.

    Found by looking back from the end (a regular-expression search would try every ``[``
    of a long unbracketed text and scan to its end from each: quadratic).
    """
    body = text.rstrip()
    if not body.endswith("]"):
        return None
    previous_close = body.rfind("]", 0, len(body) - 1)
    start = body.find("[", previous_close + 1, len(body) - 1)
    if start < 0 or len(body) - 1 - (start + 1) < 3:
        return None
    return text[:start].rstrip(), body[start + 1:-1].strip()


_NUMBER_MARKER_END = re.compile(r"(?:^|[\s(])(?:vol|Vol|no|No|pp|Pt|Iss|Nr|[СCТTPpSЧ]|Сс|сс|Вып|вып|Ed|ed|"
                                r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$")


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in re.finditer(r"[.?!]\s+(?=[A-ZА-ЯЁ0-9(«\"“№]|[СCТTPp][a-z]?\.\s*\d|pp\.)", text):
        piece = text[start:m.start() + (0 if text[m.start()] == "." else 1)]
        tail = piece[-16:]          # the checks below look at the end only: linear on long input
        if re.search(r"(?:^|[\s(])(?:[A-ZА-ЯЁ]|[A-Za-zА-Яа-я]{1,2}|Proc|Univ|vol|Vol|no|No|pp|Dept|Inst|J|Sci|Int|Intl|"
                     r"Comput|Theor|Trans|Ed|Eds|ed|eds|Pt|Iss|Nr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec)$", tail) and not tail[-1:].isdigit() and not (
                         text[m.end():m.end() + 1].isdigit() and not _NUMBER_MARKER_END.search(tail)):
            if not re.search(r"\d(?:st|nd|rd|th)\s+ed$|\bизд$", tail):
                continue                # "Seriya 5, Geografiya" no; "Theor. Comput. Sci." keep together
                                        # (but "Neural Comput. 1997;9(8)": a number starts the details)
        out.append(piece.strip())
        start = m.end()
    last = text[start:].strip().rstrip(".")
    if last:
        out.append(last)
    return [s for s in out if s]


_VOLUME_ISSUE_PAGES = re.compile(rf"[,.]?\s+(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{{1,20}})\)\s*[:,]|:)\s*"
                                 rf"(?P<page>{areas._RANGE})\s*(?:\(({areas.YEAR})\))?\.?$")


_YEAR_VOLUME_PAGES = re.compile(
    rf"[.,]?\s+(?P<year>{areas.YEAR})\s*(?:;\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^()]{{1,20}})\))?\s*:|"
    rf",\s*(?P<volume2>\d+)\s*(?:,\s*\((?P<issue2>\d+)\))?\s*,)\s*(?P<page>{areas._RANGE})\s*\.?$")


def _english_tail(rec: _Record, text: str, commas: bool = False) -> None:
    """What follows the title in English styles: ``In: editors (eds) Book``, ``in Journal,
    vol. 52, no. 8, pp. 1–5, Aug. 2004``, ``Journal, 267(1), 66-72``, ``Journal 51, 173–180 (2025)``."""
    text = text.strip().strip(".,; ")
    sentences_here = _split_sentences(text) if not commas else [text]
    if sentences_here and _genre_sentence(rec, sentences_here[0]):
        for sentence in sentences_here[1:]:             # "Technical Report TR-95-50, Univ. of …"
            _detail_sentence(rec, sentence)
        return
    m = re.match(r"^[Ii]n:?\s+", text)
    if m:
        text = text[m.end():]
        eds = re.match(r"^(.+?)\s*(?:\((?:eds?|Eds?|ed\.|Hrsg\.|Hgg?\.|dir\.|éds?\.)\.?\)|,\s*(?:editors?|eds?\.))\s*[.,:]?\s*", text)
        if eds:
            rec.names("editor", eds.group(1))
            text = text[eds.end():]
            rec.chapter = True
    edited = re.search(r"[,.]?\s*(?<!st )(?<!nd )(?<!rd )(?<!th )\b(?:[Ee]dited by|[Ee]ds?\.|[Hh]rsg\. v\.|[Hh]g\. v\.)\s+(?P<names>(?:[A-Z][\w'’.-]*\s?)+"
                       r"(?:(?:,\s*and\s+|\s+and\s+|\s*&\s*)(?:[A-Z][\w'’.-]*\s?)+)*)(?=[,.;(]|$)", text)
    if edited:
        rec.names("editor", edited.group("names").strip())      # "…, edited by Donald F. Bouchard, Cornell UP"
        rec.chapter = rec.chapter or bool(m) or "container-title" not in rec.fields
        translated = re.match(r"[,.]?\s*(?:[Tt]ranslated by|[Tt]rans\.)\s+[^,.;(]+", text[edited.end():])
        cut_end = edited.end() + (translated.end() if translated else 0)
        publisher = re.match(rf",\s*([A-Z][^,.;()\d]{{1,60}}?),\s*(?={areas.YEAR}\b)", text[cut_end:])
        if publisher and not is_place(publisher.group(1)):
            rec.claim("publisher", publisher.group(1).strip())      # MLA: "…, edited by X, Cornell UP, 1977"
            cut_end += publisher.end() - 2
        text = (text[:edited.start()] + text[cut_end:]).strip(" ,")
    parens = re.search(rf"\s*\((?:(?P<place>[^():]{{2,40}}):\s*)?(?P<publisher>[^()]{{2,80}}?),\s*(?P<year>{areas.YEAR})\)", text)
    if parens and (parens.group("place") or _PUBLISHER_WORDS.search(parens.group("publisher"))):
        if parens.group("place"):
            rec.claim("publisher-place", expand_city(parens.group("place").strip()))
        rec.claim("publisher", _clean(parens.group("publisher")))
        rec.claim("issued", Date(parts=[[int(parens.group("year"))]]))
        text = (text[:parens.start()] + text[parens.end():]).strip(" ,.")
    after: list[str] = []
    if not commas and re.search(r",\s*(?:pp?\.|pages?|vol\.|Vol\.)\s*\d", text):
        commas = True                                   # "In Proc. Intl. Joint Conf. Art. Intell., pages 1019-1023, 1983"
        end = re.search(r"(?<=\d)\.\s+(?=[A-Z])", text)
        if end:                                          # "…, pages 266-273. Morgan Kaufmann, 1990"
            after = _split_sentences(text[end.end():])
            text = text[:end.start()]
    text = re.sub(r"(?<=[^\s,.;])\s+(?=pp?\.\s*\d)", ", ", text)   # "Political Behavior pp. 1–22"
    numbers_tail = _YEAR_VOLUME_PAGES.search(text)
    if numbers_tail and len(text[:numbers_tail.start()].strip(" .,;")) > 1:
        # Vancouver "BMJ 2008; 336(7636): 130-3", ACS "ACS Nano 2019, 13, 1234–1245"
        found = {k.rstrip("2"): v for k, v in numbers_tail.groupdict().items() if v}
        rec.claim("issued", Date(parts=[[int(found.pop("year"))]]))
        found["page"] = areas.normalize_pages(found["page"])
        _apply(rec, found)
        rec.claim("container-title", _clean(text[:numbers_tail.start()]))
        return
    chicago = _VOLUME_ISSUE_PAGES.search(text)
    if chicago and not re.search(r"\b(?:vol|pp|no)\.", text[:chicago.start()], re.I):
        rec.claim("volume", chicago.group("volume"))      # "Journal of Finance 69 (4): 1405–1440"
        rec.claim("issue", chicago.group("issue") or "")
        rec.claim("page", areas.normalize_pages(chicago.group("page")))
        text = text[:chicago.start()]
        year = re.search(rf"[,.]?\s*\(?({areas.YEAR})\)?$", text)
        if year and len(text[:year.start()].strip()) > 2:
            rec.claim("issued", Date(parts=[[int(year.group(1))]]))
            text = text[:year.start()]
        rec.claim("container-title", _clean(text))
        return
    first_sentence = (text if commas else _split_sentences(text)[0]) if text else ""
    references_imprint = re.fullmatch(rf"([^,:]+),\s*([^,:]+?),\s*({areas.YEAR})\.?", first_sentence)
    if references_imprint and not m and is_place(references_imprint.group(1)):
        rec.claim("publisher-place", references_imprint.group(1).strip())   # "Moscow, Nauka Publ., 2015"
        rec.claim("publisher", references_imprint.group(2).strip())
        rec.claim("issued", Date(parts=[[int(references_imprint.group(3))]]))
        for sentence in _split_sentences(text)[1:]:
            _detail_sentence(rec, sentence)
        return
    found = areas.imprint(first_sentence)
    if found and not m and (is_place(found["publisher-place"]) or (
            "year" in found and _PLACE_LIKE.fullmatch(found["publisher-place"]))):
        rec.claim("publisher-place", found["publisher-place"])      # "Oxford: Oxford University Press, 2015"
        rec.claim("publisher", found["publisher"])
        if "year" in found:
            rec.claim("issued", Date(parts=[[int(found["year"])]]))
        for sentence in _split_sentences(text)[1:]:
            _detail_sentence(rec, sentence)
        return
    year = re.search(rf"\s*\(({areas.YEAR})\)\s*\.?$", text)
    if year:
        rec.claim("issued", Date(parts=[[int(year.group(1))]]))
        text = text[:year.start()]
    sentences = _split_sentences(text) if ". " in text and not commas else [text]
    first = sentences[0]
    pieces = [p.strip() for p in re.split(r",\s+", first)]
    container_parts, details = [], []
    for p in pieces:
        if details or (areas.classify(p, bare_pages=True) is not None and container_parts):
            details.append(p)
        else:
            container_parts.append(p)
    while len(container_parts) > 1 and _PLACE_LIKE.fullmatch(container_parts[-1]) and (
            _CONFERENCE_WORDS.search(container_parts[0]) or is_place(container_parts[-1])
            or re.fullmatch(r"[A-Z]{2,3}", container_parts[-1])
            or (details and re.fullmatch(r"[A-Z]{2,3}", details[0]))):
        details.insert(0, container_parts.pop())          # "…(DSPA), Moscow, Russian Federation"
    if len(container_parts) > 2 and all(re.fullmatch(r"\d{1,4}", p) for p in container_parts[-2:]) and not details:
        rec.claim("page", container_parts.pop())          # "Journal of Family Law, 23, 194"
        rec.claim("volume", container_parts.pop())
    elif len(container_parts) > 1 and re.fullmatch(r"\d{1,4}", container_parts[-1]) and details \
            and "volume" not in rec.fields:
        rec.claim("volume", container_parts.pop())        # "Journal, 23, 194-200"
    container = ", ".join(container_parts)
    container = container.split(" = ")[0]            # a parallel title: "Voprosy ekonomiki = …"
    pages_in_parens = re.search(r"\s*\((?:pp?\.|S\.)\s*([\d\s–-]+)\)\s*$", container)
    if pages_in_parens:
        rec.claim("page", areas.normalize_pages(pages_in_parens.group(1)))   # APA: "Book (pp. 45-67)"
        container = container[:pages_in_parens.start()]
    # "Program Comput Soft 51" → container + volume; "(2025)" at the end → year
    year = re.search(rf"\s*\(({areas.YEAR})\)\s*$", container)
    if year:
        rec.claim("issued", Date(parts=[[int(year.group(1))]]))
        container = container[:year.start()]
    if len(container_parts) == 1 and not details and len(sentences) == 1 and _PUBLISHER_WORDS.search(container) \
            and not _JOURNAL_WORDS.search(container):
        rec.claim("publisher", _clean(container))          # APA book: "… (3rd ed.). Cambridge University Press."
        return
    if len(container_parts) == 1 and len(details) == 1 and len(sentences) == 1 and year is None \
            and re.fullmatch(rf"{areas.YEAR}\.?", details[0]) and not _JOURNAL_WORDS.search(container):
        rec.claim("publisher", container)      # MLA: "Penguin Books, 2003."
        rec.claim("issued", Date(parts=[[int(details[0].rstrip("."))]]))
        return
    container_year = re.match(rf"^(.*\D)\s+({areas.YEAR})$", container)
    if container_year and details and "issued" not in rec.fields:
        rec.claim("issued", Date(parts=[[int(container_year.group(2))]]))     # ACS: "ACS Nano 2019, 13, 1234–1245"
        container = container_year.group(1)
    trailing_volume = re.match(r"^(.*\D)\s+(\d{1,4})$", container)
    if trailing_volume and details:
        container = trailing_volume.group(1)
        rec.claim("volume", trailing_volume.group(2))
    kept_details = []
    places = []
    for d in details:
        found = areas.classify(d, bare_pages=True)
        if found:
            _apply(rec, found)
        elif _PLACE_LIKE.fullmatch(d):
            places.append(d)
        else:
            kept_details.append(d)
    if places:
        rec.claim("publisher-place", ", ".join(places))
    if kept_details:
        rec.unclaimed.append(", ".join(kept_details))
    if len(container_parts) > 1 and _PUBLISHER_WORDS.search(container_parts[-1]) and "publisher" not in rec.fields:
        rec.claim("publisher", container_parts[-1])       # "Logic and Data Bases, Plenum Press, New York"
        container = ", ".join(container_parts[:-1]).split(" = ")[0]
    rec.claim("container-title", _clean(container))
    for sentence in sentences[1:] + after:
        _detail_sentence(rec, sentence)


_GENRE_SENTENCE = re.compile(r"^(?P<genre>Technical [Rr]eport|Tech(?:nical)?\.\s*[Rr]ep(?:ort)?\.?|Research [Rr]eport|"
                             r"Ph\.?\s?D\.?\s+[Tt]hesis|Ph\.?\s?D\.?\s+[Dd]issertation|Doctoral (?:[Tt]hesis|[Dd]issertation)|"
                             r"Master['’]?s [Tt]hesis|M\.?\s?Sc\.? [Tt]hesis|Diploma [Tt]hesis|Working [Pp]aper)"
                             r"(?:\s+(?:No\.\s*)?(?P<number>[\w./-]*\d[\w./-]*))?\s*[,.]?\s*(?P<rest>.*)$")


def _genre_sentence(rec: _Record, sentence: str) -> bool:
    """``Technical report, University of Auckland, 1993``; ``PhD thesis, MIT, Cambridge, MA, 1984``."""
    m = _GENRE_SENTENCE.match(sentence.strip(" ."))
    if not m:
        return False
    genre = m.group("genre")
    rec.claim("genre", genre)
    if re.search(r"thesis|dissertation", genre, re.I):
        rec.thesis = True
    else:
        rec.report = True
    if m.group("number"):
        rec.claim("number", m.group("number"))
    pieces = [p.strip() for p in re.split(r",\s+", m.group("rest")) if p.strip()]
    while pieces:
        found = areas.classify(pieces[-1], bare_pages=True)
        if found is not None and pieces[-1]:
            _apply(rec, found)
            pieces.pop()
        else:
            break
    places = []
    while len(pieces) > 1 and (is_place(pieces[-1]) or re.fullmatch(r"[A-Z]{2}|[A-Z]\.[A-Z]\.", pieces[-1])
                               or (places and _PLACE_LIKE.fullmatch(pieces[-1]) and is_place(pieces[-1] + ", " + places[0]))):
        places.insert(0, pieces.pop())
    if len(pieces) > 1 and _PLACE_LIKE.fullmatch(pieces[-1]) and places:
        places.insert(0, pieces.pop())                  # "University of California, Berkeley, CA"
    if pieces:
        rec.claim("publisher", ", ".join(pieces))
    if places:
        rec.claim("publisher-place", ", ".join(places))
    return True


def _detail_sentence(rec: _Record, sentence: str) -> None:
    if _genre_sentence(rec, sentence):
        return
    if "publisher" not in rec.fields and _imprint_sentence(rec, sentence):
        return
    if "container-title" in rec.fields and "collection-title" not in rec.fields and not rec.fields.get("page") \
            and re.fullmatch(r"[A-Z][\w-]*[A-Z][\w-]*\s+(?:['’]?\d{2}|\d{4})", sentence.strip(" .")):
        rec.fields["container-title"] += ". " + sentence.strip(" .")   # "Genetic Programming. EuroGP 2001"
        return
    series = re.match(r"^(.+?),\s*(?:vol\.?|Vol\.?)\s*(\d+)$", sentence.strip(" ."))
    if series:
        if "container-title" in rec.fields and "collection-title" not in rec.fields:
            rec.claim("collection-title", series.group(1))
            rec.claim("volume", series.group(2))
            return
    found = areas.imprint(sentence.replace(", ", ": ", 1) if ":" not in sentence and "," in sentence
                          and not re.search(r"\d", sentence) else sentence)
    if found and not re.search(r"\d", sentence):
        publisher, place = found["publisher-place"], found["publisher"]   # "Springer, Berlin"
        rec.claim("publisher", publisher)
        rec.claim("publisher-place", place)
        return
    pieces = areas.split_details(sentence)
    if len(pieces) == 1 and "publisher" not in rec.fields and re.fullmatch(r"[A-Z][^\W\d]*(?:[&.' -]+[^\W\d]+)*\.?", pieces[0]) \
            and areas.classify(pieces[0], bare_pages=True) is None:
        rec.claim("publisher", _clean(pieces[0]))     # APA's last sentence: "Springer."
        return
    for p in pieces:
        got = areas.classify(p, bare_pages=True)
        if got:
            _apply(rec, got)
        elif "container-title" in rec.fields and p.strip():
            rec.unclaimed.append(p)
        else:
            rec.claim("container-title", _clean(p))


# ---------------------------------------------------------------- finishing

def _clean(text: str) -> str:
    text = text.strip()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:/").rstrip(".").strip() if not text.endswith("..") else text


def _finish(rec: _Record, original: str, source: Source) -> Reference:
    ref = Reference(source=source)
    fields = rec.fields
    if "publisher-place" in fields:
        fields["publisher-place"] = expand_city(fields["publisher-place"])
    ref.fields = fields
    if rec.kept or rec.unclaimed:
        ref.fields["note"] = "; ".join(u for u in rec.kept + rec.unclaimed if u)
    if rec.same_author:
        ref.extra["polybib.same-author-as-previous"] = "true"
    for variable in rec.etal:
        ref.extra[f"polybib.etal.{variable}"] = "true"
    if rec.translation:
        ref.extra["polybib.title-translation"] = rec.translation   # "[Economy of the region]"
    source.repairs.extend(rec.repairs)
    if "issued" not in ref.fields:
        _fallback_year(ref, original)
    ref.fields["language"] = rec.in_language or guess_language(ref, original)
    if ref.fields["language"] == "en" and (rec.translation or re.search(r"\bPubl\.", str(ref.fields.get("publisher", "")))):
        ref.fields["language"] = "ru"     # References: "Title [English translation]", "Nauka Publ.": romanized Russian
    ref.type = guess_type(ref, thesis=rec.thesis, chapter=rec.chapter,
                          electronic=rec.electronic, text=original, law=rec.law, report=rec.report)
    _confidence(ref, rec)
    return ref


_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")


def _fallback_year(ref: Reference, original: str) -> None:
    """No rule placed a year: take the last year printed outside the titles, URL and DOI
    (``…, 25/04/2013, n°1103``; ``Proceedings Supercomputing '91, November 1991``), with a
    low confidence.  Most references have one, and a year is what people look for first."""
    text = re.sub(r"(?:https?://|doi:?\s*|10\.\d{4,9}/)\S+", " ", original, flags=re.I)
    for variable in ("title", "container-title", "collection-title", "number"):
        value = ref.fields.get(variable)
        if isinstance(value, str) and len(value) > 3:
            text = text.replace(value, " ")
    years = [m for m in re.finditer(rf"(?<![\d./-]){areas.YEAR}(?![\d])", text)
             if not _RANGE_AFTER.match(text, m.end())]       # matched in place: no copy of the rest
    if years:
        ref.fields["issued"] = Date(parts=[[int(years[-1].group(0))]])
        ref.extra["polybib.issued-guessed"] = "true"


#: Below this record confidence a record is reported as low-confidence (a warning).
LOW_CONFIDENCE = 0.6


def record_confidence(ref: Reference, rec: _Record | None = None) -> float:
    """How much of a usual reference was found: a title, a year, who (author/editor) and where
    (container, publisher, URL, number); text nobody claimed and guesses lower it."""
    f = ref.fields
    score = 1.0
    if rec is not None and rec.unclaimed:
        score -= 0.2
    if "title" not in f:
        score -= 0.35
    elif not re.search(r"[^\W\d_]{2}", str(f["title"])):
        score -= 0.5                                      # "%%%": not a title at all
    if "issued" not in f:
        score -= 0.15
    elif ref.extra.get("polybib.issued-guessed"):
        score -= 0.1
    if not any(k in f for k in ("author", "editor")):
        score -= 0.1
    if not any(k in f for k in ("container-title", "publisher", "publisher-place", "URL", "DOI", "number",
                                "number-of-pages", "page", "ISBN")):
        score -= 0.2
    return round(max(0.05, min(1.0, score)), 2)


def _confidence(ref: Reference, rec: _Record) -> None:
    record = record_confidence(ref, rec)
    base = record * 0.95
    if record < LOW_CONFIDENCE:
        ref.extra["polybib.low-confidence"] = f"{record:.2f}"     # flagged in the output too
    for variable in ref.fields:
        ref.confidence[variable] = round(max(0.1, min(1.0, base)), 2)
    for anchor in ("DOI", "URL", "ISBN", "accessed"):
        if anchor in ref.fields:
            ref.confidence[anchor] = 0.99
    if ref.extra.get("polybib.issued-guessed"):
        ref.confidence["issued"] = 0.5
