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
                         r"\w['’]\d\d\b", re.I)
_JOURNAL = re.compile(r"журнал|вестник|известия|journal|transactions|review|letters|bulletin|"
                      r"вопросы|проблемы|magazine|annals|acta|\bJ\.|\bTrans\.", re.I)
_STANDARD = re.compile(r"^(?:ГОСТ|ДСТУ|СТБ|СТП|СТ РК|ISO|IEC|ОСТ|СТО|СНиП|СП|DIN|EN|ANSI|IEEE Std)\b", re.I)
#: "Система стандартов : ГОСТ 7.22-2003": the standard's number as other title information.
_STANDARD_INSIDE = re.compile(r"\s:\s*(?:ГОСТ|ДСТУ|СТБ|СТ РК|ISO)\s+[\dA-ZР]")
_LAW = re.compile(r"(?:федеральный закон|закон\b|кодекс|постановление|указ|приказ)\b", re.I)
_PATENT = re.compile(r"^(?:Пат\.|Патент|Patent|Авт\.\s*св\.|А\.\s*с\.\s*\d)")
_PATENT_INSIDE = re.compile(r"\s:\s*(?:пат\.|патент|а\.\s*с\.|авт\.\s*св\.)\s", re.I)
_REPORT = re.compile(r"отч[её]т о НИР|отч[её]т о научно-исследовательской|technical report|tech\.\s*rep|"
                     r"\(Препринт|препринт /|\bpreprint\b|\bComm\. JINR|звіт про НДР|аналітичний звіт|"
                     r"аналитический отч[её]т", re.I)
#: What marks a thesis or its abstract (автореферат) in a reference.
THESIS_MARKS = re.compile(r"(?:\bдис\.|\bдыс\.|\bдисертація|\bдисс\.|автореф\.|диссертация на соискание|Ph\.?\s?D\.?\s+thesis|"
                          r"\bdissertation\b|master'?s thesis)", re.I)
# Romanized Russian: letter clusters of the usual schemes, and no English function words.
_ROMANIZED = re.compile(r"(?:zh|kh|ts|shch|ch|yy|iy|aya|oye|nykh|skiy|skii|ogo\b|ykh\b|iia\b|iya\b)", re.I)
_ENGLISH = re.compile(r"\b(?:the|of|and|for|with|in|on|a|an|to|from|by|using|based|via|between)\b", re.I)


# Function words that English titles do not use: two or more of one language decide.
_FUNCTION_WORDS = {
    "de": {"der", "die", "das", "und", "im", "des", "den", "dem", "zur", "zum", "für", "über", "ein", "eine", "mit", "von"},
    "fr": {"le", "la", "les", "et", "du", "des", "une", "dans", "pour", "sur", "aux", "au", "l'", "d'"},
    "es": {"el", "los", "las", "y", "del", "en", "una", "para", "por", "con", "como"},
    "it": {"il", "lo", "gli", "della", "delle", "dei", "nel", "nella", "una", "per", "con", "e"},
}


def _latin_language(title: str) -> str:
    words = re.findall(r"[a-zäöüßàâçéèêëîïôûùÿñáíóú]+'?", title.lower())
    if not words or _ENGLISH.search(title):
        return ""
    best = max(_FUNCTION_WORDS, key=lambda lang: sum(w in _FUNCTION_WORDS[lang] for w in words))
    hits = sum(w in _FUNCTION_WORDS[best] for w in words)
    return best if hits >= 2 or (hits >= 1 and re.search(r"[äöüßàâçéèêîôûñ]", title.lower())) else ""


def guess_language(ref: Reference, text: str = "") -> str:
    title = str(ref.get("title", "")) or str(ref.get("container-title", ""))
    code = letters_language(title)
    if code == "ru" and text:
        whole = letters_language(re.sub(r"https?://\S+", "", text))
        if whole in ("uk", "be", "kk", "sr"):
            return whole          # "Кобзар … Київ : Дніпро": the title alone cannot tell
    if code == "en":
        other = _latin_language(title)
        if other:
            return other
        words = re.findall(r"[a-z']+", title.lower())
        if words and not _ENGLISH.search(title) and len(_ROMANIZED.findall(title)) >= max(2, len(words) // 4):
            return "ru"          # a romanized Russian title ("Aspekty realizatsii …")
        return "en"
    return code or ("en" if re.search(r"[A-Za-z]{2}", title) else "")


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
    if container and f.get("number-of-pages") and not f.get("page") and not f.get("issue"):
        return "book"          # "… — 306 с. — Текст : электронный // Лань : ЭБС": a book on a platform
    if container:
        if chapter:
            return "chapter"
        if _CONFERENCE.search(container) and not _JOURNAL.search(container) and not f.get("issue"):
            return "paper-conference"
        if f.get("publisher") and not f.get("issue") and not _JOURNAL.search(container):
            return "chapter" if not _CONFERENCE.search(container) else "paper-conference"
        return "article-journal"
    if f.get("publisher") or f.get("number-of-pages") or f.get("ISBN") or f.get("edition"):
        return "book"
    if f.get("URL") and (electronic or not f.get("issued")):
        return "webpage"
    if f.get("URL"):
        return "webpage"
    return "book" if f.get("publisher-place") else "article-journal" if f.get("volume") or f.get("issue") else "document"
