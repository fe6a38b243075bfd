"""RIS reader and writer: what eLIBRARY, Scopus, Web of Science and Zotero export.

A record runs from ``TY  -`` to ``ER  -``; a line without a tag continues the value above
it (joined with a space: exporters wrap long values).  Tags are read with two spaces or
one before the dash, from files with a BOM, CRLF line ends, blank lines, or in cp1251 (as
Russian exports often are, read with a warning).

Mapping rules:

- tags with no CSL variable are kept as ``extra["ris.<TAG>"]`` (several values joined by
  newlines) and written back as their tags; a second value of a tag whose variable is
  already filled (a second ISBN, a second title) is kept the same way;
- where reading normalises a value (``TY  - EBOOK`` → book, ``LA  - russian`` → ru, a date
  with trailing "other info" ``2019///Spring``), the original is kept in ``extra`` under its
  tag and written back instead of the computed value while it still reads as the record
  says, the way the BibTeX side keeps ``@mvbook``;
- names are ``Family, Given`` or ``Family, Given, Suffix``; a name without a comma is an
  organisation (a literal), except the ``Иванов И.И.`` / ``И.И. Иванов`` form Russian
  exports use, which is plainly a person;
- lines that are not RIS are reported with their line number, never dropped silently:
  inside a record they are kept in ``extra["ris.unparsed"]``, outside one the diagnostic
  carries the text.

- ``SP`` alone in a whole work (book, thesis, report …) is its number of pages, as Zotero
  writes ``numPages``; ``number-of-pages`` is written back so when there is no page range;
- ``SN  - 1234-5678 (ISSN)``: the variable gets the number, the spelling is kept and
  written back while it holds the same number;
- CSL variables with no RIS tag (``original-date``, ``event-title``, ``collection-number``
  …) are written as ``N1`` lines ``variable: value`` (the convention Zotero reads from its
  Extra field) and read back into the variable; biblatex's ``subtitle`` and ``titleaddon``
  are joined to ``TI`` with ``: ``; a title translation is ``TT``.

Not representable in RIS: name variables other than author, editor, collection-editor and
translator; the end of a date range; ``circa``; ``csl.*`` and most ``biblatex.*`` extras.
The writer drops them and says so: one ``dropped-field`` warning per record, naming them,
appended to the library's diagnostics.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdnum import isbn as _isbn
from stdnum import issn as _issn

from ..dates import parse_date
from ..encoding import decode_or_report
from ..model import DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, Library, Name, Reference, Source
from .csljson import TEXT_VARIABLES
from ._document import remember, unchanged_original
from .bibtex.mapping import TRANSLATION

TYPE_TO_CSL = {
    "JOUR": "article-journal", "JFULL": "periodical", "EJOUR": "article-journal",
    "MGZN": "article-magazine", "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book",
    "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report", "ELEC": "webpage",
    "WEB": "webpage", "BLOG": "post-weblog", "STAND": "standard", "PAT": "patent",
    "STAT": "legislation", "LEGAL": "legislation", "BILL": "bill", "CASE": "legal_case",
    "DATA": "dataset", "DBASE": "dataset", "AGGR": "dataset", "COMP": "software",
    "GEN": "document", "MANSCPT": "manuscript", "UNPB": "manuscript", "UNPD": "manuscript",
    "PAMP": "pamphlet", "DICT": "entry-dictionary", "ENCYC": "entry-encyclopedia", "MAP": "map",
    "SOUND": "song", "MUSIC": "musical_score", "VIDEO": "motion_picture", "MPCT": "motion_picture",
    "ADVS": "motion_picture", "PCOMM": "personal_communication", "ICOMM": "personal_communication",
    "ABST": "article-journal", "INPR": "article-journal", "SER": "book", "CTLG": "book",
    "CLSWK": "classic", "HEAR": "hearing", "ART": "graphic", "FIGURE": "figure", "CHART": "figure",
    "GOVDOC": "report",
}
#: The RIS type written for each CSL type (others are written as GEN).
CSL_TO_TYPE = {
    "article-journal": "JOUR", "article": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "periodical": "JFULL", "book": "BOOK", "chapter": "CHAP", "paper-conference": "CPAPER",
    "thesis": "THES", "report": "RPRT", "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG",
    "standard": "STAND", "patent": "PAT", "legislation": "STAT", "bill": "BILL", "legal_case": "CASE",
    "dataset": "DATA", "software": "COMP", "document": "GEN", "manuscript": "MANSCPT",
    "pamphlet": "PAMP", "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC", "map": "MAP",
    "song": "SOUND", "musical_score": "MUSIC", "motion_picture": "VIDEO",
    "personal_communication": "PCOMM", "classic": "CLSWK", "hearing": "HEAR", "graphic": "ART",
    "figure": "FIGURE",
}
NAME_TAGS = {"AU": "author", "A1": "author", "A2": "editor", "ED": "editor", "A3": "collection-editor",
             "A4": "translator"}
TEXT_TAGS = {"TI": "title", "T1": "title", "CT": "title", "T2": "container-title",
             "JO": "container-title", "JF": "container-title", "BT": "container-title",
             "JA": "container-title-short", "J2": "container-title-short", "T3": "collection-title",
             "VL": "volume", "IS": "issue", "PB": "publisher", "CY": "publisher-place",
             "PP": "publisher-place", "DO": "DOI", "AB": "abstract", "N2": "abstract", "N1": "note",
             "ET": "edition", "M3": "genre", "ST": "title-short", "NV": "number-of-volumes",
             "SE": "section", "AN": "number", "CN": "call-number"}
DATE_TAGS = {"PY": "issued", "Y1": "issued", "DA": "issued", "Y2": "accessed"}
URL_TAGS = ("UR", "L1", "L2", "L3", "L4", "LK")
KEYWORD_TAGS = ("KW", "DE")
#: Order of tags when a record is written.
WRITE_ORDER = ["TY", "ID", "AU", "A2", "A3", "A4", "TI", "TT", "ST", "T2", "J2", "T3", "PY", "DA", "VL",
               "IS", "SP", "EP", "ET", "NV", "PB", "CY", "SN", "DO", "UR", "Y2", "LA", "KW", "AB",
               "M3", "AN", "SE", "CN", "N1"]

#: Language as exporters write it → BCP 47, as CSL's ``language`` holds it.
LANGUAGES = {
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru", "рус": "ru", "rus.": "ru",
    "en": "en", "eng": "en", "english": "en", "английский": "en", "англ": "en",
    "uk": "uk", "ukr": "uk", "ukrainian": "uk", "украинский": "uk", "українська": "uk",
    "be": "be", "bel": "be", "belarusian": "be", "белорусский": "be",
    "kk": "kk", "kaz": "kk", "kazakh": "kk", "казахский": "kk",
    "bg": "bg", "bul": "bg", "bulgarian": "bg", "sr": "sr", "srp": "sr", "serbian": "sr",
    "de": "de", "ger": "de", "deu": "de", "german": "de", "немецкий": "de",
    "fr": "fr", "fre": "fr", "fra": "fr", "french": "fr", "французский": "fr",
    "zh": "zh", "chi": "zh", "zho": "zh", "chinese": "zh", "китайский": "zh",
}

#: Name variables and the tags they are written as.
NAME_TAG_OUT = (("AU", "author"), ("A2", "editor"), ("A3", "collection-editor"), ("A4", "translator"))
#: biblatex's subtitle, which the BibTeX reader keeps as an extra (RIS: joined to TI).
SUBTITLE = "biblatex.subtitle"
#: Types whose SP, alone, is the number of pages of the whole work.
WHOLE_WORKS = {"book", "thesis", "report", "manuscript", "pamphlet", "classic", "standard",
               "periodical", "document"}
_PAGE_COUNT = re.compile(r"^\d{1,5}$")
#: Variables written as ``N1  - variable: value``: every CSL text or date variable RIS has
#: no tag for.
NOTE_VARIABLES = (set(TEXT_VARIABLES) | set(DATE_VARIABLES)) - {
    "title", "title-short", "container-title", "container-title-short", "collection-title", "volume",
    "issue", "publisher", "publisher-place", "DOI", "abstract", "note", "edition", "genre",
    "number-of-volumes", "section", "number", "call-number", "page", "ISBN", "ISSN", "URL",
    "keyword", "language", "issued", "accessed", "title-addon"}
#: Variables the writer puts under tags of their own (everything else goes to N1 lines).
_TAGGED = {"title", "title-short", "container-title", "container-title-short", "collection-title",
           "volume", "issue", "edition", "number-of-volumes", "publisher", "publisher-place", "DOI",
           "abstract", "genre", "number", "section", "call-number", "note", "page", "ISBN", "ISSN", "URL",
           "keyword", "language", "issued", "accessed", "title-addon"}
_NOTE_VARIABLE = re.compile(r"^([a-z][a-z_-]*[a-z]|[A-Z]{2,5}):\s(.+)$")
#: Extras that only remember a source's spelling of something written anyway (the entry
#: type, the language) or the parser's bookkeeping: not reported as dropped.
_BOOKKEEPING = {"biblatex.entrytype", "biblatex.langid", "biblatex.language", "polybib.low-confidence",
                "polybib.issued-guessed", "polybib.same-author-as-previous"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: A tag line.  The spaces around the dash may be any horizontal white space: exports
#: that passed through a word processor carry no-break spaces (``TY\u00a0 - JOUR``), and a TY
#: not seen as one would silently join two records.
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])[^\S\r\n]{1,2}-(?:[^\S\r\n]+(.*)|[^\S\r\n]*)$")
#: An attempt at a tag line that is not one ("T1- x", "TY  -JOUR"): reported, not continued.
_BROKEN_TAG = re.compile(r"^[A-Z][A-Z0-9](?:[^\S\r\n]*-(?:[^\S\r\n]|$)|[^\S\r\n]+-\S)")
_ODD_SPACE = re.compile(r"[^\S \t\r\n]")
_TAG_NAME = re.compile(r"^[A-Z][A-Z0-9]$")
_BARE_ER = re.compile(r"^ER\s*$")
_RIS_DATE = re.compile(r"^([0-9]{4})(?:/([0-9]{0,2})(?:/([0-9]{0,2})(?:/(.*))?)?)?$")
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})([ T]\d{1,2}:\d{2}.*)$")
#: Initials: one letter, or the two of a transliterated Cyrillic letter (``Yu.``, ``Zh.``).
_INITIALS = r"(?:(?:Yu|Ya|Yo|Ye|Zh|Ch|Sh|Ts|Kh|Iu|Ia|[^\W\d_])\.[ \t]?-?){1,3}"
_FAMILY_INITIALS = re.compile(rf"^([^\W\d_][\w'’-]*)\s+({_INITIALS})$")
_INITIALS_FAMILY = re.compile(rf"^({_INITIALS})\s*([^\W\d_][\w'’-]*)$")
_STANDARD_NUMBER = re.compile(r"[0-9][0-9Xx\- ‐–]{6,}[0-9Xx]")


# ---------------------------------------------------------------- reading: lines into records

@dataclass
class _Record:
    line: int                                   # of its TY
    items: list[list] = field(default_factory=list)   # [tag, value, line]


class _Splitter:
    """Cuts the lines of a RIS file into records, reporting what does not fit."""

    def __init__(self, filename: str, diagnostics: list[Diagnostic]):
        self.filename = filename
        self.diagnostics = diagnostics
        self.records: list[_Record] = []
        self.current: _Record | None = None
        self.last: list | None = None           # the item a continuation line extends

    def report(self, line: int, message: str, severity: str = "error") -> None:
        self.diagnostics.append(Diagnostic(self.filename, line, message, severity, code="parse"))

    def feed(self, number: int, raw: str) -> None:
        line = raw.rstrip()
        if not line.strip():
            return
        m = _TAG_LINE.match(line)
        if m:
            if _ODD_SPACE.search(line, 0, m.end(1) + 4):
                self.report(number, f"tag {m.group(1)} is written with a no-break or other unusual space; "
                            "read as a tag", "warning")
            self.tag(m.group(1), (m.group(2) or "").strip(), number)
        elif _BARE_ER.match(line) and self.current is not None:
            self.close()
        elif self.current is None:
            self.report(number, f"text outside a record, not read: {line!r}")
        elif self.last is not None and not _BROKEN_TAG.match(line):
            self.last[1] = f"{self.last[1]} {line.strip()}".strip()
        else:
            self.current.items.append(["unparsed", line.strip(), number])
            self.report(number, f"not a RIS line, kept in the record's ris.unparsed: {line!r}", "warning")

    def tag(self, tag: str, value: str, number: int) -> None:
        if tag == "TY":
            if self.current is not None:
                self.report(self.current.line, f"record has no ER line; it ends where the next TY "
                            f"starts (line {number})", "warning")
                self.close()
            self.current = _Record(number, [["TY", value, number]])
            self.records.append(self.current)
            self.last = None
        elif tag == "ER":
            if self.current is None:
                self.report(number, "ER without a TY: ignored", "warning")
                return
            if value:
                self.current.items.append(["unparsed", value, number])
                self.report(number, f"text after ER, kept in the record's ris.unparsed: {value!r}", "warning")
            self.close()
        elif self.current is None:
            self.report(number, f"tag {tag} outside a record (no TY before it), not read: {value!r}")
        else:
            self.last = [tag, value, number]
            self.current.items.append(self.last)

    def close(self) -> None:
        self.current, self.last = None, None

    def finish(self) -> None:
        if self.current is not None:
            self.report(self.current.line, "last record has no ER line", "warning")
            self.close()


def read(data: bytes, filename: str = "<memory>") -> Library:
    """Read a RIS file; broken records are reported and read as far as they go."""
    library = Library()
    text = decode_or_report(data, filename, library.diagnostics)
    if text is None:
        return library
    splitter = _Splitter(filename, library.diagnostics)
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        splitter.feed(number, line)
    splitter.finish()
    for record in splitter.records:
        library.references.append(_record(record.items, filename, record.line, library.diagnostics))
    library.diagnostics.sort(key=lambda d: d.line)
    remember(library, filename, "ris", data)
    return library


# ---------------------------------------------------------------- reading: a record into a Reference

def _keep(ref: Reference, tag: str, value: str) -> None:
    """Keep a value under its own tag (several joined by newlines)."""
    key = f"ris.{tag}"
    ref.extra[key] = f"{ref.extra[key]}\n{value}" if key in ref.extra else value


def _claim(ref: Reference, variable: str, tag: str, value: str) -> None:
    """Fill a variable once; a second value for it is kept, not lost."""
    if variable in ref.fields:
        _keep(ref, tag, value)
    else:
        ref.fields[variable] = value


def _record(items: list, filename: str, line: int, diagnostics: list[Diagnostic] | None = None) -> Reference:
    def warn(message: str, at: int = line) -> None:
        if diagnostics is not None:
            diagnostics.append(Diagnostic(filename, at, message, "warning", code="ris-record"))

    ref = Reference(source=Source(filename, line, "", "ris"))
    _read_type(ref, items[0][1], warn)
    pages: dict[str, str] = {}
    keywords: list[str] = []
    dates: dict[str, list[tuple[str, str, int]]] = {}
    for tag, value, number in items[1:]:
        if not value:
            continue
        if tag in NAME_TAGS:
            ref.fields.setdefault(NAME_TAGS[tag], []).append(parse_name(value))
        elif tag in DATE_TAGS:
            dates.setdefault(DATE_TAGS[tag], []).append((tag, value, number))
        elif tag in ("SP", "EP") and tag not in pages:
            pages[tag] = value
        elif tag == "SN":
            _read_standard_number(ref, value)
        elif tag == "N1" and _read_note_variable(ref, value):
            pass
        elif tag == "TT" and TRANSLATION not in ref.extra:
            ref.extra[TRANSLATION] = value
        elif tag in URL_TAGS:
            _claim(ref, "URL", tag, value)          # the first link is the URL, the rest kept
        elif tag in KEYWORD_TAGS:
            keywords.append(value)
        elif tag == "ID" and not ref.id:
            ref.id = value
        elif tag == "LA" and "language" not in ref.fields:
            _read_language(ref, value)
        elif tag in TEXT_TAGS:
            _claim(ref, TEXT_TAGS[tag], tag, value)
        else:
            _keep(ref, tag, value)
    if pages:
        if ref.type in WHOLE_WORKS and "EP" not in pages and _PAGE_COUNT.match(pages["SP"]):
            ref.fields["number-of-pages"] = pages["SP"]
        else:
            ref.fields["page"] = _page(pages.get("SP", ""), pages.get("EP", ""))
    if keywords:
        ref.fields["keyword"] = ", ".join(keywords)
    for variable, values in dates.items():
        _read_dates(ref, variable, values, warn)
    return ref


def _read_type(ref: Reference, value: str, warn) -> None:
    """Map TY; keep the original when the CSL type would be written back as another TY."""
    ty = value.strip()
    ref.type = TYPE_TO_CSL.get(ty.upper(), "document")
    if not ty:
        warn("record has an empty TY; read as a generic document (GEN)")
        return
    if ty.upper() not in TYPE_TO_CSL:
        warn(f"unknown RIS type '{ty}'; read as a generic document, the type is kept")
    if CSL_TO_TYPE.get(ref.type) != ty:
        ref.extra["ris.TY"] = ty


def _read_language(ref: Reference, value: str) -> None:
    code = LANGUAGES.get(value.strip().lower(), value.strip())
    ref.fields["language"] = code
    if code != value:
        ref.extra["ris.LA"] = value


def _page(first: str, last: str) -> str:
    if first and last and first != last:
        return f"{first}-{last}"
    return first or last


def read_ris_date(value: str) -> tuple[Date, str]:
    """A RIS date (``2019``, ``2019///``, ``2019/02/11/``, ``2019/02/11/Spring``) or an ISO
    one, with the part the model cannot hold (the "other info", a time of day)."""
    text = value.strip()
    m = _RIS_DATE.match(text)
    if m:
        parts = [int(m.group(1))]
        if m.group(2):
            parts.append(int(m.group(2)))
            if m.group(3):
                parts.append(int(m.group(3)))
        if (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31):
            return Date(parts=[parts]), (m.group(4) or "").strip()
    m = _TIMESTAMP.match(text)
    if m:
        return parse_date(m.group(1)), m.group(2).strip()
    return parse_date(text), ""


def _read_dates(ref: Reference, variable: str, values: list[tuple[str, str, int]], warn) -> None:
    """PY, Y1 and DA all say when: the most precise wins; one that disagrees is kept and said."""
    read = [(tag, raw, number, *read_ris_date(raw)) for tag, raw, number in values]
    best = max(read, key=lambda r: len(r[3].parts[0]) if r[3].parts else 0)
    ref.fields[variable] = best[3]
    for tag, raw, number, date, other in read:
        if other:
            _keep(ref, tag, raw)       # the writer gives this spelling back while it agrees
        elif not _agrees(date, best[3]):
            warn(f"{tag} {raw!r} disagrees with {best[0]} {best[1]!r} (line {best[2]}); "
                 f"kept as ris.{tag}", number)
            _keep(ref, tag, raw)


def _agrees(date: Date, best: Date) -> bool:
    """A less precise date agrees when it is a prefix of the chosen one (2019 and 2019/02/11)."""
    if not date.parts or not best.parts:
        return date == best
    return best.parts[0][:len(date.parts[0])] == date.parts[0]


def _read_standard_number(ref: Reference, value: str) -> None:
    """``SN``: the ISBN or ISSN without what exporters add (``(ISSN)``, ``(Print)``); the
    spelling is kept when it is more than the number, so that it can be written back."""
    variable = identifier_variable(value)
    if not variable:
        _keep(ref, "SN", value)
        return
    number = _STANDARD_NUMBER.search(value).group(0).strip()
    if variable in ref.fields:
        _keep(ref, "SN", value)
        return
    ref.fields[variable] = number
    if number != value:
        _keep(ref, "SN", value)


def _read_note_variable(ref: Reference, value: str) -> bool:
    """An ``N1`` line ``original-date: 1950`` fills its CSL variable (as the writer writes
    variables RIS has no tag for); False when the line is an ordinary note."""
    m = _NOTE_VARIABLE.match(value)
    if not m or m.group(1) not in NOTE_VARIABLES or m.group(1) in ref.fields:
        return False
    variable, text = m.group(1), m.group(2).strip()
    ref.fields[variable] = parse_date(text) if variable in DATE_VARIABLES else text
    return True


def identifier_variable(value: str) -> str | None:
    """ISBN or ISSN, told apart by their check digits, else by their length; None when SN
    holds something else (a report number, a CODEN)."""
    m = _STANDARD_NUMBER.search(value)
    if not m:
        return None
    compact = re.sub(r"[^0-9Xx]", "", m.group(0)).upper()
    if _issn.is_valid(compact):
        return "ISSN"
    if _isbn.is_valid(compact):
        return "ISBN"
    return {8: "ISSN", 10: "ISBN", 13: "ISBN"}.get(len(compact))


def parse_name(value: str) -> Name:
    """``Family, Given[, Suffix]``; without a comma an organisation, unless it is the
    ``Иванов И.И.`` form with initials.  Lower-case words before the family name are its
    particle (``van der Berg``), after the given name the dropping particle (``Jean de``)."""
    text = value.strip()
    if "," not in text:
        return _name_without_comma(text)
    family, given, *rest = [p.strip() for p in text.split(",")]
    name = Name(given=given, suffix=", ".join(p for p in rest if p))
    words = family.split()
    while len(words) > 1 and words[0][:1].islower():
        name.non_dropping_particle = " ".join(w for w in (name.non_dropping_particle, words.pop(0)) if w)
    name.family = " ".join(words)
    given_words = given.split()
    tail: list[str] = []
    while len(given_words) > 1 and given_words[-1][:1].islower():
        tail.insert(0, given_words.pop())
    if tail:
        name.given, name.dropping_particle = " ".join(given_words), " ".join(tail)
    return name


def _name_without_comma(text: str) -> Name:
    """``Иванов И.И.`` and ``И.И. Иванов`` are people; anything else is an organisation."""
    m = _FAMILY_INITIALS.match(text)
    if m and _capitalised(m.group(1), m.group(2)):
        return Name(family=m.group(1), given=m.group(2).strip())
    m = _INITIALS_FAMILY.match(text)
    if m and _capitalised(m.group(2), m.group(1)):
        return Name(family=m.group(2), given=m.group(1).strip())
    return Name(literal=text)


def _capitalised(*texts: str) -> bool:
    return all(word[0].isupper() for text in texts for word in re.findall(r"[^\W\d_]+", text))


# ---------------------------------------------------------------- writing

def format_name(name: Name) -> str:
    """``Family, Given[, Suffix]``; a person with one name keeps the comma (``Aristotle,``)
    so that it is not read back as an organisation."""
    if name.literal:
        return name.literal
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    given = " ".join(p for p in (name.given, name.dropping_particle) if p)
    if not given and not name.suffix:
        return f"{family},"
    return ", ".join([family, given] + ([name.suffix] if name.suffix else []))


def _date_text(date: Date) -> str:
    if not date.parts:
        return date.literal
    p = date.parts[0]
    return f"{p[0]:04d}/" + (f"{p[1]:02d}" if len(p) > 1 else "") + "/" + (f"{p[2]:02d}" if len(p) > 2 else "") + "/"


#: Everything some reader takes for the end of a line: CR and LF, and the breaks that
#: Python's ``str.splitlines`` (and so Python RIS readers) also split on — VT, FF, the
#: file/group/record separators, NEL, U+2028/2029.  Left in a value, ``x\x85ER  - `` ends
#: the record there for such a reader and what follows becomes a record of its own.
_ANY_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _one_line(value) -> str:
    """RIS values are one line (a continuation would be read back joined by a space)."""
    return _ANY_LINE_BREAK.sub(" ", str(value)).strip()


def _preferred(ref: Reference, tag: str, computed: str, reads_as) -> tuple[str, list[str]]:
    """The original spelling kept in ``extra["ris.<tag>"]`` when it still reads as the record
    says, else the computed value; and the kept values that are not that original."""
    kept = [v for v in ref.extra.get(f"ris.{tag}", "").split("\n") if v] if f"ris.{tag}" in ref.extra else []
    for value in kept:
        if reads_as(value):
            kept.remove(value)
            return value, kept
    return computed, kept


def _mapped_tags(ref: Reference, left: dict[str, list[str]]) -> list[tuple[str, str]]:
    f = ref.fields
    tags: list[tuple[str, str]] = []
    if ref.id:
        tags.append(("ID", ref.id))
    for tag, variable in NAME_TAG_OUT:
        tags += [(tag, format_name(n)) for n in f.get(variable) or [] if isinstance(n, Name)]
    title = ": ".join(str(part) for part in (f.get("title"), ref.extra.get(SUBTITLE), f.get("title-addon"))
                      if part not in (None, ""))
    if title:
        tags.append(("TI", title))
    if ref.extra.get(TRANSLATION):
        tags.append(("TT", ref.extra[TRANSLATION]))
    for tag, variable in (("ST", "title-short"), ("T2", "container-title"),
                          ("J2", "container-title-short"), ("T3", "collection-title"), ("VL", "volume"),
                          ("IS", "issue"), ("ET", "edition"), ("NV", "number-of-volumes"), ("PB", "publisher"),
                          ("CY", "publisher-place"), ("DO", "DOI"), ("AB", "abstract"), ("M3", "genre"),
                          ("AN", "number"), ("SE", "section"), ("CN", "call-number"), ("N1", "note")):
        if f.get(variable) not in (None, ""):
            tags.append((tag, str(f[variable])))
    if f.get("page"):
        first, _, last = re.sub(r"\s*[–—]\s*", "-", str(f["page"])).partition("-")
        tags.append(("SP", first.strip()))
        if last.strip():
            tags.append(("EP", last.strip()))
    elif f.get("number-of-pages") and ref.type in WHOLE_WORKS and _PAGE_COUNT.match(str(f["number-of-pages"])):
        tags.append(("SP", str(f["number-of-pages"])))
    kept_sn = [v for v in ref.extra.get("ris.SN", "").split("\n") if v]
    for variable in ("ISBN", "ISSN"):
        if f.get(variable):
            number = str(f[variable])
            spelling = next((v for v in kept_sn if identifier_variable(v) == variable
                             and _STANDARD_NUMBER.search(v).group(0).strip() == number), number)
            if spelling in kept_sn:
                kept_sn.remove(spelling)
            tags.append(("SN", spelling))
    left["SN"] = kept_sn
    for variable in sorted(_note_variables(ref, tags)):
        value = f[variable]
        text = value.iso() if isinstance(value, Date) else str(value)
        if text:
            tags.append(("N1", f"{variable}: {text}"))
    if f.get("URL"):
        tags.append(("UR", str(f["URL"])))
    if f.get("keyword"):
        tags += [("KW", k.strip()) for k in str(f["keyword"]).split(",") if k.strip()]
    return tags


def _note_variables(ref: Reference, tags: list[tuple[str, str]]) -> list[str]:
    """Text and date variables no tag took: written as ``N1  - variable: value``."""
    written_pages = any(tag == "SP" for tag, _ in tags) and not ref.fields.get("page")
    out = []
    for variable, value in ref.fields.items():
        if variable not in NOTE_VARIABLES or variable in _TAGGED or value in (None, ""):
            continue
        if variable == "number-of-pages" and written_pages:
            continue
        if isinstance(value, (str, int, Date)):
            out.append(variable)
    return out


def dropped_fields(ref: Reference) -> list[str]:
    """What :func:`record_lines` cannot write for this record, by name."""
    f = ref.fields
    written_names = {variable for _, variable in NAME_TAG_OUT}
    dropped = [v for v in f if v in NAME_VARIABLES and v not in written_names and f[v]]
    for variable in ("issued", "accessed"):
        date = f.get(variable)
        if isinstance(date, Date):
            if len(date.parts) > 1:
                dropped.append(f"{variable} (end of the range)")
            if date.circa:
                dropped.append(f"{variable} (circa)")
            if date.season is not None:
                dropped.append(f"{variable} (season)")
    for key in ref.extra:
        if key.startswith("ris."):
            if not _TAG_NAME.match(key[4:]):
                dropped.append(key)
        elif key not in _BOOKKEEPING and key not in (SUBTITLE, TRANSLATION):
            dropped.append(key)
    return dropped


def _preferred_tags(ref: Reference) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """TY, LA and the dates, in the source's spelling where it still agrees; and what is
    left of their extras to write as lines of their own."""
    f = ref.fields
    tags: list[tuple[str, str]] = []
    left: dict[str, list[str]] = {}
    ty, _ = _preferred(ref, "TY", CSL_TO_TYPE.get(ref.type, "GEN"),
                       lambda v: TYPE_TO_CSL.get(v.upper(), "document") == ref.type)
    left["TY"] = []                  # an original TY that no longer agrees with the type is dropped
    tags.append(("TY", ty))
    if f.get("language"):
        la, left["LA"] = _preferred(ref, "LA", str(f["language"]),
                                    lambda v: LANGUAGES.get(v.strip().lower(), v.strip()) == f["language"])
        tags.append(("LA", la))
    issued = f.get("issued")
    if isinstance(issued, Date):
        year = str(issued.year) if issued.year is not None else issued.literal
        full = bool(issued.parts) and len(issued.parts[0]) > 1
        # with a DA line beside it, PY only has to agree with the date; alone it must be it
        py, left["PY"] = _preferred(ref, "PY", year, lambda v: _agrees(read_ris_date(v)[0], issued)
                                    if full else read_ris_date(v)[0] == issued)
        tags.append(("PY", py))
        if full:
            da, left["DA"] = _preferred(ref, "DA", _date_text(issued), lambda v: read_ris_date(v)[0] == issued)
            tags.append(("DA", da))
    accessed = f.get("accessed")
    if isinstance(accessed, Date):
        y2, left["Y2"] = _preferred(ref, "Y2", _date_text(accessed), lambda v: read_ris_date(v)[0] == accessed)
        tags.append(("Y2", y2))
    return tags, left


def record_lines(ref: Reference) -> list[str]:
    """One record as RIS lines, tags in a conventional order, ending with ``ER  -``."""
    tags, left = _preferred_tags(ref)
    tags += _mapped_tags(ref, left)
    for key, value in ref.extra.items():
        tag = key[4:]
        if not key.startswith("ris.") or not _TAG_NAME.match(tag):
            continue                     # ris.unparsed and anything else that is not a tag
        values = left.get(tag, str(value).split("\n"))
        tags += [(tag, v) for v in values if v]
    order = {t: i for i, t in enumerate(WRITE_ORDER)}
    tags.sort(key=lambda tv: order.get(tv[0], len(order)))
    lines = [f"{tag}  - {_one_line(value)}" if _one_line(value) else f"{tag}  -" for tag, value in tags]
    lines.append("ER  -")
    return lines


def _report_dropped(library: Library) -> None:
    """One warning per record naming what RIS could not hold (said once per library)."""
    known = {(d.file, d.line, d.message) for d in library.diagnostics if d.code == "dropped-field"}
    for ref in library:
        dropped = dropped_fields(ref)
        if not dropped:
            continue
        where = f"record '{ref.id}'" if ref.id else "record"
        diagnostic = Diagnostic(ref.source.file or "<memory>", ref.source.line,
                                f"RIS has no place for {', '.join(dropped)} of {where}: not written",
                                "warning", code="dropped-field")
        if (diagnostic.file, diagnostic.line, diagnostic.message) not in known:
            library.diagnostics.append(diagnostic)


def write(library: Library, newline: str = "\n", **_options) -> bytes:
    """Records separated by a blank line, UTF-8; ``newline="\\r\\n"`` for tools that want CRLF.

    An unchanged library read from one RIS file gives back that file's bytes.
    """
    original = unchanged_original(library, "ris")
    if original is not None:
        return original
    blocks = [newline.join(record_lines(r)) for r in library]
    _report_dropped(library)
    return (f"{newline}{newline}".join(blocks) + newline).encode("utf-8") if blocks else b""
