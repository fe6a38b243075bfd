"""The record lint's entry rules read, each variable mapped from its own fields when read.

Why: the rules read a dozen variables of an entry's record (title, names, dates, DOI …),
and mapping the entry with :func:`~polybib.formats.bibtex.mapping.entry_to_reference`
paid for a whole :class:`~polybib.model.Reference` per entry: field names lower-cased
again, the claim order sorted, every field dispatched through the mapping's chain of
tests, extras made for fields no rule reads.  That was a fifth of ``polybib lint`` on a
large file (issue 18.6).  :class:`LintRecord` answers the same questions from the
entry's resolved values (``EntryView.values``, already made for the rules) and maps a
variable only when a rule first asks for it: an entry whose ISBN no rule reads never has
it decoded.

Each maker below gives what the whole mapping gives for its variable from the fields
of :data:`~polybib.lint.context.RECORD_FIELDS`, by the mapping's own rules (the first
claim wins, in its claim order; an empty value claims nothing).
``tests/lint/test_record_fields.py`` compares every variable with the whole mapping's on
every corpus entry, a generated file and hand-made edge cases: a change to the mapping of
these fields must be made here too, and that test says so.
"""
from __future__ import annotations

import contextlib

from .. import latex
from ..dates import date_from_parts, parse_date
from ..formats.bibtex.mapping import (EXTRA, ISSUE_TYPES, SUBTYPED_CSL_TYPES, TYPE_TO_CSL, _date_text,
                                      _OPEN_RANGE, code_to_langid, langid_to_code, unescape_verbatim)
from ..formats.bibtex.names import parse_bibtex_name, parse_bibtex_names, split_names
from ..model import Date, Name, Source

#: The source of lint's own records (the rules never read it: findings point at entries).
RECORD_SOURCE = Source(format="bibtex")
#: The fields a run-wide rule reads as the record's extras (S006: the keys an entry links to).
LINK_FIELDS = ("crossref", "xref", "xdata", "related")
_UNSET = object()


def _claimable_date(value: Date) -> Date | None:
    """A date the mapping claims (one with parts or a literal), else None."""
    return value if value.parts or value.literal else None


def _text(name: str):
    def make(values: dict, csl_type: str):
        value = values.get(name)
        return None if value is None else (latex.decode(value) or None)
    return make


def _verbatim(name: str):
    def make(values: dict, csl_type: str):
        value = values.get(name)
        return None if value is None else (unescape_verbatim(value) or None)
    return make


#: Within :func:`names_shared` (lint's entry pass): the one :class:`Name` of each name text
#: met.  A file names the same people again and again (20,000 generated entries have
#: 48,000 names, 7,000 distinct), the run-wide rules keep every entry's names, and lint's
#: records are only read: one object per name text, instead of a new one per entry that
#: the run then had to match to an equal one.  Bounded, emptied when full.
_SHARED_NAMES: dict[str, Name] | None = None
_SHARED_LIMIT = 1 << 16


@contextlib.contextmanager
def names_shared():
    """Within the block, lint's records share one Name per name text (see above)."""
    global _SHARED_NAMES
    outer = _SHARED_NAMES
    if outer is None:
        _SHARED_NAMES = {}
    try:
        yield
    finally:
        if outer is None:
            _SHARED_NAMES = None


def _names(name: str):
    def make(values: dict, csl_type: str):
        value = values.get(name)
        if value is None:
            return None
        shared = _SHARED_NAMES
        if shared is None:
            return parse_bibtex_names(value)[0] or None
        # parse_bibtex_names with each name read once: "others" is no name (et al.), and
        # split_names gives no empty piece
        names = []
        for raw in split_names(value):
            person = shared.get(raw)
            if person is None:
                if raw.strip().lower() == "others" or not raw.strip():
                    continue
                if len(shared) >= _SHARED_LIMIT:
                    shared.clear()
                person = shared[raw] = parse_bibtex_name(raw)
            names.append(person)
        return names or None
    return make


def _container_title(values: dict, csl_type: str):
    # journaltitle, journal, booktitle: CLAIM_RANK's order, the first that is not empty
    for name in ("journaltitle", "journal", "booktitle"):
        value = values.get(name)
        if value is not None:
            text = latex.decode(value)
            if text:
                return text
    return None


def _issued(values: dict, csl_type: str):
    date = values.get("date")
    if date is not None:        # ``year`` (and its month and day) then claim nothing
        issued = _claimable_date(parse_date(_date_text(date)))
        if issued is not None and not issued.parts:
            match = _OPEN_RANGE.match(date.replace("{", "").replace("}", ""))
            if match:           # biblatex-gost's open range ``2000/`` (mapping._read_gost)
                return Date(parts=[[int(match.group(1))]])
        return issued
    year = values.get("year")
    if year is None:
        return None
    month = values.get("month", "")
    return _claimable_date(date_from_parts(_date_text(year), latex.decode(month, markup=False),
                                           values.get("day", "")))


def _accessed(values: dict, csl_type: str):
    value = values.get("urldate")
    return None if value is None else _claimable_date(parse_date(_date_text(value)))


def _language(values: dict, csl_type: str):
    langid = values.get("langid")
    if langid is not None:      # ``language`` then claims nothing
        return langid_to_code(langid) or None
    value = values.get("language")
    if value is None:
        return None
    code = langid_to_code(value)
    if code == value.strip() or code_to_langid(code) != value.strip():
        return None
    return code or None


def _issue(values: dict, csl_type: str):
    if csl_type not in ISSUE_TYPES:
        return None             # ``number`` is then a collection number or a number
    value = values.get("number")
    if value is None:
        value = values.get("issue")
    return None if value is None else (latex.decode(value) or None)


#: How each variable the rules read is made from the entry's values and its CSL type.
MAKERS = {
    "title": _text("title"), "container-title": _container_title,
    "author": _names("author"), "editor": _names("editor"),
    "DOI": _verbatim("doi"), "URL": _verbatim("url"),
    "ISBN": _text("isbn"), "ISSN": _text("issn"),
    "accessed": _accessed, "volume": _text("volume"), "issue": _issue,
    "issued": _issued, "language": _language,
}


def csl_type(low_type: str, values: dict) -> str:
    """The record's type, as :func:`mapping.entry_to_reference` decides it."""
    kind = TYPE_TO_CSL.get(low_type, "document")
    if low_type == "misc":
        subtype = values.get("entrysubtype", "").strip()
        if subtype in SUBTYPED_CSL_TYPES:
            return subtype          # @misc{entrysubtype = {legislation}}: polybib's own
    return kind


class LintRecord:
    """A .bib entry's record as the entry rules read it (``get``, ``[…]``, ``in``,
    ``type``, ``language``, ``extra``, ``fields``), each variable made on first read.

    ``values``: the entry's resolved values by lower-cased name, the first occurrence
    winning (``EntryView.values``); only those of ``RECORD_FIELDS`` are read.
    """

    __slots__ = ("id", "type", "_values", "_made")

    def __init__(self, key: str, low_type: str, values: dict):
        self.id = key
        self.type = csl_type(low_type, values)
        self._values = values
        self._made: dict = {}

    def _at(self, variable: str):
        made = self._made
        value = made.get(variable, _UNSET)
        if value is _UNSET:
            maker = MAKERS.get(variable)
            if maker is None:
                raise LookupError(f"{variable!r} is not a variable lint's record maps "
                                  "(add it to lint.record.MAKERS and its fields to RECORD_FIELDS)")
            value = made[variable] = maker(self._values, self.type)
        return value

    def year_of_issue(self) -> int | None | Date:
        """What the run-wide rules keep of ``issued`` (D002 compares years): the year of a
        plain ``date`` or ``year`` (four digits at most, which is that year to the mapping)
        without making the date, else the date made as the rules read it."""
        if "issued" not in self._made:
            values = self._values
            text = values.get("date")
            if text is None:
                text = values.get("year")
            if text is not None:
                text = text.strip()
                if len(text) <= 4 and text.isdigit() and text.isascii():
                    return int(text)
        return self._at("issued")

    def get(self, variable: str, default=None):
        value = self._at(variable)
        return default if value is None else value

    def __getitem__(self, variable: str):
        value = self._at(variable)
        if value is None:
            raise KeyError(variable)
        return value

    def __contains__(self, variable: str) -> bool:
        return self._at(variable) is not None

    @property
    def language(self) -> str:
        return self.get("language", "")

    @property
    def fields(self) -> dict:
        """Every variable there is, made at once (for a caller that wants them all)."""
        return {variable: value for variable in MAKERS
                for value in (self._at(variable),) if value is not None}

    @property
    def extra(self) -> dict:
        """Of the record's extras, the links to other entries (what lint reads of them)."""
        values = self._values
        return {EXTRA + name: values[name] for name in LINK_FIELDS if name in values}

    @property
    def source(self) -> Source:
        return RECORD_SOURCE

    def __repr__(self) -> str:
        return f"LintRecord({self.id!r}, {self.type!r})"


__all__ = ["LINK_FIELDS", "LintRecord", "MAKERS", "RECORD_SOURCE", "csl_type", "names_shared"]
