"""Rules and the CRF together: one record from both.

The rule parser runs first.  Its anchors (URL, DOI, ISBN, ISSN, access date) are exact and
stay; its other fields become the ``rl=`` feature of the tokens that spell them, and the CRF
labels every token of what the anchors left.  Each labelled span becomes a field: where the CRF
took exactly the tokens the rules took, the rules' value is kept (their normalisation knows
more, e.g. ``под ред. Соколова`` → ``Соколов``); elsewhere the span's value comes from
``spans.value``.  A rule field the CRF did not label is dropped when the rules' tokens were
found in the text (the CRF read them otherwise) and kept when they were not (a value the rules
computed).  Type comes from the fields and the markers (``classify.guess_type``) and is always
a CSL type; per-field confidence is the smallest marginal over the field's tokens.
"""
from __future__ import annotations

import json
import re

from ..model import Date, Name, Reference
from . import labeller
from .align import LABELS, NAME_LABELS, align
from .classify import STANDARD_NUMBER, guess_language, guess_type
from .names import ORGANISATION, is_organisation
from .spans import spans, value
from .tokens import MARKERS, fold, token_features, tokenize

ANCHORS = ("URL", "DOI", "ISBN", "ISSN", "accessed")
#: Where the model's own label is less likely than this, the rules' label is taken (chosen on
#: the work split by benchmarks/tune_crf.py with c1/c2 = 0.2/0.3: 0 and 0.2 → 0.8929, 0.35 →
#: 0.8893, 0.5 → 0.8844 micro F1 on wave2-work.jsonl with a model trained without it; never on
#: held-out data).  Low: where the regularised model is unsure, it is still right more often.
RULE_FALLBACK = 0.2
#: Names the rules found (after a role word, in a heading) that the model, at even odds or
#: worse, would leave unread ("К. Тульцева ред."): a name read is worth more than a name lost.
#: On a work half with a model trained without it: 0.45 → 89, 0.55–0.8 → 90 of 137 wholly right
#: (editor F1 0.57 → 0.78); AnyStyle's odd half unchanged.
NAME_FALLBACK = 0.55
#: The least confidence of a field on which the model and the rules agree (value or tokens).
AGREED = 0.6
#: Below this a field is listed in ``polybib.low-confidence-fields`` and warned about.
LOW_FIELD_CONFIDENCE = 0.5


def item_of(fields: dict) -> dict:
    """A Reference's fields the way ``align`` reads a CSL-JSON item."""
    out = {}
    for key, v in fields.items():
        if isinstance(v, list) and v and isinstance(v[0], Name):
            out[key] = [{"family": n.family or n.literal, "given": n.given} for n in v]
        elif isinstance(v, Date):
            out[key] = {"date-parts": v.parts} if v.parts else {}
        else:
            out[key] = v
    return out


def features_for(text: str, rule_fields: dict):
    tokens = tokenize(text)
    rule_labels = align(tokens, item_of(rule_fields))
    return tokens, rule_labels, token_features(tokens, rule_labels)


#: Longer texts are not one reference (a list pasted on one line): the rules' record stands.
MAX_CHARS = 3000
#: Words that may stay unlabelled without being "text no field claims".
_EXPLAINED = {"in", "of", "from", "the", "at", "by", "on", "pages", "page", "retrieved", "available", "and",
              "accessed", "url", "режим", "доступа", "дата", "обращения", "звернення", "ed", "eds", "edited",
              "под", "за", "ред", "редакцией", "редакцією", "общ", "науч", "пер", "англ", "с", "со", "сост",
              "уклад", "упоряд", "отв", "гл", "вып", "серия", "сер", "ser", "series", "изд", "вид", "publ",
              "текст", "электронный", "непосредственный", "ресурс", "online", "internet", "print", "электрон",
              "дан", "гг", "г", "р", "pp", "vol", "no", "др", "al", "et", "ін", "та", "und", "hrsg", "hg",
              "trans", "translated", "by", "press", "cited", "thesis", "diss", "дис", "автореф", "канд", "наук"}


_PUNCTUATION = set(".,;:()[]/-–—«»\"'“”„‘’!?&№+*=<>_#%@…") | {"//", "..."}


def _unclaimed(text, tokens, labels, fields) -> list[str]:
    """Runs of unlabelled words that are neither markers nor the names already read."""
    known = set(_EXPLAINED) | set(MARKERS)
    for label in NAME_LABELS:
        for name in fields.get(label) or []:
            known.update(fold(w) for w in re.findall(r"[^\W_]+", f"{name.family} {name.given} {name.literal}"))
    out, run, odd = [], [], False
    for token, label in zip(tokens + [None], labels + ["END"]):
        if label == "O" and token is not None:
            run.append(token)
            w = fold(token.text)
            if (token.text[0].isalpha() and len(w) > 2 and w not in known) or \
                    (not token.text[0].isalnum() and token.text not in _PUNCTUATION):
                odd = True
            continue
        if run and odd:
            out.append(text[run[0].start:run[-1].end].strip(" .,;:—–-/"))
        run, odd = [], False
    return [o for o in out if o]


def combine(rule_ref: Reference, rec, original: str) -> Reference:
    from .parser import LOW_CONFIDENCE, record_confidence     # parser imports this module
    text = rec.body
    if len(text) > MAX_CHARS:
        return rule_ref
    tokens, rule_labels, feats = features_for(text, rule_ref.fields)
    if not tokens:
        return rule_ref
    labels, marginals = labeller.tag(feats, rule_labels)
    for i, m in enumerate(marginals):
        if rule_labels[i] != labels[i] and (m < RULE_FALLBACK or (
                m < NAME_FALLBACK and labels[i] == "O" and rule_labels[i] in NAME_LABELS)):
            labels[i] = rule_labels[i]          # the model is unsure here: the rules decide
    _repair(tokens, labels)
    _container_stops_at_an_area(tokens, labels)
    _marked_numbers(tokens, labels)
    found = spans(text, tokens, labels, marginals)
    rule_tokens: dict[str, tuple[int, int]] = {}
    for i, label in enumerate(rule_labels):
        if label != "O":
            a, b = rule_tokens.get(label, (i, i))
            rule_tokens[label] = (min(a, i), max(b, i + 1))
    fields: dict = {}
    confidence: dict[str, float] = {}
    etal: list[str] = []
    unused = list(labels)          # tokens no field took: O, and later spans of a label taken already
    taken: dict[str, tuple[int, int]] = {}
    journal_numbers = not any(s.label in ("container-title", "publisher", "publisher-place") for s in found) and \
        any(s.label in ("volume", "issue") for s in found) and any(s.label == "page" for s in found)
    for span in found:
        label = span.label
        if label == "title" and "title" in fields and journal_numbers and "container-title" not in fields:
            # a second title span in an article with no journal ("«Зміст». Computer systems and
            # information technologies, no. 3 … : 4–5"): the journal
            label = span.label = "container-title"
        if label in fields:
            unused[span.start:span.end] = ["O"] * (span.end - span.start)
            continue
        if rule_tokens.get(label) == (span.start, span.end) and label in rule_ref.fields:
            fields[label] = rule_ref.fields[label]
            if rule_ref.extra.get(f"polybib.etal.{label}"):
                etal.append(label)
            confidence[label] = max(span.confidence, AGREED)
            continue
        taken.setdefault(label, (span.start, span.end))
        got = value(label, span.text)
        if got is None:
            unused[span.start:span.end] = ["O"] * (span.end - span.start)
            continue
        if label in NAME_LABELS:
            names, is_etal = got
            ruled = rule_ref.fields.get(label)
            at = rule_tokens.get(label)
            bare = any(n.literal and not n.family and len(n.literal.split()) == 1 for n in names)
            overlaps = at is not None and at[0] < span.end and span.start < at[1]
            if ruled and (_misread(names) or (bare and overlaps)) and not _misread(ruled):
                names = ruled                     # the span's names would not parse; the rules' did
                is_etal = bool(rule_ref.extra.get(f"polybib.etal.{label}"))
            fields[label] = names
            if is_etal:
                etal.append(label)
        else:
            fields[label] = got
        confidence[label] = span.confidence
        if rule_ref.fields.get(label) == fields[label]:
            confidence[label] = max(span.confidence, AGREED)   # two readings agree on the value
    journal_only = taken.get("container-title") == rule_tokens.get("title") and _journal_follows_names(text, tokens, labels)
    if "title" not in fields and "title" in rule_ref.fields and "title" in rule_tokens and not journal_only:
        # a reference has a title: where the model found none, the rules' title stands, and a
        # name list the model stretched over it is the rules' list (unless the model read that
        # very span as the journal of a reference without a title: "…, Metallofizika, 12, No. 5")
        a, b = rule_tokens["title"]
        fields["title"] = rule_ref.fields["title"]
        confidence["title"] = 0.5
        for label in NAME_LABELS:
            span = taken.get(label)
            if span and span[0] < b and a < span[1]:
                if label in rule_ref.fields:
                    fields[label] = rule_ref.fields[label]
                else:
                    fields.pop(label, None)
    for label, v in rule_ref.fields.items():
        if label in fields or label == "note":
            continue
        if label in ANCHORS or label not in LABELS or label not in rule_tokens:
            fields[label] = v                     # anchors, and values the rules computed
            confidence[label] = rule_ref.confidence.get(label, 0.9)
            if label in NAME_LABELS and rule_ref.extra.get(f"polybib.etal.{label}"):
                etal.append(label)
    ruled = rule_ref.fields.get("author")
    at = rule_tokens.get("author")
    if ruled and at and not any(label in fields for label in NAME_LABELS) and \
            all(label == "O" for label in labels[at[0]:at[1]]) and \
            not _misread(ruled) and all(n.family for n in ruled):
        fields["author"] = ruled     # names the model left unread (" / Татьяна Матасова"): the rules' stand
        confidence["author"] = 0.5
        if rule_ref.extra.get("polybib.etal.author"):
            etal.append("author")
    container = fields.get("container-title")
    if isinstance(container, str) and isinstance(fields.get("title"), str) and \
            fields["title"].startswith(container) and container.count(" ") <= fields["title"].count(" "):
        fields.pop("container-title")     # one span read twice (the rules' container, the model's title)
        confidence.pop("container-title", None)
    publisher = fields.get("publisher")
    publisher_words = re.findall(r"[^\W\d_]+", publisher) if isinstance(publisher, str) else []
    if "publisher-place" not in fields and 0 < len(publisher_words) <= 3 and \
            all(fold(w) in _places() for w in publisher_words):
        fields["publisher-place"] = fields.pop("publisher")     # "Херсон, 2017. 212 с.": a place, no publisher
        confidence["publisher-place"] = confidence.pop("publisher", 0.6)
    title = fields.get("title")
    if rec.translation and isinstance(title, str) and "[" + rec.translation[:10] in title:
        fields["title"] = title[:title.rfind("[")].rstrip(" .:")     # "Oblaka i biznes [Clouds and business]"
    unclaimed = _unclaimed(text, tokens, unused, fields)
    notes = list(rec.kept) + unclaimed
    if notes:
        fields["note"] = "; ".join(notes)
    _journal_without_title(text, tokens, labels, fields, confidence)
    _journal_inside_title(text, fields, confidence)
    _organisation_heading(text, fields, confidence)
    _named_source_heading(text, fields, confidence)
    _close_title(text, fields)
    _publisher_as_container(text, fields, confidence)
    _page_count(text, fields, confidence)
    if "publisher" in fields and fields["publisher"] == fields.get("title"):
        fields.pop("publisher")            # one span read twice ("Kotlin Documentation. Coroutines Guide.")
    ref = Reference(source=rule_ref.source)
    ref.fields = fields
    ref.extra = {k: v for k, v in rule_ref.extra.items()
                 if not k.startswith(("polybib.etal.", "polybib.low-confidence", "polybib.issued-guessed"))}
    if "issued" not in fields and "issued" in rule_ref.fields:
        fields["issued"] = rule_ref.fields["issued"]
        confidence["issued"] = rule_ref.confidence.get("issued", 0.5)
        if rule_ref.extra.get("polybib.issued-guessed"):
            ref.extra["polybib.issued-guessed"] = "true"
    for label in etal:
        ref.extra[f"polybib.etal.{label}"] = "true"
    language = rec.in_language or guess_language(ref, original)
    if language == "en" and (rec.translation or re.search(r"\bPubl\.", str(fields.get("publisher", "")))):
        language = "ru"
    fields["language"] = language
    _issue_is_year(fields)
    act = _LAW_NUMBER.search(original.split("//")[0]) if "№" in original else None
    ref.type = guess_type(ref, thesis=rec.thesis, chapter=rec.chapter, electronic=rec.electronic,
                          text=original, law=rec.law or bool(act), report=rec.report)
    if ref.type == "document":
        ref.type = "article"
    _standalone_container(ref.type, text, fields, confidence)
    designation = _designation(ref.type, original)
    if not designation and "number" not in fields and "container-title" not in fields:
        # an act's or a document's "№" read as an issue (or, by a model unsure of it, as a page
        # count or a page), in a record with no journal to have one:
        # "… № 592 қаулысымен бекітілген", "Т. III. — Док. № 108. — С. 560–567"
        document = _DOCUMENT_NUMBER.search(original) if "Док" in original or "Doc" in original else None
        marked = (act.group("number") or act.group("after")) if act and ref.type in ("legislation", "regulation") \
            else document.group(1) if document else ""
        misread = next((k for k in ("issue", "number-of-pages", "page") if marked and fields.get(k) == marked), None)
        if misread:
            fields.pop(misread)
            confidence.pop(misread, None)
            designation = marked
        elif act and act.group("after") and ref.type in ("legislation", "regulation") and \
                not any(v == marked for k, v in fields.items() if k != "note"):
            designation = marked           # "№ 592 қаулысымен" the model left unread: no field holds it
    if designation:
        fields["number"] = designation
        confidence["number"] = 0.9
    for anchor in ANCHORS:
        if anchor in fields:
            confidence[anchor] = 0.99
    ceiling = 0.85 if unclaimed else 1.0          # text no field claims: the record is less sure
    ref.confidence = {k: round(min(ceiling, confidence.get(k, 0.9)), 2) for k in fields}
    record = record_confidence(ref) - (0.2 if unclaimed else 0.0)
    if record < LOW_CONFIDENCE:
        ref.extra["polybib.low-confidence"] = f"{max(record, 0.05):.2f}"
    low = sorted(k for k, c in ref.confidence.items() if c < LOW_FIELD_CONFIDENCE and k != "note")
    if low:
        ref.extra["csl.custom"] = json.dumps({"polybib.low-confidence-fields": low}, ensure_ascii=False)
    return ref


#: A patent's or author's certificate's number ("а. с. SU 935780", "Пат. 2345678 Рос. Федерация"), a
#: report's ("Technical Report MAC-TR-120").
_PATENT_NUMBER = re.compile(r"(?i:а\.\s*с\.|авт\.\s*св(?:ид)?\.|пат\.|патент|patent)\s*(?:№\s*)?(?:[A-Z]{2}\s*)?"
                            r"(\d[\d\s]{2,}\d(?:\s?[A-Z]\d?)?)\b")
#: "Federal Information Processing Standards Publication 183": a standard known by its number.
_STANDARD_PUBLICATION = re.compile(r"\bStandards? Publication\s+(\d+(?:[.-]\w+)*)")
_REPORT_NUMBER = re.compile(r"(?i:technical report|tech\.\s*rep\.?|report)\s+(?:(?i:no)\.?\s*)?([A-Z][\w-]*\d[\w-]*|\d[\w-]*)")


#: A legal act's number beside the word naming the act, in Russian, Ukrainian and Kazakh
#: (``Федеральный закон от 26.07.2006 № 135-ФЗ``, ``Наказ МОН … № 1234``, ``ҚР Үкіметінің 2024
#: жылғы 24 шілдедегі № 592 қаулысымен``).  Only before a ``//``: after it, ``№`` is the gazette's
#: issue; and no full stop after a word longer than an abbreviation in between ("Закон и право.
#: 2015. № 3" is a journal's issue).
_ACT_WORDS = (r"(?:закон(?:а|у|ом|ы)?|кодекс\w*|постановлени\w+|указ(?:а|ом)?|приказ(?:а|ом)?|распоряжени\w+|"
              r"постанов[аиою]\w*|наказ(?:у|ом)?|розпорядженн\w+|декрет\w*|қаулы\w*|заң\w*|бұйры\w+|жарлы\w+|"
              r"шешім\w*)")
_ACT_NUMBER_TEXT = r"(\d[\w/]*(?:[-–][\wА-ЯІ]+)*)"
_LAW_NUMBER = re.compile(rf"(?i:\b{_ACT_WORDS}\b)(?:[^№/.]|\.(?=\d)|(?<=\s\w)\.|(?<=\s\w\w)\.|(?<=\s\w\w\w)\.|(?<=\s\w\w\w\w)\.){{0,80}}?№\s*(?P<number>{_ACT_NUMBER_TEXT[1:-1]})|"
                         rf"№\s*(?P<after>{_ACT_NUMBER_TEXT[1:-1]})\s+(?i:{_ACT_WORDS})\b")
#: A numbered document inside a volume of documents ("Т. III. — Док. № 108").
_DOCUMENT_NUMBER = re.compile(r"\b(?:Док|Doc)\.\s*(?:№|No\.?)\s*(\d+[\w/-]*)")


#: What follows the names in a reference without an article title (Soviet and translated physics
#: lists): the journal, volume, issue, pages and year ("…, et al., Metallofizika, 12, No. 5, 124-126
#: (1990).", "Журн. аналит. химии, 18, 769, 1963").
_JOURNAL_ONLY = re.compile(
    r"^[\s,.]*(?:(?:et al|и др)\.,?\s*)?(?P<journal>[A-ZА-ЯЁ][^\W\d_’'-]*\.?(?:\s+[^\W\d_][\w’'-]*\.?){0,6}?)\s*,\s+"
    r"(?:(?:[Vv]ol\.|Т\.)?\s*(?P<volume>\d+[A-Za-z]?)\s*,\s+)?(?:(?:No|N|№|Вып)\.?\s*(?P<issue>\d+)\s*,\s+)?"
    r"(?:[PpСс]\.\s*)?(?P<page>\d+(?:\s*[-–]\s*\d+)?)\s*(?:,\s*|\(\s*)(?P<year>1[89]\d\d|20\d\d)\)?\s*\.?\s*$")


def _journal_follows_names(text: str, tokens, labels: list[str]):
    """The match of ``_JOURNAL_ONLY`` right after the names, or None."""
    ends = [t.end for t, label in zip(tokens, labels) if label in ("author", "editor")]
    m = _JOURNAL_ONLY.match(text[max(ends):]) if ends else None
    if m and re.search(r"[A-Za-z]", m.group("journal")) and re.search(r"(?:^|\s)[a-z]", m.group("journal")):
        return None        # a Latin journal's abbreviated words are capitalised: "graph collaborative" is a title
    return m


def _journal_without_title(text: str, tokens, labels: list[str], fields: dict, confidence: dict) -> None:
    """Names, then a journal and its numbers with no article title between them: the labeller
    takes the journal for a title, or cuts it in two at its abbreviations ("Rus" + "Rus. Phys").
    When what it read as title and container both lie inside that one span, the span is the
    container and the record has no title (as the labelled sets write such references)."""
    m = _journal_follows_names(text, tokens, labels) if "title" in fields else None
    if not m:
        return
    journal = m.group("journal").strip()
    title, container = str(fields.get("title", "")), str(fields.get("container-title", "") or "")
    if not (journal.startswith(title.rstrip(".")) or title.startswith(journal + ",")) or \
            (container and container.rstrip(".") not in journal):
        return
    fields.pop("title")
    fields["container-title"] = journal
    confidence["container-title"] = confidence.pop("title", 0.6)
    for key in ("volume", "issue", "page"):
        if m.group(key) and key not in fields:
            fields[key] = m.group(key)
            confidence[key] = 0.6


def _journal_inside_title(text: str, fields: dict, confidence: dict) -> None:
    """DSTU 8302 and GOST 7.0.100 articles without ``//`` ("Назва статті. Назва журналу. 2023. № 2.
    С. 112–120."): where the labeller ran the title on over the journal, a record with an issue or
    volume and a page range but no container and no imprint (a book's pages in a volume of
    documents have one) has its journal in the title's last sentence."""
    title = fields.get("title")
    if any(k in fields for k in ("container-title", "publisher", "publisher-place")) or not isinstance(title, str) or \
            not (fields.get("issue") or fields.get("volume")) or not re.search(r"\d\s*[-–]\s*\d", str(fields.get("page", ""))):
        return
    head, sep, last = title.rpartition(". ")
    if not sep and title.count(", ") == 1 and re.match(r"\s*,\s*(?:\(\d+\)|\d+\s*\(|no\.|№|т\.|vol\.)",
                                                        text[text.find(title) + len(title):] if title in text else ""):
        head, sep, last = title.rpartition(", ")     # "Сведения об авторах, Информационно-управляющие системы, (1)"
    if not sep or len(head.split()) < 2 or len(last.split()) < 2 or not last[:1].isupper() or \
            re.search(r"[:(]", last) or re.search(r"\b(?:[A-ZА-ЯЁІЇЄ]|[Тт]|[Чч]|[Вв]ип|[Вв]ып)$", head):
        return              # a subtitle ("Лексикологія. Фонетика: …"), an initial or a "Т." before the stop
    fields["title"], fields["container-title"] = head, last
    confidence["container-title"] = confidence.get("title", 0.6)


def _organisation_heading(text: str, fields: dict, confidence: dict) -> None:
    """"PHP Group. PHP Manual. URL: …", "Асоціація ритейлерів України. Аналітичний звіт: … URL: …":
    an organisation's name heading a reference with no author is its author, and the sentence
    after it the title (the labeller took the name for the title)."""
    title = fields.get("title")
    if any(k in fields for k in ("author", "editor")) or not isinstance(title, str) or \
            len(title.split()) > 8 or not is_organisation(title) or not text.lstrip().startswith(title):
        return
    rest = text.lstrip()[len(title):]
    m = re.match(r"\s*\.\s+(?P<next>[^\s.][^.]*?(?:\.(?!\s)[^.]*?)*?)\s*(?:\.\s|\.?$|\s[–—-]\s|\s*\[|\s+URL\b)", rest)
    if not m or len(m.group("next").split()) < 2 or not re.search(r"[^\W\d_]{3}", m.group("next")):
        return
    nxt = m.group("next").strip(" .,:;")
    fields["author"] = [Name(literal=title)]
    confidence["author"] = confidence.get("title", 0.6)
    fields["title"] = nxt
    if fields.get("container-title") == nxt:
        fields.pop("container-title")
    if isinstance(fields.get("note"), str):      # the title's words, left unlabelled, are no longer unclaimed
        _drop_from_note(fields, lambda part: part in nxt or nxt in part)


def _drop_from_note(fields: dict, claimed) -> None:
    """The note's unclaimed pieces without those a field now claims (``claimed(piece)``);
    no note when none is left."""
    note = "; ".join(part for part in str(fields.get("note", "")).split("; ") if not claimed(part))
    if note:
        fields["note"] = note
    else:
        fields.pop("note", None)


#: IEEE's reference to a project or an organisation's page: 'Pallets, “Flask,” GitHub repository',
#: 'OpenCV, "HOG Descriptor and Object Detection," Documentation'.
_IEEE_SOURCE = re.compile(r"^\s*(?P<who>[A-Z][\w.&+-]*(?:\s[A-Z][\w.&+-]*){0,3}),\s*[“\"](?P<title>[^”\"]{3,}?),?\s*[”\"]")
#: An acronym heading a web reference: "UNESCO. Kazakh traditional Assyk games. – … – URL: …",
#: "CISA. UDP-Based Amplification Attacks / … — URL: …".
_ACRONYM_HEADING = re.compile(r"^\s*(?P<who>[A-ZА-ЯЁ]{2,}(?:\s[A-ZА-ЯЁ]{2,})?)\.\s+(?=[A-ZА-ЯЁ\d])")


def _named_source_heading(text: str, fields: dict, confidence: dict) -> None:
    """Who published a web page or a repository, named before its title, read as the author where
    the labeller put it into the title and no author was found."""
    if any(k in fields for k in ("author", "editor")) or not isinstance(fields.get("title"), str):
        return
    title = fields["title"]
    m = _IEEE_SOURCE.match(text)
    if m and m.group("title").strip(" ,") in title and m.group("title") != title:
        fields["author"] = [Name(literal=m.group("who"))]
        fields["title"] = m.group("title").strip(" ,")
        confidence["author"] = confidence.get("title", 0.6)
        return
    m = _ACRONYM_HEADING.match(text)
    if not m or not fields.get("URL"):
        return
    if title.startswith(m.group(0).strip()) and len(title) > m.end() + 3:
        fields["title"] = title[len(m.group(0).strip()):].strip()
    elif not text[m.end():].startswith(title):
        return
    fields["author"] = [Name(literal=m.group("who"))]
    confidence["author"] = confidence.get("title", 0.6)
    _drop_from_note(fields, lambda part: not part or part == m.group("who"))


#: A publishing house's name ("O'Reilly Media", "Apress", "MIT Press", "Manning Publications").
_PUBLISHER_NAME = re.compile(r"\b(?:Media|Press|Publishing|Publishers|Publications|Verlag|Books|O['’]Reilly|Springer|Wiley|"
                             r"Elsevier|Routledge|Pearson|Apress|Manning|Packt|Addison[- ]Wesley|Prentice[- ]Hall|"
                             r"McGraw[- ]Hill|No Starch)\b")


def _publisher_as_container(text: str, fields: dict, confidence: dict) -> None:
    """"Newman S. Building Microservices (2nd Edition). O'Reilly Media, 2021.": a publishing house
    read as a journal, in a record with no volume, issue, ``//`` or ``In:`` to have one."""
    container = fields.get("container-title")
    if not isinstance(container, str) or "publisher" in fields or fields.get("volume") or fields.get("issue") or \
            len(container.split()) > 5 or not _PUBLISHER_NAME.search(container) or \
            re.search(r"//|\b(?:In|В|У)\s*:|,\s+in\s", text):
        return
    fields["publisher"] = fields.pop("container-title")
    confidence["publisher"] = confidence.pop("container-title", 0.6)


def _page_count(text: str, fields: dict, confidence: dict) -> None:
    """"Moscow: Nauka, 1987, 156 p.": a number before ``p.``/``с.``/``S.`` (not after it, as in
    ``с. 272``) in a record with no container is the book's page count, not a page; and a "page
    range" of two years without a page mark is when the volumes came out."""
    page = fields.get("page")
    years = re.fullmatch(r"(1[5-9]\d\d|20[0-3]\d)\s*[-–]\s*(1[5-9]\d\d|20[0-3]\d)", page) if isinstance(page, str) else None
    if years and int(years.group(1)) < int(years.group(2)) and \
            not any(k in fields for k in ("container-title", "volume", "issue")) and not re.search(
            rf"(?:\b[PpСсSs]\.|pp\.|pages)\s*{years.group(1)}", text):
        # "М.-Л.: Изд-во АН СССР, 1949–1962.": the years a multi-volume work came out in
        fields.pop("page")
        confidence.pop("page", None)
        fields["issued"] = Date(parts=[[int(years.group(1))]])
        return
    if not isinstance(page, str) or not page.isdigit() or "container-title" in fields or "number-of-pages" in fields:
        return
    if re.search(rf"(?<![\d.:-]){page}\s*(?:p|pp|pages|с|стр|S|c|б|бет)\.?(?=$|[\s.,;:\[(])", text):
        fields["number-of-pages"] = fields.pop("page")
        confidence["number-of-pages"] = confidence.pop("page", 0.6)


_PAIRS = (("(", ")"), ("„", "“"), ("«", "»"), ("[", "]"))


def _close_title(text: str, fields: dict) -> None:
    """A title whose last quotation or parenthesis the labeller left out ("… романа Смагула Елубая
    „Ак боз уй“)»."): the closing marks that follow it in the text and balance it are its own."""
    title = fields.get("title")
    if not isinstance(title, str) or not any(title.count(a) > title.count(b) for a, b in _PAIRS):
        return
    at = text.find(title)
    if at < 0:
        return
    tail = re.match(r"[\s“”»)\]]*", text[at + len(title):]).group(0)
    for ch in tail:
        if ch.isspace():
            continue
        pair = next(((a, b) for a, b in _PAIRS if b == ch), None) or (("„", "“") if ch == "”" else None)
        if pair is None or title.count(pair[0]) <= title.count(ch):
            break
        title += ch
    fields["title"] = title


def _standalone_container(kind: str, text: str, fields: dict, confidence: dict) -> None:
    """A standard, or a book with its page count, that names no host (no ``//``, ``In:``, volume,
    issue or page range) has no container: the labeller's container is the title's next sentence
    ("ДСТУ 3008:2015. Інформація та документація. Звіти у сфері …"), the publisher ("Il Mulino,
    Bologna 1996", "Universität Bonn, 1962") or nothing ("Federal Information Processing Standards
    Publication 183")."""
    container = fields.get("container-title")
    if not isinstance(container, str) or re.search(r"//|\b(?:In|В|У|Im)\s*:|,\s+in\s", text) or \
            any(fields.get(k) for k in ("volume", "issue")) or re.search(r"\d\s*[-–]\s*\d", str(fields.get("page", ""))):
        return
    if kind != "standard" and not (kind == "book" and (fields.get("number-of-pages") or fields.get("ISBN"))):
        return
    title = fields.get("title")
    at = text.find(title) if isinstance(title, str) else -1
    stop = re.match(r"\s*[.:]\s*", text[at + len(title):]) if at >= 0 else None
    if stop and kind == "standard" and text.find(container) == at + len(title) + len(stop.group(0)):
        # the container is the title's next sentence: both are the standard's title
        fields["title"] = text[at:text.find(container) + len(container)].rstrip(" .")
    elif "publisher" not in fields and kind == "book" and re.match(r"\s*,\s*(?:[^\W\d_][\w.-]*\s*)?\(?\d{4}",
                                                                text[text.find(container) + len(container):]):
        fields["publisher"] = container               # "Il Mulino, Bologna 1996"
        confidence["publisher"] = confidence.get("container-title", 0.6)
    fields.pop("container-title")
    confidence.pop("container-title", None)


def _issue_is_year(fields: dict) -> None:
    """An issue that only repeats the year ("27 (2012): 51–58", "Nov. 2013" read as ``v. 2013``)
    is the date printed again, not an issue."""
    issue, issued = fields.get("issue"), fields.get("issued")
    if not isinstance(issue, str) or not isinstance(issued, Date) or not issued.parts:
        return
    m = re.fullmatch(r"\W*(?:[^\W\d_]{1,4}\.?\s*)?(\d{4})\W*", issue)
    if m and int(m.group(1)) == issued.parts[0][0]:
        fields.pop("issue")


def _designation(kind: str, text: str) -> str:
    """The number a standard, patent or report is known by, read off the reference itself:
    the whole designation of a standard (``ДСТУ 3008:2015``), the bare number of a patent."""
    if kind == "standard":
        m = STANDARD_NUMBER.search(text) or _STANDARD_PUBLICATION.search(text)
        return (m.group(1) if m.re is _STANDARD_PUBLICATION else m.group(0)).strip() if m else ""
    if kind == "patent":
        m = _PATENT_NUMBER.search(text)
        return re.sub(r"\s+", " ", m.group(1)) if m else ""
    if kind == "report":
        m = _REPORT_NUMBER.search(text)
        return m.group(1) if m else ""
    return ""


_NOT_TITLE_PAREN = re.compile(r"(?i)^\(\s*(?:\d+(?:st|nd|rd|th)?\s*(?:ed|edn|изд|вид)|eds?\b|ред|hrsg|in\s|на\s|"
                              r"\d{4}\s*\)|[A-Z]{2,}\s*\)|пер\.|trans|unpublished|doctoral|master|ph\s*\.?\s*d|"
                              r"dissertation|thesis|дис|автореф|vol|pp?\b|вып|т\s*\.|no\b|№|reprint|repr|orig)")


_VOLUME_MARKS = {"т", "том", "vol", "volume", "bd", "band", "tom"}
_ISSUE_MARKS = {"вып", "вип", "выпуск", "випуск", "№", "no", "nr", "iss", "issue", "шығ", "heft", "n"}


def _marked_numbers(tokens, labels: list[str]) -> None:
    """A number the labeller called a volume but that follows ``Вип.``/``№``/``No.`` is the issue
    (and the other way round after ``Т.``/``Vol.``), when the record has no such field yet."""
    n = len(tokens)
    present = set(labels)
    for i in range(n):
        if labels[i] not in ("volume", "issue") or (i and labels[i - 1] == labels[i]):
            continue
        k = i - 1
        while k >= 0 and labels[k] == "O" and tokens[k].text in ".,:":
            k -= 1
        if k < 0 or labels[k] != "O":
            continue
        mark = fold(tokens[k].text)
        want = "issue" if mark in _ISSUE_MARKS else "volume" if mark in _VOLUME_MARKS else ""
        if want and want != labels[i] and want not in present:
            was, j = labels[i], i
            while j < n and labels[j] == was:
                labels[j] = want
                j += 1
            present.add(want)


def _places():
    from .tokens import _places as places
    return places()


def _repair(tokens, labels: list[str]) -> None:
    """Two slips of the labeller that its neighbours show, mended in place:

    - a list's last initial read as the title's first word (``Robinson T. E. Wanting …`` →
      title ``E. Wanting``): it goes back to the names;
    - a parenthesis left out at the end of a title that goes on to ``//`` or to the next area
      (``… XX века (в конце 80-х–начале 90-х гг.) // Духовная культура``) is the title's, unless
      it holds an edition, a role, a year or an acronym."""
    n = len(tokens)
    for i in range(2, n - 2):
        if labels[i] == "title" and labels[i - 1] != "title" and len(tokens[i].text) == 1 and \
                tokens[i].text.isupper() and tokens[i + 1].text == "." and labels[i + 1] == "title":
            k = i - 1
            while k >= 0 and labels[k] == "O" and tokens[k].text in ".,":
                k -= 1
            if k >= 0 and labels[k] in NAME_LABELS and tokens[k].text in (".",) + tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"):
                labels[i] = labels[i + 1] = labels[k]
                for j in range(k + 1, i):
                    labels[j] = labels[k]
    i = 0
    while i < n:
        if labels[i] != "title":
            i += 1
            continue
        j = i
        while j < n and labels[j] == "title":
            j += 1
        if j < n and tokens[j].text == "(" and all(label == "O" for label in labels[j:min(n, j + 40)][:1]):
            depth, k = 0, j
            while k < n and labels[k] == "O":
                depth += tokens[k].text == "("
                depth -= tokens[k].text == ")"
                k += 1
                if depth == 0:
                    break
            closed = depth == 0 and k > j + 1
            after = tokens[k].text if k < n else ""
            inside = " ".join(t.text for t in tokens[j:k])
            if closed and after in ("//", ".", "") and not _NOT_TITLE_PAREN.match(inside):
                for m in range(j, k):
                    labels[m] = "title"
                j = k
        i = j


_YEAR_TOKEN = re.compile(r"(?:1[5-9]|20)\d\d")


def _container_stops_at_an_area(tokens, labels: list[str]) -> None:
    """A journal's or collection's title never runs on across a GOST area separator into the
    year: in ``// Сборник. — 2011. — загадочный хвост. — С. 1-2`` a model that reads the
    container to the last area has its span cut at ``. —``; the year there is the year, and what
    follows it in that run is no field's (it goes to the note)."""
    n = len(tokens)
    for i in range(1, n - 2):
        if labels[i - 1] == "container-title" and tokens[i].text == "." and tokens[i + 1].text in ("—", "–", "-") \
                and labels[i] == labels[i + 1] == "container-title" and _YEAR_TOKEN.fullmatch(tokens[i + 2].text) \
                and labels[i + 2] == "container-title":
            year_known = "issued" in labels
            j = i
            while j < n and labels[j] == "container-title":
                labels[j] = "O"
                j += 1
            if not year_known:
                labels[i + 2] = "issued"
            return


def _misread(names: list) -> bool:
    """A name list with a name that did not parse (a literal of several words, not an
    organisation's)."""
    return any(n.literal and len(n.literal.split()) > 1 and not ORGANISATION.search(n.literal) and not re.search(
        r"(?i)\b(?:group|institute|university|association|council|organi[sz]ation|ministry|agency|society|"
        r"foundation|center|centre|committee|department|office|corporation|inc|ltd|gmbh|министерство|институт|"
        r"университет|ассоциация|комитет|центр|служба|агентство|міністерство|інститут|університет)\b", n.literal)
        for n in names)
