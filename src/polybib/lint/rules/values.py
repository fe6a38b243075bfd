"""V: field values — dates, months, pages, volume/number, DOI, ISBN/ISSN, URLs."""
from __future__ import annotations

import datetime as _dt
import re


from ...dates import month_number, parse_date
from ...model import Date
from ..context import EntryView, finding
from ..findings import Fix
from ..registry import rule

_YEAR = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)?)?[~?%]?$")
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_URL = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(10\..+)$", re.I)


def _plain(value: str) -> str:
    return value.strip().strip("{}").strip()


def _real_days(parts: list[list[int]]) -> bool:
    """Whether a parsed date has parts and each full date is a day of the calendar.

    Why: the date parser checks ranges (month 1–12, day 1–31) only, so ``2019-02-30``
    passed; biber rejects it and the date disappears from the reference.
    """
    if not parts:
        return False
    for date in parts:
        if len(date) == 3:
            try:
                _dt.date(*date)
            except ValueError:
                return False
    return True


#: The date fields V001 checks in a .bib entry.
_DATE_FIELDS = ("year", "date", "urldate", "eventdate", "origdate")


@rule("V001", "malformed-date", "warning", fix="safe", fields=_DATE_FIELDS)
def malformed_date(entry: EntryView, config=None):
    """``year``, ``date``, ``urldate`` (and event/original dates) are not ISO 8601.

    Why: biber rejects a date it cannot parse and the year disappears from labels and
    sorting; ``urldate = {11.02.2019}`` is the usual culprit in Russian lists.
    Example: ``year = {2019г.}``, ``urldate = {11.02.2019}``, ``date = {Feb 2019}``.
    Use instead: ``year = {2019}``, ``urldate = {2019-02-11}``, ``date = {2019-02}``.
    A ``dd.mm.yyyy`` date has a safe fix to ISO form.
    """
    values = entry.values
    for name in _DATE_FIELDS:
        if name not in values:
            continue
        value = _plain(values[name])
        ok = _YEAR.match(value) if name == "year" else _ISO_DATE.match(value)
        shaped = bool(ok)
        if ok:
            if name != "year" and not _real_days(parse_date(value.rstrip("/").replace("/..", "")).parts):
                ok = None   # right shape, impossible month or day (2019-13, 2019-02-30)
            else:
                continue
        fix = None
        span = entry.span(name)
        m = _DMY.match(value)
        if m and span and name != "year":
            iso = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
            if _real_days(parse_date(iso).parts):
                fix = Fix(f"write {name} as {iso}", True, [span.replace_value(iso)])
        problem = "has no such month or day" if shaped else "is not an ISO 8601 date"
        yield finding(malformed_date, entry, f"{name} of '{entry.key}' {problem}: '{value}'", name, fix)
    if not entry.is_bib:
        for variable in ("issued", "accessed"):
            date = entry.record.get(variable)
            if isinstance(date, Date) and date.literal and not date.parts:
                yield finding(malformed_date, entry, f"{variable} of '{entry.key}' is not a date: "
                              f"'{date.literal}'", variable)


@rule("V002", "month-format", "warning", fix="safe", fields=("month",))
def month_format(entry: EntryView, config=None):
    """``month`` holds a name or abbreviation instead of a number or month macro.

    Why: biber accepts only integers 1–12 (or the ``jan``…``dec`` macros) and drops the
    rest; classic styles print the text as it stands.
    Example: ``month = {February}``, ``month = {фев.}``, ``month = {Feb.}``.
    Use instead: ``month = feb`` (a macro both BibTeX and biber understand).
    """
    if "month" not in entry.values:
        return
    span = entry.span("month")
    if not span:
        return
    raw = span.raw.strip()
    if re.fullmatch(r"[a-z]{3}", raw) or re.fullmatch(r"[{\"]?(?:0?[1-9]|1[0-2])[}\"]?", raw):
        return
    number = month_number(_plain(span.value))
    fix = None
    if number:
        macro = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][number - 1]
        from ..findings import Edit
        fix = Fix(f"write month = {macro}", True, [Edit(span.start, span.end, macro)])
    yield finding(month_format, entry, f"month of '{entry.key}' should be a number or a macro, "
                  f"not '{_plain(span.value)}'", "month", fix)


_SINGLE_HYPHEN_RANGE = re.compile(r"^([A-Za-zА-Яа-я]?\d+)\s*(?:-|–|—|‐|‑|‒|−)\s*([A-Za-zА-Яа-я]?\d+)$")


@rule("V003", "page-range-hyphen", "warning", fix="safe", fields=("pages",))
def page_range_hyphen(entry: EntryView, config=None):
    """A page range is written with a hyphen or a Unicode dash instead of ``--``.

    Why: BibTeX prints ``134-135`` with a hyphen where typography wants an en dash, and
    some styles fail to recognise it as a range (``pp.`` vs ``p.``).
    Example: ``pages = {134-135}``, ``pages = {134–135}``.
    Use instead: ``pages = {134--135}``.
    """
    value = _plain(entry.values.get("pages", ""))
    m = _SINGLE_HYPHEN_RANGE.match(value)
    span = entry.span("pages") if m else None
    if m and span:
        fixed = f"{m.group(1)}--{m.group(2)}"
        # the range is rewritten where it stands: braces around it ({{740-759}}) are kept
        body = span.value
        at = body.find(value)
        fix = Fix(f"write pages = {{{fixed}}}", True,
                  [span.replace_value(body[:at] + fixed + body[at + len(value):])]) if at >= 0 else None
        yield finding(page_range_hyphen, entry, f"pages of '{entry.key}': write the range as "
                      f"'{fixed}', not '{value}'", "pages", fix)


_ISSUE_TYPES = ("article-journal", "article-magazine", "article-newspaper", "periodical")
#: A marker is a whole word: an abbreviation with its period (``Т.``, ``No.``), the sign
#: ``№``, or a spelled-out word followed by a space (``Том 3``, ``No 5``).  Without that
#: boundary ``No`` matched the start of ``November``, ``Nouvelle`` and ``Nos.``, and the
#: safe fix cut those words down to ``vember``, ``uvelle`` and ``s.``.
_VOLUME_MARK = re.compile(r"^(?:(?:Т|Vol|V)\.|(?:Том|Vol|Volume)(?=\s))\s*", re.I)
_NUMBER_MARK = re.compile(r"^(?:№|(?:No|Nr|Вып|Iss)\.|(?:No|Nr|Number|Выпуск|Issue)(?=\s))\s*", re.I)


@rule("V004", "volume-number-markers", "warning", fix="safe",
      fields=("volume", "number", "issue"))
def volume_number_markers(entry: EntryView, config=None):
    """``volume`` or ``number`` keeps its printed marker (``Т.``, ``№``, ``Vol.``, ``No.``).

    Why: the style adds its own marker, so the reference reads ``Т. Т. 7`` or ``№ № 1``;
    a volume marker in ``number`` (or the reverse) means the two fields were swapped.
    Example: ``volume = {Т. 7}``, ``number = {№ 1}``, ``number = {Vol. 3}``.
    Use instead: ``volume = {7}``, ``number = {1}``.  (``number`` is checked for journal
    articles only: a book's number in a series is printed as written.)
    """
    for name, own, other in (("volume", _VOLUME_MARK, _NUMBER_MARK), ("number", _NUMBER_MARK, _VOLUME_MARK)):
        if name == "number" and entry.record.type not in _ISSUE_TYPES:
            continue   # a book's number is its number in a series, printed as the data has it
        span = None
        value = _plain(entry.values[name]) if name in entry.values else str(entry.record.get(
            {"volume": "volume", "number": "issue"}[name]) or "")
        if not value:
            continue
        m = own.match(value)
        if (m or other.match(value)) and name in entry.values:
            span = entry.span(name)
        if m and value[m.end():].strip():
            bare = value[m.end():].strip()
            fix = Fix(f"write {name} = {{{bare}}}", True, [span.replace_value(bare)]) if span else None
            yield finding(volume_number_markers, entry, f"{name} of '{entry.key}' keeps its marker: "
                          f"'{value}' (write '{bare}')", name, fix)
        elif other.match(value):
            yield finding(volume_number_markers, entry, f"{name} of '{entry.key}' holds "
                          f"'{value}', which is marked as the other of volume/number: swapped?", name)


@rule("V005", "doi-syntax", "error", fields=("doi",))
def doi_syntax(entry: EntryView, config=None):
    """The DOI is not a DOI: it must be ``10.<registrant>/<suffix>``.

    Why: the link built from it resolves nowhere and DOI-based deduplication fails.
    Example: ``doi = {10.1000}``, ``doi = {DOI 10.1000/xyz}``.
    Use instead: ``doi = {10.1000/xyz}``.
    """
    doi = entry.record.get("DOI")
    if doi and not DOI_RE.match(doi) and not _DOI_URL.match(doi):
        yield finding(doi_syntax, entry, f"doi of '{entry.key}' is not a DOI: '{doi}'", "doi")


@rule("V006", "doi-as-url", "warning", fix="safe", fields=("doi",))
def doi_as_url(entry: EntryView, config=None):
    """The ``doi`` field holds a URL or a ``doi:`` prefix instead of the bare DOI.

    Why: styles add ``https://doi.org/`` themselves, printing the prefix twice.
    Example: ``doi = {https://doi.org/10.1134/S0361768825700069}``.
    Use instead: ``doi = {10.1134/S0361768825700069}``.
    """
    doi = entry.record.get("DOI")
    if not doi:
        return
    m = _DOI_URL.match(doi)
    if m:
        span = entry.span("doi") if "doi" in entry.values else None
        fix = Fix(f"write doi = {{{m.group(1)}}}", True, [span.replace_value(m.group(1))]) if span else None
        yield finding(doi_as_url, entry, f"doi of '{entry.key}' is written as a URL: '{doi}' "
                      f"(write '{m.group(1)}')", "doi", fix)


def _split_identifiers(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,;]|\s{2,}|\s(?=\d{3}-)", value) if v.strip()]


_ISBN_PLAIN = re.compile(r"[0-9 -]*[0-9Xx]?")
_ISBN_PREFIX = re.compile(r"^ISBN[:\s-]*|\s*\([^)]*\)\s*$", re.I)


def _isbn_valid(candidate: str) -> bool:
    """``stdnum.isbn.is_valid`` with a fast path for the usual form (digits, hyphens, spaces).

    Why: stdnum first maps every character through a Unicode table in Python
    generators, which made V007 the slowest rule on a large file.  For a candidate made
    only of ASCII digits, ``-``, spaces and a final ``X``, that mapping changes nothing, so
    the same steps (strip separators, pad a 9-digit SBN, ISBN-10 check, EAN-13 check and
    the 978/979 prefix) are done here directly; anything else goes to stdnum unchanged.
    """
    if not _ISBN_PLAIN.fullmatch(candidate):
        from stdnum import isbn       # here, not at import: it pulls in ssl (start-up time)
        return isbn.is_valid(candidate)
    number = candidate.replace(" ", "").replace("-", "").upper()
    if len(number) == 9:
        number = "0" + number
    if not number[:-1].isdigit():       # ASCII only here, so isdigit is stdnum's isdigits
        return False
    if len(number) == 10:
        check = sum((i + 1) * int(n) for i, n in enumerate(number[:-1])) % 11
        return ("X" if check == 10 else str(check)) == number[-1]
    if len(number) == 13:
        if not number.isdigit():
            return False
        total = sum((3, 1)[i % 2] * int(n) for i, n in enumerate(reversed(number[:-1])))
        return str((10 - total) % 10) == number[-1] and number[:3] in ("978", "979")
    return False


@rule("V007", "isbn-checksum", "error", fields=("isbn",))
def isbn_checksum(entry: EntryView, config=None):
    """An ISBN-10 or ISBN-13 has the wrong length or check digit.

    Why: catalogues and link resolvers find nothing, or the wrong book.
    Example: ``isbn = {978-5-02-037554-4}`` (check digit should be 3).
    Use instead: the ISBN printed on the book's copyright page, e.g. ``978-5-02-037554-3``.
    """
    value = entry.record.get("ISBN")
    if not value:
        return
    for item in _split_identifiers(value):
        candidate = _ISBN_PREFIX.sub("", item)
        if not _isbn_valid(candidate):
            yield finding(isbn_checksum, entry, f"isbn of '{entry.key}' is not a valid ISBN: '{item}'", "isbn")


@rule("V008", "issn-checksum", "error", fields=("issn",))
def issn_checksum(entry: EntryView, config=None):
    """An ISSN has the wrong form or check digit.

    Why: the journal cannot be identified in catalogues and indexes.
    Example: ``issn = {0378-5956}`` (check digit should be 5).
    Use instead: the ISSN printed by the journal, e.g. ``0378-5955``.
    """
    value = entry.record.get("ISSN")
    if not value:
        return
    for item in _split_identifiers(value):
        candidate = re.sub(r"^ISSN[:\s-]*", "", item, flags=re.I)
        from stdnum import issn
        if not issn.is_valid(candidate):
            yield finding(issn_checksum, entry, f"issn of '{entry.key}' is not a valid ISSN: '{item}'", "issn")


@rule("V009", "url-without-urldate", "warning", fields=("url",))
def url_without_urldate(entry: EntryView, config=None):
    """A URL is given without the date it was accessed.

    Why: GOST R 7.0.5 and 7.0.100 require the access date (``дата обращения``), and so do
    APA for pages that change; a web page without it cannot be traced later.
    Example: ``url = {http://www.eduherald.ru/…}`` and no ``urldate``.
    Use instead: add ``urldate = {2019-02-11}``.
    """
    if entry.record.get("URL") and "accessed" not in entry.record and entry.record.type in (
            "webpage", "post", "post-weblog", "article-journal", "article-newspaper", "article-magazine",
            "document"):
        yield finding(url_without_urldate, entry, f"'{entry.key}' has a URL but no urldate", "url")


@rule("V010", "urldate-in-future", "error", fields=("urldate",))
def urldate_in_future(entry: EntryView, config=None):
    """The access date lies in the future.

    Why: a typo in the year or day/month swapped (``2019-11-02`` for 2 November vs
    11 February); reviewers and link checkers trust it.
    Example: ``urldate = {2091-02-11}``.
    Use instead: the date the page was actually read.
    """
    date = entry.record.get("accessed")
    if not isinstance(date, Date) or not date.parts:
        return
    parts = date.parts[-1] + [1, 1]
    try:
        when = _dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return
    today = getattr(config, "today", None) or _dt.date.today()
    if when > today:
        yield finding(urldate_in_future, entry, f"urldate of '{entry.key}' is in the future: {date.iso()}",
                      "urldate")
