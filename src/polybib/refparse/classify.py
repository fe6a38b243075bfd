"""The type and the language of a parsed reference, from what was found in it."""
from __future__ import annotations

import re

from ..model import Reference
from ..script import guess_language as letters_language

_CONFERENCE = re.compile(r"конференц|симпозиум|семинар|конгресс|форум|материал|сборник|труды|"
                         r"proceedings|conference|symposium|congress|workshop|colloquium|"
                         r"\bLNCS\b|lecture notes|международн\w+ научн|\bConf\.|\bProc\.|конф\.|конференц|"
                      r"\b(?:SIGIR|EMNLP|ACL|NAACL|NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|KDD|WWW|AAAI|IJCAI|CHI|"
                      r"SIGMOD|VLDB|ICSE|ICASSP|INTERSPEECH|COLING|SIGGRAPH|ISCA|SOSP|OSDI|NSDI)\b|"
                         r"konferents|konferenc|zbirnyk|sbornik|materialy|trudy|\w['’]\d\d\b", re.I)
#: "Избранные труды", "Собрание сочинений": one author's collected works, not a conference.
_COLLECTED_WORKS = re.compile(r"избранн\w* (?:труды|произведения|сочинения)|собр(?:ание|\.)\s*соч|"
                              r"вибран\w* (?:праці|твори)|зібр(?:ання|\.)\s*тв|selected works|collected works", re.I)
_JOURNAL = re.compile(r"журнал|вестник|известия|journal|transactions|review|letters|bulletin|"
                      r"вопросы|проблемы|magazine|annals|acta|\bJ\.|\bTrans\.", re.I)
_STANDARD = re.compile(r"^(?:ГОСТ|ДСТУ|СТБ|СТП|СТ РК|ISO|IEC|ОСТ|СТО|СНиП|СП|DIN|EN|ANSI|IEEE Std)\b", re.I)
#: "Система стандартов : ГОСТ 7.22-2003": the standard's number as other title information.
_STANDARD_INSIDE = re.compile(r"\s?:\s*(?:ГОСТ|ДСТУ|СТБ|СТП|СТ РК|ТР ТС|ISO|IEC)\s+[\dA-ZР]")
#: A standard's designation anywhere in the reference ("ДСТУ 3008:2015", "ТР ТС 032/2013",
#: "СТБ 6.38-2004", "ГОСТ Р 7.0.100–2018"): the standard's number.
STANDARD_NUMBER = re.compile(r"(?<![\w-])(?:ГОСТ(?:\s+Р)?|ДСТУ(?:\s+(?:ISO|EN|IEC|ГОСТ|Б)(?:/IEC)?)*|СТБ|СТП|СТО|ОСТ|СТ РК|"
                             r"ТР ТС|СНиП|ISO(?:/IEC)?|IEC|DIN(?: EN)?)\s+\d[\d.]*(?:[-–:/]\s?\d+)*(?:[-–:]\d{2,4})?")
_LAW = re.compile(r"(?:федеральный закон|закон\b|кодекс|постановление|указ|приказ)\b", re.I)
_PATENT = re.compile(r"^(?:Пат\.|Патент|Patent|Авт\.\s*св\.|А\.\s*с\.\s*\d)")
_PATENT_INSIDE = re.compile(r"\s?:\s*(?:пат\.|патент|а\.\s*с\.|авт\.\s*св\.)\s", re.I)
_REPORT = re.compile(r"отч[её]т о НИР|отч[её]т о научно-исследовательской|technical report|tech\.\s*rep|"
                     r"\(Препринт|препринт /|\bpreprint\b|\bComm\. JINR|звіт про НДР|аналітичний звіт|"
                     r"аналитический отч[её]т", re.I)
#: Standards named in English without a designation ("… Standards Publication 183", "UML 2.5.1 Specification").
_STANDARD_TITLE = re.compile(r"\bStandards? Publication\b|\d\.\d[\d.]*\s+Specification\b")
_CODE_HOST = re.compile(r"://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)/[^/\s]+/[^/\s]+/?$", re.I)
#: A container that is a web site's name ("Microservices.io", "Habr.com").
_WEBSITE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ru|ua|kz|by|info|dev|me)$", re.I)
#: "In:", "В:", "У:" or ", in “…”" before a collection's editors or title.
_IN_COLLECTION = re.compile(r"(?:^|[.,;]\s*)(?:In|В|У|Im)\s*:\s|,\s+in\s+[\"“«]|\.\s+In\s+(?=[A-Z])")
#: What marks a thesis or its abstract (автореферат) in a reference.
THESIS_MARKS = re.compile(r"(?:\bдис\.|\bдыс\.|\bдисертація|\bдисс\.|автореф\.|диссертация на соискание|Ph\.?\s?D\.?\s+thesis|"
                          r"\bdissertation\b|master'?s thesis)", re.I)
# Romanized Russian: letter clusters of the usual schemes, and no English function words.
_ROMANIZED = re.compile(r"(?:zh|kh|ts|shch|ch|yy|iy|aya|oye|nykh|skiy|skii|ogo\b|ykh\b|iia\b|iya\b)", re.I)
#: Letter groups that English words hardly have and romanized Russian journal titles do
#: ("Kristallografiya", "Poverkhnost'", "Fizika Tverdogo Tela").
_ROMANIZED_STRONG = re.compile(r"(?:zh|kh|shch|iya\b|ogo\b|ykh\b|skii\b|skoi\b|nyi\b|yy\b)", re.I)
_ENGLISH = re.compile(r"\b(?:the|of|and|for|with|in|on|a|an|to|from|by|using|based|via|between)\b", re.I)


# Function words that English titles do not use: two or more of one language decide.
_FUNCTION_WORDS = {
    "de": {"der", "die", "das", "und", "im", "des", "den", "dem", "zur", "zum", "für", "über", "ein", "eine", "mit", "von"},
    "fr": {"le", "la", "les", "et", "du", "des", "une", "dans", "pour", "sur", "aux", "au", "l'", "d'"},
    "es": {"el", "los", "las", "y", "del", "en", "una", "para", "por", "con", "como"},
    "it": {"il", "lo", "gli", "della", "delle", "dei", "nel", "nella", "una", "per", "con", "e"},
}


#: Letters that only some Latin-script languages use: one of them in a title decides.
_LATIN_LETTERS = (("pl", re.compile(r"[ąęłśźżń]")), ("cs", re.compile(r"[řěů]")), ("de", re.compile(r"[äöüß]")),
                  ("es", re.compile(r"[ñ¿¡]")), ("fr", re.compile(r"[çœèêë]")))


def _latin_language(title: str) -> str:
    lowered = title.lower()
    words = re.findall(r"[a-zäöüßàâçéèêëîïôûùÿñáíóúąęłśźżńřěů]+'?", lowered)
    if not words or _ENGLISH.search(title):
        return ""
    best = max(_FUNCTION_WORDS, key=lambda lang: sum(w in _FUNCTION_WORDS[lang] for w in words))
    hits = sum(w in _FUNCTION_WORDS[best] for w in words)
    if hits >= 2 or (hits >= 1 and re.search(r"[äöüßàâçéèêîôûñ]", lowered)):
        return best
    for lang, letters in _LATIN_LETTERS:
        if letters.search(lowered):
            return lang
    return ""


#: What a Russian or Ukrainian list adds to any reference, whatever its language.
_BOILERPLATE = re.compile(r"https?://\S+|(?i:электронный\s+ресурс|електронний\s+ресурс|режим\s+доступ[ау]|"
                          r"дата\s+(?:обращения|звернення|доступа)|текст\s*:\s*(?:электронный|непосредственный)|"
                          r"назва\s+з\s+екрана|загл\.\s*с\s+экрана|заглавие\s+с\s+экрана|название\s+с\s+экрана)")
#: Cities whose romanized name in an imprint says the work is in that country's language
#: ("Vilenkin N. Ya. Combinatorics. Moscow, Nauka, 1969.").
_ROMANIZED_PLACES = {"moscow": "ru", "moskva": "ru", "leningrad": "ru", "st. petersburg": "ru", "saint petersburg": "ru",
                     "st petersburg": "ru", "sankt-peterburg": "ru", "novosibirsk": "ru", "tomsk": "ru", "kazan": "ru",
                     "yekaterinburg": "ru", "ekaterinburg": "ru", "kyiv": "uk", "kharkiv": "uk", "lviv": "uk",
                     "odesa": "uk", "ternopil": "uk", "dnipro": "uk", "almaty": "kk", "astana": "kk", "minsk": "be"}
#: Publishers of Russian- and Ukrainian-language books, romanized ("Moscow, Nauka, 1985"), and the
#: References styles' "Publ." after a romanized publisher.
_ROMANIZED_PUBLISHER = re.compile(r"^(?:Nauka|Naukova [Dd]umka|Prosveshchenie|Vysshaya [Ss]hkola|Vyshcha [Ss]hkola|"
                                  r"Energoatomizdat|Fizmatlit|Mashinostroenie|Ekonomika|Statistika|Lybid|Osvita)\b|\bPubl\.?$")
#: Publishers that printed English editions in Moscow or Kyiv (Mir, Progress, Foreign Languages
#: Publishing House, Raduga) or abroad: their books are not translated-title Russian references.
_ENGLISH_EDITIONS = re.compile(r"\b(?:Mir|Progress|Raduga|Foreign Languages|Publishers|Press|Springer|Elsevier|Pergamon|"
                               r"Wiley|Routledge|Academic)\b")
#: Romanized abbreviations of Soviet and Russian journal titles ("Fiz. Met. Metalloved.",
#: "Zh. Eksp. Teor. Fiz.", "Metallofizika", "Izv. Akad. Nauk"): the article is in Russian.
_ROMANIZED_JOURNAL = re.compile(r"(?:^|\s)(?:Fiz|Khim|Zh|Zhurn|Izv|Dokl|Vestn|Usp|Prikl|Zap|Metalloved|Tekh|Mekh|"
                                r"Akad|Nauk)\.|\b(?:Metallofizika|Kvant|Uspekhi|Vestnik|Izvestiya|Doklady|Zhurnal|Trudy)\b")
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґўәғқңөұүһ]{3,}", re.I)
#: Cyrillic words a list adds to a foreign record's physical description ("216 с.: ил., портр., табл.").
_DESCRIPTION_WORDS = {"ил", "илл", "портр", "табл", "факс", "схем", "карт", "граф", "стр", "рис", "цв", "вып", "изд",
                      "текст", "сайт", "дата", "доступа", "обращения", "звернення", "назва", "экрана", "екрана",
                      # and the locale words of Russian, Ukrainian and Kazakh journal sites' exports of
                      # English articles ("EJPhSE [Интернет]. 2015 [цитируется по 22 ноябрь 2024 г.];
                      # доступно на: URL", "просмотрено июль 3, 2024", "Режим доступа: для авториз.
                      # пользователей", "Яз. англ.")
                      "интернет", "цитируется", "доступно", "доступний", "просмотрено", "извлечено", "переглянуто",
                      "для", "авториз", "авторизир", "пользователей", "користувачів", "свободный", "вільний",
                      "англ", "сс", "вип", "том", "режим", "доступу",
                      "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                      "ноябрь", "декабрь", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря", "січня", "лютого", "березня", "квітня", "травня",
                      "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня", "січень", "лютий",
                      "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень",
                      "листопад", "грудень"}


def guess_language(ref: Reference, text: str = "") -> str:
    title = str(ref.get("title", "")) or str(ref.get("container-title", ""))
    code = letters_language(title)
    russian_only = code == "ru" and len(title.split()) >= 3 and re.search(r"и", title, re.I) and \
        re.search(r"[ыэъё]", title, re.I) and not re.search(r"[іїєґўәғқңөұүһ]", title, re.I)
    if code in ("ru", "uk") and text and not russian_only:
        # (a title of several words with и and ы, э, ъ or ё and none of the other alphabets'
        # letters is Russian wherever it was published: "… // Вісник Київського університету";
        # Belarusian has no и, Ukrainian no ы/э/ъ/ё)
        whole = letters_language(_BOILERPLATE.sub(" ", text))
        if whole in (("uk", "be", "kk", "sr") if code == "ru" else ("kk",)):
            return whole          # "Кобзар … Київ : Дніпро": the title alone cannot tell
    if code in ("en", ""):
        other = _latin_language(f"{title} {ref.get('container-title', '') or ''}")
        if other:
            return other
    if code in ("en", "") and re.search(r"(?:^|\s)[а-яёіїєґўәғқңөұүһ]{2,}(?=\s|$)", title):
        # "Руководство по Material Design": a Cyrillic word in lower case is the title's language,
        # however many Latin letters the names in it have
        code = letters_language(" ".join(_CYRILLIC_WORD.findall(title))) or "ru"
    if code == "en":
        romanized = _romanized_country(ref)
        if romanized:
            return romanized
        if text and not _ENGLISH.search(title):
            # "Хейзинга Й. Homo Ludens. – М.: Прогресс", "Similarweb Pro [Электронный ресурс] : обзор
            # доменов": a Latin name for a work in a Cyrillic reference
            cyrillic = [w for w in _CYRILLIC_WORD.findall(_BOILERPLATE.sub(" ", text))
                        if w.lower() not in _DESCRIPTION_WORDS]
            if cyrillic:
                return letters_language(" ".join(cyrillic)) or "ru"
        words = re.findall(r"[a-z']+", title.lower())
        if words and not _ENGLISH.search(title) and len(_ROMANIZED.findall(title)) >= max(2, len(words) // 4):
            return "ru"          # a romanized Russian title ("Aspekty realizatsii …")
        return "en"
    return code or ("en" if re.search(r"[A-Za-z]{2}", title) else "")


def _romanized_country(ref: Reference) -> str:
    """The language of a Latin-titled reference that its imprint, publisher or journal
    places in Russia, Ukraine or Kazakhstan: a romanized or translated reference (``Klimishin I.A.
    "Calendar and Chronology". Moscow, Nauka, 1985``, ``…, Fiz. Met. Metalloved., 58, No. 2``)."""
    place = str(ref.get("publisher-place", "") or "").lower().strip(" .")
    container = str(ref.get("container-title", "") or "")
    if place in _ROMANIZED_PLACES and not container and not _ENGLISH_EDITIONS.search(str(ref.get("publisher", "") or "")):
        return _ROMANIZED_PLACES[place]       # a book printed there (a paper read there may be English)
    journal = container or (str(ref.get("title", "")) if ref.get("volume") or ref.get("page") else "")
    if _ROMANIZED_PUBLISHER.search(str(ref.get("publisher", "") or "")) or _ROMANIZED_JOURNAL.search(journal) or \
            (journal and not _ENGLISH.search(journal) and _ROMANIZED_STRONG.search(journal)):
        return "ru"
    return ""


#: GOST's general material designations and review marks: the CSL type they name.
_MATERIAL = (("song", re.compile(r"\[\s*(?:звукозапись|звуказапіс|звукозапис)\s*\]", re.I)),
             ("motion_picture", re.compile(r"\[\s*(?:видеозапись|відеозапис|відэазапіс)\s*\]", re.I)),
             ("map", re.compile(r"\[\s*(?:карты?|карта|мапа)\s*\]", re.I)),
             ("musical_score", re.compile(r"\[\s*(?:ноты|ноти)\s*\]", re.I)),
             ("review", re.compile(r"\[\s*(?:рецензия|рэцэнзія|рецензія)\s*\]|\b(?:Рец|Рэц)\.\s*на\s*(?:кн|ст)\.", re.I)))
#: Other title information that makes a record a book even when it is read online.
_BOOK_INFO = re.compile(r":\s*(?:\[?\s*)?(?:стат\.\s*сб|статистический сборник|учеб(?:н|\.)|навч\.\s*посіб|монограф|"
                        r"справочник|довідник|словарь|словник|энцикл)", re.I)


#: A title that is itself a law: "Гражданский кодекс Российской Федерации", "Конституция …".
LAW_TITLE = re.compile(r"^(?:[А-ЯЁ][а-яё]+\s+)?(?:кодекс|конституция)\s+(?:Российской Федерации|РФ|України|"
                       r"Республики)|^(?:Федеральный закон|Закон (?:РФ|Российской Федерации|України))\b", re.I)


def guess_type(ref: Reference, thesis: bool = False, chapter: bool = False, electronic: bool = False,
               text: str = "", law: bool = False, report: bool = False) -> str:
    f = ref.fields
    title = str(f.get("title", ""))
    container = str(f.get("container-title", ""))
    if _STANDARD.match(title) or _STANDARD.match(text.strip()) or _STANDARD_INSIDE.search(text):
        return "standard"
    for kind, mark in _MATERIAL:
        if mark.search(text):
            return kind
    if thesis or THESIS_MARKS.search(text):
        return "thesis"
    if _PATENT.match(text.strip()) or _PATENT_INSIDE.search(text):
        return "patent"
    if law or LAW_TITLE.match(title):
        return "legislation"
    if (_LAW.search(title) or _LAW.search(str(f.get("genre", "")))) and not container:
        return "legislation"
    if report or (_REPORT.search(text) and not container):
        return "report"
    if not container and ("Publication" in text or "Specification" in text) and \
            (_STANDARD_TITLE.search(title) or _STANDARD_TITLE.search(text)):
        return "standard"
    if _CODE_HOST.search(str(f.get("URL", ""))) and not any(f.get(k) for k in ("page", "volume", "issue", "publisher")):
        return "software"      # "EduGraph: вихідний код проєкту. URL: https://github.com/…"
    place = f.get("publisher-place")
    if re.search(r"\[\s*(?:сайт|site|веб-сайт|website)\s*\]|:\s*сайт\b|\bофициальный сайт\b|\bофіційний сайт\b", text, re.I) \
            and not any(f.get(k) for k in ("volume", "issue", "number-of-pages")):
        return "webpage"       # GOST's "[сайт]": "Документация к PostgreSQL : [сайт] / Postgres Professional"
    if not container and _BOOK_INFO.search(text):
        return "book"          # "Образование, 2026 : стат. сб. / … [Электронный ресурс]. – Режим доступа: URL"
    if not container and _IN_COLLECTION.search(text) and (f.get("editor") or f.get("publisher") or f.get("page")):
        return "chapter"       # "A source. In: W. Jones, ed. …", ", in \"International …\", eds."
    if container and f.get("number-of-pages") and not f.get("page") and not f.get("issue"):
        return "book"          # "… — 306 с. — Текст : электронный // Лань : ЭБС": a book on a platform
    if container:
        if chapter:
            return "chapter"
        conference = bool(_CONFERENCE.search(container)) and not _COLLECTED_WORKS.search(container)
        journal = bool(_JOURNAL.search(container))
        if conference and not journal and not f.get("issue"):
            return "paper-conference"
        if (f.get("publisher") or place) and not journal and (place or not f.get("issue")):
            # a collection has an imprint; a journal has none ("// Сб. ст. – Минск, 2014. – С. 56–64",
            # DSTU "… Назва збірника : монографія. Чернівці, 2012. С. 151–169")
            return "paper-conference" if conference else "chapter"
        if not any(f.get(k) for k in ("volume", "issue", "page", "number-of-pages", "DOI")) and \
                (_WEBSITE.match(container) or (f.get("URL") and not place and not f.get("publisher"))):
            return "webpage"   # "Pattern: API Gateway. Microservices.io.", "PHP Group. PHP Manual. URL: …"
        return "article-journal"
    if f.get("publisher") or f.get("number-of-pages") or f.get("ISBN") or f.get("edition"):
        return "book"
    if f.get("URL"):
        if f.get("volume") or f.get("issue"):
            return "article-journal"   # a journal site's export: "EJPhSE [Интернет]. 2015;137(3). доступно на: URL"
        return "book" if place and not electronic else "webpage"   # "Elements of Set Theory (textbook). Tomsk, 2003. URL"
    if place:
        # a page range and no container: a part of a book whose title the labeller missed
        return "chapter" if re.search(r"\d\s*[-–—]\s*\d", str(f.get("page", ""))) else "book"
    if f.get("volume") or f.get("issue") or re.search(r"\d\s*[-–—]\s*\d", str(f.get("page", ""))):
        return "article-journal"
    if f.get("page"):
        return "book"          # "Поссевино А. Исторические сочинения … – М., 1983, с. 272": a page of a book
    # author, title, year and nothing else: most often a book ("Schmidt D. A. Denotational Semantics. 1997.");
    # a title alone says nothing (the caller makes it an article, a CSL type)
    return "book" if f.get("author") or f.get("issued") else "document"
