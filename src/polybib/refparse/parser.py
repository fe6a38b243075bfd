"""One reference string → one Reference, by rules.

Order of work: anchors out (URL, DOI, access date …); the leading name list; an APA year
right after it; a quoted title (IEEE, MLA); then the GOST structure — title area up to
`` / `` (responsibility) and ``//`` (the host item), areas split on ``. — `` — or, for
references with neither, sentences split on ``. ``; finally the pieces at the right-hand
end (year, ``Т.``, ``№``, ``С.``, ``vol.``, ``pp.``, imprint) are classified one by one.
Whatever no field claims goes to ``note`` and lowers the record's confidence.
"""
from __future__ import annotations

import re
import unicodedata

from ..dates import parse_date
from ..model import Date, Name, Reference, Source
from . import areas
from .anchors import take_anchors
from .classify import THESIS_MARKS, guess_language, guess_type
from .names import parse_names, leading_names

CITIES = {
    "м": "Москва", "m": "Moscow", "спб": "Санкт-Петербург", "с.-пб": "Санкт-Петербург",
    "л": "Ленинград", "к": "Киев", "мн": "Минск", "н. новгород": "Нижний Новгород",
    "ростов н/д": "Ростов-на-Дону", "екб": "Екатеринбург", "х": "Харьков", "свердловск": "Свердловск",
}
_NUMBERING = re.compile(r"^\s*(?:\[\d+\]|\d+[.)]|[-*•–—]\s)\s*")
_QUOTED = re.compile(r'^(?:["“«„](?P<title>.+?)[,.]?["”»“]|[\'‘](?P<single>.+?)[,.]?[\'’](?=[\s,.]))\s*[,.]?\s*')
_RESP_ROLE = re.compile(r"\b(?:ред|под\s+ред|сост|пер|науч\.\s*ред|отв\.\s*ред|eds?|edited by|trans)\b\.?", re.I)
_STANDARD_NUMBER = re.compile(r"^((?:ГОСТ|ISO|IEC|ОСТ|СТО|СНиП|СП|DIN|EN|ANSI)(?:\s+[A-ZА-Я]{1,3})?\s+[\d.\-–:]+\d)\.?\s+")
_PATENT_HEAD = re.compile(r"^(?:Пат\.|Патент|Patent)\s*(?P<number>[\d\s]+\d)\s*[^.]*?(?:МПК|IPC|Int\.\s*Cl\.)[^.]*(?:\.\d+)*[^.]*\.\s*")
_CONFERENCE_PLACE_DATE = re.compile(r",\s*[A-ZА-ЯЁ][\w-]+(?:,\s*[A-ZА-ЯЁ][\w-]+)?,\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
                                    r"\s+[A-Za-zА-Яа-яё]+\.?\s+\d{4}(?:\s*(?:года?|г\.))?\s*$")
_JOURNAL_WORDS = re.compile(r"journal|review|studies|transactions|bulletin|quarterly|letters|annals|"
                            r"proceedings|vestnik|zhurnal|izvestiya|voprosy", re.I)
_PUBLISHER_WORDS = re.compile(r"\b(?:Press|Publishers?|Publishing|Publ\.|Verlag|Books|Springer|Wiley|Elsevier|"
                              r"Routledge|Palgrave|Macmillan|Penguin|Pearson|McGraw|O'Reilly|MIT|ACM|IEEE)\b")
_PLACE_LIKE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")
_CONFERENCE_WORDS = re.compile(r"conference|symposium|congress|workshop|proceedings", re.I)
_LAW_INFO = re.compile(r"^(?:федеральный закон|закон|кодекс|постановление|указ|приказ|распоряжение)\b", re.I)
_REPORT_INFO = re.compile(r"отч[её]т о НИР|отч[её]т о научно-исследовательской|technical report", re.I)
_GOST_MARKS = re.compile(r"(?:^|\s)(?:[СТ]\.\s*\d|№|Вып\.)")
_VOLUMES = re.compile(r"^(?:in|в)\s+(\d+)\s*(?:т\.|vols?\.?)$", re.I)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u00ad", "")
    text = re.sub(r"\s+", " ", text).strip()
    return _NUMBERING.sub("", text, count=1)


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


KNOWN_PLACES = _known_places()


class _Record:
    """Fields being collected, with the pieces nobody claimed."""

    def __init__(self):
        self.fields: dict = {}
        self.unclaimed: list[str] = []
        self.etal: list[str] = []
        self.repairs: list[str] = []
        # what the text said about the kind of record, for type and language guessing
        self.electronic = False        # [Электронный ресурс], Текст : электронный
        self.in_language = ""          # (In Russ.), (In Ukr.)
        self.thesis = False
        self.chapter = False           # "In: editors (eds) Book"
        self.patent = False
        self.translation = ""          # References: "Title [English translation]"

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
    """Parse one reference.  Never raises: a string it cannot read becomes a note."""
    original = text
    source = source or Source(format="text")
    source.text = original
    rec = _Record()
    try:
        _parse_into(rec, normalize(text))
    except Exception as exc:  # a parser bug must not lose the reference
        rec.unclaimed.append(f"(parser error: {exc}) {original}")
    return _finish(rec, original, source)


def _parse_into(rec: _Record, text: str) -> None:
    text, anchors = take_anchors(text)
    if anchors.url:
        rec.claim("URL", anchors.url)
    if anchors.accessed:
        rec.claim("accessed", anchors.accessed)
    rec.claim("DOI", anchors.doi)
    rec.claim("ISBN", anchors.isbn)
    rec.claim("ISSN", anchors.issn)
    if anchors.edn:
        rec.unclaimed.append(f"EDN {anchors.edn}")
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
    names_text, rest = leading_names(text)
    if names_text:
        rec.names("author", names_text)
    rest = rest.lstrip(" .,:;")
    m = re.match(rf"^\(({areas.YEAR})[a-z]?\)\s*[.;,:]?\s*|^({areas.YEAR})[a-z]?\s*[.;,:]\s*", rest)
    if names_text and m:
        rec.claim("issued", Date(parts=[[int(m.group(1) or m.group(2))]]))
        rest = rest[m.end():]
    quoted = _QUOTED.match(rest)
    if quoted:
        rec.claim("title", (quoted.group("title") or quoted.group("single")).strip())
        _english_tail(rec, rest[quoted.end():])
        return
    host = re.search(r"\s//\s|(?<=[^\s/:])/\s(?=[A-ZА-ЯЁ])", rest)
    if host:
        head, tail = rest[:host.start()], rest[host.end():]
    else:
        head, tail = rest, ""
    gost = bool(host) or bool(re.search(r"\s[–—]\s|\.\s-\s", rest)) or " / " in head
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
    volume = re.search(r"\.\s*(?:Т\.|Vol\.)\s*(\d+)\s*$", title)
    if volume:
        rec.claim("volume", volume.group(1))        # "… наукам. Т. 1 / С.И. Макаренко"
        title = title[:volume.start()]
    parts = re.split(r"\s:\s", title, maxsplit=1)
    rec.claim("title", _clean(parts[0]))
    if len(parts) > 1:
        _other_title_info(rec, parts[1])
    if resp:
        _responsibility(rec, resp)


def _other_title_info(rec: _Record, text: str) -> None:
    text = _clean(text)
    volumes = _VOLUMES.match(text.split(".")[0].strip() + ".") or _VOLUMES.match(text)
    if THESIS_MARKS.search(text):
        rec.claim("genre", text)
        rec.thesis = True
        rec.unclaimed.append(text)
        return
    if _LAW_INFO.search(text) or _REPORT_INFO.search(text):
        rec.claim("genre", text)                  # "Федеральный закон от …", "отчет о НИР"
        rec.unclaimed.append(text)
        return
    vol = re.search(r"(?:^|\.\s)Т\.\s*(\d+)", text)
    if vol:
        rec.claim("volume", vol.group(1))
        return
    if volumes:
        rec.claim("number-of-volumes", volumes.group(1))
        return
    if re.match(r"^(?:учеб|монограф|сб\.|сборник|материалы|справочник|учебн|пособие|практикум|"
                r"хрестоматия|словарь|энциклопедия|курс лекций)", text, re.I):
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
            role = "editor" if re.search(r"ред|ed", group, re.I) else "translator"
            names = _RESP_ROLE.sub("", re.sub(r"^(?:под\s+ред\.|ed\.|edited by)\s*", "", group, flags=re.I)).strip(" .,")
            if role == "translator":
                rec.unclaimed.append(group)
            if names:
                rec.names(role, names)
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
    if place_year and place_year.group(1).strip().rstrip(".").lower() in KNOWN_PLACES:
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
        rec.unclaimed.append(area)               # application number and dates of a patent
        return
    pieces = areas.split_details(area)
    leftovers = []
    for piece in pieces:
        found = areas.classify(piece)
        if found is None:
            leftovers.append(piece)
            continue
        _apply(rec, found)
    if leftovers:
        text = ", ".join(leftovers)
        with_year = re.fullmatch(rf"(.+?),\s*{areas.YEAR}\.?", area)
        if with_year and "publisher" not in rec.fields and re.match(r"[A-ZА-ЯЁ]", with_year.group(1)):
            rec.claim("publisher", with_year.group(1).strip())   # "— IEEE, 2023", "— Dept; Univ., 2013"
        elif re.fullmatch(r"[A-ZА-ЯЁ][\w .&'\"«»-]{1,80}", text) and "publisher" not in rec.fields \
                and "container-title" in rec.fields and not rec.fields.get("publisher-place"):
            rec.claim("publisher", text)
        else:
            rec.unclaimed.append(text)


def _apply(rec: _Record, found: dict[str, str]) -> None:
    for key, value in found.items():
        if key == "year":
            rec.claim("issued", Date(parts=[[int(value)]]))
        elif key == "part":
            rec.unclaimed.append(f"Ч. {value}")
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
    if "author" not in rec.fields and len(body) > 1 and re.fullmatch(r"[A-ZА-ЯЁ][\w&.-]{1,40}", body[0]):
        rec.claim("author", [Name(literal=body[0])])     # "Kaggle. Titanic: …": an organisation
        body = body[1:]
    if "title" not in rec.fields and body and not (len(body) > 1 and not tail and rec.electronic):
        _claim_title(rec, body[0])
        body = body[1:]
    if body and len(body) > 1 and not tail and rec.electronic:
        rec.claim("title", _clean(". ".join(body)))     # a web page: the whole text is its title
        body = []
    if body and _GOST_MARKS.search(" ".join(tail)):
        # GOST marks without GOST separators (Т. 7. С. 108-115): the container is everything
        # between the title and the details, dots included ("Известия … Серия: Политология")
        rec.claim("container-title", _clean(". ".join(body)))
    elif body:
        _english_tail(rec, ". ".join(body))
    for piece in tail:
        for p in areas.split_details(piece):
            found = areas.classify(p, bare_pages=True)
            if found:
                _apply(rec, found)


def _claim_title(rec: _Record, text: str) -> None:
    """A title with what English styles and References put after it: ``[English
    translation]``, ``(3rd ed.)``."""
    translation = re.search(r"\s*\[([^\]]{3,})\]\s*$", text)
    if translation:
        rec.translation = translation.group(1).strip()
        text = text[:translation.start()]
    edition = re.search(r"\s*\((\d+(?:st|nd|rd|th)\s+ed\.?|[A-Z][a-z]+ ed\.)\)\s*$", text)
    if edition:
        rec.claim("edition", edition.group(1))
        text = text[:edition.start()]
    rec.claim("title", _clean(text))


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in re.finditer(r"[.?!]\s+(?=[A-ZА-ЯЁ0-9(«\"“№]|[СCТTPp][a-z]?\.\s*\d|pp\.)", text):
        piece = text[start:m.start() + (0 if text[m.start()] == "." else 1)]
        if re.search(r"(?:^|[\s(])(?:[A-ZА-ЯЁ]|[A-Za-zА-Яа-я]{1,2}|Proc|Univ|vol|Vol|no|No|pp|Dept|Inst|J|Sci|Int|Intl|"
                     r"Comput|Theor|Trans|Ed|Eds|ed|eds|Pt|Iss|Nr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec)$", piece) and not re.search(r"\d$", piece):
            continue                    # "Seriya 5, Geografiya" no; "Theor. Comput. Sci." keep together
        out.append(piece.strip())
        start = m.end()
    last = text[start:].strip().rstrip(".")
    if last:
        out.append(last)
    return [s for s in out if s]


def _english_tail(rec: _Record, text: str) -> None:
    """What follows the title in English styles: ``In: editors (eds) Book``, ``in Journal,
    vol. 52, no. 8, pp. 1–5, Aug. 2004``, ``Journal, 267(1), 66-72``, ``Journal 51, 173–180 (2025)``."""
    text = text.strip().strip(".,; ")
    m = re.match(r"^(?:In:?|in)\s+", text)
    if m:
        text = text[m.end():]
        eds = re.match(r"^(.+?)\s*\((?:eds?|Eds?|ed\.|Hrsg\.)\.?\)\s*[.,]?\s*", text)
        if eds:
            rec.names("editor", eds.group(1))
            text = text[eds.end():]
            rec.chapter = True
    first_sentence = _split_sentences(text)[0] if text else ""
    references_imprint = re.fullmatch(rf"([^,]+),\s*([^,]+?),\s*({areas.YEAR})\.?", first_sentence)
    if references_imprint and not m and references_imprint.group(1).strip().lower() in KNOWN_PLACES:
        rec.claim("publisher-place", references_imprint.group(1).strip())   # "Moscow, Nauka Publ., 2015"
        rec.claim("publisher", references_imprint.group(2).strip())
        rec.claim("issued", Date(parts=[[int(references_imprint.group(3))]]))
        for sentence in _split_sentences(text)[1:]:
            _detail_sentence(rec, sentence)
        return
    found = areas.imprint(first_sentence)
    if found and not m and found["publisher-place"].lower() in KNOWN_PLACES:
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
    sentences = _split_sentences(text) if ". " in text else [text]
    first = sentences[0]
    pieces = [p.strip() for p in re.split(r",\s+", first)]
    container_parts, details = [], []
    for p in pieces:
        if details or (areas.classify(p, bare_pages=True) is not None and container_parts):
            details.append(p)
        else:
            container_parts.append(p)
    while len(container_parts) > 1 and _PLACE_LIKE.fullmatch(container_parts[-1]) and \
            (_CONFERENCE_WORDS.search(container_parts[0]) or len(container_parts) > 2):
        details.insert(0, container_parts.pop())          # "…(DSPA), Moscow, Russian Federation"
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
    trailing_volume = re.match(r"^(.*\D)\s+(\d{1,4})$", container)
    if trailing_volume and details:
        container = trailing_volume.group(1)
        rec.claim("volume", trailing_volume.group(2))
    place = None
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
    rec.claim("container-title", _clean(container))
    for sentence in sentences[1:]:
        _detail_sentence(rec, sentence)


def _detail_sentence(rec: _Record, sentence: str) -> None:
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
    if rec.unclaimed:
        ref.fields["note"] = "; ".join(u for u in rec.unclaimed if u)
    for variable in rec.etal:
        ref.extra[f"polybib.etal.{variable}"] = "true"
    if rec.translation:
        ref.extra["polybib.title-translation"] = rec.translation   # "[Economy of the region]"
    source.repairs.extend(rec.repairs)
    ref.fields["language"] = rec.in_language or guess_language(ref, original)
    ref.type = guess_type(ref, thesis=rec.thesis, chapter=rec.chapter,
                          electronic=rec.electronic, text=original)
    _confidence(ref, rec)
    return ref


def _confidence(ref: Reference, rec: _Record) -> None:
    base = 0.9
    if rec.unclaimed:
        base -= 0.2
    if "title" not in ref.fields:
        base -= 0.3
    if "issued" not in ref.fields:
        base -= 0.1
    for variable in ref.fields:
        ref.confidence[variable] = round(max(0.1, min(1.0, base)), 2)
    for anchor in ("DOI", "URL", "ISBN", "accessed"):
        if anchor in ref.fields:
            ref.confidence[anchor] = 0.99
