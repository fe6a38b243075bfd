"""GOST bibliography entries written natively, as GOST R 7.0.100-2018 and 7.0.5-2008 print them.

Why a native layer: the GOST record has elements CSL has no variable or construct for —
several ``place : publisher`` pairs, the issuing body after `` ; ``, the content-type area
(``Текст : непосредственный``), the rule that a work by four or more authors is described
under its title, open date ranges (``1999 – .``), and the host document's own terms in
the host area (an English article in a Russian journal gets ``Т. 7. – С. 108–115``).
A style that names a GOST edition in ``styles/aliases.toml`` (``gost = "7.0.100"`` or
``gost = "7.0.5"``) keeps CSL for what CSL does well — sorting, numbering, citations —
and has each entry's body replaced by :func:`describe`.

What CSL-JSON cannot carry travels in ``Reference.extra`` under ``polybib.gost.*`` keys
(CSL-JSON ``custom``; BibLaTeX fields as biblatex-gost names them, see
:mod:`polybib.formats.bibtex.mapping`):

``location`` / ``publisher``   biblatex ``and`` lists: ``Москва and Санкт-Петербург``
``organization``               issuing body, printed after `` ; `` (``/`` when no person)
``content-type``               the content-type area as printed, or ``none``
``title-info``                 other title information (also the model's ``title-addon``)
``open-range``                 ``true``: the work is still appearing (``2000 – .``)
``host-language``              language of the host document (its terms: ``Т.``/``Vol.``)
``host-info``                  the host's title information (``[сайт]``, ``сборник статей``)
``host-responsibility``        the host's further statements as its title page words them
                               (``перевод с польского О. Р. Медведевой [и др.]``)
``editor-term``                ``под общей редакцией``, ``ответственный редактор`` …
``translator-term``            ``перевод с английского`` …
``access``                     ``для авторизированных пользователей`` (Режим доступа)
``note``                       notes, one a line (``Библиогр.: с. 38–44``)
``application``                a patent's application number (``№ 2000131736/09``)

A name list that BibTeX ended in ``and others`` (``polybib.etal.author``) names only some
of the authors; GOST writes ``[и др.]`` only for four or more (7.0.5) / five or more (7.0.100),
so such a work is described under its title, the named authors (up to three) and ``[и др.]``.

Patents: ``number`` is the patent's number, ``authority`` the country (``Рос. Федерация``),
``submitted`` the filing date and ``issued`` the publication date, ``issue`` the bulletin.
"""
from __future__ import annotations

import dataclasses
import re
import warnings
from typing import Iterable

from ..errors import PolybibWarning
from ..model import Date, Name, Reference
from .gost_cases import genitive, governs_genitive
from .markup import escape, value_text

PREFIX = "polybib.gost."
KEYS = ("location", "publisher", "organization", "content-type", "title-info", "open-range",
        "host-language", "host-info", "host-responsibility", "editor-term", "translator-term",
        "access", "note", "application")
EDITIONS = ("7.0.100", "7.0.5")

#: Terms by language of the part being described (own areas: the record's language; host
#: area: the host's).  Both standards print Russian terms for Russian (and Ukrainian,
#: Belarusian …) works and the work's own for a Latin-script one.
_TERMS = {
    "ru": {"page": "С.", "pages": "с.", "volume": "Т.", "issue": "№", "article": "Ст.",
           "etal": "и др.", "edition": "-е изд.", "number": "Вып."},
    "en": {"page": "P.", "pages": "p.", "volume": "Vol.", "issue": "no.", "article": "Art.",
           "etal": "et al.", "edition": " ed.", "number": "Iss."},
}
_MONTHS_RU = ("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.",
              "нояб.", "дек.")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")
_BOOK_HOSTS = ("chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia")
_SERIALS = ("article-journal", "article-magazine", "article-newspaper", "review", "review-book",
            "article")
_DATED_HOSTS = ("article-newspaper", "webpage", "post", "post-weblog", "legislation")


# ------------------------------------------------------------------ small pieces

def extra(ref: Reference, key: str) -> str:
    """A ``polybib.gost.*`` value as text (CSL-JSON markup such as nocase spans dropped)."""
    return value_text(str(ref.extra.get(PREFIX + key, "") or "")).strip()


def split_list(value: str) -> list[str]:
    """A biblatex ``and`` list (``Москва and {Ростов and Дон}``) as its items, split as
    BibTeX splits a name list (:func:`~polybib.formats.bibtex.names.split_names`)."""
    if not value:
        return []
    from ..formats.bibtex.names import split_names   # bibtexparser only when a list is there

    return [_unbrace(x) for x in split_names(value)]


def _unbrace(text: str) -> str:
    return text[1:-1] if text.startswith("{") and text.endswith("}") and text.count("{") == 1 else text


def join_list(items: Iterable[str]) -> str:
    """The inverse of :func:`split_list`: an item holding `` and `` is braced."""
    return " and ".join("{%s}" % x if " and " in x else x for x in items)


def text(ref: Reference, variable: str) -> str:
    value = ref.fields.get(variable)
    return value_text(str(value)).strip() if isinstance(value, (str, int)) and str(value).strip() else ""


def script_language(value: str) -> str:
    if _CYRILLIC.search(value):
        return "ru"
    if _LATIN.search(value):
        return "en"
    return ""


def _lang(code: str) -> str:
    code = (code or "").lower()[:2]
    return "en" if code and code not in ("ru", "uk", "be", "bg", "kk", "sr", "mk") else ("ru" if code else "")


def initials(given: str) -> str:
    """``Сергей Михайлович`` / ``С.М.`` → ``С. М.``; ``Жан-Поль`` → ``Ж.-П.``."""
    out = []
    for word in re.split(r"\s+|(?<=\.)(?=\w)", given.strip()):
        if not word:
            continue
        parts = []
        for piece in word.split("-"):
            if not piece.strip("."):
                continue
            # an abbreviation already written ("Yu.", "Дж.") is kept as it is
            parts.append(piece if piece.endswith(".") else piece[0] + ".")
        if parts:
            out.append("-".join(parts))
    return " ".join(out)


def _family(name: Name) -> str:
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    return f"{family}, {name.suffix}" if name.suffix else family


def inverted(name: Name, comma: bool) -> str:
    """Heading form: ``Газуль, С. М.`` (7.0.100) or ``Газуль С. М.`` (7.0.5)."""
    if name.literal:
        return name.literal
    given = " ".join(p for p in (initials(name.given), name.dropping_particle) if p)
    if not given:
        return _family(name)
    return f"{_family(name)}{',' if comma else ''} {given}"


def direct(name: Name) -> str:
    """Statement-of-responsibility form: ``С. М. Газуль``."""
    if name.literal:
        return name.literal
    return " ".join(p for p in (initials(name.given), name.dropping_particle, _family(name)) if p)


def statement(term: str, names: list[Name]) -> str:
    """``под редакцией Г. В. Осипова``: the term, then the names in the case it governs
    (the genitive after ``под редакцией``/``перевод``, see :mod:`.gost_cases`)."""
    if governs_genitive(term):
        names = [dataclasses.replace(n, family=genitive(n.family)) if n.family and not n.literal else n
                 for n in names]
    return f"{term} {', '.join(direct(n) for n in names)}"


def full(name: Name) -> str:
    """A thesis author as the standard prints them: ``Величковский Борис Борисович``."""
    if name.literal:
        return name.literal
    return " ".join(p for p in (_family(name), name.given) if p)


def _names(ref: Reference, variable: str) -> list[Name]:
    return [n for n in ref.fields.get(variable) or [] if isinstance(n, Name) and not n.is_empty()]


def year_text(date: Date | None, open_range: bool, dash: str) -> str:
    if not isinstance(date, Date):
        return ""
    if not date.parts:
        return date.literal
    first = date.parts[0][0] if date.parts[0] else None
    if first is None:
        return date.literal
    if len(date.parts) > 1 and date.parts[1] and date.parts[1][0] != first:
        return f"{first}–{date.parts[1][0]}"
    if open_range:
        return f"{first} {dash} ."
    return str(first)


def day_month(date: Date | None, lang: str) -> str:
    """``2 февр.`` for a dated host (newspaper, web page), when the date has a day."""
    if not isinstance(date, Date) or not date.parts or len(date.parts[0]) < 3:
        return ""
    _, month, day = date.parts[0][:3]
    if lang == "en":
        import calendar
        return f"{calendar.month_abbr[month]}. {day}" if 1 <= month <= 12 else ""
    return f"{day} {_MONTHS_RU[month - 1]}" if 1 <= month <= 12 else ""


def numeric_date(date: Date | None, short_year: bool = False) -> str:
    """``15.10.2008``; ``18.12.00`` with ``short_year`` (7.0.5's patent dates)."""
    if not isinstance(date, Date) or not date.parts or len(date.parts[0]) < 3:
        return ""
    y, m, d = date.parts[0][:3]
    return f"{d:02d}.{m:02d}.{y % 100:02d}" if short_year else f"{d:02d}.{m:02d}.{y}"


def page_range(value: str) -> str:
    return re.sub(r"\s*(?<=\w)-{1,2}(?=\w)\s*", "–", value.strip())


# ------------------------------------------------------------------ the description

class _Areas:
    """Areas joined by the area separator, without doubling a final period."""

    def __init__(self, sep: str):
        self.sep = sep
        self.parts: list[str] = []

    def add(self, value: str) -> None:
        if value:
            self.parts.append(value)

    def text(self) -> str:
        out = ""
        for part in self.parts:
            if not out:
                out = part
            elif out.endswith((".", "?", "!")):
                out += self.sep.lstrip(".") + part if self.sep.startswith(".") else self.sep + part
            else:
                out += self.sep + part
        return out


def _finish(value: str) -> str:
    value = value.rstrip()
    return value if value.endswith((".", "?", "!")) else value + "."


class Describer:
    """One GOST edition's description of a record (``edition`` is ``7.0.100`` or ``7.0.5``)."""

    def __init__(self, edition: str, list_language: str = "ru", forced: str | None = None):
        if edition not in EDITIONS:
            raise ValueError(f"unknown GOST edition {edition!r}; known: {', '.join(EDITIONS)}")
        self.edition = edition
        self.new = edition == "7.0.100"
        self.sep = ". – " if self.new else ". "
        self.list_language = list_language
        #: a locale asked for explicitly (``--locale``): its terms for every part
        self.forced = _lang(forced or "")

    # -- language of the parts
    def own_language(self, ref: Reference, locale: str | None) -> str:
        return self.forced or (_lang(locale or "") or _lang(ref.fields.get("language", ""))
                or script_language(text(ref, "title")) or self.list_language)

    def host_language(self, ref: Reference, own: str) -> str:
        return self.forced or (_lang(extra(ref, "host-language")) or script_language(text(ref, "container-title"))
                or own)

    # -- public
    def describe(self, ref: Reference, locale: str | None = None) -> str:
        lang = self.own_language(ref, locale)
        host_lang = self.host_language(ref, lang)
        kind = ref.type
        host = text(ref, "container-title")
        component = bool(host) and kind not in ("book", "thesis", "report", "standard")
        authors = [n for n in _names(ref, "author")]
        persons = [n for n in authors if not n.literal]
        bodies = [n.literal for n in authors if n.literal]
        truncated = bool(persons) and str(ref.extra.get("polybib.etal.author", "")).lower() == "true"
        heading = "" if truncated else self._heading(persons, bodies)
        body = self._title_and_responsibility(ref, lang, persons, bodies, heading,
                                              component=component, truncated=truncated)
        main = _Areas(self.sep)
        if heading and not heading.endswith("."):
            heading += "."      # a heading without initials: "Аристотель. Политика"
        main.add(f"{heading} {body}" if heading else body)
        online = bool(text(ref, "URL"))
        content = self._content_type(ref, online)
        if component:
            return self._component(ref, main, lang, host_lang, content, online)
        self._publication(ref, main, lang)
        self._url(ref, main, content, online)
        return _finish(main.text())

    # -- heading and statement of responsibility
    def _heading(self, persons: list[Name], bodies: list[str]) -> str:
        if bodies and not persons:
            return ""
        if self.new:
            return inverted(persons[0], True) if 1 <= len(persons) <= 3 else ""
        return ", ".join(inverted(p, False) for p in persons) if 1 <= len(persons) <= 3 else ""

    def _title_and_responsibility(self, ref: Reference, lang: str, persons: list[Name],
                                  bodies: list[str], heading: str, *, component: bool,
                                  truncated: bool = False) -> str:
        terms = _TERMS[lang]
        title = text(ref, "title") or text(ref, "title-short")
        info = extra(ref, "title-info") or text(ref, "title-addon")
        out = title
        volume = text(ref, "volume")
        if volume and ref.type not in _SERIALS and not component and self.new:
            out += f". {terms['volume']} {volume}"
            if text(ref, "volume-title"):
                out += f". {text(ref, 'volume-title')}"
        if ref.type == "patent":
            info = self._patent_title_info(ref, info)
        if info:
            out += f" : {info}"
        if not self.new and text(ref, "URL") and not extra(ref, "content-type"):
            out += " [Electronic resource]" if lang == "en" else " [Электронный ресурс]"
        statements: list[str] = []
        first: list[str] = []
        if truncated:
            # "and others": more authors than are named, so GOST's "[и др.]" form
            first = [direct(p) for p in persons[:3 if self.new else 1]]
            first[-1] += f" [{terms['etal']}]"
        elif ref.type == "thesis" and self.new:
            first = [full(p) for p in persons[:3]]
        elif self.new:
            if len(persons) <= 4:
                first = [direct(p) for p in persons]
            else:
                first = [direct(p) for p in persons[:3]]
                first[-1] += f" [{terms['etal']}]"
        elif len(persons) >= 4:
            first = [f"{direct(persons[0])} [{terms['etal']}]"]
        if first:
            statements.append(", ".join(first))
        for variable, key, new_default, old_default in (
                ("editor", "editor-term", "под редакцией", "под ред."),
                ("translator", "translator-term", "перевод", "пер.")):
            if variable == "editor" and component and ref.type in _BOOK_HOSTS:
                continue
            names = _names(ref, variable)
            if names:
                term = extra(ref, key) or (new_default if self.new else old_default)
                statements.append(statement(term, names))
        organization = extra(ref, "organization") or ", ".join(bodies)
        if ref.type == "thesis" and not organization:
            organization = text(ref, "publisher")
        if organization:
            statements.append(organization)
        if statements:
            out += " / " + " ; ".join(statements)
        return out

    # -- areas after the title
    def _edition(self, ref: Reference, lang: str) -> str:
        edition = text(ref, "edition")
        if edition.isdigit():
            if lang == "en":
                n = int(edition)
                suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
                return f"{n}{suffix} ed."
            return f"{edition}{_TERMS[lang]['edition']}"
        return edition

    def _places(self, ref: Reference) -> tuple[list[str], list[str]]:
        places = split_list(extra(ref, "location")) or ([text(ref, "publisher-place")]
                                                         if text(ref, "publisher-place") else [])
        publishers = split_list(extra(ref, "publisher")) or ([text(ref, "publisher")]
                                                             if text(ref, "publisher") else [])
        if ref.type == "thesis":
            publishers = []
        return places, publishers

    def _imprint(self, ref: Reference, places: list[str], publishers: list[str], year: str) -> str:
        if len(places) > 1 and len(places) == len(publishers):
            where = " ; ".join(f"{p} : {q}" for p, q in zip(places, publishers))
        elif len(places) > 1:
            where = " ; ".join(places) + (" : " + " : ".join(publishers) if publishers else "")
        else:
            where = " : ".join(places[:1] + publishers)
        if where and year:
            return f"{where}, {year}"
        return where or year

    def _patent_title_info(self, ref: Reference, info: str) -> str:
        """``пат. 2187888 Рос. Федерация`` (7.0.5) / ``патент № 2187888 Российская Федерация``
        (7.0.100), before any other title information (``МПК …``)."""
        number, country = text(ref, "number"), text(ref, "authority")
        term = ("патент № " if self.new else "пат. ") + number if number else ("патент" if self.new else "пат.")
        patent = " ".join(p for p in (term, country) if p)
        return f"{patent} : {info}" if info else patent

    def _patent_dates(self, ref: Reference) -> str:
        """The application area of a patent: ``№ 2000131736/09 ; заявл. 18.12.00 ;
        опубл. 20.08.02, Бюл. № 23``."""
        short = not self.new
        parts = []
        if extra(ref, "application"):
            parts.append(f"№ {extra(ref, 'application')}")
        filed = numeric_date(ref.fields.get("submitted"), short)
        if filed:
            parts.append(f"заявл. {filed}")
        published = numeric_date(ref.fields.get("issued"), short)
        bulletin = text(ref, "issue")
        if published:
            parts.append(f"опубл. {published}" + (f", Бюл. № {bulletin}" if bulletin else ""))
        return " ; ".join(parts)

    def _publication(self, ref: Reference, areas: _Areas, lang: str) -> None:
        areas.add(self._edition(ref, lang))
        places, publishers = self._places(ref)
        dash = "–"
        if ref.type == "patent" and self._patent_dates(ref):
            # a patent's dates stand in its own area; there is no imprint year
            areas.add(self._imprint(ref, places, publishers, ""))
            areas.add(self._patent_dates(ref))
        else:
            year = year_text(ref.fields.get("issued"), extra(ref, "open-range") == "true", dash)
            areas.add(self._imprint(ref, places, publishers, year))
        if ref.type in _DATED_HOSTS:
            areas.add(day_month(ref.fields.get("issued"), lang))
        volume = text(ref, "volume")
        if volume and not self.new:
            # 7.0.5 cites a volume of a multi-volume work after the imprint: "М., 1990. Т. 2."
            areas.add(f"{_TERMS[lang]['volume']} {volume}")
            if text(ref, "volume-title"):
                areas.add(text(ref, "volume-title"))
        pages = text(ref, "number-of-pages")
        if pages:
            areas.add(f"{pages} {_TERMS[lang]['pages']}")
        elif text(ref, "page"):
            # the pages a reference points at in a book: "М., 2007. С. 256–300."
            areas.add(f"{_TERMS[lang]['page']} {page_range(text(ref, 'page'))}")
        series = text(ref, "collection-title")
        if series:
            number = text(ref, "collection-number")
            series_text = f"({series}{' ; ' + number if number else ''})"
            if self.new:
                areas.add(series_text)
            else:
                # 7.0.5 puts the series after the extent without a separator of its own
                last = areas.parts[-1] if areas.parts else ""
                areas.parts[-1:] = [f"{last}{' ' if last.endswith('.') else self.sep}{series_text}"
                                    if last else series_text]
        for note in extra(ref, "note").splitlines():
            areas.add(note.strip())
        if text(ref, "ISBN"):
            areas.add(f"ISBN {text(ref, 'ISBN')}")

    def _content_type(self, ref: Reference, online: bool) -> str:
        given = extra(ref, "content-type")
        if not self.new:
            # 7.0.5 has no content-type area; a record that states one (as references
            # written after 7.0.100 do) gets it, and no "[Электронный ресурс]"
            return "" if given == "none" else given
        if given == "none":
            return ""
        return given or ("Текст : электронный" if online else "Текст : непосредственный")

    def _url(self, ref: Reference, areas: _Areas, content: str, online: bool) -> None:
        if online:
            url = f"URL: {text(ref, 'URL')}"
            accessed = numeric_date(ref.fields.get("accessed"))
            if accessed:
                url += f" (дата обращения: {accessed})"
            areas.add(url)
        if extra(ref, "access"):
            areas.add(f"Режим доступа: {extra(ref, 'access')}")
        if text(ref, "DOI"):
            areas.add(f"DOI: {text(ref, 'DOI')}")
        areas.add(content)

    # -- a part of a host document
    def _component(self, ref: Reference, main: _Areas, lang: str, host_lang: str, content: str,
                   online: bool) -> str:
        if content:
            main.add(content)
        terms = _TERMS[host_lang]
        host_title = text(ref, "container-title")
        host_info = extra(ref, "host-info")
        if not host_info and ref.type in ("webpage", "post", "post-weblog") or (
                not host_info and online and ref.type == "legislation" and self.new):
            host_info = "[сайт]" if self.new else ""
        if host_info:
            host_title += f" : {host_info}"
        statements = []
        if ref.type in _BOOK_HOSTS:
            container_authors = _names(ref, "container-author")
            if container_authors:
                statements.append(", ".join(direct(n) for n in container_authors))
            editors = _names(ref, "editor")
            if editors:
                term = extra(ref, "editor-term") or ("под редакцией" if self.new else "под ред.")
                statements.append(statement(term, editors))
        if extra(ref, "host-responsibility"):
            statements.append(extra(ref, "host-responsibility"))
        if statements:
            host_title += " / " + " ; ".join(statements)
        host = _Areas(self.sep)
        host.add(host_title)
        issued = ref.fields.get("issued")
        open_range = extra(ref, "open-range") == "true"
        if ref.type in _BOOK_HOSTS:
            host.add(self._edition(ref, host_lang))
            places, publishers = self._places(ref)
            host.add(self._imprint(ref, places, publishers, year_text(issued, open_range, "–")))
            volume = text(ref, "volume")
            if volume:
                host.add(f"{terms['volume']} {volume}")
            # a numbered issue of a collection (Вып. 2), not a journal's № 2
            if text(ref, "issue"):
                host.add(f"{terms['number']} {text(ref, 'issue')}")
        else:
            year = year_text(issued, open_range, "–")
            place = text(ref, "publisher-place") if ref.type not in _SERIALS else ""
            host.add(f"{place}, {year}" if place and year else place or year)
            if ref.type in _DATED_HOSTS:
                host.add(day_month(issued, host_lang))
            volume, issue = text(ref, "volume"), text(ref, "issue")
            if volume and issue:
                issue_term = terms["issue"] if not self.new or host_lang != "en" else "no."
                host.add(f"{terms['volume']} {volume}, {issue_term} {issue}")
            elif volume:
                host.add(f"{terms['volume']} {volume}")
            elif issue:
                issue_term = terms["issue"] if host_lang != "en" else "No."
                host.add(f"{issue_term} {issue}")
        section = text(ref, "section")
        if section and ref.type == "legislation":
            host.add(f"{terms['article']} {section}" if section[:1].isdigit() else section)
        pages = text(ref, "page")
        if pages:
            host.add(f"{terms['page']} {page_range(pages)}")
        link = " // " if self.new else " // "
        joined = main.text() + link + host.text()
        tail = _Areas(self.sep)
        tail.add(joined)
        self._url(ref, tail, "", online)
        return _finish(tail.text())


def describe(ref: Reference, edition: str, locale: str | None = None) -> str:
    """``ref`` described as GOST ``edition`` prints it (plain text)."""
    return Describer(edition).describe(ref, locale)


def apply(entries, prepared, edition: str, locale: str | None = None) -> None:
    """Replace each rendered entry's body by its native GOST description (markup-escaped).

    ``prepared`` are the records as rendering saw them (transliterated when asked), with
    the locale each one was rendered in; CSL's order, numbering and margins are kept.
    ``locale``, when the user asked for one, gives every part its terms."""
    describer = Describer(edition, forced=locale)
    by_id = {p.ref.id: p for p in prepared}
    for entry in entries:
        p = by_id.get(entry.id)
        if p is None or getattr(entry, "error", None):     # a fallback entry stays one, with its diagnostic
            continue
        try:
            entry.body = escape(describer.describe(p.ref, p.locale))
        except Exception as exc:  # noqa: BLE001 - one record never takes the list down
            where = f"{p.ref.source.file}:{p.ref.source.line}" if p.ref.source else p.ref.id
            warnings.warn(PolybibWarning(f"{where}: {p.ref.id}: the GOST description failed "
                                         f"({type(exc).__name__}: {exc}); the CSL entry is kept"))
