"""BibTeX/BibLaTeX fields ⇄ CSL variables.

Both dialects are read (``journal``/``journaltitle``, ``address``/``location``,
``year``+``month``/``date``, ``school``/``institution``); output is biblatex by default, or
classic BibTeX.  A field with no CSL variable is kept in ``Reference.extra`` as
``biblatex.<field>`` with its LaTeX untouched, so it is written back exactly.  Where the
inverse mapping would not give back what was read (``@mvbook`` → book → ``@book``,
``langid = {ngerman}`` → de → ``german``), the original is kept in ``extra`` too and
preferred on output while it still agrees with the record.
"""
from __future__ import annotations

import re

from . import escape, fieldnames
from . import names as _names
from ... import latex
from ...dates import date_from_parts, month_number, parse_date
from ...model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, Date, Reference, Source

EXTRA = "biblatex."
#: A RIS tag that has no CSL variable is written to .bib as the field ``ris-<tag>`` (text),
#: and read back to ``extra["ris.<TAG>"]``: nothing a RIS export carried is lost on the way.
RIS_FIELD = "ris-"
#: RIS extras that are not data of the work: its RIS type (the entry type says it).
_RIS_NOT_WRITTEN = frozenset({"ris.TY"})
#: A title's translation, supplied by the user: BibTeX field ``titletranslation``, CSL-JSON
#: ``custom["polybib.title-translation"]``.  polybib never computes one.
TRANSLATION = "polybib.title-translation"

# ---------------------------------------------------------------- entry types

TYPE_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter",
    "bookinbook": "chapter", "suppbook": "chapter", "booklet": "pamphlet",
    "collection": "book", "mvcollection": "book", "incollection": "chapter",
    "suppcollection": "chapter", "manual": "report", "misc": "document", "online": "webpage",
    "electronic": "webpage", "www": "webpage", "patent": "patent", "periodical": "periodical",
    "suppperiodical": "article-journal", "proceedings": "book", "mvproceedings": "book",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "reference": "book", "mvreference": "book", "inreference": "entry-encyclopedia",
    "report": "report", "techreport": "report", "thesis": "thesis", "phdthesis": "thesis",
    "mastersthesis": "thesis", "unpublished": "manuscript", "dataset": "dataset",
    "software": "software", "standard": "standard", "legislation": "legislation",
    "legal": "legislation", "jurisdiction": "legal_case", "letter": "personal_communication",
    "artwork": "graphic", "image": "graphic", "audio": "song", "music": "song",
    "movie": "motion_picture", "video": "motion_picture", "performance": "performance",
    "review": "review",
}

#: CSL type → the biblatex type written for it.  Only types every style has a driver for
#: (biblatex-gost has none for ``@legislation``, ``@standard``, ``@dataset``, ``@software``
#: …, and standard biblatex prints those through ``@misc`` anyway): a CSL type without
#: one is written as ``@misc`` with ``entrysubtype = {<CSL type>}`` (biblatex's field for
#: "a finer-grained set of entry types"), which the reader turns back into the CSL type.
CSL_TO_BIBLATEX = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "article", "book": "book", "chapter": "incollection", "pamphlet": "booklet",
    "document": "misc", "webpage": "online", "post": "online", "post-weblog": "online",
    "patent": "patent", "periodical": "periodical", "paper-conference": "inproceedings",
    "entry-encyclopedia": "inreference", "entry-dictionary": "inreference", "entry": "inreference",
    "report": "report", "thesis": "thesis", "manuscript": "unpublished", "review": "review",
    "review-book": "review",
}
#: CSL types written as ``@misc`` with ``entrysubtype``.
SUBTYPED_CSL_TYPES = frozenset(CSL_TYPES) - set(CSL_TO_BIBLATEX)
#: Entry types plain.bst and its relatives have drivers for.
CLASSIC_TYPES = frozenset({
    "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
    "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished"})
CSL_TO_BIBTEX = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "article", "book": "book", "chapter": "incollection", "pamphlet": "booklet",
    "paper-conference": "inproceedings", "report": "techreport", "manuscript": "unpublished",
    "periodical": "book",
}

# ---------------------------------------------------------------- languages

LANGID_TO_CODE = {
    "russian": "ru", "english": "en", "american": "en-US", "USenglish": "en-US",
    "british": "en-GB", "UKenglish": "en-GB", "ukrainian": "uk", "belarusian": "be",
    "bulgarian": "bg", "serbian": "sr", "serbianc": "sr-Cyrl", "macedonian": "mk",
    "kazakh": "kk", "german": "de", "ngerman": "de", "austrian": "de-AT",
    "french": "fr", "italian": "it", "spanish": "es", "portuguese": "pt", "brazil": "pt-BR",
    "polish": "pl", "czech": "cs", "slovak": "sk", "slovene": "sl", "croatian": "hr",
    "dutch": "nl", "swedish": "sv", "norwegian": "no", "danish": "da", "finnish": "fi",
    "estonian": "et", "latvian": "lv", "lithuanian": "lt", "hungarian": "hu", "romanian": "ro",
    "greek": "el", "latin": "la", "chinese": "zh", "japanese": "ja", "korean": "ko",
    "turkish": "tr", "armenian": "hy", "georgian": "ka", "hebrew": "he", "arabic": "ar",
    "catalan": "ca", "uzbek": "uz", "tatar": "tt", "mongolian": "mn", "azerbaijani": "az",
}
CODE_TO_LANGID = {}
for _name, _code in LANGID_TO_CODE.items():
    CODE_TO_LANGID.setdefault(_code, _name)


def langid_to_code(value: str) -> str:
    return LANGID_TO_CODE.get(value.strip(), LANGID_TO_CODE.get(value.strip().lower(), value.strip()))


def code_to_langid(code: str) -> str:
    if code in CODE_TO_LANGID:
        return CODE_TO_LANGID[code]
    base = code.split("-")[0].lower()
    return CODE_TO_LANGID.get(base, code)


# ---------------------------------------------------------------- fields

#: biblatex field → CSL variable, for plain text fields (first claim wins).
TEXT_FIELDS = {
    "title": "title", "shorttitle": "title-short", "journaltitle": "container-title",
    "journal": "container-title", "booktitle": "container-title",
    "shortjournal": "container-title-short", "series": "collection-title",
    "publisher": "publisher", "location": "publisher-place", "address": "publisher-place",
    "institution": "publisher", "school": "publisher", "organization": "publisher",
    "volume": "volume", "pagetotal": "number-of-pages", "volumes": "number-of-volumes",
    "edition": "edition", "chapter": "chapter-number", "version": "version",
    "eventtitle": "event-title", "venue": "event-place", "abstract": "abstract",
    "note": "note", "annotation": "annote", "annote": "annote", "keywords": "keyword",
    "type": "genre", "origtitle": "original-title", "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place", "isbn": "ISBN", "issn": "ISSN",
    "medium": "medium", "howpublished": "medium", "titleaddon": "title-addon",
}
#: Rank among fields that fill the same variable (lower claims first).
CLAIM_RANK = {"journal": 1, "booktitle": 2, "institution": 1, "school": 2, "organization": 3,
              "address": 1, "howpublished": 1, "annote": 1}
#: Fields read verbatim: URLs and identifiers are not LaTeX (but ``\_`` is unescaped).
VERBATIM_FIELDS = {"doi": "DOI", "url": "URL", "pmid": "PMID", "pmcid": "PMCID"}
NAME_FIELDS = {
    "author": "author", "editor": "editor", "translator": "translator",
    "bookauthor": "container-author",
}
DATE_FIELDS = {"date": "issued", "urldate": "accessed", "eventdate": "event-date",
               "origdate": "original-date"}
#: A CSL variable none of the fields above holds (``archive``, ``director``, ``submitted`` …)
#: is written as the field ``csl-<variable>`` and read back to the variable; what is left of
#: a CSL-JSON item's unknown keys and plain ``custom`` members goes, as a JSON list of
#: ``[key, value]`` pairs, to ``csl-extra``.  So nothing a CSL-JSON item carried is lost on its way through ``.bib``
#: (BibTeX and biber ignore fields they do not know).
CSL_FIELD = "csl-"
CSL_EXTRA_FIELD = "csl-extra"
#: Extras that are not CSL-JSON's: each has its own way into ``.bib`` or is polybib's
#: bookkeeping (``translit.*`` romanizations are written by ``polybib translit``'s rules).
_OWN_EXTRAS = ("biblatex.", "ris.", "polybib.", "translit.")
ISSUE_TYPES = {"article-journal", "article-magazine", "article-newspaper", "periodical", "article"}

#: The CSL variables the named fields write; any other goes to ``csl-<variable>``.
WRITTEN_VARIABLES = frozenset(TEXT_FIELDS.values()) | frozenset(VERBATIM_FIELDS.values()) | \
    frozenset(NAME_FIELDS.values()) | frozenset(DATE_FIELDS.values()) | {
        "issue", "number", "collection-number", "page", "language", "title-addon"}

#: Order of fields when an entry is written from scratch.
OUTPUT_ORDER = [
    "author", "bookauthor", "editor", "translator", "title", "titleaddon", "shorttitle",
    "journaltitle", "journal", "booktitle", "shortjournal", "eventtitle", "venue", "eventdate",
    "series", "edition", "type", "volume", "volumes", "number", "issue", "chapter", "version",
    "location", "address", "publisher", "institution", "school", "organization", "howpublished",
    "date", "year", "month", "pages", "pagetotal", "isbn", "issn", "doi", "url", "urldate",
    "origtitle", "origlocation", "origpublisher", "origdate", "origyear", "medium", "langid",
    "language", "keywords",
    "abstract", "note", "annotation", "annote", "entrysubtype", "titletranslation",
    "booktitleaddon", "journaltitleaddon", "contenttype", "addendum", "gosthostlangid",
    "gosteditorterm", "gosttranslatorterm", "gostaccess", "gostapplication",
]


def unescape_verbatim(value: str) -> str:
    """``a\\_b\\%20c`` → ``a_b%20c``: classic BibTeX users escape URLs for LaTeX."""
    if "\\" not in value:
        return value.strip()
    out = []
    i = 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in "_%&#$~{}":
            out.append(value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out).strip()


def _split_pages(value: str) -> str:
    text = latex.decode(value, markup=False) if "\\" in value or "{" in value else value
    return text.replace("–", "-").replace("—", "-").replace("--", "-").strip()


def entry_to_reference(entry_type: str, key: str, fields: list[tuple[str, str]],
                       source: Source, spellings: bool = True) -> Reference:
    """Map one entry's resolved field values (LaTeX text, no enclosing braces) to a Reference.

    ``fields`` keeps the file's order and the file's field-name spelling; names are
    compared lower-cased, as BibTeX compares them.  ``spellings`` False leaves out which
    of two field names filled a variable (:func:`fieldnames.remember`): only the writer
    reads it, and lint's own records are never written (a fiftieth of lint's time).
    """
    ref = Reference(id=key, source=source)
    low_type = entry_type.lower()
    pairs = [(name.lower(), value) for name, value in fields]
    values = dict(reversed(pairs))          # by lower-cased name, the first occurrence wins
    ref.type = TYPE_TO_CSL.get(low_type, "document")
    subtype = values.get("entrysubtype", "").strip() if low_type == "misc" else ""
    if subtype in SUBTYPED_CSL_TYPES:
        ref.type = subtype                  # @misc{entrysubtype = {legislation}}: polybib's own
    if low_type != CSL_TO_BIBLATEX.get(ref.type, "misc"):
        ref.extra[EXTRA + "entrytype"] = low_type
    # Where two fields can fill one variable, the same one must win however the file
    # orders them, or a rewritten entry would swap them: claim in a fixed priority.
    if not CLAIM_RANK.keys().isdisjoint(values):
        pairs.sort(key=lambda pair: CLAIM_RANK.get(pair[0], 0))
    seen: set[str] = set()
    claimed: list[tuple[str, str]] = []
    variables = ref.fields
    alternatives = fieldnames.HAVE_ALTERNATIVES
    for low, value in pairs:
        if low in seen:
            continue        # a repeated field: BibTeX uses the first; the document keeps both
        seen.add(low)
        before = len(variables)
        if not _map_field(ref, low, value, values, low_type):
            if low.startswith(RIS_FIELD) and low[len(RIS_FIELD):].isalnum():
                ref.extra.setdefault("ris." + low[len(RIS_FIELD):].upper(), latex.decode(value, markup=False))
            elif low.startswith(CSL_FIELD) and _read_csl_field(ref, low, value):
                pass
            elif not (subtype and low == "entrysubtype" and ref.type == subtype):
                ref.extra.setdefault(EXTRA + low, value)
        elif spellings and low in alternatives and len(variables) > before:
            claimed.append((low, next(reversed(variables))))
    if claimed:
        fieldnames.remember(ref.extra, claimed, ref.type)
    if not _GOST_TRIGGERS.isdisjoint(values):
        _read_gost(ref, values)
    return ref


def _read_csl_field(ref: Reference, low: str, value: str) -> bool:
    """``csl-<variable>`` back into its variable, ``csl-extra`` back into ``extra``; False
    (the field is then kept as a plain extra) when it holds something else."""
    if low == CSL_EXTRA_FIELD:
        import json
        try:
            pairs = json.loads(value)
        except ValueError:
            return False
        if not isinstance(pairs, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs):
            return False
        for key, text in pairs:
            ref.extra.setdefault(key, text)
        return True
    variable = low[len(CSL_FIELD):]
    if variable in NAME_VARIABLES:
        names, _etal = _names.parse_bibtex_names(value)
        return _claim(ref, variable, names)
    if variable in DATE_VARIABLES:
        return _claim(ref, variable, parse_date(_date_text(value)))
    from ..csljson import TEXT_VARIABLES      # only files that have such a field pay for it
    return (variable in TEXT_VARIABLES or variable in WRITTEN_VARIABLES) and \
        _claim(ref, variable, latex.decode(value))


def _write_csl_fields(out: dict, ref: Reference, ascii: bool) -> None:
    """The variables and CSL-JSON extras no named field holds (see :data:`CSL_FIELD`)."""
    for variable, value in ref.fields.items():
        if variable in WRITTEN_VARIABLES or value in ("", None, []):
            continue
        if type(value) is Date:
            text = value.iso() if value.parts else escape.date_literal(value.literal)
        elif isinstance(value, list):
            text = _name_list(value, False, ascii, False)
        else:
            text = latex.encode(str(value), ascii)
        out.setdefault(CSL_FIELD + variable, text)
    rest = [[key, str(value)] for key, value in ref.extra.items() if not key.startswith(_OWN_EXTRAS)]
    if rest:
        out.setdefault(CSL_EXTRA_FIELD, _json_body(rest))


#: Characters of JSON text that BibTeX or a LaTeX reader could take for syntax: written as
#: JSON's own ``\uXXXX`` escapes (the pairs are a list, so a brace is never structure).
_JSON_UNSAFE = re.compile(r"[{}%#~^&$<>@]")


def _json_body(pairs: list) -> str:
    """``csl-extra``'s value: JSON in printable ASCII without a brace, read back by
    ``json.loads`` as it stands (no LaTeX decoding, so CSL markup like ``<b>`` is kept)."""
    import json
    return _JSON_UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()), json.dumps(pairs))


# ---------------------------------------------------------------- GOST (biblatex-gost names)

#: biblatex field → ``polybib.gost.*`` key, for what GOST prints and CSL has no variable for
#: (render/gost.py).  ``location``/``publisher`` lists and ``date = {2000/}`` are read below;
#: ``organization`` is the issuing body when the entry has a publisher too.
GOST_FIELDS = {
    "contenttype": "content-type", "booktitleaddon": "host-info", "journaltitleaddon": "host-info",
    "addendum": "note", "gosthostlangid": "host-language", "gosteditorterm": "editor-term",
    "gosttranslatorterm": "translator-term", "gostaccess": "access",
    "gostapplication": "application",      # a patent's application number (no biblatex field)
    "gosthostresponsibility": "host-responsibility",   # the host's further statements (none either)
}
GOST = "polybib.gost."
_GOST_TRIGGERS = frozenset(GOST_FIELDS) | {"location", "address", "publisher", "organization", "date"}
_OPEN_RANGE = re.compile(r"^\s*(\d{4})/(\.\.)?\s*$")


def _top_level_and(value: str) -> bool:
    depth = 0
    for i, c in enumerate(value):
        depth += (c == "{") - (c == "}")
        if depth == 0 and value.startswith(" and ", i):
            return True
    return False


def _and_items(value: str) -> list[str]:
    items, depth, start, i = [], 0, 0, 0
    while i < len(value):
        c = value[i]
        depth += (c == "{") - (c == "}")
        if depth == 0 and value.startswith(" and ", i):
            items.append(value[start:i])
            start, i = i + 5, i + 5
            continue
        i += 1
    items.append(value[start:])
    return [latex.decode(x.strip()) for x in items if x.strip()]


def _read_gost(ref: Reference, values: dict) -> None:
    """What biblatex-gost's fields say that CSL cannot hold, into ``polybib.gost.*``."""
    extra = ref.extra
    for field, variable, key in (("location", "publisher-place", "location"),
                                 ("address", "publisher-place", "location"),
                                 ("publisher", "publisher", "publisher")):
        value = values.get(field)
        if value and _top_level_and(value) and GOST + key not in extra:
            items = _and_items(value)
            extra[GOST + key] = " and ".join("{%s}" % x if " and " in x else x for x in items)
            ref.fields[variable] = "; ".join(items)     # other styles print the list joined
    if "organization" in values and ref.fields.get("publisher") and extra.get(EXTRA + "organization"):
        extra[GOST + "organization"] = latex.decode(extra.pop(EXTRA + "organization"))
    date = values.get("date", "")
    match = _OPEN_RANGE.match(date.replace("{", "").replace("}", ""))
    if match and "issued" in ref.fields and not ref.fields["issued"].parts:
        ref.fields["issued"] = Date(parts=[[int(match.group(1))]])
        extra[GOST + "open-range"] = "true"
    for field, key in GOST_FIELDS.items():
        kept = extra.get(EXTRA + field)
        if kept is not None and GOST + key not in extra:
            extra[GOST + key] = latex.decode(extra.pop(EXTRA + field))


def _write_gost(out: dict, ref: Reference, ascii: bool) -> None:
    """``polybib.gost.*`` as biblatex-gost's fields (the inverse of :func:`_read_gost`)."""
    extra, f = ref.extra, ref.fields
    for key, variable, field in (("location", "publisher-place", "location"),
                                 ("publisher", "publisher", "publisher")):
        items = extra.get(GOST + key)
        if not items:
            continue
        from ...render.gost import split_list      # one list syntax for both sides
        parts = split_list(items)
        if f.get(variable) in (None, "", "; ".join(parts)) or len(parts) == 1:
            for name in ("address", "location") if field == "location" else ("publisher",):
                if EXTRA + name not in extra:       # not an alias field of its own (JabRef's)
                    out.pop(name, None)
            # an item holding "and" is braced, unless its text is braced already (nocase)
            out[field] = " and ".join("{%s}" % p if _top_level_and(p) else p
                                      for p in (latex.encode(x, ascii) for x in parts))
    if extra.get(GOST + "organization"):
        out["organization"] = latex.encode(extra[GOST + "organization"], ascii)
    issued = f.get("issued")
    if extra.get(GOST + "open-range") == "true" and type(issued) is Date and len(issued.parts) == 1:
        out.pop("year", None)
        out["date"] = f"{issued.parts[0][0]:04d}/"
    for field, key in GOST_FIELDS.items():
        value = extra.get(GOST + key)
        if value and field not in out and not (field == "journaltitleaddon" and "booktitleaddon" in out):
            if key == "host-info" and field == "booktitleaddon" and ref.type in ISSUE_TYPES:
                continue
            if key == "host-info" and field == "journaltitleaddon" and ref.type not in ISSUE_TYPES:
                continue
            out[field] = latex.encode(value, ascii)


def _claim(ref: Reference, variable: str, value) -> bool:
    if variable in ref.fields or not value or (type(value) is Date and not value.parts and not value.literal):
        return False
    ref.fields[variable] = value
    return True


def _map_field(ref: Reference, low: str, value: str, values: dict, low_type: str) -> bool:
    """Put one field into the record; False when it has no place there (→ extra)."""
    if low == "titletranslation":          # the user's translation of the title (polybib's field)
        ref.extra[TRANSLATION] = latex.decode(value)
        return True
    if low in TEXT_FIELDS:
        if low in _LIST_FIELDS and "{and}" in value:
            value = _BRACED_AND.sub("and", value)   # a word, braced only to keep the list whole
        return _claim(ref, TEXT_FIELDS[low], latex.decode(value))
    if low in NAME_FIELDS:
        names, etal = _names.parse_bibtex_names(value)
        if not names and not etal:
            return False
        if etal:
            ref.extra["polybib.etal." + NAME_FIELDS[low]] = "true"
        return _claim(ref, NAME_FIELDS[low], names) or (not names and etal)
    if low in VERBATIM_FIELDS:
        return _claim(ref, VERBATIM_FIELDS[low], unescape_verbatim(value))
    if low == "pages":
        return _claim(ref, "page", _split_pages(value))
    if low in DATE_FIELDS:
        return _claim(ref, DATE_FIELDS[low], parse_date(_date_text(value)))
    if low == "year":
        if "date" in values:
            return False
        month = values.get("month", "")
        issued = date_from_parts(_date_text(value), latex.decode(month, markup=False), values.get("day", ""))
        if month and _month_consumed(values) and not (issued.parts and len(issued.parts[0]) > 1):
            ref.extra[EXTRA + "month"] = month      # year {1984--1985}: the date cannot hold it
        return _claim(ref, "issued", issued)
    if low in ("month", "day"):
        # consumed by "year"; kept separately only when there is no year, or there is a date
        return "year" in values and "date" not in values and _month_consumed(values)
    if low == "origyear":
        return "origdate" not in values and _claim(ref, "original-date", date_from_parts(value))
    if low == "langid":
        code = langid_to_code(value)
        if code_to_langid(code) != value.strip():
            ref.extra[EXTRA + "langid"] = value
        return _claim(ref, "language", code)
    if low == "language":
        if "langid" in values:
            return False
        code = langid_to_code(value)
        if code == value.strip() or code_to_langid(code) != value.strip():
            return False
        ref.extra[EXTRA + "language"] = value
        return _claim(ref, "language", code)
    if low == "number":
        variable = "issue" if ref.type in ISSUE_TYPES else (
            "collection-number" if ref.type in ("book", "chapter", "paper-conference") else "number")
        return _claim(ref, variable, latex.decode(value))
    if low == "issue" and ref.type in ISSUE_TYPES and "number" not in values:
        return _claim(ref, "issue", latex.decode(value))
    return False


def _number_read_as(field: str, csl_type: str) -> str | None:
    """The variable the reader gives a ``number`` or ``issue`` field of this type (as
    :func:`_map_field` does when the entry has no other of the two)."""
    if field == "number":
        return "issue" if csl_type in ISSUE_TYPES else (
            "collection-number" if csl_type in ("book", "chapter", "paper-conference") else "number")
    return "issue" if field == "issue" and csl_type in ISSUE_TYPES else None


def _date_text(value: str) -> str:
    """A date field's text: EDTF's ``~`` (circa) is not LaTeX's tie here.  A literal that
    polybib wrote as text (``\\textbackslash{}x`` from a CSL-JSON ``\\x``) is read back as
    that text; any other LaTeX in a date is kept as before."""
    if "\\" in value:
        decoded = latex.decode(value, markup=False)
        if latex.encode(decoded, latex=False) == value:
            return decoded.strip()
    return value.replace("{", "").replace("}", "").strip()


def _month_consumed(values: dict) -> bool:
    return month_number(latex.decode(values.get("month", ""), markup=False)) is not None


# ---------------------------------------------------------------- model → fields

def reference_to_fields(ref: Reference, dialect: str | None = "biblatex",
                        ascii: bool = False) -> list[tuple[str, str]]:
    """The (field, value body) pairs of a record in the given dialect, values LaTeX-encoded.

    A value body is what goes between the braces.  Extras from a BibTeX source come
    back verbatim; ``polybib.*`` and other formats' extras are not BibTeX fields.
    ``dialect`` None writes biblatex but keeps the field names the record was read with
    (:mod:`.fieldnames`); "biblatex" and "bibtex" write that dialect's own names.
    Every body is safe between braces (:mod:`.escape`); the LaTeX a record read from
    ``.bib`` keeps in its text stays LaTeX, while in a record from any other source a
    backslash or a brace is a character.
    """
    from_bibtex = ref.source is not None and ref.source.format == "bibtex"
    with latex.source_is_latex(from_bibtex):
        return _reference_to_fields(ref, dialect, ascii, from_bibtex)


#: Each field's place in OUTPUT_ORDER.
_OUTPUT_RANK = {name: i for i, name in enumerate(OUTPUT_ORDER)}

#: Runs of text fields (field name or names to try, CSL variable), written in this order.
_TEXT_TITLES = (
    ("title", "title"), ("titleaddon", "title-addon"), ("shorttitle", "title-short"),
    ((), "container-title"), ("shortjournal", "container-title-short"),
    ("eventtitle", "event-title"), ("venue", "event-place"), ("series", "collection-title"),
    ("edition", "edition"), ("type", "genre"), ("volume", "volume"),
    ("volumes", "number-of-volumes"),
)
_TEXT_PUBLICATION = (
    ("chapter", "chapter-number"), ("version", "version"), ((), "publisher-place"),
    ((), "publisher"),
)
_TEXT_NUMBERS = (
    ("pagetotal", "number-of-pages"), ("isbn", "ISBN"), ("issn", "ISSN"),
)
_TEXT_ORIGINAL = (
    ("origtitle", "original-title"), ("origlocation", "original-publisher-place"),
    ("origpublisher", "original-publisher"), ((), "medium"),
)
_TEXT_NOTES = (
    ("keywords", "keyword"), ("abstract", "abstract"),
)


#: Fields biblatex reads as ``and`` lists and polybib's reader splits too (:func:`_read_gost`):
#: an ``and`` in the text of one place or publisher is a word, braced so that it stays one.
_LIST_FIELDS = frozenset({"location", "address", "publisher"})
_AND_OR_BRACE = re.compile(r"[{}]|(?<=\s)and(?=\s)")
_BRACED_AND = re.compile(r"(?<=\s)\{and\}(?=\s)")


def _brace_and_words(body: str) -> str:
    """Each ``and`` outside braces written ``{and}``, the way biblatex's own examples write
    ``Routledge {and} Kegan Paul``; the reader takes ``{and}`` back as the plain word."""
    out, depth, last = [], 0, 0
    for match in _AND_OR_BRACE.finditer(body):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            out.append(body[last:match.start()] + "{and}")
            last = match.end()
    out.append(body[last:])
    return "".join(out)


def _reference_to_fields(ref: Reference, dialect: str | None, ascii: bool,
                         from_bibtex: bool) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    f = ref.fields
    extra = ref.extra
    csl_type = ref.type

    taken = {k[len(EXTRA):] for k in extra if k.startswith(EXTRA)}

    def name_for(variable: str, default: str | tuple[str, ...] = ()) -> str:
        """The first candidate name that an unmapped field of the entry does not occupy."""
        names = fieldnames.chosen(extra, variable, csl_type, dialect) or (
            (default,) if isinstance(default, str) else default)
        return next((c for c in names if c not in taken and c not in out), names[0])

    def text(field: str | tuple[str, ...], variable: str) -> None:
        if variable not in f or f[variable] in ("", None):
            return
        body = latex.encode(str(f[variable]), ascii)
        name = name_for(variable, field)
        if name in _LIST_FIELDS and " and " in body:
            body = _brace_and_words(body)       # "Durham and London" is one place
        out[name] = body

    for field, variable in NAME_FIELDS.items():
        if variable in f or extra.get("polybib.etal." + variable):
            out[field] = _name_list(f.get(variable, []), bool(extra.get("polybib.etal." + variable)),
                                    ascii, from_bibtex)
    for field, variable in _TEXT_TITLES:
        if variable in f:           # most are absent: test before the call
            text(field, variable)
    for variable in ("issue", "number", "collection-number"):
        if variable in f and f[variable] not in ("", None):
            field = name_for(variable)
            if field in out or not from_bibtex and _number_read_as(field, csl_type) != variable:
                field = CSL_FIELD + variable    # e.g. an article's CSL number: not its issue
            out[field if field not in out else CSL_FIELD + variable] = latex.encode(str(f[variable]), ascii)
    for field, variable in _TEXT_PUBLICATION:
        if variable in f:           # most are absent: test before the call
            text(field, variable)
    if "issued" in f:
        _write_date(out, f["issued"], fieldnames.chosen(extra, "issued", csl_type, dialect)[0] == "year")
    if "page" in f:
        # each range's dash written as LaTeX's en dash, the rest as text
        out["pages"] = "--".join(latex.encode(part, ascii) for part in re.split("[-–]", str(f["page"])))
    for field, variable in _TEXT_NUMBERS:
        if variable in f:           # most are absent: test before the call
            text(field, variable)
    for field, variable in VERBATIM_FIELDS.items():
        if variable in f:
            out[field] = escape.verbatim(field, str(f[variable]), dialect)
    for field, variable in DATE_FIELDS.items():
        if field != "date" and variable in f:
            date = f[variable]
            out[field] = date.iso() if date.parts else escape.date_literal(date.literal)
    original_date = f.get("original-date")
    if type(original_date) is Date and fieldnames.chosen(extra, "original-date", csl_type, dialect)[0] == "origyear":
        parts = original_date.parts
        if not parts and original_date.literal:
            del out["origdate"]
            out["origyear"] = escape.date_literal(original_date.literal)
        elif len(parts) == 1 and len(parts[0]) == 1 and not original_date.circa:
            del out["origdate"]
            out["origyear"] = str(parts[0][0])
        elif "origdate" in out:
            # ``origyear = {1978/1980}``: the field the file had, which the reader takes back
            # the same (a rewritten entry would otherwise trade its origyear for an origdate)
            out["origyear"] = out.pop("origdate")
    for field, variable in _TEXT_ORIGINAL:
        if variable in f:           # most are absent: test before the call
            text(field, variable)
    if ref.language:
        _write_language(out, ref, fieldnames.chosen(extra, "language", csl_type, dialect)[0])
    if extra.get(TRANSLATION):
        out["titletranslation"] = latex.encode(extra[TRANSLATION], ascii)
    for field, variable in _TEXT_NOTES:
        if variable in f:           # most are absent: test before the call
            text(field, variable)
    if not _repeats_genre(ref):
        text("note", "note")
    text((), "annote")
    if csl_type in SUBTYPED_CSL_TYPES and entry_type_for(ref, dialect) == "misc":
        out["entrysubtype"] = csl_type
    for key, value in extra.items():
        if key.startswith(EXTRA):
            field = escape.field_name(key[len(EXTRA):]).lower()   # BibTeX ignores case
            if field and field != "entrytype" and field not in out:
                out[field] = escape.extra_value(str(value), from_bibtex)
        elif key.startswith("ris.") and key[4:].isalnum() and key not in _RIS_NOT_WRITTEN:
            # a RIS tag with no CSL variable (Scopus's AD, eLIBRARY's BT): text, in a field
            # of its own that the reader takes back to the same tag
            out.setdefault(RIS_FIELD + key[4:].lower(), latex.encode(str(value), ascii, latex=False))
    if any(k.startswith(GOST) for k in extra):
        _write_gost(out, ref, ascii)
    if not from_bibtex:
        _write_csl_fields(out, ref, ascii)
    order = _OUTPUT_RANK
    return sorted(out.items(), key=lambda kv: order.get(kv[0], len(order)))


#: A name's BibTeX form by its parts, ``ascii`` and whether the source was LaTeX: a file
#: names the same people again and again, and writing a name checks it by parsing it back.
_NAME_TEXTS: dict[tuple, str] = {}
_NAME_TEXTS_LIMIT = 100_000


def _name_list(names, etal: bool, ascii: bool, from_bibtex: bool) -> str:
    """What ``names.format_bibtex_names`` gives (called within ``source_is_latex(from_bibtex)``,
    which the encoder reads), each name formatted once."""
    items = []
    for n in names:
        try:
            key = (n.family, n.given, n.non_dropping_particle, n.dropping_particle, n.suffix,
                   n.literal, ascii, from_bibtex)
            text = _NAME_TEXTS.get(key)
        except (AttributeError, TypeError):     # not a Name of strings: nothing to remember
            items.append(_names.format_bibtex_name(n, ascii))
            continue
        if text is None:
            text = _names.format_bibtex_name(n, ascii)
            if len(_NAME_TEXTS) >= _NAME_TEXTS_LIMIT:
                _NAME_TEXTS.clear()
            _NAME_TEXTS[key] = text
        items.append(text)
    if etal:
        items.append("others")
    return " and ".join(items)


def _write_language(out: dict, ref: Reference, name: str) -> None:
    """``langid`` (biblatex's hyphenation language), or the file's own ``language`` field."""
    kept = ref.extra.get(EXTRA + "language")
    kept_agrees = kept is not None and langid_to_code(kept) == ref.language
    if name == "language" and kept_agrees:
        out["language"] = escape.langid(kept)
        return
    original = ref.extra.get(EXTRA + "langid")
    out["langid"] = escape.langid(original if original and langid_to_code(original) == ref.language
                                  else code_to_langid(ref.language))
    if kept_agrees:
        out["language"] = escape.langid(kept)


def _repeats_genre(ref: Reference) -> bool:
    """A thesis's note that only says its degree again (``type = {PhD thesis}``): biblatex
    styles print ``type`` and ``note`` both, so the words would appear twice."""
    note, genre = ref.fields.get("note"), ref.fields.get("genre")
    return ref.type == "thesis" and isinstance(note, str) and isinstance(genre, str) \
        and note.strip().rstrip(".").casefold() == genre.strip().rstrip(".").casefold()


def _write_date(out: dict, date: Date, classic: bool) -> None:
    if not date.parts and not date.literal:
        return                              # an empty date (CSL-JSON's "date-parts": [])
    if classic and date.parts and len(date.parts) == 1 and not date.circa:
        parts = date.parts[0]
        out["year"] = str(parts[0])
        if len(parts) > 1:
            out["month"] = str(parts[1])
        if len(parts) > 2:
            out["day"] = str(parts[2])
    elif classic and not date.parts:
        out["year"] = escape.date_literal(date.literal)
    elif classic and len(date.parts) == 2 and all(len(p) == 1 for p in date.parts) and not date.circa:
        out["year"] = f"{date.parts[0][0]}/{date.parts[1][0]}"      # a range of years
    else:
        out["date"] = date.iso() if date.parts else escape.date_literal(date.literal)


def entry_type_for(ref: Reference, dialect: str | None = "biblatex") -> str:
    """The entry type: the file's own while it still means the record's CSL type and the
    dialect has it; else the dialect's type for the CSL type."""
    original = ref.extra.get(EXTRA + "entrytype")
    if original and TYPE_TO_CSL.get(original, "document") == ref.type \
            and (dialect != "bibtex" or original in CLASSIC_TYPES):
        return original
    if dialect == "bibtex":
        if ref.type == "thesis":
            genre = str(ref.get("genre", "")).lower()
            return "mastersthesis" if "master" in genre or "магист" in genre else "phdthesis"
        return CSL_TO_BIBTEX.get(ref.type, "misc")
    return CSL_TO_BIBLATEX.get(ref.type, "misc")
